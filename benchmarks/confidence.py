"""Measure the per-rule confidence table, quotetrack/data/confidence.tsv, on the development sets.

usage: python benchmarks/confidence.py EVAL_DIR [--check]

Reads every ``*-dev.jsonl`` gold file of EVAL_DIR (the evaluation sets are not part of
quotetrack), parses it with the default parser, scores it with quotetrack.evaluate and writes
the table; with --check it only says whether the shipped table is still what comes out.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from quotetrack.confidence import TABLE_FILE, format_table
from quotetrack.evaluate import confidence_table

TABLE = Path(__file__).resolve().parent.parent / "quotetrack" / "data" / TABLE_FILE


def dev_sets(eval_dir: Path) -> list[list[dict]]:
    """The gold documents of each development set of ``eval_dir``, in file-name order."""
    return [[json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip()] for path in sorted(eval_dir.glob("*-dev.jsonl"))]


def main(argv: list[str]) -> int:
    if not argv or argv[0].startswith("-"):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    sets = dev_sets(Path(argv[0]))
    if not sets:
        print(f"no *-dev.jsonl files in {argv[0]}", file=sys.stderr)
        return 1
    table = format_table(confidence_table(sets))
    if "--check" in argv[1:]:
        same = TABLE.read_text(encoding="utf-8") == table
        print("the shipped table is up to date" if same else f"{TABLE} is stale: run without --check")
        return 0 if same else 1
    TABLE.write_text(table, encoding="utf-8")
    print(f"wrote {TABLE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
