"""A cache of loaded, checked briefs, so that opening a big brief again is instant.

The cache is JSON (data only: unlike pickle, a cache file cannot run code) in the user's
cache folder, one file per brief path. An entry is used only when the brief file has the
same path, size, modification time and sha256 as when it was written, and every source
document still has the sha256 it had; anything else (a changed file, a different
peacebrief, a corrupt or unreadable cache file) means the brief is loaded and checked
afresh and the entry rewritten. Source texts are not cached: they are read from their
files, which both checks them and gives the reader their words.

The entry is laid out to be read back fast, since reading it is most of what opening a
cached brief costs: the brief file's fingerprint comes first, so that a stale entry is
told without parsing the rest; each record is a row of its fields (`cache_rows`, one
table per kind of record for both writing and reading); the link index and each
source's paragraph bounds are stored as built rather than worked out again.
"""

from __future__ import annotations

import hashlib
import json
import os
from operator import attrgetter
from pathlib import Path
from types import MappingProxyType
from typing import Any, BinaryIO, TextIO, cast

from peacebrief import __version__
from peacebrief.core import collector
from peacebrief.core.cache_rows import (
    KEY_POINTS,
    RECORDS,
    WARNINGS,
    Decoder,
    Encoder,
    rows,
)
from peacebrief.core.files import (
    MAX_BYTES,
    read_regular,
    remove_leftovers,
    temporary_name,
)
from peacebrief.core.links import Links
from peacebrief.core.model import HOLDINGS, QUOTE_KINDS, ROLES, STATUSES, Anchor, Brief, Record

CACHE_FORMAT = 6
# An entry is `{"mac":"<hex>","body":<the entry>}`: the HMAC-SHA256 of the body's bytes
# under a key of this user's cache, so an entry edited or copied in is not believed.
_HEAD = b'{"mac":"'
_MAC_LEN = 64
_BODY = b'","body":'
_MAX_ENTRY = 1 << 30  # bytes: an entry bigger than any brief's is not one of ours

_ID = attrgetter("id")


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "peacebrief"


def _entry_path(brief_path: Path) -> Path:
    digest = hashlib.sha256(str(brief_path).encode("utf-8", "surrogatepass")).hexdigest()[:24]
    return cache_dir() / f"brief-{digest}.json"


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

    A stale entry (another brief file, another peacebrief) is told by the first bytes of
    its body, before its HMAC is checked or any of it parsed. Anything unexpected in an
    entry (a wrong HMAC, bad JSON, absurd nesting, a field of the wrong shape, an offset
    outside its source, a status the model does not know, a source that is not a regular
    file inside the brief's project) means None: the caller loads the brief afresh and
    rewrites the entry. Never an exception.
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
        head = _body_head(fingerprint).encode("utf-8")
        if body[: len(head)] != head:
            return None  # written for another file, or by another peacebrief
        import hmac

        if not hmac.compare_digest(raw[len(_HEAD) : len(_HEAD) + _MAC_LEN], _mac(key, body)):
            return None
        # The collector paused from the parse on: it builds hundreds of thousands of
        # objects that all stay alive, and collecting among them frees nothing.
        with collector.paused():
            data = json.loads(body[len(head) : -1].tobytes())  # the brief: what follows the head, in its `{...}`
            del raw, body
            brief = _decode(data, path)
            return brief if _sound(brief) else None
    except Exception:  # noqa: BLE001 - whatever is wrong with an entry, the brief is loaded afresh
        return None


def _decode(data: dict[str, Any], path: Path) -> Brief:
    decoder = Decoder(path, data["dates"])
    made = {name: table.read(decoder, data[name]) for name, table in RECORDS.items()}  # sources first
    records: dict[str, Record] = {}
    for group in made.values():
        records.update(zip(map(_ID, group), group, strict=False))
    view = MappingProxyType(records)
    links = data["links"]
    brief = Brief(
        path=path,
        id=data["id"],
        title=data["title"],
        as_of=decoder.dates[data["as_of"]],
        summary=data["summary"],
        key_points=tuple(KEY_POINTS.read(decoder, data["key_points"])),
        warnings=tuple(WARNINGS.read(decoder, data["warnings"])),
        records=view,
        order=MappingProxyType({rid: i for i, rid in enumerate(records)}),
        **{name: tuple(group) for name, group in made.items()},
    )
    # The links as the entry holds them, not indexed again on the brief's first use.
    brief.index_links(
        Links(
            records=view,
            _incoming=links["incoming"],  # target -> relation -> origins: JSON holds it as built
            by_paragraph=MappingProxyType(
                {(source, number): tuple(ids) for source, number, ids in links["by_paragraph"]}
            ),
            matrix=MappingProxyType({(issue, party): tuple(ids) for issue, party, ids in links["matrix"]}),
        )
    )
    return brief


def _sound(brief: Brief) -> bool:
    """What the reader relies on holds: known statuses, kinds and roles; ids that name
    records of the brief; anchors and quotes inside their source, with the words there."""
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
        """Inside its source's text and paragraphs. Its words are the text there, or it
        was matched after normalising: the decoder checks that as it slices them out
        (`cache_rows._Sliced`), which slicing them here again would cost twice."""
        text = self.texts.get(a.source)
        return (
            text is not None
            and 0 <= a.start <= a.end <= len(text)
            and type(a.start) is int
            and type(a.end) is int
            and 1 <= a.paragraph <= self.paragraphs[a.source]
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


def _body_head(fingerprint: dict[str, Any]) -> str:
    """The body's first fields, up to its brief: what says whether an entry is stale."""
    return f'{{"format":{CACHE_FORMAT},"peacebrief":{_dump(__version__)},"brief_file":{_dump(fingerprint)},"brief":'


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _write_json(stream: TextIO, fingerprint: dict[str, Any], brief: Brief) -> None:
    """The entry, written piece by piece: the same JSON as one `json.dumps` of it all."""
    dump = _dump
    links = brief.links
    encoder = Encoder(brief.sources)
    head = {
        "id": brief.id,
        "title": brief.title,
        "as_of": encoder.date(brief.as_of),
        "summary": brief.summary,
        "key_points": list(rows(KEY_POINTS, encoder, brief.key_points)),
        "warnings": list(rows(WARNINGS, encoder, brief.warnings)),
    }
    stream.write(_body_head(fingerprint))
    stream.write(dump(head)[:-1])  # the head's fields, then the record lists, in one object
    for name, table in RECORDS.items():
        stream.write(f",{dump(name)}:[")
        stream.writelines(
            ("," if number else "") + dump(row) for number, row in enumerate(rows(table, encoder, getattr(brief, name)))
        )
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
                binary = cast(BinaryIO, stream.buffer)  # a file opened for reading and writing
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
