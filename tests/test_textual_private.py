"""The private Textual names the reader uses (app/textual_private.py) still mean what it
assumes: each test fails naming the name, so a Textual upgrade that changes one says so."""

from __future__ import annotations

import inspect

import textual
from textual.app import App, ComposeResult
from textual.geometry import Size
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input

from peacebrief.app.textual_private import (
    CursorFocus,
    QuietFocusScreen,
    SteadyScrollView,
    set_border_subtitle,
    set_virtual_size,
)

MODULE = "peacebrief/app/textual_private.py"


def parameters(function: object) -> list[str]:
    return list(inspect.signature(function).parameters)  # type: ignore[arg-type]


def test_widget_size_updated_still_takes_the_sizes_the_steady_view_overrides() -> None:
    assert hasattr(Widget, "_size_updated"), (
        f"Textual {textual.__version__} has no Widget._size_updated: {MODULE} overrides it"
    )
    assert parameters(Widget._size_updated) == ["self", "size", "virtual_size", "container_size", "layout"], (
        f"Textual {textual.__version__} changed Widget._size_updated{inspect.signature(Widget._size_updated)}: "
        f"{MODULE} overrides it as (size, virtual_size, container_size, layout)"
    )


def test_widget_scroll_update_still_takes_a_virtual_size() -> None:
    assert hasattr(Widget, "_scroll_update"), (
        f"Textual {textual.__version__} has no Widget._scroll_update: {MODULE} calls it"
    )
    assert parameters(Widget._scroll_update) == ["self", "virtual_size"], (
        f"Textual {textual.__version__} changed Widget._scroll_update{inspect.signature(Widget._scroll_update)}: "
        f"{MODULE} calls it with a virtual size"
    )


def test_screen_focused_is_still_a_reactive_the_quiet_screen_can_redefine() -> None:
    theirs = Screen.__dict__.get("focused")
    assert isinstance(theirs, Reactive), (
        f"Textual {textual.__version__}: Screen.focused is no longer a Reactive ({type(theirs).__name__}): "
        f"{MODULE} redefines it without the repaint"
    )
    ours = QuietFocusScreen.__dict__["focused"]
    assert ours._repaint is False and ours._default is theirs._default, f"{MODULE}: QuietFocusScreen.focused drifted"


class Box(SteadyScrollView):
    def __init__(self) -> None:
        super().__init__()
        self.resized: list[Size] = []

    def resized_in_layout(self) -> None:
        self.resized.append(self.outer_size)


class BoxApp(App[None]):
    CSS = "Box { width: 30; height: 10; }"

    def compose(self) -> ComposeResult:
        yield Box()


async def test_textual_still_calls_them_as_the_reader_needs() -> None:
    """Laid out, the box hears of its size in the layout; a new virtual size, set without
    a layout, shows in its scroll bar; moving the focus still sets the quiet reactive."""
    app = BoxApp()
    async with app.run_test(size=(80, 24)) as pilot:
        box = app.query_one(Box)
        assert box.resized == [Size(30, 10)], (
            f"Textual {textual.__version__} no longer calls _size_updated in the layout ({MODULE})"
        )
        assert box.max_scroll_y == 0
        set_virtual_size(box, Size(30, 100))
        await pilot.pause()
        assert box.virtual_size == Size(30, 100) and box.max_scroll_y > 0, (
            f"Textual {textual.__version__}: _scroll_update no longer updates the scrolling ({MODULE})"
        )
        screen = QuietScreen()
        await app.push_screen(screen)
        await pilot.pause()
        assert screen.focused is screen.query_one(Input), (
            f"Textual {textual.__version__} no longer sets Screen.focused as {MODULE} redefines it"
        )


class QuietScreen(QuietFocusScreen):
    def compose(self) -> ComposeResult:
        yield Input()


def test_widget_focus_handlers_are_still_the_ones_cursor_focus_stands_in_for() -> None:
    for name in ("_on_focus", "_on_blur"):
        handler = Widget.__dict__.get(name)
        assert handler is not None and parameters(handler) == ["self", "event"], (
            f"Textual {textual.__version__} changed Widget.{name}: {MODULE} (CursorFocus) does its work in its place"
        )
        source = inspect.getsource(handler)
        assert "has_focus" in source and "Descendant" in source, (
            f"Textual {textual.__version__}: Widget.{name} does more or other than {MODULE} (CursorFocus) does in its place"
        )


class Cursor(CursorFocus, can_focus=True):
    def __init__(self) -> None:
        super().__init__()
        self.whole_repaints = 0

    def refresh(self, *regions, **kwargs):  # type: ignore[no-untyped-def]
        if not regions and kwargs.get("repaint", True):
            self.whole_repaints += 1
        return super().refresh(*regions, **kwargs)


class Holder(Widget):
    def __init__(self) -> None:
        super().__init__()
        self.heard: list[str] = []

    def compose(self) -> ComposeResult:
        yield Cursor()
        yield Cursor()

    def on_descendant_focus(self) -> None:
        self.heard.append("focus")

    def on_descendant_blur(self) -> None:
        self.heard.append("blur")


class HolderApp(App[None]):
    AUTO_FOCUS = None

    def compose(self) -> ComposeResult:
        yield Holder()


async def test_cursor_focus_moves_the_focus_without_a_whole_repaint() -> None:
    app = HolderApp()
    async with app.run_test(size=(40, 10)) as pilot:
        holder = app.query_one(Holder)
        first, second = app.query(Cursor)
        await pilot.pause()
        first.whole_repaints = second.whole_repaints = 0
        holder.heard.clear()
        first.focus()
        await pilot.pause()
        second.focus()
        await pilot.pause()
        assert app.focused is second and second.has_focus and not first.has_focus, (
            f"Textual {textual.__version__}: CursorFocus no longer keeps has_focus as Textual's handlers did ({MODULE})"
        )
        assert sorted(holder.heard) == ["blur", "focus", "focus"], (
            f"the parent no longer hears of the focus ({MODULE}): {holder.heard}"
        )
        assert first.whole_repaints == second.whole_repaints == 0, (
            f"Textual {textual.__version__}: a move of the focus repaints a CursorFocus widget whole again ({MODULE})"
        )


class ScrolledBox(SteadyScrollView):
    DEFAULT_CSS = "ScrolledBox { width: 30; height: 10; overflow-y: scroll; overflow-x: hidden; }"


class ScrolledApp(App[None]):
    def compose(self) -> ComposeResult:
        yield ScrolledBox()


async def test_a_layout_that_keeps_a_steady_view_size_leaves_its_scroll_bar_alone() -> None:
    app = ScrolledApp()
    async with app.run_test(size=(80, 24)) as pilot:
        box = app.query_one(ScrolledBox)
        set_virtual_size(box, Size(30, 100))
        await pilot.pause()
        bar = box.vertical_scrollbar
        repaints: list[int] = []
        original = bar.refresh
        bar.refresh = lambda *regions, **kwargs: repaints.append(1) or original(*regions, **kwargs)  # type: ignore[method-assign]
        app.screen.refresh(layout=True)
        await pilot.pause()
        assert repaints == [], (
            f"Textual {textual.__version__}: a layout that keeps the box's size repaints its scroll bar ({MODULE})"
        )
        assert box.max_scroll_y == 90, "the box's own virtual size was lost in the layout"


def test_widget_still_keeps_its_border_subtitle_where_set_border_subtitle_writes_it() -> None:
    widget = Widget()
    widget.border_subtitle = "12 of 40"
    kept = getattr(widget, "_border_subtitle", None)
    assert kept is not None and kept.plain == "12 of 40", (
        f"Textual {textual.__version__} no longer keeps border_subtitle in Widget._border_subtitle: "
        f"{MODULE} (set_border_subtitle) writes it there"
    )
    set_border_subtitle(widget, "3 of 40")
    assert widget.border_subtitle == "3 of 40", f"{MODULE}: set_border_subtitle no longer sets the subtitle"


class Titled(Widget):
    DEFAULT_CSS = "Titled { border: round white; width: 30; height: 6; }"


class TitledApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Titled()


async def test_a_subtitle_set_quietly_shows_on_the_bottom_line_and_nowhere_else() -> None:
    app = TitledApp()
    async with app.run_test(size=(40, 10)) as pilot:
        box = app.query_one(Titled)
        box.border_subtitle = "first"
        await pilot.pause()
        set_border_subtitle(box, "second")
        await pilot.pause()
        lines = [strip.text for strip in app.screen._compositor.render_strips()]
        assert "second" in lines[5] and "first" not in "".join(lines), (
            f"Textual {textual.__version__}: a subtitle set by {MODULE} (set_border_subtitle) does not show"
        )
