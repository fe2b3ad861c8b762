"""How a record cites its sources: the one citation form of `y`, the digests and the JSON.

A citation names each source once: its title, then its publisher and date, then the
paragraphs cited in it (`¶4, ¶7`, counted as a reader counts them, headings left out),
then its address when the brief gives one. A quote carries its speaker and its date, or,
when it has none of its own, its source's date marked `reported`.

    Volodymyr Zelenskyy (Ukraine), 3 Feb 2026, said (reported): accusing Putin of duplicity
    Source: Envoys from Russia and Ukraine meet in Abu Dhabi… (4 Feb 2026), ¶11
"""

from __future__ import annotations

from collections.abc import Iterable

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

REPORTED = "reported"  # before a source's date standing in for a quote's own

# (source number, the blocks cited in it), both sorted, without repeats.
Groups = tuple[tuple[int, tuple[int, ...]], ...]


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


def citation_groups(brief: Brief, anchors: Iterable[Anchor]) -> Groups:
    """Where `anchors` stand: each source's number and its blocks, sorted, each once."""
    places: dict[int, set[int]] = {}
    for anchor in anchors:
        places.setdefault(brief.source_number(anchor.source), set()).add(anchor.paragraph)
    return tuple((number, tuple(sorted(blocks))) for number, blocks in sorted(places.items()))


def places(source: Source, blocks: Iterable[int]) -> list[str]:
    """`["¶4", "¶7"]`: each block as a reader finds it (`heading above ¶5` for a heading)."""
    return [source.document.place(block) for block in blocks]


def short_citation(brief: Brief, groups: Groups, *, ascii: bool = False, space: str = " ") -> str:
    """`[1 ¶4, ¶7; 2 ¶1]`; with `ascii`, `[1 para 4, 7; 2 para 1]`. Empty when nothing is cited.

    `space` joins a source number to its first paragraph, so a wrapper can be told not
    to break a citation between the two.
    """
    if not groups:
        return ""
    parts = []
    for number, blocks in groups:
        labels = places(brief.sources[number - 1], blocks)
        if ascii and all(label.startswith("\u00b6") for label in labels):
            # "para" once per source: "[1 para 7, para 8]" would read as a stammer
            text = f"para{space}" + ", ".join(label[1:] for label in labels)
        else:
            text = ", ".join(labels)
            if ascii:
                text = text.replace("\u00b6", f"para{space}")
        parts.append(f"{number}{space}{text}")
    return "[" + "; ".join(parts) + "]"


def source_reference(source: Source) -> str:
    """`Title (Publisher, 4 Feb 2026)`: the source as a citation names it, without its address."""
    who = f"{one_line(source.publisher)}, " if source.publisher else ""
    return f"{one_line(source.title)} ({who}{source.published.display()})"


def source_citation(source: Source, blocks: Iterable[int]) -> str:
    """`Title (Publisher, 4 Feb 2026), ¶4, ¶7 <https://…>`: one source with its paragraphs."""
    labels = places(source, blocks)
    where = f", {', '.join(labels)}" if labels else ""
    address = f" <{one_line(source.url)}>" if source.url else ""
    return f"{source_reference(source)}{where}{address}"


def source_lines(brief: Brief, anchors: Iterable[Anchor]) -> list[str]:
    """`Source: …` lines, one per source cited, in the brief's order of sources."""
    return [
        f"Source: {source_citation(brief.sources[number - 1], blocks)}"
        for number, blocks in citation_groups(brief, anchors)
    ]


def long_cite(brief: Brief, anchor: Anchor) -> str:
    """One anchor's source and paragraph, as `source_citation` writes it."""
    return source_citation(brief.source(anchor.source), (anchor.paragraph,))


def quote_date(brief: Brief, quote: Quote) -> str:
    """The quote's date, or its source's marked `reported 4 Feb 2026`."""
    if quote.said is not None:
        return quote.said.display()
    return f"{REPORTED} {brief.source(quote.source.source).published.display()}"


def quoted_words(quote: Quote) -> str:
    """The words as a reader should see them: in quotation marks when the source prints them so."""
    text = one_line(quote.text)
    return f"\u201c{text}\u201d" if quote.quote_kind == "direct" else text


def speaker_line(brief: Brief, quote: Quote) -> str:
    speaker = brief.get(quote.speaker)
    name = one_line(speaker.label) if speaker else quote.speaker
    party = brief.party_of(quote.id)
    if party is not None and party.id != quote.speaker:
        name += f" ({one_line(party.name)})"
    return name


def record_words(brief: Brief, record: Record) -> str:
    """The record in one line, as a citation opens: who said what and when, what happened."""
    if isinstance(record, Quote):
        verb = "said" if record.quote_kind == "direct" else "said (reported)"
        return f"{speaker_line(brief, record)}, {quote_date(brief, record)}, {verb}: {quoted_words(record)}"
    if isinstance(record, Event):
        status = "" if record.status == "occurred" else f" ({record.status})"
        place = f", {one_line(record.place)}" if record.place else ""
        return f"{record.date.display()}{place}: {one_line(record.title)}{status}"
    if isinstance(record, Position):
        party, issue = brief.get(record.party), brief.get(record.issue)
        who = one_line(party.label if party else record.party)
        return f"{who} on {one_line(issue.label if issue else record.issue)}: {one_line(record.label)}"
    if isinstance(record, Person):
        party = brief.get(record.party)
        office = f", {one_line(record.title)}" if record.title else ""
        return f"{one_line(record.name)}{office} ({one_line(party.label if party else record.party)})"
    if isinstance(record, Party):
        return f"{one_line(record.name)} ({record.role})"
    if isinstance(record, Issue):
        return one_line(record.title)
    if isinstance(record, Source):
        address = f" <{one_line(record.url)}>" if record.url else ""
        return f"{source_reference(record)}{address}"
    return record.id


def record_plaintext(brief: Brief, record: Record) -> str:
    """The record in a line with its citation, each source once: what `y` copies."""
    return "\n".join([record_words(brief, record), *source_lines(brief, anchors_of(brief, record))])


def paragraph_plaintext(brief: Brief, source_id: str, block: int) -> str:
    """A paragraph of a source (or a heading) with its citation: what `y` copies on one."""
    source = brief.source(source_id)
    words = one_line(source.document.paragraph_text(block))
    return f"{words}\nSource: {source_citation(source, (block,))}"
