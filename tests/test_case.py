"""A case: a folder of briefs, one per round, checked as a whole; what changed between rounds."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from peacebrief.core.case import CaseError, load_case
from peacebrief.core.changes import compare, stance_history
from peacebrief.core.problems import BriefError

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "cases" / "tarren-valley"

DOC = "date 2026-01-10 Alda met Bren in Corl on Friday. Alda wants the pass open. Bren wants tolls. Alda wants tolls shared.\n"


def brief_yaml(
    brief_id: str,
    as_of: str,
    *,
    party_name: str = "Alda",
    person_party: str = "alda",
    event: str = "{id: ev-meet, date: 2026-01-09, title: Meeting, evidence: [met Bren in Corl]}",
    positions: str = "",
) -> str:
    return textwrap.dedent(f"""\
        peacebrief: 1
        id: {brief_id}
        title: Pass talks
        as_of: {as_of}
        sources:
          - {{id: doc, title: Wire, path: doc.txt, published: 2026-01-10}}
        parties:
          - {{id: alda, name: {party_name}, role: party}}
          - {{id: bren, name: Bren, role: party}}
        people:
          - {{id: ona, name: Ona Vell, party: {person_party}}}
        issues:
          - {{id: pass, title: The pass}}
          - {{id: tolls, title: Tolls}}
        events:
          - {event}
        positions:
        """) + (textwrap.indent(positions, "  ") if positions else "  []\n")


def make_case(tmp_path: Path, briefs: dict[str, str]) -> Path:
    (tmp_path / "doc.txt").write_text(DOC, encoding="utf-8")
    for name, text in briefs.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def position(pid: str, party: str, issue: str, stance: str, words: str) -> str:
    return f"- {{id: {pid}, party: {party}, issue: {issue}, stance: {stance}, evidence: [{words}]}}\n"


def test_rounds_follow_as_of_not_file_names(tmp_path: Path) -> None:
    folder = make_case(
        tmp_path, {"a.yaml": brief_yaml("late", "2026-03-01"), "b.yaml": brief_yaml("early", "2026-01-10")}
    )
    case = load_case(folder)
    assert [(r.number, r.name, r.file) for r in case.rounds] == [(1, "early", "b.yaml"), (2, "late", "a.yaml")]
    assert case.problems == ()
    assert case.round("2").name == "late"
    assert case.round("early").number == 1
    assert case.round("a").number == 2  # the file's stem
    with pytest.raises(CaseError, match="no round 'x'.*its rounds are 1 \\(early\\), 2 \\(late\\)"):
        case.round("x")


def test_a_party_named_differently_is_an_error_at_the_brief_that_differs(tmp_path: Path) -> None:
    folder = make_case(
        tmp_path,
        {
            "r1.yaml": brief_yaml("r1", "2026-01-10"),
            "r2.yaml": brief_yaml("r2", "2026-02-10", party_name="Alda Republic"),
        },
    )
    with pytest.raises(BriefError) as caught:
        load_case(folder)
    [problem] = caught.value.problems
    assert problem.path == str(folder / "r2.yaml")
    assert problem.line == 8 and problem.record == "alda"
    assert problem.message.startswith(
        f"party 'alda' has name 'Alda Republic' here but 'Alda' in {folder / 'r1.yaml'}:8; "
        "in a case an id names the same party in every brief"
    )


def test_a_person_of_another_party_is_an_error(tmp_path: Path) -> None:
    folder = make_case(
        tmp_path,
        {
            "r1.yaml": brief_yaml("r1", "2026-01-10"),
            "r2.yaml": brief_yaml("r2", "2026-02-10", person_party="bren"),
        },
    )
    with pytest.raises(BriefError) as caught:
        load_case(folder)
    [problem] = caught.value.problems
    assert (problem.path, problem.record, problem.line) == (str(folder / "r2.yaml"), "ona", 11)
    assert "person 'ona' has party 'bren' here but 'alda' in" in problem.message


def test_an_id_of_another_kind_is_an_error(tmp_path: Path) -> None:
    folder = make_case(
        tmp_path,
        {
            "r1.yaml": brief_yaml("r1", "2026-01-10"),
            "r2.yaml": brief_yaml(
                "r2", "2026-02-10", event="{id: tolls, date: 2026-01-09, title: Meeting, evidence: [met Bren in Corl]}"
            ).replace("- {id: tolls, title: Tolls}", "- {id: fees, title: Tolls}"),
        },
    )
    with pytest.raises(BriefError) as caught:
        load_case(folder)
    assert [p.message.split(";")[0] for p in caught.value.problems] == [
        f"'tolls' is an event here but an issue in {folder / 'r1.yaml'}:14",
    ]


def test_a_brief_that_fails_reports_its_own_errors(tmp_path: Path) -> None:
    folder = make_case(tmp_path, {"r1.yaml": brief_yaml("r1", "2026-01-10"), "r2.yaml": brief_yaml("r2", "2026-02-30")})
    with pytest.raises(BriefError) as caught:
        load_case(folder)
    assert [(Path(p.path).name, p.line) for p in caught.value.problems] == [("r2.yaml", 4)]


def test_an_empty_folder_is_not_a_case(tmp_path: Path) -> None:
    with pytest.raises(CaseError, match="no briefs in it"):
        load_case(tmp_path)
    with pytest.raises(CaseError, match="no such folder"):
        load_case(tmp_path / "missing")


def test_an_event_told_with_another_date_is_disputed_naming_both_places(tmp_path: Path) -> None:
    folder = make_case(
        tmp_path,
        {
            "r1.yaml": brief_yaml("r1", "2026-01-10"),
            "r2.yaml": brief_yaml(
                "r2",
                "2026-02-10",
                event="{id: ev-meet, date: 2026-01-08, status: reported, title: Meeting, evidence: [met Bren in Corl]}",
            ),
        },
    )
    case = load_case(folder)
    [dispute] = case.disputes
    assert dispute.event_id == "ev-meet" and dispute.fields == ("date", "status")
    assert [(v.round, v.describe(), v.place) for v in dispute.versions] == [
        (1, "9 Jan 2026, occurred", f"{folder / 'r1.yaml'}:16"),
        (2, "8 Jan 2026, reported", f"{folder / 'r2.yaml'}:16"),
    ]
    [warning] = case.problems
    assert warning.severity == "warning" and warning.path == str(folder / "r2.yaml") and warning.line == 16
    assert (
        warning.message
        == f"disputed date and status: this brief has 8 Jan 2026, reported, {folder / 'r1.yaml'}:16 has 9 Jan 2026, occurred"
    )


def test_a_planned_event_that_a_later_round_reports_is_an_update_not_a_dispute(tmp_path: Path) -> None:
    folder = make_case(
        tmp_path,
        {
            "r1.yaml": brief_yaml(
                "r1",
                "2026-01-10",
                event="{id: ev-meet, date: 2026-01, status: scheduled, title: Meeting, evidence: [met Bren in Corl]}",
            ),
            "r2.yaml": brief_yaml("r2", "2026-02-10"),
        },
    )
    case = load_case(folder)
    assert case.disputes == () and case.problems == ()
    [update] = case.updates
    assert [v.describe() for v in update.versions] == ["Jan 2026, scheduled", "9 Jan 2026, occurred"]


def test_changes_new_changed_dropped_unchanged_with_both_rounds_words(tmp_path: Path) -> None:
    folder = make_case(
        tmp_path,
        {
            "r1.yaml": brief_yaml(
                "r1",
                "2026-01-10",
                positions=(
                    position("alda-pass", "alda", "pass", "Pass open", "Alda wants the pass open")
                    + position("bren-tolls", "bren", "tolls", "Tolls", "Bren wants tolls")
                    + position("alda-tolls", "alda", "tolls", "Tolls shared", "Alda wants tolls shared")
                ),
            ),
            "r2.yaml": brief_yaml(
                "r2",
                "2026-02-10",
                positions=(
                    position("alda-pass", "alda", "pass", "pass  OPEN", "Alda wants the pass open")
                    + position("bren-pass", "bren", "pass", "Pass shut", "Bren wants tolls")
                    + position("alda-tolls", "alda", "tolls", "No tolls", "Alda wants tolls shared")
                ),
            ),
        },
    )
    changes = compare(load_case(folder))
    assert (changes.since, changes.until) == (1, 2)
    found = [
        (c.kind, c.party, c.issue, [s.words for s in c.before], [s.words for s in c.after]) for c in changes.stances
    ]
    assert found == [
        ("changed", "alda", "tolls", ["Tolls shared"], ["No tolls"]),
        ("new", "bren", "pass", [], ["Pass shut"]),
        ("dropped", "bren", "tolls", ["Tolls"], []),
        ("unchanged", "alda", "pass", ["Pass open"], ["pass  OPEN"]),
    ]
    changed = changes.of_kind("changed")[0]
    assert [(e.words, e.citation, e.source) for e in changed.before[0].evidence] == [
        ("Alda wants tolls shared", "[1 ¶1]", "Wire")
    ]
    assert [e.words for e in changed.after[0].evidence] == ["Alda wants tolls shared"]
    assert changes.counts() == {"changed": 1, "new": 1, "dropped": 1, "unchanged": 1}
    assert changes.cell("alda", "tolls") is changed


def test_compare_refuses_rounds_out_of_order(tmp_path: Path) -> None:
    folder = make_case(tmp_path, {"r1.yaml": brief_yaml("r1", "2026-01-10"), "r2.yaml": brief_yaml("r2", "2026-02-10")})
    case = load_case(folder)
    with pytest.raises(ValueError, match="round 2 does not come before round 2"):
        compare(case, since=2)
    with pytest.raises(ValueError, match="no round 3"):
        compare(case, until=3)


def test_the_example_case_loads_clean_but_for_its_dispute() -> None:
    case = load_case(EXAMPLE)
    assert [r.name for r in case.rounds] == ["tarren-round-1", "tarren-round-2", "tarren-round-3"]
    assert [h.event_id for h in case.disputes] == ["ev-dovra-shelling"]
    assert [h.event_id for h in case.updates] == ["ev-round-2", "ev-round-3"]
    assert [p.severity for p in case.problems] == ["warning"]


def test_the_example_changes_from_round_2_to_3() -> None:
    changes = compare(load_case(EXAMPLE), since=2, until=3)
    assert [(c.kind, c.party, c.issue) for c in changes.stances] == [
        ("changed", "tvm", "ceasefire"),
        ("changed", "calder", "prisoners"),
        ("changed", "tvm", "prisoners"),
        ("new", "tvm", "elections"),
        ("new", "tvm", "return"),
        ("dropped", "tvm", "withdrawal"),
        ("unchanged", "calder", "ceasefire"),
        ("unchanged", "calder", "elections"),
    ]
    ceasefire = changes.stances[0]
    assert [e.words for e in ceasefire.before[0].evidence] == ["international monitors on the whole line"]
    assert [e.words for e in ceasefire.after[0].evidence] == [
        "Oren Vasko said the Movement now accepted ceasefire monitors from the Lakeshore Forum along the river line"
    ]
    assert [d.record.id for d in changes.new_events] == ["ev-exchange", "ev-round-4"]
    assert [(d.round, d.record.id) for d in changes.new_quotes] == [
        (3, "q-vasko-river"),
        (3, "q-vasko-return"),
        (3, "q-forum-dovra"),
    ]
    assert [h.event_id for h in changes.disputes] == ["ev-dovra-shelling"]
    assert [h.event_id for h in changes.updated_events] == ["ev-round-3"]


def test_changes_since_round_1_see_every_later_round() -> None:
    changes = compare(load_case(EXAMPLE), since=1)
    assert (changes.since, changes.until) == (1, 3)
    assert changes.cell("tvm", "elections").kind == "changed"
    assert changes.cell("tvm", "withdrawal") is None  # stated in round 2 only: not in 1 or 3
    assert [d.record.id for d in changes.new_events] == ["ev-dovra-shelling", "ev-round-3", "ev-exchange", "ev-round-4"]
    assert [h.event_id for h in changes.updated_events] == ["ev-round-2", "ev-round-3"]


def test_a_stance_over_time_oldest_first() -> None:
    history = stance_history(load_case(EXAMPLE), "tvm", "ceasefire")
    assert [(s.round, s.words) for s in history] == [
        (1, "A ceasefire only with international monitors on the line"),
        (2, "A ceasefire only with international monitors on the line"),
        (3, "Accepts Forum monitors along the river line"),
    ]


def test_a_case_opens_its_first_round_then_the_rest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from peacebrief.core.case_brief import case_brief
    from peacebrief.core.case_open import open_first, open_rest

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert open_first(EXAMPLE, cached_only=True) is None  # nothing cached yet
    first = open_first(EXAMPLE)
    assert first is not None and not first.complete
    assert [r.name for r in first.case.rounds] == ["tarren-round-1"]
    assert [e.id for e in first.brief.events] == ["r1:ev-round-1", "r1:ev-round-2"]
    counted: list[tuple[int, int]] = []
    case, brief = open_rest(EXAMPLE, first, lambda read, of: counted.append((read, of)))
    assert counted == [(1, 3), (2, 3), (3, 3)]
    assert case.rounds[0].brief is first.case.rounds[0].brief  # read once
    whole = load_case(EXAMPLE)
    assert [r.name for r in case.rounds] == [r.name for r in whole.rounds]
    assert list(brief.records) == list(case_brief(whole).records)
    cached = open_first(EXAMPLE, cached_only=True)  # the first open wrote every round's entry
    assert cached is not None and [e.id for e in cached.brief.events] == ["r1:ev-round-1", "r1:ev-round-2"]


def test_the_rest_of_a_case_with_an_error_raises_every_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    from peacebrief.core.case_open import open_first, open_rest

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = tmp_path / "case"
    shutil.copytree(EXAMPLE, folder)
    (folder / "round-3.yaml").write_text("id: [\n", encoding="utf-8")
    first = open_first(folder)
    assert first is not None
    with pytest.raises(BriefError) as raised:
        open_rest(folder, first)
    assert any(p.path.endswith("round-3.yaml") for p in raised.value.problems)
