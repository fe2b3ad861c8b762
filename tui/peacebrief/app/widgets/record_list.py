"""A list of records drawn line by line, so 20,000 rows cost no more than 20.

Textual's ListView mounts a widget per row, and OptionList measures every row when it
is filled. Here every row has the same height, so the list only renders the rows on
screen, and filling it is just storing ids.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip

from peacebrief.app.widgets.line_box import SteadyScrollView


@dataclass(frozen=True, slots=True)
class RowLook:
    """The styles a row is drawn in, taken from the stylesheet once per change of it."""

    base: Style
    cursor: Style
    cursor_blurred: Style
    mark: Style


@dataclass(frozen=True, slots=True)
class RowState:
    """What a row renderer needs to know beyond the record."""

    width: int
    marked: bool
    cursor: bool


RowRenderer = Callable[[str, RowState], Sequence[Text]]
HighlightHandler = Callable[[str], None]


class RecordList(SteadyScrollView, can_focus=True):
    """A focusable, scrolling list of record ids; a renderer turns an id into its lines."""

    COMPONENT_CLASSES = {"record-list--cursor", "record-list--cursor-blurred", "record-list--mark", "record-list--empty"}

    BINDINGS = [
        Binding("up,k", "cursor_up", "Up", show=False, id="list.up"),
        Binding("down,j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("pageup", "page_up", "Page up", show=False, id="list.page_up"),
        Binding("pagedown,space", "page_down", "Page down", show=False, id="list.page_down"),
        Binding("home,g", "first", "First", show=False, id="list.first"),
        Binding("end,G", "last", "Last", show=False, id="list.last"),
        Binding("enter", "choose", "Open", show=False, id="list.open"),
    ]

    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    class _RecordMessage(Message):
        def __init__(self, record_list: RecordList, record_id: str) -> None:
            super().__init__()
            self.record_list = record_list
            self.record_id = record_id

        @property
        def control(self) -> RecordList:
            return self.record_list

    class Chosen(_RecordMessage):
        """Enter (or a click on the highlighted row) on a record."""

    def __init__(
        self,
        render_row: RowRenderer,
        *,
        row_height: int = 1,
        empty_text: str = "Nothing to show.",
        on_highlight: HighlightHandler | None = None,
        focus_styled: bool = False,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._render_row = render_row
        self._on_highlight = on_highlight
        self._focus_styled = focus_styled
        self.row_height = row_height
        self.empty_text = empty_text
        self._ids: list[str] = []
        self._index: dict[str, int] = {}
        self._marks: frozenset[str] = frozenset()
        self._rendered_width = 0
        self._look: RowLook | None = None
        # Rows are cached per look too, so a stylesheet pass that changes nothing (one
        # runs on every move of the focus between panes) keeps them.
        self._strips = lru_cache(maxsize=512)(self._row_strips)

    # -- contents --------------------------------------------------------------

    @property
    def ids(self) -> Sequence[str]:
        return self._ids

    @property
    def highlighted_id(self) -> str | None:
        return self._ids[self.cursor] if 0 <= self.cursor < len(self._ids) else None

    def set_ids(self, ids: Sequence[str], *, keep: str | None = None) -> None:
        """Replace the rows; keep the cursor on `keep` (default: the current record) if still there."""
        keep = keep if keep is not None else self.highlighted_id
        self._ids = list(ids)
        self._index = {rid: i for i, rid in enumerate(self._ids)}
        self.refresh_rows()
        self.virtual_size = Size(0, len(self._ids) * self.row_height)  # no sideways scrolling
        index = self._index.get(keep, 0) if keep is not None else 0
        self.set_reactive(RecordList.cursor, min(index, max(0, len(self._ids) - 1)))
        self.call_after_refresh(self._scroll_to_cursor, False)
        if self.highlighted_id != keep:
            self._report()

    def set_marks(self, ids: frozenset[str]) -> None:
        if ids != self._marks:
            self._marks = ids
            self.refresh()  # rows are cached by their mark too: the others stay as drawn

    def refresh_rows(self) -> None:
        """Forget rendered rows (after a theme, filter or data change) and repaint."""
        self._strips.cache_clear()
        self.refresh()

    def select(self, record_id: str) -> bool:
        """Move the cursor to `record_id`; False if the list does not show it."""
        index = self._index.get(record_id)
        if index is None:
            return False
        if index != self.cursor:
            self.cursor = index
        return True

    # -- movement --------------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        top = self.scroll_y
        self._scroll_to_cursor(True)
        if self.scroll_y == top:
            # Repaint the two rows only: a repaint of the list draws all its lines again
            # through Textual's styles (borders, scroll bar, background) at 0.1 ms a line.
            width = self.outer_size.width
            for row in {old, new}:
                self.refresh(Region(0, row * self.row_height - int(top), width, self.row_height))
        else:
            self.refresh()  # rows are cached by cursor state too: nothing to forget
        self._report()

    def _report(self) -> None:
        """Tell the owner (`on_highlight`) where the cursor is, in this same turn.

        A posted message reached the screen only after this list had painted its new
        cursor, so the detail panel followed a frame (17 ms or more) later."""
        if self._on_highlight is not None and self.highlighted_id is not None:
            self._on_highlight(self.highlighted_id)

    def _scroll_to_cursor(self, animate: bool = False) -> None:
        height = self.view_size.height
        if not height:
            return  # hidden: scrolled to the cursor when it is shown (on_resize)
        top = self.cursor * self.row_height
        if top < self.scroll_y:
            self.scroll_to(y=top, animate=False)
        elif top + self.row_height > self.scroll_y + height:
            # Rounded up to a whole row: a list of two-line rows whose height is odd
            # would otherwise start with the second line of a record.
            rows = -(-(top + self.row_height - height) // self.row_height)
            self.scroll_to(y=rows * self.row_height, animate=False)

    def _move(self, delta: int) -> None:
        if self._ids:
            self.cursor = max(0, min(len(self._ids) - 1, self.cursor + delta))

    def action_cursor_up(self) -> None:
        self._move(-1)

    def action_cursor_down(self) -> None:
        self._move(1)

    def _page(self) -> int:
        return max(1, self.view_size.height // self.row_height - 1)

    def action_page_up(self) -> None:
        self._move(-self._page())

    def action_page_down(self) -> None:
        self._move(self._page())

    def action_first(self) -> None:
        self._move(-len(self._ids))

    def action_last(self) -> None:
        self._move(len(self._ids))

    def action_choose(self) -> None:
        if self.highlighted_id is not None:
            self.post_message(self.Chosen(self, self.highlighted_id))

    def on_click(self, event: events.Click) -> None:
        row = (event.y + int(self.scroll_y)) // self.row_height
        if 0 <= row < len(self._ids):
            if row == self.cursor:
                self.action_choose()
            else:
                self.cursor = row

    # -- rendering -------------------------------------------------------------

    def on_resize(self) -> None:
        # A list shown again is "resized" from nothing to the size it had: a repaint of
        # every row then would cost the pane switch a second frame.
        if self.size.width != self._rendered_width:
            self._rendered_width = self.size.width
            self.refresh_rows()
        self._scroll_to_cursor()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._look = None

    @property
    def look(self) -> RowLook:
        if self._look is None:
            cursor = self.get_component_rich_style("record-list--cursor")
            self._look = RowLook(
                self.rich_style,
                cursor,
                self.get_component_rich_style("record-list--cursor-blurred", partial=True) + Style(bold=False),
                self.get_component_rich_style("record-list--mark"),
            )
        return self._look

    def _row_strips(self, row: int, width: int, cursor: bool, focused: bool, marked: bool, look: RowLook) -> list[Strip]:
        record_id = self._ids[row]
        lines = list(self._render_row(record_id, RowState(width, marked, cursor)))[: self.row_height]
        lines += [Text()] * (self.row_height - len(lines))
        base = look.base
        if cursor and focused:
            base += look.cursor
        elif cursor:
            base += look.cursor_blurred
        elif marked:
            base += look.mark
        console = self.app.console
        strips = []
        for line in lines:
            line = line.copy()
            line.no_wrap = True
            line.truncate(width, overflow="ellipsis", pad=True)
            segments = list(line.render(console, end=""))
            strips.append(Strip(Segment.apply_style(segments, base), width).crop_extend(0, width, base))
        return strips

    def render_line(self, y: int) -> Strip:
        width = self.view_size.width
        line = int(self.scroll_y) + y
        row, offset = divmod(line, self.row_height)
        look = self.look
        if not self._ids:
            if y == 0:
                text = Text(self.empty_text, style=self.get_component_rich_style("record-list--empty"))
                text.truncate(width, overflow="ellipsis", pad=True)
                return Strip(list(text.render(self.app.console, end="")), width).apply_style(look.base)
            return Strip.blank(width, look.base)
        if row >= len(self._ids):
            return Strip.blank(width, look.base)
        marked = self._ids[row] in self._marks
        return self._strips(row, width, row == self.cursor, self.has_focus, marked, look)[offset]

    def watch_has_focus(self, has_focus: bool) -> None:
        # Textual restyles a widget whenever it gains or loses the focus, for `:focus`
        # rules, and the restyle repaints its scroll bar a frame after the key's. Only a
        # list made `focus_styled` has such a rule (a delegation column's border); the
        # cursor's colours, focused or not, are component styles picked in code.
        if self._focus_styled:
            super().watch_has_focus(has_focus)

    def _refresh_cursor(self) -> None:
        top = self.cursor * self.row_height - int(self.scroll_y)
        self.refresh(Region(0, top, self.outer_size.width, self.row_height))

    def on_focus(self) -> None:
        self._refresh_cursor()

    def on_blur(self) -> None:
        self._refresh_cursor()
