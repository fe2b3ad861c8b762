"""Finding records and source paragraphs by their words: the index behind `/` and the palette."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peacebrief.core import Brief
from peacebrief.core.related import paragraph_id
from peacebrief.core.search import SearchIndex, SearchResult, fold, primary_text, searchable_text, where_found


def entries(brief: Brief) -> list[tuple[str, str, str | None]]:
    """(id, every searchable word, the title or words; None for a paragraph), in brief order."""
    out: list[tuple[str, str, str | None]] = [
        (r.id, searchable_text(brief, r), fold(primary_text(brief, r))) for r in brief.all_records()
    ]
    for source in brief.sources:
        for block in range(1, len(source.document.paragraphs) + 1):
            out.append((paragraph_id(source.id, block), fold(source.document.paragraph_text(block)), None))
    return out


def expected(brief: Brief, query: str) -> list[str]:
    """What an exact search must find, ranked as the module says, written the slow way."""
    terms = fold(query).split()
    ranked: list[tuple[int, int, str]] = []
    for place, (rid, text, primary) in enumerate(entries(brief)):
        if not terms or not all(t in text for t in terms):
            continue
        if primary is None:
            tier = 3
        elif all(t in primary for t in terms):
            tier = 0 if all(f" {t}" in f" {primary}" for t in terms) else 1
        else:
            tier = 2
        ranked.append((tier, place, rid))
    return [rid for _, _, rid in sorted(ranked)]


def test_index_holds_every_record_and_paragraph(bundled_brief: Brief) -> None:
    index = SearchIndex(bundled_brief)
    assert index.records == len(list(bundled_brief.all_records()))
    assert len(index) == index.records + sum(len(s.document.paragraphs) for s in bundled_brief.sources)


def test_a_word_inside_a_quote_finds_it(bundled_brief: Brief) -> None:
    found = SearchIndex(bundled_brief).search("terrorize")
    assert found.ids == ("q-zelenskyy-coldest-days", "dw-2026-02-04#9")  # the quote, then its paragraph
    assert found.total == 2
    assert found.more == 0


def test_every_word_must_match(bundled_brief: Brief) -> None:
    index = SearchIndex(bundled_brief)
    coldest = set(index.search("coldest").ids)
    assert coldest == {"q-zelenskyy-coldest-days", "q-ukraine-campaign", "dw-2026-02-04#8", "dw-2026-02-04#9"}
    assert index.search("coldest heating").ids == ("q-ukraine-campaign", "dw-2026-02-04#8")
    assert index.search("heating coldest").ids == ("q-ukraine-campaign", "dw-2026-02-04#8")  # order of words is free
    assert index.search("coldest diplomacy").ids == ("q-zelenskyy-coldest-days", "dw-2026-02-04#9")
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
    assert index.search("kremlin spokesman").ids == ("peskov", "dw-2026-02-04#3")
    assert "ev-talks-open" in index.search("ev-talks-open").ids


def test_a_source_paragraph_is_found(bundled_brief: Brief) -> None:
    """ "social media" is in ¶1 of the source only, in no record."""
    found = SearchIndex(bundled_brief).search("social media")
    assert found.ids == ("dw-2026-02-04#1",) and found.total == 1


def test_words_in_a_title_or_a_quote_come_before_a_passing_mention(bundled_brief: Brief) -> None:
    found = SearchIndex(bundled_brief).search("grid")
    first = [bundled_brief[rid] for rid in found.ids[:3]]
    assert all("grid" in primary_text(bundled_brief, r).casefold() for r in first), found.ids
    # The United States is found by its summary only: after every record about the grid.
    assert found.ids.index("us") > max(found.ids.index(r) for r in ("ev-overnight-attack", "q-zelenskyy-power-grid"))
    # The paragraphs of the source come after the records.
    places = [i for i, rid in enumerate(found.ids) if "#" in rid]
    assert places and min(places) > max(i for i, rid in enumerate(found.ids) if "#" not in rid)
    assert list(found.ids) == expected(bundled_brief, "grid")


def test_accents_and_quotation_marks_do_not_matter(harbour_brief: Brief, bundled_brief: Brief) -> None:
    index = SearchIndex(bundled_brief)
    assert index.search("kyiv\u2019s").ids == index.search("kyiv's").ids != ()
    assert index.search("\u201ckept his word\u201d").ids == index.search('"kept his word"').ids
    assert fold("Zaporizhzhia \u00c9lys\u00e9e \u2014 na\u00efve") == "zaporizhzhia elysee - naive"
    harbour = SearchIndex(harbour_brief)
    assert "lowe" in harbour.search("l\u00f6we").ids and "lowe" in harbour.search("LOWE").ids


def test_a_name_spelled_another_way_is_found_after_the_exact_matches(bundled_brief: Brief) -> None:
    index = SearchIndex(bundled_brief)
    found = index.search("Zelenskiy")
    assert "zelenskyy" in found.ids and found.near == frozenset(found.ids)
    assert ("zelenskiy", "zelenskyy") in found.words
    # With another word that matches exactly, the exact hits come first.
    mixed = index.search("Zelenskiy power")
    assert set(mixed.ids) == set(mixed.near)  # "power" alone is no match: every hit needs both
    both = index.search("Zelenskyy power")
    assert set(both.ids) == set(mixed.ids) and not both.near


def test_near_words_need_six_letters_and_one_edit(bundled_brief: Brief) -> None:
    index = SearchIndex(bundled_brief)
    assert index.search("kyev").total == 0  # four letters: too short to be read as Kyiv
    assert "zelenskyy" in index.search("zelenskiyy").near  # a letter added
    assert index.search("zalenskiy").total == 0  # two edits from Zelenskyy
    assert index.search("zelensky").near == frozenset()  # inside Zelenskyy: an exact match


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
    assert index.records == len(list(harbour_brief.all_records()))
    found = index.search("venn")
    assert "venn" in found.ids
    assert list(found.ids) == expected(harbour_brief, "venn")
    # An alias is searchable, and casefolding reaches beyond ASCII.
    assert "lowe" in index.search("LÖWE").ids


WORDS = ["kyiv", "russia", "strikes", "power", "grid", "the", "talks", "ukraine", "envoy", "q-", "2026", "feb"]


@settings(max_examples=60, deadline=None)
@given(
    queries=st.lists(
        st.lists(st.sampled_from(WORDS).flatmap(lambda w: st.integers(1, len(w)).map(lambda n: w[:n])), max_size=3).map(
            " ".join
        ),
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


def test_find_words_gives_the_spans_to_light() -> None:
    from peacebrief.core.search import find_words

    text = "Zelenskyy said: “Kyiv’s grid”. ZELENSKYY again, Élysée"
    assert find_words(text, ["zelenskyy"]) == [(0, 9), (31, 40)]
    assert find_words(text, ["kyiv's", "grid"]) == [(17, 23), (24, 28)]
    assert find_words(text, ["elysee"]) == [(48, 54)]
    assert find_words("Straße grid", ["grid"]) == []  # ß folds to two letters: no span could be trusted


def test_excerpt_shows_the_words_of_a_long_paragraph() -> None:
    from peacebrief.core.search import excerpt

    text = " ".join(["filler"] * 60 + ["the", "social", "media", "post"] + ["tail"] * 60)
    shown = excerpt(text, ["social", "media"], width=80)
    assert "social media" in shown and shown.startswith("…") and shown.endswith("…") and len(shown) <= 82
    assert excerpt("short text", ["x"]) == "short text"


def test_where_found_names_the_field_that_holds_the_words(bundled_brief: Brief) -> None:
    uae, leavitt_quote = bundled_brief["uae"], bundled_brief["q-leavitt-said"]
    field, text = where_found(bundled_brief, uae, ["abu", "dhabi"]) or ("", "")
    assert field == "summary" and "Abu Dhabi" in text
    assert where_found(bundled_brief, leavitt_quote, ["leavitt"]) == ("speaker", "Karoline Leavitt")
    assert where_found(bundled_brief, uae, ["nowhere"]) is None
