"""A failed or interrupted build leaves the previous processed tables exactly as they were, and no
temporary folder behind: the new files are written beside them and swapped in only when complete."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from jptp import datapackage
from jptp.build import build, main
from jptp.paths import RAW, REFERENCE


@pytest.fixture(scope="module")
def good_build(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("good") / "processed"
    build(RAW, REFERENCE, out)
    return out


@pytest.fixture
def previous(good_build, tmp_path) -> tuple[Path, dict[str, bytes]]:
    """A processed folder from a good build, with a marker file to show it is the same folder's content."""
    out = tmp_path / "site" / "processed"
    shutil.copytree(good_build, out)
    (out / "records.csv").write_text("the previous build's records\n", encoding="utf-8")  # distinguishable from a rebuild
    return out, _snapshot(out)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _fail_after(monkeypatch, calls: int, error: BaseException) -> None:
    """Make the table writer raise `error` on its call number `calls`: the build stops midway through writing."""
    real, count = datapackage.to_csv_text, {"n": 0}

    def failing(frame):
        count["n"] += 1
        if count["n"] == calls:
            raise error
        return real(frame)

    monkeypatch.setattr(datapackage, "to_csv_text", failing)


@pytest.mark.parametrize("error", [OSError("disk full"), KeyboardInterrupt()], ids=["disk-full", "ctrl-c"])
def test_a_build_stopped_midway_through_writing_changes_nothing(previous, monkeypatch, error):
    out, before = previous
    _fail_after(monkeypatch, 5, error)
    with pytest.raises(type(error)):
        build(RAW, REFERENCE, out)
    assert _snapshot(out) == before
    assert [p.name for p in out.parent.iterdir()] == ["processed"]  # no temporary folder left


def test_a_build_stopped_between_the_two_renames_puts_the_previous_tables_back(previous, monkeypatch):
    out, before = previous
    real = Path.rename

    def rename(self, target):
        if Path(target) == out and self != out.with_name(".processed-old"):  # the new tables moving in, not the old coming back
            raise OSError("interrupted just before the new tables were moved in")
        return real(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    with pytest.raises(OSError):
        build(RAW, REFERENCE, out)
    assert _snapshot(out) == before
    assert [p.name for p in out.parent.iterdir()] == ["processed"]


def test_tables_set_aside_by_a_killed_build_come_back_even_if_the_next_build_fails(previous, raw_copy, capsys):
    out, before = previous
    out.rename(out.with_name(".processed-old"))  # what a build killed between the two renames leaves
    (raw_copy / "records.csv").write_text("", encoding="utf-8")
    assert main(["--raw", str(raw_copy), "--out", str(out)]) == 1
    assert _snapshot(out) == before
    assert [p.name for p in out.parent.iterdir()] == ["processed"]


def test_the_command_reports_an_interrupted_write_as_an_internal_error_without_a_traceback(previous, monkeypatch, capsys):
    out, before = previous
    _fail_after(monkeypatch, 12, RuntimeError("simulated failure while writing"))
    assert main(["--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "Internal error (RuntimeError: simulated failure while writing). Nothing was written." in err
    assert "Traceback" not in err
    assert _snapshot(out) == before
    assert [p.name for p in out.parent.iterdir()] == ["processed"]
