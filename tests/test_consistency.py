"""Checks across records, on the shipped data and on copies of it changed the way a coder might."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from jptp.build import build_tables
from jptp.paths import REFERENCE
from jptp.problems import InvalidRawData

from test_build import _edit

LATER_ARTICLE = "005,,(invented for this test),,,2025-03-10,false,A later article about Mojokerto made up for this test.\n"


def _append(raw: Path, *rows: str, source: str = LATER_ARTICLE) -> None:
    """Add records (CSV lines) from a later, invented article about Mojokerto to a copy of data/raw."""
    with (raw / "sources.csv").open("a", encoding="utf-8") as handle:
        handle.write(source)
    with (raw / "records.csv").open("a", encoding="utf-8") as handle:
        handle.writelines(row + "\n" for row in rows)


def _problems(raw: Path) -> set[tuple[int, str, str]]:
    try:
        result = build_tables(raw, REFERENCE)
    except InvalidRawData as error:
        return {(p.row, p.field, p.severity) for p in [*error.problems, *error.notes]}
    return {(p.row, p.field, p.severity) for p in result.notes}


def _row(raw: Path, record_id: str) -> int:
    with (raw / "records.csv").open(encoding="utf-8") as handle:
        return next(n for n, r in enumerate(csv.DictReader(handle), start=2) if r["record_id"] == record_id)


def test_the_shipped_data_raise_neither_errors_nor_notes(built):
    # Same-day moves (004: Imron leaves BKPSDM as Yasak takes it) and a Plt beside a definitive post
    # (003: Suwandi) are consistent as coded.
    assert built[0].notes == []


def test_leaving_out_plt_makes_two_definitive_posts_at_once(raw_copy):
    _edit(raw_copy, "003-02", status_raw="")  # Suwandi would be definitive head of BKPSDM and Asisten I
    assert _problems(raw_copy) == {(_row(raw_copy, "003-01"), "post_raw", "error"), (_row(raw_copy, "003-02"), "post_raw", "error")}


def test_an_outgoing_holder_coded_on_instead_of_before_gives_two_holders(raw_copy):
    # 004-07: Disdikbud under a Plt up to Ruby Hartoyo's inauguration; were its head named, definitive
    # and coded 'on' that day, the dinas would have two definitive heads.
    _edit(raw_copy, "004-07", event="seen_in_post", person_raw="Budi Santoso", status_raw="definitif", date_relation="")
    assert _problems(raw_copy) == {(_row(raw_copy, "004-02"), "post_raw", "error"), (_row(raw_copy, "004-07"), "post_raw", "error")}
    _edit(raw_copy, "004-07", date_relation="before")  # he held it up to that day: a handover
    assert _problems(raw_copy) == set()


def test_a_later_appointment_to_a_held_post_is_read_with_a_note(raw_copy):
    _append(raw_copy, "005-01,005,2,inaugurated,Kota Mojokerto,Senin (10/3/2025),,Nur Aini,Kepala Dinas Perpustakaan dan Arsip,definitif,,,,,,,")
    assert _problems(raw_copy) == {(_row(raw_copy, "005-01"), "post_raw", "note")}


def test_no_note_when_the_earlier_holder_is_seen_moving_on(raw_copy):
    _append(
        raw_copy,
        "005-01,005,2,inaugurated,Kota Mojokerto,Senin (10/3/2025),,Nur Aini,Kepala Dinas Perpustakaan dan Arsip,definitif,,,,,,,",
        "005-02,005,3,seen_in_post,Kota Mojokerto,Senin (10/3/2025),,Muhammad Imron,Kadiskominfo,,,,,,,,",
    )
    assert _problems(raw_copy) == set()


def test_a_person_seen_in_the_post_they_left_is_noted_as_an_unreported_return(raw_copy):
    # Sparse coverage can hide a return (the synthetic data have them), so it is a note the coder checks.
    seen = "005-02,005,3,seen_in_post,Kota Mojokerto,Senin (10/3/2025),,Muhammad Imron,Kepala BKPSDM,,,,,,,,"
    _append(raw_copy, seen)
    assert _problems(raw_copy) == {(_row(raw_copy, "005-02"), "post_raw", "note")}


def test_a_return_to_the_previous_post_is_not_an_error(raw_copy):
    _append(
        raw_copy,
        "005-01,005,2,inaugurated,Kota Mojokerto,Senin (3/3/2025),,Muhammad Imron,Kepala BKPSDM,definitif,rotasi,Dinas Perpustakaan dan Arsip,,,,,",
        "005-02,005,3,seen_in_post,Kota Mojokerto,Senin (10/3/2025),,Muhammad Imron,Kepala BKPSDM,,,,,,,,",
    )
    # Ikromul Yasak took BKPSDM on 26/7/2024 and is not seen leaving it: only that gap is noted.
    assert _problems(raw_copy) == {(_row(raw_copy, "005-01"), "post_raw", "note")}


@pytest.mark.parametrize("changes, field", [
    ({"date_relation": "before"}, "date_relation"),
    ({"previous_post_raw": "Dinas Perpustakaan dan Arsip"}, "previous_post_raw"),
])
def test_a_tenure_cannot_end_the_day_it_starts(raw_copy, changes, field):
    _edit(raw_copy, "004-03", **changes)
    assert _problems(raw_copy) == {(_row(raw_copy, "004-03"), field, "error")}


@pytest.mark.parametrize("duration, problems", [("sudah enam bulan", 0), ("sudah dua tahun", 1)])
def test_a_stated_duration_cannot_reach_back_past_another_holder(raw_copy, duration, problems):
    # Ikromul Yasak is BKPSDM's definitive head from 26/7/2024; a Plt 'for two years' by 10/3/2025 cannot be.
    _append(raw_copy, f"005-01,005,2,reported_vacant,Kota Mojokerto,Senin (10/3/2025),,,Kepala BKPSDM,Plt,,,{duration},,,,")
    errors = {(_row(raw_copy, "005-01"), "stated_duration_raw", "error")}
    assert _problems(raw_copy) == (errors if problems else set())
