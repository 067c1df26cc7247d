"""Writing the processed tables and their Frictionless descriptor, byte for byte reproducibly.

Files are written to a temporary folder beside data/processed/ and swapped in only when all of
them are written, so a failed or interrupted build leaves the previous tables intact.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from datetime import date, datetime
from pathlib import Path

import numpy as np
import pandas as pd

from .schema import TABLES

PACKAGE = {
    "name": "jptp-regional-top-posts",
    "title": "Acting officials, fills and rotations in Indonesian regional top posts (JPT Pratama)",
    "description": (
        "Facts hand-coded from news articles about how regional governments leave their top posts empty, "
        "fill them and rotate officials between them. Built by `make data` from data/raw/ and data/reference/; "
        "do not edit these files by hand."
    ),
    "licenses": [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/", "title": "Creative Commons Attribution 4.0"}],
}


def _cell(value) -> str:
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, (bool, np.bool_)):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def format_column(column: pd.Series) -> pd.Series:
    """A column as the text _cell gives each value, worked out per distinct value or by dtype, not per cell."""
    if pd.api.types.is_bool_dtype(column.dtype) and column.dtype != object:
        return pd.Series(np.where(column.to_numpy(dtype=bool), "true", "false"), index=column.index, dtype=object)
    if pd.api.types.is_datetime64_any_dtype(column.dtype):
        return column.dt.strftime("%Y-%m-%d").fillna("").astype(object)
    if column.dtype == object and pd.api.types.infer_dtype(column, skipna=True) not in ("string", "empty", "date", "datetime"):
        return column.map(_cell)  # mixed values: one at a time, as they come
    codes, uniques = pd.factorize(column, use_na_sentinel=True)
    text = np.array([_cell(u) for u in uniques] + [""], dtype=object)
    return pd.Series(text[codes], index=column.index, dtype=object)


def to_csv_text(frame: pd.DataFrame) -> str:
    """CSV with lowercase booleans, ISO dates, empty cells for missing values and '\\n' line ends."""
    text = frame.apply(format_column) if len(frame) else frame.astype(str)
    return text.to_csv(index=False, lineterminator="\n")


def descriptor(tables: dict[str, pd.DataFrame], sources: pd.DataFrame) -> dict:
    resources = []
    for name, spec in TABLES.items():
        schema = {
            "fields": [{"name": n, "type": t, "description": d} for n, t, d in spec["fields"]],
            "primaryKey": spec["primary_key"],
            "missingValues": [""],
        }
        if spec.get("foreign_keys"):
            schema["foreignKeys"] = [
                {"fields": f, "reference": {"resource": r, "fields": rf}} for f, r, rf in spec["foreign_keys"]
            ]
        resources.append(
            {
                "name": name,
                "path": f"{name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "dialect": {"delimiter": ",", "quoteChar": '"', "doubleQuote": True, "header": True},
                "description": spec["description"],
                "schema": schema,
            }
        )
    article_sources = [
        {"title": " — ".join(filter(None, [s.outlet, s.title])) or f"article {s.source_id} (outlet not printed)", "path": s.url or "", "source_id": s.source_id, "published": s.published}
        for s in tables["sources"].itertuples()
    ]
    return {**PACKAGE, "sources": article_sources, "resources": resources}


def write_package(tables: dict[str, pd.DataFrame], out: Path) -> list[Path]:
    """Write every table and datapackage.json into `out`, replacing its previous content atomically."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".processed-", dir=out.parent))
    try:
        for name in TABLES:
            (staging / f"{name}.csv").write_text(to_csv_text(tables[name]), encoding="utf-8")
        text = json.dumps(descriptor(tables, tables["sources"]), indent=2, ensure_ascii=False) + "\n"
        (staging / "datapackage.json").write_text(text, encoding="utf-8")
        old = out.with_name(f".{out.name}-old")
        if old.exists():
            shutil.rmtree(old)
        if out.exists():
            out.rename(old)
        staging.rename(out)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return sorted(out.iterdir())
