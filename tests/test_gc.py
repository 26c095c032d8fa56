"""The garbage collector pause of `Parser.parse` and serialisation (``pause_gc``) is safe, limited
to long documents, and leaves the collector as it found it.

Safe means: parsing and serialising make no reference cycles, so nothing waits for the collector
while it is paused. See benchmarks/HISTORY.md for why the pause exists (long documents).
"""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest

from fixture_texts import fixture_texts
from quotetrack import InputTypeError, Parser
from quotetrack.collector import PAUSE_MIN_CHARS
from quotetrack.serialize import document_output, result_to_dict, to_json
from test_hostile import SHAPES

REPO = Path(__file__).resolve().parents[1]
LONG = "\n\n".join([SHAPES["long-article"]] * 2)
MANY_QUOTES = '"a" ' * (PAUSE_MIN_CHARS // 4)


@pytest.fixture
def collections():
    """Counts the collections that start while the test runs; restores the collector's state."""
    was = gc.isenabled()
    seen: list[int] = []

    def callback(phase, info):
        if phase == "start":
            seen.append(info["generation"])

    gc.callbacks.append(callback)
    yield seen
    gc.callbacks.remove(callback)
    (gc.enable if was else gc.disable)()


def _start_counting(collections) -> None:
    gc.enable()
    gc.collect()  # the allocations counted while the collector was off would start one at once
    collections.clear()


#: parses and serialises the texts of a JSON file (argv[1]) with the collector off, after one
#: warm-up parse (first uses load lexicons and compile patterns), and prints what a collection
#: then finds
NO_CYCLES_SCRIPT = """
import gc, json, sys
from quotetrack import Parser
from quotetrack.scale import parse_batch
from quotetrack.serialize import document_output, result_to_dict
texts = json.load(open(sys.argv[1], encoding="utf-8"))
parsers = (Parser(), Parser(claims=True, beliefs=True, pause_gc=False))
for parser in parsers:
    result_to_dict(parser.parse("“Warm up,” she said of 5 plans."))
gc.collect()
gc.disable()
for parser in parsers:
    for i, text in enumerate(texts):
        result = parser.parse(text, id=str(i))
        json.dumps(document_output(result))
        json.dumps(result_to_dict(result))
    parse_batch(['{"id": "a", "text": "x"}', "not json", b"\\xff", {"id": "b", "text": 5}],
                parser)
print(gc.collect())
"""


def test_parsing_makes_no_reference_cycles(tmp_path):
    """With the collector off, parsing and serialising every fixture and hostile shape (claims
    and beliefs on) leaves nothing for a collection to free: reference counting frees it all.
    In a fresh process, so that no other thread (a Dask cluster of another test) adds garbage."""
    texts = tmp_path / "texts.json"
    texts.write_text(json.dumps(fixture_texts() + [LONG]), encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", NO_CYCLES_SCRIPT, str(texts)], cwd=REPO,
                          env={**os.environ, "PYTHONPATH": str(REPO)},
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.split() == ["0"]


def test_no_collection_runs_during_a_long_parse(collections):
    """A long document parses without a collection (the allocations counted during the pause start
    one young collection when the collector is back on); with pause_gc=False it triggers many."""
    assert len(LONG) >= PAUSE_MIN_CHARS
    paused, unpaused = Parser(), Parser(pause_gc=False)
    _start_counting(collections)
    paused.parse(LONG)
    during_paused = len(collections)
    unpaused.parse(LONG)
    assert during_paused <= 1
    assert len(collections) > 10


@pytest.mark.parametrize("serialise", [document_output, result_to_dict])
def test_no_collection_runs_while_a_long_result_is_serialised(collections, serialise):
    """Writing out the 25,000 quotes of a long document runs no collection (but the one when the
    collector is back on); with pause_gc=False it runs many."""
    result = Parser().parse(MANY_QUOTES)
    assert len(result.quotes) == PAUSE_MIN_CHARS // 4
    _start_counting(collections)
    serialise(result)
    paused = len(collections)
    serialise(result, pause_gc=False)
    assert paused <= 1
    assert len(collections) > 10


def test_short_documents_leave_the_collector_alone():
    """Below PAUSE_MIN_CHARS characters neither parsing nor serialising switches the collector;
    at PAUSE_MIN_CHARS both do, once each."""
    short = "“Yes,” she said. " * 10
    long = short * (PAUSE_MIN_CHARS // len(short) + 1)
    with mock.patch("gc.disable") as disable:
        result = Parser().parse(short)
        document_output(result)
        to_json(result)
        assert disable.call_count == 0
        result = Parser().parse(long)
        document_output(result)
        assert disable.call_count == 2


@pytest.mark.parametrize("enabled", [True, False])
def test_collector_state_is_restored(enabled):
    """The collector is on after a parse or serialisation if it was on before, and off if it was
    off, also when they raise."""
    was = gc.isenabled()
    broken = Parser().parse(MANY_QUOTES)
    broken = type(broken)(text=broken.text, quotes=broken.quotes[:1], speakers=(),
                          diagnostics=(), id=None, non_statements=(), claims=())
    try:
        (gc.enable if enabled else gc.disable)()
        Parser().parse(LONG)
        assert gc.isenabled() is enabled
        with pytest.raises(InputTypeError):
            Parser().parse(LONG.encode())
        assert gc.isenabled() is enabled
        with mock.patch("quotetrack.serialize._check_speakers", side_effect=ValueError("x")):
            with pytest.raises(ValueError):
                result_to_dict(broken)
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_pause_gc_must_be_a_bool():
    """A wrong type for an option is a ConfigError, like every other misuse."""
    from quotetrack import ConfigError

    with pytest.raises(ConfigError, match="Parser\\(pause_gc=...\\) expects True or False"):
        Parser(pause_gc="yes")
