"""The reader: pandas' C parser for the usual file, the row-by-row reader to name a row with too many cells;
both clean every cell the same way and keep spreadsheet row numbers."""

from __future__ import annotations

import pandas as pd

from jptp.problems import ProblemLog
from jptp.readers import ROW, clean_column, read_table
from jptp.text import clean_text

COLUMNS = ["record_id", "person_raw", "coder_note"]


def _read(tmp_path, text: str, encoding="utf-8"):
    path = tmp_path / "records.csv"
    path.write_bytes(text.encode(encoding))
    log = ProblemLog()
    return read_table(path, COLUMNS, log), log


def test_cells_are_cleaned_and_rows_keep_their_spreadsheet_numbers(tmp_path):
    frame, log = _read(tmp_path, 'record_id,person_raw,coder_note\n000-01,  Drs.\u00a0H. Suwandi ,"a, ""b""\nc"\n\n,,\n000-02,Kusbani,\n')
    assert frame.to_dict("records") == [
        {"record_id": "000-01", "person_raw": "Drs. H. Suwandi", "coder_note": 'a, "b" c', ROW: 2},
        {"record_id": "000-02", "person_raw": "Kusbani", "coder_note": "", ROW: 5},
    ]
    assert [(p.row, p.value, p.severity) for p in log.problems] == [
        (3, "empty row", "note"), (4, "empty row", "note"), (2, "  Drs.\u00a0H. Suwandi ", "note"),  # one note for both tidied cells
    ]
    assert "(and 1 more cell(s))" in log.problems[-1].expected


def test_a_row_with_too_many_cells_is_an_error_at_its_row(tmp_path):
    frame, log = _read(tmp_path, "record_id,person_raw,coder_note\n000-01,A,x\n000-02,B,y,extra\n000-03,C,z,\n")
    assert [(p.row, p.value) for p in log.errors] == [(3, "4 cells, the extra one(s) starting 'extra'")]  # a trailing empty cell is no error
    assert list(frame.record_id) == ["000-01", "000-03"] and list(frame[ROW]) == [2, 4]  # the broken row is refused, not half-read


def test_semicolons_byte_order_mark_and_windows_encoding_are_read_with_notes(tmp_path):
    frame, log = _read(tmp_path, "\ufeffrecord_id;person_raw;coder_note\n000-01;Moh. Ali;caf\u00e9\n")
    assert frame.loc[0, "coder_note"] == "caf\u00e9" and {p.value for p in log.notes} == {"byte-order mark", "semicolons"}
    frame, log = _read(tmp_path, "record_id,person_raw,coder_note\n000-01,A,caf\u00e9\n", encoding="cp1252")
    assert frame.loc[0, "coder_note"] == "caf\u00e9" and [p.value for p in log.notes] == ["not UTF-8"]


def test_the_clean_column_shortcut_agrees_with_clean_text():
    for odd in ["a b", " a", "b ", "a  b", "\u00e4", "x\x1fy", "x\x00y", "", "tab\tx", "n\u00a0b", "x\x7f", "A\u0308"]:
        for values in ([odd], ["ok", odd], [odd, "ok"]):
            column = pd.Series(values, dtype=object)
            assert list(clean_column(column)) == [clean_text(v) for v in values], repr(odd)
