"""Waiting, on Textual's own events, for the layouts a widget set off to be over."""

from __future__ import annotations

from collections.abc import Callable

from textual.widget import Widget


class Settling:
    """Calls `done` once the layouts that showing `root` set off are over.

    Textual sizes a widget in a screen layout and then sends it a Resize; what a widget
    does on a Resize (a list measuring its rows, a scroll bar coming) may ask for another
    layout, and so on. So the wait goes in rounds: in each, every widget of `root` first
    handles what it was sent (its Resize), then the screen refreshes, the layouts asked
    for meanwhile done (`call_after_refresh` runs once no layout is pending). The layouts
    are over after a round that moved no size, virtual size or scroll bar of them (and
    two rounds at least: the first may end before the layout it waits for has begun).
    `rounds` bounds the wait, for a scroll bar that would come and go with each layout.
    """

    def __init__(self, root: Widget, done: Callable[[], None], *, rounds: int = 20) -> None:
        self._root = root
        self._done = done
        self._most_rounds = rounds
        self._rounds = 0  # begun so far
        self._waiting_on = 0  # the widgets of this round yet to call back
        self._before: tuple[object, ...] = ()
        self._cancelled = False
        self._round()

    def cancel(self) -> None:
        """Never call `done` (the widget was shown, or went, meanwhile)."""
        self._cancelled = True

    def _laid_out(self) -> tuple[object, ...]:
        return tuple((w.size, w.virtual_size, w.scrollbars_enabled) for w in (self._root, *self._root.query("*")))

    def _round(self) -> None:
        self._rounds += 1
        self._before = self._laid_out()
        widgets = [self._root, *self._root.query("*")]
        self._waiting_on = len(widgets)
        for widget in widgets:
            if not widget.call_after_refresh(self._called_back):
                self._waiting_on -= 1  # (its messages are closed: it is going)
        if not self._waiting_on:
            self._cancelled = True  # every widget is going: nothing to wait for

    def _called_back(self) -> None:
        self._waiting_on -= 1
        if self._waiting_on or self._cancelled:
            return
        moved = self._laid_out() != self._before or not self._root.size
        if (moved or self._rounds < 2) and self._rounds < self._most_rounds:
            self._round()
        else:
            self._cancelled = True
            self._done()
