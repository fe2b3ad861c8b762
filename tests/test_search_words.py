"""The search index's words and the entries each stands in (core/search_words.py)."""

from __future__ import annotations

from peacebrief.core import Brief
from peacebrief.core.search import fold, searchable_text
from peacebrief.core.search_words import WordIndex


def texts_of(brief: Brief) -> list[str]:
    return [" " + searchable_text(brief, record) for record in brief.all_records()]


def test_every_term_finds_the_entries_that_hold_it_or_says_to_test_them(bundled_brief: Brief) -> None:
    texts = texts_of(bundled_brief)
    index = WordIndex(texts)
    terms = {text[i : i + n] for text in texts for n in (2, 3, 5) for i in range(0, len(text) - n, 7)}
    terms = {term for term in terms if not any(c.isspace() for c in term)}
    answered = 0
    for term in sorted(terms):
        every = [n for n, text in enumerate(texts) if term in text]
        found = index.entries(term, range(len(texts)))
        if found is not None:
            answered += 1
            assert found == every, term
        odd = list(range(1, len(texts), 2))
        found = index.entries(term, odd)
        if found is not None:
            assert found == [n for n in every if n % 2], term
    assert answered > len(terms) // 2  # a rare term is answered from the words


def test_a_letter_inside_most_words_is_left_to_testing_the_entries(bundled_brief: Brief) -> None:
    texts = texts_of(bundled_brief)
    index = WordIndex(texts)
    assert index.entries("e", range(len(texts))) is None
    assert index.entries("zelensk", range(len(texts))) == [n for n, t in enumerate(texts) if "zelensk" in t]


def test_words_keep_their_punctuation_so_a_term_with_it_is_found() -> None:
    texts = [" " + fold("Kyiv’s grid, hit again."), " " + fold("The grid held.")]
    index = WordIndex(texts)
    assert index.entries("kyiv's", range(2)) == [0]
    assert index.entries("grid,", range(2)) == [0]
    assert index.entries("grid", range(2)) == [0, 1]
    assert index.entries("qq", range(2)) == []
