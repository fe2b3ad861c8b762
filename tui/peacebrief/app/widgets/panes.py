"""The five panes. Each shows one view of the brief and reports what its cursor is on.

A pane knows only its own widgets: it reports where its cursor is through the
`on_highlight` callback the screen gives it, posts `OpenDetail`, and the screen calls
`show`, `set_marks` and `set_filter` on it. Panes never touch each other.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from itertools import pairwise
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Static

from peacebrief.app import render
from peacebrief.app.messages import OpenDetail
from peacebrief.app.widgets.item_list import Item, ItemList
from peacebrief.app.widgets.lit import LitBox
from peacebrief.app.widgets.matrix import Matrix
from peacebrief.app.widgets.record_list import RecordList, RowState
from peacebrief.app.widgets.settle import Settling
from peacebrief.core.case_brief import Cell, cell_changes, round_index, round_of, rounds_in
from peacebrief.core.filters import concerns, matrix_parties
from peacebrief.core.model import Brief, Event, Party, Person, Position, Quote
from peacebrief.core.quote_order import ORDER_NAMES, QUOTE_ORDERS, order_quotes
from peacebrief.core.related import paragraph_id, split_paragraph_id
from peacebrief.core.visible import one_line, visible


def _visible_with_offsets(raw: str, offsets: list[int]) -> tuple[Text, dict[int, int]]:
    """`raw` made visible as Text, and where each of `offsets` in `raw` lands in it.

    A placeholder is longer than the character it stands for (`<RLO>` for one), so the
    text is made visible piece by piece between the offsets, and anchored words stay
    highlighted in a paragraph that holds control characters. A long word wraps.
    """
    cuts = sorted({0, len(raw), *(min(max(0, x), len(raw)) for x in offsets)})
    where: dict[int, int] = {}
    pieces: list[str] = []
    length = 0
    for a, b in pairwise(cuts):
        where[a] = length
        piece = visible(raw[a:b])
        pieces.append(piece)
        length += len(piece)
    where[len(raw)] = length
    return Text("".join(pieces), overflow="fold"), where


class Stage(Enum):
    """Where a pane is in its life: one stage at a time, changed only by the pane's methods."""

    UNMOUNTED = "unmounted"  # made; its widgets are not there yet (what it is told, it notes)
    WAITING = "waiting"  # mounted out of sight, to be laid out right after the first paint (prime)
    PRIMING = "priming"  # displayed but moved out of the switcher, while the layouts that sets off run
    HIDDEN = "hidden"  # laid out at its switcher's size, then display: none
    SHOWN = "shown"  # the pane on screen


class Pane(LitBox, Vertical):
    """Common behaviour: the brief, the party filter, and reporting the cursor."""

    pane_id: ClassVar[str]
    title: ClassVar[str]  # its default key and its name
    kinds: ClassVar[tuple[str, ...]] = ()  # the record kinds a link to lands on here
    key: str = ""  # its key as bound (the screen sets it from the user's keymap)

    @classmethod
    def name_of(cls) -> str:
        return cls.title.split(" ", 1)[1]

    @property
    def box_title(self) -> str:  # type: ignore[override]
        return f"{self.key} {self.name_of()}" if self.key else self.title

    def __init__(self, brief: Brief, on_highlight: Callable[[str, str], None] | None = None) -> None:
        super().__init__(id=f"pane-{self.pane_id}", classes="pane")
        self.brief = brief
        self._on_highlight = on_highlight
        self.party_filter: str | None = None
        self.round_filter: int | None = None  # in a case: only this round's records
        self.marks: frozenset[str] = frozenset()
        self._painted_marks: frozenset[str] = frozenset()
        self.stage = Stage.UNMOUNTED
        self._settling: Settling | None = None  # while PRIMING: the wait for its layouts to end
        self._primed_for: object = None  # the size of the switcher when it was last laid out out of sight
        self._stale = False  # a round filter set while hidden: refill when shown

    @property
    def ready(self) -> bool:
        """Its widgets are mounted and hold the brief: it can show a record, and report one."""
        return self.stage is not Stage.UNMOUNTED

    @property
    def laid_out(self) -> bool:
        """On screen, or laid out out of sight: its first visit costs what every later one does."""
        return self.stage in (Stage.HIDDEN, Stage.SHOWN)

    def on_mount(self) -> None:
        self.when_composed(self._fill_first)

    def when_composed(self, then: Callable[[], None], tries: int = 100) -> None:
        """`then()` once the pane's own widgets are there. Textual may send a screen and a
        pane their Mount before the pane's compose has mounted them (seen on a loaded
        machine, when a reload's screen replaced the loading screen); a pane pruned
        before they came (the app quit as it started) never calls it."""
        if not self.is_attached:
            return
        if self.children or not tries:
            then()
        else:
            self.call_after_refresh(self.when_composed, then, tries - 1)

    def _fill_first(self) -> None:
        if not self.children:
            return  # never composed: the app is going
        self.border_title = self.box_title
        self.refill()
        self.stage = Stage.SHOWN if self.display else Stage.WAITING
        if self.stage is Stage.WAITING:
            self.call_after_refresh(self.prime)
        # And again whenever a layout (a new size of the terminal, say) leaves a hidden
        # pane at a size other than its switcher's, the size it is shown at.
        self.screen.screen_layout_refresh_signal.subscribe(self, self._check_size)

    def _check_size(self, _screen: object) -> None:
        switcher = self.parent
        if self.stage is not Stage.HIDDEN or switcher is None or not switcher.size:
            return
        if self.outer_size != switcher.size and switcher.size != self._primed_for:  # (once a size)
            self.prime()

    def prime(self) -> None:
        """Lay the pane out once, out of sight, if it is hidden.

        Textual gives a widget its size, scroll bars and first Resize only when a layout
        shows it, and each widget given a size asks for another layout: the first visit
        to a pane took two or three layouts, and frames, where later visits take one. So
        right after the first paint each hidden pane is laid out on its own layer of the
        switcher (`#panes` in the stylesheet), moved its own width to the right: it gets
        its real size, but lies outside the switcher, which clips it (nothing of it is
        drawn), and the pane on screen does not move. (`visibility: hidden` would not do:
        Textual gives no size to an invisible widget.) Once those layouts are over
        (`Settling`) it is hidden again."""
        if self.stage not in (Stage.WAITING, Stage.HIDDEN) or not self.is_attached:
            return
        self._primed_for = getattr(self.parent, "size", None)
        self.stage = Stage.PRIMING
        self.styles.offset = ("100%", 0)
        self.display = True
        self._settling = Settling(self, self._primed)

    def _primed(self) -> None:
        self._end_priming()
        self.display = False
        self.stage = Stage.HIDDEN

    def _end_priming(self) -> None:
        if self._settling is not None:
            self._settling.cancel()
            self._settling = None
        self.styles.clear_rule("offset")

    def load(self, brief: Brief) -> None:
        """Show a newly loaded brief, keeping the cursor where the record still exists."""
        self.brief = brief
        if self.ready:  # (a pane not mounted yet fills itself when it is: on_mount)
            self.refill()

    def refill(self) -> None:
        raise NotImplementedError

    def set_filter(self, party: str | None) -> None:
        self.party_filter = party
        if self.ready:
            self.refill()

    def set_round(self, number: int | None) -> None:
        """Show one round of a case (None: every round). A pane out of sight refills when
        it is next shown (`reveal`): a case's lists are long, and most keys show one pane."""
        self.round_filter = number
        if self.stage is Stage.SHOWN:
            self.refill()
        else:
            self._stale = True

    def set_marks(self, marks: frozenset[str]) -> None:
        """Mark the records linked to the selection in another pane.

        A pane out of sight only notes them and paints them when the screen brings it to
        the front (`reveal`): the marks change on every cursor move, and repainting hidden
        lists cost each move a layout of the whole screen."""
        self.marks = marks
        if self.stage is Stage.SHOWN:
            self.reveal()

    def reveal(self) -> None:
        """The screen shows the pane: paint the marks noted while it was hidden."""
        if not self.ready:
            return  # (it fills itself when mounted, shown or not)
        if self.stage is Stage.PRIMING:  # shown while being laid out out of sight
            self._end_priming()
        self.stage = Stage.SHOWN
        if self._stale:
            self._stale = False
            self.refill()
        if self.marks != self._painted_marks:
            old, self._painted_marks = self._painted_marks, self.marks
            self.paint_marks(old)

    def conceal(self) -> None:
        """The screen shows another pane in its place."""
        if self.stage is Stage.SHOWN:
            self.stage = Stage.HIDDEN

    def paint_marks(self, old: frozenset[str]) -> None:
        """Show `self.marks` in place of `old`."""

    def show(self, place: str) -> bool:
        """Put the cursor on `place`; False if this pane does not show it."""
        raise NotImplementedError

    def current(self) -> str | None:
        raise NotImplementedError

    def focus_pane(self) -> None:
        raise NotImplementedError

    def _keep(self, record_id: str) -> bool:
        record = self.brief.get(record_id)
        if record is None:
            return False
        if (
            self.round_filter is not None
            and round_index(self.brief).of.get(record_id, self.round_filter) != self.round_filter
        ):
            return False
        return self.party_filter is None or concerns(self.brief, record, self.party_filter)

    @property
    def filtered(self) -> bool:
        return self.party_filter is not None or self.round_filter is not None

    def report(self, place: str) -> None:
        """The cursor is on `place`: tell the screen (`on_highlight(pane_id, place)`) now.

        Called in the same turn as the move, so the list, the detail panel and the marks
        all change in one frame; a posted message reached the screen only after the list
        had painted, and the detail panel followed a frame (17 ms or more) later."""
        if self._on_highlight is not None:
            self._on_highlight(self.pane_id, place)

    def on_record_list_chosen(self, message: RecordList.Chosen) -> None:
        message.stop()
        self.post_message(OpenDetail())


class ListPane(Pane):
    """A pane that is one RecordList."""

    row_height: ClassVar[int] = 1
    empty_text: ClassVar[str] = "Nothing here."
    measure_row: Callable[[str, int], int] | None = None  # rows as tall as their words, if set

    def compose(self) -> ComposeResult:
        yield RecordList(
            self.render_row,
            row_height=self.row_height,
            measure=self.measure_row,
            empty_text=self.empty_text,
            on_highlight=self.report,
        )

    def load(self, brief: Brief) -> None:
        if self.ready:
            self.records.remeasure_next()
        super().load(brief)

    @property
    def records(self) -> RecordList:
        return self.query_one(RecordList)

    def all_ids(self) -> list[str]:
        raise NotImplementedError

    round_section: ClassVar[str | None] = None  # in a case, the brief's section listed

    def refill(self) -> None:
        if self.round_filter is not None and self.round_section is not None:
            ids = round_index(self.brief).ids(self.round_section, self.round_filter)
        else:
            ids = self.all_ids()
        if self.party_filter is not None:
            ids = [rid for rid in ids if self._keep(rid)]
        self.records.set_ids(ids)
        self._update_subtitle(len(ids))

    def _update_subtitle(self, shown: int) -> None:
        total = len(self.records.ids) if not self.filtered else len(self.all_ids())
        self.border_subtitle = f"{shown} of {total}" if shown != total else f"{total}"

    def render_row(self, record_id: str, state: RowState) -> list[Text]:
        raise NotImplementedError

    def paint_marks(self, old: frozenset[str]) -> None:
        self.records.set_marks(self.marks)

    def show(self, place: str) -> bool:
        return self.records.select(place)

    def current(self) -> str | None:
        return self.records.highlighted_id

    def focus_pane(self) -> None:
        self.records.focus()


class TimelinePane(ListPane):
    pane_id = "timeline"
    title = "1 Timeline"
    kinds = ("event",)
    empty_text = "No events."
    round_section = "events"

    def __init__(self, brief: Brief, on_highlight: Callable[[str, str], None] | None = None) -> None:
        super().__init__(brief, on_highlight)
        self.date_width = 10  # the widest date's cells
        self._dated: Brief | None = None  # the brief date_width was measured on

    def refill(self) -> None:
        # Measured once per date, not per event: a big brief's events share few dates;
        # and once per brief, not per refill (a case's round filter refills it).
        if self._dated is not self.brief:
            dates = {id(e.date): e.date for e in self.brief.events}.values()
            self.date_width = max((cell_len(d.display()) for d in dates), default=10)
            self._dated = self.brief
        super().refill()

    def all_ids(self) -> list[str]:
        return [e.id for e in self.brief.events]

    def render_row(self, record_id: str, state: RowState) -> list[Text]:
        event = self.brief[record_id]
        assert isinstance(event, Event)
        return [
            render.with_round(
                record_id,
                render.event_row(
                    self.brief,
                    event,
                    marked=state.marked,
                    date_width=self.date_width,
                    width=state.width - render.round_width(record_id),
                ),
            )
        ]


class QuotesPane(ListPane):
    """Every quote in full: by date (the undated last), by speaker, or in source order (`s`)."""

    pane_id = "quotes"
    title = "3 Quotes"
    kinds = ("quote",)
    round_section = "quotes"
    empty_text = "No quotes."

    BINDINGS = [
        Binding(
            "s", "next_order", "Sort", id="quotes.sort", tooltip="by date (undated last), by speaker, in source order"
        )
    ]

    def __init__(self, brief: Brief, on_highlight: Callable[[str, str], None] | None = None) -> None:
        super().__init__(brief, on_highlight)
        self.order = QUOTE_ORDERS[0]
        self._ordered: tuple[Brief | None, str, list[str]] = (None, "", [])

    def measure_row(self, record_id: str, width: int) -> int:
        quote = self.brief[record_id]
        assert isinstance(quote, Quote)
        return render.quote_height(quote, width)

    def all_ids(self) -> list[str]:
        brief, order, ids = self._ordered
        if brief is not self.brief or order != self.order:
            ids = [q.id for q in order_quotes(self.brief, self.brief.quotes, self.order)]
            self._ordered = (self.brief, self.order, ids)
        return ids

    def _update_subtitle(self, shown: int) -> None:
        total = len(self.all_ids())
        count = f"{shown} of {total}" if shown != total else f"{total}"
        self.border_subtitle = f"{count} · {ORDER_NAMES[self.order]} (s)"

    def action_next_order(self) -> None:
        self.order = QUOTE_ORDERS[(QUOTE_ORDERS.index(self.order) + 1) % len(QUOTE_ORDERS)]
        keep = self.current()
        self.refill()
        if keep:
            self.records.select(keep)
        self.records.scroll_to_cursor()

    def render_row(self, record_id: str, state: RowState) -> list[Text]:
        quote = self.brief[record_id]
        assert isinstance(quote, Quote)
        head, *rest = render.quote_rows(self.brief, quote, marked=state.marked, width=state.width)
        return [render.with_round(record_id, head), *rest]


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
            (p for p in self.brief.positions if p.party == party.id and self._keep(p.id)),
            key=lambda p: (issue_order[p.issue], round_of(p.id) or 0),
        )
        return [party.id, *(p.id for p in people), *(p.id for p in positions)]

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
        matrix = self.brief.links.matrix if self.brief.links else {}
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


class ParagraphList(ItemList):
    """The source's paragraphs; Enter goes to a paragraph's links (so the footer says)."""

    BINDINGS = [
        Binding("enter", "select", "Links", id="source.open", tooltip="to the paragraph's links, in the detail panel")
    ]


class SourcePane(Pane):
    """A source document, paragraphs numbered, anchored words highlighted."""

    pane_id = "source"
    title = "5 Source"
    kinds = ("source", "paragraph")

    BINDINGS = [Binding("s", "next_source", "Next source", id="source.next")]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "next_source":
            return True if len(self.brief.sources) > 1 else None
        return True

    def __init__(self, brief: Brief, on_highlight: Callable[[str, str], None] | None = None) -> None:
        super().__init__(brief, on_highlight)
        self.source_index = 0
        self.lit: tuple[str, tuple[str, ...]] | None = None  # (paragraph id, words a search found there)

    def light(self, place: str, words: tuple[str, ...]) -> None:
        """Light the words a search found in paragraph `place` (and put out the last ones)."""
        old, self.lit = self.lit, (place, words)
        if not self.ready:
            return
        span_style, mark_style = self._styles()
        for spot in {old[0] if old else None, place} - {None}:
            split = split_paragraph_id(spot)  # type: ignore[arg-type]
            index = self.paragraphs.index_of(spot) if split else None
            if split is not None and index is not None:
                self.paragraphs.replace_item(index, self._paragraph_text(*split, span_style, mark_style))

    def compose(self) -> ComposeResult:
        yield Static(id="source-heading")
        yield ParagraphList(id="paragraphs", on_highlight=self._paragraph_highlighted)

    @property
    def paragraphs(self) -> ItemList:
        return self.query_one("#paragraphs", ItemList)

    def refill(self) -> None:
        self.source_index = min(self.source_index, len(self.brief.sources) - 1)
        source = self.brief.sources[self.source_index]
        # One line, so a long title cannot push the paragraphs off a small screen; the
        # detail panel shows it in full.
        heading = Text(one_line(source.title), style="bold", no_wrap=True, overflow="ellipsis")
        heading.append(f"  {source.published.display()}", style="dim")
        if len(self.brief.sources) > 1:
            heading.append(f"  · source {self.source_index + 1} of {len(self.brief.sources)} (s: next)", style="dim")
        self.query_one("#source-heading", Static).update(heading, layout=False)  # always one line
        keep = self.current()
        if keep is not None and not keep.startswith(f"{source.id}#"):
            keep = None  # the cursor was in another source: start this one at the top
        span_style, mark_style = self._styles()
        document = source.document
        items = [
            Item(
                self._paragraph_text(source.id, n, span_style, mark_style),
                paragraph_id(source.id, n),
                label=_paragraph_label(document.number(n)),
                gutter=5,
            )
            for n in range(1, len(document.paragraphs) + 1)
        ]
        self.paragraphs.set_items(items)
        self._painted_marks = self.marks
        if keep:
            self.show(keep)
        elif items:
            self.paragraphs.highlighted = 0

    COMPONENT_CLASSES = {"source-pane--span", "source-pane--mark", "source-pane--number"}

    def _spans(self, source_id: str, number: int) -> list[tuple[int, int, bool]]:
        """Anchored spans in a paragraph: (start, end, marked)."""
        links = self.brief.links
        spans: list[tuple[int, int, bool]] = []
        for rid in links.by_paragraph.get((source_id, number), ()) if links else ():
            record = self.brief[rid]
            anchors = (record.source,) if isinstance(record, Quote) else getattr(record, "evidence", ())
            for anchor in anchors:
                if anchor.source == source_id and anchor.paragraph == number:
                    spans.append((anchor.start, anchor.end, rid in self.marks))
        return spans

    def _paragraph_text(self, source_id: str, number: int, span_style, mark_style) -> Text:  # type: ignore[no-untyped-def]
        """A paragraph, its anchored words highlighted."""
        document = self.brief.source(source_id).document
        start, end = document.paragraphs[number - 1]
        spans = [(max(0, s - start), min(end, e) - start, marked) for s, e, marked in self._spans(source_id, number)]
        body, where = _visible_with_offsets(document.text[start:end], [x for s, e, _ in spans for x in (s, e)])
        if document.is_heading(number):  # a heading of the source reads as one, unnumbered
            body.stylize("bold")
        if self.lit is not None and self.lit[0] == paragraph_id(source_id, number):
            from peacebrief.core.search import find_words  # after a search only: not before the first frame

            for lit_start, lit_end in find_words(body.plain, self.lit[1]):
                body.stylize("bold reverse", lit_start, lit_end)
        for s, e, marked in sorted(spans, key=lambda span: span[2]):
            body.stylize(mark_style if marked else span_style, where[s], where[e])
        return body

    def paint_marks(self, old: frozenset[str]) -> None:
        """Repaint only the paragraphs whose marks change, not the whole document."""
        changed = self.marks ^ old
        source = self.brief.sources[self.source_index]
        span_style, mark_style = self._styles()
        for rid in changed:
            record = self.brief.get(rid)
            anchors = (record.source,) if isinstance(record, Quote) else getattr(record, "evidence", ())
            for anchor in anchors:
                if anchor.source == source.id:
                    index = self.paragraphs.index_of(paragraph_id(source.id, anchor.paragraph))
                    if index is not None:
                        prompt = self._paragraph_text(source.id, anchor.paragraph, span_style, mark_style)
                        self.paragraphs.replace_item(index, prompt)

    def _styles(self):  # type: ignore[no-untyped-def]
        span_style = self.get_component_rich_style("source-pane--span", default=None) or "underline"
        mark_style = self.get_component_rich_style("source-pane--mark", default=None) or "reverse"
        return span_style, mark_style

    def show(self, place: str) -> bool:
        spot = split_paragraph_id(place)
        if spot is None:
            record = self.brief.get(place)
            if record is None or record.kind != "source":
                return False
            spot = (place, 1)
        source_ids = [s.id for s in self.brief.sources]
        if spot[0] not in source_ids:
            return False
        if source_ids.index(spot[0]) != self.source_index:
            self.source_index = source_ids.index(spot[0])
            self.refill()
        index = self.paragraphs.index_of(paragraph_id(*spot))
        if index is None:
            return False
        self.paragraphs.highlighted = index
        self.paragraphs.scroll_to_highlight(top=True)
        return True

    def current(self) -> str | None:
        if not self.ready:
            return None
        item = self.paragraphs.highlighted_item
        return item.id if item else None

    def focus_pane(self) -> None:
        self.paragraphs.focus()

    def action_next_source(self) -> None:
        if len(self.brief.sources) > 1:
            self.source_index = (self.source_index + 1) % len(self.brief.sources)
            self.refill()
            self.paragraphs.highlighted = 0

    def _paragraph_highlighted(self, item: Item) -> None:
        if item.id:
            self.report(item.id)

    def on_item_list_selected(self, message: ItemList.Selected) -> None:
        message.stop()
        self.post_message(OpenDetail())


PANES: tuple[type[Pane], ...] = (TimelinePane, DelegationsPane, QuotesPane, IssuesPane, SourcePane)


def _paragraph_label(number: int | None) -> Text:
    """`  ¶4 ` beside a paragraph; blanks beside a heading, which is not counted."""
    return Text(f"{f'¶{number}' if number else '':>4} ", style="dim")
