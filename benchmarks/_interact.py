"""Benchmark driver: key latencies in the reader, measured in-process with Textual's Pilot.

    python benchmarks/_interact.py BRIEF [--samples N]

Opens BRIEF in `BriefApp` under `app.run_test(size=(120, 40))`, waits for the BriefScreen,
then drives each key with `await pilot.press(key); await pilot.pause()` and takes three
readings per key, all from `time.perf_counter()` / `time.process_time()`:

- `paint` (the figure): from just before the key is sent to the end of the last screen
  update it caused: the handlers, the messages they post, layout, the compositor's
  render and the encoding of the update into terminal output. A hook on `App._display`
  (harness-side) stamps each update and, since the headless driver writes nothing, does
  the encoding a terminal would get (`CompositorUpdate.render_segments`).
- `wall`: the whole `press(); pause()`. Pilot waits for the app to go idle by sleeping in
  20 ms slices until one passes with under 1 ms of CPU, three times per key (twice in
  press, once in pause), so this reading never goes below ~60 ms whatever the app does:
  it measures the harness, and is reported for reference only.
- `cpu`: process CPU time over the same window (all threads).

N samples per kind (default 60):

- cursor: `down` in the timeline (two thirds of the samples, so the list scrolls), then `up`;
- pane: the keys 2, 3, 4, 5, 1 in turn;
- link: in the timeline, move to the next event and press `enter` (untimed) to reach the
  detail panel's links, the cursor on the first, then `enter` (timed): follow it;
- back: `backspace` (timed) right after each link follow;
- search: `/` (untimed) opens the search box; type words common in the brief's quotes one
  character at a time, each keystroke timed until the results and their count are updated;
  `escape` (untimed) closes it before the next word.

Prints one JSON object: {"paint"|"wall"|"cpu": {kind: [ms, ...]}}, the seconds until the
brief was shown, and `errors`: any key that did not do what it should, or caused no screen
update (the numbers then mean little). The search box's cursor blink is switched off
(harness-side) so that a blink never passes for a keystroke's update.
This file is a benchmark harness only; nothing in the product imports it.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

SIZE = (120, 40)


def common_words(brief, count: int = 12) -> list[str]:  # type: ignore[no-untyped-def]
    """The brief's most frequent quote words of 6-10 letters: what a reader would look for."""
    words: Counter[str] = Counter()
    for quote in brief.quotes:
        words.update(w for w in re.findall(r"[a-z]+", quote.text.casefold()) if 6 <= len(w) <= 10)
    return [w for w, _ in sorted(words.items(), key=lambda item: (-item[1], item[0]))[:count]]


async def measure(path: Path, samples: int) -> dict[str, object]:
    from peacebrief.app.app import BriefApp
    from textual._compositor import CompositorUpdate
    from textual.app import App

    paints: list[float] = []
    display = App._display

    def stamped_display(self, screen, renderable):  # type: ignore[no-untyped-def]
        display(self, screen, renderable)
        if isinstance(renderable, CompositorUpdate):
            renderable.render_segments(self.console)  # what a real terminal would be sent
        if renderable is not None:
            paints.append(time.perf_counter())

    App._display = stamped_display  # type: ignore[method-assign]

    app = BriefApp(path)
    errors: list[str] = []
    kinds = ("cursor", "pane", "link", "back", "search")
    readings: dict[str, dict[str, list[float]]] = {r: {k: [] for k in kinds} for r in ("paint", "wall", "cpu")}
    started = time.perf_counter()
    async with app.run_test(size=SIZE) as pilot:

        async def timed(key: str, kind: str) -> None:
            mark = len(paints)
            c0 = time.process_time()
            t0 = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            t1 = time.perf_counter()
            readings["wall"][kind].append((t1 - t0) * 1000)
            readings["cpu"][kind].append((time.process_time() - c0) * 1000)
            if len(paints) > mark:
                readings["paint"][kind].append((paints[-1] - t0) * 1000)
            else:
                errors.append(f"{kind}: key {key} caused no screen update")

        while type(app.screen).__name__ != "BriefScreen":
            if type(app.screen).__name__ == "ProblemsScreen":
                raise SystemExit(f"{path}: the brief did not load")
            if time.perf_counter() - started > 900:
                raise SystemExit(f"{path}: not shown after 900 s")
            await pilot.pause(0.05)
        await pilot.pause()
        shown = time.perf_counter() - started
        screen = app.screen

        def pane() -> str | None:
            return getattr(screen, "current_pane", None)

        def focused() -> str:
            return type(screen.focused).__name__ if screen.focused is not None else "None"

        # cursor moves in the timeline
        await pilot.press("1")
        await pilot.pause()
        downs = samples * 2 // 3
        for i in range(samples):
            await timed("down" if i < downs else "up", "cursor")
        if focused() != "RecordList":
            errors.append(f"cursor: focus is on {focused()}, not the timeline list")

        # pane switches
        keys = ["2", "3", "4", "5", "1"]
        names = ["delegations", "quotes", "issues", "source", "timeline"]
        for i in range(samples):
            key = keys[i % len(keys)]
            await timed(key, "pane")
            if pane() is not None and pane() != names[i % len(keys)]:
                errors.append(f"pane: key {key} left the pane at {pane()}")

        # link follow and back
        for _ in range(samples):
            for key in ("1", "down", "enter"):
                await pilot.press(key)
                await pilot.pause()
            if focused() != "LinkList":
                errors.append(f"link: enter focused {focused()}, not the detail links")
            await timed("enter", "link")
            if focused() == "LinkList":
                errors.append("link: enter did not follow a link")
            await timed("backspace", "back")
            if pane() is not None and pane() != "timeline":
                errors.append(f"back: landed on {pane()}, not the timeline")

        # search keystrokes
        words = common_words(app.brief) or ["the"]
        w = 0
        while len(readings["wall"]["search"]) < samples:
            word = words[w % len(words)]
            w += 1
            await pilot.press("slash")
            await pilot.pause()
            if type(app.screen).__name__ != "SearchScreen":
                errors.append("search: / did not open the search box")
                break
            count = app.screen.query_one("#search-count")
            for box in app.screen.query("Input"):
                box.cursor_blink = False  # type: ignore[attr-defined]
            await pilot.pause()
            for char in word:
                await timed(char, "search")
            shown_text = str(getattr(count, "content", "") or getattr(count, "renderable", ""))
            if "found" not in shown_text:
                errors.append(f"search: after typing {word!r} the count reads {shown_text!r}")
            await pilot.press("escape")
            await pilot.pause()
        await pilot.press("q")
    return {**readings, "shown_s": shown, "errors": sorted(set(errors))[:20]}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("brief", type=Path)
    parser.add_argument("--samples", type=int, default=60)
    args = parser.parse_args()
    result = asyncio.run(measure(args.brief, args.samples))
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
