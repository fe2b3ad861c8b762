"""Reading a file someone else may have made: regular files only, once, within a size.

Everything peacebrief reads from disk (a brief, its sources, a cache entry, a document
to draft from) comes through `read_regular`. It opens without blocking, so a named pipe
cannot make it wait for a writer that never comes; it looks at what it opened (not at
the name, which may be swapped in between) and refuses anything but a regular file, so
`/dev/zero` or a terminal is never read; and it reads at most one byte past the limit,
so a file that grows while it is read cannot exhaust memory.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
from pathlib import Path

MAX_BYTES = 128 * 1024 * 1024  # a brief, a source, a document to draft from (docs/format.md, Limits)
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)


class FileRefused(OSError):
    """The file cannot be read as asked: its message says why, in words for the user."""


def read_regular(path: str | Path, limit: int, *, what: str = "file") -> tuple[bytes, os.stat_result]:
    """The bytes of the regular file at `path` and its status, read once; at most `limit` bytes.

    Raises `FileRefused` for a folder, a pipe, a device, a socket, a symlink loop or a
    file over `limit`, and the usual `OSError` (FileNotFoundError, PermissionError...)
    otherwise; a name with a NUL in it raises ValueError, as `open` does.
    """
    try:
        descriptor = os.open(path, _FLAGS)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise FileRefused(exc.errno, f"the {what} is a loop of symbolic links", str(path)) from None
        if exc.errno == errno.ENXIO:  # a socket, or a pipe with no one at the other end
            raise FileRefused(exc.errno, f"the {what} is not a regular file", str(path)) from None
        raise
    try:
        status = os.fstat(descriptor)
        if stat.S_ISDIR(status.st_mode):
            raise FileRefused(errno.EISDIR, f"the {what} is a folder, not a file", str(path))
        if not stat.S_ISREG(status.st_mode):
            raise FileRefused(errno.EINVAL, f"the {what} is not a regular file (a pipe or a device?)", str(path))
        if status.st_size > limit:
            raise FileRefused(errno.EFBIG, f"the {what} is {status.st_size:,} bytes; the limit is {limit:,}", str(path))
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:
            chunk = os.read(descriptor, min(left, 1 << 24))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        data = chunks[0] if len(chunks) == 1 else b"".join(chunks)  # one chunk: no copy
        if len(data) > limit:  # it grew while it was read
            raise FileRefused(errno.EFBIG, f"the {what} is more than {limit:,} bytes, the limit", str(path))
        return data, os.fstat(descriptor)
    finally:
        os.close(descriptor)


def source_outside(brief_path: Path, file: Path) -> Path | None:
    """The folder a source must stay in, when `file` resolves outside it; else None.

    A source must be inside the folder that holds the brief's folder (for
    `briefs/x.yaml`, the project with its `seeds/`), symbolic links followed: a brief
    someone sent must not show, or serve, the reader's own files (`../../etc/passwd`).
    """
    try:
        root = brief_path.resolve().parent.parent
        real = file.resolve()
    except (OSError, RuntimeError, ValueError):  # a loop or an unreadable name: reading says which
        return None
    return None if real == root or root in real.parents else root


class SourceFolders:
    """`source_outside` for the many sources of one brief, each folder resolved once.

    A file that is no symbolic link (and not `..`) resolves to its folder's resolution
    and its name: one `lstat` for it, not one for each part of its path, and it is inside
    the project when its folder is. 400 sources in one folder (the 10k-event brief, read
    from the cache): 35 ms of CPU resolved whole, 2 ms this way."""

    def __init__(self, brief_path: Path) -> None:
        self.brief_path = brief_path
        self._root: Path | None = None
        self._inside: dict[Path, bool] = {}  # folder -> it is the project's folder or inside it

    def outside(self, file: Path) -> Path | None:
        try:
            if file.name in ("", "..") or os.path.islink(file):
                return source_outside(self.brief_path, file)
            if self._root is None:
                self._root = self.brief_path.resolve().parent.parent
            inside = self._inside.get(file.parent)
            if inside is None:
                folder = file.parent.resolve()
                inside = self._inside[file.parent] = folder == self._root or self._root in folder.parents
        except (OSError, RuntimeError, ValueError):  # as source_outside: reading says what is wrong
            return None
        if inside:
            return None
        return source_outside(self.brief_path, file)  # outside, unless it is the project's folder itself


# -- temporary files of atomic writes ---------------------------------------------------

# Compiled on first use (`re` keeps it): a read needs none. With yamlerrors._LINE_BREAK,
# 1.6 million instructions of `check` on the bundled brief (callgrind).
_TEMPORARY = r"\.peacebrief-(\d+)-[0-9a-f]{8}\.tmp\Z"


def temporary_name(folder: Path) -> Path:
    """A name for a temporary file in `folder` that says which process made it.

    Short and of fixed length, so that any name the folder can hold can be written through
    it (the target's own name would not fit twice in 255 bytes), and marked with the
    process id, so that what a writer killed mid-write left behind can be recognised and
    removed by the next one (`remove_leftovers`).
    """
    import secrets  # random and hmac with it: only for a write, not for every read

    return folder / f".peacebrief-{os.getpid()}-{secrets.token_hex(4)}.tmp"


def remove_leftovers(folder: Path) -> None:
    """Remove the temporary files in `folder` whose process is gone (killed mid-write)."""
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        match = re.match(_TEMPORARY, name)
        if match is None or _alive(int(match.group(1))):
            continue
        with contextlib.suppress(OSError):
            os.unlink(folder / name)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True  # another write of this process, under way in a thread
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # someone else's process, or no way to tell: leave it
    return True
