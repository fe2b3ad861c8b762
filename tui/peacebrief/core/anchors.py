"""Anchoring: from the words a brief quotes to character offsets in a source document.

Matching follows the format (after the W3C TextQuoteSelector and Hypothesis): the exact
words first; failing that, both sides normalised the same way (Unicode NFC, typographic
quotes to plain ones, dashes to `-`, runs of white space to one space). `prefix` and
`suffix` break ties. A miss, or a tie nothing breaks, is an error, never a guess.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
import unicodedata
from array import array

from peacebrief.core.model import SourceDocument
from peacebrief.core.quotemarks import double_view

# [0-9], not \d: a dateline in other scripts' digits is text, not a date to resolve against.
_DATELINE = re.compile(r"\ufeff?\s*date[ \t]+([0-9]{4}-[0-9]{2}-[0-9]{2})(?:[ \t]+|[ \t]*(?:\r?\n|\Z))")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")
_SPACE_RUN = re.compile(r"\s+")  # \s is what str.isspace() calls white space

_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u0060\u00b4"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_PLAIN = str.maketrans(
    {**{c: "'" for c in _SINGLE_QUOTES}, **{c: '"' for c in _DOUBLE_QUOTES}, **{c: "-" for c in _DASHES}}
)

# Marks that open and close a quotation; a straight double quote does either.
_OPENERS = "\u201c\u201e\u00ab"
_CLOSERS = "\u201d\u00bb"
_QUOTATION_MARK = re.compile(f'[{_OPENERS}{_CLOSERS}"]')


class AnchorError(ValueError):
    """An anchor that does not resolve; the message says what to change."""


def read_document(text: str) -> SourceDocument:
    """Split a source's text into its dateline and numbered paragraphs.

    Raises ValueError when a dateline names a day that does not exist.
    """
    dateline: dt.date | None = None
    body_start = 0
    match = _DATELINE.match(text)
    if match:
        dateline = dt.date.fromisoformat(match.group(1))
        body_start = match.end()
    paragraphs: list[tuple[int, int]] = []
    position = body_start
    for brk in _PARAGRAPH_BREAK.finditer(text, body_start):
        _add_block(text, position, brk.start(), paragraphs)
        position = brk.end()
    _add_block(text, position, len(text), paragraphs)
    return SourceDocument(text=text, dateline=dateline, body_start=body_start, paragraphs=tuple(paragraphs))


def _add_block(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    block = text[start:end]
    left = len(block) - len(block.lstrip())
    right = len(block) - len(block.rstrip())
    if left < len(block):
        out.append((start + left, end - right))


def normalise(text: str) -> str:
    """The normal form both sides of a match are compared in."""
    if text.isascii():  # no quotes to straighten, nothing to compose: only runs of space
        return _SPACE_RUN.sub(" ", text)
    if unicodedata.is_normalized("NFC", text):
        # Every piece of a text in NFC is in NFC itself (pieces start where nothing
        # combines with what is before): the same as piece by piece, in C.
        return _SPACE_RUN.sub(" ", text.translate(_PLAIN))
    return _normalise_with_offsets(text, want_offsets=False)[0]


class _Normalised:
    """A document's normalised text, with where each of its characters came from.

    A plain class: it is private and made only when an anchor needs normalising, and a
    dataclass would cost every command's start-up the making of its methods.
    """

    __slots__ = ("ends", "starts", "text")

    def __init__(self, text: str, starts: array[int], ends: array[int]) -> None:
        self.text = text
        self.starts = starts  # original offset where each normalised character begins
        self.ends = ends  # original offset where it ends


def _normalise_with_offsets(text: str, *, want_offsets: bool = True) -> tuple[str, array[int], array[int]]:
    out: list[str] = []
    starts = array("q")
    ends = array("q")
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char.isspace():
            j = i + 1
            while j < n and text[j].isspace():
                j += 1
            chunk = " "
        else:
            j = i + 1
            while j < n and unicodedata.combining(text[j]):
                j += 1
            chunk = text[i:j]
            if not chunk.isascii():
                chunk = unicodedata.normalize("NFC", chunk).translate(_PLAIN)
        out.append(chunk)
        if want_offsets:
            for _ in chunk:
                starts.append(i)
                ends.append(j)
        i = j
    return "".join(out), starts, ends


# Normalised characters of context kept per occurrence to choose among them by prefix or
# suffix: a prefix or suffix longer than this is looked up by its last (first) this many,
# and the few occurrences that share them are checked in full.
_CONTEXT_KEY = 48
# Distinct words searched for in one text before its words are indexed (see `_find_all`).
# Both a plain search and the indexing take time in proportion to the text: indexing a
# 12 kB source cost as much CPU as about 780 searches of it, and its index held 356 kB
# (143 of the 243 MB at the peak of loading the 10k brief, whose sources are asked for
# about 80 anchors each, when this was 16).
_INDEX_AFTER = 256
_WORD = re.compile(r"\S+")
_KEY = 5  # characters of a word's start or end that index it


class DocumentIndex:
    """Resolves anchors in one document; builds the normalised form only when needed.

    Each distinct `exact` is searched for once: its places are kept, and so are, once a
    prefix or suffix asks for them, tables from the words around each place to the
    places, so that choosing among many places is a lookup, not a rescan of them all.
    Resolving every anchor of a source takes time in proportion to the source and the
    anchors, however often their words repeat.
    """

    def __init__(self, document: SourceDocument) -> None:
        self.document = document
        self._normalised: _Normalised | None = None
        self._quotation: dict[int, tuple[int, int, array[int], bytearray, int]] = {}
        self._spans: dict[tuple[bool, str], list[tuple[int, int]]] = {}
        self._contexts: dict[tuple[bool, str, bool], list[str]] = {}
        self._tables: dict[tuple[bool, str, bool, int], dict[str, list[int]]] = {}
        self._searches = {False: 0, True: 0}  # needles searched for, in the text and in its normal form
        self._words: dict[bool, _Words] = {}

    @property
    def normalised(self) -> _Normalised:
        if self._normalised is None:
            self._normalised = _Normalised(*_normalise_with_offsets(self.document.text))
        return self._normalised

    def resolve(self, exact: str, prefix: str | None = None, suffix: str | None = None) -> tuple[int, int, bool]:
        """Return `(start, end, normalised)` for the one place these words stand."""
        if not exact.strip():
            raise AnchorError("the anchor's words are empty")
        found_any = False
        for was_normalised in (False, True):
            spans = self._spans_of(exact, was_normalised)
            if not spans:
                continue
            found_any = True
            if len(spans) == 1 and prefix is None and suffix is None:
                return (*spans[0], was_normalised)
            fitting = self._fitting(exact, was_normalised, spans, prefix, suffix)
            if len(fitting) == 1:
                return (*fitting[0], was_normalised)
            if fitting:
                raise AnchorError(
                    f"'{_clip(exact)}' occurs {len(fitting)} times in the source; "
                    "add a prefix or suffix (the words just before or after) to choose one"
                )
            # No exact match has this prefix/suffix: the one meant may differ only in its
            # quotes or dashes ("the “harbour”" for "the \"harbour\""), so try normalised.
        if not found_any:
            raise AnchorError(
                f"'{_clip(exact)}' is not in the source, even after normalising quotes, dashes and spaces"
            )
        raise AnchorError(
            f"'{_clip(exact)}' is in the source, but not with that "
            + " and ".join(w for w, v in (("prefix", prefix), ("suffix", suffix)) if v is not None)
        )

    def _spans_of(self, exact: str, was_normalised: bool) -> list[tuple[int, int]]:
        key = (was_normalised, exact)
        spans = self._spans.get(key)
        if spans is None:
            spans = self._normalised_spans(exact) if was_normalised else self._exact_spans(exact)
            self._spans[key] = spans
        return spans

    def _fitting(
        self, exact: str, was_normalised: bool, spans: list[tuple[int, int]], prefix: str | None, suffix: str | None
    ) -> list[tuple[int, int]]:
        """The spans whose context fits, found through a table of contexts when there are many."""
        if prefix is None and suffix is None:
            return spans
        candidates = spans
        if len(spans) > 4:
            before = prefix is not None
            words = normalise(prefix) if prefix is not None else normalise(suffix or "")
            size = min(len(words), _CONTEXT_KEY)
            table = self._table(exact, was_normalised, spans, before, size)
            key = words[len(words) - size :] if before else words[:size]
            candidates = [spans[i] for i in table.get(key, ())]
        return [span for span in candidates if self._context_fits(span, prefix, suffix)]

    def _table(
        self, exact: str, was_normalised: bool, spans: list[tuple[int, int]], before: bool, size: int
    ) -> dict[str, list[int]]:
        """Span indexes by the last (`before`) or first `size` normalised characters around them."""
        key = (was_normalised, exact, before, size)
        table = self._tables.get(key)
        if table is None:
            contexts = self._contexts.get(key[:3])
            if contexts is None:
                contexts = [self._context(span, before) for span in spans]
                self._contexts[key[:3]] = contexts
            table = {}
            for i, context in enumerate(contexts):
                table.setdefault(context[len(context) - size :] if before else context[:size], []).append(i)
            self._tables[key] = table
        return table

    def _context(self, span: tuple[int, int], before: bool) -> str:
        """At least `_CONTEXT_KEY` normalised characters before or after the span, as the
        whole document's normalised form has them (or all there are, at its ends).

        A window's normal form agrees with the document's from the first character that
        starts a chunk of its own (not white space, not a combining mark), so the window
        grows until it starts (or ends) at one and holds enough.
        """
        text = self.document.text
        width = 2 * _CONTEXT_KEY
        while True:
            if before:
                end = span[0]
                start = max(0, end - width)
                while start > 0 and start < end and (text[start].isspace() or unicodedata.combining(text[start])):
                    start += 1
                if start > 0 and start >= end:
                    width *= 2
                    continue
                context = normalise(text[start:end])
                if len(context) >= _CONTEXT_KEY or start == 0:
                    return context
            else:
                start = span[1]
                end = min(len(text), start + width)
                context = normalise(text[start:end])
                if end < len(text):
                    context = context[:-1]  # the last chunk may go on past the window
                if len(context) >= _CONTEXT_KEY or end == len(text):
                    return context
            width *= 2

    def _exact_spans(self, exact: str) -> list[tuple[int, int]]:
        text = self.document.text
        found = self._find_all(text, exact, self.document.body_start, normalised=False)
        return [(s, s + len(exact)) for s in found if not _splits_letter(text, s + len(exact))]

    def _normalised_spans(self, exact: str) -> list[tuple[int, int]]:
        norm = self.normalised
        needle = normalise(exact)
        n_lo = bisect.bisect_left(norm.starts, self.document.body_start)
        found = self._find_all(norm.text, needle, n_lo, normalised=True)
        return [(norm.starts[s], norm.ends[s + len(needle) - 1]) for s in found]

    def _find_all(self, text: str, needle: str, start: int, *, normalised: bool) -> list[int]:
        """Every place of `needle` in `text` from `start` on.

        Searching the whole text for each of thousands of distinct anchors would cost
        their number times the text's length; so once a text has been searched
        `_INDEX_AFTER` times, its words are indexed (one pass) and a needle is looked for
        where its rarest word stands (see `_Words.places`).
        """
        self._searches[normalised] += 1
        if self._searches[normalised] > _INDEX_AFTER:
            words = self._words.get(normalised)
            if words is None:
                words = self._words[normalised] = _Words(text)
            found = _find_by_word(text, needle, start, words)
            if found is not None:
                return found
        return _find_all(text, needle, start)

    def _context_fits(self, span: tuple[int, int], prefix: str | None, suffix: str | None) -> bool:
        text = self.document.text
        start, end = span
        if prefix is not None:
            before = normalise(text[max(0, start - 2 * len(prefix) - 8) : start])
            if not before.endswith(normalise(prefix)):
                return False
        if suffix is not None:
            after = normalise(text[end : end + 2 * len(suffix) + 8])
            if not after.startswith(normalise(suffix)):
                return False
        return True

    def locate_within(self, words: str, start: int, end: int) -> tuple[int, int] | None:
        """Where `words` stand inside `[start, end)`: exactly, or after normalising."""
        text = self.document.text
        at = text.find(words, start, end)
        if at >= 0 and not _splits_letter(text, at + len(words)):
            return at, at + len(words)
        needle = normalise(words)
        if not needle:
            return None
        norm = self.normalised
        n_lo = bisect.bisect_left(norm.starts, start)
        n_hi = bisect.bisect_left(norm.starts, end)
        at = norm.text.find(needle, n_lo, n_hi + 1)
        if at < 0:
            return None
        span = (norm.starts[at], norm.ends[at + len(needle) - 1])
        return span if span[1] <= end else None

    def inside_quotation_marks(self, start: int, end: int) -> bool:
        """True when `[start, end)` stands between an opening and a closing quotation mark
        (double or single: see `quotemarks` for telling single marks from apostrophes)."""
        number = self.document.paragraph_at(start)
        p_start, size, marks, open_after, last_closer = self._quotation_state(number)
        a, b = start - p_start, end - p_start
        if a < 0 or a > size or b > size:
            return False
        before = bisect.bisect_left(marks, a)  # how many marks stand before the span
        is_open = before > 0 and bool(open_after[before - 1])
        return is_open and bisect.bisect_left(marks, b) == before and b <= last_closer

    def _quotation_state(self, number: int) -> tuple[int, int, array[int], bytearray, int]:
        """A paragraph read once: its start and length, where its quotation marks stand,
        whether a quotation is open after each, and where its last closing mark stands.

        Only the marks are kept, not a table for every character: the tables, kept for
        every paragraph a quote stands in, held 38 of the 243 MB at the peak of loading
        the 10k brief (tracemalloc).
        """
        found = self._quotation.get(number)
        if found is None:
            p_start, p_end = self.document.paragraphs[number - 1]
            view = double_view(self.document.text, p_start, p_end)
            marks, open_after = array("q"), bytearray()
            state, last_closer = False, -1
            for match in _QUOTATION_MARK.finditer(view):
                char, at = match.group(), match.start()
                if char in _OPENERS:
                    state = True
                else:
                    state = not state if char == '"' else False
                    last_closer = at
                marks.append(at)
                open_after.append(state)
            found = self._quotation[number] = (p_start, len(view), marks, open_after, last_closer)
        return found


def _splits_letter(text: str, end: int) -> bool:
    """True when `end` falls between a letter and its combining mark (a decomposed "ö").

    Such an exact match is only part of a character: "Lo" is not in "Lo\u0308we".
    """
    return end < len(text) and unicodedata.combining(text[end]) != 0


class _Words:
    """Where each word of a text (a run of characters other than white space) starts; and
    where the words that start, or end, with the same `_KEY` characters start, or end."""

    __slots__ = ("by_end", "by_start", "whole")

    def __init__(self, text: str) -> None:
        self.whole: dict[str, list[int]] = {}
        self.by_start: dict[str, list[int]] = {}
        self.by_end: dict[str, list[int]] = {}
        whole, by_start, by_end = self.whole, self.by_start, self.by_end
        for match in _WORD.finditer(text):
            whole.setdefault(match.group(), []).append(match.start())
        # The start and end keys from each distinct word, not from each word of the text
        # (their places unsorted: `_find_by_word` sorts what it finds). On a source of
        # 10,000 near-identical sentences (benchmarks/_shapes.py) the index took 0.25 s of
        # CPU built word by word, 0.19 s so.
        for word, starts in whole.items():
            by_start.setdefault(word[:_KEY], []).extend(starts)
            size = len(word)
            by_end.setdefault(word[-_KEY:], []).extend([start + size for start in starts])

    def places(self, needle: str) -> tuple[list[int], int] | None:
        """Where `needle` may start, as the places of its word found least often in the
        text and that word's offset in it; None when no word of it can be looked up.

        A word with white space on both sides in the needle is a whole word of the text
        wherever the needle stands; its last word (white space before) starts a word of
        the text, and its first word (white space after) ends one.
        """
        best: tuple[list[int], int] | None = None
        n = len(needle)
        for match in _WORD.finditer(needle):
            word, start, end = match.group(), match.start(), match.end()
            if start > 0 and end < n:
                found, shift = self.whole.get(word, []), start
            elif start > 0 and len(word) >= _KEY:
                found, shift = self.by_start.get(word[:_KEY], []), start
            elif end < n and len(word) >= _KEY:
                found, shift = self.by_end.get(word[-_KEY:], []), end
            else:
                continue
            if best is None or len(found) < len(best[0]):
                best = (found, shift)
        return best


def _find_by_word(text: str, needle: str, start: int, words: _Words) -> list[int] | None:
    """The places of `needle`, found from those of its rarest word; None when it has no
    word to look up, or that word is so common that a plain search is cheaper."""
    best = words.places(needle)
    if best is None:
        return None
    places, shift = best
    if len(places) * len(needle) > len(text) // 4:
        return None
    return sorted({p for q in places if (p := q - shift) >= start and text.startswith(needle, p)})


def _find_all(haystack: str, needle: str, start: int) -> list[int]:
    found: list[int] = []
    at = haystack.find(needle, start)
    while at >= 0:
        found.append(at)
        at = haystack.find(needle, at + 1)
    return found


def _clip(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
