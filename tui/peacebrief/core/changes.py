"""What changed between two rounds of a case: stances, events, quotes, disputed facts.

A stance is what a party's positions on an issue say in one round. A round that says
nothing of a stance leaves it in force; between an earlier round and a later one, each
party and issue is `new`, `changed`, `dropped` (withdrawn), `unchanged` or `not_restated`
(the rule and its words are in `peacebrief.core.stance_kinds`). The earlier side is the
stance in force at the earlier round, which an older round may have stated; the later
side is what the rounds after it say, the latest first.

Every stance carries the words of its sources, so a change is shown with both rounds'
evidence. Events and quotes are new when no round up to the earlier one has their id.

    from peacebrief.core.changes import compare
    changes = compare(case, since=2)          # round 2 against the latest round
"""

from __future__ import annotations

from dataclasses import dataclass

from peacebrief.core.case import Case, EventHistory, Round
from peacebrief.core.citation import anchors_of, citation_groups, short_citation
from peacebrief.core.model import Anchor, Event, Position, Quote
from peacebrief.core.stance_kinds import KINDS, LABELS, change_kind

TYPE_CHECKING = False  # not `typing`'s: `check` and `digest` start without importing it
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, TypeVar

    from peacebrief.core.stance_kinds import ChangeKind

    D = TypeVar("D", "DatedEvent", "DatedQuote")


@dataclass(frozen=True, slots=True)
class Evidence:
    """Words a stance stands on, as its round's source prints them."""

    words: str
    source: str  # the source's title
    citation: str  # `[1 ¶4]`, numbered within its round's brief
    anchor: Anchor
    place: str = ""  # `¶4` as a reader counts the paragraphs (`anchor.paragraph` is the block)


@dataclass(frozen=True, slots=True)
class Stance:
    """One position of a round, with its evidence."""

    round: int
    position: Position
    evidence: tuple[Evidence, ...]

    @property
    def words(self) -> str:
        return self.position.stance

    @property
    def withdrawn(self) -> bool:
        return self.position.withdrawn


@dataclass(frozen=True, slots=True)
class StanceChange:
    """A party's stance on an issue in the earlier and in the later round."""

    party: str
    issue: str
    kind: ChangeKind
    before: tuple[Stance, ...]  # in force at the earlier round, maybe stated by an older one (none: never stated)
    after: tuple[Stance, ...]  # the latest statement after it, up to the later round (none when not restated)


@dataclass(frozen=True, slots=True)
class DatedEvent:
    """An event and the round it comes from."""

    round: int
    record: Event


@dataclass(frozen=True, slots=True)
class DatedQuote:
    """A quote and the round it comes from."""

    round: int
    record: Quote


Dated = DatedEvent | DatedQuote


@dataclass(frozen=True, slots=True)
class Changes:
    """Everything that changed from round `since` to round `until`."""

    case: Case
    since: int
    until: int
    stances: tuple[StanceChange, ...]  # in the order of KINDS; issue then party order within a kind
    new_events: tuple[DatedEvent, ...]
    new_quotes: tuple[DatedQuote, ...]
    updated_events: tuple[EventHistory, ...]
    disputes: tuple[EventHistory, ...]

    def of_kind(self, kind: ChangeKind) -> tuple[StanceChange, ...]:
        return tuple(c for c in self.stances if c.kind == kind)

    def counts(self) -> dict[str, int]:
        """How many of each kind, in the order of KINDS (`not_restated` is `not restated` in LABELS)."""
        return {kind: len(self.of_kind(kind)) for kind in KINDS}

    def cell(self, party: str, issue: str) -> StanceChange | None:
        return next((c for c in self.stances if c.party == party and c.issue == issue), None)

    @property
    def before(self) -> Round:
        return self.case.rounds[self.since - 1]

    @property
    def after(self) -> Round:
        return self.case.rounds[self.until - 1]


def evidence_of(round_: Round, position: Position) -> tuple[Evidence, ...]:
    brief = round_.brief
    found = []
    for anchor in anchors_of(brief, position):
        source = brief.source(anchor.source)
        words = source.document.text[anchor.start : anchor.end]
        citation = short_citation(brief, citation_groups(brief, (anchor,)))
        found.append(
            Evidence(" ".join(words.split()), source.title, citation, anchor, source.document.place(anchor.paragraph))
        )
    return tuple(found)


def stances(round_: Round) -> dict[tuple[str, str], tuple[Stance, ...]]:
    """The round's stances by (party, issue), in the brief's order of positions."""
    found: dict[tuple[str, str], list[Stance]] = {}
    for position in round_.brief.positions:
        found.setdefault((position.party, position.issue), []).append(
            Stance(round_.number, position, evidence_of(round_, position))
        )
    return {key: tuple(value) for key, value in found.items()}


class CaseStances:
    """Each round's stances, worked out on first use and kept (a long case compares many
    pairs of rounds, and each stance's evidence costs a look into its sources), and the
    rounds that state each party's stance on each issue."""

    def __init__(self, case: Case) -> None:
        self.case = case
        self._rounds: dict[int, dict[tuple[str, str], tuple[Stance, ...]]] = {}
        self.told: dict[tuple[str, str], list[int]] = {}  # (party, issue): the rounds stating it, oldest first
        for round_ in case.rounds:
            for position in round_.brief.positions:
                told = self.told.setdefault((position.party, position.issue), [])
                if not told or told[-1] != round_.number:
                    told.append(round_.number)

    def of_round(self, number: int) -> dict[tuple[str, str], tuple[Stance, ...]]:
        found = self._rounds.get(number)
        if found is None:
            found = self._rounds[number] = stances(self.case.rounds[number - 1])
        return found

    def latest(self, key: tuple[str, str], upto: int, after: int = 0) -> tuple[Stance, ...]:
        """The stances of the latest round in (`after`, `upto`] that states `key`; none if none does."""
        told = self.told.get(key, ())
        number = next((n for n in reversed(told) if after < n <= upto), None)
        return self.of_round(number)[key] if number is not None else ()


_stances: dict[int, CaseStances] = {}


def case_stances(case: Case) -> CaseStances:
    """The case's `CaseStances`, kept for the case last asked about."""
    found = _stances.get(id(case))
    if found is None or found.case is not case:
        _stances.clear()
        found = _stances[id(case)] = CaseStances(case)
    return found


def _order(case: Case, section: str) -> dict[str, int]:
    """Ids of parties or issues in the order the latest round lists them, older rounds' after."""
    order: dict[str, int] = {}
    for round_ in reversed(case.rounds):
        for record in getattr(round_.brief, section):
            order.setdefault(record.id, len(order))
    return order


_compared: dict[tuple[int, int | None, int | None], tuple[Case, Changes]] = {}


def compare(case: Case, since: int | None = None, until: int | None = None) -> Changes:
    """The changes from round `since` (default: the one before `until`) to round `until`
    (default: the latest). Rounds are numbers from 1; `since` must come before `until`.

    Kept per pair of rounds of the case last asked about: the reader asks again for the
    same pair whenever the changes view or the export is opened."""
    key = (id(case), since, until)
    cached = _compared.get(key)
    if cached is not None and cached[0] is case:
        return cached[1]
    if any(other is not case for other, _ in _compared.values()):
        _compared.clear()
    changes = _compare(case, since, until)
    _compared[key] = (case, changes)
    return changes


def _compare(case: Case, since: int | None, until: int | None) -> Changes:
    until = len(case.rounds) if until is None else until
    since = until - 1 if since is None else since
    if not 1 <= until <= len(case.rounds):
        raise ValueError(f"no round {until}: the case has {len(case.rounds)}")
    if not 1 <= since < until:
        raise ValueError(f"round {since} does not come before round {until}")
    told = case_stances(case)
    parties, issues = _order(case, "parties"), _order(case, "issues")
    changes = []
    for key in sorted(told.told, key=lambda k: (issues.get(k[1], 0), parties.get(k[0], 0))):
        if told.told[key][0] > until:
            continue
        old, new = told.latest(key, since), told.latest(key, until, after=since)
        kind = change_kind([s.position for s in old], [s.position for s in new])
        if kind is not None:
            changes.append(StanceChange(key[0], key[1], kind, old, new))
    changes.sort(key=lambda c: KINDS.index(c.kind))  # stable: issue and party order within a kind
    first = _first_rounds(case)
    later = case.rounds[since:until]
    new_events = _new(later, "events", first, since, DatedEvent)
    new_quotes = _new(later, "quotes", first, since, DatedQuote)

    def in_window(history: EventHistory) -> bool:
        told = [v for v in history.versions if v.round <= until]
        return len(told) >= 2 and told[-1].round > since

    return Changes(
        case,
        since,
        until,
        tuple(changes),
        new_events,
        new_quotes,
        tuple(h for h in case.updates if in_window(h)),
        tuple(h for h in case.disputes if in_window(h)),
    )


_first: dict[int, tuple[Case, dict[str, int]]] = {}


def _first_rounds(case: Case) -> dict[str, int]:
    """The first round that has each event and quote id: worked out once per case, since
    the reader compares many pairs of rounds of a long case."""
    cached = _first.get(id(case))
    if cached is None or cached[0] is not case:
        first: dict[str, int] = {}
        for round_ in case.rounds:
            for record in (*round_.brief.events, *round_.brief.quotes):
                first.setdefault(record.id, round_.number)
        _first.clear()
        cached = _first[id(case)] = (case, first)
    return cached[1]


def _new(
    rounds: tuple[Round, ...], section: str, first: dict[str, int], since: int, dated: Callable[[int, Any], D]
) -> tuple[D, ...]:
    """The records of `rounds` whose ids no round up to `since` has."""
    found: dict[str, D] = {}
    for round_ in rounds:
        for record in getattr(round_.brief, section):
            if first[record.id] > since and record.id not in found:
                found[record.id] = dated(round_.number, record)
    return tuple(found.values())


def stance_history(case: Case, party: str, issue: str) -> tuple[Stance, ...]:
    """A party's stance on an issue in every round that states one, oldest first."""
    told = case_stances(case)
    return tuple(s for number in told.told.get((party, issue), ()) for s in told.of_round(number)[(party, issue)])


__all__ = ["KINDS", "LABELS", "Changes", "Dated", "Evidence", "Stance", "StanceChange", "compare", "stance_history"]
