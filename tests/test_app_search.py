"""`/` in the reader: records and source paragraphs, ranked, the matched words lit.

Through Pilot, as a user types; waits are for what the screen shows, never for time.
"""

from __future__ import annotations

from rich.text import Text

from peacebrief.app.screens.search import KIND_WIDTH, LIT, SearchScreen
from peacebrief.core import Brief
from test_app import open_search, reader, screen_text, wait_for


def lit_words(content: object) -> list[str]:
    """The stretches of a result drawn in the search's lit style."""
    assert isinstance(content, Text)
    return [content.plain[span.start : span.end] for span in content.spans if str(span.style) == LIT]


async def test_the_box_says_what_it_searches_as_it_opens(bundled_brief: Brief) -> None:
    async with reader() as (app, pilot, screen):
        await open_search(pilot, app)
        records = sum(1 for _ in bundled_brief.all_records())
        paragraphs = sum(source.document.paragraph_count for source in bundled_brief.sources)
        hint = f"Type to search {records} records and the sources' {paragraphs} paragraphs."
        await wait_for(pilot, lambda: hint in screen_text(app), "the hint under the field")


async def test_a_paragraph_of_the_source_is_found_and_opens_with_its_words_lit(bundled_brief: Brief) -> None:
    async with reader() as (app, pilot, screen):
        search = await open_search(pilot, app)
        await pilot.press(*"social media")
        await wait_for(pilot, lambda: "1 found" in screen_text(app), "the count")
        [item] = search.results.items
        assert item.id == "dw-2026-02-04#1"
        assert item.label is not None and item.label.plain.strip() == "Paragraph"
        assert item.content.plain.startswith("¶1: ")  # type: ignore[union-attr]
        assert lit_words(item.content) == ["social", "media"]
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is screen and screen.current_pane == "source", "the Source pane")
        source = screen.pane("source")
        assert source.current() == "dw-2026-02-04#1"
        shown = source.paragraphs.highlighted_item
        assert shown is not None and lit_words(source._paragraph_text("dw-2026-02-04", 1, "underline", "reverse")) == [
            "social",
            "media",
        ]
        assert "PARAGRAPH ¶1" in screen.detail.body.text


async def test_words_in_a_title_or_a_quote_come_first(bundled_brief: Brief) -> None:
    async with reader() as (app, pilot, screen):
        search = await open_search(pilot, app)
        await pilot.press(*"grid")
        await wait_for(pilot, lambda: "found" in screen_text(app), "the results")
        ids = [item.id for item in search.results.items]
        assert ids[0] != "us" and ids.index("us") > ids.index("q-zelenskyy-power-grid")
        first = search.results.items[0]
        assert lit_words(first.content) == ["grid"]
        paragraphs = [item for item in search.results.items if "#" in (item.id or "")]
        assert paragraphs and all(lit_words(item.content) for item in paragraphs), (
            "a paragraph shows the words it holds"
        )


async def test_a_name_spelled_another_way_is_found_after_the_exact_ones(bundled_brief: Brief) -> None:
    async with reader() as (app, pilot, screen):
        search = await open_search(pilot, app)
        await pilot.press(*"Zelenskiy")
        await wait_for(pilot, lambda: "spelled another way" in screen_text(app), "the near matches")
        ids = [item.id for item in search.results.items]
        assert "zelenskyy" in ids
        assert "Zelenskyy" in lit_words(search.results.items[ids.index("zelenskyy")].content)


async def test_no_result_says_so(bundled_brief: Brief) -> None:
    async with reader() as (app, pilot, screen):
        search = await open_search(pilot, app)
        await pilot.press(*"qzxv")
        await wait_for(pilot, lambda: "0 found" in screen_text(app), "the count")
        assert search.results.items == []
        place = screen.detail.place
        await pilot.press("enter")  # nothing to go to: the box closes, the place stays
        await wait_for(pilot, lambda: app.screen is screen, "the box to close")
        assert screen.detail.place == place and not isinstance(app.screen, SearchScreen)


async def test_a_long_result_wraps_under_its_words(bundled_brief: Brief) -> None:
    async with reader(size=(80, 24)) as (app, pilot, screen):
        await open_search(pilot, app)
        await pilot.press(*"coldest")
        await wait_for(pilot, lambda: "found" in screen_text(app), "the results")
        lines = [line.rstrip() for line in screen_text(app).splitlines()]
        start = next(i for i, line in enumerate(lines) if "Quote" in line and "Zelenskyy" in line)
        body = lines[start].index("Volodymyr")
        assert lines[start + 1][body - 1 : body] == " " and lines[start + 1][body : body + 1].strip()
        assert body >= KIND_WIDTH


async def test_a_record_found_through_another_field_shows_that_field_with_its_words_lit(bundled_brief: Brief) -> None:
    async with reader() as (app, pilot, screen):
        search = await open_search(pilot, app)
        await pilot.press(*"abu dhabi")
        await wait_for(pilot, lambda: "found" in screen_text(app), "the results")
        uae = next(item for item in search.results.items if item.id == "uae")
        assert isinstance(uae.content, Text)
        title, why = uae.content.plain.split("\n")
        assert title == "United Arab Emirates"  # the name holds neither word: the summary does
        assert why.startswith("summary: ") and "Abu Dhabi" in why
        assert lit_words(uae.content) == ["Abu", "Dhabi"]
        assert all(lit_words(item.content) for item in search.results.items), "every result shows why it was found"


async def test_many_results_are_drawn_as_far_as_the_box_shows_and_the_rest_as_the_cursor_goes(
    bundled_brief: Brief,
) -> None:
    async with reader(size=(80, 24)) as (app, pilot, screen):
        search = await open_search(pilot, app)
        await pilot.press("e")
        await wait_for(pilot, lambda: "more not shown" in screen_text(app), "a full list of results")
        results = search.results
        assert len(results.items) == 50
        assert len(results.lines) <= results.view_size.height + 5, "only what the box shows is drawn"
        await pilot.press(*["down"] * 49)
        await wait_for(pilot, lambda: results.highlighted == 49, "the cursor on the last result")
        last = results.items[49].content
        assert isinstance(last, Text)
        shown = " ".join(screen_text(app).split())
        assert " ".join(last.plain.split())[-30:] in shown, "the last result is on screen"
        assert results.virtual_size.height == len(results.lines), "the scroll bar is sized for every line"
