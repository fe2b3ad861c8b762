"""`c`: the changes view of a case: each party's stances between two rounds.

Changed, new, dropped (withdrawn), unchanged and not restated, in that order, each with
the words of both rounds and the sources they stand on. `←` `→` move to the previous or next pair of rounds;
`enter` (or `2`) follows the change to the later round's position, `1` to the earlier
round's: the reader shows it with its evidence, and `backspace` comes back.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widget import Widget

from peacebrief.app.widgets.changes_list import ChangesList
from peacebrief.app.widgets.footer import KeyFooter
from peacebrief.app.widgets.record_list import RecordList
from peacebrief.core.case import Case
from peacebrief.core.case_brief import round_id
from peacebrief.core.changes import KINDS, LABELS, StanceChange, compare
from peacebrief.core.visible import one_line


class ChangesHead(Widget):
    """The rounds compared and the counts, as tall as they wrap to: shown again for other
    rounds with a layout of the screen only when that height changes (a Static of
    `height: auto` asks for one on every update). The counts follow the title on its line
    when they fit there, else they take the next line whole (not cut between a number and
    its word)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._parts = (Text(), Text(), Text())
        self._text = Text()

    def show(self, title: Text, counts: Text, rounds: Text) -> None:
        self._parts = (title, counts, rounds)
        width = self.size.width or max(1, self.app.size.width - 4)  # (inside the box's border and padding)
        joint = "  " if title.cell_len + 2 + counts.cell_len <= width else "\n"
        self._text = Text.assemble(title, joint, counts, "\n", rounds)
        lines = len(self._text.wrap(self.app.console, width))
        if self.styles.height is None or self.styles.height.value != lines:
            self.styles.height = lines
        self.refresh()

    def on_resize(self) -> None:
        self.show(*self._parts)  # wrapped to the new width

    def render(self) -> Text:
        return self._text


class ChangesScreen(ModalScreen[str | None]):
    """Dismissed with the id of the position to show (in the case brief), or None."""

    DEFAULT_CSS = """
    ChangesScreen { align: center middle; background: $background; }
    #changes-box { border: round $accent; width: 1fr; height: 1fr; padding: 0 1; }
    #changes-head { height: 2; margin-bottom: 1; }
    #changes-list { height: 1fr; border: none; padding: 0; }
    """

    BINDINGS = [
        Binding("escape,c", "dismiss(None)", "Close", id="changes.close"),
        Binding("left,h", "rounds(-1)", "Earlier rounds", key_display="←", id="changes.earlier"),
        Binding("right,l", "rounds(1)", "Later rounds", key_display="→", id="changes.later"),
        Binding("1", "follow('before')", "Earlier round's", id="changes.follow_before"),
        Binding("2", "follow('after')", "Later round's", id="changes.follow_after"),
        Binding("e", "export", "Export", id="changes.export"),
    ]

    def __init__(self, case: Case, until: int | None = None, highlighted: int = 0) -> None:
        super().__init__()
        self.case = case
        self.until = until if until is not None and until >= 2 else len(case.rounds)
        self._start_at = highlighted
        self.changes = compare(case, until=self.until)

    def compose(self) -> ComposeResult:
        with Vertical(id="changes-box"):
            yield ChangesHead(id="changes-head")
            yield ChangesList(id="changes-list")
        yield KeyFooter()

    def on_mount(self) -> None:
        self._fill(self._start_at)
        self.options.focus()

    def show_rounds(self, until: int | None, highlighted: int = 0) -> None:
        """Open again (the reader keeps this view between visits): round `until` against
        the one before, the cursor on change number `highlighted`."""
        self.until = until if until is not None and until >= 2 else len(self.case.rounds)
        self.changes = compare(self.case, until=self.until)
        if self.is_mounted:
            self._fill(highlighted)
        else:
            self._start_at = highlighted

    @property
    def options(self) -> ChangesList:
        return self.query_one(ChangesList)

    def _fill(self, highlighted: int = 0) -> None:
        changes = self.changes
        counts = changes.counts()
        self.query_one(ChangesHead).show(
            Text(f"Changes from round {changes.since} to round {changes.until}", style="bold"),
            Text(", ".join(f"{counts[k]} {LABELS[k]}" for k in KINDS)),
            Text(
                f"R{changes.since} {one_line(changes.before.brief.title)} → R{changes.until} {one_line(changes.after.brief.title)}",
                style="dim",
            ),
        )
        box = self.query_one("#changes-box")
        box.border_title = "Changes"
        box.border_subtitle = "enter or 2: the later round's position · 1: the earlier's"
        self.options.show_changes(changes, min(highlighted, max(0, len(changes.stances) - 1)))

    def action_rounds(self, step: int) -> None:
        until = self.until + step
        if not 2 <= until <= len(self.case.rounds):
            self.notify("No rounds that way.", timeout=2, markup=False)
            return
        self.until = until
        self.changes = compare(self.case, until=until)
        self._fill()

    @property
    def position(self) -> int:
        """The number of the change under the cursor (0 when there is none)."""
        return self.options.position

    def selected(self) -> StanceChange | None:
        return self.changes.stances[self.position] if self.changes.stances else None

    def target(self, side: str) -> str | None:
        change = self.selected()
        if change is None:
            return None
        stances = change.before if side == "before" else change.after
        if not stances:  # new has no earlier stance, not restated no later one: show the other
            stances = change.after or change.before
        stance = stances[0]
        return round_id(stance.round, stance.position.id)

    def action_follow(self, side: str) -> None:
        target = self.target(side)
        if target is not None:
            self.dismiss(target)

    def on_record_list_chosen(self, event: RecordList.Chosen) -> None:
        event.stop()
        self.action_follow("after")

    def action_export(self) -> None:
        from peacebrief.app.screens.export import ExportScreen

        def done(path: object) -> None:
            if path is not None:
                self.notify(f"Changes digest written to {path}", title="Exported", markup=False, timeout=6)

        self.app.push_screen(ExportScreen(self.app.brief, changes=self.changes), done)  # type: ignore[attr-defined]
