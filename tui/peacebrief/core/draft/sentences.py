"""Sentences and words of a document, with character offsets into its whole text.

Paragraphs come from `read_document` (blank-line separated blocks), so paragraph numbers
agree with the anchors the loader resolves. Inside a paragraph a sentence ends at `.`,
`!` or `?` (and any closing quotation marks or brackets after it) followed by a space and
a capital, a digit or an opening quotation mark; never inside an open quotation, and not
after a known abbreviation or an initial. A short first line without final punctuation
is the headline; a paragraph that is one short line without final punctuation is a
heading ("Russia continues attack on Ukraine"). Headings are sentences too, but the
drafting steps that need a clause (reported statements, events) skip them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from operator import attrgetter

from peacebrief.core.model import SourceDocument

OPENERS = "\u201c\u201e\u00ab"  # “ „ «
CLOSERS = "\u201d\u00bb"  # ” »
STRAIGHT = '"'

_ABBREVIATIONS = frozenset(
    """mr mrs ms dr gen lt col capt sgt sen rep gov st mt jr sr prof rev no vs etc approx dept
    jan feb mar apr jun jul aug sep sept oct nov dec inc ltd co corp est fig maj adm cmdr""".split()
)
_TERMINAL = ".!?\u2026"
_AFTER_TERMINAL = CLOSERS + STRAIGHT + "\u2019')]"
_HEADING_WORDS = 14

# Words: letters with inner apostrophes or hyphens ("Ukraine's", "al-Assad", "hasn't"),
# numbers (with ordinal endings), or any other single character that is not a space.
TOKEN = re.compile(r"[^\W\d_]+(?:[\u2019'\-][^\W\d_]+)*|\d+(?:[.,:]\d+)*(?:st|nd|rd|th)?|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int  # offsets in the document's text
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        return self.text[0].isalpha()

    @property
    def is_cap(self) -> bool:
        return self.text[0].isupper()

    @property
    def possessive(self) -> bool:
        return self.is_word and len(self.text) > 2 and self.text[-2] in "\u2019'" and self.text[-1] in "sS"

    @property
    def bare(self) -> str:
        """The word without a possessive `'s`."""
        return self.text[:-2] if self.possessive else self.text


@dataclass(slots=True)
class Sentence:
    index: int  # 0-based, in document order
    start: int
    end: int
    text: str  # the document's text[start:end]
    paragraph: int  # 1-based, as the loader numbers paragraphs
    heading: bool = False
    tokens: list[Token] = field(default_factory=list)

    def sub(self, start: int, end: int) -> str:
        """The words between two document offsets inside this sentence."""
        return self.text[start - self.start : end - self.start]


def tokenize(text: str, offset: int = 0) -> list[Token]:
    return [Token(m.group(), m.start() + offset, m.end() + offset) for m in TOKEN.finditer(text)]


def split_sentences(document: SourceDocument) -> list[Sentence]:
    text = document.text
    sentences: list[Sentence] = []
    for number, (p_start, p_end) in enumerate(document.paragraphs, start=1):
        spans = _paragraph_spans(text, p_start, p_end, first=number == 1)
        for start, end, heading in spans:
            sentence = Sentence(len(sentences), start, end, text[start:end], number, heading)
            sentence.tokens = tokenize(sentence.text, start)
            sentences.append(sentence)
    return sentences


def _is_heading_line(line: str) -> bool:
    line = line.strip()
    return bool(line) and line[-1] not in _TERMINAL + _AFTER_TERMINAL + ",;:" and len(line.split()) <= _HEADING_WORDS


def _paragraph_spans(text: str, start: int, end: int, *, first: bool) -> list[tuple[int, int, bool]]:
    block = text[start:end]
    if "\n" not in block and _is_heading_line(block):
        return [(start, end, True)]
    spans: list[tuple[int, int, bool]] = []
    if first and "\n" in block:  # a headline on the first line of the document
        line = block.split("\n", 1)[0]
        if _is_heading_line(line):
            line_end = start + len(line.rstrip())
            spans.append((start, line_end, True))
            start = start + len(line) + 1
            while start < end and text[start].isspace():
                start += 1
    spans.extend((s, e, False) for s, e in _split_block(text, start, end))
    return spans


def _split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    open_quote = False
    sentence_start = start
    i = start
    while i < end:
        char = text[i]
        if char in OPENERS:
            open_quote = True
        elif char in CLOSERS:
            open_quote = False
        elif char == STRAIGHT:
            open_quote = not open_quote
        elif char in _TERMINAL and (not open_quote or _closes_after(text, i + 1, end)):
            j, open_quote = _past_terminal(text, i + 1, end, open_quote)
            k = None if open_quote else _next_sentence(text, sentence_start, i, j, end)
            if k is not None:
                out.append((sentence_start, j))
                sentence_start = k
                i = k
            else:
                i = j
            continue
        i += 1
    if sentence_start < end:
        out.append((sentence_start, _rstrip(text, sentence_start, end)))
    return [(s, e) for s, e in out if e > s]


def _past_terminal(text: str, j: int, end: int, open_quote: bool) -> tuple[int, bool]:
    """Past the terminal marks from `j` and the closing quotes or brackets after them; whether
    a quotation is still open there."""
    while j < end and text[j] in _TERMINAL:
        j += 1
    while j < end and text[j] in _AFTER_TERMINAL:
        if text[j] in CLOSERS or (text[j] == STRAIGHT and open_quote):
            open_quote = False
        elif text[j] == STRAIGHT:
            break  # an opening straight quote belongs to the next sentence
        j += 1
    return j, open_quote


def _next_sentence(text: str, sentence_start: int, i: int, j: int, end: int) -> int | None:
    """Where the next sentence starts if the terminal mark at `i` (ending at `j`) ends one."""
    k = j
    while k < end and text[k].isspace():
        k += 1
    if (
        k < end
        and j < end
        and text[j].isspace()
        and _starts_sentence(text[k])
        and not _abbreviation(text, sentence_start, i)
    ):
        return k
    return None


def _closes_after(text: str, i: int, end: int) -> bool:
    """`.` just before a closing mark: `... ready.”` ends a sentence even inside a quote."""
    while i < end and text[i] in _TERMINAL:
        i += 1
    return i < end and (text[i] in CLOSERS or text[i] == STRAIGHT)


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _starts_sentence(char: str) -> bool:
    return char.isupper() or char.isdigit() or char in OPENERS or char == STRAIGHT or char in "\u2018'("


def _abbreviation(text: str, start: int, dot: int) -> bool:
    if text[dot] != ".":
        return False
    j = dot
    while j > start and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    word = text[j:dot]
    if not word:
        return False
    if len(word) == 1 and word.isupper():  # an initial: "J. Smith"
        return True
    if "." in word:  # "U.S.", "a.m."
        return True
    return word.lower() in _ABBREVIATIONS


def document_title(document: SourceDocument, sentences: list[Sentence]) -> str:
    """The headline if the document has one, else its first sentence (without its full stop)."""
    for sentence in sentences:
        title = " ".join(sentence.text.split())
        if not sentence.heading:
            title = title.rstrip(".")
        if any(c.isalnum() for c in title):
            return title
    return "Untitled document"


def first_token_at(tokens: list[Token], offset: int) -> int:
    """The index of the first token starting at or after `offset` (len(tokens) if none)."""
    return bisect_left(tokens, offset, key=attrgetter("start"))
