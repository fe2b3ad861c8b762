"""Reading a brief's or a source's bytes, with every way that can fail put in words.

One function reads a file and maps its errors (`read_bytes`); the brief and its sources
differ only in the words (`_Words`): a source's problem stands at the brief's `path:`.
"""

from __future__ import annotations

import codecs
import errno
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from peacebrief.core.fields_repr import FieldsValue
from peacebrief.core.files import FileRefused, read_regular
from peacebrief.core.loader.rules import LoadLimits
from peacebrief.core.problems import BriefError, Problem

Fail = Callable[..., BriefError]  # (message, line=None) -> the error to raise


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class _Words(FieldsValue):
    """What a failure to read one kind of file says."""

    folder: str
    not_regular: str
    not_found: str
    denied: str | None  # None: said as any other error of the system
    unreadable: str  # followed by the system's reason
    refused_prefix: str = ""  # left off the start of `FileRefused`'s own message


def _file_words(what: str) -> _Words:
    return _Words(
        folder=f"is a folder, not a {what} file",
        not_regular=f"is not a regular file (a pipe or a device?): a {what} must be a text file",
        not_found=f"no such {what} file",
        denied=f"cannot read the {what} file: permission denied",
        unreadable=f"cannot read the {what} file: ",
    )


def _source_words(file: Path) -> _Words:
    return _Words(
        folder="is a folder, not a text file",
        not_regular="is not a regular file: a source is a text file",
        not_found=f"not found (looked for {file})",
        denied=None,
        unreadable="cannot be read: ",
        refused_prefix="the source ",
    )


def read_bytes(path: Path, limit: int, what: str, words: _Words, fail: Fail) -> tuple[bytes, os.stat_result]:
    """A regular file's bytes and status, read once within `limit`, or `fail(message)` raised.

    Regular files only: a brief from someone else must not make the reader wait on a pipe
    or read a device for ever (`path: /dev/zero`, `path: /dev/stdin`).
    """
    try:
        return read_regular(path, limit, what=what)
    except FileRefused as exc:
        if exc.errno == errno.EISDIR:
            message = words.folder
        elif exc.errno in (errno.EINVAL, errno.ENXIO):
            message = words.not_regular
        else:
            message = (exc.strerror or str(exc)).removeprefix(words.refused_prefix)
    except FileNotFoundError:
        message = words.not_found
    except PermissionError as exc:
        message = words.denied or f"{words.unreadable}{exc.strerror or exc}"
    except IsADirectoryError:
        message = words.folder
    except OSError as exc:
        message = f"{words.unreadable}{exc.strerror or exc}"
    except ValueError as exc:  # a name no file can have: a NUL in it (`path: "a\0b"`)
        message = f"{words.unreadable}{exc}"
    raise fail(message) from None


def read_file(path: Path, label: str, limits: LoadLimits, *, what: str = "brief") -> tuple[bytes, os.stat_result]:
    """A regular file's bytes and status, read once within the size limit, or a BriefError."""

    def fail(message: str) -> BriefError:
        return BriefError([Problem(label, message)])

    return read_bytes(path, limits.max_bytes, what, _file_words(what), fail)


def read_brief_bytes(path: Path, label: str, limits: LoadLimits, data: bytes | None = None) -> bytes:
    """The brief's bytes, checked to be UTF-8, without a byte-order mark.

    The parser reads UTF-8 bytes itself; decoding the whole file into a str first would
    hold a second copy of it (up to four bytes a character) for the whole load.
    """
    if data is None:
        data = read_file(path, label, limits, what="brief")[0]
    elif len(data) > limits.max_bytes:
        raise BriefError([Problem(label, f"the brief is {len(data):,} bytes; the limit is {limits.max_bytes:,}")])
    decoder = codecs.getincrementaldecoder("utf-8")()
    view = memoryview(data)
    try:
        for start in range(0, len(data), 1 << 20):
            decoder.decode(view[start : start + (1 << 20)])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        decode(data, lambda message, line=None: BriefError([Problem(label, message, line, 1 if line else None)]))
    return data.removeprefix(b"\xef\xbb\xbf")


def read_source_text(file: Path, limits: LoadLimits, problem: Callable[..., Problem], sha256: str | None) -> str:
    """A source document's text, checked against the sha256 the brief records, if any."""

    def fail(message: str, line: int | None = None) -> BriefError:
        # The problem stands at the brief's `path:` line; a line of the document goes in words.
        return BriefError([problem(message if line is None else f"{message} (line {line} of the document)")])

    data, _status = read_bytes(file, limits.max_bytes, "source", _source_words(file), fail)
    if sha256 is not None:
        import hashlib  # loading OpenSSL is a few ms of start-up: only for a brief that records a hash

        actual = hashlib.sha256(data).hexdigest()
        if actual != sha256.lower():
            raise BriefError(
                [problem(f"sha256 is {actual}, not the {sha256} the brief records: the document has changed", "sha256")]
            )
    return decode(data, fail)


def decode(data: bytes, fail: Fail) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise fail(f"is not UTF-8 text (byte {exc.start}); save it as UTF-8", line) from None
    return text.removeprefix("\ufeff")
