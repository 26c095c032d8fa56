"""Documents, error records and the worker processes that parse them, in order.

The layer under `quotetrack.batch` (reading inputs) and `Parser.pipe`: a `Document` or a
`DocumentError` per input, and `process`, which parses documents in this process or in a pool of
worker processes that is started again when a worker dies, yielding one result or error record
per document in input order. It imports nothing above the model, so the parser can use it.
"""

from __future__ import annotations

import collections
import concurrent.futures
import itertools
import json
import os
import re
import signal
import threading
import time
from typing import Any, Callable, Iterable, Iterator, Mapping, Optional, TypeVar, Union

import attrs

from .errors import ConfigError
from .htmlinput import HTML_EXTRA, extract_text, looks_like_html
from .model import ParseResult

__all__ = [
    "Document",
    "DocumentError",
    "Line",
    "WORKER_DIED",
    "document_from_json",
    "process",
]


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


# --------------------------------------------------------------------------- parsing


#: what `process` does with a document that looks like HTML
HTML_POLICIES = ("keep", "extract", "refuse", "auto")
#: the message of a refused HTML document
HTML_REFUSED = (
    "the text looks like HTML, and quotetrack reads plain text: install the extractor "
    f"({HTML_EXTRA}) to parse the article text of web pages, or give --html keep to parse "
    "the markup as it is"
)


def _html(item: Document, policy: str) -> Union[Document, DocumentError]:
    """``item`` with its article text extracted, or refused, when it looks like HTML."""
    if policy == "keep" or not looks_like_html(item.text):
        return item
    if policy == "refuse":
        return DocumentError(id=item.id, message=HTML_REFUSED, meta=item.meta)
    try:
        return attrs.evolve(item, text=extract_text(item.text))
    except ImportError as exc:  # auto: refused, naming the extra; extract: that it is missing
        return DocumentError(id=item.id, message=HTML_REFUSED if policy == "auto" else str(exc),
                             meta=item.meta)
    except ValueError as exc:
        return DocumentError(id=item.id, message=str(exc), meta=item.meta)


def _parse_one(
    parser: Any,
    item: Union[Item, Line],
    transform: Optional[Callable[[ParseResult], Any]] = None,
    html: str = "keep",
) -> Any:
    if isinstance(item, Line):
        item = item.read()
    if isinstance(item, Document):
        item = _html(item, html)
    if isinstance(item, DocumentError):
        return item
    try:
        result = (parser.parse(item.text, id=item.id, meta=item.meta) if item.meta
                  else parser.parse(item.text, id=item.id))
        return result if transform is None else transform(result)
    except Exception as exc:  # one bad document must not stop the others
        return DocumentError(id=item.id, message=f"{type(exc).__name__}: {exc}", meta=item.meta)


#: the worker process's parser and transform, set once by the pool's initializer
_WORKER_PARSER: list[Any] = []
_WORKER_TRANSFORM: list[Optional[Callable[[ParseResult], Any]]] = []
_WORKER_HTML: list[str] = []

#: how often a worker process checks that the process that started it is still alive (seconds)
PARENT_CHECK_INTERVAL = 0.25


def _init_worker(
    parser: Any, transform: Optional[Callable[[ParseResult], Any]], html: str = "keep"
) -> None:
    _WORKER_PARSER[:] = [parser]
    _WORKER_TRANSFORM[:] = [transform]
    _WORKER_HTML[:] = [html]
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
    parser, transform, html = _WORKER_PARSER[0], _WORKER_TRANSFORM[0], _WORKER_HTML[0]
    return [_parse_one(parser, item, transform, html) for item in chunk]


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
    parser: Any,
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
    ``html`` says what to do with a document that looks like HTML: ``keep`` parses it as it
    is, ``extract`` parses the article text trafilatura extracts (an error record when it is
    not installed or finds none), ``refuse`` gives an error record naming the extra, and
    ``auto`` extracts when trafilatura is installed and refuses otherwise.
    """
    if not callable(getattr(parser, "parse", None)):
        raise ConfigError(f"parser must be a quotetrack.Parser, got {type(parser).__name__}")
    workers = _positive("workers", workers)
    chunk_size = _positive("chunk_size", chunk_size)
    max_pending = _positive("max_pending", max_pending if max_pending is not None else 2 * workers)
    max_restarts = _non_negative("max_restarts", max_restarts)
    if html not in HTML_POLICIES:
        raise ConfigError(f"html must be one of {', '.join(HTML_POLICIES)}; got {html!r}")
    if transform is not None and not callable(transform):
        raise ConfigError(f"transform must be callable, got {type(transform).__name__}")
    if workers == 1:
        return (_parse_one(parser, item, transform, html) for item in docs)
    pool = _Pool(parser, workers, transform, max_restarts, on_restart, html)
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

    def __init__(self, parser: Any, workers: int, transform: Any, max_restarts: int,
                 on_restart: Optional[Callable[[str], None]], html: str = "keep"):
        self.html = html
        self.parser, self.workers, self.transform = parser, workers, transform
        self.max_restarts, self.restarts = max_restarts, 0
        self.on_restart = on_restart
        self.pool = self._start()

    def _start(self) -> concurrent.futures.ProcessPoolExecutor:
        return concurrent.futures.ProcessPoolExecutor(
            max_workers=self.workers, initializer=_init_worker,
            initargs=(self.parser, self.transform, self.html),
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
