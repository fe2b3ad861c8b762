"""Which single quotation marks are quotation marks, and which are apostrophes.

Copy in the British style quotes with single marks (‘We will meet again,’ she said. or
'We will meet again,' she said.), and every text has apostrophes made of the same
characters (It’s, the rebels’ demands, the ’90s, chargés d’affaires). A paragraph is read
once, left to right:

- a mark between two letters or digits is an apostrophe (It’s, d'affaires);
- a mark before digits and an `s` is an elision (the '90s);
- an opening single mark is one after a space, a bracket or a dash (or at the start of the
  paragraph) and before a word: it opens a quotation when none is open;
- a closing single mark is one after a word or a stop and before a space or a stop: it
  closes the open single quotation, unless it ends a plural possessive (`the mediators’
  efforts’`), which it does when another closing mark follows before anything opens;
- single marks inside a double quotation are left alone (a quotation inside a quotation);
- an opening mark that nothing closes is an apostrophe, unless it starts the paragraph
  (a quotation that runs on into the next paragraph).

`double_view` gives the paragraph with its single quotation marks written as double ones,
character for character, so that code that pairs double marks pairs single ones too.
"""

from __future__ import annotations

import re

SINGLES = "'\u2018\u2019"
DOUBLE_OPEN = "\u201c\u201e\u00ab"
DOUBLE_CLOSE = "\u201d\u00bb"
_BEFORE_OPENING = '([{\u2014\u2013-/\u201c"\u00ab\u2018'
_AFTER_WORD = ".,;:!?\u2026)]"
_LOOKAHEAD = 300  # characters within which a possessive's own closing mark is looked for
_MARK = re.compile(f'[{SINGLES}{DOUBLE_OPEN}{DOUBLE_CLOSE}"]')


def single_quote_marks(text: str, start: int, end: int) -> dict[int, bool]:
    """The single quotation marks of `text[start:end]` (a paragraph): offset -> True for an
    opening mark, False for a closing one. Apostrophes are not in it."""
    marks: dict[int, bool] = {}
    open_at: int | None = None
    double = False
    # Only the marks are visited, not every character: on 10,000 quotes of one sentence
    # each (benchmarks/_shapes.py, near-duplicates) 0.28 s of CPU went to the loop over
    # characters, 0.03 s to this.
    for match in _MARK.finditer(text, start, end):
        char, i = match.group(), match.start()
        if char in DOUBLE_OPEN:
            double = True
        elif char in DOUBLE_CLOSE:
            double = False
        elif char == '"':
            double = not double
        elif not double:
            kind = _kind(text, i, start, end)
            if open_at is None and kind == "open":
                open_at = i
            elif open_at is not None and kind == "close" and not _possessive_before_close(text, i, end):
                marks[open_at] = True
                marks[i] = False
                open_at = None
    if open_at is not None and open_at == start:
        marks[open_at] = True
    return marks


def _kind(text: str, i: int, start: int, end: int) -> str | None:
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    if before.isalnum() and after.isalnum():
        return None  # It's, d'affaires
    if after.isdigit() and _elision(text, i + 1, end):
        return None  # the '90s
    if (
        text[i] != "\u2019"
        and (before.isspace() or before in _BEFORE_OPENING)
        and (after.isalnum() or after in '\u2026\u201c"')
    ):
        return "open"
    if (
        text[i] != "\u2018"
        and (before.isalnum() or before in _AFTER_WORD)
        and (after.isspace() or after in _AFTER_WORD + '\u2014\u2013-\u201d"')
    ):
        return "close"
    return None


def _elision(text: str, i: int, end: int) -> bool:
    j = i
    while j < end and text[j].isdigit():
        j += 1
    return j - i == 2 and j < end and text[j] == "s"


def _possessive_before_close(text: str, i: int, end: int) -> bool:
    """`welcomed the mediators’ efforts’`: the first mark is a plural possessive when the
    next word is lower case and another closing mark follows before any opening one."""
    if text[i - 1] not in "sS" or text[i + 1 : i + 2] != " " or not text[i + 2 : i + 3].islower():
        return False
    j = i + 1
    stop = min(end, i + _LOOKAHEAD)
    while j < stop:
        if text[j] in SINGLES:
            kind = _kind(text, j, i, end)
            if kind == "open":
                return False
            if kind == "close":
                return True
        elif text[j] in DOUBLE_OPEN or text[j] == '"':
            return False
        j += 1
    return False


def double_view(text: str, start: int, end: int) -> str:
    """`text[start:end]` with its single quotation marks written as “ and ”."""
    marks = single_quote_marks(text, start, end)
    if not marks:
        return text[start:end]
    chars = list(text[start:end])
    for at, opening in marks.items():
        chars[at - start] = "\u201c" if opening else "\u201d"
    return "".join(chars)
