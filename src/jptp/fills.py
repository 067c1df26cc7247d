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
    keys = pd.MultiIndex.from_tuples([(g, y, method) for (g, y), method in grid], names=["government_id", "year", "method"])
    table = counts.reindex(keys, fill_value=0).astype(int).rename("n").reset_index()
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
    ).sort_values("announcement_id").reset_index(drop=True)
    obs = observations.assign(date_earliest=pd.to_datetime(observations.date_earliest), date_latest=pd.to_datetime(observations.date_latest))
    out = pd.DataFrame(
        {
            "announcement_id": a.announcement_id, "government_id": a.government_id, "post_id": a.post_id,
            "announced_earliest": a.date_earliest, "announced_latest": a.date_latest, "method_announced": a.method_stated,
            "count_announced": a["count"],
        }
    )
    named = a[a.post_id.notna()]

    # the first fill of the post on or after the announcement
    pairs = named[["announcement_id", "post_id", "date_earliest"]].merge(
        fills[["post_id", "date_earliest", "date_latest", "fill_id", "method"]], on="post_id", suffixes=("", "_fill")
    )
    pairs = pairs[pairs.date_earliest_fill >= pairs.date_earliest]
    first = pairs.sort_values(["announcement_id", "date_earliest_fill"], kind="stable").groupby("announcement_id").head(1)
    fill = first.set_index("announcement_id").reindex(out.announcement_id).set_axis(out.index)

    # the last sighting of the post still waiting (acting or vacant) after the announcement, before that fill
    waiting = obs[obs.status.isin(ACTING_OR_VACANT)][["post_id", "date_earliest", "date_latest"]].rename(
        columns={"date_earliest": "date_earliest_seen", "date_latest": "date_latest_seen"}
    )
    waits = named[["announcement_id", "post_id", "date_earliest"]].merge(waiting, on="post_id")
    waits = waits.assign(fill_day=waits.announcement_id.map(first.set_index("announcement_id").date_earliest_fill))
    waits = waits[(waits.date_earliest_seen >= waits.date_earliest) & (waits.fill_day.isna() | (waits.date_latest_seen <= waits.fill_day))]
    last_wait = out.announcement_id.map(waits.groupby("announcement_id").date_earliest_seen.max()).fillna(out.announced_latest)

    has_post, has_fill = out.post_id.notna(), fill.fill_id.notna()
    data_end = out.government_id.map(lambda g: pd.Timestamp(coverage_end.get(g)).date())
    out["outcome"] = np.select(
        [~has_post, ~has_fill, fill.method.eq("open_selection")],
        ["no_post_named", "no_fill_seen", "filled_by_open_selection"],
        default="filled_by_" + fill.method.fillna("").astype(str),
    )
    out["fill_id"] = fill.fill_id.where(has_fill)
    out["fill_method"] = fill.method.where(has_fill)
    out["fill_earliest"] = fill.date_earliest_fill.where(has_fill)
    out["fill_latest"] = fill.date_latest.where(has_fill)
    waited = (np.maximum(last_wait, out.announced_latest) - out.announced_latest).dt.days
    out["days_to_fill_min"] = waited.where(~has_fill, (last_wait - out.announced_latest).dt.days.clip(lower=0)).where(has_post)
    out["days_to_fill_max"] = (fill.date_latest - out.announced_earliest).dt.days.where(has_fill)
    out["note"] = np.select(
        [~has_post, ~has_fill],
        ["the article names no post, so no fill can be matched", "no definitive fill seen up to the data end (" + data_end.astype(str) + ")"],
        default="the first definitive fill seen after the announcement; an unreported earlier fill cannot be ruled out after the last sighting of the post waiting",
    )
    return out.astype({"days_to_fill_min": "Int64", "days_to_fill_max": "Int64", "count_announced": "Int64"})
