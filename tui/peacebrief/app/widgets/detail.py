"""The detail panel: the selected record in full, then its numbered links."""

from __future__ import annotations

from collections import Counter

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from peacebrief.app import render
from peacebrief.app.messages import FollowLink
from peacebrief.core.model import Brief
from peacebrief.core.related import Related, related, split_paragraph_id
from peacebrief.core.visible import one_line


def link_label(brief: Brief, item: Related) -> str:
    spot = split_paragraph_id(item.target)
    if spot is not None:
        source = brief.source(spot[0])
        text = source.document.paragraph_text(spot[1])
        where = f" of {render.clip(one_line(source.title), 30)}" if len(brief.sources) > 1 else ""
        return f"¶{spot[1]}{where}: {render.clip(one_line(text), 90)}"
    record = brief[item.target]
    if record.kind == "quote":
        speaker = brief.get(record.speaker)  # type: ignore[attr-defined]
        name = one_line(speaker.label) if speaker else ""
        return f"{name}: {one_line(record.label)}"
    if record.kind == "event":
        return f"{record.date.display()}  {one_line(record.label)}"  # type: ignore[attr-defined]
    if record.kind == "position":
        return f"{one_line(brief[record.party].label)} on {one_line(brief[record.issue].label)}: {one_line(record.label)}"  # type: ignore[attr-defined]
    return one_line(record.label)


LINKS_PER_KIND = 12  # more would make every move slow on a big brief, and help no one


class LinkList(OptionList):
    """The record's links, grouped by kind and numbered; a number key follows one."""

    BINDINGS = [
        Binding(str(n), f"follow_number({n})", f"Link {n}", show=False, id=f"detail.link_{n}") for n in range(1, 10)
    ]

    def __init__(self) -> None:
        super().__init__(id="links")
        self.targets: list[str] = []

    def show_links(self, brief: Brief, items: tuple[Related, ...]) -> None:
        options: list[Option] = []
        self.targets = []
        kind = None
        shown = 0
        counts = Counter(item.kind for item in items)
        for item in items:
            if item.kind != kind:
                if kind is not None and counts[kind] > shown:
                    options.append(self._more(counts[kind] - shown, kind))
                kind, shown = item.kind, 0
                options.append(Option(Text(render.KIND_TITLES[kind], style="bold"), disabled=True))
            if shown == LINKS_PER_KIND:
                continue  # a party may have thousands of quotes: list a few, count the rest
            shown += 1
            self.targets.append(item.target)
            number = len(self.targets)
            # Plain Text, not a grid with a hanging indent: a grid is measured by rendering
            # it, for every link, on every move of the cursor.
            prompt = Text(f"{number:>2} ", style="bold", overflow="fold")
            prompt.append(link_label(brief, item))
            prompt.append(f"  {item.how}", style="dim italic")
            options.append(Option(prompt, id=f"link-{number}"))
        if kind is not None and counts[kind] > shown:
            options.append(self._more(counts[kind] - shown, kind))
        if not options:
            options.append(Option(Text("No links.", style="dim italic"), disabled=True))
        self.set_options(options)
        self.border_title = f"Links ({len(items)})"

    @staticmethod
    def _more(count: int, kind: str) -> Option:
        what = render.KIND_TITLES[kind].lower()
        return Option(Text(f"   … and {count:,} more {what}: find them with / or the party filter (f)", style="dim italic"),
                      disabled=True)

    def action_follow_number(self, number: int) -> None:
        if 1 <= number <= len(self.targets):
            self.post_message(FollowLink(self.targets[number - 1]))

    def on_option_list_option_selected(self, message: OptionList.OptionSelected) -> None:
        message.stop()
        if message.option.id and message.option.id.startswith("link-"):
            self.action_follow_number(int(message.option.id.removeprefix("link-")))


class DetailPanel(Vertical):
    """Shows one place (a record or a paragraph) in full, with its links."""

    def __init__(self) -> None:
        super().__init__(id="detail")
        self.place: str | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="detail-body"):
            yield Static(id="detail-text")
        yield LinkList()

    def on_mount(self) -> None:
        self.border_title = "Detail"

    @property
    def links(self) -> LinkList:
        return self.query_one(LinkList)

    def show_place(self, brief: Brief, place: str | None) -> None:
        if place == self.place and brief is getattr(self, "_brief", None):
            return  # already shown: a pane switch or a re-highlight re-sends the same place
        self._brief = brief
        self.place = place
        body = self.query_one("#detail-text", Static)
        if place is None:
            body.update(Text("Nothing selected.", style="dim italic"))
            self.links.show_links(brief, ())
            return
        spot = split_paragraph_id(place)
        if spot is not None:
            source = brief.source(spot[0])
            heading = Text(f"PARAGRAPH ¶{spot[1]}", style="dim")
            title = Text(one_line(source.title), style="bold")
            words = Text(one_line(source.document.paragraph_text(spot[1])))
            body.update(Group(heading, title, Text(), words))
        elif place in brief:
            body.update(render.detail(brief, brief[place]))
        self.query_one("#detail-body").scroll_home(animate=False)
        self.links.show_links(brief, related(brief, place))
