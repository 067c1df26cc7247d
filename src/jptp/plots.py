"""One function per chart, each taking tidy DataFrames and returning a matplotlib Figure.

Every chart has a title, labelled axes with units, and a source line saying how many articles and
records it rests on. When there is nothing to draw, the function returns a figure that says so in
words instead of an empty frame. The same functions work on an analyst's own DataFrames with the
columns documented in data/processed/datapackage.json.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyBboxPatch, Patch

from .vocab import RELATION_ORDER

STATUS_COLOURS = {
    "definitive": "#1f4e79",
    "plt": "#e07b00",
    "plh": "#c9a400",
    "pj": "#7b3fa0",
    "vacant": "#c0392b",
}
STATUS_LABELS = {"definitive": "Definitive", "plt": "Plt (acting)", "plh": "Plh (day-to-day)", "pj": "Pj (appointed acting)", "vacant": "Vacant"}
METHOD_COLOURS = {"open_selection": "#2a9d8f", "rotation": "#264653", "promotion": "#e9c46a", "unknown": "#b0b0b0"}
METHOD_LABELS = {"open_selection": "Open selection (Selter)", "rotation": "Rotation", "promotion": "Promotion", "unknown": "Unknown"}
END_LABELS = {
    "open_at_data_end": "post left empty; never seen again",
    "left_vacant": "post left empty (seen later)",
    "filled_from_outside": "filled from outside the top posts",
    "filled_from_unknown": "last mover's previous post not named",
    "closed": "closed (a swap)",
}
END_COLOURS = {"open_at_data_end": "#c0392b", "left_vacant": "#e07b00", "filled_from_outside": "#2a9d8f", "filled_from_unknown": "#b0b0b0", "closed": "#1f4e79"}


def use_theme() -> None:
    """One look for every chart; SVG ids and metadata fixed so files rebuild identically."""
    sns.set_theme(style="whitegrid", context="notebook", font_scale=0.95)
    plt.rcParams.update({"svg.hashsalt": "jptp", "figure.dpi": 100, "savefig.dpi": 150, "axes.titleweight": "bold"})


def provenance(records: pd.DataFrame, record_ids) -> str:
    """'Source: 3 articles, 24 coded records' for the records a chart rests on."""
    ids = pd.Series(list(record_ids), dtype=object).dropna().str.split("/").str[0].unique()
    used = records[records.record_id.isin(ids)]
    articles, n = used.source_id.nunique(), len(used)
    return f"Source: {articles} article{'s' * (articles != 1)}, {n} coded record{'s' * (n != 1)} (jptp, data/processed)"


HEADER_IN = 0.75  # inches above the axes for title and subtitle
FOOTER_IN = 0.35  # inches below for the source line


def _layout(fig: Figure, right: float = 1.0, extra_top_in: float = 0.0) -> None:
    """tight_layout inside a frame that leaves fixed room (in inches) for the header and the source line."""
    height = fig.get_figheight()
    fig.tight_layout(rect=(0, FOOTER_IN / height, right, 1 - (HEADER_IN + extra_top_in) / height))


def _finish(fig: Figure, title: str, source: str, subtitle: str | None = None) -> Figure:
    height = fig.get_figheight()
    fig.text(0.01, 1 - 0.08 / height, title, ha="left", va="top", fontsize=13, fontweight="bold")
    if subtitle:
        fig.text(0.01, 1 - 0.4 / height, subtitle, ha="left", va="top", fontsize=9.5, color="#444444")
    fig.text(0.01, 0.06 / height, source, ha="left", va="bottom", fontsize=8, color="#666666")
    return fig


def _count_label(ax, x, y, text, **kwargs) -> None:
    """A number written on a chart, on a white ground so gridlines do not cross it."""
    ax.text(x, y, text, ha="center", va="bottom", fontsize=9, bbox=dict(facecolor="white", edgecolor="none", pad=1.5), **kwargs)


def message_figure(title: str, message: str, source: str = "") -> Figure:
    """A chart that cannot be drawn says why, in words, rather than showing an empty frame."""
    fig, ax = plt.subplots(figsize=(9, 2.6))
    ax.axis("off")
    ax.text(0.5, 0.5, "\n".join(textwrap.wrap(message, 90)), ha="center", va="center", fontsize=11, color="#333333", transform=ax.transAxes)
    _layout(fig)
    return _finish(fig, title, source or "No data to draw")


def save_figure(fig: Figure, name: str, folder: Path) -> list[Path]:
    """Write NAME.png and NAME.svg into `folder`, without timestamps, so a rebuild changes nothing."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"{name}.png", folder / f"{name}.svg"]
    with plt.rc_context({"svg.hashsalt": "jptp"}):  # SVG ids from content, not random
        fig.savefig(paths[0], metadata={"Software": None}, bbox_inches="tight")
        fig.savefig(paths[1], metadata={"Date": None, "Creator": None}, bbox_inches="tight")
    return paths


def _label(posts: pd.DataFrame) -> pd.Series:
    return posts.set_index("post_id").short_name


def _government_names(governments: pd.DataFrame) -> pd.Series:
    return governments.set_index("government_id").name


def _date_axis(ax, start, end) -> None:
    span = (pd.Timestamp(end) - pd.Timestamp(start)).days
    pad = pd.Timedelta(days=max(30, int(span * 0.04)))
    ax.set_xlim(pd.Timestamp(start) - pad, pd.Timestamp(end) + pad)
    ax.xaxis.set_major_locator(mdates.YearLocator() if span > 500 else mdates.MonthLocator(interval=max(1, span // 180)))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y" if span > 500 else "%b %Y"))


def sighting_timeline(observations: pd.DataFrame, posts: pd.DataFrame, governments: pd.DataFrame, source: str = "") -> Figure:
    """Every sighting of every post, one row per post, coloured by status: how sparse the coverage is."""
    title = "Every sighting of every post"
    if observations.empty:
        return message_figure(title, "No sightings in this selection.", source)
    obs = observations.assign(
        date=pd.to_datetime(observations.date_earliest), label=observations.post_id.map(_label(posts)).fillna(observations.post_id),
        government=observations.government_id.map(_government_names(governments)).fillna(observations.government_id),
    )
    groups = [(g, d) for g, d in obs.groupby("government", sort=True)]
    heights = [max(1.2, d.post_id.nunique() * 0.42) for _, d in groups]
    fig, axes = plt.subplots(len(groups), 1, figsize=(10, sum(heights) + 1.8), sharex=True, gridspec_kw={"height_ratios": heights}, squeeze=False)
    for ax, (government, d) in zip(axes[:, 0], groups):
        order = d.groupby("label").date.min().sort_values().index.tolist()
        y = {label: i for i, label in enumerate(order)}
        # several sightings of one post on one day (a Plt 'before' and the definitive holder) are dodged apart
        d = d.sort_values(["label", "date", "date_relation", "observation_id"], key=lambda c: c.map(RELATION_ORDER) if c.name == "date_relation" else c)
        rank = d.groupby(["label", "date"]).cumcount()
        size = d.groupby(["label", "date"]).observation_id.transform("size")
        d = d.assign(y=d.label.map(y) + (rank - (size - 1) / 2) * 0.28)
        for status, s in d.groupby("status"):
            filled = s[~s.derived.astype(bool)]
            derived = s[s.derived.astype(bool)]
            colour = STATUS_COLOURS.get(status, "#888888")
            ax.scatter(filled.date, filled.y, s=55, color=colour, zorder=3, edgecolor="white", linewidth=0.6)
            ax.scatter(derived.date, derived.y, s=55, facecolor="white", edgecolor=colour, linewidth=1.6, zorder=3)
        ax.set_yticks(range(len(order)), order)
        ax.set_ylim(-0.7, len(order) - 0.3)
        ax.invert_yaxis()
        ax.set_title(government, loc="left", fontsize=11)
        ax.set_ylabel("")
    _date_axis(axes[-1, 0], obs.date.min(), obs.date.max())
    axes[-1, 0].set_xlabel("Date of sighting (year)")
    handles = [Line2D([], [], marker="o", ls="", color=STATUS_COLOURS[s], label=STATUS_LABELS[s], markersize=8) for s in STATUS_COLOURS if s in set(obs.status)]
    handles.append(Line2D([], [], marker="o", ls="", markerfacecolor="white", markeredgecolor="#555555", label="inferred (previous post)", markersize=8))
    _layout(fig, extra_top_in=0.45)
    fig.legend(handles=handles, loc="upper right", ncol=3, fontsize=8.5, frameon=False, bbox_to_anchor=(0.99, 1 - 0.62 / fig.get_figheight()))
    return _finish(fig, title, source, f"{len(obs)} sightings of {obs.post_id.nunique()} posts; each dot is one article's sighting on one day (same-day dots stacked, earlier state on top)")


def acting_ranges(spells: pd.DataFrame, posts: pd.DataFrame, governments: pd.DataFrame, source: str = "") -> Figure:
    """Each acting spell as a range: solid from its first to its last sighting, faded to the neighbouring
    sightings of another status (as long as it can have run), an arrow where nothing bounds it."""
    title = "How long posts stayed without a definitive holder: what the sightings support"
    acting = spells[spells.acting.astype(bool)] if len(spells) else spells
    if acting.empty:
        return message_figure(title, "No acting or vacant spells in this selection.", source)
    s = acting.assign(
        **{c: pd.to_datetime(acting[c]) for c in ["start_earliest", "start_latest", "end_earliest", "end_latest", "data_end"]},
        label=acting.post_id.map(_label(posts)).fillna(acting.post_id) + " · " + acting.status.map(lambda x: STATUS_LABELS.get(x, x).split(" ")[0]),
        government=acting.government_id.map(_government_names(governments)).fillna(acting.government_id),
    ).sort_values(["government", "start_latest", "post_id"])
    lo = pd.concat([s.start_earliest.dropna(), s.start_latest]).min()
    hi = pd.concat([s.end_latest.dropna(), s.end_earliest, s.data_end]).max()
    left_edge, right_edge = lo - pd.Timedelta(days=120), hi + pd.Timedelta(days=120)
    groups = list(s.groupby("government", sort=True))
    heights = [max(1.2, len(d) * 0.5) for _, d in groups]
    fig, axes = plt.subplots(len(groups), 1, figsize=(11, sum(heights) + 2.2), sharex=True, gridspec_kw={"height_ratios": heights}, squeeze=False)
    for ax, (government, d) in zip(axes[:, 0], groups):
        for i, r in enumerate(d.itertuples()):
            colour = STATUS_COLOURS.get(r.status, "#888888")
            start = r.start_earliest if pd.notna(r.start_earliest) else left_edge
            end = r.end_latest if pd.notna(r.end_latest) else right_edge
            ax.plot([start, end], [i, i], color=colour, alpha=0.28, lw=9, solid_capstyle="butt", zorder=1)
            ax.plot([r.start_latest, r.end_earliest], [i, i], color=colour, lw=9, solid_capstyle="butt", zorder=2)
            ax.scatter([r.start_latest], [i], color=colour, s=30, zorder=3)
            if pd.isna(r.start_earliest):
                ax.annotate("", xy=(left_edge, i), xytext=(left_edge + pd.Timedelta(days=90), i), arrowprops=dict(arrowstyle="-|>", color=colour, lw=1.2))
            if pd.isna(r.end_latest):
                ax.annotate("", xy=(right_edge, i), xytext=(right_edge - pd.Timedelta(days=90), i), arrowprops=dict(arrowstyle="-|>", color=colour, lw=1.2))
            most = f"≤ {int(r.days_at_most):,} d" if pd.notna(r.days_at_most) else "no upper bound"
            ax.text(right_edge + pd.Timedelta(days=40), i, f"≥ {int(r.days_at_least):,} d, {most}", va="center", fontsize=8.5)
        ax.set_yticks(range(len(d)), d.label)
        ax.set_ylim(-0.7, len(d) - 0.3)
        ax.invert_yaxis()
        ax.set_title(government, loc="left", fontsize=11)
    ax = axes[-1, 0]
    ax.set_xlim(left_edge - pd.Timedelta(days=30), right_edge + pd.Timedelta(days=30))
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.set_xlabel("Date (year)")
    handles = [
        Patch(color="#777777", label="seen (first to last sighting)"),
        Patch(color="#777777", alpha=0.28, label="possible (to sightings of another status)"),
        Line2D([], [], color="#777777", marker=">", ls="-", label="open: censored"),
    ] + [Patch(color=STATUS_COLOURS[x], label=STATUS_LABELS[x]) for x in STATUS_COLOURS if x in set(s.status)]
    _layout(fig, right=0.86, extra_top_in=0.5)
    fig.legend(handles=handles, loc="upper left", ncol=3, fontsize=8.5, frameon=False, bbox_to_anchor=(0.01, 1 - 0.62 / fig.get_figheight()))
    return _finish(fig, title, source, f"{len(s)} acting or vacant spells; days at least / at most on the right")


def survival_curve(spells: pd.DataFrame, min_spells: int = 10, min_bounded: int = 3, source: str = "") -> Figure:
    """Share of acting spells still running after t days, from interval-censored bounds (Turnbull NPMLE, lifelines).

    Drawn only when there are enough spells, and enough with an upper bound, for the curve to mean
    something; otherwise the figure says what is missing.
    """
    from lifelines import KaplanMeierFitter

    title = "How long acting spells last: survival estimate"
    acting = spells[spells.acting.astype(bool)] if len(spells) else spells
    bounded = int(acting.days_at_most.notna().sum()) if len(acting) else 0
    if len(acting) < min_spells or bounded < min_bounded:
        return message_figure(
            title,
            f"Not enough information for a survival curve: {len(acting)} acting spells, {bounded} of them with an upper "
            f"bound on their length (at least {min_spells} spells and {min_bounded} bounded ones are needed). "
            "Every spell is still shown as a range in the acting-ranges chart.",
            source,
        )
    lower = acting.days_at_least.astype(float).to_numpy()
    upper = acting.days_at_most.astype(float).fillna(np.inf).to_numpy()
    upper = np.maximum(upper, lower)
    fitter = KaplanMeierFitter().fit_interval_censoring(lower, upper, label="acting spells")
    curve = fitter.survival_function_
    fig, ax = plt.subplots(figsize=(9, 5))
    ax.fill_between(curve.index, curve.iloc[:, 1], curve.iloc[:, 0], step="post", color=STATUS_COLOURS["plt"], alpha=0.3, label="NPMLE bounds (lower–upper)")
    ax.step(curve.index, curve.iloc[:, 0], where="post", color=STATUS_COLOURS["plt"], lw=1.5)
    ax.step(curve.index, curve.iloc[:, 1], where="post", color=STATUS_COLOURS["plt"], lw=1.5)
    ax.set_ylim(0, 1.02)
    ax.set_xlabel("Days under an acting official or vacant")
    ax.set_ylabel("Share of spells still running")
    ax.legend(frameon=False)
    _layout(fig)
    return _finish(fig, title, source, f"{len(acting)} spells, {bounded} with an upper bound; interval-censored (Turnbull) estimate")


def fill_methods(counts: pd.DataFrame, governments: pd.DataFrame, source: str = "") -> Figure:
    """Stacked bars of fills by method per government and year, with n on every segment and bar."""
    title = "How definitive posts were filled"
    if counts.empty or counts.n.sum() == 0:
        return message_figure(title, "No definitive fills in this selection.", source)
    names = _government_names(governments)
    wide = counts.pivot_table(index=["government_id", "year"], columns="method", values="n", aggfunc="sum", fill_value=0)
    wide = wide.reindex(columns=[m for m in METHOD_COLOURS if m in wide.columns])
    labels = [f"{names.get(g, g)}\n{y}" for g, y in wide.index]
    fig, ax = plt.subplots(figsize=(max(6, 1.9 * len(wide) + 3), 5.2))
    bottom = np.zeros(len(wide))
    for method in wide.columns:
        values = wide[method].to_numpy()
        bars = ax.bar(labels, values, bottom=bottom, color=METHOD_COLOURS[method], label=METHOD_LABELS[method], width=0.6)
        for bar, v, b in zip(bars, values, bottom):
            if v:
                ax.text(bar.get_x() + bar.get_width() / 2, b + v / 2, f"{int(v)}", ha="center", va="center", color="white", fontweight="bold")
        bottom += values
    for x, total, share in zip(range(len(wide)), bottom, wide.get("open_selection", pd.Series(0, index=wide.index)).to_numpy() / bottom):
        _count_label(ax, x, total + 0.08, f"n = {int(total)}\n{share:.0%} open selection")
    ax.set_ylim(0, bottom.max() * 1.35 + 0.5)
    ax.set_ylabel("Definitive fills (number of posts)")
    ax.set_xlabel("Government and year")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.legend(frameon=False, loc="upper left", fontsize=9)
    _layout(fig)
    return _finish(fig, title, source, "Open selection as stated by the article; rotation = from another top post; unknown = previous post not named")


def announcement_paths(outcomes: pd.DataFrame, posts: pd.DataFrame, source: str = "") -> Figure:
    """From announced selection to the first fill seen: the days between as a range, or still open."""
    title = "From announced selection to the first definitive fill seen"
    named = outcomes[outcomes.post_id.notna()] if len(outcomes) else outcomes
    if named.empty:
        n = len(outcomes)
        return message_figure(title, f"None of the {n} announcements in this selection names a post, so none can be followed to a fill.", source)
    o = named.assign(
        announced=pd.to_datetime(named.announced_earliest), fill=pd.to_datetime(named.fill_latest),
        label=named.post_id.map(_label(posts)).fillna(named.post_id),
    ).sort_values(["announced", "label"])
    end = pd.concat([o.fill.dropna(), o.announced]).max() + pd.Timedelta(days=200)
    fig, ax = plt.subplots(figsize=(10, 1.2 + 0.55 * len(o)))
    for i, r in enumerate(o.itertuples()):
        if pd.notna(r.fill):
            ax.plot([r.announced, r.fill], [i, i], color=METHOD_COLOURS.get(r.fill_method, "#888888"), alpha=0.35, lw=7, solid_capstyle="butt")
            ax.scatter([r.fill], [i], color=METHOD_COLOURS.get(r.fill_method, "#888888"), s=60, zorder=3)
            text = f"filled by {r.fill_method.replace('_', ' ')}: {int(r.days_to_fill_min):,}–{int(r.days_to_fill_max):,} days later"
        else:
            ax.annotate("", xy=(end, i), xytext=(r.announced, i), arrowprops=dict(arrowstyle="-|>", color="#999999", lw=1.5))
            text = "no fill seen"
        ax.scatter([r.announced], [i], color="#333333", s=30, zorder=3, marker="|")
        ax.text(end + pd.Timedelta(days=30), i, text, va="center", fontsize=8.5)
    ax.set_yticks(range(len(o)), o.label)
    ax.set_ylim(-0.7, len(o) - 0.3)
    ax.invert_yaxis()
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.set_xlim(o.announced.min() - pd.Timedelta(days=120), end + pd.Timedelta(days=60))
    ax.set_xlabel("Date (year): announcement (|) to the first fill seen (●)")
    unnamed = len(outcomes) - len(named)
    _layout(fig, right=0.78)
    return _finish(fig, title, source, f"{len(o)} announcements naming a post; {unnamed} more give only a number of posts and cannot be followed")


def _wrap(text: str, width: int = 18) -> str:
    return "\n".join(textwrap.wrap(text, width))


def chain_diagrams(chains: pd.DataFrame, steps: pd.DataFrame, posts: pd.DataFrame, people: pd.DataFrame, source: str = "") -> Figure:
    """Each vacancy chain as posts joined by arrows: who moved in (and when), and how the chain ended."""
    title = "Vacancy chains: who filled each vacancy, and where the vacancy went next"
    if chains.empty:
        return message_figure(title, "No vacancy chains in this selection.", source)
    label, names = _label(posts), people.set_index("person_id").name
    chains = chains.sort_values(["length_moves", "chain_id"], ascending=[False, True])
    width = int(chains.length_moves.max()) + 1
    fig, axes = plt.subplots(len(chains), 1, figsize=(3.1 * width + 1.5, 1.9 * len(chains) + 1.4), squeeze=False)
    for ax, chain in zip(axes[:, 0], chains.itertuples()):
        s = steps[steps.chain_id == chain.chain_id].sort_values("step")
        boxes = list(s.vacant_post_id) + ([chain.end_post_id] if pd.notna(chain.end_post_id) else [None])
        ax.set_xlim(-0.6, width - 0.4)
        ax.set_ylim(-0.9, 0.9)
        ax.axis("off")
        for x, post in enumerate(boxes):
            is_end = x == len(boxes) - 1
            colour = END_COLOURS.get(chain.end_type, "#888888") if is_end else "#1f4e79"
            text = _wrap(label.get(post, post)) if post else "previous post\nnot named"
            ax.add_patch(FancyBboxPatch((x - 0.42, -0.38), 0.84, 0.76, boxstyle="round,pad=0.02", facecolor="white", edgecolor=colour, lw=2, ls="--" if is_end else "-"))
            ax.text(x, 0, text, ha="center", va="center", fontsize=8.5)
        for x, step in enumerate(s.itertuples()):
            ax.annotate("", xy=(x + 0.43, 0), xytext=(x + 0.57, 0), arrowprops=dict(arrowstyle="-|>", color="#333333", lw=1.4, shrinkA=0, shrinkB=0))
            when = pd.Timestamp(step.date_earliest).strftime("%d %b %Y")
            ax.text(x + 0.5, 0.45, _wrap(names.get(step.person_id, step.person_id), 16), ha="center", va="bottom", fontsize=8.5, fontweight="bold")
            ax.text(x + 0.5, -0.5, when, ha="center", va="top", fontsize=8, color="#444444")
        origin = "origin: post was under an acting official" if chain.origin == "reported_vacant" else f"origin: {chain.origin}"
        ax.set_title(f"{chain.chain_id} · {int(chain.length_moves)} move(s) · {origin} · end: {END_LABELS.get(chain.end_type, chain.end_type)}", loc="left", fontsize=9.5)
    _layout(fig)
    return _finish(fig, title, source, "Read right to left: each person leaves the box on the right to fill the box on the left; the vacancy travels left to right")


def chain_lengths(chains: pd.DataFrame, source: str = "") -> Figure:
    """How many moves each vacancy chain has, by how it ended."""
    title = "Vacancy chain lengths"
    if chains.empty:
        return message_figure(title, "No vacancy chains in this selection.", source)
    table = chains.pivot_table(index="length_moves", columns="end_type", values="chain_id", aggfunc="count", fill_value=0)
    table = table.reindex(range(1, int(chains.length_moves.max()) + 1), fill_value=0)
    fig, ax = plt.subplots(figsize=(8, 4.6))
    bottom = np.zeros(len(table))
    for end in [e for e in END_COLOURS if e in table.columns]:
        ax.bar(table.index, table[end], bottom=bottom, color=END_COLOURS[end], label=END_LABELS[end], width=0.6)
        bottom += table[end].to_numpy()
    for x, total in zip(table.index, bottom):
        _count_label(ax, x, total + 0.05, f"n = {int(total)}")
    ax.set_xticks(table.index)
    ax.set_xlabel("Moves in the chain")
    ax.set_ylabel("Chains (number)")
    ax.set_ylim(0, bottom.max() * 1.3 + 0.5)
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.legend(frameon=False, fontsize=8.5, title="How the chain ended", title_fontsize=9)
    _layout(fig)
    return _finish(fig, title, source, f"{len(chains)} chains")


def show(fig: Figure, name: str, folder: Path) -> Figure:
    """Save a chart under its stable name (PNG and SVG) and hand it back for display in the notebook.

    The figure is closed first, so Jupyter shows it once (as the cell's value), not twice.
    """
    save_figure(fig, name, folder)
    plt.close(fig)
    return fig


def finish_figure(fig: Figure, title: str, source: str, subtitle: str | None = None) -> Figure:
    """Give a figure drawn elsewhere (a notebook's own chart) the project's title, subtitle and source line."""
    _layout(fig)
    return _finish(fig, title, source, subtitle)
