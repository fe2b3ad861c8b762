"""Links derived both ways from the ids of the bundled brief (see briefs/abu-dhabi-2026-02.yaml)."""

from __future__ import annotations

import pytest

from peacebrief.core.links import Link, Links
from peacebrief.core.model import Brief, Event, Person, Position, Quote

SOURCE = "dw-2026-02-04"


@pytest.fixture(scope="module")
def links(bundled_brief: Brief) -> Links:
    assert bundled_brief.links is not None
    return bundled_brief.links


def referring(brief: Brief, links: Links, target: str, relation: str, kind: type) -> set[str]:
    """Ids of the records of one kind that name `target` through `relation`."""
    return {rid for rid in links.referrers(target, relation) if isinstance(brief[rid], kind)}


# -- a party ---------------------------------------------------------------------------


def test_a_partys_people(bundled_brief, links):
    assert referring(bundled_brief, links, "russia", "party", Person) == {"peskov", "putin"}
    assert referring(bundled_brief, links, "us", "party", Person) == {"trump", "witkoff", "kushner", "leavitt"}


def test_a_partys_positions(bundled_brief, links):
    assert referring(bundled_brief, links, "russia", "party", Position) == {
        "ru-energy-strikes",
        "ru-territory",
        "ru-zaporizhzhia-npp",
        "ru-talks-format",
    }


def test_a_partys_own_quotes(links):
    assert set(links.referrers("russia", "speaker")) == {"q-ru-constructive", "q-kremlin-kyiv-halt", "q-russia-insists"}


def test_a_partys_quotes_include_those_of_its_people_through_delegation(links):
    assert set(links.referrers("russia", "delegation")) == {
        "q-peskov-doors",
        "q-peskov-military-action",
        "q-peskov-energy-targets",
        "q-putin-agreed",
    }


def test_a_quote_spoken_by_a_party_has_no_delegation_link(links):
    assert [link.relation for link in links.out("q-ru-constructive") if link.relation in ("speaker", "delegation")] == [
        "speaker"
    ]


def test_a_partys_events(links):
    assert set(links.referrers("russia", "parties")) == {
        "ev-invasion-began",
        "ev-first-round",
        "ev-kremlin-kyiv-statement",
        "ev-kyiv-strike-halt",
        "ev-putin-grid-pause",
        "ev-second-round-weekend",
        "ev-overnight-attack",
        "ev-talks-open",
        "ev-second-round",
    }
    assert set(links.referrers("uae", "parties")) == {"ev-first-round", "ev-talks-open", "ev-second-round"}


# -- a person --------------------------------------------------------------------------


def test_a_persons_quotes(links):
    assert set(links.referrers("zelenskyy", "speaker")) == {
        "q-zelenskyy-coldest-days",
        "q-zelenskyy-broken-commitment",
        "q-zelenskyy-power-grid",
        "q-zelenskyy-four-days",
        "q-zelenskyy-duplicity",
    }


def test_a_persons_events(links):
    assert set(links.referrers("zelenskyy", "people")) == {"ev-zelenskyy-broken-commitment", "ev-zelenskyy-duplicity"}
    assert set(links.referrers("witkoff", "people")) == {"ev-white-house-confirms", "ev-second-round"}


def test_a_person_links_to_their_party(links):
    assert links.out("peskov") == (Link("peskov", "party", "russia"),)


def test_party_of_follows_a_quote_to_its_speakers_party(bundled_brief):
    assert bundled_brief.party_of("q-peskov-doors").id == "russia"
    assert bundled_brief.party_of("q-ua-constructive").id == "ukraine"
    assert bundled_brief.party_of("leavitt").id == "us"
    assert bundled_brief.party_of("ua-territory").id == "ukraine"
    assert bundled_brief.party_of("ev-first-round") is None


# -- an issue --------------------------------------------------------------------------


def test_an_issues_positions_form_the_issue_by_party_matrix(links):
    assert links.matrix[("territory", "russia")] == ("ru-territory",)
    assert links.matrix[("territory", "ukraine")] == ("ua-territory",)
    assert ("territory", "us") not in links.matrix
    assert links.matrix[("zaporizhzhia-npp", "russia")] == ("ru-zaporizhzhia-npp",)
    assert {party for issue, party in links.matrix if issue == "energy-strikes"} == {"russia", "ukraine", "us"}


def test_the_matrix_holds_every_position_once(bundled_brief, links):
    in_matrix = [pid for ids in links.matrix.values() for pid in ids]

    assert sorted(in_matrix) == sorted(p.id for p in bundled_brief.positions)


def test_an_issues_quotes_and_events(bundled_brief, links):
    assert referring(bundled_brief, links, "territory", "issues", Quote) == {
        "q-russia-insists",
        "q-ukraine-freeze",
        "q-ukraine-rejects-pullback",
    }
    assert referring(bundled_brief, links, "territory", "issues", Event) == set()
    assert "ev-first-round" in referring(bundled_brief, links, "talks-format", "issues", Event)


# -- an event --------------------------------------------------------------------------


def test_an_events_quotes(links):
    assert set(links.referrers("ev-trump-kept-word", "event")) == {"q-trump-kept-word", "q-trump-claim"}
    assert set(links.referrers("ev-first-round", "event")) == {"q-ru-constructive", "q-ua-constructive"}


def test_a_quote_links_out_to_everything_it_names(links):
    out = {(link.relation, link.target, link.paragraph) for link in links.out("q-trump-kept-word")}

    assert out == {
        ("speaker", "trump", None),
        ("delegation", "us", None),
        ("event", "ev-trump-kept-word", None),
        ("issues", "energy-strikes", None),
        ("anchor", SOURCE, 14),
    }


def test_a_position_links_to_the_quotes_it_cites(links):
    assert set(links.referrers("q-russia-insists", "evidence")) == {"ru-territory", "ru-zaporizhzhia-npp"}


def test_every_outgoing_link_is_also_incoming(links):
    outgoing = {link for group in links.outgoing.values() for link in group}
    incoming = {link for group in links.incoming.values() for link in group}

    assert outgoing == incoming


# -- a source, by paragraph ------------------------------------------------------------


def test_a_paragraph_holds_the_records_anchored_in_it(links):
    assert set(links.by_paragraph[(SOURCE, 14)]) == {
        "ev-trump-kept-word",
        "q-trump-kept-word",
        "q-trump-claim",
        "q-leavitt-unsurprised",
        "q-leavitt-said",
    }
    assert set(links.by_paragraph[(SOURCE, 18)]) == {"ev-first-round", "q-ru-constructive", "q-ua-constructive"}


def test_a_record_anchored_twice_in_a_paragraph_is_listed_once(links):
    held = links.by_paragraph[(SOURCE, 12)]

    assert held.count("ev-kyiv-strike-halt") == 1
    assert set(held) == {
        "ev-kyiv-strike-halt",
        "ev-kremlin-kyiv-statement",
        "ev-putin-grid-pause",
        "q-kremlin-kyiv-halt",
    }


def test_a_headline_holds_no_records(links):
    assert (SOURCE, 5) not in links.by_paragraph


def test_by_paragraph_agrees_with_each_anchor(bundled_brief, links):
    for quote in bundled_brief.quotes:
        assert quote.id in links.by_paragraph[(quote.source.source, quote.source.paragraph)]


def test_referrers_lists_each_record_once_in_first_seen_order(links):
    # ev-kyiv-strike-halt anchors twice in the source: one referrer, not two.
    assert links.referrers(SOURCE).count("ev-kyiv-strike-halt") == 1
    assert links.referrers("nothing-links-here") == ()


# -- what the detail panel lists: related, and its summary -----------------------------


def test_origins_by_relation_agrees_with_into(bundled_brief, links):
    for place in [*bundled_brief.records, "no-such-record"]:
        expected = [(link.relation, link.origin) for link in links.into(place)]
        got = [(relation, origin) for relation, origins in links.origins_by_relation(place) for origin in origins]
        assert got == expected, place


def test_a_related_summary_keeps_the_first_of_each_kind_and_counts_them_all(bundled_brief):
    from collections import Counter

    from peacebrief.core.related import related, related_summary

    places = [*bundled_brief.records, f"{SOURCE}#2"]
    for place in places:
        everything = related(bundled_brief, place)
        assert related_summary(bundled_brief, place, None).shown == everything
        summary = related_summary(bundled_brief, place, 1)
        assert summary.counts == Counter(item.kind for item in everything)
        assert summary.total == len(everything)
        firsts = {}
        for item in everything:
            firsts.setdefault(item.kind, item)
        assert summary.shown == tuple(firsts.values()), place
    # the bundled brief's parties relate to several of a kind: the summary is shorter
    assert len(related_summary(bundled_brief, "russia", 1).shown) < len(related(bundled_brief, "russia"))
