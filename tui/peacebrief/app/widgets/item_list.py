"""A focusable list of items of any height, with a cursor over those that can be chosen."""

from __future__ import annotations

import sys
from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, replace

from rich.console import RenderableType
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip

from peacebrief.app.textual_private import set_virtual_size
from peacebrief.app.widgets.line_box import LineBox


@dataclass(frozen=True, slots=True)
class Item:
    """One entry: what to draw, and the id the cursor reports (None: a heading, passed over).

    A `label` (a number, say) sits in a gutter of `gutter` cells left of the content, so
    that wrapped lines of the content stay clear of it."""

    content: RenderableType
    id: str | None = None
    label: Text | None = None
    gutter: int = 0


class ItemList(LineBox, can_focus=True):
    """Items rendered once per change of content or width, each kept as its own lines.

    Textual's OptionList re-measures every option when it is shown or resized and
    re-lays out the screen when its options change; a source of a hundred paragraphs
    cost a pane switch 80 ms. Here a cursor move re-renders two items, a new set of
    items only this box, and showing the list again nothing at all.

    Items are rendered from the top only as far as the view shows: the rest as the list scrolls or the cursor goes there. Rendering all fifty
    results of a search cost each keystroke about 2 ms per result, most of the
    keystroke on the 1k brief (cProfile); the scroll bar counts the items not yet
    rendered at the height of those that are. A short list is drawn whole.
    """

    COMPONENT_CLASSES = {"item-list--cursor", "item-list--cursor-blurred"}

    DEFAULT_CSS = """
    ItemList > .item-list--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
    }
    ItemList > .item-list--cursor-blurred {
        background: $block-cursor-blurred-background;
    }
    """

    BINDINGS = [
        Binding("up,k", "cursor(-1)", "Up", show=False, id="items.up"),
        Binding("down,j", "cursor(1)", "Down", show=False, id="items.down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="items.page_up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="items.page_down"),
        Binding("home,g", "first", "First", show=False, id="items.first"),
        Binding("end,G", "last", "Last", show=False, id="items.last"),
        Binding("enter", "select", "Open", show=False, id="items.open"),
    ]

    highlighted: reactive[int | None] = reactive(None, init=False)
    """The index of the item under the cursor, or None."""

    class _ItemMessage(Message):
        def __init__(self, item_list: ItemList, item: Item) -> None:
            super().__init__()
            self.item_list = item_list
            self.item = item

        @property
        def control(self) -> ItemList:
            return self.item_list

    class Selected(_ItemMessage):
        """Enter, or a click, on an item."""

    def __init__(
        self,
        *,
        on_highlight: Callable[[Item], None] | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._on_highlight = on_highlight  # told in the same turn (see RecordList._report)
        self._items: list[Item] = []
        self._index: dict[str, int] = {}
        self._rendered: dict[int, list[Strip]] = {}  # item -> its lines without the cursor
        self._memo: OrderedDict[Hashable, dict[int, list[Strip]]] = OrderedDict()  # see set_items
        self._tops: list[int] = []  # item -> its first line

    # -- contents --------------------------------------------------------------

    @property
    def items(self) -> Sequence[Item]:
        return self._items

    @property
    def highlighted_item(self) -> Item | None:
        index = self.highlighted
        return self._items[index] if index is not None and 0 <= index < len(self._items) else None

    def index_of(self, item_id: str) -> int | None:
        return self._index.get(item_id)

    MEMO = 16  # sets of items whose rendered lines are kept (more cost every full collection of the GC)

    def set_items(self, items: Sequence[Item], *, key: Hashable | None = None) -> None:
        """Replace the items; the cursor goes off (set `highlighted` to put it back).

        Items given with a `key` are drawn at once when given again with it (the same
        key must mean the same items): the lines of the last few sets are kept."""
        self._items = list(items)
        self._index = {item.id: n for n, item in enumerate(self._items) if item.id is not None}
        if key is None:
            self._rendered = {}
        else:
            self._rendered = self._memo.setdefault(key, {})
            self._memo.move_to_end(key)
            while len(self._memo) > self.MEMO:
                self._memo.popitem(last=False)
        self.set_reactive(ItemList.highlighted, None)
        self.redraw()
        self.scroll_to(y=0, animate=False)

    def replace_item(self, index: int, content: RenderableType) -> None:
        """Draw one item anew (its height may change)."""
        self._items[index] = replace(self._items[index], content=content)
        self._rendered.pop(index, None)
        self.redraw()

    # -- rendering -------------------------------------------------------------

    def _render_item(self, index: int, style: Style) -> list[Strip]:
        item = self._items[index]
        console = self.app.console
        width = self.line_width
        gutter = min(item.gutter, width // 2)
        options = console.options.update(width=width - gutter, highlight=False)
        lines = console.render_lines(item.content, options, style=style)
        if gutter:
            label = console.render_lines(item.label or Text(), options.update(width=gutter), style=style)[0]
            blank = [Segment(" " * gutter, style)]
            lines = [[*(label if n == 0 else blank), *line] for n, line in enumerate(lines)]
        return [Strip(line, width) for line in lines]

    def rebuild(self) -> list[Strip]:
        lines: list[Strip] = []
        self._tops = []
        self._grow(lines, int(self.scroll_y) + self._ahead(), -1 if self.highlighted is None else self.highlighted)
        return lines

    EAGER = 24  # items a list draws whole at once, its scroll bar exact (a record's links, a short source)

    def _ahead(self) -> int:
        """How many lines past the top of the view to have rendered: the view, and a line
        (a list that scrolls renders what comes into view as it comes); a short list, all."""
        return sys.maxsize if len(self._items) <= self.EAGER else max(1, self.view_size.height) + 1

    def _grow(self, lines: list[Strip], line: int, index: int = -1) -> None:
        """Render items after those in `lines` until `lines` holds line `line` and item `index`."""
        base = self.rich_style
        next_item = len(self._tops)
        while next_item < len(self._items) and (len(lines) <= line or next_item <= index):
            self._tops.append(len(lines))
            if next_item == self.highlighted:
                cursor = "item-list--cursor" if self.has_focus else "item-list--cursor-blurred"
                lines += self._render_item(next_item, base + self.get_component_rich_style(cursor))
            else:
                if next_item not in self._rendered:
                    self._rendered[next_item] = self._render_item(next_item, base)
                lines += self._rendered[next_item]
            next_item += 1

    def _reach(self, line: int, index: int = -1) -> None:
        """Have line `line` and item `index` rendered, and size the scroll bar anew if that took more."""
        if not (self.is_mounted and self.line_width) or len(self._tops) == len(self._items):
            return
        if line >= len(self._lines) or index >= len(self._tops):
            self._grow(self._lines, line, index)
            set_virtual_size(self, Size(self.line_width, self.content_height()))
            self.refresh()

    def content_height(self) -> int:
        done, lines = len(self._tops), len(self._lines)
        if not done or done == len(self._items):
            return lines
        return lines + round(lines / done * (len(self._items) - done))

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        self._reach(int(new) + self._ahead())

    def resized_in_layout(self) -> None:
        super().resized_in_layout()
        self._reach(int(self.scroll_y) + self._ahead())  # a taller box shows more items

    def forget(self) -> None:
        self._rendered = {}
        self._memo.clear()

    def look(self) -> Hashable:
        return (
            self.rich_style,
            self.get_component_rich_style("item-list--cursor"),
            self.get_component_rich_style("item-list--cursor-blurred"),
        )

    # -- the cursor ------------------------------------------------------------

    def watch_highlighted(self) -> None:
        self.redraw()
        self.scroll_to_highlight()
        item = self.highlighted_item
        if item is not None and item.id is not None and self._on_highlight is not None:
            self._on_highlight(item)

    def _span(self, index: int) -> tuple[int, int]:
        """The first line of an item and the line after its last."""
        end = self._tops[index + 1] if index + 1 < len(self._tops) else len(self.lines)
        return self._tops[index], end

    def scroll_to_highlight(self, *, top: bool = False) -> None:
        if self.highlighted is None:
            return
        self._reach(0, self.highlighted)
        if self.highlighted >= len(self._tops):
            return
        first, end = self._span(self.highlighted)
        height = max(1, self.view_size.height)
        if top or first < self.scroll_y:
            self.scroll_to(y=first, animate=False)
        elif end > self.scroll_y + height:
            self.scroll_to(y=min(first, end - height), animate=False)

    def _choosable(self) -> list[int]:
        return [n for n, item in enumerate(self._items) if item.id is not None]

    def action_cursor(self, step: int) -> None:
        choosable = self._choosable()
        if not choosable:
            return
        if self.highlighted is None or self.highlighted not in choosable:
            self.highlighted = choosable[0] if step > 0 else choosable[-1]
            return
        at = choosable.index(self.highlighted)
        self.highlighted = choosable[max(0, min(len(choosable) - 1, at + step))]

    def action_page(self, direction: int) -> None:
        if self.highlighted is None or not self._tops:
            self.action_cursor(direction)
            return
        height = max(1, self.view_size.height)
        target = self._tops[self.highlighted] + direction * height
        self._reach(target)
        line = max(0, min(len(self.lines) - 1, target))
        index = max(0, bisect_right(self._tops, line) - 1)
        choosable = self._choosable()
        after = [n for n in choosable if (n >= index if direction > 0 else n <= index)]
        if after:
            self.highlighted = after[0] if direction > 0 else after[-1]
        else:
            self.action_last() if direction > 0 else self.action_first()

    def action_first(self) -> None:
        choosable = self._choosable()
        if choosable:
            self.highlighted = choosable[0]

    def action_last(self) -> None:
        choosable = self._choosable()
        if choosable:
            self._reach(0, choosable[-1])
            self.highlighted = choosable[-1]

    def action_select(self) -> None:
        item = self.highlighted_item
        if item is not None and item.id is not None:
            self.post_message(self.Selected(self, item))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)  # below a border-top, event.y is one more
        if offset is None:
            return
        line = int(self.scroll_y) + offset.y
        if not self._tops or not 0 <= line < len(self.lines):
            return
        index = bisect_right(self._tops, line) - 1
        if self._items[index].id is not None:
            self.highlighted = index
            self.action_select()

    def watch_has_focus(self, has_focus: bool) -> None:
        # Textual restyles a widget whenever it gains or loses the focus, for `:focus`
        # rules, and the restyle repaints its scroll bar a frame after the key's. No rule
        # looks at an ItemList's focus: its cursor colour is picked here, in code. (Here,
        # not in on_focus: that runs before Textual sets `has_focus`, and drew the cursor
        # as blurred; a first Resize used to draw it again, a pane laid out in advance
        # gets none.)
        self.redraw()
