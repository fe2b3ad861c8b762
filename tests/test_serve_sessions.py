"""Ten browser sessions of one `peacebrief serve` at once: each its own reader, each
reloaded when the brief changes on disk, and no process left once they close."""

from __future__ import annotations

import asyncio
import shutil
import time
from pathlib import Path

import aiohttp

from conftest import HARBOUR_BRIEF
from served import Served, Session, until

SESSIONS = 10
DEADLINE = 300.0  # ten readers start at once: on two cores shared with other work, minutes
PANES = ["1 Timeline", "2 Delegations", "3 Quotes", "4 Issues", "5 Source"]
OLD_TITLE = "Calder Bay harbour talks, first session and setbacks"
NEW_TITLE = "Calder Bay talks as revised on disk"


def resident_mib(pids: set[int]) -> float:
    total = 0
    for pid in pids:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return total / 1024


async def test_ten_sessions_at_once_each_have_their_own_reader(tmp_path: Path) -> None:
    shutil.copytree(HARBOUR_BRIEF.parent.parent, tmp_path / "harbour")
    brief = tmp_path / "harbour" / "briefs" / HARBOUR_BRIEF.name
    served = Served(brief)
    try:
        async with aiohttp.ClientSession() as http:
            started = time.monotonic()
            sessions = await asyncio.gather(*(Session(served, http, deadline=DEADLINE).open() for _ in range(SESSIONS)))
            opened = time.monotonic() - started
            processes = served.processes()
            closed = {number: session.close_code for number, session in enumerate(sessions) if session.closed}
            assert not closed, f"sessions closed by the server after their first screen (number: close code): {closed}"
            assert len(processes) == SESSIONS  # one reader process per session

            # Each session moves on its own: a different pane in each, and the others stay put.
            for number, session in enumerate(sessions):
                await session.press(str(number % len(PANES) + 1))
            for number, session in enumerate(sessions):
                await session.shows(f"─ {PANES[number % len(PANES)]} ─")
                others = [pane for pane in PANES if pane != PANES[number % len(PANES)]]
                assert not any(f"─ {pane} ─" in session.text() for pane in others)

            # The brief changes on disk: every session reloads it.
            started = time.monotonic()
            brief.write_text(brief.read_text(encoding="utf-8").replace(OLD_TITLE, NEW_TITLE), encoding="utf-8")
            await asyncio.gather(*(session.shows(NEW_TITLE[:20]) for session in sessions))
            reloaded = time.monotonic() - started
            memory = resident_mib(processes)

            started = time.monotonic()
            await asyncio.gather(*(session.close() for session in sessions))
            await until(lambda: not served.processes(), "every session's process ends once its tab closes", DEADLINE)
            ended = time.monotonic() - started
            left = served.processes()
    finally:
        status, err = served.stop()
    assert status == 0, err
    assert left == set()
    print(
        f"\n{SESSIONS} sessions: {len(processes)} reader processes; all painted in {opened:.1f} s; "
        f"{memory:.0f} MiB resident in all ({memory / SESSIONS:.0f} MiB each); every one reloaded "
        f"{reloaded:.1f} s after the change; all {SESSIONS} processes gone {ended:.1f} s after the tabs closed; "
        f"{len(left)} left."
    )
