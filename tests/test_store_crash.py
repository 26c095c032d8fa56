"""Crash safety and concurrent writers: a killed ingest loses nothing committed, resuming
completes it without duplicates, and two processes ingesting at once lose nothing."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from quotetrack import Parser
from quotetrack.store import Store

NAMES = ("Ann Lee", "Bo Chan", "Cy Dee", "Di Fox", "Ed Gray")
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def make_docs(n, offset=0):
    docs = []
    for i in range(offset, offset + n):
        name = NAMES[i % len(NAMES)]
        docs.append({"id": f"doc-{i}", "text": (
            f'"Road number {i} will be closed for {i % 7 + 2} weeks," said {name}.\n\n'
            f"The works start on Monday.\n\n"
            f'"We warned the council about bridge {i} last year," {name} added.')})
    return docs


CHILD = """
import json, sys, time
from quotetrack.store import Store
db, path, delay, batch = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
def docs():
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if delay:
                time.sleep(delay)
            yield json.loads(line)
with Store(db) as store:
    report = store.ingest(docs(), batch_size=batch)
print(json.dumps(report.as_dict()))
"""


def spawn(db, docs_path, delay=0.0, batch=5):
    env = dict(os.environ, PYTHONPATH=REPO + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.Popen([sys.executable, "-c", CHILD, str(db), str(docs_path), str(delay),
                             str(batch)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=env)


def write_jsonl(path, docs):
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")


def committed(db):
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def expected_quotes(docs):
    parser = Parser(claims=True)
    return {d["id"]: len(parser.parse(d["text"], id=d["id"]).quotes) for d in docs}


def check_complete(db, docs):
    with Store(db) as store:
        assert store.integrity_check() == "ok"
        want = expected_quotes(docs)
        got: dict[str, int] = {}
        for q in store.iter_quotes():
            got[q.doc_id] = got.get(q.doc_id, 0) + 1
        assert got == want
        conn = sqlite3.connect(db)
        dupes = conn.execute("SELECT COUNT(*) FROM (SELECT document, idx FROM quotes GROUP BY "
                             "document, idx HAVING COUNT(*) > 1)").fetchone()[0]
        docs_n = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        conn.close()
        assert dupes == 0 and docs_n == len(docs)


def test_killed_ingest_resumes_without_duplicates(tmp_path):
    """SIGKILL mid-ingest: the file is sound, committed documents are whole, resuming adds
    exactly the rest."""
    docs = make_docs(200)
    docs_path = tmp_path / "docs.jsonl"
    write_jsonl(docs_path, docs)
    db = tmp_path / "news.db"
    child = spawn(db, docs_path, delay=0.02, batch=5)
    deadline = time.monotonic() + 60
    while committed(db) < 30 and time.monotonic() < deadline and child.poll() is None:
        time.sleep(0.02)
    child.send_signal(signal.SIGKILL)
    child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL, "the ingest ended before it could be killed"
    done = committed(db)
    assert 30 <= done < len(docs)
    with Store(db) as store:
        assert store.integrity_check() == "ok"
        stored = {d.doc_id: d.quotes for d in store.documents()}
        want = expected_quotes([d for d in docs if d["id"] in stored])
        assert stored == want  # every committed document has all its quotes
        report = store.ingest(docs)
    assert (report.unchanged, report.added, report.errors) == (done, len(docs) - done, ())
    check_complete(db, docs)


def test_two_processes_ingest_into_one_database(tmp_path):
    """Two writers with overlapping inputs: every document is stored once, none is lost."""
    first, second = make_docs(120), make_docs(120, offset=60)
    write_jsonl(tmp_path / "first.jsonl", first)
    write_jsonl(tmp_path / "second.jsonl", second)
    db = tmp_path / "news.db"
    Store(db).close()  # created once; the race below is between writers
    children = [spawn(db, tmp_path / "first.jsonl", batch=4),
                spawn(db, tmp_path / "second.jsonl", batch=4)]
    reports = []
    for child in children:
        out, err = child.communicate(timeout=300)
        assert child.returncode == 0, err.decode()
        reports.append(json.loads(out))
    everything = {d["id"]: d for d in first + second}
    assert sum(r["added"] for r in reports) == len(everything)
    assert sum(r["unchanged"] for r in reports) == 60
    check_complete(db, list(everything.values()))


def test_two_processes_create_one_database(tmp_path):
    """Two processes opening a new file at once both get a working store."""
    docs = make_docs(10)
    write_jsonl(tmp_path / "docs.jsonl", docs)
    db = tmp_path / "fresh.db"
    children = [spawn(db, tmp_path / "docs.jsonl", batch=2) for _ in range(2)]
    for child in children:
        _, err = child.communicate(timeout=300)
        assert child.returncode == 0, err.decode()
    check_complete(db, docs)


@pytest.mark.parametrize("workers", [1, 2])
def test_interrupted_ingest_resumes_with_workers(tmp_path, workers):
    """An ingest that stopped part-way is completed exactly by running it again, with or
    without worker processes."""
    docs = make_docs(40)
    with Store(tmp_path / "news.db") as store:
        store.ingest(docs[:15], workers=workers, batch_size=4)
        report = store.ingest(docs, workers=workers, batch_size=4)
    assert (report.unchanged, report.added) == (15, 25)
    check_complete(tmp_path / "news.db", docs)


def test_opening_tries_again_while_the_database_is_locked(tmp_path, monkeypatch):
    """SQLite may answer "database is locked" at once, without its busy wait, while another
    process creates or converts a new file (seen when two processes open one new file): the
    store tries the opening again until its timeout, then gives a clear error."""
    from quotetrack import StoreError
    from quotetrack.store import store as store_module

    real = store_module.migrate
    calls = []

    def locked_twice(conn, path):
        calls.append(path)
        if len(calls) <= 2:
            raise sqlite3.OperationalError("database is locked")
        return real(conn, path)

    monkeypatch.setattr(store_module, "migrate", locked_twice)
    with Store(tmp_path / "news.db", timeout=10) as store:
        store.ingest(make_docs(2))
    assert len(calls) == 3
    check_complete(tmp_path / "news.db", make_docs(2))

    def always_locked(conn, path):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(store_module, "migrate", always_locked)
    started = time.monotonic()
    with pytest.raises(StoreError, match="locked"):
        Store(tmp_path / "other.db", timeout=0.3)
    assert time.monotonic() - started >= 0.3
