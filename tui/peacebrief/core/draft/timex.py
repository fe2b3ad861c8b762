"""Time expressions: found in a sentence, resolved against a base date to a `BriefDate`.

Hand-written rules, not a date library: the expressions a news report uses are few, and
what they mean depends on the clause around them ("said on Tuesday" is the Tuesday just
gone, "by Friday" and "will meet on Friday" the one to come), on the sentence ("overnight"
is the night before the day the sentence names) and on the format (a week or a weekend is
an interval of days, "February 2022" a month, not a day). See `resolve`.

The words kept for `date_text` are the expression with its meaning-bearing modifiers
("late Tuesday", "until February 1", "for a week until February 1", "last week") but
without a plain locating preposition ("on", "in", "at", "during", "over", "for").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal

from peacebrief.core.dates import BriefDate, DatePoint
from peacebrief.core.draft.sentences import Sentence, Token

Tense = Literal["past", "future"]

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
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

_WD = "(?:" + "|".join(WEEKDAYS) + ")"
_MONFULL = "(?:" + "|".join(MONTHS) + ")"
_MON = "(?:" + "|".join(MONTHS) + "|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?:1[89]\d\d|20\d\d)(?![\d\u2010-\u2015-]\d)"
_TO = r"\s*(?:[-\u2010-\u2015]|\s(?:to|through|until|till)\s)\s*"
_TO_AND = r"\s*(?:[-\u2010-\u2015]|\s(?:to|and|through|until|till)\s)\s*"
_NUM = r"(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3})"
_B = r"(?<![\w\u2019'-])"  # a word starts here
_E = r"(?![\w-])"  # a word ends here

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        (
            "mdmd",
            rf"{_B}(?P<m1>{_MON})\s+(?P<d1>{_DAY}){_TO}(?P<m2>{_MON})\s+(?P<d2>{_DAY})(?:,?\s+(?P<y>{_YEAR}))?{_E}",
        ),
        (
            "mdd",
            rf"{_B}(?:(?P<wd>{_WD}),?\s+)?(?P<m1>{_MON})\s+(?P<d1>{_DAY}){_TO_AND}(?P<d2>{_DAY})(?:,?\s+(?P<y>{_YEAR}))?{_E}",
        ),
        ("ddm", rf"{_B}(?P<d1>{_DAY}){_TO_AND}(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m1>{_MON})(?:,?\s+(?P<y>{_YEAR}))?{_E}"),
        ("md", rf"{_B}(?:(?P<wd>{_WD}),?\s+)?(?P<m1>{_MON})\s+(?P<d1>{_DAY})(?:,?\s+(?P<y>{_YEAR}))?{_E}"),
        (
            "dm",
            rf"{_B}(?:(?P<wd>{_WD}),?\s+)?(?:the\s+)?(?P<d1>{_DAY})\s+(?:of\s+)?(?P<m1>{_MON})(?:,?\s+(?P<y>{_YEAR}))?{_E}",
        ),
        (
            "my",
            rf"{_B}(?:(?P<part>(?i:early|late|the end of|the start of|the beginning of|the middle of))\s+|(?i:mid)-?)?(?P<m1>{_MONFULL})(?:\s+of)?,?\s+(?P<y>{_YEAR}){_E}",
        ),
        (
            "month",
            rf"{_B}(?:(?P<mod>(?i:early|late|the end of|the start of|the beginning of|the middle of|earlier in|later in|last|next|this|in|for|since|until|till|by|from|during|through|before|after))\s+|(?P<mid>(?i:mid)-?))(?P<m1>{_MONFULL}){_E}(?!\s*\d)",
        ),
        (
            "years",
            rf"{_B}(?P<mod>(?i:between|from))\s+(?P<y>{_YEAR})\s+(?i:and|to|until|till|through)\s+(?P<y2>{_YEAR}){_E}",
        ),
        ("endof", rf"{_B}(?i:the\s+end\s+of\s+(?:the|this)\s+(?P<unit>year|month)){_E}"),
        ("daypart", rf"{_B}(?P<word>(?i:this morning|this afternoon|this evening|tonight|today))\s*\((?P<wd>{_WD})\)"),
        (
            "year",
            rf"{_B}(?:(?P<mod>(?i:in|since|until|till|by|from|during|early|late|before|after|throughout|the end of|the start of|the beginning of))\s+|(?P<mid>(?i:mid)-))(?P<y>{_YEAR}){_E}",
        ),
        ("wdwd", rf"{_B}(?P<wd>{_WD}){_TO_AND}(?P<wd2>{_WD}){_E}"),
        (
            "weekday",
            rf"{_B}(?:(?P<mod>(?i:last|next|this|coming|late|early|this past|past))\s+(?:on\s+)?)?(?P<wd>{_WD})(?:\s+(?P<part>(?i:night|morning|afternoon|evening)))?(?![\w-])",
        ),
        (
            "weekend",
            rf"{_B}(?i:(?P<mod>the|this|last|next|that|this past|the past|the coming|the previous|the following)\s+weekend){_E}",
        ),
        (
            "period",
            rf"{_B}(?i:(?P<mod>earlier this|later this|last|this|next|the past|the previous|the coming|the following)\s+(?P<unit>week|month|year)){_E}",
        ),
        (
            "day",
            rf"{_B}(?i:(?P<word>(?:yesterday|tomorrow)(?:\s+(?:morning|afternoon|evening|night))?|today|tonight|overnight|last night|this morning|this afternoon|this evening|earlier today|later today)){_E}",
        ),
        ("ago", rf"{_B}(?i:(?P<n>{_NUM})\s+(?P<unit>days?|weeks?|months?|years?)\s+ago){_E}"),
    )
)

# Prepositions in front of an expression: the locating ones are left out of `date_text`.
_PREP = re.compile(
    r"(?i:(?<![\w-])(on|in|at|during|over|for|since|from|until|till|by|before|after|between|as of|through|throughout)\s+)$"
)
_LOCATING = frozenset({"on", "in", "at", "during", "over", "for", "through", "throughout", "between"})
_INTENT = frozenset(
    "hoped planned wanted agreed promised pledged vowed intended expected aimed sought decided offered threatened proposed".split()
)
_DEADLINE = frozenset({"by", "until", "till", "before"})
# A deadline or plan set in the past for a day to come: "promised an answer by Saturday".
_DEADLINE_NOUNS = frozenset(
    "deadline deadlines ultimatum promise pledge commitment target answer reply response decision".split()
)
_FOR_SPAN = re.compile(
    rf"(?i:(?<![\w-])for\s+(?:(?:the|about|nearly|almost)\s+)?(?P<n>{_NUM})\s+(?P<unit>days?|weeks?)\s+)$"
)

_FUTURE_AUX = frozenset(
    {"will", "\u2019ll", "'ll", "shall", "would", "won\u2019t", "won't", "wouldn\u2019t", "wouldn't"}
)
_MODALS = frozenset({"can", "could", "may", "might", "must", "should", "ought"})
_PRESENT_AUX = frozenset({"is", "are", "am", "be", "\u2019s", "'s", "\u2019re", "'re"})
_PAST_AUX = frozenset(
    {
        "was",
        "were",
        "had",
        "did",
        "been",
        "hadn\u2019t",
        "hadn't",
        "didn\u2019t",
        "didn't",
        "wasn\u2019t",
        "wasn't",
        "weren\u2019t",
        "weren't",
    }
)
_PLANNED = frozenset(
    {"due", "expected", "set", "scheduled", "slated", "planned", "going", "poised", "supposed", "meant", "likely"}
)
_FUTURE_WORDS = frozenset({"next", "coming", "upcoming", "tomorrow", "later"})
_PRESENT_EVENT_VERBS = frozenset(
    """resume resumes begin begins start starts open opens meet meets end ends close closes expire expires
    run runs continue continues return returns arrive arrives travel travels visit visits vote votes sign signs
    hold holds take takes head heads convene convenes reconvene reconvenes gather gathers expires lapse lapses""".split()
)
_PAST_IRREGULAR = frozenset(
    """said told met took began held made came went left gave sent spoke saw struck fought won lost broke rose fell
    flew led brought bought sought thought wrote drove stood sat ran became kept meant felt heard paid found chose
    withdrew drew shot spent overran undertook forgot understood swore tore wore woke arose hung""".split()
)
_NOT_PAST_ED = frozenset(
    {
        "need",
        "speed",
        "feed",
        "seed",
        "proceed",
        "exceed",
        "succeed",
        "indeed",
        "bed",
        "red",
        "hundred",
        "shed",
        "united",
        "limited",
        "detailed",
        "armed",
        "alleged",
        "so-called",
        "based",
    }
)
_BOUNDARY_WORDS = frozenset(
    {"that", "which", "who", "when", "while", "because", "although", "though", "whereas", "but", "where"}
)


@dataclass(frozen=True, slots=True)
class Timex:
    """A time expression in a sentence: where it stands, its words and its parts."""

    sentence: int
    start: int  # document offsets of the words kept in `text`
    end: int
    text: str  # the `date_text`
    kind: str
    parts: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    prep: str | None = None  # a meaning-bearing preposition in front: until, by, since, from, ...
    outer_start: int = 0  # where the expression starts with a locating preposition


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


def find_timexes(sentence: Sentence) -> list[Timex]:
    """The time expressions of a sentence, longest first where they overlap, in order."""
    text = sentence.text
    found: list[tuple[int, int, str, re.Match[str]]] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            found.append((match.start(), match.end(), kind, match))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    chosen: list[tuple[int, int, str, re.Match[str]]] = []
    for item in found:  # earliest first, then longest: keep what does not overlap
        if all(item[1] <= c[0] or item[0] >= c[1] for c in chosen):
            chosen.append(item)
    out: list[Timex] = []
    for start, end, kind, match in chosen:
        if kind == "weekday" and _is_name_part(text, start, end):
            continue
        if kind == "day" and _today_in_name(text, start, end):
            continue
        parts = {k: v for k, v in match.groupdict().items() if v}
        prep = None
        outer = start
        lead = _PREP.search(text, max(0, start - 24), start)
        if lead and lead.end() == start:
            word = lead.group(1).lower()
            outer = lead.start()
            if word not in _LOCATING:
                prep, start = word, lead.start()
        mod = parts.get("mod", "").lower()
        if kind in ("month", "year") and mod in _LOCATING:
            start = match.start() + len(parts["mod"]) + 1
            while text[start].isspace():
                start += 1
        elif kind in ("month", "year") and mod in ("until", "till", "by", "since", "from", "before", "after"):
            prep = mod
        if prep in ("until", "till", "to"):
            span = _FOR_SPAN.search(text, max(0, outer - 40), outer)
            if span and span.end() == outer:
                parts["for_n"], parts["for_unit"] = span.group("n"), span.group("unit")
                start = outer = span.start()
                kind = "for-until"
                parts["inner_kind"] = next(k for k, p in _PATTERNS if p is match.re)
        base = sentence.start
        out.append(
            Timex(sentence.index, base + start, base + end, _clean(text[start:end]), kind, parts, prep, base + outer)
        )
    return out


def _is_name_part(text: str, start: int, end: int) -> bool:
    """'Sunday Times', 'Good Friday Agreement': a weekday inside a capitalised name."""
    after = text[end:].lstrip()
    before = text[:start].rstrip()
    if after[:1].isupper() and not after.startswith(("I ", "The ", "A ")) and re.match(r"[A-Z][a-z]+", after):
        return not re.match(r"(?:" + "|".join(MONTHS) + r")\b", after)
    return bool(before) and before.split()[-1] in ("Good", "Black", "Bloody", "Easter", "Palm", "Ash")


def _today_in_name(text: str, start: int, end: int) -> bool:
    """'Today's Front', 'Belmora Today': a capitalised 'Today' or 'Tonight' that is not the
    first word of its sentence, or a possessive 'Today's' before a capitalised name."""
    word = text[start:end]
    if not word[:1].isupper():
        return False
    if text[:start].strip(" \u201c\"\u2018'("):
        return True
    after = text[end:]
    return after[:2] in ("'s", "\u2019s") and after[2:].lstrip()[:1].isupper()


def _clean(words: str) -> str:
    return " ".join(words.split())


# -- tense -----------------------------------------------------------------------------


def clause_tense(sentence: Sentence, timex: Timex) -> tuple[Tense | None, bool]:
    """The tense of the clause that holds a time expression, and whether it is 'would'/'will'.

    Looks back from the expression to the start of its clause for the nearest verb form
    that tells: an auxiliary (will, would, is due to, was, had), a past form (said, met,
    confirmed), a present event verb (resume, meet: a timetable, so future). If nothing
    before does, looks forward (an expression opening its sentence: "On Friday, the
    delegations will meet").
    """
    tokens = sentence.tokens
    cut = _first_at(tokens, timex.outer_start)
    while cut > 0 and tokens[cut - 1].end > timex.outer_start:
        cut -= 1
    after_at = _first_at(tokens, timex.end)
    back: list[str] = []
    for token in reversed(tokens[max(0, cut - _CLAUSE_TOKENS) : cut]):
        word = token.lower
        if word in (",", ";", ":", "\u2014") or word in _BOUNDARY_WORDS:
            break
        back.append(word)
    if timex.prep in _DEADLINE and any(w in _INTENT or w in _PLANNED or w in _DEADLINE_NOUNS for w in back):
        return "future", False  # "has promised an answer by Saturday", "were due to last until Friday"
    if _past_form_before(back):
        return "past", False  # "the agreement signed in March"
    verdict = _scan(back)
    if verdict[0] is not None:
        return verdict
    forward: list[str] = []
    for k, token in enumerate(tokens[after_at : after_at + _CLAUSE_TOKENS]):
        word = token.lower
        if word in (";", ":", "\u2014") or word in _BOUNDARY_WORDS or (word == "," and k > 0):
            break
        if word == ",":
            continue
        forward.append(word)
    verdict = _scan(forward, forward_scan=True)
    return verdict


def _past_form_before(back: list[str]) -> bool:
    """A past form just before the expression, not part of a passive or a plan
    ('signed in March', not 'could be signed in January' or 'is scheduled for July 2')."""
    if not back:
        return False
    word = back[0]
    past = word in _PAST_IRREGULAR or (
        word.endswith("ed") and len(word) > 4 and word not in _NOT_PAST_ED and word.isalpha()
    )
    if not past or word in _INTENT or word in _PLANNED:
        return False
    helper = back[1] if len(back) > 1 else ""
    return helper not in _FUTURE_AUX | _MODALS | _PRESENT_AUX | {"be", "being", "to"}


_CLAUSE_TOKENS = 60  # a clause's tense is told by the words near the expression


def _first_at(tokens: list[Token], offset: int) -> int:
    """The index of the first token starting at or after `offset`."""
    lo, hi = 0, len(tokens)
    while lo < hi:
        mid = (lo + hi) // 2
        if tokens[mid].start < offset:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _scan(words: list[str], *, forward_scan: bool = False) -> tuple[Tense | None, bool]:
    """First an auxiliary or modal anywhere in the clause (nearest first); failing that,
    a verb form ('said', 'confirmed', 'resume'). 'A revised schedule' is not past."""
    for word in words:
        if word in _FUTURE_AUX:
            return "future", True
        if word in _PAST_AUX:
            return "past", False
        if word in _MODALS:
            return "future", False
        if word in ("is", "are", "am"):
            return "future", False
    for i, word in enumerate(words):
        if word in _FUTURE_AUX:
            return "future", True
        if word in _PAST_AUX:
            return "past", False
        if word in _PRESENT_AUX or word in _MODALS:
            return "future", False
        if word in _PLANNED:
            rest = words[i + 1 :] if not forward_scan else list(reversed(words[:i]))
            for other in rest:
                if other in _PAST_AUX:
                    return "past", False
                if other in _PRESENT_AUX or other in _FUTURE_AUX:
                    return "future", other in _FUTURE_AUX
            return "future", False
        if word in _FUTURE_WORDS:
            return "future", False
        if word in _PRESENT_EVENT_VERBS:
            near = words[i + 1 : i + 4] if not forward_scan else words[max(0, i - 3) : i]
            return "future", any(w in _FUTURE_AUX for w in near)
        if word in _INTENT and not forward_scan and i > 0 and words[i - 1] == "to":
            return "future", False  # "hoped to put it to parliament in February"
        if word in _PAST_IRREGULAR or (
            word.endswith("ed") and len(word) > 4 and word not in _NOT_PAST_ED and word.isalpha()
        ):
            return "past", False
        if word == "ago" or word == "last":
            return "past", False
    return None, False


# -- resolution ------------------------------------------------------------------------


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
    return _MONTH_ABBR[name]


def _day_number(text: str) -> int:
    return int(re.match(r"\d+", text).group())  # type: ignore[union-attr]


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


def resolve(
    timex: Timex, base: dt.date, tense: Tense | None, *, ref: dt.date | None = None, ref_words: str | None = None
) -> Resolved | None:
    """Resolve an expression against the base date (the dateline or `--date`).

    `ref` replaces the base for what is relative to another moment of the sentence: a
    future "on Wednesday" reported on Tuesday ("confirmed on Tuesday that envoys would
    take part on Wednesday"), or "overnight" before a day the sentence names.
    """
    try:
        return _resolve(timex, base, tense, ref, ref_words)
    except (ValueError, KeyError, AttributeError, OverflowError):
        return None


def _resolve(
    timex: Timex, base: dt.date, tense: Tense | None, ref: dt.date | None, ref_words: str | None
) -> Resolved | None:
    parts = timex.parts
    kind = timex.kind
    words = timex.text
    anchor = ref or base
    prep = timex.prep
    if kind == "for-until":
        inner = Timex(
            timex.sentence, timex.start, timex.end, words, parts["inner_kind"], parts, "until", timex.outer_start
        )
        end = _resolve(inner, base, tense, ref, ref_words)
        if end is None or end.date.precision != "day" or end.date.is_interval:
            return None
        n, unit = _number(parts["for_n"]), parts["for_unit"].lower()
        length = n * 7 if unit.startswith("week") else n
        last = end.date.earliest
        first = last - dt.timedelta(days=length - 1)
        return Resolved(
            timex, _days(first, last), tense, f"{n} {unit} ending {_fmt(last)}: {_fmt(first)} to {_fmt(last)}"
        )

    if kind in ("weekday", "wdwd"):
        target = WEEKDAYS.index(parts["wd"])
        mod = parts.get("mod", "").lower()
        unsure = None
        if mod in ("last", "this past", "past"):
            delta = (anchor.weekday() - target) % 7 or 7
            day = anchor - dt.timedelta(days=delta)
            how = f"the {parts['wd']} before {_fmt(anchor)}"
        elif mod in ("next", "coming"):
            delta = (target - anchor.weekday()) % 7 or 7
            day = anchor + dt.timedelta(days=delta)
            how = f"the {parts['wd']} after {_fmt(anchor)}"
        else:
            direction = tense
            if direction is None and prep in ("by", "until", "till", "before"):
                direction = "future"
            if direction is None and prep in ("since", "after"):
                direction = "past"
            if direction is None and mod == "this":
                direction = "future"
            if target == anchor.weekday():
                day = anchor
                how = f"the same day as {'the dateline' if ref is None else ref_words}"
            elif direction == "future":
                day = anchor + dt.timedelta(days=(target - anchor.weekday()) % 7)
                how = f"the coming {parts['wd']} ({'future' if tense else prep or 'this'}), after {_fmt(anchor)}"
            else:
                day = anchor - dt.timedelta(days=(anchor.weekday() - target) % 7)
                how = f"the {parts['wd']} before {_fmt(anchor)} (past tense)"
                if direction is None:
                    how = f"the {parts['wd']} before {_fmt(anchor)}"
                    unsure = f"the tense does not say which {parts['wd']}: took the one before {_fmt(anchor)}"
        if ref is not None and ref_words:
            how += f", counted from {ref_words}"
        if kind == "wdwd":
            last = day + dt.timedelta(days=(WEEKDAYS.index(parts["wd2"]) - target) % 7)
            return Resolved(timex, _days(day, last), tense, f"{_fmt(day)} to {_fmt(last)}", unsure)
        return Resolved(timex, _day(day), tense, how, unsure)

    if kind == "weekend":
        mod = parts["mod"].lower()
        unsure = None
        if mod in ("last", "this past", "the past", "the previous"):
            saturday = anchor - dt.timedelta(days=(anchor.weekday() - 5) % 7)
            if anchor.weekday() >= 5:
                saturday -= dt.timedelta(days=7)
        elif mod in ("next", "the coming", "the following"):
            saturday = anchor + dt.timedelta(days=(5 - anchor.weekday()) % 7)
            if anchor.weekday() >= 5:
                saturday += dt.timedelta(days=7)
        else:
            direction = tense or ("future" if mod == "this" else None)
            if direction == "future":
                saturday = anchor + dt.timedelta(days=(5 - anchor.weekday()) % 7)
                if anchor.weekday() == 6:
                    saturday = anchor - dt.timedelta(days=1)
            else:
                saturday = anchor - dt.timedelta(days=(anchor.weekday() - 5) % 7)
                if direction is None:
                    unsure = f"the tense does not say which weekend: took the one before {_fmt(anchor)}"
        sunday = saturday + dt.timedelta(days=1)
        return Resolved(
            timex, _days(saturday, sunday), tense, f"the weekend of {_fmt(saturday)} and {_fmt(sunday)}", unsure
        )

    if kind == "period":
        mod, unit = parts["mod"].lower(), parts["unit"].lower()
        if unit == "week":
            monday = anchor - dt.timedelta(days=anchor.weekday())
            if mod in ("last", "the previous"):
                first, last = monday - dt.timedelta(days=7), monday - dt.timedelta(days=1)
            elif mod in ("next", "the coming", "the following"):
                first, last = monday + dt.timedelta(days=7), monday + dt.timedelta(days=13)
            elif mod == "the past":
                first, last = anchor - dt.timedelta(days=7), anchor - dt.timedelta(days=1)
            elif mod == "earlier this":
                first, last = monday, max(monday, anchor - dt.timedelta(days=1))
            elif mod == "later this":
                first, last = (
                    min(anchor + dt.timedelta(days=1), monday + dt.timedelta(days=6)),
                    monday + dt.timedelta(days=6),
                )
            else:
                first, last = monday, monday + dt.timedelta(days=6)
            return Resolved(
                timex, _days(first, last), tense, f"{_fmt(first)} to {_fmt(last)} ({mod} week, Monday to Sunday)"
            )
        if unit == "month":
            year, month = anchor.year, anchor.month
            if mod in ("last", "the previous", "the past"):
                year, month = (year, month - 1) if month > 1 else (year - 1, 12)
            elif mod in ("next", "the coming", "the following"):
                year, month = (year, month + 1) if month < 12 else (year + 1, 1)
            return Resolved(timex, _month(year, month), tense, f"{MONTHS[month - 1]} {year} ({mod} month)")
        year = (
            anchor.year - 1
            if mod in ("last", "the previous", "the past")
            else anchor.year + 1
            if mod in ("next", "the coming", "the following")
            else anchor.year
        )
        return Resolved(timex, BriefDate(DatePoint(year)), tense, f"{year} ({mod} year)")

    if kind == "day":
        word = parts["word"].lower()
        if word in ("overnight", "last night"):
            night_end = anchor
            first = night_end - dt.timedelta(days=1)
            if ref is not None:
                how = f"the night before {ref_words or _fmt(ref)} ({_fmt(first)} to {_fmt(night_end)})"
                unsure = f"'{words}' taken as the night before {ref_words or _fmt(ref)}, the day the sentence names"
            else:
                how = f"the night before the dateline ({_fmt(first)} to {_fmt(night_end)})"
                unsure = None
            return Resolved(timex, _days(first, night_end), tense, how, unsure)
        shift = {"yesterday": -1, "tomorrow": 1}.get(word.split()[0], 0)
        day = base + dt.timedelta(days=shift)
        return Resolved(timex, _day(day), tense, f"{word}: {_fmt(day)}")

    if kind == "ago":
        n, unit = _number(parts["n"]), parts["unit"].lower().rstrip("s")
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

    if kind in ("md", "dm", "mdd", "ddm", "mdmd"):
        m1 = _month_number(parts["m1"])
        d1 = _day_number(parts["d1"])
        unsure = None
        if "y" in parts:
            year = int(parts["y"])
        else:
            year, unsure = _nearest_year(
                m1, d1, anchor, tense if prep not in ("until", "till", "by") else (tense or "future")
            )
        first = dt.date(year, m1, d1)
        if kind == "mdmd":
            m2 = _month_number(parts["m2"])
            last = dt.date(year + (1 if m2 < m1 else 0), m2, _day_number(parts["d2"]))
        elif kind in ("mdd", "ddm"):
            last = dt.date(year, m1, _day_number(parts["d2"]))
        else:
            last = first
        if last < first:
            return None
        how = "as written" if "y" in parts else f"no year given: {year}, the nearest to {_fmt(anchor)}"
        if prep in ("until", "till") and first == last and unsure is None:
            unsure = f"'{words}': the source gives the end of a period, not its start"
        return Resolved(timex, _days(first, last), tense, how, unsure)

    if kind == "my":
        month = _month_number(parts["m1"])
        return Resolved(timex, _month(int(parts["y"]), month), tense, "as written")

    if kind == "month":
        month = _month_number(parts["m1"])
        mod = (parts.get("mod") or "").lower()
        year, unsure = _month_year(
            month,
            anchor,
            tense,
            prep
            if mod in ("the end of", "the start of", "the beginning of", "the middle of")
            and prep in ("before", "by", "until", "till")
            else mod,
        )
        return Resolved(
            timex, _month(year, month), tense, f"{MONTHS[month - 1]} {year}, by the tense and the dateline", unsure
        )

    if kind == "year":
        return Resolved(timex, BriefDate(DatePoint(int(parts["y"]))), tense, "as written")
    if kind == "years":
        since, until = int(parts["y"]), int(parts["y2"])
        if until <= since:
            return None
        return Resolved(timex, BriefDate(DatePoint(since), DatePoint(until)), tense, f"the years {since} to {until}")
    if kind == "endof":
        if parts["unit"].lower() == "year":
            return Resolved(timex, BriefDate(DatePoint(anchor.year)), tense, f"the end of {anchor.year}")
        return Resolved(
            timex, _month(anchor.year, anchor.month), tense, f"the end of {MONTHS[anchor.month - 1]} {anchor.year}"
        )
    if kind == "daypart":
        target = WEEKDAYS.index(parts["wd"])
        shift = (target - base.weekday() + 3) % 7 - 3  # the named weekday nearest the dateline
        day = base + dt.timedelta(days=shift)
        how = f"{parts['word'].lower()}, {parts['wd']}: {_fmt(day)}"
        return Resolved(
            timex,
            _day(day),
            tense,
            how,
            None if shift == 0 else f"the dateline is a {WEEKDAYS[base.weekday()]}, the text says {parts['wd']}",
        )
    return None
