"""Evaluate `peacebrief draft` on the seed document and the fixtures; print the figures.

    .venv/bin/python benchmarks/draft_eval.py          # the table and the totals
    .venv/bin/python benchmarks/draft_eval.py -v       # and every miss

For each document the draft is written and loaded like any brief, then compared with
what is expected of it: tests/data/draft/NAME.expected.yaml for the fixtures (and
benchmarks/draft_untuned/ for documents kept out of the tests and never tuned on), and the
hand-made brief briefs/abu-dhabi-2026-02.yaml for the seed (its direct quotes and
speakers, and the dates it gives for the expressions the document states). See
peacebrief.core.draft.evaluate for the definitions of the figures. The last line times
drafting a document of about 2,000 words.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tui"))

from peacebrief.core.draft import DocumentInput, draft_text  # noqa: E402
from peacebrief.core.draft.evaluate import (  # noqa: E402
    Score,
    draft_and_load,
    expected_from_brief,
    load_expected,
    score,
)
from peacebrief.core.loader import load_brief  # noqa: E402

FIXTURES = ROOT / "tests" / "data" / "draft"
UNTUNED = ROOT / "benchmarks" / "draft_untuned"  # evaluation only: never used to tune the rules
SEED = ROOT / "seeds" / "000_10ec13a8d29864e3.txt"
HAND_MADE = ROOT / "briefs" / "abu-dhabi-2026-02.yaml"
INFERRED = {"ev-putin-grid-pause", "ev-second-round"}  # dates the hand-made brief infers


def _row(s: Score) -> str:
    return (
        f"{s.name:<22} {s.passages_matched:>3}/{s.passages_expected:<3} {s.passages_drafted:>7} "
        f"{s.precision:>6.2f} {s.recall:>6.2f} {s.speaker_accuracy:>8.2f} {s.dates_right:>3}/{s.dates_expected:<3} "
        f"{s.date_accuracy:>6.2f} {s.reported_matched:>3}/{s.reported_expected:<3} {s.reported_speakers_right:>4}"
    )


def _timing() -> tuple[int, float]:
    strip = re.compile(r"^\s*date \d{4}-\d{2}-\d{2}\s*")
    parts = [strip.sub("", SEED.read_text(encoding="utf-8"))]
    parts += [strip.sub("", p.read_text(encoding="utf-8")) for p in sorted(FIXTURES.glob("*.txt"))]
    other = parts[0]
    for a, b in {"Russia": "Carrodia", "Ukraine": "Veldmark", "Zelenskyy": "Varnholt", "Peskov": "Quell", "Trump": "Reinholt",
                 "Putin": "Sarkis", "Kremlin": "Citadel", "Moscow": "Velo", "Kyiv": "Ostra", "Abu Dhabi": "Port Lisara"}.items():
        other = other.replace(a, b)
    text = "date 2026-02-04\n" + "\n\n".join([*parts, other])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long.txt"
        path.write_text(text, encoding="utf-8")
        data = path.read_bytes()
        best = float("inf")
        for _ in range(5):
            start = time.perf_counter()
            draft_text([DocumentInput(path, data, text)], paths_from=Path(tmp))
            best = min(best, time.perf_counter() - start)
    return len(text.split()), best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()

    scores: list[tuple[str, Score]] = []
    hand = load_brief(HAND_MADE)
    scores.append(("seed", score(draft_and_load([SEED]), expected_from_brief(hand, inferred=INFERRED), name="seed (hand-made)")))
    for path in sorted(FIXTURES.glob("*.expected.yaml")):
        expected = load_expected(path)
        group = "held-out" if expected.held_out else "development"
        scores.append((group, score(draft_and_load([expected.document]), expected, name=path.name.split(".")[0])))
    for path in sorted(UNTUNED.glob("*.expected.yaml")):
        expected = load_expected(path)
        scores.append(("untuned", score(draft_and_load([expected.document]), expected, name=path.name.split(".")[0] + " *")))

    print(f"{'document':<22} {'quotes':>7} {'drafted':>7} {'prec':>6} {'recall':>6} {'speakers':>8} {'dates':>7} {'acc':>6} {'reported':>7} {'spk':>4}")
    for _group, s in scores:
        print(_row(s))
    print()
    totals = []
    groups_shown = (
        ("seed", {"seed"}),
        ("development fixtures", {"development"}),
        ("held-out fixtures", {"held-out"}),
        ("seed + fixtures", {"seed", "development", "held-out"}),
        ("untuned (*)", {"untuned"}),
        ("all", {"seed", "development", "held-out", "untuned"}),
    )
    for label, groups in groups_shown:
        total = Score(label)
        for group, s in scores:
            if group in groups:
                total.add(s)
        totals.append(total)
        print(_row(total))
    print()
    print("(*) evaluation only, never used to tune the rules; the tests do not check it.")
    for total in (totals[3], totals[-1]):
        print(f"{total.name + ':':<17} quote precision {total.precision:.3f}  recall {total.recall:.3f}  "
              f"speaker accuracy {total.speaker_accuracy:.3f}  date accuracy {total.date_accuracy:.3f}  "
              f"({total.passages_expected} quoted passages, {total.dates_expected} date expressions)")
    overall = totals[-1]
    words, seconds = _timing()
    print(f"drafting {words} words: {seconds * 1000:.0f} ms (best of 5)")
    if args.verbose and overall.misses:
        print("\nmisses:")
        for miss in overall.misses:
            print(f"  {miss}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
