"""Nothing is lost: every raw record comes out, either placed in an analysis table or set aside.

The raw records are counted here with the csv module alone, independently of jptp's reader, and
compared with what the build accounts for in record_ledger.csv and set_aside.csv: on the shipped data,
and on a synthetic data set made from them (each article copied a few times with new ids, people and
dates, then written the untidy way a spreadsheet might: shuffled rows, blank rows, stray spaces).
"""

from __future__ import annotations

import csv
import random
from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import pytest

from jptp.build import build_tables
from jptp.dates import WEEKDAY_NAMES, parse_indonesian_date
from jptp.paths import RAW, REFERENCE

COPIES = 4
COPY_NAMES = ["Kedua", "Ketiga", "Keempat", "Kelima"]  # appended to each person's name in a copy: new people
WEEK = 7


def raw_rows(folder: Path) -> list[dict[str, str]]:
    """Every row of records.csv that holds anything, read with the csv module alone."""
    with (folder / "records.csv").open(encoding="utf-8", newline="") as handle:
        rows = [{k: v or "" for k, v in row.items()} for row in csv.DictReader(handle)]
    return [row for row in rows if any(v.strip() for v in row.values())]


def raw_record_ids(folder: Path) -> list[str]:
    return [row["record_id"].strip() for row in raw_rows(folder)]


def accounting(tables: dict[str, pd.DataFrame]) -> tuple[set[str], set[str]]:
    """The records placed in an analysis table, and those set aside, as the ledger tells them."""
    ledger = tables["record_ledger"]
    return set(ledger.loc[ledger.table != "set_aside", "record_id"]), set(tables["set_aside"].record_id)


def assert_nothing_lost(raw: list[str], tables: dict[str, pd.DataFrame]) -> None:
    placed, set_aside = accounting(tables)
    assert len(raw) == len(set(raw)), "record ids must be unique for this count to mean anything"
    assert len(tables["records"]) == len(raw)
    assert not placed & set_aside
    assert len(placed) + len(set_aside) == len(raw)
    assert placed | set_aside == set(raw)
    assert set(tables["record_ledger"].record_id) == set(raw)


def test_nothing_is_lost_from_the_shipped_data(tables):
    assert_nothing_lost(raw_record_ids(RAW), tables)


def _shift(raw_date: str, published: tuple[date, date], days: int) -> str:
    """The same date moved by whole weeks (so its weekday still holds), written like the original."""
    parsed = parse_indonesian_date(raw_date, published)
    moved = parsed.earliest + timedelta(days=days)
    weekday = WEEKDAY_NAMES[moved.weekday()]
    if parsed.year_inferred:
        return f"{weekday} ({moved.day}/{moved.month})"
    return f"{weekday} ({moved.day}/{moved.month}/{moved.year})"


def _published(text: str, days: int) -> str:
    """A publication date moved like the article's dates; a bare year moves by the years it crosses."""
    d = parse_indonesian_date(text)
    if d.precision == "year":
        return str((date(d.earliest.year, 6, 30) + timedelta(days=days)).year)
    return (d.earliest + timedelta(days=days)).isoformat()


def _untidy(cell: str, rng: random.Random) -> str:
    """What a coder's spreadsheet may leave in a cell that looks fine: stray or non-breaking spaces."""
    if not cell or rng.random() > 0.15:
        return cell
    return rng.choice([f" {cell}", f"{cell} ", cell.replace(" ", "\u00a0", 1), cell.replace(" ", "  ", 1)])


def synthetic_raw(target: Path, seed: int = 7) -> Path:
    """The shipped articles plus COPIES perturbed copies of each, in one untidy raw folder."""
    rng = random.Random(seed)
    sources = pd.read_csv(RAW / "sources.csv", dtype=str, keep_default_na=False)
    records = pd.read_csv(RAW / "records.csv", dtype=str, keep_default_na=False)
    published = {s: parse_indonesian_date(p) for s, p in zip(sources.source_id, sources.published)}
    all_sources, all_records = [sources], [records]
    for copy in range(1, COPIES + 1):
        days = 52 * WEEK * copy + rng.choice([0, WEEK, 2 * WEEK])
        new_id = {s: f"{copy}{s[1:]}" for s in sources.source_id}
        all_sources.append(sources.assign(source_id=sources.source_id.map(new_id), published=[_published(p, days) for p in sources.published]))
        all_records.append(
            records.assign(
                record_id=records.source_id.map(new_id) + "-" + records.record_id.str.split("-").str[1],
                source_id=records.source_id.map(new_id),
                date_raw=[
                    _shift(d, (published[s].earliest, published[s].latest), days) if d else d
                    for d, s in zip(records.date_raw, records.source_id)
                ],
                person_raw=records.person_raw.where(records.person_raw == "", records.person_raw + " " + COPY_NAMES[copy - 1]),
            )
        )
    target.mkdir(parents=True)
    pd.concat(all_sources).to_csv(target / "sources.csv", index=False)
    rows = pd.concat(all_records).sample(frac=1, random_state=seed)
    lines = [list(rows.columns)]
    for row in rows.itertuples(index=False):
        lines.append([_untidy(cell, rng) for cell in row])
        if rng.random() < 0.05:
            lines.append(rng.choice([[], [""] * len(rows.columns), ["  "]]))
    with (target / "records.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(lines)
    return target


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    return synthetic_raw(tmp_path_factory.mktemp("synthetic") / "raw")


def test_the_synthetic_data_set_is_the_shipped_one_several_times_over(synthetic):
    raw = raw_record_ids(synthetic)
    assert len(raw) == (COPIES + 1) * len(raw_record_ids(RAW))
    text = (synthetic / "records.csv").read_text(encoding="utf-8")
    assert "\u00a0" in text and "\n\n" in text  # untidy, as promised


def test_nothing_is_lost_from_a_synthetic_data_set(synthetic):
    result = build_tables(synthetic, REFERENCE)
    assert_nothing_lost(raw_record_ids(synthetic), result.tables)
    # and nothing garbled: each record keeps its own cells, only their spaces tidied
    typed = pd.DataFrame(raw_rows(synthetic)).apply(lambda column: column.str.split().str.join(" ")).set_index("record_id").sort_index()
    built = result.tables["records"].set_index("record_id").sort_index()
    for column in ["source_id", "event", "government_raw", "date_raw", "person_raw", "post_raw", "status_raw", "previous_post_raw"]:
        assert built[column].fillna("").astype(str).equals(typed[column]), column


def test_what_the_synthetic_data_set_needed_to_be_read_is_said(synthetic):
    with (synthetic / "records.csv").open(encoding="utf-8", newline="") as handle:
        blank_rows = sum(not any(cell.strip() for cell in row) for row in csv.reader(handle))
    notes = build_tables(synthetic, REFERENCE).notes
    assert sum(p.field == "(row)" for p in notes) == blank_rows > 0
    assert sum("tidied to single spaces" in p.expected for p in notes) == 1  # one note for the whole file
    # the copies appoint new people to the same posts, and nobody is seen leaving: noted, not an error
    departures = [p for p in notes if p.field == "post_raw"]
    assert departures and all(p.expected.startswith("a record of ") for p in departures)
