"""`e` in a browser: download the digest. The same digest as `peacebrief digest`."""

from __future__ import annotations

import io

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, RadioButton, RadioSet, Static

from peacebrief.core.digest import render_digest
from peacebrief.core.export import default_export_name
from peacebrief.core.model import Brief
from peacebrief.core.visible import one_line

FORMATS = ("text", "markdown", "json")
MIME_TYPES = {"text": "text/plain", "markdown": "text/markdown", "json": "application/json"}


class DownloadScreen(ModalScreen[str | None]):
    """Choose the format; the browser downloads the file (nothing is written where the reader runs)."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="export.cancel")]

    def __init__(self, brief: Brief, party: str | None = None) -> None:
        super().__init__()
        self.brief = brief
        self.party = party
        self.fmt = "text"

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box"):
            yield Label("Format")
            with RadioSet(id="export-format"):
                for fmt in FORMATS:
                    yield RadioButton(fmt, value=fmt == "text", id=f"format-{fmt}")
            if self.party is not None:
                party = self.brief.get(self.party)
                yield Static(Text(f"Only what concerns {one_line(party.label) if party else self.party} (the party filter)."), id="export-scope")
            yield Static(Text("The browser saves it to its downloads."), id="export-message")
            with Horizontal(id="export-buttons"):
                yield Button("Download", variant="primary", id="export-go")
                yield Button("Cancel", id="export-cancel")

    def on_mount(self) -> None:
        self.query_one("#export-box").border_title = "Download the digest"
        self.query_one("#export-go", Button).focus()

    @on(RadioSet.Changed)
    def _format_changed(self, event: RadioSet.Changed) -> None:
        self.fmt = FORMATS[event.index]

    @on(Button.Pressed, "#export-go")
    def download(self) -> None:
        fmt = self.fmt
        name = default_export_name(self.brief, fmt)  # type: ignore[arg-type]
        text = render_digest(self.brief, fmt=fmt, party=self.party)  # type: ignore[arg-type]
        self.app.deliver_text(io.StringIO(text), save_filename=name, encoding="utf-8", mime_type=MIME_TYPES[fmt])
        self.dismiss(name)

    @on(Button.Pressed, "#export-cancel")
    def cancel(self) -> None:
        self.dismiss(None)
