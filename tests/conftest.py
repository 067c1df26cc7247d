"""Shared fixtures: the shipped data, built once per session into a temporary folder."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

from jptp.build import build
from jptp.paths import RAW, REFERENCE, seeds_dir
from jptp.problems import ProblemLog
from jptp.reference import load_reference


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """The processed tables built from the shipped raw data into a fresh folder."""
    out = tmp_path_factory.mktemp("processed") / "processed"
    return build(RAW, REFERENCE, out), out


@pytest.fixture(scope="session")
def tables(built):
    return built[0].tables


@pytest.fixture(scope="session")
def reference():
    log = ProblemLog()
    ref = load_reference(log)
    assert not log.errors, log.errors
    return ref


@pytest.fixture
def raw_copy(tmp_path) -> Path:
    """A writable copy of data/raw for tests that break it on purpose."""
    target = tmp_path / "raw"
    shutil.copytree(RAW, target)
    return target


@pytest.fixture(scope="session")
def seeds() -> dict[str, list[str]]:
    """Article texts by file name, as lists of non-empty lines (paragraphs). Skips when absent."""
    folder = seeds_dir()
    if not folder.is_dir():
        pytest.skip(f"article texts not found at {folder} (set JPTP_SEEDS)")
    return {p.name: [l for l in p.read_text(encoding="utf-8").splitlines() if l.strip()] for p in sorted(folder.glob("*.txt"))}


# Property-based tests: the same examples on every run (CI must be deterministic) and few enough to
# keep the suite fast. JPTP_HYPOTHESIS=explore runs many more, fresh ones, when hunting for bugs.
settings.register_profile("ci", derandomize=True, database=None, deadline=None, max_examples=150, print_blob=True)
settings.register_profile("explore", max_examples=5000, deadline=None)
settings.load_profile(os.environ.get("JPTP_HYPOTHESIS", "ci"))
