"""What the loader reports: errors that refuse a brief and warnings that do not."""

from __future__ import annotations

from dataclasses import dataclass

from peacebrief.core.fields_repr import FieldsValue
from peacebrief.core.visible import visible

TYPE_CHECKING = False  # not `typing`'s: `check` and `digest` start without importing it
if TYPE_CHECKING:
    from typing import Literal

    Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class Problem(FieldsValue):
    """One finding, located in a file as precisely as the input allows."""

    path: str
    message: str
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based
    record: str | None = None
    severity: Severity = "error"

    def location(self) -> str:
        parts = [self.path]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def __str__(self) -> str:
        """`path:line:col: record-id: message`, safe to print: it quotes the brief's words,
        and a control character in them must not reach the terminal as itself."""
        record = f"{self.record}: " if self.record else ""
        # A broken brief's BriefError lists its review marks too: they must not read as errors.
        severity = "warning: " if self.severity == "warning" else ""
        return visible(f"{self.location()}: {record}{severity}{self.message}", keep_newlines=False)

    def sort_key(self) -> tuple[str, int, int]:
        return (self.path, self.line or 0, self.column or 0)

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "record": self.record,
            "severity": self.severity,
            "message": self.message,
        }


class BriefError(Exception):
    """A brief that cannot be loaded, with every error found, in file order."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=Problem.sort_key)
        super().__init__("\n".join(str(p) for p in self.problems))
