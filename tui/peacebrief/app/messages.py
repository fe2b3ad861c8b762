"""Messages the panes post; the screen routes them, so panes never reach into each other."""

from __future__ import annotations

from textual.message import Message


class RecordHighlighted(Message):
    """A pane's cursor is on a record (or a paragraph id, `source#3`)."""

    def __init__(self, pane: str, place: str) -> None:
        super().__init__()
        self.pane = pane
        self.place = place


class FollowLink(Message):
    """The reader asked to go to a record (or a paragraph id)."""

    def __init__(self, target: str) -> None:
        super().__init__()
        self.target = target


class OpenDetail(Message):
    """The reader pressed Enter on a record: take them to its links."""
