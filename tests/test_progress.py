"""``quotetrack extract --progress``: a bar on stderr only, and no crash without tqdm."""

from __future__ import annotations

import importlib.util
import io
import json
import sys

import pytest

from quotetrack.batch import progress_bar
from quotetrack.cli import main

HAVE_TQDM = importlib.util.find_spec("tqdm") is not None
needs_tqdm = pytest.mark.skipif(
    not HAVE_TQDM, reason="tqdm is not installed (pip install 'quotetrack[progress]')"
)

DOCS = [
    {"id": "a", "text": "“We will win,” Jane Roe said."},
    {"id": "b", "text": "“It is close,” said Tom Poe."},
    {"id": "c", "text": "Nothing was said."},
]


class FakeTerminal(io.StringIO):
    """A text stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def jsonl(tmp_path):
    path = tmp_path / "docs.jsonl"
    lines = [json.dumps(d, ensure_ascii=False) for d in DOCS]
    lines.insert(1, "{not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def extract(monkeypatch, capsys, *argv, stderr=None):
    """Run ``quotetrack extract``; return (status, stdout, stderr)."""
    if stderr is not None:
        monkeypatch.setattr(sys, "stderr", stderr)
    code = main(["extract", *argv])
    out, err = capsys.readouterr()
    return code, out, stderr.getvalue() if stderr is not None else err


def hide_tqdm(monkeypatch):
    monkeypatch.setitem(sys.modules, "tqdm", None)  # "import tqdm" now raises ImportError


@needs_tqdm
def test_progress_flag_draws_a_bar_on_stderr_only(monkeypatch, capsys, jsonl):
    """--progress counts every document on stderr; stdout is byte for byte the same as without."""
    code, plain, plain_err = extract(monkeypatch, capsys, str(jsonl), "--no-progress")
    code_bar, out, err = extract(monkeypatch, capsys, str(jsonl), "--progress")
    assert code == code_bar == 1  # one line is broken
    assert out == plain
    assert "docs=4" in err  # three documents and the broken line
    assert "failed=1" in err
    assert f"{jsonl}:2: expected a JSON object" in err and f"{jsonl}:2:" in plain_err


@needs_tqdm
def test_progress_is_automatic_on_a_terminal(monkeypatch, capsys, jsonl):
    """With stderr a terminal and no flag the bar is drawn; --no-progress turns it off."""
    _, out, err = extract(monkeypatch, capsys, str(jsonl), stderr=FakeTerminal())
    assert "docs=4" in err
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["a", f"{jsonl}:2", "b", "c"]
    _, out_off, err_off = extract(
        monkeypatch, capsys, str(jsonl), "--no-progress", stderr=FakeTerminal()
    )
    assert out_off == out
    assert "docs=4" not in err_off


def test_no_progress_when_stderr_is_not_a_terminal(monkeypatch, capsys, jsonl):
    """Without the flag, stderr that is not a terminal gets only the error lines."""
    _, _, err = extract(monkeypatch, capsys, str(jsonl))
    assert err.splitlines() == [err.splitlines()[0]]
    assert err.startswith(f"{jsonl}:2: expected a JSON object")


def test_progress_flag_without_tqdm_says_so_and_goes_on(monkeypatch, capsys, jsonl):
    """--progress without tqdm writes one clear line on stderr; the output is unchanged."""
    _, plain, _ = extract(monkeypatch, capsys, str(jsonl))
    hide_tqdm(monkeypatch)
    code, out, err = extract(monkeypatch, capsys, str(jsonl), "--progress")
    assert code == 1 and out == plain
    assert "no progress bar" in err and "pip install 'quotetrack[progress]'" in err


def test_automatic_progress_without_tqdm_is_silent(monkeypatch, capsys, jsonl):
    """On a terminal without tqdm there is simply no bar, and no message about it."""
    hide_tqdm(monkeypatch)
    terminal = FakeTerminal()
    code, out, err = extract(monkeypatch, capsys, str(jsonl), stderr=terminal)
    assert code == 1 and len(out.splitlines()) == 4
    assert len(err.splitlines()) == 1 and err.startswith(f"{jsonl}:2: expected a JSON object")


@needs_tqdm
def test_progress_with_workers(monkeypatch, capsys, jsonl):
    """The bar also counts documents parsed in worker processes; the output keeps its order."""
    _, plain, _ = extract(monkeypatch, capsys, str(jsonl))
    _, out, err = extract(monkeypatch, capsys, str(jsonl), "--progress", "--workers", "2",
                          "--chunk-size", "1")
    assert out == plain
    assert "docs=4" in err


def test_progress_bar_without_tqdm_raises_import_error_naming_the_extra(monkeypatch):
    """batch.progress_bar raises ImportError naming quotetrack[progress] when tqdm is missing."""
    hide_tqdm(monkeypatch)
    with pytest.raises(ImportError, match=r"quotetrack\[progress\]"):
        progress_bar([1, 2], stream=io.StringIO())


@needs_tqdm
def test_progress_bar_yields_every_item():
    """The bar is a transparent wrapper: the same items come out, in order."""
    stream = io.StringIO()
    bar = progress_bar(iter(range(5)), stream=stream)
    assert list(bar) == [0, 1, 2, 3, 4]
    bar.close()
    assert "5doc" in stream.getvalue()


@needs_tqdm
def test_progress_shows_the_share_read_when_the_size_is_known(monkeypatch, capsys, jsonl):
    """For files the bar counts bytes against their size: it ends at 100 % of the file size,
    with the documents done beside it (and so can show the time left)."""
    code, _, err = extract(monkeypatch, capsys, str(jsonl), "--progress")
    size = jsonl.stat().st_size
    assert code == 1
    assert "100%" in err and f"{size}/{size}" in err and "docs=4" in err


@needs_tqdm
def test_progress_counts_documents_when_the_size_is_unknown(monkeypatch, capsys, jsonl):
    """Stdin from a pipe has no size: the bar counts documents, with no share or time left."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(jsonl.read_bytes()),
                                                       encoding="utf-8"))
    code, _, err = extract(monkeypatch, capsys, "-", "--progress")
    assert code == 1
    assert "4doc" in err and "%" not in err
