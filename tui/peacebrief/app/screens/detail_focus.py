"""The main screen's detail panel and reading mode: where the focus goes with `d`, `z` and esc.

A part of `BriefScreen` (mixed into it): it uses the screen's detail panel, panes and
footer, and the screen's own methods for focusing and lighting them.
"""

from __future__ import annotations

from peacebrief.app.screens.screen_sizes import WIDE


class DetailFocus:
    """To the detail panel and back, and reading mode: the selected record on the whole screen."""

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
