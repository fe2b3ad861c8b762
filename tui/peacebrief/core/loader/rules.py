"""The rules of the brief format that the loader checks against: the version, ids, the
record lists, the YAML tags a brief may hold, and the bounds on what it reads."""

from __future__ import annotations

import re
from dataclasses import dataclass

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from peacebrief.core.fields_repr import FieldsValue
from peacebrief.core.files import MAX_BYTES

TYPE_CHECKING = False  # not `typing`'s: `check` and `digest` start without importing it
if TYPE_CHECKING:
    from peacebrief.core.model import Kind

FORMAT_VERSION = 1
MAX_NUMBER = 100  # characters in a number the loader will convert; longer stays text
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*\Z")
EMPTY_FILE = "the file is empty: a brief starts with `peacebrief: 1`"
BAD_ID = "is not valid: use lowercase letters, digits and '-', starting with a letter or digit"

YAML = "tag:yaml.org,2002:"
STR, INT, BOOL, NULL, TIMESTAMP, MERGE = (YAML + t for t in ("str", "int", "bool", "null", "timestamp", "merge"))
PLAIN_TAGS = frozenset(YAML + t for t in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map"))
KEY_TAGS = (STR, INT, BOOL, NULL)  # what a mapping's key may be: a plain word, read as written
# Which of them fits which kind of node: `!!map [1, 2]` is refused, as `yaml.safe_load` does.
FITTING_TAGS: dict[type, frozenset[str]] = {
    ScalarNode: frozenset(YAML + t for t in ("str", "int", "float", "bool", "null", "timestamp", "merge")),
    SequenceNode: frozenset((YAML + "seq",)),
    MappingNode: frozenset((YAML + "map",)),
}

# The record lists of the format, in file order, with the kind each holds.
SECTIONS: tuple[tuple[str, Kind], ...] = (
    ("sources", "source"),
    ("parties", "party"),
    ("people", "person"),
    ("issues", "issue"),
    ("events", "event"),
    ("positions", "position"),
    ("quotes", "quote"),
)
STREAMED = frozenset(section for section, _ in SECTIONS)
TOP_KEYS = STREAMED | {"peacebrief", "id", "title", "as_of", "summary", "key_points"}
KINDS: dict[str, Kind] = dict(SECTIONS)


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class LoadLimits(FieldsValue):
    """Bounds that keep a hostile or broken file from hanging or exhausting the reader."""

    max_bytes: int = MAX_BYTES  # a brief or a source file
    max_depth: int = 32  # nesting of the values the format reads
    max_string: int = 1_000_000  # characters in one value
    alias_slack: int = 10_000  # node visits allowed beyond one per byte of the file


def tag_message(node: Node) -> str:
    shown = node.tag.replace(YAML, "!!")
    if node.tag in PLAIN_TAGS:
        fits = "list" if shown == "!!seq" else "mapping" if shown == "!!map" else "single value"
        return f"the YAML tag {shown} is on a {shape(node)}, but it is for a {fits}: remove the tag"
    return f"the YAML tag {shown} is not allowed: a brief holds plain text, numbers, dates, lists and mappings"


def shape(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "mapping"
    if isinstance(node, SequenceNode):
        return "list"
    return "single value"


def too_deep(max_depth: int) -> str:
    return f"values are nested too deeply (the limit is {max_depth})"
