"""The orders the reader lists quotes in: by date (the undated last, as the digest sorts
them), by speaker, or as they stand in the sources."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from peacebrief.core.model import Brief, Quote
from peacebrief.core.visible import one_line

QUOTE_ORDERS = ("date", "speaker", "source")
ORDER_NAMES = {"date": "by date", "speaker": "by speaker", "source": "in source order"}


def _date_key(quote: Quote) -> tuple[int, tuple[dt.date, int], bool]:
    # On the same day "3 Feb" comes before "c. 3 Feb"; the undated last.
    if quote.said is None:
        return (1, (dt.date.max, 0), False)
    return (0, quote.said.sort_key(), quote.said.approximate)


def order_quotes(brief: Brief, quotes: Iterable[Quote], order: str) -> list[Quote]:
    """`quotes` in `order` (one of QUOTE_ORDERS); ties keep the brief's order."""
    quotes = list(quotes)
    if order == "date":
        return sorted(quotes, key=_date_key)
    if order == "speaker":

        def speaker(quote: Quote) -> str:
            record = brief.get(quote.speaker)
            return one_line(record.label).casefold() if record else quote.speaker

        names = {q.speaker: speaker(q) for q in quotes}
        return sorted(quotes, key=lambda q: (names[q.speaker], _date_key(q)))
    if order == "source":
        position = {source.id: n for n, source in enumerate(brief.sources)}
        return sorted(quotes, key=lambda q: (position.get(q.source.source, len(position)), q.source.start))
    raise ValueError(f"no such order: {order!r} (one of {', '.join(QUOTE_ORDERS)})")
