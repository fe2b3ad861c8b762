"""The changes digest as Markdown: headings, each round's words as a list, evidence quoted."""

from __future__ import annotations

from collections.abc import Callable

from peacebrief.core.changes import Changes
from peacebrief.core.changes_digest import sections as s
from peacebrief.core.plaintext import to_ascii
from peacebrief.core.visible import visible

# Characters that Markdown would read as markup inside a line of the brief's words.
_ESCAPE = str.maketrans({c: f"\\{c}" for c in "\\`*_[]<>#|"})


def _md(text: str, ascii: bool) -> str:
    text = visible(" ".join(text.split()), keep_newlines=False).translate(_ESCAPE)
    return to_ascii(text) if ascii else text


def render_markdown(changes: Changes, *, ascii: bool = False) -> str:
    def md(text: str) -> str:
        return _md(text, ascii)

    out = [f"# {md(s.title(changes))}", ""]
    out += [
        f"- {md(s.round_line(changes.before))}",
        f"- {md(s.round_line(changes.after))}",
        "",
        md(s.counts_line(changes)),
    ]
    out += _stances(changes, md)
    out += _events(changes, md)
    out += _quotes(changes, md)
    out += _disputes(changes, md)
    out += ["", "## Sources", ""]
    for tag, lines in s.sources(changes):
        out += [f"- {tag} {number} {md(line)}" for number, line in lines]
    return "\n".join(out) + "\n"


def _stances(changes: Changes, md: Callable[[str], str]) -> list[str]:
    out: list[str] = []
    for kind, title in s.TITLES.items():
        found = changes.of_kind(kind)
        if not found:
            continue
        out += ["", f"## {title}"]
        for change in found:
            out += ["", f"### {md(s.heading(changes, change))}", ""]
            for label, stated in s.sides(changes, change):
                for words, evidence in stated:
                    out.append(f"- **{label}**: {md(words)}")
                    out += [f"  > \u201c{md(c.words)}\u201d {c.cite}" for c in evidence]
    return out


def _events(changes: Changes, md: Callable[[str], str]) -> list[str]:
    out: list[str] = []
    if changes.new_events:
        out += ["", "## New events", ""]
        out += [
            f"- {md(d.record.date.display())}: {md(s.event_line(d.record))} {s.record_cite(changes, d)}"
            for d in changes.new_events
        ]
    if changes.updated_events:
        out += ["", "## Events updated", ""]
        for history in changes.updated_events:
            out.append(
                f"- {md(s.history_title(changes, history))}: "
                + "; ".join(md(s.version_line(v)) for v in history.versions)
            )
    return out


def _quotes(changes: Changes, md: Callable[[str], str]) -> list[str]:
    out: list[str] = []
    groups = s.quotes_by_party(changes)
    if groups:
        out += ["", "## New quotes by party"]
        for party, quotes in groups:
            out += ["", f"### {md(party)}", ""]
            out += [
                f"- {md(s.speaker(changes, d))}: {md(s.quote_words(d.record))} {s.record_cite(changes, d)}"
                for d in quotes
            ]
    return out


def _disputes(changes: Changes, md: Callable[[str], str]) -> list[str]:
    if not changes.disputes:
        return []
    out = ["", "## Disputed facts"]
    for history in changes.disputes:
        out += [
            "",
            f"### {md(s.history_title(changes, history))}",
            "",
            f"The rounds differ on its {' and '.join(history.fields)}.",
            "",
        ]
        for version in history.versions:
            out.append(f"- **{md(s.version_line(version))}**")
            out += [f"  > \u201c{md(c.words)}\u201d {c.cite}" for c in s.version_evidence(changes, version)]
    return out
