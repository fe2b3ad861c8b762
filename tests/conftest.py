"""Shared fixtures: temporary briefs with their documents, and the briefs that ship."""

from __future__ import annotations

import os
import sys
import textwrap
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest
from hypothesis import settings

# The compiled modules are kept (in the ignored `__pycache__` folders) even where
# PYTHONDONTWRITEBYTECODE is set: without them each test worker rewrote the asserts of every
# test module, and each reader, server and command a test starts compiled the peacebrief
# modules it imports, every run (about 7 s of CPU a worker, 0.1-0.4 s a process started).
# Set before anything below imports peacebrief, and before pytest imports a test module.
sys.dont_write_bytecode = False

from peacebrief.core import Brief, load_brief  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
BUNDLED_BRIEF = ROOT / "briefs" / "abu-dhabi-2026-02.yaml"
HARBOUR_BRIEF = ROOT / "tests" / "data" / "harbour" / "briefs" / "harbour.yaml"
SEED = ROOT / "seeds" / "000_10ec13a8d29864e3.txt"

# Every property test without settings of its own: no wall-clock deadline (hypothesis'
# default is 200 ms a case, which a shared or `nice`d machine passes now and then without
# any slowness of the code: tests that care about speed count work or CPU time), and
# `PEACEBRIEF_FUZZ_EXAMPLES` cases each for a deep run (hypothesis' 100 otherwise).
_FUZZ_EXAMPLES = int(os.environ.get("PEACEBRIEF_FUZZ_EXAMPLES", "0") or 0)
settings.register_profile(
    "peacebrief",
    deadline=None,
    **({"max_examples": _FUZZ_EXAMPLES} if _FUZZ_EXAMPLES else {}),
)
settings.load_profile("peacebrief")


def write_brief(
    tmp_path: Path,
    yaml_text: str | bytes,
    seeds: Mapping[str, str | bytes] | None = None,
    name: str = "brief.yaml",
) -> Path:
    """Write a brief and its source documents into `tmp_path`; return the brief's path.

    Text is written as UTF-8 exactly as given (after `textwrap.dedent`, so a brief may be
    written indented in a test); bytes are written as they are, for encoding tests. Seed
    names are paths relative to `tmp_path`, which is also where the brief lives, so a
    brief names them as `path: doc.txt`.
    """
    for seed_name, content in (seeds or {}).items():
        seed_path = tmp_path / seed_name
        seed_path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            seed_path.write_bytes(content)
        else:
            seed_path.write_text(content, encoding="utf-8", newline="")
    path = tmp_path / name
    if isinstance(yaml_text, bytes):
        path.write_bytes(yaml_text)
    else:
        path.write_text(textwrap.dedent(yaml_text), encoding="utf-8", newline="")
    return path


# The test files that start readers and servers, heaviest first: run before the rest, so that
# the workers of a parallel run (`-n`) share them out and end together on the quick tests,
# instead of one of them starting a minute of sessions as the other runs out of work.
HEAVY_FIRST = (
    "test_serve_sessions.py",
    "test_app_keys.py",
    "test_serve.py",
    "test_serve_browser.py",
    "test_app.py",
    "test_terminals.py",
    "test_startup.py",
    "test_app_snapshots.py",
    "test_case_app.py",
    "test_hostile.py",
    "test_app_search.py",
    "test_app_reading.py",
    "test_app_review.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The files of HEAVY_FIRST in its order, then the others as collected (a stable sort)."""
    rank = {name: n for n, name in enumerate(HEAVY_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))


@pytest.fixture(name="write_brief")
def write_brief_fixture() -> Callable[..., Path]:
    """`write_brief(tmp_path, yaml_text, seeds={name: text})`: see the function's docstring."""
    return write_brief


@pytest.fixture(scope="session")
def bundled_brief() -> Brief:
    """The brief that ships with peacebrief, loaded once for the session."""
    return load_brief(BUNDLED_BRIEF)


@pytest.fixture(scope="session")
def harbour_brief() -> Brief:
    """The made-up test brief: two sources, every date form and every status."""
    return load_brief(HARBOUR_BRIEF)


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the user's brief cache."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
