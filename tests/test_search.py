"""Finding records by their words: the index behind `/` and the command palette."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peacebrief.core import Brief
from peacebrief.core.search import SearchIndex, SearchResult, searchable_text


def expected(brief: Brief, query: str) -> list[str]:
    """What a search must find: records whose text holds every word, in brief order."""
    terms = query.casefold().split()
    return [r.id for r in brief.all_records() if terms and all(t in searchable_text(brief, r) for t in terms)]


def test_index_holds_every_record(bundled_brief: Brief) -> None:
    index = SearchIndex(bundled_brief)
    assert len(index) == len(list(bundled_brief.all_records()))


def test_a_word_inside_a_quote_finds_it(bundled_brief: Brief) -> None:
    found = SearchIndex(bundled_brief).search("terrorize")
    assert found.ids == ("q-zelenskyy-coldest-days",)
    assert found.total == 1
    assert found.more == 0


def test_every_word_must_match(bundled_brief: Brief) -> None:
    index = SearchIndex(bundled_brief)
    coldest = set(index.search("coldest").ids)
    assert coldest == {"q-zelenskyy-coldest-days", "q-ukraine-campaign"}
    assert index.search("coldest heating").ids == ("q-ukraine-campaign",)
    assert index.search("heating coldest").ids == ("q-ukraine-campaign",)  # order of words is free
    assert index.search("coldest diplomacy").ids == ("q-zelenskyy-coldest-days",)
    empty = index.search("coldest zaporizhzhia")
    assert empty.ids == () and empty.total == 0


def test_search_is_case_insensitive(bundled_brief: Brief) -> None:
    index = SearchIndex(bundled_brief)
    lower = index.search("zaporizhzhia")
    assert lower.total > 0
    assert SearchIndex(bundled_brief).search("ZAPORIZHZHIA") == lower
    assert SearchIndex(bundled_brief).search("ZaPoRiZhZhIa") == lower


def test_words_match_inside_longer_words_and_across_fields(bundled_brief: Brief) -> None:
    index = SearchIndex(bundled_brief)
    # "umerov" is the speaker's name, "topics" is in the words: a quote is found by both.
    assert "q-umerov-format" in index.search("Umerov topics").ids
    # A person by office, and a record by its id.
    assert index.search("kremlin spokesman").ids == ("peskov",)
    assert "ev-talks-open" in index.search("ev-talks-open").ids


def test_results_are_in_brief_order(bundled_brief: Brief) -> None:
    order = [r.id for r in bundled_brief.all_records()]
    found = SearchIndex(bundled_brief).search("russia")
    assert list(found.ids) == sorted(found.ids, key=order.index)
    assert list(found.ids) == expected(bundled_brief, "russia")


@pytest.mark.parametrize("query", ["", "   ", "\t\n"])
def test_blank_query_finds_nothing(bundled_brief: Brief, query: str) -> None:
    found = SearchIndex(bundled_brief).search(query)
    assert found == SearchResult((), 0)
    assert found.more == 0


def test_limit_and_more(bundled_brief: Brief) -> None:
    index = SearchIndex(bundled_brief)
    everything = expected(bundled_brief, "e")
    assert len(everything) > 10
    found = index.search("e", limit=10)
    assert found.ids == tuple(everything[:10])
    assert found.total == len(everything)
    assert found.more == len(everything) - 10
    assert index.search("e", limit=0).ids == ()
    assert index.search("e", limit=0).more == len(everything)
    whole = index.search("e", limit=10_000)
    assert whole.ids == tuple(everything) and whole.more == 0


def test_narrowing_by_typing_gives_the_same_results_as_a_fresh_search(bundled_brief: Brief) -> None:
    index = SearchIndex(bundled_brief)
    typed = ""
    for char in "power grid":
        typed += char
        assert index.search(typed, limit=5) == SearchIndex(bundled_brief).search(typed, limit=5), typed
        assert list(index.search(typed, limit=1000).ids) == expected(bundled_brief, typed), typed


def test_deleting_and_changing_words_widens_again(bundled_brief: Brief) -> None:
    index = SearchIndex(bundled_brief)
    sequence = [
        "kyiv",
        "kyiv strikes",
        "kyiv strike",
        "kyiv",
        "ky",
        "",
        "kyiv",
        "moscow",
        "kyiv moscow",
        "moscow kyiv",
        "mosco kyiv",
    ]
    for query in sequence:
        assert list(index.search(query, limit=1000).ids) == expected(bundled_brief, query), query


def test_a_limited_search_does_not_lose_hits_for_the_next_one(bundled_brief: Brief) -> None:
    index = SearchIndex(bundled_brief)
    index.search("t", limit=1)
    assert list(index.search("th", limit=1000).ids) == expected(bundled_brief, "th")


def test_the_second_brief(harbour_brief: Brief) -> None:
    index = SearchIndex(harbour_brief)
    assert len(index) == len(list(harbour_brief.all_records()))
    found = index.search("venn")
    assert "venn" in found.ids
    assert list(found.ids) == expected(harbour_brief, "venn")
    # An alias is searchable, and casefolding reaches beyond ASCII.
    assert "lowe" in index.search("LÖWE").ids


WORDS = ["kyiv", "russia", "strikes", "power", "grid", "the", "talks", "ukraine", "envoy", "q-", "2026", "feb"]


@settings(max_examples=60, deadline=None)
@given(
    queries=st.lists(
        st.lists(st.sampled_from(WORDS).flatmap(lambda w: st.integers(1, len(w)).map(lambda n: w[:n])), max_size=3).map(" ".join),
        min_size=1,
        max_size=8,
    )
)
def test_any_sequence_of_queries_matches_fresh_searches(bundled_brief: Brief, queries: list[str]) -> None:
    index = SearchIndex(bundled_brief)
    for query in queries:
        found = index.search(query, limit=7)
        want = expected(bundled_brief, query)
        assert found.ids == tuple(want[:7]), query
        assert found.total == len(want), query
