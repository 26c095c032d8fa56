"""JSON Schemas of quotetrack's output, made from its types.

`document_line_schema` describes one line of ``quotetrack extract`` (``--format jsonl``): a
result ``{"id", "meta"?, "quotes", "claims"?}`` or an error record ``{"id", "meta"?, "error"}``;
`result_schema` describes a full result (``--format json``, `quotetrack.serialize.to_json`).
Both follow JSON Schema draft 2020-12. The types of the keys are read from the attrs classes of
`quotetrack.model` (their annotations: ``int``, ``Optional[str]``, an enum, a ``Literal``...),
so a new enum value or a changed field type changes the schema with it; the shapes (which keys
a quote's dict has, speakers by id) are those of `quotetrack.serialize`. The package ships the
schemas as ``quotetrack/schemas/*.schema.json``; a test checks that they are what this module
makes, and that real output validates against them.
"""

from __future__ import annotations

import enum
import typing
from typing import Any, Literal, Optional, Union

import attrs

from .model import (
    QUOTE_FLAGS,
    Attribution,
    Claim,
    Diagnostic,
    NonStatement,
    ParseResult,
    Quantity,
    Quote,
    Span,
    Speaker,
)

__all__ = ["SCHEMA_FILES", "document_line_schema", "result_schema"]

#: the file each schema is shipped as, in ``quotetrack/schemas``
SCHEMA_FILES = {
    "document-line.schema.json": "document_line_schema",
    "result.schema.json": "result_schema",
}

DRAFT = "https://json-schema.org/draft/2020-12/schema"
_NULL = {"type": "null"}


def _type_schema(hint: Any) -> dict[str, Any]:
    """The schema of one annotated type: built-ins, Optional, tuples, enums, Literals, and
    references to the other model classes (``#/$defs/Name``)."""
    origin = typing.get_origin(hint)
    if origin is Union:
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        inner = _type_schema(options[0]) if len(options) == 1 else {
            "anyOf": [_type_schema(a) for a in options]}
        return {"anyOf": [inner, _NULL]} if len(options) < len(typing.get_args(hint)) else inner
    if origin is Literal:
        return {"type": "string", "enum": list(typing.get_args(hint))}
    if origin is tuple:
        return {"type": "array", "items": _type_schema(typing.get_args(hint)[0])}
    if origin is dict:
        return {"type": "object"}
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return {"type": "string", "enum": [member.value for member in hint]}
    if isinstance(hint, type) and attrs.has(hint):
        return {"$ref": f"#/$defs/{hint.__name__}"}
    simple = {bool: "boolean", int: "integer", float: "number", str: "string"}
    if hint in simple:
        return {"type": simple[hint]}
    raise TypeError(f"no JSON Schema for the type {hint!r}")


def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _field(cls: type, name: str, *, nullable: bool = False) -> dict[str, Any]:
    """The schema of field ``name`` of ``cls``; ``nullable`` where the output writes null when
    the field's object is missing (a quote with no attribution has a null sieve)."""
    schema = _type_schema(_hints(cls)[name])
    if nullable and "anyOf" not in schema:
        schema = {"anyOf": [schema, _NULL]}
    return schema


def _object(properties: dict[str, Any], *, optional: tuple[str, ...] = ()) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": properties,
        "required": [k for k in properties if k not in optional],
        "additionalProperties": False,
    }


def _speaker_ref(nullable: bool = True) -> dict[str, Any]:
    """A speaker written by its id (an ``id`` of the result's speakers)."""
    schema = _type_schema(_hints(Speaker)["id"])
    return {"anyOf": [schema, _NULL]} if nullable else schema


def _from_class(cls: type, renamed: Optional[dict[str, tuple[str, dict[str, Any]]]] = None
                ) -> dict[str, Any]:
    """An object with one key per field of ``cls``, as its annotation says; ``renamed`` maps a
    field to the key and schema it is written as (a speaker becomes ``speaker_id``)."""
    renamed = renamed or {}
    properties = {}
    for field in attrs.fields(cls):
        key, schema = renamed.get(field.name, (field.name, None))
        properties[key] = schema if schema is not None else _field(cls, field.name)
    return _object(properties)


def _span_schema() -> dict[str, Any]:
    schema = _from_class(Span)
    for key in ("start", "end"):
        schema["properties"][key] = dict(schema["properties"][key], minimum=0)
    return schema


def _quote_speaker_schema() -> dict[str, Any]:
    """The speaker inside a quote: who it is, and the mention nearest the quote."""
    names = ("name", "kind", "title", "affiliation", "anonymous")
    properties = {name: _field(Speaker, name) for name in names}
    properties["mention"] = _field(Attribution, "mention")
    properties["anonymity_reason"] = _field(Speaker, "anonymity_reason")
    return _object(properties)


def _quote_schema() -> dict[str, Any]:
    """A quote as `quotetrack.serialize.quote_to_dict` writes it: the quote's span flattened,
    its attribution's fields beside it (null when it has none), speakers by id."""
    span = _span_schema()["properties"]
    properties: dict[str, Any] = {
        "start": span["start"],
        "end": span["end"],
        "text": span["text"],
        "kind": _field(Quote, "kind"),
        "speaker": {"anyOf": [{"$ref": "#/$defs/QuoteSpeaker"}, _NULL]},
        "cue": _field(Attribution, "cue"),
        "sieve": _field(Attribution, "sieve", nullable=True),
        # derived from the sieve and resolution (quotetrack.confidence), not a model field
        "confidence": {"anyOf": [{"type": "number", "minimum": 0, "maximum": 1}, _NULL]},
        "content": _field(Quote, "content"),
        "paragraph": dict(_field(Quote, "paragraph"), minimum=0),
        "resolution": _field(Attribution, "resolution", nullable=True),
        "resolver": _field(Attribution, "resolver"),
        "speaker_id": _speaker_ref(),
        "continues": dict(_field(Attribution, "continues")),
        "cue_class": _field(Attribution, "cue_class"),
        "channel": _field(Attribution, "channel"),
        "unresolved_mention": _field(Attribution, "mention"),
        "part": _field(Quote, "part"),
        "part_of": dict(_field(Quote, "part_of")),
        "flags": {"type": "array", "items": {"enum": sorted(QUOTE_FLAGS)}},
        # derived from the flags (quotetrack.confidence.span_confidence), not a model field
        "span_confidence": {"anyOf": [{"type": "number", "minimum": 0, "maximum": 1}, _NULL]},
    }
    return _object(properties)


def _claim_schema(with_speaker_name: bool) -> dict[str, Any]:
    schema = _from_class(Claim, {"asserted_by": ("speaker_id", _speaker_ref())})
    if with_speaker_name:  # the document line names the speaker, as it has no speaker list
        schema["properties"]["speaker"] = {"anyOf": [_field(Speaker, "name"), _NULL]}
        schema["required"].append("speaker")
    return schema


def _defs() -> dict[str, Any]:
    return {
        "Span": _span_schema(),
        "Speaker": _from_class(Speaker),
        "QuoteSpeaker": _quote_speaker_schema(),
        "Quote": _quote_schema(),
        "Diagnostic": _from_class(Diagnostic),
        "NonStatement": _from_class(NonStatement, {"speaker": ("speaker_id", _speaker_ref())}),
        "Quantity": _from_class(Quantity),
        "Claim": _claim_schema(with_speaker_name=False),
        "LineClaim": _claim_schema(with_speaker_name=True),
    }


def _id_schema() -> dict[str, Any]:
    return _field(ParseResult, "id")


def result_schema() -> dict[str, Any]:
    """The schema of a full result (`quotetrack.serialize.result_to_dict`)."""
    properties = {}
    for field in attrs.fields(ParseResult):
        properties[field.name] = _field(ParseResult, field.name)
    return {
        "$schema": DRAFT,
        "title": "quotetrack result",
        "description": "Everything quotetrack found in one document (--format json, to_json).",
        **_object(properties, optional=("non_statements", "claims", "meta")),
        "$defs": _defs(),
    }


def document_line_schema() -> dict[str, Any]:
    """The schema of one line of ``quotetrack extract`` (--format jsonl): a result or an
    error record."""
    result_line = _object(
        {
            "id": _id_schema(),
            "meta": _field(ParseResult, "meta"),
            "quotes": _field(ParseResult, "quotes"),
            "claims": {"type": "array", "items": {"$ref": "#/$defs/LineClaim"}},
        },
        optional=("meta", "claims"),
    )
    error_line = _object(
        {"id": {"type": "string"}, "meta": {"type": "object"}, "error": {"type": "string"}},
        optional=("meta",),
    )
    return {
        "$schema": DRAFT,
        "title": "quotetrack document line",
        "description": "One line of quotetrack extract --format jsonl: the quotes of one "
        "document, or the error that kept it from being parsed.",
        "oneOf": [result_line, error_line],
        "$defs": _defs(),
    }
