"""Messages the panes and the detail panel post; the screen routes them, so panes never
reach into each other. (A cursor move is not a message: the screen hands each pane a
callback, so that the detail panel and the marks change in the same frame as the cursor.)"""

from __future__ import annotations

from textual.message import Message


class FollowLink(Message):
    """The reader asked to go to a record (or a paragraph id)."""

    def __init__(self, target: str) -> None:
        super().__init__()
        self.target = target


class OpenDetail(Message):
    """The reader pressed Enter on a record: take them to its links."""
