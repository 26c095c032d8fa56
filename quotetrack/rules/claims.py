"""Numeric claims: the counts, amounts, percentages and vague quantities a text asserts.

``find_claims`` reads each sentence as a list of tokens (numbers, words, single symbols) and tries,
at each token, to read a numeric expression: a qualifier ("more than"), a currency prefix ("$"),
the number in digits or words ("5,000", "two million"), a scale ("bn", "million"), then what is
counted (a unit such as "percent", a compound such as "81-country", or the noun after the number,
with a predicate such as "have been killed"). Vague quantities ("hundreds of martyrs"), fractions
("half of", "one in five") and ranges ("between 10 and 20", "10-20") have their own readers.

What is *not* a claim is decided from the few tokens around the number: years, dates and times of
day, ages, time expressions ("five days earlier"), addresses, phone numbers, ordinals, sports
scores, labels ("Article 5", "Boeing 737") and "one" used as a pronoun. The word lists are the
``claims_*.tsv`` data files. Every look-around is a fixed number of tokens, and a sentence is read
in chunks of at most `CHUNK_CHARS` characters, so the work is linear in the length of the text.

A claim inside a quotation (an ``owners`` span) is asserted by that quotation's speaker; any other
claim is asserted by the article itself.
"""

from __future__ import annotations

import functools
from fractions import Fraction
from typing import Any, Mapping, NamedTuple, Optional, Sequence

import attrs
import regex

from ..claims_model import Claim, ClaimSource, Qualifier, Quantity
from ..errors import ConfigError, InputTypeError, LexiconError
from ..lexicon import Lexicon, default_lexicon, read_table
from ..model import Span
from ..text import fold, paragraph_spans, sentence_bounds

__all__ = [
    "ClaimTables",
    "claim_tables",
    "find_claims",
    "CHUNK_CHARS",
    "CHUNK_OVERLAP_CHARS",
    "QUALIFIER_WINDOW",
    "NOUN_WINDOW",
    "AUX_WINDOW",
]

#: a sentence longer than this is read in chunks of this many characters
CHUNK_CHARS = 4000
#: characters of context read before and after each chunk
CHUNK_OVERLAP_CHARS = 300
#: words read back from a number for its qualifier ("no fewer than")
QUALIFIER_WINDOW = 4
#: words read after a number for the counted noun ("5,000 U.S. troops")
NOUN_WINDOW = 4
#: words allowed between a counted noun and its predicate ("people have been killed")
AUX_WINDOW = 4
#: number words read as one number ("two hundred and fifty thousand")
_MAX_NUMBER_WORDS = 12
#: words of a unit after a number ("percentage points", "square km") and of a qualifier after it
#: ("or more", "or so"), read at most
_MAX_UNIT_WORDS = 3
_MAX_POST_QUALIFIER_WORDS = 2
#: "1 in 4": the digits of a small number, and the largest "in" of a ratio
_SMALL_NUMBER_DIGITS = 4
_MAX_RATIO_DENOMINATOR = 1000
#: "two-thirds of": the largest count of a fraction written in words
_MAX_FRACTION_COUNT = 20
#: words after a fraction read for a unit of time ("half of the decade": a time, not a claim)
_TIME_AFTER_FRACTION_WORDS = 3
#: "several hundred thousand": the scale words after a vague modifier, plus one; and "tens of
#: thousands of millions": the "of" links of vague words read at most
_VAGUE_SCALE_TOKENS = 4
_MAX_VAGUE_LINKS = 3
#: "state-owned-and-run": the hyphenated parts of one compound or word read at most (a word's
#: tokens: parts and hyphens, after its first)
_MAX_COMPOUND_PARTS = 3
_MAX_HYPHEN_TOKENS = 4
#: a word in "s" shorter than this ("us", "is") is not taken as a plural
_MIN_PLURAL_CHARS = 3
#: a number of this many digits in this range, alone, is a year ("2014 protests", "2010-14")
_YEAR_DIGITS = 4
_FIRST_YEAR = 1000
_LAST_YEAR = 2100
#: a counted noun or the word of a compound ("81-country") has at least this many letters
_MIN_NOUN_CHARS = 2
#: "raising the retirement age from 60 to 65": words read back for an age word before a bare number
_AGE_WINDOW = 8
#: "people over 60": a number after a person word and a qualifier is an age up to this
_MAX_AGE = 120
#: "555-1234": the digits of a phone number's two parts
_PHONE_PARTS = (3, 4)
#: tokens before and after "1-3" read for a sport word that makes it a score ("lost 1-3")
_SCORE_WINDOW_BEFORE = 4
_SCORE_WINDOW_AFTER = 3

_NUMBER_KINDS = ("cardinal", "scale", "suffix", "vague", "modifier", "fraction")
_UNIT_POSITIONS = ("prefix", "after", "attached")
_QUALIFIER_POSITIONS = ("before", "after")
_TIME_KINDS = ("unit", "month", "weekday", "clock")
_CONTEXT_KINDS = (
    "label", "street", "age", "person", "score", "phone", "bare", "aux", "anaphoric", "ordinal",
    "event", "verb_object", "article", "half_determiner", "time_filler", "of_determiner",
    "coordinator", "comparative", "count_preposition", "vague_of", "half", "percent_unit",
    "metre_unit",
)
_ENDING_KINDS = ("not_noun", "es_plural", "not_plural", "possessive")
_PREDICATE_POSITIONS = ("after", "before", "both")


def _check_kind(file: str, word: str, kind: str, valid: tuple[str, ...]) -> None:
    if kind not in valid:
        raise LexiconError(f"{file}: kind {kind!r} of {word!r} is not one of {valid}")


def _fraction(file: str, word: str, value: str) -> Fraction:
    try:
        return Fraction(value)
    except (ValueError, ZeroDivisionError) as exc:
        raise LexiconError(f"{file}: value {value!r} of {word!r} is not a number") from exc


@attrs.frozen(kw_only=True)
class ClaimTables:
    """The word lists of the claims stage, keyed by lower-case text (multi-word keys as tuples)."""

    cardinals: Mapping[str, Fraction]
    scales: Mapping[str, Fraction]
    suffixes: Mapping[str, Fraction]
    vague: frozenset[str]
    modifiers: frozenset[str]
    fractions: Mapping[str, Fraction]
    prefix_units: Mapping[str, str]
    after_units: Mapping[tuple[str, ...], str]
    attached_units: Mapping[str, str]
    qualifiers_before: Mapping[tuple[str, ...], Qualifier]
    qualifiers_after: Mapping[tuple[str, ...], Qualifier]
    time: Mapping[str, frozenset[str]]  # kind -> words
    context: Mapping[str, frozenset[str]]  # kind -> words
    stopwords: frozenset[str]
    predicates_after: Mapping[str, str]
    predicates_before: Mapping[str, str]
    plurals: Mapping[str, str]
    plural_forms: frozenset[str]
    endings: Mapping[str, tuple[str, ...]]  # kind -> word endings (for str.endswith)
    #: words that can start a claim with no digit in it ("five", "hundreds", "half", "dozen")
    triggers: frozenset[str] = attrs.field(init=False)

    def __attrs_post_init__(self):
        words = set(self.cardinals) | set(self.scales) | set(self.vague)
        words |= {k.split()[0] if isinstance(k, str) else k[0] for k in self.fractions}
        object.__setattr__(self, "triggers", frozenset(words))

    @classmethod
    def load(cls) -> "ClaimTables":
        """Read the ``claims_*.tsv`` files shipped in the package."""
        name = "claims_number_words.tsv"
        by_kind: dict[str, dict[str, Fraction]] = {k: {} for k in _NUMBER_KINDS}
        for word, kind, value in read_table(name, 3):
            _check_kind(name, word, kind, _NUMBER_KINDS)
            if kind in ("vague", "modifier"):
                by_kind[kind][word.lower()] = Fraction(0)
            else:
                by_kind[kind][word.lower()] = _fraction(name, word, value)

        name = "claims_units.tsv"
        units: dict[str, dict] = {k: {} for k in _UNIT_POSITIONS}
        for form, unit, position in read_table(name, 3):
            _check_kind(name, form, position, _UNIT_POSITIONS)
            key = tuple(form.lower().split()) if position == "after" else form.lower()
            units[position][key] = unit

        name = "claims_qualifiers.tsv"
        quals: dict[str, dict] = {k: {} for k in _QUALIFIER_POSITIONS}
        valid_q = tuple(q.value for q in Qualifier if q is not Qualifier.VAGUE)
        for phrase, qualifier, position in read_table(name, 3):
            _check_kind(name, phrase, position, _QUALIFIER_POSITIONS)
            _check_kind(name, phrase, qualifier, valid_q)
            quals[position][tuple(phrase.lower().split())] = Qualifier(qualifier)

        time: dict[str, set] = {k: set() for k in _TIME_KINDS}
        for word, kind in read_table("claims_time_words.tsv", 2):
            _check_kind("claims_time_words.tsv", word, kind, _TIME_KINDS)
            time[kind].add(word.lower())

        context: dict[str, set] = {k: set() for k in _CONTEXT_KINDS}
        for word, kind in read_table("claims_context.tsv", 2):
            _check_kind("claims_context.tsv", word, kind, _CONTEXT_KINDS)
            context[kind].add(word.lower())

        name = "claims_predicates.tsv"
        after: dict[str, str] = {}
        before: dict[str, str] = {}
        for word, meaning, position in read_table(name, 3):
            _check_kind(name, word, position, _PREDICATE_POSITIONS)
            if position in ("after", "both"):
                after[word.lower()] = meaning
            if position in ("before", "both"):
                before[word.lower()] = meaning

        endings: dict[str, list[str]] = {k: [] for k in _ENDING_KINDS}
        for ending, kind in read_table("claims_endings.tsv", 2):
            _check_kind("claims_endings.tsv", ending, kind, _ENDING_KINDS)
            endings[kind].append(ending.lower())

        plurals = {s.lower(): p.lower() for s, p in read_table("claims_plurals.tsv", 2)}
        return cls(
            cardinals=dict(by_kind["cardinal"]),
            scales=dict(by_kind["scale"]),
            suffixes=dict(by_kind["suffix"]),
            vague=frozenset(by_kind["vague"]),
            modifiers=frozenset(by_kind["modifier"]),
            fractions=dict(by_kind["fraction"]),
            prefix_units=dict(units["prefix"]),
            after_units=dict(units["after"]),
            attached_units=dict(units["attached"]),
            qualifiers_before=dict(quals["before"]),
            qualifiers_after=dict(quals["after"]),
            time={k: frozenset(v) for k, v in time.items()},
            context={k: frozenset(v) for k, v in context.items()},
            stopwords=frozenset(w.lower() for (w,) in read_table("claims_stopwords.tsv", 1)),
            predicates_after=after,
            predicates_before=before,
            plurals=plurals,
            plural_forms=frozenset(plurals.values()),
            endings={k: tuple(v) for k, v in endings.items()},
        )


@functools.lru_cache(maxsize=1)
def claim_tables() -> ClaimTables:
    """The claims word lists shipped with quotetrack, loaded once."""
    return ClaimTables.load()


# ---------------------------------------------------------------------------------------------
# Tokens. Numbers are ASCII digits with optional thousands commas and decimals; words are letters
# with inner apostrophes ("Iraq's") or dotted abbreviations ("U.S.", "p.m."); anything else that
# is not white space is a one-character symbol. Every quantifier is bounded or unambiguous.

_TOKEN = regex.compile(
    r"(?P<num>[0-9]{1,3}(?:,[0-9]{3}){1,5}(?:\.[0-9]{1,12})?(?![0-9])|[0-9]{1,30}(?:\.[0-9]{1,12})?)"
    r"|(?P<word>[^\W\d_]{1,3}(?:\.[^\W\d_]{1,3}){1,6}\.?(?![^\W\d_])|[^\W\d_]+(?:'[^\W\d_]+)*)"
    r"|(?P<sym>\S)"
)


class _Tok(NamedTuple):
    kind: str  # "num", "word" or "sym"
    start: int
    end: int
    text: str
    low: str


def _tokens(folded: str, start: int, end: int) -> list[_Tok]:
    return [
        _Tok(m.lastgroup or "sym", m.start(), m.end(), m.group(), m.group().lower())
        for m in _TOKEN.finditer(folded, start, end)
    ]


def _adj(a: _Tok, b: _Tok) -> bool:
    return a.end == b.start


def _is_upper(t: _Tok) -> bool:
    return t.text[:1].isupper()


class _Core(NamedTuple):
    """A number as written: tokens ``start``..``end`` (exclusive), currency prefix included."""

    value: Fraction
    base: Fraction  # the value before its scale ("20" of "20 million")
    scale: Fraction
    start: int
    end: int
    num: int  # the token of the digits, or the first number word
    unit: Optional[str]  # a currency prefix or an attached unit ("10km")
    spelled: bool  # written in words
    plain: bool  # digits only, no commas or decimals


class _Found(NamedTuple):
    start: int  # token indexes
    end: int
    quantity: Quantity
    rule: str


class _Tail(NamedTuple):
    end: int
    unit: Optional[str]
    qualifier: Optional[Qualifier]
    rule: Optional[str]


_REJECT = "reject"  # a _tail result meaning "this is not a claim"

#: the claim rules, in the order they are tried at a word: a ratio ("one in five", "3 in 10"),
#: a fraction ("two-thirds of"), a vague quantity ("dozens of", "a handful"), a number in digits
#: or words with its unit. `Claim.rule` records the rule, or for a number the kind of number it
#: read (`count`, `range`, `money`, `percent`, `measure`)
CLAIM_RULES = ("ratio", "fraction", "vague", "number")


def _unit_rule(unit: str, percent_units: frozenset[str]) -> str:
    """The rule name for a unit from the units table: money, percent or measure."""
    if unit.isupper():
        return "money"
    return "percent" if unit in percent_units else "measure"


class _Reader:
    """Reads the claims of one chunk of tokens."""

    def __init__(self, toks: list[_Tok], tb: ClaimTables,
                 enabled: frozenset[str] = frozenset(CLAIM_RULES)):
        self.t = toks
        self.n = len(toks)
        self.tb = tb
        self.enabled = enabled  # the claim rules to run (`CLAIM_RULES`)
        self._currency = "".join(k for k in tb.prefix_units if len(k) == 1)
        # the word lists read at every token, looked up once per chunk
        self._articles = tb.context["article"]
        self._percent_units = tb.context["percent_unit"]
        self._not_plural = tb.endings["not_plural"]

    # --- small helpers -------------------------------------------------------------------------
    def low(self, i: int) -> str:
        return self.t[i].low if 0 <= i < self.n else ""

    def word(self, i: int) -> str:
        """The lower-case word at ``i``, or "" if ``i`` is not a word."""
        if 0 <= i < self.n and self.t[i].kind == "word":
            return self.t[i].low
        return ""

    def is_sym(self, i: int, chars: str) -> bool:
        return 0 <= i < self.n and self.t[i].kind == "sym" and self.t[i].text in chars

    def adj(self, i: int, j: int) -> bool:
        return 0 <= i < self.n and 0 <= j < self.n and _adj(self.t[i], self.t[j])

    def ctx(self, kind: str) -> frozenset[str]:
        return self.tb.context[kind]

    def longest(self, i: int, table: Mapping[tuple[str, ...], Any], max_len: int):
        """The longest key of ``table`` written as the tokens from ``i`` on: (value, length)."""
        for length in range(max_len, 0, -1):
            if i + length > self.n:
                continue
            key = tuple(self.t[k].low for k in range(i, i + length))
            if key in table:
                return table[key], length
        return None, 0

    # --- the loop ------------------------------------------------------------------------------
    def read(self, first: int, last: int):
        """Yield the claims whose first token starts at a character offset in [first, last)."""
        i = 0
        while i < self.n:
            found, nxt = self.at(i)
            if found is not None and first <= self.t[found.start].start < last:
                yield found
            i = max(nxt, i + 1)

    def at(self, i: int) -> tuple[Optional[_Found], int]:
        """The claim that starts at token ``i`` (the first enabled rule that reads one there),
        and the token to go on from."""
        tok = self.t[i]
        on = self.enabled
        if tok.kind == "num":
            if "ratio" in on:
                ratio = self.ratio(i)
                if ratio is not None:
                    return ratio, ratio.end
            if "number" not in on:
                return None, i + 1
            core = self.digits(i)
            if isinstance(core, int):
                return None, core
            return self.finish(core)
        if tok.kind != "word":
            return None, i + 1
        for name, reader in (("fraction", self.fraction), ("vague", self.vague),
                             ("ratio", self.ratio)):
            if name not in on:
                continue
            found = reader(i)
            if isinstance(found, int):
                return None, found
            if found is not None:
                return found, found.end
        if "number" in on and (tok.low in self.tb.cardinals or tok.low in self._articles):
            core = self.spelled(i)
            if isinstance(core, int):
                return None, core
            if core is not None:
                return self.finish(core)
        return None, i + 1

    # --- numbers -------------------------------------------------------------------------------
    def digits(self, i: int, after_hyphen: bool = False):
        """The number written in digits at ``i``, or the index to go on from if it is not one."""
        t, tb = self.t, self.tb
        tok = t[i]
        start = i
        unit = None
        # a currency before the digits: "$5", "US$5", "£5", "Rs 5"
        if self.is_sym(i - 1, self._currency) and self.adj(i - 1, i):
            unit, start = tb.prefix_units[t[i - 1].text], i - 1
            combined = self.word(i - 2) + t[i - 1].text
            if self.word(i - 2) and self.adj(i - 2, i - 1) and combined in tb.prefix_units:
                unit, start = tb.prefix_units[combined], i - 2
        elif self.word(i - 1) in tb.prefix_units:
            unit, start = tb.prefix_units[self.word(i - 1)], i - 1
        elif self.is_sym(i - 1, ".") and self.word(i - 2) in tb.prefix_units and self.adj(
            i - 2, i - 1
        ):
            unit, start = tb.prefix_units[self.word(i - 2)], i - 2
        if unit is None and i > 0 and self.adj(i - 1, i):
            prev = t[i - 1]
            if prev.kind in ("word", "num"):  # "G8", "A4"
                return i + 1
            if prev.kind == "sym":
                if prev.text in "/:.#'+_@&*^=~\\|":  # "9/11", "10:30", "#5", "'90s", "+44"
                    return i + 1
                if prev.text == "-" and not after_hyphen and i >= 2 and self.adj(i - 2, i - 1) and (
                    t[i - 2].kind in ("word", "num")
                ):  # "F-16", "COVID-19"
                    return i + 1
        nxt = i + 1
        # "10:30", "9/11", "1.2.3": digits joined to more digits by a symbol
        if self.is_sym(nxt, "/:.,") and self.adj(i, nxt) and self.adj(nxt, nxt + 1) and (
            t[nxt + 1].kind == "num"
        ):
            k = nxt + 1
            while k + 2 < self.n and self.is_sym(k + 1, "/:.,-") and self.adj(k, k + 1) and (
                t[k + 2].kind == "num"
            ):
                k += 2
            return k + 1
        # "020 7946 0958", "1 2 3": a run of numbers is a phone number or a list
        if nxt < self.n and t[nxt].kind == "num":
            k = nxt
            while k < self.n and t[k].kind == "num":
                k += 1
            return k
        digits = tok.text.replace(",", "")
        if len(digits) > 1 and digits[0] == "0" and digits[1] != ".":  # "020", "007"
            return i + 1
        base = Fraction(digits)
        scale = Fraction(1)
        end = nxt
        # letters written onto the digits: "5bn", "10km", "10th", "1990s", "5pm", "3D"
        if nxt < self.n and self.adj(i, nxt) and t[nxt].kind == "word":
            w = t[nxt].low
            if w == "m" and unit is None and not self.millions_follow(i, nxt + 1):
                if self.word(nxt + 1) in self.ctx("event") or self.word(i - 1) == "the" or (
                    self.word(i - 1) in self.ctx("coordinator") and self.word(i - 2) == "m"
                ) or (
                    self.word(nxt + 1) in self.ctx("coordinator") and nxt + 2 < self.n
                    and t[nxt + 2].kind == "num" and self.word(nxt + 3) == "m"
                    and self.adj(nxt + 2, nxt + 3)
                ):
                    return nxt + 1  # "the 800m and 1000m", "800m and 1,500m gold", "400m runners"
                if self.singular_noun(nxt + 1):
                    unit, end = "metres", nxt + 1  # "a 10m wall"
                else:
                    scale, end = tb.suffixes[w], nxt + 1
            elif w in tb.suffixes:
                scale, end = tb.suffixes[w], nxt + 1
            elif w in tb.attached_units and unit is None:
                unit, end = tb.attached_units[w], nxt + 1
            elif (w,) in tb.after_units and unit is None:
                unit, end = tb.after_units[(w,)], nxt + 1
            else:  # ordinal, decade, time of day, time unit, model code
                return nxt + 1
        elif unit is not None and self.word(nxt) in tb.suffixes:  # "$5 bn"
            scale, end = tb.suffixes[self.word(nxt)], nxt + 1
        elif self.is_sym(nxt, "-") and self.adj(i, nxt) and self.adj(nxt, nxt + 1) and (
            self.word(nxt + 1) in tb.scales
        ):  # "$1.5-billion"
            scale, end = tb.scales[self.word(nxt + 1)], nxt + 2
        if scale == 1 and self.word(end) in tb.scales:
            scale, end = tb.scales[self.word(end)], end + 1
            if self.word(end) in tb.scales and tb.scales[self.word(end)] > scale:
                scale, end = scale * tb.scales[self.word(end)], end + 1
        plain = digits.isdigit() and scale == 1
        return _Core(base * scale, base, scale, start, end, i, unit, False, plain)

    def spelled(self, i: int):
        """A number written in words at ``i`` ("five", "two million", "a dozen"), or None."""
        t, tb = self.t, self.tb
        k = i
        article = t[i].low in self._articles
        if article:
            if self.word(i + 1) not in tb.scales:
                return None
            k = i + 1
        total = Fraction(0)
        current: Optional[Fraction] = None
        last = None
        prev_card = Fraction(0)
        scale_seen = Fraction(1)
        while k < self.n and k - i < _MAX_NUMBER_WORDS and t[k].kind == "word":
            w = t[k].low
            if w in tb.cardinals:
                v = tb.cardinals[w]
                if last == "card" or last == "half":
                    break
                current = (current or 0) + v
                last, prev_card = "card", v
                k += 1
                # "twenty-five"
                if (
                    prev_card >= 20 and prev_card % 10 == 0 and self.is_sym(k, "-")
                    and self.adj(k - 1, k) and self.adj(k, k + 1)
                    and 0 < tb.cardinals.get(self.word(k + 1), 0) < 10
                ):
                    current += tb.cardinals[self.word(k + 1)]
                    k += 2
                elif (
                    prev_card >= 20 and prev_card % 10 == 0
                    and 0 < tb.cardinals.get(self.word(k), 0) < 10
                ):  # "twenty five"
                    current += tb.cardinals[self.word(k)]
                    k += 1
                continue
            if w in tb.scales and (last is not None or (article and k == i + 1)):
                s = tb.scales[w]
                if s < 1000:  # hundred, dozen
                    current = (current if current is not None else 1) * s
                else:
                    total += (current if current is not None else 1) * s
                    current = None
                scale_seen = max(scale_seen, s)
                last = "scale"
                k += 1
                continue
            if w == "and" and last is not None:
                if last == "scale" and self.word(k + 1) in tb.cardinals:
                    k += 1
                    last = "and"
                    continue
                if self.word(k + 1) == "a" and self.word(k + 2) == "half" and last == "card":
                    current = (current or 0) + Fraction(1, 2)
                    last = "half"
                    k += 3
                    continue
            break
        if last is None:
            return None
        value = total + (current or 0)
        if t[i].text[:1].isupper() and not self.opens_sentence(i):
            return k  # "Formula One", "the 2005 Six Nations", "Wales' Six Nations": a name
        return _Core(value, value / scale_seen, scale_seen, i, k, i, None, True, False)

    # --- special forms -------------------------------------------------------------------------
    def ratio(self, i: int):
        """ "one in five", "1 in 4": a fraction."""
        n1 = self.small_number(i)
        if n1 is None or self.word(i + 1) != "in":
            return None
        k = i + 2
        if self.word(k) == "every":
            k += 1
        n2 = self.small_number(k)
        if n2 is None or not 0 < n1 < n2 or n2 > _MAX_RATIO_DENOMINATOR:
            return None
        q, start = self.qualifier_before(i)
        return _Found(start, k + 1, Quantity(value=float(n1 / n2), qualifier=q or Qualifier.EXACT,
                                              unit="fraction"), "ratio")

    def small_number(self, i: int) -> Optional[Fraction]:
        if not 0 <= i < self.n:
            return None
        tok = self.t[i]
        if tok.kind == "num" and tok.text.isdigit() and len(tok.text) <= _SMALL_NUMBER_DIGITS:
            if self.adj(i, i + 1) or (i > 0 and self.adj(i - 1, i)):
                return None
            return Fraction(int(tok.text))
        if tok.kind == "word" and tok.low in self.tb.cardinals:
            return self.tb.cardinals[tok.low]
        return None

    def fraction(self, i: int):
        """ "half of", "a third of", "two-thirds of"; "half a million" is read as a number."""
        tb = self.tb
        w = self.word(i)
        if w == "half":
            if self.word(i - 1) in self.ctx("ordinal") or self.adj(i - 1, i) or self.adj(i, i + 1):
                return i + 1  # "the second half", "half-time"
            nxt = self.word(i + 1)
            if nxt in self._articles and self.word(i + 2) in tb.scales:  # "half a million"
                s = tb.scales[self.word(i + 2)]
                core = _Core(s / 2, Fraction(1, 2), s, i, i + 3, i, None, True, False)
                found, _ = self.finish(core)
                return found if found is not None else i + 3
            if nxt == "of" or nxt in self.ctx("half_determiner"):
                if self.time_after(i + 1):
                    return i + 1
                return self.fraction_found(i, i + 1, Fraction(1, 2))
            return None
        # numerator: "a", "an", "one", or a small cardinal
        if w in self._articles:
            num = Fraction(1)
        elif w in tb.cardinals and 0 < tb.cardinals[w] <= _MAX_FRACTION_COUNT:
            num = tb.cardinals[w]
        else:
            return None
        k = i + 1
        if self.is_sym(k, "-") and self.adj(i, k) and self.adj(k, k + 1):
            k += 1
        f = self.word(k)
        if f not in tb.fractions or f in self.ctx("half") or self.word(k + 1) != "of":
            return None
        if self.time_after(k + 1):
            return k + 1
        value = num * tb.fractions[f]
        if self.word(k + 2) in self._articles and self.word(k + 3) in tb.scales:
            # "a quarter of a million"
            s = tb.scales[self.word(k + 3)]
            core = _Core(value * s, value, s, i, k + 4, i, None, True, False)
            found, _ = self.finish(core)
            return found if found is not None else k + 4
        return self.fraction_found(i, k + 1, value)

    def time_after(self, k: int) -> bool:
        """Whether the words from ``k`` ("of a century", "an hour") name a length of time."""
        for j in range(k, min(k + _TIME_AFTER_FRACTION_WORDS, self.n)):
            w = self.word(j)
            if w in self.ctx("time_filler"):
                continue
            return w in self.tb.time["unit"]
        return False

    def fraction_found(self, start: int, end: int, value: Fraction) -> _Found:
        q, qstart = self.qualifier_before(start)
        return _Found(qstart, end, Quantity(value=float(value), qualifier=q or Qualifier.EXACT,
                                            unit="fraction"), "fraction")

    def vague(self, i: int):
        """ "hundreds of martyrs", "dozens", "tens of thousands", "several hundred people"."""
        tb = self.tb
        w = self.word(i)
        k = i + 1
        start = i
        if w in tb.vague:
            if w in self.ctx("vague_of") and self.word(k) != "of":
                return None
            if w == "tens" and self.word(k + 1) not in tb.vague:
                return None
        elif w in tb.modifiers and (self.word(k) in tb.scales or self.word(k) in tb.vague):
            if self.word(i - 1) in self._articles:  # "a few thousand"
                start = i - 1
            k += 1
            while self.word(k) in tb.scales and k - i < _VAGUE_SCALE_TOKENS:
                k += 1
        else:
            return None
        chain = 0
        while self.word(k) == "of" and self.word(k + 1) in tb.vague and chain < _MAX_VAGUE_LINKS:
            k += 2
            chain += 1
        tail = self.tail(k, allow_of=True, has_unit=False, compound=False)
        if tail is _REJECT:
            return k
        pred = self.predicate_before(start)
        unit = tail.unit
        if pred and (unit is None or " " not in unit) and tail.rule != "money":
            unit = f"{unit} {pred}" if unit else pred
        return _Found(start, tail.end, Quantity(value=None, qualifier=Qualifier.VAGUE, unit=unit),
                      "vague")

    # --- context -------------------------------------------------------------------------------
    def qualifier_before(self, b: int) -> tuple[Optional[Qualifier], int]:
        """The qualifier phrase that ends just before token ``b``, and where it starts."""
        for length in range(min(QUALIFIER_WINDOW, b), 0, -1):
            toks = self.t[b - length:b]
            if any(x.kind != "word" for x in toks):
                continue
            key = tuple(x.low for x in toks)
            if key in self.tb.qualifiers_before:
                return self.tb.qualifiers_before[key], b - length
        return None, b

    def predicate_before(self, b: int) -> Optional[str]:
        return self.tb.predicates_before.get(self.word(b - 1))

    def tail(self, k: int, *, allow_of: bool, has_unit: bool, compound: bool = True,
             zero: bool = False):
        """What follows a number: a compound, a post-qualifier, a unit, a counted noun, a predicate."""
        t, tb = self.t, self.tb
        qualifier = None
        unit: Optional[str] = None
        # "81-country", "500-odd", "5,000-strong", "21-year-old"
        if compound and self.is_sym(k, "-") and self.adj(k - 1, k) and self.adj(k, k + 1) and (
            t[k + 1].kind == "word"
        ):
            w = t[k + 1].low
            if (w,) in tb.qualifiers_after:
                qualifier = tb.qualifiers_after[(w,)]
                k += 2
            elif w in tb.time["unit"] or w in self.ctx("ordinal"):
                return _REJECT  # "10-day", "twenty-first"
            elif (w,) in tb.after_units and not has_unit:
                unit = tb.after_units[(w,)]
                return _Tail(k + 2, unit, None, _unit_rule(unit, self._percent_units))
            elif w == "strong" and not has_unit:
                k += 2
                noun = self.noun(k, allow_of=False)
                if noun is _REJECT:
                    return _REJECT
                if noun is None:
                    return _Tail(k, None, None, None)
                return _Tail(noun[1] + 1, self.joined(*noun), None, "compound")
            elif t[k + 1].text.isalpha() and t[k + 1].text.islower() \
                    and len(w) >= _MIN_NOUN_CHARS and w not in tb.stopwords and not has_unit:
                parts = [w]
                j = k + 2
                while len(parts) < _MAX_COMPOUND_PARTS and self.is_sym(j, "-") \
                        and self.adj(j - 1, j) and (
                    self.adj(j, j + 1) and t[j + 1].kind == "word"
                ):
                    parts.append(t[j + 1].low)
                    j += 2
                if any(p in tb.time["unit"] for p in parts) or zero or w.endswith("ed"):
                    return _REJECT  # "a 10-day visit", "zero-emissions homes", "18-rated games"
                unit = self.plural(parts[-1])
                nxt = self.word(j)
                if nxt and t[j].text.islower() and nxt not in tb.stopwords and (
                    nxt not in tb.predicates_after and not nxt.endswith("ly")
                ):
                    j += 1  # the noun the compound describes: "81-country coalition"
                return _Tail(j, unit, None, "compound")
            else:
                return _REJECT  # "3-D", "one-off"
        # "500 or more", "500 or so"
        q, length = self.longest(k, tb.qualifiers_after, _MAX_POST_QUALIFIER_WORDS)
        if q is not None and length > 1:  # "odd" and "plus" alone only after a hyphen
            qualifier = q
            k += length
        if has_unit:
            return _Tail(k, None, qualifier, None)
        # "5 per cent", "3.2 percentage points", "5 million dollars"
        unit, length = self.longest(k, tb.after_units, _MAX_UNIT_WORDS)
        if unit is not None:
            return _Tail(k + length, unit, qualifier, _unit_rule(unit, self._percent_units))
        # the counted noun
        end = k
        unit = None
        noun = self.noun(k, allow_of=allow_of)
        if noun is _REJECT:
            return _REJECT
        if noun is not None:
            head = t[noun[1]]
            if noun[0] == noun[1] and (head.low,) in tb.after_units:  # "millions of dollars"
                unit = tb.after_units[(head.low,)]
                return _Tail(noun[1] + 1, unit, qualifier, _unit_rule(unit, self._percent_units))
            unit = self.joined(*noun)
            end = noun[1] + 1
        # the predicate: "people have been killed", "dozens were injured"
        p = end
        steps = 0
        while steps < AUX_WINDOW and self.word(p) in self.ctx("aux"):
            p += 1
            steps += 1
        pred = tb.predicates_after.get(self.word(p))
        if pred:
            unit = f"{unit} {pred}" if unit else pred
            end = p + 1
        return _Tail(end, unit, qualifier, "count" if unit else None)

    def noun(self, k: int, *, allow_of: bool):
        """The counted noun after a number as ``(first, last)`` token indexes ("home-buyers" is
        one word of three tokens), None, or _REJECT when it makes a time expression or an address."""
        t, tb = self.t, self.tb
        j = k
        if allow_of and self.word(j) == "of":
            j += 1
            if self.word(j) in self.ctx("of_determiner"):
                j += 1
        words: list[tuple[int, int]] = []
        while j < self.n and len(words) < NOUN_WINDOW and t[j].kind == "word":
            tok = t[j]
            w = tok.low
            last = j
            # a hyphenated word: "state-owned", "home-buyers", "pay-TV", "set-top"
            while last - j < _MAX_HYPHEN_TOKENS and self.is_sym(last + 1, "-") \
                    and self.adj(last, last + 1) and (
                self.adj(last + 1, last + 2) and t[last + 2].kind == "word"
            ):
                last += 2
            if last == j and (
                w in tb.stopwords or w in tb.time["clock"] or w in tb.predicates_after
            ):
                break
            if words and w.endswith("ly"):
                break
            if _is_upper(tok) and (w in tb.time["month"] or w in tb.time["weekday"]):
                break
            if words and _is_upper(tok) and not _is_upper(t[words[-1][0]]):
                break
            words.append((j, last))
            j = last + 1
        if not words:
            return None
        a, b = words[0]
        if any(t[x].low in tb.time["unit"] for x in range(a, b + 1, 2)):
            return _REJECT  # "eleven year-old girl"
        if (
            self.word(j) in self.ctx("coordinator")
            and not any(self.plural_looking(t[b].low) for _, b in words)
            and len(words) < NOUN_WINDOW
        ):  # "200 league and cup goals": the counted noun is after the coordination
            j += 1
            while j < self.n and len(words) < NOUN_WINDOW and t[j].kind == "word" and (
                t[j].low not in tb.stopwords and t[j].low not in tb.predicates_after
            ):
                words.append((j, j))
                if self.plural_looking(t[j].low):
                    break
                j += 1
        if all(_is_upper(t[a]) for a, _ in words) and any(
            t[b].low in tb.context["street"] for _, b in words
        ):
            return _REJECT  # "10 Downing Street"
        head = None
        # the first plural, preferring a lower-case one: "eight Las Vegas style resorts"
        for lower_only in (True, False):
            for a, b in words:
                w = t[b].low
                if lower_only and _is_upper(t[b]):
                    continue
                if w in tb.time["unit"] or self.plural_looking(w):
                    head = (a, b)
                    break
            if head is not None:
                break
        if head is None and len(words) <= 2:
            a, b = words[-1]
            if t[a].text.islower() and not t[b].low.endswith(tb.endings["not_noun"]):
                head = (a, b)  # a singular noun: "one person", "10 sheep"
        if head is None:
            return None
        if t[head[1]].low in tb.time["unit"]:
            return _REJECT  # "five days earlier", "the last two months"
        if self.word(head[1] + 1) in self.ctx("verb_object"):
            return None  # "5 million browse the web": a verb, not a noun
        return head

    def joined(self, first: int, last: int) -> str:
        """The text of adjacent tokens ``first``..``last`` (inclusive)."""
        return "".join(self.t[x].text for x in range(first, last + 1))

    def plural_looking(self, w: str) -> bool:
        return w in self.tb.plural_forms or (
            len(w) >= _MIN_PLURAL_CHARS and w.endswith("s") and not w.endswith(self._not_plural)
        )

    def millions_follow(self, i: int, k: int) -> bool:
        """Whether "m" after the digits at ``i`` is millions: "4.5m", "3m people", "2m of"."""
        w = self.word(k)
        return "." in self.t[i].text or w == "of" or (
            bool(w) and self.plural_looking(w) and w not in self.ctx("event")
        )

    def singular_noun(self, k: int) -> bool:
        """Whether token ``k`` is a lower-case word that looks like a singular noun."""
        w = self.word(k)
        return bool(w) and self.t[k].text.islower() and len(w) >= _MIN_NOUN_CHARS and not (
            w in self.tb.stopwords or self.plural_looking(w) or w in self.tb.scales
            or (w,) in self.tb.after_units or w in self.tb.predicates_after
        )

    def plural(self, w: str) -> str:
        if w in self.tb.plurals:
            return self.tb.plurals[w]
        if self.plural_looking(w):
            return w
        if w.endswith(self.tb.endings["es_plural"]):
            return w + "es"
        if w.endswith("y") and len(w) > 1 and w[-2] not in "aeiou":
            return w[:-1] + "ies"
        return w + "s"

    # --- assembling a claim --------------------------------------------------------------------
    def finish(self, core: _Core) -> tuple[Optional[_Found], int]:
        t, tb = self.t, self.tb
        skip = core.end
        qualifier, qstart = self.qualifier_before(core.start)
        before = self.word(qstart - 1)
        before_core = self.word(core.start - 1)
        # labels and names: "Article 5", "No. 10", "Boeing 737", "FTSE 100"
        label_word = before_core
        if not label_word and self.is_sym(core.start - 1, ".") and self.adj(core.start - 2, core.start - 1):
            label_word = self.word(core.start - 2)
        if label_word in self.ctx("label") and qualifier is None:
            return None, skip
        if (
            not core.spelled and core.unit is None and qualifier is None and core.start > 0
            and t[core.start - 1].kind == "word" and _is_upper(t[core.start - 1])
            and before_core not in tb.stopwords
            and not before_core.endswith(tb.endings["possessive"])
            and before_core not in tb.predicates_before
            and before_core not in self.ctx("bare")
            and not (before_core in tb.time["month"])
        ):
            return None, skip
        # dates: "Jan. 5", "5 January", "January 5, 2014"
        p = core.start - 1
        if self.is_sym(p, "."):
            p -= 1
        if 0 <= p < self.n and _is_upper(t[p]) and t[p].low in tb.time["month"]:
            return None, skip
        if self.month_at(core.end):
            return None, skip
        # times of day: "5 p.m.", "10 GMT"
        if self.word(core.end) in tb.time["clock"]:
            return None, skip + 1
        # ages: "aged 45", "aged about 45"
        if before in self.ctx("age") or before_core in self.ctx("age"):
            return None, skip
        # "the two powers", "the last two months": a spelled-out number that refers back
        if core.spelled and core.scale == 1 and before in self.ctx("anaphoric"):
            return None, skip
        comparative = qualifier in (Qualifier.MORE_THAN, Qualifier.LESS_THAN, Qualifier.AT_LEAST)
        # "one" alone is a pronoun or an article ("one western diplomat", "no one")
        phrase = {self.low(x) for x in range(qstart, core.start)}
        if core.spelled and core.value == 1 and core.end - core.start == 1 and not (
            comparative and not phrase.isdisjoint(self.ctx("comparative"))
        ):  # "one western diplomat", "the furore over one sentence"
            return None, skip
        year_like = (
            core.plain and core.unit is None and len(t[core.num].text) == _YEAR_DIGITS
            and _FIRST_YEAR <= core.value <= _LAST_YEAR
        )
        if year_like and not comparative:
            if self.is_sym(core.end, "-") and self.adj(core.end - 1, core.end):
                return None, skip + 2  # "2010-11", "2010-2014"
            return None, skip
        low_high = None
        span_start = qstart
        end = core.end
        rule = None
        unit = core.unit
        # ranges: "between 10 and 20 million", "10-20"
        if before_core == "between" and self.word(core.end) == "and":
            second = self.second(core.end + 1)
            if second is not None:
                low_high = self.range_of(core, second)
                if low_high is not None:
                    end, unit, rule = second.end, unit or second.unit, "range"
                    span_start, qualifier = core.start - 1, None
                    if self.month_at(end):
                        return None, end  # "between 6 and 12 December"
        elif (
            not core.spelled and self.is_sym(core.end, "-") and self.adj(core.end - 1, core.end)
            and self.adj(core.end, core.end + 1) and core.end + 1 < self.n
            and t[core.end + 1].kind == "num"
        ):
            verdict = self.hyphen_pair(core)
            if isinstance(verdict, int):
                return None, verdict
            second = verdict
            low_high = self.range_of(core, second)
            if low_high is None:
                return None, second.end
            end, unit, rule = second.end, unit or second.unit, "range"
            if self.month_at(end):
                return None, end  # "6-12 December"
        tail = self.tail(end, allow_of=False, has_unit=unit is not None, zero=core.value == 0)
        if tail is _REJECT:
            return None, max(skip, end)
        if tail.qualifier is not None and qualifier is None:
            qualifier = tail.qualifier
        if tail.unit is not None:
            unit = tail.unit
        end = tail.end
        if unit in self.ctx("metre_unit") and self.word(end) in self.ctx("event"):
            return None, end  # "the 800 metres favourites": an event
        if rule is None:
            rule = _unit_rule(core.unit, self._percent_units) if core.unit is not None \
                else (tail.rule or "count")
        pred = self.predicate_before(span_start)
        if pred and rule in ("count", "range") and (unit is None or " " not in unit):
            unit = f"{unit} {pred}" if unit else pred  # "killing at least 12 people"
        # a bare number with nothing counted is a claim only with a qualifier, a scale, "between"
        # or a cue such as "rose to" / "a total of"
        if unit is None and core.scale == 1:
            if core.spelled:
                return None, skip  # "children under five", "around four"
            if any(self.word(x) in self.ctx("age")
                   for x in range(span_start - _AGE_WINDOW, span_start)):
                return None, skip  # "raising the retirement age from 60 to 65"
            if qualifier is not None and before in self.ctx("person") and core.value <= _MAX_AGE:
                return None, skip  # "people over 60", "children under 5"
            cue = self.word(core.start - 2) if before_core in self.ctx("count_preposition") \
                else before_core
            if qualifier is None and cue not in self.ctx("bare") and (
                low_high is None or before_core != "between"
            ):
                return None, skip  # a bare number, or a bare "10-20"
        if year_like and not comparative:
            return None, skip  # "2014 protests"
        if low_high is not None:
            lo, hi = low_high
            quantity = Quantity(low=float(lo), high=float(hi), unit=unit,
                                qualifier=qualifier or Qualifier.EXACT)
        else:
            quantity = Quantity(value=float(core.value), unit=unit,
                                qualifier=qualifier or Qualifier.EXACT)
        return _Found(span_start, end, quantity, rule), end

    def opens_sentence(self, i: int) -> bool:
        """Whether token ``i`` is the first word of its sentence (or of a quotation or bracket)."""
        if i == 0:
            return True
        prev = self.t[i - 1]
        return prev.kind == "sym" and prev.text in "\"'([-:" and not self.adj(i - 2, i - 1)

    def month_at(self, k: int) -> bool:
        return 0 <= k < self.n and _is_upper(self.t[k]) and self.t[k].low in self.tb.time["month"]

    def second(self, k: int) -> Optional[_Core]:
        """The second number of a range."""
        if self.is_sym(k, self._currency) and self.adj(k, k + 1):
            k += 1
        if not 0 <= k < self.n:
            return None
        if self.t[k].kind == "num":
            core = self.digits(k, after_hyphen=True)
        elif self.t[k].low in self.tb.cardinals:
            core = self.spelled(k)
        else:
            return None
        return core if isinstance(core, _Core) else None

    def range_of(self, low: _Core, high: _Core) -> Optional[tuple[Fraction, Fraction]]:
        lo = low.value
        if low.scale == 1 and high.scale > 1 and low.base < high.base:
            lo = low.base * high.scale  # "between 10 and 20 million"
        if not lo < high.value:
            return None
        return lo, high.value

    def hyphen_pair(self, core: _Core):
        """ "10-20" is a range; "3-1" a score, "555-1234" a phone number, "2010-14" years."""
        t = self.t
        j = core.end + 1
        second = self.digits(j, after_hyphen=True)
        if isinstance(second, int):
            return max(second, j + 1)
        if self.is_sym(second.end, "-") and self.adj(second.end - 1, second.end) and (
            second.end + 1 < self.n and t[second.end + 1].kind == "num"
        ):
            return second.end + 2  # "020-7946-0958"
        a, b = t[core.num].text, t[j].text
        if a.isdigit() and b.isdigit() and (len(a), len(b)) == _PHONE_PARTS:
            return second.end  # "555-1234"
        if len(a) == _YEAR_DIGITS and a.isdigit() and _FIRST_YEAR <= int(a) <= _LAST_YEAR:
            return second.end  # "2010-2014", "2010-14"
        if not 0 < core.value < second.value:
            return second.end  # "3-1", "1-1", "0-2": a score or a ratio
        lo_ctx = max(0, core.start - _SCORE_WINDOW_BEFORE)
        hi_ctx = min(self.n, second.end + _SCORE_WINDOW_AFTER)
        if any(t[x].low in self.ctx("score") for x in range(lo_ctx, hi_ctx)):
            return second.end  # "lost 1-3", "a 0-2 defeat"
        return second


def _strip(folded: str, s: int, e: int) -> tuple[int, int]:
    while s < e and folded[s].isspace():
        s += 1
    while e > s and folded[e - 1].isspace():
        e -= 1
    return s, e


def _default_sentences(folded: str, abbreviations: frozenset[str]) -> list[tuple[int, int]]:
    return [
        b for ps, pe in paragraph_spans(folded) for b in sentence_bounds(folded, ps, pe, abbreviations)
    ]


def _check_bounds(name: str, items, size: int) -> None:
    for item in items:
        s, e = item[0], item[1]
        if not (isinstance(s, int) and isinstance(e, int) and 0 <= s <= e <= size):
            raise ConfigError(
                f"find_claims(): each of {name} must be (start, end, ...) with "
                f"0 <= start <= end <= {size}, got {tuple(item)!r}"
            )


_DIGIT = regex.compile(r"[0-9]")
_LETTERS = regex.compile(r"[^\W\d_]+")


class _Claimed(NamedTuple):
    """A claim found, before its owner is known: character offsets, end-exclusive."""

    start: int
    end: int
    sentence: Span
    quantity: Quantity
    rule: str


def find_claims(
    text: str,
    *,
    folded: Optional[str] = None,
    sentences: Optional[Sequence[tuple[int, int]]] = None,
    owners: Sequence[tuple[int, int, Any]] = (),
    tables: Optional[ClaimTables] = None,
    lexicon: Optional[Lexicon] = None,
    rules: Sequence[str] = CLAIM_RULES,
) -> tuple[Claim, ...]:
    """The numeric claims in ``text``, in document order.

    ``folded`` is ``quotetrack.text.fold(text)`` (computed when not given); ``sentences`` are
    ``(start, end)`` sentence bounds (found with ``quotetrack.text.sentence_bounds`` when not
    given; only text inside a sentence is read); ``owners`` are ``(start, end, speaker)`` spans of
    quotations: a claim that starts inside one is asserted by its speaker (``source="quote"``),
    any other by the article. ``tables`` replaces the shipped word lists; ``lexicon`` (the
    default lexicon when not given) gives the abbreviations that do not end a sentence;
    ``rules`` names the claim rules to run (`CLAIM_RULES`).
    """
    if not isinstance(text, str):
        raise InputTypeError(f"find_claims() expects str, got {type(text).__name__}")
    if folded is None:
        folded = fold(text)
    elif not isinstance(folded, str) or len(folded) != len(text):
        raise ConfigError(
            "find_claims(): folded must be quotetrack.text.fold(text), a str of the same length "
            f"as text ({len(text)}), got {type(folded).__name__} of length "
            f"{len(folded) if isinstance(folded, str) else '?'}"
        )
    if sentences is None:
        lex = lexicon if lexicon is not None else default_lexicon()
        sentences = _default_sentences(folded, lex.abbreviations)
    _check_bounds("sentences", sentences, len(text))
    _check_bounds("owners", owners, len(text))
    tb = tables if tables is not None else claim_tables()
    enabled = frozenset(rules)
    unknown = sorted(enabled - set(CLAIM_RULES))
    if unknown:
        raise ConfigError(f"find_claims(): unknown claim rule(s) {unknown}; the claim rules are "
                          f"{list(CLAIM_RULES)}")

    found: list[_Claimed] = []
    done = 0
    for s0, e0 in sorted((s, e) for s, e, *_ in sentences):
        s, e = _strip(folded, max(s0, done), e0)
        if s >= e:
            continue
        done = e
        if not _DIGIT.search(folded, s, e) and tb.triggers.isdisjoint(
                _LETTERS.findall(folded[s:e].lower())):
            continue  # no digit and no number word: nothing to read
        sentence = None  # one Span per sentence, shared by its claims
        p = s
        while p < e:
            q = min(e, p + CHUNK_CHARS)
            lo, hi = max(s, p - CHUNK_OVERLAP_CHARS), min(e, q + CHUNK_OVERLAP_CHARS)
            toks = _tokens(folded, lo, hi)
            for f in _Reader(toks, tb, enabled).read(p, q):
                if sentence is None:
                    sentence = Span.of(text, s, e)
                found.append(_Claimed(toks[f.start].start, toks[f.end - 1].end, sentence,
                                      f.quantity, f.rule))
            p = q

    ordered = sorted(((o[0], o[1], o[2]) for o in owners), key=lambda o: (o[0], -o[1]))
    stack: list[tuple[int, int, Any]] = []
    oi = 0
    claims = []
    for start, end, sentence, quantity, rule in found:
        while oi < len(ordered) and ordered[oi][0] <= start:
            o = ordered[oi]
            oi += 1
            while stack and stack[-1][1] <= o[0]:
                stack.pop()
            stack.append(o)
        while stack and stack[-1][1] <= start:
            stack.pop()
        owner = stack[-1] if stack else None
        claims.append(
            Claim(
                span=Span.of(text, start, end),
                sentence=sentence,
                quantity=quantity,
                source=ClaimSource.QUOTE if owner is not None else ClaimSource.ARTICLE,
                asserted_by=owner[2] if owner is not None else None,
                rule=rule,
            )
        )
    return tuple(claims)
