"""The issues pane: the issue-by-party matrix of stances, round by round in a case."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult

from peacebrief.app import render
from peacebrief.app.messages import OpenDetail
from peacebrief.app.widgets.matrix import Matrix
from peacebrief.app.widgets.panes.pane import Pane
from peacebrief.core.case_brief import Cell, cell_changes, round_of, rounds_in
from peacebrief.core.filters import matrix_parties
from peacebrief.core.model import Party, Position
from peacebrief.core.visible import one_line


class IssuesPane(Pane):
    """The issue-by-party matrix: a row per issue, a column per party, the stance in each cell."""

    pane_id = "issues"
    title = "4 Issues"
    kinds = ("issue", "position")
    NO_POSITION = "— no stated position"

    def compose(self) -> ComposeResult:
        yield Matrix(id="matrix", on_highlight=self._cell_highlighted)

    @property
    def table(self) -> Matrix:
        return self.query_one(Matrix)

    def _parties(self) -> list[Party]:
        return [p for p in matrix_parties(self.brief) if self.party_filter is None or p.id == self.party_filter]

    shown_round: int | None = None  # a case's round the matrix shows (None: the filter's, or the latest)

    @property
    def matrix_round(self) -> int | None:
        """In a case, the round whose positions the matrix shows; None for a plain brief."""
        rounds = rounds_in(self.brief)
        if not rounds:
            return None
        return min(self.shown_round or self.round_filter or rounds, rounds)

    def set_round(self, number: int | None) -> None:
        self.shown_round = None
        super().set_round(number)

    def _cell_ids(self, issue: str, party: str) -> tuple[str, ...]:
        """The positions the cell shows: the round's own, else (in a case) those still in
        force from the latest round before it that stated the stance."""
        matrix = self.brief.links.matrix
        ids = tuple(matrix.get((issue, party), ()))
        number = self.matrix_round
        if number is None:
            return ids
        own = tuple(i for i in ids if round_of(i) == number)
        if own:
            return own
        cell = cell_changes(self.brief, number).get((issue, party))
        return cell.ids if cell is not None else ()

    def refill(self) -> None:
        keep = self.current()
        parties = self._parties()
        header = [Text("Issue", style="bold"), *(Text(one_line(party.name), style="bold") for party in parties)]
        number = self.matrix_round
        cells_of = cell_changes(self.brief, number) if number else {}
        rows: list[list[Text]] = []
        for issue in self.brief.issues:
            cells = [Text(one_line(issue.title), style="bold")]
            for party in parties:
                cells.append(self._cell_text(issue.id, party.id, number, cells_of.get((issue.id, party.id))))
            rows.append(cells)
        if number is not None:
            self.border_subtitle = (
                f"R{number} against R{number - 1} · {render.CHANGES_KEY}" if number > 1 else "round 1"
            )
        self.table.set_grid(header, rows, cursor=(0, 0))
        if keep and (round_of(keep) in (None, number) or self._carries(keep)):  # a cell of another round is not here
            self.show(keep)

    def _cell_text(self, issue: str, party: str, number: int | None, cell: Cell | None) -> Text:
        ids = self._cell_ids(issue, party)
        if not ids:
            return Text(self.NO_POSITION, style="dim italic")
        labels = "\n".join(one_line(self.brief[pid].label) for pid in ids)
        if cell is not None and cell.stated != number:  # the round says nothing of it
            if cell.kind != "not_restated":
                return Text(f"— withdrawn in round {cell.stated}", style="dim italic")
            text = Text(f"{render.CHANGE_MARKS['not_restated']}R{cell.stated}: ", style="bold dim")
            text.append(labels, style="dim italic")
            return text
        text = Text(render.CHANGE_MARKS.get(cell.kind or "", "") if cell else "", style="bold")
        text.append(labels)
        return text

    def _carries(self, place: str) -> bool:
        """Whether the matrix's round shows `place`, a position of an earlier round, as not restated."""
        record, number = self.brief.get(place), self.matrix_round
        if not isinstance(record, Position) or number is None:
            return False
        return place in self._cell_ids(record.issue, record.party)

    def _cell_place(self, row: int, column: int) -> str | None:
        if not (0 <= row < len(self.brief.issues)):
            return None
        issue = self.brief.issues[row]
        parties = self._parties()
        if column == 0 or column > len(parties):
            return issue.id
        ids = self._cell_ids(issue.id, parties[column - 1].id)
        return ids[0] if ids else issue.id

    def current(self) -> str | None:
        if not self.ready or self.table.row_count == 0:
            return None
        return self._cell_place(*self.table.cursor)

    def show(self, place: str) -> bool:
        record = self.brief.get(place)
        issues = [i.id for i in self.brief.issues]
        if isinstance(record, Position):
            parties = [p.id for p in self._parties()]
            if record.party not in parties:
                return False
            number = round_of(place)
            if number is not None and number != self.matrix_round and not self._carries(place):
                if self.round_filter is not None:
                    return False  # another round than the filter's: the screen lifts the filter
                self.shown_round = number
                self.refill()
            self.table.move_cursor(issues.index(record.issue), parties.index(record.party) + 1)
            return True
        if place in issues:
            self.table.move_cursor(issues.index(place), 0)
            return True
        return False

    def focus_pane(self) -> None:
        self.table.focus()

    def _cell_highlighted(self, row: int, column: int) -> None:
        place = self._cell_place(row, column)
        if place:
            self.report(place)

    def on_matrix_selected(self, message: Matrix.Selected) -> None:
        message.stop()
        self.post_message(OpenDetail())
