"""Benchmark: the CPU time of the search core per letter typed, with and without the word index.

    python benchmarks/search_terms.py BRIEF [--rounds N]

Types the brief's most common quote words (`_keys.common_words`) one letter at a time into
`SearchIndex.search`, as the search box does, and prints the median and the largest CPU time
for the first letter of a word, the second, and so on: once finding a term through the words
that hold it (`core/search_words.py`), once testing every entry for it (the word index told
to decline every term). This is the figure behind core/search_words.py's docstring; the
keystroke as the terminal sees it is `benchmarks/_keys.py --kinds search`.
This file is a benchmark harness only; nothing in the product imports it.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from unittest import mock

import _keys
from peacebrief.core.cache import cached_brief
from peacebrief.core.loader import load_brief
from peacebrief.core.search import SearchIndex
from peacebrief.core.search_words import WordIndex


def per_letter(index: SearchIndex, words: list[str], rounds: int) -> dict[int, list[float]]:
    times: dict[int, list[float]] = {}
    for _ in range(rounds):
        for word in words:
            index.search("")
            for n in range(1, len(word) + 1):
                start = time.process_time()
                index.search(word[:n], limit=50)
                times.setdefault(n, []).append((time.process_time() - start) * 1000)
    return times


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("brief", type=Path)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    brief = cached_brief(args.brief) or load_brief(args.brief)
    words = _keys.common_words(args.brief)
    start = time.process_time()
    index = SearchIndex(brief)
    print(f"{len(index)} entries; index built in {(time.process_time() - start) * 1000:.0f} ms CPU; words: {words}")
    with_words = per_letter(index, words, args.rounds)
    with mock.patch.object(WordIndex, "entries", return_value=None):
        every_entry = per_letter(index, words, args.rounds)
    print("letter  through the words (median / max ms)  testing every entry (median / max ms)")
    for n in sorted(with_words):
        a, b = with_words[n], every_entry[n]
        print(f"{n:6}  {statistics.median(a):8.1f} / {max(a):6.1f}{'':22}{statistics.median(b):8.1f} / {max(b):6.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
