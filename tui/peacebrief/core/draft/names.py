"""Names in a document: people (with their titles), countries, institutions and places.

A name is a run of capitalised words outside quotation marks ("White House Press
Secretary Karoline Leavitt", "Rustem Umerov"). Each run is split into what it holds:

- an office before a name: capitalised ("Prime Minister Mara Lindqvist") or not
  ("Kremlin spokesman Dmitry Peskov", "Kessland's defence minister, Pieter Holm");
- an apposition after it ("Rustem Umerov, Ukraine's National Security and Defence
  Council chief,"; "Holm, the minister,");
- a country, seat of government, capital or demonym ("Kremlin", "Ukrainian");
- a place ("in Abu Dhabi", "from Carrodia"), or an organisation ("National Security and
  Defence Council");
- otherwise, two or more words: a person ("Donald Trump").

Later single words are matched to the people found: "Peskov" is Dmitry Peskov. The whole
document is read before any single word is decided, so the order of mentions does not
matter.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from peacebrief.core.draft.parties import (
    ALIASES,
    CAPITALS,
    CITIES,
    COUNTRIES,
    SEATS,
    Gazetteer,
    PartyGuess,
)
from peacebrief.core.draft.sentences import Sentence, Token
from peacebrief.core.draft.timex import MONTHS, WEEKDAYS

if TYPE_CHECKING:
    from peacebrief.core.draft.discourse import SpeakerRef

MentionKind = Literal["person", "party", "place", "org", "unknown"]

# Offices written with a capital in front of a name ("President", "Foreign Minister").
TITLE_CAPS = frozenset(
    """President Minister Secretary Spokesman Spokeswoman Spokesperson Envoy Envoys Ambassador Chancellor General Gen
    Senator Sen Mr Mrs Ms Miss Dr King Queen Prince Princess Sheikh Emir Chief Negotiator Mediator Commander Governor
    Mayor Premier Admiral Colonel Col Director Chairman Chairwoman Chair Adviser Advisor Pope Judge Justice Commissioner
    Representative Rep Lt Capt Sgt Speaker Leader Prosecutor Official Coordinator Delegate Diplomat Marshal Sir Dame
    Lord Lady Professor Prof Rev Father Brig Maj Archbishop Bishop Cardinal Imam Rabbi Patriarch Captain Lieutenant
    Sergeant Councillor Councilor""".split()
)
TITLE_MODIFIERS_CAP = frozenset(
    """Prime Foreign Defence Defense Interior Finance Press Special Deputy Vice Acting Former Chief National Security
    Senior Top Lead Presidential Military Economy Justice Trade Energy Health Home Executive Secretary-General""".split()
)
HONORIFICS = {
    "Mr": "he",
    "Mrs": "she",
    "Ms": "she",
    "Miss": "she",
    "Sir": "he",
    "Dame": "she",
    "Lord": "he",
    "Lady": "she",
    "King": "he",
    "Queen": "she",
    "Prince": "he",
    "Princess": "she",
    "Father": "he",
}

# Offices written in lower case ("spokesman", "foreign minister", "chief negotiator").
TITLE_NOUNS = frozenset(
    """president minister secretary spokesman spokeswoman spokesperson envoy envoys ambassador chancellor general
    senator chief negotiator negotiators mediator commander governor mayor premier diplomat diplomats delegate
    delegates representative leader head director chairman chairwoman chair adviser advisor advisers official
    officials aide aides counterpart officer lawmaker legislator prosecutor commissioner coordinator monarch king
    queen sheikh emir archbishop bishop member editor correspondent councillor councilor mp captain organiser speaker
    organizer""".split()
)
TITLE_MODIFIERS = frozenset(
    """foreign defence defense interior finance prime chief top senior deputy special press lead presidential former
    acting vice military national security trade energy economy health justice government kremlin transport
    agriculture culture education environment labour labor fisheries digital infrastructure development
    industry commerce tourism maritime water treasury intelligence armed ports opposition veteran local regional
    provincial municipal ruling parliamentary independent rebel militia federal""".split()
)
# Nouns for a side rather than a person ("the ministry said").
ORG_NOUNS = frozenset(
    """ministry government office embassy delegation delegations army military presidency cabinet side team authorities
    administration spokesman's council parliament commission committee board agency secretariat forces police navy
    command headquarters""".split()
)
# Bodies of a state: a single name in front of one is a state ("the Lowland government").
STATE_NOUNS = frozenset(
    {"government", "ministry", "army", "parliament", "presidency", "cabinet", "navy", "authorities"}
)
# Words in a capitalised run that make it an organisation, a place or a thing, not a person.
ORG_WORDS = frozenset(
    """Ministry Council House Office Government Parliament Assembly Kremlin Committee Union Nations Agency Department
    Army Forces Force Republic Kingdom States Emirates Party Front Bank Court Plant Station Institute University
    Commission Organisation Organization Alliance Corporation Company Group Navy Guard Senate Congress Cabinet
    Secretariat Centre Center Embassy Service Services Authority Administration Port Harbour Harbor Airport Square
    Street Palace Region Province District County City Island Islands Sea Ocean River Bay Gulf Strait Mountains Valley
    Agreement Accord Accords Treaty Summit Talks Conference Forum Convention Times Post News Power Nuclear Energy
    Security Defence Defense Foreign Affairs Interior Bridge Canal Pass Lake Dam Museum Hospital Airlines Media
    Television Radio Network Channel Agency Federation Coalition Movement Brigade Battalion Regiment Division Corps
    Command Mission Fund Programme Program Club League Cup Games Day Week War Revolution Crisis Plan Hotel Inn Resort
    Stadium Theatre Theater Church Mosque Cathedral Temple School College Park Tower Building Hall Camp Base Prison
    Market Lakes Castle Fort Gate Gardens Railway Mine Foundation Initiative Society Trust Cross Crescent Association""".split()
)
# The last word of an outlet's name ("Meridian Press", "the Kellstad Post", "Belmora Today").
OUTLET_WORDS = frozenset(
    """Press Post Herald Courier Gazette Times Observer News Agency Today Tribune Journal Telegraph Chronicle Radio
    TV Television Review Daily Weekly Monitor Express Mirror Standard Bulletin Wire Broadcasting""".split()
)
# Words before a name that make it an outlet: "the daily Courier", "told the broadcaster ATV".
OUTLET_LEADS = frozenset(
    {
        "daily",
        "weekly",
        "newspaper",
        "paper",
        "broadcaster",
        "agency",
        "magazine",
        "channel",
        "station",
        "outlet",
        "tabloid",
    }
)
# Groups, never one person: "Officials said", "Diplomats in Tarrow said".
GROUP_WORDS = frozenset(
    """officials diplomats participants police observers analysts residents critics monitors mediators negotiators
    delegates lawmakers witnesses protesters demonstrators sources aides officers soldiers troops rebels militants
    villagers locals experts authorities ministers leaders envoys organisers organizers activists""".split()
)
GEO_WORDS = frozenset(
    """Port Harbour Harbor City Island Islands Sea Bay Gulf River Valley Mountains Strait Lake Region Province District
    County Square Street Airport Station Coast Peninsula Delta Plain Plains Hills Heights Pass Canal""".split()
)
STOP_CAPS = frozenset(
    """The A An However But And Or Meanwhile On In At While According It He She They We I You This That These Those There
    Both After Before Although Though If When As Since Despite Under With Without For From To By Of Also Earlier Later
    Then Yet So Still Instead Asked Speaking His Her Its Their Our My Your Nobody No Not Some Many Most All Each Every
    Other Another One Two Three Four Five First Second Third Last Next Separately Elsewhere Overall Thus Indeed
    Nevertheless Moreover Furthermore Further Among Amid Between Over Until Unlike Like Following Ahead During Once
    Here Now Today Yesterday Tomorrow Tonight What Who Which Why How Where Whether Such""".split()
)
CONNECTORS = frozenset(
    {"de", "van", "von", "der", "den", "bin", "ibn", "al", "el", "da", "del", "la", "le", "di", "du", "dos", "das"}
)
JOINERS = frozenset({"of", "and", "for", "the"})
PLACE_PREPS = frozenset(
    {
        "in",
        "at",
        "from",
        "near",
        "across",
        "outside",
        "inside",
        "into",
        "towards",
        "toward",
        "throughout",
        "around",
        "via",
        "visited",
        "visiting",
        "capital",
    }
)
DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "this", "that"})
_CALENDAR = frozenset(WEEKDAYS) | frozenset(MONTHS)
_DEMONYM = re.compile(r"(?:ian|an|ese|ish|i)$")
_PARTICLE_NAME = re.compile(r"(?:al|el|ad|as|ash|at|az|bin|ibn|abu|ben)-[A-Z]")
# Kin before a first name ("his wife, Sara,"): a person, and a pronoun's gender.
KIN = {
    "wife": "she",
    "husband": "he",
    "son": "he",
    "daughter": "she",
    "mother": "she",
    "father": "he",
    "sister": "she",
    "brother": "he",
    "widow": "she",
    "niece": "she",
    "nephew": "he",
}


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


@dataclass(slots=True)
class PersonInfo:
    key: str  # the full name
    titles: list[str] = field(default_factory=list)
    hints: list[PartyGuess] = field(default_factory=list)
    gender: str | None = None
    strong: bool = False  # named with an office, an apposition, or as a speaker
    spoke: bool = False
    surname_used: bool = False
    first_offset: int = 0

    @property
    def surname(self) -> str:
        return self.key.split()[-1]

    @property
    def title(self) -> str | None:
        return self.titles[0] if self.titles else None


@dataclass(slots=True)
class NameIndex:
    """Every mention of the document, and the people they add up to."""

    gazetteer: Gazetteer
    people: dict[str, PersonInfo] = field(default_factory=dict)
    mentions: dict[int, list[Mention]] = field(default_factory=dict)  # by sentence
    statement_authors: list[SpeakerRef] = field(default_factory=list)  # the parties of the last joint statement
    _token_maps: dict[int, tuple[int, dict[int, Mention], dict[int, Mention]]] = field(default_factory=dict, repr=False)
    _surnames: tuple[int, dict[str, list[PersonInfo]], dict[str, list[PersonInfo]]] | None = field(
        default=None, repr=False
    )
    _proper: frozenset[str] | None = field(default=None, repr=False)

    def proper_words(self) -> frozenset[str]:
        """Words of the document's names: people, places, countries (made once)."""
        if self._proper is None:
            words = {w for key in self.people for w in key.split()}
            words |= {w for place in self.gazetteer.places for w in place.split()}
            words |= {w for name in self.gazetteer.countries for w in name.split()}
            words |= {
                m.words
                for ms in self.mentions.values()
                for m in ms
                if m.kind in ("party", "place") and " " not in m.words
            }
            self._proper = frozenset(words)
        return self._proper

    def in_sentence(self, index: int) -> list[Mention]:
        return self.mentions.get(index, [])

    def ending_at(self, sentence: int, token: int) -> Mention | None:
        return self._by_token(sentence)[1].get(token)

    def starting_at(self, sentence: int, token: int) -> Mention | None:
        return self._by_token(sentence)[0].get(token)

    def _surname_index(self) -> tuple[dict[str, list[PersonInfo]], dict[str, list[PersonInfo]]]:
        """People named in full, by surname and by its first two letters; made again when
        people were added."""
        if self._surnames is None or self._surnames[0] != len(self.people):
            by_surname: dict[str, list[PersonInfo]] = {}
            by_start: dict[str, list[PersonInfo]] = {}
            for person in self.people.values():
                if " " in person.key:
                    by_surname.setdefault(person.surname.casefold(), []).append(person)
                    by_start.setdefault(person.surname[:2].casefold(), []).append(person)
            self._surnames = (len(self.people), by_surname, by_start)
        return self._surnames[1], self._surnames[2]

    def _by_token(self, sentence: int) -> tuple[dict[int, Mention], dict[int, Mention]]:
        """A sentence's mentions by first and by last token (the first such mention wins)."""
        mentions = self.in_sentence(sentence)
        cached = self._token_maps.get(sentence)
        if cached is None or cached[0] != len(mentions):
            firsts: dict[int, Mention] = {}
            lasts: dict[int, Mention] = {}
            for mention in mentions:
                firsts.setdefault(mention.first, mention)
                lasts.setdefault(mention.last, mention)
            cached = self._token_maps[sentence] = (len(mentions), firsts, lasts)
        return cached[1], cached[2]

    def person_by_surname(self, word: str) -> PersonInfo | None:
        """The person a surname (or a short form: "de Vries", "Al-Rashid") is, or the one a
        one-letter misspelling of a surname of five letters or more is ("Prichard")."""
        folded = word.casefold()
        by_surname, by_start = self._surname_index()
        matches = [p for p in by_surname.get(folded.split()[-1], []) if _ends_with_words(p.key, word)]
        if len(matches) == 1:
            return matches[0]
        exact = self.people.get(word)
        if exact:
            return exact
        if matches:
            return matches[0]
        if len(folded) >= 5 and " " not in word:
            near = [p for p in by_start.get(folded[:2], []) if _one_letter_apart(p.surname.casefold(), folded)]
            if len(near) == 1:
                return near[0]
        return None


def is_name_word(token: Token) -> bool:
    """A capitalised word that can be part of a name; not a word in capitals ("NEW YORK:",
    "MIRA LUND:", a dateline or a transcript's speaker label) nor a month or weekday."""
    if token.is_word and _PARTICLE_NAME.match(token.text):
        return True  # "al-Rashid", "el-Amin"
    if not (token.is_word and token.is_cap and token.bare not in _CALENDAR):
        return False
    bare = token.bare
    return not (len(bare) > 1 and bare.isupper() and any(c.isalpha() for c in bare[1:]) and len(bare) > 3)


def build_index(
    sentences: list[Sentence],
    masks: dict[int, list[bool]],
    gazetteer: Gazetteer,
    known: dict[str, PersonInfo] | None = None,
) -> NameIndex:
    """Read every sentence twice: first the names that say what they are, then the rest."""
    index = NameIndex(gazetteer)
    if known:
        for key, info in known.items():
            index.people[key] = PersonInfo(key, list(info.titles), list(info.hints), info.gender, info.strong)
    runs = {
        sentence.index: list(_runs(sentence.tokens, masks.get(sentence.index) or [False] * len(sentence.tokens)))
        for sentence in sentences
    }
    surnames = _surnames(sentences, runs)
    for sentence in sentences:  # places first: "in Abu Dhabi", "from Carrodia"
        for first, last in runs[sentence.index]:
            _learn_from_run(sentence.tokens, first, last, gazetteer, surnames)
    _learn_demonyms(sentences, runs, gazetteer)
    for sentence in sentences:
        for first, last in runs[sentence.index]:
            for mention in _classify(sentence, first, last, gazetteer):
                index.mentions.setdefault(sentence.index, []).append(mention)
                if mention.kind == "person":
                    _register(
                        index,
                        mention,
                        strong=mention.title is not None or sentence.heading is False and bool(mention.hints),
                    )
    _merge_short_names(index)
    for sentence in sentences:  # second pass: single words
        for mention in index.in_sentence(sentence.index):
            if mention.kind == "unknown":
                _single_word(index, mention)
    for mentions in index.mentions.values():
        mentions.sort(key=lambda m: m.start)
    return index


def _surnames(sentences: list[Sentence], runs: dict[int, list[tuple[int, int]]]) -> set[str]:
    """The last words of names in full: "Demir's spokesman" is no country."""
    surnames: set[str] = set()
    for sentence in sentences:
        for first, last in runs[sentence.index]:
            run = sentence.tokens[first : last + 1]
            if (
                2 <= len(run) <= 5
                and not any(t.text in ORG_WORDS or t.text in GEO_WORDS for t in run)
                and run[-1].bare not in COUNTRIES
            ):
                surnames.add(run[-1].bare)
    return surnames


def _learn_from_run(tokens: list[Token], first: int, last: int, gazetteer: Gazetteer, surnames: set[str]) -> None:
    """The places and countries a run of capitalised words shows by where it stands."""
    if first == last and tokens[first].text not in STOP_CAPS:
        gazetteer.singles.add(tokens[first].bare)
    _learn_place(tokens, first, last, gazetteer)
    nxt = tokens[last + 1] if last + 1 < len(tokens) else None
    if first == last and nxt is not None and nxt.lower in STATE_NOUNS and not tokens[last].possessive:
        name = tokens[first].bare  # "the Lowland government", "the Talmar parliament": a state
        if name not in surnames and name not in STOP_CAPS and gazetteer.country_of(name) is None:
            gazetteer.countries.add(name)
    if tokens[last].possessive and _office_follows(tokens, last + 1):
        name = _words(tokens, first, last)
        if (
            " " not in name
            and name not in CAPITALS
            and name not in SEATS
            and (name not in surnames or name in COUNTRIES)
        ):
            gazetteer.countries.add(name)
    if first == last and first >= 2 and tokens[first - 1].text == "of" and tokens[first].text not in ORG_WORDS:
        _learn_side_of_office(tokens, first, gazetteer, surnames)


def _learn_place(tokens: list[Token], first: int, last: int, gazetteer: Gazetteer) -> None:
    """'in Abu Dhabi', 'from Carrodia', 'the Auberonese capital, Drava': a place."""
    words = _words(tokens, first, last)
    before = tokens[first - 1].lower if first > 0 else ""
    capital = before == "," and first >= 2 and tokens[first - 2].lower == "capital"
    if not (before in PLACE_PREPS or words in CITIES or capital):
        return
    run = tokens[first : last + 1]
    if not any(t.text in ORG_WORDS and t.text not in GEO_WORDS for t in run) or words in CITIES:
        gazetteer.places.add(words)
        for token in run:
            if last > first and token.text not in ORG_WORDS and token.text not in JOINERS:
                gazetteer.places.add(token.bare)


def _learn_side_of_office(tokens: list[Token], first: int, gazetteer: Gazetteer, surnames: set[str]) -> None:
    """'President Ilse Marrow of Arvania': the side of an office holder."""
    k = first - 2
    while k >= 0 and is_name_word(tokens[k]):
        if tokens[k].text in TITLE_CAPS:
            if tokens[first].bare not in surnames:
                gazetteer.countries.add(tokens[first].bare)
            break
        k -= 1


def _learn_demonyms(sentences: list[Sentence], runs: dict[int, list[tuple[int, int]]], gazetteer: Gazetteer) -> None:
    """Demonyms of the document's own names make them countries."""
    for sentence in sentences:
        for first, _last in runs[sentence.index]:
            word = sentence.tokens[first].bare
            if _DEMONYM.search(word):
                guess = gazetteer.country_of(word)
                if (
                    guess is not None
                    and guess.name != word
                    and (guess.name in gazetteer.places or guess.name in gazetteer.singles)
                ):
                    gazetteer.countries.add(guess.name)


def _single_word(index: NameIndex, mention: Mention) -> None:
    """A word no rule placed, once every name is known: a surname, a party or a place."""
    word = mention.words
    person = index.person_by_surname(word) or (index.people.get(word) if word in index.people else None)
    if person is not None:
        mention.kind, mention.key = "person", person.key
        if word != person.key:
            person.surname_used = True
        return
    guess = index.gazetteer.country_of(word)
    if guess is not None:
        mention.kind, mention.key = "party", guess.name
        mention.hints = [guess]
    elif word in index.gazetteer.places:
        mention.kind = "place"


def _register(index: NameIndex, mention: Mention, *, strong: bool) -> None:
    info = index.people.get(mention.key)
    if info is None:
        info = index.people[mention.key] = PersonInfo(mention.key, first_offset=mention.start)
    if mention.title and mention.title not in info.titles:
        info.titles.append(mention.title)
    info.hints.extend(mention.hints)
    if mention.honorific and info.gender is None:
        info.gender = mention.honorific
    info.strong = info.strong or strong


def _ends_with_words(full: str, short: str) -> bool:
    """'Jean-Luc de Vries' ends with 'de Vries'; 'Amal al-Rashid' with 'Al-Rashid'."""
    a, b = full.casefold().split(), short.casefold().split()
    return len(b) < len(a) and a[-len(b) :] == b


def _one_letter_apart(a: str, b: str) -> bool:
    """One letter added, dropped or changed: 'Pritchard' and 'Prichard', 'Kowalski' and 'Kowalsky'."""
    if a == b or abs(len(a) - len(b)) > 1 or a[:2] != b[:2]:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return any(longer[:k] + longer[k + 1 :] == shorter for k in range(len(longer)))


def _merge_short_names(index: NameIndex) -> None:
    """'Mr Holm' registered as 'Holm' (or 'Mr de Vries' as 'de Vries') is Pieter Holm when
    the document names him in full."""
    by_surname: dict[str, list[PersonInfo]] = {}
    by_start: dict[str, list[PersonInfo]] = {}  # by the first two letters of the surname
    renamed: dict[str, str] = {}
    for person in index.people.values():
        if " " in person.key:
            by_surname.setdefault(person.surname.casefold(), []).append(person)
            by_start.setdefault(person.surname[:2].casefold(), []).append(person)
    for key in list(index.people):
        words = key.split()
        if len(words) > 2 or (len(words) == 2 and words[0][:1].isupper()):
            continue
        full = [p for p in by_surname.get(words[-1].casefold(), []) if p.key != key and _ends_with_words(p.key, key)]
        if not full and len(words) == 1 and len(key) >= 5:  # a one-letter misspelling: "Prichard"
            full = [
                p
                for p in by_start.get(key[:2].casefold(), [])
                if _one_letter_apart(p.surname.casefold(), key.casefold())
            ]
        if len(full) == 1:
            short = index.people.pop(key)
            target = full[0]
            target.titles.extend(t for t in short.titles if t not in target.titles)
            target.hints.extend(short.hints)
            target.gender = target.gender or short.gender
            target.strong = target.strong or short.strong
            target.surname_used = True
            renamed[key] = target.key
    if renamed:
        for mentions in index.mentions.values():
            for mention in mentions:
                if mention.kind == "person" and mention.key in renamed:
                    mention.key = renamed[mention.key]


def _words(tokens: list[Token], first: int, last: int) -> str:
    out = ""
    for k in range(first, last + 1):
        token = tokens[k]
        text = token.bare if k == last else token.text
        if k > first and tokens[k - 1].end < token.start:
            out += " "
        out += text
    return out


def _runs(tokens: list[Token], mask: list[bool]) -> Iterator[tuple[int, int]]:
    """[first, last] token indexes of each run of capitalised words outside quotes."""
    i, n = 0, len(tokens)
    while i < n:
        token = tokens[i]
        if mask[i] or not is_name_word(token) or token.text in STOP_CAPS:
            i += 1
            continue
        j = i
        while not tokens[j].possessive:
            k = j + 1
            if k < n and not mask[k] and is_name_word(tokens[k]) and tokens[k].start - tokens[j].end <= 1:
                j = k
                continue
            if (
                k + 1 < n
                and (tokens[k].lower in CONNECTORS or tokens[k].text in JOINERS)
                and not mask[k + 1]
                and is_name_word(tokens[k + 1])
                and tokens[k + 1].text not in STOP_CAPS
            ):
                j = k + 1
                continue
            break
        yield from _split_run(tokens, i, j)
        i = j + 1


def _split_run(tokens: list[Token], first: int, last: int) -> Iterator[tuple[int, int]]:
    """Split 'Steve Witkoff and Jared Kushner' in two; keep 'Ministry of Defence' whole."""
    words = [tokens[k].text for k in range(first, last + 1)]
    has_org = any(w in ORG_WORDS for w in words)
    start = first
    for k in range(first, last + 1):
        word = tokens[k].text
        split = word == "and" and not (has_org and _words(tokens, first, last) not in COUNTRIES) or word == "the"
        if word == "of" and not has_org and tokens[k - 1].text not in TITLE_CAPS:
            split = True
        if word == "and" and _words(tokens, first, last) in COUNTRIES:
            split = False
        if split:
            if k - 1 >= start:
                yield start, k - 1
            start = k + 1
    if start <= last:
        yield start, last


def _office_follows(tokens: list[Token], k: int) -> bool:
    """After 'Veldmark's': an office ('chief negotiator', 'Foreign Minister')."""
    for token in tokens[k : k + 6]:
        if token.lower in TITLE_NOUNS or token.text in TITLE_CAPS or token.lower in ORG_NOUNS:
            return True
        if not token.is_word:
            return False
    return False


def _classify(sentence: Sentence, first: int, last: int, gazetteer: Gazetteer) -> list[Mention]:
    """What a run of capitalised words names: the first of `_RULES` (in order) that says."""
    run = _Run(sentence, first, last, gazetteer)
    for rule in _RULES:
        found = rule(run)
        if found is not None:
            return found
    return _person(run)


class _Run:
    """A run of capitalised words, tokens [first, last] of a sentence, being classified."""

    __slots__ = ("sentence", "first", "last", "gazetteer", "tokens", "words", "start", "end", "title_at", "nxt")

    def __init__(self, sentence: Sentence, first: int, last: int, gazetteer: Gazetteer) -> None:
        self.sentence, self.first, self.last, self.gazetteer = sentence, first, last, gazetteer
        tokens = self.tokens = sentence.tokens
        self.words = _words(tokens, first, last)
        self.start, self.end = tokens[first].start, tokens[last].end
        # The last capitalised office inside the run: "White House Press Secretary Karoline Leavitt".
        self.title_at = max((k for k in range(first, last + 1) if tokens[k].text in TITLE_CAPS), default=None)
        self.nxt = tokens[last + 1] if last + 1 < len(tokens) else None

    def before_office(self) -> bool:
        """The run is followed by an office in lower case: 'Lisaran envoy', 'Kremlin spokesman'."""
        nxt = self.nxt
        return (
            nxt is not None
            and not nxt.is_cap
            and (nxt.lower in TITLE_NOUNS or nxt.lower in TITLE_MODIFIERS or nxt.lower in ORG_NOUNS)
        )

    def make(
        self,
        kind: MentionKind,
        *,
        key: str = "",
        words: str | None = None,
        start: int | None = None,
        name_start: int | None = None,
        title: str | None = None,
        hints: list[PartyGuess] | None = None,
        honorific: str | None = None,
    ) -> list[Mention]:
        return [
            Mention(
                kind,
                self.sentence.index,
                self.start if start is None else start,
                self.end,
                self.start if name_start is None else name_start,
                self.words if words is None else words,
                key,
                title,
                [] if hints is None else hints,
                honorific,
                self.first,
                self.last,
            )
        ]


def _country(run: _Run) -> list[Mention] | None:
    words = run.words
    if words in COUNTRIES or words in ALIASES or words in run.gazetteer.countries:
        return run.make("party", key=ALIASES.get(words, words), hints=[PartyGuess(ALIASES.get(words, words), words)])
    return None


def _outlet_or_group(run: _Run) -> list[Mention] | None:
    tokens, first, last = run.tokens, run.first, run.last
    if _outlet(tokens, first, last) or (first == last and tokens[first].bare.lower() in GROUP_WORDS):
        return run.make("org")
    return None


def _inside_a_name(run: _Run) -> list[Mention] | None:
    """'the Order', 'the Union', 'of St. Brand': part of a name, not a person."""
    tokens, first = run.tokens, run.first
    if first != run.last or first == 0 or run.before_office():
        return None
    before = tokens[first - 1]
    if before.lower != "the" and before.text not in ("St", "of"):
        return None
    if run.gazetteer.country_of(tokens[first].bare) is None or before.text in ("St", "of"):
        return run.make("org")
    return None


def _place(run: _Run) -> list[Mention] | None:
    words = run.words
    if words in CITIES or (words in run.gazetteer.places and words not in CAPITALS):
        return run.make("place")
    return None


def _seat(run: _Run) -> list[Mention] | None:
    words = run.words
    if words in SEATS or words in CAPITALS:
        guess = run.gazetteer.country_of(words)
        return run.make("party", key=guess.name if guess else words, hints=[guess] if guess else [])
    return None


def _with_article(run: _Run) -> list[Mention] | None:
    """'the Hotel Astoria', 'the United Lakes envoy': a person's name takes no article."""
    if run.title_at is None and run.last > run.first and run.first > 0 and run.tokens[run.first - 1].lower == "the":
        return run.make("org")
    return None


def _titled(run: _Run) -> list[Mention] | None:
    """A capitalised office, then a name: 'Secretary of State Anton Bryce', 'President Ilse Marrow of Arvania'."""
    tokens, first, last, title_at, gazetteer = run.tokens, run.first, run.last, run.title_at, run.gazetteer
    if title_at is None or title_at >= last:
        return None
    name_first = title_at + 1
    if tokens[title_at].text in TITLE_CAPS and name_first <= last and tokens[name_first].text == "of":
        name_first += 2  # "Secretary of State Anton Bryce"
    if name_first > last or any(tokens[k].text in ORG_WORDS for k in range(name_first, last + 1)):
        return None
    title, hints, honorific = _office([tokens[k] for k in range(first, name_first)], gazetteer)
    before_title, before_hints = _lower_office(tokens, first, gazetteer)
    hints = before_hints + hints
    if before_title and not title:
        title = before_title
    name_last = last
    of_at = next((k for k in range(name_first + 1, last) if tokens[k].text == "of"), None)
    if of_at is not None:  # "President Ilse Marrow of Arvania": the name ends before "of"
        name_last = of_at - 1
        country = gazetteer.country_of(_words(tokens, of_at + 1, last))
        if country is not None:
            hints = hints + [country]
    appos_title, appos_hints = _apposition(tokens, last, gazetteer)
    name = _words(tokens, name_first, name_last)
    return run.make(
        "person",
        key=name,
        name_start=tokens[name_first].start,
        words=name,
        title=title or appos_title,
        hints=hints + appos_hints,
        honorific=honorific,
    )


def _bare_office(run: _Run) -> list[Mention] | None:
    """'President' alone."""
    return [] if run.title_at == run.last and run.first == run.last else None


def _one_word(run: _Run) -> list[Mention] | None:
    """A single capitalised word: a side in front of an office, a party, a surname."""
    if run.first != run.last:
        return None
    tokens, first, gazetteer = run.tokens, run.first, run.gazetteer
    word = tokens[first].bare
    guess = gazetteer.country_of(word)
    if run.before_office():
        # "Lisaran envoy", "Kremlin spokesman": a side in front of an office, not a person
        guess = guess or gazetteer.office_country(word)
        if guess is None and (word in gazetteer.places or word in gazetteer.countries):
            assert run.nxt is not None
            guess = PartyGuess(word, f"{word} {run.nxt.text}", sure=False)  # "a Calder diplomat"
        if guess is not None:
            return run.make("party", key=guess.name, hints=[guess], words=word)
        return run.make("org", words=word)
    if guess is not None and (
        word in gazetteer.places or word in gazetteer.countries or word != guess.name and guess.sure
    ):
        return run.make("party", key=guess.name, hints=[guess], words=word)
    if first >= 2 and tokens[first - 1].text == "," and tokens[first - 2].lower in KIN:
        return run.make("person", key=word, words=word, honorific=KIN[tokens[first - 2].lower])
    office, hints = _lower_office(tokens, first, gazetteer)
    appos, appos_hints = _apposition(tokens, run.last, gazetteer)
    if office or appos:  # "Kremlin spokesman Peskov"
        return run.make(
            "person",
            key=word,
            words=word,
            title=office or appos,
            hints=hints + appos_hints,
            start=_office_start(tokens, first) if office else run.start,
        )
    if guess is not None:
        return run.make("party", key=guess.name, hints=[guess], words=word)
    return run.make("unknown", words=word)


def _institution(run: _Run) -> list[Mention] | None:
    """A run with an organisation's word in it: 'Ministry of Defence', 'Kellstad City Council'."""
    if not any(run.tokens[k].text in ORG_WORDS for k in range(run.first, run.last + 1)):
        return None
    seat = next((s for s in SEATS if s in run.words), None)
    if seat:
        guess = run.gazetteer.country_of(seat)
        return run.make("party", key=guess.name if guess else seat, hints=[guess] if guess else [])
    return run.make("org")


def _no_name(run: _Run) -> list[Mention] | None:
    tokens, first, last = run.tokens, run.first, run.last
    if not all(tokens[k].is_word for k in range(first, last + 1)) or last - first > 4 or run.sentence.heading:
        return run.make("org")
    return None


def _person(run: _Run) -> list[Mention]:
    """Two or more name words: a person. An office in lower case before, or an apposition after."""
    tokens, first, last, gazetteer = run.tokens, run.first, run.last, run.gazetteer
    office, hints = _lower_office(tokens, first, gazetteer)
    lead = tokens[first].bare
    lead_guess = gazetteer.country_of(lead) if lead not in COUNTRIES else None
    if lead_guess is not None and last > first and tokens[first].text not in TITLE_CAPS:
        hints.append(lead_guess)  # "Ukrainian Volodymyr Zelenskyy" (rare without an office)
        first_name = first + 1
        name = _words(tokens, first_name, last)
    else:
        first_name = first
        name = run.words
    appos, appos_hints = _apposition(tokens, last, gazetteer)
    return run.make(
        "person",
        key=name,
        words=name,
        name_start=tokens[first_name].start,
        title=office or appos,
        hints=hints + appos_hints,
        start=_office_start(tokens, first) if office else run.start,
    )


# In order: the first rule that says what a run is decides; a run none claims is a person.
_RULES: tuple[Callable[[_Run], list[Mention] | None], ...] = (
    _country,
    _outlet_or_group,
    _inside_a_name,
    _place,
    _seat,
    _with_article,
    _titled,
    _bare_office,
    _one_word,
    _institution,
    _no_name,
)


def _outlet(tokens: list[Token], first: int, last: int) -> bool:
    """'Meridian Press', 'the Kellstad Post', 'the daily Courier', '(NBA)': a news outlet."""
    if tokens[last].bare in OUTLET_WORDS and last > first:
        return True
    before = tokens[first - 1].lower if first > 0 else ""
    return before in OUTLET_LEADS


def _office(office: list[Token], gazetteer: Gazetteer) -> tuple[str | None, list[PartyGuess], str | None]:
    """Split the capitalised office in front of a name into a title and party evidence."""
    hints: list[PartyGuess] = []
    honorific = None
    kept: list[Token] = []
    k = 0
    while k < len(office):
        token = office[k]
        if token.text in HONORIFICS:
            honorific = HONORIFICS[token.text]
            k += 1
            continue
        pair = f"{token.text} {office[k + 1].text}" if k + 1 < len(office) else ""
        if pair in SEATS:
            guess = gazetteer.country_of(pair)
            if guess:
                hints.append(PartyGuess(guess.name, pair))
            kept.extend(office[k : k + 2])
            k += 2
            continue
        if token.text not in TITLE_CAPS and token.text not in TITLE_MODIFIERS_CAP and token.text != "of":
            guess = gazetteer.office_country(token.text)
            if guess is not None:
                hints.append(guess)
                if token.bare in SEATS:
                    kept.append(token)
                k += 1
                continue
        kept.append(token)
        k += 1
    if kept and kept[-1].text in ("Mr", "Mrs", "Ms", "Dr"):
        kept.pop()
    title = " ".join(t.text for t in kept) or None
    if title and title.endswith("Envoys"):
        title = title[:-1]
    return title, hints, honorific


def _office_start(tokens: list[Token], first: int) -> int:
    k = first - 1
    if k >= 0 and tokens[k].text == ",":
        k -= 1
    while k >= 0 and (tokens[k].lower in TITLE_NOUNS or tokens[k].lower in TITLE_MODIFIERS):
        k -= 1
    while k >= 0 and tokens[k].is_cap and tokens[k].is_word and tokens[k].text not in STOP_CAPS:
        k -= 1
    return tokens[k + 1].start


def _lower_office(tokens: list[Token], first: int, gazetteer: Gazetteer) -> tuple[str | None, list[PartyGuess]]:
    """'Kremlin spokesman', "Kessland's defence minister," or 'American envoys' before a name."""
    k = first - 1
    if k >= 0 and tokens[k].text == ",":
        before_comma = _office_before_comma(tokens, first, k - 1, gazetteer)
        if before_comma is None:
            return None, []
        k = before_comma
    end = k
    while k >= 0 and (tokens[k].lower in TITLE_NOUNS or tokens[k].lower in TITLE_MODIFIERS) and not tokens[k].is_cap:
        k -= 1
    if k == end or not any(tokens[j].lower in TITLE_NOUNS for j in range(k + 1, end + 1)):
        if end >= 0 and tokens[end].lower == "and":  # "envoys Steve Witkoff and Jared Kushner"
            return _coordinated_office(tokens, end, gazetteer)
        return None, []
    words = [tokens[j].text for j in range(k + 1, end + 1)]
    lead, hints = _office_lead(tokens, k, words, gazetteer)
    title = " ".join(lead + words)
    if title.endswith("envoys") or title.endswith("officials") or title.endswith("negotiators"):
        title = title[:-1]
    return title, hints


def _office_before_comma(tokens: list[Token], first: int, k: int, gazetteer: Gazetteer) -> int | None:
    """Where an office before ', Ivo Strand' ends (token `k` is the last before the comma), or
    None when what stands there is no one office of this name."""
    j = k  # "The former mayor of Ravik, Ivo Strand": the office before "of Ravik"
    while j >= 0 and tokens[j].is_cap and tokens[j].is_word:
        j -= 1
    if (
        j < k
        and j >= 1
        and tokens[j].lower == "of"
        and (tokens[j - 1].lower in TITLE_NOUNS or tokens[j - 1].text in TITLE_CAPS)
    ):
        k = j - 1
    # "Kessland's defence minister, Pieter Holm": one office, in the singular, and no
    # apposition of the name's own ("US officials, Rustem Umerov, Ukraine's ... chief").
    if k < 0 or tokens[k].lower.endswith("s") and tokens[k].lower not in ("chief", "boss"):
        return None
    if _apposition(tokens, _name_end(tokens, first), gazetteer)[0]:
        return None
    return k


def _office_lead(
    tokens: list[Token], k: int, words: list[str], gazetteer: Gazetteer
) -> tuple[list[str], list[PartyGuess]]:
    """The capitalised words in front of an office in lower case (ending at token `k`), kept
    in the title when they name a seat or an unknown body, and the side they name."""
    j = k
    while j >= 0 and tokens[j].is_word and tokens[j].is_cap and tokens[j].text not in STOP_CAPS:
        j -= 1
    if j >= k:
        return [], []
    cap = _words(tokens, j + 1, k)
    guess = gazetteer.office_country(cap)
    if guess is not None:
        return ([cap] if cap in SEATS or cap.rstrip("s").rstrip("\u2019'") in SEATS else []), [guess]
    if cap in STOP_CAPS:
        return [], []
    # "Tesk Islands spokesman": an unknown name in front of an office names a side.
    if not any(w in TITLE_CAPS for w in cap.split()) and tokens[j + 1].text not in STOP_CAPS:
        return [cap], [PartyGuess(cap, f"{cap} {' '.join(words)}", sure=False)]
    return [cap], []


def _name_end(tokens: list[Token], first: int) -> int:
    k = first
    while k + 1 < len(tokens) and tokens[k + 1].is_word and tokens[k + 1].is_cap and not tokens[k].possessive:
        k += 1
    return k


def _coordinated_office(tokens: list[Token], and_at: int, gazetteer: Gazetteer) -> tuple[str | None, list[PartyGuess]]:
    k = and_at - 1
    while k >= 0 and tokens[k].is_word and tokens[k].is_cap:
        k -= 1
    if k == and_at - 1:
        return None, []
    return _lower_office(tokens, k + 1, gazetteer)


def _apposition(tokens: list[Token], last: int, gazetteer: Gazetteer) -> tuple[str | None, list[PartyGuess]]:
    """', Ukraine's National Security and Defence Council chief,' or ', the minister,' after a name."""
    k = last + 1
    if k >= len(tokens) or tokens[k].text != ",":
        return None, []
    segment: list[Token] = []
    for token in tokens[k + 1 : k + 16]:
        if token.text in (",", ";", ".", ":", "\u201c", "\u201d", '"', "\u2014", "(", ")"):
            break
        segment.append(token)
    if segment and segment[0].lower == "who" and any(t.lower in _LEADS for t in segment[1:3]):
        return None, _led_side(segment, gazetteer)
    if not _names_an_office(segment):
        return None, []
    segment, hints = _side_in_front(segment, gazetteer)
    segment = _side_after(segment, hints, gazetteer)
    if not segment:
        return None, hints
    return _words(segment, 0, len(segment) - 1), hints


def _led_side(segment: list[Token], gazetteer: Gazetteer) -> list[PartyGuess]:
    """', who heads Brevania's delegation,' / ', who led the Auralian delegation,': the side led."""
    for token in segment[2:]:
        if token.is_cap and token.is_word:
            guess = (
                gazetteer.office_country(token.bare)
                if not token.possessive
                else gazetteer.country_of(token.bare) or PartyGuess(token.bare, token.text, sure=False)
            )
            if guess is not None:
                return [guess]
    return []


def _names_an_office(segment: list[Token]) -> bool:
    """An apposition that is an office ('the minister'), not a clause ('who said', 'was there')."""
    if not segment or segment[0].lower in ("who", "which", "whose", "whom", "said", "says", "told"):
        return False
    if not any(t.lower in TITLE_NOUNS or t.text in TITLE_CAPS for t in segment):
        return False
    return not any(t.lower in ("said", "says", "told", "is", "was", "has", "had", "will", "would") for t in segment)


def _side_in_front(segment: list[Token], gazetteer: Gazetteer) -> tuple[list[Token], list[PartyGuess]]:
    """The office without its determiners and a side in front of it ("Ukraine's", 'Kremlin')."""
    hints: list[PartyGuess] = []
    while segment and segment[0].lower in DETERMINERS:
        segment = segment[1:]
    if segment and segment[0].possessive:
        guess = gazetteer.country_of(segment[0].bare)
        if guess:
            hints.append(guess)
        segment = segment[1:]
    elif (
        segment
        and segment[0].is_cap
        and gazetteer.office_country(segment[0].text) is not None
        and segment[0].text not in SEATS
    ):
        guess = gazetteer.office_country(segment[0].text)
        if guess:
            hints.append(guess)
        segment = segment[1:]
    return segment, hints


def _side_after(segment: list[Token], hints: list[PartyGuess], gazetteer: Gazetteer) -> list[Token]:
    """'a spokesman for the Kremlin', 'minister of Carrodia': the office up to the side it
    names, which goes to `hints`."""
    for j, token in enumerate(segment):
        if token.lower in ("for", "of", "to") and j + 1 < len(segment):
            rest = [t for t in segment[j + 1 :] if t.lower != "the"]
            if rest:
                guess = gazetteer.country_of(_words(rest, 0, len(rest) - 1))
                if guess:
                    hints.append(guess)
                    return segment[:j]
    return segment


_LEADS = frozenset(
    {"heads", "headed", "leads", "led", "represents", "represented", "chairs", "chaired", "speaks", "spoke"}
)


def role_words(text: str) -> str:
    """'the country's foreign minister' -> 'foreign minister' (for matching titles)."""
    words = [w for w in re.split(r"\s+", text.lower()) if w not in DETERMINERS and not re.search(r"[\u2019']s$", w)]
    return " ".join(words)
