"""Review as a workflow: `n` and `N`, the palette and the top line reach the review marks."""

from __future__ import annotations

import shutil
from pathlib import Path

from test_app import BUNDLED_BRIEF, detail_text, reader, screen_text, wait_for

ROOT = Path(__file__).resolve().parents[1]


def two_marks(tmp_path: Path) -> Path:
    """The bundled brief with a second review mark, on a quote (the first is on an event)."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    (tmp_path / "briefs").mkdir()
    text = BUNDLED_BRIEF.read_text(encoding="utf-8")
    marked = text.replace(
        "  - id: q-peskov-doors\n", "  - id: q-peskov-doors\n    review: confirm the words with a second outlet\n"
    )
    assert marked != text
    path = tmp_path / "briefs" / BUNDLED_BRIEF.name
    path.write_text(marked, encoding="utf-8")
    return path


async def test_next_and_previous_walk_the_marks_across_panes(tmp_path: Path) -> None:
    async with reader(two_marks(tmp_path)) as (app, pilot, screen):
        await pilot.press("n")
        await wait_for(pilot, lambda: screen.detail.place == "ev-putin-grid-pause", "the first mark")
        assert screen.current_pane == "timeline" and screen.pane("timeline").current() == "ev-putin-grid-pause"
        await pilot.press("n")
        await wait_for(pilot, lambda: screen.detail.place == "q-peskov-doors", "the second mark")
        assert screen.current_pane == "quotes" and screen.pane("quotes").current() == "q-peskov-doors"
        await pilot.press("n")  # wraps around
        await wait_for(pilot, lambda: screen.detail.place == "ev-putin-grid-pause", "back to the first")
        await pilot.press("N")
        await wait_for(pilot, lambda: screen.detail.place == "q-peskov-doors", "the previous one")
        await pilot.press("backspace")  # each step is a step in the history
        await wait_for(pilot, lambda: screen.detail.place == "ev-putin-grid-pause", "back")


async def test_the_review_note_stands_first_in_the_detail() -> None:
    async with reader() as (app, pilot, screen):
        await pilot.press("n")
        await wait_for(pilot, lambda: screen.detail.place == "ev-putin-grid-pause", "the mark")
        lines = [line for line in detail_text(screen).splitlines() if line.strip()]
        assert lines[0].startswith("EVENT") and lines[1].startswith("⚑ Needs review:")


async def test_the_palette_reaches_the_review_mark() -> None:
    async with reader() as (app, pilot, screen):
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: app.screen is not screen, "the palette")
        await pilot.press(*"review")
        await wait_for(pilot, lambda: "Next to review" in screen_text(app), "the review command")
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is screen and screen.detail.place == "ev-putin-grid-pause", "the mark")


async def test_a_click_on_the_top_line_count_goes_to_the_first() -> None:
    async with reader(size=(160, 40)) as (app, pilot, screen):
        await pilot.press("3")
        bar = screen.query_one("PaneBar")
        span = bar.review_span  # type: ignore[attr-defined]
        assert span is not None and "⚑ 1 to review" in screen_text(app).splitlines()[0]
        assert await pilot.click(bar, offset=(span[0] + 2, 0))
        await wait_for(pilot, lambda: screen.detail.place == "ev-putin-grid-pause", "the first mark")
        assert screen.current_pane == "timeline"


async def test_the_flag_stays_on_a_narrow_row() -> None:
    async with reader(size=(60, 24)) as (app, pilot, screen):
        await pilot.press("n")
        await wait_for(pilot, lambda: screen.detail.place == "ev-putin-grid-pause", "the mark")
        row = next(line for line in screen_text(app).splitlines() if "30 Jan 2026" in line)
        assert "⚑" in row
