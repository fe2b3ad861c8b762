"""`?` / `f1`: every key the reader knows, as currently bound (a user keymap included)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from peacebrief.app.keymap import keymap_path


def binding_sections() -> list[tuple[str, list[Binding]]]:
    from peacebrief.app.app import BriefApp
    from peacebrief.app.screens.brief import BriefScreen
    from peacebrief.app.screens.search import SearchScreen
    from peacebrief.app.widgets.panes import DelegationsPane, SourcePane
    from peacebrief.app.widgets.record_list import RecordList

    screen = [b for b in BriefScreen.BINDINGS if isinstance(b, Binding)]
    return [
        ("Panes", [b for b in screen if b.id and b.id.startswith("pane.")]),
        ("Moving in a list", [b for b in RecordList.BINDINGS if isinstance(b, Binding)]
         + [b for b in (*DelegationsPane.BINDINGS, *SourcePane.BINDINGS) if isinstance(b, Binding)]),
        ("Links and history", [Binding("1-9", "", "follow link N (in the detail panel)", id="detail.link_N"),
                               *(b for b in screen if b.id and (b.id.startswith("history.") or b.id.startswith("detail.")))]),
        ("Tools", [*(b for b in screen if b.id in ("search.open", "filter.cycle", "record.copy", "export.open", "brief.reload")),
                   Binding("ctrl+p", "", "command palette: jump to any record", id="app.palette"),
                   *(b for b in BriefApp.BINDINGS if isinstance(b, Binding))]),
        ("Search box", [b for b in SearchScreen.BINDINGS if isinstance(b, Binding)]),
    ]


def _keys(binding: Binding, keymap: dict[str, str]) -> str:
    keys = keymap.get(binding.id or "", binding.key)
    return ", ".join(k.strip() for k in keys.split(","))


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss", "Close", id="help.close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(self._table(), id="help-text")

    def on_mount(self) -> None:
        box = self.query_one("#help-box")
        box.border_title = "Keys"
        box.border_subtitle = "Escape closes"

    def _table(self) -> Table:
        keymap = dict(getattr(self.app, "_keymap", {}) or {})
        table = Table.grid(padding=(0, 2))
        table.add_column(no_wrap=True, style="bold")
        table.add_column()
        table.add_column(style="dim")
        for title, bindings in binding_sections():
            table.add_row(Text(title, style="bold underline"), "", "")
            for binding in bindings:
                table.add_row(_keys(binding, keymap), binding.description, binding.id or "")
            table.add_row("", "", "")
        table.add_row(Text("Keymap", style="bold underline"), "", "")
        table.add_row("", Text(f"Rebind any key by its id (right column) in {keymap_path()}"), "")
        table.add_row("", Text('[keys]\n"pane.timeline" = "t"'), "")
        return table
