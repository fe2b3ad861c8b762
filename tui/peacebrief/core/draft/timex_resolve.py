"""Time expressions resolved against a base date to a `BriefDate`: one resolver per kind.

What an expression means depends on the clause around it (its tense, found by
`timex.clause_tense`), on the sentence (`ref`: the day a sentence names, which "overnight"
or a future "on Wednesday" is counted from) and on the format (a week or a weekend is an
interval of days, "February 2022" a month, not a day). Each resolver says how it worked
the date out (`Resolved.note`) and why a person should look again (`Resolved.unsure`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from peacebrief.core.dates import BriefDate, DatePoint
from peacebrief.core.draft.timex import MONTHS, WEEKDAYS

if TYPE_CHECKING:
    from peacebrief.core.draft.timex import Tense, Timex

_MONTH_ABBR = {
    "Jan": 1,
    "Feb": 2,
    "Mar": 3,
    "Apr": 4,
    "Jun": 6,
    "Jul": 7,
    "Aug": 8,
    "Sep": 9,
    "Sept": 9,
    "Oct": 10,
    "Nov": 11,
    "Dec": 12,
}
_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}

# The modifiers that move a month or a year back or on by one ("last month", "the coming year").
_BACK = ("last", "the previous", "the past")
_ON = ("next", "the coming", "the following")


@dataclass(frozen=True, slots=True)
class Resolved:
    timex: Timex
    date: BriefDate
    tense: Tense | None
    note: str  # how the date was worked out, for a comment beside the record
    unsure: str | None = None  # a reason for a review mark

    @property
    def value(self) -> str:
        return self.date.iso()


def resolve(
    timex: Timex, base: dt.date, tense: Tense | None, *, ref: dt.date | None = None, ref_words: str | None = None
) -> Resolved | None:
    """Resolve an expression against the base date (the dateline or `--date`).

    `ref` replaces the base for what is relative to another moment of the sentence: a
    future "on Wednesday" reported on Tuesday ("confirmed on Tuesday that envoys would
    take part on Wednesday"), or "overnight" before a day the sentence names. None for an
    expression that names no day of the calendar ("February 30", "from 2026 to 2024").
    """
    try:
        return _resolved(_Asked(timex, base, tense, ref, ref_words))
    except (ValueError, OverflowError):  # a day the calendar has not, or one past year 9999
        return None


@dataclass(frozen=True, slots=True)
class _Asked:
    """What a resolver is given: the expression and what it is counted from."""

    timex: Timex
    base: dt.date  # the dateline or `--date`
    tense: Tense | None  # of the clause that holds the expression
    ref: dt.date | None  # the day the sentence names, if the expression is counted from it
    ref_words: str | None  # that day's words

    @property
    def anchor(self) -> dt.date:
        return self.ref or self.base


def _resolved(asked: _Asked) -> Resolved | None:
    resolver = _RESOLVERS.get(asked.timex.kind)
    return resolver(asked) if resolver is not None else None


def _for_until(asked: _Asked) -> Resolved | None:
    """'for a week until February 1': the days that end on the day resolved."""
    parts = asked.timex.parts
    inner = dataclasses.replace(asked.timex, kind=parts["inner_kind"], prep="until")
    end = _resolved(dataclasses.replace(asked, timex=inner))
    if end is None or end.date.precision != "day" or end.date.is_interval:
        return None
    n, unit = _number(parts["for_n"]), parts["for_unit"].lower()
    length = n * 7 if unit.startswith("week") else n
    last = end.date.earliest
    first = last - dt.timedelta(days=length - 1)
    return Resolved(
        asked.timex, _days(first, last), asked.tense, f"{n} {unit} ending {_fmt(last)}: {_fmt(first)} to {_fmt(last)}"
    )


def _weekday(asked: _Asked) -> Resolved:
    """'on Tuesday', 'last Friday', 'Monday to Wednesday' (`wdwd`)."""
    timex, parts = asked.timex, asked.timex.parts
    target = WEEKDAYS.index(parts["wd"])
    day, how, unsure = _weekday_near(asked, target, parts["wd"], parts.get("mod", "").lower())
    if asked.ref is not None and asked.ref_words:
        how += f", counted from {asked.ref_words}"
    if timex.kind == "wdwd":
        last = day + dt.timedelta(days=(WEEKDAYS.index(parts["wd2"]) - target) % 7)
        return Resolved(timex, _days(day, last), asked.tense, f"{_fmt(day)} to {_fmt(last)}", unsure)
    return Resolved(timex, _day(day), asked.tense, how, unsure)


def _weekday_near(asked: _Asked, target: int, name: str, mod: str) -> tuple[dt.date, str, str | None]:
    """The day a weekday names, how, and a doubt: by its modifier, else by the tense."""
    anchor = asked.anchor
    if mod in ("last", "this past", "past"):
        delta = (anchor.weekday() - target) % 7 or 7
        return anchor - dt.timedelta(days=delta), f"the {name} before {_fmt(anchor)}", None
    if mod in ("next", "coming"):
        delta = (target - anchor.weekday()) % 7 or 7
        return anchor + dt.timedelta(days=delta), f"the {name} after {_fmt(anchor)}", None
    direction = _weekday_direction(asked.tense, asked.timex.prep, mod)
    if target == anchor.weekday():
        return anchor, f"the same day as {'the dateline' if asked.ref is None else asked.ref_words}", None
    if direction == "future":
        day = anchor + dt.timedelta(days=(target - anchor.weekday()) % 7)
        said = "future" if asked.tense else asked.timex.prep or "this"
        return day, f"the coming {name} ({said}), after {_fmt(anchor)}", None
    day = anchor - dt.timedelta(days=(anchor.weekday() - target) % 7)
    if direction is None:
        unsure = f"the tense does not say which {name}: took the one before {_fmt(anchor)}"
        return day, f"the {name} before {_fmt(anchor)}", unsure
    return day, f"the {name} before {_fmt(anchor)} (past tense)", None


def _weekday_direction(tense: Tense | None, prep: str | None, mod: str) -> Tense | None:
    """Whether a bare weekday is to come or gone: the tense, else its preposition or 'this'."""
    if tense is not None:
        return tense
    if prep in ("by", "until", "till", "before"):
        return "future"
    if prep in ("since", "after"):
        return "past"
    return "future" if mod == "this" else None


def _weekend(asked: _Asked) -> Resolved:
    """'last weekend', 'this weekend': a Saturday and a Sunday."""
    saturday, unsure = _saturday(asked.anchor, asked.timex.parts["mod"].lower(), asked.tense)
    sunday = saturday + dt.timedelta(days=1)
    return Resolved(
        asked.timex, _days(saturday, sunday), asked.tense, f"the weekend of {_fmt(saturday)} and {_fmt(sunday)}", unsure
    )


def _saturday(anchor: dt.date, mod: str, tense: Tense | None) -> tuple[dt.date, str | None]:
    if mod in ("last", "this past", "the past", "the previous"):
        saturday = anchor - dt.timedelta(days=(anchor.weekday() - 5) % 7)
        if anchor.weekday() >= 5:
            saturday -= dt.timedelta(days=7)
        return saturday, None
    if mod in _ON:
        saturday = anchor + dt.timedelta(days=(5 - anchor.weekday()) % 7)
        if anchor.weekday() >= 5:
            saturday += dt.timedelta(days=7)
        return saturday, None
    direction = tense or ("future" if mod == "this" else None)
    if direction == "future":
        saturday = anchor + dt.timedelta(days=(5 - anchor.weekday()) % 7)
        if anchor.weekday() == 6:
            saturday = anchor - dt.timedelta(days=1)
        return saturday, None
    saturday = anchor - dt.timedelta(days=(anchor.weekday() - 5) % 7)
    if direction is None:
        return saturday, f"the tense does not say which weekend: took the one before {_fmt(anchor)}"
    return saturday, None


def _period(asked: _Asked) -> Resolved:
    """'last week', 'this month', 'next year'."""
    timex, anchor, tense = asked.timex, asked.anchor, asked.tense
    mod, unit = timex.parts["mod"].lower(), timex.parts["unit"].lower()
    if unit == "week":
        first, last = _week(anchor, mod)
        return Resolved(
            timex, _days(first, last), tense, f"{_fmt(first)} to {_fmt(last)} ({mod} week, Monday to Sunday)"
        )
    step = -1 if mod in _BACK else 1 if mod in _ON else 0
    if unit == "month":
        year, month = divmod(anchor.year * 12 + anchor.month - 1 + step, 12)
        month += 1
        return Resolved(timex, _month(year, month), tense, f"{MONTHS[month - 1]} {year} ({mod} month)")
    year = anchor.year + step
    return Resolved(timex, BriefDate(DatePoint(year)), tense, f"{year} ({mod} year)")


def _week(anchor: dt.date, mod: str) -> tuple[dt.date, dt.date]:
    """The first and last day of the week a modifier names, Monday to Sunday."""
    monday = anchor - dt.timedelta(days=anchor.weekday())
    if mod in ("last", "the previous"):
        return monday - dt.timedelta(days=7), monday - dt.timedelta(days=1)
    if mod in _ON:
        return monday + dt.timedelta(days=7), monday + dt.timedelta(days=13)
    if mod == "the past":
        return anchor - dt.timedelta(days=7), anchor - dt.timedelta(days=1)
    if mod == "earlier this":
        return monday, max(monday, anchor - dt.timedelta(days=1))
    if mod == "later this":
        return min(anchor + dt.timedelta(days=1), monday + dt.timedelta(days=6)), monday + dt.timedelta(days=6)
    return monday, monday + dt.timedelta(days=6)


def _day_word(asked: _Asked) -> Resolved:
    """'yesterday', 'tomorrow morning', 'today', 'overnight'."""
    word = asked.timex.parts["word"].lower()
    if word in ("overnight", "last night"):
        return _night(asked)
    shift = {"yesterday": -1, "tomorrow": 1}.get(word.split()[0], 0)
    day = asked.base + dt.timedelta(days=shift)
    return Resolved(asked.timex, _day(day), asked.tense, f"{word}: {_fmt(day)}")


def _night(asked: _Asked) -> Resolved:
    """'overnight': the night before the day the sentence names, or before the dateline."""
    night_end = asked.anchor
    first = night_end - dt.timedelta(days=1)
    if asked.ref is not None:
        before = asked.ref_words or _fmt(asked.ref)
        how = f"the night before {before} ({_fmt(first)} to {_fmt(night_end)})"
        unsure: str | None = f"'{asked.timex.text}' taken as the night before {before}, the day the sentence names"
    else:
        how = f"the night before the dateline ({_fmt(first)} to {_fmt(night_end)})"
        unsure = None
    return Resolved(asked.timex, _days(first, night_end), asked.tense, how, unsure)


def _ago(asked: _Asked) -> Resolved:
    """'three days ago', 'two weeks ago': counted back from the dateline, about so."""
    timex, base = asked.timex, asked.base
    n, unit = _number(timex.parts["n"]), timex.parts["unit"].lower().rstrip("s")
    if unit == "day":
        day = base - dt.timedelta(days=n)
        return Resolved(timex, _day(day), "past", f"{n} days before {_fmt(base)}")
    if unit == "week":
        day = base - dt.timedelta(days=7 * n)
        return Resolved(
            timex,
            BriefDate(DatePoint(day.year, day.month, day.day, approximate=True)),
            "past",
            f"about {n} weeks before {_fmt(base)}",
        )
    if unit == "month":
        index = base.year * 12 + base.month - 1 - n
        return Resolved(
            timex,
            _month(index // 12, index % 12 + 1, approximate=True),
            "past",
            f"about {n} months before {_fmt(base)}",
        )
    return Resolved(
        timex, BriefDate(DatePoint(base.year - n, approximate=True)), "past", f"about {n} years before {base.year}"
    )


def _calendar(asked: _Asked) -> Resolved | None:
    """'February 4', '4 February 2026', 'February 4-6', 'February 28 to March 2'."""
    timex, parts, prep, anchor = asked.timex, asked.timex.parts, asked.timex.prep, asked.anchor
    m1 = _month_number(parts["m1"])
    d1 = _day_number(parts["d1"])
    unsure = None
    if "y" in parts:
        year = int(parts["y"])
    else:
        tense = asked.tense if prep not in ("until", "till", "by") else (asked.tense or "future")
        year, unsure = _nearest_year(m1, d1, anchor, tense)
    first = dt.date(year, m1, d1)
    last = _calendar_end(timex.kind, parts, year, m1, first)
    if last < first:
        return None
    how = "as written" if "y" in parts else f"no year given: {year}, the nearest to {_fmt(anchor)}"
    if prep in ("until", "till") and first == last and unsure is None:
        unsure = f"'{timex.text}': the source gives the end of a period, not its start"
    return Resolved(timex, _days(first, last), asked.tense, how, unsure)


def _calendar_end(kind: str, parts: dict[str, str], year: int, m1: int, first: dt.date) -> dt.date:
    if kind == "mdmd":
        m2 = _month_number(parts["m2"])
        return dt.date(year + (1 if m2 < m1 else 0), m2, _day_number(parts["d2"]))
    if kind in ("mdd", "ddm"):
        return dt.date(year, m1, _day_number(parts["d2"]))
    return first


def _month_of_year(asked: _Asked) -> Resolved:
    """'February 2022', 'late March 2026'."""
    parts = asked.timex.parts
    return Resolved(asked.timex, _month(int(parts["y"]), _month_number(parts["m1"])), asked.tense, "as written")


def _month_alone(asked: _Asked) -> Resolved:
    """'in March', 'next February': the year by the modifier, the tense and the dateline."""
    timex = asked.timex
    month = _month_number(timex.parts["m1"])
    mod = (timex.parts.get("mod") or "").lower()
    bounded = mod in ("the end of", "the start of", "the beginning of", "the middle of")
    by_words = timex.prep if bounded and timex.prep in ("before", "by", "until", "till") else mod
    year, unsure = _month_year(month, asked.anchor, asked.tense, by_words)
    return Resolved(
        timex, _month(year, month), asked.tense, f"{MONTHS[month - 1]} {year}, by the tense and the dateline", unsure
    )


def _year(asked: _Asked) -> Resolved:
    return Resolved(asked.timex, BriefDate(DatePoint(int(asked.timex.parts["y"]))), asked.tense, "as written")


def _years(asked: _Asked) -> Resolved | None:
    """'between 2022 and 2024'."""
    since, until = int(asked.timex.parts["y"]), int(asked.timex.parts["y2"])
    if until <= since:
        return None
    return Resolved(
        asked.timex, BriefDate(DatePoint(since), DatePoint(until)), asked.tense, f"the years {since} to {until}"
    )


def _end_of(asked: _Asked) -> Resolved:
    """'the end of the year', 'the end of this month'."""
    anchor, tense = asked.anchor, asked.tense
    if asked.timex.parts["unit"].lower() == "year":
        return Resolved(asked.timex, BriefDate(DatePoint(anchor.year)), tense, f"the end of {anchor.year}")
    return Resolved(
        asked.timex, _month(anchor.year, anchor.month), tense, f"the end of {MONTHS[anchor.month - 1]} {anchor.year}"
    )


def _daypart(asked: _Asked) -> Resolved:
    """'this morning (Tuesday)': the named weekday nearest the dateline."""
    parts, base = asked.timex.parts, asked.base
    target = WEEKDAYS.index(parts["wd"])
    shift = (target - base.weekday() + 3) % 7 - 3
    day = base + dt.timedelta(days=shift)
    how = f"{parts['word'].lower()}, {parts['wd']}: {_fmt(day)}"
    unsure = None if shift == 0 else f"the dateline is a {WEEKDAYS[base.weekday()]}, the text says {parts['wd']}"
    return Resolved(asked.timex, _day(day), asked.tense, how, unsure)


_RESOLVERS: dict[str, Callable[[_Asked], Resolved | None]] = {
    "for-until": _for_until,
    "weekday": _weekday,
    "wdwd": _weekday,
    "weekend": _weekend,
    "period": _period,
    "day": _day_word,
    "ago": _ago,
    "md": _calendar,
    "dm": _calendar,
    "mdd": _calendar,
    "ddm": _calendar,
    "mdmd": _calendar,
    "my": _month_of_year,
    "month": _month_alone,
    "year": _year,
    "years": _years,
    "endof": _end_of,
    "daypart": _daypart,
}


# -- dates and words -------------------------------------------------------------------


def _day(d: dt.date) -> BriefDate:
    return BriefDate(DatePoint(d.year, d.month, d.day))


def _days(a: dt.date, b: dt.date) -> BriefDate:
    if a == b:
        return _day(a)
    return BriefDate(DatePoint(a.year, a.month, a.day), DatePoint(b.year, b.month, b.day))


def _month(year: int, month: int, *, approximate: bool = False) -> BriefDate:
    return BriefDate(DatePoint(year, month, approximate=approximate))


def _fmt(d: dt.date) -> str:
    return f"{WEEKDAYS[d.weekday()][:3]} {d.day} {MONTHS[d.month - 1][:3]} {d.year}"


def _month_number(name: str) -> int:
    name = name.rstrip(".")
    if name in MONTHS:
        return MONTHS.index(name) + 1
    if name not in _MONTH_ABBR:
        raise ValueError(f"{name!r} is no month")
    return _MONTH_ABBR[name]


def _day_number(text: str) -> int:
    digits = re.match(r"\d+", text)
    if digits is None:
        raise ValueError(f"{text!r} is no day of a month")
    return int(digits.group())


def _number(text: str) -> int:
    return _NUMBERS.get(text.lower()) or int(text)


def _nearest_year(month: int, day: int, base: dt.date, tense: Tense | None) -> tuple[int, str | None]:
    """The year that puts a month and day nearest the base date, unless the tense says."""
    options = []
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not options:
        raise ValueError(f"no year near {base.year} has a day {day} in month {month}")  # "February 30"
    options.sort(key=lambda d: abs((d - base).days))
    best = options[0]
    gap = (best - base).days
    if tense == "past" and gap > 14:
        earlier = [d for d in options if d <= base]
        best = max(earlier) if earlier else best
    elif tense == "future" and gap < -14:
        later = [d for d in options if d >= base]
        best = min(later) if later else best
    unsure = None
    if abs((best - base).days) > 150:
        unsure = f"no year given: {best.year} is a guess"
    return best.year, unsure


def _month_year(month: int, base: dt.date, tense: Tense | None, mod: str) -> tuple[int, str | None]:
    here = base.year * 12 + base.month - 1
    past_year = base.year if month <= base.month else base.year - 1
    future_year = base.year if month >= base.month else base.year + 1
    if mod == "last":
        return (base.year if month < base.month else base.year - 1), None
    if mod == "next":
        return (base.year if month > base.month else base.year + 1), None
    if mod == "this":
        return base.year, None
    if mod in ("since", "earlier in"):
        return past_year, None
    if mod in ("until", "till", "by", "before", "later in"):
        return future_year, None
    if tense == "past":
        return past_year, None
    if tense == "future":
        return future_year, None
    past_gap = here - (past_year * 12 + month - 1)
    future_gap = (future_year * 12 + month - 1) - here
    year = past_year if past_gap <= future_gap else future_year
    return year, None if min(
        past_gap, future_gap
    ) <= 2 else f"the tense does not say which {MONTHS[month - 1]}: {year} is a guess"
