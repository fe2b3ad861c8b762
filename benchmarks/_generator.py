"""The random model of a synthetic brief (benchmarks/generate.py): its cast, events,
quotes, positions and source documents, every anchor made unique in its document."""

from __future__ import annotations

import datetime as dt
import json
import math
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _vocabulary import (  # noqa: E402  (benchmarks/_vocabulary.py)
    CLAUSES,
    FILLER,
    FIRST,
    LAST,
    MONTHS,
    OBJECTS,
    ORDINALS,
    PARTY_POOL,
    PLACES,
    QUOTE_EXTRAS,
    QUOTE_OPENERS,
    QUOTE_TAILS,
    REGIONS,
    REPORTED_OPENERS,
    REPORTED_VERBS,
    STANCES,
    STATUSES,
    STOCK_PHRASE,
    TITLES,
    TOPICS,
    VERBS,
    WEEKDAYS,
)

GENERATOR_VERSION = 1  # in every brief's first line: a brief of another version is made again
EVENTS_PER_SOURCE = 25
START = dt.date(2022, 3, 1)  # the first article's date


@dataclass
class Anchor:
    source: str
    exact: str
    prefix: str | None = None
    suffix: str | None = None


@dataclass
class Sentence:
    """A sentence to print in a document, and the anchors that point into it."""

    text: str
    wants: list[tuple[Anchor, str]] = field(default_factory=list)  # (anchor, exact within text)
    plain: Anchor | None = None  # an anchor to write with plain apostrophes


@dataclass
class Doc:
    index: int
    id: str
    date: dt.date
    place: str
    title: str = ""
    sentences: list[Sentence] = field(default_factory=list)
    sha256: str = ""
    path: str = ""


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("’", "")).strip("-")


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


class Generator:
    def __init__(self, events: int, seed: int) -> None:
        self.n = events
        self.seed = seed
        self.rng = random.Random(f"{seed}:{events}")
        self.width = len(str(events * 2))

    # -- small helpers ---------------------------------------------------------

    def fill(self, template: str, **extra: str) -> str:
        r = self.rng
        values = {
            "region": r.choice(REGIONS),
            "place": r.choice(PLACES),
            "n": str(r.randint(3, 480)),
            "h": str(r.choice([6, 12, 24, 36, 48, 72])),
            "k": str(r.randint(2, 40)),
            "ord": r.choice(ORDINALS),
            "month_name": r.choice(MONTHS),
            "year": str(r.randint(2019, 2023)),
            "topic": r.choice(self.topics).lower() if hasattr(self, "topics") else "the talks",
        }
        values.update(extra)
        return template.format(**values)

    def weighted(self, options: list[tuple[str, int]]) -> str:
        return self.rng.choices([o for o, _ in options], weights=[w for _, w in options])[0]

    # -- the cast --------------------------------------------------------------

    def make_cast(self) -> None:
        r = self.rng
        count = r.randint(6, 12)
        pool = r.sample(PARTY_POOL, count)
        roles = ["party"] * count
        roles[-1] = "host"
        roles[-2] = "mediator"
        if count >= 9:
            roles[-3] = "mediator"
        self.parties = [
            {"id": _slug(name), "name": name, "short": short, "role": role}
            for (name, short), role in zip(pool, roles, strict=False)
        ]
        self.speaking = [p for p in self.parties if p["role"] != "host"]

        n_issues = max(5, self.n // 500)
        combos = [(t, g) for t in TOPICS for g in [None, *REGIONS]]
        r.shuffle(combos)
        combos.sort(key=lambda c: c[1] is not None)  # the plain topics first
        self.issues = []
        for topic, region in combos[:n_issues]:
            title = topic if region is None else f"{topic} in {region}"
            self.issues.append({"id": "is-" + _slug(title), "title": title})
        self.topics = [i["title"] for i in self.issues]

        n_people = max(20, self.n // 50)
        names = [(first, last) for first in FIRST for last in LAST]
        chosen = r.sample(names, n_people)
        self.people = []
        for i, (first, last) in enumerate(chosen):
            party = self.speaking[i % len(self.speaking)] if i < len(self.speaking) else r.choice(self.speaking)
            person = {
                "id": _slug(f"{first} {last}"),
                "name": f"{first} {last}",
                "party": party["id"],
                "title": r.choice(TITLES),
                "delegate": r.random() < 0.4,
                "first": first,
                "last": last,
            }
            if r.random() < 0.2:
                person["aliases"] = [f"{first[0]}. {last}"]
            self.people.append(person)
        self.party_by_id = {p["id"]: p for p in self.parties}
        self.people_of: dict[str, list[dict]] = {}
        for person in self.people:
            self.people_of.setdefault(person["party"], []).append(person)

    # -- dates -----------------------------------------------------------------

    def event_date(self, day: dt.date) -> tuple[str, str | None]:
        """(date as written in YAML, date_text); every form of the format."""
        r = self.rng
        form = self.weighted(
            [
                ("day", 58),
                ("bare-day", 4),
                ("month", 8),
                ("interval", 12),
                ("month-interval", 2),
                ("approx", 8),
                ("uncertain", 6),
                ("year", 2),
            ]
        )
        weekday = WEEKDAYS[day.weekday()]
        if form == "day":
            return (day.isoformat() if r.random() < 0.5 else json.dumps(day.isoformat())), r.choice(
                [f"on {weekday}", None, None]
            )
        if form == "bare-day":
            return day.isoformat(), f"late {weekday}"
        if form == "month":
            return json.dumps(f"{day:%Y-%m}"), f"in {MONTHS[day.month - 1]}"
        if form == "interval":
            end = day + dt.timedelta(days=r.randint(1, 6))
            return json.dumps(f"{day.isoformat()}/{end.isoformat()}"), r.choice(["over the weekend", "last week", None])
        if form == "month-interval":
            later = day.replace(day=1) + dt.timedelta(days=40)
            return json.dumps(f"{day:%Y-%m}/{later:%Y-%m}"), "over the spring"
        if form == "approx":
            return json.dumps(f"{day.isoformat()}~"), "around the same time"
        if form == "uncertain":
            return json.dumps(f"{day.isoformat()}?"), r.choice(["reportedly", None])
        return str(day.year), f"earlier in {day.year}"

    # -- records ---------------------------------------------------------------

    def build(self) -> None:
        r = self.rng
        self.make_cast()
        n_docs = max(1, math.ceil(self.n / EVENTS_PER_SOURCE))
        span_days = max(30, int(self.n / EVENTS_PER_SOURCE * 1.7))
        tag = f"synthetic-{self.n}"
        self.docs = [
            Doc(
                index=i,
                id=f"src-{i + 1:04d}",
                date=START + dt.timedelta(days=i * span_days // n_docs),
                place=r.choice(PLACES),
                path=f"../seeds/{tag}-{i + 1:04d}.txt",
            )
            for i in range(n_docs)
        ]
        w = self.width
        self.events: list[dict] = []
        self.quotes: list[dict] = []
        q_counter = 0
        for e in range(self.n):
            doc = self.docs[e * n_docs // self.n]
            self.events.append(self.make_event(e, doc))
        # Two quotes per event on average: most said at an event of their article.
        for event in self.events:
            for _ in range(2):
                q_counter += 1
                self.quotes.append(self.make_quote(f"q-{q_counter:0{w}d}", event))
        self.make_positions()
        for doc in self.docs:
            self.pad_document(doc)

    def make_event(self, e: int, doc: Doc) -> dict:
        r = self.rng
        status = self.weighted(STATUSES)
        offset = r.randint(1, 20) if status == "scheduled" else -r.randint(0, 12)
        day = doc.date + dt.timedelta(days=offset)
        date, date_text = self.event_date(day)
        actor = r.choice(self.speaking)
        others = r.sample(self.parties, r.randint(0, 2))
        parties = [actor["id"], *(p["id"] for p in others if p["id"] != actor["id"])]
        members = self.people_of.get(actor["id"], [])
        people = r.sample(members, min(len(members), r.randint(0, 2)))
        issues = r.sample(self.issues, r.randint(1, 2))
        verb, past = r.choice(VERBS)
        obj = self.fill(r.choice(OBJECTS), topic=issues[0]["title"].lower())
        place = doc.place if r.random() < 0.6 else r.choice(PLACES)
        event = {
            "id": f"ev-{e + 1:0{self.width}d}",
            "date": date,
            "date_text": date_text,
            "title": f"{actor['name']} {verb} {obj}",
            "status": status,
            "place": place if r.random() < 0.7 else None,
            "parties": parties,
            "people": [p["id"] for p in people],
            "issues": [i["id"] for i in issues],
            "evidence": [],
            "doc": doc,
            "summary": None,
            "review": None,
            "day": day,
        }
        if people:
            who = f"{people[0]['title']} {people[0]['name']}"
        else:
            who = r.choice([f"the {actor['name']} delegation", f"{actor['name']}’s delegation"])
        when = "on " + WEEKDAYS[day.weekday()]
        clause = self.fill(r.choice(CLAUSES))
        main = f"{_cap(who)} {past} {obj} in {place} {when}"
        if status == "scheduled":
            main = f"{_cap(who)} is expected to present {obj} in {place} {when}"
        elif status == "postponed":
            main = f"A session on {obj} in {place} was pushed back, and {who} said it would now take place {when}"
        elif status == "cancelled":
            main = f"A meeting in {place} on {obj} was called off {when}, {who} confirmed"
        elif status == "reported":
            main = f"{_cap(who)} claimed to have {past} {obj} {when}, which the other side denied"
        anchor = Anchor(doc.id, main)
        sentence = Sentence(f"{main}, {clause}.", [(anchor, main)])
        event["evidence"].append(anchor)
        if "’" in main and r.random() < 0.02:
            sentence.plain = anchor  # written with plain apostrophes: found after normalising
        doc.sentences.append(sentence)
        if r.random() < 0.25:  # a second piece of evidence: the stock phrase, or a detail
            if r.random() < 0.3:
                stock = Anchor(doc.id, STOCK_PHRASE)
                doc.sentences.append(Sentence(f"{STOCK_PHRASE} in {place} {when}.", [(stock, STOCK_PHRASE)]))
                event["evidence"].append(stock)
            else:
                detail = self.fill(r.choice(FILLER)).rstrip(".")
                if STOCK_PHRASE not in detail:
                    more = Anchor(doc.id, detail)
                    doc.sentences.append(Sentence(detail + ".", [(more, detail)]))
                    event["evidence"].append(more)
        if r.random() < 0.4:
            event["summary"] = f"{_cap(who)} {past} {obj}, {self.fill(r.choice(CLAUSES))}. " + self.fill(
                r.choice(FILLER)
            )
        if r.random() < 0.004:
            event["review"] = "the article does not say which day; confirm the date"
        return event

    def make_quote(self, qid: str, event: dict) -> dict:
        r = self.rng
        doc: Doc = event["doc"]
        actor = self.party_by_id[event["parties"][0]]
        members = self.people_of.get(actor["id"], [])
        by_party = not members or r.random() < 0.1
        speaker = actor if by_party else r.choice(members)
        name = speaker["name"]
        issues = event["issues"][:]
        topic = next(i["title"] for i in self.issues if i["id"] == issues[0]).lower()
        kind = "direct" if r.random() < 0.55 else "reported"
        opener = r.choice(QUOTE_OPENERS)
        words = f"{opener} {topic} {self.fill(r.choice(QUOTE_TAILS))}"
        if r.random() < 0.5:
            words += ", " + self.fill(r.choice(QUOTE_EXTRAS))
        speaker_words = name if by_party else f"{speaker['title']} {name}"
        if kind == "direct":
            text = words
            style = r.random()
            if style < 0.45:
                line = f"“{words},” {speaker_words} {r.choice(REPORTED_VERBS)}."
            elif style < 0.8:
                line = f"{_cap(speaker_words)} {r.choice(REPORTED_VERBS)}: “{words}.”"
            else:
                line = f"“{words}” was how {speaker_words} put it in {doc.place}."
            whole = r.random() < 0.25  # anchor the whole sentence; the text lies inside it
            exact = line.rstrip(".") if whole else words
        else:
            text = f"{r.choice(REPORTED_OPENERS)} {topic} {self.fill(r.choice(QUOTE_TAILS))}"
            line = f"{_cap(speaker_words)} {r.choice(REPORTED_VERBS)} that {text}."
            exact = text
        anchor = Anchor(doc.id, exact)
        doc.sentences.append(Sentence(line, [(anchor, exact)]))
        said = None
        if r.random() < 0.8:
            day: dt.date = event["day"] if event["status"] != "scheduled" else doc.date
            said = (
                day.isoformat()
                if r.random() < 0.5
                else json.dumps(day.isoformat() + ("~" if r.random() < 0.15 else ""))
            )
        return {
            "id": qid,
            "speaker": speaker["id"],
            "kind": kind,
            "text": text,
            "said": said,
            "event": event["id"] if r.random() < 0.85 else None,
            "issues": issues,
            "source": anchor,
            "party": actor["id"],
        }

    def make_positions(self) -> None:
        r = self.rng
        by_pair: dict[tuple[str, str], list[str]] = {}
        for quote in self.quotes:
            for issue in quote["issues"]:
                by_pair.setdefault((quote["party"], issue), []).append(quote["id"])
        self.positions = []
        for party in self.speaking:
            for issue in self.issues:
                if r.random() > 0.85:
                    continue
                stance = self.fill(r.choice(STANCES), topic=issue["title"].lower())
                quotes = by_pair.get((party["id"], issue["id"]), [])
                evidence: list[str | Anchor] = list(r.sample(quotes, min(len(quotes), r.randint(1, 3))))
                if not evidence or r.random() < 0.3:
                    doc = r.choice(self.docs)
                    said = f"{party['name']} says it {stance[0].lower()}{stance[1:]}"
                    anchor = Anchor(doc.id, said)
                    doc.sentences.append(Sentence(f"{said}, {self.fill(r.choice(CLAUSES))}.", [(anchor, said)]))
                    evidence.append(anchor)
                self.positions.append(
                    {
                        "id": f"pos-{party['id']}-{issue['id'].removeprefix('is-')}",
                        "party": party["id"],
                        "issue": issue["id"],
                        "stance": stance,
                        "evidence": evidence,
                        "detail": self.fill(r.choice(CLAUSES)).capitalize() + "." if r.random() < 0.3 else None,
                    }
                )

    def pad_document(self, doc: Doc) -> None:
        """Shuffle the anchored sentences into 10-30 paragraphs, with filler between."""
        r = self.rng
        doc.title = self.fill("Talks on {topic} resume in " + doc.place)
        anchored = doc.sentences
        r.shuffle(anchored)
        n_paragraphs = r.randint(10, 30)
        paragraphs: list[list[Sentence]] = [[] for _ in range(n_paragraphs)]
        for i, sentence in enumerate(anchored):
            paragraphs[i % n_paragraphs if i < n_paragraphs else r.randrange(n_paragraphs)].append(sentence)
        for paragraph in paragraphs:
            for _ in range(r.randint(0 if paragraph else 1, 2)):
                paragraph.insert(r.randint(0, len(paragraph)), Sentence(self.fill(r.choice(FILLER))))
        doc.paragraphs = paragraphs  # type: ignore[attr-defined]

    # -- writing ---------------------------------------------------------------

    def render_document(self, doc: Doc) -> str:
        """The document's text; settles each anchor's prefix or suffix where `exact` repeats."""
        head = f"date {doc.date.isoformat()}\n\n{doc.title}\n\nBy our correspondent in {doc.place}\n\n"
        blocks: list[str] = []
        spots: list[tuple[Anchor, int]] = []  # anchor, offset of its exact in the text
        offset = len(head)
        for paragraph in doc.paragraphs:  # type: ignore[attr-defined]
            parts: list[str] = []
            para_start = offset
            for sentence in paragraph:
                at = para_start + sum(len(p) + 1 for p in parts)
                for anchor, exact in sentence.wants:
                    spots.append((anchor, at + sentence.text.index(exact)))
                parts.append(sentence.text)
            block = " ".join(parts)
            blocks.append(block)
            offset += len(block) + 2
        text = head + "\n\n".join(blocks) + "\n"
        body = len("date 2000-01-01")
        for anchor, at in spots:
            assert text.startswith(anchor.exact, at)
            hits = _find_all(text, anchor.exact, body)
            if len(hits) > 1:
                self.disambiguate(anchor, at, hits, text)
        return text

    def disambiguate(self, anchor: Anchor, at: int, hits: list[int], text: str) -> None:
        """Give the anchor the shortest whole-word prefix (or suffix) that picks `at` alone.

        Inside the paragraph first; across paragraph breaks only if that cannot decide.
        Candidates are tested the way the format matches them (white space runs as one).
        """
        floor = len("date 2000-01-01\n")
        para_start = text.rfind("\n\n", 0, at) + 2
        para_end = text.find("\n\n", at)
        para_end = len(text) if para_end < 0 else para_end
        end = at + len(anchor.exact)
        for k in range(1, 60):
            inside = k <= 12
            prefix = text[_words_back(text, at, k, para_start if inside else floor) : at]
            if prefix.strip() and sum(1 for h in hits if _prefix_fits(text, h, prefix)) == 1:
                anchor.prefix = prefix
                return
            suffix = text[end : _words_on(text, end, k, para_end if inside else len(text))]
            if suffix.strip() and sum(1 for h in hits if _suffix_fits(text, h + len(anchor.exact), suffix)) == 1:
                anchor.suffix = suffix
                return
        raise AssertionError(f"cannot make '{anchor.exact}' unique in {anchor.source}")


def _words_back(text: str, at: int, k: int, floor: int) -> int:
    i = at
    for _ in range(k):
        while i > floor and text[i - 1].isspace():
            i -= 1
        while i > floor and not text[i - 1].isspace():
            i -= 1
    return i


def _words_on(text: str, at: int, k: int, ceiling: int) -> int:
    i = at
    for _ in range(k):
        while i < ceiling and text[i].isspace():
            i += 1
        while i < ceiling and not text[i].isspace():
            i += 1
    return i


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _prefix_fits(text: str, at: int, prefix: str) -> bool:
    return _squash(text[max(0, at - 2 * len(prefix) - 8) : at]).endswith(_squash(prefix))


def _suffix_fits(text: str, end: int, suffix: str) -> bool:
    return _squash(text[end : end + 2 * len(suffix) + 8]).startswith(_squash(suffix))


def _find_all(haystack: str, needle: str, start: int) -> list[int]:
    found: list[int] = []
    at = haystack.find(needle, start)
    while at >= 0:
        found.append(at)
        at = haystack.find(needle, at + 1)
    return found
