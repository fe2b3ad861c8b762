"""Who said it: reporting clauses and the speakers they name.

A reporting clause is a reporting verb ("said", "told", "claimed", "according to"...)
with its subject. The subject is found:

- before the verb: "X said", "X, the minister, said", "X, who was present, said",
  "Kremlin spokesman Dmitry Peskov said", "both Russia and Ukraine described";
- after it: "said X", "said X, the minister";
- after "according to";
- by a pronoun or an office ("she said", "the minister said"): the last person named
  who fits (gender when known, the office's words), preferring the last person who
  spoke; where those two differ the speaker is marked for review;
- or taken over from the clause before ("... said that ..., but noted that ...",
  "..., accusing Putin of duplicity").

The clause also gives what was said (`content`: the words after "that", after the
object of "told", before a trailing attribution "..., Zelenskyy said"), and the time
expression that dates the saying ("said late Tuesday", "on Tuesday said").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Literal

from peacebrief.core.draft.names import (
    DETERMINERS,
    ORG_NOUNS,
    OUTLET_WORDS,
    TITLE_CAPS,
    TITLE_MODIFIERS,
    TITLE_NOUNS,
    Mention,
    NameIndex,
    PersonInfo,
    role_words,
)
from peacebrief.core.draft.sentences import Sentence, Token
from peacebrief.core.draft.timex import Timex

SpeakerKind = Literal["person", "party", "unknown"]

_SAY = """say tell claim insist note confirm warn add stress argue announce state declare acknowledge admit explain
report write suggest maintain reply respond assert allege predict concede emphasise emphasize recall complain
reiterate indicate tweet underline observe remark signal caution contend counter estimate ask read repeat""".split()
_OBJECT = """accuse reject describe call deny dismiss criticise criticize condemn welcome praise hail blame urge brand
term dub label""".split()
_IRREGULAR = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "writing"),
    "admit": ("admits", "admitted", "admitting"),
    "underline": ("underlines", "underlined", "underlining"),
}


def _forms(lemma: str) -> tuple[str, ...]:
    if lemma in _IRREGULAR:
        return (lemma, *_IRREGULAR[lemma])
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return (lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing")
    if lemma.endswith("e"):
        return (lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing")
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return (lemma, lemma + "es", lemma + "ed", lemma + "ing")
    return (lemma, lemma + "s", lemma + "ed", lemma + "ing")


_LOOK_BACK = 64  # mentions a pronoun looks back over
_SENTENCES_BACK = 6
_ROLE_LOOK_BACK = 400  # mentions an office ("the envoy") looks back over

VERBS: dict[str, str] = {form: lemma for lemma in _SAY + _OBJECT for form in _forms(lemma)}
OBJECT_LEMMAS = frozenset(_OBJECT)

PRONOUNS = {"he": "he", "she": "she", "they": "they", "it": "it", "we": "we", "i": "i"}
_SKIP_LEFT = frozenset(
    """also later earlier again reportedly previously then separately publicly repeatedly flatly firmly bluntly once
    has have had would will did does do not never already further recently quickly privately openly angrily
    curtly simply just even still first himself herself itself themselves only""".split()
)
_NOT_AFTER = frozenset(
    {
        "a",
        "an",
        "the",
        "his",
        "her",
        "its",
        "their",
        "these",
        "those",
        "such",
        "any",
        "no",
        "this",
        "that",
        "my",
        "our",
        "your",
        "were",
        "was",
        "is",
        "are",
        "be",
        "been",
        "being",
    }
)
_CONNECTIVES = re.compile(
    r"^(?:However|Meanwhile|But|And|Yet|Still|Separately|Earlier|Later|Moreover|Instead|Also|Indeed|Now|So|On the other hand|In a statement|Nevertheless),?\s+"
)
_ADVERBIAL = re.compile(
    r"(?i)^(?:(?:on|in|at|to|via|during|through|after|before|from|over|with|outside|inside|while)\s+"
    r"(?:an?|the|his|her|their|its|a\s+\w+)?\s*(?:[\w\u2019'-]+\s+){0,3}?"
    r"(?:social\s+media|statement|interview|news\s+conference|press\s+conference|briefing|reporters|journalists|"
    r"television|tv|radio|telegram|x|twitter|facebook|broadcast|address|speech|post|video|message|meeting|parliament|"
    r"summit|conference|talks|session|forum|event|visit|call|letter|email|website|channel|camera|podium|room|hall|"
    r"network|agency|side|council|assembly|media|press|rally|ceremony|remarks|capital)\b[,\s]*)+"
)
_TOLD_OBJECT = frozenset(
    {
        "reporters",
        "journalists",
        "lawmakers",
        "parliament",
        "the",
        "a",
        "an",
        "state",
        "local",
        "national",
        "news",
        "agency",
        "television",
        "radio",
        "broadcaster",
        "the bbc",
        "delegates",
        "diplomats",
        "him",
        "her",
        "them",
        "us",
        "me",
        "colleagues",
        "supporters",
        "officials",
        "correspondents",
        "conference",
        "crowd",
        "audience",
    }
)
# "insisted on the withdrawal", "warned of", "called for": an object, not a clause.
_PREPOSITIONAL_OBJECT = frozenset(
    {
        ("insist", "on"),
        ("warn", "of"),
        ("warn", "against"),
        ("call", "for"),
        ("call", "on"),
        ("complain", "about"),
        ("complain", "of"),
        ("report", "on"),
    }
)
_CONTINUATIONS = frozenset(
    {
        "accusing",
        "adding",
        "saying",
        "noting",
        "warning",
        "insisting",
        "claiming",
        "arguing",
        "calling",
        "describing",
        "stressing",
        "urging",
        "rejecting",
        "denying",
        "blaming",
        "telling",
    }
)


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


def _side_of(names: NameIndex, key: str | None) -> str | None:
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
    opening = _CONNECTIVES.sub("", opening)
    words = [w for w in re.findall(r"[\w\u2019'-]+", opening)]
    if len(words) <= 6 and not any(c in opening for c in '\u201c\u201d"'):
        return first.key
    return None


def find_reportings(
    sentence: Sentence,
    mask: list[bool],
    names: NameIndex,
    timexes: list[Timex],
    discourse: Discourse,
) -> list[Reporting]:
    """Every reporting clause of a sentence, in order, with its speakers resolved."""
    tokens = sentence.tokens
    found: list[Reporting] = []
    if sentence.heading:  # "Upstream states trade accusations": headlines are not clauses
        return found
    for i, token in enumerate(tokens):
        if mask[i] or not token.is_word:
            continue
        word = token.lower
        if word == "according" and i + 1 < len(tokens) and tokens[i + 1].lower == "to":
            reporting = _according(sentence, i, names, discourse)
        elif word in VERBS:
            reporting = _verb(sentence, mask, i, names, timexes, discourse, found)
        else:
            continue
        if reporting is not None:
            found.append(reporting)
    return found


def _verb(
    sentence: Sentence,
    mask: list[bool],
    i: int,
    names: NameIndex,
    timexes: list[Timex],
    discourse: Discourse,
    earlier: list[Reporting],
) -> Reporting | None:
    tokens = sentence.tokens
    token = tokens[i]
    lemma = VERBS[token.lower]
    prev = tokens[i - 1].lower if i > 0 else ""
    nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    if prev in _NOT_AFTER and not token.lower.endswith("ing"):
        return None  # "the reports", "there were reports", "it was said"
    after_next = tokens[i + 2] if i + 2 < len(tokens) else None
    if nxt == "to" and lemma not in ("tell", "reply", "respond") and not _to_listener(lemma, after_next):
        return None  # "promised to", "added to the tension"
    if lemma == "ask" and nxt in (
        "not",
        "for",
        "whether",
        "if",
        "about",
        "him",
        "her",
        "them",
        "me",
        "us",
        "the",
        "a",
        "an",
    ):
        return None  # "asked not to be named", "asked for a pause": a request, not what was said
    if nxt == "by" and (after_next is None or after_next.is_cap or after_next.lower in DETERMINERS):
        return None  # passive: "was described by", not "said by phone"
    object_verb = (
        lemma in OBJECT_LEMMAS
        or (lemma, nxt) in _PREPOSITIONAL_OBJECT
        and not any(t.outer_start == tokens[i + 1].start for t in timexes)
    )
    left = _subject_left(sentence, mask, i, names, timexes, discourse, earlier)
    if left is None:
        right = _subject_right(sentence, mask, i, names, timexes, discourse)
        if right is None:
            return None
        speakers, (a_start, a_end), after = right
        inherited = False
        what = False
    else:
        speakers, (a_start, a_end), inherited, what = left
        after = i + 1
    time = _time_near(sentence, i, a_start, timexes, after)
    reporting = Reporting(
        sentence.index,
        i,
        token.start,
        token.end,
        lemma,
        speakers,
        (a_start, max(a_end, token.end)),
        None,
        time,
        object_verb,
        inherited,
    )
    reporting.content = _content(sentence, mask, reporting, after, what, timexes)
    for ref in speakers:
        if ref.kind == "person":
            discourse.note_speaker(ref.key, a_start, sentence.index)
    near = sentence.sub(a_start, tokens[min(len(tokens) - 1, i + 6)].end)
    if re.search(r"(?i)\b(?:statement|communiqu[e\u00e9]|declaration)\b", near) and all(
        s.kind != "unknown" for s in speakers
    ):
        names.statement_authors = list(speakers)
    return reporting


def _to_listener(lemma: str, token: Token | None) -> bool:
    """'said to the daily Courier', 'said to reporters': a listener, not an infinitive."""
    if token is None or lemma not in ("say", "write", "explain", "state", "declare", "admit", "confirm", "complain"):
        return False
    return token.is_cap or token.lower in DETERMINERS or token.lower in _TOLD_OBJECT


def _time_near(sentence: Sentence, verb: int, a_start: int, timexes: list[Timex], after: int) -> Timex | None:
    tokens = sentence.tokens
    verb_start = tokens[verb].start
    for timex in timexes:
        if a_start <= timex.outer_start and timex.end <= verb_start and "," not in sentence.sub(timex.end, verb_start):
            return timex  # "Zelenskyy on Tuesday said"
    # "said late Tuesday", "told reporters on Tuesday", "said in a statement on Tuesday"
    start = tokens[after].start if after < len(tokens) else sentence.end
    for timex in timexes:
        if sentence.sub(timex.end, timex.end + 2) in ("\u2019s", "'s"):
            continue  # "described Tuesday's session": the session's day, not the saying's
        gap = sentence.sub(start, timex.outer_start) if timex.outer_start >= start else None
        if gap is None:
            continue
        gap_words = gap.split()
        if len(gap_words) <= 5 and not any(
            w.lower().strip(",") in ("that", "and", "but", "was", "is", "were") for w in gap_words
        ):
            if (
                not gap_words
                or _ADVERBIAL.match(gap.strip() + " ")
                or all(w.lower() in _TOLD_OBJECT for w in gap_words)
            ):
                return timex
    return None


def _is_parenthetical(segment: list[Token]) -> bool:
    if not segment or len(segment) > 16:
        return False
    if any(t.text in ("\u201c", "\u201d", '"') for t in segment):
        return False
    first = segment[0]
    if first.lower in ("who", "which", "whose", "whom", "himself", "herself", "also", "speaking", "writing"):
        return True
    words = [t.lower for t in segment]
    if (
        words[:1] == ["for"]
        and words[-1:] == ["part"]
        or words in (["in", "turn"], ["in", "response"], ["however"], ["meanwhile"])
    ):
        return True  # ", for its part," / ", in turn,"
    if (
        first.lower in ("a", "an")
        and len(segment) > 1
        and segment[1].lower in ("member", "former", "veteran", "spokesman", "spokeswoman", "leader", "founder")
    ):
        return True  # ", a member of the opposition Homeland Party,"
    if any(t.lower in VERBS and VERBS[t.lower] in ("say", "tell") for t in segment):
        return False
    if first.lower in DETERMINERS or first.possessive:
        return any(t.lower in TITLE_NOUNS or t.text in TITLE_CAPS or t.lower in ORG_NOUNS for t in segment)
    return any(t.lower in TITLE_NOUNS for t in segment) and not any(
        t.lower in ("is", "was", "are", "were", "has", "had") for t in segment
    )


def _previous_comma(tokens: list[Token], mask: list[bool], k: int) -> int:
    j = k
    while j >= 0:
        if tokens[j].text in (",", ";", ":") and not mask[j]:
            return j if tokens[j].text == "," else -1
        j -= 1
    return -1


def _timex_ending(timexes: list[Timex], offset: int) -> Timex | None:
    for timex in timexes:
        if timex.end == offset:
            return timex
    return None


def _token_before(tokens: list[Token], offset: int) -> int:
    k = len(tokens) - 1
    while k >= 0 and tokens[k].start >= offset:
        k -= 1
    return k


def _subject_left(
    sentence: Sentence,
    mask: list[bool],
    i: int,
    names: NameIndex,
    timexes: list[Timex],
    discourse: Discourse,
    earlier: list[Reporting],
) -> tuple[list[SpeakerRef], tuple[int, int], bool, bool] | None:
    tokens = sentence.tokens
    k = _left_of_timexes(tokens, mask, i - 1, timexes)
    if k < 0 or mask[k]:
        return None
    token = tokens[k]
    verb_token = tokens[i]
    if token.lower in ("and", "but", "or", "then") or (token.text == "," and verb_token.lower in _CONTINUATIONS):
        if earlier:
            speakers = [
                SpeakerRef(s.kind, s.key, s.words, s.how if s.how != "named" else "inherited", s.review)
                for s in earlier[-1].speakers
            ]
            return speakers, (verb_token.start, verb_token.end), True, False
        return None
    named_inside: Mention | None = None
    if token.text == ",":
        named = _named_in_apposition(sentence, mask, k - 1, names, verb_token)
        if named is not None:
            return named
        skipped = _skip_parentheticals(sentence, mask, k - 1, names)
        if skipped is None:
            return None
        k, named_inside = skipped
    refs = _noun_phrase_ending(sentence, mask, k, names, discourse)
    if refs is None:
        who = _relative_before(tokens, mask, k)
        refs = _noun_phrase_ending(sentence, mask, who - 1, names, discourse) if who is not None and who >= 1 else None
    if refs is None:
        return None
    speakers, start_token = refs
    if named_inside is not None and all(r.kind != "person" or r.how == "role" for r in speakers):
        # "The mediator, Lisaran envoy Amara Quell, said": the apposition names the speaker.
        speakers = [SpeakerRef("person", named_inside.key, named_inside.words, "named")]
    what = start_token > 0 and tokens[start_token - 1].lower == "what"
    return speakers, (tokens[start_token].start, verb_token.end), False, what


def _left_of_timexes(tokens: list[Token], mask: list[bool], k: int, timexes: list[Timex]) -> int:
    """The token before a reporting verb at `k + 1`, past skippable words and up to four
    time expressions ("said on Tuesday", "Officials on Monday said")."""
    for _ in range(4):
        while k >= 0 and tokens[k].lower in _SKIP_LEFT and not mask[k]:
            k -= 1
        timex = _timex_ending(timexes, tokens[k].end) if k >= 0 else None
        if timex is None:
            break
        k = _token_before(tokens, timex.outer_start)
    return k


def _named_in_apposition(
    sentence: Sentence, mask: list[bool], k: int, names: NameIndex, verb_token: Token
) -> tuple[list[SpeakerRef], tuple[int, int], bool, bool] | None:
    """ "Norrholm's transport minister, Birte Aalund, said": the name (ending at `k`) is the apposition."""
    tokens = sentence.tokens
    whole = names.ending_at(sentence.index, k) if k >= 0 else None
    if whole is None or whole.kind != "person":
        return None
    comma_before = _previous_comma(tokens, mask, k)
    if _token_index(tokens, whole.start) <= comma_before + 1:
        return [SpeakerRef("person", whole.key, whole.words, "named")], (whole.start, verb_token.end), False, False
    if comma_before >= 0 and _NAMING_BEFORE.search(sentence.sub(tokens[comma_before].end, whole.start)):
        # "Its spokesman, a man who goes by the name Captain Varo, told me"
        return (
            [SpeakerRef("person", whole.key, whole.words, "named")],
            (tokens[comma_before + 1].start, verb_token.end),
            False,
            False,
        )
    return None


def _skip_parentheticals(
    sentence: Sentence, mask: list[bool], k: int, names: NameIndex
) -> tuple[int, Mention | None] | None:
    """Back over up to three parenthetical segments ending at `k` (', who ... ,'): the token
    before them and the last person named inside one; None when there is none to skip."""
    tokens = sentence.tokens
    named_inside: Mention | None = None
    skipped = 0
    while k >= 0 and skipped < 3:
        comma = _previous_comma(tokens, mask, k)
        segment = tokens[comma + 1 : k + 1]
        if comma >= 0 and _is_parenthetical(segment):
            inside = [
                m
                for m in names.in_sentence(sentence.index)
                if m.kind == "person" and segment[0].start <= m.start and m.end <= segment[-1].end
            ]
            if inside and named_inside is None:
                named_inside = inside[-1]
            k = comma - 1
            skipped += 1
            continue
        if comma < 0 and _is_parenthetical(segment) and segment[0].lower in ("who", "which"):
            return None
        break
    if skipped == 0 or k < 0:
        return None
    return k, named_inside


def _relative_before(tokens: list[Token], mask: list[bool], k: int) -> int | None:
    """'a Calder diplomat who has worked on the file told me': the 'who' whose clause ends
    at `k`, with no comma or quotation mark between."""
    for j in range(k, max(-1, k - 12), -1):
        if mask[j] or tokens[j].text in (",", ";", ":", "(", ")"):
            return None
        if tokens[j].lower == "who":
            return j
    return None


def _noun_phrase_ending(
    sentence: Sentence, mask: list[bool], k: int, names: NameIndex, discourse: Discourse
) -> tuple[list[SpeakerRef], int] | None:
    """The speaker(s) named by the noun phrase that ends at token `k`, and where it starts."""
    tokens = sentence.tokens
    token = tokens[k]
    if token.lower in PRONOUNS:
        if k > 0 and tokens[k - 1].lower in ("to", "with", "for", "by", "of", "that"):
            return None
        return [_pronoun(token, sentence, discourse)], k
    if token.lower in ("who", "which") and k >= 2 and tokens[k - 1].text == ",":
        found = _noun_phrase_ending(sentence, mask, k - 2, names, discourse)
        return (found[0], found[1]) if found else None
    mention = names.ending_at(sentence.index, k)
    if mention is not None:
        return _office_holder_of(sentence, mention, names) or _named_mentions(sentence, mask, mention, names)
    j = _member_preposition(tokens, mask, k)
    if j is not None:
        return _member_of(sentence, mask, j, k, names, discourse)
    if token.lower in TITLE_NOUNS or token.lower in ORG_NOUNS:
        return _role_phrase(sentence, mask, k, names, discourse)
    if token.lower in STATEMENT_NOUNS or token.lower in DOCUMENT_NOUNS:
        return _document(sentence, k, names)
    return None


def _office_holder_of(sentence: Sentence, mention: Mention, names: NameIndex) -> tuple[list[SpeakerRef], int] | None:
    """ "President Ilse Marrow of Arvania said": the person before 'of' and a side."""
    tokens = sentence.tokens
    if (
        mention.kind not in ("party", "org", "unknown", "place")
        or mention.first < 2
        or tokens[mention.first - 1].lower != "of"
    ):
        return None
    holder = names.ending_at(sentence.index, mention.first - 2)
    if holder is None or holder.kind != "person":
        return None
    info = names.people.get(holder.key)
    if info is not None and mention.hints:
        info.hints.extend(mention.hints)
    return [SpeakerRef("person", holder.key, holder.words, "named")], holder.first


def _named_mentions(
    sentence: Sentence, mask: list[bool], mention: Mention, names: NameIndex
) -> tuple[list[SpeakerRef], int] | None:
    """The names ending with `mention`, joined by 'and' or commas ('both Arvania and Kessland')."""
    tokens = sentence.tokens
    mentions = [mention]
    first = mention.first
    while first >= 2 and tokens[first - 1].lower in ("and", ",") and not mask[first - 1]:
        other = names.ending_at(sentence.index, first - 2)
        if other is None or other.kind not in ("person", "party"):
            break
        mentions.insert(0, other)
        first = other.first
    if first >= 1 and tokens[first - 1].lower == "both":
        first -= 1
    found_refs = [_from_mention(m, names) for m in mentions]
    start = min(first, _token_index(tokens, mentions[0].start))
    if any(r is None for r in found_refs):
        return None
    return [r for r in found_refs if r is not None], start


def _member_preposition(tokens: list[Token], mask: list[bool], k: int) -> int | None:
    """ "Officials from the river commission": the 'from' (or of, at, for) after an office or a
    body, within five words before `k`."""
    for j in range(k - 1, max(-1, k - 6), -1):
        if (
            tokens[j].lower in ("from", "of", "at", "for")
            and j >= 1
            and (tokens[j - 1].lower in TITLE_NOUNS or tokens[j - 1].lower in ORG_NOUNS)
        ):
            return j
        if not tokens[j].is_word or mask[j]:
            return None
    return None


def _member_of(
    sentence: Sentence, mask: list[bool], j: int, k: int, names: NameIndex, discourse: Discourse
) -> tuple[list[SpeakerRef], int] | None:
    """The role before the preposition at `j`, speaking for what follows it, up to `k`."""
    tokens = sentence.tokens
    token = tokens[k]
    side = next(
        (
            m
            for m in names.in_sentence(sentence.index)
            if m.kind == "party" and tokens[j].end <= m.start and m.end <= token.end
        ),
        None,
    )
    if side is not None and token.lower in ORG_NOUNS:
        # "a senior member of the Kaspian delegation": the delegation's side
        found = _role_phrase(sentence, mask, j - 1, names, discourse)
        start = found[1] if found else j - 1
        return [SpeakerRef("party", side.key, sentence.sub(tokens[start].start, token.end), "party")], start
    found = _role_phrase(sentence, mask, j - 1, names, discourse)
    if found is None:
        return None
    refs, start = found
    words = sentence.sub(tokens[start].start, token.end)
    return [
        SpeakerRef(
            r.kind,
            r.key if r.kind != "unknown" else words,
            words if r.kind == "unknown" else r.words,
            r.how,
            f"speaker '{words}': assign the party it speaks for" if r.kind == "unknown" else r.review,
        )
        for r in refs
    ], start


# What a statement is called: "the statement said" speaks for whoever issued the last one.
STATEMENT_NOUNS = frozenset({"statement", "communique", "communiqu\u00e9", "declaration"})
# Texts that speak without an author in the sentence: "the proposal said", "the draft reads".
DOCUMENT_NOUNS = frozenset(
    {
        "proposal",
        "draft",
        "document",
        "text",
        "letter",
        "report",
        "plan",
        "resolution",
        "memo",
        "banner",
        "placard",
        "sign",
        "leaflet",
        "note",
    }
)


def _document(sentence: Sentence, k: int, names: NameIndex) -> tuple[list[SpeakerRef], int] | None:
    tokens = sentence.tokens
    j = k
    while (
        j - 1 >= 0
        and tokens[j - 1].is_word
        and not tokens[j - 1].is_cap
        and tokens[j - 1].lower not in DETERMINERS
        and k - j < 3
    ):
        j -= 1
    if j - 1 >= 0 and tokens[j - 1].lower in DETERMINERS:
        j -= 1
    words = sentence.sub(tokens[j].start, tokens[k].end)
    if tokens[k].lower in STATEMENT_NOUNS and names.statement_authors and tokens[j].lower in ("the", "its", "their"):
        return [SpeakerRef(s.kind, s.key, s.words, "statement", s.review) for s in names.statement_authors], j
    return [
        SpeakerRef(
            "unknown", words, words, "document", f"speaker '{words}': a document with no author named; assign one"
        )
    ], j


def _last_party(names: NameIndex, sentence: int, before: int) -> str | None:
    """The side a sentence's 'it' or 'its' stands for: the last party named before it in
    the sentence, else the first party of the sentence before (its subject)."""
    here = [m for m in names.in_sentence(sentence) if m.kind == "party" and m.end <= before]
    if here:
        return here[-1].key
    for back in (sentence - 1, sentence - 2):
        earlier = [m for m in names.in_sentence(back) if m.kind == "party"]
        if earlier:
            return earlier[0].key
    return None


def _token_index(tokens: list[Token], offset: int) -> int:
    """The first token at or after `offset` (the last token if none)."""
    lo, hi = 0, len(tokens)
    while lo < hi:
        mid = (lo + hi) // 2
        if tokens[mid].start < offset:
            lo = mid + 1
        else:
            hi = mid
    return lo if lo < len(tokens) else len(tokens) - 1


def _from_mention(mention: Mention, names: NameIndex) -> SpeakerRef | None:
    if mention.kind == "person":
        how = "named" if mention.words == mention.key else "surname"
        return SpeakerRef("person", mention.key, mention.words, how)
    if mention.kind == "party":
        return SpeakerRef("party", mention.key, mention.words, "party")
    if mention.kind == "unknown" and " " not in mention.words:
        # A single name never given in full ("Varga said"): a person of that name.
        names.people.setdefault(mention.words, PersonInfo(mention.words, strong=True, first_offset=mention.start))
        mention.kind, mention.key = "person", mention.words
        return SpeakerRef("person", mention.words, mention.words, "named")
    if mention.kind == "org" and _speaking_body(mention.words):
        # "the Helder Foundation said": the body speaks as a side of its own (its record
        # asks for its role); an outlet or a group of people does not.
        return SpeakerRef("party", mention.words, mention.words, "organisation")
    if mention.kind == "org":
        return SpeakerRef(
            "unknown",
            mention.words,
            mention.words,
            "party",
            f"speaker '{mention.words}' is an organisation: assign its party",
        )
    return None


# The last word of a body that speaks for itself: "the Coastal Union", "the Helder Foundation".
BODY_WORDS = frozenset(
    """Union Foundation Council Commission Committee Organisation Organization Alliance Movement Front Party Agency
    Mission Federation Coalition Forum Group Order Assembly Initiative Society Trust Secretariat Authority Court Bank
    Fund Programme Program Cross Crescent League Association Institute Centre Center Office""".split()
)


def _speaking_body(words: str) -> bool:
    parts = words.split()
    return len(parts) >= 2 and parts[-1] in BODY_WORDS and parts[-1] not in OUTLET_WORDS


def _pronoun(token: Token, sentence: Sentence, discourse: Discourse) -> SpeakerRef:
    pronoun = PRONOUNS[token.lower]
    if pronoun == "it":
        party = _last_party(discourse.names, sentence.index, token.start)
        if party is not None:
            return SpeakerRef("party", party, token.text, "pronoun")
    if pronoun not in ("he", "she"):
        return SpeakerRef("unknown", token.text, token.text, "pronoun", f"speaker '{token.text}': decide who is meant")
    key, review = discourse.resolve_pronoun(pronoun, token.start, sentence.index)
    if key is None:
        return SpeakerRef(
            "unknown", token.text, token.text, "pronoun", review or f"speaker '{token.text}': decide who is meant"
        )
    return SpeakerRef("person", key, token.text, "pronoun", review)


def _role_phrase(
    sentence: Sentence, mask: list[bool], k: int, names: NameIndex, discourse: Discourse
) -> tuple[list[SpeakerRef], int] | None:
    """'the minister', 'a Kremlin official', "the Lisaran foreign ministry", 'officials'."""
    tokens = sentence.tokens
    j, mention = _role_start(sentence, mask, k, names)
    party = mention.key if mention is not None and mention.kind == "party" else None
    determiner = tokens[j - 1].lower if j >= 1 else ""
    head = tokens[k].lower
    if party is None and determiner in ("its", "their") and head in ORG_NOUNS:
        party = _last_party(names, sentence.index, tokens[j - 1].start)  # "its foreign ministry said"
    if party is None and determiner in ("his", "her") and head in ORG_NOUNS:
        found = _personal_office(sentence, j, k, determiner, names, discourse)
        if found is not None:
            return found
    if determiner in DETERMINERS or determiner in ("both", "two", "three", "several", "some", "many"):
        j -= 1
    words = sentence.sub(tokens[j].start, tokens[k].end)
    if determiner == "the" and head in TITLE_NOUNS and not head.endswith("s"):
        found = _the_role(sentence, j, k, words, mention, party, discourse)
        if found is not None:
            return found
    if party is not None:
        return [SpeakerRef("party", party, words, "party")], j
    if head in ORG_NOUNS or head in ("official", "officials", "diplomats", "negotiators", "delegates", "aides"):
        return [SpeakerRef("unknown", words, words, "party", f"speaker '{words}': assign the party it speaks for")], j
    if determiner == "the" and head in TITLE_NOUNS:
        return [
            SpeakerRef("unknown", words, words, "role", f"speaker '{words}': no person with that office named before")
        ], j
    return None


def _role_start(sentence: Sentence, mask: list[bool], k: int, names: NameIndex) -> tuple[int, Mention | None]:
    """Where the role phrase ending at `k` starts (before its determiner), and the name just
    before its words in lower case, if any ('the Lisaran foreign ministry')."""
    tokens = sentence.tokens
    j = k
    while (
        j - 1 >= 0
        and not mask[j - 1]
        and (
            tokens[j - 1].lower in TITLE_NOUNS
            or tokens[j - 1].lower in TITLE_MODIFIERS
            or tokens[j - 1].lower in ORG_NOUNS
        )
        and not tokens[j - 1].is_cap
    ):
        j -= 1
    mention = names.ending_at(sentence.index, j - 1) if j >= 1 else None
    if mention is not None and mention.kind == "party":
        j = mention.first
    elif (
        j >= 1
        and tokens[j - 1].possessive
        and tokens[j - 1].lower in ("country\u2019s", "country's", "government\u2019s", "government's")
    ):
        j -= 1
    if (
        mention is None
        and j >= 2
        and tokens[j - 1].is_word
        and not tokens[j - 1].is_cap
        and tokens[j - 2].lower in ("the", "a", "an")
    ):
        j -= 1  # "the river commission"
    return j, mention


def _personal_office(
    sentence: Sentence, j: int, k: int, determiner: str, names: NameIndex, discourse: Discourse
) -> tuple[list[SpeakerRef], int] | None:
    """'Her office said': the office speaks for her; 'his ministry said': for his side."""
    tokens = sentence.tokens
    holder, review = discourse.resolve_pronoun(
        "he" if determiner == "his" else "she", tokens[j - 1].start, sentence.index
    )
    words = sentence.sub(tokens[j - 1].start, tokens[k].end)
    if holder is not None and tokens[k].lower == "office":
        return [SpeakerRef("person", holder, words, "pronoun", review)], j - 1
    side = _side_of(names, holder)
    if side is not None:
        return [SpeakerRef("party", side, words, "party", review)], j - 1
    return None


def _the_role(
    sentence: Sentence,
    j: int,
    k: int,
    words: str,
    mention: Mention | None,
    party: str | None,
    discourse: Discourse,
) -> tuple[list[SpeakerRef], int] | None:
    """'the minister', 'the Dornian envoy': one person, the one the office was last given to."""
    tokens = sentence.tokens
    role_from = mention.last + 1 if mention is not None and mention.kind == "party" else j + 1
    role = sentence.sub(tokens[role_from].start, tokens[k].end)
    key, review = discourse.resolve_role(role, tokens[j].start, party)
    if key is None and party is not None:
        # "the Dornian envoy": one person of that side, never the side itself; the
        # person of that side (or of no known side) named last, to check.
        key = discourse.last_person_of(party, tokens[j].start, sentence.index)
        review = f"'{words}' taken as {key}, the last person of {party} named before" if key else None
    if key is not None:
        return [SpeakerRef("person", key, words, "role", review)], j
    if party is not None:
        return [
            SpeakerRef(
                "unknown", words, words, "role", f"speaker '{words}': no person of {party} named before; assign one"
            )
        ], j
    return None


def _subject_right(
    sentence: Sentence, mask: list[bool], i: int, names: NameIndex, timexes: list[Timex], discourse: Discourse
) -> tuple[list[SpeakerRef], tuple[int, int], int] | None:
    """'said X', 'said X, the minister', 'said she'."""
    tokens = sentence.tokens
    k = i + 1
    while k < len(tokens) and tokens[k].lower in _SKIP_LEFT:
        k += 1
    for timex in timexes:
        if k < len(tokens) and timex.outer_start == tokens[k].start:
            k = _token_index(tokens, timex.end)
    if k >= len(tokens) or mask[k]:
        return None
    token = tokens[k]
    if token.lower in ("he", "she"):
        return [_pronoun(token, sentence, discourse)], (tokens[i].start, token.end), k + 1
    mention = _named_after(sentence, mask, k, names)
    if mention is None:
        return None
    if tokens[i - 1].text not in (",", "\u201d", '"') and not (i >= 2 and tokens[i - 2].text in ("\u201d", '"')):
        # "said X" only where the verb follows the quote or a comma: not "he said Putin ..."
        return None
    if _finite_verb_after(tokens, mention.last + 1):
        return None  # "said Kervo had given away ...": the name opens what was said
    ref = _from_mention(mention, names)
    if ref is None:
        return None
    end = _apposition_end(tokens, mention.last + 1)
    return [ref], (tokens[i].start, tokens[min(end, len(tokens)) - 1].end), end


def _named_after(sentence: Sentence, mask: list[bool], k: int, names: NameIndex) -> Mention | None:
    """The person, party or unknown speaker named at token `k`, after a reporting verb."""
    tokens = sentence.tokens
    mention = None
    for candidate in names.in_sentence(sentence.index):
        if candidate.first <= k <= candidate.last and candidate.kind in ("person", "party", "unknown"):
            mention = candidate
            break
    if mention is None or mention.kind == "party" and not tokens[mention.last].possessive:
        # "said opposition lawmaker Mila Stenberg", "said Sarnese mediator Ilya Brandt"
        mention = _titled_after(sentence, mask, k, names) or mention
    if mention is not None and mention.kind == "party" and tokens[mention.last].possessive:
        # "said Talvar's deputy foreign minister, Helena Brook": the office holder named after it
        j = mention.last + 1
        while j < len(tokens) and j - mention.last < 6 and tokens[j].is_word and not tokens[j].is_cap:
            j += 1
        if j < len(tokens) and tokens[j].text == ",":
            holder = names.starting_at(sentence.index, j + 1)
            if holder is not None and holder.kind == "person":
                mention = holder
    return mention


def _apposition_end(tokens: list[Token], end: int) -> int:
    """Past ', the minister,' after a name ending before `end`, if one follows."""
    if end < len(tokens) and tokens[end].text == ",":
        comma = end
        j = comma + 1
        while j < len(tokens) and tokens[j].text not in (",", ".", ";") and j - comma < 12:
            j += 1
        if _is_parenthetical(tokens[comma + 1 : j]):
            return j
    return end


_NAMING_BEFORE = re.compile(
    r"(?i)\b(?:the name(?: of)?|named|called|known as|dubbed|nicknamed|calls (?:himself|herself))\s*$"
)
_FINITE = frozenset(
    """had has have was is were are would will could can may might must should did does shall
    gave made took went kept got""".split()
)


def _finite_verb_after(tokens: list[Token], k: int) -> bool:
    """A verb right after a name: the name is the subject of a clause of its own."""
    if k >= len(tokens) or not tokens[k].is_word or tokens[k].is_cap:
        return False
    word = tokens[k].lower
    return word in _FINITE or (word.endswith("ed") and len(word) > 4 and word not in _SKIP_LEFT)


def _titled_after(sentence: Sentence, mask: list[bool], k: int, names: NameIndex) -> Mention | None:
    """A person named after an office in lower case, right after a reporting verb: 'said
    opposition lawmaker Mila Stenberg', 'said the Dornian envoy, Samir Haddad'."""
    tokens = sentence.tokens
    j = k
    office = False
    while j < len(tokens) and j - k < 6 and not mask[j] and tokens[j].is_word:
        if names.starting_at(sentence.index, j) is not None and tokens[j].is_cap:
            mention = names.starting_at(sentence.index, j)
            if mention is not None and mention.kind == "person" and office:
                return mention
            if mention is not None and mention.kind == "party" and not tokens[mention.last].possessive:
                j = mention.last + 1  # "said Dornian envoy Samir Haddad"
                continue
            return None
        if tokens[j].lower in TITLE_NOUNS:
            office = True
        elif not (tokens[j].lower in TITLE_MODIFIERS or tokens[j].lower in DETERMINERS or not tokens[j].is_cap):
            return None
        j += 1
    if office and j < len(tokens) and tokens[j].text == "," and j + 1 < len(tokens):
        mention = names.starting_at(sentence.index, j + 1)
        if mention is not None and mention.kind == "person":
            return mention
    return None


def _according(sentence: Sentence, i: int, names: NameIndex, discourse: Discourse) -> Reporting | None:
    tokens = sentence.tokens
    k = i + 2
    if k >= len(tokens):
        return None
    mention = names.starting_at(sentence.index, k)
    refs: list[SpeakerRef] = []
    end = k
    if mention is not None:
        ref = _from_mention(mention, names)
        if ref is None:
            return None
        refs, end = [ref], mention.last
    else:
        j = k
        while j < len(tokens) and tokens[j].is_word and j - k < 6 and tokens[j].text != ",":
            j += 1
        found = _noun_phrase_ending(sentence, [False] * len(tokens), j - 1, names, discourse) if j > k else None
        if not found:
            return None
        refs, end = found[0], j - 1
    a_start, a_end = tokens[i].start, tokens[end].end
    content: tuple[int, int] | None = None
    if end + 1 < len(tokens) and tokens[end + 1].text == ",":  # "According to X, who heads ..., the ..."
        j = end + 2
        while j < len(tokens) and tokens[j].text != "," and j - end < 16:
            j += 1
        if j < len(tokens) and _is_parenthetical(tokens[end + 2 : j]):
            end = j - 1
    if end + 1 < len(tokens) and tokens[end + 1].text == ",":
        if i == 0 or sentence.sub(sentence.start, a_start).strip() == "":
            content = (tokens[end + 2].start, _clause_end(sentence, end + 2)) if end + 2 < len(tokens) else None
    if content is None and i >= 1 and tokens[i - 1].text == ",":
        content = (_content_start(sentence), tokens[i - 2].end)
    for ref in refs:
        if ref.kind == "person":
            discourse.note_speaker(ref.key, a_start, sentence.index)
    return Reporting(
        sentence.index, i, tokens[i].start, tokens[i + 1].end, "according", refs, (a_start, a_end), content
    )


def _content_start(sentence: Sentence) -> int:
    match = _CONNECTIVES.match(sentence.text)
    return sentence.start + (match.end() if match else 0)


def _clause_end(sentence: Sentence, k: int) -> int:
    """Where what was said ends: the sentence's end, or before a clause of its own
    (', accusing Putin', ', but noted that', ' and has rejected')."""
    tokens = sentence.tokens
    j = k
    while j < len(tokens):
        token = tokens[j]
        if token.text == ";":
            return tokens[j - 1].end
        if token.text == "," and j + 1 < len(tokens) and tokens[j + 1].lower in _CONTINUATIONS:
            return tokens[j - 1].end
        if token.lower in ("and", "but") and j > k:
            m = j + 1
            while m < len(tokens) and tokens[m].lower in _SKIP_LEFT:
                m += 1
            if (
                m < len(tokens)
                and tokens[m].lower in VERBS
                and tokens[m + 1 if m + 1 < len(tokens) else m].lower != "to"
            ):
                end = j - 1
                if tokens[end].text == ",":
                    end -= 1
                return tokens[end].end
        j += 1
    end = len(tokens) - 1
    while (
        end >= k
        and not tokens[end].is_word
        and not tokens[end].text[0].isdigit()
        and tokens[end].text not in ("\u201d", '"', ")")
    ):
        end -= 1
    return tokens[end].end if end >= k else tokens[k].end


def _content(
    sentence: Sentence, mask: list[bool], reporting: Reporting, after: int, what: bool, timexes: list[Timex]
) -> tuple[int, int] | None:
    """Where what was reported stands in the sentence, the reporting verb ending before `after`."""
    tokens = sentence.tokens
    k = after
    if reporting.lemma == "tell":  # told reporters / told the BBC / told state television
        k = _past_told_object(tokens, k)
    k = _past_adverbials(sentence, k, timexes)
    if k < len(tokens) and tokens[k].lower == "that":
        k += 1
    if what:
        for m in range(k, min(k + 3, len(tokens))):
            if tokens[m].lower in ("is", "was", "are", "were"):
                k = m + 1
                break
    if reporting.object_verb:
        if reporting.verb + 1 >= len(tokens):
            return None
        start = reporting.attribution[0] if not reporting.inherited else reporting.verb_start
        return start, _clause_end(sentence, reporting.verb)
    right_words = [t for t in tokens[k:] if t.is_word]
    starts_clause = (
        k < len(tokens) and tokens[k].text not in (",", ".", "\u201d", '"', ";", ")") and len(right_words) >= 3
    )
    if starts_clause:
        return tokens[k].start, _clause_end(sentence, k)
    return _before_attribution(sentence, reporting)


def _past_told_object(tokens: list[Token], k: int) -> int:
    """Past whom it was told to: 'reporters', 'the BBC', 'state television'."""
    m = k
    while m < len(tokens) and m - k < 4 and tokens[m].is_word and tokens[m].lower != "that":
        word = tokens[m]
        following = tokens[m + 1] if m + 1 < len(tokens) else None
        if word.lower in ("the", "a", "an", "state", "local", "national"):
            if following is None or not (following.is_cap or following.lower in _TOLD_OBJECT):
                break
        elif not (word.lower in _TOLD_OBJECT or word.is_cap):
            break
        m += 1
    return m


def _past_adverbials(sentence: Sentence, k: int, timexes: list[Timex]) -> int:
    """Past up to four time expressions and adverbials that open what was said."""
    tokens = sentence.tokens
    for _ in range(4):
        moved = False
        for timex in timexes:
            if k < len(tokens) and timex.outer_start == tokens[k].start:
                k = _token_index(tokens, timex.end) if timex.end < tokens[-1].end else len(tokens)
                moved = True
        if k < len(tokens):
            rest = sentence.sub(tokens[k].start, sentence.end)
            match = _ADVERBIAL.match(rest)
            if match and match.end() > 0:
                k = _token_index(tokens, tokens[k].start + match.end())
                if tokens[k].start < tokens[0].start + 0:
                    break
                moved = True
        if not moved:
            break
    return k


def _before_attribution(sentence: Sentence, reporting: Reporting) -> tuple[int, int] | None:
    """A trailing attribution: "..., Zelenskyy said." / "..., Rustem Umerov, ..., said on social media."."""
    a_start = reporting.attribution[0]
    before = sentence.sub(sentence.start, a_start).rstrip()
    if before.endswith(",") and len(before.split()) >= 3 and not any(c in before for c in '\u201c\u201d"'):
        start = _content_start(sentence)
        end = sentence.start + len(before) - 1
        while end > start and sentence.text[end - 1 - sentence.start].isspace():
            end -= 1
        if end > start:
            return start, end
    return None


def _set_off(tokens: list[Token], mention: Mention) -> bool:
    """', Elin Varg, summed it up': a name between commas, a verb after it."""
    before, after = mention.first - 1, mention.last + 1
    return (
        before >= 0
        and tokens[before].text == ","
        and after + 1 < len(tokens)
        and tokens[after].text == ","
        and tokens[after + 1].is_word
        and not tokens[after + 1].is_cap
    )


def colon_reporting(
    sentence: Sentence, mask: list[bool], colon_at: int, names: NameIndex, discourse: Discourse
) -> Reporting | None:
    """'X was blunter: “...”': the subject at the start of the clause before the colon."""
    tokens = sentence.tokens
    k = _colon_clause_start(tokens, mask, colon_at)
    if k >= len(tokens) or tokens[k].start >= colon_at:
        return None
    found = _colon_subject(sentence, mask, k, colon_at, names, discourse)
    if found is None:
        return None
    refs, end = found
    for ref in refs:
        if ref.kind == "person":
            discourse.note_speaker(ref.key, tokens[k].start, sentence.index)
    return Reporting(sentence.index, end, tokens[k].start, tokens[end].end, ":", refs, (tokens[k].start, colon_at))


def _colon_clause_start(tokens: list[Token], mask: list[bool], colon_at: int) -> int:
    """The first token of the clause before the colon, past 'however', 'meanwhile' and the like."""
    clause_start = 0
    for k, token in enumerate(tokens):
        if token.start >= colon_at:
            break
        if token.text == ";" and not mask[k]:
            clause_start = k + 1
    k = clause_start
    while (
        k < len(tokens)
        and tokens[k].start < colon_at
        and (
            tokens[k].text in (",",)
            or tokens[k].lower
            in ("however", "meanwhile", "but", "and", "yet", "still", "separately", "asked", "later", "earlier")
        )
    ):
        k += 1
    return k


def _colon_subject(
    sentence: Sentence, mask: list[bool], k: int, colon_at: int, names: NameIndex, discourse: Discourse
) -> tuple[list[SpeakerRef], int] | None:
    """The speakers of a clause that starts at `k` and ends at a colon, and their last token."""
    tokens = sentence.tokens
    if tokens[k].lower in ("he", "she"):
        return [_pronoun(tokens[k], sentence, discourse)], k
    candidates = [
        m
        for m in names.in_sentence(sentence.index)
        if m.start >= tokens[k].start and m.end <= colon_at and m.kind in ("person", "party", "unknown", "org")
    ]
    candidates.sort(key=lambda m: (m.start, m.kind != "person"))
    found = _colon_opening(sentence, mask, k, candidates, names, discourse)
    if not (found and found[0]):
        found = _after_last_comma(sentence, mask, k, colon_at, names, discourse)
    if not (found and found[0]):
        # "A shopkeeper I spoke to, Elin Varg, summed it up:": the name set off by commas
        appositive = [m for m in candidates if m.kind == "person" and _set_off(tokens, m)]
        if appositive:
            found = [SpeakerRef("person", appositive[0].key, appositive[0].words, "named")], appositive[0].last
    return found if found and found[0] else None


def _colon_opening(
    sentence: Sentence,
    mask: list[bool],
    k: int,
    candidates: list[Mention],
    names: NameIndex,
    discourse: Discourse,
) -> tuple[list[SpeakerRef], int] | None:
    """A name opening the clause, or a role ('the minister', 'its foreign ministry')."""
    tokens = sentence.tokens
    if candidates and _token_index(tokens, candidates[0].start) <= k + 1:
        ref = _from_mention(candidates[0], names)
        return ([ref], candidates[0].last) if ref is not None else None
    if tokens[k].lower in ("the", "its", "their", "his", "her"):
        j = k + 1
        while j < len(tokens) and (
            tokens[j].lower in TITLE_MODIFIERS or tokens[j].lower in TITLE_NOUNS or tokens[j].lower in ORG_NOUNS
        ):
            j += 1
        if j > k + 1:
            found = _role_phrase(sentence, mask, j - 1, names, discourse)
            if found:
                return found[0], j - 1
    return None


def _after_last_comma(
    sentence: Sentence, mask: list[bool], k: int, colon_at: int, names: NameIndex, discourse: Discourse
) -> tuple[list[SpeakerRef], int] | None:
    """ "Asked whether ..., she smiled:": the subject after the clause's last comma."""
    tokens = sentence.tokens
    commas = [j for j in range(k, len(tokens)) if tokens[j].start < colon_at and tokens[j].text == "," and not mask[j]]
    after = commas[-1] + 1 if commas else None
    if after is None or after >= len(tokens) or tokens[after].start >= colon_at:
        return None
    if tokens[after].lower in ("he", "she"):
        return [_pronoun(tokens[after], sentence, discourse)], after
    subject = names.starting_at(sentence.index, after)
    if subject is not None and subject.kind in ("person", "party") and subject.end <= colon_at:
        ref = _from_mention(subject, names)
        if ref is not None:
            return [ref], subject.last
    return None
