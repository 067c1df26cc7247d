"""Moves and vacancy chains, in the sense of Harrison White's *Chains of Opportunity* (1970).

A move is a person taking a definitive post on a date, coming from a known post or from somewhere
unknown. A vacancy travels the other way: when A leaves post X to fill Y, the vacancy moves from Y
to X; when B leaves Z to fill X, it moves on to Z; and so on, until the vacancy leaves the system
(a post left without a definitive holder), is filled from outside the government's top posts, or
the data end. Acting appointments (Plt, Plh, Pj) are not moves: the acting official keeps their own
post, so they vacate nothing (the usual case; articles rarely say otherwise).
"""

from __future__ import annotations

import bisect

import numpy as np
import pandas as pd

from .ordering import sort_by
from .vocab import RELATION_ORDER

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
    last = _last_sighting_before(fills, seen)
    from_inferred = fills.appointment_id.map(last.post_id).where(lambda p: p.ne(fills.post_id), None).astype(object)
    inferred_seen = fills.appointment_id.map(last.date_latest).where(from_inferred.notna())
    moves = fills.assign(
        move_id=fills.appointment_id,
        from_post_id=fills.previous_post_id.where(fills.previous_post_id.notna(), from_inferred),
        from_basis=fills.previous_post_id.notna().map({True: "stated", False: "unknown"}).where(
            fills.previous_post_id.notna() | from_inferred.isna(), "earlier_sighting"
        ),
        from_last_seen=pd.to_datetime(inferred_seen).astype("datetime64[ns]").where(fills.previous_post_id.isna()),
        to_post_id=fills.post_id,
    )
    same_government = moves.from_post_id.str.split("/").str[0] == moves.government_id
    moves["from_level"] = moves.from_post_id.map(level).where(same_government, "outside").fillna("unknown")
    moves.loc[moves.from_post_id.isna(), "from_level"] = "unknown"
    return moves[
        ["move_id", "source_id", "government_id", "person_id", "from_post_id", "from_basis", "from_last_seen", "from_level",
         "to_post_id", "date_earliest", "date_latest", "date_precision", "method_stated"]
    ].sort_values(["government_id", "date_earliest", "move_id"]).reset_index(drop=True)


def _rank(frame: pd.DataFrame, columns: list[str]) -> np.ndarray:
    """Each row's position in the frame sorted by `columns`: picking a group's latest row is then an
    idxmax on integers, not a sort of the merged pairs by text."""
    order = sort_by(frame.assign(_position=np.arange(len(frame))), columns)._position.to_numpy()
    rank = np.empty(len(frame), dtype=np.int64)
    rank[order] = np.arange(len(frame))
    return rank


def _last_sighting_before(fills: pd.DataFrame, seen: pd.DataFrame) -> pd.DataFrame:
    """For each fill (by appointment_id), the person's last definitive sighting on or before its date,
    other than the fill's own record: one merge on the person instead of a search per fill."""
    seen = seen.assign(rank_seen=_rank(seen, ["date_latest", "observation_id"]))
    pairs = fills[["appointment_id", "record_id", "person_id", "date_earliest"]].merge(
        seen[["person_id", "post_id", "date_latest", "observation_id", "record_id", "rank_seen"]], on="person_id", suffixes=("", "_seen")
    )
    pairs = pairs[(pairs.date_latest <= pairs.date_earliest) & (pairs.record_id_seen != pairs.record_id)]
    last = pairs.rank_seen.groupby(pairs.appointment_id).idxmax()  # latest by (date_latest, observation_id)
    return pairs.loc[last.to_numpy()].set_index("appointment_id")[["post_id", "date_latest"]]


class _DefinitiveSightings:
    """Definitive sightings of each post, sorted by date, to ask 'was anyone else seen holding it between?'.

    One array sorted by (post, date) and each post's slice of it: no per-post frames."""

    def __init__(self, observations: pd.DataFrame):
        o = observations[observations.status == DEFINITIVE].sort_values(["post_id", "date_earliest"], kind="stable")
        posts = o.post_id.to_numpy()
        starts = np.flatnonzero(np.r_[True, posts[1:] != posts[:-1]]) if len(posts) else np.zeros(0, dtype=int)
        ends = np.r_[starts[1:], len(posts)]
        self.slices = {posts[a]: (a, b) for a, b in zip(starts, ends)}
        self.earliest, self.latest, self.people = o.date_earliest.to_numpy(), o.date_latest.to_numpy(), o.person_id.to_numpy()

    def any_between(self, post_id: str, start, end, exclude_people: set) -> bool:
        """A definitive sighting of the post strictly after `start` and before `end`, by someone not excluded
        (an unnamed one counts)."""
        if post_id not in self.slices:
            return False
        a, b = self.slices[post_id]
        for i in range(a + int(np.searchsorted(self.earliest[a:b], start, side="right")), b):
            if self.earliest[i] >= end:
                break
            if self.latest[i] < end and self.people[i] not in exclude_people:
                return True
        return False


def link_moves(moves: pd.DataFrame, observations: pd.DataFrame) -> dict[str, str]:
    """For each move, the move that filled the post it vacated (its successor in the vacancy's path).

    The filler is the earliest later (or same-day) move into that post, provided nobody else was seen
    holding the post definitively in between (then the vacancy was filled by someone we did not see).
    Moves are taken in date order; a filler already linked to an earlier leaver is not taken twice.
    """
    obs = _as_ts(observations, "date_earliest", "date_latest")
    between = _DefinitiveSightings(obs)
    ordered = moves.sort_values(["date_earliest", "move_id"], kind="stable")
    fillers: dict[str, list] = {}
    for move_id, post, day, person in zip(ordered.move_id, ordered.to_post_id, ordered.date_earliest.to_numpy(), ordered.person_id):
        fillers.setdefault(post, []).append((day, move_id, person))
    filler_days = {post: [f[0] for f in rows] for post, rows in fillers.items()}
    successor: dict[str, str] = {}
    taken: set[str] = set()
    leavers = ordered[(ordered.from_level == "jptp") & ordered.from_post_id.notna()]
    for move_id, post, day, left, person in zip(
        leavers.move_id, leavers.from_post_id, leavers.date_earliest.to_numpy(), leavers.date_latest.to_numpy(), leavers.person_id
    ):
        candidates = fillers.get(post, [])
        filler = next(
            (f for f in candidates[bisect.bisect_left(filler_days.get(post, []), day):] if f[1] != move_id and f[1] not in taken), None
        )
        if filler is None:
            continue
        if not between.any_between(post, left, filler[0], {person, filler[2]}):
            successor[move_id] = filler[1]
            taken.add(filler[1])
    return successor


def _origins(firsts: pd.DataFrame, observations: pd.DataFrame) -> pd.DataFrame:
    """How each chain's first vacancy arose, as far as the sightings tell: the last sighting of the post
    on or before the first move (not the move's own record). One merge on the post for all chains."""
    observations = observations[observations.post_id.isin(set(firsts.to_post_id))]
    observations = observations.assign(
        rank_seen=_rank(observations.assign(relation_order=observations.date_relation.map(RELATION_ORDER)),
                        ["date_earliest", "relation_order", "observation_id"])
    )
    pairs = firsts[["chain_id", "to_post_id", "date_earliest", "move_id"]].merge(
        observations[["post_id", "date_earliest", "record_id", "date_relation", "observation_id", "status", "person_id", "rank_seen"]],
        left_on="to_post_id", right_on="post_id", suffixes=("_move", ""),
    )
    pairs = pairs[(pairs.date_earliest <= pairs.date_earliest_move) & (pairs.record_id != pairs.move_id)]
    last = pairs.loc[pairs.rank_seen.groupby(pairs.chain_id).idxmax().to_numpy()]  # latest by date, relation, id
    when = pd.to_datetime(last.date_earliest).dt.strftime("%Y-%m-%d")
    acting = last.status.isin(ACTING_OR_VACANT)
    detail = ("last seen " + last.status + " on " + when + " (" + last.observation_id + ")").where(
        acting,
        "last seen held by " + last.person_id.fillna("nan") + " on " + when + " (" + last.observation_id
        + "); how it fell vacant is not reported",
    )
    found = pd.DataFrame({"origin": acting.map({True: "reported_vacant", False: "unknown"}), "origin_detail": detail}).set_axis(last.chain_id)
    return found.reindex(firsts.chain_id).fillna({"origin": "unknown", "origin_detail": "no earlier sighting of the post"})


def _ends(lasts: pd.DataFrame, observations: pd.DataFrame) -> pd.DataFrame:
    """How each chain ends, and the post left without a definitive holder (if any).

    open_at_data_end: the vacated post is never seen again, so nobody can say how long it stayed empty;
    left_vacant: a later sighting shows it without that holder (acting, vacant, or a holder we never saw move in).
    """
    top = lasts[lasts.from_level == "jptp"]
    pairs = top[["chain_id", "from_post_id", "date_latest", "move_id", "person_id"]].merge(
        observations[["post_id", "date_earliest", "record_id", "person_id", "status"]],
        left_on="from_post_id", right_on="post_id", suffixes=("_move", ""),
    )
    later = pairs[(pairs.date_earliest >= pairs.date_latest) & (pairs.record_id != pairs.move_id)]
    later = later[~((later.person_id == later.person_id_move) & (later.status == DEFINITIVE))]
    seen_later = top.chain_id.isin(set(later.chain_id))
    end_type = pd.Series("filled_from_outside", index=lasts.index)
    end_type[lasts.from_level == "unknown"] = "filled_from_unknown"
    end_type[top.index] = seen_later.map({True: "left_vacant", False: "open_at_data_end"})
    end_post = lasts.from_post_id.where(lasts.from_level == "jptp")
    return pd.DataFrame({"end_type": end_type.to_numpy(), "end_post_id": end_post.to_numpy()}, index=lasts.chain_id.to_numpy())


def _paths(moves: pd.DataFrame, successor: dict[str, str]) -> list[tuple[list[str], bool]]:
    """Follow the links from each move nobody's vacancy led to; what is left lies on closed cycles (swaps)."""
    predecessors = set(successor.values())
    starts = [m for m in moves.sort_values(["date_earliest", "move_id"]).move_id if m not in predecessors]
    visited: set[str] = set()
    paths: list[tuple[list[str], bool]] = []
    for start in starts:
        path = [start]
        while path[-1] in successor:
            path.append(successor[path[-1]])
        visited.update(path)
        paths.append((path, False))
    for move_id in sorted(set(moves.move_id) - visited):
        if move_id in visited:
            continue
        path = [move_id]
        while successor[path[-1]] != move_id:
            path.append(successor[path[-1]])
        visited.update(path)
        paths.append((path, True))
    return paths


def chains(moves: pd.DataFrame, observations: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Vacancy chains: one row per chain, and one row per step (a move), in the vacancy's order."""
    obs = _as_ts(observations, "date_earliest", "date_latest")
    paths = _paths(moves, link_moves(moves, observations))
    if not paths:
        return pd.DataFrame(columns=CHAIN_COLUMNS), pd.DataFrame(columns=STEP_COLUMNS)
    rows = [(f"chain-{path[0]}", number, move_id, closed) for path, closed in paths for number, move_id in enumerate(path, start=1)]
    steps = pd.DataFrame(rows, columns=["chain_id", "step", "move_id", "closed"]).merge(
        moves.drop_duplicates("move_id"), on="move_id", how="left"
    ).sort_values(["chain_id", "step"], kind="stable").reset_index(drop=True)
    same_chain = steps.chain_id.eq(steps.chain_id.shift())
    low = (steps.date_earliest - steps.date_latest.shift()).dt.days.where(same_chain)
    high = (steps.date_latest - steps.date_earliest.shift()).dt.days.where(same_chain)
    step_table = pd.DataFrame(
        {
            "chain_id": steps.chain_id, "step": steps.step, "move_id": steps.move_id, "government_id": steps.government_id,
            "vacant_post_id": steps.to_post_id, "person_id": steps.person_id, "from_post_id": steps.from_post_id,
            "from_basis": steps.from_basis, "date_earliest": steps.date_earliest, "date_latest": steps.date_latest,
            "days_since_previous_step_min": low.clip(lower=0).astype("Int64"),
            "days_since_previous_step_max": high.astype("Int64"),
        }
    )[STEP_COLUMNS]

    g = steps.groupby("chain_id", sort=True)
    first, last = g.head(1).set_index("chain_id"), g.tail(1).set_index("chain_id")
    open_first, open_last = first[~first.closed].reset_index(), last[~last.closed].reset_index()
    origin = _origins(open_first, obs)
    end = _ends(open_last, obs)
    chain_table = pd.DataFrame(
        {
            "government_id": first.government_id,
            "first_date": g.date_earliest.min(),
            "last_date": g.date_latest.max(),
            "length_moves": g.size(),
            "same_day": (g.date_earliest.nunique() == 1) & (g.date_latest.nunique() == 1),
            "origin": origin.origin.reindex(first.index).fillna("closed"),
            "origin_detail": origin.origin_detail.reindex(first.index).fillna(
                "a closed cycle of moves (a swap): no vacancy enters from outside"
            ),
            "first_vacant_post_id": first.to_post_id,
            "end_type": end.end_type.reindex(first.index).fillna("closed"),
            "end_post_id": end.end_post_id.reindex(first.index),
        }
    )
    path_posts = g.to_post_id.agg(" -> ".join)
    chain_table["posts_in_order"] = path_posts + chain_table.end_post_id.map(lambda p: f" -> {p}" if isinstance(p, str) else "")
    chain_table = chain_table.rename_axis("chain_id").reset_index()[CHAIN_COLUMNS].sort_values("chain_id").reset_index(drop=True)
    return chain_table, step_table.sort_values(["chain_id", "step"]).reset_index(drop=True)


CHAIN_COLUMNS = ["chain_id", "government_id", "first_date", "last_date", "length_moves", "same_day", "origin", "origin_detail",
                 "first_vacant_post_id", "end_type", "end_post_id", "posts_in_order"]
STEP_COLUMNS = ["chain_id", "step", "move_id", "government_id", "vacant_post_id", "person_id", "from_post_id", "from_basis",
                "date_earliest", "date_latest", "days_since_previous_step_min", "days_since_previous_step_max"]
