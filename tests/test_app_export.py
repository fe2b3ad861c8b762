"""The export dialog: it opens on the format, and its file name says what the filter keeps."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, RadioSet

from peacebrief.app.screens.export import ExportScreen
from peacebrief.core.digest import render_digest
from peacebrief.core.export import default_export_name
from test_app import reader, wait_for


async def test_the_dialog_opens_on_the_format_and_enter_moves_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    async with reader() as (app, pilot, screen):
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, ExportScreen), "the export dialog")
        export = app.screen
        assert isinstance(app.focused, RadioSet)
        await pilot.press("down", "enter")  # markdown, then on to the file name
        await wait_for(pilot, lambda: isinstance(app.focused, Input), "the file name")
        name = export.query_one(Input).value
        assert name.endswith(".md") and not list(tmp_path.iterdir()), "nothing is written before the second Enter"
        await pilot.press("enter")
        written = tmp_path / default_export_name(screen.brief, "markdown")
        await wait_for(pilot, lambda: app.screen is screen and written.exists(), "the export")
        assert written.read_text(encoding="utf-8") == render_digest(screen.brief, fmt="markdown")


async def test_the_file_name_carries_the_party_filter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    async with reader() as (app, pilot, screen):
        while screen.party_filter != "russia":
            await pilot.press("f")
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, ExportScreen), "the export dialog")
        name = Path(app.screen.query_one(Input).value).name
        assert name.startswith("abu-dhabi-2026-02-russia-digest-") and name.endswith(".txt")
        await pilot.press("enter", "enter")
        written = tmp_path / name
        await wait_for(pilot, lambda: app.screen is screen and written.exists(), "the export")
        assert written.read_text(encoding="utf-8") == render_digest(screen.brief, party="russia")
