"""The top line of the main screen: the brief, the pane keys and what the reader filters."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.events import Click
from textual.widgets import Static

from peacebrief.app.widgets.panes import PANES
from peacebrief.core.model import Brief
from peacebrief.core.visible import one_line


class PaneBar(Static):
    """The top line: the brief, the pane keys (the current one lit) and the party filter.

    On a narrow screen only the current pane is named, and `? keys` says where the key
    help is (the footer has no room left to show it). A click on a pane's name calls
    `on_pane(pane_id)`; on the review count, `on_review()` (the screen routes both)."""

    _counted: tuple[Brief | None, int] = (None, 0)  # (brief, its review marks): counted once per brief

    def __init__(self, on_pane: Callable[[str], None], on_review: Callable[[], None], *, id: str) -> None:
        super().__init__(id=id)
        self._on_pane = on_pane
        self._on_review = on_review

    def _review_count(self, brief: Brief) -> int:
        if self._counted[0] is not brief:
            self._counted = (brief, brief.review_count)
        return self._counted[1]

    _shown: tuple[Brief | None, tuple[object, ...]] = (None, ())
    review_span: tuple[int, int] | None = None  # cells of "⚑ N to review": a click there goes to the first
    _spans: list[tuple[int, int, str]] = []  # (first cell, after the last, pane id) of each pane's name

    def show_state(
        self,
        brief: Brief,
        current: str,
        party: str | None,
        *,
        compact: bool = False,
        round_: str | None = None,
        keys: dict[str, str] | None = None,
        loading: str | None = None,
    ) -> None:
        keys = keys or {}
        state = (current, party, compact, round_, tuple(sorted(keys.items())), loading)
        if self._shown[0] is brief and self._shown[1] == state:
            return  # already says so (a brief is compared by identity: it may be huge)
        self._shown = (brief, state)
        text = Text()
        spans = []
        for pane in PANES:
            key = keys.get(pane.pane_id, pane.title.split(" ", 1)[0])
            style = "reverse bold" if pane.pane_id == current else ""
            start = text.cell_len
            text.append(
                f" {key} {pane.name_of()} " if pane.pane_id == current or not compact else f" {key} ", style=style
            )
            spans.append((start, text.cell_len, pane.pane_id))
        self._spans = spans
        if compact:
            text.append("  ? keys", style="bold")
        if loading is not None:
            text.append(f"  {loading}", style="italic")
        if party is not None:
            record = brief.get(party)
            text.append(f"  filter: {one_line(record.label) if record else party} (f)", style="bold italic")
        if round_ is not None:
            text.append(f"  round: {round_} ([ ])", style="bold italic")
        reviews = self._review_count(brief)
        self.review_span = None
        if reviews:
            text.append("  ")
            start = text.cell_len
            text.append(f"⚑ {reviews} to review", style="italic underline")
            self.review_span = (start, text.cell_len)
        text.append("  ")
        text.append(one_line(brief.title), style="bold")
        text.no_wrap = True
        text.overflow = "ellipsis"
        self.update(text, layout=False)  # one line, whatever it says: nothing else moves

    def pane_at(self, x: int) -> str | None:
        """The pane whose name is at cell `x` of the line."""
        return next((pane for start, end, pane in self._spans if start <= x < end), None)

    def on_click(self, event: Click) -> None:
        offset = event.get_content_offset(self)
        span = self.review_span
        if offset is not None and span is not None and span[0] <= offset.x < span[1]:
            event.stop()
            self._on_review()
            return
        pane = self.pane_at(offset.x) if offset is not None else None
        if pane is not None:
            self._on_pane(pane)
