"""Dates of the brief format: every form it accepts, the ones it refuses, display and order."""

from __future__ import annotations

import datetime as dt

import pytest

from peacebrief.core.dates import BriefDate, DateError, DatePoint, parse_date
from peacebrief.core.model import Event


@pytest.mark.parametrize(
    ("value", "iso", "precision", "earliest", "latest"),
    [
        ("2026-02-04", "2026-02-04", "day", dt.date(2026, 2, 4), dt.date(2026, 2, 4)),
        ("2026-02", "2026-02", "month", dt.date(2026, 2, 1), dt.date(2026, 2, 28)),
        ("2024-02", "2024-02", "month", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("2026", "2026", "year", dt.date(2026, 1, 1), dt.date(2026, 12, 31)),
        (2026, "2026", "year", dt.date(2026, 1, 1), dt.date(2026, 12, 31)),
        (dt.date(2026, 2, 4), "2026-02-04", "day", dt.date(2026, 2, 4), dt.date(2026, 2, 4)),
        (dt.datetime(2026, 2, 4, 23, 59), "2026-02-04", "day", dt.date(2026, 2, 4), dt.date(2026, 2, 4)),
        (" 2026-02-04 ", "2026-02-04", "day", dt.date(2026, 2, 4), dt.date(2026, 2, 4)),
        ("2026-01-23/2026-01-24", "2026-01-23/2026-01-24", "day", dt.date(2026, 1, 23), dt.date(2026, 1, 24)),
        ("2025-01/2025-02", "2025-01/2025-02", "month", dt.date(2025, 1, 1), dt.date(2025, 2, 28)),
        ("2019/2020", "2019/2020", "year", dt.date(2019, 1, 1), dt.date(2020, 12, 31)),
        ("2026-01-30~", "2026-01-30~", "day", dt.date(2026, 1, 30), dt.date(2026, 1, 30)),
        ("2026-02-04?", "2026-02-04?", "day", dt.date(2026, 2, 4), dt.date(2026, 2, 4)),
        ("2026-02-04%", "2026-02-04%", "day", dt.date(2026, 2, 4), dt.date(2026, 2, 4)),
    ],
)
def test_parse_accepts_every_form_of_the_format(value, iso, precision, earliest, latest):
    date = parse_date(value)

    assert date.iso() == iso
    assert date.precision == precision
    assert (date.earliest, date.latest) == (earliest, latest)


def test_a_day_is_a_point_with_year_month_and_day():
    assert parse_date("2026-02-04") == BriefDate(DatePoint(2026, 2, 4))


def test_an_interval_keeps_both_ends():
    date = parse_date("2026-01-23/2026-01-24")

    assert date.is_interval
    assert (date.start, date.end) == (DatePoint(2026, 1, 23), DatePoint(2026, 1, 24))


@pytest.mark.parametrize(
    ("value", "approximate", "uncertain"),
    [
        ("2026-01-30", False, False),
        ("2026-01-30~", True, False),
        ("2026-01-30?", False, True),
        ("2026-01-30%", True, True),
        ("2026-01~", True, False),
        ("2026?", False, True),
        ("2026-01-23/2026-01-24~", True, False),
    ],
)
def test_qualifiers_mark_a_date_approximate_or_uncertain(value, approximate, uncertain):
    date = parse_date(value)

    assert (date.approximate, date.uncertain) == (approximate, uncertain)


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("2026-13", "no month 13"),
        ("2026-00", "no month 0"),
        ("2026-02-30", "not a day of the calendar"),
        ("2025-02-29", "not a day of the calendar"),
        ("2026-02-04/2026-01-01", "ends before it starts"),
        ("2026-02/2026-01", "ends before it starts"),
        ("abc", "is not a date"),
        ("", "is not a date"),
        ("2026-1-4", "is not a date"),
        ("26-02-04", "is not a date"),
        ("2026-02-04T10:00", "is not a date"),
        ("2026-02-04/", "is not a date"),
        ("2026~?", "is not a date"),
        ("0000", "no year 0000"),
        # Digits of other scripts look like a year to `\d`, but are not what the format says.
        ("\uff12\uff10\uff12\uff16", "is not a date"),
        ("\u0662\u0660\u0662\u0666-02", "is not a date"),
    ],
)
def test_parse_refuses_what_is_not_a_date(value, words):
    with pytest.raises(DateError, match=words):
        parse_date(value)


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (True, "'True' is not a date"),  # bool is an int in Python: `yes` must not be year 1
        (False, "'False' is not a date"),
        (0, "'0' is not a year"),
        (10000, "'10000' is not a year"),
        (2026.0, "not float"),
        (None, "not NoneType"),
        ([2026], "not list"),
    ],
)
def test_parse_refuses_values_of_other_types(value, words):
    with pytest.raises(DateError, match=words):
        parse_date(value)


def test_a_date_error_is_a_value_error():
    assert issubclass(DateError, ValueError)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("2026-02-04", "4 Feb 2026"),
        ("2026-02", "Feb 2026"),
        ("2022-02", "Feb 2022"),
        ("2026", "2026"),
        (2026, "2026"),
        (dt.date(2026, 12, 1), "1 Dec 2026"),
        ("2026-01-23/2026-01-24", "23-24 Jan 2026"),
        ("2026-01-30/2026-02-02", "30 Jan-2 Feb 2026"),
        ("2025-12-30/2026-01-02", "30 Dec 2025-2 Jan 2026"),
        ("2025-01/2025-02", "Jan-Feb 2025"),
        ("2025-12/2026-01", "Dec 2025-Jan 2026"),
        ("2019/2020", "2019-2020"),
        ("2026-01-30~", "c. 30 Jan 2026"),
        ("2026-02-04?", "4 Feb 2026 (?)"),
        ("2026-02-04%", "c. 4 Feb 2026 (?)"),
        ("2022-02?", "Feb 2022 (?)"),
        ("2026-01-23/2026-01-24~", "c. 23-24 Jan 2026"),
        ("2026-02-04/2026-02-04", "4 Feb 2026"),  # an interval of one day is that day
    ],
)
def test_display_matches_the_contract(value, shown):
    assert parse_date(value).display() == shown


def test_str_is_the_display_form():
    assert str(parse_date("2026-01-23/2026-01-24")) == "23-24 Jan 2026"


@pytest.mark.parametrize(
    "text", ["2026-02-04", "2026-02", "2026", "2026-01-23/2026-01-24", "2026-01-30~", "2026-02-04?", "2026-02-04%"]
)
def test_iso_round_trips(text):
    assert parse_date(parse_date(text).iso()) == parse_date(text)


def test_contains_covers_every_day_a_date_may_mean():
    month = parse_date("2026-02")

    assert month.contains(dt.date(2026, 2, 1))
    assert month.contains(dt.date(2026, 2, 28))
    assert not month.contains(dt.date(2026, 3, 1))


# -- order -----------------------------------------------------------------------------


def _event(event_id: str, date: str) -> Event:
    return Event(id=event_id, date=parse_date(date), title=event_id, evidence=())


def _ordered(*events: Event) -> list[str]:
    return [e.id for e in sorted(events, key=Event.sort_key)]


def test_a_day_sorts_before_the_month_that_holds_it():
    assert _ordered(_event("a", "2026-02"), _event("b", "2026-02-01")) == ["b", "a"]


def test_a_month_sorts_before_the_year_that_holds_it():
    assert _ordered(_event("a", "2026"), _event("b", "2026-01")) == ["b", "a"]


def test_events_sort_by_earliest_possible_day_first():
    # `2026` could mean 1 January, so it comes before 1 February; the month of
    # February could mean the 1st, so it comes before the 4th.
    events = [_event("d", "2026-02-04"), _event("c", "2026-02"), _event("b", "2026-02-01"), _event("a", "2026")]

    assert _ordered(*events) == ["a", "b", "c", "d"]


def test_an_interval_sorts_by_its_start():
    assert _ordered(_event("a", "2026-02-03"), _event("b", "2026-02-02/2026-02-05")) == ["b", "a"]


def test_qualifiers_do_not_change_the_order():
    assert _ordered(_event("b", "2026-01-30"), _event("a", "2026-01-30~"), _event("c", "2026-01-30?")) == [
        "a",
        "b",
        "c",
    ]


def test_equal_dates_sort_by_id():
    assert _ordered(_event("b", "2026-02-04"), _event("a", "2026-02-04"), _event("c", "2026-02-04")) == ["a", "b", "c"]


def test_the_order_is_total_whatever_the_input_order():
    events = [
        _event(i, d)
        for i, d in [
            ("e1", "2026"),
            ("e2", "2026-02"),
            ("e3", "2026-02-01"),
            ("e4", "2026-02-01/2026-02-03"),
            ("e5", "2026-02-01"),
            ("e6", "2025-12/2026-01"),
            ("e7", "2026-01-31~"),
        ]
    ]
    expected = _ordered(*events)

    assert _ordered(*reversed(events)) == expected
    assert _ordered(*events[3:], *events[:3]) == expected


def test_brief_date_sort_key_puts_a_day_before_its_month():
    assert parse_date("2026-02-01").sort_key() < parse_date("2026-02").sort_key()
    assert parse_date("2026-02").sort_key() < parse_date("2026-02-02").sort_key()
