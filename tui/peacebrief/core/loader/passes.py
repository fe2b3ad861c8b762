"""The steps of reading a brief, the same in one pass or two, and the choice between them.

The one pass (`OnePass`) reads a brief written in the format's order while it streams;
anything it cannot finish cleanly is read again in two passes (`TwoPasses`), which say
every problem. Nothing is returned until everything has been checked.
"""

from __future__ import annotations

from pathlib import Path

from yaml.nodes import Node, ScalarNode

from peacebrief.core.loader.assemble import assemble
from peacebrief.core.loader.fields import Fields
from peacebrief.core.loader.one_pass import OnePass
from peacebrief.core.loader.records import key_points
from peacebrief.core.loader.rules import (
    EMPTY_FILE,
    FORMAT_VERSION,
    NULL,
    SECTIONS,
    LoadLimits,
)
from peacebrief.core.loader.state import Abort, Fallback, LoadState, Refused
from peacebrief.core.loader.stream import Pass
from peacebrief.core.loader.two_passes import TwoPasses
from peacebrief.core.loader.values import Entries, mapping, section
from peacebrief.core.loader.yamlerrors import problem_at
from peacebrief.core.model import Brief
from peacebrief.core.problems import BriefError, Problem
from peacebrief.core.yamlstream import StreamComposer


def read_brief(composer: StreamComposer, label: str, path: Path, limits: LoadLimits, budget: int) -> Brief:
    """The brief `composer` holds, read in one pass if that reads it cleanly, else in two;
    raise `BriefError` with every problem found. YAML's own errors go through."""
    state = LoadState(label, path, limits, budget)
    try:
        brief = read(state, composer, OnePass(state))
        if brief is not None and not state.failed():
            return brief
    except (Fallback, Refused, Abort):
        pass
    state = LoadState(label, path, limits, budget)
    try:
        brief = read(state, composer, TwoPasses(state))
    except Refused as refused:
        raise BriefError([problem_at(label, node, message) for node, message in refused.found]) from None
    except Abort as abort:
        state.error(abort.node, abort.message)
        brief = None
    if brief is None or state.failed():
        raise BriefError(state.problems)
    return brief


def read(state: LoadState, composer: StreamComposer, way: Pass) -> Brief | None:
    """Read the brief through `way`; None when it cannot be assembled (`state` says why)."""
    state.composer = composer
    root = way.walk(composer)
    state.composer = None  # from here on, lists read whole are vetted in full
    twice = composer.duplicates  # the second walk finds them again: keep the first's
    if root is None or (isinstance(root, ScalarNode) and root.tag == NULL):  # also a bare `---`
        state.problems.append(Problem(state.label, EMPTY_FILE, 1, 1))
        return None
    top = _top_level(state, root, way)
    if top is None:
        return None
    _brief_fields(state, root, top)
    sources = way.sources()
    if not state.accepted["sources"] and "sources" in top:
        state.error(top["sources"][1], "a brief needs at least one source")
    way.sources_read(sources)
    way.build(composer)
    state.key_points = key_points(state, top)
    _keys_given_twice(state, twice)
    if not state.failed() and len({r.id for rs in state.built.values() for r in rs}) != len(state.kinds):
        way.unbuilt()
    if state.failed() or state.brief_id is None or state.title is None or state.as_of is None:
        return None
    composer.release()  # the file's bytes are not needed to assemble the brief
    return assemble(state)


def _top_level(state: LoadState, root: Node, way: Pass) -> Entries | None:
    """The top-level mapping, vetted, with the items of any list not streamed read now."""
    state.vet(root, 0)
    top = mapping(state, root, 0, None, "the top level of a brief")
    if top is not None:
        for name, _ in SECTIONS:  # lists read whole (an anchored one): their items now
            if name in top:
                for item in section(state, top[name][1], f"`{name}`"):
                    way.whole(name, item)
    if state.refused:
        raise Refused(state.refused)
    return top


def _keys_given_twice(state: LoadState, twice: list[tuple[ScalarNode, ScalarNode]]) -> None:
    """Keys given twice under fields the format does not read (see `StreamComposer`):
    those it reads have been said by `values.mapping`."""
    for key, first in twice:
        if (key.start_mark.line, key.start_mark.column) not in state.said_twice:
            state.error(
                key,
                f"'{key.value}' is given twice in this mapping (first on line {first.start_mark.line + 1}); "
                "a key may stand once in a mapping",
            )


def _brief_fields(state: LoadState, root: Node, top: Entries) -> None:
    """The brief's own fields, and the lists it must have."""
    fields = Fields(state, root, top, None, 0, "brief")  # "this brief has no `title`"
    version = fields.value("peacebrief", required=True)
    # `type(...) is int`: YAML's `true` and `1.0` equal 1 in Python, but are not the integer 1.
    if version is not None and (type(version) is not int or version != FORMAT_VERSION):
        state.error(
            top["peacebrief"][1],
            f"format version is {version!r}; this reader knows version {FORMAT_VERSION}: write `peacebrief: 1`",
        )
    state.brief_id = fields.ident("id")
    state.title = fields.text("title", required=True)
    state.as_of = fields.date("as_of", required=True)
    state.summary = fields.text("summary")
    for name, kind in SECTIONS[:2]:
        if name not in top:
            state.problems.append(Problem(state.label, f"a brief needs `{name}:`, a list of {kind} records", 1, 1))
