"""Stage 5b: reported speech without quotation marks (kind ``indirect``).

Named rules, in order, each looking at one sentence at a time (``INDIRECT_RULES``; see
docs/rules.md for every pattern):

- ``reported_citing``: ``X said …, citing CONTENT``
- ``reported_as``: ``As X noted, CONTENT``
- ``reported_question``: ``X was asked whether CONTENT`` / ``asked by Y if CONTENT``
- ``reported_parenthetical``: ``…, some officials say, CONTENT.``
- ``reported_absolute``: ``…, with 50 percent saying CONTENT``
- ``reported_clause``: ``X said (that) CONTENT`` / ``X told Reuters CONTENT`` /
  ``…, saying CONTENT``
- ``reported_share``: ``Two-thirds of Democratic insiders said CONTENT``
- ``reported_group``: ``attorneys for the family said CONTENT``
- ``reported_inverted``: ``CONTENT, X said.`` / ``CONTENT, said X.``
- ``according_to_clause``: ``According to X, CONTENT.`` / ``CONTENT, according to X.``
- ``speech_noun_clause``: ``his claim that CONTENT``

The content is the reported clause, to the end of the sentence or to a participle clause
(``…, citing …``); a clause holding a quotation is left to the quotation rules. A speaker is found
with the same rules as for quotations and resolved with them. "declined to comment" and its
kind are non-statements, not quotes.
"""

from __future__ import annotations

from typing import Any, Callable, Optional, Union

import attrs

from ..lexicon import CueVerb, Lexicon
from ..model import QuoteKind
from ..text import letter_runs
from .context import Context, Decision
from .cues import (after_participle_opener, cue_as_noun, inverted_after_cue,
                   subject_before_cue, subject_of_clause)
from .marks import Candidate
from .mentions import group_head, np_after, np_before, skip_parenthesis
from .tokens import Token

__all__ = ["INDIRECT_RULES", "INDIRECT_RULE_NAMES", "find_indirect", "find_non_statements",
           "Reported"]

_MIN_WORDS = 3
_CLAUSE_END = frozenset(";:")
_TRAILING_WORDS = 12  # the longest phrase of the reporter's after an inverted report
#: after "asked", a question word this close (a short object between) makes a question
_SHORT_OBJECT_TOKENS = 5
#: a subject of a second report ("and others have said") ends this close to its "and"
_NEXT_SUBJECT_TOKENS = 8
#: after a comma, a report cue this close starts another attribution ("…, federal officials
#: said, …")
_NEXT_CUE_TOKENS = 6
#: a leading adverbial this many words long or shorter is part of what was said ("In any case,
#: Mr. DiPietro said, …"); a longer one sets the scene
_SHORT_ADVERBIAL_WORDS = 4
#: words between a speaker and the cue skipped at most, plus one ("… and has also said")
_BEFORE_CUE_TOKENS = 3
#: phrases of time or place skipped after a cue before its clause ("said on Friday in a
#: statement that …")
_MAX_CUE_PHRASES = 3
#: a phrase of place or time after a cue is at most this many tokens, its preposition included
_CUE_PHRASE_TOKENS = 6
#: "As X noted last week, …": the comma this close after the cue
_AS_COMMA_TOKENS = 7
#: "told reporters", "told a local radio station": a determiner and at most four words
_RECIPIENT_TOKENS = 5
#: "In a brief statement, …": a setting is at most this many tokens
_SETTING_TOKENS = 8
#: words allowed between an owner and its speech noun ("the campaign's earlier claim"), and
#: time words between the noun and "that" ("Trump's assertion Monday that …")
_SPEECH_NOUN_GAP = 2
#: "the target it pledged to reach": the determiner this many tokens before the pronoun at most
_RELATIVE_NOUN_TOKENS = 4
#: "A few weeks after X said …": words of time before the conjunction of a clause of time
_FRAME_LEAD_TOKENS = 3
#: "More than half of respondents in the USA TODAY/Suffolk poll": a share of a group is at most
#: this many tokens before its cue
_SHARE_TOKENS = 14
#: "elected officials from …": the head of a group stands this close to the start of its phrase
_GROUP_HEAD_TOKENS = 4


@attrs.define
class Reported:
    """One reported-speech find: token range of the content and the decision."""

    first: int
    end: int  # end-exclusive, like every token range
    decision: Decision


# a rule returns one find, several (a report split by its cue), or nothing
Rule = Callable[[Context, int, int, int, bool], Union[Reported, list[Reported], None]]


def _object_then_question(ctx: Context, k: int) -> bool:
    """"asked workers if they ...", "asked our followers which ...": a short object, then a
    question word."""
    toks = ctx.tokens
    questions = ctx.lex.question_words - {"about"}
    for j in range(k + 1, min(len(toks), k + _SHORT_OBJECT_TOKENS)):
        if toks[j].lower in questions:
            return j > k + 1
        if not toks[j].is_word or toks[j].sentence != toks[k].sentence:
            return False
    # a longer object: "asked former Attorney General Eric Holder whether …"
    np = _recipient(ctx, k + 1, ctx.sentences[toks[k].sentence][1])
    return np is not None and np[1] < len(toks) and toks[np[1]].sentence == toks[k].sentence \
        and toks[np[1]].lower in questions


def _complement_cue(ctx: Context, k: int) -> Optional[str]:
    """The lemma of a cue whose report is an object or question ("urged X to", "asked if")."""
    t = ctx.tokens[k]
    cue = ctx.lex.cue_forms.get(t.lower)
    if cue is None or cue.lemma not in ctx.lex.complement_cues or t.is_cap:
        return None
    nxt = ctx.tokens[k + 1].lower if k + 1 < len(ctx.tokens) else ""
    if cue.lemma == "call" and nxt not in ctx.lex.call_particles \
            and not _calls_names(ctx, k):
        return None  # "called for a vote" reports
    if cue.lemma == "ask" and nxt not in ctx.lex.question_words \
            and not _object_then_question(ctx, k):
        return None  # "asked whether ..." reports a question; "asked Washington to ..." a request

    return cue.lemma


def _calls_names(ctx: Context, k: int) -> bool:
    """"called him a political opportunist", "calling Trump a fascist", "call it the nerd
    prom": after the cue at ``k`` an object pronoun or one to three capitalised words, then an
    article that opens no phrase of time ("called him the next day" is a telephone call): the
    speaker's name for someone, which PolNeAR annotates as reported speech."""
    toks, lex = ctx.tokens, ctx.lex
    x = k + 1
    if x < len(toks) and (toks[x].lower in lex.object_pronouns or toks[x].lower == "it"):
        x += 1
    else:
        while x < len(toks) and x < k + 4 and toks[x].is_cap and toks[x].is_word \
                and toks[x].sentence == toks[k].sentence:
            x += 1
    if x == k + 1 or x + 1 >= len(toks) or toks[x].lower not in lex.articles \
            or toks[x].sentence != toks[k].sentence:
        return False
    return not (_time_word(lex, toks, x + 1) or toks[x + 1].lower in lex.periods
                or toks[x + 1].lower in lex.period_openers)


def _time_word(lex: Lexicon, toks: list[Token], k: int) -> bool:
    """"Monday", "yesterday", and "night" in "Monday night" or "last night": after a cue, words
    of time the clause does not start with ("said Monday", "said Friday night"; a part of the
    day only after a day: "said night shifts would end" keeps "night shifts")."""
    low = toks[k].lower
    if low in lex.weekdays or low in lex.time_adverbs:
        return True
    if low not in lex.day_parts or k == 0:
        return False
    before = toks[k - 1].lower
    return before in lex.weekdays or before in lex.time_adverbs or before in lex.period_openers


def _is_report_cue(ctx: Context, k: int, beliefs: bool) -> bool:
    t = ctx.tokens[k]
    if t.lower not in ctx.lex.cue_forms and not (beliefs and t.lower in ctx.lex.belief_forms):
        return False
    if t.quote >= 0 or t.is_cap and k > 0 and ctx.tokens[k - 1].sentence == t.sentence and not (
            t.sentence in ctx.title_sentences and ctx.lex.cue_forms[t.lower].lemma
            in ctx.lex.headline_cues if t.lower in ctx.lex.cue_forms else False):
        return False
    cue = ctx.lex.cue_forms.get(t.lower)
    if t.lower == "citing":  # "…, citing low growth", "by citing his results": reported_citing
        return k > 0 and (ctx.tokens[k - 1].text == ","
                          or ctx.tokens[k - 1].lower in ctx.lex.citing_openers)
    if t.lower.endswith("ing") and not (k > 0 and (
            ctx.tokens[k - 1].text == "," or ctx.tokens[k - 1].lower in ctx.lex.be_forms
            or _after_document(ctx, k) or _absolute_subject(ctx, k) is not None
            or ctx.wc.is_adverb(k - 1) and k > 1 and ctx.tokens[k - 2].lower in ctx.lex.be_forms
            or after_participle_opener(ctx, k, ctx.sentences[t.sentence][0]) and cue is not None
            and cue.lemma in ctx.lex.indirect_cues)):
        return False  # "…, saying", "critics are (quietly) saying", "by saying"
    nxt = ctx.tokens[k + 1].lower if k + 1 < len(ctx.tokens) else ""
    if k > 0 and ctx.tokens[k - 1].sentence == t.sentence:
        prev = ctx.tokens[k - 1]
        if cue_as_noun(ctx, k):
            return False  # "the estimated 11 million", "Trump's tweet", "a report": a noun
        if t.lower + "s" in ctx.lex.cue_nouns and _ends_noun_phrase(ctx, k):
            return False  # "The Kok report recommends", "her firmest promise yet": a noun
        if t.lower.endswith("s") and t.lower != "says" and (
                prev.lower in ctx.lex.plural_quantifiers or prev.text.isdigit()):
            return False  # "some states", "other estimates" (but "some claim", "many say")
    if t.lower == "states" and nxt != "that":
        return False  # nearly always the plural noun in the news; the verb takes "that"
    if t.lower.endswith("s") and nxt in ctx.lex.auxiliaries:
        return False  # "the weapons charges are important", "his remarks were": a noun
    if nxt in ctx.lex.auxiliaries and t.lower + "s" in ctx.lex.cue_nouns and not any(
            ctx.tokens[x].lower in ctx.lex.relatives
            for x in range(max(0, k - _RELATIVE_NOUN_TOKENS), k)):
        return False  # "the strong jobs report has cleared", "the IG report could not": the
        # singular of a noun of data/cue_nouns.tsv, then an auxiliary (but "which US firms
        # claim has undervalued the yuan" is a relative clause; PolNeAR dev: 3 spurious finds)
    if (nxt in ctx.lex.noun_prepositions or nxt in ctx.lex.cue_forms) and (
            t.lower in ctx.lex.cue_nouns or t.lower + "s" in ctx.lex.cue_nouns) \
            and not (cue is not None and cue.lemma == "call"):
        return False  # "US demand for heating oil", "the data demands of films", "The NAO report
        # said …": a noun of data/cue_nouns.tsv (or its singular), then a preposition of a noun
        # or a verb of its own ("calls for" stays a request)
    if cue is not None and cue.lemma == "add" and (
            nxt in ctx.lex.add_objects or nxt[:1].isdigit() or nxt[:1] in "$£€"):
        return False  # "the hiccup adds to the drama", "has added another link", "add a label"
        # ("added 337,000 jobs", "adding $1.89", "added 18 points": 11 times in the BBC corpus,
        # never a report)
    if k > 0 and _after_be(ctx.tokens[k - 1].lower, ctx.lex) and _passive_cue(ctx, k, cue) \
            and t.lower != "asked":
        return False  # "Texas was called for Cruz": a passive, its speaker is not the subject
    if cue is not None and (cue.lemma in ctx.lex.indirect_cues or _complement_cue(ctx, k)):
        return True
    return beliefs and t.lower in ctx.lex.belief_forms


def _participle(t: Token, cue: CueVerb) -> bool:
    """The cue form ``t`` is a past participle ("called", "said", "told", "written")."""
    low = t.lower
    return low.endswith("ed") or low != cue.lemma and not low.endswith("s") \
        and not low.endswith("ing")


def _after_be(prev: str, lex: Lexicon) -> bool:
    """The lower-case word ``prev`` is a form of "be" or ends in "'s" ("it's", "that's"): a
    quick test before `_passive_cue` and `_unsaid_speaker`."""
    return prev in lex.be_forms or len(prev) > 2 and prev[-1] == "s" and prev[-2] in "'\u2019"


def _passive_cue(ctx: Context, k: int, cue: Optional[CueVerb]) -> bool:
    """The cue form at ``k`` is a past participle after a form of "be" ("was called",
    "are said to", "was written"): a passive, whose subject is no speaker. Two are left to the
    runner, which reports them with no speaker (`_unsaid_speaker`): "was told", whose subject
    is who was told, and an impersonal "it is said" ("It's predicted that …")."""
    if cue is None:
        return False
    t, prev = ctx.tokens[k], ctx.tokens[k - 1].lower.replace("\u2019", "'")
    if prev.endswith("'s") and prev[:-2] in ctx.lex.contracted_subjects:
        return _participle(t, cue) and not (prev == "it's" and _reports_impersonal(ctx, k))
    return prev in ctx.lex.be_forms and _participle(t, cue) \
        and cue.lemma not in ctx.lex.recipient_cues \
        and not (_impersonal(ctx, k - 1) and _reports_impersonal(ctx, k))


def _reports_impersonal(ctx: Context, k: int) -> bool:
    """After "it is", the participle at ``k`` reports: "said" ("it is said, …"), or one in -ed
    with "that" after it ("It's predicted that …"; but "when it was argued in January")."""
    toks = ctx.tokens
    return not toks[k].lower.endswith("ed") or k + 1 < len(toks) and toks[k + 1].lower == "that"


def _impersonal(ctx: Context, b: int) -> bool:
    """The form of "be" at ``b`` has "it" for its subject ("it is said", "It was reported",
    "it has been claimed")."""
    toks = ctx.tokens
    x = b
    while x > 0 and b - x < 2 and (toks[x - 1].lower in ctx.lex.be_forms
                                         or toks[x - 1].lower in ctx.lex.auxiliaries):
        x -= 1  # ("it has been said")
    return x > 0 and toks[x - 1].lower == "it"


def _unsaid_speaker(ctx: Context, c: int, cue: CueVerb) -> bool:
    """The cue at ``c`` is a passive with no speaker in the text: "…, an industry conference
    has been told" (its subject is who was told), "He was told he …", "it is said", "It's
    predicted that …" (PolNeAR dev annotates "it is said" and "It was said that" with no
    source). BBC corpus: 10 reports after "was/has been told", 1 after "It's"."""
    toks = ctx.tokens
    prev = toks[c - 1].lower.replace("\u2019", "'")
    if prev == "it's":
        return _participle(toks[c], cue) and _reports_impersonal(ctx, c)
    return prev in ctx.lex.be_forms and _participle(toks[c], cue) and (
        cue.lemma in ctx.lex.recipient_cues
        or _impersonal(ctx, c - 1) and _reports_impersonal(ctx, c))


#: words between a determiner and a singular cue form that ends its noun phrase ("the latest
#: labor department report"), at most
_HEAD_MODIFIERS = 3


def _ends_noun_phrase(ctx: Context, k: int) -> bool:
    """The singular cue form at ``k`` (of a noun of data/cue_nouns.tsv: "report", "claim",
    "promise") ends a noun phrase that a determiner or a possessive opens, with one to three
    singular words between ("The Kok report recommends …", "a new Pew Research report", "her
    firmest promise", "Trump's second tweet"): the words cannot be the subject of a verb in its
    base form. A phrase after a preposition is no subject's head ("observers in the UK claim",
    "supporters of the change claim": the subject is the plural before it)."""
    toks, lex = ctx.tokens, ctx.lex
    x = k - 1
    while x >= 0 and k - x <= _HEAD_MODIFIERS + 1 and toks[x].sentence == toks[k].sentence:
        t = toks[x]
        if t.lower in lex.articles or t.lower in lex.possessive_determiners or (
                t.possessive and t.key not in lex.pronouns):
            before = toks[x - 1].lower if x > 0 and toks[x - 1].sentence == t.sentence else ""
            return x < k - 1 and before not in lex.group_prepositions \
                and before not in lex.cue_prepositions
        if not t.is_word or t.quote >= 0 or t.lower.endswith("s") or t.lower == "i" \
                or t.lower in lex.function_words or t.lower in lex.pronouns \
                or t.lower in lex.cue_forms or t.lower in lex.auxiliaries or ctx.wc.is_adverb(x):
            return False
        x -= 1
    return False


#: words of a time read back between a document and its participle ("an email Wednesday
#: saying", "a statement on Tuesday evening saying"), at most
_DOCUMENT_TIME_WORDS = 3


def _after_document(ctx: Context, k: int) -> bool:
    """The participle at ``k`` follows a document noun that the clause's subject issued, with a
    day between at most ("issued a statement saying", "sent a fundraising email Wednesday
    saying", `issued_participle` of data/clause_words.tsv): the document's author reports."""
    toks, lex = ctx.tokens, ctx.lex
    j = k - 1
    while j > 0 and k - j <= _DOCUMENT_TIME_WORDS and toks[j].sentence == toks[k].sentence and (
            toks[j].key in lex.weekdays or toks[j].key in lex.day_parts
            or toks[j].key in lex.weekday_openers):
        j -= 1  # (the times the speaker finder reads back too: not "this week")
    if j < 0 or toks[j].sentence != toks[k].sentence or toks[j].key not in lex.documents \
            or toks[j].is_cap:
        return False
    # the document was issued by the clause's subject ("issued a statement", "sent out a
    # letter"; not "denied a report claiming", "got a message saying": someone else's text)
    for x in range(j - 1, max(-1, j - _DOCUMENT_TIME_WORDS - 1), -1):
        if toks[x].lower in lex.issued_participles:
            return True
        if not (ctx.wc.is_det(x) or ctx.wc.is_modifier(x)) or toks[x].sentence != toks[k].sentence:
            return False
    return False


#: tokens between "with" and its participle, at most ("with about three in 10 voters saying")
_ABSOLUTE_TOKENS = 8


def _absolute_subject(ctx: Context, k: int) -> Optional[tuple[int, int]]:
    """The subject of the participle at ``k`` in an absolute clause opened by "with" (an
    `absolute_opener`) that counts the speakers of a poll ("…, with 50 percent saying she is
    prepared", "with about three in 10 saying", "with 47 percent of Cuban Americans saying"):
    the words between, when they open with a number and hold no verb, pronoun or mark."""
    toks, lex, wc = ctx.tokens, ctx.lex, ctx.wc
    x = k - 1
    while x >= 0 and k - x <= _ABSOLUTE_TOKENS and toks[x].sentence == toks[k].sentence:
        t = toks[x]
        if t.lower in lex.absolute_openers:
            first = x + 1
            while first < k and toks[first].lower in lex.quantity_words:
                first += 1  # "about", "nearly"
            return (x + 1, k) if first < k and (
                toks[first].text[:1].isdigit()
                or toks[first].lower.split("-")[0] in lex.count_words) else None
        if not (t.is_word or t.text == "%") or t.quote >= 0 or wc.is_pronoun(x) \
                or t.lower in lex.auxiliaries or t.lower in lex.cue_forms \
                or t.lower in lex.relatives:
            return None
        x -= 1
    return None


def reported_absolute(ctx: Context, c: int, lo: int, hi: int,
                      beliefs: bool) -> Optional[Reported]:
    """…, with N percent saying CONTENT — the subject of the participle is the phrase after
    "with", not the clause's ("Voters still see her as prepared, with 50 percent saying she
    is")."""
    np = _absolute_subject(ctx, c) if ctx.tokens[c].lower.endswith("ing") else None
    if np is None:
        return None
    head = np_before(ctx.wc, c - 1, np[0], ctx.limits.max_mention_tokens)
    found = _clause_after_cue(ctx, c, lo, hi, Decision(mention=head or np, cue=(c, c + 1)))
    if found is not None:
        # the answer of a poll's share ends at the first comma, where the reporter goes on with
        # other shares or a comparison ("…, with 22 percent saying they would not support him,
        # former Gov. X at 20 percent")
        toks = ctx.tokens
        found.end = next((x for x in range(found.first + 1, found.end) if toks[x].text == ","
                          and toks[x + 1].start > toks[x].end), found.end)
    return found


def _verbless(ctx: Context, np: tuple[int, int]) -> bool:
    """A subject holds no auxiliary ("Many may contain added sugar": "added" is no cue)."""
    auxiliaries, titled = ctx.lex.auxiliaries, ctx.title_sentences
    for t in ctx.tokens[np[0]:np[1]]:  # (a loop: twice as fast as any() over a generator)
        if t.lower in auxiliaries and (not t.is_cap or t.sentence in titled):
            return False  # ("Americans Will Say" in a headline)
    return True


def _inner_report(ctx: Context, first: int, end: int, lo: int, beliefs: bool) -> bool:
    """A report cue with a subject of its own between ``first`` and ``end``."""
    for x in range(first, end):
        if _is_report_cue(ctx, x, beliefs):
            d = subject_before_cue(ctx, x, lo)
            if d is not None and d.mention is not None and _verbless(ctx, d.mention):
                return True
    return False


def _next_report(ctx: Context, k: int, hi: int) -> bool:
    """A subject of a few words from token ``k``, then a report cue of its own ("and others
    have said", "but 55 percent of all voters say")."""
    toks = ctx.tokens
    for x in range(k + 1, min(hi, k + _NEXT_SUBJECT_TOKENS)):
        if not toks[x].is_word or toks[x].quote >= 0:
            return False
        if _is_report_cue(ctx, x, False) and not toks[x].lower.endswith("ing"):
            d = subject_before_cue(ctx, x, k)
            return d is not None and d.mention is not None and d.mention[0] == k
    return False


def _subject_word(lex: Lexicon, low: str) -> bool:
    """The lower-case word ``low`` is a subject pronoun or "it", a contraction after it or not
    ("he'd", "it's"). (Without a new set per test: asked at every comma of a clause.)"""
    word = low.split("'")[0]
    return word in lex.subject_pronouns or word == "it"


def _content_end(ctx: Context, start: int, hi: int) -> int:
    """Exclusive end of a clause starting at ``start``: the sentence end or a participle clause."""
    toks, lex = ctx.tokens, ctx.lex
    k = start
    limit = toks[start].start + ctx.limits.max_report_chars if start < hi else 0
    # the word the clause opens with ("that, if elected, he'd …" opens with "if")
    first = start + 2 if start + 2 < hi and toks[start].lower == "that" \
        and toks[start + 1].text == "," else start
    subordinate = first < hi and toks[first].lower in lex.subordinators
    # "that even after he steps down, he will …", "that in an era of change, it needed …": an
    # opening adverbial ends at its comma, and the subject after it is the clause's own
    adverbial = first < hi and not subordinate and (
        toks[first].lower in lex.setting_prepositions or ctx.wc.is_adverb(first))
    commas = 0
    cue_coordinators, report_coordinators = lex.cue_coordinators, lex.report_coordinators
    while k < hi:
        t = toks[k]
        if t.quote >= 0:
            return -1  # a quotation inside: the quotation rules own this clause
        if t.end > limit:
            return -1  # longer than Limits.max_report_chars: not a reported clause
        low = t.lower
        if t.is_word and low not in cue_coordinators and low not in report_coordinators \
                and low != "and" and low != "compared":
            k += 1  # (most words: each test below is of a mark or of one of these words; a
            # test added below for another word must let that word past this one)
            continue
        if t.text in _CLAUSE_END:
            break
        if not t.is_word and k > start and t.start > toks[k - 1].end and k + 1 < hi \
                and ctx.lex.determiners.get(toks[k + 1].lower) == "indefinite" \
                and t.text.strip("-\u2013\u2014") == "" \
                and not any(x.text == t.text for x in toks[k + 1:hi]):
            break  # "said he had not left the group - a move he announced later": a spaced dash
            # before "a" or "an", with no closing dash after it, opens the reporter's aside on
            # the report (BBC corpus: 9 reports end sooner, 6 rightly, 2 lose a trailing phrase
            # of the speaker's; PolNeAR dev indirect F1 half a up, half b unchanged)
        if t.text == "," and k + 1 < hi and (
                toks[k + 1].lower in lex.clause_conjunctions
                or (toks[k + 1].lower.endswith("ing") and (
                    toks[k + 1].lower in lex.cue_forms
                    or toks[k + 1].lower in lex.consequence_participles))
                or toks[k + 1].lower == "according" and k > start + 1 and _final_source(ctx, k, hi)):
            # ("…, prompting unions to threaten action": role `consequence_participle`; BBC
            # corpus: 10 reports end there, 7 rightly, 3 unclear; PolNeAR dev F1 up on both halves)
            break  # "…, citing …", "…, while …": another clause starts; "…, according to
            # Politico.": the reporter's source of the whole sentence
        if t.lower == "compared" and k > start and k + 1 < hi \
                and toks[k + 1].lower in lex.comparison_prepositions:
            break  # "…, compared with 41 percent for Mrs. Clinton": the reporter's comparison
        if t.lower == "and" and k > start and k + 1 < hi and (
                toks[k + 1].lower in lex.subject_pronouns or toks[k + 1].lower in lex.cue_forms):
            break  # "said X hacked the computers and she accused Y": a second report
        if t.lower in lex.cue_coordinators and k > start and _coordinated_cue(ctx, k + 1, hi):
            break  # "pledged to lift the ban but said it was not ready": the subject's next report
        if t.lower in lex.report_coordinators and k > start and _next_report(ctx, k + 1, hi):
            break  # "nearly half said A and about the same numbers say B": a second report
        if t.text == "," and k + 1 < hi:
            nxt = toks[k + 1]
            if _subject_word(lex, nxt.lower) and not subordinate and not (adverbial and commas == 0):
                break  # "he'd hold a hearing, it's unlikely ...": a new clause
            commas += 1
            if nxt.lower in lex.coordinators and k + 2 < hi and toks[k + 2].lower != "that" and (
                    toks[k + 2].lower in lex.function_words
                    or toks[k + 2].lower in lex.subject_pronouns):
                break  # "…, and when asked whether …" ("…, and that …" is the same report)
            if nxt.lower in lex.contrast_coordinators and _subject_then_auxiliary(ctx, k + 2, hi):
                break  # "…, but Democrats weren't the only ones …": the reporter's clause
            if any(_is_report_cue(ctx, x, False)
                   for x in range(k + 1, min(hi, k + _NEXT_CUE_TOKENS))):
                break  # "…, federal officials said, …": another attribution starts
        k += 1
    while k > start and not toks[k - 1].is_word and toks[k - 1].text not in ")]%":
        k -= 1  # the closing full stop
    return k


def _final_source(ctx: Context, k: int, hi: int) -> bool:
    """From the comma at ``k``, "according to" and a source that ends the sentence or a clause
    the reporter goes on with (", and …", ", but …"): the source of the whole sentence ("said
    they have no plans to release the recordings, according to attorneys for the family."), not
    an aside inside the report ("a site which, according to the watchdog, does not …")."""
    toks, lex = ctx.tokens, ctx.lex
    if k + 2 >= hi or toks[k + 2].lower != "to":
        return False
    for x in range(k + 3, hi - 1):
        if toks[x].text == ",":
            nxt = toks[x + 1].lower
            return nxt in lex.coordinators or nxt in lex.contrast_coordinators
    return True


def _subject_then_auxiliary(ctx: Context, k: int, hi: int) -> bool:
    """From token ``k``, a few words that open no clause of their own, then an auxiliary verb
    ("the downgrade is", "Democrats weren't"): a new clause with its own subject. After
    ", but" it is nearly always the reporter's (BBC corpus: 17 reports end there, 11 of them
    rightly, 4 wrongly, 2 unclear; PolNeAR dev: indirect F1 up on both halves)."""
    toks, lex = ctx.tokens, ctx.lex
    first = toks[k].lower.split("'")[0] if k < hi else ""
    if k >= hi or not toks[k].is_word or first in lex.function_words \
            or first in lex.subject_pronouns or first == "it" or first in lex.auxiliaries:
        return False  # ("…, but it is complex", "…, but if they do": the speaker goes on)
    for x in range(k + 1, min(hi, k + _NEXT_SUBJECT_TOKENS)):
        if not toks[x].is_word or toks[x].quote >= 0:
            return False
        if _auxiliary(lex, toks[x].lower.replace("\u2019", "'")):
            return True
    return False


def _coordinated_cue(ctx: Context, k: int, hi: int) -> bool:
    """From token ``k``, at most two words such as "has", "also" or an adverb, then a report cue
    ("… but has also argued that …", "… and later said …")."""
    toks, lex = ctx.tokens, ctx.lex
    for x in range(k, min(hi, k + _BEFORE_CUE_TOKENS)):
        if _is_report_cue(ctx, x, False):
            return True
        if not (toks[x].lower in lex.before_cue or ctx.wc.is_adverb(x)):
            return False
    return False


def _too_long(ctx: Context, first: int, end: int) -> bool:
    """More than Limits.max_report_chars from token ``first`` to token ``end`` (exclusive)."""
    toks = ctx.tokens
    return first < end and toks[end - 1].end - toks[first].start > ctx.limits.max_report_chars


def _words(ctx: Context, first: int, end: int) -> int:
    return len([t for t in ctx.tokens[first:end] if t.is_word])  # (a third faster than sum())


def reported_clause(ctx: Context, c: int, lo: int, hi: int, beliefs: bool) -> Optional[Reported]:
    """X said (that) CONTENT — the subject before the cue, the clause after it."""
    return _clause_after_cue(ctx, c, lo, hi, subject_before_cue(ctx, c, lo))


def reported_share(ctx: Context, c: int, lo: int, hi: int, beliefs: bool) -> Optional[Reported]:
    """A share of a group said CONTENT — "Two-thirds of Democratic insiders said …", "One in
    four voters in a recent poll said …", "Most of the candidates said …": a subject that opens
    with a quantity and names its group after "of", "in" or "out of" (the speakers of a poll).
    Only where no other subject stands before the cue."""
    share = _share_before(ctx, c, lo)
    if share is None or subject_before_cue(ctx, c, lo) is not None:
        return None
    if c + 1 >= hi or ctx.tokens[c + 1].lower.endswith("ing"):
        return None  # ("Many users report being …": no clause of its own)
    start, mention = share
    found = _clause_after_cue(ctx, c, lo, hi, Decision(mention=mention, cue=(c, c + 1)))
    toks = ctx.tokens
    if found is not None and start > lo and toks[start - 1].lower in ctx.lex.subordinators:
        # "…, while most of his rivals called for A, Trump hewed …": the report ends with the
        # subordinate clause it stands in, at its comma
        found.end = next((x for x in range(found.first + 1, found.end) if toks[x].text == ","
                          and toks[x + 1].start > toks[x].end), found.end)
    return found


def reported_group(ctx: Context, c: int, lo: int, hi: int, beliefs: bool) -> Optional[Reported]:
    """A group and what it is of said CONTENT — "attorneys for the family said …", "elected
    officials from both parties say …", "Experts on North Korea and nuclear nonproliferation
    said …": a plural head of a speaker phrase (a group noun, or the plural of a title), then
    "of", "for", "from", "in", "on" or "at" and a short phrase, from the start of its clause to
    the cue. Only where no other subject stands before the cue."""
    found = _group_before(ctx, c, lo)
    if found is None or subject_before_cue(ctx, c, lo) is not None:
        return None
    if c + 1 >= hi or ctx.tokens[c + 1].lower.endswith("ing"):
        return None
    return _clause_after_cue(ctx, c, lo, hi, Decision(mention=found, cue=(c, c + 1)))


def _before_cue_words(ctx: Context, c: int, lo: int) -> int:
    """Where the words that stand between a subject and the cue at ``c`` begin ("have said",
    "both argued")."""
    end = c
    while end - 1 > lo and ctx.tokens[end - 1].lower in ctx.lex.before_cue:
        end -= 1
    return end


def _no_subject_word(ctx: Context, x: int) -> bool:
    """Token ``x`` cannot stand in a group's or a share's subject phrase: a quotation, an
    auxiliary or cue verb, a relative or a pronoun."""
    t, lex = ctx.tokens[x], ctx.lex
    low = t.lower
    return t.quote >= 0 or low in lex.auxiliaries or low in lex.cue_forms \
        or low in lex.relatives or ctx.wc.is_pronoun(x)


def _group_before(ctx: Context, c: int, lo: int) -> Optional[tuple[int, int]]:
    """The head noun phrase of a group and its prepositional phrase ending before the cue at
    ``c`` (see `reported_group`)."""
    toks, lex, wc = ctx.tokens, ctx.lex, ctx.wc
    end = _before_cue_words(ctx, c, lo)
    start = end
    while start - 1 >= lo and end - start < _SHARE_TOKENS:
        t = toks[start - 1]
        low = t.lower
        if _no_subject_word(ctx, start - 1):
            return None
        if not t.is_word or low in lex.subject_openers or low in lex.subordinators \
                or low in lex.concessives:
            break
        start -= 1
    while start < end and toks[start].lower in lex.subject_preambles:
        start += 1
    if start > lo and toks[start - 1].is_word and toks[start - 1].lower not in lex.subject_openers \
            and toks[start - 1].lower not in lex.concessives \
            and toks[start - 1].lower not in lex.subordinators:
        return None
    for h in range(start, min(end - 2, start + _GROUP_HEAD_TOKENS)):
        if toks[h + 1].lower in lex.group_prepositions and group_head(lex, toks[h]):
            if all(wc.is_det(x) or wc.is_modifier(x) for x in range(start, h)):
                return (start, h + 1)
            return None
    return None


def _share_before(ctx: Context, c: int,
                  lo: int) -> Optional[tuple[int, tuple[int, int]]]:
    """(first token, speaker mention) of a share of a group ending before the cue at ``c``: from the start of
    its clause (the sentence start, a comma or a word such as "though"), a quantity ("Nearly
    eight in 10", "Thirty-one percent", "More than half", "Most", "A number"), "of", "in" or
    "out of", then words without a verb, pronoun or mark ("Democratic voters overall", "those
    surveyed", "respondents in the USA TODAY/Suffolk poll")."""
    toks, lex, wc = ctx.tokens, ctx.lex, ctx.wc
    end = _before_cue_words(ctx, c, lo)
    start = end
    while start - 1 >= lo and end - start < _SHARE_TOKENS:
        t = toks[start - 1]
        low = t.lower
        if _no_subject_word(ctx, start - 1) and low != "those":
            return None  # "Most of the money he said …", "Half of those who said …"
        if low in lex.subject_openers and start - 2 >= lo \
                and toks[start - 2].lower in lex.quantity_words:
            start -= 1  # "as many as 30 percent of …": the quantity goes on
            continue
        if not t.is_word and t.text not in "/%" or low in lex.subject_openers \
                or low in lex.subordinators or low in lex.concessives:
            break
        start -= 1
    while start < end and toks[start].lower in lex.subject_preambles:
        start += 1  # "And", "Even"
    if end - start < 3 or start > lo and toks[start - 1].is_word \
            and toks[start - 1].lower not in lex.subject_openers \
            and toks[start - 1].lower not in lex.concessives:
        return None
    # the quantity: numbers, count and quantity words ("Nearly nine", "More than half", "Some
    # 20 percent", "Two-thirds"), or "a number"
    k = start
    if lex.determiners.get(toks[k].lower) == "indefinite" and k + 1 < end \
            and toks[k + 1].lower in lex.share_nouns:  # ("The number of people filing claims")
        k += 2
    else:
        while k < end and (toks[k].text[:1].isdigit() or toks[k].lower in lex.percent_words
                           or toks[k].lower in lex.quantity_words  # (no set made per word)
                           and toks[k].lower not in lex.share_links
                           or toks[k].lower.split("-")[0] in lex.count_words):
            k += 1
    if k == start or k >= end:
        return None
    if toks[k].text == "out" and k + 1 < end and toks[k + 1].text == "of":
        k += 1  # "nine out of 10"
    if toks[k].text not in lex.share_links or k + 1 >= end \
            or toks[end - 1].lower in lex.whole_quantifiers:
        return None  # ("Many Out of the Cold users"; "43 percent of all reported gifts")
    ratio = toks[k + 1].text[:1].isdigit() or toks[k + 1].lower.split("-")[0] in lex.count_words
    if toks[k].lower == "in" and not (ratio or wc.is_det(k + 1)):
        return None  # "One in four", "Many in the crowd"; not "Most in Congress" (a place)
    # the speaker as written: the group after "of" ("Most of [the candidates]", "Two-thirds of
    # [Democratic insiders]"), or a ratio with its noun ("[One in four voters]", "Nearly [nine out
    # of 10]"), without a phrase after it ("in a recent poll", "overall")
    first = k + 1
    if ratio:
        first = start
        while first < k and toks[first].lower in lex.quantity_words:
            first += 1
        k += 1
    last = k + 1
    while last < end and not (toks[last].lower in lex.function_words
                              or toks[last].lower in lex.adverbs or wc.is_adverb(last)
                              or not toks[last].is_word):
        last += 1
    return start, (first, last)


def _clause_after_cue(ctx: Context, c: int, lo: int, hi: int,
                      d: Optional[Decision]) -> Optional[Reported]:
    """The clause reported after the cue at ``c`` whose subject is ``d``."""
    toks, lex = ctx.tokens, ctx.lex
    b = c - 1
    while b > lo and b > c - _BEFORE_CUE_TOKENS and (toks[b].lower in lex.before_cue
                                                     or ctx.wc.is_adverb(b)):
        b -= 1  # "… but has said", "… and has also said"
    if d is None and b > lo and toks[b].lower in lex.cue_coordinators:
        # "Her campaign announced new support and said CONTENT": the clause subject
        np = subject_of_clause(ctx, c)
        d = Decision(mention=np, cue=(c, c + 1)) if np else None
    if d is None or d.mention is None or not _verbless(ctx, d.mention):
        return None
    m0 = d.mention[0]
    if m0 - 1 >= lo and (toks[m0 - 1].quote >= 0 or (
            toks[m0 - 1].text == "," and m0 - 2 >= lo and toks[m0 - 2].quote >= 0)):
        return None  # “…,” Clinton wrote when …: the cue belongs to the quotation
    k = c + 1
    lemma = lex.cue_forms.get(toks[c].lower)
    if lemma is not None and lemma.lemma in lex.recipient_cues and k < hi \
            and not _unsaid_speaker(ctx, c, lemma):  # ("He was told he …": no recipient)
        np = _recipient(ctx, k, hi)  # "told Reuters", "told reporters"
        if np:
            k = np[1]
    # "said Monday", "said on Friday", "said in a statement (that)", "said at a rally,",
    # "said after the convention he would ..."
    for _ in range(_MAX_CUE_PHRASES):
        if k < hi and _time_word(lex, toks, k):
            k += 1
            continue
        if k + 1 < hi and toks[k].lower.endswith("ly") and toks[k + 1].lower in lex.function_words \
                and toks[k + 1].lower not in lex.coordinators and ctx.wc.is_adverb(k):
            k += 1  # "said repeatedly that …", "argued vociferously against the move" (no
            continue  # clause), "testified voluntarily in 1998": the manner of the saying (but
            # "say elderly and disabled people …" opens the clause)
        if k + 1 < hi and toks[k].lower in lex.period_openers and toks[k + 1].lower in lex.periods \
                and not (k + 2 < hi and _auxiliary(lex, toks[k + 2].lower.replace("\u2019", "'"))):
            k += 2  # "said last week that …", "told reporters last year the plan …" (but in
            continue  # "said this year would be hard" the period is the clause's subject)
        if k + 1 < hi and toks[k].lower == "for" and toks[k + 1].lower in lex.durations:
            k += 2
            continue
        if k < hi and toks[k].lower in lex.cue_prepositions:
            j = k + 1
            # ("said in a statement it would …"; but "vowed to block it" is an infinitive)
            it_opens = toks[k].lower != "to"  # (a flag, not a new set of subjects per phrase)
            while j < min(hi, k + _CUE_PHRASE_TOKENS) and toks[j].is_word \
                    and toks[j].lower != "that" and toks[j].lower not in lex.subject_pronouns \
                    and not (it_opens and toks[j].lower == "it"):
                j += 1
            if j >= hi or toks[j].lower == "that" or not toks[j].is_word \
                    or toks[j].lower in lex.subject_pronouns \
                    or it_opens and toks[j].lower == "it":
                k = j + 1 if j < hi and toks[j].text == "," else j
                continue
        break
    # "told The Post and Courier newspaper of Charleston on Saturday that ...": a "that" soon
    # after the cue, with no punctuation before it, opens the clause
    if lemma is not None and lemma.lemma == "ask" and _object_then_question(ctx, c):
        while k < hi and toks[k].lower not in lex.question_words:
            k += 1  # "asked workers if they planned to attend": the question
    recipient = lemma is not None and lemma.lemma in lex.addressee_cues
    # "said in an interview with The Associated Press last week that …": a longer phrase of
    # place or time, then "that"
    phrase = k < hi and (toks[k].lower in lex.cue_prepositions or _time_word(lex, toks, k))
    for j in range(k, min(hi, c + ctx.limits.that_window_tokens) if recipient or phrase else k):
        if toks[j].lower == "that":
            k = j
            break
        if not toks[j].is_word:
            break
    if lemma is not None and lemma.lemma == "call" and k == c + 1 and k < hi \
            and toks[k].lower in lex.call_particles:
        k += 1  # "called on the administration to block the deal": the request, not "on"
    introduced = k < hi and toks[k].lower == "that"
    if introduced and k == c + 1 and k + 1 < hi and toks[c].lower.endswith("s") \
            and toks[c].lower != "says" and toks[k + 1].lower in lex.auxiliaries:
        return None  # "Rust Belt states that have suffered", "remarks that were featured": a
        # plural noun and its relative clause (the clause after "that" needs a subject;
        # PolNeAR dev: 7 spurious finds; BBC corpus: 2 such phrases, "employment claims that
        # would have arisen", neither found as a report)
    if lemma is not None and lemma.lemma in lex.object_cues and not introduced and not (
            lemma.lemma in lex.infinitive_cues and k < hi and toks[k].lower == "to") and not (
            k < hi and _subject_word(lex, toks[k].lower)):
        return None  # "maintains a wide lead", "charged a $100,000 fee": an object, no clause
        # (but "He maintains he did nothing wrong": a subject pronoun opens a clause)
    if not introduced and _proform_object(ctx, k, hi):
        return None  # "said so in the earlier poll", "has said little about the plan"
    if introduced and not (k + 1 < hi and toks[k + 1].text == ","):
        k += 1  # ("said that, if elected, he'd ..." keeps its "that")
    commits = lemma is not None and lemma.lemma in lex.infinitive_cues
    if commits and k < hi and toks[k].lower == "to" and _object_relative(ctx, d.mention, lo):
        return None  # "the target it pledged to reach": the pledge is the noun's, not a report
    complement = _complement_cue(ctx, c) is not None
    # (not "about": no set made without it per clause)
    question = k < hi and toks[k].lower in lex.question_words and toks[k].lower != "about" \
        and not (toks[k].lower in lex.time_place_questions
                 and (lemma is None or lemma.lemma not in lex.wh_cues))
    # ("recalls how he slept", "asked when the vote is"; but "responded when Jones scored")
    # "reported at least six planes", "said more than 500 people": a quantity opens the clause
    quantity = k + 1 < hi and (toks[k].lower, toks[k + 1].lower) in lex.quantity_openers
    # "a letter that he said was drafted by the firm", "what many analysts said was a sign":
    # the relative pronoun is the subject of the reported clause, which opens with its verb
    relative = m0 - 1 >= lo and toks[m0 - 1].lower in lex.relatives and k == c + 1 and k < hi \
        and (toks[k].lower in lex.auxiliaries or toks[k].lower.endswith("ed")) \
        and toks[m0].lower != "they"  # ("members complained about what they said was …":
    # "they" points back to the subject of a cue of its own, which the resolver cannot see)
    if relative and toks[m0 - 1].lower == "what" and toks[k].lower in lex.cleft_copulas and (
            m0 - 1 == lo or k + 1 < hi and toks[k + 1].lower == "that"):
        return None  # "What he would say is that …": a pseudo-cleft, not a relative clause
    if k >= hi or not toks[k].is_word or (toks[k].lower in lex.function_words and not (
            introduced or complement or question or quantity or relative
            or (commits and toks[k].lower == "to"))):
        return None  # "reported from Oakland", "agreed to pay": no reported clause
    if k == c + 1 and c - 1 >= lo and toks[c - 1].text == "," and _speaker_after(ctx, c, hi):
        return None  # "…, said David Gilbert, its president.": the speaker, not a clause
    if toks[m0].lower == "who" and _subject_relative(ctx, lo, d.mention):
        return None  # "Voters who say A were divided": the report runs on into the main clause
    end = _content_end(ctx, k, hi)
    if end > k and (_in_opening_subordinate(ctx, lo, m0, c) or _in_relative_clause(ctx, lo, c)
                    or m0 - 2 >= lo and toks[m0 - 1].lower in lex.comma_relatives
                    and toks[m0 - 2].text == ","):
        # (a relative pronoun set off by a comma before the subject, "The changes, which
        # officials said will go into effect soon, will not apply to …", frames the report
        # too: PolNeAR dev half a 2 reports now found, half b unchanged; BBC corpus 1, right)
        # "While party veterans say there is a benefit, others disagree": the report ends
        # with the subordinate clause it stands in, at its comma (BBC corpus: 9 reports, 7
        # rightly shorter; PolNeAR dev: indirect F1 up on both halves); so does one in a
        # clause of time ("Years after Clinton claimed that A, Obama won …") or in a relative
        # clause set off by commas ("Broaddrick, who said A, recounted …")
        end = _frame_comma(ctx, k, end)
    if end < 0 or _words(ctx, k, end) < (_MIN_WORDS - 1 if relative else _MIN_WORDS) \
            or _only_source(ctx, k, end):
        return None
    return Reported(k, end, d)


def _only_source(ctx: Context, k: int, end: int) -> bool:
    """Tokens ``k`` to ``end`` are "according to" and its source, with no comma and so no
    clause after it ("… said at a press conference, according to the Las Vegas Sun."): an
    attribution of the report before, not a report (PolNeAR and GGT dev: 2 such finds, neither
    annotated; "Politico reported, according to sources, Clinton tried …" goes on to report)."""
    toks = ctx.tokens
    return end - k > 2 and toks[k].lower == "according" and toks[k + 1].lower == "to" \
        and not any(toks[x].text == "," for x in range(k + 2, end))


def _proform_object(ctx: Context, k: int, hi: int) -> bool:
    """From token ``k``, a word that stands for what was said ("so", "little", "nothing",
    "as much"), then a preposition, a conjunction or a mark, not a verb: the object
    of the cue, with no clause ("said so in the earlier poll", "said as much in an interview",
    "said nothing about supporting the dollar"; but "said little had changed" reports). PolNeAR
    dev: 10 such objects given as reports, none annotated; BBC corpus: 3 outside quotations; "say
    goodbye" is left: PolNeAR annotates it once as a report)."""
    toks, lex = ctx.tokens, ctx.lex
    n = k + 1
    if k + 1 < hi and f"{toks[k].lower} {toks[k + 1].lower}" in lex.proform_objects:
        n = k + 2
    elif k >= hi or toks[k].lower not in lex.proform_objects:
        return False
    if n >= hi or not toks[n].is_word:
        return True
    low = toks[n].lower
    return low in lex.cue_prepositions or low in lex.coordinators or low in lex.question_words \
        or low in lex.clause_conjunctions


#: "that Mr. Jäger, under fire for the failures in Cologne, would …": the words set off by a
#: pair of commas inside a reported clause, at most
_INSERT_TOKENS = 10


def _frame_comma(ctx: Context, k: int, end: int) -> int:
    """The comma that closes the clause framing a report that runs from ``k`` to ``end``: the
    first after ``k`` (not the one in "2,400"), save a pair of commas around words with no verb
    followed by a verb, which set off an insert inside the report ("that the two men, and Mr.
    Cruz in particular, must do more")."""
    toks = ctx.tokens
    x = k + 1
    while x < end:
        if toks[x].text == "," and toks[x + 1].start > toks[x].end:
            y = next((y for y in range(x + 1, min(end, x + _INSERT_TOKENS)) if toks[y].text == ","
                      or not toks[y].is_word), end)
            if y < end - 1 and toks[y].text == "," and _verb_like(ctx, y + 1, 1) \
                    and not any(_verb_like(ctx, z, z - x) for z in range(x + 1, y)):
                x = y + 1
                continue
            return x
        x += 1
    return end


def _in_opening_subordinate(ctx: Context, lo: int, m0: int, c: int) -> bool:
    """The sentence from token ``lo`` opens with a subordinator ("While", "Although", "Because",
    after a connective such as "And"), and no comma stands before the speaker at ``m0`` (or, if
    the speaker's words take the subordinator in, before the cue at ``c``): the speaker is
    inside the subordinate clause. So does a clause of time, after at most a few words of time
    ("After aides insisted …", "Years after Clinton claimed …", "A few weeks after …")."""
    toks, lex = ctx.tokens, ctx.lex
    x = lo
    while x < m0 and toks[x].lower in lex.clause_openers:
        x += 1
    if toks[x].lower not in lex.subordinators:
        # a clause of time: its conjunction after at most a few lower-case words of time
        y = x
        stop = min(c, x + _FRAME_LEAD_TOKENS)
        while y < stop and toks[y].is_word \
                and toks[y].lower not in lex.frame_openers and (y == x or not toks[y].is_cap):
            y += 1
        if y >= c or toks[y].lower not in lex.frame_openers or y > x and not (
                toks[y - 1].lower in lex.durations or toks[y - 1].lower in lex.periods
                or toks[y - 1].lower in lex.adverbs or toks[y - 1].lower.endswith("ly")):
            return False  # (a word of time ends the words before it: "Years after", "Not long
            # after"; "His efforts failed after he revealed …" is no opening clause)
        x = y
    if x >= c:
        return False
    return not any(toks[y].text == "," for y in range(x + 1, m0 if m0 > x else c))


#: "A majority of those who said": the words before a relative "who" that opens a sentence's
#: subject, at most
_SUBJECT_RELATIVE_TOKENS = 6


def _subject_relative(ctx: Context, lo: int, mention: tuple[int, int]) -> bool:
    """The subject ``mention`` of a cue is "who" right after a short noun phrase that opens the
    sentence, with no comma, verb or mark between ("Voters who say the economy matters most
    were divided", "Those who said A tended to support Sanders", "Anybody who says A is
    jealous"): the relative clause stands in the sentence's subject, and its report runs on
    into the main clause, whose verb cannot be told from the report's own (PolNeAR dev: 7
    spurious finds, none annotated; BBC corpus: 5 reports, all running over the main verb).
    "Among those who said …, most backed X" opens with a setting, not the subject."""
    toks = ctx.tokens
    m0 = mention[0]
    if mention[1] - m0 != 1 or toks[m0].lower != "who" or m0 == lo \
            or m0 - lo > _SUBJECT_RELATIVE_TOKENS or toks[lo].lower in ctx.lex.setting_prepositions:
        return False
    return all(toks[x].is_word and toks[x].quote < 0 and toks[x].lower not in ctx.lex.auxiliaries
               and toks[x].lower not in ctx.lex.cue_forms for x in range(lo, m0))


def _in_relative_clause(ctx: Context, lo: int, c: int) -> bool:
    """The cue at ``c`` has for its subject "who" or "which" after a comma ("Broaddrick, who
    said A, recounted …"; "who has also said"): a relative clause set off by commas, which ends
    at the next comma."""
    toks, lex = ctx.tokens, ctx.lex
    x = c - 1
    while x > lo and c - x < _BEFORE_CUE_TOKENS and (toks[x].lower in lex.before_cue
                                                      or ctx.wc.is_adverb(x)):
        x -= 1
    return x > lo and toks[x].lower in lex.comma_relatives and toks[x - 1].text == ","


#: how many words after the cue a past tense may stand to show a clause ("claims the US Open
#: champion tested positive"; "revealed the extent of the problems he suffered" is an object)
_OBJECT_VERB_WORDS = 5


def _description(ctx: Context, start: int, end: int) -> bool:
    """Tokens ``start`` to ``end`` are a noun phrase that opens with an article, "one" or a
    possessive and hold no verb ("the policy-making arm of the federal courts", "one of the
    unions representing the workers"): a description, not a clause."""
    toks, lex = ctx.tokens, ctx.lex
    first = toks[start].lower
    if not (first in lex.articles or first == "one" or first in lex.possessive_determiners
            or toks[start].possessive):
        return False
    return not any(_verb_like(ctx, x, x - start + 1) for x in range(start + 1, end))


def _verb_like(ctx: Context, x: int, words: int) -> bool:
    """Token ``x``, the ``words``-th word of a phrase, is an auxiliary ("is", "won't", "it's"),
    or within the first few words a past tense that follows no article or possessive ("the
    sprinter used drugs")."""
    toks, lex = ctx.tokens, ctx.lex
    t = toks[x]
    low = t.lower.replace("\u2019", "'")
    if _auxiliary(lex, low) or (
            low.endswith("'s") and (low[:-2] in lex.subject_pronouns
                                    or low[:-2] in lex.contracted_subjects)):
        return True
    return words <= _OBJECT_VERB_WORDS and low.endswith(lex.past_endings) and not t.is_cap and not (
        toks[x - 1].lower in lex.articles or toks[x - 1].lower in lex.possessive_determiners)


def _auxiliary(lex: Lexicon, low: str) -> bool:
    """The lower-case word ``low`` (straight apostrophes) is an auxiliary verb, or ends in a
    contracted one ("is", "won't", "they've")."""
    return low in lex.auxiliaries or low.endswith(lex.contracted_auxiliaries)


def _takes_object(ctx: Context, k: int) -> bool:
    """The cue at ``k``, of a verb that often takes a noun phrase (`noun_object` in
    data/cue_roles.tsv), is followed by its object and no clause: a word that does not open a
    clause ("that", a subject pronoun, a question word, "to", a phrase of place or time), and no
    auxiliary verb to the next punctuation mark nor a past tense in the first few words
    ("claimed a victory in the primary", "wrote a letter to the board", "denied the charges";
    but "claims his boss is happy", "denied the firm misled investors"). The BBC corpus has
    about 130 such objects of these verbs (26 in a sample of 30, the other 4 reports with a
    bare verb: "denied Phillips made the remark"); PolNeAR dev: 66 finds fewer, 16 of them
    annotated as reports, mostly objects too ("claimed the nomination", "explained the reason
    for his support")."""
    toks, lex = ctx.tokens, ctx.lex
    n = len(toks)
    if k + 1 >= n or toks[k + 1].sentence != toks[k].sentence or not toks[k + 1].is_word:
        return False
    first = toks[k + 1].lower.replace("\u2019", "'")
    subject = first.split("'")[0]
    if first == "that" or subject in lex.subject_pronouns or subject == "it" \
            or first in lex.question_words or first in lex.cue_prepositions \
            or _time_word(lex, toks, k + 1) or first.endswith("ing"):
        return False  # ("denies plying a boy with alcohol": a denial of what was done)
    if k > 0 and toks[k - 1].text == "," and (toks[k + 1].is_cap or ctx.wc.is_det(k + 1) and (
            _speaker_after(ctx, k, ctx.sentences[toks[k].sentence][1]))):
        return False  # "…, writes Mr Peston.", "…, added the spokesman.": the speaker after an
        # inverted cue (but "…, wrote an anonymous account of her life" is an object)
    words = 0
    for x in range(k + 1, n):
        t = toks[x]
        if t.sentence != toks[k].sentence or not t.is_word or t.quote >= 0:
            break
        words += 1
        if _verb_like(ctx, x, words):
            return False  # "claims his boss is happy", "claims the sprinter used drugs"
    return True


def _speaker_after(ctx: Context, c: int, hi: int) -> bool:
    """After the cue at ``c``, a speaker phrase that ends the sentence or is set off by a
    comma ("…, said Larry Sabato, director of …", "…, said one GOP source in the room.")."""
    d = inverted_after_cue(ctx, c, hi)
    if d is None or d.mention is None:
        return False
    toks, end = ctx.tokens, d.mention[1]
    if end >= hi:
        return True
    if toks[end].text == "," and toks[end - 1].text.isdigit() and end + 1 < hi \
            and toks[end + 1].start == toks[end].end:
        return False  # "said many of the 71,000 new jobs …": a number goes on
    return not toks[end].is_word



def _object_relative(ctx: Context, mention: tuple[int, int], lo: int) -> bool:
    """A pronoun subject right after a noun phrase with a determiner ("the political divides he
    promised to bridge", "the $64 million it pledged to help pay"): a relative clause without
    "that", whose infinitive lacks its object (the noun before), so nothing is reported."""
    toks, wc = ctx.tokens, ctx.wc
    m0 = mention[0]
    if mention[1] - m0 != 1 or not wc.is_pronoun(m0) or m0 - 1 < lo:
        return False
    noun = m0 - 1
    if not wc.is_modifier(noun) or _time_word(ctx.lex, toks, noun):
        return False  # "…, he vowed", "though he vowed", "Last week he vowed"
    for x in range(noun - 1, max(lo - 1, noun - _RELATIVE_NOUN_TOKENS), -1):
        if wc.is_det(x):
            return True
        if not (wc.is_modifier(x) or toks[x].text == "$" or toks[x].text[:1].isdigit()):
            return False
    return False


def _trailing_phrase(ctx: Context, k: int, hi: int) -> bool:
    """From ``k`` to the sentence end, a short phrase of the reporter's with no cue or quotation
    ("in an interview with CNN on Sunday")."""
    toks = ctx.tokens
    if toks[k].lower == "to" or toks[hi - 1].text != "." or toks[k + 1].lower.endswith("ing") or (
            hi < len(toks) and toks[hi].quote >= 0):
        return False  # "pledged to oppose …", "said on CNN: “…”"
    end = hi - 1
    if end - k > 2 * _TRAILING_WORDS or _words(ctx, k, end) > _TRAILING_WORDS:
        return False  # (the token count first: the sentence itself may be of any length)
    return not any(t.quote >= 0 or t.text in ",;:" or t.lower == "that" for t in toks[k:end]) \
        and not any(_is_report_cue(ctx, x, False) for x in range(k, end))


def _setting(ctx: Context, start: int, end: int) -> bool:
    """Tokens ``start`` to ``end`` are a short prepositional phrase and no clause: "In a brief
    statement", "After months of silence" (but "In the end the plan failed" has a subject of its
    own, and "After she blurted it out" a pronoun)."""
    toks, wc = ctx.tokens, ctx.wc
    if toks[start].lower not in ctx.lex.setting_prepositions or end - start > _SETTING_TOKENS:
        return False
    for x in range(start + 1, end):
        t = toks[x]
        if t.text in ",;:" or wc.is_pronoun(x):
            return False
        if wc.is_det(x) and toks[x - 1].lower not in ctx.lex.function_words:
            return False  # a determiner after a noun opens a subject
    return True


def _opens_sentence(ctx: Context, k: int) -> bool:
    """Token ``k`` masks a quotation whose words open with a capital letter."""
    q = ctx.tokens[k].quote
    if q < 0:
        return False
    start, end = ctx.quotes[q].content
    first = next((ch for ch in ctx.text[start:end] if ch.isalnum()), "")
    return first.isupper()


def _scene(ctx: Context, start: int, end: int, c: int, hi: int) -> bool:
    """Tokens ``start`` to ``end`` set the scene for a quotation that follows the cue at ``c``
    and opens a sentence of its own (", X said, “It …”"): "In a statement Thursday, the
    spokesman said, “We …”", "Holding open a book, the preacher said, “Read …”". A quotation
    going on in lower case continues the speaker's own sentence ("In other words, he said,
    “the era …”"), and a question put to the speaker ("Asked if …, she said, “Sure.”") is
    reported speech. PolNeAR dev: 35 such phrases were given as reports, 4 of them annotated
    (25 spurious, 6 inside unscored records).
    """
    toks = ctx.tokens
    return c + 2 < hi and toks[c + 1].text == "," and start < end \
        and _opens_sentence(ctx, c + 2) and toks[start].lower != "asked"


#: words of a speaker phrase read back before the subject found ("the news site [RTL Info]",
#: "current and [former officials]"), at most
_PHRASE_WORDS = 5


def _phrase_comma(ctx: Context, m0: int, lo: int) -> int:
    """The token before the speaker phrase whose subject starts at ``m0``: ``m0 - 1``, or a
    comma a few words further back when those words only modify the subject (", the news site
    RTL Info reported.", ", Donald Trump's longtime confidant Roger Stone stated.", ", current
    and former officials said."): no verb, pronoun, function word or mark between, and the
    first of them no conjunction."""
    toks, wc, lex = ctx.tokens, ctx.wc, ctx.lex
    x = m0 - 1
    while x >= lo and m0 - x <= _PHRASE_WORDS and toks[x].is_word and toks[x].quote < 0 \
            and not wc.is_pronoun(x) and toks[x].lower not in lex.auxiliaries \
            and toks[x].lower not in lex.cue_forms and (
                wc.is_det(x) or wc.is_modifier(x) or toks[x].is_cap or toks[x].possessive
                or toks[x].lower in lex.coordinators
                or toks[x].lower in lex.name_particles):
        x -= 1
    if x == m0 - 1 or x < lo or toks[x].text != "," or toks[x + 1].lower in lex.coordinators \
            or toks[x + 1].lower in lex.function_words:
        return m0 - 1
    return x


def reported_inverted(ctx: Context, c: int, lo: int, hi: int, beliefs: bool) -> Optional[Reported]:
    """CONTENT, X said. / CONTENT, said X. — the report ends the sentence."""
    toks = ctx.tokens
    d = None
    if c - 1 >= lo and toks[c - 1].text == ",":
        d = inverted_after_cue(ctx, c, hi)  # ", said X."
        comma = c - 1
    else:
        d = subject_before_cue(ctx, c, lo)  # ", X said."
        comma = _phrase_comma(ctx, d.mention[0], lo) if d and d.mention else -1
    if d is None or d.mention is None or comma < lo or toks[comma].text != ",":
        return None
    if comma > lo and toks[comma].start == toks[comma - 1].end and toks[comma - 1].text.isdigit() \
            and comma + 1 < hi and toks[comma + 1].start == toks[comma].end:
        return None  # "the 50,000 per day officials estimated": a number, not a clause
    if c + 1 < hi and toks[c + 1].text == ":":
        return None  # "…, he said:" introduces a quotation
    after = d.mention[1] if d.mention[0] > c else c + 1
    lex = ctx.lex
    verb = lex.cue_forms.get(toks[c].lower)
    if verb is not None and verb.lemma in lex.recipient_cues and after == c + 1 and after < hi:
        if toks[after].lower in lex.object_pronouns:
            after += 1  # "…, the president told her."
        else:
            # "told The Times", "told reporters", "told a local radio station"
            np = _recipient(ctx, after, hi)
            if np:
                after = np[1]
    after = skip_parenthesis(toks, after, hi)
    if after + 1 < hi and toks[after].lower == "on" and _time_word(lex, toks, after + 1):
        after += 2  # "…, the Congressional Budget Office reported on Tuesday."
    while after < hi and (_time_word(lex, toks, after) or (
            ctx.wc.is_adverb(after) and toks[after].lower.endswith("ly"))):
        after += 1
    if after + 1 < hi and toks[after].lower in lex.period_openers \
            and (toks[after + 1].lower in lex.periods or _time_word(lex, toks, after + 1)):
        after += 2  # "…, Phil Smith told POLITICO earlier this week.", "…, she said last night."
    if after + 1 < hi and toks[after].text == "," and toks[after + 1].lower.endswith("ing"):
        after = hi  # "…, he said, wiping sweat off his brow."
    if after < hi and toks[after].text == "-":
        after = hi  # "… reported on Tuesday -- …": a dash ends the attribution
    if after < hi and toks[after].lower in lex.trailing_prepositions \
            and _trailing_phrase(ctx, after, hi):
        after = hi  # "…, he told the court in his filing.", "…, she said during a rally."
    if after < hi and (toks[after].is_word or toks[after].quote >= 0):
        return None  # more follows ("…, said X has “…”"): not the end of the report
    if after < hi and toks[after].text == ":":
        return None  # "And responding to calls …, Mr Johnson told the Today programme: “…”":
        # the attribution introduces a quotation, and what stands before it sets the scene
    if after + 1 < hi and toks[after].text == "," and _opens_sentence(ctx, after + 1):
        # "While he was speaking in Miami, he said, “It’s been …”": the attribution introduces a
        # quotation that is a sentence of its own, and what stands before it sets the scene;
        # ("If whites were moving his way, Cohn wrote, “the assumption …”" goes on one sentence)
        return None
    start = lo
    while start < comma and toks[start].lower in ctx.lex.connectives:
        start += 1
    if _too_long(ctx, start, comma) or any(t.quote >= 0 for t in toks[start:comma]) \
            or _words(ctx, start, comma) < _MIN_WORDS:
        return None
    if _inner_report(ctx, start, comma, lo, beliefs):
        return None  # "Trump argued that A, he said": the inner report is found on its own
    if _setting(ctx, start, comma) or _scene(ctx, start, comma, c, hi):
        return None  # "After months of silence, the singer wrote on Instagram.": a setting
    return Reported(start, comma, d)


def reported_parenthetical(ctx: Context, c: int, lo: int, hi: int,
                           beliefs: bool) -> list[Reported]:
    """A, she said, B. — a cue set off by commas inside the report.

    Like a quotation split by its attribution, the report is two records sharing the speaker:
    the part before the cue and the part after it. A leading adverbial ("But in diplomatic
    meetings, some officials say, the tone …") is not part of the report.
    """
    toks = ctx.tokens
    if c + 1 >= hi or toks[c + 1].text != ",":
        return []
    d = subject_before_cue(ctx, c, lo)
    if d is None or d.mention is None:
        return []
    if d.mention[0] - 1 >= lo and toks[d.mention[0] - 1].text != ",":
        return []
    comma = d.mention[0] - 1
    start = lo
    while start < comma and toks[start].lower in ctx.lex.connectives:
        start += 1
    found = []
    # a subordinate clause ("If the demands are not met, X warned, …", "When she got inside,
    # she said, …") is the speaker's condition or time, however long: part of the report
    adverbial = start < comma and toks[start].lower in ctx.lex.function_words \
        and toks[start].lower not in ctx.lex.subordinators
    # a short adverbial is part of what was said ("In any case, Mr. DiPietro said, …"); a
    # long scene-setting phrase is the reporter's ("But in diplomatic meetings to quell the
    # crisis, some officials say, …")
    if (start < comma and (not adverbial or _words(ctx, start, comma) <= _SHORT_ADVERBIAL_WORDS)
            and not _too_long(ctx, start, comma) and not _scene(ctx, start, comma, c, hi)
            and not any(t.quote >= 0 for t in toks[start:comma])
            and not _inner_report(ctx, start, comma, lo, beliefs)
            and not _left_open(ctx, start, comma)):
        found.append(Reported(start, comma, d))
    after_start = c + 2
    after_end = _content_end(ctx, after_start, hi)
    # after a first part, a short second part must end the sentence ("The solution, the
    # partner said, was simple."; not "…, Rutledge said, for others, it can …")
    if after_end > after_start and _words(ctx, after_start, after_end) >= (
            1 if found and _words(ctx, after_end, hi) == 0 else _MIN_WORDS) \
            and not _only_source(ctx, after_start, after_end):
        found.append(Reported(after_start, after_end, attrs.evolve(d)))
    if len(found) == 1 and found[0].first == start and _words(ctx, start, comma) < _MIN_WORDS:
        return []  # a lone short part ("Instead") is no report
    return found


def _left_open(ctx: Context, start: int, end: int) -> bool:
    """The words from ``start`` to ``end`` (before an attribution set off by commas) end in a
    word that leaves its phrase open ("… a tunnel where, it is said, …", "… critics,
    including, he said, …", "… the border after, according to him, …"): the attribution
    interrupts the reporter's sentence, and only what follows it is reported (PolNeAR dev: 7
    such first parts, none annotated; BBC corpus: 2, "… and which, he claimed, would be …")."""
    return _words(ctx, start, end) > _MIN_WORDS and ctx.tokens[end - 1].lower in ctx.lex.open_endings


def reported_question(ctx: Context, c: int, lo: int, hi: int,
                      beliefs: bool) -> Optional[Reported]:
    """X was asked whether … / … when asked what … — a question put by someone unnamed.

    The question is reported speech with no speaker of its own. A sentence that opens with
    "Asked if …," only frames the answer that follows and is left out.
    """
    toks = ctx.tokens
    if toks[c].lower != "asked" or c == lo or c + 1 >= hi:
        return None
    if toks[c - 1].lower not in ctx.lex.before_asked:
        return None
    k = c + 1
    asker = None
    if toks[k].lower in ctx.lex.author_prepositions and toks[k].lower == "by":
        # "was asked by host John Dickerson whether …", "when asked by a reporter if …": the
        # one who asked is named
        asker = np_after(ctx.wc, k + 1, hi, ctx.limits.max_mention_tokens) \
            or _recipient(ctx, k + 1, hi)
        if asker is None or asker[1] >= hi or toks[asker[1]].lower not in ctx.lex.question_words \
                or toks[asker[1]].lower == "about":
            return None
        k = asker[1]
    if toks[k].lower == "about":
        k += 1  # "was asked about the rash of campus protests"
    elif toks[k].lower not in ctx.lex.question_words:
        return None
    end = _content_end(ctx, k, hi)
    if end > k and toks[c - 1].lower in ctx.lex.subordinators:
        # "And when asked who was the closest ally, the majority named Britain": the question
        # ends with the subordinate clause it stands in, at its comma
        end = _frame_comma(ctx, k, end)
    if end < 0 or _words(ctx, k, end) < _MIN_WORDS:
        return None
    return Reported(k, end, Decision(mention=asker, cue=(c, c + 1)))


def reported_as(ctx: Context, c: int, lo: int, hi: int, beliefs: bool) -> Optional[Reported]:
    """As X noted, CONTENT. — the clause after the comma, on X's word ("As the paper noted, …",
    "But as a reporter noted, …", "As the mayor said last week, …")."""
    toks = ctx.tokens
    if toks[lo].lower != "as" and not (lo + 1 < c and toks[lo + 1].lower == "as"):
        return None  # (the cheap test first: this runs for every cue)
    d = subject_before_cue(ctx, c, lo)
    if d is None or d.mention is None or d.mention[0] > c:
        return None
    opener = d.mention[0] - 1
    if opener < lo or toks[opener].lower != "as" or not (
            opener == lo or opener == lo + 1 and toks[lo].lower in ctx.lex.connectives):
        return None
    comma = c + 1
    while comma < min(hi, c + _AS_COMMA_TOKENS) and toks[comma].text != "," and toks[comma].is_word \
            and toks[comma].lower != "that":
        comma += 1  # "said last week,", "noted in 2011,", "put it,"
    if comma >= hi or toks[comma].text != ",":
        return None
    end = _content_end(ctx, comma + 1, hi)
    if end < 0 or _words(ctx, comma + 1, end) < _MIN_WORDS:
        return None
    return Reported(comma + 1, end, d)


def reported_citing(ctx: Context, c: int, lo: int, hi: int,
                    beliefs: bool) -> Optional[Reported]:
    """X said …, citing CONTENT. — what the speaker cites, to the end of the clause ("McCain said,
    citing low growth, unemployment and inequality"; "The Journal, citing internal documents,
    reported …")."""
    toks = ctx.tokens
    if toks[c].lower != "citing" or c + 1 >= hi:
        return None
    d = subject_before_cue(ctx, c, lo)
    if d is None or d.mention is None:
        return None
    end = _content_end(ctx, c + 1, hi)
    if end <= c + 1 or not any(t.is_word for t in toks[c + 1:end]):
        return None
    return Reported(c + 1, end, d)


INDIRECT_RULES: tuple[tuple[str, Rule], ...] = (
    ("reported_citing", reported_citing),
    ("reported_as", reported_as),
    ("reported_question", reported_question),
    ("reported_parenthetical", reported_parenthetical),
    ("reported_absolute", reported_absolute),
    ("reported_clause", reported_clause),
    ("reported_share", reported_share),
    ("reported_group", reported_group),
    ("reported_inverted", reported_inverted),
)


def _recipient(ctx: Context, k: int, hi: int) -> Optional[tuple[int, int]]:
    """Who was told: a name or title ("told Reuters", "told him"), else a determiner and at most
    four lower-case words ("told reporters", "told a local radio station"), ending before the
    next determiner, pronoun or function word ("told reporters the plan was dead")."""
    np = np_after(ctx.wc, k, hi, ctx.limits.max_mention_tokens)
    wc, toks = ctx.wc, ctx.tokens
    if np is not None and ctx.lex.determiners.get(toks[np[0]].lower) == "indefinite" \
            and np[1] - np[0] == 2 and toks[np[0] + 1].is_cap:
        end = np[1]  # "told a Senate panel": the noun after the name is the recipient's head
        # (after "the" it is the clause's subject: "told the BBC progress had been made")
        if end < hi and wc.is_modifier(end) and not toks[end].is_cap \
                and not wc.is_pronoun(end) and not _time_word(ctx.lex, toks, end) \
                and toks[end].lower not in ctx.lex.period_openers:
            np = (np[0], end + 1)
    if np is not None:
        return np[0], _channel_end(ctx, np[1], hi)
    if k < hi and wc.is_det(k):
        channel = _channel_end(ctx, k + 1, hi)
        if channel > k + 1:
            return k, channel  # "told the Sunday Mirror newspaper"
    end = k + 1 if k < hi and wc.is_det(k) else k
    while end < hi and end - k < _RECIPIENT_TOKENS and wc.is_modifier(end) \
            and not wc.is_det(end) and not (
            end + 1 < hi and (toks[end].lower, toks[end + 1].lower) in ctx.lex.quantity_openers):
        end += 1  # ("told reporters more than 90 per cent of …": the clause opens with "more")
        if _plural(toks[end - 1].lower, ctx.lex.singular_endings):
            break  # "told reporters prices would fall": the plural ends the recipient
    return (k, end) if end > k and wc.is_modifier(end - 1) else None


def _channel_end(ctx: Context, end: int, hi: int) -> int:
    """The end of a channel named from token ``end`` on: its possessive or capitalised words,
    then a noun of ``channel_noun`` ("told BBC Radio [4's Today programme]", "told the BBC
    [News website]"; 31 + 5 times in the BBC corpus); ``end`` when no such noun follows."""
    toks, wc = ctx.tokens, ctx.wc
    j = end
    while j < hi and j - end < ctx.limits.max_mention_tokens and toks[j].is_word and (
            toks[j].possessive or toks[j].is_cap or toks[j].text[:1].isdigit()):
        j += 1
    if j < hi and toks[j].lower in ctx.lex.channel_nouns:
        return j + 1
    if end < hi and toks[end - 1].lower in ctx.lex.channel_nouns:
        while end < hi and toks[end].is_word and toks[end].text[:1].isdigit():
            end += 1  # "told Radio 4 on Monday": the number is part of the channel's name
    return end


def _plural(word: str, singular_endings: tuple[str, ...]) -> bool:
    return word.endswith("s") and not word.endswith(singular_endings)


def _source_phrase(ctx: Context, k: int, hi: int) -> Optional[tuple[int, int]]:
    """A source named by a common noun phrase after "according to": "exit polls", "state law",
    "early results of exit polls conducted …", "the most recent figures" (words, "of" and
    determiners, up to the first other function word or mark)."""
    toks, wc = ctx.tokens, ctx.wc
    end = k
    while end < hi and end - k < ctx.limits.max_mention_tokens and toks[end].is_word \
            and toks[end].quote < 0 and (toks[end].lower not in ctx.lex.function_words
                                         or toks[end].lower == "of" or wc.is_det(end)) \
            and not (end > k + 1 and toks[end].lower.endswith("ed")):  # "polls conducted by"
        end += 1
    while end > k and (toks[end - 1].lower == "of" or wc.is_det(end - 1)):
        end -= 1
    if end == k + 1 and toks[k].lower in ctx.lex.manner_nouns:
        return None  # "according to plan", "according to tradition": a manner, not a source
    return (k, end) if end > k else None


def _has_word(ctx: Context, lo: int, hi: int, word: str) -> bool:
    """Whether ``word`` is in the lower-case text of tokens ``lo`` to ``hi`` (a quick test)."""
    return ctx.lowered.find(word, ctx.tokens[lo].start, ctx.tokens[hi - 1].end) >= 0


def _speech_noun(ctx: Context, lo: int, hi: int) -> list[Reported]:
    """X's statement that CONTENT / his claim that CONTENT — a noun of ``data/speech_nouns.tsv``
    owned by its speaker (a possessive, at most two words before it: "the campaign's earlier
    claim that …"), then "that" (after a time word: "Trump's assertion Monday that …")."""
    toks, wc = ctx.tokens, ctx.wc
    found: list[Reported] = []
    if not _has_word(ctx, lo, hi, "that") or ctx.lex.speech_noun_bytes.isdisjoint(
            letter_runs(ctx.lowered, toks[lo].start, toks[hi - 1].end)):
        return found  # (a test in C first: this runs for every sentence)
    for k in range(lo + 1, hi - 2):
        if toks[k].lower not in ctx.lex.speech_nouns or toks[k].quote >= 0:
            continue
        p = k - 1
        while p > lo and k - p <= _SPEECH_NOUN_GAP and wc.is_modifier(p) and not toks[p].possessive:
            p -= 1  # "earlier", "repeated"
        owner = toks[p]
        if owner.lower in ctx.lex.possessive_pronouns:
            mention: Optional[tuple[int, int]] = (p, p + 1)
        elif owner.possessive:
            mention = np_before(wc, p, lo, ctx.limits.max_mention_tokens)
        else:
            continue
        n = k + 1
        while n < hi and n - k <= _SPEECH_NOUN_GAP and _time_word(ctx.lex, toks, n):
            n += 1
        if mention is None or n + 1 >= hi or toks[n].lower != "that":
            continue
        if mention[0] == lo or (mention[0] == lo + 1
                                and toks[lo].lower in ctx.lex.setting_prepositions):
            # "Trump's accusation that A had imperiled B", "Despite his claims that A, B": the
            # noun phrase opens the sentence, whose verb follows the clause with no mark
            # between (PolNeAR dev: 4 such clauses, none annotated so)
            continue
        end = _content_end(ctx, n + 1, hi)
        # "his claim that Clinton is unqualified - and one that made …", "her claim that A
        # (the actual number is …)": the clause stands in a noun phrase, and a spaced dash or
        # a bracket after it opens the reporter's aside (PolNeAR dev: 5 spurious finds fewer,
        # one of them now found, none lost)
        end = next((x for x in range(n + 2, end) if toks[x].text == "(" or (
            toks[x].text.strip("-") == "" and toks[x].start > toks[x - 1].end)), end)
        if end < 0 or _words(ctx, n + 1, end) < _MIN_WORDS:
            continue
        found.append(Reported(n + 1, end, Decision(mention=mention, cue=(k, k + 1))))
    return found


def _norm_head(ctx: Context, k: int, hi: int) -> bool:
    """The phrase from token ``k`` after "according to" names a norm followed: it holds a
    lower-case noun of role ``norm_noun`` before "of", a participle in -ed, a mark or another
    function word, and does not end in a word that heads a speaker ("the laws of physics",
    "rules drawn up by the league", "Russia's competition law"; not "a senior law enforcement
    official"). BBC corpus: 9 such phrases after a word or a comma, all norms followed
    ("carried out according to the law", "run according to British rules")."""
    toks, lex, wc = ctx.tokens, ctx.lex, ctx.wc
    norm = False
    x = k
    while x < hi and x - k < ctx.limits.max_mention_tokens and toks[x].is_word \
            and toks[x].lower != "of" and not (x > k and toks[x].lower.endswith("ed")):
        if toks[x].lower in lex.function_words and not wc.is_det(x):
            break
        norm = norm or (toks[x].lower in lex.norm_nouns and not toks[x].is_cap)
        x += 1
    last = x - 1
    return norm and (toks[last].lower in lex.norm_nouns
                     or not (wc.is_anchor(last) or wc.is_name_word(last)))


def _attribution_at(ctx: Context, c: int, lo: int) -> bool:
    """A report cue at ``c`` after its speaker, a name, title, group or pronoun ("Politico
    reported", "The AP reported that"; not "than the 0.4% reported")."""
    if c < lo or not _is_report_cue(ctx, c, False):
        return False
    d = subject_before_cue(ctx, c, lo)
    if d is None or d.mention is None:
        return False
    head, wc = d.mention[1] - 1, ctx.wc
    return wc.is_name_word(head) or wc.is_anchor(head) or wc.is_pronoun(head)


def _according_to(ctx: Context, lo: int, hi: int) -> list[Reported]:
    """According to X, CONTENT. / CONTENT(,) according to X. / A, according to X, B (two parts)."""
    toks = ctx.tokens
    if not _has_word(ctx, lo, hi, "according"):
        return []
    for k in range(lo, hi - 2):
        if toks[k].lower != "according" or toks[k + 1].lower != "to":
            continue
        np = np_after(ctx.wc, k + 2, hi, ctx.limits.max_mention_tokens) \
            or _source_phrase(ctx, k + 2, hi)
        if np is None:
            return []
        if k > lo and _norm_head(ctx, k + 2, hi):
            continue  # "modelled according to the laws of physics": a norm followed, no source
        d = Decision(mention=np, cue=(k, k + 2))
        j = np[1]
        while j < hi and toks[j].text not in ",." and toks[j].quote < 0 \
                and j - np[1] < ctx.limits.source_window_tokens:
            j += 1  # "according to data from the U.S. Department of Education,"
        opens = k == lo or toks[k - 1].text in "([-" or (
            toks[k - 1].lower in ctx.lex.according_preambles and k - 1 == lo)
        found = []
        if not opens:
            start = lo
            while start < k and (toks[start].lower in ctx.lex.according_leads
                                 or toks[start].text == "("):
                start += 1
            end = k - 1 if toks[k - 1].text == "," else k
            last = end - 2 if end - 2 >= start and toks[end - 1].lower == "that" else end - 1
            if end > start and not _too_long(ctx, start, end) \
                    and not any(t.quote >= 0 for t in toks[start:end]) \
                    and not _attribution_at(ctx, last, start) and not _left_open(ctx, start, end):
                # ("Politico reported, according to sources, …": the report is what follows)
                found.append(Reported(start, end, d))
        if j < hi and toks[j].text == "," and j + 1 < hi and found and (
                toks[j + 1].lower in ctx.lex.apposition_openers or ctx.wc.is_title(j + 1)):
            pass  # "…, according to John Weaver, a Republican strategist.": X described
        elif j < hi and toks[j].text == ",":
            start = j + 1  # the clause after "according to X,"
            end = _content_end(ctx, start, hi)
            if found and end > start and _description(ctx, start, end) \
                    and _words(ctx, found[0].first, found[0].end) > _SHORT_ADVERBIAL_WORDS:
                # (after a short first part, an adverbial, "About 10 p.m., according to a
                # timeline, the contractors left …", what follows is the report)
                pass  # "…, according to the Judicial Conference, the policy-making arm of …"
            elif end > start and _words(ctx, start, end) >= (1 if found else _MIN_WORDS):
                found.append(Reported(start, end, attrs.evolve(d)))
        if sum(_words(ctx, r.first, r.end) for r in found) < _MIN_WORDS:
            return []
        return found
    return []


#: the rules that read a whole sentence rather than the words after one cue; they run on each
#: sentence before the cue rules (`INDIRECT_RULES`)
_SENTENCE_RULES: tuple[tuple[str, Callable[[Context, int, int], list[Reported]]], ...] = (
    ("according_to_clause", _according_to),
    ("speech_noun_clause", _speech_noun),
)
INDIRECT_RULE_NAMES = tuple(name for name, _ in INDIRECT_RULES) + tuple(
    name for name, _ in _SENTENCE_RULES)


_RuleList = list[tuple[str, Callable[..., Any]]]
#: the enabled cue rules and sentence rules, in order, by the enabled names (`_enabled_rules`)
_ENABLED_RULES: dict[tuple[str, ...], tuple[_RuleList, _RuleList]] = {}


def _enabled_rules(enabled: tuple[str, ...]) -> tuple[_RuleList, _RuleList]:
    """The enabled cue rules and sentence rules, in order: picked once per selection of rules,
    not once per document and sentence (a name is looked for in a tuple of every enabled
    sieve's)."""
    pair = _ENABLED_RULES.get(enabled)
    if pair is None:
        pair = _ENABLED_RULES[enabled] = (
            [(name, rule) for name, rule in INDIRECT_RULES if name in enabled],
            [(name, rule) for name, rule in _SENTENCE_RULES if name in enabled])
    return pair


def find_indirect(ctx: Context, enabled: tuple[str, ...], beliefs: bool) -> list[Reported]:
    """Reported speech in every sentence outside headlines, in document order."""
    found: list[Reported] = []
    rules, sentence_rules = _enabled_rules(enabled)
    toks, cue_forms, belief_forms = ctx.tokens, ctx.lex.cue_forms, ctx.lex.belief_forms
    for s, (lo, hi) in enumerate(ctx.sentences):
        if ctx.sentence_paragraph[s] in ctx.headlines or not ctx.sentence_full[s]:
            continue  # (a sentence without a trigger word has no cue, noun or "according")
        para = ctx.sentence_paragraph[s]
        if (s == 0 or ctx.sentence_paragraph[s - 1] != para) and _title_case(ctx, lo, hi):
            ctx.title_sentences.add(s)  # (a headline opens its paragraph: the cheap test first)
        taken: list[tuple[int, int]] = []
        nouns: set[int] = set()  # cue forms a sentence rule read as nouns ("his claim that")
        for name, sentence_rule in sentence_rules:
            for r in sentence_rule(ctx, lo, hi):
                if r.end + 1 < len(toks) and toks[r.end].text == ":" \
                        and _frames_quotation(ctx, r):
                    continue
                r.decision.sieve = name  # the runner stamps the rule's name
                found.append(r)
                taken.append((r.first, r.end))
                if r.decision.cue is not None:
                    nouns.add(r.decision.cue[0])
        outer = (-1, -1)  # the last clause reported after its cue (first, end)
        for c in range(lo, hi):
            low = toks[c].lower  # (the first test of _is_report_cue, without a call per token)
            if low not in cue_forms and not (beliefs and low in belief_forms) \
                    or c in nouns or not _is_report_cue(ctx, c, beliefs):
                continue
            lemma = cue_forms.get(low)
            if lemma is not None and lemma.lemma in ctx.lex.noun_object_cues \
                    and _takes_object(ctx, c):
                continue  # "claimed a victory", "wrote a letter": an object, no report (the
                # verb still ends a clause before it: "… and who claimed credit")
            nested = outer[0] < c < outer[1]
            for name, rule in rules:
                result = rule(ctx, c, lo, hi, beliefs)
                parts = result if isinstance(result, list) else [result] if result else []
                if not parts:
                    continue
                if nested and any(_inner_subject(ctx, r, c, outer[0], lo) for r in parts):
                    # "Song said Clinton had said the plan would fail", "supporters who have
                    # suggested that …" inside a clause reported after its cue: the outer
                    # speaker's report holds the inner one, on the outer speaker's word (PolNeAR
                    # dev annotates the outer report alone). A relative report ("deaths that
                    # Lohmar said are unrelated") stays: it is the inner speaker's own.
                    break
                for r in parts:
                    if r.end + 1 < len(toks) and toks[r.end].text == ":" \
                            and _frames_quotation(ctx, r):
                        continue
                    if lemma is not None and c > lo and _after_be(toks[c - 1].lower, ctx.lex) \
                            and _unsaid_speaker(ctx, c, lemma):
                        r.decision.mention = None  # "…, an industry conference has been told"
                    r.decision.sieve = name  # the runner stamps the rule's name
                    if not any(r.first == a and r.end == b for a, b in taken):
                        found.append(r)
                        taken.append((r.first, r.end))
                    if r.first > c and r.end > outer[1]:
                        outer = (r.first, r.end)
                break
    return found


def _frames_quotation(ctx: Context, r: Reported) -> bool:
    """The report ``r``, followed by a colon, only frames the quotation after the colon: it ends
    in a cue of its own ("…, he told delegates: “…”", "Anelka told a French magazine: “…”"), or
    it is a question with nothing reported ("reveals what his next goal is: “…”", "recalls how
    Bill Clinton once advised him: “…”"). A question with an inner cue keeps its words before
    the cue's subject ("when asked whether he would do it again he replied: “…”"). BBC corpus:
    33 reports end before a colon and a quotation, 16 of them frames or questions so framed."""
    toks = ctx.tokens
    if toks[r.end + 1].quote < 0:
        return False
    cues = ctx.lex.cue_forms
    for x in range(r.end - 1, max(r.first, r.end - _RECIPIENT_TOKENS - 1) - 1, -1):
        if toks[x].lower in cues and not toks[x].is_cap:
            d = subject_before_cue(ctx, x, r.first) if x > r.first else None
            m = d.mention if d is not None else None
            # (right before the cue, or a name or pronoun: "the coach replied", "Owen again
            # said"; in "do the same again replied" the cue's subject is outside the report)
            end = m[0] if m is not None and (m[1] == x or ctx.wc.is_name_word(m[1] - 1)
                                             or ctx.wc.is_pronoun(m[1] - 1)) else x
            while end > r.first and not toks[end - 1].is_word:
                end -= 1
            if _words(ctx, r.first, end) < _MIN_WORDS:
                return True
            r.end = end
            return False
    return toks[r.first].lower in ctx.lex.question_words


#: a sentence in title case has at least this many words of four letters or more, and no more
#: than `_TITLE_LOWER_WORDS` of them in lower case
_TITLE_WORDS = 4
_TITLE_LOWER_WORDS = 1


def _title_case(ctx: Context, lo: int, hi: int) -> bool:
    """The sentence ``lo`` to ``hi`` is a headline in title case with a capitalised cue form
    ("Clinton Says Russians Hacked DNC", "Dennis Prager Tells Conservatives They Need To Change
    Course"): its longer words are capitalised but one at most."""
    toks, cues = ctx.tokens, ctx.lex.cue_forms
    heads = ctx.lex.headline_cues
    # (the cheap test first: most sentences hold none; a loop, twice as fast as any() over a
    # generator, for the first sentence of every paragraph)
    for t in toks[lo + 1:hi]:
        if t.is_cap and t.lower in cues and cues[t.lower].lemma in heads:
            break
    else:
        return False
    long = lower = 0
    for t in toks[lo:hi]:
        if t.is_word and t.quote < 0 and len(t.text) > 3:
            long += 1
            if not t.is_cap:
                lower += 1
                if lower > _TITLE_LOWER_WORDS:
                    return False
    return long >= _TITLE_WORDS


def _inner_subject(ctx: Context, r: Reported, c: int, outer_first: int, lo: int) -> bool:
    """The speaker of a report found at cue ``c`` stands inside an outer reported clause that
    starts at token ``outer_first`` ("Song said [Clinton had said …]"), and is no relative
    pronoun's antecedent ("deaths that Lohmar said are unrelated" is Lohmar's own report). A
    report whose subject is the outer clause's ("the EU pledged to … but said it was not
    ready") is not nested."""
    m = r.decision.mention
    if m is None or m[0] < outer_first:
        return False
    return not (r.first == c + 1 and m[0] - 1 >= lo
                and ctx.tokens[m[0] - 1].lower in ctx.lex.relatives)


def add_reported(ctx: Context, found: list[Reported]) -> None:
    """Append the finds to the context as quotes of kind ``indirect``."""
    toks = ctx.tokens
    for r in found:
        start, end = toks[r.first].start, toks[r.end - 1].end
        para = ctx.sentence_paragraph[toks[r.first].sentence]
        ctx.quotes.append(Candidate(start, end, 0, 0, para, False))
        ctx.kinds.append(QuoteKind.INDIRECT)
        ctx.decisions.append(r.decision)
        ctx.quote_first.append(r.first)
        ctx.quote_last.append(r.end - 1)


def find_non_statements(ctx: Context) -> list[tuple[int, int, Optional[tuple[int, int]]]]:
    """(start, end, mention token range) of "X declined to comment" and the like."""
    out: list[tuple[int, int, Optional[tuple[int, int]]]] = []
    # the text is lowered once (offsets into it are used), and only the phrases it holds are
    # looked for sentence by sentence: most documents hold none
    low = ctx.folded_lower()
    phrases = ctx.phrases_held(ctx.lex.non_statements)
    if not phrases:
        return out
    for s, (lo, hi) in enumerate(ctx.sentences):
        if not ctx.sentence_full[s]:
            continue  # (the phrases end in trigger words)
        start, end = ctx.tokens[lo].start, ctx.tokens[hi - 1].end
        for phrase in phrases:
            p_start = low.find(phrase, start, end)
            if p_start < 0:
                continue
            # the subject: the noun phrase before the phrase, as before a cue ("X, a lawyer,")
            k = lo
            while k < hi and ctx.tokens[k].start < p_start:
                k += 1
            d = subject_before_cue(ctx, k, lo) if lo < k < hi else None
            np = d.mention if d is not None else None
            out.append((p_start, p_start + len(phrase), np))
            break
    return out
