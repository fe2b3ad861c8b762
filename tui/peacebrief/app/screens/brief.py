"""The main screen: five panes, the detail panel, and the routing between them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.events import Key, Resize
from textual.widget import Widget

from peacebrief.app.keymap import key_label
from peacebrief.app.messages import FollowLink, OpenDetail
from peacebrief.app.screens.brief_keys import BRIEF_KEYS
from peacebrief.app.screens.case_rounds import CaseRounds
from peacebrief.app.screens.detail_focus import DetailFocus
from peacebrief.app.screens.link_number import LinkNumber
from peacebrief.app.screens.routes import marks_of, pane_for, paragraph_places
from peacebrief.app.screens.screen_sizes import COMPACT, SHORT, WIDE
from peacebrief.app.screens.take_away import TakeAway
from peacebrief.app.textual_private import QuietFocusScreen
from peacebrief.app.widgets.detail import DetailPanel
from peacebrief.app.widgets.footer import KeyFooter
from peacebrief.app.widgets.pane_bar import PaneBar
from peacebrief.app.widgets.pane_switcher import PaneSwitcher
from peacebrief.app.widgets.panes import PANES, Pane
from peacebrief.app.widgets.problems_panel import ProblemsPanel
from peacebrief.core.history import History, Place
from peacebrief.core.model import Brief
from peacebrief.core.related import split_paragraph_id
from peacebrief.core.visible import one_line

if TYPE_CHECKING:
    from peacebrief.app.screens.changes import ChangesScreen
    from peacebrief.core.review import ReviewWalk


class BriefScreen(DetailFocus, CaseRounds, TakeAway, QuietFocusScreen):
    """Five panes, the detail panel, the top line and the footer; it routes every link.

    Its keys for the detail panel (`DetailFocus`), a case's rounds (`CaseRounds`) and
    the export and copy (`TakeAway`) are parts of their own."""

    BINDINGS = BRIEF_KEYS

    def __init__(self, brief: Brief) -> None:
        super().__init__()
        self.brief = brief
        self.history = History()
        self.current_pane = "timeline"
        self.party_filter: str | None = None
        self.round_filter: int | None = None  # in a case: the round the lists show (None: all)
        self._changes_at: tuple[int, int] | None = None  # the changes view's rounds and cursor, when closed
        self._changes_view: ChangesScreen | None = None  # kept between visits: see action_changes
        self._started = False
        self._routing = False  # True while the screen itself moves the panes' cursors
        self._waiting: tuple[Place, bool] | None = None  # a go() held until its pane is mounted
        self._reloaded: Brief | None = None  # a brief reloaded before every pane mounted, shown then
        self._link_number = LinkNumber()  # after `o`: the digits of a link number typed so far
        self._shown = False  # painted, and every pane mounted (a reloaded brief can replace their records)
        self._when_shown: list[Callable[[], None]] = []
        self._panes: dict[str, Pane] = {}  # made in compose, with the keys of the user's keymap
        self._detail = DetailPanel()
        self._pane_keys: dict[str, str] | None = None  # each pane's key as bound: pane_keys
        self._history_keys: tuple[bool, bool] | None = None  # Back and Forward as the footer offers them
        self._compact: bool | None = None  # narrower than COMPACT, at the last Resize
        self._walk: tuple[Brief | None, ReviewWalk | None] = (None, None)  # review_walk's, per brief

    def compose(self) -> ComposeResult:
        # The size classes, set before the widgets mount: set later (on the first Resize)
        # they restyle every widget of the screen once more before the first paint.
        self.set_class(self.app.size.width >= WIDE, "-wide")
        self.set_class(self.app.size.height < SHORT, "-short")
        # Kept, not looked up: a key may ask for a pane or the panel several times over.
        self._panes = {p.pane_id: p(self.brief, on_highlight=self._highlighted) for p in PANES}
        for pane_id, key in self.pane_keys.items():
            self._panes[pane_id].key = key
        for pane in self._panes.values():
            pane.display = pane.pane_id == self.current_pane
        yield PaneBar(self.action_show_pane, lambda: self.action_review(0), id="pane-bar")
        with Horizontal(id="main"):
            with PaneSwitcher(initial=f"pane-{self.current_pane}", id="panes"):
                # Only the pane on screen: the other four join it right after the first
                # paint (_mount_hidden_panes). Mounted with it, they held it back 15 ms.
                yield self.pane(self.current_pane)
            yield self._detail
        yield ProblemsPanel(id="problems-panel")
        yield KeyFooter()

    def on_mount(self) -> None:
        if not self.is_attached:  # the reader quit as this screen came: its widgets are going
            return
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.watch_focused(self.focused))
        self.query_one("#problems-panel").display = False
        self._update_bar()
        self.pane(self.current_pane).when_composed(self._begin)

    def _begin(self) -> None:
        if not self.is_attached or not self.pane(self.current_pane).children:
            return
        self._start()
        self.call_after_refresh(self._mount_hidden_panes)

    async def _mount_hidden_panes(self) -> None:
        """Mount the panes out of sight (display: none), then go where a key asked meanwhile."""
        if not self.is_attached:
            return
        hidden = [pane for pane in self.panes if not pane.is_attached]
        await self.query_one(PaneSwitcher).mount_all(hidden)
        if self._waiting is not None:  # a key asked for one of them before it was there
            place, record_history = self._waiting
            self._waiting = None
            self.go(place, record_history=record_history)
        self._shown = True
        if self._reloaded is not None:
            brief, self._reloaded = self._reloaded, None
            self.show_brief(brief)
        for callback in self._when_shown:
            callback()
        self._when_shown.clear()

    def when_shown(self, callback: Callable[[], None]) -> None:
        """Call `callback` once the first screen is out and every pane mounted (at once if
        they are): what the app waits for before it reads a case's other rounds."""
        if self._shown:
            callback()
        else:
            self._when_shown.append(callback)

    def _start(self) -> None:
        self._started = True
        pane = self.pane(self.current_pane)
        self._focus_pane(pane)
        place = pane.current()
        self.history.visit(Place(self.current_pane, place))
        self._show_detail(place)
        self._mark(place)

    # -- helpers ---------------------------------------------------------------

    def pane(self, pane_id: str) -> Pane:
        return self._panes[pane_id]

    @property
    def panes(self) -> list[Pane]:
        return list(self._panes.values())

    @property
    def detail(self) -> DetailPanel:
        return self._detail

    def watch_focused(self, focused: Widget | None) -> None:
        """Light the pane, or the detail panel, that holds the focus (a click moves it too)."""
        if hasattr(self, "_detail"):
            holders = set(focused.ancestors_with_self) if focused is not None else set()
            self._light(next((box for box in (*self.panes, self.detail) if box in holders), None))

    def _light(self, holder: Widget | None) -> None:
        accent = self.app.theme_variables.get("accent", "ansi_yellow")  # the stylesheet's $accent
        for box in (*self.panes, self.detail):
            box.light_title(box is holder, accent)

    def _focus_pane(self, pane: Pane) -> None:
        pane.focus_pane()
        # Lit now, in this key's frame: the focus itself moves a turn later (Widget.focus).
        self._light(pane)

    def _focus_links(self) -> None:
        self.detail.links.focus()
        self._light(self.detail)

    def _update_bar(self) -> None:
        compact = self.size.width < COMPACT
        self.query_one(PaneBar).show_state(
            self.brief,
            self.current_pane,
            self.party_filter,
            compact=compact,
            round_=self._round_note(),
            keys=self.pane_keys,
            loading=self.loading_note,
        )

    def update_bar(self) -> None:
        """Say again what the top line says (a case's rounds being read, counted)."""
        self._update_bar()

    @property
    def loading_note(self) -> str | None:
        """`loading round 3 of 50…` while the app reads a case's other rounds."""
        return getattr(self.app, "loading_note", None)

    @property
    def pane_keys(self) -> dict[str, str]:
        """Each pane's key as the user's keymap binds it (the first, if several), as typed."""
        if self._pane_keys is None:
            keymap: dict[str, str] = getattr(self.app, "user_keymap", {})
            self._pane_keys = {
                binding.id.removeprefix("pane."): key_label(keymap.get(binding.id, binding.key).split(",")[0])
                for binding in self.BINDINGS
                if isinstance(binding, Binding) and binding.id and binding.action.startswith("show_pane")
            }
        return self._pane_keys

    def _show_detail(self, place: str | None) -> None:
        self.detail.show_place(self.brief, place)

    def pane_for(self, place: str) -> str:
        """Which pane a link to `place` lands on."""
        return pane_for(self.brief, place)

    def _switch(self, pane_id: str) -> None:
        if pane_id != self.current_pane:
            self.pane(self.current_pane).conceal()
        self.current_pane = pane_id
        self.query_one(PaneSwitcher).current = f"pane-{pane_id}"
        self.pane(pane_id).reveal()
        self._update_bar()

    @contextmanager
    def _moving(self) -> Iterator[None]:
        """The screen moves the panes' cursors itself: what they report meanwhile is not news."""
        routing, self._routing = self._routing, True
        try:
            yield
        finally:
            self._routing = routing

    def go(self, place: Place, *, record_history: bool = True) -> bool:
        """Show `place`: switch pane, select the record, focus the pane, update the detail.

        A pane that is not mounted yet (the first instants after the first paint) is gone
        to as soon as it is (`_mount_hidden_panes`)."""
        if not self.pane(place.pane).ready:
            self._waiting = (place, record_history)
            return True
        with self._moving():
            return self._go(place, record_history)

    def _go(self, place: Place, record_history: bool) -> bool:
        self._switch(place.pane)
        pane = self.pane(place.pane)
        shown = True
        if place.record is not None:
            shown = pane.show(place.record)
            if not shown and self.party_filter is not None:
                # The filter hides the target: lift it rather than fail the link.
                self._set_filter(None)
                shown = pane.show(place.record)
            if not shown and self.round_filter is not None:
                self._set_round(None)  # the same for the round filter
                shown = pane.show(place.record)
        if self.reading:
            self._focus_body()  # reading on: the record is what shows, not the pane
        else:
            self._focus_pane(pane)
        # No record (or one the pane lacks): wherever the pane's cursor is.
        where = Place(place.pane, place.record if shown and place.record is not None else pane.current())
        if record_history:
            self.history.visit(where)
        self._show_detail(where.record)
        self._mark(where.record)
        self._refresh_history_keys()
        return shown

    def _refresh_history_keys(self) -> None:
        """The footer offers Back and Forward only when they can act; rebuild it only then."""
        state = (self.history.can_go_back, self.history.can_go_forward)
        if state != self._history_keys:
            self._history_keys = state
            # At once, so that the key shows (or goes) in this key's frame, not a later one.
            self.query_one(KeyFooter).bindings_changed(self)
            self.refresh_bindings()

    def _mark(self, place: str | None) -> None:
        """Mark, in the other panes, the records linked to the selection (`marks_of`)."""
        for pane_id, marks in marks_of(self.brief, place).items():
            self.pane(pane_id).set_marks(marks)

    # -- reloading -------------------------------------------------------------

    def show_brief(self, brief: Brief) -> None:
        """A reloaded brief: keep the pane, the selection and the history where records remain."""
        if not self._shown:  # still mounting: replacing the panes' records now pulls them from under it
            self._reloaded = brief
            return
        with self._moving():
            self._show_brief(brief)

    def _show_brief(self, brief: Brief) -> None:
        self.brief = brief
        self.query_one("#problems-panel").display = False
        if self.party_filter is not None and self.party_filter not in brief:
            self.party_filter = None
        for pane in self.panes:
            pane.party_filter = self.party_filter
            pane.load(brief)
        self.history.keep_only(set(brief.records) | set(paragraph_places(brief)))
        place = self.history.current
        if place is not None:
            self.go(place, record_history=False)
        self._update_bar()

    def show_problems(self, problems: list) -> None:  # type: ignore[type-arg]
        self.query_one(ProblemsPanel).show_problems(problems, self.brief.path)

    # -- news from the panes ---------------------------------------------------

    def _highlighted(self, pane_id: str, place: str) -> None:
        """A pane's cursor moved (the reader moved it): follow it in the detail and the marks."""
        if pane_id != self.current_pane or self._routing or not self._started:
            return
        self.history.replace(Place(pane_id, place))
        self._show_detail(place)
        self._mark(place)

    def on_follow_link(self, message: FollowLink) -> None:
        self.go(Place(self.pane_for(message.target), message.target))

    def on_open_detail(self, message: OpenDetail) -> None:
        if not self.detail.display:
            self.detail.display = True
        self._focus_links()
        links = self.detail.links
        if links.targets and links.highlighted is None:
            links.action_first()

    # -- actions ---------------------------------------------------------------

    def action_show_pane(self, pane_id: str) -> None:
        self._end_reading()
        pane = self.pane(pane_id)
        if pane.ready:
            pane.reveal()  # filled for a round filter set while it was hidden, before its cursor is read
        self.go(Place(pane_id, pane.current() if pane.ready else None))  # (None: see _go)

    def action_cycle_pane(self, step: int) -> None:
        ids = [p.pane_id for p in PANES]
        self.action_show_pane(ids[(ids.index(self.current_pane) + step) % len(ids)])

    # -- a link by its number: `o`, then the number ----------------------------

    @property
    def link_digits(self) -> str | None:
        """The digits typed after `o` so far ("" right after it), or None when not choosing."""
        return self._link_number.digits

    def action_link_number(self) -> None:
        if not self.detail.links.targets:
            self.notify("This record has no links.", markup=False, timeout=2)
            return
        self._link_number.start()
        self._refresh_keys()

    def on_key(self, event: Key) -> None:
        """After `o`, digits (and enter) choose a link: they mean nothing else until then."""
        links = self.detail.links
        count = len(links.targets)
        typed = self._link_number.press(event.character, event.key, count)
        if typed is None:
            return
        if typed.swallow:
            event.stop()
            event.prevent_default()
        if typed.action == "light":
            links.highlight_link(typed.number)
        self._refresh_keys()
        if typed.action == "follow":
            links.action_follow_number(typed.number)
        elif typed.action == "missing":
            self.notify(f"No link {typed.number}: this record has {count}.", markup=False, timeout=3)

    def footer_prompt(self) -> str | None:
        """What the footer says while a link number is typed (KeyFooter)."""
        return self._link_number.prompt(len(self.detail.links.targets))

    def _refresh_keys(self) -> None:
        self.query_one(KeyFooter).bindings_changed(self)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # None, not False: the key does nothing, and the footer keeps it, hidden, to show
        # it again without a rebuild (KeyFooter).
        if action in ("cycle_round", "changes"):
            return True if self.case is not None else None
        if action == "back":
            return True if self.history.can_go_back else None
        if action == "forward":
            return True if self.history.can_go_forward else None
        if action == "leave_detail":
            return True if self.reading or self.in_detail() else None
        if action == "link_number":
            return True if self.detail.links.targets else None
        return True

    def action_back(self) -> None:
        place = self.history.back()
        if place is not None:
            self.go(place, record_history=False)
        self._refresh_history_keys()

    def action_forward(self) -> None:
        place = self.history.forward()
        if place is not None:
            self.go(place, record_history=False)
        self._refresh_history_keys()

    def action_search(self) -> None:
        from peacebrief.app.screens.search import Found, SearchScreen

        def jump(found: Found | None) -> None:
            if found is None:
                return
            if split_paragraph_id(found.target) is not None:
                self.pane("source").light(found.target, found.words)  # type: ignore[attr-defined]
            self.post_message(FollowLink(found.target))

        self.app.push_screen(SearchScreen(self.brief), jump)

    def _set_filter(self, party: str | None) -> None:
        self.party_filter = party
        with self._moving():
            for pane in self.panes:
                pane.set_filter(party)
        self._update_bar()

    def action_cycle_filter(self) -> None:
        order: list[str | None] = [None, *(p.id for p in self.brief.parties)]
        party = order[(order.index(self.party_filter) + 1) % len(order)]
        self._set_filter(party)
        pane = self.pane(self.current_pane)
        place = pane.current()
        self.history.replace(Place(self.current_pane, place))
        self._show_detail(place)
        self._mark(place)
        label = "all parties" if party is None else one_line(self.brief[party].label)
        self.notify(f"Showing {label}", title="Filter", markup=False, timeout=2)

    def review_walk(self) -> ReviewWalk:
        """The brief's review marks in the panes' order, made once per brief."""
        if self._walk[0] is not self.brief or self._walk[1] is None:
            from peacebrief.core.review import ReviewWalk  # on the first `n`: not before the first frame

            self._walk = (self.brief, ReviewWalk.of(self.brief))
        return self._walk[1]  # type: ignore[return-value]

    def action_review(self, step: int) -> None:
        """Go to the next (1) or previous (-1) record with a review mark, in any pane; 0: the first."""
        walk = self.review_walk()
        target = walk.marks[0] if step == 0 and walk.marks else walk.step(self.detail.place, step or 1)
        if target is None:
            self.notify("Nothing in this brief carries a review mark.", title="Review", markup=False, timeout=3)
            return
        self.post_message(FollowLink(target))
        # The note itself stands first in the detail panel: the notice only counts.
        self.notify(
            f"{walk.number(target)} of {len(walk.marks)} (n next, N previous)",
            title="To review",
            markup=False,
            timeout=3,
        )

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.width >= WIDE, "-wide")
        self.set_class(event.size.height < SHORT, "-short")
        if (event.size.width < COMPACT) != self._compact:
            self._compact = event.size.width < COMPACT
            self._update_bar()
