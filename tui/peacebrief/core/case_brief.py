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
from types import MappingProxyType

from peacebrief.core.case import Case, Round
from peacebrief.core.links import build_links
from peacebrief.core.model import Anchor, Brief, Event, KeyPoint, Position, Quote, Record, Source

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

    def record(self, record: Record) -> Record:
        changes: dict[str, object] = {"id": self.id(record.id)}
        if isinstance(record, Event):
            changes["evidence"] = tuple(self.anchor(a) for a in record.evidence)
        elif isinstance(record, Position):
            changes["evidence"] = tuple(self.anchor(a) for a in record.evidence)
            changes["quotes"] = tuple(self.id(q) for q in record.quotes)
        elif isinstance(record, Quote):
            changes["source"] = self.anchor(record.source)
            changes["event"] = self.id(record.event) if record.event else None
        return dataclasses.replace(record, **changes)  # type: ignore[arg-type]


def case_brief(case: Case) -> Brief:
    """Every round's records in one brief: events in date order, then by round."""
    latest = case.latest.brief
    shared: dict[str, Record] = {}
    for round_ in reversed(case.rounds):
        for record in (*round_.brief.parties, *round_.brief.people, *round_.brief.issues):
            shared.setdefault(record.id, record)
    sources: list[Source] = []
    events: list[tuple[tuple[object, ...], Event]] = []
    positions: list[Position] = []
    quotes: list[Quote] = []
    renamers = {}
    for round_ in case.rounds:
        rename = renamers[round_.number] = _Renamer(round_)
        sources += [rename.record(s) for s in round_.brief.sources]  # type: ignore[misc]
        events += [((*e.sort_key()[:2], round_.number, e.id), rename.record(e)) for e in round_.brief.events]  # type: ignore[misc]
        positions += [rename.record(p) for p in round_.brief.positions]  # type: ignore[misc]
        quotes += [rename.record(q) for q in round_.brief.quotes]  # type: ignore[misc]
    by_kind = {"party": [], "person": [], "issue": []}  # type: dict[str, list[Record]]
    for record in shared.values():
        by_kind[record.kind].append(record)
    ordered_events = tuple(e for _key, e in sorted(events, key=lambda pair: pair[0]))
    records: dict[str, Record] = {}
    for record in (*sources, *by_kind["party"], *by_kind["person"], *by_kind["issue"], *ordered_events, *positions, *quotes):
        records[record.id] = record
    last = renamers[case.latest.number]
    key_points = tuple(KeyPoint(k.text, tuple(last.id(r) for r in k.refs), k.line) for k in latest.key_points)
    warnings = tuple(w for round_ in case.rounds for w in round_.brief.warnings) + case.problems
    return Brief(
        path=case.folder,
        id=latest.id,
        title=f"{latest.title} · a case of {len(case.rounds)} rounds",
        as_of=latest.as_of,
        sources=tuple(sources),
        parties=tuple(by_kind["party"]),  # type: ignore[arg-type]
        people=tuple(by_kind["person"]),  # type: ignore[arg-type]
        issues=tuple(by_kind["issue"]),  # type: ignore[arg-type]
        events=ordered_events,
        positions=tuple(positions),
        quotes=tuple(quotes),
        summary=latest.summary,
        key_points=key_points,
        warnings=warnings,
        records=MappingProxyType(records),
        order=MappingProxyType({rid: i for i, rid in enumerate(records)}),
        links=build_links(records),
    )
