"""The switcher that shows one of the five panes."""

from __future__ import annotations

from textual.reactive import Reactive
from textual.widgets import ContentSwitcher


class PaneSwitcher(ContentSwitcher):
    """Shows one pane. The switch needs no repaint of the switcher itself: the pane shown
    covers it (its repaint drew 38 lines that nothing saw, on every pane switch)."""

    current: Reactive[str | None] = Reactive(None, init=False, repaint=False)
    BLANK = True  # nor is anything of its own drawn: no border, no content, covered whole
