"""Anchoring words of a brief to offsets in a source: datelines, paragraphs, matching."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import SEED
from peacebrief.core.anchors import AnchorError, DocumentIndex, normalise, read_document


def index_of(text: str) -> DocumentIndex:
    return DocumentIndex(read_document(text))


def resolved(text: str, exact: str, prefix: str | None = None, suffix: str | None = None) -> str:
    """The words of `text` an anchor resolves to."""
    start, end, _ = index_of(text).resolve(exact, prefix, suffix)
    return text[start:end]


# -- reading a document ----------------------------------------------------------------


@pytest.fixture(scope="module")
def seed():
    text = SEED.read_text(encoding="utf-8")
    return text, read_document(text)


def test_the_seed_dateline_is_read_as_a_date(seed):
    _, document = seed

    assert document.dateline == dt.date(2026, 2, 4)


def test_the_seed_dateline_is_not_part_of_paragraph_1(seed):
    _, document = seed

    first = document.paragraph_text(1)
    assert first.startswith("Envoys from Russia and Ukraine met in Abu Dhabi on Wednesday")
    assert "date" not in first.split()[0]


def test_the_seed_body_starts_after_the_dateline(seed):
    text, document = seed

    assert text[document.body_start :].startswith("Envoys")


def test_the_seed_has_19_paragraphs(seed):
    _, document = seed

    assert len(document.paragraphs) == 19


def test_a_headline_is_a_paragraph_of_its_own(seed):
    _, document = seed

    assert document.paragraph_text(5) == "Russia continues attack on Ukraine"
    assert document.paragraph_text(10) == "Putin promised Trump not to attack power grid"
    assert document.paragraph_text(16) == "First trilateral peace talks"


def test_the_last_paragraph_ends_with_the_text(seed):
    text, document = seed

    assert document.paragraphs[-1][1] == len(text.rstrip())
    assert document.paragraph_text(19).endswith("any unilateral pullback of its forces.")


def test_paragraph_at_numbers_paragraphs_from_1(seed):
    text, document = seed

    assert document.paragraph_at(text.index("Envoys")) == 1
    assert document.paragraph_at(text.index("Umerov said the planned")) == 2
    assert document.paragraph_at(text.index("kept his word")) == 14


@pytest.mark.parametrize(
    ("text", "dateline", "first"),
    [
        ("date 2026-02-04\n\nFirst paragraph.\n\nSecond.", dt.date(2026, 2, 4), "First paragraph."),
        ("date 2026-02-04 First paragraph.\n\nSecond.", dt.date(2026, 2, 4), "First paragraph."),
        ("\ufeffdate 2026-02-04\r\n\r\nFirst paragraph.\r\n\r\nSecond.", dt.date(2026, 2, 4), "First paragraph."),
        ("First paragraph.\n\nSecond.", None, "First paragraph."),
        ("dated 2026-02-04 here.\n\nSecond.", None, "dated 2026-02-04 here."),
        ("date 2026-02-04x is not a dateline.\n\nSecond.", None, "date 2026-02-04x is not a dateline."),
    ],
)
def test_a_dateline_is_recognised_only_at_the_start(text, dateline, first):
    document = read_document(text)

    assert document.dateline == dateline
    assert document.paragraph_text(1) == first
    assert document.paragraph_text(2) == "Second."


def test_a_dateline_of_a_day_that_does_not_exist_is_an_error():
    with pytest.raises(ValueError):
        read_document("date 2026-02-30 Text.")


def test_blank_lines_with_spaces_still_separate_paragraphs():
    document = read_document("One\nstill one.\n   \t\nTwo.\n\n\n\nThree.")

    assert [document.paragraph_text(n) for n in (1, 2, 3)] == ["One\nstill one.", "Two.", "Three."]


# -- resolving anchors -----------------------------------------------------------------


def test_an_exact_match_gives_its_offsets_and_is_not_normalised():
    text = "date 2026-02-04 Alpha said the doors are open.\n\nBeta."
    start, end, normalised = index_of(text).resolve("the doors are open")

    assert (start, end) == (text.index("the doors"), text.index("open") + len("open"))
    assert normalised is False


@pytest.mark.parametrize(
    ("text", "exact", "found"),
    [
        ("He said “the doors are open” today.", '"the doors are open"', "“the doors are open”"),
        ('He said "the doors are open" today.', "“the doors are open”", '"the doors are open"'),
        ("Ukraine’s grid", "Ukraine's grid", "Ukraine’s grid"),
        ("Ukraine's grid", "Ukraine’s grid", "Ukraine's grid"),
        ("the 2019–2020 season", "2019-2020", "2019–2020"),
        ("the 2019-2020 season", "2019—2020", "2019-2020"),
        ("a cost \u2014 a big one", "cost - a", "cost \u2014 a"),
        ("a pause, not a\nbreakdown", "a pause, not a breakdown", "a pause, not a\nbreakdown"),
        ("a pause,   not a\r\n   breakdown", "pause, not a breakdown", "pause,   not a\r\n   breakdown"),
        ("a\u00a0b c", "a b c", "a\u00a0b c"),
        ("Katrin Lo\u0308we said", "Katrin L\u00f6we", "Katrin Lo\u0308we"),  # decomposed in the source
        ("Katrin L\u00f6we said", "Katrin Lo\u0308we", "Katrin L\u00f6we"),  # decomposed in the brief
        ("the caf\u0065\u0301 opened", "caf\u00e9 opened", "caf\u0065\u0301 opened"),
    ],
)
def test_a_normalised_match_points_at_the_original_words(text, exact, found):
    start, end, normalised = index_of(text).resolve(exact)

    assert text[start:end] == found
    assert normalised is True


def test_an_exact_match_is_preferred_over_a_normalised_one():
    text = 'First “open” here.\n\nThen "open" there.'

    assert resolved(text, '"open"') == '"open"'
    assert index_of(text).resolve('"open"')[0] == text.index('"open"')


def test_an_exact_match_does_not_end_inside_a_decomposed_letter():
    # "Lo" stands in "Lo\u0308we" only as part of the letter "ö": no match.
    with pytest.raises(AnchorError, match="is not in the source"):
        index_of("Katrin Lo\u0308we said").resolve("Katrin Lo")


def test_an_anchor_is_not_found_in_the_dateline():
    with pytest.raises(AnchorError, match="'date' is not in the source"):
        index_of("date 2026-02-04 Envoys met.").resolve("date")


def test_ambiguous_words_are_an_error_that_counts_them_and_suggests_a_prefix_or_suffix():
    text = "The harbour was closed. The harbour was reopened.\n\nThe harbour was busy."

    with pytest.raises(AnchorError) as caught:
        index_of(text).resolve("The harbour was")

    message = str(caught.value)
    assert "occurs 3 times" in message
    assert "prefix or suffix" in message


def test_normalised_matches_can_be_ambiguous_too():
    with pytest.raises(AnchorError, match="occurs 2 times"):
        index_of("“yes” and “yes”").resolve('"yes"')


TWICE = "x the harbour commission y\n\nz the harbour commission w"


def test_a_prefix_chooses_between_two_matches():
    start, _, _ = index_of(TWICE).resolve("the harbour commission", prefix="z ")

    assert start == TWICE.rindex("the harbour commission")


def test_a_suffix_chooses_between_two_matches():
    start, _, _ = index_of(TWICE).resolve("the harbour commission", suffix=" y")

    assert start == TWICE.index("the harbour commission")


def test_prefix_and_suffix_compare_after_normalising():
    text = "agreed to\n revive the commission; to\u2013day the commission met."
    index = index_of(text)

    assert index.resolve("the commission", prefix="to revive ")[0] == text.index("the commission")
    assert index.resolve("the commission", prefix="to-day ")[0] == text.rindex("the commission")


def test_a_prefix_can_choose_a_match_that_differs_only_in_its_quotes():
    # The one exact match ("the \"harbour\"") has the wrong prefix; the one meant
    # has typographic quotes, so it is found only after normalising.
    text = 'agreed to revive\n the “harbour” commission. Then the "harbour" commission met.'

    start, end, normalised = index_of(text).resolve('the "harbour" commission', prefix="revive ")

    assert text[start:end] == "the “harbour” commission"
    assert normalised is True


def test_a_prefix_that_fits_no_match_is_an_error():
    with pytest.raises(AnchorError, match="is in the source, but not with that prefix"):
        index_of(TWICE).resolve("the harbour commission", prefix="q ")


def test_a_suffix_that_fits_no_single_match_is_an_error():
    with pytest.raises(AnchorError, match="but not with that suffix"):
        index_of("only one here").resolve("one", suffix=" there")


def test_a_prefix_that_fits_every_match_is_still_ambiguous():
    text = "the cat sat. the cat ran."

    with pytest.raises(AnchorError, match="occurs 2 times"):
        index_of(text).resolve("cat", prefix="the ")


def test_words_that_are_nowhere_are_an_error():
    with pytest.raises(AnchorError, match="'zebra' is not in the source, even after normalising"):
        index_of("The harbour.").resolve("zebra")


@pytest.mark.parametrize("exact", ["", "   ", "\n\t"])
def test_empty_words_are_an_error(exact):
    with pytest.raises(AnchorError, match="empty"):
        index_of("The harbour.").resolve(exact)


def test_anchor_error_is_a_value_error():
    assert issubclass(AnchorError, ValueError)


def test_normalise_makes_quotes_dashes_and_spaces_plain():
    assert normalise("“Don’t”\u2014now,\n\t  ple\u0301ase") == '"Don\'t"-now, pl\u00e9ase'


# -- quotes within anchors and quotation marks -------------------------------------------


def test_locate_within_finds_words_inside_the_span():
    text = "Trump claimed Tuesday that Putin “kept his word” on the temporary pause."
    index = index_of(text)
    start, end = text.index("Putin"), text.index(" on the")

    assert index.locate_within("kept his word", start, end) == (text.index("kept"), text.index("”"))


def test_locate_within_refuses_words_outside_the_span():
    text = "alpha beta gamma delta"
    index = index_of(text)

    assert index.locate_within("delta", 0, text.index(" delta")) is None
    assert index.locate_within("alpha", text.index("beta"), len(text)) is None


def test_locate_within_normalises_like_resolve():
    text = "he said it was \u201ca pause,\nnot a breakdown\u201d today"
    index = index_of(text)

    span = index.locate_within("a pause, not a breakdown", 0, len(text))

    assert span is not None
    assert text[span[0] : span[1]] == "a pause,\nnot a breakdown"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Peskov said that “the doors are open,” but noted more.", "the doors are open"),
        ('Peskov said that "the doors are open" and more.', "the doors are open"),
        ("Peskov said that «the doors are open» and more.", "the doors are open"),
        ("Peskov said that „the doors are open” and more.", "doors are"),
        ("“First” he said, “the doors are open” again.", "the doors are open"),
    ],
)
def test_words_inside_quotation_marks_are_inside(text, words):
    start = text.index(words)

    assert index_of(text).inside_quotation_marks(start, start + len(words))


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Peskov said the doors are open, and more.", "the doors are open"),
        ("“First,” he said, the doors are open.", "the doors are open"),
        ('"First," he said, the doors are open.', "the doors are open"),
        ("He said “the doors are open” today.", "said “the doors"),  # the span takes in a mark
        ("Ukraine’s doors are open.", "doors are open"),  # an apostrophe is not a quotation mark
        ("He said “the doors\n\nare open” today.", "are open"),  # marks do not carry over paragraphs
    ],
)
def test_words_outside_quotation_marks_are_not_inside(text, words):
    start = text.index(words)

    assert not index_of(text).inside_quotation_marks(start, start + len(words))


# -- many places: choosing by prefix or suffix is a lookup ------------------------------


def repeated(n: int) -> str:
    return "date 2026-01-01\n\n" + "\n\n".join(f"Speaker{i} said yes." for i in range(n)) + "\n"


def test_a_prefix_chooses_among_many_places():
    text = repeated(50)

    start, _, _ = index_of(text).resolve("said yes.", prefix="Speaker17 ")

    assert text[start - len("Speaker17 ") : start] == "Speaker17 "


def test_a_suffix_chooses_among_many_places():
    text = "date 2026-01-01\n\n" + "\n\n".join(f"Yes, said speaker {i}." for i in range(50)) + "\n"

    start, end, _ = index_of(text).resolve("Yes, said", suffix=" speaker 33.")

    assert text[end : end + 12] == " speaker 33."


def test_a_prefix_among_many_places_compares_after_normalising():
    text = "date 2026-01-01\n\n" + "\n\n".join(f"Speaker’s {i}  \u201cyes\u201d" for i in range(20)) + "\n"

    index = index_of(text)
    start, _, _ = index.resolve("\u201cyes\u201d", prefix="Speaker's 7 ")

    assert index.document.paragraph_at(start) == 8


def test_a_prefix_that_fits_several_of_many_places_counts_them():
    text = "date 2026-01-01\n\n" + "\n\n".join(f"{'Ann' if i % 3 else 'Bob'} said yes." for i in range(30)) + "\n"

    with pytest.raises(AnchorError, match="'said yes.' occurs 10 times in the source"):
        index_of(text).resolve("said yes.", prefix="Bob ")


def test_a_prefix_that_fits_none_of_many_places_is_an_error():
    with pytest.raises(AnchorError, match="is in the source, but not with that prefix"):
        index_of(repeated(30)).resolve("said yes.", prefix="Nobody ")


def test_each_distinct_words_are_searched_for_once_and_each_context_checked_once(monkeypatch):
    n = 400
    index = index_of(repeated(n))
    searched, checked = [], []
    exact_spans, fits = DocumentIndex._exact_spans, DocumentIndex._context_fits
    monkeypatch.setattr(
        DocumentIndex, "_exact_spans", lambda self, exact: searched.append(exact) or exact_spans(self, exact)
    )
    monkeypatch.setattr(DocumentIndex, "_context_fits", lambda self, *a: checked.append(a) or fits(self, *a))

    starts = {index.resolve("said yes.", prefix=f"Speaker{i} ")[0] for i in range(n)}

    assert len(starts) == n
    assert searched == ["said yes."]
    assert len(checked) == n  # one candidate each: the lookup found it, nothing was rescanned


def test_quotation_marks_of_one_long_paragraph_are_read_once(monkeypatch):
    text = "date 2026-01-01\n" + " ".join(f"Clause {i} was \u201cread in full\u201d." for i in range(300)) + "\n"
    index = index_of(text)
    at = [m for m in range(len(text)) if text.startswith("read in full", m)]

    assert all(index.inside_quotation_marks(s, s + 12) for s in at)
    assert not index.inside_quotation_marks(text.index("Clause 7"), text.index("Clause 7") + 8)
    assert len(index._quotation) == 1


# -- the lookup chooses what checking every place would ---------------------------------

import os  # noqa: E402

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


def every_place(
    index: DocumentIndex, exact: str, prefix: str | None, suffix: str | None
) -> tuple[int, int, bool] | str:
    """What `resolve` must give, found by checking every place in turn (the plain rule)."""
    for was_normalised in (False, True):
        spans = index._normalised_spans(exact) if was_normalised else index._exact_spans(exact)
        if not spans:
            continue
        fitting = [s for s in spans if index._context_fits(s, prefix, suffix)]
        if len(fitting) == 1:
            return (*fitting[0], was_normalised)
        if fitting:
            return f"occurs {len(fitting)} times"
    return "error"


_PIECES = [
    "a",
    "b",
    "ab",
    " ",
    "  ",
    "\n",
    "\u2019",
    "'",
    "\u201c",
    '"',
    "\u2014",
    "-",
    "e\u0301",
    "\u00e9",
    "said",
    "yes.",
]
_words = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=6).map("".join)
_EXAMPLES = int(os.environ.get("PEACEBRIEF_FUZZ_EXAMPLES", "0") or 0) or 200


@settings(
    max_examples=_EXAMPLES,
    deadline=None,
    derandomize=not os.environ.get("PEACEBRIEF_FUZZ_EXAMPLES"),
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    body=st.lists(st.sampled_from(_PIECES), min_size=1, max_size=120).map("".join),
    exact=_words,
    prefix=st.none() | _words,
    suffix=st.none() | _words,
)
def test_resolve_agrees_with_checking_every_place(body, exact, prefix, suffix):
    index = index_of("date 2026-01-01\n\n" + body)
    try:
        got: tuple[int, int, bool] | str = index.resolve(exact, prefix, suffix)
    except AnchorError as exc:
        got = f"occurs {str(exc).split(' occurs ')[1].split(' times')[0]} times" if " occurs " in str(exc) else "error"
    if not exact.strip():
        return
    assert got == every_place(index_of("date 2026-01-01\n\n" + body), exact, prefix, suffix)
