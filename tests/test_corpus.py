"""Every document of the shared corpus and evaluation sets parses, with every span exact.

The shared directory sits next to the repository (``<repo>/../shared``); without it these tests
skip. Parsing all of it takes some seconds, so each file is one test.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import quotetrack

from spancheck import iter_spans

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
FILES = (
    [SHARED / "corpus" / "bbc.jsonl"] + sorted((SHARED / "eval").glob("*.jsonl"))
    if SHARED.is_dir() else []
)

pytestmark = [pytest.mark.slow, pytest.mark.skipif(
    not SHARED.is_dir(), reason=f"no shared corpus directory next to the repository ({SHARED})"
)]


def documents(path: Path):
    with path.open(encoding="utf-8") as fp:
        for lineno, line in enumerate(fp, 1):
            if line.strip():
                record = json.loads(line)
                yield record.get("id") or f"{path.name}:{lineno}", record["text"]


def test_shared_files_exist():
    """The corpus and at least one evaluation set are there to be parsed."""
    assert (SHARED / "corpus" / "bbc.jsonl").is_file()
    assert list((SHARED / "eval").glob("*.jsonl"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_document_parses_with_exact_spans(path):
    """Each document parses without an exception and every span slices its text exactly."""
    problems = []
    count = 0
    for doc_id, text in documents(path):
        count += 1
        try:
            result = quotetrack.parse(text, id=doc_id)
        except Exception as exc:  # report every failing document, not just the first
            problems.append(f"{doc_id}: {type(exc).__name__}: {exc}")
            continue
        assert result.id == doc_id and result.text == text
        for span in iter_spans(result):
            if not (0 <= span.start <= span.end <= len(text)
                    and text[span.start:span.end] == span.text):
                problems.append(f"{doc_id}: bad span {span!r}")
                break
        for quote in result.quotes:
            if not (quote.span.start <= quote.content.start <= quote.content.end
                    <= quote.span.end):
                problems.append(f"{doc_id}: content outside its quote {quote.span!r}")
    assert count > 0
    assert problems == [], f"{len(problems)} problems, first: {problems[:5]}"
