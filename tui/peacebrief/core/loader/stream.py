"""What both ways of reading do with each record streamed from the file: vet it, check
its id and learn its kind, so that references to it resolve. `Pass` is the interface
`passes.read` drives; `OnePass` and `TwoPasses` are its two ways."""

from __future__ import annotations

from yaml.nodes import Node

from peacebrief.core.loader.rules import BAD_ID, ID_PATTERN, KINDS
from peacebrief.core.loader.state import LoadState
from peacebrief.core.loader.values import Entries, ident, is_empty, mapping

TYPE_CHECKING = False  # not `typing`'s: `check` and `digest` start without importing it
if TYPE_CHECKING:
    from peacebrief.core.model import Kind, Source
    from peacebrief.core.yamlstream import StreamComposer


class Pass:
    """One way of reading the records of a brief; see `passes.read` for the order of the steps."""

    def __init__(self, state: LoadState) -> None:
        self.state = state

    def walk(self, composer: StreamComposer) -> Node | None:
        """Stream the file's records through this pass; the root, with its streamed lists empty."""
        raise NotImplementedError

    def whole(self, section: str, item: Node) -> None:
        """An item of a list that was not streamed (an anchored list): it is read whole."""
        raise NotImplementedError

    def sources(self) -> list[Source]:
        """Every source that could be read, built."""
        raise NotImplementedError

    def build(self, composer: StreamComposer) -> None:
        """Build every record not built yet."""
        raise NotImplementedError

    def unbuilt(self) -> None:
        """Some record accepted was not built, and no rule said why."""
        raise NotImplementedError

    def place(self, record_id: str, item: Node) -> None:
        """Where the record just accepted stands, for later problems about it."""

    def duplicate(self, id_node: Node, record_id: str) -> None:
        """`record_id` is the id of a record read before."""
        raise NotImplementedError

    # -- shared by both ------------------------------------------------------------------

    def learn(self, section: str, item: Node) -> tuple[str | None, Entries | None]:
        """Vet one record and learn its id; its mapping, for building it."""
        state = self.state
        composer = state.composer
        if composer is None or composer.unusual:
            # An alias or a tag in this record (or in one before it): walk it all.
            state.vet(item, 2)
            if composer is not None:
                composer.unusual = False
        else:
            state.vetted += 1  # plain values only: nothing to refuse, no aliases to expand
        entries = mapping(state, item, 2, None, f"each of `{section}`")
        record_id = None if entries is None else self._record_id(item, entries, KINDS[section])
        state.accepted[section].append(record_id)
        return record_id, entries

    def _record_id(self, item: Node, entries: Entries, kind: Kind) -> str | None:
        """The record's id, now known to be of `kind`; None when it has none that can be used."""
        state = self.state
        if "id" not in entries:
            state.error(item, f"this {kind} has no `id`")
            return None
        id_node = entries["id"][1]
        record_id = ident(state, id_node, 3, None, "id")
        if record_id is None:
            if is_empty(id_node):  # else `ident` has said what is wrong
                state.error(id_node, f"this {kind}'s `id` is empty")
            return None
        if not ID_PATTERN.match(record_id):
            state.error(id_node, f"id '{record_id}' {BAD_ID}")
            return None
        if record_id in state.kinds:
            self.duplicate(id_node, record_id)
            return None
        state.kinds[record_id] = kind
        self.place(record_id, item)
        return record_id

    def sources_read(self, sources: list[Source]) -> None:
        """Every source has been read: a brief of one source lets anchors leave it out."""
        state = self.state
        state.sources_final = True
        if len(sources) == 1 and len(state.accepted["sources"]) == 1:
            state.single_source = sources[0].id
