"""The patterns compiled twice (`quotetrack.text.twin_patterns`) agree on every ASCII text.

ASCII paragraphs are read by the stdlib ``re`` build of a pattern and everything else by the
`regex` build; the parse must not depend on which one ran.
"""

from __future__ import annotations

import re

import pytest
import regex
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import quotetrack
from quotetrack import text as text_module
from quotetrack.lexicon import default_lexicon
from quotetrack.rules import context, tokens
from quotetrack.rules.tokens import tokenize
from quotetrack.serialize import result_to_dict
from quotetrack.text import twin_patterns

from test_properties import dense_text

MODULES = (text_module, tokens, context)


def _twins() -> dict[str, tuple]:
    """Every ``NAME`` / ``NAME_ASCII`` pair of compiled patterns in the parser's modules."""
    found = {}
    for module in MODULES:
        for name, value in vars(module).items():
            if name.endswith("_ASCII") and isinstance(value, re.Pattern):
                found[f"{module.__name__}.{name[:-6]}"] = (getattr(module, name[:-6]), value)
    return found


TWINS = _twins()

# every ASCII character, with the ones the patterns care about made frequent
ascii_text = st.text(
    alphabet=st.one_of(
        st.characters(max_codepoint=127),
        st.sampled_from(list(" .!?\"')]\x01\n\t\x0b\x0c\r\x1c\x1fAZaz09_'-&.$")),
    ),
    max_size=80,
)


def test_the_twins_are_found():
    assert {"quotetrack.rules.tokens._TOKEN", "quotetrack.rules.context._CAP_RUN",
            "quotetrack.text._SENT_END"} <= set(TWINS)


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
    found = ascii_pattern.match(text, pos, endpos)
    expected = unicode_pattern.match(text, pos, endpos)
    assert (found and found.span()) == (expected and expected.span())


@settings(deadline=None, max_examples=300)
@given(ascii_text)
def test_tokens_do_not_depend_on_the_engine(text):
    lex = default_lexicon()
    fast = [(t.start, t.end, t.text) for t in tokenize(text, 0, len(text), lex, ascii_only=True)]
    slow = [(t.start, t.end, t.text) for t in tokenize(text, 0, len(text), lex)]
    assert fast == slow


@settings(deadline=None, max_examples=200, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(dense_text)
def test_the_parse_does_not_depend_on_the_engine(monkeypatch, text):
    """With the `regex` build put in place of every ASCII twin, any text parses the same (the
    per-paragraph choice in `build_context` sends only ASCII paragraphs to ``re``)."""
    expected = result_to_dict(quotetrack.parse(text))
    with monkeypatch.context() as patch:
        for module in MODULES:
            for name, value in list(vars(module).items()):
                if name.endswith("_ASCII") and isinstance(value, re.Pattern):
                    patch.setattr(module, name, getattr(module, name[:-6]))
        assert result_to_dict(quotetrack.parse(text)) == expected


@pytest.mark.parametrize("template", [r"\w+", r"[\s]", r"\bsaid", r"\p{Lu}", r"(?i)said",
                                      r"(?<=a)b", r"(?<!a)b"])
def test_templates_the_engines_read_differently_are_refused(template):
    with pytest.raises(ValueError, match="read differently"):
        twin_patterns(template)


def test_the_classes_differ_where_the_engines_do():
    """Outside ASCII only `regex` is right: the stdlib's \\w has no combining marks, so an
    accent written as a separate mark would split a word."""
    unicode_pattern, ascii_pattern = twin_patterns(r"[<W>]+")
    word = "Jose\u0301"
    assert unicode_pattern.fullmatch(word)
    assert not ascii_pattern.fullmatch(word)
    # the stdlib's \s takes "\x1c", regex's does not: the ASCII class is written out
    space_unicode, space_ascii = twin_patterns(r"[<S>]")
    assert re.fullmatch(r"\s", "\x1c")
    assert not space_ascii.fullmatch("\x1c") and not space_unicode.fullmatch("\x1c")


@pytest.mark.parametrize("dots, full", [
    (text_module._SENT_END_DOT, text_module._SENT_END),
    (text_module._SENT_END_DOT_ASCII, text_module._SENT_END_ASCII),
])
@settings(deadline=None, max_examples=300)
@given(text=ascii_text, cut=st.tuples(st.integers(0, 80), st.integers(0, 80)))
def test_the_full_stop_patterns_end_sentences_as_the_full_ones_without_other_marks(dots, full,
                                                                                   text, cut):
    """`sentence_bounds` reads a paragraph with no "!" or "?" with a pattern that opens with a
    full stop (a faster search): there it must find every end the full pattern finds."""
    text = text.replace("!", ".").replace("?", "")
    pos, endpos = min(cut), min(max(cut), len(text))
    assert _all_matches(dots, text, pos, endpos) == _all_matches(full, text, pos, endpos)
    assert dots.pattern != full.pattern


@settings(deadline=None, max_examples=300)
@given(text=st.text(max_size=60).map(text_module.lower_in_place),
       cut=st.tuples(st.integers(0, 60), st.integers(0, 60)))
def test_letter_runs_are_the_runs_of_a_to_z(text, cut):
    """The byte-table reading of a lower-cased stretch gives exactly its runs of a-z, in any
    text (a non-ASCII letter, a surrogate or a digit splits a run, as in the regex)."""
    pos, endpos = min(cut), min(max(cut), len(text))
    expected = [w.encode() for w in re.findall("[a-z]+", text[pos:endpos])]
    assert text_module.letter_runs(text, pos, endpos) == expected


def _name_windows_read_plainly(masked: str, start: int, end: int) -> list[tuple[int, int]]:
    """The windows of `context._name_tokens`, found one capitalised word and one character at a
    time (the plain reading its faster one must agree with)."""
    windows = []
    covered = start
    cap_word = regex.compile(r"[A-Z][\w'.&-]*")
    for m in cap_word.finditer(masked, start, end):
        if m.start() < covered:
            continue
        w_start = k = m.start()
        while k > covered and k > w_start - 40 and masked[k - 1].isspace():
            k -= 1
        while k > covered and k > w_start - 40 and not masked[k - 1].isspace():
            k -= 1
        w_end = m.end()
        while masked[w_end:w_end + 1] in (" ", "\n"):
            nxt = cap_word.match(masked, w_end + 1, end)
            if nxt is None:
                break
            w_end = nxt.end()
        if masked[w_end:w_end + 1] == "," and " " in masked[w_start:w_end]:
            ends = [x for x in (masked.find(c, w_end + 1, min(end, w_end + 101)) for c in ",.;")
                    if x >= 0]
            w_end = min(ends) + 1 if ends else min(end, w_end + 5)
        else:
            w_end = min(end, w_end + 5)
        if w_end < end and not masked[w_end - 1].isspace():
            limit = min(end, w_end + 40)
            while w_end < limit and not masked[w_end].isspace():
                w_end += 1
        windows.append((k, w_end))
        covered = w_end
    return windows


name_text = st.text(alphabet=st.sampled_from(list("AaBb Zz\n,.;'-&\u00c9\u00e9")), max_size=90)


@settings(deadline=None, max_examples=400)
@given(text=name_text, cut=st.tuples(st.integers(0, 90), st.integers(0, 90)))
@example(text="Ab, Bb Za said", cut=(0, 14))  # a window ends inside the next run
@example(text="Ab, Bbbbbb Za said", cut=(0, 18))  # ... inside its first word
def test_name_token_windows_are_the_plain_ones(text, cut):
    """`_name_tokens` reads whole capitalised runs with one pattern and the word before with
    string methods; its tokens must be those of the windows read one capitalised word and one
    character at a time."""
    lex = default_lexicon()
    pos, endpos = min(cut), min(max(cut), len(text))
    for ascii_only in ((False, True) if text.isascii() else (False,)):
        got = [(t.start, t.end) for t in context._name_tokens(text, pos, endpos, lex, 0,
                                                               ascii_only)]
        expected = [(t.start, t.end) for k, e in _name_windows_read_plainly(text, pos, endpos)
                    for t in tokenize(text, k, e, lex, 0)]
        assert got == expected


token_text = st.text(alphabet=st.one_of(st.sampled_from(list(
    "Mr.Ab ,.\n\t'-&$\x01USjJ\u00e9\u0301\u00c9 9")), st.characters()), max_size=60)


@settings(deadline=None, max_examples=500)
@given(text=token_text, cut=st.tuples(st.integers(0, 60), st.integers(0, 60)))
@example(text="Mr. Smith said, J. Doe and U.S. year.", cut=(0, 36))
@example(text="\u0130x, \u0130stanbul.", cut=(0, 15))  # (a capital that lowers to two characters)
def test_tokens_read_by_chunks_are_the_pattern_tokens(text, cut):
    """`tokenize` makes a chunk of letters (with a comma or full stop after it) a token without
    the pattern; every token must be the one the pattern alone reads, abbreviations merged."""
    from quotetrack.rules.tokens import _read_chunk

    lex = default_lexicon()
    pos, endpos = min(cut), min(max(cut), len(text))
    for ascii_only in ((False, True) if text[pos:endpos].isascii() else (False,)):
        plain: list = []
        _read_chunk(plain, text, pos, endpos, lex, 0, ascii_only)
        got = tokenize(text, pos, endpos, lex, 0, ascii_only)
        fields = ("start", "end", "text", "lower", "key", "bare", "possessive", "is_word",
                  "is_cap", "quote", "sentence")
        assert [[getattr(t, f) for f in fields] for t in got] == \
            [[getattr(t, f) for f in fields] for t in plain]
