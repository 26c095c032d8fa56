"""The scoring rules of SCORING.md, on hand-written gold and predictions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import quotetrack
from quotetrack import FormatError
from quotetrack.evaluate import (
    Counts,
    Scores,
    evaluate,
    field_correct,
    match_value,
    name_correct,
    normalize_name,
    trim,
)

FIXTURE = Path(__file__).parent / "fixtures" / "seed.jsonl"

TEXT = (
    "“We will win this,” Senator Jane Roe said on Monday. Roe added that the vote was close.\n\n"
    "The committee believes the bill is a good one. Officials called it “a disaster for everyone "
    "involved” in the process."
)


def span(text: str, part: str, occurrence: int = 0) -> tuple[int, int]:
    """The (start, end) of the ``occurrence``-th ``part`` in ``text``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(part, start + 1)
    return start, start + len(part)


def gold_record(part: str, kind: str, **extra) -> dict:
    start, end = span(TEXT, part)
    return {"start": start, "end": end, "text": part, "kind": kind, **extra}


def pred_record(part: str, kind: str = "direct", speaker=None) -> dict:
    start, end = span(TEXT, part)
    return {"start": start, "end": end, "text": part, "kind": kind, "speaker": speaker}


def doc(*quotes: dict, doc_id: str = "d1", text: str = TEXT) -> dict:
    return {"id": doc_id, "text": text, "quotes": list(quotes)}


ROE = {
    "speaker": "Senator Jane Roe",
    "speaker_start": span(TEXT, "Senator Jane Roe")[0],
    "speaker_end": span(TEXT, "Senator Jane Roe")[1],
    "speaker_name": "Jane Roe",
    "speaker_aliases": ["Roe"],
    "speaker_title": "Senator",
    "speaker_affiliation": None,
    "cue": "said",
}


def roe_speaker(name: str = "Jane Roe", mention: str = "Senator Jane Roe", **extra) -> dict:
    start, end = span(TEXT, mention)
    return {"name": name, "mention": {"start": start, "end": end, "text": mention}, **extra}


# --------------------------------------------------------------------------- single rules


def test_trim_strips_marks_punctuation_and_space():
    """Trimming removes quotation marks, ., and spaces at both ends, and nothing inside."""
    text = " “Hello, world,” "
    start, end = trim(text, 0, len(text))
    assert text[start:end] == "Hello, world"


def test_trim_of_nothing_but_marks_is_empty():
    """A span made only of trimmed characters shrinks to an empty span."""
    start, end = trim("“…”", 0, 3)
    assert start == end


@pytest.mark.parametrize(
    ("gold", "pred", "kind", "value"),
    [
        ((0, 10), (0, 5), "direct", 0.5),  # IoU exactly at the threshold
        ((0, 10), (0, 4), "direct", 0.4),
        ((0, 100), (10, 20), "mixed", 0.5),  # inside a mixed clause: raised to 0.5
        ((0, 100), (10, 20), "direct", 0.1),  # the raise is for mixed gold only
        ((0, 100), (91, 101), "mixed", 0.5),  # 9 of 10 characters inside: exactly 90 %
        ((0, 100), (92, 102), "mixed", 8 / 102),  # 8 of 10 characters inside: < 90 %
        ((0, 100), (0, 60), "mixed", 0.6),  # IoU above 0.5 is kept
        ((0, 10), (10, 20), "direct", 0.0),  # touching is not overlapping
    ],
)
def test_match_value(gold, pred, kind, value):
    """Match value is the IoU, at least 0.5 for a prediction ≥ 90 % inside mixed gold."""
    assert match_value(gold, pred, kind) == pytest.approx(value)


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("The Pentagon", "pentagon"),
        ("one western diplomat", "western diplomat"),
        ("Randa Slim’s", "randa slim"),
        ("  RANDA   Slim. ", "randa slim"),
        ("ﬁrst Minister", "first minister"),  # NFKC unfolds the ligature
        ("Theodore", "theodore"),  # a determiner must be a whole word
        (None, ""),
    ],
)
def test_normalize_name(raw, normal):
    """Names are NFKC-normalised, case-folded, without leading determiner or trailing 's."""
    assert normalize_name(raw) == normal


@pytest.mark.parametrize(
    ("pred", "ok"),
    [
        ("Jane Roe", True),
        ("jane roe's", True),
        ("Roe", True),  # an accepted alias
        ("Sen. Jane Roe", True),  # one extra word
        ("U.S. Senate leader Jane Roe", True),  # three extra words
        ("the U.S. Senate majority leader Jane Roe", False),  # four extra words
        ("Jane", False),  # shorter than the gold name, not an alias
        ("Jane Roeberts", False),  # the gold name must be whole words
        ("", False),
        (None, False),
    ],
)
def test_name_correct(pred, ok):
    """A name is right if equal to the gold or an alias, or the gold plus at most three words."""
    assert name_correct(pred, {"speaker_name": "Jane Roe", "speaker_aliases": ["Roe"]}) is ok


def test_name_not_scored_without_gold_name():
    """A gold record without speaker_name gives None, so it is not counted."""
    assert name_correct("Anyone", {"speaker_name": None}) is None


@pytest.mark.parametrize(
    ("pred", "gold", "ok"),
    [
        ("director", "director", True),
        ("the director", "Director of research", True),  # pred inside gold
        ("Middle East Institute's Track II initiative", "Track II initiative", True),
        ("spokesman", "spokeswoman", False),
        (None, "director", False),
        ("director", None, None),
    ],
)
def test_field_correct(pred, gold, ok):
    """Title and affiliation are right when one contains the other after normalising."""
    assert field_correct(pred, gold) is ok


# --------------------------------------------------------------------------- whole evaluations


def test_perfect_prediction_scores_one():
    """A prediction equal to the gold, speaker included, scores 1 on every metric it touches."""
    gold = [doc(gold_record("“We will win this,”", "direct", **ROE))]
    pred = [
        {
            "id": "d1",
            "quotes": [pred_record("“We will win this,”", speaker=roe_speaker(title="Senator"))],
        }
    ]
    scores = evaluate(gold, pred)
    assert (scores.quote_p, scores.quote_r, scores.quote_f1, scores.exact_f1) == (1, 1, 1, 1)
    assert (scores.speaker_name_acc, scores.speaker_mention_acc, scores.attribution_f1) == (1, 1, 1)
    assert scores.title_acc == 1.0
    assert scores.counts.affil_gold == 0  # gold has no affiliation: not counted
    assert scores.misses == ()


def test_marks_do_not_matter_but_words_do():
    """A span without the marks matches exactly; one missing a word matches but not exactly."""
    gold = [doc(gold_record("“We will win this,”", "direct"))]
    without_marks = evaluate(gold, [{"id": "d1", "quotes": [pred_record("We will win this")]}])
    assert without_marks.counts.exact == 1
    shorter = evaluate(gold, [{"id": "d1", "quotes": [pred_record("We will win")]}])
    assert (shorter.counts.match, shorter.counts.exact) == (1, 0)


def test_iou_below_half_is_missed_and_spurious():
    """A prediction overlapping less than half is both a miss and a spurious prediction."""
    gold = [doc(gold_record("“We will win this,”", "direct"))]
    scores = evaluate(gold, [{"id": "d1", "quotes": [pred_record("We will")]}])
    assert (scores.counts.match, scores.counts.gold, scores.counts.pred) == (0, 1, 1)
    assert [m.reason for m in scores.misses] == ["missed", "spurious"]
    assert scores.quote_f1 == 0.0


def test_quoted_words_of_a_mixed_clause_count():
    """The quoted words inside a gold mixed clause match it although their IoU is below 0.5."""
    clause = "it “a disaster for everyone involved” in the process"
    gold = [doc(gold_record(clause, "mixed"))]
    scores = evaluate(
        gold, [{"id": "d1", "quotes": [pred_record("“a disaster for everyone involved”", "mixed")]}]
    )
    assert scores.counts.match == 1
    assert scores.counts.exact == 0


def test_one_to_one_best_first():
    """Two predictions for one gold record: the better one matches, the other is spurious."""
    gold = [doc(gold_record("“We will win this,”", "direct"))]
    pred = [{"id": "d1", "quotes": [pred_record("We will win"), pred_record("We will win this")]}]
    scores = evaluate(gold, pred)
    assert (scores.counts.match, scores.counts.exact, scores.counts.pred) == (1, 1, 2)
    assert [(m.reason, m.excerpt) for m in scores.misses] == [("spurious", "We will win")]


def test_ties_go_to_the_earlier_prediction():
    """Of two equally good predictions, the earlier one is matched and the later is spurious."""
    gold = [doc(gold_record("“We will win this,”", "direct"))]
    first = pred_record("“We will win this,”", speaker={"name": "First", "mention": None})
    second = pred_record("“We will win this,”", speaker={"name": "Second", "mention": None})
    scores = evaluate(gold, [{"id": "d1", "quotes": [first, second]}])
    assert [(m.reason, m.pred_speaker) for m in scores.misses] == [("spurious", "Second")]


def test_prediction_matching_an_unscored_gold_record_is_ignored():
    """Scoring indirect speech, a prediction of a belief (non-speech cue) is neither right nor wrong."""
    belief = gold_record("the bill is a good one", "indirect", cue="believes")
    speech = gold_record("the vote was close", "indirect", cue="added")
    gold = [doc(belief, speech)]
    pred = [
        {
            "id": "d1",
            "quotes": [
                pred_record("the bill is a good one", "indirect"),
                pred_record("the vote was close", "indirect"),
            ],
        }
    ]
    scores = evaluate(gold, pred, indirect=True)
    assert (scores.counts.gold, scores.counts.pred, scores.counts.ignored) == (1, 1, 1)
    assert scores.quote_p == 1.0


def test_mixed_gold_is_ignored_when_scoring_indirect():
    """An indirect prediction over a gold mixed clause is ignored when scoring indirect speech."""
    clause = "it “a disaster for everyone involved” in the process"
    gold = [doc(gold_record(clause, "mixed", cue="called"))]
    scores = evaluate(
        gold, [{"id": "d1", "quotes": [pred_record(clause, "indirect")]}], indirect=True
    )
    assert (scores.counts.gold, scores.counts.pred, scores.counts.ignored) == (0, 0, 1)


def test_kinds_select_what_is_scored():
    """Quote scoring ignores indirect predictions; indirect scoring ignores direct ones."""
    gold = [
        doc(
            gold_record("“We will win this,”", "direct"),
            gold_record("the vote was close", "indirect", cue="added"),
        )
    ]
    pred = [
        {
            "id": "d1",
            "quotes": [
                pred_record("“We will win this,”", "direct"),
                pred_record("the vote was close", "indirect"),
            ],
        }
    ]
    assert (
        evaluate(gold, pred).counts.as_dict() | {}
        == Counts(gold=1, pred=1, match=1, exact=1, e2e=1).as_dict()
    )
    indirect = evaluate(gold, pred, indirect=True)
    assert (indirect.counts.gold, indirect.counts.pred, indirect.counts.match) == (1, 1, 1)


def test_missing_kind_counts_as_direct():
    """A predicted quote without a kind is scored as a direct quote."""
    record = pred_record("“We will win this,”")
    del record["kind"]
    gold = [doc(gold_record("“We will win this,”", "direct"))]
    assert evaluate(gold, [{"id": "d1", "quotes": [record]}]).counts.match == 1


def test_mention_must_overlap_the_gold_span():
    """The mention counts when it overlaps the gold speaker span, even partly."""
    gold = [doc(gold_record("“We will win this,”", "direct", **ROE))]
    partly = roe_speaker(mention="Jane Roe")
    elsewhere = roe_speaker(mention="Roe", name="Jane Roe")
    elsewhere["mention"] = {"start": span(TEXT, "Roe", 1)[0], "end": span(TEXT, "Roe", 1)[1]}
    good = evaluate(
        gold, [{"id": "d1", "quotes": [pred_record("“We will win this,”", speaker=partly)]}]
    )
    bad = evaluate(
        gold, [{"id": "d1", "quotes": [pred_record("“We will win this,”", speaker=elsewhere)]}]
    )
    assert good.speaker_mention_acc == 1.0
    assert bad.speaker_mention_acc == 0.0
    assert bad.speaker_name_acc == 1.0  # the name decides attribution where gold has one
    assert bad.attribution_f1 == 1.0


def test_attribution_uses_the_mention_without_a_gold_name():
    """Without a gold name, attribution is right when the mention overlaps the gold span."""
    nameless = {k: v for k, v in ROE.items() if k != "speaker_name"}
    gold = [doc(gold_record("“We will win this,”", "direct", **nameless))]
    pred = [
        {"id": "d1", "quotes": [pred_record("“We will win this,”", speaker=roe_speaker(name="x"))]}
    ]
    scores = evaluate(gold, pred)
    assert scores.counts.name_gold == 0
    assert scores.attribution_f1 == 1.0


def test_unattributed_gold_needs_a_null_speaker():
    """A gold record with no speaker at all is right end to end only with speaker null."""
    gold = [doc(gold_record("“We will win this,”", "direct"))]
    null = evaluate(gold, [{"id": "d1", "quotes": [pred_record("“We will win this,”")]}])
    named = evaluate(
        gold,
        [
            {
                "id": "d1",
                "quotes": [
                    pred_record(
                        "“We will win this,”", speaker={"name": "Jane Roe", "mention": None}
                    )
                ],
            }
        ],
    )
    assert null.counts.e2e == 1
    assert named.counts.e2e == 0


def test_wrong_speaker_is_a_miss():
    """A matched quote with a wrong name is listed as a speaker miss with both names."""
    gold = [doc(gold_record("“We will win this,”", "direct", **ROE))]
    pred = [
        {
            "id": "d1",
            "quotes": [pred_record("“We will win this,”", speaker=roe_speaker(name="Jane"))],
        }
    ]
    (miss,) = evaluate(gold, pred).misses
    assert (miss.reason, miss.gold_speaker, miss.pred_speaker, miss.excerpt) == (
        "speaker",
        "Jane Roe",
        "Jane",
        "We will win this",
    )


def test_documents_without_predictions_are_all_missed():
    """A gold document with no prediction line counts every record as missed."""
    gold = [
        doc(gold_record("“We will win this,”", "direct")),
        doc(gold_record("“We will win this,”", "direct"), doc_id="d2"),
    ]
    scores = evaluate(
        gold,
        [
            {"id": "d1", "quotes": [pred_record("“We will win this,”")]},
            {"id": "d2", "error": "could not parse"},
            {"id": "unknown", "quotes": [pred_record("We will")]},
        ],
    )
    assert (scores.counts.gold, scores.counts.pred, scores.counts.match) == (2, 1, 1)
    assert scores.quote_r == 0.5


def test_parse_results_are_accepted_as_predictions():
    """ParseResult objects can be scored directly, as their document_output would be."""
    gold = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines()]
    results = [quotetrack.parse(d["text"], id=d["id"]) for d in gold]
    from quotetrack.serialize import document_output

    assert evaluate(gold, results) == evaluate(gold, [document_output(r) for r in results])


def test_no_gold_gives_zero_scores():
    """With nothing to score every metric is 0.0, not a division error."""
    scores = evaluate([], [])
    assert scores.quote_f1 == 0.0 and scores.counts == Counts()


def test_bad_prediction_span_raises_format_error():
    """A predicted quote without integer offsets raises FormatError naming the document."""
    gold = [doc(gold_record("“We will win this,”", "direct"))]
    with pytest.raises(
        FormatError, match=r"prediction for 'd1': expected integer 'start' and 'end'"
    ):
        evaluate(gold, [{"id": "d1", "quotes": [{"start": "0", "end": 3, "kind": "direct"}]}])


def test_summary_line_format():
    """summary() prints every metric with three decimals, then the counts."""
    scores = evaluate(
        [doc(gold_record("“We will win this,”", "direct"))],
        [{"id": "d1", "quotes": [pred_record("“We will win this,”")]}],
    )
    line = scores.summary()
    assert line.startswith("quote_p=1.000 quote_r=1.000 quote_f1=1.000 exact_f1=1.000 ")
    assert line.endswith('"affil_ok": 0, "ignored": 0}')
    assert json.loads(line[line.index("{"):]) == scores.counts.as_dict()
    assert isinstance(scores, Scores) and "misses" not in scores.as_dict()


def test_summary_says_n_a_for_what_the_gold_cannot_measure():
    """A metric with nothing to measure (no gold titles, names or mentions) prints n/a, not
    0.000, which would read as "always wrong"; the value in as_dict stays 0.0 as score.py's."""
    scores = evaluate(
        [doc(gold_record("“We will win this,”", "direct"))],
        [{"id": "d1", "quotes": [pred_record("“We will win this,”")]}],
    )
    line = scores.summary()
    for name in ("speaker_name_acc", "speaker_mention_acc", "title_acc", "affiliation_acc"):
        assert f" {name}=n/a " in line
    assert " attribution_f1=1.000 " in line and scores.as_dict()["title_acc"] == 0.0
    titled = evaluate([doc(gold_record("“We will win this,”", "direct", speaker_title="Senator"))],
                      [{"id": "d1", "quotes": [pred_record("“We will win this,”")]}])
    assert " title_acc=0.000 " in titled.summary()


@pytest.mark.parametrize(("gold", "pred", "message"), [
    ([doc(), doc()], [], "gold document id 'd1' appears twice"),
    ([{"id": ["d1"], "text": TEXT, "quotes": []}], [], "gold document: expected a string 'id', got list"),
    ([doc()], [{"id": {"x": 1}, "quotes": []}], "prediction document: expected a string 'id', got dict"),
    ([{"id": "d1", "text": TEXT, "quotes": "none"}], [], "'quotes' to be a list, got str"),
    ([{"id": "d1", "text": TEXT, "quotes": [3]}], [], "'quotes' to hold objects, got int at 0"),
    ([doc()], [{"id": "d1", "quotes": [{"start": 0, "end": len(TEXT) + 5, "kind": "direct"}]}],
     f"prediction for 'd1': expected offsets 0 <= start, end <= {len(TEXT)} (the text length)"),
    ([doc()], [{"id": "d1", "quotes": [{"start": -4, "end": 3, "kind": "direct"}]}],
     "got start=-4, end=3"),
    ([doc({"start": -1, "end": 5, "kind": "direct"})], [], "gold 'd1': expected offsets"),
])
def test_input_that_cannot_be_scored_raises_format_error(gold, pred, message):
    """Duplicate gold ids, ids that are not strings, quotes that are not a list of objects,
    offsets past the text or negative: a FormatError saying where, not a traceback of
    another type or a silent score."""
    with pytest.raises(FormatError) as info:
        evaluate(gold, pred)
    assert message in str(info.value)
