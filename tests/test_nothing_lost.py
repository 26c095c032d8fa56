"""Every input document comes out exactly once, in input order, as a result or an error
record: under bad lines, on stdin, with worker processes, encoding trouble and worker death."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotetrack import ParseResult
from quotetrack.batch import DocumentError, process, read_inputs
from quotetrack.cli import main

pytestmark = pytest.mark.slow  # runs the command in subprocesses over many streams

REPO = Path(__file__).resolve().parents[1]
TEXT = "“We will win,” Jane Roe said. “It is close,” she added."
LIMIT = 2000  # max_line_bytes in these tests

#: each kind of line: how to write it (given a number), and the id its record must have
#: (given the number and the line's name SOURCE:LINE); None is a blank line, not a document
KINDS = {
    "good": (lambda i: json.dumps({"id": f"g{i}", "text": TEXT, "url": "u"}).encode(),
             lambda i, where: f"g{i}"),
    "invalid": (lambda i: b"{oops " + str(i).encode(), lambda i, where: where),
    "not-object": (lambda i: b"[1, " + str(i).encode() + b"]", lambda i, where: where),
    "no-id": (lambda i: json.dumps({"text": TEXT}).encode(), lambda i, where: where),
    "list-id": (lambda i: json.dumps({"id": [i], "text": TEXT}).encode(),
                lambda i, where: where),
    "no-text": (lambda i: json.dumps({"id": f"m{i}"}).encode(), lambda i, where: f"m{i}"),
    "not-utf8": (lambda i: b'{"id": "u", "text": "caf\xe9"}', lambda i, where: where),
    "surrogate": (lambda i: json.dumps({"id": f"s{i}", "text": "a\ud800b"}).encode(),
                  lambda i, where: f"s{i}"),
    "huge": (lambda i: json.dumps({"id": f"h{i}", "text": "x" * 3 * LIMIT}).encode(),
             lambda i, where: where),
    "deep": (lambda i: b"[" * 100_000 + b"]" * 100_000, lambda i, where: where),
    "blank": (lambda i: b"   ", None),
}


def stream(kinds: list[str]) -> tuple[bytes, list[tuple[int, str]]]:
    """The bytes of a JSON Lines stream of ``kinds``, and (line number, kind) per document."""
    lines, documents = [], []
    for n, kind in enumerate(kinds, 1):
        lines.append(KINDS[kind][0](n))
        if KINDS[kind][1] is not None:
            documents.append((n, kind))
    return b"\n".join(lines) + b"\n", documents


def expected_ids(documents: list[tuple[int, str]], source: str) -> list[str]:
    return [KINDS[kind][1](n, f"{source}:{n}") for n, kind in documents]


def record_id(record) -> str:
    return record.id if isinstance(record, (ParseResult, DocumentError)) else record


kind_lists = st.lists(st.sampled_from(sorted(KINDS)), min_size=1, max_size=12).map(
    lambda kinds: ["good" if kinds[0] == "blank" else kinds[0], *kinds[1:]]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kinds=kind_lists, on_stdin=st.booleans())
def test_every_document_comes_out_once_in_order(tmp_path_factory, kinds, on_stdin):
    """In one process, from stdin or a file: one record per non-blank line, in line order,
    with the document's own id where it has a usable one and SOURCE:LINE otherwise."""
    data, documents = stream(kinds)
    if on_stdin:
        source, paths, stdin = "<stdin>", ["-"], io.BytesIO(data)
    else:
        path = tmp_path_factory.mktemp("in") / "docs.jsonl"
        path.write_bytes(data)
        source, paths, stdin = str(path), [str(path)], None
    docs = read_inputs(paths, stdin=stdin, lines=True, max_line_bytes=LIMIT)
    out = list(process(docs))
    assert [record_id(o) for o in out] == expected_ids(documents, source)
    assert [isinstance(o, ParseResult) for o in out] == [
        kind == "good" for _, kind in documents]


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kinds=kind_lists)
def test_every_document_comes_out_once_with_workers(kinds):
    """The same with two worker processes and small chunks."""
    data, documents = stream(kinds * 3)
    docs = read_inputs(["-"], stdin=io.BytesIO(data), lines=True, max_line_bytes=LIMIT)
    out = list(process(docs, workers=2, chunk_size=2))
    assert [record_id(o) for o in out] == expected_ids(documents, "<stdin>")


def kill_worker_on_g7(result: ParseResult) -> str:
    """A transform whose worker process is killed (SIGKILL) when it has parsed document g7."""
    if result.id == "g7":
        os.kill(os.getpid(), 9)
    return result.id


@pytest.mark.skipif(sys.platform == "win32", reason="needs POSIX signals")
@pytest.mark.parametrize("max_restarts", [0, 3], ids=["given-up", "recovered"])
def test_every_document_comes_out_once_when_a_worker_dies(max_restarts):
    """Bad lines and a worker killed mid-run: still one record per document, in order,
    whether the pool is restarted or the run is given up."""
    kinds = ["good", "invalid", "good", "huge", "good", "no-text", "good", "good", "not-utf8",
             "good", "surrogate", "good", "blank", "good", "deep", "good"] * 2
    data, documents = stream(kinds)
    docs = read_inputs(["-"], stdin=io.BytesIO(data), lines=True, max_line_bytes=LIMIT)
    out = list(process(docs, workers=2, chunk_size=2, transform=kill_worker_on_g7,
                       max_restarts=max_restarts))
    assert [record_id(o) for o in out] == expected_ids(documents, "<stdin>")
    g7 = out[[n for n, _ in documents].index(7)]
    assert isinstance(g7, DocumentError)


MIXED = ["good", "invalid", "huge", "good", "not-object", "no-text", "not-utf8", "blank",
         "surrogate", "list-id", "good", "deep"]


@pytest.mark.parametrize("workers", ["1", "2"])
@pytest.mark.parametrize("fmt", ["jsonl", "csv", "text", "json"])
def test_the_command_writes_one_record_per_document(capsys, monkeypatch, workers, fmt):
    """`quotetrack extract` on a mixed stdin: in jsonl one line per document in order, errors
    in place; in every format each document is either in the output or on stderr, once."""
    data, documents = stream(MIXED)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    monkeypatch.setattr("quotetrack.cli.line_limit", lambda limits: LIMIT)
    code = main(["extract", "--workers", workers, "--format", fmt])
    out, err = capsys.readouterr()
    ids = expected_ids(documents, "<stdin>")
    failed = [i for i, (_, kind) in zip(ids, documents) if kind != "good"]
    assert code == 1
    assert [line.split(": ", 1)[0] for line in err.splitlines()] == failed
    if fmt == "jsonl":
        assert [json.loads(line)["id"] for line in out.splitlines()] == ids
    elif fmt == "json":
        assert [r["id"] for r in json.loads(out)] == [i for i in ids if i not in failed]
    elif fmt == "text":
        assert [line[3:].rsplit(" (", 1)[0] for line in out.splitlines()
                if line.startswith("== ")] == [i for i in ids if i not in failed]


@pytest.mark.skipif(sys.platform == "win32", reason="uses a POSIX locale")
def test_the_command_loses_nothing_in_a_cp1252_locale(tmp_path):
    """With a cp1252 stdout, a stream of bad lines and text in other scripts still gives one
    UTF-8 line per document, in order."""
    data, documents = stream([k for k in MIXED if k != "huge"])  # the limit is the default
    data += json.dumps({"id": "日本", "text": "“東京,” said Zoë Ōkubo."}, ensure_ascii=False
                       ).encode() + b"\n"
    done = subprocess.run([sys.executable, "-m", "quotetrack", "extract", "--workers", "2"],
                          input=data, capture_output=True, cwd=REPO, timeout=120,
                          env={**os.environ, "PYTHONIOENCODING": "cp1252"})
    assert done.returncode == 1
    ids = [json.loads(line)["id"] for line in done.stdout.decode("utf-8").splitlines()]
    assert ids[:-1] == expected_ids(documents, "<stdin>") and ids[-1] == "日本"
