"""Scaling out: parse_batch as a plain picklable function, pickled parsers and results, and Dask.

The Dask tests run on a ``distributed.LocalCluster`` with two worker processes and check that
the output equals the single-process output; they are skipped when the ``dask`` extra
(``dask[bag]`` and ``distributed``) is not installed.
"""

from __future__ import annotations

import configparser
import functools
import importlib
import importlib.util
import json
import pickle
import re
import sys
from pathlib import Path

import attrs
import pytest

import quotetrack
from quotetrack import ConfigError, Limits, Parser
from quotetrack.cli import main
from quotetrack.scale import output_line, parse_batch
from quotetrack.serialize import document_output, result_to_dict

pytestmark = pytest.mark.slow  # starts local Dask clusters

REPO = Path(__file__).resolve().parents[1]
SEED = json.loads((REPO / "tests" / "fixtures" / "seed.jsonl").read_text(encoding="utf-8"))

HAVE_DASK = all(importlib.util.find_spec(m) is not None for m in ("dask", "distributed"))
HAVE_PYARROW = importlib.util.find_spec("pyarrow") is not None
needs_dask = pytest.mark.skipif(
    not HAVE_DASK,
    reason="dask and distributed are not installed (pip install 'quotetrack[dask]')",
)
needs_pyarrow = pytest.mark.skipif(not HAVE_PYARROW, reason="pyarrow is not installed")

NAMES = ["Ana Silva", "Peter Novak", "Grace Okafor", "Li Chen", "Tom Poe"]


def synthetic(i: int) -> dict[str, str]:
    """A short made-up article with direct, mixed and reported speech."""
    name = NAMES[i % len(NAMES)]
    surname = name.split()[-1]
    text = (
        f"Bridge works, week {i}\n\n"
        f"\u201cWe will finish the bridge by {i % 28 + 1} May,\u201d {name} said on Monday.\n\n"
        f"The council met for {i % 9 + 1} hours. \u201cIt is a good plan,\u201d she added.\n\n"
        f"{surname} told reporters that the cost had risen by {i % 40}%, calling it "
        f"'a fair price'. \"Nobody likes delays,\" said Mayor {NAMES[(i + 1) % len(NAMES)]}."
    )
    return {"id": f"synthetic/{i:03d}", "text": text}


DOCS = [{"id": SEED["id"], "text": SEED["text"]}] + [synthetic(i) for i in range(60)]


def reference(docs, parser=None):
    """The single-process output records: document_output of each parse, in order."""
    parser = parser or Parser()
    return [document_output(parser.parse(d["text"], id=d["id"])) for d in docs]


# --------------------------------------------------------------------------- pickling


@pytest.mark.parametrize(
    "parser",
    [Parser(), Parser(limits=attrs.evolve(Limits(), max_nesting=3, max_quote_chars=500))],
    ids=["default", "custom-limits"],
)
def test_parser_pickles_equal(parser):
    """A Parser survives pickling equal, with its lexicon and limits, and parses the same."""
    loaded = pickle.loads(pickle.dumps(parser))
    assert loaded == parser
    assert loaded.parse(SEED["text"]) == parser.parse(SEED["text"])


def test_parse_result_pickles_equal():
    """A ParseResult survives pickling equal, and quotes still share their Speaker objects."""
    result = quotetrack.parse(SEED["text"], id=SEED["id"])
    loaded = pickle.loads(pickle.dumps(result))
    assert loaded == result
    speakers = {id(s) for s in loaded.speakers}
    assert all(id(q.speaker) in speakers for q in loaded.quotes if q.speaker is not None)


# --------------------------------------------------------------------------- parse_batch


def test_parse_batch_equals_single_documents():
    """parse_batch gives document_output of each document, in order."""
    assert parse_batch(DOCS) == reference(DOCS)


def test_parse_batch_reads_json_lines_from_an_iterator():
    """JSON Lines as str or bytes, from an iterator (a PySpark partition), give the same records."""
    lines = [json.dumps(d, ensure_ascii=False) for d in DOCS[:10]]
    as_bytes = iter([line.encode("utf-8") + b"\n" for line in lines] + [b"\n"])
    assert parse_batch(iter(lines)) == reference(DOCS[:10])
    assert parse_batch(as_bytes) == reference(DOCS[:10])


def test_parse_batch_reports_each_failure_in_place():
    """Every kind of bad document becomes {"id", "error"} in its place; the others are parsed."""
    small = Parser(limits=attrs.evolve(Limits(), max_input_chars=2_000))
    batch = [
        DOCS[1],
        {"id": "no-text"},
        "{not json",
        b'{"id": "latin", "text": "caf\xe9"}',
        {"id": "big", "text": "x" * 2_001},
        42,
        DOCS[2],
    ]
    records = parse_batch(batch, small, source="part-7")
    assert [r["id"] for r in records] == [
        DOCS[1]["id"], "no-text", "part-7:3", "part-7:4", "big", "part-7:6", DOCS[2]["id"]
    ]
    errors = {r["id"]: r["error"] for r in records if "error" in r}
    assert errors["no-text"] == "part-7:2: expected a string 'text', got no 'text' key"
    assert errors["part-7:3"].startswith("expected a JSON object, got invalid JSON")
    assert errors["part-7:4"] == "expected UTF-8 text, got byte 0xe9 at offset 28"
    assert errors["big"].startswith("InputTooLarge: input has 2001 characters")
    assert errors["part-7:6"] == "expected a {'id', 'text'} mapping or a JSON line, got int"
    assert records[0] == reference([DOCS[1]], small)[0]
    assert records[-1] == reference([DOCS[2]], small)[0]


def test_parse_batch_full_is_result_to_dict():
    """With full=True each record is the whole result, as result_to_dict writes it."""
    (record,) = parse_batch([DOCS[0]], full=True)
    assert record == result_to_dict(quotetrack.parse(DOCS[0]["text"], id=DOCS[0]["id"]))


def test_parse_batch_with_a_parser_pickles_as_a_partial():
    """functools.partial(parse_batch, parser=...) pickles, for mapPartitions and process pools."""
    parser = Parser(limits=attrs.evolve(Limits(), max_quote_chars=60))
    work = pickle.loads(pickle.dumps(functools.partial(parse_batch, parser=parser)))
    assert work(DOCS[:5]) == reference(DOCS[:5], parser)


def test_output_lines_are_what_extract_writes(tmp_path, capsys):
    """output_line of each parse_batch record is the line `quotetrack extract` writes."""
    path = tmp_path / "docs.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in DOCS[:8]), encoding="utf-8")
    assert main(["extract", str(path)]) == 0
    out, _ = capsys.readouterr()
    assert out == "".join(output_line(r) + "\n" for r in parse_batch(DOCS[:8]))


def test_extras_and_the_test_install():
    """setup.cfg has the dask and progress extras, and README's test command installs them."""
    config = configparser.ConfigParser()
    config.read(REPO / "setup.cfg", encoding="utf-8")
    extras = {k: v.split() for k, v in config["options.extras_require"].items()}
    assert extras["dask"] == ["dask[bag]", "distributed"]
    assert extras["progress"] == ["tqdm"]
    assert extras["parquet"] == ["pyarrow"]
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    (test_command,) = [line for line in readme.splitlines() if line.endswith("-m pytest")][:1]
    installed = re.search(r"pip install '\.\[([a-z,]+)\]'", test_command)
    assert installed and {"test", "dask", "progress", "parquet"} <= set(
        installed.group(1).split(","))


def test_quotetrack_dask_without_dask_names_the_extra(monkeypatch):
    """Importing quotetrack.dask without Dask raises ImportError naming quotetrack[dask]."""
    monkeypatch.setitem(sys.modules, "dask", None)
    monkeypatch.delitem(sys.modules, "quotetrack.dask", raising=False)
    with pytest.raises(ImportError, match=r"pip install 'quotetrack\[dask\]'"):
        importlib.import_module("quotetrack.dask")


# --------------------------------------------------------------------------- Dask


@pytest.fixture(scope="module")
def client():
    """A LocalCluster of two single-threaded worker processes, and a client using it."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as cluster, distributed.Client(cluster) as dask_client:
        yield dask_client


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The seed article and 60 synthetic ones as JSON Lines, with one broken line."""
    path = tmp_path_factory.mktemp("corpus") / "docs.jsonl"
    lines = [json.dumps(d, ensure_ascii=False) for d in DOCS]
    lines.insert(30, "{this line is broken")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def cli_lines(path: Path, capsys) -> list[str]:
    main(["extract", str(path)])
    out, _ = capsys.readouterr()
    return out.splitlines()


@needs_dask
def test_extract_jsonl_on_a_local_cluster_equals_the_command(client, corpus, tmp_path, capsys):
    """Blocks parsed on two worker processes, concatenated, are what `quotetrack extract` writes.

    The one difference allowed is the id of the broken line: FILE:LINE for the command,
    FILE#BLOCK:LINE-IN-BLOCK for Dask.
    """
    from quotetrack.dask import extract_jsonl

    written = extract_jsonl(str(corpus), str(tmp_path / "out"), blocksize=4_000)
    assert len(written) > 4  # several blocks, so both workers had work
    assert [w["path"] for w in written] == sorted(w["path"] for w in written)
    lines = [line for w in written for line in Path(w["path"]).read_text("utf-8").splitlines()]
    expected = cli_lines(corpus, capsys)
    assert len(lines) == len(expected) == len(DOCS) + 1
    (broken,) = [i for i, line in enumerate(expected) if '"error"' in line]
    got, want = json.loads(lines[broken]), json.loads(expected[broken])
    assert got["error"] == want["error"]
    assert want["id"] == f"{corpus}:31" and got["id"].startswith(f"{corpus}#")
    assert lines[:broken] + lines[broken + 1:] == expected[:broken] + expected[broken + 1:]
    assert sum(w["documents"] for w in written) == len(DOCS) + 1
    assert sum(w["errors"] for w in written) == 1


@needs_dask
def test_parse_bag_on_a_local_cluster_equals_parse_batch(client):
    """A Bag of documents over four partitions gives the single-process records, in order."""
    import dask.bag

    from quotetrack.dask import parse_bag

    small = Parser(limits=attrs.evolve(Limits(), max_input_chars=3_000))
    docs = DOCS + [{"id": "huge", "text": "x" * 3_001}, {"id": "no-text"}]
    bag = dask.bag.from_sequence(docs, npartitions=4)
    records = parse_bag(bag, small).compute()
    assert records[:-1] == parse_batch(docs[:-1], small)
    assert records[-2]["error"].startswith("InputTooLarge")
    assert records[-1] == {
        "id": "no-text", "error": records[-1]["error"]
    } and records[-1]["error"].endswith("expected a string 'text', got no 'text' key")


@needs_dask
def test_parse_jsonl_full_records(client, corpus):
    """parse_jsonl(full=True) gives result_to_dict records for every readable line."""
    from quotetrack.dask import parse_jsonl

    records = parse_jsonl(str(corpus), blocksize=8_000, full=True).compute()
    good = [r for r in records if "error" not in r]
    assert good == [result_to_dict(quotetrack.parse(d["text"], id=d["id"])) for d in DOCS]


@needs_dask
@needs_pyarrow
def test_extract_jsonl_parquet(client, corpus, tmp_path, capsys):
    """Parquet output holds the same ids, quotes and errors as the JSON Lines output."""
    import pyarrow.parquet as pq

    from quotetrack.dask import extract_jsonl

    written = extract_jsonl(str(corpus), str(tmp_path / "pq"), blocksize=6_000, format="parquet")
    rows = [row for w in written for row in pq.read_table(w["path"]).to_pylist()]
    expected = [json.loads(line) for line in cli_lines(corpus, capsys)]
    assert [r["id"] for r in rows if r["error"] is None] == [
        e["id"] for e in expected if "error" not in e
    ]
    for row, want in zip(rows, expected):
        if "error" in want:
            assert row["error"] == want["error"] and row["quotes"] is None
        else:
            assert json.loads(row["quotes"]) == want["quotes"] and row["error"] is None
            assert row["claims"] is None
        assert (None if row["meta"] is None else json.loads(row["meta"])) == want.get("meta")
    assert any(row["meta"] is not None for row in rows) == any("meta" in e for e in expected)


@needs_dask
def test_extract_jsonl_refuses_to_mix_with_old_parts(corpus, tmp_path):
    """Existing part files are an error unless overwrite=True, which replaces them all."""
    from quotetrack.dask import extract_jsonl

    out = tmp_path / "out"
    first = extract_jsonl(str(corpus), str(out), blocksize=4_000, scheduler="sync")
    with pytest.raises(ConfigError, match="already holds"):
        extract_jsonl(str(corpus), str(out), scheduler="sync")
    again = extract_jsonl(str(corpus), str(out), blocksize=None, overwrite=True,
                          scheduler="sync")
    assert len(first) > 1 and len(again) == 1
    assert sorted(p.name for p in out.iterdir()) == ["part-00000.jsonl"]


@needs_dask
def test_extract_jsonl_rejects_an_unknown_format(corpus, tmp_path):
    """An unknown output format is a ConfigError listing the known ones."""
    from quotetrack.dask import extract_jsonl

    with pytest.raises(ConfigError, match="jsonl, parquet"):
        extract_jsonl(str(corpus), str(tmp_path), format="csv")
