"""Reading many documents and parsing them, in order, optionally in worker processes.

Inputs are streamed: a JSON Lines file is read one line at a time and at most a bounded number
of chunks is in flight in the worker pool, so memory does not grow with the input size. A
document that cannot be read or parsed becomes a `DocumentError` in the output stream, in its
place, and the others go on.
"""

from __future__ import annotations

import collections
import concurrent.futures
import io
import itertools
import json
import os
import re
import signal
import threading
import time
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

from .config import Limits
from .errors import ConfigError
from .model import ParseResult
from .parser import Parser

__all__ = [
    "INPUT_FORMATS",
    "Document",
    "DocumentError",
    "Line",
    "document_from_json",
    "input_format",
    "line_limit",
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
#: how inputs can be read: ``auto`` decides by the file name (and, for stdin, by its first line)
INPUT_FORMATS = ("auto", "jsonl", "text")


@attrs.frozen(kw_only=True)
class Document:
    """One input article: its id, its text and its other fields (``meta``: url, date...)."""

    id: str
    text: str
    meta: dict[str, Any] = attrs.field(factory=dict, hash=False, converter=dict)


@attrs.frozen(kw_only=True)
class DocumentError:
    """An input that produced no result: ``id`` is its id, or ``FILE:LINE`` where it had none.

    ``aborted`` is true when the document was never parsed because the run was given up (the
    worker processes kept dying, see `process`), rather than because of the document itself.
    """

    id: str
    message: str
    aborted: bool = False
    #: the document's other fields, when it could be read (written in its error record)
    meta: dict[str, Any] = attrs.field(factory=dict, hash=False, converter=dict)


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

    Every key other than ``id`` and ``text`` is kept, as it came, in the document's ``meta``.

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
    meta = {k: v for k, v in value.items() if k not in ("id", "text")}
    if not isinstance(text, str):
        got = "no 'text' key" if "text" not in value else type(text).__name__
        return DocumentError(id=doc_id, message=f"{where}: expected a string 'text', got {got}",
                             meta=meta)
    bad = _SURROGATE.search(text)
    if bad:
        return DocumentError(id=doc_id, message=f"{where}: expected a 'text' of {_unpaired(bad)}",
                             meta=meta)
    return Document(id=doc_id, text=text, meta=meta)


# JSON can escape half of a surrogate pair ("\ud800"): such a string is not Unicode text and
# could not be written out as UTF-8, so the document is refused when it is read
_SURROGATE = re.compile("[\ud800-\udfff]")


def _unpaired(match: re.Match[str]) -> str:
    return (
        f"valid Unicode, got an unpaired surrogate \\u{ord(match.group()):04x} "
        f"at offset {match.start()}"
    )


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
    error in its place), no documents when it is empty or blank, and otherwise one article
    with id ``-``; ``"jsonl"`` or ``"text"``
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
        result = (parser.parse(item.text, id=item.id, meta=item.meta) if item.meta
                  else parser.parse(item.text, id=item.id))
        return result if transform is None else transform(result)
    except Exception as exc:  # one bad document must not stop the others
        return DocumentError(id=item.id, message=f"{type(exc).__name__}: {exc}", meta=item.meta)


#: the worker process's parser and transform, set once by the pool's initializer
_WORKER_PARSER: list[Parser] = []
_WORKER_TRANSFORM: list[Optional[Callable[[ParseResult], Any]]] = []

#: how often a worker process checks that the process that started it is still alive (seconds)
PARENT_CHECK_INTERVAL = 0.25


def _init_worker(parser: Parser, transform: Optional[Callable[[ParseResult], Any]]) -> None:
    _WORKER_PARSER[:] = [parser]
    _WORKER_TRANSFORM[:] = [transform]
    _release_parent_streams()
    _die_with_parent()
    # Ctrl-C reaches the whole process group: the parent stops the run, the workers go on
    # until it shuts them down, so that no worker prints a traceback of its own
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _release_parent_streams() -> None:
    """Point the worker's stdin and stdout at the null device: a worker inherits the parent's,
    and a worker that outlived its parent would keep a downstream ``| wc -l`` waiting. Results
    travel back through the pool's own pipes; stderr stays for a worker's last words."""
    devnull = os.open(os.devnull, os.O_RDWR)
    try:
        for fd in (0, 1):
            try:
                os.dup2(devnull, fd)
            except OSError:  # the stream was closed in the parent: nothing to release
                pass
    finally:
        os.close(devnull)


def _die_with_parent() -> None:
    """Exit as soon as the parent process is gone (killed with SIGKILL or SIGTERM, say): the
    worker would otherwise wait forever on a pipe nobody reads. A daemon thread watches for the
    worker being handed to another parent, which is what the system does to an orphan."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_INTERVAL)
        os._exit(1)

    threading.Thread(target=watch, name="quotetrack-parent-watch", daemon=True).start()


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


def _non_negative(name: str, value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ConfigError(f"{name} must be an integer >= 0, got {value!r}")
    return value


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

    When a worker process dies (killed by the out-of-memory killer or a signal), the pool is
    started again and the documents that were in flight are parsed again one at a time, so a
    document that kills its worker every time is found and gives a `DocumentError` of its own.
    After ``max_restarts`` restarts the run is given up: every document not yet yielded still
    comes out, in its place, as a `DocumentError` with ``aborted=True``. Either way each
    document comes out exactly once. ``on_restart``, if given, is called with a message each
    time the pool is started again or given up. Worker processes exit when the parent dies.
    """
    parser = parser if parser is not None else Parser()
    if not callable(getattr(parser, "parse", None)):
        raise ConfigError(f"parser must be a quotetrack.Parser, got {type(parser).__name__}")
    workers = _positive("workers", workers)
    chunk_size = _positive("chunk_size", chunk_size)
    max_pending = _positive("max_pending", max_pending if max_pending is not None else 2 * workers)
    max_restarts = _non_negative("max_restarts", max_restarts)
    if transform is not None and not callable(transform):
        raise ConfigError(f"transform must be callable, got {type(transform).__name__}")
    if workers == 1:
        return (_parse_one(parser, item, transform) for item in docs)
    pool = _Pool(parser, workers, transform, max_restarts, on_restart)
    return pool.run(docs, chunk_size, max_pending)


#: the message of a document whose worker process died while parsing it, every time
WORKER_DIED = "the worker process parsing it died (killed by a signal, or out of memory)"


def _died(item: Union[Item, Line]) -> DocumentError:
    """The error record of a document whose worker died while parsing it."""
    read = item.read() if isinstance(item, Line) else item
    if isinstance(read, DocumentError):
        return read
    return DocumentError(id=read.id, message=WORKER_DIED, meta=read.meta)


class _Pool:
    """A process pool that is started again when a worker dies, up to ``max_restarts`` times."""

    def __init__(self, parser: Parser, workers: int, transform: Any, max_restarts: int,
                 on_restart: Optional[Callable[[str], None]]):
        self.parser, self.workers, self.transform = parser, workers, transform
        self.max_restarts, self.restarts = max_restarts, 0
        self.on_restart = on_restart
        self.pool = self._start()

    def _start(self) -> concurrent.futures.ProcessPoolExecutor:
        return concurrent.futures.ProcessPoolExecutor(
            max_workers=self.workers, initializer=_init_worker,
            initargs=(self.parser, self.transform),
        )

    def _submit(self, chunk: list[Union[Item, Line]]) -> concurrent.futures.Future:
        try:
            return self.pool.submit(_parse_chunk, chunk)
        except concurrent.futures.process.BrokenProcessPool as exc:  # died while idle
            failed: concurrent.futures.Future = concurrent.futures.Future()
            failed.set_exception(exc)
            return failed

    def _restart(self) -> bool:
        """Replace the broken pool; False when the restarts are used up."""
        self.pool.shutdown(wait=True, cancel_futures=True)
        self.restarts += 1
        given_up = self.restarts > self.max_restarts
        if self.on_restart is not None:
            then = ("giving up the run" if given_up else
                    f"restarting the pool ({self.restarts} of at most {self.max_restarts} restarts)")
            self.on_restart(f"a worker process died; {then}")
        if given_up:
            return False
        self.pool = self._start()
        return True

    def run(
        self, docs: Iterable[Union[Item, Line]], chunk_size: int, max_pending: int
    ) -> Iterator[Any]:
        source = _chunks(docs, chunk_size)
        pending: collections.deque[tuple[list[Any], concurrent.futures.Future]] = (
            collections.deque())
        # documents that were in flight when a worker died, to be parsed again one at a time:
        # if a worker dies again then, the one document it was parsing is the cause
        suspects: collections.deque[Union[Item, Line]] = collections.deque()
        try:
            while True:
                isolating = bool(suspects)
                if isolating:
                    chunk = [suspects.popleft()]
                    pending.append((chunk, self._submit(chunk)))
                else:
                    while len(pending) < max_pending and (chunk := next(source, [])):
                        pending.append((chunk, self._submit(chunk)))
                if not pending:
                    return
                chunk, future = pending[0]
                try:
                    results = future.result()
                except concurrent.futures.process.BrokenProcessPool:
                    if isolating:
                        yield _died(chunk[0])
                    else:
                        for waiting, _ in pending:
                            suspects.extend(waiting)
                    pending.clear()
                    if not self._restart():
                        yield from self._abandon(suspects, source)
                        return
                    continue
                pending.popleft()
                yield from results
        finally:
            self.pool.shutdown(wait=True, cancel_futures=True)

    def _abandon(
        self, suspects: Iterable[Union[Item, Line]], source: Iterator[list[Union[Item, Line]]]
    ) -> Iterator[DocumentError]:
        """An error record for every document not parsed: the run is given up."""
        message = (f"not parsed: the run was given up after worker processes died "
                   f"{self.restarts} times")
        for item in itertools.chain(suspects, itertools.chain.from_iterable(source)):
            if isinstance(item, Line):
                item = item.read()
            if isinstance(item, DocumentError):
                yield item  # its own error: reading it did not need a worker
            else:
                yield DocumentError(id=item.id, message=message, aborted=True, meta=item.meta)


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
