"""The JSON Schemas of the output: made from the types, shipped, and true of real output."""

from __future__ import annotations

import json
import os
import typing
from pathlib import Path

import pytest

import quotetrack
from quotetrack import Attribution, ParseResult, Speaker
from quotetrack.scale import parse_batch
from quotetrack.schema import SCHEMA_FILES, document_line_schema, result_schema
from quotetrack.serialize import document_output, result_to_dict

jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is in the test extra")

REPO = Path(__file__).resolve().parents[1]
SCHEMAS = Path(quotetrack.__file__).parent / "schemas"
SHARED = REPO.parent / "shared"
SEED = json.loads((REPO / "tests" / "fixtures" / "seed.jsonl").read_text(encoding="utf-8"))


def validator(schema: dict):
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


LINE = validator(document_line_schema())
RESULT = validator(result_schema())


def check(result: ParseResult) -> None:
    """Both shapes of one result validate, after a trip through JSON text."""
    LINE.validate(json.loads(json.dumps(document_output(result))))
    RESULT.validate(json.loads(json.dumps(result_to_dict(result))))


def test_shipped_schemas_are_the_generated_ones():
    """quotetrack/schemas/*.json are what quotetrack.schema makes from the types now (rewrite
    them with QUOTETRACK_UPDATE_DOCS=1 when the output changes)."""
    import quotetrack.schema as schema_module

    for name, function in SCHEMA_FILES.items():
        made = json.dumps(getattr(schema_module, function)(), indent=2) + "\n"
        path = SCHEMAS / name
        if os.environ.get("QUOTETRACK_UPDATE_DOCS"):
            path.write_text(made, encoding="utf-8")
        assert path.read_text(encoding="utf-8") == made, f"{name} is stale"


def test_enum_and_literal_values_come_from_the_types():
    """A typed field's allowed values in the schema are those of its type."""
    quote = result_schema()["$defs"]["Quote"]["properties"]
    cue_classes = typing.get_args(typing.get_args(typing.get_type_hints(Attribution)["cue_class"])[0])
    assert quote["cue_class"] == {"anyOf": [{"type": "string", "enum": list(cue_classes)},
                                            {"type": "null"}]}
    assert set(cue_classes) == {"neutral", "assertive", "denial", "hedging", "belief"}
    genders = result_schema()["$defs"]["Speaker"]["properties"]["gender"]["anyOf"][0]["enum"]
    assert genders == ["female", "male"]
    assert quote["kind"]["enum"] == [k.value for k in quotetrack.QuoteKind]


def test_typed_fields_refuse_other_values():
    """cue_class and gender are checked when a model object is made: a typo fails at once."""
    with pytest.raises(ValueError, match="cue_class must be one of neutral"):
        Attribution(speaker=None, mention=None, cue=None, sieve="x",
                    resolution=quotetrack.Resolution.NAME, cue_class="denail")
    with pytest.raises(ValueError, match="gender must be one of female, male"):
        Speaker(id=0, name="X", gender="f")


@pytest.mark.parametrize("claims", [False, True])
def test_fixture_output_validates(claims):
    """The bundled article, with and without claims and with meta, validates in both shapes;
    so do error records, with and without meta."""
    meta = {k: v for k, v in SEED.items() if k not in ("id", "text")}
    result = quotetrack.parse(SEED["text"], id=SEED["id"], claims=claims, meta=meta)
    assert result.quotes and (result.claims or not claims)
    check(result)
    check(quotetrack.parse("", id=None))
    for record in parse_batch(["{oops", json.dumps({"id": "x", "text": 3, "url": "u"})]):
        LINE.validate(record)


def test_the_schemas_reject_what_is_not_output():
    """A wrong enum value, a missing key, an unknown key and a negative offset fail."""
    line = document_output(quotetrack.parse(SEED["text"], id="s"))
    for bad in (
        {**line, "quotes": [{**line["quotes"][0], "cue_class": "denail"}]},
        {**line, "quotes": [{k: v for k, v in line["quotes"][0].items() if k != "kind"}]},
        {**line, "extra": 1},
        {**line, "quotes": [{**line["quotes"][0], "start": -1}]},
        {"id": "x"},
    ):
        assert not LINE.is_valid(bad)


@pytest.mark.skipif(not (SHARED / "eval").is_dir(), reason=f"the evaluation sets are not in {SHARED}")
@pytest.mark.slow
def test_every_shared_document_validates():
    """The line `quotetrack extract` writes for every document of ../shared/eval and
    ../shared/corpus validates, and so does the full result of every eighth (the full shape
    shares its definitions with the line; validating is the slow part of this test)."""
    paths = sorted((SHARED / "eval").glob("*.jsonl")) + sorted((SHARED / "corpus").glob("*.jsonl"))
    count = 0
    for path in paths:
        with path.open(encoding="utf-8") as fh:
            docs = [{"id": d["id"], "text": d["text"]}
                    for d in map(json.loads, filter(str.strip, fh))]
        for result in quotetrack.Parser().pipe(docs, workers=2, chunk_size=8):
            assert isinstance(result, ParseResult), result
            LINE.validate(json.loads(json.dumps(document_output(result))))
            if count % 8 == 0:
                RESULT.validate(json.loads(json.dumps(result_to_dict(result))))
            count += 1
    assert count > 1000
