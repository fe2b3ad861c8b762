"""A cache of loaded, checked briefs, so that opening a big brief again is instant.

The cache is plain data (`marshal` of str, int, bool, None, tuples and dicts; nothing in
it is run or makes an object of a class, unlike pickle) in the user's cache folder, one
file per brief path, sealed with an HMAC under this user's key. An entry is used only
when the brief file has the same path, size, modification time and sha256 as when it was
written, by the same peacebrief, the same Python (marshal's format is its own) and the
same tables, and every source document still has the sha256 it had; anything else (a
changed file, another peacebrief or Python, a corrupt, truncated or unreadable cache
file) means the brief is loaded and checked afresh and the entry rewritten. Source texts
are not cached: they are read from their files, which both checks them and gives the
reader their words.

The entry is laid out to be read back fast, since reading it is most of what opening a
cached brief costs: the brief file's fingerprint comes first, as a line of text, so that
a stale entry is told without reading the rest; each kind of record is a chunk of its own
of columns, a tuple per field (`cache_rows`, one table per kind of record for both
writing and reading); the link index and each source's paragraph bounds are stored as
built rather than worked out again. What the reader relies on (known statuses, ids that
name records, anchors inside their sources: `_sound`) is checked before an entry is
written, not each time it is read: the HMAC says it is the entry written, the sources'
sha256 that their texts are those it was checked against, and the entry's head that the
tables and the model's words are those it was written with.
"""

from __future__ import annotations

import functools
import hashlib
import json
import marshal
import os
import sys
from collections.abc import Iterator
from operator import attrgetter
from pathlib import Path
from types import MappingProxyType
from typing import Any, BinaryIO

from peacebrief import __version__
from peacebrief.core import collector
from peacebrief.core.cache_rows import (
    KEY_POINTS,
    RECORDS,
    TABLES,
    WARNINGS,
    Decoder,
    Encoder,
    Unsound,
)
from peacebrief.core.files import (
    MAX_BYTES,
    read_regular,
    remove_leftovers,
    temporary_name,
)
from peacebrief.core.links import Links
from peacebrief.core.model import HOLDINGS, QUOTE_KINDS, ROLES, STATUSES, Anchor, Brief, Record

CACHE_FORMAT = 7
# An entry is _MAGIC, the HMAC-SHA256 of its body in hex under a key of this user's cache
# (so an entry edited or copied in is not believed), a newline, and the body: its head (a
# line of JSON, `_body_head`) and then its chunks, each its length in 8 bytes and a marshal.
_MAGIC = b"peacebrief cache\n"
_MAC_LEN = 64
_LENGTH = 8  # bytes of a chunk's length, little-endian
_MAX_ENTRY = 1 << 30  # bytes: an entry bigger than any brief's is not one of ours
_REST = len(RECORDS)  # the chunk after the records': the brief's own fields, its links and its dates

_ID = attrgetter("id")


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "peacebrief"


def _entry_path(brief_path: Path) -> Path:
    digest = hashlib.sha256(str(brief_path).encode("utf-8", "surrogatepass")).hexdigest()[:24]
    return cache_dir() / f"brief-{digest}.marshal"


def _fingerprint(path: Path, data: bytes, status: os.stat_result) -> dict[str, Any]:
    """What an entry is keyed on; `status` is that of the file `data` was read from."""
    return {
        "path": str(path),
        "size": status.st_size,
        "mtime_ns": status.st_mtime_ns,
        "sha256": hashlib.sha256(data).hexdigest(),
    }


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


def _load_afresh(path: Path, data: bytes | None = None) -> Brief:
    """The loader, imported only on a cache miss: it brings yaml and the checks with it,
    which a brief read from the cache needs none of. `data`: the file's bytes, read once."""
    from peacebrief.core.loader import load_brief as load

    return load(path, data=data)


def load_brief_cached(path: str | Path, *, use_cache: bool = True) -> Brief:
    """The loader's `load_brief`, through the cache. Raises `BriefError` exactly as it does."""
    path = Path(path)
    if not use_cache:
        return _load_afresh(path)
    try:
        resolved = path.resolve()
        data, status = _read_brief(resolved)
    except (OSError, ValueError, RuntimeError):  # RuntimeError: a symlink loop, before Python 3.13
        return _load_afresh(path)  # the loader says what is wrong with the file
    fingerprint = _fingerprint(resolved, data, status)
    brief = _read_entry(_entry_path(resolved), fingerprint, path)
    if brief is not None:
        return brief
    brief = _load_afresh(path, data)
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

    A stale entry (another brief file, another peacebrief or Python) is told by the first
    bytes of its body, before its HMAC is checked or any of it read. Anything unexpected in
    an entry (no magic, a wrong HMAC, a chunk cut short, a field of the wrong shape, words
    written out that are not their source's, a source that is not a regular file inside
    the brief's project or no longer holds the text that was checked) means None: the
    caller loads the brief afresh and rewrites the entry. Never an exception.
    """
    try:
        key = _key()
        if key is None:
            return None
        raw, _status = read_regular(entry, _MAX_ENTRY if max_bytes is None else max_bytes, what="cache entry")
        start = len(_MAGIC) + _MAC_LEN + 1
        if not (raw.startswith(_MAGIC) and raw[start - 1 : start] == b"\n"):
            return None
        body = memoryview(raw)[start:]
        head = _body_head(fingerprint)
        if body[: len(head)] != head:
            return None  # written for another file, or by another peacebrief or Python
        import hmac

        if not hmac.compare_digest(raw[len(_MAGIC) : start - 1], _mac(key, body)):
            return None
        # The collector paused from the first chunk on: it builds hundreds of thousands of
        # objects that all stay alive, and collecting among them frees nothing.
        with collector.paused():
            chunks = _unpacked(body[len(head) :])
            del raw, body
            return _decode(chunks, path)
    except Exception:  # noqa: BLE001 - whatever is wrong with an entry, the brief is loaded afresh
        return None


def _unpacked(chunks: memoryview) -> list[Any]:
    """The chunks of a body after its head, each as marshal made it."""
    made: list[Any] = []
    at = 0
    while at < len(chunks):
        size = int.from_bytes(chunks[at : at + _LENGTH], "little")
        at += _LENGTH
        if at + size > len(chunks):
            raise Unsound("a chunk cut short")
        made.append(marshal.loads(chunks[at : at + size]))
        at += size
    if len(made) != _REST + 1:
        raise Unsound(f"{len(made)} chunks, not {_REST + 1}")
    return made


def _decode(chunks: list[Any], path: Path) -> Brief:
    rest = chunks[_REST]
    decoder = Decoder(path, rest["dates"])
    made = {name: table.read(decoder, chunk) for (name, table), chunk in zip(RECORDS.items(), chunks, strict=False)}
    records: dict[str, Record] = {}
    for group in made.values():
        records.update(zip(map(_ID, group), group, strict=False))
    view = MappingProxyType(records)
    incoming, by_paragraph, matrix = rest["links"]
    brief = Brief(
        path=path,
        id=rest["id"],
        title=rest["title"],
        as_of=decoder.dates[rest["as_of"]],
        summary=rest["summary"],
        key_points=tuple(KEY_POINTS.read(decoder, rest["key_points"])),
        warnings=tuple(WARNINGS.read(decoder, rest["warnings"])),
        records=view,
        order=MappingProxyType({rid: i for i, rid in enumerate(records)}),
        **{name: tuple(group) for name, group in made.items()},
    )
    # The links as the entry holds them (marshal keeps dicts, tuple keys and lists as
    # built), not indexed again on the brief's first use.
    brief.index_links(
        Links(
            records=view,
            _incoming=incoming,
            by_paragraph=MappingProxyType(by_paragraph),
            matrix=MappingProxyType(matrix),
        )
    )
    return brief


def _sound(brief: Brief) -> bool:
    """What the reader relies on holds: known statuses, kinds and roles; ids that name
    records of the brief; anchors and quotes inside their source, with the words there.

    Checked before an entry is written, not when it is read: the 10k-event brief's check
    took 40-45 ms of CPU, a sixth of reading its entry back. The seal, the sources' sha256
    and the head's digest of the tables and the model's words keep it true of what is read."""
    check = _Soundness(brief)
    return (
        check.documents()
        and check.parties_and_people()
        and check.events()
        and check.positions()
        and check.quotes()
        and all(check.known(*point.refs) for point in brief.key_points)
    )


class _Soundness:
    """The checks of `_sound`, a loop per kind of record."""

    def __init__(self, brief: Brief) -> None:
        self.brief = brief
        self.records = brief.records
        self.texts = {source.id: source.document.text for source in brief.sources}
        self.paragraphs = {source.id: len(source.document.paragraphs) for source in brief.sources}

    def anchored(self, a: Anchor) -> bool:
        """Inside its source's text and paragraphs, and its words the text there, unless it
        was matched after normalising."""
        text = self.texts.get(a.source)
        return (
            text is not None
            and 0 <= a.start <= a.end <= len(text)
            and type(a.start) is int
            and type(a.end) is int
            and 1 <= a.paragraph <= self.paragraphs[a.source]
            and (a.normalised or text[a.start : a.end] == a.exact)
        )

    def known(self, *ids: str | None) -> bool:
        records = self.records
        return all(rid is None or rid in records for rid in ids)

    def documents(self) -> bool:
        for source in self.brief.sources:
            doc = source.document
            if not all(0 <= s <= e <= len(doc.text) for s, e in doc.paragraphs) or not 0 <= doc.body_start <= len(
                doc.text
            ):
                return False
        return True

    def parties_and_people(self) -> bool:
        return all(party.role in ROLES for party in self.brief.parties) and all(
            self.known(person.party) for person in self.brief.people
        )

    def events(self) -> bool:
        anchored, known = self.anchored, self.known
        for event in self.brief.events:
            if event.status not in STATUSES or not all(map(anchored, event.evidence)):
                return False
            if not known(*event.parties, *event.people, *event.issues):
                return False
        return True

    def positions(self) -> bool:
        anchored, known = self.anchored, self.known
        for position in self.brief.positions:
            if not known(position.party, position.issue, *position.quotes) or not all(map(anchored, position.evidence)):
                return False
            if position.status not in HOLDINGS:
                return False
        return True

    def quotes(self) -> bool:
        anchored, known = self.anchored, self.known
        for quote in self.brief.quotes:
            a = quote.source
            if (
                quote.quote_kind not in QUOTE_KINDS
                or not anchored(a)
                or not known(quote.speaker, quote.event, *quote.issues)
            ):
                return False
            if not (a.start <= quote.text_start <= quote.text_end <= a.end):
                return False
        return True


# -- writing -----------------------------------------------------------------------------


@functools.cache
def _tables_digest() -> str:
    """What an entry's columns mean: every table's fields and codecs, and the words of the
    model an entry is not checked against when read (`_sound` checked them when it was
    written)."""
    words = (sorted(ROLES), sorted(STATUSES), sorted(QUOTE_KINDS), sorted(HOLDINGS))
    return hashlib.sha256(repr(([table.shape() for table in TABLES], words)).encode("utf-8")).hexdigest()[:16]


def _body_head(fingerprint: dict[str, Any]) -> bytes:
    """The body's first line, up to its chunks: what says whether an entry is stale."""
    head = {
        "format": CACHE_FORMAT,
        "peacebrief": __version__,
        "python": f"{sys.implementation.cache_tag} marshal {marshal.version}",
        "tables": _tables_digest(),
        "brief_file": fingerprint,
    }
    return json.dumps(head, separators=(",", ":")).encode("ascii") + b"\n"  # ASCII: any path, escaped


def _chunk(value: Any) -> bytes:
    data = marshal.dumps(value)
    return len(data).to_bytes(_LENGTH, "little") + data


def _chunks(brief: Brief) -> Iterator[bytes]:
    """The body's chunks, made one at a time (a big brief's would not fit twice): the
    records kind by kind, then the rest, whose table of dates is whole only then."""
    encoder = Encoder()
    for name, table in RECORDS.items():
        yield _chunk(table.write(encoder, getattr(brief, name)))
    links = brief.links
    as_of = encoder.date(brief.as_of)
    yield _chunk(
        {
            "id": brief.id,
            "title": brief.title,
            "as_of": as_of,
            "summary": brief.summary,
            "key_points": KEY_POINTS.write(encoder, brief.key_points),
            "warnings": WARNINGS.write(encoder, brief.warnings),
            "links": (links._incoming, dict(links.by_paragraph), dict(links.matrix)),
            "dates": encoder.date_table(),
        }
    )


def _write_entry(entry: Path, fingerprint: dict[str, Any], brief: Brief) -> None:
    """Write the entry atomically; a cache that cannot be written is simply not used, and
    a brief that is not sound (which only a bug of ours could make) is not written."""
    try:
        key = _key()
        if key is None or not _sound(brief):
            return
        entry.parent.mkdir(parents=True, exist_ok=True)
        remove_leftovers(entry.parent)
        entry.with_suffix(".json").unlink(missing_ok=True)  # this brief's entry before format 7, in JSON
        temporary = str(temporary_name(entry.parent))
        descriptor = os.open(temporary, os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        try:
            with os.fdopen(descriptor, "w+b") as stream:
                stream.write(_MAGIC + b"0" * _MAC_LEN + b"\n" + _body_head(fingerprint))
                stream.writelines(_chunks(brief))
                stream.flush()
                _seal(stream, key)
            os.replace(temporary, entry)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except (OSError, ValueError):
        pass


def _seal(stream: BinaryIO, key: bytes) -> None:
    """The body's HMAC into its place, read back from the file just written."""
    stream.seek(len(_MAGIC) + _MAC_LEN + 1)
    body = stream.read()
    stream.seek(len(_MAGIC))
    stream.write(_mac(key, body))
