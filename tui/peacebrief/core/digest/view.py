"""What a digest shows: the brief narrowed by `--party` and `--since`/`--until`.

The three formats (text, Markdown, JSON) render the same `DigestView`, so a filter means
the same thing in each. Everything here is pure and ordered, so the same brief and the
same options always give the same view, and so the same bytes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from peacebrief.core.anchors import normalise
from peacebrief.core.dates import BriefDate, DateError, parse_date
from peacebrief.core.fields_repr import FieldsValue
from peacebrief.core.filters import concerns, matrix_parties
from peacebrief.core.model import (
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

# Words every format uses. A `reported` event is one side's claim, so the reader is told
# in words that it is not confirmed.
STATUS_LABELS = {
    "scheduled": "SCHEDULED",
    "postponed": "POSTPONED",
    "cancelled": "CANCELLED",
    "reported": "UNCONFIRMED",
}
REVIEW_MARK = "(under review)"
NO_POSITION = "no stated position"


class DigestError(ValueError):
    """Options a digest cannot be made with (an unknown party, a bad date or width)."""


# -- the date window --------------------------------------------------------------------


def parse_bound(value: str | dt.date | BriefDate) -> BriefDate:
    """A `--since`/`--until` date: YYYY, YYYY-MM or YYYY-MM-DD (a day, a month, a year)."""
    if isinstance(value, BriefDate):
        return value
    text = value.isoformat() if isinstance(value, dt.date) else str(value).strip()
    # Only plain points: an interval or a `~`/`?` qualifier has no clear meaning as a bound.
    if "/" in text or text[-1:] in ("~", "?", "%"):
        raise DigestError(f"'{text}' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
    try:
        return parse_date(text)
    except DateError as exc:
        raise DigestError(str(exc)) from None


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class Window(FieldsValue):
    """The days from the first day of `since` to the last day of `until` (each optional).

    `--since 2026-02` starts on 1 Feb; `--until 2026-02` ends on 28 Feb. A record is in
    the window when its own date interval overlaps it: an event dated "Feb 2026" is in
    a window that starts on 10 Feb, since it may have happened then.
    """

    since: BriefDate | None = None
    until: BriefDate | None = None

    @property
    def active(self) -> bool:
        return self.since is not None or self.until is not None

    def admits(self, date: BriefDate | None) -> bool:
        """True when `date` may fall in the window; an undated record only when no window is set."""
        if not self.active:
            return True
        if date is None:
            return False
        if self.since is not None and date.latest < self.since.earliest:
            return False
        return not (self.until is not None and date.earliest > self.until.latest)


def make_window(since: str | dt.date | BriefDate | None, until: str | dt.date | BriefDate | None) -> Window:
    window = Window(
        parse_bound(since) if since is not None else None,
        parse_bound(until) if until is not None else None,
    )
    if window.since is not None and window.until is not None and window.until.latest < window.since.earliest:
        raise DigestError(f"--until {window.until.iso()} is before --since {window.since.iso()}")
    return window


# -- the view ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class DigestView(FieldsValue):
    """The records a digest shows, each kind in the order it is shown.

    `matrix_parties` are the columns of the issue-by-party matrix: the parties with the
    role `party`, plus any mediator or host that states a position somewhere (a host
    with no positions would only add "no stated position" lines).
    """

    brief: Brief
    party: Party | None
    window: Window
    key_points: tuple[KeyPoint, ...]
    events: tuple[Event, ...]
    issues: tuple[Issue, ...]
    matrix_parties: tuple[Party, ...]
    delegations: tuple[Party, ...]
    people: tuple[Person, ...]
    positions: tuple[Position, ...]
    quotes: tuple[Quote, ...]  # by date (their source's when they have none); `quote_groups` groups them

    @property
    def filtered(self) -> bool:
        return self.party is not None or self.window.active

    def cell(self, issue: Issue, party: Party) -> tuple[Position, ...]:
        """The positions of `party` on `issue`: usually one, none for "no stated position"."""
        return tuple(p for p in self.positions if p.issue == issue.id and p.party == party.id)

    def people_of(self, party: Party) -> tuple[Person, ...]:
        return tuple(p for p in self.people if p.party == party.id)

    def quote_groups(self) -> tuple[tuple[Party, tuple[QuoteEntry, ...]], ...]:
        """The quotes by party, in the brief's order of parties; parties without quotes left
        out. Quotes that repeat the same words are one entry (`same_words`)."""
        groups = []
        entries = same_words(self.brief, self.quotes)
        for party in self.brief.parties:
            kept = tuple(e for e in entries if _party_id(self.brief, e.quote) == party.id)
            if kept:
                groups.append((party, kept))
        return tuple(groups)

    def record_ids(self) -> frozenset[str]:
        """Ids of every record the view keeps (sources, parties and issues always)."""
        kept: Iterable[Record] = (
            *self.brief.sources,
            *self.brief.parties,
            *self.brief.issues,
            *self.people,
            *self.events,
            *self.positions,
            *self.quotes,
        )
        return frozenset(record.id for record in kept)


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class QuoteEntry(FieldsValue):
    """One line of a digest's quotes: the fullest words, and every quote they stand for."""

    quote: Quote  # the one shown
    records: tuple[Quote, ...]  # `quote` first, then the quotes whose words it repeats

    @property
    def said(self) -> BriefDate | None:
        """The quote's own date, or the first one a record of the entry has."""
        return next((q.said for q in self.records if q.said is not None), None)


def _words(quote: Quote) -> str:
    """A quote's words compared without case, quotation marks and outer punctuation."""
    text = normalise(quote.text).casefold().replace('"', "").replace("'", "")
    return " ".join(text.split()).strip(" .,;:!?")


def same_words(brief: Brief, quotes: tuple[Quote, ...]) -> tuple[QuoteEntry, ...]:
    """`quotes` in their order, one entry each, except that a quote whose words stand
    within another quote of the same speaker, from the same source and not on another
    day, joins that quote's entry: Trump's “kept his word” and the reported "Putin
    “kept his word” on the temporary pause" are one line citing both records. An entry
    stands where its first record stood."""
    together: dict[tuple[str, str], list[Quote]] = {}
    for quote in quotes:
        together.setdefault((quote.speaker, quote.source.source), []).append(quote)
    host: dict[str, str] = {}
    for group in together.values():
        if len(group) > 1:
            host.update(_hosts(group))
    members: dict[str, list[Quote]] = {}
    for quote in quotes:
        root = quote.id
        while root in host:
            root = host[root]
        members.setdefault(root, []).append(quote)
    by_id = {q.id: q for q in quotes}
    return tuple(
        QuoteEntry(by_id[rid], (by_id[rid], *(q for q in group if q.id != rid))) for rid, group in members.items()
    )


def _hosts(group: list[Quote]) -> dict[str, str]:
    """For each quote of `group` whose words another one holds, the fullest such quote:
    the longest words that hold its own (the first such quote on a tie), from a quote not
    on another day; else the first quote before it with the same words and such a day.

    Each quote's holders are looked for only among the quotes that share the rarest few
    letters of its words (`_GRAM`), longest first, stopping at the first that holds them:
    10,000 quotes of one speaker differing in a word cost 10,000 lookups, not 10,000
    squared comparisons."""
    words = [_words(q) for q in group]
    texts: dict[str, _Holders] = {}
    for index, (quote, text) in enumerate(zip(group, words, strict=False)):
        holders = texts.get(text)
        if holders is None:
            holders = texts[text] = _Holders(text, index)
        holders.add(index, quote.said)
    grams: dict[int, dict[str, list[_Holders]]] = {}
    ordered = sorted(texts.values(), key=_Holders.order)  # longest first, then first seen

    def sharing(text: str) -> list[_Holders]:
        if len(ordered) <= _FEW:  # all of them: the loop below skips the others alike
            return ordered
        size = min(len(text), _GRAM)
        table = grams.get(size)
        if table is None:  # texts by each run of `size` letters, in that order
            table = grams[size] = {}
            for holders in ordered:
                for gram in {holders.text[i : i + size] for i in range(len(holders.text) - size + 1)}:
                    table.setdefault(gram, []).append(holders)
        return min((table[text[i : i + size]] for i in range(len(text) - size + 1)), key=len)

    host: dict[str, str] = {}
    for index, (quote, mine) in enumerate(zip(group, words, strict=False)):
        if not mine:
            continue
        found: int | None = None
        longest = 0
        for holders in sharing(mine):
            if len(holders.text) <= len(mine) or len(holders.text) < longest:
                break
            if mine in holders.text:
                first = holders.first_for(quote.said)
                if first is not None and (found is None or first < found):
                    found, longest = first, len(holders.text)
        if found is None:  # the same words before it
            first = texts[mine].first_for(quote.said)
            found = first if first is not None and first < index else None
        if found is not None:
            host[quote.id] = group[found].id
    return host


_GRAM = 4  # letters in a run indexed to find the quotes whose words may hold another's
# Up to this many texts in a group are all looked through, not indexed by their runs of
# letters: indexing them cost more than the look, a quarter of `digest`'s rendering of the
# bundled brief (its first render_digest 27.9 -> 21.9 million instructions, callgrind).
_FEW = 32


class _Holders:
    """The quotes of a group with the same words: the first of them, and the first of them
    a quote of any day can join (see `_hosts`)."""

    __slots__ = ("text", "first", "undated", "by_day")

    def __init__(self, text: str, first: int) -> None:
        self.text = text
        self.first = first
        self.undated: int | None = None
        self.by_day: dict[BriefDate, int] = {}

    def add(self, index: int, said: BriefDate | None) -> None:
        if said is None:
            if self.undated is None:
                self.undated = index
        else:
            self.by_day.setdefault(said, index)

    def order(self) -> tuple[int, int]:
        return -len(self.text), self.first

    def first_for(self, said: BriefDate | None) -> int | None:
        """The first of these quotes that a quote said on `said` may join (None: any day)."""
        if said is None:
            return self.first
        dated = self.by_day.get(said)
        if self.undated is None:
            return dated
        return self.undated if dated is None else min(self.undated, dated)


def build_view(
    brief: Brief,
    *,
    party: str | None = None,
    since: str | dt.date | BriefDate | None = None,
    until: str | dt.date | BriefDate | None = None,
) -> DigestView:
    """Narrow `brief` to what concerns `party` and to the dates between `since` and `until`.

    `party` keeps its events (those it or one of its people takes part in), its positions,
    its people and the quotes by it or its people; the bottom line stays, as does every
    key point that has no refs or refs something kept. The window narrows the timeline
    and the quotes; undated quotes are left out when a window is set, since nothing says
    they fall in it. Raises `DigestError` for an unknown party or a bad date.
    """
    chosen = _party(brief, party)
    window = make_window(since, until)
    if chosen is None:
        events, people, positions, quotes = brief.events, brief.people, brief.positions, brief.quotes
        key_points = tuple(brief.key_points)
    else:
        events, people, positions, quotes, key_points = _of_party(brief, chosen)
    events = tuple(e for e in events if window.admits(e.date))
    quotes = _sorted_quotes(brief, (q for q in quotes if window.admits(q.said)))
    return DigestView(
        brief=brief,
        party=chosen,
        window=window,
        key_points=key_points,
        events=events,
        issues=brief.issues,
        matrix_parties=(chosen,) if chosen else matrix_parties(brief),
        delegations=(chosen,) if chosen else brief.parties,
        people=people,
        positions=positions,
        quotes=quotes,
    )


def _of_party(
    brief: Brief, chosen: Party
) -> tuple[tuple[Event, ...], tuple[Person, ...], tuple[Position, ...], tuple[Quote, ...], tuple[KeyPoint, ...]]:
    """The events, people, positions, quotes and key points that concern one party."""
    events = tuple(e for e in brief.events if concerns(brief, e, chosen.id))
    people = tuple(p for p in brief.people if p.party == chosen.id)
    positions = tuple(p for p in brief.positions if p.party == chosen.id)
    quotes = tuple(q for q in brief.quotes if _party_id(brief, q) == chosen.id)
    # Key points follow the party only: the window narrows the timeline and the quotes,
    # not the summary of the whole brief.
    concerned = {r.id for r in (*events, *people, *positions, *quotes)} | {chosen.id}
    key_points = tuple(k for k in brief.key_points if not k.refs or concerned.intersection(k.refs))
    return events, people, positions, quotes, key_points


def filter_note(view: DigestView, show: Callable[[BriefDate], str] = BriefDate.display) -> str:
    """What a filtered digest leaves out, in words, for its header (`show` formats a date)."""
    parts = []
    if view.party is not None:
        parts.append(f"only what concerns {view.party.name}")
    since, until = view.window.since, view.window.until
    if since is not None and until is not None:
        span = f"on {show(since)}" if since == until else f"from {show(since)} to {show(until)}"
        parts.append(f"events and quotes {span}, undated quotes left out")
    elif since is not None:
        parts.append(f"events and quotes from {show(since)} on, undated quotes left out")
    elif until is not None:
        parts.append(f"events and quotes up to {show(until)}, undated quotes left out")
    return "; ".join(parts) + "."


def _party(brief: Brief, party: str | None) -> Party | None:
    if party is None:
        return None
    record = brief.get(party)
    if isinstance(record, Party):
        return record
    known = ", ".join(p.id for p in brief.parties)
    raise DigestError(f"'{party}' is not a party of this brief; its parties are: {known}")


def _party_id(brief: Brief, record: Quote) -> str | None:
    party = brief.party_of(record.id)
    return party.id if party else None


def _sorted_quotes(brief: Brief, quotes: Iterable[Quote]) -> tuple[Quote, ...]:
    # By date: a quote without a date of its own stands at its source's date, after the
    # quotes dated that day themselves. Python's sort is stable, so ties keep the brief's
    # order. On the same day, "3 Feb" comes before "c. 3 Feb".
    def key(quote: Quote) -> tuple[tuple[dt.date, int], bool, bool]:
        if quote.said is None:
            published = brief.source(quote.source.source).published
            return (published.sort_key(), published.approximate, True)
        return (quote.said.sort_key(), quote.said.approximate, False)

    return tuple(sorted(quotes, key=key))


# -- sources ---------------------------------------------------------------------------


def source_sha256(source: Source) -> str | None:
    """The sha256 the brief records (the loader has checked it), else the file's, else None."""
    if source.sha256:
        return source.sha256
    import hashlib  # loading OpenSSL is a few ms of start-up, and most briefs record the hash

    try:
        return hashlib.sha256(source.file.read_bytes()).hexdigest()
    except OSError:
        return None
