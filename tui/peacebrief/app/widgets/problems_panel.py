"""The panel that says a reloaded brief has errors, while the last good version stays shown."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rich.text import Text
from textual.widgets import Static

from peacebrief.core.problems import Problem
from peacebrief.core.visible import one_line

SHOWN = 8  # problems listed; the rest are counted, with the command that lists them all


class ProblemsPanel(Static):
    """The errors of the brief on disk (hidden while it loads cleanly)."""

    def show_problems(self, problems: Sequence[Problem], path: Path | str) -> None:
        errors = [p for p in problems if p.severity == "error"]
        text = Text(
            f"The brief on disk has {len(errors)} error(s); showing the last good version. "
            "Fix the file and it reloads by itself.\n",
            style="bold",
        )
        for problem in errors[:SHOWN]:
            text.append(one_line(str(problem)) + "\n")
        if len(errors) > SHOWN:
            text.append(
                f"… and {len(errors) - SHOWN} more: run `peacebrief check {one_line(str(path))}`", style="italic"
            )
        self.update(text)
        self.display = True
