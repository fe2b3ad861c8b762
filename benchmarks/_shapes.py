"""Adversarial briefs: legitimate files at the edges of the format, built to find super-linear work.

Each shape is a function `shape(n, out) -> Path` that writes one brief (and its source)
under `out/<shape>-<n>/` and returns the brief's path. Every brief passes `check`; the
cost of checking it should grow in proportion to its size, and `benchmarks/_adversarial.py`
times that against the raw parse of the same file.

- `repeated-phrase`: n events, each anchored to the same words of one source
  (`exact: 'said yes.'`) told apart by its prefix (`Speaker7 `);
- `one-party`: n events and n quotes that all name one party and one person;
- `long-paragraph`: one source of a single paragraph of n sentences, each anchored;
- `near-duplicates`: n quotes whose words differ only in their last word;
- `deep-and-long`: the deepest nesting the limits allow under an unknown key, and n
  scalars of the longest length the limits allow (capped to keep the file under 16 MB).

Like `generate.py`, it imports nothing from peacebrief.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

MAX_DEPTH = 32  # docs/format.md, Limits
MAX_STRING = 1_000_000


def _q(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _write(out: Path, name: str, n: int, source: str, body: list[str], *, parties: str | None = None) -> Path:
    folder = Path(out) / f"{name}-{n}"
    folder.mkdir(parents=True, exist_ok=True)
    data = source.encode("utf-8")
    (folder / "source.txt").write_bytes(data)
    head = [
        f"# adversarial brief: {name}, n={n} (benchmarks/_shapes.py)",
        "peacebrief: 1",
        f"id: {name}-{n}",
        f"title: {_q(f'Adversarial shape {name}, n={n}')}",
        "as_of: '2026-01-01'",
        "sources:",
        "  - id: src",
        "    title: The source",
        "    path: source.txt",
        "    published: '2026-01-01'",
        f"    sha256: {hashlib.sha256(data).hexdigest()}",
        "parties:",
        parties or "  - {id: alpha, name: Alpha, role: party}\n  - {id: beta, name: Beta, role: party}",
    ]
    path = folder / "brief.yaml"
    path.write_text("\n".join(head + body) + "\n", encoding="utf-8", newline="\n")
    return path


def repeated_phrase(n: int, out: Path) -> Path:
    """n events anchored to one phrase, each told apart by its prefix."""
    source = "date 2026-01-01\n\n" + "\n\n".join(f"Speaker{i} said yes." for i in range(n)) + "\n"
    body = ["events:"]
    for i in range(n):
        body += [
            f"  - id: ev-{i}",
            "    date: '2026-01-01'",
            f"    title: Speaker{i} agrees",
            "    parties: [alpha]",
            "    evidence:",
            f"      - {{source: src, exact: 'said yes.', prefix: 'Speaker{i} '}}",
        ]
    return _write(out, "repeated-phrase", n, source, body)


def one_party(n: int, out: Path) -> Path:
    """Every event and quote names the same party and person: one record with 2n backlinks."""
    source = (
        "date 2026-01-01\n\n"
        + "\n\n".join(f"Item {i}: Alpha “agreed to point {i:06d}” today." for i in range(n))
        + "\n"
    )
    body = [
        "people:",
        "  - {id: ann, name: Ann Alpha, party: alpha}",
        "issues:",
        "  - {id: topic, title: The topic}",
        "events:",
    ]
    for i in range(n):
        body += [
            f"  - {{id: ev-{i}, date: '2026-01-01', title: Point {i}, parties: [alpha], people: [ann], issues: [topic],"
            f" evidence: [{_q(f'Item {i}: Alpha')}]}}"
        ]
    body.append("quotes:")
    for i in range(n):
        body += [
            f"  - {{id: q-{i}, speaker: ann, kind: direct, text: {_q(f'agreed to point {i:06d}')}, event: ev-{i},"
            f" issues: [topic], source: {_q(f'agreed to point {i:06d}')}}}"
        ]
    return _write(out, "one-party", n, source, body)


def long_paragraph(n: int, out: Path) -> Path:
    """One paragraph of n sentences (no blank line anywhere), each one an anchor."""
    source = "date 2026-01-01\n" + " ".join(f"Clause {i} was “read out in full” by the chair." for i in range(n)) + "\n"
    body = ["people:", "  - {id: chair, name: The Chair, party: alpha}", "events:"]
    for i in range(n):
        body += [
            f"  - {{id: ev-{i}, date: '2026-01-01', title: Clause {i}, parties: [alpha], evidence: [{_q(f'Clause {i} was')}]}}"
        ]
    body.append("quotes:")
    for i in range(0, n, 2):
        body += [
            f"  - {{id: q-{i}, speaker: chair, kind: direct, text: read out in full, event: ev-{i},"
            f" source: {{source: src, exact: read out in full, prefix: {_q(f'Clause {i} was “')}}}}}"
        ]
    return _write(out, "long-paragraph", n, source, body)


def near_duplicates(n: int, out: Path) -> Path:
    """n quotes that share all their words but the last: long common prefixes everywhere."""
    common = "we are ready to sign the framework agreement on the river and the dams as soon as"
    source = (
        "date 2026-01-01\n\n" + "\n\n".join(f"Ann said “{common} day {i:06d}” in the hall." for i in range(n)) + "\n"
    )
    body = ["people:", "  - {id: ann, name: Ann Alpha, party: alpha}", "quotes:"]
    for i in range(n):
        words = f"{common} day {i:06d}"
        body += [f"  - {{id: q-{i}, speaker: ann, kind: direct, text: {_q(words)}, source: {_q(words)}}}"]
    return _write(out, "near-duplicates", n, source, body)


def deep_and_long(n: int, out: Path) -> Path:
    """The deepest nesting allowed under an unknown key, and long scalars in read fields."""
    length = min(MAX_STRING, max(1, 16_000_000 // max(n, 1)))
    sentence = "word " * (length // 5)
    source = "date 2026-01-01\n\nThe chair spoke.\n"
    body = ["extra: " + "[" * (MAX_DEPTH - 1) + "1" + "]" * (MAX_DEPTH - 1), "issues:"]
    for i in range(n):
        body += [f"  - id: issue-{i}", f"    title: Issue {i}", f"    summary: {_q(sentence[:length].rstrip())}"]
    body += [
        "events:",
        "  - {id: ev-0, date: '2026-01-01', title: The chair, parties: [alpha], evidence: ['The chair spoke.']}",
    ]
    return _write(out, "deep-and-long", n, source, body)


SHAPES: dict[str, Callable[[int, Path], Path]] = {
    "repeated-phrase": repeated_phrase,
    "one-party": one_party,
    "long-paragraph": long_paragraph,
    "near-duplicates": near_duplicates,
    "deep-and-long": deep_and_long,
}
