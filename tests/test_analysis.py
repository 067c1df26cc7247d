"""Acting spells, fill methods and vacancy chains on hand-made timelines a reader can check by hand."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from jptp import fills as F
from jptp import moves as M
from jptp import spells as S

POSTS = pd.DataFrame(
    {
        "post_id": ["g/a", "g/b", "g/c", "g/d", "g/sekda", "g/below"],
        "level": ["jptp", "jptp", "jptp", "jptp", "jptp", "other"],
        "unit_type": ["dinas", "dinas", "badan", "badan", "sekretariat", "bidang"],
    }
)
LIMITS = pd.DataFrame(
    {
        "status": ["plt", "pj"], "post_scope": ["any", "sekda"], "initial_days": [90, 90], "renewals": [1, 1],
        "max_total_days": [180, 180], "legal_source": ["SE BKN 1/SE/I/2021", "Perpres 3/2018"], "note": ["", ""],
    }
)


def sightings(*rows) -> tuple[pd.DataFrame, pd.DataFrame]:
    """rows: (post, 'YYYY-MM-DD', status, person, relation='on', stated_min=None, stated_max=None)."""
    obs, recs = [], []
    for i, row in enumerate(rows):
        post, day, status, person, *rest = row
        relation = rest[0] if rest else "on"
        stated = rest[1:3] if len(rest) > 1 else (None, None)
        rid = f"r{i:02d}"
        d = date.fromisoformat(day)
        obs.append(dict(observation_id=rid, record_id=rid, source_id="s", government_id="g", post_id=post, person_id=person,
                        status=status, status_inferred=False, event="seen_in_post", date_earliest=d, date_latest=d,
                        date_precision="day", date_relation=relation, derived=False))
        recs.append(dict(record_id=rid, stated_duration_days_min=stated[0], stated_duration_days_max=stated[1]))
    records = pd.DataFrame(recs).astype({"stated_duration_days_min": "Int64", "stated_duration_days_max": "Int64"})
    return pd.DataFrame(obs), records


def spells_of(*rows, data_end="2026-01-01"):
    obs, records = sightings(*rows)
    spells = S.status_spells(obs, records, POSTS, pd.Series({"g": pd.Timestamp(data_end)}))
    spells["holder_other_posts"] = S.holder_other_posts(spells)
    return S.apply_legal_clock(spells, spells.status, LIMITS).set_index("spell_id")


def test_censored_at_the_start():
    s = spells_of(("g/a", "2024-03-01", "plt", None), ("g/a", "2024-05-01", "definitive", "x")).loc["g/a#01"]
    assert s.censored_start and not s.censored_end
    assert (s.days_at_least, s.end_latest) == (0, pd.Timestamp("2024-05-01"))
    assert pd.isna(s.days_at_most)


def test_censored_at_the_end():
    s = spells_of(("g/a", "2024-01-01", "definitive", "x"), ("g/a", "2024-03-01", "plt", None)).loc["g/a#02"]
    assert s.censored_end and not s.censored_start and pd.isna(s.days_at_most)
    assert s.data_end == pd.Timestamp("2026-01-01")


def test_censored_at_both_ends_and_seen_once():
    s = spells_of(("g/a", "2024-03-01", "plt", None)).loc["g/a#01"]
    assert s.censored_start and s.censored_end and s.seen_once
    assert s.days_at_least == 0 and pd.isna(s.days_at_most)


def test_seen_several_times_in_a_row_bounded_on_both_sides():
    s = spells_of(
        ("g/a", "2024-01-01", "definitive", "x"),
        ("g/a", "2024-02-01", "plt", "y"),
        ("g/a", "2024-03-01", "plt", "y"),
        ("g/a", "2024-04-01", "plt", None),  # an unnamed sighting does not split y's spell
        ("g/a", "2024-06-01", "definitive", "z"),
    ).loc["g/a#02"]
    assert s.n_sightings == 3 and s.holder_person_id == "y"
    assert s.days_seen == (date(2024, 4, 1) - date(2024, 2, 1)).days  # 60
    assert s.days_at_least == 0  # sightings prove their own days only (see the synthetic-check tests below)
    assert s.days_at_most == (date(2024, 6, 1) - date(2024, 1, 1)).days  # 152
    assert s.past_initial_limit == "possibly" and s.past_max_limit == "certainly_not"


def test_stated_duration_narrows_the_start_and_is_flagged():
    # 'sudah delapan bulan dijabat Plt' on 2024-09-01: 8 months = 224 to 248 days before.
    s = spells_of(("g/a", "2024-09-01", "plt", None, "on", 224, 248)).loc["g/a#01"]
    assert s.duration_stated and not s.censored_start
    assert s.start_latest == pd.Timestamp("2024-09-01") - pd.Timedelta(days=224)
    assert s.start_earliest == pd.Timestamp("2024-09-01") - pd.Timedelta(days=248)
    assert s.days_at_least == 224 and pd.isna(s.days_at_most)  # the end is still open
    assert s.past_max_limit == "certainly"


def test_definitive_appointment_ends_the_acting_spell_on_its_date():
    # 004 ¶2-3: a dinas run by a Plt 'sebelumnya', filled on the day of the inauguration.
    s = spells_of(("g/a", "2024-07-26", "plt", None, "before"), ("g/a", "2024-07-26", "definitive", "x"))
    assert list(s.status) == ["plt", "definitive"]
    assert s.loc["g/a#01", "end_latest"] == pd.Timestamp("2024-07-26") and s.loc["g/a#01", "days_at_least"] == 0


@pytest.mark.parametrize(
    "first, last, after, expected",
    [
        ("2024-01-01", "2024-08-01", None, "possibly"),  # seen 213 days, but only a stated duration makes it certain
        ("2024-01-01", "2024-02-01", None, "possibly"),  # open end
        ("2024-01-01", "2024-02-01", "2024-03-01", "certainly_not"),  # at most 60 (after the definitive on 2024-01-01 before)
    ],
)
def test_legal_limit_certainly_possibly_certainly_not(first, last, after, expected):
    rows = [("g/a", "2023-12-31", "definitive", "x"), ("g/a", first, "plt", "y"), ("g/a", last, "plt", "y")]
    if after:
        rows.append(("g/a", after, "definitive", "z"))
    assert spells_of(*rows).loc["g/a#02", "past_max_limit"] == expected


def test_pj_sekda_has_its_own_limit_and_a_vacancy_has_none():
    s = spells_of(("g/sekda", "2024-01-01", "vacant", None, "before"), ("g/sekda", "2024-01-01", "pj", "k"))
    assert s.loc["g/sekda#01", "past_max_limit"] == "no_limit"
    assert s.loc["g/sekda#02", "limit_source"] == "Perpres 3/2018"


def test_two_consecutive_plt_spells_are_one_stretch():
    spells = spells_of(
        ("g/a", "2024-01-01", "definitive", "x"),
        ("g/a", "2024-02-01", "plt", "y"),
        ("g/a", "2024-05-01", "plt", "y"),
        ("g/a", "2024-06-01", "plt", "w"),  # handed over to another Plt
        ("g/a", "2024-09-01", "plt", "w"),
        ("g/a", "2024-12-01", "definitive", "z"),
    ).reset_index()
    assert list(spells.status) == ["definitive", "plt", "plt", "definitive"]
    # y: seen 90 days (Feb 1 to May 1), at most 152 (Jan 1 to Jun 1): certainly within 180 days;
    # w: seen 92 days, at most 214 (May 1 to Dec 1): possibly past.
    plt = spells[spells.status == "plt"].set_index("holder_person_id")
    assert (plt.loc["y", "days_seen"], plt.loc["y", "days_at_most"], plt.loc["y", "past_max_limit"]) == (90, 152, "certainly_not")
    assert (plt.loc["w", "days_seen"], plt.loc["w", "days_at_most"], plt.loc["w", "past_max_limit"]) == (92, 214, "possibly")
    stretches = S.acting_stretches(spells)
    stretches = S.apply_legal_clock(stretches, S.stretch_status_for_limit(stretches, LIMITS), LIMITS)
    one = stretches.iloc[0]
    assert len(stretches) == 1 and one.n_spells == 2 and one.statuses == "plt>plt"
    # The renewal cannot hide the wait: the post is seen waiting 213 days (2024-02-01 to 2024-09-01) and
    # at most 335. Past the limit only possibly: a definitive holder may have come and gone unreported
    # between May and June (test_an_unreported_holder_between_two_plt_sightings_stays_inside_the_range).
    assert one.days_seen == 213 and one.days_at_least == 0 and one.days_at_most == 335 and one.past_max_limit == "possibly"


def moves_of(*rows):
    """rows: (move_id, person, from_post or None, to_post, 'YYYY-MM-DD')."""
    level = POSTS.set_index("post_id").level
    frame = pd.DataFrame(rows, columns=["move_id", "person_id", "from_post_id", "to_post_id", "day"])
    return frame.assign(
        source_id="s", government_id="g", from_basis=frame.from_post_id.notna().map({True: "stated", False: "unknown"}),
        from_level=frame.from_post_id.map(level).fillna("unknown"), from_last_seen=pd.NaT,
        date_earliest=pd.to_datetime(frame.day), date_latest=pd.to_datetime(frame.day), date_precision="day", method_stated=None,
    ).drop(columns="day")


NO_SIGHTINGS = sightings(("g/zz", "2000-01-01", "definitive", "nobody"))[0]


def test_same_day_chain_of_three_moves_ending_in_a_vacancy():
    # The shape of 004 ¶3-4: a -> b -> c, and d is left empty.
    moves = moves_of(("m1", "p1", "g/b", "g/a", "2024-07-26"), ("m2", "p2", "g/c", "g/b", "2024-07-26"), ("m3", "p3", "g/d", "g/c", "2024-07-26"))
    chains, steps = M.chains(moves, NO_SIGHTINGS)
    assert len(chains) == 1
    chain = chains.iloc[0]
    assert (chain.length_moves, chain.same_day, chain.end_type, chain.end_post_id) == (3, True, "open_at_data_end", "g/d")
    assert list(steps.vacant_post_id) == ["g/a", "g/b", "g/c"] and list(steps.person_id) == ["p1", "p2", "p3"]


def test_chain_across_dates_keeps_the_days_between_steps():
    moves = moves_of(("m1", "p1", "g/b", "g/a", "2024-01-10"), ("m2", "p2", "g/c", "g/b", "2024-03-10"))
    later, _ = sightings(("g/c", "2024-06-01", "plt", "q"))
    chains, steps = M.chains(moves, later)
    assert chains.iloc[0].length_moves == 2 and not chains.iloc[0].same_day
    assert steps.iloc[1].days_since_previous_step_min == steps.iloc[1].days_since_previous_step_max == 60
    assert chains.iloc[0].end_type == "left_vacant"  # g/c is seen under a Plt afterwards


def test_someone_seen_in_between_breaks_the_link():
    moves = moves_of(("m1", "p1", "g/b", "g/a", "2024-01-10"), ("m2", "p2", "g/c", "g/b", "2024-03-10"))
    between, _ = sightings(("g/b", "2024-02-01", "definitive", "stranger"))
    chains, _ = M.chains(moves, between)
    assert len(chains) == 2  # the vacancy in g/b was filled by someone we never saw move in


def test_a_swap_is_a_closed_chain_not_an_error():
    moves = moves_of(("m1", "p1", "g/b", "g/a", "2024-07-26"), ("m2", "p2", "g/a", "g/b", "2024-07-26"))
    chains, steps = M.chains(moves, NO_SIGHTINGS)
    assert len(chains) == 1 and chains.iloc[0].end_type == "closed" and chains.iloc[0].origin == "closed"
    assert len(steps) == 2


def test_fill_from_outside_ends_the_chain():
    moves = moves_of(("m1", "p1", "g/b", "g/a", "2024-07-26"), ("m2", "p2", "g/below", "g/b", "2024-07-26"))
    chains, _ = M.chains(moves, NO_SIGHTINGS)
    assert chains.iloc[0].end_type == "filled_from_outside" and chains.iloc[0].length_moves == 2


def test_concurrent_pj_keeps_own_post_and_is_not_a_move():
    obs, records = sightings(("g/b", "2024-01-01", "definitive", "k"), ("g/b", "2024-03-01", "definitive", "k"), ("g/sekda", "2024-03-01", "pj", "k"))
    appointments = pd.DataFrame(
        [dict(appointment_id="r02", record_id="r02", source_id="s", government_id="g", post_id="g/sekda", person_id="k", status="pj",
              event="inaugurated", date_earliest=date(2024, 3, 1), date_latest=date(2024, 3, 1), date_precision="day",
              date_year_inferred=False, method_stated=None, method_raw="", previous_post_id=None, previous_post_raw="")]
    )
    assert M.moves_table(appointments, obs, POSTS).empty
    spells = S.status_spells(obs, records, POSTS, pd.Series({"g": pd.Timestamp("2024-03-01")}))
    held = S.posts_held(spells, obs).set_index("date").loc[pd.Timestamp("2024-03-01")]
    assert (held.n_posts, held.n_definitive, held.n_acting) == (2, 1, 1)
    spells["holder_other_posts"] = S.holder_other_posts(spells)
    assert spells.set_index("spell_id").loc["g/sekda#01", "holder_other_posts"] == "g/b:definitive"


def test_previous_post_seen_earlier_is_used_and_flagged():
    obs, _ = sightings(("g/b", "2024-01-01", "definitive", "p"))
    appointments = pd.DataFrame(
        [dict(appointment_id="a1", record_id="a1", source_id="s", government_id="g", post_id="g/a", person_id="p", status="definitive",
              event="inaugurated", date_earliest=date(2024, 6, 1), date_latest=date(2024, 6, 1), date_precision="day",
              date_year_inferred=False, method_stated="mutation", method_raw="mutasi", previous_post_id=None, previous_post_raw="")]
    )
    moves = M.moves_table(appointments, obs, POSTS)
    assert (moves.iloc[0].from_post_id, moves.iloc[0].from_basis) == ("g/b", "earlier_sighting")
    fills = F.classify_fills(moves, appointments)
    assert fills.iloc[0].method == "rotation" and fills.iloc[0].from_inferred
    assert "last seen as g/b on 2024-01-01" in fills.iloc[0].evidence


def test_fill_methods_and_their_shares_carry_n():
    fills = pd.DataFrame({"government_id": ["g"] * 4, "year": [2024] * 4, "method": ["open_selection", "rotation", "rotation", "unknown"]})
    counts = F.fill_method_counts(fills).set_index("method")
    assert counts.loc["open_selection", "share"] == 0.25 and (counts.n_fills == 4).all()
    assert counts.loc["promotion", "n"] == 0  # every method is listed, even with no fill


# --- Found by the synthetic check (jptp.synthetic_check): each was a true duration outside its range ---


def test_an_unreported_holder_between_two_plt_sightings_stays_inside_the_range():
    # Truth (a synthetic government): Plt y from Jan 15 to Mar 1, definitive z from Mar 1 to Jun 1
    # (never reported), Plt y again from Jun 1 to Oct 1. News sees y on Feb 1 and Sep 1 only. The old
    # 'at least = first to last sighting' claimed 213 days for both true spells of 45 and 122 days.
    spells = spells_of(
        ("g/a", "2024-01-01", "definitive", "x"), ("g/a", "2024-02-01", "plt", "y"),
        ("g/a", "2024-09-01", "plt", "y"), ("g/a", "2024-12-01", "definitive", "w"),
    )
    stretch = S.acting_stretches(spells.reset_index()).iloc[0]
    for true_days in (45, 122):
        for reported in (spells.loc["g/a#02"], stretch):
            assert reported.days_at_least <= true_days <= reported.days_at_most
    assert spells.loc["g/a#02", "days_seen"] == 213  # what the sightings suggest, named for what it is


def _spells_with_chains(moves, obs, records):
    chains, steps = M.chains(moves, obs)
    sightings = S.sightings_with_vacated_posts(obs, chains, steps)
    return S.status_spells(sightings, records, POSTS, pd.Series({"g": pd.Timestamp("2025-01-01")})).set_index("spell_id")


def test_a_plt_designated_the_day_the_holder_moves_out_is_not_cut_to_zero_days():
    # p1 leaves g/b for g/a on 2024-03-01 (stated); k is made Plt of g/b that same day and is seen again
    # in May. The inferred vacancy of g/b sorted after k's sighting ('chain-...' > 'r..') and ended
    # k's spell the day it began: at most 0 days, for a Plt who served months.
    moves = moves_of(("m1", "p1", "g/b", "g/a", "2024-03-01"))
    obs, records = sightings(("g/b", "2024-01-01", "definitive", "p1"), ("g/b", "2024-03-01", "plt", "k"), ("g/b", "2024-05-02", "plt", "k"))
    real_ids = {"observation_id": lambda d: "004-" + d.observation_id.str[1:], "record_id": lambda d: "004-" + d.record_id.str[1:]}
    obs, records = obs.assign(**real_ids), records.assign(record_id=real_ids["record_id"])  # digits sort before 'chain-'
    spells = _spells_with_chains(moves, obs, records)
    plt = spells[spells.status == "plt"].iloc[0]
    assert list(spells.status) == ["definitive", "vacant", "plt"]
    assert plt.n_sightings == 2 and pd.isna(plt.days_at_most)  # open at the end, as it should be


def test_a_previous_post_inferred_from_an_old_sighting_dates_no_vacancy():
    # p1 was last seen in g/b in January 2020 and is appointed to g/a in 2024 with no previous post
    # stated. When p1 left g/b is unknown (in the synthetic world: years earlier), so g/b gets no
    # inferred vacancy on the day of the 2024 move.
    obs, records = sightings(("g/b", "2020-01-06", "definitive", "p1"), ("g/b", "2021-05-03", "plt", None))
    appointments = pd.DataFrame(
        [dict(appointment_id="a1", record_id="a1", source_id="s", government_id="g", post_id="g/a", person_id="p1", status="definitive",
              event="inaugurated", date_earliest=date(2024, 6, 3), date_latest=date(2024, 6, 3), date_precision="day",
              date_year_inferred=False, method_stated=None, method_raw="", previous_post_id=None, previous_post_raw="")]
    )
    moves = M.moves_table(appointments, obs, POSTS)
    assert moves.iloc[0].from_basis == "earlier_sighting"
    spells = _spells_with_chains(moves, obs, records)
    assert "vacant" not in set(spells.status)


def test_a_new_plt_is_not_bounded_by_unnamed_sightings_that_may_be_their_own():
    # Truth: Plt f from December, handed over to Plt p on May 9, definitive holder from Sep 18.
    # News: f named on Jan 10, an unnamed 'dijabat Plt' on Jul 17 (already p), p named on Aug 11 and
    # Sep 15. The unnamed sighting was counted as f's, and p's spell started no earlier than Jul 17:
    # at most 63 days, for a true 132.
    spells = spells_of(
        ("g/a", "2016-11-01", "definitive", "x"), ("g/a", "2017-01-10", "plt", "f"), ("g/a", "2017-07-17", "plt", None),
        ("g/a", "2017-08-11", "plt", "p"), ("g/a", "2017-09-15", "plt", "p"), ("g/a", "2017-09-18", "definitive", "z"),
    )
    p = spells[spells.holder_person_id == "p"].iloc[0]
    assert p.start_earliest == pd.Timestamp("2017-01-10")  # f's last named sighting
    assert p.days_at_least <= 132 <= p.days_at_most
