"""`peacebrief serve`, end to end without a browser: the real command, a websocket client
that speaks textual.js's protocol, and the screen read through a terminal emulator."""

from __future__ import annotations

import asyncio
import base64
import re
import shutil
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import aiohttp
import pytest

from conftest import BUNDLED_BRIEF, HARBOUR_BRIEF, ROOT
from peacebrief.core.citation import record_plaintext
from peacebrief.core.loader import load_brief
from served import Served, Session, digest_of, until


@pytest.fixture(scope="module")
def server() -> Iterator[Served]:
    """One server for the tests of this module: starting one takes seconds."""
    server = Served(BUNDLED_BRIEF)
    yield server
    status, err = server.stop()
    assert status == 0, err


@pytest.fixture
async def served(server: Served) -> AsyncIterator[Served]:
    """The module's server; each test leaves it with no session process running."""
    await until(lambda: not server.processes(), "no session left by an earlier test")
    yield server
    await until(lambda: not server.processes(), "each session's process ends with its websocket")


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as session:
        yield session


async def test_a_session_shows_the_reader_and_takes_keys(served: Served, http: aiohttp.ClientSession) -> None:
    session = await Session(served, http).open()
    assert len(served.processes()) == 1
    await session.press("2")
    await session.shows("─ 2 Delegations ─", "Russia", "Ukraine", "United States", "Rustem Umerov")
    await session.press("/")
    await session.shows("─ Search ─")
    await session.press("kept")
    await session.shows("6 found", 'Trump claims Putin "kept his word" on the pause', "Donald Trump: kept his word")
    await session.close()
    await until(lambda: not served.processes(), "the session's process ends with its websocket")


async def test_without_the_token_nothing_is_served_and_nothing_started(
    served: Served, http: aiohttp.ClientSession
) -> None:
    other = "x" * len(served.token)
    refused = [
        f"{served.base}/",
        f"{served.base}/?token={other}",
        f"{served.base}/?token=",
        f"{served.base}/ws",
        f"{served.base}/ws?width=80&height=24",
        f"{served.base}/download/0123456789abcdef",
        f"{served.base}/static/js/textual.js",
        f"{served.base}/nothing-here",
    ]
    for url in refused:
        async with http.get(url) as response:
            assert response.status == 403, url
            assert "token" in await response.text()
    for cookie in (f"peacebrief-{served.base.rsplit(':', 1)[1]}={other}", f"peacebrief-1={served.token}"):
        async with http.get(f"{served.base}/", headers={"Cookie": cookie}) as response:
            assert response.status == 403, cookie
    with pytest.raises(aiohttp.WSServerHandshakeError) as refusal:
        await http.ws_connect(f"{served.base}/ws?width=80&height=24")
    assert refusal.value.status == 403
    # The token of this run, from a page of another site: refused too.
    with pytest.raises(aiohttp.WSServerHandshakeError) as refusal:
        await http.ws_connect(f"{served.base}/ws?token={served.token}", headers={"Origin": "http://elsewhere.example"})
    assert refusal.value.status == 403
    assert not served.processes()


async def test_the_address_opens_the_page_and_sets_the_token_for_what_it_loads(served: Served) -> None:
    async with aiohttp.ClientSession(
        cookie_jar=aiohttp.CookieJar(unsafe=True)
    ) as browser:  # unsafe: keeps cookies of an IP address
        await _page_then_script(served, browser)


async def _page_then_script(served: Served, http: aiohttp.ClientSession) -> None:
    async with http.get(served.address) as response:
        assert response.status == 200
        page = await response.text()
        cookie = response.cookies[f"peacebrief-{served.base.rsplit(':', 1)[1]}"]
        assert response.headers["Referrer-Policy"] == "no-referrer"
    assert cookie.value == served.token and cookie["httponly"] and cookie["samesite"] == "Strict"
    assert f'data-session-websocket-url="ws://{served.base.split("//")[1]}/ws"' in page
    assert "http://" not in page and "https://" not in page, "the page asks nothing of another site"
    assert set(re.findall(r'(?:src|href)="([^"]*)"', page)) == {"/static/css/xterm.css", "/static/js/textual.js"}
    # The cookie the page set is what its script, websocket and downloads carry.
    async with http.get(f"{served.base}/static/js/textual.js") as response:
        assert response.status == 200
    assert not served.processes()


async def test_nothing_a_browser_asks_for_opens_another_file(
    served: Served, http: aiohttp.ClientSession, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("not for the browser")
    cookie = {"Cookie": f"peacebrief-{served.base.rsplit(':', 1)[1]}={served.token}"}
    asks = [
        "/static/",  # no folder listing
        "/static/../server.py",
        "/static/%2e%2e/server.py",
        "/static/..%2fserver.py",
        f"/static/{secret}",
        f"/static/%2f{str(secret).lstrip('/')}",
        f"/download/..%2f..%2f{secret.name}",
        f"/{secret}",
        "/download/",
    ]
    for ask in asks:
        async with http.get(f"{served.base}{ask}", headers=cookie) as response:
            body = await response.read()
            assert response.status in (403, 404), (ask, response.status)
            assert b"not for the browser" not in body and b"textual_serve" not in body, ask
    async with http.get(f"{served.base}/?path={secret}&brief={secret}", headers=cookie) as response:
        assert b"not for the browser" not in await response.read()  # the page, which knows no such parameter
    assert not served.processes()
    # A session asked for with another file in its address still reads the brief it was started with.
    session = Session(served, http)
    session.query = f"&path={secret}&brief={secret}"
    await session.open()
    await session.shows("Abu Dhabi trilateral")
    assert "not for the browser" not in session.text()
    await session.close()


async def test_e_downloads_the_same_digest_as_the_digest_command(served: Served, http: aiohttp.ClientSession) -> None:
    session = await Session(served, http).open()
    await session.press("e")
    await session.shows("Download the digest", "Download")
    await session.press("\r\r")  # Enter takes the format and moves to Download; Enter downloads
    await until(
        lambda: any(m[0] == "deliver_file_start" for m in session.messages), "the browser is told of a download"
    )
    key = next(m[1] for m in session.messages if m[0] == "deliver_file_start")
    async with http.get(f"{served.base}/download/{key}") as refused:
        assert refused.status == 403  # the download, too, needs the token
    cookie = {"Cookie": f"peacebrief-{served.base.rsplit(':', 1)[1]}={served.token}"}
    async with http.get(f"{served.base}/download/{key}", headers=cookie) as response:
        assert response.status == 200
        assert response.headers["Content-Disposition"].startswith("attachment; filename=abu-dhabi-2026-02-digest-")
        downloaded = await response.read()
    assert downloaded == digest_of(BUNDLED_BRIEF)
    async with http.get(f"{served.base}/download/{key}", headers=cookie) as again:
        assert again.status == 404  # a download address serves once
    await session.shows("Downloading", "abu-dhabi-2026-02-digest-")
    await session.close()


async def test_e_with_a_party_filter_downloads_that_party_s_digest(served: Served, http: aiohttp.ClientSession) -> None:
    session = await Session(served, http).open()
    await session.press("f")
    await session.shows("filter: Russia")
    await session.press("e")
    await session.shows("Only what concerns Russia")
    await session.press("\r\r")  # Enter takes the format and moves to Download; Enter downloads
    await until(
        lambda: any(m[0] == "deliver_file_start" for m in session.messages), "the browser is told of a download"
    )
    key = next(m[1] for m in session.messages if m[0] == "deliver_file_start")
    cookie = {"Cookie": f"peacebrief-{served.base.rsplit(':', 1)[1]}={served.token}"}
    async with http.get(f"{served.base}/download/{key}", headers=cookie) as response:
        assert await response.read() == digest_of(BUNDLED_BRIEF, "--party", "russia")
        assert "-russia-digest-" in response.headers["Content-Disposition"]  # the name says the filter
    await session.close()


async def test_y_copies_through_the_browser_on_this_machine(served: Served, http: aiohttp.ClientSession) -> None:
    session = await Session(served, http).open()
    await session.press("2")
    await session.shows("─ 2 Delegations ─", "PARTY  russia")
    await session.press("y")
    await session.shows("Copied with its citation")
    expected = record_plaintext(load_brief(BUNDLED_BRIEF), load_brief(BUNDLED_BRIEF)["russia"])
    # What textual.js's clipboard addon hands to navigator.clipboard: OSC 52.
    assert b"\x1b]52;c;" + base64.b64encode(expected.encode()) + b"\x07" in session.raw
    await session.close()


def test_another_machine_s_address_needs_allow_remote() -> None:
    refused = subprocess.run(
        [sys.executable, "-m", "peacebrief", "serve", "--host", "0.0.0.0", "--port", "0"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT / "tui"), "PATH": "/usr/bin:/bin"},
        timeout=60,
    )
    assert refused.returncode == 2
    assert "--allow-remote" in refused.stderr and "anyone who has the address can then read the brief" in refused.stderr
    assert refused.stdout == ""


async def test_served_to_other_machines_it_warns_and_y_says_it_cannot_copy(http: aiohttp.ClientSession) -> None:
    server = Served(BUNDLED_BRIEF, "--host", "0.0.0.0", "--allow-remote")
    try:
        # Reached here through loopback; the reader behaves as for every other visitor.
        server.base = "http://127.0.0.1:" + server.base.rsplit(":", 1)[1]
        session = await Session(server, http).open()
        await session.press("y")
        await session.shows("Cannot copy here", "plain http")
        assert b"\x1b]52;" not in session.raw
        await session.close()
    finally:
        status, err = server.stop()
    assert status == 0
    assert "reachable from other machines: anyone who has this address can read the brief" in err


def test_no_such_brief_is_a_usage_error(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "peacebrief", "serve", str(tmp_path / "missing.yaml"), "--port", "0"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT / "tui"), "PATH": "/usr/bin:/bin"},
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr == f"peacebrief serve: {tmp_path / 'missing.yaml'}: no such file or folder\n"


async def test_a_brief_whose_name_a_shell_would_read_is_served_as_named(
    tmp_path: Path, http: aiohttp.ClientSession
) -> None:
    folder = tmp_path / "it's a $(touch pwned); brief"
    shutil.copytree(HARBOUR_BRIEF.parent.parent, folder)
    server = Served(folder / "briefs" / HARBOUR_BRIEF.name)
    try:
        session = await Session(server, http).open()
        await session.shows(load_brief(HARBOUR_BRIEF).events[0].title[:40])
        await session.close()
    finally:
        assert server.stop()[0] == 0
    assert not (ROOT / "pwned").exists() and not (tmp_path / "pwned").exists()


async def test_a_case_folder_is_served_as_the_reader_opens_it(http: aiohttp.ClientSession) -> None:
    case = ROOT / "cases" / "tarren-valley"
    server = Served(case)
    try:
        session = await Session(server, http).open()
        await session.shows("Tarren Valley talks, round 3")
        # e offers the changes digest first, as the terminal's export does: it downloads.
        await session.press("e")
        await session.shows("Download the digest", "Δ text", "what changed from round 2 to round 3")
        await session.press("\r\r")
        await until(
            lambda: any(m[0] == "deliver_file_start" for m in session.messages), "the browser is told of a download"
        )
        key = next(m[1] for m in session.messages if m[0] == "deliver_file_start")
        cookie = {"Cookie": f"peacebrief-{server.base.rsplit(':', 1)[1]}={server.token}"}
        async with http.get(f"{server.base}/download/{key}", headers=cookie) as response:
            assert response.headers["Content-Disposition"] == "attachment; filename=tarren-valley-changes-r2-r3.txt"
            assert await response.read() == digest_of(case, "--changes")
        await session.close()
    finally:
        assert server.stop()[0] == 0


async def test_stopping_the_server_ends_the_sessions_still_open(http: aiohttp.ClientSession) -> None:
    server = Served(BUNDLED_BRIEF)
    sessions = [await Session(server, http).open() for _ in range(2)]
    assert len(server.processes()) == 2
    # SIGTERM, as Ctrl+C; stop() fails if a reader outlives the server. In a thread: the
    # sessions answer the server's closing handshake as a browser would (a blocked event loop
    # held the server 10 s, until its close timed out).
    status, _ = await asyncio.to_thread(server.stop)
    assert status == 0
    assert server.printed[-1].endswith("Stopped.\n")
    for session in sessions:
        await session.ended()
        assert session.closed
