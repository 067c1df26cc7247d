"""Compare the pipeline's answers on synthetic data with the truth the generator kept.

    python -m jptp.synthetic --governments 50 --seed 1 --out /tmp/synth
    python -m jptp.build --raw /tmp/synth/raw --reference /tmp/synth/reference --out /tmp/synth/processed
    python -m jptp.synthetic_check --synthetic /tmp/synth --processed /tmp/synth/processed

Two questions, because they are the promises the pipeline makes:

* Acting durations. Every reported range [days_at_least, days_at_most] must contain the true
  duration (an empty at_most is unbounded). Checked for acting stretches (how long a post waited
  for a definitive holder) and for acting spells (one status and holder). A reported stretch or
  spell is matched to the true one that holds on its last sighting. Anything below 100 % is a bug.
* Vacancy chains. A link is 'move A vacated the post that move B filled'. Precision: the share of
  the pipeline's links that are true. Recall: the share of true links found, over all true links and
  over the links whose two moves were both reported (the most the pipeline could find).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

ACTING = ("plt", "plh", "pj", "vacant")


@dataclass
class Truth:
    spells: pd.DataFrame
    moves: pd.DataFrame
    links: pd.DataFrame
    reported_moves: pd.DataFrame
    config: dict


def read_truth(folder: Path) -> Truth:
    folder = Path(folder) / "truth"
    spells = pd.read_csv(folder / "spells.csv", dtype=str, keep_default_na=False)
    spells = spells.assign(
        start=pd.to_datetime(spells.start), end=pd.to_datetime(spells.end.replace("", None)),
        start_censored=spells.start_censored.eq("true"), end_censored=spells.end_censored.eq("true"),
    )
    return Truth(
        spells,
        pd.read_csv(folder / "moves.csv", dtype=str, keep_default_na=False),
        pd.read_csv(folder / "chain_links.csv", dtype=str, keep_default_na=False),
        pd.read_csv(folder / "reported_moves.csv", dtype=str, keep_default_na=False),
        json.loads((folder / "config.json").read_text()),
    )


def true_stretches(spells: pd.DataFrame) -> pd.DataFrame:
    """Consecutive acting or vacant true spells of a post joined: the true waits for a definitive holder."""
    s = spells.sort_values(["post_id", "start"], kind="stable").reset_index(drop=True)
    acting = s.status.isin(ACTING)
    breaks = s.post_id.ne(s.post_id.shift()) | ~acting | ~acting.shift(fill_value=False)
    s = s.assign(stretch=breaks.cumsum())[acting]
    g = s.groupby("stretch", sort=False)
    last = g.tail(1).set_index("stretch")  # positional: groupby.last() would skip a missing end
    return pd.DataFrame(
        {
            "post_id": g.post_id.first(), "status": g.status.agg(">".join), "person_id": g.person_id.first(),
            "start": g.start.first(), "end": last.end, "end_censored": last.end_censored,
        }
    ).reset_index(drop=True)


def match_to_truth(reported: pd.DataFrame, truth: pd.DataFrame, on: str) -> pd.DataFrame:
    """Each reported row with the true period (same post) that holds on its `on` date.

    A period holds on day d when start <= d <= end: the end day is included because a sighting
    dated 'before' the fill day belongs to the period the fill ended.
    """
    left = reported.assign(_day=pd.to_datetime(reported[on])).sort_values("_day", kind="stable")
    right = truth.rename(columns={c: f"true_{c}" for c in truth.columns if c != "post_id"}).sort_values("true_start", kind="stable")
    m = pd.merge_asof(left, right, left_on="_day", right_on="true_start", by="post_id", direction="backward")
    m["matched"] = m.true_start.notna() & (m.true_end.isna() | (m._day <= m.true_end))
    return m.drop(columns="_day")


def zero_waits(m: pd.DataFrame, spells: pd.DataFrame) -> pd.DataFrame:
    """A reported wait whose last day has no true acting period, because the post changed definitive
    holders that very day, was truly a wait of 0 days (a same-day fill nobody reported): judge it so."""
    day = pd.to_datetime(m.end_earliest)
    starts = set(zip(spells.post_id[spells.status.eq("definitive")], spells.start[spells.status.eq("definitive")]))
    zero = ~m.matched & pd.Series([(p, d) in starts for p, d in zip(m.post_id, day)], index=m.index, dtype=bool)
    return m.assign(
        matched=m.matched | zero,
        true_start=m.true_start.where(~zero, day), true_end=m.true_end.where(~zero, day),
        true_end_censored=m.true_end_censored.where(~zero, False),
    )


def status_runs(spells: pd.DataFrame) -> pd.DataFrame:
    """Consecutive true spells of one post in the same status joined, whoever held them: what a spell
    of unnamed sightings ('dijabat Plt', no name) can be compared with."""
    s = spells.sort_values(["post_id", "start"], kind="stable").reset_index(drop=True)
    breaks = s.post_id.ne(s.post_id.shift()) | s.status.ne(s.status.shift())
    s = s.assign(run=breaks.cumsum())
    g = s.groupby("run", sort=False)
    last = g.tail(1).set_index("run")
    runs = pd.DataFrame(
        {"post_id": g.post_id.first(), "status": g.status.first(), "person_id": None, "start": g.start.first(),
         "end": last.end, "end_censored": last.end_censored}
    ).reset_index(drop=True)
    return runs[runs.status.isin(ACTING)]


def match_by_holder(reported: pd.DataFrame, truth: pd.DataFrame) -> pd.DataFrame:
    """Each named reported spell with the true spell of the same holder in the same post that overlaps
    its window [start_earliest, end_latest] (the closest start if the holder acted there twice)."""
    left = reported.reset_index(drop=True).assign(_row=lambda d: d.index)
    right = truth.rename(columns={c: f"true_{c}" for c in truth.columns if c != "post_id"})
    m = left.merge(right, left_on=["post_id", "holder_person_id"], right_on=["post_id", "true_person_id"], how="left")
    start_earliest, end_latest = pd.to_datetime(m.start_earliest), pd.to_datetime(m.end_latest)
    overlaps = m.true_start.notna() & (end_latest.isna() | (m.true_start <= end_latest)) & (
        m.true_end.isna() | start_earliest.isna() | (m.true_end >= start_earliest)
    )
    m = m[overlaps].assign(_gap=(m.true_start - pd.to_datetime(m.start_latest)).abs())
    best = m.sort_values(["_row", "_gap"]).groupby("_row").head(1).set_index("_row")
    out = left.join(best[[c for c in best.columns if c.startswith("true_")]], on="_row")
    return out.assign(matched=out.true_start.notna()).drop(columns="_row")


def judge_ranges(m: pd.DataFrame, data_end: pd.Timestamp, same_status: bool = False) -> pd.DataFrame:
    """true_days and whether the reported range holds it; an open true period is only known to be at least so long.

    With `same_status`, a reported spell whose true period has another status is counted apart
    (status_differs) rather than judged on its length."""
    done = m.matched & m.true_end.notna() & ~m.true_end_censored.astype("boolean").fillna(False).astype(bool)
    true_days = (m.true_end - m.true_start).dt.days
    seen_days = (data_end - m.true_start).dt.days  # a period still open at the end: at least this long
    at_least = pd.to_numeric(m.days_at_least)
    at_most = pd.to_numeric(m.days_at_most)
    other_status = m.matched & m.true_status.ne(m.status) if same_status else pd.Series(False, index=m.index)
    result = np.select(
        [~m.matched, other_status, ~done & at_least.le(seen_days), ~done, at_least.gt(true_days), at_most.lt(true_days)],
        ["no_true_period", "status_differs", "open_ok", "at_least_too_long", "at_least_too_long", "at_most_too_short"],
        default="inside",
    )
    return m.assign(true_days=true_days.where(done), width=(at_most - at_least), result=result)


def chain_links(chain_steps: pd.DataFrame) -> pd.DataFrame:
    """The pipeline's links: consecutive steps of a chain (the vacancy moved from one to the next)."""
    s = chain_steps.sort_values(["chain_id", "step"])
    nxt = s.groupby("chain_id").move_id.shift(-1)
    return pd.DataFrame({"record_id": s.move_id, "next_record_id": nxt}).dropna().reset_index(drop=True)


def link_scores(chain_steps: pd.DataFrame, truth: Truth) -> dict:
    record_to_move = dict(zip(truth.reported_moves.record_id, truth.reported_moves.move_id))
    found = chain_links(chain_steps)
    found = found.assign(move_id=found.record_id.map(record_to_move), next_move_id=found.next_record_id.map(record_to_move))
    true = set(zip(truth.links.move_id, truth.links.next_move_id))
    found_pairs = set(zip(found.move_id, found.next_move_id))
    reported = set(truth.reported_moves.move_id)
    observable = {(a, b) for a, b in true if a in reported and b in reported}
    hits = found_pairs & true
    return {
        "links_found": len(found_pairs), "links_true": len(true), "links_observable": len(observable), "links_correct": len(hits),
        "precision": len(hits) / len(found_pairs) if found_pairs else float("nan"),
        "recall": len(hits) / len(true) if true else float("nan"),
        "recall_observable": len(hits) / len(observable) if observable else float("nan"),
    }


def read_processed(folder: Path, *names: str) -> dict[str, pd.DataFrame]:
    return {n: pd.read_csv(Path(folder) / f"{n}.csv", dtype={"move_id": str, "record_id": str}, keep_default_na=True) for n in names}


def check(synthetic: Path, processed: Path) -> dict:
    """Every figure of the comparison, as a dict (the notebook draws them, the command prints them)."""
    truth = read_truth(synthetic)
    data_end = pd.Timestamp(f"{truth.config['start_year'] + truth.config['years']}-01-01")
    t = read_processed(processed, "acting_stretches", "status_spells", "chain_steps")
    matched = zero_waits(match_to_truth(t["acting_stretches"], true_stretches(truth.spells), "end_earliest"), truth.spells)
    stretches = judge_ranges(matched, data_end)
    # 'vacant' means no acting holder was *mentioned* (it is inferred after a move): the stretches check it
    acting_spells = t["status_spells"][t["status_spells"].status.isin(["plt", "plh", "pj"])]
    named = acting_spells[acting_spells.holder_person_id.notna()]
    unnamed = acting_spells[acting_spells.holder_person_id.isna()]
    true_acting = truth.spells[truth.spells.status.isin(ACTING)][["post_id", "status", "person_id", "start", "end", "end_censored"]]
    spells = pd.concat(
        [
            judge_ranges(match_by_holder(named, true_acting), data_end, same_status=True),
            judge_ranges(match_to_truth(unnamed, status_runs(truth.spells), "end_earliest"), data_end, same_status=True),
        ],
        ignore_index=True,
    )
    return {"config": truth.config, "stretches": stretches, "spells": spells, "links": link_scores(t["chain_steps"], truth)}


def coverage(judged: pd.DataFrame) -> dict:
    """Share of matched, finished true periods whose duration lies inside the reported range."""
    counted = judged[judged.result.isin(["inside", "at_least_too_long", "at_most_too_short"])]
    counts = judged.result.value_counts().to_dict()
    return {"n": len(counted), "inside": int((counted.result == "inside").sum()),
            "coverage": float((counted.result == "inside").mean()) if len(counted) else float("nan"), "results": counts}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--synthetic", type=Path, required=True, help="the generator's --out folder (with truth/)")
    parser.add_argument("--processed", type=Path, required=True, help="the build's --out folder")
    args = parser.parse_args(argv)
    result = check(args.synthetic, args.processed)
    for name in ("stretches", "spells"):
        c = coverage(result[name])
        print(f"acting {name}: {c['inside']} of {c['n']} true durations inside the reported range ({c['coverage']:.2%}); {c['results']}")
    links = result["links"]
    print(f"chain links: precision {links['precision']:.1%} ({links['links_correct']} of {links['links_found']} found links are true), "
          f"recall {links['recall']:.1%} of {links['links_true']} true links, {links['recall_observable']:.1%} of the "
          f"{links['links_observable']} whose two moves were both reported")
    ok = all(coverage(result[n])["coverage"] == 1.0 for n in ("stretches", "spells") if coverage(result[n])["n"])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
