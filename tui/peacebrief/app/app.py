"""The peacebrief reader: shows a cached brief at once, loads any other off the UI thread."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Center, Middle, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from peacebrief.app.keymap import read_keymap
from peacebrief.app.settings import read_settings, write_settings
from peacebrief.app.widgets.footer import KeyFooter
from peacebrief.core import collector
from peacebrief.core.cache import cached_brief, load_brief_cached
from peacebrief.core.model import Brief
from peacebrief.core.problems import BriefError, Problem
from peacebrief.core.visible import visible

if TYPE_CHECKING:
    from textual.command import Provider

    from peacebrief.app.screens.brief import BriefScreen
    from peacebrief.core.case import Case


def record_commands() -> type[Provider]:
    """The palette's record finder, imported on the first ctrl+p: it brings the search
    index and the record rendering with it, which the first paint needs none of."""
    from peacebrief.app.palette import RecordCommands

    return RecordCommands


class LoadingScreen(Screen[None]):
    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield Static(Text(f"Loading {visible(str(self.path))}…"), id="loading")
        yield KeyFooter()


class ProblemsScreen(Screen[None]):
    """The brief could not be loaded: say why, file:line by line."""

    BINDINGS = [Binding("r", "app.reload", "Reload", id="brief.reload")]

    def __init__(self, path: Path, problems: list[Problem]) -> None:
        super().__init__()
        self.path = path
        self.problems = problems

    def compose(self) -> ComposeResult:
        errors = [p for p in self.problems if p.severity == "error"]
        text = Text(f"{visible(str(self.path))} could not be opened: {len(errors)} problem(s).\n\n", style="bold")
        for problem in self.problems:
            text.append(visible(str(problem)) + "\n")
        text.append(
            "\nFix the brief and press r to reload, or q to quit. `peacebrief check` lists the same problems.",
            style="italic",
        )
        with VerticalScroll(id="problems"):
            yield Static(text)
        yield KeyFooter()


class BriefApp(App[None]):
    """The reader. `BriefApp(path)` opens the brief at `path`."""

    CSS_PATH = "peacebrief.tcss"
    TITLE = "peacebrief"
    COMMANDS = App.COMMANDS | {record_commands}
    BINDINGS = [
        Binding("question_mark,f1", "help", "Help", id="app.help"),
        Binding("q", "quit", "Quit", id="app.quit"),
    ]

    WATCH_SECONDS = 1.0  # how often the brief and its sources are checked for changes
    INSTANT_CACHE_BYTES = 20_000_000  # a cache entry read before the first paint (a 10k-event brief's is 9 MB)

    def __init__(self, path: str | Path, *, watch: bool = True) -> None:
        super().__init__()
        self.path = Path(path)
        self.brief: Brief | None = None
        self.case: Case | None = None  # when `path` is a case folder: its rounds
        self.loading_note: str | None = None  # what the top bar says while a case's rounds are read
        self.watch_files = watch
        self.open_failed = False  # the brief could not be loaded, and none is on screen
        self._signature: tuple[tuple[str, int, int], ...] = ()
        self.user_keymap: dict[str, str] = {}  # binding id -> keys, as the user's keymap.toml rebinds them
        self._settings: dict[str, str] = {}
        self._load_running: asyncio.Future[object] | None = None  # the load thread's outcome, until it has one
        self._made: BriefScreen | None = None  # the brief's screen, from the moment it is made (before it mounts)

    def _apply_keymap(self) -> None:
        from peacebrief.app.bindings import binding_scopes

        keymap = read_keymap(scopes=binding_scopes)
        self.user_keymap = keymap.keys
        if keymap.keys:
            self.set_keymap(keymap.keys)
        if keymap.problems:  # once, all of them: the rest of the file applies
            title = "Keymap: some keys not rebound" if keymap.keys else "Keymap not used"
            self.notify(visible("\n".join(keymap.problems)), title=title, severity="warning", markup=False, timeout=12)

    def _apply_settings(self) -> None:
        settings, problem = read_settings()
        self._settings = settings
        theme = settings.get("theme")
        if theme and theme in self.available_themes:
            self.theme = theme
        if problem:
            self.notify(visible(problem), title="Settings not read", severity="warning", markup=False)
        self.theme_changed_signal.subscribe(self, self._keep_theme)

    def _keep_theme(self, theme: object) -> None:
        name = getattr(theme, "name", None)
        if not isinstance(name, str) or self._settings.get("theme") == name:
            return
        from peacebrief.core.export import ExportError

        self._settings["theme"] = name
        try:
            write_settings(self._settings)
        except (OSError, ExportError) as exc:
            self.notify(visible(f"The theme could not be kept: {exc}"), severity="warning", markup=False)

    def on_mount(self) -> None:
        # The first screen is built once this handler has returned: Textual runs it
        # inside its start-up batch, which writes nothing to the terminal, and a screen
        # built there reached the terminal piecemeal (its rows first, then the rest).
        self.call_later(self._open)
        if self.watch_files:
            self.set_interval(self.WATCH_SECONDS, self._poll)

    def _open(self) -> None:
        """Show the brief: from the cache at once (the first frame is the brief), or after
        a real parse, which can take seconds, or a cache entry too big to read in a
        blink, in a worker behind the loading screen. The user's keymap first, and its
        warning with the first screen (not before it, where its time could run out)."""
        self._apply_keymap()
        self._apply_settings()
        signature = self._file_signature()
        if self.path.is_dir():
            self._open_case(signature)
            return
        with collector.paused():
            brief = self._cached()
            if brief is not None:
                # Before the collector is back: `_loaded` freezes the records just made out
                # of its sight, which its first pass would otherwise walk.
                self._loaded(brief, signature)
        if brief is None:
            self.push_screen(LoadingScreen(self.path))
            self.load()

    # -- a case: its first round at once, the others behind it -----------------

    def _open_case(self, signature: tuple[tuple[str, int, int], ...]) -> None:
        from peacebrief.core.case_open import open_first

        shown = threading.Event()
        with collector.paused():
            first = open_first(self.path, cached_only=True, max_entry_bytes=self.INSTANT_CACHE_BYTES)
            if first is not None:
                self._case_part(first, signature, shown)
        if first is None:
            self.push_screen(LoadingScreen(self.path))
        if first is None or not first.complete:
            self.read_case(first, shown)

    # A description of its own: Textual's default is the repr of the arguments, and the
    # repr of the first round's brief (1 MB of text) cost the 50x200 case's first screen
    # 43-57 ms of CPU.
    @work(exclusive=True, group="load", description="read the case's rounds")
    async def read_case(self, first: object, shown: threading.Event) -> None:
        """Read a case behind the screen: its first round (unless given), shown at once,
        then the others, the top bar counting them, and then the whole case.

        The reading runs in a daemon thread, as `load` does, not in a thread worker
        (which the end of the event loop waits for: `q` waited out the reading of every
        round). Cancelled (by `q`, or by a reload), it tells the thread to stop after the
        round it is reading, and the thread is abandoned."""
        stop = threading.Event()
        try:
            outcome = await asyncio.shield(
                self._in_daemon_thread(lambda: self._read_case(first, shown, stop), "peacebrief-case")
            )
        except asyncio.CancelledError:
            stop.set()
            shown.set()  # nothing waits for the first screen any more
            raise
        if isinstance(outcome, BaseException):
            raise outcome  # the reader's crash, as from any worker

    def _read_case(self, first: object, shown: threading.Event, stop: threading.Event) -> None:
        """In the case's thread: each part of the case handed to the UI thread as it is read,
        until `stop` is set (then nothing more is read, or handed over)."""
        from peacebrief.core.case_open import FirstRound, Stopped, open_first, open_rest

        def hand(callback: Callable[..., None], *args: object) -> None:
            if not stop.is_set():
                self.call_from_thread(callback, *args)

        signature = self._file_signature()
        try:
            if first is None:
                first = open_first(self.path)
                hand(self._case_part, first, signature, shown)
            assert isinstance(first, FirstRound)
            if first.complete or stop.is_set():
                return
            # Not before the first screen is out: reading holds the GIL most of the time,
            # and the UI thread, which paints, gets it back only now and then (read at once,
            # the 5x200 case showed its first whole screen at 1.89x its parse, 1.73x with
            # this wait: pty, medians of 3, load average 9-14).
            shown.wait(10)
            case, brief = open_rest(self.path, first, lambda read, of: hand(self._case_progress, read, of), stop)
        except Stopped:
            return
        except BriefError as exc:
            hand(self._case_failed, exc.problems, signature)
            return
        hand(self._case_whole, case, brief, signature)

    def _case_part(self, first: object, signature: tuple[tuple[str, int, int], ...], shown: threading.Event) -> None:
        from peacebrief.core.case_open import FirstRound

        assert isinstance(first, FirstRound)
        self.case = first.case
        self.loading_note = None if first.complete else f"loading round 2 of {len(first.files)}…"
        self._loaded(first.brief, signature)
        screen = self._brief_screen()
        if screen is None:
            shown.set()
        else:
            screen.when_shown(shown.set)

    def _case_progress(self, read: int, of: int) -> None:
        self.loading_note = f"loading round {min(read + 1, of)} of {of}…"
        screen = self._brief_screen()
        if screen is not None:
            screen.update_bar()

    def _case_whole(self, case: Case, brief: Brief, signature: tuple[tuple[str, int, int], ...]) -> None:
        self.case = case
        self.loading_note = None
        self._loaded(brief, signature, quiet=True)

    def _case_failed(self, problems: list[Problem], signature: tuple[tuple[str, int, int], ...]) -> None:
        """A later round (or the case as a whole) has errors: the case cannot be opened, as
        when its first round has them; its first round is not shown as if it were the case."""
        self.loading_note = None
        screen = self._brief_screen()
        if screen is not None and self.screen is screen:
            self.brief = None
            self._signature = signature
            self.open_failed = True
            self._made = None  # switched away from: a later load makes a new one
            self.switch_screen(ProblemsScreen(self.path, problems))
        else:
            self._failed(problems, signature)

    # -- loading ---------------------------------------------------------------

    def _cached(self) -> Brief | None:
        return cached_brief(self.path, max_entry_bytes=self.INSTANT_CACHE_BYTES)

    def _load_fresh(self) -> Brief:
        if self.path.is_dir():
            from peacebrief.core.case_open import open_case

            case, brief = open_case(self.path)  # type: ignore[misc]
            self.case = case
            self.loading_note = None  # a reload in place of the reading of the rounds (read_case)
            return brief
        brief = load_brief_cached(self.path)
        brief.index_links()  # in the load thread (writing the cache entry has, unless it could not)
        return brief

    def _watched(self) -> list[Path]:
        if self.path.is_dir():
            from peacebrief.core.case_open import watched_files

            files = watched_files(self.path)
        else:
            files = [self.path]
        if self.brief is not None:
            files += [source.file for source in self.brief.sources]
        return files

    def _file_signature(self) -> tuple[tuple[str, int, int], ...]:
        signature = []
        for file in self._watched():
            try:
                stat = file.stat()
                signature.append((str(file), stat.st_mtime_ns, stat.st_size))
            except OSError:
                signature.append((str(file), -1, -1))
        return tuple(signature)

    def _poll(self) -> None:
        if self._signature and self._file_signature() != self._signature:
            self.load()

    @work(exclusive=True, group="load")
    async def load(self) -> None:
        """Load (or reload) the brief off the UI thread, and show it (or its problems).

        The loading runs in a daemon thread of its own, not in a thread worker: those run
        in the event loop's executor, which the end of the program waits for, so `q`
        during a slow load left a blank screen until the load was over. This worker only
        waits for the thread; quitting cancels it and the thread is abandoned. A load
        starts only when the one before has ended (a later load cancels an earlier worker,
        but not its thread), so a storm of changes runs one load at a time.
        """
        while self._load_running is not None:
            await asyncio.shield(self._load_running)
        outcome = await asyncio.shield(self._start_load_thread())
        if isinstance(outcome, BaseException):
            raise outcome  # the reader's crash, as from any worker
        show, found, signature = outcome  # type: ignore[misc]
        show(found, signature)

    def _start_load_thread(self) -> asyncio.Future[object]:
        done = self._in_daemon_thread(self._load_once, "peacebrief-load")
        self._load_running = done

        def finish(_: object) -> None:
            self._load_running = None

        done.add_done_callback(finish)
        return done

    @staticmethod
    def _in_daemon_thread(run: Callable[[], object], name: str) -> asyncio.Future[object]:
        """`run()` in a daemon thread of its own; the future gets what it returns, or what it
        raised. Nothing waits for the thread at exit: a reader that quits abandons it."""
        loop = asyncio.get_running_loop()
        done: asyncio.Future[object] = loop.create_future()

        def finish(outcome: object) -> None:
            if not done.done():
                done.set_result(outcome)

        def thread() -> None:
            outcome: object
            try:
                outcome = run()
            except BaseException as exc:  # handed to the worker, which ends the reader with it
                outcome = exc
            try:
                loop.call_soon_threadsafe(finish, outcome)
            except RuntimeError:  # the event loop has closed: the reader quit meanwhile
                pass

        threading.Thread(target=thread, name=name, daemon=True).start()
        return done

    def _load_once(self) -> tuple[Callable[..., None], object, tuple[tuple[str, int, int], ...]]:
        """In the load thread: the brief or its problems, with what to show them by."""
        signature = self._file_signature()
        try:
            return self._loaded, self._load_fresh(), signature
        except BriefError as exc:
            return self._failed, exc.problems, signature

    def _brief_screen(self) -> BriefScreen | None:
        """The brief's screen, also while it is still being switched to: a reload that ends
        in that moment goes to it, instead of making a second one that replaces it mid-mount."""
        return self._made

    def _loaded(self, brief: Brief, signature: tuple[tuple[str, int, int], ...], *, quiet: bool = False) -> None:
        from peacebrief.app.screens.brief import BriefScreen

        first = self.brief is None
        self.brief = brief
        self.open_failed = False
        collector.keep_out_of_sight()  # the brief lives as long as the reader does
        self._signature = self._file_signature() if signature != self._file_signature() else signature
        screen = self._brief_screen()
        if screen is not None:
            screen.show_brief(brief)
            if not first and not quiet:
                self.notify(f"Reloaded {visible(self.path.name)}", markup=False, timeout=2)
        elif isinstance(self.screen, (LoadingScreen, ProblemsScreen)):
            self._made = BriefScreen(brief)
            self.switch_screen(self._made)
        else:  # opened straight from the cache: nothing to replace
            self._made = BriefScreen(brief)
            self.push_screen(self._made)
        self.call_after_refresh(collector.rare_full_collections)  # once the screen is built

    def _failed(self, problems: list[Problem], signature: tuple[tuple[str, int, int], ...]) -> None:
        self._signature = signature
        screen = self._brief_screen()
        if screen is not None:
            # Keep the last good brief on screen; say what is wrong until the file is fixed.
            screen.show_problems(problems)
        else:
            self.open_failed = True
            self.switch_screen(ProblemsScreen(self.path, problems))  # in place of the loading or problems screen

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's palette commands less Maximize, which enlarged one widget (the link
        list) over a hatched screen, and its Keys panel: reading mode and the help do it."""
        from peacebrief.app.screens.brief import BriefScreen

        for command in super().get_system_commands(screen):
            if command.title not in ("Maximize", "Minimize", "Keys"):
                yield command
        if isinstance(screen, BriefScreen):
            yield SystemCommand(
                "Reading mode", "The selected record and its links on the whole screen (z)", screen.action_reading
            )
        yield SystemCommand("Keys", "Every key, as bound, and every symbol (?)", self.action_help)

    def action_reload(self) -> None:
        self.load()

    def action_help(self) -> None:
        from peacebrief.app.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())
