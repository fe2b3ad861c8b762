"""The reader on a case, through Pilot: the round filter, the changes view, following a
change to its evidence, a disputed event, the export of the changes digest."""

from __future__ import annotations

import shutil
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from textual.pilot import Pilot

from conftest import ROOT
from peacebrief.app.app import BriefApp, ProblemsScreen
from peacebrief.app.screens.brief import BriefScreen
from peacebrief.app.screens.changes import ChangesScreen
from peacebrief.app.screens.export import ExportScreen
from peacebrief.core.case import load_case
from peacebrief.core.changes import compare
from peacebrief.core.changes_digest import render_changes
from peacebrief.core.history import Place

EXAMPLE = ROOT / "cases" / "tarren-valley"


@pytest.fixture(autouse=True)
def own_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


async def wait_for(pilot: Pilot, condition: Callable[[], object], what: str, timeout: float = 30.0) -> None:
    if condition():
        return
    for _ in range(int(timeout / 0.02)):
        await pilot.pause(0.02)
        if condition():
            await pilot.pause()
            return
    raise AssertionError(f"timed out waiting for {what}")


@asynccontextmanager
async def case_reader(size: tuple[int, int] = (120, 40)) -> AsyncIterator[tuple[BriefApp, Pilot, BriefScreen]]:
    app = BriefApp(EXAMPLE)
    async with app.run_test(size=size) as pilot:
        await wait_for(pilot, lambda: whole_case(app), "the case")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        yield app, pilot, screen


def whole_case(app: BriefApp) -> bool:
    """The reader shows the case with every round read (it shows the first one before)."""
    return (
        isinstance(app.screen, BriefScreen)
        and app.screen.history.current is not None
        and app.loading_note is None
        and app.case is not None
        and len(app.case.rounds) == 3
    )


def detail_words(screen: BriefScreen) -> str:
    """The detail panel's text, its lines joined: what it says, however it wraps."""
    return " ".join(screen.detail.body.text.split())


def screen_text(app: BriefApp) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips()).replace("\u00a0", " ")


async def test_the_first_round_is_shown_while_the_others_are_read(monkeypatch: pytest.MonkeyPatch) -> None:
    from peacebrief.core import case_open

    gate = threading.Event()
    read_rest = case_open.open_rest

    def held(*args, **kwargs):  # type: ignore[no-untyped-def]
        assert gate.wait(30), "the test never let the other rounds be read"
        return read_rest(*args, **kwargs)

    monkeypatch.setattr(case_open, "open_rest", held)
    app = BriefApp(EXAMPLE)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(
            pilot, lambda: isinstance(app.screen, BriefScreen) and app.screen.history.current is not None, "round 1"
        )
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        assert screen.pane("timeline").records.ids == ["r1:ev-round-1", "r1:ev-round-2"]
        assert "loading round 2 of 3…" in screen_text(app).splitlines()[0]
        await pilot.press("c")  # one round so far: nothing to compare it with yet (a notice says so)
        await pilot.pause()
        assert app.screen is screen
        gate.set()
        await wait_for(pilot, lambda: whole_case(app), "every round")
        assert app.screen is screen and len(screen.pane("timeline").records.ids) == 9
        assert "loading" not in screen_text(app).splitlines()[0]
        assert "Tarren Valley talks, round 3 · a case of 3 rounds" in screen_text(app).splitlines()[0]


async def test_a_case_whose_later_round_has_errors_is_not_opened(tmp_path: Path) -> None:
    folder = tmp_path / "case"
    shutil.copytree(EXAMPLE, folder)
    broken = folder / "round-3.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("as_of:", "as_of: [", 1), encoding="utf-8")
    app = BriefApp(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ProblemsScreen), "the problems")
        assert "round-3.yaml" in screen_text(app) and app.open_failed


async def test_the_timeline_holds_every_round_marked_and_filters_to_one() -> None:
    async with case_reader() as (app, pilot, screen):
        timeline = screen.pane("timeline")
        assert len(timeline.records.ids) == 9  # every round's events
        text = screen_text(app)
        assert "R1 10 Mar 2026" in text and "R3 11 Apr 2026" in text and "R2 12 Apr 2026" in text
        await pilot.press("]")
        await wait_for(pilot, lambda: screen.round_filter == 1, "round 1")
        assert timeline.records.ids == ["r1:ev-round-1", "r1:ev-round-2"]
        assert "round: R1" in screen_text(app)
        await pilot.press("]", "]")
        await wait_for(pilot, lambda: screen.round_filter == 3, "round 3")
        assert all(rid.startswith("r3:") for rid in timeline.records.ids)
        await pilot.press("3")
        await wait_for(pilot, lambda: screen.current_pane == "quotes", "the quotes pane")
        assert {rid.partition(":")[0] for rid in screen.pane("quotes").records.ids} == {"r3"}
        await pilot.press("]")
        await wait_for(pilot, lambda: screen.round_filter is None, "all rounds")
        assert len(screen.pane("quotes").records.ids) == 10


async def test_the_issues_matrix_shows_a_round_and_marks_what_changed() -> None:
    async with case_reader() as (app, pilot, screen):
        await pilot.press("4")
        await wait_for(pilot, lambda: screen.current_pane == "issues", "the issues pane")
        text = screen_text(app)
        assert "R3 against R2 · Δ changed + new ✕ dropped · not restated" in text
        assert "Δ Accepts Forum" in text  # changed since round 2
        assert "+ Displaced families" in text  # new
        assert "✕ withdrawn: No longer" in text  # dropped: round 3 says the Movement gave it up
        await pilot.press("[")  # the round filter picks the matrix's round too
        await wait_for(pilot, lambda: screen.round_filter == 3, "round 3")
        await pilot.press("[")
        await wait_for(pilot, lambda: "R2 against R1" in screen_text(app), "round 2's matrix")


async def test_a_stance_a_round_leaves_unsaid_is_shown_in_force_not_dropped() -> None:
    async with case_reader() as (app, pilot, screen):
        await pilot.press("4", "[", "[")
        pane = screen.pane("issues")
        await wait_for(pilot, lambda: pane.matrix_round == 2, "round 2's matrix")
        matrix = pane.table
        row = [i.id for i in screen.brief.issues].index("elections")
        column = 1 + [p.id for p in pane._parties()].index("tvm")
        # Round 2 says nothing of the Movement's stance on elections: round 1's stands.
        assert matrix.cell(row, column).plain == "· R1: Elections only after a new constitution"
        assert "dropped" not in " ".join(
            matrix.cell(r, c).plain for r in range(matrix.row_count) for c in range(1, matrix.column_count)
        )
        matrix.move_cursor(row, column)
        await wait_for(pilot, lambda: screen.detail.place == "r1:tvm-elections", "round 1's position")
        assert pane.matrix_round == 2  # the matrix stays on round 2
        assert "Elections only after a new constitution" in detail_words(screen)
        # The Delegations pane, on the same round 2, shows that stance in force, labelled R1.
        await pilot.press("2")
        await wait_for(pilot, lambda: screen.current_pane == "delegations", "the delegations pane")
        assert screen.round_filter == 2
        column = screen.pane("delegations").columns[[p.id for p in screen.brief.parties].index("tvm")]
        await wait_for(pilot, lambda: "r1:tvm-elections" in column.ids, "round 1's stance in force")
        assert [i for i in column.ids if i.startswith("r")] == [
            "r2:tvm-ceasefire",
            "r2:tvm-prisoners",
            "r1:tvm-elections",
            "r2:tvm-withdrawal",
        ]


async def test_the_changes_view_lists_each_change_with_both_wordings() -> None:
    async with case_reader() as (app, pilot, screen):
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, ChangesScreen), "the changes view")
        view = app.screen
        assert isinstance(view, ChangesScreen)
        text = screen_text(app)
        assert "Changes from round 2 to round 3  4 changed, 1 new, 1 dropped, 2 unchanged, 0 not restated" in text
        assert "CHANGED      Ceasefire and monitors · Tarren Valley Movement" in text
        assert "R2  A ceasefire only with international monitors on the line" in text
        assert "R3  Accepts Forum monitors along the river line" in text
        assert "“international monitors on the whole line”  R2 [1 ¶3]" in text
        await pilot.press("left")
        await wait_for(pilot, lambda: view.changes.since == 1, "rounds 1 and 2")
        text = screen_text(app)
        assert "Changes from round 1 to round 2  2 changed, 2 new, 0 dropped, 2 unchanged, 1 not restated" in text
        await pilot.press("end")
        await wait_for(pilot, lambda: view.selected().kind == "not_restated", "the last change")
        text = screen_text(app)
        assert "NOT RESTATED Elections · Tarren Valley Movement" in text
        assert "R1  Elections only after a new constitution" in text
        assert "R2  not restated: the round says nothing of it" in text
        await pilot.press("2")  # the later round has no words for it: the stance in force
        await wait_for(
            pilot, lambda: app.screen is screen and screen.detail.place == "r1:tvm-elections", "round 1's position"
        )


async def test_a_dropped_stance_shows_the_withdrawal_and_its_words() -> None:
    async with case_reader() as (app, pilot, screen):
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, ChangesScreen), "the changes view")
        view = app.screen
        assert isinstance(view, ChangesScreen)
        kinds = [c.kind for c in view.changes.stances]
        view.options.select(str(kinds.index("dropped")))
        await wait_for(pilot, lambda: view.selected().kind == "dropped", "the dropped stance")
        text = screen_text(app)
        assert "DROPPED      Troops in the villages · Tarren Valley Movement" in text
        assert "R3  withdrawn: No longer demands that Calder's troops leave the villages" in text
        await pilot.press("enter")
        await wait_for(
            pilot, lambda: app.screen is screen and screen.detail.place == "r3:tvm-withdrawal", "the withdrawal"
        )
        assert "the Movement no longer demanded that Calder’s troops leave the villages" in detail_words(screen)


async def test_following_a_change_to_the_evidence_of_both_rounds() -> None:
    async with case_reader() as (app, pilot, screen):
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, ChangesScreen), "the changes view")
        await pilot.press("1")
        await wait_for(
            pilot, lambda: app.screen is screen and screen.detail.place == "r2:tvm-ceasefire", "round 2's position"
        )
        assert "international monitors on the whole line" in detail_words(screen)
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, ChangesScreen), "the changes view again")
        await pilot.press("enter")
        await wait_for(
            pilot, lambda: app.screen is screen and screen.detail.place == "r3:tvm-ceasefire", "round 3's position"
        )
        assert "the Movement now accepted ceasefire monitors" in detail_words(screen)
        await pilot.press("backspace")
        await wait_for(pilot, lambda: screen.detail.place == "r2:tvm-ceasefire", "back to round 2's")


async def test_a_disputed_event_shows_both_versions() -> None:
    async with case_reader() as (app, pilot, screen):
        screen.go(Place("timeline", "r3:ev-dovra-shelling"))
        await wait_for(pilot, lambda: screen.detail.place == "r3:ev-dovra-shelling", "the event")
        body = detail_words(screen)
        assert "Disputed: the rounds tell it differently" in body
        assert "R2 12 Apr 2026, reported" in body and "R3 11 Apr 2026, occurred" in body
        assert "The Movement said government forces had shelled the village of Dovra on Sunday" in body


async def test_the_export_offers_the_changes_digest(tmp_path: Path) -> None:
    async with case_reader() as (app, pilot, screen):
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, ChangesScreen), "the changes view")
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, ExportScreen), "the export dialog")
        export = app.screen
        target = tmp_path / "changes.txt"
        export.query_one("#export-path").value = str(target)
        await pilot.press("enter", "enter")  # the format (the changes digest, first), then the file
        await wait_for(pilot, target.exists, "the file")
        expected = render_changes(compare(load_case(EXAMPLE)), fmt="text")
        assert target.read_text(encoding="utf-8") == expected


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_changes_view_snapshot(snap_compare, size: tuple[int, int], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot: Pilot) -> None:
        app = pilot.app
        await wait_for(pilot, lambda: whole_case(app), "the case")
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, ChangesScreen), "the changes view")
        await pilot.pause()

    assert snap_compare(BriefApp(EXAMPLE), terminal_size=size, run_before=run_before)


async def test_the_case_reading_worker_is_not_described_by_the_repr_of_its_first_round(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Textual describes a worker by the repr of its arguments unless told otherwise: for a
    case that was the repr of the first round's whole brief, made before the first screen."""
    described: dict[str, str] = {}
    run_worker = BriefApp.run_worker

    def recording(self, work, name="", group="default", description="", **kwargs):  # type: ignore[no-untyped-def]
        described[name] = description
        return run_worker(self, work, name, group, description, **kwargs)

    monkeypatch.setattr(BriefApp, "run_worker", recording)
    async with case_reader():
        pass
    assert described["read_case"] == "read the case's rounds"


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
async def test_every_format_of_a_case_export_is_on_screen_whole(size: tuple[int, int]) -> None:
    """Six formats in one row overflowed the dialog at 80 columns, and the last ones were cut."""
    async with case_reader(size) as (app, pilot, screen):
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, ExportScreen), "the export dialog")
        box = app.screen.query_one("#export-box").content_region
        buttons = list(app.screen.query("#export-format RadioButton"))
        assert len(buttons) == 6
        for button in buttons:
            region = button.region
            assert region.width >= len(str(button.label)) + 4, str(button.label)
            assert box.contains_region(region), f"{button.label} at {region}, outside {box}"


async def test_the_timeline_count_follows_the_round_filter_on_its_bottom_border() -> None:
    """The count is drawn again as the filter changes (its line alone is repainted: a
    line kept from before would still say the old count)."""
    async with case_reader() as (app, pilot, screen):
        timeline = screen.pane("timeline")

        def bottom_border() -> str:
            region = timeline.region
            return screen_text(app).splitlines()[region.bottom - 1][region.x : region.right]

        assert " 9 " in bottom_border()
        await pilot.press("]")
        await wait_for(pilot, lambda: screen.round_filter == 1, "round 1")
        await pilot.pause()
        assert " 2 of 9 " in bottom_border()
        await pilot.press("]", "]", "]")
        await wait_for(pilot, lambda: screen.round_filter is None, "all rounds")
        await pilot.pause()
        assert " 9 " in bottom_border() and " of " not in bottom_border()
