"""Snapshots of the five panes on the bundled brief, at a fixed size.

Regenerate after a deliberate change of the look with
`python -m pytest tests/test_app_snapshots.py --snapshot-update`, and look at the new
SVGs (tests/__snapshots__/test_app_snapshots/) before committing them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from conftest import BUNDLED_BRIEF
from peacebrief.app.app import BriefApp
from peacebrief.app.screens.brief import BriefScreen

SIZE = (100, 30)


@pytest.fixture(autouse=True)
def own_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No user keymap or config can change what the snapshot shows."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


def showing(*keys: str):  # type: ignore[no-untyped-def]
    """A run_before: wait until the brief is on screen, then press `keys`."""

    async def run_before(pilot: Pilot) -> None:
        app = pilot.app
        for _ in range(1500):
            screen = app.screen
            if isinstance(screen, BriefScreen) and screen.history.current is not None:
                break
            await pilot.pause(0.02)
        else:
            raise AssertionError("the brief did not open")
        await pilot.press(*keys)
        await pilot.pause()

    return run_before


PANES = [
    pytest.param("1", id="timeline"),
    pytest.param("2", id="delegations"),
    pytest.param("3", id="quotes"),
    pytest.param("4", id="issues"),
    pytest.param("5", id="source"),
]


@pytest.mark.parametrize("key", PANES)
def test_pane(snap_compare, key: str) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(BriefApp(BUNDLED_BRIEF), terminal_size=SIZE, run_before=showing(key))


@pytest.mark.parametrize("size", [pytest.param((80, 24), id="80x24"), pytest.param((200, 50), id="200x50")])
@pytest.mark.parametrize("key", PANES)
def test_pane_at(snap_compare, key: str, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    """Each pane at the smallest common terminal and at a big one: nothing cut that fits."""
    assert snap_compare(BriefApp(BUNDLED_BRIEF), terminal_size=size, run_before=showing(key))


@pytest.mark.parametrize("size", [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")])
def test_reading_mode(snap_compare, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    """z on a party (a long summary, many links): the record and its links on the whole screen."""
    assert snap_compare(BriefApp(BUNDLED_BRIEF), terminal_size=size, run_before=showing("2", "z"))


def test_help_at_80x24(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(BriefApp(BUNDLED_BRIEF), terminal_size=(80, 24), run_before=showing("question_mark"))
