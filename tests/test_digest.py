"""`peacebrief digest`: golden files, faithfulness, widths, filters, --ascii and the command.

Golden files (tests/golden/, see its README.md) are compared byte for byte. After an
intended change to the digest, regenerate them all with this one command, then review
`git diff tests/golden/`:

    PEACEBRIEF_REGEN_GOLDEN=1 .venv/bin/python -m pytest tests/test_digest.py
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from peacebrief.cli import main
from peacebrief.core import load_brief
from peacebrief.core.anchors import normalise
from peacebrief.core.bundled import default_brief
from peacebrief.core.digest import DigestError, build_view, render_digest
from peacebrief.core.model import Brief
from peacebrief.core.plaintext import cell_width

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"
HARBOUR = ROOT / "tests" / "data" / "harbour" / "briefs" / "harbour.yaml"
REGENERATE = os.environ.get("PEACEBRIEF_REGEN_GOLDEN") == "1"
EXTENSIONS = {"text": "txt", "markdown": "md", "json": "json"}
SECTIONS = ["Bottom line", "Key points", "Timeline", "Positions", "Delegations", "Quotes", "Sources"]


@pytest.fixture(scope="module")
def bundled() -> Brief:
    return load_brief(default_brief())


@pytest.fixture(scope="module")
def harbour() -> Brief:
    return load_brief(HARBOUR)


def briefs() -> list[tuple[str, Path]]:
    return [("abu-dhabi-2026-02", default_brief()), ("harbour", HARBOUR)]


def collapsed(text: str) -> str:
    """The digest as one line: wrapping must not hide anything from a search."""
    return " ".join(text.split())


def section(text: str, title: str) -> str:
    """The body of one `Title\\n-----` section of a text digest."""
    match = re.search(rf"^{re.escape(title)}\n-+\n(.*?)(?=\n\n[^\n]+\n-+\n|\Z)", text, re.DOTALL | re.MULTILINE)
    assert match, f"no section {title!r}"
    return match.group(1)


# -- golden files -----------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
@pytest.mark.parametrize(("name", "path"), briefs(), ids=["bundled", "harbour"])
def test_golden(name: str, path: Path, fmt: str) -> None:
    actual = render_digest(load_brief(path), fmt=fmt).encode("utf-8")  # type: ignore[arg-type]
    golden = GOLDEN / f"{name}.{EXTENSIONS[fmt]}"
    if REGENERATE:
        golden.write_bytes(actual)
        return
    assert golden.exists(), (
        f"{golden} is missing: run PEACEBRIEF_REGEN_GOLDEN=1 .venv/bin/python -m pytest tests/test_digest.py"
    )
    assert actual == golden.read_bytes(), (
        f"{golden.name} differs; if the change is intended, regenerate (see the module docstring)"
    )


def test_the_command_prints_the_golden_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["digest"]) == 0
    assert capsys.readouterr().out.encode("utf-8") == (GOLDEN / "abu-dhabi-2026-02.txt").read_bytes()


def test_same_bytes_in_another_process_and_environment(bundled: Brief) -> None:
    """No dependence on hash seeds, the Unicode width table rich would pick from the
    environment, or the terminal's size."""
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT / "tui"),
        "PYTHONHASHSEED": "12345",
        "UNICODE_VERSION": "9.0.0",
        "COLUMNS": "200",
        "LINES": "10",
    }
    out = subprocess.run(
        [sys.executable, "-m", "peacebrief", "digest"], env=env, capture_output=True, check=True, cwd=ROOT
    ).stdout
    assert out == render_digest(bundled).encode("utf-8")


# -- the text format ----------------------------------------------------------------------


def test_sections_come_in_the_order_of_the_issue(bundled: Brief) -> None:
    text = render_digest(bundled)
    lines = text.splitlines()
    assert lines[0] == bundled.title and set(lines[1]) == {"="}
    assert lines[2] == "As of 4 Feb 2026"
    headings = [lines[i - 1] for i, line in enumerate(lines) if i and line and set(line) == {"-"}]
    assert headings == SECTIONS


def test_header_lists_each_source_with_publisher_and_date(harbour: Brief) -> None:
    head = render_digest(harbour).split("\n\n")[0]
    assert "  [1] Harbour talks open in Veldmark (Calder Bay Wire, 12 Jun 2025)" in head
    assert "[2] Second session of harbour talks postponed (Midland Courier, 16 Jun 2025)" in collapsed(head)


def test_every_quote_appears_with_its_speaker(bundled: Brief) -> None:
    """Each quote is shown with its words and citation, or stands within a quote of the
    same speaker that repeats its words (one line for both, see the next tests)."""
    text = collapsed(render_digest(bundled))
    for quote in bundled.quotes:
        speaker = bundled[quote.speaker].label
        words = collapsed(quote.text)
        document = bundled.source(quote.source.source).document
        citation = f"[{bundled.source_number(quote.source.source)} {document.place(quote.source.paragraph)}]"
        if quote.quote_kind == "direct":
            expected = f"{speaker}: \u201c{words}\u201d {citation}"
        else:
            expected = f"{speaker} (reported): {words} {citation}"
        repeated = f"{speaker} (reported): " in text and f"\u201c{words}\u201d" in text
        assert expected in text or repeated, quote.id


def test_quotes_repeating_the_same_words_are_listed_once_citing_both(bundled: Brief) -> None:
    quotes = section(render_digest(bundled), "Quotes")
    assert quotes.count("kept his word") == 1 and quotes.count("unfortunately unsurprised") == 1
    assert "  3 Feb 2026           Donald Trump (reported): Putin \u201ckept his word\u201d on" in quotes
    # Both parties called the first round "constructive": two speakers, two lines.
    assert quotes.count("\u201cconstructive\u201d") == 2
    doc = json.loads(render_digest(bundled, fmt="json"))
    same = {q["id"]: q["same_words"] for q in doc["quotes"] if q["same_words"]}
    assert same == {
        "q-trump-kept-word": ["q-trump-claim"],
        "q-trump-claim": ["q-trump-kept-word"],
        "q-leavitt-unsurprised": ["q-leavitt-said"],
        "q-leavitt-said": ["q-leavitt-unsurprised"],
    }


def test_same_words_cites_every_record_of_the_line(bundled: Brief) -> None:
    from peacebrief.core.digest import build_view
    from peacebrief.core.digest.view import same_words

    view = build_view(bundled)
    entries = same_words(bundled, view.quotes)
    assert sum(len(e.records) for e in entries) == len(bundled.quotes)
    merged = {e.quote.id: [q.id for q in e.records] for e in entries if len(e.records) > 1}
    assert merged == {
        "q-trump-claim": ["q-trump-claim", "q-trump-kept-word"],
        "q-leavitt-said": ["q-leavitt-said", "q-leavitt-unsurprised"],
    }


def test_a_quote_without_a_date_shows_its_source_date_marked_reported(bundled: Brief) -> None:
    quotes = section(render_digest(bundled), "Quotes")
    assert "undated" not in quotes
    assert "  reported 4 Feb 2026  Dmitry Peskov: \u201cthe doors for a peaceful" in quotes
    markdown = render_digest(bundled, fmt="markdown")
    assert "\u2014 Dmitry Peskov, reported 4 Feb 2026 [1 \u00b63]" in markdown


def test_quotes_are_grouped_by_party_and_dated(bundled: Brief) -> None:
    quotes = section(render_digest(bundled), "Quotes")
    groups = [line for line in quotes.splitlines() if line and not line.startswith(" ")]
    assert groups == ["Russia", "Ukraine", "United States"]
    lines = quotes.splitlines()
    assert lines[1].startswith("  26 Jan-1 Feb 2026    Russia (reported)")
    # By date; a quote dated by its source only stands at that date, after those of the day.
    assert lines.index("Ukraine") < next(i for i, line in enumerate(lines) if "reported 4 Feb 2026  Ukraine" in line)


@pytest.mark.parametrize("width", [40, 72, 100])
@pytest.mark.parametrize("ascii", [False, True])
@pytest.mark.parametrize(("name", "path"), briefs(), ids=["bundled", "harbour"])
def test_no_line_exceeds_the_width(name: str, path: Path, width: int, ascii: bool) -> None:
    text = render_digest(load_brief(path), width=width, ascii=ascii)
    too_long = [line for line in text.splitlines() if cell_width(line) > width]
    assert not too_long
    assert not [line for line in text.splitlines() if line != line.rstrip()], "trailing white space"
    assert "\x1b" not in text and "\t" not in text and text.endswith("\n") and not text.endswith("\n\n")


def test_wide_characters_keep_the_columns_aligned(tmp_path: Path) -> None:
    """CJK and emoji take two cells a character: labels are padded by cells, not by
    characters, so the text beside a CJK label starts where it does beside a Latin one."""
    brief = load_brief(_wide_brief(tmp_path))
    for width in (40, 72):
        text = render_digest(brief, width=width)
        assert all(cell_width(line) <= width for line in text.splitlines()), text
    text = render_digest(brief, width=72)
    positions = section(text, "Positions").splitlines()
    assert positions[1].startswith("  東京代表団  港口")
    assert {_text_start(line) for line in positions[1:]} == {14}
    quotes = [line for line in section(text, "Quotes").splitlines() if line.startswith("  ")]
    assert {_text_start(line) for line in quotes} == {17}
    # A run of CJK has no spaces: it is cut by cells, and the cut lines stay in the column.
    timeline = section(text, "Timeline").splitlines()
    assert [_text_start(line) for line in timeline] == [12, 12]
    assert cell_width(timeline[0]) in (71, 72)


def _text_start(line: str) -> int:
    """The cell where the text of a column row begins: after the label and its gutter,
    or after the blanks that stand for the label on a continuation line."""
    body = line.lstrip(" ")
    indent = len(line) - len(body)
    if "  " in body:  # label, gutter, text
        label, _, text = body.partition("  ")
        return indent + cell_width(label) + (len(body) - len(label) - len(text.lstrip(" "))) if text.strip() else indent
    return indent


def _wide_brief(folder: Path) -> Path:
    (folder / "seeds").mkdir()
    (folder / "briefs").mkdir()
    (folder / "seeds" / "wide.txt").write_text(
        "date 2025-03-02 東京の代表団は「港口は開かれている」と述べた。"
        " The Westport envoy said “ports stay open 🚢 for everyone” on Sunday.\n",
        encoding="utf-8",
    )
    (folder / "briefs" / "wide.yaml").write_text(
        """\
peacebrief: 1
id: wide
title: "港口交渉 harbour talks 🚢 with wide characters in the title to wrap"
as_of: "2025-03-02"
summary: "東京の代表団は港口について話し合った。東京の代表団は港口について話し合った。東京の代表団は港口について話し合った。"
sources:
  - {id: wire, title: "港口 wire", path: ../seeds/wide.txt, published: "2025-03-02"}
parties:
  - {id: east, name: "東京代表団", role: party}
  - {id: west, name: Westport, role: party}
people:
  - {id: envoy, name: "🚢 Envoy", party: west, title: envoy, delegate: true}
issues:
  - {id: ports, title: Ports}
events:
  - id: ev-talk
    date: "2025-03-02"
    title: "港口について話し合う会議が開かれた。港口について話し合う会議が開かれた。"
    parties: [east, west]
    evidence: ["ports stay open"]
positions:
  - {id: east-ports, party: east, issue: ports, stance: "港口は開かれている 港口は開かれている 港口は開かれている", evidence: [q-east]}
  - {id: west-ports, party: west, issue: ports, stance: Ports stay open for everyone, evidence: [q-west]}
quotes:
  - {id: q-east, speaker: east, kind: reported, text: "港口は開かれている", said: "2025-03-02", source: "港口は開かれている"}
  - {id: q-west, speaker: envoy, kind: direct, text: "ports stay open 🚢 for everyone", said: "2025-03-02~", source: "ports stay open 🚢 for everyone"}
""",
        encoding="utf-8",
    )
    return folder / "briefs" / "wide.yaml"


def test_positions_show_the_matrix_with_no_stated_position(bundled: Brief) -> None:
    positions = section(render_digest(bundled), "Positions")
    block = positions.split("\n\n")[1].splitlines()
    assert block[0] == "Donetsk, Luhansk and the front line"
    assert block[1].startswith("  Russia         Ukraine must withdraw")
    assert block[-1] == "  United States  no stated position"
    # The host states nothing anywhere: no column of "no stated position" for it.
    assert "United Arab Emirates" not in positions


def test_delegations_mark_the_delegates(bundled: Brief) -> None:
    delegations = section(render_digest(bundled), "Delegations").splitlines()
    assert "  * Rustem Umerov        National Security and Defence Council chief" in delegations
    assert "    Dmitry Peskov        Kremlin spokesman" in delegations
    assert "United Arab Emirates (host)" in delegations
    assert delegations[-1] == "* sits in the negotiating delegation"


def test_timeline_is_chronological_and_notes_status(bundled: Brief) -> None:
    timeline = section(render_digest(bundled), "Timeline")
    entries = [entry.splitlines()[0] for entry in timeline.split("\n\n")]
    assert len(entries) == len(bundled.events)
    assert entries[0].startswith("Feb 2022           Russia's full-scale invasion")
    assert "31 Jan-1 Feb 2026  POSTPONED: Second round of talks originally scheduled" in entries
    assert any(e.startswith("4-5 Feb 2026       SCHEDULED: Second round") for e in entries)
    assert "UNCONFIRMED: Russia's claimed week-long halt" in timeline
    # The place is added unless the title already names it.
    assert "First round of trilateral peace talks, Abu Dhabi" in timeline
    assert "Kyiv, Kyiv" not in timeline


def test_sources_give_paragraphs_without_the_sha256(bundled: Brief, harbour: Brief) -> None:
    """The text digest is for e-mail: no sha256 (the JSON keeps it); three one-line
    headings of the bundled source are not counted among its paragraphs."""
    sources = section(render_digest(bundled), "Sources")
    assert sources.endswith("    4 Feb 2026; 16 paragraphs\n") and "sha256" not in render_digest(bundled)
    sources = section(render_digest(harbour), "Sources")
    assert "[1] Harbour talks open in Veldmark\n    Calder Bay Wire, 12 Jun 2025; 7 paragraphs\n" in sources
    assert "[2] Second session" in sources
    assert "sha256" not in render_digest(harbour, fmt="markdown")
    assert json.loads(render_digest(bundled, fmt="json"))["sources"][0]["sha256"].startswith("43e5f4e195e0")


def test_sha256_is_computed_when_the_brief_has_none(tmp_path: Path) -> None:
    shutil.copytree(HARBOUR.parents[1], tmp_path / "harbour")
    path = tmp_path / "harbour" / "briefs" / "harbour.yaml"
    path.write_text(re.sub(r"\n +sha256: \w+", "", path.read_text(encoding="utf-8")), encoding="utf-8")
    brief = load_brief(path)
    assert all(source.sha256 is None for source in brief.sources)
    expected = hashlib.sha256((tmp_path / "harbour" / "seeds" / "harbour-wire.txt").read_bytes()).hexdigest()
    assert json.loads(render_digest(brief, fmt="json"))["sources"][0]["sha256"] == expected


def test_markdown_in_the_brief_becomes_plain_text(harbour: Brief) -> None:
    bottom = section(render_digest(harbour), "Bottom line")
    assert "*" not in bottom and "**" not in bottom
    assert "the harbour dispute <https://example.org/harbour>." in collapsed(bottom)
    assert "\n\n- Tolls: Northland wants an equal share of the revenue.\n- Fishing:" in bottom


def test_key_points_carry_their_reference_numbers(harbour: Brief) -> None:
    points = section(render_digest(harbour), "Key points")
    assert collapsed(points).startswith(
        "- Both delegations agreed to revive the harbour commission; its first sitting is set for 1\u20132 July. [1 \u00b64; 2 \u00b67]"
    )


def test_review_marks_are_shown_and_explained(harbour: Brief) -> None:
    text = render_digest(harbour)
    assert "Southland (reported) (under review): Northland's coast guard" in collapsed(text)
    assert "Items marked (under review) are still being checked" in collapsed(text.split("\n\n")[0])


# -- filters ------------------------------------------------------------------------------


def test_party_keeps_what_concerns_it(bundled: Brief) -> None:
    view = build_view(bundled, party="russia")
    assert view.people and all(p.party == "russia" for p in view.people)
    assert view.positions and all(p.party == "russia" for p in view.positions)
    assert {q.id for q in view.quotes} == {q.id for q in bundled.quotes if bundled.party_of(q.id).id == "russia"}  # type: ignore[union-attr]
    assert all("russia" in e.parties or any(bundled.party_of(p).id == "russia" for p in e.people) for e in view.events)  # type: ignore[union-attr]
    assert "ev-white-house-confirms" not in {e.id for e in view.events}
    text = render_digest(bundled, party="russia")
    assert "Filtered: only what concerns Russia." in text
    assert [line for line in section(text, "Quotes").splitlines() if line and not line.startswith(" ")] == ["Russia"]
    assert "Volodymyr Zelenskyy" not in section(text, "Quotes")
    rows = [line.split()[0] for line in section(text, "Positions").splitlines() if line[:3].strip() and line[0] == " "]
    assert len(rows) == len(bundled.issues) and set(rows) == {"Russia"}
    assert section(text, "Delegations").splitlines()[0] == "Russia"


def test_party_through_a_person_takes_the_event(harbour: Brief) -> None:
    # ev-trawlers-turned-back names Northland's minister among its people.
    assert "ev-trawlers-turned-back" in {e.id for e in build_view(harbour, party="north").events}
    midland = build_view(harbour, party="midland")
    assert {q.speaker for q in midland.quotes} == {"midland", "lowe"}
    assert [p.id for p in midland.matrix_parties] == ["midland"]


def test_unknown_party_lists_the_known_ones(bundled: Brief) -> None:
    with pytest.raises(DigestError, match="its parties are: russia, ukraine, us, uae"):
        render_digest(bundled, party="kremlin")


def test_since_and_until_window_the_timeline_and_quotes(bundled: Brief) -> None:
    view = build_view(bundled, since="2026-02-03", until="2026-02-03")
    assert [e.id for e in view.events] == [
        "ev-overnight-attack",  # 2-3 Feb: overlaps the window
        *(e.id for e in bundled.events if e.date.iso() == "2026-02-03"),
    ]
    assert view.quotes and all(q.said is not None and q.said.earliest <= view.window.until.latest for q in view.quotes)  # type: ignore[union-attr]
    assert "q-peskov-doors" not in {q.id for q in view.quotes}  # undated
    assert len(view.key_points) == len(bundled.key_points)  # the window leaves the key points
    text = render_digest(bundled, since="2026-02-03", until="2026-02-03")
    assert "events and quotes on 3 Feb 2026, undated quotes left out" in collapsed(text)


def test_a_month_or_a_year_covers_all_its_days(bundled: Brief) -> None:
    january = {e.id for e in build_view(bundled, until="2026-01").events}
    # 23-24 Jan, and the week of 26 Jan-1 Feb that overlaps January; not 2 Feb on.
    assert {"ev-invasion-began", "ev-first-round", "ev-kyiv-strike-halt", "ev-second-round-weekend"} <= january
    assert "ev-overnight-attack" not in january
    assert [e.id for e in build_view(bundled, since="2022", until="2022").events] == ["ev-invasion-began"]
    # An event dated only "Feb 2022" may fall on 20 Feb: it overlaps a window starting then.
    assert "ev-invasion-began" in {e.id for e in build_view(bundled, since="2022-02-20", until="2022-03").events}


@pytest.mark.parametrize(
    ("since", "until", "message"),
    [
        ("2026-02-05", "2026-02-01", "before"),
        ("2026-02-04/2026-02-05", None, "YYYY"),
        ("2026-02-30", None, "not a day"),
        ("yesterday", None, "not a date"),
        ("2026-02~", None, "YYYY"),
    ],
)
def test_bad_windows_are_refused(bundled: Brief, since: str, until: str | None, message: str) -> None:
    with pytest.raises(DigestError, match=message):
        render_digest(bundled, since=since, until=until)


def test_filters_apply_to_every_format(bundled: Brief) -> None:
    doc = json.loads(render_digest(bundled, fmt="json", party="us", since="2026-02"))
    assert doc["filter"] == {"party": "us", "since": "2026-02", "until": None}
    assert {q["party"] for q in doc["quotes"]} == {"us"}
    assert all(q["said"] is not None for q in doc["quotes"])
    assert {m["party"] for m in doc["matrix"]} == {"us"}
    markdown = render_digest(bundled, fmt="markdown", party="us")
    assert "### Russia" not in markdown and "### United States" in markdown


# -- --ascii ------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
@pytest.mark.parametrize(("name", "path"), briefs(), ids=["bundled", "harbour"])
def test_ascii_leaves_no_other_character(name: str, path: Path, fmt: str) -> None:
    out = render_digest(load_brief(path), fmt=fmt, ascii=True)  # type: ignore[arg-type]
    assert out.isascii(), sorted({c for c in out if not c.isascii()})


def test_ascii_folds_punctuation_and_keeps_the_words(bundled: Brief) -> None:
    text = render_digest(bundled, ascii=True)
    assert 'Donald Trump (reported): Putin "kept his word" on the temporary pause [1 para 12]' in collapsed(text)
    assert "Ukraine's power grid" in collapsed(text)
    assert "(Abu Dhabi, 23-24 Jan 2026)" in collapsed(text)
    # JSON escapes instead of folding: the data stays the source's own characters.
    assert json.loads(render_digest(bundled, fmt="json", ascii=True)) == json.loads(render_digest(bundled, fmt="json"))


# -- Markdown and JSON --------------------------------------------------------------------


def test_markdown_has_headings_a_matrix_table_and_block_quotes(bundled: Brief) -> None:
    out = render_digest(bundled, fmt="markdown")
    tokens = MarkdownIt("commonmark").enable("table").parse(out)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag == "h2"]
    assert headings == SECTIONS
    assert "| Issue | Russia | Ukraine | United States |" in out
    assert "| Control of the Zaporizhzhia Nuclear Power Plant | Russia must have control" in out
    assert out.count("*no stated position*") == 3
    assert sum(1 for t in tokens if t.type == "blockquote_open") == len(bundled.quotes) - 2  # two said twice
    assert (
        "> *Reported:* Putin \u201ckept his word\u201d on the temporary pause\n>\n> \u2014 Donald Trump, 3 Feb 2026 [1 \u00b612]"
        in out
    )
    assert "> *Reported:* Moscow will press its military action" in out


def test_markdown_escapes_the_brief_plain_strings() -> None:
    from peacebrief.core.digest.markdown import escape

    assert escape("a*b_c|d [e] <f> `g` #h") == "a\\*b\\_c\\|d \\[e\\] \\<f\\> \\`g\\` \\#h"


@pytest.mark.parametrize(("name", "path"), briefs(), ids=["bundled", "harbour"])
def test_json_is_the_resolved_brief(name: str, path: Path) -> None:
    brief = load_brief(path)
    doc = json.loads(render_digest(brief, fmt="json"))
    assert (doc["format"], doc["version"]) == ("peacebrief-digest", 2)
    assert list(doc) == [
        "format",
        "version",
        "brief",
        "filter",
        "key_points",
        "sources",
        "parties",
        "people",
        "issues",
        "events",
        "positions",
        "quotes",
        "matrix",
        "links",
    ]
    ids = [
        r["id"]
        for kind in ("sources", "parties", "people", "issues", "events", "positions", "quotes")
        for r in doc[kind]
    ]
    assert ids == [r.id for r in brief.all_records()]
    texts = {s["id"]: brief.source(s["id"]).document.text for s in doc["sources"]}
    anchors = (
        [q["source"] for q in doc["quotes"]]
        + [a for e in doc["events"] for a in e["evidence"]]
        + [a for p in doc["positions"] for a in p["evidence"]]
    )
    for anchor in anchors:
        assert texts[anchor["source"]][anchor["start"] : anchor["end"]] == anchor["matched"]
        source = doc["sources"][anchor["source_number"] - 1]
        blocks = sorted(source["paragraphs"] + source["headings"], key=lambda b: b["block"])
        block = blocks[anchor["block"] - 1]
        assert block["start"] <= anchor["start"] < block["end"]
        assert block.get("number") == anchor["paragraph"]  # a heading has no number, nor its anchors
    for quote in doc["quotes"]:
        in_source = texts[quote["source"]["source"]][quote["text_start"] : quote["text_end"]]
        assert normalise(in_source) == normalise(quote["text"])  # the source may wrap the words
    assert len(doc["matrix"]) == len(brief.issues) * len(brief.parties)
    assert sum(len(m["positions"]) for m in doc["matrix"]) == len(brief.positions)
    kept = set(ids)
    assert doc["links"] and all(link["origin"] in kept and link["target"] in kept for link in doc["links"])
    assert {
        "origin": "q-peskov-doors",
        "relation": "speaker",
        "target": "peskov",
        "paragraph": None,
        "block": None,
    } in doc["links"] or name != "abu-dhabi-2026-02"


def test_the_json_document_names_no_local_path(bundled: Brief) -> None:
    out = render_digest(bundled, fmt="json")
    assert str(ROOT) not in out and "abu-dhabi-2026-02.yaml" in out


def test_options_are_checked(bundled: Brief) -> None:
    with pytest.raises(DigestError, match="at least 40"):
        render_digest(bundled, width=39)
    with pytest.raises(DigestError, match="unknown format"):
        render_digest(bundled, fmt="html")  # type: ignore[arg-type]


# -- the command --------------------------------------------------------------------------


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        code = main(["digest", *args])
    except SystemExit as exc:  # argparse's usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_formats_and_width(capsys: pytest.CaptureFixture[str], bundled: Brief) -> None:
    code, out, _ = run_cli(["--format", "markdown", str(default_brief())], capsys)
    assert code == 0 and out == render_digest(bundled, fmt="markdown")
    code, out, _ = run_cli(["--width", "40", "--party", "ukraine", "--since", "2026-02", "--ascii"], capsys)
    assert code == 0 and out == render_digest(bundled, width=40, party="ukraine", since="2026-02", ascii=True)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--width", "39"], "at least 40"),
        (["--width", "wide"], "not a number"),
        (["--party", "kremlin"], "its parties are: russia, ukraine, us, uae"),
        (["--since", "2026-02-31"], "not a day"),
        (["--since", "2026-03", "--until", "2026-02"], "before --since"),
        (["--format", "html"], "invalid choice"),
        (["no-such-brief.yaml"], "no such file"),
    ],
)
def test_cli_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
    code, out, err = run_cli(args, capsys)
    assert code == 2 and out == "" and message in err and "Traceback" not in err


def test_cli_brief_with_errors_exits_1_and_lists_them(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    shutil.copytree(HARBOUR.parents[1], tmp_path / "harbour")
    path = tmp_path / "harbour" / "briefs" / "harbour.yaml"
    text = path.read_text(encoding="utf-8").replace("speaker: lowe", "speaker: lowe2", 1)
    path.write_text(
        text.replace("party: south, title: spokesman", "party: nowhere, title: spokesman"), encoding="utf-8"
    )
    code, out, err = run_cli([str(path)], capsys)
    assert code == 1 and out == ""
    lines = err.splitlines()
    assert any(line.startswith(f"{path}:") and "'lowe2' is not a person or party id" in line for line in lines)
    assert any("'nowhere' is not a party id" in line for line in lines)
    assert lines[-1] == f"peacebrief digest: {path}: 2 errors, no digest written"


def test_cli_help_explains_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["--help"], capsys)
    assert code == 0
    for option in (
        "-o FILE",
        "--force",
        "--width N",
        "--format",
        "--party ID",
        "--since DATE",
        "--until DATE",
        "--ascii",
    ):
        assert option in out
    assert "Exit status" in out and "docs/digest-json.md" in out


def test_the_bundled_digest_imports_no_textual_and_starts_light() -> None:
    # Start-up is the command's whole run. Besides Textual: markdown-it (the summary's only
    # Markdown is bold words), rich (every character is one cell wide) and typing.
    env = {**os.environ, "PYTHONPATH": str(ROOT / "tui")}
    code = (
        "import sys; from peacebrief.cli import main; rc = main(['digest']); "
        "assert rc == 0, rc; "
        "heavy = ('textual', 'markdown_it', 'rich', 'typing', 'secrets', 'shutil', 'json'); "
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in heavy); "
        "assert not loaded, loaded"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    assert result.returncode == 0, result.stderr


def test_the_core_digest_modules_do_not_import_textual() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "tui")}
    code = (
        "import sys; import peacebrief.core.plaintext, peacebrief.core.export, peacebrief.core.digest.text, "
        "peacebrief.core.digest.markdown, peacebrief.core.digest.as_json, peacebrief.commands.digest; "
        "assert not [m for m in sys.modules if m.startswith('textual')]"
    )
    subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, check=True)
