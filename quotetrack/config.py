"""Bounds that keep every search window finite, so parsing is linear in the input size."""

from __future__ import annotations

import attrs

from .errors import ConfigError

__all__ = ["Limits"]


def _positive(instance, attribute, value):
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise ConfigError(f"Limits.{attribute.name} must be a positive int, got {value!r}")


@attrs.frozen(kw_only=True)
class Limits:
    """Every bound quotetrack's search windows obey (see docs/limits.md)."""

    #: inputs longer than this raise InputTooLarge
    max_input_chars: int = attrs.field(default=20_000_000, validator=_positive)
    #: a quotation longer than this is not returned (diagnostic "quote-too-long")
    max_quote_chars: int = attrs.field(default=20_000, validator=_positive)
    #: quotation marks nested deeper than this are ignored (diagnostic "nesting-too-deep")
    max_nesting: int = attrs.field(default=8, validator=_positive)
    #: a quote may go on over at most this many further paragraphs
    max_continued_paragraphs: int = attrs.field(default=12, validator=_positive)
    #: characters searched before and after a quote for its cue and speaker
    cue_window_chars: int = attrs.field(default=400, validator=_positive)
    #: a reported (indirect) clause longer than this is not returned: no "X said" run-on
    #: reads to the end of a huge sentence, so the output stays linear in the input
    max_report_chars: int = attrs.field(default=1_000, validator=_positive)
    #: tokens in one speaker mention
    max_mention_tokens: int = attrs.field(default=12, validator=_positive)
    #: tokens searched back from a cue for its subject: across an appositive set off by commas
    #: ("Solomon Yue, an RNC committeeman, said") and to the noun phrase that opens the sentence
    #: ("An official familiar with the case said")
    subject_window_tokens: int = attrs.field(default=30, validator=_positive)
    #: tokens in the appositive after a speaker: inverted ("said Randa Slim, director of …"),
    #: between a quotation and its cue ("“…,” Randa Slim, director of …, said") or the source of
    #: "according to" ("according to Randa Slim, director of …")
    max_appositive_tokens: int = attrs.field(default=25, validator=_positive)
    #: tokens after a cue searched for the "that" of its clause past a recipient or a phrase of
    #: place or time ("told The Post and Courier newspaper of Charleston on Saturday that …")
    that_window_tokens: int = attrs.field(default=14, validator=_positive)
    #: tokens after the source of "according to X" searched for the comma that ends it
    #: ("according to data from the U.S. Department of Education, …")
    source_window_tokens: int = attrs.field(default=15, validator=_positive)
    #: characters searched back for the antecedent of a pronoun or role noun
    antecedent_window_chars: int = attrs.field(default=4000, validator=_positive)
    #: a run of capitalised words longer than this is not a name speakers are resolved to (each
    #: quote's speaker is compared with the names before it, so a name as long as the text
    #: would make the work quadratic); the longest in the corpus is 59 characters
    max_name_chars: int = attrs.field(default=200, validator=_positive)
    #: diagnostics recorded per document before a single summary diagnostic
    max_diagnostics: int = attrs.field(default=200, validator=_positive)
