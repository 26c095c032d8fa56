"""The bounds in `Limits`, misuse errors, and adversarial inputs: work stays bounded and linear.

No test here measures wall-clock time. Linearity is checked by counting the Python lines the
package executes (``sys.settrace``) for an input and for the same input twice as long.
"""

from __future__ import annotations

import os
import sys

import attrs
import pytest

import quotetrack
from quotetrack import (
    ConfigError,
    InputTooLarge,
    Limits,
    Parser,
    QuoteKind,
    QuotetrackError,
)
from quotetrack.rules.attribution import SIEVE_NAMES

from spancheck import assert_spans_valid

PACKAGE_DIR = os.path.dirname(quotetrack.__file__)


def codes(result):
    return [d.code for d in result.diagnostics]


# --------------------------------------------------------------------------- Limits


def test_default_limits_are_pinned():
    """The default bounds are the documented ones; changing one is a behaviour change."""
    assert attrs.asdict(Limits()) == {
        "max_input_chars": 20_000_000,
        "max_quote_chars": 20_000,
        "max_nesting": 8,
        "max_continued_paragraphs": 12,
        "cue_window_chars": 400,
        "max_report_chars": 1_000,
        "max_mention_tokens": 12,
        "subject_window_tokens": 30,
        "max_appositive_tokens": 25,
        "that_window_tokens": 14,
        "source_window_tokens": 15,
        "antecedent_window_chars": 4000,
        "max_name_chars": 200,
        "max_diagnostics": 200,
    }


def test_max_input_chars_raises_input_too_large():
    """Input longer than max_input_chars raises InputTooLarge naming the size and the limit."""
    parser = Parser(limits=Limits(max_input_chars=100))
    parser.parse("x" * 100)  # at the limit: fine
    with pytest.raises(InputTooLarge) as info:
        parser.parse("x" * 101)
    assert isinstance(info.value, QuotetrackError)
    assert isinstance(info.value, ValueError)
    assert "101" in str(info.value) and "100" in str(info.value)


def test_max_quote_chars_drops_long_quotes_with_a_diagnostic():
    """A quotation longer than max_quote_chars is not returned; "quote-too-long" marks its start."""
    text = ("Ana Silva spoke. \u201c" + "word " * 20 + "end,\u201d she said. "
            "\u201cShort one,\u201d she added.")
    result = Parser(limits=Limits(max_quote_chars=50)).parse(text)
    assert [q.text for q in result.quotes] == ["\u201cShort one,\u201d"]
    assert codes(result) == ["quote-too-long"]
    assert result.diagnostics[0].span.start == text.index("\u201c")
    assert len(quotetrack.parse(text).quotes) == 2  # the default limit keeps both


def test_max_quote_chars_is_inclusive():
    """A quotation of exactly max_quote_chars characters, marks included, is kept."""
    quote = "\u201c" + "a" * 8 + "\u201d"
    text = f"Ana Silva said {quote} today."
    assert len(Parser(limits=Limits(max_quote_chars=10)).parse(text).quotes) == 1
    assert len(Parser(limits=Limits(max_quote_chars=9)).parse(text).quotes) == 0


def test_max_nesting_ignores_deeper_marks_with_a_diagnostic():
    """Opening marks nested deeper than max_nesting give "nesting-too-deep" and are ignored."""
    text = "He said \u201cone \u201ctwo \u201cthree\u201d two\u201d one\u201d then."
    assert codes(Parser(limits=Limits(max_nesting=3)).parse(text)) == []
    result = Parser(limits=Limits(max_nesting=2)).parse(text)
    assert "nesting-too-deep" in codes(result)
    deep = [d for d in result.diagnostics if d.code == "nesting-too-deep"]
    assert [d.span.start for d in deep] == [text.index("\u201cthree")]
    assert_spans_valid(text, result)


def test_max_diagnostics_caps_the_list_with_one_summary():
    """At most max_diagnostics diagnostics are kept, then one "too-many-diagnostics" summary."""
    text = " ".join(f"w{i}\u201d" for i in range(50)) + "."
    result = Parser(limits=Limits(max_diagnostics=5)).parse(text)
    assert len(result.diagnostics) == 6
    assert codes(result)[:5] == ["stray-closing-mark"] * 5
    assert codes(result)[5] == "too-many-diagnostics"
    assert "45" in result.diagnostics[5].message
    assert len(quotetrack.parse(text).diagnostics) == 50


def test_max_diagnostics_exact_count_has_no_summary():
    """Exactly max_diagnostics problems give that many diagnostics and no summary."""
    text = " ".join(f"w{i}\u201d" for i in range(5)) + "."
    assert codes(Parser(limits=Limits(max_diagnostics=5)).parse(text)) == [
        "stray-closing-mark"] * 5


def test_max_continued_paragraphs():
    """A quote goes on over at most max_continued_paragraphs further paragraphs, then is cut:
    the part at the limit is unclosed and the next paragraph starts a new quotation."""
    text = "Ana Silva said:\n\n" + "".join(f"\u201cPart {i}.\n\n" for i in range(5)) + (
        "\u201cEnd.\u201d")
    whole = quotetrack.parse(text)
    assert len(whole.quotes) == 6 and whole.diagnostics == ()
    assert [len(q.parts) for q in whole.quotations()] == [6]
    cut = Parser(limits=Limits(max_continued_paragraphs=2)).parse(text)
    assert [[p.text for p in q.parts] for q in cut.quotations()] == [
        ["\u201cPart 0.", "\u201cPart 1.", "\u201cPart 2."],
        ["\u201cPart 3.", "\u201cPart 4.", "\u201cEnd.\u201d"],
    ]
    assert cut.quotes[2].flags == ("unclosed",)
    assert codes(cut) == ["unclosed-quote"]
    assert_spans_valid(text, cut)


def test_antecedent_window_chars():
    """A pronoun does not reach back further than antecedent_window_chars for its antecedent."""
    text = ("Ana Silva runs the bakery. " + "The oven was hot and the bread was warm. " * 20
            + "\u201cWe are ready,\u201d she said.")
    assert quotetrack.parse(text).quotes[0].speaker.name == "Ana Silva"
    near = Parser(limits=Limits(antecedent_window_chars=100)).parse(text).quotes[0]
    assert near.attribution.resolution.value == "unresolved"


def test_max_name_chars():
    """A capitalised run longer than max_name_chars is not a name speakers resolve to: the
    surname stays as written instead of becoming the full name."""
    text = ("Ana Silva runs the bakery on Mill Street.\n\n"
            "\u201cWe are ready,\u201d Silva said.")
    assert quotetrack.parse(text).quotes[0].speaker.name == "Ana Silva"
    short = Parser(limits=Limits(max_name_chars=8)).parse(text).quotes[0]
    assert short.speaker.name == "Silva"


def test_max_mention_tokens():
    """A speaker mention has at most max_mention_tokens tokens."""
    text = ("\u201cWe are ready,\u201d said Northfield Harbour Trust Bakery Union Deputy Chair "
            "Ana Silva.")
    mention = Parser(limits=Limits(max_mention_tokens=2)).parse(text).quotes[0].attribution.mention
    assert len(mention.text.split()) <= 2
    assert quotetrack.parse(text).quotes[0].speaker.name == "Ana Silva"


def test_cue_window_chars():
    """A cue further than cue_window_chars from its quote is not used for attribution."""
    text = ("\u201cWe are ready for the winter\u201d was the message, "
            + "repeated again and again at the meeting " * 5 + "Ana Silva said.")
    assert quotetrack.parse(text).quotes[0].speaker is not None
    far = Parser(limits=Limits(cue_window_chars=50)).parse(text).quotes[0]
    assert far.speaker is None


def _reports(text, **limits):
    """(content, mention, speaker title and affiliation) of each quote found with ``limits``."""
    result = Parser(limits=Limits(**limits)).parse(text)
    out = []
    for q in result.quotes:
        a = q.attribution
        speaker = a.speaker if a is not None else None
        out.append((q.content.text, a.mention.text if a is not None and a.mention else None,
                    (speaker.title, speaker.affiliation) if speaker is not None else None))
    return out


def test_subject_window_tokens():
    """A subject across an appositive further back from the cue than subject_window_tokens is
    not read, and nor is the report."""
    text = ("Solomon Yue, an RNC committeeman from the state of Oregon, said the party would win "
            "the state.")
    assert _reports(text) == [("the party would win the state", "Solomon Yue",
                               ("committeeman", "state of Oregon"))]
    assert _reports(text, subject_window_tokens=5) == []


def test_max_appositive_tokens():
    """The appositive after an inverted speaker is cut at max_appositive_tokens."""
    text = ("The talks went ahead as planned, said Randa Slim, director of the Track II dialogues "
            "program at the Middle East Institute.")
    full = _reports(text)[0][2]
    assert full == ("director", "Track II dialogues program at the Middle East Institute")
    assert _reports(text, max_appositive_tokens=3)[0][2] == ("director", "the")


def test_max_appositive_tokens_of_quotation_speakers():
    """Between a quotation and its cue, an appositive longer than max_appositive_tokens does not
    reach the cue (a later sieve decides); after "according to X" it is cut there."""
    appositive = "Randa Slim, director of the dialogues program at the Middle East Institute"
    between = f"\u201cThe talks will go ahead,\u201d {appositive}, said."
    according = f"\u201cThe talks will go ahead,\u201d according to {appositive}."
    quote = Parser().parse(between).quotes[0]
    assert quote.attribution.sieve == "cue_after_quote"
    assert quote.speaker.affiliation == "dialogues program at the Middle East Institute"
    quote = Parser(limits=Limits(max_appositive_tokens=3)).parse(between).quotes[0]
    assert quote.attribution.sieve == "sentence_cue"
    quote = Parser().parse(according).quotes[0]
    assert quote.speaker.affiliation == "dialogues program at the Middle East Institute"
    quote = Parser(limits=Limits(max_appositive_tokens=3)).parse(according).quotes[0]
    assert (quote.attribution.sieve, quote.speaker.affiliation) == ("according_to", "the")


def test_that_window_tokens():
    """The "that" of a reported clause further from the cue than that_window_tokens is not
    found, and without it the cue reports nothing."""
    text = ("He told The Post and Courier newspaper of Charleston on Saturday that the plan was "
            "dead.")
    assert _reports(text) == [("the plan was dead", "He", None)]  # "He": no one, no speaker
    assert _reports(text, that_window_tokens=6) == []


def test_source_window_tokens():
    """The comma after the source of "according to" is looked for only source_window_tokens
    tokens on."""
    text = ("According to data from the U.S. Department of Education, enrolment fell sharply last "
            "year.")
    assert _reports(text) == [("enrolment fell sharply last year", "data", (None, None))]
    assert _reports(text, source_window_tokens=2) == []


FIELDS = [f.name for f in attrs.fields(Limits)]


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("bad", [0, -1, 1.5, "3", True, None], ids=repr)
def test_limits_reject_non_positive_or_non_int(field, bad):
    """Every Limits field rejects 0, negatives, floats, strings, bools and None, naming itself."""
    with pytest.raises((ValueError, TypeError)) as info:
        Limits(**{field: bad})
    assert field in str(info.value)
    assert repr(bad) in str(info.value)


def test_bad_limits_raise_a_quotetrack_error():
    """A bad option raises a QuotetrackError (ConfigError), like every other misuse."""
    with pytest.raises(ConfigError):
        Limits(max_nesting=0)


def test_limits_are_frozen():
    """Limits cannot be changed after construction (no module-level mutable configuration)."""
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        Limits().max_nesting = 3


# --------------------------------------------------------------------------- misuse


def test_unknown_sieve_raises_config_error_listing_known_sieves():
    """Parser(sieves=["nope"]) raises ConfigError naming "nope" and every known sieve."""
    with pytest.raises(ConfigError) as info:
        Parser(sieves=["nope"])
    message = str(info.value)
    assert "nope" in message
    for name in SIEVE_NAMES:
        assert name in message
    assert isinstance(info.value, QuotetrackError) and isinstance(info.value, ValueError)


def test_sieve_subset_runs_only_those_sieves():
    """With only cue_after_quote enabled, a colon introduction is left unattributed."""
    text = "Sara Novak said: \u201cThe bridge will reopen in May.\u201d"
    assert quotetrack.parse(text).quotes[0].attribution.sieve == "colon_intro"
    only = Parser(sieves=["cue_after_quote"]).parse(text).quotes[0]
    assert only.attribution is None


@pytest.mark.parametrize("bad", [b"bytes", bytearray(b"x"), None, 3, ["a"]], ids=repr)
@pytest.mark.parametrize("call", [quotetrack.parse, Parser().parse], ids=["parse", "Parser"])
def test_non_str_input_raises_type_error(call, bad):
    """Non-str input raises a TypeError that is a QuotetrackError and says "str" is expected."""
    with pytest.raises(TypeError) as info:
        call(bad)
    assert isinstance(info.value, QuotetrackError)
    assert "str" in str(info.value)
    assert type(bad).__name__ in str(info.value)


def test_bytes_error_suggests_decoding():
    """The bytes error tells the caller to decode first."""
    with pytest.raises(TypeError, match="decode"):
        quotetrack.parse(b"\xe2\x80\x9cHi\xe2\x80\x9d")


# --------------------------------------------------------------------------- adversarial inputs


def test_many_stray_straight_quotes():
    """10**5 straight double quotes in a row parse, with valid spans and bounded diagnostics."""
    text = '"' * 10**5
    result = quotetrack.parse(text)
    assert_spans_valid(text, result)
    assert len(result.diagnostics) <= Limits().max_diagnostics + 1


def test_many_stray_closing_marks():
    """10**5 curly closing marks: every one is stray, diagnostics stop at the bound."""
    text = "\u201d " * 10**5
    result = quotetrack.parse(text)
    assert result.quotes == ()
    assert len(result.diagnostics) == Limits().max_diagnostics + 1
    assert result.diagnostics[-1].code == "too-many-diagnostics"
    assert_spans_valid(text, result)


def test_unclosed_quote_before_200kb_of_text():
    """One unclosed mark before 200 KB in one paragraph: unclosed and too long, nothing returned."""
    text = "\u201c" + "The committee met again and nothing changed. " * 4500
    result = quotetrack.parse(text)
    assert result.quotes == ()
    assert sorted(codes(result)) == ["quote-too-long", "unclosed-quote"]
    assert_spans_valid(text, result)


def test_unclosed_quote_before_200kb_of_paragraphs():
    """One unclosed mark before 200 KB of paragraphs stops at the end of its own paragraph."""
    text = "\u201cWe start here.\n\n" + "The committee met again and nothing changed.\n\n" * 4500
    result = quotetrack.parse(text)
    assert [q.text for q in result.quotes] == ["\u201cWe start here."]
    assert codes(result) == ["unclosed-quote"]
    assert_spans_valid(text, result)


def test_deeply_nested_alternating_marks():
    """10**4 alternating double and single opening marks, then their closers, stay bounded."""
    text = "\u201c\u2018" * 5000 + "x" + "\u2019\u201d" * 5000
    result = quotetrack.parse(text)
    assert_spans_valid(text, result)
    assert len(result.quotes) <= 1
    assert len(result.diagnostics) <= Limits().max_diagnostics + 1
    assert "nesting-too-deep" in codes(result)


def test_200kb_paragraph_without_punctuation():
    """A 200 KB paragraph with no punctuation parses to nothing."""
    text = "word " * 40000
    result = quotetrack.parse(text)
    assert result.quotes == () and result.diagnostics == ()


def test_many_he_said():
    """10**4 repetitions of "he said " parse with valid spans and no quotation-mark quotes."""
    text = "he said " * 10**4
    result = quotetrack.parse(text)
    assert [q for q in result.quotes if q.kind != QuoteKind.INDIRECT] == []
    assert_spans_valid(text, result)
    assert sum(len(q.span) for q in result.quotes) <= 4 * len(text)


def test_nested_reported_clauses_stay_linear():
    """Each "he said" in a run may open a reported clause; their total length grows linearly."""
    totals = [sum(len(q.span) for q in quotetrack.parse("he said " * n).quotes)
              for n in (500, 1000, 2000)]
    slack = Limits().max_report_chars
    assert totals[1] <= 2.5 * totals[0] + slack
    assert totals[2] <= 2.5 * totals[1] + slack


def test_max_report_chars():
    """A reported clause longer than max_report_chars is not returned."""
    text = "Ana Silva said that " + "the plan was good and " * 10 + "it worked."
    (report,) = quotetrack.parse(text).quotes
    assert report.kind == QuoteKind.INDIRECT
    assert report.speaker.name == "Ana Silva"
    assert len(report.span) > 100
    assert Parser(limits=Limits(max_report_chars=100)).parse(text).quotes == ()


def test_many_capitalised_names_in_a_row():
    """10**4 capitalised words in a row (one long name-like run) parse without error."""
    text = " ".join(f"Name{chr(97 + i % 26)}" for i in range(10**4)) + " said \u201cyes.\u201d"
    result = quotetrack.parse(text)
    assert_spans_valid(text, result)
    for quote in result.quotes:
        if quote.attribution and quote.attribution.mention:
            assert len(quote.attribution.mention.text.split()) <= Limits().max_mention_tokens


# --------------------------------------------------------------------------- linear work


def lines_executed(text: str) -> int:
    """The number of Python lines of the package executed while parsing ``text``."""
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def on_call(frame, event, arg):
        return local if frame.f_code.co_filename.startswith(PACKAGE_DIR) else None

    quotetrack.parse("Warm up: load the lexicon first.")
    previous = sys.gettrace()
    sys.settrace(on_call)
    try:
        quotetrack.parse(text)
    finally:
        sys.settrace(previous)
    return count


UNITS = [
    pytest.param("\u201cYes,\u201d he said. ", 400, id="quote-he-said"),
    pytest.param("\u201cYes,\u201d the diplomat said. ", 400, id="quote-role-noun"),
    pytest.param('"', 400, id="stray-straight"),
    pytest.param("\u201d ", 400, id="stray-closing"),
    pytest.param("\u201cYes.\n\n", 400, id="reopened-paragraphs"),
    pytest.param("he said ", 400, id="he-said"),
    pytest.param("Officials say the plan works. ", 400, id="repeated-reported-speaker"),
    pytest.param("Name said nothing. ", 400, id="names"),
    pytest.param("It rained again in the town. ", 400, id="plain-sentences"),
    pytest.param('" ', 400, id="stray-straight-spaced"),
    pytest.param("\u201ca b\u201d ", 400, id="quotes-in-one-sentence"),
    pytest.param("according to X \u201cx.\u201d ", 150, id="according-to-in-one-sentence"),
    pytest.param("\u201cYes,\u201d Ana Silva said. ", 400, id="repeated-name"),
]


@pytest.mark.parametrize(("unit", "n"), UNITS)
def test_doubling_the_input_roughly_doubles_the_work(unit, n):
    """Parsing a repeated unit twice as often executes at most 2.5 times as many lines."""
    once, twice = lines_executed(unit * n), lines_executed(unit * 2 * n)
    assert twice <= 2.5 * once + 1000, (once, twice, twice / max(once, 1))


#: clauses joined by ";" into one sentence that ends with "end.": the reported-speech helpers
#: must not rescan the rest of the sentence for every cue in it
SENTENCE_UNITS = [
    pytest.param("the rain fell all day, he said in the city; ", id="inverted-then-phrase"),
    pytest.param("people close to the mayor said the plan works; ", id="postmodified-speakers"),
    pytest.param("the cost, union members and leaders say, is high; ", id="coordinated-groups"),
    pytest.param("as the paper noted, the plan works, according to state law; ",
                 id="as-noted-according-to"),
    pytest.param("the mayor told reporters the plan works by saying so; ", id="told-by-saying"),
    pytest.param("the ministry's statement that it works, his claim that it fails, citing cost; ",
                 id="speech-nouns-citing"),
    pytest.param("the plan works well, saying so often; ", id="participles-without-a-finite-cue"),
    pytest.param('Acme Corp, Beta Inc, Gamma Ltd; "We act," a spokesman said; ',
                 id="spokespeople-after-names"),
]


@pytest.mark.parametrize("unit", SENTENCE_UNITS)
def test_doubling_one_long_sentence_roughly_doubles_the_work(unit):
    """One sentence of 300 clauses, then of 600: at most 2.5 times as many lines."""
    once, twice = lines_executed(unit * 300 + "end."), lines_executed(unit * 600 + "end.")
    assert twice <= 2.5 * once + 1000, (once, twice, twice / max(once, 1))


def _people(n: int) -> list[str]:
    """``n`` different made-up full names."""
    letters = "bcdfghklmnprstvz"
    return [f"Jo {(a + b + c).capitalize()}ley" for a in letters for b in "aeiou"
            for c in letters][:n]


def test_roles_of_many_people_in_one_sentence_are_read_in_linear_work():
    """One sentence giving many people a role with "as", then a quote of each: the sentence is
    tokenised once for all of them, not once per person."""
    def text(n: int) -> str:
        people = _people(n)
        return (", ".join(f"{p} quit as the boss" for p in people) + ".\n\n"
                + " ".join(f'"Fine," said {p}.' for p in people))

    once, twice = lines_executed(text(100)), lines_executed(text(200))
    assert twice <= 2.5 * once + 1000, (once, twice, twice / max(once, 1))


def test_a_sentence_opening_word_is_searched_for_once_per_document(monkeypatch):
    """Whether a capitalised word that opens its sentence is a common word takes two searches
    of the whole text (C work the line counts above do not see): asked again for every mention
    it opened, they made a long text of such sentences quadratic. The searches must not grow
    with the number of sentences."""
    from quotetrack.rules import mentions

    searches = []
    real = mentions.occurs

    def counted(text, word, inside):
        searches.append(word)
        return real(text, word, inside)

    monkeypatch.setattr(mentions, "occurs", counted)
    found = []
    for n in (50, 200):
        searches.clear()
        quotetrack.parse("Silva told reporters that the plan works well. " * n)
        found.append(len(searches))
    assert found[0] > 0 and found[1] == found[0]
