"""The main screen's case keys: the round filter (`[` `]`) and the changes view (`c`).

A part of `BriefScreen` (mixed into it): it uses the screen's panes, history and top
line; a plain brief (no case) leaves these keys without effect.
"""

from __future__ import annotations

from peacebrief.app.messages import FollowLink
from peacebrief.core.history import Place


class CaseRounds:
    """A case's rounds on the main screen: which the lists show, and the changes between them."""

    def _round_note(self) -> str | None:
        """`R2, 17 Apr 2026`: the round the filter shows, for the top line (which is all a
        round switch announces: a notice beside it cost the key a layout to show and one
        to take away)."""
        number, case = self.round_filter, self.case
        if number is None or case is None or not 1 <= number <= len(case.rounds):
            return None if number is None else f"R{number}"
        return f"R{number}, {case.rounds[number - 1].brief.as_of.display()}"

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
