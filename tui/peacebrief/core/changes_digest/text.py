"""The changes digest as plain text: headings underlined, hanging indents, no markup."""

from __future__ import annotations

from peacebrief.core.changes import Changes, StanceChange
from peacebrief.core.changes_digest import sections as s
from peacebrief.core.plaintext import cell_width, nobreak, to_ascii, wrap
from peacebrief.core.visible import visible

_LABEL = 12  # "  Round 12  " and the like: the column that rounds' words hang from


class _Out:
    def __init__(self, width: int, ascii: bool) -> None:
        self.width, self.ascii = width, ascii
        self.lines: list[str] = []

    def clean(self, text: str) -> str:
        text = visible(text, keep_newlines=False)
        return to_ascii(text) if self.ascii else text

    def text(self, text: str, first: str = "", rest: str = "") -> None:
        self.lines += wrap(self.clean(text), self.width, first=first, rest=rest)

    def heading(self, title: str, rule: str) -> None:
        if self.lines:
            self.lines.append("")
        start = len(self.lines)
        self.text(title)
        self.lines.append(rule * max(cell_width(line) for line in self.lines[start:]))

    def cited(self, cited: s.Cited, indent: str) -> None:
        self.text(f"\u201c{cited.words}\u201d {nobreak(cited.cite)}", indent, indent)


def render_text(changes: Changes, *, width: int = 72, ascii: bool = False) -> str:
    out = _Out(width, ascii)
    out.heading(s.title(changes), "=")
    out.text(s.round_line(changes.before))
    out.text(s.round_line(changes.after))
    out.text(s.counts_line(changes))
    for kind, title in s.TITLES.items():
        found = changes.of_kind(kind)
        if found:
            out.heading(title, "-")
            for n, change in enumerate(found):
                if n:
                    out.lines.append("")
                _change(out, changes, change)
    _events(out, changes)
    _quotes(out, changes)
    _disputes(out, changes)
    out.heading("Sources", "-")
    for tag, lines in s.sources(changes, nobreak):
        for n, (number, line) in enumerate(lines):
            out.text(f"{number} {line}", f"{tag:<4}" if n == 0 else "    ", "        ")
    return "\n".join(out.lines) + "\n"


def _change(out: _Out, changes: Changes, change: StanceChange) -> None:
    out.text(s.heading(changes, change))
    for label, stated in s.sides(changes, change):
        for n, (words, evidence) in enumerate(stated):
            out.text(words, f"  {label:<{_LABEL - 2}}" if n == 0 else " " * _LABEL, " " * _LABEL)
            for cited in evidence:
                out.cited(cited, " " * (_LABEL + 2))


def _events(out: _Out, changes: Changes) -> None:
    if changes.new_events:
        out.heading("New events", "-")
        dates = [d.record.date.display() for d in changes.new_events]
        column = max(cell_width(d) for d in dates) + 2
        for date, dated in zip(dates, changes.new_events, strict=True):
            line = f"{s.event_line(dated.record)} {nobreak(s.record_cite(changes, dated))}"
            out.text(line, f"{date:<{column}}", " " * column)
    if changes.updated_events:
        out.heading("Events updated", "-")
        for history in changes.updated_events:
            out.text(s.history_title(changes, history))
            for version in history.versions:
                out.text(s.version_line(version), "  ", "    ")


def _quotes(out: _Out, changes: Changes) -> None:
    groups = s.quotes_by_party(changes)
    if not groups:
        return
    out.heading("New quotes by party", "-")
    for party, quotes in groups:
        out.text(party)
        for dated in quotes:
            out.text(
                f"{s.speaker(changes, dated)}: {s.quote_words(dated.record)} {nobreak(s.record_cite(changes, dated))}",
                "  ",
                "    ",
            )


def _disputes(out: _Out, changes: Changes) -> None:
    if not changes.disputes:
        return
    out.heading("Disputed facts", "-")
    for history in changes.disputes:
        out.text(f"{s.history_title(changes, history)}: the rounds differ on its {' and '.join(history.fields)}")
        for version in history.versions:
            out.text(s.version_line(version), "  ", "    ")
            for cited in s.version_evidence(changes, version):
                out.cited(cited, "    ")
