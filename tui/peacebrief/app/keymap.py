"""The user's keymap: `keymap.toml` in peacebrief's config folder rebinds keys by binding id.

    # ~/.config/peacebrief/keymap.toml
    [keys]
    "pane.timeline" = "t"
    "history.back" = "backspace,b"

Whatever in the file cannot be used (an unknown id, a key that is no key, a key given
to two ids) is left out, and said once, by file, line and id; the rest applies.
"""

from __future__ import annotations

import errno
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from peacebrief.core.files import FileRefused, read_regular

MAX_KEYMAP_BYTES = 64 * 1024  # a keymap is a few lines; anything bigger is not one
MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})
QUIT_ID = "app.quit"

# Keys as a person types them, for the help, the top line and the footer's neighbours.
_SHOWN = {
    "question_mark": "?",
    "slash": "/",
    "backslash": "\\",
    "escape": "esc",
    "pageup": "pgup",
    "pagedown": "pgdn",
    "left": "←",
    "right": "→",
    "up": "↑",
    "down": "↓",
    "space": "space",
    "full_stop": ".",
    "comma": ",",
    "colon": ":",
    "semicolon": ";",
    "minus": "-",
    "plus": "+",
    "equals_sign": "=",
    "underscore": "_",
    "number_sign": "#",
    "exclamation_mark": "!",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "apostrophe": "'",
    "quotation_mark": '"',
    "less_than_sign": "<",
    "greater_than_sign": ">",
    "asterisk": "*",
    "at": "@",
    "ampersand": "&",
}


def config_dir() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "peacebrief"


def keymap_path() -> Path:
    return config_dir() / "keymap.toml"


def key_label(key: str) -> str:
    """A key as a person types it: `?` for question_mark, `/` for slash, `ctrl+p` as is."""
    *mods, base = key.strip().split("+") if key.strip() != "+" else ["+"]
    return "+".join([*mods, _SHOWN.get(base, base)])


def keys_label(keys: str) -> str:
    """A binding's comma-separated keys, each as typed."""
    return ", ".join(key_label(k) for k in keys.split(",") if k.strip())


def _named_keys() -> frozenset[str]:
    from textual.keys import Keys  # the key names Textual knows (escape, f1, pageup, ...)

    return frozenset(k.value.rsplit("+", 1)[-1] for k in Keys if not k.value.startswith("<"))


def key_problem(key: str) -> str | None:
    """Why `key` is no key Textual can bind (None: it is one)."""
    key = key.strip()
    if not key:
        return "an empty key"
    *mods, base = key.split("+")
    if not base:
        return f"{key!r} names no key after {'+'.join(mods)}+"
    unknown = [m for m in mods if m not in MODIFIERS]
    if unknown:
        return f"{key!r}: {unknown[0]!r} is not a modifier (ctrl, shift, alt, meta, super)"
    if len(base) == 1 or base in _named_keys():
        return None
    try:
        unicodedata.lookup(base.replace("_", " "))
    except KeyError:
        if base not in ("slash", "backslash", "at", "minus", "plus", "underscore"):
            return f"{key!r} is not a key (a character such as t or ?, or a name such as f2, pageup, ctrl+b)"
    return None


@dataclass
class Keymap:
    """What the file rebinds, and what it could not (each said by file, line and id)."""

    keys: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def _lines_of_ids(text: str) -> dict[str, int]:
    """The line each binding id is set on (tomllib gives no positions)."""
    lines: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        match = re.match(r"""\s*(?:"([^"]*)"|'([^']*)'|([A-Za-z0-9_.\-]+))\s*=""", line)
        if match:
            lines.setdefault(next(g for g in match.groups() if g is not None), number)
    return lines


def read_config_text(path: Path) -> str | None:
    """The file's text, or None if there is none; ValueError says why it cannot be read.

    Only a regular file of a small size is read, in one bounded read of what was opened
    (a FIFO would block for ever, /dev/zero never end, and a file checked by name and
    then opened may not be the one checked)."""
    limit = f"over the {MAX_KEYMAP_BYTES // 1024} KiB a keymap may be; not read"
    try:
        data, _status = read_regular(path, MAX_KEYMAP_BYTES)
    except FileNotFoundError:
        return None
    except FileRefused as exc:
        if exc.errno == errno.EFBIG:
            raise ValueError(f"is {limit}") from None
        if exc.errno == errno.EISDIR:
            raise ValueError("is a folder, not a file; not read") from None
        if exc.errno == errno.ELOOP:
            raise ValueError("is a loop of symbolic links; not read") from None
        raise ValueError("is not a regular file; not read") from None
    except (OSError, ValueError) as exc:
        raise ValueError(f"cannot be read ({getattr(exc, 'strerror', None) or exc})") from None
    try:
        return data.decode("utf-8-sig")  # a byte-order mark is fine
    except UnicodeDecodeError as exc:
        raise ValueError(f"is not UTF-8 (byte {exc.start + 1})") from None


def read_keymap(path: Path | None = None, scopes: Callable[[], list[dict[str, str]]] | None = None) -> Keymap:
    """The usable part of the user's keymap.

    `scopes()` gives, per place the focus can be, the binding ids active there with their
    default keys: an id in none is unknown, and two ids of one scope must not share a
    key. It is called only when there is a keymap to check (it imports every screen).
    Without it, any id goes."""
    path = path or keymap_path()
    result = Keymap()
    try:
        text = read_config_text(path)
    except ValueError as exc:
        result.problems.append(f"{path} {exc}")
        return result
    if text is None:
        return result
    import tomllib  # only when there is a keymap to read

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        result.problems.append(f"{path}: {exc}; no key rebound")
        return result
    table = data.get("keys", {})
    if not isinstance(table, dict):
        result.problems.append(f'{path}: [keys] must map binding ids to keys, such as "pane.timeline" = "t"')
        return result
    lines = _lines_of_ids(text)
    groups = scopes() if scopes is not None else None
    known = {k: v for scope in groups for k, v in scope.items()} if groups is not None else None

    def where(binding_id: str) -> str:
        line = lines.get(binding_id)
        return f"{path}:{line}" if line else str(path)

    for binding_id, value in table.items():
        problem = _binding_problem(binding_id, value, known)
        if problem is not None:
            result.problems.append(f"{where(binding_id)}: {problem}; left out")
        else:
            result.keys[binding_id] = ",".join(k.strip() for k in value.split(","))
    if known is not None and groups is not None:
        _check_clashes(result, known, groups, where)
    return result


def _binding_problem(binding_id: str, value: object, known: Mapping[str, str] | None) -> str | None:
    """What makes one line of the keymap unusable, if anything (`known`: the ids there are)."""
    if known is not None and binding_id not in known:
        return f"{binding_id!r} is no binding id (the help lists them)"
    if not isinstance(value, str):
        return f'{binding_id!r} must be a string of keys, such as "t" or "b,backspace"'
    keys = [k.strip() for k in value.split(",")]
    bad = next((p for p in map(key_problem, keys) if p), None)
    if bad:
        return f"{binding_id!r}: {bad}"
    if "ctrl+c" in keys:
        return f"{binding_id!r}: ctrl+c is the terminal's interrupt and copy key"
    return None


def _check_clashes(result: Keymap, known: Mapping[str, str], groups: Iterable[Iterable[str]], where) -> None:  # type: ignore[no-untyped-def]
    """Two ids on one key in a group: the rebinding is left out, and said."""

    def keys_of(binding_id: str) -> list[str]:
        return [k.strip() for k in result.keys.get(binding_id, known.get(binding_id, "")).split(",") if k.strip()]

    for group in groups:
        ids = list(group)
        owner: dict[str, str] = {}
        for binding_id in sorted(ids, key=lambda i: i in result.keys):  # the defaults claim first
            for key in keys_of(binding_id):
                other = owner.setdefault(key, binding_id)
                if other != binding_id and binding_id in result.keys:
                    result.problems.append(
                        f"{where(binding_id)}: {binding_id!r} takes {key_label(key)}, which {other!r} has; left out"
                    )
                    del result.keys[binding_id]
                    break
    if QUIT_ID in result.keys and not keys_of(QUIT_ID):
        del result.keys[QUIT_ID]
        result.problems.append(f"{where(QUIT_ID)}: {QUIT_ID!r} would leave no key to quit; q kept")
