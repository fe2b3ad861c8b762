"""Benchmark driver: start the reader headless and exit right after its first full paint.

    python benchmarks/_paint.py BRIEF [--rss]    # peacebrief, through its real command line
    python benchmarks/_paint.py --bare [--rss]   # the reference: a bare Textual app

`benchmarks/run.py` times this whole process from the outside, so the figure includes
interpreter start-up, every import, loading the brief and composing and painting the
main screen. The reader is started through `peacebrief.cli.main([BRIEF])`, as the
`peacebrief` command starts it; only `BriefApp` is replaced, by a subclass that runs
headless at 120x40 and, once `_loaded` has switched to the BriefScreen, exits after the
first refresh in which the screen is complete: its panes, its top bar and footer, and the
detail panel showing the selected record (if a refresh shows the screen without the
record's lines in the detail panel, the driver waits for the next one). The bare app
(Header, Static, Footer) exits the same way after its first refresh.

Exit status 0 on success, 3 when the brief could not be loaded, 4 when the app exited
without having shown the brief. `--rss` prints `maxrss_kb N` (peak resident memory of
this process) last on standard output.

This file is a benchmark harness only; nothing in the product imports it.
"""

from __future__ import annotations

import resource
import sys

SIZE = (120, 40)


def run_bare() -> int:
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Header, Static

    class BareApp(App[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Static("Hello")
            yield Footer()

        def on_mount(self) -> None:
            self.call_after_refresh(self.exit)

    BareApp().run(headless=True, size=SIZE)
    return 0


def _beside(css_path, module_file):  # type: ignore[no-untyped-def]
    from pathlib import Path

    if css_path is None:
        return None
    paths = [css_path] if isinstance(css_path, (str, Path)) else list(css_path)
    resolved = [p if Path(p).is_absolute() else Path(module_file).parent / p for p in paths]
    return resolved if len(resolved) > 1 else resolved[0]


def run_brief(path: str) -> int:
    import peacebrief.app.app as app_module

    outcome: dict[str, object] = {"painted": False, "problems": None}

    base = app_module.BriefApp

    class PaintApp(base):  # type: ignore[valid-type, misc]
        # Textual finds a relative CSS_PATH beside the file that defines the class: point
        # this subclass at the reader's own stylesheet.
        CSS_PATH = _beside(base.CSS_PATH, sys.modules[base.__module__].__file__)

        def _loaded(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            super()._loaded(*args, **kwargs)
            self.call_after_refresh(self._painted)

        def _painted(self) -> None:
            from peacebrief.app.screens.brief import BriefScreen

            screen = self.screen
            if isinstance(screen, BriefScreen) and not (screen.detail.place and screen.detail.body.lines):
                # Not complete yet: the detail panel is still empty.
                self.call_after_refresh(self._painted)
                return
            outcome["painted"] = isinstance(screen, BriefScreen)
            self.exit()

        def _failed(self, problems, *args, **kwargs):  # type: ignore[no-untyped-def]
            outcome["problems"] = problems
            self.exit()

        def run(self, **kwargs):  # type: ignore[no-untyped-def]
            return super().run(headless=True, size=SIZE)

    app_module.BriefApp = PaintApp  # type: ignore[misc]
    from peacebrief.cli import main

    main([path])
    if outcome["problems"] is not None:
        for problem in outcome["problems"][:20]:  # type: ignore[index]
            print(problem, file=sys.stderr)
        return 3
    if not outcome["painted"]:
        print("the app exited before the brief was shown", file=sys.stderr)
        return 4
    return 0


def main(argv: list[str]) -> int:
    rss = "--rss" in argv
    args = [a for a in argv if a != "--rss"]
    if args == ["--bare"]:
        status = run_bare()
    elif len(args) == 1:
        status = run_brief(args[0])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    if rss:
        print(f"maxrss_kb {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", flush=True)
    return status


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
