"""Wall time and peak memory per build stage, reported as each stage ends.

A national build takes a while; a line per stage (what it did, how long it took) shows that it is
moving and where the time goes, and the same figures feed the benchmark (benchmarks/run.py).
"""

from __future__ import annotations

import resource
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Callable, Iterator


def peak_rss_mib() -> float:
    """Peak resident memory of this process so far, in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@dataclass
class Stage:
    name: str
    seconds: float = 0.0
    detail: str = ""
    peak_mib: float = 0.0


@dataclass
class Stages:
    """Collects stages in order; `report`, when given, receives a line as each stage ends."""

    report: Callable[[str], None] | None = None
    done: list[Stage] = field(default_factory=list)

    @contextmanager
    def __call__(self, name: str) -> Iterator[Stage]:
        stage = Stage(name)
        start = time.perf_counter()
        try:
            yield stage
        finally:
            stage.seconds = time.perf_counter() - start
            stage.peak_mib = peak_rss_mib()
            existing = next((s for s in self.done if s.name == name), None)
            if existing:  # a stage entered twice (e.g. spells before and after fills) adds up
                existing.seconds += stage.seconds
                existing.detail = ", ".join(filter(None, [existing.detail, stage.detail]))
                existing.peak_mib = stage.peak_mib
            else:
                self.done.append(stage)
            if self.report:
                self.report(f"  {name:<10} {stage.seconds:8.2f} s  {stage.detail}")

    @property
    def total(self) -> float:
        return sum(s.seconds for s in self.done)

    def seconds(self) -> dict[str, float]:
        return {s.name: s.seconds for s in self.done}

    def summary(self) -> str:
        """Where the time went: each stage's share of the whole build."""
        total = self.total or 1.0
        parts = [f"{s.name} {s.seconds:.1f} s ({s.seconds / total:.0%})" for s in self.done]
        return f"Built in {self.total:.1f} s, peak memory {peak_rss_mib():.0f} MiB: " + ", ".join(parts)


def to_stderr(line: str) -> None:
    print(line, file=sys.stderr, flush=True)
