"""Every command's exit status for each kind of bad argument, and a mistyped command.

The convention: 2 for a usage error (a file that does not exist, a folder that holds no
brief, where a brief or a case is wanted, a bad option), 1 for a brief with errors, 0
otherwise; the message goes to standard error and names the file. (A folder of briefs
is a case: `check` and the reader take it, `digest` only with --changes.)
"""

from __future__ import annotations

from pathlib import Path

import pytest

from peacebrief.cli import main

DOC = "date 2026-02-04 Envoys met in Abu Dhabi on Wednesday, the minister said.\n"


@pytest.fixture
def places(tmp_path: Path) -> dict[str, Path]:
    (tmp_path / "folder").mkdir()
    (tmp_path / "empty.yaml").write_text("", encoding="utf-8")
    (tmp_path / "broken.yaml").write_text("peacebrief: 1\nid: x\n", encoding="utf-8")
    (tmp_path / "doc.txt").write_text(DOC, encoding="utf-8")
    return {
        "missing": tmp_path / "nowhere.yaml",
        "folder": tmp_path / "folder",
        "empty": tmp_path / "empty.yaml",
        "broken": tmp_path / "broken.yaml",
        "doc": tmp_path / "doc.txt",
    }


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    try:
        code = main(args)
    except SystemExit as exit:  # argparse's usage errors
        code = int(exit.code or 0)
    return code, capsys.readouterr().err


@pytest.mark.parametrize("command", ["check", "digest"])
@pytest.mark.parametrize(
    ("kind", "status", "says"),
    [
        ("missing", 2, "no such file"),
        ("folder", 2, "no briefs in it"),  # a folder with no brief in it: not a case either
        ("empty", 1, "the file is empty"),
        ("broken", 1, "error"),
    ],
)
def test_check_and_digest(
    command: str, kind: str, status: int, says: str, places: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    try:
        code = main([command, str(places[kind])])
    except SystemExit as exit:
        code = int(exit.code or 0)
    captured = capsys.readouterr()
    assert code == status
    assert says in captured.err + captured.out  # check lists a brief's problems on standard output
    if status == 2:
        assert str(places[kind]) in captured.err


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["check", "--bogus"], "unrecognized arguments"),
        (["digest", "--width", "wide"], "not a number of columns"),
        (["digest", "--since", "someday"], "--since"),
        (["digest", "--format", "pdf"], "invalid choice"),
        (["draft"], "required"),
        (["draft", "--date", "tomorrow", "DOC"], "--date"),
        (["--bogus"], "unrecognized arguments"),
    ],
)
def test_a_bad_option_exits_2(
    args: list[str], says: str, places: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    args = [str(places["doc"]) if a == "DOC" else a for a in args]
    code, err = run(args, capsys)
    assert code == 2 and says in err


@pytest.mark.parametrize("command", [["digest"], ["draft", "DOC"]])
def test_an_output_file_that_exists_is_a_usage_error_and_is_kept(
    command: list[str], places: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """Asked to write over a file without --force, digest and draft refuse like any bad option: 2."""
    kept = places["doc"].parent / "kept.txt"
    kept.write_text("an analyst's notes\n", encoding="utf-8")
    args = [str(places["doc"]) if a == "DOC" else a for a in command]
    code, err = run([*args, "-o", str(kept)], capsys)
    assert code == 2 and f"{kept} already exists; pass --force to overwrite it" in err
    assert kept.read_text(encoding="utf-8") == "an analyst's notes\n"


@pytest.mark.parametrize(
    ("kind", "status", "says"),
    [
        ("missing", 2, "no such file"),
        ("folder", 2, "is a folder, not a document"),
        ("empty", 1, "is empty"),
    ],
)
def test_draft(kind: str, status: int, says: str, places: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    code, err = run(["draft", str(places[kind])], capsys)
    assert code == status and says in err


@pytest.mark.parametrize(
    ("kind", "status", "says"),
    [
        ("missing", 2, "no such file or folder"),
        ("folder", 2, "no briefs in it"),
        ("empty", 1, "the file is empty"),
    ],
)
def test_the_reader_says_so_without_opening_a_screen(
    kind: str,
    status: int,
    says: str,
    places: dict[str, Path],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import peacebrief.app.app as app_module

    def no_screen(*args: object, **kwargs: object) -> None:
        raise AssertionError("the reader opened a screen")

    monkeypatch.setattr(app_module.BriefApp, "run", no_screen)
    code, err = run([str(places[kind])], capsys)
    assert code == status and says in err and str(places[kind]) in err


@pytest.mark.parametrize(
    ("typed", "meant"), [("chek", "check"), ("digets", "digest"), ("darft", "draft"), ("Check", "check")]
)
def test_a_mistyped_command_suggests_the_nearest(
    typed: str, meant: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    code, err = run([typed], capsys)
    assert code == 2 and f"did you mean `peacebrief {meant}`?" in err


def test_a_file_named_like_a_command_is_still_opened(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """`peacebrief chek` opens ./chek when there is such a file: a suggestion never hides a brief."""
    import peacebrief.app.app as app_module

    opened: list[object] = []
    monkeypatch.setattr(app_module.BriefApp, "run", lambda self: opened.append(self))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "chek").write_text("peacebrief: 1\n", encoding="utf-8")
    code, err = run(["chek"], capsys)
    assert code == 0 and opened and "did you mean" not in err


def test_a_word_near_no_command_is_a_missing_file(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    code, err = run(["zebra"], capsys)
    assert code == 2 and "zebra: no such file" in err and "did you mean" not in err
