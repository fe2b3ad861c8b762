"""The subject of a reporting verb: before it ('X said', 'X, the minister, said',
'X, who was present, said') or after it ('said X', 'said X, the minister')."""

from __future__ import annotations

from peacebrief.core.draft.discourse import Discourse, Reporting, SpeakerRef
from peacebrief.core.draft.mentions import Mention
from peacebrief.core.draft.name_words import DETERMINERS, TITLE_MODIFIERS, TITLE_NOUNS
from peacebrief.core.draft.names import NameIndex
from peacebrief.core.draft.noun_phrases import (
    from_mention,
    is_parenthetical,
    noun_phrase_ending,
    previous_comma,
    pronoun_ref,
    token_index,
)
from peacebrief.core.draft.reporting_words import CONTINUATIONS, FINITE_VERBS, NAMING_BEFORE, SKIP_LEFT
from peacebrief.core.draft.sentence_context import SentenceContext
from peacebrief.core.draft.sentences import Sentence, Token
from peacebrief.core.draft.timex import Timex


def _timex_ending(timexes: list[Timex], offset: int) -> Timex | None:
    for timex in timexes:
        if timex.end == offset:
            return timex
    return None


def _token_before(tokens: list[Token], offset: int) -> int:
    k = len(tokens) - 1
    while k >= 0 and tokens[k].start >= offset:
        k -= 1
    return k


def subject_left(
    context: SentenceContext, i: int, earlier: list[Reporting]
) -> tuple[list[SpeakerRef], tuple[int, int], bool, bool] | None:
    """The speakers named before the reporting verb at `i`, where they are, whether they are
    inherited from the reporting before ('and said'), and whether 'what' opens the clause."""
    sentence, mask, names, timexes, discourse = context.parts()
    tokens = sentence.tokens
    k = _left_of_timexes(tokens, mask, i - 1, timexes)
    if k < 0 or mask[k]:
        return None
    token = tokens[k]
    verb_token = tokens[i]
    if token.lower in ("and", "but", "or", "then") or (token.text == "," and verb_token.lower in CONTINUATIONS):
        return _inherited(earlier, verb_token)
    named_inside: Mention | None = None
    if token.text == ",":
        named = _named_in_apposition(sentence, mask, k - 1, names, verb_token)
        if named is not None:
            return named
        skipped = _skip_parentheticals(sentence, mask, k - 1, names)
        if skipped is None:
            return None
        k, named_inside = skipped
    refs = _phrase_ending(sentence, mask, k, names, discourse)
    if refs is None:
        return None
    speakers, start_token = refs
    if named_inside is not None and all(r.kind != "person" or r.how == "role" for r in speakers):
        # "The mediator, Lisaran envoy Amara Quell, said": the apposition names the speaker.
        speakers = [SpeakerRef("person", named_inside.key, named_inside.words, "named")]
    what = start_token > 0 and tokens[start_token - 1].lower == "what"
    return speakers, (tokens[start_token].start, verb_token.end), False, what


def _inherited(
    earlier: list[Reporting], verb_token: Token
) -> tuple[list[SpeakerRef], tuple[int, int], bool, bool] | None:
    """ "..., and said": the speakers of the reporting verb before, inherited."""
    if not earlier:
        return None
    speakers = [
        SpeakerRef(s.kind, s.key, s.words, s.how if s.how != "named" else "inherited", s.review)
        for s in earlier[-1].speakers
    ]
    return speakers, (verb_token.start, verb_token.end), True, False


def _phrase_ending(
    sentence: Sentence, mask: list[bool], k: int, names: NameIndex, discourse: Discourse
) -> tuple[list[SpeakerRef], int] | None:
    """The noun phrase ending at `k`, or the one before a relative clause ending there
    ("the envoy, who was present, said")."""
    refs = noun_phrase_ending(sentence, mask, k, names, discourse)
    if refs is None:
        who = _relative_before(sentence.tokens, mask, k)
        refs = noun_phrase_ending(sentence, mask, who - 1, names, discourse) if who is not None and who >= 1 else None
    return refs


def _left_of_timexes(tokens: list[Token], mask: list[bool], k: int, timexes: list[Timex]) -> int:
    """The token before a reporting verb at `k + 1`, past skippable words and up to four
    time expressions ("said on Tuesday", "Officials on Monday said")."""
    for _ in range(4):
        while k >= 0 and tokens[k].lower in SKIP_LEFT and not mask[k]:
            k -= 1
        timex = _timex_ending(timexes, tokens[k].end) if k >= 0 else None
        if timex is None:
            break
        k = _token_before(tokens, timex.outer_start)
    return k


def _named_in_apposition(
    sentence: Sentence, mask: list[bool], k: int, names: NameIndex, verb_token: Token
) -> tuple[list[SpeakerRef], tuple[int, int], bool, bool] | None:
    """ "Norrholm's transport minister, Birte Aalund, said": the name (ending at `k`) is the apposition."""
    tokens = sentence.tokens
    whole = names.ending_at(sentence.index, k) if k >= 0 else None
    if whole is None or whole.kind != "person":
        return None
    comma_before = previous_comma(tokens, mask, k)
    if token_index(tokens, whole.start) <= comma_before + 1:
        return [SpeakerRef("person", whole.key, whole.words, "named")], (whole.start, verb_token.end), False, False
    if comma_before >= 0 and NAMING_BEFORE.search(sentence.sub(tokens[comma_before].end, whole.start)):
        # "Its spokesman, a man who goes by the name Captain Varo, told me"
        return (
            [SpeakerRef("person", whole.key, whole.words, "named")],
            (tokens[comma_before + 1].start, verb_token.end),
            False,
            False,
        )
    return None


def _skip_parentheticals(
    sentence: Sentence, mask: list[bool], k: int, names: NameIndex
) -> tuple[int, Mention | None] | None:
    """Back over up to three parenthetical segments ending at `k` (', who ... ,'): the token
    before them and the last person named inside one; None when there is none to skip."""
    tokens = sentence.tokens
    named_inside: Mention | None = None
    skipped = 0
    while k >= 0 and skipped < 3:
        comma = previous_comma(tokens, mask, k)
        segment = tokens[comma + 1 : k + 1]
        if comma >= 0 and is_parenthetical(segment):
            inside = [
                m
                for m in names.in_sentence(sentence.index)
                if m.kind == "person" and segment[0].start <= m.start and m.end <= segment[-1].end
            ]
            if inside and named_inside is None:
                named_inside = inside[-1]
            k = comma - 1
            skipped += 1
            continue
        if comma < 0 and is_parenthetical(segment) and segment[0].lower in ("who", "which"):
            return None
        break
    if skipped == 0 or k < 0:
        return None
    return k, named_inside


def _relative_before(tokens: list[Token], mask: list[bool], k: int) -> int | None:
    """'a Calder diplomat who has worked on the file told me': the 'who' whose clause ends
    at `k`, with no comma or quotation mark between."""
    for j in range(k, max(-1, k - 12), -1):
        if mask[j] or tokens[j].text in (",", ";", ":", "(", ")"):
            return None
        if tokens[j].lower == "who":
            return j
    return None


def subject_right(context: SentenceContext, i: int) -> tuple[list[SpeakerRef], tuple[int, int], int] | None:
    """'said X', 'said X, the minister', 'said she'."""
    sentence, mask, names, timexes, discourse = context.parts()
    tokens = sentence.tokens
    k = i + 1
    while k < len(tokens) and tokens[k].lower in SKIP_LEFT:
        k += 1
    for timex in timexes:
        if k < len(tokens) and timex.outer_start == tokens[k].start:
            k = token_index(tokens, timex.end)
    if k >= len(tokens) or mask[k]:
        return None
    token = tokens[k]
    if token.lower in ("he", "she"):
        return [pronoun_ref(token, sentence, discourse)], (tokens[i].start, token.end), k + 1
    mention = _named_after(sentence, mask, k, names)
    if mention is None:
        return None
    if tokens[i - 1].text not in (",", "\u201d", '"') and not (i >= 2 and tokens[i - 2].text in ("\u201d", '"')):
        # "said X" only where the verb follows the quote or a comma: not "he said Putin ..."
        return None
    if _finite_verb_after(tokens, mention.last + 1):
        return None  # "said Kervo had given away ...": the name opens what was said
    ref = from_mention(mention, names)
    if ref is None:
        return None
    end = _apposition_end(tokens, mention.last + 1)
    return [ref], (tokens[i].start, tokens[min(end, len(tokens)) - 1].end), end


def _named_after(sentence: Sentence, mask: list[bool], k: int, names: NameIndex) -> Mention | None:
    """The person, party or unknown speaker named at token `k`, after a reporting verb."""
    tokens = sentence.tokens
    mention = None
    for candidate in names.in_sentence(sentence.index):
        if candidate.first <= k <= candidate.last and candidate.kind in ("person", "party", "unknown"):
            mention = candidate
            break
    if mention is None or mention.kind == "party" and not tokens[mention.last].possessive:
        # "said opposition lawmaker Mila Stenberg", "said Sarnese mediator Ilya Brandt"
        mention = _titled_after(sentence, mask, k, names) or mention
    if mention is not None and mention.kind == "party" and tokens[mention.last].possessive:
        return _office_holder(sentence, mention, names) or mention
    return mention


def _office_holder(sentence: Sentence, side: Mention, names: NameIndex) -> Mention | None:
    """ "said Talvar's deputy foreign minister, Helena Brook": the person named after a side's office."""
    tokens = sentence.tokens
    j = side.last + 1
    while j < len(tokens) and j - side.last < 6 and tokens[j].is_word and not tokens[j].is_cap:
        j += 1
    if j < len(tokens) and tokens[j].text == ",":
        holder = names.starting_at(sentence.index, j + 1)
        if holder is not None and holder.kind == "person":
            return holder
    return None


def _apposition_end(tokens: list[Token], end: int) -> int:
    """Past ', the minister,' after a name ending before `end`, if one follows."""
    if end < len(tokens) and tokens[end].text == ",":
        comma = end
        j = comma + 1
        while j < len(tokens) and tokens[j].text not in (",", ".", ";") and j - comma < 12:
            j += 1
        if is_parenthetical(tokens[comma + 1 : j]):
            return j
    return end


def _finite_verb_after(tokens: list[Token], k: int) -> bool:
    """A verb right after a name: the name is the subject of a clause of its own."""
    if k >= len(tokens) or not tokens[k].is_word or tokens[k].is_cap:
        return False
    word = tokens[k].lower
    return word in FINITE_VERBS or (word.endswith("ed") and len(word) > 4 and word not in SKIP_LEFT)


def _titled_after(sentence: Sentence, mask: list[bool], k: int, names: NameIndex) -> Mention | None:
    """A person named after an office in lower case, right after a reporting verb: 'said
    opposition lawmaker Mila Stenberg', 'said the Dornian envoy, Samir Haddad'."""
    tokens = sentence.tokens
    j = k
    office = False
    while j < len(tokens) and j - k < 6 and not mask[j] and tokens[j].is_word:
        mention = names.starting_at(sentence.index, j) if tokens[j].is_cap else None
        if mention is not None:
            if mention.kind == "party" and not tokens[mention.last].possessive:
                j = mention.last + 1  # "said Dornian envoy Samir Haddad"
                continue
            return mention if mention.kind == "person" and office else None
        word = tokens[j].lower
        if word in TITLE_NOUNS:
            office = True
        elif tokens[j].is_cap and word not in TITLE_MODIFIERS and word not in DETERMINERS:
            return None
        j += 1
    return _person_after_comma(sentence, j, names) if office else None


def _person_after_comma(sentence: Sentence, j: int, names: NameIndex) -> Mention | None:
    """The person named right after a comma at token `j` ('the Dornian envoy, Samir Haddad')."""
    tokens = sentence.tokens
    if j + 1 < len(tokens) and tokens[j].text == ",":
        mention = names.starting_at(sentence.index, j + 1)
        if mention is not None and mention.kind == "person":
            return mention
    return None
