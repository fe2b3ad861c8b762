"""The changes view's list: one row per change of stance, drawn only where it is on screen.

A change is a line naming its kind, issue and party, where the cursor stands, then each
round's words and evidence, hung under the round's mark however they wrap. The list
was an ItemList, which renders every item whenever it is filled: the 50 changes of a
pair of rounds of the benchmark's case (330 items) cost opening the view 270 ms at the
p95. Here a row is measured by counting its line breaks (`core.linebreak`), and only the
rows on screen are drawn, so opening the view draws what it shows and no more.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual.binding import Binding
from textual.strip import Strip

from peacebrief.app.widgets.record_list import RecordList, RowLook, RowState
from peacebrief.core.changes import LABELS, Changes, Stance, StanceChange
from peacebrief.core.linebreak import break_lines
from peacebrief.core.visible import one_line

KIND_STYLE = {
    "changed": "bold yellow",
    "new": "bold green",
    "dropped": "bold red",
    "unchanged": "dim",
    "not_restated": "dim italic",
}
KIND_WIDTH = max(map(len, LABELS.values()))  # the heads' issues line up
NO_POSITION = "no stated position"
NOT_RESTATED = "not restated: the round says nothing of it"
GUTTER = 6  # the round's mark, left of its words, which wrap clear of it
NBSP = "\u00a0"  # a citation is never broken across lines


@dataclass(frozen=True, slots=True)
class Block:
    """Words that wrap as one, after `label` on their first line and under it after."""

    text: Text
    label: Text | None = None
    hang: int = 0  # cells left of the words on every line


def change_blocks(changes: Changes, change: StanceChange) -> list[Block]:
    """One change as the view shows it: its head, then each round's words and evidence."""
    case = changes.case
    head = Text()
    head.append(f"{LABELS[change.kind].upper():<{KIND_WIDTH}}", style=KIND_STYLE[change.kind])
    head.append(f" {one_line(case.label(change.issue))}", style="bold")
    head.append(f" · {one_line(case.label(change.party))}")
    blocks = [Block(head)]
    for number, stances in ((changes.since, change.before), (changes.until, change.after)):
        if change.kind == "unchanged" and number == changes.since:
            continue  # the same words twice say nothing: the later round's evidence is enough
        silent = NOT_RESTATED if change.kind == "not_restated" else NO_POSITION
        blocks += _side(number, stances, silent)
    return blocks


def _side(number: int, stances: tuple[Stance, ...], silent: str) -> list[Block]:
    """A side's words under the mark of the round that stated them (an older round's, for
    a stance that stayed in force), or `silent` under the compared round's."""
    if not stances:
        return [Block(Text(silent, style="italic dim"), Text(f"  R{number}", style="bold"), GUTTER)]
    blocks = []
    for stance in stances:
        mark = Text(f"  R{stance.round}", style="bold")
        words = Text(one_line(stance.words))
        if stance.withdrawn:
            words = Text.assemble(("withdrawn: ", "bold red"), words)
        blocks.append(Block(words, mark, GUTTER))
        for evidence in stance.evidence:
            words = Text(f"\u201c{one_line(evidence.words)}\u201d", style="italic")
            words.append(
                f"  R{stance.round} {evidence.citation}".replace(" ", NBSP).replace(NBSP * 2, "  ", 1), style="dim"
            )
            blocks.append(Block(words, hang=GUTTER))
    return blocks


def _breaks(block: Block, width: int) -> list[tuple[int, int]]:
    return break_lines(block.text.plain, max(1, width - min(block.hang, width // 2)), cell_len)


def block_lines(block: Block, width: int) -> list[Text]:
    hang = min(block.hang, width // 2)
    lines = []
    for n, (start, end) in enumerate(_breaks(block, width)):
        line = Text(no_wrap=True)
        if hang:
            label = block.label if n == 0 and block.label is not None else Text()
            line.append_text(label[:hang])
            line.append(" " * (hang - cell_len(label.plain[:hang])))
        line.append_text(block.text[start:end])
        lines.append(line)
    return lines


class ChangesList(RecordList):
    """Rows are changes, named by their number in `Changes.stances`; the cursor colours a
    change's head line (the rest of it is what the head is about, not a choice)."""

    BINDINGS = [Binding("enter", "choose", "Open", show=False, id="changes.open")]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(self._row, measure=self._height, empty_text="No positions in either round.", id=id)
        self._blocks: list[list[Block]] = []
        self._made: dict[int, tuple[Changes, list[list[Block]]]] = {}  # each pair of rounds' blocks, once

    def show_changes(self, changes: Changes, highlighted: int = 0) -> None:
        made = self._made.get(id(changes))
        if made is None or made[0] is not changes:
            made = self._made[id(changes)] = (changes, [change_blocks(changes, c) for c in changes.stances])
        self._blocks = made[1]
        self.remeasure_next()
        self.set_ids([str(n) for n in range(len(self._blocks))], keep=str(highlighted))
        self.scroll_to(y=0, animate=False)
        self.scroll_to_cursor()

    @property
    def position(self) -> int:
        return int(self.highlighted_id) if self.highlighted_id is not None else 0

    def _height(self, row_id: str, width: int) -> int:
        return sum(len(_breaks(b, width)) for b in self._blocks[int(row_id)])

    def _row(self, row_id: str, state: RowState) -> Sequence[Text]:
        return [line for b in self._blocks[int(row_id)] for line in block_lines(b, state.width)]

    def _row_strips(
        self, row: int, width: int, cursor: bool, focused: bool, marked: bool, look: RowLook
    ) -> list[Strip]:
        lines = super()._row_strips(row, width, False, focused, marked, look)
        if cursor:
            lines[0] = super()._row_strips(row, width, True, focused, marked, look)[0]
        return lines
