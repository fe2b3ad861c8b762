"""Links between records, derived both ways from the ids a brief holds.

Authors write a link once (a quote's `speaker`, an event's `parties`); the reader needs
it from both ends (a party's quotes, a speaker's events). A record's own fields give its
outgoing links; `build_links` indexes the other direction once, when a brief first needs it.
`Link` objects are made only when asked for, so a brief of 100,000 records loads fast
and stays small.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from peacebrief.core.fields_repr import FieldsValue
from peacebrief.core.model import Anchor, Event, Person, Position, Quote, Record


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class Link(FieldsValue):
    """`origin` names `target` through its field `relation`.

    `relation` is the field that holds the id (`speaker`, `parties`, `evidence`...), or
    `anchor` for a record anchored in a source (then `paragraph` says where), or
    `delegation` from a quote to its speaker's party, which the brief implies.
    """

    origin: str
    relation: str
    target: str
    paragraph: int | None = None


# Incoming links as stored: target -> relation -> origins. Links into a source are kept
# by paragraph in `by_paragraph` instead. Grouping by relation keeps one reference per
# link: a brief of 150,000 records has a million links.
_Incoming = Mapping[str, Mapping[str, list[str]]]


def _record_links(record: Record, records: Mapping[str, Record]) -> Iterator[Link]:
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


def _anchor_link(origin: str, anchor: Anchor) -> Link:
    return Link(origin, "anchor", anchor.source, anchor.paragraph)


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class Links(FieldsValue):
    """The links of a brief, indexed from both ends (see `build_links`)."""

    records: Mapping[str, Record]
    _incoming: _Incoming
    by_paragraph: Mapping[tuple[str, int], tuple[str, ...]]  # (source, paragraph) -> record ids
    matrix: Mapping[tuple[str, str], tuple[str, ...]]  # (issue, party) -> position ids

    def out(self, record_id: str) -> tuple[Link, ...]:
        """The links a record holds, in the order of its fields."""
        record = self.records.get(record_id)
        return tuple(_record_links(record, self.records)) if record is not None else ()

    def into(self, record_id: str) -> tuple[Link, ...]:
        """The links that name a record: by relation, each in the order of the brief."""
        record = self.records.get(record_id)
        if record is not None and record.kind == "source":
            # Each record's anchors are counted by paragraph once, not looked through for each
            # paragraph it is anchored in: n anchors in n paragraphs would cost n².
            times: dict[str, Counter[int]] = {}

            def anchored(origin: str, paragraph: int) -> int:
                counts = times.get(origin)
                if counts is None:
                    counts = times[origin] = Counter(
                        a.paragraph for a in _anchors(self.records[origin]) if a.source == record_id
                    )
                return counts[paragraph]

            return tuple(
                Link(origin, "anchor", record_id, paragraph)
                for (source, paragraph), origins in self.by_paragraph.items()
                if source == record_id
                for origin in origins
                for _ in range(anchored(origin, paragraph))
            )
        return tuple(
            Link(origin, relation, record_id)
            for relation, origins in self._incoming.get(record_id, {}).items()
            for origin in origins
        )

    def origins_by_relation(self, record_id: str) -> Iterator[tuple[str, Sequence[str]]]:
        """The ids that name a record, by relation, each in the order of the brief, as `into`
        gives them: without a `Link` made for each (a party is named thousands of times)."""
        record = self.records.get(record_id)
        if record is not None and record.kind == "source":
            for link in self.into(record_id):
                yield link.relation, (link.origin,)
            return
        yield from self._incoming.get(record_id, {}).items()

    def referrers(self, record_id: str, relation: str | None = None) -> tuple[str, ...]:
        """Ids of the records that link to `record_id`, first seen first, without repeats."""
        return tuple(
            dict.fromkeys(link.origin for link in self.into(record_id) if relation is None or link.relation == relation)
        )

    @property
    def outgoing(self) -> Mapping[str, tuple[Link, ...]]:
        """Every record's outgoing links (built on demand: for tools and tests, not the reader)."""
        return {rid: links for rid in self.records if (links := self.out(rid))}

    @property
    def incoming(self) -> Mapping[str, tuple[Link, ...]]:
        return {rid: links for rid in self.records if (links := self.into(rid))}


def _anchors(record: Record) -> tuple[Anchor, ...]:
    if isinstance(record, Quote):
        return (record.source,)
    if isinstance(record, (Event, Position)):
        return record.evidence
    return ()


def build_links(records: Mapping[str, Record]) -> Links:
    """Index every link by its target, and the anchored records by paragraph."""
    incoming: dict[str, dict[str, list[str]]] = {}
    by_paragraph: dict[tuple[str, int], list[str]] = {}
    matrix: dict[tuple[str, str], list[str]] = {}
    # Written out rather than through `_record_links`: this runs over every record at load.
    for rid, record in records.items():
        if isinstance(record, Quote):
            _link(incoming, rid, "speaker", record.speaker)
            speaker = records.get(record.speaker)
            if isinstance(speaker, Person):
                _link(incoming, rid, "delegation", speaker.party)
            if record.event:
                _link(incoming, rid, "event", record.event)
            for issue in record.issues:
                _link(incoming, rid, "issues", issue)
            _anchored(by_paragraph, rid, record.source)
        elif isinstance(record, Event):
            for party in record.parties:
                _link(incoming, rid, "parties", party)
            for person in record.people:
                _link(incoming, rid, "people", person)
            for issue in record.issues:
                _link(incoming, rid, "issues", issue)
            for anchor in record.evidence:
                _anchored(by_paragraph, rid, anchor)
        elif isinstance(record, Position):
            _link(incoming, rid, "party", record.party)
            _link(incoming, rid, "issue", record.issue)
            for quote in record.quotes:
                _link(incoming, rid, "evidence", quote)
            for anchor in record.evidence:
                _anchored(by_paragraph, rid, anchor)
            matrix.setdefault((record.issue, record.party), []).append(rid)
        elif isinstance(record, Person):
            _link(incoming, rid, "party", record.party)
    return Links(
        records=records,
        _incoming=incoming,
        by_paragraph=MappingProxyType({k: tuple(v) for k, v in by_paragraph.items()}),
        matrix=MappingProxyType({k: tuple(v) for k, v in matrix.items()}),
    )


def _link(incoming: dict[str, dict[str, list[str]]], origin: str, relation: str, target: str) -> None:
    relations = incoming.get(target)
    if relations is None:
        incoming[target] = {relation: [origin]}
    else:
        origins = relations.get(relation)
        if origins is None:
            relations[relation] = [origin]
        else:
            origins.append(origin)


def _anchored(by_paragraph: dict[tuple[str, int], list[str]], origin: str, anchor: Anchor) -> None:
    spot = by_paragraph.setdefault((anchor.source, anchor.paragraph), [])
    # Records come one at a time, each with all its anchors: if this one is there
    # already it is the last (a look at the whole list would make a paragraph
    # anchored by n records cost n squared).
    if not spot or spot[-1] != origin:
        spot.append(origin)
