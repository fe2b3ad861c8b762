"""`e`: export the digest. The same code and rules as `peacebrief digest -o`."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from peacebrief.core.export import (
    EXTENSIONS,
    ExportError,
    ExportExistsError,
    default_export_path,
    export_digest,
    write_atomic,
)
from peacebrief.core.model import Brief

TYPE_CHECKING = False
if TYPE_CHECKING:
    from peacebrief.core.changes import Changes
from peacebrief.core.visible import one_line, visible

FORMATS = ("text", "markdown", "json")
CHANGES = "changes: "  # a format of the changes digest of a case, `changes: text`...


class FormatChoice(RadioSet):
    """The formats. Enter takes the one under the cursor and moves on to the file name
    (so `e`, Enter, Enter writes the text digest); space only takes it."""

    BINDINGS = [Binding("enter", "choose", "Choose and go on", show=False, id="export.choose")]

    class Chosen(Message):
        """Enter was pressed on a format."""

    def action_choose(self) -> None:
        pressed = self.pressed_button
        self.action_toggle_button()
        if pressed is not None and not pressed.value:  # Enter on the pressed one: keep it
            pressed.value = True
        self.post_message(self.Chosen())


class ExportScreen(ModalScreen[Path | None]):
    """Ask where and in which format; write atomically; overwrite only when confirmed."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="export.cancel")]

    def __init__(self, brief: Brief, party: str | None = None, *, changes: Changes | None = None) -> None:
        super().__init__()
        self.brief = brief
        self.party = party
        self.changes = changes  # a case's changes between two rounds: offered as a digest too
        self.formats = FORMATS if changes is None else (*(CHANGES + f for f in FORMATS), *FORMATS)
        self.fmt = self.formats[0]
        self._confirm_overwrite: Path | None = None

    def _default_path(self, fmt: str) -> Path:
        if fmt.startswith(CHANGES) and self.changes is not None:
            base = fmt.removeprefix(CHANGES)
            name = f"{self.changes.case.folder.name}-changes-r{self.changes.since}-r{self.changes.until}.{EXTENSIONS[base]}"
            return Path.cwd() / name
        return default_export_path(self.brief, fmt, party=self.party)  # type: ignore[arg-type]

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box"):
            yield Label("Format")
            with FormatChoice(id="export-format"):
                for fmt in self.formats:
                    label = "Δ " + fmt.removeprefix(CHANGES) if fmt.startswith(CHANGES) else fmt
                    yield RadioButton(label, value=fmt == self.fmt, id=f"format-{fmt.replace(': ', '-')}")
            if self.changes is not None:
                yield Static(Text(f"Δ: what changed from round {self.changes.since} to round {self.changes.until}; "
                                  "the others: the digest of every round"), id="export-changes")
            yield Label("Write to")
            yield Input(str(self._default_path(self.fmt)), id="export-path")
            if self.party is not None:
                party = self.brief.get(self.party)
                yield Static(Text(f"Only what concerns {one_line(party.label) if party else self.party} (the party filter)."), id="export-scope")
            yield Static(id="export-message")
            with Horizontal(id="export-buttons"):
                yield Button("Export", variant="primary", id="export-go")
                yield Button("Cancel", id="export-cancel")

    def on_mount(self) -> None:
        self.query_one("#export-box").border_title = "Export the digest"
        # The format first: Enter in the path field would write at once, before a choice.
        self.query_one(RadioSet).focus()

    @on(RadioSet.Changed)
    def _format_changed(self, event: RadioSet.Changed) -> None:
        fmt = self.formats[event.index]
        path_input = self.query_one(Input)
        # Follow the format in the proposed name, unless the reader typed their own.
        if path_input.value in {str(self._default_path(f)) for f in self.formats}:
            path_input.value = str(self._default_path(fmt))
        self.fmt = fmt
        self._set_message(None)

    @on(FormatChoice.Chosen)
    def _format_chosen(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Changed)
    def _path_changed(self) -> None:
        self._set_message(None)

    def _set_message(self, message: str | None, *, warning: bool = False) -> None:
        if message is None:
            self._confirm_overwrite = None
        widget = self.query_one("#export-message", Static)
        widget.update(Text(visible(message or ""), style="bold" if warning else ""))
        widget.set_class(warning, "-warning")

    @on(Input.Submitted)
    @on(Button.Pressed, "#export-go")
    def export(self) -> None:
        raw = self.query_one(Input).value.strip()
        if not raw:
            self._set_message("Name a file to write.", warning=True)
            return
        path = Path(raw).expanduser()
        force = self._confirm_overwrite == path
        try:
            if self.fmt.startswith(CHANGES) and self.changes is not None:
                from peacebrief.core.changes_digest import render_changes

                text = render_changes(self.changes, fmt=self.fmt.removeprefix(CHANGES))  # type: ignore[arg-type]
                written = write_atomic(path, text, force=force)
            else:
                written = export_digest(self.brief, path, fmt=self.fmt, force=force, party=self.party)  # type: ignore[arg-type]
        except ExportExistsError:
            self._set_message(f"{path} already exists. Press Export again to overwrite it.", warning=True)
            self._confirm_overwrite = path
            return
        except ExportError as exc:
            self._set_message(str(exc), warning=True)
            return
        self.dismiss(written.resolve())

    @on(Button.Pressed, "#export-cancel")
    def cancel(self) -> None:
        self.dismiss(None)
