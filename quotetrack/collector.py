"""Pausing Python's cyclic garbage collector while quotetrack builds many objects at once.

Parsing and serialising make no reference cycles (reference counting frees everything they drop;
``tests/test_gc.py`` checks this), so the collector finds nothing in what they build. Yet while
one long document is parsed or written out, its hundreds of thousands of tokens, spans and dicts
stay alive, and each full collection, triggered whenever they have grown by a quarter, scans them
all again: a fifth of the time of a 5 MB article, growing a little faster than the text
(docs/performance.md). So documents of at least `PAUSE_MIN_CHARS` characters are parsed and
written out with the collector off; ordinary articles never touch it. The switch is process-wide:
callers whose other threads must never run without the collector pass ``pause_gc=False``.
"""

from __future__ import annotations

import contextlib
import gc
from typing import Iterator

__all__ = ["PAUSE_MIN_CHARS", "collector_paused"]

#: documents shorter than this are parsed with the collector as it is: for them it costs
#: nothing measurable, and they are what most programs parse
PAUSE_MIN_CHARS = 100_000


@contextlib.contextmanager
def collector_paused(pause: bool, size: int) -> Iterator[None]:
    """Switch the collector off for the block if ``pause``, the document has at least
    `PAUSE_MIN_CHARS` characters (``size``) and the collector is on; back on after the block,
    also when it raises. A collector that was off stays off."""
    if not pause or size < PAUSE_MIN_CHARS or not gc.isenabled():
        yield
        return
    try:
        gc.disable()
        yield
    finally:
        gc.enable()
