"""Execute the notebooks on a fresh kernel: charts to reports/figures/, HTML to reports/html/.

    python -m jptp.notebooks                               # all governments, what `make all` runs
    python -m jptp.notebooks --government kota-metro       # one city, into reports/kota-metro/

The percent-format scripts notebooks/NN-*.py are the source; the .ipynb beside each is written here
with its outputs, so the repository page shows them. Cell ids are fixed and timing metadata left
out, so an unchanged notebook rebuilds to the same file and a change reads as a text diff.
A parameters cell (tagged 'parameters', as papermill expects) holds `government` and the period;
for a filtered run the new values go in a cell after it, the way papermill injects them.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient
from nbconvert import HTMLExporter

from .paths import FIGURES, NOTEBOOKS, REPORTS

FIGURES_ENV = "JPTP_FIGURES_DIR"


def scripts(folder: Path = NOTEBOOKS) -> list[Path]:
    return sorted(folder.glob("[0-9][0-9]-*.py"))


def run_label(government: str | None, start: str | None, end: str | None) -> str | None:
    """Folder name for a filtered run ('kota-metro', 'kota-metro_2024-01-01_2025-12-31'); None for the full run."""
    parts = [government or "all"] + ([f"{start or 'start'}_{end or 'end'}"] if (start or end) else [])
    return None if parts == ["all"] else "_".join(parts)


def figure_folder(government: str | None = None, start: str | None = None, end: str | None = None) -> Path:
    """Where a notebook saves its charts: set by the runner, else by the parameters (a filtered run never overwrites the main charts)."""
    if os.environ.get(FIGURES_ENV):
        return Path(os.environ[FIGURES_ENV])
    label = run_label(government, start, end)
    return FIGURES if label is None else REPORTS / label / "figures"


def _inject(nb, parameters: dict) -> None:
    index = next((i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", [])), -1)
    source = "# Parameters injected for this run\n" + "\n".join(f"{k} = {v!r}" for k, v in parameters.items())
    nb.cells.insert(index + 1, nbformat.v4.new_code_cell(source, metadata={"tags": ["injected-parameters"]}))


def _tidy(nb) -> None:
    """Stable ids and no volatile metadata, so rebuilding an unchanged notebook changes nothing."""
    for number, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{number:02d}"
        cell.metadata.pop("execution", None)
    nb.metadata.pop("papermill", None)
    nb.metadata.pop("widgets", None)


def execute(script: Path, notebook_out: Path, figures: Path, html_out: Path | None = None, parameters: dict | None = None, timeout: int = 600) -> Path:
    """Run one notebook top to bottom on a new kernel; write it with outputs (and as HTML)."""
    nb = jupytext.read(script)
    if parameters:
        _inject(nb, parameters)
    figures.mkdir(parents=True, exist_ok=True)
    previous = os.environ.get(FIGURES_ENV)
    os.environ[FIGURES_ENV] = str(figures.resolve())
    try:
        NotebookClient(nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(script.parent)}}).execute()
    finally:
        if previous is None:
            os.environ.pop(FIGURES_ENV, None)
        else:
            os.environ[FIGURES_ENV] = previous
    _tidy(nb)
    notebook_out.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, notebook_out)
    if html_out is not None:
        html_out.parent.mkdir(parents=True, exist_ok=True)
        body, _ = HTMLExporter(template_name="lab").from_notebook_node(nb)
        html_out.write_text(body, encoding="utf-8")
    return notebook_out


def run_all(government: str | None = None, start: str | None = None, end: str | None = None, only: list[str] | None = None) -> list[Path]:
    label = run_label(government, start, end)
    parameters = {"government": government, "period_start": start, "period_end": end} if label else None
    base = REPORTS if label is None else REPORTS / label
    written = []
    for script in scripts():
        if only and not any(script.stem.startswith(o) for o in only):
            continue
        if label is not None and script.stem >= "90":  # checks on simulated data: no government or period to cut
            continue
        notebook_out = script.with_suffix(".ipynb") if label is None else base / "notebooks" / f"{script.stem}.ipynb"
        print(f"  executing {script.name} ...", flush=True)
        written.append(execute(script, notebook_out, base / "figures", base / "html" / f"{script.stem}.html", parameters))
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Execute every notebook and regenerate every chart.")
    parser.add_argument("--government", help="one government id, e.g. kota-metro (default: all)")
    parser.add_argument("--start", help="period start, YYYY-MM-DD")
    parser.add_argument("--end", help="period end, YYYY-MM-DD")
    parser.add_argument("--only", nargs="*", help="notebook number prefixes to run, e.g. 01 02")
    args = parser.parse_args(argv)
    written = run_all(args.government, args.start, args.end, args.only)
    label = run_label(args.government, args.start, args.end)
    where = "notebooks/, reports/figures/ and reports/html/" if label is None else f"reports/{label}/"
    print(f"Executed {len(written)} notebooks; charts and HTML in {where}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
