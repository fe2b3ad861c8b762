"""The draft's passes cost in proportion to the document, not to its square.

Work is counted, not timed: every line the draft's own code runs (a trace of
peacebrief's modules), for a document and for one four times as long. A linear pass
does about four times the work; a pass that re-reads the document for each quote or
each name does sixteen times.
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

from peacebrief.core.draft import DocumentInput, draft_text
from peacebrief.core.draft.anchoring import Anchorer
from peacebrief.core.model import SourceDocument

_SYLLABLES = ["ka", "lo", "mi", "ra", "su", "te", "vo", "ni", "pe", "da", "go", "ze"]
_NAMES = ["".join(p).capitalize() for p in itertools.product(_SYLLABLES, repeat=3)]


def _lines_run(tmp_path: Path, body: str) -> int:
    text = "date 2026-02-04\n\n" + body + "\n"
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    count = 0

    def local(frame, event, arg):  # type: ignore[no-untyped-def]
        nonlocal count
        if event == "line":
            count += 1
        return local

    def tracer(frame, event, arg):  # type: ignore[no-untyped-def]
        return local if "peacebrief" in frame.f_code.co_filename else None

    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        draft_text([DocumentInput(path, path.read_bytes(), text)], paths_from=tmp_path)
    finally:
        sys.settrace(previous)
    return count


def test_one_paragraph_repeating_a_quoted_sentence_costs_linear_work(tmp_path: Path) -> None:
    sentence = "“We will meet again,” Haddad said on Tuesday. "
    small, large = _lines_run(tmp_path, sentence * 15), _lines_run(tmp_path, sentence * 60)
    assert large < 5.5 * small, (small, large)


def test_many_people_and_pronouns_cost_linear_work(tmp_path: Path) -> None:
    def body(n: int) -> str:
        return "".join(
            f"“We will meet again on Tuesday,” Minister {_NAMES[i]} {_NAMES[-i - 1]} said. “Nothing is agreed,” he added. "
            f"{_NAMES[-i - 1]} left.\n\n"
            for i in range(n)
        )

    small, large = _lines_run(tmp_path, body(8)), _lines_run(tmp_path, body(32))
    assert large < 5.5 * small, (small, large)


def test_anchors_of_repeated_words_are_chosen_once_per_place() -> None:
    sentence = "Envoys said yes. "
    for repeats in (50, 200):
        text = sentence * repeats
        document = SourceDocument(text, None, 0, ((0, len(text)),))
        anchorer = Anchorer(document)
        for k in range(repeats):
            anchorer.choose(k * len(sentence) + 7, k * len(sentence) + 16)
        per_place = anchorer.work / repeats
        if repeats == 50:
            first = per_place
    assert per_place < 1.3 * first  # the same work per place at four times the places
