"""The reference tables in data/reference/: governments, posts, aliases, spellings, terms, titles.

They are data so that an analyst extends them without touching code; this module reads them once
and checks them, so a broken reference row is reported like a broken raw row.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import vocab
from .paths import REFERENCE
from .posts import PostResolver
from .problems import NormalizationError, ProblemLog
from .readers import ROW, read_table
from .text import fold

COLUMNS = {
    "governments.csv": ["government_id", "name", "kind", "province", "note"],
    "government_aliases.csv": ["government_id", "alias"],
    "posts.csv": ["post_id", "government_id", "name", "short_name", "unit_type", "level", "asisten_number", "note"],
    "post_aliases.csv": ["government_id", "alias", "post_id", "inferred", "note"],
    "person_aliases.csv": ["name", "government_id", "person_id", "note"],
    "spelling_fixes.csv": ["variant", "standard", "note"],
    "terms.csv": ["field", "term", "code", "note"],
    "academic_titles.csv": ["title", "position", "kind"],
    "acting_limits.csv": ["status", "post_scope", "initial_days", "renewals", "max_total_days", "legal_source", "note"],
}
BOOLEAN = {"true": True, "false": False, "": False}


@dataclass
class Reference:
    governments: pd.DataFrame
    government_aliases: pd.DataFrame
    posts: pd.DataFrame
    post_aliases: pd.DataFrame
    person_aliases: pd.DataFrame
    spelling_fixes: pd.DataFrame
    terms: pd.DataFrame
    academic_titles: pd.DataFrame
    acting_limits: pd.DataFrame

    def limits(self) -> pd.DataFrame:
        """The legal limits on acting terms, with day counts as numbers."""
        return self.acting_limits.astype({"initial_days": int, "renewals": int, "max_total_days": int})

    def government_lookup(self) -> dict[str, str]:
        return {fold(a): g for g, a in zip(self.government_aliases.government_id, self.government_aliases.alias)}

    def post_resolver(self) -> PostResolver:
        names = self.government_aliases.groupby("government_id")["alias"].apply(list).to_dict()
        for g, n in zip(self.governments.government_id, self.governments.name):
            names.setdefault(g, []).append(n)
        rows = zip(
            self.post_aliases.government_id, self.post_aliases.alias, self.post_aliases.post_id,
            self.post_aliases.inferred.map(BOOLEAN),
        )
        return PostResolver(rows, names, self.spelling())

    def term_lookup(self) -> vocab.TermLookup:
        table = {f: {} for f in vocab.CODES}
        for field, term, code in zip(self.terms.field, self.terms.term, self.terms.code):
            table[field][fold(term)] = code
        return vocab.TermLookup(table, self.spelling())

    def title_keys(self, position: str) -> set[str]:
        rows = self.academic_titles[self.academic_titles.position == position]
        return {t.replace(".", "").replace(" ", "").casefold() for t in rows.title}

    def person_overrides(self) -> dict[tuple[str, str], str]:
        """(government_id or '', folded name) -> person_id: merges spellings, or splits namesakes by government."""
        a = self.person_aliases
        return {(g, fold(n)): p for n, g, p in zip(a.name, a.government_id, a.person_id)}

    def spelling(self) -> dict[str, str]:
        return dict(zip(self.spelling_fixes.variant, self.spelling_fixes.standard))


def _check(ref: Reference, log: ProblemLog) -> None:
    """Keys unique, foreign keys known, codes in the vocabulary."""

    def bad(frame, file, column, mask, expected):
        for row, value in zip(frame.loc[mask, ROW], frame.loc[mask, column]):
            log.add(file, row, column, value, expected)

    governments = set(ref.governments.government_id)
    posts = set(ref.posts.post_id)
    bad(ref.governments, "governments.csv", "government_id", ref.governments.government_id.duplicated(), "a unique government_id")
    bad(ref.posts, "posts.csv", "post_id", ref.posts.post_id.duplicated(), "a unique post_id")
    bad(ref.posts, "posts.csv", "government_id", ~ref.posts.government_id.isin(governments), "a government_id from governments.csv")
    bad(ref.posts, "posts.csv", "level", ~ref.posts.level.isin(["jptp", "kepala_daerah", "other"]), "jptp, kepala_daerah or other")
    for frame, file in [(ref.government_aliases, "government_aliases.csv"), (ref.post_aliases, "post_aliases.csv")]:
        bad(frame, file, "government_id", ~frame.government_id.isin(governments), "a government_id from governments.csv")
    bad(ref.post_aliases, "post_aliases.csv", "post_id", ~ref.post_aliases.post_id.isin(posts), "a post_id from posts.csv")
    bad(ref.post_aliases, "post_aliases.csv", "inferred", ~ref.post_aliases.inferred.isin(BOOLEAN), "true or false")
    same_gov = ref.post_aliases.post_id.str.split("/").str[0] == ref.post_aliases.government_id
    bad(ref.post_aliases, "post_aliases.csv", "post_id", ~same_gov, "a post of the alias's own government")
    bad(ref.terms, "terms.csv", "field", ~ref.terms.field.isin(list(vocab.CODES)), f"one of {', '.join(vocab.CODES)}")
    for field, codes in vocab.CODES.items():
        mask = (ref.terms.field == field) & ~ref.terms.code.isin(codes)
        bad(ref.terms, "terms.csv", "code", mask, f"a {field} code: {', '.join(codes)}")
    bad(ref.academic_titles, "academic_titles.csv", "position", ~ref.academic_titles.position.isin(["prefix", "suffix"]), "prefix or suffix")
    lim = ref.acting_limits
    bad(lim, "acting_limits.csv", "status", ~lim.status.isin(["plt", "plh", "pj", "vacant"]), "plt, plh, pj or vacant")
    bad(lim, "acting_limits.csv", "post_scope", ~lim.post_scope.isin(["any", "sekda", "kepala_daerah"]), "any, sekda or kepala_daerah")
    for column in ["initial_days", "renewals", "max_total_days"]:
        bad(lim, "acting_limits.csv", column, ~lim[column].str.fullmatch(r"\d+"), "a whole number of days (or renewals)")
    bad(lim, "acting_limits.csv", "legal_source", lim.legal_source.eq(""), "the regulation the limit comes from")
    bad(lim, "acting_limits.csv", "status", lim.duplicated(["status", "post_scope"]), "one row per status and post_scope")
    dup_alias = ref.government_aliases.assign(k=ref.government_aliases.alias.map(fold)).duplicated("k")
    bad(ref.government_aliases, "government_aliases.csv", "alias", dup_alias, "each alias once (one government per name)")


def load_reference(log: ProblemLog, folder: Path = REFERENCE) -> Reference:
    frames = {
        file.removesuffix(".csv"): read_table(folder / file, columns, log) for file, columns in COLUMNS.items()
    }
    ref = Reference(**frames)
    if not log.unreadable & set(COLUMNS):  # a table without its columns would fail every check for that one cause
        _check(ref, log)
    return ref


def safe_post_resolver(ref: Reference, log: ProblemLog) -> PostResolver | None:
    try:
        return ref.post_resolver()
    except NormalizationError as error:
        log.add("post_aliases.csv", 0, "alias", "", str(error))
        return None
