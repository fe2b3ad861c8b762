"""How a record cites its source, and a record as plain text for the clipboard."""

from __future__ import annotations

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
from peacebrief.core.visible import one_line


def short_cite(brief: Brief, anchor: Anchor) -> str:
    """`[1 ¶4]`: the source's number in the brief and the paragraph."""
    return f"[{brief.source_number(anchor.source)} ¶{anchor.paragraph}]"


def source_line(source: Source) -> str:
    """`Envoys from Russia and Ukraine meet… (Publisher, 4 Feb 2026)`."""
    who = f"{one_line(source.publisher)}, " if source.publisher else ""
    return f"{one_line(source.title)} ({who}{source.published.display()})"


def long_cite(brief: Brief, anchor: Anchor) -> str:
    """`Envoys from Russia and Ukraine meet… (4 Feb 2026), ¶4`."""
    return f"{source_line(brief.source(anchor.source))}, ¶{anchor.paragraph}"


def anchors_of(brief: Brief, record: Record) -> tuple[Anchor, ...]:
    """The anchors a record stands on: its own, or those of the quotes it cites."""
    if isinstance(record, Quote):
        return (record.source,)
    if isinstance(record, Event):
        return record.evidence
    if isinstance(record, Position):
        quoted = tuple(q.source for qid in record.quotes if isinstance(q := brief.get(qid), Quote))
        return record.evidence + quoted
    return ()


def quoted_words(quote: Quote) -> str:
    """The words as a reader should see them: in quotation marks when the source prints them so."""
    text = one_line(quote.text)
    return f"“{text}”" if quote.quote_kind == "direct" else text


def speaker_line(brief: Brief, quote: Quote) -> str:
    speaker = brief.get(quote.speaker)
    name = one_line(speaker.label) if speaker else quote.speaker
    party = brief.party_of(quote.id)
    if party is not None and party.id != quote.speaker:
        name += f" ({one_line(party.name)})"
    return name


def record_plaintext(brief: Brief, record: Record) -> str:
    """The record in a sentence or two, with its citations: what `y` copies."""
    lines: list[str]
    if isinstance(record, Quote):
        when = f", {record.said.display()}," if record.said else ""
        verb = "said" if record.quote_kind == "direct" else "said (reported)"
        lines = [f"{speaker_line(brief, record)}{when} {verb}: {quoted_words(record)}"]
    elif isinstance(record, Event):
        status = "" if record.status == "occurred" else f" ({record.status})"
        place = f", {one_line(record.place)}" if record.place else ""
        lines = [f"{record.date.display()}{place}: {one_line(record.title)}{status}"]
    elif isinstance(record, Position):
        party, issue = brief.get(record.party), brief.get(record.issue)
        lines = [f"{one_line(party.label if party else record.party)} on {one_line(issue.label if issue else record.issue)}: {one_line(record.stance)}"]
    elif isinstance(record, Person):
        party = brief.get(record.party)
        office = f", {one_line(record.title)}" if record.title else ""
        lines = [f"{one_line(record.name)}{office} ({one_line(party.label if party else record.party)})"]
    elif isinstance(record, Party):
        lines = [f"{one_line(record.name)} ({record.role})"]
    elif isinstance(record, Issue):
        lines = [one_line(record.title)]
    elif isinstance(record, Source):
        lines = [source_line(record)]
    else:
        lines = [record.id]
    lines += [f"Source: {long_cite(brief, anchor)}" for anchor in anchors_of(brief, record)]
    return "\n".join(dict.fromkeys(lines))
