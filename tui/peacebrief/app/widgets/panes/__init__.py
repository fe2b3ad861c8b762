"""The five panes. Each shows one view of the brief and reports what its cursor is on.

Each pane is in a module of its own, on the shared base in `pane.py`; panes never
import each other (the screen routes between them).
"""

from peacebrief.app.widgets.panes.delegations import DelegationsPane
from peacebrief.app.widgets.panes.issues import IssuesPane
from peacebrief.app.widgets.panes.list_pane import ListPane
from peacebrief.app.widgets.panes.pane import Pane, Stage
from peacebrief.app.widgets.panes.quotes import QuotesPane
from peacebrief.app.widgets.panes.source import ParagraphList, SourcePane
from peacebrief.app.widgets.panes.timeline import TimelinePane

PANES: tuple[type[Pane], ...] = (TimelinePane, DelegationsPane, QuotesPane, IssuesPane, SourcePane)

__all__ = [
    "PANES",
    "DelegationsPane",
    "IssuesPane",
    "ListPane",
    "ParagraphList",
    "Pane",
    "QuotesPane",
    "SourcePane",
    "Stage",
    "TimelinePane",
]
