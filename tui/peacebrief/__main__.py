"""The `peacebrief` command (`[project.scripts]`) and `python -m peacebrief`."""

import gc
import sys

SHORT_LIVED = frozenset({"check", "digest"})  # commands that print and exit in a blink


def run() -> int:
    # `check` and `digest` live for a moment, and what their start-up builds (modules,
    # the brief) stays to the end: the cyclic collector would walk it again and again for
    # nothing, 2 ms of a 60 ms digest. The reader, which runs for hours, keeps its collector.
    short_lived = len(sys.argv) > 1 and sys.argv[1] in SHORT_LIVED
    if short_lived:
        gc.disable()
    from peacebrief.cli import main

    status = main()
    # The process ends here and the system takes back its memory: the interpreter's last
    # collections would walk every object of the run for nothing, 5 ms of a 60 ms digest.
    gc.freeze()
    return status


if __name__ == "__main__":
    raise SystemExit(run())
