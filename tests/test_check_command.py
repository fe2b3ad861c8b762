"""`peacebrief check`: exit status, one line per problem in file order, the summary, --json."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import BUNDLED_BRIEF, HARBOUR_BRIEF, ROOT
from peacebrief.cli import main
from peacebrief.core import load_brief

DOC = "date 2026-02-04 Alma Berg said “an equal share is the only fair share” at the talks.\n"

CLEAN = """\
peacebrief: 1
id: clean
title: Clean brief
as_of: 2026-02-04
sources:
  - {id: wire, title: Wire, path: doc.txt, published: 2026-02-04}
parties:
  - {id: north, name: Northland, role: party}
people:
  - {id: alma, name: Alma Berg, party: north}
quotes:
  - id: q-fair
    speaker: alma
    kind: direct
    text: the only fair share
    source: "an equal share is the only fair share"
    review: is Alma the speaker?
"""

# Broken on lines 8, 10 and 13, in an order the loader does not find them in.
BROKEN = """\
peacebrief: 1
id: broken
title: Broken brief
as_of: 2026-02-04
sources:
  - {id: wire, title: Wire, path: doc.txt, published: 2026-02-04}
parties:
  - {id: north, name: Northland, role: broker}
people:
  - {id: Alma, name: Alma Berg, party: north}
quotes:
  - id: q-fair
    speaker: peskov2
    kind: direct
    text: the only fair share
    source: "an equal share is the only fair share"
"""

BROKEN_LINES = [
    "{path}:8:40: north: `role` is 'broker'; it must be one of: party, mediator, host",
    "{path}:10:10: id 'Alma' is not valid: use lowercase letters, digits and '-', starting with a letter or digit",
    "{path}:13:14: q-fair: speaker 'peskov2' is not a person or party id",
]

SUMMARY = re.compile(
    r"^(?P<path>.+): ok, (?P<records>\d+) records, (?P<anchors>\d+) anchors verified(?:, (?P<marks>\d+) review marks?)?$"
)


@pytest.fixture
def clean(tmp_path, write_brief):
    return write_brief(tmp_path, CLEAN, {"doc.txt": DOC}, name="clean.yaml")


@pytest.fixture
def broken(tmp_path, write_brief):
    return write_brief(tmp_path, BROKEN, {"doc.txt": DOC}, name="broken.yaml")


def run_check(capsys, *args: str) -> tuple[int, list[str], str]:
    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def subprocess_env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT / "tui")}


# -- clean briefs ----------------------------------------------------------------------


def test_a_clean_brief_exits_0_with_a_summary_line(capsys, clean):
    code, lines, err = run_check(capsys, str(clean))

    assert code == 0
    assert err == ""
    assert lines == [
        f"{clean}:17:5: q-fair: warning: needs review: is Alma the speaker?",
        f"{clean}: ok, 4 records, 1 anchors verified, 1 review mark",
    ]


def test_the_bundled_briefs_are_checked_by_default(capsys, bundled_brief):
    code, lines, _ = run_check(capsys)

    assert code == 0
    summaries = [m for m in map(SUMMARY.match, lines) if m]
    assert str(BUNDLED_BRIEF) in [m["path"] for m in summaries]
    (mine,) = [m for m in summaries if m["path"] == str(BUNDLED_BRIEF)]
    assert int(mine["records"]) == len(bundled_brief.records)
    assert int(mine["anchors"]) >= len(bundled_brief.quotes) + len(bundled_brief.events)


def test_several_briefs_get_a_summary_each(capsys):
    code, lines, _ = run_check(capsys, str(BUNDLED_BRIEF), str(HARBOUR_BRIEF))

    assert code == 0
    assert [m["path"] for m in map(SUMMARY.match, lines) if m] == [str(BUNDLED_BRIEF), str(HARBOUR_BRIEF)]


def test_the_second_brief_summary_counts_its_records(capsys, harbour_brief):
    _, lines, _ = run_check(capsys, str(HARBOUR_BRIEF))

    summary = SUMMARY.match(lines[-1])
    assert summary is not None
    assert int(summary["records"]) == len(harbour_brief.records)
    assert int(summary["marks"] or 0) == harbour_brief.review_count


# -- broken briefs ---------------------------------------------------------------------


def test_a_broken_brief_exits_1_with_a_line_per_problem_in_file_order(capsys, broken):
    code, lines, _ = run_check(capsys, str(broken))

    assert code == 1
    assert lines == [line.format(path=broken) for line in BROKEN_LINES] + [f"{broken}: 3 errors, brief not loaded"]


def test_one_broken_brief_fails_the_run_but_the_others_are_still_checked(capsys, clean, broken):
    code, lines, _ = run_check(capsys, str(broken), str(clean))

    assert code == 1
    assert lines[-1] == f"{clean}: ok, 4 records, 1 anchors verified, 1 review mark"


def test_a_bad_input_file_is_one_line_and_exit_1(capsys, tmp_path, write_brief):
    path = write_brief(tmp_path, b"peacebrief: 1\ntitle: caf\xe9\n", name="latin1.yaml")

    code, lines, err = run_check(capsys, str(path))

    assert code == 1
    assert lines == [f"{path}:2:1: is not UTF-8 text (byte 24); save it as UTF-8", f"{path}: 1 error, brief not loaded"]
    assert "Traceback" not in err


# -- usage errors ----------------------------------------------------------------------


def test_a_missing_brief_file_exits_2(capsys, tmp_path):
    missing = tmp_path / "nowhere.yaml"

    code, lines, err = run_check(capsys, str(missing))

    assert code == 2
    assert lines == []
    assert err == f"peacebrief check: {missing}: no such file\n"


def test_a_bad_option_exits_2(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["check", "--no-such-option"])

    assert exited.value.code == 2
    assert "unrecognized arguments: --no-such-option" in capsys.readouterr().err


# -- --json ----------------------------------------------------------------------------


def test_json_carries_the_same_problems_as_the_lines(capsys, broken, clean):
    code, lines, _ = run_check(capsys, str(broken), str(clean))
    json_code, json_lines, _ = run_check(capsys, "--json", str(broken), str(clean))

    report = json.loads("\n".join(json_lines))
    assert json_code == code == 1
    assert report["ok"] is False
    assert [b["path"] for b in report["briefs"]] == [str(broken), str(clean)]
    broken_report, clean_report = report["briefs"]
    assert broken_report["ok"] is False
    assert [
        f"{p['path']}:{p['line']}:{p['column']}: " + (f"{p['record']}: " if p["record"] else "") + p["message"]
        for p in broken_report["problems"]
    ] == lines[:3]
    assert {p["severity"] for p in broken_report["problems"]} == {"error"}
    assert clean_report == {
        "path": str(clean),
        "ok": True,
        "records": 4,
        "anchors": 1,
        "review_marks": 1,
        "problems": [
            {
                "path": str(clean),
                "line": 17,
                "column": 5,
                "record": "q-fair",
                "severity": "warning",
                "message": "needs review: is Alma the speaker?",
            }
        ],
    }


def test_json_on_clean_briefs_is_ok(capsys):
    code, lines, _ = run_check(capsys, "--json", str(BUNDLED_BRIEF))

    report = json.loads("\n".join(lines))
    assert code == 0
    assert report["ok"] is True
    assert report["briefs"][0]["records"] == len(load_brief(BUNDLED_BRIEF).records)


# -- a real process --------------------------------------------------------------------


def test_python_m_peacebrief_check_in_a_subprocess(tmp_path, broken):
    result = subprocess.run(
        [sys.executable, "-m", "peacebrief", "check", str(broken)],
        capture_output=True,
        text=True,
        env=subprocess_env(),
        cwd=tmp_path,
        timeout=60,
    )

    assert result.returncode == 1
    assert result.stdout.splitlines()[:3] == [line.format(path=broken) for line in BROKEN_LINES]
    assert result.stderr == ""


def test_check_never_imports_textual_and_starts_light(tmp_path):
    # Start-up is the command's whole run: nothing of the reader, the digest or `typing`.
    script = (
        "import importlib.util, sys\n"
        "assert importlib.util.find_spec('textual') is not None, 'textual is not installed: this test proves nothing'\n"
        "import peacebrief.cli as cli\n"
        "code = cli.main(['check'])\n"
        "heavy = ('textual', 'markdown_it', 'rich', 'typing', 'json', 'shutil')\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in heavy or m.startswith('peacebrief.core.digest'))\n"
        "assert code == 0, code\n"
        "assert not loaded, loaded\n"
        "print('light')\n"
    )

    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=subprocess_env(),
        cwd=tmp_path,
        timeout=60,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "light"


def test_check_never_prints_a_control_character_from_the_brief(capsys):
    hostile = Path(__file__).parent / "data" / "hostile" / "briefs" / "hostile.yaml"
    assert main(["check", str(hostile)]) == 0
    out = capsys.readouterr().out
    assert "needs review" in out
    assert not any(ch in out for ch in "\x1b\x07\x9b\u202e"), "a raw control character reached the terminal"
    assert "\u241b[2J" in out  # ESC shown as its visible stand-in
