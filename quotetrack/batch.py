"""Reading many documents and parsing them, in order, optionally in worker processes.

Inputs are streamed: a JSON Lines file is read one line at a time and at most a bounded number
of chunks is in flight in the worker pool, so memory does not grow with the input size. A
document that cannot be read or parsed becomes a `DocumentError` in the output stream, in its
place, and the others go on.
"""

from __future__ import annotations

import io
import os
from typing import (
    IO,
    Any,
    Callable,
    Iterable,
    Iterator,
    Literal,
    Optional,
    TypeVar,
    Union,
    overload,
)

import attrs

from .config import Limits
from .errors import ConfigError
from .model import ParseResult
from .parser import Parser
from .workers import (
    WORKER_DIED,
    Document,
    DocumentError,
    Item,
    Line,
    _decode,
    _unicode_error,
    document_from_json,
)
from .workers import process as _process

__all__ = [
    "INPUT_FORMATS",
    "Document",
    "DocumentError",
    "Line",
    "document_from_json",
    "input_format",
    "jsonl_lines",
    "line_limit",
    "process",
    "progress_bar",
    "read_input",
    "read_inputs",
    "read_jsonl_documents",
    "WORKER_DIED",
]

#: how ``-`` is named in messages when stdin holds JSON Lines
STDIN_NAME = "<stdin>"
#: the id of the one article read from stdin when it is not JSON Lines
STDIN_ID = "-"
T = TypeVar("T")
#: how inputs can be read: ``auto`` decides by the file name (and, for stdin, by its first line)
INPUT_FORMATS = ("auto", "jsonl", "text")


def line_limit(limits: Optional[Limits] = None) -> int:
    """The longest JSON Lines line, in bytes, that is decoded: longer lines are refused unread.

    A document's text may have ``limits.max_input_chars`` characters; written as JSON with
    every character escaped (``\\uXXXX``) that is six bytes each, and a line longer than that
    (plus a mebibyte for the other keys) could only give a text `Parser.parse` refuses anyway.
    """
    limits = limits if limits is not None else Limits()
    return 6 * limits.max_input_chars + 2**20


@attrs.frozen
class _Oversized:
    """A line longer than the limit: only its length is known, its bytes were skipped."""

    size: int


class _Chained:
    """``readline`` from some bytes already read, then from the stream they were read from."""

    def __init__(self, head: bytes, stream: IO[bytes]):
        self.head = io.BytesIO(head)
        self.stream = stream

    def readline(self, limit: int = -1) -> bytes:
        return self.head.readline(limit) or self.stream.readline(limit)


def _bounded_lines(lines: Any, max_bytes: int) -> Iterator[Union[bytes, _Oversized]]:
    """The lines of a binary stream, each at most ``max_bytes`` long (newline not counted); a
    longer line is skipped in pieces of a mebibyte and comes as `_Oversized`, so it is never
    held in memory whole. An iterable of bytes without ``readline`` is taken line by line."""
    if not hasattr(lines, "readline"):
        for raw in lines:
            yield _Oversized(len(raw)) if len(raw.rstrip(b"\r\n")) > max_bytes else raw
        return
    while raw := lines.readline(max_bytes + 1):
        if len(raw) <= max_bytes or raw.endswith(b"\n"):
            yield raw
            continue
        size = len(raw)
        while (more := lines.readline(2**20)) and not more.endswith(b"\n"):
            size += len(more)
        yield _Oversized(size + len(more.rstrip(b"\r\n")))


def read_jsonl_documents(
    lines: Iterable[bytes], *, source: str, max_line_bytes: Optional[int] = None
) -> Iterator[Item]:
    """One `Document` per non-blank line ``{"id", "text", ...}`` of a binary stream, or an error.

    ``source`` names the stream in the ids of lines that have no usable id (``source:LINE``). A
    line longer than ``max_line_bytes`` (default: `line_limit`) is an error, and is not decoded.
    """
    for line in _jsonl_lines(lines, source, max_line_bytes):
        yield line.read() if isinstance(line, Line) else line


def jsonl_lines(
    lines: Iterable[bytes], *, source: str, max_line_bytes: Optional[int] = None
) -> Iterator[Union[Line, DocumentError]]:
    """The non-blank lines of a binary JSON Lines stream as `Line` items, not decoded; a line
    longer than ``max_line_bytes`` (default: `line_limit`) is an error record and is never
    read whole."""
    return _jsonl_lines(lines, source, max_line_bytes)


def _jsonl_lines(
    lines: Iterable[bytes], source: str, max_line_bytes: Optional[int]
) -> Iterator[Union[Line, DocumentError]]:
    limit = max_line_bytes if max_line_bytes is not None else line_limit()
    for lineno, raw in enumerate(_bounded_lines(lines, limit), 1):
        if isinstance(raw, _Oversized):
            yield DocumentError(
                id=f"{source}:{lineno}",
                message=f"expected a JSON line of at most {limit} bytes, got {raw.size} bytes "
                "(not read; split the document or raise Limits.max_input_chars)",
            )
        elif raw.strip():
            yield Line(raw, source, lineno)


def _read_text_file(path: str) -> Item:
    try:
        with open(path, "rb") as fh:
            return Document(id=path, text=_decode(fh.read()))
    except UnicodeDecodeError as exc:
        return DocumentError(id=path, message=_unicode_error(exc))
    except OSError as exc:
        return DocumentError(id=path, message=f"could not be read: {exc.strerror or exc}")


def _looks_like_json_lines(line: bytes) -> bool:
    """Whether stdin whose first non-blank line is ``line`` is JSON Lines: it starts like a JSON
    object or array (valid or not, so that a broken first line is reported, not parsed as
    prose). A line that is a JSON string or number could be prose ("Yes," or 42) and is not."""
    return line.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"[")


def _mostly_json_objects(data: bytes) -> bool:
    """Whether at least two of the non-blank lines of ``data``, and most of them, start like a
    JSON object: JSON Lines whatever its first line, as no article is written so."""
    lines = [line.lstrip() for line in data.splitlines() if line.strip()]
    objects = sum(line.startswith(b"{") for line in lines)
    return objects >= 2 and 2 * objects > len(lines)


def _read_stdin(
    stream: IO[bytes], lines: bool, fmt: str, max_line_bytes: Optional[int]
) -> Iterator[Union[Item, Line]]:
    limit = max_line_bytes if max_line_bytes is not None else line_limit()
    head: list[bytes] = []
    automatic = fmt == "auto"
    if automatic:
        while raw := stream.readline(limit + 1):  # up to the first non-blank line, which decides
            head.append(raw)
            if raw.strip():
                break
        fmt = "jsonl" if head and _looks_like_json_lines(head[-1]) else "text"
    if fmt == "jsonl":
        chained = _Chained(b"".join(head), stream)
        yield from _jsonl_items(chained, STDIN_NAME, lines, limit)  # type: ignore[arg-type]
        return
    data = b"".join(head) + stream.read()
    if automatic and not data.strip():
        return  # nothing was sent: no documents (with format="text", one empty article)
    if automatic and _mostly_json_objects(data):
        # a first line that is not JSON (a header, a stray word) before JSON Lines: the lines
        # are documents, the first an error record, rather than one article of JSON syntax
        yield from _jsonl_items(io.BytesIO(data), STDIN_NAME, lines, limit)
        return
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
    lines: Iterable[bytes], source: str, as_lines: bool, max_line_bytes: Optional[int]
) -> Iterator[Union[Item, Line]]:
    if as_lines:
        return _jsonl_lines(lines, source, max_line_bytes)
    return read_jsonl_documents(lines, source=source, max_line_bytes=max_line_bytes)


def _check_format(fmt: object) -> str:
    if fmt not in INPUT_FORMATS:
        raise ConfigError(f"input format must be one of {', '.join(INPUT_FORMATS)}; got {fmt!r}")
    return str(fmt)


@overload
def read_input(
    path: str, *, stdin: Optional[IO[bytes]] = None, lines: Literal[False] = False,
    format: str = "auto", max_line_bytes: Optional[int] = None,
) -> Iterator[Item]: ...
@overload
def read_input(
    path: str, *, stdin: Optional[IO[bytes]] = None, lines: bool,
    format: str = "auto", max_line_bytes: Optional[int] = None,
) -> Iterator[Union[Item, Line]]: ...
def read_input(
    path: str, *, stdin: Optional[IO[bytes]] = None, lines: bool = False,
    format: str = "auto", max_line_bytes: Optional[int] = None,
) -> Iterator[Union[Item, Line]]:
    """The documents of one input: ``-`` is stdin, ``*.jsonl`` JSON Lines, anything else one article.

    A plain-text article's id is ``path`` as given. With ``format="auto"`` stdin holds JSON
    Lines when its first non-blank line starts with ``{`` or ``[`` (then a broken line is an
    error in its place) or when most of its lines do, no documents when it is empty or blank,
    and otherwise one article with id ``-``; ``"jsonl"`` or ``"text"``
    says which, for stdin and files alike. With ``lines``, each JSON Lines line comes as a
    `Line`, to be read where it is parsed (`process` does). A line longer than
    ``max_line_bytes`` (default: `line_limit`) is an error record and is never decoded.
    """
    fmt = _check_format(format)
    if path == "-":
        if stdin is None:
            raise ConfigError("reading '-' needs a stdin stream; got none")
        yield from _read_stdin(stdin, lines, fmt, max_line_bytes)
        return
    if fmt == "auto":
        fmt = input_format(path)
    if fmt == "jsonl":
        try:
            fh = open(path, "rb")
        except OSError as exc:
            yield DocumentError(id=path, message=f"could not be read: {exc.strerror or exc}")
            return
        with fh:
            yield from _jsonl_items(fh, path, lines, max_line_bytes)
    else:
        yield _read_text_file(path)


@overload
def read_inputs(
    paths: Iterable[str], *, stdin: Optional[IO[bytes]] = None, lines: Literal[False] = False,
    format: str = "auto", max_line_bytes: Optional[int] = None,
) -> Iterator[Item]: ...
@overload
def read_inputs(
    paths: Iterable[str], *, stdin: Optional[IO[bytes]] = None, lines: bool,
    format: str = "auto", max_line_bytes: Optional[int] = None,
) -> Iterator[Union[Item, Line]]: ...
def read_inputs(
    paths: Iterable[str], *, stdin: Optional[IO[bytes]] = None, lines: bool = False,
    format: str = "auto", max_line_bytes: Optional[int] = None,
) -> Iterator[Union[Item, Line]]:
    """The documents of every input in turn (see `read_input`)."""
    _check_format(format)
    for path in paths:
        yield from read_input(path, stdin=stdin, lines=lines, format=format,
                              max_line_bytes=max_line_bytes)


# --------------------------------------------------------------------------- parsing


def process(
    docs: Iterable[Union[Item, Line]],
    parser: Optional[Parser] = None,
    *,
    workers: int = 1,
    chunk_size: int = 16,
    max_pending: Optional[int] = None,
    transform: Optional[Callable[[ParseResult], Any]] = None,
    max_restarts: int = 3,
    on_restart: Optional[Callable[[str], None]] = None,
    html: str = "keep",
) -> Iterator[Any]:
    """Parse every document, yielding a `ParseResult` or a `DocumentError` for each, in order.

    ``parser`` defaults to ``Parser()``; everything else is `quotetrack.workers.process`: with
    ``workers`` > 1 the documents go to a process pool in chunks of ``chunk_size`` with at most
    ``max_pending`` chunks (default: twice the workers) read ahead; a `Line` is read where it is
    parsed; ``transform`` is applied to each result where it was parsed; a worker that dies is
    replaced (at most ``max_restarts`` times, each reported to ``on_restart``) and every
    document still comes out exactly once; ``html`` says what to do with a document that looks
    like HTML (keep, extract or refuse). Options are checked at once (`ConfigError`).
    """
    return _process(docs, parser if parser is not None else Parser(), workers=workers,
                    chunk_size=chunk_size, max_pending=max_pending, transform=transform,
                    max_restarts=max_restarts, on_restart=on_restart, html=html)


# --------------------------------------------------------------------------- progress


def progress_bar(
    items: Optional[Iterable[T]], *, stream: IO[str], unit: str = "doc",
    total: Optional[int] = None,
) -> Any:
    """``items`` wrapped in a tqdm progress bar that counts them on ``stream`` (stderr).

    Iterate over the returned bar instead of ``items``; its ``write(line, file=stream)`` prints a
    line above the bar, and ``close()`` ends it. With ``items`` None the bar is moved on by hand
    (``update(n)``); a ``total`` gives it a share done and the time left (with ``unit="B"``
    it counts bytes, in kB and MB). tqdm is an optional dependency (``pip install
    'quotetrack[progress]'``): without it this raises `ImportError` saying so.
    """
    try:
        from tqdm import tqdm  # type: ignore[import-untyped]
    except ImportError:
        raise ImportError(
            "a progress bar needs tqdm, which is not installed: "
            "pip install 'quotetrack[progress]'"
        ) from None
    return tqdm(items, file=stream, unit=unit, desc="quotetrack", mininterval=0.5, total=total,
                unit_scale=unit == "B", unit_divisor=1000)
