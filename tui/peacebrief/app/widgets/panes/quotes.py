"""The quotes pane: every quote in full, in the order the reader picks."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.binding import Binding

from peacebrief.app import render
from peacebrief.app.textual_private import set_border_subtitle
from peacebrief.app.widgets.panes.list_pane import ListPane
from peacebrief.app.widgets.record_list import RowState
from peacebrief.core.model import Brief, Quote
from peacebrief.core.quote_order import ORDER_NAMES, QUOTE_ORDERS, order_quotes


class QuotesPane(ListPane):
    """Every quote in full: by date (the undated last), by speaker, or in source order (`s`)."""

    pane_id = "quotes"
    title = "3 Quotes"
    kinds = ("quote",)
    round_section = "quotes"
    empty_text = "No quotes."

    BINDINGS = [
        Binding(
            "s", "next_order", "Sort", id="quotes.sort", tooltip="by date (undated last), by speaker, in source order"
        )
    ]

    def __init__(self, brief: Brief, on_highlight: Callable[[str, str], None] | None = None) -> None:
        super().__init__(brief, on_highlight)
        self.order = QUOTE_ORDERS[0]
        self._ordered: tuple[Brief | None, str, list[str]] = (None, "", [])

    def measure_row(self, record_id: str, width: int) -> int:
        quote = self.brief[record_id]
        assert isinstance(quote, Quote)
        return render.quote_height(quote, width)

    def all_ids(self) -> list[str]:
        brief, order, ids = self._ordered
        if brief is not self.brief or order != self.order:
            ids = [q.id for q in order_quotes(self.brief, self.brief.quotes, self.order)]
            self._ordered = (self.brief, self.order, ids)
        return ids

    def _update_subtitle(self, shown: int) -> None:
        total = len(self.all_ids())
        count = f"{shown} of {total}" if shown != total else f"{total}"
        set_border_subtitle(self, f"{count} · {ORDER_NAMES[self.order]} (s)")

    def action_next_order(self) -> None:
        self.order = QUOTE_ORDERS[(QUOTE_ORDERS.index(self.order) + 1) % len(QUOTE_ORDERS)]
        keep = self.current()
        self.refill()
        if keep:
            self.records.select(keep)
        self.records.scroll_to_cursor()

    def render_row(self, record_id: str, state: RowState) -> list[Text]:
        quote = self.brief[record_id]
        assert isinstance(quote, Quote)
        head, *rest = render.quote_rows(self.brief, quote, marked=state.marked, width=state.width)
        return [render.with_round(record_id, head), *rest]
