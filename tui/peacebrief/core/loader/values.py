"""Reading one YAML node as a value of the format: a scalar, an id, a list or a mapping.

Each reader counts the node against the pass's budget (`visit`), says what is wrong
with it through `LoadState.error`, and returns None when it cannot be read.
"""

from __future__ import annotations

import sys

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from peacebrief.core.loader.rules import (
    FITTING_TAGS,
    INT,
    KEY_TAGS,
    MAX_NUMBER,
    MERGE,
    NULL,
    PLAIN_TAGS,
    STR,
    TIMESTAMP,
    YAML,
    shape,
    tag_message,
    too_deep,
)
from peacebrief.core.loader.state import Abort, LoadState

TYPE_CHECKING = False  # not `typing`'s: `check` and `digest` start without importing it
if TYPE_CHECKING:
    from typing import Any

Entries = dict[str, tuple[ScalarNode, Node]]  # a mapping's keys -> (key node, value node)

# PyYAML's constructors trust that the resolver chose the tag from the text; a tag the
# author wrote does not (`!!bool maybe`, `!!int ""`, `!!timestamp soon`), and then they
# fail with KeyError, IndexError or AttributeError.
_NOT_CONSTRUCTED = (yaml.YAMLError, ValueError, OverflowError, KeyError, IndexError, AttributeError)


def visit(state: LoadState, node: Node, depth: int) -> None:
    state.visits += 1
    if state.visits > state.budget:
        raise Abort(node, "YAML aliases expand past the size of the file; write the values out instead")
    if depth > state.limits.max_depth:
        raise Abort(node, too_deep(state.limits.max_depth))


def _tag_ok(state: LoadState, node: Node, record: str | None) -> bool:
    if node.tag in PLAIN_TAGS and node.tag in FITTING_TAGS[type(node)]:
        return True
    state.error(node, tag_message(node), record)
    return False


def single(state: LoadState, node: Node, depth: int, record: str | None, what: str) -> ScalarNode | None:
    """The node if it is one plain value of a bounded length; else say why, and None."""
    visit(state, node, depth)
    if not isinstance(node, ScalarNode):
        state.error(node, f"{what} must be a single value, not a {shape(node)}", record)
        return None
    if not _tag_ok(state, node, record):
        return None
    limit = state.limits.max_string
    if len(node.value) > limit:
        state.error(node, f"{what} is {len(node.value):,} characters long; the limit is {limit:,}", record)
        return None
    return node


def scalar(state: LoadState, node: Node, depth: int, record: str | None, what: str) -> Any:
    if single(state, node, depth, record, what) is None:
        return None
    assert isinstance(node, ScalarNode)
    if node.tag == STR:
        return node.value
    if node.tag == INT and len(node.value) > MAX_NUMBER:
        # Python builds a base-60 `1:2:3:...` in time that grows with the square of its
        # length, and refuses to print an int of more than 4,300 digits. No brief needs
        # such a number: keep the text as written, so a text field keeps it as it is
        # and a number or date field says it is not one.
        return node.value
    constructor = state.scalars
    try:
        return constructor.construct_object(node)
    except _NOT_CONSTRUCTED:
        if node.tag == TIMESTAMP:
            # Shaped like a date but not one (`2026-02-30`): the text as written, so a
            # date field says why ("not a day of the calendar") and a text field keeps it.
            return node.value
        state.error(node, f"{what}: '{node.value}' is not a valid {node.tag.replace(YAML, '')}", record)
        return None
    finally:
        # The constructor remembers every node it built (for a document's aliases), which
        # would keep each record's nodes alive until the load ends: forget them at once.
        constructor.constructed_objects.clear()
        constructor.recursive_objects.clear()
        constructor.state_generators.clear()


def ident(state: LoadState, node: Node, depth: int, record: str | None, what: str) -> str | None:
    """An id or a reference to one, as the author wrote it; None when empty or not a value.

    The scalar's own text, not what YAML would make of it: `012` would be read as 10,
    `0x1f` as 31, `no` as false and `2026-02-04` as a date, and the id would not be the
    one in the file.
    """
    if single(state, node, depth, record, what) is None:
        return None
    assert isinstance(node, ScalarNode)
    if node.tag == NULL or not node.value.strip():
        return None
    return sys.intern(node.value)  # an id stands in many records: keep one copy of it


def sequence(state: LoadState, node: Node, depth: int, record: str | None, what: str) -> list[Node] | None:
    visit(state, node, depth)
    if isinstance(node, SequenceNode):
        return list(node.value) if _tag_ok(state, node, record) else None
    state.error(node, f"{what} must be a list, not a {shape(node)}", record)
    return None


def section(state: LoadState, node: Node, what: str) -> list[Node]:
    """A top-level list; `people:` with nothing after it is an empty one, as `[]` is."""
    if is_empty(node) and node.tag == NULL:
        visit(state, node, 1)
        return []
    return sequence(state, node, 1, None, what) or []


def mapping(state: LoadState, node: Node, depth: int, record: str | None, what: str) -> Entries | None:
    visit(state, node, depth)
    if not isinstance(node, MappingNode):
        state.error(node, f"{what} must be a mapping of `key: value` lines, not a {shape(node)}", record)
        return None
    if not _tag_ok(state, node, record):
        return None
    entries: Entries = {}
    for key, value in node.value:
        visit(state, key, depth + 1)
        if not isinstance(key, ScalarNode) or key.tag not in KEY_TAGS:
            label = "a merge key (<<)" if key.tag == MERGE else f"a {shape(key)}"
            state.error(key, f"{what} has {label} as a key; keys are plain words", record)
            continue
        if key.value in entries:
            first = entries[key.value][0].start_mark.line + 1
            state.error(key, f"'{key.value}' is given twice in {what} (first on line {first})", record)
            state.said_twice.add((key.start_mark.line, key.start_mark.column))
            continue
        entries[key.value] = (key, value)
    return entries


def is_empty(node: Node) -> bool:
    """A scalar with nothing in it: `key:`, `key: ~`, `key: null` or `key: ""`."""
    return isinstance(node, ScalarNode) and (node.tag == NULL or not node.value.strip())


def with_article(kinds: str) -> str:
    """`kinds` with its article: 'an issue', 'an event', 'a person or party'."""
    return f"an {kinds}" if kinds[:1] in "aeiou" else f"a {kinds}"
