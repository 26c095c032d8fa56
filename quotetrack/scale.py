"""Parse batches of documents on any engine: one plain function per batch, errors as records.

`parse_batch` takes a batch of documents and returns one output record per document, in order:
the line that ``quotetrack extract`` writes (``{"id", "quotes"}``), or ``{"id", "error"}`` for a
document that could not be read or parsed, so one bad document never stops the others. It is a
plain top-level function: it pickles by reference and runs unchanged as a Dask
``map_partitions`` function (see `quotetrack.dask`), a PySpark ``mapPartitions`` function or a
`multiprocessing` task. Options travel with it through `functools.partial`, since a `Parser`
pickles too::

    from functools import partial
    work = partial(parse_batch, parser=Parser(claims=True))

This module needs nothing beyond quotetrack itself.
"""

from __future__ import annotations

import json
import re
from typing import Any, Iterable, Iterator, Mapping, Optional, Union

from .batch import Document, DocumentError, Item, document_from_json
from .errors import QuotetrackError
from .model import ParseResult
from .parser import Parser
from .serialize import document_output, result_to_dict

__all__ = ["error_record", "output_line", "output_record", "parse_batch"]

#: what a batch may hold: ``{"id", "text"}`` mappings, or JSON Lines lines as str or bytes
Input = Union[Mapping[str, Any], str, bytes, bytearray]


def _items(docs: Iterable[Input], source: str) -> Iterator[Item]:
    for position, doc in enumerate(docs, 1):
        where = f"{source}:{position}"
        if isinstance(doc, Mapping):
            yield document_from_json(doc, where=where)
            continue
        if isinstance(doc, (bytes, bytearray)):
            try:
                doc = bytes(doc).decode("utf-8")
            except UnicodeDecodeError as exc:
                byte = exc.object[exc.start]
                yield DocumentError(
                    id=where,
                    message=f"expected UTF-8 text, got byte 0x{byte:02x} at offset {exc.start}",
                )
                continue
        if isinstance(doc, str):
            if doc.strip():  # blank lines are skipped, as in a JSON Lines file
                yield document_from_json(doc.removeprefix("\ufeff"), where=where)
            continue
        yield DocumentError(
            id=where,
            message=f"expected a {{'id', 'text'}} mapping or a JSON line, got {type(doc).__name__}",
        )


def _parse(parser: Parser, item: Item) -> Union[ParseResult, DocumentError]:
    if isinstance(item, Document):
        try:
            return parser.parse(item.text, id=item.id, meta=item.meta)
        except Exception as exc:  # one bad document must not stop the others
            return DocumentError(id=item.id, message=f"{type(exc).__name__}: {exc}",
                                 meta=item.meta)
    return item


def error_record(error: DocumentError) -> dict[str, Any]:
    """``{"id", "error"}``: the record of a document that failed, as ``extract`` writes it,
    with the document's ``meta`` between them when it has any."""
    if error.meta:
        return {"id": error.id, "meta": error.meta, "error": error.message}
    return {"id": error.id, "error": error.message}


def output_record(
    item: Union[ParseResult, DocumentError], *, full: bool = False, pause_gc: bool = True
) -> dict[str, Any]:
    """The output record of one parsed document or failure.

    ``{"id", "quotes"}`` (`quotetrack.serialize.document_output`) for a result, or with
    ``full`` everything (`quotetrack.serialize.result_to_dict`); ``{"id", "error"}`` for a
    failure, including a result that cannot be serialised. ``pause_gc``: as in `Parser`.
    """
    if isinstance(item, DocumentError):
        return error_record(item)
    try:
        return (result_to_dict(item, pause_gc=pause_gc) if full
                else document_output(item, pause_gc=pause_gc))
    except QuotetrackError as exc:
        return error_record(DocumentError(id=str(item.id), message=f"{type(exc).__name__}: {exc}",
                                          meta=item.meta))


#: half of a surrogate pair on its own, which UTF-8 cannot hold
_SURROGATE = re.compile("[\ud800-\udfff]")


def output_line(record: Mapping[str, Any]) -> str:
    """One record as the JSON line ``quotetrack extract`` writes (no newline): non-ASCII
    characters as they are, unless the record holds an unpaired surrogate (in ``meta``, say),
    which only an ASCII escape can write as valid UTF-8."""
    line = json.dumps(record, ensure_ascii=False)
    return json.dumps(record) if _SURROGATE.search(line) else line


def parse_batch(
    docs: Iterable[Input],
    parser: Optional[Parser] = None,
    *,
    source: str = "batch",
    full: bool = False,
) -> list[dict[str, Any]]:
    """Parse a batch of documents; one output record per document, in order.

    ``docs`` is any iterable (a list, a Dask partition, a PySpark partition iterator) of
    ``{"id", "text", ...}`` mappings or JSON Lines lines (str or bytes; blank lines are skipped).
    Each document gives ``{"id", "quotes"}`` (with ``full``: the whole result, as
    `quotetrack.serialize.result_to_dict`), or ``{"id", "error"}`` when it could not be read or
    parsed; the others go on. An item without a usable id is named ``SOURCE:POSITION``, its
    1-based position in the batch. ``parser`` defaults to ``Parser()``.
    """
    parser = parser if parser is not None else Parser()
    return [output_record(_parse(parser, item), full=full, pause_gc=parser.pause_gc)
            for item in _items(docs, source)]
