"""YAML's own errors, and the composer's bounds, as problems an editor can go to."""

from __future__ import annotations

import re

import yaml
from yaml.nodes import Node

from peacebrief.core.loader.rules import LoadLimits, too_deep
from peacebrief.core.problems import Problem
from peacebrief.core.yamlstream import EditorLines, StreamComposer, TooDeep, TooMany

# What YAML counts as a line break, for lines that are YAML's (and libyaml's) lines.
LINE_BREAKS = ("\r\n", "\r", "\n", "\x85", "\u2028", "\u2029")
_LINE_BREAK = "|".join(map(re.escape, LINE_BREAKS))  # compiled on first use (see files._TEMPORARY)

# What `yaml_problem` puts in words.
YAML_ERRORS = (yaml.YAMLError, RecursionError, TooDeep, TooMany)


def yaml_problem(label: str, composer: StreamComposer, exc: BaseException, limits: LoadLimits) -> Problem:
    """The problem that `exc`, one of `YAML_ERRORS`, stands for."""
    if isinstance(exc, yaml.MarkedYAMLError):  # the text is needed only to place the error
        return _syntax_problem(label, _text_of(composer), exc, limits, composer.lines)
    if isinstance(exc, yaml.reader.ReaderError):
        return _reader_problem(label, _text_of(composer), exc)
    if isinstance(exc, RecursionError):
        return Problem(label, too_deep(limits.max_depth))
    if isinstance(exc, (TooDeep, TooMany)):
        return Problem(label, str(exc), exc.mark.line + 1, exc.mark.column + 1)
    return Problem(label, f"YAML error: {exc}")


def problem_at(label: str, node: Node, message: str) -> Problem:
    return Problem(label, message, node.start_mark.line + 1, node.start_mark.column + 1)


def _text_of(composer: StreamComposer) -> str:
    text = composer.text
    return text if isinstance(text, str) else text.decode("utf-8")


def _syntax_problem(
    label: str, text: str, exc: yaml.MarkedYAMLError, limits: LoadLimits, lines: EditorLines
) -> Problem:
    """A YAML syntax error, at a place an editor can go to."""
    mark = exc.problem_mark or exc.context_mark
    if mark is None:  # pragma: no cover - both parsers mark their syntax errors
        return Problem(label, f"YAML syntax error: {exc}")
    what = " ".join(str(part) for part in (exc.context, exc.problem) if part)
    if "maximum nesting depth" in what:
        # libyaml's own bound (1,000 levels): the same limit as ours, in the same words.
        what = too_deep(limits.max_depth)
    else:
        what = f"YAML syntax error: {what}"
    line, column = mark.line + 1, mark.column + 1
    if mark.index >= len(text) and mark.line > 0 and mark.column == 0 and not text.endswith(LINE_BREAKS):
        # libyaml puts the end of a file that has no final line break at the start of a
        # line after the last one, which no editor can go to: name the end of the last line.
        line, column = mark.line, len(re.split(_LINE_BREAK, text)[-1]) + 1
    line, column = lines.place(line - 1, column - 1)  # marks of errors are YAML's own lines
    return Problem(label, what, line + 1, column + 1)


def _reader_problem(label: str, text: str, exc: yaml.reader.ReaderError) -> Problem:
    """A character YAML refuses (a control character such as NUL), with its line.

    The error's own `position` counts characters in the pure reader but bytes in libyaml,
    so find the character itself: the reader stops at its first occurrence.
    """
    if not isinstance(exc.character, int):
        return Problem(label, f"YAML error: {exc}")
    at = text.find(chr(exc.character))
    line = column = None
    if at >= 0:
        line = text.count("\n", 0, at) + 1
        column = at - (text.rfind("\n", 0, at) + 1) + 1
    return Problem(
        label, f"the file holds the control character #x{exc.character:04x}, which YAML does not allow", line, column
    )
