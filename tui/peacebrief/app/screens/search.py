"""`/`: search every record and source paragraph as you type; Enter jumps, Escape closes.

Results come best first (core/search.py), the words that matched lit, each wrapped under
its kind with a hanging indent. A paragraph opens in the Source pane with the words lit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

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
from peacebrief.core.search import SearchIndex, SearchResult, excerpt, find_words, where_found
from peacebrief.core.visible import one_line

RESULT_LIMIT = 50  # listed; the count line says how many more there are
KIND_WIDTH = 11  # the kind's column: results wrap under their words, not under it
LIT = "bold reverse"  # the words that matched


@dataclass(frozen=True, slots=True)
class Found:
    """What the search box closes with: where to go, and the words to light there."""

    target: str
    words: tuple[str, ...] = ()


class SearchInput(Input):
    """The search field. It hands each new value to `on_change` in the same turn as the
    keystroke: as an `Input.Changed` message the results came a frame after the field."""

    def __init__(self, on_change: Callable[[str], None], **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._on_change = on_change

    def watch_value(self, value: str) -> None:
        self._on_change(value)


class SearchScreen(ModalScreen[Found | None]):
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
            yield SearchInput(
                self._show, placeholder="Search quotes, events, people, positions, the sources…", id="search-input"
            )
            yield Static(id="search-count")
            yield ItemList(id="search-results")

    @property
    def results(self) -> ItemList:
        return self.query_one("#search-results", ItemList)

    @property
    def _count(self) -> Static:
        return self.query_one("#search-count", Static)

    _found: SearchResult | None = None

    def _chosen(self, rid: str) -> Found:
        words = tuple(w for alternatives in self._found.words for w in alternatives) if self._found else ()
        return Found(rid, words)

    def on_mount(self) -> None:
        self.query_one("#search-box").border_title = "Search"
        self.query_one(Input).focus()
        if id(self.brief) not in self._indexes:
            # The box shows at once; the index is built after that frame (0.75 s of CPU on
            # the 10k brief), and keys typed meanwhile wait for it.
            self._count.update(Text("Reading the brief's words…", style="dim"), layout=False)
        self.call_after_refresh(self._ready)

    def _ready(self) -> None:
        self._show(self.query_one(Input).value)

    def _show(self, query: str) -> None:
        if not self.is_mounted:
            return
        results, count = self.results, self._count
        if not query.strip():
            results.set_items([])
            paragraphs = sum(source.document.paragraph_count for source in self.brief.sources)
            count.update(
                Text(
                    f"Type to search {self.index.records} records and the sources' {paragraphs} paragraphs.",
                    style="dim",
                ),
                layout=False,
            )
            return
        found = self.index.search(query, limit=RESULT_LIMIT)
        self._found = found
        words = [word for alternatives in found.words for word in alternatives]
        items = []
        for rid in found.ids:
            kind = "paragraph" if split_paragraph_id(rid) else self.brief[rid].kind
            label = Text(f"{render.KIND_NAMES[kind]:<{KIND_WIDTH}}", style="dim")
            items.append(Item(self._result_text(rid, kind, words), id=rid, label=label, gutter=KIND_WIDTH))
        results.set_items(items)
        if items:
            results.highlighted = 0
        near = len(found.near)
        spelled = f" ({near} spelled another way, listed last)" if near else ""
        more = f", {found.more} more not shown: type more words to narrow" if found.more else ""
        # One line whatever it says (#search-count): no layout.
        count.update(Text(f"{found.total} found{spelled}{more}", style="dim"), layout=False)

    def _result_text(self, rid: str, kind: str, words: list[str]) -> Text:
        """The result's words, those that matched lit; a paragraph by the stretch that holds them."""
        spot = split_paragraph_id(rid)
        if spot is not None:
            document = self.brief.source(spot[0]).document
            where = document.place(spot[1])
            if len(self.brief.sources) > 1:
                where += f" of {render.clip(one_line(self.brief.source(spot[0]).title), 30)}"
            line = f"{where}: {excerpt(document.paragraph_text(spot[1]), words)}"
        else:
            line = render.clip(link_label(self.brief, Related(rid, kind, "")), 300)  # three lines at most, or so
            if not find_words(line, words):  # found through another field: say which, with its words
                found = where_found(self.brief, self.brief[rid], words)
                if found is not None:
                    text = Text(f"{line}\n")
                    text.append(f"{found[0]}: ", style="dim")
                    text.append(excerpt(one_line(found[1]), words, 120))
                    return self._lit(text, words)
        return self._lit(Text(line), words)

    @staticmethod
    def _lit(text: Text, words: list[str]) -> Text:
        for start, end in find_words(text.plain, words):
            text.stylize(LIT, start, end)
        return text

    @on(Input.Submitted)
    def _submitted(self) -> None:
        item = self.results.highlighted_item
        self.dismiss(self._chosen(item.id) if item and item.id else None)

    @on(ItemList.Selected)
    def _selected(self, event: ItemList.Selected) -> None:
        self.dismiss(self._chosen(event.item.id) if event.item.id else None)

    def action_results_down(self) -> None:
        self.results.action_cursor(1)

    def action_results_up(self) -> None:
        self.results.action_cursor(-1)
