"""The main screen's keys, each with the id a user's keymap rebinds it by."""

from __future__ import annotations

from textual.binding import Binding, BindingType

BRIEF_KEYS: list[BindingType] = [
    Binding("1", "show_pane('timeline')", "Timeline", show=False, id="pane.timeline"),
    Binding("2", "show_pane('delegations')", "Delegations", show=False, id="pane.delegations"),
    Binding("3", "show_pane('quotes')", "Quotes", show=False, id="pane.quotes"),
    Binding("4", "show_pane('issues')", "Issues", show=False, id="pane.issues"),
    Binding("5", "show_pane('source')", "Source", show=False, id="pane.source"),
    Binding("tab", "cycle_pane(1)", "Next pane", show=False, id="pane.next", priority=True),
    Binding("shift+tab", "cycle_pane(-1)", "Previous pane", show=False, id="pane.previous", priority=True),
    Binding(
        "o",
        "link_number",
        "Link №",
        id="links.number",
        tooltip="follow a link of the selected record by its number: o, then the number (then enter, if a longer number starts with it)",
    ),
    Binding(
        "z",
        "reading",
        "Read",
        id="detail.read",
        tooltip="reading mode: the selected record and its links on the whole screen; z or esc gives it back",
    ),
    Binding(
        "escape",
        "leave_detail",
        "Pane",
        id="detail.leave",
        tooltip="from the detail panel or reading mode back to the pane",
    ),
    Binding(
        "d",
        "toggle_detail",
        "Detail",
        id="detail.toggle",
        tooltip="to the detail panel's text and back (in a narrow terminal: show or hide it)",
    ),
    Binding("backspace,alt+left", "back", "Back", id="history.back"),
    Binding("alt+right", "forward", "Forward", id="history.forward"),
    Binding("slash", "search", "Search", id="search.open"),
    Binding("f", "cycle_filter", "Filter", id="filter.cycle"),
    Binding("y", "copy", "Copy", id="record.copy"),
    Binding("n", "review(1)", "Next to review", show=False, id="review.next"),
    Binding("N", "review(-1)", "Previous to review", show=False, id="review.previous"),
    Binding("e", "export", "Export", id="export.open"),
    Binding("right_square_bracket", "cycle_round(1)", "Round", id="round.next"),
    Binding("left_square_bracket", "cycle_round(-1)", "Previous round", show=False, id="round.previous"),
    Binding("c", "changes", "Changes", id="changes.open"),
    Binding("r", "app.reload", "Reload", show=False, id="brief.reload"),
]
