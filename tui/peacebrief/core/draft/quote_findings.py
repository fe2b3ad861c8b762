"""The quotes of a document: direct quotes with the reporting clause that attributes each
(or the one before, or a leading "For X,"), joint statements' authors, and reported
statements ("X said that ...")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from peacebrief.core.draft.discourse import Reporting, SpeakerRef
from peacebrief.core.draft.names import NameIndex
from peacebrief.core.draft.parties import PartyGuess
from peacebrief.core.draft.quotes import Passage
from peacebrief.core.draft.reporting_words import VERBS
from peacebrief.core.draft.sentences import Sentence
from peacebrief.core.draft.timex import Timex
from peacebrief.core.draft.timex_resolve import Resolved

QuoteKind = Literal["direct", "reported"]


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


def direct_quotes(
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
            speakers, review, said = _unattributed(
                sentence, sentences, passages, passage, so_far + found, names, (review, said)
            )
        else:
            speakers = reporting.speakers
        joint = _joint_authors(sentence, passage, reporting, names)
        if joint:
            speakers = joint
            names.statement_authors = joint
        for speaker in speakers:
            reasons = [r for r in (speaker.review, review if how != "same" else None) if r]
            found.append(_finding(sentence, passage, speaker, said, reasons))
    return found


def _unattributed(
    sentence: Sentence,
    sentences: list[Sentence],
    passages: list[Passage],
    passage: Passage,
    so_far: list[QuoteFinding],
    names: NameIndex,
    attribution: tuple[str | None, Resolved | None],
) -> tuple[list[SpeakerRef], str | None, Resolved | None]:
    """The speakers of a quote with no reporting words, the review it needs, and when it
    was said (`attribution`'s review and date, unless it continues the quote before). Only a quote with no reporting words of its own continues the speaker before:
    not a fragment of the reporter's sentence, not one a colon or a verb introduces."""
    previous = None
    if passage.form in ("full", "split") and not _unresolved_saying(sentence, passages):
        previous = _continued(sentence, sentences, so_far, names)
    if previous is None:
        review, said = attribution
        return [SpeakerRef("unknown", "", "", "unknown", "no speaker found: assign one")], review, said
    review = None if previous.paragraph_same else "no attribution of its own: speaker taken from the quote before"
    return list(previous.speakers), review, previous.said


def _finding(
    sentence: Sentence, passage: Passage, speaker: SpeakerRef, said: Resolved | None, reasons: list[str]
) -> QuoteFinding:
    """A direct quote found, or reported when the quotation runs on past its paragraph."""
    if not passage.closed:
        reasons.append("the quotation runs on past its paragraph: offered as reported")
    return QuoteFinding(
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
        if gap > 2 or _interrupted(sentence, sentences, quote, same, names):
            return None
        return _Previous(same, quote.said, False)
    return None


def _interrupted(
    sentence: Sentence, sentences: list[Sentence], quote: QuoteFinding, same: list[SpeakerRef], names: NameIndex
) -> bool:
    """Whether someone else is named between `quote` and `sentence`, a paragraph or two on,
    or a whole paragraph of more than a line stands between them."""
    between = range(quote.sentence + 1, sentence.index)
    keys = {speaker.key for speaker in same}
    if any(m.kind in ("person", "party") and m.key not in keys for s in between for m in names.in_sentence(s)):
        return True
    gap = sentence.paragraph - sentences[quote.sentence].paragraph
    return gap == 2 and any(
        sentences[s].paragraph == sentence.paragraph - 1 and len(sentences[s].tokens) > 12 for s in between
    )


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


def reported_statements(
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
