"""Making untrusted text safe to show: control characters become visible placeholders.

Brief and source text come from authors and the web. A raw escape (`\\x1b[2J`), a bell or
a bidirectional override would act on the reader's terminal instead of being read, so
everything we show or export passes through `visible` first.
"""

from __future__ import annotations

import re

# C0 controls (but tab and newline), DEL, C1 controls, the Unicode bidi controls that
# reorder what follows them, and the characters that take no room (zero width space, word
# joiner, invisible operators, a byte-order mark inside the text, the Mongolian vowel
# separator), which can make two different names look the same. A zero width joiner is
# shown only where it does not join two emoji into one (a family, a flag): there it is
# what makes the picture.
_EMOJI = "\u2600-\u27bf\ufe0f\U0001f000-\U0001faff"
_UNSAFE_CHARS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\u200b\u2060-\u2064\ufeff\u180e"
_UNSAFE = re.compile(f"[{_UNSAFE_CHARS}]|(?<![{_EMOJI}])\u200d|\u200d(?![{_EMOJI}])")
# Each of those characters (and every zero width joiner), one at a time: for output that
# can spell any character as an escape (JSON, YAML), which then reads back the same. This
# and PLACEHOLDER_TAG are patterns compiled on first use (`re` keeps them): `check` and a
# text digest use neither, and compiling the two cost 3.1 million instructions of their
# start-up (callgrind).
ESCAPABLE = f"[{_UNSAFE_CHARS}\u200d]"


def escape_invisible(text: str) -> str:
    """JSON or YAML text (double-quoted) with each unsafe or invisible character written
    as its `\\uXXXX` escape: the same value once parsed, nothing raw for a terminal."""
    return re.sub(ESCAPABLE, lambda m: f"\\u{ord(m.group()):04x}", text)


_BIDI_NAMES = {
    "\u200e": "LRM",
    "\u200f": "RLM",
    "\u061c": "ALM",
    "\u202a": "LRE",
    "\u202b": "RLE",
    "\u202c": "PDF",
    "\u202d": "LRO",
    "\u202e": "RLO",
    "\u2066": "LRI",
    "\u2067": "RLI",
    "\u2068": "FSI",
    "\u2069": "PDI",
}


# The placeholders that look like HTML tags (`<RLO>`, `<U+009B>`): Markdown output escapes
# them, or a renderer that allows HTML would drop them as unknown tags.
PLACEHOLDER_TAG = "<(?:" + "|".join(sorted(set(_BIDI_NAMES.values()))) + "|U\\+[0-9A-F]{4})>"


def _placeholder(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␛ for ESC, ␇ for BEL
    if code == 0x7F:
        return "\u2421"  # ␡
    if char in _BIDI_NAMES:
        return f"<{_BIDI_NAMES[char]}>"
    return f"<U+{code:04X}>"


def visible(text: str, *, keep_newlines: bool = True) -> str:
    """`text` with every control character replaced by a visible stand-in."""
    text = _UNSAFE.sub(_placeholder, text.replace("\r\n", "\n"))
    if not keep_newlines:
        text = text.replace("\r\n", " ").replace("\n", " ").replace("\t", " ")
    return text


def one_line(text: str) -> str:
    """`text` made visible and folded onto one line, for lists and titles."""
    return " ".join(visible(text, keep_newlines=False).split())
