"""The words that tell what a capitalised run names: offices, bodies, outlets, places,
kin; and which tokens can be part of a name."""

from __future__ import annotations

import re

from peacebrief.core.draft.sentences import Token
from peacebrief.core.draft.timex import MONTHS, WEEKDAYS

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


CALENDAR_WORDS = frozenset(WEEKDAYS) | frozenset(MONTHS)


DEMONYM = re.compile(r"(?:ian|an|ese|ish|i)$")


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


def is_name_word(token: Token) -> bool:
    """A capitalised word that can be part of a name; not a word in capitals ("NEW YORK:",
    "MIRA LUND:", a dateline or a transcript's speaker label) nor a month or weekday."""
    if token.is_word and _PARTICLE_NAME.match(token.text):
        return True  # "al-Rashid", "el-Amin"
    if not (token.is_word and token.is_cap and token.bare not in CALENDAR_WORDS):
        return False
    bare = token.bare
    return not (len(bare) > 1 and bare.isupper() and any(c.isalpha() for c in bare[1:]) and len(bare) > 3)


def run_words(tokens: list[Token], first: int, last: int) -> str:
    out = ""
    for k in range(first, last + 1):
        token = tokens[k]
        text = token.bare if k == last else token.text
        if k > first and tokens[k - 1].end < token.start:
            out += " "
        out += text
    return out
