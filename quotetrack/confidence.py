"""Per-quote confidence: how often each rule's attributions were right on the development sets.

Every attribution records the rule (sieve) that made it and how its speaker was resolved. The
table ``quotetrack/data/confidence.tsv`` says, for each rule and resolution, how many of its
attributions matched a gold quote on the development sets and how many of those named the right
speaker (the end-to-end rule of `quotetrack.evaluate`). `confidence` turns that into a number in
[0, 1] for one attribution, so that a fact-checker can sort and filter: the share right for its
(sieve, resolution) when that pair was seen at least `MIN_SUPPORT` times, else for its sieve
alone, else None (not measured). The table is made by `quotetrack.evaluate.confidence_table`
(``python benchmarks/confidence.py EVAL_DIR``) and a test checks that it still comes out the same.
See docs/confidence.md.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Iterable, Mapping, Optional

import attrs

from .model import Attribution

__all__ = ["ANY", "MIN_SUPPORT", "RECOVERED", "SPAN", "TABLE_FILE", "ConfidenceRow", "confidence",
           "format_table", "read_table", "span_confidence"]

#: the file of the table, in quotetrack/data
TABLE_FILE = "confidence.tsv"
#: a confidence is given for a (sieve, resolution) pair, or a sieve, seen at least this often
MIN_SUPPORT = 20
#: the resolution column of a row that counts every resolution of its sieve
ANY = "*"
#: the first column of a span row: ``span:FLAG`` counts the quotes recovered with that flag
#: (`quotetrack.model.QUOTE_FLAGS`), ``span:recovered`` every recovered quote; "matched" is how
#: many were returned, "correct" how many of them matched a gold quote
SPAN = "span:"
RECOVERED = SPAN + "recovered"

_HEADER = ("# sieve\tresolution\tmatched\tcorrect\tprecision\n"
           "# per rule: attributions that matched a gold quote on the development sets, how many "
           "named the right speaker, and the share; resolution * is the rule as a whole\n"
           "# span:FLAG rows: quotes recovered with that flag (span:recovered: with any), how "
           "many matched a gold quote, and the share\n")


@attrs.frozen
class ConfidenceRow:
    """One line of the table: a rule (and resolution, or `ANY`) and its tallies."""

    sieve: str
    resolution: str
    matched: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.matched if self.matched else 0.0


def format_table(rows: Iterable[ConfidenceRow]) -> str:
    """The TSV text of ``rows``, sorted, as shipped in ``data/confidence.tsv``."""
    lines = [f"{r.sieve}\t{r.resolution}\t{r.matched}\t{r.correct}\t{r.precision:.3f}\n"
             for r in sorted(rows, key=lambda r: (r.sieve, r.resolution != ANY, r.resolution))]
    return _HEADER + "".join(lines)


def read_table(text: Optional[str] = None) -> dict[tuple[str, str], ConfidenceRow]:
    """The rows of the shipped table (or of ``text``), by (sieve, resolution)."""
    if text is None:
        text = resources.files("quotetrack").joinpath("data", TABLE_FILE).read_text("utf-8")
    rows = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        sieve, resolution, matched, correct, _ = line.split("\t")
        rows[sieve, resolution] = ConfidenceRow(sieve, resolution, int(matched), int(correct))
    return rows


@functools.lru_cache(maxsize=1)
def _shipped() -> Mapping[tuple[str, str], ConfidenceRow]:
    return read_table()


def confidence(attribution: Optional[Attribution]) -> Optional[float]:
    """How likely ``attribution``'s speaker is right, as measured for its rule; None when the
    quote has no attribution or its rule was seen too rarely to say."""
    if attribution is None:
        return None
    return _rule_confidence(attribution.sieve, attribution.resolution._value_)


@functools.lru_cache(maxsize=256)
def _rule_confidence(sieve: str, resolution: str) -> Optional[float]:
    table = _shipped()
    for key in ((sieve, resolution), (sieve, ANY)):
        row = table.get(key)
        if row is not None and row.matched >= MIN_SUPPORT:
            return round(row.precision, 3)
    return None


def span_confidence(flags: Iterable[str]) -> Optional[float]:
    """How likely a quote recovered with ``flags`` (rather than cleanly paired) spans a real
    quotation, as measured for those flags: the lowest share of its flags seen at least
    `MIN_SUPPORT` times, else the share of all recovered quotes; None for a clean quote."""
    flags = tuple(flags)
    if not flags:
        return None
    return _flags_confidence(flags)


@functools.lru_cache(maxsize=256)
def _flags_confidence(flags: tuple[str, ...]) -> Optional[float]:
    table = _shipped()
    shares = [row.precision for row in (table.get((SPAN + f, ANY)) for f in flags)
              if row is not None and row.matched >= MIN_SUPPORT]
    if shares:
        return round(min(shares), 3)
    row = table.get((RECOVERED, ANY))
    return round(row.precision, 3) if row is not None and row.matched else None
