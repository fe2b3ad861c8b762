"""Breaking a line of words to a width: the reader's rows are as tall as these lines."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from peacebrief.core.linebreak import break_lines, clip_at_word


def lines_of(text: str, width: int) -> list[str]:
    return [text[a:b] for a, b in break_lines(text, width, cell_len)]


def test_breaks_at_spaces_and_cuts_only_a_word_wider_than_the_line() -> None:
    assert lines_of("Strikes on energy infrastructure", 12) == ["Strikes on", "energy", "infrastructu", "re"]
    assert lines_of("a b c", 3) == ["a b", "c"]
    assert lines_of("", 5) == [""]
    assert lines_of("exactly ten", 11) == ["exactly ten"]


def test_wide_characters_are_measured_in_cells() -> None:
    assert lines_of("和平 会谈 今天", 5) == ["和平", "会谈", "今天"]
    assert lines_of("和平会谈", 3) == ["和", "平", "会", "谈"]


def test_clip_at_word_ends_at_a_word_and_says_so() -> None:
    assert clip_at_word("Russia broke its commitment", 20) == "Russia broke its…"
    assert clip_at_word("short", 20) == "short"
    assert clip_at_word("Zaporizhzhia", 6) == "Zapor…"


words = st.lists(
    st.text(alphabet=st.sampled_from("abcdé和 “”"), min_size=1, max_size=12)
    .map(lambda w: w.replace(" ", ""))
    .filter(bool),
    max_size=30,
)


@given(words, st.integers(min_value=2, max_value=40))
def test_every_word_is_kept_in_order_and_every_line_fits(parts: list[str], width: int) -> None:
    text = " ".join(parts)
    lines = lines_of(text, width)
    assert all(cell_len(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for line in lines[:-1]:  # no line could have held the next word
        assert line == line.strip() or not line
