"""Which records concern a party: the reader's party filter and the digest's `--party`."""

from __future__ import annotations

from peacebrief.core.model import Brief, Event, Party, Person, Position, Quote, Record


def concerns(brief: Brief, record: Record, party_id: str) -> bool:
    """True when `record` is about `party_id`: its own, its people's, or an event it is in."""
    if isinstance(record, Party):
        return record.id == party_id
    if isinstance(record, Person):
        return record.party == party_id
    if isinstance(record, Position):
        return record.party == party_id
    if isinstance(record, Quote):
        party = brief.party_of(record.id)
        return party is not None and party.id == party_id
    if isinstance(record, Event):
        if party_id in record.parties:
            return True
        return any(isinstance(p := brief.get(pid), Person) and p.party == party_id for pid in record.people)
    return True  # sources and issues belong to every side


def matrix_parties(brief: Brief) -> tuple[Party, ...]:
    """The columns of the issue-by-party matrix: every party with the role `party`, and
    a mediator or host only where it states a position (else a column of blanks)."""
    stating = {p.party for p in brief.positions}
    return tuple(p for p in brief.parties if p.role == "party" or p.id in stating)
