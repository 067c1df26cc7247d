"""Normalized records -> the tidy processed tables, one observation per row, with stable ids."""

from __future__ import annotations

import pandas as pd

from .analysis import analyse, with_timestamps
from .records import POST_EVENTS
from .reference import Reference
from .ordering import sort_by
from .schema import field_names
from .stages import Stages

APPOINTMENT_EVENTS = ("inaugurated", "appointed")


def _select(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    return frame.reindex(columns=field_names(table)).reset_index(drop=True)


def sources_table(sources: pd.DataFrame, records: pd.DataFrame) -> pd.DataFrame:
    counts = records.groupby("source_id").size()
    return _select(
        sources.assign(published=sources.published_text, n_records=sources.source_id.map(counts).fillna(0).astype(int)).sort_values("source_id"),
        "sources",
    )


def governments_table(ref: Reference, records: pd.DataFrame) -> pd.DataFrame:
    counts = records.groupby("government_id").size()
    return _select(ref.governments.assign(n_records=ref.governments.government_id.map(counts).fillna(0).astype(int)).sort_values("government_id"), "governments")


def posts_table(ref: Reference) -> pd.DataFrame:
    return _select(ref.posts.sort_values("post_id"), "posts")


def people_table(records: pd.DataFrame) -> pd.DataFrame:
    columns = ["person_id", "person_name", "person_titles", "record_id", "date_earliest", "date_latest"]
    named = sort_by(records.loc[records.person_id.notna(), columns], "record_id")
    # every title seen with the person, in the order first seen, each once (split once per distinct writing)
    writings = named[["person_id", "person_titles"]].drop_duplicates()
    tokens = writings[["person_id"]].assign(title=writings.person_titles.fillna("").str.split()).explode("title").dropna(subset=["title"])
    titles = tokens.drop_duplicates(["person_id", "title"]).groupby("person_id").title.agg(" ".join)
    dates = with_timestamps(named[["person_id", "person_name", "record_id", "date_earliest", "date_latest"]])
    g = dates.groupby("person_id", sort=True)
    people = g.agg(
        name=("person_name", "first"), n_records=("record_id", "size"), first_seen=("date_earliest", "min"), last_seen=("date_latest", "max")
    )
    return _select(people.assign(titles=titles.reindex(people.index).fillna("")).reset_index(), "people")


def records_table(records: pd.DataFrame) -> pd.DataFrame:
    return _select(records.assign(count=records.count_value), "records")


def observations_table(records: pd.DataFrame) -> pd.DataFrame:
    """Direct sightings, plus each appointee's previous post as held (definitive, inferred) up to the appointment."""
    direct = records[records.event.isin(POST_EVENTS)].assign(observation_id=lambda d: d.record_id, derived=False)
    previous = (
        records[records.event.isin(APPOINTMENT_EVENTS) & records.previous_post_id.notna()]
        .assign(
            observation_id=lambda d: d.record_id + "/previous",
            post_id=lambda d: d.previous_post_id,
            status="definitive",
            status_inferred=True,
            event="previous_post",
            date_relation="before",
            derived=True,
        )
    )
    return _select(sort_by(pd.concat([direct, previous]), "observation_id"), "observations")


def appointments_table(records: pd.DataFrame) -> pd.DataFrame:
    rows = records[records.event.isin(APPOINTMENT_EVENTS)]
    return _select(rows.assign(appointment_id=rows.record_id, method_stated=rows.method), "appointments")


def fill_announcements_table(records: pd.DataFrame) -> pd.DataFrame:
    rows = records[records.event == "fill_announced"]
    per_post = rows[rows.post_id.notna()].groupby(["source_id", "method"]).post_id.nunique()
    return _select(
        rows.assign(
            announcement_id=rows.record_id,
            posts_named_in_source=[
                int(per_post.get((s, m), 0)) if pd.isna(p) else pd.NA for s, m, p in zip(rows.source_id, rows.method, rows.post_id)
            ],
            count=rows.count_value,
            method_stated=rows.method,
            post_inferred=rows.inferred_fields.str.contains(r"(?:^|;)\s*post\s*(?:;|$)", regex=True),
        ),
        "fill_announcements",
    )


def vacancy_counts_table(records: pd.DataFrame) -> pd.DataFrame:
    rows = records[records.event == "vacancy_count"]
    still_vacant = (records.event == "reported_vacant") & (records.date_relation == "on")  # 'before': filled that day
    named = records[still_vacant].groupby("source_id")["post_id"].nunique()
    return _select(
        rows.assign(count=rows.count_value, named_in_source=rows.source_id.map(named).fillna(0).astype(int)),
        "vacancy_counts",
    )


def selection_stages_table(records: pd.DataFrame) -> pd.DataFrame:
    rows = records[records.event == "selection_stage"].sort_values("record_id")
    return _select(rows.assign(method_stated=rows.method, stage_order=rows.groupby(["source_id", "method"]).cumcount() + 1), "selection_stages")


def ledger(tables: dict[str, pd.DataFrame], records: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Which table each raw record feeds; a record that feeds none of the analysis tables is set aside."""
    keys = {
        "observations": "observation_id", "appointments": "appointment_id", "fill_announcements": "announcement_id",
        "vacancy_counts": "record_id", "selection_stages": "record_id",
    }
    placed = pd.concat(
        [tables[t].assign(table=t, row_id=tables[t][k])[["record_id", "table", "row_id"]] for t, k in keys.items()]
    )
    unplaced = records.loc[~records.record_id.isin(placed.record_id), ["record_id", "event"]]
    set_aside = unplaced.assign(reason=lambda d: "event '" + d.event + "' feeds no analysis table")
    entries = pd.concat([placed, set_aside.assign(table="set_aside", row_id=set_aside.record_id)[["record_id", "table", "row_id"]]])
    return (
        _select(sort_by(entries, ["record_id", "table", "row_id"]), "record_ledger"),
        _select(set_aside.sort_values("record_id"), "set_aside"),
    )


def make_tables(records: pd.DataFrame, sources: pd.DataFrame, ref: Reference, stages: Stages | None = None) -> dict[str, pd.DataFrame]:
    stages = stages or Stages()
    with stages("tables") as stage:
        tables = base_tables(records, sources, ref)
        stage.detail = f"{len(tables['observations'])} observations, {len(tables['appointments'])} appointments"
    analyses = analyse(tables, ref.limits(), stages)
    return {**tables, **{name: _select(frame, name) for name, frame in analyses.items()}}


def base_tables(records: pd.DataFrame, sources: pd.DataFrame, ref: Reference) -> dict[str, pd.DataFrame]:
    """The tidy tables of entities and facts, before any analysis."""
    tables = {
        "sources": sources_table(sources, records),
        "governments": governments_table(ref, records),
        "posts": posts_table(ref),
        "people": people_table(records),
        "records": records_table(records),
        "observations": observations_table(records),
        "appointments": appointments_table(records),
        "fill_announcements": fill_announcements_table(records),
        "vacancy_counts": vacancy_counts_table(records),
        "selection_stages": selection_stages_table(records),
    }
    tables["record_ledger"], tables["set_aside"] = ledger(tables, tables["records"])
    return tables
