"""What a reporting clause says was said (after 'that', after the object of 'told',
before a trailing attribution), and clauses that report with a colon ('X was blunter: ...')."""

from __future__ import annotations

from peacebrief.core.draft.discourse import Discourse, Reporting, SpeakerRef
from peacebrief.core.draft.mentions import Mention
from peacebrief.core.draft.name_words import ORG_NOUNS, TITLE_MODIFIERS, TITLE_NOUNS
from peacebrief.core.draft.names import NameIndex
from peacebrief.core.draft.noun_phrases import from_mention, pronoun_ref, role_phrase, token_index
from peacebrief.core.draft.reporting_words import ADVERBIAL, CONNECTIVES, CONTINUATIONS, SKIP_LEFT, TOLD_OBJECT, VERBS
from peacebrief.core.draft.sentences import Sentence, Token
from peacebrief.core.draft.timex import Timex


def content_start(sentence: Sentence) -> int:
    match = CONNECTIVES.match(sentence.text)
    return sentence.start + (match.end() if match else 0)


def clause_end(sentence: Sentence, k: int) -> int:
    """Where what was said ends: the sentence's end, or before a clause of its own
    (', accusing Putin', ', but noted that', ' and has rejected')."""
    tokens = sentence.tokens
    j = k
    while j < len(tokens):
        token = tokens[j]
        if token.text == ";":
            return tokens[j - 1].end
        if token.text == "," and j + 1 < len(tokens) and tokens[j + 1].lower in CONTINUATIONS:
            return tokens[j - 1].end
        if token.lower in ("and", "but") and j > k and _verb_follows(tokens, j + 1):
            end = j - 1
            if tokens[end].text == ",":
                end -= 1
            return tokens[end].end
        j += 1
    end = len(tokens) - 1
    while (
        end >= k
        and not tokens[end].is_word
        and not tokens[end].text[0].isdigit()
        and tokens[end].text not in ("\u201d", '"', ")")
    ):
        end -= 1
    return tokens[end].end if end >= k else tokens[k].end


def _verb_follows(tokens: list[Token], m: int) -> bool:
    """A reporting verb at `m`, past skippable words, with no 'to' after it ('and has rejected')."""
    while m < len(tokens) and tokens[m].lower in SKIP_LEFT:
        m += 1
    return m < len(tokens) and tokens[m].lower in VERBS and tokens[m + 1 if m + 1 < len(tokens) else m].lower != "to"


def reported_content(
    sentence: Sentence, mask: list[bool], reporting: Reporting, after: int, what: bool, timexes: list[Timex]
) -> tuple[int, int] | None:
    """Where what was reported stands in the sentence, the reporting verb ending before `after`."""
    tokens = sentence.tokens
    k = after
    if reporting.lemma == "tell":  # told reporters / told the BBC / told state television
        k = _past_told_object(tokens, k)
    k = _past_adverbials(sentence, k, timexes)
    if k < len(tokens) and tokens[k].lower == "that":
        k += 1
    if what:
        for m in range(k, min(k + 3, len(tokens))):
            if tokens[m].lower in ("is", "was", "are", "were"):
                k = m + 1
                break
    if reporting.object_verb:
        if reporting.verb + 1 >= len(tokens):
            return None
        start = reporting.attribution[0] if not reporting.inherited else reporting.verb_start
        return start, clause_end(sentence, reporting.verb)
    right_words = [t for t in tokens[k:] if t.is_word]
    starts_clause = (
        k < len(tokens) and tokens[k].text not in (",", ".", "\u201d", '"', ";", ")") and len(right_words) >= 3
    )
    if starts_clause:
        return tokens[k].start, clause_end(sentence, k)
    return _before_attribution(sentence, reporting)


def _past_told_object(tokens: list[Token], k: int) -> int:
    """Past whom it was told to: 'reporters', 'the BBC', 'state television'."""
    m = k
    while m < len(tokens) and m - k < 4 and tokens[m].is_word and tokens[m].lower != "that":
        word = tokens[m]
        following = tokens[m + 1] if m + 1 < len(tokens) else None
        if word.lower in ("the", "a", "an", "state", "local", "national"):
            if following is None or not (following.is_cap or following.lower in TOLD_OBJECT):
                break
        elif not (word.lower in TOLD_OBJECT or word.is_cap):
            break
        m += 1
    return m


def _past_adverbials(sentence: Sentence, k: int, timexes: list[Timex]) -> int:
    """Past up to four time expressions and adverbials that open what was said."""
    tokens = sentence.tokens
    for _ in range(4):
        moved = False
        for timex in timexes:
            if k < len(tokens) and timex.outer_start == tokens[k].start:
                k = token_index(tokens, timex.end) if timex.end < tokens[-1].end else len(tokens)
                moved = True
        if k < len(tokens):
            rest = sentence.sub(tokens[k].start, sentence.end)
            match = ADVERBIAL.match(rest)
            if match and match.end() > 0:
                k = token_index(tokens, tokens[k].start + match.end())
                if tokens[k].start < tokens[0].start + 0:
                    break
                moved = True
        if not moved:
            break
    return k


def _before_attribution(sentence: Sentence, reporting: Reporting) -> tuple[int, int] | None:
    """A trailing attribution: "..., Zelenskyy said." / "..., Rustem Umerov, ..., said on social media."."""
    a_start = reporting.attribution[0]
    before = sentence.sub(sentence.start, a_start).rstrip()
    if before.endswith(",") and len(before.split()) >= 3 and not any(c in before for c in '\u201c\u201d"'):
        start = content_start(sentence)
        end = sentence.start + len(before) - 1
        while end > start and sentence.text[end - 1 - sentence.start].isspace():
            end -= 1
        if end > start:
            return start, end
    return None


def _set_off(tokens: list[Token], mention: Mention) -> bool:
    """', Elin Varg, summed it up': a name between commas, a verb after it."""
    before, after = mention.first - 1, mention.last + 1
    return (
        before >= 0
        and tokens[before].text == ","
        and after + 1 < len(tokens)
        and tokens[after].text == ","
        and tokens[after + 1].is_word
        and not tokens[after + 1].is_cap
    )


def colon_reporting(
    sentence: Sentence, mask: list[bool], colon_at: int, names: NameIndex, discourse: Discourse
) -> Reporting | None:
    """'X was blunter: “...”': the subject at the start of the clause before the colon."""
    tokens = sentence.tokens
    k = _colon_clause_start(tokens, mask, colon_at)
    if k >= len(tokens) or tokens[k].start >= colon_at:
        return None
    found = _colon_subject(sentence, mask, k, colon_at, names, discourse)
    if found is None:
        return None
    refs, end = found
    for ref in refs:
        if ref.kind == "person":
            discourse.note_speaker(ref.key, tokens[k].start, sentence.index)
    return Reporting(sentence.index, end, tokens[k].start, tokens[end].end, ":", refs, (tokens[k].start, colon_at))


def _colon_clause_start(tokens: list[Token], mask: list[bool], colon_at: int) -> int:
    """The first token of the clause before the colon, past 'however', 'meanwhile' and the like."""
    clause_start = 0
    for k, token in enumerate(tokens):
        if token.start >= colon_at:
            break
        if token.text == ";" and not mask[k]:
            clause_start = k + 1
    k = clause_start
    while (
        k < len(tokens)
        and tokens[k].start < colon_at
        and (
            tokens[k].text in (",",)
            or tokens[k].lower
            in ("however", "meanwhile", "but", "and", "yet", "still", "separately", "asked", "later", "earlier")
        )
    ):
        k += 1
    return k


def _colon_subject(
    sentence: Sentence, mask: list[bool], k: int, colon_at: int, names: NameIndex, discourse: Discourse
) -> tuple[list[SpeakerRef], int] | None:
    """The speakers of a clause that starts at `k` and ends at a colon, and their last token."""
    tokens = sentence.tokens
    if tokens[k].lower in ("he", "she"):
        return [pronoun_ref(tokens[k], sentence, discourse)], k
    candidates = [
        m
        for m in names.in_sentence(sentence.index)
        if m.start >= tokens[k].start and m.end <= colon_at and m.kind in ("person", "party", "unknown", "org")
    ]
    candidates.sort(key=lambda m: (m.start, m.kind != "person"))
    found = _colon_opening(sentence, mask, k, candidates, names, discourse)
    if not (found and found[0]):
        found = _after_last_comma(sentence, mask, k, colon_at, names, discourse)
    if not (found and found[0]):
        # "A shopkeeper I spoke to, Elin Varg, summed it up:": the name set off by commas
        appositive = [m for m in candidates if m.kind == "person" and _set_off(tokens, m)]
        if appositive:
            found = [SpeakerRef("person", appositive[0].key, appositive[0].words, "named")], appositive[0].last
    return found if found and found[0] else None


def _colon_opening(
    sentence: Sentence,
    mask: list[bool],
    k: int,
    candidates: list[Mention],
    names: NameIndex,
    discourse: Discourse,
) -> tuple[list[SpeakerRef], int] | None:
    """A name opening the clause, or a role ('the minister', 'its foreign ministry')."""
    tokens = sentence.tokens
    if candidates and token_index(tokens, candidates[0].start) <= k + 1:
        ref = from_mention(candidates[0], names)
        return ([ref], candidates[0].last) if ref is not None else None
    if tokens[k].lower in ("the", "its", "their", "his", "her"):
        j = k + 1
        while j < len(tokens) and (
            tokens[j].lower in TITLE_MODIFIERS or tokens[j].lower in TITLE_NOUNS or tokens[j].lower in ORG_NOUNS
        ):
            j += 1
        if j > k + 1:
            found = role_phrase(sentence, mask, j - 1, names, discourse)
            if found:
                return found[0], j - 1
    return None


def _after_last_comma(
    sentence: Sentence, mask: list[bool], k: int, colon_at: int, names: NameIndex, discourse: Discourse
) -> tuple[list[SpeakerRef], int] | None:
    """ "Asked whether ..., she smiled:": the subject after the clause's last comma."""
    tokens = sentence.tokens
    commas = [j for j in range(k, len(tokens)) if tokens[j].start < colon_at and tokens[j].text == "," and not mask[j]]
    after = commas[-1] + 1 if commas else None
    if after is None or after >= len(tokens) or tokens[after].start >= colon_at:
        return None
    if tokens[after].lower in ("he", "she"):
        return [pronoun_ref(tokens[after], sentence, discourse)], after
    subject = names.starting_at(sentence.index, after)
    if subject is not None and subject.kind in ("person", "party") and subject.end <= colon_at:
        ref = from_mention(subject, names)
        if ref is not None:
            return [ref], subject.last
    return None
