"""The quotetrack command: formats, stdin, per-document errors, exit codes and evaluate."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import quotetrack
from quotetrack.cli import CSV_COLUMNS, build_parser, main
from quotetrack.evaluate import evaluate
from quotetrack.serialize import document_output, result_from_dict, result_to_dict

REPO = Path(__file__).resolve().parents[1]
FIXTURE = REPO / "tests" / "fixtures" / "seed.jsonl"
EXAMPLE = REPO / "examples" / "seed.txt"
SHARED_EVAL = REPO.parent / "shared" / "eval"
SEED = json.loads(FIXTURE.read_text(encoding="utf-8"))

ARTICLE = "“We will win this,” Senator Jane Roe said on Monday.\n\n“It is close,” she added.\n"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def feed_stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


@pytest.fixture
def article(tmp_path) -> Path:
    path = tmp_path / "roe.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- extract


def test_example_article_is_the_seed_text():
    """examples/seed.txt is exactly the text of the seed fixture."""
    assert EXAMPLE.read_text(encoding="utf-8") == SEED["text"]


def test_extract_jsonl_is_document_output(capsys, article):
    """The default format writes one document_output line per document, id = path as given."""
    code, out, err = run(capsys, "extract", str(article))
    assert (code, err) == (0, "")
    (line,) = out.splitlines()
    assert json.loads(line) == document_output(quotetrack.parse(ARTICLE, id=str(article)))
    assert "“We will win this,”" in line  # not escaped to \u201c


def test_extract_json_is_an_array_of_full_results(capsys, article):
    """--format json writes an array of full result dicts that read back as the parse results."""
    code, out, _ = run(capsys, "extract", str(article), str(FIXTURE), "--format", "json")
    data = json.loads(out)
    assert code == 0 and len(data) == 2
    assert result_from_dict(data[0]) == quotetrack.parse(ARTICLE, id=str(article))
    meta = {k: v for k, v in SEED.items() if k not in ("id", "text")}
    assert result_from_dict(data[1]) == quotetrack.parse(SEED["text"], id=SEED["id"], meta=meta)
    assert data[1]["meta"]["source"] == SEED["source"] and "meta" not in data[0]


def test_extract_json_with_no_documents_is_an_empty_array(capsys, tmp_path):
    """An empty JSON Lines file gives a valid, empty JSON array."""
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    code, out, _ = run(capsys, "extract", "--format", "json", str(empty))
    assert (code, json.loads(out)) == (0, [])


@pytest.mark.parametrize("data", [b"", b"\n  \n"], ids=["empty", "blank"])
def test_extract_of_empty_stdin_says_so(capsys, monkeypatch, data):
    """Empty or blank stdin holds no documents: an empty JSON array, and stderr says why."""
    feed_stdin(monkeypatch, data)
    code, out, err = run(capsys, "extract", "--format", "json", "-")
    assert (code, json.loads(out)) == (0, [])
    assert err == "quotetrack extract: no documents: stdin is empty\n"


def test_extract_of_empty_stdin_as_text_is_one_empty_article(capsys, monkeypatch):
    """With --input-format text, empty stdin is what was asked for: one empty article '-'."""
    feed_stdin(monkeypatch, b"")
    code, out, _ = run(capsys, "extract", "--format", "json", "--input-format", "text")
    assert (code, json.loads(out)) == (0, [result_to_dict(quotetrack.parse("", id="-"))])


def test_extract_csv_has_one_row_per_quote(capsys):
    """--format csv writes the documented header and one row per quote with its speaker fields."""
    code, out, _ = run(capsys, "extract", str(EXAMPLE), "--format", "csv")
    rows = list(csv.reader(io.StringIO(out)))
    result = quotetrack.parse(SEED["text"])
    assert code == 0
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == 1 + len(result.quotes)
    for row, quote in zip(rows[1:], result.quotes, strict=True):
        record = dict(zip(CSV_COLUMNS, row, strict=True))
        assert record["id"] == str(EXAMPLE)
        assert (int(record["start"]), int(record["end"])) == (quote.span.start, quote.span.end)
        assert record["text"] == quote.text
        assert record["speaker"] == (quote.speaker.name if quote.speaker else "")
        assert record["anonymous"] in {"true", "false", ""}


def test_extract_text_is_readable(capsys):
    """--format text shows the id, each quote's offsets and kind, and the speaker line with sieve."""
    code, out, _ = run(capsys, "extract", str(EXAMPLE), "--format", "text")
    result = quotetrack.parse(SEED["text"])
    assert code == 0
    assert out.startswith(f"== {EXAMPLE} ({len(result.quotes)} quotes)\n")
    first = result.quotes[0]
    assert f"  [{first.span.start}:{first.span.end}] {first.kind.value}: " in out
    attributed = [q for q in result.quotes if q.attribution]
    assert out.count("; sieve ") == len(attributed)
    for quote in attributed:
        if quote.speaker:
            assert f"speaker: {quote.speaker.name}" in out


def test_extract_reads_stdin_text(capsys, monkeypatch):
    """'-' (and no file at all) reads stdin as one article with id '-'."""
    for argv in (["extract", "-"], ["extract"]):
        feed_stdin(monkeypatch, ARTICLE.encode())
        code, out, _ = run(capsys, *argv)
        assert code == 0
        assert json.loads(out) == document_output(quotetrack.parse(ARTICLE, id="-"))


def test_extract_reads_stdin_jsonl(capsys, monkeypatch):
    """Stdin holding JSON Lines gives one output line per document."""
    lines = [json.dumps({"id": f"n{i}", "text": ARTICLE}) for i in range(3)]
    feed_stdin(monkeypatch, "\n".join(lines).encode())
    code, out, _ = run(capsys, "extract")
    assert code == 0
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["n0", "n1", "n2"]


def test_bad_documents_are_reported_and_the_rest_go_on(capsys, tmp_path):
    """A bad line is an error line in jsonl and 'id: message' on stderr; exit status is 1."""
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        json.dumps({"id": "ok1", "text": ARTICLE})
        + "\n{oops\n"
        + json.dumps({"id": "notext"})
        + "\n"
        + json.dumps({"id": "ok2", "text": "x"})
        + "\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "extract", str(path))
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert [r["id"] for r in records] == ["ok1", f"{path}:2", "notext", "ok2"]
    assert records[1]["error"].startswith("expected a JSON object, got invalid JSON")
    assert records[2] == {
        "id": "notext",
        "error": f"{path}:3: expected a string 'text', got no 'text' key",
    }
    assert err.splitlines() == [
        f"{path}:2: {records[1]['error']}",
        f"notext: {records[2]['error']}",
    ]


@pytest.mark.parametrize("fmt", ["json", "csv", "text"])
def test_errors_go_only_to_stderr_in_other_formats(capsys, tmp_path, fmt):
    """Outside jsonl a bad document is reported on stderr only and the output stays well-formed."""
    path = tmp_path / "bad.jsonl"
    path.write_text("[]\n" + json.dumps({"id": "ok", "text": ARTICLE}) + "\n", encoding="utf-8")
    code, out, err = run(capsys, "extract", str(path), "--format", fmt)
    assert code == 1
    assert err == f"{path}:1: expected a JSON object, got list\n"
    assert "expected a JSON object" not in out
    if fmt == "json":
        assert [d["id"] for d in json.loads(out)] == ["ok"]


def test_workers_give_the_same_output(capsys, tmp_path):
    """--workers 2 writes exactly what one process writes."""
    path = tmp_path / "many.jsonl"
    path.write_text(
        "".join(json.dumps({"id": str(i), "text": ARTICLE * (i % 4)}) + "\n" for i in range(40)),
        encoding="utf-8",
    )
    _, serial, _ = run(capsys, "extract", str(path))
    code, pooled, _ = run(capsys, "extract", str(path), "--workers", "2", "--chunk-size", "3")
    assert code == 0 and pooled == serial and serial.count("\n") == 40


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["extract", "no/such/file.txt"],
            "quotetrack extract: error: no/such/file.txt: no such file",
        ),
        (["extract", "-", "-"], "stdin ('-') can be read only once"),
        (["extract", "docs.json"], "got a .json file"),
        (["evaluate", "no/gold.jsonl"], "quotetrack evaluate: error: no/gold.jsonl: no such file"),
        (["extract", "--format", "xml"], "invalid choice: 'xml'"),
        (["extract", "--workers", "0"], "expected a positive integer, got '0'"),
        (["evaluate"], "the following arguments are required: GOLD"),
        ([], "the following arguments are required: COMMAND"),
    ],
)
def test_usage_errors_exit_2(capsys, tmp_path, monkeypatch, argv, message):
    """Usage errors exit with status 2, print a clear message on stderr and write no output."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs.json").write_text("[]", encoding="utf-8")
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert message in err


def test_directory_is_a_usage_error(capsys, tmp_path):
    """A directory given as input is refused with exit status 2."""
    code, _, err = run(capsys, "extract", str(tmp_path))
    assert code == 2 and "expected a file" in err


def test_version(capsys):
    """--version prints the package version and which build runs, and exits 0."""
    code, out, _ = run(capsys, "--version")
    build = "compiled" if quotetrack.COMPILED else "pure Python"
    assert (code, out) == (0, f"quotetrack {quotetrack.__version__} ({build})\n")


# --------------------------------------------------------------------------- evaluate


def test_evaluate_without_predictions_runs_quotetrack(capsys):
    """Without PRED, evaluate scores quotetrack's own parse of the gold texts."""
    code, out, _ = run(capsys, "evaluate", str(FIXTURE))
    expected = evaluate([SEED], [quotetrack.parse(SEED["text"], id=SEED["id"])])
    assert code == 0
    assert out == expected.summary() + "\n"


def test_evaluate_json_and_indirect(capsys, tmp_path):
    """--json prints the scores dict; --indirect scores the indirect records instead."""
    pred = tmp_path / "pred.jsonl"
    _, extracted, _ = run(capsys, "extract", str(FIXTURE))
    pred.write_text(extracted, encoding="utf-8")
    predictions = [json.loads(pred.read_text(encoding="utf-8"))]
    for extra, indirect in (([], False), (["--indirect"], True)):
        code, out, _ = run(capsys, "evaluate", str(FIXTURE), str(pred), "--json", *extra)
        assert code == 0
        assert json.loads(out) == evaluate([SEED], predictions, indirect=indirect).as_dict()
    assert json.loads(out)["counts"]["gold"] == 5  # the seed's speech-verb indirect records


def test_evaluate_misses(capsys, tmp_path):
    """--misses N lists at most N misses before the metrics, in text and in --json."""
    pred = tmp_path / "empty.jsonl"
    pred.write_text(json.dumps({"id": SEED["id"], "quotes": []}) + "\n", encoding="utf-8")
    code, out, _ = run(capsys, "evaluate", str(FIXTURE), str(pred), "--misses", "2")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 3
    assert lines[0].startswith(f"  missed   {SEED['id']}  gold: 'Morgan Ortagus'")
    assert lines[2].startswith("quote_p=0.000")
    code, out, _ = run(capsys, "evaluate", str(FIXTURE), str(pred), "--misses", "2", "--json")
    data = json.loads(out)
    assert [m["reason"] for m in data["misses"]] == ["missed", "missed"]


def test_evaluate_bad_prediction_file(capsys, tmp_path):
    """A prediction file with a broken line exits 2 naming the file and line."""
    pred = tmp_path / "bad.jsonl"
    pred.write_text("{}\n", encoding="utf-8")
    code, out, err = run(capsys, "evaluate", str(FIXTURE), str(pred))
    assert (code, out) == (2, "")
    assert f"{pred}:1: expected a JSON object with an 'id'" in err


def _python(*args: str, **kwargs) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, encoding="utf-8", env=env, **kwargs
    )


def test_python_dash_m(tmp_path):
    """python -m quotetrack runs the same command, exit status included."""
    ok = _python("-m", "quotetrack", "extract", str(EXAMPLE), cwd=tmp_path)
    assert ok.returncode == 0
    assert json.loads(ok.stdout)["id"] == str(EXAMPLE)
    missing = _python("-m", "quotetrack", "extract", "missing.txt", cwd=tmp_path)
    assert missing.returncode == 2 and "missing.txt: no such file" in missing.stderr


@pytest.mark.skipif(
    not (SHARED_EVAL / "score.py").is_file(), reason=f"the reference scorer is not in {SHARED_EVAL}"
)
@pytest.mark.parametrize("indirect", [[], ["--indirect"]], ids=["quotes", "indirect"])
def test_evaluate_prints_what_score_py_prints(tmp_path, indirect):
    """On ggt-dev, 'quotetrack evaluate' prints the same metrics line and JSON as score.py."""
    gold = SHARED_EVAL / "ggt-dev.jsonl"
    pred = tmp_path / "pred.jsonl"
    extracted = _python("-m", "quotetrack", "extract", str(gold))
    assert extracted.returncode == 0, extracted.stderr
    pred.write_text(extracted.stdout, encoding="utf-8")
    for extra in ([], ["--json"]):
        ours = _python("-m", "quotetrack", "evaluate", str(gold), str(pred), *indirect, *extra)
        reference = _python(str(SHARED_EVAL / "score.py"), str(gold), str(pred), *indirect, *extra)
        assert ours.returncode == reference.returncode == 0
        if extra:
            assert ours.stdout == reference.stdout
        else:  # the same numbers; n/a where score.py prints 0.000 for nothing measured
            assert _metrics_line(ours.stdout) == _metrics_line(reference.stdout)


def _metrics_line(line: str) -> tuple[dict, dict]:
    """The metrics and counts of a metrics line, n/a read as 0.0 and counts as JSON or repr."""
    import ast

    head, counts = line[: line.index("{")], line[line.index("{"):]
    metrics = {k: 0.0 if v == "n/a" else float(v)
               for k, v in (item.split("=") for item in head.split())}
    return metrics, ast.literal_eval(counts.replace("true", "True"))


def test_evaluate_reads_predictions_from_stdin(capsys, monkeypatch):
    """`quotetrack extract GOLD | quotetrack evaluate GOLD -` scores what came on stdin."""
    code, out, _ = run(capsys, "extract", str(FIXTURE))
    assert code == 0
    feed_stdin(monkeypatch, out.encode())
    code, piped, _ = run(capsys, "evaluate", str(FIXTURE), "-")
    _, direct, _ = run(capsys, "evaluate", str(FIXTURE))
    assert (code, piped) == (0, direct)
    code, _, err = run(capsys, "evaluate", "-", str(FIXTURE))
    assert code == 2 and "GOLD must be a file" in err


@pytest.mark.parametrize(("gold", "pred", "message"), [
    ([{"id": "a", "text": "Hi.", "quotes": []}, {"id": "a", "text": "Hi.", "quotes": []}], None,
     "gold document id 'a' appears twice"),
    ([{"id": "a", "text": "Hi.", "quotes": {"start": 0}}], None, "'quotes' to be a list"),
    ([{"id": ["a"], "text": "Hi.", "quotes": []}], [], "expected a string 'id', got list"),
    ([{"id": "a", "text": "Hi.", "quotes": []}],
     [{"id": "a", "quotes": [{"start": 0, "end": 99, "kind": "direct"}]}],
     "expected offsets 0 <= start, end <= 3"),
])
def test_evaluate_input_errors_are_one_line_messages(capsys, tmp_path, gold, pred, message):
    """Gold or predictions that cannot be scored: status 2 and a message, no traceback."""
    gold_path, pred_path = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold_path.write_text("".join(json.dumps(d) + "\n" for d in gold), encoding="utf-8")
    argv = ["evaluate", str(gold_path)]
    if pred is not None:
        pred_path.write_text("".join(json.dumps(d) + "\n" for d in pred), encoding="utf-8")
        argv.append(str(pred_path))
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert err.startswith("quotetrack evaluate: error: ") and message in err
    assert len(err.splitlines()) == 1


# --------------------------------------------------------------------------- docs


def test_every_command_and_option_is_documented():
    """docs/cli.md names every subcommand and every option of the argument parser."""
    doc = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    parser = build_parser()
    (sub,) = [a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction"]
    for name, command in sub.choices.items():
        assert f"quotetrack {name}" in doc
        for action in command._actions:
            for option in action.option_strings:
                assert option in doc, f"{option} of '{name}' is not in docs/cli.md"
            if not action.option_strings:
                assert action.metavar in doc
    assert "--version" in doc


def test_extract_kinds_selects_quote_kinds(capsys):
    """--kinds keeps only the listed kinds, and an unknown kind is a usage error (exit 2)."""
    code, out, _ = run(capsys, "extract", str(EXAMPLE), "--kinds", "indirect")
    assert code == 0
    kinds = {q["kind"] for q in json.loads(out)["quotes"]}
    assert kinds == {"indirect"}
    code, out, _ = run(capsys, "extract", str(EXAMPLE), "--kinds", "direct,mixed")
    kinds = {q["kind"] for q in json.loads(out)["quotes"]}
    assert kinds == {"direct", "mixed"}
    code, _, err = run(capsys, "extract", str(EXAMPLE), "--kinds", "quoted")
    assert code == 2
    assert "unknown quote kind" in err


def test_extract_claims_in_every_format(capsys):
    """--claims adds the numeric claims: a jsonl 'claims' list, csv rows of kind claim, text lines."""
    code, out, _ = run(capsys, "extract", str(EXAMPLE), "--claims")
    line = json.loads(out)
    martyrs = next(c for c in line["claims"] if c["span"]["text"] == "hundreds of martyrs")
    assert martyrs["speaker"] == "Hassan Al-Rubaie" and martyrs["quantity"]["qualifier"] == "vague"
    code, out, _ = run(capsys, "extract", str(EXAMPLE))
    assert "claims" not in json.loads(out)
    code, _, err = run(capsys, "extract", str(EXAMPLE), "--claims", "--format", "csv")
    assert code == 2 and "give --claims-out FILE" in err
    code, out, _ = run(capsys, "extract", str(EXAMPLE), "--claims", "--format", "text")
    assert "# claim" in out and "asserted by Hassan Al-Rubaie" in out
    code, out, _ = run(capsys, "extract", str(EXAMPLE), "--claims", "--format", "json")
    assert result_from_dict(json.loads(out)[0]).claims


def test_extract_passes_input_fields_through_as_meta(capsys, tmp_path):
    """Every input field but id and text comes back in the output line as "meta", also on an
    error record; a field holding an unpaired surrogate is written as an ASCII escape, so the
    line is still valid UTF-8 and reads back the same."""
    path = tmp_path / "news.jsonl"
    lines = [
        {"id": "a", "text": ARTICLE, "url": "https://news.test/a", "date": "2026-12-01"},
        {"id": "b", "text": 5, "outlet": "Gazette"},
        {"id": "c", "text": ARTICLE, "note": "half a pair: \ud800"},
    ]
    path.write_text("".join(json.dumps(d) + "\n" for d in lines), encoding="utf-8")
    for workers in ("1", "2"):
        code, out, _ = run(capsys, "extract", str(path), "--workers", workers)
        a, b, c = (json.loads(line) for line in out.splitlines())
        assert code == 1
        assert list(a) == ["id", "meta", "quotes"]
        assert a["meta"] == {"url": "https://news.test/a", "date": "2026-12-01"}
        assert b == {"id": "b", "meta": {"outlet": "Gazette"},
                     "error": f"{path}:2: expected a string 'text', got int"}
        assert c["meta"] == {"note": "half a pair: \ud800"}
        assert "\\ud800" in out.splitlines()[2]
        out.encode("utf-8")


def test_csv_has_the_quality_columns(capsys):
    """The CSV gives each quote's content, paragraph, speaker kind and id, resolution, cue class,
    channel and confidence, as in the JSON output."""
    code, out, _ = run(capsys, "extract", str(EXAMPLE), "--format", "csv")
    rows = [dict(zip(CSV_COLUMNS, r, strict=True)) for r in list(csv.reader(io.StringIO(out)))[1:]]
    quotes = document_output(quotetrack.parse(SEED["text"], id=str(EXAMPLE)))["quotes"]
    assert code == 0 and len(rows) == len(quotes)
    for row, q in zip(rows, quotes, strict=True):
        speaker = q["speaker"] or {}
        assert row["content"] == q["content"]["text"]
        assert int(row["paragraph"]) == q["paragraph"]
        assert row["speaker_kind"] == (speaker.get("kind") or "")
        assert row["speaker_id"] == ("" if q["speaker_id"] is None else str(q["speaker_id"]))
        assert row["resolution"] == (q["resolution"] or "")
        assert row["cue_class"] == (q["cue_class"] or "")
        assert row["channel"] == (q["channel"] or "")
        assert row["confidence"] == ("" if q["confidence"] is None else f"{q['confidence']:.3f}")
    assert {"denial", "neutral"} & {r["cue_class"] for r in rows}


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_claims_go_to_a_table_of_their_own(capsys, tmp_path, fmt):
    """--claims-out FILE writes one row per claim with numeric value, low and high columns; the
    quote output keeps only quotes; a range is two numbers, not a string."""
    from quotetrack.cli import CLAIM_COLUMNS

    claims_path = tmp_path / "claims.csv"
    text = ("Between 10 and 20 people were hurt. “We lost more than 5,000 troops,” Jane Roe "
            "said. The city spent $44.5 million.")
    article = tmp_path / "a.txt"
    article.write_text(text, encoding="utf-8")
    code, out, _ = run(capsys, "extract", str(article), "--format", fmt,
                       "--claims-out", str(claims_path))
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(claims_path.read_text(encoding="utf-8"))))
    assert tuple(rows[0]) == CLAIM_COLUMNS
    result = quotetrack.parse(text, id=str(article), claims=True)
    assert len(rows) == len(result.claims) >= 3
    by_text = {r["text"]: r for r in rows}
    hurt = next(r for t, r in by_text.items() if "10 and 20" in t)
    assert (hurt["value"], float(hurt["low"]), float(hurt["high"])) == ("", 10.0, 20.0)
    troops = next(r for t, r in by_text.items() if "5,000" in t)
    assert (float(troops["value"]), troops["qualifier"], troops["speaker"]) == (
        5000.0, "more_than", "Jane Roe")
    money = next(r for t, r in by_text.items() if "44.5" in t)
    assert (float(money["value"]), money["unit"]) == (44_500_000.0, "USD")
    if fmt == "csv":
        kinds = {r[3] for r in list(csv.reader(io.StringIO(out)))[1:]}
        assert "claim" not in kinds and "44.5" not in out


PARTS_DOC = ('Ana Ruiz, the owner, spoke first. She said: "We open at six.\n\n'
             '"We close at ten," she added.\n\nMax Ford runs the theatre next door.\n\n'
             '"The show must go on," intoned Mr Ford.')


def test_extract_join_parts(capsys, tmp_path):
    """--join-parts writes a multi-paragraph quotation as one record, in JSON Lines and CSV;
    without it each paragraph part is a record of its own pointing at the first."""
    path = tmp_path / "a.txt"
    path.write_text(PARTS_DOC, encoding="utf-8")
    code, out, _ = run(capsys, "extract", str(path), "--kinds", "direct")
    parts = json.loads(out)["quotes"]
    assert code == 0 and [q["part"] for q in parts[:2]] == ["first", "last"]
    assert parts[1]["part_of"] == 0
    code, out, _ = run(capsys, "extract", str(path), "--kinds", "direct", "--join-parts")
    joined = json.loads(out)["quotes"]
    assert joined[0]["text"] == '"We open at six.\n\n"We close at ten,"'
    assert joined[0]["part"] is None and joined[0]["speaker"]["name"] == "Ana Ruiz"
    assert len(joined) == len(parts) - 1
    code, out, _ = run(capsys, "extract", str(path), "--format", "csv", "--join-parts")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[0]["part"] == "" and rows[0]["text"].endswith('We close at ten,"')


def test_extract_lexicon_folder(capsys, tmp_path):
    """--lexicon DIR adds the user's speech verb; a folder that is not there is a usage error
    naming it."""
    words = tmp_path / "words"
    words.mkdir()
    (words / "cue_verbs.tsv").write_text("intone\tassertive\tintone,intoned,intones\n", "utf-8")
    (words / "inversion_cues.tsv").write_text("intone\n", "utf-8")
    path = tmp_path / "a.txt"
    path.write_text(PARTS_DOC, encoding="utf-8")
    code, out, _ = run(capsys, "extract", str(path))
    assert (json.loads(out)["quotes"][-1]["cue"] or {}).get("text") != "intoned"
    code, out, _ = run(capsys, "extract", str(path), "--lexicon", str(words))
    last = json.loads(out)["quotes"][-1]
    assert code == 0 and last["speaker"]["name"] == "Max Ford" and last["cue"]["text"] == "intoned"
    code, _, err = run(capsys, "extract", str(path), "--lexicon", str(tmp_path / "missing"))
    assert code == 2 and "--lexicon" in err and "missing" in err


def test_select_kinds_renumbers_parts():
    """Leaving quotes out renumbers part_of; a part whose first part was left out stands
    alone."""
    from quotetrack.cli import select_kinds

    text = 'Ana Ruiz spoke. "Yes," she said.\n\nShe said the plan was "good.\n\n"We start now," she added.'
    result = quotetrack.parse(text)
    kinds = {q.kind.value for q in result.quotes}
    assert {"direct", "mixed"} <= kinds
    direct = select_kinds(result, ["direct"])
    for q in direct.quotes:
        assert q.part_of is None or direct.quotes[q.part_of].part.value == "first"
