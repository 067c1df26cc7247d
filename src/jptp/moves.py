"""Moves and vacancy chains, in the sense of Harrison White's *Chains of Opportunity* (1970).

A move is a person taking a definitive post on a date, coming from a known post or from somewhere
unknown. A vacancy travels the other way: when A leaves post X to fill Y, the vacancy moves from Y
to X; when B leaves Z to fill X, it moves on to Z; and so on, until the vacancy leaves the system
(a post left without a definitive holder), is filled from outside the government's top posts, or
the data end. Acting appointments (Plt, Plh, Pj) are not moves: the acting official keeps their own
post, so they vacate nothing (the usual case; articles rarely say otherwise).
"""

from __future__ import annotations

import pandas as pd

ACTING_OR_VACANT = ("plt", "plh", "pj", "vacant")
DEFINITIVE = "definitive"


def _as_ts(frame: pd.DataFrame, *columns: str) -> pd.DataFrame:
    return frame.assign(**{c: pd.to_datetime(frame[c]) for c in columns})


def moves_table(appointments: pd.DataFrame, observations: pd.DataFrame, posts: pd.DataFrame) -> pd.DataFrame:
    """Definitive appointments as moves, each with where the person came from and how we know.

    from_basis is 'stated' (the article names the previous post), 'earlier_sighting' (the person
    was last seen in another definitive post of the same government, and nowhere else since), or
    'unknown'.
    """
    level = posts.set_index("post_id").level
    fills = _as_ts(appointments[appointments.status == DEFINITIVE], "date_earliest", "date_latest")
    seen = _as_ts(observations[(observations.status == DEFINITIVE) & observations.person_id.notna()], "date_earliest", "date_latest")

    def earlier_post(fill) -> tuple[str | None, pd.Timestamp | None]:
        before = seen[(seen.person_id == fill.person_id) & (seen.date_latest <= fill.date_earliest) & (seen.record_id != fill.record_id)]
        before = before.sort_values(["date_latest", "observation_id"])
        if before.empty or before.iloc[-1].post_id == fill.post_id:
            return None, None
        last = before.iloc[-1]
        return last.post_id, last.date_latest

    inferred = [earlier_post(f) for f in fills.itertuples()]
    from_inferred = pd.Series([p for p, _ in inferred], index=fills.index, dtype=object)
    moves = fills.assign(
        move_id=fills.appointment_id,
        from_post_id=fills.previous_post_id.where(fills.previous_post_id.notna(), from_inferred),
        from_basis=fills.previous_post_id.notna().map({True: "stated", False: "unknown"}).where(
            fills.previous_post_id.notna() | from_inferred.isna(), "earlier_sighting"
        ),
        from_last_seen=pd.Series([d for _, d in inferred], index=fills.index, dtype="datetime64[ns]").where(fills.previous_post_id.isna()),
        to_post_id=fills.post_id,
    )
    same_government = moves.from_post_id.str.split("/").str[0] == moves.government_id
    moves["from_level"] = moves.from_post_id.map(level).where(same_government, "outside").fillna("unknown")
    moves.loc[moves.from_post_id.isna(), "from_level"] = "unknown"
    return moves[
        ["move_id", "source_id", "government_id", "person_id", "from_post_id", "from_basis", "from_last_seen", "from_level",
         "to_post_id", "date_earliest", "date_latest", "date_precision", "method_stated"]
    ].sort_values(["government_id", "date_earliest", "move_id"]).reset_index(drop=True)


def _definitive_sighting_between(observations: pd.DataFrame, post_id: str, start, end, exclude_people: set) -> bool:
    o = observations
    mask = (o.post_id == post_id) & (o.status == DEFINITIVE) & (o.date_earliest > start) & (o.date_latest < end)
    return bool((mask & ~o.person_id.isin(exclude_people)).any())


def link_moves(moves: pd.DataFrame, observations: pd.DataFrame) -> dict[str, str]:
    """For each move, the move that filled the post it vacated (its successor in the vacancy's path).

    The filler is the earliest later (or same-day) move into that post, provided nobody else was seen
    holding the post definitively in between (then the vacancy was filled by someone we did not see).
    """
    obs = _as_ts(observations, "date_earliest", "date_latest")
    successor: dict[str, str] = {}
    taken: set[str] = set()
    for move in moves.sort_values(["date_earliest", "move_id"]).itertuples():
        if move.from_level != "jptp" or pd.isna(move.from_post_id):
            continue
        candidates = moves[
            (moves.to_post_id == move.from_post_id) & (moves.date_earliest >= move.date_earliest)
            & (moves.move_id != move.move_id) & ~moves.move_id.isin(taken)
        ].sort_values(["date_earliest", "move_id"])
        if candidates.empty:
            continue
        filler = candidates.iloc[0]
        if not _definitive_sighting_between(obs, move.from_post_id, move.date_latest, filler.date_earliest, {move.person_id, filler.person_id}):
            successor[move.move_id] = filler.move_id
            taken.add(filler.move_id)
    return successor


def _origin(first, observations: pd.DataFrame) -> tuple[str, str]:
    """How the chain's first vacancy arose, as far as the sightings tell."""
    o = observations[(observations.post_id == first.to_post_id) & (observations.date_earliest <= first.date_earliest) & (observations.record_id != first.move_id)]
    o = o.assign(relation_order=o.date_relation.map({"before": 0, "on": 1})).sort_values(["date_earliest", "relation_order", "observation_id"])
    if o.empty:
        return "unknown", "no earlier sighting of the post"
    last = o.iloc[-1]
    when = pd.Timestamp(last.date_earliest).date().isoformat()
    if last.status in ACTING_OR_VACANT:
        return "reported_vacant", f"last seen {last.status} on {when} ({last.observation_id})"
    return "unknown", f"last seen held by {last.person_id} on {when} ({last.observation_id}); how it fell vacant is not reported"


def _end(last, observations: pd.DataFrame) -> tuple[str, str | None]:
    """How the chain ends, and the post left without a definitive holder (if any).

    open_at_data_end: the vacated post is never seen again, so nobody can say how long it stayed empty;
    left_vacant: a later sighting shows it without that holder (acting, vacant, or a holder we never saw move in).
    """
    if last.from_level == "unknown":
        return "filled_from_unknown", None
    if last.from_level != "jptp":
        return "filled_from_outside", None
    later = observations[(observations.post_id == last.from_post_id) & (observations.date_earliest >= last.date_latest) & (observations.record_id != last.move_id)]
    later = later[~((later.person_id == last.person_id) & (later.status == DEFINITIVE))]
    return ("open_at_data_end" if later.empty else "left_vacant"), last.from_post_id


def chains(moves: pd.DataFrame, observations: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Vacancy chains: one row per chain, and one row per step (a move), in the vacancy's order."""
    obs = _as_ts(observations, "date_earliest", "date_latest")
    successor = link_moves(moves, observations)
    predecessors = set(successor.values())
    by_id = moves.set_index("move_id", drop=False)
    starts = [m for m in moves.sort_values(["date_earliest", "move_id"]).move_id if m not in predecessors]
    visited: set[str] = set()
    paths: list[tuple[list[str], bool]] = []
    for start in starts:
        path = [start]
        while path[-1] in successor:
            path.append(successor[path[-1]])
        visited.update(path)
        paths.append((path, False))
    for move_id in sorted(set(moves.move_id) - visited):  # what is left lies on closed cycles (swaps)
        if move_id in visited:
            continue
        path = [move_id]
        while successor[path[-1]] != move_id:
            path.append(successor[path[-1]])
        visited.update(path)
        paths.append((path, True))

    chain_rows, step_rows = [], []
    for path, closed in paths:
        steps = by_id.loc[path]
        first, last = steps.iloc[0], steps.iloc[-1]
        chain_id = f"chain-{first.move_id}"
        if closed:
            origin, origin_detail = "closed", "a closed cycle of moves (a swap): no vacancy enters from outside"
            end_type, end_post = "closed", None
        else:
            origin, origin_detail = _origin(first, obs)
            end_type, end_post = _end(last, obs)
        gap_min = (steps.date_earliest - steps.date_latest.shift()).dt.days
        gap_max = (steps.date_latest - steps.date_earliest.shift()).dt.days
        for number, (step, low, high) in enumerate(zip(steps.itertuples(), gap_min, gap_max), start=1):
            step_rows.append(
                {
                    "chain_id": chain_id, "step": number, "move_id": step.move_id, "government_id": step.government_id,
                    "vacant_post_id": step.to_post_id, "person_id": step.person_id, "from_post_id": step.from_post_id,
                    "from_basis": step.from_basis, "date_earliest": step.date_earliest, "date_latest": step.date_latest,
                    "days_since_previous_step_min": max(low, 0) if pd.notna(low) else pd.NA,
                    "days_since_previous_step_max": high if pd.notna(high) else pd.NA,
                }
            )
        chain_rows.append(
            {
                "chain_id": chain_id, "government_id": first.government_id, "first_date": steps.date_earliest.min(),
                "last_date": steps.date_latest.max(), "length_moves": len(path), "same_day": steps.date_earliest.nunique() == 1 and steps.date_latest.nunique() == 1,
                "origin": origin, "origin_detail": origin_detail, "first_vacant_post_id": first.to_post_id,
                "end_type": end_type, "end_post_id": end_post, "posts_in_order": " -> ".join([*steps.to_post_id, *([end_post] if end_post else [])]),
            }
        )
    chain_table = pd.DataFrame(chain_rows, columns=CHAIN_COLUMNS).sort_values("chain_id").reset_index(drop=True)
    step_table = pd.DataFrame(step_rows, columns=STEP_COLUMNS).sort_values(["chain_id", "step"]).reset_index(drop=True)
    return chain_table, step_table


CHAIN_COLUMNS = ["chain_id", "government_id", "first_date", "last_date", "length_moves", "same_day", "origin", "origin_detail",
                 "first_vacant_post_id", "end_type", "end_post_id", "posts_in_order"]
STEP_COLUMNS = ["chain_id", "step", "move_id", "government_id", "vacant_post_id", "person_id", "from_post_id", "from_basis",
                "date_earliest", "date_latest", "days_since_previous_step_min", "days_since_previous_step_max"]
