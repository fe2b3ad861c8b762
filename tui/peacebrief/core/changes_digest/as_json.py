"""The changes digest as JSON, for other tools: every change with both rounds' records.

Keys in a fixed order and paths relative to the case folder, so the same case gives the
same bytes. The shape is documented in docs/format.md ("What changed between rounds").
"""

from __future__ import annotations

import json
from typing import Any

from peacebrief.core.case import EventHistory
from peacebrief.core.changes import Changes, DatedEvent, DatedQuote, Stance
from peacebrief.core.changes_digest import sections as s

FORMAT_NAME = "peacebrief-changes"
FORMAT_VERSION = 2  # 2: `not_restated` beside `dropped`, which now means withdrawn; `status`

Json = dict[str, Any]


def render_json(changes: Changes, *, ascii: bool = False) -> str:
    return json.dumps(changes_document(changes), ensure_ascii=ascii, indent=2) + "\n"


def changes_document(changes: Changes) -> Json:
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "since": _round(changes, changes.since),
        "until": _round(changes, changes.until),
        "counts": changes.counts(),
        "positions": [
            {
                "kind": c.kind,
                "party": c.party,
                "party_name": changes.case.label(c.party),
                "issue": c.issue,
                "issue_title": changes.case.label(c.issue),
                "before": [_stance(x) for x in c.before],
                "after": [_stance(x) for x in c.after],
            }
            for c in changes.stances
        ],
        "new_events": [_event(changes, d) for d in changes.new_events],
        "updated_events": [_history(changes, h) for h in changes.updated_events],
        "new_quotes": [_quote(changes, d) for d in changes.new_quotes],
        "disputed_events": [_history(changes, h) for h in changes.disputes],
    }


def _round(changes: Changes, number: int) -> Json:
    brief = changes.case.rounds[number - 1].brief
    return {
        "round": number,
        "brief": brief.id,
        "file": brief.path.name,
        "title": brief.title,
        "as_of": brief.as_of.iso(),
    }


def _stance(stance: Stance) -> Json:
    return {
        "round": stance.round,
        "id": stance.position.id,
        "stance": stance.position.stance,
        "status": stance.position.status,
        "evidence": [
            {
                "words": e.words,
                "source": e.anchor.source,
                "place": e.place,
                "cite": e.citation,
                "block": e.anchor.paragraph,
                "start": e.anchor.start,
                "end": e.anchor.end,
            }
            for e in stance.evidence
        ],
    }


def _event(changes: Changes, dated: DatedEvent) -> Json:
    event = dated.record
    return {
        "round": dated.round,
        "id": event.id,
        "date": event.date.iso(),
        "status": event.status,
        "title": event.title,
        "cite": s.record_cite(changes, dated),
    }


def _quote(changes: Changes, dated: DatedQuote) -> Json:
    quote = dated.record
    brief = changes.case.rounds[dated.round - 1].brief
    party = brief.party_of(quote.id)
    return {
        "round": dated.round,
        "id": quote.id,
        "speaker": quote.speaker,
        "party": party.id if party else None,
        "kind": quote.quote_kind,
        "text": quote.text,
        "said": quote.said.iso() if quote.said else None,
        "cite": s.record_cite(changes, dated),
    }


def _history(changes: Changes, history: EventHistory) -> Json:
    return {
        "id": history.event_id,
        "differ": list(history.fields),
        "versions": [
            {
                "round": v.round,
                "file": changes.case.rounds[v.round - 1].brief.path.name,
                "line": v.event.line,
                "date": v.event.date.iso(),
                "status": v.event.status,
                "title": v.event.title,
                "evidence": [{"words": c.words, "cite": c.cite} for c in s.version_evidence(changes, v)],
            }
            for v in history.versions
        ],
    }
