"""Terminals: small ones, NO_COLOR, and no mouse.

At 80x24, 60x20 and 40x12 every pane key works, nothing overlaps and the key help can
be reached; with NO_COLOR set the reader draws no colour; and a reader with only a
keyboard can do everything: panes, links, history, search, filter, copy, export.
"""

from __future__ import annotations

import shutil
from itertools import combinations
from pathlib import Path

import pytest
from textual.widget import Widget

from conftest import BUNDLED_BRIEF, ROOT
from peacebrief.app.app import BriefApp
from peacebrief.app.screens.brief import BriefScreen
from peacebrief.app.screens.export import ExportScreen
from peacebrief.app.screens.help import HelpScreen
from peacebrief.app.screens.search import SearchScreen
from peacebrief.app.widgets.footer import KeyFooter
from peacebrief.core.export import default_export_name
from test_app import PANE_KEYS, reader, wait_for
from test_hostile import HOSTILE_BRIEF, RAW, screen_lines

SIZES = [(80, 24), (60, 20), (40, 12)]


@pytest.fixture(autouse=True)
def own_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


def copy_of_the_bundled_brief(tmp_path: Path) -> Path:
    # briefs/ beside seeds/, as in the project: a source stays in the folder above the brief's
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds", dirs_exist_ok=True)
    path = tmp_path / "briefs" / "brief.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(BUNDLED_BRIEF.read_text(encoding="utf-8"), encoding="utf-8")
    return path


def assert_no_overlap(screen: BriefScreen, where: str) -> None:
    """The parts of the screen on show each have their own lines and columns, inside the screen."""
    parts: list[Widget] = [
        screen.query_one("#pane-bar"),
        screen.query_one("#panes"),
        screen.detail,
        screen.query_one("#problems-panel"),
        screen.query_one(KeyFooter),
    ]
    shown = [w for w in parts if w.display and w.region.area]
    for widget in shown:
        assert screen.region.contains_region(widget.region), f"{where}: {widget} is off the screen: {widget.region}"
    for a, b in combinations(shown, 2):
        assert not a.region.overlaps(b.region), f"{where}: {a} {a.region} overlaps {b} {b.region}"
    if screen.detail.display:
        body, links = screen.detail.query_one("#detail-body"), screen.detail.links
        assert not body.region.overlaps(links.region), f"{where}: the detail's text and links overlap"
    columns = [c for c in screen.pane("delegations").columns if c.display and c.region.area]
    for a, b in combinations(columns, 2):
        assert not a.region.overlaps(b.region), f"{where}: delegation columns overlap"


async def test_small_terminals_are_usable(tmp_path: Path) -> None:
    path = copy_of_the_bundled_brief(tmp_path)
    async with reader(path, size=SIZES[0]) as (app, pilot, screen):
        assert not app.no_color and any(len(set(c)) > 1 for c in colours(app)), "the reader has colours (see NO_COLOR)"
        for size in SIZES:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            where = f"{size[0]}x{size[1]}"
            assert app.size == size and screen.size == size
            for key, pane_id in PANE_KEYS.items():  # every pane key
                await pilot.press(key)
                assert screen.current_pane == pane_id, where
                assert f"─ {screen.pane(pane_id).title}" in "\n".join(screen_lines(app)), where
                assert_no_overlap(screen, f"{where}, pane {pane_id}")
            if size == SIZES[-1]:  # the detail panel gives way to the pane, and comes back
                await pilot.press("d", "d")  # to the detail, then away with it
                assert not screen.detail.display, where
                assert_no_overlap(screen, f"{where}, no detail")
                await pilot.press("d", "escape")
            # The key help: said where to find it when the footer is too narrow for it.
            text = "\n".join(screen_lines(app))
            assert "? Help" in text or "? keys" in text, where
            await pilot.press("question_mark")
            assert isinstance(app.screen, HelpScreen), where
            await wait_for(pilot, lambda: "Previous pane" in "\n".join(screen_lines(app)), f"{where}: the key help")
            text = "\n".join(screen_lines(app))
            assert "Keys" in text and "Panes" in text and "1" in text and "Timeline" in text, where
            await pilot.press("escape")
            assert app.screen is screen, where

        # At the smallest size, a brief gone bad on disk: its problems show, nothing overlaps.
        broken = path.read_text(encoding="utf-8").replace(
            "    speaker: peskov\n    kind: direct", "    speaker: nobody\n    kind: direct", 1
        )
        path.write_text(broken, encoding="utf-8")
        await pilot.press("r")
        panel = screen.query_one("#problems-panel")
        await wait_for(pilot, lambda: panel.display, "the problems panel")
        await pilot.pause()
        assert_no_overlap(screen, "40x12 with problems")


async def test_the_hostile_brief_at_the_smallest_size() -> None:
    async with reader(HOSTILE_BRIEF, size=SIZES[-1]) as (app, pilot, screen):
        for key, pane_id in PANE_KEYS.items():
            await pilot.press(key)
            assert screen.current_pane == pane_id
            assert_no_overlap(screen, f"hostile brief, pane {pane_id}")
            found = {repr(c) for line in screen_lines(app) for c in RAW.findall(line)}
            assert not found, pane_id


def colours(app: BriefApp) -> set[tuple[int, int, int]]:
    """Every foreground and background colour on screen, as RGB."""
    found = set()
    for strip in app.screen._compositor.render_strips():
        for segment in strip:
            style = segment.style
            for colour in (style.color, style.bgcolor) if style else ():
                if colour is not None and not colour.is_default:
                    found.add(colour.get_truecolor())
    return found


async def test_no_color_is_respected(monkeypatch: pytest.MonkeyPatch) -> None:
    """Textual reads NO_COLOR and turns every colour to a grey; the reader sets none of its own."""
    monkeypatch.setenv("NO_COLOR", "1")
    async with reader(size=(80, 24)) as (app, pilot, _screen):
        assert app.no_color
        for key in ("1", "4"):  # the lists, and the matrix with its zebra stripes
            await pilot.press(key)
            found = colours(app)
            assert found and all(r == g == b for r, g, b in found), (
                f"colours with NO_COLOR: {found - {(r, r, r) for r in range(256)}}"
            )


async def test_everything_works_from_the_keyboard(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A full tour with keys only: panes, a link and back, search, filter, copy, export, help, quit."""
    monkeypatch.chdir(tmp_path)  # where the export dialog proposes to write
    async with reader(size=(100, 30), notifications=True) as (app, pilot, screen):
        # Panes, by number and by tab; moving in a list.
        await pilot.press("5")
        assert screen.current_pane == "source"
        await pilot.press("tab")
        assert screen.current_pane == "timeline"
        await pilot.press("shift+tab")
        assert screen.current_pane == "source"
        await pilot.press("1", "down", "down")
        third = screen.brief.events[2].id
        assert screen.detail.place == third

        # A link: Enter moves into the links, Enter follows one (`o` and its number too, from
        # anywhere, tried below); Backspace comes back. A digit there is a pane key.
        await pilot.press("enter")
        links = screen.detail.links
        assert screen.focused is links and links.targets
        target = links.targets[0]
        await pilot.press("enter")
        await wait_for(pilot, lambda: screen.detail.place == target, "the link followed")
        await pilot.press("backspace", "o", "1")
        await wait_for(pilot, lambda: screen.detail.place == target, "the link followed by number")
        await pilot.press("backspace")
        assert screen.detail.place == third and screen.current_pane == "timeline"
        await pilot.press("alt+right")
        assert screen.detail.place == target
        await pilot.press("backspace", "escape")

        # Search: type, Enter jumps to the first result.
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"pesk", "down", "up", "enter")
        await wait_for(pilot, lambda: app.screen is screen, "the search to close")
        found = screen.brief.get(screen.detail.place or "")
        assert found is not None and "peskov" in str(found).casefold()

        # Filter: f cycles through the parties; the top line says which.
        await pilot.press("3", "f")
        party = screen.brief.parties[0]
        assert screen.party_filter == party.id
        assert f"filter: {party.name}" in screen_lines(app)[0]

        # Copy the record under the cursor.
        await pilot.press("y")
        assert app.clipboard and "Source:" in app.clipboard
        await wait_for(pilot, lambda: "Copied with its citation" in "\n".join(screen_lines(app)), "the copy notice")

        # Export: e, Enter on the format (text), Enter on the proposed file name, which
        # names the party filter.
        await pilot.press("e")
        assert isinstance(app.screen, ExportScreen)
        await pilot.press("enter", "enter")
        written = tmp_path / default_export_name(screen.brief, "text", party=party.id)
        await wait_for(pilot, lambda: app.screen is screen and written.exists(), "the export")
        assert party.name in written.read_text(encoding="utf-8")
        await wait_for(pilot, lambda: "Digest written to" in "\n".join(screen_lines(app)), "the export notice")

        # The key help, and back; the palette, and back.
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape", "ctrl+p")
        await wait_for(pilot, lambda: app.screen is not screen, "the palette")
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is screen, "the palette to close")

        # And q quits.
        await pilot.press("q")
        await wait_for(pilot, lambda: not app.is_running, "the reader to quit")
