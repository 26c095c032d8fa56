"""Numeric claims: the golden sentences, the seed article, the word lists and properties on any text."""

from __future__ import annotations

import json
import math
from importlib import resources
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotetrack.claims_model import Claim, ClaimSource, Qualifier, Quantity
from quotetrack import Parser
from quotetrack.errors import ConfigError, InputTypeError
from quotetrack.lexicon import default_lexicon
from quotetrack.model import Span
from quotetrack.rules.claims import (
    CHUNK_CHARS,
    ClaimTables,
    claim_tables,
    find_claims,
)
from quotetrack.text import fold

HERE = Path(__file__).parent
GOLDEN = json.loads((HERE / "fixtures" / "claims_golden.json").read_text(encoding="utf-8"))
CASES = GOLDEN["cases"]
SEED_PATHS = (HERE / "fixtures" / "seed.jsonl", HERE.parent.parent / "shared" / "eval" / "seed.jsonl")
QUALIFIERS = {q.value for q in Qualifier}


def _owners(case):
    return [(o["start"], o["end"], o["speaker"]) for o in case.get("owners", ())]


def _as_dict(claim: Claim) -> dict:
    q = claim.quantity
    out = {"text": claim.text, "start": claim.span.start}
    if q.is_range:
        out["low"], out["high"] = q.low, q.high
    else:
        out["value"] = q.value
    out.update(qualifier=q.qualifier.value, unit=q.unit, source=claim.source.value)
    if claim.source is ClaimSource.QUOTE:
        out["asserted_by"] = claim.asserted_by
    return out


def _expected(e: dict) -> dict:
    out = {"text": e["text"], "start": e["start"]}
    if "low" in e:
        out["low"], out["high"] = float(e["low"]), float(e["high"])
    else:
        out["value"] = None if e["value"] is None else float(e["value"])
    out.update(qualifier=e["qualifier"], unit=e["unit"], source=e["source"])
    if e["source"] == "quote":
        out["asserted_by"] = e.get("asserted_by")
    return out


def _close(found: list[dict], expected: list[dict]) -> bool:
    if len(found) != len(expected):
        return False
    for f, e in zip(found, expected):
        if f.keys() != e.keys():
            return False
        for k in f:
            a, b = f[k], e[k]
            if isinstance(a, float) and isinstance(b, float):
                if not math.isclose(a, b, rel_tol=1e-9):
                    return False
            elif a != b:
                return False
    return True


def _params():
    for case in CASES:
        marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if "xfail" in case else []
        yield pytest.param(case, id=case["label"], marks=marks)


@pytest.mark.parametrize("case", list(_params()))
def test_golden(case):
    """Each hand-checked sentence gives exactly the expected claims (none for the negatives)."""
    found = [_as_dict(c) for c in find_claims(case["text"], owners=_owners(case))]
    expected = [_expected(e) for e in case["expect"]]
    assert _close(found, expected), f"{case['comment']}\nfound:    {found}\nexpected: {expected}"


def test_golden_file_is_well_formed():
    """Every golden case has a unique label, a comment, and spans that slice their own text."""
    labels = [c["label"] for c in CASES]
    assert len(labels) == len(set(labels))
    assert len(CASES) >= 45
    assert sum(1 for c in CASES if not c["expect"]) >= 20
    for case in CASES:
        text = case["text"]
        assert case["comment"].strip(), case["label"]
        for o in case.get("owners", ()):
            assert 0 <= o["start"] < o["end"] <= len(text), case["label"]
        for e in case["expect"]:
            start = e["start"]
            assert text[start:start + len(e["text"])] == e["text"], case["label"]
            assert e["qualifier"] in QUALIFIERS, case["label"]
            assert e["source"] in ("quote", "article"), case["label"]
            if "low" in e:
                assert e["low"] < e["high"] and "value" not in e, case["label"]
            elif e["qualifier"] == "vague":
                assert e["value"] is None, case["label"]
            else:
                assert isinstance(e["value"], (int, float)), case["label"]


# --- the seed article ----------------------------------------------------------------------------

def _seed_text() -> str:
    for path in SEED_PATHS:
        if path.exists():
            return json.loads(path.read_text(encoding="utf-8").splitlines()[0])["text"]
    pytest.skip("seed article not available")


def test_seed_article_claims():
    """The seed article's troop count, coalition size and death toll are article claims."""
    text = _seed_text()
    by_text = {c.text: c for c in find_claims(text)}
    troops = by_text["more than 5,000 U.S. troops"]
    assert (troops.quantity.value, troops.quantity.qualifier, troops.quantity.unit) == (
        5000, Qualifier.MORE_THAN, "troops")
    coalition = by_text["81-country coalition"]
    assert (coalition.quantity.value, coalition.quantity.unit) == (81, "countries")
    killed = by_text["More than 500 people have been killed"]
    assert (killed.quantity.value, killed.quantity.qualifier, killed.quantity.unit) == (
        500, Qualifier.MORE_THAN, "people killed")
    for claim in (troops, coalition, killed):
        assert claim.source is ClaimSource.ARTICLE and claim.asserted_by is None
        assert claim.sentence.start <= claim.span.start < claim.span.end <= claim.sentence.end


def test_seed_article_non_claims():
    """Ages, relative dates and time expressions in the seed article are not claims."""
    text = _seed_text()
    claims = find_claims(text)
    for phrase in ("Zahraa, 21", "also 21", "last week", "five days earlier", "the last two months",
                   "in 2014", "one western diplomat", "not one politician", "the two powers"):
        start = text.index(phrase)
        end = start + len(phrase)
        overlapping = [c.text for c in claims if c.span.start < end and start < c.span.end]
        assert not overlapping, (phrase, overlapping)


def test_seed_article_quote_owner():
    """'hundreds of martyrs' is a vague claim asserted by the speaker of the quote it stands in."""
    text = _seed_text()
    start = text.index("\u201cWe\u2019ve lost hundreds of martyrs")
    end = text.index("\u201d", start) + 1
    speaker = object()
    claims = [c for c in find_claims(text, owners=[(start, end, speaker)]) if start <= c.span.start < end]
    assert [c.text for c in claims] == ["hundreds of martyrs"]
    (martyrs,) = claims
    assert martyrs.quantity.is_vague and martyrs.quantity.value is None
    assert martyrs.quantity.unit == "martyrs"
    assert martyrs.source is ClaimSource.QUOTE and martyrs.asserted_by is speaker


# --- the word lists -------------------------------------------------------------------------------

CLAIM_FILES = sorted(
    p.name for p in resources.files("quotetrack.data").iterdir() if p.name.startswith("claims_")
)


def test_claim_files_present():
    """All nine claims word lists ship with the package."""
    assert CLAIM_FILES == [
        "claims_context.tsv", "claims_endings.tsv", "claims_number_words.tsv", "claims_plurals.tsv",
        "claims_predicates.tsv", "claims_qualifiers.tsv", "claims_stopwords.tsv",
        "claims_time_words.tsv", "claims_units.tsv",
    ]


@pytest.mark.parametrize("name", CLAIM_FILES)
def test_claim_file_hygiene(name):
    """Each claims word list has a header, sorted rows, no duplicates and no stray white space."""
    text = resources.files("quotetrack.data").joinpath(name).read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0].startswith("# ")
    rows = [line for line in lines[1:] if line and not line.startswith("#")]
    assert rows == sorted(rows), name
    assert len(rows) == len(set(rows)), name
    width = len(rows[0].split("\t"))
    for row in rows:
        cells = row.split("\t")
        assert len(cells) == width, (name, row)
        assert cells[0] == cells[0].strip().lower() and cells[0], (name, row)
    # a word (an ending) may have several kinds in these: the key is the whole row
    multi = name in ("claims_context.tsv", "claims_endings.tsv")
    keys = [tuple(r.split("\t")[:2]) if multi else r.split("\t")[0] for r in rows]
    assert len(keys) == len(set(keys)), name


def test_endings_reach_the_tables():
    """claims_endings.tsv loads as tuples of endings by kind (for str.endswith), and a bad kind
    is a LexiconError naming the file."""
    endings = claim_tables().endings
    assert set(endings) == {"not_noun", "es_plural", "not_plural", "possessive"}
    assert "ch" in endings["es_plural"] and "'s" in endings["possessive"]
    assert all(isinstance(v, tuple) and v for v in endings.values())


def test_tables_load_once():
    """The word lists load into one cached frozen object equal to a fresh load."""
    assert claim_tables() is claim_tables()
    assert claim_tables() == ClaimTables.load()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        claim_tables().stopwords = frozenset()


# --- the model ------------------------------------------------------------------------------------

def test_quantity_invariants():
    """A quantity is a value, a range or vague, never a mix."""
    assert Quantity(value=5, unit="troops").qualifier is Qualifier.EXACT
    assert Quantity(low=1, high=2).is_range
    assert Quantity(qualifier="vague").is_vague
    for bad in (dict(), dict(value=1, low=1, high=2), dict(low=2, high=1), dict(low=1),
                dict(value=1, qualifier="vague"), dict(value=float("nan")), dict(value=True)):
        with pytest.raises((ValueError, TypeError)):
            Quantity(**bad)


def test_claim_invariants():
    """A claim lies inside its sentence, and an article claim has no speaker."""
    text = "About 5 men."
    q = Quantity(value=5, unit="men")
    Claim(span=Span.of(text, 0, 11), sentence=Span.of(text, 0, 12), quantity=q, source="article")
    with pytest.raises(ValueError):
        Claim(span=Span.of(text, 0, 11), sentence=Span.of(text, 2, 12), quantity=q, source="article")
    with pytest.raises(ValueError):
        Claim(span=Span.of(text, 0, 11), sentence=Span.of(text, 0, 12), quantity=q,
              source="article", asserted_by="X")


# --- misuse ---------------------------------------------------------------------------------------

def test_misuse_raises():
    """Bytes, a folded copy of the wrong length and out-of-range bounds raise with a clear message."""
    with pytest.raises(InputTypeError):
        find_claims(b"5 people")
    with pytest.raises(ConfigError, match="same length"):
        find_claims("5 people", folded="5")
    with pytest.raises(ConfigError, match="sentences"):
        find_claims("5 people", sentences=[(0, 99)])
    with pytest.raises(ConfigError, match="owners"):
        find_claims("5 people", owners=[(3, 1, None)])


def test_given_sentences_and_folded_are_used():
    """Only text inside the given sentences is read, and each claim reports its sentence."""
    text = "Ten men came. About 40 women left."
    claims = find_claims(text, folded=fold(text), sentences=[(14, len(text))])
    assert [c.text for c in claims] == ["About 40 women"]
    assert claims[0].sentence.text == "About 40 women left."


def test_innermost_owner_wins():
    """A claim in a quotation nested in another is asserted by the inner quotation's speaker."""
    text = "'He said \"500 men came\" to me,' she said."
    inner = (text.index('"'), text.rindex('"') + 1, "he")
    outer = (0, text.index(",'") + 2, "she")
    (claim,) = find_claims(text, owners=[outer, inner])
    assert claim.asserted_by == "he"


# --- bounds and properties ------------------------------------------------------------------------

def test_long_sentence_is_read_in_chunks_without_loss_or_duplicates():
    """A sentence far longer than a chunk gives each claim once, including those at chunk edges."""
    text = "and 7 people " * (3 * CHUNK_CHARS // 13 + 50)
    claims = find_claims(text)
    assert len(claims) == text.count("7 people")
    assert len({c.span.start for c in claims}) == len(claims)


def test_adversarial_inputs_finish():
    """Dense digits, number words, symbols and commas finish and keep every span valid."""
    for text in ("1 " * 20000, "one " * 20000, "$" * 20000 + "5", "1," * 20000 + "5",
                 "1-" * 20000, "a.a." * 10000, "hundreds of " * 5000, "5" * 100000):
        for claim in find_claims(text):
            assert text[claim.span.start:claim.span.end] == claim.span.text


def _check(text: str) -> tuple[Claim, ...]:
    claims = find_claims(text)
    last = -1
    for c in claims:
        assert text[c.span.start:c.span.end] == c.span.text
        assert text[c.sentence.start:c.sentence.end] == c.sentence.text
        assert c.sentence.start <= c.span.start < c.span.end <= c.sentence.end
        assert c.span.start > last
        last = c.span.start
    return claims


PIECES = [
    "5", "5,000", "44.5", "2014", "0", "21", "$", "US$", "\u00a3", "\u20ac", "-", "\u2013", "%",
    "million", "bn", "m", "km", "half", "a", "of", "one", "in", "five", "between", "and", "more",
    "than", "at", "least", "people", "killed", "were", "have", "been", ".", ",", '"', "\u201c",
    "\u201d", "'", "\u2019", "percent", "per", "cent", "hundreds", "Street", "Jan.", "p.m.",
    "year-old", "3-1", "\n", "U.S.", "the", "last", "two", "months", "10:30", "odd", "strong",
    "thirds", "every", "aged", "Article", "Boeing", "th", "s", "\u0663", "\u00e9", "\u0301",
]


@settings(deadline=None, max_examples=300)
@given(st.text())
def test_any_text_never_raises(text):
    """Any Unicode text gives claims whose spans slice the text, in order."""
    _check(text)


@settings(deadline=None, max_examples=300)
@given(st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(["", " ", " ", "\n"])), max_size=60))
def test_number_dense_text_never_raises(parts):
    """Text dense in numbers, units, qualifiers and marks gives valid spans and is deterministic."""
    text = "".join(p + sep for p, sep in parts)
    assert _check(text) == _check(text)


@settings(deadline=None, max_examples=150)
@given(st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(["", " "])), max_size=40))
def test_prepending_a_paragraph_shifts_spans(parts):
    """A number-free paragraph in front shifts every claim by its length and changes nothing else."""
    text = "".join(p + sep for p, sep in parts)
    intro = "An opening line without figures.\n\n"
    before = find_claims(text)
    after = find_claims(intro + text)
    assert [(c.span.shifted(len(intro)), c.quantity, c.rule) for c in before] == [
        (c.span, c.quantity, c.rule) for c in after
    ]


def test_claims_split_sentences_with_the_parsers_lexicon():
    """The claims step splits sentences with the parser's lexicon, not the default one: an
    abbreviation added by the user does not end the sentence of a claim."""
    text = "The crowd was approx. 500 people. Police said 20 were hurt."
    lex = default_lexicon()
    assert "approx." not in lex.abbreviations
    mine = attrs.evolve(lex, abbreviations=lex.abbreviations | {"approx."})

    def sentences(lexicon):
        return [(c.span.text, c.sentence.text)
                for c in Parser(lexicon=lexicon, claims=True).parse(text).claims]

    assert sentences(lex) == [("500 people", "500 people."),
                              ("20 were hurt", "Police said 20 were hurt.")]
    assert sentences(mine) == [("500 people", "The crowd was approx. 500 people."),
                               ("20 were hurt", "Police said 20 were hurt.")]
    assert [c.sentence.text for c in find_claims(text, lexicon=mine)][0] == (
        "The crowd was approx. 500 people.")
