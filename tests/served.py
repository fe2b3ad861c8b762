"""A `peacebrief serve` of the tests' own, and a session of it driven as a browser would.

`Served` runs the real command in a process of its own, reads the address it prints and,
as it stops, checks that the sessions' processes went with it. `Session` speaks
textual-serve's websocket protocol (what textual.js sends: `["stdin", keys]`,
`["resize", ...]`) and feeds the frames it gets into a terminal emulator (pyte), so a
test reads the screen a browser would show.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import aiohttp
import pyte

from conftest import ROOT

DEADLINE = 60.0  # seconds a condition may take before a test fails (it never waits for time itself)
ADDRESS = re.compile(r"http://\S+/\?token=(\S+)")


def descendants(pid: int) -> dict[int, int]:
    """Every live process under `pid` (Linux: read from /proc), zombies left out, each
    with its start time (see `started`).

    Walked down through each thread's `children` list, not found by reading every process's
    parent: the tests ask this every few hundredths of a second while they wait, and a scan
    of /proc cost 10 ms of CPU each time on a machine running a hundred processes."""
    found: dict[int, int] = {}
    todo = [pid]
    while todo:
        for child in _children(todo.pop()):
            start = started(child)
            if child not in found and start is not None:
                found[child] = start
                todo.append(child)
    return found


def _children(pid: int) -> list[int]:
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:  # gone meanwhile
        return []
    children: list[int] = []
    for task in tasks:
        try:
            children += map(int, Path(f"/proc/{pid}/task/{task}/children").read_text().split())
        except OSError:
            continue
    return children


def started(pid: int) -> int | None:
    """When process `pid` started (clock ticks since boot), or None if it is gone or a zombie.

    With its pid, the process's identity: pids are reused (soon, on a machine where the
    largest is 32768 and other test runs start processes by the hundred), and a pid alone
    once made a test wait a minute for, and then kill, another run's reader."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return None if fields[0] == "Z" else int(fields[19])


def alive(processes: dict[int, int]) -> set[int]:
    """Those of `processes` (pid: start time) still running: the same processes, not a
    later one with a pid of theirs."""
    return {pid for pid, start in processes.items() if started(pid) == start}


def digest_of(path: Path, *args: str) -> bytes:
    """What `peacebrief digest` prints for the brief."""
    return subprocess.run(
        [sys.executable, "-m", "peacebrief", "digest", str(path), *args],
        capture_output=True,
        check=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT / "tui")},
    ).stdout


class Served:
    """`peacebrief serve ARGS --port 0`, running until `stop()`."""

    def __init__(self, *args: str | Path, env: dict[str, str] | None = None) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "peacebrief", "serve", *map(str, args), "--port", "0"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT / "tui"), **(env or {})},
        )
        self.printed: list[str] = []
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.printed.append(line)
            found = ADDRESS.search(line)
            if found:
                self.address = found.group(0)
                self.token = found.group(1)
                break
        else:
            raise AssertionError(f"peacebrief serve printed no address: {self.printed} {self.process.stderr.read()}")  # type: ignore[union-attr]
        parts = urlsplit(self.address)
        self.base = f"http://{parts.netloc}"
        self.seen: dict[int, int] = {}  # every session process seen while serving: pid, start time

    def processes(self) -> set[int]:
        now = descendants(self.process.pid)
        self.seen |= now
        return set(now)

    def stop(self) -> tuple[int, str]:
        """SIGTERM, as Ctrl+C would; returns the exit status and what it printed on stderr."""
        self.processes()
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            out, err = self.process.communicate(timeout=DEADLINE)
        except subprocess.TimeoutExpired:
            self.process.kill()
            out, err = self.process.communicate()
            raise AssertionError(f"peacebrief serve did not stop on SIGTERM: {err}") from None
        self.printed.append(out)
        end = time.monotonic() + DEADLINE
        while alive(self.seen) and time.monotonic() < end:
            time.sleep(0.02)
        left = alive(self.seen)
        for pid in left:  # never leave a stray reader behind, even when the test fails
            os.kill(pid, signal.SIGKILL)
        assert not left, f"session processes left after the server stopped: {sorted(left)}"
        return self.process.returncode, err


async def until(condition: Callable[[], object], what: str, deadline: float = DEADLINE) -> None:
    """Wait until `condition()` holds, polling as the event loop turns; fail after `deadline`."""
    end = time.monotonic() + deadline
    while not condition():
        if time.monotonic() > end:
            raise AssertionError(f"never happened: {what}")
        await asyncio.sleep(0.05)


class Session:
    """One browser tab's session: a websocket to /ws, its screen kept by pyte."""

    def __init__(
        self,
        served: Served,
        http: aiohttp.ClientSession,
        width: int = 100,
        height: int = 30,
        deadline: float = DEADLINE,
    ) -> None:
        self.served = served
        self.deadline = deadline  # ten readers starting at once on a busy machine need more
        self.http = http
        self.width, self.height = width, height
        self.screen = pyte.Screen(width, height)
        self.stream = pyte.ByteStream(self.screen)
        self.raw = bytearray()  # every byte the app sent (pyte reads it; OSC 52 is looked for in it)
        self._fed = 0
        self._text = ""
        self.messages: list[list[object]] = []  # the JSON messages of the server (downloads)
        self.closed = False
        self.close_code: int | None = None
        self.query = ""  # more of the websocket's address, as a browser could send

    async def open(self) -> Session:
        self.ws = await self.http.ws_connect(
            f"{self.served.base}/ws?width={self.width}&height={self.height}{self.query}",
            headers={"Cookie": f"peacebrief-{urlsplit(self.served.base).port}={self.served.token}"},
        )
        self._reader = asyncio.create_task(self._read())
        await until(lambda: "1 Timeline" in self.text(), "the reader's first screen", self.deadline)
        return self

    async def _read(self) -> None:
        async for message in self.ws:
            if message.type == aiohttp.WSMsgType.BINARY:
                # Only kept here: the terminal emulator reads it when a test looks at the
                # screen, so that this loop stays quick to answer the server's pings.
                self.raw += message.data
            elif message.type == aiohttp.WSMsgType.TEXT:
                self.messages.append(json.loads(message.data))
        self.closed = True
        self.close_code = self.ws.close_code  # 1006: the connection dropped without a closing handshake

    def text(self) -> str:
        if self._fed < len(self.raw):
            self.stream.feed(bytes(self.raw[self._fed :]))
            self._fed = len(self.raw)
            self._text = "\n".join(self.screen.display)
        return self._text

    async def press(self, keys: str) -> None:
        await self.ws.send_json(["stdin", keys])

    async def shows(self, *texts: str) -> None:
        def shown() -> bool:
            if self.closed:
                raise AssertionError(f"the session closed before its screen showed {texts}:\n{self.text()}")
            return all(t in self.text() for t in texts)

        await until(shown, f"the screen shows {texts}:\n{self.text()}", self.deadline)

    async def close(self) -> None:
        await self.ws.close()
        await self._reader

    async def ended(self) -> None:
        """Until the server closes the websocket."""
        await asyncio.wait_for(self._reader, self.deadline)
