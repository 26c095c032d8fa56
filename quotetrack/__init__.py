"""quotetrack: who said what in news text, with character spans back into the source."""

from .config import Limits
from .errors import (
    ConfigError,
    FormatError,
    InputTooLarge,
    InputTypeError,
    LexiconError,
    QuotetrackError,
    StoreError,
)
from .claims_model import Claim
from .lexicon import Lexicon
from .model import (
    Attribution,
    Diagnostic,
    NonStatement,
    ParseResult,
    Part,
    Quotation,
    Quote,
    QuoteKind,
    Resolution,
    Severity,
    Span,
    Speaker,
    SpeakerKind,
)
from .parser import Parser, parse
from .workers import DocumentError
from .rules import tokens as _tokens

__version__ = "0.1.0"

#: True when the stage modules were compiled with mypyc (``QUOTETRACK_COMPILE=1 pip install .``,
#: see docs/performance.md); False for the pure-Python build. Results are the same either way.
COMPILED: bool = not _tokens.__file__.endswith((".py", ".pyc"))

__all__ = [
    "Attribution",
    "COMPILED",
    "Claim",
    "ConfigError",
    "Diagnostic",
    "DocumentError",
    "FormatError",
    "InputTooLarge",
    "InputTypeError",
    "Lexicon",
    "LexiconError",
    "Limits",
    "NonStatement",
    "ParseResult",
    "Parser",
    "Part",
    "Quotation",
    "Quote",
    "QuoteKind",
    "QuotetrackError",
    "Resolution",
    "Severity",
    "Span",
    "Speaker",
    "SpeakerKind",
    "StoreError",
    "__version__",
    "parse",
]
