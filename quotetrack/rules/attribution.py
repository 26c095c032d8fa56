"""Stage 5: attribution sieves, high precision first; each decides only quotes still open.

Every sieve is a named function ``(ctx, q) -> Decision | None`` in `SIEVES`, run in order. A
parser may enable a subset by name. Sieves find the mention and the cue; who the mention is
(a pronoun's antecedent, a surname's full name) is decided later, in `resolve`.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Callable, Optional

import regex

from ..model import QuoteKind
from .context import Context, Decision
from .cues import (
    cue_as_noun,
    inverted_after_cue,
    is_finite_cue,
    quoted_source,
    relative_subject,
    sentence_range,
    unclosed_appositive,
    subject_before_cue,
    subject_of_clause,
    told_passive,
)
from .mentions import (
    PERSON_NAME_WORDS,
    appositive_after,
    np_after,
    np_before,
    skip_parenthesis,
)

__all__ = ["SIEVES", "SIEVE_NAMES", "classify_kinds", "run_sieves", "link_parts",
           "finish_kinds"]

Sieve = Callable[[Context, int], Optional[Decision]]

_TRAILING_PUNCT = frozenset(",-:;")
#: the marks that may stand between a cue and the quotation it introduces ("She said, “…”")
_INTRO_PUNCT = frozenset(",:")
#: adverbs skipped between the speaker after a quotation and the cue, at most ("“…,” Smith
#: later also said")
_ADVERBS_BEFORE_CUE = 3
#: tokens read back from the comma or colon before a quotation for the cue: the cue and a short
#: complement ("told reporters:", "said in a statement on Friday:")
_CUE_COMPLEMENT_TOKENS = 8
#: characters read before a quotation for a phrase of not_speech.tsv ("so-called", "a film
#: titled"), more than the longest phrase with the word before it
_NOT_SPEECH_CHARS = 30
#: tokens read back from a quotation for a name's speech noun ("Trump's claim that Obama “…”")
_SPEECH_NOUN_REACH = 8
#: the marks after which a speaker label may open ("… JUST TOO EARLY - Mark Blumenthal: “…”")
_LABEL_OPENERS = frozenset("-\u2013\u2014")
#: what may follow the quotation that ends a headline, in its paragraph (folded text)
_HEADLINE_TAIL = " \t\n.!?)]"
#: words of a headline that ends with a quotation, at most (PolNeAR dev: 7 to 13; the
#: paragraphs of prose that end with a quotation after a colon run longer)
_HEADLINE_WORDS = 15


def cue_after_quote(ctx: Context, q: int) -> Optional[Decision]:
    """“…,” she said. / “…,” said Randa Slim, director of …"""
    toks = ctx.tokens
    k = ctx.quote_last[q] + 1
    lo, hi = sentence_range(ctx, ctx.quote_last[q])
    crossed = False
    if k >= hi and k < len(toks) and ctx.paragraph_of_token(k) == ctx.paragraph_of_token(k - 1):
        s, e = ctx.quotes[q].content
        if ctx.folded[s:e].rstrip()[-1:] not in "?!":
            return None
        # “Who wants that?” Smith asked. — the ? closed the sentence before its attribution
        hi = ctx.sentences[toks[k].sentence][1]
        crossed = True
    if k < hi and toks[k].text in _TRAILING_PUNCT:
        k += 1
    if k >= hi:
        return None
    if crossed and any(t.quote >= 0 for t in toks[k:hi]):
        return None  # “…?” Mills then writes back, “…”: that cue introduces the next quote
    if is_finite_cue(ctx, k):
        d = inverted_after_cue(ctx, k, hi)
        if d:
            return d
    np = np_after(ctx.wc, k, hi, ctx.limits.max_mention_tokens)
    if np is None:
        return _stopword_speaker(ctx, q, k, hi)
    m = skip_parenthesis(toks, np[1], hi)
    steps = 0
    while m < hi and ctx.wc.is_adverb(m) and steps < _ADVERBS_BEFORE_CUE:
        m += 1
        steps += 1
    if m < hi and is_finite_cue(ctx, m):
        return Decision(mention=np, cue=(m, m + 1))
    phrase = _phrase_cue(ctx, m, hi)
    if phrase:  # “…,” she went on. / “…,” Kelly shot back.
        return Decision(mention=np, cue=(m, phrase))
    app = appositive_after(ctx.wc, np[1], hi, ctx.limits.max_appositive_tokens)
    if app and app[1] + 1 < hi and toks[app[1]].text == "," and is_finite_cue(ctx, app[1] + 1):
        return Decision(mention=np, cue=(app[1] + 1, app[1] + 2), appositive=app)
    if m < hi and toks[m].lower in ctx.lex.setting_prepositions and not crossed:
        # “…?” a Democratic staffer in the room wondered. / “…,” one woman at the rally said.:
        # a short phrase of place between the speaker and the cue
        for c in range(m + 1, min(hi, m + 1 + _SETTING_TOKENS)):
            if not toks[c].is_word or toks[c].quote >= 0:
                break
            if is_finite_cue(ctx, c) and c > m + 1:
                return Decision(mention=np, cue=(c, c + 1))
    return unclosed_appositive(ctx, np, hi)


#: tokens of a phrase of place between a speaker after a quotation and the cue, at most
#: ("a staffer in the room wondered")
_SETTING_TOKENS = 5


def _stopword_speaker(ctx: Context, q: int, k: int, hi: int) -> Optional[Decision]:
    """“…,” From said.: a capitalised word that reads as no name elsewhere ("From", "May",
    "Will") alone between the quotation and a finite cue is the speaker's surname (PolNeAR dev:
    Al From, 3 quotes)."""
    toks = ctx.tokens
    if k + 1 >= hi or k != ctx.quote_last[q] + 1 + (toks[ctx.quote_last[q] + 1].text in
                                                     _TRAILING_PUNCT):
        return None
    t = toks[k]
    cue = ctx.lex.cue_forms.get(toks[k + 1].lower)
    if cue is None or cue.lemma == toks[k + 1].lower:
        return None  # ("“…?” That question …": a bare form may be a noun)
    if not (t.is_word and t.is_cap and t.text[1:].islower()) or ctx.wc.is_pronoun(k) \
            or ctx.wc.is_det(k) \
            or (t.lower in ctx.lex.adverbs and t.lower not in ctx.lex.auxiliaries) \
            or t.lower in ctx.lex.time_adverbs \
            or t.lower in ctx.lex.connectives \
            or t.lower in ctx.lex.cue_forms or not is_finite_cue(ctx, k + 1):
        return None
    return Decision(mention=(k, k + 1), cue=(k + 1, k + 2))


#: a signature after a quotation that opens its line: dash, name, end of line ("“…” ― Ana
#: Ruiz", "\"…\"¶- Ruiz."); at most one blank line between
_SIGNATURE = regex.compile(r"[^\S\n]*\n?[^\S\n]*\n?[^\S\n]*(?:[-\u2013\u2014\u2015]|--)[^\S\n]*"
                           r"(\p{Lu}[^\n]{0,60}?)\.?[^\S\n]*(?:\n|$)")


def signed(ctx: Context, q: int) -> Optional[Decision]:
    """A quotation that opens its line and is signed after it with a dash and a name alone on
    the rest of the line: “…” ― Ana Ruiz / "…"¶- Ruiz. (reader comments, fact-check items;
    PolNeAR dev: 22 quotes in 4 documents of 3 publishers; BBC corpus: none)."""
    c = ctx.quotes[q]
    line = ctx.folded.rfind("\n", 0, c.start) + 1
    if ctx.folded[line:c.start].strip():
        return None
    m = _SIGNATURE.match(ctx.folded, c.end)
    if m is None:
        return None
    i = ctx.token_at_or_after(m.start(1))
    e = ctx.token_at_or_after(m.end(1))
    if i >= e or not ctx.wc.is_name_word(i):
        return None
    np = np_after(ctx.wc, i, e, ctx.limits.max_mention_tokens)
    if np is None or np[1] != e or not all(ctx.wc.is_name_word(x) for x in range(i, e)
                                           if ctx.tokens[x].is_word):
        return None
    return Decision(mention=np)


def _phrase_cue_ending(ctx: Context, k: int, lo: int) -> int:
    """The first token of a multi-word cue of ``data/cue_phrases.tsv`` that names no channel
    and ends at token ``k`` ("put it", "went on"), or -1 when none does. PolNeAR dev: 13
    quotes introduced by "put it", 8 without the right mention before (4 right now); BBC
    corpus: 1 "put it", and 3 "went on:"."""
    toks = ctx.tokens
    for words in ctx.lex.speech_phrases:
        n = len(words)
        if k - n + 1 <= lo or words[-1] != toks[k].lower:
            continue
        if all(toks[k - n + 1 + x].lower == w for x, w in enumerate(words)):
            return k - n + 1
    return -1


def _phrase_cue(ctx: Context, m: int, hi: int) -> int:
    """The end of a multi-word cue of ``data/cue_phrases.tsv`` that names no channel and starts
    at token ``m`` ("went on", "shot back", "pointed out"), or 0 when none does."""
    toks = ctx.tokens
    if m >= hi or not toks[m].is_word:
        return 0
    for words in ctx.lex.speech_phrases:
        if words[0] != toks[m].lower or m + len(words) > hi:
            continue
        if all(toks[m + x].lower == w for x, w in enumerate(words)):
            return m + len(words)
    return 0


def cue_before_quote(ctx: Context, q: int) -> Optional[Decision]:
    """She said, “…” / Nienaber said “…” (a colon before the quote is `colon_intro`'s)"""
    return _cue_before(ctx, q, colon=False)


def colon_intro(ctx: Context, q: int) -> Optional[Decision]:
    """He told reporters: “…” / Slim said in an interview: “…”"""
    return _cue_before(ctx, q, colon=True)


def _cue_before(ctx: Context, q: int, colon: bool) -> Optional[Decision]:
    """The speaker and cue (and a short complement) right before the quote, introducing it
    with a colon (``colon``) or without one."""
    toks = ctx.tokens
    first = ctx.quote_first[q]
    lo, _ = sentence_range(ctx, first)
    k = first - 1
    if k < lo or (toks[k].text == ":") != colon:
        return None
    punct = toks[k].text in _INTRO_PUNCT
    if punct:
        k -= 1
    if punct:  # "As Tom Ridge, a former secretary, put it: “…”": a phrase cue
        start = _phrase_cue_ending(ctx, k, lo)
        d = subject_before_cue(ctx, start, lo) if start >= 0 else None
        if d is not None and d.mention is not None:
            return Decision(mention=d.mention, cue=(start, k + 1), appositive=d.appositive)
    # the cue, possibly followed by a short complement: "told reporters", "said in a statement"
    reach = _CUE_COMPLEMENT_TOKENS if punct else 1
    for c in range(k, max(lo, k - reach) - 1, -1):
        t = toks[c]
        if t.quote >= 0 or (not t.is_word and t.text not in (".",)):
            break
        if ctx.wc.is_cue(c):
            if told_passive(ctx, c):
                break  # "she was told: “…”": who told her is not written here
            d = subject_before_cue(ctx, c, lo)
            if d is None and c + 1 <= k:
                d = inverted_after_cue(ctx, c, k + 1)
            if d:
                return _bound_subject(ctx, d, lo)
            break
    if colon:
        return _speaker_label(ctx, q, k, lo) if punct else None
    return _interrupting(ctx, q, k) if punct else None


#: tokens of a participle or relative clause after an interrupting attribution, at most
_CLAUSE_AFTER_TOKENS = 12


def _clause_after(ctx: Context, i: int, j: int) -> bool:
    """Tokens ``i`` to ``j`` are a comma and a participle or relative clause with no quotation
    in it: "…,” said Sherman, speaking of politicians, “…”"."""
    toks = ctx.tokens
    if not i + 1 < j <= i + 1 + _CLAUSE_AFTER_TOKENS or toks[i].text != "," \
            or any(t.quote >= 0 for t in toks[i:j]):
        return False
    first = toks[i + 1]
    return not first.is_cap and (first.lower.endswith("ing") or first.lower in ctx.lex.relatives)


def _interrupting(ctx: Context, q: int, k: int) -> Optional[Decision]:
    """“…,” said Edward Leamer, an economist at the bank, “…”: the part after an attribution
    that interrupts a quotation, when that attribution (the one `cue_after_quote` finds after
    the part before) fills everything between the two parts up to the comma at token ``k + 1``. Its
    appositive keeps the cue too far back for the cue search above. PolNeAR dev: 5 such second
    parts (all right), BBC corpus: 1 (written twice; right)."""
    # read again, not taken from the decisions, so the rule replays alone
    d = cue_after_quote(ctx, q - 1) if q > 0 and ctx.quote_last[q - 1] >= 0 else None
    if d is None or d.mention is None or d.cue is None:
        return None
    parts = [r for r in (d.mention, d.cue, d.appositive) if r is not None]
    end = max(r[1] for r in parts)
    if end != k + 1 and not _clause_after(ctx, end, k + 1):
        return None
    if any(t.is_word for t in ctx.tokens[ctx.quote_last[q - 1] + 1:min(r[0] for r in parts)]):
        return None
    return Decision(mention=d.mention, cue=d.cue, appositive=d.appositive)


def _headline_subject(ctx: Context, q: int, lo: int, k: int) -> Optional[Decision]:
    """The speaker of the quotation in a headline, "Trump Addresses Munich Attack: ‘…’",
    "Gillibrand on Hillary's Speeches: ‘…’": the name the headline opens with, as long as the
    text names it again below (the longest such run of its first capitalised words). A
    headline is known by its shape, not by where it stands: its sentence opens its paragraph,
    the quotation ends it, and it holds at most `_HEADLINE_WORDS` words (a dateline, a kicker
    or any paragraph before it changes nothing; the first paragraph alone was read before).
    PolNeAR dev: 6 headlines, all opening their text; BBC corpus: none (its headlines quote
    no one)."""
    wc, toks = ctx.wc, ctx.tokens
    para = ctx.sentence_paragraph[toks[lo].sentence]
    p_start, below = ctx.paragraphs[para]
    if ctx.folded[p_start:toks[lo].start].strip() \
            or ctx.folded[ctx.quotes[q].end:below].strip(_HEADLINE_TAIL) \
            or len(ctx.folded[p_start:below].split(None, _HEADLINE_WORDS)) > _HEADLINE_WORDS:
        return None
    end = lo
    while end < k and end - lo < PERSON_NAME_WORDS and toks[end].is_cap and toks[end].is_word \
            and (wc.is_name_word(end) or wc.is_title(end)):
        end += 1
    for e in range(end, lo, -1):
        name = ctx.text[toks[lo].start:toks[e - 1].end]
        if ctx.text.find(name, below) >= 0:
            return Decision(mention=(lo, e))
    return None


def _bound_subject(ctx: Context, d: Decision, lo: int) -> Decision:
    """"Cruz has railed against what he calls the “…”": the pronoun of a ``what he calls``
    clause stands for the subject of its sentence, which is the speaker's mention (PolNeAR dev:
    the subject in 26 of 31 such clauses, the pronoun in 5). The subject holds a title, group,
    organisation or document noun or a name written inside a sentence somewhere, and no
    possessive at its end; a "he" or "she" takes only one that ends in a name or a title, or
    the same pronoun. Only a quotation's own attribution: a reported clause keeps its pronoun.
    BBC corpus: 3 quotes change, all to the right speaker."""
    wc, toks = ctx.wc, ctx.tokens
    if d.mention is None:
        return d
    i = d.mention[0]
    if d.mention[1] - i != 1 or not wc.is_pronoun(i) or i - 1 <= lo \
            or toks[i - 1].lower != "what":
        return d
    subject = subject_of_clause(ctx, i - 1)
    if subject is None or subject[1] > i - 1 or subject[0] == i:
        return d
    if wc.is_pronoun(subject[0]):  # "He denounced what he called …": the same one only
        return Decision(mention=subject, cue=d.cue) \
            if toks[subject[0]].lower == toks[i].lower else d
    if toks[subject[1] - 1].possessive or not any(
            wc.is_anchor(x) or wc.is_name_word(x) and wc.named_inside(ctx.text, x)
            for x in range(*subject)):
        return d  # "Perhaps Mr. Comey's …", "Maybe …", "A week later, …": no subject
    if toks[i].lower in ctx.lex.gendered_pronouns and not (wc.is_name_word(subject[1] - 1)
                                               or wc.is_title(subject[1] - 1)):
        return d
    return Decision(mention=subject, cue=d.cue)


def _speaker_label(ctx: Context, q: int, k: int, lo: int) -> Optional[Decision]:
    """The label before a colon (`_label`), else the subject of a short headline that ends
    with the quotation (`_headline_subject`)."""
    return _label(ctx, k, lo) or _headline_subject(ctx, q, lo, k)


def _label(ctx: Context, k: int, lo: int) -> Optional[Decision]:
    """``Kasich: “…”``, ``- Michael P. McDonald: “…”``: a name that is all its clause says
    before the colon (from the sentence start or a dash) labels the quotation with its speaker.
    ``k`` is the last token before the colon."""
    wc, toks = ctx.wc, ctx.tokens
    np = np_before(wc, k, lo, ctx.limits.max_mention_tokens)
    if np is None or not wc.is_name_word(np[1] - 1) or wc.is_title(np[1] - 1):
        return None
    if np[0] - 2 >= lo and toks[np[0] - 1].lower in ctx.lex.coordinators \
            and wc.is_name_word(np[0] - 2):  # "Mark Blumenthal and Jon Cohen: “…”"
        other = np_before(wc, np[0] - 2, lo, ctx.limits.max_mention_tokens)
        if other is not None and np[1] - other[0] <= ctx.limits.max_mention_tokens:
            np = (other[0], np[1])
    if np[0] > lo and toks[np[0] - 1].text not in _LABEL_OPENERS:
        return None
    words = [t for t in toks[np[0]:np[1]] if t.is_word]
    if all(t.text.isupper() for t in words):
        return None  # "READ MORE:", "WATCH:": a label of the page, no speaker
    run = 0
    for x in range(np[1] - 1, np[0] - 1, -1):
        if not wc.is_name_word(x) or wc.is_title(x):
            break
        run += 1
    if any(t.lower in ctx.lex.cue_forms for t in words) or (
            run > PERSON_NAME_WORDS and toks[np[1] - 1].key not in ctx.lex.org_words):
        return None  # "Trump Addresses Munich Attack: “…”": a headline in title case
    if len(words) == 1 and not wc.named_inside(ctx.text, np[0]):
        return None  # "Update:", "Warning:": a word that names no one elsewhere in the text
    return Decision(mention=np)


def _window(ctx: Context, q: int, positions: list) -> list:
    """The token positions within ``Limits.cue_window_chars`` of quote ``q``, nearest first."""
    if not positions:
        return []  # (most sentences have no "according to" and many no cue)
    c = ctx.quotes[q]
    w = ctx.limits.cue_window_chars
    lo = bisect_left(positions, ctx.token_at_or_after(c.start - w))
    hi = bisect_left(positions, ctx.token_at_or_after(c.end + w))
    first = ctx.quote_first[q]
    return sorted(positions[lo:hi], key=lambda k: abs(k - first))


def according_to(ctx: Context, q: int) -> Optional[Decision]:
    """… “…”, according to X. / According to X, “…”"""
    s = ctx.sentence_of(q)
    lo, hi = ctx.sentences[s]
    for k in _window(ctx, q, ctx.sentence_index(s).according):
        np = np_after(ctx.wc, k + 2, hi, ctx.limits.max_mention_tokens)
        if np:
            app = appositive_after(ctx.wc, np[1], hi, ctx.limits.max_appositive_tokens)
            return Decision(mention=np, cue=(k, k + 2), appositive=app)
    return None


def sentence_cue(ctx: Context, q: int) -> Optional[Decision]:
    """A quotation inside reported speech: Oh said the pairing came because they are “…”."""
    s = ctx.sentence_of(q)
    lo, hi = ctx.sentences[s]
    first, last = ctx.quote_first[q], ctx.quote_last[q]
    toks = ctx.tokens
    options = []
    index = ctx.sentence_index(s)
    for c in _window(ctx, q, index.cues):
        if told_passive(ctx, c):
            continue  # "… jeered “melons”, researchers were told": the hearers
        d = subject_before_cue(ctx, c, lo)
        if d is None and c > last and c - 1 >= lo and toks[c - 1].text in ",-":
            d = inverted_after_cue(ctx, c, hi)
        if d:
            dist = first - c if c < first else (c - last) + 2
            # a plain speech verb ("said") attributes its sentence before the other cues
            core = ctx.lex.cue_forms[toks[c].lower].lemma in ctx.lex.core_cues
            options.append((not core, dist, c, d))
    for c in index.phrases:
        # "Foster points out that … “…”": a two-word cue before the quote and its "that", when
        # the quotation ends the report (not a term inside it: "none reached the “top
        # secret” level")
        d = subject_before_cue(ctx, c, lo) if c < first and _ends_sentence(ctx, q) else None
        if d:
            options.append((True, first - c, c, Decision(mention=d.mention, cue=(c, c + 2),
                                                         appositive=d.appositive)))
    if not options:
        return None
    best = min(options, key=lambda o: o[:3])
    if relative_subject(ctx, best[3]) and best[2] < first:
        # "Graham, who says …, tweeted that “…”": the cue of a relative clause before a later
        # cue of the sentence that stands before the quotation is not the quotation's
        later = [o for o in options if best[2] < o[2] < first]
        if later:
            best = min(later, key=lambda o: o[:3])
    best = _own_clause(ctx, q, options, best)
    return _bound_subject(ctx, best[3], lo)



def _opens_clause(ctx: Context, d: Decision) -> bool:
    """The mention of ``d`` follows a conjunction that opens a clause of its own ("…, although he
    tweeted", "but she cautions", "and Donald Trump says", ", when Mr. Buchanan … called for");
    not one that opens the report of a cue before it ("said that when Mr Johnson announced …,
    he got the “…”")."""
    if d.mention is None or d.mention[0] == 0:
        return False
    toks, lex = ctx.tokens, ctx.lex
    i = d.mention[0]
    low = toks[i - 1].lower
    if not (low in lex.report_coordinators or low in lex.clause_conjunctions
            or low in lex.subordinators or low in lex.concessives):
        return False
    return not (i - 2 >= 0 and toks[i - 2].lower == "that")


def _own_clause(ctx: Context, q: int, options: list, best: tuple) -> tuple:
    """The sentence's plain speech verb attributes a quotation only in its own clause: "Netanyahu
    said that he would go, although he tweeted that he “…”" and "“…,” Stevens says, but she
    cautions that she sees “…”" take the later clause's cue before the quotation; "Cruz accuses
    Obama of “…” and Trump says …" keeps the cue before the quotation over the plain verb of
    the next clause. PolNeAR dev: 11 more speaker mentions right (8 in half b); BBC corpus: 8
    quotes change, all right ("The Tories dismissed the plan as “desperate”, while the Liberal
    Democrats said …" is the Tories'). A clause that opens the report ("said that when Mr
    Johnson announced …") is no clause of its own."""
    first, last = ctx.quote_first[q], ctx.quote_last[q]
    c, d = best[2], best[3]
    if c < first:
        later = [o for o in options if c < o[2] < first and o[3].mention is not None
                 and o[3].mention[0] > c and _opens_clause(ctx, o[3])]
        return min(later, key=lambda o: o[:3]) if later else best
    if c > last and d.mention is not None and d.mention[0] > last \
            and _opens_clause(ctx, d):
        before = [o for o in options if o[2] < first]
        return min(before, key=lambda o: o[:3]) if before else best
    return best


def _quote_only_sentence(ctx: Context, q: int) -> bool:
    """The quotation opens its sentence and reads as a sentence (not a headline or a title)."""
    s, e = ctx.quotes[q].content
    content = ctx.folded[s:e].rstrip()
    index = ctx.sentence_index(ctx.sentence_of(q))
    opens = index.first_word >= ctx.quote_first[q]
    return opens and (content[-1:] in ".?!,-;" or len(content.split()) > 6)


_LOOK_BACK_SENTENCES = 8
_LOOK_BACK_CUES = 8  # cues tried per earlier sentence, from its end
#: tokens of a leading adverbial before the subject of a narration sentence, at most ("At 25
#: years old, Gillis was diagnosed …")
_ADVERBIAL_TOKENS = 8


def _person_surnames(ctx: Context) -> frozenset[str]:
    """The last words of the names in the document that show a person: a run of capitalised
    words with a first name in it, or after a title ("Jeanine Durning", "Mr Howard"); made once
    per document."""
    found = ctx.person_surnames
    if found is None:
        toks, wc, firsts = ctx.tokens, ctx.wc, ctx.lex.first_names
        names = set()
        n = len(toks)
        k = 0
        while k < n:
            if not wc.name_word[k] or wc.title_len[k]:
                k += 1
                continue
            j = k
            while j < n and wc.name_word[j] and not wc.title_len[j] \
                    and toks[j].sentence == toks[k].sentence:
                j += 1
                if toks[j - 1].possessive:
                    break
            titled = k > 0 and wc.title_len[k - 1] > 0 and toks[k - 1].sentence == toks[k].sentence
            if titled or (j - k >= 2 and any(toks[x].lower in firsts for x in range(k, j - 1))):
                names.add(toks[j - 1].key)
            k = j
        found = ctx.person_surnames = frozenset(names)
    return found


def _person_subject(ctx: Context, s: int) -> Optional[tuple[int, int]]:
    """The subject of sentence ``s`` when it is a person: a name with a first name or a title,
    or the surname of one named elsewhere in the document, or "he"/"she"; it opens the
    sentence or follows a short leading adverbial and a verb follows it ("Durning did not need
    much coaxing.", "At 25, Gillis was diagnosed …", "She also welcomed …")."""
    lo, hi = ctx.sentences[s]
    toks, wc, lex = ctx.tokens, ctx.wc, ctx.lex
    k = lo
    if toks[lo].lower in lex.function_words or toks[lo].lower in lex.clause_openers:
        for x in range(lo, min(hi, lo + _ADVERBIAL_TOKENS)):
            if toks[x].text == ",":
                k = x + 1
                break
            if toks[x].quote >= 0:
                return None
        else:
            if toks[lo].lower not in lex.clause_openers:
                return None
            k = lo + 1
    np = np_after(wc, k, hi, ctx.limits.max_mention_tokens)
    if np is None or np[1] >= hi or wc.is_det(np[0]):
        return None  # ("the oversized Trump face": a name that modifies a noun)
    after = toks[np[1]]
    if not (after.text == "," or (after.is_word and not after.is_cap
                                  and after.lower not in lex.not_verbs)):
        return None
    last = np[1] - 1
    if wc.is_pronoun(last):
        return np if toks[last].lower in lex.gendered_pronouns and np[1] - np[0] == 1 else None
    if not wc.is_name_word(last) or toks[last].possessive:
        return None
    if any(toks[x].lower in lex.first_names or wc.title_len[x] for x in range(np[0], last)) \
            or toks[last].key in _person_surnames(ctx):
        return np
    return None


def _look_back(ctx: Context, q: int) -> tuple[str, Optional[Decision]]:
    """For a quote-only sentence: the nearest earlier attributed quote (``"continuation"``) or
    speech cue (``"lead_in"``), and its decision; ``("", None)`` when there is none.

    Walks back over the sentences of the quote's paragraph and of the paragraph before it (at
    most ``_LOOK_BACK_SENTENCES``): a sentence with an attributed quote gives a continuation; a
    sentence with a speech cue and its subject gives a lead-in ("Slim said Tuesday.").
    """
    if ctx.kinds[q] != QuoteKind.DIRECT or not _quote_only_sentence(ctx, q):
        return "", None
    s = ctx.sentence_of(q)
    para = ctx.sentence_paragraph[s]
    pending: Optional[Decision] = None
    for prev in range(s - 1, max(-1, s - 1 - _LOOK_BACK_SENTENCES), -1):
        if ctx.sentence_paragraph[prev] < para - 1 or ctx.sentence_paragraph[prev] in ctx.headlines:
            break
        lo, hi = ctx.sentences[prev]
        index = ctx.sentence_index(prev)
        quotes = [p for p in index.quotes if p != q]
        for p in reversed(quotes):
            d = ctx.decisions[p]
            if d is not None and ctx.kinds[p] in (QuoteKind.DIRECT, QuoteKind.MIXED):
                if pending is not None and not _same_person(ctx, pending, d) \
                        and _ends_sentence(ctx, q):
                    return "narration_subject", pending
                return "continuation", Decision(mention=d.mention, cue=None,
                                                appositive=d.appositive, continues=p)
        if quotes:
            break  # an unattributed quote in between: no safe speaker
        for c in reversed(index.cues[-_LOOK_BACK_CUES:]):
            if is_finite_cue(ctx, c) and not cue_as_noun(ctx, c) and not told_passive(ctx, c):
                d = subject_before_cue(ctx, c, lo) or inverted_after_cue(ctx, c, hi)
                if d:
                    if pending is not None and not _same_person(ctx, pending, d) \
                            and _ends_sentence(ctx, q):
                        return "narration_subject", pending
                    return "lead_in", d
        if prev == s - 1:
            # the sentence right before: a person as its subject, not named in the quotation
            np = _person_subject(ctx, prev)
            if np is not None and not _named_in_quote(ctx, q, np[1] - 1):
                pending = Decision(mention=np)
    if pending is not None and _ends_sentence(ctx, q):
        return "narration_subject", pending
    return "", None


def _named_in_quote(ctx: Context, q: int, k: int) -> bool:
    """The name at token ``k`` is written inside quote ``q`` or a later part of its quotation:
    the quotation talks about that person, who is not its speaker ("And forward Sam Reid looks
    certain to get the call. “… Reid is an outstanding player …”")."""
    tok = ctx.tokens[k]
    if not tok.is_cap:
        return False
    word = regex.compile(r"\b" + regex.escape(tok.bare) + r"\b")
    quotes = ctx.quotes
    chain = quotes[q].chain
    p = q
    # (at most the parts one quotation may have: no chain is read more than that far)
    end = min(len(quotes), q + ctx.limits.max_continued_paragraphs + 1)
    while p < end and (p == q or chain >= 0 and quotes[p].chain == chain):
        s, e = quotes[p].content
        if word.search(ctx.folded, s, e):
            return True
        p += 1
    return False


def _ends_sentence(ctx: Context, q: int) -> bool:
    """Nothing but punctuation follows quote ``q`` in its sentence (no "…," reads an
    editorial)."""
    lo, hi = sentence_range(ctx, ctx.quote_last[q])
    return all(not t.is_word and t.quote < 0 for t in ctx.tokens[ctx.quote_last[q] + 1:hi])


def _same_person(ctx: Context, subject: Decision, d: Decision) -> bool:
    """The narration subject may be the speaker of the decision before it: a pronoun, or the
    same last word as its mention."""
    assert subject.mention is not None
    a = subject.mention[1] - 1
    if ctx.wc.is_pronoun(a):
        return True
    if d.mention is None:
        return False
    b = d.mention[1] - 1
    return ctx.tokens[a].key == ctx.tokens[b].key


def continuation(ctx: Context, q: int) -> Optional[Decision]:
    """A quotation with no cue of its own after an attributed one: the same speaker."""
    kind, d = _look_back(ctx, q)
    return d if kind == "continuation" else None


def lead_in(ctx: Context, q: int) -> Optional[Decision]:
    """Slim said Tuesday. / He added: — then a sentence or paragraph that is only a quote."""
    kind, d = _look_back(ctx, q)
    return d if kind == "lead_in" else None


def narration_subject(ctx: Context, q: int) -> Optional[Decision]:
    """Durning did not need much coaxing. “…” — a quote-only sentence right after narration
    whose subject is a person: that person's words."""
    kind, d = _look_back(ctx, q)
    return d if kind == "narration_subject" else None


def possessive(ctx: Context, q: int) -> Optional[Decision]:
    """Musk’s “production hell”: the words are the owner's (a name; "her “cancer drama”" is
    often someone else's words about her, so pronouns are left out)."""
    first = ctx.quote_first[q]
    if first == 0:
        return None
    k = first - 1
    t = ctx.tokens[k]
    if t.sentence != ctx.tokens[first].sentence:
        return None
    lo = ctx.sentences[t.sentence][0]
    if t.possessive and ctx.wc.is_name_word(k):
        np = np_before(ctx.wc, k, lo, ctx.limits.max_mention_tokens)
        if np is not None:
            return Decision(mention=np)
        return None
    return _speech_noun_owner(ctx, q)


def _speech_noun_owner(ctx: Context, q: int) -> Optional[Decision]:
    """"Sanders' call for “revolution”", "Trump's claim that Obama “founded ISIS”", "Mr
    Blair's promise to produce an “…”": words quoted in the complement of a name's speech noun
    (or of a speech verb's bare form used as one) are the name's (tried after the cue sieves,
    which take "called AP's report a “…”" and "said McConnell's comment was “…”")."""
    first = ctx.quote_first[q]
    toks, lex, wc = ctx.tokens, ctx.lex, ctx.wc
    lo = ctx.sentences[toks[first].sentence][0]
    for n in range(first - 1, max(lo, first - 1 - _SPEECH_NOUN_REACH), -1):
        t = toks[n]
        if t.quote >= 0 or not t.is_word:
            break
        verb = lex.cue_forms.get(t.lower)
        noun = t.lower in lex.speech_nouns or (verb is not None and verb.lemma == t.lower)
        if noun and n - 1 >= lo and toks[n - 1].possessive and wc.is_name_word(n - 1):
            np = np_before(wc, n - 1, lo, ctx.limits.max_mention_tokens)
            return Decision(mention=np) if np is not None else None
        if verb is not None and not noun:
            break  # "Trump's aide said …": a verb of its own, the cue sieves' case
    return None


def _subject_start(ctx: Context, i: int, lo: int) -> tuple[int, bool]:
    """Where the noun phrase ending in the one at token ``i`` begins, with the words before it
    that are part of it ("a choked-up Jeb Bush", "Labour backbencher Stephen Pound", "a review
    by the ONS"), and whether it can be the subject of a clause there: it starts the sentence or
    follows punctuation, a conjunction, a relative, an adverb or a cue ("…, and Trump said",
    "when Sanders protesters interrupted", "then Trump went", "said Junya Tanase of …, were"),
    not a preposition, a verb or a modifier of its own ("on his Facebook page", "bought the Old
    Post Office building", "a fake Southern accent")."""
    toks, wc, lex = ctx.tokens, ctx.wc, ctx.lex
    k = i
    while k > lo:
        p = k - 1
        if not wc.is_det(k) and (wc.is_det(p) or wc.is_modifier(p) or wc.is_name_word(p)
                                 or wc.is_anchor(p)) and toks[p].lower not in lex.cue_forms:
            k = p
        elif toks[p].lower in lex.subject_prepositions and p - 1 >= lo and (
                wc.is_modifier(p - 1) or wc.is_name_word(p - 1) or wc.is_anchor(p - 1)):
            k = p - 1  # "A recent survey by Comcast Xfinity found"
        else:
            break
    if k <= lo or not toks[k - 1].is_word:
        return k, True
    low = toks[k - 1].lower
    if low in lex.absolute_openers:
        # "with Trump reportedly yelling: “…”", "with America's TV Guide magazine describing the
        # series as “…”": the subject of the participle after it
        for e in range(i, min(len(toks), i + ctx.limits.max_mention_tokens)):
            t = toks[e]
            if t.lower.endswith("ing") and not t.is_cap:
                return k, True
            if not (wc.is_name_word(e) or wc.is_anchor(e) or wc.is_modifier(e)
                    or wc.is_adverb(e)):
                break
        return k, False
    # ("Meanwhile X labelled", "Later Monday X called")
    return k, low in lex.subject_openers or low in lex.relatives or low in lex.subordinators \
        or low in lex.connectives or low in lex.clause_starts or low in lex.adverbs \
        or low in lex.time_adverbs or low in lex.weekdays or wc.is_adverb(k - 1) \
        or is_finite_cue(ctx, k - 1)


def sentence_subject(ctx: Context, q: int) -> Optional[Decision]:
    """Last resort for a quote inside a sentence: its subject ("Cruz blamed the law on “…”")."""
    first = ctx.quote_first[q]
    lo, hi = sentence_range(ctx, first)
    if first == lo:
        return None
    toks, wc = ctx.tokens, ctx.wc
    # the subject of the clause nearest the quotation: "... when Musk again took to Twitter
    # with this: “…”" (a name followed by a lower-case word), within the cue window
    nearest = max(lo, ctx.token_at_or_after(ctx.quotes[q].start - ctx.limits.cue_window_chars))
    k = first - 2
    while k > nearest:
        if wc.is_name_word(k) and not toks[k].possessive and k + 1 < first \
                and toks[k + 1].is_word and not toks[k + 1].is_cap \
                and toks[k + 1].lower not in ctx.lex.function_words:
            np = np_before(wc, k, lo, ctx.limits.max_mention_tokens)
            if np is None:
                k -= 1
                continue
            start, subject = _subject_start(ctx, np[0], lo)
            if not subject:
                k = min(k, start) - 1  # "on his Facebook page": a name inside a phrase
                continue
            if np[0] > lo or wc.is_name_word(np[0]):
                return Decision(mention=np)
            break
        k -= 1
    np = subject_of_clause(ctx, first)
    if np is None or np[1] >= first:
        return None
    nxt = ctx.tokens[np[1]]
    if not nxt.is_word or nxt.lower in ctx.lex.function_words:
        return None
    return Decision(mention=np)


SIEVES: tuple[tuple[str, Sieve], ...] = (
    ("cue_after_quote", cue_after_quote),
    ("signed", signed),
    ("cue_before_quote", cue_before_quote),
    ("colon_intro", colon_intro),
    ("according_to", according_to),
    ("sentence_cue", sentence_cue),
    ("continuation", continuation),
    ("lead_in", lead_in),
    ("narration_subject", narration_subject),
    ("possessive", possessive),
    ("sentence_subject", sentence_subject),
)
#: the sieves that look back from a quote-only sentence (`_look_back`): they run as one pass
_LOOK_BACK_SIEVES = frozenset(name for name, sieve in SIEVES
                              if sieve in (continuation, lead_in, narration_subject))
#: the step that gives every part of a multi-paragraph quotation the speaker of the part that
#: has its own attribution; it runs after the sieves and can be switched off like one
PART_STEP = "quote_part"
SIEVE_NAMES = tuple(name for name, _ in SIEVES) + (PART_STEP,)
#: sieves that find an attribution of the part itself, next to it: they decide the speaker of
#: every part; the others (continuation, lead-in, subjects) only when no part has one
#: sieves whose mention is the speaker named nearest the quote before it (kept by a part of a
#: multi-paragraph quotation that takes another part's speaker)
_NEIGHBOUR_SIEVES = frozenset({"continuation"})
_OWN_SIEVES = frozenset({"cue_after_quote", "signed", "cue_before_quote", "colon_intro", "according_to",
                         "sentence_cue"})


_LABEL = regex.compile(r"[A-Z][A-Z ]{1,20}:")
# a photo caption ends with its credit: "(Luis Tato/AFP/Getty Images)", "( THE CANADIAN PRESS )"
_CAPTION = regex.compile(r"\((?:[^()\n]{0,60}/[^()\n]{0,60}|[^()\n]{0,40}(?i:photo|images|press)"
                         r"[^()\n]{0,40})\)\s*\Z")


# ... or with a credit set after it without brackets, however long the caption: "… done for
# him. Quyen Cheng/THE CANADIAN PRESS", "… in Montreal. Graham Hughes/The Canadian Press"
_CREDIT = regex.compile(r"[.!?] [A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}/[A-Z][\w.'-]*"
                        r"(?:[ /][\w.'-]+){0,5}\Z")
_CREDIT_CHARS = 100  # read from the end of a long paragraph for a credit


def _headline_paragraphs(ctx: Context) -> set[int]:
    """Paragraphs that are headlines, captions or labels: "READ MORE: …", no final full stop."""
    heads = set()
    uses_double = any(c.double for c in ctx.quotes)
    for p, (s, e) in enumerate(ctx.paragraphs):
        para = ctx.folded[s:e].strip()
        # a paragraph ending in a quotation ends where the quotation's own words end:
        # 'Ferry strike enters “third week”' has no full stop
        last = para.rstrip("\"'")[-1:] if para[-1:] in "\"'" else para[-1:]
        # (a label opens with two capitals or a capital and a space: most paragraphs do not,
        # and that string test is cheaper than the pattern)
        if (last not in ".!?)]:;,-" or para[:2].isupper() and _LABEL.match(para) is not None) \
                and (len(para.split()) <= 30  # a long paragraph is text even without a stop
                     or _CREDIT.search(para, max(0, len(para) - _CREDIT_CHARS))):
            heads.add(p)
        elif last == ")" and _CAPTION.search(para):  # (it ends the stripped paragraph)
            heads.add(p)
    for c in ctx.quotes:
        s, e = ctx.paragraphs[c.paragraph]
        if uses_double and not c.double and c.chain < 0 \
                and not ctx.folded[s:c.start].strip() and not ctx.folded[c.end:e].strip():
            heads.add(c.paragraph)  # a subheading in single marks: 'Just listen to us'
    return heads


def _title_case(ctx: Context, q: int) -> bool:
    """Every word capitalised: "Face the Nation", and "New Day." after "on", "of" or a
    possessive."""
    s, e = ctx.quotes[q].content
    lex = ctx.lex
    words = ctx.folded[s:e].split()
    if len(words) >= 2 and words[0].lower() in lex.title_articles:
        words = words[1:]  # "the Mayor of Mill Street": a name with its article
    if not words or len(words) > 8:
        return False
    small = lex.title_small_words
    capitalised = all(w[:1].isupper() or w[:1].isdigit() or w.lower() in small
                      for w in words) and (words[0][:1].isupper() or words[0][:1].isdigit())
    if not capitalised:
        return False
    if ctx.folded[e - 1:e] not in ".!?,":
        return True
    # American punctuation puts the full stop inside: "on CNN's “New Day.”" is still a title
    first = ctx.quote_first[q]
    before = ctx.tokens[first - 1] if first > 0 else None
    return before is not None and before.sentence == ctx.tokens[first].sentence and (
        before.lower in lex.title_prepositions or before.possessive)


def classify_kinds(ctx: Context) -> None:
    """Direct when a quotation opens its sentence or follows its cue; embedded ones are mixed."""
    toks = ctx.tokens
    headlines = ctx.headlines = _headline_paragraphs(ctx)
    # "so-called", "titled", as the words before
    not_speech, not_speech_ends = ctx.lex.not_speech_words, ctx.lex.not_speech_ends
    for q in range(len(ctx.quotes)):
        first = ctx.quote_first[q]
        if first < 0:
            continue
        if ctx.quotes[q].paragraph in headlines:
            ctx.kinds[q] = QuoteKind.OTHER
            continue
        lo, _ = sentence_range(ctx, first)
        k = first - 1
        while k >= lo and not toks[k].is_word and toks[k].quote < 0 and toks[k].text not in ",:":
            k -= 1
        if k < lo or toks[k].text == ":":
            ctx.kinds[q] = QuoteKind.DIRECT
        elif toks[k].text == "," and k - 1 >= lo and ctx.wc.is_cue(k - 1):
            ctx.kinds[q] = QuoteKind.DIRECT
        elif ctx.wc.is_cue(k) and not toks[k].lower.endswith("ing"):
            ctx.kinds[q] = QuoteKind.DIRECT
        elif toks[k].quote >= 0:
            ctx.kinds[q] = QuoteKind.DIRECT
        else:
            ctx.kinds[q] = QuoteKind.MIXED
        start = ctx.quotes[q].start
        before = ctx.folded[max(0, start - _NOT_SPEECH_CHARS):start].lower().rstrip()
        if before in not_speech or before.endswith(not_speech_ends):
            ctx.kinds[q] = QuoteKind.OTHER  # so-called "X", a film titled "Y"
        elif ctx.kinds[q] == QuoteKind.MIXED and _title_case(ctx, q):
            ctx.kinds[q] = QuoteKind.OTHER  # on CBS's "Face the Nation": the name of a work


#: the enabled sieves, in order, by the enabled names (`run_sieves`)
_ENABLED_SIEVES: dict[tuple[str, ...], list[tuple[str, Sieve]]] = {}


def run_sieves(ctx: Context, enabled: tuple[str, ...]) -> None:
    """Apply the enabled sieves in order; quotes are visited in document order in each. The
    sieves that look back for a quote's speaker (`_LOOK_BACK_SIEVES`) run as one pass, so that
    a quote-only paragraph continues one a lead-in attributed just before it. The runner stamps
    each decision with the name of the sieve that made it."""
    looked_back = False
    sieves = _ENABLED_SIEVES.get(enabled)
    if sieves is None:  # (picked once per selection, not per document)
        sieves = _ENABLED_SIEVES[enabled] = [(n, s) for n, s in SIEVES if n in enabled]
    for name, sieve in sieves:
        if name in _LOOK_BACK_SIEVES:
            if not looked_back:
                looked_back = True
                _run_look_back(ctx, enabled)
            continue
        decisions, kinds, quote_first = ctx.decisions, ctx.kinds, ctx.quote_first
        for q in range(len(ctx.quotes)):
            # (`_open`, written out: this test runs for every quote in every sieve)
            if decisions[q] is None and kinds[q] != QuoteKind.OTHER and quote_first[q] >= 0:
                d = sieve(ctx, q)
                if d is not None:
                    d = quoted_source(ctx, d) or d  # ("The Times quoted X as saying")
                    d.sieve = name
                    ctx.decisions[q] = d


def _open(ctx: Context, q: int) -> bool:
    """Quote ``q`` is still to be attributed."""
    return ctx.decisions[q] is None and ctx.kinds[q] != QuoteKind.OTHER and ctx.quote_first[q] >= 0


def _run_look_back(ctx: Context, enabled: tuple[str, ...]) -> None:
    """The look-back sieves, in one pass over the quotes in document order: each quote-only
    sentence takes what `_look_back` finds, when the sieve of that kind is enabled."""
    for q in range(len(ctx.quotes)):
        if _open(ctx, q):
            kind, d = _look_back(ctx, q)
            if d is not None and kind in enabled:
                d.sieve = kind
                ctx.decisions[q] = d


def link_parts(ctx: Context, enabled: tuple[str, ...]) -> None:
    """Every part of a multi-paragraph quotation gets the speaker of the part that has its own
    attribution (the first such part; else the first part's, whatever decided it), as a
    ``quote_part`` decision that continues that part."""
    if PART_STEP not in enabled:
        return
    chains: dict[int, list[int]] = {}
    for q, c in enumerate(ctx.quotes):
        if c.chain >= 0:
            chains.setdefault(c.chain, []).append(q)
    for parts in chains.values():
        decided = [q for q in parts if ctx.decisions[q] is not None
                   and ctx.kinds[q] != QuoteKind.OTHER]
        if not decided:
            continue
        own = [q for q in decided if ctx.decisions[q].sieve in _OWN_SIEVES]  # type: ignore
        owner = own[0] if own else decided[0]
        d = ctx.decisions[owner]
        assert d is not None
        for q in parts:
            if q != owner:
                ctx.kinds[q] = QuoteKind.DIRECT if ctx.kinds[q] == QuoteKind.OTHER \
                    else ctx.kinds[q]
                # a part that goes on from the attributed quote before it in its paragraph
                # ("…," he said. “They think …¶“And …,” he said) keeps that mention: the
                # speaker named nearest it
                before = ctx.decisions[q]
                nearest = before.mention if before is not None \
                    and before.sieve in _NEIGHBOUR_SIEVES else None
                ctx.decisions[q] = Decision(sieve=PART_STEP, continues=owner, mention=nearest)


def _words(text: str) -> int:
    return len(text.split())


def finish_kinds(ctx: Context) -> None:
    """Quotations with no cue that look like names, titles or scare quotes become ``other``;
    so do single-quoted ones inside a sentence in a document that quotes speech in double
    marks."""
    # A text that quotes someone's words in double marks writes terms and scare quotes in
    # single ones ("the so-called 'chip and pin' system", "described as 'laughable'"): 35
    # single-quoted stretches inside BBC corpus sentences were read as speech, all such terms,
    # most given to whoever stood nearest (23 of them after the first double-quoted speech). (In a text that quotes speech in single marks, double
    # marks stand inside them and no top-level double-quoted speech is found. A headline
    # quotes in single marks whatever its text does, "Trump: 'We will win'": only a stretch
    # after the first double-quoted speech counts.)
    # (A single-quoted stretch set off as speech, after "They said," or alone, stays.)
    first_double = min((c.start for q, c in enumerate(ctx.quotes)
                        if c.double and ctx.kinds[q] != QuoteKind.OTHER), default=-1)
    for q, c in enumerate(ctx.quotes):
        if 0 <= first_double < c.start and not c.double and ctx.kinds[q] == QuoteKind.MIXED:
            ctx.kinds[q] = QuoteKind.OTHER
            ctx.decisions[q] = None
            continue
        d = ctx.decisions[q]
        if ctx.kinds[q] == QuoteKind.OTHER or (d is not None and d.sieve != "sentence_subject"):
            continue
        s, e = c.content
        content = ctx.folded[s:e].strip()
        n = _words(content)
        sentence_like = content[-1:] in ".?!,-" if content else False
        first = ctx.quote_first[q]
        after_det = first > 0 and ctx.tokens[first - 1].lower in ctx.lex.determiners \
            and ctx.tokens[first - 1].sentence == ctx.tokens[first].sentence
        if ctx.kinds[q] == QuoteKind.MIXED and (n <= 1 or (after_det and n <= 2)):
            # a single quoted word, or a short noun phrase ("a “road map”"), with no cue
            ctx.kinds[q] = QuoteKind.OTHER
        elif ctx.kinds[q] == QuoteKind.DIRECT and not sentence_like and n <= 6 and d is None:
            ctx.kinds[q] = QuoteKind.OTHER
        if ctx.kinds[q] == QuoteKind.OTHER:
            ctx.decisions[q] = None

