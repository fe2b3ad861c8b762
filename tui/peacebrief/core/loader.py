"""Loading a brief: safe YAML in, a checked and linked `Brief` out, or every error at once.

The YAML is composed into nodes (never constructed into arbitrary objects), so every
value keeps its line and column and no tag can run code. Reading goes in two passes:
first every record's id, so that references can be checked in any order; then the
records themselves. Nothing is returned until everything has been checked.
"""

from __future__ import annotations

import codecs
import datetime as dt
import errno
import os
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from peacebrief.core.anchors import AnchorError, DocumentIndex, read_document
from peacebrief.core.dates import BriefDate, DateError, parse_date
from peacebrief.core import collector
from peacebrief.core.files import MAX_BYTES, FileRefused, read_regular, source_outside
from peacebrief.core.links import build_links
from peacebrief.core.model import (
    QUOTE_KINDS,
    ROLES,
    STATUSES,
    Anchor,
    Brief,
    Event,
    Issue,
    KeyPoint,
    Party,
    Person,
    Position,
    Quote,
    Record,
    Source,
    SourceDocument,
)
from peacebrief.core.problems import BriefError, Problem
from peacebrief.core.yamlstream import EditorLines, StreamComposer, TooDeep, TooMany

TYPE_CHECKING = False  # not `typing`'s: `check` and `digest` start without importing it
if TYPE_CHECKING:
    from typing import Any, TypeVar

    from peacebrief.core.model import Kind

    T = TypeVar("T")

try:  # libyaml's parser is several times faster; the pure one gives the same nodes
    from yaml import CSafeLoader as _YamlLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _YamlLoader  # type: ignore[assignment]

FORMAT_VERSION = 1
_MAX_NUMBER = 100  # characters in a number the loader will convert; longer stays text
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*\Z")

_YAML = "tag:yaml.org,2002:"
# What YAML counts as a line break, for lines that are YAML's (and libyaml's) lines.
_LINE_BREAKS = ("\r\n", "\r", "\n", "\x85", "\u2028", "\u2029")
_LINE_BREAK = re.compile("|".join(map(re.escape, _LINE_BREAKS)))
_PLAIN_TAGS = frozenset(_YAML + t for t in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map"))
# Which of them fits which kind of node: `!!map [1, 2]` is refused, as `yaml.safe_load` does.
_FITTING_TAGS: dict[type, frozenset[str]] = {
    ScalarNode: frozenset(_YAML + t for t in ("str", "int", "float", "bool", "null", "timestamp", "merge")),
    SequenceNode: frozenset((_YAML + "seq",)),
    MappingNode: frozenset((_YAML + "map",)),
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

_STREAMED = frozenset(section for section, _ in SECTIONS)
_TOP_KEYS = _STREAMED | {"peacebrief", "id", "title", "as_of", "summary", "key_points"}
_KINDS: dict[str, Kind] = dict(SECTIONS)


@dataclass(frozen=True, slots=True)
class LoadLimits:
    """Bounds that keep a hostile or broken file from hanging or exhausting the reader."""

    max_bytes: int = MAX_BYTES  # a brief or a source file
    max_depth: int = 32  # nesting of the values the format reads
    max_string: int = 1_000_000  # characters in one value
    alias_slack: int = 10_000  # node visits allowed beyond one per byte of the file


class _Refused(Exception):
    """What the screen refuses: reported alone, since nothing else was read safely."""

    def __init__(self, found: list[tuple[Node, str]]) -> None:
        super().__init__(found[0][1])
        self.found = found


class _Fallback(Exception):
    """The one-pass reading cannot finish this brief: read it again in two passes."""


class _Later(Exception):
    """A record names an id not read yet: build it when every id is known."""


# Records kept whole for later in the fast pass, at most: past that the brief is in another
# order than the format's, and two passes over the file use less memory than keeping them.
_MAX_LATER = 10_000


class _Abort(Exception):
    """Reading cannot go on (an alias bomb, absurd nesting): report this and stop."""

    def __init__(self, node: Node, message: str) -> None:
        super().__init__(message)
        self.node = node
        self.message = message


def load_brief(path: str | Path, *, limits: LoadLimits | None = None, data: bytes | None = None) -> Brief:
    """Load and check the brief at `path`; raise `BriefError` with every problem found.

    `data`, when given, is the file's bytes as the caller read them (the cache hashes
    and parses the same bytes, so that a file replaced in between cannot mix the two).
    """
    limits = limits or LoadLimits()
    path = Path(path)
    label = str(path)
    data = _read_brief_bytes(path, label, limits, data)
    if not data or data.isspace():  # not `strip()`: that would copy a big file
        raise BriefError([Problem(label, "the file is empty: a brief starts with `peacebrief: 1`", 1, 1)])
    budget = len(data) + limits.alias_slack
    # The composer alone holds the bytes, so that they go (`release`) once both passes are done.
    composer = StreamComposer(data, _YamlLoader, limits.max_depth)
    del data
    reader = _Reader(label, path, limits, budget=budget)
    try:
        try:
            brief = reader.read(composer, fast=True)
            if brief is None or any(p.severity == "error" for p in reader.problems):
                raise _Fallback
        except (_Fallback, _Refused, _Abort):
            reader = _Reader(label, path, limits, budget=budget)
            brief = reader.read(composer)
    except yaml.MarkedYAMLError as exc:  # the text is needed only to place the error
        raise BriefError([_syntax_problem(label, _text_of(composer), exc, limits, composer.lines)]) from None
    except yaml.reader.ReaderError as exc:
        raise BriefError([_reader_problem(label, _text_of(composer), exc)]) from None
    except yaml.YAMLError as exc:
        raise BriefError([Problem(label, f"YAML error: {exc}")]) from None
    except RecursionError:
        raise BriefError([Problem(label, f"values are nested too deeply (the limit is {limits.max_depth})")]) from None
    except (TooDeep, TooMany) as deep:
        raise BriefError([Problem(label, str(deep), deep.mark.line + 1, deep.mark.column + 1)]) from None
    except _Refused as refused:
        raise BriefError([_problem_at(label, node, message) for node, message in refused.found]) from None
    except _Abort as abort:
        reader.error(abort.node, abort.message)
        brief = None
    errors = [p for p in reader.problems if p.severity == "error"]
    if errors or brief is None:
        raise BriefError(reader.problems)
    return brief


def _text_of(composer: StreamComposer) -> str:
    text = composer.text
    return text if isinstance(text, str) else text.decode("utf-8")


def _problem_at(label: str, node: Node, message: str) -> Problem:
    return Problem(label, message, node.start_mark.line + 1, node.start_mark.column + 1)


def _syntax_problem(label: str, text: str, exc: yaml.MarkedYAMLError, limits: LoadLimits, lines: EditorLines) -> Problem:
    """A YAML syntax error, at a place an editor can go to."""
    mark = exc.problem_mark or exc.context_mark
    if mark is None:  # pragma: no cover - both parsers mark their syntax errors
        return Problem(label, f"YAML syntax error: {exc}")
    what = " ".join(str(part) for part in (exc.context, exc.problem) if part)
    if "maximum nesting depth" in what:
        # libyaml's own bound (1,000 levels): the same limit as ours, in the same words.
        what = f"values are nested too deeply (the limit is {limits.max_depth})"
    else:
        what = f"YAML syntax error: {what}"
    line, column = mark.line + 1, mark.column + 1
    if mark.index >= len(text) and mark.line > 0 and mark.column == 0 and not text.endswith(_LINE_BREAKS):
        # libyaml puts the end of a file that has no final line break at the start of a
        # line after the last one, which no editor can go to: name the end of the last line.
        line, column = mark.line, len(_LINE_BREAK.split(text)[-1]) + 1
    line, column = lines.place(line - 1, column - 1)  # marks of errors are YAML's own lines
    return Problem(label, what, line + 1, column + 1)


def _reader_problem(label: str, text: str, exc: yaml.reader.ReaderError) -> Problem:
    """A character YAML refuses (a control character such as NUL), with its line.

    The error's own `position` counts characters in the pure reader but bytes in libyaml,
    so find the character itself: the reader stops at its first occurrence.
    """
    at = text.find(chr(exc.character)) if isinstance(exc.character, int) else -1
    line = column = None
    if at >= 0:
        line = text.count("\n", 0, at) + 1
        column = at - (text.rfind("\n", 0, at) + 1) + 1
    return Problem(label, f"the file holds the control character #x{exc.character:04x}, which YAML does not allow"
                   if isinstance(exc.character, int) else f"YAML error: {exc}", line, column)


def _children(node: Node) -> list[Node]:
    if isinstance(node, SequenceNode):
        return list(node.value)
    if isinstance(node, MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _screen(root: Node, budget: int, max_depth: int, depth: int = 0) -> tuple[list[tuple[Node, str]], int]:
    """Refuse what no brief needs before reading any of it, wherever in the file it is.

    The reader only walks the fields of the format, so a tag, an alias bomb or absurd
    nesting under a key it does not know (extra fields are allowed) would otherwise pass
    unseen; and anything else that opens the file (an editor's schema check,
    `yaml.safe_load`) would choke on it. Each node is visited once, aliases included (they
    are the same node object), so this takes time in proportion to the file, however far
    its aliases would expand.

    Returns what is refused and how many values `root` stands for with its aliases
    expanded; -1 for the count when the refusal ends the reading (a bomb, a loop, depth).
    """
    found: list[tuple[Node, str]] = []
    # id(node) -> (values it stands for with every alias expanded, levels of lists and
    # mappings below it): a second alias to a node is judged without walking it again.
    size: dict[int, tuple[int, int]] = {}
    inside: set[int] = set()  # nodes whose children are still being counted
    too_deep = f"values are nested too deeply (the limit is {max_depth})"
    stack: list[tuple[Node, bool, int]] = [(root, False, depth)]  # the top level is depth 0, as in the reader
    while stack:
        node, counted, depth = stack.pop()
        key = id(node)
        if counted:
            inside.discard(key)
            below = [size[id(child)] for child in _children(node)]
            total = 1 + sum(values for values, _ in below)
            if total > budget:
                message = (f"YAML aliases here expand to more than {budget:,} values, far more than the file "
                           "holds (an alias bomb?); write the values out instead")
                return [*found, (node, message)], -1
            size[key] = (total, 1 + max((levels for _, levels in below), default=-1))
            continue
        if key in size:  # a second alias to a value already counted: it may stand deeper
            if depth + size[key][1] > max_depth:
                return [*found, (node, too_deep)], -1
            continue
        if key in inside:
            return [*found, (node, "a YAML alias refers to the value that contains it; a brief cannot hold a loop")], -1
        if depth > max_depth:
            return [*found, (node, too_deep)], -1
        if node.tag not in _FITTING_TAGS[type(node)]:  # `<<` keys: the reader says more
            found.append((node, _tag_message(node)))
        inside.add(key)
        stack.append((node, True, depth))
        stack.extend((child, False, depth + 1) for child in reversed(_children(node)))
    return found, size[id(root)][0]


def _tag_message(node: Node) -> str:
    shown = node.tag.replace(_YAML, "!!")
    if node.tag in _PLAIN_TAGS:
        fits = "list" if shown == "!!seq" else "mapping" if shown == "!!map" else "single value"
        return f"the YAML tag {shown} is on a {_shape(node)}, but it is for a {fits}: remove the tag"
    return f"the YAML tag {shown} is not allowed: a brief holds plain text, numbers, dates, lists and mappings"


def _read_text(path: Path, label: str, limits: LoadLimits, *, what: str) -> str:
    """Read a UTF-8 file whole, or raise a BriefError that says what to do."""
    data = _read_text_bytes(path, label, limits, what=what)
    return _decode(data, lambda message, line=None: BriefError([Problem(label, message, line, 1 if line else None)]))


def _read_text_bytes(path: Path, label: str, limits: LoadLimits, *, what: str) -> bytes:
    """Read a file whole, within the size limit, or raise a BriefError that says what to do."""
    return read_file(path, label, limits, what=what)[0]


def read_file(path: Path, label: str, limits: LoadLimits, *, what: str = "brief") -> tuple[bytes, os.stat_result]:
    """A regular file's bytes and status, read once within the size limit, or a BriefError."""

    def fail(message: str) -> BriefError:
        return BriefError([Problem(label, message)])

    try:
        return read_regular(path, limits.max_bytes, what=what)
    except FileRefused as exc:
        if exc.errno == errno.EISDIR:
            raise fail(f"is a folder, not a {what} file") from None
        if exc.errno in (errno.EINVAL, errno.ENXIO):
            raise fail(f"is not a regular file (a pipe or a device?): a {what} must be a text file") from None
        raise fail(exc.strerror) from None
    except FileNotFoundError:
        raise fail(f"no such {what} file") from None
    except PermissionError:
        raise fail(f"cannot read the {what} file: permission denied") from None
    except IsADirectoryError:
        raise fail(f"is a folder, not a {what} file") from None
    except OSError as exc:
        raise fail(f"cannot read the {what} file: {exc.strerror or exc}") from None
    except ValueError as exc:  # a name no file can have: a NUL in it
        raise fail(f"cannot read the {what} file: {exc}") from None


def _read_brief_bytes(path: Path, label: str, limits: LoadLimits, data: bytes | None = None) -> bytes:
    """The brief's bytes, checked to be UTF-8, without a byte-order mark.

    The parser reads UTF-8 bytes itself; decoding the whole file into a str first would
    hold a second copy of it (up to four bytes a character) for the whole load.
    """
    if data is None:
        data = _read_text_bytes(path, label, limits, what="brief")
    elif len(data) > limits.max_bytes:
        raise BriefError([Problem(label, f"the brief is {len(data):,} bytes; the limit is {limits.max_bytes:,}")])
    decoder = codecs.getincrementaldecoder("utf-8")()
    view = memoryview(data)
    try:
        for start in range(0, len(data), 1 << 20):
            decoder.decode(view[start : start + (1 << 20)])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        _decode(data, lambda message, line=None: BriefError([Problem(label, message, line, 1 if line else None)]))
    return data.removeprefix(b"\xef\xbb\xbf")


def _decode(data: bytes, fail: Callable[..., BriefError]) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise fail(f"is not UTF-8 text (byte {exc.start}); save it as UTF-8", line) from None
    return text.removeprefix("\ufeff")


class _Reader:
    """Walks the composed YAML, collecting problems and building records."""

    def __init__(self, label: str, path: Path, limits: LoadLimits, budget: int) -> None:
        self.label = label
        self.path = path
        self.limits = limits
        self.budget = budget
        self.visits = 0
        self.problems: list[Problem] = []
        self.kinds: dict[str, Kind] = {}
        self.indexes: dict[str, DocumentIndex] = {}
        self.single_source: str | None = None
        self._scalars = SafeConstructor()
        self._muted = False
        self._fast = False
        self._final = self._sources_final = True
        # Equal values read again and again (a date, a place, a list of party ids) are kept
        # once: a brief of 150,000 records repeats most of its short values thousands of times.
        self._dates: dict[object, BriefDate] = {}
        self._shared: dict[object, Any] = {}
        self._said_twice: set[int] = set()  # keys given twice that `mapping` has reported

    def share(self, value: T) -> T:
        """One object for equal values (immutable ones: str, tuples of str)."""
        return self._shared.setdefault(value, value)  # type: ignore[no-any-return]

    # -- reporting -------------------------------------------------------------

    def error(self, node: Node | None, message: str, record: str | None = None) -> None:
        if self._muted:
            return
        if self._fast:
            raise _Fallback  # see `read`: the two passes report it, with all the others

        mark = node.start_mark if node is not None else None
        line = mark.line + 1 if mark is not None else None
        column = mark.column + 1 if mark is not None else None
        self.problems.append(Problem(self.label, message, line, column, record))

    # -- values ----------------------------------------------------------------

    def _visit(self, node: Node, depth: int) -> None:
        self.visits += 1
        if self.visits > self.budget:
            raise _Abort(node, "YAML aliases expand past the size of the file; write the values out instead")
        if depth > self.limits.max_depth:
            raise _Abort(node, f"values are nested too deeply (the limit is {self.limits.max_depth})")

    def _tag_ok(self, node: Node, record: str | None) -> bool:
        if node.tag in _PLAIN_TAGS and node.tag in _FITTING_TAGS[type(node)]:
            return True
        self.error(node, _tag_message(node), record)
        return False

    def _single(self, node: Node, depth: int, record: str | None, what: str) -> ScalarNode | None:
        """The node if it is one plain value of a bounded length; else say why, and None."""
        self._visit(node, depth)
        if not isinstance(node, ScalarNode):
            self.error(node, f"{what} must be a single value, not a {_shape(node)}", record)
            return None
        if not self._tag_ok(node, record):
            return None
        if len(node.value) > self.limits.max_string:
            self.error(node, f"{what} is {len(node.value):,} characters long; the limit is {self.limits.max_string:,}", record)
            return None
        return node

    def scalar(self, node: Node, depth: int, record: str | None, what: str) -> Any:
        if self._single(node, depth, record, what) is None:
            return None
        assert isinstance(node, ScalarNode)
        if node.tag == _YAML + "str":
            return node.value
        if node.tag == _YAML + "int" and len(node.value) > _MAX_NUMBER:
            # Python builds a base-60 `1:2:3:...` in time that grows with the square of its
            # length, and refuses to print an int of more than 4,300 digits. No brief needs
            # such a number: keep the text as written, so a text field keeps it as it is
            # and a number or date field says it is not one.
            return node.value
        constructor = self._scalars
        try:
            return constructor.construct_object(node)
        # PyYAML's constructors trust that the resolver chose the tag from the text; a tag
        # the author wrote does not (`!!bool maybe`, `!!int ""`, `!!timestamp soon`), and
        # then they fail with KeyError, IndexError or AttributeError.
        except (yaml.YAMLError, ValueError, OverflowError, KeyError, IndexError, AttributeError):
            if node.tag == _YAML + "timestamp":
                # Shaped like a date but not one (`2026-02-30`): the text as written, so a
                # date field says why ("not a day of the calendar") and a text field keeps it.
                return node.value
            self.error(node, f"{what}: '{node.value}' is not a valid {node.tag.replace(_YAML, '')}", record)
            return None
        finally:
            # The constructor remembers every node it built (for a document's aliases), which
            # would keep each record's nodes alive until the load ends: forget them at once.
            constructor.constructed_objects.clear()
            constructor.recursive_objects.clear()
            constructor.state_generators.clear()

    def ident(self, node: Node, depth: int, record: str | None, what: str) -> str | None:
        """An id or a reference to one, as the author wrote it; None when empty or not a value.

        The scalar's own text, not what YAML would make of it: `012` would be read as 10,
        `0x1f` as 31, `no` as false and `2026-02-04` as a date, and the id would not be the
        one in the file.
        """
        if self._single(node, depth, record, what) is None:
            return None
        assert isinstance(node, ScalarNode)
        if node.tag == _YAML + "null" or not node.value.strip():
            return None
        return sys.intern(node.value)  # an id stands in many records: keep one copy of it

    def sequence(self, node: Node, depth: int, record: str | None, what: str) -> list[Node] | None:
        self._visit(node, depth)
        if isinstance(node, SequenceNode) and self._tag_ok(node, record):
            return list(node.value)
        if isinstance(node, SequenceNode):
            return None
        self.error(node, f"{what} must be a list, not a {_shape(node)}", record)
        return None

    def section(self, node: Node, what: str) -> list[Node]:
        """A top-level list; `people:` with nothing after it is an empty one, as `[]` is."""
        if _is_empty(node) and node.tag == _YAML + "null":
            self._visit(node, 1)
            return []
        return self.sequence(node, 1, None, what) or []

    def mapping(self, node: Node, depth: int, record: str | None, what: str) -> dict[str, tuple[ScalarNode, Node]] | None:
        self._visit(node, depth)
        if not isinstance(node, MappingNode):
            self.error(node, f"{what} must be a mapping of `key: value` lines, not a {_shape(node)}", record)
            return None
        if not self._tag_ok(node, record):
            return None
        entries: dict[str, tuple[ScalarNode, Node]] = {}
        for key, value in node.value:
            self._visit(key, depth + 1)
            if not isinstance(key, ScalarNode) or key.tag not in (_YAML + "str", _YAML + "int", _YAML + "bool", _YAML + "null"):
                label = "a merge key (<<)" if key.tag == _YAML + "merge" else f"a {_shape(key)}"
                self.error(key, f"{what} has {label} as a key; keys are plain words", record)
                continue
            if key.value in entries:
                first = entries[key.value][0].start_mark.line + 1
                self.error(key, f"'{key.value}' is given twice in {what} (first on line {first})", record)
                self._said_twice.add(id(key))
                continue
            entries[key.value] = (key, value)
        return entries

    # -- the brief -------------------------------------------------------------

    def read(self, composer: StreamComposer, *, fast: bool = False) -> Brief | None:
        """Read the brief in two passes over the file, one record at a time.

        The first pass screens every value, learns every record's id and kind (so that
        references resolve in any order) and keeps the sources; the second builds the
        other records, letting each record's nodes go as soon as it is built.

        `fast` reads a brief that loads in one pass: each record is built as soon as it
        has been screened, and the few that name a record further on (a position's quotes)
        are kept and built at the end. A brief is written in the order of the format, so
        the file is parsed once instead of twice. The result counts only when nothing was
        wrong: at the first error (or a file that needs the second pass, such as an
        anchored list) it raises `_Fallback`, and the caller reads the file again in two
        passes, which report every problem exactly as they always have.
        """
        self._accepted: dict[str, list[str | None]] = {section: [] for section, _ in SECTIONS}
        self._whole: dict[str, list[Node]] = {section: [] for section, _ in SECTIONS}  # lists not streamed
        self._source_fields: list[_Fields] = []
        self._where: dict[str, tuple[int | None, int | None]] = {}  # id -> line and column of its record
        self._refused: list[tuple[Node, str]] = []
        self._screened = 0
        self._composer: StreamComposer | None = composer
        self._built: dict[str, list[Any]] = {section: [] for section, _ in SECTIONS}
        self._fast = fast
        self._final = self._sources_final = not fast  # every id known; every source read
        self._later: list[tuple[str, int, Node, dict[str, tuple[ScalarNode, Node]], str | None]] = []
        self._build_visits = 0
        self._section = ""
        if fast:
            with collector.paused():  # what is built now stays: see `collector.paused`
                root = composer.walk(_STREAMED, self._fast_item, _TOP_KEYS)
        else:
            root = composer.walk(_STREAMED, self._first_pass, _TOP_KEYS)
        self._composer = None  # from here on, lists read whole are screened in full
        twice = composer.duplicates  # the second walk finds them again: keep the first's
        if twice and fast:
            raise _Fallback
        if root is None or (isinstance(root, ScalarNode) and root.tag == _YAML + "null"):  # also a bare `---`
            self.problems.append(Problem(self.label, "the file is empty: a brief starts with `peacebrief: 1`", 1, 1))
            return None
        self._screen(root, 0)
        top = self.mapping(root, 0, None, "the top level of a brief")
        if top is not None:
            for section, _ in SECTIONS:  # lists read whole (an anchored one): their items now
                if section in top:
                    for item in self.section(top[section][1], f"`{section}`"):
                        if fast:
                            raise _Fallback  # an anchored list: its items were not streamed
                        self._whole[section].append(item)
                        self._first_pass(section, item)
        if self._refused:
            raise _Refused(self._refused)
        if top is None:
            return None
        fields = _Fields(self, root, top, None, 0, "brief")  # "this brief has no `title`"
        version = fields.value("peacebrief", required=True)
        # `type(...) is int`: YAML's `true` and `1.0` equal 1 in Python, but are not the integer 1.
        if version is not None and (type(version) is not int or version != FORMAT_VERSION):
            self.error(top["peacebrief"][1], f"format version is {version!r}; this reader knows version {FORMAT_VERSION}: write `peacebrief: 1`")
        brief_id = fields.ident("id")
        title = fields.text("title", required=True)
        as_of = fields.date("as_of", required=True)
        summary = fields.text("summary")
        for section, kind in SECTIONS[:2]:
            if section not in top:
                self.problems.append(Problem(self.label, f"a brief needs `{section}:`, a list of {kind} records", 1, 1))

        if fast:
            sources = self._built["sources"]
        else:
            sources = [s for s in (self._source(f) for f in self._source_fields) if s is not None]
        if not self._accepted["sources"] and "sources" in top:
            self.error(top["sources"][1], "a brief needs at least one source")
        self._sources_read(sources)
        self._source_fields = []

        if fast:
            self._final = True
            with collector.paused():
                for section, index, item, entries, record_id in self._later:
                    self._built[section][index] = self._build_now(section, item, entries, record_id)
            self._later = []
        else:
            self._built["sources"] = sources
            self._seen = {section: 0 for section, _ in SECTIONS}
            self.visits = 0  # the second pass walks the same values again
            with collector.paused():
                composer.walk(_STREAMED, self._second_pass, _TOP_KEYS)
                for section, _ in SECTIONS[1:]:
                    for item in self._whole[section]:
                        self._second_pass(section, item)
        key_points = self._key_points(top)
        built = self._built
        for key, first in twice:  # under fields the format does not read: see `StreamComposer`
            if id(key) not in self._said_twice:
                self.error(key, f"'{key.value}' is given twice in this mapping (first on line {first.start_mark.line + 1}); "
                           "a key may stand once in a mapping")

        # Every record that was not built must have said why; one that did not would leave
        # a half-loaded brief, which the format forbids. So refuse, and say it is our bug.
        if not any(p.severity == "error" for p in self.problems):
            made = {record.id for records in built.values() for record in records}
            if fast and len(made) != len(self.kinds):
                raise _Fallback  # which record, and where, is for the full reading to say
            for section, kind in SECTIONS:
                for record_id in self._accepted[section]:
                    if record_id is not None and record_id not in made:
                        line, column = self._where.get(record_id, (None, None))
                        self.problems.append(Problem(self.label, f"{kind} {record_id} could not be read, and no rule "
                                                     "said why: this is a bug in peacebrief, please report it",
                                                     line, column, record_id))

        if any(p.severity == "error" for p in self.problems) or brief_id is None or title is None or as_of is None:
            return None
        composer.release()  # the file's bytes are not needed to assemble the brief

        with collector.paused():
            events = tuple(sorted(built["events"], key=Event.sort_key))
            built["events"] = list(events)
            records: dict[str, Record] = {}
            for section, _ in SECTIONS:
                for record in built[section]:
                    records[record.id] = record
            brief_parts = dict(
                sources=tuple(sources),
                parties=tuple(built["parties"]),
                people=tuple(built["people"]),
                issues=tuple(built["issues"]),
                events=events,
                positions=tuple(built["positions"]),
                quotes=tuple(built["quotes"]),
            )
            warnings = tuple(sorted((p for p in self.problems if p.severity == "warning"), key=Problem.sort_key))
            return Brief(
                path=self.path,
                id=brief_id,
                title=title,
                as_of=as_of,
                summary=summary,
                key_points=tuple(key_points),
                warnings=warnings,
                records=MappingProxyType(records),
                order=MappingProxyType({rid: i for i, rid in enumerate(records)}),
                links=build_links(records),
                **brief_parts,  # type: ignore[arg-type]
            )

    def _screen(self, node: Node, depth: int) -> None:
        found, values = _screen(node, self.budget - self._screened, self.limits.max_depth, depth)
        self._refused += found
        if values < 0:
            raise _Refused(self._refused)
        self._screened += values

    def _first_pass(self, section: str, item: Node) -> tuple[str | None, dict[str, tuple[ScalarNode, Node]] | None]:
        """Screen one record and learn its id; keep it only if it is a source."""
        if self._composer is None or self._composer.unusual:
            # An alias or a tag in this record (or in one before it): walk it all.
            self._screen(item, 2)
            if self._composer is not None:
                self._composer.unusual = False
        else:
            self._screened += 1  # plain values only: nothing to refuse, no aliases to expand
        kind = _KINDS[section]
        entries = self.mapping(item, 2, None, f"each of `{section}`")
        record_id = None
        if entries is not None:
            if "id" not in entries:
                self.error(item, f"this {kind} has no `id`")
            else:
                id_node = entries["id"][1]
                record_id = self.ident(id_node, 3, None, "id")
                if record_id is None:
                    if _is_empty(id_node):  # else `ident` has said what is wrong
                        self.error(id_node, f"this {kind}'s `id` is empty")
                elif not ID_PATTERN.match(record_id):
                    self.error(id_node, f"id '{record_id}' is not valid: use lowercase letters, digits and '-', starting with a letter or digit")
                    record_id = None
                elif record_id in self.kinds:
                    if self._fast:
                        raise _Fallback  # the message names the first one's line, not kept when fast
                    self.error(id_node, f"id '{record_id}' is already used by the {self.kinds[record_id]} on line {self._where[record_id][0]}; ids are unique across the brief", record_id)
                    record_id = None
                else:
                    self.kinds[record_id] = kind
                    if not self._fast:
                        self._where[record_id] = (item.start_mark.line + 1, item.start_mark.column + 1)
            if section == "sources":
                self._source_fields.append(_Fields(self, item, entries, record_id, 2, kind))
        self._accepted[section].append(record_id)
        return record_id, entries

    def _fast_item(self, section: str, item: Node) -> None:
        """The one pass of `read(fast=True)`: screen one record, learn its id, build it."""
        if section != self._section:  # a list ends where the next begins
            if self._section == "sources":
                self._sources_read(self._built["sources"])
            self._section = section
        record_id, entries = self._first_pass(section, item)
        if entries is None:  # pragma: no cover - `mapping` has said why, which is an error
            raise _Fallback
        built = self._built[section]
        if section == "sources":
            source = self._source(self._source_fields.pop())
            if source is None:
                raise _Fallback
            built.append(source)
            return
        record = self._build_now(section, item, entries, record_id)
        if record is None:  # it names a record further on: build it once every id is known
            if len(self._later) >= _MAX_LATER:
                raise _Fallback  # a brief in another order than the format's: two passes keep memory low
            self._later.append((section, len(built), item, entries, record_id))
        built.append(record)

    def _build_now(self, section: str, item: Node, entries: dict[str, tuple[ScalarNode, Node]], record_id: str | None) -> Record | None:
        """Build one record in the fast pass; None when it names an id not read yet."""
        problems = len(self.problems)
        visits, self.visits = self.visits, self._build_visits  # each pass keeps its own count, as in two passes
        try:
            record = getattr(self, _BUILDERS[section])(_Fields(self, item, entries, record_id, 2, _KINDS[section]))
        except _Later:
            del self.problems[problems:]  # its review mark, say: it is read again later
            return None
        finally:
            self._build_visits, self.visits = self.visits, visits
        if record is None:
            raise _Fallback  # it did not say why: the full reading will
        return record

    def _sources_read(self, sources: list[Source]) -> None:
        """Every source has been read: a brief of one source lets anchors leave it out."""
        self._sources_final = True
        if len(sources) == 1 and len(self._accepted["sources"]) == 1:
            self.single_source = sources[0].id

    def _second_pass(self, section: str, item: Node) -> None:
        """Build one record (sources are built already) and let its nodes go."""
        index = self._seen[section]
        self._seen[section] = index + 1
        if section == "sources":
            return
        self._muted = True  # the first pass has reported what is wrong with the mapping itself
        try:
            entries = self.mapping(item, 2, None, f"each of `{section}`")
        finally:
            self._muted = False
        if entries is None:
            return
        record = getattr(self, _BUILDERS[section])(_Fields(self, item, entries, self._accepted[section][index], 2, _KINDS[section]))
        if record is not None:
            self._built[section].append(record)

    # -- records ---------------------------------------------------------------

    def _common(self, f: _Fields) -> dict[str, Any]:
        review = f.text("review")
        if review:
            mark = f.entries["review"][0].start_mark
            self.problems.append(Problem(self.label, f"needs review: {review}", mark.line + 1, mark.column + 1, f.record, "warning"))
        return {"id": f.record or "", "review": review, "line": f.node.start_mark.line + 1}

    def _source(self, f: _Fields) -> Source | None:
        common = self._common(f)
        title = f.text("title", required=True)
        path_text = f.text("path", required=True)
        published = f.date("published", required=True)
        publisher, url, sha256 = f.text("publisher", shared=True), f.text("url"), f.text("sha256")
        if sha256 is not None and not re.fullmatch(r"[0-9a-fA-F]{64}", sha256):
            f.error("sha256", "sha256 must be 64 hexadecimal digits (run `sha256sum` on the file)")
            sha256 = None
        if f.record is None or path_text is None:
            return None
        file = (self.path.parent / path_text)

        def problem(message: str, key: str = "path") -> Problem:
            # A changed document is reported at `sha256:`, the line an author must fix.
            node = f.node_of(key) or f.node_of("path") or f.node
            mark = node.start_mark
            return Problem(self.label, f"source file {path_text}: {message}", mark.line + 1, mark.column + 1, f.record)

        outside = source_outside(self.path, file)
        if outside is not None:
            self.problems.append(problem(f"is outside {outside}, the folder that holds the brief's folder; "
                                         "a source must be inside it (symbolic links followed)"))
            return None
        try:
            data_text = _read_source(file, self.limits, problem, sha256)
        except BriefError as exc:
            self.problems.extend(exc.problems)
            return None
        try:  # only the dateline: a ValueError from reading the file is not about it
            document = read_document(data_text)
        except ValueError as exc:
            self.problems.append(problem(f"its dateline is not a valid date ({exc})"))
            return None
        self.indexes[f.record] = DocumentIndex(document)
        if title is None or published is None:
            return None
        return Source(
            **common, title=title, path=path_text, published=published, document=document,
            file=file, publisher=publisher, url=url, sha256=sha256.lower() if sha256 else None,
        )

    def _party(self, f: _Fields) -> Party | None:
        common = self._common(f)
        name = f.text("name", required=True)
        role = f.choice("role", ROLES, required=True)
        short = f.text("short")
        if short is not None and not 2 <= len(short) <= 4:
            f.error("short", f"short tag '{short}' must be 2 to 4 characters")
        summary = f.text("summary")
        if f.record is None or name is None or role is None:
            return None
        return Party(**common, name=name, role=role, short=short, summary=summary)

    def _person(self, f: _Fields) -> Person | None:
        common = self._common(f)
        name = f.text("name", required=True)
        party = f.ref("party", ("party",), required=True)
        title = f.text("title", shared=True)
        aliases = f.texts("aliases")
        delegate = f.flag("delegate")
        if f.record is None or name is None or party is None:
            return None
        return Person(**common, name=name, party=party, title=title, aliases=aliases, delegate=delegate)

    def _issue(self, f: _Fields) -> Issue | None:
        common = self._common(f)
        title = f.text("title", required=True)
        summary = f.text("summary")
        if f.record is None or title is None:
            return None
        return Issue(**common, title=title, summary=summary)

    def _event(self, f: _Fields) -> Event | None:
        common = self._common(f)
        date = f.date("date", required=True)
        title = f.text("title", required=True)
        status = f.choice("status", STATUSES) or "occurred"
        parties = f.refs("parties", ("party",))
        people = f.refs("people", ("person",))
        issues = f.refs("issues", ("issue",))
        evidence = f.anchors("evidence")
        date_text, summary, place = f.text("date_text", shared=True), f.text("summary"), f.text("place", shared=True)
        if f.record is None or date is None or title is None or evidence is None:
            return None
        return Event(
            **common, date=date, title=title, evidence=evidence, date_text=date_text, summary=summary,
            place=place, status=status, parties=parties, people=people, issues=issues,
        )

    def _position(self, f: _Fields) -> Position | None:
        common = self._common(f)
        party = f.ref("party", ("party",), required=True)
        issue = f.ref("issue", ("issue",), required=True)
        stance = f.text("stance", required=True)
        detail = f.text("detail")
        evidence = f.evidence("evidence")
        if f.record is None or party is None or issue is None or stance is None or evidence is None:
            return None
        anchors, quotes = evidence
        return Position(**common, party=party, issue=issue, stance=stance, detail=detail, evidence=anchors, quotes=quotes)

    def _quote(self, f: _Fields) -> Quote | None:
        common = self._common(f)
        speaker = f.ref("speaker", ("person", "party"), required=True)
        text = f.text("text", required=True)
        kind = f.choice("kind", QUOTE_KINDS, required=True)
        said = f.date("said")
        date_text = f.text("date_text", shared=True)
        event = f.ref("event", ("event",))
        issues = f.refs("issues", ("issue",))
        anchor = f.anchor_field("source", required=True)
        if f.record is None or speaker is None or text is None or kind is None or anchor is None:
            return None
        index = self.indexes[anchor.source]
        span = index.locate_within(text, anchor.start, anchor.end)
        if span is None:
            f.error("text", "the quote's text is not within the words its `source` anchor points at; anchor the quote itself")
            return None
        if kind == "direct" and not index.inside_quotation_marks(*span):
            f.error(
                "kind",
                "a direct quote must stand inside quotation marks in the source; "
                "anchor the words inside the marks, or make it `kind: reported`",
            )
            return None
        if text == anchor.exact:  # most quotes anchor their own words: keep them once
            text = anchor.exact
        return Quote(
            **common, speaker=speaker, text=text, quote_kind=kind, source=anchor, text_start=span[0],
            text_end=span[1], said=said, date_text=date_text, event=event, issues=issues,
        )

    def _key_points(self, top: dict[str, tuple[ScalarNode, Node]]) -> list[KeyPoint]:
        if "key_points" not in top:
            return []
        points: list[KeyPoint] = []
        for item in self.section(top["key_points"][1], "`key_points`"):
            entries = self.mapping(item, 2, None, "each key point")
            if entries is None:
                continue
            f = _Fields(self, item, entries, None, 2, "key point")
            text = f.text("text", required=True)
            refs = f.refs("refs", None)
            if text is not None:
                points.append(KeyPoint(text=text, refs=refs, line=item.start_mark.line + 1))
        return points


# The builder of each section's records (sources are built in the first pass), by name:
# bound methods kept on the reader would make it a cycle that outlives the load.
_BUILDERS = {
    "parties": "_party",
    "people": "_person",
    "issues": "_issue",
    "events": "_event",
    "positions": "_position",
    "quotes": "_quote",
}


def _read_source(file: Path, limits: LoadLimits, problem: Callable[..., Problem], sha256: str | None) -> str:
    def fail(message: str, line: int | None = None) -> BriefError:
        # The problem stands at the brief's `path:` line; a line of the document goes in words.
        return BriefError([problem(message if line is None else f"{message} (line {line} of the document)")])

    try:
        # A brief from someone else must not make the reader wait on a pipe or read a
        # device for ever (`path: /dev/zero`, `path: /dev/stdin`): regular files only.
        data, _status = read_regular(file, limits.max_bytes, what="source")
    except FileRefused as exc:
        if exc.errno == errno.EISDIR:
            raise fail("is a folder, not a text file") from None
        if exc.errno in (errno.EINVAL, errno.ENXIO):
            raise fail("is not a regular file: a source is a text file") from None
        raise fail(exc.strerror.removeprefix("the source ")) from None
    except FileNotFoundError:
        raise fail(f"not found (looked for {file})") from None
    except IsADirectoryError:
        raise fail("is a folder, not a text file") from None
    except OSError as exc:
        raise fail(f"cannot be read: {exc.strerror or exc}") from None
    except ValueError as exc:  # `path: "a\0b"`: a name no file can have
        raise fail(f"cannot be read: {exc}") from None
    if sha256 is not None:
        import hashlib  # loading OpenSSL is a few ms of start-up: only for a brief that records a hash

        actual = hashlib.sha256(data).hexdigest()
        if actual != sha256.lower():
            raise BriefError([problem(f"sha256 is {actual}, not the {sha256} the brief records: the document has changed", "sha256")])
    return _decode(data, fail)


class _Fields:
    """One record's mapping, read field by field with its line numbers."""

    def __init__(self, reader: _Reader, node: Node, entries: dict[str, tuple[ScalarNode, Node]], record: str | None, depth: int, kind: str) -> None:
        self.reader = reader
        self.node = node
        self.entries = entries
        self.record = record
        self.depth = depth
        self.kind = kind

    def node_of(self, key: str) -> Node | None:
        entry = self.entries.get(key)
        return entry[1] if entry else None

    def error(self, key: str, message: str) -> None:
        self.reader.error(self.node_of(key) or self.node, message, self.record)

    def _missing(self, key: str) -> None:
        self.reader.error(self.node, f"{self._what()} has no `{key}`, which is required", self.record)

    def _what(self) -> str:
        return f"this {self.kind}" if self.record is None else f"{self.kind} {self.record}"

    def value(self, key: str, *, required: bool = False) -> Any:
        node = self.node_of(key)
        if node is None:
            if required:
                self._missing(key)
            return None
        value = self.reader.scalar(node, self.depth + 1, self.record, f"`{key}`")
        if value is None and required and isinstance(node, ScalarNode) and node.tag.endswith(":null"):
            self.reader.error(node, f"`{key}` is empty", self.record)
        return value

    def text(self, key: str, *, required: bool = False, shared: bool = False) -> str | None:
        """The field as text; `shared` for a field whose values repeat (a place, a publisher)."""
        value = self.value(key, required=required)
        if value is None:
            return None
        if isinstance(value, (dt.date, bool)) or not isinstance(value, (str, int, float)):
            self.error(key, f"`{key}` must be text; put it in quotes")
            return None
        # A number keeps the digits the author wrote: `title: 1.50` is "1.50", not "1.5".
        node = self.node_of(key)
        text = node.value if isinstance(value, (int, float)) and isinstance(node, ScalarNode) else str(value)
        if required and not text.strip():
            self.error(key, f"`{key}` is empty")
            return None
        return self.reader.share(text) if shared else text

    def ident(self, key: str) -> str | None:
        node = self.node_of(key)
        if node is None:
            self._missing(key)
            return None
        text = self.reader.ident(node, self.depth + 1, self.record, f"`{key}`")
        if text is None:
            if _is_empty(node):
                self.reader.error(node, f"`{key}` is empty", self.record)
            return None
        if not ID_PATTERN.match(text):
            self.error(key, f"id '{text}' is not valid: use lowercase letters, digits and '-', starting with a letter or digit")
            return None
        return text

    def flag(self, key: str) -> bool:
        value = self.value(key)
        if value is None:
            return False
        if not isinstance(value, bool):
            self.error(key, f"`{key}` must be true or false")
            return False
        return value

    def date(self, key: str, *, required: bool = False) -> BriefDate | None:
        value = self.value(key, required=required)
        if value is None:
            return None
        if isinstance(value, dt.datetime):  # the time would be dropped without a word
            written = node.value if isinstance(node := self.node_of(key), ScalarNode) else str(value)
            self.error(key, f"`{key}`: '{written}' is a date with a time of day; a brief's dates are days, "
                       f"months or years: write {value.date().isoformat()}")
            return None
        cache = self.reader._dates
        # Only text and dates as keys: `True == 1` would find the year 1 for `yes`.
        seen = value if type(value) in (str, dt.date) else None
        if seen is not None and (known := cache.get(seen)) is not None:
            return known
        try:
            date = parse_date(value)
        except DateError as exc:
            self.error(key, f"`{key}`: {exc}")
            return None
        if seen is not None:
            cache[seen] = date
        return date

    def choice(self, key: str, options: tuple[T, ...], *, required: bool = False) -> T | None:
        value = self.value(key, required=required)
        if value is None:
            return None
        if value not in options:
            self.error(key, f"`{key}` is '{value}'; it must be one of: {', '.join(map(str, options))}")
            return None
        return options[options.index(value)]  # the constant: one string for 100,000 `kind: direct`

    def _items(self, key: str) -> list[Node]:
        node = self.node_of(key)
        if node is None:
            return []
        return self.reader.sequence(node, self.depth + 1, self.record, f"`{key}`") or []

    def texts(self, key: str) -> tuple[str, ...]:
        out: list[str] = []
        for item in self._items(key):
            value = self.reader.scalar(item, self.depth + 2, self.record, f"each of `{key}`")
            if isinstance(value, str):
                out.append(value)
            elif value is None and _is_empty(item):
                self.reader.error(item, f"`{key}` has an empty item", self.record)
            elif value is not None:
                self.reader.error(item, f"each of `{key}` must be text", self.record)
        return self.reader.share(tuple(out))

    def _check_ref(self, node: Node, key: str, kinds: tuple[Kind, ...] | None, depth: int, *, required: bool = True) -> str | None:
        """The id `node` holds, when it names a record of one of `kinds` (any kind for None)."""
        value = self.reader.ident(node, depth, self.record, f"`{key}`")
        if value is None:
            if required and _is_empty(node):
                self.reader.error(node, f"`{key}` is empty", self.record)
            return None
        found = self.reader.kinds.get(value)
        if found is None and not self.reader._final:
            raise _Later  # a record further on, maybe
        wanted = " or ".join(kinds) if kinds else "record"
        if found is None:
            self.reader.error(node, f"{key} '{value}' is not {_a(wanted)} id", self.record)
            return None
        if kinds is not None and found not in kinds:
            self.reader.error(node, f"{key} '{value}' is {_a(found)}, not {_a(wanted)}", self.record)
            return None
        return value

    def ref(self, key: str, kinds: tuple[Kind, ...], *, required: bool = False) -> str | None:
        node = self.node_of(key)
        if node is None:
            if required:
                self._missing(key)
            return None
        return self._check_ref(node, key, kinds, self.depth + 1, required=required)

    def refs(self, key: str, kinds: tuple[Kind, ...] | None) -> tuple[str, ...]:
        out: list[str] = []
        for item in self._items(key):
            checked = self._check_ref(item, key, kinds, self.depth + 2)
            if checked is not None:
                out.append(checked)
        return self.reader.share(tuple(out))

    # -- anchors ---------------------------------------------------------------

    def anchor_field(self, key: str, *, required: bool = False) -> Anchor | None:
        node = self.node_of(key)
        if node is None:
            if required:
                self._missing(key)
            return None
        return self.anchor(node, self.depth + 1)

    def anchors(self, key: str) -> tuple[Anchor, ...] | None:
        """A list of anchors, at least one; None when any fails."""
        items = self._items(key)
        if not items:
            self._evidence_missing(key)
            return None
        found = [self.anchor(item, self.depth + 2) for item in items]
        return None if any(a is None for a in found) else tuple(a for a in found if a is not None)

    def evidence(self, key: str) -> tuple[tuple[Anchor, ...], tuple[str, ...]] | None:
        """Anchors and quote ids, at least one in all; None when any fails."""
        items = self._items(key)
        if not items:
            self._evidence_missing(key)
            return None
        anchors: list[Anchor] = []
        quotes: list[str] = []
        ok = True
        for item in items:
            if isinstance(item, ScalarNode) and item.value in self.reader.kinds:
                checked = self._check_ref(item, key, ("quote",), self.depth + 2)
                ok = ok and checked is not None
                if checked:
                    quotes.append(checked)
                continue
            if isinstance(item, ScalarNode) and not self.reader._final and ID_PATTERN.match(item.value):
                raise _Later  # the id of a quote further on, or the words of an anchor: not known yet
            anchor = self.anchor(item, self.depth + 2)
            ok = ok and anchor is not None
            if anchor:
                anchors.append(anchor)
        return (tuple(anchors), tuple(quotes)) if ok else None

    def _evidence_missing(self, key: str) -> None:
        node = self.node_of(key)
        message = f"{self._what()} needs `{key}`: at least one anchor into a source"
        self.reader.error(node or self.node, message, self.record)

    def anchor(self, node: Node, depth: int) -> Anchor | None:
        reader = self.reader
        prefix = suffix = None
        source: str | None
        if isinstance(node, ScalarNode):
            exact = reader.scalar(node, depth, self.record, "an anchor")
            if exact is None:
                if _is_empty(node):  # `- ` or `~`: else the record would vanish without a word
                    reader.error(node, "an anchor is empty: write the words of the source it points at", self.record)
                return None
            exact = node.value  # the words as written: `1.50` is not the number 1.5
            if not reader._sources_final:
                raise _Later  # whether the brief has one source is known once all are read
            if reader.single_source is None:
                if len(reader.kinds) and sum(1 for k in reader.kinds.values() if k == "source") > 1:
                    reader.error(node, "this brief has several sources, so an anchor names its source: {source: ID, exact: \"...\"}", self.record)
                return None
            source = reader.single_source
            where = node
        else:
            entries = reader.mapping(node, depth, self.record, "an anchor")
            if entries is None:
                return None
            sub = _Fields(reader, node, entries, self.record, depth, "anchor")
            source = sub.ref("source", ("source",), required=True)
            exact = sub.value("exact", required=True)
            prefix, suffix = sub.text("prefix"), sub.text("suffix")
            where = sub.node_of("exact") or node
            if source is None or exact is None:
                return None
            if isinstance(where, ScalarNode):
                exact = where.value  # as written, like the short form
        if not isinstance(exact, str):
            exact = str(exact)
        index = reader.indexes.get(source)
        if index is None:  # the source itself failed to load, and said so
            return None
        try:
            start, end, normalised = index.resolve(exact, prefix, suffix)
        except AnchorError as exc:
            reader.error(where, str(exc), self.record)
            return None
        document = index.document
        first, last = _blocks_of(document, start, end)
        if first != last:
            reader.error(where, f"these words run from {_block_name(document, first)} into {_block_name(document, last)} "
                         "of the source; keep an anchor inside one paragraph (one anchor for each)", self.record)
            return None
        return Anchor(
            source=source, exact=exact, start=start, end=end,
            paragraph=first, prefix=prefix, suffix=suffix, normalised=normalised,
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


def _is_empty(node: Node) -> bool:
    """A scalar with nothing in it: `key:`, `key: ~`, `key: null` or `key: ""`."""
    return isinstance(node, ScalarNode) and (node.tag == _YAML + "null" or not node.value.strip())


def _a(kinds: str) -> str:
    """`kinds` with its article: 'an issue', 'an event', 'a person or party'."""
    return f"an {kinds}" if kinds[:1] in "aeiou" else f"a {kinds}"


def _shape(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "mapping"
    if isinstance(node, SequenceNode):
        return "list"
    return "single value"


def iter_problems(paths: Iterable[str | Path]) -> Iterable[tuple[str, Brief | None, list[Problem]]]:
    """Load each brief in turn, for `check`: (path, brief or None, problems)."""
    for path in paths:
        try:
            brief = load_brief(path)
        except BriefError as exc:
            yield str(path), None, exc.problems
        else:
            yield str(path), brief, list(brief.warnings)
