"""The catalogue of bad inputs: every case in tests/bad_inputs/ goes through the real build and must
produce exactly the messages in its expected.txt, through the command and through the Python API.

A case is a folder holding a small raw data set (sources.csv, records.csv) with one thing wrong, and
expected.txt: a comment line saying what is wrong and the outcome, then every message the build must
print, one per line. A case with an ERROR line must stop the build (exit 1, nothing written); a case
with only NOTE lines must be read, and read exactly as the clean file `_clean` is. No case may crash.
To add a case: copy `_clean`, break one thing, write the message you would want to read, run the tests.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pandas as pd
import pytest

from jptp.build import build_tables, main
from jptp.paths import REFERENCE
from jptp.problems import InvalidRawData

CATALOGUE = Path(__file__).parent / "bad_inputs"
CASES = sorted(p.name for p in CATALOGUE.iterdir() if p.is_dir() and not p.name.startswith("_"))

# What the issue asks the catalogue to hold, and the case (or cases) that hold it.
REQUIRED = {
    "a missing or misspelt column": ["missing_column", "misspelt_column", "header_not_on_the_first_row"],
    "extra columns": ["extra_columns"],
    "an empty file": ["empty_file", "header_only"],
    "empty and whitespace-only rows": ["blank_rows"],
    "stray spaces and non-breaking spaces": ["stray_spaces_and_nbsp"],
    "a UTF-8 byte-order mark": ["byte_order_mark"],
    "a file saved as Windows-1252 from Excel": ["windows_1252", "excel_indonesian_locale"],
    "semicolons as separators": ["semicolons", "excel_indonesian_locale", "excel_sep_line"],
    "quotes and line breaks inside a cell": ["quotes_and_line_breaks", "unclosed_quote"],
    "a duplicated record id": ["duplicate_record_id"],
    "a record pointing at an unknown article": ["unknown_article", "leading_zeros_dropped"],
    "an unknown post alias": ["unknown_post_alias"],
    "an unknown status or method": ["unknown_status", "unknown_method"],
    "an impossible date (31/2/2024)": ["impossible_date"],
    "a weekday that does not match its date": ["weekday_mismatch"],
    "a date after the article was published": ["date_after_publication"],
    "a person holding two definitive posts at once": ["two_definitive_posts_at_once"],
    "a definitive appointment to a post with a definitive holder and no departure": [
        "post_already_held_no_departure", "two_definitive_holders_at_once",
    ],
    "an appointment that ends before it starts": [
        "previous_post_seen_after_the_move", "appointment_dated_before", "previous_post_is_the_post", "date_range",
        "stated_duration_longer_than_the_records",
    ],
}


def expected(case: str) -> list[str]:
    lines = (CATALOGUE / case / "expected.txt").read_text(encoding="utf-8").splitlines()
    return sorted(line for line in lines if line.strip() and not line.startswith("#"))


def stops(case: str) -> bool:
    return any(line.startswith("ERROR ") for line in expected(case))


def problem_lines(output: str) -> list[str]:
    return sorted(line.strip() for line in output.splitlines() if re.match(r"^\s+(ERROR|NOTE) ", line))


def test_the_catalogue_holds_every_case_the_issue_lists():
    missing = {what: [c for c in cases if c not in CASES] for what, cases in REQUIRED.items()}
    assert {what: cases for what, cases in missing.items() if cases} == {}
    for case in CASES:
        first = (CATALOGUE / case / "expected.txt").read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# ") and "Outcome:" in first, f"{case}: say what is wrong and the outcome on the first line"
        assert expected(case), f"{case}: a bad input must produce at least one message"


@pytest.mark.parametrize("case", CASES)
def test_the_command_prints_every_expected_message_and_no_traceback(case, tmp_path, capsys):
    out = tmp_path / "processed"
    code = main(["--raw", str(CATALOGUE / case), "--reference", str(REFERENCE), "--out", str(out)])
    stdout, stderr = capsys.readouterr()
    assert "Traceback" not in stdout + stderr and "Internal error" not in stderr
    assert code == (1 if stops(case) else 0)
    assert problem_lines(stderr if stops(case) else stdout) == expected(case)
    assert out.exists() != stops(case)


@functools.cache
def through_the_api(case: str) -> tuple[list[str], dict[str, pd.DataFrame] | None]:
    """The messages and, when the build went through, the tables: built once per case for the tests below."""
    try:
        result = build_tables(CATALOGUE / case, REFERENCE)
    except InvalidRawData as error:
        return sorted(map(str, [*error.problems, *error.notes])), None
    return sorted(map(str, result.notes)), result.tables


@pytest.mark.parametrize("case", CASES)
def test_the_python_api_reports_the_same_problems(case):
    messages, tables = through_the_api(case)
    assert messages == expected(case)
    assert (tables is None) == stops(case)


@pytest.mark.parametrize("case", [c for c in CASES if not stops(c)])
def test_what_can_be_read_safely_is_read_as_if_typed_cleanly(case):
    notes, clean = through_the_api("_clean")
    assert notes == []
    clean_records = clean["records"]
    tables = through_the_api(case)[1]
    records = tables["records"].set_index("record_id")
    assert set(clean_records.record_id) <= set(records.index)
    pd.testing.assert_frame_equal(records.loc[clean_records.record_id].reset_index(), clean_records)
    assert set(tables["record_ledger"].record_id) == set(records.index)
