"""Everything a record links to and everything that links to it, grouped for a reader."""

from __future__ import annotations

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


def related(brief: Brief, place: str) -> tuple[Related, ...]:
    """What `place` (a record id or a paragraph id) links to and is linked from."""
    links = brief.links
    assert links is not None
    found: dict[str, Related] = {}
    spot = split_paragraph_id(place)
    if spot is not None:
        for origin in links.by_paragraph.get(spot, ()):
            found.setdefault(origin, Related(origin, brief[origin].kind, "anchored here"))
        found.setdefault(spot[0], Related(spot[0], "source", "the document"))
    else:
        for link in links.out(place):
            if link.relation == "anchor" and link.paragraph is not None:
                target = paragraph_id(link.target, link.paragraph)
                found.setdefault(target, Related(target, "paragraph", "anchored in"))
            elif link.target in brief:
                found.setdefault(link.target, Related(link.target, brief[link.target].kind, _OUT.get(link.relation, link.relation)))
        for link in links.into(place):
            if link.origin in brief:
                found.setdefault(link.origin, Related(link.origin, brief[link.origin].kind, _IN.get(link.relation, link.relation)))
    found.pop(place, None)
    order = brief.order
    return tuple(
        sorted(found.values(), key=lambda r: (KIND_ORDER.index(r.kind), order.get(r.target, -1), r.target))
    )
