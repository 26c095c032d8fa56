"""Per-pattern fixtures: quotation mark styles, apostrophes, paragraphs, kinds, sieves, speakers.

The articles live in ``fixtures/patterns.json`` as ``{label, comment, text, expect}``; each
expected quote names its ``quote_text`` (marks included), ``kind``, ``speaker_name`` (or null), the
``sieve`` that attributes it (or null: no attribution), and optionally ``resolution`` and
``speaker_kind``. Every rule of the quotation family decides at least one of them. A case the
parser gets wrong today carries an ``xfail`` reason and runs as a strict expected failure.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quotetrack
from quotetrack import Part, QuoteKind, Resolution, SpeakerKind
from quotetrack.parser import RULE_FAMILIES

FIXTURE = Path(__file__).parent / "fixtures" / "patterns.json"
PATTERNS = json.loads(FIXTURE.read_text(encoding="utf-8"))
REQUIRED = {"quote_text", "kind", "speaker_name", "sieve"}
OPTIONAL = {"resolution", "speaker_kind"}


def _param(case):
    marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if "xfail" in case else []
    return pytest.param(case, id=case["label"], marks=marks)


CASES = [_param(case) for case in PATTERNS]


def quoted(result):
    """The quotations of a result (reported speech without marks is left out)."""
    return [q for q in result.quotes if q.kind != QuoteKind.INDIRECT]


# --------------------------------------------------------------------------- the fixture file


def test_fixture_file_is_well_formed():
    """Labels are unique and every case and expectation has exactly the documented keys."""
    labels = [case["label"] for case in PATTERNS]
    assert len(labels) == len(set(labels))
    for case in PATTERNS:
        assert set(case) - {"xfail"} == {"label", "comment", "text", "expect"}, case["label"]
        assert case["comment"].strip()
        for exp in case["expect"]:
            assert REQUIRED <= set(exp) <= REQUIRED | OPTIONAL, case["label"]
            QuoteKind(exp["kind"])
            if "resolution" in exp:
                Resolution(exp["resolution"])
            if "speaker_kind" in exp:
                SpeakerKind(exp["speaker_kind"])


def test_every_quotation_rule_has_a_pattern():
    """Every rule of the quotation family (the sieves and quote_part) is the expected sieve of at
    least one pattern, and no pattern names a rule outside it."""
    sieves = {exp["sieve"] for case in PATTERNS for exp in case["expect"]} - {None}
    assert sieves == set(RULE_FAMILIES["quotation"])


@pytest.mark.parametrize("case", PATTERNS, ids=[c["label"] for c in PATTERNS])
def test_expected_quote_text_occurs_in_text(case):
    """Every expected quote_text is written, once, in its fixture's text."""
    for exp in case["expect"]:
        assert case["text"].count(exp["quote_text"]) == 1, exp["quote_text"]


# --------------------------------------------------------------------------- the patterns


@pytest.mark.parametrize("case", CASES)
def test_pattern(case):
    """The parser finds exactly the expected quotations, with their kinds, speakers and rules."""
    text = case["text"]
    result = quotetrack.parse(text)
    got = quoted(result)
    assert [q.text for q in got] == [e["quote_text"] for e in case["expect"]]
    for quote, exp in zip(got, case["expect"]):
        assert quote.span.start == text.index(exp["quote_text"])
        assert quote.kind.value == exp["kind"], quote
        if exp["speaker_name"] is None:
            assert quote.speaker is None, quote
        else:
            assert quote.speaker is not None, quote
            assert quote.speaker.name == exp["speaker_name"]
        assert (quote.attribution.sieve if quote.attribution else None) == exp["sieve"], quote
        if "resolution" in exp:
            assert quote.attribution.resolution.value == exp["resolution"]
        if "speaker_kind" in exp:
            assert quote.speaker.kind.value == exp["speaker_kind"]


# --------------------------------------------------------------------------- marks in detail

INTRO = "Luis Ortega, who runs the bakery on Mill Street, opened early.\n\n"


def test_multi_paragraph_quote_is_two_parts():
    """A quote re-opened in the next paragraph is one Quote per paragraph, the second a part of
    the first, both with the speaker of the cue after the last part."""
    text = INTRO + "\u201cBread sold out by nine.\n\n\u201cWe baked twice as much,\u201d he said."
    first, last = quotetrack.parse(text).quotes
    assert first.text == "\u201cBread sold out by nine."
    assert last.text == "\u201cWe baked twice as much,\u201d"
    assert (first.part, last.part, last.part_of) == (Part.FIRST, Part.LAST, 0)
    assert (first.paragraph, last.paragraph) == (1, 2)
    assert first.speaker.name == last.speaker.name == "Luis Ortega"
    assert first.attribution.sieve == "quote_part"
    assert first.attribution.continues == 1


def test_part_after_an_attributed_quote_keeps_its_mention():
    """A first part that goes on from an attributed quote in its own paragraph takes the speaker
    of the part with the cue, and keeps the mention of the quote it goes on from (the speaker
    named nearest it), as a continuation would."""
    text = ("Omar Diaz runs the shelter.\n\n\"The beds filled by ten,\" he said. "
            "\"People queued in the rain.\n\n\"We turned some away,\" he said.")
    first, part, last = quotetrack.parse(text).quotes
    assert part.attribution.sieve == "quote_part"
    assert part.attribution.continues == 2
    assert part.attribution.mention == first.attribution.mention
    assert part.speaker.name == last.speaker.name == "Omar Diaz"


def test_part_with_no_neighbour_has_no_mention():
    """A part of a multi-paragraph quotation with no attributed quote before it names no mention
    of its own: only the speaker of the part with the cue."""
    text = INTRO + "\u201cBread sold out by nine.\n\n\u201cWe baked twice as much,\u201d he said."
    first, _ = quotetrack.parse(text).quotes
    assert first.attribution.mention is None


def test_three_paragraph_quote_is_three_parts():
    """Two unclosed paragraphs, each re-opened, then a closing one: three parts of one
    quotation, and no diagnostic."""
    text = INTRO + "\u201cOne.\n\n\u201cTwo.\n\n\u201cThree,\u201d he said."
    result = quotetrack.parse(text)
    assert [q.text for q in result.quotes] == ["\u201cOne.", "\u201cTwo.", "\u201cThree,\u201d"]
    assert [q.part for q in result.quotes] == [Part.FIRST, Part.MIDDLE, Part.LAST]
    assert result.diagnostics == ()


def test_unclosed_quote_gives_a_diagnostic_and_the_rest_parses():
    """An opening mark never closed is an "unclosed-quote" diagnostic; later quotes still parse."""
    text = (INTRO + "\u201cWe open at six, he said.\n\n"
            "The queue formed early. \u201cEverything went,\u201d said Ana Silva.")
    result = quotetrack.parse(text)
    codes = [d.code for d in result.diagnostics]
    assert codes == ["unclosed-quote"]
    diag = result.diagnostics[0]
    assert diag.span.start == text.index("\u201cWe open")
    assert diag.span.text == "\u201c"
    last = result.quotes[-1]
    assert last.text == "\u201cEverything went,\u201d"
    assert last.speaker.name == "Ana Silva"


def test_unclosed_quote_at_the_end_of_the_text():
    """A quote still open when the text ends is reported, not raised."""
    text = "Ana Silva spoke. \u201cWe open at six"
    result = quotetrack.parse(text)
    assert [d.code for d in result.diagnostics] == ["unclosed-quote"]
    assert result.diagnostics[0].span.start == text.index("\u201c")


def test_stray_closing_mark_gives_a_diagnostic():
    """A closing mark with nothing open is a "stray-closing-mark" diagnostic at that mark."""
    text = "The shop opened at six.\u201d Then \u201cEverything went,\u201d said Ana Silva."
    result = quotetrack.parse(text)
    assert [d.code for d in result.diagnostics] == ["stray-closing-mark"]
    assert result.diagnostics[0].span.start == text.index("\u201d")
    assert [q.text for q in result.quotes] == ["\u201cEverything went,\u201d"]
    assert result.quotes[0].speaker.name == "Ana Silva"


@pytest.mark.parametrize("middle", [". ", ", "], ids=["full-stop", "comma"])
def test_split_quote_parts_share_one_speaker(middle):
    """“A,” she said. “B.” and “A,” she said, “B.” give both parts the same Speaker object."""
    text = ("Ana Silva runs the shop.\n\n\u201cEverything went,\u201d she said" + middle
            + "\u201cWe will bake more tomorrow.\u201d")
    first, second = quotetrack.parse(text).quotes
    assert first.speaker is not None
    assert first.speaker.name == "Ana Silva"
    assert second.speaker == first.speaker


def test_apostrophes_alone_give_no_quotes_and_no_diagnostics():
    """don’t, ’90s, Ortagus’ push and rock 'n' roll are apostrophes: no quote, no diagnostic."""
    text = ("They don\u2019t miss the \u201990s. Ortagus\u2019 push for rock 'n' roll "
            "and the players' union went nowhere.")
    result = quotetrack.parse(text)
    assert result.quotes == ()
    assert result.diagnostics == ()


def test_apostrophes_inside_words_are_no_marks_but_quotes_around_them_still_pair():
    from quotetrack.rules.marks import _marks

    text = "'Iraq's people don't know,' he said."
    found = _marks(text)
    assert found == [(0, "'"), (text.index(",'") + 1, "'")]
    curly = "the \u2018nation\u2019s\u2019 fate"
    assert _marks(curly) == [(4, "\u2018"), (curly.index("s\u2019") + 1, "\u2019")]
    quotes = quotetrack.parse(text).quotes
    assert [q.span.text for q in quotes] == ["'Iraq's people don't know,'"]


@settings(deadline=None, max_examples=300)
@given(st.text(alphabet=st.one_of(st.characters(), st.sampled_from(list(
    "`\"'\u201c\u201d\u201e\u201f\u00ab\u00bb\u2018\u2019\u201a\u201b\u2039\u203a a"))),
    max_size=60))
def test_mark_positions_are_every_mark_character_in_order(text):
    import re

    from quotetrack.rules.marks import _MARK_CHARS, _mark_positions

    every = re.compile("[" + re.escape(_MARK_CHARS) + "]")
    assert _mark_positions(text) == [m.start() for m in every.finditer(text)]
