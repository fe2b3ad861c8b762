"""Verb forms for a headline: a verb group put in the present tense ("has agreed" ->
"agrees", "will meet" -> "to meet", "was postponed" -> "postponed"), and the lemma of a
past form."""

from __future__ import annotations

from typing import NamedTuple

from peacebrief.core.draft.sentences import Token

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


FUTURE = frozenset({"will", "\u2019ll", "'ll", "shall", "would"})


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


BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "am"})


HAVE = frozenset({"has", "have", "had"})


DO = frozenset({"did", "do", "does"})


MODAL = frozenset({"can", "could", "may", "might", "must", "should"})


ADVERBS = frozenset(
    "also already again finally formally officially reportedly allegedly largely briefly jointly still just not never".split()
)


def is_past(word: str) -> bool:
    if word in _IRREGULAR_PAST:
        return True
    return word.endswith("ed") and len(word) > 4 and word.isalpha() and word not in _NOT_VERBS


def verb_group(tokens: list[Token], k: int, plural: bool) -> tuple[int, str | None]:
    """(index after the verb group, its headline form) for the verb group at `k`."""
    word = tokens[k].lower
    j = k + 1
    while j < len(tokens) and tokens[j].lower in ADVERBS and tokens[j].lower != "not":
        j += 1
    group = _Group(tokens, k, j, word, tokens[j].lower if j < len(tokens) else "", plural)
    if word in FUTURE or word in MODAL:  # "will meet" -> "to meet"; "could sign" keeps its modal
        return _modal_group(group)
    if word in BE:
        return _be_group(group)
    if word in HAVE:
        return _have_group(group)
    if word in DO:
        if group.negated and j + 1 < len(tokens):
            return j + 2, f"{'do' if plural else 'does'} not {tokens[j + 1].lower}"
        return k, None
    if is_past(word) and word not in _PAST_PARTICIPLE_ONLY:
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
        return j + 2, f"will not {rest}" if word in FUTURE else f"{word} not {rest}"
    if j < len(tokens) and tokens[j].lower in BE and j + 1 < len(tokens) and is_past(tokens[j + 1].lower):
        return j + 2, f"to be {tokens[j + 1].lower}"  # "will be signed" -> "to be signed"
    if j < len(tokens) and tokens[j].lower in HAVE:
        return g.k, None
    return (j + 1, f"to {nxt}") if word in FUTURE and nxt.isalpha() else (j, word)


def _be_group(g: _Group) -> tuple[int, str | None]:
    tokens, j, nxt, plural = g.tokens, g.j, g.nxt, g.plural
    if nxt in _PLANS and j + 2 < len(tokens) and tokens[j + 1].lower == "to":  # "is due to arrive"
        return j + 3, f"to {tokens[j + 2].lower}"
    if nxt == "to" and j + 1 < len(tokens):  # "are to meet"
        return j + 2, f"to {tokens[j + 1].lower}"
    if nxt == "being" and j + 1 < len(tokens):
        return j + 2, f"being {tokens[j + 1].lower}"
    if nxt == "been" and j + 1 < len(tokens) and is_past(tokens[j + 1].lower):
        return j + 2, tokens[j + 1].lower
    if is_participle(nxt):  # "was postponed" -> "postponed"
        return j + 1, nxt
    if nxt.endswith("ing") and len(nxt) > 4:  # "are meeting" -> "meet"
        return j + 1, _present(_ing_lemma(nxt), plural)
    if g.negated:
        return j + 1, ("are not" if plural else "is not")
    return g.k + 1, ("are" if plural else "is")


def _have_group(g: _Group) -> tuple[int, str | None]:
    tokens, j, nxt, plural = g.tokens, g.j, g.nxt, g.plural
    if nxt == "been" and j + 1 < len(tokens) and is_participle(tokens[j + 1].lower):
        return j + 2, tokens[j + 1].lower  # "has been postponed" -> "postponed"
    if nxt == "not" and j + 1 < len(tokens) and is_past(tokens[j + 1].lower):
        return j + 2, f"{'have' if plural else 'has'} not {tokens[j + 1].lower}"
    if is_past(nxt):
        return j + 1, _present(_lemma(nxt), plural)
    return g.k, None


def is_participle(word: str) -> bool:
    return is_past(word) or word in _NOT_VERBS and word.endswith("ed")


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
