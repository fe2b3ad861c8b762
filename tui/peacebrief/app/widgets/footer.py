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
HELP_ACTIONS = frozenset({"help", "app.help"})
ARROWS = frozenset({"up", "down", "left", "right"})


class FooterKey(NamedTuple):
    key: str  # as pressed: a click on the key presses it
    label: str  # as shown: the key, then what it does
    start: int  # the cells the key covers on the line
    end: int


def _display(shown: str) -> str:
    """Enter as a new user reads it (Textual shows ⏎)."""
    return "enter" if shown == "⏎" else shown


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
        if self._entries() != self._drawn:
            self.refresh()

    _drawn: tuple[object, ...] = ()

    def _entries(
        self, shown: tuple[list[list[tuple[Binding, str]]], list[tuple[Binding, str]]] | None = None
    ) -> tuple[object, ...]:
        prompt = self._prompt()
        groups, pinned = shown or self._shown()
        return (
            prompt,
            tuple((tuple(b.key for b, _ in g), g[0][0].description) for g in groups),
            tuple(b.key for b, _ in pinned),
        )

    def _prompt(self) -> str | None:
        """A line the screen asks for instead of the keys (choosing a link by number)."""
        prompt = getattr(self.screen, "footer_prompt", None)
        return prompt() if callable(prompt) else None

    def _shown(self) -> tuple[list[list[tuple[Binding, str]]], list[tuple[Binding, str]]]:
        """The keys to show, the focused widget's first (Textual lists them so), keys of one
        description side by side grouped (`j/k Scroll`); and the two pinned at the right
        edge, help and the command palette, which never drop off."""
        keys: dict[str, list[Binding]] = {}
        pinned: list[tuple[Binding, str]] = []
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if not (binding.show and enabled) and binding.action not in PALETTE_ACTIONS:
                continue
            keys.setdefault(binding.action, []).append(binding)
        shown: list[tuple[Binding, str]] = []
        palette = None
        for action, bindings in keys.items():
            # For an arrow, the letter that does the same (j, not ↓) when there is one.
            binding = bindings[0]
            if binding.key in ARROWS:
                binding = next((b for b in bindings if len(b.key) == 1), binding)
            entry = (binding, _display(self.app.get_key_display(binding)))
            if action in PALETTE_ACTIONS:
                palette = entry
            elif action in HELP_ACTIONS:
                pinned.insert(0, entry)
            else:
                shown.append(entry)
        if palette is not None and self.app.ENABLE_COMMAND_PALETTE:
            pinned.append(palette)
        groups: list[list[tuple[Binding, str]]] = []
        for entry in shown:
            if groups and groups[-1][0][0].description == entry[0].description:
                groups[-1].append(entry)
                groups[-1].sort(key=lambda e: e[1])  # j/k, h/l
            else:
                groups.append([entry])
        return groups, pinned

    def render(self) -> Text:
        key_style = self.get_component_rich_style("key-footer--key")
        description_style = self.get_component_rich_style("key-footer--description")
        hover_style = self.get_component_rich_style("key-footer--hover", partial=True)
        rule_style = self.get_component_rich_style("key-footer--rule")
        groups, pinned = shown = self._shown()  # the screen's active bindings: read once
        self._drawn = self._entries(shown)
        width = self.size.width
        # The right edge first: help and the palette, after a rule.
        right = Text(no_wrap=True, end="")
        right_keys: list[tuple[Binding, str, int, int]] = []
        for binding, display in pinned:
            if binding.action in PALETTE_ACTIONS:
                right.append("▏", rule_style)
            start = right.cell_len
            right.append(f" {display} " if binding.action not in PALETTE_ACTIONS else display, key_style)
            right.append(
                f"{binding.description} " if binding.action not in PALETTE_ACTIONS else f" {binding.description} ",
                description_style,
            )
            right_keys.append((binding, display, start, right.cell_len))
        line = Text(no_wrap=True, overflow="crop", end="")
        keys: list[FooterKey] = []
        prompt = self._prompt()
        room = width - right.cell_len - 1
        if prompt is not None:
            line.append(f" {prompt}", key_style)
        else:
            for group in groups:
                description = group[0][0].description
                displays = "/".join(display for _, display in group)
                size = cell_len(displays) + cell_len(description) + 3
                if line.cell_len + size > room:
                    continue  # a shorter one further on may still fit
                for n, (binding, display) in enumerate(group):
                    start = line.cell_len
                    line.append((" " if n == 0 else "/") + display, key_style)
                    keys.append(FooterKey(binding.key, _label(binding, display), start, line.cell_len))
                line.append(f" {description} ", description_style)
                if len(group) == 1:  # a click anywhere on it presses it
                    keys[-1] = keys[-1]._replace(end=line.cell_len)
        line.truncate(max(0, room), overflow="crop")
        offset = max(line.cell_len + 1, width - right.cell_len)
        line.append(" " * (offset - line.cell_len))
        for binding, display, start, end in right_keys:
            keys.append(FooterKey(binding.key, _label(binding, display), offset + start, offset + end))
        line.append_text(right)
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
