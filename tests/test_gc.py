"""The garbage collector pause of `Parser.parse` (``pause_gc``) is safe and leaves the state as found.

Safe means: parsing makes no reference cycles, so nothing waits for the collector while it is
paused. See docs/performance.md for why the pause exists (long documents).
"""

from __future__ import annotations

import gc
import json
from pathlib import Path

import pytest

from quotetrack import InputTypeError, Parser
from quotetrack.scale import parse_batch
from quotetrack.serialize import document_output, result_to_dict
from test_hostile import SHAPES

REPO = Path(__file__).resolve().parents[1]


def _texts() -> list[str]:
    texts = [json.loads(line)["text"] for line in
             (REPO / "tests" / "fixtures" / "seed.jsonl").read_text("utf-8").splitlines()]
    texts += [case["text"] for case in
              json.loads((REPO / "tests" / "fixtures" / "patterns.json").read_text("utf-8"))]
    return texts + list(SHAPES.values())


@pytest.fixture
def collector_off():
    was = gc.isenabled()
    gc.collect()
    gc.disable()
    yield
    if was:
        gc.enable()


@pytest.fixture
def collections():
    """Counts the collections that start while the test runs."""
    seen: list[int] = []

    def callback(phase, info):
        if phase == "start":
            seen.append(info["generation"])

    gc.callbacks.append(callback)
    yield seen
    gc.callbacks.remove(callback)


def test_parsing_makes_no_reference_cycles(collector_off):
    """With the collector off, parsing and serialising every fixture and hostile shape (claims
    and beliefs on) leaves nothing for a collection to free: reference counting frees it all."""
    for parser in (Parser(), Parser(claims=True, beliefs=True, pause_gc=False)):
        for i, text in enumerate(_texts()):
            result = parser.parse(text, id=str(i))
            json.dumps(document_output(result))
            json.dumps(result_to_dict(result))
        parse_batch(['{"id": "a", "text": "x"}', "not json", b"\xff", {"id": "b", "text": 5}],
                    parser)
    assert gc.collect() == 0


def test_no_collection_runs_during_a_parse(collections):
    """A long document parses without a collection (the allocations counted during the pause start
    one young collection when the collector is back on); with pause_gc=False it triggers many."""
    text = SHAPES["long-article"]
    paused, unpaused = Parser(), Parser(pause_gc=False)
    gc.enable()
    gc.collect()  # the allocations counted while the collector was off would start one at once
    collections.clear()
    paused.parse(text)
    during_paused = len(collections)
    unpaused.parse(text)
    assert during_paused <= 1
    assert len(collections) > 10


@pytest.mark.parametrize("enabled", [True, False])
def test_collector_state_is_restored(enabled):
    """The collector is on after a parse if it was on before, and off if it was off, also when
    the parse raises."""
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        Parser().parse("“Yes,” she said.")
        assert gc.isenabled() is enabled
        with pytest.raises(InputTypeError):
            Parser().parse(b"bytes")
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_pause_gc_must_be_a_bool():
    with pytest.raises(TypeError):
        Parser(pause_gc="yes")


@pytest.mark.parametrize("serialise", [document_output, result_to_dict])
def test_no_collection_runs_while_a_result_is_serialised(collections, serialise):
    """Writing out a result of 5,000 quotes runs no collection (but the one when the collector is
    back on); with pause_gc=False it runs many."""
    result = Parser().parse('"a" ' * 5_000)
    assert len(result.quotes) == 5_000
    gc.enable()
    gc.collect()  # the allocations counted while the collector was off would start one at once
    collections.clear()
    serialise(result)
    paused = len(collections)
    serialise(result, pause_gc=False)
    assert paused <= 1
    assert len(collections) > 10
