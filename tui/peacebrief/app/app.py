"""The peacebrief reader: loads a brief off the UI thread, then shows it."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Center, Middle, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.worker import get_current_worker

from peacebrief.app.commands import RecordCommands
from peacebrief.app.keymap import read_keymap
from peacebrief.core.loader import load_brief
from peacebrief.core.model import Brief
from peacebrief.core.problems import BriefError, Problem
from peacebrief.core.visible import visible


class LoadingScreen(Screen[None]):
    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield Static(Text(f"Loading {visible(str(self.path))}…"), id="loading")
        yield Footer()


class ProblemsScreen(Screen[None]):
    """The brief could not be loaded: say why, file:line by line."""

    BINDINGS = [Binding("r", "app.reload", "Reload", id="brief.reload_failed")]

    def __init__(self, path: Path, problems: list[Problem]) -> None:
        super().__init__()
        self.path = path
        self.problems = problems

    def compose(self) -> ComposeResult:
        errors = [p for p in self.problems if p.severity == "error"]
        text = Text(f"{visible(str(self.path))} could not be opened: {len(errors)} problem(s).\n\n", style="bold")
        for problem in self.problems:
            text.append(visible(str(problem)) + "\n")
        text.append("\nFix the brief and press r to reload, or q to quit. `peacebrief check` lists the same problems.", style="italic")
        with VerticalScroll(id="problems"):
            yield Static(text)
        yield Footer()


class BriefApp(App[None]):
    """The reader. `BriefApp(path)` opens the brief at `path`."""

    CSS_PATH = "peacebrief.tcss"
    TITLE = "peacebrief"
    COMMANDS = App.COMMANDS | {RecordCommands}
    BINDINGS = [
        Binding("question_mark,f1", "help", "Help", id="app.help"),
        Binding("q", "quit", "Quit", id="app.quit"),
    ]

    def __init__(self, path: str | Path) -> None:
        super().__init__()
        self.path = Path(path)
        self.brief: Brief | None = None

    def on_mount(self) -> None:
        keymap, problem = read_keymap()
        if keymap:
            self.set_keymap(keymap)
        if problem:
            self.notify(problem, title="Keymap not used", severity="warning", markup=False)
        self.push_screen(LoadingScreen(self.path))
        self.load()

    @work(thread=True, exclusive=True, group="load")
    def load(self) -> None:
        worker = get_current_worker()
        try:
            brief = load_brief(self.path)
        except BriefError as exc:
            if not worker.is_cancelled:
                self.call_from_thread(self._failed, exc.problems)
            return
        if not worker.is_cancelled:
            self.call_from_thread(self._loaded, brief)

    def _loaded(self, brief: Brief) -> None:
        from peacebrief.app.screens.brief import BriefScreen

        self.brief = brief
        self.sub_title = brief.title
        self.switch_screen(BriefScreen(brief))

    def _failed(self, problems: list[Problem]) -> None:
        self.switch_screen(ProblemsScreen(self.path, problems))

    def action_reload(self) -> None:
        self.switch_screen(LoadingScreen(self.path))
        self.load()

    def action_help(self) -> None:
        from peacebrief.app.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())
