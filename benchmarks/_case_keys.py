"""Benchmark driver: the case keys' latencies as the terminal sees them, beside the reference.

    python benchmarks/_case_keys.py FOLDER [--samples N]

Starts, each in its own 120x40 pseudo-terminal read by a VT emulator (`benchmarks/_pty.py`),
the reader on the case FOLDER (`python -m peacebrief FOLDER`) and the key reference:
Textual's own OptionList holding as many rows as the case's timeline (`_reference.py list
N`), as `benchmarks/_keys.py` does for one brief. Once the reader shows every round, each
sample times one cursor move in the reference, then one key of the reader, alternating
(once the notice of the last round switch has gone, see `Session.no_toast`):

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
import os
import sys
import time
from pathlib import Path

import _pty

HERE = Path(__file__).resolve().parent
DOWN, UP, ESCAPE = b"\x1b[B", b"\x1b[A", b"\x1b"
LOADING = "loading round"
TOAST = "Showing "  # the notice a round switch showed (it shows none now: the top line says the round)


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


class Session:
    def __init__(self, folder: Path, rows: int) -> None:
        env = dict(os.environ)
        self.reader = _pty.Terminal.spawn([sys.executable, "-m", "peacebrief", str(folder)], env)
        self.reference = _pty.Terminal.spawn([sys.executable, str(HERE / "_reference.py"), "list", str(rows)], env)
        self.reader.until(every_round, timeout=900)
        self.reference.until(_pty.whole_list_screen)
        self.reader.settle(0.5)
        self.reference.settle(0.5)
        self.times: dict[str, list[float]] = {"round": [], "changes": []}
        self.reference_times: list[float] = []
        self.moves = 0
        self.errors: list[str] = []

    def no_toast(self, timeout: float = 8.0) -> None:
        """Wait until the last `]`'s notice ("Showing round 2...") has gone: it goes by
        itself two seconds later, and its going, within a later key's time, is no part of
        that key's effect."""
        deadline = time.perf_counter() + timeout
        while any(TOAST in line for line in self.lines()) and time.perf_counter() < deadline:
            time.sleep(0.1)

    def timed(self, kind: str, data: bytes) -> bool:
        self.no_toast()
        self.moves += 1
        self.reference_times.append(self.reference.key(UP if self.moves % 3 == 0 else DOWN))
        try:
            self.times[kind].append(self.reader.key(data))
            return True
        except (KeyError, TimeoutError) as exc:
            self.errors.append(f"{kind}: {exc.args[0]}")
            return False

    def press(self, data: bytes) -> None:
        self.reader.write(data)
        self.reader.settle()

    def lines(self) -> tuple[str, ...]:
        self.reader.settle()
        return self.reader.displays[-1].lines if self.reader.displays else ()

    def close(self) -> None:
        for term in (self.reader, self.reference):
            term.write(b"q")
            term.close()


def measure(folder: Path, samples: int) -> dict[str, object]:
    s = Session(folder, timeline_rows(folder))
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
