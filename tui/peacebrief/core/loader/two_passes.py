"""Reading a brief in two passes over the file, one record at a time.

The first pass vets every value, learns every record's id and kind (so that references
resolve in any order) and keeps the sources; the second builds the other records, letting
each record's nodes go as soon as it is built. Every problem is reported.
"""

from __future__ import annotations

from yaml.nodes import Node

from peacebrief.core import collector
from peacebrief.core.loader.fields import Fields
from peacebrief.core.loader.records import BUILDERS, record_fields
from peacebrief.core.loader.rules import SECTIONS, STREAMED, TOP_KEYS
from peacebrief.core.loader.sources import source
from peacebrief.core.loader.state import LoadState
from peacebrief.core.loader.stream import Pass
from peacebrief.core.loader.values import mapping
from peacebrief.core.problems import Problem

TYPE_CHECKING = False  # not `typing`'s: `check` and `digest` start without importing it
if TYPE_CHECKING:
    from peacebrief.core.model import Source
    from peacebrief.core.yamlstream import StreamComposer


class TwoPasses(Pass):
    def __init__(self, state: LoadState) -> None:
        super().__init__(state)
        self.where: dict[str, tuple[int, int]] = {}  # id -> line and column of its record
        self.whole_items: dict[str, list[Node]] = {section: [] for section, _ in SECTIONS}  # lists not streamed
        self.source_fields: list[Fields] = []
        self.seen = {section: 0 for section, _ in SECTIONS}  # records of each list met in the second pass

    def walk(self, composer: StreamComposer) -> Node | None:
        return composer.walk(STREAMED, self.first, TOP_KEYS)

    def whole(self, section: str, item: Node) -> None:
        self.whole_items[section].append(item)
        self.first(section, item)

    def first(self, section: str, item: Node) -> None:
        """Vet one record and learn its id; keep it only if it is a source."""
        record_id, entries = self.learn(section, item)
        if section == "sources" and entries is not None:
            self.source_fields.append(record_fields(self.state, section, item, entries, record_id))

    def sources(self) -> list[Source]:
        built = [s for s in (source(f) for f in self.source_fields) if s is not None]
        self.source_fields = []
        self.state.built["sources"] = built
        return built

    def build(self, composer: StreamComposer) -> None:
        self.state.visits = 0  # the second pass walks the same values again
        with collector.paused():
            composer.walk(STREAMED, self.second, TOP_KEYS)
            for section, _ in SECTIONS[1:]:
                for item in self.whole_items[section]:
                    self.second(section, item)

    def second(self, section: str, item: Node) -> None:
        """Build one record (sources are built already) and let its nodes go."""
        state = self.state
        index = self.seen[section]
        self.seen[section] = index + 1
        if section == "sources":
            return
        state.muted = True  # the first pass has reported what is wrong with the mapping itself
        try:
            entries = mapping(state, item, 2, None, f"each of `{section}`")
        finally:
            state.muted = False
        if entries is None:
            return
        record = BUILDERS[section](record_fields(state, section, item, entries, state.accepted[section][index]))
        if record is not None:
            state.built[section].append(record)

    def unbuilt(self) -> None:
        # Every record that was not built must have said why; one that did not would leave
        # a half-loaded brief, which the format forbids. So refuse, and say it is our bug.
        state = self.state
        made = {record.id for records in state.built.values() for record in records}
        for section, kind in SECTIONS:
            for record_id in state.accepted[section]:
                if record_id is not None and record_id not in made:
                    line, column = self.where.get(record_id, (None, None))
                    state.problems.append(
                        Problem(
                            state.label,
                            f"{kind} {record_id} could not be read, and no rule "
                            "said why: this is a bug in peacebrief, please report it",
                            line,
                            column,
                            record_id,
                        )
                    )

    def place(self, record_id: str, item: Node) -> None:
        self.where[record_id] = (item.start_mark.line + 1, item.start_mark.column + 1)

    def duplicate(self, id_node: Node, record_id: str) -> None:
        state = self.state
        state.error(
            id_node,
            f"id '{record_id}' is already used by the {state.kinds[record_id]} on line "
            f"{self.where[record_id][0]}; ids are unique across the brief",
            record_id,
        )
