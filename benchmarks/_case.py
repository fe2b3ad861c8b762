"""The case benchmark: a case of ROUNDS briefs of EVENTS events, and its figures.

    python benchmarks/_case.py generate [--rounds 50] [--events 200] [--data DIR]
    python benchmarks/_case.py parse FOLDER      # seconds of the raw libyaml parse of every brief
    python benchmarks/_case.py keys FOLDER N     # p95 ms of round switches and the changes view

`generate` writes `DIR/case-RxE/round-NN.yaml` and their sources in `DIR/case-RxE/sources/`
with benchmarks/generate.py's generator: every round has the same cast (parties, people,
issues: the ids a case shares), its own events, quotes and sources, and its own stance
for most party x issue pairs; the first ten event ids recur in every round with other
dates, so the case has disputed events to find. Each round passes `peacebrief check`, and
the case passes `peacebrief check FOLDER`.

`case_figures(runner, ...)` gives run.py its rows: opening the case the first time
(against the raw parse of all its files, 1.2x), again from the cache (against a bare
Textual app's first paint at the bundled brief's start-up target, 1.15x, and against
the raw parse at the big brief's cached target, 0.15x), and the p95 latency of a round
switch and of opening the changes view (the key target, 33 ms).
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
    return json.dumps({"case": CASE_VERSION, "generator": generate.GENERATOR_VERSION, "rounds": rounds, "events": events, "seed": seed})


def ensure_case(rounds: int = 50, events: int = 200, out: Path = generate.DEFAULT_OUT, seed: int = generate.DEFAULT_SEED) -> Path:
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
    text = re.sub(r"^as_of: .*$", f'as_of: "{2030 + (number - 1) // 12}-{(number - 1) % 12 + 1:02d}-28"', text, count=1, flags=re.MULTILINE)
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
    that this module and run.py can change apart."""
    py = sys.executable
    names = [
        (f"open case {label}, first time", 1.2, "x"),
        (f"open case {label} again: vs bare app", 1.15, "x"),
        (f"open case {label} again: vs parse", 0.15, "x"),
        (f"p95 round switch, case {label}", 33.0, "ms"),
        (f"p95 changes view, case {label}", 33.0, "ms"),
    ]
    paint = [py, str(HERE / "_paint.py"), str(folder)]
    bare_cmd = [py, str(HERE / "_paint.py"), "--bare"]
    parses, first, again, bares = [], [], [], []
    try:
        for i in range(reps):
            parses.append(float(r.run([py, str(HERE / "_case.py"), "parse", str(folder)])[1].strip()))
            cache = r.fresh_cache()
            first.append(r.paint(paint, cache)[0])
            bares.append(r.paint(bare_cmd, cache)[0])
            again.append(r.paint(paint, cache)[0])
            r.log(f"case {label} {i + 1}/{reps}: raw parse of its briefs {parses[-1]:.2f} s, first open {first[-1]:.2f} s, "
                  f"bare app {bares[-1]:.3f} s, open again {again[-1]:.3f} s")
        rows = [
            ratio_figure(names[0][0], 1.2, "parse", parses, first),
            ratio_figure(names[1][0], 1.15, "bare app", bares, again),
            ratio_figure(names[2][0], 0.15, "parse", parses, again),
        ]
    except Exception as exc:  # run.py's DriverError: the rows say so
        rows = [figure(n, limit, unit, note=f"error: {exc}"[:120]) for n, limit, unit in names[:3]]
    try:
        out = r.run([py, str(HERE / "_case.py"), "keys", str(folder), str(samples)])[1]
        values = dict(line.split() for line in out.splitlines() if line.strip())
        for (name, limit, unit), key in zip(names[3:], ("round", "changes"), strict=True):
            ms = float(values[key])
            rows.append(figure(name, limit, unit, "-", f"{ms:.1f} ms", ms))
        r.log(f"case {label} keys: p95 round switch {values['round']} ms, changes view {values['changes']} ms")
    except Exception as exc:
        rows += [figure(n, limit, unit, note=f"error: {exc}"[:120]) for n, limit, unit in names[3:]]
    return rows


def _keys(folder: str, samples: int) -> int:
    from _case_keys import measure  # the app and Pilot: imported only for this mode

    for kind, ms in measure(folder, samples).items():
        print(f"{kind} {ms:.3f}")
    return 0


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
    if argv[:1] == ["keys"] and len(argv) == 3:
        return _keys(argv[1], int(argv[2]))
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

