"""The detail panel: the selected record in full, then its numbered links."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable

from rich.console import Group, RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.strip import Strip

from peacebrief.app import render
from peacebrief.app.messages import FollowLink
from peacebrief.app.widgets.item_list import Item, ItemList
from peacebrief.app.widgets.line_box import LineBox
from peacebrief.app.widgets.lit import LitBox
from peacebrief.core.model import Brief
from peacebrief.core.related import Related, RelatedSummary, related_summary, split_paragraph_id
from peacebrief.core.visible import one_line


def link_label(brief: Brief, item: Related) -> str:
    spot = split_paragraph_id(item.target)
    if spot is not None:
        source = brief.source(spot[0])
        text = source.document.paragraph_text(spot[1])
        where = f" of {render.clip(one_line(source.title), 30)}" if len(brief.sources) > 1 else ""
        return f"{source.document.place(spot[1])}{where}: {render.clip(one_line(text), 90)}"
    record = brief[item.target]
    if record.kind == "quote":
        speaker = brief.get(record.speaker)  # type: ignore[attr-defined]
        name = one_line(speaker.label) if speaker else ""
        return f"{name}: {one_line(record.label)}"
    if record.kind == "event":
        return f"{record.date.display()}  {one_line(record.label)}"  # type: ignore[attr-defined]
    if record.kind == "position":
        return (
            f"{one_line(brief[record.party].label)} on {one_line(brief[record.issue].label)}: {one_line(record.label)}"  # type: ignore[attr-defined]
        )
    return one_line(record.label)


LINKS_PER_KIND = 12  # more would make every move slow on a big brief, and help no one


class LinkList(ItemList):
    """The record's links, grouped by kind and numbered; Enter or a click follows one (and
    `o` then its number, from anywhere: BriefScreen). Digits are the pane keys here too."""

    BINDINGS = [
        Binding(
            "enter",
            "select",
            "Follow",
            id="links.follow",
            tooltip="follow the link under the cursor (a click on it does too)",
        ),
        Binding("up,k", "cursor(-1)", "Up", show=False, id="links.up"),
    ]

    def __init__(self) -> None:
        super().__init__(id="links")
        self.targets: list[str] = []
        self._brief: Brief | None = None
        self._lists: OrderedDict[str, tuple[list[Item], list[str], int]] = OrderedDict()  # see show_related

    def show_related(self, brief: Brief, place: str | None) -> None:
        """List what `place` links to and is linked from; the last few places' lists are kept,
        so that going back to one shows it at once (a party's took 25 ms to find and build)."""
        if brief is not self._brief:  # another brief: what was kept for the last one goes
            self._brief = brief
            self._lists.clear()
            self.forget()
        if place is None:
            self._show([Item(Text("No links.", style="dim italic"))], [], 0, key=None)
            return
        if place not in self._lists:
            self._lists[place] = self._build(brief, related_summary(brief, place, LINKS_PER_KIND))
            while len(self._lists) > self.MEMO:  # as many as the item lines kept (ItemList.MEMO)
                self._lists.popitem(last=False)
        self._lists.move_to_end(place)
        self._show(*self._lists[place], key=place)

    def _show(self, entries: list[Item], targets: list[str], total: int, *, key: Hashable | None) -> None:
        self.targets = targets
        self.set_items(entries, key=key)
        self.border_title = f"Links ({total})"

    def _build(self, brief: Brief, found: RelatedSummary) -> tuple[list[Item], list[str], int]:
        """The list's entries, the targets of its numbers, and how many links there are in all."""
        entries: list[Item] = []
        targets: list[str] = []
        kind = None
        for item in found.shown:  # a few of each kind: a party may have thousands of quotes
            if item.kind != kind:
                if kind is not None:
                    entries.extend(self._more(found, kind))
                kind = item.kind
                entries.append(Item(Text(render.KIND_TITLES[kind], style="bold")))
            targets.append(item.target)
            number = len(targets)
            prompt = Text(link_label(brief, item), overflow="fold")
            prompt.append(f"  {item.how}", style="dim italic")
            entries.append(Item(prompt, f"link-{number}", label=Text(f"{number:>2} ", style="bold"), gutter=3))
        if kind is not None:
            entries.extend(self._more(found, kind))
        if not entries:
            entries.append(Item(Text("No links.", style="dim italic")))
        return entries, targets, found.total

    @staticmethod
    def _more(found: RelatedSummary, kind: str) -> list[Item]:
        """The line that counts the links of `kind` not listed, if any."""
        count = found.counts[kind] - LINKS_PER_KIND
        if count <= 0:
            return []
        what = render.KIND_TITLES[kind].lower()
        return [
            Item(Text(f"   … and {count:,} more {what}: find them with / or the party filter (f)", style="dim italic"))
        ]

    def highlight_link(self, number: int) -> None:
        index = self.index_of(f"link-{number}")
        if index is not None:
            self.highlighted = index

    def action_follow_number(self, number: int) -> None:
        if 1 <= number <= len(self.targets):
            self.post_message(FollowLink(self.targets[number - 1]))

    def on_item_list_selected(self, message: ItemList.Selected) -> None:
        message.stop()
        if message.item.id is not None:
            self.action_follow_number(int(message.item.id.removeprefix("link-")))

    def action_cursor(self, step: int) -> None:
        choosable = self._choosable()
        if step < 0 and (not choosable or self.highlighted in (None, choosable[0])):
            # Up from the first link: into the text above, as if it were one page.
            body = self.parent.query_one(DetailBody) if self.parent else None
            if body is not None:
                body.focus()
                return
        super().action_cursor(step)


class DetailBody(LineBox, can_focus=True):
    """The selected place in full: a Rich renderable, rendered once at the box's width.

    It takes the focus to be scrolled from the keyboard; down past its end goes on to
    the links, up from the first link comes back (LinkList.action_cursor)."""

    MEMO = 16  # places whose lines are kept: enough for the panes and a few steps back

    BINDINGS = [
        Binding("down,j", "line(1)", "Scroll", id="detail.down", tooltip="scroll the text of the detail panel"),
        Binding("up,k", "line(-1)", "Scroll", id="detail.up"),
        Binding("pagedown,space", "page(1)", "Page down", show=False, id="detail.page_down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="detail.page_up"),
        Binding("home,g", "edge(-1)", "Top", show=False, id="detail.top"),
        Binding("end,G", "edge(1)", "Bottom", show=False, id="detail.bottom"),
        Binding(
            "enter", "links", "Links", id="detail.links", tooltip="on to the links (so does j past the end of the text)"
        ),
    ]

    def _at_end(self) -> bool:
        return self.scroll_y >= self.max_scroll_y

    def action_line(self, step: int) -> None:
        if step > 0 and self._at_end():
            self.action_links()
            return
        self.scroll_to(y=self.scroll_y + step, animate=False)

    def action_page(self, step: int) -> None:
        if step > 0 and self._at_end():
            self.action_links()
            return
        self.scroll_to(y=self.scroll_y + step * max(1, self.view_size.height - 1), animate=False)

    def action_edge(self, step: int) -> None:
        self.scroll_to(y=0 if step < 0 else self.max_scroll_y, animate=False)

    def action_links(self) -> None:
        """On to the links, the cursor on the first."""
        links = self.parent.query_one(LinkList) if self.parent else None
        if links is not None:
            links.focus()
            if links.targets and links.highlighted is None:
                links.action_first()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._make: Callable[[], RenderableType] = Text
        self._key: Hashable | None = None
        self._memo: OrderedDict[Hashable, list[Strip]] = OrderedDict()

    @property
    def text(self) -> str:
        """Every line as shown (some may be scrolled out of view)."""
        return "\n".join(line.text.rstrip() for line in self.lines)

    def show(self, renderable: RenderableType, *, key: Hashable | None = None) -> None:
        """Show `renderable`; a `key` names it, so that the same key shows it again at once."""
        self.show_made(lambda: renderable, key=key)

    def show_made(self, make: Callable[[], RenderableType], *, key: Hashable | None = None) -> None:
        """Show what `make` returns, made only if the lines for `key` are not kept."""
        self._make = make
        self._key = key
        self.redraw()
        self.scroll_to(y=0, animate=False)

    def rebuild(self) -> list[Strip]:
        key = self._key
        if key is not None and key in self._memo:
            self._memo.move_to_end(key)
            return self._memo[key]
        console = self.app.console
        options = console.options.update(width=self.line_width, highlight=False)
        lines = [
            Strip(line, self.line_width)
            for line in console.render_lines(self._renderable(), options, style=self.rich_style)
        ]
        if key is not None:
            self._memo[key] = lines
            while len(self._memo) > self.MEMO:
                self._memo.popitem(last=False)
        return lines

    def _renderable(self) -> RenderableType:
        made = self._make()
        self._make = lambda: made  # made once, though rendered again at another width
        return made

    def forget(self) -> None:
        self._memo.clear()


class DetailPanel(LitBox, Vertical):
    """Shows one place (a record or a paragraph) in full, with its links."""

    def __init__(self) -> None:
        super().__init__(id="detail")
        self.place: str | None = None
        self._brief: Brief | None = None

    def compose(self) -> ComposeResult:
        yield DetailBody(id="detail-body")
        yield LinkList()

    box_title = "Detail"

    def on_mount(self) -> None:
        self.border_title = self.box_title

    @property
    def body(self) -> DetailBody:
        return self.query_one(DetailBody)

    @property
    def links(self) -> LinkList:
        return self.query_one(LinkList)

    def show_place(self, brief: Brief, place: str | None) -> None:
        if place == self.place and brief is self._brief:
            return  # already shown: a pane switch or a re-highlight re-sends the same place
        if brief is not self._brief:
            # The places seen last are kept, rendered, for going back to them (back,
            # forward, a pane switch): until another brief is loaded (the links see to
            # their own in show_related).
            self.body.forget()
        self._brief = brief
        self.place = place
        body = self.body
        if place is None:
            body.show(Text("Nothing selected.", style="dim italic"))
        elif place in brief or split_paragraph_id(place) is not None:
            body.show_made(lambda: self._detail_of(brief, place), key=place)
        self.links.show_related(brief, place)

    @staticmethod
    def _detail_of(brief: Brief, place: str) -> RenderableType:
        spot = split_paragraph_id(place)
        if spot is None:
            return render.detail(brief, brief[place])
        source = brief.source(spot[0])
        document = source.document
        kind = (
            f"PARAGRAPH {document.place(spot[1])}"
            if not document.is_heading(spot[1])
            else document.place(spot[1]).upper()
        )
        heading = Text(kind, style="dim")
        title = Text(one_line(source.title), style="bold")
        words = Text(one_line(source.document.paragraph_text(spot[1])))
        return Group(heading, title, Text(), words)
