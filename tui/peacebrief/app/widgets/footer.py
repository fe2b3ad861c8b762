"""Textual's Footer, rebuilt only when the keys it shows change."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    """Textual's Footer rebuilds itself (a widget per key, then a layout) whenever the
    bindings may have changed: on every focus move. Moving between lists that offer the
    same keys changes nothing on it, and the rebuild took a pane switch two frames."""

    _shown: tuple[tuple[str, str, bool], ...] | None = None

    def bindings_changed(self, screen: Screen) -> None:  # type: ignore[type-arg]
        shown = tuple(
            (binding.key, binding.description, enabled)
            for _node, binding, enabled, _tooltip in screen.active_bindings.values()
            if binding.show or binding.action == "app.command_palette"
        )
        if shown == self._shown and self._bindings_ready:
            return
        super().bindings_changed(screen)
        if screen.app.app_focus:  # otherwise the footer did not rebuild, and must next time
            self._shown = shown
