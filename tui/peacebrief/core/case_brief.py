"""A case as one brief, so that every view of a brief works across its rounds.

The parties, people and issues a case shares keep their ids (each as the latest round
that has it tells it). What belongs to a round (its sources, events, positions and
quotes) is renamed `r<N>:<id>`, `r2:ev-round-2` for round 2's telling of `ev-round-2`,
and every reference inside the round follows. An id of that form cannot be written in a
brief (ids have no `:`), so it never clashes with one. Links, search, history, the party
filter, copy and export then see the whole case; `round_of` tells a record's round.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from types import MappingProxyType

from peacebrief.core.case import Case, Round
from peacebrief.core.model import Anchor, Brief, Event, Issue, KeyPoint, Party, Person, Position, Quote, Record, Source
from peacebrief.core.stance_kinds import change_kind

TYPE_CHECKING = False  # not `typing`'s: `check` and `digest` start without importing it
if TYPE_CHECKING:
    from peacebrief.core.stance_kinds import ChangeKind

SEPARATOR = ":"


def round_id(number: int, record_id: str) -> str:
    return f"r{number}{SEPARATOR}{record_id}"


def round_of(record_id: str) -> int | None:
    """The round of a round's record (`r2:ev-x` is of round 2); None for a shared one."""
    head, sep, _rest = record_id.partition(SEPARATOR)
    if not sep or not head.startswith("r") or not head[1:].isdigit():
        return None
    return int(head[1:])


def plain_id(record_id: str) -> str:
    """The id as the round's brief writes it: `ev-x` for `r2:ev-x`."""
    return record_id.partition(SEPARATOR)[2] if round_of(record_id) is not None else record_id


class _Renamer:
    """Rewrites one round's records into the case's namespace."""

    def __init__(self, round_: Round) -> None:
        self.number = round_.number
        brief = round_.brief
        self.own = {r.id for r in (*brief.sources, *brief.events, *brief.positions, *brief.quotes)}

    def id(self, record_id: str) -> str:
        return round_id(self.number, record_id) if record_id in self.own else record_id

    def anchor(self, anchor: Anchor) -> Anchor:
        return dataclasses.replace(anchor, source=self.id(anchor.source))

    def anchors(self, anchors: tuple[Anchor, ...]) -> tuple[Anchor, ...]:
        return tuple(self.anchor(a) for a in anchors)

    def source(self, source: Source) -> Source:
        return dataclasses.replace(source, id=self.id(source.id))

    def event(self, event: Event) -> Event:
        return dataclasses.replace(event, id=self.id(event.id), evidence=self.anchors(event.evidence))

    def position(self, position: Position) -> Position:
        return dataclasses.replace(
            position,
            id=self.id(position.id),
            evidence=self.anchors(position.evidence),
            quotes=tuple(self.id(q) for q in position.quotes),
        )

    def quote(self, quote: Quote) -> Quote:
        return dataclasses.replace(
            quote,
            id=self.id(quote.id),
            source=self.anchor(quote.source),
            event=self.id(quote.event) if quote.event else None,
        )


def _shared_records(case: Case) -> tuple[list[Party], list[Person], list[Issue]]:
    """The parties, people and issues of every round, each as the latest round that has it writes it."""
    shared: dict[str, Record] = {}
    for round_ in reversed(case.rounds):
        for record in (*round_.brief.parties, *round_.brief.people, *round_.brief.issues):
            shared.setdefault(record.id, record)
    records = list(shared.values())
    return (
        [r for r in records if isinstance(r, Party)],
        [r for r in records if isinstance(r, Person)],
        [r for r in records if isinstance(r, Issue)],
    )


def case_brief(case: Case) -> Brief:
    """Every round's records in one brief: events in date order, then by round."""
    latest = case.latest.brief
    parties, people, issues = _shared_records(case)
    sources: list[Source] = []
    events: list[tuple[tuple[object, ...], Event]] = []
    positions: list[Position] = []
    quotes: list[Quote] = []
    renamers = {}
    for round_ in case.rounds:
        rename = renamers[round_.number] = _Renamer(round_)
        sources += [rename.source(s) for s in round_.brief.sources]
        events += [((*e.sort_key()[:2], round_.number, e.id), rename.event(e)) for e in round_.brief.events]
        positions += [rename.position(p) for p in round_.brief.positions]
        quotes += [rename.quote(q) for q in round_.brief.quotes]
    ordered_events = tuple(e for _key, e in sorted(events, key=lambda pair: pair[0]))
    records: dict[str, Record] = {}
    for record in (
        *sources,
        *parties,
        *people,
        *issues,
        *ordered_events,
        *positions,
        *quotes,
    ):
        records[record.id] = record
    last = renamers[case.latest.number]
    key_points = tuple(KeyPoint(k.text, tuple(last.id(r) for r in k.refs), k.line) for k in latest.key_points)
    warnings = tuple(w for round_ in case.rounds for w in round_.brief.warnings) + case.problems
    brief = Brief(
        path=case.folder,
        id=latest.id,
        title=f"{latest.title} · a case of {len(case.rounds)} round{'' if len(case.rounds) == 1 else 's'}",
        as_of=latest.as_of,
        sources=tuple(sources),
        parties=tuple(parties),
        people=tuple(people),
        issues=tuple(issues),
        events=ordered_events,
        positions=tuple(positions),
        quotes=tuple(quotes),
        summary=latest.summary,
        key_points=key_points,
        warnings=warnings,
        records=MappingProxyType(records),
        order=MappingProxyType({rid: i for i, rid in enumerate(records)}),
    )
    brief.index_links()  # here, where a case's rounds are read (a worker), not on the reader's first key
    return brief


# -- what the reader asks of a case brief ---------------------------------------------------


def rounds_in(brief: Brief) -> int:
    """How many rounds a case brief holds (0 for a plain brief)."""
    if not brief.sources or round_of(brief.sources[0].id) is None:
        return 0  # a plain brief: no index to build
    return round_index(brief).rounds


class RoundIndex:
    """Which round each record of a case brief is of, and each round's records by kind,
    in the brief's order: what a round filter asks for at every keystroke, worked out once.
    Each round's positions by cell, and each cell against the round before, are kept as
    they are first asked for."""

    def __init__(self, brief: Brief) -> None:
        self.brief = brief
        self.of: dict[str, int] = {}
        self.by_round: dict[tuple[str, int], list[str]] = {}
        self.told: dict[tuple[str, str], list[int]] = {}  # (issue, party): the rounds stating it, oldest first
        for section in ("sources", "events", "positions", "quotes"):
            for record in getattr(brief, section):
                number = round_of(record.id)
                if number is not None:
                    self.of[record.id] = number
                    self.by_round.setdefault((section, number), []).append(record.id)
                    if section == "positions":
                        told = self.told.setdefault((record.issue, record.party), [])
                        if not told or told[-1] != number:
                            told.append(number)
        self.rounds = max(self.of.values(), default=0)
        self._positions: dict[int, dict[tuple[str, str], list[Position]]] = {}
        self._cells: dict[int, dict[tuple[str, str], Cell]] = {}
        self._in_force: dict[int, frozenset[str]] = {}

    def ids(self, section: str, number: int) -> list[str]:
        return self.by_round.get((section, number), [])

    def positions(self, number: int) -> dict[tuple[str, str], list[Position]]:
        cells = self._positions.get(number)
        if cells is None:
            cells = self._positions[number] = {}
            for position_id in self.ids("positions", number):
                position = self.brief[position_id]
                assert isinstance(position, Position)
                cells.setdefault((position.issue, position.party), []).append(position)
        return cells

    def cells(self, number: int) -> dict[tuple[str, str], Cell]:
        found = self._cells.get(number)
        if found is None:
            found = self._cells[number] = self._cells_of(number)
        return found

    def in_force(self, number: int) -> frozenset[str]:
        """The positions in force at round `number`: for each (issue, party), the ones that
        round states, or else those of the latest round before it that did."""
        found = self._in_force.get(number)
        if found is None:
            if number <= 1:
                found = frozenset(self.ids("positions", number))
            else:
                found = frozenset(pid for cell in self.cells(number).values() for pid in cell.ids)
            self._in_force[number] = found
        return found

    def _cells_of(self, number: int) -> dict[tuple[str, str], Cell]:
        found = {}
        for key, told in self.told.items():
            if number <= 1 or told[0] > number:
                continue
            earlier = next((n for n in reversed(told) if n < number), None)
            before = self.positions(earlier)[key] if earlier is not None else []
            after = self.positions(number)[key] if number in told else []
            in_force = tuple(p.id for p in after or before)
            found[key] = Cell(change_kind(before, after), number if after else earlier or number, in_force)
        return found


@dataclass(frozen=True, slots=True)
class Cell:
    """An (issue, party) cell of a round against the round before."""

    kind: ChangeKind | None  # None: nothing held before and nothing said now
    stated: int  # the round whose positions are in force: this one, or the latest before it
    ids: tuple[str, ...]  # those positions


_indexes: dict[int, tuple[Brief, RoundIndex]] = {}


def round_index(brief: Brief) -> RoundIndex:
    """The brief's `RoundIndex`, made on first use and kept for the brief last asked about."""
    cached = _indexes.get(id(brief))
    if cached is None or cached[0] is not brief:
        _indexes.clear()
        cached = _indexes[id(brief)] = (brief, RoundIndex(brief))
    return cached[1]


def round_positions(brief: Brief, number: int) -> dict[tuple[str, str], list[Position]]:
    """A round's positions by (issue, party)."""
    return round_index(brief).positions(number)


def cell_changes(brief: Brief, number: int) -> dict[tuple[str, str], Cell]:
    """Each (issue, party) cell that any round up to `number` states, against the round
    before (the rules of `peacebrief.core.stance_kinds`: a round silent on a stance leaves
    it in force, not restated); none for round 1."""
    return round_index(brief).cells(number)


_versions: dict[int, tuple[Brief, dict[str, list[Event]]]] = {}


def versions_of(brief: Brief, event_id: str) -> list[Event]:
    """Every round's telling of the event `event_id` is one of (itself included), oldest
    round first; one only, unless other rounds tell the same event."""
    cached = _versions.get(id(brief))
    if cached is None or cached[0] is not brief:
        index: dict[str, list[Event]] = {}
        for event in brief.events:
            index.setdefault(plain_id(event.id), []).append(event)
        for told in index.values():
            told.sort(key=lambda e: round_of(e.id) or 0)
        _versions.clear()
        cached = _versions[id(brief)] = (brief, index)
    return cached[1].get(plain_id(event_id), [])


def disputed(versions: list[Event]) -> bool:
    """Told with other dates or statuses, and not only as a plan that a later round updates
    (the rules of `peacebrief.core.case`)."""
    tellings: list[tuple[tuple[str, str], Event]] = []
    for event in versions:
        telling = (event.date.iso(), event.status)
        if telling not in [t for t, _ in tellings]:
            tellings.append((telling, event))
    return len(tellings) > 1 and any(e.status not in ("scheduled", "postponed") for _, e in tellings[:-1])
