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

This module finds the clauses (`find_reportings`); the subject is found by `subjects`
and `noun_phrases`, what was said by `reported`, against the `discourse` so far.
"""

from __future__ import annotations

import re

from peacebrief.core.draft.discourse import Discourse, Reporting, SpeakerRef
from peacebrief.core.draft.name_words import DETERMINERS
from peacebrief.core.draft.names import NameIndex
from peacebrief.core.draft.noun_phrases import from_mention, is_parenthetical, noun_phrase_ending
from peacebrief.core.draft.reported import clause_end, content_start, reported_content
from peacebrief.core.draft.reporting_words import (
    ADVERBIAL,
    NOT_AFTER,
    OBJECT_LEMMAS,
    PREPOSITIONAL_OBJECT,
    TOLD_OBJECT,
    VERBS,
)
from peacebrief.core.draft.sentence_context import SentenceContext
from peacebrief.core.draft.sentences import Sentence, Token
from peacebrief.core.draft.subjects import subject_left, subject_right
from peacebrief.core.draft.timex import Timex


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
            reporting = _verb(SentenceContext(sentence, mask, names, timexes, discourse), i, found)
        else:
            continue
        if reporting is not None:
            found.append(reporting)
    return found


def _verb(context: SentenceContext, i: int, earlier: list[Reporting]) -> Reporting | None:
    sentence, mask, names, timexes, discourse = context.parts()
    tokens = sentence.tokens
    token = tokens[i]
    lemma = VERBS[token.lower]
    if not _reports_speech(tokens, i, lemma):
        return None
    nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    object_verb = (
        lemma in OBJECT_LEMMAS
        or (lemma, nxt) in PREPOSITIONAL_OBJECT
        and not any(t.outer_start == tokens[i + 1].start for t in timexes)
    )
    left = subject_left(context, i, earlier)
    if left is None:
        right = subject_right(context, i)
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
    reporting.content = reported_content(sentence, mask, reporting, after, what, timexes)
    for ref in speakers:
        if ref.kind == "person":
            discourse.note_speaker(ref.key, a_start, sentence.index)
    near = sentence.sub(a_start, tokens[min(len(tokens) - 1, i + 6)].end)
    if re.search(r"(?i)\b(?:statement|communiqu[e\u00e9]|declaration)\b", near) and all(
        s.kind != "unknown" for s in speakers
    ):
        names.statement_authors = list(speakers)
    return reporting


# After "asked": a request ("asked not to be named", "asked for a pause"), not what was said.
_ASKED_FOR = frozenset({"not", "for", "whether", "if", "about", "him", "her", "them", "me", "us", "the", "a", "an"})


def _reports_speech(tokens: list[Token], i: int, lemma: str) -> bool:
    """Whether the reporting verb at `i` reports what was said where it stands."""
    token = tokens[i]
    prev = tokens[i - 1].lower if i > 0 else ""
    nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    if prev in NOT_AFTER and not token.lower.endswith("ing"):
        return False  # "the reports", "there were reports", "it was said"
    after_next = tokens[i + 2] if i + 2 < len(tokens) else None
    if nxt == "to" and lemma not in ("tell", "reply", "respond") and not _to_listener(lemma, after_next):
        return False  # "promised to", "added to the tension"
    if lemma == "ask" and nxt in _ASKED_FOR:
        return False
    # passive: "was described by", not "said by phone"
    return not (nxt == "by" and (after_next is None or after_next.is_cap or after_next.lower in DETERMINERS))


def _to_listener(lemma: str, token: Token | None) -> bool:
    """'said to the daily Courier', 'said to reporters': a listener, not an infinitive."""
    if token is None or lemma not in ("say", "write", "explain", "state", "declare", "admit", "confirm", "complain"):
        return False
    return token.is_cap or token.lower in DETERMINERS or token.lower in TOLD_OBJECT


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
            if not gap_words or ADVERBIAL.match(gap.strip() + " ") or all(w.lower() in TOLD_OBJECT for w in gap_words):
                return timex
    return None


def _according(sentence: Sentence, i: int, names: NameIndex, discourse: Discourse) -> Reporting | None:
    tokens = sentence.tokens
    k = i + 2
    if k >= len(tokens):
        return None
    found = _according_to_whom(sentence, k, names, discourse)
    if found is None:
        return None
    refs, end = found
    a_start, a_end = tokens[i].start, tokens[end].end
    content = _according_content(sentence, i, end, a_start)
    for ref in refs:
        if ref.kind == "person":
            discourse.note_speaker(ref.key, a_start, sentence.index)
    return Reporting(
        sentence.index, i, tokens[i].start, tokens[i + 1].end, "according", refs, (a_start, a_end), content
    )


def _according_to_whom(
    sentence: Sentence, k: int, names: NameIndex, discourse: Discourse
) -> tuple[list[SpeakerRef], int] | None:
    """The speakers named after 'according to' (from token `k`), and their last token."""
    tokens = sentence.tokens
    mention = names.starting_at(sentence.index, k)
    if mention is not None:
        ref = from_mention(mention, names)
        return ([ref], mention.last) if ref is not None else None
    j = k
    while j < len(tokens) and tokens[j].is_word and j - k < 6 and tokens[j].text != ",":
        j += 1
    found = noun_phrase_ending(sentence, [False] * len(tokens), j - 1, names, discourse) if j > k else None
    if not found:
        return None
    return found[0], j - 1


def _according_content(sentence: Sentence, i: int, end: int, a_start: int) -> tuple[int, int] | None:
    """What 'according to X' (at token `i`, X ending at `end`) attributes: the clause after
    it when it opens the sentence, else the words before it."""
    tokens = sentence.tokens
    content: tuple[int, int] | None = None
    if end + 1 < len(tokens) and tokens[end + 1].text == ",":  # "According to X, who heads ..., the ..."
        j = end + 2
        while j < len(tokens) and tokens[j].text != "," and j - end < 16:
            j += 1
        if j < len(tokens) and is_parenthetical(tokens[end + 2 : j]):
            end = j - 1
    if end + 1 < len(tokens) and tokens[end + 1].text == ",":
        if i == 0 or sentence.sub(sentence.start, a_start).strip() == "":
            content = (tokens[end + 2].start, clause_end(sentence, end + 2)) if end + 2 < len(tokens) else None
    if content is None and i >= 1 and tokens[i - 1].text == ",":
        content = (content_start(sentence), tokens[i - 2].end)
    return content
