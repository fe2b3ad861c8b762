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

_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u0060\u00b4"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_PLAIN = str.maketrans(
    {**{c: "'" for c in _SINGLE_QUOTES}, **{c: '"' for c in _DOUBLE_QUOTES}, **{c: "-" for c in _DASHES}}
)

# Marks that open and close a quotation; a straight double quote does either.
_OPENERS = "\u201c\u201e\u00ab"
_CLOSERS = "\u201d\u00bb"


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
    return _normalise_with_offsets(text, want_offsets=False)[0]


class _Normalised:
    """A document's normalised text, with where each of its characters came from.

    A plain class: it is private and made only when an anchor needs normalising, and a
    dataclass would cost every command's start-up the making of its methods.
    """

    __slots__ = ("ends", "starts", "text")

    def __init__(self, text: str, starts: array, ends: array) -> None:
        self.text = text
        self.starts = starts  # original offset where each normalised character begins
        self.ends = ends  # original offset where it ends


def _normalise_with_offsets(text: str, *, want_offsets: bool = True) -> tuple[str, array, array]:
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


class DocumentIndex:
    """Resolves anchors in one document; builds the normalised form only when needed."""

    def __init__(self, document: SourceDocument) -> None:
        self.document = document
        self._normalised: _Normalised | None = None
        self._quotation: dict[int, tuple[int, bytearray, array, bytearray]] = {}

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
            spans = self._normalised_spans(exact) if was_normalised else self._exact_spans(exact)
            if not spans:
                continue
            found_any = True
            if len(spans) == 1 and prefix is None and suffix is None:
                return (*spans[0], was_normalised)
            fitting = [span for span in spans if self._context_fits(span, prefix, suffix)]
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
            raise AnchorError(f"'{_clip(exact)}' is not in the source, even after normalising quotes, dashes and spaces")
        raise AnchorError(
            f"'{_clip(exact)}' is in the source, but not with that "
            + " and ".join(w for w, v in (("prefix", prefix), ("suffix", suffix)) if v is not None)
        )

    def _exact_spans(self, exact: str) -> list[tuple[int, int]]:
        text = self.document.text
        found = _find_all(text, exact, self.document.body_start)
        return [(s, s + len(exact)) for s in found if not _splits_letter(text, s + len(exact))]

    def _normalised_spans(self, exact: str) -> list[tuple[int, int]]:
        norm = self.normalised
        needle = normalise(exact)
        n_lo = bisect.bisect_left(norm.starts, self.document.body_start)
        return [(norm.starts[s], norm.ends[s + len(needle) - 1]) for s in _find_all(norm.text, needle, n_lo)]

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
        at = norm.text.find(needle, n_lo)
        if at < 0:
            return None
        span = (norm.starts[at], norm.ends[at + len(needle) - 1])
        return span if span[1] <= end else None

    def inside_quotation_marks(self, start: int, end: int) -> bool:
        """True when `[start, end)` stands between an opening and a closing quotation mark
        (double or single: see `quotemarks` for telling single marks from apostrophes)."""
        number = self.document.paragraph_at(start)
        p_start, is_open, marks, closer_after = self._quotation_state(number)
        a, b = start - p_start, end - p_start
        if a < 0 or b >= len(is_open):
            return False
        return bool(is_open[a]) and marks[b] == marks[a] and bool(closer_after[b])

    def _quotation_state(self, number: int) -> tuple[int, bytearray, array, bytearray]:
        """A paragraph read once: at each offset, whether a quotation is open, how many
        marks stand before it, and whether a closing mark follows it."""
        if number not in self._quotation:
            p_start, p_end = self.document.paragraphs[number - 1]
            view = double_view(self.document.text, p_start, p_end)
            size = len(view)
            is_open, marks, closer_after = bytearray(size + 1), array("l", [0] * (size + 1)), bytearray(size + 1)
            state, count = False, 0
            for i, char in enumerate(view):
                is_open[i] = state
                marks[i] = count
                if char in _OPENERS:
                    state, count = True, count + 1
                elif char in _CLOSERS:
                    state, count = False, count + 1
                elif char == '"':
                    state, count = not state, count + 1
            is_open[size], marks[size] = state, count
            seen = False
            for i in range(size - 1, -1, -1):
                seen = seen or view[i] in _CLOSERS or view[i] == '"'
                closer_after[i] = seen
            self._quotation[number] = (p_start, is_open, marks, closer_after)
        return self._quotation[number]


def _splits_letter(text: str, end: int) -> bool:
    """True when `end` falls between a letter and its combining mark (a decomposed "ö").

    Such an exact match is only part of a character: "Lo" is not in "Lo\u0308we".
    """
    return end < len(text) and unicodedata.combining(text[end]) != 0


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
