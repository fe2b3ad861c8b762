"""`draft NEW.txt --case FOLDER`: the bodies and sides a new report credits with words are
the case's parties (by name, short name, the name without "Government of", the last word
of a name), and nothing is left to a placeholder party."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from peacebrief.cli import main
from peacebrief.core.case import load_case
from peacebrief.core.case_ids import case_parties
from peacebrief.core.loader import load_brief

EXAMPLE = ROOT / "cases" / "tarren-valley"

ROUND_4 = """\
date 2026-06-19
Tarren talks resume after first prisoner exchange

BRISA (Example Wire) — The fourth round of the Tarren Valley talks opened in Brisa on Thursday, a day after Calder and the Tarren Valley Movement freed 40 prisoners each under the watch of the Lakeshore Forum.

"The exchange went as planned, and every prisoner was seen by our monitors," the Lakeshore Forum said in a statement. Its envoy, Adaeze Kolo, told reporters that the next exchange could come "before the end of July".

The Movement said it wanted the Forum to watch the return of displaced families as well. "Monitors on the river are not enough. Monitors in the villages are what people need," the Movement said.

Mara Linde, Calder's chief negotiator, said the government would discuss the return of families this week. "The first families can go home in September," she said.

The Government of Calder later issued a statement of its own: "Calder will open two crossing points on the river by Monday."

Outside the talks, a group of families held up photographs of relatives still missing. "We were promised answers," one woman said, declining to give her name.

Ilya Marsh, an aide to the host government, said: "Brisa is glad to keep its doors open."
"""


@pytest.fixture
def round_4(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, Path]:
    folder = tmp_path / "tarren"
    shutil.copytree(EXAMPLE, folder)
    source = folder / "sources" / "r4-wire.txt"
    source.write_text(ROUND_4, encoding="utf-8")
    target = folder / "round-4.yaml"
    assert main(["draft", str(source), "--case", str(folder), "-o", str(target)]) == 0
    capsys.readouterr()
    return folder, target


def test_bodies_and_sides_that_speak_are_the_case_parties(round_4: tuple[Path, Path]) -> None:
    _folder, target = round_4
    brief = load_brief(target)
    by_words = {q.text: q.speaker for q in brief.quotes if q.quote_kind == "direct"}
    assert by_words["The exchange went as planned, and every prisoner was seen by our monitors"] == "forum"
    assert by_words["Monitors on the river are not enough. Monitors in the villages are what people need"] == "tvm"
    assert by_words["Calder will open two crossing points on the river by Monday."] == "calder"
    assert by_words["The first families can go home in September"] == "linde"
    roles = {p.id: p.role for p in brief.parties}
    assert roles["forum"] == "mediator" and roles["calder"] == "party"
    assert brief.records["forum"].review is None  # the case settles its role


def test_no_placeholder_party_is_left_and_the_unknown_is_explicit(
    round_4: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, target = round_4
    brief = load_brief(target)
    assert "unassigned" not in brief.records
    assert all(not p.name.startswith("Unassigned") for p in brief.parties)
    unknown = brief.records["unknown"]
    assert unknown.name == "Unknown (the source does not say)"
    quote = next(q for q in brief.quotes if q.text == "We were promised answers")
    assert quote.speaker == "unknown" and quote.review
    marsh = next(p for p in brief.people if p.name == "Ilya Marsh")
    assert marsh.party == "unknown" and marsh.review
    assert main(["check", str(folder)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == f"{folder}: case ok, 4 rounds, 1 disputed event"


def test_case_parties_by_every_name() -> None:
    known = case_parties(load_case(EXAMPLE))
    assert known.find("the Movement").name == "Tarren Valley Movement"  # type: ignore[union-attr]
    assert known.find("TVM").name == "Tarren Valley Movement"  # type: ignore[union-attr]
    assert known.find("Calder").name == "Government of Calder"  # type: ignore[union-attr]
    assert known.find("Calder's").name == "Government of Calder"  # type: ignore[union-attr]
    assert known.find("the Forum").role == "mediator"  # type: ignore[union-attr]
    assert known.find("the Government") is None


def test_a_speaker_the_case_names_keeps_no_review_of_its_side(round_4: tuple[Path, Path]) -> None:
    _folder, target = round_4
    brief = load_brief(target)
    quote = next(q for q in brief.quotes if q.text.startswith("Monitors on the river"))
    assert quote.speaker == "tvm" and quote.review is None
