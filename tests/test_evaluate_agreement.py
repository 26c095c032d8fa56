"""quotetrack.evaluate gives the same numbers and misses as the reference scorer score.py.

The evaluation data lives beside the repository in ``../shared/eval`` and is copyrighted, so it
is never copied here; every test in this file skips when that folder is absent.
"""

from __future__ import annotations

import importlib.util
import json
import random
from pathlib import Path
from types import ModuleType
from typing import Any, Callable

import pytest

import quotetrack
from quotetrack.evaluate import evaluate
from quotetrack.serialize import document_output

REPO = Path(__file__).resolve().parents[1]
SHARED_EVAL = REPO.parent / "shared" / "eval"
FILES = ("seed.jsonl", "ggt-dev.jsonl", "polnear-dev.jsonl")

pytestmark = [pytest.mark.slow, pytest.mark.skipif(
    not (SHARED_EVAL / "score.py").is_file(),
    reason=f"the evaluation data and reference scorer are not in {SHARED_EVAL}",
)]


@pytest.fixture(scope="module")
def score_py() -> ModuleType:
    """The reference scorer, imported from its file."""
    spec = importlib.util.spec_from_file_location("reference_score", SHARED_EVAL / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_GOLD: dict[str, list[dict]] = {}
_PARSED: dict[str, list[dict]] = {}


def gold(name: str) -> list[dict]:
    if name not in _GOLD:
        with open(SHARED_EVAL / name, encoding="utf-8") as fh:
            _GOLD[name] = [json.loads(line) for line in fh if line.strip()]
    return _GOLD[name]


def parsed(name: str) -> list[dict]:
    """quotetrack's own predictions for a gold file, as extract writes them."""
    if name not in _PARSED:
        _PARSED[name] = [
            document_output(quotetrack.parse(d["text"], id=d["id"])) for d in gold(name)
        ]
    return _PARSED[name]


# --------------------------------------------------------------------------- perturbations


def _speaker_of(record: dict) -> Any:
    if record.get("speaker_name") is None and record.get("speaker_start") is None:
        return None
    mention = None
    if record.get("speaker_start") is not None:
        mention = {"start": record["speaker_start"], "end": record["speaker_end"]}
    return {
        "name": record.get("speaker_name"),
        "title": record.get("speaker_title"),
        "affiliation": record.get("speaker_affiliation"),
        "mention": mention,
    }


def _as_prediction(record: dict) -> dict:
    return {
        "start": record["start"],
        "end": record["end"],
        "kind": record["kind"],
        "speaker": _speaker_of(record),
    }


def _from_gold(
    docs: list[dict], change: Callable[[random.Random, dict, str], list[dict]], seed: int
) -> list[dict]:
    """Predictions made from the gold records, each passed through ``change``."""
    rng = random.Random(seed)
    out = []
    for d in docs:
        quotes = []
        for record in d["quotes"]:
            quotes.extend(change(rng, _as_prediction(record), d["text"]))
        out.append({"id": d["id"], "quotes": quotes})
    return out


def _identity(rng, q, text):
    return [q]


def _shift(rng, q, text):
    k = rng.randint(-12, 12)
    start = min(max(0, q["start"] + k), len(text))
    return [q | {"start": start, "end": min(max(start, q["end"] + k), len(text))}]


def _truncate(rng, q, text):
    length = q["end"] - q["start"]
    return [q | {"end": q["start"] + int(length * rng.choice((0.3, 0.5, 0.55, 0.8, 0.95)))}]


def _drop_some(rng, q, text):
    return [] if rng.random() < 0.3 else [q]


def _kinds_and_duplicates(rng, q, text):
    kind = rng.choice(("direct", "mixed", "indirect", "other", None))
    copies = [q | {"kind": kind}]
    if rng.random() < 0.2:  # a spurious overlapping copy
        copies.append(q | {"start": q["start"] + 2, "kind": "direct"})
    return copies


def _speakers(rng, q, text):
    sp = q["speaker"]
    choice = rng.randrange(6)
    if sp is None or choice == 0:
        return [q | {"speaker": None}]
    name = sp.get("name") or ""
    if choice == 1:
        sp = sp | {"name": name.split()[-1] if name.split() else None}
    elif choice == 2:
        sp = sp | {
            "name": "Sen. " + name,
            "title": "sen.",
            "affiliation": "The " + str(sp.get("affiliation")),
        }
    elif choice == 3:
        sp = sp | {"name": "the acting deputy chief " + name, "title": None}
    elif choice == 4 and sp.get("mention"):
        m = sp["mention"]
        sp = sp | {"mention": {"start": m["end"] + 1, "end": m["end"] + 5}}
    else:
        sp = sp | {"mention": None}
    return [q | {"speaker": sp}]


def _random_spans(rng, q, text):
    start = rng.randrange(len(text))
    noise = {
        "start": start,
        "end": min(len(text), start + rng.randint(0, 200)),
        "kind": rng.choice(("direct", "indirect")),
        "speaker": None,
    }
    return [q, noise] if rng.random() < 0.5 else [noise]


PERTURBATIONS = {
    "identity": _identity,
    "shifted": _shift,
    "truncated": _truncate,
    "dropped": _drop_some,
    "kinds": _kinds_and_duplicates,
    "speakers": _speakers,
    "noise": _random_spans,
}


def _predictions(name: str, perturbation: str) -> list[dict]:
    if perturbation == "parsed":
        return parsed(name)
    preds = _from_gold(gold(name), PERTURBATIONS[perturbation], seed=len(perturbation))
    if perturbation == "dropped":  # also drop whole documents and repeat an id
        preds = preds[::2] + preds[:1]
    return preds


# --------------------------------------------------------------------------- agreement


@pytest.mark.parametrize("indirect", [False, True], ids=["quotes", "indirect"])
@pytest.mark.parametrize("perturbation", ["parsed", *PERTURBATIONS])
@pytest.mark.parametrize("name", FILES)
def test_same_scores_as_reference(score_py, name, perturbation, indirect):
    """Every metric, count and miss equals score.py's on the same gold and predictions."""
    docs = gold(name)
    preds = _predictions(name, perturbation)
    kinds = {"indirect"} if indirect else {"direct", "mixed"}
    by_id = {d["id"]: d.get("quotes") or [] for d in preds}
    expected, expected_misses = score_py.score(docs, by_id, kinds, speech_only=indirect)

    scores = evaluate(docs, preds, indirect=indirect)

    assert scores.as_dict() == expected
    assert [
        (m.doc_id, m.reason, m.gold_speaker, m.pred_speaker, m.excerpt) for m in scores.misses
    ] == expected_misses
    assert scores.counts.gold > 0  # the scored set is not empty, so agreement means something


def test_perturbations_change_the_numbers():
    """The perturbed predictions really score differently, so agreement on them is a real check."""
    docs = gold("ggt-dev.jsonl")
    f1s = {
        p: evaluate(docs, _predictions("ggt-dev.jsonl", p)).as_dict()
        for p in ["parsed", *PERTURBATIONS]
    }
    assert f1s["identity"]["quote_f1"] == 1.0
    distinct = {json.dumps(v, sort_keys=True) for v in f1s.values()}
    assert len(distinct) == len(f1s)
