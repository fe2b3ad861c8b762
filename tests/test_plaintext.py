"""Markdown to plain text, wrapping in terminal cells, and the --ascii folding."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peacebrief.core.plaintext import (
    GLUE,
    cell_width,
    markdown_blocks,
    markdown_to_text,
    render_markdown,
    to_ascii,
    wrap,
)

# -- Markdown -----------------------------------------------------------------------------


def test_emphasis_is_dropped() -> None:
    assert markdown_to_text("An *equal* share, **postponed**, _twice_ and __again__.") == (
        "An equal share, postponed, twice and again."
    )


def test_paragraphs_are_joined_and_separated_by_one_blank_line() -> None:
    source = "The first session\nopened on Wednesday.\n\n\n\nThe second was postponed."
    assert markdown_to_text(source) == "The first session opened on Wednesday.\n\nThe second was postponed."


def test_hard_breaks_are_kept() -> None:
    assert markdown_to_text("line one  \nline two\\\nline three") == "line one\nline two\nline three"


def test_links_become_text_and_url() -> None:
    assert markdown_to_text("See [the dispute](https://example.org/harbour).") == (
        "See the dispute <https://example.org/harbour>."
    )
    assert markdown_to_text("Mail <https://example.org/a>.") == "Mail <https://example.org/a>."
    assert markdown_to_text("An *[emphasised link](http://x.org/)*") == "An emphasised link <http://x.org/>"
    assert markdown_to_text("![a map](map.png)") == "a map <map.png>"


def test_inline_code_is_kept_as_is_and_not_broken() -> None:
    assert markdown_to_text("Run `peacebrief digest --width 40` now.") == "Run `peacebrief digest --width 40` now."
    assert markdown_to_text("Use `` a ` tick ``.") == "Use ``a ` tick``."  # still valid Markdown
    assert markdown_to_text("Use `` `tick` ``.") == "Use `` `tick` ``."
    lines = render_markdown("Then run `peacebrief digest --width 40` to see it.", 30)
    assert lines == ["Then run", "`peacebrief digest --width 40`", "to see it."]


def test_bullet_lists_keep_markers_and_hang_wrapped_lines() -> None:
    source = "- Tolls: Northland wants an *equal share* of the revenue.\n- Fishing: first."
    assert render_markdown(source, 30) == [
        "- Tolls: Northland wants an",
        "  equal share of the revenue.",
        "- Fishing: first.",
    ]


def test_nested_lists_indent_under_their_item() -> None:
    source = (
        "1. Tolls, in two parts:\n"
        "   - the share of the revenue, which Northland wants equal\n"
        "   - who collects it\n"
        "2. Fishing\n"
    )
    assert render_markdown(source, 34) == [
        "1. Tolls, in two parts:",
        "   - the share of the revenue,",
        "     which Northland wants equal",
        "   - who collects it",
        "2. Fishing",
    ]


def test_ordered_lists_count_from_their_start_and_align_numbers() -> None:
    source = "\n".join(f"{n}. item {n}" for n in range(8, 12))
    assert markdown_to_text(source) == " 8. item 8\n 9. item 9\n10. item 10\n11. item 11"
    assert markdown_to_text("3) three\n7) four") == "3) three\n4) four"  # numbered as rendered


def test_loose_lists_keep_their_blank_lines() -> None:
    assert markdown_to_text("- one\n\n- two") == "- one\n\n- two"
    assert markdown_to_text("- one\n- two") == "- one\n- two"


def test_list_after_a_paragraph() -> None:
    assert markdown_to_text("Three issues:\n\n- tolls\n- fishing") == "Three issues:\n\n- tolls\n- fishing"


def test_headings_become_plain_lines() -> None:
    assert markdown_to_text("# The *talks*\n\nText.\n\nSub\n---\n\nMore.") == "The talks\n\nText.\n\nSub\n\nMore."


def test_block_quotes_and_code_blocks() -> None:
    assert markdown_to_text("> quoted\n> words\n>\n> again") == "> quoted words\n>\n> again"
    assert markdown_to_text("Before:\n\n```\nkeep   this\n  as is\n```") == "Before:\n\n    keep   this\n      as is"


def test_html_stays_visible() -> None:
    # Raw HTML is off: the author's characters are shown, not silently dropped.
    assert markdown_to_text("a <b>bold</b> claim") == "a <b>bold</b> claim"


def test_entities_and_escapes_are_resolved() -> None:
    assert markdown_to_text("Tolls &amp; fishing \\*not emphasis\\*") == "Tolls & fishing *not emphasis*"


def test_empty_markdown() -> None:
    assert markdown_blocks("") == ()
    assert render_markdown("   \n", 40) == []
    assert render_markdown("", 40, first="date  ") == ["date"]


def test_prefixes_and_tail() -> None:
    tail = f"[1{GLUE}¶4]"  # glued: a citation moves to the next line whole
    lines = render_markdown("One two three four.\n\nFive six.", 20, first="4 Feb  ", rest="       ", tail=tail)
    assert lines == ["4 Feb  One two three", "       four.", "", "       Five six.", "       [1 ¶4]"]


def test_ascii_applies_to_markdown_text() -> None:
    assert markdown_to_text("“Fair” – *really* …", ascii=True) == '"Fair" - really ...'


# -- wrapping -----------------------------------------------------------------------------


def test_wrap_breaks_at_spaces_with_hanging_indent() -> None:
    assert wrap("the quick brown fox jumps over the lazy dog", 20, first="- ", rest="  ") == [
        "- the quick brown",
        "  fox jumps over the",
        "  lazy dog",
    ]


def test_wrap_measures_cells_not_characters() -> None:
    text = "港口は開かれている 港口は開かれている"  # 9 characters, 18 cells each
    assert wrap(text, 20) == ["港口は開かれている", "港口は開かれている"]
    assert cell_width("港口") == 4 and cell_width("é") == 1 and cell_width("e\u0301") == 1
    assert cell_width("\U0001f6a2") == 2


def test_wrap_cuts_words_wider_than_a_line_by_cells() -> None:
    lines = wrap("港口について話し合う会議が開かれた。", 12, first="  ", rest="  ")
    assert lines == ["  港口につい", "  て話し合う", "  会議が開か", "  れた。"]
    url = "https://example.org/" + "a" * 50
    assert all(len(line) <= 30 for line in wrap(f"see {url}", 30))
    assert wrap(f"see {url}", 30)[0] == "see " + url[:26]  # a word cut anyway starts at once
    assert "".join(line.strip() for line in wrap(f"see {url}", 30)) == f"see {url}"


def test_wrap_keeps_glued_spaces_and_removes_the_glue() -> None:
    lines = wrap(f"cited at the end [1{GLUE}¶4]", 20)
    assert lines == ["cited at the end", "[1 ¶4]"]
    assert all(GLUE not in line for line in lines)


def test_wrap_does_not_split_combining_marks_or_emoji_sequences() -> None:
    word = "e\u0301" * 30
    for line in wrap(word, 10):
        assert not line.startswith("\u0301")
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    for line in wrap(family * 20, 10):
        assert not line.startswith("\u200d") and not line.endswith("\u200d")


def test_wrap_refuses_a_prefix_that_fills_the_width() -> None:
    with pytest.raises(ValueError):
        wrap("text", 10, first=" " * 10)


@given(
    st.text(alphabet=st.sampled_from(list("ab c\u00e9\u6e2f\u53e3 \U0001f6a2-\u2014\u201c\n")), max_size=300),
    st.integers(min_value=6, max_value=80),
)
def test_wrapped_lines_never_exceed_the_width(text: str, width: int) -> None:
    lines = wrap(text, width, first="- ", rest="  ")
    assert all(cell_width(line) <= width for line in lines)
    assert "".join(text.split()) == "".join("".join(line[2:] for line in lines).split())


# -- ASCII ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\u201cquoted\u201d and \u2018single\u2019", "\"quoted\" and 'single'"),
        ("Putin\u2019s", "Putin's"),
        ("23\u201324 Jan", "23-24 Jan"),
        ("a \u2014 b", "a -- b"),
        ("wait\u2026", "wait..."),
        ("\u00abguillemets\u00bb \u2039one\u203a", "\"guillemets\" 'one'"),
        ("no\u00a0break\u202fnarrow\u2009thin", "no break narrow thin"),
        ("soft\u00adhyphen zero\u200bwidth", "softhyphen zerowidth"),
        ("L\u00f6we, Zelens\u0301kyy, \u00c9lys\u00e9e", "Lowe, Zelenskyy, Elysee"),
        ("Stra\u00dfe, \u0141\u00f3d\u017a, \u00f8re", "Strasse, Lodz, ore"),
        ("\u00b64 \u00a75", "para 4 sect. 5"),
        ("\ufb01nal \uff21", "final A"),
        ("\u6e2f \U0001f6a2\ufe0f", "? ?"),
        ("plain ASCII stays", "plain ASCII stays"),
    ],
)
def test_to_ascii(text: str, expected: str) -> None:
    assert to_ascii(text) == expected


@given(st.text())
def test_to_ascii_always_gives_ascii_and_is_stable(text: str) -> None:
    folded = to_ascii(text)
    assert folded.isascii() or GLUE in text
    assert to_ascii(folded) == folded


def test_to_ascii_keeps_the_glue_for_wrap() -> None:
    assert to_ascii(f"[1{GLUE}\u00b64]") == f"[1{GLUE}para 4]"


# -- the plain-words shortcuts --------------------------------------------------------------
# A text with no Markdown in it is read without markdown-it, and a string of one-cell
# characters is measured without rich (both take longer to import than a digest takes to
# write): each shortcut must give exactly what the library gives.


def _markdown_it_blocks(source: str) -> tuple[object, ...]:
    from peacebrief.core import plaintext

    real = plaintext._plain_paragraphs
    plaintext._plain_paragraphs = lambda _source: None  # type: ignore[assignment]
    try:
        return markdown_blocks(source)
    finally:
        plaintext._plain_paragraphs = real


_PIECES = [*"ab1-*_ #>=+`[]()!&\\<\t\r\n \x00", "  ", "\n\n", "    ", "é", "\u2014", "word", "\n   "]


@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_plain_paragraphs_read_as_markdown_it_reads_them(source: str) -> None:
    assert markdown_blocks(source) == _markdown_it_blocks(source)


def test_plain_words_skip_markdown_it_and_keep_their_paragraphs() -> None:
    from peacebrief.core.plaintext import _plain_paragraphs

    source = "The first session\n  opened on Wednesday.\n\n \n\nThe second was “postponed”."
    assert _plain_paragraphs(source) == ["The first session opened on Wednesday.", "The second was “postponed”."]
    assert markdown_blocks(source) == _markdown_it_blocks(source)
    assert _plain_paragraphs("An `equal` share") is None


# Words, spaces and punctuation around runs of stars: the places where CommonMark's
# flanking rules decide whether a star opens, closes or stays a star.
_EMPHASIS_PIECES = [
    "*",
    "**",
    "***",
    "word",
    "é",
    "1",
    " ",
    "\n",
    "\n\n",
    "\n  ",
    ".",
    ",",
    "(",
    ")",
    "\u201c",
    "\u201d",
    "\u2019",
    "\u00a0",
    "$",
    "-",
    "\u0301",
    "\u3192",
    "\u20ac",
    "* ",
]


@given(st.lists(st.sampled_from(_EMPHASIS_PIECES), max_size=30).map("".join))
def test_emphasis_reads_as_markdown_it_reads_it(source: str) -> None:
    assert markdown_blocks(source) == _markdown_it_blocks(source)
    assert markdown_blocks(source, ascii=True) == _markdown_it_blocks_ascii(source)


def _markdown_it_blocks_ascii(source: str) -> tuple[object, ...]:
    from peacebrief.core import plaintext

    real = plaintext._plain_paragraphs
    plaintext._plain_paragraphs = lambda _source: None  # type: ignore[assignment]
    try:
        return markdown_blocks(source, ascii=True)
    finally:
        plaintext._plain_paragraphs = real


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "talks in Abu Dhabi on **Wednesday 4 February 2026**, a two-day round",
            ["talks in Abu Dhabi on Wednesday 4 February 2026, a two-day round"],
        ),
        ("An *equal* share", ["An equal share"]),
        ("**Kyiv**\u2019s line (**firm**).", ["Kyiv\u2019s line (firm)."]),
        ("**two\nlines**\n\nand *one*", ["two lines", "and one"]),
        ("**two\n\nparagraphs**", None),  # emphasis never spans a paragraph break
        ("a **b *c* d**", None),  # nested
        ("***strong and em***", None),
        ("**open only", None),
        ("2*3*4", None),
        ("* a list", None),
        ("**a* b", None),
        ("a ** b **", None),
    ],
)
def test_emphasis_shortcut(source: str, expected: list[str] | None) -> None:
    from peacebrief.core.plaintext import _plain_paragraphs

    assert _plain_paragraphs(source) == expected
    assert markdown_blocks(source) == _markdown_it_blocks(source)


def test_one_cell_characters_are_measured_as_rich_measures_them() -> None:
    from peacebrief.core.plaintext import _ONE_CELL, _measure

    chars = [chr(c) for c in range(0x20, 0x3000) if _ONE_CELL.fullmatch(chr(c))]
    assert len(chars) > 700
    assert all(_measure()(char) == 1 for char in chars)
    assert cell_width("Talks “resumed” — at last…") == 26
    assert cell_width("会談") == 4  # not one-cell characters: rich measures them
