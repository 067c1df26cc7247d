"""Controlled vocabularies: events the coder chooses, and the article's words mapped to codes.

The word lists (status, method, stage) live in data/reference/terms.csv so that an analyst can add
a new spelling without touching code; the codes themselves are fixed here because the analyses
depend on them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .problems import NormalizationError
from .text import clean_text, fold, parenthetical_variants, replace_words

EVENTS = {
    "inaugurated": "sworn into a post (dilantik) on the date",
    "appointed": "appointed to a post (ditetapkan, mengisi jabatan) without an inauguration reported",
    "seen_in_post": "named as holding a post on the date",
    "reported_vacant": "a post reported empty (kosong, lowong), with or without an acting holder",
    "vacancy_count": "a number of empty posts given without naming them",
    "fill_announced": "a plan to fill posts by a method (an open selection, a competency test for rotation)",
    "selection_stage": "one stage of a selection, as the article lists it",
}
STATUSES = ("definitive", "plt", "plh", "pj", "vacant")
ACTING_STATUSES = ("plt", "plh", "pj")
METHODS = ("open_selection", "rotation", "promotion", "mutation", "demotion", "designation")
STAGES = (
    "administrative_preparation", "announcement", "registration", "administrative_screening",
    "competency_assessment", "paper", "interview", "decision", "inauguration",
)
CODES = {"status": STATUSES, "method": METHODS, "stage": STAGES}
DATE_RELATIONS = {"on": "the fact held on the date", "before": "the fact held up to the date (just before it)"}
RELATION_ORDER = {"before": 0, "on": 1}  # on one day, what held up to it comes before what holds on it

NUMBER_WORDS = {
    "satu": 1, "se": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
    "sembilan": 9, "sepuluh": 10, "sebelas": 11,
}
APPROXIMATE_WORDS = ("sekitar", "kurang lebih", "kira kira", "hampir", "lebih dari", "lebih kurang", "sedikitnya")
UNIT_DAYS = {"hari": (1, 1), "minggu": (7, 7), "pekan": (7, 7), "bulan": (28, 31), "tahun": (365, 366)}
MAX_COUNT = 9999  # more posts than any government has: a typo, and too big for the integer columns
MAX_DURATION_DAYS = 36525  # a century: longer is a typo, and would reach past the dates pandas can hold


class TermLookup:
    """Maps the article's words to codes, per field, from the reference table."""

    def __init__(self, terms: dict[str, dict[str, str]], spelling: dict[str, str] | None = None):
        self.spelling = {fold(k): fold(v) for k, v in (spelling or {}).items()}
        self.terms = {f: {self._key(t): c for t, c in mapping.items()} for f, mapping in terms.items()}

    def _key(self, text: str) -> str:
        return replace_words(fold(text), self.spelling)

    def code(self, field: str, raw: object) -> str:
        """The code for a raw term; every bracketed reading must agree ('Seleksi Terbuka (Selter)')."""
        found = {self._key(v): self.terms[field].get(self._key(v)) for v in parenthetical_variants(clean_text(raw))}
        codes = {c for c in found.values() if c}
        if len(codes) == 1:
            return codes.pop()
        known = ", ".join(sorted(set(self.terms[field].values())))
        if not codes:
            raise NormalizationError(
                f"a {field} term listed in data/reference/terms.csv (codes: {known}); add the spelling there if it is one"
            )
        raise NormalizationError(f"one {field}: the readings {sorted(found)} give different codes {sorted(codes)}")


@dataclass(frozen=True)
class Count:
    value: int | None
    approximate: bool


def parse_count(raw: object) -> Count:
    """'lima' -> 5, 'sekitar tujuh' -> about 7, '12' -> 12, 'beberapa' -> unknown, approximately."""
    text = fold(raw)
    approximate = any(text.startswith(w + " ") for w in APPROXIMATE_WORDS)
    for word in APPROXIMATE_WORDS:
        text = re.sub(rf"^{word}\s+", "", text)
    if text in ("beberapa", "sejumlah"):
        return Count(None, True)
    if re.fullmatch(r"[0-9]+", text):  # ASCII digits: str.isdigit() also takes '²', which int() rejects
        if int(text) > MAX_COUNT:
            raise NormalizationError(f"a count of posts up to {MAX_COUNT}, in digits or Indonesian words ('lima', 'sekitar tujuh', '12')")
        return Count(int(text), approximate)
    if text in NUMBER_WORDS:
        return Count(NUMBER_WORDS[text], approximate)
    if m := re.fullmatch(r"(\w+) belas", text):
        if m[1] in NUMBER_WORDS:
            return Count(NUMBER_WORDS[m[1]] + 10, approximate)
    if m := re.fullmatch(r"(\w+) puluh(?: (\w+))?", text):
        tens, ones = NUMBER_WORDS.get(m[1]), NUMBER_WORDS.get(m[2] or "satu") if m[2] else 0
        if tens is not None and ones is not None:
            return Count(tens * 10 + ones, approximate)
    raise NormalizationError("a count in digits or Indonesian words ('lima', 'sekitar tujuh', '12', 'beberapa')")


@dataclass(frozen=True)
class StatedDuration:
    days_min: int
    days_max: int | None  # None: open-ended ('lebih dari delapan bulan')


def parse_duration(raw: object) -> StatedDuration:
    """'delapan bulan' -> 224 to 248 days; 'lebih dari 3 bulan' -> at least 84 days, no upper bound."""
    text = fold(raw)
    for prefix in ("sudah", "selama", "hampir"):
        text = re.sub(rf"^{prefix}\s+", "", text)
    at_least = bool(re.match(r"^(lebih dari|sedikitnya|minimal)\s+", text))
    m = re.fullmatch(r"(?:(?:lebih dari|sedikitnya|minimal|sekitar|kurang lebih)\s+)?(.+?)\s+(hari|minggu|pekan|bulan|tahun)(?: lebih)?", text)
    if not m:
        raise NormalizationError("a duration such as 'delapan bulan', '3 bulan', '45 hari' or 'lebih dari satu tahun'")
    number = parse_count(m[1]).value
    if number is None:
        raise NormalizationError("a duration with a number ('delapan bulan'), not 'beberapa bulan'")
    low, high = UNIT_DAYS[m[2]]
    if number * low > MAX_DURATION_DAYS:
        raise NormalizationError("a duration of at most a century ('delapan bulan', 'lebih dari satu tahun')")
    open_ended = at_least or text.endswith(" lebih")
    return StatedDuration(number * low, None if open_ended else number * high)
