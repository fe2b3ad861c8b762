"""`peacebrief draft`: the spec of issue 7, checked end to end.

The draft of the seed document is compared with the hand-made brief; the fixtures in
tests/data/draft/ with their expected results; merging into an existing brief, the
overwrite rule, errors, the no-Textual rule and the time budget are checked through the
command itself.
"""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from peacebrief.cli import main
from peacebrief.core.anchors import normalise
from peacebrief.core.draft import DocumentInput, draft_text
from peacebrief.core.draft.evaluate import (
    Score,
    date_text_key,
    draft_and_load,
    expected_from_brief,
    load_expected,
    score,
    words_key,
)
from peacebrief.core.loader import load_brief
from peacebrief.core.model import Anchor, Brief, Party, Person

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_10ec13a8d29864e3.txt"
HAND_MADE = ROOT / "briefs" / "abu-dhabi-2026-02.yaml"
FIXTURES = ROOT / "tests" / "data" / "draft"
EXPECTED = sorted(FIXTURES.glob("*.expected.yaml"))
# Dates the hand-made brief works out from several sentences, which the issue does not
# require: Putin's promise (c. 30 Jan, from "barely four days had passed") and the
# planned two days of the round (from "two-day" and "on Wednesday").
INFERRED = {"ev-putin-grid-pause", "ev-second-round"}


@pytest.fixture(scope="module")
def hand_made() -> Brief:
    return load_brief(HAND_MADE)


@pytest.fixture(scope="module")
def seed_draft(tmp_path_factory: pytest.TempPathFactory) -> Brief:
    folder = tmp_path_factory.mktemp("seed")
    return draft_and_load([here(SEED, folder)], folder=folder)


@pytest.fixture(scope="module")
def seed_score(seed_draft: Brief, hand_made: Brief) -> Score:
    return score(seed_draft, expected_from_brief(hand_made, inferred=INFERRED), name="seed")


def run_cli(*args: str | Path) -> int:
    return main(["draft", *map(str, args)])


def here(document: Path, folder: Path) -> Path:
    """A copy of `document` in `folder`: a brief's sources must stay inside the folder
    that holds the brief's folder, so a draft written to a test's folder drafts from there."""
    folder.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy(document, folder / document.name))


# -- the seed document against the hand-made brief -------------------------------------


def test_seed_all_five_quoted_passages_found(seed_score: Score, hand_made: Brief) -> None:
    passages = {words_key(q.text) for q in hand_made.quotes if q.quote_kind == "direct"}
    assert len(passages) == 5
    assert seed_score.passages_expected == 5
    assert seed_score.passages_matched == 5, seed_score.misses


def test_seed_right_speaker_for_at_least_four(seed_score: Score) -> None:
    assert seed_score.speakers_right >= 4, seed_score.misses


def test_seed_speakers_by_passage(seed_draft: Brief) -> None:
    """Every passage and who the draft says spoke it (the hand-made brief agrees on all)."""
    said: dict[str, set[str]] = {}
    for quote in seed_draft.quotes:
        if quote.quote_kind == "direct":
            speaker = seed_draft.records[quote.speaker]
            assert isinstance(speaker, (Person, Party))
            said.setdefault(quote.text, set()).add(speaker.name)
    assert said == {
        "the doors for a peaceful settlement are open": {"Dmitry Peskov"},
        "Taking advantage of the coldest days of winter to terrorize people is more important to Russia than diplomacy": {
            "Volodymyr Zelenskyy"
        },
        "kept his word": {"Donald Trump"},
        "unfortunately unsurprised": {"Karoline Leavitt"},
        "constructive": {"Russia", "Ukraine"},
    }


def test_seed_every_stated_date_resolved_as_the_hand_made_brief(seed_score: Score, hand_made: Brief) -> None:
    expected = expected_from_brief(hand_made, inferred=INFERRED)
    kinds = {date_text_key(d.text) for d in expected.dates}
    # The kinds the issue names are all there: weekdays, a month, an explicit range,
    # "last week", "the weekend", "overnight" (and "until February 1").
    assert {
        "wednesday",
        "tuesday",
        "late tuesday",
        "february 2022",
        "january 23-24, 2026",
        "last week",
        "the weekend",
        "overnight",
        "for a week until february 1",
    } <= kinds
    assert seed_score.dates_expected == 11
    assert seed_score.dates_right == seed_score.dates_expected, seed_score.misses


def test_seed_dates_evidence_overlaps_the_hand_made_evidence(seed_draft: Brief, hand_made: Brief) -> None:
    """Each stated date is drafted from the same words the hand-made event cites."""
    for event in hand_made.events:
        if not event.date_text or event.id in INFERRED:
            continue
        first = event.evidence[0]
        matches = [
            e
            for e in seed_draft.events
            if e.date.iso() == event.date.iso()
            and date_text_key(e.date_text or "") == date_text_key(event.date_text)
            and any(a.start < first.end and first.start < a.end for a in e.evidence)
        ]
        assert matches, f"{event.id}: no drafted event for {event.date_text!r} over {first.exact[:50]!r}"


def test_seed_people_titles_and_parties(seed_draft: Brief) -> None:
    people = {p.name: p for p in seed_draft.people}
    party = {p.id: p.name for p in seed_draft.parties}
    assert people["Dmitry Peskov"].title == "Kremlin spokesman"
    assert party[people["Dmitry Peskov"].party] == "Russia"
    assert people["Rustem Umerov"].title == "National Security and Defence Council chief"
    assert party[people["Rustem Umerov"].party] == "Ukraine"
    assert people["Karoline Leavitt"].title == "White House Press Secretary"
    assert party[people["Karoline Leavitt"].party] == "United States"
    assert party[people["Volodymyr Zelenskyy"].party] == "Ukraine"
    assert "Zelenskyy" in people["Volodymyr Zelenskyy"].aliases  # later mentions by surname
    # Nothing in the document ties Trump to a side: the placeholder, marked for review.
    assert people["Donald Trump"].party == "unassigned" and people["Donald Trump"].review


def test_seed_quote_said_dates(seed_draft: Brief) -> None:
    said = {q.text: (q.said.iso() if q.said else None, q.date_text) for q in seed_draft.quotes}
    assert said["kept his word"] == ("2026-02-03", "Tuesday")
    assert said["barely four days had passed and a fresh wave of attacks targeted Ukraine’s power grid"] == (
        "2026-02-03",
        "late Tuesday",
    )
    assert said["the doors for a peaceful settlement are open"] == (None, None)


def test_seed_reported_statements(seed_draft: Brief) -> None:
    reported = {q.text: seed_draft.records[q.speaker] for q in seed_draft.quotes if q.quote_kind == "reported"}
    assert reported["Moscow will press its military action until Kyiv meets its demands"].name == "Dmitry Peskov"
    assert (
        reported["The delegations from Moscow and Kyiv were joined in the United Arab Emirates by US officials"].name
        == "Rustem Umerov"
    )
    assert (
        reported[
            "Russia is hitting Ukraine’s energy facilities because its armed forces believe the targets are associated with Kyiv’s military effort"
        ].name
        == "Dmitry Peskov"
    )
    assert reported["the conflict should be frozen along the current front line"].name == "Ukraine"


# -- fixtures ------------------------------------------------------------------------


@pytest.mark.parametrize("expected_file", EXPECTED, ids=lambda p: p.name.split(".")[0])
def test_fixture_expected_results(expected_file: Path, tmp_path: Path) -> None:
    expected = load_expected(expected_file)
    brief = draft_and_load([here(expected.document, tmp_path)], folder=tmp_path)
    result = score(brief, expected, name=expected_file.name)
    assert result.passages_matched == result.passages_expected == result.passages_drafted, result.misses
    assert result.speakers_right == result.passages_expected, result.misses
    assert result.dates_right == result.dates_expected, result.misses
    assert result.reported_matched == result.reported_expected, result.misses
    assert result.reported_speakers_right == result.reported_expected, result.misses
    people = {p.name: p for p in brief.people}
    parties = {p.id: p.name for p in brief.parties}
    for want in expected.people:
        person = people[want["name"]]
        if "title" in want:
            assert person.title == want["title"], want
        if "party" in want:
            assert parties[person.party] == want["party"], want


def test_fixtures_cover_what_the_issue_asks() -> None:
    assert len(EXPECTED) >= 3
    forms: set[str] = set()
    texts = ""
    values: list[str] = []
    for path in EXPECTED:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        forms |= {q.get("form") for q in data["quotes"]}
        texts += (FIXTURES / data["document"]).read_text(encoding="utf-8")
        values += [str(d["value"]) for d in data["dates"]]
    assert {"split", "colon", "fragment"} <= forms
    assert "\u201c" in texts and '"' in texts  # typographic and straight quotes
    assert re.search(r"(?:\u201d|\")\s*(?:she|he) (?:said|added)", texts)  # pronoun speakers
    assert any(re.fullmatch(r"\d{4}-\d{2}", v) for v in values)  # a month
    assert any(re.fullmatch(r"\d{4}", v) for v in values)  # a year


# -- the output loads ------------------------------------------------------------------


@pytest.mark.parametrize(
    "document",
    [SEED, *(FIXTURES / f for f in sorted(os.listdir(FIXTURES)) if f.endswith(".txt"))],
    ids=lambda p: p.stem,
)
def test_output_loads_with_load_brief(document: Path, tmp_path: Path) -> None:
    out = tmp_path / "briefs" / "draft.yaml"
    out.parent.mkdir()
    document = here(document, tmp_path / "seeds")
    assert run_cli(document, "-o", out) == 0
    brief = load_brief(out)  # raises on any error
    assert all(w.severity == "warning" and w.message.startswith("needs review") for w in brief.warnings)
    assert brief.sources[0].path == os.path.relpath(document, out.parent).replace(os.sep, "/")
    assert brief.review_count == sum(1 for r in brief.all_records() if r.review)
    assert brief.quotes and brief.events


def test_several_documents_in_one_draft(tmp_path: Path) -> None:
    out = tmp_path / "two.yaml"
    documents = [here(FIXTURES / "harbour-talks.txt", tmp_path), here(FIXTURES / "marsh-dispute.txt", tmp_path)]
    assert run_cli(*documents, "-o", out) == 0
    brief = load_brief(out)
    assert [s.path for s in brief.sources] == [os.path.relpath(d, tmp_path) for d in documents]
    assert {q.source.source for q in brief.quotes} == {s.id for s in brief.sources}


def test_check_accepts_the_draft(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "draft.yaml"
    assert run_cli(here(SEED, tmp_path), "-o", out) == 0
    capsys.readouterr()
    assert main(["check", str(out)]) == 0
    assert re.search(r"ok, \d+ records, \d+ anchors verified, \d+ review marks?", capsys.readouterr().out)


def test_stdout_paths_are_relative_to_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    shutil.copy(FIXTURES / "ferry-accord.txt", tmp_path / "ferry-accord.txt")
    monkeypatch.chdir(work)
    assert run_cli("../ferry-accord.txt") == 0
    text = capsys.readouterr().out
    assert "    path: ../ferry-accord.txt\n" in text
    (work / "draft.yaml").write_text(text, encoding="utf-8")
    load_brief(work / "draft.yaml")


# -- merging into an existing brief ----------------------------------------------------


def _fields(record: object) -> dict[str, object]:
    """A record's content, with anchors as where they point: what 'unchanged' means."""
    out = {}
    for f in dataclasses.fields(record):  # type: ignore[arg-type]
        if f.name in ("line", "document", "file"):
            continue
        value = getattr(record, f.name)
        if isinstance(value, Anchor):
            value = (value.source, value.start, value.end)
        elif isinstance(value, tuple) and value and isinstance(value[0], Anchor):
            value = tuple((a.source, a.start, a.end) for a in value)
        out[f.name] = value
    return out


def _assert_unchanged(before: Brief, after: Brief) -> None:
    for record in before.all_records():
        assert record.id in after.records, record.id
        assert _fields(after.records[record.id]) == _fields(record), record.id
    assert after.id == before.id and after.title == before.title and after.as_of == before.as_of
    assert after.summary == before.summary and after.key_points == before.key_points


def _copy_bundle(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "briefs", tmp_path / "briefs")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    return tmp_path / "briefs" / HAND_MADE.name


def test_merge_seed_into_its_own_brief_duplicates_nothing(tmp_path: Path, hand_made: Brief) -> None:
    existing = _copy_bundle(tmp_path)
    out = tmp_path / "briefs" / "merged.yaml"
    assert run_cli(SEED, "--brief", existing, "-o", out) == 0
    merged = load_brief(out)
    _assert_unchanged(load_brief(existing), merged)
    assert len(merged.sources) == 1  # the same document: its source is not added again
    names = [p.name for p in merged.people]
    assert len(names) == len(set(names))
    words = [words_key(q.text) for q in merged.quotes]
    for quote in hand_made.quotes:  # no quote words the brief has are added again
        assert words.count(words_key(quote.text)) == [words_key(q.text) for q in hand_made.quotes].count(
            words_key(quote.text)
        )
    party_names = [p.name for p in merged.parties]
    assert len(party_names) == len(set(party_names))
    # The comments and layout of the existing brief are kept, byte for byte, up front.
    original = existing.read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8").startswith(original[: original.index("# --- sources ---")])


def test_merge_twice_adds_nothing_the_second_time(tmp_path: Path) -> None:
    existing = _copy_bundle(tmp_path)
    once = tmp_path / "briefs" / "once.yaml"
    twice = tmp_path / "briefs" / "twice.yaml"
    document = here(FIXTURES / "harbour-talks.txt", tmp_path / "seeds")
    assert run_cli(document, "--brief", existing, "-o", once, "--rewrite-anchors") == 0
    assert run_cli(document, "--brief", once, "-o", twice) == 0
    assert once.read_text(encoding="utf-8") == twice.read_text(encoding="utf-8")


def test_merge_a_new_document(tmp_path: Path) -> None:
    existing = _copy_bundle(tmp_path)
    out = existing.parent / "merged.yaml"
    assert (
        run_cli(
            here(FIXTURES / "marsh-dispute.txt", tmp_path / "seeds"),
            "--brief",
            existing,
            "-o",
            out,
            "--rewrite-anchors",
        )
        == 0
    )
    before, merged = load_brief(existing), load_brief(out)
    _assert_unchanged(before, merged)  # short anchors became {source, exact}: same meaning
    assert len(merged.sources) == 2
    assert merged.sources[0].file.resolve() == before.sources[0].file.resolve()
    new = merged.sources[1]
    assert {q.text for q in merged.quotes if q.source.source == new.id} >= {"a good first step", "The door is open"}


def test_merge_never_changes_an_existing_line_unasked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    existing = _copy_bundle(tmp_path)  # one source, short anchors
    out = existing.parent / "merged.yaml"
    marsh = here(FIXTURES / "marsh-dispute.txt", tmp_path / "seeds")
    assert run_cli(marsh, "--brief", existing, "-o", out) == 1
    err = capsys.readouterr().err
    assert "short anchors" in err and "--rewrite-anchors" in err and "Traceback" not in err
    assert not out.exists()
    elsewhere = tmp_path / "out" / "deeper" / "merged.yaml"
    elsewhere.parent.mkdir(parents=True)
    assert run_cli(marsh, "--brief", existing, "-o", elsewhere, "--rewrite-anchors") == 1
    assert "write the result in that folder" in capsys.readouterr().err and not elsewhere.exists()


def test_merge_keeps_every_byte_of_the_existing_brief(tmp_path: Path) -> None:
    import difflib

    first = tmp_path / "first.yaml"
    assert run_cli(here(FIXTURES / "harbour-talks.txt", tmp_path), "-o", first) == 0
    out = tmp_path / "second.yaml"
    assert run_cli(here(FIXTURES / "marsh-dispute.txt", tmp_path), "--brief", first, "-o", out) == 0
    old, new = (
        first.read_text(encoding="utf-8").splitlines(keepends=True),
        out.read_text(encoding="utf-8").splitlines(keepends=True),
    )
    changes = {tag for tag, *_ in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()}
    assert changes == {"equal", "insert"}  # lines are only added, none changed or removed
    assert len(load_brief(out).sources) == 2


def test_no_event_is_made_of_an_attribution_alone(tmp_path: Path) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_text("date 2026-02-04\n\n“We will meet again,” Teodor Brask said on Tuesday.\n", encoding="utf-8")
    yaml_text, _draft = draft_text(
        [DocumentInput(doc, doc.read_bytes(), doc.read_text(encoding="utf-8"))], paths_from=tmp_path
    )
    (tmp_path / "b.yaml").write_text(yaml_text, encoding="utf-8")
    brief = load_brief(tmp_path / "b.yaml")
    assert not brief.events
    assert [(q.text, q.said.iso() if q.said else None) for q in brief.quotes if q.quote_kind == "direct"] == [
        ("We will meet again", "2026-02-03")
    ]


def test_merge_matches_people_and_parties_of_the_existing_brief(tmp_path: Path) -> None:
    first = tmp_path / "first.yaml"
    assert run_cli(here(FIXTURES / "harbour-talks.txt", tmp_path), "-o", first) == 0
    follow_up = tmp_path / "follow-up.txt"
    follow_up.write_text(
        "date 2025-06-20\n\n"
        "Talks on the harbour tolls ended in Port Lisara on Thursday. “We have a text,” Varnholt said.\n\n"
        "Carrodian Foreign Minister Ilse Varnholt said the survey would be published on Monday.\n",
        encoding="utf-8",
    )
    out = tmp_path / "second.yaml"
    assert run_cli(follow_up, "--brief", first, "-o", out) == 0
    before, merged = load_brief(first), load_brief(out)
    _assert_unchanged(before, merged)
    assert [p.name for p in merged.people].count("Ilse Varnholt") == 1
    assert [p.name for p in merged.parties].count("Carrodia") == 1
    quote = next(q for q in merged.quotes if q.text == "We have a text")
    assert merged.records[quote.speaker].name == "Ilse Varnholt"


def test_merge_refuses_a_brief_that_does_not_load(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("peacebrief: 1\nid: x\n", encoding="utf-8")
    assert run_cli(SEED, "--brief", broken) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "does not load" in err and "Traceback" not in err


# -- writing, overwriting, errors -----------------------------------------------------


def test_output_is_never_overwritten_without_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "draft.yaml"
    out.write_text("keep me\n", encoding="utf-8")
    seed = here(SEED, tmp_path / "seeds")
    assert run_cli(seed, "-o", out) == 2
    assert out.read_text(encoding="utf-8") == "keep me\n"
    err = capsys.readouterr().err
    assert "already exists" in err and "--force" in err and err.count("\n") == 1
    assert run_cli(seed, "-o", out, "--force") == 0
    load_brief(out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.yaml", "seeds"]  # no temporary file left


@pytest.mark.parametrize(
    ("make", "code", "words"),
    [
        (lambda d: d / "missing.txt", 2, "no such file"),
        (lambda d: _write(d / "latin1.txt", "date 2026-02-04\nCaf\xe9 talks".encode("latin-1")), 1, "not UTF-8"),
        (lambda d: _write(d / "undated.txt", b"Talks resumed on Tuesday."), 2, "--date"),
        (lambda d: d, 2, "folder"),
    ],
    ids=["missing", "not-utf8", "no-dateline", "folder"],
)
def test_bad_documents_give_one_line_and_no_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make, code: int, words: str
) -> None:  # type: ignore[no-untyped-def]
    path = make(tmp_path)
    assert run_cli(path) == code
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and words in captured.err and "Traceback" not in captured.err


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_date_option_gives_the_base_date(tmp_path: Path) -> None:
    doc = tmp_path / "undated.txt"
    doc.write_text("Talks resumed in Port Lisara on Tuesday, the mediator said.\n", encoding="utf-8")
    out = tmp_path / "draft.yaml"
    assert run_cli(doc, "--date", "2025-06-12", "-o", out) == 0
    brief = load_brief(out)
    assert brief.sources[0].published.iso() == "2025-06-12"
    assert [e.date.iso() for e in brief.events] == ["2025-06-10"]


def test_the_dateline_wins_over_the_date_option(tmp_path: Path) -> None:
    out = tmp_path / "draft.yaml"
    assert run_cli(here(FIXTURES / "harbour-talks.txt", tmp_path), "--date", "2030-01-01", "-o", out) == 0
    assert load_brief(out).sources[0].published.iso() == "2025-06-12"


def test_merge_adds_missing_sections_at_the_end(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "marsh-dispute.txt", tmp_path / "doc.txt")
    (tmp_path / "other.txt").write_text("date 2025-01-01\n\nThe talks opened on Monday.\n", encoding="utf-8")
    existing = tmp_path / "small.yaml"
    existing.write_text(
        "# A small brief.\npeacebrief: 1\nid: small\ntitle: Small\nas_of: 2025-01-01\n"
        "sources:\n  - id: other\n    title: Other\n    path: other.txt\n    published: 2025-01-01\n"
        "parties:\n  - id: x\n    name: X\n    role: party\n",
        encoding="utf-8",
    )
    out = tmp_path / "merged.yaml"
    assert run_cli(tmp_path / "doc.txt", "--brief", existing, "-o", out) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith(existing.read_text(encoding="utf-8").split("parties:")[0])
    assert text.index("\npeople:") < text.index("\nevents:") < text.index("\nquotes:")
    merged = load_brief(out)
    _assert_unchanged(load_brief(existing), merged)
    assert merged.people and merged.events and merged.quotes


def test_merge_into_a_flow_style_section_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(FIXTURES / "marsh-dispute.txt", tmp_path / "doc.txt")
    (tmp_path / "other.txt").write_text("date 2025-01-01\n\nThe talks opened on Monday.\n", encoding="utf-8")
    existing = tmp_path / "flow.yaml"
    existing.write_text(
        "peacebrief: 1\nid: flow\ntitle: Flow\nas_of: 2025-01-01\n"
        "sources: [{id: other, title: Other, path: other.txt, published: 2025-01-01}]\n"
        "parties: [{id: x, name: X, role: party}]\n",
        encoding="utf-8",
    )
    load_brief(existing)
    assert run_cli(tmp_path / "doc.txt", "--brief", existing) == 1
    err = capsys.readouterr().err
    assert "flow style" in err and err.count("\n") == 1


def test_bad_date_option(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(SEED, "--date", "12/06/2025") == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_the_draft_path_does_not_import_textual(tmp_path: Path) -> None:
    out = tmp_path / "draft.yaml"
    seed, harbour = here(SEED, tmp_path), here(FIXTURES / "harbour-talks.txt", tmp_path)
    code = (
        "import sys\n"
        "from peacebrief.cli import main\n"
        f"assert main(['draft', {str(seed)!r}, '-o', {str(out)!r}]) == 0\n"
        f"assert main(['draft', {str(harbour)!r}, '--brief', {str(out)!r}]) == 0\n"
        "loaded = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "assert not loaded, loaded\n"
        "print('ok')\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "tui")}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("ok")


# -- time budget -----------------------------------------------------------------------


def _long_document() -> str:
    """About 2,000 words of news text: the seed, the fixtures, and the seed with its names changed."""
    strip = re.compile(r"^\s*date \d{4}-\d{2}-\d{2}\s*")
    parts = [strip.sub("", SEED.read_text(encoding="utf-8"))]
    parts += [strip.sub("", p.read_text(encoding="utf-8")) for p in sorted(FIXTURES.glob("*.txt"))]
    other = parts[0]
    for a, b in {
        "Russia": "Carrodia",
        "Ukraine": "Veldmark",
        "Zelenskyy": "Varnholt",
        "Peskov": "Quell",
        "Trump": "Reinholt",
        "Putin": "Sarkis",
        "Kremlin": "Citadel",
        "Moscow": "Velo",
        "Kyiv": "Ostra",
        "Abu Dhabi": "Port Lisara",
    }.items():
        other = other.replace(a, b)
    return "date 2026-02-04\n" + "\n\n".join([*parts, other])


def test_drafting_two_thousand_words_takes_under_a_cpu_second(tmp_path: Path) -> None:
    text = _long_document()
    assert 1900 <= len(text.split()) <= 2600
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    data = path.read_bytes()
    timings = []
    for _ in range(3):
        start = time.process_time()
        yaml_text, draft = draft_text([DocumentInput(path, data, text)], paths_from=tmp_path)
        timings.append(time.process_time() - start)
    assert min(timings) < 1.0, timings
    (tmp_path / "long.yaml").write_text(yaml_text, encoding="utf-8")
    assert load_brief(tmp_path / "long.yaml").quotes
    assert not draft.skipped


def test_normalised_quote_words_match_the_source() -> None:
    """Direct quotes keep the source's own characters (no normalising on the way out)."""
    yaml_text, _ = draft_text(
        [DocumentInput(SEED, SEED.read_bytes(), SEED.read_text(encoding="utf-8"))], paths_from=SEED.parent
    )
    assert "Ukraine’s" in yaml_text and normalise("Ukraine’s") == "Ukraine's"
