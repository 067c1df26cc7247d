"""Every path the project uses, in one place, so no module builds a path by hand."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
RAW = DATA / "raw"
REFERENCE = DATA / "reference"
PROCESSED = DATA / "processed"
REPORTS = ROOT / "reports"
FIGURES = REPORTS / "figures"
NOTEBOOKS = ROOT / "notebooks"

SOURCES_FILE = "sources.csv"
RECORDS_FILE = "records.csv"


def seeds_dir() -> Path:
    """Where the article texts live: never in this repository, beside it in ../shared/seeds.

    JPTP_SEEDS overrides the default, for a checkout that keeps the texts elsewhere.
    """
    return Path(os.environ.get("JPTP_SEEDS", ROOT.parent / "shared" / "seeds"))
