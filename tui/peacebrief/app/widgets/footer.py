"""The key footer: the keys the focused widget answers to, drawn as one line."""

from __future__ import annotations

from typing import NamedTuple

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget


PALETTE_ACTIONS = frozenset({"command_palette", "app.command_palette"})


class FooterKey(NamedTuple):
    key: str  # as pressed: a click on the key presses it
    label: str  # as shown: the key, then what it does
    start: int  # the cells the key covers on the line
    end: int


def _label(binding: Binding, display: str) -> str:
    return f"{display} {binding.description}"


class KeyFooter(Widget, can_focus=False):
    """Textual's Footer is a container of a widget per key: ten keys were ten widgets to
    build, style and lay out before the first paint, and a rebuild (a layout, another
    frame) whenever the keys changed. This is one widget, one line of text: the keys
    are read from the screen's bindings when the line is drawn, so a change of keys
    repaints this line and nothing else.

    A key whose action cannot act now (`check_action` returns None: Back at the start
    of the history) is left out until it can. A click on a key presses it."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"key-footer--key", "key-footer--description", "key-footer--rule", "key-footer--hover"}

    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        text-wrap: nowrap;
        text-overflow: clip;
        & > .key-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .key-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .key-footer--rule {
            color: $foreground 20%;
        }
        & > .key-footer--hover {
            background: $block-hover-background;
        }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._keys: list[FooterKey] = []
        self._hover: int | None = None  # the cell under the mouse

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen) -> None:  # type: ignore[type-arg]
        """The keys may have changed (the focus moved, an action's check changed): redraw if
        they did. Textual says so a turn after every move of the focus, and a repaint then
        was a second frame for every pane switch and link."""
        shown = [(binding.key, _label(binding, display)) for binding, display in self._shown()]
        if shown != [(key.key, key.label) for key in self._keys]:
            self.refresh()

    def _shown(self) -> list[tuple[Binding, str]]:
        """(binding, what the key shows), the command palette's last, as Textual's Footer orders them."""
        palette = None
        shown: list[tuple[Binding, str]] = []
        seen: set[str] = set()
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if binding.action in PALETTE_ACTIONS:
                palette = binding
            elif binding.show and enabled and binding.action not in seen:
                seen.add(binding.action)  # a key bound twice (? and f1) is shown once
                shown.append((binding, self.app.get_key_display(binding)))
        if palette is not None and self.app.ENABLE_COMMAND_PALETTE:
            shown.append((palette, self.app.get_key_display(palette)))
        return shown

    def render(self) -> Text:
        key_style = self.get_component_rich_style("key-footer--key")
        description_style = self.get_component_rich_style("key-footer--description")
        hover_style = self.get_component_rich_style("key-footer--hover", partial=True)
        shown = self._shown()
        line = Text(no_wrap=True, overflow="crop", end="")
        keys: list[FooterKey] = []
        for binding, display in shown:
            if binding.action in PALETTE_ACTIONS:
                # At the right edge, after a rule, as in Textual's Footer (if it fits).
                gap = self.size.width - line.cell_len - cell_len(display) - cell_len(binding.description) - 3
                line.append(" " * max(1, gap))
                line.append("▏", self.get_component_rich_style("key-footer--rule"))
                start = line.cell_len
                line.append(display, key_style)
                line.append(f" {binding.description} ", description_style)
            else:
                start = line.cell_len
                line.append(f" {display} ", key_style)
                line.append(f"{binding.description} ", description_style)
            keys.append(FooterKey(binding.key, _label(binding, display), start, line.cell_len))
        self._keys = keys
        hovered = self._key_at(self._hover)
        if hovered is not None:
            line.stylize(hover_style, hovered.start, hovered.end)
        return line

    @property
    def keys(self) -> list[FooterKey]:
        """The keys on the line, as last drawn."""
        return self._keys

    def _key_at(self, x: int | None) -> FooterKey | None:
        return next((key for key in self._keys if x is not None and key.start <= x < key.end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._key_at(event.x) != self._key_at(self._hover):
            self.refresh()
        self._hover = event.x

    def on_leave(self) -> None:
        self._hover = None
        self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        key = self._key_at(event.x)
        if key is not None:
            self.app.simulate_key(key.key)
