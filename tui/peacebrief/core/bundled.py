"""Where the briefs that ship with peacebrief live, in a checkout or an installed wheel."""

from __future__ import annotations

from pathlib import Path

DEFAULT_BRIEF = "abu-dhabi-2026-02.yaml"
EXAMPLE_CASE = "tarren-valley"

_PACKAGE = Path(__file__).resolve().parent.parent


def briefs_dir() -> Path:
    """The bundled briefs folder: inside the installed package, else the checkout's `briefs/`."""
    installed = _PACKAGE / "bundled" / "briefs"
    if installed.is_dir():
        return installed
    return _PACKAGE.parent.parent / "briefs"


def bundled_briefs() -> list[Path]:
    folder = briefs_dir()
    return sorted(folder.glob("*.yaml")) if folder.is_dir() else []


def default_brief() -> Path:
    return briefs_dir() / DEFAULT_BRIEF


def example_case() -> Path:
    """The made-up example case (three rounds of an invented negotiation)."""
    installed = _PACKAGE / "bundled" / "cases" / EXAMPLE_CASE
    if installed.is_dir():
        return installed
    return _PACKAGE.parent.parent / "cases" / EXAMPLE_CASE
