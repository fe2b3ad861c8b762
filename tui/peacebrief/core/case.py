"""A case: the briefs of one negotiation, one per round, in one folder.

A case is a folder of briefs (`*.yaml` at its top level) that share ids for their
parties, people and issues. The rounds are the briefs in the order of their `as_of`
(then of their file names). What a case adds to its briefs' own rules:

- an id names the same record in every brief: the same kind, a party the same name, a
  person the same name and party, an issue the same title (an error otherwise, at the
  brief that differs from the first one to use the id);
- an event id given different dates or statuses by two briefs is *disputed* (a warning
  naming both places), unless the earlier brief only announced it (`scheduled`,
  `postponed`): a later round telling how a plan turned out is an *update*.

    from peacebrief.core.case import load_case
    case = load_case("cases/tarren-valley")
    for round_ in case.rounds: ...
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from peacebrief.core import collector
from peacebrief.core.model import Brief, Event, Issue, Party, Person, Record
from peacebrief.core.problems import BriefError, Problem

TYPE_CHECKING = False  # not `typing`'s: `check` and `digest` start without importing it
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

# An earlier version with one of these statuses announced the event; a later round that
# says how it went (or moves it again) updates it rather than disputing it.
PLANNED = ("scheduled", "postponed")


class CaseError(Exception):
    """A folder that is not a case: no briefs in it, or no such folder."""


@dataclass(frozen=True, slots=True)
class Round:
    """One brief of the case, numbered from 1 in `as_of` order."""

    number: int
    brief: Brief

    @property
    def name(self) -> str:
        return self.brief.id

    @property
    def file(self) -> str:
        return self.brief.path.name

    @property
    def tag(self) -> str:
        """`R2`: the round's mark in a list."""
        return f"R{self.number}"

    @property
    def label(self) -> str:
        return f"round {self.number}, {self.brief.title} (as of {self.brief.as_of.display()})"


@dataclass(frozen=True, slots=True)
class EventVersion:
    """An event as one round tells it."""

    round: int
    event: Event
    path: str  # the brief file, as the case names it

    @property
    def place(self) -> str:
        return f"{self.path}:{self.event.line}"

    def describe(self) -> str:
        return f"{self.event.date.display()}, {self.event.status}"


@dataclass(frozen=True, slots=True)
class EventHistory:
    """An event id that two rounds tell differently: disputed, or updated by a later round."""

    event_id: str
    disputed: bool
    fields: tuple[str, ...]  # "date", "status": what differs
    versions: tuple[EventVersion, ...]  # one per distinct telling, oldest round first


@dataclass(frozen=True, slots=True)
class Case:
    """The rounds of a case and what the case as a whole found."""

    folder: Path
    rounds: tuple[Round, ...]
    histories: tuple[EventHistory, ...] = ()
    problems: tuple[Problem, ...] = ()  # the case's own findings (the briefs keep theirs)

    @property
    def title(self) -> str:
        return self.latest.brief.title

    @property
    def latest(self) -> Round:
        return self.rounds[-1]

    @property
    def disputes(self) -> tuple[EventHistory, ...]:
        return tuple(h for h in self.histories if h.disputed)

    @property
    def updates(self) -> tuple[EventHistory, ...]:
        return tuple(h for h in self.histories if not h.disputed)

    def history_of(self, event_id: str) -> EventHistory | None:
        return next((h for h in self.histories if h.event_id == event_id), None)

    def round(self, key: str | int) -> Round:
        """A round by number (`2`), brief id, file name or file stem; `CaseError` if none."""
        text = str(key).strip()
        for round_ in self.rounds:
            if text in (
                str(round_.number),
                round_.tag,
                round_.tag.lower(),
                round_.name,
                round_.file,
                round_.brief.path.stem,
            ):
                return round_
        names = ", ".join(f"{r.number} ({r.name})" for r in self.rounds)
        raise CaseError(f"no round '{text}' in {self.folder}; its rounds are {names}")

    def record(self, record_id: str) -> tuple[Round, Record] | None:
        """The latest round that has `record_id`, and the record as that round has it."""
        for round_ in reversed(self.rounds):
            record = round_.brief.get(record_id)
            if record is not None:
                return round_, record
        return None

    def label(self, record_id: str) -> str:
        found = self.record(record_id)
        return found[1].label if found else record_id


def is_case(path: str | Path) -> bool:
    return Path(path).is_dir()


def brief_files(folder: str | Path) -> list[Path]:
    """The brief files of a case folder, by name; `CaseError` when there are none."""
    folder = Path(folder)
    if not folder.is_dir():
        raise CaseError(f"{folder}: no such folder")
    files = sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
    if not files:
        raise CaseError(f"{folder}: no briefs in it (a case is a folder of *.yaml briefs)")
    return files


def load_case(folder: str | Path, *, load: Callable[[Path], Brief] | None = None) -> Case:
    """Every brief of `folder`, checked one by one and as a case.

    Raises `BriefError` with every brief's errors and the case's own when any brief fails
    or an id names two different things; `CaseError` when the folder holds no brief.
    `load` reads one brief (the loader by default; the reader passes the cache's).
    """
    if load is None:
        from peacebrief.core.loader import load_brief

        load = load_brief
    problems: list[Problem] = []
    briefs: list[Brief] = []
    # One pause for the whole case: between two briefs the collector would walk all the
    # records of the briefs before, which all stay (the loader pauses it only within one).
    with collector.paused():
        for path in brief_files(folder):
            try:
                briefs.append(load(path))
            except BriefError as exc:
                problems.extend(exc.problems)
        if problems:
            raise BriefError(problems)
        case = build_case(Path(folder), briefs)
    if any(p.severity == "error" for p in case.problems):
        raise BriefError(list(case.problems))
    return case


def build_case(folder: Path, briefs: Iterable[Brief]) -> Case:
    """The case made of loaded briefs: ordered by `as_of`, with its cross-brief findings."""
    ordered = sorted(briefs, key=lambda b: (*b.as_of.sort_key(), b.path.name))
    rounds = tuple(Round(number, brief) for number, brief in enumerate(ordered, start=1))
    histories = event_histories(rounds)
    problems = id_problems(rounds) + [p for h in histories if h.disputed for p in _dispute_problems(h)]
    return Case(folder, rounds, tuple(histories), tuple(sorted(problems, key=Problem.sort_key)))


# -- an id names one thing ------------------------------------------------------------------


def _identity(brief: Brief, record: Record) -> tuple[str, tuple[tuple[str, str], ...]]:
    """What must stay the same for an id across briefs: its kind and how it is named."""
    if isinstance(record, Party):
        return "party", (("name", record.name),)
    if isinstance(record, Person):
        return "person", (("name", record.name), ("party", record.party))
    if isinstance(record, Issue):
        return "issue", (("title", record.title),)
    return record.kind, ()


def _shared_records(brief: Brief) -> Iterable[Record]:
    yield from brief.parties
    yield from brief.people
    yield from brief.issues


def id_problems(rounds: Sequence[Round]) -> list[Problem]:
    """An error for every brief that names a shared id differently from the first brief
    that has it, at the record that differs."""
    first: dict[str, tuple[Round, Record, tuple[str, tuple[tuple[str, str], ...]]]] = {}
    problems: list[Problem] = []
    for round_ in rounds:
        brief = round_.brief
        for record in _shared_records(brief):
            identity = _identity(brief, record)
            seen = first.get(record.id)
            if seen is None:
                first[record.id] = (round_, record, identity)
                continue
            other_round, other, other_identity = seen
            if identity != other_identity:
                problems.append(_id_problem(round_, record, identity, other_round, other, other_identity))
        # An id of a shared kind used here for a record of another kind (an event, a quote).
        for record_id, (other_round, other, other_identity) in first.items():
            mine = brief.get(record_id)
            if other_round is not round_ and mine is not None and mine.kind != other.kind:
                problems.append(_id_problem(round_, mine, (mine.kind, ()), other_round, other, other_identity))
    return problems


def _id_problem(
    round_: Round,
    record: Record,
    identity: tuple[str, tuple[tuple[str, str], ...]],
    other_round: Round,
    other: Record,
    other_identity: tuple[str, tuple[tuple[str, str], ...]],
) -> Problem:
    there = f"{other_round.brief.path}:{other.line}"
    kind, fields = identity
    other_kind, other_fields = other_identity
    if kind != other_kind:
        what = f"'{record.id}' is {_a(kind)} here but {_a(other_kind)} in {there}"
    else:
        theirs = dict(other_fields)
        diffs = [
            f"{name} '{value}' here but '{theirs[name]}' in {there}"
            for name, value in fields
            if theirs.get(name) != value
        ]
        what = f"{kind} '{record.id}' has {', '.join(diffs)}"
    return Problem(
        path=str(round_.brief.path),
        line=record.line or None,
        record=record.id,
        message=f"{what}; in a case an id names the same {other_kind} in every brief: make them agree, or give this one a new id",
    )


def _a(kind: str) -> str:
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"


# -- events told differently --------------------------------------------------------------


def event_histories(rounds: Sequence[Round]) -> list[EventHistory]:
    """Each event id whose date or status differs between rounds, in the latest round's order."""
    versions: dict[str, list[EventVersion]] = {}
    for round_ in rounds:
        for event in round_.brief.events:
            versions.setdefault(event.id, []).append(EventVersion(round_.number, event, str(round_.brief.path)))
    histories = []
    for event_id, told in versions.items():
        distinct: list[EventVersion] = []
        for version in told:
            if not distinct or _telling(distinct[-1].event) != _telling(version.event):
                if all(_telling(d.event) != _telling(version.event) for d in distinct):
                    distinct.append(version)
        if len(distinct) < 2:
            continue
        fields = tuple(
            name
            for name, index in (("date", 0), ("status", 1))
            if len({_telling(v.event)[index] for v in distinct}) > 1
        )
        histories.append(EventHistory(event_id, _disputed(distinct), fields, tuple(distinct)))
    return histories


def _telling(event: Event) -> tuple[str, str]:
    return event.date.iso(), event.status


def _disputed(versions: Sequence[EventVersion]) -> bool:
    """Disputed unless every version but the last only announced the event."""
    return any(v.event.status not in PLANNED for v in versions[:-1])


def _dispute_problems(history: EventHistory) -> list[Problem]:
    """A warning at each later version, naming the first version's place."""
    first = history.versions[0]
    return [
        Problem(
            path=version.path,
            line=version.event.line or None,
            record=history.event_id,
            severity="warning",
            message=(
                f"disputed {' and '.join(_differ(first.event, version.event))}: this brief has {version.describe()}, "
                f"{first.place} has {first.describe()}"
            ),
        )
        for version in history.versions[1:]
    ]


def _differ(a: Event, b: Event) -> list[str]:
    return [name for name, x, y in zip(("date", "status"), _telling(a), _telling(b), strict=True) if x != y]
