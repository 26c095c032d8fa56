"""Measure the quote store: ingest speed, clustering growth and memory, verify latency.

    python benchmarks/store_bench.py                     # everything, on ../shared
    python benchmarks/store_bench.py --sizes 10000,20000  # clustering at these sizes
    python benchmarks/store_bench.py --only cluster --repeat 3  # clustering only, medians of 3
    python benchmarks/store_bench.py --json out.json

The corpus is ``../shared/corpus/bbc.jsonl`` plus ``../shared/eval/*.jsonl`` next to the
repository; it is copyrighted and only read where it lies. This is a benchmark, not a test: it
prints numbers (and writes them as JSON with ``--json``); docs/store.md reports them.

What is measured, each in a fresh process so peak memory (max RSS) is that run's alone:

* **corpus**: recurrence on the corpus, as counts: statements in more than one document (and in
  more than one distinct text: the BBC corpus holds some articles twice), the largest clusters
  (documents, quotes, people), and the links between quotes of different texts by relation and
  by what the word diff shows (altered words, editorial marks only, the same words);

* **ingest**: ``Store.ingest`` of every corpus document into a new file, with ``workers=1`` and
  ``workers=2`` (documents per second, quotes per second);
* **ingest parsed**: the same documents parsed beforehand (``serialize.result_to_dict``), so the
  store only writes, links people and clusters;
* **clustering**: N quotes (10k to 160k) written as parse results into a new store, so the time
  is the store's (rows, shingle index, candidate checks, cluster merges) and not the parser's.
  The quotes are synthetic variants of the corpus's real quotes, a stationary stream (see
  `synthetic_quotes`): half new statements, half re-quotes of a recent statement, exact, with a
  word changed, as fragments or with elisions. The growth ratio per doubling should stay under
  2.3 (linear work gives 2);
* **dask**: the Dask clustering job (`quotetrack.store.dask_clusters`) on a LocalCluster of two
  workers over the `quotetrack.dask` output of the corpus (ids given once), against the SQLite
  store's clusters of the same documents, with the block sizes (quotes per shingle);
* **verify**: ``Store.verify`` latency on the full corpus store for 200 texts: real quotes, the
  same with a word substituted, and word salad that is not in the store.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
SHARED = os.path.join(os.path.dirname(REPO), "shared")
DEFAULT_INPUTS = [os.path.join(SHARED, "corpus", "bbc.jsonl")] + [
    os.path.join(SHARED, "eval", name) for name in
    ("bbc-dev.jsonl", "ggt-dev.jsonl", "polnear-dev.jsonl", "seed.jsonl")]


def _peak_kb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _docs(paths):
    from quotetrack.store.inputs import read_documents

    return [d for d in read_documents(paths) if isinstance(d, dict)]


# --------------------------------------------------------------------------- child jobs


def job_ingest(paths, workers):
    from quotetrack.store import Store

    docs = _docs(paths)
    chars = sum(len(d.get("text", "")) for d in docs)
    with tempfile.TemporaryDirectory() as tmp:
        with Store(os.path.join(tmp, "bench.db")) as store:
            start = time.perf_counter()
            report = store.ingest(docs, workers=workers)
            elapsed = time.perf_counter() - start
    return {"documents": report.documents, "quotes": report.quotes, "seconds": elapsed,
            "docs_per_s": report.documents / elapsed, "quotes_per_s": report.quotes / elapsed,
            "mb_per_s": chars / elapsed / 1e6, "peak_mb": _peak_mb()}


def job_ingest_parsed(paths):
    from quotetrack import Parser
    from quotetrack.serialize import result_to_dict
    from quotetrack.store import Store

    parser = Parser(claims=True)
    results = []
    for d in _docs(paths):
        data = result_to_dict(parser.parse(d["text"], id=d["id"]))
        data.update({k: v for k, v in d.items() if k not in data})
        results.append(data)
    with tempfile.TemporaryDirectory() as tmp:
        with Store(os.path.join(tmp, "bench.db")) as store:
            start = time.perf_counter()
            report = store.ingest(results)
            elapsed = time.perf_counter() - start
    return {"documents": report.documents, "quotes": report.quotes, "seconds": elapsed,
            "docs_per_s": report.documents / elapsed, "quotes_per_s": report.quotes / elapsed,
            "peak_mb": _peak_mb()}


def _real_quotes(paths, limit=40000):
    from quotetrack import Parser

    parser = Parser()
    out = []
    for d in _docs(paths):
        for q in parser.parse(d["text"], id=d["id"]).quotes:
            words = q.content.text.split()
            if len(words) >= 6:
                out.append(words)
        if len(out) >= limit:
            break
    return out


def synthetic_quotes(real, n, seed=15, *, window=5000):
    """n quote texts made from real quotes' words, as a stationary news stream: about half new
    statements (a real quote with a third of its words replaced by words drawn from the whole
    vocabulary, so its runs of words are new), and for the rest a statement of the last
    ``window`` re-quoted: a fifth with a word substituted, inserted or deleted, a tenth
    exactly, a tenth as a fragment and the rest with an elision. The share of quotes that recur,
    and the number of candidates per new quote, do not grow with n."""
    rng = random.Random(seed)
    vocabulary = [w for words in real for w in words]
    made: list[list[str]] = []
    for _ in range(n):
        r = rng.random()
        if r < 0.5 or not made:
            words = list(rng.choice(real))
            for i in rng.sample(range(len(words)), max(1, len(words) // 3)):
                words[i] = rng.choice(vocabulary)
        else:
            base = made[rng.randrange(max(0, len(made) - window), len(made))]
            words = list(base)
            if r < 0.7:
                i = rng.randrange(len(words))
                op = rng.choice(("sub", "ins", "del"))
                if op == "sub":
                    words[i] = rng.choice(vocabulary)
                elif op == "ins":
                    words.insert(i, rng.choice(vocabulary))
                elif len(words) > 6:
                    del words[i]
            elif r < 0.9 and len(words) > 12:
                i = rng.randrange(len(words) - 9)
                words = words[i:i + 9]
            elif len(words) > 10:
                i = rng.randrange(2, len(words) - 4)
                words = words[:i] + ["…"] + words[i + 3:]
        made.append(words)
    return [" ".join(w) for w in made]


def job_cluster(paths, n):
    from quotetrack.model import ParseResult, Quote, QuoteKind, Span
    from quotetrack.store import Store

    texts = synthetic_quotes(_real_quotes(paths), n)
    results = []
    for start in range(0, n, 10):  # ten quotes per document
        quotes, parts, offset = [], [], 0
        for k, text in enumerate(texts[start:start + 10]):
            body = f"“{text}”"
            quotes.append(Quote(span=Span(offset, offset + len(body), body),
                                content=Span(offset + 1, offset + 1 + len(text), text),
                                kind=QuoteKind.DIRECT, paragraph=k))
            parts.append(body)
            offset += len(body) + 2
        results.append(ParseResult(text="\n\n".join(parts), quotes=tuple(quotes),
                                   id=f"syn-{start}"))
    with tempfile.TemporaryDirectory() as tmp:
        with Store(os.path.join(tmp, "bench.db")) as store:
            start_t = time.perf_counter()
            report = store.ingest(results, batch_size=100)
            elapsed = time.perf_counter() - start_t
            stats = store.stats()
    return {"quotes": report.quotes, "seconds": elapsed, "quotes_per_s": report.quotes / elapsed,
            "recurring_statements": stats["recurring_statements"], "links": stats["links"],
            "peak_mb": _peak_mb()}


def job_verify(paths, n=200):
    from quotetrack.store import Store

    rng = random.Random(15)
    real = _real_quotes(paths, limit=5000)
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "bench.db")
        with Store(db) as store:
            store.ingest(_docs(paths))
        with Store(db) as store:
            times = {"real": [], "altered": [], "absent": []}
            statuses = {"real": {}, "altered": {}, "absent": {}}
            for i in range(n):
                words = list(rng.choice(real))
                kind = ("real", "altered", "absent")[i % 3]
                if kind == "altered":
                    words[rng.randrange(len(words))] = "zebra"
                elif kind == "absent":
                    words = [rng.choice(rng.choice(real)) for _ in range(len(words))]
                start = time.perf_counter()
                verdict = store.verify(" ".join(words))
                times[kind].append(time.perf_counter() - start)
                statuses[kind][verdict.status] = statuses[kind].get(verdict.status, 0) + 1
            quotes = store.stats()["quotes"]
    out = {"store_quotes": quotes, "statuses": statuses}
    for kind, ts in times.items():
        ts.sort()
        out[kind] = {"median_ms": 1000 * statistics.median(ts),
                     "p95_ms": 1000 * ts[int(0.95 * (len(ts) - 1))], "n": len(ts)}
    return out


def job_corpus(paths):
    """Recurrence on the corpus: counts only (the texts are copyrighted and stay where they are)."""
    import collections
    import hashlib

    from quotetrack.store import Store
    from quotetrack.store.textmatch import tokenize, word_diff

    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "corpus.db")
        with Store(db) as store:
            report = store.ingest(_docs(paths))
            stats = store.stats()
            conn = store._db
            digest = {d: hashlib.blake2b(t.encode()).hexdigest() for d, t in
                      conn.execute("SELECT id, text FROM documents")}
            same_text = sum(n for n in collections.Counter(digest.values()).values() if n > 1)
            members = collections.defaultdict(list)
            for cluster, doc, person in conn.execute(
                    "SELECT q.cluster, q.document, s.person FROM quotes q LEFT JOIN speakers s "
                    "ON s.id = q.speaker"):
                members[cluster].append((doc, person))
            recurring = {c: m for c, m in members.items() if len({d for d, _ in m}) > 1}
            distinct = {c: m for c, m in recurring.items() if len({digest[d] for d, _ in m}) > 1}
            sizes = sorted(((len({d for d, _ in m}), len(m), len({p for _, p in m if p})) for m
                            in distinct.values()), reverse=True)[:10]
            kinds = collections.Counter()
            for rel, ca, cb, da, dbb in conn.execute(
                    "SELECT l.relation, qa.content, qb.content, qa.document, qb.document FROM "
                    "quote_links l JOIN quotes qa ON qa.id = l.a JOIN quotes qb ON qb.id = l.b"):
                if digest[da] == digest[dbb]:
                    continue
                diff = word_diff(tokenize(ca), tokenize(cb))
                kinds[(rel, "altered" if diff.altered else
                       "editorial" if diff.editorial else "same words")] += 1
            several = sum(1 for m in distinct.values() if len({p for _, p in m if p}) > 1)
    return {"documents": report.documents, "stored": stats["documents"],
            "replaced": report.replaced, "quotes": stats["quotes"],
            "documents_sharing_a_text": same_text,
            "recurring_statements": len(recurring),
            "quotes_in_recurring": sum(len(m) for m in recurring.values()),
            "recurring_across_distinct_texts": len(distinct),
            "quotes_recurring_across_distinct_texts": sum(len(m) for m in distinct.values()),
            "statements_given_to_several_people": several,
            "largest_clusters_docs_quotes_people": sizes,
            "links_between_distinct_texts": {f"{k[0]}, {k[1]}": v for k, v in kinds.items()}}


def job_dask(paths, workers=2):
    """The Dask clustering job on the corpus against the SQLite store's clusters."""
    import collections

    import distributed

    from quotetrack.dask import extract_jsonl
    from quotetrack.store import Store
    from quotetrack.store.dask_clusters import cluster_outputs
    from quotetrack.store.textmatch import tokenize, words_of

    # one version per id: the store keeps the last, so compare on ids given once
    ids = collections.Counter(d["id"] for d in _docs(paths))
    docs = [d for d in _docs(paths) if ids[d["id"]] == 1]
    with tempfile.TemporaryDirectory() as tmp:
        source = os.path.join(tmp, "docs.jsonl")
        with open(source, "w", encoding="utf-8") as fh:
            for d in docs:
                fh.write(json.dumps(d) + "\n")
        with Store(os.path.join(tmp, "s.db")) as store:
            start = time.perf_counter()
            store.ingest(docs)
            sqlite_s = time.perf_counter() - start
            sqlite = {(q.doc_id, q.quote.span.start): q.cluster for q in store.iter_quotes()
                      if q.quote.kind.value != "other"
                      and len(words_of(tokenize(q.quote.content.text))) >= 4}
            blocks = sorted((n for (n,) in store._db.execute(
                "SELECT COUNT(*) FROM (SELECT h FROM shingles UNION ALL SELECT h FROM "
                "shingles_recent) GROUP BY h")), reverse=True)
        with distributed.LocalCluster(n_workers=workers, threads_per_worker=1,
                                      dashboard_address=None) as cluster, \
                distributed.Client(cluster) as client:
            start = time.perf_counter()
            extract_jsonl(source, os.path.join(tmp, "out"))
            extract_s = time.perf_counter() - start
            start = time.perf_counter()
            on_dask = cluster_outputs(os.path.join(tmp, "out"))
            dask_s = time.perf_counter() - start
            worker_mb = sorted(v / 1024 for v in client.run(_peak_kb).values())

    def groups(assign):
        by = collections.defaultdict(set)
        for key, c in assign.items():
            by[c].add(key)
        return {frozenset(g) for g in by.values()}

    gs, gd = groups(sqlite), groups(on_dask)
    moved = sum(len(g) for g in gd - gs)
    return {"documents": len(docs), "quotes_clustered": len(sqlite),
            "same_keys": set(sqlite) == set(on_dask),
            "clusters_sqlite": sum(len(g) > 1 for g in gs),
            "clusters_dask": sum(len(g) > 1 for g in gd),
            "identical_partition": gs == gd, "quotes_in_differing_clusters": moved,
            "sqlite_ingest_s": sqlite_s, "dask_extract_s": extract_s, "dask_cluster_s": dask_s,
            "worker_peak_mb": worker_mb,
            "shingles": len(blocks), "largest_blocks": blocks[:5],
            "pairs_with_cap_20": sum(sum(min(i, 20) for i in range(n)) for n in blocks),
            "postings": sum(blocks),
            "blocks_over_20": sum(n > 20 for n in blocks)}


JOBS = {"dask": job_dask, "corpus": job_corpus, "ingest": job_ingest,
        "ingest_parsed": job_ingest_parsed, "cluster": job_cluster,
        "verify": job_verify}


def _cpu_idle(seconds=1.0):
    """The share of CPU time spent idle over ``seconds`` (Linux /proc/stat; 1.0 elsewhere)."""
    def sample():
        with open("/proc/stat", encoding="ascii") as fh:
            values = [int(v) for v in fh.readline().split()[1:]]
        return values[3] + values[4], sum(values)
    try:
        idle0, total0 = sample()
        time.sleep(seconds)
        idle1, total1 = sample()
    except OSError:
        return 1.0
    return (idle1 - idle0) / max(1, total1 - total0)


def quiet_wait(threshold=0.9, limit=60.0):
    """Wait until the CPUs are mostly idle (the machine is shared), at most ``limit`` seconds;
    the idle share last seen."""
    start = time.monotonic()
    idle = _cpu_idle()
    while idle < threshold and time.monotonic() - start < limit:
        idle = _cpu_idle()
    return idle


def run_child(name, *args):
    """Run one job in a fresh interpreter, once the CPUs are quiet; its JSON result."""
    idle = quiet_wait()
    load = os.getloadavg()[0]
    env = dict(os.environ, PYTHONPATH=REPO + os.pathsep + os.environ.get("PYTHONPATH", ""))
    done = subprocess.run([sys.executable, __file__, "--child", json.dumps([name, *args])],
                          capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{name} failed:\n{done.stderr}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["cpu_idle_before"] = round(idle, 2)
    result["load_before"] = round(load, 2)
    return result


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--inputs", nargs="*", default=DEFAULT_INPUTS)
    ap.add_argument("--sizes", default="10000,20000,40000,80000,160000")
    ap.add_argument("--skip", default="", help="comma-separated jobs to skip")
    ap.add_argument("--only", default="", help="comma-separated jobs to run, skipping the others")
    ap.add_argument("--repeat", type=int, default=1,
                    help="clustering runs per size (sizes interleaved); the median is reported")
    ap.add_argument("--json", metavar="FILE")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        name, *rest = json.loads(args.child)
        print(json.dumps(JOBS[name](*rest)))
        return 0
    missing = [p for p in args.inputs if not os.path.exists(p)]
    if missing:
        raise SystemExit(f"corpus not found: {missing}")
    skip = set(filter(None, args.skip.split(",")))
    if args.only:
        skip |= set(JOBS) - set(args.only.split(","))
    out: dict = {}
    if "corpus" not in skip:
        r = run_child("corpus", args.inputs)
        out["corpus"] = r
        print("corpus:", json.dumps(r, indent=1), flush=True)
    if "ingest" not in skip:
        for workers in (1, 2):
            r = run_child("ingest", args.inputs, workers)
            out[f"ingest_workers_{workers}"] = r
            print(f"ingest, workers={workers}: {r['documents']} docs in {r['seconds']:.1f} s = "
                  f"{r['docs_per_s']:.0f} docs/s, {r['quotes_per_s']:.0f} quotes/s, "
                  f"{r['mb_per_s']:.2f} MB/s, peak {r['peak_mb']:.0f} MB", flush=True)
    if "ingest_parsed" not in skip:
        r = run_child("ingest_parsed", args.inputs)
        out["ingest_parsed"] = r
        print(f"ingest of parse results: {r['documents']} docs in {r['seconds']:.1f} s = "
              f"{r['docs_per_s']:.0f} docs/s, {r['quotes_per_s']:.0f} quotes/s", flush=True)
    if "cluster" not in skip:
        sizes = [int(s) for s in args.sizes.split(",") if s]
        runs: dict[int, list] = {n: [] for n in sizes}
        for round_ in range(args.repeat):  # sizes interleaved, so a burst of load hits them all
            for n in sizes:
                r = run_child("cluster", args.inputs, n)
                runs[n].append(r)
                print(f"clustering {n:>7} quotes (run {round_ + 1}): {r['seconds']:7.1f} s "
                      f"({r['quotes_per_s']:.0f} quotes/s), peak {r['peak_mb']:.0f} MB, "
                      f"{r['recurring_statements']} recurring statements, load "
                      f"{r['load_before']:.2f}, idle {r['cpu_idle_before']:.2f}", flush=True)
        previous = None
        out["cluster"] = []
        for n in sizes:
            seconds = statistics.median(r["seconds"] for r in runs[n])
            ratio = seconds / previous if previous else None
            r = dict(runs[n][0], seconds=seconds, quotes_per_s=n / seconds, ratio=ratio,
                     runs=[x["seconds"] for x in runs[n]],
                     peak_mb=max(x["peak_mb"] for x in runs[n]))
            out["cluster"].append(r)
            print(f"clustering {n:>7} quotes: median {seconds:7.1f} s of {len(runs[n])} "
                  f"({r['quotes_per_s']:.0f} quotes/s), peak {r['peak_mb']:.0f} MB, "
                  f"{r['recurring_statements']} recurring statements"
                  + (f", x{ratio:.2f} per doubling" if ratio else ""), flush=True)
            previous = seconds
    if "verify" not in skip:
        r = run_child("verify", args.inputs)
        out["verify"] = r
        for kind in ("real", "altered", "absent"):
            print(f"verify ({kind}) on {r['store_quotes']} quotes: median "
                  f"{r[kind]['median_ms']:.1f} ms, p95 {r[kind]['p95_ms']:.1f} ms; "
                  f"{r['statuses'][kind]}", flush=True)
    if "dask" not in skip:
        r = run_child("dask", [p for p in args.inputs if not p.endswith("bbc-dev.jsonl")])
        out["dask"] = r
        print("dask:", json.dumps(r), flush=True)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(out, fh, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
