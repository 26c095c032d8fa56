"""The patterns compiled twice (`quotetrack.text.twin_patterns`) agree on every ASCII text.

ASCII paragraphs are read by the stdlib ``re`` build of a pattern and everything else by the
`regex` build; the parse must not depend on which one ran.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotetrack.rules import context, tokens
from quotetrack.lexicon import default_lexicon
from quotetrack.rules.tokens import tokenize
from quotetrack.text import twin_patterns

TWINS = {
    "token": (tokens._TOKEN, tokens._TOKEN_ASCII),
    "capitalised word": (context._CAP_WORD, context._CAP_WORD_ASCII),
}

# every ASCII character, with the ones the patterns care about made frequent
ascii_text = st.text(
    alphabet=st.one_of(
        st.characters(max_codepoint=127),
        st.sampled_from(list(" .!?\"')]\x01\n\t\x0b\x0c\r\x1c\x1fAZaz09_'-&.$")),
    ),
    max_size=80,
)


def _all_matches(pattern, text: str, pos: int, endpos: int):
    return [(m.span(), m.groups()) for m in pattern.finditer(text, pos, endpos)]


@pytest.mark.parametrize("name", sorted(TWINS))
@settings(deadline=None, max_examples=300)
@given(text=ascii_text, cut=st.tuples(st.integers(0, 80), st.integers(0, 80)))
def test_twins_find_the_same_matches_in_ascii_text(name, text, cut):
    unicode_pattern, ascii_pattern = TWINS[name]
    pos, endpos = min(cut), min(max(cut), len(text))
    assert _all_matches(ascii_pattern, text, pos, endpos) == \
        _all_matches(unicode_pattern, text, pos, endpos)
    assert ascii_pattern.findall(text, pos, endpos) == unicode_pattern.findall(text, pos, endpos)
    found = ascii_pattern.search(text, pos, endpos)
    expected = unicode_pattern.search(text, pos, endpos)
    assert (found and found.span()) == (expected and expected.span())


@settings(deadline=None, max_examples=300)
@given(ascii_text)
def test_tokens_do_not_depend_on_the_engine(text):
    lex = default_lexicon()
    fast = [(t.start, t.end, t.text) for t in tokenize(text, 0, len(text), lex, ascii_only=True)]
    slow = [(t.start, t.end, t.text) for t in tokenize(text, 0, len(text), lex)]
    assert fast == slow


def test_the_classes_differ_where_the_engines_do():
    """Outside ASCII only `regex` is right: the stdlib's \\w has no combining marks, so an
    accent written as a separate mark would split a word."""
    unicode_pattern, ascii_pattern = twin_patterns(r"[<W>]+")
    word = "Jose\u0301"
    assert unicode_pattern.fullmatch(word)
    assert not ascii_pattern.fullmatch(word)
    space_unicode, space_ascii = twin_patterns(r"[<S>]")
    assert space_ascii.match("\x1c") is None and space_unicode.match("\x1c") is None
