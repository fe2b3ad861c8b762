"""Benchmark driver: the case keys' latencies as the terminal sees them, beside the reference.

    python benchmarks/_case_keys.py FOLDER [--samples N]

Starts, each in its own 120x40 pseudo-terminal read by a VT emulator (`benchmarks/_pty.py`),
the reader on the case FOLDER (`python -m peacebrief FOLDER`) and the key reference:
Textual's own OptionList holding as many rows as the case's timeline (`_reference.py list
N`), as `benchmarks/_keys.py` does for one brief. Once the reader shows every round, each
sample times one cursor move in the reference, then one key of the reader, alternating
(`_keys.Session`):

- round: `]` in the timeline: the round filter steps to the next round (and back to every
  round after the last), and the timeline shows that round's events;
- changes: `c` on the issues pane opens the changes view of the matrix's round against the
  one before (`escape` closes it and `]` steps the matrix's round, both untimed).

Prints one JSON object: {"reader": {kind: [ms, ...]}, "reference": [ms, ...], "errors":
[...]}. A benchmark harness only: nothing in the product imports it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import _keys
import _pty

ESCAPE = b"\x1b"
LOADING = "loading round"


def timeline_rows(folder: Path) -> int:
    """Every round's events: the case's timeline holds them all."""
    import yaml

    from peacebrief.core.case import brief_files

    rows = 0
    for path in brief_files(folder):
        with open(path, "rb") as f:
            rows += len(yaml.load(f, Loader=yaml.CSafeLoader).get("events") or [])
    return rows


def every_round(d: _pty.Display) -> bool:
    """The reader's whole screen, with every round of the case read."""
    return _pty.whole_case_screen(d) and not any(LOADING in line for line in d.lines[:2])


def measure(folder: Path, samples: int) -> dict[str, object]:
    s = _keys.Session(
        folder, timeline_rows(folder), floor=False, kinds=("round", "changes"), shown=every_round, timeout=900
    )
    try:
        s.press(b"1")
        for _ in range(samples):
            s.timed("round", b"]")
        s.press(b"4")
        for _ in range(samples):
            if s.timed("changes", b"c") and not any("Changes from round" in line for line in s.lines()):
                s.errors.append("changes: c did not open the changes view")
            s.press(ESCAPE)
            s.press(b"]")  # the next round's matrix, and its changes
    finally:
        s.close()
    return {"reader": s.times, "reference": s.reference_times, "errors": sorted(set(s.errors))[:20]}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    parser.add_argument("--samples", type=int, default=30)
    args = parser.parse_args()
    json.dump(measure(args.folder, args.samples), sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
