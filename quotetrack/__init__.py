"""quotetrack: who said what in news text, with character spans back into the source."""

from .config import Limits
from .errors import (
    ConfigError,
    FormatError,
    InputTooLarge,
    InputTypeError,
    LexiconError,
    QuotetrackError,
)
from .lexicon import Lexicon
from .model import (
    Attribution,
    Diagnostic,
    ParseResult,
    Quote,
    QuoteKind,
    Resolution,
    Severity,
    Span,
    Speaker,
    SpeakerKind,
)
from .parser import Parser, parse

__version__ = "0.1.0"

__all__ = [
    "Attribution",
    "ConfigError",
    "Diagnostic",
    "FormatError",
    "InputTooLarge",
    "InputTypeError",
    "Lexicon",
    "LexiconError",
    "Limits",
    "ParseResult",
    "Parser",
    "Quote",
    "QuoteKind",
    "QuotetrackError",
    "Resolution",
    "Severity",
    "Span",
    "Speaker",
    "SpeakerKind",
    "__version__",
    "parse",
]
