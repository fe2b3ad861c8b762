"""A source record: its fields, and the document it names, read and indexed for anchors."""

from __future__ import annotations

import re
from pathlib import Path

from peacebrief.core.anchors import DocumentIndex, read_document
from peacebrief.core.files import source_outside
from peacebrief.core.loader.fields import Fields
from peacebrief.core.loader.reading import read_source_text
from peacebrief.core.model import Source
from peacebrief.core.problems import BriefError, Problem

_SHA256 = re.compile(r"[0-9a-fA-F]{64}")


def source(f: Fields) -> Source | None:
    common = f.common()
    title = f.text("title", required=True)
    path_text = f.text("path", required=True)
    published = f.date("published", required=True)
    publisher, url, sha256 = f.text("publisher", shared=True), f.text("url"), f.text("sha256")
    if sha256 is not None and not _SHA256.fullmatch(sha256):
        f.error("sha256", "sha256 must be 64 hexadecimal digits (run `sha256sum` on the file)")
        sha256 = None
    if f.record is None or path_text is None:
        return None
    file = f.state.path.parent / path_text
    if not _index_document(f, file, path_text, sha256) or title is None or published is None:
        return None
    return Source(
        **common,
        title=title,
        path=path_text,
        published=published,
        document=f.state.indexes[f.record].document,
        file=file,
        publisher=publisher,
        url=url,
        sha256=sha256.lower() if sha256 else None,
    )


def _index_document(f: Fields, file: Path, path_text: str, sha256: str | None) -> bool:
    """Read the source's document and index it for anchors; False when it cannot be (said why)."""
    state = f.state
    assert f.record is not None

    def problem(message: str, key: str = "path") -> Problem:
        # A changed document is reported at `sha256:`, the line an author must fix.
        node = f.node_of(key) or f.node_of("path") or f.node
        mark = node.start_mark
        return Problem(state.label, f"source file {path_text}: {message}", mark.line + 1, mark.column + 1, f.record)

    outside = source_outside(state.path, file)
    if outside is not None:
        state.problems.append(
            problem(
                f"is outside {outside}, the folder that holds the brief's folder; "
                "a source must be inside it (symbolic links followed)"
            )
        )
        return False
    try:
        text = read_source_text(file, state.limits, problem, sha256)
    except BriefError as exc:
        state.problems.extend(exc.problems)
        return False
    try:  # only the dateline: a ValueError from reading the file is not about it
        document = read_document(text)
    except ValueError as exc:
        state.problems.append(problem(f"its dateline is not a valid date ({exc})"))
        return False
    state.indexes[f.record] = DocumentIndex(document)
    return True
