"""The plain-text digest: what an analyst pastes into an e-mail.

No ANSI codes and no markup: setext-style underlines for headings, columns padded with
spaces and measured in terminal cells, hanging indents under every label. Every string
from the brief passes through `_Layout.clean` before it is measured: control characters
become the visible placeholders the reader shows (`visible`), so an escape in a brief
cannot act on the terminal the digest is printed to, and `--ascii` folding `…` into
`...` cannot push a line past the width.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from peacebrief.core.citation import anchors_of, citation_groups, quote_date, short_citation, source_reference
from peacebrief.core.dates import BriefDate
from peacebrief.core.digest.view import (
    NO_POSITION,
    REVIEW_MARK,
    STATUS_LABELS,
    DigestView,
    QuoteEntry,
    filter_note,
)
from peacebrief.core.fields_repr import FieldsValue
from peacebrief.core.model import Event, Party, Person, Quote, Record, Source
from peacebrief.core.plaintext import (
    GLUE,
    cell_width,
    nobreak,
    pad,
    render_markdown,
    to_ascii,
    wrap,
)
from peacebrief.core.visible import visible

DELEGATE_MARK = "*"

# A label column wider than this share of the width squeezes the text beside it into a
# ribbon; past it, the label goes on its own line and the text below it.
_MAX_COLUMN_SHARE = 0.4
_GUTTER = 2  # spaces between a label column and its text
_WHOLE_CITATION = 32  # cells: a citation up to this wide is never broken across lines


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class _Columns(FieldsValue):
    """A label column `size` cells wide starting `indent` cells in, or stacked labels."""

    indent: int
    size: int
    stacked: bool

    def prefixes(self, label: str, width: int) -> tuple[list[str], str, str]:
        """Lines to emit before the text, and the prefixes of its first and other lines."""
        margin = " " * self.indent
        if self.stacked:
            under = margin + " " * _GUTTER
            return (wrap(label, width, first=margin, rest=margin) if label else []), under, under
        return [], margin + pad(label, self.size), margin + " " * self.size


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class _Layout(FieldsValue):
    width: int
    ascii: bool

    def clean(self, text: str) -> str:
        """A string from the brief as the digest prints it: on one line, control
        characters as visible placeholders, folded to ASCII with `--ascii`."""
        text = visible(text, keep_newlines=False)
        return to_ascii(text) if self.ascii else text

    def columns(self, labels: Sequence[str], indent: int = 0, gutter: int = _GUTTER) -> _Columns:
        widest = max((cell_width(self.clean(label)) for label in labels), default=0)
        size = widest + gutter
        return _Columns(indent, size, stacked=indent + size > self.width * _MAX_COLUMN_SHARE)

    def text(self, text: str, first: str = "", rest: str = "") -> list[str]:
        return wrap(self.clean(text), self.width, first=first, rest=rest)

    def markdown(self, source: str, first: str = "", rest: str = "", tail: str = "") -> list[str]:
        return render_markdown(visible(source), self.width, first=first, rest=rest, tail=tail, ascii=self.ascii)

    def row(self, columns: _Columns, label: str, text: str, tail: str = "") -> tuple[list[str], str]:
        """A label and its text side by side; returns the lines and the prefix under the text."""
        before, first, rest = columns.prefixes(self.clean(label), self.width)
        body = f"{self.clean(text)} {tail}".strip()
        if not body and before:  # a stacked label with nothing beside it: no blank line
            return before, rest
        return before + wrap(body, self.width, first=first, rest=rest), rest

    def heading(self, title: str, rule: str) -> list[str]:
        lines = self.text(title)
        return [*lines, rule * max(cell_width(line) for line in lines)]

    def cite(self, view: DigestView, records: Sequence[Record]) -> str:
        """The citation of `records`, glued so that wrapping does not tear it apart.

        A short citation is kept whole (it moves to the next line rather than leaving
        `[1 ¶1,` at the end of one); a long one may break after its commas.
        """
        anchors = [anchor for record in records for anchor in anchors_of(view.brief, record)]
        groups = citation_groups(view.brief, anchors)
        whole = short_citation(view.brief, groups, ascii=self.ascii)
        if cell_width(whole) <= _WHOLE_CITATION:
            return nobreak(whole)
        return short_citation(view.brief, groups, ascii=self.ascii, space=GLUE)

    def quoted(self, words: str) -> str:
        return self.clean(f"\u201c{words}\u201d")


def render_text(view: DigestView, *, width: int = 72, ascii: bool = False) -> str:
    layout = _Layout(width, ascii)
    sections = [
        _header(view, layout),
        _bottom_line(view, layout),
        _key_points(view, layout),
        _timeline(view, layout),
        _positions(view, layout),
        _delegations(view, layout),
        _quotes(view, layout),
        _sources(view, layout),
    ]
    return "\n\n".join("\n".join(lines) for lines in sections if lines) + "\n"


def _section(layout: _Layout, title: str, body: list[str], empty: str | None = None) -> list[str]:
    """A heading and its body; an empty section is left out, or says `empty` in its place."""
    if not body and empty is None:
        return []
    return [*layout.heading(title, "-"), *(body or layout.text(empty or ""))]


def _none_selected(view: DigestView, what: str) -> str | None:
    """What an empty section says when a filter emptied it (unfiltered, it is left out)."""
    return f"No {what} in this selection." if view.filtered else None


# -- 1. header --------------------------------------------------------------------------


def _date(date: BriefDate) -> str:
    """A date as the reader shows it, kept on one line ("16 Jun" and "2025" never part)."""
    return nobreak(date.display())


def _source_line(source: Source) -> str:
    # The reference as every citation writes it, its date kept on one line.
    return source_reference(source).replace(source.published.display(), _date(source.published))


def _header(view: DigestView, layout: _Layout) -> list[str]:
    brief = view.brief
    lines = [*layout.heading(brief.title, "="), *layout.text(f"As of {_date(brief.as_of)}")]
    lines.append("Sources:" if len(brief.sources) > 1 else "Source:")
    numbers = [f"[{n}]" for n in range(1, len(brief.sources) + 1)]
    columns = layout.columns(numbers, indent=2, gutter=1)
    for number, source in zip(numbers, brief.sources, strict=True):
        lines += layout.row(columns, number, _source_line(source))[0]
    if view.filtered:
        lines += layout.text(filter_note(view, _date), "Filtered: ", "  ")
    if any(record.review for record in _shown_records(view)):
        lines += layout.text(f"Items marked {REVIEW_MARK} are still being checked by the brief's authors.")
    return lines


def _shown_records(view: DigestView) -> tuple[Record, ...]:
    return (*view.events, *view.positions, *view.quotes)


# -- 2. bottom line, 3. key points ------------------------------------------------------


def _bottom_line(view: DigestView, layout: _Layout) -> list[str]:
    summary = view.brief.summary
    return _section(layout, "Bottom line", layout.markdown(summary) if summary else [])


def _key_points(view: DigestView, layout: _Layout) -> list[str]:
    body: list[str] = []
    for point in view.key_points:
        refs = [view.brief[ref] for ref in point.refs]
        body += layout.markdown(point.text, "- ", "  ", tail=layout.cite(view, refs))
    return _section(layout, "Key points", body, _none_selected(view, "key points") if view.brief.key_points else None)


# -- 4. timeline ------------------------------------------------------------------------


def _event_line(event: Event) -> str:
    status = STATUS_LABELS.get(event.status)
    line = f"{status}: {event.title}" if status else event.title
    # "Preparatory meetings in Arnhold, Arnhold" says it twice: the place is added only
    # when the title does not name it already.
    if event.place and event.place.casefold() not in event.title.casefold():
        line += f", {event.place}"
    if event.review:
        line += f" {REVIEW_MARK}"
    return line


def _timeline(view: DigestView, layout: _Layout) -> list[str]:
    columns = layout.columns([e.date.display() for e in view.events])
    entries: list[list[str]] = []
    for event in view.events:
        lines, under = layout.row(columns, event.date.display(), _event_line(event), layout.cite(view, [event]))
        if event.summary:
            lines += layout.markdown(event.summary, under, under)
        entries.append(lines)
    # A blank line between events: most carry a summary, and the date column alone does
    # not separate two paragraphs of prose.
    return _section(layout, "Timeline", _joined(entries), _none_selected(view, "events"))


def _joined(entries: list[list[str]]) -> list[str]:
    lines: list[str] = []
    for index, entry in enumerate(entries):
        lines += ([""] if index else []) + entry
    return lines


# -- 5. positions -----------------------------------------------------------------------


def _positions(view: DigestView, layout: _Layout) -> list[str]:
    if not view.issues or not view.matrix_parties:
        return []
    columns = layout.columns([p.name for p in view.matrix_parties], indent=2)
    entries: list[list[str]] = []
    for issue in view.issues:
        lines = layout.text(issue.title)
        for party in view.matrix_parties:
            positions = view.cell(issue, party)
            if not positions:
                lines += layout.row(columns, party.name, NO_POSITION)[0]
            for index, position in enumerate(positions):  # the party's name on its first line only
                stance = f"{position.label} {REVIEW_MARK}" if position.review else position.label
                lines += layout.row(columns, party.name if index == 0 else "", stance, layout.cite(view, [position]))[0]
        entries.append(lines)
    return _section(layout, "Positions", _joined(entries))


# -- 6. delegations ---------------------------------------------------------------------


def _party_heading(party: Party) -> str:
    return party.name if party.role == "party" else f"{party.name} ({party.role})"


def _person_mark(person: Person, marks: bool) -> str:
    """`* ` before a delegate, blanks before the others; nothing when no one is marked."""
    if not marks:
        return ""
    return f"{DELEGATE_MARK if person.delegate else ' '} "


def _person_lines(layout: _Layout, columns: _Columns, person: Person, marks: bool) -> list[str]:
    mark = _person_mark(person, marks)
    if not columns.stacked:
        return layout.row(columns, mark + person.name, person.title or "")[0]
    # Too narrow for a name column: "name, office" as one entry, its office hanging
    # under the name (a line of its own would read like one more name).
    text = f"{person.name}, {person.title}" if person.title else person.name
    first = " " * columns.indent + mark
    return layout.text(text, first, " " * (len(first) + 2))


def _delegations(view: DigestView, layout: _Layout) -> list[str]:
    marks = any(person.delegate for person in view.people)
    columns = layout.columns([_person_mark(p, marks) + p.name for p in view.people], indent=2)
    entries: list[list[str]] = []
    for party in view.delegations:
        lines = layout.text(_party_heading(party))
        people = view.people_of(party)
        for person in people:
            lines += _person_lines(layout, columns, person, marks)
        if not people:
            lines += layout.text("no one named in the brief", "  ", "  ")
        entries.append(lines)
    body = _joined(entries)
    if marks:
        body += ["", *layout.text(f"{DELEGATE_MARK} sits in the negotiating delegation")]
    return _section(layout, "Delegations", body)


# -- 7. quotes --------------------------------------------------------------------------


def _said(view: DigestView, entry: QuoteEntry) -> str:
    """The entry's date, or its source's, marked `reported 4 Feb 2026`."""
    return entry.said.display() if entry.said else quote_date(view.brief, entry.quote)


def _quote_text(view: DigestView, quote: Quote, layout: _Layout) -> str:
    speaker = view.brief[quote.speaker].label
    review = f" {REVIEW_MARK}" if quote.review else ""
    if quote.quote_kind == "direct":
        return f"{layout.clean(speaker)}{review}: {layout.quoted(quote.text)}"
    return f"{layout.clean(speaker)} (reported){review}: {layout.clean(quote.text)}"


def _quotes(view: DigestView, layout: _Layout) -> list[str]:
    groups = view.quote_groups()
    columns = layout.columns([_said(view, e) for _, entries in groups for e in entries], indent=2)
    blocks: list[list[str]] = []
    for party, entries in groups:
        lines = layout.text(party.name)
        for entry in entries:
            text = _quote_text(view, entry.quote, layout)
            if any(q.review for q in entry.records[1:]) and not entry.quote.review:
                text += f" {REVIEW_MARK}"
            lines += layout.row(columns, _said(view, entry), text, layout.cite(view, entry.records))[0]
        blocks.append(lines)
    return _section(layout, "Quotes", _joined(blocks), _none_selected(view, "quotes"))


# -- 8. sources -------------------------------------------------------------------------


def _source_details(source: Source) -> str:
    count = source.document.paragraph_count
    facts = [
        f"{source.publisher}, {_date(source.published)}" if source.publisher else _date(source.published),
        f"{count} paragraph{'s' * (count != 1)}",
    ]
    return "; ".join(facts)


def _sources(view: DigestView, layout: _Layout) -> list[str]:
    numbers = [f"[{n}]" for n in range(1, len(view.brief.sources) + 1)]
    columns = layout.columns(numbers, gutter=1)
    entries: list[list[str]] = []
    for number, source in zip(numbers, view.brief.sources, strict=True):
        lines, under = layout.row(columns, number, source.title)
        lines += layout.text(_source_details(source), under, under)
        if source.url:
            lines += layout.text(source.url, under, under)
        entries.append(lines)
    return _section(layout, "Sources", _joined(entries))
