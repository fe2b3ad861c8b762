"""Work in proportion to the input, never its square, where a brief's shape could make it so.

Each test builds the worst legitimate input for one place (issue 20, deliverable 2) at two
sizes, n and 4n, and counts the work done (or, where there is nothing to count, compares
CPU time with a generous bound: 4n costs at most 8 times n, where square work costs 16).
"""

from __future__ import annotations

import dataclasses
import gc
import random
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import write_brief
from peacebrief.core import links as links_module
from peacebrief.core import load_brief
from peacebrief.core.dates import parse_date
from peacebrief.core.digest.view import _words, same_words
from peacebrief.core.model import Brief, Quote
from peacebrief.core.related import related_summary


def cpu_seconds(work, repeat: int = 3) -> float:  # type: ignore[no-untyped-def]
    """The least CPU time of a few runs, the collector held off: the work's own cost."""
    best = float("inf")
    gc.collect()
    gc.disable()
    try:
        for _ in range(repeat):
            start = time.process_time()
            work()
            best = min(best, time.process_time() - start)
    finally:
        gc.enable()
    return best


# -- a source's backlinks: one record anchored in each of its paragraphs -----------------


def one_record_in_every_paragraph(tmp_path: Path, n: int) -> Brief:
    """An event with n anchors, one in each of the n paragraphs of its source."""
    source = "date 2026-01-01\n\n" + "\n\n".join(f"Paragraph {i:05d} was read." for i in range(n)) + "\n"
    evidence = "\n".join(f"      - 'Paragraph {i:05d} was'" for i in range(n))
    text = (
        "peacebrief: 1\nid: b\ntitle: B\nas_of: 2026-01-01\nsources:\n"
        "  - {id: src, title: S, path: doc.txt, published: 2026-01-01}\n"
        "parties:\n  - {id: a, name: A, role: party}\n"
        f"events:\n  - id: ev\n    date: 2026-01-01\n    title: E\n    evidence:\n{evidence}\n"
    )
    folder = tmp_path / str(n)
    folder.mkdir()
    return load_brief(write_brief(folder, text, {"doc.txt": source}))


def test_a_source_s_backlinks_look_at_each_anchor_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    looked_at = [0]
    anchors_of = links_module._anchors

    def counted(record):  # type: ignore[no-untyped-def]
        found = anchors_of(record)
        looked_at[0] += len(found)
        return found

    monkeypatch.setattr(links_module, "_anchors", counted)
    for n in (200, 800):
        brief = one_record_in_every_paragraph(tmp_path, n)
        looked_at[0] = 0

        summary = related_summary(brief, "src", 5)

        assert summary.counts == {"event": 1}
        assert len(brief.links.into("src")) == n  # one link for each anchor, as before
        assert looked_at[0] == 2 * n  # each of the event's anchors once per call (two calls here)


# -- the digest: quotes that repeat each other's words -----------------------------------


def _old_hosts(group: list[Quote]) -> dict[str, str]:
    """The digest's rule as it was first written, comparing every pair: the reference."""
    words = {q.id: _words(q) for q in group}
    host: dict[str, str] = {}
    for quote in group:
        mine = words[quote.id]
        holders = [
            other
            for other in group
            if other.id != quote.id
            and mine
            and mine in words[other.id]
            and (quote.said is None or other.said is None or quote.said == other.said)
            and (len(words[other.id]) > len(mine) or group.index(other) < group.index(quote))
        ]
        if holders:
            host[quote.id] = max(holders, key=lambda other: len(words[other.id])).id
    return host


def _quotes(brief: Brief, texts: list[str], days: list[str | None]) -> tuple[Quote, ...]:
    model = brief.quotes[0]
    return tuple(
        dataclasses.replace(model, id=f"q-{i}", text=text, said=None if day is None else parse_date(day))
        for i, (text, day) in enumerate(zip(texts, days, strict=True))
    )


def _entries(brief: Brief, quotes: tuple[Quote, ...]) -> list[tuple[str, ...]]:
    return [tuple(q.id for q in entry.records) for entry in same_words(brief, quotes)]


@settings(max_examples=300)
@given(
    texts=st.lists(
        st.lists(st.sampled_from(["we", "are", "ready", "Ready", "to", "sign", "“sign”", "."]), max_size=5).map(
            " ".join
        ),
        min_size=1,
        max_size=12,
    ),
    days=st.lists(st.sampled_from([None, "2026-01-01", "2026-01-02"]), min_size=12, max_size=12),
)
def test_repeated_quotes_join_the_entries_they_joined_when_every_pair_was_compared(
    bundled_brief: Brief, texts: list[str], days: list
) -> None:
    from peacebrief.core.digest import view

    quotes = _quotes(bundled_brief, texts, days[: len(texts)])

    assert view._hosts(list(quotes)) == _old_hosts(list(quotes))


@pytest.mark.parametrize("shape", ["near-duplicates", "nested", "random"])
def test_repeated_quotes_are_joined_in_time_in_proportion_to_the_quotes(bundled_brief: Brief, shape: str) -> None:
    common = "we are ready to sign the framework agreement on the river and the dams as soon as"
    rng = random.Random(7)

    def texts(n: int) -> list[str]:
        if shape == "near-duplicates":  # benchmarks/_shapes.py: all one speaker, one source
            return [f"{common} day {i:06d}" for i in range(n)]
        if shape == "nested":  # each quote's words hold the one before's
            return [" ".join(f"w{j}" for j in range(i % 50 + 1)) + f" {i // 50:04d}" for i in range(n)]
        return [" ".join(rng.choice(("we", "sign", "the", "dams", "soon")) for _ in range(8)) for _ in range(n)]

    def cost(n: int) -> float:
        quotes = _quotes(bundled_brief, texts(n), [None] * n)
        return cpu_seconds(lambda: same_words(bundled_brief, quotes))

    small, large = cost(500), cost(2000)

    assert large < 8 * small + 0.05, (small, large)  # square work: 16 times
