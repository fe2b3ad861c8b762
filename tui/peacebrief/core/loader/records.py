"""Building each kind of record from its fields, once every field has been checked.

A builder returns None when the record cannot be built; it has then said why (through
`LoadState.error`), and a builder that did not is caught by the passes as a bug.
"""

from __future__ import annotations

from yaml.nodes import Node

from peacebrief.core.loader.evidence import anchor_field, anchors, evidence
from peacebrief.core.loader.fields import Fields
from peacebrief.core.loader.rules import KINDS
from peacebrief.core.loader.state import LoadState
from peacebrief.core.loader.values import Entries, mapping, section
from peacebrief.core.model import (
    HOLDINGS,
    QUOTE_KINDS,
    ROLES,
    STATUSES,
    Event,
    Issue,
    KeyPoint,
    Party,
    Person,
    Position,
    Quote,
)

TYPE_CHECKING = False  # not `typing`'s: `check` and `digest` start without importing it
if TYPE_CHECKING:
    from collections.abc import Callable

    from peacebrief.core.model import Record


def party(f: Fields) -> Party | None:
    common = f.common()
    name = f.text("name", required=True)
    role = f.choice("role", ROLES, required=True)
    short = f.text("short")
    if short is not None and not 2 <= len(short) <= 4:
        f.error("short", f"short tag '{short}' must be 2 to 4 characters")
    summary = f.text("summary")
    if f.record is None or name is None or role is None:
        return None
    return Party(**common, name=name, role=role, short=short, summary=summary)


def person(f: Fields) -> Person | None:
    common = f.common()
    name = f.text("name", required=True)
    party = f.ref("party", ("party",), required=True)
    title = f.text("title", shared=True)
    aliases = f.texts("aliases")
    delegate = f.flag("delegate")
    if f.record is None or name is None or party is None:
        return None
    return Person(**common, name=name, party=party, title=title, aliases=aliases, delegate=delegate)


def issue(f: Fields) -> Issue | None:
    common = f.common()
    title = f.text("title", required=True)
    summary = f.text("summary")
    if f.record is None or title is None:
        return None
    return Issue(**common, title=title, summary=summary)


def event(f: Fields) -> Event | None:
    common = f.common()
    date = f.date("date", required=True)
    title = f.text("title", required=True)
    status = f.choice("status", STATUSES) or "occurred"
    parties = f.refs("parties", ("party",))
    people = f.refs("people", ("person",))
    issues = f.refs("issues", ("issue",))
    found = anchors(f, "evidence")
    date_text, summary, place = f.text("date_text", shared=True), f.text("summary"), f.text("place", shared=True)
    if f.record is None or date is None or title is None or found is None:
        return None
    return Event(
        **common,
        date=date,
        title=title,
        evidence=found,
        date_text=date_text,
        summary=summary,
        place=place,
        status=status,
        parties=parties,
        people=people,
        issues=issues,
    )


def position(f: Fields) -> Position | None:
    common = f.common()
    party = f.ref("party", ("party",), required=True)
    issue = f.ref("issue", ("issue",), required=True)
    stance = f.text("stance", required=True)
    detail = f.text("detail")
    status = f.choice("status", HOLDINGS) or "held"
    found = evidence(f, "evidence")
    if f.record is None or party is None or issue is None or stance is None or found is None:
        return None
    anchored, quotes = found
    return Position(
        **common,
        party=party,
        issue=issue,
        stance=stance,
        detail=detail,
        evidence=anchored,
        quotes=quotes,
        status=status,
    )


def quote(f: Fields) -> Quote | None:
    common = f.common()
    speaker = f.ref("speaker", ("person", "party"), required=True)
    text = f.text("text", required=True)
    kind = f.choice("kind", QUOTE_KINDS, required=True)
    said = f.date("said")
    date_text = f.text("date_text", shared=True)
    event = f.ref("event", ("event",))
    issues = f.refs("issues", ("issue",))
    anchor = anchor_field(f, "source", required=True)
    if f.record is None or speaker is None or text is None or kind is None or anchor is None:
        return None
    index = f.state.indexes[anchor.source]
    span = index.locate_within(text, anchor.start, anchor.end)
    if span is None:
        f.error(
            "text", "the quote's text is not within the words its `source` anchor points at; anchor the quote itself"
        )
        return None
    if kind == "direct" and not index.inside_quotation_marks(*span):
        f.error(
            "kind",
            "a direct quote must stand inside quotation marks in the source; "
            "anchor the words inside the marks, or make it `kind: reported`",
        )
        return None
    if text == anchor.exact:  # most quotes anchor their own words: keep them once
        text = anchor.exact
    return Quote(
        **common,
        speaker=speaker,
        text=text,
        quote_kind=kind,
        source=anchor,
        text_start=span[0],
        text_end=span[1],
        said=said,
        date_text=date_text,
        event=event,
        issues=issues,
    )


# The builder of each section's records, looked up as each is built (sources are built as
# soon as they are read, by `sources.source`: anchors need them).
BUILDERS: dict[str, Callable[[Fields], Record | None]] = {
    "parties": party,
    "people": person,
    "issues": issue,
    "events": event,
    "positions": position,
    "quotes": quote,
}


def key_points(state: LoadState, top: Entries) -> list[KeyPoint]:
    if "key_points" not in top:
        return []
    points: list[KeyPoint] = []
    for item in section(state, top["key_points"][1], "`key_points`"):
        entries = mapping(state, item, 2, None, "each key point")
        if entries is None:
            continue
        f = Fields(state, item, entries, None, 2, "key point")
        text = f.text("text", required=True)
        refs = f.refs("refs", None)
        if text is not None:
            points.append(KeyPoint(text=text, refs=refs, line=item.start_mark.line + 1))
    return points


def record_fields(state: LoadState, section_name: str, item: Node, entries: Entries, record_id: str | None) -> Fields:
    """The fields of one record of `section_name`, at the depth of the format's records."""
    return Fields(state, item, entries, record_id, 2, KINDS[section_name])
