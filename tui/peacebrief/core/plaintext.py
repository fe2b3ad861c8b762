"""Plain text for terminals and e-mail: Markdown to text, wrapping in cells, ASCII folding.

Three small tools the digest is built from, none of which needs Textual:

* `markdown_blocks` / `render_markdown` turn a brief's Markdown into plain text by walking
  markdown-it-py's syntax tree (built from its token stream), never with regular
  expressions: emphasis is dropped, lists keep their markers and hang their wrapped lines,
  links become `text <url>`, inline code keeps its backticks, headings become plain lines.
  Only plain paragraphs, whose sole markup may be `*emphasis*` of whole words, are read
  without it (`_plain_paragraphs`; the tests check it against markdown-it).
* `wrap` fills lines to a width measured in terminal cells (`rich.cells`, pure Python),
  so a line of CJK text or emoji, two cells a character, still ends inside the width and
  the columns after it stay aligned.
* `to_ascii` folds typographic punctuation (and, as a last resort, everything else) to
  ASCII for `--ascii`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from peacebrief.core.fields_repr import FieldsValue

TYPE_CHECKING = False  # not `typing`'s: `check` and `digest` start without importing it
if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.tree import SyntaxTreeNode

# markdown-it-py and rich are imported only for a text that needs them (Markdown syntax,
# characters wider or narrower than one cell): they take longer to import than
# `peacebrief digest` takes to write the digest of a brief written in plain words.

# A space that `wrap` must not break at (inside a code span, inside a citation such as
# `[1 ¶4]`). It is a private-use character so it cannot clash with a real no-break space
# (which an author may have typed and which --ascii folds to a space); `wrap` turns it back
# into a plain space in the lines it returns, so it never reaches the output.
GLUE = "\ue000"

_ZERO_WIDTH_JOINER = "\u200d"


# -- measuring ------------------------------------------------------------------------


def _measure_with_pinned_table(text: str) -> int:
    from rich.cells import cell_len

    # "latest" pins the Unicode width table: rich's default ("auto") reads the
    # UNICODE_VERSION environment variable, and a digest must be the same bytes everywhere.
    return int(cell_len(text, "latest"))  # type: ignore[call-arg, unused-ignore]


def _measure_default(text: str) -> int:
    from rich.cells import cell_len

    return int(cell_len(text))


@cache
def _measure() -> Callable[[str], int]:
    try:  # rich < 14 has no unicode_version parameter; it has only one table anyway
        _measure_with_pinned_table("a")
    except TypeError:
        return _measure_default
    return _measure_with_pinned_table


# Characters one cell wide in every table rich has (tests/test_plaintext.py checks each
# against rich): printable ASCII, Latin-1 and the Latin extensions, and the typographic
# punctuation of U+2010-U+2027 (dashes, quotes, the ellipsis) and U+2030-U+205E.
_ONE_CELL = re.compile("[\x20-\x7e\u00a0-\u00ac\u00ae-\u02ff\u2010-\u2027\u2030-\u205e]*")


def cell_width(text: str) -> int:
    """How many terminal cells `text` takes: 2 for a CJK character or an emoji, 0 for a
    combining accent."""
    text = text.replace(GLUE, " ")
    if _ONE_CELL.fullmatch(text):
        return len(text)
    return _measure()(text)


def pad(text: str, cells: int) -> str:
    """`text` followed by spaces up to `cells` cells (never cut)."""
    return text + " " * max(0, cells - cell_width(text))


def nobreak(text: str) -> str:
    """`text` with its spaces made unbreakable for `wrap`."""
    return text.replace(" ", GLUE)


# -- wrapping -------------------------------------------------------------------------


def wrap(text: str, width: int, *, first: str = "", rest: str = "") -> list[str]:
    """Fill `text` into lines of at most `width` cells.

    `first` starts the first line and `rest` every other one: a list marker and the
    hanging indent under it, or a date column and the blanks under it. Words break at
    spaces only; runs of white space become one space; a newline in `text` (a Markdown
    hard break) starts a new line. A word wider than a whole line (a long URL, a run of
    CJK, which has no spaces) is cut by cells, never past the width. Lines carry no
    trailing white space.
    """
    for prefix in (first, rest):
        if cell_width(prefix) >= width:
            raise ValueError(f"the prefix {prefix!r} leaves no room in {width} cells")
    lines: list[str] = []
    for number, segment in enumerate(text.replace("\t", " ").split("\n")):
        lines.extend(_fill(segment.split(" "), width, first if number == 0 else rest, rest))
    return [line.replace(GLUE, " ").rstrip() for line in lines]


def _fill(words: list[str], width: int, first: str, rest: str) -> Iterator[str]:
    # Nearly every line is all one-cell characters: then each word is as wide as it is long.
    one_cell = _ONE_CELL.fullmatch("".join((first, rest, *words)).replace(GLUE, " "))
    measure = len if one_cell else cell_width
    line, used, empty = first, measure(first), True
    room = width - measure(rest)  # what a fresh continuation line holds
    for word in filter(None, words):
        size = measure(word)
        gap = 0 if empty else 1
        if used + gap + size <= width:
            line, used, empty = line + " " * gap + word, used + gap + size, False
            continue
        if size <= room:  # it fits on a fresh line: break before it
            yield line
            line, used, empty = rest + word, measure(rest) + size, False
            continue
        # Wider than any line: start it here if a few cells are left, then cut it.
        if width - used - gap < 4:
            yield line
            line, used, gap = rest, measure(rest), 0
        pieces = _cut(word, width - used - gap, room)
        for piece in pieces[:-1]:
            yield line + " " * gap + piece
            line, used, gap = rest, measure(rest), 0
        line, used, empty = line + " " * gap + pieces[-1], used + gap + measure(pieces[-1]), False
    yield line


def _cut(word: str, first_room: int, room: int) -> list[str]:
    """Cut a word into pieces of at most `first_room`, then `room`, cells.

    Never cuts before a combining mark or around a zero-width joiner, so an accented
    letter or an emoji sequence stays whole.
    """
    pieces: list[str] = []
    piece, limit = "", first_room
    for index, char in enumerate(word):
        joined = (
            unicodedata.combining(char)
            or char in (_ZERO_WIDTH_JOINER, "\ufe0f")
            or (index > 0 and word[index - 1] == _ZERO_WIDTH_JOINER)
        )
        if piece and not joined and cell_width(piece + char) > limit:
            pieces.append(piece)
            piece, limit = "", room
        piece += char
    pieces.append(piece)
    return pieces


def chop(line: str, width: int, *, rest: str = "") -> list[str]:
    """Cut a line that must keep its spacing (a code block) into pieces of `width` cells."""
    if cell_width(line) <= width:
        return [line.rstrip()]
    head, *tail = _cut(line, width, width - cell_width(rest))
    return [head.rstrip(), *(rest + piece.rstrip() for piece in tail)]


# -- Markdown -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class Block(FieldsValue):
    """One block of text from Markdown, ready to be wrapped.

    `first` and `rest` are the prefixes of its first and following lines (list markers
    and their hanging indents, `> ` for block quotes). `gap` is the separator line before
    the block (a blank line, or `>` inside a block quote), None where there is none (the
    items of a tight list).
    """

    text: str
    first: str = ""
    rest: str = ""
    gap: str | None = ""
    verbatim: bool = False  # a code block: its lines are kept as they are, not re-filled


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    # CommonMark, with raw HTML off: an author's `<b>` stays visible as text rather than
    # vanishing from a plain-text digest.
    return MarkdownIt("commonmark", {"html": False})


# What may make a text more than paragraphs of words to CommonMark: an inline or block
# marker anywhere, a line that may open a list, a code block or a heading underline, a
# line break kept by trailing spaces, a character the parser rewrites. Anything else is
# plain paragraphs (tests/test_plaintext.py checks this against markdown-it). A `*` is
# left to `_without_emphasis`: a brief's prose often stresses a few words, and reading
# that without markdown-it keeps its import out of most digests.
_MAYBE_MARKUP = re.compile(r"[\\`_\[\]<>!&#~|=+\t\r\x00]|^ {4,}[^ \n]|^ *[-0-9]|[^ \n] +$", re.MULTILINE)
_STARS = re.compile(r"\*+")


def _plain_paragraphs(source: str) -> list[str] | None:
    """The paragraphs of a text with no Markdown in it but emphasis, as markdown-it reads
    them; None when it may hold some."""
    if _MAYBE_MARKUP.search(source):
        return None
    paragraphs: list[str] = []
    lines: list[str] = []
    for line in [*source.split("\n"), ""]:
        if line.strip(" "):
            lines.append(line.lstrip(" "))  # a soft line break is a space
        elif lines:
            paragraph = _without_emphasis(" ".join(lines))
            # markdown-it trims a paragraph of all white space, a no-break space too
            if paragraph is None or paragraph[:1].isspace() or paragraph[-1:].isspace():
                return None
            paragraphs.append(paragraph)
            lines = []
    return paragraphs


def _without_emphasis(paragraph: str) -> str | None:
    """The words of a paragraph without its `*text*` and `**text**` marks, as `_inline`
    gives them; None unless every run of stars surely opens or closes emphasis.

    By CommonMark's flanking rules, a run with a letter or digit after it and a space or
    punctuation before it can only open; the mirror image can only close. A run that
    does either, each closing the one of the same length opened just before it, always
    pairs up; anything else (nesting, `***`, a list's `* `, `2*3`) goes to markdown-it.
    """
    open_size = 0
    for run in _STARS.finditer(paragraph):
        size = run.end() - run.start()
        before = paragraph[run.start() - 1] if run.start() else " "
        after = paragraph[run.end()] if run.end() < len(paragraph) else " "
        if size > 2:
            return None
        if not open_size and _is_word(after) and _is_edge(before):
            open_size = size
        elif size == open_size and _is_word(before) and _is_edge(after):
            open_size = 0
        else:
            return None
    return None if open_size else paragraph.replace("*", "")


def _is_word(char: str) -> bool:
    """A letter or a digit: neither white space nor punctuation to CommonMark."""
    return unicodedata.category(char)[0] in "LN"


def _is_edge(char: str) -> bool:
    """A space or punctuation, as every markdown-it-py reads it: ASCII symbols (`$`, `+`)
    count, other symbols (`€`) only since version 4, so those go to markdown-it."""
    category = unicodedata.category(char)[0]
    return char == " " or category == "P" or (category == "S" and char.isascii())


def markdown_blocks(source: str, *, ascii: bool = False) -> tuple[Block, ...]:
    """The blocks of a Markdown text, in order, with their inline markup resolved."""
    plain = _plain_paragraphs(source)
    if plain is not None:  # as `_container` lays out the paragraphs at the top level
        return tuple(
            Block(to_ascii(text) if ascii else text, "", "", None if index == 0 else "")
            for index, text in enumerate(plain)
        )
    from markdown_it.tree import SyntaxTreeNode

    root = SyntaxTreeNode(_parser().parse(source))
    out: list[Block] = []
    _container(root.children, "", "", None, True, out, ascii)
    return tuple(out)


def _container(
    nodes: list[SyntaxTreeNode], first: str, rest: str, gap: str | None, loose: bool, out: list[Block], ascii: bool
) -> None:
    """Blocks side by side in a container: separated by `rest`'s blank line when loose."""
    for index, node in enumerate(nodes):
        between = rest.rstrip() if loose else None
        _block(node, first if index == 0 else rest, rest, gap if index == 0 else between, out, ascii)


def _block(node: SyntaxTreeNode, first: str, rest: str, gap: str | None, out: list[Block], ascii: bool) -> None:
    kind = node.type
    if kind in ("paragraph", "heading"):
        text = _inline_text(node.children[0], ascii) if node.children else ""
        out.append(Block(text, first, rest, gap))
    elif kind in ("bullet_list", "ordered_list"):
        _list(node, first, rest, gap, out, ascii)
    elif kind == "blockquote":
        _container(node.children, first + "> ", rest + "> ", gap, True, out, ascii)
    elif kind in ("fence", "code_block"):
        code = node.content.rstrip("\n")
        out.append(Block(to_ascii(code) if ascii else code, first + "    ", rest + "    ", gap, verbatim=True))
    elif kind == "hr":
        out.append(Block("* * *", first, rest, gap))
    elif node.children:  # a block this converter does not know: keep what it holds
        _container(node.children, first, rest, gap, True, out, ascii)
    elif node.content.strip():
        out.append(Block(to_ascii(node.content) if ascii else node.content, first, rest, gap))


def _list(node: SyntaxTreeNode, first: str, rest: str, gap: str | None, out: list[Block], ascii: bool) -> None:
    items = node.children
    # markdown-it hides the paragraphs of a tight list: that is how the author's blank
    # lines (or their absence) between items reach us.
    loose = any(not child.hidden for item in items for child in item.children if child.type == "paragraph")
    if node.type == "ordered_list":
        start = int(node.attrs.get("start", 1))
        # Numbered the way a renderer numbers them (start, start + 1, ...), right-aligned
        # so the text of item 9 and item 10 starts in the same column.
        numbers = [f"{start + i}{node.markup} " for i in range(len(items))]
        size = max(cell_width(n) for n in numbers)
        markers = [n.rjust(size) for n in numbers]
    else:
        size, markers = 2, ["- "] * len(items)
    for index, (item, marker) in enumerate(zip(items, markers, strict=True)):
        item_first = (first if index == 0 else rest) + marker
        item_rest = rest + " " * size
        item_gap = gap if index == 0 else (rest.rstrip() if loose else None)
        if item.children:
            _container(item.children, item_first, item_rest, item_gap, loose, out, ascii)
        else:
            out.append(Block("", item_first, item_rest, item_gap))


def _inline_text(node: SyntaxTreeNode, ascii: bool) -> str:
    return "".join(_inline(child, ascii) for child in node.children)


def _inline(node: SyntaxTreeNode, ascii: bool) -> str:
    kind = node.type
    if kind in ("text", "text_special", "html_inline"):
        return to_ascii(node.content) if ascii else node.content
    if kind == "softbreak":
        return " "
    if kind == "hardbreak":
        return "\n"
    if kind == "code_inline":
        code = to_ascii(node.content) if ascii else node.content
        pad_ = " " if code.startswith("`") or code.endswith("`") else ""
        return nobreak(f"{node.markup}{pad_}{code}{pad_}{node.markup}")
    if kind in ("link", "image"):
        label = _inline_text(node, ascii)
        target = str(node.attrs.get("href" if kind == "link" else "src", ""))
        if node.markup == "autolink" or not label.strip() or label == target:
            return f"<{label if node.markup == 'autolink' else target}>"
        return f"{label} <{target}>"
    return _inline_text(node, ascii)  # emphasis, strong and the rest: their words only


def render_markdown(
    source: str, width: int, *, first: str = "", rest: str = "", tail: str = "", ascii: bool = False
) -> list[str]:
    """Markdown as lines of at most `width` cells.

    `first`/`rest` prefix the first and the other lines of the whole text (a column
    label, then blanks under it); `tail` (a citation) is added to the end of the last
    block so it wraps with it.
    """
    blocks = list(markdown_blocks(source, ascii=ascii))
    if tail:
        if blocks and not blocks[-1].verbatim:
            blocks[-1] = replace(blocks[-1], text=f"{blocks[-1].text} {tail}")
        else:
            blocks.append(Block(tail))
    if not blocks:
        return [first.rstrip()] if first.strip() else []
    lines: list[str] = []
    for index, block in enumerate(blocks):
        outer = first if index == 0 else rest
        if index > 0 and block.gap is not None:
            lines.append((rest + block.gap).rstrip())
        lines.extend(_block_lines(block, width, outer + block.first, rest + block.rest))
    return lines


def _block_lines(block: Block, width: int, first: str, rest: str) -> list[str]:
    if not block.verbatim:
        return wrap(block.text, width, first=first, rest=rest)
    lines: list[str] = []
    for number, line in enumerate(block.text.split("\n")):
        lines.extend(chop((first if number == 0 else rest) + line, width, rest=rest))
    return lines


def markdown_to_text(source: str, width: int | None = None, *, ascii: bool = False) -> str:
    """Markdown as plain text: wrapped to `width` cells, or one line per block when None."""
    if width is None:
        width = 1 << 30
    return "\n".join(render_markdown(source, width, ascii=ascii))


# -- ASCII ----------------------------------------------------------------------------

# Typographic punctuation and the letters Unicode does not decompose. Everything else is
# folded by NFKD (é -> e, ﬁ -> fi, full-width letters -> ASCII), and what is left (CJK,
# emoji) becomes "?", as `str.encode("ascii", "replace")` would.
_ASCII_TABLE: dict[str, str] = {
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u2035\u2039\u203a", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb\u301d\u301e", '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2212\u2043\ufe58\ufe63\uff0d", "-"),
    "\u2014": "--",  # an em dash is two hyphens in plain-text convention
    "\u2015": "--",
    "\u2026": "...",
    "\u2022": "*",
    "\u00b7": "*",
    "\u00b6": "para ",
    "\u00a7": "sect. ",
    "\u00a9": "(c)",
    "\u00ae": "(R)",
    "\u00b0": " deg",
    "\u00d7": "x",
    "\u00f7": "/",
    "\u2044": "/",
    "\u2215": "/",
    "\u00b1": "+/-",
    "\u2264": "<=",
    "\u2265": ">=",
    "\u2260": "!=",
    "\u2192": "->",
    "\u2190": "<-",
    "\u2194": "<->",
    "\u21d2": "=>",
    "\u20ac": "EUR",
    "\u00a3": "GBP",
    "\u00df": "ss",
    "\u00e6": "ae",
    "\u00c6": "AE",
    "\u0153": "oe",
    "\u0152": "OE",
    "\u00f8": "o",
    "\u00d8": "O",
    "\u0142": "l",
    "\u0141": "L",
    "\u0111": "d",
    "\u0110": "D",
    "\u00f0": "d",
    "\u00d0": "D",
    "\u00fe": "th",
    "\u00de": "Th",
    "\u0131": "i",
    # The Control Pictures that `visible()` shows for control characters, in caret
    # notation: ␛ (escape) -> ^[, ␇ (bell) -> ^G, ␡ (delete) -> ^?.
    **{chr(0x2400 + code): "^" + chr(0x40 + code) for code in range(0x20)},
    "\u2421": "^?",
    GLUE: GLUE,  # ours: wrap() turns it back into a space
}


def to_ascii(text: str) -> str:
    """`text` in ASCII: “quotes” -> "quotes", – -> -, — -> --, … -> ..., no-break and
    other spaces -> space, accents dropped, anything else that has no ASCII form -> ?."""
    if text.isascii():
        return text
    return "".join(map(_ascii_char, text))


@lru_cache(maxsize=4096)
def _ascii_char(char: str) -> str:
    if char.isascii():
        return char
    if char in _ASCII_TABLE:
        return _ASCII_TABLE[char]
    category = unicodedata.category(char)
    if category in ("Zs", "Zl", "Zp"):
        return " "
    if category in ("Mn", "Me", "Cf"):  # accents, variation selectors, joiners, soft hyphens
        return ""
    folded = "".join(
        _ASCII_TABLE.get(part, part)
        for part in unicodedata.normalize("NFKD", char)
        if unicodedata.category(part) not in ("Mn", "Me", "Cf")
    )
    return folded if folded and folded.isascii() else "?"
