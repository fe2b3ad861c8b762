"""The changes digest of a case: what changed from one round to a later one.

    from peacebrief.core.changes_digest import render_changes
    text = render_changes(compare(case, since=2), fmt="markdown")

Text for an e-mail, Markdown, or JSON; pure functions of the changes, so the same case
gives the same bytes. `peacebrief digest FOLDER --changes` and the reader's export both
call it. Citations name the round and the source's number in that round's brief:
`R3 [1 ¶2]` is round 3, its first source, paragraph 2.
"""

from __future__ import annotations

from peacebrief.core.changes import Changes

FORMATS = ("text", "markdown", "json")

TYPE_CHECKING = False  # not `typing`'s: `check` and `digest` start without importing it
if TYPE_CHECKING:
    from typing import Literal

    Format = Literal["text", "markdown", "json"]


def render_changes(changes: Changes, *, fmt: Format = "text", width: int = 72, ascii: bool = False) -> str:
    """The changes digest as one string ending in a newline; `width` shapes the text format only."""
    if fmt == "json":
        from peacebrief.core.changes_digest.as_json import render_json

        return render_json(changes, ascii=ascii)
    if fmt == "markdown":
        from peacebrief.core.changes_digest.markdown import render_markdown

        return render_markdown(changes, ascii=ascii)
    if fmt != "text":
        raise ValueError(f"unknown format '{fmt}'; choose one of: {', '.join(FORMATS)}")
    from peacebrief.core.changes_digest.text import render_text

    return render_text(changes, width=width, ascii=ascii)


__all__ = ["FORMATS", "render_changes"]
