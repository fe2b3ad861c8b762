"""Benchmark driver: the case keys' latencies, measured in-process with Textual's Pilot.

Used by `python benchmarks/_case.py keys FOLDER N`. Opens the case in `BriefApp` at
120x40 and times, as benchmarks/_interact.py does (from just before the key is sent to
the end of the last screen update it caused, encoded as a terminal would get it):

- round: `]` in the timeline, N times: the round filter steps to the next round (and back
  to every round after the last), and the timeline refills;
- changes: `c` on the issues pane opens the changes view of the matrix's round against
  the one before (`escape`, untimed, closes it), N times, stepping the matrix's round.

Returns the p95 of each, in milliseconds. A benchmark harness only: nothing in the product
imports it.
"""

from __future__ import annotations

import asyncio
import math
import time
from pathlib import Path

SIZE = (120, 40)


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


async def _measure(folder: Path, samples: int) -> dict[str, float]:
    from textual._compositor import CompositorUpdate
    from textual.app import App

    from peacebrief.app.app import BriefApp

    paints: list[float] = []
    display = App._display

    def stamped_display(self, screen, renderable):  # type: ignore[no-untyped-def]
        display(self, screen, renderable)
        if isinstance(renderable, CompositorUpdate):
            renderable.render_segments(self.console)
        if renderable is not None:
            paints.append(time.perf_counter())

    App._display = stamped_display  # type: ignore[method-assign]
    app = BriefApp(folder)
    times: dict[str, list[float]] = {"round": [], "changes": []}
    async with app.run_test(size=SIZE) as pilot:

        async def timed(key: str, kind: str) -> None:
            mark = len(paints)
            t0 = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            if len(paints) == mark:
                raise SystemExit(f"{kind}: key {key} caused no screen update")
            times[kind].append((paints[-1] - t0) * 1000)

        started = time.perf_counter()
        while type(app.screen).__name__ != "BriefScreen":
            if time.perf_counter() - started > 900:
                raise SystemExit(f"{folder}: not shown after 900 s")
            await pilot.pause(0.05)
        await pilot.pause()
        screen = app.screen
        await pilot.press("1")
        await pilot.pause()
        for _ in range(samples):
            await timed("right_square_bracket", "round")
        await pilot.press("4")
        await pilot.pause()
        for _ in range(samples):
            await timed("c", "changes")
            if type(app.screen).__name__ != "ChangesScreen":
                raise SystemExit("changes: c did not open the changes view")
            await pilot.press("escape")
            await pilot.pause()
            await pilot.press("right_square_bracket")  # the next round's matrix, and its changes
            await pilot.pause()
        _ = screen
        await pilot.press("q")
    return {kind: _p95(values) for kind, values in times.items()}


def measure(folder: str, samples: int) -> dict[str, float]:
    return asyncio.run(_measure(Path(folder), samples))
