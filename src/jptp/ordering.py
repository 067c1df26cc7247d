"""Sorting frames by text keys fast: pandas compares Python strings one pair at a time; numpy sorts
fixed-width unicode in C, several times faster on a million ids, in the same (code point) order."""

from __future__ import annotations

import numpy as np
import pandas as pd


def _sortable(values: pd.Series) -> np.ndarray:
    if values.dtype == object:
        if values.isna().any():
            raise ValueError("text keys with missing values: use DataFrame.sort_values, which puts them last")
        return values.to_numpy(dtype=str)
    return values.to_numpy()


def sort_by(frame: pd.DataFrame, columns: list[str] | str) -> pd.DataFrame:
    """`frame.sort_values(columns, kind="stable")`, for keys without missing text."""
    columns = [columns] if isinstance(columns, str) else list(columns)
    if len(frame) < 2:
        return frame
    try:
        keys = [_sortable(frame[c]) for c in reversed(columns)]
    except ValueError:
        return frame.sort_values(columns, kind="stable")
    order = np.argsort(keys[0], kind="stable") if len(keys) == 1 else np.lexsort(keys)
    return frame.iloc[order]
