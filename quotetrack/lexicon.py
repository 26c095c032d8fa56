"""Loads the word lists in ``quotetrack/data`` into one frozen `Lexicon`.

Each file is UTF-8 text: ``#`` lines are comments, other lines are tab-separated columns. A file
that is missing or has the wrong number of columns raises `LexiconError` naming the file and line.
"""

from __future__ import annotations

import functools
import os
import re
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Mapping, Optional, Sequence, Union

import attrs

from .errors import LexiconError

__all__ = ["Lexicon", "CueVerb", "DATA_FILES", "FrozenDict", "default_lexicon", "read_table"]

CUE_CLASSES = ("neutral", "assertive", "denial", "hedging")

#: the files of ``word<TAB>role`` rows, and the `Lexicon` field each role fills: a word may have
#: several roles (one row each), and every role must have at least one word
ROLE_FILES: dict[str, dict[str, str]] = {
    "time_words.tsv": {
        "weekday": "weekdays",
        "day_part": "day_parts",
        "weekday_opener": "weekday_openers",
        "weekday_name_word": "weekday_name_words",
        "time_adverb": "time_adverbs",
        "period_opener": "period_openers",
        "period": "periods",
        "duration": "durations",
    },
    "cue_roles.tsv": {
        "infinitive": "infinitive_cues",
        "complement": "complement_cues",
        "wh_question": "wh_cues",
        "object": "object_cues",
        "noun_object": "noun_object_cues",
        "recipient": "recipient_cues",
        "addressee": "addressee_cues",
        "core": "core_cues",
        "quoting": "quoting_cues",
        "headline": "headline_cues",
    },
    "clause_words.tsv": {
        role: role + "s" for role in (
            "be_form", "possessive_determiner", "participle_opener", "postmodifier_opener",
            "clause_opener", "subject_preamble", "clause_conjunction", "subordinator",
            "question_word", "cue_preposition", "auxiliary", "quantity_opener", "object_pronoun",
            "subject_pronoun", "relative", "apposition_opener", "article", "plural_quantifier",
            "add_object", "setting_preposition", "trailing_preposition", "call_particle",
            "before_asked", "cue_coordinator", "before_cue", "cleft_copula", "connective",
            "report_coordinator", "according_preamble", "according_lead", "norm_noun",
            "consequence_participle",
            "comparison_preposition", "coordinator", "time_place_question", "citing_opener",
            "singular_ending", "title_small_word", "title_article", "title_preposition",
            "person_pronoun", "gendered_pronoun", "group_pronoun", "not_verb", "channel_cue",
            "written_cue", "np_preposition", "anonymous_head", "subject_opener", "quantity_word",
            "count_word", "partitive_pronoun", "percent_word", "non_appositive",
            "appositive_preposition", "affiliation_preposition", "non_plural_ending",
            "dialogue_pronoun", "clause_start", "absolute_opener", "concessive",
            "passive_preposition",
            "subject_preposition", "adverbial_ending", "past_ending", "title_modifier",
            "postnominal", "place_modifier_ending", "name_particle", "name_particle_prefix",
            "first_name_title", "described_determiner", "issued_participle",
            "author_preposition", "channel_noun", "contracted_auxiliary", "contracted_subject",
            "contrast_coordinator", "frame_opener", "comma_relative",
            "open_ending", "proform_object", "representative", "irregular_plural",
            "affiliation_opener", "compass_word", "field_end", "time_preposition",
            "time_span_opener", "share_noun", "share_link", "whole_quantifier",
            "group_preposition", "noun_preposition", "member_noun", "work_noun",
            "competition_title", "kin_title", "object_preposition",
            "org_name_end", "indefinite_article", "description_opener",
            "demonstrative_subject", "verb_ending", "voice_noun", "role_verb", "role_link")
    } | {"auxiliary": "auxiliaries", "contracted_auxiliary": "contracted_auxiliaries",
         "before_asked": "before_asked", "before_cue": "before_cue",
         "name_particle_prefix": "name_particle_prefixes"},
}


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


class FrozenDict(dict):
    """A dict that refuses changes: the lexicon's mappings are shared by every parser of the
    process. (A dict subclass, not a MappingProxyType: lookups stay as fast as a dict's, and it
    pickles for process pools and Dask.)"""

    __slots__ = ()

    def _refuse(self, *args, **kwargs):
        raise TypeError("the lexicon cannot be changed; build another one with "
                        "Lexicon.load(paths=..., extra=...)")

    __setitem__ = __delitem__ = _refuse  # type: ignore[assignment]
    clear = pop = popitem = setdefault = update = __ior__ = _refuse  # type: ignore[assignment]

    def __reduce__(self):
        return (FrozenDict, (dict(self),))

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(frozenset(self.items()))

    def __copy__(self) -> "FrozenDict":
        return self

    def __deepcopy__(self, memo: dict) -> "FrozenDict":
        return self


def _frozen_map(d: dict) -> Mapping:
    return FrozenDict(d)


#: the data files a user may add rows to, with their number of columns
DATA_FILES = {
    "abbreviations.tsv": 1, "adverbs.tsv": 1, "affiliation_words.tsv": 2, "anonymity.tsv": 1,
    "belief_verbs.tsv": 2, "countries.tsv": 1,
    "cue_nouns.tsv": 1, "cue_phrases.tsv": 3, "cue_verbs.tsv": 3, "determiners.tsv": 2,
    "documents.tsv": 1, "first_names.tsv": 2, "function_words.tsv": 1, "group_nouns.tsv": 1,
    "honorifics.tsv": 3, "indirect_cues.tsv": 1, "inversion_cues.tsv": 1,
    "manner_nouns.tsv": 1, "name_stopwords.tsv": 1, "name_titles.tsv": 2,
    "non_statements.tsv": 1,
    "not_speech.tsv": 1, "org_words.tsv": 1, "possessive_pronouns.tsv": 2,
    "postmodifiers.tsv": 1, "pronouns.tsv": 4, "speech_nouns.tsv": 2, "titles.tsv": 2,
    **{name: 2 for name in ROLE_FILES},  # word and role
}


class _Sources:
    """The shipped data files, and the rows a user adds to them (files of the same name in
    ``paths``, then the lines of ``extra``)."""

    def __init__(self, paths: Sequence[Union[str, "os.PathLike[str]"]],
                 extra: Optional[Mapping[str, Iterable[str]]]):
        self.user: dict[str, list[tuple[str, str]]] = {}
        for path in paths:
            folder = Path(path)
            if folder.is_dir():
                files = sorted(folder.glob("*.tsv"))
            elif folder.is_file():
                files = [folder]
            else:
                raise LexiconError(f"lexicon path {str(path)!r} is neither a folder nor a file")
            for file in files:
                self._add(file.name, str(file), _read_user_file(file))
        for name, lines in (extra or {}).items():
            if isinstance(lines, str):
                raise LexiconError(f"extra[{name!r}] must be a list of lines, got a string")
            self._add(name, f"extra[{name!r}]", "\n".join(lines))

    def _add(self, name: str, label: str, text: str) -> None:
        if name not in DATA_FILES:
            raise LexiconError(f"{label}: {name!r} is not a lexicon file; the files a user may "
                               f"extend are {sorted(DATA_FILES)}")
        self.user.setdefault(name, []).append((label, text))

    def rows(self, name: str, columns: int, *, user_first: bool = False) -> list[tuple[str, ...]]:
        """The shipped rows of ``name`` and the user's; the user's come last (they win where a
        later row overrides an earlier one), or first with ``user_first`` (where the first row
        of a key wins)."""
        user = [row for label, text in self.user.get(name, ())
                for row in read_table(label, columns, text)]
        shipped = read_table(name, columns)
        return user + shipped if user_first else shipped + user

    def words(self, name: str) -> frozenset[str]:
        return frozenset(w.lower() for (w,) in self.rows(name, 1))


def _read_user_file(file: Path) -> str:
    try:
        return file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(f"lexicon file {str(file)!r} could not be read: {exc}") from exc


@attrs.frozen(kw_only=True)
class Lexicon:
    """All word lists, as immutable sets and mappings keyed by lower-case text."""

    cue_forms: Mapping[str, CueVerb]  # "said" -> CueVerb("say", "neutral")
    cue_phrases: Mapping[str, tuple[str, str]]  # "told reporters" -> (class, channel)
    titles: Mapping[str, str]  # "spokeswoman" -> "female", "director" -> ""
    honorifics: Mapping[str, str]  # "mr." -> "male"
    #: honorifics of the kind "courtesy" ("mr.", "dr."): they give a speaker no title, while
    #: "Sen." does
    courtesy_titles: frozenset[str]
    #: titles that are part of the name they stand before (peers, knights): "sir" -> "male"
    #: ("Sir John Jones" is the name; "Lord Chancellor" stays a title)
    name_titles: Mapping[str, str]
    pronouns: Mapping[str, tuple[str, str, str]]  # "she" -> (gender, number, person)
    org_words: frozenset[str]
    #: nationality and party words that, before a first name, are no part of the name:
    #: "american" -> "nationality", "tory" -> "party"
    affiliation_words: Mapping[str, str]
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
    countries: frozenset[str]  # "turkey": "Turkey said" is a state, an organisation
    speech_nouns: Mapping[str, str]  # "statement" -> "neutral": "X's statement that …"
    possessive_pronouns: Mapping[str, str]  # "his" -> "he"
    #: lower-case words that make a sentence worth reading closely: cue forms, belief verbs,
    #: speech nouns, "according", the last words of the non-statement phrases
    triggers: frozenset[str] = attrs.field(init=False)
    #: the triggers and the speech nouns as ASCII bytes, for the tests that read
    #: `quotetrack.text.letter_runs`
    trigger_bytes: frozenset[bytes] = attrs.field(init=False, repr=False)
    speech_noun_bytes: frozenset[bytes] = attrs.field(init=False, repr=False)
    #: the runs of a-z of the one-word titles, as bytes: a stretch of text whose
    #: `quotetrack.text.letter_runs` hold none of them has no title word
    title_run_bytes: frozenset[bytes] = attrs.field(init=False, repr=False)
    #: the finite forms of the speech verbs that report a clause or may stand before their
    #: speaker ("said", "adds", "told"): a sentence holding one attributes speech, so an
    #: unclosed quotation ends before it
    attribution_forms: frozenset[str] = attrs.field(init=False)
    #: every word that may start a title: the one-word titles, the honorifics and the first
    #: words of the longer titles (the title finder looks closer only at these)
    title_starts: frozenset[str] = attrs.field(init=False)
    #: for the first word of each title of several words, the numbers of words of those
    #: titles, the longest first ("secretary" -> (3, 2)): the title finder joins and looks up
    #: only these, not every length up to its longest
    title_lengths: Mapping[str, tuple[int, ...]] = attrs.field(init=False)
    #: the words of the cues of cue_phrases.tsv that have several words and name no channel
    #: ("went on", "shot back", "put it"), in the file's order
    speech_phrases: tuple[tuple[str, ...], ...] = attrs.field(init=False)
    #: the two-word ones among them that may report a "that" clause ("points out that"), by
    #: first word: "points" -> {("points", "out")}
    reporting_phrases: Mapping[str, frozenset[tuple[str, ...]]] = attrs.field(init=False)
    #: (phrase, channel) of the cue phrases that name where it was said ("in a statement" ->
    #: "statement"), in the file's order
    channel_phrases: tuple[tuple[str, str], ...] = attrs.field(init=False)
    #: the last words of the postmodifiers ("with" of "familiar with"): a pair ends in one
    postmodifier_ends: frozenset[str] = attrs.field(init=False)
    #: the words of not_speech.tsv, as a set and as the end of the text before a quotation
    #: (after a space or a line break: "a film titled")
    not_speech_words: frozenset[str] = attrs.field(init=False)
    not_speech_ends: tuple[str, ...] = attrs.field(init=False)
    belief_forms: Mapping[str, str]  # "believed" -> "believe"
    non_statements: tuple[str, ...]  # "declined to comment"
    adverbs: frozenset[str]
    determiners: Mapping[str, str]  # "the" -> "definite"
    function_words: frozenset[str]
    # --- time_words.tsv (word, role); see the file for each role
    weekdays: frozenset[str]  # "monday"
    day_parts: frozenset[str]  # "evening": "on Thursday evening said"
    weekday_openers: frozenset[str]  # "on", "last": "Ted Cruz on Wednesday announced"
    #: "times", "telegraph": after a weekday, the two name a paper or programme ("Sunday Times")
    weekday_name_words: frozenset[str]
    time_adverbs: frozenset[str]  # "yesterday": "said yesterday"
    period_openers: frozenset[str]  # "last", "this": "last night", "earlier this week"
    periods: frozenset[str]  # "week"
    durations: frozenset[str]  # "months": "has said for months that"
    # --- cue_roles.tsv (lemma, role)
    infinitive_cues: frozenset[str]  # "vow": "vowed to stay"
    complement_cues: frozenset[str]  # "urge": "urged Congress to act"
    wh_cues: frozenset[str]  # "explain": "explained where …" is a question
    object_cues: frozenset[str]  # "maintain": "maintains a lead" reports nothing
    #: "quote": "The Times quoted an insider as saying": the one quoted is the speaker
    quoting_cues: frozenset[str]
    noun_object_cues: frozenset[str]  # "claim": "claimed a victory" reports nothing
    recipient_cues: frozenset[str]  # "tell": "told Reuters …"
    addressee_cues: frozenset[str]  # "warn": "warned the council on Monday that …"
    core_cues: frozenset[str]  # "say": of several cues in a sentence, "said" attributes it
    headline_cues: frozenset[str]  # "say": a verb when capitalised in a title-case headline
    # --- clause_words.tsv (word, role)
    be_forms: frozenset[str]  # "is", "were": "critics are saying"
    possessive_determiners: frozenset[str]  # "his", "their": "his remarks" is a noun
    participle_openers: frozenset[str]  # "by", "while": "by saying" takes the clause subject
    postmodifier_openers: frozenset[str]  # "familiar", "who": "an official familiar with … said"
    clause_openers: frozenset[str]  # "but", "also": skipped at the start of a clause
    subject_preambles: frozenset[str]  # "even", "still": skipped before a sentence's subject
    clause_conjunctions: frozenset[str]  # ", while …", ", which …": the reporter's clause
    subordinators: frozenset[str]  # "if": "that if Iran were a stock, he would …"
    question_words: frozenset[str]  # "whether": "asked whether …"
    cue_prepositions: frozenset[str]  # "on": "said on Friday"
    auxiliaries: frozenset[str]  # "will", "were"
    quantity_openers: frozenset[tuple[str, ...]]  # ("more", "than"): "said more than 500 …"
    object_pronouns: frozenset[str]  # "her": "the president told her"
    subject_pronouns: frozenset[str]  # "she": "…, and she accused Y"
    relatives: frozenset[str]  # "that": "a letter that he said was drafted"
    apposition_openers: frozenset[str]  # "who": "…, according to X, who …"
    articles: frozenset[str]  # "the": "the estimated" is no cue
    plural_quantifiers: frozenset[str]  # "some": "some states" is no cue
    #: kept in a description's name: "another member of the public", "two officials"
    described_determiners: frozenset[str]
    #: "a statement released by X", "a report from X": the document's author follows
    issued_participles: frozenset[str]
    #: "spokesman", "lawyer": someone's representative ("Blair's spokesman") is someone else
    representatives: frozenset[str]
    #: "spokesman", "spokeswoman": one who speaks for a body; with none of their own, the
    #: organisation just before speaks through them ("Acme said …. "…," a spokesman said")
    voice_nouns: frozenset[str]
    #: "quit", "appointed": before "as", gives the clause's subject the title after it ("quit
    #: as Scotland coach")
    role_verbs: frozenset[str]
    #: "took", "not", "to": may stand between a person and their role verb ("Jo Reed, who took
    #: over as …", "says he will not quit as …"), with auxiliaries, adverbs, cue verbs and a
    #: pronoun for the person
    role_links: frozenset[str]
    #: "people", "men": plural nouns of people without a plural ending (a group speaker)
    irregular_plurals: frozenset[str]
    #: "from": ", from Goldman Sachs," after a name gives the organisation the person is from
    affiliation_openers: frozenset[str]
    #: "north", "upstate": opens the name of a region (", from North Philadelphia,": a place)
    compass_words: frozenset[str]
    #: "at": ends the field of a title before the organisation ("head of research at Acme")
    field_ends: frozenset[str]
    #: "in", "until": before a year, a phrase of time that ends an organisation's name
    time_prepositions: frozenset[str]
    #: "until", "since": before "last year", a phrase of time
    time_span_openers: frozenset[str]
    author_prepositions: frozenset[str]
    add_objects: frozenset[str]  # "a": "added a third goal" is no report
    setting_prepositions: frozenset[str]  # "in": "In a brief statement, the company said."
    trailing_prepositions: frozenset[str]  # "during": "…, she said during a rally."
    call_particles: frozenset[str]  # "for": "called for a recount"
    noun_prepositions: frozenset[str]  # "for": "the demand for oil" is a noun
    before_asked: frozenset[str]  # "was": "was asked whether"
    cue_coordinators: frozenset[str]  # "and": "announced new support and said"
    before_cue: frozenset[str]  # "has": "has also said"
    cleft_copulas: frozenset[str]  # "is": "What he would say is that …"
    connectives: frozenset[str]  # "but": skipped at the start of a report
    report_coordinators: frozenset[str]  # "and": "said A and about the same numbers say B"
    according_preambles: frozenset[str]  # "but": "But according to X, …"
    according_leads: frozenset[str]  # "so": skipped at the start of a report before "according"
    comparison_prepositions: frozenset[str]  # "with": "…, compared with 41 percent"
    coordinators: frozenset[str]  # "or": "…, and when asked whether …"
    time_place_questions: frozenset[str]  # "when": a question after a wh cue only
    citing_openers: frozenset[str]  # "by": "by citing his results"
    singular_endings: tuple[str, ...]  # "ss": "press" is no plural (for str.endswith)
    title_small_words: frozenset[str]  # "the": lower case in the title "Face the Nation"
    title_articles: frozenset[str]  # "the": skipped before a title ("the Mayor of Mill Street")
    title_prepositions: frozenset[str]  # "on": 'on CNN's “New Day.”' is a name despite the stop
    person_pronouns: frozenset[str]  # "she", "who": who "she" stood for is a person
    gendered_pronouns: frozenset[str]  # "she": the nearest woman named or quoted before
    group_pronouns: frozenset[str]  # "they": an earlier group or organisation speaker
    not_verbs: frozenset[str]  # "and": "Dixon Hall and …" is no verb's subject
    channel_cues: frozenset[str]  # "told": "told Reuters" names the channel
    channel_nouns: frozenset[str]  # "programme": "told BBC Radio 4's Today programme"
    written_cues: frozenset[str]  # "read": '“…,” it read' is the last speaker's sign
    np_prepositions: frozenset[str]  # "of": "Secretary of State Mike Pompeo" is one mention
    anonymous_heads: frozenset[str]  # "source": "a source said" is an anonymous source
    subject_openers: frozenset[str]  # "and": "…, and some families said"
    quantity_words: frozenset[str]  # "about": "About 4 in 10 said"
    count_words: frozenset[str]  # "sixty": "Sixty-six percent said"
    partitive_pronouns: frozenset[str]  # "them": "most of them said"
    percent_words: frozenset[str]  # "percent": "46 percent said"
    share_nouns: frozenset[str]  # "majority": "A majority of voters said"
    share_links: frozenset[str]  # "of": "Two-thirds of Democratic insiders said"
    whole_quantifiers: frozenset[str]  # "all": "43 percent of all reported gifts" (no cue)
    group_prepositions: frozenset[str]  # "for": "attorneys for the family said"
    #: "star": "Barcelona star Ronaldinho" (the team is the affiliation; "star" is no title)
    member_nouns: frozenset[str]
    #: "despite": "despite the Charlton protests" (a cue form after it and its noun phrase is a noun)
    object_prepositions: frozenset[str]
    #: "father": "Azmat Begg, father of Moazzam" (a relative, of a person: no affiliation)
    kin_titles: frozenset[str]
    #: "champion": "Olympic champion X" (the capitalised words before it name a competition)
    competition_titles: frozenset[str]
    #: "games": "the creator of the best-selling The Sims games" (a work, no organisation)
    work_nouns: frozenset[str]
    #: "laws": "modelled according to the laws of physics" (a norm followed, not a source)
    norm_nouns: frozenset[str]
    #: "prompting": "…, prompting unions to threaten action" (the reporter's consequence)
    consequence_participles: frozenset[str]
    #: "research": "Forrester Research" (two or more capitalised words) is an organisation
    org_name_ends: frozenset[str]
    non_appositives: frozenset[str]  # "who": ", who said …" is no appositive
    appositive_prepositions: frozenset[str]  # "of": "director of X" (the affiliation is X)
    affiliation_prepositions: frozenset[str]  # "of": "Richard Shelby of Alabama"
    non_plural_endings: tuple[str, ...]  # "'s": "Trump's" is no plural (for str.endswith)
    dialogue_pronouns: frozenset[str]  # "we": "as we said" inside a quotation is no attribution
    clause_starts: frozenset[str]  # "before": "long before White House officials started"
    absolute_openers: frozenset[str]  # "with": "with Trump reportedly yelling: “…”"
    concessives: frozenset[str]  # "although": "…, although he tweeted that “…”"
    passive_prepositions: frozenset[str]  # "as": "was described as “…”" names no speaker
    subject_prepositions: frozenset[str]  # "by": "A recent survey by Comcast Xfinity found"
    adverbial_endings: tuple[str, ...]  # "ing": "Facing criticism, X …" (for str.endswith)
    past_endings: tuple[str, ...]  # "ed": "Japan branded North Korea" (for str.endswith)
    #: "ed", "s": a word after a definite description with one is its verb ("The prime
    #: minister ridiculed …"; for str.endswith)
    verb_endings: tuple[str, ...]
    #: "a", "an": opens the indefinite description that opens a lede ("A sculptor … has denied")
    indefinite_articles: frozenset[str]
    #: "and", "while": a definite description after one opens a clause ("…, and the prime
    #: minister mocked …")
    description_openers: frozenset[str]
    #: "that", "it": opening a sentence before a speech or belief verb, a definite description
    #: after the verb opens a clause ("That suggests the Green leader believes …")
    demonstrative_subjects: frozenset[str]
    contracted_auxiliaries: tuple[str, ...]  # "n't": "wasn't" holds an auxiliary (str.endswith)
    contracted_subjects: frozenset[str]  # "it": "it's" is "it is"
    contrast_coordinators: frozenset[str]  # "but": "…, but critics were not convinced"
    frame_openers: frozenset[str]  # "after": "Years after X claimed A, B …"
    comma_relatives: frozenset[str]  # "who": "X, who said A, recounted …"
    open_endings: frozenset[str]  # "where": "a tunnel where, it is said, …"
    proform_objects: frozenset[str]  # "so": "said so in the earlier poll" reports no clause
    #: "former", "acting": modify a title even capitalised at the start of a sentence
    #: ("Former England captain Martin Johnson": no affiliation "Former")
    title_modifiers: frozenset[str]
    postnominals: frozenset[str]  # "MP", "QC" after a name: its office, not part of it
    place_modifier_endings: tuple[str, ...]  # "-based": "a Singapore-based fund manager"
    name_particles: frozenset[str]  # "de", "van", "bin": inside a name ("Rodrigo de Rato")
    name_particle_prefixes: tuple[str, ...]  # "al-": "Bashar al-Assad"
    first_name_titles: frozenset[str]  # "sir", "dame": "Sir John" stands for "Sir John Bourn"

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "triggers", _triggers(self))
        object.__setattr__(self, "trigger_bytes", frozenset(w.encode() for w in self.triggers))
        object.__setattr__(self, "speech_noun_bytes", frozenset(
            w.encode() for w in self.speech_nouns))
        object.__setattr__(self, "title_run_bytes", frozenset(
            run.encode() for title in self.titles if " " not in title
            for run in _LETTER_RUNS.findall(title)))
        object.__setattr__(self, "attribution_forms", frozenset(
            form for form, cue in self.cue_forms.items()
            if (cue.lemma in self.inversion_cues or cue.lemma in self.indirect_cues)
            and form != cue.lemma and not form.endswith("ing")
        ))
        speech = tuple(tuple(phrase.split()) for phrase, (_, channel) in self.cue_phrases.items()
                       if not channel and " " in phrase)
        object.__setattr__(self, "speech_phrases", speech)
        pairs: dict[str, set[tuple[str, ...]]] = {}
        for words in speech:
            if len(words) == 2 and words != ("according", "to"):
                pairs.setdefault(words[0], set()).add(words)
        object.__setattr__(self, "reporting_phrases", _frozen_map(
            {w: frozenset(p) for w, p in pairs.items()}))
        object.__setattr__(self, "title_starts", frozenset(
            {t for t in self.titles if " " not in t} | set(self.honorifics)
            | self.title_first_words))
        lengths: dict[str, set[int]] = {}
        for title in self.titles:
            first, *rest = title.split(" ")
            if rest:
                lengths.setdefault(first, set()).add(1 + len(rest))
        object.__setattr__(self, "title_lengths", _frozen_map(
            {first: tuple(sorted(ns, reverse=True)) for first, ns in lengths.items()}))
        object.__setattr__(self, "channel_phrases", tuple(
            (phrase, channel) for phrase, (_, channel) in self.cue_phrases.items() if channel))
        object.__setattr__(self, "postmodifier_ends", frozenset(
            p.split()[-1] for p in self.postmodifiers))
        object.__setattr__(self, "not_speech_words", frozenset(self.not_speech))
        object.__setattr__(self, "not_speech_ends", tuple(
            sep + w for w in self.not_speech for sep in " \n"))

    @classmethod
    def load(cls, paths: Sequence[Union[str, "os.PathLike[str]"]] = (),
             extra: Optional[Mapping[str, Iterable[str]]] = None) -> "Lexicon":
        """Read every data file shipped in the package, plus a user's own rows: ``paths`` are
        folders (or files) of TSV files named like the shipped ones (``cue_verbs.tsv``,
        ``titles.tsv``, … see `DATA_FILES`), ``extra`` maps such a name to lines. User rows
        add words, and replace the shipped row of the same word (a cue verb's class, a title's
        gender). Raises `LexiconError` for an unknown file name or a malformed row."""
        src = _Sources(paths, extra)
        honorifics = src.rows("honorifics.tsv", 3)
        cue_forms: dict[str, CueVerb] = {}
        for lemma, cue_class, forms in src.rows("cue_verbs.tsv", 3, user_first=True):
            if cue_class not in CUE_CLASSES:
                raise LexiconError(
                    f"cue_verbs.tsv: class {cue_class!r} of {lemma!r} is not one of {CUE_CLASSES}"
                )
            for form in forms.split(","):
                cue_forms.setdefault(form.strip().lower(), CueVerb(lemma, cue_class))
        return cls(
            cue_forms=_frozen_map(cue_forms),
            cue_phrases=_frozen_map(
                {p.lower(): (c, ch) for p, c, ch in src.rows("cue_phrases.tsv", 3)}
            ),
            titles=_frozen_map({t.lower(): g for t, g in src.rows("titles.tsv", 2)}),
            honorifics=_frozen_map({h.lower(): g for h, g, _ in honorifics}),
            courtesy_titles=_courtesy_titles(honorifics),
            name_titles=_frozen_map({h.lower(): g for h, g in src.rows("name_titles.tsv", 2)}),
            pronouns=_frozen_map({p: (g, n, pp) for p, g, n, pp in src.rows("pronouns.tsv", 4)}),
            org_words=frozenset(w.lower() for (w,) in src.rows("org_words.tsv", 1)),
            affiliation_words=_frozen_map(
                {w.lower(): k for w, k in src.rows("affiliation_words.tsv", 2)}),
            group_nouns=frozenset(w.lower() for (w,) in src.rows("group_nouns.tsv", 1)),
            anonymity=tuple(w.lower() for (w,) in src.rows("anonymity.tsv", 1)),
            not_speech=tuple(w.lower() for (w,) in src.rows("not_speech.tsv", 1)),
            abbreviations=frozenset(w.lower() for (w,) in src.rows("abbreviations.tsv", 1)),
            name_stopwords=frozenset(w.lower() for (w,) in src.rows("name_stopwords.tsv", 1)),
            first_names=_frozen_map({n: g for n, g in src.rows("first_names.tsv", 2)}),
            documents=src.words("documents.tsv"),
            indirect_cues=src.words("indirect_cues.tsv"),
            inversion_cues=src.words("inversion_cues.tsv"),
            cue_nouns=src.words("cue_nouns.tsv"),
            postmodifiers=src.words("postmodifiers.tsv"),
            manner_nouns=src.words("manner_nouns.tsv"),
            countries=src.words("countries.tsv"),
            speech_nouns=_frozen_map({n.lower(): _cue_class(c, f"speech_nouns.tsv: {n!r}")
                                      for n, c in src.rows("speech_nouns.tsv", 2)}),
            possessive_pronouns=_frozen_map(
                {p: s for p, s in src.rows("possessive_pronouns.tsv", 2)}),
            belief_forms=_frozen_map({f: lemma for lemma, forms in src.rows("belief_verbs.tsv", 2)
                                      for f in forms.split(",")}),
            non_statements=tuple(w.lower() for (w,) in src.rows("non_statements.tsv", 1)),
            title_first_words=frozenset(
                t.split()[0].lower() for t, _ in src.rows("titles.tsv", 2) if " " in t),
            adverbs=src.words("adverbs.tsv"),
            determiners=_frozen_map({w: d for w, d in src.rows("determiners.tsv", 2)}),
            function_words=src.words("function_words.tsv"),
            **_role_words(src),
        )


#: the values of the kind column of honorifics.tsv
HONORIFIC_KINDS = ("", "courtesy")


def _courtesy_titles(rows: list[tuple[str, ...]]) -> frozenset[str]:
    """The honorifics whose kind is "courtesy" (a later row of a word replaces an earlier one)."""
    kinds: dict[str, str] = {}
    for word, _, kind in rows:
        if kind not in HONORIFIC_KINDS:
            raise LexiconError(f"honorifics.tsv: kind {kind!r} of {word!r} is not one of "
                               f"{HONORIFIC_KINDS}")
        kinds[word.lower()] = kind
    return frozenset(word for word, kind in kinds.items() if kind == "courtesy")


#: the role fields that hold word endings or beginnings, kept as sorted tuples
_AFFIX_FIELDS = ("singular_endings", "non_plural_endings", "adverbial_endings", "past_endings",
                 "contracted_auxiliaries", "place_modifier_endings", "name_particle_prefixes",
                 "verb_endings")


def _role_words(src: "_Sources") -> dict[str, Any]:
    """The `Lexicon` fields filled from the files of `ROLE_FILES`, by field name."""
    fields: dict[str, Any] = {}
    for name, roles in ROLE_FILES.items():
        found: dict[str, set[str]] = {role: set() for role in roles}
        for word, role in src.rows(name, 2):
            if role not in found:
                raise LexiconError(
                    f"{name}: role {role!r} of {word!r} is not one of {tuple(roles)}")
            found[role].add(word.lower())
        for role, words in found.items():
            if not words:
                raise LexiconError(f"{name}: no word has the role {role!r}")
            fields[roles[role]] = frozenset(words)
    fields["quantity_openers"] = frozenset(
        tuple(phrase.split()) for phrase in fields["quantity_openers"])
    for name in _AFFIX_FIELDS:  # (a tuple: what str.endswith and str.startswith take)
        fields[name] = tuple(sorted(fields[name]))
    return fields


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
