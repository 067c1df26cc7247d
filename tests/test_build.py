"""End to end: build the shipped raw data and check facts a reader of the five articles can verify."""

from __future__ import annotations

import csv
import shutil
import filecmp
from pathlib import Path

import pandas as pd
import pytest
from frictionless import Package

from jptp.build import build, main
from jptp.paths import PROCESSED, RAW, REFERENCE
from jptp.problems import InvalidRawData
from jptp.schema import TABLES


def test_mojokerto_inauguration_of_26_july_2024(tables):
    # 004 ¶1-4: five eselon II officials inaugurated on Jumat (26/7/2024), three named with a previous post.
    a = tables["appointments"]
    mojokerto = a[(a.government_id == "kota-mojokerto") & (a.date_earliest.astype(str) == "2024-07-26")]
    assert len(mojokerto) == 5
    assert set(mojokerto.status) == {"definitive"}
    assert mojokerto.previous_post_id.notna().sum() == 3
    moves = dict(zip(mojokerto.person_id, mojokerto.previous_post_id))
    assert moves["muhammad-imron"] == "kota-mojokerto/bkpsdm"
    assert moves["ikromul-yasak"] == "kota-mojokerto/staf-ahli-kemasyarakatan-sdm"
    assert moves["santi-ratnaning-tias"] == "kota-mojokerto/diskominfo"


def test_metro_selter_inauguration_year_is_inferred_and_flagged(tables):
    # 000 ¶1-4: 'Senin (24/11)', no year printed; two officials filled by Seleksi Terbuka.
    a = tables["appointments"]
    selter = a[a.source_id == "000"]
    assert set(selter.person_id) == {"kusbani", "agus-muhammad-septiara"}
    assert set(selter.date_earliest.astype(str)) == {"2025-11-24"}
    assert set(selter.method_stated) == {"open_selection"}
    assert selter.date_year_inferred.all()


def test_kusbani_moves_from_asisten_ii_to_pj_sekda(tables):
    # 000 ¶2 then 001 ¶1 and ¶3: the same person id links the two articles.
    a = tables["appointments"]
    kusbani = a[a.person_id == "kusbani"].sort_values("date_earliest")
    assert list(kusbani.post_id) == ["kota-metro/asisten-perekonomian-pembangunan", "kota-metro/sekda"]
    assert list(kusbani.status) == ["definitive", "pj"]


def test_concurrent_posts_are_two_observations_on_one_day(tables):
    # 003 ¶6: Suwandi is Asisten I and, at the same time, Plt Kepala BKPSDM.
    o = tables["observations"]
    suwandi = o[o.person_id == "suwandi"]
    assert set(zip(suwandi.post_id, suwandi.status)) == {
        ("kota-metro/asisten-administrasi-umum", "definitive"),
        ("kota-metro/bkpsdm", "plt"),
    }
    assert suwandi.date_earliest.nunique() == 1


def test_metro_2021_five_posts_under_plt_and_announced_for_open_bidding(tables):
    # 002 ¶3-4 and ¶13.
    o = tables["observations"]
    vacant = o[(o.source_id == "002") & (o.event == "reported_vacant")]
    assert len(vacant) == 5 and set(vacant.status) == {"plt"} and vacant.person_id.isna().all()
    f = tables["fill_announcements"]
    per_post = f[(f.source_id == "002") & f.post_id.notna()]
    assert set(per_post.post_id) == set(vacant.post_id)
    assert per_post.post_inferred.all() and set(per_post.method_stated) == {"open_selection"}
    counts = tables["vacancy_counts"].set_index("source_id")
    assert counts.loc["002", "count"] == 5 and counts.loc["002", "named_in_source"] == 5


def test_unnamed_vacancies_in_mojokerto_are_an_approximate_count(tables):
    # 004 ¶8: 'insyaallah sekitar tujuh' posts empty, none named.
    c = tables["vacancy_counts"].set_index("source_id").loc["004"]
    assert (c["count"], bool(c.count_approximate), c.status) == (7, True, "plt")


def test_previous_posts_become_derived_sightings(tables):
    o = tables["observations"]
    derived = o[o.derived]
    assert len(derived) == 3
    assert set(derived.date_relation) == {"before"} and derived.status_inferred.all()


def test_pj_sekda_fills_a_vacancy(tables):
    # 001 ¶6: 'mengisi kekosongan jabatan Sekretaris Daerah'.
    o = tables["observations"]
    sekda = o[(o.post_id == "kota-metro/sekda") & (o.source_id == "001")].set_index("status")
    assert sekda.loc["vacant", "date_relation"] == "before" and sekda.loc["pj", "person_id"] == "kusbani"


def test_every_raw_record_is_accounted_for(tables):
    with open(RAW / "records.csv", encoding="utf-8") as handle:
        raw_ids = [row["record_id"] for row in csv.DictReader(handle)]
    ledger = tables["record_ledger"]
    assert len(raw_ids) == len(tables["records"]) == 51
    assert set(ledger.record_id) == set(raw_ids)
    set_aside = set(tables["set_aside"].record_id)
    assert set(ledger[ledger.table == "set_aside"].record_id) == set_aside
    placed = ledger[ledger.table != "set_aside"]
    for table, group in placed.groupby("table"):
        key = TABLES[table]["primary_key"][0]
        assert set(group.row_id) <= set(tables[table][key].astype(str)), table


def test_records_per_article(tables):
    assert tables["sources"].set_index("source_id").n_records.to_dict() == {"000": 7, "001": 4, "002": 18, "003": 11, "004": 11}


def test_datapackage_validates(built):
    _, out = built
    report = Package(str(out / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:20]


def test_rebuild_is_byte_identical(built, tmp_path):
    _, first = built
    second = tmp_path / "again"
    build(RAW, REFERENCE, second)
    assert sorted(p.name for p in first.iterdir()) == sorted(p.name for p in second.iterdir())
    mismatch = filecmp.cmpfiles(first, second, [p.name for p in first.iterdir()], shallow=False)[1]
    assert mismatch == []


def test_committed_processed_files_are_up_to_date(built):
    _, fresh = built
    names = [p.name for p in fresh.iterdir()]
    _, mismatch, missing = filecmp.cmpfiles(PROCESSED, fresh, names, shallow=False)
    assert (mismatch, missing) == ([], []), "run `make data` and commit data/processed/"


def _edit(raw: Path, target: str, **changes) -> None:
    """Change fields of the raw record whose id is `target`, in a copy of data/raw."""
    path = raw / "records.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    for row in rows:
        if row["record_id"] == target:
            row.update(changes)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def test_all_problems_are_reported_together_and_nothing_is_written(raw_copy, tmp_path, capsys):
    _edit(raw_copy, "000-02", post_raw="Kepala Dinas Pariwisata")  # unknown alias: row 3
    _edit(raw_copy, "002-01", date_raw="Selasa (2/9/2021)")  # weekday does not match: row 13
    _edit(raw_copy, "004-03", source_id="999")  # unknown article
    _edit(raw_copy, "004-04", status_raw="Plt sementara")  # outside the vocabulary
    _edit(raw_copy, "003-01", date_raw="31/2/2024")  # impossible date
    out = tmp_path / "processed"
    with pytest.raises(InvalidRawData) as error:
        build(raw_copy, REFERENCE, out)
    found = {(p.file, p.row, p.field) for p in error.value.problems}
    assert {
        ("records.csv", 3, "post_raw"),
        ("records.csv", 13, "date_raw"),
        ("records.csv", 44, "source_id"),
        ("records.csv", 45, "status_raw"),
        ("records.csv", 31, "date_raw"),
    } <= found
    assert not out.exists()
    assert main(["--raw", str(raw_copy), "--out", str(out)]) == 1
    message = capsys.readouterr().err
    assert "records.csv, row 13, field 'date_raw': found 'Selasa (2/9/2021)'" in message
    assert "2021-09-02 is a Kamis, not a Selasa" in message
    assert "Traceback" not in message and not out.exists()


def test_failed_build_leaves_previous_tables_intact(raw_copy, tmp_path):
    out = tmp_path / "processed"
    build(raw_copy, REFERENCE, out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    _edit(raw_copy, "000-01", event="dilantik")
    with pytest.raises(InvalidRawData):
        build(raw_copy, REFERENCE, out)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_dates_after_publication_are_rejected_except_for_plans(raw_copy, tmp_path):
    _edit(raw_copy, "004-11", date_raw="Sabtu (27/7/2024)")
    _edit(raw_copy, "004-10", date_raw="Senin (5/8/2024)")  # a plan may be dated later
    with pytest.raises(InvalidRawData) as error:
        build(raw_copy, REFERENCE, tmp_path / "out")
    rows = {(p.row, p.field) for p in error.value.problems}
    assert rows == {(52, "date_raw")}


def test_processed_tables_follow_the_schema(tables):
    for name, spec in TABLES.items():
        assert list(tables[name].columns) == [f[0] for f in spec["fields"]], name
        key = spec["primary_key"]
        assert not tables[name].duplicated(key).any(), name


def test_counts_do_not_double_count_named_posts(tables):
    # 004 ¶8 'sekitar tujuh': the two posts of ¶3 were filled that day, so none of the seven is named.
    counts = tables["vacancy_counts"].set_index("source_id")
    assert counts.loc["004", "named_in_source"] == 0
    # 002 ¶4 announces five posts; ¶13's five per-post rows are the same plan.
    announcements = tables["fill_announcements"].set_index("announcement_id")
    assert announcements.loc["002-04", "posts_named_in_source"] == 5
    assert announcements.loc["002-18", "stage"] == "competency_assessment"


def test_stage_order_restarts_for_each_selection(tables):
    stages = tables["selection_stages"]
    assert stages.groupby(["source_id", "method_stated"]).stage_order.min().eq(1).all()
    assert list(stages[stages.source_id == "003"].stage) == [
        "announcement", "registration", "administrative_screening", "competency_assessment", "paper", "interview", "decision", "inauguration",
    ]


def test_record_ids_must_carry_their_source_and_statuses_must_fit_the_event(raw_copy, tmp_path):
    _edit(raw_copy, "003-01", record_id="004-99")  # row 31: claims another article
    _edit(raw_copy, "002-10", status_raw="definitif")  # row 22: a vacancy cannot be definitive
    with pytest.raises(InvalidRawData) as error:
        build(raw_copy, REFERENCE, tmp_path / "out")
    found = {(p.row, p.field) for p in error.value.problems}
    assert found == {(31, "record_id"), (22, "status_raw")}


def test_planned_stages_may_be_dated_after_publication(raw_copy, tmp_path):
    _edit(raw_copy, "003-11", date_raw="Senin (24/11)")  # pelantikan, a month after the article
    result = build(raw_copy, REFERENCE, tmp_path / "out")
    stage = result.tables["selection_stages"].set_index("record_id").loc["003-11"]
    assert str(stage.date_earliest) == "2025-11-24"


def test_namesakes_can_be_split_by_government(tmp_path, raw_copy):
    reference = tmp_path / "reference"
    shutil.copytree(REFERENCE, reference)
    with (reference / "person_aliases.csv").open("a", encoding="utf-8") as handle:
        handle.write("Suwandi,kota-metro,suwandi-metro,a namesake serves in another government\n")
    result = build(raw_copy, reference, tmp_path / "out")
    assert set(result.tables["observations"].query("record_id.str.startswith('003-0')").person_id.dropna()) == {"suwandi-metro"}
