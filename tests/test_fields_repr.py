"""The core's one `__repr__`, `__eq__` and `__hash__` (core/fields_repr.py) do what `@dataclass` would."""

from __future__ import annotations

from dataclasses import dataclass, field

from peacebrief.core.dates import BriefDate, parse_date
from peacebrief.core.fields_repr import FieldsRepr, FieldsValue


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


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class Valued(FieldsValue):
    name: str
    when: BriefDate
    hidden: int = field(default=0, compare=False)
    parts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class Single(FieldsValue):
    name: str


def test_it_compares_and_hashes_as_a_frozen_dataclass_does() -> None:
    when = parse_date("2026-02-04")
    own, valued = Own("a", when, 3, ("b",)), Valued("a", when, 3, ("b",))
    assert valued == Valued("a", when, 4, ("b",))  # `compare=False` left out, as in `Own`
    assert hash(valued) == hash(Valued("a", when, 4, ("b",))) == hash(("a", when, ("b",)))
    assert valued != Valued("a", when, 3, ("c",)) and valued != Valued("a", parse_date("2026"), 3, ("b",))
    assert valued != own and Valued.__eq__(valued, own) is NotImplemented  # another class is never equal
    assert own == Own("a", when, 3, ("b",)) and hash(own) == hash(Own("a", when, 3, ("b",)))
    assert Single("x") == Single("x") != Single("y") and hash(Single("x")) == hash(Single("x"))
    assert {valued: 1}[Valued("a", when, 5, ("b",))] == 1
