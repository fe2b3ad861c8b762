"""The accent on the box that holds the focus: a pane, or the detail panel."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget


class LitBox(Widget):
    """A box whose round border and title take the accent colour while the focus is in it.

    Set on the box alone: a `:focus-within` rule restyled every widget inside it, and a
    colour changed there repainted them all (Textual refreshes the children of a node
    whose colour changes), so each pane switch took 6 ms and a frame more."""

    box_title: str = ""
    _lit: tuple[bool, str | None] = (False, None)

    def light_title(self, lit: bool, accent: str) -> None:
        """Lit or not: the screen calls this on every move of the focus
        (`BriefScreen.watch_focused`); only a change restyles the box."""
        if (lit, accent) != self._lit:
            self._lit = (lit, accent)
            self.styles.border = ("round", accent) if lit else None
            self.border_title = Content.styled(self.box_title, accent) if lit else self.box_title
