"""The command with real streams: closed stdin or stdout, other locales, a reader that goes
away, a full disk, -o FILE and mistyped options."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from quotetrack.cli import main

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "seed.txt"
TEXT = "“Wir schaffen das,” sagte Angela Merkel. “Ça va,” said Zoë Ōkubo in Kraków, “日本.”"

posix = pytest.mark.skipif(sys.platform == "win32", reason="needs POSIX file descriptors")


def quotetrack(*args: str, stdin=None, stdout=subprocess.PIPE, env=None,
               closed=None) -> subprocess.CompletedProcess:
    """Run ``python -m quotetrack ARGS`` in a subprocess (bounded in time), with file
    descriptor ``closed`` closed if given (``<&-`` is 0, ``>&-`` is 1)."""
    return subprocess.run(
        [sys.executable, "-m", "quotetrack", *args], stdin=stdin, stdout=stdout,
        stderr=subprocess.PIPE, cwd=REPO, timeout=120, env={**os.environ, **(env or {})},
        preexec_fn=None if closed is None else (lambda: os.close(closed)),
    )


@pytest.fixture
def article(tmp_path) -> Path:
    path = tmp_path / "zoë.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


@posix
@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "ascii"])
@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "text"])
def test_output_is_utf8_whatever_the_locale(article, tmp_path, encoding, fmt):
    """With PYTHONIOENCODING set to cp1252, latin-1 or ascii, the output is still the UTF-8
    bytes of the same output (no crash half-way, no file in another encoding)."""
    reference = quotetrack("extract", str(article), "--format", fmt,
                           env={"PYTHONIOENCODING": "utf-8"})
    assert reference.returncode == 0, reference.stderr
    assert "Zoë" in reference.stdout.decode("utf-8")
    other = quotetrack("extract", str(article), "--format", fmt,
                       env={"PYTHONIOENCODING": encoding, "LC_ALL": "C"})
    assert (other.returncode, other.stdout) == (0, reference.stdout), other.stderr


@posix
def test_error_messages_with_other_scripts_do_not_crash_stderr(tmp_path):
    """An error naming an id in another script is written on a latin-1 stderr as escapes."""
    path = tmp_path / "docs.jsonl"
    path.write_text(json.dumps({"id": "日本", "text": 5}) + "\n", encoding="utf-8")
    done = quotetrack("extract", str(path), env={"PYTHONIOENCODING": "latin-1"})
    assert done.returncode == 1
    assert json.loads(done.stdout.decode("utf-8"))["id"] == "日本"
    assert done.stderr.decode("latin-1").startswith("\\u65e5\\u672c: ")


@posix
def test_closed_stdout_is_a_usage_error():
    """`>&-`: a clear message and status 2, not an AttributeError traceback."""
    done = quotetrack("extract", str(EXAMPLE), closed=1)
    assert done.returncode == 2
    assert b"stdout is closed; give an output file with -o FILE" in done.stderr
    assert b"Traceback" not in done.stderr


@posix
def test_closed_stdout_with_an_output_file_works(tmp_path):
    """`>&-` with -o FILE writes the file: stdout is never needed."""
    out = tmp_path / "out.jsonl"
    done = quotetrack("extract", str(EXAMPLE), "-o", str(out), closed=1)
    assert done.returncode == 0, done.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["id"] == str(EXAMPLE)


@posix
def test_closed_stdin_only_matters_when_it_is_read(tmp_path):
    """`<&-`: reading files works; reading '-' is a usage error with a message."""
    ok = quotetrack("extract", str(EXAMPLE), closed=0)
    assert ok.returncode == 0 and json.loads(ok.stdout)["id"] == str(EXAMPLE)
    bad = quotetrack("extract", closed=0)
    assert bad.returncode == 2 and b"stdin is closed" in bad.stderr
    assert b"Traceback" not in bad.stderr


@posix
def test_a_reader_that_goes_away_gives_status_141_and_no_traceback(tmp_path):
    """`quotetrack extract … | head -n 1`: the command stops quietly with 141, like a command
    killed by SIGPIPE, not with the status of a failed document."""
    path = tmp_path / "many.jsonl"
    path.write_text("".join(json.dumps({"id": str(i), "text": TEXT * 20}) + "\n"
                            for i in range(3000)), encoding="utf-8")
    head = subprocess.Popen(["head", "-n", "1"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    with head:
        done = subprocess.run([sys.executable, "-m", "quotetrack", "extract", str(path)],
                              stdout=head.stdin, stderr=subprocess.PIPE, cwd=REPO, timeout=300)
        head.stdin.close()
        first = head.stdout.read()
    assert json.loads(first)["id"] == "0"
    assert done.returncode == 141, done.stderr
    assert done.stderr == b""


@posix
@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("target", ["stdout", "-o"])
def test_a_full_disk_gives_up_the_run_with_status_3(target):
    """Writing to a full device is a one-line error and status 3, not an OSError traceback."""
    if target == "-o":
        done = quotetrack("extract", str(EXAMPLE), "-o", "/dev/full")
    else:
        with open("/dev/full", "wb") as full:
            done = quotetrack("extract", str(EXAMPLE), stdout=full)
    assert done.returncode == 3
    assert b"No space left on device; the run was given up" in done.stderr
    assert b"Traceback" not in done.stderr


@posix
@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_evaluate_on_a_full_disk_gives_up_with_status_3():
    """evaluate's scores written to a full device: one line and status 3, no OSError."""
    fixture = str(REPO / "tests" / "fixtures" / "seed.jsonl")
    with open("/dev/full", "wb") as full:
        done = quotetrack("evaluate", fixture, stdout=full)
    assert done.returncode == 3
    assert b"No space left on device; the run was given up" in done.stderr
    assert b"Traceback" not in done.stderr


def test_output_file_gets_the_same_bytes_as_stdout(capsys, article, tmp_path):
    """-o FILE writes exactly what stdout would get, as UTF-8."""
    assert main(["extract", str(article)]) == 0
    printed = capsys.readouterr().out
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(article), "--output", str(out)]) == 0
    assert capsys.readouterr().out == ""
    assert out.read_bytes() == printed.encode("utf-8")


def test_output_file_that_cannot_be_opened_is_a_usage_error(capsys, article, tmp_path):
    """-o into a missing directory: status 2 and the reason."""
    assert main(["extract", str(article), "-o", str(tmp_path / "no" / "out.jsonl")]) == 2
    assert "cannot write: No such file or directory" in capsys.readouterr().err


@pytest.mark.parametrize(("argv", "hint"), [
    (["extract", "--wrokers", "2"], "--wrokers (did you mean --workers?)"),
    (["extract", "--fromat=csv"], "--fromat (did you mean --format?)"),
    (["evaluate", "gold.jsonl", "--mises", "3"], "--mises (did you mean --misses?)"),
])
def test_a_mistyped_option_shows_the_command_usage_and_a_suggestion(capsys, argv, hint):
    """An unknown option is reported with the subcommand's usage and the nearest option."""
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"usage: quotetrack {argv[0]} ")
    assert hint in err


@pytest.mark.parametrize(("argv", "hint"), [
    (["extrct", "x.txt"], "did you mean 'extract'?"),
    (["extract", "--format", "jsnl"], "did you mean 'jsonl'?"),
])
def test_a_mistyped_command_or_choice_gets_a_suggestion(capsys, argv, hint):
    """An invalid command or choice lists the choices and names the nearest one."""
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "invalid choice" in err and hint in err


def test_options_are_not_abbreviated(capsys):
    """--work is not taken as --workers: options must be given in full."""
    assert main(["extract", str(EXAMPLE), "--work", "2"]) == 2
    assert "unrecognized arguments: --work" in capsys.readouterr().err


def test_help_shows_examples_exit_statuses_and_the_docs(capsys):
    """--help of the command and of each subcommand lists examples and the exit statuses."""
    for argv in (["--help"], ["extract", "--help"], ["evaluate", "--help"]):
        assert main(argv) == 0
        out = capsys.readouterr().out
        assert "examples:" in out and "exit status:" in out and "141" in out
        assert "docs/cli.md" in out
