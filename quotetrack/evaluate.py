"""Scores predicted quotes against gold annotations, by the rules of ``shared/eval/SCORING.md``.

Gold documents are dicts ``{"id", "text", "quotes": [...]}`` as in the evaluation files; a gold
quote has ``start``, ``end``, ``kind`` and optionally ``cue``, ``speaker_name``,
``speaker_aliases``, ``speaker_start``/``speaker_end`` (or ``speaker_fragments``),
``speaker_title`` and ``speaker_affiliation``. Predictions are the lines ``quotetrack extract``
writes, ``{"id", "quotes": [...]}``, or `ParseResult` objects.

The rules in short:

1. Spans are trimmed at both ends of whitespace, quotation marks, ``.,;:!?``, dashes and ``…``.
2. A gold record and a prediction match when the character IoU of their trimmed spans is at
   least 0.5; a prediction lying at least 90 % inside a gold ``mixed`` record scores at least 0.5.
3. Pairs are made one-to-one, best value first; ties go to the earlier gold, then the earlier
   prediction.
4. Quote scoring compares gold ``direct``/``mixed`` with predictions of those kinds; indirect
   scoring compares gold ``indirect`` records with a speech-verb cue with ``indirect``
   predictions. A prediction that only matches a gold record outside the scored set is ignored.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any, Iterable, Mapping, Optional, Sequence, Union

import attrs

from .confidence import ANY, RECOVERED, SPAN, ConfidenceRow
from .errors import FormatError
from .model import ParseResult
from .parser import Parser
from .serialize import document_output

__all__ = ["Counts", "Miss", "Outcome", "Scores", "confidence_table", "evaluate",
           "normalize_name", "outcomes", "SPEECH_CUE"]

#: characters trimmed from both ends of every span before comparing
TRIM_CHARS = frozenset(" \t\n\r\u00a0\"'`“”‘’«»„‚‹›.,;:!?—–-…")

#: gold indirect records count only when their cue matches this speech-verb pattern
SPEECH_CUE = re.compile(
    r"\b(said|says|say|saying|told|tells|tell|added|adds|add|stated|states|state|announced|"
    r"announces|declared|wrote|writes|tweeted|explained|insisted|argued|claimed|claims|noted|"
    r"warned|asked|replied|responded|according|acknowledged|admitted|conceded|suggested|"
    r"continued|remarked|recalled|reported|testified|cited|citing|quoted|called|urged|vowed|"
    r"promised|predicted|countered|contended|maintained|asserted|emphasized|stressed|observed|"
    r"complained|joked)\b",
    re.IGNORECASE,
)

_LEADING_DETERMINER = re.compile(r"^(the|a|an|one|some)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"'s$")
_SPACES = re.compile(r"\s+")

MATCH_THRESHOLD = 0.5
MIXED_INSIDE_SHARE = 0.9
MAX_EXTRA_NAME_WORDS = 3

_QUOTE_KINDS = frozenset({"direct", "mixed"})
_INDIRECT_KINDS = frozenset({"indirect"})

_Bounds = tuple[int, int]


@attrs.frozen(kw_only=True)
class Counts:
    """The raw tallies behind the scores (same names as the reference scorer's ``counts``)."""

    gold: int = 0  # scored gold records
    pred: int = 0  # scored predictions (after ignoring those that match unscored gold)
    match: int = 0
    exact: int = 0  # matches with identical trimmed boundaries
    name_gold: int = 0  # matched gold records with a speaker name
    name_ok: int = 0
    mention_gold: int = 0  # matched gold records with a speaker span
    mention_ok: int = 0
    e2e: int = 0  # matches whose speaker is right
    title_gold: int = 0
    title_ok: int = 0
    affil_gold: int = 0
    affil_ok: int = 0
    ignored: int = 0  # predictions matching only gold records outside the scored set

    def as_dict(self) -> dict[str, int]:
        """The tallies as an ordered plain dict."""
        return attrs.asdict(self)


@attrs.frozen(kw_only=True)
class Miss:
    """One error worth looking at: a wrong speaker, a missed gold record or a spurious prediction."""

    doc_id: str
    reason: str  # "speaker", "missed" or "spurious"
    gold_speaker: Optional[str]
    pred_speaker: Optional[str]
    excerpt: str  # the first 50 characters of the trimmed span (the gold one unless spurious)


@attrs.frozen(kw_only=True)
class Scores:
    """Precision, recall and accuracies of one evaluation run; every value is in [0, 1]."""

    quote_p: float
    quote_r: float
    quote_f1: float
    exact_f1: float
    speaker_name_acc: float
    speaker_mention_acc: float
    attribution_f1: float
    title_acc: float
    affiliation_acc: float
    counts: Counts
    misses: tuple[Miss, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """The metrics and counts in the reference scorer's ``--json`` shape (no misses)."""
        values: dict[str, Any] = {
            f.name: getattr(self, f.name) for f in attrs.fields(Scores) if f.name != "misses"
        }
        values["counts"] = self.counts.as_dict()
        return values

    def summary(self) -> str:
        """One line ``quote_p=0.950 quote_r=… {"gold": …}``: each metric with three decimals, or
        ``n/a`` when nothing was there to measure it (no gold titles, say), then the counts as
        JSON."""
        c = self.counts
        undefined = {
            "speaker_name_acc": c.name_gold == 0,
            "speaker_mention_acc": c.mention_gold == 0,
            "title_acc": c.title_gold == 0,
            "affiliation_acc": c.affil_gold == 0,
        }
        metrics = " ".join(
            f"{name}={'n/a' if undefined.get(name) else format(value, '.3f')}"
            for name, value in self.as_dict().items() if name != "counts"
        )
        return f"{metrics} {json.dumps(c.as_dict())}"


# --------------------------------------------------------------------------- single rules


def trim(text: str, start: int, end: int) -> _Bounds:
    """``(start, end)`` moved inwards past `TRIM_CHARS`."""
    while start < end and text[start] in TRIM_CHARS:
        start += 1
    while end > start and text[end - 1] in TRIM_CHARS:
        end -= 1
    return start, end


def normalize_name(name: Optional[str]) -> str:
    """A name as compared: NFKC, ’ → ', case-folded, no trailing 's or leading determiner."""
    n = unicodedata.normalize("NFKC", name or "").replace("’", "'").casefold().strip()
    n = _POSSESSIVE.sub("", n)
    n = _LEADING_DETERMINER.sub("", n)
    return _SPACES.sub(" ", n).strip(" .,")


def match_value(gold: _Bounds, pred: _Bounds, gold_kind: Optional[str]) -> float:
    """How well ``pred`` matches ``gold``: their IoU, at least 0.5 inside a mixed gold record."""
    overlap = min(gold[1], pred[1]) - max(gold[0], pred[0])
    if overlap <= 0:
        return 0.0
    iou = overlap / (max(gold[1], pred[1]) - min(gold[0], pred[0]))
    if gold_kind == "mixed" and overlap >= MIXED_INSIDE_SHARE * (pred[1] - pred[0]):
        return max(iou, MATCH_THRESHOLD)
    return iou


def name_correct(pred_name: Optional[str], gold: Mapping[str, Any]) -> Optional[bool]:
    """Whether ``pred_name`` names the gold speaker; None when the gold record has no name.

    Right means equal to the gold name or one of its aliases after `normalize_name`, or the gold
    name as whole words inside a name at most three words longer ("sen. randa slim").
    """
    gold_name = normalize_name(gold.get("speaker_name"))
    if not gold_name:
        return None
    pred = normalize_name(pred_name)
    if not pred:
        return False
    accepted = {gold_name} | {normalize_name(a) for a in gold.get("speaker_aliases") or ()}
    if pred in accepted:
        return True
    extra_words = len(pred.split()) - len(gold_name.split())
    whole_words = re.search(r"(^|\W)" + re.escape(gold_name) + r"($|\W)", pred) is not None
    return 0 < extra_words <= MAX_EXTRA_NAME_WORDS and whole_words


def field_correct(pred_value: Optional[str], gold_value: Optional[str]) -> Optional[bool]:
    """Title or affiliation: one contains the other after normalising; None when gold has none."""
    if not gold_value:
        return None
    pred, gold = normalize_name(pred_value), normalize_name(gold_value)
    return bool(pred) and (pred in gold or gold in pred)


def mention_correct(
    pred_speaker: Mapping[str, Any], gold: Mapping[str, Any], where: str
) -> Optional[bool]:
    """Whether the predicted mention overlaps the gold speaker span; None when gold has none."""
    if gold.get("speaker_start") is None:
        return None
    fragments = gold.get("speaker_fragments") or [(gold["speaker_start"], gold["speaker_end"])]
    mention = pred_speaker.get("mention") or {}
    if mention.get("start") is None:
        return False
    m_start, m_end = _bounds(mention, f"{where}: speaker mention")
    return any(min(m_end, end) > max(m_start, start) for start, end in fragments)


# --------------------------------------------------------------------------- the evaluation


def _bounds(record: Mapping[str, Any], where: str, length: Optional[int] = None) -> _Bounds:
    """``(start, end)`` of a record: integers from 0 to ``length`` (the text's)."""
    if not isinstance(record, Mapping):
        raise FormatError(f"{where}: expected a quote object, got {_type_name(record)}")
    start, end = record.get("start"), record.get("end")
    if (not isinstance(start, int) or not isinstance(end, int)
            or isinstance(start, bool) or isinstance(end, bool)):
        raise FormatError(
            f"{where}: expected integer 'start' and 'end', got start={start!r}, end={end!r}"
        )
    # a reversed span (start > end) is scored as the reference scorer scores it: it is empty
    if min(start, end) < 0 or (length is not None and max(start, end) > length):
        limit = "" if length is None else f" <= {length} (the text length)"
        raise FormatError(
            f"{where}: expected offsets 0 <= start, end{limit}, got start={start}, end={end}"
        )
    return start, end


def _type_name(value: object) -> str:
    return "null" if value is None else type(value).__name__


def _doc_id(doc: Mapping[str, Any], what: str) -> Union[str, int]:
    doc_id = doc.get("id")
    if not isinstance(doc_id, (str, int)) or isinstance(doc_id, bool):
        raise FormatError(
            f"{what}: expected a string 'id', got {_type_name(doc_id)} {doc_id!r:.60}"
        )
    return doc_id


def _quote_list(doc: Mapping[str, Any], where: str) -> list[Mapping[str, Any]]:
    """The ``quotes`` of a document: a list of objects (missing or null: none)."""
    quotes = doc.get("quotes")
    if quotes is None:
        return []
    if not isinstance(quotes, list):
        raise FormatError(f"{where}: expected 'quotes' to be a list, got {_type_name(quotes)}")
    for i, quote in enumerate(quotes):
        if not isinstance(quote, Mapping):
            raise FormatError(
                f"{where}: expected 'quotes' to hold objects, got {_type_name(quote)} at {i}"
            )
    return quotes


def _predictions_by_id(
    pred_docs: Iterable[Union[Mapping[str, Any], ParseResult]],
) -> dict[Any, Sequence[Mapping[str, Any]]]:
    by_id: dict[Any, Sequence[Mapping[str, Any]]] = {}
    for doc in pred_docs:
        if isinstance(doc, ParseResult):
            doc = document_output(doc)
        if not isinstance(doc, Mapping) or "id" not in doc:
            raise FormatError(
                f"expected prediction documents {{'id', 'quotes'}} or ParseResult objects, "
                f"got {type(doc).__name__} {str(doc)[:60]}"
            )
        doc_id = _doc_id(doc, "prediction document")
        by_id[doc_id] = _quote_list(doc, f"prediction for {doc_id!r}")  # error lines: none
    return by_id


@attrs.frozen(kw_only=True)
class Outcome:
    """How one scored prediction fared: whether it matched a gold record, and whether its
    speaker is right by the end-to-end rule (`attribution_f1`); with the rule that attributed
    it (``sieve``, None when nothing did) and how its speaker was resolved."""

    doc_id: str
    kind: Optional[str]
    sieve: Optional[str]
    resolution: Optional[str]
    matched: bool
    speaker_ok: bool
    #: the quote's recovery flags (`quotetrack.model.QUOTE_FLAGS`), empty for a clean pair
    flags: tuple[str, ...] = ()


class _Tally:
    """The mutable counters of one run; frozen into `Counts` at the end."""

    def __init__(self) -> None:
        self.values = Counts().as_dict()
        self.misses: list[Miss] = []
        self.outcomes: list[Outcome] = []

    def outcome(self, doc_id: str, pred: Mapping[str, Any], matched: bool, ok: bool) -> None:
        self.outcomes.append(Outcome(
            doc_id=doc_id, kind=pred.get("kind"), sieve=pred.get("sieve"),
            resolution=pred.get("resolution"), matched=matched, speaker_ok=ok,
            flags=tuple(f for f in pred.get("flags") or () if isinstance(f, str))))

    def add(self, name: str, amount: int | bool = 1) -> None:
        self.values[name] += int(amount)


def _score_document(
    doc: Mapping[str, Any],
    predictions: Sequence[Mapping[str, Any]],
    kinds: frozenset[str],
    speech_only: bool,
    tally: _Tally,
) -> None:
    doc_id = str(doc.get("id"))
    text = doc.get("text")
    gold_records = _quote_list(doc, f"gold document {doc_id!r}")
    if not isinstance(text, str):
        raise FormatError(
            f"gold document {doc_id!r}: expected a 'text' string, got {type(text).__name__}"
        )

    def scored(q: Mapping[str, Any]) -> bool:
        kind = q.get("kind")
        if kind not in kinds:
            return False
        return not (
            speech_only and kind == "indirect" and not SPEECH_CUE.search(q.get("cue") or "")
        )

    gold = [q for q in gold_records if scored(q)]
    gold_spans = [trim(text, *_bounds(q, f"gold {doc_id!r}", len(text))) for q in gold]
    unscored_spans = [
        trim(text, *_bounds(q, f"gold {doc_id!r}", len(text)))
        for q in gold_records if not scored(q)
    ]

    # predictions of the scored kinds, less those that only match gold records outside the set
    preds: list[Mapping[str, Any]] = []
    pred_spans: list[_Bounds] = []
    for q in predictions:
        if (q.get("kind") or "direct") not in kinds:
            continue
        span = trim(text, *_bounds(q, f"prediction for {doc_id!r}", len(text)))
        outside = any(match_value(x, span, "mixed") >= MATCH_THRESHOLD for x in unscored_spans)
        inside = any(
            match_value(g, span, gq.get("kind")) >= MATCH_THRESHOLD
            for g, gq in zip(gold_spans, gold, strict=True)
        )
        if outside and not inside:
            tally.add("ignored")
            continue
        preds.append(q)
        pred_spans.append(span)
    tally.add("gold", len(gold))
    tally.add("pred", len(preds))

    # one-to-one matching: best value first, ties to the earlier gold, then the earlier prediction
    candidates = sorted(
        (-match_value(g, p, gold[i].get("kind")), i, j)
        for i, g in enumerate(gold_spans)
        for j, p in enumerate(pred_spans)
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    for negative_value, i, j in candidates:
        if -negative_value < MATCH_THRESHOLD or i in used_gold or j in used_pred:
            continue
        used_gold.add(i)
        used_pred.add(j)
        g, p = gold[i], preds[j]
        tally.add("match")
        tally.add("exact", gold_spans[i] == pred_spans[j])
        speaker = p.get("speaker") or {}
        name_ok = name_correct(speaker.get("name"), g)
        mention_ok = mention_correct(speaker, g, f"prediction for {doc_id!r}")
        if name_ok is not None:
            tally.add("name_gold")
            tally.add("name_ok", name_ok)
            if not name_ok:
                tally.misses.append(
                    Miss(
                        doc_id=doc_id,
                        reason="speaker",
                        gold_speaker=g.get("speaker_name"),
                        pred_speaker=speaker.get("name"),
                        excerpt=_excerpt(text, gold_spans[i]),
                    )
                )
        if mention_ok is not None:
            tally.add("mention_gold")
            tally.add("mention_ok", mention_ok)
        for prefix, pred_key, gold_key in (
            ("title", "title", "speaker_title"),
            ("affil", "affiliation", "speaker_affiliation"),
        ):
            ok = field_correct(speaker.get(pred_key), g.get(gold_key))
            if ok is not None:
                tally.add(f"{prefix}_gold")
                tally.add(f"{prefix}_ok", ok)
        # end to end: the name where gold has one, else the mention, else no speaker at all
        speaker_ok = name_ok if name_ok is not None else mention_ok
        e2e = not speaker if speaker_ok is None else speaker_ok
        tally.add("e2e", e2e)
        tally.outcome(doc_id, p, True, bool(e2e))

    for i in range(len(gold)):
        if i not in used_gold:
            g = gold[i]
            tally.misses.append(
                Miss(
                    doc_id=doc_id,
                    reason="missed",
                    gold_speaker=g.get("speaker_name") or g.get("speaker"),
                    pred_speaker=None,
                    excerpt=_excerpt(text, gold_spans[i]),
                )
            )
    for j in range(len(preds)):
        if j not in used_pred:
            tally.outcome(doc_id, preds[j], False, False)
            tally.misses.append(
                Miss(
                    doc_id=doc_id,
                    reason="spurious",
                    gold_speaker=None,
                    pred_speaker=(preds[j].get("speaker") or {}).get("name"),
                    excerpt=_excerpt(text, pred_spans[j]),
                )
            )


def _excerpt(text: str, span: _Bounds) -> str:
    return text[span[0] : span[1]][:50]


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def evaluate(
    gold_docs: Iterable[Mapping[str, Any]],
    pred_docs: Iterable[Union[Mapping[str, Any], ParseResult]],
    *,
    indirect: bool = False,
) -> Scores:
    """Score ``pred_docs`` against ``gold_docs`` (quotes, or speech-verb indirect speech).

    Gold documents are read once, in order, so they may be a generator. Predictions are matched
    by ``id``; a gold document without predictions counts as predicting nothing, predictions for
    unknown ids are not scored, and when an id repeats its last prediction counts. Input that
    cannot be scored raises `FormatError` saying where: a gold id that repeats, an id that is
    not a string, ``quotes`` that is not a list of objects, offsets outside the text.
    """
    tally = _run(gold_docs, pred_docs, indirect)
    c = Counts(**tally.values)
    precision, recall = _ratio(c.match, c.pred), _ratio(c.match, c.gold)
    return Scores(
        quote_p=precision,
        quote_r=recall,
        quote_f1=_f1(precision, recall),
        exact_f1=_f1(_ratio(c.exact, c.pred), _ratio(c.exact, c.gold)),
        speaker_name_acc=_ratio(c.name_ok, c.name_gold),
        speaker_mention_acc=_ratio(c.mention_ok, c.mention_gold),
        attribution_f1=_f1(_ratio(c.e2e, c.pred), _ratio(c.e2e, c.gold)),
        title_acc=_ratio(c.title_ok, c.title_gold),
        affiliation_acc=_ratio(c.affil_ok, c.affil_gold),
        counts=c,
        misses=tuple(tally.misses),
    )


def outcomes(
    gold_docs: Iterable[Mapping[str, Any]],
    pred_docs: Iterable[Union[Mapping[str, Any], ParseResult]],
    *,
    indirect: bool = False,
) -> tuple[Outcome, ...]:
    """One `Outcome` per scored prediction, by the same rules as `evaluate` (whose counts they
    add up to: the matched ones are ``match``, those with ``speaker_ok`` are ``e2e``)."""
    return tuple(_run(gold_docs, pred_docs, indirect).outcomes)


def _run(
    gold_docs: Iterable[Mapping[str, Any]],
    pred_docs: Iterable[Union[Mapping[str, Any], ParseResult]],
    indirect: bool,
) -> _Tally:
    predictions = _predictions_by_id(pred_docs)
    kinds = _INDIRECT_KINDS if indirect else _QUOTE_KINDS
    tally = _Tally()
    seen: set[Union[str, int]] = set()
    for doc in gold_docs:
        if not isinstance(doc, Mapping):
            raise FormatError(f"expected gold documents as objects, got {_type_name(doc)}")
        doc_id = _doc_id(doc, "gold document")
        if doc_id in seen:
            raise FormatError(
                f"gold document id {doc_id!r} appears twice; expected one gold document per id"
            )
        seen.add(doc_id)
        _score_document(doc, predictions.get(doc_id, ()), kinds, indirect, tally)
    return tally


def confidence_table(
    gold_sets: Iterable[Iterable[Mapping[str, Any]]], parser: Optional[Parser] = None
) -> list[ConfidenceRow]:
    """The rows of the per-rule confidence table (`quotetrack.confidence`), measured on
    ``gold_sets`` (lists of gold documents): each set is parsed with ``parser`` (default
    ``Parser()``) and scored twice, for direct and mixed quotes and for indirect speech; every
    matched prediction counts for its (sieve, resolution) and for its sieve as a whole."""
    parser = parser if parser is not None else Parser()
    tallies: dict[tuple[str, str], list[int]] = {}
    for gold in gold_sets:
        gold = list(gold)
        pred = [document_output(parser.parse(d["text"], id=d["id"])) for d in gold]
        for indirect in (False, True):
            for o in outcomes(gold, pred, indirect=indirect):
                if o.flags and not indirect:  # a recovered span: did it match a gold quote?
                    for key in [(SPAN + f, ANY) for f in o.flags] + [(RECOVERED, ANY)]:
                        tally = tallies.setdefault(key, [0, 0])
                        tally[0] += 1
                        tally[1] += o.matched
                if not o.matched or o.sieve is None:
                    continue
                for key in ((o.sieve, o.resolution or ANY), (o.sieve, ANY)):
                    tally = tallies.setdefault(key, [0, 0])
                    tally[0] += 1
                    tally[1] += o.speaker_ok
    return [ConfidenceRow(sieve, resolution, matched, correct)
            for (sieve, resolution), (matched, correct) in tallies.items()]
