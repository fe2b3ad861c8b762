"""`e`: export the digest. The same code and rules as `peacebrief digest -o`."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioSet, Static

from peacebrief.app.widgets.digest_formats import (
    CHANGES,
    FORMATS,
    compose_choice,
    compose_scope,
    digest_text,
    file_name,
    offered,
)
from peacebrief.core.export import ExportError, ExportExistsError, write_atomic
from peacebrief.core.model import Brief
from peacebrief.core.visible import visible

TYPE_CHECKING = False
if TYPE_CHECKING:
    from peacebrief.core.changes import Changes

__all__ = ["CHANGES", "FORMATS", "ExportScreen"]


class ExportScreen(ModalScreen[Path | None]):
    """Ask where and in which format; write atomically; overwrite only when confirmed."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="export.cancel")]

    def __init__(self, brief: Brief, party: str | None = None, *, changes: Changes | None = None) -> None:
        super().__init__()
        self.brief = brief
        self.party = party
        self.changes = changes  # a case's changes between two rounds: offered as a digest too
        self.formats = offered(changes)
        self.fmt = self.formats[0]
        self._confirm_overwrite: Path | None = None

    def _default_path(self, fmt: str) -> Path:
        return Path.cwd() / file_name(self.brief, fmt, self.party, self.changes)

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box"):
            yield from compose_choice(self.formats, self.fmt, self.changes)
            yield Label("Write to")
            yield Input(str(self._default_path(self.fmt)), id="export-path")
            yield from compose_scope(self.brief, self.party)
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
            written = write_atomic(path, digest_text(self.brief, self.fmt, self.party, self.changes), force=force)
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
