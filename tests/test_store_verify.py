"""Verify and word diffs: golden cases written for these tests, against a store and a file."""

from __future__ import annotations

import json

import pytest

from quotetrack.cli import main
from quotetrack.errors import StoreError
from quotetrack.store import Store, verify_source
from quotetrack.store.cli import (
    VERIFY_ALTERED,
    VERIFY_FOUND,
    VERIFY_MISATTRIBUTED,
    VERIFY_NOT_FOUND,
)
from quotetrack.store.textmatch import Diff, normalize, relate, tokenize, word_diff

SAID = ("The council will rebuild the old library, and it will open again before the winter "
        "comes, whatever the cost turns out to be")
ARTICLE = (
    "Library to reopen\n\n"
    f"“{SAID},” said Councillor Maria Okafor, the leader of the council.\n\n"
    "Residents had campaigned for two years. “We never gave up hope,” said Tom Reyes, a "
    "local teacher.\n\n"
    "The council expects the work to take eight months.\n"
)


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    path = tmp_path_factory.mktemp("src") / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("db") / "news.db"
    with Store(path) as s:
        s.ingest([{"id": "library", "text": ARTICLE, "published_at": "2021-03-04",
                   "url": "https://example.org/library"}])
    s = Store(path)
    yield s
    s.close()


GOLDEN = [
    # label, text, status, diff check
    ("exact", SAID, "exact", None),
    ("exact with its own quotation marks", f"“{SAID}”", "exact", None),
    ("normalised", SAID.upper().replace(",", " -"), "normalized", None),
    ("one word substituted", SAID.replace("rebuild", "demolish"), "altered",
     {"substituted": [["rebuild", "demolish"]]}),
    ("a clause dropped", SAID.replace(", and it will open again before the winter comes", ""),
     "altered", {"deleted": ["and it will open again before the winter comes"]}),
    ("an elision", "The council will rebuild the old library … whatever the cost turns out to be",
     "edited", {"elisions": ["and it will open again before the winter comes"]}),
    ("a bracketed insertion", SAID.replace("it will open", "[the library] will open"), "edited",
     {"insertions": [["it", "the library"]]}),
    ("a fragment", "it will open again before the winter comes", "fragment", None),
    ("absent", "The council will sell the old library to a developer next spring", "not_found",
     None),
]


@pytest.mark.parametrize("label, text, status, diff", GOLDEN, ids=[g[0] for g in GOLDEN])
def test_golden_verify_against_a_store(store, label, text, status, diff):
    """Each golden case gets its status, its diff and a span that is the source's text."""
    verdict = store.verify(text)
    assert verdict.status == status, label
    if status == "not_found":
        assert verdict.matches == ()
        return
    m = verdict.matches[0]
    assert ARTICLE[m.start:m.end] == m.source_text
    assert m.doc_id == "library" and m.url == "https://example.org/library"
    if diff is not None:
        got = m.diff.as_dict()
        for key, value in diff.items():
            assert got[key] == value, label
        assert got["altered"] == (status == "altered")


@pytest.mark.parametrize("label, text, status, diff", GOLDEN, ids=[g[0] for g in GOLDEN])
def test_golden_verify_against_a_source_file(source, label, text, status, diff):
    """A source file without a database gives the same statuses and spans."""
    verdict = verify_source(text, str(source))
    assert verdict.status == status
    for m in verdict.matches:
        assert ARTICLE[m.start:m.end] == m.source_text


def test_fragment_span_is_the_words_found(store):
    """A fragment's span covers just the matching words of the longer quote."""
    m = store.verify("it will open again before the winter comes").matches[0]
    assert m.source_text == "it will open again before the winter comes"


def test_speaker_attributed(store):
    """The right speaker, by full name or surname, is confirmed."""
    for name in ("Maria Okafor", "Okafor", "Ms Okafor"):
        verdict = store.verify(SAID, speaker=name)
        assert verdict.attribution == "speaker"


def test_misattributed(store):
    """Words given to someone else are flagged with who the source names."""
    verdict = store.verify("We never gave up hope", speaker="Maria Okafor")
    assert verdict.status == "exact"
    assert verdict.attribution == "someone_else"
    assert verdict.attributed_to == ("Tom Reyes",)


def test_misattributed_with_an_altered_wording_of_theirs(tmp_path):
    """When the words as given are someone else's, the speaker's own altered wording is named."""
    path = tmp_path / "two.jsonl"
    path.write_text(json.dumps({"id": "1", "text": f"“{SAID},” said Maria Okafor."}) + "\n" +
                    json.dumps({"id": "2", "text": "“" + SAID.replace("rebuild", "sell") +
                                ",” said Tom Reyes."}) + "\n", encoding="utf-8")
    verdict = verify_source(SAID.replace("rebuild", "sell"), str(path), speaker="Maria Okafor")
    assert (verdict.status, verdict.attribution) == ("exact", "someone_else")
    assert verdict.speaker_status == "altered"
    assert [m.status for m in verdict.matches] == ["exact", "altered"]


def test_attributed_to_no_one(tmp_path):
    """A quote without a speaker in the source is reported as given to no one."""
    path = tmp_path / "a.txt"
    path.write_text("The sign on the door read “closed for the summer holidays until "
                    "August”.\n")
    verdict = verify_source("closed for the summer holidays until August", str(path),
                            speaker="Ann Lee")
    assert verdict.found and verdict.attribution == "no_one"


def test_empty_and_bad_texts(store):
    """Nothing to check is not found; a non-string is a clear error."""
    assert store.verify("").status == "not_found"
    assert store.verify("“ … ”").status == "not_found"
    assert store.verify("\x00\x00").status == "not_found"
    with pytest.raises(StoreError):
        store.verify(b"bytes")
    with pytest.raises(StoreError, match="at most"):
        store.verify("x" * 1_000_000)


def test_short_words_are_not_fragments(store):
    """A word or two that happens to be in a quote is not evidence of the quote."""
    assert store.verify("the council").status == "not_found"


# --------------------------------------------------------------------------- word diffs


def test_normalisation_folds_case_marks_dashes_and_ends():
    """Case, quotation marks, dashes, whitespace and end punctuation do not matter."""
    assert normalize("“It’s — frankly —  over.”") == normalize('"it\'s - frankly - over')
    assert normalize("We won!") == normalize("we won")


def test_diff_kinds():
    """Inserted, deleted and substituted words, and editorial marks, are told apart."""
    a = tokenize("we will build the road and the bridge this year")
    assert word_diff(a, tokenize("we will build the new road and the bridge this year")
                     ).inserted == ("new",)
    assert word_diff(a, tokenize("we will build the road this year")).deleted == (
        "and the bridge",)
    d = word_diff(a, tokenize("we will build the road […] this year"))
    assert d.elisions == ("and the bridge",) and not d.altered
    d = word_diff(a, tokenize("[they] will build the road and the bridge this year"))
    assert d.insertions == (("we", "they"),) and not d.altered
    same = tokenize("[they] will build the road … this year")
    assert word_diff(same, tokenize("[They] will build the road... this year!")) == Diff()


def test_relations():
    """Exact, fragment and variant relations, and unrelated quotes."""
    a = tokenize("we will build the new road and the old bridge over the river this year")
    assert relate(a, tokenize("We will build the new road and the old bridge over the river "
                              "this year!")).kind == "exact"
    assert relate(a, tokenize("build the new road and the old bridge over")).kind == \
        "fragment"
    assert relate(a, tokenize("we will build the new road and the old tunnel under the river "
                              "this year")).kind == "variant"
    assert relate(a, tokenize("the weather this year has been dreadful for farmers")) is None
    # a few words in common are not the same statement: common phrases would chain clusters
    assert relate(a, tokenize("the river this year")) is None
    assert relate(a, tokenize("and the old bridge over the river")) is None
    # one word changed in a short quote is another statement; in a long one, a variant
    assert relate(tokenize("this is an absolute disgrace"),
                  tokenize("this is an absolute necessity")) is None


# --------------------------------------------------------------------------- command line


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_verify_exit_statuses(capsys, store, source):
    """Found, altered, not found and misattributed each have their exit status."""
    db = store.path
    assert run(capsys, "verify", SAID, "--db", db)[0] == VERIFY_FOUND
    assert run(capsys, "verify", SAID.replace("rebuild", "demolish"), "--db", db)[0] == \
        VERIFY_ALTERED
    assert run(capsys, "verify", "Nothing like this was said at all here", "--db", db)[0] == \
        VERIFY_NOT_FOUND
    code, out, _ = run(capsys, "verify", "We never gave up hope", "--source", str(source),
                       "--speaker", "Maria Okafor")
    assert code == VERIFY_MISATTRIBUTED
    assert "NOT attributed to Maria Okafor" in out and "Tom Reyes" in out
    code, out, _ = run(capsys, "verify", SAID, "--source", str(source), "--json",
                       "--speaker", "Okafor")
    assert code == VERIFY_FOUND and json.loads(out)["attribution"] == "speaker"


def test_verify_usage_errors(capsys, tmp_path):
    """A missing database or source file is a usage error (exit 2)."""
    assert run(capsys, "verify", "x", "--db", str(tmp_path / "none.db"))[0] == 2
    assert run(capsys, "verify", "x", "--source", str(tmp_path / "none.txt"))[0] == 2
    assert run(capsys, "verify", "x")[0] == 2
    assert not (tmp_path / "none.db").exists()


def test_db_commands(capsys, tmp_path):
    """ingest, people, quotes, search, trace, merge, split, stats, claimreview and export."""
    docs = tmp_path / "docs.jsonl"
    docs.write_text("\n".join(json.dumps(d) for d in [
        {"id": "1", "text": ARTICLE, "published_at": "2021-03-04", "outlet": "Gazette"},
        {"id": "2", "text": f"“{SAID},” Ms Okafor said on Tuesday.",
         "published_at": "2021-03-05"},
        {"id": "3", "text": "Bad date.", "published_at": "soon"},
        "not an object",
    ]) + "\n{broken\n", encoding="utf-8")
    db = str(tmp_path / "news.db")
    code, _, err = run(capsys, "db", "ingest", db, str(docs))
    assert code == 1
    assert "3: expected 'published_at'" in err and f"{docs}:4" in err and f"{docs}:5" in err
    assert "2 added" in err
    code, out, _ = run(capsys, "db", "people", db, "--format", "jsonl")
    people = [json.loads(line) for line in out.splitlines()]
    assert people[0]["name"] == "Maria Okafor" and people[0]["documents"] == 2
    code, out, _ = run(capsys, "db", "quotes", db, "--person", "Tom Reyes")
    assert [json.loads(line)["text"] for line in out.splitlines()] == ["We never gave up hope,"]
    code, out, _ = run(capsys, "db", "search", db, "gave up", "--format", "table")
    assert "We never gave up hope" in out and "(1 row)" in out
    code, out, _ = run(capsys, "db", "trace", db, "old library", "--format", "jsonl")
    trace = json.loads(out)
    assert [a["doc_id"] for a in trace["appearances"]] == ["1", "2"]
    code, out, _ = run(capsys, "db", "split", db, "Maria Okafor", "--docs", "2")
    assert code == 0 and json.loads(out)["documents"] == 1
    code, out, _ = run(capsys, "db", "merge", db, str(json.loads(out)["person_id"]),
                       "Maria Okafor")
    assert code == 0 and json.loads(out)["documents"] == 2
    code, out, _ = run(capsys, "db", "stats", db)
    assert json.loads(out)["recurring_statements"] == 1
    code, out, _ = run(capsys, "db", "claimreview", db, "old library")
    assert json.loads(out)["itemReviewed"]["author"]["name"] == "Maria Okafor"
    code, out, _ = run(capsys, "db", "export", db, "--format", "csv")
    assert code == 0 and len(out.splitlines()) == 4  # header and three quotes
    code, out, _ = run(capsys, "db", "claims", db)
    assert code == 0
    assert run(capsys, "db", "export", db, "--format", "parquet")[0] == 2  # needs --output
    code, _, err = run(capsys, "db", "export", db, "--what", "people", "--output",
                       str(tmp_path / "people.jsonl"))
    assert code == 0 and len((tmp_path / "people.jsonl").read_text().splitlines()) == 2
    assert run(capsys, "db", "people", str(tmp_path / "missing.db"))[0] == 2
    assert run(capsys, "db", "split", db, "Maria Okafor")[0] == 2
    code, _, err = run(capsys, "db", "ingest", db, str(docs))
    assert "2 unchanged" in err


def test_difflib_fallback_gives_the_same_relations(monkeypatch):
    """Without rapidfuzz the documented difflib fallback computes the same ratio here."""
    from quotetrack.store import textmatch

    a = "we will build the new road and the old bridge over the river this year".split()
    b = "we will build a new road and the old tunnel over the river next year".split()
    fast = textmatch.similarity(a, b)
    monkeypatch.setattr(textmatch, "_Indel", None)
    assert textmatch.similarity(a, b) == pytest.approx(fast)
    assert textmatch.relate_words(a, b).kind == "variant"


def test_store_extra_and_the_test_install():
    """setup.cfg has the store extra (rapidfuzz) and README's test command installs it."""
    import configparser
    import re
    from pathlib import Path

    repo = Path(__file__).resolve().parents[1]
    config = configparser.ConfigParser()
    config.read(repo / "setup.cfg", encoding="utf-8")
    assert config["options.extras_require"]["store"].split() == ["rapidfuzz"]
    readme = (repo / "README.md").read_text(encoding="utf-8")
    (command,) = [line for line in readme.splitlines() if line.endswith("-m pytest")][:1]
    assert "store" in re.search(r"pip install '\.\[([a-z,]+)\]'", command).group(1).split(",")
