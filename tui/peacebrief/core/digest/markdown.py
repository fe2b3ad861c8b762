"""The Markdown digest: the text digest's content as a Markdown document.

Headings for the sections, a table for the issue-by-party matrix, block quotes for the
quotes. The brief's own Markdown (summaries, key points) is copied in as written; every
other string from the brief is escaped so that a `*`, a `|`, a `[link=…]` or an `&amp;`
in a name stays characters. Control characters become the placeholders the reader shows
(`visible`), in both, and a placeholder that looks like an HTML tag (`<RLO>`) is escaped
so that a renderer shows it instead of dropping it. Nothing is wrapped: a Markdown
renderer fills its own lines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from peacebrief.core.citation import anchors_of, citation_groups, quote_date, short_citation
from peacebrief.core.digest.view import (
    NO_POSITION,
    REVIEW_MARK,
    STATUS_LABELS,
    DigestView,
    QuoteEntry,
    filter_note,
)
from peacebrief.core.model import Event, Party, Person, Position, Record, Source
from peacebrief.core.plaintext import to_ascii
from peacebrief.core.visible import PLACEHOLDER_TAG, visible

# Characters that can start or end Markdown syntax in running text. Escaping them all is
# simpler and safer than knowing which position makes each one special. `&` starts an
# entity (`&amp;` would show as `&`), `~` strikethrough in GitHub's Markdown.
_SPECIAL = frozenset("\\`*_[]<>|#&~")
# At the start of a line (or of a list item), these make a list item, a heading or a rule.
_LINE_START = re.compile(r"^(\d{1,9})([.)])|^([-+=])")
# A URL that CommonMark reads as an autolink between `<` and `>`.
_AUTOLINK = re.compile(r"[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*")


def render_markdown_digest(view: DigestView, *, ascii: bool = False) -> str:
    doc = _Doc(view, ascii)
    parts = [
        doc.header(),
        doc.bottom_line(),
        doc.key_points(),
        doc.timeline(),
        doc.positions(),
        doc.delegations(),
        doc.quotes(),
        doc.sources(),
    ]
    return "\n\n".join(part for part in parts if part) + "\n"


def _escape_chars(text: str) -> str:
    return "".join(f"\\{c}" if c in _SPECIAL else c for c in text)


def escape(text: str) -> str:
    """Plain text made safe to put in running Markdown (and in a table cell), control
    characters shown as placeholders."""
    text = " ".join(_escape_chars(visible(text)).split())  # a newline in a name would end a table row
    return _LINE_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", text)


def markdown_source(text: str) -> str:
    """The brief's own Markdown, control characters shown as placeholders; a placeholder
    such as `<RLO>` is escaped (`\\<RLO>`), or a renderer would take it for an HTML tag."""
    return re.sub(PLACEHOLDER_TAG, lambda m: "\\" + m[0], visible(text))


def fold_markdown(text: str) -> str:
    """Markdown folded to ASCII without adding syntax: `•` folds to `*`, which is escaped
    so it cannot start emphasis; the ASCII the author wrote is left alone."""
    return "".join(c if c.isascii() else _escape_chars(to_ascii(c)) for c in text)


def _indent(block: str, prefix: str) -> str:
    return "\n".join((prefix + line) if line.strip() else line.rstrip() for line in block.split("\n"))


class _Doc:
    """One digest being written; holds the view and the --ascii choice."""

    def __init__(self, view: DigestView, ascii: bool) -> None:
        self.view = view
        self.ascii = ascii

    # -- strings ---------------------------------------------------------------------

    def plain(self, text: str) -> str:
        # visible() before to_ascii(): folding would drop a bidi control and turn a C1
        # control into "?", where the reader shows a placeholder.
        return escape(to_ascii(visible(text)) if self.ascii else text)

    def source_md(self, text: str) -> str:
        """The brief's own Markdown, trimmed; with --ascii, folded without adding syntax."""
        text = markdown_source(text.strip())
        return fold_markdown(text) if self.ascii else text

    def said(self, entry: QuoteEntry) -> str:
        return entry.said.display() if entry.said else quote_date(self.view.brief, entry.quote)

    def cite(self, records: Sequence[Record]) -> str:
        brief = self.view.brief
        anchors = [anchor for record in records for anchor in anchors_of(brief, record)]
        citation = short_citation(brief, citation_groups(brief, anchors), ascii=self.ascii)
        return f" {citation}" if citation else ""

    def quoted(self, words: str) -> str:
        return self.plain(f"\u201c{words}\u201d")

    def dash(self) -> str:
        return "--" if self.ascii else "\u2014"

    # -- sections --------------------------------------------------------------------

    def header(self) -> str:
        brief = self.view.brief
        lines = [f"# {self.plain(brief.title)}", "", f"As of {brief.as_of.display()}.", ""]
        lines.append("Sources:" if len(brief.sources) > 1 else "Source:")
        lines.append("")
        lines += [f"{n}. {self.source_line(s)}" for n, s in enumerate(brief.sources, start=1)]
        if self.view.filtered:
            lines += ["", f"*Filtered:* {self.plain(filter_note(self.view))}"]
        if any(r.review for r in (*self.view.events, *self.view.positions, *self.view.quotes)):
            lines += ["", f"Items marked *{REVIEW_MARK}* are still being checked by the brief's authors."]
        return "\n".join(lines)

    def source_line(self, source: Source) -> str:
        where = source.published.display()
        if source.publisher:
            where = f"{self.plain(source.publisher)}, {where}"
        return f"{self.plain(source.title)} ({where})"

    def bottom_line(self) -> str:
        summary = self.view.brief.summary
        return f"## Bottom line\n\n{self.source_md(summary)}" if summary else ""

    def empty(self, title: str, what: str) -> str:
        """An emptied section says so when a filter emptied it; otherwise it is left out."""
        return f"## {title}\n\n*No {what} in this selection.*" if self.view.filtered else ""

    def key_points(self) -> str:
        if not self.view.key_points:
            return self.empty("Key points", "key points") if self.view.brief.key_points else ""
        items = []
        for point in self.view.key_points:
            refs = [self.view.brief[ref] for ref in point.refs]
            items.append("- " + _indent(self.source_md(point.text) + self.cite(refs), "  ")[2:])
        return "## Key points\n\n" + "\n".join(items)

    def timeline(self) -> str:
        if not self.view.events:
            return self.empty("Timeline", "events")
        items = [self.event(event) for event in self.view.events]
        # Loose list (blank lines between items): the summaries are paragraphs of their own.
        return "## Timeline\n\n" + "\n\n".join(items)

    def event(self, event: Event) -> str:
        status = STATUS_LABELS.get(event.status)
        line = f"- **{event.date.display()}**: "
        line += f"*{status.capitalize()}:* " if status else ""
        line += self.plain(event.title)
        if event.place and event.place.casefold() not in event.title.casefold():
            line += f", {self.plain(event.place)}"
        line += f" *{REVIEW_MARK}*" if event.review else ""
        line += self.cite([event])
        if event.summary:
            line += "\n\n" + _indent(self.source_md(event.summary), "  ")
        return line

    def positions(self) -> str:
        view = self.view
        if not view.issues or not view.matrix_parties:
            return ""
        header = "| Issue | " + " | ".join(self.plain(p.name) for p in view.matrix_parties) + " |"
        rule = "|---" * (len(view.matrix_parties) + 1) + "|"
        rows = []
        for issue in view.issues:
            cells = [self.cell(view.cell(issue, party)) for party in view.matrix_parties]
            rows.append(f"| {self.plain(issue.title)} | " + " | ".join(cells) + " |")
        return "## Positions\n\n" + "\n".join([header, rule, *rows])

    def cell(self, positions: Sequence[Position]) -> str:
        if not positions:
            return f"*{NO_POSITION}*"
        stances = []
        for position in positions:
            review = f" *{REVIEW_MARK}*" if position.review else ""
            stances.append(self.plain(position.label) + review + self.cite([position]))
        return "<br>".join(stances)  # a table cell holds one line; several stances need a break

    def delegations(self) -> str:
        blocks = []
        for party in self.view.delegations:
            people = self.view.people_of(party)
            body = "\n".join(self.person(p) for p in people) if people else "*No one named in the brief.*"
            blocks.append(f"### {self.party_heading(party)}\n\n{body}")
        return "## Delegations\n\n" + "\n\n".join(blocks) if blocks else ""

    def party_heading(self, party: Party) -> str:
        name = self.plain(party.name)
        return name if party.role == "party" else f"{name} ({party.role})"

    def person(self, person: Person) -> str:
        name = f"**{self.plain(person.name)}**" if person.delegate else self.plain(person.name)
        line = f"- {name}"
        if person.title:
            line += f", {self.plain(person.title)}"
        return line + (" (delegate)" if person.delegate else "")

    def quotes(self) -> str:
        blocks = []
        for party, entries in self.view.quote_groups():
            blocks.append(f"### {self.plain(party.name)}\n\n" + "\n\n".join(self.quote(e) for e in entries))
        return "## Quotes\n\n" + "\n\n".join(blocks) if blocks else self.empty("Quotes", "quotes")

    def quote(self, entry: QuoteEntry) -> str:
        quote = entry.quote
        speaker = self.plain(self.view.brief[quote.speaker].label)
        words = self.quoted(quote.text) if quote.quote_kind == "direct" else f"*Reported:* {self.plain(quote.text)}"
        review = f" *{REVIEW_MARK}*" if any(q.review for q in entry.records) else ""
        attribution = f"{self.dash()} {speaker}, {self.plain(self.said(entry))}{review}{self.cite(entry.records)}"
        return f"> {words}\n>\n> {attribution}"

    def sources(self) -> str:
        items = []
        for number, source in enumerate(self.view.brief.sources, start=1):
            count = source.document.paragraph_count
            where = source.published.display()
            if source.publisher:
                where = f"{self.plain(source.publisher)}, {where}"
            facts = f"{where}; {count} paragraph{'s' * (count != 1)}"
            item = f"{number}. **{self.plain(source.title)}**  \n   {facts}"
            if source.url:
                url = source.url.strip()
                autolink = _AUTOLINK.fullmatch(url) and visible(url) == url
                item += f"  \n   <{url}>" if autolink else f"  \n   {self.plain(url)}"
            items.append(item)
        return "## Sources\n\n" + "\n".join(items)
