"""The whole build on randomly broken input: it reports (exit 1) or builds (exit 0), never crashes.

Starting from the catalogue's clean file, hypothesis replaces one cell with arbitrary text, or
breaks the file's bytes (a stray quote, separator, line break or byte anywhere), then runs the real
build. Any exception other than InvalidRawData is a crash, which the command would show as
'Internal error' (exit 2), and any warning would be printed to the coder: both fail the test. When the
build goes through, every record must have come out.
"""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jptp.build import build_tables
from jptp.paths import REFERENCE
from jptp.problems import InvalidRawData

CLEAN = Path(__file__).parent / "bad_inputs" / "_clean"
ROWS = list(csv.reader(io.StringIO((CLEAN / "records.csv").read_text(encoding="utf-8"))))
TYPED = [  # what a hand, a spreadsheet or a paste may put in a cell
    "", " ", "0", "-1", "99999999999999999999", "1e9", "NaN", "None", "#N/A", "before", "on", "definitif", "Plt",
    "2024-02-30", "0000", "Senin (31/2)", "24-27/11", "Jumat (26/7/2024)", "004", "004-04", "005", '"', '""', "\n", ",", ";",
    "\ufeff", "\u00a0", "=SUM(A1)", "Kepala BKPSDM", "Muhammad Imron", "Dinas Perpustakaan dan Arsip", "sekitar tujuh", "sudah dua tahun",
]
cell_value = st.one_of(st.sampled_from(TYPED), st.text(max_size=25))
stray = st.one_of(st.sampled_from([b'"', b",", b";", b"\n", b"\r", b"\xef\xbb\xbf", b"\x00", b"\xff", b"\xb6"]), st.binary(min_size=1, max_size=3))


def _build(records: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        raw = Path(folder)
        (raw / "sources.csv").write_bytes((CLEAN / "sources.csv").read_bytes())
        (raw / "records.csv").write_bytes(records)
        try:
            result = build_tables(raw, REFERENCE)
        except InvalidRawData as error:
            assert error.problems and all(p.severity == "error" for p in error.problems)
            return
        records_in = len(result.tables["records"])
        assert records_in == len(set(result.tables["record_ledger"].record_id))


@pytest.mark.filterwarnings("error")  # a warning would be printed to the coder too
@settings(max_examples=20)
@given(row=st.integers(1, len(ROWS) - 1), column=st.integers(0, len(ROWS[0]) - 1), value=cell_value)
def test_any_value_in_any_cell_is_reported_or_read(row, column, value):
    rows = [list(r) for r in ROWS]
    rows[row][column] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    _build(out.getvalue().encode("utf-8"))


@pytest.mark.filterwarnings("error")
@settings(max_examples=20)
@given(position=st.floats(0, 1), inserted=stray)
def test_a_stray_byte_anywhere_in_the_file_is_reported_or_read(position, inserted):
    data = (CLEAN / "records.csv").read_bytes()
    at = int(position * len(data))
    _build(data[:at] + inserted + data[at:])
