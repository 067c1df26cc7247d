"""The main job: read data/raw/ and data/reference/, check everything, write data/processed/.

    python -m jptp.build            # what `make data` runs

Every problem in the raw data is reported at once, with file, spreadsheet row, field, value and
what was expected; while any error remains, nothing is written and the command exits with 1.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .consistency import check_across_records
from .datapackage import restore_interrupted, write_package
from .paths import PROCESSED, RAW, REFERENCE, ROOT
from .problems import InvalidRawData, Problem, ProblemLog
from .records import normalize_records, normalize_sources, read_raw
from .reference import load_reference
from .tables import make_tables


@dataclass
class BuildResult:
    tables: dict[str, pd.DataFrame]
    notes: list[Problem] = field(default_factory=list)
    unused_aliases: list[tuple[str, str]] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)


def build_tables(raw: Path = RAW, reference: Path = REFERENCE) -> BuildResult:
    """Read, check and normalize everything; raise InvalidRawData with all problems, or return the tables."""
    log = ProblemLog()
    ref = load_reference(log, reference)
    sources, records = read_raw(log, raw)
    if log.unreadable:  # every file has been read, so all the problems with their shapes are reported together
        raise InvalidRawData(log.errors, log.notes)
    sources = normalize_sources(sources, log)
    records, unused = normalize_records(records, sources, ref, log)
    check_across_records(records, log)
    if log.errors:
        raise InvalidRawData(log.errors, log.notes)
    return BuildResult(make_tables(records, sources, ref), log.notes, unused)


def build(raw: Path = RAW, reference: Path = REFERENCE, out: Path = PROCESSED) -> BuildResult:
    restore_interrupted(out)  # first, so a failing build still leaves the last good tables in place
    result = build_tables(raw, reference)
    result.written = write_package(result.tables, out)
    return result


def _summary(result: BuildResult, out: Path) -> str:
    t = result.tables
    lines = [f"Wrote {len(result.written)} files to {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}:"]
    lines += [f"  {name + '.csv':<24} {len(frame):>5} rows" for name, frame in t.items()]
    lines.append(
        f"Records: {len(t['records'])} in, {t['record_ledger'].record_id.nunique()} accounted for "
        f"({len(t['set_aside'])} set aside, see set_aside.csv)."
    )
    for note in result.notes:
        lines.append(f"  {note}")
    if result.unused_aliases:
        lines.append(f"{len(result.unused_aliases)} post aliases matched no record (fine, but check for typos):")
        lines += [f"  {g}: {a!r}" for g, a in result.unused_aliases]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--raw", type=Path, default=RAW, help="folder with sources.csv and records.csv")
    parser.add_argument("--reference", type=Path, default=REFERENCE, help="folder with the reference tables")
    parser.add_argument("--out", type=Path, default=PROCESSED, help="folder to write the processed tables to")
    args = parser.parse_args(argv)
    try:
        result = build(args.raw, args.reference, args.out)
    except InvalidRawData as error:
        print(error, file=sys.stderr)
        return 1
    except Exception as error:  # a bug, not bad input: say so plainly; JPTP_DEBUG=1 shows the traceback
        if os.environ.get("JPTP_DEBUG"):
            raise
        print(f"Internal error ({type(error).__name__}: {error}). Nothing was written. Rerun with JPTP_DEBUG=1 for details.", file=sys.stderr)
        return 2
    print(_summary(result, args.out.resolve()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
