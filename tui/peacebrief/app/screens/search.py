"""`/`: search every record as you type; Enter jumps, Escape closes."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from peacebrief.app import render
from peacebrief.app.widgets.detail import link_label
from peacebrief.app.widgets.item_list import Item, ItemList
from peacebrief.core.model import Brief
from peacebrief.core.related import Related, split_paragraph_id
from peacebrief.core.search import SearchIndex

RESULT_LIMIT = 50  # listed; the count line says how many more there are


class SearchInput(Input):
    """The search field. It hands each new value to `on_change` in the same turn as the
    keystroke: as an `Input.Changed` message the results came a frame after the field."""

    def __init__(self, on_change: Callable[[str], None], **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._on_change = on_change

    def watch_value(self, value: str) -> None:
        self._on_change(value)


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
            yield SearchInput(self._show, placeholder="Search quotes, events, people, positions, the sources…", id="search-input")
            yield Static(id="search-count")
            yield ItemList(id="search-results")

    @property
    def results(self) -> ItemList:
        return self.query_one("#search-results", ItemList)

    def on_mount(self) -> None:
        self.query_one("#search-box").border_title = "Search"
        self.query_one(Input).focus()
        self._show("")

    def _show(self, query: str) -> None:
        if not self.is_mounted:
            return
        results = self.results
        count = self.query_one("#search-count", Static)
        if not query.strip():
            results.set_items([])
            index = self.index
            count.update(Text(f"Type to search {index.records} records and {len(index) - index.records} "
                              "source paragraphs.", style="dim"), layout=False)
            return
        found = self.index.search(query, limit=RESULT_LIMIT)
        items = []
        for rid in found.ids:
            kind = "paragraph" if split_paragraph_id(rid) else self.brief[rid].kind
            prompt = Text(f"{render.KIND_NAMES[kind]:<10}", style="dim")
            prompt.append(link_label(self.brief, Related(rid, kind, "")))
            items.append(Item(prompt, id=rid))
        results.set_items(items)
        if items:
            results.highlighted = 0
        more = f", {found.more} more not shown: type more words to narrow" if found.more else ""
        # One line whatever it says (#search-count): no layout.
        count.update(Text(f"{found.total} found{more}", style="dim"), layout=False)

    @on(Input.Submitted)
    def _submitted(self) -> None:
        item = self.results.highlighted_item
        self.dismiss(item.id if item else None)

    @on(ItemList.Selected)
    def _selected(self, event: ItemList.Selected) -> None:
        self.dismiss(event.item.id)

    def action_results_down(self) -> None:
        self.results.action_cursor(1)

    def action_results_up(self) -> None:
        self.results.action_cursor(-1)
