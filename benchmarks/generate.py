"""Synthetic briefs for the benchmark: N events, 2N quotes, and the documents they cite.

    python benchmarks/generate.py --events 10000 [--events 50000 ...] [--out DIR] [--seed S] [--force]

writes `DIR/briefs/synthetic-N.yaml` and its source documents `DIR/seeds/synthetic-N-*.txt`
(default DIR: `benchmarks/.data/`). The output depends only on N, the seed and
GENERATOR_VERSION: the same arguments give the same bytes, and a brief that is already
there with the same version, seed and sources is not written again.

What a brief holds, for N events:

- 2N quotes (direct ones inside typographic quotation marks, reported ones paraphrased),
- max(20, N/50) people, 6 to 12 parties (roles party, mediator and host),
  max(5, N/500) issues, a position for most party x issue pairs,
- one source article per ~25 events, each 10 to 30 paragraphs under a `date YYYY-MM-DD`
  dateline, its sha256 written in the brief,
- every anchor in the long form `{source: ID, exact: "..."}`, unique in its document or
  made so with a `prefix` or `suffix`; now and then written with plain apostrophes where
  the document prints typographic ones (matched after normalising, as authors type),
- dates of every form of the format (days, months, years, intervals, `~`, `?`), every
  event status, and a few `review:` marks.

It imports nothing from peacebrief: the product's `check` is what proves the output.

    python benchmarks/generate.py --shape repeated-phrase --events 3200

writes an adversarial brief instead: a legitimate file at the edge of the format (many
anchors on one phrase, one party named by every record, one very long paragraph,
near-duplicate quotes, the deepest nesting and longest scalars allowed), from
`benchmarks/_shapes.py`, into `DIR/adversarial/SHAPE-N/`.
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import hashlib
import json
import math
import os
import random
import re
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _shapes  # noqa: E402  (the adversarial shapes, benchmarks/_shapes.py)

GENERATOR_VERSION = 1
DEFAULT_SEED = 20260204
DEFAULT_OUT = Path(__file__).resolve().parent / ".data"
EVENTS_PER_SOURCE = 25
START = dt.date(2022, 3, 1)  # the first article's date

# --------------------------------------------------------------------------- vocabulary

PARTY_POOL = [
    ("Northland", "NL"),
    ("Southmark", "SM"),
    ("Eastvale", "EV"),
    ("Westreach", "WR"),
    ("Highmoor", "HM"),
    ("Lowfen", "LF"),
    ("Stonegate", "SG"),
    ("Coral Isles", "CI"),
    ("Ironcoast", "IC"),
    ("Sunmere", "SUN"),
    ("Ashford Republic", "AR"),
    ("Greywater", "GW"),
    ("Marrow Union", "MU"),
    ("Tallpine", "TP"),
]
FIRST = """Alma Bruno Cora Dario Edda Farid Greta Hugo Ilse Jonas Kira Lev Mira Nils Olga Pavel
Rana Sami Tove Ugo Vera Wim Yana Zoran Aida Boris Celia Dmitri Elif Fabian Gita Henrik Irena Jakub
Katya Lorenzo Maren Nadia Oskar Petra Quentin Rosa Stefan Tamar Uri Valeria Wendel Ximena Yusuf
Zelda Anouk Bram Carmen Dag Esme Frode Goran Hana Ivo Juno""".split()
LAST = """Berg Castell Dunmore Eklund Ferrante Garside Holm Ivanic Jessop Kovac Lindqvist Marsh
Novak Ostrander Petrov Quill Rask Sandoval Tarrant Ulvaeus Vance Whitlock Yilmaz Zorin Abernethy
Blackwood Cardenas Duval Esterhazy Falk Grünewald Hadley Ingram Jovanovic Kessler Lombardi Moreau
Nakamura Okafor Pryce Radu Sorensen Thibault Urquhart Varga Wexler Yamada Zielinski Arkwright
Beaumont Cho Delacroix Eriksen Fontaine Galloway Horvath Iqbal Janssen Kowalczyk Laurent Mbeki
Nilsson O’Hare D’Souza Pettersen Quintero Rossi Szabo""".split()
TITLES = [
    "chief negotiator",
    "deputy chief negotiator",
    "foreign minister",
    "defence minister",
    "spokesperson",
    "presidential adviser",
    "special envoy",
    "head of delegation",
    "legal adviser",
    "military adviser",
    "deputy foreign minister",
    "press secretary",
]
TOPICS = [
    "Harbour tolls",
    "Prisoner exchange",
    "Energy strikes",
    "Grain corridor",
    "Water rights",
    "Border crossings",
    "Ceasefire lines",
    "Demining",
    "Refugee returns",
    "Sanctions relief",
    "Reconstruction fund",
    "Language rights",
    "Nuclear plant control",
    "Airspace",
    "Missing persons",
    "Rail links",
    "Fishing zones",
    "Election timetable",
    "Amnesty",
    "Peacekeepers",
    "Heavy weapons pullback",
    "Humanitarian access",
    "Power grid repairs",
    "Detainee visits",
    "Customs union",
    "Pipeline transit",
    "River navigation",
    "War crimes tribunal",
    "Cultural heritage",
    "Debt rescheduling",
]
REGIONS = [
    "Ashvale",
    "Brennick",
    "Corvath",
    "Dunmere",
    "Elsholt",
    "Farrow",
    "Glenmark",
    "Harwick",
    "Istvan",
    "Jorvik",
    "Kelmscott",
    "Larkspur",
    "Morrow",
    "Nettlefield",
    "Orsk",
    "Pellham",
    "Quarry Hills",
    "Redwater",
    "Saltmarsh",
    "Thornbury",
]
PLACES = [
    "Geneva",
    "Vienna",
    "Istanbul",
    "Doha",
    "Abu Dhabi",
    "Oslo",
    "Helsinki",
    "Riyadh",
    "Muscat",
    "Baku",
    "Astana",
    "Minsk",
    "Warsaw",
    "Bratislava",
    "Valletta",
    "Nicosia",
    "Reykjavik",
    "Lisbon",
    "Tunis",
    "Amman",
]
VERBS = [  # (title form, past form)
    ("proposes", "proposed"),
    ("rejects", "rejected"),
    ("accepts", "accepted"),
    ("demands", "demanded"),
    ("signs off on", "signed off on"),
    ("announces", "announced"),
    ("questions", "questioned"),
    ("postpones talks on", "postponed talks on"),
    ("backs", "backed"),
    ("calls for", "called for"),
    ("suspends", "suspended"),
    ("reviews", "reviewed"),
    ("offers", "offered"),
    ("walks back", "walked back"),
]
OBJECTS = [
    "a phased withdrawal from {region}",
    "a prisoner exchange of {n} detainees",
    "new checkpoints along the {region} line",
    "a {h}-hour ceasefire around {place}",
    "monitoring of the {region} grain corridor",
    "a joint commission on {topic}",
    "the reopening of the {region} crossing",
    "a draft framework on {topic}",
    "an observer mission to {region}",
    "a moratorium on strikes near {region}",
    "the return of {n} displaced families to {region}",
    "a technical group on {topic}",
    "a timetable for {topic}",
    "guarantees on {topic}",
    "a buffer zone of {k} kilometres near {region}",
    "the release of {n} civilians held in {region}",
    "repairs to the {region} power line",
]
QUOTE_OPENERS = [
    "We will not accept",
    "There can be no agreement on",
    "Our delegation is ready to discuss",
    "Nobody in this room wants",
    "We have been clear about",
    "History will judge",
    "It is too early to speak of",
    "We came here to talk about",
    "The other side keeps delaying",
    "We are prepared to sign",
    "Our people will never forget",
    "This is the last chance for",
    "We still see no serious offer on",
    "It’s time to finish the work on",
    "We won’t be rushed into",
]
QUOTE_TAILS = [
    "while the shelling of {region} goes on",
    "without guarantees that hold",
    "unless the ceasefire holds through the winter",
    "before the monitors reach {region}",
    "as long as our detainees are held",
    "if the corridor stays closed",
    "until the withdrawal from {region} is verified",
    "while our cities are without power",
    "after what happened in {region}",
    "unless the mediators stand behind it",
    "this week or the next",
    "in good faith and on paper",
    "with everyone at the table",
    "before the {n} families come home",
    "without a word from {place}",
]
CLAUSES = [
    "officials said",
    "according to two people familiar with the talks",
    "a statement from the mediators said",
    "as the round entered its {ord} day",
    "after a night of shelling in {region}",
    "in a session that lasted {h} hours",
    "despite objections from the {region} council",
    "with observers from {place} present",
]
FILLER = [
    "The talks, which began in {month_name} {year}, have moved slowly since the last round.",
    "Residents of {region} said the night had been quiet for the first time in {n} days.",
    "Analysts in {place} cautioned that any deal would need the backing of parliament.",
    "Delegations broke for consultations with their capitals in the afternoon.",
    "The mediators did not publish an agenda for the {ord} session.",
    "Aid convoys waited at the {region} checkpoint for {h} hours before being let through.",
    "Power was restored to {n} homes in {region} by the evening, the grid operator said.",
    "Reporters were kept outside the venue in {place} for most of the day.",
    "A second draft was circulated among the working groups, diplomats said.",
    "Markets in {place} barely moved on the news.",
    "The {region} council met in emergency session and issued no statement.",
    "Talks resumed after a short break.",  # printed in many articles: anchors to it need a prefix
]
STOCK_PHRASE = "Talks resumed after a short break"
REPORTED_OPENERS = [
    "the delegation would not accept",
    "there could be no agreement on",
    "its side was ready to discuss",
    "nobody at the table wanted",
    "the other side kept delaying",
    "it was too early to speak of",
    "the delegation was prepared to sign",
    "its people would not forget",
    "there was still no serious offer on",
]
QUOTE_EXTRAS = [
    "and we will say so in {place}",
    "but the door is not closed",
    "so let nobody pretend otherwise",
    "and that is final",
    "but we are still listening",
    "and the mediators know it",
]
REPORTED_VERBS = ["said", "told reporters", "told the session", "insisted", "argued", "wrote on social media"]
# English whatever the machine's locale: Python leaves LC_TIME at "C" unless a program
# sets it, and this one does not.
WEEKDAYS = list(calendar.day_name)
MONTHS = list(calendar.month_name)[1:]
ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth"]
STATUSES = [("occurred", 70), ("reported", 10), ("scheduled", 8), ("postponed", 7), ("cancelled", 5)]
STANCES = [
    "Wants {topic} settled before any ceasefire",
    "Rejects any deal on {topic} without guarantees",
    "Is ready to discuss {topic} in a working group",
    "Insists on international monitors for {topic}",
    "Links {topic} to the withdrawal from {region}",
    "Calls {topic} a matter for a later round",
    "Backs the mediators’ draft on {topic}",
    "Demands compensation over {topic}",
]

# --------------------------------------------------------------------------- model


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


# --------------------------------------------------------------------------- YAML out

_PLAIN_OK = re.compile(r"[A-Za-z][A-Za-z0-9 ,.’'()–-]*\Z")


def q(text: str) -> str:
    """A YAML scalar for `text`: JSON's double-quoted strings are valid YAML."""
    return json.dumps(text, ensure_ascii=False)


def plain_or_q(text: str) -> str:
    """A plain scalar where that is safe in block context, else a quoted one."""
    if _PLAIN_OK.match(text) and not text.endswith((" ", ".")):
        return text
    return q(text)


def folded(key: str, text: str, indent: str) -> list[str]:
    lines = textwrap.wrap(text, width=86, break_long_words=False, break_on_hyphens=False)
    return [f"{indent}{key}: >-", *(f"{indent}  {line}" for line in lines)]


def ids(values: list[str]) -> str:
    return "[" + ", ".join(values) + "]"


def anchor_yaml(anchor: Anchor, plain: bool = False) -> str:
    exact = anchor.exact.replace("’", "'") if plain else anchor.exact
    parts = [f"source: {anchor.source}", f"exact: {q(exact)}"]
    if anchor.prefix is not None:
        parts.append(f"prefix: {q(anchor.prefix)}")
    if anchor.suffix is not None:
        parts.append(f"suffix: {q(anchor.suffix)}")
    return "{" + ", ".join(parts) + "}"


def header(n: int, seed: int, sources: int) -> str:
    return f"# synthetic brief: generator v{GENERATOR_VERSION}, seed {seed}, {n} events, {sources} sources\n"


def render_brief(g: Generator) -> str:
    n = g.n
    plain_anchors = {id(s.plain) for d in g.docs for s in d.sentences if s.plain is not None}
    out = [
        header(n, g.seed, len(g.docs)).rstrip("\n"),
        "# Made by benchmarks/generate.py for the benchmark; every anchor is in seeds/.",
        "",
        "peacebrief: 1",
        f"id: synthetic-{n}",
        f"title: Synthetic talks, {n:,} events",
        f"as_of: {q(max(d.date for d in g.docs).isoformat())}",
    ]
    out += folded(
        "summary",
        (
            f"A made-up negotiation followed through {len(g.docs)} articles: {len(g.parties)} parties, "
            f"{len(g.people)} people, {len(g.issues)} issues, {n} events and {len(g.quotes)} quotes. "
            "It exists to measure the reader, not to inform anyone."
        ),
        "",
    )
    out.append("key_points:")
    for event in g.events[:5]:
        out += [f"  - text: {q('Opening moves: ' + event['title'] + '.')}", f"    refs: [{event['id']}]"]
    out += ["", "# --- sources ---", "sources:"]
    for d in g.docs:
        out += [
            f"  - id: {d.id}",
            f"    title: {plain_or_q(d.title)}",
            f"    path: {d.path}",
            f"    published: {q(d.date.isoformat())}",
            "    publisher: The Synthetic Courier",
            f"    sha256: {d.sha256}",
        ]
    out += ["", "# --- parties ---", "parties:"]
    for p in g.parties:
        out += [f"  - {{id: {p['id']}, name: {q(p['name'])}, role: {p['role']}, short: {p['short']}}}"]
    out += ["", "# --- people ---", "people:"]
    for p in g.people:
        line = f"  - {{id: {p['id']}, name: {q(p['name'])}, party: {p['party']}, title: {q(p['title'])}"
        if p["delegate"]:
            line += ", delegate: true"
        if "aliases" in p:
            line += f", aliases: [{', '.join(q(a) for a in p['aliases'])}]"
        out.append(line + "}")
    out += ["", "# --- issues ---", "issues:"]
    for i in g.issues:
        out += [f"  - id: {i['id']}", f"    title: {plain_or_q(i['title'])}"]
    out += ["", "# --- events ---", "events:"]
    for e in g.events:
        out += [f"  - id: {e['id']}", f"    date: {e['date']}"]
        if e["date_text"]:
            out.append(f"    date_text: {plain_or_q(e['date_text'])}")
        out.append(f"    title: {plain_or_q(e['title'])}")
        if e["status"] != "occurred" or g.rng.random() < 0.1:
            out.append(f"    status: {e['status']}")
        if e["summary"]:
            out += folded("summary", e["summary"], "    ")
        if e["place"]:
            out.append(f"    place: {plain_or_q(e['place'])}")
        out.append(f"    parties: {ids(e['parties'])}")
        if e["people"]:
            out.append(f"    people: {ids(e['people'])}")
        out.append(f"    issues: {ids(e['issues'])}")
        out.append("    evidence:")
        out += [f"      - {anchor_yaml(a, id(a) in plain_anchors)}" for a in e["evidence"]]
        if e["review"]:
            out.append(f"    review: {q(e['review'])}")
        out.append("")
    out += ["# --- positions ---", "positions:"]
    for p in g.positions:
        out += [
            f"  - id: {p['id']}",
            f"    party: {p['party']}",
            f"    issue: {p['issue']}",
            f"    stance: {q(p['stance'])}",
        ]
        if p["detail"]:
            out.append(f"    detail: {q(p['detail'])}")
        out.append("    evidence:")
        out += [f"      - {x if isinstance(x, str) else anchor_yaml(x)}" for x in p["evidence"]]
    out += ["", "# --- quotes ---", "quotes:"]
    for qu in g.quotes:
        out += [
            f"  - id: {qu['id']}",
            f"    speaker: {qu['speaker']}",
            f"    kind: {qu['kind']}",
            f"    text: {q(qu['text'])}",
        ]
        if qu["said"]:
            out.append(f"    said: {qu['said']}")
        if qu["event"]:
            out.append(f"    event: {qu['event']}")
        out.append(f"    issues: {ids(qu['issues'])}")
        out.append(f"    source: {anchor_yaml(qu['source'])}")
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- entry points


def brief_path(events: int, out: Path = DEFAULT_OUT) -> Path:
    return Path(out) / "briefs" / f"synthetic-{events}.yaml"


def is_current(events: int, out: Path = DEFAULT_OUT, seed: int = DEFAULT_SEED) -> bool:
    """True when the brief is there, made by this generator version and seed, with its sources."""
    path = brief_path(events, out)
    try:
        with path.open(encoding="utf-8") as f:
            first = f.readline()
    except OSError:
        return False
    match = re.fullmatch(r"# synthetic brief: generator v(\d+), seed (\d+), (\d+) events, (\d+) sources\n", first)
    if not match or (int(match[1]), int(match[2]), int(match[3])) != (GENERATOR_VERSION, seed, events):
        return False
    seeds = Path(out) / "seeds"
    return all((seeds / f"synthetic-{events}-{i:04d}.txt").is_file() for i in range(1, int(match[4]) + 1))


def generate(events: int, out: Path = DEFAULT_OUT, seed: int = DEFAULT_SEED) -> Path:
    """Write the brief of `events` events and its documents under `out`; return the brief's path."""
    out = Path(out)
    g = Generator(events, seed)
    g.build()
    (out / "briefs").mkdir(parents=True, exist_ok=True)
    (out / "seeds").mkdir(parents=True, exist_ok=True)
    for old in (out / "seeds").glob(f"synthetic-{events}-*.txt"):
        old.unlink()
    for doc in g.docs:
        data = g.render_document(doc).encode("utf-8")
        doc.sha256 = hashlib.sha256(data).hexdigest()
        (out / "seeds" / Path(doc.path).name).write_bytes(data)
    path = brief_path(events, out)
    partial = path.with_suffix(".yaml.partial")
    partial.write_text(render_brief(g), encoding="utf-8", newline="\n")
    os.replace(partial, path)  # the brief last, whole: a cut-off run never looks current
    gitignore = out / ".gitignore"
    if not gitignore.exists():
        gitignore.write_text("# generated by benchmarks/generate.py; never committed\n*\n", encoding="utf-8")
    return path


def ensure(events: int, out: Path = DEFAULT_OUT, seed: int = DEFAULT_SEED, *, force: bool = False) -> Path:
    """The brief's path, generating it unless an identical one is already there."""
    if not force and is_current(events, out, seed):
        return brief_path(events, out)
    return generate(events, out, seed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--events",
        type=int,
        action="append",
        metavar="N",
        help="events in the brief (repeatable; default: 1000, 10000 and 50000)",
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"output folder (default: {DEFAULT_OUT})")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--force", action="store_true", help="write even when an identical brief is there")
    parser.add_argument(
        "--shape",
        choices=sorted(_shapes.SHAPES),
        action="append",
        help="write this adversarial brief instead (benchmarks/_shapes.py), at each --events size, "
        "into OUT/adversarial/SHAPE-N/ (repeatable)",
    )
    args = parser.parse_args(argv)
    if args.shape:
        for shape in args.shape:
            for n in args.events or [1000]:
                path = _shapes.SHAPES[shape](n, args.out / "adversarial")
                print(f"{path}: written, {path.stat().st_size / 1e6:.1f} MB", file=sys.stderr)
        return 0
    for n in args.events or [1000, 10000, 50000]:
        if n < 1:
            parser.error("--events must be at least 1")
        current = not args.force and is_current(n, args.out, args.seed)
        path = ensure(n, args.out, args.seed, force=args.force)
        size = path.stat().st_size
        print(f"{path}: {'up to date' if current else 'written'}, {size / 1e6:.1f} MB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
