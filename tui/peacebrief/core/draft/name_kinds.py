"""What a run of capitalised words names: a person, a party, a place, an organisation;
`classify` tries its rules in order."""

from __future__ import annotations

from collections.abc import Callable

from peacebrief.core.draft.mentions import Mention, MentionKind
from peacebrief.core.draft.name_words import (
    GROUP_WORDS,
    KIN,
    ORG_NOUNS,
    ORG_WORDS,
    OUTLET_LEADS,
    OUTLET_WORDS,
    TITLE_CAPS,
    TITLE_MODIFIERS,
    TITLE_NOUNS,
    run_words,
)
from peacebrief.core.draft.offices import apposition, lower_office, office_parts, office_start
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


def classify(sentence: Sentence, first: int, last: int, gazetteer: Gazetteer) -> list[Mention]:
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
        self.words = run_words(tokens, first, last)
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
    if is_outlet(tokens, first, last) or (first == last and tokens[first].bare.lower() in GROUP_WORDS):
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
    title, hints, honorific = office_parts([tokens[k] for k in range(first, name_first)], gazetteer)
    before_title, before_hints = lower_office(tokens, first, gazetteer)
    hints = before_hints + hints
    if before_title and not title:
        title = before_title
    name_last = last
    of_at = next((k for k in range(name_first + 1, last) if tokens[k].text == "of"), None)
    if of_at is not None:  # "President Ilse Marrow of Arvania": the name ends before "of"
        name_last = of_at - 1
        country = gazetteer.country_of(run_words(tokens, of_at + 1, last))
        if country is not None:
            hints = hints + [country]
    appos_title, appos_hints = apposition(tokens, last, gazetteer)
    name = run_words(tokens, name_first, name_last)
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
        return _side_before_office(run, word, guess)
    if guess is not None and (
        word in gazetteer.places or word in gazetteer.countries or word != guess.name and guess.sure
    ):
        return run.make("party", key=guess.name, hints=[guess], words=word)
    if first >= 2 and tokens[first - 1].text == "," and tokens[first - 2].lower in KIN:
        return run.make("person", key=word, words=word, honorific=KIN[tokens[first - 2].lower])
    titled = _surname_with_office(run, word)
    if titled is not None:
        return titled
    if guess is not None:
        return run.make("party", key=guess.name, hints=[guess], words=word)
    return run.make("unknown", words=word)


def _side_before_office(run: _Run, word: str, guess: PartyGuess | None) -> list[Mention]:
    """ "Lisaran envoy", "Kremlin spokesman": a side in front of an office, not a person."""
    gazetteer = run.gazetteer
    guess = guess or gazetteer.office_country(word)
    if guess is None and (word in gazetteer.places or word in gazetteer.countries):
        assert run.nxt is not None
        guess = PartyGuess(word, f"{word} {run.nxt.text}", sure=False)  # "a Calder diplomat"
    if guess is not None:
        return run.make("party", key=guess.name, hints=[guess], words=word)
    return run.make("org", words=word)


def _surname_with_office(run: _Run, word: str) -> list[Mention] | None:
    """ "Kremlin spokesman Peskov", "Peskov, the Kremlin spokesman": a surname with its office."""
    tokens, first = run.tokens, run.first
    office, hints = lower_office(tokens, first, run.gazetteer)
    appos, appos_hints = apposition(tokens, run.last, run.gazetteer)
    if not (office or appos):
        return None
    return run.make(
        "person",
        key=word,
        words=word,
        title=office or appos,
        hints=hints + appos_hints,
        start=office_start(tokens, first) if office else run.start,
    )


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
    office, hints = lower_office(tokens, first, gazetteer)
    lead = tokens[first].bare
    lead_guess = gazetteer.country_of(lead) if lead not in COUNTRIES else None
    if lead_guess is not None and last > first and tokens[first].text not in TITLE_CAPS:
        hints.append(lead_guess)  # "Ukrainian Volodymyr Zelenskyy" (rare without an office)
        first_name = first + 1
        name = run_words(tokens, first_name, last)
    else:
        first_name = first
        name = run.words
    appos, appos_hints = apposition(tokens, last, gazetteer)
    return run.make(
        "person",
        key=name,
        words=name,
        name_start=tokens[first_name].start,
        title=office or appos,
        hints=hints + appos_hints,
        start=office_start(tokens, first) if office else run.start,
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


def is_outlet(tokens: list[Token], first: int, last: int) -> bool:
    """'Meridian Press', 'the Kellstad Post', 'the daily Courier', '(NBA)': a news outlet."""
    if tokens[last].bare in OUTLET_WORDS and last > first:
        return True
    before = tokens[first - 1].lower if first > 0 else ""
    return before in OUTLET_LEADS
