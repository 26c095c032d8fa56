"""Dict, JSON and JSON Lines forms of parse results: the scored shape and the exact round trip."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import quotetrack
from quotetrack.confidence import confidence
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
from quotetrack.claims_model import Claim, ClaimSource, Qualifier, Quantity
from quotetrack.model import NonStatement
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
    """A seed result using every field: shared speakers, continuation, non-statements, claims."""
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
                resolver="name",
                cue_class="neutral",
                channel="interview",
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
    non_statements = (
        NonStatement(
            span=Span.of(SEED_TEXT, 3131, 3151),
            mention=Span.of(SEED_TEXT, 3126, 3130),
            speaker=diplomat,
        ),
        NonStatement(span=Span.of(SEED_TEXT, 20, 30), mention=None, speaker=None),
    )
    claims = (
        Claim(
            span=Span.of(SEED_TEXT, 5554, 5573),
            sentence=Span.of(SEED_TEXT, 5542, 5631),
            quantity=Quantity(qualifier=Qualifier.VAGUE, unit="martyrs"),
            source=ClaimSource.QUOTE,
            asserted_by=slim,
            rule="vague",
        ),
        Claim(
            span=Span.of(SEED_TEXT, 358, 373),
            sentence=_paragraph_of(358, 373),
            quantity=Quantity(value=5000.0, qualifier=Qualifier.MORE_THAN, unit="troops"),
            source=ClaimSource.ARTICLE,
        ),
        Claim(
            span=Span.of(SEED_TEXT, 3366, 3376),
            sentence=_paragraph_of(3366, 3376),
            quantity=Quantity(low=80, high=82.5, unit="countries"),
            source=ClaimSource.QUOTE,
            rule="range",
        ),
    )
    return ParseResult(
        text=SEED_TEXT,
        quotes=quotes,
        speakers=(slim, diplomat),
        diagnostics=diagnostics,
        id=SEED["id"],
        non_statements=non_statements,
        claims=claims,
    )


def _paragraph_of(start: int, end: int) -> Span:
    return Span.of(SEED_TEXT, SEED_TEXT.rfind("\n", 0, start) + 1, SEED_TEXT.find("\n", end))


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
    extra = {"content", "paragraph", "resolution", "resolver", "speaker_id", "continues",
             "cue_class"}
    extra |= {"channel", "unresolved_mention", "confidence", "part", "part_of", "flags",
              "span_confidence"}
    assert set(d) == SCORED_QUOTE_KEYS | extra
    assert set(d["speaker"]) == SCORED_SPEAKER_KEYS | {"anonymity_reason"}
    assert d["content"] == {"start": 1917, "end": 1928, "text": "take sides,"}
    assert (d["paragraph"], d["resolution"], d["speaker_id"], d["continues"]) == (
        9,
        "name",
        3,
        None,
    )
    assert (d["cue_class"], d["channel"], d["resolver"]) == ("neutral", "interview", "name")
    assert (d["part"], d["part_of"], d["flags"]) == (None, None, [])
    assert d["confidence"] == confidence(_hand_built().quotes[0].attribution)
    assert 0.9 < d["confidence"] <= 1  # cue_after_quote + name: the most precise rule


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
    assert list(d) == [
        "id",
        "text",
        "quotes",
        "speakers",
        "diagnostics",
        "non_statements",
        "claims",
    ]
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
    assert back.non_statements[0].speaker is back.speakers[1]
    assert back.claims[0].asserted_by is slim


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
    """document_output has only id and quotes (the quotes being quote_to_dict's), plus claims
    exactly when the result has some."""
    result = attrs.evolve(_hand_built(), claims=())
    out = document_output(result)
    assert list(out) == ["id", "quotes"]
    assert out["quotes"] == [quote_to_dict(q) for q in result.quotes]
    with_claims = quotetrack.parse(SEED_TEXT, id=SEED["id"], claims=True)
    line = document_output(with_claims)
    assert list(line) == ["id", "quotes", "claims"]
    assert [c["span"]["text"] for c in line["claims"]] == [c.span.text for c in with_claims.claims]
    assert "Hassan Al-Rubaie" in [c["speaker"] for c in line["claims"]]


def test_speaker_missing_from_result_is_refused():
    """result_to_dict refuses a quote whose speaker is not in result.speakers, naming the id."""
    result = _hand_built()
    broken = ParseResult(text=result.text, quotes=result.quotes, speakers=result.speakers[:1])
    with pytest.raises(
        FormatError,
        match=r"^quote 2 of result None has speaker id 7 \('one western diplomat'\), which is not",
    ):
        result_to_dict(broken)


def test_claim_speaker_missing_from_result_is_refused():
    """A claim asserted by a speaker that is not in result.speakers is refused too."""
    result = _hand_built()
    broken = attrs.evolve(result, quotes=(), speakers=result.speakers[1:])
    with pytest.raises(
        FormatError, match=r"^claim 0 of result .* has speaker id 3 \('Randa Slim'\)"
    ):
        result_to_dict(broken)


def test_claims_and_non_statements_dicts():
    """Claims write their quantity, source, rule and speaker id; non-statements their spans."""
    d = result_to_dict(_hand_built())
    assert d["claims"][1]["quantity"] == {
        "value": 5000.0,
        "qualifier": "more_than",
        "unit": "troops",
        "low": None,
        "high": None,
    }
    first = d["claims"][0]
    assert (first["source"], first["speaker_id"], first["rule"]) == ("quote", 3, "vague")
    assert d["non_statements"][0] == {
        "span": {"start": 3131, "end": 3151, "text": "one western diplomat"},
        "mention": {"start": 3126, "end": 3130, "text": "said"},
        "speaker_id": 7,
    }


def test_results_without_claims_keys_read_as_empty():
    """A result dict without non_statements and claims keys reads back with none."""
    d = result_to_dict(quotetrack.parse("“Hi,” she said.", id="x"))
    del d["non_statements"], d["claims"]
    back = result_from_dict(d)
    assert (back.non_statements, back.claims) == ((), ())


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
        (
            lambda d: d["claims"][2]["quantity"].__setitem__("high", 10),
            r"claims\[2\]: range low 80 must be below high 10",
        ),
        (
            lambda d: d["claims"][0]["quantity"].__setitem__("value", "many"),
            r"claims\[0\]\.quantity: 'value' must be a number or null, got str",
        ),
        (
            lambda d: d["claims"][0].__setitem__("source", "rumour"),
            r"'source' must be one of quote, article; got 'rumour'",
        ),
        (
            lambda d: d["non_statements"][0].__setitem__("speaker_id", 4),
            r"non_statements\[0\]: speaker_id 4 is not one of the document's speakers",
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
    with pytest.raises(FormatError, match="expected a JSON object, got invalid JSON"):
        from_json("{")


@pytest.mark.parametrize(("data", "message"), [
    ("[" * 100_000 + "]" * 100_000, "got JSON Python cannot read"),
    ('{"id": ' + "9" * 5000 + "}", "got JSON Python cannot read"),
    (b"\xff{}", "got JSON Python cannot read"),
    (None, "expected JSON text (str), got NoneType"),
])
def test_from_json_wraps_every_json_failure(data, message):
    """Deep nesting (RecursionError), huge integers and bad bytes (ValueError) and a wrong
    type all raise FormatError, the one error from_json documents."""
    with pytest.raises(FormatError, match=re.escape(message)):
        from_json(data)


@pytest.mark.parametrize(("change", "message"), [
    ({"paragraph": -1}, "quotes[0]: 'paragraph' must be >= 0, got -1"),
    ({"continues": 99}, "quotes[0]: 'continues' must be the index of another quote"),
    ({"continues": 0}, "quotes[0]: 'continues' must be the index of another quote"),
    ({"continues": -1}, "quotes[0]: 'continues' must be the index of another quote"),
])
def test_result_from_dict_refuses_dangling_links(change, message):
    """A paragraph index below 0, or a 'continues' that names no other quote, is refused."""
    data = result_to_dict(quotetrack.parse("“We will win,” Jane Roe said. “Yes.”", id="x"))
    data["quotes"][0] |= change
    if "continues" in change:
        data["quotes"][0]["sieve"] = data["quotes"][0]["sieve"] or "continuation"
    with pytest.raises(FormatError, match=re.escape(message)):
        result_from_dict(data)


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
    Attribution: {
        "speaker",
        "mention",
        "cue",
        "sieve",
        "resolution",
        "resolver",
        "continues",
        "cue_class",
        "channel",
    },
    Quote: {"span", "content", "kind", "paragraph", "attribution", "part", "part_of", "flags"},
    Diagnostic: {"code", "message", "span", "severity"},
    ParseResult: {"text", "quotes", "speakers", "diagnostics", "id", "non_statements", "claims",
                  "meta"},
    NonStatement: {"span", "mention", "speaker"},
    Claim: {"span", "sentence", "quantity", "source", "asserted_by", "rule"},
    Quantity: {"value", "qualifier", "unit", "low", "high"},
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
    n_quotes = draw(st.integers(0, 4))
    for index in range(n_quotes):
        others = [j for j in range(n_quotes) if j != index]  # continues names another quote
        attribution = None
        if draw(st.booleans()):
            attribution = Attribution(
                speaker=draw(st.sampled_from((None,) + speakers)),
                mention=draw(st.none() | _span_in(text)),
                cue=draw(st.none() | _span_in(text)),
                sieve=draw(st.text(max_size=6)),
                resolution=draw(st.sampled_from(Resolution)),
                continues=draw(st.none() | st.sampled_from(others or [None])),
                cue_class=draw(st.none() | st.sampled_from(["neutral", "denial"])),
                channel=draw(st.none() | st.text(max_size=5)),
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
    non_statements = tuple(
        NonStatement(
            span=draw(_span_in(text)),
            mention=draw(st.none() | _span_in(text)),
            speaker=draw(st.sampled_from((None,) + speakers)),
        )
        for _ in range(draw(st.integers(0, 2)))
    )
    claims = tuple(draw(_claims(text, speakers)) for _ in range(draw(st.integers(0, 3))))
    return ParseResult(
        text=text,
        quotes=tuple(quotes),
        speakers=speakers,
        diagnostics=diagnostics,
        id=draw(st.none() | st.text(max_size=6)),
        non_statements=non_statements,
        claims=claims,
        meta=draw(st.dictionaries(st.text(max_size=4), _JSON, max_size=3)),
    )


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-10, 10) | st.text(max_size=4),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner,
                                                                 max_size=3),
    max_leaves=6,
)

_NUMBERS = st.floats(allow_nan=False, allow_infinity=False) | st.integers(-(10**6), 10**6)


@st.composite
def _quantities(draw) -> Quantity:
    unit = draw(st.none() | st.sampled_from(["troops", "USD", "percent"]))
    shape = draw(st.sampled_from(["value", "vague", "range"]))
    if shape == "vague":
        return Quantity(qualifier=Qualifier.VAGUE, unit=unit)
    if shape == "range":
        low = draw(st.integers(-1000, 1000))
        return Quantity(low=low, high=low + draw(st.integers(1, 1000)), unit=unit)
    qualifier = draw(st.sampled_from([q for q in Qualifier if q is not Qualifier.VAGUE]))
    return Quantity(value=draw(_NUMBERS), qualifier=qualifier, unit=unit)


@st.composite
def _claims(draw, text: str, speakers: tuple[Speaker, ...]) -> Claim:
    sentence = draw(_span_in(text))
    start = draw(st.integers(sentence.start, sentence.end))
    span = Span.of(text, start, draw(st.integers(start, sentence.end)))
    source = draw(st.sampled_from(ClaimSource))
    speaker = draw(st.sampled_from((None,) + speakers)) if source is ClaimSource.QUOTE else None
    return Claim(
        span=span,
        sentence=sentence,
        quantity=draw(_quantities()),
        source=source,
        asserted_by=speaker,
        rule=draw(st.sampled_from(["count", "money", "range"])),
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


def test_the_unchecked_constructors_make_the_same_frozen_objects():
    """The parser builds quotes, attributions and speakers with `_unchecked_maker`'s
    constructors: they must equal (and hash as) the ones attrs builds, and stay frozen."""
    from quotetrack.model import (Attribution, Quote, Resolution, Span, Speaker,
                                  make_attribution, make_quote, make_speaker)

    speaker = dict(id=0, name="Jo Doe", kind=quotetrack.SpeakerKind.PERSON, anonymous=False,
                   anonymity_reason=None, title="minister", affiliation=None, gender="female",
                   mentions=(Span(0, 6, "Jo Doe"),))
    attribution = dict(speaker=Speaker(**speaker), mention=Span(0, 6, "Jo Doe"), cue=None,
                       sieve="cue_after_quote", resolution=Resolution.NAME, continues=None,
                       resolver="name", cue_class="neutral", channel=None)
    quote = dict(span=Span(7, 11, '"Hi"'),
                 content=Span(8, 10, "Hi"), kind=quotetrack.QuoteKind.DIRECT, paragraph=0,
                 attribution=Attribution(**attribution), part=None, part_of=None, flags=())
    for cls, make, fields in ((Speaker, make_speaker, speaker),
                              (Attribution, make_attribution, attribution),
                              (Quote, make_quote, quote)):
        made, expected = make(**fields), cls(**fields)
        assert made == expected and hash(made) == hash(expected) and type(made) is cls
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(made, attrs.fields(cls)[0].name, None)
        with pytest.raises(TypeError):
            make(**{k: v for k, v in list(fields.items())[1:]})  # every field is required
