"""Citations: the one form `y`, the digests and the JSON digest share (core/citation.py).

The golden files (tests/golden/citations-*.txt) hold what `y` copies for a record of each
kind, for a quote with no date of its own, and for a paragraph; regenerate them as the
digest's (tests/golden/README.md) and read the diff.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from peacebrief.core import load_brief
from peacebrief.core.bundled import default_brief
from peacebrief.core.citation import paragraph_plaintext, record_plaintext
from peacebrief.core.digest import render_digest
from peacebrief.core.model import Brief

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"
HARBOUR = ROOT / "tests" / "data" / "harbour" / "briefs" / "harbour.yaml"
REGENERATE = os.environ.get("PEACEBRIEF_REGEN_GOLDEN") == "1"


def citations(brief: Brief) -> str:
    """The first record of each kind, the first quote without a date, the first paragraph
    after a heading (and the heading), each as `y` copies it."""
    dated = [q for q in brief.quotes if q.said is not None]
    chosen = [
        records[0]
        for records in (dated, brief.events, brief.positions, brief.people, brief.parties, brief.issues, brief.sources)
        if records
    ]
    chosen += [q for q in brief.quotes if q.said is None][:1]
    parts = [f"== {record.kind} {record.id}\n{record_plaintext(brief, record)}" for record in chosen]
    source = brief.sources[0]
    document = source.document
    headings = [b for b in range(1, len(document.paragraphs) + 1) if document.is_heading(b)]
    for block in [1, *headings[:1], *(b + 1 for b in headings[:1])]:
        parts.append(f"== paragraph {source.id}#{block}\n{paragraph_plaintext(brief, source.id, block)}")
    return "\n\n".join(parts) + "\n"


@pytest.mark.parametrize(("name", "path"), [("abu-dhabi-2026-02", default_brief()), ("harbour", HARBOUR)])
def test_golden_citations(name: str, path: Path) -> None:
    actual = citations(load_brief(path))
    golden = GOLDEN / f"citations-{name}.txt"
    if REGENERATE:
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8")


def test_a_quote_carries_its_speaker_date_and_source_once() -> None:
    brief = load_brief(default_brief())
    text = record_plaintext(brief, brief["q-zelenskyy-coldest-days"])
    assert text.splitlines() == [
        "Volodymyr Zelenskyy (Ukraine), c. 3 Feb 2026, said: \u201cTaking advantage of the coldest days of winter"
        " to terrorize people is more important to Russia than diplomacy\u201d",
        "Source: Envoys from Russia and Ukraine meet in Abu Dhabi for two-day peace talks (4 Feb 2026), \u00b68",
    ]
    undated = record_plaintext(brief, brief["q-peskov-doors"])
    assert undated.startswith("Dmitry Peskov (Russia), reported 4 Feb 2026, said: \u201cthe doors")


def test_a_position_names_each_source_once_with_all_its_paragraphs() -> None:
    brief = load_brief(default_brief())
    text = record_plaintext(brief, brief["ru-energy-strikes"])
    sources = [line for line in text.splitlines() if line.startswith("Source: ")]
    assert len(sources) == 1 and sources[0].count("\u00b6") > 1


def test_publisher_and_address_when_the_brief_gives_them(tmp_path: Path) -> None:
    shutil.copytree(HARBOUR.parents[1], tmp_path / "harbour")
    path = tmp_path / "harbour" / "briefs" / "harbour.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "    publisher: Calder Bay Wire\n", "    publisher: Calder Bay Wire\n    url: https://example.org/wire\n"
        ),
        encoding="utf-8",
    )
    brief = load_brief(path)
    quote = next(q for q in brief.quotes if q.source.source == "wire")
    assert record_plaintext(brief, quote).splitlines()[-1] == (
        "Source: Harbour talks open in Veldmark (Calder Bay Wire, 12 Jun 2025), "
        f"{brief.source('wire').document.place(quote.source.paragraph)} <https://example.org/wire>"
    )
    # The JSON digest gives the same citation, from the same place.
    doc = json.loads(render_digest(brief, fmt="json"))
    entry = next(q for q in doc["quotes"] if q["id"] == quote.id)
    assert entry["citation"] == record_plaintext(brief, quote)
    assert entry["citations"][0]["text"] in entry["citation"]


def test_a_heading_is_not_numbered_and_anchors_into_it_say_so() -> None:
    brief = load_brief(default_brief())
    document = brief.sources[0].document
    assert [document.place(b) for b in (4, 5, 6)] == ["\u00b64", "heading above \u00b65", "\u00b65"]
    assert document.paragraph_count == 16 and len(document.paragraphs) == 19
    assert document.number(5) is None and document.number(19) == 16


def test_a_document_of_short_lines_keeps_every_line_numbered() -> None:
    from peacebrief.core.model import number_blocks

    text = "Alpha talks\n\nBeta talks\n\nGamma talks"
    blocks = ((0, 11), (13, 23), (25, 36))
    assert number_blocks(text, blocks) == (1, 2, 3)
    text = "Talks resume\n\nThe sides met on Monday.\n\nA line that ends in a full stop."
    assert number_blocks(text, ((0, 12), (14, 38), (40, 72))) == (0, 1, 2)
