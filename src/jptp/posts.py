"""Posts: the many ways articles write a post, resolved to one canonical post per government.

'Kadisdikbud', 'Disdikbud', 'Kepala Dinas Pendidikan dan Kebudayaan (Kadisdikbud) Kota Metro' and
'Dinas Pendidikan dan Kebudayaan' are one post in Metro, and a different post in Mojokerto. The
aliases live in data/reference/post_aliases.csv; this module only folds the text before the lookup:
spelling fixes, an acting prefix (Plt, Pj, ...) split off, the government's name, 'Sekretariat
Daerah' and a leading 'Kepala' each tried with and without.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .problems import NormalizationError
from .text import fold, parenthetical_variants, replace_words

STATUS_PREFIXES = {
    "pelaksana tugas": "plt", "pelaksana harian": "plh", "penjabat": "pj", "plt": "plt", "plh": "plh", "pj": "pj",
}
_SETDA = ("sekretariat daerah", "setda")


@dataclass(frozen=True)
class ResolvedPost:
    post_id: str
    status: str | None  # an acting status written into the post ('Pj Sekda'), else None
    alias_inferred: bool


class PostResolver:
    """Resolves a raw post string within a government, using the alias table."""

    def __init__(self, aliases, government_names: dict[str, list[str]], spelling: dict[str, str]):
        """`aliases`: rows of (government_id, alias, post_id, inferred); `government_names`: the
        government's own names as written ('Kota Metro', 'Metro'), stripped from the end of a post."""
        self.spelling = {fold(k): fold(v) for k, v in spelling.items()}
        self.government_names = {
            g: sorted({fold(n) for n in names}, key=len, reverse=True) for g, names in government_names.items()
        }
        self.table: dict[tuple[str, str], tuple[str, bool]] = {}
        self.used: set[tuple[str, str]] = set()
        self._readings: dict[str, list] = {}
        self._options: dict[str, list] = {}
        self.name_governments: dict[str, frozenset] = {}  # a folded government name -> the governments called so
        for g, names in self.government_names.items():
            for n in names:
                if n:
                    self.name_governments[n] = self.name_governments.get(n, frozenset()) | {g}
        for government_id, alias, post_id, inferred in aliases:
            key = self._base(alias)
            previous = self.table.get((government_id, key))
            if previous and previous[0] != post_id:
                raise NormalizationError(
                    f"one post per alias in {government_id}: {alias!r} points to {previous[0]} and {post_id}"
                )
            self.table[(government_id, key)] = (post_id, bool(inferred))

    def _base(self, text: str) -> str:
        return replace_words(fold(text), self.spelling)

    def split_status(self, text: str) -> tuple[str | None, str]:
        for prefix, code in STATUS_PREFIXES.items():
            if text == prefix:
                return code, ""
            if text.startswith(prefix + " "):
                return code, text[len(prefix) + 1 :]
        return None, text

    def candidate_keys(self, text: str, government_id: str) -> list[str]:
        """The folded text with each optional part stripped or kept, most literal first."""
        names = self.government_names.get(government_id, [])
        alternatives = [
            lambda t: [t] + [t[: -len(n) - 1] for n in names if t.endswith(" " + n)],
            lambda t: [t] + [t[: -len(s) - 1] for s in _SETDA if t.endswith(" " + s)],
            lambda t: [t] + ([t[len("kepala ") :]] if t.startswith("kepala ") else []),
        ]
        keys = [text]
        for expand in alternatives:
            keys = [k.strip() for key in keys for k in expand(key)]
        return list(dict.fromkeys(k for k in keys if k))

    def key_options(self, text: str) -> list[tuple[str, frozenset | None]]:
        """candidate_keys for every government at once: each key with the governments whose name was
        stripped to make it (None: no name stripped, good for all). Cached per string, so that a
        post written in a thousand governments' articles is folded once, not once per government."""
        cached = self._options.get(text)
        if cached is not None:
            return cached
        options = [(text, None)]
        for i, ch in enumerate(text):
            if ch == " " and text[i + 1 :] in self.name_governments:
                options.append((text[:i], self.name_governments[text[i + 1 :]]))
        options = [(k.strip(), tag) for key, tag in options for k in [key] + [key[: -len(s) - 1] for s in _SETDA if key.endswith(" " + s)]]
        options = [
            (k.strip(), tag) for key, tag in options for k in [key] + ([key[len("kepala ") :]] if key.startswith("kepala ") else [])
        ]
        self._options[text] = cached = [(k, tag) for k, tag in options if k]
        return cached

    def readings(self, raw: object) -> list[tuple[str, str | None, str]]:
        """(variant, status, rest) for each bracket reading of a raw post: the part that does not
        depend on the government, worked out once per distinct string."""
        key = str(raw)
        cached = self._readings.get(key)
        if cached is None:
            cached = self._readings[key] = [(v, *self.split_status(self._base(v))) for v in parenthetical_variants(key)]
        return cached

    def resolve(self, raw: object, government_id: str) -> ResolvedPost:
        statuses, posts = set(), {}
        for variant, status, rest in self.readings(raw):
            if status:
                statuses.add(status)
            if not rest:
                continue
            keys = {k for k, governments in self.key_options(rest) if governments is None or government_id in governments}
            found = [(government_id, k) for k in keys if (government_id, k) in self.table]
            hits = {self.table[k] for k in found}
            self.used.update(found)
            if len({h[0] for h in hits}) > 1:
                raise NormalizationError(f"one post: {variant!r} matches {sorted(h[0] for h in hits)} in {government_id}")
            posts[variant] = hits.pop() if hits else None
        found = {v for v in posts.values() if v}
        if len(statuses) > 1:
            raise NormalizationError(f"one acting status in the post, not {sorted(statuses)}")
        if not found:
            raise NormalizationError(
                f"a post alias of {government_id} listed in data/reference/post_aliases.csv; add a row for it "
                "(or correct the government)"
            )
        if len({f[0] for f in found}) > 1:
            raise NormalizationError(f"the readings of {raw!r} to agree on one post, not {sorted(f[0] for f in found)}")
        post_id, inferred = found.pop()
        return ResolvedPost(post_id, statuses.pop() if statuses else None, inferred)

    def unused_aliases(self) -> list[tuple[str, str]]:
        return sorted(set(self.table) - self.used)
