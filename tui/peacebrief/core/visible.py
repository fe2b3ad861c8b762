"""Making untrusted text safe to show: control characters become visible placeholders.

Brief and source text come from authors and the web. A raw escape (`\\x1b[2J`), a bell or
a bidirectional override would act on the reader's terminal instead of being read, so
everything we show or export passes through `visible` first.
"""

from __future__ import annotations

import re

# C0 controls (but tab and newline), DEL, C1 controls, and the Unicode bidi controls
# that reorder what follows them.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]")
_BIDI_NAMES = {
    "\u200e": "LRM", "\u200f": "RLM", "\u061c": "ALM",
    "\u202a": "LRE", "\u202b": "RLE", "\u202c": "PDF", "\u202d": "LRO", "\u202e": "RLO",
    "\u2066": "LRI", "\u2067": "RLI", "\u2068": "FSI", "\u2069": "PDI",
}


# The placeholders that look like HTML tags (`<RLO>`, `<U+009B>`): Markdown output escapes
# them, or a renderer that allows HTML would drop them as unknown tags.
PLACEHOLDER_TAG = re.compile("<(?:" + "|".join(sorted(set(_BIDI_NAMES.values()))) + "|U\\+[0-9A-F]{4})>")


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
