"""Time expressions: found in a sentence, and the tense of the clause that holds each.

Hand-written rules, not a date library: the expressions a news report uses are few, and
what they mean depends on the clause around them ("said on Tuesday" is the Tuesday just
gone, "by Friday" and "will meet on Friday" the one to come), on the sentence ("overnight"
is the night before the day the sentence names) and on the format (a week or a weekend is
an interval of days, "February 2022" a month, not a day). `timex_resolve.resolve` turns
an expression found here into a date.

The words kept for `date_text` are the expression with its meaning-bearing modifiers
("late Tuesday", "until February 1", "for a week until February 1", "last week") but
without a plain locating preposition ("on", "in", "at", "during", "over", "for").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from peacebrief.core.draft.sentences import Sentence, Token, first_token_at

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


def find_timexes(sentence: Sentence) -> list[Timex]:
    """The time expressions of a sentence, longest first where they overlap, in order."""
    text = sentence.text
    out: list[Timex] = []
    for start, end, kind, match in _matches(text):
        if kind == "weekday" and _is_name_part(text, start, end):
            continue
        if kind == "day" and _today_in_name(text, start, end):
            continue
        out.append(_timex(sentence, start, end, kind, match))
    return out


def _matches(text: str) -> list[tuple[int, int, str, re.Match[str]]]:
    """Every pattern's matches, earliest first, then longest: those that overlap none before."""
    found: list[tuple[int, int, str, re.Match[str]]] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            found.append((match.start(), match.end(), kind, match))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    chosen: list[tuple[int, int, str, re.Match[str]]] = []
    for item in found:
        if all(item[1] <= c[0] or item[0] >= c[1] for c in chosen):
            chosen.append(item)
    return chosen


def _timex(sentence: Sentence, start: int, end: int, kind: str, match: re.Match[str]) -> Timex:
    """The expression a match stands for: its meaning-bearing preposition, the words kept for
    `date_text`, and 'for a week until ...' in front of an end."""
    text = sentence.text
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
    return Timex(sentence.index, base + start, base + end, _clean(text[start:end]), kind, parts, prep, base + outer)


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
    back = _words_before(tokens, timex)
    if timex.prep in _DEADLINE and any(w in _INTENT or w in _PLANNED or w in _DEADLINE_NOUNS for w in back):
        return "future", False  # "has promised an answer by Saturday", "were due to last until Friday"
    if _past_form_before(back):
        return "past", False  # "the agreement signed in March"
    verdict = _scan(back)
    if verdict[0] is not None:
        return verdict
    return _scan(_words_after(tokens, timex), forward_scan=True)


def _words_before(tokens: list[Token], timex: Timex) -> list[str]:
    """The words of the clause before a time expression, nearest first."""
    cut = first_token_at(tokens, timex.outer_start)
    while cut > 0 and tokens[cut - 1].end > timex.outer_start:
        cut -= 1
    back: list[str] = []
    for token in reversed(tokens[max(0, cut - _CLAUSE_TOKENS) : cut]):
        word = token.lower
        if word in (",", ";", ":", "\u2014") or word in _BOUNDARY_WORDS:
            break
        back.append(word)
    return back


def _words_after(tokens: list[Token], timex: Timex) -> list[str]:
    """The words of the clause after a time expression (past a comma right after it)."""
    after_at = first_token_at(tokens, timex.end)
    forward: list[str] = []
    for k, token in enumerate(tokens[after_at : after_at + _CLAUSE_TOKENS]):
        word = token.lower
        if word in (";", ":", "\u2014") or word in _BOUNDARY_WORDS or (word == "," and k > 0):
            break
        if word == ",":
            continue
        forward.append(word)
    return forward


def _past_form_before(back: list[str]) -> bool:
    """A past form just before the expression, not part of a passive or a plan
    ('signed in March', not 'could be signed in January' or 'is scheduled for July 2')."""
    if not back:
        return False
    word = back[0]
    if not _is_past_form(word) or word in _INTENT or word in _PLANNED:
        return False
    helper = back[1] if len(back) > 1 else ""
    return helper not in _FUTURE_AUX | _MODALS | _PRESENT_AUX | {"be", "being", "to"}


_CLAUSE_TOKENS = 60  # a clause's tense is told by the words near the expression


def _scan(words: list[str], *, forward_scan: bool = False) -> tuple[Tense | None, bool]:
    """First an auxiliary or modal anywhere in the clause (nearest first); failing that,
    a verb form ('said', 'confirmed', 'resume'). 'A revised schedule' is not past."""
    return _auxiliary(words) or _verb_form(words, forward_scan) or (None, False)


def _auxiliary(words: list[str]) -> tuple[Tense, bool] | None:
    for word in words:
        if word in _FUTURE_AUX:
            return "future", True
        if word in _PAST_AUX:
            return "past", False
        if word in _MODALS or word in ("is", "are", "am"):
            return "future", False
    return None


def _verb_form(words: list[str], forward_scan: bool) -> tuple[Tense, bool] | None:
    for i in range(len(words)):
        found = _word_tense(words, i, forward_scan)
        if found is not None:
            return found
    return None


def _word_tense(words: list[str], i: int, forward_scan: bool) -> tuple[Tense, bool] | None:
    """What the clause's `i`th word says of its tense, if anything."""
    word = words[i]
    if word in _FUTURE_AUX:
        return "future", True
    if word in _PAST_AUX:
        return "past", False
    if word in _PRESENT_AUX or word in _MODALS:
        return "future", False
    if word in _PLANNED:
        return _planned(words[i + 1 :] if not forward_scan else list(reversed(words[:i])))
    if word in _FUTURE_WORDS:
        return "future", False
    if word in _PRESENT_EVENT_VERBS:
        near = words[i + 1 : i + 4] if not forward_scan else words[max(0, i - 3) : i]
        return "future", any(w in _FUTURE_AUX for w in near)
    if word in _INTENT and not forward_scan and i > 0 and words[i - 1] == "to":
        return "future", False  # "hoped to put it to parliament in February"
    if _is_past_form(word) or word == "ago" or word == "last":
        return "past", False
    return None


def _planned(rest: list[str]) -> tuple[Tense, bool]:
    """'due', 'expected', 'set': a plan, made in the past if an auxiliary says so."""
    for other in rest:
        if other in _PAST_AUX:
            return "past", False
        if other in _PRESENT_AUX or other in _FUTURE_AUX:
            return "future", other in _FUTURE_AUX
    return "future", False


def _is_past_form(word: str) -> bool:
    return word in _PAST_IRREGULAR or (
        word.endswith("ed") and len(word) > 4 and word not in _NOT_PAST_ED and word.isalpha()
    )
