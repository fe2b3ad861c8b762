"""A brief's records as rows of JSON, and back: one table per kind of record drives both.

Each record is a list of its fields in the order of its table (no keys to parse). A
field that is not plain JSON says how it is written and read back (`_Codec`): a date is
its place in the entry's table of dates (each distinct date once, as its points' fields),
words that are a slice of their source's text (an anchor's `exact`, most quotes' `text`)
are written as null and sliced back out, a source's document is its text's sha256 and the
bounds of its paragraphs (the text is read from its file, which both checks it and gives
the reader its words).

Rows are read a column at a time: most columns convert with one built-in call over the
whole column (`map(tuple, ...)`), which is most of what opening a cached brief costs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import MISSING, fields
from itertools import compress, islice, repeat
from operator import attrgetter, is_not
from pathlib import Path
from types import MemberDescriptorType
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from peacebrief.core.dates import BriefDate, DatePoint
from peacebrief.core.files import MAX_BYTES, read_regular, source_outside
from peacebrief.core.model import (
    Anchor,
    Event,
    Issue,
    KeyPoint,
    Party,
    Person,
    Position,
    Quote,
    Source,
    SourceDocument,
)
from peacebrief.core.problems import Problem

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

T = TypeVar("T", bound="DataclassInstance")
Columns = dict[str, Sequence[Any]]  # a table's rows, a column per field name


class Unsound(Exception):
    """An entry that cannot be what peacebrief wrote for this brief: load the brief afresh."""


class Encoder:
    """What rows refer to while a brief is written: its dates and its sources' texts."""

    def __init__(self, sources: Iterable[Source]) -> None:
        self.texts = {source.id: source.document.text for source in sources}
        self.dates: dict[BriefDate, int] = {}  # each distinct date -> its place in the table

    def date(self, date: BriefDate) -> int:
        """The date's place in the entry's table of dates (written last, as "dates")."""
        return self.dates.setdefault(date, len(self.dates))

    def date_table(self) -> list[list[Any]]:
        return [DATES.write(self, date) for date in self.dates]


class Decoder:
    """What rows refer to while a brief is read back: its dates, and its sources' texts."""

    def __init__(self, brief_path: Path, date_rows: list[Any]) -> None:
        self.brief_path = brief_path
        self.texts: dict[str, str] = {}  # source id -> its text, which gives back the words sliced out
        self.dates: list[BriefDate] = DATES.read(self, date_rows)


class _Codec:
    """How a field that is not plain JSON is written into its column, and read back.

    `late` fields are read after the others of their row: they need those decoded."""

    late = False

    def write(self, encoder: Encoder, value: Any, record: Any) -> Any:
        raise NotImplementedError

    def read(self, decoder: Decoder, name: str, columns: Columns) -> Sequence[Any]:
        raise NotImplementedError


class _Tuple(_Codec):
    """A tuple, as a JSON list."""

    def write(self, encoder: Encoder, value: tuple[Any, ...], record: Any) -> list[Any]:
        return list(value)

    def read(self, decoder: Decoder, name: str, columns: Columns) -> Sequence[Any]:
        return list(map(tuple, columns[name]))


class _Date(_Codec):
    """A date, as its place in the entry's table of dates; None as null when `optional`."""

    def __init__(self, *, optional: bool = False) -> None:
        self.optional = optional

    def write(self, encoder: Encoder, value: BriefDate | None, record: Any) -> int | None:
        return None if value is None else encoder.date(value)

    def read(self, decoder: Decoder, name: str, columns: Columns) -> Sequence[Any]:
        dates = decoder.dates
        if not self.optional:
            return list(map(dates.__getitem__, columns[name]))
        return [None if place is None else dates[place] for place in columns[name]]


class _Path(_Codec):
    def write(self, encoder: Encoder, value: Path, record: Any) -> str:
        return str(value)

    def read(self, decoder: Decoder, name: str, columns: Columns) -> Sequence[Any]:
        return list(map(Path, columns[name]))


class _Nested(_Codec, Generic[T]):
    """A value that is a row of its own table; a tuple of them when `many`; null for None when `optional`."""

    def __init__(self, table: Table[T], *, many: bool = False, optional: bool = False) -> None:
        self.table = table
        self.many = many
        self.optional = optional

    def write(self, encoder: Encoder, value: Any, record: Any) -> Any:
        if self.many:
            return [self.table.write(encoder, item) for item in value]
        return None if value is None else self.table.write(encoder, value)

    def read(self, decoder: Decoder, name: str, columns: Columns) -> Sequence[Any]:
        column = columns[name]
        if self.many:  # every row's items read as one column, then dealt back to the rows
            made = iter(self.table.read(decoder, [item for items in column for item in items]))
            return [tuple(islice(made, len(items))) for items in column]
        if not self.optional:
            return self.table.read(decoder, column)
        made = iter(self.table.read(decoder, [row for row in column if row is not None]))
        return [None if row is None else next(made) for row in column]


class _Sliced(_Codec):
    """Words that are their source's text from `start` to `end`: null when they are, and
    sliced back out. `source` names the field holding the source's id (`quote.source` for
    an attribute of a field read before). With `unless`, words written out are sound only
    in a row whose `unless` field is true (an anchor matched after normalising): any
    other's words must be its source's, which the slice makes them."""

    late = True

    def __init__(self, source: str, start: str, end: str, *, unless: str | None = None) -> None:
        self.span = attrgetter(source, start, end)
        self.source_field, _, self.source_attribute = source.partition(".")
        self.start, self.end = start, end
        self.unless = unless

    def write(self, encoder: Encoder, value: str, record: Any) -> str | None:
        source, start, end = self.span(record)
        text = encoder.texts.get(source)
        return None if text is not None and text[start:end] == value else value

    def read(self, decoder: Decoder, name: str, columns: Columns) -> Sequence[Any]:
        texts = decoder.texts
        written = columns[name]
        if self.unless is not None and not all(compress(columns[self.unless], map(is_not, written, repeat(None)))):
            raise Unsound(f"words of a {name} written out, but not {self.unless}")
        sources = columns[self.source_field]
        if self.source_attribute:
            sources = list(map(attrgetter(self.source_attribute), sources))
        return [
            texts[source][start:end] if words is None else words
            for words, source, start, end in zip(written, sources, columns[self.start], columns[self.end], strict=False)
        ]


_BOM = "\ufeff".encode()


class _Document(_Codec):
    """A source's document: the sha256 of the text that was checked (not the file now: it
    may have changed since), its dateline and the bounds of its paragraphs. Read back from
    the source's file, which must still hold that text."""

    late = True

    def write(self, encoder: Encoder, value: SourceDocument, record: Any) -> list[Any]:
        return [
            hashlib.sha256(value.text.encode("utf-8")).hexdigest(),
            value.dateline.isoformat() if value.dateline else None,
            value.body_start,
            [bound for paragraph in value.paragraphs for bound in paragraph],
        ]

    def read(self, decoder: Decoder, name: str, columns: Columns) -> Sequence[Any]:
        return [
            self._document(decoder, source, file, *written)
            for source, file, written in zip(columns["id"], columns["file"], columns[name], strict=False)
        ]

    @staticmethod
    def _document(
        decoder: Decoder, source: str, file: Path, sha256: str, dateline: str | None, body_start: int, bounds: list[int]
    ) -> SourceDocument:
        if source_outside(decoder.brief_path, file) is not None:
            raise Unsound(f"source {source} is outside the brief's project")
        raw, _status = read_regular(file, MAX_BYTES, what="source")
        # The text's UTF-8 is the file's bytes less a byte-order mark: hashed as they are,
        # not encoded again (the sha256 of the text, as it was written).
        if hashlib.sha256(memoryview(raw)[len(_BOM) if raw.startswith(_BOM) else 0 :]).hexdigest() != sha256:
            raise Unsound(f"source {source} has changed: its anchors must be checked again")
        text = raw.decode("utf-8").removeprefix("\ufeff")
        del raw
        decoder.texts[source] = text
        # The same text as when the entry was written (its sha256 says so): its paragraphs are too.
        return SourceDocument(
            text=text,
            dateline=None if dateline is None else dt.date.fromisoformat(dateline),
            body_start=body_start,
            paragraphs=tuple(zip(bounds[::2], bounds[1::2], strict=False)),
        )


class Table(Generic[T]):
    """The row of one kind of record: each field in order, with its codec if it is not plain JSON."""

    def __init__(self, cls: type[T], *columns: str | tuple[str, _Codec]) -> None:
        self.cls = cls
        self.names = tuple(c if isinstance(c, str) else c[0] for c in columns)
        self.codecs = {c[0]: c[1] for c in columns if not isinstance(c, str)}
        self._values = attrgetter(*self.names)
        self._written = [(self.names.index(name), codec) for name, codec in self.codecs.items()]
        self._read = sorted(self.codecs.items(), key=lambda item: item[1].late)  # the late ones last
        self._setters: tuple[Callable[[T, Any], None], ...] = tuple(_slot_setter(cls, name) for name in self.names)
        self._derived = tuple((f.name, f.default) for f in fields(cls) if not f.init)  # each left at its default
        if any(default is MISSING for _name, default in self._derived):
            raise TypeError(f"{cls.__name__} derives a field without a default: the cache cannot set it")

    def write(self, encoder: Encoder, record: T) -> list[Any]:
        row = list(self._values(record))
        for index, codec in self._written:
            row[index] = codec.write(encoder, row[index], record)
        return row

    def read(self, decoder: Decoder, rows: Sequence[Sequence[Any]]) -> list[T]:
        if not rows:
            return []
        names = self.names
        transposed = list(zip(*rows, strict=True))
        if len(transposed) != len(names):
            raise Unsound(f"a row of {self.cls.__name__} has {len(transposed)} fields, not {len(names)}")
        columns: Columns = dict(zip(names, transposed, strict=False))
        for name, codec in self._read:
            columns[name] = codec.read(decoder, name, columns)
        return self._made(columns, len(rows))

    def _made(self, columns: Columns, count: int) -> list[T]:
        """The records of `columns`, each field set slot by slot, a column at a time.

        Not through the class's own __init__: a frozen dataclass sets each field through
        `object.__setattr__` by keyword, and the fields are the very values it was given
        (the entry was written from records it made). 10k-event brief: its decode took
        0.69 s of CPU through __init__, 0.44 s this way (medians of 5)."""
        made: list[T] = list(map(object.__new__, repeat(self.cls, count)))
        for setter, name in zip(self._setters, self.names, strict=True):
            deque(map(setter, made, columns[name]), maxlen=0)  # the column's values into its slot
        for name, default in self._derived:
            deque(map(_slot_setter(self.cls, name), made, repeat(default, count)), maxlen=0)
        return made

    def unmatched_fields(self) -> set[str]:
        """Fields of the class without a column, and columns that are no field of it
        (fields made with init=False are derived from the others, never written)."""
        return {f.name for f in fields(self.cls) if f.init} ^ set(self.names)


def _slot_setter(cls: type[Any], name: str) -> Callable[[Any, Any], None]:
    """What sets field `name` of a `cls` made by `object.__new__`: its slot's descriptor
    (the class's own, or a base class's for an inherited field such as `id`)."""
    slot = next(base.__dict__[name] for base in cls.__mro__ if name in base.__dict__)
    if not isinstance(slot, MemberDescriptorType):
        raise TypeError(f"{cls.__name__}.{name} is not a slot: the cache sets only slotted fields")
    setter: Callable[[Any, Any], None] = slot.__set__
    return setter


POINTS = Table(DatePoint, "year", "month", "day", "approximate", "uncertain")
DATES = Table(BriefDate, ("start", _Nested(POINTS)), ("end", _Nested(POINTS, optional=True)))
ANCHORS = Table(
    Anchor,
    "source",
    ("exact", _Sliced("source", "start", "end", unless="normalised")),
    "start",
    "end",
    "paragraph",
    "prefix",
    "suffix",
    "normalised",
)
_TUPLE, _DATE, _EVIDENCE = _Tuple(), _Date(), _Nested(ANCHORS, many=True)
# The record lists, in the order of the brief (sources first: the others slice their texts).
RECORDS: dict[str, Table[Any]] = {
    "sources": Table(
        Source,
        "id",
        "review",
        "line",
        "title",
        "path",
        ("published", _DATE),
        "publisher",
        "url",
        "sha256",
        ("file", _Path()),
        ("document", _Document()),
    ),
    "parties": Table(Party, "id", "review", "line", "name", "role", "short", "summary"),
    "people": Table(Person, "id", "review", "line", "name", "party", "title", ("aliases", _TUPLE), "delegate"),
    "issues": Table(Issue, "id", "review", "line", "title", "summary"),
    "events": Table(
        Event,
        "id",
        "review",
        "line",
        ("date", _DATE),
        "title",
        ("evidence", _EVIDENCE),
        "date_text",
        "summary",
        "place",
        "status",
        ("parties", _TUPLE),
        ("people", _TUPLE),
        ("issues", _TUPLE),
    ),
    "positions": Table(
        Position,
        "id",
        "review",
        "line",
        "party",
        "issue",
        "stance",
        ("evidence", _EVIDENCE),
        ("quotes", _TUPLE),
        "detail",
        "status",
    ),
    "quotes": Table(
        Quote,
        "id",
        "review",
        "line",
        "speaker",
        ("text", _Sliced("source.source", "text_start", "text_end")),
        "quote_kind",
        ("source", _Nested(ANCHORS)),
        "text_start",
        "text_end",
        ("said", _Date(optional=True)),
        "date_text",
        "event",
        ("issues", _TUPLE),
    ),
}
KEY_POINTS = Table(KeyPoint, "text", ("refs", _TUPLE), "line")
WARNINGS = Table(Problem, "path", "message", "line", "column", "record", "severity")
TABLES = (POINTS, DATES, ANCHORS, *RECORDS.values(), KEY_POINTS, WARNINGS)


def rows(table: Table[T], encoder: Encoder, records: Iterable[T]) -> Iterator[list[Any]]:
    """Each record as its row, made one at a time (a big brief's rows would not fit twice)."""
    return (table.write(encoder, record) for record in records)
