"""The drafting rules one at a time: sentences, quotes, time expressions, speakers,
anchors and the YAML writer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from peacebrief.core.anchors import read_document
from peacebrief.core.draft import DocumentInput, draft_text
from peacebrief.core.draft.analyse import analyse
from peacebrief.core.draft.quotes import find_passages
from peacebrief.core.draft.sentences import split_sentences
from peacebrief.core.draft.timex import clause_tense, find_timexes
from peacebrief.core.draft.timex_resolve import resolve
from peacebrief.core.draft.writer import scalar
from peacebrief.core.loader import load_brief

WEDNESDAY = dt.date(2026, 2, 4)


def sentences_of(text: str):  # type: ignore[no-untyped-def]
    return split_sentences(read_document(text))


def dates_in(sentence_text: str, base: dt.date = WEDNESDAY) -> list[tuple[str, str]]:
    """(date_text, value) for each expression of a one-sentence text."""
    analysis = analyse(sentence_text, base)
    return [(e.resolved.timex.text, e.resolved.value) for e in analysis.events]


# -- sentences and quotes ----------------------------------------------------------------


def test_sentences_do_not_split_inside_a_quotation() -> None:
    found = sentences_of("“We are ready. We have waited,” she said. Mr. Holm left at 5 p.m. on Friday. Then he spoke.")
    assert [s.text for s in found] == [
        "“We are ready. We have waited,” she said.",
        "Mr. Holm left at 5 p.m. on Friday.",
        "Then he spoke.",
    ]


def test_a_quote_that_ends_its_sentence_inside_the_marks() -> None:
    found = sentences_of('"We are ready." She left. “Go.” He stayed.')
    assert [s.text for s in found] == ['"We are ready."', "She left.", "“Go.”", "He stayed."]


def test_headline_and_headings() -> None:
    found = sentences_of(
        "date 2026-02-04\nTalks open in Port Lisara\nThe talks opened on Tuesday.\n\nA heading\n\nMore text here."
    )
    assert [(s.text, s.heading) for s in found] == [
        ("Talks open in Port Lisara", True),
        ("The talks opened on Tuesday.", False),
        ("A heading", True),
        ("More text here.", False),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“Open,” she said.", [("Open", "full", "typographic")]),
        ('"Open," she said.', [("Open", "full", "straight")]),
        (
            "“We came,” she said, “not to leave.”",
            [("We came", "split", "typographic"), ("not to leave.", "split", "typographic")],
        ),
        ('He was blunter: "No talks while the guns fire."', [("No talks while the guns fire.", "colon", "straight")]),
        ("They described the talks as “constructive” on Friday.", [("constructive", "fragment", "typographic")]),
        ('Trump claimed that Putin "kept his word" on the pause.', [("kept his word", "fragment", "straight")]),
    ],
)
def test_passages_and_their_forms(text: str, expected: list[tuple[str, str, str]]) -> None:
    sentence = sentences_of(text)[0]
    assert [(p.text, p.form, p.style) for p in find_passages(sentence)] == expected


# -- time expressions ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # weekdays: tense decides which one
        ("The envoys met on Tuesday.", [("Tuesday", "2026-02-03")]),
        ("Zelenskyy said Tuesday that talks would go on.", [("Tuesday", "2026-02-03")]),
        ("The envoys met on Wednesday.", [("Wednesday", "2026-02-04")]),
        ("The envoys will meet on Friday.", [("Friday", "2026-02-06")]),
        ("A deal is expected by Friday.", [("by Friday", "2026-02-06")]),
        ("Talks resume on Monday.", [("Monday", "2026-02-09")]),
        ("The talks were due to resume on Monday.", [("Monday", "2026-02-02")]),
        ("He said late Tuesday that it was over.", [("late Tuesday", "2026-02-03")]),
        ("They spoke last Wednesday.", [("last Wednesday", "2026-01-28")]),
        ("They meet next Tuesday.", [("next Tuesday", "2026-02-10")]),
        (
            "The White House confirmed on Tuesday that envoys would take part on Thursday.",
            [("Tuesday", "2026-02-03"), ("Thursday", "2026-02-05")],
        ),
        # weeks, weekends, nights
        ("A Kremlin official said last week that strikes would stop.", [("last week", "2026-01-26/2026-02-01")]),
        ("The round was originally scheduled for the weekend.", [("the weekend", "2026-01-31/2026-02-01")]),
        ("The delegates will meet again at the weekend.", [("the weekend", "2026-02-07/2026-02-08")]),
        ("Russia carried out a major overnight attack.", [("overnight", "2026-02-03/2026-02-04")]),
        (
            "An overnight attack, which Zelenskyy condemned on Tuesday, hit the grid.",
            [("overnight", "2026-02-02/2026-02-03"), ("Tuesday", "2026-02-03")],
        ),
        ("Talks continue next week.", [("next week", "2026-02-09/2026-02-15")]),
        ("They met earlier this week.", [("earlier this week", "2026-02-02/2026-02-03")]),
        # explicit dates, ranges, months, years
        ("The first round took place on January 23–24, 2026.", [("January 23–24, 2026", "2026-01-23/2026-01-24")]),
        ("The first round was held on 23-24 January 2026.", [("23-24 January 2026", "2026-01-23/2026-01-24")]),
        ("Talks ran from January 30 to February 2.", [("from January 30 to February 2", "2026-01-30/2026-02-02")]),
        ("The invasion began in February 2022.", [("February 2022", "2022-02")]),
        ("Strikes were halted until February 1.", [("until February 1", "2026-02-01")]),
        (
            "Russia agreed to halt strikes for a week until February 1.",
            [("for a week until February 1", "2026-01-26/2026-02-01")],
        ),
        ("A ceasefire agreed in October has held.", [("October", "2025-10")]),
        ("The teams will meet in October.", [("October", "2026-10")]),
        ("The dispute began in 2019.", [("2019", "2019")]),
        ("The corridor has been closed since January 2025.", [("since January 2025", "2025-01")]),
        ("The drafts were exchanged three days ago.", [("three days ago", "2026-02-01")]),
        ("The report came out yesterday.", [("yesterday", "2026-02-03")]),
        # not dates
        ("The nearly four-year war and the two-day talks took 32 missiles and a week.", []),
        ("Readers of the Sunday Times were told.", []),
    ],
)
def test_time_expressions(text: str, expected: list[tuple[str, str]]) -> None:
    assert dates_in(text) == expected


def test_uncertain_dates_are_marked_for_review() -> None:
    analysis = analyse(
        "Strikes were halted until February 1. The attack came overnight, Zelenskyy said on Tuesday.", WEDNESDAY
    )
    reviews = {e.resolved.timex.text: e.review for e in analysis.events}
    assert reviews["until February 1"] and "end of a period" in reviews["until February 1"]
    assert reviews["overnight"] and "night before" in reviews["overnight"]
    assert reviews["Tuesday"] is None


def test_tense_of_a_clause() -> None:
    sentence = sentences_of("He had said that talks will resume on Friday.")[0]
    timex = find_timexes(sentence)[0]
    assert clause_tense(sentence, timex) == ("future", True)
    assert resolve(timex, WEDNESDAY, "future").value == "2026-02-06"  # type: ignore[union-attr]
    assert resolve(timex, WEDNESDAY, "past").value == "2026-01-30"  # type: ignore[union-attr]


def test_a_day_the_calendar_has_not_is_left_undated() -> None:
    sentence = sentences_of("The talks were set for February 30, officials said.")[0]
    timex = find_timexes(sentence)[0]
    assert timex.text == "February 30"
    assert resolve(timex, WEDNESDAY, "future") is None
    assert [e.resolved.timex.text for e in analyse("The talks were set for February 30.", WEDNESDAY).events] == []


# -- speakers ---------------------------------------------------------------------------


def speakers(text: str, base: dt.date = WEDNESDAY) -> list[tuple[str, str, str]]:
    """(kind, words, speaker) for each quote found."""
    analysis = analyse(text, base)
    return [(q.kind, q.text, q.speaker.key) for q in analysis.quotes]


def test_said_x_the_minister() -> None:
    assert speakers('"We are ready," said Anna Keller, the Valdorian foreign minister.') == [
        ("direct", "We are ready", "Anna Keller")
    ]


def test_x_the_minister_said() -> None:
    assert speakers("“We are ready,” Keller, the foreign minister, said.") == [("direct", "We are ready", "Keller")]


def test_according_to() -> None:
    found = speakers("According to Anna Keller, the talks will resume soon.")
    assert found == [("reported", "the talks will resume soon", "Anna Keller")]


def test_told_reporters() -> None:
    found = speakers("Anna Keller told reporters on Tuesday that the talks would resume soon.")
    assert found == [("reported", "the talks would resume soon", "Anna Keller")]
    analysis = analyse("Anna Keller told reporters on Tuesday that the talks would resume soon.", WEDNESDAY)
    assert analysis.quotes[0].said is not None and analysis.quotes[0].said.value == "2026-02-03"


def test_pronoun_and_office_take_the_last_person_who_fits() -> None:
    text = (
        "Foreign Minister Anna Keller met envoy Tomas Brun on Monday. "
        "“It went well,” she said. "
        "Brun was more careful. “We will see,” he said. "
        "“Nothing is agreed,” the foreign minister added."
    )
    assert [(t, s) for _k, t, s in speakers(text)] == [
        ("It went well", "Anna Keller"),
        ("We will see", "Tomas Brun"),
        ("Nothing is agreed", "Anna Keller"),
    ]


def test_both_sides_speak_a_fragment() -> None:
    found = speakers("While both Russia and Ukraine described the talks as “constructive,” they failed to agree.")
    assert found == [("direct", "constructive", "Russia"), ("direct", "constructive", "Ukraine")]


def test_a_quote_never_takes_the_speaker_of_the_next_sentence() -> None:
    text = "“The door is open.” Anna Keller said it twice after the meeting."
    analysis = analyse(text, WEDNESDAY)
    quote = next(q for q in analysis.quotes if q.kind == "direct")
    assert (quote.text, quote.speaker.kind) == ("The door is open.", "unknown")
    assert quote.review and "assign" in quote.review


def test_an_unattributed_quote_continues_the_speaker_before_it() -> None:
    text = (
        "“We will not stop until every prisoner is home,” said President Mirela Dusk.\n\n"
        "“Not one will be forgotten.”\n\n"
        "Iskand's foreign ministry, for its part, said it had handed over a list."
    )
    quotes = [q for q in analyse(text, WEDNESDAY).quotes if q.kind == "direct"]
    assert [(q.text, q.speaker.key) for q in quotes] == [
        ("We will not stop until every prisoner is home", "Mirela Dusk"),
        ("Not one will be forgotten.", "Mirela Dusk"),
    ]


def test_unknown_speaker_is_marked(tmp_path: Path) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_text("date 2026-02-04\n\n“We will not move,” a source close to the talks said.\n", encoding="utf-8")
    yaml_text, _ = draft_text(
        [DocumentInput(doc, doc.read_bytes(), doc.read_text(encoding="utf-8"))], paths_from=tmp_path
    )
    (tmp_path / "b.yaml").write_text(yaml_text, encoding="utf-8")
    brief = load_brief(tmp_path / "b.yaml")
    quote = brief.quotes[0]
    assert quote.speaker == "unassigned" and quote.review


# -- anchors and YAML ------------------------------------------------------------------


def test_repeated_words_get_a_prefix_or_suffix(tmp_path: Path) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_text(
        "date 2026-02-04\n\nKeller called the plan “constructive” on Monday.\n\nBrun called the offer “constructive” on Tuesday.\n",
        encoding="utf-8",
    )
    yaml_text, _draft = draft_text(
        [DocumentInput(doc, doc.read_bytes(), doc.read_text(encoding="utf-8"))], paths_from=tmp_path
    )
    (tmp_path / "b.yaml").write_text(yaml_text, encoding="utf-8")
    brief = load_brief(tmp_path / "b.yaml")
    quotes = [q for q in brief.quotes if q.text == "constructive"]
    assert len(quotes) == 2 and quotes[0].source.start != quotes[1].source.start
    assert all(q.source.prefix or q.source.suffix for q in quotes)
    assert {brief.records[q.speaker].name for q in quotes} == {"Keller", "Brun"}  # type: ignore[attr-defined]


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1, max_size=40))
def test_scalars_read_back_as_written(text: str) -> None:
    written = scalar(text)
    assert yaml.safe_load(f"key: {written}\n") == {"key": text}


@pytest.mark.parametrize(
    "text",
    [
        "yes",
        "no",
        "on",
        "2026",
        "2026-02-04",
        "1e3",
        "null",
        "~",
        "a: b",
        "- x",
        "#x",
        "x #y",
        "'q'",
        "[a]",
        "{a}",
        "*x",
        "!x",
        "|",
        ">",
        "%x",
        "@x",
        "`x`",
        " x",
        "x ",
    ],
)
def test_awkward_scalars(text: str) -> None:
    assert yaml.safe_load(f"key: {scalar(text)}\n") == {"key": text}
