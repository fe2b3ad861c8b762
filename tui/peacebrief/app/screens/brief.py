"""The main screen: five panes, the detail panel, and the routing between them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.events import Click, Key, Resize
from textual.reactive import Reactive
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Static

from peacebrief.app.keymap import key_label
from peacebrief.app.messages import FollowLink, OpenDetail
from peacebrief.app.render import clip
from peacebrief.app.textual_private import QuietFocusScreen
from peacebrief.app.widgets.detail import DetailPanel
from peacebrief.app.widgets.footer import KeyFooter
from peacebrief.app.widgets.panes import PANES, Pane
from peacebrief.core.citation import paragraph_plaintext, record_plaintext
from peacebrief.core.history import History, Place
from peacebrief.core.model import Brief, Event, Quote
from peacebrief.core.related import split_paragraph_id
from peacebrief.core.visible import one_line, visible

if TYPE_CHECKING:
    from peacebrief.app.screens.changes import ChangesScreen
    from peacebrief.core.review import ReviewWalk

WIDE = 120  # from this many columns, the detail panel sits beside the pane
COMPACT = 80  # under this many columns, the top line names only the current pane
SHORT = 20  # under this many lines, the panes and the detail panel give up their minimum heights


class PaneBar(Static):
    """The top line: the brief, the pane keys (the current one lit) and the party filter.

    On a narrow screen only the current pane is named, and `? keys` says where the key
    help is (the footer has no room left to show it)."""

    _counted: tuple[Brief | None, int] = (None, 0)  # (brief, its review marks): counted once per brief

    def _review_count(self, brief: Brief) -> int:
        if self._counted[0] is not brief:
            self._counted = (brief, brief.review_count)
        return self._counted[1]

    _shown: tuple[Brief | None, tuple[object, ...]] = (None, ())
    review_span: tuple[int, int] | None = None  # cells of "⚑ N to review": a click there goes to the first
    _spans: list[tuple[int, int, str]] = []  # (first cell, after the last, pane id) of each pane's name

    def show_state(
        self,
        brief: Brief,
        current: str,
        party: str | None,
        *,
        compact: bool = False,
        round_: str | None = None,
        keys: dict[str, str] | None = None,
        loading: str | None = None,
    ) -> None:
        keys = keys or {}
        state = (current, party, compact, round_, tuple(sorted(keys.items())), loading)
        if self._shown[0] is brief and self._shown[1] == state:
            return  # already says so (a brief is compared by identity: it may be huge)
        self._shown = (brief, state)
        text = Text()
        spans = []
        for pane in PANES:
            key = keys.get(pane.pane_id, pane.title.split(" ", 1)[0])
            style = "reverse bold" if pane.pane_id == current else ""
            start = text.cell_len
            text.append(
                f" {key} {pane.name_of()} " if pane.pane_id == current or not compact else f" {key} ", style=style
            )
            spans.append((start, text.cell_len, pane.pane_id))
        self._spans = spans
        if compact:
            text.append("  ? keys", style="bold")
        if loading is not None:
            text.append(f"  {loading}", style="italic")
        if party is not None:
            record = brief.get(party)
            text.append(f"  filter: {one_line(record.label) if record else party} (f)", style="bold italic")
        if round_ is not None:
            text.append(f"  round: {round_} ([ ])", style="bold italic")
        reviews = self._review_count(brief)
        self.review_span = None
        if reviews:
            text.append("  ")
            start = text.cell_len
            text.append(f"⚑ {reviews} to review", style="italic underline")
            self.review_span = (start, text.cell_len)
        text.append("  ")
        text.append(one_line(brief.title), style="bold")
        text.no_wrap = True
        text.overflow = "ellipsis"
        self.update(text, layout=False)  # one line, whatever it says: nothing else moves

    def pane_at(self, x: int) -> str | None:
        """The pane whose name is at cell `x` of the line."""
        return next((pane for start, end, pane in self._spans if start <= x < end), None)

    def on_click(self, event: Click) -> None:
        offset = event.get_content_offset(self)
        span = self.review_span
        if offset is not None and span is not None and span[0] <= offset.x < span[1]:
            event.stop()
            self.screen.action_review(0)  # type: ignore[attr-defined]
            return
        pane = self.pane_at(offset.x) if offset is not None else None
        if pane is not None:
            screen = self.screen
            if isinstance(screen, BriefScreen):
                screen.action_show_pane(pane)


class PaneSwitcher(ContentSwitcher):
    """Shows one pane. The switch needs no repaint of the switcher itself: the pane shown
    covers it (its repaint drew 38 lines that nothing saw, on every pane switch)."""

    current: Reactive[str | None] = Reactive(None, init=False, repaint=False)
    BLANK = True  # nor is anything of its own drawn: no border, no content, covered whole


class BriefScreen(QuietFocusScreen):
    BINDINGS = [
        Binding("1", "show_pane('timeline')", "Timeline", show=False, id="pane.timeline"),
        Binding("2", "show_pane('delegations')", "Delegations", show=False, id="pane.delegations"),
        Binding("3", "show_pane('quotes')", "Quotes", show=False, id="pane.quotes"),
        Binding("4", "show_pane('issues')", "Issues", show=False, id="pane.issues"),
        Binding("5", "show_pane('source')", "Source", show=False, id="pane.source"),
        Binding("tab", "cycle_pane(1)", "Next pane", show=False, id="pane.next", priority=True),
        Binding("shift+tab", "cycle_pane(-1)", "Previous pane", show=False, id="pane.previous", priority=True),
        Binding(
            "o",
            "link_number",
            "Link №",
            id="links.number",
            tooltip="follow a link of the selected record by its number: o, then the number (then enter, if a longer number starts with it)",
        ),
        Binding(
            "z",
            "reading",
            "Read",
            id="detail.read",
            tooltip="reading mode: the selected record and its links on the whole screen; z or esc gives it back",
        ),
        Binding(
            "escape",
            "leave_detail",
            "Pane",
            id="detail.leave",
            tooltip="from the detail panel or reading mode back to the pane",
        ),
        Binding(
            "d",
            "toggle_detail",
            "Detail",
            id="detail.toggle",
            tooltip="to the detail panel's text and back (in a narrow terminal: show or hide it)",
        ),
        Binding("backspace,alt+left", "back", "Back", id="history.back"),
        Binding("alt+right", "forward", "Forward", id="history.forward"),
        Binding("slash", "search", "Search", id="search.open"),
        Binding("f", "cycle_filter", "Filter", id="filter.cycle"),
        Binding("y", "copy", "Copy", id="record.copy"),
        Binding("n", "review(1)", "Next to review", show=False, id="review.next"),
        Binding("N", "review(-1)", "Previous to review", show=False, id="review.previous"),
        Binding("e", "export", "Export", id="export.open"),
        Binding("right_square_bracket", "cycle_round(1)", "Round", id="round.next"),
        Binding("left_square_bracket", "cycle_round(-1)", "Previous round", show=False, id="round.previous"),
        Binding("c", "changes", "Changes", id="changes.open"),
        Binding("r", "app.reload", "Reload", show=False, id="brief.reload"),
    ]

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
        self._link_digits: str | None = None  # after `o`: the digits of a link number typed so far
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
        yield PaneBar(id="pane-bar")
        with Horizontal(id="main"):
            with PaneSwitcher(initial=f"pane-{self.current_pane}", id="panes"):
                # Only the pane on screen: the other four join it right after the first
                # paint (_mount_hidden_panes). Mounted with it, they held it back 15 ms.
                yield self.pane(self.current_pane)
            yield self._detail
        yield Static(id="problems-panel")
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

    def _round_note(self) -> str | None:
        """`R2, 17 Apr 2026`: the round the filter shows, for the top line (which is all a
        round switch announces: a notice beside it cost the key a layout to show and one
        to take away)."""
        number, case = self.round_filter, self.case
        if number is None or case is None or not 1 <= number <= len(case.rounds):
            return None if number is None else f"R{number}"
        return f"R{number}, {case.rounds[number - 1].brief.as_of.display()}"

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
        if split_paragraph_id(place) is not None:
            return "source"
        record = self.brief.get(place)
        kind = record.kind if record else ""
        for pane_class in PANES:
            if kind in pane_class.kinds:
                return pane_class.pane_id
        return "issues" if kind == "position" else "timeline"

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
        """An event marks its quotes and parties; a quote marks its anchor and its event."""
        record = self.brief.get(place) if place else None
        if isinstance(record, Event):
            links = self.brief.links
            quotes = frozenset(links.referrers(record.id, "event")) if links else frozenset()
            self.pane("quotes").set_marks(quotes)
            self.pane("delegations").set_marks(frozenset(record.parties))
        elif isinstance(record, Quote):
            self.pane("source").set_marks(frozenset({record.id}))
            self.pane("timeline").set_marks(frozenset({record.event}) if record.event else frozenset())

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
        self.history.keep_only(set(brief.records) | {p for p in self._paragraph_places(brief)})
        place = self.history.current
        if place is not None:
            self.go(place, record_history=False)
        self._update_bar()

    @staticmethod
    def _paragraph_places(brief: Brief) -> list[str]:
        return [f"{s.id}#{n}" for s in brief.sources for n in range(1, len(s.document.paragraphs) + 1)]

    def show_problems(self, problems: list) -> None:  # type: ignore[type-arg]
        errors = [p for p in problems if p.severity == "error"]
        text = Text(
            f"The brief on disk has {len(errors)} error(s); showing the last good version. "
            "Fix the file and it reloads by itself.\n",
            style="bold",
        )
        for problem in errors[:8]:
            text.append(one_line(str(problem)) + "\n")
        if len(errors) > 8:
            text.append(
                f"… and {len(errors) - 8} more: run `peacebrief check {one_line(str(self.brief.path))}`", style="italic"
            )
        panel = self.query_one("#problems-panel", Static)
        panel.update(text)
        panel.display = True

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

    def in_detail(self) -> bool:
        """Whether the focus is in the detail panel (its text or its links)."""
        focused = self.focused
        return focused is not None and self.detail in focused.ancestors_with_self

    def _focus_body(self) -> None:
        self.detail.body.focus()
        self._light(self.detail)

    def action_toggle_detail(self) -> None:
        """To the detail's text; from it, back to the pane (in a narrow terminal the
        panel goes too, to give the pane the room, and comes back with the next `d`)."""
        detail = self.detail
        if not (detail.display and self.in_detail()):
            detail.display = True
            self._focus_body()
            return
        self._end_reading()
        if self.size.width < WIDE:
            detail.display = False
        self._focus_pane(self.pane(self.current_pane))

    def action_leave_detail(self) -> None:
        if self._end_reading() or self.in_detail():
            self._focus_pane(self.pane(self.current_pane))

    # -- reading mode: the selected record on the whole screen -----------------

    @property
    def reading(self) -> bool:
        return self.has_class("-reading")

    def action_reading(self) -> None:
        if self._end_reading():
            self._focus_pane(self.pane(self.current_pane))
            return
        self.add_class("-reading")
        self.detail.display = True
        self._focus_body()
        self._refresh_keys()

    def _end_reading(self) -> bool:
        """Give the screen back to the panes; False if it was not reading."""
        if not self.reading:
            return False
        self.remove_class("-reading")
        self._refresh_keys()
        return True

    # -- a link by its number: `o`, then the number ----------------------------

    @property
    def link_digits(self) -> str | None:
        """The digits typed after `o` so far ("" right after it), or None when not choosing."""
        return self._link_digits

    def action_link_number(self) -> None:
        if not self.detail.links.targets:
            self.notify("This record has no links.", markup=False, timeout=2)
            return
        self._link_digits = ""
        self._refresh_keys()

    def _end_link_number(self) -> None:
        self._link_digits = None
        self._refresh_keys()

    def on_key(self, event: Key) -> None:
        """After `o`, digits (and enter) choose a link: they mean nothing else until then."""
        digits = self._link_digits
        if digits is None:
            return
        links = self.detail.links
        count = len(links.targets)
        if event.character is not None and event.character.isdecimal() and event.character.isascii():
            event.stop()
            event.prevent_default()
            digits += event.character
            number = int(digits)
            if not 1 <= number <= count:
                self._end_link_number()
                self.notify(f"No link {number}: this record has {count}.", markup=False, timeout=3)
            elif number * 10 > count:  # no other link's number starts with these digits
                self._end_link_number()
                links.action_follow_number(number)
            else:
                self._link_digits = digits
                links.highlight_link(number)
                self._refresh_keys()
        elif event.key == "enter" and digits:
            event.stop()
            event.prevent_default()
            self._end_link_number()
            links.action_follow_number(int(digits))
        else:
            self._end_link_number()
            if event.key in ("escape", "backspace"):
                event.stop()
                event.prevent_default()

    def footer_prompt(self) -> str | None:
        """What the footer says while a link number is typed (KeyFooter)."""
        if self._link_digits is None:
            return None
        count = len(self.detail.links.targets)
        return f"Link number (1-{count}): {self._link_digits}▏ enter follows · esc cancels"

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

    @property
    def case(self):  # type: ignore[no-untyped-def]
        """The case this screen shows every round of, or None for a plain brief."""
        return getattr(self.app, "case", None)

    def _set_round(self, number: int | None) -> None:
        self.round_filter = number
        self._changes_at = None
        with self._moving():
            for pane in self.panes:
                pane.set_round(number)
        self._update_bar()

    def action_cycle_round(self, step: int) -> None:
        if self.case is None:
            return
        order: list[int | None] = [None, *range(1, len(self.case.rounds) + 1)]
        number = order[(order.index(self.round_filter) + step) % len(order)]
        self._set_round(number)
        pane = self.pane(self.current_pane)
        place = pane.current()
        self.history.replace(Place(self.current_pane, place))
        self._show_detail(place)
        self._mark(place)

    def _changes_round(self) -> int | None:
        """The later round of the changes view: the matrix's, else the filter's, else the latest."""
        issues = self.pane("issues")
        return getattr(issues, "matrix_round", None) or self.round_filter

    def action_changes(self) -> None:
        if self.case is None:
            self.notify("The changes view compares the rounds of a case: open a folder of briefs.", markup=False)
            return
        if len(self.case.rounds) < 2:
            if self.loading_note is not None:
                self.notify(f"The other rounds are still being read ({self.loading_note}).", markup=False, timeout=3)
            else:
                self.notify("This case has one round: nothing to compare it with yet.", markup=False)
            return
        from peacebrief.app.screens.changes import ChangesScreen

        # Reopened where it was left (a change followed, then back to the list), unless
        # the round filter moved meanwhile.
        until, highlighted = self._changes_at or (self._changes_round(), 0)
        # One view per case, installed so that closing it keeps it: a new one each time
        # composed, styled and laid out its widgets again (a third of the key's work).
        view = self._changes_view
        if view is None or view.case is not self.case:
            if view is not None:
                self.app.uninstall_screen(view)
            view = ChangesScreen(self.case, until=until, highlighted=highlighted)
            self.app.install_screen(view, name=f"changes-{id(view)}")
            self._changes_view = view
        else:
            view.show_rounds(until, highlighted)

        def follow(target: str | None) -> None:
            self._changes_at = (view.until, view.position)
            if target:
                self.post_message(FollowLink(target))

        self.app.push_screen(view, follow)

    def action_export(self) -> None:
        changes = None
        if self.case is not None and len(self.case.rounds) > 1:
            from peacebrief.core.changes import compare

            until = self._changes_round()
            changes = compare(self.case, until=until if until and until > 1 else None)
        if self.app.is_web:
            self._download(changes)
            return
        from peacebrief.app.screens.export import ExportScreen

        def done(path: object) -> None:
            if path is not None:
                self.notify(f"Digest written to {visible(str(path))}", title="Exported", markup=False, timeout=6)

        self.app.push_screen(ExportScreen(self.brief, self.party_filter, changes=changes), done)

    def _download(self, changes: object) -> None:
        from peacebrief.app.screens.download import DownloadScreen

        def done(name: str | None) -> None:
            if name is not None:
                self.notify(f"Downloading {visible(name)}", title="Exported", markup=False, timeout=6)

        self.app.push_screen(DownloadScreen(self.brief, self.party_filter, changes=changes), done)  # type: ignore[arg-type]

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

    def action_copy(self) -> None:
        place = self.detail.place
        if place is None:
            self.notify("Nothing selected to copy.", severity="warning", markup=False)
            return
        if self.app.is_web:
            from peacebrief.app.browser import NO_CLIPBOARD, clipboard_blocked

            if clipboard_blocked():
                self.notify(NO_CLIPBOARD, title="Cannot copy here", severity="warning", markup=False, timeout=10)
                return
        spot = split_paragraph_id(place)
        if spot is not None:
            text = paragraph_plaintext(self.brief, *spot)
        else:
            text = record_plaintext(self.brief, self.brief[place])
        self.app.copy_to_clipboard(text)
        first = text.splitlines()[0]
        self.notify(clip(first, 200), title="Copied with its citation", markup=False)

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.width >= WIDE, "-wide")
        self.set_class(event.size.height < SHORT, "-short")
        if (event.size.width < COMPACT) != self._compact:
            self._compact = event.size.width < COMPACT
            self._update_bar()
