"""Reading a brief in one pass over the file, as it streams.

Each record is built as soon as it has been vetted, and the few that name a record
further on (a position's quotes) are kept and built at the end. A brief is written in the
order of the format, so the file is parsed once instead of twice. The result counts only
when nothing was wrong: at the first error (or a file that needs the second pass, such as
an anchored list) the pass raises `Fallback`, and the brief is read again in two passes,
which report every problem exactly as they always have.
"""

from __future__ import annotations

from yaml.nodes import Node

from peacebrief.core import collector
from peacebrief.core.loader.records import BUILDERS, record_fields
from peacebrief.core.loader.rules import STREAMED, TOP_KEYS
from peacebrief.core.loader.sources import source
from peacebrief.core.loader.state import Fallback, Later, LoadState
from peacebrief.core.loader.stream import Pass
from peacebrief.core.loader.values import Entries

TYPE_CHECKING = False  # not `typing`'s: `check` and `digest` start without importing it
if TYPE_CHECKING:
    from peacebrief.core.model import Record, Source
    from peacebrief.core.yamlstream import StreamComposer

# Records kept whole for later, at most: past that the brief is in another order than the
# format's, and two passes over the file use less memory than keeping them.
MAX_LATER = 10_000


class OnePass(Pass):
    def __init__(self, state: LoadState) -> None:
        super().__init__(state)
        state.strict = True  # the first error ends the pass: the two passes say them all
        state.final = state.sources_final = False  # until the stream ends
        self.later: list[tuple[str, int, Node, Entries, str | None]] = []
        self.build_visits = 0  # the building's own count of visits, as the second pass has
        self.section = ""  # the list being streamed

    def walk(self, composer: StreamComposer) -> Node | None:
        with collector.paused():  # what is built now stays: see `collector.paused`
            return composer.walk(STREAMED, self.item, TOP_KEYS)

    def whole(self, section: str, item: Node) -> None:
        raise Fallback  # an anchored list: its items were not streamed

    def sources(self) -> list[Source]:
        return self.state.built["sources"]

    def build(self, composer: StreamComposer) -> None:
        """Build the records that named one further on, now that every id is known."""
        state = self.state
        state.final = True
        with collector.paused():
            for section, index, item, entries, record_id in self.later:
                state.built[section][index] = self._build_now(section, item, entries, record_id)
        self.later = []

    def unbuilt(self) -> None:
        raise Fallback  # which record, and where, is for the two passes to say

    def duplicate(self, id_node: Node, record_id: str) -> None:
        raise Fallback  # the message names the first one's line, not kept in one pass

    def item(self, section: str, item: Node) -> None:
        """Vet one record, learn its id, build it."""
        if section != self.section:  # a list ends where the next begins
            if self.section == "sources":
                self.sources_read(self.state.built["sources"])
            self.section = section
        record_id, entries = self.learn(section, item)
        if entries is None:  # pragma: no cover - `mapping` has said why, which is an error
            raise Fallback
        built = self.state.built[section]
        if section == "sources":
            made = source(record_fields(self.state, section, item, entries, record_id))
            if made is None:
                raise Fallback
            built.append(made)
            return
        record = self._build_now(section, item, entries, record_id)
        if record is None:  # it names a record further on: build it once every id is known
            if len(self.later) >= MAX_LATER:
                raise Fallback  # a brief in another order than the format's: two passes keep memory low
            self.later.append((section, len(built), item, entries, record_id))
        built.append(record)

    def _build_now(self, section: str, item: Node, entries: Entries, record_id: str | None) -> Record | None:
        """Build one record; None when it names an id not read yet."""
        state = self.state
        problems = len(state.problems)
        visits, state.visits = state.visits, self.build_visits  # each pass keeps its own count, as in two passes
        try:
            record = BUILDERS[section](record_fields(state, section, item, entries, record_id))
        except Later:
            del state.problems[problems:]  # its review mark, say: it is read again later
            return None
        finally:
            self.build_visits, state.visits = state.visits, visits
        if record is None:
            raise Fallback  # it did not say why: the two passes will
        return record
