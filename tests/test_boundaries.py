"""Quote boundaries on text as people have it: lost paragraph breaks, unclosed and stray marks,
single-quoting styles, hard-wrapped lines, backwards and doubled marks.

The articles live in ``fixtures/boundaries.json`` as ``{label, comment, text, expect}``; each
expected quotation (reported speech without marks is left out) names its ``quote_text``,
``kind``, ``speaker_name``, multi-paragraph ``part`` and recovery ``flags``.
"""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import quotetrack
from quotetrack import Part, QuoteKind
from quotetrack.rules.marks import FLAGS
from quotetrack.text import fold, hard_wrapped, paragraph_spans

FIXTURE = Path(__file__).parent / "fixtures" / "boundaries.json"
CASES = json.loads(FIXTURE.read_text(encoding="utf-8"))


def quoted(result):
    return [q for q in result.quotes if q.kind != QuoteKind.INDIRECT]


def test_fixture_file_is_well_formed():
    """Labels are unique, every expectation has the documented keys, every flag is known and
    every expected quote_text is written once in its text."""
    labels = [c["label"] for c in CASES]
    assert len(labels) == len(set(labels))
    for case in CASES:
        assert set(case) == {"label", "comment", "text", "expect"}, case["label"]
        for exp in case["expect"]:
            assert set(exp) == {"quote_text", "kind", "speaker_name", "part", "flags"}
            assert set(exp["flags"]) <= set(FLAGS), exp
            assert case["text"].count(exp["quote_text"]) == 1, exp["quote_text"]


@pytest.mark.parametrize("case", CASES, ids=[c["label"] for c in CASES])
def test_boundary_pattern(case):
    """The parser finds exactly the expected quotations, with their kinds, speakers, parts and
    flags; a later part points at the first part of its quotation."""
    text = case["text"]
    result = quotetrack.parse(text)
    got = quoted(result)
    assert [q.text for q in got] == [e["quote_text"] for e in case["expect"]]
    for quote, exp in zip(got, case["expect"]):
        assert quote.span.start == text.index(exp["quote_text"])
        assert quote.kind.value == exp["kind"], quote
        name = quote.speaker.name if quote.speaker else None
        assert name == exp["speaker_name"], quote
        assert (quote.part.value if quote.part else None) == exp["part"], quote
        assert list(quote.flags) == exp["flags"], quote
        if quote.part in (Part.MIDDLE, Part.LAST):
            first = result.quotes[quote.part_of]
            assert first.part == Part.FIRST
            assert first.span.start < quote.span.start


def test_unclosed_quote_is_flagged_and_diagnosed():
    """A quote that never closes carries the flag and an unclosed-quote diagnostic at its
    opening mark, and ends with its last sentence, before the attribution that follows."""
    text = 'Judge Ada Roe said: "The appeal fails. It fails on every ground. The lawyers said they would appeal again.'
    result = quotetrack.parse(text)
    (quote,) = [q for q in result.quotes if q.kind == QuoteKind.DIRECT]
    assert quote.flags == ("unclosed",)
    assert quote.text.endswith("every ground.")
    (diag,) = [d for d in result.diagnostics if d.code == "unclosed-quote"]
    assert diag.span.start == quote.span.start


def test_quotations_join_the_parts():
    """ParseResult.quotations() gives one Quotation per multi-paragraph quotation, with its
    parts in order and the words of all of them."""
    text = ('Ines Varga spoke after the vote. She said: "The pier will be rebuilt.\n\n'
            '"Nobody will lose a mooring," she added.\n\n"Good," said Tom Hale.')
    result = quotetrack.parse(text)
    joined = [q for q in result.quotations() if q.parts[0].kind != QuoteKind.INDIRECT]
    assert [len(q.parts) for q in joined] == [2, 1]
    assert joined[0].text == "The pier will be rebuilt. Nobody will lose a mooring,"
    assert joined[0].speaker.name == "Ines Varga"
    assert joined[1].speaker.name == "Tom Hale"


def test_disabling_the_part_step_leaves_parts_to_the_sieves():
    """Without the quote_part step (and the look-back sieves that would read the sentence
    before) a first part with no attribution of its own stays unattributed; with it, it takes
    the speaker of the last part."""
    text = 'Tomas Reyes runs the shelter.\n\n"We had forty people.\n\n"That is twice the plan," Mr Reyes said.'
    sieves = tuple(n for n in quotetrack.parser.RULE_NAMES
                   if n not in ("quote_part", "lead_in", "narration_subject"))
    first = quotetrack.Parser(sieves=sieves).parse(text).quotes[0]
    assert first.part == Part.FIRST and first.speaker is None
    first = quotetrack.Parser(sieves=sieves + ("quote_part",)).parse(text).quotes[0]
    assert first.speaker.name == "Tomas Reyes"
    assert first.attribution.sieve == "quote_part"


# --------------------------------------------------------------------------- hard wrapping


def test_hard_wrapped_detection():
    """Wrapped lines are recognised by their mid-sentence breaks; one paragraph per line, and a
    list of short items, are not wrapped."""
    para = ("The harbour board met on Monday to discuss the future of the old pier, which has "
            "been closed to the public since a storm damaged its supports two winters ago. ")
    wrapped = "\n\n".join(textwrap.fill(para * 2, 64) for _ in range(3))
    assert 50 < hard_wrapped(fold(wrapped), _lines(wrapped)) <= 64
    unwrapped = "\n".join(para.strip() for _ in range(6))
    assert hard_wrapped(unwrapped, _lines(unwrapped)) == 0
    listing = "The plan:\n" + "\n".join(f"- item number {i} on the list" for i in range(8))
    assert hard_wrapped(listing, _lines(listing)) == 0
    # a wrapped text without blank lines: a short line ends its paragraph
    no_blank = ("The harbour board met on Monday to discuss the future of the\n"
                "old pier, which has been closed to the public since a storm\n"
                "damaged its supports two winters ago.\n"
                "The board will meet again in March, when the engineers bring\n"
                "their report on the state of the supports and the cost of the\n"
                "repairs.\n")
    assert [no_blank[s:e].count("\n") for s, e in paragraph_spans(fold(no_blank))] == [2, 2]
    # one wrapped paragraph among lines that fit: filled to the width, broken inside a sentence
    one = ("The board met on Monday.\n\n"
           '"We have the money and the support of the town," said\n'
           "Ines Varga, who chairs the board.\n\nThe vote is in March.")
    assert hard_wrapped(fold(one), _lines(one)) == 53
    # a headline above a paragraph of one long line, and a break after a short line: not wrapped
    headline = ("Harbour board votes to rebuild the old pier\n" + para * 2 + "\n\n" + para)
    assert hard_wrapped(headline, _lines(headline)) == 0
    short = ("The board met on Monday and the vote is in\n"
             "March, when the engineers bring their report on the state of the supports.")
    assert hard_wrapped(short, _lines(short)) == 0


def _lines(text):
    from quotetrack.text import _lines as lines
    return lines(text)


NAMES = ["Ines Varga", "Tomas Reyes", "Dana Whitfield", "Owen Blake", "Priya Nair"]
SENTENCES = [
    "The pier will be rebuilt by the spring of next year, whatever the weather does.",
    "We have the money and we have the support of the town.",
    "Nobody who keeps a boat here will lose their mooring.",
    "The work starts as soon as the last storm of the winter has passed and the divers have "
    "checked every one of the old supports.",
    "It is the biggest project the board has taken on.",
    "Ask anyone on the quay.",
]


@st.composite
def articles(draw):
    """An article of paragraphs, each a quotation with its attribution or narration."""
    paras = []
    for _ in range(draw(st.integers(3, 6))):
        name = draw(st.sampled_from(NAMES))
        said = " ".join(draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=3)))
        form = draw(st.integers(0, 2))
        if form == 0:
            paras.append(f'"{said[:-1]}," said {name}, who chairs the board.')
        elif form == 1:
            paras.append(f'{name}, who chairs the board, said: "{said}"')
        else:
            paras.append(f"{name} chairs the board. {said}")
    return paras


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles(), st.integers(60, 80))
# one wrapped paragraph whose second break falls at a sentence end ("… the quay.\nAsk …")
@example(paras=[
    '"The work starts as soon as the last storm of the winter has passed and the divers have '
    'checked every one of the old supports. Ask anyone on the quay. Ask anyone on the quay," '
    'said Ines Varga, who chairs the board.',
    *['"Ask anyone on the quay," said Ines Varga, who chairs the board.'] * 4,
], width=75)
# a single wrapped line in the article, broken before the speaker's name ("said\nInes Varga")
@example(paras=[
    "Tomas Reyes chairs the board. Ask anyone on the quay.",
    '"We have the money and we have the support of the town," said Ines Varga, who chairs '
    'the board.',
    "Owen Blake chairs the board. Ask anyone on the quay.",
], width=61)
def test_hard_wrapping_keeps_quotes_and_speakers(paras, width):
    """The same article hard-wrapped at the usual widths (paragraphs between blank lines) gives
    the same quotations, words and speakers as the article with one paragraph per line."""
    plain = "\n\n".join(paras)
    wrapped = "\n\n".join(textwrap.fill(p, width, break_on_hyphens=False) for p in paras)

    def seen(text):
        return [(q.kind, " ".join(q.content.text.split()), q.speaker.name if q.speaker else None)
                for q in quotetrack.parse(text).quotes if q.kind != QuoteKind.INDIRECT]

    assert seen(wrapped) == seen(plain)


# --------------------------------------------------------------------------- properties

_CLOSE_THEN_TEXT = re.compile(r'(?<=\S)["\u201d](?=[\s.,;:!?)])(?=.*[A-Za-z])', re.S)


def _swallows(quote) -> bool:
    """The quote holds a closing-shaped double mark followed by more words."""
    inner = quote.content.text
    return _CLOSE_THEN_TEXT.search(inner) is not None


PIECES = st.sampled_from([
    '"', '"', "\u201c", "\u201d", "'", "\u2018", "\u2019", ". ", ", ", " said Ann Lee. ",
    "he said", "We will win", " the plan ", "\n\n", "\n", "It is over.", "  ", '" ', ' "', '."',
])


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join))
# a quotation nested in a double one that an unclosed apostrophe stands before
@example(text='\'\u201c the plan """ said Ann Lee. \n\n\u201c')
def test_no_unflagged_quote_swallows_text(text):
    """In text dense in marks, no quote holds a closing mark followed by more words unless it
    is flagged as recovered (nested, unclosed, …)."""
    for quote in quotetrack.parse(text).quotes:
        if quote.kind != QuoteKind.INDIRECT and not quote.flags:
            assert not _swallows(quote), (text, quote.text)


@settings(max_examples=200, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join))
def test_parts_are_well_formed(text):
    """Every later part points at an earlier first part with the same speaker; no part runs
    over a paragraph break of unwrapped text; every flag is a known one."""
    result = quotetrack.parse(text)
    for i, quote in enumerate(result.quotes):
        assert set(quote.flags) <= set(FLAGS)
        if quote.part in (Part.MIDDLE, Part.LAST):
            assert quote.part_of is not None and quote.part_of < i
            first = result.quotes[quote.part_of]
            assert first.part == Part.FIRST
            assert (first.speaker is None) == (quote.speaker is None) or first.speaker == quote.speaker
        else:
            assert quote.part_of is None
        if quote.part is not None:
            assert "\n\n" not in quote.span.text


# A text that quotes speech in double marks writes terms in single ones: a single-quoted
# stretch inside a sentence there is no quotation of anyone (BBC-ANNOTATION: neither).
_TERMS = (
    'The minister said the rules were "fair and overdue".\n\n'
    "Shoppers have been slow to take up the new 'tap and go' cards, the bank said.\n\n"
    "Critics called the plan 'a tax on the poor' in letters to the paper."
)


def test_single_quoted_terms_are_other_where_speech_is_double_quoted():
    result = quotetrack.parse(_TERMS)
    kinds = {q.span.text: q.kind for q in result.quotes if q.kind != QuoteKind.INDIRECT}
    assert kinds['"fair and overdue"'] == QuoteKind.MIXED
    assert kinds["'tap and go'"] == QuoteKind.OTHER
    assert kinds["'a tax on the poor'"] == QuoteKind.OTHER


def test_single_quoted_speech_stays_where_no_double_marks_quote_speech():
    # a text that quotes in single marks throughout, and single-quoted speech set off by its
    # cue in a text that uses double marks, keep their quotes
    single = "Critics called the plan 'a tax on the poor', the paper reported."
    assert [q.kind for q in quotetrack.parse(single).quotes
            if q.kind != QuoteKind.INDIRECT] == [QuoteKind.MIXED]
    set_off = ('The minister said the rules were "fair and overdue".\n\n'
               "Then the voters told him: 'We want it sooner.'")
    kinds = [q.kind for q in quotetrack.parse(set_off).quotes if q.kind != QuoteKind.INDIRECT]
    assert kinds == [QuoteKind.MIXED, QuoteKind.DIRECT]
