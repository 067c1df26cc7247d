"""Writing the processed tables and their Frictionless descriptor, byte for byte reproducibly.

Files are written to a temporary folder beside data/processed/ and swapped in only when all of
them are written, so a failed or interrupted build leaves the previous tables intact.
"""

from __future__ import annotations

import json
import re
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


_NEEDS_QUOTES = re.compile(r'[,"\r\n]')


def _quote(text: str) -> str:
    """A cell as csv.writer writes it by default (QUOTE_MINIMAL): quoted only when it must be."""
    return '"' + text.replace('"', '""') + '"' if _NEEDS_QUOTES.search(text) else text


def format_column(column: pd.Series) -> np.ndarray:
    """A column as CSV cells (the text _cell gives each value, quoted where needed), worked out once per
    distinct value: a million-row table holds far fewer distinct values than cells."""
    if pd.api.types.is_bool_dtype(column.dtype) and column.dtype != object:
        return np.where(column.to_numpy(dtype=bool), "true", "false").astype(object)
    kind = pd.api.types.infer_dtype(column, skipna=True) if column.dtype == object else None
    if kind is not None and kind not in ("string", "empty", "date", "datetime"):
        return np.array([_quote(_cell(v)) for v in column], dtype=object)  # mixed values: one at a time, as they come
    if kind in ("string", "empty"):
        text = column.fillna("").to_numpy(dtype=object)
        joined = "\x00".join(text)
        if not ("," in joined or '"' in joined or "\n" in joined or "\r" in joined):  # the usual case: ids and codes
            return text
    codes, uniques = pd.factorize(column, use_na_sentinel=True)
    cell = _quote if kind in ("string", "empty") else (lambda value: _quote(_cell(value)))
    text = np.array([cell(u) for u in uniques] + [""], dtype=object)
    return text[codes]


def to_csv_text(frame: pd.DataFrame) -> str:
    """CSV with lowercase booleans, ISO dates, empty cells for missing values and '\\n' line ends: the
    bytes pandas' to_csv writes for the same cells, assembled row by row with str.join (far faster)."""
    header = ",".join(_quote(str(c)) for c in frame.columns)
    if not len(frame):
        return header + "\n"
    columns = [format_column(frame[c]) for c in frame.columns]
    return header + "\n" + "\n".join(map(",".join, zip(*columns))) + "\n"


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
    return {**PACKAGE, "sources": article_sources(tables["sources"]), "resources": resources}


def article_sources(sources: pd.DataFrame) -> list[dict]:
    """The descriptor's 'sources': one entry per article, titled by outlet and headline."""
    return [
        {"title": " — ".join(filter(None, [outlet, title])) or f"article {source_id} (outlet not printed)", "path": url or "",
         "source_id": source_id, "published": published}
        for outlet, title, url, source_id, published in zip(sources.outlet, sources.title, sources.url, sources.source_id, sources.published)
    ]


_SOURCES_SLOT = "\x00sources\x00"


def descriptor_text(tables: dict[str, pd.DataFrame]) -> str:
    """datapackage.json as json.dumps(indent=2) writes it. The per-article list is formatted by hand:
    the indenting encoder is pure Python and a national corpus lists hundreds of thousands of articles."""
    package = descriptor(tables, tables["sources"])
    entries = package["sources"]
    text = json.dumps({**package, "sources": _SOURCES_SLOT}, indent=2, ensure_ascii=False) + "\n"
    if entries:
        string = json.encoder.encode_basestring  # what the encoder uses for str with ensure_ascii=False

        def value(v):
            return string(v) if isinstance(v, str) else json.dumps(v, ensure_ascii=False)

        items = ",\n".join(
            "    {\n" + ",\n".join(f"      {string(k)}: {value(v)}" for k, v in e.items()) + "\n    }" for e in entries
        )
        listed = "[\n" + items + "\n  ]"
    else:
        listed = "[]"
    return text.replace(json.dumps(_SOURCES_SLOT, ensure_ascii=False), listed, 1)


def restore_interrupted(out: Path) -> Path:
    """Put back the previous tables if a build was killed between moving them aside and moving the new
    ones in; returns the set-aside folder's path."""
    old = Path(out).with_name(f".{Path(out).name}-old")
    if old.exists() and not Path(out).exists():
        old.rename(out)
    return old


def write_package(tables: dict[str, pd.DataFrame], out: Path) -> list[Path]:
    """Write every table and datapackage.json into `out`, replacing its previous content atomically.

    The files go to a temporary folder beside `out`; only when all are written is the previous folder
    moved aside and the new one moved in (two renames). Whatever fails or interrupts the build before
    that (an error, Ctrl-C), or between the two renames, the previous folder is back in place and no
    temporary folder is left. A folder set aside by a build killed between the renames is restored
    by the next build before it starts (`restore_interrupted`).
    """
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    old = restore_interrupted(out)
    shutil.rmtree(old, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-new-", dir=out.parent))
    set_aside = False
    try:
        for name in TABLES:
            (staging / f"{name}.csv").write_text(to_csv_text(tables[name]), encoding="utf-8")
        (staging / "datapackage.json").write_text(descriptor_text(tables), encoding="utf-8")
        if out.exists():
            out.rename(old)
            set_aside = True
        staging.rename(out)
    except BaseException:
        if set_aside and not out.exists():
            old.rename(out)
        shutil.rmtree(staging, ignore_errors=True)
        raise
    shutil.rmtree(old, ignore_errors=True)
    return sorted(out.iterdir())
