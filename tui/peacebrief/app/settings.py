"""What the reader remembers between runs (the theme), in `settings.toml` beside `keymap.toml`.

Read like the keymap (a small regular file, or nothing); written atomically, and only
when a setting changes."""

from __future__ import annotations

import json
from pathlib import Path

from peacebrief.app.keymap import config_dir, read_config_text


def settings_path() -> Path:
    return config_dir() / "settings.toml"


def read_settings(path: Path | None = None) -> tuple[dict[str, str], str | None]:
    """The settings, and why the file could not be used (None: it could, or there is none)."""
    path = path or settings_path()
    try:
        text = read_config_text(path)
    except ValueError as exc:
        return {}, f"{path} {exc}"
    if text is None:
        return {}, None
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return {}, f"{path}: {exc}"
    return {k: v for k, v in data.items() if isinstance(v, str)}, None


def write_settings(settings: dict[str, str], path: Path | None = None) -> None:
    """Write the settings atomically (a reader killed meanwhile leaves the old file whole)."""
    from peacebrief.core.export import write_atomic

    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = ["# Written by peacebrief; the reader keeps its theme here.\n"]
    lines += [f"{key} = {json.dumps(value, ensure_ascii=False)}\n" for key, value in sorted(settings.items())]
    write_atomic(path, "".join(lines), force=True)
