"""peacebrief's performance benchmark: one table of figures, each against its target.

    python benchmarks/run.py            # the full run: 10k and 50k briefs (about 10 min on 2 busy cores)
    python benchmarks/run.py --quick    # CI: the 1k brief, fewer key samples (about 3 min)
    python benchmarks/run.py --only keys,startup    # some sections only (names below, SECTIONS)

Times on a shared machine drift, so the targets are ratios: each figure is measured side
by side with its reference in the same run, alternating the two, and compared by medians
(start-up figures: at least 9 pairs, `--repeat N` for more). Every command runs once
untimed first, so the OS file cache and Python's bytecode cache are warm. Absolute times
are shown as info rows: they describe this machine, not the code.

What the terminal sees is timed in a pseudo-terminal of 120x40 read by a VT emulator
(`benchmarks/_pty.py`, pyte behind ptyprocess): a program's start-up runs from the spawn
to the first display that shows its whole screen, a key from writing its bytes to the
pty to the first display that shows its whole effect. Whole-process figures run the
command to its exit (output captured). Every subprocess runs with this checkout's `tui/`
on PYTHONPATH, no TEXTUAL_* variables, an empty XDG_CONFIG_HOME (no user keymap),
bytecode cached outside the source tree (PYTHONPYCACHEPREFIX), and its own
XDG_CACHE_HOME: a fresh, empty one unless said otherwise below.

The figures:

1. First whole frame of the bundled brief, in the pty, <= 1.25x the bare Textual app.
   Measured: `python -m peacebrief briefs/abu-dhabi-2026-02.yaml` until the screen shows
   the top line, the timeline pane with its rows, the detail panel with the selected
   record and the footer (`_pty.whole_reader_screen`). Reference: `python
   benchmarks/_reference.py bare` (Header, Static, Footer) until its whole screen. Both
   share one warmed XDG_CACHE_HOME (a cached brief: a user's steady state). Info rows: the
   two medians in ms; the in-process stamp of `benchmarks/_paint.py` (the frame where
   Textual hands it to its driver, headless), as measured up to 2026-12-01.
2. `check` on the bundled brief, whole process, <= 2.25x `python -c "import yaml"` and
   <= 0.5x `yamllint` on the same file (`python -m yamllint`, its default rules).
3. `digest` on the bundled brief, whole process, <= 2.5x `python -c "import yaml"`.
   2 and 3 alternate with their references, round by round.
4. Open the big brief (10k events) the first time, in the pty, to its whole screen
   (after the loading screen), <= 1.2x the raw parse of that file: `python
   benchmarks/_parse.py BRIEF` times in-process only `yaml.load(f, Loader=CSafeLoader)`.
5. Open it again, file unchanged, same XDG_CACHE_HOME: <= 0.5 s, and <= 0.15x the raw
   parse (two rows).
6. `check` on the 50k brief, whole process, <= 1.3x its raw parse.
7. Keys on the 10k brief, p95 in the pty, each <= 2x the p95 of a cursor move in the
   reference: Textual's own OptionList holding as many rows as the timeline
   (`_reference.py list N`), running in its own pty beside the reader, one reference move
   before each reader key (`benchmarks/_keys.py`, 50 samples per kind; 20 in --quick):
   cursor move, pane switch, link follow, back, search keystroke. Info rows: each p95 in
   ms (33 ms is the feel we want); and the floor of a pane switch, the same ratio for a
   bare Textual app that switches between two full-screen panes of static rows
   (`_reference.py switch`, in a third pty, beside the same reference): what any
   Textual app pays to draw a new screen.
8. Peak memory with the 50k brief open, <= 400 MB: `python benchmarks/_paint.py BRIEF
   --rss` (fresh cache, so the brief is parsed; read once every pane is built).

9. A case of 50 briefs of 200 events each (benchmarks/_case.py, which says how it is
   made and measured), in the pty: `python -m peacebrief FOLDER` to its first whole screen
   (the first round; the others are read behind it, and an info row says when every
   round was), the first time <= 1.2x the raw parse of all its briefs; again from the
   cache, <= 1.25x the bare app (the bundled brief's start-up target) and <= 0.15x the
   raw parse; p95 of a round switch (`]`) and of opening the changes view (`c`), each
   <= 2x the p95 cursor move of an OptionList as long as the case's timeline
   (`benchmarks/_case_keys.py`). --quick uses a case of 5 briefs.

--quick uses the 1k brief for the big-brief figures (4-8) and 20 key samples, and gates
only ratio figures, and only on a gross regression: more than twice the target (or a
driver error); it prints the rest. A ratio the code is known to miss (KNOWN_MISSES) is
gated at twice its known value instead. At 1k a target that lies below the bare app's own
start-up (which no reader can beat, whatever it caches) is shown as info: the
second-open ratio. The full run exits non-zero when any figure misses its target.

More rows: a module `benchmarks/<name>.py` listed in EXTRA_SECTIONS that exists is
imported and its `figures(ctx: Context) -> list[Figure]` called after the figures above;
`ctx.runner` runs commands the same way (see Runner).

Progress goes to standard error; the table (with the machine above it) to standard output.
"""

from __future__ import annotations

import argparse
import importlib
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BUNDLED = ROOT / "briefs" / "abu-dhabi-2026-02.yaml"
PY = sys.executable
TIMEOUT = 3600
EXTRA_SECTIONS: tuple[str, ...] = ()  # modules of more rows, each optional (the worst cases are a section above)

sys.path.insert(0, str(HERE))
import _pty  # noqa: E402  (benchmarks/_pty.py)
import generate  # noqa: E402  (benchmarks/generate.py)

INFO = "info"

# Ratios the code is known to miss at 1k (README, "Where it misses"): --quick gates each at
# twice this instead of twice its target, so a gross regression of them still fails CI while
# the miss itself does not fail every run. The keys: `--quick --only keys` on 7fc1cfa, load
# 13-34, measured pane 4.45x, link 4.53x, back 2.86x (the floor, a bare Textual app's pane
# switch, 1.44x; over 2x at 10k); a clean-clone run of a9e8d28 had 5.11x, 5.06x and 3.32x.
# The case rows (issue 17): the 5x200 case measured in the pty on 2026-12-02 with the load
# average at 13-16 (every ratio side by side with its reference): first whole screen
# 1.73-1.89x its parse, again 1.41-1.43x the bare app (the bundled brief itself then
# 1.27-1.66x), p95 round switch 5.1x and changes view 4.9x the OptionList cursor. The
# first open of the 1k brief, where the start-up outweighs the parse: 2.36x its parse
# (0.99 s, the bare app 0.58 s) in a quiet CI run of 3c3ea54, 2.04-2.96x in five runs at
# load 9-17 on 2026-12-02 (the 10k brief's, the figure's target, 0.91x in the full run).
KNOWN_MISSES = {
    "open 1k brief, first time": 2.4,
    "p95 pane switch": 4.5,
    "p95 link follow": 4.6,
    "p95 back": 3.0,
    "open case 5x200, first time": 1.9,
    "open case 5x200 again: vs bare app": 1.45,
    "p95 round switch, case 5x200": 5.1,
    "p95 changes view, case 5x200": 4.9,
}


class DriverError(Exception):
    """A benchmarked command failed: the figure cannot be measured."""


@dataclass
class Figure:
    name: str
    limit: float
    unit: str  # "x" (a ratio), "s", "ms" or "MB"
    reference: str = "-"
    measured: str = "-"
    value: float | None = None  # what is compared with `limit`
    note: str = ""  # "n/a ...", "error: ...", "info ..."

    @property
    def info(self) -> bool:
        return self.note.startswith(INFO)

    @property
    def target(self) -> str:
        if self.info:
            return "-"
        return f"<= {self.limit:g}x" if self.unit == "x" else f"<= {self.limit:g} {self.unit}"

    @property
    def ratio(self) -> str:
        return f"{self.value:.2f}x" if self.unit == "x" and self.value is not None else "-"

    @property
    def passed(self) -> bool | None:
        return None if self.value is None or self.note else self.value <= self.limit

    @property
    def error(self) -> bool:
        return self.note.startswith("error")

    @property
    def gross_line(self) -> float:
        """Past this ratio --quick fails: twice the target, or twice the known miss."""
        known = next((ratio for start, ratio in KNOWN_MISSES.items() if self.name.startswith(start)), 0.0)
        return 2 * max(self.limit, known)

    def gross(self) -> bool:
        """What fails --quick: an error, or a ratio past its gross line."""
        return self.error or (self.unit == "x" and self.passed is False and self.value > self.gross_line)  # type: ignore[operator]

    def result(self, quick: bool) -> str:
        if self.note:
            return self.note
        if self.passed:
            return "pass"
        if not quick:
            return "FAIL"
        if self.unit != "x":
            return "over target (not gated)"
        if self.gross():
            return f"FAIL (gross: >{self.gross_line:g}x)"
        return f"fail (gated at {self.gross_line:g}x)"


def info(name: str, measured: str, reference: str = "-", note: str = f"{INFO} (not a target)") -> Figure:
    return Figure(name, 0, "-", reference, measured, note=note)


# --------------------------------------------------------------------------- running


class Runner:
    def __init__(self) -> None:
        self.tmp = Path(tempfile.mkdtemp(prefix="peacebrief-bench-"))
        config = self.tmp / "config"
        config.mkdir()
        env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")}
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT / "tui"), os.environ.get("PYTHONPATH")) if p)
        env["XDG_CONFIG_HOME"] = str(config)
        # Bytecode cached as for an installed app, but outside the source tree.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(self.tmp / "pycache")
        self.env = env
        self.started = time.perf_counter()
        self._caches = 0

    def fresh_cache(self) -> Path:
        self._caches += 1
        path = self.tmp / f"cache-{self._caches}"
        path.mkdir()
        return path

    def log(self, message: str) -> None:
        print(f"[{time.perf_counter() - self.started:7.1f}s] {message}", file=sys.stderr, flush=True)

    def _env(self, cache: Path | None) -> dict[str, str]:
        return dict(self.env, XDG_CACHE_HOME=str(cache or self.fresh_cache()))

    def run(self, argv: Sequence[str], cache: Path | None = None, ok: Sequence[int] = (0,)) -> tuple[float, str]:
        """Run a command to its exit: (wall seconds, stdout). DriverError if its status is not in `ok`."""
        start = time.perf_counter()
        proc = subprocess.run(
            list(argv),
            cwd=ROOT,
            env=self._env(cache),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
        )
        elapsed = time.perf_counter() - start
        if proc.returncode not in ok:
            last = (proc.stderr.strip().splitlines() or ["(no output)"])[-1]
            raise DriverError(
                f"{' '.join(Path(a).name if '/' in a else a for a in argv[1:])}: exit {proc.returncode}: {last}"
            )
        return elapsed, proc.stdout

    def paint(self, argv: Sequence[str], cache: Path | None = None) -> tuple[float, float]:
        """Run `_paint.py` (the in-process stamp): (seconds from launch to its stamped frame, to its exit)."""
        start = time.perf_counter()
        elapsed, out = self.run(argv, cache)
        stamps = [line.split()[1] for line in out.splitlines() if line.startswith("first_paint_at ")]
        if not stamps:
            raise DriverError(f"{Path(argv[1]).name}: no first_paint_at in its output")
        # The driver's time.perf_counter(): CLOCK_MONOTONIC, the same clock as this process's.
        return float(stamps[0]) - start, elapsed

    def first_whole(
        self, argv: Sequence[str], whole: Callable[[_pty.Display], bool], cache: Path | None = None
    ) -> float:
        """Seconds from spawning `argv` in the pty to the first display for which `whole` holds."""
        term = _pty.Terminal.spawn(argv, self._env(cache), cwd=str(ROOT))
        try:
            shown = term.until(whole, timeout=600)
            term.settle()  # quit once idle: the figure ends at the frame, the rest is not timed
        except (EOFError, TimeoutError) as exc:
            raise DriverError(f"{' '.join(Path(a).name for a in argv[1:])}: {str(exc).splitlines()[0]}") from exc
        finally:
            term.write(b"q")
            term.close()
        return shown.at - term.started

    def parse_time(self, brief: Path) -> float:
        _, out = self.run([PY, str(HERE / "_parse.py"), str(brief)])
        return float(out.strip())

    def close(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)


@dataclass
class Context:
    runner: Runner
    quick: bool
    reps: int  # start-up pairs (and command rounds)
    big_reps: int  # rounds for the big-brief figures
    samples: int  # key samples per kind
    mid: Path  # the brief for opening and keys (10k; 1k in --quick)
    big: Path  # the brief for the 50k check and memory (1k in --quick)
    mid_label: str
    big_label: str
    data: Path = generate.DEFAULT_OUT  # where the synthetic briefs are cached
    bare_s: float | None = None  # the bare app's median first whole frame, once measured


def fmt_s(seconds: float) -> str:
    return f"{seconds:.3f} s" if seconds < 10 else f"{seconds:.1f} s"


def p95(values: list[float]) -> float:
    """Nearest-rank 95th percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def ratio_figure(name: str, limit: float, ref_label: str, refs: list[float], got: list[float]) -> Figure:
    ref, med = statistics.median(refs), statistics.median(got)
    return Figure(name, limit, "x", f"{fmt_s(ref)} {ref_label}", fmt_s(med), med / ref)


def error_figures(names: list[tuple[str, float, str]], error: Exception) -> list[Figure]:
    return [Figure(n, limit, unit, note=f"error: {error}"[:120]) for n, limit, unit in names]


# --------------------------------------------------------------------------- the figures


def startup(ctx: Context) -> list[Figure]:
    r, reps = ctx.runner, ctx.reps
    name = "first whole frame, bundled brief (pty)"
    warm = r.fresh_cache()
    bare_cmd = [PY, str(HERE / "_reference.py"), "bare"]
    cmd = [PY, "-m", "peacebrief", str(BUNDLED)]
    try:
        r.first_whole(bare_cmd, _pty.whole_bare_screen, warm), r.first_whole(cmd, _pty.whole_reader_screen, warm)
        bare, got = [], []
        for i in range(reps):
            bare.append(r.first_whole(bare_cmd, _pty.whole_bare_screen, warm))
            got.append(r.first_whole(cmd, _pty.whole_reader_screen, warm))
            r.log(f"start-up {i + 1}/{reps}: first whole frame: bare app {bare[-1]:.3f} s, peacebrief {got[-1]:.3f} s")
    except DriverError as exc:
        return error_figures([(name, 1.25, "x")], exc)
    ctx.bare_s = statistics.median(bare)
    figures = [
        ratio_figure(name, 1.25, "bare app", bare, got),
        info(
            "  the same in ms, this machine (info)",
            f"{statistics.median(got) * 1000:.0f} ms",
            f"{ctx.bare_s * 1000:.0f} ms bare app",
        ),
    ]
    return figures + in_process_paint(ctx, warm)


def in_process_paint(ctx: Context, warm: Path) -> list[Figure]:
    """The in-process stamp used up to 2026-12-01 (`_paint.py`, headless): an info row only."""
    r = ctx.runner
    name = "  in-process first-paint stamp, _paint.py (info)"
    stamps: dict[str, list[float]] = {"bare": [], "brief": []}
    try:
        for _ in range(max(3, ctx.reps // 2)):
            for key, argv in (
                ("bare", [PY, str(HERE / "_paint.py"), "--bare"]),
                ("brief", [PY, str(HERE / "_paint.py"), str(BUNDLED)]),
            ):
                stamps[key].append(r.paint(argv, warm)[0])
    except DriverError as exc:
        return [info(name, "-", note=f"{INFO}: error: {exc}"[:120])]
    figure = ratio_figure(name, 0, "bare app", stamps["bare"], stamps["brief"])
    figure.note = f"{INFO} (not a target)"
    return [figure]


def commands(ctx: Context) -> list[Figure]:
    r, reps = ctx.runner, ctx.reps
    yaml_cmd = [PY, "-c", "import yaml"]
    yamllint_cmd = [PY, "-m", "yamllint", str(BUNDLED)]
    check_cmd = [PY, "-m", "peacebrief", "check", str(BUNDLED)]
    digest_cmd = [PY, "-m", "peacebrief", "digest", str(BUNDLED)]
    names = [
        ("peacebrief check, bundled brief", 2.25, "x"),
        ("peacebrief check vs yamllint, bundled brief", 0.5, "x"),
        ("peacebrief digest, bundled brief", 2.5, "x"),
    ]
    runs: dict[str, list[float]] = {"yaml": [], "check": [], "yamllint": [], "digest": []}
    cmds = {"yaml": yaml_cmd, "check": check_cmd, "yamllint": yamllint_cmd, "digest": digest_cmd}
    ok = {"yamllint": (0, 1)}  # 1: it found something to say (line lengths, say); the time is what counts
    try:
        for key, argv in cmds.items():
            r.run(argv, ok=ok.get(key, (0,)))
        for i in range(reps):
            for key, argv in cmds.items():
                runs[key].append(r.run(argv, ok=ok.get(key, (0,)))[0])
            r.log(f"commands {i + 1}/{reps}: " + ", ".join(f"{k} {v[-1]:.3f} s" for k, v in runs.items()))
    except DriverError as exc:
        return error_figures(names, exc)
    ms = {k: statistics.median(v) * 1000 for k, v in runs.items()}
    return [
        ratio_figure(names[0][0], 2.25, "import yaml", runs["yaml"], runs["check"]),
        ratio_figure(names[1][0], 0.5, "yamllint", runs["yamllint"], runs["check"]),
        ratio_figure(names[2][0], 2.5, "import yaml", runs["yaml"], runs["digest"]),
        info(
            "  check, digest in ms, this machine (info)",
            f"{ms['check']:.0f} ms, {ms['digest']:.0f} ms",
            f"{ms['yaml']:.0f} ms import yaml, {ms['yamllint']:.0f} ms yamllint",
        ),
    ]


def open_big(ctx: Context) -> list[Figure]:
    r, brief, label, reps = ctx.runner, ctx.mid, ctx.mid_label, ctx.big_reps
    names = [
        (f"open {label} brief, first time (pty)", 1.2, "x"),
        (f"open {label} brief again: time (pty)", 0.5, "s"),
        (f"open {label} brief again: vs parse", 0.15, "x"),
    ]
    cmd = [PY, "-m", "peacebrief", str(brief)]
    parses, first, again = [], [], []
    try:
        r.parse_time(brief)  # warms the OS file cache
        for i in range(reps):
            parses.append(r.parse_time(brief))
            cache = r.fresh_cache()
            first.append(r.first_whole(cmd, _pty.whole_reader_screen, cache))
            again.append(r.first_whole(cmd, _pty.whole_reader_screen, cache))
            r.log(
                f"open {label} {i + 1}/{reps}: raw parse {parses[-1]:.2f} s, first open {first[-1]:.2f} s, "
                f"again {again[-1]:.2f} s"
            )
    except DriverError as exc:
        return error_figures(names, exc)
    parse, again_med = statistics.median(parses), statistics.median(again)
    figures = [
        ratio_figure(names[0][0], 1.2, "parse", parses, first),
        Figure(names[1][0], 0.5, "s", "-", fmt_s(again_med), again_med),
        Figure(names[2][0], 0.15, "x", f"{fmt_s(parse)} parse", fmt_s(again_med), again_med / parse),
    ]
    return figures


def below_the_bare_app(figures: list[Figure], bare_s: float) -> None:
    """--quick: a ratio to a parse whose target time lies below the bare app's start-up,
    which no reader can beat whatever it caches, is shown as info."""
    for f in figures:
        if f.unit == "x" and f.reference.endswith(" parse") and not f.note:
            target = f.limit * float(f.reference.split()[0])
            if target < bare_s:
                f.note = f"{INFO} (target {target:.2f} s < bare app {bare_s:.2f} s)"


def check_big(ctx: Context) -> list[Figure]:
    r, brief, label = ctx.runner, ctx.big, ctx.big_label
    name = f"peacebrief check, {label} brief"
    cmd = [PY, "-m", "peacebrief", "check", str(brief)]
    parses, got = [], []
    try:
        r.parse_time(brief)
        for i in range(ctx.big_reps):
            parses.append(r.parse_time(brief))
            got.append(r.run(cmd)[0])
            r.log(f"check {label} {i + 1}/{ctx.big_reps}: raw parse {parses[-1]:.2f} s, check {got[-1]:.2f} s")
    except DriverError as exc:
        return error_figures([(name, 1.3, "x")], exc)
    return [ratio_figure(name, 1.3, "parse", parses, got)]


KEYS = [
    ("cursor", "cursor move"),
    ("pane", "pane switch"),
    ("link", "link follow"),
    ("back", "back"),
    ("search", "search keystroke"),
]


def keys(ctx: Context) -> list[Figure]:
    r, label = ctx.runner, ctx.mid_label
    names = [(f"p95 {text}, {label} brief (pty)", 2, "x") for _, text in KEYS]
    r.log(f"keys on the {label} brief beside the OptionList reference: {ctx.samples} samples per kind")
    try:
        _, out = r.run([PY, str(HERE / "_keys.py"), str(ctx.mid), "--samples", str(ctx.samples)])
        data = json.loads(out.strip().splitlines()[-1])
    except (DriverError, ValueError, IndexError) as exc:
        return error_figures(names, exc)
    ref = data["reference"]
    r.log(
        f"  reference cursor: median {statistics.median(ref):6.1f} ms, p95 {p95(ref):6.1f} ms, n={len(ref)}; "
        f"errors: {data['errors'] or 'none'}"
    )
    figures, absolute = [], []
    for (kind, _), (name, limit, unit) in zip(KEYS, names, strict=False):
        got = data["reader"][kind]
        errors = [e for e in data["errors"] if e.startswith(kind + ":")]
        if len(got) < ctx.samples // 2:  # too few keys did what they should: no figure
            figures.append(Figure(name, limit, unit, note=f"error: {errors[0] if errors else 'no samples'}"[:120]))
            continue
        # A key whose effect the harness missed (on a loaded machine a frame can come after
        # the quiet spell) is left out of the samples, and counted in the measured column.
        missed = f" ({len(errors)} missed)" if errors else ""
        r.log(
            f"  {kind:7} median {statistics.median(got):6.1f} ms, p95 {p95(got):6.1f} ms, max {max(got):6.1f} ms, n={len(got)}"
        )
        figures.append(
            Figure(
                name, limit, unit, f"{p95(ref):.1f} ms list cursor", f"{p95(got):.1f} ms{missed}", p95(got) / p95(ref)
            )
        )
        absolute.append(f"{kind} {p95(got):.0f}")
    figures.append(info("  key p95s in ms, this machine (info)", ", ".join(absolute), f"{p95(ref):.0f} ms list cursor"))
    floor = data.get("floor", {}).get("pane", [])
    if floor:
        figures.append(
            Figure(
                "  floor: pane switch of a bare Textual app (info)",
                0,
                "x",
                f"{p95(ref):.1f} ms list cursor",
                f"{p95(floor):.1f} ms",
                p95(floor) / p95(ref),
                note=f"{INFO} (not a target)",
            )
        )
    return figures


def memory(ctx: Context) -> list[Figure]:
    r, label = ctx.runner, ctx.big_label
    name = f"peak memory, {label} brief open"
    try:
        elapsed, out = r.run([PY, str(HERE / "_paint.py"), str(ctx.big), "--rss"])
    except DriverError as exc:
        return error_figures([(name, 400, "MB")], exc)
    mb = int(out.strip().splitlines()[-1].split()[-1]) / 1024
    r.log(f"memory {label}: {mb:.0f} MB peak ({elapsed:.1f} s in all)")
    return [Figure(name, 400, "MB", "-", f"{mb:.0f} MB", mb)]


def case(ctx: Context) -> list[Figure]:
    """A case of 50 briefs of 200 events (5 with --quick): see benchmarks/_case.py."""
    import _case

    rounds = 5 if ctx.quick else 50
    folder = _case.ensure_case(rounds, 200, ctx.data)
    ctx.runner.log(f"case {rounds}x200: {sum(p.stat().st_size for p in folder.glob('*.yaml')) / 1e6:.1f} MB of briefs")
    return _case.case_figures(
        ctx.runner, Figure, ratio_figure, f"{rounds}x200", folder, ctx.big_reps, min(ctx.samples, 30)
    )


def worst_cases(ctx: Context) -> list[Figure]:
    """`check` on the adversarial shapes (benchmarks/_adversarial.py), each against the raw parse."""
    import _adversarial

    return _adversarial.figures(Figure, ctx.mid, 1000 if ctx.quick else 10000, ctx.big_reps, ctx.runner.log)


SECTIONS: list[Callable[[Context], list[Figure]]] = [
    startup,
    commands,
    open_big,
    check_big,
    keys,
    memory,
    case,
    worst_cases,
]


def extra_sections(r: Runner) -> list[Callable[[Context], list[Figure]]]:
    found = []
    for name in EXTRA_SECTIONS:
        if (HERE / f"{name}.py").exists():
            section = getattr(importlib.import_module(name), "figures", None)
            if section is None:
                r.log(f"benchmarks/{name}.py has no figures(ctx): its rows are not in this table")
            else:
                found.append(section)
    return found


# --------------------------------------------------------------------------- output


def machine() -> list[str]:
    def read(path: str, key: str) -> str | None:
        try:
            for line in Path(path).read_text().splitlines():
                if line.startswith(key):
                    return line.split(":", 1)[1].strip()
        except OSError:
            pass
        return None

    cores = os.cpu_count()
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else cores
    model = read("/proc/cpuinfo", "model name") or platform.processor() or "unknown CPU"
    mem = read("/proc/meminfo", "MemTotal")
    versions = []
    for package in ("textual", "rich", "PyYAML", "pyte"):
        try:
            from importlib.metadata import version

            versions.append(f"{package} {version(package)}")
        except Exception:
            versions.append(f"{package} ?")
    try:
        import yaml

        libyaml = "with libyaml" if getattr(yaml, "__with_libyaml__", False) else "WITHOUT libyaml"
    except ImportError:
        libyaml = "not installed"
    load = " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return [
        f"machine: {cores} cores ({usable} usable), {model}"
        + (f", {int(mem.split()[0]) / 1024 / 1024:.1f} GB RAM" if mem else ""),
        f"python:  {platform.python_implementation()} {platform.python_version()} ({PY}); "
        f"{', '.join(versions)} ({libyaml}); {platform.system()} {platform.release()}",
        f"load:    {load} (1, 5, 15 min) at the start",
    ]


def table(figures: list[Figure], quick: bool) -> str:
    head = ["figure", "target", "reference", "measured", "ratio", "pass/fail"]
    rows = [[f.name, f.target, f.reference, f.measured, f.ratio, f.result(quick)] for f in figures]
    widths = [max(len(row[i]) for row in [head, *rows]) for i in range(len(head))]
    line = lambda cells: "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=False)) + " |"  # noqa: E731
    return "\n".join([line(head), "|" + "|".join("-" * (w + 2) for w in widths) + "|", *map(line, rows)])


def verdict(figures: list[Figure], quick: bool) -> tuple[str, bool]:
    """The closing line, and whether the run failed."""
    if quick:
        bad = [f for f in figures if f.gross()]
        return (
            f"{len(bad)} gross regression(s) (a ratio more than double its target, or an error)"
            if bad
            else "no gross regressions"
        ), bool(bad)
    bad = [f for f in figures if f.passed is False or f.error]
    targets = [f for f in figures if not f.info]
    return (
        f"{len(bad)} of {len(targets)} figures fail their targets"
        if bad
        else f"every figure meets its target ({len(targets)} of {len(targets)})"
    ), bool(bad)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="peacebrief's performance benchmark (see the module docstring)")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="CI mode: the 1k brief, fewer key samples, fail only on gross regressions of ratios",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=9,
        help="start-up pairs and command rounds (default 9, the fewest the targets allow)",
    )
    parser.add_argument("--big-repeat", type=int, default=3, help="runs per big-brief figure (default 3)")
    parser.add_argument("--samples", type=int, help="key samples per kind (default 50; 20 with --quick)")
    parser.add_argument("--data", type=Path, default=generate.DEFAULT_OUT, help="where the synthetic briefs are cached")
    names = [section.__name__ for section in SECTIONS]
    parser.add_argument("--only", help=f"run only these sections, comma-separated: {','.join(names)}")
    args = parser.parse_args(argv)
    only = [name for name in (args.only or "").split(",") if name]
    if set(only) - set(names):
        parser.error(
            f"--only: unknown sections {', '.join(sorted(set(only) - set(names)))}; they are {', '.join(names)}"
        )
    quick = args.quick
    header = machine()
    r = Runner()
    try:
        sizes = [1000] if quick else [10000, 50000]
        briefs = {}
        for n in sizes:
            current = generate.is_current(n, args.data)
            briefs[n] = generate.ensure(n, args.data)
            r.log(f"synthetic-{n}: {'cached' if current else 'generated'}, {briefs[n].stat().st_size / 1e6:.1f} MB")
        mid, big = (briefs[1000], briefs[1000]) if quick else (briefs[10000], briefs[50000])
        ctx = Context(
            r,
            quick,
            max(args.repeat, 9),
            max(args.big_repeat, 1),
            args.samples or (20 if quick else 50),
            mid,
            big,
            *(("1k", "1k") if quick else ("10k", "50k")),
            data=args.data,
        )
        r.log(
            f"mode: {'quick (1k brief)' if quick else 'full (10k and 50k briefs)'}, {ctx.reps} start-up pairs, "
            f"{ctx.big_reps} runs per big-brief figure, {ctx.samples} key samples per kind"
        )
        figures: list[Figure] = []
        sections = [s for s in SECTIONS if s.__name__ in only] if only else SECTIONS + extra_sections(r)
        for section in sections:
            figures += section(ctx)
        if quick and ctx.bare_s is not None:
            below_the_bare_app(figures, ctx.bare_s)
    finally:
        r.close()

    print("\n".join(header))
    print(
        f"mode:    {'--quick' if quick else 'full'}{' --only ' + ','.join(only) if only else ''}: {ctx.reps} start-up pairs, {ctx.big_reps} runs per big-brief "
        f"figure, medians; {ctx.samples} key samples per kind; {time.perf_counter() - r.started:.0f} s in all"
    )
    print()
    print(table(figures, quick))
    closing, failed = verdict(figures, quick)
    print("\n" + closing)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
