"""The command palette (ctrl+p): jump to any record by name or words, or to a pane."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from peacebrief.app import render
from peacebrief.app.messages import FollowLink
from peacebrief.app.widgets.detail import link_label
from peacebrief.core.related import Related, split_paragraph_id
from peacebrief.core.search import SearchIndex

PALETTE_LIMIT = 40


class RecordCommands(Provider):
    """Every record of the open brief, found by the words it holds."""

    async def startup(self) -> None:
        from peacebrief.app.screens.brief import BriefScreen

        screen = self.screen if isinstance(self.screen, BriefScreen) else None
        if screen is None:
            for candidate in self.app.screen_stack:
                if isinstance(candidate, BriefScreen):
                    screen = candidate
        self.brief_screen = screen
        self.index = SearchIndex(screen.brief) if screen else None

    def _go(self, target: str) -> None:
        if self.brief_screen is not None:
            self.brief_screen.post_message(FollowLink(target))

    async def search(self, query: str) -> Hits:
        if self.brief_screen is None or self.index is None:
            return
        brief = self.brief_screen.brief
        matcher = self.matcher(query)
        for name, step, help_text in self._review_commands():
            score = matcher.match(name)
            if score > 0:  # "review", "next rev": the walk first, before the records
                yield Hit(
                    score,
                    matcher.highlight(name),
                    partial(self.brief_screen.action_review, step),
                    text=name,
                    help=help_text,
                )
        found = self.index.search(query, limit=PALETTE_LIMIT)
        for rid in found.ids:
            kind = "paragraph" if split_paragraph_id(rid) else brief[rid].kind
            text = f"{render.KIND_NAMES[kind]}: {link_label(brief, Related(rid, kind, ''))}"
            score = matcher.match(text) or 0.01
            # Content(text), not matcher.highlight(text): that parses the brief's words as markup.
            yield Hit(score, Content(text), partial(self._go, rid), text=text, help=f"go to {kind} {rid}")

    def _review_commands(self) -> list[tuple[str, int, str]]:
        """(name, step, help) of the review walk's commands, when the brief has marks."""
        screen = self.brief_screen
        if screen is None:
            return []
        count = len(screen.review_walk().marks)
        if not count:
            return []
        marks = f"{count} review mark{'s' * (count != 1)}"
        return [
            ("Next to review", 1, f"key n: the next of {marks}"),
            ("Previous to review", -1, f"key N: the previous of {marks}"),
        ]

    async def discover(self) -> Hits:
        if self.brief_screen is None:
            return
        for name, step, help_text in self._review_commands():
            yield DiscoveryHit(name, partial(self.brief_screen.action_review, step), help=help_text)
        from peacebrief.app.widgets.panes import PANES

        for pane in PANES:
            number, name = pane.title.split(" ", 1)
            yield DiscoveryHit(
                f"Show {name}",
                partial(self.brief_screen.action_show_pane, pane.pane_id),
                help=f"key {number}",
            )
