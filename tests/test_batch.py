"""Reading inputs as streams and parsing them in order, with per-document errors."""

from __future__ import annotations

import io
import itertools
import json
from pathlib import Path

import attrs
import pytest

import quotetrack
from quotetrack import ConfigError, ParseResult, Parser
from quotetrack.batch import (
    Document,
    DocumentError,
    Line,
    input_format,
    process,
    read_input,
    read_inputs,
    read_jsonl_documents,
)

ARTICLE = "“We will win,” Jane Roe said.\r\n\r\nShe left.\n"


def jsonl(*values) -> bytes:
    return b"".join((v if isinstance(v, bytes) else json.dumps(v).encode()) + b"\n" for v in values)


# --------------------------------------------------------------------------- reading


def test_text_file_is_one_article(tmp_path):
    """A .txt file is one document whose id is the path as given and whose text is exact."""
    path = tmp_path / "a.txt"
    path.write_bytes(ARTICLE.encode())
    assert list(read_input(str(path))) == [Document(id=str(path), text=ARTICLE)]


def test_text_file_byte_order_mark_is_dropped(tmp_path):
    """A UTF-8 byte order mark is not part of the text, so offsets start at the first letter."""
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode())
    (doc,) = read_input(str(path))
    assert doc.text == ARTICLE


def test_text_file_that_is_not_utf8_is_an_error(tmp_path):
    """Undecodable bytes give a DocumentError naming the byte and offset, not an exception."""
    path = tmp_path / "latin.txt"
    path.write_bytes("café".encode("latin-1"))
    (err,) = read_input(str(path))
    assert err == DocumentError(
        id=str(path), message="expected UTF-8 text, got byte 0xe9 at offset 3"
    )


def test_any_other_extension_is_an_article(tmp_path):
    """Files other than .jsonl/.ndjson (here .md and no extension) are read as one article."""
    assert input_format("notes.md") == "text"
    assert input_format("ARTICLE") == "text"
    assert input_format("docs.JSONL") == "jsonl"
    assert input_format("docs.ndjson") == "jsonl"


def test_json_extension_is_refused():
    """A .json file is refused with a message that points to .jsonl."""
    with pytest.raises(
        ConfigError, match=r"expected a \.txt article or a \.jsonl file .* got a \.json file"
    ):
        input_format("docs.json")


def test_jsonl_lines_and_errors():
    """Good lines become Documents; each bad line becomes a DocumentError in its place."""
    data = jsonl(
        {"id": "a", "text": "one"},
        b"{broken",
        {"id": "b"},
        {"id": "c", "text": 3},
        [1, 2],
        {"text": "no id"},
        {"id": 7, "text": "numeric id"},
        b"   ",
        b"\xff\xfe",
        {"id": "d", "text": "two", "meta": {"x": 1}},
    )
    items = list(read_jsonl_documents(io.BytesIO(data), source="in.jsonl"))
    assert items[0] == Document(id="a", text="one")
    assert items[1].id == "in.jsonl:2"
    assert items[1].message.startswith("expected a JSON object, got invalid JSON (")
    assert items[2] == DocumentError(
        id="b", message="in.jsonl:3: expected a string 'text', got no 'text' key"
    )
    assert items[3] == DocumentError(
        id="c", message="in.jsonl:4: expected a string 'text', got int"
    )
    assert items[4] == DocumentError(id="in.jsonl:5", message="expected a JSON object, got list")
    assert items[5] == DocumentError(
        id="in.jsonl:6", message="expected a non-empty string 'id', got no 'id' key"
    )
    assert items[6] == DocumentError(
        id="in.jsonl:7", message="expected a non-empty string 'id', got int 7"
    )
    assert items[7] == DocumentError(
        id="in.jsonl:9", message="expected UTF-8 text, got byte 0xff at offset 0"
    )
    assert items[8] == Document(id="d", text="two", meta={"meta": {"x": 1}})
    assert len(items) == 9  # the blank line 8 is skipped


def test_other_fields_are_kept_as_meta(tmp_path):
    """Every key but id and text is kept, as it came, in the document's meta, also on an
    error record of a line that could be read; process passes it to result.meta."""
    data = jsonl({"id": "a", "text": "“Go,” Jane Roe said.", "url": "https://x.test/a",
                  "date": "2026-12-01", "tags": ["x", 1]},
                 {"id": "b", "url": "https://x.test/b"})
    doc, error = read_jsonl_documents(io.BytesIO(data), source="in")
    assert doc.meta == {"url": "https://x.test/a", "date": "2026-12-01", "tags": ["x", 1]}
    assert error.meta == {"url": "https://x.test/b"}
    (result, failed) = process([doc, error])
    assert result.meta == doc.meta and failed is error
    assert result == quotetrack.parse(doc.text, id="a", meta=doc.meta)


@pytest.mark.parametrize("workers", [1, 2])
def test_json_python_cannot_read_is_an_error_in_its_place(tmp_path, workers):
    """Valid JSON that json.loads refuses (an integer of 5,000 digits, arrays nested 100,000
    deep) is a DocumentError in its place, also when a worker reads the line; the rest go on."""
    path = tmp_path / "in.jsonl"
    path.write_bytes(jsonl(
        {"id": "a", "text": "one"},
        b'{"id": "b", "n": ' + b"9" * 5_000 + b', "text": "two"}',
        b"[" * 100_000,
        {"id": "c", "text": "three"},
    ))
    out = list(process(read_input(str(path), lines=True), workers=workers))
    assert [o.id for o in out] == ["a", f"{path}:2", f"{path}:3", "c"]
    assert [type(o) for o in out] == [ParseResult, DocumentError, DocumentError, ParseResult]
    for error in out[1:3]:
        assert error.message.startswith("expected a JSON object, got JSON Python cannot read (")


def test_jsonl_is_read_lazily():
    """Documents come out as lines are read: an endless stream yields its first documents."""
    endless = (json.dumps({"id": str(i), "text": "x"}).encode() + b"\n" for i in itertools.count())
    first = list(itertools.islice(read_jsonl_documents(endless, source="s"), 3))
    assert [d.id for d in first] == ["0", "1", "2"]


MIXED_LINES = jsonl(
    {"id": "a", "text": ARTICLE},
    b"{broken",
    b"",
    {"id": "c", "text": 3},
    b"\xff\xfe",
    {"id": "d", "text": "No quotes here."},
)


def test_lines_are_kept_unread_and_read_as_documents_are(tmp_path):
    """With lines=True a JSON Lines input gives one Line per non-blank line, each read() to the
    item read_jsonl_documents gives; a plain-text input still gives its Document."""
    path = tmp_path / "in.jsonl"
    path.write_bytes(MIXED_LINES)
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    items = list(read_inputs([str(path), str(article)], lines=True))
    assert [type(i) for i in items] == [Line] * 5 + [Document]
    assert [i.lineno for i in items[:5]] == [1, 2, 4, 5, 6]
    read = [i.read() for i in items[:5]]
    assert read == list(read_jsonl_documents(io.BytesIO(MIXED_LINES), source=str(path)))
    assert read[1].id == f"{path}:2" and read[3].id == f"{path}:5"


def test_stdin_lines_are_kept_unread():
    """Stdin holding JSON Lines gives Lines named <stdin> with lines=True."""
    items = list(read_input("-", stdin=io.BytesIO(b"\n" + MIXED_LINES), lines=True))
    assert all(isinstance(i, Line) and i.source == "<stdin>" for i in items)
    assert items[1].read().id == "<stdin>:3"


@pytest.mark.parametrize("workers", [1, 2])
def test_lines_are_read_where_they_are_parsed(tmp_path, workers):
    """process reads each Line where it parses it (a worker, with workers): the output equals
    the output for the documents read first, bad lines included, in order."""
    path = tmp_path / "in.jsonl"
    path.write_bytes(MIXED_LINES)
    expected = list(process(read_input(str(path))))
    out = list(process(read_input(str(path), lines=True), workers=workers, chunk_size=2))
    assert out == expected
    assert [type(o) for o in out] == [ParseResult, DocumentError, DocumentError, DocumentError,
                                      ParseResult]
    assert out[0].quotes


def test_stdin_with_json_lines():
    """Stdin whose first non-blank line is a JSON object is read as JSON Lines."""
    stdin = io.BytesIO(b"\n" + jsonl({"id": "a", "text": "one"}, b"oops"))
    items = list(read_input("-", stdin=stdin))
    assert items[0] == Document(id="a", text="one")
    assert items[1].id == "<stdin>:3"


def test_stdin_with_plain_text():
    """Stdin whose first non-blank line does not start like JSON is one article with id '-'."""
    text = '\n"Yes," she said. {not json}\n' + ARTICLE
    assert list(read_input("-", stdin=io.BytesIO(text.encode()))) == [Document(id="-", text=text)]


@pytest.mark.parametrize("first", [b'{"id": "a", "text": ', b"[1, 2]", b"{not json}", b"[oops"])
def test_stdin_whose_first_line_is_broken_json_is_still_json_lines(first):
    """A first line that starts like JSON but is broken or not an object is an error record in
    its place, and the good lines after it are still documents: not one bogus article."""
    stdin = io.BytesIO(b"\n" + first + b"\n" + jsonl({"id": "b", "text": ARTICLE}))
    items = list(read_input("-", stdin=stdin))
    assert [type(i) for i in items] == [DocumentError, Document]
    assert items[0].id == "<stdin>:2" and "expected a JSON object" in items[0].message
    assert items[1] == Document(id="b", text=ARTICLE)


def test_stdin_of_json_lines_after_a_stray_first_line_is_still_json_lines():
    """A first line that is not JSON (a header, a word) before JSON object lines: every line is
    a record, the first an error in its place, rather than one article made of JSON."""
    data = b"articles of 2026-12-01\n" + jsonl({"id": "a", "text": "one"}, {"id": "b", "text": "two"})
    items = list(read_input("-", stdin=io.BytesIO(data)))
    assert [type(i) for i in items] == [DocumentError, Document, Document]
    assert items[0].id == "<stdin>:1" and items[2] == Document(id="b", text="two")
    prose = b"Jane Roe said:\n{not a document}\nand more prose\nand the end\n"
    assert list(read_input("-", stdin=io.BytesIO(prose))) == [Document(id="-", text=prose.decode())]


def test_input_format_decides_for_stdin_and_files(tmp_path):
    """format="text" reads JSON-looking stdin as one article; format="jsonl" reads a .txt file
    as JSON Lines; an unknown format is a ConfigError."""
    data = jsonl({"id": "a", "text": "one"})
    assert list(read_input("-", stdin=io.BytesIO(data), format="text")) == [
        Document(id="-", text=data.decode())
    ]
    assert list(read_input("-", stdin=io.BytesIO(b"plain\n" + data), format="jsonl"))[1] == \
        Document(id="a", text="one")
    path = tmp_path / "docs.txt"
    path.write_bytes(data)
    assert list(read_input(str(path), format="jsonl")) == [Document(id="a", text="one")]
    with pytest.raises(ConfigError, match="input format must be one of auto, jsonl, text"):
        list(read_input(str(path), format="csv"))


class _ReadSizes(io.BytesIO):
    """A stream that records the size of every piece read from it."""

    def __init__(self, data: bytes):
        super().__init__(data)
        self.sizes: list[int] = []

    def readline(self, limit=-1):
        piece = super().readline(limit)
        self.sizes.append(len(piece))
        return piece


@pytest.mark.parametrize("path", ["-", "file"])
def test_a_huge_line_is_refused_before_it_is_read_whole(tmp_path, path):
    """A JSON line longer than max_line_bytes is an error in its place, is only ever read in
    bounded pieces (never decoded), and the lines after it are still read."""
    huge = json.dumps({"id": "huge", "text": "x" * 3_000_000}).encode()
    data = jsonl({"id": "a", "text": "one"}, huge, {"id": "b", "text": "two"})
    if path == "-":
        stream = _ReadSizes(data)
        items = list(read_input("-", stdin=stream, max_line_bytes=1000))
        assert max(stream.sizes) <= 2**20
    else:
        (tmp_path / "in.jsonl").write_bytes(data)
        items = list(read_input(str(tmp_path / "in.jsonl"), max_line_bytes=1000))
    assert items[0] == Document(id="a", text="one") and items[2] == Document(id="b", text="two")
    assert items[1].id.endswith(":2")
    assert items[1].message.startswith(
        f"expected a JSON line of at most 1000 bytes, got {len(huge)} bytes")


def test_line_limit_follows_the_input_limit():
    """The default line limit lets through any text Parser accepts, escaped, and no more."""
    from quotetrack import Limits
    from quotetrack.batch import line_limit

    assert line_limit(Limits(max_input_chars=100)) == 600 + 2**20
    assert line_limit() == 6 * Limits().max_input_chars + 2**20


def test_several_inputs_in_order(tmp_path):
    """read_inputs goes through the inputs in the order given."""
    (tmp_path / "a.txt").write_text("A", encoding="utf-8")
    (tmp_path / "b.jsonl").write_bytes(
        jsonl({"id": "b1", "text": "B1"}, {"id": "b2", "text": "B2"})
    )
    paths = [str(tmp_path / "b.jsonl"), str(tmp_path / "a.txt")]
    assert [d.id for d in read_inputs(paths)] == ["b1", "b2", str(tmp_path / "a.txt")]


def test_unreadable_input_is_an_error_record(tmp_path):
    """A file that vanished before reading gives a DocumentError rather than an exception."""
    missing = str(tmp_path / "gone.txt")
    (err,) = read_input(missing)
    assert err.id == missing and err.message.startswith("could not be read: ")


# --------------------------------------------------------------------------- processing


@attrs.frozen
class FailingParser:
    """A picklable parser that fails on texts containing 'BOOM' (for error handling tests)."""

    inner: Parser = attrs.field(factory=Parser)

    def parse(self, text, *, id=None):
        if "BOOM" in text:
            raise RuntimeError(f"cannot parse {id}")
        return self.inner.parse(text, id=id)


def _docs(n: int):
    for i in range(n):
        text = "BOOM" if i % 7 == 3 else f"Doc {i}: “Quote number {i},” Jane Roe said."
        yield Document(id=f"d{i}", text=text)


def test_serial_processing_keeps_order_and_errors():
    """Results come in input order; a failing document yields an error and the rest go on."""
    items = [DocumentError(id="x:1", message="bad line"), *_docs(10)]
    out = list(process(items, FailingParser()))
    assert [o.id for o in out] == ["x:1"] + [f"d{i}" for i in range(10)]
    assert out[0] == DocumentError(id="x:1", message="bad line")
    assert out[4] == DocumentError(id="d3", message="RuntimeError: cannot parse d3")
    assert isinstance(out[1], ParseResult) and out[1].quotes


def test_pool_gives_the_same_results_in_order():
    """With worker processes the output equals the serial output, in the same order."""
    serial = list(process(_docs(50), FailingParser()))
    pooled = list(process(_docs(50), FailingParser(), workers=2, chunk_size=3))
    assert pooled == serial
    assert sum(isinstance(o, DocumentError) for o in pooled) == 7


def test_pool_keeps_a_bounded_number_of_documents_in_flight():
    """The pool reads at most max_pending chunks ahead of what has been yielded."""
    pulled = 0

    def endless():
        nonlocal pulled
        for i in itertools.count():
            pulled += 1
            yield Document(id=str(i), text="“Hi,” she said.")

    results = process(endless(), workers=2, chunk_size=4, max_pending=3)
    taken = list(itertools.islice(results, 25))
    assert [r.id for r in taken] == [str(i) for i in range(25)]
    assert pulled <= 25 + 3 * 4
    results.close()


def test_default_parser_is_used():
    """Without a parser, process uses a default Parser and gives what quotetrack.parse gives."""
    (result,) = process([Document(id="a", text=ARTICLE)])
    assert result == quotetrack.parse(ARTICLE, id="a")


@pytest.mark.parametrize("option", ["workers", "chunk_size", "max_pending"])
@pytest.mark.parametrize("value", [0, -1, 1.5, True])
def test_bad_options_raise_at_once(option, value):
    """Non-positive or non-integer options raise ConfigError when process is called."""
    with pytest.raises(ConfigError, match=rf"{option} must be a positive integer, got {value!r}"):
        process([], **{option: value})


def test_fixture_file_processes(tmp_path):
    """The bundled seed fixture reads and parses as one document with quotes."""
    fixture = Path(__file__).parent / "fixtures" / "seed.jsonl"
    (result,) = process(read_input(str(fixture)))
    assert result.id == "seed/iraq-coalition-withdrawal"
    assert len(result.quotes) >= 10


def quote_count(result: ParseResult) -> int:
    return len(result.quotes)


def failing_transform(result: ParseResult) -> int:
    if result.id == "bad":
        raise ValueError("cannot write this one")
    return len(result.quotes)


@pytest.mark.parametrize("workers", [1, 2])
def test_transform_runs_where_the_document_was_parsed(workers):
    """process(transform=f) yields f(result) instead of each result, in order, errors as before."""
    docs = [
        Document(id="a", text=ARTICLE),
        DocumentError(id="x:2", message="broken"),
        Document(id="b", text="No quotes here."),
    ]
    out = list(process(docs, workers=workers, chunk_size=1, transform=quote_count))
    n = len(quotetrack.parse(ARTICLE).quotes)
    assert out == [n, DocumentError(id="x:2", message="broken"), 0]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_failing_transform_is_a_document_error(workers):
    """If transform raises for one document, that document gives a DocumentError; others go on."""
    docs = [Document(id=i, text=ARTICLE) for i in ("ok", "bad", "also-ok")]
    out = list(process(docs, workers=workers, transform=failing_transform))
    n = len(quotetrack.parse(ARTICLE).quotes)
    assert out == [n, DocumentError(id="bad", message="ValueError: cannot write this one"), n]


def test_transform_must_be_callable():
    """A transform that is not callable raises ConfigError at once."""
    with pytest.raises(ConfigError, match="transform must be callable, got str"):
        process([], transform="document_output")
