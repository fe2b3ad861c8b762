"""`peacebrief [BRIEF | FOLDER]`, `peacebrief --example`: open the reader. The only command that imports Textual."""

from __future__ import annotations

import argparse
import errno
import os
import stat
import sys
from pathlib import Path

from peacebrief.commands.usage import BRIEF_ERRORS, USAGE, is_empty, not_a_brief
from peacebrief.core.bundled import default_brief
from peacebrief.core.visible import visible


def run(args: argparse.Namespace) -> int:
    if getattr(args, "example", False):
        from peacebrief.core.bundled import example_case

        path = example_case()
    else:
        path = Path(args.brief) if args.brief else default_brief()
    refused = _refused(path)
    if refused is not None:
        message, status = refused
        print(f"peacebrief: {visible(str(path))}: {message}", file=sys.stderr)
        return status
    # Said on the terminal, before any screen: a full-screen error for a file that is not
    # a brief at all would only hide the shell prompt the user needs next.
    unusable = not_a_brief(path)
    if unusable:
        print(f"peacebrief: {unusable}", file=sys.stderr)
        return USAGE
    if is_empty(path):
        print(
            f"peacebrief: {visible(str(path))}:1:1: the file is empty: a brief starts with `peacebrief: 1` "
            "(see docs/format.md)",
            file=sys.stderr,
        )
        return BRIEF_ERRORS
    from peacebrief.app.app import BriefApp

    app = BriefApp(path)
    app.run()
    # Textual's status after a crash (1); 1 too when the brief never opened.
    return app.return_code or (1 if app.brief is None and app.open_failed else 0)


def _refused(path: Path) -> tuple[str, int] | None:
    """Why the reader cannot open `path` at all, and the exit status; None when it may try.

    A pipe or a device would leave the reader on its loading screen for ever: refused here,
    before the terminal is taken over. Whatever else is wrong the reader shows itself."""
    try:
        status = os.stat(path)
    except FileNotFoundError:
        return "no such file or folder", 2
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "is a loop of symbolic links", 1
        return f"cannot be read: {exc.strerror or exc}", 1
    except ValueError as exc:
        return f"cannot be read: {exc}", 2
    if not stat.S_ISREG(status.st_mode) and not stat.S_ISDIR(status.st_mode):  # a folder is a case
        return "is not a regular file (a pipe or a device?): a brief must be a text file", 1
    return None
