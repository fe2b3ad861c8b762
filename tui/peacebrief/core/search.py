"""Find records and source paragraphs by their words: the reader's `/` search and its palette.

Matching ignores case, accents and the kind of quotation mark or dash (`fold`): "Zelenskyy",
"ZELENSKYY" and "zelenskyy" are one word, as are "Kyiv’s" and "Kyiv's". Every word typed
must be found in an entry, anywhere in a word (so a word still being typed matches).

Results are ranked by how well they match, then in the brief's order:

0. every word in the entry's title or words (a quote's words, an event's title, a name),
   each at the start of a word there;
1. every word in the title or words, some inside a longer word;
2. a record holding the words elsewhere (a speaker, a summary, an id);
3. a paragraph of a source holding them;
4. a near miss: an entry found only when a typed word of six letters or more is read as a
   word of the brief one edit away (a letter changed, added or dropped: `Zelenskiy` finds
   Zelenskyy), shown after every exact match.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, repeat
from operator import contains

from peacebrief.core.model import (
    Brief,
    Event,
    Issue,
    Party,
    Person,
    Position,
    Quote,
    Record,
    Source,
)
from peacebrief.core.related import paragraph_id

NEAR_MIN = 6  # letters a typed word needs before a word one edit from it counts as found
TIERS = 5

_MARKS = str.maketrans({
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u0060\u00b4", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
})


def fold(text: str) -> str:
    """`text` as search compares it: case folded, accents dropped, quotes and dashes plain.

    One character stays one character (the offsets of a match in the folded text are its
    offsets in `text`), except the rare ones case folding expands, such as ß.
    """
    text = text.translate(_MARKS).casefold()
    if text.isascii():
        return text
    return _NON_ASCII.sub(_base, text)


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _base(match: re.Match[str]) -> str:
    return _letter(match[0])


@lru_cache(maxsize=4096)
def _letter(char: str) -> str:
    """A letter without its accents (é -> e, ł stays ł), anything else as it is."""
    decomposed = unicodedata.normalize("NFD", char)
    return decomposed[0] if len(decomposed) > 1 and not unicodedata.combining(decomposed[0]) else char


def primary_text(brief: Brief, record: Record) -> str:
    """The words a record is about: what a match ranks first on."""
    if isinstance(record, Quote):
        return record.text
    if isinstance(record, Event):
        return record.title
    if isinstance(record, Person):
        return " ".join((record.name, *record.aliases))
    if isinstance(record, Party):
        return " ".join(filter(None, (record.name, record.short)))
    if isinstance(record, Position):
        return record.stance
    if isinstance(record, Issue | Source):
        return record.title
    return record.id


def searchable_text(brief: Brief, record: Record) -> str:
    """Every word a reader might type to find this record."""
    parts: list[str] = [record.id, primary_text(brief, record)]
    if isinstance(record, Quote):
        speaker = brief.get(record.speaker)
        parts.append(speaker.label if speaker else record.speaker)
    elif isinstance(record, Event):
        parts += [record.summary or "", record.place or "", record.date_text or "", record.date.display()]
    elif isinstance(record, Person):
        parts.append(record.title or "")
    elif isinstance(record, Party):
        parts.append(record.summary or "")
    elif isinstance(record, Position):
        party, issue = brief.get(record.party), brief.get(record.issue)
        parts += [record.detail or "", party.label if party else "", issue.label if issue else ""]
    elif isinstance(record, Issue):
        parts.append(record.summary or "")
    elif isinstance(record, Source):
        parts.append(record.publisher or "")
    return fold(" ".join(parts))


@dataclass(frozen=True, slots=True)
class SearchResult:
    ids: tuple[str, ...]  # the first `limit` matches, best first: record ids and paragraph ids (`source#3`)
    total: int  # how many entries match in all
    near: frozenset[str] = frozenset()  # of `ids`, those found only by a word one edit away
    # The words of the brief each typed word stood for: itself, and its near words.
    words: tuple[tuple[str, ...], ...] = ()

    @property
    def more(self) -> int:
        return self.total - len(self.ids)


class SearchIndex:
    """Every record's and paragraph's words, built once; each query narrows the last one
    when it can."""

    def __init__(self, brief: Brief) -> None:
        self._ids: list[str] = []
        self._texts: list[str] = []  # everything searchable, folded, with a space in front
        self._primary: list[str] = []  # the title or words, folded, with a space in front
        self._paragraph_from = 0
        for record in brief.all_records():
            self._ids.append(record.id)
            self._texts.append(" " + searchable_text(brief, record))
            self._primary.append(" " + fold(primary_text(brief, record)))
        self._paragraph_from = len(self._ids)
        for source in brief.sources:
            document = source.document
            for block in range(1, len(document.paragraphs) + 1):
                self._ids.append(paragraph_id(source.id, block))
                text = " " + fold(document.paragraph_text(block))
                self._texts.append(text)
                self._primary.append(text)
        self._vocabulary: dict[str, set[str]] | None = None  # built on the first long word typed
        self._last_terms: tuple[str, ...] = ()
        self._last_hits: list[int] = list(range(len(self._ids)))

    def __len__(self) -> int:
        return len(self._ids)

    @property
    def records(self) -> int:
        """How many of the entries are records (the rest are paragraphs)."""
        return self._paragraph_from

    def search(self, query: str, limit: int = 100) -> SearchResult:
        """Entries holding every word of `query`, best first (see the module), at most `limit` listed."""
        terms = tuple(fold(query).split())
        if not terms:
            self._last_terms, self._last_hits = (), list(range(len(self._ids)))
            return SearchResult((), 0)
        hits = self._exact(terms)
        ranked = self._ranked(hits, terms)
        near_words = tuple(self._near(term) for term in terms)
        near: list[int] = []
        if any(near_words):
            found = set(hits)
            near = [i for i in self._with_near(terms, near_words) if i not in found]
        order = [i for tier in ranked for i in tier] + near
        ids = tuple(self._ids[i] for i in order[:limit])
        near_ids = frozenset(self._ids[i] for i in near[: max(0, limit - len(hits))])
        words = tuple((term, *sorted(extra)) for term, extra in zip(terms, near_words, strict=True))
        return SearchResult(ids, len(order), near_ids, words)

    def _exact(self, terms: tuple[str, ...]) -> list[int]:
        # Typing one more letter only narrows: search the last hits, not everything.
        last = self._last_terms
        narrowing = bool(last) and len(terms) >= len(last) and all(
            new.startswith(old) if i == len(last) - 1 else new == old
            for i, (old, new) in enumerate(zip(last, terms))
        )
        if narrowing:
            # The last hits hold every earlier word: test only the word being typed, and any after it.
            hits, todo = self._last_hits, terms[len(last) - 1 :]
        else:
            hits, todo = list(range(len(self._ids))), terms
        texts = self._texts
        for term in todo:
            # `term in text` over the candidates, looped in C (compress, map): a first
            # letter tests every entry of a big brief, tens of thousands, in a few ms.
            hits = list(compress(hits, map(contains, map(texts.__getitem__, hits), repeat(term))))
        self._last_terms, self._last_hits = terms, hits
        return hits

    def _ranked(self, hits: list[int], terms: tuple[str, ...]) -> list[list[int]]:
        """`hits` in tiers 0-3 (see the module), each in the brief's order."""
        primary = self._primary
        first = self._paragraph_from
        records = [i for i in hits if i < first]
        paragraphs = [i for i in hits if i >= first]
        titled = records
        for term in terms:
            titled = list(compress(titled, map(contains, map(primary.__getitem__, titled), repeat(term))))
        starts = titled
        for term in terms:
            starts = list(compress(starts, map(contains, map(primary.__getitem__, starts), repeat(" " + term))))
        best, good = set(starts), set(titled)
        return [
            starts,
            [i for i in titled if i not in best],
            [i for i in records if i not in good],
            paragraphs,
        ]

    # -- near words ---------------------------------------------------------------------

    def _near(self, term: str) -> frozenset[str]:
        """Words of the brief one edit from `term` that an exact search would not find."""
        if len(term) < NEAR_MIN or not term.isalpha():
            return frozenset()
        vocabulary = self._words()
        keys = {term, *(term[:i] + term[i + 1 :] for i in range(len(term)))}
        found = {word for key in keys for word in vocabulary.get(key, ()) if term not in word}
        return frozenset(word for word in found if _one_edit(term, word))

    def _words(self) -> dict[str, set[str]]:
        """Each word of the brief (five letters or more) under itself and each of its
        one-letter deletions: two words one edit apart share a key."""
        if self._vocabulary is None:
            words = {w for text in self._texts for w in text.split() if len(w) >= NEAR_MIN - 1}
            words = {w.strip(".,;:!?\"'()[]") for w in words}
            vocabulary: dict[str, set[str]] = {}
            for word in words:
                if not word.isalpha():
                    continue
                vocabulary.setdefault(word, set()).add(word)
                for i in range(len(word)):
                    vocabulary.setdefault(word[:i] + word[i + 1 :], set()).add(word)
            self._vocabulary = vocabulary
        return self._vocabulary

    def _with_near(self, terms: tuple[str, ...], near_words: tuple[frozenset[str], ...]) -> list[int]:
        """Entries holding each typed word, or one of its near words, in the brief's order."""
        texts = self._texts
        hits = range(len(self._ids))
        for term, extra in zip(terms, near_words, strict=True):
            matched: set[int] = set()
            for word in (term, *extra):
                matched.update(compress(hits, map(contains, map(texts.__getitem__, hits), repeat(word))))
            hits = sorted(matched)  # type: ignore[assignment]
        return list(hits)


def _one_edit(a: str, b: str) -> bool:
    """True when `b` is `a` with one letter changed, added or dropped."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]
