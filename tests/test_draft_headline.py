"""Event titles written as headlines: who does what, in the present tense, with no date,
dateline or attribution in front, at most headline.LIMIT characters, never cut in a word."""

from __future__ import annotations

import datetime as dt

import pytest

from peacebrief.core.draft.analyse import analyse
from peacebrief.core.draft.headline import LIMIT, bounded

FRIDAY = dt.date(2025, 5, 2)


def titles(text: str, base: dt.date = FRIDAY) -> list[str]:
    return [e.title for e in analyse(text, base).events]


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        (
            "KERVO (Meridian Press) - Belmora on Friday handed control of the dam to a joint commission with Arvania.",
            "Belmora hands control of the dam to a joint commission with Arvania",
        ),
        (
            "Marenia and Tolvik agreed on Thursday to reopen the grain corridor, after two days of talks mediated by Sarn.",
            "Marenia and Tolvik agree to reopen the grain corridor",
        ),
        (
            "After two days of talks, the delegations will meet again on Monday in Velgrad.",
            "Delegations to meet again in Velgrad",
        ),
        ("The first monitors are due to arrive on Monday.", "First monitors to arrive"),
        ("Its minister, Oskar Lind, was due to visit the dam on Monday.", "Oskar Lind to visit the dam"),
        (
            "The handover had been scheduled for March but was postponed twice amid disagreements over staffing.",
            "Handover scheduled but postponed twice amid disagreements over staffing",
        ),
        (
            "The talks resumed on Monday in Kervo and are expected to continue until Wednesday.",
            "Talks resume in Kervo and expected to continue",
        ),
        ("Okonjo, a lawyer who grew up in the valley, has visited the camps since March.", "Okonjo visits the camps"),
        (
            "The Talmar parliament voted on Monday night to ratify the Kessel accord with Vendria.",
            "Talmar parliament votes to ratify the Kessel accord with Vendria",
        ),
    ],
)
def test_a_dated_clause_as_a_headline(sentence: str, title: str) -> None:
    assert titles(sentence)[0] == title


def test_a_saying_is_who_says_what() -> None:
    found = titles(
        "Dornia's foreign minister, Yannick Bose, said on Thursday that his government would listen but would not be rushed."
    )
    assert found == ["Yannick Bose says his government will listen but will not be rushed"]


def test_a_quoted_sentence_keeps_its_words_and_names_its_speaker() -> None:
    text = "Eda Marsh spoke at the dam. “My grandfather helped build this dam in 1968,” she said."
    assert titles(text) == ["Marsh says my grandfather helped build this dam"]


def test_a_clause_without_its_subject_takes_the_sentence_s() -> None:
    text = "Marenia and Tolvik agreed on Thursday to reopen the corridor, but left the question of inspections to a committee that must report by Sunday."
    assert titles(text)[1].startswith("Marenia and Tolvik leave the question of inspections")


def test_long_titles_are_cut_before_a_word_and_never_end_on_a_small_word() -> None:
    text = (
        "The presidents of Auberon and Quessa agreed on Thursday to resume talks on the future of the divided "
        "Seravan harbour and on the customs regime that has split its two halves."
    )
    title = titles(text)[0]
    assert title == "Presidents of Auberon and Quessa agree to resume talks on the future"
    assert len(title) <= LIMIT


@pytest.mark.parametrize("length", [10, 71, 72, 73, 150])
def test_bounded_never_cuts_a_word(length: int) -> None:
    text = " ".join(["negotiators"] * 20)[:length].rstrip()
    out = bounded(text)
    assert len(out) <= LIMIT
    assert all(w == "negotiators" for w in out.split()) or len(text) <= LIMIT
