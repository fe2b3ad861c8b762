"""Textual's Footer, rebuilt only when the keys it shows change, not when one comes or goes."""

from __future__ import annotations

from textual.app import ComposeResult
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
        for widget in super().compose():
            if isinstance(widget, FooterKey) and widget.has_class("-disabled"):
                widget.remove_class("-disabled", update=False)
                widget.display = False
            yield widget

    def bindings_changed(self, screen: Screen) -> None:  # type: ignore[type-arg]
        active = [
            (binding, enabled)
            for _node, binding, enabled, _tooltip in screen.active_bindings.values()
            if binding.show or binding.action == "app.command_palette"
        ]
        keys = tuple((binding.key, binding.description) for binding, _ in active)
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
