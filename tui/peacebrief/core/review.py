"""The records that carry a review mark, in the order the reader walks them.

The walk follows the panes' order (Timeline, Delegations, Quotes, Issues, Source), and
within a pane the order it lists its records in, so "next" moves down the screen and on
to the next pane, and wraps around at the end.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from peacebrief.core.model import Brief, Record


def walk_order(brief: Brief) -> tuple[Record, ...]:
    """Every record in the panes' order: events, then each party with its people and its
    positions, then quotes, issues and sources."""
    records: list[Record] = list(brief.events)
    for party in brief.parties:
        records.append(party)
        records += [p for p in brief.people if p.party == party.id]
        records += [p for p in brief.positions if p.party == party.id]
    records += [*brief.quotes, *brief.issues, *brief.sources]
    return tuple(records)


@dataclass(frozen=True, slots=True)
class ReviewWalk:
    """The review marks of one brief, and where every record stands among them."""

    marks: tuple[str, ...]  # ids of the records with a review mark, in walk order
    _places: dict[str, int]  # every record id -> its place in the walk
    _mark_places: tuple[int, ...]  # the places of `marks`

    @classmethod
    def of(cls, brief: Brief) -> ReviewWalk:
        order = walk_order(brief)
        places = {record.id: place for place, record in enumerate(order)}
        marked = [(place, record.id) for place, record in enumerate(order) if record.review]
        return cls(tuple(rid for _, rid in marked), places, tuple(place for place, _ in marked))

    def step(self, current: str | None, step: int) -> str | None:
        """The review mark after `current` (step 1) or before it (step -1), wrapping
        around; from no record, the first (or the last). None when the brief has none."""
        if not self.marks:
            return None
        place = self._places.get(current) if current is not None else None
        if place is None:
            return self.marks[0] if step > 0 else self.marks[-1]
        if step > 0:
            index = bisect.bisect_right(self._mark_places, place)
            return self.marks[index % len(self.marks)]
        index = bisect.bisect_left(self._mark_places, place) - 1
        return self.marks[index % len(self.marks)]

    def number(self, record_id: str) -> int | None:
        """1-based place of a review mark among the brief's marks ("2 of 5")."""
        return self.marks.index(record_id) + 1 if record_id in self.marks else None
