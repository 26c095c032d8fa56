"""benchmarks/bench.py still runs: its inputs, its profile summary and a tiny end-to-end run.

Nothing here looks at how long anything took; the benchmark itself is run by hand (see
benchmarks/HISTORY.md).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

import quotetrack
from quotetrack import Parser

REPO = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the benchmark reads /proc (Linux only)"
)


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench", REPO / "benchmarks" / "bench.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench"] = module  # its functions run in worker processes, pickled by name
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        del sys.modules["bench"]


def test_synthetic_documents_are_deterministic_news_text(bench):
    """--synthetic N gives the same N articles every time, with quotes the parser finds."""
    docs = bench.synthetic_docs(5)
    assert docs == bench.synthetic_docs(5)
    assert len({d["id"] for d in docs}) == 5
    parser = Parser()
    assert all(parser.parse(d["text"]).quotes for d in docs)


@pytest.mark.parametrize("name", ["stray-straight", "unclosed-then-text", "nested-alternating",
                                  "no-punctuation", "he-said", "capitalised-names"])
def test_hostile_inputs_have_the_size_asked_for(bench, name):
    """Each hostile input grows with its size parameter as its unit says."""
    _, _, unit, make = bench.HOSTILE[name]
    small, large = make(400), make(800)
    if unit == "chars":
        assert len(small) in (400, 401) and len(large) in (800, 801)
    else:
        assert 1.8 < len(large) / len(small) < 2.2


@pytest.mark.skipif(quotetrack.COMPILED, reason="cProfile cannot see inside compiled modules")
def test_stage_shares_add_up(bench):
    """The per-module self shares of a profile add up to the whole and name the rule modules."""
    parser = Parser()
    docs = bench.synthetic_docs(3)
    total, rows = bench.stage_shares(bench.profile_stats(lambda: bench.run_pipeline(docs, parser)))
    assert total > 0
    assert sum(own for _, own, _ in rows) == pytest.approx(1.0)
    modules = {module for module, _, _ in rows}
    assert {"rules.marks", "rules.tokens", "serialize", "parser"} <= modules
    assert all(0 <= own <= incl + 1e-9 <= 1 + 1e-9 for _, own, incl in rows)


def test_a_tiny_run_end_to_end(bench, tmp_path, capsys):
    """Throughput and floor, --workers 1 and 2, and one hostile input run and report."""
    out = tmp_path / "results.json"
    argv = ["--synthetic", "6", "--repeat", "1", "--no-profile", "--scaling-mb", "0.05",
            "--quiet-wait", "0", "--all", "--only", "he-said", "--hostile-scale", "0.005",
            "--hostile-runs", "1", "--json", str(out)]
    assert bench.main(argv) == 0
    printed = capsys.readouterr().out
    assert "pipeline/floor" in printed and "speedup" in printed and "he-said" in printed
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["throughput"]["documents"] == 6
    assert report["scaling"]["identical"] is True
    assert report["scaling"]["workers_2"]["status"] == 1  # the one broken line
    assert len(report["scaling"]["workers_2"]["error_records"]) == 1
    assert [r["size"] for r in report["hostile"]["he-said"]["rows"]] == [62, 125, 250, 500]
