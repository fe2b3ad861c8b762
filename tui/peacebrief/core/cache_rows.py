"""A brief's records as columns of plain data, and back: one table per kind of record drives both.

A table's records are written as a column per field, in the order of its table: a tuple
of the field's values, record by record, of types `marshal` writes as they are (str,
int, bool, None, tuples). A field that is not plain data says how its column is written
and read back (`_Codec`): a date is its place in the entry's table of dates (each
distinct date once, as its points' columns), a record held in a field (an anchor) is a
row of its own table, read as one column for every record at once, a source's document
is its text's sha256 and the bounds of its paragraphs (the text is read from its file,
which both checks it and gives the reader its words).

Words that are a slice of their source's text (an anchor's `exact`, most quotes' `text`)
are written out all the same: marshal makes them back faster than Python slices them
(the 10k-event brief's 32k anchors and 20k quotes: reading its entry took 134-136 ms of
CPU sliced, 116-121 ms written out; its entry is 8.8 MB, not 5.3).

Columns, not rows: most columns are then the very tuple the record's slot takes, set
with one built-in call over the whole column (`Table._made`), which is most of what
opening a cached brief costs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import MISSING, fields
from itertools import islice, repeat
from operator import attrgetter
from pathlib import Path
from types import MemberDescriptorType
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from peacebrief.core.dates import BriefDate, DatePoint
from peacebrief.core.files import MAX_BYTES, SourceFolders, read_regular
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
Columns = dict[str, Sequence[Any]]  # a table's columns, by field name
Written = tuple[int, tuple[Any, ...]]  # a table as written: its count of records, its columns in order


class Unsound(Exception):
    """An entry that cannot be what peacebrief wrote for this brief: load the brief afresh."""


class Encoder:
    """What columns refer to while a brief is written: its dates."""

    def __init__(self) -> None:
        self.dates: dict[BriefDate, int] = {}  # each distinct date -> its place in the table

    def date(self, date: BriefDate) -> int:
        """The date's place in the entry's table of dates (written last, read first)."""
        return self.dates.setdefault(date, len(self.dates))

    def date_table(self) -> Written:
        return DATES.write(self, list(self.dates))


class Decoder:
    """What columns refer to while a brief is read back: its dates, and its sources' folders."""

    def __init__(self, brief_path: Path, date_table: Written) -> None:
        self.folders = SourceFolders(brief_path)
        self.dates: list[BriefDate] = DATES.read(self, date_table)


class _Codec:
    """How a field that is not plain data is written as its column, and read back.

    `late` fields are read after the others of their table: they need those decoded."""

    late = False

    def write(self, encoder: Encoder, values: Sequence[Any], records: Sequence[Any]) -> Any:
        raise NotImplementedError

    def read(self, decoder: Decoder, name: str, columns: Columns) -> Sequence[Any]:
        raise NotImplementedError


class _Date(_Codec):
    """A date, as its place in the entry's table of dates; None as None when `optional`."""

    def __init__(self, *, optional: bool = False) -> None:
        self.optional = optional

    def write(self, encoder: Encoder, values: Sequence[BriefDate | None], records: Sequence[Any]) -> tuple[Any, ...]:
        date = encoder.date
        return tuple(None if value is None else date(value) for value in values)

    def read(self, decoder: Decoder, name: str, columns: Columns) -> Sequence[Any]:
        dates = decoder.dates
        if not self.optional:
            return list(map(dates.__getitem__, columns[name]))
        return [None if place is None else dates[place] for place in columns[name]]


class _Path(_Codec):
    def write(self, encoder: Encoder, values: Sequence[Path], records: Sequence[Any]) -> tuple[str, ...]:
        return tuple(map(str, values))

    def read(self, decoder: Decoder, name: str, columns: Columns) -> Sequence[Any]:
        return list(map(Path, columns[name]))


class _Nested(_Codec, Generic[T]):
    """Values that are records of their own table, written as one table for the whole
    column: a tuple of them in each record when `many` (with each record's count), or
    None when `optional` (with whether each record has one)."""

    def __init__(self, table: Table[T], *, many: bool = False, optional: bool = False) -> None:
        self.table = table
        self.many = many
        self.optional = optional

    def write(self, encoder: Encoder, values: Sequence[Any], records: Sequence[Any]) -> Any:
        if self.many:
            return tuple(map(len, values)), self.table.write(encoder, [item for items in values for item in items])
        if self.optional:
            return tuple(value is not None for value in values), self.table.write(
                encoder, [value for value in values if value is not None]
            )
        return self.table.write(encoder, values)

    def read(self, decoder: Decoder, name: str, columns: Columns) -> Sequence[Any]:
        column: Any = columns[name]  # not a column of values: the nested table (with counts)
        if not self.many and not self.optional:
            return self.table.read(decoder, column)
        counts, written = column
        made = iter(self.table.read(decoder, written))
        if self.many:  # every record's items read as one table, then dealt back to the records
            return [tuple(islice(made, count)) for count in counts]
        return [next(made) if present else None for present in counts]


_BOM = "\ufeff".encode()


class _Document(_Codec):
    """A source's document: the sha256 of the text that was checked (not the file now: it
    may have changed since), its dateline and the bounds of its paragraphs. Read back from
    the source's file, which must still hold that text."""

    late = True

    def write(self, encoder: Encoder, values: Sequence[SourceDocument], records: Sequence[Any]) -> tuple[Any, ...]:
        return tuple(
            (
                hashlib.sha256(value.text.encode("utf-8")).hexdigest(),
                value.dateline.isoformat() if value.dateline else None,
                value.body_start,
                tuple(bound for paragraph in value.paragraphs for bound in paragraph),
            )
            for value in values
        )

    def read(self, decoder: Decoder, name: str, columns: Columns) -> Sequence[Any]:
        return [
            self._document(decoder, source, file, *written)
            for source, file, written in zip(columns["id"], columns["file"], columns[name], strict=False)
        ]

    @staticmethod
    def _document(
        decoder: Decoder,
        source: str,
        file: Path,
        sha256: str,
        dateline: str | None,
        body_start: int,
        bounds: tuple[int, ...],
    ) -> SourceDocument:
        if decoder.folders.outside(file) is not None:
            raise Unsound(f"source {source} is outside the brief's project")
        raw, _status = read_regular(file, MAX_BYTES, what="source")
        # The text's UTF-8 is the file's bytes less a byte-order mark: hashed as they are,
        # not encoded again (the sha256 of the text, as it was written).
        if hashlib.sha256(memoryview(raw)[len(_BOM) if raw.startswith(_BOM) else 0 :]).hexdigest() != sha256:
            raise Unsound(f"source {source} has changed: its anchors must be checked again")
        text = raw.decode("utf-8").removeprefix("\ufeff")
        del raw
        # The same text as when the entry was written (its sha256 says so): its paragraphs are too.
        return SourceDocument(
            text=text,
            dateline=None if dateline is None else dt.date.fromisoformat(dateline),
            body_start=body_start,
            paragraphs=tuple(zip(bounds[::2], bounds[1::2], strict=False)),
        )


class Table(Generic[T]):
    """The columns of one kind of record: each field in order, with its codec if it is not plain data."""

    def __init__(self, cls: type[T], *columns: str | tuple[str, _Codec]) -> None:
        self.cls = cls
        self.names = tuple(c if isinstance(c, str) else c[0] for c in columns)
        self.codecs = {c[0]: c[1] for c in columns if not isinstance(c, str)}
        self._getters = tuple(map(attrgetter, self.names))
        self._read = sorted(self.codecs.items(), key=lambda item: item[1].late)  # the late ones last
        self._setters: tuple[Callable[[T, Any], None], ...] = tuple(_slot_setter(cls, name) for name in self.names)
        self._derived = tuple((f.name, f.default) for f in fields(cls) if not f.init)  # each left at its default
        if any(default is MISSING for _name, default in self._derived):
            raise TypeError(f"{cls.__name__} derives a field without a default: the cache cannot set it")

    def write(self, encoder: Encoder, records: Sequence[T]) -> Written:
        """The records as columns, with their count (a column may be no list of values)."""
        columns = []
        for name, getter in zip(self.names, self._getters, strict=True):
            values = tuple(map(getter, records))
            codec = self.codecs.get(name)
            columns.append(values if codec is None else codec.write(encoder, values, records))
        return len(records), tuple(columns)

    def read(self, decoder: Decoder, written: Written) -> list[T]:
        count, stored = written
        if len(stored) != len(self.names):
            raise Unsound(f"{self.cls.__name__} has {len(stored)} columns, not {len(self.names)}")
        columns: Columns = dict(zip(self.names, stored, strict=True))
        for name, codec in self._read:
            columns[name] = codec.read(decoder, name, columns)
        return self._made(columns, count)

    def _made(self, columns: Columns, count: int) -> list[T]:
        """The records of `columns`, each field set slot by slot, a column at a time.

        Not through the class's own __init__: a frozen dataclass sets each field through
        `object.__setattr__` by keyword, and the fields are the very values it was given
        (the entry was written from records it made). 10k-event brief: its decode took
        0.69 s of CPU through __init__, 0.44 s this way (medians of 5)."""
        made: list[T] = list(map(object.__new__, repeat(self.cls, count)))
        for setter, name in zip(self._setters, self.names, strict=True):
            column = columns[name]
            if len(column) != count:  # else a record would be left without the field
                raise Unsound(f"{self.cls.__name__}.{name} has {len(column)} values for {count} records")
            deque(map(setter, made, column), maxlen=0)  # the column's values into its slot
        for name, default in self._derived:
            deque(map(_slot_setter(self.cls, name), made, repeat(default, count)), maxlen=0)
        return made

    def unmatched_fields(self) -> set[str]:
        """Fields of the class without a column, and columns that are no field of it
        (fields made with init=False are derived from the others, never written)."""
        return {f.name for f in fields(self.cls) if f.init} ^ set(self.names)

    def shape(self) -> str:
        """The table's columns and how each is written: what an entry's layout depends on."""
        return f"{self.cls.__name__}({', '.join(f'{n}:{type(self.codecs.get(n)).__name__}' for n in self.names)})"


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
    "exact",
    "start",
    "end",
    "paragraph",
    "prefix",
    "suffix",
    "normalised",
)
_DATE, _EVIDENCE = _Date(), _Nested(ANCHORS, many=True)
# The record lists, in the order of the brief.
# A tuple field (`parties`, `aliases`...) is plain data: marshal writes and reads tuples as tuples.
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
    "people": Table(Person, "id", "review", "line", "name", "party", "title", "aliases", "delegate"),
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
        "parties",
        "people",
        "issues",
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
        "quotes",
        "detail",
        "status",
    ),
    "quotes": Table(
        Quote,
        "id",
        "review",
        "line",
        "speaker",
        "text",
        "quote_kind",
        ("source", _Nested(ANCHORS)),
        "text_start",
        "text_end",
        ("said", _Date(optional=True)),
        "date_text",
        "event",
        "issues",
    ),
}
KEY_POINTS = Table(KeyPoint, "text", "refs", "line")
WARNINGS = Table(Problem, "path", "message", "line", "column", "record", "severity")
TABLES: tuple[Table[Any], ...] = (POINTS, DATES, ANCHORS, *RECORDS.values(), KEY_POINTS, WARNINGS)
