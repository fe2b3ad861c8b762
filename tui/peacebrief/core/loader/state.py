"""What the passes over one brief share, and the signals that end or redirect a pass."""

from __future__ import annotations

from yaml.constructor import SafeConstructor
from yaml.nodes import Node

from peacebrief.core.loader.rules import SECTIONS, LoadLimits
from peacebrief.core.loader.vet import Found, vet
from peacebrief.core.problems import Problem

TYPE_CHECKING = False  # not `typing`'s: `check` and `digest` start without importing it
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any, TypeVar

    from peacebrief.core.anchors import DocumentIndex
    from peacebrief.core.dates import BriefDate
    from peacebrief.core.model import KeyPoint, Kind
    from peacebrief.core.yamlstream import StreamComposer

    T = TypeVar("T")


class Refused(Exception):
    """What vetting refuses: reported alone, since nothing else was read safely."""

    def __init__(self, found: Found) -> None:
        super().__init__(found[0][1])
        self.found = found


class Fallback(Exception):
    """The one pass cannot finish this brief: read it again in two passes."""


class Later(Exception):
    """A record names an id not read yet: build it when every id is known."""


class Abort(Exception):
    """Reading cannot go on (an alias bomb, absurd nesting): report this and stop."""

    def __init__(self, node: Node, message: str) -> None:
        super().__init__(message)
        self.node = node
        self.message = message


class LoadState:
    """One reading of a brief: what it has learnt, built and found wrong so far."""

    def __init__(self, label: str, path: Path, limits: LoadLimits, budget: int, *, strict: bool = False) -> None:
        self.label = label
        self.path = path
        self.limits = limits
        self.budget = budget  # node visits allowed in a pass (aliases make a node count again)
        self.visits = 0
        self.strict = strict  # the one pass: its first error raises `Fallback` instead
        self.muted = False  # errors go unsaid (the first pass said them)
        self.problems: list[Problem] = []
        self.kinds: dict[str, Kind] = {}  # every id accepted -> the kind of its record
        self.accepted: dict[str, list[str | None]] = {section: [] for section, _ in SECTIONS}  # ids, in file order
        self.built: dict[str, list[Any]] = {section: [] for section, _ in SECTIONS}
        self.indexes: dict[str, DocumentIndex] = {}  # source id -> its document's index
        self.single_source: str | None = None
        # Whether every id is known, and every source read: until then a reference to an
        # unknown id, or an anchor that leaves its source out, raises `Later`.
        self.final = self.sources_final = True
        self.composer: StreamComposer | None = None  # while records are streamed from it
        self.refused: Found = []
        self.vetted = 0  # values vetted so far, aliases expanded: bounded by the budget
        # Where each key given twice that `values.mapping` has reported stands (line, column):
        # the same place in both passes, whose nodes are not the same objects.
        self.said_twice: set[tuple[int, int]] = set()
        self.scalars = SafeConstructor()
        # Equal values read again and again (a date, a place, a list of party ids) are kept
        # once: a brief of 150,000 records repeats most of its short values thousands of times.
        self.dates: dict[object, BriefDate] = {}
        self.shared: dict[object, Any] = {}
        # The brief's own fields, once read.
        self.brief_id: str | None = None
        self.title: str | None = None
        self.as_of: BriefDate | None = None
        self.summary: str | None = None
        self.key_points: list[KeyPoint] = []

    def share(self, value: T) -> T:
        """One object for equal values (immutable ones: str, tuples of str)."""
        return self.shared.setdefault(value, value)  # type: ignore[no-any-return]

    def error(self, node: Node | None, message: str, record: str | None = None) -> None:
        if self.muted:
            return
        if self.strict:
            raise Fallback  # the two passes report it, with all the others
        mark = node.start_mark if node is not None else None
        line = mark.line + 1 if mark is not None else None
        column = mark.column + 1 if mark is not None else None
        self.problems.append(Problem(self.label, message, line, column, record))

    def warn(self, node: Node, message: str, record: str | None) -> None:
        """A warning: said in every pass, and the brief loads with it."""
        mark = node.start_mark
        self.problems.append(Problem(self.label, message, mark.line + 1, mark.column + 1, record, "warning"))

    def failed(self) -> bool:
        return any(p.severity == "error" for p in self.problems)

    def vet(self, node: Node, depth: int) -> None:
        """Vet `node` within what is left of the budget; raise `Refused` when the refusal
        ends the reading."""
        found, values = vet(node, self.budget - self.vetted, self.limits.max_depth, depth)
        self.refused += found
        if values < 0:
            raise Refused(self.refused)
        self.vetted += values
