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
from peacebrief.core.visible import visible


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
        ("Case", [b for b in screen if b.id and (b.id.startswith("round.") or b.id.startswith("changes."))]),
        ("Review", [b for b in screen if b.id and b.id.startswith("review.")]),
        ("Search box", [b for b in SearchScreen.BINDINGS if isinstance(b, Binding)]),
    ]


def _keys(binding: Binding, keymap: dict[str, str]) -> str:
    keys = keymap.get(binding.id or "", binding.key)
    return ", ".join(KEY_SIGNS.get(k.strip(), k.strip()) for k in keys.split(","))


# Keys Textual names in words that a reader knows by their sign.
KEY_SIGNS = {"right_square_bracket": "]", "left_square_bracket": "["}


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss", "Close", id="help.close")]

    NARROW = 70  # under this many columns, the binding ids (for keymaps) are left out

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(self._table(), id="help-text")

    def on_resize(self) -> None:
        if (self.size.width < self.NARROW) != getattr(self, "_narrow", None):
            self.query_one("#help-text", Static).update(self._table())

    def on_mount(self) -> None:
        box = self.query_one("#help-box")
        box.border_title = "Keys"
        box.border_subtitle = "Escape closes"

    def _table(self) -> Table:
        """Keys, what they do and (when there is room) their ids; on a narrow screen the
        keys and their descriptions, so both stay readable."""
        self._narrow = narrow = self.app.size.width < self.NARROW
        keymap = dict(getattr(self.app, "_keymap", {}) or {})
        table = Table.grid(padding=(0, 2))
        if narrow:  # long key lists ("backspace, alt+left") wrap rather than squeeze out the descriptions
            table.add_column(style="bold", max_width=max(8, self.app.size.width // 3))
        else:
            table.add_column(no_wrap=True, style="bold")
        table.add_column()
        if not narrow:
            table.add_column(style="dim")

        def row(*cells: str | Text) -> None:
            # Text, not str: a Rich table parses a str as markup, and a keymap is the user's text.
            texts = [cell if isinstance(cell, Text) else Text(visible(cell)) for cell in cells]
            table.add_row(*(texts[:2] if narrow else texts))

        for title, bindings in binding_sections():
            row(Text(title, style="bold underline"), "", "")
            for binding in bindings:
                row(_keys(binding, keymap), binding.description, binding.id or "")
            row("", "", "")
        row(Text("Keymap", style="bold underline"), "", "")
        where = "the right column" if not narrow else "the ids on a wider screen"
        row("", Text(f"Rebind any key by its id ({where}) in {visible(str(keymap_path()))}"), "")
        row("", Text('[keys]\n"pane.timeline" = "t"'), "")
        return table
