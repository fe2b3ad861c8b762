"""What the reader says, and the status it exits with, when it is given no brief to open.

The convention of every command: 2 for a usage error (a file that does not exist, a
folder that holds no brief, a bad option: argparse's own status), 1 for a brief with
errors, 0 otherwise.
"""

from __future__ import annotations

from pathlib import Path

USAGE = 2
BRIEF_ERRORS = 1


def not_a_brief(path: Path) -> str | None:
    """Why `path` cannot be opened as a brief or a case (a usage error), or None."""
    if path.is_dir():
        from peacebrief.core.case import CaseError, brief_files

        try:
            brief_files(path)
        except CaseError as exc:
            return str(exc)
        return None
    if not path.exists():
        return f"{path}: no such file or folder"
    return None


def is_empty(path: Path) -> bool:
    """True when the file holds nothing but white space (an empty brief has errors)."""
    try:
        if path.is_dir() or path.stat().st_size > 4096:
            return False
        return not path.read_bytes().strip()
    except OSError:
        return False
