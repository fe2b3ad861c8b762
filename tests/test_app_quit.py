"""Quitting at any moment: during a slow load, and while the brief's screen is mounting."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot

from conftest import BUNDLED_BRIEF, ROOT
from peacebrief.app.app import BriefApp, LoadingScreen
from peacebrief.core.model import Brief


@pytest.fixture(autouse=True)
def own_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No user keymap, and an empty cache: every reader here loads the brief afresh."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


class SlowLoad:
    """The reader's load held in its thread until the test lets it go."""

    def __init__(self) -> None:
        self.started = threading.Event()
        self.go_on = threading.Event()
        self.thread: threading.Thread | None = None
        self.finished = False

    def wrap(self, load: Callable[[BriefApp], Brief]) -> Callable[[BriefApp], Brief]:
        def slow(app: BriefApp) -> Brief:
            self.thread = threading.current_thread()
            self.started.set()
            self.go_on.wait()
            brief = load(app)
            self.finished = True
            return brief

        return slow


@pytest.fixture
def slow_load(monkeypatch: pytest.MonkeyPatch) -> Iterator[SlowLoad]:
    slow = SlowLoad()
    monkeypatch.setattr(BriefApp, "_load_fresh", slow.wrap(BriefApp._load_fresh))
    yield slow
    slow.go_on.set()  # the abandoned load may end now, with the test
    # And has, before the next test: it writes the brief's cache entry under XDG_CACHE_HOME,
    # which would be the next test's own (empty) cache by then, and that test would open
    # the brief from it, never loading (run twice in one worker, a test here timed out).
    if slow.thread is not None:
        slow.thread.join(120)  # a guard against a hang, not a bound on speed


async def wait_for(pilot: Pilot, condition: Callable[[], object], what: str, timeout: float = 120.0) -> None:
    # A generous guard against a hang, not a bound on speed: a loaded machine can take long to start an app.
    for _ in range(int(timeout / 0.02)):
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError(f"timed out waiting for {what}")


async def test_q_during_a_slow_load_quits_without_waiting_for_it(slow_load: SlowLoad) -> None:
    app = BriefApp(BUNDLED_BRIEF)
    async with app.run_test() as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, LoadingScreen) and slow_load.started.is_set(), "the load")
        await pilot.press("q")
        await wait_for(pilot, lambda: not app.is_running, "the reader to quit")

    assert not slow_load.finished  # quit while the load was still held
    assert app.return_code in (None, 0)
    # Neither the end of the event loop (which joins its executor's threads) nor the end
    # of the program (which joins every thread but daemons) waits for this one.
    assert slow_load.thread is not None and slow_load.thread.daemon
    assert not slow_load.thread.name.startswith("asyncio")


async def test_a_reload_waits_for_the_load_before_it_and_shows_the_brief(slow_load: SlowLoad) -> None:
    app = BriefApp(BUNDLED_BRIEF, watch=False)
    async with app.run_test() as pilot:
        await wait_for(pilot, slow_load.started.is_set, "the load")
        first = slow_load.thread
        app.action_reload()  # a second load asked for while the first runs: one thread at a time
        await pilot.pause()
        assert [t for t in threading.enumerate() if t.name == "peacebrief-load"] == [first]
        slow_load.go_on.set()
        await wait_for(pilot, lambda: app.brief is not None and slow_load.thread is not first, "the second load")
        await wait_for(pilot, lambda: app._load_running is None, "the second load to end")
        assert app.brief is not None and app.brief.title
        # Shown, not only made: the test ended as the screen mounted, and the reader quit under it.
        await wait_for(
            pilot,
            lambda: app.screen.__class__.__name__ == "BriefScreen" and app.screen.focused is not None,
            "the brief screen",
        )


async def test_quitting_as_the_brief_screen_mounts_is_no_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    shown = BriefApp._loaded

    def loaded_then_quit(app: BriefApp, brief: Brief, signature: tuple[tuple[str, int, int], ...]) -> None:
        shown(app, brief, signature)  # the brief's screen is switched to, not yet mounted
        app.exit()  # as `q` pressed in that moment

    monkeypatch.setattr(BriefApp, "_loaded", loaded_then_quit)
    app = BriefApp(BUNDLED_BRIEF)
    async with app.run_test() as pilot:
        await wait_for(pilot, lambda: not app.is_running, "the reader to quit")

    assert app.return_code in (None, 0)  # 1 when a handler raised (it was NoMatches)


SLOW_READER = """
import sys, threading
from peacebrief.app.app import BriefApp, LoadingScreen
held = threading.Event()
BriefApp._load_fresh = lambda self: held.wait() or None  # a load that never ends
async def press_q(pilot):
    while not isinstance(pilot.app.screen, LoadingScreen):
        await pilot.pause(0.02)
    await pilot.press("q")
app = BriefApp(sys.argv[1])
app.run(headless=True, auto_pilot=press_q)
print("quit", app.return_code)
"""


def test_the_reader_process_ends_on_q_during_a_load_that_never_ends(tmp_path: Path) -> None:
    # The whole program, to its last line: the end of the event loop and of the interpreter.
    # The timeout only keeps a regression from hanging the suite; it is no speed bound.
    done = subprocess.run(
        [sys.executable, "-c", SLOW_READER, str(BUNDLED_BRIEF)], capture_output=True, text=True, timeout=120, cwd=ROOT
    )

    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "quit 0"


async def test_q_while_a_case_reads_its_later_rounds_quits_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The reader shows a case's first round and reads the others behind it: `q` then ends
    it without waiting for the round being read, and no later round is read after."""
    from peacebrief.app.screens.brief import BriefScreen
    from peacebrief.core import case_open

    example = ROOT / "cases" / "tarren-valley"
    read_fully = case_open.load_brief_cached
    held = threading.Event()
    later: list[str] = []  # each later round the reader began to read
    returned: list[bool] = []  # each held read that returned (True: let go by the test)
    threads: list[threading.Thread] = []

    def held_read(path: Path) -> Brief:
        if path.name == "round-1.yaml":
            return read_fully(path)
        later.append(path.name)
        threads.append(threading.current_thread())
        returned.append(held.wait(120))  # a guard against a hang, not a bound on speed
        return read_fully(path)

    monkeypatch.setattr(case_open, "load_brief_cached", held_read)
    app = BriefApp(example)
    try:
        async with app.run_test() as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, BriefScreen) and later, "round 2 being read")
            assert app.loading_note == "loading round 2 of 3…"
            await pilot.press("q")
            await wait_for(pilot, lambda: not app.is_running, "the reader to quit")
        assert returned == []  # quit while round 2 was still being read
        assert app.return_code in (None, 0)
        [thread] = threads
        assert thread.daemon and not thread.name.startswith("asyncio")
    finally:
        held.set()
    threads[0].join(120)
    assert later == ["round-2.yaml"]  # told to stop, it read no other round
