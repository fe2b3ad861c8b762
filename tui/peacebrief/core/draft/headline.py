"""An event's title written as a headline: who does what, in the present tense.

A dated clause ("KERVO (Meridian Press) - Belmora on Friday handed control of the dam to a
joint commission, ending ...") becomes "Belmora hands control of the dam to a joint
commission". The clause is read as tokens:

- what is no part of the event is left out: a dateline ("KERVO (Meridian Press) -"),
  words in brackets, the time expression, a leading adverbial ("After two days of talks,",
  "However,"), an apposition set off by commas ("Oskar Lind, the minister,"), quoted words
  that open or close the clause, and what follows a break (", which", ", after", "; ");
- the subject loses its article; the first verb group after it is put in headline form:
  a past or perfect form in the present ("handed", "has agreed" -> "hands", "agrees"), a
  future or a plan as "to" and the verb ("will meet", "is due to arrive" -> "to meet",
  "to arrive"), a passive as its participle ("was postponed" -> "postponed");
- the result is at most `LIMIT` characters, cut before a word (at a preposition where one
  is near), never inside one, and never ending on a word such as "of" or "the".

A clause with no verb group to rewrite keeps its words, cleaned the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from peacebrief.core.draft.sentences import Sentence, Token
from peacebrief.core.draft.verb_forms import ADVERBS, BE, DO, FUTURE, HAVE, MODAL, is_participle, is_past, verb_group

LIMIT = 72


_LEADS = frozenset(
    """after before on in at during following since when while as despite under with without amid over by from
    for until earlier later then meanwhile however but and yet so separately elsewhere overall instead where
    if although though once""".split()
)


_BREAK_WORDS = frozenset(
    {
        "which",
        "who",
        "whose",
        "after",
        "while",
        "as",
        "but",
        "because",
        "although",
        "though",
        "whereas",
        "where",
        "when",
        "amid",
        "despite",
    }
)


_TRAILING = frozenset(
    """a an the of to in on and or but for with by at from its their his her our this that as into than amid until
    after before during over would will could can may might must should is are was were has have had be not""".split()
)


_PREPOSITIONS = frozenset(
    "of to in on for with by at from into over under after before between across near about against through towards toward amid during until".split()
)


_DASHES = frozenset({"-", "\u2013", "\u2014"})


_SINGULAR_S = frozenset(
    {
        "us",
        "news",
        "series",
        "ceasefire",
        "process",
        "congress",
        "press",
        "status",
        "crisis",
        "basis",
        "thesis",
        "analysis",
        "gas",
        "bus",
    }
)


@dataclass(frozen=True, slots=True)
class _Word:
    text: str
    spaced: bool  # a space before it


def headline(
    sentence: Sentence, span: tuple[int, int], cut: list[tuple[int, int]], proper: frozenset[str] = frozenset()
) -> str | None:
    """The headline of the clause `span` of a sentence, leaving out the offsets in `cut` (the
    time expressions); None when the clause leaves fewer than three words. `proper` holds
    the document's names (a capitalised word that is one stays capitalised)."""
    tokens: list[Token] | None = _clean(
        [
            t
            for t in sentence.tokens
            if span[0] <= t.start and t.end <= span[1] and not any(a <= t.start < b for a, b in cut)
        ]
    )
    while tokens and tokens[0].lower in ("which", "who", "and", "but"):
        tokens = tokens[1:]
    if tokens and _verb_at(tokens, 0):
        tokens = _with_sentence_subject(sentence, tokens, cut)
    if tokens is None or len([t for t in tokens if t.is_word]) < 3:
        return None
    words = _rewrite(sentence, tokens, proper)
    return bounded(_render(words))


def _with_sentence_subject(sentence: Sentence, tokens: list[Token], cut: list[tuple[int, int]]) -> list[Token] | None:
    """ "..., but left the question to a committee": a clause that opens on its verb takes
    the sentence's own subject; None if the sentence has none before it."""
    whole = _clean([t for t in sentence.tokens if not any(a <= t.start < b for a, b in cut)])
    verb = next((k for k in range(1, len(whole)) if _verb_at(whole, k)), None)
    if verb is None or whole[0].start >= tokens[0].start:
        return None
    return whole[:verb] + tokens


def statement(
    sentence: Sentence,
    speaker: str,
    span: tuple[int, int],
    cut: list[tuple[int, int]],
    proper: frozenset[str] = frozenset(),
) -> str | None:
    """A saying as a headline: 'Bose says his government will listen but will not be rushed'
    from 'Bose said on Thursday that his government would listen but would not be rushed'."""
    tokens = _said_words(sentence, span, cut)
    if len([t for t in tokens if t.is_word]) < 2:
        return None
    words = [
        _Word(_REPORTED_TENSE.get(t.lower, t.text) if not t.is_cap else t.text, k > 0 and t.start > tokens[k - 1].end)
        for k, t in enumerate(tokens)
    ]
    if speaker and tokens[0].is_cap and tokens[0].bare not in proper and tokens[0].text != "I":
        words[0] = _Word(tokens[0].lower, False)  # "Devlin says ships can ...": a quote's first word
    if not speaker:
        return bounded(_render(words))
    subject = " ".join(speaker.split())
    subject = re.sub(r"^(?i:the|a|an)\s+", "", subject)
    return bounded(
        _render(
            [
                _Word(subject, False),
                _Word("says", True),
                *(_Word(w.text, w.spaced or k == 0) for k, w in enumerate(words)),
            ]
        )
    )


def _said_words(sentence: Sentence, span: tuple[int, int], cut: list[tuple[int, int]]) -> list[Token]:
    """The tokens of what was said, in `span` but not in `cut`, without a lead, a break,
    an opening 'that' or closing marks."""
    tokens = [
        t
        for t in sentence.tokens
        if span[0] <= t.start and t.end <= span[1] and not any(a <= t.start < b for a, b in cut)
    ]
    tokens = _before_break(_without_lead(_unbracketed(tokens)))
    while tokens and tokens[0].lower == "that":
        tokens = tokens[1:]
    while tokens and not tokens[-1].is_word and not tokens[-1].text[0].isdigit():
        tokens = tokens[:-1]
    return tokens


# Reported speech back in the tense of a headline: "would" is what "will" was when said.
_REPORTED_TENSE = {"would": "will", "wouldn\u2019t": "won\u2019t", "wouldn't": "won't"}


def _clean(tokens: list[Token]) -> list[Token]:
    tokens = _before_break(_without_appositions(_without_lead(_after_dateline(_unbracketed(tokens)))))
    while tokens and not tokens[-1].is_word and not tokens[-1].text[0].isdigit():
        tokens = tokens[:-1]
    return tokens


def _unbracketed(tokens: list[Token]) -> list[Token]:
    out, depth = [], 0
    for token in tokens:
        if token.text == "(":
            depth += 1
        elif token.text == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(token)
    return out


def _after_dateline(tokens: list[Token]) -> list[Token]:
    """'KERVO, May 2 (Meridian Press) - Belmora ...': the words after the dateline's dash."""
    for k, token in enumerate(tokens[:8]):
        if token.text in _DASHES and any(t.is_word and t.text.isupper() and len(t.text) > 1 for t in tokens[:k]):
            return tokens[k + 1 :]
    return tokens


def _without_lead(tokens: list[Token]) -> list[Token]:
    """Leading connectives and a short leading adverbial ending in a comma."""
    while tokens and tokens[0].lower in (
        "however",
        "meanwhile",
        "but",
        "and",
        "yet",
        "still",
        "so",
        "separately",
        "earlier",
        "later",
        "then",
        "instead",
        "also",
        ",",
    ):
        tokens = tokens[1:]
    if tokens and (tokens[0].lower in _LEADS or tokens[0].lower.endswith("ing") or is_past(tokens[0].lower)):
        comma = next((k for k, t in enumerate(tokens[:12]) if t.text == ","), None)
        if comma is not None and comma + 1 < len(tokens):
            return _without_lead(tokens[comma + 1 :])
    return tokens


def _without_appositions(tokens: list[Token]) -> list[Token]:
    """', the minister,' or ', who led the talks,' after the subject: left out."""
    out: list[Token] = []
    k = 0
    while k < len(tokens):
        token = tokens[k]
        past = _past_apposition(tokens, k, out) if token.text == "," and out else None
        if past is not None:
            out, k = past
            continue
        out.append(token)
        k += 1
    return out


def _past_apposition(tokens: list[Token], k: int, out: list[Token]) -> tuple[list[Token], int] | None:
    """At the comma `k`, after the subject's first words `out`: the subject so far and the
    token after the apposition or relative clause the comma opens; None if it opens neither."""
    close = next((j for j in range(k + 1, min(len(tokens), k + 16)) if tokens[j].text == ","), None)
    if close is None:
        return None
    inside = tokens[k + 1 : close]
    name = _name_at_end(inside)
    if name and any(t.is_word and not t.is_cap for t in out) and not _verb_in(out):
        return name, close + 1  # "Its minister, Oskar Lind, was due": the name is the subject
    aside = inside and inside[0].lower in ("the", "a", "an", "who", "which") or not _verb_in(inside)
    if aside and not _verb_in(out):
        return out, close + 1  # ", the third attempt since the corridor closed," / ", a lawyer who grew up there,"
    if k + 1 < len(tokens) and tokens[k + 1].lower in ("who", "which", "whose"):
        return out, close + 1
    return None


def _verb_in(tokens: list[Token]) -> bool:
    return any(_verb_at(tokens, j) for j in range(len(tokens)) if tokens[j].lower not in ("who", "which"))


def _name_at_end(tokens: list[Token]) -> list[Token]:
    """'Arvanian hydrologist Pavel Snell' -> 'Pavel Snell'; a name of two words or more."""
    k = len(tokens)
    while k > 0 and tokens[k - 1].is_word and tokens[k - 1].is_cap:
        k -= 1
    name = tokens[k:]
    if len(name) >= 2 and (k == 0 or not tokens[k - 1].is_cap) and (k == 0 or tokens[k - 1].is_word):
        return list(name) if k > 0 or len(name) >= 2 else []
    return []


def _before_break(tokens: list[Token]) -> list[Token]:
    """Up to ', which', ', after', '; ' or a dash: one clause."""
    for k, token in enumerate(tokens):
        if k == 0:
            continue
        if token.text in (";", ":") or token.text in _DASHES:
            return tokens[:k]
        if (
            token.text == ","
            and k + 1 < len(tokens)
            and (tokens[k + 1].lower in _BREAK_WORDS or tokens[k + 1].lower.endswith("ing"))
        ):
            return tokens[:k]
        if (
            token.text == ","
            and k + 2 < len(tokens)
            and tokens[k + 1].lower in ("and", "but")
            and tokens[k + 2].lower in ("the", "a", "an", "it", "he", "she", "they", "we")
        ):
            return tokens[:k]  # ", and the first convoy would sail": a clause of its own
    return tokens


def _present_verb(tokens: list[Token], k: int, proper: frozenset[str]) -> bool:
    """'Arvania now wants': a verb already in the present right after a name."""
    token = tokens[k]
    word = token.lower
    if (
        token.is_cap
        or not token.is_word
        or not word.endswith("s")
        or word.endswith(("ss", "us", "is"))
        or token.possessive
        or _verb_at(tokens, k)
    ):
        return False
    j = k - 1
    while j >= 0 and tokens[j].lower in ADVERBS | {"now"}:
        j -= 1
    return j >= 0 and tokens[j].is_cap and tokens[j].bare in proper


def _verb_at(tokens: list[Token], k: int) -> bool:
    token = tokens[k]
    if not token.is_word or token.is_cap:
        return False
    word = token.lower
    return word in FUTURE or word in BE or word in HAVE or word in DO or word in MODAL or is_past(word)


def _rewrite(sentence: Sentence, tokens: list[Token], proper: frozenset[str]) -> list[_Word]:
    words = [_Word(t.text, k > 0 and (t.start > tokens[k - 1].end)) for k, t in enumerate(tokens)]
    verb = next((k for k in range(1, len(tokens)) if _verb_at(tokens, k) or _present_verb(tokens, k, proper)), None)
    if verb is None or _present_verb(tokens, verb, proper):
        return words
    subject = tokens[:verb]
    while subject and subject[0].lower in ("the", "a", "an"):
        subject = subject[1:]
    if not subject:
        return words
    plural = _plural(subject)
    group_end, replacement = verb_group(tokens, verb, plural)
    if replacement is None:
        return words
    head = [_Word(t.text, k > 0 and t.start > subject[k - 1].end) for k, t in enumerate(subject)]
    rest = _after_verb_group(tokens[group_end:], replacement)
    return head + ([_Word(replacement, True)] if replacement else []) + rest


def _after_verb_group(tail: list[Token], replacement: str) -> list[_Word]:
    """The words after the rewritten verb group, a past auxiliary dropped after 'and'/'but'
    and, after 'says', reported verbs in the present."""
    rest: list[_Word] = []
    j = 0
    while j < len(tail):
        token = tail[j]
        if (
            token.lower in ("and", "but")
            and j + 2 < len(tail)
            and tail[j + 1].lower in BE | HAVE
            and is_participle(tail[j + 2].lower)
        ):
            rest.append(_Word(token.text, True))  # "and are expected to", "but was postponed": no auxiliary
            j += 2
            continue
        text = _REPORTED_TENSE.get(token.lower, token.text) if replacement in ("says", "say") else token.text
        rest.append(_Word(text, j == 0 or token.start > tail[j - 1].end))
        j += 1
    return rest


def _plural(subject: list[Token]) -> bool:
    if len(subject) == 1 and subject[0].lower in ("we", "they", "you", "i"):
        return True
    head = next((k for k, t in enumerate(subject) if k > 0 and t.lower in _PREPOSITIONS), len(subject))
    subject = subject[:head]  # "Talks on a settlement": the noun before "on"
    if any(t.lower in ("and", "both") for t in subject):
        return True
    last = next((t for t in reversed(subject) if t.is_word), None)
    return last is not None and _plural_noun(last)


def _plural_noun(last: Token) -> bool:
    """Whether the subject's last word is a plural noun ('officials', 'talks', 'police')."""
    word = last.lower
    if last.possessive or word in _SINGULAR_S or word.endswith(("ss", "us", "is")):
        return False
    return (
        word.endswith("s")
        and not last.is_cap
        or word in ("people", "police", "forces", "talks")
        or (last.is_cap and word.endswith("s") and word in ("talks",))
    )


def _render(words: list[_Word]) -> str:
    out = ""
    pending = False  # a dropped quotation mark had a space before it
    single_open = False
    for word in words:
        if word.text in ("\u201c", "\u201d", '"', "\u2018") or word.text == "\u2019" and single_open:
            pending = pending or word.spaced
            single_open = word.text == "\u2018" or (single_open and word.text != "\u2019")
            continue
        glue = (word.spaced or pending) and out and not out.endswith(("(", "\u201c"))
        pending = False
        if word.text in (",", ".", ";", ":", ")", "%", "\u2019", "'") or word.text.startswith(("\u2019", "'")):
            glue = False
        out += (" " if glue else "") + word.text
    out = re.sub(r"\s+", " ", out).strip(" ,.;:")
    return out[:1].upper() + out[1:]


def _cut_at_a_break(kept: list[str]) -> list[str]:
    """The words up to the last comma, else the last preposition, if that keeps 60% of LIMIT."""
    commas = [k + 1 for k, w in enumerate(kept) if w.endswith(",") and k >= 3]
    preps = [k for k, w in enumerate(kept) if w.lower() in _PREPOSITIONS and k >= 4]
    if commas and len(" ".join(kept[: commas[-1]])) >= LIMIT * 0.6:
        return kept[: commas[-1]]
    if preps and len(" ".join(kept[: preps[-1]])) >= LIMIT * 0.6:
        return kept[: preps[-1]]
    return kept


def bounded(text: str) -> str:
    """At most LIMIT characters, cut before a word; a preposition near the end cuts first."""
    if len(text) <= LIMIT:
        return text
    words = text.split(" ")
    kept: list[str] = []
    for word in words:
        if len(" ".join(kept + [word])) > LIMIT:
            break
        kept.append(word)
    kept = _cut_at_a_break(kept)
    while kept and (kept[-1].lower().strip(",;:") in _TRAILING or not any(c.isalnum() for c in kept[-1])):
        kept.pop()
    return " ".join(kept).rstrip(",;:")
