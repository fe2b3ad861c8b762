"""Keys that mean one thing: the pane keys from every focus, links by `o` and a number or
by enter, reading mode, the footer for each focus, the mouse, and the user's keymap."""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.events import MouseScrollDown
from textual.pilot import Pilot
from textual.widget import Widget

from peacebrief.app.screens.brief import BriefScreen
from peacebrief.app.screens.export import ExportScreen
from peacebrief.app.screens.help import HelpScreen
from peacebrief.app.screens.search import SearchScreen
from peacebrief.app.widgets.detail import DetailBody, LinkList
from peacebrief.app.widgets.pane_bar import PaneBar
from test_app import PANE_KEYS, footer_text, reader, screen_text, select, wait_for, widget_lines


@pytest.fixture(autouse=True)
def own_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    config = tmp_path / "config"
    config.mkdir()
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    return config


def keymap_file(config: Path, text: str | bytes) -> Path:
    folder = config / "peacebrief"
    folder.mkdir(exist_ok=True)
    path = folder / "keymap.toml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


# -- the places the focus can be ---------------------------------------------------------


async def in_pane(pilot: Pilot, screen: BriefScreen) -> None:
    await pilot.press("1")


async def in_detail_text(pilot: Pilot, screen: BriefScreen) -> None:
    await pilot.press("1", "d")
    assert isinstance(screen.focused, DetailBody)


async def after_enter(pilot: Pilot, screen: BriefScreen) -> None:
    await pilot.press("1", "j", "enter")
    assert isinstance(screen.focused, LinkList)


async def after_a_click(pilot: Pilot, screen: BriefScreen) -> None:
    await pilot.press("1")
    await pilot.click(DetailBody, offset=(3, 1))
    await pilot.pause()
    assert isinstance(screen.focused, DetailBody)


async def in_reading_mode(pilot: Pilot, screen: BriefScreen) -> None:
    await pilot.press("1", "z")
    assert screen.reading


def after_closing(
    open_key: str, kind: type, close_key: str = "escape"
) -> Callable[[Pilot, BriefScreen], Awaitable[None]]:
    async def setup(pilot: Pilot, screen: BriefScreen) -> None:
        await pilot.press("1", "j", "enter")  # the focus in the links, where digits once followed links
        links = screen.focused
        assert isinstance(links, LinkList)
        await pilot.press(open_key)
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, kind), f"{kind.__name__} to open")
        await pilot.press(close_key)
        await wait_for(pilot, lambda: pilot.app.screen is screen, f"{kind.__name__} to close")
        assert screen.focused is links, f"{kind.__name__} gave the focus back to {screen.focused}, not the links"

    return setup


# Where the focus can be on the brief screen itself: the layout (the detail panel below
# the pane, or beside it from 120 columns) changes which widgets hold it, so at both sizes.
FOCI = {
    "a pane": in_pane,
    "the detail text": in_detail_text,
    "the links, after enter": after_enter,
    "after a click": after_a_click,
    "reading mode": in_reading_mode,
}
# After a dialog closes: a dialog covers the screen whatever its size, and gives the focus
# back to the links, as the screen had it (FOCI checks the links at both sizes): once, at
# the smallest size. (The three at a second size took a twentieth of the suite's CPU time.)
DIALOG_FOCI = {
    "after help closes": after_closing("question_mark", HelpScreen),
    "after search closes": after_closing("slash", SearchScreen),
    "after the export dialog closes": after_closing("e", ExportScreen),
}


@pytest.mark.parametrize(
    ("size", "foci"),
    [((80, 24), FOCI), ((120, 40), FOCI), ((80, 24), DIALOG_FOCI)],
    ids=["80x24", "120x40", "after-a-dialog-80x24"],
)
async def test_each_pane_key_works_from_every_focus(
    size: tuple[int, int], foci: dict[str, Callable[[Pilot, BriefScreen], Awaitable[None]]]
) -> None:
    order = list(PANE_KEYS.values())
    async with reader(size=size) as (app, pilot, screen):
        for where, setup in foci.items():
            for key, pane_id in [*PANE_KEYS.items(), ("tab", None), ("shift+tab", None)]:
                await setup(pilot, screen)
                before = screen.current_pane
                await pilot.press(key)
                await pilot.pause()
                if pane_id is None:
                    step = 1 if key == "tab" else -1
                    pane_id = order[(order.index(before) + step) % len(order)]
                assert screen.current_pane == pane_id, f"{key} from {where}"
                assert not screen.reading, f"{key} from {where}: still reading"
                pane = screen.pane(pane_id)
                assert screen.focused is not None and pane in screen.focused.ancestors_with_self, f"{key} from {where}"
                assert (
                    f" {key} {pane.name_of()} " in screen.query_one(PaneBar).render_line(0).text
                    or pane_id is None
                    or key in ("tab", "shift+tab")
                )


async def test_digits_in_the_links_switch_panes_and_o_then_a_number_follows_a_link() -> None:
    async with reader(size=(80, 24)) as (app, pilot, screen):
        await pilot.press("j", "enter", "2")  # once: the second link, a quote, under "2 Delegations"
        assert screen.current_pane == "delegations"
        await pilot.press("1")
        event = screen.pane("timeline").current()
        links = screen.detail.links
        target = links.targets[2]
        await pilot.press("o")
        assert "Link number" in footer_text(app)
        await pilot.press("3")
        await wait_for(pilot, lambda: screen.detail.place == target, "link 3 followed")
        await pilot.press("backspace")
        await wait_for(pilot, lambda: screen.detail.place == event, "back")
        await pilot.press("o", "escape")  # cancelled: nothing followed, the keys come back
        assert screen.detail.place == event and "Link number" not in footer_text(app)
        await pilot.press("o", "0")  # no such link: said, nothing followed
        assert screen.detail.place == event


async def test_enter_on_the_link_cursor_follows_it_and_up_from_the_first_link_reads_the_text() -> None:
    async with reader(size=(80, 24)) as (app, pilot, screen):
        await pilot.press("j", "enter")
        links = screen.detail.links
        assert links.highlighted_item is not None and links.highlighted_item.id == "link-1"
        await pilot.press("up")
        assert isinstance(screen.focused, DetailBody)
        await pilot.press("enter", "j", "enter")
        await wait_for(pilot, lambda: screen.detail.place == links.targets[1] or screen.focused is not links, "link 2")


async def test_the_detail_text_scrolls_from_the_keyboard() -> None:
    async with reader(size=(80, 24)) as (app, pilot, screen):
        await pilot.press("2")  # Russia: a long summary above its links
        await pilot.press("d")
        body = screen.detail.body
        assert body.max_scroll_y > 0, "the text should not fit at 80x24"
        await pilot.press("j", "j")
        assert body.scroll_y == 2
        await pilot.press("k")
        assert body.scroll_y == 1
        await pilot.press("G")
        assert body.scroll_y == body.max_scroll_y
        await pilot.press("j")  # past the end: on to the links
        assert isinstance(screen.focused, LinkList)


async def test_reading_mode_gives_the_record_the_whole_screen_and_gives_it_back() -> None:
    async with reader(size=(80, 24)) as (app, pilot, screen):
        await pilot.press("j")
        event = screen.brief[screen.detail.place]
        await pilot.press("z")
        assert screen.reading and not screen.query_one("#panes").region.area
        assert screen.detail.region.height >= 20
        text = screen_text(app)
        assert event.title in text
        lines = widget_lines(screen.detail.links)
        assert sum(1 for line in lines if line[:3].strip().isdigit()) >= 5, "five links readable"
        assert "z Read" in footer_text(app) and "esc Pane" in footer_text(app)
        await pilot.press("escape")
        assert not screen.reading and screen.query_one("#panes").region.area
        assert screen.focused is screen.pane("timeline").records


async def test_the_palette_offers_reading_mode_not_maximize() -> None:
    async with reader() as (app, pilot, screen):
        titles = [command.title for command in app.get_system_commands(screen)]
        assert "Maximize" not in titles and "Reading mode" in titles and "Keys" in titles


# -- the footer ------------------------------------------------------------------------------


@pytest.mark.parametrize("width", [40, 60, 80, 120, 200])
async def test_the_footer_leads_with_the_keys_of_the_focus_and_keeps_help_and_the_palette(width: int) -> None:
    async with reader(size=(width, 30)) as (app, pilot, screen):
        checks = [
            (("1",), "enter Links"),
            (("2",), "enter Links  h/l Column"),
            (("1", "d"), "j/k Scroll"),
            (("1", "enter"), "enter Follow"),
        ]
        for keys, first in checks:
            await pilot.press(*keys)
            await pilot.pause()
            line = footer_text(app)
            assert line.rstrip().endswith("? Help ▏^p palette"), f"{keys}: {line!r}"
            if width >= 60:
                assert line.lstrip().startswith(first), f"{keys}: {line!r}"
        await pilot.press("1", "enter")
        if width >= 80:
            assert "esc Pane" in footer_text(app) and "o Link №" in footer_text(app)


# -- the mouse -------------------------------------------------------------------------------


async def test_a_click_on_a_link_row_follows_exactly_that_link() -> None:
    async with reader(size=(120, 40)) as (app, pilot, screen):
        await select(pilot, screen, "quotes", "q-peskov-doors")  # the issue's: People, then 3 Dmitry Peskov
        links = screen.detail.links
        lines = widget_lines(links)
        for number in (1, 2, 3):
            row = next(n for n, line in enumerate(lines) if line.startswith(f"{number:>2} "))
            target = links.targets[number - 1]
            await pilot.click(LinkList, offset=(4, row + links.styles.gutter.top))
            await wait_for(pilot, lambda target=target: screen.detail.place == target, f"link {number} followed")
            await pilot.press("backspace")
            await wait_for(pilot, lambda: screen.detail.place == "q-peskov-doors", "back")
            lines = widget_lines(links)
        heading = next(n for n, line in enumerate(lines) if line.strip() == "People")
        place = screen.detail.place
        await pilot.click(LinkList, offset=(4, heading + links.styles.gutter.top))  # a heading: nothing
        await pilot.pause()
        assert screen.detail.place == place


async def test_a_click_on_a_pane_name_in_the_top_line_shows_it() -> None:
    async with reader(size=(120, 40)) as (app, pilot, screen):
        bar = screen.query_one(PaneBar)
        for pane_id in ("quotes", "issues", "timeline"):
            x = next(start for start, _end, pane in bar._spans if pane == pane_id)
            await pilot.click(PaneBar, offset=(x + 2, 0))
            await pilot.pause()
            assert screen.current_pane == pane_id


async def wheel(pilot: Pilot, widget: Widget, times: int = 3) -> None:
    for _ in range(times):
        widget.post_message(MouseScrollDown(widget, 2, 2, 0, 1, 0, False, False, False))
    await pilot.pause()


async def test_the_wheel_scrolls_every_list_and_the_detail() -> None:
    async with reader(size=(80, 24)) as (app, pilot, screen):
        await pilot.press("2")
        await wait_for(pilot, lambda: screen.detail.body.max_scroll_y > 0, "a long detail")
        scrolled = []
        for key, widget in [
            ("2", screen.detail.body),
            ("1", screen.pane("timeline").records),
            ("3", screen.pane("quotes").records),
            ("5", screen.pane("source").paragraphs),
            ("2", screen.pane("delegations").columns[2]),
            ("4", screen.pane("issues").table),
        ]:
            await pilot.press(key)
            await pilot.pause()
            assert widget.max_scroll_y > 0, f"{widget} has nothing to scroll at 80x24"
            await wheel(pilot, widget)
            scrolled.append((widget, widget.scroll_y))
        assert all(y > 0 for _, y in scrolled), [(w.id, y) for w, y in scrolled]


# -- the user's keymap ----------------------------------------------------------------------


async def test_an_unknown_id_and_a_malformed_key_are_reported_once_and_the_rest_applies(own_config: Path) -> None:
    path = keymap_file(own_config, '[keys]\n"no.such.action" = "x"\n"pane.quotes" = "t"\n"pane.issues" = "ctrl+"\n')
    async with reader(notifications=True) as (app, pilot, screen):
        notes = [n for n in app._notifications if "Keymap" in (n.title or "")]
        assert len(notes) == 1
        message = notes[0].message
        assert f"{path}:2" in message and "no.such.action" in message
        assert f"{path}:4" in message and "pane.issues" in message
        await pilot.press("t")
        assert screen.current_pane == "quotes"
        await pilot.press("4")  # its rebinding left out: the default holds
        assert screen.current_pane == "issues"


@pytest.mark.parametrize(
    "text, says",
    [
        ('"pane.quotes" = "notakey"', "is not a key"),
        ('"pane.quotes" = "ctrl+c"', "ctrl+c"),
        ('"pane.quotes" = "q"', "'app.quit' has"),  # two ids on one key; q still quits
        ('"pane.quotes" = "j"', "'list.down' has"),  # a list's key would hide it
        ('"app.quit" = "j"', "'list.down' has"),  # a keymap leaving no key to quit
        ('"pane.quotes" = 3', "must be a string"),
    ],
)
async def test_keymap_mistakes_are_reported_and_left_out(own_config: Path, text: str, says: str) -> None:
    keymap_file(own_config, f"[keys]\n{text}\n")
    async with reader(notifications=True) as (app, pilot, screen):
        message = "\n".join(n.message for n in app._notifications)
        assert says in message and ":2" in message
        await pilot.press("3")
        assert screen.current_pane == "quotes"
        assert screen.active_bindings["q"].binding.action == "quit"  # q still quits


async def test_a_keymap_with_a_byte_order_mark_is_read(own_config: Path) -> None:
    keymap_file(own_config, '\ufeff[keys]\n"pane.quotes" = "t"\n'.encode("utf-8"))
    async with reader(notifications=True) as (app, pilot, screen):
        await pilot.press("t")
        assert screen.current_pane == "quotes"
        assert not [n for n in app._notifications if "Keymap" in (n.title or "")]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
async def test_a_keymap_that_is_a_fifo_or_too_big_is_not_read(own_config: Path) -> None:
    folder = own_config / "peacebrief"
    folder.mkdir()
    os.mkfifo(folder / "keymap.toml")  # reading it would block for ever
    async with reader(notifications=True) as (app, pilot, screen):
        assert any("not a regular file" in n.message for n in app._notifications)
    (folder / "keymap.toml").unlink()
    (folder / "keymap.toml").write_text("# " + "x" * 200_000 + "\n", encoding="utf-8")
    async with reader(notifications=True) as (app, pilot, screen):
        assert any("KiB" in n.message for n in app._notifications)


# -- settings --------------------------------------------------------------------------------


async def test_the_theme_survives_a_restart(own_config: Path) -> None:
    async with reader() as (app, pilot, screen):
        assert app.theme != "nord"
        app.theme = "nord"
        await pilot.pause()
    settings = own_config / "peacebrief" / "settings.toml"
    assert 'theme = "nord"' in settings.read_text(encoding="utf-8")
    async with reader() as (app, pilot, screen):
        assert app.theme == "nord"


# -- reading the file: one bounded read of a regular file -------------------------------------


def test_read_config_text_reads_a_regular_file_and_says_why_it_will_not_read_others(tmp_path: Path) -> None:
    from peacebrief.app.keymap import read_config_text

    good = tmp_path / "good.toml"
    good.write_bytes('\ufeff[keys]\n"app.quit" = "x"\n'.encode("utf-8"))
    assert read_config_text(good) == '[keys]\n"app.quit" = "x"\n'
    assert read_config_text(tmp_path / "missing.toml") is None
    refused = {
        "is a folder, not a file; not read": tmp_path,
        "is over the 64 KiB a keymap may be; not read": tmp_path / "big.toml",
        "is a loop of symbolic links; not read": tmp_path / "loop.toml",
        "is not a regular file; not read": tmp_path / "zero.toml",
        "is not UTF-8 (byte 3)": tmp_path / "latin.toml",
    }
    (tmp_path / "big.toml").write_bytes(b"#" * (64 * 1024 + 1))
    (tmp_path / "loop.toml").symlink_to(tmp_path / "loop.toml")
    (tmp_path / "zero.toml").symlink_to("/dev/zero")  # read to its end, it would never end
    (tmp_path / "latin.toml").write_bytes(b"# \xe9t\xe9\n")
    for message, path in refused.items():
        with pytest.raises(ValueError) as caught:
            read_config_text(path)
        assert str(caught.value) == message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_read_config_text_never_waits_on_a_fifo(tmp_path: Path) -> None:
    from peacebrief.app.keymap import read_config_text

    os.mkfifo(tmp_path / "keymap.toml")
    with pytest.raises(ValueError, match="is not a regular file"):
        read_config_text(tmp_path / "keymap.toml")


def test_read_config_text_reads_what_it_opened_once_not_a_name_checked_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Checked by name and then opened, a file could be swapped in between (a FIFO, /dev/zero):
    # the name is only opened, and the checks are of the open file.
    from peacebrief.app.keymap import read_config_text

    path = tmp_path / "keymap.toml"
    path.write_text("[keys]\n", encoding="utf-8")

    def no_stat(*args: object, **kwargs: object) -> None:
        raise AssertionError("the keymap was looked at by its name")

    monkeypatch.setattr(Path, "stat", no_stat)
    monkeypatch.setattr(os, "stat", no_stat)
    assert read_config_text(path) == "[keys]\n"
