"""From analysed documents to brief records: ids, anchors, parties and review marks.

Every record is anchored by the loader's own rules (see `anchoring`): where a quote's or
an event's words occur more than once in their document, the shortest prefix (then
suffix) that picks the right place is added. A
record whose words cannot be told apart from another place is left out and counted.

With an existing brief, the draft only adds: people and parties are matched to the
brief's (by id, name, alias, surname; by party name and short tag), a document the
brief already holds keeps its source id, and a quote whose words the brief already
quotes, or an event it already dates from the same words, is not added again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from peacebrief.core.anchors import DocumentIndex, normalise
from peacebrief.core.draft.analyse import DocumentAnalysis, analyse
from peacebrief.core.draft.anchoring import Anchorer
from peacebrief.core.draft.discourse import SpeakerRef
from peacebrief.core.draft.event_findings import content_words
from peacebrief.core.draft.names import PersonInfo
from peacebrief.core.draft.parties import (
    PLACEHOLDER_ID,
    PLACEHOLDER_NAME,
    UNKNOWN_ID,
    UNKNOWN_NAME,
    UNKNOWN_SUMMARY,
    CaseParties,
    ExistingBrief,
    Gazetteer,
    PartyGuess,
    from_brief,
    slug,
    unique_id,
)
from peacebrief.core.draft.quote_findings import QuoteFinding

SECTIONS = ("sources", "parties", "people", "events", "quotes")


@dataclass(frozen=True, slots=True)
class DraftAnchor:
    source: str
    exact: str
    prefix: str | None = None
    suffix: str | None = None


@dataclass(slots=True)
class DraftRecord:
    """A record as the writer prints it: fields in order, and comment lines above it."""

    section: str
    fields: dict[str, Any]
    comments: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return str(self.fields["id"])

    @property
    def review(self) -> str | None:
        return self.fields.get("review")


@dataclass(frozen=True, slots=True)
class DocumentInput:
    path: Path  # the document's file
    data: bytes  # its bytes (for sha256)
    text: str  # decoded, without a byte-order mark
    base_date: dt.date | None = None  # --date, used when the text has no dateline


@dataclass(slots=True)
class Draft:
    id: str
    title: str
    as_of: str
    records: dict[str, list[DraftRecord]]
    source_total: int  # sources in the finished brief, existing ones included
    analyses: list[DocumentAnalysis]
    base_dates: list[tuple[str, dt.date, bool]]  # (source id, base date, from the dateline)
    skipped: list[str] = field(default_factory=list)  # records left out: why
    duplicates: int = 0  # records the existing brief already had

    @property
    def review_count(self) -> int:
        return sum(1 for records in self.records.values() for r in records if r.review)

    def all_records(self) -> list[DraftRecord]:
        return [r for section in SECTIONS for r in self.records[section]]


class _Builder:
    def __init__(
        self, existing: ExistingBrief | None, existing_brief: Any | None, case: CaseParties | None = None
    ) -> None:
        self.existing = existing
        self.existing_brief = existing_brief
        self.case = case
        self.placeholder_id = PLACEHOLDER_ID
        self.taken: set[str] = set(existing.ids) if existing else set()
        self.records: dict[str, list[DraftRecord]] = {s: [] for s in SECTIONS}
        self.party_ids: dict[str, str] = {}  # party name -> id
        self.person_ids: dict[str, str] = {}  # person key -> id
        self.person_party: dict[str, str] = {}  # person id -> party id
        self.skipped: list[str] = []
        self.duplicates = 0
        self.indexes: dict[str, DocumentIndex] = {}
        self.anchorers: dict[str, Anchorer] = {}
        self.quote_keys: set[tuple[str, str]] = set()
        self.existing_words = {_key(q.text) for q in getattr(existing_brief, "quotes", ())}

    def new_id(self, base: str) -> str:
        rid = unique_id(slug(base) if base else "x", self.taken)
        self.taken.add(rid)
        return rid

    # -- parties and people ------------------------------------------------------------

    def party(self, name: str, *, placeholder: bool = False, organisation: bool = False) -> str:
        if name in self.party_ids:
            return self.party_ids[name]
        if self.existing and not placeholder:
            found = self.existing.party_id(name)
            if found:
                self.party_ids[name] = found
                return found
        known = self.case.find(name) if self.case is not None and not placeholder else None
        if known is not None and known.name != name:
            pid = self.party(known.name)  # "Calder", "the Movement": the case's party, by its name
            self.party_ids[name] = pid
            return pid
        if placeholder and self.case is not None:
            base = UNKNOWN_ID
            pid = base if base not in self.taken else self.new_id(base)
            self.taken.add(pid)
            self.placeholder_id = pid
            fields = {"id": pid, "name": UNKNOWN_NAME, "role": "party", "summary": UNKNOWN_SUMMARY}
        elif placeholder:
            pid = PLACEHOLDER_ID if PLACEHOLDER_ID not in self.taken else self.new_id(PLACEHOLDER_ID)
            self.taken.add(pid)
            self.placeholder_id = pid
            fields = {
                "id": pid,
                "name": PLACEHOLDER_NAME,
                "role": "party",
                "review": "placeholder party: give each person and quote here their real party, then delete it",
            }
        else:
            pid = self.new_id(name)
            fields = {"id": pid, "name": name, "role": known.role if known is not None else "party"}
            if organisation and known is None:
                fields["review"] = "an organisation the document quotes: check its role (party, mediator or host)"
        self.records["parties"].append(DraftRecord("parties", fields))
        self.party_ids[name] = pid
        return pid

    def person(self, key: str, info: PersonInfo) -> str:
        if key in self.person_ids:
            return self.person_ids[key]
        if self.existing:
            match = self.existing.person(key)
            if match is not None:
                self.person_ids[key] = match.id
                self.person_party[match.id] = match.party
                return match.id
        party_id, review = self._party_of(info)
        surname = key.split()[-1]
        pid = self.new_id(surname if slug(surname) not in self.taken else key)
        fields: dict[str, Any] = {"id": pid, "name": key, "party": party_id}
        if info.title:
            fields["title"] = info.title
        if info.surname_used and " " in key:
            fields["aliases"] = [surname]
        if review:
            fields["review"] = "; ".join(review)
        self.records["people"].append(DraftRecord("people", fields))
        self.person_ids[key] = pid
        self.person_party[pid] = party_id
        return pid

    def _party_of(self, info: PersonInfo) -> tuple[str, list[str]]:
        """The party of a person the document names (the side most of its sure hints give),
        and what a reviewer should check of it."""
        guesses = [h for h in info.hints if h is not None]
        if not guesses:
            return self.party("", placeholder=True), ["no party found in the document: assign one"]
        review: list[str] = []
        counts = Counter(h.name for h in guesses if h.sure) or Counter(h.name for h in guesses)
        name = counts.most_common(1)[0][0]
        chosen = next(h for h in guesses if h.name == name)
        party_id = self.party(name)
        if not chosen.sure:
            review.append(f"party guessed from '{chosen.words}'")
        others = sorted({h.name for h in guesses if h.sure} - {name})
        if others:
            review.append(f"the document also ties them to {', '.join(others)}")
        return party_id, review

    def speaker(self, ref: SpeakerRef, analysis: DocumentAnalysis) -> tuple[str, str | None]:
        """The id a quote names as its speaker, and a review reason when it is a stand-in."""
        if ref.kind == "person":
            info = analysis.names.people.get(ref.key) or PersonInfo(ref.key)
            return self.person(ref.key, info), None
        if ref.kind == "party":
            return self.party(ref.key, organisation=ref.how == "organisation"), None
        if self.settled(ref):
            return self.party(ref.words), None  # "the Movement said": the case's party
        return self.party("", placeholder=True), ref.review or f"speaker '{ref.words}' unknown: assign one"

    def settled(self, ref: SpeakerRef) -> bool:
        """Whether the case names the side an unknown speaker stands for ("the Movement")."""
        return (
            ref.kind == "unknown"
            and self.case is not None
            and bool(ref.words)
            and self.case.find(ref.words) is not None
        )

    # -- anchors -----------------------------------------------------------------------

    def anchor(self, source: str, start: int, end: int) -> DraftAnchor | None:
        """An anchor for `[start, end)` that resolves there and nowhere else."""
        if source not in self.anchorers:
            self.anchorers[source] = Anchorer(self.indexes[source].document)
        chosen = self.anchorers[source].choose(start, end)
        if chosen is None:
            return None
        return DraftAnchor(source, *chosen)


def _key(text: str) -> str:
    return " ".join(normalise(text).casefold().strip(" .,;:!?\"'").split())


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def build_draft(
    inputs: list[DocumentInput],
    *,
    paths_from: Path,
    existing_brief: Any | None = None,
    brief_id: str | None = None,
    case: CaseParties | None = None,
) -> Draft:
    """Draft records for `inputs`; source paths are written relative to `paths_from`. With
    `case`, the parties of the case a next round joins: names that are the case's take its
    names and roles, and what has no side goes to an explicit unknown party."""
    existing = from_brief(existing_brief) if existing_brief is not None else None
    builder = _Builder(existing, existing_brief, case)
    gazetteer = Gazetteer()
    known = _known_people(existing, gazetteer) if existing is not None else {}
    analyses: list[DocumentAnalysis] = []
    base_dates: list[tuple[str, dt.date, bool]] = []
    source_ids: list[str] = []
    existing_sources = {s.sha256: s for s in getattr(existing_brief, "sources", ()) if getattr(s, "sha256", None)}
    new_sources = 0
    for document in inputs:
        analysis = analyse(document.text, document.base_date, gazetteer=gazetteer, known=known)
        analyses.append(analysis)
        for key, info in analysis.names.people.items():
            known.setdefault(key, info)
        digest = hashlib.sha256(document.data).hexdigest()
        if digest in existing_sources:
            source_id = existing_sources[digest].id
        else:
            source_id = _new_source(builder, document, analysis, digest, paths_from)
            new_sources += 1
        builder.indexes[source_id] = DocumentIndex(analysis.document)
        source_ids.append(source_id)
        base_dates.append((source_id, analysis.base_date, analysis.document.dateline is not None))
    source_total = len(getattr(existing_brief, "sources", ())) + new_sources

    for analysis, source_id in zip(analyses, source_ids, strict=True):
        _people(builder, analysis)
        event_ids = _events(builder, analysis, source_id, existing_brief)
        _quotes(builder, analysis, source_id, event_ids, existing_brief)

    # The stand-in for "no known side" after the real parties (the reader lists them in order).
    builder.records["parties"].sort(key=lambda r: r.id == builder.placeholder_id)
    draft_id, title, as_of = _brief_fields(existing_brief, brief_id, source_ids, analyses)
    return Draft(
        draft_id, title, as_of, builder.records, source_total, analyses, base_dates, builder.skipped, builder.duplicates
    )


def _people(builder: _Builder, analysis: DocumentAnalysis) -> None:
    """People who spoke or are named with an office, then everyone else named in an event, in order."""
    people = sorted(analysis.names.people.values(), key=lambda p: (not (p.spoke or p.strong), p.first_offset))
    for info in people:
        if info.spoke or info.strong or _named_in_events(info.key, analysis):
            builder.person(info.key, info)


def _brief_fields(
    existing_brief: Any | None, brief_id: str | None, source_ids: list[str], analyses: list[DocumentAnalysis]
) -> tuple[str, str, str]:
    """The draft's id, title and as_of: the existing brief's, else made from its documents."""
    if existing_brief is not None:
        return existing_brief.id, existing_brief.title, existing_brief.as_of.iso()
    titles = [a.title for a in analyses]
    draft_id = brief_id or (slug(f"draft-{source_ids[0]}") if len(source_ids) == 1 else "draft-brief")
    title = titles[0] if len(titles) == 1 else f"Draft brief from {len(titles)} documents"
    return draft_id, title, max(a.base_date for a in analyses).isoformat()


def _known_people(existing: ExistingBrief, gazetteer: Gazetteer) -> dict[str, PersonInfo]:
    """The existing brief's people, with their titles and parties, as the drafter knows them;
    its parties' names go to the gazetteer as countries."""
    known: dict[str, PersonInfo] = {}
    for person in existing.people:
        party = next((p.name for p in existing.parties if p.id == person.party), None)
        hints = [PartyGuess(party, "the existing brief")] if party else []
        known[person.name] = PersonInfo(person.name, [person.title] if person.title else [], hints, strong=True)
        for party_record in existing.parties:
            gazetteer.countries.add(party_record.name)
    return known


def _new_source(
    builder: _Builder, document: DocumentInput, analysis: DocumentAnalysis, digest: str, paths_from: Path
) -> str:
    """A source record for a document the brief does not hold yet; its id."""
    source_id = builder.new_id(_source_base(document.path))
    fields = {
        "id": source_id,
        "title": analysis.title,
        "path": Path(os.path.relpath(document.path.resolve(), paths_from.resolve())).as_posix(),
        "published": analysis.base_date.isoformat(),
        "sha256": digest,
    }
    comments = []
    if analysis.document.dateline is None:
        comments.append(f"No dateline in the document: `--date {analysis.base_date.isoformat()}` gave the base date.")
    builder.records["sources"].append(DraftRecord("sources", fields, comments))
    return source_id


def _source_base(path: Path) -> str:
    stem = slug(path.stem, limit=30)
    return stem if stem[0].isalpha() else f"doc-{stem}"


def _named_in_events(key: str, analysis: DocumentAnalysis) -> bool:
    return any(key in e.people for e in analysis.events)


def _events(
    builder: _Builder, analysis: DocumentAnalysis, source_id: str, existing_brief: Any | None
) -> dict[Any, str]:
    """Event records; returns the event id of each time expression, for quotes' `event`."""
    ids: dict[Any, str] = {}
    existing_events = [e for e in getattr(existing_brief, "events", ())]
    for finding in analysis.events:
        date = finding.resolved.date.iso()
        span = finding.evidence
        duplicate = _same_event(existing_events, date, source_id, span)
        if duplicate is not None:
            ids[finding.resolved.timex] = duplicate.id
            builder.duplicates += 1
            continue
        anchor = builder.anchor(source_id, *span)
        if anchor is None:
            builder.skipped.append(
                f"event '{finding.title}': its words occur more than once and no context tells them apart"
            )
            continue
        words = content_words(finding.title, 3)
        eid = builder.new_id("ev-" + "-".join(words) if words else "ev")
        fields: dict[str, Any] = {
            "id": eid,
            "date": date,
            "date_text": finding.resolved.timex.text,
            "title": finding.title,
        }
        if finding.status != "occurred":
            fields["status"] = finding.status
        people = [builder.person_ids[k] for k in finding.people if k in builder.person_ids]
        parties = _event_parties(builder, finding.parties, people)
        if parties:
            fields["parties"] = parties
        if people:
            fields["people"] = list(dict.fromkeys(people))
        fields["evidence"] = [anchor]
        if finding.review:
            fields["review"] = finding.review
        comment = f"'{finding.resolved.timex.text}': {finding.resolved.note}."
        builder.records["events"].append(DraftRecord("events", fields, [comment]))
        ids[finding.resolved.timex] = eid
    return ids


def _same_event(existing_events: list[Any], date: str, source_id: str, span: tuple[int, int]) -> Any | None:
    """The existing brief's event of that date standing on these words, if there is one."""
    return next(
        (
            e
            for e in existing_events
            if e.date.iso() == date
            and any(a.source == source_id and _overlaps((a.start, a.end), span) for a in e.evidence)
        ),
        None,
    )


def _event_parties(builder: _Builder, names: list[str], people: list[str]) -> list[str]:
    """The parties an event names, then its people's, once each, without the stand-in."""
    parties = [builder.party(name) for name in names]
    parties += [
        builder.person_party[p] for p in people if builder.person_party.get(p) not in (None, builder.placeholder_id)
    ]
    return [p for p in dict.fromkeys(parties) if p != builder.placeholder_id]


# The comment beside a direct quote of an unusual form.
_FORMS = {
    "split": "Split by its attribution.",
    "colon": "Introduced by a colon.",
    "fragment": "A fragment inside the reporter's sentence.",
}


def _quoted_already(existing_quotes: list[Any], finding: QuoteFinding, source_id: str, speaker: str) -> bool:
    """The existing brief has a quote of this kind by this speaker over these words."""
    return any(
        q.source.source == source_id
        and _overlaps((q.source.start, q.source.end), (finding.start, finding.end))
        and q.speaker == speaker
        and q.quote_kind == finding.kind
        for q in existing_quotes
    )


def _kind_and_reasons(
    builder: _Builder, finding: QuoteFinding, source_id: str, stand_in: str | None
) -> tuple[str, list[str]]:
    """A quote's kind as drafted, and what a reviewer should check of it."""
    kind = finding.kind
    review = finding.review
    if finding.speaker.review and builder.settled(finding.speaker):  # the case names the side
        review = "; ".join(r for r in (review or "").split("; ") if r != finding.speaker.review) or None
    reasons = [r for r in (review, stand_in) if r]
    if kind == "direct" and not builder.indexes[source_id].inside_quotation_marks(finding.start, finding.end):
        # The loader pairs quotation marks its own way; where it would not see these
        # words as quoted (marks of both styles mixed), offer them as reported.
        kind = "reported"
        reasons.append("its quotation marks do not pair up: offered as reported; check it")
    return kind, reasons


def _quotes(
    builder: _Builder, analysis: DocumentAnalysis, source_id: str, event_ids: dict[Any, str], existing_brief: Any | None
) -> None:
    existing_quotes = [q for q in getattr(existing_brief, "quotes", ())]
    for finding in analysis.quotes:
        speaker, stand_in = builder.speaker(finding.speaker, analysis)
        words = _key(finding.text)
        if words in builder.existing_words or _quoted_already(existing_quotes, finding, source_id, speaker):
            builder.duplicates += 1
            continue
        if (words, speaker) in builder.quote_keys:
            continue
        anchor = builder.anchor(source_id, finding.start, finding.end)
        if anchor is None:
            builder.skipped.append(
                f"quote '{finding.text[:40]}': its words occur more than once and no context tells them apart"
            )
            continue
        builder.quote_keys.add((words, speaker))
        kind, reasons = _kind_and_reasons(builder, finding, source_id, stand_in)
        who = speaker if speaker != builder.placeholder_id else "unknown"
        qid = builder.new_id("q-" + "-".join([who.split("-")[0], *content_words(finding.text, 2)]))
        fields: dict[str, Any] = {"id": qid, "speaker": speaker, "kind": kind, "text": finding.text}
        if finding.said is not None:
            fields["said"] = finding.said.value
            fields["date_text"] = finding.said.timex.text
            event = event_ids.get(finding.said.timex)
            if event:
                fields["event"] = event
        fields["source"] = anchor
        if reasons:
            fields["review"] = "; ".join(dict.fromkeys(reasons))
        comments = [_FORMS[finding.form]] if kind == "direct" and finding.form in _FORMS else []
        builder.records["quotes"].append(DraftRecord("quotes", fields, comments))
