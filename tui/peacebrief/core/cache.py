"""A cache of loaded, checked briefs, so that opening a big brief again is instant.

The cache is JSON (data only: unlike pickle, a cache file cannot run code) in the user's
cache folder, one file per brief path. An entry is used only when the brief file has the
same path, size, modification time and sha256 as when it was written, and every source
document still has the sha256 it had; anything else (a changed file, a different
peacebrief, a corrupt or unreadable cache file) means the brief is loaded and checked
afresh and the entry rewritten. Source texts are not cached: they are read from their
files, which both checks them and gives the reader their words.

The entry is laid out to be read back fast, since reading it is most of what opening a
cached brief costs: each record is a list of its fields in a fixed order (no keys to
parse), words that are a slice of their source's text (an anchor's `exact`, most
quotes' `text`) are stored as null and sliced back out, and the link index and each
source's paragraph bounds are stored as built rather than worked out again. Dates are a
table of each distinct date's fields, which rows name by their place in it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import fields
from operator import attrgetter
from pathlib import Path
from types import MappingProxyType
from typing import Any, TextIO, TypeVar

from peacebrief import __version__
from peacebrief.core.dates import BriefDate, DatePoint
from peacebrief.core import collector
from peacebrief.core.links import Links, build_links
from peacebrief.core.model import (
    Anchor,
    Brief,
    Event,
    Issue,
    KeyPoint,
    Party,
    Person,
    Position,
    Quote,
    Record,
    Source,
    SourceDocument,
)
from peacebrief.core.problems import Problem

CACHE_FORMAT = 3

T = TypeVar("T")
_ID = attrgetter("id")


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "peacebrief"


def _entry_path(brief_path: Path) -> Path:
    digest = hashlib.sha256(str(brief_path).encode("utf-8", "surrogatepass")).hexdigest()[:24]
    return cache_dir() / f"brief-{digest}.json"


def _fingerprint(path: Path, data: bytes) -> dict[str, Any]:
    stat = path.stat()
    return {"path": str(path), "size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "sha256": hashlib.sha256(data).hexdigest()}


def load_brief(path: Path) -> Brief:
    """The loader, imported only on a cache miss: it brings yaml and the checks with it,
    which a brief read from the cache needs none of."""
    from peacebrief.core.loader import load_brief as load

    return load(path)


def load_brief_cached(path: str | Path, *, use_cache: bool = True) -> Brief:
    """`load_brief`, through the cache. Raises `BriefError` exactly as `load_brief` does."""
    path = Path(path)
    if not use_cache:
        return load_brief(path)
    resolved = path.resolve()
    try:
        fingerprint = _fingerprint(resolved, resolved.read_bytes())
    except OSError:
        return load_brief(path)  # the loader says what is wrong with the file
    brief = _read_entry(_entry_path(resolved), fingerprint, path)
    if brief is not None:
        return brief
    brief = load_brief(path)
    _write_entry(_entry_path(resolved), fingerprint, brief)
    return brief


def cached_brief(path: str | Path, *, max_entry_bytes: int | None = None) -> Brief | None:
    """The brief from a fresh cache entry, or None: no entry, a stale or unreadable one,
    one larger than `max_entry_bytes`, or no such file. Never parses the brief: the
    reader calls this to open a cached brief at once, before it decides whether a load
    is worth a loading screen."""
    path = Path(path)
    resolved = path.resolve()
    entry = _entry_path(resolved)
    try:
        size = entry.stat().st_size  # no entry: no need to hash the brief
        if max_entry_bytes is not None and size > max_entry_bytes:
            return None
        fingerprint = _fingerprint(resolved, resolved.read_bytes())
    except OSError:
        return None
    return _read_entry(entry, fingerprint, path)


# -- reading -----------------------------------------------------------------------------


def _read_entry(entry: Path, fingerprint: dict[str, Any], path: Path) -> Brief | None:
    """The cached brief, or None when there is none, it is stale, or it cannot be read."""
    try:
        raw = entry.read_bytes()
        # The collector paused from the parse on: it builds hundreds of thousands of
        # objects that all stay alive, and collecting among them frees nothing.
        with collector.paused():
            payload = json.loads(raw)
            if payload.get("format") != CACHE_FORMAT or payload.get("peacebrief") != __version__:
                return None
            if payload.get("brief_file") != fingerprint:
                return None
            return _decode(payload["brief"], path)
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None  # a corrupt or foreign cache entry is ignored and rebuilt


def _builder(cls: type[T]) -> Callable[..., T]:
    """A function that makes a `cls` from all its field values, in the order of its fields
    (the order of a cache row)."""
    names = [f.name for f in fields(cls)]  # type: ignore[arg-type]
    return lambda *values: cls(**dict(zip(names, values)))


_ANCHOR, _EVENT, _QUOTE, _POSITION, _PERSON, _POINT, _DATE = (
    _builder(cls) for cls in (Anchor, Event, Quote, Position, Person, DatePoint, BriefDate)
)


def _decode(data: dict[str, Any], path: Path) -> Brief | None:
    texts: dict[str, str] = {}  # source id -> its text, which gives back the words sliced out
    point, date = _POINT, _DATE
    # Each distinct date once, as its points' fields (no text to parse); rows hold its place.
    dates = [date(point(*start), None if end is None else point(*end)) for start, end in data["dates"]]
    anchor_ = _ANCHOR

    def anchors(rows: list[list[Any]]) -> tuple[Anchor, ...]:
        return tuple([
            anchor_(source, texts[source][start:end] if exact is None else exact, start, end, paragraph, prefix,
                    suffix, normalised)
            for source, exact, start, end, paragraph, prefix, suffix, normalised in rows
        ])

    sources: list[Source] = []
    for (rid, review, line, title, source_path, published, publisher, url, sha256, file_name, file_sha256,
         dateline, body_start, bounds) in data["sources"]:
        file = Path(file_name)
        raw = file.read_bytes()
        if hashlib.sha256(raw).hexdigest() != file_sha256:
            return None  # a source changed: the anchors must be checked again
        # The same text as when the entry was written (its sha256 says so): its paragraphs are too.
        document = SourceDocument(
            text=raw.decode("utf-8").removeprefix("\ufeff"),
            dateline=None if dateline is None else dt.date.fromisoformat(dateline),
            body_start=body_start,
            paragraphs=tuple(zip(bounds[::2], bounds[1::2])),
        )
        texts[rid] = document.text
        sources.append(
            Source(id=rid, review=review, line=line, title=title, path=source_path, published=dates[published],
                   document=document, file=file, publisher=publisher, url=url, sha256=sha256)
        )
    parties = [
        Party(id=rid, review=review, line=line, name=name, role=role, short=short, summary=summary)
        for rid, review, line, name, role, short, summary in data["parties"]
    ]
    person = _PERSON
    people = [
        person(rid, review, line, name, party, title, tuple(aliases), delegate)
        for rid, review, line, name, party, title, aliases, delegate in data["people"]
    ]
    issues = [
        Issue(id=rid, review=review, line=line, title=title, summary=summary)
        for rid, review, line, title, summary in data["issues"]
    ]
    event = _EVENT
    events = [
        event(rid, review, line, dates[when], title, anchors(evidence), date_text, summary, place, status,
              tuple(event_parties), tuple(event_people), tuple(event_issues))
        for (rid, review, line, when, title, evidence, date_text, summary, place, status, event_parties,
             event_people, event_issues) in data["events"]
    ]
    position = _POSITION
    positions = [
        position(rid, review, line, party, issue, stance, anchors(evidence), tuple(position_quotes), detail)
        for rid, review, line, party, issue, stance, evidence, position_quotes, detail in data["positions"]
    ]
    quote = _QUOTE
    quotes = [
        quote(rid, review, line, speaker, texts[source][start:end] if text is None else text, kind,
              anchor_(source, texts[source][anchor_start:anchor_end] if exact is None else exact, anchor_start,
                      anchor_end, paragraph, prefix, suffix, normalised),
              start, end, None if said is None else dates[said], date_text, quote_event, tuple(quote_issues))
        for (rid, review, line, speaker, text, kind,
             (source, exact, anchor_start, anchor_end, paragraph, prefix, suffix, normalised),
             start, end, said, date_text, quote_event, quote_issues) in data["quotes"]
    ]
    records: dict[str, Record] = {}
    for group in (sources, parties, people, issues, events, positions, quotes):
        records.update(zip(map(_ID, group), group))
    view = MappingProxyType(records)
    links = data["links"]
    return Brief(
        path=path,
        id=data["id"],
        title=data["title"],
        as_of=dates[data["as_of"]],
        summary=data["summary"],
        key_points=tuple(KeyPoint(text, tuple(refs), line) for text, refs, line in data["key_points"]),
        warnings=tuple(
            Problem(path=file, message=message, line=line, column=column, record=record, severity=severity)
            for file, message, line, column, record, severity in data["warnings"]
        ),
        records=view,
        order=MappingProxyType({rid: i for i, rid in enumerate(records)}),
        links=Links(
            records=view,
            _incoming=links["incoming"],  # target -> relation -> origins: JSON holds it as built
            by_paragraph=MappingProxyType({(source, number): tuple(ids) for source, number, ids in links["by_paragraph"]}),
            matrix=MappingProxyType({(issue, party): tuple(ids) for issue, party, ids in links["matrix"]}),
        ),
        sources=tuple(sources),
        parties=tuple(parties),
        people=tuple(people),
        issues=tuple(issues),
        events=tuple(events),
        positions=tuple(positions),
        quotes=tuple(quotes),
    )


# -- writing -----------------------------------------------------------------------------


class _Encoder:
    """Records as rows, in the field order `_decode` reads them back. A field added to the
    model needs a place in both (tests/test_cache.py fails until it has one)."""

    def __init__(self, brief: Brief) -> None:
        self.brief = brief
        self.texts = {source.id: source.document.text for source in brief.sources}
        self.dates: dict[BriefDate, int] = {}  # each distinct date -> its place in the table

    def date(self, date: BriefDate) -> int:
        """The date's place in the entry's table of dates (written last, as "dates")."""
        return self.dates.setdefault(date, len(self.dates))

    def date_table(self) -> list[list[Any]]:
        def point(p: DatePoint | None) -> list[Any] | None:
            return None if p is None else [p.year, p.month, p.day, p.approximate, p.uncertain]

        return [[point(d.start), point(d.end)] for d in self.dates]

    def sliced(self, words: str, source: str, start: int, end: int) -> str | None:
        """None when `words` are the source's text from `start` to `end`: read back from there."""
        text = self.texts.get(source)
        return None if text is not None and text[start:end] == words else words

    def anchor(self, a: Anchor) -> list[Any]:
        return [a.source, self.sliced(a.exact, a.source, a.start, a.end), a.start, a.end, a.paragraph,
                a.prefix, a.suffix, a.normalised]

    def anchors(self, anchors: tuple[Anchor, ...]) -> list[list[Any]]:
        return [self.anchor(a) for a in anchors]

    def sections(self) -> dict[str, Iterator[list[Any]]]:
        """Each record list as rows, made one at a time (a big brief's rows would not fit twice)."""
        brief = self.brief
        return {
            "sources": (
                [s.id, s.review, s.line, s.title, s.path, self.date(s.published), s.publisher, s.url, s.sha256,
                 str(s.file), hashlib.sha256(s.file.read_bytes()).hexdigest(),
                 s.document.dateline.isoformat() if s.document.dateline else None, s.document.body_start,
                 [bound for paragraph in s.document.paragraphs for bound in paragraph]]
                for s in brief.sources
            ),
            "parties": ([p.id, p.review, p.line, p.name, p.role, p.short, p.summary] for p in brief.parties),
            "people": (
                [p.id, p.review, p.line, p.name, p.party, p.title, list(p.aliases), p.delegate] for p in brief.people
            ),
            "issues": ([i.id, i.review, i.line, i.title, i.summary] for i in brief.issues),
            "events": (
                [e.id, e.review, e.line, self.date(e.date), e.title, self.anchors(e.evidence), e.date_text, e.summary,
                 e.place, e.status, list(e.parties), list(e.people), list(e.issues)]
                for e in brief.events
            ),
            "positions": (
                [p.id, p.review, p.line, p.party, p.issue, p.stance, self.anchors(p.evidence), list(p.quotes), p.detail]
                for p in brief.positions
            ),
            "quotes": (
                [q.id, q.review, q.line, q.speaker, self.sliced(q.text, q.source.source, q.text_start, q.text_end),
                 q.quote_kind, self.anchor(q.source), q.text_start, q.text_end, self.date(q.said) if q.said else None,
                 q.date_text, q.event, list(q.issues)]
                for q in brief.quotes
            ),
        }


def _write_json(stream: TextIO, fingerprint: dict[str, Any], brief: Brief) -> None:
    """The entry, written piece by piece: the same JSON as one `json.dumps` of it all."""

    def dump(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    links = brief.links if brief.links is not None else build_links(brief.records)
    encoder = _Encoder(brief)
    head = {
        "id": brief.id,
        "title": brief.title,
        "as_of": encoder.date(brief.as_of),
        "summary": brief.summary,
        "key_points": [[k.text, list(k.refs), k.line] for k in brief.key_points],
        "warnings": [[w.path, w.message, w.line, w.column, w.record, w.severity] for w in brief.warnings],
    }
    stream.write(f'{{"format":{CACHE_FORMAT},"peacebrief":{dump(__version__)},"brief_file":{dump(fingerprint)},"brief":')
    stream.write(dump(head)[:-1])  # the head's fields, then the record lists, in one object
    for name, rows in encoder.sections().items():
        stream.write(f',{dump(name)}:[')
        for number, row in enumerate(rows):
            stream.write(("," if number else "") + dump(row))
        stream.write("]")
    stream.write(',"links":{"incoming":')
    stream.write(dump(links._incoming))  # as built: JSON's dicts of lists are its own shape
    stream.write(',"by_paragraph":')
    stream.write(dump([[source, number, list(ids)] for (source, number), ids in links.by_paragraph.items()]))
    stream.write(',"matrix":')
    stream.write(dump([[issue, party, list(ids)] for (issue, party), ids in links.matrix.items()]))
    stream.write('},"dates":')
    stream.write(dump(encoder.date_table()))  # every row is written: the table is whole
    stream.write("}}")


def _write_entry(entry: Path, fingerprint: dict[str, Any], brief: Brief) -> None:
    """Write the entry atomically; a cache that cannot be written is simply not used."""
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(prefix=".brief-", suffix=".tmp", dir=entry.parent)
        try:
            with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
                _write_json(stream, fingerprint, brief)
            os.replace(temporary, entry)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except (OSError, ValueError):
        pass
