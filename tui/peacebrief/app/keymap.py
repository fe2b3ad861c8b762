"""The user's keymap: `keymap.toml` in peacebrief's config folder rebinds keys by binding id.

    # ~/.config/peacebrief/keymap.toml
    [keys]
    "pane.timeline" = "t"
    "history.back" = "backspace,b"
"""

from __future__ import annotations

import os
from pathlib import Path


_MAX_KEYMAP_BYTES = 1 << 20


def config_dir() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "peacebrief"


def keymap_path() -> Path:
    return config_dir() / "keymap.toml"


def read_keymap(path: Path | None = None) -> tuple[dict[str, str], str | None]:
    """The keymap and, if the file is unusable, why (the app says so and goes on)."""
    path = path or keymap_path()
    if not path.exists():
        return {}, None
    import tomllib  # only when there is a keymap to read

    from peacebrief.core.files import read_regular

    try:
        # A regular file of a sensible size only: a keymap that is a pipe or /dev/zero
        # must not hold up (or fill up) the reader before its first paint.
        data = tomllib.loads(read_regular(path, _MAX_KEYMAP_BYTES, what="keymap")[0].decode("utf-8"))
    except (OSError, ValueError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return {}, f"{path}: {exc.strerror if isinstance(exc, OSError) and exc.strerror else exc}"
    keys = data.get("keys", {})
    if not isinstance(keys, dict) or not all(isinstance(v, str) for v in keys.values()):
        return {}, f"{path}: [keys] must map binding ids to key strings, such as \"pane.timeline\" = \"t\""
    return {str(k): v for k, v in keys.items()}, None
