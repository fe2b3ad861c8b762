"""The reader through Pilot: what a reader presses, what state follows, what text shows."""

from __future__ import annotations

import io
import shutil
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from rich.console import Console
from textual.pilot import Pilot

from conftest import BUNDLED_BRIEF, HARBOUR_BRIEF, ROOT
from peacebrief.app.app import BriefApp, ProblemsScreen
from peacebrief.app.keymap import keys_label
from peacebrief.app.screens import search as search_screen
from peacebrief.app.screens.brief import BriefScreen
from peacebrief.app.screens.help import HelpScreen
from peacebrief.app.screens.search import SearchScreen
from peacebrief.app.widgets.footer import KeyFooter
from peacebrief.app.widgets.panes import DelegationsPane, IssuesPane, QuotesPane, SourcePane, Stage, TimelinePane
from peacebrief.app.widgets.record_list import RecordList
from peacebrief.core import Brief
from peacebrief.core.citation import quote_date
from peacebrief.core.filters import concerns
from peacebrief.core.model import Quote
from peacebrief.core.quote_order import order_quotes

SOURCE = "dw-2026-02-04"  # the bundled brief's one source
PANE_KEYS = {"1": "timeline", "2": "delegations", "3": "quotes", "4": "issues", "5": "source"}


@pytest.fixture(autouse=True)
def own_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every app test gets an empty config folder: no user keymap leaks in."""
    config = tmp_path / "config"
    config.mkdir()
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    return config


# -- helpers --------------------------------------------------------------------


async def wait_for(pilot: Pilot, condition: Callable[[], object], what: str, timeout: float = 30.0) -> None:
    """Let the app run until `condition()` holds (then once more, to settle what it set off)."""
    if condition():
        return
    for _ in range(int(timeout / 0.02)):
        await pilot.pause(0.02)
        if condition():
            await pilot.pause()
            return
    raise AssertionError(f"timed out waiting for {what}")


@asynccontextmanager
async def reader(
    path: Path = BUNDLED_BRIEF, size: tuple[int, int] = (120, 40), *, notifications: bool = False
) -> AsyncIterator[tuple[BriefApp, Pilot, BriefScreen]]:
    """The app on `path`, once the brief is on screen and the first place is in the history."""
    app = BriefApp(path)
    async with app.run_test(size=size, notifications=notifications) as pilot:
        await wait_for(
            pilot,
            lambda: isinstance(app.screen, BriefScreen) and app.screen.history.current is not None,
            "the brief screen",
        )
        await pilot.pause()  # the screen takes its first place after its first refresh
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        yield app, pilot, screen


def screen_text(app: BriefApp) -> str:
    """What the terminal shows now, line by line (the same render as a screenshot)."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def widget_lines(widget) -> list[str]:  # type: ignore[no-untyped-def]
    """The lines a line-API widget shows now."""
    return [widget.render_line(y).text for y in range(widget.size.height)]


def detail_text(screen: BriefScreen) -> str:
    """The detail panel's text in full (it may scroll), rendered as the panel renders it."""
    return screen.detail.body.text


def _render_text(renderable, width: int) -> str:  # type: ignore[no-untyped-def]
    console = Console(width=width, file=io.StringIO(), record=True, color_system=None, legacy_windows=False)
    console.print(renderable)
    return console.export_text()


def line_index(lines: list[str], words: str, start: int = 0) -> int:
    for n, line in enumerate(lines[start:], start=start):
        if words in line:
            return n
    raise AssertionError(f"{words!r} is not shown in:\n" + "\n".join(lines))


async def select(pilot: Pilot, screen: BriefScreen, pane_id: str, record: str) -> None:
    """Put `pane_id` on screen with its cursor on `record`, as a reader would end up."""
    if screen.current_pane != pane_id:
        await pilot.press(next(k for k, p in PANE_KEYS.items() if p == pane_id))
    pane = screen.pane(pane_id)
    assert pane.show(record), f"{pane_id} does not show {record}"
    pane.focus_pane()
    await wait_for(pilot, lambda: screen.detail.place == record, f"{record} in the detail panel")


async def follow(pilot: Pilot, screen: BriefScreen, target: str, how: str = "number") -> None:
    """Follow the detail panel's link to `target`: by its number key, or Enter on it."""
    links = screen.detail.links
    if screen.focused is not links:
        await pilot.press("enter")  # Enter on the record: the links get the focus
        await wait_for(pilot, lambda: screen.focused is links, "the links to have the focus")
    assert target in links.targets, f"no link to {target}: {links.targets}"
    number = links.targets.index(target) + 1
    if how == "number":  # `o`, then the number (and enter, if a longer number starts with it)
        await pilot.press("o", *str(number))
        if number * 10 <= len(links.targets):
            await pilot.press("enter")
    else:
        links.highlight_link(number)
        await pilot.press("enter")


def bar_text(screen: BriefScreen) -> str:
    return screen.query_one("#pane-bar").render_line(0).text


def footer_text(app: BriefApp) -> str:
    return screen_text(app).splitlines()[-1]


# -- each pane shows the brief ----------------------------------------------------


async def check_timeline(app: BriefApp, pilot: Pilot, screen: BriefScreen, bundled_brief: Brief) -> None:
    """It opens on the timeline: every event in date order, the first one selected and in full beside."""
    pane = screen.pane("timeline")
    assert isinstance(pane, TimelinePane)
    events = bundled_brief.events
    assert screen.current_pane == "timeline"
    assert pane.current() == events[0].id
    assert screen.detail.place == events[0].id
    assert screen.focused is pane.records
    assert "╭─ 1 Timeline" in screen_text(app)
    assert bundled_brief.title[:30] in bar_text(screen)
    assert f"EVENT  {events[0].id}" in detail_text(screen)
    assert events[0].title in detail_text(screen)
    assert screen.has_class("-wide")
    assert screen.detail.region.x >= screen.query_one("#panes").region.right
    # Every event, in date order.
    assert list(pane.records.ids) == [e.id for e in events]
    keys = [e.date.sort_key() for e in events]
    assert keys == sorted(keys)
    lines = widget_lines(pane.records)  # 13 events: all on screen at this size
    where = [line_index(lines, e.title) for e in events]
    assert where == sorted(where), "titles shown out of date order"
    assert lines[where[0]].lstrip().startswith(events[0].date.display())
    postponed = lines[line_index(lines, "Second round of talks originally scheduled")]
    assert "postponed" in postponed and "RU UA US" in postponed
    assert "scheduled" in lines[line_index(lines, "two days planned")]
    assert "reported" in lines[line_index(lines, "claimed week-long halt")]
    assert pane.border_subtitle == str(len(events))


async def check_quotes(app: BriefApp, pilot: Pilot, screen: BriefScreen, bundled_brief: Brief) -> None:
    """`3`: every quote, speaker and date above the words, direct ones in quotation marks."""
    await pilot.press("3")
    assert screen.current_pane == "quotes"
    assert "╭─ 3 Quotes" in screen_text(app)
    pane = screen.pane("quotes")
    assert isinstance(pane, QuotesPane)
    by_date = order_quotes(bundled_brief, bundled_brief.quotes, "date")
    assert list(pane.records.ids) == [q.id for q in by_date]
    lines = widget_lines(pane.records)  # 23 quotes, most of two lines: all on screen at this size
    n = 0
    for quote in by_date:  # in order, each below the one before
        opening = " ".join(quote.text.split()[:4])
        n = line_index(lines, opening if quote.quote_kind == "reported" else f"“{opening}", n + 1)
        head = lines[n - 1]
        assert bundled_brief[quote.speaker].label in head, f"{quote.id}: speaker not above the words"
        assert quote_date(bundled_brief, quote) in head, f"{quote.id}: no date (the source's, when it has none)"
        assert ("paraphrase" in head) == (quote.quote_kind == "reported"), quote.id
    assert "“kept his word”" in "\n".join(lines)


async def check_delegations(app: BriefApp, pilot: Pilot, screen: BriefScreen, bundled_brief: Brief) -> None:
    """`2`: a column per party (the host too), its people (delegates first), its positions."""
    await pilot.press("2")
    pane = screen.pane("delegations")
    assert isinstance(pane, DelegationsPane)
    columns = pane.columns
    assert [str(c.border_title) for c in columns] == [p.name for p in bundled_brief.parties]
    assert all(c.display for c in columns)
    for party, column in zip(bundled_brief.parties, columns, strict=False):
        people = [p for p in bundled_brief.people if p.party == party.id]
        ids = list(column.ids)
        assert ids[0] == party.id
        assert {p.id for p in people} <= set(ids)
        delegates = [ids.index(p.id) for p in people if p.delegate]
        others = [ids.index(p.id) for p in people if not p.delegate]
        assert not delegates or not others or max(delegates) < min(others), f"{party.id}: delegates not first"
        shown = "\n".join(widget_lines(column))
        assert party.name.upper() not in shown and not shown.lstrip("▍ ").startswith(
            party.name
        )  # named once, by the title
        assert f"{party.tag} · {party.role}" in shown
        for person in people:
            assert person.name in shown
    ukraine = widget_lines(pane.query_one("#col-ukraine", RecordList))
    umerov = line_index(ukraine, "Rustem Umerov")
    assert "★" in ukraine[umerov] and "National Security" in ukraine[umerov + 1]
    assert line_index(ukraine, "Freeze the conflict") > umerov  # its position on the territory issue
    assert "Russia" in screen_text(app) and "United States" in screen_text(app)


async def check_issues(app: BriefApp, pilot: Pilot, screen: BriefScreen, bundled_brief: Brief) -> None:
    """`4`: a row per issue, a column per party with positions, a mark where the brief has none."""
    await pilot.press("4")
    pane = screen.pane("issues")
    assert isinstance(pane, IssuesPane)
    table = pane.table
    assert table.row_count == len(bundled_brief.issues)
    parties = ["russia", "ukraine", "us"]  # the host states no position: no column
    assert [c.plain for c in table.header[1:]] == [bundled_brief[p].label for p in parties]
    missing = 0
    for row, issue in enumerate(bundled_brief.issues):
        assert table.cell(row, 0).plain == issue.title
        for column, party in enumerate(parties, start=1):
            stances = [p.stance for p in bundled_brief.positions if p.issue == issue.id and p.party == party]
            cell = table.cell(row, column).plain
            if stances:
                assert cell == "\n".join(stances)
            else:
                assert "no stated position" in cell
                missing += 1
    assert missing == 3  # territory: the US; the power plant: Ukraine and the US
    shown = "\n".join(widget_lines(table))
    assert shown.count("no stated position") == missing
    for issue in bundled_brief.issues:
        assert issue.title.split()[0] in shown
    assert "Ukraine must withdraw" in shown
    assert [line.strip() for line in shown.splitlines()[0].split("  ") if line.strip()] == [
        "Issue",
        "Russia",
        "Ukraine",
        "United States",
    ]
    # The cursor on a cell selects that party's position on that issue.
    assert pane.show("ru-territory")
    await pilot.pause()
    assert screen.detail.place == "ru-territory"
    assert "POSITION  ru-territory" in detail_text(screen)
    # The arrow keys (and hjkl) move the cursor from cell to cell, the detail follows.
    assert table.cursor == (1, 1)
    await pilot.press("right")
    assert table.cursor == (1, 2) and screen.detail.place == "ua-territory"
    await pilot.press("j")
    assert table.cursor == (2, 2) and screen.detail.place == "zaporizhzhia-npp"  # no position: the issue
    await pilot.press("h", "k")
    assert table.cursor == (1, 1) and screen.detail.place == "ru-territory"
    await pilot.press("enter")  # to the links of the position
    assert screen.focused is screen.detail.links
    await pilot.press("escape")
    assert screen.focused is table


async def check_source(app: BriefApp, pilot: Pilot, screen: BriefScreen, bundled_brief: Brief) -> None:
    """`5`: the source, its paragraphs numbered; the cursor on one shows it and what is anchored there."""
    await pilot.press("5")
    pane = screen.pane("source")
    assert isinstance(pane, SourcePane)
    document = bundled_brief.source(SOURCE).document
    assert len(pane.paragraphs.items) == len(document.paragraphs)
    assert pane.current() == f"{SOURCE}#1"
    shown = "\n".join(widget_lines(pane.paragraphs))
    for n in (1, 2, 3):
        assert f"¶{n} " in shown
    assert document.paragraph_text(1)[:40] in shown
    assert bundled_brief.sources[0].title in screen_text(app)
    await pilot.press("down")
    assert pane.current() == f"{SOURCE}#2"
    assert "PARAGRAPH ¶2" in detail_text(screen)
    assert {"q-umerov-format", "ev-second-round"} <= set(screen.detail.links.targets)


async def test_each_pane_shows_the_brief(bundled_brief: Brief) -> None:
    async with reader(size=(200, 60)) as (app, pilot, screen):
        # One session for the five panes, in the order a reader would press their keys.
        await check_timeline(app, pilot, screen, bundled_brief)
        await check_quotes(app, pilot, screen, bundled_brief)
        await check_delegations(app, pilot, screen, bundled_brief)
        await check_issues(app, pilot, screen, bundled_brief)
        await check_source(app, pilot, screen, bundled_brief)


async def test_hidden_panes_are_laid_out_out_of_sight_before_their_first_visit() -> None:
    """After the first paint each hidden pane gets its size once, drawing nothing, so its
    first visit costs one layout like every later one (Pane.prime)."""
    async with reader() as (app, pilot, screen):
        shown = screen_text(app)
        await wait_for(pilot, lambda: all(p.laid_out for p in screen.panes), "the panes laid out")
        assert screen_text(app) == shown  # nothing of them was drawn meanwhile
        for pane in screen.panes:
            assert pane.display == (pane.pane_id == "timeline")
            assert pane.stage is (Stage.SHOWN if pane.pane_id == "timeline" else Stage.HIDDEN)
            assert pane.styles.get_rule("offset") is None
            if pane.pane_id != "timeline":
                inner = [w for w in pane.query("*") if w.display]
                assert inner and all(w.outer_size for w in inner), pane.pane_id  # sized, though hidden
        # The first visit draws the pane as every later visit does, cursor lit.
        await pilot.press("5")
        source = screen.pane("source")
        assert isinstance(source, SourcePane)
        assert [p.pane_id for p in screen.panes if p.stage is Stage.SHOWN] == ["source"]
        assert screen.focused is source.paragraphs
        cursor = source.paragraphs.get_component_rich_style("item-list--cursor")
        first = source.paragraphs.render_line(0)
        assert any(seg.style and seg.style.bgcolor == cursor.bgcolor for seg in first)
        await pilot.press("4")
        assert screen.focused is screen.pane("issues").table
        assert "Strikes on energy" in screen_text(app)
        # A new size of the terminal: the hidden panes are laid out again, at the new size.
        await pilot.resize_terminal(150, 45)
        switcher = screen.pane("issues").parent
        assert switcher is not None
        await wait_for(
            pilot,
            lambda: all(p.outer_size == switcher.size and p.laid_out for p in screen.panes),
            "the hidden panes at the new size",
        )
        assert [p.pane_id for p in screen.panes if p.display] == ["issues"]


async def test_the_first_paint_holds_only_the_pane_on_screen_and_a_key_for_another_waits_for_it(
    monkeypatch: pytest.MonkeyPatch, bundled_brief: Brief
) -> None:
    """The four hidden panes are mounted right after the first paint, which they would
    slow by a tenth; a key pressed before they are there takes effect once they are."""
    mount_hidden = BriefScreen._mount_hidden_panes
    monkeypatch.setattr(BriefScreen, "_mount_hidden_panes", lambda self: None)  # held, to press keys first
    async with reader() as (app, pilot, screen):
        assert [p.pane_id for p in screen.panes if p.is_mounted] == ["timeline"]
        assert "╭─ 1 Timeline" in screen_text(app)
        await pilot.press("f")  # the party filter: Russia
        await pilot.press("3")
        assert screen.current_pane == "timeline"  # the quotes pane is not there yet
        await mount_hidden(screen)
        await pilot.pause()
        assert all(p.is_mounted for p in screen.panes) and screen.current_pane == "quotes"
        assert "╭─ 3 Quotes" in screen_text(app)
        pane = screen.pane("quotes")
        assert isinstance(pane, QuotesPane)
        russian = [
            q.id
            for q in order_quotes(bundled_brief, bundled_brief.quotes, "date")
            if concerns(bundled_brief, q, "russia")
        ]
        assert screen.party_filter == "russia" and list(pane.records.ids) == russian  # filtered as it mounted
        assert screen.detail.place == russian[0]
        assert screen.focused is pane.records


# -- cross-links ---------------------------------------------------------------------

# One walk through the brief, each step a kind of link: (target, pane it lands on, how to follow).
WALK = [
    ("q-umerov-format", "quotes", "number"),  # event to quote
    ("umerov", "delegations", "enter"),  # quote to speaker
    ("ukraine", "delegations", "number"),  # speaker to party
    ("zelenskyy", "delegations", "enter"),  # backlink: party to a member
    ("q-zelenskyy-duplicity", "quotes", "number"),  # backlink: person to a quote of theirs
    ("ua-energy-strikes", "issues", "enter"),  # backlink: quote to the position citing it
    ("q-zelenskyy-power-grid", "quotes", "number"),  # position to evidence
    (f"{SOURCE}#8", "source", "number"),  # quote to source paragraph
    ("q-ukraine-campaign", "quotes", "enter"),  # backlink: paragraph to a quote anchored there
]


async def test_each_kind_of_link_lands_on_its_target(bundled_brief: Brief) -> None:
    async with reader() as (app, pilot, screen):
        await select(pilot, screen, "timeline", "ev-talks-open")
        for target, pane_id, how in WALK:
            step = f"{screen.detail.place} -> {target} ({how})"
            await follow(pilot, screen, target, how)
            assert screen.current_pane == pane_id, step
            pane = screen.pane(pane_id)
            assert pane.current() == target, step
            assert screen.detail.place == target, step
            assert screen.history.current is not None and screen.history.current.record == target, step
            assert screen.focused is not None and screen.focused not in screen.detail.query("*"), step
            assert screen.focused in pane.query("*"), step
            # Seen: the target in the detail panel (and, below, in its pane).
            if "#" in target:
                # The block id counts headings; the reader is shown the paragraph's own number.
                source_id, block = target.split("#")
                place = bundled_brief.source(source_id).document.place(int(block))
                assert f"PARAGRAPH {place}" in detail_text(screen), step
            else:
                assert f"{bundled_brief[target].kind.upper()}  {target}" in detail_text(screen), step
            if isinstance(pane, (QuotesPane, TimelinePane)):
                records = pane.records
                assert records.highlighted_id == target, step
                row = records.row_top(records.cursor) - int(records.scroll_y)
                assert 0 <= row < records.size.height, f"{step}: the target is scrolled out of view"
                if isinstance(pane, QuotesPane):
                    quote = bundled_brief[target]
                    assert isinstance(quote, Quote)
                    # A quote marks its anchor in the source and its event in the timeline.
                    assert screen.pane("source").marks == {target}, step
                    assert screen.pane("timeline").marks == ({quote.event} if quote.event else set()), step
                    assert bundled_brief[quote.speaker].label in records.render_line(row).text, step
                    assert " ".join(quote.text.split()[:3]) in records.render_line(row + 1).text, step
            if isinstance(pane, SourcePane):
                assert f"¶{target.split('#')[1]} " in "\n".join(widget_lines(pane.paragraphs)), step
            if isinstance(pane, DelegationsPane):
                column = next(c for c in pane.columns if target in c.ids)
                assert screen.focused is column and column.highlighted_id == target, step
                row = column.row_top(column.cursor) - int(column.scroll_y)
                record = bundled_brief[target]
                want = record.tag if record.kind == "party" else record.label[:8]  # a party: named by the column
                assert want.casefold() in column.render_line(row).text.casefold(), step
            if isinstance(pane, IssuesPane):
                cell = pane.table.cell(*pane.table.cursor).plain
                assert bundled_brief[target].label in cell, step
        assert len(screen.history._places) == len(WALK) + 1
        assert "╭─ 3 Quotes" in screen_text(app)

        # And a mouse click on a link follows it: line 0 of the list is its top border,
        # line 1 the title of the first group, line 2 link 1.
        first = screen.detail.links.targets[0]
        assert first == "ua-energy-strikes"
        assert await pilot.click(screen.detail.links, offset=(4, 2))
        await wait_for(pilot, lambda: screen.current_pane == "issues", "the issues pane after the click")
        assert screen.pane("issues").current() == first


async def test_the_footer_shows_the_keys_and_a_click_on_one_presses_it() -> None:
    async with reader() as (app, pilot, screen):
        footer = screen.query_one(KeyFooter)
        line = footer_text(app)
        for label in ("d Detail", "/ Search", "f Filter", "y Copy", "e Export", "? Help", "q Quit", "^p palette"):
            assert label in line
        assert line.rstrip().endswith("▏^p palette")  # at the right edge, after a rule
        search = next(key for key in footer.keys if key.label == "/ Search")
        assert line[search.start : search.end].strip() == "/ Search"
        assert await pilot.click(footer, offset=(search.start + 1, 0))
        await wait_for(pilot, lambda: isinstance(app.screen, SearchScreen), "the search box after the click")


# -- history ---------------------------------------------------------------------------


async def test_back_and_forward_restore_pane_and_selection() -> None:
    async with reader() as (app, pilot, screen):
        assert not screen.check_action("back", ())
        assert not screen.check_action("forward", ())
        assert "Back" not in footer_text(app)
        await select(pilot, screen, "timeline", "ev-talks-open")
        await follow(pilot, screen, "q-umerov-format")
        await pilot.press("down")  # moving within a pane changes the step, adds none
        moved = screen.pane("quotes").current()
        ids = list(screen.pane("quotes").records.ids)
        assert moved == ids[ids.index("q-umerov-format") + 1]
        await follow(pilot, screen, "peskov")
        assert (screen.current_pane, screen.pane("delegations").current()) == ("delegations", "peskov")
        assert screen.check_action("back", ())
        assert not screen.check_action("forward", ())
        assert "⌫ Back" in footer_text(app)
        assert "Forward" not in footer_text(app)

        await pilot.press("backspace")
        assert screen.current_pane == "quotes"
        assert screen.pane("quotes").current() == moved
        assert screen.detail.place == moved
        assert "╭─ 3 Quotes" in screen_text(app)
        assert screen.check_action("forward", ())
        assert "Forward" in footer_text(app)

        await pilot.press("alt+left")
        assert screen.current_pane == "timeline"
        assert screen.pane("timeline").current() == "ev-talks-open"
        assert "EVENT  ev-talks-open" in detail_text(screen)
        assert not screen.check_action("back", ())
        assert "Back" not in footer_text(app)

        await pilot.press("alt+right", "alt+right")
        assert screen.current_pane == "delegations"
        assert screen.pane("delegations").current() == "peskov"
        assert "PERSON  peskov" in detail_text(screen)
        assert not screen.check_action("forward", ())


# -- search ------------------------------------------------------------------------------


async def open_search(pilot: Pilot, app: BriefApp) -> SearchScreen:
    await pilot.press("slash")
    await wait_for(pilot, lambda: isinstance(app.screen, SearchScreen), "the search box")
    assert isinstance(app.screen, SearchScreen)
    return app.screen


async def test_search_finds_a_quote_by_a_word_inside_it_and_enter_selects_it(bundled_brief: Brief) -> None:
    async with reader() as (app, pilot, screen):
        search = await open_search(pilot, app)
        await pilot.press("k")
        assert len(search.results.items) > 0
        await pilot.press("escape")  # closes, and leaves the place alone
        await wait_for(pilot, lambda: app.screen is screen, "the search box to close")
        assert screen.current_pane == "timeline"
        assert screen.pane("timeline").current() == bundled_brief.events[0].id
        assert not screen.check_action("back", ())

        search = await open_search(pilot, app)
        await pilot.press(*"wave")  # "a fresh wave of attacks": results are live, before any Enter
        # The quote, then the paragraph of the source that holds it.
        assert [item.id for item in search.results.items] == ["q-zelenskyy-four-days", "dw-2026-02-04#13"]
        shown = screen_text(app)
        assert "barely four days had passed" in shown
        assert "2 found" in shown
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is screen and screen.current_pane == "quotes", "the jump")
        assert screen.pane("quotes").current() == "q-zelenskyy-four-days"
        assert "QUOTE  q-zelenskyy-four-days" in detail_text(screen)
        assert screen.check_action("back", ())  # the jump is a step in the history


async def test_search_lists_the_first_results_and_says_how_many_more(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_screen, "RESULT_LIMIT", 3)
    async with reader() as (app, pilot, _screen):
        search = await open_search(pilot, app)
        await pilot.press("e")  # in nearly every record
        found = search.index.search("e").total
        assert found > 3
        assert [item.id for item in search.results.items] == list(search.index.search("e").ids[:3])
        assert f"{found} found, {found - 3} more not shown: type more words to narrow" in screen_text(app)
        await pilot.press("down", "enter")  # the second result
        await wait_for(pilot, lambda: not isinstance(app.screen, SearchScreen), "the jump")
        assert app.screen.detail.place == search.index.search("e").ids[1]


def title_colour(app: BriefApp, title: str) -> str | None:
    """The colour a box's title is drawn in, as the terminal shows it (below the top line)."""
    for strip in app.screen._compositor.render_strips()[1:]:
        for segment in strip:
            if segment.text.strip() == title and segment.style is not None and segment.style.color is not None:
                return segment.style.color.name
    return None


async def test_the_box_holding_the_focus_has_its_border_and_title_lit() -> None:
    async with reader() as (app, pilot, screen):
        accent = title_colour(app, "1 Timeline")
        assert accent is not None and accent != title_colour(app, "Detail")
        await pilot.press("3")
        assert title_colour(app, "3 Quotes") == accent
        assert title_colour(app, "1 Timeline") is None  # not on screen
        await pilot.press("d")  # the focus goes to the detail text
        assert title_colour(app, "Detail") == accent
        assert title_colour(app, "3 Quotes") != accent
        await pilot.press("escape")
        assert title_colour(app, "3 Quotes") == accent
        assert title_colour(app, "Detail") != accent


# -- the party filter ---------------------------------------------------------------------


async def test_party_filter_hides_the_other_parties_quotes(bundled_brief: Brief) -> None:
    async with reader(size=(200, 60)) as (_app, pilot, screen):
        # A link to a record the filter hides lifts the filter rather than fail.
        await select(pilot, screen, "timeline", "ev-talks-open")  # RU UA US UAE: kept by any filter
        await pilot.press("f")  # Russia
        assert screen.detail.place == "ev-talks-open"
        await follow(pilot, screen, "q-umerov-format")  # a Ukrainian's quote
        assert (screen.current_pane, screen.pane("quotes").current()) == ("quotes", "q-umerov-format")
        assert screen.party_filter is None
        assert "filter" not in bar_text(screen)

        quotes = screen.pane("quotes")
        assert isinstance(quotes, QuotesPane)
        await pilot.press("f")
        assert screen.party_filter == "russia"
        wanted = [
            q.id
            for q in order_quotes(bundled_brief, bundled_brief.quotes, "date")
            if bundled_brief.party_of(q.id).id == "russia"
        ]
        assert list(quotes.records.ids) == wanted
        assert 0 < len(wanted) < len(bundled_brief.quotes)
        assert "filter: Russia" in bar_text(screen)
        shown = "\n".join(widget_lines(quotes.records))
        assert "Dmitry Peskov" in shown
        for other in ("Rustem Umerov", "Volodymyr Zelenskyy", "Karoline Leavitt"):
            assert other not in shown
        assert quotes.border_subtitle == f"{len(wanted)} of {len(bundled_brief.quotes)} · by date (s)"
        assert screen.detail.place in wanted
        # The other lists follow the same filter.
        timeline = screen.pane("timeline")
        assert all(concerns(bundled_brief, bundled_brief[e], "russia") for e in timeline.records.ids)
        assert "ev-white-house-confirms" not in timeline.records.ids
        assert [c.id for c in screen.pane("delegations").columns if c.display] == ["col-russia"]
        assert [c.plain for c in screen.pane("issues").table.header[1:]] == ["Russia"]

        await pilot.press("f")
        assert screen.party_filter == "ukraine"
        assert all(bundled_brief.party_of(q).id == "ukraine" for q in quotes.records.ids)
        assert "filter: Ukraine" in bar_text(screen)

        await pilot.press("f", "f")  # the US, then the host, which says nothing
        assert screen.party_filter == "uae"
        assert list(quotes.records.ids) == []
        assert "No quotes." in widget_lines(quotes.records)[0]

        await pilot.press("f")
        assert screen.party_filter is None
        assert list(quotes.records.ids) == [q.id for q in order_quotes(bundled_brief, bundled_brief.quotes, "date")]
        assert "filter" not in bar_text(screen)


# -- copy ------------------------------------------------------------------------------------


async def test_copy_puts_the_record_and_its_citation_on_the_clipboard() -> None:
    async with reader(notifications=True) as (app, pilot, screen):
        await select(pilot, screen, "quotes", "q-peskov-doors")
        await pilot.press("y")
        copied = app.clipboard
        assert "the doors for a peaceful settlement are open" in copied
        assert "Dmitry Peskov" in copied
        assert "¶3" in copied
        assert "Envoys from Russia and Ukraine meet in Abu Dhabi" in copied
        await wait_for(pilot, lambda: "Copied with its citation" in screen_text(app), "the notification")

        await select(pilot, screen, "source", f"{SOURCE}#3")
        await pilot.press("y")
        assert "Kremlin spokesman Dmitry Peskov" in app.clipboard
        assert "¶3" in app.clipboard


# -- help and palette ------------------------------------------------------------------------


def help_text(app: BriefApp) -> str:
    assert isinstance(app.screen, HelpScreen)
    return _render_text(app.screen.query_one("#help-text").content, 200)


async def test_help_lists_every_binding() -> None:
    async with reader(size=(200, 60)) as (app, pilot, screen):
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), "the help screen")
        text = help_text(app)
        for binding in BriefScreen.BINDINGS:
            assert binding.description in text, binding
            assert binding.id in text, binding
            keys = next(line for line in text.splitlines() if binding.id in line).split("  ")[0]
            assert keys.strip() == keys_label(binding.key), binding  # as typed: ?, /, esc
        for binding in [*BriefApp.BINDINGS, *RecordList.BINDINGS, *SearchScreen.BINDINGS]:
            assert binding.description in text, binding
        assert "ctrl+p" in text and "keymap.toml" in text
        assert "Next pane" in screen_text(app)  # and it is on screen
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is screen, "help to close")
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), "help on f1")


async def test_palette_jumps_to_a_record() -> None:
    async with reader() as (app, pilot, screen):
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: app.screen is not screen, "the palette")
        await pilot.press(*"deny")  # "Moscow's ongoing campaign to deny civilians light, heating…"
        await wait_for(pilot, lambda: "go to quote q-ukraine-campaign" in screen_text(app), "the palette's hit")
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is screen and screen.current_pane == "quotes", "the jump")
        assert screen.pane("quotes").current() == "q-ukraine-campaign"
        assert "QUOTE  q-ukraine-campaign" in detail_text(screen)


# -- marks -----------------------------------------------------------------------------------


async def test_selecting_an_event_marks_its_quotes_and_parties(bundled_brief: Brief) -> None:
    async with reader(size=(200, 60)) as (_app, pilot, screen):
        quotes = screen.pane("quotes")
        delegations = screen.pane("delegations")
        assert isinstance(quotes, QuotesPane) and isinstance(delegations, DelegationsPane)
        # The first event (the invasion, RU UA) has no quotes.
        assert quotes.marks == frozenset()
        assert delegations.marks == {"russia", "ukraine"}
        await select(pilot, screen, "timeline", "ev-trump-kept-word")
        assert quotes.marks == {"q-trump-kept-word", "q-trump-claim"}
        assert delegations.marks == {"us"}
        await select(pilot, screen, "timeline", "ev-overnight-attack")
        said_there = {q.id for q in bundled_brief.quotes if q.event == "ev-overnight-attack"}
        assert quotes.marks == said_there == {"q-zelenskyy-coldest-days", "q-zelenskyy-power-grid"}
        # Hidden panes paint their marks when they are shown.
        await pilot.press("2")
        assert [c.id for c in delegations.columns if c.has_class("-marked")] == ["col-russia", "col-ukraine"]
        await pilot.press("1")

        await pilot.press("3")  # seen: the mark before each marked quote, and only there
        lines = widget_lines(quotes.records)  # all on screen at this size
        n = 0
        for quote in order_quotes(bundled_brief, bundled_brief.quotes, "date"):
            n = line_index(lines, " ".join(quote.text.split()[:4]), n + 1)
            assert lines[n - 1].startswith("▍") == (quote.id in said_there), quote.id
        await pilot.press("2")
        assert "▍RU · party" in "\n".join(widget_lines(delegations.query_one("#col-russia", RecordList)))
        assert "▍US · party" not in "\n".join(widget_lines(delegations.query_one("#col-us", RecordList)))


# -- keymap --------------------------------------------------------------------------------


def write_keymap(config: Path, text: str) -> None:
    (config / "peacebrief").mkdir()
    (config / "peacebrief" / "keymap.toml").write_text(text, encoding="utf-8")


async def test_user_keymap_rebinds_a_pane_key(own_config: Path) -> None:
    write_keymap(own_config, '[keys]\n"pane.quotes" = "t"\n')
    async with reader() as (app, pilot, screen):
        await pilot.press("3")  # no longer bound
        assert screen.current_pane == "timeline"
        assert " t Quotes " in bar_text(screen)  # the top line says so
        await pilot.press("t")
        assert screen.current_pane == "quotes"
        assert "╭─ t Quotes" in screen_text(app)
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), "the help screen")
        quotes_line = next(line for line in help_text(app).splitlines() if "pane.quotes" in line)
        assert quotes_line.split()[0] == "t"


async def test_a_broken_keymap_is_reported_and_the_reader_still_opens(own_config: Path) -> None:
    write_keymap(own_config, "[keys\n")
    async with reader(notifications=True) as (app, pilot, screen):
        await wait_for(pilot, lambda: "Keymap not used" in screen_text(app), "the keymap warning")
        await pilot.press("3")
        assert screen.current_pane == "quotes"


# -- other briefs ------------------------------------------------------------------------------


async def test_second_brief_opens_by_path(harbour_brief: Brief) -> None:
    async with reader(HARBOUR_BRIEF, size=(200, 60)) as (app, pilot, screen):
        assert screen.brief.id == "harbour-talks"
        assert harbour_brief.title[:30] in bar_text(screen)
        timeline = screen.pane("timeline")
        assert list(timeline.records.ids) == [e.id for e in harbour_brief.events]
        shown = "\n".join(widget_lines(timeline.records))  # 14 events: all on screen at this size
        for event in harbour_brief.events:
            assert event.title in shown
        await pilot.press("2")
        columns = screen.pane("delegations").columns
        assert [str(c.border_title) for c in columns] == [p.name for p in harbour_brief.parties]
        assert "Alma Berg" in "\n".join(widget_lines(columns[0]))
        await pilot.press("3")
        assert list(screen.pane("quotes").records.ids) == [
            q.id for q in order_quotes(harbour_brief, harbour_brief.quotes, "date")
        ]
        await pilot.press("5")
        assert screen.pane("source").current() == "wire#1"
        assert "source 1 of 2" in screen_text(app)


async def test_second_source_by_key_and_by_link(harbour_brief: Brief) -> None:
    quote = next(q for q in harbour_brief.quotes if q.source.source == "followup")
    target = f"followup#{quote.source.paragraph}"
    async with reader(HARBOUR_BRIEF) as (app, pilot, screen):
        await pilot.press("5", "s")
        assert screen.pane("source").current() == "followup#1", "s did not show the next source"
        await select(pilot, screen, "quotes", quote.id)
        await follow(pilot, screen, target, "enter")
        assert screen.current_pane == "source"
        assert screen.pane("source").current() == target
        assert harbour_brief.source("followup").title in screen_text(app)


def broken_copy_of_the_bundled_brief(tmp_path: Path) -> tuple[Path, int]:
    """The bundled brief with a quote's speaker misspelt; its path and the line of the error."""
    text = BUNDLED_BRIEF.read_text(encoding="utf-8")
    text = text.replace("    speaker: peskov\n    kind: direct", "    speaker: nobody\n    kind: direct", 1)
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds", dirs_exist_ok=True)
    (tmp_path / "briefs").mkdir(exist_ok=True)
    path = tmp_path / "briefs" / "broken.yaml"
    path.write_text(text, encoding="utf-8")
    return path, text.splitlines().index("    speaker: nobody") + 1


async def test_a_broken_brief_shows_its_problems_with_file_and_line(tmp_path: Path) -> None:
    path, line = broken_copy_of_the_bundled_brief(tmp_path)
    app = BriefApp(path)
    async with app.run_test(size=(200, 30)) as pilot:
        await wait_for(
            pilot,
            lambda: isinstance(app.screen, ProblemsScreen) and f"{path}:{line}:" in screen_text(app),
            "the problems screen with its first problem drawn",
        )
        text = screen_text(app)
        assert "'nobody'" in text
        assert "could not be opened" in text
        await pilot.press("3", "slash", "f")  # no brief: the reader's keys do nothing, and nothing breaks
        assert isinstance(app.screen, ProblemsScreen)

        path.write_text(
            path.read_text(encoding="utf-8").replace("speaker: nobody", "speaker: peskov"), encoding="utf-8"
        )
        await pilot.press("r")  # fixed: r reloads and opens it
        await wait_for(pilot, lambda: isinstance(app.screen, BriefScreen), "the brief after reload")


# -- sizes ------------------------------------------------------------------------------------


async def test_small_terminals_every_pane_without_errors() -> None:
    async with reader(size=(80, 24)) as (app, pilot, screen):
        for size in [(80, 24), (40, 12)]:
            if app.size != size:
                await pilot.resize_terminal(*size)
                await pilot.pause()
            assert not screen.has_class("-wide"), size
            for key, pane_id in PANE_KEYS.items():
                await pilot.press(key)
                assert screen.current_pane == pane_id, size
                assert f"─ {screen.pane(pane_id).title}" in screen_text(app), size
            assert isinstance(app.screen, BriefScreen), size
            if size == (80, 24):
                await pilot.press("enter", "1")  # into the links, and follow the first
                assert screen.detail.display
                assert screen.detail.region.y >= screen.query_one("#panes").region.bottom  # below, not beside
                assert "╭─ Detail" in screen_text(app)


async def test_a_change_on_disk_reloads_keeps_the_last_good_brief_and_recovers(tmp_path: Path) -> None:
    for folder in ("briefs", "seeds"):
        (tmp_path / folder).mkdir()
        for file in (BUNDLED_BRIEF.parent.parent / folder).iterdir():
            if file.is_file():
                (tmp_path / folder / file.name).write_bytes(file.read_bytes())
    path = tmp_path / "briefs" / BUNDLED_BRIEF.name
    good = path.read_text(encoding="utf-8")
    async with reader(path) as (app, pilot, screen):
        app.WATCH_SECONDS = 0.1
        await pilot.press("3", "j")
        await pilot.pause()
        chosen = screen.detail.place
        assert chosen is not None and chosen.startswith("q-")

        path.write_text(good.replace("speaker: trump", "speaker: trump-2", 1), encoding="utf-8")
        await pilot.press("r")
        panel = screen.query_one("#problems-panel")
        await wait_for(pilot, lambda: panel.display, "the problems panel")
        shown = str(panel.render())
        assert "speaker 'trump-2'" in shown and f"{path}:" in shown
        assert app.screen is screen and screen.detail.place == chosen  # the last good brief stays

        path.write_text(good.replace("title: Trump claims Putin", "title: Trump now claims Putin", 1), encoding="utf-8")
        await pilot.press("r")
        await wait_for(pilot, lambda: not panel.display, "the recovery")
        assert screen.brief["ev-trump-kept-word"].title.startswith("Trump now claims")
        assert screen.current_pane == "quotes" and screen.detail.place == chosen


async def test_a_party_lists_a_few_links_of_each_kind_and_counts_the_rest(
    bundled_brief: Brief, monkeypatch: pytest.MonkeyPatch
) -> None:
    from peacebrief.app.widgets import detail
    from peacebrief.core.related import related

    monkeypatch.setattr(detail, "LINKS_PER_KIND", 2)
    everything = related(bundled_brief, "russia")
    quotes = [item.target for item in everything if item.kind == "quote"]
    assert len(quotes) > 2
    async with reader() as (app, pilot, screen):
        await select(pilot, screen, "delegations", "russia")
        links = screen.detail.links
        assert links.border_title == f"Links ({len(everything)})"
        assert [t for t in links.targets if t in quotes] == quotes[:2]
        shown = "\n".join(widget_lines(links))
        assert f"… and {len(quotes) - 2:,} more quotes" in shown
        # back on the party after a step away: the same list, the same numbers
        targets = list(links.targets)
        await select(pilot, screen, "quotes", "q-ru-constructive")
        assert links.targets != targets
        await select(pilot, screen, "delegations", "russia")
        assert links.targets == targets
        assert "\n".join(widget_lines(links)) == shown
