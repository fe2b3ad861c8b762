"""One record's mapping, read field by field: text, ids, references, dates, choices."""

from __future__ import annotations

import datetime as dt

from yaml.nodes import Node, ScalarNode

from peacebrief.core.dates import BriefDate, DateError, parse_date
from peacebrief.core.loader.rules import BAD_ID, ID_PATTERN
from peacebrief.core.loader.state import Later, LoadState
from peacebrief.core.loader.values import (
    Entries,
    is_empty,
    scalar,
    sequence,
    with_article,
)
from peacebrief.core.loader.values import ident as ident_of

TYPE_CHECKING = False  # not `typing`'s: `check` and `digest` start without importing it
if TYPE_CHECKING:
    from typing import Any, TypeVar

    from peacebrief.core.model import Kind

    T = TypeVar("T")


class Fields:
    """One record's mapping, read field by field with its line numbers."""

    __slots__ = ("depth", "entries", "kind", "node", "record", "state")

    def __init__(
        self, state: LoadState, node: Node, entries: Entries, record: str | None, depth: int, kind: str
    ) -> None:
        self.state = state
        self.node = node
        self.entries = entries
        self.record = record
        self.depth = depth
        self.kind = kind

    def node_of(self, key: str) -> Node | None:
        entry = self.entries.get(key)
        return entry[1] if entry else None

    def error(self, key: str, message: str) -> None:
        self.state.error(self.node_of(key) or self.node, message, self.record)

    def missing(self, key: str) -> None:
        self.state.error(self.node, f"{self.what()} has no `{key}`, which is required", self.record)

    def what(self) -> str:
        return f"this {self.kind}" if self.record is None else f"{self.kind} {self.record}"

    def common(self) -> dict[str, Any]:
        """The fields every record has; a `review:` mark is a warning, said at once."""
        review = self.text("review")
        if review:
            self.state.warn(self.entries["review"][0], f"needs review: {review}", self.record)
        return {"id": self.record or "", "review": review, "line": self.node.start_mark.line + 1}

    def value(self, key: str, *, required: bool = False) -> Any:
        node = self.node_of(key)
        if node is None:
            if required:
                self.missing(key)
            return None
        value = scalar(self.state, node, self.depth + 1, self.record, f"`{key}`")
        if value is None and required and isinstance(node, ScalarNode) and node.tag.endswith(":null"):
            self.state.error(node, f"`{key}` is empty", self.record)
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
        return self.state.share(text) if shared else text

    def ident(self, key: str) -> str | None:
        node = self.node_of(key)
        if node is None:
            self.missing(key)
            return None
        text = ident_of(self.state, node, self.depth + 1, self.record, f"`{key}`")
        if text is None:
            if is_empty(node):
                self.state.error(node, f"`{key}` is empty", self.record)
            return None
        if not ID_PATTERN.match(text):
            self.error(key, f"id '{text}' {BAD_ID}")
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
            self.error(
                key,
                f"`{key}`: '{written}' is a date with a time of day; a brief's dates are days, "
                f"months or years: write {value.date().isoformat()}",
            )
            return None
        cache = self.state.dates
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

    def items(self, key: str) -> list[Node]:
        node = self.node_of(key)
        if node is None:
            return []
        return sequence(self.state, node, self.depth + 1, self.record, f"`{key}`") or []

    def texts(self, key: str) -> tuple[str, ...]:
        out: list[str] = []
        state = self.state
        for item in self.items(key):
            value = scalar(state, item, self.depth + 2, self.record, f"each of `{key}`")
            if isinstance(value, str):
                out.append(value)
            elif value is None and is_empty(item):
                state.error(item, f"`{key}` has an empty item", self.record)
            elif value is not None:
                state.error(item, f"each of `{key}` must be text", self.record)
        return state.share(tuple(out))

    def check_ref(
        self, node: Node, key: str, kinds: tuple[Kind, ...] | None, depth: int, *, required: bool = True
    ) -> str | None:
        """The id `node` holds, when it names a record of one of `kinds` (any kind for None)."""
        state = self.state
        value = ident_of(state, node, depth, self.record, f"`{key}`")
        if value is None:
            if required and is_empty(node):
                state.error(node, f"`{key}` is empty", self.record)
            return None
        found = state.kinds.get(value)
        if found is None and not state.final:
            raise Later  # a record further on, maybe
        wanted = " or ".join(kinds) if kinds else "record"
        if found is None:
            state.error(node, f"{key} '{value}' is not {with_article(wanted)} id", self.record)
            return None
        if kinds is not None and found not in kinds:
            state.error(node, f"{key} '{value}' is {with_article(found)}, not {with_article(wanted)}", self.record)
            return None
        return value

    def ref(self, key: str, kinds: tuple[Kind, ...], *, required: bool = False) -> str | None:
        node = self.node_of(key)
        if node is None:
            if required:
                self.missing(key)
            return None
        return self.check_ref(node, key, kinds, self.depth + 1, required=required)

    def refs(self, key: str, kinds: tuple[Kind, ...] | None) -> tuple[str, ...]:
        out: list[str] = []
        for item in self.items(key):
            checked = self.check_ref(item, key, kinds, self.depth + 2)
            if checked is not None:
                out.append(checked)
        return self.state.share(tuple(out))
