"""What the reader takes out of the main screen: the digest (`e`) and a record with its citation (`y`).

A part of `BriefScreen` (mixed into it): it uses the screen's brief, party filter, case
and detail panel.
"""

from __future__ import annotations

from peacebrief.app.render import clip
from peacebrief.core.citation import paragraph_plaintext, record_plaintext
from peacebrief.core.related import split_paragraph_id
from peacebrief.core.visible import visible


class TakeAway:
    """Export the digest (a file, or in a browser a download) and copy the selection."""

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
