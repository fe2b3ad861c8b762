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

import bisect
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, filterfalse, islice, repeat
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
from peacebrief.core.search_words import WordIndex

NEAR_MIN = 6  # letters a typed word needs before a word one edit from it counts as found
_PUNCTUATION = ".,;:!?\"'()[]{}-"
TIERS = 5

# (mark, plain): str.replace for each is many times faster than str.translate with a table.
_MARKS = (
    *((mark, "'") for mark in "\u2018\u2019\u201a\u201b\u2032\u0060\u00b4"),
    *((mark, '"') for mark in "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"),
    *((mark, "-") for mark in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"),
)


def fold(text: str) -> str:
    """`text` as search compares it: case folded, accents dropped, quotes and dashes plain.

    One character stays one character (the offsets of a match in the folded text are its
    offsets in `text`), except the rare ones case folding expands, such as ß.
    """
    text = text.casefold()
    if text.isascii():
        return text
    for mark, plain in _MARKS:
        if mark in text:
            text = text.replace(mark, plain)
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


def other_fields(brief: Brief, record: Record) -> list[tuple[str, str]]:
    """The record's other searchable words, by what they are: (field, text), empty ones left out."""
    fields: list[tuple[str, str | None]] = []
    if isinstance(record, Quote):
        speaker = brief.get(record.speaker)
        fields.append(("speaker", speaker.label if speaker else record.speaker))
    elif isinstance(record, Event):
        fields += [
            ("summary", record.summary),
            ("place", record.place),
            ("date", record.date_text),
            ("date", record.date.display()),
        ]
    elif isinstance(record, Person):
        fields.append(("title", record.title))
    elif isinstance(record, Party | Issue):
        fields.append(("summary", record.summary))
    elif isinstance(record, Position):
        party, issue = brief.get(record.party), brief.get(record.issue)
        fields += [
            ("detail", record.detail),
            ("party", party.label if party else None),
            ("issue", issue.label if issue else None),
        ]
    elif isinstance(record, Source):
        fields.append(("publisher", record.publisher))
    fields.append(("id", record.id))
    return [(name, text) for name, text in fields if text]


def searchable_text(brief: Brief, record: Record) -> str:
    """Every word a reader might type to find this record."""
    parts = [primary_text(brief, record), *(text for _, text in other_fields(brief, record))]
    return fold(" ".join(parts))


def where_found(brief: Brief, record: Record, words: Iterable[str]) -> tuple[str, str] | None:
    """The first of the record's other fields that holds one of `words`: (field, text), so
    that a result found through a summary or a speaker can show why it was found."""
    words = tuple(words)
    return next(((name, text) for name, text in other_fields(brief, record) if find_words(text, words)), None)


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


def _holds(texts: list[str], word: str) -> Callable[[int], bool]:
    """Whether the text of an entry holds `word` (each filter of a search gets its own word)."""
    return lambda i: word in texts[i]


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
        # Made now, with the index: on a big brief they take as long as a few keystrokes,
        # better spent as the search box opens than in the middle of a word.
        self._word_index = WordIndex(self._texts)
        self._vocabulary = self._near_vocabulary()
        self._last_terms: tuple[str, ...] = ()
        self._last_hits: Sequence[int] = range(len(self._ids))

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
            self._last_terms, self._last_hits = (), range(len(self._ids))
            return SearchResult((), 0)
        hits = self._exact(terms)
        best = self._ranked(hits, terms, limit)
        near_words = tuple(self._near(term) for term in terms)
        near: list[int] = []
        if any(near_words):
            near = self._with_near(terms, near_words, set(hits))
        shown = best + near[: max(0, limit - len(best))]
        words = tuple((term, *sorted(extra)) for term, extra in zip(terms, near_words, strict=True))
        return SearchResult(
            tuple(self._ids[i] for i in shown),
            len(hits) + len(near),
            frozenset(self._ids[i] for i in shown[len(best) :]),
            words,
        )

    def _exact(self, terms: tuple[str, ...]) -> list[int]:
        # Typing one more letter only narrows: search the last hits, not everything.
        last = self._last_terms
        narrowing = (
            bool(last)
            and len(terms) >= len(last)
            and all(
                new.startswith(old) if i == len(last) - 1 else new == old
                for i, (old, new) in enumerate(zip(last, terms, strict=False))
            )
        )
        # The last hits hold every earlier word: test only the word being typed, and any after it.
        hits, todo = (self._last_hits, terms[len(last) - 1 :]) if narrowing else (range(len(self._texts)), terms)
        for term in todo:
            hits = self._holding_term(term, hits)
        hits = list(hits)
        self._last_terms, self._last_hits = terms, hits
        return hits

    def _holding_term(self, term: str, within: Sequence[int]) -> list[int]:
        """The entries of `within` holding `term`: through the words that hold it
        (core/search_words.py), or by testing each entry when that is cheaper."""
        found = self._word_index.entries(term, within)
        if found is not None:
            return found
        # `term in text` over the candidates, looped in C (compress, map): a first
        # letter tests every entry of a big brief, tens of thousands, in a few ms.
        texts = self._texts
        return list(compress(within, map(contains, map(texts.__getitem__, within), repeat(term))))

    def _ranked(self, hits: list[int], terms: tuple[str, ...], limit: int) -> list[int]:
        """The first `limit` of `hits` by tier 0-3 (see the module), each tier in the brief's
        order. Lazily and looped in C: a first letter hits most of a big brief, and a
        screenful of its best matches is found long before the end; a tier is read
        through only when the one above it runs short."""
        cut = bisect.bisect_left(hits, self._paragraph_from)  # records come first in the index
        records = hits[:cut]
        starts = tuple(" " + term for term in terms)
        shown = list(islice(self._holding(records, starts), limit))
        if len(shown) < limit:  # then `shown` holds every tier-0 hit
            best = set(shown)
            titled = list(self._holding(records, terms))
            shown += islice(filterfalse(best.__contains__, titled), limit - len(shown))
            if len(shown) < limit:
                good = set(titled)
                shown += islice(filterfalse(good.__contains__, records), limit - len(shown))
                if len(shown) < limit:
                    shown += hits[cut : cut + limit - len(shown)]
        return shown

    def _holding(self, entries: list[int], words: tuple[str, ...]) -> Iterator[int]:
        """The entries whose title or words hold every one of `words`, lazily, in order."""
        primary = self._primary
        found: Iterator[int] = compress(entries, map(contains, map(primary.__getitem__, entries), repeat(words[0])))
        for word in words[1:]:
            found = filter(_holds(primary, word), found)
        return found

    # -- near words ---------------------------------------------------------------------

    def _near(self, term: str) -> frozenset[str]:
        """Words of the brief one edit from `term` that an exact search would not find."""
        if len(term) < NEAR_MIN or not term.isalpha():
            return frozenset()
        words, letters = self._vocabulary
        # Every string one edit from `term` (a few hundred), looked up in the brief's words.
        heads_tails = [(term[:i], term[i:]) for i in range(len(term) + 1)]
        variants = {head + tail[1:] for head, tail in heads_tails if tail}
        variants.update(head + letter + tail[1:] for head, tail in heads_tails if tail for letter in letters)
        variants.update(head + letter + tail for head, tail in heads_tails for letter in letters)
        variants.discard(term)
        return frozenset(word for word in variants & words if term not in word)

    def _near_vocabulary(self) -> tuple[frozenset[str], str]:
        """The brief's words of five letters or more, and the letters they are made of."""
        words = {w.strip(_PUNCTUATION) for w in self._word_index.words if len(w) >= NEAR_MIN - 1}
        words = {w for w in words if len(w) >= NEAR_MIN - 1 and w.isalpha()}
        return frozenset(words), "".join(sorted({c for w in words for c in w}))

    def _with_near(self, terms: tuple[str, ...], near_words: tuple[frozenset[str], ...], found: set[int]) -> list[int]:
        """Entries not `found` exactly that hold each typed word or one of its near words,
        in the brief's order."""
        texts = self._texts
        every = range(len(texts))
        candidates: set[int] = set()
        for word in {word for words in near_words for word in words}:
            candidates.update(self._holding_term(word, every))
        candidates -= found
        alternatives = [(term, *words) for term, words in zip(terms, near_words, strict=True)]
        near = sorted(i for i in candidates if all(any(word in texts[i] for word in words) for words in alternatives))
        # Ranked as the exact matches are, by where the words stand: title or words first.
        primary, first = self._primary, self._paragraph_from

        def tier(i: int) -> int:
            if i >= first:
                return 2
            return 0 if all(any(word in primary[i] for word in words) for words in alternatives) else 1

        return sorted(near, key=tier)


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


def find_words(text: str, words: Iterable[str]) -> list[tuple[int, int]]:
    """Where each of `words` (folded, as `SearchResult.words` gives them) stands in `text`:
    sorted [start, end) spans, to light in what is shown. Empty when folding changed the
    text's length (a ß), so that no span can land on the wrong letters."""
    folded = fold(text)
    if len(folded) != len(text):
        return []
    spans = []
    for word in set(words):
        start = folded.find(word)
        while word and start >= 0:
            spans.append((start, start + len(word)))
            start = folded.find(word, start + len(word))
    return sorted(spans)


def excerpt(text: str, words: Iterable[str], width: int = 160) -> str:
    """About `width` characters of `text` around the first of `words` found in it, with
    `…` where it is cut: what a long paragraph shows in a list of results."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    spans = find_words(text, words)
    start = max(0, spans[0][0] - width // 4) if spans else 0
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 20 else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start + width // 2 else end
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
