"""Composing a brief's YAML one record at a time.

`yaml.compose` builds the node tree of the whole file (every value with two position
marks) before anything can be read: for a brief of 50,000 events that tree alone takes
more than a gigabyte. A brief is a mapping of a few keys whose values are long lists of
records, so `walk` composes the top level as usual but hands each item of those lists to
a callback as soon as it is complete, and keeps nothing of it. Reading the parser's
events and composing in Python is also faster than PyYAML's own composer, whose cost is
mostly the per-node work it does in Python anyway.

The nodes are PyYAML's own (`ScalarNode`, `SequenceNode`, `MappingNode`), with the same
tags, values and marks `yaml.compose` would give, so code that reads nodes is unchanged.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator

import yaml
from yaml.composer import ComposerError
from yaml.error import Mark
from yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import Resolver

ItemCallback = Callable[[str, Node], None]

# The parser's events carry PyYAML's marks or libyaml's (the loader decides), which have the
# same fields; nodes and errors take either at run time, though the stubs name PyYAML's only.
# So the type checker is told that the node classes and `_error_mark` take either; at run
# time they are the classes themselves and the mark itself (`check` and `digest` start
# without importing `typing`, hence no `cast`).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TypeAlias

    from yaml._yaml import Mark as LibyamlMark

    AnyMark: TypeAlias = Mark | LibyamlMark
    _Scalar: Callable[[str, str, AnyMark | None, AnyMark | None, str | None], ScalarNode]
    _Sequence: Callable[[str, list[Node], AnyMark | None, AnyMark | None, bool | None], SequenceNode]
    _Mapping: Callable[[str, list[tuple[Node, Node]], AnyMark | None, AnyMark | None, bool | None], MappingNode]

    def _error_mark(mark: AnyMark | None) -> Mark:
        """An event's mark, to report an error at (the parser gives every event its marks)."""
else:
    _Scalar, _Sequence, _Mapping = ScalarNode, SequenceNode, MappingNode

    def _error_mark(mark):
        assert mark is not None
        return mark


# YAML 1.1 (PyYAML and libyaml) ends a line at NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR
# too; editors do not (they break at \n, \r\n and \r only).
_UNUSUAL_BREAK = re.compile("[\x85\u2028\u2029]")
_UNUSUAL_BYTES = (b"\xc2\x85", b"\xe2\x80\xa8", b"\xe2\x80\xa9")


class EditorLines:
    """Turns YAML's line and column of a place into the ones an editor shows.

    Only the unusual breaks are kept (where each is, in YAML's lines, and how far into the
    editor's line the YAML line after it starts), so a file without any costs nothing.
    """

    def __init__(self, text: str | bytes) -> None:
        self._after: list[int] = []  # the YAML line (0-based) that each unusual break starts
        self._shift: list[int] = []  # the editor column (0-based) where that YAML line starts
        if isinstance(text, bytes):
            if not any(b in text for b in _UNUSUAL_BYTES):
                return
            text = text.decode("utf-8", "replace")
        # Each stretch between two unusual breaks is counted once: linear in the file.
        yaml_line = counted = line_start = 0  # YAML lines before `counted`; the editor's line start
        for match in _UNUSUAL_BREAK.finditer(text):
            at = match.start()
            yaml_line += (
                text.count("\n", counted, at) + text.count("\r", counted, at) - text.count("\r\n", counted, at) + 1
            )
            last = max(text.rfind("\n", counted, at), text.rfind("\r", counted, at))
            if last >= 0:
                line_start = last + 1
            counted = at + 1
            self._after.append(yaml_line)
            self._shift.append(counted - line_start)

    def __bool__(self) -> bool:
        return bool(self._after)

    def place(self, line: int, column: int) -> tuple[int, int]:
        """The editor's (line, column), both 0-based as YAML's marks are, for YAML's."""
        breaks = bisect.bisect_right(self._after, line)
        if breaks and self._after[breaks - 1] == line:
            column += self._shift[breaks - 1]
        return line - breaks, column

    def mark(self, mark: AnyMark | None) -> Mark | None:
        if mark is None:
            return None
        line, column = self.place(mark.line, mark.column)
        return Mark(mark.name, mark.index, line, column, None, 0)


class TooMany(Exception):
    """A value the reader would hold holds more values than the composer's bound.

    Fields the format does not read are allowed, so without a bound a file well under the
    size limit (`junk: [1,1,1,...]`, millions of values) would be composed whole, at a few
    hundred bytes a value, into gigabytes.
    """

    def __init__(self, mark: Mark, message: str) -> None:
        super().__init__(message)
        self.mark = mark


# Values composed outside the records (under top-level keys the format does not read, or
# any key of a record), at most: a few hundred bytes each.
MAX_EXTRA_VALUES = 500_000
MAX_RECORD_VALUES = 200_000


class TooDeep(Exception):
    """Values nest deeper than the composer's bound; `mark` is where the limit was passed.

    Stopping at once matters: PyYAML's pure-Python scanner slows with the square of the
    nesting, so a file of 10,000 `[` would otherwise take seconds to refuse.
    """

    def __init__(self, mark: Mark, limit: int) -> None:
        super().__init__(f"values are nested too deeply (the limit is {limit})")
        self.mark = mark
        self.limit = limit


_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_STR = "tag:yaml.org,2002:str"
# A plain scalar can be anything but text only if it starts with one of these (YAML 1.1's
# implicit resolvers are keyed by first character); the rest skip the resolver's regexes.
_RESOLVABLE = frozenset(Resolver.yaml_implicit_resolvers)
assert None not in _RESOLVABLE  # no resolver that applies to every first character


def _too_many(event: Event, what: str) -> TooMany:
    limit = MAX_RECORD_VALUES if what == "this record" else MAX_EXTRA_VALUES
    return TooMany(
        _error_mark(event.start_mark),
        f"{what} {'holds' if what == 'this record' else 'hold'} more than {limit:,} values, the limit; "
        "a brief needs nowhere near as many: remove them",
    )


class StreamComposer:
    """Composes one YAML document from a parser's events; see `walk`."""

    def __init__(self, text: str | bytes, loader: type, max_depth: int = 1000) -> None:
        self.text = text
        self.loader = loader
        self.max_depth = max_depth
        # PyYAML's resolver is untyped: its one method used, with the types it takes and gives.
        self._resolve: Callable[[type[Node], str, tuple[bool, bool]], str] = Resolver().resolve
        self._anchors: dict[str, Node] = {}
        self._events: Iterator[Event] = iter(())
        # Set when an alias or an explicit tag has been composed: only then can a value hide
        # an alias bomb or a forbidden tag, and need the reader's screening. Reset by the caller.
        self.unusual = False
        self._extra = MAX_EXTRA_VALUES  # values still allowed under top-level keys not `known`
        self.lines = EditorLines(text)  # marks are given as an editor counts lines
        # Each key given a second time in a mapping below the top level, with the first one:
        # the reader checks the mappings it reads, but not those under fields it does not know.
        self.duplicates: list[tuple[ScalarNode, ScalarNode]] = []

    def release(self) -> None:
        """Let go of the text and the parser (which holds it too): nothing more will be read."""
        self.text = b""
        self.duplicates = []
        self._events = iter(())
        self._anchors = {}

    def walk(self, streamed: frozenset[str], on_item: ItemCallback, known: frozenset[str] | None = None) -> Node | None:
        """Compose the document; each item of a top-level list under a key in `streamed`
        goes to `on_item(key, item)` instead of into the tree, where its list stays empty.

        Returns the root node (None for an empty document). Raises PyYAML's errors, as
        `yaml.compose` does.
        """
        self._anchors = {}
        self._extra = MAX_EXTRA_VALUES
        self._known = known
        self.duplicates = []
        self._events = iter(yaml.parse(self.text, Loader=self.loader))
        if self.lines:
            self._events = map(self._in_editor_lines, self._events)
        event = next(self._events)  # StreamStartEvent
        event = next(self._events)
        if isinstance(event, StreamEndEvent):
            return None
        assert isinstance(event, DocumentStartEvent)
        first = next(self._events)
        if isinstance(first, MappingStartEvent) and not first.anchor:
            root: Node = self._top_mapping(first, streamed, on_item)
        else:
            root = self._node(first, 0)
        end = next(self._events)
        assert isinstance(end, DocumentEndEvent)
        event = next(self._events)
        if not isinstance(event, StreamEndEvent):
            raise ComposerError(
                "expected a single document in the stream",
                root.start_mark,
                "but found another document",
                _error_mark(event.start_mark),
            )
        return root

    def _in_editor_lines(self, event: Event) -> Event:
        event.start_mark = self.lines.mark(event.start_mark)
        event.end_mark = self.lines.mark(event.end_mark)
        return event

    def _top_mapping(self, start: MappingStartEvent, streamed: frozenset[str], on_item: ItemCallback) -> MappingNode:
        node = _Mapping(self._tag(start, MappingNode), [], start.start_mark, None, start.flow_style)
        seen: set[str] = set()  # a key given twice is kept whole, for the reader to refuse
        while True:
            event = next(self._events)
            if isinstance(event, MappingEndEvent):
                node.end_mark = event.end_mark
                return node
            key = self._node(event, 1)
            value_start = next(self._events)
            if (
                isinstance(key, ScalarNode)
                and key.value in streamed
                and isinstance(value_start, SequenceStartEvent)
                and not value_start.anchor  # an anchored list may be aliased: keep it whole
                and key.value not in seen
            ):
                seen.add(key.value)
                value: Node = _Sequence(
                    self._tag(value_start, SequenceNode), [], value_start.start_mark, None, value_start.flow_style
                )
                while not isinstance(item_start := next(self._events), SequenceEndEvent):
                    on_item(key.value, self._node(item_start, 2, MAX_RECORD_VALUES, "this record"))
                value.end_mark = item_start.end_mark
            elif self._known is not None and not (isinstance(key, ScalarNode) and key.value in self._known):
                value = self._node(value_start, 1, self._extra, "fields peacebrief does not read")
            else:
                value = self._node(value_start, 1)
            node.value.append((key, value))

    def _tag(self, event: ScalarEvent | SequenceStartEvent | MappingStartEvent, kind: type) -> str:
        tag = event.tag
        if tag is None or tag == "!":
            if kind is ScalarNode:
                assert isinstance(event, ScalarEvent)
                value = event.value
                if event.implicit[0] and value and value[0] not in _RESOLVABLE:
                    return _STR
                return self._resolve(ScalarNode, value, event.implicit)
            return _SEQ if kind is SequenceNode else _MAP
        self.unusual = True
        return tag

    def _node(self, event: Event, depth: int, most: int | None = None, what: str = "") -> Node:
        """The node that starts with `event` at `depth`, composed whole (iteratively: no recursion).

        With `most`, at most that many values; fields the format does not read share one
        allowance (`MAX_EXTRA_VALUES`) over the whole file."""
        if isinstance(event, AliasEvent):
            return self._alias(event)
        if isinstance(event, ScalarEvent):
            return self._remember(
                event,
                _Scalar(self._tag(event, ScalarNode), event.value, event.start_mark, event.end_mark, event.style),
            )
        root = self._open(event)
        checked = what == "this record"
        stack: list[tuple[Node, list[Node]]] = [(root, [])]  # a mapping collects keys and values in turn
        while stack:
            event = next(self._events)
            parent, pending = stack[-1]
            if isinstance(event, (SequenceEndEvent, MappingEndEvent)):
                parent.end_mark = event.end_mark
                stack.pop()
                if len(parent.value) > 1 and isinstance(parent, MappingNode) and (stack or not checked):
                    self._find_twice(parent)  # a record itself (`checked`) the reader checks
                continue
            opened = False
            if isinstance(event, AliasEvent):
                child = self._alias(event)  # complete already, or an ancestor: never reopened
            elif isinstance(event, ScalarEvent):
                child = self._remember(
                    event,
                    _Scalar(self._tag(event, ScalarNode), event.value, event.start_mark, event.end_mark, event.style),
                )
            else:
                child, opened = self._open(event), True
            if isinstance(parent, SequenceNode):
                parent.value.append(child)
            elif pending:
                parent.value.append((pending.pop(), child))
            else:
                pending.append(child)
            if opened:
                stack.append((child, []))
                if depth + len(stack) - 1 > self.max_depth:
                    raise TooDeep(_error_mark(event.start_mark), self.max_depth)
            if most is not None:
                most -= 1
                if most < 0:
                    raise _too_many(event, what)
        if most is not None and what != "this record":
            self._extra = most
        return root

    def _find_twice(self, node: MappingNode) -> None:
        keys = [key.value for key, _ in node.value if isinstance(key, ScalarNode)]
        if len(set(keys)) == len(keys):
            return
        first: dict[str, ScalarNode] = {}
        for key, _ in node.value:
            if isinstance(key, ScalarNode):
                if key.value in first:
                    self.duplicates.append((key, first[key.value]))
                else:
                    first[key.value] = key

    def _open(self, event: Event) -> Node:
        if isinstance(event, SequenceStartEvent):
            node: Node = _Sequence(self._tag(event, SequenceNode), [], event.start_mark, None, event.flow_style)
        elif isinstance(event, MappingStartEvent):
            node = _Mapping(self._tag(event, MappingNode), [], event.start_mark, None, event.flow_style)
        else:  # pragma: no cover - the parser emits no other node events
            raise ComposerError(None, None, f"unexpected {type(event).__name__}", _error_mark(event.start_mark))
        return self._remember(event, node)

    def _remember(self, event: ScalarEvent | SequenceStartEvent | MappingStartEvent, node: Node) -> Node:
        if event.anchor:
            self._anchors[event.anchor] = node
        return node

    def _alias(self, event: AliasEvent) -> Node:
        self.unusual = True
        node = self._anchors.get(event.anchor) if event.anchor is not None else None
        if node is None:
            raise ComposerError(None, None, f"found undefined alias {event.anchor!r}", _error_mark(event.start_mark))
        return node
