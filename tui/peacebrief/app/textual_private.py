"""Every use of a private Textual name in the reader, in one place.

Each is here because the benchmark's pty harness showed it earning at least 5% of the
figure it serves (README, "Performance"). tests/test_textual_private.py checks each one
against the installed Textual and fails, naming it, when an upgrade changes it.

- `Widget._size_updated(size, virtual_size, container_size, layout)`: called by the
  compositor when a layout gives a widget its size; overridden by `SteadyScrollView` to
  call its `resized_in_layout`.
- `Widget._scroll_update(virtual_size)`: refreshes the scroll bars for a new virtual
  size; called by `set_virtual_size` in place of a layout.
- `Screen.focused`: the reactive Textual defines (with `repaint=True`) and its focus
  machinery sets; redefined by `QuietFocusScreen` without the repaint.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive
from textual.screen import Screen
from textual.scroll_view import ScrollView
from textual.widget import Widget


class SteadyScrollView(ScrollView):
    """A ScrollView whose view size holds while it is hidden, and which hears of a new
    size in the layout that gives it (`resized_in_layout`), before the frame is drawn."""

    @property
    def view_size(self) -> Size:
        """The cells that show content: the widget less its borders, padding and scroll bars.

        Worked out from the size at the last layout, so it holds while the widget is
        hidden too (Textual's `scrollable_content_region` is empty then: a list drawn in
        the background was drawn at width 0, then drawn again, whole, when shown)."""
        width, height = self.outer_size
        gutter = self.styles.gutter
        return Size(
            max(0, width - gutter.width - self.scrollbar_size_vertical),
            max(0, height - gutter.height - self.scrollbar_size_horizontal),
        )

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        changed = super()._size_updated(size, virtual_size, container_size, layout)
        if changed:
            self.resized_in_layout()
        return changed

    def resized_in_layout(self) -> None:
        """The layout being made has just given this widget a new size (before its frame)."""


def set_virtual_size(view: ScrollView, size: Size) -> None:
    """Set a scrolling widget's virtual size, and its scroll bars, without a layout.

    `virtual_size` is a layout reactive, but nothing around a box whose content changed
    moves: a layout of the screen would cost a frame of its own."""
    if size != view.virtual_size:
        view.set_reactive(ScrollView.virtual_size, size)
        view._scroll_update(size)


class QuietFocusScreen(Screen[None]):
    # Textual repaints the whole screen whenever the focus moves, after the frame the
    # move is drawn in: a second frame, 2 ms later, for every link, back and pane switch.
    # What shows the focus repaints itself (the lists' cursors, the lit pane titles).
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
