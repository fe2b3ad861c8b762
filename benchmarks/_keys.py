"""Benchmark driver: key latencies as the terminal sees them, the reader beside its reference.

    python benchmarks/_keys.py BRIEF [--samples N]

Starts, each in its own 120x40 pseudo-terminal read by a VT emulator (`benchmarks/_pty.py`),
the reader on BRIEF (`python -m peacebrief BRIEF`) and the reference: Textual's own
OptionList holding as many rows as the brief's timeline (`benchmarks/_reference.py list N`).
Once both show their whole screen, each sample times one cursor move in the reference
(`down`, or `up` for the last third), then one key of the reader, alternating, so both see
the same machine. A key's time runs from writing its bytes to the pty to the first display
that shows its whole effect (see `_pty.Terminal.key`).

N samples per kind (default 50):

- cursor: `down` in the timeline (two thirds of the samples, so the list scrolls), then `up`;
- pane: the keys 2, 3, 4, 5, 1 in turn;
- link: in the timeline, move to the next event and press `enter` (untimed) to reach the
  detail panel's links, the cursor on the first, then `enter` (timed): follow it;
- back: `backspace` (timed) right after each link follow;
- search: `/` (untimed) opens the search box; type words common in the brief's quotes one
  character at a time, each keystroke timed (characters on screen only: the box's cursor
  blinks); `escape` (untimed) closes it before the next word.

And the floor of a pane switch: the same number of keys `2`, `1` in a third pty, a bare
Textual app switching between two full-screen panes of static rows
(`_reference.py switch`), each after a reference move as well: what Textual itself costs
to draw a new screen, against the same reference.

`--kinds pane,link` times only those kinds (the floor is the kind `floor`).

Prints one JSON object: {"reader": {kind: [ms, ...]}, "floor": {"pane": [ms, ...]},
"reference": [ms, ...], "errors": [...]}: an error is a key that did not do what it should
(the numbers then mean little).
This file is a benchmark harness only; nothing in the product imports it.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import _pty

HERE = Path(__file__).resolve().parent
DOWN, UP, ESCAPE, BACKSPACE = b"\x1b[B", b"\x1b[A", b"\x1b", b"\x7f"


def common_words(path: Path, count: int = 12) -> list[str]:
    """The brief's most frequent quote words of 6-10 letters: what a reader would look for."""
    from peacebrief.core.cache import cached_brief
    from peacebrief.core.loader import load_brief

    brief = cached_brief(path) or load_brief(path)  # the reader has just cached it
    words: Counter[str] = Counter()
    for quote in brief.quotes:
        words.update(w for w in re.findall(r"[a-z]+", quote.text.casefold()) if 6 <= len(w) <= 10)
    return [w for w, _ in sorted(words.items(), key=lambda item: (-item[1], item[0]))[:count]] or ["the"]


def timeline_rows(path: Path) -> int:
    from peacebrief.core.cache import cached_brief
    from peacebrief.core.loader import load_brief

    return len((cached_brief(path) or load_brief(path)).events)


KINDS = ("cursor", "pane", "link", "back", "search", "floor")


class Session:
    """The reader on `target` (a brief, or a case's folder) beside the reference list of
    `rows` rows (and the floor's bare app, if `floor`), each once `shown` holds of its screen."""

    def __init__(
        self,
        target: Path,
        rows: int,
        floor: bool = True,
        *,
        kinds: tuple[str, ...] = KINDS,
        shown: Callable[[_pty.Display], bool] = _pty.whole_reader_screen,
        timeout: float = _pty.TIMEOUT,
    ) -> None:
        env = dict(os.environ)
        self.reader = _pty.Terminal.spawn([sys.executable, "-m", "peacebrief", str(target)], env)
        self.reference = _pty.Terminal.spawn([sys.executable, str(HERE / "_reference.py"), "list", str(rows)], env)
        self.floor = (
            _pty.Terminal.spawn([sys.executable, str(HERE / "_reference.py"), "switch"], env) if floor else None
        )
        self.reader.until(shown, timeout=timeout)
        self.reference.until(_pty.whole_list_screen)
        if self.floor is not None:
            self.floor.until(_pty.whole_switch_screen)
            self.floor.settle(0.5)
        self.reader.settle(0.5)
        self.reference.settle(0.5)
        self.times: dict[str, list[float]] = {k: [] for k in kinds}
        self.reference_times: list[float] = []
        self.moves = 0
        self.errors: list[str] = []

    def timed(self, kind: str, data: bytes, *, chars: bool = False) -> bool:
        """One reference cursor move, then the reader's key (the floor's, for `floor`);
        False if the key did nothing."""
        self.moves += 1
        self.reference_times.append(self.reference.key(UP if self.moves % 3 == 0 else DOWN))
        term = self.floor if kind == "floor" else self.reader
        try:
            self.times[kind].append(term.key(data, chars=chars))  # type: ignore[union-attr]
            return True
        except (KeyError, TimeoutError) as exc:
            self.errors.append(f"{kind}: {exc.args[0]}")
            return False

    def press(self, data: bytes) -> None:
        """An untimed key, let settle."""
        self.reader.write(data)
        self.reader.settle()

    def lines(self) -> tuple[str, ...]:
        self.reader.settle()
        return self.reader.displays[-1].lines if self.reader.displays else ()

    def close(self) -> None:
        for term in (self.reader, self.reference, self.floor):
            if term is not None:
                term.write(b"q")
                term.close()


def measure(brief: Path, samples: int, kinds: tuple[str, ...] = KINDS) -> dict[str, object]:
    s = Session(brief, timeline_rows(brief), floor="floor" in kinds)
    try:
        downs = samples * 2 // 3
        for i in range(samples if "cursor" in kinds else 0):
            s.timed("cursor", DOWN if i < downs else UP)
        for i in range(samples if "pane" in kinds else 0):
            key = "23451"[i % 5]
            if s.timed("pane", key.encode()) and f"─ {key} " not in s.lines()[1][:8]:
                s.errors.append(f"pane: key {key} did not show pane {key}: {s.lines()[1][:30]!r}")
        for i in range(samples if "floor" in kinds else 0):
            s.timed("floor", b"21"[i % 2 : i % 2 + 1])
        for _ in range(samples if "link" in kinds or "back" in kinds else 0):
            for key in (b"1", DOWN, b"\r"):
                s.press(key)
            s.timed("link", b"\r")
            s.timed("back", BACKSPACE)
            if "─ 1 Timeline" not in s.lines()[1]:
                s.errors.append(f"back: landed on {s.lines()[1][:30]!r}, not the timeline")
        words = common_words(brief)
        w = 0
        while "search" in kinds and len(s.times["search"]) < samples:
            word = words[w % len(words)]
            w += 1
            s.press(b"/")
            for char in word:
                if not s.timed("search", char.encode(), chars=True):
                    break
            if not any("found" in line for line in s.lines()):
                s.errors.append(f"search: after typing {word!r} no count of what was found is shown")
            s.press(ESCAPE)
            if len(s.errors) > 50:
                break
    finally:
        s.close()
    floor = {"pane": s.times.pop("floor")}
    return {"reader": s.times, "floor": floor, "reference": s.reference_times, "errors": sorted(set(s.errors))[:20]}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("brief", type=Path)
    parser.add_argument("--samples", type=int, default=50)
    parser.add_argument("--kinds", default=",".join(KINDS), help=f"which to time, of {','.join(KINDS)} (default: all)")
    args = parser.parse_args()
    kinds = tuple(k for k in args.kinds.split(",") if k)
    unknown = set(kinds) - set(KINDS)
    if unknown:
        parser.error(f"unknown kinds: {', '.join(sorted(unknown))}")
    json.dump(measure(args.brief, args.samples, kinds), sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
