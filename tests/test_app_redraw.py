"""What a key draws again: what it changes, not the whole screen. Counted in lines the
widgets render (the work), never timed."""

from __future__ import annotations

import asyncio
import re

from textual.widget import Widget

from conftest import BUNDLED_BRIEF
from peacebrief.app.app import BriefApp
from peacebrief.app.screens.brief import BriefScreen
from peacebrief.app.widgets.panes import Stage
from test_app import reader, wait_for


def drawn_lines(widget: Widget) -> list[int]:
    """The lines `widget` renders from now on (its own `render_line`, as Textual calls it)."""
    lines: list[int] = []
    render_line = widget.render_line

    def counted(y: int):  # type: ignore[no-untyped-def]
        lines.append(y)
        return render_line(y)

    widget.render_line = counted  # type: ignore[method-assign]
    return lines


async def drawn(pilot, *counted: list[int]) -> None:  # type: ignore[no-untyped-def]
    """Let the app run until a turn of it draws no more of the `counted` lines: a turn is
    `pilot.pause()`, every widget's messages handled, then the screen's refresh."""
    for _ in range(50):
        before = [len(lines) for lines in counted]
        await pilot.pause()
        if [len(lines) for lines in counted] == before:
            return
    raise AssertionError("the app kept drawing")


async def settled(pilot, screen: BriefScreen) -> None:  # type: ignore[no-untyped-def]
    """Every pane mounted and laid out out of sight (Pane.prime): nothing left to draw."""
    await wait_for(
        pilot,
        lambda: all(p.stage is Stage.HIDDEN or p is screen.pane(screen.current_pane) for p in screen.panes),
        "every pane laid out",
    )
    await pilot.pause()


async def test_a_cursor_move_draws_the_two_rows_it_moves_between() -> None:
    async with reader() as (app, pilot, screen):
        await settled(pilot, screen)
        timeline = screen.pane("timeline").records
        rows, bar = drawn_lines(timeline), drawn_lines(timeline.vertical_scrollbar)
        await pilot.press("down")
        await wait_for(pilot, lambda: timeline.cursor == 1, "the cursor on the second event")
        await drawn(pilot, rows, bar)
        assert sorted(set(rows)) == [0, 1], f"a cursor move drew the list's lines {sorted(set(rows))}, not the two rows"
        assert bar == [], "a cursor move that scrolls nothing drew the list's scroll bar again"


async def test_going_back_to_a_pane_draws_its_cursor_row_and_marks_only() -> None:
    async with reader() as (app, pilot, screen):
        await settled(pilot, screen)
        timeline = screen.pane("timeline").records
        await pilot.press("3")
        await wait_for(pilot, lambda: screen.current_pane == "quotes", "the quotes pane")
        await drawn(pilot, drawn_lines(screen.pane("quotes").records))
        marked = {row for row, rid in enumerate(timeline.ids) if rid in screen.pane("timeline").marks}
        rows, bar = drawn_lines(timeline), drawn_lines(timeline.vertical_scrollbar)
        await pilot.press("1")
        await wait_for(pilot, lambda: screen.current_pane == "timeline" and timeline.has_focus, "the timeline again")
        await drawn(pilot, rows, bar)
        expected = (
            {timeline.cursor}
            | marked
            | {row for row, rid in enumerate(timeline.ids) if rid in screen.pane("timeline").marks}
        )
        assert set(rows) <= expected and len(rows) <= len(expected), (
            f"showing the timeline again drew its lines {sorted(rows)}: only the cursor row and the marked rows "
            f"{sorted(expected)} changed"
        )
        assert bar == [], "showing the timeline again drew its scroll bar again, unchanged"


async def quotes_screen(*, pressed_at_once: bool) -> str:
    """The screen, once still, after `3` is pressed as soon as the brief is there (before
    the hidden panes are mounted) or once every pane is laid out."""
    app = BriefApp(BUNDLED_BRIEF)
    async with app.run_test(size=(200, 50)) as pilot:
        for _ in range(100_000):  # every turn of the loop: the window is a few frames long
            if isinstance(app.screen, BriefScreen) and app.screen.history.current is not None:
                break
            await asyncio.sleep(0)
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        if pressed_at_once:
            assert screen.pane("quotes").stage is Stage.UNMOUNTED, "the panes were mounted before the key"
        else:
            await settled(pilot, screen)
        await pilot.press("3")
        await settled(pilot, screen)
        return re.sub(r"terminal-\d+", "terminal", app.export_screenshot())


async def test_a_pane_key_pressed_as_the_reader_starts_shows_what_it_shows_later() -> None:
    # Its list's scroll bar was drawn before it was mounted, for no rows, and kept: no
    # thumb until the list scrolled.
    assert await quotes_screen(pressed_at_once=True) == await quotes_screen(pressed_at_once=False)
