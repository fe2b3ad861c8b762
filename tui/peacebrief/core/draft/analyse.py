"""One document, read through: its quotes with speakers, its reported statements, its
dated sentences (candidate events), and the people and sides it names.

The steps run in document order, so that a pronoun or an office ("she", "the minister")
can look back at who was named and who spoke before it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal

from peacebrief.core.anchors import read_document
from peacebrief.core.draft.discourse import Discourse, Reporting, SpeakerRef
from peacebrief.core.draft.headline import bounded, headline, statement
from peacebrief.core.draft.names import NameIndex, PersonInfo, build_index
from peacebrief.core.draft.parties import Gazetteer, PartyGuess
from peacebrief.core.draft.quotes import Passage, find_passages, passage_mask
from peacebrief.core.draft.reported import colon_reporting
from peacebrief.core.draft.reporting_words import VERBS
from peacebrief.core.draft.sentences import Sentence, document_title, split_sentences
from peacebrief.core.draft.speakers import find_reportings
from peacebrief.core.draft.timex import Timex, clause_tense, find_timexes
from peacebrief.core.draft.timex_resolve import Resolved, resolve
from peacebrief.core.model import SourceDocument
from peacebrief.core.quotemarks import double_view

QuoteKind = Literal["direct", "reported"]
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
class QuoteFinding:
    sentence: int
    start: int  # offsets of the quote's words
    end: int
    text: str
    kind: QuoteKind
    speaker: SpeakerRef
    said: Resolved | None = None
    form: str = "reported"  # full, split, colon, fragment; reported
    style: str | None = None  # typographic, straight
    review: str | None = None


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


@dataclass(slots=True)
class DocumentAnalysis:
    text: str
    document: SourceDocument
    base_date: dt.date
    title: str
    sentences: list[Sentence]
    names: NameIndex
    quotes: list[QuoteFinding]
    events: list[EventFinding]
    passages: list[Passage]


def analyse(
    text: str,
    base_date: dt.date | None = None,
    *,
    gazetteer: Gazetteer | None = None,
    known: dict[str, PersonInfo] | None = None,
) -> DocumentAnalysis:
    """Read a document's text. `base_date` is used when the text has no dateline."""
    document = read_document(text)
    base = document.dateline or base_date
    if base is None:
        raise ValueError("the document has no dateline (`date YYYY-MM-DD`) and no base date was given")
    # Sentences, quotes, names and speakers are read in a view of the text whose single
    # quotation marks are double ones (same offsets); what is written comes from `text`.
    sentences = split_sentences(dataclasses.replace(document, text=_double_view(document)))
    passages_by: dict[int, list[Passage]] = {}
    masks: dict[int, list[bool]] = {}
    for sentence in sentences:
        passages_by[sentence.index] = find_passages(sentence)
        masks[sentence.index] = passage_mask(sentence, passages_by[sentence.index])
    gazetteer = gazetteer or Gazetteer()
    names = build_index(sentences, masks, gazetteer, known)
    discourse = Discourse(names)
    timexes: dict[int, list[Timex]] = {s.index: find_timexes(s) for s in sentences}
    resolved: dict[int, list[Resolved]] = {}
    reportings: dict[int, list[Reporting]] = {}
    for sentence in sentences:
        discourse.note_mentions(names.in_sentence(sentence.index), sentence)
        found = find_reportings(sentence, masks[sentence.index], names, timexes[sentence.index], discourse)
        for passage in passages_by[sentence.index]:
            if passage.form == "colon" and not any(r.attribution[1] <= passage.open and r.speakers for r in found):
                colon = sentence.text.rindex(":", 0, passage.open - sentence.start) + sentence.start
                colon_ref = colon_reporting(sentence, masks[sentence.index], colon, names, discourse)
                if colon_ref is not None:
                    found.append(colon_ref)
        reportings[sentence.index] = found
        resolved[sentence.index] = _resolve_sentence(sentence, timexes[sentence.index], base)
    by_timex = {r.timex: r for rs in resolved.values() for r in rs}
    quotes: list[QuoteFinding] = []
    for sentence in sentences:
        quotes.extend(_direct_quotes(sentence, sentences, passages_by, reportings, by_timex, quotes, names))
        quotes.extend(
            _reported(sentence, passages_by[sentence.index], reportings[sentence.index], by_timex, document.text)
        )
    events = [
        e
        for s in sentences
        if not s.heading
        for e in _events(s, resolved[s.index], names, reportings[s.index], base, passages_by[s.index])
    ]
    _date_the_sayings(quotes, events, resolved, passages_by)
    all_passages = [p for s in sentences for p in passages_by[s.index]]
    return DocumentAnalysis(
        text, document, base, document_title(document, sentences), sentences, names, quotes, events, all_passages
    )


def _double_view(document: SourceDocument) -> str:
    text = document.text
    if not any(c in text for c in "'\u2018\u2019"):
        return text
    parts, at = [], 0
    for start, end in document.paragraphs:
        parts.append(text[at:start])
        parts.append(double_view(text, start, end))
        at = end
    parts.append(text[at:])
    return "".join(parts)


# -- dates -----------------------------------------------------------------------------


def _resolve_sentence(sentence: Sentence, timexes: list[Timex], base: dt.date) -> list[Resolved]:
    """Resolve a sentence's expressions: plain ones first, then those relative to another
    ('would take part on Wednesday' after 'confirmed on Tuesday'; 'overnight')."""
    out: dict[Timex, Resolved] = {}
    tenses = {t: clause_tense(sentence, t) for t in timexes}
    for timex in timexes:
        if timex.kind == "day" and timex.parts.get("word", "").lower() in ("overnight", "last night"):
            continue
        tense, modal = tenses[timex]
        ref = ref_words = None
        if modal and tense == "future":
            earlier = [
                r
                for t, r in out.items()
                if t.start < timex.start and r.tense == "past" and r.date.precision == "day" and not r.date.is_interval
            ]
            if earlier:
                ref, ref_words = earlier[-1].date.earliest, earlier[-1].timex.text
        result = resolve(timex, base, tense, ref=ref, ref_words=ref_words)
        if result is not None:
            out[timex] = result
    for timex in timexes:
        if timex in out:
            continue
        days = [r for r in out.values() if r.date.precision == "day" and not r.date.is_interval and r.tense != "future"]
        ref = ref_words = None
        if days:
            nearest = min(days, key=lambda r: abs(r.timex.start - timex.start))
            ref, ref_words = nearest.date.earliest, f"{nearest.timex.text} ({nearest.date.iso()})"
        result = resolve(timex, base, tenses[timex][0], ref=ref, ref_words=ref_words)
        if result is not None:
            out[timex] = result
    return [out[t] for t in timexes if t in out]


# -- quotes ----------------------------------------------------------------------------


def _direct_quotes(
    sentence: Sentence,
    sentences: list[Sentence],
    passages_by: dict[int, list[Passage]],
    reportings: dict[int, list[Reporting]],
    by_timex: dict[Timex, Resolved],
    so_far: list[QuoteFinding],
    names: NameIndex,
) -> list[QuoteFinding]:
    passages = passages_by[sentence.index]
    found: list[QuoteFinding] = []
    for number, passage in enumerate(passages):
        if passage.form == "scare":
            continue
        reporting, how, review = _attribution(sentence, sentences, passages, number, reportings, passages_by)
        said = by_timex.get(reporting.time) if reporting and reporting.time else None
        if reporting is None and passage.form == "full" and not _unresolved_saying(sentence, passages):
            reporting = _leading_phrase(sentence, passage, names)
        if reporting is None:
            # Only a quote with no reporting words of its own continues the speaker before:
            # not a fragment of the reporter's sentence, not one a colon or a verb introduces.
            previous = None
            if passage.form in ("full", "split") and not _unresolved_saying(sentence, passages):
                previous = _continued(sentence, sentences, so_far + found, names)
            if previous is not None:
                speakers = list(previous.speakers)
                review = (
                    None
                    if previous.paragraph_same
                    else "no attribution of its own: speaker taken from the quote before"
                )
                said = previous.said
            else:
                speakers = [SpeakerRef("unknown", "", "", "unknown", "no speaker found: assign one")]
        else:
            speakers = reporting.speakers
        joint = _joint_authors(sentence, passage, reporting, names)
        if joint:
            speakers = joint
            names.statement_authors = joint
        for speaker in speakers:
            reasons = [r for r in (speaker.review, review if how != "same" else None) if r]
            if not passage.closed:
                reasons.append("the quotation runs on past its paragraph: offered as reported")
            found.append(
                QuoteFinding(
                    sentence.index,
                    passage.start,
                    passage.end,
                    passage.text,
                    "direct" if passage.closed else "reported",
                    speaker,
                    said,
                    passage.form,
                    passage.style,
                    "; ".join(reasons) or None,
                )
            )
    return found


def _attribution(
    sentence: Sentence,
    sentences: list[Sentence],
    passages: list[Passage],
    number: int,
    reportings: dict[int, list[Reporting]],
    passages_by: dict[int, list[Passage]],
) -> tuple[Reporting | None, str, str | None]:
    passage = passages[number]
    here = [r for r in reportings[sentence.index] if r.speakers]
    lower = passages[number - 1].close if number > 0 else sentence.start - 1
    upper = passages[number + 1].open if number + 1 < len(passages) else sentence.end + 1
    if passage.form == "colon":
        before = [r for r in here if r.attribution[1] <= passage.open]
        if before:
            return before[-1], "same", None

    candidates: list[tuple[int, Reporting]] = []
    for reporting in here:
        if lower < reporting.verb_start and reporting.verb_end <= passage.open:
            candidates.append((passage.open - reporting.verb_end, reporting))
        elif reporting.attribution[0] >= passage.close and reporting.attribution[0] < upper:
            candidates.append((reporting.attribution[0] - passage.close, reporting))
        elif (
            reporting.attribution[0] < passage.open
            and reporting.verb_start > passage.close
            and reporting.verb_start < upper
        ):
            candidates.append((reporting.verb_start - passage.close, reporting))
    if candidates:
        candidates.sort(key=lambda c: c[0])
        return candidates[0][1], "same", None
    if here:
        reporting = min(here, key=lambda r: abs(r.verb_start - passage.open))
        return reporting, "same", None
    # Never from the next sentence: an unattributed quote continues the speaker before
    # it (`_continued`) or has none.
    return None, "none", None


def _unresolved_saying(sentence: Sentence, passages: list[Passage]) -> bool:
    """A reporting verb outside the quotes whose speaker was not found ('..., a Union
    spokeswoman said'): the quote is someone's in this sentence, not the last speaker's."""
    spans = [(p.open, p.close + 1) for p in passages]
    return any(
        t.lower in VERBS
        and VERBS[t.lower] in ("say", "add", "tell", "read", "write", "state", "declare", "ask")
        and not any(a <= t.start < b for a, b in spans)
        for t in sentence.tokens
    )


_LEADING = re.compile(r"^\s*(?:For|According to)\s+(?P<np>[^\u201c\u201d\"]+?),\s*$")


def _leading_phrase(sentence: Sentence, passage: Passage, names: NameIndex) -> Reporting | None:
    """'For the head of Ilse Marrow's team, the former general Paulo Renske, “...”' and
    'According to X's intelligence chief, General Ruben Maas, “...”': the last person of the
    phrase (the apposition), else its side."""
    lead = sentence.sub(sentence.start, passage.open)
    match = _LEADING.match(lead)
    if not match:
        return None
    inside = [m for m in names.in_sentence(sentence.index) if m.end <= passage.open and m.kind in ("person", "party")]
    people = [m for m in inside if m.kind == "person"]
    chosen = people[-1] if people else (inside[-1] if inside else None)
    if chosen is None:
        return None
    ref = SpeakerRef("person" if chosen.kind == "person" else "party", chosen.key, chosen.words, "named")
    first = chosen.first
    return Reporting(
        sentence.index, first, chosen.start, chosen.end, "according", [ref], (sentence.start, passage.open)
    )


@dataclass(slots=True)
class _Previous:
    speakers: list[SpeakerRef]
    said: Resolved | None
    paragraph_same: bool


def _continued(
    sentence: Sentence, sentences: list[Sentence], so_far: list[QuoteFinding], names: NameIndex
) -> _Previous | None:
    """The speaker an unattributed quote continues: the last direct quote of its paragraph,
    or of the paragraph before when nobody else is named in between (a quote that runs on
    into the next paragraph, "He paused, then went on.")."""
    for quote in reversed(so_far):
        if quote.kind != "direct" and quote.form == "reported":
            continue
        if quote.sentence >= sentence.index:
            continue
        gap = sentence.paragraph - sentences[quote.sentence].paragraph
        same = [
            q.speaker
            for q in so_far
            if q.start == quote.start and q.sentence == quote.sentence and q.kind == quote.kind
        ]
        if gap == 0:
            return _Previous(same, quote.said, True)
        if gap > 2:
            return None
        between = range(quote.sentence + 1, sentence.index)
        keys = {speaker.key for speaker in same}
        if any(m.kind in ("person", "party") and m.key not in keys for s in between for m in names.in_sentence(s)):
            return None
        if gap == 2 and any(
            sentences[s].paragraph == sentence.paragraph - 1 and len(sentences[s].tokens) > 12 for s in between
        ):
            return None
        return _Previous(same, quote.said, False)
    return None


_JOINT = re.compile(r"(?i)\bjoint\s+(?:statement|communiqu[eé]|declaration)\b")


def _joint_authors(
    sentence: Sentence, passage: Passage, reporting: Reporting | None, names: NameIndex
) -> list[SpeakerRef]:
    """A joint statement's authors: the parties its quoted words open with ('In a joint
    statement, “Arvania and Belmora urged ...”'); a later 'the communique said' speaks for them."""
    lead = sentence.sub(sentence.start, passage.open)
    attribution = sentence.sub(*reporting.attribution) if reporting is not None else ""
    if not (_JOINT.search(lead) or _JOINT.search(attribution)):
        if (
            reporting is not None
            and names.statement_authors
            and any(
                s.kind == "unknown" and re.search(r"(?i)\b(?:communiqu[eé]|joint|declaration)\b", s.words)
                for s in reporting.speakers
            )
        ):
            return list(names.statement_authors)
        return []
    opening = re.match(r"\s*((?:[A-Z][\w\u2019'-]+\s*)+(?:(?:,|and)\s+(?:[A-Z][\w\u2019'-]+\s*)+)*)", passage.text)
    if not opening:
        return []
    authors: list[SpeakerRef] = []
    for part in re.split(r",|\band\b", opening.group(1)):
        guess = names.gazetteer.country_of(part.strip())
        if guess is None and part.strip() in names.gazetteer.singles:
            guess = PartyGuess(part.strip(), part.strip(), sure=False)
        if guess is not None and guess.name not in [a.key for a in authors]:
            authors.append(SpeakerRef("party", guess.name, part.strip(), "party"))
    return authors if len(authors) >= 1 else []


def _reported(
    sentence: Sentence, passages: list[Passage], reportings: list[Reporting], by_timex: dict[Timex, Resolved], real: str
) -> list[QuoteFinding]:
    if sentence.heading:
        return []
    out: list[QuoteFinding] = []
    seen: set[tuple[int, int]] = set()
    for reporting in reportings:
        if reporting.content is None or not reporting.speakers:
            continue
        start, end = reporting.content
        text = real[start:end]
        if len(text.split()) < 3 or (start, end) in seen:
            continue
        quoted = [p for p in passages if p.open >= start - 1 and p.close <= end + 1]
        if passages and reporting.object_verb:
            continue
        outside = sentence.sub(start, end)
        for p in quoted:
            outside = outside.replace(sentence.sub(p.open, p.close + 1), " ")
        if len([w for w in outside.split() if any(c.isalnum() for c in w)]) < 3:
            continue  # the content is the quote itself: it is a direct quote already
        seen.add((start, end))
        said = by_timex.get(reporting.time) if reporting.time else None
        for speaker in reporting.speakers:
            out.append(QuoteFinding(sentence.index, start, end, text, "reported", speaker, said, review=speaker.review))
    return out


# -- events ----------------------------------------------------------------------------


def _date_the_sayings(
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


def _events(
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
        if _attribution_only(sentence, span, timex, reportings, passages):
            continue  # '..., Brask said on Tuesday': who spoke and when is the quote's, not an event
        clause = sentence.sub(*span)
        status: EventStatus = "occurred"
        if _POSTPONED.search(clause):
            status = "postponed"
        elif _CANCELLED.search(clause):
            status = "cancelled"
        elif result.date.earliest > base or (
            result.tense == "future" and result.date.latest >= base and result.date.earliest != base
        ):
            status = "scheduled"
        elif _REPORTED.search(clause):
            status = "reported"
        title = _event_title(
            sentence, timex, span, clause, reportings, passages, [r.timex for r in resolved], names, proper
        )
        inside = [m for m in mentions if span[0] <= m.start and m.end <= span[1]]
        people = list(dict.fromkeys(m.key for m in inside if m.kind == "person"))
        parties = list(dict.fromkeys(m.key for m in inside if m.kind == "party"))
        out.append(EventFinding(sentence.index, result, title, status, span, people, parties, result.unsure))
    return out


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
