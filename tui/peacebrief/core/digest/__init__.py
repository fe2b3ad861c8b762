"""Digests of a brief: plain text for e-mail, Markdown, and JSON for other tools.

    from peacebrief.core.digest import render_digest
    text = render_digest(brief, fmt="text", width=72, party="russia", since="2026-02")

Pure functions of the brief and the options: the same brief gives the same bytes. The
command `peacebrief digest` and the reader's export dialog both call `render_digest`,
then `peacebrief.core.export.write_atomic` to write a file.
"""

from __future__ import annotations

from peacebrief.core.digest.view import DigestError, DigestView, build_view

TYPE_CHECKING = False  # not `typing`'s: `check` and `digest` start without importing it
if TYPE_CHECKING:
    import datetime as dt
    from typing import Literal

    from peacebrief.core.dates import BriefDate
    from peacebrief.core.model import Brief

    Format = Literal["text", "markdown", "json"]
    DateBound = str | dt.date | BriefDate | None

FORMATS: tuple[Format, ...] = ("text", "markdown", "json")
MIN_WIDTH = 40
DEFAULT_WIDTH = 72

__all__ = [
    "DEFAULT_WIDTH",
    "FORMATS",
    "MIN_WIDTH",
    "DigestError",
    "DigestView",
    "Format",
    "build_view",
    "render_digest",
]


def render_digest(
    brief: Brief,
    *,
    fmt: Format = "text",
    width: int = DEFAULT_WIDTH,
    party: str | None = None,
    since: DateBound = None,
    until: DateBound = None,
    ascii: bool = False,
) -> str:
    """The digest of `brief` as one string ending in a newline.

    `width` (at least 40 cells) shapes the text format only; Markdown and JSON are not
    wrapped. `party` is a party id; `since`/`until` are dates such as "2026", "2026-02"
    or "2026-02-04" (see `build_view` for what each keeps). `ascii` folds typographic
    punctuation to ASCII in text and Markdown, and escapes non-ASCII characters in JSON,
    whose strings must stay exactly as the source prints them.
    Raises `DigestError` for an unknown format or party, a bad date, or a narrow width.
    """
    if fmt not in FORMATS:
        raise DigestError(f"unknown format '{fmt}'; choose one of: {', '.join(FORMATS)}")
    if width < MIN_WIDTH:
        raise DigestError(f"the width must be at least {MIN_WIDTH} columns, not {width}")
    view = build_view(brief, party=party, since=since, until=until)
    if fmt == "json":
        from peacebrief.core.digest.as_json import render_json

        return render_json(view, ascii=ascii)
    if fmt == "markdown":
        from peacebrief.core.digest.markdown import render_markdown_digest

        return render_markdown_digest(view, ascii=ascii)
    from peacebrief.core.digest.text import render_text

    return render_text(view, width=width, ascii=ascii)
