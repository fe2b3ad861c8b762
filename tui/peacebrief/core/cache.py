"""A cache of loaded, checked briefs, so that opening a big brief again is instant.

The cache is JSON (data only: unlike pickle, a cache file cannot run code) in the user's
cache folder, one file per brief path. An entry is used only when the brief file has the
same path, size, modification time and sha256 as when it was written, and every source
document still has the sha256 it had; anything else (a changed file, a different
peacebrief, a corrupt or unreadable cache file) means the brief is loaded and checked
afresh and the entry rewritten. Source texts are not cached: they are read from their
files, which both checks them and gives the reader their words.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, TextIO

from peacebrief import __version__
from peacebrief.core.anchors import read_document
from peacebrief.core.dates import BriefDate, parse_date
from peacebrief.core.gc import paused_gc
from peacebrief.core.links import build_links
from peacebrief.core.loader import load_brief
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
)
from peacebrief.core.problems import Problem

CACHE_FORMAT = 1


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "peacebrief"


def _entry_path(brief_path: Path) -> Path:
    digest = hashlib.sha256(str(brief_path).encode("utf-8", "surrogatepass")).hexdigest()[:24]
    return cache_dir() / f"brief-{digest}.json"


def _fingerprint(path: Path, data: bytes) -> dict[str, Any]:
    stat = path.stat()
    return {"path": str(path), "size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "sha256": hashlib.sha256(data).hexdigest()}


def load_brief_cached(path: str | Path, *, use_cache: bool = True) -> Brief:
    """`load_brief`, through the cache. Raises `BriefError` exactly as `load_brief` does."""
    path = Path(path)
    if not use_cache:
        return load_brief(path)
    resolved = path.resolve()
    entry = _entry_path(resolved)
    try:
        data = resolved.read_bytes()
        fingerprint = _fingerprint(resolved, data)
    except OSError:
        return load_brief(path)  # the loader says what is wrong with the file
    brief = _read_entry(entry, fingerprint, path)
    if brief is not None:
        return brief
    brief = load_brief(path)
    _write_entry(entry, fingerprint, brief)
    return brief


# -- reading -----------------------------------------------------------------------------


def _read_entry(entry: Path, fingerprint: dict[str, Any], path: Path) -> Brief | None:
    """The cached brief, or None when there is none, it is stale, or it cannot be read."""
    try:
        payload = json.loads(entry.read_bytes())
        if payload.get("format") != CACHE_FORMAT or payload.get("peacebrief") != __version__:
            return None
        if payload.get("brief_file") != fingerprint:
            return None
        with paused_gc():
            return _decode(payload["brief"], path)
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None  # a corrupt or foreign cache entry is ignored and rebuilt


@lru_cache(maxsize=4096)
def _date(text: str) -> BriefDate:
    return parse_date(text)


def _opt_date(text: str | None) -> BriefDate | None:
    return None if text is None else _date(text)


def _anchor(row: list[Any]) -> Anchor:
    source, exact, start, end, paragraph, prefix, suffix, normalised = row
    return Anchor(source, exact, start, end, paragraph, prefix, suffix, bool(normalised))


def _common(row: dict[str, Any]) -> dict[str, Any]:
    return {"id": row["id"], "review": row.get("review"), "line": row["line"]}


def _decode(data: dict[str, Any], path: Path) -> Brief | None:
    sources: list[Source] = []
    for row in data["sources"]:
        file = Path(row["file"])
        raw = file.read_bytes()
        if hashlib.sha256(raw).hexdigest() != row["file_sha256"]:
            return None  # a source changed: the anchors must be checked again
        sources.append(
            Source(
                **_common(row), title=row["title"], path=row["path"], published=_date(row["published"]),
                document=read_document(raw.decode("utf-8").removeprefix("\ufeff")), file=file,
                publisher=row.get("publisher"), url=row.get("url"), sha256=row.get("sha256"),
            )
        )
    parties = [
        Party(**_common(r), name=r["name"], role=r["role"], short=r.get("short"), summary=r.get("summary"))
        for r in data["parties"]
    ]
    people = [
        Person(**_common(r), name=r["name"], party=r["party"], title=r.get("title"),
               aliases=tuple(r.get("aliases", ())), delegate=bool(r.get("delegate")))
        for r in data["people"]
    ]
    issues = [Issue(**_common(r), title=r["title"], summary=r.get("summary")) for r in data["issues"]]
    events = [
        Event(**_common(r), date=_date(r["date"]), title=r["title"], evidence=tuple(map(_anchor, r["evidence"])),
              date_text=r.get("date_text"), summary=r.get("summary"), place=r.get("place"), status=r["status"],
              parties=tuple(r["parties"]), people=tuple(r["people"]), issues=tuple(r["issues"]))
        for r in data["events"]
    ]
    positions = [
        Position(**_common(r), party=r["party"], issue=r["issue"], stance=r["stance"],
                 evidence=tuple(map(_anchor, r["evidence"])), quotes=tuple(r["quotes"]), detail=r.get("detail"))
        for r in data["positions"]
    ]
    quotes = [
        Quote(**_common(r), speaker=r["speaker"], text=r["text"], quote_kind=r["kind"], source=_anchor(r["source"]),
              text_start=r["text_start"], text_end=r["text_end"], said=_opt_date(r.get("said")),
              date_text=r.get("date_text"), event=r.get("event"), issues=tuple(r["issues"]))
        for r in data["quotes"]
    ]
    records: dict[str, Record] = {}
    for group in (sources, parties, people, issues, events, positions, quotes):
        for record in group:
            records[record.id] = record
    return Brief(
        path=path,
        id=data["id"],
        title=data["title"],
        as_of=_date(data["as_of"]),
        summary=data.get("summary"),
        key_points=tuple(KeyPoint(k["text"], tuple(k["refs"]), k["line"]) for k in data["key_points"]),
        warnings=tuple(Problem(**w) for w in data["warnings"]),
        records=MappingProxyType(records),
        order=MappingProxyType({rid: i for i, rid in enumerate(records)}),
        links=build_links(records),
        sources=tuple(sources),
        parties=tuple(parties),
        people=tuple(people),
        issues=tuple(issues),
        events=tuple(events),
        positions=tuple(positions),
        quotes=tuple(quotes),
    )


# -- writing -----------------------------------------------------------------------------


def _anchor_row(anchor: Anchor) -> list[Any]:
    return [anchor.source, anchor.exact, anchor.start, anchor.end, anchor.paragraph,
            anchor.prefix, anchor.suffix, anchor.normalised]


def _row(record: Record, **fields: Any) -> dict[str, Any]:
    row: dict[str, Any] = {"id": record.id, "line": record.line}
    if record.review:
        row["review"] = record.review
    row.update({k: v for k, v in fields.items() if v is not None})
    return row


def _sections(brief: Brief) -> dict[str, Iterator[dict[str, Any]]]:
    """Each record list as rows, made one at a time (a big brief's rows would not fit twice)."""
    return {
        "sources": (
            _row(s, title=s.title, path=s.path, published=s.published.iso(), publisher=s.publisher, url=s.url,
                 sha256=s.sha256, file=str(s.file), file_sha256=hashlib.sha256(s.file.read_bytes()).hexdigest())
            for s in brief.sources
        ),
        "parties": (_row(p, name=p.name, role=p.role, short=p.short, summary=p.summary) for p in brief.parties),
        "people": (
            _row(p, name=p.name, party=p.party, title=p.title, aliases=list(p.aliases) or None, delegate=p.delegate or None)
            for p in brief.people
        ),
        "issues": (_row(i, title=i.title, summary=i.summary) for i in brief.issues),
        "events": (
            _row(e, date=e.date.iso(), title=e.title, evidence=[_anchor_row(a) for a in e.evidence],
                 date_text=e.date_text, summary=e.summary, place=e.place, status=e.status,
                 parties=list(e.parties), people=list(e.people), issues=list(e.issues))
            for e in brief.events
        ),
        "positions": (
            _row(p, party=p.party, issue=p.issue, stance=p.stance, evidence=[_anchor_row(a) for a in p.evidence],
                 quotes=list(p.quotes), detail=p.detail)
            for p in brief.positions
        ),
        "quotes": (
            _row(q, speaker=q.speaker, text=q.text, kind=q.quote_kind, source=_anchor_row(q.source),
                 text_start=q.text_start, text_end=q.text_end, said=q.said.iso() if q.said else None,
                 date_text=q.date_text, event=q.event, issues=list(q.issues))
            for q in brief.quotes
        ),
    }


def _write_json(stream: TextIO, fingerprint: dict[str, Any], brief: Brief) -> None:
    """The entry, written piece by piece: the same JSON as one `json.dumps` of it all."""

    def dump(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    head = {
        "id": brief.id,
        "title": brief.title,
        "as_of": brief.as_of.iso(),
        "summary": brief.summary,
        "key_points": [{"text": k.text, "refs": list(k.refs), "line": k.line} for k in brief.key_points],
        "warnings": [{"path": w.path, "message": w.message, "line": w.line, "column": w.column,
                      "record": w.record, "severity": w.severity} for w in brief.warnings],
    }
    stream.write(f'{{"format":{CACHE_FORMAT},"peacebrief":{dump(__version__)},"brief_file":{dump(fingerprint)},"brief":')
    stream.write(dump(head)[:-1])  # the head's fields, then the record lists, in one object
    for name, rows in _sections(brief).items():
        stream.write(f',{dump(name)}:[')
        for number, row in enumerate(rows):
            stream.write(("," if number else "") + dump(row))
        stream.write("]")
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
