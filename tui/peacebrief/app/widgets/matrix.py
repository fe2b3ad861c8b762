"""A grid of wrapped text cells under a header row, with a cursor on one cell.

Textual's DataTable renders its lines through its own caches, which its `:focus` rules
(a tint, the cursor colours) empty whenever the focus comes or goes: every visit to the
issues pane re-rendered the whole table, restyled its scroll bars and took a second
layout, 45-70 ms. Here the cells are wrapped once per change of content or width, a
row's lines are kept until its cursor state changes, and a cursor move repaints the
rows it leaves and enters.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.strip import Strip

from peacebrief.app.textual_private import CursorFocus, SteadyScrollView, set_virtual_size

PADDING = 1  # cells of space either side of a cell's text


@dataclass(frozen=True, slots=True)
class MatrixLook:
    """The styles the grid is drawn in, taken from the stylesheet once per change of it."""

    base: Style
    even: Style
    header: Style
    cursor: Style
    cursor_blurred: Style
    rule: Style


class Matrix(CursorFocus, SteadyScrollView, can_focus=True):
    """Rows of cells under a fixed header line; the first column is the row's title.

    The grid scrolls both ways; the header stays on the top line. Arrow keys (or hjkl)
    move the cursor from cell to cell, `on_highlight(row, column)` hears of each move in
    the same turn, Enter (or a click on the cursor's cell) posts `Selected`."""

    COMPONENT_CLASSES = {
        "matrix--header",
        "matrix--even-row",
        "matrix--cursor",
        "matrix--cursor-blurred",
        "matrix--rule",
    }

    DEFAULT_CSS = """
    Matrix {
        background: $surface;
        color: $foreground;
        overflow: auto auto;
        scrollbar-size: 1 1;
    }
    Matrix > .matrix--header {
        text-style: bold;
        background: $panel;
        color: $foreground;
    }
    Matrix > .matrix--even-row {
        background: $surface-lighten-1 50%;
    }
    Matrix:dark > .matrix--even-row {
        background: $surface-darken-1 40%;
    }
    Matrix > .matrix--rule {
        color: $foreground 15%;
    }
    Matrix > .matrix--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: $block-cursor-text-style;
    }
    Matrix > .matrix--cursor-blurred {
        background: $block-cursor-blurred-background;
        color: $block-cursor-blurred-foreground;
        text-style: $block-cursor-blurred-text-style;
    }
    """

    BINDINGS = [
        Binding("up,k", "move(-1, 0)", "Up", show=False, id="matrix.up"),
        Binding("down,j", "move(1, 0)", "Down", show=False, id="matrix.down"),
        Binding("left,h", "move(0, -1)", "Left", show=False, id="matrix.left"),
        Binding("right,l", "move(0, 1)", "Right", show=False, id="matrix.right"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="matrix.page_up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="matrix.page_down"),
        Binding("home,g", "move(-1000000, 0)", "First", show=False, id="matrix.first"),
        Binding("end,G", "move(1000000, 0)", "Last", show=False, id="matrix.last"),
        Binding("enter", "select", "Links", id="matrix.open"),
    ]

    class Selected(Message):
        """Enter, or a click, on the cursor's cell."""

        def __init__(self, matrix: Matrix, row: int, column: int) -> None:
            super().__init__()
            self.matrix = matrix
            self.row = row
            self.column = column

        @property
        def control(self) -> Matrix:
            return self.matrix

    def __init__(
        self,
        *,
        on_highlight: Callable[[int, int], None] | None = None,
        max_row_height: int = 6,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._on_highlight = on_highlight
        self.max_row_height = max_row_height
        self._header: list[Text] = []
        self._rows: list[list[Text]] = []
        self.cursor: tuple[int, int] = (0, 0)
        # Laid out for a width: the columns' widths (padding included), each row's first
        # line and height, and each cell's wrapped lines.
        self._width = self._height = 0
        self._widths: list[int] = []
        self._tops: list[int] = []
        self._heights: list[int] = []
        self._cells: dict[tuple[int, int], list[list[Segment]]] = {}
        self._look: MatrixLook | None = None
        self._strips = lru_cache(maxsize=256)(self._row_strips)

    # -- contents --------------------------------------------------------------

    def set_grid(
        self, header: Sequence[Text], rows: Sequence[Sequence[Text]], *, cursor: tuple[int, int] | None = None
    ) -> None:
        """Replace the header and the rows (each as many cells as the header); the cursor
        goes to `cursor`, or stays where it is, kept inside the grid."""
        self._header = list(header)
        self._rows = [list(row) for row in rows]
        self._layout(force=True)
        row, column = cursor if cursor is not None else self.cursor
        self.cursor = self._clamp(row, column)
        self._scroll_to_cursor()

    @property
    def row_count(self) -> int:
        return len(self._rows)

    @property
    def column_count(self) -> int:
        return len(self._header)

    @property
    def header(self) -> Sequence[Text]:
        return self._header

    def cell(self, row: int, column: int) -> Text:
        return self._rows[row][column]

    @property
    def header_height(self) -> int:
        return 1

    def row_height(self, row: int) -> int:
        return self._heights[row]

    def column_spans(self) -> list[tuple[int, int]]:
        """Each column's text on screen: its first cell (from the widget's left edge, after
        scrolling) and its width, padding left out."""
        spans, x = [], -int(self.scroll_x)
        for width in self._widths:
            spans.append((x + PADDING, width - 2 * PADDING))
            x += width
        return spans

    # -- layout ----------------------------------------------------------------

    def column_widths(self, width: int) -> list[int]:
        """The columns' widths (padding included) for `width` cells: the title column
        about a fifth, the others share the rest, none too narrow to read (the grid then
        scrolls sideways)."""
        others = max(0, len(self._header) - 1)
        if not self._header:
            return []
        # The title column holds its longest word whole ("infrastructure"), up to 30 cells.
        first = min(30, max(14, width // (others + 2), self._longest_word(0) + 2 * PADDING))
        if not others:
            return [max(first, width)]
        cell = max(16, (width - first) // others)
        return [first] + [cell] * others

    def _longest_word(self, column: int) -> int:
        return max(
            (cell_len(word) for row in self._rows if column < len(row) for word in row[column].plain.split()), default=0
        )

    def _room(self) -> Size:
        """The cells inside the borders and padding, scroll bars or not."""
        width, height = self.outer_size
        gutter = self.styles.gutter
        return Size(max(0, width - gutter.width), max(0, height - gutter.height))

    def _layout(self, *, force: bool = False) -> None:
        """Fit the columns to the room there is, less the scroll bars the grid will need.

        Worked out from the room rather than from Textual's view of the scroll bars, so
        the grid is laid out once: a scroll bar that appears after (the first layout
        that shows the grid) changes nothing."""
        room = self._room()
        if (room.width, room.height) == (self._width, self._height) and not force:
            return
        self._width, self._height = room.width, room.height  # the height caps cut rows (_fit)
        width = room.width
        self._fit(width)
        scrolls_sideways = sum(self._widths) > width
        tall = self.header_height + sum(self._heights)
        if width and tall > room.height - (self.styles.scrollbar_size_horizontal if scrolls_sideways else 0):
            width -= self.styles.scrollbar_size_vertical  # it will scroll down: room for the bar
            self._fit(width)
        # Nothing around the grid moves when its contents change: no layout of the screen.
        set_virtual_size(self, Size(sum(self._widths), self.header_height + sum(self._heights)))
        self.refresh()

    def _fit(self, width: int) -> None:
        """The columns' widths, and the rows' heights, for `width` cells: each row as tall
        as its fullest cell, plus a rule under it; only when the rows would not all fit
        the height there is, each is cut to its share of it (at least `max_row_height`)."""
        self._widths = self.column_widths(width) if width else []
        self._cells = {}
        self._strips.cache_clear()
        natural = [
            max([1, *(len(self._wrapped(r, c)) for c in range(len(self._widths)))]) for r in range(len(self._rows))
        ]
        room = self._room().height - self.header_height - len(natural)  # less the rules
        if sum(natural) > room and natural:
            cap = max(self.max_row_height, room // len(natural))
            natural = [min(height, cap) for height in natural]
        self._tops, self._heights = [], []
        top = 0
        for height in natural:
            self._tops.append(top)
            self._heights.append(height + 1)  # the rule under the row
            top += height + 1

    def _wrapped(self, row: int, column: int) -> list[list[Segment]]:
        """A cell's text wrapped to its column, as lines of segments (unpadded, unstyled)."""
        key = (row, column)
        if key not in self._cells:
            width = max(1, self._widths[column] - 2 * PADDING)
            text = self._rows[row][column] if column < len(self._rows[row]) else Text()
            console = self.app.console
            lines = text.wrap(console, width, overflow="fold") or [Text()]
            self._cells[key] = [list(line.render(console, end="")) for line in lines]
        return self._cells[key]

    def on_resize(self) -> None:
        self._layout()
        self._scroll_to_cursor()

    # -- rendering -------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._look = None

    @property
    def look(self) -> MatrixLook:
        if self._look is None:
            self._look = MatrixLook(
                self.rich_style,
                self.get_component_rich_style("matrix--even-row", partial=True),
                self.get_component_rich_style("matrix--header", partial=True),
                self.get_component_rich_style("matrix--cursor", partial=True),
                self.get_component_rich_style("matrix--cursor-blurred", partial=True),
                self.get_component_rich_style("matrix--rule", partial=True),
            )
        return self._look

    @staticmethod
    def _cell_line(segments: list[Segment], width: int, style: Style) -> list[Segment]:
        line = Strip(Segment.apply_style(segments, style), Segment.get_line_length(segments))
        pad = Segment(" " * PADDING, style)
        return [pad, *line.crop_extend(0, width - 2 * PADDING, style), pad]

    def _row_strips(self, row: int, cursor_column: int | None, focused: bool, look: MatrixLook) -> list[Strip]:
        """A row's lines across the whole grid, the cursor's cell (if in it) lit."""
        base = look.base + look.even if row % 2 else look.base
        lit = base + (look.cursor if focused else look.cursor_blurred)
        height = self._heights[row] - 1  # the last line is the rule under the row
        lines: list[list[Segment]] = [[] for _ in range(height)]
        for column, width in enumerate(self._widths):  # noqa: B007 (the column is read after the loop)
            wrapped = self._wrapped(row, column)
            if len(wrapped) > height:  # cut: say so at the end of the last line shown
                last = Strip(wrapped[height - 1]).crop(0, width - 2 * PADDING - 1)
                wrapped = [*wrapped[: height - 1], [*last, Segment("…")]]
            style = lit if column == cursor_column else base
            for n in range(height):
                lines[n] += self._cell_line(wrapped[n] if n < len(wrapped) else [], width, style)
        total = sum(self._widths)
        rule = Strip([Segment("╌" * total, look.base + look.rule)], total)
        return [*(Strip(line, total) for line in lines), rule]

    def _header_strip(self, look: MatrixLook) -> Strip:
        style = look.base + look.header
        segments: list[Segment] = []
        console = self.app.console
        for text, width in zip(self._header, self._widths, strict=False):
            line = text.copy()
            line.no_wrap = True
            line.truncate(max(1, width - 2 * PADDING), overflow="ellipsis")
            segments += self._cell_line(list(line.render(console, end="")), width, style)
        return Strip(segments, sum(self._widths))

    def render_line(self, y: int) -> Strip:
        width = self.view_size.width
        look = self.look
        x = int(self.scroll_x)
        if not self._rows and y > 0:
            return Strip.blank(width, look.base)
        if y == 0:
            strip = self._header_strip(look)
            return strip.crop_extend(x, x + width, look.base + look.header)
        line = int(self.scroll_y) + y - self.header_height
        row = bisect_right(self._tops, line) - 1
        if not 0 <= row < len(self._rows) or line >= self._tops[row] + self._heights[row]:
            return Strip.blank(width, look.base)
        cursor_column = self.cursor[1] if row == self.cursor[0] else None
        strip = self._strips(row, cursor_column, self.has_focus, look)[line - self._tops[row]]
        return strip.crop_extend(x, x + width, look.base)

    def _refresh_row(self, row: int) -> None:
        if 0 <= row < len(self._tops):
            top = self.header_height + self._tops[row] - int(self.scroll_y)
            self.refresh(Region(0, top, self.outer_size.width, self._heights[row]))

    # -- the cursor ------------------------------------------------------------

    def _clamp(self, row: int, column: int) -> tuple[int, int]:
        return (max(0, min(len(self._rows) - 1, row)), max(0, min(len(self._header) - 1, column)))

    def move_cursor(self, row: int, column: int) -> None:
        """Put the cursor on a cell, scroll it into view, tell `on_highlight`."""
        old = self.cursor
        self.cursor = self._clamp(row, column)
        scrolled = self._scroll_to_cursor()
        if not scrolled:
            # The two rows only: the rest of the grid is drawn as it was.
            self._refresh_row(old[0])
            self._refresh_row(self.cursor[0])
        if self._rows and self._on_highlight is not None:
            self._on_highlight(*self.cursor)

    def _scroll_to_cursor(self) -> bool:
        """Bring the cursor's cell into view; True if that scrolled (and so repaints all)."""
        if not self._rows or not self._widths or not self.view_size:
            return False
        row, column = self.cursor
        x, y = self.scroll_x, self.scroll_y
        width, height = self.view_size.width, self.view_size.height - self.header_height
        left = sum(self._widths[:column])
        right = left + self._widths[column]
        if column == 0 or left < x:
            x = 0 if column == 0 else left
        elif right > x + width:
            x = min(left, right - width)
        top, bottom = self._tops[row], self._tops[row] + self._heights[row]
        if top < y:
            y = top
        elif bottom > y + height:
            y = min(top, bottom - height)
        if (x, y) == (self.scroll_x, self.scroll_y):
            return False
        self.scroll_to(x=x, y=y, animate=False)
        return True

    def action_move(self, rows: int, columns: int) -> None:
        row, column = self.cursor
        self.move_cursor(row + rows, column + columns)

    def action_page(self, direction: int) -> None:
        if not self._rows:
            return
        row = self.cursor[0]
        target = self._tops[row] + direction * max(1, self.view_size.height - self.header_height - 1)
        self.move_cursor(max(0, bisect_right(self._tops, target) - 1), self.cursor[1])

    def action_select(self) -> None:
        if self._rows:
            self.post_message(self.Selected(self, *self.cursor))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y < self.header_height or not self._rows:
            return
        line = int(self.scroll_y) + offset.y - self.header_height
        row = bisect_right(self._tops, line) - 1
        x = int(self.scroll_x) + offset.x
        column, edge = 0, 0
        for column, width in enumerate(self._widths):  # noqa: B007 (the column is read after the loop)
            edge += width
            if x < edge:
                break
        if not 0 <= row < len(self._rows) or x >= edge:
            return
        if (row, column) == self.cursor:
            self.action_select()
        else:
            self.move_cursor(row, column)

    def watch_has_focus(self, has_focus: bool) -> None:
        # Textual restyles a widget whenever it gains or loses the focus, for `:focus`
        # rules, and the restyle restyles its scroll bars too and lays the screen out a
        # second time. No rule looks at a Matrix's focus: the cursor's colours are picked
        # here, in code.
        pass

    def on_focus(self) -> None:
        self._refresh_row(self.cursor[0])

    def on_blur(self) -> None:
        self._refresh_row(self.cursor[0])
