"""Parties: which side a name, a title or an institution belongs to.

Three sources of knowledge, in this order:

1. an existing brief (`--brief`): its parties (by id, name, short tag) and its people
   (by name, aliases and surname) are matched first, so nothing there is duplicated;
2. the document's own words: a possessive in front of an office ("Ukraine's National
   Security and Defence Council chief"), a demonym ("Ukrainian President"), a seat of
   government ("Kremlin spokesman", "White House Press Secretary"), a capital used as an
   actor ("Moscow says");
3. a small gazetteer of countries, demonyms, capitals and seats of government, so that
   the words above name a country. Fictional or unknown places still work: a demonym
   is matched to a place named in the same document ("Carrodian" to "Carrodia").

A person with no such evidence gets the placeholder party, marked for review.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

COUNTRIES = frozenset(
    """Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahamas|Bahrain|
    Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia and Herzegovina|Botswana|Brazil|Brunei|
    Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Cape Verde|Central African Republic|Chad|Chile|China|
    Colombia|Comoros|Congo|Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|Czechia|Denmark|Djibouti|Dominica|
    Dominican Republic|Ecuador|Egypt|El Salvador|Equatorial Guinea|Eritrea|Estonia|Eswatini|Ethiopia|Fiji|Finland|
    France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti|Honduras|
    Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Ivory Coast|Jamaica|Japan|Jordan|Kazakhstan|Kenya|
    Kiribati|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|
    Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Mauritania|Mauritius|Mexico|Micronesia|Moldova|Monaco|Mongolia|
    Montenegro|Morocco|Mozambique|Myanmar|Namibia|Nauru|Nepal|Netherlands|New Zealand|Nicaragua|Niger|Nigeria|
    North Korea|North Macedonia|Norway|Oman|Pakistan|Palau|Palestine|Panama|Papua New Guinea|Paraguay|Peru|
    Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|Samoa|San Marino|Saudi Arabia|Senegal|Serbia|Seychelles|
    Sierra Leone|Singapore|Slovakia|Slovenia|Somalia|South Africa|South Korea|South Sudan|Spain|Sri Lanka|Sudan|
    Suriname|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Timor-Leste|Togo|Tonga|
    Trinidad and Tobago|Tunisia|Turkey|Turkmenistan|Tuvalu|Uganda|Ukraine|United Arab Emirates|United Kingdom|
    United States|Uruguay|Uzbekistan|Vanuatu|Vatican|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|European Union|
    United Nations|NATO""".replace("\n", "")
    .replace("    ", "")
    .split("|")
)

# Other names of a country (including short forms) -> the name the draft uses.
ALIASES = {
    "US": "United States",
    "U.S": "United States",
    "USA": "United States",
    "America": "United States",
    "United States of America": "United States",
    "UK": "United Kingdom",
    "Britain": "United Kingdom",
    "Great Britain": "United Kingdom",
    "UAE": "United Arab Emirates",
    "Emirates": "United Arab Emirates",
    "EU": "European Union",
    "UN": "United Nations",
    "Russian Federation": "Russia",
    "Türkiye": "Turkey",
    "DRC": "Congo",
    "Czechia": "Czech Republic",
}

# Demonyms that are not the country's name plus -n, -an or -ian.
DEMONYMS = {
    "American": "United States",
    "British": "United Kingdom",
    "Chinese": "China",
    "French": "France",
    "German": "Germany",
    "Turkish": "Turkey",
    "Israeli": "Israel",
    "Saudi": "Saudi Arabia",
    "Emirati": "United Arab Emirates",
    "Qatari": "Qatar",
    "Iraqi": "Iraq",
    "Pakistani": "Pakistan",
    "Afghan": "Afghanistan",
    "Sudanese": "Sudan",
    "Polish": "Poland",
    "Dutch": "Netherlands",
    "Swiss": "Switzerland",
    "Swedish": "Sweden",
    "Finnish": "Finland",
    "Danish": "Denmark",
    "Spanish": "Spain",
    "Greek": "Greece",
    "Japanese": "Japan",
    "Lebanese": "Lebanon",
    "Yemeni": "Yemen",
    "Omani": "Oman",
    "Kuwaiti": "Kuwait",
    "Bahraini": "Bahrain",
    "Filipino": "Philippines",
    "Vietnamese": "Vietnam",
    "Thai": "Thailand",
    "Somali": "Somalia",
    "Cypriot": "Cyprus",
    "Kosovar": "Kosovo",
    "Belarusian": "Belarus",
    "Azerbaijani": "Azerbaijan",
    "Norwegian": "Norway",
    "Irish": "Ireland",
    "Portuguese": "Portugal",
    "Icelandic": "Iceland",
    "Peruvian": "Peru",
    "Ivorian": "Ivory Coast",
    "Congolese": "Congo",
    "Malian": "Mali",
    "Bangladeshi": "Bangladesh",
    "Nepali": "Nepal",
    "Palestinian": "Palestine",
    "Kazakh": "Kazakhstan",
    "Uzbek": "Uzbekistan",
    "Tajik": "Tajikistan",
    "Turkmen": "Turkmenistan",
    "Kyrgyz": "Kyrgyzstan",
    "Scottish": "United Kingdom",
    "Welsh": "United Kingdom",
    "Soviet": "Russia",
    "Ukrainian": "Ukraine",
    "Russian": "Russia",
    "Syrian": "Syria",
    "Iranian": "Iran",
}

# Seats of government and institutions that stand for a country.
SEATS = {
    "Kremlin": "Russia",
    "White House": "United States",
    "Pentagon": "United States",
    "State Department": "United States",
    "Downing Street": "United Kingdom",
    "Whitehall": "United Kingdom",
    "Foreign Office": "United Kingdom",
    "Elysee": "France",
    "Élysée": "France",
    "Quai d'Orsay": "France",
    "Chancellery": "Germany",
    "Knesset": "Israel",
    "Zhongnanhai": "China",
    "Bankova": "Ukraine",
    "Kremlin's": "Russia",
}

CAPITALS = {
    "Moscow": "Russia",
    "Kyiv": "Ukraine",
    "Kiev": "Ukraine",
    "Washington": "United States",
    "London": "United Kingdom",
    "Paris": "France",
    "Berlin": "Germany",
    "Beijing": "China",
    "Ankara": "Turkey",
    "Tehran": "Iran",
    "Doha": "Qatar",
    "Riyadh": "Saudi Arabia",
    "Cairo": "Egypt",
    "Abu Dhabi": "United Arab Emirates",
    "Minsk": "Belarus",
    "Warsaw": "Poland",
    "Tokyo": "Japan",
    "New Delhi": "India",
    "Islamabad": "Pakistan",
    "Damascus": "Syria",
    "Baghdad": "Iraq",
    "Kabul": "Afghanistan",
    "Khartoum": "Sudan",
    "Addis Ababa": "Ethiopia",
    "Yerevan": "Armenia",
    "Baku": "Azerbaijan",
    "Tbilisi": "Georgia",
    "Rome": "Italy",
    "Madrid": "Spain",
    "Ottawa": "Canada",
    "Beirut": "Lebanon",
    "Amman": "Jordan",
    "Muscat": "Oman",
    "Belgrade": "Serbia",
    "Pristina": "Kosovo",
    "Budapest": "Hungary",
    "Bucharest": "Romania",
    "Chisinau": "Moldova",
    "Athens": "Greece",
    "Nicosia": "Cyprus",
    "Pyongyang": "North Korea",
    "Seoul": "South Korea",
    "Hanoi": "Vietnam",
    "Canberra": "Australia",
    "Nairobi": "Kenya",
    "Kigali": "Rwanda",
    "Mogadishu": "Somalia",
    "Brussels": "European Union",
}

# Cities that look like names of people ("Abu Dhabi", "Tel Aviv"): places, never speakers.
CITIES = frozenset(
    """Abu Dhabi|Addis Ababa|Buenos Aires|Dar es Salaam|Hong Kong|Ho Chi Minh City|Kuala Lumpur|Los Angeles|Mexico City|
    New Delhi|New York|Rio de Janeiro|San Francisco|Sao Paulo|Tel Aviv|Cape Town|Sharm el-Sheikh|Las Vegas|St Petersburg|
    Saint Petersburg|Santo Domingo|Panama City|Kuwait City|Guatemala City""".replace("\n", "")
    .replace("    ", "")
    .split("|")
)

PLACEHOLDER_ID = "unassigned"
PLACEHOLDER_NAME = "Unassigned (to review)"
# In a case's next round the draft never leaves a placeholder to delete: words and people
# the source gives no side for go to a party that says so, each marked for review.
UNKNOWN_ID = "unknown"
UNKNOWN_NAME = "Unknown (the source does not say)"
UNKNOWN_SUMMARY = (
    "Who said these words, or which side these people belong to, the source does not say: each is marked for review."
)

_DEMONYM_END = re.compile(r"(?:ian|an|n|ese|i|ish)$")


def slug(text: str, *, limit: int = 40) -> str:
    """A record id from words: lowercase letters, digits and '-'."""
    import unicodedata

    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    out = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")
    if len(out) > limit:
        out = out[:limit].rsplit("-", 1)[0] or out[:limit]
    return out or "x"


@dataclass(slots=True)
class PartyGuess:
    """A party for a person or a speaker, with the words it came from."""

    name: str
    words: str  # "Kremlin spokesman", "Ukraine's", "Ukrainian"
    sure: bool = True  # False: a heuristic (a demonym matched only by its spelling)


@dataclass(slots=True)
class ExistingParty:
    id: str
    name: str
    short: str | None = None


@dataclass(slots=True)
class ExistingPerson:
    id: str
    name: str
    party: str
    aliases: tuple[str, ...] = ()
    title: str | None = None


@dataclass(slots=True)
class Gazetteer:
    """What the draft knows about places and sides: built-in lists plus the document's own names."""

    places: set[str] = field(default_factory=set)  # capitalised names used as places in the documents
    singles: set[str] = field(default_factory=set)  # one-word capitalised names seen
    countries: set[str] = field(default_factory=set)  # names known (or shown) to be countries
    _sorted: dict[str, list[str]] = field(default_factory=dict, repr=False)
    _sorted_for: tuple[int, int, int] = (-1, -1, -1)

    def country_of(self, words: str) -> PartyGuess | None:
        """The country that a name, demonym, seat or capital stands for."""
        words = words.strip()
        bare = re.sub(r"[\u2019']s$", "", words)
        if bare.startswith("the "):
            bare = bare[4:]
        if bare in ALIASES:
            return PartyGuess(ALIASES[bare], words)
        if bare in COUNTRIES or bare in self.countries:
            return PartyGuess(bare, words)
        if bare in SEATS:
            return PartyGuess(SEATS[bare], words)
        if bare in CAPITALS:
            return PartyGuess(CAPITALS[bare], words)
        if bare in DEMONYMS:
            return PartyGuess(DEMONYMS[bare], words)
        return self._by_spelling(bare, words)

    def _by_spelling(self, bare: str, words: str) -> PartyGuess | None:
        """'Carrodian' -> 'Carrodia' (a place of the document), 'Kenyan' -> 'Kenya'."""
        if " " in bare or not _DEMONYM_END.search(bare) or len(bare) < 5:
            return None
        for place in self._candidates().get(bare[:4], ()):
            stem = place[:-1] if place[-1] in "aeiouy" else place
            if len(stem) >= 4 and bare.startswith(stem) and len(bare) - len(stem) <= 4 and bare != place:
                return PartyGuess(place, words, sure=place in COUNTRIES or place in self.countries)
        return None

    def _candidates(self) -> dict[str, list[str]]:
        """One-word names a demonym may come from, by their first four letters (a stem has
        at least four), longest first; made again only when the sets have grown."""
        size = (len(self.countries), len(self.places), len(self.singles))
        if self._sorted_for != size:
            by_start: dict[str, list[str]] = {}
            for place in sorted(COUNTRIES | self.countries | self.places | self.singles, key=len, reverse=True):
                if " " not in place and len(place) >= 4:
                    by_start.setdefault(place[:4], []).append(place)
            self._sorted = by_start
            self._sorted_for = size
        return self._sorted

    def office_country(self, words: str) -> PartyGuess | None:
        """The side of a word in front of an office: a known country or demonym, or a
        demonym of a place the document never names ('Auralian' -> 'Auralia', unsure)."""
        guess = self.country_of(words)
        if guess is not None:
            return guess
        bare = re.sub(r"[\u2019']s$", "", words.strip())
        if " " not in bare and len(bare) >= 6 and bare[0].isupper():
            if bare.endswith("ian"):
                return PartyGuess(bare[:-1], words, sure=False)
            if bare.endswith("an") and bare[-3] in "aeiouy":
                return PartyGuess(bare[:-1], words, sure=False)
        return None


@dataclass(frozen=True, slots=True)
class KnownParty:
    name: str
    role: str


@dataclass(slots=True)
class CaseParties:
    """A case's parties by every name a document may give them: name, short name, the name
    without "Government of", an alias, and the last word of the name where no other party
    of the case ends with it ("the Movement", "the Forum")."""

    by_name: dict[str, KnownParty] = field(default_factory=dict)

    @classmethod
    def of(cls, parties: Iterable[tuple[list[str], str, str]]) -> CaseParties:
        """`parties`: (names, name, role) for each party of the case, the latest round first."""
        known = cls()
        heads: dict[str, set[KnownParty]] = {}
        for names, name, role in parties:
            party = KnownParty(name, role)
            for words in names:
                known.by_name.setdefault(_party_key(words), party)
            head = _party_key(name).split()[-1] if name.split() else ""
            if len(name.split()) > 1 and head:
                heads.setdefault(head, set()).add(party)
        for head, parties_ in heads.items():
            if len(parties_) == 1:
                known.by_name.setdefault(head, next(iter(parties_)))
        return known

    def find(self, words: str) -> KnownParty | None:
        return self.by_name.get(_party_key(words))


def _party_key(words: str) -> str:
    text = " ".join(words.replace("\u2019", "'").split()).casefold()
    text = re.sub(r"'s$", "", text)
    for prefix in ("the ", "government of the ", "government of "):
        if text.startswith(prefix) and len(text) > len(prefix):
            text = text[len(prefix) :]
    return text


@dataclass(slots=True)
class ExistingBrief:
    """The parts of an existing brief that a draft is matched against."""

    parties: list[ExistingParty]
    people: list[ExistingPerson]
    ids: set[str]

    def party_id(self, name: str) -> str | None:
        key = name.casefold()
        for party in self.parties:
            if key in (party.id.casefold(), party.name.casefold()) or (party.short and key == party.short.casefold()):
                return party.id
        canonical = ALIASES.get(name, name).casefold()
        for party in self.parties:
            if canonical == ALIASES.get(party.name, party.name).casefold():
                return party.id
        return None

    def person(self, name: str) -> ExistingPerson | None:
        """The existing person a name is: by full name, alias, or a shared surname."""
        key = name.casefold()
        for person in self.people:
            if key == person.name.casefold() or key in (a.casefold() for a in person.aliases):
                return person
        parts = name.split()
        surname = parts[-1].casefold() if parts else ""
        matches = [p for p in self.people if p.name.split() and p.name.split()[-1].casefold() == surname]
        if len(matches) == 1 and (len(parts) == 1 or matches[0].name.split()[0].casefold() == parts[0].casefold()):
            return matches[0]
        return None


def from_brief(brief: object) -> ExistingBrief:
    """Read what matching needs from a loaded `Brief`."""
    parties = [ExistingParty(p.id, p.name, p.short) for p in getattr(brief, "parties", ())]
    people = [ExistingPerson(p.id, p.name, p.party, tuple(p.aliases), p.title) for p in getattr(brief, "people", ())]
    ids = set(getattr(brief, "records", {}).keys())
    return ExistingBrief(parties, people, ids)


def unique_id(base: str, taken: Iterable[str] | set[str]) -> str:
    taken_set = taken if isinstance(taken, set) else set(taken)
    base = base if re.match(r"[a-z0-9]", base) else f"x-{base}"
    candidate = base
    number = 2
    while candidate in taken_set:
        candidate = f"{base}-{number}"
        number += 1
    return candidate
