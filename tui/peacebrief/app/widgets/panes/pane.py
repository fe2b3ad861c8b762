"""The pane base: its stage in life, the brief and filters it holds, and reporting its cursor.

A pane knows only its own widgets: it reports where its cursor is through the
`on_highlight` callback the screen gives it, posts `OpenDetail`, and the screen calls
`show`, `set_marks` and `set_filter` on it. Panes never touch each other.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import ClassVar

from textual.containers import Vertical

from peacebrief.app.messages import OpenDetail
from peacebrief.app.widgets.lit import LitBox
from peacebrief.app.widgets.record_list import RecordList
from peacebrief.app.widgets.settle import Settling
from peacebrief.core.case_brief import round_index
from peacebrief.core.filters import concerns
from peacebrief.core.model import Brief


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
