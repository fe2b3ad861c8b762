"""Textual's Footer, rebuilt only when the keys it shows change, not when one comes or goes."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class KeyFooter(Footer):
    """Textual's Footer rebuilds itself (a widget per key, then a layout) whenever the
    bindings may have changed: on every focus move. Moving between lists that offer the
    same keys changes nothing on it, and the rebuild took a pane switch two frames.

    A key whose action cannot act now (`check_action` returns None: Back at the start
    of the history) is built all the same, hidden, and shown when it can act: going back
    and forth through the history then shows or hides one key instead of rebuilding the
    footer, which took each step through the history three frames and 50 ms."""

    _keys: tuple[tuple[str, str], ...] | None = None

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            # Textual's Footer composes empty, then again with its keys after the first
            # paint: a second layout, and a first paint without keys. Built now, with the
            # keys the screen has, the first paint shows them.
            self.set_reactive(Footer._bindings_ready, True)
            self._keys = self._shown_keys(self._active(self.screen))
        for widget in super().compose():
            if isinstance(widget, FooterKey) and widget.has_class("-disabled"):
                widget.remove_class("-disabled", update=False)
                widget.display = False
            yield widget

    @staticmethod
    def _active(screen: Screen) -> list[tuple[Binding, bool]]:  # type: ignore[type-arg]
        return [
            (binding, enabled)
            for _node, binding, enabled, _tooltip in screen.active_bindings.values()
            if binding.show or binding.action == "app.command_palette"
        ]

    @staticmethod
    def _shown_keys(active: list[tuple[Binding, bool]]) -> tuple[tuple[str, str], ...]:
        return tuple((binding.key, binding.description) for binding, _ in active)

    def bindings_changed(self, screen: Screen) -> None:  # type: ignore[type-arg]
        active = self._active(screen)
        keys = self._shown_keys(active)
        if keys == self._keys and self._bindings_ready:
            enabled = {binding.action: on for binding, on in active}
            for key in self.query(FooterKey):
                on = enabled.get(key.action, True)
                if key.display != on:
                    key.display = on
                    key._disabled = not on  # a click on it, too, acts again
            return
        super().bindings_changed(screen)
        if screen.app.app_focus:  # otherwise the footer did not rebuild, and must next time
            self._keys = keys
