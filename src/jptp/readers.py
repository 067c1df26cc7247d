"""Reading hand-typed CSV files as text, cell by cell, without losing or guessing silently.

Every cell is read as a string (no type guessing: '000' stays '000', 'NA' stays 'NA'), cleaned of
stray and non-breaking spaces, and each row keeps the number a spreadsheet shows (header = row 1).
What had to be assumed to read a file (a byte-order mark, semicolons, a Windows encoding, blank rows,
tidied spaces, a header written 'Record ID') is logged as a note; what cannot be read is logged as an
error. A file that cannot be read as a table at all (missing, empty, a required column missing) is
marked unreadable, so the build stops before checking its rows: each row would fail for that one cause.
"""

from __future__ import annotations

import codecs
import csv
import difflib
import io
import re
from pathlib import Path

import numpy as np
import pandas as pd

from .problems import ProblemLog
from .text import clean_text

ROW = "_row"  # the spreadsheet row number of each record
DELIMITERS = {",": "commas", ";": "semicolons", "\t": "tabs"}
_EXCEL_SEP_LINE = re.compile(r"^sep=(.)$")  # Excel's hint line, which Excel itself does not show as a row


def _decode(data: bytes, name: str, log: ProblemLog) -> str | None:
    """The file's text; a BOM, UTF-16 or Windows-1252 are read with a note, anything else is an error."""
    if data.startswith(codecs.BOM_UTF8):
        log.add(name, 0, "(file)", "byte-order mark", "UTF-8 without a byte-order mark; read as UTF-8", "note")
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            log.add(name, 0, "(file)", "broken UTF-16", "a CSV file saved as 'CSV UTF-8 (Comma delimited)'")
            return None
        log.add(name, 0, "(file)", "UTF-16", "UTF-8; read as UTF-16 (what Excel saves as 'Unicode Text')", "note")
        return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        log.add(name, 0, "(file)", f"byte {data[error.start]:#04x} on line {line}",
                "a file saved as UTF-8 (or Windows-1252, as Excel saves it); this one is neither")
        return None
    log.add(name, 0, "(file)", "not UTF-8", "UTF-8; read as Windows-1252 (what Excel saves)", "note")
    return text


def _delimiter(header: str, name: str, log: ProblemLog) -> str:
    """The separator the header uses most: Excel writes ';' in locales with a decimal comma (Indonesia)."""
    delimiter = max(DELIMITERS, key=lambda d: (header.count(d), d == ","))
    if delimiter != ",":
        log.add(name, 0, "(file)", DELIMITERS[delimiter], f"commas between fields; read with {delimiter!r} as separator", "note")
    return delimiter


def _header_key(text: str) -> str:
    """'Record ID', 'record-id' and 'RECORD_ID' are one column name; a misspelling is not."""
    return re.sub(r"[\s\-]+", "_", text.casefold()).strip("_")


def _match_header(header: list[str], known: list[str], required: list[str], name: str, log: ProblemLog) -> dict[int, str] | None:
    """Map header positions to documented column names, logging what was assumed or is missing.

    Returns None when the header cannot be used (no documented column in it, or one missing).
    """
    by_key = {_header_key(c): c for c in known}
    columns: dict[int, str] = {}
    unknown: dict[int, str] = {}
    for position, cell in enumerate(header):
        column = cell if cell in known else by_key.get(_header_key(cell))
        if column is None:
            unknown[position] = cell
        elif column in columns.values():
            first = [p for p, c in columns.items() if c == column][0]
            log.add(name, 1, column, cell, f"each column once; it is also column {first + 1}, whose cells are the ones read")
        else:
            if cell != column:
                log.add(name, 1, column, cell, f"the column name {column!r}; read as {column!r}", "note")
            columns[position] = column
    if not set(columns.values()) & set(required):
        shown = ",".join(header)[:80]
        log.add(name, 1, "(header)", shown, f"a first row naming the columns {', '.join(required)}")
        return None
    missing = [c for c in required if c not in columns.values()]
    for column in missing:
        close = difflib.get_close_matches(column, [u for u in unknown.values() if u], n=1, cutoff=0.75)
        if close:
            unknown = {p: u for p, u in unknown.items() if u != close[0]}
            log.add(name, 1, column, close[0], f"a column named {column!r} in the header ({close[0]!r} looks like a misspelling of it)")
        else:
            log.add(name, 1, column, "(no such column)", f"a column named {column!r} in the header")
    for position, cell in unknown.items():
        log.add(name, 1, cell or f"(column {position + 1}, no header)", cell, "only the documented columns; this one is ignored", "note")
    return None if missing else columns


def _swallowed_rows(raw_cells: list[str], delimiter: str, width: int) -> int:
    """How many lines inside one cell look like whole rows: the mark of a quote that was never closed."""
    return sum(
        line.count(delimiter) >= max(2, width // 2)
        for cell in raw_cells if "\n" in cell
        for line in cell.split("\n")[1:]
    )


def read_table(path: Path, required: list[str], log: ProblemLog, optional: list[str] = (), require_rows: bool = False) -> pd.DataFrame:
    """Read one CSV into a frame of cleaned strings with a `_row` column; log what is wrong with it.

    `require_rows`: a file with a header and no rows is an error (raw data: building from it would
    replace every processed table with an empty one). Cells are parsed by pandas' C parser and
    cleaned once per distinct value; the checks below look at whole columns, not row by row.
    """
    name = path.name
    empty = pd.DataFrame(columns=[*required, ROW])
    if not path.exists():
        log.add(name, 0, "(file)", "missing", f"a file at {path}")
        log.mark_unreadable(name)
        return empty
    text = _decode(path.read_bytes(), name, log)
    if text is None:
        log.mark_unreadable(name)
        return empty
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        log.add(name, 0, "(file)", "empty file", f"a header row with the columns {', '.join(required)}")
        log.mark_unreadable(name)
        return empty
    first_line = text.split("\n", 1)[0]
    if sep := _EXCEL_SEP_LINE.match(first_line.strip()):
        log.add(name, 0, "(file)", first_line.strip(), f"the header on the first line; the Excel hint line is skipped and {sep[1]!r} used as separator", "note")
        delimiter, text = sep[1], text.split("\n", 1)[1] if "\n" in text else ""
    else:
        delimiter = _delimiter(first_line, name, log)
    cells, lengths = _cells(text, delimiter)
    if cells.empty:
        log.add(name, 0, "(file)", "empty file", f"a header row with the columns {', '.join(required)}")
        log.mark_unreadable(name)
        return empty
    header = [clean_text(h) for h in cells.iloc[0]][: lengths[0] if lengths else None]  # not the padding
    width = len(header)
    columns = _match_header(header, [*required, *optional], required, name, log)
    if columns is None:
        log.mark_unreadable(name)
        return empty

    raw = cells.iloc[1:].fillna("")
    raw.index = pd.RangeIndex(2, len(raw) + 2)  # the row numbers a spreadsheet shows
    cleaned = raw.apply(clean_column)
    blank = (cleaned == "").all(axis=1)
    for number in raw.index[blank]:
        log.add(name, int(number), "(row)", "empty row", "a record; the blank row is skipped", "note")
    rejected = blank.copy()
    if '"' in text:  # only a quoted cell can hold a line break, so only then can a quote be left open
        rejected |= _log_unclosed_quotes(raw.iloc[:, :width], ~rejected, delimiter, width, columns, name, log)
    if cells.shape[1] > width:  # the careful parse padded every row to the longest
        rejected |= _log_too_many_cells(cleaned, lengths, ~rejected, delimiter, width, name, log)
    kept = list(columns)
    body, body_raw = cleaned.loc[~rejected, kept], raw.loc[~rejected, kept]
    _log_tidied(body, body_raw, columns, name, log)
    frame = body.set_axis([columns[p] for p in kept], axis=1)
    frame[ROW] = frame.index.astype(int)
    if require_rows and frame.empty:
        log.add(name, 0, "(file)", "no rows", "at least one row under the header")
        log.mark_unreadable(name)
    present = [c for c in [*required, *optional] if c in columns.values()]
    return frame.reset_index(drop=True)[[*required, *[c for c in optional if c in present], ROW]].astype({ROW: int})


def _cells(text: str, delimiter: str) -> tuple[pd.DataFrame, list[int] | None]:
    """Every cell as raw text, and (only when rows differ in length) each row's number of cells.

    pandas' C parser is fast but stops at a row longer than the header; then the csv module reads
    the file row by row, padded to the longest row, so the too-long rows can be named.
    """
    if not text.split("\n", 1)[0].strip():  # pandas would skip a blank first line; the header must be line 1
        return _cells_by_row(text, delimiter)
    try:
        frame = pd.read_csv(
            io.StringIO(text), sep=delimiter, header=None, dtype=str, keep_default_na=False, na_filter=False,
            skip_blank_lines=False, engine="c", quoting=csv.QUOTE_MINIMAL,
        )
        return frame, None
    except pd.errors.EmptyDataError:
        return pd.DataFrame(), None
    except pd.errors.ParserError:
        return _cells_by_row(text, delimiter)


def _cells_by_row(text: str, delimiter: str) -> tuple[pd.DataFrame, list[int]]:
    rows = [r or [""] for r in csv.reader(io.StringIO(text), delimiter=delimiter)]
    longest = max((len(r) for r in rows), default=0)
    return pd.DataFrame([r + [""] * (longest - len(r)) for r in rows], dtype=object), [len(r) for r in rows]


def _log_unclosed_quotes(raw: pd.DataFrame, candidates: pd.Series, delimiter: str, width: int, columns: dict[int, str], name: str, log: ProblemLog) -> pd.Series:
    """Rows whose cell runs on over lines that look like rows of their own: a double quote never closed."""
    multiline = raw.apply(lambda c: c.str.contains("\n", regex=False)).any(axis=1) & candidates
    bad = pd.Series(False, index=raw.index)
    for number in raw.index[multiline]:
        raw_cells = raw.loc[number].tolist()
        if swallowed := _swallowed_rows(raw_cells, delimiter, width):
            position = next(p for p, c in enumerate(raw_cells) if "\n" in c)
            log.add(name, int(number), columns.get(position, "(row)"), raw_cells[position][:60] + "…",
                    f"a closing double quote: this cell opens with '\"' and runs on over {swallowed} more line(s) that look "
                    "like rows of their own, which are not read; close the quote (or delete the stray '\"')")
            bad[number] = True
    return bad


def _log_too_many_cells(cleaned: pd.DataFrame, lengths: list[int], candidates: pd.Series, delimiter: str, width: int, name: str, log: ProblemLog) -> pd.Series:
    """Rows with a non-empty cell beyond the header's columns: an unquoted separator inside a cell."""
    beyond = cleaned.iloc[:, width:]
    bad = (beyond != "").any(axis=1) & candidates
    for number in cleaned.index[bad]:
        extra = next(c for c in beyond.loc[number] if c)
        log.add(name, int(number), "(row)", f"{lengths[number - 1]} cells, the extra one(s) starting {extra[:40]!r}",
                f"{width} cells, one per column; a cell holding the separator {delimiter!r} must be in double quotes")
    return bad


def _log_tidied(cleaned: pd.DataFrame, raw: pd.DataFrame, columns: dict[int, str], name: str, log: ProblemLog) -> None:
    """One note for all cells whose spaces or line breaks were tidied, naming the first."""
    changed = cleaned.ne(raw)
    if not changed.to_numpy().any():
        return
    count = int(changed.to_numpy().sum())
    rows, positions = changed.to_numpy().nonzero()
    number, position = int(changed.index[rows[0]]), changed.columns[positions[0]]
    more = f" (and {count - 1} more cell(s))" if count > 1 else ""
    log.add(name, number, columns[position], raw.loc[number, position], "no leading, trailing, doubled or non-breaking spaces or line breaks in a cell; "
            f"read with them tidied to single spaces{more}", "note")


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
