"""The `peacebrief` command line.

`peacebrief [BRIEF]` opens the reader; `peacebrief COMMAND ...` runs a command that draws
no UI. Commands are imported only when chosen, so `check`, `digest` and `draft` never
import Textual.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from peacebrief import __version__

# name -> module under peacebrief.commands
COMMANDS = {"check": "check", "digest": "digest", "draft": "draft", "serve": "serve"}

_EPILOG = """\
commands:
  peacebrief [BRIEF | FOLDER]   open the reader on a brief or a case (default: the bundled brief)
  peacebrief --example          open the example case, three rounds of talks
  peacebrief check [BRIEF ...]  check briefs (or a case FOLDER) against the format
  peacebrief digest [BRIEF]     write a plain-text digest of a brief
  peacebrief digest FOLDER --changes  what changed since the last round of a case
  peacebrief draft DOC [DOC ...] draft a brief from new documents
  peacebrief serve [BRIEF | FOLDER]  serve the reader to a web browser

`peacebrief COMMAND --help` explains each command."""


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """argparse's formatter, sized to the terminal without `shutil`.

    argparse makes a formatter for every `add_argument` (to check `nargs`), and its own
    imports `shutil` to measure the terminal, which brings bz2, lzma and zlib: a few
    milliseconds of every command's start-up, for a width only `--help` uses.
    """

    def __init__(
        self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None
    ) -> None:
        super().__init__(prog, indent_increment, max_help_position, _columns() - 2 if width is None else width)


def _columns() -> int:
    """The terminal's width as `shutil.get_terminal_size` finds it: $COLUMNS, the terminal, or 80."""
    try:
        return int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        pass
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return 80


def _open_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="peacebrief",
        description="A terminal briefing reader: the timeline, each delegation's positions and sourced quotes.",
        epilog=_EPILOG,
        formatter_class=_HelpFormatter,
    )
    parser.add_argument(
        "brief",
        nargs="?",
        metavar="BRIEF",
        help="a brief file, or a case folder (a brief per round), to open (default: the bundled brief)",
    )
    parser.add_argument(
        "--example", action="store_true", help="open the example case: three rounds of an invented negotiation"
    )
    parser.add_argument("--version", action="version", version=f"peacebrief {__version__}")
    return parser


def _command_parser(name: str, module: object) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=f"peacebrief {name}",
        description=getattr(module, "DESCRIPTION", None),
        formatter_class=_HelpFormatter,
    )
    module.add_arguments(parser)  # type: ignore[attr-defined]
    return parser


def _mistyped_command(word: str) -> str | None:
    """`peacebrief chek`: what to say when the first word is no command and no file, but
    looks like a command; None when it may be a brief to open."""
    if word.startswith("-") or os.path.lexists(word) or os.sep in word or word.endswith((".yaml", ".yml")):
        return None
    import difflib  # only on this path: every command's start-up stays without it

    near = difflib.get_close_matches(word, COMMANDS, n=1, cutoff=0.6)
    if near:
        return (
            f"peacebrief: '{word}' is not a command, nor a file; did you mean `peacebrief {near[0]}`? "
            f"(commands: {', '.join(COMMANDS)}; peacebrief --help)"
        )
    return None


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in COMMANDS:
        name = args.pop(0)
        module = importlib.import_module(f"peacebrief.commands.{COMMANDS[name]}")
        parsed = _command_parser(name, module).parse_args(args)
        try:
            return int(module.run(parsed))
        except KeyboardInterrupt:
            return 130
        except BrokenPipeError:  # `peacebrief digest | head` is normal use
            sys.stderr.close()
            return 0
        except Exception as exc:  # a bug of ours: say so in one line, keep the trace for debugging
            if os.environ.get("PEACEBRIEF_DEBUG"):
                raise
            print(
                f"peacebrief {name}: internal error: {type(exc).__name__}: {exc} "
                "(set PEACEBRIEF_DEBUG=1 for the traceback, and please report it)",
                file=sys.stderr,
            )
            return 70
    if args and (hint := _mistyped_command(args[0])):
        print(hint, file=sys.stderr)
        return 2
    parsed = _open_parser().parse_args(args)
    from peacebrief.commands import reader

    return int(reader.run(parsed))
