"""A link followed by its number: `o`, then the digits (then enter, if a longer number starts with them)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Typed:
    """What a key typed after `o` does: follow link `number`, light it while more digits
    may come, say there is no such link, or end the choosing (`done`). `swallow`: the key
    means nothing else (it is not passed on to the screen's bindings)."""

    action: Literal["follow", "light", "missing", "done"]
    number: int = 0
    swallow: bool = True


class LinkNumber:
    """The digits typed after `o` so far: "" right after it, None when not choosing."""

    def __init__(self) -> None:
        self.digits: str | None = None

    def start(self) -> None:
        self.digits = ""

    def end(self) -> None:
        self.digits = None

    def prompt(self, count: int) -> str | None:
        """What the footer says while a link number is typed."""
        if self.digits is None:
            return None
        return f"Link number (1-{count}): {self.digits}▏ enter follows · esc cancels"

    def press(self, character: str | None, key: str, count: int) -> Typed | None:
        """A key pressed while the record shown has `count` links; None when not choosing."""
        digits = self.digits
        if digits is None:
            return None
        if character is not None and character.isdecimal() and character.isascii():
            return self._digit(digits + character, count)
        if key == "enter" and digits:
            self.end()
            return Typed("follow", int(digits))
        self.end()
        return Typed("done", swallow=key in ("escape", "backspace"))

    def _digit(self, digits: str, count: int) -> Typed:
        number = int(digits)
        if not 1 <= number <= count:
            self.end()
            return Typed("missing", number)
        if number * 10 > count:  # no other link's number starts with these digits
            self.end()
            return Typed("follow", number)
        self.digits = digits
        return Typed("light", number)
