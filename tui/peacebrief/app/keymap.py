"""The user's keymap: `keymap.toml` in peacebrief's config folder rebinds keys by binding id.

    # ~/.config/peacebrief/keymap.toml
    [keys]
    "pane.timeline" = "t"
    "history.back" = "backspace,b"
"""

from __future__ import annotations

import os
from pathlib import Path


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

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return {}, f"{path}: {exc}"
    keys = data.get("keys", {})
    if not isinstance(keys, dict) or not all(isinstance(v, str) for v in keys.values()):
        return {}, f"{path}: [keys] must map binding ids to key strings, such as \"pane.timeline\" = \"t\""
    return {str(k): v for k, v in keys.items()}, None
