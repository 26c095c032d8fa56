"""Pausing Python's cyclic garbage collector while quotetrack builds many objects at once.

Parsing and serialising make no reference cycles (reference counting frees everything they drop;
``tests/test_gc.py`` checks this), so the collector finds nothing in what they build. Yet while
one long document is parsed or written out, its hundreds of thousands of tokens, spans and dicts
stay alive, and each full collection, triggered whenever they have grown by a quarter, scans them
all again: a fifth of the time of a 5 MB article, growing a little faster than the text
(docs/performance.md). The pause is process-wide, so callers can opt out (``pause_gc=False``).
"""

from __future__ import annotations

import contextlib
import gc
from typing import Iterator

__all__ = ["collector_paused"]


@contextlib.contextmanager
def collector_paused(pause: bool = True) -> Iterator[None]:
    """Switch the collector off for the block if ``pause`` and it is on; back on after the block,
    also when it raises. A collector that was off stays off."""
    if not pause or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
