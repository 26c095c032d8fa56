"""Frozen value types for numeric claims: how many of what, who asserts it, where it is written.

A `Claim` is a numeric expression in the text ("more than 5,000 U.S. troops", "$44.5 million",
"hundreds of martyrs") with the `Quantity` it states and who states it: the speaker of the
quotation it stands in, or the article itself. The types live in `quotetrack.model`, next to
`ParseResult`, whose ``claims`` they are; this module names them for the claims code.
"""

from __future__ import annotations

from .model import Claim, ClaimSource, Qualifier, Quantity

__all__ = ["Qualifier", "ClaimSource", "Quantity", "Claim"]
