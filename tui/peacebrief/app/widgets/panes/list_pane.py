"""A pane that is one list of records: the timeline's and the quotes' shape."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult

from peacebrief.app.textual_private import set_border_subtitle
from peacebrief.app.widgets.panes.pane import Pane
from peacebrief.app.widgets.record_list import RecordList, RowState
from peacebrief.core.case_brief import round_index
from peacebrief.core.model import Brief


class ListPane(Pane):
    """A pane that is one RecordList."""

    row_height: ClassVar[int] = 1
    empty_text: ClassVar[str] = "Nothing here."
    measure_row: Callable[[str, int], int] | None = None  # rows as tall as their words, if set

    def compose(self) -> ComposeResult:
        yield RecordList(
            self.render_row,
            row_height=self.row_height,
            measure=self.measure_row,
            empty_text=self.empty_text,
            on_highlight=self.report,
        )

    def load(self, brief: Brief) -> None:
        if self.ready:
            self.records.remeasure_next()
        super().load(brief)

    @property
    def records(self) -> RecordList:
        return self.query_one(RecordList)

    def all_ids(self) -> list[str]:
        raise NotImplementedError

    round_section: ClassVar[str | None] = None  # in a case, the brief's section listed

    def refill(self) -> None:
        if self.round_filter is not None and self.round_section is not None:
            ids = round_index(self.brief).ids(self.round_section, self.round_filter)
        else:
            ids = self.all_ids()
        if self.party_filter is not None:
            ids = [rid for rid in ids if self._keep(rid)]
        self.records.set_ids(ids)
        self._update_subtitle(len(ids))

    def _update_subtitle(self, shown: int) -> None:
        total = len(self.records.ids) if not self.filtered else len(self.all_ids())
        set_border_subtitle(self, f"{shown} of {total}" if shown != total else f"{total}")

    def render_row(self, record_id: str, state: RowState) -> list[Text]:
        raise NotImplementedError

    def paint_marks(self, old: frozenset[str]) -> None:
        self.records.set_marks(self.marks)

    def show(self, place: str) -> bool:
        return self.records.select(place)

    def current(self) -> str | None:
        return self.records.highlighted_id

    def focus_pane(self) -> None:
        self.records.focus()
