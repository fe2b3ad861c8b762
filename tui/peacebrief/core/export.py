"""Writing a digest to a file, for `peacebrief digest -o` and the reader's export dialog.

Both go through `write_atomic`, so both follow the same rules: an existing file is kept
unless the caller forces it, and the file is written whole or not at all: the text goes
to a temporary file in the same folder, which `os.replace` then renames over the target
in one step. A reader of the target sees the old file or the new one, never half of one.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from pathlib import Path

from peacebrief.core.digest import DEFAULT_WIDTH, render_digest
from peacebrief.core.files import remove_leftovers, temporary_name
from peacebrief.core.model import Brief

TYPE_CHECKING = False  # not `typing`'s: `check` and `digest` start without importing it
if TYPE_CHECKING:
    from peacebrief.core.changes import Changes
    from peacebrief.core.digest import Format

EXTENSIONS: dict[str, str] = {"text": "txt", "markdown": "md", "json": "json"}


class ExportError(Exception):
    """A digest that cannot be written; the message names the file and what to do."""


class ExportExistsError(ExportError):
    """The file exists and overwriting was not asked for (the app may offer to)."""


def default_export_name(brief: Brief, fmt: Format, today: dt.date | None = None, party: str | None = None) -> str:
    """`abu-dhabi-2026-02-digest-2026-11-28.txt`: the brief's id, the day, the format's
    extension; with a party filter, its id too (`abu-dhabi-2026-02-russia-digest-….txt`),
    so a filtered digest is never taken for the whole one."""
    day = today or dt.date.today()
    scope = f"-{party}" if party else ""
    return f"{brief.id}{scope}-digest-{day.isoformat()}.{EXTENSIONS[fmt]}"


def changes_export_name(changes: Changes, fmt: Format) -> str:
    """`tarren-valley-changes-r2-r3.txt`: the case's folder, the two rounds, the extension."""
    return f"{changes.case.folder.name}-changes-r{changes.since}-r{changes.until}.{EXTENSIONS[fmt]}"


def default_export_path(
    brief: Brief, fmt: Format, today: dt.date | None = None, folder: Path | None = None, party: str | None = None
) -> Path:
    """Where the export dialog proposes to write: `default_export_name` in the current folder."""
    return (folder if folder is not None else Path.cwd()) / default_export_name(brief, fmt, today, party)


def write_atomic(path: str | os.PathLike[str], text: str, *, force: bool = False) -> Path:
    """Write `text` (as UTF-8) to `path` in one step and return the path.

    Raises `ExportError` when the file exists and `force` is false, when its folder is
    missing or not writable, or when writing fails; no temporary file is left behind.
    Between the existence check and the rename another program could create the file;
    `force=False` protects against a person's slip, not against such a race.
    """
    target = Path(path)
    folder = target.parent
    _check_target(target, folder, force)
    data = text.encode("utf-8")
    descriptor, temporary = _create_temporary(target, folder)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())  # the bytes are on disk before the name points at them
        _keep_mode(target, temporary)
        os.replace(temporary, target)
    except BaseException as exc:  # including KeyboardInterrupt: never leave the temporary file
        _remove_quietly(temporary)
        if isinstance(exc, OSError):
            raise ExportError(f"cannot write {target}: {exc.strerror or exc}") from None
        raise
    return target


def export_digest(
    brief: Brief,
    path: str | os.PathLike[str],
    *,
    fmt: Format = "text",
    width: int = DEFAULT_WIDTH,
    force: bool = False,
    ascii: bool = False,
    party: str | None = None,
) -> Path:
    """Render the digest of `brief` and write it with `write_atomic` (the app's export)."""
    return write_atomic(path, render_digest(brief, fmt=fmt, width=width, ascii=ascii, party=party), force=force)


def _check_target(target: Path, folder: Path, force: bool) -> None:
    if target.is_dir():
        raise ExportError(f"cannot write {target}: it is a folder; name a file in it")
    if not folder.exists():
        raise ExportError(f"cannot write {target}: the folder {_shown(folder)} does not exist")
    if not folder.is_dir():
        raise ExportError(f"cannot write {target}: {_shown(folder)} is not a folder")
    if (target.exists() or target.is_symlink()) and not force:
        raise ExportExistsError(f"{target} already exists; pass --force to overwrite it")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ExportError(f"cannot write {target}: the folder {_shown(folder)} is not writable")


def _shown(folder: Path) -> str:
    return str(folder) if str(folder) not in ("", ".") else "the current folder"


def _create_temporary(target: Path, folder: Path) -> tuple[int, str]:
    """Create a temporary file beside the target, exclusively (see `files.temporary_name`),
    once what writers killed mid-write left there is gone.

    Not `tempfile.mkstemp`: it makes the file 0600, so the digest would end up private.
    Opening with 0666 lets the umask decide, as for any file the user creates.
    """
    remove_leftovers(folder)
    for _ in range(100):
        temporary = str(temporary_name(folder))
        try:
            return os.open(
                temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666
            ), temporary
        except FileExistsError:
            continue
        except PermissionError:
            raise ExportError(f"cannot write {target}: the folder {_shown(folder)} is not writable") from None
        except OSError as exc:
            raise ExportError(f"cannot write {target}: {exc.strerror or exc}") from None
    raise ExportError(f"cannot write {target}: no free temporary name in {_shown(folder)}")


def _keep_mode(target: Path, temporary: str) -> None:
    """An overwritten file keeps its permissions (a digest shared with a group stays so)."""
    try:
        mode = target.stat().st_mode & 0o7777
    except FileNotFoundError:
        return
    os.chmod(temporary, mode)


def _remove_quietly(path: str) -> None:
    with contextlib.suppress(OSError):  # cleaning up after a failure must not hide it
        os.unlink(path)
