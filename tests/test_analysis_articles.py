"""The analyses on the five articles: expectations a reader can verify in the cited paragraphs."""

import pandas as pd


def test_mojokerto_vacancy_chain_of_26_july_2024(tables):
    # 004 ¶3-4: Imron leaves BKPSDM for Perpustakaan dan Arsip, Ikromul leaves Staf Ahli for BKPSDM,
    # Santi leaves Kadiskominfo for Staf Ahli; nobody is named for Diskominfo.
    chains = tables["chains"].set_index("chain_id")
    chain = chains.loc["chain-004-03"]
    assert chain.length_moves == 3 and chain.same_day
    assert chain.origin == "reported_vacant"  # ¶2-3: the dinas was run by a Plt before
    assert (chain.end_type, chain.end_post_id) == ("open_at_data_end", "kota-mojokerto/diskominfo")
    steps = tables["chain_steps"][tables["chain_steps"].chain_id == "chain-004-03"]
    assert list(steps.person_id) == ["muhammad-imron", "ikromul-yasak", "santi-ratnaning-tias"]
    # Ruby Hartoyo (¶3) and Rachmi Widjajati (¶4) come from posts the article does not name.
    others = chains[chains.government_id == "kota-mojokerto"].drop("chain-004-03")
    assert set(others.end_type) == {"filled_from_unknown"} and (others.length_moves == 1).all()


def test_fill_methods_per_government_and_year(tables):
    counts = tables["fill_method_counts"].set_index(["government_id", "year", "method"])
    # 000 ¶4: both Metro officials of 24/11/2025 won the Selter.
    assert counts.loc[("kota-metro", 2025, "open_selection"), ["n", "n_fills"]].tolist() == [2, 2]
    # 004 ¶3-4: three of five moved from another top post; two with no previous post named ('mutasi', ¶1).
    assert counts.loc[("kota-mojokerto", 2024, "rotation"), ["n", "n_fills"]].tolist() == [3, 5]
    assert counts.loc[("kota-mojokerto", 2024, "unknown"), "n"] == 2
    assert counts.loc[("kota-mojokerto", 2024, "open_selection"), "n"] == 0


def test_metro_sekda_waited_without_a_definitive_holder(tables):
    # 002 ¶4: Bangkit Haryo Utomo is Sekda on 2/9/2021; 001 ¶6: the post was empty until Kusbani became Pj on 9-3-2026.
    stretch = tables["acting_stretches"].set_index("post_id").loc["kota-metro/sekda"]
    assert stretch.statuses == "vacant>pj"
    assert stretch.start_earliest == pd.Timestamp("2021-09-02") and stretch.censored_end
    assert stretch.days_at_least == 0 and pd.isna(stretch.days_at_most)


def test_metro_2021_plt_posts_are_ranges_not_points(tables):
    # 002 ¶13: five posts under a Plt on 2/9/2021, each seen once.
    spells = tables["status_spells"]
    metro_2021 = spells[(spells.sources == "002") & (spells.status == "plt")]
    assert len(metro_2021) == 5
    assert metro_2021.seen_once.all() and (metro_2021.days_at_least == 0).all() and metro_2021.days_at_most.isna().all()
    # 000 ¶3 ends the Disdikbud Plt spell no later than 24/11/2025; 003 ¶6 ends Asisten I's by 27/10/2025.
    ends = metro_2021.set_index("post_id").end_latest.astype(str)
    assert ends["kota-metro/disdikbud"] == "2025-11-24" and ends["kota-metro/asisten-administrasi-umum"] == "2025-10-27"


def test_suwandi_holds_two_posts_at_once(tables):
    # 003 ¶6: Asisten I and, at the same time, Plt Kepala BKPSDM.
    held = tables["posts_held"].set_index("person_id").loc["suwandi"]
    assert (held.n_posts, held.n_definitive, held.n_acting) == (2, 1, 1)
    spell = tables["status_spells"].set_index("spell_id").loc["kota-metro/bkpsdm#02"]
    assert spell.holder_person_id == "suwandi" and spell.holder_other_posts == "kota-metro/asisten-administrasi-umum:definitive"


def test_2021_announcement_to_2025_fill_is_a_range(tables):
    # 002 ¶13 announces open bidding for Disdikbud on 2/9/2021; 000 ¶3 shows a Selter fill on 24/11/2025.
    outcome = tables["announcement_outcomes"].set_index("announcement_id").loc["002-07"]
    assert outcome.outcome == "filled_by_open_selection"
    assert (outcome.days_to_fill_min, outcome.days_to_fill_max) == (0, 1544)


def test_no_acting_spell_in_the_five_articles_is_certainly_past_the_limit(tables):
    # Every acting spell is seen once: none is certainly past, none certainly within.
    acting = tables["status_spells"][tables["status_spells"].acting]
    assert set(acting.past_max_limit) <= {"possibly", "no_limit"}
