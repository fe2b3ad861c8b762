"""A name as it stands in a sentence, and what kind of thing it names."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from peacebrief.core.draft.parties import (
    PartyGuess,
)

MentionKind = Literal["person", "party", "place", "org", "unknown"]


@dataclass(slots=True)
class Mention:
    """A name as it stands in a sentence."""

    kind: MentionKind
    sentence: int
    start: int  # where the mention starts, an office in front included
    end: int
    name_start: int  # where the name itself starts
    words: str  # the name as printed
    key: str = ""  # person: the registry key; party: the country's name
    title: str | None = None
    hints: list[PartyGuess] = field(default_factory=list)
    honorific: str | None = None  # "he" / "she"
    first: int = 0  # token indexes in the sentence, [first, last]
    last: int = 0
