"""Acceptance on the founding article: every direct and mixed quote, its speaker and provenance."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

import quotetrack
from quotetrack import QuoteKind, Resolution
from quotetrack.rules.attribution import SIEVE_NAMES

FIXTURE = Path(__file__).parent / "fixtures" / "seed.jsonl"
SEED = json.loads(FIXTURE.read_text(encoding="utf-8").splitlines()[0])
TEXT: str = SEED["text"]
GOLD = [g for g in SEED["quotes"] if g["kind"] in ("direct", "mixed")]
RESULT = quotetrack.parse(TEXT)
QUOTED = (QuoteKind.DIRECT, QuoteKind.MIXED)


def norm(name) -> str:
    """A name as compared: NFKC, straight apostrophes, case-folded, no leading determiner."""
    n = unicodedata.normalize("NFKC", name or "").replace("\u2019", "'").casefold().strip()
    n = re.sub(r"'s\Z", "", n)
    n = re.sub(r"\A(the|a|an|one) ", "", n)
    return " ".join(n.split()).strip(" .,")


def found(gold):
    """The direct or mixed quote of the parse that overlaps the gold span, or None."""
    hits = [
        q for q in RESULT.quotes
        if q.kind in QUOTED and min(q.span.end, gold["end"]) > max(q.span.start, gold["start"])
    ]
    return hits[0] if len(hits) == 1 else None


def gold_quote(fragment: str):
    (gold,) = [g for g in GOLD if fragment in g["text"]]
    quote = found(gold)
    assert quote is not None, f"no quote found for {gold['text'][:50]!r}"
    return gold, quote


def gold_id(gold) -> str:
    return re.sub(r"\W+", "-", gold["text"][1:30]).strip("-").lower()


def test_fixture_is_the_founding_article():
    """The fixture holds 13 direct or mixed gold quotes whose spans slice the text exactly."""
    assert len(GOLD) == 13
    for g in SEED["quotes"]:
        assert TEXT[g["start"]:g["end"]] == g["text"]


@pytest.mark.parametrize("gold", GOLD, ids=gold_id)
def test_gold_quote_is_found(gold):
    """Each gold direct/mixed quote is overlapped by exactly one direct or mixed quote."""
    assert found(gold) is not None


@pytest.mark.parametrize("gold", GOLD, ids=gold_id)
def test_gold_quote_kind(gold):
    """Each found quote has the gold kind (direct stays direct, an embedded fragment is mixed)."""
    assert found(gold).kind.value == gold["kind"]


@pytest.mark.parametrize("gold", GOLD, ids=gold_id)
def test_speaker_name(gold):
    """Each quote's speaker is the gold speaker name or one of its aliases, after normalising."""
    quote = found(gold)
    assert quote.speaker is not None
    accepted = {norm(gold["speaker_name"])} | {norm(a) for a in gold["speaker_aliases"]}
    assert norm(quote.speaker.name) in accepted


@pytest.mark.parametrize("gold", [g for g in GOLD if g["speaker_start"] is not None], ids=gold_id)
def test_speaker_mention_overlaps_gold(gold):
    """Where the gold names a speaker mention, the attribution's mention overlaps it."""
    mention = found(gold).attribution.mention
    assert mention is not None
    assert min(mention.end, gold["speaker_end"]) > max(mention.start, gold["speaker_start"])


@pytest.mark.parametrize("gold", GOLD, ids=gold_id)
def test_every_quote_records_its_sieve(gold):
    """Each attribution names the sieve that made it, one of the parser's known sieves."""
    attribution = found(gold).attribution
    assert attribution is not None
    assert attribution.sieve in SIEVE_NAMES


def test_she_is_randa_slim_by_pronoun():
    """"she said" after the Slim paragraph resolves to Randa Slim through the pronoun."""
    _, quote = gold_quote("The impression here")
    assert quote.attribution.mention.text == "she"
    assert quote.attribution.resolution is Resolution.PRONOUN
    assert quote.speaker.name == "Randa Slim"


def test_slim_is_randa_slim_by_surname():
    """"said Slim" resolves to Randa Slim by surname and is the same speaker as before."""
    _, quote = gold_quote("If there is another military escalation")
    _, first = gold_quote("take sides")
    assert quote.attribution.mention.text == "Slim"
    assert quote.attribution.resolution is Resolution.SURNAME
    assert quote.speaker.name == "Randa Slim"
    assert quote.speaker.id == first.speaker.id


def test_he_is_hassan_al_rubaie():
    """"he said" resolves to Hassan Al-Rubaie, named two sentences earlier, by pronoun."""
    _, quote = gold_quote("We\u2019ve lost hundreds of martyrs")
    assert quote.attribution.mention.text == "he"
    assert quote.attribution.resolution is Resolution.PRONOUN
    assert quote.speaker.name == "Hassan Al-Rubaie"


@pytest.mark.parametrize("fragment", ["Then Soleimani dies", "We need politicians"])
def test_unattributed_continuations(fragment):
    """The two quotes with no cue of their own continue Al-Rubaie, with sieve "continuation"."""
    _, quote = gold_quote(fragment)
    _, previous = gold_quote("We\u2019ve lost hundreds of martyrs")
    assert quote.attribution.resolution is Resolution.CONTINUATION
    assert quote.attribution.sieve == "continuation"
    assert quote.attribution.cue is None
    assert quote.speaker.id == previous.speaker.id
    assert quote.speaker.name == "Hassan Al-Rubaie"
    continued = RESULT.quotes[quote.attribution.continues]
    assert continued.speaker.id == previous.speaker.id
    assert continued.span.start < quote.span.start


def test_anonymous_diplomat_is_one_speaker():
    """The diplomat's two quotes share one Speaker, anonymous, with the anonymity clause."""
    _, first = gold_quote("In private [they]")
    _, second = gold_quote("to make sure that the gains")
    assert first.speaker is not None
    assert first.speaker.id == second.speaker.id
    assert first.speaker == second.speaker
    assert first.speaker.anonymous is True
    assert "condition of anonymity" in first.speaker.anonymity_reason
    assert second.attribution.resolution is Resolution.ROLE_NOUN
    assert first.speaker in RESULT.speakers


def test_ortagus_title_and_affiliation():
    """Morgan Ortagus is a spokeswoman of the State Department."""
    _, quote = gold_quote("At this time, any delegation")
    assert quote.speaker.name == "Morgan Ortagus"
    assert quote.speaker.title == "spokeswoman"
    assert quote.speaker.affiliation == "State Department"
    assert quote.attribution.cue.text == "said"


def test_slim_title_and_affiliation():
    """Randa Slim is a director at the Middle East Institute (from the appositive)."""
    _, quote = gold_quote("take sides")
    assert quote.speaker.title == "director"
    assert "Middle East Institute" in quote.speaker.affiliation


def test_zahraa_is_a_student():
    """Zahraa, 21, a student: the age is skipped and the title is "student"."""
    _, quote = gold_quote("We reject Iran")
    assert quote.speaker.name == "Zahraa"
    assert quote.speaker.title == "student"


def test_speakers_are_the_result_speakers():
    """Every quote's speaker is one of ParseResult.speakers, and speaker ids are unique."""
    ids = [s.id for s in RESULT.speakers]
    assert len(ids) == len(set(ids))
    for quote in RESULT.quotes:
        if quote.speaker is not None:
            assert quote.speaker in RESULT.speakers
