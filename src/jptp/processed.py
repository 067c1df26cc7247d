"""Reading the processed tables back with their types, and cutting them to a government or period.

The CSVs are plain text for any tool; this module restores the types the datapackage declares
(dates, booleans, nullable integers), so notebooks and analysts work with the same values the
build computed.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .paths import PROCESSED
from .schema import TABLES

BOOLEAN = {"true": True, "false": False}


def read_table(name: str, folder: Path = PROCESSED) -> pd.DataFrame:
    """One processed table with the types its schema declares."""
    fields = TABLES[name]["fields"]
    frame = pd.read_csv(folder / f"{name}.csv", dtype=str, keep_default_na=False, na_values=[""])
    for column, kind, _ in fields:
        if kind == "date":
            frame[column] = pd.to_datetime(frame[column])
        elif kind == "boolean":
            frame[column] = frame[column].map(BOOLEAN).astype("boolean")
        elif kind == "integer":
            frame[column] = pd.to_numeric(frame[column]).astype("Int64")
        elif kind == "number":
            frame[column] = pd.to_numeric(frame[column])
    return frame


def read_all(folder: Path = PROCESSED) -> dict[str, pd.DataFrame]:
    return {name: read_table(name, folder) for name in TABLES}


def _in_period(start, end, period) -> pd.Series:
    """Rows whose [start, end] interval overlaps the period (either side of the period may be open)."""
    first, last = period
    keep = pd.Series(True, index=start.index)
    if first is not None:
        keep &= end.fillna(pd.Timestamp.max) >= pd.Timestamp(first)
    if last is not None:
        keep &= start.fillna(pd.Timestamp.min) <= pd.Timestamp(last)
    return keep


PERIOD_COLUMNS = {  # which interval places a row in time
    "records": ("date_earliest", "date_latest"),
    "observations": ("date_earliest", "date_latest"),
    "appointments": ("date_earliest", "date_latest"),
    "fill_announcements": ("date_earliest", "date_latest"),
    "vacancy_counts": ("date_earliest", "date_latest"),
    "selection_stages": ("date_earliest", "date_latest"),
    "status_spells": ("start_earliest", "end_latest"),
    "acting_stretches": ("start_earliest", "end_latest"),
    "posts_held": ("date", "date"),
    "moves": ("date_earliest", "date_latest"),
    "fills": ("date_earliest", "date_latest"),
    "chains": ("first_date", "last_date"),
    "announcement_outcomes": ("announced_earliest", "announced_latest"),
}


def select(tables: dict[str, pd.DataFrame], government: str | None = None, period: tuple = (None, None)) -> dict[str, pd.DataFrame]:
    """The tables cut to one government and/or a period; tables without either dimension stay whole.

    Results are cut, not recomputed: a spell keeps the bounds the whole data give it.
    """
    out = {}
    for name, frame in tables.items():
        if government and "government_id" in frame.columns:
            frame = frame[frame.government_id == government]
        if name in PERIOD_COLUMNS and any(p is not None for p in period):
            start, end = PERIOD_COLUMNS[name]
            frame = frame[_in_period(pd.to_datetime(frame[start]), pd.to_datetime(frame[end]), period)]
        out[name] = frame
    if government or any(p is not None for p in period):
        out["chain_steps"] = out["chain_steps"][out["chain_steps"].chain_id.isin(out["chains"].chain_id)]
        out["fill_method_counts"] = _counts_in_period(out["fill_method_counts"], period)
    return out


def _counts_in_period(counts: pd.DataFrame, period: tuple) -> pd.DataFrame:
    first, last = period
    keep = pd.Series(True, index=counts.index)
    if first is not None:
        keep &= counts.year >= pd.Timestamp(first).year
    if last is not None:
        keep &= counts.year <= pd.Timestamp(last).year
    return counts[keep]


def for_display(frame: pd.DataFrame) -> pd.DataFrame:
    """A table ready to read in a notebook: dates as YYYY-MM-DD, missing values blank."""
    shown = frame.copy()
    for column in shown.columns:
        if pd.api.types.is_datetime64_any_dtype(shown[column]):
            shown[column] = shown[column].dt.strftime("%Y-%m-%d")
    return shown.astype(object).where(shown.notna(), "")
