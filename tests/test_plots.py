"""Each chart function on small tidy frames: the expected marks are drawn, and an empty table gets words, not a blank."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pandas as pd
import pytest
from matplotlib.collections import PathCollection
from matplotlib.patches import FancyBboxPatch, Rectangle

from jptp import plots

POSTS = pd.DataFrame({"post_id": ["g/a", "g/b", "g/c"], "short_name": ["Kadis A", "Kepala B", "Staf Ahli C"], "government_id": "g"})
GOVERNMENTS = pd.DataFrame({"government_id": ["g"], "name": ["Kota G"]})
PEOPLE = pd.DataFrame({"person_id": ["p1", "p2"], "name": ["Person One", "Person Two"]})


def texts(fig) -> str:
    return " | ".join(t.get_text() for t in fig.findobj(matplotlib.text.Text))


def test_every_chart_has_title_axis_labels_and_source(tables):
    fig = plots.fill_methods(tables["fill_method_counts"], tables["governments"], "Source: test line")
    ax = fig.axes[0]
    assert "How definitive posts were filled" in texts(fig) and "Source: test line" in texts(fig)
    assert ax.get_ylabel() == "Definitive fills (number of posts)" and ax.get_xlabel()


def test_sighting_timeline_draws_one_dot_per_sighting():
    obs = pd.DataFrame(
        {
            "observation_id": ["1", "2", "3"], "post_id": ["g/a", "g/a", "g/b"], "government_id": "g",
            "status": ["plt", "definitive", "definitive"], "derived": [False, False, True],
            "date_earliest": pd.to_datetime(["2024-01-01", "2024-01-01", "2024-06-01"]), "date_relation": ["before", "on", "before"],
        }
    )
    fig = plots.sighting_timeline(obs, POSTS, GOVERNMENTS)
    dots = sum(len(c.get_offsets()) for c in fig.axes[0].collections if isinstance(c, PathCollection))
    assert dots == 3
    same_day = [c.get_offsets()[:, 1] for c in fig.axes[0].collections if len(c.get_offsets())]
    assert len({round(float(y), 2) for ys in same_day for y in ys}) == 3  # the two same-day dots are dodged apart


def _spells(**overrides):
    base = dict(
        spell_id=["g/a#01", "g/b#01"], post_id=["g/a", "g/b"], government_id="g", status=["plt", "vacant"], acting=True,
        start_earliest=pd.to_datetime([pd.NaT, "2023-01-01"]), start_latest=pd.to_datetime(["2024-01-01", "2024-02-01"]),
        end_earliest=pd.to_datetime(["2024-03-01", "2024-02-01"]), end_latest=pd.to_datetime(["2024-06-01", pd.NaT]),
        days_at_least=pd.array([60, 0], dtype="Int64"), days_at_most=pd.array([pd.NA, pd.NA], dtype="Int64"),
        data_end=pd.to_datetime(["2024-12-31", "2024-12-31"]),
    )
    base.update(overrides)
    return pd.DataFrame(base)


def test_acting_ranges_draw_solid_and_faded_bars_and_open_ends():
    fig = plots.acting_ranges(_spells(), POSTS, GOVERNMENTS)
    ax = fig.axes[0]
    widths = [line.get_linewidth() for line in ax.get_lines() if line.get_linewidth() == 9]
    assert len(widths) == 4  # a faded and a solid bar for each spell
    arrows = [t for t in ax.texts if getattr(t, "arrow_patch", None) is not None]
    assert len(arrows) == 2  # g/a#01 is open at the start, g/b#01 at the end
    assert "≥ 60 d, no upper bound" in texts(fig) and "≥ 0 d, no upper bound" in texts(fig)


def test_survival_curve_needs_enough_information():
    few = plots.survival_curve(_spells())
    assert "Not enough information for a survival curve: 2 acting spells, 0 of them" in texts(few)
    rng = np.random.default_rng(0)
    lower = rng.integers(0, 200, 30)
    many = _spells(
        spell_id=[f"s{i}" for i in range(30)], post_id="g/a", status="plt", start_earliest=pd.NaT, start_latest=pd.NaT,
        end_earliest=pd.NaT, end_latest=pd.NaT, data_end=pd.NaT, days_at_least=pd.array(lower, dtype="Int64"),
        days_at_most=pd.array([int(x) + 90 if i % 3 else pd.NA for i, x in enumerate(lower)], dtype="Int64"),
    )
    fig = plots.survival_curve(many)
    ax = fig.axes[0]
    assert ax.get_xlabel() == "Days under an acting official or vacant" and len(ax.get_lines()) == 2
    upper_curve = ax.get_lines()[0].get_ydata()
    assert upper_curve.max() <= 1.0 and upper_curve.min() < 1.0


def test_fill_methods_write_n_on_every_segment_and_bar():
    counts = pd.DataFrame(
        {"government_id": "g", "year": 2024, "method": ["open_selection", "rotation", "promotion", "unknown"], "n": [1, 3, 0, 1], "n_fills": 5}
    )
    fig = plots.fill_methods(counts, GOVERNMENTS)
    bars = [p for p in fig.axes[0].patches if isinstance(p, Rectangle) and p.get_height() > 0]
    assert len(bars) == 3
    assert "n = 5\n20% open selection" in texts(fig)


def test_announcement_paths_follow_named_posts_only():
    outcomes = pd.DataFrame(
        {
            "announcement_id": ["a1", "a2", "a3"], "post_id": ["g/a", "g/b", None],
            "announced_earliest": pd.to_datetime(["2021-09-02"] * 3), "fill_latest": pd.to_datetime(["2025-11-24", pd.NaT, pd.NaT]),
            "fill_method": ["open_selection", None, None], "days_to_fill_min": pd.array([0, 0, pd.NA], dtype="Int64"),
            "days_to_fill_max": pd.array([1544, pd.NA, pd.NA], dtype="Int64"),
        }
    )
    fig = plots.announcement_paths(outcomes, POSTS)
    assert "filled by open selection: 0–1,544 days later" in texts(fig) and "no fill seen" in texts(fig)
    assert "1 more give only a number of posts" in texts(fig)
    assert "names a post" in texts(plots.announcement_paths(outcomes[outcomes.post_id.isna()], POSTS))


def test_chain_diagram_draws_a_box_per_post_and_marks_the_end():
    chains = pd.DataFrame({"chain_id": ["c1"], "length_moves": [2], "end_type": ["open_at_data_end"], "end_post_id": ["g/c"], "origin": ["reported_vacant"]})
    steps = pd.DataFrame(
        {"chain_id": "c1", "step": [1, 2], "vacant_post_id": ["g/a", "g/b"], "person_id": ["p1", "p2"], "date_earliest": pd.to_datetime(["2024-07-26"] * 2)}
    )
    fig = plots.chain_diagrams(chains, steps, POSTS, PEOPLE)
    boxes = [p for p in fig.axes[0].patches if isinstance(p, FancyBboxPatch)]
    assert len(boxes) == 3 and boxes[-1].get_linestyle() == "--"
    assert {"Person One", "Person Two", "26 Jul 2024"} <= set(texts(fig).split(" | "))
    assert "post left empty; never seen again" in texts(fig)


def test_chain_lengths_count_chains_by_length():
    chains = pd.DataFrame({"chain_id": ["a", "b", "c"], "length_moves": [1, 1, 3], "end_type": ["filled_from_unknown", "closed", "open_at_data_end"]})
    fig = plots.chain_lengths(chains)
    labels = [t.get_text() for t in fig.axes[0].texts]
    assert labels == ["n = 2", "n = 0", "n = 1"]


@pytest.mark.parametrize(
    "draw, message",
    [
        (lambda: plots.sighting_timeline(pd.DataFrame(), POSTS, GOVERNMENTS), "No sightings"),
        (lambda: plots.acting_ranges(pd.DataFrame(), POSTS, GOVERNMENTS), "No acting or vacant spells"),
        (lambda: plots.survival_curve(pd.DataFrame()), "Not enough information"),
        (lambda: plots.fill_methods(pd.DataFrame(columns=["government_id", "year", "method", "n"]), GOVERNMENTS), "No definitive fills"),
        (lambda: plots.announcement_paths(pd.DataFrame(columns=["post_id"]), POSTS), "None of the 0 announcements"),
        (lambda: plots.chain_diagrams(pd.DataFrame(), pd.DataFrame(), POSTS, PEOPLE), "No vacancy chains"),
        (lambda: plots.chain_lengths(pd.DataFrame()), "No vacancy chains"),
    ],
)
def test_an_empty_table_gets_a_message_not_a_blank_chart(draw, message):
    fig = draw()
    assert message in texts(fig)
    assert not any(ax.has_data() for ax in fig.axes)


def test_saved_files_have_stable_names_and_bytes(tmp_path, tables):
    fig = plots.chain_lengths(tables["chains"])
    first = plots.save_figure(fig, "x", tmp_path / "a")
    second = plots.save_figure(fig, "x", tmp_path / "b")
    assert [p.name for p in first] == ["x.png", "x.svg"]
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(first, second))
