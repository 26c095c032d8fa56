"""The error tree: misuse raises early with a message that says what was expected."""

from __future__ import annotations


class QuotetrackError(Exception):
    """Base class of every error quotetrack raises on purpose."""


class InputTypeError(QuotetrackError, TypeError):
    """`parse` was given something other than `str`."""


class ConfigError(QuotetrackError, ValueError):
    """An option or rule name is not valid."""


class LexiconError(QuotetrackError, ValueError):
    """A lexicon data file is missing or malformed."""


class InputTooLarge(QuotetrackError, ValueError):
    """The input exceeds the configured maximum size."""


class FormatError(QuotetrackError, ValueError):
    """A serialised document or input file does not have the expected shape."""


class StoreError(QuotetrackError):
    """The quote store cannot do what was asked: a file that is not a quotetrack database, a
    database written by a newer quotetrack, an unknown person or quote, a missing extra."""
