"""How definitive posts are filled: open selection, rotation, promotion, or unknown, with the evidence.

And the path from announcement to fill: for each post announced for a selection, whether and when
a definitive fill followed, with the days between as a range (an unreported earlier fill can only
be ruled out up to the last time the post was seen still waiting).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .moves import ACTING_OR_VACANT

METHOD_ORDER = ["open_selection", "rotation", "promotion", "unknown"]


def classify_fills(moves: pd.DataFrame, appointments: pd.DataFrame) -> pd.DataFrame:
    """Each definitive fill classed, with the evidence used, most direct evidence first:
    a stated open selection; a previous top post (rotation) or a previous post below (promotion),
    stated or seen earlier; a stated rotation or promotion; otherwise unknown."""
    m = moves.merge(appointments[["appointment_id", "method_raw", "previous_post_raw"]], left_on="move_id", right_on="appointment_id")
    stated = m.method_stated.fillna("")
    from_top = m.from_level.eq("jptp")
    from_below = m.from_level.isin(["other", "outside"])
    seen = m.from_basis.eq("earlier_sighting")
    from_text = np.where(seen, "last seen as " + m.from_post_id.fillna("") + " on " + m.from_last_seen.dt.strftime("%Y-%m-%d").fillna(""), "previous post stated: " + m.previous_post_raw.fillna(""))
    method = np.select(
        [stated.eq("open_selection"), from_top, from_below, stated.isin(["rotation", "promotion"])],
        ["open_selection", "rotation", "promotion", stated],
        default="unknown",
    )
    evidence = np.select(
        [stated.eq("open_selection"), from_top | from_below, stated.isin(["rotation", "promotion"]), stated.eq("mutation")],
        [
            "method stated: " + m.method_raw,
            from_text,
            "method stated: " + m.method_raw,
            "method stated only as '" + m.method_raw + "' (rotation or promotion) and no previous post named",
        ],
        default="no method stated and no previous post named",
    )
    return pd.DataFrame(
        {
            "fill_id": m.move_id,
            "government_id": m.government_id,
            "post_id": m.to_post_id,
            "person_id": m.person_id,
            "date_earliest": m.date_earliest,
            "date_latest": m.date_latest,
            "year": m.date_earliest.dt.year.astype("Int64"),
            "method": method,
            "evidence": evidence,
            "from_post_id": m.from_post_id,
            "from_inferred": seen,
            "source_id": m.source_id,
        }
    ).sort_values(["government_id", "date_earliest", "fill_id"]).reset_index(drop=True)


def fill_method_counts(fills: pd.DataFrame) -> pd.DataFrame:
    """Per government and year: fills by method, with the total n and each method's share of it."""
    if fills.empty:
        return pd.DataFrame(columns=["government_id", "year", "method", "n", "n_fills", "share"])
    grid = pd.MultiIndex.from_product(
        [sorted(fills[["government_id", "year"]].drop_duplicates().itertuples(index=False)), METHOD_ORDER], names=["gy", "method"]
    )
    counts = fills.groupby(["government_id", "year", "method"]).size()
    rows = [(g, y, method, int(counts.get((g, y, method), 0))) for (g, y), method in grid]
    table = pd.DataFrame(rows, columns=["government_id", "year", "method", "n"])
    table["n_fills"] = table.groupby(["government_id", "year"]).n.transform("sum")
    table["share"] = (table.n / table.n_fills).round(4)
    return table


def announcement_outcomes(announcements: pd.DataFrame, fills: pd.DataFrame, observations: pd.DataFrame, coverage_end: pd.Series) -> pd.DataFrame:
    """For each announcement: the first definitive fill of the post seen after it, and the days between.

    days_to_fill_min is from the announcement to the last sighting of the post still without a
    definitive holder (an earlier, unreported fill is ruled out only until then); days_to_fill_max
    is to the fill we see. Announcements that name no post cannot be followed and say so.
    """
    a = announcements.assign(
        date_earliest=pd.to_datetime(announcements.date_earliest), date_latest=pd.to_datetime(announcements.date_latest)
    )
    obs = observations.assign(date_earliest=pd.to_datetime(observations.date_earliest), date_latest=pd.to_datetime(observations.date_latest))
    rows = []
    for ann in a.sort_values("announcement_id").itertuples():
        base = {
            "announcement_id": ann.announcement_id, "government_id": ann.government_id, "post_id": ann.post_id,
            "announced_earliest": ann.date_earliest, "announced_latest": ann.date_latest, "method_announced": ann.method_stated,
            "count_announced": ann.count,
        }
        if pd.isna(ann.post_id):
            rows.append({**base, "outcome": "no_post_named", "note": "the article names no post, so no fill can be matched"})
            continue
        later = fills[(fills.post_id == ann.post_id) & (fills.date_earliest >= ann.date_earliest)].sort_values("date_earliest")
        waiting = obs[(obs.post_id == ann.post_id) & obs.status.isin(ACTING_OR_VACANT) & (obs.date_earliest >= ann.date_earliest)]
        if later.empty:
            last_wait = waiting.date_earliest.max() if len(waiting) else ann.date_latest
            rows.append(
                {**base, "outcome": "no_fill_seen", "days_to_fill_min": (max(last_wait, ann.date_latest) - ann.date_latest).days,
                 "note": f"no definitive fill seen up to the data end ({pd.Timestamp(coverage_end.get(ann.government_id)).date()})"}
            )
            continue
        fill = later.iloc[0]
        waiting = waiting[waiting.date_latest <= fill.date_earliest]
        last_wait = waiting.date_earliest.max() if len(waiting) else ann.date_latest
        rows.append(
            {
                **base,
                "outcome": "filled_by_open_selection" if fill.method == "open_selection" else f"filled_by_{fill.method}",
                "fill_id": fill.fill_id, "fill_method": fill.method, "fill_earliest": fill.date_earliest, "fill_latest": fill.date_latest,
                "days_to_fill_min": max((last_wait - ann.date_latest).days, 0),
                "days_to_fill_max": (fill.date_latest - ann.date_earliest).days,
                "note": "the first definitive fill seen after the announcement; an unreported earlier fill cannot be ruled out after the last sighting of the post waiting",
            }
        )
    columns = ["announcement_id", "government_id", "post_id", "announced_earliest", "announced_latest", "method_announced",
               "count_announced", "outcome", "fill_id", "fill_method", "fill_earliest", "fill_latest", "days_to_fill_min",
               "days_to_fill_max", "note"]
    return pd.DataFrame(rows).reindex(columns=columns).astype({"days_to_fill_min": "Int64", "days_to_fill_max": "Int64", "count_announced": "Int64"})
