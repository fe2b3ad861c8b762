"""The digest's formats, as the export dialog (`e`) and the browser's download offer them.

One choice for both: the formats (and, when a case is open, the changes digest in each),
what each will contain, and the file name and text the chosen one gives.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Label, RadioButton, RadioSet, Static

from peacebrief.core.export import changes_export_name, default_export_name
from peacebrief.core.model import Brief
from peacebrief.core.visible import one_line

TYPE_CHECKING = False
if TYPE_CHECKING:
    from peacebrief.core.changes import Changes
    from peacebrief.core.digest import Format

FORMATS = ("text", "markdown", "json")
CHANGES = "changes: "  # a format of the changes digest of a case, `changes: text`...


def offered(changes: Changes | None) -> tuple[str, ...]:
    """The formats to choose from: a case's changes digest first, when there is one."""
    return FORMATS if changes is None else (*(CHANGES + f for f in FORMATS), *FORMATS)


class FormatChoice(RadioSet):
    """The formats. Enter takes the one under the cursor and moves on (to the file name,
    or the Download button), so `e`, Enter, Enter exports the text digest; space only takes it."""

    BINDINGS = [Binding("enter", "choose", "Choose and go on", show=False, id="export.choose")]

    def action_choose(self) -> None:
        pressed = self.pressed_button
        self.action_toggle_button()
        if pressed is not None and not pressed.value:  # Enter on the pressed one: keep it
            pressed.value = True
        # In the same turn as the key, not by a message: a second Enter typed at once
        # must find the focus already moved.
        self.screen.focus_next()


def compose_choice(formats: tuple[str, ...], chosen: str, changes: Changes | None) -> ComposeResult:
    """The format choice, and what the changes digest covers when it is offered."""
    yield Label("Format")
    with FormatChoice(id="export-format", classes="-changes" if changes is not None else ""):
        for fmt in formats:
            label = "Δ " + fmt.removeprefix(CHANGES) if fmt.startswith(CHANGES) else fmt
            yield RadioButton(label, value=fmt == chosen, id=f"format-{fmt.replace(': ', '-')}")
    if changes is not None:
        yield Static(
            Text(
                f"Δ: what changed from round {changes.since} to round {changes.until}; "
                "the others: the digest of every round"
            ),
            id="export-changes",
        )


def compose_scope(brief: Brief, party: str | None) -> ComposeResult:
    """A line saying the party filter narrows the digest, when one is in force."""
    if party is not None:
        record = brief.get(party)
        yield Static(
            Text(f"Only what concerns {one_line(record.label) if record else party} (the party filter)."),
            id="export-scope",
        )


def file_name(brief: Brief, fmt: str, party: str | None, changes: Changes | None) -> str:
    """The name an export proposes for `fmt`, the party filter in it."""
    if fmt.startswith(CHANGES) and changes is not None:
        return changes_export_name(changes, fmt.removeprefix(CHANGES))  # type: ignore[arg-type]
    return default_export_name(brief, fmt, party=party)  # type: ignore[arg-type]


def digest_text(brief: Brief, fmt: str, party: str | None, changes: Changes | None) -> str:
    """The text `fmt` gives: the same as `peacebrief digest` (with `--changes` for a case's Δ)."""
    if fmt.startswith(CHANGES) and changes is not None:
        from peacebrief.core.changes_digest import render_changes

        return render_changes(changes, fmt=fmt.removeprefix(CHANGES))  # type: ignore[arg-type]
    from peacebrief.core.digest import render_digest

    base: Format = fmt  # type: ignore[assignment]
    return render_digest(brief, fmt=base, party=party)
