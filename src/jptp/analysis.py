"""The three questions, answered from the processed tables: one function that runs every analysis.

Each step is also callable on its own DataFrames (see moves, spells, fills), so a notebook or an
analyst's own data go through exactly the same code.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import fills as fill_analysis
from . import moves as move_analysis
from . import spells as spell_analysis
from .stages import Stages


def with_timestamps(frame: pd.DataFrame, columns=("date_earliest", "date_latest")) -> pd.DataFrame:
    """The date columns as datetime64, converted once per distinct date: the tables hold Python dates,
    which pandas converts one by one, and every analysis step would otherwise convert them again."""
    converted = {}
    for column in columns:
        codes, uniques = pd.factorize(frame[column], use_na_sentinel=True)
        days = pd.to_datetime(pd.Series(uniques, dtype=object)).to_numpy(dtype="datetime64[ns]")
        converted[column] = np.append(days, np.datetime64("NaT", "ns"))[codes]
    return frame.assign(**converted)


def coverage_end(records: pd.DataFrame) -> pd.Series:
    """The last date the data cover, per government: where end-censored spells stop being watched."""
    return pd.to_datetime(records.date_latest).groupby(records.government_id).max()


def analyse(tables: dict[str, pd.DataFrame], limits: pd.DataFrame, stages: Stages | None = None) -> dict[str, pd.DataFrame]:
    stages = stages or Stages()
    records, posts = tables["records"], tables["posts"]
    observations, appointments = with_timestamps(tables["observations"]), with_timestamps(tables["appointments"])
    data_end = coverage_end(with_timestamps(records[["government_id", "date_earliest", "date_latest"]]))

    with stages("chains") as stage:
        moves = move_analysis.moves_table(appointments, observations, posts)
        chains, chain_steps = move_analysis.chains(moves, observations)
        stage.detail = f"{len(moves)} moves, {len(chains)} chains"

    with stages("spells") as stage:
        sightings = spell_analysis.sightings_with_vacated_posts(observations, chains, chain_steps)
        spells = spell_analysis.status_spells(sightings, records, posts, data_end)
        spells["holder_other_posts"] = spell_analysis.holder_other_posts(spells)
        spells = spell_analysis.apply_legal_clock(spells, spells.status, limits)
        stretches = spell_analysis.acting_stretches(spells)
        stretches = spell_analysis.apply_legal_clock(stretches, spell_analysis.stretch_status_for_limit(stretches, limits), limits)
        held = spell_analysis.posts_held(spells, sightings)
        stage.detail = f"{len(spells)} spells, {len(stretches)} acting stretches"

    with stages("fills") as stage:
        fills = fill_analysis.classify_fills(moves, appointments)
        outcomes = fill_analysis.announcement_outcomes(with_timestamps(tables["fill_announcements"]), fills, sightings, data_end)
        stage.detail = f"{len(fills)} fills, {len(outcomes)} announcements followed"
    return {
        "status_spells": spells,
        "acting_stretches": stretches,
        "posts_held": held,
        "fills": fills,
        "fill_method_counts": fill_analysis.fill_method_counts(fills),
        "announcement_outcomes": outcomes,
        "moves": moves,
        "chains": chains,
        "chain_steps": chain_steps,
    }
