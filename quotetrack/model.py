"""Frozen value types returned by quotetrack.

Every span is a ``start``/``end`` (end exclusive) pair into the exact string the caller passed,
and ``text[start:end] == span.text`` always holds. This module imports nothing from the package.
"""

from __future__ import annotations

import enum
import html
from typing import Any, Literal, Optional, get_args

import attrs

__all__ = [
    "Span",
    "QuoteKind",
    "SpeakerKind",
    "Resolution",
    "Severity",
    "Speaker",
    "Attribution",
    "Part",
    "Quote",
    "Quotation",
    "QUOTE_FLAGS",
    "Diagnostic",
    "NonStatement",
    "ParseResult",
    "Qualifier",
    "ClaimSource",
    "Quantity",
    "Claim",
    "CueClass",
    "Gender",
]


def _non_negative(instance, attribute, value):  # attrs validator
    if value < 0:
        raise ValueError(f"{attribute.name} must be >= 0, got {value}")


@attrs.frozen
class Span:
    """A piece of the source text: ``text == source[start:end]``."""

    start: int = attrs.field(validator=_non_negative)
    end: int = attrs.field()
    text: str = attrs.field()

    @end.validator
    def _check_end(self, attribute, value):
        if value < self.start:
            raise ValueError(f"span end {value} is before its start {self.start}")

    @text.validator
    def _check_text(self, attribute, value):
        if len(value) != self.end - self.start:
            raise ValueError(
                f"span text has {len(value)} characters but the span covers {self.end - self.start}"
            )

    @classmethod
    def of(cls, source: str, start: int, end: int) -> "Span":
        """The span of ``source[start:end]``."""
        if 0 <= start <= end <= len(source):
            # what the validators check, tested at once: the fields are set without them (a
            # span is made for every quote, content, cue and mention of every document)
            # (through the slots' own setters: half the time of object.__setattr__ by name)
            span = object.__new__(cls)
            _set_start(span, start)
            _set_end(span, end)
            _set_text(span, source[start:end])
            return span
        return cls(start, end, source[start:end])  # (the validators say what is wrong)

    def __len__(self) -> int:
        return self.end - self.start

    def shifted(self, offset: int) -> "Span":
        """The same span in a text that has ``offset`` more characters in front."""
        return Span(self.start + offset, self.end + offset, self.text)


#: the setters of `Span`'s slots, for `Span.of` (a frozen class sets its fields only so)
_set_start, _set_end, _set_text = (Span.__dict__[name].__set__ for name in ("start", "end", "text"))


class QuoteKind(str, enum.Enum):
    """What a quotation is: the speaker's own words, words inside a paraphrase, or not speech."""

    DIRECT = "direct"
    MIXED = "mixed"
    INDIRECT = "indirect"
    OTHER = "other"


class SpeakerKind(str, enum.Enum):
    PERSON = "person"
    ORGANIZATION = "organization"
    GROUP = "group"


class Resolution(str, enum.Enum):
    """How a speaker mention was tied to a speaker."""

    NAME = "name"  # a full name, as written
    SURNAME = "surname"  # a part of a full name seen elsewhere in the document ("Slim")
    PRONOUN = "pronoun"  # "she", resolved to an earlier person
    ROLE_NOUN = "role_noun"  # "the western diplomat", resolved to an earlier description
    DESCRIPTION = "description"  # an unnamed source as described ("one western diplomat")
    ORGANIZATION = "organization"  # "the State Department"
    GROUP = "group"  # "U.S. military commanders"
    CONTINUATION = "continuation"  # no attribution of its own: continues the previous speaker
    UNRESOLVED = "unresolved"  # a mention that could not be tied to anyone ("I", "it")


class Part(str, enum.Enum):
    """Where a quote stands in a quotation that goes on over several paragraphs."""

    FIRST = "first"
    MIDDLE = "middle"
    LAST = "last"


#: what a cue says about the statement: said, claimed, denied, suggested, believed
CueClass = Literal["neutral", "assertive", "denial", "hedging", "belief"]
#: the gender a speaker's name, title or pronoun shows
Gender = Literal["female", "male"]


def _one_of(literal: Any) -> Any:
    """An attrs validator: None or one of the values of a `Literal` type."""
    values = get_args(literal)

    def check(instance: Any, attribute: Any, value: Any) -> None:
        if value is not None and value not in values:
            raise ValueError(f"{attribute.name} must be one of {', '.join(values)} or None, "
                             f"got {value!r}")

    return check


class Severity(str, enum.Enum):
    INFO = "info"
    WARNING = "warning"


@attrs.frozen(kw_only=True)
class Speaker:
    """Who said something: one object per distinct speaker in a document."""

    id: int
    name: str
    kind: SpeakerKind = SpeakerKind.PERSON
    anonymous: bool = False
    anonymity_reason: Optional[str] = None
    title: Optional[str] = None
    affiliation: Optional[str] = None
    gender: Optional[Gender] = attrs.field(default=None, validator=_one_of(Gender))  # if shown
    mentions: tuple[Span, ...] = ()


@attrs.frozen(kw_only=True)
class Attribution:
    """Why a quote is given to a speaker: the mention as written, the cue and the deciding rules."""

    speaker: Optional[Speaker]
    mention: Optional[Span]
    cue: Optional[Span]
    sieve: str
    resolution: Resolution
    continues: Optional[int] = None  # index of the quote whose speaker this one continues
    #: the speaker resolver that tied the mention to the speaker (the "speaker" family of
    #: `quotetrack.parser.RULE_FAMILIES`), or None when no one could be tied to it
    resolver: Optional[str] = None
    #: neutral (said), assertive (claimed), denial (denied), hedging (suggested), belief
    cue_class: Optional[CueClass] = attrs.field(default=None, validator=_one_of(CueClass))
    #: where it was said, when the text says so: a word of the lexicon ("statement",
    #: "twitter", "interview", "email") or the outlet told, as written ("Reuters"): open-ended,
    #: so a plain string
    channel: Optional[str] = None


#: the flags a quote may carry (`Quote.flags`), and what each means
QUOTE_FLAGS: dict[str, str] = {
    "unclosed": "no closing mark: the quote ends at its most plausible sentence boundary",
    "reopened": "ended where an opening mark re-opened it in the same paragraph (a lost "
                "paragraph break); the next part goes on with the same speaker",
    "nested": "holds a double-quoted quotation inside a double-quoted one",
    "backwards-mark": "a mark of the wrong direction was read as opening or closing it",
    "doubled-mark": "a doubled mark (\"\") was read as one",
    "missing-open": "no opening mark: the quote starts with its sentence",
    "stray-mark": "holds a double mark that pairs with nothing",
}


@attrs.frozen(kw_only=True)
class Quote:
    """A quotation: ``span`` includes the quotation marks, ``content`` is the words inside."""

    span: Span
    content: Span
    kind: QuoteKind
    paragraph: int
    attribution: Optional[Attribution] = None
    #: for a quotation over several paragraphs, one quote per paragraph: which part this is
    part: Optional[Part] = None
    #: for a middle or last part: the index (in `ParseResult.quotes`) of the first part
    part_of: Optional[int] = None
    #: how the quote was recovered rather than cleanly paired ("unclosed", "reopened",
    #: "nested", "backwards-mark", "doubled-mark", "missing-open", "stray-mark"; see
    #: docs/rules.md);
    #: empty when both marks were found where they belong
    flags: tuple[str, ...] = ()

    @property
    def speaker(self) -> Optional[Speaker]:
        return self.attribution.speaker if self.attribution else None

    @property
    def text(self) -> str:
        return self.span.text


@attrs.frozen
class Quotation:
    """A whole quotation: the parts of one that goes on over several paragraphs, or a single
    quote. See `ParseResult.quotations`."""

    parts: tuple[Quote, ...]

    @property
    def text(self) -> str:
        """The words of every part, joined by a space (marks left out)."""
        return " ".join(p.content.text.strip() for p in self.parts)

    @property
    def start(self) -> int:
        return self.parts[0].span.start

    @property
    def end(self) -> int:
        return self.parts[-1].span.end

    @property
    def speaker(self) -> Optional[Speaker]:
        """The speaker of the first part that has one (every part has the same)."""
        return next((p.speaker for p in self.parts if p.speaker is not None), None)

    @property
    def flags(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f for p in self.parts for f in p.flags))


@attrs.frozen(kw_only=True)
class Diagnostic:
    """Something odd in the input that did not stop the parse (an unclosed mark, a limit hit)."""

    code: str
    message: str
    span: Optional[Span] = None
    severity: Severity = Severity.WARNING


@attrs.frozen(kw_only=True)
class NonStatement:
    """A speaker on record as saying nothing: "X declined to comment"."""

    span: Span  # the phrase: "declined to comment"
    mention: Optional[Span]
    speaker: Optional[Speaker]


def _unchecked_maker(cls: type) -> Any:
    """A constructor of the frozen attrs class ``cls`` that takes every field by keyword and
    sets it through its slot's own setter, without validators: for the parser, which makes a
    quote, an attribution and a speaker per quotation from values it has checked. (attrs sets
    a frozen field by ``object.__setattr__`` by name, which takes twice as long; the same code
    is generated here, one line a field, as attrs generates its ``__init__``.)"""
    names = [field.name for field in attrs.fields(cls)]
    scope: dict[str, Any] = {"new": object.__new__, "cls": cls}
    lines = [f"def make(*, {', '.join(names)}):", "    obj = new(cls)"]
    for i, name in enumerate(names):
        scope[f"set{i}"] = cls.__dict__[name].__set__
        lines.append(f"    set{i}(obj, {name})")
    lines.append("    return obj")
    exec("\n".join(lines), scope)  # (the names are the class's own field names)
    return scope["make"]


#: unchecked constructors of the result types (`_unchecked_maker`), used by the parser
make_quote = _unchecked_maker(Quote)
make_attribution = _unchecked_maker(Attribution)
make_speaker = _unchecked_maker(Speaker)


@attrs.frozen(kw_only=True, repr=False)
class ParseResult:
    """Everything quotetrack found in one document.

    Its ``repr`` is a short summary (id, counts, the first quotes); in a notebook it shows as
    the text with its quotes and speakers highlighted (``_repr_html_``).
    """

    text: str
    quotes: tuple[Quote, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    id: Optional[str] = None
    non_statements: tuple[NonStatement, ...] = ()
    claims: tuple[Claim, ...] = ()  # numeric claims, with parse(claims=True)
    #: the input's other fields (url, date, outlet...), passed through to the output as
    #: they came; compared but not hashed, as JSON values need not be hashable
    meta: dict[str, Any] = attrs.field(factory=dict, hash=False, converter=dict)

    def quotations(self) -> tuple[Quotation, ...]:
        """The quotes with the parts of each multi-paragraph quotation joined into one
        `Quotation`, in document order."""
        groups: list[list[Quote]] = []
        first_group: dict[int, int] = {}
        for i, q in enumerate(self.quotes):
            if q.part_of is not None and q.part_of in first_group:
                groups[first_group[q.part_of]].append(q)
                continue
            first_group[i] = len(groups)
            groups.append([q])
        return tuple(Quotation(tuple(g)) for g in groups)

    def by_kind(self, *kinds: QuoteKind | str) -> tuple[Quote, ...]:
        """The quotes of the given kinds, in document order."""
        wanted = {QuoteKind(k) for k in kinds}
        return tuple(q for q in self.quotes if q.kind in wanted)

    def __repr__(self) -> str:
        counts = [f"{len(self.text)} chars", _count(len(self.quotes), "quote"),
                  _count(len(self.speakers), "speaker")]
        for n, what in ((len(self.claims), "claim"), (len(self.diagnostics), "diagnostic")):
            if n:
                counts.append(_count(n, what))
        first = [_quote_summary(q) for q in self.quotes[:REPR_QUOTES]]
        if len(self.quotes) > REPR_QUOTES:
            first.append("...")
        body = f" [{', '.join(first)}]" if first else ""
        return f"<ParseResult id={self.id!r} {', '.join(counts)}{body}>"

    def _repr_html_(self) -> str:
        """The text as HTML with each quote highlighted (a colour per kind, its speaker, cue
        and sieve on hover) and each speaker mention underlined; long texts are cut at
        `REPR_HTML_CHARS` characters."""
        return _html(self)


# --------------------------------------------------------------------------- numeric claims


class Qualifier(str, enum.Enum):
    """How the stated number relates to the true one."""

    EXACT = "exact"  # "5,000 troops", "$44.5 million"
    MORE_THAN = "more_than"  # "more than 500", "over 500", "500-plus"
    LESS_THAN = "less_than"  # "fewer than 500", "under 500"
    ABOUT = "about"  # "about 500", "some 500", "nearly 500", "almost half"
    AT_LEAST = "at_least"  # "at least 500", "500 or more"
    UP_TO = "up_to"  # "up to 500", "as many as 500"
    VAGUE = "vague"  # "hundreds of", "dozens", "several thousand": no figure is given


class ClaimSource(str, enum.Enum):
    """Whose assertion a claim is."""

    QUOTE = "quote"  # written inside a quotation: asserted by the quotation's speaker
    ARTICLE = "article"  # written in the reporter's own words


def _optional_number(instance, attribute, value):
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"Quantity.{attribute.name} must be a number or None, got {value!r}")
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(f"Quantity.{attribute.name} must be finite, got {value!r}")


@attrs.frozen(kw_only=True)
class Quantity:
    """The number a claim states.

    ``value`` is the figure as a number (``44_500_000.0`` for "$44.5 million", ``0.5`` for
    "half of"), or None for a vague quantity ("hundreds of") and for a range. A range ("between
    10 and 20", "10-20") has ``low`` and ``high`` instead. ``unit`` is what is counted or measured:
    a noun as written ("troops", "martyrs"), a noun and what happened to it ("people killed"), a
    plural made from a compound ("81-country" gives "countries"), "percent", "percentage points",
    "fraction" (for "half of", "a third of", "one in five"; ``value`` between 0 and 1), an ISO
    currency code ("USD", "GBP", "EUR"), or None when the text names no unit.
    """

    value: Optional[float] = attrs.field(default=None, validator=_optional_number)
    qualifier: Qualifier = attrs.field(default=Qualifier.EXACT, converter=Qualifier)
    unit: Optional[str] = None
    low: Optional[float] = attrs.field(default=None, validator=_optional_number)
    high: Optional[float] = attrs.field(default=None, validator=_optional_number)

    def __attrs_post_init__(self):
        if (self.low is None) != (self.high is None):
            raise ValueError("a range needs both low and high (or neither)")
        if self.low is not None:
            if self.value is not None:
                raise ValueError("a range has low and high, not a value")
            if not self.low < self.high:
                raise ValueError(f"range low {self.low} must be below high {self.high}")
            if self.qualifier is Qualifier.VAGUE:
                raise ValueError("a range is not vague")
        elif self.qualifier is Qualifier.VAGUE:
            if self.value is not None:
                raise ValueError(f"a vague quantity has no value, got {self.value}")
        elif self.value is None:
            raise ValueError(
                f"a quantity with qualifier {self.qualifier.value!r} needs a value or a range"
            )

    @property
    def is_range(self) -> bool:
        return self.low is not None

    @property
    def is_vague(self) -> bool:
        return self.qualifier is Qualifier.VAGUE


@attrs.frozen(kw_only=True)
class Claim:
    """A numeric claim: the expression as written, its sentence, what it states and who states it.

    ``span`` covers the qualifier, the number and what it counts ("More than 500 people have been
    killed"); ``sentence`` is the sentence it stands in. ``asserted_by`` is the speaker of the
    quotation the claim is written in (None when that quotation has no speaker) and always None
    when ``source`` is ``article``. ``rule`` names the pattern that found it (provenance): count,
    compound, money, percent, measure, vague, fraction, ratio or range.
    """

    span: Span
    sentence: Span
    quantity: Quantity
    source: ClaimSource = attrs.field(converter=ClaimSource)
    asserted_by: Optional[Speaker] = None
    rule: str = "count"

    def __attrs_post_init__(self):
        if not (self.sentence.start <= self.span.start and self.span.end <= self.sentence.end):
            raise ValueError(
                f"claim span {self.span.start}-{self.span.end} is not inside its sentence "
                f"{self.sentence.start}-{self.sentence.end}"
            )
        if self.source is ClaimSource.ARTICLE and self.asserted_by is not None:
            raise ValueError("a claim in the article's own words has no asserted_by speaker")

    @property
    def text(self) -> str:
        return self.span.text


#: how many quotes ``repr(result)`` shows, and how much text ``_repr_html_`` renders
REPR_QUOTES = 3
REPR_HTML_CHARS = 20_000
_KIND_COLOURS = {"direct": "#ffe08a", "mixed": "#c6f0c2", "indirect": "#cfe3ff",
                 "other": "#e6e6e6"}


def _count(n: int, what: str) -> str:
    return f"{n} {what}{'' if n == 1 else 's'}"


def _shorten(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _quote_summary(quote: Quote) -> str:
    speaker = quote.speaker
    who = f" by {speaker.name}" if speaker is not None else ""
    return f"{quote.kind.value} {_shorten(quote.content.text)!r}{who}"


def _quote_title(quote: Quote) -> str:
    att = quote.attribution
    parts = [quote.kind.value]
    if att is not None:
        parts.append(f"speaker: {att.speaker.name if att.speaker else 'unresolved'}")
        if att.cue is not None:
            parts.append(f"cue: {att.cue.text}")
        parts.append(f"sieve: {att.sieve}")
    return " · ".join(parts)


def _html(result: ParseResult) -> str:
    shown = min(len(result.text), REPR_HTML_CHARS)
    # (start, end, opening tag): quotes, then the mentions that name their speakers
    marks: list[tuple[int, int, str]] = []
    for quote in result.quotes:
        colour = _KIND_COLOURS.get(quote.kind.value, "#eee")
        marks.append((quote.span.start, quote.span.end,
                      f'<span style="background:{colour}" '
                      f'title="{html.escape(_quote_title(quote))}">'))
        att = quote.attribution
        if att is not None and att.mention is not None:
            who = att.speaker.name if att.speaker else "unresolved"
            marks.append((att.mention.start, att.mention.end,
                          f'<span style="text-decoration:underline;font-weight:bold" '
                          f'title="{html.escape("speaker: " + who)}">'))
    # overlapping highlights: close every open tag at each boundary and open again those that
    # go on, so the HTML nests properly whatever the spans
    cuts = sorted({0, shown} | {b for s, e, _ in marks for b in (s, e) if 0 <= b <= shown})
    pieces = []
    for start, end in zip(cuts, cuts[1:]):
        tags = [tag for s, e, tag in marks if s <= start and end <= e]
        pieces.append("".join(tags) + html.escape(result.text[start:end]) + "</span>" * len(tags))
    cut = "" if shown == len(result.text) else (
        f"<p><i>… {len(result.text) - shown} more characters not shown</i></p>")
    return (f"<div><p><b>{html.escape(repr(result))}</b></p>"
            f'<div style="white-space:pre-wrap;line-height:1.5">{"".join(pieces)}</div>'
            f"{cut}</div>")
