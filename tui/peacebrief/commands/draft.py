"""`peacebrief draft`: a first brief from new documents, every quote, speaker and date anchored."""

from __future__ import annotations

import argparse
import datetime as dt
import errno
import sys
from pathlib import Path

from peacebrief.core.visible import visible

HELP = "draft a brief from new documents: quotes, speakers, dates, each anchored"
DESCRIPTION = """\
Draft a brief (format 1) from plain-text documents: one source per document, every
passage in quotation marks as a direct quote, sentences with a reporting verb as
reported quotes, each with its speaker; the people and parties named; and a candidate
event for every dated sentence, its date resolved against the document's dateline
(`date YYYY-MM-DD` on the first line) or, when there is none, against --date.

Records the draft is unsure of carry `review: <reason>`; `peacebrief check` lists them.
What it writes loads as it stands: check it, then edit it.

With --brief EXISTING the output is that brief with the new records added at the end
of each section: every byte of it is kept, in order, and nothing it already has (the
same quote words, the same person, the same document) is added again. Its source paths
are relative to its folder, so the result is written for that folder (with -o, FILE must
be in it). A brief of one source may use short anchors (just the words); a second source
needs them in the long form: the draft stops and says so, unless --rewrite-anchors lets
it rewrite them (the only change it then makes to existing lines).

With --case FOLDER the draft is the next round of that case: each party, person and
issue it recognises (by name, a party's short name, a person's alias) takes the case's id
and name, and a person the case's party, so that `-o FOLDER/NEXT.yaml` joins the case
with no renaming (`peacebrief check FOLDER` then checks it with the others). A body the
document quotes ("the Movement said") is the case's party of that name, with its role;
words and people of no known side go to the party `unknown`, each marked for review.

The draft goes to standard output, or with -o to FILE, which is never overwritten
without --force. Source paths are written relative to FILE's folder (to the current
folder for standard output; to the existing brief's folder with --brief).

Exit status: 0 when the draft was written, 1 when a document or the existing brief
cannot be used (not UTF-8, does not load), 2 on a usage error (a document that does
not exist, a bad --date, no dateline and no --date, a FILE that exists without --force)."""

_MAX_BYTES = 16 * 1024 * 1024


class _Fail(Exception):
    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("documents", nargs="+", metavar="DOC", help="plain-text documents (UTF-8)")
    parser.add_argument(
        "--brief", metavar="EXISTING", help="add to this brief: match its people and parties, duplicate nothing"
    )
    parser.add_argument(
        "--case",
        metavar="FOLDER",
        help="draft the next round of this case: the parties, people and issues it recognises take the case's ids and names",
    )
    parser.add_argument("--date", metavar="YYYY-MM-DD", help="base date for documents without a dateline")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the brief to FILE (default: standard output)")
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    parser.add_argument(
        "--rewrite-anchors",
        action="store_true",
        help="with --brief: write the existing brief's short anchors in the long form when a second source is added",
    )


def run(args: argparse.Namespace) -> int:
    try:
        return _run(args)
    except _Fail as fail:
        print(f"peacebrief draft: {visible(str(fail))}", file=sys.stderr)  # a file name may hold ESC or BEL
        return fail.code


def _run(args: argparse.Namespace) -> int:
    from peacebrief.core.draft import MergeError, draft_text

    base_date = _parse_date(args.date) if args.date else None
    output = _output(args)
    case = _load_case(args) if args.case else None
    inputs = [_read_document(Path(name), base_date) for name in args.documents]
    existing = existing_text = None
    if args.brief:
        existing, existing_text = _load_existing(Path(args.brief))
    paths_from = output.parent if output is not None else Path(args.brief).parent if args.brief else Path.cwd()
    brief_id = _new_brief_id(output) if existing is None else None
    known = None
    if case is not None:
        from peacebrief.core.case_ids import case_parties

        known = case_parties(case)
    try:
        text, draft = draft_text(
            inputs,
            paths_from=paths_from,
            existing_brief=existing,
            existing_text=existing_text,
            brief_id=brief_id,
            rewrite_anchors=args.rewrite_anchors,
            case=known,
        )
    except MergeError as exc:
        raise _Fail(f"{args.brief}: {exc}", 1) from None
    if case is not None:
        from peacebrief.core.case_ids import adopt_case_ids

        text, _renamed = adopt_case_ids(text, case)
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return 0
    _check_loads(text, output)
    from peacebrief.core.export import ExportError, write_atomic

    try:
        write_atomic(output, text, force=args.force)
    except ExportError as exc:
        raise _Fail(str(exc), 1) from None
    records = sum(len(r) for r in draft.records.values())
    marks = draft.review_count
    added = "added to the brief" if existing is not None else "drafted"
    print(
        f"peacebrief draft: wrote {visible(str(output))}: {records} record{'s' * (records != 1)} {added}, "
        f"{marks} review mark{'s' * (marks != 1)}",
        file=sys.stderr,
    )
    return 0


def _output(args: argparse.Namespace) -> Path | None:
    """The file of -o (None: standard output), refused before any work if it cannot be written."""
    if args.output == "":
        raise _Fail("-o needs a file name ('-' is standard output)", 2)
    output = Path(args.output) if args.output and args.output != "-" else None
    if output is not None:
        if output.is_dir():
            raise _Fail(f"{output}: is a folder; name a file in it", 2)
        if output.exists() and not args.force:
            raise _Fail(f"{output} already exists; pass --force to overwrite it", 2)
        if not output.parent.resolve().is_dir():
            raise _Fail(f"{output}: the folder {output.parent} does not exist", 2)
    return output


def _new_brief_id(output: Path | None) -> str | None:
    """A new brief's id, from the name of the file it is written to."""
    if output is None:
        return None
    from peacebrief.core.draft.parties import slug

    return slug(output.stem)


def _load_case(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from peacebrief.commands.draft_case import CaseUnusable, load_case_for_draft

    if args.brief:
        raise _Fail("--case drafts a new brief for a case; --brief adds to one brief: give one of them", 2)
    try:
        return load_case_for_draft(Path(args.case))
    except CaseUnusable as exc:
        raise _Fail(str(exc), exc.code) from None


def _parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise _Fail(f"--date {text}: not a date; write YYYY-MM-DD", 2) from None


def _read_document(path: Path, base_date: dt.date | None):  # type: ignore[no-untyped-def]
    from peacebrief.core.anchors import read_document
    from peacebrief.core.draft import DocumentInput
    from peacebrief.core.files import FileRefused, read_regular

    try:
        data, _status = read_regular(path, _MAX_BYTES, what="document")
    except FileRefused as exc:
        if exc.errno == errno.EISDIR:
            raise _Fail(f"{path}: is a folder, not a document", 2) from None
        raise _Fail(f"{path}: {exc.strerror.removeprefix('the document ')}", 1) from None
    except IsADirectoryError:
        raise _Fail(f"{path}: is a folder, not a document", 2) from None
    except FileNotFoundError:
        raise _Fail(f"{path}: no such file", 2) from None
    except PermissionError:
        raise _Fail(f"{path}: cannot read it: permission denied", 1) from None
    except OSError as exc:
        raise _Fail(f"{path}: cannot read it: {exc.strerror or exc}", 1) from None
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise _Fail(f"{path}: is not UTF-8 text (byte {exc.start}, line {line}); save it as UTF-8", 1) from None
    if not text.strip():
        raise _Fail(f"{path}: is empty", 1)
    try:
        document = read_document(text)
    except ValueError as exc:
        raise _Fail(f"{path}: its dateline is not a valid date ({exc})", 1) from None
    if document.dateline is None and base_date is None:
        raise _Fail(
            f"{path}: has no dateline (`date YYYY-MM-DD` on its first line); give the base date with --date YYYY-MM-DD",
            2,
        )
    if not document.paragraphs:
        raise _Fail(f"{path}: has no text after its dateline", 1)
    return DocumentInput(path, data, text, base_date)


def _load_existing(path: Path):  # type: ignore[no-untyped-def]
    from peacebrief.core.loader import LoadLimits, load_brief, read_file
    from peacebrief.core.problems import BriefError

    if not path.exists() and not path.is_symlink():
        raise _Fail(f"{path}: no such brief", 2)
    try:
        data, _status = read_file(path, str(path), LoadLimits())  # once: what is parsed is what is merged into
        brief = load_brief(path, data=data)
    except BriefError as exc:
        count = sum(1 for p in exc.problems if p.severity == "error")
        first = exc.problems[0] if exc.problems else None
        raise _Fail(
            f"{path}: the brief does not load ({count} error{'s' * (count != 1)}; first: {first}); "
            f"fix it first (peacebrief check {path})",
            1,
        ) from None
    return brief, data.decode("utf-8").removeprefix("\ufeff")


def _check_loads(text: str, output: Path) -> None:
    """Load the draft as if it were FILE before FILE is written (its sources found from
    there, no file written to try it): a draft that would not load never replaces a brief."""
    from peacebrief.core.loader import load_brief
    from peacebrief.core.problems import BriefError

    try:
        load_brief(output, data=text.encode("utf-8"))
    except BriefError as exc:
        raise _Fail(f"the draft does not load, so {output} was not written: {exc.problems[0]}", 1) from None
