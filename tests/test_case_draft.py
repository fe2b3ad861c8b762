"""`draft NEW.txt --case FOLDER`: the next round's draft takes the case's ids, and joins it."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from conftest import ROOT
from peacebrief.cli import main
from peacebrief.core.case import load_case
from peacebrief.core.case_ids import adopt_case_ids
from peacebrief.core.loader import load_brief

EXAMPLE = ROOT / "cases" / "tarren-valley"

ROUND_4 = """\
date 2026-06-19 The fourth round of the Tarren Valley talks opened in Brisa on Thursday, a day after the first exchange of prisoners.

Linde said Calder would now discuss the return of displaced families. “The first families can go home in September,” she said.

Vasko told reporters the Movement wanted the Lakeshore Forum to monitor the return as well.
"""


@pytest.fixture
def case_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "tarren"
    shutil.copytree(EXAMPLE, folder)
    (folder / "sources" / "r4-wire.txt").write_text(ROUND_4, encoding="utf-8")
    return folder


def test_the_draft_reuses_the_case_ids_and_the_case_still_checks(
    case_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = case_folder / "round-4.yaml"
    assert (
        main(["draft", str(case_folder / "sources" / "r4-wire.txt"), "--case", str(case_folder), "-o", str(target)])
        == 0
    )
    brief = load_brief(target)
    people = {p.id: (p.name, p.party) for p in brief.people}
    assert people == {"linde": ("Mara Linde", "calder"), "vasko": ("Oren Vasko", "tvm")}
    assert {"calder", "tvm"} <= {p.id for p in brief.parties}
    assert {q.speaker for q in brief.quotes} >= {"linde", "vasko"}
    capsys.readouterr()
    assert main(["check", str(case_folder)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[-1] == f"{case_folder}: case ok, 4 rounds, 1 disputed event"
    assert load_case(case_folder).latest.file == "round-4.yaml"


def test_a_drafted_round_that_states_no_position_drops_none(
    case_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The new report says nothing of the parties' stances: the changes digest says each
    is not restated (the earlier words stand), not that all of them were dropped."""
    target = case_folder / "round-4.yaml"
    assert (
        main(["draft", str(case_folder / "sources" / "r4-wire.txt"), "--case", str(case_folder), "-o", str(target)])
        == 0
    )
    assert load_brief(target).positions == ()
    capsys.readouterr()
    assert main(["digest", str(case_folder), "--changes"]) == 0
    text = capsys.readouterr().out
    assert "Positions: 0 changed, 0 new, 0 dropped, 0 unchanged, 7 not restated." in text
    silent = text[text.index("Positions not restated") :]
    assert silent.splitlines()[2:5] == [
        "Ceasefire and monitors: Government of Calder",
        "  Round 3   Accepts ceasefire monitors from the Lakeshore Forum",
        "              “Calder still accepted the Forum’s monitors” R3 [1 ¶4]",
    ]
    assert "  Round 4   not restated: the round says nothing of it" in silent


def test_without_case_the_same_draft_does_not_join(case_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = case_folder / "round-4.yaml"
    assert main(["draft", str(case_folder / "sources" / "r4-wire.txt"), "-o", str(target)]) == 0
    capsys.readouterr()
    assert main(["check", str(case_folder)]) == 1  # "Linde", of no party, is not the case's linde
    assert "person 'linde' has name 'Linde' here but 'Mara Linde'" in capsys.readouterr().out


DRAFT = textwrap.dedent("""\
    peacebrief: 1
    id: next
    title: Next
    as_of: 2026-07-01
    # --- parties ---
    parties:
      - id: movement
        name: Tarren Valley Movement
        role: party
      - id: calder-2
        name: Calder
        role: party
      - {id: forum, name: Some Other Forum, role: party}
    # --- people ---
    people:
      - id: oren
        name: O. Vasko
        aliases: [Vasko]
        party: movement
    issues:
      - {id: prisoner-swap, title: Prisoners and detainees}
    events:
      - {id: ev-x, date: 2026-07-01, title: X, parties: [movement, calder-2, forum], people: [oren], issues: [prisoner-swap], evidence: [x]}
    quotes:
      - {id: q-x, speaker: oren, kind: reported, text: x, source: x}
    """)


def test_adopt_renames_every_reference_and_keeps_clear_of_the_case_ids() -> None:
    text, renamed = adopt_case_ids(DRAFT, load_case(EXAMPLE))
    assert renamed == {
        "movement": "tvm",
        "calder-2": "calder",
        "forum": "forum-new",
        "oren": "vasko",
        "prisoner-swap": "prisoners",
    }
    assert "  - {id: forum-new, name: Some Other Forum, role: party}\n" in text
    assert '  - id: vasko\n    name: "Oren Vasko"\n    aliases: [Vasko]\n    party: tvm\n' in text
    assert "parties: [tvm, calder, forum-new], people: [vasko], issues: [prisoners]" in text
    assert "speaker: vasko" in text
    assert "# --- people ---" in text  # the draft's layout stays
