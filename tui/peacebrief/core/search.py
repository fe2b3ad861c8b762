"""Find records by their words: the reader's `/` search and its command palette."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import compress, repeat
from operator import contains

from peacebrief.core.model import (
    Brief,
    Event,
    Issue,
    Party,
    Person,
    Position,
    Quote,
    Record,
    Source,
)


def searchable_text(brief: Brief, record: Record) -> str:
    """Every word a reader might type to find this record."""
    parts: list[str] = [record.id]
    if isinstance(record, Quote):
        speaker = brief.get(record.speaker)
        parts += [record.text, speaker.label if speaker else record.speaker]
    elif isinstance(record, Event):
        parts += [record.title, record.summary or "", record.place or "", record.date_text or "", record.date.display()]
    elif isinstance(record, Person):
        parts += [record.name, record.title or "", *record.aliases]
    elif isinstance(record, Party):
        parts += [record.name, record.short or "", record.summary or ""]
    elif isinstance(record, Position):
        party, issue = brief.get(record.party), brief.get(record.issue)
        parts += [record.stance, record.detail or "", party.label if party else "", issue.label if issue else ""]
    elif isinstance(record, Issue):
        parts += [record.title, record.summary or ""]
    elif isinstance(record, Source):
        parts += [record.title, record.publisher or ""]
    return " ".join(parts).casefold()


@dataclass(frozen=True, slots=True)
class SearchResult:
    ids: tuple[str, ...]  # the first `limit` matches, in brief order
    total: int  # how many records match in all

    @property
    def more(self) -> int:
        return self.total - len(self.ids)


class SearchIndex:
    """All records' words, built once; each query narrows the last one when it can."""

    def __init__(self, brief: Brief) -> None:
        self._ids: list[str] = []
        self._texts: list[str] = []
        for record in brief.all_records():
            self._ids.append(record.id)
            self._texts.append(searchable_text(brief, record))
        self._last_terms: tuple[str, ...] = ()
        self._last_hits: list[int] = list(range(len(self._ids)))

    def __len__(self) -> int:
        return len(self._ids)

    def search(self, query: str, limit: int = 100) -> SearchResult:
        """Records holding every word of `query` (case-insensitive), at most `limit` listed."""
        terms = tuple(query.casefold().split())
        if not terms:
            self._last_terms, self._last_hits = (), list(range(len(self._ids)))
            return SearchResult((), 0)
        # Typing one more letter only narrows: search the last hits, not everything.
        narrowing = bool(self._last_terms) and len(terms) >= len(self._last_terms) and all(
            new.startswith(old) if i == len(self._last_terms) - 1 else new == old
            for i, (old, new) in enumerate(zip(self._last_terms, terms))
        )
        if narrowing:
            # The last hits hold every earlier word: test only the word being typed, and any after it.
            hits, todo = self._last_hits, terms[len(self._last_terms) - 1 :]
        else:
            hits, todo = list(range(len(self._ids))), terms
        texts = self._texts
        for term in todo:
            # `term in text` over the candidates, looped in C (compress, map): a first
            # letter tests every record of a big brief, 30,000 of them, in a few ms.
            hits = list(compress(hits, map(contains, map(texts.__getitem__, hits), repeat(term))))
        self._last_terms, self._last_hits = terms, hits
        return SearchResult(tuple(self._ids[i] for i in hits[:limit]), len(hits))
