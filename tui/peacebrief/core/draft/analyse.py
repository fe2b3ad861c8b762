"""One document, read through: its quotes with speakers, its reported statements, its
dated sentences (candidate events), and the people and sides it names.

The steps run in document order, so that a pronoun or an office ("she", "the minister")
can look back at who was named and who spoke before it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from peacebrief.core.anchors import read_document
from peacebrief.core.draft.discourse import Discourse, Reporting
from peacebrief.core.draft.event_findings import EventFinding, date_the_sayings, dated_events
from peacebrief.core.draft.names import NameIndex, PersonInfo, build_index
from peacebrief.core.draft.parties import Gazetteer
from peacebrief.core.draft.quote_findings import QuoteFinding, direct_quotes, reported_statements
from peacebrief.core.draft.quotes import Passage, find_passages, passage_mask
from peacebrief.core.draft.reported import colon_reporting
from peacebrief.core.draft.sentences import Sentence, document_title, split_sentences
from peacebrief.core.draft.speakers import find_reportings
from peacebrief.core.draft.timex import Timex, clause_tense, find_timexes
from peacebrief.core.draft.timex_resolve import Resolved, resolve
from peacebrief.core.model import SourceDocument
from peacebrief.core.quotemarks import double_view


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
        _add_colon_reportings(found, sentence, passages_by[sentence.index], masks[sentence.index], names, discourse)
        reportings[sentence.index] = found
        resolved[sentence.index] = _resolve_sentence(sentence, timexes[sentence.index], base)
    by_timex = {r.timex: r for rs in resolved.values() for r in rs}
    quotes: list[QuoteFinding] = []
    for sentence in sentences:
        quotes.extend(direct_quotes(sentence, sentences, passages_by, reportings, by_timex, quotes, names))
        quotes.extend(
            reported_statements(
                sentence, passages_by[sentence.index], reportings[sentence.index], by_timex, document.text
            )
        )
    events = [
        e
        for s in sentences
        if not s.heading
        for e in dated_events(s, resolved[s.index], names, reportings[s.index], base, passages_by[s.index])
    ]
    date_the_sayings(quotes, events, resolved, passages_by)
    all_passages = [p for s in sentences for p in passages_by[s.index]]
    return DocumentAnalysis(
        text, document, base, document_title(document, sentences), sentences, names, quotes, events, all_passages
    )


def _add_colon_reportings(
    found: list[Reporting],
    sentence: Sentence,
    passages: list[Passage],
    mask: list[bool],
    names: NameIndex,
    discourse: Discourse,
) -> None:
    """A quote a colon introduces ("The minister was blunt: '...'") with no reporting verb
    before it: the words before the colon may name who said it (`colon_reporting`)."""
    for passage in passages:
        if passage.form == "colon" and not any(r.attribution[1] <= passage.open and r.speakers for r in found):
            colon = sentence.text.rindex(":", 0, passage.open - sentence.start) + sentence.start
            colon_ref = colon_reporting(sentence, mask, colon, names, discourse)
            if colon_ref is not None:
                found.append(colon_ref)


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


def _resolve_sentence(sentence: Sentence, timexes: list[Timex], base: dt.date) -> list[Resolved]:
    """Resolve a sentence's expressions: plain ones first, then those relative to another
    ('would take part on Wednesday' after 'confirmed on Tuesday'; 'overnight')."""
    out: dict[Timex, Resolved] = {}
    tenses = {t: clause_tense(sentence, t) for t in timexes}
    for timex in timexes:
        if timex.kind == "day" and timex.parts.get("word", "").lower() in ("overnight", "last night"):
            continue
        tense, modal = tenses[timex]
        ref, ref_words = _said_day_before(out, timex) if modal and tense == "future" else (None, None)
        result = resolve(timex, base, tense, ref=ref, ref_words=ref_words)
        if result is not None:
            out[timex] = result
    for timex in timexes:
        if timex in out:
            continue
        ref, ref_words = _nearest_day(out, timex)
        result = resolve(timex, base, tenses[timex][0], ref=ref, ref_words=ref_words)
        if result is not None:
            out[timex] = result
    return [out[t] for t in timexes if t in out]


def _said_day_before(out: dict[Timex, Resolved], timex: Timex) -> tuple[dt.date | None, str | None]:
    """The last past day resolved before a future 'would ... on Wednesday': what it counts from."""
    earlier = [
        r
        for t, r in out.items()
        if t.start < timex.start and r.tense == "past" and r.date.precision == "day" and not r.date.is_interval
    ]
    if earlier:
        return earlier[-1].date.earliest, earlier[-1].timex.text
    return None, None


def _nearest_day(out: dict[Timex, Resolved], timex: Timex) -> tuple[dt.date | None, str | None]:
    """The day resolved nearest an expression the sentence counts from it ('overnight')."""
    days = [r for r in out.values() if r.date.precision == "day" and not r.date.is_interval and r.tense != "future"]
    if not days:
        return None, None
    nearest = min(days, key=lambda r: abs(r.timex.start - timex.start))
    return nearest.date.earliest, f"{nearest.timex.text} ({nearest.date.iso()})"
