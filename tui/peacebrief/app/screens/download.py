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

from peacebrief.app.screens.export import CHANGES, FORMATS
from peacebrief.core.digest import render_digest
from peacebrief.core.export import EXTENSIONS, default_export_name
from peacebrief.core.model import Brief
from peacebrief.core.visible import one_line

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
        self.formats = FORMATS if changes is None else (*(CHANGES + f for f in FORMATS), *FORMATS)
        self.fmt = self.formats[0]

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box"):
            yield Label("Format")
            with RadioSet(id="export-format"):
                for fmt in self.formats:
                    label = "Δ " + fmt.removeprefix(CHANGES) if fmt.startswith(CHANGES) else fmt
                    yield RadioButton(label, value=fmt == self.fmt, id=f"format-{fmt.replace(': ', '-')}")
            if self.changes is not None:
                yield Static(Text(f"Δ: what changed from round {self.changes.since} to round {self.changes.until}; "
                                  "the others: the digest of every round"), id="export-changes")
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
        self.fmt = self.formats[event.index]

    @on(Button.Pressed, "#export-go")
    def download(self) -> None:
        name, text = self._digest()
        base = self.fmt.removeprefix(CHANGES)
        self.app.deliver_text(io.StringIO(text), save_filename=name, encoding="utf-8", mime_type=MIME_TYPES[base])
        self.dismiss(name)

    def _digest(self) -> tuple[str, str]:
        """The file's name and text: what the terminal's export would write."""
        if self.fmt.startswith(CHANGES) and self.changes is not None:
            from peacebrief.core.changes_digest import render_changes

            base = self.fmt.removeprefix(CHANGES)
            name = f"{self.changes.case.folder.name}-changes-r{self.changes.since}-r{self.changes.until}.{EXTENSIONS[base]}"
            return name, render_changes(self.changes, fmt=base)  # type: ignore[arg-type]
        name = default_export_name(self.brief, self.fmt)  # type: ignore[arg-type]
        return name, render_digest(self.brief, fmt=self.fmt, party=self.party)  # type: ignore[arg-type]

    @on(Button.Pressed, "#export-cancel")
    def cancel(self) -> None:
        self.dismiss(None)
