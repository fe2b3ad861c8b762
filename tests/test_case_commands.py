"""`check FOLDER` and `digest FOLDER --changes`: the case on the command line.

The changes digest's golden files (tests/golden/tarren-valley-changes.*) are compared byte
for byte; regenerate them as tests/golden/README.md says, then read the diff.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from peacebrief.cli import main

EXAMPLE = ROOT / "cases" / "tarren-valley"
GOLDEN = ROOT / "tests" / "golden"
EXTENSIONS = {"text": "txt", "markdown": "md", "json": "json"}


@pytest.fixture
def in_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # paths in the output are the ones given, relative to the checkout


@pytest.mark.parametrize("fmt", EXTENSIONS)
def test_golden_changes(fmt: str, in_root: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["digest", "cases/tarren-valley", "--changes", "--format", fmt]) == 0
    actual = capsys.readouterr().out.encode("utf-8")
    golden = GOLDEN / f"tarren-valley-changes.{EXTENSIONS[fmt]}"
    if os.environ.get("PEACEBRIEF_REGEN_GOLDEN"):
        golden.write_bytes(actual)
    assert actual == golden.read_bytes(), (
        f"{golden.name} differs; if the change is intended, regenerate (tests/golden/README.md)"
    )


def test_the_changes_digest_says_what_changed_with_both_wordings(
    in_root: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["digest", "cases/tarren-valley", "--changes", "--since", "tarren-round-2"]) == 0
    text = capsys.readouterr().out
    block = text[text.index("Ceasefire and monitors: Tarren Valley Movement") :]
    block = block[: block.index("\n\n")]
    assert block.splitlines() == [
        "Ceasefire and monitors: Tarren Valley Movement",
        "  Round 2   A ceasefire only with international monitors on the line",
        "              “international monitors on the whole line” R2 [1 ¶3]",
        "  Round 3   Accepts Forum monitors along the river line",
        "              “Oren Vasko said the Movement now accepted ceasefire",
        "              monitors from the Lakeshore Forum along the river line”",
        "              R3 [1 ¶3]",
    ]
    assert "Positions: 4 changed, 1 new, 1 dropped, 2 unchanged, 0 not restated." in text
    assert "Shelling of Dovra: the rounds differ on its date and status" in text
    dropped = text[text.index("Dropped positions") :]
    assert dropped[: dropped.index("\n\n")].splitlines()[2:5] == [
        "Troops in the villages: Tarren Valley Movement",
        "  Round 2   Calder's troops must leave the villages before any deal",
        "              “Calder’s troops must leave the valley’s villages before",
    ]
    assert "  Round 3   withdrawn: No longer demands that Calder's troops leave the" in dropped


def test_since_round_1_compares_it_with_the_latest(in_root: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["digest", "cases/tarren-valley", "--changes", "--since", "1", "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert (document["since"]["round"], document["until"]["round"]) == (1, 3)
    assert document["counts"] == {"changed": 5, "new": 2, "dropped": 1, "unchanged": 0, "not_restated": 0}
    [dropped] = [p for p in document["positions"] if p["kind"] == "dropped"]
    assert (dropped["issue"], dropped["before"], [a["status"] for a in dropped["after"]]) == (
        "withdrawal",
        [],
        ["withdrawn"],
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["--since", "9"],
            "no round '9' in cases/tarren-valley; its rounds are 1 (tarren-round-1), 2 (tarren-round-2), 3 (tarren-round-3)",
        ),
        (["--since", "3"], "round 3 does not come before round 3"),
        (["--party", "tvm"], "--party and --until apply to one brief's digest, not to --changes"),
    ],
)
def test_bad_changes_options_are_usage_errors(
    argv: list[str], message: str, in_root: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["digest", "cases/tarren-valley", "--changes", *argv]) == 2
    assert message in capsys.readouterr().err


def test_a_folder_without_changes_says_what_to_add(
    in_root: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["digest", "cases/tarren-valley"]) == 2
    assert "is a case folder: add --changes" in capsys.readouterr().err
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["digest", str(empty)]) == 2
    assert (
        capsys.readouterr().err
        == f"peacebrief digest: {empty}: no briefs in it (a case is a folder of *.yaml briefs)\n"
    )
    assert main(["digest", "briefs/abu-dhabi-2026-02.yaml", "--changes"]) == 2
    assert "--changes compares the rounds of a case: name its folder" in capsys.readouterr().err


def test_check_folder_checks_each_brief_then_the_case(in_root: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "cases/tarren-valley"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "cases/tarren-valley/round-1.yaml: ok, 21 records, 8 anchors verified",
        "cases/tarren-valley/round-2.yaml: ok, 25 records, 11 anchors verified",
        "cases/tarren-valley/round-3.yaml: ok, 28 records, 13 anchors verified",
        "cases/tarren-valley/round-3.yaml:64: ev-dovra-shelling: warning: disputed date and status: "
        "this brief has 11 Apr 2026, occurred, cases/tarren-valley/round-2.yaml:62 has 12 Apr 2026, reported",
        "cases/tarren-valley: case ok, 3 rounds, 1 disputed event",
    ]


def test_check_folder_fails_on_an_id_that_names_another_party(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "case"
    shutil.copytree(EXAMPLE, folder)
    second = folder / "round-2.yaml"
    second.write_text(
        second.read_text(encoding="utf-8").replace("name: Tarren Valley Movement", "name: Valley Front"),
        encoding="utf-8",
    )
    assert main(["check", str(folder), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False
    [case] = report["cases"]
    [problem] = [p for p in case["problems"] if p["severity"] == "error"]
    assert (problem["path"], problem["line"], problem["record"]) == (str(second), 29, "tvm")
    assert problem["message"].startswith(
        f"party 'tvm' has name 'Valley Front' here but 'Tarren Valley Movement' in {folder / 'round-1.yaml'}:29; "
    )


def test_check_an_empty_folder_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path)]) == 2
    assert "no briefs in it" in capsys.readouterr().err
