"""Span checks shared by the test modules: every Span in a result must slice its text."""

from __future__ import annotations

import attrs

from quotetrack import Span

__all__ = ["iter_spans", "assert_spans_valid"]


def iter_spans(obj, _seen=None):
    """Every `Span` reachable from ``obj`` through attrs fields, tuples, lists and dicts."""
    if _seen is None:
        _seen = set()
    if isinstance(obj, Span):
        yield obj
    elif attrs.has(type(obj)):
        if id(obj) in _seen:
            return
        _seen.add(id(obj))
        for field in attrs.fields(type(obj)):
            yield from iter_spans(getattr(obj, field.name), _seen)
    elif isinstance(obj, (tuple, list, set, frozenset)):
        for item in obj:
            yield from iter_spans(item, _seen)
    elif isinstance(obj, dict):
        for item in obj.values():
            yield from iter_spans(item, _seen)


def assert_spans_valid(text: str, result) -> int:
    """Every span reachable from ``result`` slices ``text`` to its own text; returns the count."""
    n = 0
    for span in iter_spans(result):
        assert 0 <= span.start <= span.end <= len(text), span
        assert text[span.start:span.end] == span.text, span
        n += 1
    return n
