"""Where the main screen sends a link, and which records a selection marks in the other panes."""

from __future__ import annotations

from peacebrief.app.widgets.panes import PANES
from peacebrief.core.model import Brief, Event, Quote
from peacebrief.core.related import split_paragraph_id


def pane_for(brief: Brief, place: str) -> str:
    """Which pane a link to `place` lands on."""
    if split_paragraph_id(place) is not None:
        return "source"
    record = brief.get(place)
    kind = record.kind if record else ""
    for pane_class in PANES:
        if kind in pane_class.kinds:
            return pane_class.pane_id
    return "issues" if kind == "position" else "timeline"


def marks_of(brief: Brief, place: str | None) -> dict[str, frozenset[str]]:
    """The marks a selection sets, by pane: an event marks its quotes and parties; a quote
    marks its anchor and its event. A pane not named keeps its marks."""
    record = brief.get(place) if place else None
    if isinstance(record, Event):
        quotes = frozenset(brief.links.referrers(record.id, "event"))
        return {"quotes": quotes, "delegations": frozenset(record.parties)}
    if isinstance(record, Quote):
        return {
            "source": frozenset({record.id}),
            "timeline": frozenset({record.event}) if record.event else frozenset(),
        }
    return {}


def paragraph_places(brief: Brief) -> list[str]:
    """Every paragraph of every source, as the place a link or the history names it."""
    return [f"{s.id}#{n}" for s in brief.sources for n in range(1, len(s.document.paragraphs) + 1)]
