"""Pausing Python's cyclic garbage collector while quotetrack builds many objects at once.

Parsing and serialising make no reference cycles (reference counting frees everything they drop;
``tests/test_gc.py`` checks this), so the collector finds nothing in what they build. Yet while
one long document is parsed or written out, its hundreds of thousands of tokens, spans and dicts
stay alive, and each full collection, triggered whenever they have grown by a quarter, scans them
all again: a fifth of the time of a 5 MB article, growing a little faster than the text
(benchmarks/HISTORY.md). So documents of at least `PAUSE_MIN_CHARS` characters are parsed and
written out with the collector off; ordinary articles never touch it. The switch is process-wide:
callers whose other threads must never run without the collector pass ``pause_gc=False``.
"""

from __future__ import annotations

import contextlib
import gc
from typing import Iterator

__all__ = ["PAUSE_MIN_CHARS", "collector_paused"]

#: documents shorter than this are parsed with the collector as it is: they are what most
#: programs parse, ten times a long news article. (It was 100,000 until the collector's share
#: of parsing one document, timed in a loop, was measured growing with its length: 10 % at
#: 10,000 characters of capitalised names, 13 % at 20,000, 15 % at 40,000, 22 % at 80,000,
#: which made that hostile input grow up to 2.5 times per doubling.)
PAUSE_MIN_CHARS = 50_000


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
