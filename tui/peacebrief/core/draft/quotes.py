"""Quoted passages: the words a source prints inside double quotation marks.

Both styles are found: typographic (“…”, „…“, «…») and straight ("…"). A passage's
words exclude the marks, surrounding spaces and a trailing comma (“open,” gives "open").
Each passage knows its form, for review and for the evaluation:

- `colon`: introduced by a colon (`X was blunter: “…”`);
- `split`: one of two or more passages of a sentence split by their attribution
  (`“A,” she said, “B.”`);
- `fragment`: a few words inside a sentence of the reporter's own
  (`described the talks as “constructive”`);
- `full`: a whole quoted sentence (`“…,” Zelenskyy said.`);
- `scare`: not a quote at all but words the reporter puts in quotation marks: one or two
  words inside the reporter's sentence with no reporting verb before them (the so-called
  “returnees”, the “DMZ”, a “humanitarian pause” in a sentence that quotes nobody), an
  abbreviation, or a name in title case (the “Roadmap for Peace”). One or two words after a
  reporting verb are the speaker's (described the talks as “constructive”). Drafting skips
  scare quotes.

A passage left open at the end of its paragraph (the convention for quotes that run on
into the next paragraph) is `closed=False`: the loader cannot check it as direct, so the
draft offers it as a reported quote to review.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from peacebrief.core.draft.sentences import CLOSERS, OPENERS, STRAIGHT, Sentence

Form = Literal["full", "split", "colon", "fragment", "scare"]
Style = Literal["typographic", "straight"]

_TRIM_END = ",;:"
_FRAGMENT_WORDS = 6
_SCARE_WORDS = 2
_NAME_LINKS = frozenset("of for the and to in on a an de du la le van von".split())


@dataclass(frozen=True, slots=True)
class Passage:
    sentence: int  # index of the sentence
    open: int  # offset of the opening mark
    close: int  # offset of the closing mark (or the paragraph's end when not closed)
    start: int  # the words: [start, end)
    end: int
    text: str
    style: Style
    form: Form
    closed: bool = True


def find_passages(sentence: Sentence) -> list[Passage]:
    """Every quoted passage in a sentence, in order."""
    text = sentence.text
    raw = _marked_spans(text)
    passages: list[Passage] = []
    for number, (open_at, close_at, style, closed) in enumerate(raw):
        start, end = _trimmed(text, open_at + 1, close_at)
        if end <= start or not any(c.isalnum() for c in text[start:end]):
            continue
        form = _form(text, raw, number, start, end)
        base = sentence.start
        passages.append(
            Passage(
                sentence.index,
                base + open_at,
                base + close_at,
                base + start,
                base + end,
                text[start:end],
                style,
                form,
                closed,
            )
        )
    return passages


def _marked_spans(text: str) -> list[tuple[int, int, Style, bool]]:
    """(opening mark, closing mark or end of text, style, closed) of each quotation."""
    raw: list[tuple[int, int, Style, bool]] = []
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char in OPENERS or char == STRAIGHT:
            style: Style = "straight" if char == STRAIGHT else "typographic"
            closers = STRAIGHT if char == STRAIGHT else CLOSERS + ("\u201c" if char == "\u201e" else "")
            j = i + 1
            while (
                j < n
                and text[j] not in closers
                and not (style == "typographic" and text[j] in OPENERS and char != "\u201e")
            ):
                j += 1
            closed = j < n and text[j] in closers
            raw.append((i, j, style, closed))
            i = j + 1
            continue
        i += 1
    return raw


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The quoted words between `start` and `end`, less white space and trailing marks."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _TRIM_END):
        end -= 1
    return start, end


def _form(text: str, raw: list[tuple[int, int, Style, bool]], number: int, start: int, end: int) -> Form:
    open_at = raw[number][0]
    before = text[:open_at].rstrip()
    if before.endswith(":"):
        return "colon"
    neighbours = [k for k in (number - 1, number + 1) if 0 <= k < len(raw)]
    for k in neighbours:
        a, b = (raw[k][1], raw[number][0]) if k < number else (raw[number][1], raw[k][0])
        between = text[a + 1 : b].strip()
        if between.endswith(",") and 0 < len(between.split()) <= 8:
            return "split"
    words = text[start:end].split()
    if before and before[-1].isalnum() and (len(words) <= _FRAGMENT_WORDS or not words[0][0].isupper()):
        return "scare" if _scare(words, text[end:], before) else "fragment"
    return "full"


_NAMING = re.compile(r"(?i)(?<![\w-])(?:so-called|known as|dubbed|named|nicknamed|titled|entitled|the|a|an)\s*$")


def _scare(words: list[str], after: str, before: str) -> bool:
    """Words the reporter puts in quotation marks: an abbreviation, a title-case name, or
    one or two words that no reporting verb before them gives to a speaker."""
    bare = [w.strip(".,;:!?") for w in words]
    if len(words) <= _SCARE_WORDS:
        if all(w.isupper() for w in bare if w) or _NAMING.search(before):
            return True
        from peacebrief.core.draft.reporting_words import VERBS

        return not any(w in VERBS for w in re.findall(r"[a-z]+", _outside_quotes(before).lower()))
    titled = all(w[:1].isupper() or w.lower() in _NAME_LINKS for w in bare) and bare[0][:1].isupper()
    return titled and not text_ends_sentence(words[-1], after)


def _outside_quotes(text: str) -> str:
    return re.sub(r"[\u201c\u201e\u00ab\"][^\u201d\u00bb\"]*[\u201d\u00bb\"]", " ", text)


def text_ends_sentence(last: str, after: str) -> bool:
    return last[-1:] in ".!?" or after[:1] in ".!?"


def passage_mask(sentence: Sentence, passages: list[Passage]) -> list[bool]:
    """For each token of the sentence: is it inside a quoted passage (marks included)?"""
    spans = sorted((p.open, p.close + 1) for p in passages if p.sentence == sentence.index)
    mask: list[bool] = []
    k = 0
    for token in sentence.tokens:  # tokens and spans both in order: one sweep
        while k < len(spans) and spans[k][1] <= token.start:
            k += 1
        mask.append(k < len(spans) and spans[k][0] <= token.start)
    return mask
