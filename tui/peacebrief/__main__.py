"""The `peacebrief` command (`[project.scripts]`) and `python -m peacebrief`."""

import sys

from peacebrief.core import collector

SHORT_LIVED = frozenset({"check", "digest"})  # commands that print and exit in a blink


def run() -> int:
    # The reader, which runs for hours, keeps its collector (see core/collector.py).
    if len(sys.argv) > 1 and sys.argv[1] in SHORT_LIVED:
        collector.off_for_a_short_command()
    from peacebrief.cli import main

    status = main()
    collector.skip_the_final_collections()
    return status


if __name__ == "__main__":
    raise SystemExit(run())
