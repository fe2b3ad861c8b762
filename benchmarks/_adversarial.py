"""The worst cases: `check` on adversarial briefs, timed against the raw parse of the same file.

    python benchmarks/_adversarial.py --table [--timeout S]     # the anchoring table of issue 20
    python benchmarks/_adversarial.py [--n N]                   # every shape's check/parse ratio

The shapes come from `benchmarks/_shapes.py` (written to `benchmarks/.data/adversarial/`).
`rows(n)` gives one row per shape for `run.py`: the median wall time of
`peacebrief check` as a process, the median time of `yaml.load(..., CSafeLoader)` of the
same file in a process of its own (`benchmarks/_parse.py`'s reference, plus the same
interpreter start-up as check pays), and their ratio.
"""

from __future__ import annotations

import argparse
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


def check_vs_parse(path: Path, runs: int = 3) -> tuple[float, float, bool]:
    """Median check time, median parse time (alternated), and whether check passed every run."""
    checks, parses, ok = [], [], True
    for _ in range(runs):
        parses.append(_timed([*PARSE, str(path)])[0])
        took, code, _cpu = _timed([*CHECK, str(path)])
        checks.append(took)
        ok = ok and code == 0
    return statistics.median(checks), statistics.median(parses), ok


def rows(n: int, runs: int = 3) -> list[tuple[str, float, float, bool]]:
    """(shape, check seconds, parse seconds, check exited 0) for every shape at size n."""
    out = []
    for shape in _shapes.SHAPES:
        size = max(1, n // 50) if shape == "deep-and-long" else n
        check, parse, ok = check_vs_parse(ensure(shape, size), runs)
        out.append((f"{shape} ({size:,})", check, parse, ok))
    return out


def table(timeout: float) -> str:
    lines = ["| N anchors | brief size | `check` wall time | `check` CPU time |", "|---|---|---|---|"]
    for n in TABLE_SIZES:
        path = ensure("repeated-phrase", n)
        took, code, cpu = _timed([*CHECK, str(path)], timeout)
        shown = f"over {timeout:.0f} s (stopped)" if code is None else f"{took:.2f} s" + ("" if code == 0 else f" (exit {code})")
        lines.append(f"| {n:,} | {path.stat().st_size / 1000:.0f} KB | {shown} | {cpu:.2f} s |")
        print(lines[-1], file=sys.stderr, flush=True)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--table", action="store_true", help="the repeated-phrase table, N = 200 to 3,200")
    parser.add_argument("--timeout", type=float, default=150.0, help="seconds before one check of the table is stopped")
    parser.add_argument("--n", type=int, default=1000, help="size of each shape (default 1000)")
    args = parser.parse_args(argv)
    if args.table:
        print(table(args.timeout))
        return 0
    print("| shape | check | parse | ratio | exit 0 |\n|---|---|---|---|---|")
    for name, check, parse, ok in rows(args.n):
        print(f"| {name} | {check:.3f} s | {parse:.3f} s | {check / parse:.2f}x | {'yes' if ok else 'NO'} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
