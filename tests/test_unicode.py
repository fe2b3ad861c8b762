"""Columns stay aligned whatever the script: widths are measured in terminal cells.

A brief in Cyrillic, Arabic (right to left), emoji (with a skin tone, a flag), letters
with combining accents and wide CJK. In the reader's lists, its matrix and the text
digest, each column starts at the same cell on every line: a CJK character takes two
cells, a combining accent none, so counting characters (`len`) would shift them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.geometry import Region

from conftest import write_brief
from peacebrief.app.widgets.panes import IssuesPane
from peacebrief.app.widgets.record_list import RecordList
from peacebrief.core import Brief, load_brief
from peacebrief.core.digest import render_digest
from test_app import reader
from test_hostile import matrix_columns, region_text

# Every name and text here mixes scripts whose characters take 0, 1 or 2 cells.
E_ACUTE = "e\u0301"  # e and a combining acute accent: one cell, two characters
SEED = f"""date 2026-02-05 Делегации России и Украины встретились в Абу-Даби. وصل الوفد المصري صباح الثلاثاء. 谈判代表团在周三抵达。

Иван Петров said “Мы готовы к переговорам” after the meeting.

أحمد علي قال “نحن مستعدون للحوار” للصحفيين.

Team 👍🏽🇺🇦 said “We are here 👍🏽” at noon.

Jos{E_ACUTE} Caf{E_ACUTE} said “Caf{E_ACUTE} au lait” and left.

王伟 said “谈判代表团准备好了” in Beijing.
"""

BRIEF = f"""\
peacebrief: 1
id: unicode-talks
title: "Переговоры · مفاوضات · 谈判 · 👍🏽🇺🇦 · Caf{E_ACUTE}"
as_of: 2026-02-05
summary: "Россия, مصر and 中国代表团 met; Caf{E_ACUTE} Zu\\u0308rich mediated."
sources:
  - {{id: wire, title: "Вести · أخبار · 新闻", path: seed.txt, published: 2026-02-05}}
parties:
  - {{id: russia, name: Россия, role: party, short: RU}}
  - {{id: egypt, name: مصر, role: party, short: EG}}
  - {{id: team, name: "Team 👍🏽🇺🇦", role: party, short: TM}}
  - {{id: cafe, name: "Caf{E_ACUTE} Zu\\u0308rich", role: mediator, short: CZ}}
  - {{id: china, name: 中国代表团, role: host, short: CN}}
people:
  - {{id: petrov, name: Иван Петров, party: russia, title: министр иностранных дел, delegate: true}}
  - {{id: ali, name: أحمد علي, party: egypt, title: وزير الخارجية}}
  - {{id: fan, name: "👍🏽 Fan 🇺🇦", party: team, title: "supporter 👍🏽"}}
  - {{id: jose, name: "Jos{E_ACUTE} Caf{E_ACUTE}", party: cafe, title: "m{E_ACUTE}diateur"}}
  - {{id: wang, name: 王伟, party: china, title: 谈判代表团团长, delegate: true}}
issues:
  - {{id: water, title: "Вода · المياه · 水"}}
  - {{id: borders, title: 边界 borders}}
events:
  - {{id: ev-meeting, date: 2026-02-04, title: Встреча в Абу-Даби, parties: [russia], evidence: ["Делегации России и Украины встретились в Абу-Даби."]}}
  - {{id: ev-arrival, date: "2026-01-30~", title: وصول الوفد, parties: [egypt], evidence: ["وصل الوفد المصري صباح الثلاثاء."]}}
  - {{id: ev-china, date: "2026-02", title: 谈判代表团抵达, parties: [china], evidence: ["谈判代表团在周三抵达。"]}}
  - {{id: ev-team, date: "2026-01-23/2026-01-24", title: "Team 👍🏽🇺🇦 arrives", parties: [team], evidence: ["Team 👍🏽🇺🇦 said"]}}
  - {{id: ev-cafe, date: "2026-02-04?", title: "Caf{E_ACUTE} talks", parties: [cafe], evidence: ["and left."]}}
positions:
  - {{id: pos-ru, party: russia, issue: water, stance: Контроль над водой, evidence: [q-petrov]}}
  - {{id: pos-eg, party: egypt, issue: water, stance: حصة عادلة من المياه, evidence: [q-ali]}}
  - {{id: pos-team, party: team, issue: water, stance: "Share 👍🏽 🇺🇦", evidence: [q-team]}}
  - {{id: pos-cafe, party: cafe, issue: borders, stance: "M{E_ACUTE}diation sur les fronti{E_ACUTE}res", evidence: [q-jose]}}
  - {{id: pos-cn, party: china, issue: borders, stance: 边界必须划定, evidence: [q-wang]}}
quotes:
  - {{id: q-petrov, speaker: petrov, kind: direct, text: Мы готовы к переговорам, said: 2026-02-04, source: Мы готовы к переговорам}}
  - {{id: q-ali, speaker: ali, kind: direct, text: نحن مستعدون للحوار, said: "2026-01-30~", source: نحن مستعدون للحوار}}
  - {{id: q-team, speaker: team, kind: direct, text: "We are here 👍🏽", said: 2026-01-23, source: "We are here 👍🏽"}}
  - {{id: q-jose, speaker: jose, kind: direct, text: "Caf{E_ACUTE} au lait", source: "Caf{E_ACUTE} au lait"}}
  - {{id: q-wang, speaker: wang, kind: direct, text: 谈判代表团准备好了, said: "2026-02", source: 谈判代表团准备好了}}
"""


@pytest.fixture(autouse=True)
def own_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


@pytest.fixture(scope="module")
def brief_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_brief(tmp_path_factory.mktemp("unicode"), BRIEF, {"seed.txt": SEED})


@pytest.fixture(scope="module")
def brief(brief_path: Path) -> Brief:
    return load_brief(brief_path)


def test_the_brief_mixes_cell_widths(brief: Brief) -> None:
    names = [p.name for p in brief.parties]
    assert [cell_len(n) - len(n) for n in names] == [0, 0, 0, -2, 5]  # emoji pairs, accents, CJK
    assert [cell_len(n) for n in names] == [6, 3, 9, 11, 10]
    assert brief.people[3].name == f"Jos{E_ACUTE} Caf{E_ACUTE}"  # combining accents kept as written


def column_of(line: str, words: str) -> int:
    """The terminal cell where `words` start in `line`."""
    assert words in line, f"{words!r} not in {line!r}"
    return cell_len(line[: line.index(words)])


# -- the text digest -------------------------------------------------------------------


def section(text: str, title: str) -> list[str]:
    lines = text.splitlines()
    start = lines.index(title) + 2  # past the heading and its underline
    end = next((n for n in range(start, len(lines) - 1) if lines[n + 1].startswith("---")), len(lines)) - 1
    return lines[start:end]


@pytest.mark.parametrize("width", [72, 120])
def test_text_digest_columns_start_at_the_same_cell(brief: Brief, width: int) -> None:
    text = render_digest(brief, fmt="text", width=width)
    assert all(cell_len(line) <= width for line in text.splitlines())

    positions = section(text, "Positions")
    stance_columns = {column_of(line, p.stance) for p in brief.positions for line in positions if p.stance in line}
    no_position = {column_of(line, "no stated position") for line in positions if "no stated position" in line}
    assert len(stance_columns | no_position) == 1, positions
    assert len([line for line in positions if "no stated position" in line]) == 5  # 5 parties x 2 issues, 5 stances

    timeline = section(text, "Timeline")
    assert len({column_of(line, e.title) for e in brief.events for line in timeline if e.title in line}) == 1, timeline

    delegations = section(text, "Delegations")
    offices = {column_of(line, p.title) for p in brief.people for line in delegations if p.title and p.title in line}
    assert len(offices) == 1, delegations

    quotes = section(text, "Quotes")
    speakers = {
        column_of(line, brief[q.speaker].label + ":")
        for q in brief.quotes
        for line in quotes
        if brief[q.speaker].label + ":" in line
    }
    assert len(speakers) == 1, quotes


def test_json_digest_keeps_every_script_exactly(brief: Brief) -> None:
    import json

    data = json.loads(render_digest(brief, fmt="json"))
    assert [p["name"] for p in data["parties"]] == [p.name for p in brief.parties]
    assert [q["text"] for q in data["quotes"]] == [q.text for q in brief.quotes]
    assert data["people"][3]["name"] == f"Jos{E_ACUTE} Caf{E_ACUTE}"  # not normalised to NFC


# -- the reader ------------------------------------------------------------------------


def list_lines(record_list: RecordList) -> list[str]:
    strips = [record_list.render_line(y) for y in range(record_list.size.height)]
    assert all(strip.cell_length == record_list.scrollable_content_region.width for strip in strips), (
        "a row is not as wide as the list"
    )
    return [strip.text for strip in strips]


async def test_lists_and_matrix_keep_their_columns(brief: Brief, brief_path: Path) -> None:
    async with reader(brief_path, size=(120, 40)) as (app, pilot, screen):
        # Timeline: the titles start one column after the widest date, on every row.
        lines = list_lines(screen.pane("timeline").records)
        dates = [e.date.display() for e in brief.events]
        assert len({cell_len(d) for d in dates}) > 1  # dates of several widths
        title_columns = {column_of(line, e.title) for e in brief.events for line in lines if e.title in line}
        assert title_columns == {1 + max(cell_len(d) for d in dates) + 2}, lines
        assert "وصول الوفد" in "\n".join(lines)  # right to left: stored in logical order, never reordered

        # Quotes: the speaker on one line, the words three cells in on the next, for every script.
        await pilot.press("3")
        lines = list_lines(screen.pane("quotes").records)
        for quote in brief.quotes:
            words = next(n for n, line in enumerate(lines) if quote.text in line)
            assert column_of(lines[words], "“" + quote.text) == 3
            assert column_of(lines[words - 1], brief[quote.speaker].label) == 1

        # Delegations: one column per party, every row as wide as its column.
        await pilot.press("2")
        for column in screen.pane("delegations").columns:
            text = "\n".join(list_lines(column))
            assert column.highlighted_id is not None and text.strip()

        # The matrix: every cell starts where its column starts, whatever its row holds.
        await pilot.press("4")
        await pilot.pause()
        issues = screen.pane("issues")
        assert isinstance(issues, IssuesPane)
        table = issues.table
        spans = matrix_columns(table)
        top = table.content_region.y + table.header_height
        spans = [span for span in spans if span[0] + span[1] <= table.scrollable_content_region.right]
        assert len(spans) >= 4  # the issue and three parties on screen; the table scrolls for more
        for row_index in range(table.row_count):
            for column, (x, width) in enumerate(spans):
                cell = table.cell(row_index, column).plain
                shown = region_text(app, Region(x, top, width, 1))
                assert shown.rstrip() == cell.split("\n")[0][: len(shown.rstrip())], (row_index, column, shown, cell)
                assert cell_len(shown) == width
            top += table.row_height(row_index)
        header = region_text(app, Region(spans[1][0], table.content_region.y, spans[1][1], 1))
        assert header.strip() == brief.parties[0].name
