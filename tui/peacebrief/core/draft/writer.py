"""Writing a draft as YAML in format 1, or adding it to an existing brief's text.

The YAML is written by hand, not by `yaml.safe_dump`, so that it reads like the briefs
people write: block style, the format's key order, ids and dates where an author looks
for them, a blank line between long records, and comments saying how each date was
worked out. Every scalar is checked to read back as the same string (or it is written
double-quoted, in JSON's escaping, which YAML reads too).

Merging keeps the existing brief's text as it is, comments included: the new records
are inserted at the end of each section. Two things may have to change for the result
to load, and both keep the meaning: an anchor written as a plain string is only allowed
while the brief has one source, so with a second source such anchors are written out as
`{source: ID, exact: "..."}`; and source paths are relative to the brief's folder, so
they are rewritten when the output goes to another folder.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import textwrap
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from peacebrief.core.draft.build import SECTIONS, Draft, DraftAnchor, DraftRecord
from peacebrief.core.draft.timex import WEEKDAYS
from peacebrief.core.visible import ESCAPABLE

_Loader: type[yaml.SafeLoader] | type[yaml.CSafeLoader]
try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

_PLAIN = re.compile(r"[A-Za-z0-9\u00c0-\u024f./_][^\n\t#]*\Z")
_ESCAPABLE = re.compile(ESCAPABLE)
_FLOW_SAFE = re.compile(r"[a-z0-9][a-z0-9-]*\Z")
_WIDTH = 88
_SPACED = ("events", "quotes")
_TITLES = {
    "sources": "sources",
    "parties": "parties",
    "people": "people",
    "events": "events (one per dated sentence: keep, merge or drop)",
    "quotes": "quotes",
}


class MergeError(ValueError):
    """The existing brief's text cannot take the new records as they are written."""


def scalar(value: Any) -> str:
    """A YAML scalar that reads back as `value`."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if (
        _PLAIN.match(text)
        and _ESCAPABLE.search(text) is None
        and text == text.strip()
        and ": " not in text
        and not text.endswith(":")
        and not any(c in text for c in "{}[]&*!|>'\"%@`")
        and _reads_back(text)
    ):
        return text
    return quoted(text)


def quoted(text: str) -> str:
    """A double-quoted YAML scalar: JSON's escaping, plus escapes for what YAML may not hold."""
    out = json.dumps(text, ensure_ascii=False)
    if all(_printable(c) for c in out):
        return out
    return "".join(
        c if _printable(c) else (f"\\u{ord(c):04x}" if ord(c) <= 0xFFFF else f"\\U{ord(c):08x}") for c in out
    )


def _printable(char: str) -> bool:
    """YAML may hold it raw, and it shows as itself (no bidi control, no invisible character)."""
    code = ord(char)
    return not _ESCAPABLE.match(char) and (
        code in (0x9, 0xA, 0xD)
        or 0x20 <= code <= 0x7E
        or 0xA0 <= code <= 0xD7FF
        and code not in (0x2028, 0x2029)
        or 0xE000 <= code <= 0xFFFD
        and code != 0xFEFF
        or 0x10000 <= code <= 0x10FFFF
    )


# Letters, spaces and a few marks, starting with a letter: YAML reads such a plain scalar
# back as itself unless it is one of its words for true, false or null (no number, date
# or indicator can be made of these), so most titles and names skip the parser.
_WORDS_ONLY = re.compile(r"[^\W\d_](?:[^\W\d_]|[ ,.\u2019()-])*\Z")
_YAML_WORDS = frozenset("y n yes no true false on off null".split())


def _reads_back(text: str) -> bool:
    if _WORDS_ONLY.match(text) and text.casefold() not in _YAML_WORDS:
        return True
    try:
        return bool(yaml.load(f"k: {text}\n", Loader=_Loader) == {"k": text})
    except yaml.YAMLError:
        return False


def _id(value: str) -> str:
    return value if _FLOW_SAFE.match(value) and _reads_back(value) else json.dumps(value)


def _anchor(anchor: DraftAnchor, *, explicit: bool) -> str:
    if not explicit and anchor.prefix is None and anchor.suffix is None:
        return quoted(anchor.exact)
    parts = [f"source: {_id(anchor.source)}", f"exact: {quoted(anchor.exact)}"]
    if anchor.prefix is not None:
        parts.append(f"prefix: {quoted(anchor.prefix)}")
    if anchor.suffix is not None:
        parts.append(f"suffix: {quoted(anchor.suffix)}")
    return "{" + ", ".join(parts) + "}"


def _comment(text: str, indent: str) -> list[str]:
    return [f"{indent}# {line}" for line in textwrap.wrap(text, _WIDTH - len(indent) - 2) or [""]]


def render_record(record: DraftRecord, *, indent: str = "  ", explicit: bool = False) -> list[str]:
    lines: list[str] = []
    for comment in record.comments:
        lines.extend(_comment(comment, indent))
    inner = indent + "  "
    for number, (key, value) in enumerate(record.fields.items()):
        lead = f"{indent}- " if number == 0 else inner
        lines.extend(_field_lines(lead, inner, key, value, explicit))
    return lines


def _field_lines(lead: str, inner: str, key: str, value: object, explicit: bool) -> list[str]:
    """A record's field as the brief writes it, from `lead` (the record's dash or the indent)."""
    if isinstance(value, DraftAnchor):
        return [f"{lead}{key}: {_anchor(value, explicit=explicit)}"]
    if isinstance(value, list) and value and isinstance(value[0], DraftAnchor):
        return [f"{lead}{key}:", *(f"{inner}  - {_anchor(a, explicit=explicit)}" for a in value)]
    if isinstance(value, list):
        return _list_lines(lead, inner, key, value)
    if key in ("date", "published", "said", "as_of"):
        return [f"{lead}{key}: {json.dumps(str(value))}"]
    if key in ("id", "speaker", "party", "event", "source") and isinstance(value, str):
        return [f"{lead}{key}: {_id(value)}"]
    return [f"{lead}{key}: {scalar(value)}"]


def _list_lines(lead: str, inner: str, key: str, value: list[object]) -> list[str]:
    """A list of ids or aliases on one line, in flow style, where each is safe there; else a block list."""
    if key in ("parties", "people", "issues", "aliases") and all(
        _FLOW_SAFE.match(str(v)) or key == "aliases" for v in value
    ):
        items = ", ".join(_id(str(v)) if key != "aliases" else _flow_text(str(v)) for v in value)
        return [f"{lead}{key}: [{items}]"]
    return [f"{lead}{key}:", *(f"{inner}  - {scalar(v)}" for v in value)]


def _flow_text(text: str) -> str:
    out = scalar(text)
    return out if out.startswith('"') or not any(c in text for c in ",[]{}") else quoted(text)


def _section_lines(draft: Draft, section: str, *, indent: str = "  ") -> list[str]:
    explicit = True  # the long form always: a second source later needs no line of it changed
    lines: list[str] = []
    for number, record in enumerate(draft.records[section]):
        if number and section in _SPACED:
            lines.append("")
        lines.extend(render_record(record, indent=indent, explicit=explicit))
    return lines


def _describe_base(draft: Draft, source_paths: dict[str, str]) -> list[str]:
    out = []
    for source_id, base, from_dateline in draft.base_dates:
        how = "dateline" if from_dateline else "--date"
        out.append(
            f"  {source_paths.get(source_id, source_id)}: {base.isoformat()}, a {WEEKDAYS[base.weekday()]} ({how})"
        )
    return out


def render(draft: Draft, *, written: dt.date | None = None) -> str:
    """The draft as a whole brief."""
    paths = {r.id: str(r.fields["path"]) for r in draft.records["sources"]}
    marks = draft.review_count
    lines = [
        "# Draft brief written by `peacebrief draft`. Every record below was found by rules, not",
        "# by a person: check each against its source before relying on it, and drop what is",
        "# not worth keeping (candidate events especially).",
        f"# `review:` marks what the draft was unsure of: {marks} mark{'s' * (marks != 1)}. `peacebrief check` lists them.",
        '# Relative dates ("on Tuesday", "last week") are resolved against each document\'s date:',
        *(f"#{line}" for line in _describe_base(draft, paths)),
    ]
    if draft.skipped:
        lines.append("# Left out, because their words could not be anchored to one place:")
        lines.extend(f"#   {reason}" for reason in draft.skipped)
    lines += [
        "",
        "peacebrief: 1",
        f"id: {_id(draft.id)}",
        f"title: {scalar(draft.title)}",
        f"as_of: {json.dumps(draft.as_of)}",
    ]
    for section in SECTIONS:
        records = draft.records[section]
        if not records and section not in ("sources", "parties"):
            continue
        lines += ["", f"# --- {_TITLES[section]} ---", f"{section}:" if records else f"{section}: []"]
        lines += _section_lines(draft, section)
    return "\n".join(lines) + "\n"


# -- merging into an existing brief -----------------------------------------------------


def merge(
    existing_text: str,
    existing_brief: Any,
    draft: Draft,
    *,
    old_folder: Path,
    new_folder: Path,
    rewrite_anchors: bool = False,
) -> str:
    """The existing brief's text with the draft's new records added at the end of each
    section: every byte of the existing brief is kept, in order; only new lines are added.

    Two things would have to change existing lines, and neither is done silently: the
    existing sources' paths, when the result is written in another folder (refused), and
    the short anchors of a brief of one source, when a second source is added (refused
    unless `rewrite_anchors`, which writes them in the long form)."""
    try:
        root = yaml.compose(existing_text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:  # the brief loaded, so this does not happen
        raise MergeError(f"the existing brief cannot be read as YAML: {exc}") from None
    if not isinstance(root, MappingNode):
        raise MergeError("the existing brief is not a mapping")
    top: dict[str, tuple[ScalarNode, Node]] = {k.value: (k, v) for k, v in root.value if isinstance(k, ScalarNode)}
    edits: list[tuple[int, int, int, str]] = []  # (start, end, order, text)

    if old_folder.resolve() != new_folder.resolve() and "sources" in top:
        _refuse_moved_sources(top, old_folder, new_folder)
    edits.extend(_long_anchors(existing_text, existing_brief, top, draft, rewrite_anchors))

    new_sources = {r.id for r in draft.records["sources"]}
    label = ", ".join(sorted(new_sources)) or ", ".join(s for s, _b, _d in draft.base_dates)
    for order, section in enumerate(SECTIONS, start=1):
        records = draft.records[section]
        if not records:
            continue
        if section in top:
            edits.append(_insert_into(existing_text, root, top, section, draft, label, order))
        else:
            body = "\n".join([f"{section}:", *_section_lines(draft, section)])
            edits.append(
                (
                    len(existing_text),
                    len(existing_text),
                    order,
                    ("" if existing_text.endswith("\n") else "\n") + "\n" + body + "\n",
                )
            )

    text = existing_text
    for start, end, _order, replacement in sorted(edits, key=lambda e: (e[0], e[2]), reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


def _refuse_moved_sources(top: dict[str, tuple[ScalarNode, Node]], old_folder: Path, new_folder: Path) -> None:
    """`MergeError` when a source path of the existing brief would have to change."""
    for item in _items(top["sources"][1]):
        path_node = _field(item, "path")
        if isinstance(path_node, ScalarNode):
            moved = Path(os.path.relpath((old_folder / path_node.value).resolve(), new_folder.resolve())).as_posix()
            if moved != path_node.value:
                raise MergeError(
                    f"its source paths are relative to {old_folder}; write the result in that folder "
                    f"(-o {old_folder}/NAME.yaml) so that none of its lines has to change"
                )


def _long_anchors(
    existing_text: str,
    existing_brief: Any,
    top: dict[str, tuple[ScalarNode, Node]],
    draft: Draft,
    rewrite_anchors: bool,
) -> list[tuple[int, int, int, str]]:
    """The edits that write a one-source brief's short anchors in the long form, when the
    draft adds a second source (`MergeError` unless `rewrite_anchors`)."""
    old_sources = list(getattr(existing_brief, "sources", ()))
    if len(old_sources) != 1 or draft.source_total <= 1:
        return []
    rewrites = _explicit_anchors(existing_text, top, old_sources[0].id, set(getattr(existing_brief, "records", {})))
    if rewrites and not rewrite_anchors:
        line = existing_text.count("\n", 0, rewrites[0][0]) + 1
        raise MergeError(
            f"it has one source and short anchors (the first on line {line}); a second source needs every anchor "
            f"in the long form, `{{source: {old_sources[0].id}, exact: ...}}`: write them so, or pass --rewrite-anchors "
            "to let the draft rewrite them (the only change it makes to existing lines)"
        )
    return rewrites


def _items(node: Node) -> list[Node]:
    return list(node.value) if isinstance(node, SequenceNode) else []


def _field(node: Node, key: str) -> Node | None:
    if not isinstance(node, MappingNode):
        return None
    pairs: list[tuple[Node, Node]] = node.value
    for k, v in pairs:
        if isinstance(k, ScalarNode) and k.value == key:
            return v
    return None


def _explicit_anchors(
    text: str, top: dict[str, tuple[ScalarNode, Node]], source: str, ids: set[str]
) -> list[tuple[int, int, int, str]]:
    """`"words"` -> `{source: ID, exact: "words"}` for each anchor written as a plain string."""
    nodes: list[ScalarNode] = []
    for item in _items(top["events"][1]) if "events" in top else []:
        nodes.extend(n for n in _items(_field(item, "evidence") or SequenceNode("", [])) if isinstance(n, ScalarNode))
    for item in _items(top["positions"][1]) if "positions" in top else []:
        nodes.extend(
            n
            for n in _items(_field(item, "evidence") or SequenceNode("", []))
            if isinstance(n, ScalarNode) and n.value not in ids
        )
    for item in _items(top["quotes"][1]) if "quotes" in top else []:
        node = _field(item, "source")
        if isinstance(node, ScalarNode):
            nodes.append(node)
    edits = []
    for node in nodes:
        start, end = node.start_mark.index, node.end_mark.index
        original = text[start:end]
        trailing = original[len(original.rstrip()) :]
        replacement = "{" + f"source: {_id(source)}, exact: {quoted(node.value)}" + "}" + trailing
        edits.append((start, end, 0, replacement))
    return edits


def _insert_into(
    text: str,
    root: MappingNode,
    top: dict[str, tuple[ScalarNode, Node]],
    section: str,
    draft: Draft,
    label: str,
    order: int,
) -> tuple[int, int, int, str]:
    key_node, value = top[section]
    if isinstance(value, SequenceNode) and value.flow_style:
        if value.value:
            raise MergeError(
                f"`{section}:` is written in flow style ([...]); write it as a block list to add records to it"
            )
        body = "\n" + "\n".join(_section_lines(draft, section))
        return value.start_mark.index, value.end_mark.index, order, body
    if isinstance(value, ScalarNode) and value.value in ("", "~", "null"):
        body = "\n" + "\n".join(_section_lines(draft, section))
        return value.start_mark.index, value.end_mark.index, order, body
    if not isinstance(value, SequenceNode):
        raise MergeError(f"`{section}:` is not a list")
    indent = _list_indent(text, value)
    position = _section_end(text, root, key_node)
    explicit = True  # the long form always: a second source later needs no line of it changed
    lines: list[str] = ["", f"{indent}# --- drafted by `peacebrief draft` from {label} ---"]
    for number, record in enumerate(draft.records[section]):
        if number and section in _SPACED:
            lines.append("")
        lines.extend(render_record(record, indent=indent, explicit=explicit))
    block = "\n".join(lines) + "\n"
    if position > len(text):
        return len(text), len(text), order, ("" if text.endswith("\n") else "\n") + block.lstrip("\n")
    return position, position, order, block


def _list_indent(text: str, value: SequenceNode) -> str:
    """The indent of the dash of a block list's first item (two spaces if none is found)."""
    first = value.value[0]
    line_start = text.rfind("\n", 0, first.start_mark.index) + 1
    dash = text.rfind("-", line_start, first.start_mark.index)
    return " " * (dash - line_start if dash >= line_start else 2)


def _section_end(text: str, root: MappingNode, key_node: ScalarNode) -> int:
    """Where the section of `key_node` ends: where the next top-level key starts, less the
    blank lines and column-0 comments in between (they introduce the next section)."""
    later = sorted(k.start_mark.index for k, _v in root.value if k.start_mark.index > key_node.start_mark.index)
    limit = later[0] if later else len(text)
    existing = text[:limit].split("\n")
    cut = len(existing)
    if not later and text.endswith("\n"):
        cut -= 1
    while cut > 0:
        line = existing[cut - 1]
        if line.strip() == "" or line.startswith("#"):
            cut -= 1
            continue
        break
    return sum(len(line) + 1 for line in existing[:cut])
