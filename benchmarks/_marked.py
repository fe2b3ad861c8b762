"""Run a Python module with each write of Textual's terminal driver marked in a side file.

    python benchmarks/_marked.py MARKS -m MODULE [ARGS...]

Textual hands every frame to its driver in one `Driver.write` call (control sequences in
calls of their own). This launcher wraps `LinuxDriver.write` so that after each call the
byte offset where that write ends in the terminal's output is appended to MARKS, one a
line, then runs MODULE as `python -m` would. `benchmarks/_pty.py` cuts the output at those
offsets to replay it write by write: what each frame did to the screen, whatever the
machine's load did to the timing of the bytes.

This file is a benchmark and test harness only; nothing in the product imports it.
"""

from __future__ import annotations

import runpy
import sys


def mark_writes(marks_path: str) -> None:
    from textual.drivers.linux_driver import LinuxDriver

    marks = open(marks_path, "a", buffering=1)  # noqa: SIM115 (open for the life of the process)
    out = sys.__stderr__  # where Textual's Linux driver writes
    encoding, errors = (out.encoding, out.errors) if out else ("utf-8", "strict")
    written = 0
    write = LinuxDriver.write

    def marked_write(self, data: str) -> None:  # type: ignore[no-untyped-def]
        nonlocal written
        write(self, data)
        # The terminal's output processing (ONLCR, left on by Textual) sends "\n" as "\r\n".
        written += len(data.encode(encoding, errors=errors)) + data.count("\n")
        marks.write(f"{written}\n")

    LinuxDriver.write = marked_write  # type: ignore[method-assign]


def main(argv: list[str]) -> None:
    if len(argv) < 3 or argv[1] != "-m":
        raise SystemExit(__doc__)
    mark_writes(argv[0])
    sys.argv = [argv[2], *argv[3:]]
    runpy.run_module(argv[2], run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main(sys.argv[1:])
