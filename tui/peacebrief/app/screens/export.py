"""`e`: export the digest. The same code and rules as `peacebrief digest -o`."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from peacebrief.core.export import (
    ExportError,
    ExportExistsError,
    default_export_path,
    export_digest,
)
from peacebrief.core.model import Brief
from peacebrief.core.visible import one_line, visible

FORMATS = ("text", "markdown", "json")


class ExportScreen(ModalScreen[Path | None]):
    """Ask where and in which format; write atomically; overwrite only when confirmed."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="export.cancel")]

    def __init__(self, brief: Brief, party: str | None = None) -> None:
        super().__init__()
        self.brief = brief
        self.party = party
        self.fmt = "text"
        self._confirm_overwrite: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box"):
            yield Label("Format")
            with RadioSet(id="export-format"):
                for fmt in FORMATS:
                    yield RadioButton(fmt, value=fmt == "text", id=f"format-{fmt}")
            yield Label("Write to")
            yield Input(str(default_export_path(self.brief, "text")), id="export-path")
            if self.party is not None:
                party = self.brief.get(self.party)
                yield Static(Text(f"Only what concerns {one_line(party.label) if party else self.party} (the party filter)."), id="export-scope")
            yield Static(id="export-message")
            with Horizontal(id="export-buttons"):
                yield Button("Export", variant="primary", id="export-go")
                yield Button("Cancel", id="export-cancel")

    def on_mount(self) -> None:
        self.query_one("#export-box").border_title = "Export the digest"
        self.query_one(Input).focus()

    @on(RadioSet.Changed)
    def _format_changed(self, event: RadioSet.Changed) -> None:
        fmt = FORMATS[event.index]
        path_input = self.query_one(Input)
        # Follow the format in the proposed name, unless the reader typed their own.
        if path_input.value in {str(default_export_path(self.brief, f)) for f in FORMATS}:  # type: ignore[arg-type]
            path_input.value = str(default_export_path(self.brief, fmt))  # type: ignore[arg-type]
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
