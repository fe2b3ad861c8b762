"""A synthetic brief written out as YAML (benchmarks/generate.py), in the long anchor form."""

from __future__ import annotations

import json
import re
import sys
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _generator import GENERATOR_VERSION, Anchor, Generator  # noqa: E402

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
    plain_anchors = {id(s.plain) for d in g.docs for s in d.sentences if s.plain is not None}
    out = _front(g) + _sources(g) + _cast(g)
    out += ["", "# --- events ---", "events:"]
    for e in g.events:  # in order, as each may draw from the generator's random numbers
        out += _event(g, e, plain_anchors)
    out += ["# --- positions ---", "positions:"]
    for p in g.positions:
        out += _position(p)
    out += ["", "# --- quotes ---", "quotes:"]
    for qu in g.quotes:
        out += _quote(qu)
    return "\n".join(out) + "\n"


def _front(g: Generator) -> list[str]:
    """The header comment, the brief's own fields, its summary and key points."""
    n = g.n
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
    return out


def _sources(g: Generator) -> list[str]:
    out = ["", "# --- sources ---", "sources:"]
    for d in g.docs:
        out += [
            f"  - id: {d.id}",
            f"    title: {plain_or_q(d.title)}",
            f"    path: {d.path}",
            f"    published: {q(d.date.isoformat())}",
            "    publisher: The Synthetic Courier",
            f"    sha256: {d.sha256}",
        ]
    return out


def _cast(g: Generator) -> list[str]:
    """The parties, the people and the issues."""
    out = ["", "# --- parties ---", "parties:"]
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
    return out


def _event(g: Generator, e: dict, plain_anchors: set[int]) -> list[str]:
    out = [f"  - id: {e['id']}", f"    date: {e['date']}"]
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
    return out


def _position(p: dict) -> list[str]:
    out = [
        f"  - id: {p['id']}",
        f"    party: {p['party']}",
        f"    issue: {p['issue']}",
        f"    stance: {q(p['stance'])}",
    ]
    if p["detail"]:
        out.append(f"    detail: {q(p['detail'])}")
    out.append("    evidence:")
    out += [f"      - {x if isinstance(x, str) else anchor_yaml(x)}" for x in p["evidence"]]
    return out


def _quote(qu: dict) -> list[str]:
    out = [
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
    return out
