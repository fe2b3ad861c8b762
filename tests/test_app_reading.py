"""Nothing cut that fits: every quote's words and every position's stance whole on screen.

For every quote and position of the bundled brief and of the test brief, at 120x40 and
200x50, the row that shows it (in Quotes, in its party's Delegations column) holds its
words in full, with no ellipsis."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import BUNDLED_BRIEF, HARBOUR_BRIEF
from peacebrief.app.widgets.record_list import RecordList
from peacebrief.core.citation import quoted_words
from peacebrief.core.visible import one_line
from test_app import reader, wait_for


@pytest.fixture(autouse=True)
def own_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


def squash(text: str) -> str:
    return "".join(text.split())


def row_text(records: RecordList, record_id: str) -> str:
    """The lines on screen of the row that shows `record_id`."""
    row = list(records.ids).index(record_id)
    top = records.row_top(row) - int(records.scroll_y)
    assert 0 <= top and top + records.row_lines(row) <= records.size.height, f"{record_id} is not wholly in view"
    return "\n".join(records.render_line(top + n).text for n in range(records.row_lines(row)))


@pytest.mark.parametrize("size", [(120, 40), (200, 50)], ids=["120x40", "200x50"])
@pytest.mark.parametrize("path", [BUNDLED_BRIEF, HARBOUR_BRIEF], ids=["bundled", "harbour"])
async def test_every_quote_and_position_is_whole_on_screen(path: Path, size: tuple[int, int]) -> None:
    async with reader(path, size=size) as (app, pilot, screen):
        brief = screen.brief
        await pilot.press("3")
        quotes = screen.pane("quotes")
        for quote in brief.quotes:
            assert quotes.show(quote.id)
            await wait_for(pilot, lambda quote=quote: screen.detail.place == quote.id, quote.id)
            shown = row_text(quotes.records, quote.id)
            assert squash(quoted_words(quote)) in squash(shown), f"{quote.id} at {size}:\n{shown}"
            assert "…" not in shown.replace("…", "", quoted_words(quote).count("…")), (
                f"{quote.id} cut at {size}:\n{shown}"
            )
        await pilot.press("2")
        delegations = screen.pane("delegations")
        for position in brief.positions:
            assert delegations.show(position.id)
            column = next(c for c in delegations.columns if position.id in c.ids)
            await wait_for(
                pilot, lambda column=column, position=position: column.highlighted_id == position.id, position.id
            )
            await pilot.pause()
            shown = row_text(column, position.id)
            stance = one_line(position.stance)
            assert squash(stance) in squash(shown), f"{position.id} at {size}:\n{shown}"
            assert shown.count("…") == stance.count("…"), f"{position.id} cut at {size}:\n{shown}"
