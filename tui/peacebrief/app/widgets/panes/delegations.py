"""The delegations pane: a column per party, its people and its positions."""

from __future__ import annotations

from collections.abc import Callable

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content

from peacebrief.app import render
from peacebrief.app.widgets.panes.pane import Pane
from peacebrief.app.widgets.record_list import RecordList, RowState
from peacebrief.core.case_brief import round_index, round_of
from peacebrief.core.filters import concerns
from peacebrief.core.model import Brief, Party, Person, Position
from peacebrief.core.visible import one_line


class DelegationsPane(Pane):
    """One column per party: the party, its people (delegates first), its positions."""

    pane_id = "delegations"
    title = "2 Delegations"
    kinds = ("party", "person")

    BINDINGS = [
        Binding("left,h", "column(-1)", "Column", id="delegations.left"),
        Binding("right,l", "column(1)", "Column", id="delegations.right"),
    ]

    MIN_COLUMN = 24  # cells; with more parties than fit, the columns scroll sideways

    def __init__(self, brief: Brief, on_highlight: Callable[[str, str], None] | None = None) -> None:
        super().__init__(brief, on_highlight)
        self._focused_column: RecordList | None = None  # the column the reader was last in

    def compose(self) -> ComposeResult:
        with Horizontal(id="delegation-columns"):
            for party in self.brief.parties:
                yield RecordList(
                    self._renderer(party.id),
                    measure=self._measure,
                    id=f"col-{party.id}",
                    classes="delegation",
                    on_highlight=self._column_report,
                    focus_styled=True,
                )  # its border

    def _column_report(self, record_id: str) -> None:
        # Only the column the reader is in speaks for the pane (a refill moves them all).
        column = self._active_column()
        if column is not None and column.highlighted_id == record_id:
            self.report(record_id)

    def load(self, brief: Brief) -> None:
        same_parties = [p.id for p in brief.parties] == [p.id for p in self.brief.parties]
        self.brief = brief
        if not self.ready:
            return
        if same_parties:
            self.refill()
        else:
            self.call_later(self._rebuild)

    async def _rebuild(self) -> None:
        await self.recompose()
        self.refill()

    def _renderer(self, party_id: str):  # type: ignore[no-untyped-def]
        def render_row(record_id: str, state: RowState) -> list[Text]:
            record = self.brief[record_id]
            if isinstance(record, Party):
                return render.party_rows(self.brief, record, marked=record.id in self.marks)
            if isinstance(record, Person):
                return render.person_rows(self.brief, record, width=state.width)
            assert isinstance(record, Position)
            head, *rest = render.position_rows(self.brief, record, width=state.width - render.round_width(record_id))
            return [render.with_round(record_id, head), *rest]

        return render_row

    def _measure(self, record_id: str, width: int) -> int:
        record = self.brief[record_id]
        if isinstance(record, Person):
            return render.person_height(record, width)
        if isinstance(record, Position):
            return render.position_height(self.brief, record, width - render.round_width(record_id))
        return 1

    def column_ids(self, party: Party) -> list[str]:
        people = [p for p in self.brief.people if p.party == party.id]
        people.sort(key=lambda p: not p.delegate)  # delegates first, otherwise brief order
        issue_order = {issue.id: i for i, issue in enumerate(self.brief.issues)}
        positions = sorted(
            (p for p in self.brief.positions if p.party == party.id and self._keep_position(p.id)),
            key=lambda p: (issue_order[p.issue], round_of(p.id) or 0),
        )
        return [party.id, *(p.id for p in people), *(p.id for p in positions)]

    def _keep_position(self, position_id: str) -> bool:
        """A round of a case shows each side's stances in force then (with the round that
        stated each): a round silent on a stance has not dropped it, as in the Issues matrix."""
        if self.round_filter is None:
            return self._keep(position_id)
        in_force = round_index(self.brief).in_force(self.round_filter)
        return position_id in in_force and (
            self.party_filter is None or concerns(self.brief, self.brief[position_id], self.party_filter)
        )

    @property
    def columns(self) -> list[RecordList]:
        return list(self.query(RecordList))

    def refill(self) -> None:
        for party, column in zip(self.brief.parties, self.columns, strict=False):
            column.remeasure_next()
            column.set_ids(self.column_ids(party))
            column.border_title = Content(one_line(party.name))
            column.display = self.party_filter is None or party.id == self.party_filter
            column.set_class(party.id in self.marks, "-marked")
        self._painted_marks = self.marks
        self._fit_columns()

    def on_resize(self) -> None:
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Share the width among the columns shown by what each holds (the words of its
        people and positions), none narrower than MIN_COLUMN; with more than fit, each
        MIN_COLUMN wide, and the row of columns scrolls sideways."""
        shown = [c for c in self.columns if c.display]
        width = self.content_size.width
        if not shown or not width:
            return
        if width // len(shown) < self.MIN_COLUMN:
            fits = {
                column: f"{max(self.MIN_COLUMN, min(width, cell_len(str(column.border_title or '')) + 6))}"
                for column in shown
            }
        else:
            weights = {column: self._weight(column) for column in shown}
            fits = {column: f"{weight}fr" for column, weight in weights.items()}
        for column, fit in fits.items():
            # Wide enough for its title, the party's name, whole.
            least = max(self.MIN_COLUMN, min(cell_len(str(column.border_title or "")) + 6, width // len(shown)))
            if column.styles.min_width is None or column.styles.min_width.value != least:
                column.styles.min_width = least
            if str(column.styles.width) != fit:
                column.styles.width = fit

    def _weight(self, column: RecordList) -> int:
        """What a column holds, in about 40-cell lines: its share of the width."""
        cells = 0
        for record_id in column.ids:
            record = self.brief[record_id]
            if isinstance(record, Position):
                cells += len(record.stance) + len(render.label(self.brief, record.issue))
            elif isinstance(record, Person):
                cells += len(record.name) + len(record.title or "")
        return max(1, min(12, round(cells / 40) or 1))

    def paint_marks(self, old: frozenset[str]) -> None:
        for party, column in zip(self.brief.parties, self.columns, strict=False):
            if (party.id in self.marks) != (party.id in old):  # only a party's own row shows its mark
                column.set_class(party.id in self.marks, "-marked")
                column.refresh_rows()

    def _column_for(self, place: str) -> RecordList | None:
        party = self.brief.party_of(place)
        if party is None:
            return None
        for candidate, column in zip(self.brief.parties, self.columns, strict=False):
            if candidate.id == party.id:
                return column
        return None

    def show(self, place: str) -> bool:
        column = self._column_for(place)
        if column is None or not column.display or not column.select(place):
            return False
        self._focused_column = column
        if self.screen.focused in self.columns or self.screen.focused is None:
            column.focus()
        return True

    def current(self) -> str | None:
        column = self._active_column()
        return column.highlighted_id if column else None

    def _active_column(self) -> RecordList | None:
        focused = self.screen.focused
        if isinstance(focused, RecordList) and focused in self.columns:
            return focused
        column = self._focused_column
        if column is not None and column.display:
            return column
        visible_columns = [c for c in self.columns if c.display]
        return visible_columns[0] if visible_columns else None

    def focus_pane(self) -> None:
        column = self._active_column()
        if column is not None:
            column.focus()

    def action_column(self, step: int) -> None:
        columns = [c for c in self.columns if c.display]
        active = self._active_column()
        if not columns or active is None:
            return
        index = (columns.index(active) + step) % len(columns) if active in columns else 0
        self._focused_column = columns[index]
        columns[index].focus()
        if columns[index].highlighted_id:
            self.report(columns[index].highlighted_id)

    def on_descendant_focus(self, event) -> None:  # type: ignore[no-untyped-def]
        if isinstance(event.widget, RecordList) and event.widget in self.columns:
            self._focused_column = event.widget
            if event.widget.highlighted_id:
                self.report(event.widget.highlighted_id)
