"""How good a draft is: its quotes, speakers and dates against expected results.

Expected results are a small YAML file per document (see tests/data/draft/*.expected.yaml)
or, for the seed document, the hand-made brief itself (`expected_from_brief`). The draft
is scored as it is written: loaded with `load_brief`, like any brief.

- quote precision: the draft's quoted passages (direct quotes, one per place in the
  text however many speakers share it) that are expected, over all the draft's passages;
- quote recall: expected passages the draft found, over all expected passages;
- speaker accuracy: found passages whose speakers (all of them, no more) are the expected
  ones, over the passages found;
- date accuracy: expected expressions that a drafted event (or a quote's `said`) keeps in
  `date_text` and resolves to the expected value, over all expected expressions;
- people: the draft's person records that are distinct real people (each expected person
  counted once, by name, alias or surname), and the others: a second record of someone
  already counted, or a record that is no expected person at all (an outlet, a dateline).

An expected speaker `?` is an unknown speaker: the draft must give the quote to its
placeholder party (the one it marks for review), not to a guess.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from peacebrief.core.anchors import normalise
from peacebrief.core.model import Brief, Party, Person, Record, Source

_LOCATING = re.compile(
    r"^(?:on|in|at|during|over|for|since|until|till|by|before|from|late on|early on)\s+(?!a week|\d+ (?:days|weeks))",
    re.IGNORECASE,
)
UNKNOWN_SPEAKER = "?"


@dataclass(frozen=True, slots=True)
class ExpectedQuote:
    text: str
    speakers: tuple[str, ...]
    form: str | None = None


@dataclass(frozen=True, slots=True)
class ExpectedDate:
    text: str
    value: str
    near: str | None = None  # words of the paragraph it stands in, when the expression repeats


@dataclass(slots=True)
class Expected:
    document: Path
    quotes: list[ExpectedQuote]
    reported: list[ExpectedQuote] = field(default_factory=list)
    dates: list[ExpectedDate] = field(default_factory=list)
    people: list[dict[str, str]] = field(default_factory=list)
    base_date: str | None = None
    held_out: bool = False  # written after the rules were settled, not used to tune them


@dataclass(slots=True)
class Score:
    name: str
    passages_expected: int = 0
    passages_drafted: int = 0
    passages_matched: int = 0
    speakers_right: int = 0
    reported_expected: int = 0
    reported_matched: int = 0
    reported_speakers_right: int = 0
    dates_expected: int = 0
    dates_right: int = 0
    people_drafted: int = 0
    people_distinct: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in (
            "passages_expected",
            "passages_drafted",
            "passages_matched",
            "speakers_right",
            "reported_expected",
            "reported_matched",
            "reported_speakers_right",
            "dates_expected",
            "dates_right",
            "people_drafted",
            "people_distinct",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses.extend(f"{other.name}: {m}" for m in other.misses)

    @property
    def precision(self) -> float:
        return self.passages_matched / self.passages_drafted if self.passages_drafted else 1.0

    @property
    def recall(self) -> float:
        return self.passages_matched / self.passages_expected if self.passages_expected else 1.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speakers_right / self.passages_matched if self.passages_matched else 1.0

    @property
    def false_quotes(self) -> int:
        return self.passages_drafted - self.passages_matched

    @property
    def not_distinct(self) -> int:
        return self.people_drafted - self.people_distinct

    @property
    def date_accuracy(self) -> float:
        return self.dates_right / self.dates_expected if self.dates_expected else 1.0


def words_key(text: str) -> str:
    """Quote words compared without case, outer punctuation, or quote and dash styles."""
    return " ".join(normalise(text).casefold().strip(" .,;:!?\"'").split())


def date_text_key(text: str) -> str:
    return _LOCATING.sub("", " ".join(normalise(text).casefold().split()))


def load_expected(path: Path) -> Expected:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))

    def quotes(items: Iterable[dict[str, Any]] | None) -> list[ExpectedQuote]:
        out = []
        for item in items or ():
            speaker = item["speaker"]
            speakers = tuple(speaker) if isinstance(speaker, list) else (str(speaker),)
            out.append(ExpectedQuote(str(item["text"]), speakers, item.get("form")))
        return out

    dates = [ExpectedDate(str(d["text"]), str(d["value"]), d.get("near")) for d in data.get("dates") or ()]
    return Expected(
        path.parent / data["document"],
        quotes(data.get("quotes")),
        quotes(data.get("reported")),
        dates,
        list(data.get("people") or ()),
        data.get("base_date"),
        bool(data.get("held_out")),
    )


def expected_from_brief(brief: Brief, *, inferred: Iterable[str] = ()) -> Expected:
    """What a hand-made brief says about its (single) document: its direct quotes with
    their speakers, and the dates it gives for the expressions the document states.
    `inferred` names events whose date the brief works out from several sentences."""
    skip = set(inferred)
    source = brief.sources[0]
    speakers: dict[str, list[str]] = {}
    for quote in brief.quotes:
        if quote.quote_kind == "direct":
            speakers.setdefault(quote.text, []).append(_name(brief.records[quote.speaker]))
    quotes = [ExpectedQuote(text, tuple(names)) for text, names in speakers.items()]
    dates = [
        ExpectedDate(event.date_text, event.date.iso(), event.evidence[0].exact)
        for event in brief.events
        if event.date_text and event.id not in skip and not event.date.approximate and not event.date.uncertain
    ]
    return Expected(source.file, quotes, [], dates)


def _name(record: Record) -> str:
    if isinstance(record, (Person, Party)):
        return record.name
    return record.id


def _names_match(expected: str, record: Record | None) -> bool:
    if record is None:
        return False
    want = expected.casefold()
    if expected == UNKNOWN_SPEAKER:
        return isinstance(record, Party) and record.review is not None and record.name.startswith("Unassigned")
    if isinstance(record, Person):
        names = [record.name, *record.aliases]
        if any(want == n.casefold() for n in names):
            return True
        return want.split()[-1] == record.name.casefold().split()[-1] and len(want.split()) == 1
    if isinstance(record, Party):
        return want in (record.name.casefold(), record.id.casefold(), (record.short or "").casefold())
    return False


def score(brief: Brief, expected: Expected, *, name: str, source_id: str | None = None) -> Score:
    """Score a loaded draft against what is expected of one of its documents."""
    source = next(
        (
            s
            for s in brief.sources
            if source_id in (None, s.id) and Path(s.file).resolve() == expected.document.resolve()
        ),
        None,
    )
    if source is None:
        source = brief.sources[0] if source_id is None else brief.source(source_id)
    result = Score(name)
    _score_quotes(brief, expected, source, result)
    _score_reported(brief, expected, source, result)
    _score_dates(brief, expected, source, result)
    if expected.people:
        _score_people(brief, expected, result)
    return result


def _score_quotes(brief: Brief, expected: Expected, source: Source, result: Score) -> None:
    """Direct quotes: one passage per place in the text."""
    passages: dict[tuple[int, int], list[Record | None]] = {}
    words_of: dict[tuple[int, int], str] = {}
    for quote in brief.quotes:
        if quote.source.source != source.id or quote.quote_kind != "direct":
            continue
        span = (quote.text_start, quote.text_end)
        passages.setdefault(span, []).append(brief.records.get(quote.speaker))
        words_of[span] = words_key(quote.text)
    result.passages_expected = len(expected.quotes)
    result.passages_drafted = len(passages)
    unmatched = dict(words_of)
    for want in expected.quotes:
        key = words_key(want.text)
        place = next((s for s, w in unmatched.items() if w == key), None)
        if place is None:
            result.misses.append(f"quote not found: {want.text!r}")
            continue
        del unmatched[place]
        result.passages_matched += 1
        got = passages[place]
        right = len(got) == len(want.speakers) and all(any(_names_match(n, r) for r in got) for n in want.speakers)
        if right:
            result.speakers_right += 1
        else:
            result.misses.append(
                f"speaker of {want.text!r}: expected {', '.join(want.speakers)}, drafted {', '.join(_name(r) if r else '?' for r in got)}"
            )
    text = source.document.text
    for span in unmatched:
        result.misses.append(f"quote not expected: {text[span[0] : span[1]]!r}")


def _score_reported(brief: Brief, expected: Expected, source: Source, result: Score) -> None:
    """Reported statements (not in the quote figures)."""
    reported = [q for q in brief.quotes if q.source.source == source.id and q.quote_kind == "reported"]
    result.reported_expected = len(expected.reported)
    for want in expected.reported:
        key = words_key(want.text)
        found = [q for q in reported if _similar(words_key(q.text), key)]
        if not found:
            result.misses.append(f"reported statement not found: {want.text!r}")
            continue
        result.reported_matched += 1
        if any(_names_match(want.speakers[0], brief.records.get(q.speaker)) for q in found):
            result.reported_speakers_right += 1
        else:
            result.misses.append(f"speaker of reported {want.text[:40]!r}: expected {want.speakers[0]}")


def _score_dates(brief: Brief, expected: Expected, source: Source, result: Score) -> None:
    """Dates: an event (or a quote's `said`) with the same words, resolved to the same value."""
    result.dates_expected = len(expected.dates)
    dated: list[tuple[str, str, int]] = []  # (date_text key, value, paragraph)
    for event in brief.events:
        for anchor in event.evidence:
            if anchor.source == source.id and event.date_text:
                dated.append((date_text_key(event.date_text), event.date.iso(), anchor.paragraph))
    for quote in brief.quotes:
        if quote.source.source == source.id and quote.said is not None and quote.date_text:
            dated.append((date_text_key(quote.date_text), quote.said.iso(), quote.source.paragraph))
    for date in expected.dates:
        key = date_text_key(date.text)
        paragraph = _paragraph_of(source.document, date.near) if date.near else None
        candidates = [d for d in dated if d[0] == key and (paragraph is None or d[2] == paragraph)]
        if any(d[1] == date.value for d in candidates):
            result.dates_right += 1
        elif candidates:
            result.misses.append(
                f"date {date.text!r}: expected {date.value}, drafted {', '.join(sorted({d[1] for d in candidates}))}"
            )
        else:
            result.misses.append(f"date {date.text!r} ({date.value}) not found")


def _score_people(brief: Brief, expected: Expected, result: Score) -> None:
    def names(item: dict[str, Any]) -> set[str]:
        return {str(n).casefold() for n in [item["name"], *(item.get("aliases") or ())]}

    wanted = [names(item) for item in expected.people]
    counted: set[int] = set()
    for person in brief.people:
        result.people_drafted += 1
        mine = {n.casefold() for n in (person.name, *person.aliases)}
        surname = person.name.casefold().split()[-1]
        found = next((i for i, w in enumerate(wanted) if mine & w), None)
        if found is None:
            found = next((i for i, w in enumerate(wanted) if any(n.split()[-1] == surname for n in w)), None)
        if found is None:
            result.misses.append(f"person record that is no one expected: {person.name!r}")
        elif found in counted:
            result.misses.append(f"second record of one person: {person.name!r}")
        else:
            counted.add(found)
            result.people_distinct += 1


def _similar(got: str, want: str) -> bool:
    if got == want or want in got or got in want and len(got.split()) >= 0.6 * len(want.split()):
        return True
    a, b = set(got.split()), set(want.split())
    return bool(b) and len(a & b) / len(b) >= 0.8 and len(a & b) / max(1, len(a)) >= 0.6


def _paragraph_of(document: Any, words: str) -> int | None:
    from peacebrief.core.anchors import DocumentIndex

    try:
        start, _end, _n = DocumentIndex(document).resolve(words)
    except ValueError:
        return None
    return int(document.paragraph_at(start))


def draft_and_load(
    documents: list[Path], *, folder: Path | None = None, base_date: Any = None, existing: Brief | None = None
) -> Brief:
    """Draft documents into a brief file in `folder` and load it. By default the folder is a
    temporary one and the documents are copied into it (a brief's sources must be inside
    the folder that holds the brief's folder)."""
    from peacebrief.core.draft import DocumentInput, draft_text
    from peacebrief.core.loader import load_brief

    def run(where: Path) -> Brief:
        inputs = []
        for path in documents:
            data = path.read_bytes()
            inputs.append(DocumentInput(path, data, data.decode("utf-8").removeprefix("\ufeff"), base_date))
        existing_text = Path(existing.path).read_text(encoding="utf-8") if existing is not None else None
        text, _draft = draft_text(inputs, paths_from=where, existing_brief=existing, existing_text=existing_text)
        out = where / "draft.yaml"
        out.write_text(text, encoding="utf-8")
        return load_brief(out)

    if folder is not None:
        return run(folder)
    with tempfile.TemporaryDirectory() as tmp:
        where = Path(tmp)
        copies = []
        for number, path in enumerate(documents):
            copy = where / f"{number}-{path.name}"
            copy.write_bytes(path.read_bytes())
            copies.append(copy)
        documents = copies
        return run(where)
