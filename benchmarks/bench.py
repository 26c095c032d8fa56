"""Measure quotetrack: throughput against a regex floor, stage shares, worker scaling, linearity.

    python benchmarks/bench.py                      # throughput, floor, profile, --workers scaling
    python benchmarks/bench.py --hostile            # linearity on hostile inputs only
    python benchmarks/bench.py --all --json out.json

The corpus is ``../shared/corpus/bbc.jsonl`` plus the texts of ``../shared/eval/*.jsonl``, next to
the repository; it is copyrighted and is only read where it lies. Without it (or with
``--synthetic N``) the documents are generated from templates. See benchmarks/HISTORY.md.

What is measured:

* **pipeline**: ``Parser.parse`` + ``serialize.document_output`` + ``json.dumps`` for every
  document, in a fresh process per run (``--repeat`` runs, median), with that process's peak RSS;
* **floor**: in the same process, one compiled ``regex`` pass that only finds quotation-mark
  spans in the same texts; the ratio pipeline/floor says how far the parser is from the cost of
  merely scanning the text;
* **tokenize**: in the same process, the tokenizer alone over every word of the same texts; the
  parser makes one Python object per word of the sentences it reads closely, so this bounds the
  speed of that design from above;
* **stages**: one run under cProfile, with the time of every function attributed to the
  quotetrack module it belongs to (time in C functions and the standard library goes to the
  quotetrack module that called it);
* **scaling**: ``quotetrack extract --workers 1`` against ``--workers 2`` on a large JSON Lines
  file (the corpus repeated), the speedup, whether the outputs are identical, and the peak RSS of
  the streaming command;
* **hostile** (``--hostile``): the time of each adversarial input at sizes n, 2n, 4n and 8n and
  the growth ratio per doubling (linear work gives about 2; the target is at most 2.3).
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import hashlib
import json
import math
import os
import pstats
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional

ROOT = Path(__file__).resolve().parents[1]
#: --installed: measure the quotetrack installed in this Python (a compiled build, say)
INSTALLED = "--installed" in sys.argv[1:]
if not INSTALLED:
    sys.path.insert(0, str(ROOT))  # run from a checkout without installing

import regex  # noqa: E402

import quotetrack  # noqa: E402
from quotetrack import Parser  # noqa: E402
from quotetrack.serialize import document_output  # noqa: E402

SHARED = ROOT.parent / "shared"
DEFAULT_CORPUS = SHARED / "corpus" / "bbc.jsonl"
DEFAULT_EVAL = SHARED / "eval"
PACKAGE_DIR = str(Path(quotetrack.__file__).resolve().parent) + os.sep

#: the floor: find quotation-mark spans and nothing else
FLOOR = regex.compile(r'"[^"\n]{0,2000}"|“[^”\n]{0,2000}”|\'\'[^\n]{0,2000}?\'\'')

#: the speed the issue asks for: the pipeline at least 1/10 of the floor's speed
TARGET_FLOOR_RATIO = 10.0
TARGET_RSS_MB = 100.0
TARGET_SPEEDUP = 1.6
TARGET_GROWTH = 2.3

Doc = dict[str, str]


# --------------------------------------------------------------------------- documents


def read_jsonl_texts(path: Path) -> Iterator[Doc]:
    """The ``{"id", "text"}`` of every line of a JSON Lines file (other keys dropped)."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                value = json.loads(line)
                yield {"id": str(value["id"]), "text": value["text"]}


FIRST = ["Ana", "Peter", "Maria", "John", "Li", "Fatima", "Olu", "Sara", "David", "Elena",
         "Tomas", "Grace", "Ravi", "Hannah", "Kwame", "Ingrid"]
LAST = ["Silva", "Novak", "Okafor", "Smith", "Chen", "Haddad", "Kowalski", "Ruiz", "Brown",
        "Ivanova", "Mensah", "Larsen", "Patel", "Murphy", "Tanaka", "Fischer"]
TITLES = ["Mayor", "Finance Minister", "Senator", "Professor", "Judge", "Chief Inspector"]
ROLES = ["a spokeswoman", "the chief executive", "a senior official", "the head of research",
         "a local councillor", "the union leader"]
ORGS = ["Springfield", "the Harbour Trust", "the National Bank", "Northfield Council",
        "the Green Party", "the Ministry of Health", "Acme Steel", "the city hospital"]
CLAUSES = ["we will not back down", "the plan will cost more than anyone expected",
           "this is a good day for the town", "nobody told us about the changes",
           "the figures speak for themselves", "we need more time to study the report",
           "the bridge will reopen in May", "prices have risen too far too fast",
           "our members are angry", "the decision was taken without consultation",
           "the team played well in the second half", "there is no evidence of fraud"]
NOUNS = ["price of bread", "number of visitors", "cost of energy", "jobless rate",
         "share price", "number of complaints"]
MONTHS = ["January", "March", "May", "July", "September", "November"]


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _sentence(rng: random.Random, name: str) -> str:
    clause, clause2 = rng.choice(CLAUSES), rng.choice(CLAUSES)
    surname = name.split()[-1]
    templates = [
        f"“{clause.capitalize()},” {name} said.",
        f"{rng.choice(TITLES)} {name} of {rng.choice(ORGS)} said: “{clause.capitalize()}.”",
        f"“{clause.capitalize()},” said {name}, {rng.choice(ROLES)} at {rng.choice(ORGS)}. "
        f"“{clause2.capitalize()}.”",
        f"{name} said {clause}.",
        f"According to {name}, {clause}.",
        f"{surname} told reporters that {clause}.",
        f"“{clause.capitalize()},” she added.",
        f"\"{clause.capitalize()},\" {surname} said on {rng.choice(MONTHS)} {rng.randint(1, 28)}.",
        f"The {rng.choice(NOUNS)} rose by {rng.randint(2, 40)}% in {rng.choice(MONTHS)}, "
        "figures showed.",
        f"The meeting in {rng.choice(ORGS).removeprefix('the ')} lasted {rng.randint(2, 9)} hours.",
        f"Critics called the scheme a 'waste of money', but {surname} disagreed.",
    ]
    return rng.choice(templates)


def synthetic_article(rng: random.Random) -> str:
    """A news-like article from templates: a headline, then 8-20 short paragraphs."""
    names = [_name(rng) for _ in range(3)]
    paragraphs = [f"{rng.choice(NOUNS).capitalize()} {rng.choice(['rises', 'falls', 'stalls'])}"]
    for _ in range(rng.randint(8, 20)):
        paragraphs.append(" ".join(_sentence(rng, rng.choice(names))
                                   for _ in range(rng.randint(1, 3))))
    return "\n\n".join(paragraphs)


def synthetic_docs(n: int, seed: int = 2024) -> list[Doc]:
    rng = random.Random(seed)
    return [{"id": f"synthetic/{i:06d}", "text": synthetic_article(rng)} for i in range(n)]


def load_docs(args: argparse.Namespace, *, quiet: bool = False) -> tuple[list[Doc], str]:
    """The benchmark documents and a description of where they came from."""
    if args.synthetic:
        return synthetic_docs(args.synthetic), f"{args.synthetic} synthetic documents"
    if not args.corpus.is_file():
        if not quiet:
            print(f"corpus not found at {args.corpus}; using --synthetic {args.fallback_n} "
                  "(generated from templates) instead", file=sys.stderr)
        return synthetic_docs(args.fallback_n), f"{args.fallback_n} synthetic documents"
    docs = list(read_jsonl_texts(args.corpus))
    sources = [args.corpus.name]
    for path in sorted(args.eval_dir.glob("*.jsonl")) if args.eval_dir.is_dir() else []:
        docs.extend(read_jsonl_texts(path))
        sources.append(path.name)
    return docs, " + ".join(sources)


# --------------------------------------------------------------------------- measuring


def serialize_one(result: quotetrack.ParseResult) -> str:
    """The JSON Lines line ``quotetrack extract`` writes for one result."""
    return json.dumps(document_output(result), ensure_ascii=False)


def run_pipeline(docs: Iterable[Doc], parser: Parser) -> int:
    """Parse and serialise every document; the number of quotes found."""
    quotes = 0
    for doc in docs:
        result = parser.parse(doc["text"], id=doc["id"])
        serialize_one(result)
        quotes += len(result.quotes)
    return quotes


def run_floor(texts: Iterable[str]) -> int:
    """One regex pass finding quotation-mark spans; the number of spans."""
    return sum(1 for text in texts for _ in FLOOR.finditer(text))


def run_tokenize_all(texts: Iterable[str], parser: Parser) -> int:
    """The tokenizer alone over every character of every text: the cost of one Python object per
    word, which bounds the speed of any design that makes one; the number of tokens."""
    from quotetrack.rules.tokens import tokenize

    # ASCII texts go to the stdlib engine, as the parser sends ASCII paragraphs
    return sum(len(tokenize(text, 0, len(text), parser.lexicon, ascii_only=text.isascii()))
               for text in texts)


def _proc_status_mb(field: str) -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


def rss_mb() -> float:
    """The current resident set size of this process in MB (Linux)."""
    return _proc_status_mb("VmRSS")


def peak_rss_mb() -> float:
    """The peak resident set size of this process in MB since it was exec'd (Linux VmHWM).

    ``getrusage``'s ``ru_maxrss`` is not used for the process itself: it also counts the memory
    of the benchmark process that forked it, before the exec.
    """
    return _proc_status_mb("VmHWM")


def child_run(args: argparse.Namespace) -> None:
    """One timed run in this (fresh) process: print floor and pipeline seconds and RSS as JSON."""
    docs, _ = load_docs(args, quiet=True)
    texts = [d["text"] for d in docs]
    parser = Parser()
    parser.parse("“Warm up,” she said.")  # load the lexicon and compile the patterns
    loaded = rss_mb()
    start = time.perf_counter()
    spans = run_floor(texts)
    floor_s = time.perf_counter() - start
    start = time.perf_counter()
    quotes = run_pipeline(docs, parser)
    pipeline_s = time.perf_counter() - start
    peak = peak_rss_mb()  # before the tokens of whole texts are made
    start = time.perf_counter()
    tokens = run_tokenize_all(texts, parser)
    tokenize_s = time.perf_counter() - start
    print(json.dumps({"floor_s": floor_s, "pipeline_s": pipeline_s, "floor_spans": spans,
                      "tokenize_s": tokenize_s, "tokens": tokens,
                      "quotes": quotes, "rss_loaded_mb": loaded, "peak_rss_mb": peak}))


def _child_argv(args: argparse.Namespace) -> list[str]:
    argv = [sys.executable, str(Path(__file__).resolve()), "--child",
            "--corpus", str(args.corpus), "--eval-dir", str(args.eval_dir),
            "--fallback-n", str(args.fallback_n)]
    if args.synthetic:
        argv += ["--synthetic", str(args.synthetic)]
    if args.installed:
        argv.append("--installed")
    return argv


def measure_throughput(args: argparse.Namespace, docs: list[Doc]) -> dict[str, Any]:
    mb = sum(len(d["text"].encode("utf-8")) for d in docs) / 1e6
    runs = []
    for i in range(args.repeat):
        wait_until_quiet(args.quiet_wait)
        out = subprocess.run(_child_argv(args), capture_output=True, text=True, check=True)
        runs.append(json.loads(out.stdout))
        print(f"  run {i + 1}/{args.repeat}: pipeline {runs[-1]['pipeline_s']:.2f} s, "
              f"floor {runs[-1]['floor_s']:.3f} s", file=sys.stderr)
    pipeline_s = statistics.median(r["pipeline_s"] for r in runs)
    floor_s = statistics.median(r["floor_s"] for r in runs)
    tokenize_s = statistics.median(r["tokenize_s"] for r in runs)
    return {
        "documents": len(docs),
        "mb": mb,
        "runs": args.repeat,
        "pipeline_s": pipeline_s,
        "pipeline_mb_s": mb / pipeline_s,
        "pipeline_docs_s": len(docs) / pipeline_s,
        "floor_s": floor_s,
        "floor_mb_s": mb / floor_s,
        "floor_docs_s": len(docs) / floor_s,
        "ratio": pipeline_s / floor_s,
        "tokenize_s": tokenize_s,
        "tokenize_mb_s": mb / tokenize_s,
        "tokens": runs[0]["tokens"],
        "quotes": runs[0]["quotes"],
        "floor_spans": runs[0]["floor_spans"],
        "rss_loaded_mb": statistics.median(r["rss_loaded_mb"] for r in runs),
        "peak_rss_mb": statistics.median(r["peak_rss_mb"] for r in runs),
    }


def print_throughput(t: dict[str, Any]) -> None:
    print(f"\n== throughput: {t['documents']} documents, {t['mb']:.2f} MB (UTF-8), "
          f"median of {t['runs']} runs, one process")
    print(f"{'':10} {'seconds':>9} {'MB/s':>9} {'docs/s':>9}")
    print(f"{'pipeline':10} {t['pipeline_s']:9.3f} {t['pipeline_mb_s']:9.2f} "
          f"{t['pipeline_docs_s']:9.0f}")
    print(f"{'floor':10} {t['floor_s']:9.3f} {t['floor_mb_s']:9.2f} {t['floor_docs_s']:9.0f}")
    print(f"{'tokenize':10} {t['tokenize_s']:9.3f} {t['tokenize_mb_s']:9.2f} "
          f"{'':>9}  (the tokenizer alone over every word: {t['tokens']:,} tokens)")
    verdict = "meets" if t["ratio"] <= TARGET_FLOOR_RATIO else "misses"
    print(f"pipeline/floor: {t['ratio']:.1f}x the floor's time "
          f"({verdict} the target of at most {TARGET_FLOOR_RATIO:.0f}x)")
    print(f"quotes found: {t['quotes']}; floor spans: {t['floor_spans']}")
    print(f"RSS: {t['rss_loaded_mb']:.0f} MB with the texts loaded, peak {t['peak_rss_mb']:.0f} MB")


# --------------------------------------------------------------------------- a quiet machine


def cpu_idle(seconds: float = 1.0) -> float:
    """The fraction of all CPUs' time that was idle over the next ``seconds`` (Linux)."""

    def snapshot() -> tuple[int, int]:
        with open("/proc/stat", encoding="ascii") as fh:
            values = [int(v) for v in fh.readline().split()[1:]]
        return values[3] + values[4], sum(values)  # idle + iowait, total

    idle0, total0 = snapshot()
    time.sleep(seconds)
    idle1, total1 = snapshot()
    return (idle1 - idle0) / max(1, total1 - total0)


QUIET: dict[str, int] = {"waited": 0, "not_quiet": 0}


def wait_until_quiet(max_wait: float, threshold: float = 0.9) -> bool:
    """Wait (at most ``max_wait`` seconds) until the CPUs are at least ``threshold`` idle.

    Timings on a machine that other programs are using are slow and noisy; a run waits for a
    quiet moment first. Returns False (and counts it) when the machine never became quiet.
    """
    if max_wait <= 0:
        return True
    deadline = time.monotonic() + max_wait
    while True:
        if cpu_idle(0.5) >= threshold:
            return True
        QUIET["waited"] += 1
        if time.monotonic() > deadline:
            QUIET["not_quiet"] += 1
            return False


def busy_cpu_seconds() -> float:
    """CPU seconds all programs on the machine have used since boot (Linux /proc/stat)."""
    with open("/proc/stat", encoding="ascii") as fh:
        values = [int(v) for v in fh.readline().split()[1:]]
    return (sum(values) - values[3] - values[4]) / os.sysconf("SC_CLK_TCK")


def children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _spin(n: int) -> float:
    start = time.perf_counter()
    total = 0
    for i in range(n):
        total += i * i
    return time.perf_counter() - start


def parallel_capacity(n: int = 5_000_000) -> float:
    """How many times one CPU-bound process's work two processes get done at once (2 = ideal)."""
    import multiprocessing

    one = _spin(n)
    with multiprocessing.get_context("fork").Pool(2) as pool:
        start = time.perf_counter()
        pool.map(_spin, [n, n])
        two = time.perf_counter() - start
    return 2 * one / two


# --------------------------------------------------------------------------- profile


#: how cProfile names a function of a compiled (mypyc) module that Python code calls
_COMPILED_FUNCTION = regex.compile(r"<built-in method quotetrack\.([\w.]+)\.\w+>")


def _module_label(key: tuple[str, int, str]) -> Optional[str]:
    """The quotetrack module a profiled function belongs to, or None for anything else.

    In a compiled build only the calls from Python code into a compiled module are seen, each
    with the time of all the compiled code it runs."""
    filename, _, func = key
    compiled = _COMPILED_FUNCTION.fullmatch(func) if filename == "~" else None
    if compiled:
        return compiled.group(1)
    if filename.startswith(PACKAGE_DIR):
        rel = filename[len(PACKAGE_DIR):].removesuffix(".py").replace(os.sep, ".")
        return rel.removesuffix(".__init__") if rel != "__init__" else "__init__"
    if filename == str(Path(__file__).resolve()) and func == "serialize_one":
        return "serialize"  # json.dumps of the output line
    return None


def stage_shares(stats: pstats.Stats) -> tuple[float, list[tuple[str, float, float]]]:
    """Total seconds and ``(module, self share, inclusive share)`` per quotetrack module.

    *Self* time is the time spent in a module's own lines plus in the C functions, standard
    library and generated code it calls directly (assigned, for a function called from several
    places, edge by edge to each caller). *Inclusive* time adds everything the module calls in
    other quotetrack modules. Time outside any module (the benchmark loop) is "other".
    """
    table: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    owner_cache: dict[Any, str] = {}

    def owner(key: Any, seen: frozenset = frozenset()) -> str:
        label = _module_label(key)
        if label is not None:
            return label
        if key in owner_cache:
            return owner_cache[key]
        callers = table.get(key, (0, 0, 0.0, 0.0, {}))[4]
        result = "other"
        if callers and key not in seen:
            best = max(callers.items(), key=lambda item: item[1][3])[0]
            result = owner(best, seen | {key})
        owner_cache[key] = result
        return result

    self_time: dict[str, float] = {}
    inclusive: dict[str, float] = {}
    for key, (_cc, _nc, tt, _ct, callers) in table.items():
        label = _module_label(key)
        if label is not None:
            self_time[label] = self_time.get(label, 0.0) + tt
            for caller, edge in callers.items():
                if owner(caller) != label:
                    inclusive[label] = inclusive.get(label, 0.0) + edge[3]
        elif callers:
            for caller, edge in callers.items():
                who = owner(caller)
                self_time[who] = self_time.get(who, 0.0) + edge[2]
        else:
            self_time["other"] = self_time.get("other", 0.0) + tt
    total = sum(self_time.values())
    # calls that go back and forth between modules (context -> mentions -> context) are counted
    # on every edge, so an inclusive time is clamped between the module's own time and the total
    rows = [(m, self_time[m] / total,
             min(total, max(self_time[m], inclusive.get(m, self_time[m]))) / total)
            for m in sorted(self_time, key=self_time.get, reverse=True)]
    return total, rows


def profile_stats(func: Callable[[], Any]) -> pstats.Stats:
    profiler = cProfile.Profile()
    profiler.enable()
    try:
        func()
    finally:
        profiler.disable()
    return pstats.Stats(profiler)


def print_stages(total: float, rows: list[tuple[str, float, float]], *, title: str) -> None:
    print(f"\n== stages: {title} ({total:.2f} s under cProfile)")
    print(f"{'module':24} {'self':>7} {'incl.':>7}")
    for module, own, incl in rows:
        if own >= 0.001 or incl >= 0.01:
            print(f"{module:24} {own:7.1%} {incl:7.1%}")


def top_functions(stats: pstats.Stats, n: int = 8) -> list[tuple[str, float, int]]:
    """The ``n`` functions with the most own time: ``(where, seconds, calls)``."""
    table: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    rows = sorted(table.items(), key=lambda item: item[1][2], reverse=True)[:n]
    out = []
    for (filename, line, func), (_cc, nc, tt, _ct, _callers) in rows:
        where = (filename[len(PACKAGE_DIR):] if filename.startswith(PACKAGE_DIR)
                 else os.path.basename(filename))
        out.append((f"{where}:{line}({func})", tt, nc))
    return out


# --------------------------------------------------------------------------- --workers scaling


def build_large_input(docs: list[Doc], path: Path, target_mb: float) -> dict[str, Any]:
    """Write the documents, repeated with fresh ids, to ``path`` until it holds ``target_mb`` MB.

    One line in the middle is not JSON, to show that a failing document is reported in its
    place while the others go on.
    """
    written = lines = 0
    bad_at = None
    with path.open("w", encoding="utf-8") as fh:
        round_ = 0
        while written < target_mb * 1e6:
            for doc in docs:
                line = json.dumps({"id": f"{doc['id']}#{round_}", "text": doc["text"]},
                                  ensure_ascii=False) + "\n"
                fh.write(line)
                written += len(line.encode("utf-8"))
                lines += 1
                if bad_at is None and written >= target_mb * 1e6 / 2:
                    fh.write("{this line is not JSON\n")
                    lines += 1
                    bad_at = lines
                if written >= target_mb * 1e6:
                    break
            round_ += 1
    return {"path": str(path), "mb": written / 1e6, "lines": lines, "bad_line": bad_at}


#: runs ``quotetrack.cli.main`` like ``python -m quotetrack`` and then reports on stderr the peak
#: RSS of its own process (VmHWM) and of the worker processes it forked and waited for
CLI_WRAPPER = """
import json, resource, sys
from quotetrack.cli import main
code = main(sys.argv[1:])
sys.stdout.flush()
own = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:"))
workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
sys.stderr.write("\\nBENCH-RSS " + json.dumps({"main_kb": own, "workers_kb": workers}) + "\\n")
sys.exit(code)
"""


def run_cli(args: list[str], out_path: Path) -> dict[str, Any]:
    """Run ``quotetrack ARGS``, stdout to ``out_path``: seconds, exit status, peak RSS."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        ([] if INSTALLED else [str(ROOT)])
        + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]))
    # -P: not the current directory first on sys.path, which would shadow an installed build
    # with a checkout's package when run from the repository
    argv = [sys.executable, "-P", "-c", CLI_WRAPPER, *args]
    with out_path.open("wb") as out:
        busy, ours = busy_cpu_seconds(), children_cpu_seconds()
        start = time.perf_counter()
        proc = subprocess.run(argv, stdout=out, stderr=subprocess.PIPE, env=env)
        seconds = time.perf_counter() - start
        cpu = children_cpu_seconds() - ours
        others = max(0.0, busy_cpu_seconds() - busy - cpu)
    stderr = proc.stderr.decode("utf-8", "replace")
    stderr, _, rss = stderr.rpartition("\nBENCH-RSS ")
    usage = json.loads(rss)
    return {"seconds": seconds, "status": proc.returncode, "stderr": stderr, "cpu_s": cpu,
            "others_cpu_s": others, "main_rss_mb": usage["main_kb"] / 1024,
            "workers_rss_mb": usage["workers_kb"] / 1024}


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def measure_scaling(args: argparse.Namespace, docs: list[Doc]) -> dict[str, Any]:
    repeat = max(1, min(args.repeat, args.scaling_repeat))
    with tempfile.TemporaryDirectory(prefix="quotetrack-bench-") as tmp:
        big = build_large_input(docs, Path(tmp) / "large.jsonl", args.scaling_mb)
        result: dict[str, Any] = {"input_mb": big["mb"], "input_lines": big["lines"],
                                  "runs": repeat}
        digests = {}
        for workers in (1, 2):
            out_path = Path(tmp) / f"out-{workers}.jsonl"
            argv = ["extract", big["path"], "--workers", str(workers)]
            runs = []
            for i in range(repeat):
                wait_until_quiet(args.quiet_wait)
                runs.append(run_cli(argv, out_path))
                print(f"  --workers {workers} run {i + 1}/{repeat}: "
                      f"{runs[-1]['seconds']:.1f} s (other programs: "
                      f"{runs[-1]['others_cpu_s']:.1f} CPU s)", file=sys.stderr)
            digests[workers] = _sha256(out_path)
            with out_path.open("rb") as fh:
                lines = fh.read().splitlines()
            errors = [json.loads(line) for line in lines if b'"error"' in line[:200]
                      and "error" in json.loads(line)]
            result[f"workers_{workers}"] = {
                "seconds": statistics.median(r["seconds"] for r in runs),
                "best_seconds": min(r["seconds"] for r in runs),
                "cpu_s": statistics.median(r["cpu_s"] for r in runs),
                "others_cpu_s": [round(r["others_cpu_s"], 2) for r in runs],
                "main_rss_mb": max(r["main_rss_mb"] for r in runs),
                "workers_rss_mb": max(r["workers_rss_mb"] for r in runs) if workers > 1 else None,
                "status": runs[-1]["status"],
                "output_lines": len(lines),
                "error_records": [e["id"] for e in errors],
                "stderr": runs[-1]["stderr"].strip()[:300],
            }
        wait_until_quiet(args.quiet_wait)
        result["parallel_capacity"] = parallel_capacity()
        w1, w2 = result["workers_1"], result["workers_2"]
        result["speedup"] = w1["seconds"] / w2["seconds"]
        result["best_speedup"] = w1["best_seconds"] / w2["best_seconds"]
        result["identical"] = digests[1] == digests[2]
        result["mb_s_workers_1"] = big["mb"] / w1["seconds"]
        result["mb_s_workers_2"] = big["mb"] / w2["seconds"]
    return result


def print_scaling(s: dict[str, Any]) -> None:
    print(f"\n== quotetrack extract on {s['input_mb']:.1f} MB of JSON Lines "
          f"({s['input_lines']} lines, one of them broken), median of {s['runs']} runs")
    print(f"{'':12} {'seconds':>8} {'best':>6} {'MB/s':>7} {'CPU s':>6} "
          f"{'peak RSS: main':>15} {'each worker':>12} {'exit':>5}  other programs' CPU s")
    for w in (1, 2):
        r = s[f"workers_{w}"]
        workers = f"{r['workers_rss_mb']:9.0f} MB" if r["workers_rss_mb"] else f"{'-':>12}"
        print(f"--workers {w}  {r['seconds']:8.1f} {r['best_seconds']:6.1f} "
              f"{s[f'mb_s_workers_{w}']:7.2f} {r['cpu_s']:6.1f} "
              f"{r['main_rss_mb']:12.0f} MB {workers} {r['status']:5}  {r['others_cpu_s']}")
    verdict = "meets" if s["speedup"] >= TARGET_SPEEDUP else "misses"
    best = "meets" if s["best_speedup"] >= TARGET_SPEEDUP else "misses"
    print(f"speedup: {s['speedup']:.2f}x median ({verdict} the target of {TARGET_SPEEDUP}x), "
          f"{s['best_speedup']:.2f}x best of {s['runs']} ({best} it); "
          f"outputs identical: {'yes' if s['identical'] else 'NO'}")
    print(f"control: two CPU-bound processes got {s['parallel_capacity']:.2f}x the work of one "
          "done (2.00 on two free cores)")
    r = s["workers_2"]
    print(f"output lines: {r['output_lines']} (one per input line); error records in place: "
          f"{r['error_records']}; stderr: {r['stderr']!r}")


# --------------------------------------------------------------------------- hostile inputs


def filler_sentences(chars: int, seed: int = 7) -> str:
    """About ``chars`` characters of plain news-like sentences in one paragraph (no quotes)."""
    rng = random.Random(seed)
    parts, size = [], 0
    while size < chars:
        name, clause = _name(rng), rng.choice(CLAUSES)
        sentence = rng.choice([
            f"{name} said {clause}.",
            f"The {rng.choice(NOUNS)} rose by {rng.randint(2, 40)}% in {rng.choice(MONTHS)}.",
            f"Officials at {rng.choice(ORGS)} met on Monday and {clause}.",
            f"{name.split()[-1]} told reporters that {clause}.",
        ])
        parts.append(sentence)
        size += len(sentence) + 1
    return " ".join(parts)[:chars]


WORDS = ("the a council said plan market rose fell town people water road school city "
         "budget report members year week minister bank union police hospital price "
         "workers team season match election vote energy river bridge train").split()


def no_punctuation(chars: int) -> str:
    rng = random.Random(11)
    words, size = [], 0
    while size < chars:
        word = rng.choice(WORDS)
        words.append(word)
        size += len(word) + 1
    return " ".join(words)[:chars]


def capitalised_names(count: int) -> str:
    rng = random.Random(13)
    names = [rng.choice(FIRST + LAST + TITLES[:2]) + rng.choice(["", "a", "o", "son", "ek"])
             for _ in range(count)]
    return " ".join(names) + " said “Yes.”"


_ARTICLE_SOURCE: list[str] = []


def realistic_text(chars: int, docs: Optional[list[Doc]] = None) -> str:
    """One article of ``chars`` characters: real articles (or synthetic ones) joined and cut."""
    if not _ARTICLE_SOURCE:
        texts = [d["text"] for d in (docs or [])] or [
            d["text"] for d in synthetic_docs(400, seed=5)]
        _ARTICLE_SOURCE.append("\n\n".join(texts))
    source = _ARTICLE_SOURCE[0]
    repeats = chars // len(source) + 1
    return ("\n\n".join([source] * repeats))[:chars]


#: name -> (description, the size the issue names, unit, text of a given size); the benchmark
#: measures each at 1/8, 1/4, 1/2 and 1 times the named size (times --hostile-scale)
HOSTILE: dict[str, tuple[str, int, str, Callable[[int], str]]] = {
    "stray-straight": ('stray " marks', 100_000, "marks", lambda k: '"' * k),
    "unclosed-then-text": ("one unclosed “ before text in one paragraph", 1_000_000, "chars",
                           lambda k: "“" + filler_sentences(k)),
    "nested-alternating": ("alternating nested openers “‘“‘…, a word, then closers", 10_000,
                           "openers",
                           lambda k: "“‘" * (k // 2) + " word " + "’”" * (k // 2)),
    "no-punctuation": ("one paragraph without punctuation", 1_000_000, "chars", no_punctuation),
    "he-said": ('"he said " repeated', 100_000, "repeats", lambda k: "he said " * k),
    "capitalised-names": ("capitalised names in a row, then said “Yes.”", 10_000, "names",
                          capitalised_names),
    "long-article": ("one article of real text repeated", 5_000_000, "chars", realistic_text),
    # two shapes that were quadratic inside a regular expression (found by review, now linear)
    "trailing-space": ("a sentence, then white space to the end", 1_000_000, "chars",
                       lambda k: "She said “hi”" + " " * k),
    "marks-then-space": ("a run of full stops, a run of spaces, a lower-case word", 1_000_000,
                         "chars", lambda k: "a" + "." * (k // 2) + " " * (k // 2) + "b"),
}


#: timed runs per hostile input and size (the median is reported; --hostile-runs)
HOSTILE_RUNS = 5


def time_once(func: Callable[[], Any], min_seconds: float = 0.25) -> float:
    """Seconds per call of ``func``, looping calls until at least ``min_seconds`` have passed."""
    if gc.isenabled():
        gc.collect()
    loops, start = 0, time.perf_counter()
    while True:
        func()
        loops += 1
        elapsed = time.perf_counter() - start
        if elapsed >= min_seconds:
            return elapsed / loops


def measure_hostile(args: argparse.Namespace, docs: list[Doc],
                    names: Optional[list[str]] = None) -> dict[str, Any]:
    parser = Parser()
    parser.parse("“Warm up,” she said.")
    results: dict[str, Any] = {}
    if docs:
        realistic_text(1, docs)  # the long article is built from the corpus when there is one
    for name in names or list(HOSTILE):
        description, named, unit, make = HOSTILE[name]
        top = int(named * args.hostile_scale)
        sizes = [top // 8, top // 4, top // 2, top]
        rows = []
        for size in sizes:
            if rows and rows[-1]["seconds"] * 4 > args.hostile_budget:
                rows.append({"size": size, "skipped": True})
                continue
            text = make(size)

            def work(text: str = text) -> None:
                serialize_one(parser.parse(text))

            wait_until_quiet(args.quiet_wait)
            seconds = statistics.median(time_once(work) for _ in range(args.hostile_runs))
            rows.append({"size": size, "chars": len(text), "seconds": seconds,
                         "mb_s": len(text.encode("utf-8")) / 1e6 / seconds})
            print(f"  {name} {size}: {seconds:.3f} s", file=sys.stderr)
        ratios = [b["seconds"] / a["seconds"] for a, b in zip(rows, rows[1:])
                  if "seconds" in a and "seconds" in b]
        linear = all(r <= TARGET_GROWTH for r in ratios) and not any(
            r.get("skipped") for r in rows)
        timed = [r for r in rows if "seconds" in r]
        # the exponent k of t ~ n**k from the smallest to the largest size (1 linear, 2 quadratic)
        exponent = (math.log(timed[-1]["seconds"] / timed[0]["seconds"])
                    / math.log(timed[-1]["size"] / timed[0]["size"])) if len(timed) > 1 else None
        # the same with Python's cyclic garbage collector off: its collections of the older
        # generations scan every live object, which on a one-document input of megabytes adds
        # time growing faster than the input; this separates that from the parser's own work
        no_gc = None
        if len(timed) > 1:
            ends = [timed[0]["size"], timed[-1]["size"]]
            seconds = []
            for size in ends:
                text = make(size)
                wait_until_quiet(args.quiet_wait)
                gc.disable()
                try:
                    seconds.append(statistics.median(
                        time_once(lambda: serialize_one(parser.parse(text)))
                        for _ in range(args.hostile_runs)))
                finally:
                    gc.enable()
            no_gc = math.log(seconds[1] / seconds[0]) / math.log(ends[1] / ends[0])
        entry = {"description": description, "unit": unit, "rows": rows, "ratios": ratios,
                 "exponent": exponent, "exponent_without_gc": no_gc, "linear": linear}
        if not linear:
            size = max(r["size"] for r in rows if "seconds" in r)
            text = make(size)
            stats = profile_stats(lambda: serialize_one(parser.parse(text)))
            total, shares = stage_shares(stats)
            entry["profile"] = {"size": size, "seconds": total, "stages": shares[:6],
                                "functions": top_functions(stats)}
        results[name] = entry
    return results


def print_hostile(results: dict[str, Any], scale: float, runs: int) -> None:
    print(f"\n== linearity: seconds (median of {runs}) at sizes n, 2n, 4n, 8n; growth per "
          f"doubling (target <= {TARGET_GROWTH}); exponent k of t ~ n**k"
          + (f"; sizes x{scale:g}" if scale != 1 else "") + "; k without the garbage collector")
    print(f"{'input':20} {'8n':>10} {'t(n)':>8} {'t(2n)':>8} {'t(4n)':>8} {'t(8n)':>8}  "
          f"{'growth per doubling':22} {'k':>5} {'no gc':>5} {'linear':6}")
    for name, entry in results.items():
        rows = entry["rows"]
        times = [f"{r['seconds']:8.3f}" if "seconds" in r else f"{'skipped':>8}" for r in rows]
        growth = " ".join(f"{r:.2f}" for r in entry["ratios"])
        top = f"{rows[-1]['size']:,}"
        k, k_no_gc = (f"{v:5.2f}" if v is not None else f"{'-':>5}"
                      for v in (entry["exponent"], entry["exponent_without_gc"]))
        print(f"{name:20} {top:>10} {' '.join(times)}  {growth:22} {k} {k_no_gc} "
              f"{'yes' if entry['linear'] else 'NO':6}")
    for name, entry in results.items():
        if "profile" in entry:
            p = entry["profile"]
            print(f"\n{name} is not linear; cProfile at size {p['size']:,} ({p['seconds']:.2f} s):")
            for module, own, incl in p["stages"]:
                print(f"  {module:24} self {own:6.1%}  incl. {incl:6.1%}")
            for where, seconds, calls in p["functions"]:
                print(f"  {seconds:8.3f} s {calls:>9} calls  {where}")


# --------------------------------------------------------------------------- main


def machine() -> dict[str, Any]:
    model = "unknown"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                            capture_output=True, text=True).stdout.strip() or "unknown"
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                           capture_output=True, text=True).stdout.strip()
    return {"cpus": os.cpu_count(), "cpu": model, "python": sys.version.split()[0],
            "regex": regex.__version__, "quotetrack": quotetrack.__version__,
            "build": "compiled" if quotetrack.COMPILED else "pure Python",
            "package": str(Path(quotetrack.__file__).parent),
            "commit": commit + ("+changes" if dirty else ""),
            "load_average": os.getloadavg()[0]}


def build_argparser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="JSON Lines corpus")
    p.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL,
                   help="directory whose *.jsonl texts are added to the corpus")
    p.add_argument("--synthetic", type=int, default=0, metavar="N",
                   help="use N documents generated from templates instead of the corpus")
    p.add_argument("--fallback-n", type=int, default=2000, help=argparse.SUPPRESS)
    p.add_argument("--repeat", type=int, default=5, help="timed runs per measurement (median)")
    p.add_argument("--hostile", action="store_true", help="only the hostile-input linearity")
    p.add_argument("--all", action="store_true", help="everything, hostile inputs included")
    p.add_argument("--only", nargs="+", choices=list(HOSTILE), metavar="INPUT",
                   help=f"hostile inputs to measure (default all: {', '.join(HOSTILE)})")
    p.add_argument("--hostile-scale", type=float, default=1.0,
                   help="multiply the hostile input sizes (1: the largest is the named size)")
    p.add_argument("--hostile-runs", type=int, default=HOSTILE_RUNS, metavar="N",
                   help=f"timed runs per hostile input and size (median; default {HOSTILE_RUNS})")
    p.add_argument("--hostile-budget", type=float, default=120.0, metavar="SECONDS",
                   help="skip a larger size when the next run would likely take longer")
    p.add_argument("--no-profile", action="store_true", help="skip the cProfile stage shares")
    p.add_argument("--no-scaling", action="store_true", help="skip the --workers comparison")
    p.add_argument("--scaling-mb", type=float, default=20.0,
                   help="size of the JSON Lines input for the --workers comparison")
    p.add_argument("--scaling-repeat", type=int, default=3,
                   help="runs per --workers setting (at most --repeat)")
    p.add_argument("--quiet-wait", type=float, default=120.0, metavar="SECONDS",
                   help="before each timed run, wait up to this long for the CPUs to be 90%% "
                   "idle (0: never wait)")
    p.add_argument("--json", type=Path, metavar="FILE", help="also write all results as JSON")
    p.add_argument("--installed", action="store_true",
                   help="measure the quotetrack installed in this Python instead of the "
                   "checkout (e.g. a build made with QUOTETRACK_COMPILE=1 pip install .)")
    p.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    return p


def main(argv: Optional[list[str]] = None) -> int:
    args = build_argparser().parse_args(argv)
    if args.child:
        child_run(args)
        return 0
    info = machine()
    docs, source = load_docs(args)
    report: dict[str, Any] = {"machine": info, "source": source}
    print(f"quotetrack {info['quotetrack']} at {info['commit']} ({info['build']}, "
          f"{info['package']}); Python {info['python']}, regex {info['regex']}; "
          f"{info['cpus']} CPUs: {info['cpu']}")
    print(f"documents: {source}")
    if info["load_average"] > 0.5:
        print(f"note: the load average is {info['load_average']:.1f}; other work on this machine "
              "makes the timings slower and noisier")
    if not args.hostile:
        report["throughput"] = measure_throughput(args, docs)
        print_throughput(report["throughput"])
        if not args.no_profile:
            parser = Parser()
            parser.parse("“Warm up,” she said.")
            total, rows = stage_shares(profile_stats(lambda: run_pipeline(docs, parser)))
            report["stages"] = {"seconds": total, "rows": rows}
            print_stages(total, rows, title="the whole pipeline, one run" + (
                "; compiled: a stage module's own time includes the compiled code it calls"
                if quotetrack.COMPILED else ""))
        if not args.no_scaling:
            report["scaling"] = measure_scaling(args, docs)
            print_scaling(report["scaling"])
    if args.hostile or args.all:
        corpus_docs = docs if not args.synthetic and args.corpus.is_file() else []
        report["hostile"] = measure_hostile(args, corpus_docs, args.only)
        print_hostile(report["hostile"], args.hostile_scale, args.hostile_runs)
    report["quiet"] = dict(QUIET)
    if QUIET["not_quiet"]:
        print(f"\nnote: {QUIET['not_quiet']} timed run(s) started while other programs kept the "
              "CPUs busy; their timings are pessimistic")
    if args.json:
        args.json.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n",
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
