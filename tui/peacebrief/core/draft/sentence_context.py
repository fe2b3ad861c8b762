"""A sentence with what the speaker rules read beside it: one value to pass, not five."""

from __future__ import annotations

from dataclasses import dataclass

from peacebrief.core.draft.discourse import Discourse
from peacebrief.core.draft.names import NameIndex
from peacebrief.core.draft.sentences import Sentence
from peacebrief.core.draft.timex import Timex


@dataclass(frozen=True, slots=True)
class SentenceContext:
    """A sentence, which of its tokens are inside quotation marks (`mask`), the names and
    time expressions found in the document and in it, and who has spoken so far."""

    sentence: Sentence
    mask: list[bool]
    names: NameIndex
    timexes: list[Timex]
    discourse: Discourse

    def parts(self) -> tuple[Sentence, list[bool], NameIndex, list[Timex], Discourse]:
        return self.sentence, self.mask, self.names, self.timexes, self.discourse
