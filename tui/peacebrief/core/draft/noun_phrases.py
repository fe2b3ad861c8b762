"""The speakers a noun phrase names: a name or several, a pronoun, an office or a body
('the minister', 'a Kremlin official', 'officials from the river commission'), a
document ('the statement said')."""

from __future__ import annotations

from peacebrief.core.draft.discourse import Discourse, SpeakerRef, side_of
from peacebrief.core.draft.mentions import Mention
from peacebrief.core.draft.name_words import (
    DETERMINERS,
    ORG_NOUNS,
    OUTLET_WORDS,
    TITLE_CAPS,
    TITLE_MODIFIERS,
    TITLE_NOUNS,
)
from peacebrief.core.draft.names import NameIndex, PersonInfo
from peacebrief.core.draft.reporting_words import BODY_WORDS, DOCUMENT_NOUNS, PRONOUNS, STATEMENT_NOUNS, VERBS
from peacebrief.core.draft.sentences import Sentence, Token, first_token_at


def is_parenthetical(segment: list[Token]) -> bool:
    if not segment or len(segment) > 16:
        return False
    if any(t.text in ("\u201c", "\u201d", '"') for t in segment):
        return False
    if _set_phrase(segment):
        return True
    first = segment[0]
    if any(t.lower in VERBS and VERBS[t.lower] in ("say", "tell") for t in segment):
        return False
    if first.lower in DETERMINERS or first.possessive:
        return any(t.lower in TITLE_NOUNS or t.text in TITLE_CAPS or t.lower in ORG_NOUNS for t in segment)
    return any(t.lower in TITLE_NOUNS for t in segment) and not any(
        t.lower in ("is", "was", "are", "were", "has", "had") for t in segment
    )


def _set_phrase(segment: list[Token]) -> bool:
    """', who ...,', ', for its part,', ', in turn,', ', a member of ...,': set off whatever follows."""
    first = segment[0]
    if first.lower in ("who", "which", "whose", "whom", "himself", "herself", "also", "speaking", "writing"):
        return True
    words = [t.lower for t in segment]
    if (
        words[:1] == ["for"]
        and words[-1:] == ["part"]
        or words in (["in", "turn"], ["in", "response"], ["however"], ["meanwhile"])
    ):
        return True  # ", for its part," / ", in turn,"
    return (
        first.lower in ("a", "an")
        and len(segment) > 1
        and segment[1].lower in ("member", "former", "veteran", "spokesman", "spokeswoman", "leader", "founder")
    )  # ", a member of the opposition Homeland Party,"


def previous_comma(tokens: list[Token], mask: list[bool], k: int) -> int:
    j = k
    while j >= 0:
        if tokens[j].text in (",", ";", ":") and not mask[j]:
            return j if tokens[j].text == "," else -1
        j -= 1
    return -1


def noun_phrase_ending(
    sentence: Sentence, mask: list[bool], k: int, names: NameIndex, discourse: Discourse
) -> tuple[list[SpeakerRef], int] | None:
    """The speaker(s) named by the noun phrase that ends at token `k`, and where it starts."""
    tokens = sentence.tokens
    token = tokens[k]
    if token.lower in PRONOUNS:
        if k > 0 and tokens[k - 1].lower in ("to", "with", "for", "by", "of", "that"):
            return None
        return [pronoun_ref(token, sentence, discourse)], k
    if token.lower in ("who", "which") and k >= 2 and tokens[k - 1].text == ",":
        found = noun_phrase_ending(sentence, mask, k - 2, names, discourse)
        return (found[0], found[1]) if found else None
    mention = names.ending_at(sentence.index, k)
    if mention is not None:
        return _office_holder_of(sentence, mention, names) or _named_mentions(sentence, mask, mention, names)
    j = _member_preposition(tokens, mask, k)
    if j is not None:
        return _member_of(sentence, mask, j, k, names, discourse)
    if token.lower in TITLE_NOUNS or token.lower in ORG_NOUNS:
        return role_phrase(sentence, mask, k, names, discourse)
    if token.lower in STATEMENT_NOUNS or token.lower in DOCUMENT_NOUNS:
        return _document(sentence, k, names)
    return None


def _office_holder_of(sentence: Sentence, mention: Mention, names: NameIndex) -> tuple[list[SpeakerRef], int] | None:
    """ "President Ilse Marrow of Arvania said": the person before 'of' and a side."""
    tokens = sentence.tokens
    if (
        mention.kind not in ("party", "org", "unknown", "place")
        or mention.first < 2
        or tokens[mention.first - 1].lower != "of"
    ):
        return None
    holder = names.ending_at(sentence.index, mention.first - 2)
    if holder is None or holder.kind != "person":
        return None
    info = names.people.get(holder.key)
    if info is not None and mention.hints:
        info.hints.extend(mention.hints)
    return [SpeakerRef("person", holder.key, holder.words, "named")], holder.first


def _named_mentions(
    sentence: Sentence, mask: list[bool], mention: Mention, names: NameIndex
) -> tuple[list[SpeakerRef], int] | None:
    """The names ending with `mention`, joined by 'and' or commas ('both Arvania and Kessland')."""
    tokens = sentence.tokens
    mentions = [mention]
    first = mention.first
    while first >= 2 and tokens[first - 1].lower in ("and", ",") and not mask[first - 1]:
        other = names.ending_at(sentence.index, first - 2)
        if other is None or other.kind not in ("person", "party"):
            break
        mentions.insert(0, other)
        first = other.first
    if first >= 1 and tokens[first - 1].lower == "both":
        first -= 1
    found_refs = [from_mention(m, names) for m in mentions]
    start = min(first, token_index(tokens, mentions[0].start))
    if any(r is None for r in found_refs):
        return None
    return [r for r in found_refs if r is not None], start


def _member_preposition(tokens: list[Token], mask: list[bool], k: int) -> int | None:
    """ "Officials from the river commission": the 'from' (or of, at, for) after an office or a
    body, within five words before `k`."""
    for j in range(k - 1, max(-1, k - 6), -1):
        if (
            tokens[j].lower in ("from", "of", "at", "for")
            and j >= 1
            and (tokens[j - 1].lower in TITLE_NOUNS or tokens[j - 1].lower in ORG_NOUNS)
        ):
            return j
        if not tokens[j].is_word or mask[j]:
            return None
    return None


def _member_of(
    sentence: Sentence, mask: list[bool], j: int, k: int, names: NameIndex, discourse: Discourse
) -> tuple[list[SpeakerRef], int] | None:
    """The role before the preposition at `j`, speaking for what follows it, up to `k`."""
    tokens = sentence.tokens
    token = tokens[k]
    side = next(
        (
            m
            for m in names.in_sentence(sentence.index)
            if m.kind == "party" and tokens[j].end <= m.start and m.end <= token.end
        ),
        None,
    )
    if side is not None and token.lower in ORG_NOUNS:
        # "a senior member of the Kaspian delegation": the delegation's side
        found = role_phrase(sentence, mask, j - 1, names, discourse)
        start = found[1] if found else j - 1
        return [SpeakerRef("party", side.key, sentence.sub(tokens[start].start, token.end), "party")], start
    found = role_phrase(sentence, mask, j - 1, names, discourse)
    if found is None:
        return None
    refs, start = found
    words = sentence.sub(tokens[start].start, token.end)
    return [
        SpeakerRef(
            r.kind,
            r.key if r.kind != "unknown" else words,
            words if r.kind == "unknown" else r.words,
            r.how,
            f"speaker '{words}': assign the party it speaks for" if r.kind == "unknown" else r.review,
        )
        for r in refs
    ], start


def _document(sentence: Sentence, k: int, names: NameIndex) -> tuple[list[SpeakerRef], int] | None:
    tokens = sentence.tokens
    j = k
    while (
        j - 1 >= 0
        and tokens[j - 1].is_word
        and not tokens[j - 1].is_cap
        and tokens[j - 1].lower not in DETERMINERS
        and k - j < 3
    ):
        j -= 1
    if j - 1 >= 0 and tokens[j - 1].lower in DETERMINERS:
        j -= 1
    words = sentence.sub(tokens[j].start, tokens[k].end)
    if tokens[k].lower in STATEMENT_NOUNS and names.statement_authors and tokens[j].lower in ("the", "its", "their"):
        return [SpeakerRef(s.kind, s.key, s.words, "statement", s.review) for s in names.statement_authors], j
    return [
        SpeakerRef(
            "unknown", words, words, "document", f"speaker '{words}': a document with no author named; assign one"
        )
    ], j


def _last_party(names: NameIndex, sentence: int, before: int) -> str | None:
    """The side a sentence's 'it' or 'its' stands for: the last party named before it in
    the sentence, else the first party of the sentence before (its subject)."""
    here = [m for m in names.in_sentence(sentence) if m.kind == "party" and m.end <= before]
    if here:
        return here[-1].key
    for back in (sentence - 1, sentence - 2):
        earlier = [m for m in names.in_sentence(back) if m.kind == "party"]
        if earlier:
            return earlier[0].key
    return None


def token_index(tokens: list[Token], offset: int) -> int:
    """The first token at or after `offset` (the last token if none)."""
    return min(first_token_at(tokens, offset), len(tokens) - 1)


def from_mention(mention: Mention, names: NameIndex) -> SpeakerRef | None:
    if mention.kind == "person":
        how = "named" if mention.words == mention.key else "surname"
        return SpeakerRef("person", mention.key, mention.words, how)
    if mention.kind == "party":
        return SpeakerRef("party", mention.key, mention.words, "party")
    if mention.kind == "unknown" and " " not in mention.words:
        # A single name never given in full ("Varga said"): a person of that name.
        names.people.setdefault(mention.words, PersonInfo(mention.words, strong=True, first_offset=mention.start))
        mention.kind, mention.key = "person", mention.words
        return SpeakerRef("person", mention.words, mention.words, "named")
    if mention.kind == "org" and _speaking_body(mention.words):
        # "the Helder Foundation said": the body speaks as a side of its own (its record
        # asks for its role); an outlet or a group of people does not.
        return SpeakerRef("party", mention.words, mention.words, "organisation")
    if mention.kind == "org":
        return SpeakerRef(
            "unknown",
            mention.words,
            mention.words,
            "party",
            f"speaker '{mention.words}' is an organisation: assign its party",
        )
    return None


def _speaking_body(words: str) -> bool:
    parts = words.split()
    return len(parts) >= 2 and parts[-1] in BODY_WORDS and parts[-1] not in OUTLET_WORDS


def pronoun_ref(token: Token, sentence: Sentence, discourse: Discourse) -> SpeakerRef:
    pronoun = PRONOUNS[token.lower]
    if pronoun == "it":
        party = _last_party(discourse.names, sentence.index, token.start)
        if party is not None:
            return SpeakerRef("party", party, token.text, "pronoun")
    if pronoun not in ("he", "she"):
        return SpeakerRef("unknown", token.text, token.text, "pronoun", f"speaker '{token.text}': decide who is meant")
    key, review = discourse.resolve_pronoun(pronoun, token.start, sentence.index)
    if key is None:
        return SpeakerRef(
            "unknown", token.text, token.text, "pronoun", review or f"speaker '{token.text}': decide who is meant"
        )
    return SpeakerRef("person", key, token.text, "pronoun", review)


def role_phrase(
    sentence: Sentence, mask: list[bool], k: int, names: NameIndex, discourse: Discourse
) -> tuple[list[SpeakerRef], int] | None:
    """'the minister', 'a Kremlin official', "the Lisaran foreign ministry", 'officials'."""
    tokens = sentence.tokens
    j, mention = _role_start(sentence, mask, k, names)
    party = mention.key if mention is not None and mention.kind == "party" else None
    determiner = tokens[j - 1].lower if j >= 1 else ""
    head = tokens[k].lower
    if party is None and determiner in ("its", "their") and head in ORG_NOUNS:
        party = _last_party(names, sentence.index, tokens[j - 1].start)  # "its foreign ministry said"
    if party is None and determiner in ("his", "her") and head in ORG_NOUNS:
        found = _personal_office(sentence, j, k, determiner, names, discourse)
        if found is not None:
            return found
    if determiner in DETERMINERS or determiner in ("both", "two", "three", "several", "some", "many"):
        j -= 1
    words = sentence.sub(tokens[j].start, tokens[k].end)
    if determiner == "the" and head in TITLE_NOUNS and not head.endswith("s"):
        found = _the_role(sentence, j, k, words, mention, party, discourse)
        if found is not None:
            return found
    speakers = _side_or_role(words, head, determiner, party)
    return (speakers, j) if speakers is not None else None


def _side_or_role(words: str, head: str, determiner: str, party: str | None) -> list[SpeakerRef] | None:
    """The party a role phrase speaks for, or the unknown side or office holder it names."""
    if party is not None:
        return [SpeakerRef("party", party, words, "party")]
    if head in ORG_NOUNS or head in ("official", "officials", "diplomats", "negotiators", "delegates", "aides"):
        return [SpeakerRef("unknown", words, words, "party", f"speaker '{words}': assign the party it speaks for")]
    if determiner == "the" and head in TITLE_NOUNS:
        return [
            SpeakerRef("unknown", words, words, "role", f"speaker '{words}': no person with that office named before")
        ]
    return None


def _role_start(sentence: Sentence, mask: list[bool], k: int, names: NameIndex) -> tuple[int, Mention | None]:
    """Where the role phrase ending at `k` starts (before its determiner), and the name just
    before its words in lower case, if any ('the Lisaran foreign ministry')."""
    tokens = sentence.tokens
    j = k
    while (
        j - 1 >= 0
        and not mask[j - 1]
        and (
            tokens[j - 1].lower in TITLE_NOUNS
            or tokens[j - 1].lower in TITLE_MODIFIERS
            or tokens[j - 1].lower in ORG_NOUNS
        )
        and not tokens[j - 1].is_cap
    ):
        j -= 1
    mention = names.ending_at(sentence.index, j - 1) if j >= 1 else None
    if mention is not None and mention.kind == "party":
        j = mention.first
    elif (
        j >= 1
        and tokens[j - 1].possessive
        and tokens[j - 1].lower in ("country\u2019s", "country's", "government\u2019s", "government's")
    ):
        j -= 1
    if (
        mention is None
        and j >= 2
        and tokens[j - 1].is_word
        and not tokens[j - 1].is_cap
        and tokens[j - 2].lower in ("the", "a", "an")
    ):
        j -= 1  # "the river commission"
    return j, mention


def _personal_office(
    sentence: Sentence, j: int, k: int, determiner: str, names: NameIndex, discourse: Discourse
) -> tuple[list[SpeakerRef], int] | None:
    """'Her office said': the office speaks for her; 'his ministry said': for his side."""
    tokens = sentence.tokens
    holder, review = discourse.resolve_pronoun(
        "he" if determiner == "his" else "she", tokens[j - 1].start, sentence.index
    )
    words = sentence.sub(tokens[j - 1].start, tokens[k].end)
    if holder is not None and tokens[k].lower == "office":
        return [SpeakerRef("person", holder, words, "pronoun", review)], j - 1
    side = side_of(names, holder)
    if side is not None:
        return [SpeakerRef("party", side, words, "party", review)], j - 1
    return None


def _the_role(
    sentence: Sentence,
    j: int,
    k: int,
    words: str,
    mention: Mention | None,
    party: str | None,
    discourse: Discourse,
) -> tuple[list[SpeakerRef], int] | None:
    """'the minister', 'the Dornian envoy': one person, the one the office was last given to."""
    tokens = sentence.tokens
    role_from = mention.last + 1 if mention is not None and mention.kind == "party" else j + 1
    role = sentence.sub(tokens[role_from].start, tokens[k].end)
    key, review = discourse.resolve_role(role, tokens[j].start, party)
    if key is None and party is not None:
        # "the Dornian envoy": one person of that side, never the side itself; the
        # person of that side (or of no known side) named last, to check.
        key = discourse.last_person_of(party, tokens[j].start, sentence.index)
        review = f"'{words}' taken as {key}, the last person of {party} named before" if key else None
    if key is not None:
        return [SpeakerRef("person", key, words, "role", review)], j
    if party is not None:
        return [
            SpeakerRef(
                "unknown", words, words, "role", f"speaker '{words}': no person of {party} named before; assign one"
            )
        ], j
    return None
