"""Misuse of the API raises early and clearly; odd content gives a safe result."""

from __future__ import annotations

import pytest

import quotetrack
from quotetrack import ConfigError, InputTypeError, Limits, Parser
from quotetrack.serialize import from_json, to_json

TEXT = "“We will win,” Jane Roe said."


@pytest.mark.parametrize(("options", "message"), [
    ({"limits": None}, "Parser(limits=...) expects a quotetrack.Limits, got NoneType"),
    ({"lexicon": None}, "Parser(lexicon=...) expects a quotetrack.Lexicon, got NoneType"),
    ({"limits": {"max_input_chars": 5}}, "expects a quotetrack.Limits, got dict"),
    ({"beliefs": "yes"}, "Parser(beliefs=...) expects True or False, got str"),
    ({"claims": 1}, "Parser(claims=...) expects True or False, got int"),
    ({"sieves": "according_to"},
     "sieves must be a sequence of rule names, got the string 'according_to'; "
     "write sieves=['according_to'] for one rule"),
    ({"sieves": None}, "sieves must be a sequence of rule names, got NoneType"),
    ({"sieves": [3]}, "sieves must hold rule names (str), got 3"),
])
def test_bad_parser_options_raise_config_error_at_once(options, message):
    """Parser options of the wrong type raise ConfigError when the Parser is made, naming the
    option and what was expected, instead of being accepted and crashing later in parse()."""
    with pytest.raises(ConfigError) as info:
        Parser(**options)
    assert message in str(info.value)


def test_one_rule_name_in_a_list_still_works():
    """The suggested spelling for one rule is accepted."""
    assert Parser(sieves=["according_to"]).sieves == ("according_to",)


@pytest.mark.parametrize("bad", [5, b"id", ["a"]])
def test_parse_id_must_be_a_string(bad):
    """parse(id=...) of another type is an InputTypeError naming the type."""
    with pytest.raises(InputTypeError, match="parse\\(\\) expects id to be a str or None"):
        quotetrack.parse(TEXT, id=bad)


def test_parse_id_with_an_unpaired_surrogate_is_refused():
    """An id that cannot be written as UTF-8 is refused, naming the offending character."""
    with pytest.raises(ConfigError, match=r"unpaired surrogate \\udc80 at offset 2"):
        Parser().parse(TEXT, id="ab\udc80")


def test_parse_claims_must_be_a_bool():
    with pytest.raises(ConfigError, match="parse\\(claims=...\\) expects True or False"):
        quotetrack.parse(TEXT, claims="yes")


def test_unpaired_surrogates_are_replaced_with_a_diagnostic():
    """A lone surrogate in the text becomes U+FFFD in result.text (one character for one, so
    offsets do not move), the result gets an unpaired-surrogate diagnostic, and it can be
    written as UTF-8 and read back."""
    text = "\ud83d\n\n" + TEXT + "\n\n\udc00"
    result = quotetrack.parse(text, id="s")
    assert result.text == "\ufffd\n\n" + TEXT + "\n\n\ufffd"
    assert len(result.text) == len(text)
    (diag,) = [d for d in result.diagnostics if d.code == "unpaired-surrogate"]
    assert diag.message.startswith("2 unpaired surrogate(s)")
    assert "\\ud83d at offset 0" in diag.message
    assert (diag.span.start, diag.span.end) == (0, 1)
    clean = quotetrack.parse("x\n\n" + TEXT + "\n\ny", id="s")
    assert [q.span.start for q in result.quotes] == [q.span.start for q in clean.quotes]
    assert result.quotes[0].speaker.name == "Jane Roe"
    assert from_json(to_json(result).encode("utf-8").decode("utf-8")) == result


def test_a_text_without_surrogates_is_the_same_object():
    """Clean text is not copied: result.text is the caller's string."""
    assert quotetrack.parse(TEXT).text is TEXT


def test_limits_still_work():
    """A Limits instance is accepted and used."""
    with pytest.raises(quotetrack.InputTooLarge):
        Parser(limits=Limits(max_input_chars=5)).parse(TEXT)
