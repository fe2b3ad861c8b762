"""Offices around a name: in lower case before it ('Kremlin spokesman', "Kessland's
defence minister,"), capitalised in front (`office_parts`), or in an apposition after it
(', the minister,'), with the side each names."""

from __future__ import annotations

import re

from peacebrief.core.draft.name_words import (
    DETERMINERS,
    HONORIFICS,
    STOP_CAPS,
    TITLE_CAPS,
    TITLE_MODIFIERS,
    TITLE_MODIFIERS_CAP,
    TITLE_NOUNS,
    run_words,
)
from peacebrief.core.draft.parties import (
    SEATS,
    Gazetteer,
    PartyGuess,
)
from peacebrief.core.draft.sentences import Token


def office_parts(office: list[Token], gazetteer: Gazetteer) -> tuple[str | None, list[PartyGuess], str | None]:
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


def office_start(tokens: list[Token], first: int) -> int:
    k = first - 1
    if k >= 0 and tokens[k].text == ",":
        k -= 1
    while k >= 0 and (tokens[k].lower in TITLE_NOUNS or tokens[k].lower in TITLE_MODIFIERS):
        k -= 1
    while k >= 0 and tokens[k].is_cap and tokens[k].is_word and tokens[k].text not in STOP_CAPS:
        k -= 1
    return tokens[k + 1].start


def lower_office(tokens: list[Token], first: int, gazetteer: Gazetteer) -> tuple[str | None, list[PartyGuess]]:
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
    if apposition(tokens, _name_end(tokens, first), gazetteer)[0]:
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
    cap = run_words(tokens, j + 1, k)
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
    return lower_office(tokens, k + 1, gazetteer)


def apposition(tokens: list[Token], last: int, gazetteer: Gazetteer) -> tuple[str | None, list[PartyGuess]]:
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
    return run_words(segment, 0, len(segment) - 1), hints


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
                guess = gazetteer.country_of(run_words(rest, 0, len(rest) - 1))
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
