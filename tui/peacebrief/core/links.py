"""Links between records, derived both ways from the ids a brief holds.

Authors write a link once (a quote's `speaker`, an event's `parties`); the reader needs
it from both ends (a party's quotes, a speaker's events). Every link is kept as a `Link`
from the record that holds the id to the record it names, indexed by both ends.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING

from peacebrief.core.model import Anchor, Event, Person, Position, Quote, Record

if TYPE_CHECKING:
    from collections.abc import Iterable


@dataclass(frozen=True, slots=True)
class Link:
    """`origin` names `target` through its field `relation`.

    `relation` is the field that holds the id (`speaker`, `parties`, `evidence`...), or
    `anchor` for a record anchored in a source (then `paragraph` says where), or
    `delegation` from a quote to its speaker's party, which the brief implies.
    """

    origin: str
    relation: str
    target: str
    paragraph: int | None = None


@dataclass(frozen=True, slots=True)
class Links:
    outgoing: Mapping[str, tuple[Link, ...]]
    incoming: Mapping[str, tuple[Link, ...]]
    by_paragraph: Mapping[tuple[str, int], tuple[str, ...]]  # (source, paragraph) -> record ids
    matrix: Mapping[tuple[str, str], tuple[str, ...]]  # (issue, party) -> position ids

    def out(self, record_id: str) -> tuple[Link, ...]:
        return self.outgoing.get(record_id, ())

    def into(self, record_id: str) -> tuple[Link, ...]:
        return self.incoming.get(record_id, ())

    def referrers(self, record_id: str, relation: str | None = None) -> tuple[str, ...]:
        """Ids of the records that link to `record_id`, first seen first, without repeats."""
        seen = dict.fromkeys(
            link.origin for link in self.into(record_id) if relation is None or link.relation == relation
        )
        return tuple(seen)


def _anchor_link(origin: str, anchor: Anchor) -> Link:
    return Link(origin, "anchor", anchor.source, anchor.paragraph)


def _record_links(record: Record, records: Mapping[str, Record]) -> Iterable[Link]:
    rid = record.id
    if isinstance(record, Person):
        yield Link(rid, "party", record.party)
    elif isinstance(record, Event):
        yield from (Link(rid, "parties", p) for p in record.parties)
        yield from (Link(rid, "people", p) for p in record.people)
        yield from (Link(rid, "issues", i) for i in record.issues)
        yield from (_anchor_link(rid, a) for a in record.evidence)
    elif isinstance(record, Position):
        yield Link(rid, "party", record.party)
        yield Link(rid, "issue", record.issue)
        yield from (Link(rid, "evidence", q) for q in record.quotes)
        yield from (_anchor_link(rid, a) for a in record.evidence)
    elif isinstance(record, Quote):
        yield Link(rid, "speaker", record.speaker)
        speaker = records.get(record.speaker)
        if isinstance(speaker, Person):
            yield Link(rid, "delegation", speaker.party)
        if record.event:
            yield Link(rid, "event", record.event)
        yield from (Link(rid, "issues", i) for i in record.issues)
        yield _anchor_link(rid, record.source)


def build_links(records: Mapping[str, Record]) -> Links:
    outgoing: dict[str, list[Link]] = defaultdict(list)
    incoming: dict[str, list[Link]] = defaultdict(list)
    by_paragraph: dict[tuple[str, int], list[str]] = defaultdict(list)
    matrix: dict[tuple[str, str], list[str]] = defaultdict(list)
    for record in records.values():
        for link in _record_links(record, records):
            outgoing[link.origin].append(link)
            incoming[link.target].append(link)
            if link.paragraph is not None:
                spot = by_paragraph[(link.target, link.paragraph)]
                if link.origin not in spot:
                    spot.append(link.origin)
        if isinstance(record, Position):
            matrix[(record.issue, record.party)].append(record.id)
    return Links(
        outgoing=MappingProxyType({k: tuple(v) for k, v in outgoing.items()}),
        incoming=MappingProxyType({k: tuple(v) for k, v in incoming.items()}),
        by_paragraph=MappingProxyType({k: tuple(v) for k, v in by_paragraph.items()}),
        matrix=MappingProxyType({k: tuple(v) for k, v in matrix.items()}),
    )
