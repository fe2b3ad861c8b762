"""`peacebrief serve` in a real browser: Debian's Chromium, headless, driven by Playwright.

xterm.js draws the reader's text on a canvas, so the page has no text to read. The test
reads the screen two ways: what the app sent the page (every frame the page's websocket
received, recorded by a script of the test's and replayed through a terminal emulator),
and the screenshot itself, whose pixels must show the colours that screen has, cell by
cell, where the top line lights the pane on show.
"""

from __future__ import annotations

import base64
import io
import statistics
import time
from collections.abc import Iterator
from pathlib import Path

import pyte
import pytest

from conftest import BUNDLED_BRIEF
from peacebrief.core.citation import record_plaintext
from peacebrief.core.loader import load_brief
from served import DEADLINE, Served, digest_of

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
XTERM_BACKGROUND = (0, 0, 0)  # xterm.js's default theme, where the app leaves the background to the terminal

# Runs in the page before its own scripts: keeps the size of each session's terminal and
# every frame its websocket receives, for the test to replay.
RECORDER = """
(() => {
  const Native = window.WebSocket;
  const events = (window.__peacebrief = []);
  const record = (ws) => {
    const send = ws.send.bind(ws);
    ws.send = (data) => {
      try {
        const message = JSON.parse(data);
        if (message[0] === "resize") events.push({size: [message[1].width, message[1].height]});
      } catch (error) {}
      return send(data);
    };
    ws.addEventListener("message", (event) => {
      if (typeof event.data === "string") return;
      const bytes = new Uint8Array(event.data);
      let text = "";
      for (let at = 0; at < bytes.length; at += 8192) text += String.fromCharCode(...bytes.subarray(at, at + 8192));
      events.push({data: btoa(text)});
    });
  };
  window.WebSocket = function (url, protocols) {
    const ws = protocols === undefined ? new Native(url) : new Native(url, protocols);
    const query = new URL(url).searchParams;
    events.push({size: [Number(query.get("width")), Number(query.get("height"))]});
    record(ws);
    return ws;
  };
  window.WebSocket.prototype = Native.prototype;
  Object.assign(window.WebSocket, {CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3});
})();
"""


try:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
except ImportError:  # the test says so when it runs
    PlaywrightTimeout = TimeoutError  # type: ignore[misc,assignment]


def _fail_without_the_browser() -> None:
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"the browser test needs Chromium at {CHROMIUM}, which is not installed: install Debian's "
            "`chromium` package (apt-get install chromium; .ci/run does it). Never a browser download."
        )
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        pytest.fail("the browser test needs the Python package playwright: pip install '.[test]'")


class Page:
    """The page of one session, and its screen as replayed from what its websocket received."""

    def __init__(self, page) -> None:  # type: ignore[no-untyped-def]
        self.page = page
        self.screen = pyte.Screen(80, 24)
        self.stream = pyte.ByteStream(self.screen)
        self.replayed = 0

    def replay(self) -> pyte.Screen:
        events = self.page.evaluate(f"window.__peacebrief.slice({self.replayed})")
        for event in events:
            if "size" in event:
                width, height = event["size"]
                self.screen.resize(lines=height, columns=width)
            else:
                self.stream.feed(base64.b64decode(event["data"]))
        self.replayed += len(events)
        return self.screen

    def text(self) -> str:
        return "\n".join(self.replay().display)

    def shows(self, *texts: str) -> None:
        end = time.monotonic() + DEADLINE
        while not all(t in self.text() for t in texts):
            left = end - time.monotonic()
            try:  # until the page has received something more
                self.page.wait_for_function(
                    f"window.__peacebrief.length > {self.replayed}", timeout=max(left, 0) * 1000
                )
            except PlaywrightTimeout:
                raise AssertionError(f"the page never showed {texts}:\n{self.text()}") from None


def cell_colour(screen: pyte.Screen, row: int, column: int) -> tuple[int, int, int]:
    """The background a cell is drawn on: its own, or its foreground when reversed."""
    char = screen.buffer[row][column]
    colour = char.fg if char.reverse else char.bg
    if colour == "default":
        return XTERM_BACKGROUND
    return (int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16))


def painted(image, box: dict[str, float], screen: pyte.Screen, row: int, first: int, last: int) -> tuple[int, ...]:  # type: ignore[no-untyped-def]
    """The colour most of the screenshot's pixels have over cells first..last of a row."""
    width, height = box["width"] / screen.columns, box["height"] / screen.lines
    left, top = box["x"] + first * width, box["y"] + row * height
    region = image.crop((round(left), round(top), round(left + (last - first + 1) * width), round(top + height)))
    pixels = list(region.convert("RGB").get_flattened_data())
    return tuple(int(statistics.median(p[i] for p in pixels)) for i in range(3))


def close(a: tuple[int, ...], b: tuple[int, ...], tolerance: int = 24) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=False))


@pytest.fixture
def served() -> Iterator[Served]:
    server = Served(BUNDLED_BRIEF)
    yield server
    status, err = server.stop()
    assert status == 0, err


def test_the_reader_in_chromium(served: Served, tmp_path: Path) -> None:
    _fail_without_the_browser()
    from PIL import Image
    from playwright.sync_api import sync_playwright

    brief = load_brief(BUNDLED_BRIEF)
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path / "profile"),  # a new, empty profile
            executable_path=CHROMIUM,
            args=FLAGS,
            headless=True,
            viewport={"width": 1280, "height": 800},
            accept_downloads=True,
        )
        try:
            context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served.base)
            context.add_init_script(RECORDER)
            downloads: list = []  # type: ignore[type-arg]
            # textual.js opens each download in a new tab: listen on every tab from its start.
            context.on("page", lambda tab: tab.on("download", lambda download: downloads.append(download)))
            page = Page(context.new_page())
            page.page.goto(served.address)
            page.shows("1 Timeline", brief.events[0].title)
            assert len(served.processes()) == 1

            page.page.click("#terminal")
            page.page.keyboard.press("2")
            page.shows("─ 2 Delegations ─", "Russia", "Ukraine", "United States", "PARTY  russia")
            page.page.wait_for_function("document.fonts.status === 'loaded'")
            shot = tmp_path / "serve-screenshot.png"
            page.page.screenshot(path=str(shot))
            screen = page.replay()
            box = page.page.locator(".xterm-screen").bounding_box()
            assert box is not None
            image = Image.open(io.BytesIO(shot.read_bytes()))
            top = screen.display[0]
            lit, unlit = top.index(" 2 Delegations "), top.index(" 1 Timeline ")
            lit_colour = cell_colour(screen, 0, lit)
            unlit_colour = cell_colour(screen, 0, unlit)
            assert not close(lit_colour, unlit_colour, 64), "the top line lights the pane on show"
            assert close(painted(image, box, screen, 0, lit, lit + len(" 2 Delegations ") - 1), lit_colour)
            assert close(painted(image, box, screen, 0, unlit, unlit + len(" 1 Timeline ") - 1), unlit_colour)

            # y: the selected record, with its citation, on the browser's clipboard.
            page.page.keyboard.press("y")
            page.shows("Copied with its citation")
            assert page.page.evaluate("navigator.clipboard.readText()") == record_plaintext(brief, brief["russia"])

            # e, then enter twice (the format, then Download): the digest downloads, the same
            # text as `peacebrief digest`.
            page.page.keyboard.press("e")
            page.shows("Download the digest")
            page.page.keyboard.press("Enter")
            page.page.keyboard.press("Enter")
            end = time.monotonic() + DEADLINE
            while not downloads:
                assert time.monotonic() < end, "no download started"
                page.page.wait_for_timeout(50)  # lets the browser's events through
            download = downloads[0]
            assert download.suggested_filename.startswith("abu-dhabi-2026-02-digest-")
            assert Path(download.path()).read_bytes() == digest_of(BUNDLED_BRIEF)
            page.shows("Downloading")

            # The tab closes, the browser stays: the tab's reader ends.
            page.page.close()
            end = time.monotonic() + DEADLINE
            while served.processes():
                assert time.monotonic() < end, "the reader's process outlived its tab"
                time.sleep(0.05)
        finally:
            context.close()
