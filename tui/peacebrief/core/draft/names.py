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

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from peacebrief.core.draft.mentions import Mention
from peacebrief.core.draft.name_kinds import classify
from peacebrief.core.draft.name_words import (
    CONNECTORS,
    DEMONYM,
    GEO_WORDS,
    JOINERS,
    ORG_NOUNS,
    ORG_WORDS,
    PLACE_PREPS,
    STATE_NOUNS,
    STOP_CAPS,
    TITLE_CAPS,
    TITLE_NOUNS,
    is_name_word,
    run_words,
)
from peacebrief.core.draft.parties import (
    CAPITALS,
    CITIES,
    COUNTRIES,
    SEATS,
    Gazetteer,
    PartyGuess,
)
from peacebrief.core.draft.sentences import Sentence, Token

if TYPE_CHECKING:
    from peacebrief.core.draft.discourse import SpeakerRef


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
            for mention in classify(sentence, first, last, gazetteer):
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
    _learn_state(tokens, first, last, gazetteer, surnames)
    _learn_office_holder(tokens, first, last, gazetteer, surnames)
    if first == last and first >= 2 and tokens[first - 1].text == "of" and tokens[first].text not in ORG_WORDS:
        _learn_side_of_office(tokens, first, gazetteer, surnames)


def _learn_state(tokens: list[Token], first: int, last: int, gazetteer: Gazetteer, surnames: set[str]) -> None:
    """'the Lowland government', 'the Talmar parliament': a state."""
    nxt = tokens[last + 1] if last + 1 < len(tokens) else None
    if first == last and nxt is not None and nxt.lower in STATE_NOUNS and not tokens[last].possessive:
        name = tokens[first].bare
        if name not in surnames and name not in STOP_CAPS and gazetteer.country_of(name) is None:
            gazetteer.countries.add(name)


def _learn_office_holder(tokens: list[Token], first: int, last: int, gazetteer: Gazetteer, surnames: set[str]) -> None:
    """'Norrholm's transport minister': a one-word name with an office of its own is a country."""
    if tokens[last].possessive and office_follows(tokens, last + 1):
        name = run_words(tokens, first, last)
        if (
            " " not in name
            and name not in CAPITALS
            and name not in SEATS
            and (name not in surnames or name in COUNTRIES)
        ):
            gazetteer.countries.add(name)


def _learn_place(tokens: list[Token], first: int, last: int, gazetteer: Gazetteer) -> None:
    """'in Abu Dhabi', 'from Carrodia', 'the Auberonese capital, Drava': a place."""
    words = run_words(tokens, first, last)
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
            if DEMONYM.search(word):
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
        full = _full_names_of(key, by_surname, by_start)
        if len(full) == 1:
            _merge_into(full[0], index.people.pop(key))
            renamed[key] = full[0].key
    if renamed:
        for mentions in index.mentions.values():
            for mention in mentions:
                if mention.kind == "person" and mention.key in renamed:
                    mention.key = renamed[mention.key]


def _full_names_of(
    key: str, by_surname: dict[str, list[PersonInfo]], by_start: dict[str, list[PersonInfo]]
) -> list[PersonInfo]:
    """The people named in full whom a short name ('Holm', 'de Vries', 'Prichard') may be."""
    words = key.split()
    if len(words) > 2 or (len(words) == 2 and words[0][:1].isupper()):
        return []
    full = [p for p in by_surname.get(words[-1].casefold(), []) if p.key != key and _ends_with_words(p.key, key)]
    if not full and len(words) == 1 and len(key) >= 5:  # a one-letter misspelling: "Prichard"
        full = [
            p for p in by_start.get(key[:2].casefold(), []) if _one_letter_apart(p.surname.casefold(), key.casefold())
        ]
    return full


def _merge_into(target: PersonInfo, short: PersonInfo) -> None:
    target.titles.extend(t for t in short.titles if t not in target.titles)
    target.hints.extend(short.hints)
    target.gender = target.gender or short.gender
    target.strong = target.strong or short.strong
    target.surname_used = True


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
        split = word == "and" and not (has_org and run_words(tokens, first, last) not in COUNTRIES) or word == "the"
        if word == "of" and not has_org and tokens[k - 1].text not in TITLE_CAPS:
            split = True
        if word == "and" and run_words(tokens, first, last) in COUNTRIES:
            split = False
        if split:
            if k - 1 >= start:
                yield start, k - 1
            start = k + 1
    if start <= last:
        yield start, last


def office_follows(tokens: list[Token], k: int) -> bool:
    """After 'Veldmark's': an office ('chief negotiator', 'Foreign Minister')."""
    for token in tokens[k : k + 6]:
        if token.lower in TITLE_NOUNS or token.text in TITLE_CAPS or token.lower in ORG_NOUNS:
            return True
        if not token.is_word:
            return False
    return False
