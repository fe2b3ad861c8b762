"""`peacebrief [BRIEF]`: open the reader. The only command that imports Textual."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from peacebrief.core.bundled import default_brief


def run(args: argparse.Namespace) -> int:
    path = Path(args.brief) if args.brief else default_brief()
    if not path.exists():
        print(f"peacebrief: {path}: no such file", file=sys.stderr)
        return 2
    from peacebrief.app.app import BriefApp

    BriefApp(path).run()
    return 0
