"""Notebooks: paired scripts in step, committed with outputs, and every one executes on the shipped data."""

from __future__ import annotations

import jupytext
import nbformat
import pytest

from jptp import notebooks
from jptp.paths import FIGURES, NOTEBOOKS

SCRIPTS = notebooks.scripts()


def _sources(nb) -> list[tuple[str, str]]:
    return [(c.cell_type, c.source.strip()) for c in nb.cells]


def test_there_is_a_notebook_for_each_question():
    assert [s.stem for s in SCRIPTS] == ["01-overview", "02-acting-durations", "03-open-selection", "04-rotation-chains", "90-synthetic-check"]


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.stem)
def test_paired_notebook_has_not_drifted_from_its_script(script):
    paired = script.with_suffix(".ipynb")
    assert paired.exists(), f"run `make notebooks` to create {paired.name}"
    assert _sources(jupytext.read(paired)) == _sources(jupytext.read(script)), f"{paired.name} and {script.name} differ: run `make notebooks`"


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.stem)
def test_committed_notebook_carries_its_outputs_and_no_error(script):
    nb = nbformat.read(script.with_suffix(".ipynb"), as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.get("execution_count") for c in code), "every code cell executed"
    outputs = [o for c in code for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any("image/png" in o.get("data", {}) for o in outputs), "at least one chart shown"
    assert all(c.metadata.get("tags") != ["injected-parameters"] for c in nb.cells)


def test_every_notebook_executes_on_the_shipped_data_and_rebuilds_the_figure_folder(tmp_path):
    for script in SCRIPTS:
        notebooks.execute(script, tmp_path / "nb" / f"{script.stem}.ipynb", tmp_path / "figures", tmp_path / "html" / f"{script.stem}.html")
    built = sorted(p.name for p in (tmp_path / "figures").iterdir())
    committed = sorted(p.name for p in FIGURES.iterdir() if p.suffix in {".png", ".svg"})
    assert built == committed, "run `make all` and commit reports/figures/"
    assert {p.suffix for p in (tmp_path / "figures").iterdir()} == {".png", ".svg"}
    assert len(list((tmp_path / "html").glob("*.html"))) == len(SCRIPTS)


def test_one_government_runs_through_the_parameters_cell(tmp_path):
    script = NOTEBOOKS / "04-rotation-chains.py"
    out = notebooks.execute(script, tmp_path / "nb.ipynb", tmp_path / "figures", parameters={"government": "kota-metro", "period_start": None, "period_end": None})
    nb = nbformat.read(out, as_version=4)
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(injected) == 1 and "government = 'kota-metro'" in injected[0].source
    text = "\n".join(o.get("data", {}).get("text/markdown", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    assert "**2 moves** form **2 chains**" in text  # Metro: Kusbani and Agus Muhammad Septiara, 000 ¶2-3


def test_a_filtered_run_never_overwrites_the_main_charts():
    assert notebooks.figure_folder() == FIGURES
    assert notebooks.figure_folder("kota-metro") != FIGURES
    assert notebooks.run_label("kota-metro", "2024-01-01", None) == "kota-metro_2024-01-01_end"
