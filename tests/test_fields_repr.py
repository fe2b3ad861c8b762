"""The core's one `__repr__` (core/fields_repr.py) writes what `@dataclass` would."""

from __future__ import annotations

from dataclasses import dataclass, field

from peacebrief.core.dates import BriefDate, parse_date
from peacebrief.core.fields_repr import FieldsRepr


@dataclass(frozen=True, slots=True)
class Own:
    name: str
    when: BriefDate
    hidden: int = field(default=0, repr=False)
    parts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, repr=False)
class Shared(FieldsRepr):
    name: str
    when: BriefDate
    hidden: int = field(default=0, repr=False)
    parts: tuple[str, ...] = ()


def test_it_writes_the_fields_a_dataclass_repr_writes_and_leaves_out_the_same() -> None:
    when = parse_date("2026-02-04")
    shared = repr(Shared("it's", when, 3, ("a", "b")))
    assert shared == repr(Own("it's", when, 3, ("a", "b"))).replace("Own(", "Shared(", 1)
    assert "hidden" not in shared and "DatePoint(year=2026, month=2, day=4" in shared
