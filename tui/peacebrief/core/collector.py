"""The cyclic garbage collector's policy, all of it: where peacebrief pauses, freezes or
slows Python's collector, and why.

What a brief builds (records, anchors, widgets) lives until the program ends and forms no
cycles: the collector walking it frees nothing. Each measure below is kept because the
benchmark's pty harness showed it earning at least 5% of the figure it serves (README,
"Performance"); the figures are in each docstring.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """No collection while a brief's records are built (the loader, the cache): 100,000
    small objects that all stay alive made the collector run again and again over a
    growing heap."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def off_for_a_short_command() -> None:
    """`check` and `digest` live for a moment, and what their start-up builds stays to the
    end: no cyclic collection at all."""
    gc.disable()


def skip_the_final_collections() -> None:
    """The process ends next and the system takes back its memory: the interpreter's last
    collections would walk every object of the run for nothing."""
    gc.freeze()


def keep_out_of_sight() -> None:
    """What exists now lives as long as the reader (a brief just loaded, the widgets just
    built): out of the collector's sight, a full collection, taken in the middle of some
    keystroke, no longer walks every record of a big brief."""
    gc.freeze()


def rare_full_collections() -> None:
    """Once the reader's screen is built: freeze what lives on, and make full collections
    rare. Each walks every object made since (the lists' and the compositor's caches),
    35-55 ms over a 10k-event brief, and with Python's default thresholds one fell inside
    a keystroke every few dozen keys. Young collections keep their default pace: they are
    cheap, and bigger ones would be pauses of their own."""
    gc.freeze()
    young, middle, _full = gc.get_threshold()
    gc.set_threshold(young, middle, 10_000)
