"""`peacebrief digest`: a brief as plain text to paste into an e-mail (or Markdown, or JSON).

Imports only the core: no Textual, so the command starts fast and runs where no terminal
UI can (cron, CI, a pipe).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from peacebrief.core.bundled import default_brief
from peacebrief.core.digest import (
    DEFAULT_WIDTH,
    FORMATS,
    MIN_WIDTH,
    DigestError,
    render_digest,
)
from peacebrief.core.digest.view import parse_bound
from peacebrief.core.loader import load_brief
from peacebrief.core.problems import BriefError
from peacebrief.core.visible import escape_invisible, visible

HELP = "write a plain-text digest of a brief (or Markdown, or JSON)"
DESCRIPTION = f"""\
Write a digest of a brief: the bottom line, key points, timeline, each party's
positions, delegations, quotes with citations such as [1 ¶4] (source 1, paragraph 4,
counted as a reader counts them, headings left out) and the sources. A quote with no
date of its own shows its source's, marked "reported"; quotes of one speaker repeating
the same words of a source are one line. Plain text by default, ready to paste into an
e-mail: no colours or markup, wrapped at --width columns with aligned, hanging
columns; the same brief always gives the same bytes.

Formats: text (default), markdown (headings, a table of positions, block quotes)
and json (every record, anchors resolved to offsets and paragraphs, the sha256 of
each source, and links; the shape is documented in docs/digest-json.md). --width
shapes the text format only.

Filters: --party keeps what concerns one party (its events, positions, people and
quotes); --since and --until keep the events and quotes whose dates overlap the
window (quotes with no date of their own are then left out). The digest's header says what was left out.

Examples:
  peacebrief digest                          the bundled brief, to the screen
  peacebrief digest brief.yaml -o brief.txt  write a file (refuses to overwrite)
  peacebrief digest --party russia --since 2026-02 --width 60
  peacebrief digest --format json | jq '.quotes[].text'
  peacebrief digest cases/tarren-valley --changes --since 1

Exit status: 0 on success, 1 when the brief has errors (listed as `check` lists
them) or the file cannot be written, 2 on a usage error (a width under {MIN_WIDTH}, an
unknown party, a bad date, a brief file that does not exist, an -o FILE that exists
without --force)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "brief",
        nargs="?",
        metavar="BRIEF",
        help="the brief file (default: the bundled brief), or a case folder with --changes",
    )
    parser.add_argument("--changes", action="store_true", help=_changes_help())
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write the digest to FILE instead of standard output (atomically; '-' is standard output)",
    )
    parser.add_argument("--force", action="store_true", help="let -o overwrite an existing file")
    parser.add_argument(
        "--width",
        type=_width,
        default=DEFAULT_WIDTH,
        metavar="N",
        help=f"wrap the text format at N columns (default {DEFAULT_WIDTH}, at least {MIN_WIDTH})",
    )
    parser.add_argument("--format", choices=FORMATS, default="text", help="text (default), markdown or json")
    parser.add_argument("--party", metavar="ID", help="keep only what concerns this party (a party id of the brief)")
    parser.add_argument(
        "--since",
        metavar="DATE",
        help="keep events and quotes from DATE on: YYYY, YYYY-MM or YYYY-MM-DD (with --changes: a ROUND, by number or brief id)",
    )
    parser.add_argument(
        "--until",
        type=_date,
        metavar="DATE",
        help="keep events and quotes up to DATE (the whole month or year when DATE is one)",
    )
    parser.add_argument(
        "--ascii",
        action="store_true",
        help="fold typographic punctuation to ASCII: “” to \", – to -, — to --, … to ..., ¶ to 'para'",
    )


def _width(text: str) -> int:
    try:
        width = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of columns") from None
    if width < MIN_WIDTH:
        raise argparse.ArgumentTypeError(f"{width} is too narrow; the width must be at least {MIN_WIDTH}")
    return width


def _date(text: str) -> str:
    try:
        parse_bound(text)
    except DigestError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return text


def _fail(message: str, status: int) -> int:
    print(f"peacebrief digest: {message}", file=sys.stderr)
    return status


def _changes_help() -> str:
    from peacebrief.commands.digest_changes import CHANGES_HELP

    return CHANGES_HELP


def run(args: argparse.Namespace) -> int:
    path = Path(args.brief) if args.brief else default_brief()
    if args.output == "":
        return _fail("-o needs a file name ('-' is standard output)", 2)
    if args.changes:
        from peacebrief.commands.digest_changes import run_changes

        return run_changes(args)
    if not path.exists() and not path.is_symlink():  # a symlink loop: the loader says so
        return _fail(f"{visible(str(path))}: no such file", 2)
    if path.is_dir():
        from peacebrief.core.case import CaseError, brief_files

        try:
            brief_files(path)
        except CaseError as exc:
            return _fail(visible(str(exc)), 2)
        return _fail(
            f"{visible(str(path))} is a case folder: add --changes for what changed between its rounds, or name one of its briefs",
            2,
        )
    if args.since:
        try:
            _date(args.since)
        except argparse.ArgumentTypeError as exc:
            return _fail(f"--since: {visible(str(exc))}", 2)
    try:
        brief = load_brief(path)
    except BriefError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        errors = sum(1 for p in exc.problems if p.severity == "error")
        return _fail(f"{visible(str(path))}: {errors} error{'s' * (errors != 1)}, no digest written", 1)
    try:
        text = render_digest(
            brief,
            fmt=args.format,
            width=args.width,
            party=args.party,
            since=args.since,
            until=args.until,
            ascii=args.ascii,
        )
    except DigestError as exc:
        return _fail(visible(str(exc)), 2)
    return write_output(args, text)


def write_output(args: argparse.Namespace, text: str) -> int:
    """The digest to `-o FILE` (atomically, never over a file unless --force) or to standard output."""
    if args.format == "json":
        text = escape_invisible(text)  # the same JSON once parsed; nothing raw for a terminal
    if args.output and args.output != "-":
        from peacebrief.core.export import (  # secrets, random, hmac: for -o only
            ExportError,
            ExportExistsError,
            write_atomic,
        )

        try:
            written = write_atomic(args.output, text, force=args.force)
        except ExportExistsError as exc:  # asked to write over a file without --force: a usage error
            return _fail(visible(str(exc)), 2)
        except ExportError as exc:
            return _fail(visible(str(exc)), 1)
        print(f"peacebrief digest: wrote {visible(str(written))}", file=sys.stderr)
        return 0
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except UnicodeEncodeError:
        return _fail("this terminal cannot show the digest's characters; add --ascii, or write a file with -o", 1)
    return 0
