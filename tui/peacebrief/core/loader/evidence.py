"""Anchors into a brief's sources, and the evidence lists that hold them.

An anchor is the words of a source, in the short form (`- "the words"`, in a brief of
one source) or the long one (`{source: ID, exact: "...", prefix: ..., suffix: ...}`).
"""

from __future__ import annotations

from yaml.nodes import Node, ScalarNode

from peacebrief.core.anchors import AnchorError
from peacebrief.core.loader.fields import Fields
from peacebrief.core.loader.rules import ID_PATTERN
from peacebrief.core.loader.state import Later
from peacebrief.core.loader.values import is_empty, mapping, scalar
from peacebrief.core.model import Anchor, SourceDocument

# An anchor's words, read but not yet found in its source: (source id, exact words,
# prefix, suffix, the node to report a problem at).
_Words = tuple[str, str, str | None, str | None, Node]


def anchor_field(f: Fields, key: str, *, required: bool = False) -> Anchor | None:
    node = f.node_of(key)
    if node is None:
        if required:
            f.missing(key)
        return None
    return anchor(f, node, f.depth + 1)


def anchors(f: Fields, key: str) -> tuple[Anchor, ...] | None:
    """A list of anchors, at least one; None when any fails."""
    items = f.items(key)
    if not items:
        _evidence_missing(f, key)
        return None
    found = [anchor(f, item, f.depth + 2) for item in items]
    return None if any(a is None for a in found) else tuple(a for a in found if a is not None)


def evidence(f: Fields, key: str) -> tuple[tuple[Anchor, ...], tuple[str, ...]] | None:
    """Anchors and quote ids, at least one in all; None when any fails."""
    items = f.items(key)
    if not items:
        _evidence_missing(f, key)
        return None
    state = f.state
    found: list[Anchor] = []
    quotes: list[str] = []
    ok = True
    for item in items:
        if isinstance(item, ScalarNode) and item.value in state.kinds:
            checked = f.check_ref(item, key, ("quote",), f.depth + 2)
            ok = ok and checked is not None
            if checked:
                quotes.append(checked)
            continue
        if isinstance(item, ScalarNode) and not state.final and ID_PATTERN.match(item.value):
            raise Later  # the id of a quote further on, or the words of an anchor: not known yet
        one = anchor(f, item, f.depth + 2)
        ok = ok and one is not None
        if one:
            found.append(one)
    return (tuple(found), tuple(quotes)) if ok else None


def _evidence_missing(f: Fields, key: str) -> None:
    node = f.node_of(key)
    message = f"{f.what()} needs `{key}`: at least one anchor into a source"
    f.state.error(node or f.node, message, f.record)


def anchor(f: Fields, node: Node, depth: int) -> Anchor | None:
    """The anchor `node` holds, found in its source; None when it cannot be (and said why)."""
    words = _short_form(f, node, depth) if isinstance(node, ScalarNode) else _long_form(f, node, depth)
    if words is None:
        return None
    source, exact, prefix, suffix, where = words
    index = f.state.indexes.get(source)
    if index is None:  # the source itself failed to load, and said so
        return None
    try:
        start, end, normalised = index.resolve(exact, prefix, suffix)
    except AnchorError as exc:
        f.state.error(where, str(exc), f.record)
        return None
    document = index.document
    first, last = _blocks_of(document, start, end)
    if first != last:
        f.state.error(
            where,
            f"these words run from {_block_name(document, first)} into {_block_name(document, last)} "
            "of the source; keep an anchor inside one paragraph (one anchor for each)",
            f.record,
        )
        return None
    return Anchor(
        source=source,
        exact=exact,
        start=start,
        end=end,
        paragraph=first,
        prefix=prefix,
        suffix=suffix,
        normalised=normalised,
    )


def _blocks_of(document: SourceDocument, start: int, end: int) -> tuple[int, int]:
    """The blocks that hold the first and the last character of the span that is not a space."""
    words = document.text[start:end]
    first = start + len(words) - len(words.lstrip())
    last = end - (len(words) - len(words.rstrip())) - 1
    return document.paragraph_at(first), document.paragraph_at(max(first, last))


def _block_name(document: SourceDocument, block: int) -> str:
    place = document.place(block)
    return place if place.startswith("\u00b6") else f"the {place}"


def _short_form(f: Fields, node: ScalarNode, depth: int) -> _Words | None:
    """`- "the words"`: an anchor into the brief's one source."""
    state = f.state
    if scalar(state, node, depth, f.record, "an anchor") is None:
        if is_empty(node):  # `- ` or `~`: else the record would vanish without a word
            state.error(node, "an anchor is empty: write the words of the source it points at", f.record)
        return None
    if not state.sources_final:
        raise Later  # whether the brief has one source is known once all are read
    if state.single_source is None:
        if len(state.kinds) and sum(1 for k in state.kinds.values() if k == "source") > 1:
            state.error(
                node,
                'this brief has several sources, so an anchor names its source: {source: ID, exact: "..."}',
                f.record,
            )
        return None
    return state.single_source, node.value, None, None, node  # the words as written: `1.50` is not the number 1.5


def _long_form(f: Fields, node: Node, depth: int) -> _Words | None:
    """`{source: ID, exact: "...", prefix: ..., suffix: ...}`."""
    entries = mapping(f.state, node, depth, f.record, "an anchor")
    if entries is None:
        return None
    sub = Fields(f.state, node, entries, f.record, depth, "anchor")
    source = sub.ref("source", ("source",), required=True)
    exact = sub.value("exact", required=True)
    prefix, suffix = sub.text("prefix"), sub.text("suffix")
    where = sub.node_of("exact") or node
    if source is None or exact is None:
        return None
    if isinstance(where, ScalarNode):
        exact = where.value  # as written, like the short form
    return source, exact if isinstance(exact, str) else str(exact), prefix, suffix, where
