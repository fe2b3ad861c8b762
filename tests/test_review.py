"""Walking the review marks: the order `n`/`N` (and the palette) move in, across panes."""

from __future__ import annotations

import dataclasses

from peacebrief.core import Brief
from peacebrief.core.review import ReviewWalk, walk_order


def with_marks(brief: Brief, ids: set[str]) -> Brief:
    """`brief` with a review mark on exactly the records `ids`."""

    def marked(record):  # type: ignore[no-untyped-def]
        return dataclasses.replace(record, review="check this" if record.id in ids else None)

    records = {rid: marked(r) for rid, r in brief.records.items()}
    return dataclasses.replace(
        brief,
        records=records,
        events=tuple(records[e.id] for e in brief.events),
        quotes=tuple(records[q.id] for q in brief.quotes),
        people=tuple(records[p.id] for p in brief.people),
        positions=tuple(records[p.id] for p in brief.positions),
        parties=tuple(records[p.id] for p in brief.parties),
        issues=tuple(records[i.id] for i in brief.issues),
        sources=tuple(records[s.id] for s in brief.sources),
    )


def test_the_bundled_mark_is_reached_from_anywhere(bundled_brief: Brief) -> None:
    walk = ReviewWalk.of(bundled_brief)
    assert walk.marks == ("ev-putin-grid-pause",)
    for start in (None, "q-peskov-doors", "ev-putin-grid-pause", "russia"):
        assert walk.step(start, 1) == walk.step(start, -1) == "ev-putin-grid-pause"


def test_next_and_previous_go_across_panes_and_wrap(bundled_brief: Brief) -> None:
    brief = with_marks(bundled_brief, {"ev-invasion-began", "zelenskyy", "q-trump-kept-word", "energy-strikes"})
    walk = ReviewWalk.of(brief)
    assert walk.marks == ("ev-invasion-began", "zelenskyy", "q-trump-kept-word", "energy-strikes")
    assert walk.step(None, 1) == "ev-invasion-began" and walk.step(None, -1) == "energy-strikes"
    assert walk.step("ev-invasion-began", 1) == "zelenskyy"
    assert walk.step("zelenskyy", 1) == "q-trump-kept-word"
    assert walk.step("energy-strikes", 1) == "ev-invasion-began"  # wraps
    assert walk.step("ev-invasion-began", -1) == "energy-strikes"
    # From a record without a mark: the next one after it in the walk, or the one before.
    assert walk.step("q-peskov-doors", 1) == "q-trump-kept-word"
    assert walk.step("q-peskov-doors", -1) == "zelenskyy"
    assert walk.number("q-trump-kept-word") == 3 and walk.number("q-peskov-doors") is None


def test_the_walk_holds_every_record_once(bundled_brief: Brief) -> None:
    ids = [r.id for r in walk_order(bundled_brief)]
    assert sorted(ids) == sorted(bundled_brief.records) and len(ids) == len(set(ids))


def test_no_marks_no_step(bundled_brief: Brief) -> None:
    walk = ReviewWalk.of(with_marks(bundled_brief, set()))
    assert walk.marks == () and walk.step("russia", 1) is None
