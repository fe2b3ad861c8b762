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


def position(pid: str, party: str, issue: str, stance: str, words: str, status: str = "") -> str:
    held = f", status: {status}" if status else ""
    return f"- {{id: {pid}, party: {party}, issue: {issue}, stance: {stance}{held}, evidence: [{words}]}}\n"


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


def test_changes_new_changed_unchanged_and_not_restated_with_both_rounds_words(tmp_path: Path) -> None:
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
        ("unchanged", "alda", "pass", ["Pass open"], ["pass  OPEN"]),
        # Round 2 says nothing of Bren's tolls: that is silence, not a change of mind.
        ("not_restated", "bren", "tolls", ["Tolls"], []),
    ]
    changed = changes.of_kind("changed")[0]
    assert [(e.words, e.citation, e.source) for e in changed.before[0].evidence] == [
        ("Alda wants tolls shared", "[1 ¶1]", "Wire")
    ]
    assert [e.words for e in changed.after[0].evidence] == ["Alda wants tolls shared"]
    assert changes.counts() == {"changed": 1, "new": 1, "dropped": 0, "unchanged": 1, "not_restated": 1}
    assert changes.cell("alda", "tolls") is changed


def test_a_stance_is_dropped_only_by_a_withdrawn_position(tmp_path: Path) -> None:
    tolls = position("bren-tolls", "bren", "tolls", "Tolls", "Bren wants tolls")
    folder = make_case(
        tmp_path,
        {
            "r1.yaml": brief_yaml("r1", "2026-01-10", positions=tolls),
            "r2.yaml": brief_yaml(
                "r2",
                "2026-02-10",
                positions=position("bren-no-tolls", "bren", "tolls", "No more tolls", "Bren wants tolls", "withdrawn")
                + position("alda-pass", "alda", "pass", "Pass shut", "Alda wants the pass open", "withdrawn"),
            ),
        },
    )
    case = load_case(folder)
    assert case.rounds[1].brief["bren-no-tolls"].withdrawn
    changes = compare(case)
    found = [
        (c.kind, c.party, c.issue, [s.words for s in c.before], [s.words for s in c.after]) for c in changes.stances
    ]
    assert found == [
        ("dropped", "alda", "pass", [], ["Pass shut"]),  # a withdrawal the case first hears of is news too
        ("dropped", "bren", "tolls", ["Tolls"], ["No more tolls"]),
    ]
    assert [e.words for e in changes.stances[1].after[0].evidence] == ["Bren wants tolls"]


def test_a_stance_left_unsaid_stays_in_force_for_the_next_rounds(tmp_path: Path) -> None:
    tolls = position("bren-tolls", "bren", "tolls", "Tolls", "Bren wants tolls")
    folder = make_case(
        tmp_path,
        {
            "r1.yaml": brief_yaml("r1", "2026-01-10", positions=tolls),
            "r2.yaml": brief_yaml("r2", "2026-02-10"),  # says nothing of it
            "r3.yaml": brief_yaml("r3", "2026-03-10", positions=tolls.replace("Tolls,", "High tolls,")),
            "r4.yaml": brief_yaml("r4", "2026-04-10"),
            "r5.yaml": brief_yaml(
                "r5",
                "2026-05-10",
                positions=position("bren-tolls", "bren", "tolls", "x", "Bren wants tolls", "withdrawn"),
            ),
            "r6.yaml": brief_yaml("r6", "2026-06-10"),
            "r7.yaml": brief_yaml("r7", "2026-07-10", positions=tolls),
        },
    )
    case = load_case(folder)

    def seen(since: int, until: int) -> tuple[str, list[int], list[int]] | None:
        change = compare(case, since, until).cell("bren", "tolls")
        return change and (change.kind, [s.round for s in change.before], [s.round for s in change.after])

    assert seen(1, 2) == ("not_restated", [1], [])
    assert seen(2, 3) == ("changed", [1], [3])  # against round 1's words, in force at round 2
    assert seen(1, 4) == ("changed", [1], [3])  # the latest word up to round 4 is round 3's
    assert seen(3, 4) == ("not_restated", [3], [])
    assert seen(4, 5) == ("dropped", [3], [5])
    assert seen(5, 6) is None  # withdrawn, and nothing said since: nothing to tell
    assert seen(6, 7) == ("new", [5], [7])  # taken up again
    assert seen(1, 7) == ("unchanged", [1], [7])


WITHDRAWN, HELD = "withdrawn", "held"


@pytest.mark.parametrize(
    ("before", "after", "kind"),
    [
        ([], [("a", HELD)], "new"),
        ([], [("a", WITHDRAWN)], "dropped"),
        ([], [], None),
        ([("a", HELD)], [], "not_restated"),
        ([("a", HELD)], [("A ", HELD)], "unchanged"),
        ([("a", HELD)], [("b", HELD)], "changed"),
        ([("a", HELD)], [("a", WITHDRAWN)], "dropped"),
        ([("a", HELD), ("b", HELD)], [("b", HELD)], "changed"),  # one of two stances left out
        ([("a", HELD), ("b", HELD)], [("a", HELD), ("b", WITHDRAWN)], "changed"),  # one of two given up
        ([("a", WITHDRAWN)], [], None),
        ([("a", WITHDRAWN)], [("a", HELD)], "new"),
        ([("a", WITHDRAWN)], [("a", WITHDRAWN)], "unchanged"),
    ],
)
def test_the_rule_of_stance_kinds(
    before: list[tuple[str, str]], after: list[tuple[str, str]], kind: str | None
) -> None:
    from peacebrief.core.model import Position
    from peacebrief.core.stance_kinds import change_kind

    def positions(side: list[tuple[str, str]]) -> list[Position]:
        return [Position(id=f"p{n}", party="x", issue="y", stance=w, status=h) for n, (w, h) in enumerate(side)]  # type: ignore[arg-type]

    assert change_kind(positions(before), positions(after)) == kind


def test_a_withdrawn_position_must_say_withdrawn_or_held(tmp_path: Path) -> None:
    folder = make_case(
        tmp_path,
        {
            "r1.yaml": brief_yaml(
                "r1",
                "2026-01-10",
                positions=position("bren-tolls", "bren", "tolls", "Tolls", "Bren wants tolls", "gone"),
            )
        },
    )
    with pytest.raises(BriefError, match="`status` is 'gone'; it must be one of: held, withdrawn"):
        load_case(folder)


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
        ("changed", "tvm", "elections"),  # against round 1's words: round 2 did not restate them
        ("new", "tvm", "return"),
        ("dropped", "tvm", "withdrawal"),  # round 3 says the Movement gave it up
        ("unchanged", "calder", "ceasefire"),
        ("unchanged", "calder", "elections"),
    ]
    elections = changes.cell("tvm", "elections")
    assert [(s.round, s.words) for s in (*elections.before, *elections.after)] == [
        (1, "Elections only after a new constitution"),
        (3, "Elections after a review of the constitution"),
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
    withdrawal = changes.cell("tvm", "withdrawal")  # stated in round 2, given up in round 3
    assert (withdrawal.kind, withdrawal.before, [s.round for s in withdrawal.after]) == ("dropped", (), [3])
    assert [d.record.id for d in changes.new_events] == ["ev-dovra-shelling", "ev-round-3", "ev-exchange", "ev-round-4"]
    assert [h.event_id for h in changes.updated_events] == ["ev-round-2", "ev-round-3"]


def test_the_example_changes_from_round_1_to_2_leave_a_stance_unsaid() -> None:
    changes = compare(load_case(EXAMPLE), since=1, until=2)
    assert changes.counts() == {"changed": 2, "new": 2, "dropped": 0, "unchanged": 2, "not_restated": 1}
    [silent] = changes.of_kind("not_restated")
    assert (silent.party, silent.issue, [s.round for s in silent.before], silent.after) == ("tvm", "elections", [1], ())


def test_the_matrix_cells_follow_the_same_rule_as_the_changes() -> None:
    from peacebrief.core.case_brief import case_brief, cell_changes

    case = load_case(EXAMPLE)
    brief = case_brief(case)
    for number in range(2, len(case.rounds) + 1):
        cells = {(party, issue): cell.kind for (issue, party), cell in cell_changes(brief, number).items() if cell.kind}
        changes = compare(case, number - 1, number)
        assert cells == {(c.party, c.issue): c.kind for c in changes.stances}
    silent = cell_changes(brief, 2)[("elections", "tvm")]
    assert (silent.kind, silent.stated, silent.ids) == ("not_restated", 1, ("r1:tvm-elections",))
    dropped = cell_changes(brief, 3)[("withdrawal", "tvm")]
    assert (dropped.kind, dropped.stated, dropped.ids) == ("dropped", 3, ("r3:tvm-withdrawal",))


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
