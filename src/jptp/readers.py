"""Reading hand-typed CSV files as text, cell by cell, without losing or guessing silently.

Every cell is read as a string (no type guessing: '000' stays '000', 'NA' stays 'NA'), cleaned of
stray and non-breaking spaces, and each row keeps the number a spreadsheet shows (header = row 1).
What had to be assumed to read a file (a byte-order mark, semicolons, a Windows encoding, blank rows)
is logged as a note; what cannot be read is logged as an error.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from .problems import ProblemLog
from .text import clean_text

ROW = "_row"  # the spreadsheet row number of each record


def _decode(data: bytes, name: str, log: ProblemLog) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        log.add(name, 0, "(file)", "byte-order mark", "UTF-8 without a byte-order mark; read as UTF-8", "note")
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        log.add(name, 0, "(file)", "not UTF-8", "UTF-8; read as Windows-1252 (what Excel saves)", "note")
        return data.decode("cp1252", errors="replace")


def _delimiter(text: str, name: str, log: ProblemLog) -> str:
    header = text.split("\n", 1)[0]
    if header.count(";") > header.count(","):
        log.add(name, 1, "(file)", "semicolons", "commas between fields; read with ';' as separator", "note")
        return ";"
    return ","


def read_table(path: Path, required: list[str], log: ProblemLog, optional: list[str] = ()) -> pd.DataFrame:
    """Read one CSV into a frame of cleaned strings with a `_row` column; log what is wrong with it."""
    name = path.name
    if not path.exists():
        log.add(name, 0, "(file)", "missing", f"a file at {path}")
        return pd.DataFrame(columns=[*required, ROW])
    text = _decode(path.read_bytes(), name, log).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        log.add(name, 0, "(file)", "empty file", f"a header row with the columns {', '.join(required)}")
        return pd.DataFrame(columns=[*required, ROW])
    rows = list(csv.reader(io.StringIO(text), delimiter=_delimiter(text, name, log)))
    header = [clean_text(h) for h in rows[0]]
    missing = [c for c in required if c not in header]
    for column in missing:
        log.add(name, 1, column, "(no such column)", f"a column named {column!r} in the header")
    extra = [c for c in header if c not in required and c not in optional]
    for column in extra:
        log.add(name, 1, column or "(blank header)", column, "only the documented columns; this one is ignored", "note")
    records = []
    for number, cells in enumerate(rows[1:], start=2):
        cells = [clean_text(c) for c in cells]
        if not any(cells):
            log.add(name, number, "(row)", "empty row", "a record; the blank row is skipped", "note")
            continue
        if len(cells) > len(header) and any(cells[len(header):]):
            log.add(name, number, "(row)", f"{len(cells)} cells", f"{len(header)} cells, one per column")
        cells = (cells + [""] * len(header))[: len(header)]
        records.append({**dict(zip(header, cells)), ROW: number})
    columns = [c for c in header if c in required or c in optional]
    frame = pd.DataFrame(records, columns=[*header, ROW]) if records else pd.DataFrame(columns=[*header, ROW])
    frame = frame.loc[:, ~frame.columns.duplicated()]
    for column in missing:
        frame[column] = ""
    return frame[[*required, *[c for c in optional if c in columns], ROW]].astype({ROW: int})
