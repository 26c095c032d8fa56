"""Speakers around a cue verb: ``X said``, ``said X``, ``X, an aide, said``, ``…, saying``.

Shared by the quotation sieves (`attribution`) and by reported speech (`indirect`).
"""

from __future__ import annotations

from typing import Optional

from .context import Context, Decision
from .mentions import PERSON_NAME_WORDS, appositive_after, np_after, np_before, occurs

#: adverbs, forms of "be" and day names skipped between a speaker and the cue, at most ("he has
#: also quietly said"): a speaker further back is not the cue's subject
_MAX_SKIPPED_WORDS = 3
#: a leading adverbial before a participle cue's clause subject ("On Sunday, the coalition …")
#: is at most this many tokens long; one more when it opens with a participle, which carries an
#: object and a place of its own ("Speaking at a town hall event in Salem, …", "Flying home one
#: night in the corporate jet, she …": PolNeAR dev, 2 speakers)
_MAX_ADVERBIAL_TOKENS = 8
#: comma-separated parts of such an adverbial, at most ("At an event in Ames, Iowa, on Sunday,")
_MAX_ADVERBIAL_PARTS = 3

#: words before the title of a description set before a name, at most ("The United Nations'
#: emergency relief coordinator, Jo Reed,")
_PREPOSED_MODIFIERS = 4

__all__ = ["relative_subject", "skip_adverbs", "sentence_range", "is_finite_cue", "cue_as_noun",
           "told_passive",
           "subject_of_clause", "subject_before_cue", "inverted_after_cue", "unclosed_appositive",
           "unclosed_before_verb", "preposed_description"]


def skip_adverbs(ctx: Context, j: int, lo: int) -> int:
    """Index of the last token before ``j`` that is not an adverb ("he also said")."""
    k = j
    steps = 0
    toks = ctx.tokens
    lex = ctx.lex
    while k >= lo and steps < _MAX_SKIPPED_WORDS:
        if ctx.wc.is_adverb(k) or toks[k].lower in lex.be_forms:
            k -= 1  # "he also said", "critics are saying", "some are quietly saying"
        elif toks[k].lower in lex.weekdays and k - 1 >= lo \
                and toks[k - 1].lower in lex.weekday_openers:
            k -= 2  # "Ted Cruz on Wednesday announced"
        elif toks[k].lower in lex.day_parts and k - 2 >= lo and toks[k - 1].lower in lex.weekdays:
            k -= 1  # "Sean Spicer on Thursday evening said"
            continue
        elif toks[k].text == "," and k - 3 >= lo and toks[k - 2].text == "," \
                and toks[k - 1].lower in lex.adverbs and not toks[k - 1].is_cap:
            k -= 3  # "Cyber security experts, however, said" (BBC corpus: 14 such asides)
        else:
            break
        steps += 1
    return k


def sentence_range(ctx: Context, tok: int) -> tuple[int, int]:
    return ctx.sentences[ctx.tokens[tok].sentence]


def is_finite_cue(ctx: Context, k: int) -> bool:
    return ctx.wc.is_cue(k) and not ctx.tokens[k].lower.endswith("ing")


#: adverbs between a form of "be" and a participle of telling, at most ("was also told")
_ADVERBS_BEFORE_PARTICIPLE = 2


def told_passive(ctx: Context, k: int) -> bool:
    """The cue form at ``k`` is the participle of a verb of telling after a form of "be"
    ("researchers were told", "she was told: “…”", "Ms Doe was told her post was cut"): its
    subject heard the words and said none of them. (A quotation is given no speaker by it;
    the reported-speech runner reports such a clause with no speaker.)"""
    toks = ctx.tokens
    cue = ctx.lex.cue_forms.get(toks[k].lower)
    if cue is None or cue.lemma not in ctx.lex.recipient_cues or toks[k].lower == cue.lemma \
            or toks[k].lower.endswith("s") or toks[k].lower.endswith("ing"):
        return False  # (the participle: "told", "informed")
    b = k - 1
    while b > 0 and k - b <= _ADVERBS_BEFORE_PARTICIPLE and ctx.wc.is_adverb(b):
        b -= 1  # ("she was also told")
    return b >= 0 and toks[b].lower in ctx.lex.be_forms


def cue_as_noun(ctx: Context, k: int) -> bool:
    """The cue form at ``k`` is a noun or an adjective: after an article, a possessive
    determiner or a possessive that is no pronoun ("the estimated", "Trump's tweet", "the
    campaign's alleged ties"; but in "He's said that", "'s" is "has")."""
    toks = ctx.tokens
    if k == 0 or toks[k - 1].sentence != toks[k].sentence:
        return False
    prev = toks[k - 1]
    lex = ctx.lex
    if prev.lower in lex.articles or prev.lower in lex.possessive_determiners \
            or prev.possessive and prev.key not in lex.pronouns:
        return True
    if toks[k].lower not in lex.cue_nouns or not prev.is_cap:
        return False
    # "despite the Charlton protests his goal stood", "amid Tory claims": the object of a
    # preposition that opens no clause is a noun phrase (2 in the BBC corpus)
    sent = toks[k].sentence
    x = k - 1
    while x > 0 and k - x <= PERSON_NAME_WORDS and toks[x].is_cap and toks[x].sentence == sent \
            and toks[x].lower not in lex.object_prepositions:  # ("Amid Leeds protests")
        x -= 1
    if toks[x].lower in lex.articles and toks[x].sentence == sent:
        x -= 1
    return x >= 0 and toks[x].sentence == sent and toks[x].lower in lex.object_prepositions


def subject_of_clause(ctx: Context, cue: int) -> Optional[tuple[int, int]]:
    """The subject at the start of the clause of a participle cue ("X announced ..., citing")."""
    lo, _ = sentence_range(ctx, cue)
    k = lo
    toks, lex = ctx.tokens, ctx.lex
    # skip a leading adverbial ending in a comma: "On Sunday, the coalition ...", "Facing
    # mounting criticism, Mr. Trump ...", "Early in his campaign, Trump ...", "Eight years ago,
    # he ..."; and its further parts after a comma: "At an event in Ames, Iowa, on Sunday, …"
    if _opens_adverbial(ctx, lo):
        start = lo
        reach = _MAX_ADVERBIAL_TOKENS + toks[lo].lower.endswith("ing")
        for _ in range(_MAX_ADVERBIAL_PARTS):
            comma = -1
            for x in range(start, min(cue, start + reach)):
                if toks[x].text == ",":
                    comma = x
                    break
                if toks[x].quote >= 0:
                    break
            if comma < 0 or _opens_relative(ctx, comma + 1):
                break  # "Earlier Mr Kennedy, whose party …": the comma ends the subject
            k = comma + 1
            np = np_after(ctx.wc, k, cue, ctx.limits.max_mention_tokens)
            if np is not None and np[1] + 1 < cue and toks[np[1]].text == "," \
                    and _after_place(ctx, comma, lo) and _place_like(ctx, np) \
                    and not _opens_relative(ctx, np[1] + 1) \
                    and toks[np[1] + 1].lower not in lex.function_words:
                # "Speaking at an event in Salem, New Hampshire, Trump …": the state of the
                # town ends the adverbial
                k = np[1] + 1
                break
            if np is None or np[1] + 1 >= cue or toks[np[1]].text != "," \
                    or toks[np[1] + 1].lower not in lex.function_words \
                    or _opens_relative(ctx, np[1] + 1):
                break
            start = np[1] + 1  # "Ames, Iowa, on Sunday,": "Iowa" is part of the place
    if k == lo and toks[lo].lower in lex.clause_openers:
        k = lo + 1
    return np_after(ctx.wc, k, cue, ctx.limits.max_mention_tokens)


def _opens_relative(ctx: Context, i: int) -> bool:
    """Token ``i``, after a comma, opens a relative clause (", who …", ", whose party …")."""
    low = ctx.tokens[i].lower
    return low in ctx.lex.relatives or low in ctx.lex.non_appositives


def _opens_adverbial(ctx: Context, lo: int) -> bool:
    """The sentence opens with a phrase that is no subject: a preposition or conjunction ("On
    Sunday, …"), an adverb ("Shortly after …", "Early in his campaign", "Here in Ames"), a
    participle
    ("Facing mounting criticism, …", "Preceded by …") or a number ("Eight years ago, …")."""
    t = ctx.tokens[lo]
    low = t.lower
    lex = ctx.lex
    if low in lex.function_words or low in lex.clause_openers or low in lex.adverbs \
            or low in lex.time_adverbs or low in lex.clause_starts or t.text[:1].isdigit() \
            or low in lex.count_words:
        return True
    # ("Groening recently heaped praise …", "Kelly said": names, written inside sentences too)
    wc = ctx.wc
    if low in lex.first_names or wc.is_title(lo) or wc.named_inside(ctx.text, lo):
        return False
    if low.endswith(lex.adverbial_endings) and len(low) > 4:
        return True
    # "Hours later, Trump …", "Outside the arena, …", "Last year, he …": a word capitalised
    # only as the sentence's first, written in lower case elsewhere in the text, and no pronoun,
    # determiner or speaker noun
    # (a plural opens a sentence as its subject, "Companies echoed …", unless a time adverb
    # follows it: "Hours later, …", "Minutes later, …")
    toks = ctx.tokens
    if lo + 1 < len(toks) and toks[lo + 1].lower in lex.time_adverbs and not wc.is_pronoun(lo):
        return True
    plural = low.endswith("s") and not low.endswith("ss")
    return t.is_cap and not plural and not wc.is_pronoun(lo) and not wc.is_det(lo) \
        and not wc.is_anchor(lo) and occurs(ctx.text, low, False)


def after_participle_opener(ctx: Context, cue: int, lo: int) -> bool:
    """"by saying", "after initially saying", "while saying": a participle cue whose speaker is
    the subject of the clause (``lo``: the first token of the sentence)."""
    j = cue - 1
    if j > lo and ctx.wc.is_adverb(j):
        j -= 1
    return j >= lo and ctx.tokens[j].lower in ctx.lex.participle_openers


#: words of a time read back between a document and its participle, at most ("a statement
#: on Tuesday evening saying")
_TIME_WORDS = 4


def _before_time(ctx: Context, k: int, lo: int) -> int:
    """Token ``k``, or the token before the time that ends at ``k`` ("a notice Tuesday", "a
    statement on Wednesday evening"; no further back than ``lo``)."""
    lex = ctx.lex
    j = k
    timed = False  # a weekday or part of the day among them, not only "on" (nor an adverb:
    # "with Cruz recently promising" is the participle's own subject)
    while j > lo and k - j < _TIME_WORDS:
        key = ctx.tokens[j].key
        if key in lex.weekdays or key in lex.day_parts:
            timed = True
        elif key not in lex.weekday_openers:
            break
        j -= 1
    return j if timed else k


def relative_subject(ctx: Context, d: Decision) -> bool:
    """The mention of ``d`` is the relative pronoun "who" of a clause inside its sentence ("Graham,
    who says …", "an architect who said …")."""
    if d.mention is None or d.mention[1] - d.mention[0] != 1:
        return False
    i = d.mention[0]
    return ctx.tokens[i].lower == "who" and i > 0 \
        and ctx.tokens[i - 1].sentence == ctx.tokens[i].sentence


def subject_before_cue(ctx: Context, cue: int, lo: int) -> Optional[Decision]:
    """``X said`` (with "X, an aide, said"); a participle takes the clause subject. (Found once
    per cue and sentence start: the quotation sieves and the reported-speech rules ask again for
    half of them. The tokens never change once made; each caller gets its own `Decision`, as
    runners stamp their rule's name on it.)"""
    key = (cue, lo)
    known = ctx.subjects
    if key not in known:
        d = _subject_before_cue(ctx, cue, lo)
        known[key] = None if d is None else (d.mention, d.cue, d.appositive)
    found = known[key]
    if found is None:
        return None
    return Decision(mention=found[0], cue=found[1], appositive=found[2])


def _subject_before_cue(ctx: Context, cue: int, lo: int) -> Optional[Decision]:
    wc, toks = ctx.wc, ctx.tokens
    if toks[cue].lower.endswith("ing") and cue - 1 >= lo and (
            toks[cue - 1].text == "," or toks[cue - 1].key in wc.lex.documents
            or _before_time(ctx, cue - 1, lo) < cue - 1
            or after_participle_opener(ctx, cue, lo)):
        # (a time before the participle dates the clause's act: "published a notice Tuesday
        # saying", "sent a fundraising email Wednesday saying")
        # "Freeland says ..., calling it “inhumane”": the subject of the finite cue before, no
        # further back than a reported clause may be long
        first = max(lo, ctx.token_at_or_after(toks[cue].start - ctx.limits.max_report_chars))
        for c in range(cue - 2, first - 1, -1):
            if toks[c].quote < 0 and is_finite_cue(ctx, c):
                d = subject_before_cue(ctx, c, lo)
                if d and relative_subject(ctx, d):
                    continue  # "Mr. Trump, who said last week …, issued a statement saying":
                    # the relative clause's cue is not the clause's own
                if d:
                    return Decision(mention=d.mention, cue=(cue, cue + 1),
                                    appositive=d.appositive)
        np = subject_of_clause(ctx, cue)
        return Decision(mention=np, cue=(cue, cue + 1)) if np else None
    if cue - 1 >= lo and toks[cue - 1].lower in wc.lex.be_forms and toks[cue].lower.endswith("ed") \
            and cue + 2 < len(toks) and toks[cue + 1].lower in wc.lex.passive_prepositions \
            and not any(t.lower in wc.lex.cue_forms for t in toks[cue + 2:cue + 8]):
        # "the meeting would be remembered as “…”", "was described as “…”", "will be
        # remembered for his “odd odes”": a passive names no speaker before it (BBC corpus: 19
        # "be …ed as" before a quotation); "is quoted as saying", "was quoted by the paper as
        # saying" keep their subject
        return None
    j = skip_adverbs(ctx, cue - 1, lo)
    if j >= lo and toks[j].lower == "who" and j - 1 >= lo and toks[j - 1].text == ",":
        # "Dianne Feinstein, ..., who said ...": the relative pronoun stands for the name before
        return Decision(mention=(j, j + 1), cue=(cue, cue + 1))
    np = np_before(wc, j, lo, ctx.limits.max_mention_tokens)
    if np and toks[cue].lower in wc.lex.cue_nouns and any(
            toks[x].possessive or toks[x].lower in wc.lex.possessive_determiners
            for x in range(*np)):
        return None  # "Mr. Trump's remarks", "his comments": a noun, not a speaker and verb
    verb = wc.lex.cue_forms.get(toks[cue].lower)
    if np and verb is not None and toks[cue].lower == verb.lemma \
            and (_singular_article(ctx, np) or toks[np[1] - 1].possessive):
        # "a fundraising call", "a Trumpian post", "AP's report", "Trump's call": a verb's
        # bare form after "a" or a possessive is a noun
        return None
    if np:
        if np[0] - 2 >= lo and toks[np[0] - 1].text == "," and _describes(ctx, np):
            # "Anais Faraj, an analyst at Nomura told": an appositive whose closing comma the
            # writer left out (about 30 BBC corpus quotes); the full name before it speaks (the
            # description is tested first: it is the cheaper test)
            outer = _full_name_before(ctx, np[0] - 1, lo)
            if outer is not None:
                return Decision(mention=outer, cue=(cue, cue + 1), appositive=np)
        if np[0] - 2 >= lo and toks[np[0] - 1].lower == "and":
            # "Tore Sohlberg and Lehla Abreder said": both are the speakers
            other = np_before(wc, np[0] - 2, lo, ctx.limits.max_mention_tokens)
            if other is not None and wc.is_name_word(np[0] - 2) and wc.is_name_word(np[1] - 1):
                np = (other[0], np[1])
        return Decision(mention=np, cue=(cue, cue + 1))
    if j >= lo and toks[j].text in _APPOSITION_MARKS:  # "Solomon Yue, an RNC committeeman, said"
        # (or between dashes: "Alan Beith - who chairs the committee - said")
        mark = toks[j].text
        nearest = None
        for c in range(j - 1, max(lo, j - ctx.limits.subject_window_tokens) - 1, -1):
            if toks[c].quote >= 0:
                break
            if toks[c].text != mark:
                continue
            if nearest is None:
                # "Ross Walker, economist at Acme Bank, said": a full name before the first
                # comma is the speaker, whatever the appositive holds
                outer = _full_name_before(ctx, c, lo)
                if outer is not None:  # (or "As Tom Ridge, a former secretary, put it: “…”")
                    return Decision(mention=outer, cue=(cue, cue + 1), appositive=(c + 1, j))
                # "One red-state Democrat, Montana Sen. Jon Tester, said": the name between
                # (not the state after a town: "Clinton, at a town hall in Columbus, Ohio, said")
                inner = np_before(wc, j - 1, c + 1, ctx.limits.max_mention_tokens)
                if inner and inner[0] == c + 1 and wc.is_name_word(inner[1] - 1) \
                        and toks[c + 1].is_cap and not (_after_place(ctx, c, lo)
                                                        and _place_like(ctx, inner)):
                    return Decision(mention=inner, cue=(cue, cue + 1),
                                    appositive=preposed_description(ctx, c, lo)
                                    if mark == "," else None)
            np = np_before(wc, c - 1, lo, ctx.limits.max_mention_tokens)
            if np and (np[0] == lo or _after_quotation(ctx, np[0], lo)):
                # the phrase that opens the sentence, however long the appositive: "A White
                # House official, who requested anonymity ..., said"
                return Decision(mention=np, cue=(cue, cue + 1), appositive=(c + 1, j))
            if np and toks[np[1] - 1].is_cap and nearest is None:
                nearest = Decision(mention=np, cue=(cue, cue + 1), appositive=(c + 1, j))
        return nearest or _opening_subject(ctx, cue, lo)
    if j > lo and toks[j].lower in wc.lex.cue_coordinators and cue + 1 < len(toks) \
            and (toks[cue + 1].text == ":" or toks[cue + 1].quote >= 0) \
            and not toks[cue].lower.endswith("ing"):
        # "Dunne is keen to put that behind him and said: “…”": the second of two coordinated
        # verbs, introducing a quotation, has the subject of the first: of the nearest cue
        # before ("…, but his lawyer, Jo Reed, told the BBC it was absurd and added: “…”"),
        # else the clause's (BBC corpus: 7 such cues were left without a speaker; reported
        # speech has a coordination rule of its own)
        for c in range(j - 1, lo - 1, -1):
            if toks[c].quote < 0 and is_finite_cue(ctx, c):
                d = subject_before_cue(ctx, c, lo)
                if d is not None and d.mention is not None:
                    return Decision(mention=d.mention, cue=(cue, cue + 1),
                                    appositive=d.appositive)
                break
        subject = subject_of_clause(ctx, cue)
        if subject is not None and subject[1] <= j and not any(
                toks[x].lower in wc.lex.subordinators for x in range(subject[1], j)):
            # (not across a subordinate clause: "X was the butt of a gaffe when the host
            # opened the envelope and declared “…”")
            return Decision(mention=subject, cue=(cue, cue + 1))
    if j >= lo and toks[j].is_word and not toks[cue].lower.endswith("ing"):
        return _opening_subject(ctx, cue, lo)
    return None


def quoted_source(ctx: Context, d: Decision) -> Optional[Decision]:
    """"The Times quoted an insider in the talks as saying …", "Reuters quoted Ana Ruiz, an
    analyst, as saying …": with a cue of ``quoting`` (data/cue_roles.tsv), the one quoted
    before "as" and an "-ing" cue is the speaker, not the paper that quoted them (18 BBC corpus
    sentences). None when ``d`` has no such cue."""
    if d.cue is None:
        return None
    toks, wc = ctx.tokens, ctx.wc
    c = d.cue[0]
    verb = ctx.lex.cue_forms.get(toks[c].lower)
    if verb is None or verb.lemma not in ctx.lex.quoting_cues:
        return None
    hi = sentence_range(ctx, c)[1]
    np = np_after(wc, c + 1, hi, ctx.limits.max_mention_tokens)
    if np is None:
        return None
    app = appositive_after(wc, np[1], hi, ctx.limits.max_appositive_tokens)
    k = app[1] + 1 if app is not None and app[1] < hi and toks[app[1]].text == "," else np[1]
    for x in range(k, min(hi - 1, k + _QUOTED_PHRASE_TOKENS + 1)):
        # (a short phrase may describe the one quoted: "an insider in the talks as saying")
        if toks[x].lower == "as" and wc.is_cue(x + 1) and toks[x + 1].lower.endswith("ing"):
            return Decision(mention=np, cue=(x + 1, x + 2), appositive=app)
        if not toks[x].is_word:
            break
    return None


#: "quoted an insider in the talks as saying": words between the one quoted and "as", at most
_QUOTED_PHRASE_TOKENS = 4


def unclosed_appositive(ctx: Context, np: tuple[int, int], hi: int) -> Optional[Decision]:
    """“…,” Anais Faraj, an analyst at Nomura told …: the full name ``np``, a description after
    its comma that the writer did not close, then the cue (about 30 BBC corpus quotes)."""
    if not _full_name(ctx, np):
        return None
    found = _unclosed(ctx, np[1], hi, beliefs=False)
    return Decision(mention=np, cue=(found[1], found[1] + 1), appositive=found[0]) \
        if found is not None else None


def unclosed_before_verb(ctx: Context, j: int, hi: int) -> Optional[tuple[int, int]]:
    """The description after the comma at token ``j`` that runs, unclosed, up to a speech or
    belief verb ("Ann Simpson, marketing manager at Snappy Snaps believes …"): its range."""
    found = _unclosed(ctx, j, hi, beliefs=True)
    return found[0] if found is not None else None


def _unclosed(ctx: Context, j: int, hi: int, *,
              beliefs: bool) -> Optional[tuple[tuple[int, int], int]]:
    """(the appositive's range, the verb's token) for a description after the comma at token
    ``j`` whose closing comma is missing before a finite cue (or a belief verb), else None."""
    toks = ctx.tokens
    if j + 2 >= hi or toks[j].text != ",":
        return None
    end = 0  # the appositive ends at an aside between dashes ("… Bank - one of its creditors -")
    for k in range(j + 2, min(hi, j + 1 + ctx.limits.max_appositive_tokens)):
        t = toks[k]
        if t.text in _APPOSITION_MARKS and t.text != "," and t.start > toks[k - 1].end:
            end = end or k
            continue
        if not t.is_word and t.text not in "-&'":
            return None
        if is_finite_cue(ctx, k) or (beliefs and not t.is_cap
                                     and t.lower in ctx.lex.belief_forms):
            app = (j + 1, end or k)
            return (app, k) if _describes(ctx, app) else None
    return None


def _full_name_before(ctx: Context, comma: int, lo: int) -> Optional[tuple[int, int]]:
    """The full name that ends just before the comma at token ``comma`` and opens its clause
    (the sentence start, after a comma or a conjunction such as "as"): two or more name words,
    none a title or possessive ("Ross Walker, …"); else None."""
    toks = ctx.tokens
    outer = np_before(ctx.wc, comma - 1, lo, ctx.limits.max_mention_tokens)
    if outer and _full_name(ctx, outer) and (
            outer[0] == lo or toks[outer[0] - 1].text == ","
            or toks[outer[0] - 1].lower in ctx.lex.subject_openers):
        return outer
    return None


def preposed_description(ctx: Context, comma: int, lo: int) -> Optional[tuple[int, int]]:
    """The description that opens its clause and ends just before the comma at token ``comma``,
    when a name set off by commas follows it: "The head of the state-owned Acme company, Jo
    Reed, said", "A downcast Wales coach, Jo Reed, observed", "The chief inspector of schools,
    Jo Reed, said" (its title and affiliation are the name's). Its words: a determiner, then
    modifiers, names or possessives, then title words that head it, then perhaps a preposition
    and its object; no cue or relative word. (31 "<The/A … title …>, First Last, said" in the
    BBC corpus, 16 of them without a title before this.) Else None."""
    toks, wc, lex = ctx.tokens, ctx.wc, ctx.lex
    s = comma
    while s - 1 >= lo and comma - s < ctx.limits.max_mention_tokens and toks[s - 1].is_word \
            and not wc.is_cue(s - 1) and toks[s - 1].lower not in lex.relatives \
            and not ctx.text[toks[s - 1].end:toks[s].start].strip():
        s -= 1  # (a sentence away from quotations is tokenised only around its names: the
        # words must follow one another)
    if s == comma or not (s == lo or _after_quotation(ctx, s, lo)):
        return None
    if toks[s].lower in lex.subject_openers and not wc.is_det(s):
        s += 1  # "But the head of …"
    x = s + 1 if s < comma and wc.is_det(s) else s
    first = x
    while x < comma and not wc.is_title(x):
        low = toks[x].lower
        if not (wc.is_name_word(x) or toks[x].possessive or wc.is_modifier(x)) \
                or x - first >= _PREPOSED_MODIFIERS or low in lex.coordinators \
                or low in lex.possessive_determiners or low in lex.auxiliaries:
            return None  # ("The tourists had gone through X undefeated but their captain")
        x += 1
    if x == comma:
        return None
    while x < comma and wc.is_title(x):
        x += 1
    if x < comma and toks[x].lower not in lex.np_prepositions \
            and toks[x].lower not in lex.affiliation_prepositions:
        return None
    return (s, comma)


def _full_name(ctx: Context, np: tuple[int, int]) -> bool:
    """The phrase ``np`` is a person's full name: two or more name words, none a title, a
    possessive or an organisation word ("Ross Walker", not "Acme Bank" or "Tom's")."""
    wc, toks = ctx.wc, ctx.tokens
    return np[1] - np[0] >= 2 and all(
        wc.is_name_word(x) and not wc.is_title(x) and not toks[x].possessive
        and toks[x].key not in ctx.lex.org_words for x in range(*np))


def _after_quotation(ctx: Context, i: int, lo: int) -> bool:
    """Token ``i`` follows a quotation that opens its sentence and the comma after it ("“…,”
    an intelligence source, who was not authorized to speak, told Fox News"): it opens the
    clause the way a sentence's first word does."""
    toks = ctx.tokens
    j = i - 1
    if j >= lo and toks[j].text == ",":
        j -= 1
    return j == lo and j < i and toks[j].quote >= 0


def _after_place(ctx: Context, comma: int, lo: int) -> bool:
    """The comma at token ``comma`` follows a name after a preposition ("in Columbus,", "of
    Flint,"): what follows it is the state or country of that place ("Ohio", "Mich."), not a
    speaker (only when that phrase is `_place_like`: "The BBC's correspondent in Jakarta,
    Rachel Harvey, told" keeps its speaker). PolNeAR dev: 2 speakers taken as their state
    ("Clinton, during a town hall in Columbus, Ohio, said"); BBC corpus: 10 quotes change, 8 to
    the right speaker ("Andrew Fisher, from Omaha, Nebraska, said", "Mr Johnson, MP for
    Henley-on-Thames, Oxfordshire, said"), 2 from one wrong place to another."""
    toks, lex = ctx.tokens, ctx.lex
    k = comma - 1
    if k < lo or not ctx.wc.is_name_word(k):
        return False
    while k > lo and ctx.wc.is_name_word(k - 1) and toks[k - 1].is_cap:
        k -= 1
    if k - 1 < lo:
        return False
    low = toks[k - 1].lower
    return low in lex.setting_prepositions or low in lex.np_prepositions \
        or low in lex.subject_prepositions


def _place_like(ctx: Context, np: tuple[int, int]) -> bool:
    """The phrase ``np`` may name a state or country: no first name, title or honorific in it
    ("Ohio", "New Hampshire", not "Sarah Mukasa", "Sir Andrew Green", "Dr Vancheshwar")."""
    wc, lex = ctx.wc, ctx.lex
    return not any(ctx.tokens[x].lower in lex.first_names or wc.is_title(x)
                   or wc.title_len[x] for x in range(*np))


def _describes(ctx: Context, np: tuple[int, int]) -> bool:
    """The phrase ``np`` describes a person and names no one: a title stands in it, ending it or
    followed by a preposition ("an analyst at Nomura", "Acme chief executive", "head of
    Preventon"; not "chief executive Tom Reed" nor "Tom Reed")."""
    wc = ctx.wc
    last = max((x for x in range(*np) if wc.is_title(x)), default=-1)
    return last >= 0 and (last + 1 == np[1]
                          or ctx.tokens[last + 1].lower in ctx.lex.np_prepositions)


def _singular_article(ctx: Context, np: tuple[int, int]) -> bool:
    """The phrase ``np`` opens with an indefinite article of one thing ("a", "an", "another")
    and heads no count or plural ("a third say", "a group of voters say"): it takes no bare verb
    form ("a source say" is no clause; "a wake-up call", "a Twitter post" are nouns)."""
    toks, lex = ctx.tokens, ctx.lex
    low = toks[np[0]].lower
    head = toks[np[1] - 1].lower
    plural = head.endswith("s") and not head.endswith(lex.non_plural_endings)
    return low in lex.articles and lex.determiners.get(low) == "indefinite" \
        and head.split("-")[0] not in lex.count_words and head not in lex.group_nouns \
        and not plural


#: the marks that set an appositive or a relative clause between a speaker and the cue: commas,
#: and dashes (18 times in the BBC corpus: "Florian Hamm - the club's largest investor - said")
_APPOSITION_MARKS = frozenset(",-\u2013\u2014")


def _opening_subject(ctx: Context, cue: int, lo: int) -> Optional[Decision]:
    """"Some voters who have listened ..., said", "An official familiar with the case said":
    the noun phrase that opens the sentence, when it names a speaker and the cue is near."""
    if cue - lo > ctx.limits.subject_window_tokens:
        return None
    first = lo
    while first < cue and ctx.tokens[first].lower in ctx.lex.subject_preambles:
        first += 1  # "Even the organizer of a pro-Trump rally said"
    np = np_after(ctx.wc, first, cue, ctx.limits.max_mention_tokens)
    if np is None or np[1] >= cue:
        return None
    head = np[1] - 1
    if not (ctx.wc.is_anchor(head) or ctx.wc.is_name_word(head)):
        return None
    after = ctx.tokens[np[1]]
    if after.text != "," and after.lower not in ctx.lex.postmodifier_openers and not (
            after.lower.endswith("ing") and not after.is_cap):
        return None  # "Republican activists clamoring to block Trump say" is fine
    return Decision(mention=np, cue=(cue, cue + 1))
    return None


def inverted_after_cue(ctx: Context, cue: int, hi: int) -> Optional[Decision]:
    """``said X`` with an optional appositive ``, director of ...``."""
    toks, wc = ctx.tokens, ctx.wc
    verb = ctx.lex.cue_forms.get(toks[cue].lower)
    if verb is None or verb.lemma not in ctx.lex.inversion_cues:
        return None  # "called AP's report a “rush”": what follows is the object
    if cue > 0 and toks[cue - 1].lower == "to":
        return None  # "at a loss to explain its popularity:": an infinitive has no subject after it
    np = np_after(wc, cue + 1, hi, ctx.limits.max_mention_tokens)
    if not np:
        return None
    if np[1] - np[0] > 1 and toks[np[0]].lower in ctx.lex.possessive_pronouns \
            and not (wc.is_anchor(np[1] - 1) or wc.is_name_word(np[1] - 1)):
        return None  # "explained his plans": an object; "said his spokesman" is a speaker
    app = appositive_after(ctx.wc, np[1], hi, ctx.limits.max_appositive_tokens)
    return Decision(mention=np, cue=(cue, cue + 1), appositive=app)
