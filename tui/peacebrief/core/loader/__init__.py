"""Loading a brief: safe YAML in, a checked and linked `Brief` out, or every error at once.

The YAML is composed into nodes (never constructed into arbitrary objects), so every
value keeps its line and column and no tag can run code. `load_brief` is the one entry
point; its parts, each with one job:

- `reading`: the file's bytes, and every way reading them fails, in words;
- `yamlerrors`: YAML's syntax and character errors, placed for an editor;
- `vet`: tags, alias bombs, loops and depth refused before anything is read;
- `values`, `fields`, `evidence`: one node as a value, a record's fields, its anchors;
- `records`, `sources`: each kind of record built from its fields;
- `passes`, `stream`, `one_pass`, `two_passes`: the passes over the file, sharing one
  `state.LoadState`; `assemble`: the brief they have read.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import yaml

from peacebrief.core.loader.passes import read_brief
from peacebrief.core.loader.reading import read_brief_bytes, read_file
from peacebrief.core.loader.rules import (
    EMPTY_FILE,
    FORMAT_VERSION,
    ID_PATTERN,
    SECTIONS,
    LoadLimits,
)
from peacebrief.core.loader.yamlerrors import YAML_ERRORS, yaml_problem
from peacebrief.core.model import Brief
from peacebrief.core.problems import BriefError, Problem
from peacebrief.core.yamlstream import StreamComposer

# libyaml's parser is several times faster; the pure one gives the same nodes.
_YamlLoader: type[yaml.SafeLoader] | type[yaml.CSafeLoader]
try:
    _YamlLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _YamlLoader = yaml.SafeLoader

__all__ = ["FORMAT_VERSION", "ID_PATTERN", "SECTIONS", "LoadLimits", "iter_problems", "load_brief", "read_file"]


def load_brief(path: str | Path, *, limits: LoadLimits | None = None, data: bytes | None = None) -> Brief:
    """Load and check the brief at `path`; raise `BriefError` with every problem found.

    `data`, when given, is the file's bytes as the caller read them (the cache hashes
    and parses the same bytes, so that a file replaced in between cannot mix the two).
    """
    limits = limits or LoadLimits()
    path = Path(path)
    label = str(path)
    data = read_brief_bytes(path, label, limits, data)
    if not data or data.isspace():  # not `strip()`: that would copy a big file
        raise BriefError([Problem(label, EMPTY_FILE, 1, 1)])
    budget = len(data) + limits.alias_slack
    # The composer alone holds the bytes, so that they go (`release`) once both passes are done.
    composer = StreamComposer(data, _YamlLoader, limits.max_depth)
    del data
    try:
        return read_brief(composer, label, path, limits, budget)
    except YAML_ERRORS as exc:
        raise BriefError([yaml_problem(label, composer, exc, limits)]) from None


def iter_problems(paths: Iterable[str | Path]) -> Iterable[tuple[str, Brief | None, list[Problem]]]:
    """Load each brief in turn, for `check`: (path, brief or None, problems)."""
    for path in paths:
        try:
            brief = load_brief(path)
        except BriefError as exc:
            yield str(path), None, exc.problems
        else:
            yield str(path), brief, list(brief.warnings)
