"""Where a line of text breaks to fit a width: at spaces, a word wider than the width cut.

The reader's lists wrap thousands of rows (a quote's words, a position's stance) and
must know each row's height before drawing it: `break_lines` gives the lines as offsets
into the text, so the height and the drawing come from one computation. Text whose
every character takes one cell (nearly all of it) is broken with `str.rfind`, a few
steps a line; other text is measured character by character.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Characters one cell wide in every Unicode width table (as in plaintext._ONE_CELL).
_ONE_CELL = re.compile("[\x20-\x7e\u00a0-\u00ac\u00ae-\u02ff\u2010-\u2027\u2030-\u205e]*")


def break_lines(text: str, width: int, measure: Callable[[str], int] | None = None) -> list[tuple[int, int]]:
    """`[start, end)` of each line of `text` (one line of words, single-spaced) broken at
    spaces into lines of at most `width` cells; the space a line breaks at belongs to no
    line. A word wider than `width` is cut at `width` cells. Empty text is one empty line."""
    width = max(1, width)
    if _ONE_CELL.fullmatch(text):
        return _break_one_cell(text, width)
    if measure is None:
        from peacebrief.core.plaintext import cell_width

        measure = cell_width
    return _break_measured(text, width, measure)


def _break_one_cell(text: str, width: int) -> list[tuple[int, int]]:
    lines: list[tuple[int, int]] = []
    start, length = 0, len(text)
    while length - start > width:
        cut = text.rfind(" ", start, start + width + 1)
        if cut > start:
            lines.append((start, cut))
            start = cut + 1
        else:  # no space within the width: cut the word
            lines.append((start, start + width))
            start += width
    lines.append((start, length))
    return lines


def _break_measured(text: str, width: int, measure: Callable[[str], int]) -> list[tuple[int, int]]:
    lines: list[tuple[int, int]] = []
    start = used = 0
    space = -1  # the last space on the current line
    for index, char in enumerate(text):
        size = measure(char)
        if char == " ":
            space = index
        if used + size > width and index > start:
            if space > start:
                lines.append((start, space))
                start = space + 1
                used = sum(measure(c) for c in text[start:index])
            else:
                lines.append((start, index))
                start, used = index, 0
            space = index if char == " " and index > start else -1
        used += size
    lines.append((start, len(text)))
    return lines


def clip_at_word(text: str, width: int, measure: Callable[[str], int] | None = None) -> str:
    """`text` cut to `width` cells at the last space that leaves room for `…` (mid-word
    only when the first word alone is too wide); `text` itself when it fits."""
    lines = break_lines(text, width, measure)
    if len(lines) == 1:
        return text
    head = break_lines(text, max(1, width - 1), measure)[0]
    return text[head[0] : head[1]].rstrip() + "…"
