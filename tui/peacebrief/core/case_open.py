"""Opening a case in the reader: its briefs through the cache, then as one brief."""

from __future__ import annotations

from pathlib import Path

from peacebrief.core.cache import cached_brief, load_brief_cached
from peacebrief.core.case import Case, CaseError, brief_files, build_case, load_case
from peacebrief.core.case_brief import case_brief
from peacebrief.core import collector
from peacebrief.core.model import Brief
from peacebrief.core.problems import BriefError, Problem


def cached_case(folder: Path, *, max_entry_bytes: int | None = None) -> Case | None:
    """The case from fresh cache entries of all its briefs, or None if any is missing or
    stale (or the case has errors): the reader then loads it behind its loading screen."""
    try:
        files = brief_files(folder)
    except CaseError:
        return None
    briefs = []
    for path in files:
        brief = cached_brief(path, max_entry_bytes=max_entry_bytes)
        if brief is None:
            return None
        briefs.append(brief)
    case = build_case(folder, briefs)
    return None if any(p.severity == "error" for p in case.problems) else case


def load_case_cached(folder: Path) -> Case:
    """`load_case` through the cache; raises `BriefError` with every problem, also for a
    folder that holds no brief (the reader shows it as it shows a brief's errors)."""
    try:
        return load_case(folder, load=load_brief_cached)
    except CaseError as exc:
        raise BriefError([Problem(path=str(folder), message=f"{exc}")]) from None


def open_case(folder: Path, *, cached_only: bool = False, max_entry_bytes: int | None = None) -> tuple[Case, Brief] | None:
    """The case and the one brief the reader shows it as; with `cached_only`, None unless
    every brief is in the cache."""
    with collector.paused():  # what is built here all stays: see `peacebrief.core.collector`
        case = cached_case(folder, max_entry_bytes=max_entry_bytes) if cached_only else load_case_cached(folder)
        return None if case is None else (case, case_brief(case))


def watched_files(folder: Path) -> list[Path]:
    try:
        return brief_files(folder)
    except CaseError:
        return [folder]
