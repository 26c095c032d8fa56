"""Reading many documents and parsing them, in order, optionally in worker processes.

Inputs are streamed: a JSON Lines file is read one line at a time and at most a bounded number
of chunks is in flight in the worker pool, so memory does not grow with the input size. A
document that cannot be read or parsed becomes a `DocumentError` in the output stream, in its
place, and the others go on.
"""

from __future__ import annotations

import collections
import concurrent.futures
import itertools
import json
import os
import re
from typing import (
    IO,
    Any,
    Callable,
    Iterable,
    Iterator,
    Literal,
    Mapping,
    Optional,
    TypeVar,
    Union,
    overload,
)

import attrs

from .errors import ConfigError
from .model import ParseResult
from .parser import Parser

__all__ = [
    "Document",
    "DocumentError",
    "Line",
    "document_from_json",
    "input_format",
    "process",
    "progress_bar",
    "read_input",
    "read_inputs",
    "read_jsonl_documents",
]

#: how ``-`` is named in messages when stdin holds JSON Lines
STDIN_NAME = "<stdin>"
#: the id of the one article read from stdin when it is not JSON Lines
STDIN_ID = "-"


@attrs.frozen(kw_only=True)
class Document:
    """One input article: its id and its text."""

    id: str
    text: str


@attrs.frozen(kw_only=True)
class DocumentError:
    """An input that produced no result: ``id`` is its id, or ``FILE:LINE`` where it had none."""

    id: str
    message: str


Item = Union[Document, DocumentError]
T = TypeVar("T")


@attrs.frozen
class Line:
    """One non-blank line of a JSON Lines input, not read yet: `process` reads it (`read`) where
    it is parsed, so with worker processes the parent only splits the input into lines, and the
    JSON decoding and checks run in the workers (see `read_inputs`)."""

    raw: bytes
    source: str
    lineno: int

    def read(self) -> Item:
        """The `Document` of this line, or a `DocumentError` (named ``SOURCE:LINE`` when the
        line has no usable id), as `read_jsonl_documents` gives it."""
        return _document_from_line(self.raw, self.source, self.lineno)


# --------------------------------------------------------------------------- reading


def _decode(raw: bytes) -> str:
    text = raw.decode("utf-8")
    return text[1:] if text.startswith("\ufeff") else text


def _unicode_error(exc: UnicodeDecodeError) -> str:
    return f"expected UTF-8 text, got byte 0x{exc.object[exc.start]:02x} at offset {exc.start}"


def _document_from_line(raw: bytes, source: str, lineno: int) -> Item:
    where = f"{source}:{lineno}"
    try:
        line = _decode(raw) if lineno == 1 else raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return DocumentError(id=where, message=_unicode_error(exc))
    return document_from_json(line, where=where)


def document_from_json(data: Union[str, Mapping[str, Any]], *, where: str) -> Item:
    """A `Document` from one JSON Lines line or decoded object ``{"id", "text", ...}``, or an error.

    ``where`` says where the line came from (such as ``FILE:LINE``); it is the id of the error
    when the line has no usable id, and is named in the message when its text is not a string.
    """
    if isinstance(data, str):
        try:
            value = json.loads(data)
        except json.JSONDecodeError as exc:
            return DocumentError(
                id=where, message=f"expected a JSON object, got invalid JSON ({exc})"
            )
        except (ValueError, RecursionError) as exc:
            # valid JSON that Python will not read: an integer of more than 4,300 digits, or
            # arrays nested deeper than the recursion limit
            return DocumentError(
                id=where, message=f"expected a JSON object, got JSON Python cannot read ({exc})"
            )
    else:
        value = data
    if not isinstance(value, Mapping):
        return DocumentError(
            id=where, message=f"expected a JSON object, got {type(value).__name__}"
        )
    doc_id = value.get("id")
    if not isinstance(doc_id, str) or not doc_id:
        got = "no 'id' key" if "id" not in value else f"{type(doc_id).__name__} {doc_id!r:.40}"
        return DocumentError(id=where, message=f"expected a non-empty string 'id', got {got}")
    bad = _SURROGATE.search(doc_id)
    if bad:
        return DocumentError(id=where, message=f"expected an 'id' of {_unpaired(bad)}")
    text = value.get("text")
    if not isinstance(text, str):
        got = "no 'text' key" if "text" not in value else type(text).__name__
        return DocumentError(id=doc_id, message=f"{where}: expected a string 'text', got {got}")
    bad = _SURROGATE.search(text)
    if bad:
        return DocumentError(id=doc_id, message=f"{where}: expected a 'text' of {_unpaired(bad)}")
    return Document(id=doc_id, text=text)


# JSON can escape half of a surrogate pair ("\ud800"): such a string is not Unicode text and
# could not be written out as UTF-8, so the document is refused when it is read
_SURROGATE = re.compile("[\ud800-\udfff]")


def _unpaired(match: re.Match[str]) -> str:
    return (
        f"valid Unicode, got an unpaired surrogate \\u{ord(match.group()):04x} "
        f"at offset {match.start()}"
    )


def read_jsonl_documents(lines: Iterable[bytes], *, source: str) -> Iterator[Item]:
    """One `Document` per non-blank line ``{"id", "text", ...}`` of a binary stream, or an error.

    ``source`` names the stream in the ids of lines that have no usable id (``source:LINE``).
    """
    return (line.read() for line in _jsonl_lines(lines, source))


def _jsonl_lines(lines: Iterable[bytes], source: str) -> Iterator[Line]:
    for lineno, raw in enumerate(lines, 1):
        if raw.strip():
            yield Line(raw, source, lineno)


def _read_text_file(path: str) -> Item:
    try:
        with open(path, "rb") as fh:
            return Document(id=path, text=_decode(fh.read()))
    except UnicodeDecodeError as exc:
        return DocumentError(id=path, message=_unicode_error(exc))
    except OSError as exc:
        return DocumentError(id=path, message=f"could not be read: {exc.strerror or exc}")


def _looks_like_json_object(line: bytes) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return False


def _read_stdin(stream: IO[bytes], lines: bool) -> Iterator[Union[Item, Line]]:
    head: list[bytes] = []
    for raw in stream:  # skip to the first non-blank line, which decides the format
        head.append(raw)
        if raw.strip():
            break
    first = head[-1] if head else b""
    if first.strip() and _looks_like_json_object(first.lstrip(b"\xef\xbb\xbf")):
        yield from _jsonl_items(itertools.chain(head, stream), STDIN_NAME, lines)
        return
    data = b"".join(head) + stream.read()
    try:
        yield Document(id=STDIN_ID, text=_decode(data))
    except UnicodeDecodeError as exc:
        yield DocumentError(id=STDIN_ID, message=_unicode_error(exc))


def input_format(path: str) -> str:
    """``"jsonl"`` for ``.jsonl``/``.ndjson`` files, ``"text"`` otherwise; `ConfigError` for ``.json``."""
    ext = os.path.splitext(path)[1].lower()
    if ext in (".jsonl", ".ndjson"):
        return "jsonl"
    if ext == ".json":
        raise ConfigError(
            f"{path}: expected a .txt article or a .jsonl file (one JSON document per line), "
            "got a .json file; write one document per line and name it .jsonl"
        )
    return "text"


def _jsonl_items(
    lines: Iterable[bytes], source: str, as_lines: bool
) -> Iterator[Union[Item, Line]]:
    return _jsonl_lines(lines, source) if as_lines else read_jsonl_documents(lines, source=source)


@overload
def read_input(
    path: str, *, stdin: Optional[IO[bytes]] = None, lines: Literal[False] = False
) -> Iterator[Item]: ...
@overload
def read_input(
    path: str, *, stdin: Optional[IO[bytes]] = None, lines: bool
) -> Iterator[Union[Item, Line]]: ...
def read_input(
    path: str, *, stdin: Optional[IO[bytes]] = None, lines: bool = False
) -> Iterator[Union[Item, Line]]:
    """The documents of one input: ``-`` is stdin, ``*.jsonl`` JSON Lines, anything else one article.

    A plain-text article's id is ``path`` as given. Stdin holds JSON Lines when its first
    non-blank line is a JSON object, and otherwise one article with id ``-``. With ``lines``,
    each JSON Lines line comes as a `Line`, to be read where it is parsed (`process` does).
    """
    if path == "-":
        if stdin is None:
            raise ConfigError("reading '-' needs a stdin stream; got none")
        yield from _read_stdin(stdin, lines)
    elif input_format(path) == "jsonl":
        try:
            fh = open(path, "rb")
        except OSError as exc:
            yield DocumentError(id=path, message=f"could not be read: {exc.strerror or exc}")
            return
        with fh:
            yield from _jsonl_items(fh, path, lines)
    else:
        yield _read_text_file(path)


@overload
def read_inputs(
    paths: Iterable[str], *, stdin: Optional[IO[bytes]] = None, lines: Literal[False] = False
) -> Iterator[Item]: ...
@overload
def read_inputs(
    paths: Iterable[str], *, stdin: Optional[IO[bytes]] = None, lines: bool
) -> Iterator[Union[Item, Line]]: ...
def read_inputs(
    paths: Iterable[str], *, stdin: Optional[IO[bytes]] = None, lines: bool = False
) -> Iterator[Union[Item, Line]]:
    """The documents of every input in turn (see `read_input`)."""
    for path in paths:
        yield from read_input(path, stdin=stdin, lines=lines)


# --------------------------------------------------------------------------- parsing


def _parse_one(
    parser: Parser,
    item: Union[Item, Line],
    transform: Optional[Callable[[ParseResult], Any]] = None,
) -> Any:
    if isinstance(item, Line):
        item = item.read()
    if isinstance(item, DocumentError):
        return item
    try:
        result = parser.parse(item.text, id=item.id)
        return result if transform is None else transform(result)
    except Exception as exc:  # one bad document must not stop the others
        return DocumentError(id=item.id, message=f"{type(exc).__name__}: {exc}")


#: the worker process's parser and transform, set once by the pool's initializer
_WORKER_PARSER: list[Parser] = []
_WORKER_TRANSFORM: list[Optional[Callable[[ParseResult], Any]]] = []


def _init_worker(parser: Parser, transform: Optional[Callable[[ParseResult], Any]]) -> None:
    _WORKER_PARSER[:] = [parser]
    _WORKER_TRANSFORM[:] = [transform]


def _parse_chunk(chunk: list[Union[Item, Line]]) -> list[Any]:
    parser, transform = _WORKER_PARSER[0], _WORKER_TRANSFORM[0]
    return [_parse_one(parser, item, transform) for item in chunk]


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _positive(name: str, value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ConfigError(f"{name} must be a positive integer, got {value!r}")
    return value


def process(
    docs: Iterable[Union[Item, Line]],
    parser: Optional[Parser] = None,
    *,
    workers: int = 1,
    chunk_size: int = 16,
    max_pending: Optional[int] = None,
    transform: Optional[Callable[[ParseResult], Any]] = None,
) -> Iterator[Any]:
    """Parse every document, yielding a `ParseResult` or a `DocumentError` for each, in order.

    With ``workers`` > 1 the documents go to a process pool in chunks of ``chunk_size``, and at
    most ``max_pending`` chunks (default: twice the workers) are read ahead of the output. A
    `Line` is read where it is parsed: in a worker process, with workers.
    ``transform``, if given, is applied to each `ParseResult` where it was parsed (in the worker
    process) and its value is yielded instead: the workers then also do the work of turning
    results into output, and only that output travels back. It must pickle (a top-level
    function, or a `functools.partial` of one); if it raises, the document gives a
    `DocumentError`. Options are checked at once (`ConfigError`); the documents are read lazily.
    """
    parser = parser if parser is not None else Parser()
    workers = _positive("workers", workers)
    chunk_size = _positive("chunk_size", chunk_size)
    max_pending = _positive("max_pending", max_pending if max_pending is not None else 2 * workers)
    if transform is not None and not callable(transform):
        raise ConfigError(f"transform must be callable, got {type(transform).__name__}")
    if workers == 1:
        return (_parse_one(parser, item, transform) for item in docs)
    return _process_in_pool(docs, parser, workers, chunk_size, max_pending, transform)


def _process_in_pool(
    docs: Iterable[Union[Item, Line]],
    parser: Parser,
    workers: int,
    chunk_size: int,
    max_pending: int,
    transform: Optional[Callable[[ParseResult], Any]],
) -> Iterator[Any]:
    pending: collections.deque[concurrent.futures.Future] = collections.deque()
    pool = concurrent.futures.ProcessPoolExecutor(
        max_workers=workers, initializer=_init_worker, initargs=(parser, transform)
    )
    try:
        for chunk in _chunks(docs, chunk_size):
            pending.append(pool.submit(_parse_chunk, chunk))
            if len(pending) >= max_pending:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# --------------------------------------------------------------------------- progress


def progress_bar(items: Iterable[T], *, stream: IO[str], unit: str = "doc") -> Any:
    """``items`` wrapped in a tqdm progress bar that counts them on ``stream`` (stderr).

    Iterate over the returned bar instead of ``items``; its ``write(line, file=stream)`` prints a
    line above the bar, and ``close()`` ends it. tqdm is an optional dependency (``pip install
    'quotetrack[progress]'``): without it this raises `ImportError` saying so.
    """
    try:
        from tqdm import tqdm  # type: ignore[import-untyped]
    except ImportError:
        raise ImportError(
            "a progress bar needs tqdm, which is not installed: "
            "pip install 'quotetrack[progress]'"
        ) from None
    return tqdm(items, file=stream, unit=unit, desc="quotetrack", mininterval=0.5)
