"""Text folding shared by every normalizer: one definition of 'the same string'."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# Characters a cell can hold without showing them: zero-width space, word joiner, a stray byte-order
# mark (a file saved twice with one), soft hyphen.
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad]")
_PUNCT = re.compile(r"[^\w\s()]", flags=re.UNICODE)
_PARENS = re.compile(r"\(([^()]*)\)")


_ALREADY_CLEAN = re.compile(r"(?:[!-~]+(?: [!-~]+)*)?")  # printable ASCII, single spaces inside, none at the ends


def clean_text(value: object) -> str:
    """Drop invisible characters, NFKC-normalise, turn non-breaking and other odd spaces into plain
    ones, trim and collapse.

    Spreadsheets leave non-breaking spaces, tabs and doubled spaces in cells that look identical
    to a reader; after this they are identical to the code too. Applying it twice changes nothing.
    """
    if value is None:
        return ""
    if isinstance(value, str) and _ALREADY_CLEAN.fullmatch(value):
        return value  # the common case: printable ASCII holds no invisible character and NFKC leaves it unchanged
    text = _INVISIBLE.sub("", str(value))  # first: removing one could let NFKC compose what it separated
    text = unicodedata.normalize("NFKC", text).replace("\u00a0", " ")
    return _SPACES.sub(" ", text).strip()


def fold(value: object) -> str:
    """Case- and punctuation-insensitive key: 'Moh.' and 'moh' fold alike, parentheses survive."""
    text = clean_text(value).casefold()
    text = _PUNCT.sub(" ", text.replace("'", "").replace("’", ""))
    return _SPACES.sub(" ", text).strip()


def parenthetical_variants(value: str) -> list[str]:
    """The readings of 'Long Name (ACRONYM) Kota X': the text outside the brackets, then each inside.

    Articles write a post as 'Kepala Dinas Pendidikan dan Kebudayaan (Kadisdikbud) Kota Metro';
    either reading should find the same post, and the caller checks that they agree.
    """
    text = clean_text(value)
    if "(" not in text:
        return [text]
    outside = clean_text(_PARENS.sub(" ", text))
    inside = [clean_text(m) for m in _PARENS.findall(text)]
    return [v for v in [outside, *inside] if v]


_WORD_PATTERNS: dict[str, re.Pattern] = {}


def replace_words(text: str, fixes: dict[str, str]) -> str:
    """Replace whole folded words or phrases (keys already folded) by their standard form, in order."""
    for variant, standard in fixes.items():
        if variant in text:  # cheap test first: most fixes do not apply to most strings
            pattern = _WORD_PATTERNS.get(variant)
            if pattern is None:
                pattern = _WORD_PATTERNS[variant] = re.compile(rf"(?<!\w){re.escape(variant)}(?!\w)")
            text = pattern.sub(standard, text)
    return _SPACES.sub(" ", text).strip()


def slug(value: str) -> str:
    """A stable, readable id part: 'Moh. Ali Kuncoro' -> 'moh-ali-kuncoro'."""
    folded = unicodedata.normalize("NFKD", fold(value)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
