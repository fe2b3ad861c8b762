"""Opening a case in the reader: its briefs through the cache, then as one brief.

The reader opens a case round by round: the first brief file at once (`open_first`), a
case of one round it shows right away, then the rest behind it (`open_rest`). Reading 50
briefs of 200 events takes the loader 1.8x their raw parse (the cache 0.3x), more than
the whole open may take; the first one takes a fiftieth of it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from peacebrief.core import collector
from peacebrief.core.cache import cached_brief, load_brief_cached
from peacebrief.core.case import Case, CaseError, brief_files, build_case, load_case
from peacebrief.core.case_brief import case_brief
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


def open_case(
    folder: Path, *, cached_only: bool = False, max_entry_bytes: int | None = None
) -> tuple[Case, Brief] | None:
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


# -- opening a case round by round ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FirstRound:
    """The case as far as its first brief file: what the reader shows while it reads the
    others (a case of 50 briefs takes seconds to read, even from the cache)."""

    case: Case
    brief: Brief
    files: tuple[Path, ...]  # every brief file of the folder, the first one read

    @property
    def complete(self) -> bool:
        return len(self.files) == 1


def open_first(folder: Path, *, cached_only: bool = False, max_entry_bytes: int | None = None) -> FirstRound | None:
    """The first brief file of `folder` (by name), through the cache, as a case of one round;
    with `cached_only`, None unless its cache entry is fresh. Raises `BriefError` when the
    folder holds no brief or the first one has errors."""
    try:
        files = tuple(brief_files(folder))
    except CaseError as exc:
        if cached_only:
            return None
        raise BriefError([Problem(path=str(folder), message=f"{exc}")]) from None
    with collector.paused():  # what is built here all stays: see `peacebrief.core.collector`
        if cached_only:
            first = cached_brief(files[0], max_entry_bytes=max_entry_bytes)
            if first is None:
                return None
        else:
            first = load_brief_cached(files[0])
        case = build_case(folder, [first])
        return FirstRound(case, case_brief(case), files)


class Stopped(Exception):
    """`open_rest` was told to stop: the reader that asked has quit, or reloads."""


def open_rest(
    folder: Path,
    first: FirstRound,
    progress: Callable[[int, int], None] | None = None,
    stop: threading.Event | None = None,
) -> tuple[Case, Brief]:
    """The whole case, its first brief as `first` read it and every other through the cache;
    `progress(read, of)` after each brief. Raises `BriefError` as `load_case_cached`, and
    `Stopped` before the next brief once `stop` is set."""
    known = {first.files[0]: first.case.rounds[0].brief}
    count = len(first.files)
    read = 0

    def load(path: Path) -> Brief:
        nonlocal read
        if stop is not None and stop.is_set():
            raise Stopped
        brief = known.get(path) or load_brief_cached(path)
        read += 1
        if progress is not None:
            progress(read, count)
        return brief

    with collector.paused():
        try:
            case = load_case(folder, load=load)
        except CaseError as exc:
            raise BriefError([Problem(path=str(folder), message=f"{exc}")]) from None
        return case, case_brief(case)
