"""Parser.pipe: many documents of several shapes, results in order, errors as values."""

from __future__ import annotations

import itertools

import pytest

import quotetrack
from quotetrack import ConfigError, DocumentError, Limits, ParseResult, Parser

ROE = "“We will win,” Jane Roe said."
POE = "“It is close,” said Tom Poe."


@pytest.mark.parametrize("workers", [1, 2])
def test_pipe_gives_what_parse_gives_in_order(workers):
    """Texts, mappings and (text, context) pairs each give what parse() gives, in order; a
    mapping's other keys become meta and a pair's context comes back beside its result."""
    parser = Parser()
    docs = [ROE, {"id": "p", "text": POE, "url": "https://news.test/p"}, (ROE, {"row": 3}),
            ({"id": "q", "text": POE}, "ctx")]
    out = list(parser.pipe(docs, workers=workers, chunk_size=1))
    assert out == [
        parser.parse(ROE),
        parser.parse(POE, id="p", meta={"url": "https://news.test/p"}),
        (parser.parse(ROE), {"row": 3}),
        (parser.parse(POE, id="q"), "ctx"),
    ]


@pytest.mark.parametrize("workers", [1, 2])
def test_pipe_yields_errors_as_values_in_their_place(workers):
    """Items that cannot be read or parsed give a DocumentError in their place, named by the
    document's id or #POSITION; the others go on and nothing is raised."""
    small = Parser(limits=Limits(max_input_chars=40))
    docs = [ROE, 7, {"id": "x"}, b"raw", ("only one",), ROE * 3, ({"text": ROE}, "c"),
            {"id": "ok", "text": POE}]
    out = list(small.pipe(docs, workers=workers, chunk_size=2))
    assert len(out) == len(docs)
    assert isinstance(out[0], ParseResult) and isinstance(out[7], ParseResult)
    errors = [out[i] for i in (1, 2, 3, 4, 5)]
    assert all(isinstance(e, DocumentError) for e in errors)
    assert [e.id for e in errors] == ["#2", "x", "#4", "#5", "#6"]
    assert "got int" in out[1].message and "decode it first" in out[3].message
    assert "InputTooLarge" in out[5].message
    error, context = out[6]
    assert context == "c" and error.id == "#7" and "'id'" in error.message


def test_pipe_reads_its_input_lazily():
    """An endless generator can be piped: results come before the input ends."""
    texts = (f"“Number {i},” Jane Roe said." for i in itertools.count())
    first = list(itertools.islice(Parser().pipe(texts), 5))
    assert [r.quotes[0].content.text for r in first] == [f"Number {i}," for i in range(5)]


def test_pipe_options_are_checked_at_once():
    """A bad option raises ConfigError when pipe is called, before any document is read."""
    with pytest.raises(ConfigError, match="workers must be a positive integer"):
        Parser().pipe([ROE], workers=0)


def test_result_types_are_public():
    """The types a pipe yields are importable from quotetrack itself."""
    for name in ("ParseResult", "DocumentError", "Quote", "Speaker", "Attribution", "Span",
                 "Diagnostic", "NonStatement", "Claim"):
        assert name in quotetrack.__all__ and hasattr(quotetrack, name)


def test_pipe_can_refuse_html():
    """pipe(html="refuse") gives a page an error value naming the extra; keep parses it."""
    page = "<html><body><p>“Hi,” she said.</p><p>More.</p></body></html>"
    refused, text = Parser().pipe([page, ROE], html="refuse")
    assert isinstance(refused, DocumentError) and refused.id == "#1"
    assert "quotetrack[html]" in refused.message and isinstance(text, ParseResult)
    (kept,) = Parser().pipe([page])
    assert "looks-like-html" in [d.code for d in kept.diagnostics]
