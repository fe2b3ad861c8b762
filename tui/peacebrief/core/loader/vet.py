"""Vetting a brief's values before any is read: tags, alias bombs, loops and depth.

The reader only walks the fields of the format, so a tag, an alias bomb or absurd nesting
under a key it does not know (extra fields are allowed) would otherwise pass unseen; and
anything else that opens the file (an editor's schema check, `yaml.safe_load`) would
choke on it.
"""

from __future__ import annotations

from yaml.nodes import MappingNode, Node, SequenceNode

from peacebrief.core.loader.rules import FITTING_TAGS, tag_message, too_deep

Found = list[tuple[Node, str]]  # each value refused, with why


def vet(root: Node, budget: int, max_depth: int, depth: int = 0) -> tuple[Found, int]:
    """Refuse what no brief needs, wherever in `root` it is.

    Each node is visited once, aliases included (they are the same node object), so this
    takes time in proportion to the file, however far its aliases would expand.

    Returns what is refused and how many values `root` stands for with its aliases
    expanded; -1 for the count when the refusal ends the reading (a bomb, a loop, depth).
    """
    found: Found = []
    # id(node) -> (values it stands for with every alias expanded, levels of lists and
    # mappings below it): a second alias to a node is judged without walking it again.
    size: dict[int, tuple[int, int]] = {}
    inside: set[int] = set()  # nodes whose children are still being counted
    stack: list[tuple[Node, bool, int]] = [(root, False, depth)]  # the top level is depth 0, as in the reader
    while stack:
        node, counted, depth = stack.pop()
        key = id(node)
        if counted:
            inside.discard(key)
            total, levels = _size_of(node, size)
            if total > budget:
                message = (
                    f"YAML aliases here expand to more than {budget:,} values, far more than the file "
                    "holds (an alias bomb?); write the values out instead"
                )
                return [*found, (node, message)], -1
            size[key] = (total, levels)
            continue
        stop = _ends_the_reading(node, key, depth, size, inside, max_depth)
        if stop is not None:
            return [*found, (node, stop)], -1
        if key in size:  # a second alias to a value already counted, no deeper than allowed
            continue
        if node.tag not in FITTING_TAGS[type(node)]:  # `<<` keys: the reader says more
            found.append((node, tag_message(node)))
        inside.add(key)
        stack.append((node, True, depth))
        stack.extend((child, False, depth + 1) for child in reversed(_children(node)))
    return found, size[id(root)][0]


def _ends_the_reading(
    node: Node, key: int, depth: int, size: dict[int, tuple[int, int]], inside: set[int], max_depth: int
) -> str | None:
    """Why `node`, about to be walked, stops the vetting: a loop or nesting past the limit."""
    if key in size:  # a second alias to a value already counted: it may stand deeper
        return too_deep(max_depth) if depth + size[key][1] > max_depth else None
    if key in inside:
        return "a YAML alias refers to the value that contains it; a brief cannot hold a loop"
    if depth > max_depth:
        return too_deep(max_depth)
    return None


def _size_of(node: Node, size: dict[int, tuple[int, int]]) -> tuple[int, int]:
    """The values `node` stands for and the levels below it, from its children's, all counted."""
    below = [size[id(child)] for child in _children(node)]
    return 1 + sum(values for values, _ in below), 1 + max((levels for _, levels in below), default=-1)


def _children(node: Node) -> list[Node]:
    if isinstance(node, SequenceNode):
        return list(node.value)
    if isinstance(node, MappingNode):
        return [part for pair in node.value for part in pair]
    return []
