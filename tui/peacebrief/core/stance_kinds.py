"""The rule that says how a party's stance on an issue moved from one round to a later one.

A round that says nothing of a stance has not dropped it: the stance stays in force, as
the latest round that stated it told it, and is *not restated*. A stance is *dropped*
only when a later round's brief says so, with a position of `status: withdrawn` anchored
in that round's sources. Between the stance in force at the earlier round and what the
rounds after it, up to the later one, say:

- `new`: a stance held now, none held before (never stated, or withdrawn);
- `changed`: held in both, in other words (white space and letter case aside);
- `dropped`: withdrawn now, held before (or never stated before: a withdrawal is news);
- `unchanged`: the same words in both;
- `not_restated`: held before, and no round after it says anything of it.

The digest, the changes view and the Issues matrix all ask this one function.
"""

from __future__ import annotations

from collections.abc import Sequence

from peacebrief.core.model import Position

TYPE_CHECKING = False  # not `typing`'s: `check` and `digest` start without importing it
if TYPE_CHECKING:
    from typing import Literal

    ChangeKind = Literal["new", "changed", "dropped", "unchanged", "not_restated"]

# In the order the digest and the changes view list them: news first, silence last.
KINDS: tuple[ChangeKind, ...] = ("changed", "new", "dropped", "unchanged", "not_restated")
LABELS: dict[str, str] = {kind: kind.replace("_", " ") for kind in KINDS}  # `not restated`


def change_kind(before: Sequence[Position], after: Sequence[Position]) -> ChangeKind | None:
    """How the stance moved: `before` is what was in force at the earlier round (the
    positions of the latest round up to it that states any), `after` what the rounds
    after it say (the latest of them that states any; empty when none does). None when
    there is nothing to tell: no stance held before and nothing said since."""
    held_before = any(not p.withdrawn for p in before)
    if not after:
        return "not_restated" if held_before else None
    held_after = any(not p.withdrawn for p in after)
    if held_after and not held_before:
        return "new"
    if not held_after and (held_before or not before):
        return "dropped"
    return "unchanged" if _words(before) == _words(after) else "changed"


def _words(positions: Sequence[Position]) -> list[tuple[bool, str]]:
    return sorted((p.withdrawn, " ".join(p.stance.split()).casefold()) for p in positions)
