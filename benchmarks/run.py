"""Benchmark the build on synthetic national-scale data: seconds per stage, records per second,
peak memory, and the build's time as a multiple of a plain pandas.read_csv of the same raw file.

    .venv/bin/python benchmarks/run.py                       # 100,000 and 1,000,000 records
    .venv/bin/python benchmarks/run.py --sizes 100000 1000000 10000000

Each size is generated once into --workdir (jptp.synthetic, seed 1) and then measured in a fresh
Python process, so that its peak memory is its own: that process first times pandas.read_csv on
the raw records.csv, then runs the whole build (read, validate, normalize, tables, chains, spells,
fills, write) exactly as `python -m jptp.build` does. Not a test: nothing here asserts a timing.
"""

from __future__ import annotations

import argparse
import json
import math
import platform
import subprocess
import sys
import time
from pathlib import Path

RECORDS_PER_GOVERNMENT = 1_100  # about what one government yields over 10 years at p_month=0.25
TARGETS = {"seconds_1m": 60.0, "peak_gib_1m": 4.0, "ratio_read_csv": 5.0, "growth_10x": 12.0}


def generate(size: int, workdir: Path, seed: int) -> Path:
    """Synthetic raw data with exactly `size` records (cached: the generator is deterministic)."""
    folder = workdir / f"synthetic-{size}-seed{seed}"
    if not (folder / "truth" / "config.json").exists():
        governments = math.ceil(size / RECORDS_PER_GOVERNMENT) + 5
        subprocess.run(
            [sys.executable, "-m", "jptp.synthetic", "--governments", str(governments), "--years", "10", "--seed", str(seed),
             "--p-month", "0.25", "--max-records", str(size), "--out", str(folder)],
            check=True, stdout=subprocess.DEVNULL,
        )
    return folder


def measure_one(folder: Path) -> dict:
    """In this process: read_csv of the raw records, then the whole build; times, peak memory."""
    import gc

    import pandas as pd

    from jptp.build import build
    from jptp.stages import Stages, peak_rss_mib

    start = time.perf_counter()
    frame = pd.read_csv(folder / "raw" / "records.csv")
    read_csv_seconds = time.perf_counter() - start
    n = len(frame)
    del frame
    gc.collect()
    stages = Stages()
    start = time.perf_counter()
    build(folder / "raw", folder / "reference", folder / "processed", stages)
    build_seconds = time.perf_counter() - start
    return {
        "records": n, "read_csv_seconds": read_csv_seconds, "build_seconds": build_seconds, "stages": stages.seconds(),
        "peak_mib": peak_rss_mib(), "records_per_second": n / build_seconds, "ratio_to_read_csv": build_seconds / read_csv_seconds,
    }


def measure(folder: Path) -> dict:
    out = subprocess.run([sys.executable, __file__, "--measure", str(folder)], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def table(results: list[dict]) -> str:
    stage_names = list(dict.fromkeys(name for r in results for name in r["stages"]))
    head = ["records", *[f"{s} s" for s in stage_names], "build s", "records/s", "peak MiB", "read_csv s", "build / read_csv"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---:|" * len(head)]
    for r in results:
        cells = [f"{r['records']:,}", *[f"{r['stages'].get(s, 0):.2f}" for s in stage_names], f"{r['build_seconds']:.1f}",
                 f"{r['records_per_second']:,.0f}", f"{r['peak_mib']:,.0f}", f"{r['read_csv_seconds']:.2f}", f"{r['ratio_to_read_csv']:.1f}"]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def verdicts(results: list[dict]) -> list[str]:
    """The targets of issue 6, each with the measured figure and whether it is met."""
    out = []
    by_size = {r["records"]: r for r in results}
    if 1_000_000 in by_size:
        r = by_size[1_000_000]
        out.append(f"1,000,000-record build under {TARGETS['seconds_1m']:.0f} s: {r['build_seconds']:.1f} s "
                   f"({'met' if r['build_seconds'] < TARGETS['seconds_1m'] else 'NOT met'})")
        out.append(f"1,000,000-record build under {TARGETS['peak_gib_1m']:.0f} GiB: {r['peak_mib'] / 1024:.2f} GiB "
                   f"({'met' if r['peak_mib'] / 1024 < TARGETS['peak_gib_1m'] else 'NOT met'})")
    for r in results:
        out.append(f"{r['records']:,} records, build / read_csv at most {TARGETS['ratio_read_csv']:.0f}: {r['ratio_to_read_csv']:.1f} "
                   f"({'met' if r['ratio_to_read_csv'] <= TARGETS['ratio_read_csv'] else 'NOT met'})")
    sizes = sorted(by_size)
    for small, large in zip(sizes, sizes[1:]):
        growth = by_size[large]["build_seconds"] / by_size[small]["build_seconds"]
        scale = large / small
        limit = TARGETS["growth_10x"] * scale / 10
        out.append(f"{small:,} -> {large:,} records ({scale:.0f}x): time x{growth:.1f} (at most x{limit:.0f}: "
                   f"{'met' if growth <= limit else 'NOT met'})")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/jptp-benchmark"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # internal: one measurement, in a fresh process
    args = parser.parse_args(argv)
    if args.measure:
        print(json.dumps(measure_one(args.measure)))
        return 0
    print(f"Machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}", flush=True)
    results = []
    for size in args.sizes:
        folder = generate(size, args.workdir, args.seed)
        result = measure(folder)
        results.append(result)
        stages = ", ".join(f"{k} {v:.1f}" for k, v in result["stages"].items())
        print(f"{size:>11,} records: build {result['build_seconds']:.1f} s ({stages}); "
              f"{result['records_per_second']:,.0f} records/s; peak {result['peak_mib']:,.0f} MiB; "
              f"read_csv {result['read_csv_seconds']:.2f} s; build/read_csv {result['ratio_to_read_csv']:.1f}", flush=True)
    print()
    print(table(results))
    print()
    print("\n".join(verdicts(results)))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
