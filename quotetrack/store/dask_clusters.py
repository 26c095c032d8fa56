"""Recurring quotes across an archive that outgrows one machine: the store's clustering on Dask.

`cluster_outputs` reads the JSON Lines or Parquet output of `quotetrack.dask` (or of
``quotetrack extract``) and computes, with Dask Bags, the same fingerprints, blocks and
relations as the SQLite store (`quotetrack.store.textmatch`): each quote's normalised words and
three-word shingles; blocks of quotes that share a shingle; candidate pairs that share at least
two shingles (and enough of the shorter quote's); the word-level relation of each candidate pair
(exact, fragment, variant); then connected components. The relation graph is computed on the
cluster and only its edges come back to the client, where a union-find joins them.

A block (the quotes that share one shingle) larger than ``block_cap`` pairs each quote only with
the ``block_cap`` quotes before it, in key order: a very common phrase costs ``n * block_cap``
pairs, not ``n**2``. The SQLite store reads the latest 20 quotes per shingle and checks the 30
best candidates of each new quote; where no block and no candidate list reaches these limits
the two give identical clusters (tests/test_store_dask.py checks it). Beyond them, the batch job
can find a few more links than the incremental store. See docs/scaling.md.

Needs the ``dask`` extra (``dask[bag]`` and ``distributed``); Parquet input also needs pyarrow.
"""

from __future__ import annotations

import glob
import json
import os
from typing import Any, Iterable, Iterator, Optional, Sequence, Union

try:
    import dask
    import dask.bag
except ImportError as exc:
    raise ImportError(
        "quotetrack.store.dask_clusters needs Dask, which is not installed: "
        f"pip install 'quotetrack[dask]'; the import failed with: {exc}"
    ) from exc

from ..errors import StoreError
from .textmatch import norm_hash, relate_words, shingles, tokenize, words_of, words_of_norm

__all__ = ["DEFAULT_BLOCK_CAP", "QuoteKey", "cluster_outputs", "cluster_records", "clusters_of"]

#: quotes of fewer words, and quotes of kind "other", are not clustered (as in the store)
MIN_CLUSTER_WORDS = 4
MIN_SHARED_SHINGLES = 2
MIN_SHARED_SHARE = 0.2
DEFAULT_BLOCK_CAP = 20

#: a quote is named by its document id and the start offset of its span
QuoteKey = tuple[str, int]


def _quote_rows(record: dict[str, Any]) -> list[tuple[QuoteKey, str, int, list[int]]]:
    """(key, normalised words, number of words, shingles) of each clusterable quote."""
    quotes = record.get("quotes")
    if isinstance(quotes, str):  # the Parquet output holds the quotes as JSON text
        quotes = json.loads(quotes)
    rows = []
    for q in quotes or ():
        content = q.get("content") or {}
        text = content.get("text") if isinstance(content, dict) else None
        if not isinstance(text, str) or q.get("kind") == "other":
            continue
        tokens = tokenize(text)
        words = words_of(tokens)
        if len(words) < MIN_CLUSTER_WORDS:
            continue
        norm = " ".join(t.norm for t in tokens)
        rows.append(((str(record["id"]), int(q["start"])), norm, len(words), shingles(words)))
    return rows


def _block_pairs(block: tuple[int, list[tuple[QuoteKey, str, int]]],
                 cap: int) -> Iterator[tuple[tuple, tuple]]:
    members = sorted(set(block[1]))
    for i, b in enumerate(members):
        for a in members[max(0, i - cap):i]:
            yield (a, b)


def _related(pair: tuple[tuple[tuple, tuple], int]) -> Optional[tuple[QuoteKey, QuoteKey]]:
    (a, b), shared = pair
    (ka, na, wa), (kb, nb, wb) = a, b
    if na == nb:
        return (ka, kb)
    if shared < MIN_SHARED_SHINGLES or shared < MIN_SHARED_SHARE * (min(wa, wb) - 2):
        return None
    if relate_words(words_of_norm(na), words_of_norm(nb)) is None:
        return None
    return (ka, kb)


def _exact_edges(group: tuple[int, list[QuoteKey]]) -> list[tuple[QuoteKey, QuoteKey]]:
    keys = sorted(group[1])
    return [(keys[0], k) for k in keys[1:]]


def cluster_records(records: dask.bag.Bag, *,
                    block_cap: int = DEFAULT_BLOCK_CAP) -> dask.bag.Bag:
    """A Bag of relation edges ``(key_a, key_b)`` between the quotes of ``records`` (output
    records ``{"id", "quotes"}``; error records are skipped)."""
    if not isinstance(block_cap, int) or block_cap < 1:
        raise StoreError(f"block_cap must be a positive integer, got {block_cap!r}")
    rows = records.filter(lambda r: isinstance(r, dict) and "quotes" in r).map(
        _quote_rows).flatten()
    postings = rows.map(lambda r: [(h, (r[0], r[1], r[2])) for h in r[3]]).flatten()
    blocks = postings.groupby(lambda p: p[0]).map(lambda g: (g[0], [p[1] for p in g[1]]))
    pairs = blocks.map(_block_pairs, block_cap).flatten().frequencies()
    edges = pairs.map(_related).filter(lambda e: e is not None)
    exact = rows.map(lambda r: (norm_hash(r[1]), r[0])).groupby(lambda p: p[0]).map(
        lambda g: _exact_edges((g[0], [p[1] for p in g[1]]))).flatten()
    return dask.bag.concat([edges, exact])


def clusters_of(keys: Iterable[QuoteKey],
                edges: Iterable[tuple[QuoteKey, QuoteKey]]) -> dict[QuoteKey, QuoteKey]:
    """Each key's cluster (the smallest key of its connected part)."""
    parent: dict[QuoteKey, QuoteKey] = {}

    def find(x: QuoteKey) -> QuoteKey:
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(x, x) != root:
            parent[x], x = root, parent[x]
        return root

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {k: find(k) for k in keys}


def _read_parquet(path: str) -> list[dict[str, Any]]:
    import pyarrow.parquet  # type: ignore[import-untyped]

    return list(pyarrow.parquet.read_table(path).to_pylist())


def _paths(paths: Union[str, Sequence[str]]) -> list[str]:
    found: list[str] = []
    for p in [paths] if isinstance(paths, str) else paths:
        if os.path.isdir(p):
            found += sorted(glob.glob(os.path.join(p, "part-*")))
        else:
            found += sorted(glob.glob(p)) or [p]
    missing = [p for p in found if not os.path.exists(p)]
    if missing or not found:
        raise StoreError(f"no quotetrack output files at {paths!r}")
    return found


def cluster_outputs(paths: Union[str, Sequence[str]], *, block_cap: int = DEFAULT_BLOCK_CAP,
                    scheduler: Optional[str] = None) -> dict[QuoteKey, QuoteKey]:
    """Cluster the quotes of `quotetrack.dask` output files (``part-*.jsonl`` or
    ``part-*.parquet``, a directory of them, or ``quotetrack extract`` JSON Lines): each
    clusterable quote's key ``(doc_id, start)`` and its cluster's key. Runs on the active
    ``distributed.Client`` if there is one (else ``scheduler``, default processes)."""
    files = _paths(paths)
    jsonl = [f for f in files if not f.endswith(".parquet")]
    parquet = [f for f in files if f.endswith(".parquet")]
    bags = []
    if jsonl:
        bags.append(dask.bag.read_text(jsonl).filter(str.strip).map(json.loads))
    if parquet:
        bags.append(dask.bag.from_delayed([dask.delayed(_read_parquet)(p) for p in parquet]))
    records = dask.bag.concat(bags)
    keys = records.filter(lambda r: isinstance(r, dict) and "quotes" in r).map(
        _quote_rows).flatten().map(lambda r: r[0])
    from dask.base import get_scheduler

    chosen = scheduler if scheduler is not None else (
        None if get_scheduler() is not None else "processes")
    all_keys, edges = dask.compute(keys, cluster_records(records, block_cap=block_cap),
                                   scheduler=chosen)
    return clusters_of(all_keys, edges)
