"""The reader's history: a plain object, tested without the app."""

from __future__ import annotations

from peacebrief.core.history import History, Place

A = Place("timeline", "ev-a")
B = Place("quotes", "q-b")
C = Place("delegations", "c")
D = Place("source", "src#4")
E = Place("issues", "e")


def visited(*places: Place, limit: int = 500) -> History:
    history = History(limit=limit)
    for place in places:
        history.visit(place)
    return history


def test_empty_history_has_nowhere_to_go() -> None:
    history = History()
    assert history.current is None
    assert not history.can_go_back
    assert not history.can_go_forward
    assert history.back() is None
    assert history.forward() is None
    assert history.current is None


def test_first_visit_is_current_with_nowhere_to_go() -> None:
    history = visited(A)
    assert history.current == A
    assert not history.can_go_back
    assert not history.can_go_forward


def test_back_and_forward_walk_the_visits_in_order() -> None:
    history = visited(A, B, C)
    assert history.current == C
    assert history.can_go_back and not history.can_go_forward
    assert history.back() == B
    assert history.back() == A
    assert history.current == A
    assert not history.can_go_back and history.can_go_forward
    assert history.back() is None
    assert history.current == A  # a refused step does not move
    assert history.forward() == B
    assert history.forward() == C
    assert history.forward() is None
    assert history.current == C


def test_visit_after_back_drops_the_forward_places() -> None:
    history = visited(A, B, C)
    history.back()
    history.back()
    history.visit(D)
    assert history.current == D
    assert not history.can_go_forward
    assert history.back() == A
    assert history.forward() == D
    assert history.forward() is None


def test_visiting_the_current_place_again_adds_no_step() -> None:
    history = visited(A, B)
    history.visit(B)
    assert history.back() == A
    assert not history.can_go_back


def test_visiting_the_current_place_after_back_keeps_the_forward_places() -> None:
    history = visited(A, B)
    history.back()
    history.visit(A)  # e.g. the pane re-reports the place just restored
    assert history.current == A
    assert history.forward() == B


def test_same_record_in_another_pane_is_another_place() -> None:
    history = visited(Place("timeline", "x"), Place("source", "x"))
    assert history.can_go_back
    assert history.back() == Place("timeline", "x")


def test_place_without_record() -> None:
    history = visited(Place("issues"), A)
    assert history.back() == Place("issues", None)


def test_replace_changes_the_current_place_without_a_step() -> None:
    history = visited(A, B)
    history.replace(C)
    assert history.current == C
    assert history.back() == A
    assert history.forward() == C
    assert not history.can_go_forward


def test_replace_after_back_keeps_the_forward_places() -> None:
    history = visited(A, B, C)
    history.back()
    history.replace(D)  # moving the cursor within the restored pane
    assert history.current == D
    assert history.forward() == C
    assert history.back() == D
    assert history.back() == A


def test_replace_on_an_empty_history_visits() -> None:
    history = History()
    history.replace(A)
    assert history.current == A
    assert not history.can_go_back and not history.can_go_forward
    history.visit(B)
    assert history.back() == A


def test_limit_drops_the_oldest_places() -> None:
    history = visited(A, B, C, D, E, limit=3)
    assert history.current == E
    assert history.back() == D
    assert history.back() == C
    assert history.back() is None
    assert history.forward() == D
    assert history.forward() == E


def test_limit_after_going_back() -> None:
    history = visited(A, B, C, limit=3)
    history.back()
    history.visit(D)  # drops C (forward), no trimming needed
    history.visit(E)  # now A B D E: A goes
    assert history.current == E
    assert [history.back(), history.back(), history.back()] == [D, B, None]


def test_limit_of_one_keeps_only_the_current_place() -> None:
    history = visited(A, B, C, limit=1)
    assert history.current == C
    assert not history.can_go_back and not history.can_go_forward


def test_long_walk_stays_within_the_limit() -> None:
    history = History(limit=50)
    for n in range(1000):
        history.visit(Place("timeline", f"ev-{n}"))
    steps = 0
    while history.back() is not None:
        steps += 1
    assert steps == 49
    assert history.current == Place("timeline", "ev-950")


def test_keep_only_forgets_vanished_records_and_keeps_the_order() -> None:
    history = visited(A, B, C, D)
    history.keep_only({"ev-a", "c", "src#4"})
    assert history.current == D
    assert history.back() == C
    assert history.back() == A
    assert history.back() is None


def test_keep_only_keeps_places_without_a_record() -> None:
    history = visited(Place("issues"), A, B)
    history.keep_only(set())
    assert history.current == Place("issues")
    assert not history.can_go_back and not history.can_go_forward


def test_keep_only_keeps_the_current_place_and_the_forward_ones() -> None:
    history = visited(A, B, C, D)
    history.back()
    history.back()  # at B
    history.keep_only({"ev-a", "q-b", "src#4"})
    assert history.current == B
    assert history.forward() == D
    assert history.forward() is None
    assert history.back() == B
    assert history.back() == A


def test_keep_only_merges_places_that_became_neighbours() -> None:
    history = visited(A, B, A, C)
    history.keep_only({"ev-a", "c"})  # A B A C -> A A C -> A C
    assert history.current == C
    assert history.back() == A
    assert history.back() is None


def test_keep_only_when_the_current_record_is_gone_lands_on_a_kept_place() -> None:
    history = visited(A, B, C)
    history.keep_only({"ev-a", "q-b"})
    assert history.current in (A, B)
    history.keep_only(set())
    assert history.current is None
    assert not history.can_go_back and not history.can_go_forward
    assert history.back() is None and history.forward() is None


def test_keep_only_keeps_the_cursor_on_a_repeated_place() -> None:
    history = visited(A, B, A, C)
    history.back()  # on the second A
    history.keep_only({"ev-a", "q-b", "c"})  # nothing vanished
    assert history.current == A
    assert history.back() == B
    assert history.forward() == A
    assert history.forward() == C
