"""Reading hand-typed CSV files as text, cell by cell, without losing or guessing silently.

Every cell is read as a string (no type guessing: '000' stays '000', 'NA' stays 'NA'), cleaned of
stray and non-breaking spaces, and each row keeps the number a spreadsheet shows (header = row 1).
What had to be assumed to read a file (a byte-order mark, semicolons, a Windows encoding, blank rows)
is logged as a note; what cannot be read is logged as an error.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import numpy as np
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
    data = path.read_bytes()
    text = _decode(data, name, log)
    plain = data.isascii() and b"\r" not in data  # the bytes are exactly the text: no decoding choice to repeat
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        log.add(name, 0, "(file)", "empty file", f"a header row with the columns {', '.join(required)}")
        return pd.DataFrame(columns=[*required, ROW])
    delimiter = _delimiter(text, name, log)
    cells = _cells_fast(io.BytesIO(data) if plain else io.StringIO(text), delimiter)  # bytes spare pandas re-encoding
    if cells is None:  # a row with more cells than the header: read row by row, to say which
        cells = _cells_careful(text, delimiter, name, log)
    header = [clean_text(h) for h in cells.iloc[0]]
    missing = [c for c in required if c not in header]
    for column in missing:
        log.add(name, 1, column, "(no such column)", f"a column named {column!r} in the header")
    extra = [c for c in header if c not in required and c not in optional]
    for column in extra:
        log.add(name, 1, column or "(blank header)", column, "only the documented columns; this one is ignored", "note")
    keep = [i for i, h in enumerate(header) if (h in required or h in optional) and h not in header[:i]]  # first of duplicates
    everything = cells.iloc[1:].apply(clean_column)
    # a blank row is a line of nothing but separators, quotes or spaces: substring tests in C on the text
    # (a regex anchored at line starts still tries every position) spare a cell-by-cell test
    body_text = text.rstrip("\n")
    maybe_blank = _LINE_STARTING_EMPTY.search(body_text) or not body_text.strip(" \t,;\"")
    blank = (everything == "").all(axis=1) if maybe_blank else pd.Series(False, index=everything.index)
    body = everything.iloc[:, keep]
    body.columns = [header[i] for i in keep]
    body[ROW] = np.arange(2, len(body) + 2)
    for number in body.loc[blank, ROW]:
        log.add(name, int(number), "(row)", "empty row", "a record; the blank row is skipped", "note")
    frame = body[~blank].reset_index(drop=True)
    for column in missing:
        frame[column] = ""
    return frame[[*required, *[c for c in optional if c in frame.columns], ROW]].astype({ROW: int})


_LINE_STARTING_EMPTY = re.compile(r'\n[\n,;" \t\x0b\x0c]')  # starts with a literal: the regex engine jumps between newlines
_CONTROL = re.compile(r"[\x01-\x1f\x7f]")


def _all_clean(joined: str) -> bool:
    """Are all cells, joined by NUL (which clean_text keeps), printable ASCII with single spaces inside
    and none at either end? Substring tests in C, far cheaper than cleaning each distinct cell."""
    return (
        joined.isascii() and "  " not in joined and "\x00 " not in joined and " \x00" not in joined
        and not joined.startswith(" ") and not joined.endswith(" ") and not _CONTROL.search(joined)
    )


def clean_column(values: pd.Series) -> pd.Series:
    """clean_text on every cell, computed once per distinct value: raw columns repeat a lot. A column
    whose cells are all clean already (printable ASCII, single spaces inside) is found with one regex
    over the joined column and returned as it is."""
    if _all_clean("\x00".join(values.tolist())):
        return values.astype(object)
    codes, uniques = pd.factorize(values)
    cleaned = np.array([clean_text(u) for u in uniques] + [""], dtype=object)
    return pd.Series(cleaned[codes], index=values.index, dtype=object)


def _cells_fast(source, delimiter: str) -> pd.DataFrame | None:
    """Every cell as raw text through pandas' C parser, or None when a row has more cells than the header."""
    try:
        return pd.read_csv(
            source, sep=delimiter, encoding="utf-8", header=None, dtype=str, keep_default_na=False, na_filter=False,
            skip_blank_lines=False, engine="c",
        )
    except pd.errors.ParserError:
        return None


def _cells_careful(text: str, delimiter: str, name: str, log: ProblemLog) -> pd.DataFrame:
    """Every cell as raw text, row by row: a row with more (non-empty) cells than the header is an error,
    shorter rows are padded."""
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    width = len(rows[0])
    for number, cells in enumerate(rows[1:], start=2):
        cleaned = [clean_text(c) for c in cells]
        if any(cleaned) and len(cleaned) > width and any(cleaned[width:]):
            log.add(name, number, "(row)", f"{len(cleaned)} cells", f"{width} cells, one per column")
    return pd.DataFrame([(r + [""] * width)[:width] for r in rows], dtype=object)
