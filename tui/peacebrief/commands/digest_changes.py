"""`peacebrief digest FOLDER --changes [--since ROUND]`: what changed since a round of a case."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from peacebrief.core.problems import BriefError

CHANGES_HELP = (
    "with a case FOLDER: what changed from a round to the latest: new events, changed, new, dropped "
    "(withdrawn) and not restated positions with both rounds' words, new quotes by party, disputed facts (--since ROUND picks the round; "
    "default: the one before the latest)"
)


def _fail(message: str, status: int) -> int:
    print(f"peacebrief digest: {message}", file=sys.stderr)
    return status


def run_changes(args: argparse.Namespace) -> int:
    from peacebrief.core.case import CaseError, load_case
    from peacebrief.core.changes import compare
    from peacebrief.core.changes_digest import render_changes

    folder = Path(args.brief) if args.brief else None
    if folder is None or not folder.is_dir():
        return _fail(f"--changes compares the rounds of a case: name its folder, not {folder or 'no folder'}", 2)
    if args.party or args.until:
        return _fail("--party and --until apply to one brief's digest, not to --changes", 2)
    try:
        case = load_case(folder)
    except CaseError as exc:
        return _fail(str(exc), 2)
    except BriefError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        errors = sum(1 for p in exc.problems if p.severity == "error")
        return _fail(
            f"{folder}: {errors} error{'s' * (errors != 1)}, no digest written (see `peacebrief check {folder}`)", 1
        )
    if len(case.rounds) < 2:
        return _fail(f"{folder} has one round only: there is nothing to compare it with yet", 2)
    try:
        since = case.round(args.since).number if args.since else None
        changes = compare(case, since=since)
    except (CaseError, ValueError) as exc:
        return _fail(f"{exc}; --since names an earlier round than the latest", 2)
    from peacebrief.commands.digest import write_output

    return write_output(args, render_changes(changes, fmt=args.format, width=args.width, ascii=args.ascii))
