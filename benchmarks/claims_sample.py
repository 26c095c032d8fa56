"""Print every numeric claim found in a fixed random sample of BBC articles, for checking by hand.

    python benchmarks/claims_sample.py [--corpus ../shared/corpus/bbc.jsonl] [--n 30] [--seed 2024]

The corpus is copyrighted and stays outside the repository: this script reads it where it lies
and prints to the terminal. docs/claims.md records the sample ids and the counts from one check.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

from quotetrack.rules.claims import find_claims  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bbc.jsonl"


def sample(corpus: Path, n: int, seed: int) -> list[dict]:
    with corpus.open(encoding="utf-8") as f:
        docs = [json.loads(line) for line in f if line.strip()]
    docs.sort(key=lambda d: d["id"])
    return random.Random(seed).sample(docs, n)


def describe(claim) -> str:
    q = claim.quantity
    number = f"{q.low:g}-{q.high:g}" if q.is_range else ("?" if q.value is None else f"{q.value:g}")
    return f"{number} {q.qualifier.value} unit={q.unit!r} rule={claim.rule} source={claim.source.value}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--n", type=int, default=30)
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    docs = sample(args.corpus, args.n, args.seed)
    print("sample:", " ".join(d["id"] for d in docs))
    total = 0
    for doc in docs:
        claims = find_claims(doc["text"])
        total += len(claims)
        print(f"\n=== {doc['id']}: {len(claims)} claims")
        for k, claim in enumerate(claims, 1):
            print(f"[{k}] {claim.text!r}  ->  {describe(claim)}")
            print(f"    {claim.sentence.text}")
    print(f"\n{total} claims in {len(docs)} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
