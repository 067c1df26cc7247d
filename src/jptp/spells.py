"""Status spells with honest bounds, stretches without a definitive holder, and the legal clock.

News sees a post on scattered days. Each post's sightings are cut into spells of one status (and
one holder, where named). A spell is known only through four dates:

    start_earliest <= start <= start_latest      end_earliest <= end <= end_latest

start_latest is its first sighting and end_earliest its last. start_earliest is the last sighting
of another status before it and end_latest the first sighting of another status after it: it cannot
have run longer than end_latest - start_earliest days, the *at most*. Where no other status is seen
before (or after), that side is open: the spell is censored there and has no upper bound.

Sightings prove a status only on the days they are made. Two sightings of a Plt a year apart do
not prove a year under a Plt: a definitive holder may have come and gone unreported in between
(the synthetic check, jptp.synthetic_check, finds exactly that under sparse coverage). So the
*at least* comes only from a stated duration ('sudah delapan bulan dijabat Plt'), and is 0
otherwise; `days_seen`, from the first to the last sighting, is the length the sightings suggest if
nothing changed unseen between them, and is kept beside it, clearly named, for the analyst who is
willing to make that assumption. A stated duration also narrows the start and is flagged.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .moves import ACTING_OR_VACANT
from .vocab import RELATION_ORDER
from .ordering import sort_by

DAY_OFFSET = 1 << 19  # days since 1970 made positive, and the span of a (person, day) key: any date from 535 to 3405
DAY_SPAN = 1 << 20
VACATED_ORDER = 0.5  # a post vacated by a move: after what held up to that day, before what is seen on it


def _days(later: pd.Series, earlier: pd.Series) -> pd.Series:
    return (pd.to_datetime(later) - pd.to_datetime(earlier)).dt.days.astype("Int64")


def sightings_with_vacated_posts(observations: pd.DataFrame, chain_table: pd.DataFrame, chain_steps: pd.DataFrame) -> pd.DataFrame:
    """Add, for every chain that left a post without a definitive holder, a sighting of that post as
    vacant on the day its holder moved out (inferred, and marked so).

    Only where the article states the post the person left: a previous post inferred from an earlier
    sighting was left at some unknown time since then, perhaps long before this move (the synthetic
    check found such vacancies dated years late), so no day of vacancy can be inferred from it."""
    last_steps = chain_steps.sort_values("step").groupby("chain_id").tail(1).set_index("chain_id")
    stated = chain_table.chain_id.map(last_steps.from_basis).eq("stated")
    ends = chain_table[chain_table.end_type.isin(["left_vacant", "open_at_data_end"]) & stated]
    vacated = pd.DataFrame(
        {
            "observation_id": ends.chain_id + "/vacated",
            "record_id": ends.chain_id.map(last_steps.move_id),
            "source_id": pd.NA,
            "government_id": ends.government_id,
            "post_id": ends.end_post_id,
            "person_id": pd.NA,
            "status": "vacant",
            "status_inferred": True,
            "event": "vacated_by_move",
            "date_earliest": pd.to_datetime(ends.chain_id.map(last_steps.date_earliest)),
            "date_latest": pd.to_datetime(ends.chain_id.map(last_steps.date_latest)),
            "date_precision": "day",
            "date_relation": "on",
            "derived": True,
        }
    )
    return pd.concat([observations, vacated], ignore_index=True) if len(vacated) else observations


def assign_spells(sightings: pd.DataFrame) -> pd.DataFrame:
    """Number the spells of each post: a new spell when the status changes, or when two named holders differ."""
    s = sort_by(
        sightings.assign(
            date_earliest=pd.to_datetime(sightings.date_earliest),
            date_latest=pd.to_datetime(sightings.date_latest),
            relation_order=sightings.date_relation.map(RELATION_ORDER).fillna(1).where(
                sightings.event.ne("vacated_by_move"), VACATED_ORDER
            ),
        ),
        ["post_id", "date_earliest", "relation_order", "observation_id"],
    ).reset_index(drop=True)
    new_post = s.post_id.ne(s.post_id.shift())
    status_run = (new_post | s.status.ne(s.status.shift())).cumsum()
    holder = s.groupby(status_run).person_id.ffill()
    previous_holder = holder.groupby(status_run).shift()
    new_holder = holder.notna() & previous_holder.notna() & holder.ne(previous_holder)
    spell_number = (new_post | s.status.ne(s.status.shift()) | new_holder).astype(int).groupby(s.post_id).cumsum()
    return s.assign(spell_id=s.post_id + "#" + spell_number.astype(str).str.zfill(2), holder=holder)


def status_spells(sightings: pd.DataFrame, records: pd.DataFrame, posts: pd.DataFrame, coverage_end: pd.Series) -> pd.DataFrame:
    """One row per spell of one status in one post, with its bounds, censoring and stated duration."""
    s = assign_spells(sightings)
    stated = records.loc[records.stated_duration_days_min.notna(), ["record_id", "stated_duration_days_min", "stated_duration_days_max"]]
    stated = stated.set_index("record_id")  # few records state a duration: look up only those
    s["stated_duration_days_min"] = s.record_id.map(stated.stated_duration_days_min).astype("Int64")
    s["stated_duration_days_max"] = s.record_id.map(stated.stated_duration_days_max).astype("Int64")
    s["stated_at"] = s.date_latest.where(s.stated_duration_days_min.notna())
    g = s.groupby("spell_id", sort=True)
    spells = g.agg(
        post_id=("post_id", "first"),
        government_id=("government_id", "first"),
        status=("status", "first"),
        holder_person_id=("holder", "first"),
        n_sightings=("observation_id", "size"),
        start_latest=("date_latest", "first"),
        end_earliest=("date_earliest", "last"),
        first_seen=("date_earliest", "first"),
        last_seen=("date_latest", "last"),
        inferred=("status_inferred", "all"),
        stated_days_min=("stated_duration_days_min", "max"),
        stated_days_max=("stated_duration_days_max", "min"),
        stated_at=("stated_at", "max"),
    )
    # the spells' rows are contiguous in `s` (sorted by post and time), so strings are joined run by run
    spells["ends_before"] = g.tail(1).set_index("spell_id").date_relation.eq("before")
    spells["observation_ids"] = join_runs(s.spell_id, s.observation_id, ";")
    sources = sort_by(s.loc[s.source_id.notna(), ["spell_id", "source_id"]].drop_duplicates(), ["spell_id", "source_id"])
    spells["sources"] = join_runs(sources.spell_id, sources.source_id, ";").reindex(spells.index).fillna("")
    spells = spells.reset_index()
    same_post_before = spells.post_id.eq(spells.post_id.shift())
    same_post_after = spells.post_id.eq(spells.post_id.shift(-1))
    # bounded by the neighbouring spells' sightings: the last one before, the first one after
    spells["start_earliest"] = spells.end_earliest.shift().where(same_post_before)
    # A spell split from the one before by a new named holder (same status) starts after that holder's
    # last *named* sighting: the unnamed ones after it may already be the new holder's (a Plt handed
    # over; the synthetic check found new holders bounded by their own unnamed sightings).
    last_named = s[s.person_id.notna()].groupby("spell_id").date_earliest.last()
    handover = same_post_before & spells.status.eq(spells.status.shift())
    spells.loc[handover, "start_earliest"] = spells.spell_id.shift().map(last_named)[handover]
    spells["end_latest"] = spells.start_latest.shift(-1).where(same_post_after)
    spells["censored_start"] = spells.start_earliest.isna()
    spells["censored_end"] = spells.end_latest.isna()

    # a stated duration at date t: the spell began between t - max and t - min days
    has_stated = spells.stated_days_min.notna()
    stated_start_latest = spells.stated_at - pd.to_timedelta(spells.stated_days_min.astype("float"), unit="D")
    stated_start_earliest = spells.stated_at - pd.to_timedelta(spells.stated_days_max.astype("float"), unit="D")
    spells["start_latest"] = spells.start_latest.where(~has_stated, np.minimum(spells.start_latest, stated_start_latest))
    narrower = has_stated & spells.stated_days_max.notna() & (spells.start_earliest.isna() | (stated_start_earliest > spells.start_earliest))
    spells["start_earliest"] = spells.start_earliest.where(~narrower, stated_start_earliest)
    spells["censored_start"] = spells.start_earliest.isna()
    spells["duration_stated"] = has_stated

    spells["days_seen"] = _days(spells.end_earliest, spells.start_latest).clip(lower=0)
    spells["days_at_least"] = spells.stated_days_min.fillna(0).astype("Int64")  # only a stated duration proves a length
    spells["days_at_most"] = _days(spells.end_latest, spells.start_earliest)
    spells["seen_once"] = spells.n_sightings == 1
    spells["data_end"] = spells.government_id.map(coverage_end)
    spells["acting"] = spells.status.isin(ACTING_OR_VACANT)
    level = posts.set_index("post_id")
    spells["level"] = spells.post_id.map(level.level)
    spells["unit_type"] = spells.post_id.map(level.unit_type)
    return spells


def join_runs(keys, values: pd.Series, sep: str) -> pd.Series:
    """`sep`-joined values of each run of equal keys, in row order, indexed by key. The rows of one key
    must be contiguous (sort first): one pass instead of a Python function call per group. `keys` may be
    a Series or a list of Series (a run then ends where any of them changes; the index is its first key)."""
    columns = keys if isinstance(keys, list) else [keys]
    if len(values) == 0:
        return pd.Series(dtype=object)
    change = np.zeros(len(values), dtype=bool)
    change[0] = True
    for column in columns:
        k = column.to_numpy()
        change[1:] |= k[1:] != k[:-1]
    starts = np.flatnonzero(change)
    ends = np.r_[starts[1:], len(values)]
    text = values.astype(str).tolist()
    joined = [sep.join(text[a:b]) for a, b in zip(starts.tolist(), ends.tolist())]
    return pd.Series(joined, index=columns[0].to_numpy()[starts], dtype=object)


def holder_other_posts(spells: pd.DataFrame) -> pd.Series:
    """For each spell, the other posts its holder certainly held at the same time (concurrent posts).

    Two spells overlap when their certain intervals (first to last sighting) share a day; one last
    seen 'before' a date was left on that date, so it was last held the day before."""
    named = spells.loc[spells.holder_person_id.notna(), ["holder_person_id", "post_id", "status", "start_latest", "end_earliest", "ends_before"]]
    named = named.assign(
        spell=named.index, last_held=named.end_earliest - pd.to_timedelta(named.ends_before.astype(int), unit="D")
    )
    pairs = named.merge(named, on="holder_person_id", suffixes=("", "_other"))
    pairs = pairs[
        (pairs.spell != pairs.spell_other)
        & (pairs.start_latest <= pairs.last_held_other)
        & (pairs.start_latest_other <= pairs.last_held)
    ]
    labels = pairs.assign(label=pairs.post_id_other + ":" + pairs.status_other).sort_values(["spell", "label"])
    return join_runs(labels.spell, labels.label, ";").reindex(spells.index).fillna("").astype(object)


def acting_stretches(spells: pd.DataFrame) -> pd.DataFrame:
    """Consecutive acting or vacant spells of one post joined: how long the post waited for a definitive holder.

    A renewed Plt, or one Plt handing over to another, cannot hide the wait this way.
    """
    s = spells.sort_values("spell_id").reset_index(drop=True)
    breaks = s.post_id.ne(s.post_id.shift()) | ~s.acting | ~s.acting.shift(fill_value=False)
    s = s.assign(stretch_number=breaks.cumsum())
    acting = s[s.acting]
    g = acting.groupby("stretch_number")
    first, last = g.head(1).set_index("stretch_number"), g.tail(1).set_index("stretch_number")  # positional: bounds may be missing
    stretches = pd.DataFrame(
        {
            **{c: first[c] for c in ["post_id", "government_id", "level", "unit_type"]},
            "first_spell_id": first.spell_id,
            "n_spells": g.size(),
            "statuses": join_runs(acting.stretch_number, acting.status, ">"),
            "start_earliest": first.start_earliest,
            "start_latest": first.start_latest,
            "end_earliest": last.end_earliest,
            "end_latest": last.end_latest,
            "censored_start": first.censored_start,
            "censored_end": last.censored_end,
            "data_end": first.data_end,
        }
    ).reset_index(drop=True)
    stretches["stretch_id"] = stretches.first_spell_id.str.replace("#", "~", regex=False)
    stretches["days_seen"] = _days(stretches.end_earliest, stretches.start_latest).clip(lower=0)
    stretches["days_at_least"] = g.days_at_least.max().reset_index(drop=True).astype("Int64")
    stretches["days_at_most"] = _days(stretches.end_latest, stretches.start_earliest)
    return stretches


def limit_for(status: pd.Series, unit_type: pd.Series, level: pd.Series, limits: pd.DataFrame) -> pd.DataFrame:
    """The legal limit that applies to each (status, post) pair, from the reference table: the row for
    the post's scope (sekda, kepala_daerah), else the status's 'any' row, else none."""
    scope = pd.Series(
        np.select([level.eq("kepala_daerah"), unit_type.eq("sekretariat")], ["kepala_daerah", "sekda"], default="any"), index=status.index
    )
    table = {(st, sc): row for st, sc, row in zip(limits.status, limits.post_scope, limits.itertuples())}
    pairs = pd.DataFrame({"status": status, "scope": scope})
    keys = pairs.drop_duplicates()
    chosen = {
        (st, sc): table.get((st, sc), table.get((st, "any"))) for st, sc in zip(keys.status, keys.scope)
    }
    found = pd.Series([chosen[k] for k in zip(pairs.status, pairs.scope)], index=status.index, dtype=object)
    return pd.DataFrame(
        {
            "limit_initial_days": found.map(lambda r: int(r.initial_days) if r is not None else pd.NA),
            "limit_max_days": found.map(lambda r: int(r.max_total_days) if r is not None else pd.NA),
            "limit_source": found.map(lambda r: r.legal_source if r is not None else pd.NA),
        },
        index=status.index,
    ).astype({"limit_initial_days": "Int64", "limit_max_days": "Int64"})


def judge_limit(at_least: pd.Series, at_most: pd.Series, limit: pd.Series) -> pd.Series:
    """certainly / possibly / certainly_not past the limit, from the spell's bounds; no_limit where none applies."""
    certainly = at_least.gt(limit).fillna(False)
    certainly_not = at_most.le(limit).fillna(False)
    return pd.Series(
        np.select([limit.isna(), certainly, certainly_not], ["no_limit", "certainly", "certainly_not"], default="possibly"),
        index=at_least.index,
    )


def apply_legal_clock(frame: pd.DataFrame, status: pd.Series, limits: pd.DataFrame) -> pd.DataFrame:
    limit = limit_for(status, frame.unit_type, frame.level, limits)
    return pd.concat([frame, limit], axis=1).assign(
        past_initial_limit=lambda d: judge_limit(d.days_at_least, d.days_at_most, d.limit_initial_days),
        past_max_limit=lambda d: judge_limit(d.days_at_least, d.days_at_most, d.limit_max_days),
    )


def stretch_status_for_limit(stretches: pd.DataFrame, limits: pd.DataFrame) -> pd.Series:
    """A stretch is judged by the most lenient acting status in it (a vacancy alone has no limit)."""
    by_length = limits.groupby("status").max_total_days.max().to_dict()

    def lenient(statuses: str) -> str:
        acting = [x for x in statuses.split(">") if x != "vacant"]
        return max(acting, key=lambda x: by_length.get(x, -1)) if acting else "vacant"

    return stretches.statuses.map({v: lenient(v) for v in stretches.statuses.unique()})


def posts_held(spells: pd.DataFrame, sightings: pd.DataFrame) -> pd.DataFrame:
    """For each person and day they are seen, how many posts they certainly held at once."""
    named = spells[spells.holder_person_id.notna() & spells.start_latest.notna() & spells.end_earliest.notna()]
    days = sightings[sightings.person_id.notna()][["person_id", "date_earliest"]].drop_duplicates()
    days = days.assign(date=pd.to_datetime(days.date_earliest)).drop(columns="date_earliest").dropna(subset=["date"])
    # Each spell holds on the days from its first sighting to its last (a spell last seen 'before' a
    # date was left that day). Days and spells are keyed (person, day) as one integer, so each spell
    # finds its days by binary search instead of pairing every day with every spell of the person.
    people = pd.Index(pd.unique(pd.concat([days.person_id, named.holder_person_id])))
    day_number = lambda t: (pd.to_datetime(t).to_numpy(dtype="datetime64[D]").astype(np.int64) + DAY_OFFSET)
    keys = people.get_indexer(days.person_id).astype(np.int64) * DAY_SPAN + day_number(days.date)
    order = np.argsort(keys, kind="stable")
    keys, days = keys[order], days.iloc[order].reset_index(drop=True)
    spell_person = people.get_indexer(named.holder_person_id).astype(np.int64) * DAY_SPAN
    first = np.searchsorted(keys, spell_person + day_number(named.start_latest), side="left")
    last_held = day_number(named.end_earliest) - named.ends_before.to_numpy(dtype=np.int64)
    stop = np.searchsorted(keys, spell_person + last_held, side="right")
    count = np.maximum(stop - first, 0)
    spell_rows = np.repeat(np.arange(len(named)), count)
    day_rows = np.concatenate([np.arange(a, b) for a, b in zip(first, stop) if b > a]) if count.sum() else np.zeros(0, dtype=int)
    held = pd.concat(
        [days.iloc[day_rows].reset_index(drop=True), named[["post_id", "status"]].iloc[spell_rows].reset_index(drop=True)], axis=1
    )
    held = held.assign(
        definitive=held.status.eq("definitive").astype(int), acting=held.status.isin(["plt", "plh", "pj"]).astype(int),
        label=held.post_id + ":" + held.status,
    ).sort_values(["person_id", "date", "label"])
    g = held.groupby(["person_id", "date"], sort=True)
    table = g.agg(n_posts=("post_id", "nunique"), n_definitive=("definitive", "sum"), n_acting=("acting", "sum"))
    table["posts"] = join_runs([held.person_id, held.date], held.label, ";").to_numpy()  # runs in the groups' (sorted) order
    return table.reset_index().sort_values(["person_id", "date"]).reset_index(drop=True)
