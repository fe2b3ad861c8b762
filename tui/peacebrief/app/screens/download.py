"""`e` in a browser: download the digest. The same digest as `peacebrief digest`."""

from __future__ import annotations

import io

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, RadioSet, Static

from peacebrief.app.widgets.digest_formats import (
    CHANGES,
    compose_choice,
    compose_scope,
    digest_text,
    file_name,
    offered,
)
from peacebrief.core.model import Brief

TYPE_CHECKING = False
if TYPE_CHECKING:
    from peacebrief.core.changes import Changes

MIME_TYPES = {"text": "text/plain", "markdown": "text/markdown", "json": "application/json"}


class DownloadScreen(ModalScreen[str | None]):
    """Choose the format; the browser downloads the file (nothing is written where the reader runs)."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="export.cancel")]

    def __init__(self, brief: Brief, party: str | None = None, *, changes: Changes | None = None) -> None:
        super().__init__()
        self.brief = brief
        self.party = party
        self.changes = changes  # a case's changes between two rounds, offered as the terminal's export does
        self.formats = offered(changes)
        self.fmt = self.formats[0]

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box"):
            yield from compose_choice(self.formats, self.fmt, self.changes)
            yield from compose_scope(self.brief, self.party)
            yield Static(Text("The browser saves it to its downloads."), id="export-message")
            with Horizontal(id="export-buttons"):
                yield Button("Download", variant="primary", id="export-go")
                yield Button("Cancel", id="export-cancel")

    def on_mount(self) -> None:
        self.query_one("#export-box").border_title = "Download the digest"
        self.query_one(RadioSet).focus()  # the format first, as in the terminal's export

    @on(RadioSet.Changed)
    def _format_changed(self, event: RadioSet.Changed) -> None:
        self.fmt = self.formats[event.index]

    @on(Button.Pressed, "#export-go")
    def download(self) -> None:
        name = file_name(self.brief, self.fmt, self.party, self.changes)
        text = digest_text(self.brief, self.fmt, self.party, self.changes)
        base = self.fmt.removeprefix(CHANGES)
        self.app.deliver_text(io.StringIO(text), save_filename=name, encoding="utf-8", mime_type=MIME_TYPES[base])
        self.dismiss(name)

    @on(Button.Pressed, "#export-cancel")
    def cancel(self) -> None:
        self.dismiss(None)
