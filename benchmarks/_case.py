"""The case benchmark: a case of ROUNDS briefs of EVENTS events, and its figures.

    python benchmarks/_case.py generate [--rounds 50] [--events 200] [--data DIR]
    python benchmarks/_case.py parse FOLDER      # seconds of the raw libyaml parse of every brief

`generate` writes `DIR/case-RxE/round-NN.yaml` and their sources in `DIR/case-RxE/sources/`
with benchmarks/generate.py's generator: every round has the same cast (parties, people,
issues: the ids a case shares), its own events, quotes and sources, and its own stance
for most party x issue pairs; the first ten event ids recur in every round with other
dates, so the case has disputed events to find. Each round passes `peacebrief check`, and
the case passes `peacebrief check FOLDER`.

`case_figures(runner, ...)` gives run.py its rows, each timed in the pty as the terminal
sees it (`benchmarks/_pty.py`): opening the case the first time to its first whole screen
(against the raw parse of all its files, 1.2x; an info row says when every round was
read), again from the cache (against the bare Textual app's first whole frame at the
bundled brief's start-up target, 1.25x, and against the raw parse at the big brief's
cached target, 0.15x), and the p95 latency of a round switch and of opening the changes
view against the p95 cursor move of an OptionList as long as the case's timeline (the
key target, 2x; `benchmarks/_case_keys.py`).
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (benchmarks/generate.py, beside this file)

CASE_VERSION = 1
SHARED_EVENTS = 10  # event ids told by every round, each with its own date: disputes
_EVENT_ID = re.compile(r"(?<![\w-])ev-(\d+)(?![\w-])")
_QUOTE_ID = re.compile(r"(?<![\w-])q-(\d+)(?![\w-])")


class _RoundGenerator(generate.Generator):
    """The generator with one cast for every round and the rest drawn per round."""

    def __init__(self, events: int, seed: int, round_number: int) -> None:
        super().__init__(events, seed)
        self.round_number = round_number

    def make_cast(self) -> None:
        super().make_cast()
        self.rng = random.Random(f"{self.seed}:{self.n}:round-{self.round_number}")


def case_folder(rounds: int, events: int, out: Path = generate.DEFAULT_OUT) -> Path:
    return Path(out) / f"case-{rounds}x{events}"


def _stamp(rounds: int, events: int, seed: int) -> str:
    return json.dumps(
        {
            "case": CASE_VERSION,
            "generator": generate.GENERATOR_VERSION,
            "rounds": rounds,
            "events": events,
            "seed": seed,
        }
    )


def ensure_case(
    rounds: int = 50, events: int = 200, out: Path = generate.DEFAULT_OUT, seed: int = generate.DEFAULT_SEED
) -> Path:
    """The case folder, generated unless the same one is already there."""
    folder = case_folder(rounds, events, out)
    stamp = folder / ".generated"
    if stamp.is_file() and stamp.read_text(encoding="utf-8") == _stamp(rounds, events, seed):
        return folder
    (folder / "sources").mkdir(parents=True, exist_ok=True)
    for old in (*folder.glob("round-*.yaml"), *(folder / "sources").glob("*.txt")):
        old.unlink()
    for number in range(1, rounds + 1):
        _write_round(folder, number, events, seed)
    stamp.write_text(_stamp(rounds, events, seed), encoding="utf-8")
    return folder


def _write_round(folder: Path, number: int, events: int, seed: int) -> None:
    g = _RoundGenerator(events, seed, number)
    g.build()
    for doc in g.docs:
        doc.path = f"sources/r{number:02d}-{doc.index + 1:04d}.txt"
        data = g.render_document(doc).encode("utf-8")
        doc.sha256 = hashlib.sha256(data).hexdigest()
        (folder / doc.path).write_bytes(data)
    text = generate.render_brief(g)
    text = _EVENT_ID.sub(lambda m: m[0] if int(m[1]) <= SHARED_EVENTS else f"ev-r{number}-{m[1]}", text)
    text = _QUOTE_ID.sub(lambda m: f"q-r{number}-{m[1]}", text)
    text = re.sub(r"^id: .*$", f"id: round-{number:02d}", text, count=1, flags=re.MULTILINE)
    text = re.sub(r"^title: .*$", f"title: Synthetic talks, round {number}", text, count=1, flags=re.MULTILINE)
    # One round a month, in order; the sources keep their own dates.
    text = re.sub(
        r"^as_of: .*$",
        f'as_of: "{2030 + (number - 1) // 12}-{(number - 1) % 12 + 1:02d}-28"',
        text,
        count=1,
        flags=re.MULTILINE,
    )
    partial = folder / f".round-{number:02d}.yaml.partial"
    partial.write_text(text, encoding="utf-8", newline="\n")
    os.replace(partial, folder / f"round-{number:02d}.yaml")


def parse_all(folder: Path) -> float:
    """The raw parse of every brief of the case, as benchmarks/_parse.py times one file."""
    import yaml

    files = sorted(folder.glob("*.yaml"))
    start = time.perf_counter()
    for path in files:
        with open(path, "rb") as f:
            yaml.load(f, Loader=yaml.CSafeLoader)
    return time.perf_counter() - start


# --------------------------------------------------------------------------- the figures


def case_figures(r, figure, ratio_figure, label: str, folder: Path, reps: int, samples: int) -> list:  # type: ignore[no-untyped-def]
    """run.py's rows for the case. Its Runner, Figure and ratio_figure are passed in, so
    that this module and run.py can change apart. Every figure is what the terminal sees,
    in the pty (`benchmarks/_pty.py`), as run.py times the big brief and the keys."""
    return _open_figures(r, figure, ratio_figure, label, folder, reps) + _key_figures(r, figure, label, folder, samples)


def _open_figures(r, figure, ratio_figure, label: str, folder: Path, reps: int) -> list:  # type: ignore[no-untyped-def]
    import _pty

    py = sys.executable
    names = [
        (f"open case {label}, first time (pty)", 1.2, "x"),
        (f"open case {label} again: vs bare app (pty)", 1.25, "x"),
        (f"open case {label} again: vs parse (pty)", 0.15, "x"),
    ]
    cmd = [py, "-m", "peacebrief", str(folder)]
    bare_cmd = [py, str(HERE / "_reference.py"), "bare"]
    parses, first, again, bares, read = [], [], [], [], []
    try:
        r.run([py, str(HERE / "_case.py"), "parse", str(folder)])  # warms the OS file cache
        for i in range(reps):
            parses.append(float(r.run([py, str(HERE / "_case.py"), "parse", str(folder)])[1].strip()))
            cache = r.fresh_cache()
            shown, every = _first_open(r, cmd, cache)
            first.append(shown)
            read.append(every)
            bares.append(r.first_whole(bare_cmd, _pty.whole_bare_screen, cache))
            again.append(r.first_whole(cmd, _pty.whole_case_screen, cache))
            r.log(
                f"case {label} {i + 1}/{reps}: raw parse of its briefs {parses[-1]:.2f} s, first whole screen "
                f"{first[-1]:.2f} s, every round read {read[-1]:.2f} s, bare app {bares[-1]:.3f} s, again {again[-1]:.3f} s"
            )
    except Exception as exc:  # run.py's DriverError: the rows say so
        return [figure(n, limit, unit, note=f"error: {exc}"[:120]) for n, limit, unit in names]
    import statistics

    return [
        ratio_figure(names[0][0], 1.2, "parse", parses, first),
        figure(
            "  every round read, first time (info)",
            0,
            "-",
            f"{statistics.median(parses):.2f} s parse",
            f"{statistics.median(read):.2f} s ({statistics.median(read) / statistics.median(parses):.2f}x)",
            note="info (not a target)",
        ),
        ratio_figure(names[1][0], 1.25, "bare app", bares, again),
        ratio_figure(names[2][0], 0.15, "parse", parses, again),
    ]


def _first_open(r, cmd: list[str], cache: Path) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Seconds from the spawn to the first whole screen, and to the screen with every round
    read (the top bar says `loading round N of M` until then)."""
    import _case_keys
    import _pty

    term = _pty.Terminal.spawn(cmd, r._env(cache), cwd=str(HERE.parent))
    try:
        shown = term.until(_pty.whole_case_screen, timeout=900)
        every = term.until(_case_keys.every_round, timeout=900)
        term.settle()
    except (EOFError, TimeoutError) as exc:
        raise RuntimeError(f"{Path(cmd[-1]).name}: {str(exc).splitlines()[0]}") from exc
    finally:
        term.write(b"q")
        term.close()
    return shown.at - term.started, every.at - term.started


def _key_figures(r, figure, label: str, folder: Path, samples: int) -> list:  # type: ignore[no-untyped-def]
    import statistics

    py = sys.executable
    names = [(f"p95 round switch, case {label} (pty)", 2.0, "x"), (f"p95 changes view, case {label} (pty)", 2.0, "x")]
    try:
        data = json.loads(
            r.run([py, str(HERE / "_case_keys.py"), str(folder), "--samples", str(samples)])[1].strip().splitlines()[-1]
        )
    except Exception as exc:
        return [figure(n, limit, unit, note=f"error: {exc}"[:120]) for n, limit, unit in names]
    ref = data["reference"]
    ref_p95 = _p95(ref)
    rows, absolute = [], []
    for (name, limit, unit), kind in zip(names, ("round", "changes"), strict=True):
        got = data["reader"][kind]
        errors = [e for e in data["errors"] if e.startswith(kind + ":")]
        if len(got) < samples // 2:
            rows.append(figure(name, limit, unit, note=f"error: {errors[0] if errors else 'no samples'}"[:120]))
            continue
        missed = f" ({len(errors)} missed)" if errors else ""
        r.log(
            f"case {label} {kind}: median {statistics.median(got):.1f} ms, p95 {_p95(got):.1f} ms, n={len(got)}; "
            f"reference cursor p95 {ref_p95:.1f} ms"
        )
        rows.append(
            figure(
                name, limit, unit, f"{ref_p95:.1f} ms list cursor", f"{_p95(got):.1f} ms{missed}", _p95(got) / ref_p95
            )
        )
        absolute.append(f"{kind} {_p95(got):.0f}")
    rows.append(
        figure(
            "  case key p95s in ms, this machine (info)",
            0,
            "-",
            f"{ref_p95:.0f} ms list cursor",
            ", ".join(absolute),
            note="info (not a target)",
        )
    )
    return rows


def _p95(values: list[float]) -> float:
    import math

    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def main(argv: list[str]) -> int:
    if argv[:1] == ["generate"]:
        import argparse

        parser = argparse.ArgumentParser(prog="_case.py generate")
        parser.add_argument("--rounds", type=int, default=50)
        parser.add_argument("--events", type=int, default=200)
        parser.add_argument("--data", type=Path, default=generate.DEFAULT_OUT)
        args = parser.parse_args(argv[1:])
        print(ensure_case(args.rounds, args.events, args.data))
        return 0
    if argv[:1] == ["parse"] and len(argv) == 2:
        print(f"{parse_all(Path(argv[1])):.6f}")
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
