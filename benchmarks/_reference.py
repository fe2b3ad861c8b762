"""The reference apps the benchmark times the reader against, each a plain Textual app.

    python benchmarks/_reference.py bare          # Header, Static, Footer: the start-up reference
    python benchmarks/_reference.py list N        # an OptionList of N rows: the key reference
    python benchmarks/_reference.py switch        # two full-screen panes of static rows: the floor of a pane switch

`bare` is the least a Textual app shows: its first whole frame is the floor for any
reader's. `list N` holds as many rows as the reader's timeline, one line each, the first
highlighted and focused; `down` and `up` move the highlight, which is the cheapest key a
Textual list has. `switch` is the least a pane switch costs in Textual: a ContentSwitcher
of two panes, each a Static of rows filling the screen, `1` and `2` show one or the
other (a display swap: one layout, every line of the screen drawn again). All run full
screen in the terminal they are started in; `q` quits.

This file is a benchmark harness only; nothing in the product imports it.
"""

from __future__ import annotations

import sys

from textual.app import App, ComposeResult
from textual.widgets import ContentSwitcher, Footer, Header, OptionList, Static

BARE_TEXT = "Hello from the bare app"


class BareApp(App[None]):
    TITLE = "bare"
    BINDINGS = [("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(BARE_TEXT)
        yield Footer()


class ListApp(App[None]):
    TITLE = "list"
    BINDINGS = [("q", "quit", "Quit")]

    def __init__(self, rows: int) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        yield Header()
        yield OptionList(*(f"Row {i + 1:>6}  an event of the timeline, one line long" for i in range(self.rows)))
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(OptionList).highlighted = 0


class SwitchApp(App[None]):
    TITLE = "switch"
    BINDINGS = [("q", "quit", "Quit"), ("1", "show('one')", "One"), ("2", "show('two')", "Two")]
    ROWS = 60  # more than a screen holds: the pane is full whatever the terminal's height

    def compose(self) -> ComposeResult:
        yield Header()
        with ContentSwitcher(initial="one"):
            for pane in ("one", "two"):
                yield Static(
                    "\n".join(
                        f"Pane {pane:<3} row {i + 1:>3}  a static row of text, one line long" for i in range(self.ROWS)
                    ),
                    id=pane,
                )
        yield Footer()

    def action_show(self, pane: str) -> None:
        self.query_one(ContentSwitcher).current = pane


def main(argv: list[str]) -> int:
    if argv == ["bare"]:
        BareApp().run()
    elif len(argv) == 2 and argv[0] == "list" and argv[1].isdigit():
        ListApp(int(argv[1])).run()
    elif argv == ["switch"]:
        SwitchApp().run()
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
