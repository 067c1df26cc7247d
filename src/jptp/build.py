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
from .records import normalize_records, normalize_sources, read_raw, validate_records
from .reference import load_reference
from .stages import Stages, to_stderr
from .tables import make_tables


@dataclass
class BuildResult:
    tables: dict[str, pd.DataFrame]
    notes: list[Problem] = field(default_factory=list)
    unused_aliases: list[tuple[str, str]] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    stages: Stages = field(default_factory=Stages)


def build_tables(raw: Path = RAW, reference: Path = REFERENCE, stages: Stages | None = None) -> BuildResult:
    """Read, check and normalize everything; raise InvalidRawData with all problems, or return the tables."""
    stages = stages or Stages()
    log = ProblemLog()
    with stages("read") as stage:
        ref = load_reference(log, reference)
        sources, records = read_raw(log, raw)
        stage.detail = f"{len(records)} records, {len(sources)} sources, {len(ref.post_aliases)} post aliases"
    if log.unreadable:  # every file has been read, so all the problems with their shapes are reported together
        raise InvalidRawData(log.errors, log.notes)
    with stages("validate") as stage:
        validate_records(records, sources, log)
        stage.detail = f"{len(log.errors)} errors so far"
    with stages("normalize") as stage:
        sources = normalize_sources(sources, log)
        records, unused = normalize_records(records, sources, ref, log, validate=False)
        check_across_records(records, log)
        stage.detail = f"{records.person_id.nunique()} people, {records.post_id.nunique()} posts named"
    if log.errors:
        raise InvalidRawData(log.errors, log.notes)
    return BuildResult(make_tables(records, sources, ref, stages), log.notes, unused, stages=stages)


def build(raw: Path = RAW, reference: Path = REFERENCE, out: Path = PROCESSED, stages: Stages | None = None) -> BuildResult:
    restore_interrupted(out)  # first, so a failing build still leaves the last good tables in place
    result = build_tables(raw, reference, stages)
    with result.stages("write") as stage:
        result.written = write_package(result.tables, out)
        stage.detail = f"{len(result.written)} files, {sum(len(t) for t in result.tables.values())} rows"
    return result


MAX_UNUSED_SHOWN = 50


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
        shown = result.unused_aliases[:MAX_UNUSED_SHOWN]
        lines += [f"  {g}: {a!r}" for g, a in shown]
        if len(result.unused_aliases) > len(shown):
            lines.append(f"  ... and {len(result.unused_aliases) - len(shown)} more")
    lines.append(result.stages.summary())
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--raw", type=Path, default=RAW, help="folder with sources.csv and records.csv")
    parser.add_argument("--reference", type=Path, default=REFERENCE, help="folder with the reference tables")
    parser.add_argument("--out", type=Path, default=PROCESSED, help="folder to write the processed tables to")
    parser.add_argument("--quiet", action="store_true", help="no progress line per stage (the summary is still printed)")
    args = parser.parse_args(argv)
    try:
        result = build(args.raw, args.reference, args.out, Stages(report=None if args.quiet else to_stderr))
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
