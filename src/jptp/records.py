"""From hand-coded raw rows to normalized records: every field checked, every problem logged.

A raw row keeps the article's strings; a normalized record adds the codes and ids next to them
(government_id, post_id, person_id, status, method, dates as intervals) and says which values were
inferred. A row with a problem is reported with its file, spreadsheet row, field and what was
expected; the build stops before writing anything while any error remains.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Callable

import numpy as np
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
_PARAGRAPH = re.compile(PARAGRAPH)
_RECORD_ID = re.compile(r"([^-]+)-[0-9]+")


@dataclass
class Parsed:
    """A normalizer's result for each distinct key, and each row's key: most raw strings repeat
    (a national corpus has a million rows but a few thousand date strings), so each is parsed once."""

    codes: np.ndarray  # per row: the position of its key among `results`
    results: list  # per distinct key: the parsed value, or None (empty, or failed and logged)
    index: pd.Index

    def column(self, attribute: Callable | None = None, dtype=object) -> pd.Series:
        """Each row's result (or `attribute(result)`; None stays None), as a Series on the frame's index."""
        values = np.empty(len(self.results) + 1, dtype=object)  # one spare slot so that an empty frame works
        for i, result in enumerate(self.results):
            values[i] = result if attribute is None or result is None else attribute(result)
        return pd.Series(values[self.codes], index=self.index, dtype=dtype)

    def flag(self, attribute: Callable) -> pd.Series:
        """Each row's `attribute(result)` as a boolean; False where there is no result."""
        values = np.zeros(len(self.results) + 1, dtype=bool)
        for i, result in enumerate(self.results):
            values[i] = result is not None and bool(attribute(result))
        return pd.Series(values[self.codes], index=self.index, dtype=bool)


def parse_distinct(
    frame: pd.DataFrame, columns: list[str], parse: Callable, log: ProblemLog, file: str, field: str | None = None,
    skip: Callable[..., bool] = lambda *key: False,
) -> Parsed:
    """Run `parse(*key)` once per distinct combination of `columns`; a failure is logged at every row
    holding that key, with the value of the first column, exactly as a row-by-row loop would."""
    if len(columns) == 1:
        codes, uniques = pd.factorize(frame[columns[0]], use_na_sentinel=False)
        keys = [(u,) for u in uniques]
    else:
        codes = frame.groupby(columns, sort=False, dropna=False).ngroup().to_numpy() if len(frame) else np.zeros(0, dtype=int)
        first = pd.Series(np.arange(len(frame))).groupby(codes, sort=True).first().to_numpy()
        keys = list(zip(*(frame[c].to_numpy()[first] for c in columns))) if len(frame) else []
    results, errors = [], {}
    for k, key in enumerate(keys):
        if skip(*key):
            results.append(None)
            continue
        try:
            results.append(parse(*key))
        except NormalizationError as error:
            results.append(None)
            errors[k] = (key[0], str(error))
    if errors:
        failed = np.isin(codes, list(errors))
        for row, code in zip(frame[ROW].to_numpy()[failed], codes[failed]):
            log.add(file, row, field or columns[0], *errors[code])
    return Parsed(np.asarray(codes), results, frame.index)


def map_field(frame: pd.DataFrame, column: str, parse: Callable, log: ProblemLog, file: str, skip_empty: bool = True) -> Parsed:
    """Apply a normalizer to one column (once per distinct value), logging each failure with its row."""
    return parse_distinct(frame, [column], parse, log, file, skip=(lambda v: v == "") if skip_empty else (lambda v: False))


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
    malformed = (sources.source_id != "") & ~sources.source_id.str.fullmatch(r"[0-9]{3,}")  # '4' is '004' after a spreadsheet
    for row, value in zip(sources.loc[malformed, ROW], sources.loc[malformed, "source_id"]):
        log.add(SOURCES_FILE, row, "source_id", value, f"at least three digits written as text, such as '004'{_zeros_hint(value)}")
    bad_bool = ~sources.published_inferred.isin(BOOL)
    for row, value in zip(sources.loc[bad_bool, ROW], sources.loc[bad_bool, "published_inferred"]):
        log.add(SOURCES_FILE, row, "published_inferred", value, "true or false")
    return sources.assign(
        published_earliest=published.column(lambda d: d.earliest),
        published_latest=published.column(lambda d: d.latest),
        published_precision=published.column(lambda d: d.precision),
        published_text=published.column(lambda d: d.text),
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
    paragraphs = records.paragraph.unique()  # few distinct values: test each once
    good_paragraphs = {p for p in paragraphs if _PARAGRAPH.fullmatch(p)}
    paragraph_ok = records.paragraph.isin(good_paragraphs)
    for row, value in zip(records.loc[~paragraph_ok, ROW], records.loc[~paragraph_ok, "paragraph"]):
        log.add(RECORDS_FILE, row, "paragraph", value, "the paragraph number, a whole number from 1 to 9999")
    # '004-12': the part before the last dash is the record's own source id (one regex per id, no frames);
    # judged only against a known source: with an unknown one, the source_id message says it all
    prefixes = [m[1] if (m := _RECORD_ID.fullmatch(r)) else None for r in records.record_id.tolist()]
    prefix_ok = pd.Series([p is not None and p == s for p, s in zip(prefixes, records.source_id.tolist())], index=records.index)
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

    for value in records.inferred_fields.unique():  # one message per unknown name, as before
        names = [v.strip() for v in value.split(";")]
        n_bad = sum(1 for name in filter(None, names) if name not in known_fields)
        for row in records.loc[records.inferred_fields == value, ROW] if n_bad else ():
            for _ in range(n_bad):
                log.add(RECORDS_FILE, row, "inferred_fields", value, "field names separated by ';' (e.g. 'post;year')")


def _dates(records: pd.DataFrame, log: ProblemLog) -> pd.DataFrame:
    """Each record's date as an interval; no date in the article means the publication date, flagged.

    A date that prints its year does not depend on the article, so each distinct string is parsed
    once; only a date without a year is parsed again per publication date, to infer the year."""
    columns = ["date_earliest", "date_latest", "date_precision", "date_year_inferred", "date_weekday_checked", "date_from_publication"]
    alone = map_field(records, "date_raw", parse_indonesian_date, ProblemLog(), RECORDS_FILE)  # failures are retried below
    needs_article = pd.Series(
        np.array([r is None for r in alone.results] + [False], dtype=bool)[alone.codes], index=records.index
    ) & records.date_raw.ne("")
    with_article = parse_distinct(
        records[needs_article], ["date_raw", "published_earliest", "published_latest"],
        lambda raw, earliest, latest: parse_indonesian_date(raw, (earliest, latest) if pd.notna(earliest) else None),
        log, RECORDS_FILE,
    )
    codes = alone.codes.copy()
    codes[needs_article.to_numpy()] = len(alone.results) + with_article.codes
    parsed = Parsed(codes, alone.results + with_article.results, records.index)
    empty = records.date_raw.eq("")
    known = records.published_earliest.notna()
    frame = pd.DataFrame(
        {
            "date_earliest": parsed.column(lambda d: d.earliest).where(~empty, records.published_earliest.where(known, None)),
            "date_latest": parsed.column(lambda d: d.latest).where(~empty, records.published_latest.where(known, None)),
            "date_precision": parsed.column(lambda d: d.precision).where(~empty, records.published_precision.where(known, None)),
            "date_year_inferred": parsed.flag(lambda d: d.year_inferred),
            "date_weekday_checked": parsed.flag(lambda d: d.weekday_checked),
            "date_from_publication": empty,
        },
        index=records.index,
    )[columns]
    late = frame.date_earliest.notna() & records.published_latest.notna() & ~records.event.isin(PLANNED_EVENTS)
    late &= frame.date_earliest.where(late, date.min) > records.published_latest.where(late, date.max)
    for row, value, published in zip(records.loc[late, ROW], records.loc[late, "date_raw"], records.loc[late, "published_latest"]):
        log.add(RECORDS_FILE, row, "date_raw", value, f"a date on or before the article's publication ({published.isoformat()})")
    return frame


def _people(records: pd.DataFrame, ref: Reference, log: ProblemLog) -> pd.DataFrame:
    prefixes, suffixes, overrides = ref.title_keys("prefix"), ref.title_keys("suffix"), ref.person_overrides()
    names = map_field(records, "person_raw", lambda v: split_titles(v, prefixes, suffixes), log, RECORDS_FILE)
    person_name = names.column(lambda n: n.name)

    def identify(name, government):
        if pd.isna(name):
            return None
        key = fold(name)
        return overrides.get((government if isinstance(government, str) else "", key), overrides.get(("", key), person_id(name)))

    frame = pd.DataFrame({"person_name": person_name, "government_id": records.government_id}, index=records.index)
    key = ["person_name", "government_id"] if overrides else ["person_name"]  # without overrides the id is the name's
    ids = parse_distinct(frame.assign(**{ROW: records[ROW]}), key, lambda name, government=None: identify(name, government), log, RECORDS_FILE)
    return pd.DataFrame(
        {
            "person_name": person_name,
            "person_titles": names.column(lambda n: " ".join((*n.prefix_titles, *n.suffix_titles))),
            "person_id": ids.column(),
        },
        index=records.index,
    )


def _posts(records: pd.DataFrame, ref: Reference, log: ProblemLog) -> tuple[pd.DataFrame, list]:
    resolver = safe_post_resolver(ref, log)
    if resolver is None:
        return pd.DataFrame(index=records.index, columns=["post_id", "post_status", "post_alias_inferred", "previous_post_id"]), []

    def resolve(column: str) -> Parsed:
        return parse_distinct(
            records, [column, "government_id"], resolver.resolve, log, RECORDS_FILE,
            skip=lambda value, government: value == "" or pd.isna(government),
        )

    post, previous = resolve("post_raw"), resolve("previous_post_raw")
    frame = pd.DataFrame(
        {
            "post_id": post.column(lambda p: p.post_id),
            "post_status": post.column(lambda p: p.status),
            "post_alias_inferred": post.flag(lambda p: p.alias_inferred)
            | previous.flag(lambda p: p.alias_inferred),
            "previous_post_id": previous.column(lambda p: p.post_id),
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
    fitting = {f"{event}|{status}" for event, statuses in ALLOWED_STATUS.items() for status in statuses}
    wrong = stated.notna() & records.event.isin(list(ALLOWED_STATUS)) & ~(records.event + "|" + stated.fillna("")).isin(fitting)
    for row, value, event in zip(records.loc[wrong, ROW], stated[wrong], records.loc[wrong, "event"]):
        log.add(RECORDS_FILE, row, "status_raw", value, f"a status that fits a '{event}' record ({', '.join(sorted(ALLOWED_STATUS[event]))})")
    status = stated.where(stated.notna(), default)  # not fillna: on an all-empty column it warns about downcasting
    return pd.DataFrame({"status": status, "status_inferred": stated.isna() & default.notna()}, index=records.index)


def validate_records(records: pd.DataFrame, sources: pd.DataFrame, log: ProblemLog) -> None:
    """The checks that need no normalizer: keys, paragraph numbers, events and the fields each event requires."""
    _check_keys(records, sources, log)
    _check_required(records, log)


def normalize_records(
    records: pd.DataFrame, sources: pd.DataFrame, ref: Reference, log: ProblemLog, validate: bool = True
) -> tuple[pd.DataFrame, list]:
    """Every raw record with its codes, ids and dates; problems go to `log`. Returns (records, unused aliases).

    `validate=False` when validate_records has already run (the build times the two apart)."""
    if validate:
        validate_records(records, sources, log)
    governments = ref.government_lookup()
    terms = ref.term_lookup()
    count = map_field(records, "count_raw", vocab.parse_count, log, RECORDS_FILE)
    duration = map_field(records, "stated_duration_raw", vocab.parse_duration, log, RECORDS_FILE)
    columns = dict(records.items())  # the frame is widened column by column and built once at the end
    columns.update(
        government_id=map_field(records, "government_raw", lambda v: _lookup(governments, v), log, RECORDS_FILE, skip_empty=False).column(),
        status_code=map_field(records, "status_raw", lambda v: terms.code("status", v), log, RECORDS_FILE).column(),
        method=map_field(records, "method_raw", lambda v: terms.code("method", v), log, RECORDS_FILE).column(),
        stage=map_field(records, "stage_raw", lambda v: terms.code("stage", v), log, RECORDS_FILE).column(),
        count_value=count.column(lambda c: c.value).astype("Int64"),
        count_approximate=count.flag(lambda c: c.approximate),
        stated_duration_days_min=duration.column(lambda d: d.days_min).astype("Int64"),
        stated_duration_days_max=duration.column(lambda d: d.days_max).astype("Int64"),
    )
    published = sources.drop_duplicates("source_id").set_index("source_id")
    for column in ["published_earliest", "published_latest", "published_precision"]:
        columns[column] = records.source_id.map(published[column])
    records = pd.DataFrame(columns)
    posts, unused = _posts(records, ref, log)
    for part in (_dates(records, log), _people(records, ref, log), posts):
        columns.update(part.items())
    records = pd.DataFrame(columns)
    columns.update(_status(records, log).items())
    columns.update(
        paragraph=pd.to_numeric(records.paragraph.where(records.paragraph.str.fullmatch(PARAGRAPH)), errors="coerce").astype("Int64"),
        date_relation=records.date_relation.replace("", "on"),
        coder_inferred=records.inferred_fields.ne("") | records.post_alias_inferred.fillna(False).astype(bool),
    )
    del columns["status_code"], columns["post_status"]
    records = pd.DataFrame(columns)
    if not records.record_id.is_monotonic_increasing:  # coded files are usually in record order already
        records = records.sort_values("record_id", kind="stable")
    return records.reset_index(drop=True), unused


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
