"""The texts of the bundled fixtures and of every hostile shape, for tests that parse them all."""

from __future__ import annotations

import json
from pathlib import Path

from test_hostile import SHAPES

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def fixture_texts() -> list[str]:
    """The seed article, every pattern case of ``patterns.json`` and every hostile shape."""
    texts = [json.loads(line)["text"] for line in
             (FIXTURES / "seed.jsonl").read_text("utf-8").splitlines()]
    texts += [case["text"] for case in
              json.loads((FIXTURES / "patterns.json").read_text("utf-8"))]
    return texts + list(SHAPES.values())
