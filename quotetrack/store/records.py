"""Frozen records the store returns: the engine's own `Quote` and `Speaker`, with where they
were published, plus people, traces, verdicts and ingest reports."""

from __future__ import annotations

from typing import Any, Optional

import attrs

from ..batch import DocumentError
from ..claims_model import Claim
from ..model import Quote
from .textmatch import Diff

__all__ = [
    "Appearance",
    "IngestReport",
    "Person",
    "StoredClaim",
    "StoredDocument",
    "StoredQuote",
    "Trace",
    "Verdict",
    "VerifyMatch",
]


@attrs.frozen(kw_only=True)
class StoredDocument:
    """One document as the store keeps it (its current version)."""

    doc_id: str
    hash: str
    version: int
    url: Optional[str] = None
    outlet: Optional[str] = None
    published_at: Optional[str] = None
    meta: dict = attrs.field(factory=dict, eq=False, hash=False)
    ingested_at: str = ""
    quotes: int = 0


@attrs.frozen(kw_only=True)
class StoredQuote:
    """A quote in the store: the engine's `Quote` (spans into its document's text), the
    document it stands in, and the person and cluster the store linked it to."""

    id: int
    quote: Quote
    doc_id: str
    url: Optional[str] = None
    outlet: Optional[str] = None
    published_at: Optional[str] = None
    person_id: Optional[int] = None
    person: Optional[str] = None
    cluster: Optional[int] = None

    def as_dict(self) -> dict[str, Any]:
        q = self.quote
        att = q.attribution
        speaker = q.speaker
        return {
            "quote_id": self.id,
            "doc_id": self.doc_id,
            "url": self.url,
            "outlet": self.outlet,
            "published_at": self.published_at,
            "start": q.span.start,
            "end": q.span.end,
            "text": q.content.text,
            "kind": q.kind.value,
            "speaker": speaker.name if speaker else None,
            "person_id": self.person_id,
            "person": self.person,
            "title": speaker.title if speaker else None,
            "affiliation": speaker.affiliation if speaker else None,
            "anonymous": speaker.anonymous if speaker else None,
            "cue": att.cue.text if att and att.cue else None,
            "cue_class": att.cue_class if att else None,
            "sieve": att.sieve if att else None,
            "cluster": self.cluster,
        }


@attrs.frozen(kw_only=True)
class Person:
    """A speaker linked across documents: names, quote count, and every title and affiliation
    seen, each with the document and date that show it."""

    id: int
    name: str
    kind: str
    anonymous: bool
    quotes: int = 0
    documents: int = 0
    names: tuple[str, ...] = ()
    #: (title, affiliation, doc_id, published_at) as seen, earliest first
    roles: tuple[tuple[Optional[str], Optional[str], str, Optional[str]], ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "person_id": self.id,
            "name": self.name,
            "kind": self.kind,
            "anonymous": self.anonymous,
            "quotes": self.quotes,
            "documents": self.documents,
            "names": list(self.names),
            "roles": [
                {"title": t, "affiliation": a, "doc_id": d, "published_at": p}
                for t, a, d, p in self.roles
            ],
        }


@attrs.frozen(kw_only=True)
class StoredClaim:
    """A numeric claim in the store, with who asserts it (the person, when there is one)."""

    claim: Claim
    doc_id: str
    person_id: Optional[int] = None
    person: Optional[str] = None
    published_at: Optional[str] = None

    def as_dict(self) -> dict[str, Any]:
        q = self.claim.quantity
        return {
            "doc_id": self.doc_id,
            "published_at": self.published_at,
            "person_id": self.person_id,
            "person": self.person,
            "start": self.claim.span.start,
            "end": self.claim.span.end,
            "text": self.claim.span.text,
            "value": q.value,
            "low": q.low,
            "high": q.high,
            "qualifier": q.qualifier.value,
            "unit": q.unit,
            "source": self.claim.source.value,
            "rule": self.claim.rule,
        }


@attrs.frozen(kw_only=True)
class Appearance:
    """One appearance of a traced quote: where, who the article gives it to, and how its words
    differ from the earliest appearance (``relation`` is ``earliest`` for that one)."""

    quote: StoredQuote
    relation: str
    diff: Diff = attrs.field(factory=Diff)
    seq: int = 0

    def as_dict(self) -> dict[str, Any]:
        data = self.quote.as_dict()
        data["relation"] = self.relation
        data["diff"] = self.diff.as_dict()
        data["ingest_order"] = self.seq
        return data


@attrs.frozen(kw_only=True)
class Trace:
    """Every appearance of one statement, earliest first.

    Appearances are sorted by ``published_at``; those without a date come after the dated ones
    in ingest order, and ``dates_missing`` says so. ``attributed_to`` lists every distinct
    speaker name the articles give: more than one is what a fact-checker must look at.
    """

    cluster: int
    appearances: tuple[Appearance, ...]
    dates_missing: bool

    @property
    def earliest(self) -> Appearance:
        return self.appearances[0]

    @property
    def attributed_to(self) -> tuple[str, ...]:
        names = [a.quote.person or (a.quote.quote.speaker.name if a.quote.quote.speaker else None)
                 for a in self.appearances]
        return tuple(dict.fromkeys(n for n in names if n))

    def as_dict(self) -> dict[str, Any]:
        return {
            "cluster": self.cluster,
            "dates_missing": self.dates_missing,
            "order": "published_at, then ingest order" if self.dates_missing else "published_at",
            "attributed_to": list(self.attributed_to),
            "appearances": [a.as_dict() for a in self.appearances],
        }


@attrs.frozen(kw_only=True)
class VerifyMatch:
    """Where a checked text was found: the source quote, the best-matching span of the source
    document (character offsets into its text), the status and the word diff."""

    status: str
    doc_id: Optional[str]
    start: int
    end: int
    source_text: str
    similarity: float
    diff: Diff
    speaker: Optional[str] = None
    speaker_kind: Optional[str] = None
    quote_start: int = 0
    quote_end: int = 0
    url: Optional[str] = None
    published_at: Optional[str] = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "doc_id": self.doc_id,
            "start": self.start,
            "end": self.end,
            "source_text": self.source_text,
            "similarity": round(self.similarity, 4),
            "diff": self.diff.as_dict(),
            "speaker": self.speaker,
            "quote_start": self.quote_start,
            "quote_end": self.quote_end,
            "url": self.url,
            "published_at": self.published_at,
        }


@attrs.frozen(kw_only=True)
class Verdict:
    """The answer to "was this said?".

    ``status``: ``exact``, ``normalized``, ``fragment``, ``altered`` or ``not_found``.
    ``attribution`` (when a speaker was asked about): ``speaker`` (the source gives it to that
    person), ``someone_else`` (to the people in ``attributed_to``) or ``no_one``, judged on
    the best matches. ``speaker_status`` is the closest status among the matches the source
    gives to the asked speaker (``altered`` when only an altered wording is theirs), or None.
    ``matches`` lists the best matches first, then the weaker ones.
    """

    text: str
    status: str
    matches: tuple[VerifyMatch, ...] = ()
    asked_speaker: Optional[str] = None
    attribution: Optional[str] = None
    attributed_to: tuple[str, ...] = ()
    speaker_status: Optional[str] = None

    @property
    def found(self) -> bool:
        return self.status != "not_found"

    def as_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "status": self.status,
            "asked_speaker": self.asked_speaker,
            "attribution": self.attribution,
            "attributed_to": list(self.attributed_to),
            "speaker_status": self.speaker_status,
            "matches": [m.as_dict() for m in self.matches],
        }


@attrs.frozen(kw_only=True)
class IngestReport:
    """What an ingest did: every input document is counted exactly once."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    quotes: int = 0
    errors: tuple[DocumentError, ...] = ()

    @property
    def documents(self) -> int:
        return self.added + self.replaced + self.unchanged + len(self.errors)

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "added": self.added,
            "replaced": self.replaced,
            "unchanged": self.unchanged,
            "quotes": self.quotes,
            "failed": len(self.errors),
            "errors": [{"id": e.id, "error": e.message} for e in self.errors],
        }
