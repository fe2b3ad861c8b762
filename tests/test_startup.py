"""Opening the reader: a cached brief is painted at once, with only what the paint needs."""

from __future__ import annotations

import importlib.util
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
MARKDOWN = [
    "*a* and **b**",
    "- a list",
    "1. first",
    "# heading",
    "a <b>tag</b>",
    "a\n\nb",
    "a | b",
    "~~gone~~",
    "&amp;",
]


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
    monkeypatch.setattr(cache, "_load_afresh", lambda path: pytest.fail("the cached brief was parsed"))
    app = BriefApp(BUNDLED_BRIEF, watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await until_shown(app, pilot)
        assert made == [BUNDLED_BRIEF]


def test_the_first_paint_of_a_cached_brief_imports_no_loader_markdown_or_palette(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the reader imports to show a cached brief: not yaml or the loader (no parse),
    not Markdown (the bundled brief's first record has none), not the command palette,
    the search or the review marks' walk (used after a key only)."""
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
unwanted = ("yaml", "peacebrief.core.loader", "markdown_it", "rich.markdown", "peacebrief.app.palette",
            "peacebrief.core.search", "peacebrief.core.review")
print(sorted(m for m in unwanted if m in sys.modules))
"""
    result = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-2:] == ["Brief", "[]"]


def pty_harness():  # type: ignore[no-untyped-def]
    """benchmarks/_pty.py: the program in a 120x40 pseudo-terminal, read by a VT emulator."""
    path = ROOT / "benchmarks" / "_pty.py"
    spec = importlib.util.spec_from_file_location("bench_pty", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def first_frames(tmp_path: Path, harness) -> list[str]:  # type: ignore[no-untyped-def]
    """What the terminal shows, write by write of the reader's driver, from launch to the
    whole screen: each named blank, loading or whole, or else given in full (a partial frame)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")}
    env.update(PYTHONPATH=str(ROOT / "tui"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    marks = tmp_path / "marks"
    marks.unlink(missing_ok=True)
    argv = [sys.executable, str(ROOT / "benchmarks" / "_marked.py"), str(marks), "-m", "peacebrief", str(BUNDLED_BRIEF)]
    term = harness.Terminal.spawn(argv, env, cwd=str(ROOT))
    try:
        term.until(harness.whole_reader_screen, timeout=60)
        term.settle()
        frames = term.frames(str(marks))
    finally:
        term.write(b"q")
        term.close()
    named = []
    for frame in frames:
        display = harness.Display(0.0, 0, False, frame, ())
        if harness.whole_reader_screen(display):
            return [*named, "whole"]
        kind = "blank" if harness.blank(display) else "loading" if harness.loading_screen(display) else None
        named.append(kind or "\n".join(frame))
    raise AssertionError(f"the whole screen was shown, yet no write of the driver made it: {named}")


def test_the_terminal_first_receives_the_whole_screen_cached_or_not(tmp_path: Path) -> None:
    """No blank or partial frame before the whole screen (top line, pane with its rows,
    detail panel, footer): straight away for a cached brief, after the loading screen for
    an uncached one. Read as a terminal gets it: in a pty, through a VT emulator."""
    harness = pty_harness()
    uncached = first_frames(tmp_path, harness)  # the per-test XDG_CACHE_HOME starts empty
    assert "loading" in uncached
    assert [d for d in uncached if d not in ("blank", "loading")] == ["whole"], uncached
    assert uncached.index("whole") > max(i for i, d in enumerate(uncached) if d == "loading")
    cached = first_frames(tmp_path, harness)
    assert [d for d in cached if d != "blank"] == ["whole"], cached
