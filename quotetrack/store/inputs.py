"""Reading ingest inputs: JSON Lines documents or parse results, JSON arrays, plain articles."""

from __future__ import annotations

import json
import os
from typing import IO, Any, Iterable, Iterator, Optional, Union

from ..batch import Document, DocumentError, jsonl_lines
from ..errors import StoreError

__all__ = ["read_documents"]

Item = Union[dict, Document, DocumentError]


def _lines(fh: Iterable[bytes], source: str) -> Iterator[Item]:
    # split as `quotetrack extract` splits: a line over the size limit is an error record and
    # is never decoded whole
    for line in jsonl_lines(fh, source=source):
        if isinstance(line, DocumentError):
            yield line
            continue
        where = f"{source}:{line.lineno}"
        try:
            value = json.loads(line.raw.decode("utf-8").lstrip("\ufeff"))
        except UnicodeDecodeError as exc:
            yield DocumentError(id=where, message=f"expected UTF-8 text: {exc}")
            continue
        except (ValueError, RecursionError) as exc:
            yield DocumentError(id=where, message=f"expected a JSON object, got invalid JSON "
                                                  f"({exc})")
            continue
        if not isinstance(value, dict):
            yield DocumentError(id=where, message=f"expected a JSON object, got "
                                                  f"{type(value).__name__}")
            continue
        yield value


def read_documents(paths: Iterable[str], *, stdin: Optional[IO[bytes]] = None) -> Iterator[Item]:
    """The documents of each input in turn: ``.jsonl``/``.ndjson`` (one ``{"id", "text", ...}``
    document or one parse result per line), ``.json`` (an array of them, as ``quotetrack
    extract --format json`` writes), ``-`` (JSON Lines on stdin) or a plain-text article (its
    path is its id). A line or file that cannot be read is a `DocumentError` in its place."""
    for path in paths:
        if path == "-":
            if stdin is None:
                raise StoreError("reading '-' needs a stdin stream; got none")
            yield from _lines(stdin, "<stdin>")
            continue
        ext = os.path.splitext(path)[1].lower()
        try:
            fh = open(path, "rb")
        except OSError as exc:
            yield DocumentError(id=path, message=f"could not be read: {exc.strerror or exc}")
            continue
        with fh:
            if ext in (".jsonl", ".ndjson"):
                yield from _lines(fh, path)
            elif ext == ".json":
                yield from _json_file(fh.read(), path)
            else:
                try:
                    yield Document(id=path, text=fh.read().decode("utf-8").lstrip("\ufeff"))
                except UnicodeDecodeError as exc:
                    yield DocumentError(id=path, message=f"expected UTF-8 text: {exc}")


def _json_file(data: bytes, path: str) -> Iterator[Item]:
    try:
        value: Any = json.loads(data.decode("utf-8").lstrip("\ufeff"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        yield DocumentError(id=path, message=f"expected a JSON array of documents: {exc}")
        return
    items = value if isinstance(value, list) else [value]
    for i, item in enumerate(items):
        if isinstance(item, dict):
            yield item
        else:
            yield DocumentError(id=f"{path}[{i}]", message=f"expected a JSON object, got "
                                                          f"{type(item).__name__}")
