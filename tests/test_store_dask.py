"""The Dask clustering job gives the SQLite store's clusters on the same corpus.

The corpus is written here: statements repeated exactly, as variants, fragments and with
elisions across articles. `quotetrack.dask.extract_jsonl` parses it on a
`distributed.LocalCluster`, `quotetrack.store.dask_clusters.cluster_outputs` clusters its output
files there, and the partition of quotes into clusters must equal the store's.
"""

from __future__ import annotations

import json
import random

import pytest

pytest.importorskip("dask.bag", reason="Dask is not installed (pip install 'quotetrack[dask]')")
distributed = pytest.importorskip("distributed", reason="distributed is not installed "
                                  "(pip install 'quotetrack[dask]')")

from quotetrack.store import Store  # noqa: E402
from quotetrack.store.dask_clusters import clusters_of, cluster_outputs  # noqa: E402
from quotetrack.store.textmatch import tokenize, words_of  # noqa: E402

STATEMENTS = [
    "The new bridge will carry four lanes of traffic and a cycle path across the river",
    "We have asked the ministry three times for the inspection report and we are still waiting",
    "Every school in the district will have a trained nurse on site from September",
    "The fire started in the kitchen of the restaurant shortly after midnight on Sunday",
    "Our members voted by a large majority to accept the offer from the management",
    "The museum will stay closed until the roof has been repaired and the paintings are safe",
    "Nobody from the company has explained why the water was not tested for six weeks",
    "The harbour will reopen to fishing boats next month once the wall has been rebuilt",
    "I have never taken money from anyone in exchange for a vote in this chamber",
    "The train timetable will change in May and some early services will be cut",
]
NAMES = ["Ann Lee", "Bo Chan", "Cy Dee", "Di Fox", "Ed Gray", "Flo Hart"]


def wording(statement: str, rng: random.Random) -> str:
    words = statement.split()
    r = rng.random()
    if r < 0.35:
        return statement
    if r < 0.55:  # a word substituted
        i = rng.randrange(1, len(words))
        words[i] = rng.choice(["very", "new", "old", "main", "whole", "local"])
    elif r < 0.75:  # a fragment of at least eight words
        start = rng.randrange(0, len(words) - 9)
        words = words[start:start + rng.randrange(9, len(words) - start + 1)]
    elif r < 0.9:  # an elision
        i = rng.randrange(3, len(words) - 5)
        words = words[:i] + ["…"] + words[i + 3:]
    else:  # a word inserted
        words.insert(rng.randrange(1, len(words)), "really")
    return " ".join(words)


def corpus(n: int = 48, seed: int = 15) -> list[dict]:
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        paras = []
        for _ in range(2):
            text = wording(rng.choice(STATEMENTS), rng)
            paras.append(f"“{text},” said {rng.choice(NAMES)}.")
        paras.insert(1, "The council meets again on Thursday.")
        docs.append({"id": f"article-{i:03d}", "text": "\n\n".join(paras)})
    return docs


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as dask_client:
        yield dask_client


def partition(groups: dict) -> set[frozenset]:
    by_cluster: dict = {}
    for key, cluster in groups.items():
        by_cluster.setdefault(cluster, set()).add(key)
    return {frozenset(g) for g in by_cluster.values()}


def test_dask_clusters_equal_the_store(tmp_path, client):
    """Same fingerprints, blocks and relations: the same clusters as incremental SQLite."""
    from quotetrack.dask import extract_jsonl

    docs = corpus()
    source = tmp_path / "articles.jsonl"
    source.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    extract_jsonl(str(source), str(tmp_path / "out"), blocksize=2000)
    assert len(list((tmp_path / "out").glob("part-*.jsonl"))) > 1
    on_dask = cluster_outputs(str(tmp_path / "out"))

    with Store(tmp_path / "news.db") as store:
        store.ingest(docs, batch_size=7)
        in_sqlite = {(q.doc_id, q.quote.span.start): q.cluster for q in store.quotes()
                     if q.quote.kind.value != "other"
                     and len(words_of(tokenize(q.quote.content.text))) >= 4}
    assert set(on_dask) == set(in_sqlite)
    assert partition(on_dask) == partition(in_sqlite)
    big = [g for g in partition(on_dask) if len(g) >= 4]
    assert len(big) >= 5  # the corpus really recurs: the comparison is not vacuous


def test_parquet_output_gives_the_same_clusters(tmp_path, client):
    """The Parquet output of quotetrack.dask clusters exactly as its JSON Lines output."""
    pytest.importorskip("pyarrow", reason="pyarrow is not installed (pip install "
                        "'quotetrack[parquet]')")
    from quotetrack.dask import extract_jsonl

    source = tmp_path / "articles.jsonl"
    source.write_text("".join(json.dumps(d) + "\n" for d in corpus(24, seed=3)),
                      encoding="utf-8")
    extract_jsonl(str(source), str(tmp_path / "jsonl"), blocksize=3000)
    extract_jsonl(str(source), str(tmp_path / "parquet"), blocksize=3000, format="parquet")
    assert partition(cluster_outputs(str(tmp_path / "jsonl"))) == \
        partition(cluster_outputs(str(tmp_path / "parquet")))


def test_clusters_of_joins_connected_keys():
    """The union-find gives each key the smallest key of its connected part."""
    keys = [("a", 1), ("b", 2), ("c", 3), ("d", 4)]
    got = clusters_of(keys, [(("c", 3), ("b", 2)), (("b", 2), ("a", 1))])
    assert got == {("a", 1): ("a", 1), ("b", 2): ("a", 1), ("c", 3): ("a", 1),
                   ("d", 4): ("d", 4)}
