"""A draft joins a case: its parties, people and issues take the case's ids.

`peacebrief draft NEW.txt --case FOLDER` drafts the next round. The draft names people
as the document does ("Linde"), and a case already knows them (`linde`, "Mara Linde",
alias "Linde", of the party `calder`). `adopt_case_ids` rewrites the draft's YAML so that
each party, person and issue it recognises takes the case's id and the case's name (and
a person the case's party, whose record joins the draft), and every reference follows;
an id the draft made up that the case uses for something else is renamed. Only the
scalars concerned are rewritten, in place: the draft's layout and comments stay.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import yaml

from peacebrief.core.case import Case
from peacebrief.core.draft.parties import CaseParties
from peacebrief.core.model import Issue, Party, Person, Record

# Fields that hold ids of parties, people or issues, in any record.
_REFERENCES = frozenset({"party", "speaker", "parties", "people", "issues", "issue"})
_SECTIONS = {"parties": "party", "people": "person", "issues": "issue"}
_PREFIXES = ("the ", "government of ", "the government of ")


def _key(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").split()).casefold()


@dataclass
class CaseNames:
    """The case's parties, people and issues by every name they go by."""

    case: Case
    names: dict[str, dict[str, Record]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for kind in _SECTIONS.values():
            self.names[kind] = {}
        for round_ in reversed(self.case.rounds):  # the latest round's naming first
            brief = round_.brief
            for party in brief.parties:
                for name in _party_names(party):
                    self.names["party"].setdefault(_key(name), party)
            for person in brief.people:
                for name in (person.name, *person.aliases):
                    self.names["person"].setdefault(_key(name), person)
            for issue in brief.issues:
                for name in (issue.title,):
                    self.names["issue"].setdefault(_key(name), issue)

    def find(self, kind: str, names: list[str]) -> Record | None:
        table = self.names[kind]
        return next((table[_key(n)] for n in names if _key(n) in table), None)


def case_parties(case: Case) -> CaseParties:
    """The case's parties by every name a document may give them (the latest round's first)."""
    seen: dict[str, Party] = {}
    for round_ in reversed(case.rounds):
        for party in round_.brief.parties:
            seen.setdefault(party.id, party)
    return CaseParties.of((_party_names(p), p.name, p.role) for p in seen.values())


def _party_names(party: Party) -> list[str]:
    names = [party.name, *([party.short] if party.short else [])]
    for prefix in _PREFIXES:
        if party.name.casefold().startswith(prefix):
            names.append(party.name[len(prefix) :])
    return names


@dataclass
class _Edits:
    text: str
    spans: list[tuple[int, int, str]] = field(default_factory=list)

    def replace(self, node: yaml.Node, value: str, *, plain: bool) -> None:
        self.spans.append(
            (node.start_mark.index, node.end_mark.index, value if plain else json.dumps(value, ensure_ascii=False))
        )

    def insert(self, index: int, value: str) -> None:
        self.spans.append((index, index, value))

    def apply(self) -> str:
        text = self.text
        for start, end, value in sorted(self.spans, key=lambda s: (s[0], s[1]), reverse=True):
            text = text[:start] + value + text[end:]
        return text


def _entries(node: yaml.Node | None) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {k.value: (k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode)}


def _scalar(entries: dict[str, tuple[yaml.Node, yaml.Node]], key: str) -> str | None:
    pair = entries.get(key)
    return pair[1].value if pair and isinstance(pair[1], yaml.ScalarNode) else None


def adopt_case_ids(yaml_text: str, case: Case) -> tuple[str, dict[str, str]]:
    """The draft with the case's ids, and what was renamed (draft id -> case id)."""
    root = yaml.compose(yaml_text, Loader=yaml.SafeLoader)
    top = _entries(root)
    names = CaseNames(case)
    taken_by_case = {r.id: r for round_ in case.rounds for r in round_.brief.records.values()}
    edits = _Edits(yaml_text)
    renamed: dict[str, str] = {}
    joined: dict[str, Record] = {}  # case records the draft now refers to
    kept_ids: set[str] = set()
    adopted: set[str] = set()  # draft ids given a case record's id and naming
    for section, kind in _SECTIONS.items():
        for item in top.get(section, (None, yaml.SequenceNode("", [])))[1].value or ():
            entries = _entries(item)
            draft_id = _scalar(entries, "id")
            if draft_id is None:
                continue
            match = names.find(kind, _draft_names(entries))
            if match is not None and match.id not in renamed.values() and match.id not in kept_ids:
                renamed[draft_id] = match.id
                adopted.add(draft_id)
                _adopt(edits, entries, match)
                if isinstance(match, Person):
                    party = case.record(match.party)
                    if party is not None:
                        joined[match.party] = party[1]
                kept_ids.add(match.id)
            elif draft_id in taken_by_case:  # the case's id for something else: keep clear of it
                new = _free(f"{draft_id}-new", taken_by_case, top)
                renamed[draft_id] = new
                edits.replace(entries["id"][1], new, plain=True)
            else:
                kept_ids.add(draft_id)
    _references(edits, top, renamed, adopted)
    _join_parties(edits, top, [p for pid, p in joined.items() if pid not in kept_ids])
    return edits.apply(), renamed


def _draft_names(entries: dict[str, tuple[yaml.Node, yaml.Node]]) -> list[str]:
    """A draft record's names, title, short name and aliases: by names only, since an id the
    draft made from other words ("forum") proves nothing."""
    names = [n for n in (_scalar(entries, "name"), _scalar(entries, "title"), _scalar(entries, "short")) if n]
    aliases = entries.get("aliases")
    if aliases and isinstance(aliases[1], yaml.SequenceNode):
        names += [a.value for a in aliases[1].value if isinstance(a, yaml.ScalarNode)]
    return names


def _adopt(edits: _Edits, entries: dict[str, tuple[yaml.Node, yaml.Node]], match: Record) -> None:
    edits.replace(entries["id"][1], match.id, plain=True)
    fields: dict[str, str] = {}
    if isinstance(match, Party):
        fields = {"name": match.name}
    elif isinstance(match, Person):
        fields = {"name": match.name, "party": match.party}
        if "review" in entries:  # the draft's doubt was about the party, which the case settles
            fields["review"] = "name and party taken from the case: check that this is the same person"
    elif isinstance(match, Issue):
        fields = {"title": match.title}
    for key, value in fields.items():
        if key in entries:
            edits.replace(entries[key][1], value, plain=key == "party")


def _free(base: str, taken: dict[str, Record], top: dict[str, tuple[yaml.Node, yaml.Node]]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def _references(
    edits: _Edits, top: dict[str, tuple[yaml.Node, yaml.Node]], renamed: dict[str, str], adopted: set[str]
) -> None:
    """Every reference to a renamed id, in every record (a person's `party` already
    rewritten to the case's is left alone)."""
    for section in ("people", "events", "positions", "quotes"):
        pair = top.get(section)
        if pair is None or not isinstance(pair[1], yaml.SequenceNode):
            continue
        for item in pair[1].value:
            for key, (_k, value) in _entries(item).items():
                if key not in _REFERENCES or (
                    section == "people" and key == "party" and _scalar(_entries(item), "id") in adopted
                ):
                    continue
                nodes = value.value if isinstance(value, yaml.SequenceNode) else [value]
                for node in nodes:
                    if isinstance(node, yaml.ScalarNode) and node.value in renamed:
                        edits.replace(node, renamed[node.value], plain=True)


def _content_end(node: yaml.Node) -> int:
    """Where a node's own text ends: a block collection's end mark is the next token's start,
    past any comment between them."""
    while isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and not node.flow_style and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(last, tuple) else last
    return node.end_mark.index


def _join_parties(edits: _Edits, top: dict[str, tuple[yaml.Node, yaml.Node]], parties: list[Record]) -> None:
    """The case's parties of the people the draft now names, after its own."""
    pair = top.get("parties")
    if not parties or pair is None or not isinstance(pair[1], yaml.SequenceNode) or not pair[1].value:
        return
    last = pair[1].value[-1]
    dash = " " * max(0, last.start_mark.column - 2) + "- "
    end = _content_end(last)
    lines = []
    for party in parties:
        assert isinstance(party, Party)
        fields = [f"id: {party.id}", f"name: {json.dumps(party.name, ensure_ascii=False)}", f"role: {party.role}"]
        if party.short:
            fields.append(f"short: {json.dumps(party.short, ensure_ascii=False)}")
        lines.append(f"\n{dash}{{{', '.join(fields)}}}")
    edits.insert(end, "".join(lines))


__all__ = ["CaseNames", "adopt_case_ids", "case_parties"]
