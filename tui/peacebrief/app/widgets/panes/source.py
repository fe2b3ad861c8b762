"""The source pane: a source document, paragraphs numbered, anchored words highlighted."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from peacebrief.app.messages import OpenDetail
from peacebrief.app.widgets.item_list import Item, ItemList
from peacebrief.app.widgets.panes.pane import Pane
from peacebrief.core.model import Brief, Quote
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
        spans: list[tuple[int, int, bool]] = []
        for rid in self.brief.links.by_paragraph.get((source_id, number), ()):
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


def _paragraph_label(number: int | None) -> Text:
    """`  ¶4 ` beside a paragraph; blanks beside a heading, which is not counted."""
    return Text(f"{f'¶{number}' if number else '':>4} ", style="dim")
