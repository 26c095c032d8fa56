"""Runs the stages in order and assembles the frozen result.

text -> fold -> paragraphs -> quotation marks -> quote candidates -> sentences (quotes masked)
-> kinds -> cues and mentions -> attribution sieves -> speaker resolution -> ParseResult
"""

from __future__ import annotations

import collections
import re
from typing import Any, Iterable, Iterator, Mapping, Optional, Union

import attrs

from .collector import collector_paused
from .config import Limits
from .errors import InputTooLarge, InputTypeError
from .lexicon import Lexicon, default_lexicon
from .model import Diagnostic, ParseResult, Part, QuoteKind, Span, make_quote
from .errors import ConfigError
from .htmlinput import looks_like_html
from .rules.attribution import (
    SIEVE_NAMES,
    classify_kinds,
    finish_kinds,
    link_parts,
    run_sieves,
)
from .rules.context import build_context
from .rules.claims import CLAIM_RULES, find_claims
from .rules.indirect import INDIRECT_RULE_NAMES, add_reported, find_indirect, find_non_statements
from .rules.marks import pair_marks
from .rules.mentions import READER_NAMES
from .rules.resolve import RESOLVER_NAMES, resolve
from .text import fold, paragraph_spans
from .workers import Document, DocumentError, document_from_json
from .workers import process as _process

__all__ = ["Parser", "parse", "RULE_FAMILIES", "RULE_NAMES"]

#: every rule a Parser can enable, in the order they run
RULE_NAMES = SIEVE_NAMES + INDIRECT_RULE_NAMES
#: the rule families and their rules, in order: ``Parser(rules={family: names})`` runs only the
#: named rules of a family (every rule of a family not named)
RULE_FAMILIES: dict[str, tuple[str, ...]] = {
    "quotation": SIEVE_NAMES,  # attribution sieves of quotations, then the quote_part step
    "reported": INDIRECT_RULE_NAMES,  # reported (indirect) speech
    "speaker": RESOLVER_NAMES,  # speaker resolvers: who a mention stands for
    "title": READER_NAMES,  # title and affiliation readers
    "claims": CLAIM_RULES,  # numeric claims (with Parser(claims=True))
}
#: the families whose rules `Parser.sieves` switches too (one list over both, as before)
_SIEVE_FAMILIES = ("quotation", "reported")


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


def _check_id(doc_id: object) -> Optional[str]:
    if doc_id is None or (isinstance(doc_id, str) and not _SURROGATE.search(doc_id)):
        return doc_id
    if isinstance(doc_id, str):
        bad = _SURROGATE.search(doc_id)
        assert bad is not None
        raise ConfigError(
            f"parse() expects an id of valid Unicode, got an unpaired surrogate "
            f"\\u{ord(bad.group()):04x} at offset {bad.start()}"
        )
    raise InputTypeError(f"parse() expects id to be a str or None, got {type(doc_id).__name__}")


#: half of a UTF-16 surrogate pair on its own: JSON and some decoders can put one in a str,
#: which then cannot be written as UTF-8
_SURROGATE = re.compile("[\ud800-\udfff]")


def _replace_surrogates(text: str, diagnostics: list[Diagnostic]) -> str:
    """``text`` with each unpaired surrogate replaced by U+FFFD (one character for one, so no
    offset moves), and a diagnostic saying how many and where the first was."""
    if text.isascii():
        return text  # (a flag of the str: no search of ASCII text, most news)
    first = _SURROGATE.search(text)
    if first is None:
        return text
    text, count = _SURROGATE.subn("\ufffd", text)
    diagnostics.append(Diagnostic(
        code="unpaired-surrogate",
        message=f"{count} unpaired surrogate(s) (not Unicode text, cannot be written as UTF-8) "
        f"replaced by U+FFFD; the first was \\u{ord(first.group()):04x} at offset "
        f"{first.start()}",
        span=Span.of(text, first.start(), first.end()),
    ))
    return text


def _instance_of(cls: type, what: str) -> Any:
    """An attrs validator that raises ConfigError (not TypeError) naming what was expected."""

    def check(instance: Any, attribute: Any, value: Any) -> None:
        if not isinstance(value, cls):
            raise ConfigError(
                f"Parser({attribute.name}=...) expects {what}, got {type(value).__name__} "
                f"{value!r:.60}"
            )

    return check


def _rule_names(value: object) -> tuple[str, ...]:
    """The rule names given as ``sieves``: any iterable of names, but not one name as a str."""
    if isinstance(value, (str, bytes)):
        raise ConfigError(
            f"sieves must be a sequence of rule names, got the string {value!r}; "
            f"write sieves=[{value!r}] for one rule"
        )
    try:
        names: tuple[object, ...] = tuple(value)  # type: ignore[arg-type]
    except TypeError:
        raise ConfigError(
            f"sieves must be a sequence of rule names, got {type(value).__name__}"
        ) from None
    checked: list[str] = []
    for name in names:
        if not isinstance(name, str):
            raise ConfigError(f"sieves must hold rule names (str), got {name!r}")
        checked.append(name)
    return tuple(checked)


@attrs.frozen(kw_only=True)
class Parser:
    """A configured parser. Immutable and picklable; one instance can parse any number of texts."""

    lexicon: Lexicon = attrs.field(factory=default_lexicon,
                                   validator=_instance_of(Lexicon, "a quotetrack.Lexicon"))
    limits: Limits = attrs.field(factory=Limits,
                                 validator=_instance_of(Limits, "a quotetrack.Limits"))
    #: rules to run, by name, in their fixed order (see `RULE_NAMES`): the quotation sieves
    #: and the reported-speech rules
    sieves: tuple[str, ...] = attrs.field(default=SIEVE_NAMES + INDIRECT_RULE_NAMES,
                                          converter=_rule_names)
    #: also report beliefs and perceptions ("X believes that ...") as indirect quotes
    beliefs: bool = attrs.field(default=False, validator=_instance_of(bool, "True or False"))
    #: also find numeric claims (``ParseResult.claims``); off by default, as it doubles the time
    claims: bool = attrs.field(default=False, validator=_instance_of(bool, "True or False"))
    #: pause Python's cyclic garbage collector while a long text is parsed (see `parse`); turn
    #: it off if other threads of the program must not run a while without it
    pause_gc: bool = attrs.field(default=True, validator=_instance_of(bool, "True or False"))
    #: per rule family (`RULE_FAMILIES`), the only rules to run: ``{"quotation":
    #: ["cue_after_quote", "colon_intro"]}`` runs just those sieves and every reported-speech
    #: rule; ``{"reported": []}`` finds no reported speech
    rules: tuple[tuple[str, tuple[str, ...]], ...] = attrs.field(default=None,
                                                                converter=_rule_selection)
    _enabled: tuple[str, ...] = attrs.field(init=False, repr=False, eq=False)
    _resolvers: tuple[str, ...] = attrs.field(init=False, repr=False, eq=False)
    _readers: frozenset[str] = attrs.field(init=False, repr=False, eq=False)
    _claim_rules: tuple[str, ...] = attrs.field(init=False, repr=False, eq=False)

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
        allowed = {n for family in _SIEVE_FAMILIES
                   for n in chosen.get(family, RULE_FAMILIES[family])}
        object.__setattr__(self, "_enabled", tuple(n for n in self.sieves if n in allowed))
        object.__setattr__(self, "_resolvers", tuple(chosen.get("speaker", RESOLVER_NAMES)))
        object.__setattr__(self, "_readers", frozenset(chosen.get("title", READER_NAMES)))
        object.__setattr__(self, "_claim_rules", tuple(chosen.get("claims", CLAIM_RULES)))

    @sieves.validator
    def _check_sieves(self, attribute, value):
        unknown = [v for v in value if v not in RULE_NAMES]
        if unknown:
            raise ConfigError(
                f"unknown rule name(s) {unknown}; known rules are {list(RULE_NAMES)}"
            )

    def parse(
        self, text: str, *, id: Optional[str] = None, meta: Optional[Mapping[str, Any]] = None
    ) -> ParseResult:
        """Find the quotations in ``text`` and who said them.

        ``text`` must be a `str` (`InputTypeError` otherwise) and ``id`` a `str` or None. An
        unpaired surrogate in ``text`` (half of a UTF-16 pair, which JSON can smuggle into a
        str) is replaced by U+FFFD in ``result.text``, one character for one so that no offset
        moves, with an ``unpaired-surrogate`` diagnostic: the result can always be written as
        UTF-8. With ``pause_gc`` (the default) Python's cyclic garbage collector is off while a
        long document (at least `quotetrack.collector.PAUSE_MIN_CHARS` characters) is parsed.
        ``meta``, the document's other fields (url, date...), is kept on the result as
        ``result.meta`` and written with it.
        """
        id = _check_id(id)
        if meta is not None and not isinstance(meta, Mapping):
            raise InputTypeError(f"parse() expects meta to be a mapping or None, got "
                                 f"{type(meta).__name__}")
        with collector_paused(self.pause_gc, len(text) if isinstance(text, str) else 0):
            result = self._parse(text, id)
        return attrs.evolve(result, meta=meta) if meta else result

    def pipe(
        self,
        docs: Iterable[Any],
        *,
        workers: int = 1,
        chunk_size: int = 16,
        max_restarts: int = 3,
        html: str = "keep",
    ) -> Iterator[Any]:
        """Parse many documents; yield one `ParseResult`, or `DocumentError`, per input, in order.

        Each item of ``docs`` is a text (`str`; the result's id is None), a mapping ``{"id",
        "text", ...}`` (its other keys become ``result.meta``), or a ``(text_or_mapping,
        context)`` tuple, which yields ``(result, context)``: the context (any object; it stays
        in this process) comes back beside its result, as in spaCy's ``nlp.pipe(...,
        as_tuples=True)``. ``docs`` is read lazily, so it may be a generator over a large file.

        Errors are values: a document that cannot be read or parsed yields a `DocumentError` in
        its place, named by its id or, without one, ``#N`` (its 1-based position), and the
        others go on. With ``workers`` > 1 the documents are parsed in worker processes, in
        chunks of ``chunk_size``; a worker that dies is replaced (see `quotetrack.batch.process`
        and ``max_restarts``) and every document still comes out once. ``html`` says what to
        do with a text that looks like HTML: ``keep`` it (the result has a ``looks-like-html``
        diagnostic), ``extract`` its article text (needs ``quotetrack[html]``), ``refuse`` it
        (a `DocumentError` naming the extra) or ``auto`` (extract if it can, else refuse). Bad
        options raise `ConfigError` at once.
        """
        contexts: collections.deque[tuple[int, bool, Any]] = collections.deque()

        def documents() -> Iterator[Union[Document, DocumentError]]:
            for position, item in enumerate(docs, 1):
                paired = isinstance(item, tuple)
                context = None
                if paired:
                    if len(item) != 2:
                        contexts.append((position, False, None))
                        yield DocumentError(id=f"#{position}", message=(
                            f"expected a (text, context) pair, got a tuple of {len(item)}"))
                        continue
                    item, context = item
                contexts.append((position, paired, context))
                yield _pipe_document(item, position)

        outputs = _process(documents(), self, workers=workers, chunk_size=chunk_size,
                           max_restarts=max_restarts, html=html)  # checks the options now

        def results() -> Iterator[Any]:
            for output in outputs:
                position, paired, context = contexts.popleft()
                if isinstance(output, DocumentError) and output.id is None:
                    output = attrs.evolve(output, id=f"#{position}")
                yield (output, context) if paired else output

        return results()

    def _parse(self, text: object, id: Optional[str]) -> ParseResult:
        text = _check_text(text)
        if len(text) > self.limits.max_input_chars:
            raise InputTooLarge(
                f"input has {len(text)} characters; the limit is {self.limits.max_input_chars} "
                "(raise Limits.max_input_chars or split the document)"
            )
        diagnostics: list[Diagnostic] = []
        text = _replace_surrogates(text, diagnostics)
        if looks_like_html(text):
            diagnostics.append(Diagnostic(
                code="looks-like-html",
                message="the text looks like HTML: its markup is read as words and quotes split "
                "by tags may lose their speakers; extract the article text first "
                "(quotetrack.htmlinput.extract_text, or quotetrack extract, which does it)",
            ))
        folded = fold(text)
        paragraphs = paragraph_spans(folded)
        lim = self.limits
        candidates = pair_marks(
            text, paragraphs, max_depth=lim.max_nesting, max_quote_chars=lim.max_quote_chars,
            max_continued_paragraphs=lim.max_continued_paragraphs,
            max_diagnostics=lim.max_diagnostics, diagnostics=diagnostics, folded=folded,
            attribution_words=self.lexicon.attribution_forms,
            abbreviations=self.lexicon.abbreviations,
            dialogue_pronouns=self.lexicon.dialogue_pronouns,
        )
        ctx = build_context(text, folded, self.lexicon, lim, paragraphs, candidates, diagnostics,
                            self._readers)
        classify_kinds(ctx)
        run_sieves(ctx, self._enabled)
        link_parts(ctx, self._enabled)
        finish_kinds(ctx)
        add_reported(ctx, find_indirect(ctx, self._enabled, self.beliefs))
        attributions, speakers, silent = resolve(ctx, find_non_statements(ctx),
                                                 self._resolvers)
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
            quotes.append(make_quote(span=Span.of(text, c.start, c.end),
                                content=Span.of(text, *c.content), kind=ctx.kinds[i],
                                paragraph=c.paragraph, attribution=a, part=part,
                                part_of=part_of, flags=c.flags))
        claims: tuple = ()
        if self.claims:
            owners = [(q.span.start, q.span.end, q.speaker) for q in quotes
                      if q.kind != QuoteKind.OTHER]
            claims = find_claims(text, folded=folded, lexicon=self.lexicon, owners=owners,
                                 rules=self._claim_rules)
        return ParseResult(text=text, quotes=tuple(quotes), speakers=speakers,
                           diagnostics=tuple(diagnostics), id=id, non_statements=silent,
                           claims=claims)


def _pipe_document(item: object, position: int) -> Union[Document, DocumentError]:
    """The document of one item given to `Parser.pipe`."""
    if isinstance(item, str):
        return Document(id=None, text=item)  # type: ignore[arg-type]
    if isinstance(item, Mapping):
        return document_from_json(item, where=f"#{position}")
    if isinstance(item, (bytes, bytearray)):
        return DocumentError(id=f"#{position}", message=(
            f"expected a str, got {type(item).__name__}; decode it first, "
            "e.g. data.decode('utf-8')"))
    return DocumentError(id=f"#{position}", message=(
        f"expected a str, a mapping {{'id', 'text', ...}} or a (text, context) pair, "
        f"got {type(item).__name__}"))


def parse(
    text: str, *, id: Optional[str] = None, claims: bool = False,
    meta: Optional[Mapping[str, Any]] = None,
) -> ParseResult:
    """Parse ``text`` with the default parser (and find numeric claims if ``claims``); ``meta``
    is kept as ``result.meta`` (see `Parser.parse`)."""
    if not isinstance(claims, bool):
        raise ConfigError(f"parse(claims=...) expects True or False, got {type(claims).__name__}")
    parser = _default_parser()
    if claims:
        parser = attrs.evolve(parser, claims=True)
    return parser.parse(text, id=id, meta=meta)


_DEFAULT: list[Parser] = []


def _default_parser() -> Parser:
    if not _DEFAULT:
        _DEFAULT.append(Parser())
    return _DEFAULT[0]
