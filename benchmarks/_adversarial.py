"""The worst cases: `check` on adversarial briefs, timed against the raw parse of the same file.

    python benchmarks/_adversarial.py --table [--timeout S]     # the anchoring table of issue 20
    python benchmarks/_adversarial.py [--n N]                   # every shape's check/parse ratio

The shapes come from `benchmarks/_shapes.py` (written to `benchmarks/.data/adversarial/`).
Each is measured in a fresh process: the CPU time of `load_brief` (all that `check`
does but print; the collector off, as `check` runs) against the CPU time of the raw
`yaml.load(f, Loader=yaml.CSafeLoader)` of the same file, alternated, medians. CPU
time, not wall time: on a shared machine wall time measures the neighbours. `figures()`
gives run.py one row per shape: its ratio against the same ratio of the ordinary brief,
target 2x.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import _shapes  # noqa: E402

OUT = HERE / ".data" / "adversarial"
CHECK = [sys.executable, "-m", "peacebrief", "check"]
PARSE = [sys.executable, "-c", "import sys, yaml; yaml.load(open(sys.argv[1], 'rb'), Loader=yaml.CSafeLoader)"]
TABLE_SIZES = (200, 400, 800, 1600, 3200)


def _cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed(cmd: list[str], timeout: float | None = None) -> tuple[float, int | None, float]:
    """Wall seconds, exit status (None when stopped at `timeout`) and CPU seconds of `cmd`."""
    start, cpu = time.perf_counter(), _cpu_of_children()
    try:
        done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=timeout)
    except subprocess.TimeoutExpired:
        return time.perf_counter() - start, None, _cpu_of_children() - cpu
    return time.perf_counter() - start, done.returncode, _cpu_of_children() - cpu


def ensure(shape: str, n: int) -> Path:
    path = OUT / f"{shape}-{n}" / "brief.yaml"
    if not path.exists():
        _shapes.SHAPES[shape](n, OUT)
    return path


def measure(path: Path, runs: int) -> tuple[float, float, bool]:
    """In this process: the median CPU seconds of `load_brief` (what `check` does, with the
    collector off as `check` runs) and of the raw libyaml parse of the same file, alternated."""
    import gc

    import yaml

    from peacebrief.core.loader import load_brief
    from peacebrief.core.problems import BriefError

    gc.disable()
    checks, parses, ok = [], [], True
    for _ in range(runs):
        start = time.process_time()
        with open(path, "rb") as stream:
            yaml.load(stream, Loader=yaml.CSafeLoader)
        parses.append(time.process_time() - start)
        start = time.process_time()
        try:
            load_brief(path)
        except BriefError:
            ok = False
        checks.append(time.process_time() - start)
        gc.collect()
    return statistics.median(checks), statistics.median(parses), ok


def check_vs_parse(path: Path, runs: int = 3) -> tuple[float, float, bool]:
    """`measure` in a fresh process (what one brief leaves behind does not weigh on the next)."""
    env = dict(
        os.environ, PYTHONPATH=os.pathsep.join(p for p in (str(HERE.parent / "tui"), os.environ.get("PYTHONPATH")) if p)
    )
    done = subprocess.run(
        [sys.executable, str(Path(__file__)), "--measure", str(path), "--runs", str(runs)],
        capture_output=True,
        text=True,
        env=env,
        timeout=3600,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{path}: {(done.stderr.strip().splitlines() or ['no output'])[-1]}")
    check, parse, ok = done.stdout.split()
    return float(check), float(parse), ok == "True"


def rows(n: int, runs: int = 3) -> list[tuple[str, float, float, bool]]:
    """(shape, check CPU seconds, parse CPU seconds, the brief loaded) for every shape at size n."""
    out = []
    for shape in _shapes.SHAPES:
        size = max(1, n // 50) if shape == "deep-and-long" else n
        check, parse, ok = check_vs_parse(ensure(shape, size), runs)
        out.append((f"{shape} ({size:,})", check, parse, ok))
    return out


def figures(figure: type, ordinary: Path, n: int, runs: int, log=print) -> list:
    """The benchmark's rows (`figure` is run.py's Figure): each shape's check/parse ratio
    against the same ratio of the ordinary brief `ordinary`; the target is 2x of it."""
    check, parse, ok = check_vs_parse(ordinary, runs)
    base = check / parse
    log(f"worst cases: the ordinary brief checks in {base:.2f}x its parse (CPU); {n:,} per shape")
    made = []
    for name, shape_check, shape_parse, shape_ok in rows(n, runs):
        ratio = shape_check / shape_parse
        row = figure(
            f"check worst case: {name}",
            2.0,
            "x",
            reference=f"{base:.2f}x ordinary",
            measured=f"{ratio:.2f}x parse",
            value=ratio / base,
        )
        if not (ok and shape_ok):
            row.note = "error: the brief does not load"
        made.append(row)
    return made


def table(timeout: float) -> str:
    lines = ["| N anchors | brief size | `check` wall time | `check` CPU time |", "|---|---|---|---|"]
    for n in TABLE_SIZES:
        path = ensure("repeated-phrase", n)
        took, code, cpu = _timed([*CHECK, str(path)], timeout)
        shown = (
            f"over {timeout:.0f} s (stopped)"
            if code is None
            else f"{took:.2f} s" + ("" if code == 0 else f" (exit {code})")
        )
        lines.append(f"| {n:,} | {path.stat().st_size / 1000:.0f} KB | {shown} | {cpu:.2f} s |")
        print(lines[-1], file=sys.stderr, flush=True)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--table", action="store_true", help="the repeated-phrase table, N = 200 to 3,200")
    parser.add_argument("--timeout", type=float, default=150.0, help="seconds before one check of the table is stopped")
    parser.add_argument("--n", type=int, default=1000, help="size of each shape (default 1000)")
    parser.add_argument("--runs", type=int, default=3, help="runs per brief (medians)")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        check, parse, ok = measure(args.measure, args.runs)
        print(check, parse, ok)
        return 0
    if args.table:
        print(table(args.timeout))
        return 0
    print("| shape | check (CPU) | parse (CPU) | ratio | loads |\n|---|---|---|---|---|")
    for name, check, parse, ok in rows(args.n, args.runs):
        print(f"| {name} | {check:.3f} s | {parse:.3f} s | {check / parse:.2f}x | {'yes' if ok else 'NO'} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
