"""A scrolling box that shows lines rendered in advance, and whose size never depends on them."""

from __future__ import annotations

from collections.abc import Sequence

from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip


class LineBox(ScrollView):
    """Lines rendered once per change of content or width, then drawn row by row.

    A Static in a scrolling container takes the height of its text, so every change of
    text re-laid out the whole screen two or three times over (the text, the container,
    its scroll bar), a frame each. This box is sized by the stylesheet alone and always
    shows its scroll bar: new lines only repaint it.
    """

    DEFAULT_CSS = """
    LineBox {
        overflow-y: scroll;
        overflow-x: hidden;
        scrollbar-size-vertical: 1;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._lines: list[Strip] = []
        self._drawn_width = 0

    @property
    def line_width(self) -> int:
        """The width lines are rendered at."""
        return max(0, self.scrollable_content_region.width)

    def rebuild(self) -> list[Strip]:
        """The lines for the current content at `line_width`."""
        raise NotImplementedError

    def redraw(self) -> None:
        """Render the content again (it, the width or the theme changed) and repaint."""
        self._drawn_width = self.line_width
        self._lines = self.rebuild() if self.is_mounted and self.line_width else []
        size = Size(self.line_width, len(self._lines))
        if size != self.virtual_size:
            # `virtual_size` is a layout reactive, but nothing around this box moves when
            # its lines change: set it, and update the scroll bar, without a layout.
            self.set_reactive(LineBox.virtual_size, size)
            self._scroll_update(size)
        self.refresh()

    @property
    def lines(self) -> Sequence[Strip]:
        return self._lines

    def on_resize(self) -> None:
        # A change of height only shows more or fewer of the same lines.
        if self.line_width != self._drawn_width:
            self.width_changed()
            self.redraw()

    def width_changed(self) -> None:
        """Forget whatever was rendered at the old width."""

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if self.is_mounted:
            self.redraw()

    def render_line(self, y: int) -> Strip:
        row = int(self.scroll_y) + y
        if 0 <= row < len(self._lines):
            return self._lines[row]
        return Strip.blank(self.line_width, self.rich_style)
