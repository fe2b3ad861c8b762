"""Everything a record links to and everything that links to it, grouped for a reader."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from peacebrief.core.model import Brief

KIND_ORDER = ("event", "quote", "position", "party", "person", "issue", "source", "paragraph")

# How a link reads from the record that holds it, and from the record it names.
_OUT = {
    "speaker": "speaker",
    "delegation": "speaker's delegation",
    "event": "said at",
    "issues": "issue",
    "parties": "party",
    "people": "person",
    "party": "party",
    "issue": "issue",
    "evidence": "evidence",
    "anchor": "source",
}
_IN = {
    "speaker": "said by this speaker",
    "delegation": "said by a member",
    "event": "said at this event",
    "issues": "on this issue",
    "parties": "involves this party",
    "people": "involves this person",
    "party": "belongs to this party",
    "issue": "position on this issue",
    "evidence": "cites this quote",
    "anchor": "anchored here",
}


def paragraph_id(source_id: str, paragraph: int) -> str:
    """A place in a source, written like an id (`#` cannot occur in a record id)."""
    return f"{source_id}#{paragraph}"


def split_paragraph_id(place: str) -> tuple[str, int] | None:
    source, sep, number = place.partition("#")
    return (source, int(number)) if sep and number.isdigit() else None


@dataclass(frozen=True, slots=True)
class Related:
    target: str  # a record id, or a paragraph id (`source#3`)
    kind: str  # the target's kind, or "paragraph"
    how: str  # the link in words, from the reader's record


@dataclass(frozen=True, slots=True)
class RelatedSummary:
    """What `place` relates to, a few of each kind: a party may relate to thousands."""

    shown: tuple[Related, ...]  # the first `per_kind` of each kind, in the order of `related`
    counts: Mapping[str, int]  # kind -> how many there are in all

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def related(brief: Brief, place: str) -> tuple[Related, ...]:
    """What `place` (a record id or a paragraph id) links to and is linked from."""
    return related_summary(brief, place, None).shown


def related_summary(brief: Brief, place: str, per_kind: int | None) -> RelatedSummary:
    """As `related`, only the first `per_kind` of each kind (all of them for None), and the counts.

    Only the records shown are made into `Related`: a party's thousands of quotes are
    counted, and the first few picked by a sort that calls no Python per record."""
    how, by_kind = _found(brief, place)
    order = brief.order

    def where(target: str) -> tuple[int, str]:
        return order.get(target, -1), target

    # Every record has its place in `order` (when the brief says so): records are then
    # sorted by it alone, with no key function called per record.
    placed = len(order) >= len(brief.records)
    shown: list[Related] = []
    for kind in sorted(by_kind, key=KIND_ORDER.index):
        targets = by_kind[kind]
        key = order.__getitem__ if placed and kind != "paragraph" else where
        first = sorted(targets, key=key)[:per_kind]  # in C, and the lists come nearly sorted
        shown.extend(Related(target, kind, how[target]) for target in first)
    return RelatedSummary(tuple(shown), {kind: len(targets) for kind, targets in by_kind.items()})


def _found(brief: Brief, place: str) -> tuple[dict[str, str], dict[str, list[str]]]:
    """What `place` relates to: target -> the link in words (the first link found to a
    target names it), and kind -> the targets of that kind."""
    links = brief.links
    how: dict[str, str] = {place: ""}  # never related to itself
    by_kind: dict[str, list[str]] = {}

    def add(target: str, kind: str, words: str) -> None:
        if target not in how:
            how[target] = words
            by_kind.setdefault(kind, []).append(target)

    spot = split_paragraph_id(place)
    if spot is not None:
        for origin in links.by_paragraph.get(spot, ()):
            add(origin, brief[origin].kind, "anchored here")
        add(spot[0], "source", "the document")
    else:
        for link in links.out(place):
            if link.relation == "anchor" and link.paragraph is not None:
                add(paragraph_id(link.target, link.paragraph), "paragraph", "anchored in")
            elif link.target in brief:
                add(link.target, brief[link.target].kind, _OUT.get(link.relation, link.relation))
        records = brief.records
        for relation, origins in links.origins_by_relation(place):
            words = _IN.get(relation, relation)
            for origin in origins:  # written out: a party is named thousands of times
                if origin not in how:
                    record = records.get(origin)
                    if record is not None:
                        how[origin] = words
                        kind = record.kind
                        if kind in by_kind:
                            by_kind[kind].append(origin)
                        else:
                            by_kind[kind] = [origin]
    return how, by_kind
