"""Plain-dict and JSON forms of parse results that convert back exactly.

``result_from_dict(result_to_dict(r)) == r`` for every `ParseResult` whose quotes' speakers are
the ones listed in ``r.speakers`` (the parser guarantees this). Enums become their lowercase
string values, spans become ``{"start", "end", "text"}`` and speakers are written once, in the
result's ``"speakers"`` list, and referenced from each quote by ``speaker_id``; reading a
document back rebuilds one `Speaker` object per id and shares it between its quotes.

The per-quote dict is the shape scored by ``shared/eval/SCORING.md`` (``start``, ``end``,
``text``, ``kind``, ``speaker``, ``cue``, ``sieve``) plus the keys needed to rebuild the quote
exactly: ``content``, ``paragraph``, ``resolution``, ``speaker_id``, ``continues``,
``cue_class``, ``channel``, ``unresolved_mention``, ``part``, ``part_of``, ``flags`` and, inside
``speaker``,
``anonymity_reason``. Non-statements and numeric claims refer to speakers by id as well. See
docs/json-format.md.
"""

from __future__ import annotations

import enum
import json

import attrs
from typing import IO, Any, Iterable, Iterator, Mapping, Optional, TypeVar

from .claims_model import Claim, ClaimSource, Qualifier, Quantity
from .collector import collector_paused
from .confidence import confidence, span_confidence
from .errors import FormatError
from .model import (
    Attribution,
    Diagnostic,
    NonStatement,
    ParseResult,
    Part,
    Quote,
    QuoteKind,
    Resolution,
    Severity,
    Span,
    Speaker,
    SpeakerKind,
)

__all__ = [
    "claim_to_dict",
    "document_output",
    "joined_quotes",
    "with_parts_joined",
    "quote_to_dict",
    "read_jsonl",
    "result_from_dict",
    "result_to_dict",
    "from_json",
    "to_json",
    "write_jsonl",
]

_E = TypeVar("_E", bound=enum.Enum)


# --------------------------------------------------------------------------- writing


def _span(span: Optional[Span]) -> Optional[dict[str, Any]]:
    if span is None:
        return None
    return {"start": span.start, "end": span.end, "text": span.text}


def _quote_speaker(speaker: Speaker, mention: Optional[Span]) -> dict[str, Any]:
    return {
        "name": speaker.name,
        "kind": speaker.kind._value_,
        "title": speaker.title,
        "affiliation": speaker.affiliation,
        "anonymous": speaker.anonymous,
        "mention": _span(mention),
        "anonymity_reason": speaker.anonymity_reason,
    }


def quote_to_dict(quote: Quote) -> dict[str, Any]:
    """The scored output shape of one quote, plus the keys that make it convert back exactly.
    (Enum values are read as ``_value_``: ``.value`` is a Python-level property, 5 times
    slower, and this runs for every quote written.)"""
    att = quote.attribution
    speaker = att.speaker if att else None
    mention = att.mention if att else None
    return {
        "start": quote.span.start,
        "end": quote.span.end,
        "text": quote.span.text,
        "kind": quote.kind._value_,
        "speaker": _quote_speaker(speaker, mention) if speaker else None,
        "cue": _span(att.cue) if att else None,
        "sieve": att.sieve if att else None,
        # how often that rule was right on the development sets: derived, so not read back
        "confidence": confidence(att),
        "content": _span(quote.content),
        "paragraph": quote.paragraph,
        "resolution": att.resolution._value_ if att else None,
        "resolver": att.resolver if att else None,
        "speaker_id": speaker.id if speaker else None,
        "continues": att.continues if att else None,
        "cue_class": att.cue_class if att else None,
        "channel": att.channel if att else None,
        # a mention that no speaker could be tied to has no speaker dict to live in
        "unresolved_mention": _span(mention) if att and speaker is None else None,
        "part": quote.part._value_ if quote.part else None,
        "part_of": quote.part_of,
        "flags": list(quote.flags),
        "span_confidence": span_confidence(quote.flags) if quote.flags else None,
    }


def _speaker_to_dict(speaker: Speaker) -> dict[str, Any]:
    return {
        "id": speaker.id,
        "name": speaker.name,
        "kind": speaker.kind.value,
        "title": speaker.title,
        "affiliation": speaker.affiliation,
        "anonymous": speaker.anonymous,
        "anonymity_reason": speaker.anonymity_reason,
        "gender": speaker.gender,
        "mentions": [_span(m) for m in speaker.mentions],
    }


def _diagnostic_to_dict(diagnostic: Diagnostic) -> dict[str, Any]:
    return {
        "code": diagnostic.code,
        "message": diagnostic.message,
        "span": _span(diagnostic.span),
        "severity": diagnostic.severity.value,
    }


def _non_statement_to_dict(item: NonStatement) -> dict[str, Any]:
    return {
        "span": _span(item.span),
        "mention": _span(item.mention),
        "speaker_id": item.speaker.id if item.speaker else None,
    }


def claim_to_dict(claim: Claim) -> dict[str, Any]:
    """One numeric claim as a JSON-ready dict (its speaker by ``speaker_id``)."""
    q = claim.quantity
    return {
        "span": _span(claim.span),
        "sentence": _span(claim.sentence),
        "quantity": {
            "value": q.value,
            "qualifier": q.qualifier.value,
            "unit": q.unit,
            "low": q.low,
            "high": q.high,
        },
        "source": claim.source.value,
        "speaker_id": claim.asserted_by.id if claim.asserted_by is not None else None,
        "rule": claim.rule,
    }


def _check_speakers(result: ParseResult) -> None:
    known: dict[int, Speaker] = {}
    for speaker in result.speakers:
        if speaker.id in known:
            raise FormatError(
                f"result {result.id!r} lists two speakers with id {speaker.id}; "
                "expected one Speaker per id"
            )
        known[speaker.id] = speaker
    referring = (
        [(f"quote {i}", q.speaker) for i, q in enumerate(result.quotes)]
        + [(f"non-statement {i}", n.speaker) for i, n in enumerate(result.non_statements)]
        + [(f"claim {i}", c.asserted_by) for i, c in enumerate(result.claims)]
    )
    for what, said_by in referring:
        if said_by is None:
            continue
        if not isinstance(said_by, Speaker) or known.get(said_by.id) != said_by:
            who = (
                f"speaker id {said_by.id} ({said_by.name!r})"
                if isinstance(said_by, Speaker)
                else f"a {type(said_by).__name__} as speaker"
            )
            raise FormatError(
                f"{what} of result {result.id!r} has {who}, which is not one of result.speakers "
                f"(ids {sorted(known)}); expected every speaker to be listed there"
            )


def result_to_dict(result: ParseResult, *, pause_gc: bool = True) -> dict[str, Any]:
    """Everything in ``result`` as JSON-ready dicts and lists (the inverse of `result_from_dict`).

    Raises `FormatError` if the speaker of a quote, non-statement or claim is not listed in
    ``result.speakers``: such a result could not be rebuilt exactly. ``pause_gc``: as in
    `Parser`, the garbage collector is paused while the dicts of a long document are built.
    """
    with collector_paused(pause_gc, len(result.text)):
        return _result_to_dict(result)


def _result_to_dict(result: ParseResult) -> dict[str, Any]:
    _check_speakers(result)
    data: dict[str, Any] = {
        "id": result.id,
        "text": result.text,
        "quotes": [quote_to_dict(q) for q in result.quotes],
        "speakers": [_speaker_to_dict(s) for s in result.speakers],
        "diagnostics": [_diagnostic_to_dict(d) for d in result.diagnostics],
        "non_statements": [_non_statement_to_dict(n) for n in result.non_statements],
        "claims": [claim_to_dict(c) for c in result.claims],
    }
    if result.meta:
        data["meta"] = result.meta
    return data


def document_output(result: ParseResult, *, pause_gc: bool = True,
                    join_parts: bool = False) -> dict[str, Any]:
    """The scored per-document line ``{"id", "quotes"}`` (no text, no speaker list), with
    ``"meta"`` (the input's other fields) after the id when the result has any, and
    ``"claims"`` when it has numeric claims. ``pause_gc``: as in `Parser`. With ``join_parts``
    a quotation over several paragraphs is one record (`joined_quotes`)."""
    with collector_paused(pause_gc, len(result.text)):
        return _document_output(result, join_parts)


def joined_quotes(result: ParseResult) -> tuple[Quote, ...]:
    """The quotes of ``result`` with the parts of each multi-paragraph quotation made one
    `Quote` from the first part's opening mark to the last part's end (``part`` null, the
    flags of every part, the attribution of the part that has its own); ``continues`` indexes
    refer to the returned tuple."""
    groups: list[list[int]] = []
    group_of: dict[int, int] = {}
    for i, q in enumerate(result.quotes):
        if q.part_of is not None and q.part_of in group_of:
            group_of[i] = group_of[q.part_of]
            groups[group_of[i]].append(i)
        else:
            group_of[i] = len(groups)
            groups.append([i])
    out = []
    for members in groups:
        parts = [result.quotes[i] for i in members]
        first, last = parts[0], parts[-1]
        own = next((p.attribution for p in parts if p.attribution is not None
                    and p.attribution.resolution != Resolution.CONTINUATION), None)
        att = own or first.attribution
        if att is not None and att.continues is not None:
            target = group_of[att.continues]
            att = attrs.evolve(att, continues=None if target == group_of[members[0]] else target)
        if len(parts) == 1:
            out.append(attrs.evolve(first, attribution=att))
            continue
        out.append(attrs.evolve(
            first, span=Span.of(result.text, first.span.start, last.span.end),
            content=Span.of(result.text, first.content.start, last.content.end),
            attribution=att, part=None, part_of=None,
            flags=tuple(dict.fromkeys(f for p in parts for f in p.flags))))
    return tuple(out)


def with_parts_joined(result: ParseResult) -> ParseResult:
    """``result`` with each multi-paragraph quotation as one quote (`joined_quotes`)."""
    if all(q.part is None for q in result.quotes):
        return result
    return attrs.evolve(result, quotes=joined_quotes(result))


def _document_output(result: ParseResult, join_parts: bool = False) -> dict[str, Any]:
    quotes = joined_quotes(result) if join_parts else result.quotes
    line: dict[str, Any] = {"id": result.id}
    if result.meta:
        line["meta"] = result.meta
    line["quotes"] = [quote_to_dict(q) for q in quotes]
    if result.claims:
        speakers = {s.id: s.name for s in result.speakers}
        line["claims"] = [
            dict(claim_to_dict(c), speaker=speakers.get(c.asserted_by.id) if c.asserted_by else None)
            for c in result.claims
        ]
    return line


def to_json(result: ParseResult, *, indent: Optional[int] = None) -> str:
    """``result`` as one JSON document (non-ASCII characters kept as they are)."""
    return json.dumps(result_to_dict(result), ensure_ascii=False, indent=indent)


def write_jsonl(results: Iterable[ParseResult], fp: IO[str]) -> int:
    """Write each result as one JSON line to the text stream ``fp``; return how many."""
    count = 0
    for result in results:
        fp.write(json.dumps(result_to_dict(result), ensure_ascii=False))
        fp.write("\n")
        count += 1
    return count


# --------------------------------------------------------------------------- reading


def _type_name(value: object) -> str:
    return "null" if value is None else type(value).__name__


class _Reader:
    """Typed access to the keys of one JSON object, with errors that name where it was."""

    def __init__(self, data: object, where: str):
        if not isinstance(data, Mapping):
            raise FormatError(f"{where}: expected a JSON object, got {_type_name(data)}")
        self.data = data
        self.where = where

    def _get(self, key: str) -> object:
        if key not in self.data:
            raise FormatError(f"{self.where}: expected a {key!r} key, got keys {sorted(self.data)}")
        return self.data[key]

    def _typed(self, key: str, types: tuple[type, ...], label: str, optional: bool) -> Any:
        value = self._get(key)
        if value is None and optional:
            return None
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            null = " or null" if optional else ""
            raise FormatError(
                f"{self.where}: {key!r} must be {label}{null}, got {_type_name(value)} {value!r:.60}"
            )
        return value

    def integer(self, key: str, *, optional: bool = False) -> Any:
        return self._typed(key, (int,), "an integer", optional)

    def string(self, key: str, *, optional: bool = False) -> Any:
        return self._typed(key, (str,), "a string", optional)

    def number(self, key: str, *, optional: bool = False) -> Any:
        return self._typed(key, (int, float), "a number", optional)

    def boolean(self, key: str) -> Any:
        return self._typed(key, (bool,), "true or false", False)

    def array(self, key: str) -> Any:
        return self._typed(key, (list,), "a list", False)

    def choice(self, key: str, cls: type[_E], *, optional: bool = False) -> Any:
        value = self.string(key, optional=optional)
        if value is None:
            return None
        try:
            return cls(value)
        except ValueError:
            choices = ", ".join(m.value for m in cls)
            raise FormatError(
                f"{self.where}: {key!r} must be one of {choices}; got {value!r}"
            ) from None

    def span(self, key: str, source: str) -> Span:
        return _read_span(_Reader(self._get(key), f"{self.where}.{key}"), source)

    def optional_span(self, key: str, source: str) -> Optional[Span]:
        return None if self._get(key) is None else self.span(key, source)

    def speaker(self, key: str, speakers: Mapping[int, Speaker]) -> Optional[Speaker]:
        """The speaker whose id is at ``key`` (null: None); it must be one of ``speakers``."""
        speaker_id = self.integer(key, optional=True)
        if speaker_id is None:
            return None
        if speaker_id not in speakers:
            raise FormatError(
                f"{self.where}: {key} {speaker_id} is not one of the document's speakers "
                f"(ids {sorted(speakers)})"
            )
        return speakers[speaker_id]


def _read_span(r: _Reader, source: str) -> Span:
    """The span in the ``start``, ``end`` and ``text`` keys of ``r``, checked against ``source``."""
    where = r.where
    start, end, text = r.integer("start"), r.integer("end"), r.string("text")
    if not 0 <= start <= end <= len(source):
        raise FormatError(
            f"{where}: expected 0 <= start <= end <= {len(source)} (the text length), "
            f"got start={start}, end={end}"
        )
    if source[start:end] != text:
        raise FormatError(
            f"{where}: text {text!r:.60} is not the source text at {start}:{end} "
            f"({source[start:end]!r:.60})"
        )
    return Span(start, end, text)


def _read_speaker(data: object, source: str, where: str) -> Speaker:
    r = _Reader(data, where)
    mentions = r.array("mentions")
    return Speaker(
        id=r.integer("id"),
        name=r.string("name"),
        kind=r.choice("kind", SpeakerKind),
        anonymous=r.boolean("anonymous"),
        anonymity_reason=r.string("anonymity_reason", optional=True),
        title=r.string("title", optional=True),
        affiliation=r.string("affiliation", optional=True),
        gender=r.string("gender", optional=True),
        mentions=tuple(
            _read_span(_Reader(m, f"{where}.mentions[{i}]"), source) for i, m in enumerate(mentions)
        ),
    )


def _read_quote(data: object, source: str, speakers: Mapping[int, Speaker], where: str) -> Quote:
    r = _Reader(data, where)
    span = _read_span(r, source)
    sieve = r.string("sieve", optional=True)
    attribution = None
    if sieve is not None:
        speaker = r.speaker("speaker_id", speakers)
        speaker_data = r.data.get("speaker")
        if (speaker is None) != (speaker_data is None):
            raise FormatError(
                f"{where}: 'speaker' and 'speaker_id' must both be null or both be set, "
                f"got speaker {_type_name(speaker_data)} and speaker_id {r.data['speaker_id']!r}"
            )
        if speaker is None:
            mention = r.optional_span("unresolved_mention", source)
        else:
            mention = _Reader(speaker_data, f"{where}.speaker").optional_span("mention", source)
        attribution = Attribution(
            speaker=speaker,
            mention=mention,
            cue=r.optional_span("cue", source),
            sieve=sieve,
            resolution=r.choice("resolution", Resolution),
            resolver=r.string("resolver", optional=True),
            continues=r.integer("continues", optional=True),
            cue_class=r.string("cue_class", optional=True),
            channel=r.string("channel", optional=True),
        )
    flags = r.data.get("flags", [])
    if not isinstance(flags, list) or not all(isinstance(f, str) for f in flags):
        raise FormatError(f"{where}: 'flags' must be a list of strings, got {flags!r}")
    return Quote(
        span=span,
        content=r.span("content", source),
        kind=r.choice("kind", QuoteKind),
        paragraph=r.integer("paragraph"),
        attribution=attribution,
        part=r.choice("part", Part, optional=True) if "part" in r.data else None,
        part_of=r.integer("part_of", optional=True) if "part_of" in r.data else None,
        flags=tuple(flags),
    )


def _read_diagnostic(data: object, source: str, where: str) -> Diagnostic:
    r = _Reader(data, where)
    return Diagnostic(
        code=r.string("code"),
        message=r.string("message"),
        span=r.optional_span("span", source),
        severity=r.choice("severity", Severity),
    )


def _read_non_statement(
    data: object, source: str, speakers: Mapping[int, Speaker], where: str
) -> NonStatement:
    r = _Reader(data, where)
    return NonStatement(
        span=r.span("span", source),
        mention=r.optional_span("mention", source),
        speaker=r.speaker("speaker_id", speakers),
    )


def _read_claim(data: object, source: str, speakers: Mapping[int, Speaker], where: str) -> Claim:
    r = _Reader(data, where)
    q = _Reader(r.data.get("quantity"), f"{where}.quantity")
    fields = dict(
        value=q.number("value", optional=True),
        qualifier=q.choice("qualifier", Qualifier),
        unit=q.string("unit", optional=True),
        low=q.number("low", optional=True),
        high=q.number("high", optional=True),
    )
    span, sentence = r.span("span", source), r.span("sentence", source)
    claim_source = r.choice("source", ClaimSource)
    asserted_by, rule = r.speaker("speaker_id", speakers), r.string("rule")
    try:  # the claim's own invariants: a range has low < high, the span lies in its sentence...
        return Claim(
            span=span,
            sentence=sentence,
            quantity=Quantity(**fields),
            source=claim_source,
            asserted_by=asserted_by,
            rule=rule,
        )
    except (TypeError, ValueError) as exc:
        raise FormatError(f"{where}: {exc}") from None


def _check_quote_links(quotes: tuple[Quote, ...], where: str) -> None:
    """Each quote's paragraph is an index (>= 0), ``continues`` names another quote and
    ``part_of`` an earlier first part."""
    for i, quote in enumerate(quotes):
        if quote.paragraph < 0:
            raise FormatError(
                f"{where}.quotes[{i}]: 'paragraph' must be >= 0, got {quote.paragraph}"
            )
        att = quote.attribution
        if att is not None and att.continues is not None:
            if not 0 <= att.continues < len(quotes) or att.continues == i:
                raise FormatError(
                    f"{where}.quotes[{i}]: 'continues' must be the index of another quote "
                    f"(0 to {len(quotes) - 1}), got {att.continues}"
                )
        if quote.part_of is not None and not (
                0 <= quote.part_of < i and quotes[quote.part_of].part == Part.FIRST):
            raise FormatError(f"{where}.quotes[{i}]: 'part_of' must be the index of an earlier "
                              f"quote whose part is 'first', got {quote.part_of}")


def result_from_dict(data: Mapping[str, Any]) -> ParseResult:
    """Rebuild the `ParseResult` that `result_to_dict` wrote; `FormatError` if ``data`` is not one.

    Each speaker is built once and the same object is shared by all quotes, non-statements and
    claims that reference it. ``non_statements``, ``claims`` and ``meta`` may be absent (read
    as empty).
    """
    r = _Reader(data, "result")
    doc_id = r.string("id", optional=True)
    where = f"result {doc_id!r}" if doc_id is not None else "result"
    r.where = where
    text = r.string("text")
    speakers: dict[int, Speaker] = {}
    for i, s in enumerate(r.array("speakers")):
        speaker = _read_speaker(s, text, f"{where}.speakers[{i}]")
        if speaker.id in speakers:
            raise FormatError(f"{where}.speakers[{i}]: speaker id {speaker.id} appears twice")
        speakers[speaker.id] = speaker
    quotes = tuple(
        _read_quote(q, text, speakers, f"{where}.quotes[{i}]")
        for i, q in enumerate(r.array("quotes"))
    )
    _check_quote_links(quotes, where)
    diagnostics = tuple(
        _read_diagnostic(d, text, f"{where}.diagnostics[{i}]")
        for i, d in enumerate(r.array("diagnostics"))
    )
    non_statements = tuple(
        _read_non_statement(n, text, speakers, f"{where}.non_statements[{i}]")
        for i, n in enumerate(r.data.get("non_statements") or ())
    )
    claims = tuple(
        _read_claim(c, text, speakers, f"{where}.claims[{i}]")
        for i, c in enumerate(r.data.get("claims") or ())
    )
    meta = r.data.get("meta") or {}
    if not isinstance(meta, Mapping):
        raise FormatError(f"{where}: 'meta' must be an object, got {_type_name(meta)}")
    try:
        return ParseResult(
            text=text,
            quotes=quotes,
            speakers=tuple(speakers.values()),
            diagnostics=diagnostics,
            id=doc_id,
            non_statements=non_statements,
            claims=claims,
            meta=meta,
        )
    except (TypeError, ValueError) as exc:  # a model invariant the checks above did not cover
        raise FormatError(f"{where}: {exc}") from exc


def _json_value(data: object, where: str) -> Any:
    """``json.loads(data)``, with every way it can fail as a `FormatError`."""
    if not isinstance(data, (str, bytes, bytearray)):
        raise FormatError(f"{where}expected JSON text (str), got {type(data).__name__}")
    try:
        return json.loads(data)
    except json.JSONDecodeError as exc:
        raise FormatError(f"{where}expected a JSON object, got invalid JSON: {exc}") from None
    except (ValueError, RecursionError) as exc:
        # valid JSON that Python will not read: an integer of more than 4,300 digits, arrays
        # nested deeper than the recursion limit; or bytes that are not UTF-8
        raise FormatError(
            f"{where}expected a JSON object, got JSON Python cannot read: {exc}"
        ) from None


def from_json(data: str) -> ParseResult:
    """Read one result written by `to_json`; `FormatError` for anything else (also for JSON
    that Python cannot read: nesting deeper than the recursion limit, huge integers)."""
    return result_from_dict(_json_value(data, ""))


def read_jsonl(fp: IO[str]) -> Iterator[ParseResult]:
    """Yield the results in a JSON Lines stream written by `write_jsonl` (blank lines skipped)."""
    for lineno, line in enumerate(fp, 1):
        if not line.strip():
            continue
        value = _json_value(line, f"line {lineno}: ")
        try:
            yield result_from_dict(value)
        except FormatError as exc:
            raise FormatError(f"line {lineno}: {exc}") from None
