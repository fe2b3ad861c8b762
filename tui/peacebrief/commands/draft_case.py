"""`peacebrief draft --case FOLDER`: the case a new round's draft joins."""

from __future__ import annotations

from pathlib import Path

from peacebrief.core.case import Case, CaseError, load_case
from peacebrief.core.problems import BriefError


class CaseUnusable(Exception):
    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


def load_case_for_draft(folder: Path) -> Case:
    """The case, or `CaseUnusable` saying why not (and what to run to see it)."""
    try:
        return load_case(folder)
    except CaseError as exc:
        raise CaseUnusable(f"--case {exc}", 2) from None
    except BriefError as exc:
        errors = [p for p in exc.problems if p.severity == "error"]
        first = errors[0] if errors else exc.problems[0]
        raise CaseUnusable(
            f"--case {folder}: the case does not load ({len(errors)} error{'s' * (len(errors) != 1)}; first: {first}); "
            f"fix it first (peacebrief check {folder})",
            1,
        ) from None
