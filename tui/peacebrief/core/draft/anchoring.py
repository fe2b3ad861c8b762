"""Anchors for drafted records: the shortest context that picks one place, in linear time.

The loader resolves an anchor (`exact`, `prefix`, `suffix`) by finding every place its
words stand, then keeping those whose normalised text before them ends with the
normalised prefix and whose text after starts with the normalised suffix; one place
left is a match (see `peacebrief.core.anchors.DocumentIndex.resolve`). A draft knows
where its words are and needs the shortest context that leaves only that place.

Asking the loader for every candidate context re-reads every other place each time:
a document that repeats one quoted sentence N times cost N x N normalisations per step.
Here each place's surroundings are normalised once, and for each context length the
places are counted by the context they would show, so each record costs a lookup:

- `places[exact]`: where the words stand, found once per distinct `exact`;
- `_before[offset]`, `_after[offset]`: the normalised text either side of a place, made once;
- `_tails[(exact, side, m)]`: how many places show each m-character context;
- `_pairs[(exact, mp, ms)]`: how many show each pair of an mp-character prefix and ms-character suffix.

`work` counts the characters normalised and the places visited, for tests that check the
cost grows with the input and not with its square.
"""

from __future__ import annotations

import unicodedata
from collections import Counter

from peacebrief.core.anchors import normalise
from peacebrief.core.model import SourceDocument

CONTEXT_STEPS = (12, 24, 40, 64, 100, 160, 240)
_WINDOW = 2 * (CONTEXT_STEPS[-1] + 80) + 8  # raw characters around a place: more than any context needs


class Anchorer:
    """Chooses prefixes and suffixes for one document."""

    def __init__(self, document: SourceDocument) -> None:
        self.document = document
        self.places: dict[str, list[int]] = {}
        self._before: dict[int, str] = {}
        self._after: dict[int, str] = {}
        self._tails: dict[tuple[str, str, int], Counter[str]] = {}
        self._pairs: dict[tuple[str, int, int], Counter[tuple[str, str]]] = {}
        self.work = 0

    def choose(self, start: int, end: int) -> tuple[str, str | None, str | None] | None:
        """`(exact, prefix, suffix)` that resolves to `[start, end)` only, or None."""
        text = self.document.text
        exact = text[start:end]
        places = self._places(exact)
        if start not in places:
            return None
        if len(places) == 1:
            return exact, None, None
        lo = self.document.body_start
        for prefix_len, suffix_len in [(n, 0) for n in CONTEXT_STEPS] + [(n, n) for n in CONTEXT_STEPS]:
            prefix = context_before(text, start, prefix_len, lo)
            suffix = context_after(text, end, suffix_len) if suffix_len else None
            if not prefix or suffix_len and not suffix:
                continue
            if self._alone(exact, start, prefix, suffix):
                return exact, prefix, suffix
        return None

    def _places(self, exact: str) -> list[int]:
        if exact not in self.places:
            text = self.document.text
            found: list[int] = []
            at = text.find(exact, self.document.body_start)
            while at >= 0:
                if not (at + len(exact) < len(text) and unicodedata.combining(text[at + len(exact)])):
                    found.append(at)
                at = text.find(exact, at + 1)
            self.places[exact] = found
            self.work += len(found)
        return self.places[exact]

    def _alone(self, exact: str, start: int, prefix: str, suffix: str | None) -> bool:
        """Whether only the place at `start` shows this prefix (and suffix)."""
        want_p = normalise(prefix)
        want_s = normalise(suffix) if suffix is not None else None
        self.work += len(prefix) + len(suffix or "")
        places = self.places[exact]
        prefixed = self._count(exact, "before", len(want_p))[want_p]
        if want_s is None:
            return prefixed == 1
        if prefixed == 1:
            return True
        both = self._count_both(exact, len(want_p), len(want_s))
        return both[(want_p, want_s)] == 1 and len(places) > 1

    def _count(self, exact: str, side: str, m: int) -> Counter[str]:
        key = (exact, side, m)
        if key not in self._tails:
            length = len(exact)
            if side == "before":
                self._tails[key] = Counter(self.before(p)[-m:] if m else "" for p in self.places[exact])
            else:
                self._tails[key] = Counter(self.after(p + length)[:m] for p in self.places[exact])
            self.work += len(self.places[exact])
        return self._tails[key]

    def _count_both(self, exact: str, mp: int, ms: int) -> Counter[tuple[str, str]]:
        key = (exact, mp, ms)
        if key not in self._pairs:
            length = len(exact)
            self._pairs[key] = Counter((self.before(p)[-mp:], self.after(p + length)[:ms]) for p in self.places[exact])
            self.work += len(self.places[exact])
        return self._pairs[key]

    def before(self, offset: int) -> str:
        """The normalised text before `offset` (a bounded window), as the loader compares it."""
        if offset not in self._before:
            window = self.document.text[max(0, offset - _WINDOW) : offset]
            self._before[offset] = normalise(window)
            self.work += len(window)
        return self._before[offset]

    def after(self, offset: int) -> str:
        if offset not in self._after:
            window = self.document.text[offset : offset + _WINDOW]
            self._after[offset] = normalise(window)
            self.work += len(window)
        return self._after[offset]


def context_before(text: str, start: int, length: int, lo: int) -> str | None:
    """About `length` characters before `start`, whole words, spaces made single."""
    begin = max(lo, start - length)
    while begin > lo and not text[begin - 1].isspace():
        begin -= 1
    words = " ".join(text[begin:start].split())
    if not words:
        return None
    return words + (" " if text[start - 1 : start].isspace() else "")


def context_after(text: str, end: int, length: int) -> str | None:
    finish = min(len(text), end + length)
    while finish < len(text) and not text[finish].isspace():
        finish += 1
    words = " ".join(text[end:finish].split())
    if not words:
        return None
    return (" " if text[end : end + 1].isspace() else "") + words
