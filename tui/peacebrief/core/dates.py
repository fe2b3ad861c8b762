"""Dates of partial precision: the ISO 8601 / EDTF level-1 subset of the brief format.

A `BriefDate` is a day, a month or a year, or an interval of them, optionally
approximate (`~`) or uncertain (`?`; `%` is both). It knows the first and last day it
may mean, which gives briefs a total, stable order.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from peacebrief.core.fields_repr import FieldsValue

TYPE_CHECKING = False  # not `typing`'s: `check` and `digest` start without importing it
if TYPE_CHECKING:
    from typing import Literal

    Precision = Literal["day", "month", "year"]

_PRECISION_RANK: dict[str, int] = {"day": 0, "month": 1, "year": 2}
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# ASCII digits only: `\d` alone would also take "２０２６" or Arabic-Indic digits and
# quietly show them as another number than the author typed.
_POINT = re.compile(r"(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?(?P<q>[~?%])?", re.ASCII)


class DateError(ValueError):
    """A value that is not a date of the brief format; the message says why."""


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class DatePoint(FieldsValue):
    """One end of a date: a day, a month or a year."""

    year: int
    month: int | None = None
    day: int | None = None
    approximate: bool = False
    uncertain: bool = False

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> dt.date:
        if self.day is not None:
            return dt.date(self.year, self.month or 1, self.day)
        # The day before the first of the next month (not `calendar.monthrange`: that
        # module, and `locale` with it, would be imported by every command for this).
        month = self.month or 12
        if month == 12:
            return dt.date(self.year, 12, 31)
        return dt.date(self.year, month + 1, 1) - dt.timedelta(days=1)

    def iso(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        if self.approximate and self.uncertain:
            text += "%"
        elif self.approximate:
            text += "~"
        elif self.uncertain:
            text += "?"
        return text


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class BriefDate(FieldsValue):
    """A date as a brief states it: a point, or an interval `start/end`."""

    start: DatePoint
    end: DatePoint | None = None

    @property
    def is_interval(self) -> bool:
        return self.end is not None

    @property
    def precision(self) -> Precision:
        return self.start.precision

    @property
    def approximate(self) -> bool:
        return self.start.approximate or (self.end is not None and self.end.approximate)

    @property
    def uncertain(self) -> bool:
        return self.start.uncertain or (self.end is not None and self.end.uncertain)

    @property
    def earliest(self) -> dt.date:
        return self.start.first_day

    @property
    def latest(self) -> dt.date:
        return (self.end or self.start).last_day

    def sort_key(self) -> tuple[dt.date, int]:
        """Earliest possible day, then precision (a day before the month that holds it).

        The format breaks remaining ties by id, so records sort totally (`Event.sort_key`).
        """
        return (self.earliest, _PRECISION_RANK[self.precision])

    def contains(self, day: dt.date) -> bool:
        return self.earliest <= day <= self.latest

    def iso(self) -> str:
        return self.start.iso() if self.end is None else f"{self.start.iso()}/{self.end.iso()}"

    def display(self) -> str:
        """The reader's form: '4 Feb 2026', '23-24 Jan 2026', 'c. 30 Jan 2026', 'Feb 2022 (?)'."""
        text = _display_plain(self.start) if self.end is None else _display_interval(self.start, self.end)
        if self.approximate:
            text = f"c. {text}"
        if self.uncertain:
            text = f"{text} (?)"
        return text

    def __str__(self) -> str:
        return self.display()


def _display_plain(point: DatePoint) -> str:
    if point.day is not None:
        return f"{point.day} {_MONTHS[(point.month or 1) - 1]} {point.year}"
    if point.month is not None:
        return f"{_MONTHS[point.month - 1]} {point.year}"
    return str(point.year)


def _display_interval(a: DatePoint, b: DatePoint) -> str:
    if (a.year, a.month, a.day) == (b.year, b.month, b.day):  # `X/X` is just X, not "4-4 Feb"
        return _display_plain(a)
    if a.precision != b.precision or a.precision == "year":
        return f"{_display_plain(a)}-{_display_plain(b)}"
    if a.precision == "month":
        if a.year == b.year:
            return f"{_MONTHS[(a.month or 1) - 1]}-{_display_plain(b)}"
        return f"{_display_plain(a)}-{_display_plain(b)}"
    if a.year == b.year and a.month == b.month:
        return f"{a.day}-{_display_plain(b)}"
    if a.year == b.year:
        return f"{a.day} {_MONTHS[(a.month or 1) - 1]}-{_display_plain(b)}"
    return f"{_display_plain(a)}-{_display_plain(b)}"


def _parse_point(text: str) -> DatePoint:
    match = _POINT.fullmatch(text)
    if match is None:
        raise DateError(
            f"'{text}' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD, "
            "optionally ending in ~ (approximate) or ? (uncertain)"
        )
    year = int(match["y"])
    month = int(match["m"]) if match["m"] else None
    day = int(match["d"]) if match["d"] else None
    if month is not None and not 1 <= month <= 12:
        raise DateError(f"'{text}' has no month {month}")
    if day is not None:
        try:
            dt.date(year, month or 1, day)
        except ValueError:
            raise DateError(f"'{text}' is not a day of the calendar") from None
    if year < 1:
        raise DateError(f"'{text}' has no year 0000")
    qualifier = match["q"]
    return DatePoint(
        year,
        month,
        day,
        approximate=qualifier in ("~", "%"),
        uncertain=qualifier in ("?", "%"),
    )


def parse_date(value: object) -> BriefDate:
    """Parse a date as YAML gives it: a string, a `datetime.date`, or a bare year."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return BriefDate(DatePoint(value.year, value.month, value.day))
    if isinstance(value, bool):  # bool is an int: `yes` must not become year 1
        raise DateError(f"'{value}' is not a date")
    if isinstance(value, int):
        if not 1 <= value <= 9999:
            raise DateError(f"'{value}' is not a year")
        return BriefDate(DatePoint(value))
    if not isinstance(value, str):
        raise DateError(f"expected a date such as 2026-02-04, not {type(value).__name__}")
    text = value.strip()
    if "/" not in text:
        return BriefDate(_parse_point(text))
    first, _, second = text.partition("/")
    start, end = _parse_point(first), _parse_point(second)
    if end.last_day < start.first_day:
        raise DateError(f"'{text}' ends before it starts")
    return BriefDate(start, end)
