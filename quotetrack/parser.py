"""Runs the stages in order and assembles the frozen result.

text -> fold -> paragraphs -> quotation marks -> quote candidates -> sentences (quotes masked)
-> kinds -> cues and mentions -> attribution sieves -> speaker resolution -> ParseResult
"""

from __future__ import annotations

from typing import Mapping, Optional

import attrs

from .collector import collector_paused
from .config import Limits
from .errors import InputTooLarge, InputTypeError
from .lexicon import Lexicon, default_lexicon
from .model import Diagnostic, ParseResult, Part, Quote, QuoteKind, Span
from .errors import ConfigError
from .rules.attribution import (
    SIEVE_NAMES,
    classify_kinds,
    finish_kinds,
    link_parts,
    run_sieves,
)
from .rules.context import build_context
from .rules.claims import find_claims
from .rules.indirect import INDIRECT_RULE_NAMES, add_reported, find_indirect, find_non_statements
from .rules.marks import pair_marks
from .rules.resolve import resolve
from .text import fold, paragraph_spans

__all__ = ["Parser", "parse", "RULE_FAMILIES", "RULE_NAMES"]

#: every rule a Parser can enable, in the order they run
RULE_NAMES = SIEVE_NAMES + INDIRECT_RULE_NAMES
#: the rule families and their rules, in order: ``Parser(rules={family: names})`` runs only the
#: named rules of a family (every rule of a family not named)
RULE_FAMILIES: dict[str, tuple[str, ...]] = {
    "quotation": SIEVE_NAMES,  # attribution sieves of quotations, then the quote_part step
    "reported": INDIRECT_RULE_NAMES,  # reported (indirect) speech
}


def _rule_selection(value: object) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``{family: names}`` as a hashable, ordered tuple of pairs (checked by the validator)."""
    if value is None:
        return ()
    if isinstance(value, tuple) and all(isinstance(p, tuple) and len(p) == 2 for p in value):
        value = dict(value)  # (attrs.evolve passes the converted form back in)
    if not isinstance(value, Mapping):
        raise ConfigError(f"rules must be a mapping of rule family to rule names, e.g. "
                          f"{{'quotation': ['cue_after_quote']}}; got {type(value).__name__}")
    pairs = []
    for family, names in value.items():
        if isinstance(names, str) or not isinstance(names, (list, tuple, set, frozenset)):
            raise ConfigError(f"rules[{family!r}] must be a list of rule names, got {names!r}")
        pairs.append((family, tuple(names)))
    return tuple(pairs)


def _check_text(text: object) -> str:
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise InputTypeError(
            f"parse() expects str, got {type(text).__name__}; decode it first, "
            "e.g. data.decode('utf-8')"
        )
    raise InputTypeError(f"parse() expects str, got {type(text).__name__}")


@attrs.frozen(kw_only=True)
class Parser:
    """A configured parser. Immutable and picklable; one instance can parse any number of texts."""

    lexicon: Lexicon = attrs.field(factory=default_lexicon)
    limits: Limits = attrs.field(factory=Limits)
    #: rules to run, by name, in their fixed order (see `RULE_NAMES`): the quotation sieves
    #: and the reported-speech rules
    sieves: tuple[str, ...] = attrs.field(default=SIEVE_NAMES + INDIRECT_RULE_NAMES,
                                          converter=tuple)
    #: also report beliefs and perceptions ("X believes that ...") as indirect quotes
    beliefs: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    #: also find numeric claims (``ParseResult.claims``); off by default, as it doubles the time
    claims: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    #: pause Python's cyclic garbage collector while a long text is parsed (see `parse`); turn
    #: it off if other threads of the program must not run a while without it
    pause_gc: bool = attrs.field(default=True, validator=attrs.validators.instance_of(bool))
    #: per rule family (`RULE_FAMILIES`), the only rules to run: ``{"quotation":
    #: ["cue_after_quote", "colon_intro"]}`` runs just those sieves and every reported-speech
    #: rule; ``{"reported": []}`` finds no reported speech
    rules: tuple[tuple[str, tuple[str, ...]], ...] = attrs.field(default=None,
                                                                converter=_rule_selection)
    _enabled: tuple[str, ...] = attrs.field(init=False, repr=False, eq=False)

    @rules.validator
    def _check_rules(self, attribute, value):
        for family, names in value:
            if family not in RULE_FAMILIES:
                raise ConfigError(f"unknown rule family {family!r}; the families are "
                                  f"{list(RULE_FAMILIES)}")
            unknown = [n for n in names if n not in RULE_FAMILIES[family]]
            if unknown:
                raise ConfigError(f"unknown {family} rule(s) {unknown}; the {family} rules are "
                                  f"{list(RULE_FAMILIES[family])}")

    def __attrs_post_init__(self):
        chosen = dict(self.rules)
        allowed = {n for family, names in RULE_FAMILIES.items()
                   for n in chosen.get(family, names)}
        object.__setattr__(self, "_enabled", tuple(n for n in self.sieves if n in allowed))

    @sieves.validator
    def _check_sieves(self, attribute, value):
        if isinstance(value, str):
            raise ConfigError(f"sieves must be a sequence of names, got the string {value!r}")
        unknown = [v for v in value if v not in RULE_NAMES]
        if unknown:
            raise ConfigError(
                f"unknown rule name(s) {unknown}; known rules are {list(RULE_NAMES)}"
            )

    def parse(self, text: str, *, id: Optional[str] = None) -> ParseResult:
        """Find the quotations in ``text`` and who said them.

        With ``pause_gc`` (the default) Python's cyclic garbage collector is off while a long
        document (at least `quotetrack.collector.PAUSE_MIN_CHARS` characters) is parsed.
        """
        with collector_paused(self.pause_gc, len(text) if isinstance(text, str) else 0):
            return self._parse(text, id)

    def _parse(self, text: object, id: Optional[str]) -> ParseResult:
        text = _check_text(text)
        if len(text) > self.limits.max_input_chars:
            raise InputTooLarge(
                f"input has {len(text)} characters; the limit is {self.limits.max_input_chars} "
                "(raise Limits.max_input_chars or split the document)"
            )
        folded = fold(text)
        paragraphs = paragraph_spans(folded)
        diagnostics: list[Diagnostic] = []
        lim = self.limits
        candidates = pair_marks(
            text, paragraphs, max_depth=lim.max_nesting, max_quote_chars=lim.max_quote_chars,
            max_continued_paragraphs=lim.max_continued_paragraphs,
            max_diagnostics=lim.max_diagnostics, diagnostics=diagnostics, folded=folded,
            attribution_words=self.lexicon.attribution_forms,
            abbreviations=self.lexicon.abbreviations,
        )
        ctx = build_context(text, folded, self.lexicon, lim, paragraphs, candidates, diagnostics)
        classify_kinds(ctx)
        run_sieves(ctx, self._enabled)
        link_parts(ctx, self._enabled)
        finish_kinds(ctx)
        add_reported(ctx, find_indirect(ctx, self._enabled, self.beliefs))
        attributions, speakers, silent = resolve(ctx, find_non_statements(ctx))
        order = sorted(range(len(ctx.quotes)),
                       key=lambda i: (ctx.quotes[i].start, -ctx.quotes[i].end))
        renumber = {old: new for new, old in enumerate(order)}
        last_part = {c.chain: i for i, c in enumerate(ctx.quotes) if c.chain >= 0}
        quotes = []
        for i in order:
            c, a = ctx.quotes[i], attributions[i]
            if a is not None and a.continues is not None:
                a = attrs.evolve(a, continues=renumber[a.continues])
            part, part_of = None, None
            if c.chain >= 0:
                part = Part.FIRST if c.chain == i else (
                    Part.LAST if last_part[c.chain] == i else Part.MIDDLE)
                part_of = None if part == Part.FIRST else renumber[c.chain]
            quotes.append(Quote(span=Span.of(text, c.start, c.end),
                                content=Span.of(text, *c.content), kind=ctx.kinds[i],
                                paragraph=c.paragraph, attribution=a, part=part,
                                part_of=part_of, flags=c.flags))
        claims = find_claims(text, folded=folded, lexicon=self.lexicon, owners=[
            (q.span.start, q.span.end, q.speaker) for q in quotes if q.kind != QuoteKind.OTHER
        ]) if self.claims else ()
        return ParseResult(text=text, quotes=tuple(quotes), speakers=speakers,
                           diagnostics=tuple(diagnostics), id=id, non_statements=silent,
                           claims=claims)


def parse(text: str, *, id: Optional[str] = None, claims: bool = False) -> ParseResult:
    """Parse ``text`` with the default parser (and find numeric claims if ``claims``)."""
    parser = _default_parser()
    if claims:
        parser = attrs.evolve(parser, claims=True)
    return parser.parse(text, id=id)


_DEFAULT: list[Parser] = []


def _default_parser() -> Parser:
    if not _DEFAULT:
        _DEFAULT.append(Parser())
    return _DEFAULT[0]
