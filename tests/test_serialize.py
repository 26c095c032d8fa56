"""Dict, JSON and JSON Lines forms of parse results: the scored shape and the exact round trip."""

from __future__ import annotations

import io
import json
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import quotetrack
from quotetrack import (
    Attribution,
    Diagnostic,
    FormatError,
    ParseResult,
    Quote,
    QuoteKind,
    Resolution,
    Severity,
    Span,
    Speaker,
    SpeakerKind,
)
from quotetrack.serialize import (
    document_output,
    from_json,
    quote_to_dict,
    read_jsonl,
    result_from_dict,
    result_to_dict,
    to_json,
    write_jsonl,
)

FIXTURE = Path(__file__).parent / "fixtures" / "seed.jsonl"
SEED = json.loads(FIXTURE.read_text(encoding="utf-8"))
SEED_TEXT: str = SEED["text"]

#: the keys SCORING.md requires of every quote, and of a quote's speaker
SCORED_QUOTE_KEYS = {"start", "end", "text", "kind", "speaker", "cue", "sieve"}
SCORED_SPEAKER_KEYS = {"name", "kind", "title", "affiliation", "anonymous", "mention"}

#: the first record of SCORING.md's example output
SCORING_EXAMPLE = {
    "start": 1916,
    "end": 1929,
    "text": "“take sides,”",
    "kind": "mixed",
    "speaker": {
        "name": "Randa Slim",
        "kind": "person",
        "title": "director",
        "affiliation": "Track II Dialogues initiative at the Middle East Institute",
        "anonymous": False,
        "mention": {"start": 1935, "end": 1945, "text": "Randa Slim"},
    },
    "cue": {"start": 1930, "end": 1934, "text": "said"},
    "sieve": "cue_after_quote",
}


def _slim() -> Speaker:
    return Speaker(
        id=3,
        name="Randa Slim",
        kind=SpeakerKind.PERSON,
        title="director",
        affiliation="Track II Dialogues initiative at the Middle East Institute",
        gender="female",
        mentions=(Span.of(SEED_TEXT, 1935, 1945), Span.of(SEED_TEXT, 2210, 2213)),
    )


def _hand_built() -> ParseResult:
    """A seed result with a shared speaker, a continuation, an unresolved mention and a diagnostic."""
    slim = _slim()
    diplomat = Speaker(
        id=7,
        name="one western diplomat",
        kind=SpeakerKind.PERSON,
        anonymous=True,
        anonymity_reason="speaking on condition of anonymity",
        title="diplomat",
        mentions=(Span.of(SEED_TEXT, 3131, 3151),),
    )
    quotes = (
        Quote(
            span=Span.of(SEED_TEXT, 1916, 1929),
            content=Span.of(SEED_TEXT, 1917, 1928),
            kind=QuoteKind.MIXED,
            paragraph=9,
            attribution=Attribution(
                speaker=slim,
                mention=Span.of(SEED_TEXT, 1935, 1945),
                cue=Span.of(SEED_TEXT, 1930, 1934),
                sieve="cue_after_quote",
                resolution=Resolution.NAME,
            ),
        ),
        Quote(
            span=Span.of(SEED_TEXT, 2024, 2209),
            content=Span.of(SEED_TEXT, 2025, 2208),
            kind=QuoteKind.DIRECT,
            paragraph=10,
            attribution=Attribution(
                speaker=slim,
                mention=Span.of(SEED_TEXT, 2210, 2213),
                cue=Span.of(SEED_TEXT, 2214, 2218),
                sieve="cue_after_quote",
                resolution=Resolution.PRONOUN,
            ),
        ),
        Quote(
            span=Span.of(SEED_TEXT, 2996, 3125),
            content=Span.of(SEED_TEXT, 2997, 3124),
            kind=QuoteKind.DIRECT,
            paragraph=12,
            attribution=Attribution(
                speaker=diplomat,
                mention=Span.of(SEED_TEXT, 3131, 3151),
                cue=Span.of(SEED_TEXT, 3126, 3130),
                sieve="cue_before_speaker",
                resolution=Resolution.DESCRIPTION,
            ),
        ),
        Quote(
            span=Span.of(SEED_TEXT, 5076, 5114),
            content=Span.of(SEED_TEXT, 5077, 5113),
            kind=QuoteKind.DIRECT,
            paragraph=20,
            attribution=Attribution(
                speaker=None,
                mention=Span.of(SEED_TEXT, 5115, 5117),
                cue=Span.of(SEED_TEXT, 5118, 5122),
                sieve="cue_after_quote",
                resolution=Resolution.UNRESOLVED,
            ),
        ),
        Quote(
            span=Span.of(SEED_TEXT, 5641, 5709),
            content=Span.of(SEED_TEXT, 5642, 5708),
            kind=QuoteKind.DIRECT,
            paragraph=23,
            attribution=Attribution(
                speaker=slim,
                mention=None,
                cue=None,
                sieve="continuation",
                resolution=Resolution.CONTINUATION,
                continues=1,
            ),
        ),
        Quote(
            span=Span.of(SEED_TEXT, 5711, 5769),
            content=Span.of(SEED_TEXT, 5712, 5768),
            kind=QuoteKind.OTHER,
            paragraph=24,
        ),
    )
    diagnostics = (
        Diagnostic(
            code="unclosed-quote", message="no closing mark", span=Span.of(SEED_TEXT, 10, 11)
        ),
        Diagnostic(code="note", message="nothing odd", severity=Severity.INFO),
    )
    return ParseResult(
        text=SEED_TEXT,
        quotes=quotes,
        speakers=(slim, diplomat),
        diagnostics=diagnostics,
        id=SEED["id"],
    )


def test_quote_dict_has_the_scoring_example_shape():
    """The scored keys of a quote dict equal SCORING.md's example record exactly."""
    quote = _hand_built().quotes[0]
    d = quote_to_dict(quote)
    assert {k: d[k] for k in SCORED_QUOTE_KEYS} | {
        "speaker": {k: d["speaker"][k] for k in SCORED_SPEAKER_KEYS}
    } == SCORING_EXAMPLE


def test_quote_dict_carries_the_round_trip_keys():
    """Besides the scored keys, a quote dict has exactly the documented extra keys."""
    d = quote_to_dict(_hand_built().quotes[0])
    extra = {"content", "paragraph", "resolution", "speaker_id", "continues", "unresolved_mention"}
    assert set(d) == SCORED_QUOTE_KEYS | extra
    assert set(d["speaker"]) == SCORED_SPEAKER_KEYS | {"anonymity_reason"}
    assert d["content"] == {"start": 1917, "end": 1928, "text": "take sides,"}
    assert (d["paragraph"], d["resolution"], d["speaker_id"], d["continues"]) == (
        9,
        "name",
        3,
        None,
    )


def test_unattributed_quote_has_nulls():
    """A quote without attribution has speaker, cue, sieve and resolution null."""
    d = quote_to_dict(_hand_built().quotes[5])
    assert d["kind"] == "other"
    assert [d[k] for k in ("speaker", "cue", "sieve", "resolution", "speaker_id")] == [None] * 5


def test_unresolved_mention_is_kept_outside_the_speaker():
    """A mention tied to no speaker is written as unresolved_mention, with speaker null."""
    d = quote_to_dict(_hand_built().quotes[3])
    assert d["speaker"] is None
    assert d["unresolved_mention"] == {"start": 5115, "end": 5117, "text": "it"}
    assert d["resolution"] == "unresolved"


def test_result_dict_lists_full_speakers_once():
    """The result dict has id, text, quotes, speakers (with mentions and gender) and diagnostics."""
    d = result_to_dict(_hand_built())
    assert list(d) == ["id", "text", "quotes", "speakers", "diagnostics"]
    assert [s["id"] for s in d["speakers"]] == [3, 7]
    assert d["speakers"][0]["gender"] == "female"
    assert d["speakers"][0]["mentions"][1] == {"start": 2210, "end": 2213, "text": "she"}
    assert d["diagnostics"][1] == {
        "code": "note",
        "message": "nothing odd",
        "span": None,
        "severity": "info",
    }


def test_enums_are_lowercase_strings():
    """Every enum in the output is its lowercase string value, never a name or an object."""
    text = json.dumps(result_to_dict(_hand_built()))
    assert '"kind": "mixed"' in text and '"kind": "person"' in text
    assert '"severity": "warning"' in text and '"resolution": "pronoun"' in text
    assert "QuoteKind" not in text and "MIXED" not in text


def test_round_trip_is_exact():
    """result_from_dict(result_to_dict(r)) == r for a result using every optional field."""
    result = _hand_built()
    assert result_from_dict(result_to_dict(result)) == result


def test_round_trip_shares_speaker_objects():
    """Quotes of one speaker get the same Speaker object back, also the one in .speakers."""
    back = result_from_dict(result_to_dict(_hand_built()))
    slim = back.speakers[0]
    assert back.quotes[0].speaker is slim
    assert back.quotes[1].speaker is slim
    assert back.quotes[4].speaker is slim
    assert back.quotes[2].speaker is back.speakers[1]


def test_json_round_trip_keeps_non_ascii():
    """to_json writes curly quotes as they are and from_json reads the same result back."""
    result = _hand_built()
    text = to_json(result)
    assert "“take sides,”" in text
    assert from_json(text) == result
    assert from_json(to_json(result, indent=2)) == result


def test_jsonl_round_trip():
    """write_jsonl writes one line per result and read_jsonl reads them back in order."""
    results = [_hand_built(), quotetrack.parse("He said “hi” once.", id="b"), ParseResult(text="")]
    buffer = io.StringIO()
    assert write_jsonl(results, buffer) == 3
    assert buffer.getvalue().count("\n") == 3
    buffer.seek(0)
    assert list(read_jsonl(buffer)) == results


def test_read_jsonl_names_the_bad_line():
    """A broken line in a JSON Lines stream raises FormatError naming its line number."""
    good = json.dumps(result_to_dict(ParseResult(text="x", id="a")))
    with pytest.raises(FormatError, match=r"^line 3: expected a JSON object, got invalid JSON"):
        list(read_jsonl(io.StringIO(good + "\n\n{not json\n")))


def test_parsed_seed_round_trips():
    """The parser's own result for the seed article survives the round trip."""
    result = quotetrack.parse(SEED_TEXT, id=SEED["id"])
    assert from_json(to_json(result)) == result


def test_document_output_is_id_and_quotes():
    """document_output has only id and quotes, the quotes being quote_to_dict's."""
    result = _hand_built()
    out = document_output(result)
    assert list(out) == ["id", "quotes"]
    assert out["quotes"] == [quote_to_dict(q) for q in result.quotes]


def test_speaker_missing_from_result_is_refused():
    """result_to_dict refuses a quote whose speaker is not in result.speakers, naming the id."""
    result = _hand_built()
    broken = ParseResult(text=result.text, quotes=result.quotes, speakers=result.speakers[:1])
    with pytest.raises(FormatError, match=r"quote 2 .* speaker id 7 .* not one of result.speakers"):
        result_to_dict(broken)


def _edit(mutate):
    d = json.loads(json.dumps(result_to_dict(_hand_built())))
    mutate(d)
    return d


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.pop("text"), r"expected a 'text' key"),
        (lambda d: d.__setitem__("quotes", {}), r"'quotes' must be a list, got dict"),
        (
            lambda d: d["quotes"][0].__setitem__("kind", "quoted"),
            r"quotes\[0\]: 'kind' must be one of direct, mixed, indirect, other; got 'quoted'",
        ),
        (
            lambda d: d["quotes"][0].__setitem__("start", "1916"),
            r"quotes\[0\]: 'start' must be an integer, got str",
        ),
        (
            lambda d: d["quotes"][0].__setitem__("paragraph", True),
            r"'paragraph' must be an integer, got bool",
        ),
        (
            lambda d: d["quotes"][1]["cue"].__setitem__("text", "says"),
            r"quotes\[1\]\.cue: text 'says' is not the source text at 2214:2218 \('said'\)",
        ),
        (
            lambda d: d["quotes"][1]["cue"].__setitem__("end", 10**6),
            r"expected 0 <= start <= end <= 5892",
        ),
        (
            lambda d: d["quotes"][0].__setitem__("speaker_id", 99),
            r"speaker_id 99 is not one of the document's speakers \(ids \[3, 7\]\)",
        ),
        (
            lambda d: d["quotes"][0].__setitem__("speaker", None),
            r"'speaker' and 'speaker_id' must both be null or both be set",
        ),
        (lambda d: d["speakers"].append(d["speakers"][0]), r"speaker id 3 appears twice"),
        (
            lambda d: d["speakers"][0].__setitem__("anonymous", "no"),
            r"speakers\[0\]: 'anonymous' must be true or false, got str",
        ),
        (
            lambda d: d["diagnostics"][0].__setitem__("severity", "fatal"),
            r"'severity' must be one of info, warning; got 'fatal'",
        ),
    ],
)
def test_bad_dicts_raise_format_error(mutate, message):
    """Malformed input raises FormatError saying where, what was expected and what was found."""
    assert len(SEED_TEXT) == 5892
    with pytest.raises(FormatError, match=message):
        result_from_dict(_edit(mutate))


def test_from_json_rejects_invalid_json():
    """from_json raises FormatError, not a bare JSONDecodeError, on text that is not JSON."""
    with pytest.raises(FormatError, match="expected a JSON document, got invalid JSON"):
        from_json("{")


def test_non_object_is_refused():
    """A JSON value that is not an object is refused with its type named."""
    with pytest.raises(FormatError, match="result: expected a JSON object, got list"):
        result_from_dict([])  # type: ignore[arg-type]


#: the fields of each model type that serialize writes and reads back
SERIALIZED_FIELDS = {
    Span: {"start", "end", "text"},
    Speaker: {
        "id",
        "name",
        "kind",
        "anonymous",
        "anonymity_reason",
        "title",
        "affiliation",
        "gender",
        "mentions",
    },
    Attribution: {"speaker", "mention", "cue", "sieve", "resolution", "continues"},
    Quote: {"span", "content", "kind", "paragraph", "attribution"},
    Diagnostic: {"code", "message", "span", "severity"},
    ParseResult: {"text", "quotes", "speakers", "diagnostics", "id"},
}


@pytest.mark.parametrize("cls", list(SERIALIZED_FIELDS), ids=lambda c: c.__name__)
def test_serializer_covers_every_model_field(cls):
    """Every field of the model types is serialised, so the round trip stays exact as they grow."""
    fields = {f.name for f in attrs.fields(cls)}
    assert fields - SERIALIZED_FIELDS[cls] == set(), (
        f"quotetrack.serialize does not write {cls.__name__} field(s) "
        f"{sorted(fields - SERIALIZED_FIELDS[cls])}: add them to quote_to_dict / result_to_dict, "
        "result_from_dict, docs/json-format.md and SERIALIZED_FIELDS"
    )
    assert SERIALIZED_FIELDS[cls] <= fields


# --------------------------------------------------------------------------- properties

_WORDS = st.text(alphabet="abc “”\"' \n", max_size=60)


@st.composite
def _span_in(draw, text: str) -> Span:
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    return Span.of(text, start, end)


@st.composite
def _results(draw) -> ParseResult:
    text = draw(_WORDS)
    n_speakers = draw(st.integers(0, 3))
    speakers = tuple(
        Speaker(
            id=i * 10 + draw(st.integers(0, 9)),
            name=draw(st.text(max_size=8)),
            kind=draw(st.sampled_from(SpeakerKind)),
            anonymous=draw(st.booleans()),
            anonymity_reason=draw(st.none() | st.text(max_size=5)),
            title=draw(st.none() | st.text(max_size=5)),
            affiliation=draw(st.none() | st.text(max_size=5)),
            gender=draw(st.sampled_from([None, "female", "male"])),
            mentions=tuple(draw(st.lists(_span_in(text), max_size=3))),
        )
        for i in range(n_speakers)
    )
    quotes = []
    for _ in range(draw(st.integers(0, 4))):
        attribution = None
        if draw(st.booleans()):
            attribution = Attribution(
                speaker=draw(st.sampled_from((None,) + speakers)),
                mention=draw(st.none() | _span_in(text)),
                cue=draw(st.none() | _span_in(text)),
                sieve=draw(st.text(max_size=6)),
                resolution=draw(st.sampled_from(Resolution)),
                continues=draw(st.none() | st.integers(0, 5)),
            )
        quotes.append(
            Quote(
                span=draw(_span_in(text)),
                content=draw(_span_in(text)),
                kind=draw(st.sampled_from(QuoteKind)),
                paragraph=draw(st.integers(0, 9)),
                attribution=attribution,
            )
        )
    diagnostics = tuple(
        Diagnostic(
            code=draw(st.text(max_size=5)),
            message=draw(st.text(max_size=5)),
            span=draw(st.none() | _span_in(text)),
            severity=draw(st.sampled_from(Severity)),
        )
        for _ in range(draw(st.integers(0, 2)))
    )
    return ParseResult(
        text=text,
        quotes=tuple(quotes),
        speakers=speakers,
        diagnostics=diagnostics,
        id=draw(st.none() | st.text(max_size=6)),
    )


@settings(deadline=None, max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(_results())
def test_any_consistent_result_round_trips(result):
    """Every result whose quote speakers are listed in .speakers survives JSON both ways."""
    assert from_json(to_json(result)) == result


@settings(deadline=None, max_examples=100)
@given(st.text(alphabet="ab “”\"'.,\n", max_size=200))
def test_parsed_text_round_trips(text):
    """Whatever the parser returns for quote-dense text survives the round trip."""
    result = quotetrack.parse(text, id="t")
    assert result_from_dict(json.loads(to_json(result))) == result
