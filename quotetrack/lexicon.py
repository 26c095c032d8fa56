"""Loads the word lists in ``quotetrack/data`` into one frozen `Lexicon`.

Each file is UTF-8 text: ``#`` lines are comments, other lines are tab-separated columns. A file
that is missing or has the wrong number of columns raises `LexiconError` naming the file and line.
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from typing import Mapping

import attrs

from .errors import LexiconError

__all__ = ["Lexicon", "CueVerb", "default_lexicon", "read_table"]

CUE_CLASSES = ("neutral", "assertive", "denial", "hedging")


def _cue_class(value: str, where: str) -> str:
    if value not in CUE_CLASSES:
        raise LexiconError(f"{where}: class {value!r} is not one of {CUE_CLASSES}")
    return value


def read_table(name: str, columns: int, text: str | None = None) -> list[tuple[str, ...]]:
    """Rows of the data file ``name``, each with ``columns`` columns (trailing empty ones may be
    left out)."""
    if text is None:
        try:
            text = resources.files("quotetrack.data").joinpath(name).read_text(encoding="utf-8")
        except (FileNotFoundError, OSError) as exc:
            raise LexiconError(f"lexicon file {name!r} could not be read: {exc}") from exc
    rows = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        cells += [""] * (columns - len(cells))
        if len(cells) != columns or not cells[0].strip():
            raise LexiconError(
                f"{name}:{lineno}: expected {columns} tab-separated column(s), got {line!r}"
            )
        rows.append(tuple(c.strip() for c in cells))
    return rows


@attrs.frozen
class CueVerb:
    lemma: str
    cue_class: str


def _frozen_map(d: dict) -> Mapping:
    # a plain dict (not MappingProxyType) so that a Lexicon pickles for process pools and Dask;
    # nothing in quotetrack writes to it after loading
    return dict(d)


@attrs.frozen(kw_only=True)
class Lexicon:
    """All word lists, as immutable sets and mappings keyed by lower-case text."""

    cue_forms: Mapping[str, CueVerb]  # "said" -> CueVerb("say", "neutral")
    cue_phrases: Mapping[str, tuple[str, str]]  # "told reporters" -> (class, channel)
    titles: Mapping[str, str]  # "spokeswoman" -> "female", "director" -> ""
    honorifics: Mapping[str, str]  # "mr." -> "male"
    pronouns: Mapping[str, tuple[str, str, str]]  # "she" -> (gender, number, person)
    org_words: frozenset[str]
    group_nouns: frozenset[str]
    anonymity: tuple[str, ...]
    not_speech: tuple[str, ...]
    abbreviations: frozenset[str]
    name_stopwords: frozenset[str]
    first_names: Mapping[str, str]
    documents: frozenset[str]
    title_first_words: frozenset[str]  # first words of multi-word titles ("prime", "secretary")
    indirect_cues: frozenset[str]  # lemmas that introduce reported speech as a clause
    inversion_cues: frozenset[str]  # lemmas that may precede their speaker ("said X")
    cue_nouns: frozenset[str]  # cue forms that are also plural nouns ("his remarks")
    postmodifiers: frozenset[str]  # "familiar with": attach a phrase to a speaker noun
    manner_nouns: frozenset[str]  # "according to plan": a manner, not a source
    speech_nouns: Mapping[str, str]  # "statement" -> "neutral": "X's statement that …"
    possessive_pronouns: Mapping[str, str]  # "his" -> "he"
    #: lower-case words that make a sentence worth reading closely: cue forms, belief verbs,
    #: speech nouns, "according", the last words of the non-statement phrases
    triggers: frozenset[str] = attrs.field(init=False)
    belief_forms: Mapping[str, str]  # "believed" -> "believe"
    non_statements: tuple[str, ...]  # "declined to comment"
    adverbs: frozenset[str]
    determiners: Mapping[str, str]  # "the" -> "definite"
    function_words: frozenset[str]

    def __attrs_post_init__(self):
        object.__setattr__(self, "triggers", _triggers(self))

    @classmethod
    def load(cls) -> "Lexicon":
        """Read every data file shipped in the package."""
        cue_forms: dict[str, CueVerb] = {}
        for lemma, cue_class, forms in read_table("cue_verbs.tsv", 3):
            if cue_class not in CUE_CLASSES:
                raise LexiconError(
                    f"cue_verbs.tsv: class {cue_class!r} of {lemma!r} is not one of {CUE_CLASSES}"
                )
            for form in forms.split(","):
                cue_forms.setdefault(form.strip().lower(), CueVerb(lemma, cue_class))
        return cls(
            cue_forms=_frozen_map(cue_forms),
            cue_phrases=_frozen_map(
                {p.lower(): (c, ch) for p, c, ch in read_table("cue_phrases.tsv", 3)}
            ),
            titles=_frozen_map({t.lower(): g for t, g in read_table("titles.tsv", 2)}),
            honorifics=_frozen_map({h.lower(): g for h, g in read_table("honorifics.tsv", 2)}),
            pronouns=_frozen_map({p: (g, n, pp) for p, g, n, pp in read_table("pronouns.tsv", 4)}),
            org_words=frozenset(w.lower() for (w,) in read_table("org_words.tsv", 1)),
            group_nouns=frozenset(w.lower() for (w,) in read_table("group_nouns.tsv", 1)),
            anonymity=tuple(w.lower() for (w,) in read_table("anonymity.tsv", 1)),
            not_speech=tuple(w.lower() for (w,) in read_table("not_speech.tsv", 1)),
            abbreviations=frozenset(w.lower() for (w,) in read_table("abbreviations.tsv", 1)),
            name_stopwords=frozenset(w.lower() for (w,) in read_table("name_stopwords.tsv", 1)),
            first_names=_frozen_map({n: g for n, g in read_table("first_names.tsv", 2)}),
            documents=_words("documents.tsv"),
            indirect_cues=_words("indirect_cues.tsv"),
            inversion_cues=_words("inversion_cues.tsv"),
            cue_nouns=_words("cue_nouns.tsv"),
            postmodifiers=_words("postmodifiers.tsv"),
            manner_nouns=_words("manner_nouns.tsv"),
            speech_nouns=_frozen_map({n.lower(): _cue_class(c, f"speech_nouns.tsv: {n!r}")
                                      for n, c in read_table("speech_nouns.tsv", 2)}),
            possessive_pronouns=_frozen_map(
                {p: s for p, s in read_table("possessive_pronouns.tsv", 2)}),
            belief_forms=_frozen_map({f: lemma for lemma, forms in read_table("belief_verbs.tsv", 2)
                                      for f in forms.split(",")}),
            non_statements=tuple(w.lower() for (w,) in read_table("non_statements.tsv", 1)),
            title_first_words=frozenset(
                t.split()[0].lower() for t, _ in read_table("titles.tsv", 2) if " " in t),
            adverbs=_words("adverbs.tsv"),
            determiners=_frozen_map({w: d for w, d in read_table("determiners.tsv", 2)}),
            function_words=_words("function_words.tsv"),
        )


def _words(name: str) -> frozenset[str]:
    return frozenset(w.lower() for (w,) in read_table(name, 1))


_LETTER_RUNS = re.compile(r"[a-z]+")


def _triggers(lex: "Lexicon") -> frozenset[str]:
    words = set(lex.cue_forms) | set(lex.belief_forms) | set(lex.speech_nouns) | {"according"}
    words |= {phrase.split()[-1] for phrase in lex.non_statements}
    # the trigger test reads runs of a-z: a form such as "re-iterated" counts by its pieces
    # (a sentence read in full when it need not be costs time, never a result)
    for word in list(words):
        words.update(_LETTER_RUNS.findall(word))
    return frozenset(words)


@functools.lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The lexicon shipped with quotetrack, loaded once."""
    return Lexicon.load()
