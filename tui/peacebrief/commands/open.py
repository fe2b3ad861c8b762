"""`peacebrief [BRIEF | FOLDER]`, `peacebrief --example`: open the reader. The only command that imports Textual."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from peacebrief.core.bundled import default_brief


def run(args: argparse.Namespace) -> int:
    if getattr(args, "example", False):
        from peacebrief.core.bundled import example_case

        path = example_case()
    else:
        path = Path(args.brief) if args.brief else default_brief()
    if not path.exists():
        print(f"peacebrief: {path}: no such file or folder", file=sys.stderr)
        return 2
    from peacebrief.app.app import BriefApp

    BriefApp(path).run()
    return 0
