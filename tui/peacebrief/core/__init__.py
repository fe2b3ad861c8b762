"""The briefing core: pure Python, no Textual.

A front end needs only `load_brief` and the model it returns::

    from peacebrief.core import load_brief
    brief = load_brief("briefs/abu-dhabi-2026-02.yaml")
    for event in brief.events: ...
"""

from peacebrief.core.loader import LoadLimits, load_brief
from peacebrief.core.model import Brief
from peacebrief.core.problems import BriefError, Problem

__all__ = ["Brief", "BriefError", "LoadLimits", "Problem", "load_brief"]
