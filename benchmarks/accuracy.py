"""Scores of quotetrack on the evaluation sets, as a Markdown table (docs/accuracy.md).

usage: python benchmarks/accuracy.py [EVAL_DIR]   (default: ../shared/eval beside the repo)

Each gold file is parsed with the default parser and scored with quotetrack.evaluate (the rules
of the evaluation's SCORING.md): direct and mixed quotes, then indirect speech.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import quotetrack
from quotetrack.evaluate import evaluate
from quotetrack.serialize import document_output

ROOT = Path(__file__).resolve().parent.parent
METRICS = ("quote_p", "quote_r", "quote_f1", "speaker_name_acc", "speaker_mention_acc",
           "attribution_f1", "title_acc", "affiliation_acc")


def main(argv: list[str]) -> int:
    eval_dir = Path(argv[0]) if argv else ROOT.parent / "shared" / "eval"
    files = sorted(eval_dir.glob("*.jsonl")) if eval_dir.is_dir() else []
    if not files:
        print(f"no evaluation files in {eval_dir}; pass the folder that holds the gold .jsonl files")
        return 1
    parser = quotetrack.Parser()
    print("| set | scored | " + " | ".join(METRICS) + " | parse s |")
    print("|---|---|" + "---|" * (len(METRICS) + 1))
    for path in files:
        gold = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
        started = time.process_time()
        results = [parser.parse(d["text"], id=d["id"]) for d in gold]
        seconds = time.process_time() - started
        pred = [document_output(r) for r in results]
        # PolNeAR annotates a quotation over several paragraphs as one record, the other sets
        # one record per paragraph: both ways are shown
        joined = [document_output(r, join_parts=True) for r in results]
        for label, indirect, lines in (("direct+mixed", False, pred),
                                       ("direct+mixed, parts joined", False, joined),
                                       ("indirect", True, pred)):
            scores = evaluate(gold, lines, indirect=indirect).as_dict()
            cells = " | ".join(f"{scores[m]:.3f}" for m in METRICS)
            print(f"| {path.stem} | {label} | {cells} | {seconds:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
