"""Unit tests of the helpers the rules are built on: tokens, noun phrases around a cue, the
split of a mention into name, title and affiliation, sentences, paragraphs and mark pairing.

Every text is our own. The token-level helpers read a `Context` built as `Parser._parse` builds
it (fold, paragraphs, marks, then `build_context`), with the default lexicon and limits.
"""

from __future__ import annotations

import pytest

from quotetrack import Parser, SpeakerKind
from quotetrack.rules.context import Context, build_context
from quotetrack.rules.marks import pair_marks
from quotetrack.rules.mentions import analyse, np_after, np_before
from quotetrack.rules.tokens import MASK, tokenize
from quotetrack.text import fold, paragraph_spans, sentence_bounds

PARSER = Parser()
LEX = PARSER.lexicon
LIM = PARSER.limits


def marks_of(text: str):
    """``(candidates, diagnostics)`` of `pair_marks` on ``text``, with the parser's options."""
    folded = fold(text)
    diagnostics: list = []
    candidates = pair_marks(
        text, paragraph_spans(folded), max_depth=LIM.max_nesting,
        max_quote_chars=LIM.max_quote_chars,
        max_continued_paragraphs=LIM.max_continued_paragraphs,
        max_diagnostics=LIM.max_diagnostics, diagnostics=diagnostics, folded=folded,
        attribution_words=LEX.attribution_forms, abbreviations=LEX.abbreviations)
    return candidates, diagnostics


def context(text: str) -> Context:
    """The parse state of ``text`` after tokenising, as the parser builds it."""
    folded = fold(text)
    paragraphs = paragraph_spans(folded)
    candidates, diagnostics = marks_of(text)
    return build_context(text, folded, LEX, LIM, paragraphs, candidates, diagnostics)


def index_of(ctx: Context, word: str) -> int:
    """The index of the only token written ``word``."""
    (k,) = [k for k, t in enumerate(ctx.tokens) if t.text == word]
    return k


def token_range(ctx: Context, phrase: str) -> tuple[int, int]:
    """The token range ``(i, j)`` (end exclusive) that covers ``phrase`` in the text."""
    start = ctx.text.index(phrase)
    inside = [k for k, t in enumerate(ctx.tokens)
              if t.start >= start and t.end <= start + len(phrase)]
    assert ctx.tokens[inside[0]].start == start and ctx.tokens[inside[-1]].end == start + len(phrase)
    return inside[0], inside[-1] + 1


def written(ctx: Context, rng) -> object:
    """The text a token range covers, or None for no range."""
    if rng is None:
        return None
    i, j = rng
    return ctx.text[ctx.tokens[i].start:ctx.tokens[j - 1].end]


def words(text: str, start: int = 0, end: int | None = None) -> list[str]:
    return [t.text for t in tokenize(text, start, len(text) if end is None else end, LEX)]


# --------------------------------------------------------------------------- tokenize


@pytest.mark.parametrize("text", [
    "Mr. Lee met Iraq's envoy at 5,000 U.S. sites, didn't he?",
    "  Two spaces before, and\nline breaks after it.\n\n",
    "Café owners in Zürich said – with a shrug – «no».",
])
def test_token_offsets_are_slices_of_the_text(text):
    """Every token's start and end cut its own text out of the text it was read from, and the
    tokens cover every character that is not white space."""
    tokens = tokenize(text, 0, len(text), LEX)
    assert all(text[t.start:t.end] == t.text for t in tokens)
    assert "".join(t.text for t in tokens) == "".join(text.split())


def test_token_offsets_inside_a_window_are_offsets_of_the_whole_text():
    """Tokenising a window of the text gives offsets into the whole text, not the window."""
    text = "First part. The pier closed."
    start = text.index("The")
    tokens = tokenize(text, start, len(text), LEX)
    assert [t.text for t in tokens] == ["The", "pier", "closed", "."]
    assert tokens[0].start == start
    assert all(text[t.start:t.end] == t.text for t in tokens)


def test_a_listed_abbreviation_keeps_its_period():
    """'Mr.' and an initial ('J.') are one token with their period; after an ordinary word the
    period is a token of its own."""
    assert words("Mr. Lee and J. Ortiz left the port.") == [
        "Mr.", "Lee", "and", "J.", "Ortiz", "left", "the", "port", "."]
    assert words("Lee left.")[-2:] == ["left", "."]


def test_a_masked_quotation_is_one_token():
    """A run of mask characters is one token, whatever its length."""
    text = "She said " + MASK * 12 + " twice."
    tokens = tokenize(text, 0, len(text), LEX)
    assert [t.text for t in tokens] == ["She", "said", MASK * 12, "twice", "."]
    assert tokens[2].start == text.index(MASK)


def test_a_quotation_in_the_context_is_one_token_that_knows_its_quote():
    """In the parse state a quotation is one token over the whole quotation, marks included,
    pointing at its quote; the words around it point at none."""
    ctx = context('Mr. Lee said, "We are done for the year." Then he left.')
    quoted = [t for t in ctx.tokens if t.quote >= 0]
    assert len(quoted) == 1 and quoted[0].quote == 0
    assert (quoted[0].start, quoted[0].end) == (ctx.quotes[0].start, ctx.quotes[0].end)
    assert ctx.text[quoted[0].start:quoted[0].end] == '"We are done for the year."'
    assert [t.text for t in ctx.tokens if t.quote < 0][:3] == ["Mr.", "Lee", "said"]


@pytest.mark.parametrize("word, key, bare, possessive", [
    ("Iraq's", "iraq", "Iraq", True),
    ("players'", "players", "players", True),
    ("Jones'", "jones", "Jones", True),
    ("didn't", "didn't", "didn't", False),
    ("Ortiz", "ortiz", "Ortiz", False),
])
def test_possessive_key_and_bare_word(word, key, bare, possessive):
    """A possessive's key (the lexicon form) and bare word drop the ending ('s or '); a
    contraction or a plain word keeps it all and is no possessive."""
    (token,) = tokenize(word, 0, len(word), LEX)
    assert (token.key, token.bare, token.possessive) == (key, bare, possessive)


# --------------------------------------------------------------------------- np_before / np_after


@pytest.mark.parametrize("text, mention", [
    ("Mara Quint said the plan had failed.", "Mara Quint"),
    ("Senator Ilse Brandt said the vote was close.", "Senator Ilse Brandt"),
    ("The western diplomat said the talks would go on.", "The western diplomat"),
    ("Union members and leaders said the pier was unsafe.", "Union members and leaders"),
    ("She said it was over.", "She"),
])
def test_np_before_a_cue(text, mention):
    """The noun phrase that ends just before the cue: a name, a title and name, a determiner
    phrase, two plurals joined by 'and', a pronoun."""
    ctx = context(text)
    cue = index_of(ctx, "said")
    assert written(ctx, np_before(ctx.wc, cue - 1, 0, LIM.max_mention_tokens)) == mention


@pytest.mark.parametrize("text, cue", [
    ('"We won the cup," said Lee.', "said"),
    ("The mayor left early. Said the clerk: nothing more.", "Said"),
])
def test_np_before_with_nothing_before(text, cue):
    """Before the cue stands a quotation, or the start of its sentence: no noun phrase."""
    ctx = context(text)
    cue = index_of(ctx, cue)
    lo = ctx.sentences[ctx.tokens[cue].sentence][0]
    assert np_before(ctx.wc, cue - 1, lo, LIM.max_mention_tokens) is None


@pytest.mark.parametrize("text, mention", [
    ('"We are done," said Randa Slim, director of the programme.', "Randa Slim"),
    ('"We are done," said Coach Lena Varga on Monday.', "Coach Lena Varga"),
    ('"We are done," said the rookie defenceman.', "the rookie defenceman"),
])
def test_np_after_a_cue(text, mention):
    """The noun phrase that starts just after the cue, up to its end (not its appositive, not
    a phrase of time)."""
    ctx = context(text)
    cue = index_of(ctx, "said")
    hi = ctx.sentences[ctx.tokens[cue].sentence][1]
    assert written(ctx, np_after(ctx.wc, cue + 1, hi, LIM.max_mention_tokens)) == mention


@pytest.mark.parametrize("text", ['"We are done," she said.', '"We are done," said.'])
def test_np_after_with_nothing_after(text):
    """A cue that ends its sentence (the next token a full stop, or none) has no phrase after."""
    ctx = context(text)
    cue = index_of(ctx, "said")
    hi = ctx.sentences[ctx.tokens[cue].sentence][1]
    assert np_after(ctx.wc, cue + 1, hi, LIM.max_mention_tokens) is None


def test_np_before_stays_inside_its_lower_bound():
    """The phrase never reaches back past ``lo``: with ``lo`` at 'Quint', 'Mara' is left out."""
    ctx = context("Mara Quint said the plan had failed.")
    cue = index_of(ctx, "said")
    assert written(ctx, np_before(ctx.wc, cue - 1, 1, LIM.max_mention_tokens)) == "Quint"


# --------------------------------------------------------------------------- analyse


def mention_of(text: str, phrase: str):
    ctx = context(text)
    return analyse(ctx.wc, text, token_range(ctx, phrase))


def test_analyse_title_between_affiliation_and_name():
    """'State Department spokeswoman Morgan Ortagus': the name is the last capitalised run, the
    title the title word, the affiliation the capitalised words before it."""
    info = mention_of("State Department spokeswoman Morgan Ortagus said the talks would go on.",
                      "State Department spokeswoman Morgan Ortagus")
    assert (info.name, info.title, info.affiliation) == (
        "Morgan Ortagus", "spokeswoman", "State Department")
    assert info.kind == SpeakerKind.PERSON and info.gender == "female"


def test_analyse_possessive_affiliation_loses_its_ending():
    """"Iraq's foreign minister Ali Hassan": the affiliation is 'Iraq', the title keeps its
    modifier."""
    info = mention_of("Iraq's foreign minister Ali Hassan said the border was open.",
                      "Iraq's foreign minister Ali Hassan")
    assert (info.name, info.title, info.affiliation) == ("Ali Hassan", "foreign minister", "Iraq")


def test_analyse_name_of_place():
    """'Senator Ana Ruiz of Ohio': what follows 'of' after a name is the affiliation."""
    info = mention_of("Senator Ana Ruiz of Ohio said the vote was close.",
                      "Senator Ana Ruiz of Ohio")
    assert (info.name, info.title, info.affiliation) == ("Ana Ruiz", "Senator", "Ohio")


def test_analyse_pronoun():
    """'She': a pronoun with its gender, and no name, title or affiliation."""
    info = mention_of("She said it was over.", "She")
    assert (info.pronoun, info.gender) == ("she", "female")
    assert (info.name, info.title, info.affiliation) == (None, None, None)


def test_analyse_organisation():
    """'The Middle East Institute': a name ending in an organisation word is an organisation,
    its capitalised words before it included."""
    info = mention_of("The Middle East Institute said the vote was close.",
                      "The Middle East Institute")
    assert (info.name, info.kind, info.definite) == (
        "Middle East Institute", SpeakerKind.ORGANIZATION, True)
    assert info.title is None


def test_analyse_unnamed_organisation_is_not_a_person():
    """'The health ministry': no name, an organisation by its head noun."""
    info = mention_of("The health ministry said the vote was close.", "The health ministry")
    assert (info.name, info.description, info.kind) == (
        None, "health ministry", SpeakerKind.ORGANIZATION)


def test_analyse_group_of_two_names():
    """'Lena Varga and Tom Reed': a group of named people, named as written."""
    info = mention_of("Lena Varga and Tom Reed said the pier was unsafe.",
                      "Lena Varga and Tom Reed")
    assert (info.name, info.kind) == ("Lena Varga and Tom Reed", SpeakerKind.GROUP)


def test_analyse_indefinite_description():
    """'One western diplomat': no name; the title with its modifier; indefinite, so
    anonymous; a person, not a group or organisation."""
    info = mention_of("One western diplomat said the talks would go on.", "One western diplomat")
    assert (info.name, info.title, info.affiliation) == (None, "western diplomat", None)
    assert (info.definite, info.anonymous, info.kind) == (False, True, SpeakerKind.PERSON)


# --------------------------------------------------------------------------- sentences


def sentences(text: str, start: int = 0, end: int | None = None) -> list[str]:
    end = len(text) if end is None else end
    return [text[s:e] for s, e in sentence_bounds(text, start, end, LEX.abbreviations)]


def test_sentences_end_at_stops_before_a_capital():
    """'.', '?' and '!' before a capital end a sentence; the next one starts right after the
    stop (its leading space included)."""
    assert sentences("The pier closed. Did it? Yes! It opens in May.") == [
        "The pier closed.", " Did it?", " Yes!", " It opens in May."]


def test_abbreviations_initials_and_lower_case_do_not_end_a_sentence():
    """'Mr.', 'U.S.', an initial, and a stop before a lower-case word end no sentence."""
    text = "Mr. Lee met U.S. envoys at 5 p.m. on Friday. J. Ortiz was there."
    assert sentences(text) == ["Mr. Lee met U.S. envoys at 5 p.m. on Friday.",
                               " J. Ortiz was there."]


def test_an_abbreviation_ends_its_sentence_before_a_capitalised_quotation():
    """With the unmasked text, an abbreviation before a masked quotation that opens with a
    capital letter ends its sentence; before one that opens in lower case it does not."""
    raw = 'said Ann Lee of Tampa, Fla. "We won." She left. He saw the U.S. "plan" fail.'
    masked = raw.replace('"We won."', MASK * 9).replace('"plan"', MASK * 6)
    got = [raw[s:e] for s, e in sentence_bounds(masked, 0, len(raw), LEX.abbreviations, raw)]
    assert got == ["said Ann Lee of Tampa, Fla.", ' "We won." She left.',
                   ' He saw the U.S. "plan" fail.']
    assert len(sentences(masked)) == 2  # without the unmasked text, as before


def test_a_sentence_ends_after_a_masked_quotation_with_its_stop():
    """A quotation's kept full stop ends the sentence after the closing (masked) mark."""
    text = "She said: " + MASK * 4 + "." + MASK + " Then he left."
    assert sentences(text) == ["She said: " + MASK * 4 + "." + MASK, " Then he left."]


def test_sentences_of_a_window_and_of_blank_text():
    """Only the window ``start:end`` is split, with offsets into the whole text; white space
    alone is no sentence."""
    text = "Intro.\n\nThe pier closed. It opens in May."
    start = text.index("The")
    assert sentences(text, start) == ["The pier closed.", " It opens in May."]
    assert sentences("   \n ") == []


# --------------------------------------------------------------------------- paragraphs


def paragraphs(text: str) -> list[str]:
    return [text[s:e] for s, e in paragraph_spans(text)]


def test_one_line_is_one_paragraph():
    """Edited news: each non-blank line is a paragraph, whether lines are parted by a blank
    line or by a single break after a full stop."""
    assert paragraphs("Alpha one.\n\nBeta two.\nGamma three.\n") == [
        "Alpha one.", "Beta two.", "Gamma three."]


def test_a_line_broken_inside_a_sentence_goes_on():
    """A line that ends with no stop before a line in lower case goes on into it."""
    assert paragraphs("The mayor said the pier\nwould close in May.\nThe ferry runs.") == [
        "The mayor said the pier\nwould close in May.", "The ferry runs."]


def test_hard_wrapped_text_is_a_paragraph_per_block():
    """Wrapped text: a paragraph is the run of lines up to a blank line, even where a wrapped
    line starts with a capital ('Harbour Board', which in edited news would start a new one)."""
    text = ("The harbour board met on Tuesday and voted to close the old pier\n"
            "for repairs that will take most of the summer, a spokesman for the\n"
            "Harbour Board said after the meeting in the town hall on Tuesday.\n"
            "\n"
            "Fishing boats will use the north quay until the work is done, and\n"
            "the ferry will leave from the beach at the usual times each day\n"
            "while the cranes are on the pier.\n")
    first, second = paragraphs(text)
    assert first.startswith("The harbour board") and first.endswith("town hall on Tuesday.")
    assert second.startswith("Fishing boats") and second.endswith("on the pier.")


# --------------------------------------------------------------------------- pair_marks


def test_pair_marks_one_straight_quote():
    """'"We won," she said.': one double-quoted candidate over the marks, its content inside."""
    text = '"We won," she said.'
    (c,), diagnostics = marks_of(text)
    assert (c.start, c.end, c.double, c.flags) == (0, 9, True, ())
    assert text[slice(*c.content)] == "We won,"
    assert diagnostics == []


def test_pair_marks_nested_single_stays_inside():
    """A single-quoted word inside a double quote is part of it: one candidate."""
    text = "“He said ‘never’ twice,” she said."
    (c,), _ = marks_of(text)
    assert text[c.start:c.end] == "“He said ‘never’ twice,”"


def test_pair_marks_apostrophes_are_no_quotes():
    """don't and ’90s pair nothing and report nothing."""
    assert marks_of("They don't know what the ’90s were like.") == ([], [])


def test_pair_marks_unclosed_and_stray():
    """An opening mark never closed is a candidate flagged unclosed, with a diagnostic at the
    mark; a closing mark with nothing open is only a diagnostic."""
    text = 'He said "we open at six.'
    (c,), (diag,) = marks_of(text)
    assert (text[c.start:c.end], c.flags) == ('"we open at six.', ("unclosed",))
    assert (diag.code, diag.span.start) == ("unclosed-quote", text.index('"'))
    text = "The shop opened.” Then it closed."
    candidates, (diag,) = marks_of(text)
    assert candidates == [] and (diag.code, diag.span.start) == ("stray-closing-mark", 16)


def test_pair_marks_chains_a_quote_over_two_paragraphs():
    """A quote left open at a paragraph's end and reopened in the next is two candidates, one
    per paragraph, chained to the first."""
    text = "“One.\n\n“Two,” he said."
    first, second = marks_of(text)[0]
    assert (text[first.start:first.end], text[second.start:second.end]) == ("“One.", "“Two,”")
    assert (first.paragraph, second.paragraph) == (0, 1)
    assert (first.chain, second.chain) == (0, 0)
