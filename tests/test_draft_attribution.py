"""Attribution forms of real copy, each in made-up sentences of the same shape: the verb
before an office and a name, a nationality with an office, names given by an apposition,
statements of a ministry, and names that are not people."""

from __future__ import annotations

import datetime as dt

from peacebrief.core.draft.analyse import analyse

FRIDAY = dt.date(2024, 8, 30)


def speakers(text: str, base: dt.date = FRIDAY) -> list[tuple[str, str, str]]:
    """(words, speaker kind, speaker key) of each direct quote."""
    return [(q.text, q.speaker.kind, q.speaker.key) for q in analyse(text, base).quotes if q.kind == "direct"]


def people(text: str, base: dt.date = FRIDAY) -> set[str]:
    analysis = analyse(text, base)
    return {m.key for ms in analysis.names.mentions.values() for m in ms if m.kind == "person"}


def test_said_then_an_office_in_lower_case_then_the_name() -> None:
    found = speakers("“Leaving is easy. Staying is hard,” said opposition lawmaker Mila Stenberg.")
    assert found == [("Leaving is easy. Staying is hard", "person", "Mila Stenberg")]
    found = speakers("“We are not done,” said the deputy speaker, Anton Ruud.")
    assert found == [("We are not done", "person", "Anton Ruud")]


def test_said_then_a_name_that_opens_a_clause_is_no_attribution() -> None:
    text = "Their organiser, Eda Marsh, a local councillor, said Kervo had given away “the family silver”."
    assert speakers(text) == [("the family silver", "person", "Eda Marsh")]
    assert "Kervo" not in people(text)


def test_a_nationality_and_an_office_is_a_person_not_the_country() -> None:
    text = (
        "Samir Haddad put his pen down at midnight. “They can do it without me,” the Dornian envoy told the mediators."
    )
    assert speakers(text) == [("They can do it without me", "person", "Samir Haddad")]
    quote = analyse(text, FRIDAY).quotes[0]
    assert quote.speaker.review and "Samir Haddad" in quote.speaker.review


def test_a_nationality_and_an_office_with_nobody_of_that_side_is_unknown() -> None:
    found = speakers("Talks resumed. “We will wait,” the Dornian envoy told the mediators.")
    assert [(w, k) for w, k, _key in found] == [("We will wait", "unknown")]


def test_a_name_given_by_an_apposition() -> None:
    text = "Its spokesman, a man who goes by the name Captain Varo, told me on Wednesday: “We will not disarm first.”"
    assert speakers(text) == [("We will not disarm first.", "person", "Varo")]


def test_a_name_set_off_by_commas_before_a_colon() -> None:
    text = "A shopkeeper I spoke to near the market, Elin Varg, summed it up: “We have heard this before.”"
    assert speakers(text) == [("We have heard this before.", "person", "Elin Varg")]


def test_a_ministry_speaks_for_its_side() -> None:
    text = (
        "Dornia's government has been careful to say little. "
        "Its foreign ministry issued a short statement on Wednesday night: “Dornia remains committed to the process.”"
    )
    assert speakers(text) == [("Dornia remains committed to the process.", "party", "Dornia")]


def test_his_ministry_speaks_for_his_side() -> None:
    text = (
        "Korrin's interior minister, Lars Bekk, was in no mood to compromise. "
        "His ministry repeated that in a statement: “The position is clear.”"
    )
    assert speakers(text) == [("The position is clear.", "party", "Korrin")]


def test_places_and_bodies_with_an_article_are_not_people() -> None:
    text = (
        "The envoy of the United Lakes, Kasimir Adeyemi, arrived at the Hotel Astoria on Monday. "
        "“This is what peace looks like,” he said."
    )
    assert people(text) == {"Kasimir Adeyemi"}
    assert speakers(text) == [("This is what peace looks like", "person", "Kasimir Adeyemi")]


def dates(text: str, base: dt.date = FRIDAY) -> list[tuple[str, str]]:
    return [(e.resolved.timex.text, e.resolved.value) for e in analyse(text, base).events]


def test_a_deadline_set_in_the_past_is_a_day_to_come() -> None:
    assert dates("The militia has promised an answer by Saturday.") == [("by Saturday", "2024-08-31")]
    assert dates("The talks had begun on Monday and were due to last until Saturday.") == [
        ("Monday", "2024-08-26"),
        ("until Saturday", "2024-08-31"),
    ]
    assert dates("The troops had withdrawn by Tuesday.") == [("by Tuesday", "2024-08-27")]
