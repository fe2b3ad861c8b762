"""Records as Rich text for the panes and the detail panel.

Everything from a brief becomes `Text` built from plain strings (never parsed as
markup) after `visible()` has made control characters harmless. Styles are attributes
only (bold, dim, italic); colours come from the theme through the stylesheet.
"""

from __future__ import annotations

import re

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.text import Text

from peacebrief.core.case_brief import disputed, round_of, versions_of
from peacebrief.core.citation import anchors_of, long_cite, quote_date, quoted_words
from peacebrief.core.linebreak import break_lines, clip_at_word
from peacebrief.core.model import (
    Brief,
    Event,
    Issue,
    Party,
    Person,
    Position,
    Quote,
    Record,
    Source,
)
from peacebrief.core.visible import one_line, visible

STATUS_MARKS = {
    "occurred": "",
    "scheduled": "◷ scheduled",
    "postponed": "↷ postponed",
    "cancelled": "✕ cancelled",
    "reported": "? reported",
}
KIND_TITLES = {
    "event": "Events",
    "quote": "Quotes",
    "party": "Parties",
    "person": "People",
    "position": "Positions",
    "issue": "Issues",
    "source": "Sources",
    "paragraph": "Source paragraphs",
}
KIND_NAMES = {
    "event": "Event",
    "quote": "Quote",
    "party": "Party",
    "person": "Person",
    "position": "Position",
    "issue": "Issue",
    "source": "Source",
    "paragraph": "Paragraph",
}
MARK = "▍"
# A matrix cell against the round before, and the key to the marks under the matrix.
CHANGE_MARKS = {"changed": "Δ ", "new": "+ ", "dropped": "✕ ", "not_restated": "· "}
CHANGES_KEY = "Δ changed + new ✕ dropped · not restated"


def with_round(record_id: str, row: Text) -> Text:
    """A row of a case's list, its round's mark first (`R2`); a plain brief's row as it is."""
    number = round_of(record_id)
    if number is None:
        return row
    text = Text(f"R{number}", style="bold dim")
    text.append_text(row)
    return text


REVIEW_FLAG = "⚑ "  # on every row of a record with a review mark, before its words


def round_width(record_id: str) -> int:
    """The cells `with_round` puts before a row of `record_id`."""
    number = round_of(record_id)
    return 0 if number is None else len(f"R{number}")


def SafeMarkdown(markup: str) -> RenderableType:
    """Rich's Markdown with raw HTML off: `<b>` and the placeholders `visible()` writes
    (`<RLO>`) stay on screen as text. Rich drops every HTML tag it does not know, so
    with HTML on they would vanish. Links are shown as their text with the address
    beside it, `text (https://...)`, never as a terminal hyperlink hidden behind the
    text: a brief's `[the agreement](https://evil.example)` must say where it goes.

    Imported on first use: rich.markdown (with markdown_it and pygments) takes longer to
    import than the rest of the reader, and the first paint rarely needs it."""
    from markdown_it import MarkdownIt
    from rich.markdown import Markdown

    markdown = Markdown("", hyperlinks=False)
    markdown.markup = markup
    markdown.parsed = MarkdownIt("commonmark", {"html": False}).enable("strikethrough").enable("table").parse(markup)
    return markdown


def clip(text: str, cells: int) -> str:
    """`text` cut to at most `cells` terminal cells, ending in `…` when cut, never inside
    a character cluster (an accented letter, an emoji with its skin tone, a flag)."""
    if cell_len(text) <= cells:
        return text
    clipped = Text(text)
    clipped.truncate(cells, overflow="ellipsis")
    return clipped.plain


def pad(text: str, cells: int) -> str:
    """`text` followed by spaces up to `cells` terminal cells: columns measured in cells, not characters."""
    return text + " " * max(0, cells - cell_len(text))


def label(brief: Brief, record_id: str) -> str:
    record = brief.get(record_id)
    return one_line(record.label) if record else record_id


def party_tags(brief: Brief, party_ids: tuple[str, ...]) -> Text:
    text = Text()
    for pid in party_ids:
        party = brief.get(pid)
        if isinstance(party, Party):
            if text:
                text.append(" ")
            text.append(one_line(party.tag), style="bold")
    return text


def quote_party_tag(brief: Brief, quote: Quote) -> str:
    party = brief.party_of(quote.id)
    return one_line(party.tag) if party else "?"


def event_row(brief: Brief, event: Event, *, marked: bool, date_width: int, width: int = 0) -> Text:
    """Date, status and review flags, title, party tags: the flags before the title, so a
    long title never cuts them off; a title cut to `width` ends at a word, with `…`."""
    text = Text(MARK if marked else " ", style="bold")
    text.append(pad(event.date.display(), date_width), style="dim" if event.date.approximate else "")
    text.append("  ")
    if event.review:  # before the title, so a narrow row that cuts the title still shows it
        text.append(REVIEW_FLAG, style="bold")
    mark = STATUS_MARKS[event.status]
    if mark:
        text.append(mark + " ", style="italic")
    tags = party_tags(brief, event.parties)
    room = width - text.cell_len - (tags.cell_len + 2 if tags else 0) if width else 0
    title = one_line(event.title)
    text.append(clip_at_word(title, room, cell_len) if room > 8 else title, style="bold" if marked else "")
    if tags:
        text.append("  ")
        text.append_text(tags)
    return text


INDENT = "   "  # the hanging indent of a row's wrapped lines


def wrapped(words: str, width: int, style: str = "", indent: str = INDENT) -> list[Text]:
    """`words` broken into lines of `width` cells at spaces, each after `indent`."""
    room = max(1, width - cell_len(indent) - 1)  # and a cell of margin on the right
    return [_indented(indent, words[a:b], style) for a, b in break_lines(words, room, cell_len)]


def _indented(indent: str, words: str, style: str) -> Text:
    text = Text(indent)
    text.append(words, style=style)
    return text


def wrapped_height(words: str, width: int, indent: str = INDENT) -> int:
    """How many lines `wrapped` makes of `words` (without building them)."""
    return len(break_lines(words, max(1, width - cell_len(indent) - 1), cell_len))


def _head(marked: bool) -> Text:
    return Text(MARK if marked else " ", style="bold")


def quote_head(brief: Brief, quote: Quote, *, marked: bool) -> Text:
    head = _head(marked)
    if quote.review:
        head.append("⚑ ", style="bold italic")
    head.append(label(brief, quote.speaker), style="bold")
    head.append(f"  {quote_party_tag(brief, quote)}")
    head.append(f"  {quote_date(brief, quote)}", style="dim")
    if quote.quote_kind == "reported":  # not "reported": that word already marks a date that is the source's
        head.append("  paraphrase", style="italic dim")
    return head


def quote_rows(brief: Brief, quote: Quote, *, marked: bool, width: int) -> list[Text]:
    """The speaker's line, then the quote's words in full, wrapped under a hanging indent."""
    style = "" if quote.quote_kind == "direct" else "italic"
    return [quote_head(brief, quote, marked=marked), *wrapped(quoted_words(quote), width, style)]


def quote_height(quote: Quote, width: int) -> int:
    return 1 + wrapped_height(quoted_words(quote), width)


def person_rows(brief: Brief, person: Person, *, width: int) -> list[Text]:
    head = Text(" ")
    if person.review:
        head.append(REVIEW_FLAG, style="bold")
    head.append(one_line(person.name), style="bold")
    if person.delegate:
        head.append("  ★", style="bold")
    if person.title:
        return [head, *wrapped(one_line(person.title), width, "dim")]
    return [head]


def person_height(person: Person, width: int) -> int:
    return 1 + (wrapped_height(one_line(person.title), width) if person.title else 0)


def position_rows(brief: Brief, position: Position, *, width: int) -> list[Text]:
    """The issue, then the full stance, wrapped."""
    return [*wrapped(_flagged(brief, position), width, "bold", indent=" "), *wrapped(one_line(position.label), width)]


def position_height(brief: Brief, position: Position, width: int) -> int:
    return wrapped_height(_flagged(brief, position), width, indent=" ") + wrapped_height(
        one_line(position.label), width
    )


def _flagged(brief: Brief, position: Position) -> str:
    return (REVIEW_FLAG if position.review else "") + label(brief, position.issue)


def party_rows(brief: Brief, party: Party, *, marked: bool) -> list[Text]:
    """The party's own row: named once, by the column's title, so here its tag and role."""
    head = _head(marked)
    if party.review:
        head.append(REVIEW_FLAG, style="bold")
    head.append(f"{one_line(party.tag)} · {party.role}", style="bold")
    return [head]


# -- the detail panel -----------------------------------------------------------


def _field(name: str, value: str | Text) -> Text:
    text = Text(f"{name}: ", style="bold")
    text.append_text(value if isinstance(value, Text) else Text(value))
    return text


# A character or a start of line that Markdown acts on (CommonMark with tables and
# strikethrough, as SafeMarkdown parses it). Text with none of them is one paragraph,
# and Markdown would show it as this left-justified Text does: it goes without the parse.
_MARKDOWN_SYNTAX = re.compile(r"[\\`*_\[\]<>!&#~|\r\n\t]|^\s|^[-+=>]|^\d+[.)]|\s$")


def _markdown(source: str | None) -> list[RenderableType]:
    if not source:
        return []
    shown = visible(source)
    if _MARKDOWN_SYNTAX.search(shown) is None:
        return [Text(), Text(shown, justify="left")]
    return [Text(), SafeMarkdown(shown)]


def detail(brief: Brief, record: Record) -> RenderableType:
    """The record in full: its fields, its Markdown, its citations."""
    parts: list[RenderableType] = []
    kind = Text(KIND_NAMES[record.kind].upper(), style="dim")
    kind.append(f"  {record.id}", style="dim")
    parts.append(kind)
    if record.review:  # first: what still needs checking comes before what the record says
        parts.append(Text(f"⚑ Needs review: {one_line(record.review)}", style="bold italic"))
        parts.append(Text())
    if isinstance(record, Quote):
        parts += _quote_fields(brief, record)
    elif isinstance(record, Event):
        parts += _event_fields(brief, record)
    elif isinstance(record, Position):
        parts.append(Text(f"{label(brief, record.party)} on {label(brief, record.issue)}", style="bold"))
        parts.append(Text(one_line(record.label)))
        parts += _markdown(record.detail)
    elif isinstance(record, Person):
        parts += _person_fields(brief, record)
    elif isinstance(record, Party):
        parts.append(Text(one_line(record.name), style="bold"))
        parts.append(_field("Role", record.role))
        parts += _markdown(record.summary)
    elif isinstance(record, Issue):
        parts.append(Text(one_line(record.title), style="bold"))
        parts += _markdown(record.summary)
    elif isinstance(record, Source):
        parts += _source_fields(record)
    parts += citations(brief, record)
    return Group(*parts)


def _quote_fields(brief: Brief, record: Quote) -> list[RenderableType]:
    parts: list[RenderableType] = []
    parts.append(Text(quoted_words(record), style="bold" if record.quote_kind == "direct" else "bold italic"))
    parts.append(Text())
    party = brief.party_of(record.id)
    speaker = Text(label(brief, record.speaker))
    if party is not None and party.id != record.speaker:
        speaker.append(f" ({one_line(party.name)})")
    parts.append(_field("Speaker", speaker))
    parts.append(
        _field(
            "Kind",
            "direct: printed in quotation marks"
            if record.quote_kind == "direct"
            else "reported: the source paraphrases",
        )
    )
    if record.said:
        said = record.said.display() + (f"  ({one_line(record.date_text)})" if record.date_text else "")
        parts.append(_field("Said", said))
    else:
        parts.append(_field("Said", f"{quote_date(brief, record)} (no date of its own: the source's)"))
    return parts


def _event_fields(brief: Brief, record: Event) -> list[RenderableType]:
    parts: list[RenderableType] = []
    parts.append(Text(one_line(record.title), style="bold"))
    parts.append(Text())
    date = record.date.display() + (f"  ({one_line(record.date_text)})" if record.date_text else "")
    parts.append(_field("Date", date))
    if record.status != "occurred":
        parts.append(_field("Status", STATUS_MARKS[record.status]))
    if record.place:
        parts.append(_field("Place", one_line(record.place)))
    parts += _markdown(record.summary)
    parts += _versions(brief, record)
    return parts


def _person_fields(brief: Brief, record: Person) -> list[RenderableType]:
    parts: list[RenderableType] = []
    parts.append(Text(one_line(record.name), style="bold"))
    parts.append(Text())
    if record.title:
        parts.append(_field("Office", one_line(record.title)))
    parts.append(_field("Party", label(brief, record.party)))
    if record.delegate:
        parts.append(_field("Delegate", "sits in the negotiating delegation"))
    if record.aliases:
        parts.append(_field("Also written", ", ".join(one_line(a) for a in record.aliases)))
    return parts


def _source_fields(record: Source) -> list[RenderableType]:
    parts: list[RenderableType] = []
    parts.append(Text(one_line(record.title), style="bold"))
    parts.append(Text())
    parts.append(_field("Published", record.published.display()))
    if record.publisher:
        parts.append(_field("Publisher", one_line(record.publisher)))
    if record.url:
        parts.append(_field("URL", one_line(record.url)))
    parts.append(_field("File", one_line(record.path)))
    parts.append(_field("Paragraphs", str(record.document.paragraph_count)))
    return parts


def _versions(brief: Brief, event: Event) -> list[RenderableType]:
    """In a case, an event the rounds tell differently: every round's version and its words."""
    versions = versions_of(brief, event.id) if round_of(event.id) is not None else []
    if len(versions) < 2:
        return []
    parts: list[RenderableType] = [Text()]
    if disputed(versions):
        parts.append(Text("Disputed: the rounds tell it differently", style="bold"))
    else:
        parts.append(Text("Updated by a later round", style="bold"))
    for version in versions:
        line = Text(
            f"  R{round_of(version.id)}  {version.date.display()}, {version.status}",
            style="bold" if version is event else "",
        )
        parts.append(line)
        for anchor in version.evidence:
            parts.append(excerpt(brief, anchor.source, anchor.start, anchor.end))
    return parts


def citations(brief: Brief, record: Record) -> list[RenderableType]:
    anchors = ()
    if isinstance(record, Quote):
        anchors = (record.source,)
    elif isinstance(record, Event):
        anchors = record.evidence
    elif isinstance(record, Position):
        anchors = anchors_of(brief, record)  # its own anchors and its quotes' words
    if not anchors:
        return []
    parts: list[RenderableType] = [Text(), Text("Sources", style="bold")]
    for anchor in anchors:
        parts.append(Text(f"  {long_cite(brief, anchor)}", style="dim"))
        parts.append(excerpt(brief, anchor.source, anchor.start, anchor.end))
    return parts


def excerpt(brief: Brief, source_id: str, start: int, end: int, context: int = 90) -> Text:
    """The anchored words in their sentence, the words themselves emphasised."""
    document = brief.source(source_id).document
    p_start, p_end = document.paragraphs[document.paragraph_at(start) - 1]
    lo, hi = max(p_start, start - context), min(p_end, end + context)
    text_of = document.text
    if lo > p_start:  # begin and end at a word, never inside one
        space = text_of.find(" ", lo, start)
        lo = space + 1 if space != -1 else start
    if hi < p_end:
        space = text_of.rfind(" ", end, hi)
        hi = space if space != -1 else end
    text = Text("  ")
    if lo > p_start:
        text.append("…")
    text.append(one_line(document.text[lo:start]), style="dim")
    if lo < start and document.text[start - 1].isspace():
        text.append(" ")
    text.append(one_line(document.text[start:end]), style="bold underline")
    if end < hi and document.text[end].isspace():
        text.append(" ")
    text.append(one_line(document.text[end:hi]), style="dim")
    if hi < p_end:
        text.append("…")
    return text
