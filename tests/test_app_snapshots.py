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


def showing(key: str):  # type: ignore[no-untyped-def]
    """A run_before: wait until the brief is on screen, then press the pane's key."""

    async def run_before(pilot: Pilot) -> None:
        app = pilot.app
        for _ in range(1500):
            screen = app.screen
            if isinstance(screen, BriefScreen) and screen.history.current is not None:
                break
            await pilot.pause(0.02)
        else:
            raise AssertionError("the brief did not open")
        await pilot.press(key)
        await pilot.pause()

    return run_before


@pytest.mark.parametrize(
    "key",
    [
        pytest.param("1", id="timeline"),
        pytest.param("2", id="delegations"),
        pytest.param("3", id="quotes"),
        pytest.param("4", id="issues"),
        pytest.param("5", id="source"),
    ],
)
def test_pane(snap_compare, key: str) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(BriefApp(BUNDLED_BRIEF), terminal_size=SIZE, run_before=showing(key))
