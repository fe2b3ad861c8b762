"""Who a reporting clause names: `SpeakerRef`, the clause itself (`Reporting`), and the
`Discourse` of the document so far, which pronouns and offices ("she", "the minister")
are resolved against."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Literal

from peacebrief.core.draft.mentions import Mention
from peacebrief.core.draft.names import NameIndex
from peacebrief.core.draft.offices import role_words
from peacebrief.core.draft.reporting_words import CONNECTIVES
from peacebrief.core.draft.sentences import Sentence
from peacebrief.core.draft.timex import Timex

SpeakerKind = Literal["person", "party", "unknown"]


_LOOK_BACK = 64  # mentions a pronoun looks back over


_SENTENCES_BACK = 6


_ROLE_LOOK_BACK = 400  # mentions an office ("the envoy") looks back over


@dataclass(slots=True)
class SpeakerRef:
    kind: SpeakerKind
    key: str  # a person's registry key, a party's name, or the words for an unknown speaker
    words: str  # as printed
    how: str  # named, surname, pronoun, role, party, inherited, colon, next-sentence, previous-sentence
    review: str | None = None


@dataclass(slots=True)
class Reporting:
    sentence: int
    verb: int  # token index of the verb (or of "according")
    verb_start: int
    verb_end: int
    lemma: str
    speakers: list[SpeakerRef]
    attribution: tuple[int, int]  # offsets: subject and verb (and what goes with them)
    content: tuple[int, int] | None = None  # offsets of what was said, when it can be told
    time: Timex | None = None
    object_verb: bool = False
    inherited: bool = False


@dataclass(slots=True)
class Discourse:
    """People named so far, in order, for pronouns and offices ("she", "the minister")."""

    names: NameIndex
    seen: list[tuple[int, int, str, bool]] = field(default_factory=list)  # (offset, sentence, key, spoke)

    subjects: dict[int, str] = field(default_factory=dict)  # sentence -> the person it opens with

    def note_mentions(self, mentions: list[Mention], sentence: Sentence | None = None) -> None:
        for mention in mentions:
            if mention.kind == "person":
                bisect.insort(self.seen, (mention.name_start, mention.sentence, mention.key, False))
        if sentence is not None:
            opening = _opening_person(sentence, mentions)
            if opening is not None:
                self.subjects[sentence.index] = opening

    def note_speaker(self, key: str, offset: int, sentence: int) -> None:
        bisect.insort(self.seen, (offset, sentence, key, True))
        self.names.people[key].spoke = True

    def _recent(self, offset: int, sentence: int, pronoun: str | None = None) -> list[tuple[int, int, str, bool]]:
        """What was noted before `offset`, from the last few sentences (and, for a pronoun,
        the last person of its gender however far back): a bounded look back, so a long
        document costs each pronoun the same."""
        end = bisect.bisect_left(self.seen, (offset,))
        start = end
        while start > 0 and end - start < _LOOK_BACK and self.seen[start - 1][1] >= sentence - _SENTENCES_BACK:
            start -= 1
        window = self.seen[start:end]
        if pronoun is not None and not any(self._fits_gender(s[2], pronoun) for s in window):
            k = start - 1
            while k >= 0 and start - k < _LOOK_BACK:
                if self._fits_gender(self.seen[k][2], pronoun):
                    return [self.seen[k]]
                k -= 1
        return window

    def _fits_gender(self, key: str, pronoun: str) -> bool:
        info = self.names.people.get(key)
        return info is None or info.gender is None or info.gender == pronoun

    def resolve_pronoun(self, pronoun: str, offset: int, sentence: int) -> tuple[str | None, str | None]:
        """The person a 'he' or 'she' at `offset` stands for, and a review reason if unsure."""
        before = [s for s in self._recent(offset, sentence, pronoun) if self._fits_gender(s[2], pronoun)]
        if not before:
            return None, f"'{pronoun}': no person named before it"
        here = [s for s in before if s[1] == sentence and not s[3]]
        if here and pronoun in ("he", "she"):
            # "... is led by General Aldo Ferrante, a former army chief, and he said ...":
            # the person named before the pronoun in its own sentence.
            return here[-1][2], None
        subject = self.subjects.get(sentence - 1)
        if (
            subject is not None
            and self._fits_gender(subject, pronoun)
            and not any(s[1] == sentence and s[3] for s in before)
        ):
            # "Viktor Rusk thanked the mediators. He said ...": the sentence before opens with him.
            others = {s[2] for s in before if s[1] >= sentence - 1 and s[2] != subject}
            review = (
                f"'{pronoun}' taken as {subject}, who opens the sentence before; it could be {', '.join(sorted(others))}"
                if others
                else None
            )
            self._learn_gender(subject, pronoun, review)
            return subject, review
        chosen, review = self._last_speaker_or_name(before, pronoun, sentence)
        self._learn_gender(chosen, pronoun, review)
        return chosen, review

    def _last_speaker_or_name(
        self, before: list[tuple[int, int, str, bool]], pronoun: str, sentence: int
    ) -> tuple[str, str | None]:
        """The last speaker of the last few sentences, else the last person named; a review
        reason naming the others it could be."""
        speakers = [s for s in before if s[3] and s[1] >= sentence - 3]
        if speakers:
            chosen = speakers[-1][2]
            others = {s[2] for s in before if s[0] > speakers[-1][0] and s[2] != chosen}
            if others:
                return (
                    chosen,
                    f"'{pronoun}' taken as the last speaker, {chosen}; it could be {', '.join(sorted(others))}",
                )
            return chosen, None
        chosen = before[-1][2]
        candidates = {s[2] for s in before if s[1] >= sentence - 2}
        if len(candidates) > 1:
            return (
                chosen,
                f"'{pronoun}' taken as the last person named, {chosen}; it could be {', '.join(sorted(candidates - {chosen}))}",
            )
        return chosen, None

    def _learn_gender(self, key: str, pronoun: str, review: str | None) -> None:
        """A person a 'he' or 'she' surely stands for has that gender from now on."""
        if pronoun in ("he", "she"):
            info = self.names.people.get(key)
            if info is not None and info.gender is None and review is None:
                info.gender = pronoun

    def last_person_of(self, party: str, offset: int, sentence: int) -> str | None:
        """The person named last before `offset` in the last few sentences whose side is
        `party` or not known."""
        for _position, _sentence, key, _spoke in reversed(self._recent(offset, sentence)):
            info = self.names.people.get(key)
            if info is not None and (not info.hints or any(h.name == party for h in info.hints)):
                return key
        return None

    def resolve_role(self, role: str, offset: int, party: str | None = None) -> tuple[str | None, str | None]:
        """The person 'the minister' (or 'the defence minister') at `offset` stands for."""
        wanted = role_words(role).split()
        if not wanted:
            return None, None
        fits: list[str] = []
        end = bisect.bisect_left(self.seen, (offset,))
        for _position, _sentence, key, _spoke in self.seen[max(0, end - _ROLE_LOOK_BACK) : end]:
            info = self.names.people.get(key)
            if info is None:
                continue
            titles = " ".join(info.titles).lower()
            if all(word.rstrip("s") in titles for word in wanted) and (
                party is None or any(h.name == party for h in info.hints)
            ):
                if key in fits:
                    fits.remove(key)
                fits.append(key)
        if not fits:
            return None, None
        chosen = fits[-1]
        review = f"'{role}' taken as {chosen}; it could be {', '.join(fits[:-1])}" if len(fits) > 1 else None
        return chosen, review


def side_of(names: NameIndex, key: str | None) -> str | None:
    """The side a person's hints name most surely."""
    info = names.people.get(key) if key else None
    if info is None or not info.hints:
        return None
    sure = [h.name for h in info.hints if h.sure] or [h.name for h in info.hints]
    return max(set(sure), key=sure.count)


def _opening_person(sentence: Sentence, mentions: list[Mention]) -> str | None:
    """The person a sentence opens with ("Halden's deputy foreign minister, Viktor Rusk, ...")."""
    persons = [m for m in mentions if m.kind == "person"]
    if not persons:
        return None
    first = persons[0]
    opening = sentence.sub(sentence.start, first.start)
    opening = CONNECTIVES.sub("", opening)
    words = [w for w in re.findall(r"[\w\u2019'-]+", opening)]
    if len(words) <= 6 and not any(c in opening for c in '\u201c\u201d"'):
        return first.key
    return None
