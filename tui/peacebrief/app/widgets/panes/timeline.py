"""The timeline pane: the brief's events, one row each, dates aligned."""

from __future__ import annotations

from collections.abc import Callable

from rich.cells import cell_len
from rich.text import Text

from peacebrief.app import render
from peacebrief.app.widgets.panes.list_pane import ListPane
from peacebrief.app.widgets.record_list import RowState
from peacebrief.core.model import Brief, Event


class TimelinePane(ListPane):
    pane_id = "timeline"
    title = "1 Timeline"
    kinds = ("event",)
    empty_text = "No events."
    round_section = "events"

    def __init__(self, brief: Brief, on_highlight: Callable[[str, str], None] | None = None) -> None:
        super().__init__(brief, on_highlight)
        self.date_width = 10  # the widest date's cells
        self._dated: Brief | None = None  # the brief date_width was measured on

    def refill(self) -> None:
        # Measured once per date, not per event: a big brief's events share few dates;
        # and once per brief, not per refill (a case's round filter refills it).
        if self._dated is not self.brief:
            dates = {id(e.date): e.date for e in self.brief.events}.values()
            self.date_width = max((cell_len(d.display()) for d in dates), default=10)
            self._dated = self.brief
        super().refill()

    def all_ids(self) -> list[str]:
        return [e.id for e in self.brief.events]

    def render_row(self, record_id: str, state: RowState) -> list[Text]:
        event = self.brief[record_id]
        assert isinstance(event, Event)
        return [
            render.with_round(
                record_id,
                render.event_row(
                    self.brief,
                    event,
                    marked=state.marked,
                    date_width=self.date_width,
                    width=state.width - render.round_width(record_id),
                ),
            )
        ]
