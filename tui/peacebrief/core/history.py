"""Back and forward through what the reader looked at, like a web browser's history."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Place:
    """Where the reader was: a pane and the record selected in it (if any)."""

    pane: str
    record: str | None = None


@dataclass
class History:
    """A list of places with a cursor. Visiting a new place drops the forward places."""

    limit: int = 500
    _places: list[Place] = field(default_factory=list)
    _index: int = -1

    @property
    def current(self) -> Place | None:
        return self._places[self._index] if self._index >= 0 else None

    @property
    def can_go_back(self) -> bool:
        return self._index > 0

    @property
    def can_go_forward(self) -> bool:
        return self._index < len(self._places) - 1

    def visit(self, place: Place) -> None:
        if place == self.current:
            return
        del self._places[self._index + 1 :]
        self._places.append(place)
        if len(self._places) > self.limit:
            del self._places[0]
        self._index = len(self._places) - 1

    def replace(self, place: Place) -> None:
        """Record a move within the current pane without adding a step."""
        if self._index < 0:
            self.visit(place)
        else:
            self._places[self._index] = place

    def back(self) -> Place | None:
        if not self.can_go_back:
            return None
        self._index -= 1
        return self.current

    def forward(self) -> Place | None:
        if not self.can_go_forward:
            return None
        self._index += 1
        return self.current

    def keep_only(self, exists: set[str]) -> None:
        """After a reload: forget places whose record is gone, keep the rest in order.

        The cursor stays on the same step, or on the nearest earlier step that is kept.
        """
        kept: list[Place] = []
        index = -1
        for i, place in enumerate(self._places):
            if place.record is not None and place.record not in exists:
                continue
            if not kept or kept[-1] != place:
                kept.append(place)
            if i <= self._index:
                index = len(kept) - 1
        self._places = kept
        self._index = index if kept else -1
        if self._index < 0 and kept:
            self._index = 0
