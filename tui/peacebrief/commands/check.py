"""`peacebrief check`: every rule of the format, on one brief or many."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from peacebrief.core.bundled import bundled_briefs
from peacebrief.core.loader import load_brief
from peacebrief.core.model import Brief
from peacebrief.core.problems import BriefError, Problem
from peacebrief.core.visible import escape_invisible, visible

HELP = "check briefs against the format: ids, dates, anchors, sources, sha256"
DESCRIPTION = """\
Check briefs against every rule of the format: fields, ids and references, dates,
anchors into the source documents (and the sha256 of each document).

Prints one line per problem, `path:line:col: record-id: message`, in file order, then a
summary line per brief. Review marks (`review:`) are listed as warnings.

Exit status: 0 when every brief is clean, 1 when a brief has errors, 2 on a usage error
(such as a brief file that does not exist).

A folder is a case: its briefs, one per round, are checked one by one, then together:
an id must name the same party, person or issue in every brief (else an error at the
brief that differs), and an event that two briefs date or tell differently is listed as
disputed (a warning naming both places)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "briefs",
        nargs="*",
        metavar="BRIEF",
        help="brief files to check, or case folders (every brief in one, then the case as a whole); default: the bundled briefs",
    )
    parser.add_argument("--json", action="store_true", help="write the findings as JSON to standard output")


def anchor_count(brief: Brief) -> int:
    return (
        sum(len(e.evidence) for e in brief.events) + sum(len(p.evidence) for p in brief.positions) + len(brief.quotes)
    )


def record_count(brief: Brief) -> int:
    return len(brief.records)


def _summary(path: str, brief: Brief | None, problems: list[Problem]) -> str:
    path = visible(path)
    errors = sum(1 for p in problems if p.severity == "error")
    if brief is None:
        return f"{path}: {errors} error{'s' * (errors != 1)}, brief not loaded"
    marks = brief.review_count
    review = f", {marks} review mark{'s' * (marks != 1)}" if marks else ""
    return f"{path}: ok, {record_count(brief)} records, {anchor_count(brief)} anchors verified{review}"


Checked = tuple[str, Brief | None, list[Problem]]  # a path, its brief (None: refused), its problems


def run(args: argparse.Namespace) -> int:
    paths = [Path(p) for p in args.briefs] or bundled_briefs()
    if not paths:
        print("peacebrief check: no bundled briefs found; name a brief file", file=sys.stderr)
        return 2
    missing = [p for p in paths if not p.exists() and not p.is_symlink()]  # a symlink loop: the loader says so
    if missing:
        for path in missing:
            print(f"peacebrief check: {visible(str(path))}: no such file", file=sys.stderr)
        return 2
    cases: dict[str, list[Path]] = {}
    if any(p.is_dir() for p in paths):
        from peacebrief.commands.check_case import CaseError, expand

        try:
            paths, cases = expand(paths)
        except CaseError as exc:
            print(f"peacebrief check: {visible(str(exc))}", file=sys.stderr)
            return 2
    results = [_check(path) for path in paths]
    reports = _case_reports(cases, results)
    failed = any(brief is None for _, brief, _ in results) or any(not r.ok for r in reports)
    if args.json:
        _write_json(results, reports, failed)
    else:
        _write_text(results, reports)
    return 1 if failed else 0


def _check(path: Path) -> Checked:
    try:
        brief = load_brief(path)
    except BriefError as exc:
        return str(path), None, exc.problems
    return str(path), brief, list(brief.warnings)


def _write_json(results: list[Checked], reports: list, failed: bool) -> None:
    import json  # only for --json: every other run starts without it

    payload = {
        "ok": not failed,
        "briefs": [
            {
                "path": path,
                "ok": brief is not None,
                "records": record_count(brief) if brief else None,
                "anchors": anchor_count(brief) if brief else None,
                "review_marks": brief.review_count if brief else None,
                "problems": [p.as_dict() for p in problems],
            }
            for path, brief, problems in results
        ],
    }
    if reports:
        payload["cases"] = [r.as_dict() for r in reports]
    # The exact strings, with what a terminal would act on (C1 controls, bidi
    # overrides, invisible characters) written as JSON escapes: the same once parsed.
    sys.stdout.write(escape_invisible(json.dumps(payload, ensure_ascii=False, indent=2)) + "\n")


def _write_text(results: list[Checked], reports: list) -> None:
    for path, brief, problems in results:
        for problem in problems:
            print(problem)
        print(_summary(path, brief, problems))
    for report in reports:
        for problem in report.problems:
            print(problem)
        print(report.summary())


def _case_reports(cases: dict[str, list[Path]], results: list) -> list:
    if not cases:
        return []
    from peacebrief.commands.check_case import check_cases

    return check_cases(cases, results)
