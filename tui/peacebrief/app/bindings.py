"""Every binding of the reader by id: what a keymap may rebind, and which ids are active
at once (so that two of them never share a key)."""

from __future__ import annotations

from textual.binding import Binding


def _ids(*classes: type) -> dict[str, str]:
    found: dict[str, str] = {}
    for cls in classes:
        for base in reversed(cls.__mro__):
            for binding in base.__dict__.get("BINDINGS", ()):
                if isinstance(binding, Binding) and binding.id:
                    found[binding.id] = binding.key
    return found


def binding_scopes() -> list[dict[str, str]]:
    """Per place the focus can be: the ids (with their default keys) active there."""
    from peacebrief.app.app import BriefApp
    from peacebrief.app.screens.brief import BriefScreen
    from peacebrief.app.screens.export import ExportScreen
    from peacebrief.app.screens.help import HelpScreen
    from peacebrief.app.screens.search import SearchScreen
    from peacebrief.app.widgets.detail import DetailBody, LinkList
    from peacebrief.app.widgets.item_list import ItemList
    from peacebrief.app.widgets.matrix import Matrix
    from peacebrief.app.widgets.panes import DelegationsPane, ParagraphList, QuotesPane, SourcePane
    from peacebrief.app.widgets.record_list import RecordList

    screen = (BriefApp, BriefScreen)
    return [
        _ids(*screen, RecordList),
        _ids(*screen, DelegationsPane, RecordList),
        _ids(*screen, QuotesPane, RecordList),
        _ids(*screen, SourcePane, ParagraphList),
        _ids(*screen, Matrix),
        _ids(*screen, DetailBody),
        _ids(*screen, LinkList),
        _ids(BriefApp, SearchScreen, ItemList),
        _ids(BriefApp, HelpScreen),
        _ids(BriefApp, ExportScreen),
    ]
