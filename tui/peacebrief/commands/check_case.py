"""`peacebrief check FOLDER`: a case's briefs one by one, then the case as a whole."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from peacebrief.core.case import CaseError, brief_files, build_case
from peacebrief.core.model import Brief
from peacebrief.core.problems import Problem


@dataclass(frozen=True, slots=True)
class CaseReport:
    folder: str
    rounds: int
    problems: tuple[Problem, ...]  # the case's own: ids that differ, disputed events
    failed_briefs: int  # briefs that did not load: the case is then not checked as a whole
    disputes: int

    @property
    def ok(self) -> bool:
        return not self.failed_briefs and not any(p.severity == "error" for p in self.problems)

    def summary(self) -> str:
        if self.failed_briefs:
            n = self.failed_briefs
            return f"{self.folder}: case not checked: {n} brief{'s' * (n != 1)} did not load"
        errors = sum(1 for p in self.problems if p.severity == "error")
        if errors:
            return f"{self.folder}: case of {self.rounds} rounds: {errors} error{'s' * (errors != 1)}"
        disputed = f", {self.disputes} disputed event{'s' * (self.disputes != 1)}" if self.disputes else ""
        return f"{self.folder}: case ok, {self.rounds} round{'s' * (self.rounds != 1)}{disputed}"

    def as_dict(self) -> dict[str, object]:
        return {
            "folder": self.folder,
            "ok": self.ok,
            "rounds": self.rounds,
            "disputed_events": self.disputes,
            "problems": [p.as_dict() for p in self.problems],
        }


def expand(paths: list[Path]) -> tuple[list[Path], dict[str, list[Path]]]:
    """The brief files to check, folders replaced by their briefs, and each case's files.

    Raises `CaseError` for a folder with no brief in it."""
    files: list[Path] = []
    cases: dict[str, list[Path]] = {}
    for path in paths:
        if path.is_dir():
            found = brief_files(path)
            cases[str(path)] = found
            files.extend(found)
        else:
            files.append(path)
    return files, cases


def check_cases(
    cases: dict[str, list[Path]], results: list[tuple[str, Brief | None, list[Problem]]]
) -> list[CaseReport]:
    """The case-wide findings of each folder, from the briefs already loaded."""
    loaded = {path: brief for path, brief, _ in results}
    reports = []
    for folder, files in cases.items():
        briefs = [loaded.get(str(f)) for f in files]
        failed = sum(1 for b in briefs if b is None)
        if failed:
            reports.append(CaseReport(folder, len(files), (), failed, 0))
            continue
        case = build_case(Path(folder), [b for b in briefs if b is not None])
        reports.append(CaseReport(folder, len(case.rounds), case.problems, 0, len(case.disputes)))
    return reports


__all__ = ["CaseError", "CaseReport", "check_cases", "expand"]
