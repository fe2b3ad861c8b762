"""`peacebrief [BRIEF | FOLDER]`, `peacebrief --example`: open the reader. The only command that imports Textual."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from peacebrief.commands.usage import BRIEF_ERRORS, USAGE, is_empty, not_a_brief
from peacebrief.core.bundled import default_brief


def run(args: argparse.Namespace) -> int:
    if getattr(args, "example", False):
        from peacebrief.core.bundled import example_case

        path = example_case()
    else:
        path = Path(args.brief) if args.brief else default_brief()
    # Said on the terminal, before any screen: a full-screen error for a file that is not
    # a brief at all would only hide the shell prompt the user needs next.
    unusable = not_a_brief(path)
    if unusable:
        print(f"peacebrief: {unusable}", file=sys.stderr)
        return USAGE
    if is_empty(path):
        print(f"peacebrief: {path}:1:1: the file is empty: a brief starts with `peacebrief: 1` "
              "(see docs/format.md)", file=sys.stderr)
        return BRIEF_ERRORS
    from peacebrief.app.app import BriefApp

    BriefApp(path).run()
    return 0
