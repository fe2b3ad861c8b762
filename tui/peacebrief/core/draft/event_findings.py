"""The dated events of a document: each sentence's time expressions made into an event
with a status (postponed, cancelled, reported) and a headline title, and the sayings the
dates belong to."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal

from peacebrief.core.draft.discourse import Reporting
from peacebrief.core.draft.headline import bounded, headline, statement
from peacebrief.core.draft.names import NameIndex
from peacebrief.core.draft.quote_findings import QuoteFinding
from peacebrief.core.draft.quotes import Passage
from peacebrief.core.draft.sentences import Sentence
from peacebrief.core.draft.timex import Timex
from peacebrief.core.draft.timex_resolve import Resolved

EventStatus = Literal["occurred", "scheduled", "postponed", "cancelled", "reported"]

_POSTPONED = re.compile(
    r"(?i)\b(?:postponed|delayed|put off|pushed back|originally (?:scheduled|planned|due|set)|had been (?:scheduled|planned))\b"
)


_CANCELLED = re.compile(r"(?i)\b(?:cancell?ed|called off|scrapped)\b")


_REPORTED = re.compile(r"(?i)\b(?:reportedly|allegedly|according to|unconfirmed|claimed)\b")


_STOP = frozenset(
    "the a an of to and in on for is are was were that this it its be by with as at from has have had will would".split()
)


@dataclass(slots=True)
class EventFinding:
    sentence: int
    resolved: Resolved
    title: str
    status: EventStatus
    evidence: tuple[int, int]
    people: list[str] = field(default_factory=list)  # person keys
    parties: list[str] = field(default_factory=list)  # party names
    review: str | None = None


def date_the_sayings(
    quotes: list[QuoteFinding],
    events: list[EventFinding],
    resolved: dict[int, list[Resolved]],
    passages_by: dict[int, list[Passage]],
) -> None:
    """A date outside the quotation marks of a sentence that makes no event of it
    ('said in a statement on Sunday: “...”') is when its quotes were said."""
    used = {e.resolved.timex for e in events}
    for quote in quotes:
        if quote.said is not None:
            continue
        passages = passages_by.get(quote.sentence, [])
        for result in resolved.get(quote.sentence, []):
            if result.timex in used or any(p.open <= result.timex.start < p.close for p in passages):
                continue
            if result.date.precision == "day" or result.date.precision == "month":
                quote.said = result
                break


def _attribution_only(
    sentence: Sentence, span: tuple[int, int], timex: Timex, reportings: list[Reporting], passages: list[Passage]
) -> bool:
    """Whether a clause says nothing but who spoke and when: its words less the
    attributions, the quoted passages and the date leave fewer than three words."""
    saying = [r for r in reportings if r.speakers and not r.object_verb and span[0] <= r.attribution[0] < span[1]]
    if not saying:
        return False
    quoted = [
        (p.open, p.close + 1) for p in passages if not p.open <= timex.start < p.close
    ]  # not the quote that holds the date
    cuts = [r.attribution for r in saying] + quoted + [(timex.outer_start, timex.end)]
    kept = []
    for token in sentence.tokens:
        if span[0] <= token.start < span[1] and token.is_word and not any(a <= token.start < b for a, b in cuts):
            kept.append(token.lower)
    return len([w for w in kept if w not in _ATTRIBUTION_WORDS]) < 3


_ATTRIBUTION_WORDS = frozenset(
    "the a an in on at to by of and said says told added reporters journalists statement interview".split()
)


def dated_events(
    sentence: Sentence,
    resolved: list[Resolved],
    names: NameIndex,
    reportings: list[Reporting],
    base: dt.date,
    passages: list[Passage],
) -> list[EventFinding]:
    out: list[EventFinding] = []
    seen: set[tuple[str, str]] = set()
    mentions = names.in_sentence(sentence.index)
    proper = names.proper_words()
    for result in resolved:
        key = (result.value, result.timex.text.lower())
        if key in seen:
            continue
        seen.add(key)
        timex = result.timex
        span = _event_span(sentence, timex, reportings)
        if _attribution_only(sentence, span, timex, reportings, passages):
            continue  # '..., Brask said on Tuesday': who spoke and when is the quote's, not an event
        clause = sentence.sub(*span)
        status = _status(clause, result, base)
        title = _event_title(
            sentence, timex, span, clause, reportings, passages, [r.timex for r in resolved], names, proper
        )
        inside = [m for m in mentions if span[0] <= m.start and m.end <= span[1]]
        people = list(dict.fromkeys(m.key for m in inside if m.kind == "person"))
        parties = list(dict.fromkeys(m.key for m in inside if m.kind == "party"))
        out.append(EventFinding(sentence.index, result, title, status, span, people, parties, result.unsure))
    return out


def _event_span(sentence: Sentence, timex: Timex, reportings: list[Reporting]) -> tuple[int, int]:
    """The words an event stands on: the clause of its time expression, or the saying the
    expression dates, or the whole sentence when those are too short to tell."""
    span = clause_span(sentence, timex)
    saying = next(
        (
            r
            for r in reportings
            if r.time == timex and r.content and not r.inherited and r.lemma not in (":", "according")
        ),
        None,
    )
    if saying is not None and saying.content is not None:
        span = (min(saying.attribution[0], saying.content[0]), max(saying.verb_end, saying.content[1]))
    if len(sentence.sub(*span).split()) < 4:
        span = (sentence.start, sentence.end)
    return span


def _status(clause: str, result: Resolved, base: dt.date) -> EventStatus:
    if _POSTPONED.search(clause):
        return "postponed"
    if _CANCELLED.search(clause):
        return "cancelled"
    if result.date.earliest > base or (
        result.tense == "future" and result.date.latest >= base and result.date.earliest != base
    ):
        return "scheduled"
    if _REPORTED.search(clause):
        return "reported"
    return "occurred"


_CLAUSE_BREAK = re.compile(
    r",\s+(?=(?:which|who|after|while|as|but|even as|\w+ing)\b)|;\s+|\s+\u2014\s+|\s+in what\s+"
    r"|\b(?:said|says|confirmed|claimed|told \w+|announced|warned|noted|saying|insisted|added|stressed|argued|reports)"
    r"(?P<that>(?:\s+[\w\u2019'-]+){0,3}?\s+that\s+)"
)


def _clause_of(sentence: Sentence, timex: Timex) -> str:
    start, end = clause_span(sentence, timex)
    return sentence.sub(start, end)


def clause_span(sentence: Sentence, timex: Timex) -> tuple[int, int]:
    """The clause that holds an expression (the sentence cut at ', which', ' that', ';' ...)."""
    text = sentence.text
    at, stop = timex.start - sentence.start, timex.end - sentence.start
    start, end = 0, len(text)
    for match in _CLAUSE_BREAK.finditer(text):
        if match.group("that"):
            cut = match.start("that") + match.group("that").rfind(" that")
            if match.end() <= at:
                start = match.end()
            elif stop <= cut:
                end = cut
                break
        elif text.startswith(("who ", "which ", "whose "), match.end()):
            closing = text.find(",", match.end())
            if closing < 0 or closing >= stop:
                if match.end() <= at:  # the expression is inside ", which mediated ... ,"
                    start = match.end()
                    end = closing if closing > 0 else end
                    break
            # else: the relative clause closes before the expression; the clause goes on
        elif match.end() <= at:
            start = match.end()
        elif match.start() >= stop:
            end = match.start()
            break
    while start < end and (text[start].isspace() or text[start] in ",;"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;.:"):
        end -= 1
    return sentence.start + start, sentence.start + end


_RELATIVE = re.compile(r",\s+((?:who|which|whose)\b[^,;]*),")


def _event_title(
    sentence: Sentence,
    timex: Timex,
    span: tuple[int, int],
    clause: str,
    reportings: list[Reporting],
    passages: list[Passage],
    timexes: list[Timex],
    names: NameIndex,
    proper: frozenset[str],
) -> str:
    """The event's headline: a saying's ('X says ...'), a quoted sentence's (the words as its
    speaker's), or the clause's; the time expressions of the sentence left out."""
    cut = [(t.outer_start, t.end) for t in timexes]
    inside = next((p for p in passages if p.open <= timex.start < p.close), None)
    if inside is not None:  # the quote's words, as its speaker's: never rewritten
        speaker = next((r for r in reportings if r.speakers and r.lemma != ":"), None)
        who = _speaker_words(sentence, speaker, timex, names) if speaker is not None else ""
        found = statement(sentence, who, (inside.start, inside.end), cut, proper)
        if found:
            return found
    return (
        _reporting_title(sentence, timex, reportings, cut, names, proper)
        or headline(sentence, span, cut, proper)
        or bounded(_title(sentence, timex, clause))
    )


def _reporting_title(
    sentence: Sentence,
    timex: Timex,
    reportings: list[Reporting],
    cut: list[tuple[int, int]],
    names: NameIndex,
    proper: frozenset[str],
) -> str | None:
    """'Bose says his government will listen' for the date of a saying; 'Russia insists on
    the withdrawal' where the verb takes an object (the clause is the headline)."""
    for reporting in reportings:
        if reporting.time != timex or reporting.content is None or reporting.lemma in (":", "according"):
            continue
        if reporting.inherited:
            continue
        if reporting.object_verb:  # "Russia has insisted on ...": the clause says it all
            return headline(sentence, (reporting.attribution[0], reporting.content[1]), cut, proper)
        subject = _speaker_words(sentence, reporting, timex, names)
        if not subject:
            continue
        return statement(sentence, subject, reporting.content, cut, proper)
    return None


def _speaker_words(sentence: Sentence, reporting: Reporting, timex: Timex, names: NameIndex) -> str:
    """Who a saying's headline names: the person as printed (a pronoun or an office: the
    person it stands for, by surname), else the attribution's subject."""
    people = [s for s in reporting.speakers if s.kind == "person"]
    if len(people) == 1 and people[0].how in ("named", "surname"):
        return people[0].words
    if len(people) == 1 and people[0].key in names.people:
        return names.people[people[0].key].surname
    subject = sentence.sub(reporting.attribution[0], reporting.verb_start).strip(" ,")
    subject = subject.replace(sentence.sub(timex.outer_start, timex.end), "")
    return " ".join(subject.split()[:6]) if len(subject.split()) <= 6 else ""


def _title(sentence: Sentence, timex: Timex, clause: str) -> str:
    text = clause
    words = sentence.sub(timex.outer_start, timex.end)
    text = _RELATIVE.sub(lambda m: m.group(0) if words in m.group(1) else " ", text)
    if re.match(r"(?:who|which|whose)\b", text):  # "which mediated ...": say what 'which' is
        before = sentence.text[: sentence.text.find(clause)].rstrip(" ,")
        antecedent = " ".join(before.split()[-5:])
        antecedent = re.sub(r"^.*?\b(?=(?:[A-Z]|the |a |an ))", "", antecedent, count=1) if antecedent else ""
        text = (antecedent + " " + text.split(" ", 1)[1]) if antecedent and " " in text else text
    possessive = sentence.sub(timex.end, timex.end + 2) in ("\u2019s", "'s")
    if timex.kind != "for-until" and not possessive:
        text = text.replace(words, " ", 1)
    text = re.sub(r"\s+", " ", text).strip(" ,.;:")
    text = re.sub(
        r"(?i)^(?:However|Meanwhile|But|And|While|Yet|Still|So|Separately|Earlier|Later|As|Which|Who),?\s+", "", text
    )
    text = re.sub(r"\s+([,.;:])", r"\1", text)
    if len(text.split()) < 3:
        text = re.sub(r"\s+", " ", sentence.text).strip(" .")
    if not any(c.isalnum() for c in text):
        text = f"Event ({timex.text})"
    return text[:1].upper() + text[1:]


def content_words(text: str, count: int) -> list[str]:
    words = [w for w in re.findall(r"[^\W\d_]+(?:[\u2019'][^\W\d_]+)?|\d+", text.lower()) if w not in _STOP]
    return words[:count]
