"""Time what a terminal receives: a program in a pseudo-terminal, its output read by a VT emulator.

    term = Terminal.spawn([python, "-m", "peacebrief", BRIEF], env=...)   # 120x40
    shown_at = term.until(whole_reader_screen)     # perf_counter() of the first display showing it
    ms = term.key(b"\\x1b[B")                       # writing a key to the screen showing its effect
    term.close()

The program runs in a pseudo-terminal of 120x40 (`ptyprocess`). A reader thread drains the
pty as fast as the program writes, stamping each chunk with time.perf_counter() as it is
read (so the program never blocks on a full pty, however slow the emulator is); the
emulator (`pyte`) is fed afterwards, chunk by chunk, and the stamp of a screen is the stamp
of the chunk that completed it.

The emulated terminal is a modern one: it answers Textual's query for synchronized output
(DEC mode 2026), so Textual brackets every frame with begin/end markers and the terminal
shows a frame only when its end arrives, as kitty, WezTerm, foot, iTerm2 or Windows Terminal
do. A *display* is what such a terminal shows: the screen after each frame's end marker, and
after each chunk of output written outside a frame (before the answer arrived). `displays`
keeps every one, so a test can check that no partial frame came before the whole one.

Key latency: the key's bytes are written to the pty, then output is collected until the
program has been quiet for `QUIET` seconds; the figure is the time from the write to the
first display that already shows what the last display shows (the key's whole effect).
A display is compared cell by cell (character, colours, bold, reverse), or characters only
(`chars=True`), which a search box needs: its blinking cursor changes only a cell's colours.

This file is a benchmark harness only; nothing in the product imports it.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import ptyprocess
import pyte

sys.setswitchinterval(0.0005)  # the reader thread takes the GIL back at once to drain the pty

COLUMNS, LINES = 120, 40
SYNC_QUERY = b"\x1b[?2026$p"  # Textual asks: does the terminal support synchronized output?
SYNC_ANSWER = b"\x1b[?2026;2$y"  # yes (the mode is known, currently reset)
SYNC_END = b"\x1b[?2026l"
PAUSE = 0.003  # the emulator is fed once the output pauses this long
QUIET = 0.15  # seconds without output after which a key's effect is taken as complete
TIMEOUT = 120.0


@dataclass(frozen=True)
class Display:
    at: float  # time.perf_counter() when the terminal had the bytes that make it
    chunk: int  # which chunk of output completed it
    framed: bool  # ended by a frame's end marker (else: by a chunk written outside a frame)
    lines: tuple[str, ...]
    cells: tuple[tuple[object, ...], ...]  # per line: (char, fg, bg, bold, reverse) per cell


def whole_reader_screen(d: Display, footer_key: str = "Quit") -> bool:
    """The reader's whole first screen at 120x40: top line, the timeline pane with rows,
    the detail panel with the selected record, and the footer (its `footer_key` shown)."""
    top, box, bottom, footer = d.lines[0], d.lines[1], d.lines[LINES - 2], d.lines[LINES - 1]
    pane, detail = box.find("╭─ 1 Timeline"), box.find("╭─ Detail")
    return (
        "1 Timeline" in top
        and "5 Source" in top
        and pane == 0
        and detail > 0
        and bottom.count("╰") == 2
        and bool(d.lines[2][1 : detail - 1].strip())  # the pane's first row
        and bool(d.lines[2][detail + 1 :].strip(" │"))  # the detail panel's first line
        and footer_key in footer
    )


def whole_case_screen(d: Display) -> bool:
    """The reader's whole first screen on a case: a case's footer has two keys more (`]`
    Round, `c` Changes), which leave no room for Quit at 120 columns; it ends with Help."""
    return whole_reader_screen(d, "c Changes") and "Help" in d.lines[LINES - 1]


def loading_screen(d: Display) -> bool:
    return any("Loading" in line for line in d.lines) and "Quit" in d.lines[LINES - 1]


def blank(d: Display) -> bool:
    return not any(line.strip() for line in d.lines)


class Terminal:
    def __init__(self, proc: ptyprocess.PtyProcess, started: float) -> None:
        self.proc = proc
        self.started = started  # perf_counter() just before the spawn
        self.screen = pyte.Screen(COLUMNS, LINES)
        self.stream = pyte.ByteStream(self.screen)
        self.displays: list[Display] = []
        self._chunks: list[tuple[float, bytes]] = []
        self._fed = 0
        self._lock = threading.Lock()
        self._eof = False
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    @classmethod
    def spawn(cls, argv: Sequence[str], env: dict[str, str], cwd: str | None = None) -> Terminal:
        """Start `argv` in a 120x40 pty (TERM xterm-256color, true colour)."""
        env = dict(env, TERM="xterm-256color", COLORTERM="truecolor", COLUMNS=str(COLUMNS), LINES=str(LINES))
        started = time.perf_counter()
        proc = ptyprocess.PtyProcess.spawn(list(argv), env=env, cwd=cwd, dimensions=(LINES, COLUMNS))
        return cls(proc, started)

    # -- the reader thread: drain, stamp, answer the synchronized-output query

    def _drain(self) -> None:
        tail = b""
        try:
            while data := os.read(self.proc.fd, 1 << 16):
                now = time.perf_counter()
                if SYNC_QUERY in tail + data:
                    os.write(self.proc.fd, SYNC_ANSWER)
                tail = data[-len(SYNC_QUERY) :]
                with self._lock:
                    self._chunks.append((now, data))
        except OSError:
            pass  # the program has exited (EIO on Linux)
        finally:
            self._eof = True

    # -- the emulator: feed what was read, display by display

    def _feed(self) -> int:
        """Feed the emulator every chunk read so far; return how many displays it made."""
        with self._lock:
            chunks = self._chunks[self._fed :]
            self._fed = len(self._chunks)
        made = 0
        for n, (at, data) in enumerate(chunks, start=self._fed - len(chunks)):
            parts = data.split(SYNC_END)
            for i, part in enumerate(parts):
                framed = i < len(parts) - 1
                self.stream.feed(part + (SYNC_END if framed else b""))
                if framed or (part and not self._in_frame()):
                    self.displays.append(self._display(at, n, framed))
                    made += 1
        return made

    def _in_frame(self) -> bool:
        return 2026 << 5 in self.screen.mode  # pyte keeps private modes shifted left by 5

    def _display(self, at: float, chunk: int, framed: bool) -> Display:
        buffer = self.screen.buffer
        cells = tuple(
            tuple((c.data, c.fg, c.bg, c.bold, c.reverse) for c in (buffer[y][x] for x in range(COLUMNS)))
            for y in range(LINES)
        )
        return Display(at, chunk, framed, tuple(self.screen.display), cells)

    def _wait_quiet(self, quiet: float, deadline: float, after: float | None = None, strict: bool = True) -> None:
        """Wait until nothing has been read for `quiet` s (and something since `after`, if
        given); past the deadline, raise TimeoutError (or just return, if not `strict`)."""
        while time.perf_counter() < deadline:
            with self._lock:
                last = self._chunks[-1][0] if self._chunks else self.started
            if self._eof or (time.perf_counter() - last >= quiet and (after is None or last > after)):
                return
            time.sleep(min(quiet / 5, 0.01))
        if strict:
            raise TimeoutError("the program kept writing" if after is None else "the program wrote nothing")

    # -- what the benchmark asks

    def until(self, shown: Callable[[Display], bool], timeout: float = TIMEOUT) -> Display:
        """The first display for which `shown` holds (waiting for it, up to `timeout` s)."""
        deadline = time.perf_counter() + timeout
        checked = len(self.displays)
        while True:
            # Fed only in a pause of the output: feeding holds the GIL, which the reader
            # thread needs to drain the pty (the program would wait, the times would slip).
            self._wait_quiet(PAUSE, time.perf_counter() + 0.1, strict=False)
            self._feed()
            for display in self.displays[checked:]:
                if shown(display):
                    return display
            checked = len(self.displays)
            if self._eof:
                raise EOFError(f"the program exited before showing the screen:\n{self.text()}")
            if time.perf_counter() > deadline:
                raise TimeoutError(f"not shown after {timeout:.0f} s; the screen:\n{self.text()}")
            time.sleep(0.005)

    def settle(self, quiet: float = QUIET, timeout: float = TIMEOUT) -> None:
        """Wait until the program has written nothing for `quiet` seconds."""
        self._wait_quiet(quiet, time.perf_counter() + timeout)
        self._feed()

    def key(self, data: bytes, *, chars: bool = False, quiet: float = QUIET, timeout: float = 30.0) -> float:
        """Milliseconds from writing `data` to the first display showing its whole effect."""
        self.settle(quiet)
        mark = len(self.displays)
        before = self._view(self.displays[-1], chars) if self.displays else None
        sent = time.perf_counter()
        os.write(self.proc.fd, data)
        self._wait_quiet(quiet, sent + timeout, after=sent)
        self._feed()
        after = self.displays[mark:]
        if not after:
            raise KeyError(f"key {data!r} changed nothing on screen")
        final = self._view(after[-1], chars)
        if final == before:
            raise KeyError(f"key {data!r} left the screen as it was")
        first = next(d for d in after if self._view(d, chars) == final)
        return (first.at - sent) * 1000

    @staticmethod
    def _view(d: Display, chars: bool) -> object:
        return d.lines if chars else d.cells

    def frames(self, marks: str) -> list[tuple[str, ...]]:
        """The screen after each write of the program's terminal driver, replayed from the
        output and the write ends that `benchmarks/_marked.py` listed in the file `marks`;
        a write inside a synchronized frame shows only at the frame's end."""
        with self._lock:
            output = b"".join(data for _, data in self._chunks)
        with open(marks) as f:
            ends = [int(line) for line in f if line.strip()]
        screen = pyte.Screen(COLUMNS, LINES)
        stream = pyte.ByteStream(screen)
        shown: list[tuple[str, ...]] = []
        start = 0
        for end in ends:
            stream.feed(output[start:end])
            start = end
            if 2026 << 5 not in screen.mode:  # not inside a frame
                picture = tuple(screen.display)
                if not shown or shown[-1] != picture:
                    shown.append(picture)
        return shown

    def text(self) -> str:
        self._feed()
        return "\n".join(self.screen.display)

    def write(self, data: bytes) -> None:
        os.write(self.proc.fd, data)

    def close(self) -> int | None:
        """End the program (it was asked to quit, or is ended now); return its exit status."""
        deadline = time.perf_counter() + 5
        while self.proc.isalive() and time.perf_counter() < deadline:
            time.sleep(0.01)
        if self.proc.isalive():
            self.proc.terminate(force=True)
        self._reader.join(timeout=2)
        return self.proc.exitstatus


def whole_bare_screen(d: Display) -> bool:
    """The bare reference app's whole screen: header, its text, footer."""
    return (
        "bare" in d.lines[0]
        and any("Hello from the bare app" in line for line in d.lines)
        and "Quit" in d.lines[LINES - 1]
    )


def whole_list_screen(d: Display) -> bool:
    """The OptionList reference's whole screen: header, the list with its rows, footer."""
    return (
        "list" in d.lines[0]
        and "Row      1" in d.lines[2]
        and any("▁▁▁" in line for line in d.lines[3:])
        and "Quit" in d.lines[LINES - 1]
    )


def whole_switch_screen(d: Display) -> bool:
    """The pane-switch floor's whole screen: header, the first pane's rows, footer."""
    return "switch" in d.lines[0] and "Pane one row   1" in d.lines[1] and "Quit" in d.lines[LINES - 1]
