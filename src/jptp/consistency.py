"""Checks across records: rows that pass one by one but cannot all be true together.

A row can be right on its own and wrong next to another: a person definitive in two posts on the
same day, two definitive holders of one post on the same day, a tenure that ends before it starts.
These checks run on the normalized records, where every row still has its spreadsheet row, and
report like the per-row checks: file, row, field, value, what was expected.

What is an error and what is a note follows one rule. An error is a set of rows that cannot all be
true as coded, whatever happened outside the articles: one of them must be corrected. A note is a gap
that sparse news coverage explains (a departure nobody reported), which the build bridges with a
stated assumption. Same-day moves are not conflicts: a previous post is held *up to* the day of the
new appointment ('before'), so Muhammad Imron leaving BKPSDM for the Perpustakaan on 26/7/2024 while
Ikromul Yasak takes BKPSDM that day is one consistent chain. Acting posts (Plt, Plh, Pj) beside a
definitive one are normal and are not checked here.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .paths import RECORDS_FILE
from .problems import ProblemLog
from .readers import ROW
from .records import POST_EVENTS
from .moves import DEFINITIVE
from .tables import APPOINTMENT_EVENTS
from .vocab import RELATION_ORDER



def sightings(records: pd.DataFrame) -> pd.DataFrame:
    """Who held which post in which status on which dates, one row per raw cell that says so.

    Each post record is a sighting of its post_raw; each appointment's previous post is a sighting
    of its previous_post_raw, held definitively up to the appointment ('before').
    """
    dated = records[records.date_earliest.notna() & records.post_id.notna() & ~_misdated_or_circular(records)]
    direct = dated[dated.event.isin(POST_EVENTS)].assign(field="post_raw", value=lambda d: d.post_raw)
    moves = dated[dated.event.isin(APPOINTMENT_EVENTS) & dated.previous_post_id.notna()]
    previous = moves.assign(
        field="previous_post_raw", value=moves.previous_post_raw, post_id=moves.previous_post_id, status=DEFINITIVE,
        date_relation="before",
    )
    columns = [ROW, "record_id", "field", "value", "event", "person_id", "person_name", "post_id", "status",
               "date_earliest", "date_latest", "date_relation", "stated_duration_raw"]
    s = pd.concat([direct[columns], previous[columns]], ignore_index=True)
    days = records.set_index(ROW).stated_duration_days_min  # by spreadsheet row: record ids may be duplicated
    return s.assign(
        stated_duration_days_min=s[ROW].map(days).where(s.field.eq("post_raw")),  # a duration is the post's, not the previous one's
        date_earliest=pd.to_datetime(s.date_earliest),
        date_latest=pd.to_datetime(s.date_latest),
        one_day=pd.to_datetime(s.date_earliest).eq(pd.to_datetime(s.date_latest)),
    )


def _misdated_or_circular(records: pd.DataFrame) -> pd.Series:
    """Appointments the checks below already reject: kept out of the sightings so one mistake gives one message."""
    appointment = records.event.isin(APPOINTMENT_EVENTS)
    return appointment & (records.date_relation.eq("before") | records.previous_post_id.eq(records.post_id))


def _when(relation: str, day: pd.Timestamp) -> str:
    return f"{'up to' if relation == 'before' else 'on'} {day.date().isoformat()}"


def _same_day_pairs(s: pd.DataFrame, same: str, differ: str) -> pd.DataFrame:
    """Pairs of definitive, day-precise sightings sharing `same` (person or post), day and relation, but not `differ`."""
    held = s[(s.status == DEFINITIVE) & s.person_id.notna() & s.one_day]
    pairs = held.merge(held, on=[same, "date_earliest", "date_relation"], suffixes=("", "_other"))
    return pairs[pairs[differ] != pairs[f"{differ}_other"]].sort_values([ROW, f"{ROW}_other", "field", "field_other"])


def _report_pairs(pairs: pd.DataFrame, log: ProblemLog, expected) -> None:
    """One error per row of a conflict, naming the first other row and counting the rest."""
    for _, group in pairs.groupby([ROW, "field"], sort=True):
        first = group.iloc[0]
        log.add(RECORDS_FILE, first[ROW], first.field, first.value, expected(first, _others(first, len(group))))


def _others(pair: pd.Series, n: int) -> str:
    """'row 7' or 'row 7 and 2 more': where the other side of a conflict is."""
    return f"row {pair[f'{ROW}_other']}" + (f" and {n - 1} more" if n > 1 else "")


def two_definitive_posts_at_once(s: pd.DataFrame, log: ProblemLog) -> None:
    """Error: a person definitive in two posts on one day. One of them is acting, or the two are namesakes."""
    _report_pairs(
        _same_day_pairs(s, "person_id", "post_id"), log,
        lambda p, others: (
            f"one definitive post per person on a day: {p.person_name} is also the definitive holder of {p.post_id_other} "
            f"{_when(p.date_relation, p.date_earliest)} ({others}, {p.field_other}); write the acting status "
            "(Plt, Plh, Pj) of one of them if the article gives it, or split namesakes in data/reference/person_aliases.csv"
        ),
    )


def two_definitive_holders_at_once(s: pd.DataFrame, log: ProblemLog) -> None:
    """Error: two people definitive in one post on one day. One is acting, or one left that day ('before')."""
    _report_pairs(
        _same_day_pairs(s, "post_id", "person_id"), log,
        lambda p, others: (
            f"one definitive holder of a post on a day: {p.person_name_other} holds {p.post_id} definitively "
            f"{_when(p.date_relation, p.date_earliest)} too ({others}); one of them may be acting (Plt, Plh, Pj), "
            "or have left that day (date_relation 'before')"
        ),
    )


def appointments_dated_before(records: pd.DataFrame, log: ProblemLog) -> None:
    """Error: an appointment marked 'before'. Its date is the day the tenure starts; 'before' would end it there."""
    bad = records[records.event.isin(APPOINTMENT_EVENTS) & records.date_relation.eq("before")]
    for row, event in zip(bad[ROW], bad.event):
        log.add(
            RECORDS_FILE, row, "date_relation", "before",
            f"empty or 'on' on an '{event}' record: its date is the day the post is taken, and 'before' would end the tenure "
            "on the day it starts; if the article only says it happened earlier ('sebelumnya'), code a seen_in_post row instead",
        )


def moves_from_a_post_to_itself(records: pd.DataFrame, log: ProblemLog) -> None:
    """Error: a previous post that is the post taken. The tenure would end the day it starts."""
    bad = records[records.event.isin(APPOINTMENT_EVENTS) & records.previous_post_id.notna() & records.previous_post_id.eq(records.post_id)]
    for row, value, post in zip(bad[ROW], bad.previous_post_raw, bad.post_id):
        log.add(
            RECORDS_FILE, row, "previous_post_raw", value,
            f"a post other than the one taken ({post}): a move from a post to itself; leave it empty if the article names no other",
        )


def held_after_leaving(s: pd.DataFrame, log: ProblemLog) -> None:
    """Note: a person seen holding a post after the day they left it for another, with no return recorded.

    The tenure in the previous post ends on the day of the move, so a later sighting in it is either a
    return no article reported (sparse coverage: the synthetic data show such returns) or a coding slip,
    usually a year typed wrong or a former title ('mantan') coded as current. The build reads it as an
    unreported return and says so, so the coder can check.
    """
    moves = s[s.field.eq("previous_post_raw") & s.person_id.notna()]
    held = s[s.status.eq(DEFINITIVE) & s.person_id.notna()]
    later = moves.merge(held, on=["person_id", "post_id"], suffixes=("_move", ""))
    later = later[later.date_earliest > later.date_latest_move].reset_index(drop=True)
    returns = s[s.event.isin(APPOINTMENT_EVENTS) & s.field.eq("post_raw")][["person_id", "post_id", "date_earliest"]]
    back = later.reset_index().merge(returns, on=["person_id", "post_id"], suffixes=("", "_return"))
    back = back[(back.date_earliest_return > back.date_latest_move) & (back.date_earliest_return <= back.date_earliest)]
    later = later.drop(index=back["index"].unique()).sort_values([ROW, f"{ROW}_move"])
    for _, group in later.groupby([ROW, "field"], sort=True):
        p = group.iloc[0]
        log.add(
            RECORDS_FILE, p[ROW], p.field, p.value,
            f"a post {p.person_name} still held {_when(p.date_relation, p.date_earliest)}; but row {p[f'{ROW}_move']} has "
            f"{p.person_name} leave it {p.date_latest_move.date().isoformat()} (previous_post_raw), and no record shows a return; "
            "read as a return no article reported (if it is not, correct the date of one row, or drop a former title ('mantan') coded as current)",
            "note",
        )


def durations_longer_than_the_records_allow(s: pd.DataFrame, log: ProblemLog) -> None:
    """Error: a stated duration ('sudah dua tahun dijabat Plt') reaching back past a record of the post
    in another status or with another holder.

    The spell would start before the record that must precede it, and its bounds would come out
    inverted (the latest possible start before the earliest). Usually a unit typed wrong (tahun for bulan).
    """
    stated = s[s.stated_duration_days_min.notna()]
    stated = stated.assign(since=stated.date_latest - pd.to_timedelta(stated.stated_duration_days_min.astype(float), unit="D"))
    pairs = stated.merge(s, on="post_id", suffixes=("", "_other"))
    inside = (pairs.date_earliest_other >= pairs.since) & (pairs.date_latest_other < pairs.date_latest)  # certainly inside
    other_holder = pairs.person_id.notna() & pairs.person_id_other.notna() & pairs.person_id.ne(pairs.person_id_other)
    clash = pairs[inside & (pairs.status.ne(pairs.status_other) | other_holder)]
    clash = clash.assign(order_other=clash.date_relation_other.map(RELATION_ORDER))
    clash = clash.sort_values([ROW, "date_latest_other", "order_other", f"{ROW}_other"], ascending=[True, False, False, True])
    for _, p in clash.groupby(ROW, sort=True).head(1).iterrows():
        holder = f" with {p.person_name_other} as holder" if pd.notna(p.person_name_other) else ""
        log.add(
            RECORDS_FILE, p[ROW], "stated_duration_raw", p.stated_duration_raw,
            f"a duration that fits the post's other records: it has the post {p.status} since {p.since.date().isoformat()} at "
            f"the latest, but row {p[f'{ROW}_other']} has the post {p.status_other}{holder} "
            f"{_when(p.date_relation_other, p.date_earliest_other)}; check the number, the unit (bulan, tahun) and both dates",
        )


def holder_not_seen_leaving(s: pd.DataFrame, log: ProblemLog) -> None:
    """Note: a definitive appointment to a post whose last record shows another definitive holder, never seen leaving.

    News rarely reports a retirement or a transfer out of the region, so the build reads the earlier
    holder as having left between the two dates; the note asks the coder to check for a Plt or a move.
    Each appointment looks only at its own post's records and the earlier holder's, through index
    arrays built once, so the check stays linear in the number of records.
    """
    fills = s[s.field.eq("post_raw") & s.event.isin(APPOINTMENT_EVENTS) & s.status.eq(DEFINITIVE)]
    if fills.empty:
        return
    s = s.reset_index(drop=True)
    start = pd.to_datetime(s.date_earliest).to_numpy(dtype="datetime64[ns]")
    end = pd.to_datetime(s.date_latest).to_numpy(dtype="datetime64[ns]")
    one_day, rows = s.one_day.to_numpy(dtype=bool), s[ROW].to_numpy()
    before, on = s.date_relation.eq("before").to_numpy(), s.date_relation.eq("on").to_numpy()
    order = s.date_relation.map(RELATION_ORDER).fillna(1).to_numpy()
    definitive, named = s.status.eq(DEFINITIVE).to_numpy(), s.person_id.notna().to_numpy()
    person, post = s.person_id.to_numpy(dtype=object), s.post_id.to_numpy(dtype=object)
    by_post = s.groupby("post_id").indices
    definitive_on = s[s.status.eq(DEFINITIVE) & s.date_relation.eq("on") & s.person_id.notna()]
    held_on = {p: labels.to_numpy() for p, labels in definitive_on.groupby("person_id").groups.items()}  # labels = positions in s
    for fill in fills.to_dict("records"):
        records = by_post[fill["post_id"]]
        day = pd.Timestamp(fill["date_earliest"]).to_datetime64()
        earlier = records[(end[records] < day) | (one_day[records] & (start[records] == day) & before[records])]
        if not len(earlier):
            continue
        last = earlier[end[earlier] == end[earlier].max()]
        last = last[order[last] == order[last].max()]
        if not (definitive[last].all() and on[last].all() and named[last].all()):
            continue
        holder = last[np.argmin(rows[last])]
        if person[holder] == fill["person_id"]:
            continue
        theirs = held_on.get(person[holder], np.array([], dtype=int))
        moved_on = (post[theirs] != fill["post_id"]) & (start[theirs] >= start[holder]) & (end[theirs] <= pd.Timestamp(fill["date_latest"]).to_datetime64())
        if moved_on.any():
            continue
        name = s.person_name.iat[holder]
        log.add(
            RECORDS_FILE, fill[ROW], "post_raw", fill["value"],
            f"a record of {name} leaving it: the last record of this post before the appointment (row {rows[holder]}, "
            f"{pd.Timestamp(start[holder]).date().isoformat()}) has {name} as its definitive holder; read as if {name} left "
            f"between {pd.Timestamp(end[holder]).date().isoformat()} and {pd.Timestamp(fill['date_earliest']).date().isoformat()}",
            "note",
        )


def check_across_records(records: pd.DataFrame, log: ProblemLog) -> None:
    """Run every cross-record check on the rows whose ids and dates could be read."""
    appointments_dated_before(records, log)
    moves_from_a_post_to_itself(records, log)
    s = sightings(records)
    two_definitive_posts_at_once(s, log)
    two_definitive_holders_at_once(s, log)
    held_after_leaving(s, log)
    durations_longer_than_the_records_allow(s, log)
    holder_not_seen_leaving(s, log)
