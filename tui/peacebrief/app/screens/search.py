"""`/`: search every record as you type; Enter jumps, Escape closes."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from peacebrief.app import render
from peacebrief.app.widgets.detail import link_label
from peacebrief.core.model import Brief
from peacebrief.core.related import Related
from peacebrief.core.search import SearchIndex

RESULT_LIMIT = 50


class SearchScreen(ModalScreen[str | None]):
    BINDINGS = [
        Binding("escape", "dismiss(None)", "Close", id="search.close"),
        Binding("down", "results_down", "Next result", show=False, id="search.down"),
        Binding("up", "results_up", "Previous result", show=False, id="search.up"),
    ]

    _indexes: dict[int, SearchIndex] = {}

    def __init__(self, brief: Brief) -> None:
        super().__init__()
        self.brief = brief

    @property
    def index(self) -> SearchIndex:
        # Built once per loaded brief, kept across openings of the search box.
        key = id(self.brief)
        if key not in self._indexes:
            self._indexes.clear()
            self._indexes[key] = SearchIndex(self.brief)
        return self._indexes[key]

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box"):
            yield Input(placeholder="Search quotes, events, people, positions…", id="search-input")
            yield Static(id="search-count")
            yield OptionList(id="search-results")

    def on_mount(self) -> None:
        self.query_one("#search-box").border_title = "Search"
        self.query_one(Input).focus()
        self._show("")

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        self._show(event.value)

    def _show(self, query: str) -> None:
        results = self.query_one(OptionList)
        count = self.query_one("#search-count", Static)
        if not query.strip():
            results.clear_options()
            count.update(Text(f"Type to search {len(self.index)} records.", style="dim"))
            return
        found = self.index.search(query, limit=RESULT_LIMIT)
        options = []
        for rid in found.ids:
            record = self.brief[rid]
            prompt = Text(f"{render.KIND_NAMES[record.kind]:<9}", style="dim")
            prompt.append(link_label(self.brief, Related(rid, record.kind, "")))
            options.append(Option(prompt, id=rid))
        results.set_options(options)
        if options:
            results.highlighted = 0
        more = f", {found.more} more not shown: type more words to narrow" if found.more else ""
        count.update(Text(f"{found.total} found{more}", style="dim"))

    @on(Input.Submitted)
    def _submitted(self) -> None:
        option = self.query_one(OptionList).highlighted_option
        self.dismiss(option.id if option else None)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_results_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_results_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()
