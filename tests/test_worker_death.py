"""Worker processes that die: the pool recovers or gives every document an error record, and
workers die with their parent without holding its stdout."""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quotetrack import ParseResult
from quotetrack.batch import WORKER_DIED, Document, DocumentError, process

pytestmark = [pytest.mark.slow,  # kills worker processes and waits for the pool
              pytest.mark.skipif(sys.platform == "win32", reason="needs POSIX signals")]

REPO = Path(__file__).resolve().parents[1]
TEXT = "“We will win,” Jane Roe said."


def kill_own_worker_on_poison(result: ParseResult) -> str:
    """A transform that SIGKILLs the worker process parsing a document whose id starts with
    'poison': what the out-of-memory killer does to a worker."""
    if result.id.startswith("poison"):
        os.kill(os.getpid(), signal.SIGKILL)
    return result.id


def docs(ids):
    return [Document(id=i, text=TEXT) for i in ids]


def test_a_document_that_kills_its_worker_gets_an_error_and_the_rest_go_on():
    """A worker killed by SIGKILL restarts the pool; the documents in flight are parsed again
    one at a time, the one that kills every time gets its own error, all in input order."""
    ids = [f"d{i}" for i in range(12)] + ["poison-1"] + [f"e{i}" for i in range(12)]
    out = list(process(docs(ids), workers=2, chunk_size=2,
                       transform=kill_own_worker_on_poison, max_restarts=3))
    assert len(out) == len(ids)
    assert [o.id if isinstance(o, DocumentError) else o for o in out] == ids
    assert out[12] == DocumentError(id="poison-1", message=WORKER_DIED)
    assert sum(isinstance(o, DocumentError) for o in out) == 1


def test_when_the_restarts_are_used_up_every_document_left_gets_an_aborted_record():
    """With no restarts allowed, the first death gives up the run: every document not yet
    written still comes out once, in order, as an error with aborted=True."""
    ids = [f"d{i}" for i in range(3)] + ["poison-1"] + [f"e{i}" for i in range(30)]
    out = list(process(docs(ids), workers=2, chunk_size=1, max_pending=2,
                       transform=kill_own_worker_on_poison, max_restarts=0))
    assert [o.id if isinstance(o, DocumentError) else o for o in out] == ids
    aborted = [o for o in out if isinstance(o, DocumentError)]
    assert aborted and all(o.aborted for o in aborted)
    assert out[-1] == DocumentError(
        id="e29", message="not parsed: the run was given up after worker processes died 1 times",
        aborted=True)
    assert "poison-1" in [o.id for o in aborted]


def test_max_restarts_is_checked():
    """A negative or non-integer max_restarts is a ConfigError at once."""
    from quotetrack import ConfigError

    with pytest.raises(ConfigError, match="max_restarts must be an integer >= 0, got -1"):
        process([], max_restarts=-1)


# --------------------------------------------------------------------------- real processes


def children(pid: int) -> list[int]:
    """The ids of the child processes of ``pid`` (Linux /proc)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as fh:
                    stat = fh.read()
            except OSError:
                continue
            fields = stat[stat.rindex(b")") + 2:].split()
            if int(fields[1]) == pid:
                found.append(int(entry))
    return found


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            stat = fh.read()
    except OSError:
        return False
    return stat[stat.rindex(b")") + 2:][:1] != b"Z"  # a zombie has died


def wait_until(condition, timeout: float = 60.0) -> bool:
    """Poll ``condition`` until it holds or ``timeout`` seconds pass (no fixed sleeps)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def read_to_end(stream, timeout: float) -> bool:
    """Read ``stream`` (an unbuffered pipe) until its end; False if ``timeout`` seconds pass
    first, so that a test of a hang cannot hang itself."""
    deadline = time.monotonic() + timeout
    while (left := deadline - time.monotonic()) > 0:
        ready, _, _ = select.select([stream], [], [], left)
        if ready and not stream.read(65536):
            return True
    return False


def line(i: int) -> bytes:
    return json.dumps({"id": f"doc-{i}", "text": f"Doc {i}. {TEXT}"}).encode() + b"\n"


needs_proc = pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs Linux /proc")


def start_extract(*extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "quotetrack", "extract", "-", "--workers", "2",
         "--chunk-size", "1", "--no-progress", *extra],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO,
        bufsize=0,  # unbuffered: the first line read by hand leaves the rest in the pipe
    )


def started_workers(proc: subprocess.Popen, first_batch: int) -> list[int]:
    """Feed ``first_batch`` documents and wait for the first output line: then the workers run."""
    proc.stdin.write(b"".join(line(i) for i in range(first_batch)))
    proc.stdin.flush()
    first = proc.stdout.readline()
    assert json.loads(first)["id"] == "doc-0"
    workers = children(proc.pid)
    assert len(workers) >= 1
    return workers


@needs_proc
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_killing_a_worker_of_the_command_loses_no_document(sig):
    """`quotetrack extract --workers 2` whose worker is killed with a real signal restarts its
    pool and writes every document exactly once, in order, and says so on stderr."""
    with start_extract() as proc:
        try:
            workers = started_workers(proc, 20)
            os.kill(workers[0], sig)
            assert wait_until(lambda: not alive(workers[0]))
            rest = b"".join(line(i) for i in range(20, 60))
            out, err = proc.communicate(rest, timeout=120)
        finally:
            proc.kill()
    ids = ["doc-0"] + [json.loads(x)["id"] for x in out.decode().splitlines()]
    assert ids == [f"doc-{i}" for i in range(60)]
    assert proc.returncode == 0, err.decode()
    assert b"worker process died" in err


@needs_proc
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_workers_die_with_their_parent_and_release_its_stdout(sig):
    """When the parent alone is killed, its workers exit and the reader of its stdout sees
    the end of the output: no orphan keeps a downstream `| wc -l` waiting."""
    with start_extract() as proc:
        try:
            workers = started_workers(proc, 20)
            os.kill(proc.pid, sig)
            proc.wait(timeout=60)
            # the end of the output comes only when no process holds the pipe's write end
            assert read_to_end(proc.stdout, timeout=60), "a worker still holds stdout"
            assert wait_until(lambda: not any(alive(w) for w in workers))
        finally:
            proc.kill()
            for worker in locals().get("workers", ()):  # if the test failed, leave no orphan
                try:
                    os.kill(worker, signal.SIGKILL)
                except OSError:
                    pass
    assert proc.returncode == -sig


def kill_on_poison_line(result: ParseResult, kinds, join_parts: bool = False) -> str:
    """Stands in for quotetrack.cli.jsonl_line in the workers: SIGKILLs the worker on a
    document whose id starts with 'poison', writes the usual line otherwise."""
    from quotetrack.cli import select_kinds
    from quotetrack.scale import output_line
    from quotetrack.serialize import document_output

    if result.id.startswith("poison"):
        os.kill(os.getpid(), signal.SIGKILL)
    return output_line(document_output(select_kinds(result, kinds)))


@pytest.mark.parametrize(("poison", "status"), [(["poison-1"], 1), (["poison-1", "poison-2"], 3)],
                         ids=["recovered", "given-up"])
def test_the_command_reports_a_given_up_run_with_status_3(capsys, monkeypatch, tmp_path,
                                                          poison, status):
    """`extract --workers 2` whose workers are killed by a document: one poison document costs
    two restarts and gets its own error record (status 1); a second uses up the restarts, the
    run is given up with an error record for every document left, and the status is 3."""
    from quotetrack.cli import main

    monkeypatch.setattr("quotetrack.cli.jsonl_line", kill_on_poison_line)
    ids = [f"d{i}" for i in range(6)] + [poison[0]] + [f"e{i}" for i in range(6)] + poison[1:] \
        + [f"f{i}" for i in range(6)]
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps({"id": i, "text": TEXT}) + "\n" for i in ids),
                    encoding="utf-8")
    code = main(["extract", str(path), "--workers", "2", "--chunk-size", "1"])
    out, err = capsys.readouterr()
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in records] == ids
    assert code == status
    assert "a worker process died; restarting the pool" in err
    if status == 3:
        assert "giving up the run" in err and "the run was given up" in err
        assert records[-1]["error"].startswith("not parsed: the run was given up")
    else:
        assert [r["id"] for r in records if "error" in r] == ["poison-1"]
