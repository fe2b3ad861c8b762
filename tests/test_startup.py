"""Opening the reader: a cached brief is painted at once, with only what the paint needs."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console, Group
from rich.text import Text

from conftest import BUNDLED_BRIEF, HARBOUR_BRIEF, ROOT
from peacebrief.app import app as app_module
from peacebrief.app import render
from peacebrief.app.app import BriefApp
from peacebrief.app.screens.brief import BriefScreen
from peacebrief.core import cache
from peacebrief.core.cache import load_brief_cached
from peacebrief.core.loader import load_brief
from peacebrief.core.visible import visible


def shown(renderables: list, width: int) -> str:  # type: ignore[type-arg]
    console = Console(width=width, file=io.StringIO(), record=True, color_system="truecolor", legacy_windows=False)
    console.print(Group(*renderables))
    return console.export_text(styles=True)


def brief_texts() -> list[str]:
    texts: list[str] = []
    for path in (BUNDLED_BRIEF, HARBOUR_BRIEF):
        brief = load_brief(path)
        for record in brief.all_records():
            for field in ("summary", "detail"):
                value = getattr(record, field, None)
                if value:
                    texts.append(value)
    return texts


PLAIN = [
    "a  b   c",
    "x" * 100,
    "Ukraine’s “talks” — 2026 €5 café 🇺🇦 👍🏽 end.",
    "It said: yes; no (maybe) 'quoted' \"double\" % $ @ ^ + = - / ? {braces} http://example.org",
    "1999 was a year - a long one",
]
MARKDOWN = ["*a* and **b**", "- a list", "1. first", "# heading", "a <b>tag</b>", "a\n\nb", "a | b", "~~gone~~", "&amp;"]


@pytest.mark.parametrize("width", [12, 40, 80])
def test_words_are_shown_as_markdown_would_show_them(width: int) -> None:
    for text in PLAIN + MARKDOWN + brief_texts():
        assert shown(render._markdown(text), width) == shown([Text(), render.SafeMarkdown(visible(text))], width), text


def test_markdown_is_still_parsed_where_there_is_some() -> None:
    assert "**" not in shown(render._markdown("*a* and **b**"), 40)
    assert "•" in shown(render._markdown("- a list"), 40)


def loading_screens(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The paths the reader shows a loading screen for, from now on."""
    made: list[Path] = []

    class Loading(app_module.LoadingScreen):
        def __init__(self, path: Path) -> None:
            made.append(path)
            super().__init__(path)

    monkeypatch.setattr(app_module, "LoadingScreen", Loading)
    return made


async def until_shown(app: BriefApp, pilot) -> None:  # type: ignore[no-untyped-def]
    # Shown means started (its pane filled and focused), not only pushed: leaving the
    # app while the screen still mounts would test the quit instead.
    for _ in range(1500):  # 30 s at the least: a loaded machine may be slow, never wrong
        if isinstance(app.screen, BriefScreen) and app.screen.is_mounted and app.screen.focused is not None:
            return
        await pilot.pause(0.02)
    raise AssertionError(f"the brief was not shown: the screen is {type(app.screen).__name__}")


async def test_a_cached_brief_opens_without_a_loading_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    load_brief_cached(BUNDLED_BRIEF)  # the cache is warm, as on every open after the first
    made = loading_screens(monkeypatch)
    app = BriefApp(BUNDLED_BRIEF, watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, BriefScreen)
        assert made == []


async def test_an_uncached_brief_shows_the_loading_screen_first(monkeypatch: pytest.MonkeyPatch) -> None:
    made = loading_screens(monkeypatch)
    app = BriefApp(HARBOUR_BRIEF, watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await until_shown(app, pilot)
        assert made == [HARBOUR_BRIEF]


async def test_a_cache_entry_too_big_to_read_at_once_is_read_behind_the_loading_screen(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    load_brief_cached(BUNDLED_BRIEF)
    made = loading_screens(monkeypatch)
    monkeypatch.setattr(BriefApp, "INSTANT_CACHE_BYTES", 100)
    monkeypatch.setattr(cache, "load_brief", lambda path: pytest.fail("the cached brief was parsed"))
    app = BriefApp(BUNDLED_BRIEF, watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await until_shown(app, pilot)
        assert made == [BUNDLED_BRIEF]


def test_the_first_paint_of_a_cached_brief_imports_no_loader_markdown_or_palette(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the reader imports to show a cached brief: not yaml or the loader (no parse),
    not Markdown (the bundled brief's first record has none), not the command palette."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    load_brief_cached(BUNDLED_BRIEF)  # the cache is warm, as on every open after the first
    env = {**os.environ, "PYTHONPATH": str(ROOT / "tui"), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    code = f"""
import sys
from peacebrief.app.app import BriefApp

app = BriefApp({str(BUNDLED_BRIEF)!r}, watch=False)
loaded = app._loaded

def exit_once_painted(*args):
    loaded(*args)
    app.call_after_refresh(app.exit)

app._loaded = exit_once_painted
app.run(headless=True, size=(120, 40))
print(type(app.brief).__name__)
unwanted = ("yaml", "peacebrief.core.loader", "markdown_it", "rich.markdown", "peacebrief.app.commands")
print(sorted(m for m in unwanted if m in sys.modules))
"""
    result = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-2:] == ["Brief", "[]"]
