"""The loader: a test per rule of the format, bad input of every kind, and the real briefs.

Each rule's test asserts where the problem is reported (`line:col`, found with `where`
in the very text the test wrote) and what it says.
"""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

import pytest

from conftest import BUNDLED_BRIEF, HARBOUR_BRIEF, write_brief
from peacebrief.core import BriefError, LoadLimits, Problem, load_brief
from peacebrief.core.model import STATUSES, Brief, Event, Party, Person, Position, Quote

DOC = (
    "date 2026-02-04 Alma Berg said “an equal share is the only fair share” at the talks.\n"
    "\n"
    "The first session opened on Wednesday. Berg said the tolls were unfair.\n"
    "\n"
    "The harbour was closed. The harbour was reopened.\n"
)
OTHER_DOC = "date 2026-02-05\n\nThe second session opened on Thursday.\n"

HEADER = """\
peacebrief: 1
id: test-brief
title: Test brief
as_of: 2026-02-04
sources:
  - {id: wire, title: Wire, path: doc.txt, published: 2026-02-04}
parties:
  - {id: north, name: Northland, role: party}
  - {id: broker, name: Midland, role: mediator}
people:
  - {id: alma, name: Alma Berg, party: north}
issues:
  - {id: tolls, title: Tolls}
"""

TAIL = """\
events:
  - id: ev-open
    date: 2026-02-04
    title: First session opens
    parties: [north]
    evidence: ["The first session opened on Wednesday"]
positions:
  - id: north-tolls
    party: north
    issue: tolls
    stance: Share the tolls equally
    evidence: [q-fair]
quotes:
  - id: q-fair
    speaker: alma
    kind: direct
    text: the only fair share
    event: ev-open
    source: "an equal share is the only fair share"
"""

VALID = HEADER + TAIL


@pytest.fixture
def brief_file(tmp_path):
    """Write `text` as a brief beside doc.txt (and other.txt); return its path."""

    def make(text: str | bytes, **seeds: str | bytes) -> Path:
        return write_brief(tmp_path, text, {"doc.txt": DOC, "other.txt": OTHER_DOC, **seeds})

    return make


def problems_of(path: Path, limits: LoadLimits | None = None) -> list[Problem]:
    with pytest.raises(BriefError) as caught:
        load_brief(path, limits=limits)
    return caught.value.problems


def only_problem(path: Path, limits: LoadLimits | None = None) -> Problem:
    problems = problems_of(path, limits)
    assert len(problems) == 1, "\n".join(map(str, problems))
    return problems[0]


def where(text: str, fragment: str, occurrence: int = 1) -> tuple[int, int]:
    """1-based (line, column) of the `occurrence`-th `fragment` in `text`."""
    at = -1
    for _ in range(occurrence):
        at = text.index(fragment, at + 1)
    return text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1


def at(problem: Problem) -> tuple[int | None, int | None]:
    return problem.line, problem.column


# -- a valid brief ---------------------------------------------------------------------


def test_a_valid_brief_loads_every_record(brief_file):
    brief = load_brief(brief_file(VALID))

    assert brief.id == "test-brief"
    assert brief.as_of.iso() == "2026-02-04"
    assert [r.id for r in brief.all_records()] == [
        "wire",
        "north",
        "broker",
        "alma",
        "tolls",
        "ev-open",
        "north-tolls",
        "q-fair",
    ]
    assert brief.warnings == ()


def test_records_know_the_line_they_start_on(brief_file):
    brief = load_brief(brief_file(VALID))

    assert brief["broker"].line == where(VALID, "{id: broker")[0]
    assert brief["q-fair"].line == where(VALID, "id: q-fair")[0]


def test_a_quote_is_resolved_to_its_words_and_paragraph(brief_file):
    brief = load_brief(brief_file(VALID))
    quote = brief["q-fair"]
    text = brief.source("wire").document.text

    assert isinstance(quote, Quote)
    assert text[quote.source.start : quote.source.end] == "an equal share is the only fair share"
    assert text[quote.text_start : quote.text_end] == "the only fair share"
    assert quote.source.paragraph == 1


def test_position_evidence_separates_quote_ids_from_anchors(tmp_path):
    text = VALID.replace("evidence: [q-fair]", 'evidence: [q-fair, "Berg said the tolls were unfair"]')
    brief = load_brief(write_brief(tmp_path, text, {"doc.txt": DOC}))
    position = brief["north-tolls"]

    assert isinstance(position, Position)
    assert position.quotes == ("q-fair",)
    assert [a.exact for a in position.evidence] == ["Berg said the tolls were unfair"]
    assert position.evidence[0].paragraph == 2


def test_the_source_dateline_is_read(brief_file):
    brief = load_brief(brief_file(VALID))

    assert str(brief.source("wire").document.dateline) == "2026-02-04"


# -- top level -------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["peacebrief", "id", "title", "as_of"])
def test_a_missing_required_top_level_key_is_reported_at_the_top(brief_file, key):
    text = "".join(line for line in VALID.splitlines(keepends=True) if not line.startswith(f"{key}:"))

    problem = only_problem(brief_file(text))

    assert at(problem) == (1, 1)
    assert problem.message == f"this brief has no `{key}`, which is required"


def test_a_brief_without_sources_is_reported(brief_file):
    text = "peacebrief: 1\nid: b\ntitle: T\nas_of: 2026\nparties:\n  - {id: north, name: N, role: party}\n"

    problem = only_problem(brief_file(text))

    assert at(problem) == (1, 1)
    assert problem.message == "a brief needs `sources:`, a list of source records"


def test_a_brief_without_parties_is_reported(brief_file):
    problem = only_problem(brief_file(HEADER.split("parties:")[0]))

    assert at(problem) == (1, 1)
    assert problem.message == "a brief needs `parties:`, a list of party records"


def test_an_empty_list_of_sources_is_reported(brief_file):
    text = "peacebrief: 1\nid: b\ntitle: T\nas_of: 2026\nsources: []\nparties: []\n"

    problem = only_problem(brief_file(text))

    assert at(problem) == where(text, "[]")
    assert problem.message == "a brief needs at least one source"


@pytest.mark.parametrize(
    ("written", "shown"),
    [("2", "2"), ("true", "True"), ("1.0", "1.0"), ('"1"', "'1'")],
)
def test_only_format_version_1_is_read(brief_file, written, shown):
    text = VALID.replace("peacebrief: 1", f"peacebrief: {written}")

    problem = only_problem(brief_file(text))

    assert at(problem) == (1, 13)
    assert problem.message == f"format version is {shown}; this reader knows version 1: write `peacebrief: 1`"


# -- ids -------------------------------------------------------------------------------


@pytest.mark.parametrize("bad", ["Alma", "-alma", "al_ma", "al ma", "alm\u00e4", "alma.berg"])
def test_an_id_outside_the_pattern_is_reported(brief_file, bad):
    text = HEADER.replace("{id: alma,", f"{{id: {bad},")

    problem = only_problem(brief_file(text))

    assert at(problem) == where(text, bad)
    assert problem.message == (
        f"id '{bad}' is not valid: use lowercase letters, digits and '-', starting with a letter or digit"
    )


def test_the_brief_id_follows_the_pattern_too(brief_file):
    text = VALID.replace("id: test-brief", "id: Test Brief")

    problem = only_problem(brief_file(text))

    assert at(problem) == where(text, "Test Brief")
    assert "id 'Test Brief' is not valid" in problem.message


@pytest.mark.parametrize("written", ["012", "0x1f", "no", "on", "2026-02-04"])
def test_an_id_is_the_text_as_written_not_what_yaml_makes_of_it(brief_file, written):
    # Unquoted, YAML reads 012 as 10, 0x1f as 31, `no` as false and 2026-02-04 as a date.
    text = VALID.replace("{id: tolls,", f"{{id: {written},").replace("issue: tolls", f"issue: {written}")

    brief = load_brief(brief_file(text))

    assert brief[written].kind == "issue"
    assert brief["north-tolls"].issue == written


@pytest.mark.parametrize("empty", ["", "~", "null", '""'])
def test_an_empty_id_is_reported_not_dropped(brief_file, empty):
    text = HEADER + f"  - {{id: {empty}, title: Fishing}}\n"

    problem = only_problem(brief_file(text))

    assert problem.line == where(text, "title: Fishing")[0]
    assert problem.message == "this issue's `id` is empty"


def test_a_record_without_an_id_is_reported(brief_file):
    text = HEADER + "  - {title: Fishing}\n"

    problem = only_problem(brief_file(text))

    assert at(problem) == where(text, "{title: Fishing}")
    assert problem.message == "this issue has no `id`"


def test_a_duplicate_id_names_the_line_of_the_first(brief_file):
    text = HEADER.replace("  - {id: alma,", "  - {id: north, name: North Person, party: north}\n  - {id: alma,")

    problem = only_problem(brief_file(text))

    assert at(problem) == where(text, "north", occurrence=2)
    assert problem.record == "north"
    first = where(text, "{id: north")[0]
    assert (
        problem.message == f"id 'north' is already used by the party on line {first}; ids are unique across the brief"
    )


def test_ids_are_unique_across_kinds(brief_file):
    text = VALID.replace("id: ev-open", "id: tolls").replace("event: ev-open", "event: tolls")

    problems = problems_of(brief_file(text))

    assert any("id 'tolls' is already used by the issue" in p.message for p in problems)


# -- mappings --------------------------------------------------------------------------


def test_a_key_given_twice_at_the_top_is_reported_at_the_second(brief_file):
    text = VALID.replace("title: Test brief\n", "title: Test brief\ntitle: Again\n")

    problem = only_problem(brief_file(text))

    assert at(problem) == where(text, "title: Again")
    assert problem.message == "'title' is given twice in the top level of a brief (first on line 3)"


def test_a_key_given_twice_in_a_record_is_reported(brief_file):
    text = VALID.replace(
        "    stance: Share the tolls equally\n", "    stance: Share the tolls equally\n    stance: Again\n"
    )

    problem = only_problem(brief_file(text))

    assert at(problem) == where(text, "stance: Again")
    assert problem.message.startswith("'stance' is given twice")
    assert f"(first on line {where(text, 'stance: Share')[0]})" in problem.message


def test_a_record_that_is_not_a_mapping_is_reported(brief_file):
    text = HEADER + "  - just words\n"

    problem = only_problem(brief_file(text))

    assert at(problem) == where(text, "just words")
    assert problem.message == "each of `issues` must be a mapping of `key: value` lines, not a single value"


def test_a_section_that_is_not_a_list_is_reported(brief_file):
    text = VALID.replace("issues:\n  - {id: tolls, title: Tolls}\n", "issues: {id: tolls, title: Tolls}\n").replace(
        "    issue: tolls\n", ""
    )

    problems = problems_of(brief_file(text))

    assert str(problems[0]).endswith("`issues` must be a list, not a mapping")
    assert at(problems[0]) == where(text, "{id: tolls")


def test_a_text_field_that_is_a_list_is_reported(brief_file):
    text = VALID.replace("title: Test brief", "title: [Test, brief]")

    problem = only_problem(brief_file(text))

    assert at(problem) == where(text, "[Test")
    assert problem.message == "`title` must be a single value, not a list"


def test_a_number_in_a_text_field_keeps_its_digits(brief_file):
    text = VALID.replace("title: Test brief", "title: 1.50")

    assert load_brief(brief_file(text)).title == "1.50"


# -- references ------------------------------------------------------------------------


def test_a_speaker_that_is_no_id_is_reported_as_the_contract_says(brief_file):
    text = VALID.replace("speaker: alma", "speaker: peskov2")
    path = brief_file(text)

    problem = only_problem(path)

    line, col = where(text, "peskov2")
    assert str(problem) == f"{path}:{line}:{col}: q-fair: speaker 'peskov2' is not a person or party id"


@pytest.mark.parametrize(
    ("old", "new", "bad", "message"),
    [
        ("parties: [north]", "parties: [nowhere]", "nowhere", "parties 'nowhere' is not a party id"),
        ("    issue: tolls", "    issue: nothing", "nothing", "issue 'nothing' is not an issue id"),
        ("event: ev-open", "event: ev-nope", "ev-nope", "event 'ev-nope' is not an event id"),
        (
            "{id: alma, name: Alma Berg, party: north}",
            "{id: alma, name: Alma Berg, party: west}",
            "west",
            "party 'west' is not a party id",
        ),
    ],
)
def test_a_reference_to_a_missing_id_is_reported(brief_file, old, new, bad, message):
    text = VALID.replace(old, new)

    problem = only_problem(brief_file(text))

    assert at(problem) == where(text, bad)
    assert problem.message == message


def test_a_key_point_that_refers_to_a_missing_id_is_reported(brief_file):
    text = VALID + "key_points:\n  - {text: Tolls matter, refs: [north-tolls, nope]}\n"

    problem = only_problem(brief_file(text))

    assert at(problem) == where(text, "nope")
    assert problem.message == "refs 'nope' is not a record id"


@pytest.mark.parametrize(
    ("old", "new", "bad", "message"),
    [
        ("speaker: alma", "speaker: tolls", "speaker: tolls", "speaker 'tolls' is an issue, not a person or party"),
        ("parties: [north]", "parties: [alma]", "[alma]", "parties 'alma' is a person, not a party"),
        ("    party: north", "    party: alma", "party: alma", "party 'alma' is a person, not a party"),
        (
            "event: ev-open",
            "event: north-tolls",
            "event: north-tolls",
            "event 'north-tolls' is a position, not an event",
        ),
        ("    issue: tolls", "    issue: wire", "issue: wire", "issue 'wire' is a source, not an issue"),
    ],
)
def test_a_reference_to_an_id_of_the_wrong_kind_is_reported(brief_file, old, new, bad, message):
    text = VALID.replace(old, new)

    problem = only_problem(brief_file(text))

    line, col = where(text, bad)
    assert at(problem) == (line, col + bad.rindex(message.split("'")[1]))  # at the id itself
    assert problem.message == message


def test_references_may_point_forward_in_the_file(brief_file):
    # The quote is defined after the position that cites it, the event after the person.
    brief = load_brief(brief_file(VALID))

    assert brief["north-tolls"].quotes == ("q-fair",)


# -- enumerations ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "bad", "message"),
    [
        ("role: mediator", "role: broker", "broker}", "`role` is 'broker'; it must be one of: party, mediator, host"),
        (
            "    date: 2026-02-04\n",
            "    date: 2026-02-04\n    status: done\n",
            "done",
            "`status` is 'done'; it must be one of: occurred, scheduled, postponed, cancelled, reported",
        ),
        ("kind: direct", "kind: indirect", "indirect", "`kind` is 'indirect'; it must be one of: direct, reported"),
    ],
)
def test_a_value_outside_its_list_is_reported(brief_file, old, new, bad, message):
    text = VALID.replace(old, new)

    problem = only_problem(brief_file(text))

    assert at(problem) == where(text, bad)
    assert problem.message == message


def test_status_defaults_to_occurred(brief_file):
    event = load_brief(brief_file(VALID))["ev-open"]

    assert isinstance(event, Event)
    assert event.status == "occurred"


# -- dates -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "bad", "message"),
    [
        ("    date: 2026-02-04", '    date: "2026-13"', '"2026-13"', "`date`: '2026-13' has no month 13"),
        (
            "    date: 2026-02-04",
            "    date: 2026-02-30",
            "2026-02-30",
            "`date`: '2026-02-30' is not a day of the calendar",
        ),
        (
            "    date: 2026-02-04",
            '    date: "2026-02-04/2026-01-01"',
            '"2026-02-04/',
            "`date`: '2026-02-04/2026-01-01' ends before it starts",
        ),
        ("as_of: 2026-02-04", "as_of: soon", "soon", "`as_of`: 'soon' is not a date"),
        ("as_of: 2026-02-04", "as_of: yes", "yes", "`as_of`: 'True' is not a date"),
        (
            "event: ev-open",
            "event: ev-open\n    said: 2026-02-04/2026-01",
            "2026-02-04/",
            "`said`: '2026-02-04/2026-01' ends before",
        ),
    ],
)
def test_a_bad_date_is_reported(brief_file, old, new, bad, message):
    text = VALID.replace(old, new)

    problem = only_problem(brief_file(text))

    assert at(problem) == where(text, bad)
    assert problem.message.startswith(message)


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("2026-02-03", "3 Feb 2026"),
        ('"2026-02"', "Feb 2026"),
        ("2026", "2026"),
        ('"2026-02-02/2026-02-03"', "2-3 Feb 2026"),
        ('"2026-02-03~"', "c. 3 Feb 2026"),
        ('"2026-02-03?"', "3 Feb 2026 (?)"),
    ],
)
def test_a_date_may_be_written_in_every_form(brief_file, written, shown):
    text = VALID.replace("event: ev-open", f"event: ev-open\n    said: {written}")

    assert load_brief(brief_file(text))["q-fair"].said.display() == shown


def test_a_missing_date_is_reported(brief_file):
    text = VALID.replace("    date: 2026-02-04\n", "")

    problem = only_problem(brief_file(text))

    assert at(problem) == where(text, "id: ev-open")
    assert problem.message == "event ev-open has no `date`, which is required"


# -- evidence and anchors --------------------------------------------------------------


def test_an_event_without_evidence_is_reported_at_the_event(brief_file):
    text = VALID.replace('    evidence: ["The first session opened on Wednesday"]\n', "")

    problem = only_problem(brief_file(text))

    assert at(problem) == where(text, "id: ev-open")
    assert problem.record == "ev-open"
    assert problem.message == "event ev-open needs `evidence`: at least one anchor into a source"


def test_an_empty_evidence_list_is_reported_at_the_list(brief_file):
    text = VALID.replace('evidence: ["The first session opened on Wednesday"]', "evidence: []")

    problem = only_problem(brief_file(text))

    assert at(problem) == where(text, "[]")
    assert problem.message == "event ev-open needs `evidence`: at least one anchor into a source"


@pytest.mark.parametrize(
    ("old", "new", "empty", "record"),
    [
        ('evidence: ["The first session opened on Wednesday"]', "evidence: [~]", "~]", "ev-open"),
        ('evidence: ["The first session opened on Wednesday"]', "evidence:\n      -\n", "-\n", "ev-open"),
        ("evidence: [q-fair]", "evidence: [null]", "null]", "north-tolls"),
        ('source: "an equal share is the only fair share"', "source: ~", "~", "q-fair"),
    ],
    ids=["tilde", "dash", "position", "quote-source"],
)
def test_an_empty_anchor_is_reported_not_dropped(brief_file, old, new, empty, record):
    text = VALID.replace(old, new)

    problems = problems_of(brief_file(text))

    assert problems[0].record == record
    assert problems[0].message == "an anchor is empty: write the words of the source it points at"
    line, col = where(text, empty)
    assert at(problems[0]) == ((line, col + 1) if empty == "-\n" else (line, col))  # `- ` holds its null after the dash


def test_an_anchor_keeps_the_digits_as_written(brief_file):
    doc = DOC.replace("at the talks.", "at the talks, which cost 1.50 each.")
    text = VALID.replace('"The first session opened on Wednesday"', "1.50")

    anchor = load_brief(brief_file(text, **{"doc.txt": doc}))["ev-open"].evidence[0]

    assert anchor.exact == "1.50"
    assert doc[anchor.start : anchor.end] == "1.50"


def test_an_empty_optional_section_is_an_empty_list(brief_file):
    brief = load_brief(brief_file(HEADER.replace("issues:\n  - {id: tolls, title: Tolls}\n", "issues:\n")))

    assert brief.issues == ()


def test_an_empty_alias_is_reported(brief_file):
    text = HEADER.replace("party: north}", "party: north, aliases: [Berg, ~]}")

    problem = only_problem(brief_file(text))

    assert at(problem) == where(text, "~]")
    assert problem.message == "`aliases` has an empty item"


def test_a_position_whose_evidence_is_a_person_is_reported(brief_file):
    text = VALID.replace("evidence: [q-fair]", "evidence: [alma]")

    problem = only_problem(brief_file(text))

    assert at(problem) == where(text, "alma]")
    assert problem.record == "north-tolls"
    assert problem.message == "evidence 'alma' is a person, not a quote"


def test_a_short_anchor_needs_a_named_source_when_there_are_two(brief_file):
    text = VALID.replace(
        "  - {id: wire, title: Wire, path: doc.txt, published: 2026-02-04}\n",
        "  - {id: wire, title: Wire, path: doc.txt, published: 2026-02-04}\n"
        "  - {id: other, title: Other, path: other.txt, published: 2026-02-05}\n",
    )

    problems = problems_of(brief_file(text))

    assert [at(p) for p in problems] == [
        where(text, '"The first session'),
        where(text, '"an equal share'),
    ]
    assert all(p.message.startswith("this brief has several sources, so an anchor names its source") for p in problems)


def test_a_long_anchor_names_one_of_two_sources(brief_file):
    text = (
        VALID.replace(
            "  - {id: wire, title: Wire, path: doc.txt, published: 2026-02-04}\n",
            "  - {id: wire, title: Wire, path: doc.txt, published: 2026-02-04}\n"
            "  - {id: other, title: Other, path: other.txt, published: 2026-02-05}\n",
        )
        .replace('["The first session opened on Wednesday"]', "[{source: other, exact: second session opened}]")
        .replace(
            'source: "an equal share is the only fair share"', "source: {source: wire, exact: the only fair share}"
        )
    )

    brief = load_brief(brief_file(text))

    assert brief["ev-open"].evidence[0].source == "other"
    assert brief["ev-open"].evidence[0].paragraph == 1
    assert brief["q-fair"].source.source == "wire"


def test_an_anchor_to_a_source_that_is_not_one_is_reported(brief_file):
    text = VALID.replace('["The first session opened on Wednesday"]', "[{source: north, exact: The first session}]")

    problem = only_problem(brief_file(text))

    assert at(problem) == where(text, "north, exact")
    assert problem.message == "source 'north' is a party, not a source"


def test_words_that_are_not_in_the_source_are_reported_at_the_anchor(brief_file):
    text = VALID.replace("The first session opened on Wednesday", "The first session opened on Thursday")

    problem = only_problem(brief_file(text))

    assert at(problem) == where(text, '"The first session')
    assert problem.record == "ev-open"
    assert problem.message.startswith("'The first session opened on Thursday' is not in the source")


def test_ambiguous_words_are_reported_at_the_anchor(brief_file):
    text = VALID.replace('"The first session opened on Wednesday"', '"The harbour was"')

    problem = only_problem(brief_file(text))

    assert at(problem) == where(text, '"The harbour was"')
    assert "'The harbour was' occurs 2 times in the source" in problem.message


def test_a_suffix_in_the_brief_breaks_the_tie(brief_file):
    text = VALID.replace(
        '"The first session opened on Wednesday"', '{source: wire, exact: The harbour was, suffix: " reopened"}'
    )

    anchor = load_brief(brief_file(text))["ev-open"].evidence[0]

    assert (anchor.start, anchor.suffix) == (DOC.rindex("The harbour was"), " reopened")
    assert anchor.paragraph == 3


def test_a_prefix_in_the_brief_that_fits_nowhere_is_reported_at_exact(brief_file):
    text = VALID.replace(
        '"The first session opened on Wednesday"', "{source: wire, exact: The harbour was, prefix: nope}"
    )

    problem = only_problem(brief_file(text))

    assert at(problem) == where(text, "The harbour was,")
    assert problem.message == "'The harbour was' is in the source, but not with that prefix"


def test_an_anchor_may_match_only_after_normalising(brief_file):
    text = VALID.replace(
        'source: "an equal share is the only fair share"', "source: '\"an equal share is the only fair share\"'"
    )

    quote = load_brief(brief_file(text))["q-fair"]

    assert quote.source.normalised is True
    assert DOC[quote.source.start : quote.source.end] == "“an equal share is the only fair share”"


def test_a_quote_whose_text_is_outside_its_anchor_is_reported_at_text(brief_file):
    text = VALID.replace("text: the only fair share", "text: the tolls were unfair")

    problem = only_problem(brief_file(text))

    assert at(problem) == where(text, "the tolls were unfair")
    assert problem.record == "q-fair"
    assert problem.message.startswith("the quote's text is not within the words its `source` anchor points at")


def test_a_direct_quote_outside_quotation_marks_is_reported_at_kind(brief_file):
    text = VALID.replace("text: the only fair share", "text: the tolls were unfair").replace(
        'source: "an equal share is the only fair share"', 'source: "Berg said the tolls were unfair"'
    )

    problem = only_problem(brief_file(text))

    assert at(problem) == where(text, "direct")
    assert problem.message.startswith("a direct quote must stand inside quotation marks in the source")


def test_a_reported_quote_may_stand_outside_quotation_marks(brief_file):
    text = (
        VALID.replace("kind: direct", "kind: reported")
        .replace("text: the only fair share", "text: the tolls were unfair")
        .replace('source: "an equal share is the only fair share"', 'source: "Berg said the tolls were unfair"')
    )

    quote = load_brief(brief_file(text))["q-fair"]

    assert quote.quote_kind == "reported"
    assert quote.source.paragraph == 2


# -- source files ----------------------------------------------------------------------


def test_a_matching_sha256_is_accepted_in_either_case(brief_file):
    digest = hashlib.sha256(DOC.encode()).hexdigest().upper()
    text = VALID.replace("published: 2026-02-04}", f"published: 2026-02-04, sha256: {digest}}}")

    assert load_brief(brief_file(text)).source("wire").sha256 == digest.lower()


def test_a_sha256_mismatch_is_reported_at_sha256(brief_file):
    wrong = "0" * 64
    text = VALID.replace("published: 2026-02-04}", f'published: 2026-02-04, sha256: "{wrong}"}}')
    actual = hashlib.sha256(DOC.encode()).hexdigest()

    problem = only_problem(brief_file(text))

    assert at(problem) == where(text, f'"{wrong}"')
    assert problem.record == "wire"
    assert problem.message == (
        f"source file doc.txt: sha256 is {actual}, not the {wrong} the brief records: the document has changed"
    )


def test_a_sha256_that_is_not_a_digest_is_reported(brief_file):
    text = VALID.replace("published: 2026-02-04}", "published: 2026-02-04, sha256: abc}")

    problem = only_problem(brief_file(text))

    assert at(problem) == where(text, "abc}")
    assert problem.message.startswith("sha256 must be 64 hexadecimal digits")


def test_a_missing_source_file_is_reported_at_its_path(brief_file, tmp_path):
    text = VALID.replace("path: doc.txt", "path: gone.txt")

    problem = only_problem(brief_file(text))

    assert at(problem) == where(text, "gone.txt")
    assert problem.record == "wire"
    assert problem.message == f"source file gone.txt: not found (looked for {tmp_path / 'gone.txt'})"


def test_a_source_that_is_not_utf8_is_reported_at_its_path(brief_file):
    path = brief_file(VALID, **{"doc.txt": b"date 2026-02-04\n\ncaf\xe9\n"})

    problem = only_problem(path)

    assert at(problem) == where(VALID, "doc.txt")
    assert (
        problem.message == "source file doc.txt: is not UTF-8 text (byte 20); save it as UTF-8 (line 3 of the document)"
    )


def test_a_source_over_the_size_limit_is_reported(brief_file):
    path = brief_file(VALID, **{"doc.txt": DOC + "x" * 5000})

    problem = only_problem(path, LoadLimits(max_bytes=4000))

    assert at(problem) == where(VALID, "doc.txt")
    assert problem.message == f"source file doc.txt: is {len(DOC.encode()) + 5000:,} bytes; the limit is 4,000"


def test_a_dateline_that_is_not_a_day_is_reported(brief_file):
    problem = only_problem(brief_file(HEADER, **{"doc.txt": "date 2026-02-30 Text.\n"}))

    assert at(problem) == where(HEADER, "doc.txt")
    assert problem.message.startswith("source file doc.txt: its dateline is not a valid date")


# -- every error at once ---------------------------------------------------------------


def test_every_error_is_reported_at_once_in_file_order(brief_file):
    # Found in another order (ids first, key points last), reported in the file's.
    text = """\
peacebrief: 1
id: test-brief
title: Test brief
as_of: 2026-02-04
key_points:
  - {text: Something, refs: [nowhere]}
sources:
  - {id: wire, title: Wire, path: doc.txt, published: 2026-02-04}
parties:
  - {id: north, name: Northland, role: broker}
people:
  - {id: Alma, name: Alma Berg, party: north}
events:
  - id: ev-open
    date: 2026-13
    title: First session opens
    evidence: ["The first session opened on Wednesday"]
quotes:
  - id: q-fair
    speaker: peskov2
    kind: direct
    text: the only fair share
    source: "an equal share is the only fair share"
"""
    problems = problems_of(brief_file(text))

    assert [(p.line, p.message.split(":")[0]) for p in problems] == [
        (where(text, "nowhere")[0], "refs 'nowhere' is not a record id"),
        (where(text, "broker")[0], "`role` is 'broker'; it must be one of"),
        (where(text, "Alma,")[0], "id 'Alma' is not valid"),
        (where(text, "2026-13")[0], "`date`"),
        (where(text, "peskov2")[0], "speaker 'peskov2' is not a person or party id"),
    ]


def test_problems_sort_by_line_then_column():
    problems = [
        Problem("b.yaml", "z", 3, 9),
        Problem("b.yaml", "y", 3, 2),
        Problem("b.yaml", "x", 1, 5),
        Problem("b.yaml", "w"),
    ]

    assert [p.message for p in BriefError(problems).problems] == ["w", "x", "y", "z"]


def test_a_problem_prints_as_path_line_column_record_message():
    assert str(Problem("b.yaml", "speaker 'x' is not a person or party id", 7, 14, "q-7")) == (
        "b.yaml:7:14: q-7: speaker 'x' is not a person or party id"
    )
    assert str(Problem("b.yaml", "no such brief file")) == "b.yaml: no such brief file"


# -- review marks ----------------------------------------------------------------------


def test_review_marks_are_warnings_that_do_not_stop_loading(brief_file):
    text = VALID.replace("    kind: direct\n", "    kind: direct\n    review: is Alma the speaker?\n").replace(
        "{id: broker, name: Midland, role: mediator}", "{id: broker, name: Midland, role: mediator, review: a guess}"
    )

    brief = load_brief(brief_file(text))

    assert brief.review_count == 2
    assert [(p.severity, p.record, p.message, p.line) for p in brief.warnings] == [
        ("warning", "broker", "needs review: a guess", where(text, "review: a guess")[0]),
        ("warning", "q-fair", "needs review: is Alma the speaker?", where(text, "review: is Alma")[0]),
    ]
    assert brief["q-fair"].review == "is Alma the speaker?"


def test_review_marks_are_listed_beside_the_errors_of_a_broken_brief(brief_file):
    text = VALID.replace("    kind: direct\n", "    kind: direct\n    review: check\n").replace(
        "speaker: alma", "speaker: nobody"
    )

    problems = problems_of(brief_file(text))

    assert sorted(p.severity for p in problems) == ["error", "warning"]


# -- bad input: one clear problem, no traceback, no hang -------------------------------


def test_a_yaml_syntax_error_gives_its_line(brief_file):
    text = "peacebrief: 1\nid: t\n  title: T\n"

    problem = only_problem(brief_file(text))

    assert at(problem) == (3, 8)
    assert problem.message.startswith("YAML syntax error: mapping values are not allowed")


def test_two_yaml_documents_in_one_file_are_a_syntax_error(brief_file):
    problem = only_problem(brief_file(VALID + "---\nmore: 1\n"))

    assert problem.line == VALID.count("\n") + 1
    assert "expected a single document" in problem.message


@pytest.mark.parametrize("text", ["- a\n- b\n", "just words\n", "42\n"])
def test_a_top_level_that_is_not_a_mapping_is_reported(brief_file, text):
    problem = only_problem(brief_file(text))

    assert at(problem) == (1, 1)
    assert problem.message.startswith("the top level of a brief must be a mapping of `key: value` lines, not a")


@pytest.mark.parametrize(
    "text",
    ["", "\n\n   \n", "# only a comment\n\n  # and another\n", "---\n", "\ufeff"],
    ids=["empty", "blank", "comments", "bare-document", "bom-only"],
)
def test_an_empty_file_is_reported(brief_file, text):
    problem = only_problem(brief_file(text))

    assert at(problem) == (1, 1)
    assert problem.message == "the file is empty: a brief starts with `peacebrief: 1`"


def test_a_file_that_is_not_utf8_gives_the_line_of_the_first_bad_byte(brief_file):
    data = VALID.encode() + b"summary: caf\xe9\n"

    problem = only_problem(brief_file(data))

    assert problem.line == VALID.count("\n") + 1
    assert problem.message == f"is not UTF-8 text (byte {len(VALID.encode()) + len('summary: caf')}); save it as UTF-8"


def test_a_utf8_byte_order_mark_is_accepted(brief_file):
    assert load_brief(brief_file(b"\xef\xbb\xbf" + VALID.encode())).id == "test-brief"


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b"])
def test_a_control_character_gives_its_line(brief_file, char):
    text = VALID + f"summary: a{char}b\n"

    problem = only_problem(brief_file(text))

    assert at(problem) == (VALID.count("\n") + 1, len("summary: a") + 1)
    assert problem.message == f"the file holds the control character #x{ord(char):04x}, which YAML does not allow"


def test_a_missing_brief_file_is_reported(tmp_path):
    path = tmp_path / "nowhere.yaml"

    problem = only_problem(path)

    assert (problem.path, problem.line, problem.message) == (str(path), None, "no such brief file")


def test_a_folder_is_not_a_brief(tmp_path):
    assert only_problem(tmp_path).message == "is a folder, not a brief file"


PYTHON_TAG = '!!python/object/apply:os.system ["touch {marker}"]'


@pytest.mark.parametrize(
    "place",
    [
        lambda tag: VALID.replace("title: Test brief", f"title: {tag}"),
        lambda tag: VALID + f"extra: {tag}\n",  # a field the format does not read
        lambda tag: VALID.replace("events:\n", f"events:\n  - {tag}\n"),
        lambda tag: f"--- {tag.split(' [')[0]}\n" + VALID,  # on the document itself
    ],
    ids=["title", "extra-field", "in-events", "top-level"],
)
def test_a_python_tag_is_refused_and_nothing_runs(brief_file, tmp_path, place):
    marker = tmp_path / "ran"
    text = place(PYTHON_TAG.format(marker=marker))

    problem = only_problem(brief_file(text))

    assert not marker.exists()
    assert "is not allowed: a brief holds plain text, numbers, dates, lists and mappings" in problem.message
    assert problem.message.startswith("the YAML tag !!python/object")
    assert problem.line == where(text, "!!python")[0]


def test_a_python_name_tag_is_refused(brief_file):
    text = VALID + "extra: !!python/name:os.system\n"

    problem = only_problem(brief_file(text))

    assert at(problem) == where(text, "!!python")
    assert problem.message.startswith("the YAML tag !!python/name:os.system is not allowed")


BOMB = """\
lol: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


@pytest.mark.parametrize(
    "text",
    [
        HEADER + BOMB + "events: *i\n",
        HEADER + BOMB + "events: [*i, *i]\n",
        HEADER + BOMB.replace("lol: ", "events:\n  - ", 1).replace("\nb: ", "\n  - ").replace("\nc: ", "\n  - "),
        HEADER + BOMB,  # under a field the format does not read
    ],
    ids=["events-alias", "events-list", "inside-events", "extra-field"],
)
def test_an_alias_bomb_is_refused_within_a_second(brief_file, text):
    path = brief_file(text)

    started = time.process_time()
    problem = only_problem(path)
    cpu_seconds = time.process_time() - started

    assert cpu_seconds < 1.0
    assert "YAML aliases here expand to more than" in problem.message
    assert problem.message.endswith("write the values out instead")
    assert problem.line is not None and problem.line > HEADER.count("\n")


def test_a_few_aliases_are_fine(brief_file):
    text = VALID.replace("parties: [north]", "parties: &both [north, broker]") + "extra: [*both, *both]\n"

    assert load_brief(brief_file(text))["ev-open"].parties == ("north", "broker")


def test_an_alias_that_contains_itself_is_refused(brief_file):
    text = VALID + "extra: &loop [*loop]\n"

    problem = only_problem(brief_file(text))

    assert at(problem) == where(text, "&loop")
    assert problem.message == "a YAML alias refers to the value that contains it; a brief cannot hold a loop"


def test_deep_nesting_is_refused_quickly(brief_file):
    text = VALID + "extra: " + "[" * 20_000 + "]" * 20_000 + "\n"

    started = time.process_time()
    problem = only_problem(brief_file(text))

    assert time.process_time() - started < 1.0
    assert problem.line == VALID.count("\n") + 1


def test_a_brief_over_the_size_limit_is_refused_before_reading(brief_file):
    path = brief_file(VALID)

    problem = only_problem(path, LoadLimits(max_bytes=100))

    assert problem.line is None
    assert problem.message == f"the brief is {len(VALID.encode()):,} bytes; the limit is 100"


def test_a_string_over_the_limit_is_reported_at_its_line(brief_file):
    title = "A title that is far longer than the limit"
    text = HEADER.replace("title: Test brief", f"title: {title}")

    problem = only_problem(brief_file(text), LoadLimits(max_string=30))

    assert at(problem) == where(text, title)
    assert problem.message == f"`title` is {len(title)} characters long; the limit is 30"


def test_the_default_limits_are_documented_values():
    assert LoadLimits() == LoadLimits(
        max_bytes=128 * 1024 * 1024, max_depth=32, max_string=1_000_000, alias_slack=10_000
    )


# -- the real briefs -------------------------------------------------------------------


def test_the_bundled_brief_loads(bundled_brief):
    assert bundled_brief.id == "abu-dhabi-2026-02"
    assert bundled_brief.path == BUNDLED_BRIEF
    assert [s.path for s in bundled_brief.sources] == ["../seeds/000_10ec13a8d29864e3.txt"]
    assert bundled_brief.source("dw-2026-02-04").document.dateline.isoformat() == "2026-02-04"


def test_the_bundled_kept_his_word_quote_is_trumps_and_direct(bundled_brief):
    (quote,) = [q for q in bundled_brief.quotes if q.text == "kept his word"]
    document = bundled_brief.source(quote.source.source).document

    assert (quote.speaker, quote.quote_kind) == ("trump", "direct")
    assert document.text[quote.text_start : quote.text_end] == "kept his word"
    assert quote.source.paragraph == 14
    assert isinstance(bundled_brief[quote.speaker], Person)


def test_the_bundled_first_round_is_dated_23_to_24_january(bundled_brief):
    event = bundled_brief["ev-first-round"]

    assert isinstance(event, Event)
    assert event.date.iso() == "2026-01-23/2026-01-24"
    assert event.date.display() == "23-24 Jan 2026"
    assert event.place == "Abu Dhabi"


def test_the_bundled_events_are_in_date_order(bundled_brief):
    events = bundled_brief.events

    assert list(events) == sorted(events, key=Event.sort_key)
    assert [e.date.earliest for e in events] == sorted(e.date.earliest for e in events)
    assert events[0].id == "ev-invasion-began"
    assert events[0].date.display() == "Feb 2022"


def test_the_bundled_delegations_and_host_are_parties(bundled_brief):
    roles = {p.id: p.role for p in bundled_brief.parties}

    assert roles["russia"] == roles["ukraine"] == roles["us"] == "party"
    assert roles["uae"] == "host"
    assert all(isinstance(p, Party) for p in bundled_brief.parties)


def test_the_second_brief_has_two_sources(harbour_brief):
    assert harbour_brief.path == HARBOUR_BRIEF
    assert len(harbour_brief.sources) == 2
    used = {a.source for e in harbour_brief.events for a in e.evidence}
    assert used == {s.id for s in harbour_brief.sources}


def test_the_second_brief_has_every_status(harbour_brief):
    assert {e.status for e in harbour_brief.events} == set(STATUSES)


def test_the_second_brief_has_every_date_form(harbour_brief):
    dates = [e.date for e in harbour_brief.events]

    assert {d.precision for d in dates} == {"day", "month", "year"}
    assert {d.precision for d in dates if d.is_interval} >= {"day", "month"}
    assert any(d.approximate for d in dates)
    assert any(d.uncertain for d in dates)


def test_the_second_brief_uses_normalised_anchors_and_tie_breaks(harbour_brief):
    anchors = [a for e in harbour_brief.events for a in e.evidence] + [q.source for q in harbour_brief.quotes]

    assert any(a.normalised for a in anchors)
    assert any(a.prefix or a.suffix for a in anchors)


def test_the_second_brief_events_are_in_date_order(harbour_brief):
    assert list(harbour_brief.events) == sorted(harbour_brief.events, key=Event.sort_key)


# -- without libyaml -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("peacebrief: 1\nid: t\n  title: T\n", 3, "YAML syntax error: mapping values are not allowed"),
        (VALID + "extra: !!python/name:os.system\n", VALID.count("\n") + 1, "the YAML tag !!python/name:os.system"),
        (HEADER + BOMB + "events: *i\n", where(HEADER + BOMB, "&e")[0], "YAML aliases here expand"),
        (VALID + "summary: caf\u00e9 \x07\n", VALID.count("\n") + 1, "the file holds the control character #x0007"),
        (VALID.replace("speaker: alma", "speaker: peskov2"), where(VALID, "speaker: alma")[0], "speaker 'peskov2'"),
    ],
    ids=["syntax", "tag", "bomb", "control-character", "reference"],
)
def test_the_pure_python_parser_reports_the_same(brief_file, monkeypatch, text, line, words):
    import yaml

    from peacebrief.core import loader

    path = brief_file(text)
    with_libyaml = only_problem(path)
    monkeypatch.setattr(loader, "_YamlLoader", yaml.SafeLoader)

    problem = only_problem(path)

    assert problem.line == with_libyaml.line == line
    assert problem.message.startswith(words)


def test_the_pure_python_parser_refuses_deep_nesting(brief_file, monkeypatch):
    import yaml

    from peacebrief.core import loader

    monkeypatch.setattr(loader, "_YamlLoader", yaml.SafeLoader)
    path = brief_file(VALID + "extra: " + "[" * 5_000 + "]" * 5_000 + "\n")

    started = time.process_time()
    problem = only_problem(path)

    assert time.process_time() - started < 1.0
    assert problem.message.startswith("values are nested too deeply")


def test_a_warning_prints_as_a_warning():
    problem = Problem("b.yaml", "needs review: a guess", 4, 5, "q-1", "warning")

    assert str(problem) == "b.yaml:4:5: q-1: warning: needs review: a guess"


def test_a_record_dropped_without_a_reason_still_refuses_the_brief(brief_file, monkeypatch):
    # The loader's safety net: a builder that returns nothing and says nothing (a bug)
    # must not yield a brief with a record missing.
    from peacebrief.core.loader import records

    monkeypatch.setitem(records.BUILDERS, "issues", lambda fields: None)

    problem = only_problem(brief_file(HEADER))

    assert at(problem) == where(HEADER, "{id: tolls")
    assert problem.message.startswith("issue tolls could not be read, and no rule said why")


# -- any order of sections ------------------------------------------------------------------


def _sections_of(text: str) -> list[str]:
    """The top-level entries of a brief, each with the lines under it."""
    parts: list[str] = []
    for line in text.splitlines(keepends=True):
        if line[:1].isalpha():
            parts.append(line)
        else:
            parts[-1] += line
    return parts


def _records_without_lines(brief: Brief) -> dict[str, str]:
    import dataclasses

    return {rid: repr(dataclasses.replace(record, line=0)) for rid, record in brief.records.items()}


@pytest.mark.parametrize("max_later", [None, 0])
def test_sections_in_any_order_load_the_same_brief(brief_file, monkeypatch, max_later):
    # The loader builds each record as it reads it, keeping for the end only those that
    # name a record further on (here: every reference points forward); `max_later=0`
    # makes it read such a brief in two passes instead. The brief is the same either way.
    from peacebrief.core.loader import one_pass

    if max_later is not None:
        monkeypatch.setattr(one_pass, "MAX_LATER", max_later)
    expected = load_brief(brief_file(VALID))
    reordered = "".join(reversed(_sections_of(VALID)))

    brief = load_brief(brief_file(reordered))

    assert [r.id for r in brief.events] == [r.id for r in expected.events]
    assert list(brief.records) == list(expected.records)
    assert _records_without_lines(brief) == _records_without_lines(expected)
    assert brief.quotes[0].line == reordered.count("\n", 0, reordered.index("- id: q-fair")) + 1


# -- a source stays inside the folder that holds the brief's folder ----------------------

OUTSIDE = (
    "is outside {root}, the folder that holds the brief's folder; a source must be inside it (symbolic links followed)"
)


def brief_in_project(tmp_path: Path, path_line: str) -> Path:
    """`project/briefs/brief.yaml` with `project/seeds/doc.txt`, and a secret beside the project."""
    project = tmp_path / "project"
    (project / "seeds").mkdir(parents=True)
    (project / "seeds" / "doc.txt").write_text(DOC, encoding="utf-8")
    (tmp_path / "secret.txt").write_text(DOC, encoding="utf-8")  # the same words: only the place is wrong
    (project / "briefs").mkdir()
    return write_brief(project / "briefs", VALID.replace("path: doc.txt", path_line))


def test_a_source_in_the_project_beside_the_briefs_folder_loads(tmp_path):
    assert load_brief(brief_in_project(tmp_path, "path: ../seeds/doc.txt"))["wire"].document.text == DOC


@pytest.mark.parametrize("written", ["../../secret.txt", "{tmp}/secret.txt", "../../../../../../../../etc/passwd"])
def test_a_source_outside_the_project_is_an_error_naming_it(tmp_path, written):
    written = written.format(tmp=tmp_path)
    path = brief_in_project(tmp_path, f"path: {written}")

    problem = only_problem(path)

    assert problem.message == f"source file {written}: " + OUTSIDE.format(root=tmp_path / "project")
    assert at(problem) == where(path.read_text(encoding="utf-8"), written)


def test_a_symlink_out_of_the_project_is_an_error(tmp_path):
    path = brief_in_project(tmp_path, "path: ../seeds/link.txt")
    (tmp_path / "project" / "seeds" / "link.txt").symlink_to(tmp_path / "secret.txt")

    assert only_problem(path).message == "source file ../seeds/link.txt: " + OUTSIDE.format(root=tmp_path / "project")


def test_a_symlink_loop_is_reported_as_a_loop(tmp_path):
    path = brief_in_project(tmp_path, "path: ../seeds/loop.txt")
    (tmp_path / "project" / "seeds" / "loop.txt").symlink_to(tmp_path / "project" / "seeds" / "loop.txt")

    assert only_problem(path).message == "source file ../seeds/loop.txt: is a loop of symbolic links"


def test_a_brief_that_is_a_symlink_loop_is_reported_as_a_loop(tmp_path):
    (tmp_path / "b.yaml").symlink_to(tmp_path / "b.yaml")

    assert only_problem(tmp_path / "b.yaml").message == "the brief is a loop of symbolic links"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_brief_that_is_a_pipe_is_refused_at_once(tmp_path):
    os.mkfifo(tmp_path / "b.yaml")

    assert (
        only_problem(tmp_path / "b.yaml").message
        == "is not a regular file (a pipe or a device?): a brief must be a text file"
    )


# -- fields the format does not read are bounded too ------------------------------------


def test_fields_nobody_reads_cannot_hold_millions_of_values(brief_file, monkeypatch):
    from peacebrief.core import yamlstream

    monkeypatch.setattr(yamlstream, "MAX_EXTRA_VALUES", 1_000)
    text = VALID + "notes: [" + "1, " * 600 + "1]\n" + "junk: [" + "1, " * 600 + "1]\n"

    problem = only_problem(brief_file(text))

    assert problem.message == (
        "fields peacebrief does not read hold more than 1,000 values, the limit; "
        "a brief needs nowhere near as many: remove them"
    )
    assert problem.line == VALID.count("\n") + 2  # in the second field: the allowance is shared


def test_a_few_fields_nobody_reads_are_fine(brief_file, monkeypatch):
    from peacebrief.core import yamlstream

    monkeypatch.setattr(yamlstream, "MAX_EXTRA_VALUES", 1_000)

    assert load_brief(brief_file(VALID + "notes: [" + "1, " * 900 + "1]\n")).id


def test_a_record_cannot_hold_millions_of_values(brief_file, monkeypatch):
    from peacebrief.core import yamlstream

    monkeypatch.setattr(yamlstream, "MAX_RECORD_VALUES", 1_000)
    text = VALID.replace("  - id: ev-open\n", "  - id: ev-open\n    junk: [" + "1, " * 1_200 + "1]\n", 1)

    problem = only_problem(brief_file(text))

    assert problem.message.startswith("this record holds more than 1,000 values, the limit")


# -- the loader against docs/format.md (attack note 14 of issue 20) --------------------


@pytest.mark.parametrize(
    "extra, second",
    [
        ("notes: {seen: 1, seen: 2}\n", "seen: 2"),  # a top-level field the format does not read
        ("notes:\n  - deep:\n      seen: 1\n      seen: 2\n", "seen: 2"),  # deeper in one
    ],
)
def test_a_key_given_twice_under_a_field_the_format_does_not_read_is_reported(brief_file, extra, second):
    text = VALID + extra

    problem = only_problem(brief_file(text))

    assert at(problem) == where(text, second)
    assert (
        problem.message == f"'seen' is given twice in this mapping (first on line {where(text, 'seen: 1')[0]}); "
        "a key may stand once in a mapping"
    )


def test_a_key_given_twice_in_a_record_s_own_note_is_reported_once(brief_file):
    text = VALID.replace(
        "    stance: Share the tolls equally\n", "    stance: Share the tolls equally\n    mine: {who: me, who: you}\n"
    )

    problem = only_problem(brief_file(text))

    assert at(problem) == where(text, "who: you")
    assert problem.message.startswith("'who' is given twice in this mapping")


def test_a_key_given_twice_in_an_anchor_is_reported_once(brief_file):
    # The anchor's mapping is read when its record is built, in the second pass over the
    # file, whose nodes are not the first pass's: the key is known by its place.
    text = VALID.replace(
        '"The first session opened on Wednesday"', "{source: wire, source: wire, exact: The first session}"
    )

    problem = only_problem(brief_file(text))

    assert at(problem) == where(text, "source: wire, exact")
    assert problem.message.startswith("'source' is given twice in an anchor")


def test_a_key_given_twice_in_a_record_is_reported_once_not_again_as_a_field_not_read(brief_file):
    text = VALID.replace(
        "    stance: Share the tolls equally\n", "    stance: Share the tolls equally\n    stance: Again\n"
    )

    problems = problems_of(brief_file(text))

    assert [p.message.split(" (")[0] for p in problems] == ["'stance' is given twice in each of `positions`"]


@pytest.mark.parametrize(
    "extra, tag, shape, fits",
    [
        ("extra: !!map [1, 2]\n", "!!map", "list", "mapping"),
        ("extra: !!seq {a: 1}\n", "!!seq", "mapping", "list"),
        ("extra: !!str [a]\n", "!!str", "list", "single value"),
        ("extra: !!map\n", "!!map", "single value", "mapping"),
    ],
)
def test_a_standard_tag_on_the_wrong_kind_of_value_is_refused_as_safe_load_refuses_it(
    brief_file, extra, tag, shape, fits
):
    text = VALID + extra

    problem = only_problem(brief_file(text))

    assert at(problem) == where(text, tag)
    assert problem.message == f"the YAML tag {tag} is on a {shape}, but it is for a {fits}: remove the tag"


def test_a_map_tag_on_a_section_is_refused(brief_file):
    text = VALID.replace("events:\n", "events: !!map\n")

    problem = only_problem(brief_file(text))

    assert at(problem) == where(text, "!!map")
    assert problem.message == "the YAML tag !!map is on a list, but it is for a mapping: remove the tag"


def test_fitting_standard_tags_are_still_read(brief_file):
    text = VALID.replace("events:\n", "events: !!seq\n").replace("title: Test brief", "title: !!str Test brief")

    assert load_brief(brief_file(text)).title == "Test brief"


@pytest.mark.parametrize("written", ["2026-02-04 10:30:00", "2026-02-04T10:30:00Z", "2026-02-04t10:30:00+02:00"])
def test_a_date_with_a_time_of_day_is_refused_not_cut_to_its_day(brief_file, written):
    text = VALID.replace("as_of: 2026-02-04", f"as_of: {written}")

    problem = only_problem(brief_file(text))

    assert at(problem) == where(text, written)
    assert problem.message == (
        f"`as_of`: '{written}' is a date with a time of day; a brief's dates are days, "
        "months or years: write 2026-02-04"
    )


def test_an_anchor_across_two_paragraphs_is_refused(brief_file):
    words = "the tolls were unfair. The harbour was closed"  # the end of ¶2 and the start of ¶3
    text = VALID.replace('evidence: ["The first session opened on Wednesday"]', f'evidence: ["{words}"]')

    problem = only_problem(brief_file(text))

    assert at(problem) == where(text, f'"{words}"')
    assert problem.record == "ev-open"
    assert problem.message == (
        "these words run from ¶2 into ¶3 of the source; keep an anchor inside one paragraph (one anchor for each)"
    )


def test_an_anchor_with_spaces_around_its_words_is_in_the_paragraph_of_its_words(brief_file):
    text = VALID.replace(
        'evidence: ["The first session opened on Wednesday"]', 'evidence: ["\\n\\nThe harbour was closed"]'
    )

    event = load_brief(brief_file(text))["ev-open"]

    assert event.evidence[0].paragraph == 3


@pytest.mark.parametrize("brk", ["\x85", "\u2028", "\u2029"])
def test_line_numbers_are_an_editor_s_after_unusual_line_breaks(brief_file, brk):
    # YAML ends a line at NEL, LS and PS too; editors (and `where`) do not.
    text = VALID.replace("title: Test brief", f'title: "Test{brk}brief{brk}again"').replace(
        "stance: Share the tolls equally", "stance: [unclosed"
    )

    problem = only_problem(brief_file(text))
    plain = only_problem(brief_file(text.replace(brk, "x")))  # the same file with no unusual break

    assert problem.message == plain.message and problem.message.startswith("YAML syntax error")
    assert at(problem) == at(plain) and problem.line == where(text, "    evidence: [q-fair]")[0]


@pytest.mark.parametrize("brk", ["\x85", "\u2028", "\u2029"])
def test_problems_and_records_after_unusual_line_breaks_are_on_the_editor_s_lines(brief_file, brk):
    text = VALID.replace("title: Test brief", f'title: "Test{brk}brief"\nnote: "a{brk}b{brk}c"  # {brk}').replace(
        "    title: First session opens\n", "    title: First session opens\n    place: [Karsk]\n"
    )

    problem = only_problem(brief_file(text))

    assert at(problem) == where(text, "[Karsk]")
    fixed = text.replace("    place: [Karsk]\n", "")
    brief = load_brief(brief_file(fixed))
    assert brief["ev-open"].line == where(fixed, "  - id: ev-open")[0]


def test_a_column_after_an_unusual_break_on_the_same_line_counts_from_the_line_s_start(brief_file):
    text = VALID + 'extra: ["a\u2028b", {k: 1, k: 2}]\n'

    problem = only_problem(brief_file(text))

    assert at(problem) == where(text, "k: 2")


def _places(text: str, breaks: str) -> list[tuple[int, int]]:
    """(line, column) of every character, 0-based, where `breaks` end a line (`\\r\\n` is one)."""
    out, line, column = [], 0, 0
    for i, char in enumerate(text):
        out.append((line, column))
        if char in breaks and not (char == "\r" and text[i + 1 : i + 2] == "\n"):
            line, column = line + 1, 0
        else:
            column += 1
    return out


@pytest.mark.parametrize(
    "text", ["a\x85b\u2028\u2028c\r\nd\r\x85e\n\u2029f", "\u2028" * 5 + "x\ry\u2028z", "plain\nlines\n", ""]
)
def test_editor_lines_turn_every_place_yaml_gives_into_an_editor_s(text):
    from peacebrief.core.yamlstream import EditorLines

    lines = EditorLines(text.encode("utf-8"))

    yaml_places = _places(text, "\n\r\x85\u2028\u2029")
    assert [lines.place(*p) for p in yaml_places] == _places(text, "\n\r")
