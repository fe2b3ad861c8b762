"""The words of reporting: the verbs that report speech and their forms, and the words
around a reporting clause that say where its subject and what was said begin and end."""

from __future__ import annotations

import re

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


VERBS: dict[str, str] = {form: lemma for lemma in _SAY + _OBJECT for form in _forms(lemma)}


OBJECT_LEMMAS = frozenset(_OBJECT)


PRONOUNS = {"he": "he", "she": "she", "they": "they", "it": "it", "we": "we", "i": "i"}


SKIP_LEFT = frozenset(
    """also later earlier again reportedly previously then separately publicly repeatedly flatly firmly bluntly once
    has have had would will did does do not never already further recently quickly privately openly angrily
    curtly simply just even still first himself herself itself themselves only""".split()
)


NOT_AFTER = frozenset(
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


CONNECTIVES = re.compile(
    r"^(?:However|Meanwhile|But|And|Yet|Still|Separately|Earlier|Later|Moreover|Instead|Also|Indeed|Now|So|On the other hand|In a statement|Nevertheless),?\s+"
)


ADVERBIAL = re.compile(
    r"(?i)^(?:(?:on|in|at|to|via|during|through|after|before|from|over|with|outside|inside|while)\s+"
    r"(?:an?|the|his|her|their|its|a\s+\w+)?\s*(?:[\w\u2019'-]+\s+){0,3}?"
    r"(?:social\s+media|statement|interview|news\s+conference|press\s+conference|briefing|reporters|journalists|"
    r"television|tv|radio|telegram|x|twitter|facebook|broadcast|address|speech|post|video|message|meeting|parliament|"
    r"summit|conference|talks|session|forum|event|visit|call|letter|email|website|channel|camera|podium|room|hall|"
    r"network|agency|side|council|assembly|media|press|rally|ceremony|remarks|capital)\b[,\s]*)+"
)


TOLD_OBJECT = frozenset(
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
PREPOSITIONAL_OBJECT = frozenset(
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


CONTINUATIONS = frozenset(
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


# The last word of a body that speaks for itself: "the Coastal Union", "the Helder Foundation".
BODY_WORDS = frozenset(
    """Union Foundation Council Commission Committee Organisation Organization Alliance Movement Front Party Agency
    Mission Federation Coalition Forum Group Order Assembly Initiative Society Trust Secretariat Authority Court Bank
    Fund Programme Program Cross Crescent League Association Institute Centre Center Office""".split()
)


NAMING_BEFORE = re.compile(
    r"(?i)\b(?:the name(?: of)?|named|called|known as|dubbed|nicknamed|calls (?:himself|herself))\s*$"
)


FINITE_VERBS = frozenset(
    """had has have was is were are would will could can may might must should did does shall
    gave made took went kept got""".split()
)
