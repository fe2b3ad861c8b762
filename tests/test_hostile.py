"""A hostile brief, shown and exported literally.

tests/data/hostile holds a brief with the same payload in every text field: Rich and
Textual markup, ANSI and OSC escapes, other control characters, bidi overrides, a
300-character word, Cyrillic, Arabic, emoji, a combining accent and wide CJK. The reader
shows every piece as written (control characters as the placeholders of
`peacebrief.core.visible`), acts on none of it, never sends a raw control character to
the terminal, and every digest holds the strings literally.
"""

from __future__ import annotations

import io
import json
import re
import shutil
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from rich.cells import cell_len
from rich.console import Console
from textual.content import Content
from textual.events import Paste
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from conftest import ROOT
from peacebrief.app import render
from peacebrief.app.app import BriefApp, ProblemsScreen
from peacebrief.app.screens.brief import BriefScreen
from peacebrief.app.screens.export import ExportScreen
from peacebrief.app.screens.help import HelpScreen
from peacebrief.app.screens.search import SearchScreen
from peacebrief.app.widgets.matrix import Matrix
from peacebrief.app.widgets.panes import DelegationsPane, IssuesPane
from peacebrief.app.widgets.record_list import RecordList
from peacebrief.core import Brief, load_brief
from peacebrief.core.citation import record_plaintext
from peacebrief.core.digest import render_digest
from peacebrief.core.model import Record
from peacebrief.core.plaintext import to_ascii
from peacebrief.core.visible import one_line, visible
from test_app import reader, wait_for

HOSTILE_BRIEF = ROOT / "tests" / "data" / "hostile" / "briefs" / "hostile.yaml"

LONG_WORD = "Long" + "x" * 292 + "Word"
PIECES = (
    "[bold red]x[/]",  # Rich markup
    "[link=https://x]y[/link]",  # a Rich hyperlink
    "[@click=app.quit]z[/]",  # a Textual action
    "[/]",  # a bare closing tag
    "\x1b[2J",  # ANSI: clear the screen
    "\x1b]52;c;SGVsbG8=\x07",  # OSC 52: write the clipboard
    "\x1b]8;;https://evil\x1b\\",  # OSC 8: a hyperlink
    "\x07\x08\x7f\x9b",  # BEL, BS, DEL and the one-byte CSI
    "\u202eRLO\u2066LRI",  # bidi overrides
    "Переговоры",  # Cyrillic
    "مفاوضات",  # Arabic, right to left
    "👍🏽",  # an emoji with a skin tone
    "🇺🇦",  # a flag
    "e\u0301",  # a combining accent
    "谈判代表团",  # wide CJK
    LONG_WORD,
)
PAYLOAD = " ".join(PIECES)
SHOWN = tuple(one_line(piece) for piece in PIECES)  # how the reader and the digests show each piece
FULL = " ".join(SHOWN)
HEAD = " ".join(SHOWN[:-1]) + " Long"  # what a one-line row has room for: all but most of the long word
WORD_HEAD = " ".join(SHOWN[:-2])  # a one-line title cut at a word: all but the CJK and the long word

# What must never reach the terminal: C0 controls (newline aside), DEL, C1, bidi controls.
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")

# Every text field of the format, by record kind.
TEXT_FIELDS = {
    "source": ("title", "publisher", "url", "review"),
    "party": ("name", "summary", "review"),
    "person": ("name", "title", "aliases", "review"),
    "issue": ("title", "summary", "review"),
    "event": ("title", "date_text", "summary", "place", "review"),
    "position": ("stance", "detail", "review"),
    "quote": ("text", "date_text", "review"),
}


@pytest.fixture(autouse=True)
def own_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No user keymap leaks in."""
    config = tmp_path / "config"
    config.mkdir()
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    return config


@pytest.fixture(scope="module")
def hostile() -> Brief:
    return load_brief(HOSTILE_BRIEF)


# -- helpers ---------------------------------------------------------------------------


def squash(text: str) -> str:
    """`text` without white space: text wrapped over several lines reads as one."""
    return "".join(text.split())


def shown(label: str, words: str = FULL) -> str:
    return squash(f"{label} {words}")


def label_of(value: str) -> str:
    """`Alpha` for the field `Alpha <payload>`."""
    assert value.endswith(" " + PAYLOAD), value[:40]
    return value[: -len(PAYLOAD) - 1]


def screen_lines(app: BriefApp) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


def region_text(app: BriefApp, region: Region) -> str:
    """The screen inside `region`, cut by cells (a CJK character takes two)."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(
        strips[y].crop(region.x, region.right).text for y in range(region.y, min(region.bottom, len(strips)))
    )


def assert_shows(text: str, *expected: str, where: str = "") -> None:
    flat = squash(text)
    missing = [e for e in expected if squash(e) not in flat]
    lines = "\n".join(line.rstrip() for line in text.splitlines() if line.strip())
    assert not missing, f"{where}: not shown literally: {[m[:80] for m in missing]}\n{lines}"


def assert_no_raw(app: BriefApp, where: str = "") -> None:
    """No control or bidi character on screen: only their placeholders."""
    found = sorted({repr(c) for line in screen_lines(app) for c in RAW.findall(line)})
    assert not found, f"{where}: raw characters on screen: {found}"


def detail_text(app: BriefApp, screen: BriefScreen) -> str:
    """The detail panel's text as on screen; all of it fits at the size these tests use."""
    body = screen.detail.body
    assert body.virtual_size.height <= body.scrollable_content_region.height, (
        "the detail does not fit: a test size too small"
    )
    return region_text(app, body.scrollable_content_region)


def links_text(app: BriefApp, screen: BriefScreen) -> str:
    links = screen.detail.links
    assert links.virtual_size.height <= links.content_region.height, "the links do not fit: a test size too small"
    return region_text(app, links.scrollable_content_region)


def text_fields(record: Record) -> Iterator[tuple[str, str]]:
    for name in TEXT_FIELDS[record.kind]:
        value = getattr(record, name)
        for item in value if isinstance(value, tuple) else (value,):
            if item is not None:
                yield name, item


# -- the fixture ----------------------------------------------------------------------


def test_every_text_field_holds_the_payload(hostile: Brief) -> None:
    assert hostile.title == f"Briefing {PAYLOAD}"
    assert hostile.summary == f"Summary {PAYLOAD}"
    assert all(point.text.endswith(PAYLOAD) for point in hostile.key_points)
    covered = set()
    for record in hostile.all_records():
        for name, value in text_fields(record):
            if name == "aliases" and value == "Envoy One":
                continue  # the plain alias the source uses
            assert value.endswith(" " + PAYLOAD), (record.id, name)
            covered.add((record.kind, name))
    assert covered == {(kind, name) for kind, names in TEXT_FIELDS.items() for name in names}
    shorts = [p.short for p in hostile.parties]
    assert shorts == ["[/]", "\x1b[2J", "\u202e\x07👍🏽", "谈判\u2066\x9b"]
    # The seed holds the quotes' words, raw, the direct ones in quotation marks.
    seed = (ROOT / "tests" / "data" / "hostile" / "seeds" / "hostile.txt").read_text(encoding="utf-8")
    for quote in hostile.quotes:
        assert (f"“{quote.text}”" in seed) == (quote.quote_kind == "direct")
        assert quote.text in seed


# -- the digests ----------------------------------------------------------------------


# Fields no digest prints: review reasons, dates' own words, aliases, positions' detail,
# and the summaries of parties and issues.
NOT_IN_DIGESTS = (
    "Review",
    "Date text",
    "Said when",
    "Alias",
    "Detail",
    "Alpha summary",
    "Beta summary",
    "Issue summary",
)


def printed_strings(brief: Brief) -> list[str]:
    """Every string of the brief that a digest prints."""
    strings = [brief.title, brief.summary or "", *(k.text for k in brief.key_points)]
    strings += [value for record in brief.all_records() for name, value in text_fields(record) if name != "aliases"]
    return [s for s in strings if not s.startswith(NOT_IN_DIGESTS)]


@pytest.mark.parametrize("width", [72, 5000])
def test_text_digest_shows_every_string_with_placeholders(hostile: Brief, width: int) -> None:
    text = render_digest(hostile, fmt="text", width=width)
    assert not RAW.findall(text.replace("\n", ""))
    assert all(cell_len(line) <= width for line in text.splitlines()), "a line is wider than the digest"
    for value in printed_strings(hostile):
        assert shown(label_of(value)) in squash(text), value[:30]
        if width == 5000:  # nothing wraps: each string on one line, exactly as the reader shows it
            assert f"{label_of(value)} {FULL}" in text, value[:30]


def test_text_digest_in_ascii_uses_caret_notation(hostile: Brief) -> None:
    text = render_digest(hostile, fmt="text", width=5000, ascii=True)
    assert text.isascii()
    assert "[bold red]x[/] [link=https://x]y[/link] [@click=app.quit]z[/] [/] ^[[2J ^[]52;c;SGVsbG8=^G" in text
    assert "^[]8;;https://evil^[\\ ^G^H^?<U+009B> <RLO>RLO<LRI>LRI" in text


class _TextOf(HTMLParser):
    """The text a browser shows for an HTML fragment: tags (known or not) vanish."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def rendered_markdown(source: str) -> str:
    """Markdown as a renderer that allows raw HTML shows it (as GitHub would, say)."""
    parser = _TextOf()
    parser.feed(MarkdownIt("commonmark", {"html": True}).render(source))
    return " ".join(" ".join(parser.parts).split())


@pytest.mark.parametrize("ascii", [False, True])
def test_markdown_digest_reads_literally_once_rendered(hostile: Brief, ascii: bool) -> None:
    markdown = render_digest(hostile, fmt="markdown", ascii=ascii)
    assert not RAW.findall(markdown.replace("\n", ""))
    seen = squash(rendered_markdown(markdown))
    for value in printed_strings(hostile):
        expected = f"{label_of(value)} {FULL}"
        if ascii:
            expected = to_ascii(expected)
        assert squash(expected) in seen, value[:30]
    # The URL is not a URL a renderer could link: it is text, escaped, not a broken `<...>`.
    assert "<https://example.org" not in markdown


@pytest.mark.parametrize("ascii", [False, True])
def test_json_digest_holds_the_exact_strings(hostile: Brief, ascii: bool) -> None:
    text = render_digest(hostile, fmt="json", ascii=ascii)
    assert not RAW.findall(text.replace("\n", "")), "the JSON must be safe to print"
    data = json.loads(text)
    assert data["brief"]["title"] == hostile.title == f"Briefing {PAYLOAD}"
    assert data["brief"]["summary"] == hostile.summary
    assert [k["text"] for k in data["key_points"]] == [k.text for k in hostile.key_points]
    kinds = {
        "sources": "source",
        "parties": "party",
        "people": "person",
        "issues": "issue",
        "events": "event",
        "positions": "position",
        "quotes": "quote",
    }
    for section, kind in kinds.items():
        records = [r for r in hostile.all_records() if r.kind == kind]
        assert [item["id"] for item in data[section]] == [r.id for r in records]
        for item, record in zip(data[section], records, strict=False):
            for name in TEXT_FIELDS[kind]:
                value = getattr(record, name)
                assert item[name] == (list(value) if isinstance(value, tuple) else value), (record.id, name)
    assert [p["short"] for p in data["parties"]] == [p.short for p in hostile.parties]
    quote = data["quotes"][0]
    assert quote["source"]["matched"] == quote["source"]["exact"] == hostile.quotes[0].text


# -- the reader -------------------------------------------------------------------------

BIG = (400, 110)  # wide and tall enough for a whole row, the whole detail and every link


async def test_every_pane_detail_and_link_shows_the_strings_literally(hostile: Brief) -> None:
    async with reader(HOSTILE_BRIEF, size=BIG, notifications=True) as (app, pilot, screen):
        assert_no_raw(app, "opening")
        bar = screen.query_one("#pane-bar")
        assert_shows(region_text(app, bar.region), shown("Briefing", HEAD), where="top bar")

        # 1 Timeline: a row per event, the event in full in the detail panel, its links.
        timeline = screen.pane("timeline").records
        rows = region_text(app, timeline.scrollable_content_region)
        for event in hostile.events:
            assert_shows(rows, shown(label_of(event.title), WORD_HEAD), where="timeline")
        event = hostile.events[0]
        assert screen.detail.place == event.id
        assert_shows(
            detail_text(app, screen), *(shown(label_of(v)) for _, v in text_fields(event)), where="event detail"
        )
        assert "Needs review" in detail_text(app, screen)
        links = links_text(app, screen)
        for target in screen.detail.links.targets:
            record = hostile.get(target)
            if record is not None:
                assert_shows(links, squash(one_line(record.label)), where=f"link to {target}")
        assert_no_raw(app, "timeline")

        # 2 Delegations: a column per party, its name in the border; the party in full.
        await pilot.press("2")
        pane = screen.pane("delegations")
        assert isinstance(pane, DelegationsPane)
        for party, column in zip(hostile.parties, pane.columns, strict=False):
            assert Content.from_markup(column.border_title or "").plain == one_line(party.name)
            assert f"{label_of(party.name)} {SHOWN[0]}" in region_text(
                app, Region(column.region.x, column.region.y, column.region.width, 1)
            )
        party = hostile.parties[0]
        assert screen.detail.place == party.id
        # The summary is Markdown, and a placeholder that looks like a tag (<RLO>) stays.
        assert_shows(
            detail_text(app, screen), *(shown(label_of(v)) for _, v in text_fields(party)), where="party detail"
        )
        assert_no_raw(app, "delegations")

        # Filtered to one party, one column is wide enough for whole rows: name, office, stance.
        await pilot.press("f")
        assert pane.party_filter == "alpha"
        assert_shows(region_text(app, bar.region), "filter:", shown("Alpha", HEAD), where="filter in the top bar")
        column = pane.columns[0]
        rows = region_text(app, column.scrollable_content_region)
        person = hostile.people[0]
        assert_shows(
            rows,
            shown(label_of(person.name), HEAD),
            shown(label_of(person.title or ""), HEAD),
            shown(label_of(hostile.positions[0].stance), HEAD),
            "[/]·party",
            where="alpha column",
        )
        await pilot.press("down")  # the person, in full
        assert screen.detail.place == person.id
        assert_shows(
            detail_text(app, screen),
            *(shown(label_of(v)) for n, v in text_fields(person) if v != "Envoy One"),
            where="person detail",
        )
        await pilot.press("f", "f", "f", "f")  # beta, gamma, delta, and back to all parties
        assert pane.party_filter is None

        # 3 Quotes: the speaker above the words; the quote in full.
        await pilot.press("3")
        rows = region_text(app, screen.pane("quotes").records.scrollable_content_region)
        for quote in hostile.quotes:
            speaker = hostile[quote.speaker]
            words = f"“{label_of(quote.text)}" if quote.quote_kind == "direct" else label_of(quote.text)
            assert_shows(rows, shown(label_of(speaker.label), HEAD), shown(words, HEAD), where=f"quote {quote.id}")
        quote = hostile.quotes[0]
        assert_shows(
            detail_text(app, screen),
            f"“{label_of(quote.text)} {FULL}”",
            shown(label_of(quote.date_text or "")),
            shown(label_of(quote.review or "")),
            where="quote detail",
        )
        assert_no_raw(app, "quotes")

        # 4 Issues: the matrix, party names in the header, stances in the cells.
        await pilot.press("4")
        issues = screen.pane("issues")
        assert isinstance(issues, IssuesPane)
        table = issues.table
        headers = [label.plain for label in table.header]
        assert headers[1:] == [one_line(p.name) for p in (hostile.parties[0], hostile.parties[1], hostile.parties[2])]
        for row, issue in enumerate(hostile.issues):
            cells = [table.cell(row, n).plain for n in range(len(headers))]
            assert cells[0] == one_line(issue.title)
            for position in hostile.positions:
                if position.issue == issue.id:
                    assert one_line(position.stance) in cells
        for column, (x, width) in enumerate(matrix_columns(table)):  # what each cell shows, column by column
            cell = region_text(app, Region(x, table.content_region.y + 1, width, table.row_height(0)))
            expected = [squash(table.cell(0, column).plain)[:40]]
            assert_shows(cell, *expected, where=f"matrix column {column}")
        assert_shows(
            detail_text(app, screen),
            *(shown(label_of(v)) for _, v in text_fields(hostile.issues[0])),
            where="issue detail",
        )
        await pilot.press("right")  # the position of the first party
        assert screen.detail.place == "pos-alpha"
        assert_shows(
            detail_text(app, screen),
            *(shown(label_of(v)) for _, v in text_fields(hostile.positions[0])),
            where="position detail",
        )
        assert_no_raw(app, "issues")

        # 5 Source: the title, the paragraphs with the quotes' words, the anchored words marked.
        await pilot.press("5")
        source = hostile.sources[0]
        pane = screen.pane("source")
        assert_shows(
            region_text(app, pane.query_one("#source-heading").region),
            shown("Source", SHOWN[0]),
            where="source heading",
        )
        paragraphs = region_text(app, pane.paragraphs.scrollable_content_region)
        for quote in hostile.quotes:
            assert_shows(paragraphs, shown(label_of(quote.text)), where=f"paragraph of {quote.id}")
        assert screen.detail.place == f"{source.id}#1"
        assert_no_raw(app, "source")
        svg = app.export_screenshot()
        assert not RAW.findall(svg.replace("\n", ""))


def matrix_columns(table: Matrix) -> list[tuple[int, int]]:
    """Each column's first screen cell and width, as the grid lays them out."""
    return [(table.content_region.x + x, width) for x, width in table.column_spans()]


async def test_search_palette_copy_export_and_help_show_the_strings_literally(hostile: Brief, tmp_path: Path) -> None:
    async with reader(HOSTILE_BRIEF, size=(300, 60), notifications=True) as (app, pilot, screen):
        # `/` and a hostile word: every record matches, each result shown literally.
        await pilot.press("slash")
        search = app.screen
        assert isinstance(search, SearchScreen)
        await pilot.press(*"[/]")  # typed
        results = search.results
        assert len([item for item in results.items if "#" not in item.id]) == len(hostile.records)
        field = search.query_one(Input)
        field.post_message(Paste(" [@click=app.quit]z[/]"))  # and pasted
        await wait_for(pilot, lambda: field.value == "[/] [@click=app.quit]z[/]", "the pasted words")
        assert len([item for item in results.items if "#" not in item.id]) == len(hostile.records)
        shown_results = region_text(app, results.scrollable_content_region)
        assert_shows(
            shown_results, shown("Source", HEAD), shown("Alpha", HEAD), shown("Beta", HEAD), where="search results"
        )
        assert_no_raw(app, "search")
        # Narrowed to the source (by its publisher), Enter opens it: publisher and URL in full.
        field.value = ""
        await pilot.press(*"publ")
        assert len(results.items) == 1
        await pilot.press("enter")
        await wait_for(pilot, lambda: screen.detail.place == "hostile", "the source in the detail panel")
        assert_shows(
            detail_text(app, screen),
            *(shown(label_of(v)) for _, v in text_fields(hostile.sources[0])),
            where="source detail",
        )

        # The palette: records found by their words, shown literally.
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: app.screen is not screen, "the palette")
        await pilot.press(*"Gamma")
        await wait_for(pilot, lambda: "go to party gamma" in "\n".join(screen_lines(app)), "the palette's hits")
        palette = app.screen.query_one("CommandList", OptionList)
        assert_shows(
            region_text(app, palette.scrollable_content_region), "Party:" + shown("Gamma", HEAD), where="palette"
        )
        assert_no_raw(app, "palette")
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is screen, "the jump")

        # `y`: the record and its citation on the clipboard; the notification says what.
        await pilot.press("3")
        await pilot.press("y")
        quote = hostile.quotes[0]
        assert app.clipboard == record_plaintext(hostile, quote)
        assert not RAW.findall(app.clipboard.replace("\n", ""))
        assert_shows(app.clipboard, f"“{label_of(quote.text)} {FULL}”")
        await wait_for(pilot, lambda: list(app.screen.query("Toast")), "the copy notification")
        toast = app.screen.query("Toast").last()
        assert_shows(
            region_text(app, toast.content_region),
            "Copied with its citation",
            shown("Envoy One", HEAD),
            where="copy notification",
        )
        assert_no_raw(app, "copy")

        # `e`: the digest written, and said so; it holds the strings.
        await pilot.press("e")
        export = app.screen
        assert isinstance(export, ExportScreen)
        target = tmp_path / "hostile digest.txt"
        export.query_one("#export-path", Input).value = str(target)
        await pilot.press("enter", "enter")  # the format (text), then the file
        await wait_for(pilot, lambda: app.screen is screen and target.exists(), "the export")
        await wait_for(pilot, lambda: "Exported" in "\n".join(screen_lines(app)), "the export notification")
        toast = app.screen.query("Toast").last()
        assert_shows(region_text(app, toast.content_region), "Digest written to", where="export notification")
        assert target.read_text(encoding="utf-8") == render_digest(hostile, fmt="text")
        assert_no_raw(app, "export")

        # `?`: the key help, which shows bindings, not brief text.
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        help_text = "\n".join(screen_lines(app))
        assert "Keys" in help_text and "pane.timeline" in help_text and "Next pane" in help_text
        assert_no_raw(app, "help")
        await pilot.press("escape")
        assert app.screen is screen


async def test_clicking_on_an_action_tag_does_nothing(hostile: Brief) -> None:
    """`[@click=app.quit]` is text: a click on it selects a row at most, and the reader stays open."""
    tag = "[@click=app.quit]z"  # the action and its "z": a narrow row may cut the closing tag

    async def click_on_tag(app: BriefApp, pilot: Pilot, region: Region, offsets: tuple[int, ...]) -> None:
        lines = region_text(app, region).splitlines()
        y = next(n for n, line in enumerate(lines) if tag in line)
        x = region.x + cell_len(lines[y][: lines[y].index(tag)])
        for dx in offsets:  # 1: on the action's name; 17: on the "z"
            assert await pilot.click(offset=(x + dx, region.y + y))
            await pilot.pause()
            assert app.is_running and app.return_code is None
            assert isinstance(app.screen, BriefScreen)

    # Wide enough that the timeline's title, cut at a word, still shows the tag.
    async with reader(HOSTILE_BRIEF, size=(200, 30)) as (app, pilot, screen):
        await click_on_tag(app, pilot, screen.pane("timeline").records.scrollable_content_region, (17,))
        await click_on_tag(app, pilot, screen.detail.query_one("#detail-body").scrollable_content_region, (1, 17))


# -- problems -------------------------------------------------------------------------


def broken_hostile_copy(tmp_path: Path) -> tuple[Path, str]:
    """The hostile brief with a short tag too long (its message quotes the tag, raw)."""
    text = HOSTILE_BRIEF.read_text(encoding="utf-8")
    broken = text.replace('short: "[/]"', 'short: "[/]\\x1b[2J\\u202e[@click=app.quit]z"', 1)
    shutil.copytree(HOSTILE_BRIEF.parent.parent / "seeds", tmp_path / "seeds", dirs_exist_ok=True)
    (tmp_path / "briefs").mkdir(exist_ok=True)
    path = tmp_path / "briefs" / "broken.yaml"
    path.write_text(broken, encoding="utf-8")
    return path, text


async def test_problems_screen_and_panel_show_hostile_messages(tmp_path: Path) -> None:
    path, good = broken_hostile_copy(tmp_path)
    message = "short tag '[/]␛[2J<RLO>[@click=app.quit]z' must be 2 to 4 characters"
    app = BriefApp(path, watch=False)
    async with app.run_test(size=(200, 40)) as pilot:
        await wait_for(
            pilot,
            lambda: isinstance(app.screen, ProblemsScreen) and message in "\n".join(screen_lines(app)),
            "the problems screen",
        )
        assert_no_raw(app, "problems screen")
        broken = path.read_text(encoding="utf-8")
        path.write_text(good, encoding="utf-8")
        await pilot.press("r")
        await wait_for(pilot, lambda: isinstance(app.screen, BriefScreen), "the brief after the fix")
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        path.write_text(broken, encoding="utf-8")
        await pilot.press("r")
        panel = screen.query_one("#problems-panel")
        await wait_for(pilot, lambda: panel.display and message in region_text(app, panel.region), "the problems panel")
        assert_no_raw(app, "problems panel")
        assert isinstance(screen.pane("timeline").records, RecordList)  # the last good brief stays


# -- the pieces ---------------------------------------------------------------------------


def test_visible_placeholders() -> None:
    assert SHOWN[4:9] == ("␛[2J", "␛]52;c;SGVsbG8=␇", "␛]8;;https://evil␛\\", "␇␈␡<U+009B>", "<RLO>RLO<LRI>LRI")
    assert SHOWN[:4] == PIECES[:4] and SHOWN[9:] == PIECES[9:]  # markup and text pass unchanged
    assert visible("a\tb\nc") == "a\tb\nc" and one_line("a\tb\nc") == "a b c"


def test_markdown_in_the_detail_panel_keeps_placeholders_and_html_as_text() -> None:
    console = Console(width=200, file=io.StringIO(), color_system=None)
    console.print(render.SafeMarkdown(visible("*a* \u202e <b>bold</b> [x](https://example.org)")))
    text = console.file.getvalue()  # type: ignore[attr-defined]
    assert "a <RLO> <b>bold</b> x (https://example.org)" in text


def test_a_markdown_link_shows_its_address_and_sends_no_hidden_hyperlink() -> None:
    console = Console(width=200, file=io.StringIO(), force_terminal=True, color_system="truecolor")
    console.print(
        render.SafeMarkdown("See [https://good.example](https://evil.example/x) and ![map](https://img.example/m.png).")
    )
    out = console.file.getvalue()  # type: ignore[attr-defined]

    assert "\x1b]8;" not in out  # no OSC 8: nothing hides where a link goes
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert "https://good.example (https://evil.example/x)" in plain


def test_clip_cuts_by_cells_and_never_inside_a_cluster() -> None:
    assert render.clip("short", 10) == "short"
    clipped = render.clip("ab👍🏽cd谈判", 5)
    assert cell_len(clipped) <= 5 and clipped.endswith("…") and "\U0001f3fd" not in clipped.replace("👍🏽", "")
    assert render.pad("谈判", 6) == "谈判  "


# -- the command line: names, invisible characters, exports ----------------------------

RAW_CONTROLS = re.compile("[\x1b\x07\x9b\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff]")


def run_command(*args: str | Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    from peacebrief.cli import main

    status = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return status, out, err


def test_zero_width_characters_are_made_visible_but_emoji_keep_their_joiners() -> None:
    assert visible("a\u200bb c\u200dd w\u2060j x\ufeffy") == "a<U+200B>b c<U+200D>d w<U+2060>j x<U+FEFF>y"
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert visible(family) == family


def test_check_json_escapes_what_a_terminal_would_act_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, _good = broken_hostile_copy(tmp_path)
    path.write_text(path.read_text(encoding="utf-8").replace("\\x1b[2J", "\\x9b2J\\u200b\\u2067"), encoding="utf-8")

    status, out, _err = run_command("check", "--json", path, capsys=capsys)

    assert status == 1
    assert RAW_CONTROLS.search(out) is None
    messages = [p["message"] for b in json.loads(out)["briefs"] for p in b["problems"]]
    assert "short tag '[/]\x9b2J\u200b\u2067\u202e[@click=app.quit]z' must be 2 to 4 characters" in messages


def test_check_shows_a_file_name_with_controls_made_visible(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name = tmp_path / "b\x1b]0;owned\x07.yaml"

    status, out, err = run_command("check", name, capsys=capsys)

    assert status == 2
    assert RAW_CONTROLS.search(out + err) is None and "b␛]0;owned␇.yaml: no such file" in err


def dated_document(tmp_path: Path, name: str = "doc.txt") -> Path:
    doc = tmp_path / name
    doc.write_text(
        "date 2026-02-04\n\nAnn Lee, the envoy, said on Tuesday: \u201cWe are \u202eready\u202c to sign\u200b.\u201d\n",
        encoding="utf-8",
    )
    return doc


def test_draft_to_standard_output_escapes_bidi_and_invisible_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import yaml

    monkeypatch.chdir(tmp_path)
    status, out, _err = run_command("draft", dated_document(tmp_path), "-o", "-", capsys=capsys)

    assert status == 0 and out.startswith("# ")
    assert RAW_CONTROLS.search(out) is None
    assert not (tmp_path / "-").exists()  # `-o -` is standard output, as for digest
    texts = [q["text"] for q in yaml.safe_load(out)["quotes"]]
    assert any("\u202eready\u202c" in t for t in texts)  # the words themselves, once read back


def test_draft_names_a_document_with_controls_made_visible(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run_command("draft", tmp_path / "d\x1b[2J\x07.txt", capsys=capsys)

    assert status == 2
    assert RAW_CONTROLS.search(out + err) is None and "d␛[2J␇.txt: no such file" in err


@pytest.mark.parametrize("command", ["digest", "draft"])
def test_an_empty_output_name_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    args = [dated_document(tmp_path)] if command == "draft" else []

    status, out, err = run_command(command, *args, "-o", "", capsys=capsys)

    assert (status, out) == (2, "")
    assert "-o needs a file name" in err


def test_digest_to_dash_is_standard_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    status, out, _err = run_command("digest", "-o", "-", capsys=capsys)

    assert status == 0 and out and not (tmp_path / "-").exists()


def test_a_file_name_of_the_longest_length_can_be_written(tmp_path: Path) -> None:
    from peacebrief.core.export import write_atomic

    name = "d" * 251 + ".txt"  # 255 bytes: the most a name may hold
    folder = tmp_path / "out"
    folder.mkdir()

    assert write_atomic(folder / name, "text\n").read_text(encoding="utf-8") == "text\n"
    assert sorted(p.name for p in folder.iterdir()) == [name]


def test_what_a_killed_export_left_is_removed_by_the_next(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    from peacebrief.core.export import write_atomic

    folder = tmp_path / "out"
    folder.mkdir()
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    (folder / f".peacebrief-{int(gone.stdout)}-89abcdef.tmp").write_bytes(b"x" * 100_000)
    (folder / f".peacebrief-{os.getpid()}-89abcdef.tmp").write_bytes(b"a write of this process, under way")
    (folder / ".someone-else.tmp").write_bytes(b"kept")

    write_atomic(folder / "digest.txt", "text\n")

    assert sorted(p.name for p in folder.iterdir()) == [
        f".peacebrief-{os.getpid()}-89abcdef.tmp",
        ".someone-else.tmp",
        "digest.txt",
    ]
