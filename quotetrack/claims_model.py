"""Frozen value types for numeric claims: how many of what, who asserts it, where it is written.

A `Claim` is a numeric expression in the text ("more than 5,000 U.S. troops", "$44.5 million",
"hundreds of martyrs") with the `Quantity` it states and who states it: the speaker of the
quotation it stands in, or the article itself. Like every span in quotetrack, ``span`` and
``sentence`` are offsets into the exact string the caller passed. This module imports only
`quotetrack.model`.
"""

from __future__ import annotations

import enum
from typing import Any, Optional

import attrs

from .model import Span

__all__ = ["Qualifier", "ClaimSource", "Quantity", "Claim"]


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
    asserted_by: Optional[Any] = None
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
