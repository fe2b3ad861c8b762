"""A scrolling box that shows lines rendered in advance, and whose size never depends on them."""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from textual.geometry import Size
from textual.strip import Strip

from peacebrief.app.textual_private import SteadyScrollView, set_virtual_size

__all__ = ["LineBox", "SteadyScrollView"]


class LineBox(SteadyScrollView):
    """Lines rendered once per change of content, width or look, then drawn row by row.

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
        self._drawn_look: Hashable = None

    @property
    def line_width(self) -> int:
        """The width lines are rendered at."""
        return self.view_size.width

    def look(self) -> Hashable:
        """What the rendered lines take from the stylesheet; when it changes they are rendered again."""
        return self.rich_style

    def rebuild(self) -> list[Strip]:
        """The lines for the current content at `line_width`."""
        raise NotImplementedError

    def redraw(self) -> None:
        """Render the content again (it, the width or the theme changed) and repaint."""
        self._drawn_width = self.line_width
        if self.is_mounted:
            self._drawn_look = self.look()
        self._lines = self.rebuild() if self.is_mounted and self.line_width else []
        set_virtual_size(self, Size(self.line_width, self.content_height()))  # nothing around it moves
        self.refresh()

    def content_height(self) -> int:
        """The lines the scroll bar is sized for: those rendered, unless more are to come."""
        return len(self._lines)

    @property
    def lines(self) -> Sequence[Strip]:
        return self._lines

    def resized_in_layout(self) -> None:
        # Rendered again in the layout that gives the box its new width, so that the frame
        # drawn right after it shows the lines (on the Resize event, a turn later, they
        # would show a frame late: the first paint without its detail panel).
        # A change of height only shows more or fewer of the same lines.
        if self.is_mounted and self.line_width != self._drawn_width:
            self.forget()
            self.redraw()

    def forget(self) -> None:
        """Forget whatever was rendered at the old width (or in the old look)."""

    def notify_style_update(self) -> None:
        super().notify_style_update()
        # The stylesheet is applied again on every move of the focus in or out of a
        # pane, mostly to no visible change here: render again only for a new look.
        if self.is_mounted and self.look() != self._drawn_look:
            self._drawn_look = self.look()
            self.forget()
            self.redraw()

    def render_line(self, y: int) -> Strip:
        row = int(self.scroll_y) + y
        if 0 <= row < len(self._lines):
            return self._lines[row]
        return Strip.blank(self.line_width, self.rich_style)
