"""The brief as a front end sees it: frozen records, every anchor already resolved.

A `Brief` is only ever built whole by the loader: if any rule of the format fails, there
is no `Brief`, only a `BriefError`. So code that holds a `Brief` may trust every id in it.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from peacebrief.core.dates import BriefDate
from peacebrief.core.fields_repr import FieldsValue

TYPE_CHECKING = False  # not `typing`'s: `check` and `digest` start without importing it
if TYPE_CHECKING:
    import datetime as dt
    from typing import ClassVar, Literal

    from peacebrief.core.links import Links
    from peacebrief.core.problems import Problem

    Role = Literal["party", "mediator", "host"]
    Status = Literal["occurred", "scheduled", "postponed", "cancelled", "reported"]
    QuoteKind = Literal["direct", "reported"]
    Holding = Literal["held", "withdrawn"]
    Kind = Literal["source", "party", "person", "issue", "event", "position", "quote"]

ROLES: tuple[Role, ...] = ("party", "mediator", "host")
STATUSES: tuple[Status, ...] = ("occurred", "scheduled", "postponed", "cancelled", "reported")
QUOTE_KINDS: tuple[QuoteKind, ...] = ("direct", "reported")
HOLDINGS: tuple[Holding, ...] = ("held", "withdrawn")  # a position's `status`


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class SourceDocument(FieldsValue):
    """A source's text as read from disk, split into numbered paragraphs.

    Offsets count characters of `text`, the whole decoded file. A leading dateline
    (`date YYYY-MM-DD`) is not part of paragraph 1: `body_start` is where the text begins.
    """

    text: str
    dateline: dt.date | None
    body_start: int
    # [start, end) of each block of text between blank lines, numbered from 1. A block is
    # a paragraph or a one-line heading (`is_heading`); anchors, links and the reader's
    # places count blocks, and what a reader is shown counts paragraphs (`number`).
    paragraphs: tuple[tuple[int, int], ...]
    # Derived from the text on first use, not stored: the paragraph number of each block
    # (0 for a heading). Opening a big brief must not pay for what only display needs.
    _numbers: tuple[int, ...] | None = field(default=None, init=False, repr=False, compare=False)

    def paragraph_at(self, offset: int) -> int:
        """The number of the block that holds `offset` (the nearest one before it)."""
        return max(1, bisect.bisect_right(self.paragraphs, (offset, len(self.text) + 1)))

    def paragraph_text(self, number: int) -> str:
        start, end = self.paragraphs[number - 1]
        return self.text[start:end]

    def is_heading(self, block: int) -> bool:
        """True when block `block` is a one-line heading, not a paragraph of text."""
        return self._block_numbers()[block - 1] == 0

    def number(self, block: int) -> int | None:
        """The paragraph number a reader counts for block `block`; None for a heading."""
        return self._block_numbers()[block - 1] or None

    def place(self, block: int) -> str:
        """`¶5` for a paragraph; `heading above ¶5` for a heading (anchors may point into one)."""
        numbers = self._block_numbers()
        if numbers[block - 1]:
            return f"\u00b6{numbers[block - 1]}"
        after = next((n for n in numbers[block:] if n), None)
        if after is not None:
            return f"heading above \u00b6{after}"
        before = next((n for n in reversed(numbers[: block - 1]) if n), None)
        return f"heading below \u00b6{before}" if before is not None else "heading"

    @property
    def paragraph_count(self) -> int:
        """How many paragraphs of text the document has, headings left out."""
        return max(self._block_numbers(), default=0)

    def _block_numbers(self) -> tuple[int, ...]:
        numbers = self._numbers
        if numbers is None:
            numbers = number_blocks(self.text, self.paragraphs)
            object.__setattr__(self, "_numbers", numbers)
        return numbers


# A heading is short and stands on one line: a title, a subheading, a caption.
_HEADING_MAX_CHARS = 100
_HEADING_MAX_WORDS = 14
# A block ending in one of these is a sentence (or a quotation), not a heading.
_SENTENCE_ENDS = frozenset(".!?\u2026:;,\"'\u201d\u2019\u00bb")


def _heading_shaped(text: str, start: int, end: int) -> bool:
    if end - start > _HEADING_MAX_CHARS or "\n" in text[start:end]:
        return False
    line = text[start:end]
    return line[-1] not in _SENTENCE_ENDS and len(line.split()) <= _HEADING_MAX_WORDS


def number_blocks(text: str, blocks: tuple[tuple[int, int], ...]) -> tuple[int, ...]:
    """The paragraph number of each block, 0 for a heading.

    A heading is one short line without the punctuation that ends a sentence, followed
    by a block that is not heading-shaped itself (a heading stands above text): so a
    document made only of short lines keeps every line numbered.
    """
    shaped = [_heading_shaped(text, start, end) for start, end in blocks]
    numbers: list[int] = []
    count = 0
    for index, shape in enumerate(shaped):
        if shape and index + 1 < len(shaped) and not shaped[index + 1]:
            numbers.append(0)
        else:
            count += 1
            numbers.append(count)
    return tuple(numbers)


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class Anchor(FieldsValue):
    """Words of a source, resolved to `[start, end)` in its text and to a paragraph."""

    source: str
    exact: str
    start: int
    end: int
    paragraph: int
    prefix: str | None = None
    suffix: str | None = None
    normalised: bool = False  # matched only after normalising quotes, dashes, spaces


# No `__init__` of its own (`init=False`): only its kinds are made, each with its own.
@dataclass(frozen=True, slots=True, kw_only=True, init=False, repr=False, eq=False)
class Record(FieldsValue):
    """What every record has: its id, an optional review mark, and its line in the brief."""

    id: str
    review: str | None = None
    line: int = 0  # where the record starts in the brief file, 1-based

    # For type checkers only: `dataclass` tells a `ClassVar` from a field only once
    # `typing` is imported, so the subclasses set `kind` without an annotation.
    if TYPE_CHECKING:
        kind: ClassVar[Kind]

    @property
    def label(self) -> str:
        """A short human name for lists and links."""
        return self.id


@dataclass(frozen=True, slots=True, kw_only=True, repr=False, eq=False)
class Source(Record):
    """A document the brief quotes, read and split into paragraphs."""

    kind = "source"
    title: str
    path: str
    published: BriefDate
    document: SourceDocument
    file: Path
    publisher: str | None = None
    url: str | None = None
    sha256: str | None = None

    @property
    def label(self) -> str:
        return self.title


@dataclass(frozen=True, slots=True, kw_only=True, repr=False, eq=False)
class Party(Record):
    """A side of the talks, a mediator or a host."""

    kind = "party"
    name: str
    role: Role
    short: str | None = None
    summary: str | None = None

    @property
    def label(self) -> str:
        return self.name

    @property
    def tag(self) -> str:
        return self.short or self.name[:3].upper()


@dataclass(frozen=True, slots=True, kw_only=True, repr=False, eq=False)
class Person(Record):
    """Someone who speaks or acts for a party."""

    kind = "person"
    name: str
    party: str
    title: str | None = None
    aliases: tuple[str, ...] = ()
    delegate: bool = False

    @property
    def label(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True, kw_only=True, repr=False, eq=False)
class Issue(Record):
    """A question the talks are about."""

    kind = "issue"
    title: str
    summary: str | None = None

    @property
    def label(self) -> str:
        return self.title


@dataclass(frozen=True, slots=True, kw_only=True, repr=False, eq=False)
class Event(Record):
    """Something that happened (or was due to) on a date, anchored in the sources."""

    kind = "event"
    date: BriefDate
    title: str
    evidence: tuple[Anchor, ...]
    date_text: str | None = None
    summary: str | None = None
    place: str | None = None
    status: Status = "occurred"
    parties: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    issues: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return self.title

    def sort_key(self) -> tuple[dt.date, int, str]:
        return (*self.date.sort_key(), self.id)


@dataclass(frozen=True, slots=True, kw_only=True, repr=False, eq=False)
class Position(Record):
    """A party's stance on an issue, with its evidence."""

    kind = "position"
    party: str
    issue: str
    stance: str
    evidence: tuple[Anchor, ...] = ()  # anchors written directly in the position
    quotes: tuple[str, ...] = ()  # quote ids given as evidence
    detail: str | None = None
    status: Holding = "held"  # `withdrawn`: the round's sources say the party gave the stance up

    @property
    def label(self) -> str:
        return f"withdrawn: {self.stance}" if self.withdrawn else self.stance

    @property
    def withdrawn(self) -> bool:
        return self.status == "withdrawn"


@dataclass(frozen=True, slots=True, kw_only=True, repr=False, eq=False)
class Quote(Record):
    """Words someone said, directly or as reported, anchored in a source."""

    kind = "quote"
    speaker: str
    text: str
    quote_kind: QuoteKind
    source: Anchor
    text_start: int  # where `text` itself stands in the source, within the anchor
    text_end: int
    said: BriefDate | None = None
    date_text: str | None = None
    event: str | None = None
    issues: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class KeyPoint(FieldsValue):
    """One line of the brief's bottom line, with the records it rests on."""

    text: str
    refs: tuple[str, ...] = ()
    line: int = 0


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class Brief(FieldsValue):
    """A loaded, checked brief. Build it with `peacebrief.core.load_brief`."""

    path: Path
    id: str
    title: str
    as_of: BriefDate
    sources: tuple[Source, ...]
    parties: tuple[Party, ...]
    people: tuple[Person, ...] = ()
    issues: tuple[Issue, ...] = ()
    events: tuple[Event, ...] = ()  # in date order
    positions: tuple[Position, ...] = ()
    quotes: tuple[Quote, ...] = ()
    summary: str | None = None
    key_points: tuple[KeyPoint, ...] = ()
    warnings: tuple[Problem, ...] = ()
    records: Mapping[str, Record] = field(default_factory=dict, repr=False)  # in reading order
    order: Mapping[str, int] = field(default_factory=dict, repr=False)  # id -> place in `records`
    # Indexed on first use (`links`), not as the brief is loaded: `check` and a text digest
    # follow no link, and start without `core/links.py` and its two dataclasses (`check`
    # on the bundled brief 364.2 -> 358.1 million instructions, `digest` 413.8 -> 408.6).
    _links: Links | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def links(self) -> Links:
        """The links between the brief's records, from both ends (`core/links.py`)."""
        return self.index_links()

    def index_links(self, links: Links | None = None) -> Links:
        """The brief's links, kept from now on: `links` when given (the cache holds them as
        built), else those already made, else made now. A reader calls it where it loads (a
        worker), so that the first key does not index a big brief."""
        if links is None:
            if self._links is not None:
                return self._links
            from peacebrief.core.links import build_links

            links = build_links(self.records)
        object.__setattr__(self, "_links", links)
        return links

    def __getitem__(self, record_id: str) -> Record:
        return self.records[record_id]

    def get(self, record_id: str) -> Record | None:
        return self.records.get(record_id)

    def __contains__(self, record_id: object) -> bool:
        return record_id in self.records

    def all_records(self) -> Iterator[Record]:
        """Every record, kind by kind in the order of the format."""
        yield from self.sources
        yield from self.parties
        yield from self.people
        yield from self.issues
        yield from self.events
        yield from self.positions
        yield from self.quotes

    def party_of(self, record_id: str) -> Party | None:
        """The party a person belongs to, or a quote's speaker belongs to (or is)."""
        record = self.records.get(record_id)
        if isinstance(record, Party):
            return record
        if isinstance(record, Person):
            party = self.records.get(record.party)
            return party if isinstance(party, Party) else None
        if isinstance(record, Quote):
            return self.party_of(record.speaker)
        if isinstance(record, Position):
            return self.party_of(record.party)
        return None

    def source(self, source_id: str) -> Source:
        record = self.records[source_id]
        assert isinstance(record, Source)
        return record

    def source_number(self, source_id: str) -> int:
        """1-based number of a source in the brief, for citations such as `[1 ¶4]`."""
        for number, source in enumerate(self.sources, start=1):
            if source.id == source_id:
                return number
        raise KeyError(source_id)

    @property
    def review_count(self) -> int:
        return sum(1 for record in self.all_records() if record.review)
