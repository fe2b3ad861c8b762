"""What every format of the changes digest says, in the same order and words."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from peacebrief.core.case import EventHistory, EventVersion, Round
from peacebrief.core.changes import LABELS, Changes, Dated, DatedQuote, Evidence, Stance, StanceChange
from peacebrief.core.citation import anchors_of, citation_groups, short_citation
from peacebrief.core.model import Anchor, Brief, Event, Quote

TYPE_CHECKING = False  # not `typing`'s: `digest` starts without importing it
if TYPE_CHECKING:
    from peacebrief.core.stance_kinds import ChangeKind

TITLES: dict[ChangeKind, str] = {
    "changed": "Changed positions",
    "new": "New positions",
    "dropped": "Dropped positions",
    "unchanged": "Unchanged positions",
    "not_restated": "Positions not restated",
}
NO_POSITION = "no stated position"
NOT_RESTATED = "not restated: the round says nothing of it"
WITHDRAWN = "withdrawn: "  # before the words of a position the party gave up
STATUS = {
    "scheduled": "scheduled",
    "postponed": "postponed",
    "cancelled": "cancelled",
    "reported": "reported, unconfirmed",
}


@dataclass(frozen=True, slots=True)
class Cited:
    """Words with where they stand: `R3 [1 ¶2]`."""

    words: str
    cite: str


def title(changes: Changes) -> str:
    return f"What changed from round {changes.since} to round {changes.until}"


def round_line(round_: Round) -> str:
    brief = round_.brief
    return f"Round {round_.number}: {brief.title}, as of {brief.as_of.display()} ({round_.file})"


def counts_line(changes: Changes) -> str:
    counts = changes.counts()
    return "Positions: " + ", ".join(f"{counts[kind]} {LABELS[kind]}" for kind in TITLES) + "."


def heading(changes: Changes, change: StanceChange) -> str:
    """`Ceasefire and monitors: Tarren Valley Movement`."""
    return f"{changes.case.label(change.issue)}: {changes.case.label(change.party)}"


def cite(round_number: int, citation: str) -> str:
    return f"R{round_number} {citation}"


def evidence(stance: Stance) -> list[Cited]:
    return [Cited(e.words, cite(stance.round, e.citation)) for e in stance.evidence]


def words(stance: Stance) -> str:
    return WITHDRAWN + stance.words if stance.withdrawn else stance.words


def sides(changes: Changes, change: StanceChange) -> list[tuple[str, list[tuple[str, list[Cited]]]]]:
    """Each side's round and its stances (words and evidence): the earlier side (as the
    round that stated it last tells it), then the later; a side that says nothing is
    `not restated` when the stance stayed in force, `no stated position` otherwise."""
    out = []
    for number, side in ((changes.since, change.before), (changes.until, change.after)):
        if change.kind == "unchanged" and number == changes.since:
            continue  # the same words twice say nothing: the later round's evidence is enough
        if side:
            out.append((f"Round {side[0].round}", [(words(s), evidence(s)) for s in side]))
        else:
            silent = NOT_RESTATED if change.kind == "not_restated" else NO_POSITION
            out.append((f"Round {number}", [(silent, [])]))
    return out


def event_line(event: Event) -> str:
    status = STATUS.get(event.status)
    return f"{event.title} ({status})" if status else event.title


def record_cite(changes: Changes, dated: Dated) -> str:
    brief = changes.case.rounds[dated.round - 1].brief
    return " ".join(cite(dated.round, _short(brief, a)) for a in anchors_of(brief, dated.record))


def _short(brief: Brief, anchor: Anchor) -> str:
    return short_citation(brief, citation_groups(brief, (anchor,)))


def quotes_by_party(changes: Changes) -> list[tuple[str, list[DatedQuote]]]:
    """The new quotes under their speaker's party, parties in the case's order."""
    groups: dict[str, list[DatedQuote]] = {}
    for dated in changes.new_quotes:
        brief = changes.case.rounds[dated.round - 1].brief
        party = brief.party_of(dated.record.id)
        groups.setdefault(party.name if party else "Other speakers", []).append(dated)
    return list(groups.items())


def speaker(changes: Changes, dated: DatedQuote) -> str:
    quote = dated.record
    name = changes.case.label(quote.speaker)
    return f"{name}, {quote.said.display()}" if quote.said else name


def quote_words(quote: Quote) -> str:
    text = " ".join(quote.text.split())
    return f"\u201c{text}\u201d" if quote.quote_kind == "direct" else text


def version_line(version: EventVersion) -> str:
    return f"Round {version.round}: {version.describe()}"


def version_evidence(changes: Changes, version: EventVersion) -> list[Cited]:
    brief = changes.case.rounds[version.round - 1].brief
    found = []
    for anchor in version.event.evidence:
        text = brief.source(anchor.source).document.text[anchor.start : anchor.end]
        found.append(Cited(" ".join(text.split()), cite(version.round, _short(brief, anchor))))
    return found


def history_title(changes: Changes, history: EventHistory) -> str:
    return history.versions[-1].event.title


def sources(changes: Changes, glue: Callable[[str], str] = str) -> list[tuple[str, list[tuple[str, str]]]]:
    """Each round in the digest and its sources: `[1]` and `Title (Publisher, date)`."""
    numbers = sorted(
        {changes.since, changes.until}
        | {s.round for c in changes.stances for s in (*c.before, *c.after)}  # an older round's stance in force
        | {d.round for d in changes.new_events}
        | {d.round for d in changes.new_quotes}
        | {v.round for h in (*changes.disputes, *changes.updated_events) for v in h.versions}
    )
    out = []
    for number in numbers:
        brief = changes.case.rounds[number - 1].brief
        lines = []
        for n, source in enumerate(brief.sources, start=1):
            who = f"{source.publisher}, " if source.publisher else ""
            lines.append((f"[{n}]", f"{source.title} ({who}{glue(source.published.display())})"))
        out.append((f"R{number}", lines))
    return out


__all__ = ["Cited", "Evidence", "NOT_RESTATED", "NO_POSITION", "TITLES"]
