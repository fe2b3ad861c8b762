"""The JSON digest: the resolved brief for other tools. Its shape is docs/digest-json.md.

Every record with every field, anchors resolved to character offsets and paragraphs,
dates resolved to their first and last day, and the links the loader derives. Keys come
in a fixed order and nothing depends on the machine (paths are the brief's own, relative
ones), so the same brief gives the same bytes.
"""

from __future__ import annotations

import json
from typing import Any

from peacebrief.core.citation import anchors_of, citation_groups, places, record_plaintext, source_citation
from peacebrief.core.dates import BriefDate
from peacebrief.core.digest.view import DigestView, same_words, source_sha256
from peacebrief.core.links import Link
from peacebrief.core.model import (
    Anchor,
    Brief,
    Event,
    Issue,
    Party,
    Person,
    Position,
    Quote,
    Record,
    Source,
)

FORMAT_NAME = "peacebrief-digest"
FORMAT_VERSION = 2

Json = dict[str, Any]


# JSON escapes the C0 controls itself; DEL, the C1 controls (\x9b is a CSI to many
# terminals) and the bidi controls it writes raw. They are escaped too (`\u009b`), so
# the digest can be printed to a terminal; a JSON reader gets the same strings back.
_ESCAPES = {
    code: f"\\u{code:04x}"
    for code in (*range(0x7F, 0xA0), 0x61C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
}


def render_json(view: DigestView, *, ascii: bool = False) -> str:
    # --ascii escapes rather than folds: a quote's words and an anchor's `exact` must stay
    # the source's own characters, or the offsets beside them would no longer match.
    # Outside strings JSON is plain ASCII, so every character escaped here is in a string.
    return json.dumps(digest_document(view), ensure_ascii=ascii, indent=2).translate(_ESCAPES) + "\n"


def digest_document(view: DigestView) -> Json:
    """The JSON digest as Python values (what `render_json` serialises)."""
    brief = view.brief
    kept = view.record_ids()
    repeats = _repeats(view)
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "brief": {
            "id": brief.id,
            "title": brief.title,
            "file": brief.path.name,
            "as_of": date_json(brief.as_of),
            "summary": brief.summary,
            "review_marks": brief.review_count,
        },
        "filter": {
            "party": view.party.id if view.party else None,
            "since": view.window.since.iso() if view.window.since else None,
            "until": view.window.until.iso() if view.window.until else None,
        },
        "key_points": [
            {
                "text": k.text,
                "refs": list(k.refs),
                "citations": _citations(brief, _anchors(brief, k.refs)),
                "line": k.line,
            }
            for k in view.key_points
        ],
        "sources": [_source(brief, s) for s in brief.sources],
        "parties": [_party(p) for p in brief.parties],
        "people": [_person(p) for p in view.people],
        "issues": [_issue(i) for i in brief.issues],
        "events": [_event(brief, e) for e in view.events],
        "positions": [_position(brief, p) for p in view.positions],
        # The brief's order, not the digest's by-party-and-date order: this is the brief.
        "quotes": [_quote(brief, q, repeats.get(q.id, ())) for q in brief.quotes if q.id in kept],
        "matrix": [
            {"issue": issue.id, "party": party.id, "positions": [p.id for p in view.cell(issue, party)]}
            for issue in view.issues
            for party in view.delegations
        ],
        "links": [_link(brief, link) for link in _links(brief, kept)],
    }


# -- values ---------------------------------------------------------------------------


def date_json(date: BriefDate | None) -> Json | None:
    if date is None:
        return None
    return {
        "iso": date.iso(),
        "display": date.display(),
        "earliest": date.earliest.isoformat(),
        "latest": date.latest.isoformat(),
        "precision": date.precision,
        "approximate": date.approximate,
        "uncertain": date.uncertain,
    }


def anchor_json(brief: Brief, anchor: Anchor) -> Json:
    text = brief.source(anchor.source).document.text
    return {
        "source": anchor.source,
        "source_number": brief.source_number(anchor.source),
        "exact": anchor.exact,
        "prefix": anchor.prefix,
        "suffix": anchor.suffix,
        "start": anchor.start,
        "end": anchor.end,
        "paragraph": brief.source(anchor.source).document.number(anchor.paragraph),
        "block": anchor.paragraph,
        "place": brief.source(anchor.source).document.place(anchor.paragraph),
        "normalised": anchor.normalised,
        "matched": text[anchor.start : anchor.end],
    }


def _common(record: Record) -> Json:
    return {"id": record.id, "review": record.review, "line": record.line}


def _anchors(brief: Brief, ids: tuple[str, ...]) -> list[Anchor]:
    return [anchor for rid in ids for anchor in anchors_of(brief, brief[rid])]


def _citations(brief: Brief, anchors: list[Anchor]) -> list[Json]:
    cited = []
    for number, blocks in citation_groups(brief, anchors):
        source = brief.sources[number - 1]
        numbers = (source.document.number(block) for block in blocks)
        cited.append(
            {
                "source_number": number,
                "paragraphs": [n for n in numbers if n is not None],
                "places": places(source, blocks),
                "text": source_citation(source, blocks),
            }
        )
    return cited


def _repeats(view: DigestView) -> dict[str, tuple[str, ...]]:
    """For each quote the digest lists as one line with others, the ids of the others."""
    repeats: dict[str, tuple[str, ...]] = {}
    for entry in same_words(view.brief, view.quotes):
        for quote in entry.records if len(entry.records) > 1 else ():
            repeats[quote.id] = tuple(q.id for q in entry.records if q.id != quote.id)
    return repeats


# -- records --------------------------------------------------------------------------


def _source(brief: Brief, source: Source) -> Json:
    document = source.document
    return {
        **_common(source),
        "number": brief.source_number(source.id),
        "title": source.title,
        "path": source.path,
        "published": date_json(source.published),
        "publisher": source.publisher,
        "url": source.url,
        "sha256": source_sha256(source),
        "sha256_in_brief": source.sha256 is not None,
        "dateline": document.dateline.isoformat() if document.dateline else None,
        "characters": len(document.text),
        "paragraphs": [
            {"number": document.number(block), "block": block, "start": start, "end": end}
            for block, (start, end) in enumerate(document.paragraphs, start=1)
            if not document.is_heading(block)
        ],
        "headings": [
            {"block": block, "start": start, "end": end}
            for block, (start, end) in enumerate(document.paragraphs, start=1)
            if document.is_heading(block)
        ],
    }


def _party(party: Party) -> Json:
    return {
        **_common(party),
        "name": party.name,
        "role": party.role,
        "short": party.short,
        "tag": party.tag,
        "summary": party.summary,
    }


def _person(person: Person) -> Json:
    return {
        **_common(person),
        "name": person.name,
        "party": person.party,
        "title": person.title,
        "aliases": list(person.aliases),
        "delegate": person.delegate,
    }


def _issue(issue: Issue) -> Json:
    return {**_common(issue), "title": issue.title, "summary": issue.summary}


def _event(brief: Brief, event: Event) -> Json:
    return {
        **_common(event),
        "date": date_json(event.date),
        "date_text": event.date_text,
        "title": event.title,
        "summary": event.summary,
        "place": event.place,
        "status": event.status,
        "parties": list(event.parties),
        "people": list(event.people),
        "issues": list(event.issues),
        "evidence": [anchor_json(brief, a) for a in event.evidence],
        "citations": _citations(brief, list(event.evidence)),
        "citation": record_plaintext(brief, event),
    }


def _position(brief: Brief, position: Position) -> Json:
    return {
        **_common(position),
        "party": position.party,
        "issue": position.issue,
        "stance": position.stance,
        "status": position.status,
        "detail": position.detail,
        "evidence": [anchor_json(brief, a) for a in position.evidence],
        "quotes": list(position.quotes),
        "citations": _citations(brief, list(anchors_of(brief, position))),
        "citation": record_plaintext(brief, position),
    }


def _quote(brief: Brief, quote: Quote, repeats: tuple[str, ...]) -> Json:
    party = brief.party_of(quote.id)
    return {
        **_common(quote),
        "speaker": quote.speaker,
        "party": party.id if party else None,
        "kind": quote.quote_kind,
        "text": quote.text,
        "said": date_json(quote.said),
        "date_text": quote.date_text,
        "event": quote.event,
        "issues": list(quote.issues),
        "source": anchor_json(brief, quote.source),
        "text_start": quote.text_start,
        "text_end": quote.text_end,
        "citations": _citations(brief, [quote.source]),
        "citation": record_plaintext(brief, quote),
        "same_words": list(repeats),
    }


# -- links ----------------------------------------------------------------------------


def _links(brief: Brief, kept: frozenset[str]) -> list[Link]:
    """Every derived link between two records the digest keeps, record by record."""
    links = brief.links
    return [
        link
        for record in brief.all_records()
        if record.id in kept
        for link in links.out(record.id)
        if link.target in kept
    ]


def _link(brief: Brief, link: Link) -> Json:
    paragraph = None
    if link.paragraph is not None:
        paragraph = brief.source(link.target).document.number(link.paragraph)
    return {
        "origin": link.origin,
        "relation": link.relation,
        "target": link.target,
        "paragraph": paragraph,
        "block": link.paragraph,
    }
