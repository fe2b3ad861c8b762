"""A list of records drawn line by line, so 20,000 rows cost no more than 20.

Textual's ListView mounts a widget per row, and OptionList measures every row when it
is filled. Here a row is either of a fixed height, or as tall as a `measure(id, width)`
says (a quote wrapped to the width): measuring is a cheap count of lines, done once per
width, and only the rows on screen are rendered.
"""

from __future__ import annotations

from bisect import bisect_right
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

from peacebrief.app.textual_private import CursorFocus, SteadyScrollView, set_virtual_size


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
RowMeasure = Callable[[str, int], int]  # (record id, width) -> the lines its row takes
HighlightHandler = Callable[[str], None]


class RecordList(CursorFocus, SteadyScrollView, can_focus=True):
    """A focusable, scrolling list of record ids; a renderer turns an id into its lines."""

    COMPONENT_CLASSES = {
        "record-list--cursor",
        "record-list--cursor-blurred",
        "record-list--mark",
        "record-list--empty",
    }

    BINDINGS = [
        Binding("up,k", "cursor_up", "Up", show=False, id="list.up"),
        Binding("down,j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("pageup", "page_up", "Page up", show=False, id="list.page_up"),
        Binding("pagedown,space", "page_down", "Page down", show=False, id="list.page_down"),
        Binding("home,g", "first", "First", show=False, id="list.first"),
        Binding("end,G", "last", "Last", show=False, id="list.last"),
        Binding(
            "enter", "choose", "Links", id="list.open", tooltip="to the selected record's links, in the detail panel"
        ),
    ]

    # No repaint of its own: watch_cursor repaints the two rows (a repaint of the whole
    # list drew all its lines again, 36 on a 40-line screen, on every move).
    cursor: reactive[int] = reactive(0, always_update=True, init=False, repaint=False)

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
        measure: RowMeasure | None = None,
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
        self._measure = measure
        self._heights: dict[str, int] = {}  # record -> its height at _measured_width
        self._measured_width = 0
        self._tops: list[int] = [0]  # row -> its first line, then the total (measured rows only)
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
        self._lay_out_rows()
        index = self._index.get(keep, 0) if keep is not None else 0
        self.set_reactive(RecordList.cursor, min(index, max(0, len(self._ids) - 1)))
        self.call_after_refresh(self._scroll_to_cursor, False)
        if self.highlighted_id != keep:
            self._report()

    def set_marks(self, ids: frozenset[str]) -> None:
        if ids != self._marks:
            changed = ids ^ self._marks
            self._marks = ids
            self._refresh_rows_of(changed)  # rows are cached by their mark too: the others stay as drawn

    def _refresh_rows_of(self, record_ids: frozenset[str]) -> None:
        """Repaint the rows of `record_ids` that are on screen, and only those."""
        top, height = int(self.scroll_y), self.view_size.height
        first, last = self.row_at(top), self.row_at(top + height)
        if len(record_ids) > last - first:
            rows = [row for row in range(first, min(last + 1, len(self._ids))) if self._ids[row] in record_ids]
        else:
            rows = [row for row in map(self._index.get, record_ids) if row is not None and first <= row <= last]
        width = self.outer_size.width
        for row in rows:
            self.refresh(Region(0, self.row_top(row) - top, width, self.row_lines(row)))

    def refresh_rows(self) -> None:
        """Forget rendered rows (after a theme, filter or data change) and repaint."""
        self._strips.cache_clear()
        self.refresh()

    def remeasure_next(self) -> None:
        """The rows' contents may change (a reload): measure them again at the next set_ids."""
        self._heights = {}

    def scroll_to_cursor(self) -> None:
        """Bring the cursor's row into view (once the list is laid out)."""
        self.call_after_refresh(self._scroll_to_cursor, False)

    # -- row geometry ------------------------------------------------------------

    def _lay_out_rows(self) -> None:
        """Each row's first line, for the width the rows are drawn at; then the list's size."""
        if self._measure is None:
            total = len(self._ids) * self.row_height
        else:
            width = self.view_size.width
            if width != self._measured_width:
                self._heights, self._measured_width = {}, width
            heights, measure, tops, top = self._heights, self._measure, [0], 0
            for rid in self._ids if width else ():
                height = heights.get(rid)
                if height is None:
                    height = heights[rid] = max(1, measure(rid, width))
                top += height
                tops.append(top)
            self._tops = tops if width else [0] * (len(self._ids) + 1)
            total = top
        # No sideways scrolling. Set without a layout of the screen: a list is as tall as
        # its box whatever it holds, and its scroll bar is always there (the stylesheet),
        # so nothing around it moves (a round filter's 200 rows after 1,000 cost a layout).
        set_virtual_size(self, Size(0, total))

    def row_top(self, row: int) -> int:
        """The first line of `row`."""
        if self._measure is None:
            return row * self.row_height
        return self._tops[row] if row < len(self._tops) else self._tops[-1]

    def row_lines(self, row: int) -> int:
        """How many lines `row` takes."""
        if self._measure is None:
            return self.row_height
        return self._tops[row + 1] - self._tops[row] if row + 1 < len(self._tops) else 1

    def row_at(self, line: int) -> int:
        """The row that holds `line` (len(ids) past the last)."""
        if self._measure is None:
            return line // self.row_height
        if not self._ids or line >= self._tops[-1]:
            return len(self._ids)
        return bisect_right(self._tops, line) - 1

    def select(self, record_id: str) -> bool:
        """Move the cursor to `record_id`; False if the list does not show it."""
        index = self._index.get(record_id)
        if index is None:
            return False
        if index != self.cursor:
            self.cursor = index
        return True

    @property
    def allow_vertical_scroll(self) -> bool:
        # A delegation column has no scroll bar (twelve would crowd them), but the wheel
        # still scrolls it.
        return self.max_scroll_y > 0

    # -- movement --------------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        top = self.scroll_y
        self._scroll_to_cursor(True)
        if self.scroll_y == top:
            # Repaint the two rows only: a repaint of the list draws all its lines again
            # through Textual's styles (borders, scroll bar, background) at 0.1 ms a line.
            width = self.outer_size.width
            for row in {old, new}:
                if 0 <= row < len(self._ids):
                    self.refresh(Region(0, self.row_top(row) - int(top), width, self.row_lines(row)))
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
        if not self._ids:
            return
        top, lines = self.row_top(self.cursor), self.row_lines(self.cursor)
        if top < self.scroll_y or lines >= height:
            self.scroll_to(y=top, animate=False)
        elif top + lines > self.scroll_y + height:
            # Down to the start of a row: a list of two-line rows whose height is odd
            # would otherwise start with the second line of a record.
            first = self.row_at(top + lines - height)
            if self.row_top(first) < top + lines - height:
                first += 1
            self.scroll_to(y=self.row_top(first), animate=False)

    def _move(self, delta: int) -> None:
        if self._ids:
            self.cursor = max(0, min(len(self._ids) - 1, self.cursor + delta))

    def action_cursor_up(self) -> None:
        self._move(-1)

    def action_cursor_down(self) -> None:
        self._move(1)

    def _page(self, direction: int) -> int:
        """How many rows a page up or down moves: about a screenful of lines."""
        if not self._ids:
            return 1
        height = max(1, self.view_size.height)
        line = self.row_top(self.cursor) + direction * (height - 1)
        row = max(0, min(len(self._ids) - 1, self.row_at(max(0, line))))
        return max(1, abs(row - self.cursor))

    def action_page_up(self) -> None:
        self._move(-self._page(-1))

    def action_page_down(self) -> None:
        self._move(self._page(1))

    def action_first(self) -> None:
        self._move(-len(self._ids))

    def action_last(self) -> None:
        self._move(len(self._ids))

    def action_choose(self) -> None:
        if self.highlighted_id is not None:
            self.post_message(self.Chosen(self, self.highlighted_id))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)  # a delegation column has a border
        if offset is None:
            return
        row = self.row_at(offset.y + int(self.scroll_y))
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
            self._lay_out_rows()
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

    def _row_strips(
        self, row: int, width: int, cursor: bool, focused: bool, marked: bool, look: RowLook
    ) -> list[Strip]:
        record_id = self._ids[row]
        height = self.row_lines(row)
        lines = list(self._render_row(record_id, RowState(width, marked, cursor)))[:height]
        lines += [Text()] * (height - len(lines))
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
        row = self.row_at(line)
        offset = line - self.row_top(row)
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

    @property
    def focus_repaints(self) -> bool:
        return self._focus_styled

    def watch_has_focus(self, has_focus: bool) -> None:
        # Textual restyles a widget whenever it gains or loses the focus, for `:focus`
        # rules, and the restyle repaints its scroll bar a frame after the key's. Only a
        # list made `focus_styled` has such a rule (a delegation column's border); the
        # cursor's colours, focused or not, are component styles picked in code.
        if self._focus_styled:
            super().watch_has_focus(has_focus)

    def _refresh_cursor(self) -> None:
        if 0 <= self.cursor < len(self._ids):
            top = self.row_top(self.cursor) - int(self.scroll_y)
            self.refresh(Region(0, top, self.outer_size.width, self.row_lines(self.cursor)))

    def on_focus(self) -> None:
        self._refresh_cursor()

    def on_blur(self) -> None:
        self._refresh_cursor()
