"""`?` / `f1`: every key the reader knows, as currently bound (a user keymap included), as a
person types it, and what each symbol on screen means."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from peacebrief.app.keymap import keymap_path, keys_label
from peacebrief.core.visible import visible

# Every symbol the panes draw, and what it says.
LEGEND = [
    ("◷", "scheduled: an event still to come"),
    ("↷", "postponed"),
    ("✕", "cancelled"),
    ("?", "reported: the source says someone else said it happened"),
    ("c.", "a date that is approximate"),
    ("★", "delegate: sits in the negotiating delegation"),
    ("▍", "linked to what is selected in another pane (its quotes, its parties, its event)"),
    ("⚑", "needs review: the brief's author left a question (the detail says which)"),
    ("“…”", "direct quote: the words as printed; italics: reported speech"),
    ("¶3", "paragraph 3 of the source"),
    ("…", "text cut to fit: the detail panel has it whole (z reads it on the whole screen)"),
    ("RU UA", "the parties an event involves, by their tags"),
    ("Δ + ✕", "a case's Issues matrix: the stance changed, is new, was dropped (withdrawn) since the round before"),
    ("· R1:", "a case's Issues matrix: not restated; the round says nothing of it, so round 1's stance stands"),
]


def binding_sections() -> list[tuple[str, list[Binding]]]:
    from peacebrief.app.app import BriefApp
    from peacebrief.app.screens.brief import BriefScreen
    from peacebrief.app.screens.search import SearchScreen
    from peacebrief.app.widgets.detail import DetailBody, LinkList
    from peacebrief.app.widgets.panes import DelegationsPane, QuotesPane, SourcePane
    from peacebrief.app.widgets.record_list import RecordList

    def own(*classes: type) -> list[Binding]:
        return [b for cls in classes for b in cls.BINDINGS if isinstance(b, Binding)]

    screen = own(BriefScreen)
    return [
        ("Panes", [b for b in screen if b.id and b.id.startswith("pane.")]),
        ("Moving in a list", [*own(RecordList), *own(DelegationsPane, QuotesPane, SourcePane)]),
        (
            "The detail panel and its links",
            [*(b for b in screen if b.id and b.id.startswith(("detail.", "links."))), *own(DetailBody, LinkList)],
        ),
        ("History", [b for b in screen if b.id and b.id.startswith("history.")]),
        (
            "Tools",
            [
                *(
                    b
                    for b in screen
                    if b.id in ("search.open", "filter.cycle", "record.copy", "export.open", "brief.reload")
                ),
                Binding(
                    "ctrl+p",
                    "",
                    "Palette",
                    tooltip="command palette: jump to any record or pane by name",
                    id="app.palette",
                ),
                *own(BriefApp),
            ],
        ),
        ("Case", [b for b in screen if b.id and b.id.startswith(("round.", "changes."))]),
        ("Review", [b for b in screen if b.id and b.id.startswith("review.")]),
        ("Search box", own(SearchScreen)),
        ("This help", own(HelpScreen)),
    ]


def _keys(binding: Binding, keymap: dict[str, str]) -> str:
    return keys_label(keymap.get(binding.id or "", binding.key))


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close", id="help.close"),
        Binding("down,j", "scroll(1)", "Scroll", show=False, tooltip="scroll down", id="help.down"),
        Binding("up,k", "scroll(-1)", "Scroll", show=False, tooltip="scroll up", id="help.up"),
        Binding("pagedown,space", "page(1)", "Page down", show=False, id="help.page_down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="help.page_up"),
        Binding("home,g", "edge(-1)", "Top", show=False, id="help.top"),
        Binding("end,G", "edge(1)", "Bottom", show=False, id="help.bottom"),
    ]

    NARROW = 70  # under this many columns, the binding ids (for keymaps) are left out

    def __init__(self) -> None:
        super().__init__()
        self._narrow: bool | None = None  # the table as last made was the narrow one

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(self._table(), id="help-text")

    @property
    def box(self) -> VerticalScroll:
        return self.query_one("#help-box", VerticalScroll)

    def action_scroll(self, step: int) -> None:
        self.box.scroll_relative(y=step, animate=False)

    def action_page(self, step: int) -> None:
        self.box.scroll_relative(y=step * max(1, self.box.scrollable_content_region.height - 1), animate=False)

    def action_edge(self, step: int) -> None:
        box = self.box
        box.scroll_to(y=0 if step < 0 else box.max_scroll_y, animate=False)

    def on_resize(self) -> None:
        if (self.size.width < self.NARROW) != self._narrow:
            self.query_one("#help-text", Static).update(self._table())

    def on_mount(self) -> None:
        box = self.box
        box.border_title = "Keys"
        box.border_subtitle = "j/k scroll · esc closes"

    def _table(self) -> Table:
        """Keys, what they do and (when there is room) their ids; on a narrow screen the
        keys and their descriptions, so both stay readable."""
        self._narrow = narrow = self.app.size.width < self.NARROW
        keymap: dict[str, str] = dict(getattr(self.app, "user_keymap", {}) or {})
        table = Table.grid(padding=(0, 2))
        # Long key lists ("backspace, alt+left") wrap rather than squeeze out the descriptions.
        table.add_column(style="bold", max_width=max(8, self.app.size.width // 4))
        table.add_column(ratio=1)
        if not narrow:
            table.add_column(style="dim", no_wrap=True)

        def row(*cells: str | Text) -> None:
            # Text, not str: a Rich table parses a str as markup, and a keymap is the user's text.
            texts = [cell if isinstance(cell, Text) else Text(visible(cell)) for cell in cells]
            table.add_row(*(texts[:2] if narrow else texts))

        for title, bindings in binding_sections():
            row(Text(title, style="bold underline"), "", "")
            for binding in bindings:
                what = binding.description
                if binding.tooltip:
                    what = f"{what}: {binding.tooltip}"
                row(_keys(binding, keymap), what, binding.id or "")
            row("", "", "")
        row(Text("Symbols", style="bold underline"), "", "")
        for symbol, meaning in LEGEND:
            row(symbol, meaning, "")
        row("", "", "")
        row(Text("Your own keys", style="bold underline"), "", "")
        where = "the right column" if not narrow else "the ids on a wider screen"
        row("", Text(f"Rebind any key by its id ({where}) in {visible(str(keymap_path()))}", overflow="fold"), "")
        row("", Text('[keys]\n"pane.timeline" = "t"'), "")
        return table
