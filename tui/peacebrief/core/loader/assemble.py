"""The brief, assembled from what a reading has built and checked."""

from __future__ import annotations

from types import MappingProxyType

from peacebrief.core import collector
from peacebrief.core.loader.rules import SECTIONS
from peacebrief.core.loader.state import LoadState
from peacebrief.core.model import Brief, Event, Record
from peacebrief.core.problems import Problem


def assemble(state: LoadState) -> Brief:
    """The brief `state` has read; only once it holds every record and no error."""
    assert state.brief_id is not None and state.title is not None and state.as_of is not None
    built = state.built
    with collector.paused():
        events = tuple(sorted(built["events"], key=Event.sort_key))
        built["events"] = list(events)
        records: dict[str, Record] = {}
        for section, _ in SECTIONS:
            for record in built[section]:
                records[record.id] = record
        warnings = tuple(sorted((p for p in state.problems if p.severity == "warning"), key=Problem.sort_key))
        return Brief(
            path=state.path,
            id=state.brief_id,
            title=state.title,
            as_of=state.as_of,
            summary=state.summary,
            key_points=tuple(state.key_points),
            warnings=warnings,
            records=MappingProxyType(records),
            order=MappingProxyType({rid: i for i, rid in enumerate(records)}),
            sources=tuple(built["sources"]),
            parties=tuple(built["parties"]),
            people=tuple(built["people"]),
            issues=tuple(built["issues"]),
            events=events,
            positions=tuple(built["positions"]),
            quotes=tuple(built["quotes"]),
        )
