"""From hand-coded raw rows to normalized records: every field checked, every problem logged.

A raw row keeps the article's strings; a normalized record adds the codes and ids next to them
(government_id, post_id, person_id, status, method, dates as intervals) and says which values were
inferred. A row with a problem is reported with its file, spreadsheet row, field and what was
expected; the build stops before writing anything while any error remains.
"""

from __future__ import annotations

from datetime import date
from typing import Callable

import pandas as pd

from . import vocab
from .dates import parse_indonesian_date
from .paths import RAW, RECORDS_FILE, SOURCES_FILE
from .people import person_id, split_titles
from .problems import NormalizationError, ProblemLog
from .readers import ROW, read_table
from .reference import Reference, safe_post_resolver
from .text import fold

SOURCE_COLUMNS = ["source_id", "seed_file", "outlet", "title", "url", "published", "published_inferred", "published_note"]
RECORD_COLUMNS = [
    "record_id", "source_id", "paragraph", "event", "government_raw", "date_raw", "date_relation", "person_raw",
    "post_raw", "status_raw", "method_raw", "previous_post_raw", "stated_duration_raw", "count_raw", "stage_raw",
    "inferred_fields", "coder_note",
]
REQUIRED_BY_EVENT = {
    "inaugurated": ["person_raw", "post_raw"],
    "appointed": ["person_raw", "post_raw"],
    "seen_in_post": ["person_raw", "post_raw"],
    "reported_vacant": ["post_raw"],
    "vacancy_count": ["count_raw"],
    "fill_announced": ["method_raw"],
    "selection_stage": ["stage_raw"],
}
POST_EVENTS = ("inaugurated", "appointed", "seen_in_post", "reported_vacant")
PLANNED_EVENTS = ("fill_announced", "selection_stage")  # may be dated after publication: plans
ALLOWED_STATUS = {  # which statuses make sense for which event
    "inaugurated": {"definitive", "plt", "plh", "pj"},
    "appointed": {"definitive", "plt", "plh", "pj"},
    "seen_in_post": {"definitive", "plt", "plh", "pj"},
    "reported_vacant": {"vacant", "plt", "plh", "pj"},
    "vacancy_count": {"vacant", "plt", "plh", "pj"},
}
DEFAULT_STATUS = {"inaugurated": "definitive", "appointed": "definitive", "seen_in_post": "definitive", "reported_vacant": "vacant"}
BOOL = {"true": True, "false": False, "": False}
PARAGRAPH = r"[1-9][0-9]{0,3}"  # ASCII digits only: int() would read other scripts' digits, pandas would not


def map_field(frame: pd.DataFrame, column: str, parse: Callable, log: ProblemLog, file: str, skip_empty: bool = True) -> pd.Series:
    """Apply a normalizer to one column, logging each failure with its row; failures become None."""

    def one(value, row):
        if skip_empty and value == "":
            return None
        try:
            return parse(value)
        except NormalizationError as error:
            log.add(file, row, column, value, str(error))
            return None

    return pd.Series([one(v, r) for v, r in zip(frame[column], frame[ROW])], index=frame.index, dtype=object)


def read_raw(log: ProblemLog, folder=RAW) -> tuple[pd.DataFrame, pd.DataFrame]:
    sources = read_table(folder / SOURCES_FILE, SOURCE_COLUMNS, log, require_rows=True)
    records = read_table(folder / RECORDS_FILE, RECORD_COLUMNS, log, require_rows=True)
    return sources, records


def normalize_sources(sources: pd.DataFrame, log: ProblemLog) -> pd.DataFrame:
    """Publication dates as intervals; a source without a usable date is an error (years are inferred from it)."""
    published = map_field(sources, "published", parse_indonesian_date, log, SOURCES_FILE, skip_empty=False)
    for row, value in zip(sources.loc[sources.source_id.duplicated(), ROW], sources.loc[sources.source_id.duplicated(), "source_id"]):
        log.add(SOURCES_FILE, row, "source_id", value, "a unique source_id")
    for row, value in zip(sources.loc[sources.source_id == "", ROW], sources.loc[sources.source_id == "", "source_id"]):
        log.add(SOURCES_FILE, row, "source_id", value, "a source_id")
    malformed = (sources.source_id != "") & ~sources.source_id.str.fullmatch(r"[0-9]{3}")
    for row, value in zip(sources.loc[malformed, ROW], sources.loc[malformed, "source_id"]):
        log.add(SOURCES_FILE, row, "source_id", value, f"three digits written as text, such as '004'{_zeros_hint(value)}")
    bad_bool = ~sources.published_inferred.isin(BOOL)
    for row, value in zip(sources.loc[bad_bool, ROW], sources.loc[bad_bool, "published_inferred"]):
        log.add(SOURCES_FILE, row, "published_inferred", value, "true or false")
    return sources.assign(
        published_earliest=published.map(lambda d: d and d.earliest),
        published_latest=published.map(lambda d: d and d.latest),
        published_precision=published.map(lambda d: d and d.precision),
        published_text=published.map(lambda d: d and d.text),
        published_inferred=sources.published_inferred.map(BOOL).fillna(False),
    )


def _check_required(records: pd.DataFrame, log: ProblemLog) -> None:
    for event, columns in REQUIRED_BY_EVENT.items():
        rows = records[records.event == event]
        for column in columns:
            for row in rows.loc[rows[column] == "", ROW]:
                log.add(RECORDS_FILE, row, column, "", f"a value: every '{event}' record needs {', '.join(columns)}")


def _check_keys(records: pd.DataFrame, sources: pd.DataFrame, log: ProblemLog) -> None:
    dup = records.record_id.duplicated(keep=False) & (records.record_id != "")
    for row, value in zip(records.loc[dup, ROW], records.loc[dup, "record_id"]):
        log.add(RECORDS_FILE, row, "record_id", value, "a record_id used by no other row")
    for row in records.loc[records.record_id == "", ROW]:
        log.add(RECORDS_FILE, row, "record_id", "", "a record_id, e.g. '004-12' (source id, then a number)")
    known = sorted(set(sources.source_id) - {""})
    listed = ", ".join(known[:10]) + (", …" if len(known) > 10 else "")
    unknown = ~records.source_id.isin(known)
    for row, value in zip(records.loc[unknown, ROW], records.loc[unknown, "source_id"]):
        log.add(RECORDS_FILE, row, "source_id", value, f"a source_id listed in {SOURCES_FILE} ({listed}){_zeros_hint(value)}")
    paragraph_ok = records.paragraph.str.fullmatch(PARAGRAPH)
    for row, value in zip(records.loc[~paragraph_ok, ROW], records.loc[~paragraph_ok, "paragraph"]):
        log.add(RECORDS_FILE, row, "paragraph", value, "the paragraph number, a whole number from 1 to 9999")
    # judged only against a known source: with an unknown one, the source_id message says it all
    prefix_ok = (records.record_id.str.rpartition("-")[0] == records.source_id) & records.record_id.str.fullmatch(r"[^-]+-[0-9]+")
    wrong_prefix = ~prefix_ok & (records.record_id != "") & ~unknown
    for row, value, source in zip(records.loc[wrong_prefix, ROW], records.loc[wrong_prefix, "record_id"], records.loc[wrong_prefix, "source_id"]):
        log.add(RECORDS_FILE, row, "record_id", value, f"the source id, a dash and a number (e.g. '{source}-01')")
    bad_event = ~records.event.isin(list(vocab.EVENTS))
    for row, value in zip(records.loc[bad_event, ROW], records.loc[bad_event, "event"]):
        log.add(RECORDS_FILE, row, "event", value, f"one of {', '.join(vocab.EVENTS)}")
    bad_relation = ~records.date_relation.isin(["", *vocab.DATE_RELATIONS])
    for row, value in zip(records.loc[bad_relation, ROW], records.loc[bad_relation, "date_relation"]):
        log.add(RECORDS_FILE, row, "date_relation", value, "empty, 'on' or 'before'")
    known_fields = set(RECORD_COLUMNS) | {c.removesuffix("_raw") for c in RECORD_COLUMNS} | {"year"}
    for row, value in zip(records[ROW], records.inferred_fields):
        for name in filter(None, (v.strip() for v in value.split(";"))):
            if name not in known_fields:
                log.add(RECORDS_FILE, row, "inferred_fields", value, "field names separated by ';' (e.g. 'post;year')")


def _dates(records: pd.DataFrame, log: ProblemLog) -> pd.DataFrame:
    """Each record's date as an interval; no date in the article means the publication date, flagged."""

    def parse(row, row_number):
        known = pd.notna(row.published_earliest)
        reference = (row.published_earliest, row.published_latest) if known else None
        if row.date_raw == "" and not known:
            return (None, None, None, False, False, True)
        if row.date_raw == "":
            return (row.published_earliest, row.published_latest, row.published_precision, False, False, True)
        try:
            d = parse_indonesian_date(row.date_raw, reference)
        except NormalizationError as error:
            log.add(RECORDS_FILE, row_number, "date_raw", row.date_raw, str(error))
            return (None, None, None, False, False, False)
        return (d.earliest, d.latest, d.precision, d.year_inferred, d.weekday_checked, False)

    columns = ["date_earliest", "date_latest", "date_precision", "date_year_inferred", "date_weekday_checked", "date_from_publication"]
    parsed = pd.DataFrame([parse(r, n) for r, n in zip(records.itertuples(), records[ROW])], columns=columns, index=records.index)
    late = parsed.date_earliest.notna() & records.published_latest.notna() & ~records.event.isin(PLANNED_EVENTS)
    late &= parsed.date_earliest.where(late, date.min) > records.published_latest.where(late, date.max)
    for row, value, published in zip(records.loc[late, ROW], records.loc[late, "date_raw"], records.loc[late, "published_latest"]):
        log.add(RECORDS_FILE, row, "date_raw", value, f"a date on or before the article's publication ({published.isoformat()})")
    return parsed


def _people(records: pd.DataFrame, ref: Reference, log: ProblemLog) -> pd.DataFrame:
    prefixes, suffixes, overrides = ref.title_keys("prefix"), ref.title_keys("suffix"), ref.person_overrides()
    names = map_field(records, "person_raw", lambda v: split_titles(v, prefixes, suffixes), log, RECORDS_FILE)
    return pd.DataFrame(
        {
            "person_name": names.map(lambda n: n and n.name),
            "person_titles": names.map(lambda n: n and " ".join((*n.prefix_titles, *n.suffix_titles))),
            "person_id": [
                n and overrides.get((g or "", fold(n.name)), overrides.get(("", fold(n.name)), person_id(n.name)))
                for n, g in zip(names, records.government_id)
            ],
        },
        index=records.index,
    )


def _posts(records: pd.DataFrame, ref: Reference, log: ProblemLog) -> tuple[pd.DataFrame, list]:
    resolver = safe_post_resolver(ref, log)
    if resolver is None:
        return pd.DataFrame(index=records.index, columns=["post_id", "post_status", "post_alias_inferred", "previous_post_id"]), []

    def resolve(column):
        def one(value, government, row):
            if value == "" or government is None:
                return None
            try:
                return resolver.resolve(value, government)
            except NormalizationError as error:
                log.add(RECORDS_FILE, row, column, value, str(error))
                return None

        return pd.Series([one(v, g, r) for v, g, r in zip(records[column], records.government_id, records[ROW])], index=records.index, dtype=object)

    post, previous = resolve("post_raw"), resolve("previous_post_raw")
    frame = pd.DataFrame(
        {
            "post_id": post.map(lambda p: p and p.post_id),
            "post_status": post.map(lambda p: p and p.status),
            "post_alias_inferred": post.map(lambda p: bool(p and p.alias_inferred)) | previous.map(lambda p: bool(p and p.alias_inferred)),
            "previous_post_id": previous.map(lambda p: p and p.post_id),
        },
        index=records.index,
    )
    return frame, resolver.unused_aliases()


def _status(records: pd.DataFrame, log: ProblemLog) -> pd.DataFrame:
    """The status written apart and the one written into the post must agree; with neither, the
    event's default (definitive for a named holder, vacant for a vacancy) is used and flagged."""
    stated = records.status_code.where(records.status_code.notna(), records.post_status)
    conflict = records.status_code.notna() & records.post_status.notna() & (records.status_code != records.post_status)
    for row, value, in_post in zip(records.loc[conflict, ROW], records.loc[conflict, "status_raw"], records.loc[conflict, "post_status"]):
        log.add(RECORDS_FILE, row, "status_raw", value, f"the same status as the one written in the post ({in_post})")
    default = records.event.map(DEFAULT_STATUS)
    allowed = records.event.map(ALLOWED_STATUS)
    wrong = [pd.notna(st) and isinstance(ok, set) and st not in ok for st, ok in zip(stated, allowed)]
    for row, value, event, ok in zip(records.loc[wrong, ROW], stated[wrong], records.loc[wrong, "event"], allowed[wrong]):
        log.add(RECORDS_FILE, row, "status_raw", value, f"a status that fits a '{event}' record ({', '.join(sorted(ok))})")
    status = stated.where(stated.notna(), default)  # not fillna: on an all-empty column it warns about downcasting
    return pd.DataFrame({"status": status, "status_inferred": stated.isna() & default.notna()}, index=records.index)


def normalize_records(records: pd.DataFrame, sources: pd.DataFrame, ref: Reference, log: ProblemLog) -> tuple[pd.DataFrame, list]:
    """Every raw record with its codes, ids and dates; problems go to `log`. Returns (records, unused aliases)."""
    _check_keys(records, sources, log)
    _check_required(records, log)
    governments = ref.government_lookup()
    terms = ref.term_lookup()
    records = records.assign(
        government_id=map_field(records, "government_raw", lambda v: _lookup(governments, v), log, RECORDS_FILE, skip_empty=False),
        status_code=map_field(records, "status_raw", lambda v: terms.code("status", v), log, RECORDS_FILE),
        method=map_field(records, "method_raw", lambda v: terms.code("method", v), log, RECORDS_FILE),
        stage=map_field(records, "stage_raw", lambda v: terms.code("stage", v), log, RECORDS_FILE),
        count=map_field(records, "count_raw", vocab.parse_count, log, RECORDS_FILE),
        stated_duration=map_field(records, "stated_duration_raw", vocab.parse_duration, log, RECORDS_FILE),
    ).merge(
        sources[["source_id", "published_earliest", "published_latest", "published_precision"]], on="source_id", how="left"
    )
    posts, unused = _posts(records, ref, log)
    records = pd.concat([records, _dates(records, log), _people(records, ref, log), posts], axis=1)
    records = pd.concat([records, _status(records, log)], axis=1)
    return (
        records.assign(
            paragraph=pd.to_numeric(records.paragraph.where(records.paragraph.str.fullmatch(PARAGRAPH)), errors="coerce").astype("Int64"),
            date_relation=records.date_relation.replace("", "on"),
            count_value=records["count"].map(lambda c: c and c.value).astype("Int64"),
            count_approximate=records["count"].map(lambda c: bool(c and c.approximate)),
            stated_duration_days_min=records.stated_duration.map(lambda d: d and d.days_min).astype("Int64"),
            stated_duration_days_max=records.stated_duration.map(lambda d: d and d.days_max).astype("Int64"),
            coder_inferred=records.inferred_fields.ne("") | records.post_alias_inferred.fillna(False).astype(bool),
        )
        .drop(columns=["count", "stated_duration", "status_code", "post_status"])
        .sort_values("record_id", kind="stable")
        .reset_index(drop=True),
        unused,
    )


def _zeros_hint(value: str) -> str:
    """Excel reads '004' as the number 4 unless the column is formatted as Text."""
    if value.isascii() and value.isdigit() and len(value) < 3:
        return f"; '{value}' looks like '{value.zfill(3)}' with its leading zeros dropped by a spreadsheet: format the column as Text"
    return ""


def _lookup(table: dict[str, str], value: str) -> str:
    key = fold(value)
    if key not in table:
        raise NormalizationError("a government name listed in data/reference/government_aliases.csv")
    return table[key]
