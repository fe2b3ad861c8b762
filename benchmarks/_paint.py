"""Benchmark driver: start the reader headless and stamp the moment of its first full paint.

    python benchmarks/_paint.py BRIEF [--rss]    # peacebrief, through its real command line
    python benchmarks/_paint.py --bare [--rss]   # the reference: a bare Textual app

The reader is started through `peacebrief.cli.main([BRIEF])`, as the `peacebrief` command
starts it; only `BriefApp` is replaced, by a subclass that runs headless at 120x40. A
hook on `App._display`, where Textual hands each frame to the terminal driver, encodes
every frame as a real terminal would be sent it (headless, Textual skips that) and looks
at the screen: the first frame in which the BriefScreen is complete (the pane on screen,
the top bar, the footer, and the detail panel showing the selected record's lines) is
the first full paint. For the bare app (Header, Static, Footer) it is its first frame.

Standard output then says `first_paint_at T`, the time.perf_counter() of that frame. On
Linux that clock (CLOCK_MONOTONIC) is the same for every process, so `benchmarks/run.py`
subtracts the moment it launched this process: the figure covers interpreter start-up,
every import, loading the brief, and composing, rendering and encoding the first full
frame, and nothing after it (the app exits right after, but whatever it does then, and
the interpreter's exit, are not in the figure).

Exit status 0 on success, 3 when the brief could not be loaded, 4 when the app exited
without having shown the brief. `--rss` prints `maxrss_kb N` (peak resident memory of
this process) last on standard output; with it the reader exits only once its whole screen
is built (the hidden panes are mounted just after the first paint), so the peak counts
them.

This file is a benchmark harness only; nothing in the product imports it.
"""

from __future__ import annotations

import resource
import sys
import time
from collections.abc import Callable

SIZE = (120, 40)


def stamp_first_paint(
    complete: Callable[[object], bool], settled: Callable[[object], bool] | None = None
) -> dict[str, float]:
    """Hook App._display: stamp the first frame after which `complete(app)` holds, then exit
    (once `settled(app)` holds too, if given)."""
    from textual._compositor import CompositorUpdate
    from textual.app import App

    stamp: dict[str, float] = {}
    display = App._display

    def stamped_display(self, screen, renderable):  # type: ignore[no-untyped-def]
        display(self, screen, renderable)
        if renderable is None or stamp:
            return
        if isinstance(renderable, CompositorUpdate):
            renderable.render_segments(self.console)  # what a real terminal would be sent
        if complete(self):
            stamp["first_paint_at"] = time.perf_counter()
            self.call_later(exit_when_settled, self)

    def exit_when_settled(app) -> None:  # type: ignore[no-untyped-def]
        if settled is None or settled(app):
            app.exit()
        else:
            app.set_timer(0.02, lambda: exit_when_settled(app))

    App._display = stamped_display  # type: ignore[method-assign]
    return stamp


def run_bare() -> dict[str, float]:
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Header, Static

    class BareApp(App[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Static("Hello")
            yield Footer()

    stamp = stamp_first_paint(lambda app: True)
    BareApp().run(headless=True, size=SIZE)
    return stamp


def _beside(css_path, module_file):  # type: ignore[no-untyped-def]
    from pathlib import Path

    if css_path is None:
        return None
    paths = [css_path] if isinstance(css_path, (str, Path)) else list(css_path)
    resolved = [p if Path(p).is_absolute() else Path(module_file).parent / p for p in paths]
    return resolved if len(resolved) > 1 else resolved[0]


def _brief_complete(app) -> bool:  # type: ignore[no-untyped-def]
    from peacebrief.app.screens.brief import BriefScreen

    screen = app.screen
    if not isinstance(screen, BriefScreen):
        return False
    pane = screen.pane(screen.current_pane)
    return bool(pane.is_mounted and pane.size and screen.detail.place and screen.detail.body.lines)


def _brief_built(app) -> bool:  # type: ignore[no-untyped-def]
    """Every pane mounted and laid out: the whole screen built, as it is a moment after the first paint."""
    return all(pane.laid_out for pane in app.screen.panes)


def run_brief(path: str, *, built: bool = False) -> dict[str, float] | int:
    import peacebrief.app.app as app_module

    problems: list[object] = []
    base = app_module.BriefApp

    class PaintApp(base):  # type: ignore[valid-type, misc]
        # Textual finds a relative CSS_PATH beside the file that defines the class: point
        # this subclass at the reader's own stylesheet.
        CSS_PATH = _beside(base.CSS_PATH, sys.modules[base.__module__].__file__)

        def _failed(self, found, *args, **kwargs):  # type: ignore[no-untyped-def]
            problems.extend(found)
            self.exit()

        def run(self, **kwargs):  # type: ignore[no-untyped-def]
            return super().run(headless=True, size=SIZE)

    app_module.BriefApp = PaintApp  # type: ignore[misc]
    stamp = stamp_first_paint(_brief_complete, _brief_built if built else None)
    from peacebrief.cli import main

    main([path])
    if problems:
        for problem in problems[:20]:
            print(problem, file=sys.stderr)
        return 3
    if not stamp:
        print("the app exited before the brief was shown", file=sys.stderr)
        return 4
    return stamp


def main(argv: list[str]) -> int:
    rss = "--rss" in argv
    args = [a for a in argv if a != "--rss"]
    if args == ["--bare"]:
        outcome: dict[str, float] | int = run_bare()
    elif len(args) == 1:
        outcome = run_brief(args[0], built=rss)  # memory is read with the whole screen built
    else:
        print(__doc__, file=sys.stderr)
        return 2
    if isinstance(outcome, int):
        return outcome
    if not outcome:
        print("the app exited before its first paint", file=sys.stderr)
        return 4
    print(f"first_paint_at {outcome['first_paint_at']!r}", flush=True)
    if rss:
        print(f"maxrss_kb {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
