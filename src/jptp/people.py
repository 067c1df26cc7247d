"""People: academic titles and degrees split off the name, and one stable id per person.

Names are kept as written ('Moh. Ali Kuncoro'): an abbreviation is never expanded, because 'Moh.'
may stand for Mohammad, Muhammad or Mochamad, and expanding it would merge different people.
Two spellings are one person only when the person alias table says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .problems import NormalizationError
from .text import clean_text, fold, slug

_DEGREE_SHAPE = re.compile(r"^(?:[SMD]\.?\s?[A-Z][A-Za-z]{0,5}\.?|[A-Z][a-z]?\.[A-Z][a-z]?\.?|Ph\.?D\.?|MBA\.?|MM\.?)$")


@dataclass(frozen=True)
class PersonName:
    """A name as written, split into the person's name and the titles around it."""

    name: str
    prefix_titles: tuple[str, ...] = ()
    suffix_titles: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return person_key(self.name)


def person_key(name: str) -> str:
    """Folded name used to match people: case, dots and spacing do not matter, letters do."""
    return fold(name)


_NO_DOTS_OR_SPACES = {ord("."): None, ord(" "): None, ord("\t"): None, ord("\n"): None}


_TITLE_KEYS: dict[str, str] = {}  # token -> title key; names and titles repeat, so each token is keyed once
_DEGREE_SHAPED: dict[str, bool] = {}


def _title_key(token: str) -> str:
    key = _TITLE_KEYS.get(token)
    if key is None:
        key = _TITLE_KEYS[token] = token.translate(_NO_DOTS_OR_SPACES).casefold()
    return key


def _degree_shaped(token: str) -> bool:
    shaped = _DEGREE_SHAPED.get(token)
    if shaped is None:
        shaped = _DEGREE_SHAPED[token] = bool(_DEGREE_SHAPE.match(token))
    return shaped


def split_titles(raw: object, prefixes: set[str], suffixes: set[str]) -> PersonName:
    """Split 'Drs. H. Suwandi, M.M.' into name 'Suwandi' and titles ('Drs.', 'H.'), ('M.M.',).

    `prefixes` and `suffixes` are title keys (dots and case removed) from the reference table.
    Everything after the first comma must be degrees; a degree-shaped token at the end of the
    name is taken as a degree too ('Suwandi M.Si').
    """
    text = clean_text(raw)
    if not text:
        raise NormalizationError("a person's name")
    head, _, tail = text.partition(",")
    tokens = head.split()
    prefix = []
    while len(tokens) > 1 and _title_key(tokens[0]) in prefixes:
        prefix.append(tokens.pop(0))
    suffix = []
    while len(tokens) > 1 and (_title_key(tokens[-1]) in suffixes or _degree_shaped(tokens[-1])):
        suffix.insert(0, tokens.pop())
    for part in (p.strip() for p in tail.split(",")):
        if not part:
            continue
        for token in part.split():
            if _title_key(token) not in suffixes and not _degree_shaped(token):
                raise NormalizationError(
                    f"only degrees after a comma in a name (such as 'S.Pd.', 'M.M.'); {token!r} is not one — "
                    "add it to data/reference/academic_titles.csv if it is a degree"
                )
            suffix.append(token)
    name = " ".join(tokens)
    if not any(ch.isalpha() for ch in name):
        raise NormalizationError("a person's name with letters in it")
    if not slug(name):  # the id is made of the letters a-z: without any, different names would share the id ''
        raise NormalizationError("a person's name with letters a-z in it, from which the person id is made")
    return PersonName(name, tuple(prefix), tuple(suffix))


def person_id(name: str) -> str:
    """Stable id from the name as written (titles removed): 'Moh. Ali Kuncoro' -> 'moh-ali-kuncoro'."""
    return slug(name)
