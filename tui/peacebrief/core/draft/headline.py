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
from typing import NamedTuple

from peacebrief.core.draft.sentences import Sentence, Token

LIMIT = 72

_IRREGULAR_PAST = {
    "met": "meet",
    "took": "take",
    "began": "begin",
    "begun": "begin",
    "held": "hold",
    "made": "make",
    "came": "come",
    "went": "go",
    "gone": "go",
    "left": "leave",
    "gave": "give",
    "given": "give",
    "sent": "send",
    "spoke": "speak",
    "spoken": "speak",
    "saw": "see",
    "seen": "see",
    "struck": "strike",
    "fought": "fight",
    "won": "win",
    "lost": "lose",
    "broke": "break",
    "broken": "break",
    "rose": "rise",
    "fell": "fall",
    "fallen": "fall",
    "flew": "fly",
    "led": "lead",
    "brought": "bring",
    "sought": "seek",
    "wrote": "write",
    "written": "write",
    "drove": "drive",
    "stood": "stand",
    "ran": "run",
    "became": "become",
    "kept": "keep",
    "felt": "feel",
    "heard": "hear",
    "paid": "pay",
    "found": "find",
    "chose": "choose",
    "chosen": "choose",
    "withdrew": "withdraw",
    "withdrawn": "withdraw",
    "drew": "draw",
    "shot": "shoot",
    "spent": "spend",
    "overran": "overrun",
    "undertook": "undertake",
    "said": "say",
    "told": "tell",
    "agreed": "agree",
    "freed": "free",
    "sold": "sell",
    "bought": "buy",
    "built": "build",
    "hit": "hit",
    "put": "put",
    "set": "set",
    "cut": "cut",
    "shut": "shut",
    "quit": "quit",
    "let": "let",
    "got": "get",
    "sat": "sit",
    "won't": "won't",
    "arose": "arise",
    "swore": "swear",
    "sworn": "swear",
    "tore": "tear",
    "woke": "wake",
    "hung": "hang",
    "fled": "flee",
    "slid": "slide",
    "oversaw": "oversee",
    "overseen": "oversee",
    "forgave": "forgive",
    "understood": "understand",
    "read": "read",
    "meant": "mean",
    "dealt": "deal",
    "knew": "know",
    "known": "know",
    "grew": "grow",
    "threw": "throw",
}
_PAST_PARTICIPLE_ONLY = frozenset(
    {
        "begun",
        "gone",
        "given",
        "spoken",
        "seen",
        "broken",
        "fallen",
        "written",
        "chosen",
        "withdrawn",
        "sworn",
        "overseen",
        "known",
    }
)
_NOT_VERBS = frozenset(
    """need speed feed seed proceed exceed succeed indeed bed red hundred shed united limited detailed armed alleged
    so-called based wounded injured displaced disputed divided occupied contested renewed revised proposed reported
    expected planned scheduled""".split()
)
_FUTURE = frozenset({"will", "\u2019ll", "'ll", "shall", "would"})
_PLANS = frozenset(
    {
        "due",
        "expected",
        "set",
        "scheduled",
        "slated",
        "planned",
        "poised",
        "going",
        "likely",
        "hoping",
        "planning",
        "preparing",
    }
)
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "am"})
_HAVE = frozenset({"has", "have", "had"})
_DO = frozenset({"did", "do", "does"})
_MODAL = frozenset({"can", "could", "may", "might", "must", "should"})
_ADVERBS = frozenset(
    "also already again finally formally officially reportedly allegedly largely briefly jointly still just not never".split()
)
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
    tokens = _clean(
        [
            t
            for t in sentence.tokens
            if span[0] <= t.start and t.end <= span[1] and not any(a <= t.start < b for a, b in cut)
        ]
    )
    while tokens and tokens[0].lower in ("which", "who", "and", "but"):
        tokens = tokens[1:]
    if tokens and _verb_at(tokens, 0):
        # "..., but left the question to a committee": the subject is the sentence's own
        whole = _clean([t for t in sentence.tokens if not any(a <= t.start < b for a, b in cut)])
        verb = next((k for k in range(1, len(whole)) if _verb_at(whole, k)), None)
        if verb is None or whole[0].start >= tokens[0].start:
            return None
        tokens = whole[:verb] + tokens
    if len([t for t in tokens if t.is_word]) < 3:
        return None
    words = _rewrite(sentence, tokens, proper)
    return bounded(_render(words))


def statement(
    sentence: Sentence,
    speaker: str,
    span: tuple[int, int],
    cut: list[tuple[int, int]],
    proper: frozenset[str] = frozenset(),
) -> str | None:
    """A saying as a headline: 'Bose says his government will listen but will not be rushed'
    from 'Bose said on Thursday that his government would listen but would not be rushed'."""
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
    if tokens and (tokens[0].lower in _LEADS or tokens[0].lower.endswith("ing") or _is_past(tokens[0].lower)):
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
        if token.text == "," and out:
            close = next((j for j in range(k + 1, min(len(tokens), k + 16)) if tokens[j].text == ","), None)
            inside = tokens[k + 1 : close] if close is not None else []
            name = _name_at_end(inside)
            if name and close is not None and any(t.is_word and not t.is_cap for t in out) and not _verb_in(out):
                out = name  # "Its minister, Oskar Lind, was due": the name is the subject
                k = close + 1
                continue
            if (
                close is not None
                and (inside and inside[0].lower in ("the", "a", "an", "who", "which") or not _verb_in(inside))
                and not _verb_in(out)
            ):
                k = close + 1  # ", the third attempt since the corridor closed," / ", a lawyer who grew up there,"
                continue
            if close is not None and k + 1 < len(tokens) and tokens[k + 1].lower in ("who", "which", "whose"):
                k = close + 1
                continue
        out.append(token)
        k += 1
    return out


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
    while j >= 0 and tokens[j].lower in _ADVERBS | {"now"}:
        j -= 1
    return j >= 0 and tokens[j].is_cap and tokens[j].bare in proper


def _is_past(word: str) -> bool:
    if word in _IRREGULAR_PAST:
        return True
    return word.endswith("ed") and len(word) > 4 and word.isalpha() and word not in _NOT_VERBS


def _verb_at(tokens: list[Token], k: int) -> bool:
    token = tokens[k]
    if not token.is_word or token.is_cap:
        return False
    word = token.lower
    return word in _FUTURE or word in _BE or word in _HAVE or word in _DO or word in _MODAL or _is_past(word)


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
    group_end, replacement = _verb_group(tokens, verb, plural)
    if replacement is None:
        return words
    head = [_Word(t.text, k > 0 and t.start > subject[k - 1].end) for k, t in enumerate(subject)]
    tail = tokens[group_end:]
    rest: list[_Word] = []
    j = 0
    while j < len(tail):
        token = tail[j]
        if (
            token.lower in ("and", "but")
            and j + 2 < len(tail)
            and tail[j + 1].lower in _BE | _HAVE
            and _participle(tail[j + 2].lower)
        ):
            rest.append(_Word(token.text, True))  # "and are expected to", "but was postponed": no auxiliary
            j += 2
            continue
        text = _REPORTED_TENSE.get(token.lower, token.text) if replacement in ("says", "say") else token.text
        rest.append(_Word(text, j == 0 or token.start > tail[j - 1].end))
        j += 1
    return head + ([_Word(replacement, True)] if replacement else []) + rest


def _plural(subject: list[Token]) -> bool:
    if len(subject) == 1 and subject[0].lower in ("we", "they", "you", "i"):
        return True
    head = next((k for k, t in enumerate(subject) if k > 0 and t.lower in _PREPOSITIONS), len(subject))
    subject = subject[:head]  # "Talks on a settlement": the noun before "on"
    if any(t.lower in ("and", "both") for t in subject):
        return True
    last = next((t for t in reversed(subject) if t.is_word), None)
    if last is None:
        return False
    word = last.lower
    if last.possessive or word in _SINGULAR_S or word.endswith(("ss", "us", "is")):
        return False
    return (
        word.endswith("s")
        and not last.is_cap
        or word in ("people", "police", "forces", "talks")
        or (last.is_cap and word.endswith("s") and word in ("talks",))
    )


def _verb_group(tokens: list[Token], k: int, plural: bool) -> tuple[int, str | None]:
    """(index after the verb group, its headline form) for the verb group at `k`."""
    word = tokens[k].lower
    j = k + 1
    while j < len(tokens) and tokens[j].lower in _ADVERBS and tokens[j].lower != "not":
        j += 1
    group = _Group(tokens, k, j, word, tokens[j].lower if j < len(tokens) else "", plural)
    if word in _FUTURE or word in _MODAL:  # "will meet" -> "to meet"; "could sign" keeps its modal
        return _modal_group(group)
    if word in _BE:
        return _be_group(group)
    if word in _HAVE:
        return _have_group(group)
    if word in _DO:
        if group.negated and j + 1 < len(tokens):
            return j + 2, f"{'do' if plural else 'does'} not {tokens[j + 1].lower}"
        return k, None
    if _is_past(word) and word not in _PAST_PARTICIPLE_ONLY:
        return k + 1, _present(_lemma(word), plural)
    return k, None


class _Group(NamedTuple):
    """A verb group: its first word at `k`, the word after it and its adverbs at `j`."""

    tokens: list[Token]
    k: int
    j: int
    word: str
    nxt: str  # the word at `j`, "" at the end
    plural: bool

    @property
    def negated(self) -> bool:
        return self.nxt == "not" or self.word.endswith(("n't", "n\u2019t"))

    def after(self, n: int) -> str | None:
        """The word `n` after `j`, if there is one."""
        return self.tokens[self.j + n].lower if self.j + n < len(self.tokens) else None


def _modal_group(g: _Group) -> tuple[int, str | None]:
    """'will meet' -> 'to meet', 'will be signed' -> 'to be signed', 'could sign' keeps its modal."""
    tokens, j, word, nxt = g.tokens, g.j, g.word, g.nxt
    if g.negated:
        rest = g.after(1) or ""
        return j + 2, f"will not {rest}" if word in _FUTURE else f"{word} not {rest}"
    if j < len(tokens) and tokens[j].lower in _BE and j + 1 < len(tokens) and _is_past(tokens[j + 1].lower):
        return j + 2, f"to be {tokens[j + 1].lower}"  # "will be signed" -> "to be signed"
    if j < len(tokens) and tokens[j].lower in _HAVE:
        return g.k, None
    return (j + 1, f"to {nxt}") if word in _FUTURE and nxt.isalpha() else (j, word)


def _be_group(g: _Group) -> tuple[int, str | None]:
    tokens, j, nxt, plural = g.tokens, g.j, g.nxt, g.plural
    if nxt in _PLANS and j + 2 < len(tokens) and tokens[j + 1].lower == "to":  # "is due to arrive"
        return j + 3, f"to {tokens[j + 2].lower}"
    if nxt == "to" and j + 1 < len(tokens):  # "are to meet"
        return j + 2, f"to {tokens[j + 1].lower}"
    if nxt == "being" and j + 1 < len(tokens):
        return j + 2, f"being {tokens[j + 1].lower}"
    if nxt == "been" and j + 1 < len(tokens) and _is_past(tokens[j + 1].lower):
        return j + 2, tokens[j + 1].lower
    if _participle(nxt):  # "was postponed" -> "postponed"
        return j + 1, nxt
    if nxt.endswith("ing") and len(nxt) > 4:  # "are meeting" -> "meet"
        return j + 1, _present(_ing_lemma(nxt), plural)
    if g.negated:
        return j + 1, ("are not" if plural else "is not")
    return g.k + 1, ("are" if plural else "is")


def _have_group(g: _Group) -> tuple[int, str | None]:
    tokens, j, nxt, plural = g.tokens, g.j, g.nxt, g.plural
    if nxt == "been" and j + 1 < len(tokens) and _participle(tokens[j + 1].lower):
        return j + 2, tokens[j + 1].lower  # "has been postponed" -> "postponed"
    if nxt == "not" and j + 1 < len(tokens) and _is_past(tokens[j + 1].lower):
        return j + 2, f"{'have' if plural else 'has'} not {tokens[j + 1].lower}"
    if _is_past(nxt):
        return j + 1, _present(_lemma(nxt), plural)
    return g.k, None


def _participle(word: str) -> bool:
    return _is_past(word) or word in _NOT_VERBS and word.endswith("ed")


def _lemma(past: str) -> str:
    if past in _IRREGULAR_PAST:
        return _IRREGULAR_PAST[past]
    stem = past[:-2]
    if stem.endswith("i"):
        return stem[:-1] + "y"  # "carried" -> "carry"
    if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in "ls" or stem.endswith(("ll",)) and len(stem) > 5:
        return stem[:-1]  # "stopped" -> "stop", "cancelled" -> "cancel"
    if _takes_e(stem):
        return stem + "e"
    return stem


_E_ENDINGS = (
    "c",
    "v",
    "z",
    "u",
    "at",
    "ut",
    "ot",
    "id",
    "ud",
    "um",
    "om",
    "am",
    "ok",
    "ap",
    "ys",
    "dg",
    "rg",
    "ng",
    "rs",
    "ns",
    "ps",
    "ls",
)
_NO_E = ("ang", "ong", "ing", "eng", "ung")


def _takes_e(stem: str) -> bool:
    """'resum' + e, 'clos' + e, 'announc' + e; not 'open', 'visit', 'claim', 'belong'."""
    if stem.endswith(_NO_E) and not stem.endswith(("chang", "rang", "leng")):
        return False
    if len(stem) >= 3 and stem[-2] in "aeiou" and stem[-3] in "aeiou":
        return stem[-1] in "sc" and stem[-2:] not in ("us",)  # "releas", "pauses"; not "claim", "appear"
    if stem.endswith(("ir", "ur", "ar", "or", "in")) and len(stem) >= 3 and stem[-3] not in "aeiou":
        return not stem.endswith(("ffer", "ther"))
    if stem[-1] == "s" and len(stem) >= 2 and stem[-2] in "aeiouy" and not stem.endswith(("us", "ss")):
        return True
    return stem.endswith(_E_ENDINGS)


def _ing_lemma(word: str) -> str:
    stem = word[:-3]
    if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in "ls":
        return stem[:-1]
    return stem + "e" if _takes_e(stem) else stem


def _present(lemma: str, plural: bool) -> str:
    if plural:
        return lemma
    if lemma in ("be",):
        return "is"
    if lemma == "have":
        return "has"
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        return lemma + "es"
    if lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ies"
    return lemma + "s"


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
    commas = [k + 1 for k, w in enumerate(kept) if w.endswith(",") and k >= 3]
    preps = [k for k, w in enumerate(kept) if w.lower() in _PREPOSITIONS and k >= 4]
    if commas and len(" ".join(kept[: commas[-1]])) >= LIMIT * 0.6:
        kept = kept[: commas[-1]]
    elif preps and len(" ".join(kept[: preps[-1]])) >= LIMIT * 0.6:
        kept = kept[: preps[-1]]
    while kept and (kept[-1].lower().strip(",;:") in _TRAILING or not any(c.isalnum() for c in kept[-1])):
        kept.pop()
    return " ".join(kept).rstrip(",;:")
