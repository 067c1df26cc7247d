"""The synthetic generator, the check against its truth, and the benchmark script, on small sizes."""

from __future__ import annotations

import filecmp
import subprocess
import sys

import pandas as pd
import pytest

from jptp import synthetic, synthetic_check
from jptp.build import build
from jptp.paths import ROOT
from jptp.records import RECORD_COLUMNS, SOURCE_COLUMNS

SMALL = dict(governments=3, years=6, seed=7)


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """A small synthetic corpus, built by the pipeline."""
    folder = tmp_path_factory.mktemp("synthetic")
    synthetic.generate(folder, synthetic.Config(**SMALL))
    build(folder / "raw", folder / "reference", folder / "processed")
    return folder


def test_same_seed_gives_byte_identical_files(world, tmp_path):
    synthetic.generate(tmp_path, synthetic.Config(**SMALL))
    for sub in ("raw", "reference", "truth"):
        names = sorted(p.name for p in (world / sub).iterdir())
        assert names == sorted(p.name for p in (tmp_path / sub).iterdir())
        assert filecmp.cmpfiles(world / sub, tmp_path / sub, names, shallow=False)[1] == [], sub


def test_another_seed_gives_another_world(world, tmp_path):
    synthetic.generate(tmp_path, synthetic.Config(**{**SMALL, "seed": 8}))
    assert (tmp_path / "raw" / "records.csv").read_bytes() != (world / "raw" / "records.csv").read_bytes()


def test_raw_files_have_the_hand_coding_columns_and_forms(world):
    records = pd.read_csv(world / "raw" / "records.csv", dtype=str, keep_default_na=False)
    sources = pd.read_csv(world / "raw" / "sources.csv", dtype=str, keep_default_na=False)
    assert list(records.columns) == RECORD_COLUMNS and list(sources.columns) == SOURCE_COLUMNS
    dates = records.date_raw
    assert dates.str.fullmatch(r"[A-Z][a-z']+ \(\d{1,2}/\d{1,2}\)").any()  # 'Senin (24/11)'
    assert dates.str.fullmatch(r"[A-Z][a-z']+ \(\d{1,2}/\d{1,2}/\d{4}\)").any()  # 'Kamis (2/9/2021)'
    assert dates.str.fullmatch(r"[A-Z][a-z']+ \(\d{1,2}-\d{1,2}-\d{4}\)").any()  # 'Senin (9-3-2026)'
    assert dates.str.fullmatch(r"[A-Z][a-z']+ \d{1,2} [A-Z][a-z]+ \d{4}").any()  # 'Senin 27 Oktober 2025'
    people = records.person_raw
    assert people.str.contains(r"^(?:Drs|Dr|Ir|H)\. ").any() and people.str.contains(", M.").any() and people.str.contains("Moh. ").any()
    assert records.post_raw.str.contains(r"^(?:Plt|Pelaksana Tugas)").any() and records.status_raw.eq("Pelaksana Tugas (Plt)").any()
    assert set(records.event) >= {"inaugurated", "seen_in_post", "reported_vacant", "appointed", "fill_announced"}


def test_the_build_accepts_every_synthetic_record(world):
    ledger = pd.read_csv(world / "processed" / "record_ledger.csv", dtype=str)
    records = pd.read_csv(world / "raw" / "records.csv", dtype=str)
    assert set(ledger.record_id) == set(records.record_id)


def test_every_true_acting_duration_lies_inside_its_reported_range(world):
    result = synthetic_check.check(world, world / "processed")
    for name in ("stretches", "spells"):
        coverage = synthetic_check.coverage(result[name])
        assert coverage["n"] > 20, name
        assert coverage["coverage"] == 1.0, result[name][~result[name].result.isin(["inside", "open_ok"])].head()


def test_chain_links_are_mostly_right_where_both_moves_were_reported(world):
    links = synthetic_check.link_scores(pd.read_csv(world / "processed" / "chain_steps.csv", dtype=str), synthetic_check.read_truth(world))
    assert links["links_found"] > 5 and links["precision"] >= 0.8 and links["recall_observable"] >= 0.8


def test_check_command_reports_coverage(world, capsys):
    assert synthetic_check.main(["--synthetic", str(world), "--processed", str(world / "processed")]) == 0
    assert "100.00%" in capsys.readouterr().out


def test_benchmark_script_runs_on_a_tiny_size(tmp_path):
    # Not a timing test: it only keeps benchmarks/run.py from rotting.
    out = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--sizes", "1500", "--workdir", str(tmp_path)],
        capture_output=True, text=True, check=True, timeout=300,
    ).stdout
    assert "1,500 records" in out and "build / read_csv" in out and "records/s" in out
