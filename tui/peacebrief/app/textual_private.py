"""Every use of a private Textual name in the reader, in one place.

Each is here because the benchmark's pty harness showed it earning at least 5% of the
figure it serves (README, "Performance"). tests/test_textual_private.py checks each one
against the installed Textual and fails, naming it, when an upgrade changes it.

- `Widget._size_updated(size, virtual_size, container_size, layout)`: called by the
  compositor when a layout gives a widget its size; overridden by `SteadyScrollView` to
  call its `resized_in_layout`, and to pass over a layout that keeps its size.
- `Widget._size`: the size the widget was last laid out at, which that compares with.
- `Widget._scroll_update(virtual_size)`: refreshes the scroll bars for a new virtual
  size; called by `set_virtual_size` in place of a layout.
- `Screen.focused`: the reactive Textual defines (with `repaint=True`) and its focus
  machinery sets; redefined by `QuietFocusScreen` without the repaint.
- `Widget._border_subtitle`: where Textual's `border_subtitle` descriptor keeps the
  subtitle it draws, as Content; `set_border_subtitle` sets it without the descriptor's
  repaint of the whole widget.
- `Widget._on_focus(event)`, `Widget._on_blur(event)`: Textual's handlers of the Focus
  and Blur events (set `has_focus`, repaint the whole widget, tell the parent);
  `CursorFocus` does the same less the repaint and stops them (`prevent_default`).
"""

from __future__ import annotations

from typing import Self

from textual import events
from textual.dom import NoScreen
from textual.geometry import Region, Size
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
        # The compositor hands a ScrollView the size of its view as its virtual size,
        # which is never the one the view keeps (its lines): ScrollView took that for a
        # change on every layout and refreshed the scroll bars of every box on screen,
        # some 70 lines drawn again for each pane switch, link or back.
        if size == self._size and container_size == self.container_size:
            return False
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
        if view.show_vertical_scrollbar and not view.vertical_scrollbar.is_mounted:
            view.call_after_refresh(_repaint_once_mounted, view.vertical_scrollbar, 20)


def _repaint_once_mounted(bar: Widget, tries: int) -> None:
    # Textual keeps the lines a scroll bar drew before it was mounted and drops a repaint
    # asked for meanwhile: a list shown as the screen started (a pane key pressed in its
    # first half second) kept a bar drawn for no rows, with no thumb, until it scrolled.
    if bar.is_mounted:
        bar.refresh()
    elif tries and bar.parent is not None:
        bar.parent.call_after_refresh(_repaint_once_mounted, bar, tries - 1)


class QuietFocusScreen(Screen[None]):
    # Textual repaints the whole screen whenever the focus moves, after the frame the
    # move is drawn in: a second frame, 2 ms later, for every link, back and pane switch.
    # What shows the focus repaints itself (the lists' cursors, the lit pane titles).
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)


class CursorFocus(Widget):
    """A widget whose focus shows in its cursor alone, which repaints itself: not
    repainted whole when the focus comes or goes.

    Textual repaints a widget whole in `focus()`, and again in its own handlers of the
    Focus and Blur events, for `:focus` rules: a list that takes the focus as its pane is
    shown drew all its rows again (36 lines on a 40-line screen) where its cursor row was
    all that changed. Here the events do what Textual's handlers do less the repaint,
    and stop them (`prevent_default`). One that a `:focus` rule of the stylesheet styles
    says so (`focus_repaints`) and keeps Textual's way."""

    @property
    def focus_repaints(self) -> bool:
        """Whether a move of the focus changes more than the cursor (a `:focus` rule)."""
        return False

    def focus(self, scroll_visible: bool = True) -> Self:
        if self.focus_repaints:
            return super().focus(scroll_visible)

        def set_focus(widget: Widget) -> None:
            try:
                widget.screen.set_focus(self, scroll_visible=scroll_visible)
            except NoScreen:
                pass

        self.app.call_later(set_focus, self)
        return self

    def on_focus(self, event: events.Focus) -> None:
        if not self.focus_repaints:
            event.prevent_default()  # Textual's Widget._on_focus: its repaint
            self.has_focus = True
            if self.parent is not None:
                self.parent.post_message(events.DescendantFocus(self))

    def on_blur(self, event: events.Blur) -> None:
        if not self.focus_repaints:
            event.prevent_default()  # Textual's Widget._on_blur: its repaint
            self.has_focus = False
            if self.parent is not None:
                self.parent.post_message(events.DescendantBlur(self))


# A pane's count ("200 of 10000") changes with every round switch and filter; Textual's
# `border_subtitle` repaints the whole pane for it, its 38 border lines through the style
# cache, where the subtitle is on one. Repainting that line alone: 137 lines styled per
# round switch became 100 (counted under Pilot, the 50x200 case at 120x40).
def set_border_subtitle(widget: Widget, subtitle: str) -> None:
    """Set `widget.border_subtitle` and repaint its bottom border line alone (unchanged: nothing)."""
    if subtitle == widget.border_subtitle:
        return
    # What Textual's _BorderTitle.__set__ stores, less its refresh().
    widget._border_subtitle = widget.render_str(subtitle).expand_tabs(4).split()[0]
    width, height = widget.outer_size
    if not height:
        widget.refresh()  # not laid out yet: the whole of it is drawn when it is
        return
    # Refresh regions are in content coordinates: the bottom line lies below the content.
    left, top = widget.content_offset
    widget.refresh(Region(-left, height - 1 - top, width, 1))
