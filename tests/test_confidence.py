"""Per-quote confidence: a table measured with the scorer, shipped as data, on every quote."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import quotetrack
from quotetrack import Attribution, Resolution
from quotetrack.confidence import (ANY, MIN_SUPPORT, TABLE_FILE, ConfidenceRow, confidence,
                                   format_table, read_table)
from quotetrack.evaluate import confidence_table, evaluate, outcomes
from quotetrack.serialize import document_output

REPO = Path(__file__).resolve().parents[1]
EVAL = REPO.parent / "shared" / "eval"
SHIPPED = Path(quotetrack.__file__).parent / "data" / TABLE_FILE
SEED = [json.loads(line) for line in
        (REPO / "tests" / "fixtures" / "seed.jsonl").read_text(encoding="utf-8").splitlines()]


def attribution(sieve: str, resolution: Resolution) -> Attribution:
    return Attribution(speaker=None, mention=None, cue=None, sieve=sieve, resolution=resolution)


@pytest.mark.skipif(not EVAL.is_dir(), reason=f"the development sets are not in {EVAL}")
def test_the_shipped_table_is_what_the_scorer_measures_now():
    """data/confidence.tsv is exactly what confidence_table measures on the *-dev sets with the
    current parser and scorer (regenerate: python benchmarks/confidence.py EVAL_DIR)."""
    sets = [[json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip()] for path in sorted(EVAL.glob("*-dev.jsonl"))]
    assert len(sets) >= 2
    assert SHIPPED.read_text(encoding="utf-8") == format_table(confidence_table(sets)), (
        "data/confidence.tsv is stale: run python benchmarks/confidence.py ../shared/eval")


def test_outcomes_add_up_to_the_counts():
    """The per-prediction outcomes the table is made from agree with evaluate's counts."""
    pred = [document_output(quotetrack.parse(d["text"], id=d["id"])) for d in SEED]
    for indirect in (False, True):
        counts = evaluate(SEED, pred, indirect=indirect).counts
        found = outcomes(SEED, pred, indirect=indirect)
        assert len(found) == counts.pred
        assert sum(o.matched for o in found) == counts.match
        assert sum(o.speaker_ok for o in found) == counts.e2e


def test_the_table_is_built_from_outcomes_per_rule_and_resolution():
    """confidence_table counts each matched prediction for its (sieve, resolution) and for its
    sieve as a whole; the seed alone gives a small table in the same format."""
    rows = {(r.sieve, r.resolution): r for r in confidence_table([SEED])}
    for sieve in {s for s, _ in rows}:
        parts = [r for (s, res), r in rows.items() if s == sieve and res != ANY]
        assert rows[sieve, ANY].matched == sum(r.matched for r in parts)
        assert rows[sieve, ANY].correct == sum(r.correct for r in parts)
    assert read_table(format_table(rows.values())) == rows


def test_confidence_uses_the_finest_level_with_enough_support():
    """A (sieve, resolution) seen MIN_SUPPORT times gives its own share; a rarer pair falls back
    to its sieve; a rare sieve, an unknown one or no attribution give None."""
    table = read_table()
    pair = next(k for k, r in table.items() if k[1] != ANY and r.matched >= MIN_SUPPORT)
    assert confidence(attribution(pair[0], Resolution(pair[1]))) == round(table[pair].precision, 3)
    rare = next(k for k, r in table.items() if k[1] != ANY and r.matched < MIN_SUPPORT
                and table[k[0], ANY].matched >= MIN_SUPPORT)
    assert confidence(attribution(rare[0], Resolution(rare[1]))) == round(
        table[rare[0], ANY].precision, 3)
    assert confidence(attribution("no_such_rule", Resolution.NAME)) is None
    assert confidence(None) is None
    assert ConfidenceRow("x", ANY, 0, 0).precision == 0.0


def test_every_output_quote_has_its_confidence():
    """Each quote dict of the output carries confidence, a number in [0, 1] or null, equal to
    confidence(attribution); the text format shows it on the speaker line."""
    result = quotetrack.parse(SEED[0]["text"], id="s")
    line = document_output(result)
    for quote, d in zip(result.quotes, line["quotes"], strict=True):
        assert d["confidence"] == confidence(quote.attribution)
        assert d["confidence"] is None or 0 <= d["confidence"] <= 1
    assert any(d["confidence"] is not None for d in line["quotes"])
    from quotetrack.cli import format_text

    assert "; confidence 0." in format_text(result)


def test_span_confidence_of_recovered_quotes():
    """A recovered quote has the measured share of its flags (the lowest one seen often
    enough, else that of all recovered quotes); a clean quote has none; the output carries it."""
    from quotetrack.confidence import RECOVERED, SPAN, span_confidence
    from quotetrack.serialize import quote_to_dict

    table = read_table()
    assert span_confidence(()) is None
    pooled = round(table[RECOVERED, ANY].precision, 3)
    assert 0 < pooled <= 1
    for flag in ("reopened", "unclosed"):
        row = table[SPAN + flag, ANY]
        expected = round(row.precision, 3) if row.matched >= MIN_SUPPORT else pooled
        assert span_confidence([flag]) == expected
    assert span_confidence(["reopened", "unclosed"]) == min(
        span_confidence(["reopened"]), span_confidence(["unclosed"]))
    clean, recovered = quotetrack.parse(
        '"Yes," said Ana Ruiz.\n\nJudge Ada Roe said: "The appeal fails.').quotes
    assert quote_to_dict(clean)["span_confidence"] is None
    assert quote_to_dict(recovered)["span_confidence"] == span_confidence(recovered.flags)
