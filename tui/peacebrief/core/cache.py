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
from collections.abc import Callable, Iterator
from dataclasses import fields
from operator import attrgetter
from pathlib import Path
from types import MappingProxyType
from typing import Any, TextIO, TypeVar

from peacebrief import __version__
from peacebrief.core.dates import BriefDate, DatePoint
from peacebrief.core import collector
from peacebrief.core.files import MAX_BYTES, read_regular, remove_leftovers, source_outside, temporary_name
from peacebrief.core.links import Links, build_links
from peacebrief.core.model import (
    QUOTE_KINDS,
    ROLES,
    STATUSES,
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

CACHE_FORMAT = 4
# An entry is `{"mac":"<hex>","body":<the entry>}`: the HMAC-SHA256 of the body's bytes
# under a key of this user's cache, so an entry edited or copied in is not believed.
_HEAD = b'{"mac":"'
_MAC_LEN = 64
_BODY = b'","body":'
_MAX_ENTRY = 1 << 30  # bytes: an entry bigger than any brief's is not one of ours

T = TypeVar("T")
_ID = attrgetter("id")


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "peacebrief"


def _entry_path(brief_path: Path) -> Path:
    digest = hashlib.sha256(str(brief_path).encode("utf-8", "surrogatepass")).hexdigest()[:24]
    return cache_dir() / f"brief-{digest}.json"


def _fingerprint(path: Path, data: bytes, status: os.stat_result) -> dict[str, Any]:
    """What an entry is keyed on; `status` is that of the file `data` was read from."""
    return {"path": str(path), "size": status.st_size, "mtime_ns": status.st_mtime_ns, "sha256": hashlib.sha256(data).hexdigest()}


def _read_brief(path: Path) -> tuple[bytes, os.stat_result]:
    """The brief's bytes, read once, for both the hash and the parse."""
    return read_regular(path, MAX_BYTES, what="brief")


def _key() -> bytes | None:
    """This user's key for the cache's HMACs, made on first use; None when it cannot be had.

    It proves an entry was written by peacebrief for this user (an entry edited by hand, or
    copied from elsewhere, fails); it cannot stop a program already running as this user.
    """
    path = cache_dir() / "key"
    try:
        data, status = read_regular(path, 64, what="cache key")
        if len(data) == 32 and status.st_uid == os.getuid() and not status.st_mode & 0o077:
            return data
        if len(data) == 32:
            return None  # someone else's, or readable by others: use no cache at all
    except FileNotFoundError:
        pass
    except (OSError, ValueError):
        return None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fresh = os.urandom(32)
        temporary = str(temporary_name(path.parent))
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        try:
            with os.fdopen(descriptor, "wb") as stream:
                stream.write(fresh)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        data, _status = read_regular(path, 64, what="cache key")  # another process may have won
        return data if len(data) == 32 else None
    except (OSError, ValueError):
        return None


def _mac(key: bytes, body: bytes | memoryview) -> bytes:
    import hmac

    return hmac.new(key, body, "sha256").hexdigest().encode("ascii")


def load_brief(path: Path, data: bytes | None = None) -> Brief:
    """The loader, imported only on a cache miss: it brings yaml and the checks with it,
    which a brief read from the cache needs none of. `data`: the file's bytes, read once."""
    from peacebrief.core.loader import load_brief as load

    return load(path, data=data)


def load_brief_cached(path: str | Path, *, use_cache: bool = True) -> Brief:
    """`load_brief`, through the cache. Raises `BriefError` exactly as `load_brief` does."""
    path = Path(path)
    if not use_cache:
        return load_brief(path)
    try:
        resolved = path.resolve()
        data, status = _read_brief(resolved)
    except (OSError, ValueError, RuntimeError):  # RuntimeError: a symlink loop, before Python 3.13
        return load_brief(path)  # the loader says what is wrong with the file
    fingerprint = _fingerprint(resolved, data, status)
    brief = _read_entry(_entry_path(resolved), fingerprint, path)
    if brief is not None:
        return brief
    brief = load_brief(path, data)
    del data
    _write_entry(_entry_path(resolved), fingerprint, brief)
    return brief


def cached_brief(path: str | Path, *, max_entry_bytes: int | None = None) -> Brief | None:
    """The brief from a fresh cache entry, or None: no entry, a stale or unreadable one,
    one larger than `max_entry_bytes`, or no such file. Never parses the brief: the
    reader calls this to open a cached brief at once, before it decides whether a load
    is worth a loading screen."""
    path = Path(path)
    try:
        resolved = path.resolve()
        entry = _entry_path(resolved)
        size = entry.stat().st_size  # no entry: no need to hash the brief
        if max_entry_bytes is not None and size > max_entry_bytes:
            return None
        fingerprint = _fingerprint(resolved, *_read_brief(resolved))
    except (OSError, ValueError, RuntimeError):
        return None
    return _read_entry(entry, fingerprint, path, max_entry_bytes)


# -- reading -----------------------------------------------------------------------------


def _read_entry(entry: Path, fingerprint: dict[str, Any], path: Path, max_bytes: int | None = None) -> Brief | None:
    """The cached brief, or None when there is none, it is stale, or it cannot be believed.

    Anything unexpected in an entry (a wrong HMAC, bad JSON, absurd nesting, a field of
    the wrong shape, an offset outside its source, a status the model does not know, a
    source that is not a regular file inside the brief's project) means None: the caller
    loads the brief afresh and rewrites the entry. Never an exception.
    """
    try:
        key = _key()
        if key is None:
            return None
        raw, _status = read_regular(entry, _MAX_ENTRY if max_bytes is None else max_bytes, what="cache entry")
        start = len(_HEAD) + _MAC_LEN + len(_BODY)
        if not (raw.startswith(_HEAD) and raw[len(_HEAD) + _MAC_LEN : start] == _BODY and raw.endswith(b"}")):
            return None
        body = memoryview(raw)[start:-1]
        import hmac

        if not hmac.compare_digest(raw[len(_HEAD) : len(_HEAD) + _MAC_LEN], _mac(key, body)):
            return None
        # The collector paused from the parse on: it builds hundreds of thousands of
        # objects that all stay alive, and collecting among them frees nothing.
        with collector.paused():
            payload = json.loads(body.tobytes())
            del raw, body
            if not isinstance(payload, dict):
                return None
            if payload.get("format") != CACHE_FORMAT or payload.get("peacebrief") != __version__:
                return None
            if payload.get("brief_file") != fingerprint:
                return None
            brief = _decode(payload["brief"], path)
            return brief if brief is not None and _sound(brief) else None
    except Exception:  # noqa: BLE001 - whatever is wrong with an entry, the brief is loaded afresh
        return None


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
        if source_outside(path, file) is not None:
            return None
        raw, _status = read_regular(file, MAX_BYTES, what="source")
        text = raw.decode("utf-8").removeprefix("\ufeff")
        del raw
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != file_sha256:
            return None  # a source changed: the anchors must be checked again
        # The same text as when the entry was written (its sha256 says so): its paragraphs are too.
        document = SourceDocument(
            text=text,
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


def _sound(brief: Brief) -> bool:
    """What the reader relies on holds: known statuses, kinds and roles; ids that name
    records of the brief; anchors and quotes inside their source, with the words there."""
    records = brief.records
    texts = {source.id: source.document.text for source in brief.sources}

    def anchored(a: Anchor) -> bool:
        text = texts.get(a.source)
        return (text is not None and 0 <= a.start <= a.end <= len(text) and type(a.start) is int
                and type(a.end) is int and (a.normalised or text[a.start : a.end] == a.exact)
                and 1 <= a.paragraph <= len(brief.records[a.source].document.paragraphs))  # type: ignore[attr-defined]

    def known(*ids: str | None) -> bool:
        return all(rid is None or rid in records for rid in ids)

    for source in brief.sources:
        doc = source.document
        if not all(0 <= s <= e <= len(doc.text) for s, e in doc.paragraphs) or not 0 <= doc.body_start <= len(doc.text):
            return False
    for party in brief.parties:
        if party.role not in ROLES:
            return False
    for person in brief.people:
        if not known(person.party):
            return False
    for event in brief.events:
        if event.status not in STATUSES or not all(map(anchored, event.evidence)):
            return False
        if not known(*event.parties, *event.people, *event.issues):
            return False
    for position in brief.positions:
        if not known(position.party, position.issue, *position.quotes) or not all(map(anchored, position.evidence)):
            return False
    for quote in brief.quotes:
        a = quote.source
        if quote.quote_kind not in QUOTE_KINDS or not anchored(a) or not known(quote.speaker, quote.event, *quote.issues):
            return False
        if not (a.start <= quote.text_start <= quote.text_end <= a.end):
            return False
    return all(known(*point.refs) for point in brief.key_points)


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
                 # The text that was checked, not the file now (it may have changed since).
                 str(s.file), hashlib.sha256(s.document.text.encode("utf-8")).hexdigest(),
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
        key = _key()
        if key is None:
            return
        entry.parent.mkdir(parents=True, exist_ok=True)
        remove_leftovers(entry.parent)
        temporary = str(temporary_name(entry.parent))
        descriptor = os.open(temporary, os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        try:
            with os.fdopen(descriptor, "w+", encoding="utf-8") as stream:
                stream.write((_HEAD + b"0" * _MAC_LEN + _BODY).decode("ascii"))
                _write_json(stream, fingerprint, brief)
                stream.write("}")
                stream.flush()
                binary = stream.buffer
                binary.seek(len(_HEAD) + _MAC_LEN + len(_BODY))
                body = binary.read()[:-1]
                binary.seek(len(_HEAD))
                binary.write(_mac(key, body))
            os.replace(temporary, entry)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except (OSError, ValueError):
        pass
