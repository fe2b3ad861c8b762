"""The briefing core: pure Python, no Textual.

A front end needs only `load_brief` and the model it returns::

    from peacebrief.core import load_brief
    brief = load_brief("briefs/abu-dhabi-2026-02.yaml")
    for event in brief.events: ...
"""

from __future__ import annotations

import importlib

TYPE_CHECKING = False  # not `typing`'s: `check` and `digest` start without importing it
if TYPE_CHECKING:
    from typing import Any

    from peacebrief.core.loader import LoadLimits, load_brief
    from peacebrief.core.model import Brief
    from peacebrief.core.problems import BriefError, Problem

__all__ = ["Brief", "BriefError", "LoadLimits", "Problem", "load_brief"]

# Imported on first use (PEP 562), not with the package: importing any core module runs
# this file, and the reader opening a cached brief needs neither the loader nor yaml.
_HOME = {
    "Brief": "model",
    "BriefError": "problems",
    "LoadLimits": "loader",
    "Problem": "problems",
    "load_brief": "loader",
}


def __getattr__(name: str) -> Any:
    if name in _HOME:
        return getattr(importlib.import_module(f"peacebrief.core.{_HOME[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
