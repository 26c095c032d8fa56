"""Stage 4: speaker noun phrases next to a cue, and what they say about the speaker.

A mention is read off the tokens before a cue ("State Department spokeswoman Morgan Ortagus said")
or after it ("said Randa Slim, director of ..."), in windows of at most ``max_mention_tokens``.
`analyse` splits a mention into name, title (role) and affiliation.
"""

from __future__ import annotations

from typing import Callable, NamedTuple, Optional, Sequence, get_args

from ..lexicon import Lexicon
from ..model import Gender, SpeakerKind
from .tokens import Token

__all__ = ["WordClasses", "MentionInfo", "party_plural", "group_head", "appositive_fields",
           "np_before", "np_after", "appositive_after", "after_place", "analyse",
           "last_name_words", "skip_parenthesis"]


#: a short parenthesis after a name ("(R-Fla.)") closes at most this many tokens after it opens
_PARENTHESIS_TOKENS = 8
#: a title is at most this many words (the longest of titles.tsv, "secretary of state", has three)
_MAX_TITLE_WORDS = 4
#: lower-case words read back before the head of an unnamed speaker ("the rookie defenceman")
_MAX_MODIFIERS = 3
#: tokens read back from the end of a speaker phrase for "close to" / "familiar with" ("people
#: familiar with the talks"): the object after them is at most this long
_POSTMODIFIER_OBJECT_TOKENS = 6
#: numbers and quantity words before the head of a count subject ("About 4 in 10"), at most
_MAX_COUNT_TOKENS = 5
#: modifiers and capitalised words before a bare plural ("Top advisers"), at most
_MAX_PLURAL_MODIFIERS = 4
#: a person's name is its last capitalised words, at most this many ("Anne Marie Cerato")
PERSON_NAME_WORDS = 3


def skip_parenthesis(tokens: Sequence[Token], k: int, hi: int) -> int:
    """The index after a short "(R-Fla.)" at ``k``, or ``k`` when there is none."""
    if k < hi and tokens[k].text == "(":
        for x in range(k + 1, min(hi, k + _PARENTHESIS_TOKENS + 1)):
            if tokens[x].text == ")":
                return x + 1
    return k

#: the genders a speaker may have (a pronoun's "unknown" or "neuter" shows none)
_GENDERS = frozenset(get_args(Gender))


class WordClasses:
    """Word-class tests over tokens, from the lexicon; titles may span several tokens."""

    def __init__(self, lex: Lexicon, tokens: Sequence[Token],
                 readers: Optional[frozenset[str]] = None):
        self.lex = lex
        self.tokens = tokens
        #: the title and affiliation readers to run (`READER_NAMES`; all when None)
        self.readers = READER_NAMES_SET if readers is None else readers
        # the capitalised words (only they may be names) and the words that may start a title
        # (most words are neither), found in one pass over the tokens: cheaper than two
        caps: list[int] = []
        title_opens: list[int] = []
        add_cap, add_open, title_starts = caps.append, title_opens.append, lex.title_starts
        for k, t in enumerate(tokens):
            if t.is_cap:
                add_cap(k)
            if t.key in title_starts:
                add_open(k)
        self.title_len = self._titles(tokens, title_opens)
        stop, cues, firsts = lex.name_stopwords, lex.cue_forms, lex.first_names
        names = [False] * len(tokens)
        #: the indexes of the name words, in order (the capitalised runs start among them)
        self.name_indexes: list[int] = []
        name_indexes = self.name_indexes
        for k in caps:  # (only capitalised words may be names)
            t = tokens[k]
            # "Asked if he ...": a capitalised cue verb that opens its sentence is no name;
            # "State" (in "State Department") is
            if t.lower in cues and (k == 0 or tokens[k - 1].sentence != t.sentence):
                continue
            if t.key in stop:
                # "April Ryan", "Will Carter": a first name that is also a month or a verb is a
                # name when another capitalised word follows
                nxt = tokens[k + 1] if k + 1 < len(tokens) else None
                if not (t.key in firsts and nxt is not None and nxt.is_cap
                        and nxt.sentence == t.sentence and nxt.key not in stop) \
                        and not (t.key in lex.weekdays and self._weekday_in_name(k)):
                    continue
            names[k] = True
            name_indexes.append(k)
        # (particles stand inside a run of name words, never at its start: not listed)
        self._particles(tokens, names, caps)
        self.name_word = names
        #: words already looked up by `named_inside` and `common_word`
        self._named: dict[str, bool] = {}
        self._common: dict[str, bool] = {}
        #: mentions already read by `analyse`, by (token range, appositive): the word classes
        #: are those of one document, so its text is the same for every mention
        self.analysed: dict[tuple[tuple[int, int], Optional[tuple[int, int]]], MentionInfo] = {}

    def _weekday_in_name(self, k: int) -> bool:
        """The capitalised weekday at ``k`` opens a name ("the Sunday Telegraph", "Sunday
        Times journalist …"): a `Lexicon.weekday_name_words` word follows, capitalised, and no
        "on"/"last"/"this" stands before it ("On Sunday Times readers …": an adverbial). (33
        "Sunday <Paper>" in the BBC corpus, whose affiliation and speaker lost the weekday;
        every other capitalised word after a weekday there, and in wire copy's "said Tuesday
        Obama would", is no part of a name.)"""
        toks, lex = self.tokens, self.lex
        t = toks[k]
        if k + 1 >= len(toks) or t.possessive:
            return False
        nxt = toks[k + 1]
        if not (nxt.is_cap and nxt.sentence == t.sentence and nxt.key in lex.weekday_name_words):
            return False  # ("said Tuesday Obama would veto it", "Every Sunday Brown goes")
        prev = toks[k - 1] if k > 0 else None
        return prev is None or prev.sentence != t.sentence or not (
            prev.lower in lex.weekday_openers or prev.lower in lex.period_openers)

    def _particles(self, tokens: Sequence[Token], names: list[bool], caps: list[int]) -> None:
        """Mark the lower-case particles inside a name as name words: "Rodrigo de Rato", "Edwin
        van der Sar", "Osama bin Laden", "Bashar al-Assad" (about 150 such names in the BBC
        corpus and eval texts, which the name model cut at the particle): one or two particles
        after a capitalised word (at ``caps``), before another one of the same sentence; or a
        word such as "al-Assad" after one."""
        particles, prefixes = self.lex.name_particles, self.lex.name_particle_prefixes
        n = len(tokens)
        for k in caps:
            if k + 2 >= n:
                continue
            t = tokens[k]
            nxt = tokens[k + 1]
            if nxt.is_cap or t.possessive or nxt.sentence != t.sentence:
                continue
            low = nxt.lower
            if low not in particles:
                # (the hyphen looked for first: every prefix has one, as the test after says)
                if "-" in low and low.startswith(prefixes) \
                        and nxt.text[low.index("-") + 1:][:1].isupper():
                    names[k + 1] = True  # "Bashar al-Assad"
                continue
            e = k + 2
            if e < n and tokens[e].lower in particles and not tokens[e].is_cap:
                e += 1  # "van der"
            if e < n and tokens[e].is_cap and tokens[e].sentence == t.sentence:
                for x in range(k + 1, e):
                    names[x] = True

    def _titles(self, tokens: Sequence[Token], opens: list[int]) -> list[int]:
        """For each token, the number of tokens of the title it is part of (0 if none); the
        tokens at ``opens`` (in order) are the ones whose word may start a title."""
        n_tok = len(tokens)
        flags = [0] * n_tok
        lex = self.lex
        titles, hon, firsts = lex.titles, lex.honorifics, lex.title_first_words
        name_titles, firsts_names = lex.name_titles, lex.first_names
        lengths = lex.title_lengths
        free = 0  # the first token not inside a title found
        for i in opens:  # (only the words that may start a title: most words are none)
            if i < free:
                continue
            key = tokens[i].key
            matched = 0
            if key in firsts:
                # (only the lengths of the titles that open with the word are joined)
                for n in lengths.get(key, ()):
                    if n <= _MAX_TITLE_WORDS and i + n <= n_tok \
                            and " ".join([t.key for t in tokens[i:i + n]]) in titles:
                        matched = n
                        break
            if not matched and (key in titles or key in hon):
                matched = 1
                if key in name_titles and i + 1 < n_tok and self._name_follows(i):
                    matched = 0  # "Lord Falconer", "Sir Alex Ferguson": part of the name
                elif key not in hon and i > 0 and tokens[i].is_cap and (
                        tokens[i - 1].key in hon or tokens[i - 1].is_cap
                        and tokens[i - 1].key in firsts_names) and not (
                            i + 1 < n_tok and tokens[i + 1].is_cap
                            and tokens[i + 1].sentence == tokens[i].sentence):
                    matched = 0  # "Mr Lock", "Brett Lock", "Mr Champion": a surname ("Mr
                    # Justice Smith" is a title; the BBC corpus writes a title word capitalised
                    # after a courtesy title only so, and as a surname twice)
            for k in range(i, i + matched):
                flags[k] = matched
            free = i + (matched or 1)
        return flags

    def common_word(self, text: str, i: int) -> bool:
        """Token ``i`` opens its sentence and is a common word, not a name: the text writes it
        in lower case elsewhere and never capitalised inside a sentence ("Lawyers said",
        "Others argue", "Any exit strategy"; not "Young said" where "Ashley Young" or "Mr
        Young" stands elsewhere)."""
        toks = self.tokens
        tok = toks[i]
        if i > 0 and toks[i - 1].sentence == tok.sentence or not tok.text.isalpha() \
                or tok.text.isupper():
            return False
        word = tok.text
        known = self._common.get(word)
        if known is None:  # (two searches of the text per word, once: asked per mention, they
            # made a text of many sentences quadratic)
            known = self._common[word] = occurs(text, word.lower(), False) \
                and not occurs(text, word, True)
        return known

    def named_inside(self, text: str, i: int) -> bool:
        """Token ``i`` is written, capitalised, inside a sentence somewhere in ``text`` ("Kasich"
        in "… said Kasich", not "Update" or "Warning" that only open sentences)."""
        word = self.tokens[i].bare
        if not word.isalpha():
            return False
        known = self._named.get(word)
        if known is None:  # one search of the text per word, however often it is asked
            known = self._named[word] = occurs(text, word, True)
        return known

    def _name_follows(self, i: int) -> bool:
        """A capitalised word of the same sentence that starts no title follows token ``i``
        ("Lord Falconer", not "Lord Chancellor" or "Lord, help us")."""
        toks, lex = self.tokens, self.lex
        nxt = toks[i + 1]
        return nxt.is_cap and nxt.is_word and nxt.sentence == toks[i].sentence \
            and nxt.key not in lex.titles and nxt.key not in lex.honorifics \
            and nxt.key not in lex.title_first_words

    def is_title(self, i: int) -> bool:
        return self.title_len[i] > 0

    def is_anchor(self, i: int) -> bool:
        """A word that can head a speaker mention by itself: a title, group, organisation or
        document noun."""
        low = self.tokens[i].key
        lex = self.lex
        return (self.title_len[i] > 0 or low in lex.group_nouns or low in lex.org_words
                or low in lex.documents)

    def is_name_word(self, i: int) -> bool:
        return self.name_word[i]

    def is_cue(self, i: int) -> bool:
        """A speech verb: lower case, or capitalised only where it opens its sentence."""
        t = self.tokens[i]
        if t.lower not in self.lex.cue_forms:
            return False
        return not t.is_cap or i == 0 or self.tokens[i - 1].sentence != t.sentence

    def is_postmodifier(self, i: int) -> bool:
        """Tokens ``i`` and ``i + 1`` are a pair of ``data/postmodifiers.tsv`` ("close to")."""
        toks = self.tokens
        return i + 1 < len(toks) and toks[i + 1].lower in self.lex.postmodifier_ends \
            and f"{toks[i].lower} {toks[i + 1].lower}" in self.lex.postmodifiers

    def is_det(self, i: int) -> bool:
        return self.tokens[i].lower in self.lex.determiners

    def is_pronoun(self, i: int) -> bool:
        """"he", and "he's" / "she'd" / "they've" as written before a cue ("he's said")."""
        low = self.tokens[i].lower
        return low in self.lex.pronouns or "'" in low and low.split("'")[0] in self.lex.pronouns

    def is_adverb(self, i: int) -> bool:
        t = self.tokens[i]
        if t.is_cap:
            return False  # "Kelly", "Reilly", "Daly": names, not adverbs
        low = t.lower
        if low in self.lex.adverbs:
            return True
        # "quickly", "reportedly"; but "the family", "her ally", "a rally" are nouns
        return low.endswith("ly") and len(low) > 4 and low not in self.lex.titles and not (
            i > 0 and (self.is_det(i - 1) or self.tokens[i - 1].possessive))

    def is_modifier(self, i: int) -> bool:
        """A lower-case word that may modify a title or noun ("western", "caretaker", "U.S.")."""
        t = self.tokens[i]
        low = t.lower
        lex = self.lex
        if t.is_cap:  # "Former England captain": a title modifier that opens its sentence
            return low in lex.title_modifiers and (
                i == 0 or self.tokens[i - 1].sentence != t.sentence)
        return (t.is_word and low not in lex.function_words
                and low not in lex.cue_forms and low not in lex.pronouns
                and low not in lex.adverbs and low not in lex.determiners)


def last_name_words(toks: Sequence[Token], i: int, j: int) -> int:
    """Where the last `PERSON_NAME_WORDS` capitalised words of the run ``toks[i:j]`` start, the
    particles among them not counted ("Edwin van der Sar" is three words)."""
    words = 0
    k = j
    while k > i and (words < PERSON_NAME_WORDS or not toks[k - 1].is_cap):
        k -= 1
        words += toks[k].is_cap
    return k


def glued_start(wc: WordClasses, text: str, i: int, j: int) -> int:
    """Where the name begins in the capitalised run ``tokens[i:j]``: after the words glued
    before its first name that are no part of it ("DJ Mike Read", "Tory Liam Fox",
    "American Serena Williams", "Chancellor of the Exchequer Gordon Brown"), and after an adverb
    that opens the sentence ("Again Roddick"); ``i`` where none is. A first name must follow
    such a word, and a surname the first name, so "Iain Duncan Smith" and "Mary Ann Jones" keep
    their words."""
    toks, firsts = wc.tokens, wc.lex.first_names
    if j - i >= 2 and toks[i].key in wc.lex.adverbs and toks[i].key not in firsts and (
            i == 0 or toks[i - 1].sentence != toks[i].sentence):
        i += 1  # "Again Roddick …", "First Mark Cueto …": an adverb opening the sentence
    # after "<title> of (the)" every word before the first name is the organisation's
    after_of = _after_title_of(wc, i) is not None
    for x in range(j - 2, i, -1):
        if toks[x].lower in firsts and (after_of or _no_name_word(wc, text, x - 1)):
            return x
    return i


def _no_name_word(wc: WordClasses, text: str, y: int) -> bool:
    """Token ``y`` of a capitalised run is a word that names no one: an acronym ("DJ", "MSP"),
    a title, organisation, group or affiliation word ("Tory", "American"), or a common word
    that opens the sentence and is written in lower case elsewhere in the text."""
    t = wc.tokens[y]
    lex = wc.lex
    key = t.key
    if key in lex.first_names or key in lex.name_titles:
        return False
    if len(key) > 1 and t.bare.isalpha() and t.bare.isupper():
        return True
    return key in lex.titles or key in lex.org_words or key in lex.affiliation_words \
        or key in lex.group_nouns or wc.common_word(text, y)


def title_of_before(wc: WordClasses, i: int, lo: int) -> Optional[int]:
    """The index of "of" when the words before the name at token ``i`` (no further back than
    ``lo``) are "<title> of (the) <words>": "Director of rugby Warren Gatland", "leader of the
    Commons Oliver Heald", "chief of staff John Kelly"; else None. The words are at most
    `_MAX_MODIFIERS` capitalised non-titles or lower-case modifiers."""
    toks = wc.tokens
    y = i
    while y - 1 > lo and i - y < _MAX_MODIFIERS and not wc.is_title(y - 1) \
            and not toks[y - 1].possessive and toks[y - 1].sentence == toks[i].sentence \
            and (toks[y - 1].is_cap or wc.is_modifier(y - 1)):
        y -= 1
    if y == i:
        return None
    z = _after_title_of(wc, y)
    return z if z is not None and z - 1 >= lo else None


def _after_title_of(wc: WordClasses, y: int) -> Optional[int]:
    """The index of "of" when token ``y`` follows "<title> of" or "<title> of the" in its
    sentence ("Chancellor of the Exchequer", "leader of the Commons"), else None."""
    toks = wc.tokens
    z = y - 1
    if z >= 0 and toks[z].lower == "the":
        z -= 1
    if z >= 1 and toks[z].lower == "of" and wc.is_title(z - 1) \
            and toks[z - 1].sentence == toks[y].sentence:
        return z
    return None


def occurs(text: str, word: str, inside: bool) -> bool:
    """``word`` stands in ``text`` as a whole word (and, with ``inside``, after a word or a
    , ; : and spaces: inside a sentence). Found with ``str.find``: no pattern is built per
    word."""
    n = len(word)
    at = text.find(word)
    while at >= 0:
        end = at + n
        if (at == 0 or not text[at - 1].isalnum()) and (end == len(text)
                                                        or not text[end].isalnum()):
            if not inside:
                return True
            k = at
            while k > 0 and text[k - 1] == " ":
                k -= 1
            if k < at and k > 0 and (text[k - 1].isalnum() or text[k - 1] in ",;:"):
                return True
        at = text.find(word, at + 1)
    return False


def _inner_name_modifier(wc: WordClasses, k: int, j: int, lo: int) -> bool:
    """A name word inside a common noun phrase ending at ``j``, after its determiner: "the GOP
    speechwriter", "an Iowa voter", "a Politico reporter" (the determiner is tested by the
    caller; "the LSE did" ends in a verb, no noun)."""
    toks, lex = wc.tokens, wc.lex
    return k - 1 >= lo and wc.is_name_word(k) and not toks[k].possessive \
        and toks[j].lower not in lex.auxiliaries and toks[j].lower not in lex.cue_forms \
        and not toks[j].lower.endswith("ed") \
        and (wc.is_det(k - 1) or wc.is_name_word(k - 1) or wc.is_modifier(k - 1))


def np_before(wc: WordClasses, j: int, lo: int, max_tokens: int, *,
              nested: bool = False) -> Optional[tuple[int, int]]:
    """Token range of the noun phrase ending at token ``j`` (scanning back no further than
    ``lo``). A ``nested`` phrase (the head of "X close to Y", a part of "A and B") is not
    extended again, so chains of such phrases cost one step each, not one call level each."""
    toks = wc.tokens
    if j >= lo and toks[j].text == ")":  # "Sen. Marco Rubio (R-Fla.) said"
        k = j - 1
        while k >= max(lo, j - _PARENTHESIS_TOKENS) and toks[k].text != "(":
            k -= 1
        if k >= lo and toks[k].text == "(":
            j = k - 1
    if j - 1 >= lo and toks[j].text == "%" and toks[j - 1].text[0].isdigit() \
            and toks[j - 1].end == toks[j].start:
        number = _bare_plural(wc, j - 1, lo)  # "42% say", "about 8% said"
        return (number[0], j + 1) if number is not None and j + 1 - number[0] <= max_tokens \
            else None
    if j < lo or not toks[j].is_word:
        return None
    modified = None if nested else _postmodified(wc, j, lo, max_tokens)
    if modified is not None:
        return modified
    if wc.is_pronoun(j):
        return (j, j + 1)
    anchored = wc.is_anchor(j) or wc.is_name_word(j)
    if not anchored:
        # "the rookie defenceman said", "one of the players said": determiner + nouns
        k = j
        while k - 1 >= lo and j - k < _MAX_MODIFIERS and (
                wc.is_modifier(k - 1) or _inner_name_modifier(wc, k - 1, j, lo)):
            k -= 1
        if k < j and k - 1 >= lo and wc.is_modifier(j):
            k = _comma_modifiers(wc, k, lo, j, max_tokens)  # "the tall, bearded man"
        if k - 1 >= lo and wc.is_modifier(j) and wc.is_det(k - 1):
            # "a spokesperson for the camp said": the title before "for the <noun>"
            owner = _title_before_prep(wc, k - 1, lo, j, max_tokens)
            if owner is not None:
                return (owner, j + 1)
        # "…, and some families said": a conjunction may stand before the determiner
        if k - 1 >= lo and wc.is_modifier(j) and wc.is_det(k - 1) and not (
                k - 2 >= lo and toks[k - 2].lower in wc.lex.function_words
                and toks[k - 2].lower not in wc.lex.subject_openers):
            i = k - 1
            if i - 2 >= lo and toks[i - 1].lower == "of" and wc.is_det(i - 2):
                i -= 2  # "one of the players"
            return (i, j + 1)
        plural = _bare_plural(wc, j, lo, nested=nested)
        return plural if plural is None or plural[1] - plural[0] <= max_tokens else None
    i = j
    preps, aff_preps = wc.lex.np_prepositions, wc.lex.affiliation_prepositions
    while i - 1 >= lo and j - i + 1 < max_tokens:
        k = i - 1
        p = toks[k]
        if not p.is_word:
            if p.text == "&" and k - 1 >= lo and wc.is_name_word(k - 1) and wc.is_name_word(i):
                i = k - 1  # "Marks & Spencer said": one name
                continue
            if i < j and wc.is_modifier(i) and not toks[i].is_cap:
                # "the lanky, bespectacled professor": adjectives set apart by a comma
                det = _comma_modifiers(wc, i, lo, j, max_tokens) - 1
                if det >= lo and wc.is_det(det):
                    i = det
            break
        if wc.is_det(k):
            i = k
            if k - 2 >= lo and toks[k].lower == "the" and toks[i + 1].is_cap \
                    and _joining_preposition(wc, k - 1, lo) and j - k + 2 < max_tokens:
                # "Rhian Beynon of the JCWI said", "a spokesman for the Home Office said": the
                # name or title before "of the"
                i = k - 1
                continue
            break
        if (p.lower in preps or p.lower in aff_preps) and _joining_preposition(wc, k, lo) \
                and (toks[i].is_cap or wc.is_det(i)):
            i = k
            continue
        if wc.is_name_word(k) or wc.is_anchor(k) or (p.possessive and p.is_cap):
            i = k
            continue
        if wc.is_modifier(k) and any(wc.is_anchor(x) for x in range(i, j + 1)):
            if toks[i].is_cap and not p.is_cap and p.lower not in wc.lex.title_modifiers \
                    and wc.is_title(i) and not wc.is_title(k) and "-" not in p.text \
                    and not toks[i].bare.isupper():  # ("ex-Foreign Secretary", "radio DJ")
                # "the president met Prime Minister Tony Blair", "plans to allow Home
                # Secretary Charles Clarke": a lower-case word before a capitalised title is
                # a verb or the like, unless it modifies titles ("former", "shadow")
                break
            i = k
            continue
        if wc.is_name_word(i) and not wc.is_title(i) and not p.is_cap and any(
                toks[x].lower == "of" for x in range(max(lo, i - _MAX_MODIFIERS - 2), i)):
            of_at = title_of_before(wc, i, lo)
            if of_at is not None and j - of_at + 2 < max_tokens:
                i = of_at - 1  # "Director of rugby Warren Gatland"
                continue
        if p.lower == "and" and k - 1 >= lo and wc.is_title(k - 1) and wc.is_title(j) \
                and not _named(wc, i, j + 1):
            i = k  # "the Labour peer and former minister": one person's two roles
            continue
        if p.lower in wc.lex.member_nouns and k - 1 >= lo and wc.is_name_word(i) \
                and toks[k - 1].sentence == p.sentence and toks[k - 1].key not in \
                wc.lex.affiliation_words:  # (not "Welsh legend Phil Bennett": a nationality
            # says less than the club the article gives him elsewhere)
            # "Barcelona star Ronaldinho": the team before the noun is the person's (66
            # "<Capitalised> star <Name>" in the BBC corpus); its name ends the mention
            x = k
            while x - 1 >= lo and j - x < max_tokens and wc.is_name_word(x - 1) \
                    and toks[x - 1].sentence == p.sentence and k - x < PERSON_NAME_WORDS:
                x -= 1
            if x < k and not (x - 1 >= lo and toks[x - 1].lower in wc.lex.coordinators):
                i = x  # (not "Only Fools and Horses star David Jason": a title with "and")
        break
    if not nested and i == j and toks[j].key in wc.lex.group_nouns:
        both = _joined_plural(wc, i, j, lo)
        if both is not None and both[1] - both[0] <= max_tokens:
            return both
    if wc.is_det(i) and i + 1 <= j and not toks[i + 1].is_cap:
        owner = _title_before_prep(wc, i, lo, j, max_tokens)  # "a spokesman for the council"
        if owner is not None:
            return (owner, j + 1)
    return (i, j + 1)


def _joining_preposition(wc: WordClasses, k: int, lo: int) -> bool:
    """Token ``k`` is a preposition that joins the name or title before it to the words after
    it in one mention: "Secretary of State", "Rhian Beynon of the JCWI", "a spokesman for the
    Home Office"; "from" after a person's name ("David Noone from Intervoice said": 6 BBC
    corpus quotes; not "Research from Halifax", a common word opening the sentence)."""
    toks, lex = wc.tokens, wc.lex
    low = toks[k].lower
    if k - 1 < lo:
        return False
    if low in lex.np_prepositions:
        return wc.is_title(k - 1) or wc.is_name_word(k - 1)
    return low in lex.affiliation_prepositions and k - 2 >= lo and wc.is_name_word(k - 1) \
        and not wc.is_title(k - 1) and toks[k - 1].key not in lex.org_words \
        and (wc.is_name_word(k - 2) or toks[k - 2].lower in lex.honorifics)


def _comma_modifiers(wc: WordClasses, i: int, lo: int, j: int, max_tokens: int) -> int:
    """Where a description starts when a comma stands before its modifiers at ``i`` and
    lower-case modifiers after a determiner stand before the comma ("the lanky, bespectacled
    professor", "a tall, bearded man"): the first of those modifiers, its determiner just
    before it; ``i`` otherwise. The determiner must open the phrase (after no word, a
    quotation or a cue), so "in the end, senior officials" stays two phrases."""
    toks = wc.tokens
    comma = i - 1
    if comma - 2 < lo or toks[comma].text != "," or toks[j].is_cap or not wc.is_title(j) \
            or any(not wc.is_modifier(x) or toks[x].is_cap for x in range(i, j)):
        return i  # (a person's title after modifiers only: "the market, former minister X")
    k = comma
    while k - 1 >= lo and comma - k < _MAX_MODIFIERS and wc.is_modifier(k - 1) \
            and not toks[k - 1].is_cap and not wc.is_anchor(k - 1) \
            and not toks[k - 1].lower.endswith("s"):  # (no noun: "many days, former staff")
        k -= 1
    det = k - 1
    if k == comma or det < lo or not wc.is_det(det) or j + 1 - det > max_tokens:
        return i
    if det - 1 >= lo and toks[det - 1].is_word and not wc.is_cue(det - 1):
        return i
    return k


def _title_before_prep(wc: WordClasses, det: int, lo: int, j: int,
                       max_tokens: int) -> Optional[int]:
    """Where the phrase starts when a title and a preposition stand before the determiner at
    ``det`` ("a spokesman for the council", "the head of the union"): the title's own
    determiner or first modifier; else None."""
    toks = wc.tokens
    t = det - 2
    if t < lo or toks[det - 1].lower not in wc.lex.np_prepositions or not wc.is_title(t):
        return None
    k = t
    while k - 1 >= lo and j - k < max_tokens and (
            wc.is_title(k - 1) or wc.is_modifier(k - 1)) and not toks[k - 1].is_cap:
        k -= 1
    if k - 1 >= lo and wc.is_det(k - 1):
        k -= 1
    return k if j - k < max_tokens else None


def _postmodified(wc: WordClasses, j: int, lo: int, max_tokens: int) -> Optional[tuple[int, int]]:
    """"people familiar with the talks", "a source close to her campaign": a speaker noun, a
    phrase of ``data/postmodifiers.tsv`` and its object, ending at token ``j``."""
    toks = wc.tokens
    ends = wc.lex.postmodifier_ends  # (the first test of `is_postmodifier`, without a call)
    for p in range(j - 1, max(lo, j - _POSTMODIFIER_OBJECT_TOKENS - 1), -1):  # the preposition
        t = toks[p]
        if not t.is_word:
            return None
        if t.lower in ends and p - 2 >= lo and wc.is_postmodifier(p - 1):
            head = np_before(wc, p - 2, lo, max_tokens, nested=True)
            if head is None and (wc.is_modifier(p - 2) or toks[p - 2].lower == "those"):
                head = (p - 2, p - 1)  # "people close to …", "those familiar with …"
            if head is None or wc.is_pronoun(head[0]) or j + 1 - head[0] > max_tokens:
                return None
            return (head[0], j + 1)
    return None


def _joined_plural(wc: WordClasses, i: int, j: int, lo: int) -> Optional[tuple[int, int]]:
    """"union members and leaders": a plural ending before "and"/"or" at ``i - 1``, joined to the
    phrase ``(i, j + 1)``; the plural itself is not joined again."""
    if i - 2 < lo or wc.tokens[i - 1].lower not in wc.lex.coordinators:
        return None
    first = _bare_plural(wc, i - 2, lo, nested=True)
    return (first[0], j + 1) if first is not None else None


def _bare_plural(wc: WordClasses, j: int, lo: int, *,
                 nested: bool = False) -> Optional[tuple[int, int]]:
    """"But opponents say", "Top advisers said", "most of them said", "46 percent said"."""
    toks, lex = wc.tokens, wc.lex
    t = toks[j]
    counts, openers = lex.count_words, lex.subject_openers
    if t.lower in lex.partitive_pronouns and j - 2 >= lo and toks[j - 1].lower == "of":
        i = j - 2  # "most of them", "many of whom"
    elif t.text[0].isdigit() or t.lower in lex.percent_words or \
            t.lower.split("-")[0] in counts:
        i = j
        quantity = lex.quantity_words
        while i - 1 >= lo and j - i < _MAX_COUNT_TOKENS and (toks[i - 1].text[0].isdigit()
                                              or toks[i - 1].lower in quantity
                                              or toks[i - 1].lower.split("-")[0] in counts):
            i -= 1  # "About 4 in 10", "46 percent", "Sixty-six percent", "Two in three"
    elif wc.is_modifier(j) and t.lower.endswith("s") \
            and not t.lower.endswith(lex.non_plural_endings) and len(t.lower) > 3:
        i = j
        while i - 1 >= lo and j - i < _MAX_PLURAL_MODIFIERS \
                and (wc.is_modifier(i - 1) or toks[i - 1].is_cap) \
                and toks[i - 1].lower not in openers:
            i -= 1  # "elected officials", "Top advisers", "Mrs. Clinton's campaign strategists"
    else:
        return None
    before = toks[i - 1] if i - 1 >= lo else None
    if not nested:
        both = _joined_plural(wc, i, j, lo)
        if both is not None:
            return both
    if before is None or before.text in ",;:-(" or before.lower in openers:
        return (i, j + 1)
    return None


def described_org_at(wc: WordClasses, k: int, hi: int) -> int:
    """Where the capitalised name starts after at most two lower-case words at token ``k`` that
    end in a word for an organisation or for people of a trade ("of brokers ING", "from
    anti-virus firm Sophos", "of administrators Rubin & Partners"); -1 when none does."""
    toks, lex = wc.tokens, wc.lex
    x = k
    while x < hi and x - k < 2 and not toks[x].is_cap and wc.is_modifier(x):
        x += 1
    if x == k or x >= hi or not toks[x].is_cap:
        return -1
    head = toks[x - 1].key
    return x if head in lex.org_words or head in lex.group_nouns or (
        head[-1:] == "s" and head[:-1] in lex.titles) else -1


def np_after(wc: WordClasses, i: int, hi: int, max_tokens: int, *,
             nested: bool = False) -> Optional[tuple[int, int]]:
    """Token range of the noun phrase starting at token ``i`` (scanning no further than ``hi``);
    a ``nested`` phrase (the object of "close to X") gets no postmodifier of its own."""
    toks = wc.tokens
    if i >= hi or not toks[i].is_word:
        return None
    if wc.is_pronoun(i):
        return (i, i + 1)
    k = i + 1 if wc.is_det(i) else i
    last_anchor = -1
    #: the possessive that is the phrase's first noun, before any preposition: "the foreign
    #: ministry's" in "the foreign ministry's consular-affairs office"
    owner = -1
    preps, aff_preps = wc.lex.np_prepositions, wc.lex.affiliation_prepositions
    while k < hi and k - i < max_tokens:
        t = toks[k]
        if not t.is_word:
            if t.text == "&" and k > i and k + 1 < hi and wc.is_name_word(k - 1) \
                    and wc.is_name_word(k + 1):
                k += 1  # "said Jo Reed of Ernst & Young": one name
                continue
            break
        if wc.is_name_word(k) or wc.is_anchor(k) or (t.possessive and t.is_cap):
            if owner == -1:
                owner = k if t.possessive else -2
            last_anchor = k
            k += 1
            continue
        if (t.lower in preps and k > i and toks[k - 1].is_word and k + 1 < hi and (
                toks[k + 1].is_cap or wc.is_det(k + 1))) or (
                t.lower in aff_preps and k > i and k + 1 < hi and (
                    toks[k + 1].is_cap or wc.is_det(k + 1) and k + 2 < hi and toks[k + 2].is_cap)
                and (wc.is_name_word(k - 1) or group_head(wc.lex, toks[k - 1]))):
            # ("said analysts from Citigroup", "said Jo Reed from Acme": the organisation)
            owner = -2 if owner == -1 else owner
            k += 1
            if wc.is_det(k):
                k += 1
            continue
        if t.lower in aff_preps and k > i and k + 2 < hi and not toks[k + 1].is_cap \
                and wc.is_name_word(k - 1) and toks[k - 1].is_cap:
            x = described_org_at(wc, k + 1, hi)
            if x > 0:  # "said David Rubin of administrators David Rubin & Partners" (6 BBC
                k = x  # corpus mentions: "of brokers ING", "from anti-virus firm Sophos")
                continue
        if t.lower == "and" and k > i and (wc.is_title(k - 1) or wc.is_modifier(k - 1)) \
                and _titled_name_at(wc, k + 1, hi, max_tokens - (k - i)):
            k += 1  # "said Nortel president and chief executive Bill Owens": one person's roles
            continue
        if wc.is_modifier(k):
            prev = toks[k - 1]
            if k > i and last_anchor == k - 1 and not prev.is_cap and owner != k - 1:
                # "a judge chastised ...": a lower-case head ends the phrase (not a possessive
                # that opens the phrase: it is its determiner)
                break
            if t.lower in wc.lex.auxiliaries or ("'" in t.text and not t.possessive) or (
                    t.lower.endswith(wc.lex.past_endings)
                    and (last_anchor >= 0 or _plural_noun(prev))
                    and k + 1 < hi and (toks[k + 1].is_cap or wc.is_det(k + 1))):
                break  # "the mega donor didn't", "Japan branded North Korea", "the show's
                # producers defended Rock": a verb
            k += 1
            continue
        break
    if last_anchor < 0:
        # "said the rookie defenceman", "says one of the players": determiner + nouns
        if wc.is_det(i) and k > i + 1 and wc.is_modifier(k - 1):
            return (i, k) if nested else _postmodifier_after(wc, i, k, hi, max_tokens)
        return None
    if nested:
        return (i, last_anchor + 1)
    return _postmodifier_after(wc, i, last_anchor + 1, hi, max_tokens)


def _plural_noun(t: Token) -> bool:
    """A lower-case word with a plural ending ("producers"; not "boss")."""
    return not t.is_cap and t.lower.endswith("s") and not t.lower.endswith("ss")


def _titled_name_at(wc: WordClasses, k: int, hi: int, limit: int) -> bool:
    """Title words or modifiers from token ``k`` then a person's name, within ``limit`` tokens:
    "chief executive Bill Owens", "BBC pundit Jon Edwards" (the second part of "<role> and
    <role> <name>")."""
    toks = wc.tokens
    x = k
    titled = False
    run = 0  # name words (no titles) in a row, the last ones read
    while x < hi and x - k < limit and toks[x].is_word and not toks[x].possessive and (
            wc.is_title(x) or wc.is_modifier(x) or wc.is_name_word(x)):
        if wc.is_title(x):
            titled, run = True, 0
        elif wc.is_name_word(x) and toks[x].key not in wc.lex.org_words:
            run += 1
        else:
            run = 0
        x += 1
    return titled and run >= 2


def _postmodifier_after(wc: WordClasses, i: int, e: int, hi: int,
                        max_tokens: int) -> tuple[int, int]:
    """``(i, e)``, or longer by "close to X" / "familiar with X" after it ("A source close to the
    family said"; the adjective may already end the phrase)."""
    if e >= hi:
        return (i, e)
    p = e - 1 if e - 1 > i and wc.is_postmodifier(e - 1) else \
        e if e + 1 < hi and wc.is_postmodifier(e) else -1
    if p < 0 or p + 2 >= hi:
        return (i, e)
    obj = np_after(wc, p + 2, hi, max_tokens, nested=True)
    if obj is None and wc.is_det(p + 2) and p + 3 < hi and wc.is_modifier(p + 3):
        obj = (p + 2, p + 4)  # "close to the family"
    return (i, obj[1]) if obj is not None and obj[1] - i <= max_tokens else (i, e)


def appositive_after(wc: WordClasses, j: int, hi: int,
                     max_tokens: int) -> Optional[tuple[int, int]]:
    """Token range of ", director of X" after a name ending before token ``j`` (ages skipped)."""
    toks = wc.tokens
    k = j
    if k >= hi or toks[k].text != ",":
        return None
    k += 1
    # ", 21," : an age, then perhaps a description
    if k < hi and toks[k].text.isdigit():
        if k + 1 < hi and toks[k + 1].text == ",":
            k += 2
        else:
            return None
    start = k
    if k >= hi or not (wc.is_det(k) or wc.is_anchor(k) or wc.is_modifier(k) or toks[k].is_cap
                       or _affiliation_opens(wc, k, hi)):
        return None
    if toks[k].lower in wc.lex.non_appositives or _participle_clause(wc, k, hi):
        return None
    while k < hi and k - start < max_tokens:
        t = toks[k]
        if not t.is_word and t.text not in "-&'":
            break
        if wc.is_cue(k) and k > start:
            return None  # ", the judge said" is a clause, not an appositive
        k += 1
    if k == start:
        return None
    return (start, k)


class MentionInfo(NamedTuple):
    """What one mention says about its speaker. (A named tuple, made with keywords: one is made
    per mention read, and a frozen attrs class costs more to build.)"""

    start: int  # character offsets of the whole mention
    end: int
    name: Optional[str]  # a proper name, as written ("Morgan Ortagus", "State Department")
    description: Optional[str]  # the mention without its determiner, for unnamed speakers
    head: str  # lower-case last word
    pronoun: Optional[str] = None
    kind: SpeakerKind = SpeakerKind.PERSON
    title: Optional[str] = None
    affiliation: Optional[str] = None
    definite: Optional[bool] = None  # None: no determiner
    gender: Optional[str] = None
    anonymous: bool = False
    document: bool = False
    capitalised_head: bool = False  # "the Kentucky Republican": a description in capitals
    owned: bool = False  # "his agent": a possessive pronoun is the determiner
    #: the organisation that owns the title, written only as "its" ("it") or as a common noun
    #: ("the carmaker's chief executive": "carmaker"); "" when none is
    owner: str = ""


def _join(text: str, toks: Sequence[Token]) -> str:
    return text[toks[0].start:toks[-1].end] if toks else ""


# --------------------------------------------------------------------------- title readers
#
# A mention's title and affiliation are read by a family of named rules (``READERS``): for each
# field, the first reader (in order) that finds a value gives it. ``Parser(rules={"title":
# [...]})`` runs only the named ones; `document_profile` (quotetrack.rules.resolve) then gives a
# speaker still without a title the one of the first mention of their full name.


class MentionParts(NamedTuple):
    """Where the parts of a mention lie, for the title readers: token indices into
    ``wc.tokens``, end-exclusive. (A named tuple: one is made per mention.)"""

    wc: WordClasses
    text: str
    first: int  # the first token after the determiner
    title_start: int  # the title words (and their modifiers) before the name, or the head
    title_end: int
    title_tokens: list  # of Token: the title words and modifiers of that range
    named: bool  # a name follows the title words
    tail: Optional[str]  # "Richard Shelby of Alabama": what follows "of"/"from" after a name
    #: (title, affiliation) of the appositive (", director of the X at Y"), read once, or None
    apposed: Optional[tuple[Optional[str], Optional[str]]]
    postnominal: Optional[str] = None  # "MP" of "Andrew Tyrie MP"


def _title_words(p: MentionParts) -> Optional[str]:
    """The title words before the name, or the title that heads the mention ("State
    Department spokeswoman Morgan Ortagus", "the prime minister")."""
    toks, wc = p.wc.tokens, p.wc
    if p.title_tokens and any(wc.is_title(x) and toks[x].lower not in wc.lex.honorifics
                              for x in range(p.title_start, p.title_end)):
        words = p.title_tokens
        while len(words) > 1 and words[-1].lower in wc.lex.courtesy_titles:
            # "MAB spokesman Dr Azzam Tamimi", "London mayor Mr Livingstone": the courtesy
            # title before the name is no part of the office (24 BBC corpus quotes)
            words = words[:-1]
        return _join(p.text, words)
    return None


def _honorific(p: MentionParts) -> Optional[str]:
    """An honorific that is an office, before a name ("Gen.", "Sen."; not "Mr" or "Dr")."""
    toks = p.wc.tokens
    if p.title_tokens and p.named and p.title_tokens[-1].lower in p.wc.lex.honorifics \
            and p.title_tokens[-1].lower not in p.wc.lex.courtesy_titles:
        return toks[p.title_end - 1].text
    return None


def _postnominal(p: MentionParts) -> Optional[str]:
    """The office written after the name ("Andrew Tyrie MP", "Guy Mansfield QC")."""
    return p.postnominal


def _name_of(p: MentionParts) -> Optional[str]:
    """"Richard Shelby of Alabama", "Ana Ruiz from the union": what follows the name."""
    return p.tail


def _words_before(p: MentionParts) -> Optional[str]:
    """The capitalised words before the title ("State Department spokeswoman", "Iraq's
    foreign minister" -> "Iraq")."""
    if not p.named and p.title_start == p.title_end and p.title_start > p.first \
            and p.wc.tokens[p.title_start - 1].is_cap:
        return None  # "Analysts said", "the Financial Times said": no title and no head noun
        # after the capitalised words, which are the speaker, not their affiliation (494
        # corpus quotes had their group or organisation name as its own affiliation)
    first = p.first
    while first < p.title_start and p.wc.is_modifier(first):
        first += 1  # ("Former England captain", "Fellow Lib Dem")
    toks = p.wc.tokens
    if first + 1 < p.title_start and toks[first].is_cap and not toks[first + 1].is_cap \
            and not p.wc.is_title(first + 1) and p.wc.common_word(p.text, first):
        first += 1  # "Civil rights group Liberty", "Security firms said": a common word
        # capitalised only where it opens the sentence, before a lower-case word, describes
    aff_toks = [t for t in after_place(p.wc.lex, toks[first:p.title_start]) if t.is_cap]
    if not aff_toks or aff_toks[-1].possessive and (aff_toks[-1].key in p.wc.lex.weekdays
                                                    or aff_toks[-1].key in p.wc.lex.time_adverbs):
        return None  # ("Wednesday's statement said", "Today's report": a day owns no statement;
        # 125 "<weekday>'s <noun>" in the BBC corpus)
    lex = p.wc.lex
    if p.title_tokens and p.title_tokens[-1].lower in lex.competition_titles and not all(
            t.key in lex.affiliation_words for t in aff_toks):
        return None  # "Former Olympic champion X", "Australian Open champion X": the words
        # name the competition won, no body the person speaks for (but "Australian world
        # champion X"; 91 BBC corpus quotes had such a competition as affiliation)
    for x in range(len(aff_toks) - 2, -1, -1):
        if aff_toks[x].possessive and lex.affiliation_words.get(aff_toks[x + 1].key) == "party":
            aff_toks = aff_toks[x + 1:]  # "Moazzam Begg's Labour MP X", "London's Labour
            break  # mayor": the party, not its constituent or city (7 BBC corpus quotes)
    if len(aff_toks) > 1 and aff_toks[-2].possessive and (
            lex.affiliation_words.get(aff_toks[-1].key) == "nationality"
            or aff_toks[-1].text.lower() in lex.countries):
        aff_toks = aff_toks[:-1]  # "Arsenal's Brazilian Edu", "Screen International's US
        # editor": the club or firm, not where the person is from or works (22 BBC corpus
        # quotes); the possessive is cut below
    affiliation = _join(p.text, aff_toks)
    if aff_toks[-1].possessive:
        ending = len(aff_toks[-1].text) - len(aff_toks[-1].bare)  # "Iraq's" -> "Iraq"
        affiliation = affiliation[: len(affiliation) - ending]
    return affiliation


def _owner_title(p: MentionParts) -> Optional[str]:
    """The office whose title owns the title: "the prime minister's official spokesman" ->
    "prime minister" (the person speaks for the office)."""
    toks, wc = p.wc.tokens, p.wc
    x = p.title_start - 1
    if p.title_start == p.title_end or x < p.first or not toks[x].possessive \
            or not wc.is_title(x):
        return None
    y = x
    while y - 1 >= p.first and (wc.is_title(y - 1) or wc.is_modifier(y - 1)) \
            and not toks[y - 1].possessive:
        y -= 1
    return p.text[toks[y].start:toks[x].start + len(toks[x].bare)]


def after_place(lex: Lexicon, toks: Sequence[Token]) -> Sequence[Token]:
    """The tokens after the last word that says where someone is based, and the place words
    before it ("a Los Angeles-based attorney": where one works, not whom one speaks for; 35
    BBC corpus quotes had a "-based" affiliation); all of ``toks`` when none does."""
    for x in range(len(toks) - 1, -1, -1):
        if toks[x].lower.endswith(lex.place_modifier_endings):
            return toks[x + 1:]
    return toks


def _appositive_title(p: MentionParts) -> Optional[str]:
    """", director of the Track II Dialogues initiative at the Middle East Institute": the
    appositive's title."""
    return p.apposed[0] if p.apposed else None


def _appositive_affiliation(p: MentionParts) -> Optional[str]:
    """The appositive's affiliation: the phrase after its title's "of", "at", "for"…"""
    return p.apposed[1] if p.apposed else None


TITLE = "title"
AFFILIATION = "affiliation"

#: the title and affiliation readers, in the order they are tried, with the field each reads
READERS: tuple[tuple[str, Callable[[MentionParts], Optional[str]], str], ...] = (
    ("title_words", _title_words, TITLE),
    ("honorific", _honorific, TITLE),
    ("postnominal", _postnominal, TITLE),
    ("name_of", _name_of, AFFILIATION),
    ("words_before_title", _words_before, AFFILIATION),
    ("owner_title", _owner_title, AFFILIATION),
    ("appositive_title", _appositive_title, TITLE),
    ("appositive_affiliation", _appositive_affiliation, AFFILIATION),
)
#: the readers' names, and `document_profile`, `described_profile`, `predicate_profile` and
#: `spokesperson_body`, the readers of quotetrack.rules.resolve that run once the speakers are
#: known
PROFILE_READERS = ("document_profile", "described_profile", "predicate_profile",
                   "spokesperson_body")
READER_NAMES = tuple(name for name, _, _ in READERS) + PROFILE_READERS
READER_NAMES_SET = frozenset(READER_NAMES)


_FIELD_READERS: dict[frozenset[str], tuple[list, list]] = {}


def _field_readers(enabled: frozenset[str]) -> tuple[list, list]:
    """The enabled title readers and affiliation readers, in order (made once per selection)."""
    pair = _FIELD_READERS.get(enabled)
    if pair is None:
        pair = _FIELD_READERS[enabled] = (
            [r for name, r, field in READERS if field == TITLE and name in enabled],
            [r for name, r, field in READERS if field == AFFILIATION and name in enabled])
    return pair


def _read_fields(p: MentionParts) -> tuple[Optional[str], Optional[str]]:
    """(title, affiliation): for each, the value of the first enabled reader that finds one."""
    title_readers, affiliation_readers = _field_readers(p.wc.readers)
    title = affiliation = None
    for reader in title_readers:
        title = reader(p)
        if title is not None:
            break
    for reader in affiliation_readers:
        affiliation = reader(p)
        if affiliation is not None:
            break
    if affiliation is not None:
        affiliation = _not_a_work(p.wc.lex, affiliation)
        kin = title.rsplit(" ", 1)[-1] if title is not None else ""
        if kin in p.wc.lex.kin_titles:  # (in lower case: "Father John Smith of St Mary's" is
            # a priest's honorific)
            affiliation = None  # "Azmat Begg, father of Moazzam", "Michael Jackson's mother":
            # a relative's person is no organisation (7 BBC corpus quotes had one)
    return title, affiliation


def _not_a_work(lex: Lexicon, affiliation: str) -> Optional[str]:
    """The affiliation, unless a work heads it ("the creator of the best-selling The Sims
    games", "producer of the Matrix trilogy": no organisation); then the work's owner ("host of
    BBC 6 Music's chart show" -> "BBC 6 Music"), if any. (19 "creator/producer/host… of … game/
    film/show…" in the BBC corpus; 13 corpus quotes had the work as affiliation.)"""
    last = affiliation.rsplit(" ", 1)[-1]
    if last not in lex.work_nouns:
        return affiliation
    # ("BBC 6 Music's chart show", "the Parents' show": the owner ends at its apostrophe)
    owner = max(affiliation.rfind("'"), affiliation.rfind("\u2019"))
    return affiliation[:owner] if owner > 0 else None


def analyse(wc: WordClasses, text: str, rng: tuple[int, int],
            appositive: Optional[tuple[int, int]] = None) -> MentionInfo:
    """Split the mention ``tokens[rng]`` into name, title and affiliation. (Read once per
    document: the resolvers and document profiles ask again for one in ten.)"""
    key = (rng, appositive)
    found = wc.analysed.get(key)
    if found is None:
        found = wc.analysed[key] = _analyse(wc, text, rng, appositive)
    return found


def _analyse(wc: WordClasses, text: str, rng: tuple[int, int],
             appositive: Optional[tuple[int, int]]) -> MentionInfo:
    lex = wc.lex
    toks = wc.tokens
    i, j = rng
    head_tok = toks[j - 1]
    head = head_tok.key
    start, end = toks[i].start, toks[j - 1].end
    if j - i == 1 and (wc.is_pronoun(i) or head_tok.lower in lex.possessive_pronouns):
        # "his claim that …": the possessive stands for "he"
        pron = lex.possessive_pronouns.get(head_tok.lower) or head_tok.lower.split("'")[0]
        gender: Optional[str] = lex.pronouns[pron][0]
        return MentionInfo(start=start, end=end, name=None, description=None, head=pron,
                           pronoun=pron,
                           gender=gender if gender in _GENDERS else None)
    if j - i > 2 and any(toks[x].lower == "and" and not wc.is_title(x) and not (
            wc.is_title(x - 1) and wc.is_title(j - 1) and not _named(wc, x + 1, j)) and not (
            (wc.is_title(x - 1) or wc.is_modifier(x - 1)) and _titled_name_at(wc, x + 1, j, j - x))
           for x in range(i + 1, j - 1)):  # (not "the Labour peer and former minister", not
        # the "and" of "Trade and Industry Secretary", not "president and chief executive
        # Bill Owens": one person's roles)
        # "Tore Sohlberg and Lehla Abreder": a group of named people
        det = wc.is_det(i)
        return MentionInfo(start=start, end=end, name=_join(text, toks[i + det:j]),
                           description=None, head=head, kind=SpeakerKind.GROUP)
    postnominal = None
    if j - i >= 2 and toks[j - 1].lower in lex.postnominals and toks[j - 1].bare.isupper() \
            and wc.is_name_word(j - 2) and not wc.is_title(j - 2) and not wc.is_det(i) \
            and toks[j - 2].key not in lex.org_words:  # (not "a UK Independence Party MEP")
        # "Andrew Tyrie MP", "Guy Mansfield QC": the office after the name is its title
        postnominal = toks[j - 1].bare
        j -= 1
        head = toks[j - 1].key
    definite = None
    k = i
    if wc.is_det(k):
        definite = lex.determiners[toks[k].lower] == "definite"
        k += 1
    # "his agent", "their lawyer": someone else's, never the person the pronoun stands for
    # ("its chief" is a person of an organisation: no one it could be mistaken for)
    owned = k > i and lex.possessive_pronouns.get(toks[i].lower, "it") != "it"
    # "people close to the senator": the phrase after the head describes, it names no one
    described_end = j
    for p in range(k, j - 1):
        if wc.is_postmodifier(p):
            j = p
            head = toks[j - 1].key  # ("sources familiar with the talks": sources, not talks)
            break
    # "Richard Shelby of Alabama": a name before "of" keeps what follows as its affiliation
    tail_aff = None
    affiliation_preps = lex.affiliation_prepositions
    for p in range(k + 1, j - 1):
        if toks[p].lower in affiliation_preps and wc.is_name_word(p - 1) \
                and not wc.is_title(p - 1) and toks[p - 1].key not in lex.org_words \
                and not (definite and toks[k].is_cap and toks[p + 1].lower == "the"):
            # (not "the News of the World", "the Church of England": after "the", a name
            # with "of the" is one institution's)
            a_start = p + 2 if p + 2 < j and toks[p + 1].lower == "the" else p + 1
            if not toks[a_start].is_cap:  # "of brokers ING": the name after the trade
                a_start = max(a_start, described_org_at(wc, a_start, j))
            if (toks[a_start].is_cap or toks[p].lower not in lex.setting_prepositions) and not (
                    toks[j - 1].possessive and j < len(toks) and wc.is_modifier(j)):
                # "of the JCWI" -> "JCWI", "David Anders at Merrill Lynch" -> "Merrill Lynch"
                # (5 "said First Last at Org" in the BBC corpus had the firm as the name);
                # "Jo Reed at a rally" names no organisation; nor does "said ING analyst X of
                # Inbev's strong results": the possessive owns what follows, the topic (3 BBC
                # corpus quotes)
                tail_aff = text[toks[a_start].start:toks[j - 1].end]
            j = p
            break
    else:
        # "a spokesman for the Home Office", "the director of the Institute": a title heads
        # the mention and the organisation after it is its affiliation, not a name; so does
        # a group's plural ("analysts at Citigroup", "economists from the Bank of England")
        preps = lex.np_prepositions
        for p in range(k + 1, j - 1):
            # (not the "of" of "secretary of state": a preposition inside a title)
            if (toks[p].lower in preps and wc.is_title(p - 1)
                    or toks[p].lower in affiliation_preps and group_head(lex, toks[p - 1])) \
                    and not wc.is_title(p) \
                    and not any(wc.is_name_word(x) and not wc.is_title(x) for x in range(k, p)):
                a_start = p + 2 if p + 2 < j and toks[p + 1].lower == "the" else p + 1
                # (not "the director of the Institute Kenneth Roth": a name ends the mention)
                if toks[a_start].is_cap and glued_start(wc, text, a_start, j) == a_start:
                    tail_aff = text[toks[a_start].start:toks[j - 1].end]
                    described_end, j = j, p
                    head = toks[j - 1].key
                elif not toks[a_start].is_cap and not _named(wc, a_start, j):
                    # "a spokesman for the council": a person, described with the body
                    described_end, j = j, p
                    head = toks[j - 1].key
                break
    # the name: the last run of capitalised words that are not titles (at most three for people)
    n_end = j
    n_start = n_end
    joined = False
    while n_start - 1 >= k and wc.is_name_word(n_start - 1) and not wc.is_title(n_start - 1) \
            and not (toks[n_start - 1].possessive and n_start < n_end
                     and not _plural_owner_name(wc, n_start - 1, n_end)):
        n_start -= 1  # ("Oxfam's Barbara Stocking": the possessive is the affiliation)
        if n_start - 2 >= k and toks[n_start - 1].text == "&" \
                and wc.is_name_word(n_start - 2) and not joined:
            n_start -= 1  # "Marks & Spencer", "Ernst & Young": two names joined by "&" are
            joined = True  # one firm's (22 BBC corpus quotes had half of one)
    # ("Forrester Research", "BT Retail": a capitalised word that ends a name of two or more
    # makes an organisation too; 56 BBC corpus quotes had one as a person)
    # (but "Laurens van der Post": a name with a particle is a person's)
    org = n_end > n_start and (joined or toks[n_end - 1].key in lex.org_words or (
        n_end - n_start > 1 and toks[n_end - 1].key in lex.org_name_ends
        and toks[n_end - 1].is_cap and not any(
            toks[x].lower in lex.name_particles for x in range(n_start + 1, n_end - 1))))
    if not org:
        if n_end - n_start > 1:  # "DJ Mike Read", "Tory Liam Fox": words glued before a name
            n_start = glued_start(wc, text, n_start, n_end)
        n_start = last_name_words(toks, n_start, n_end)
    name_toks = list(toks[n_start:n_end])
    if org:  # "the Middle East Institute", "State Department": take capitalised words before too
        while n_start - 1 >= k and toks[n_start - 1].is_cap and not toks[n_start - 1].possessive \
                and not toks[n_start - 1].lower.endswith(lex.place_modifier_endings):
            n_start -= 1
        if n_start - 1 >= k and toks[n_start - 1].is_cap and toks[n_start - 1].possessive \
                and wc.is_title(n_start - 1):
            # "the Prime Minister's Office": the title's possessive is part of the name
            n_start -= wc.title_len[n_start - 1]
            n_start = max(n_start, k)
        name_toks = list(toks[n_start:n_end])
    if len(name_toks) == 1 and (name_toks[0].key in lex.group_nouns
                                or wc.common_word(text, n_start)):
        # "Prosecutors said": a group at the start of a sentence; "Lawyers", "Others", "Any":
        # a common word capitalised only because it opens the sentence (it heads the
        # mention: "Analysts at Citigroup said")
        if name_toks[0].key in lex.group_nouns or name_toks[0].key.endswith("s") \
                and not name_toks[0].key.endswith(lex.singular_endings):  # (not "Half of")
            head = name_toks[0].key
        name_toks, n_start = [], n_end
    capitalised_head = False
    if definite and name_toks and n_start - 3 >= k and toks[n_start - 1].lower == "the" \
            and toks[n_start - 2].lower == "of" and all(
                t.is_cap and not t.possessive for t in toks[k:n_start - 2]) \
            and not any(wc.is_title(x) for x in range(k, n_start - 2)):
        # "the News of the World", "the Church of England": one institution's name (also
        # when its last word names an organisation: "the International Federation of the
        # Phonographic Industry")
        name_toks, n_start, org = list(toks[k:n_end]), k, True
    if definite and name_toks and not org and i < k and toks[i].lower == "the" \
            and len(name_toks) <= 2 and not any(wc.is_title(x) for x in range(k, j)) \
            and name_toks[0].lower not in lex.first_names \
            and name_toks[0].key not in lex.weekdays \
            and not (len(name_toks) == 1 and name_toks[0].bare.isupper()):  # ("the QCA")
        # (not "the Sunday Telegraph": a name a weekday opens is a newspaper's)
        name_toks, n_start, capitalised_head = [], n_end, True  # "the Kentucky Republican said"
    # the title: title words (and their lower-case modifiers) just before the name or as head
    t_end = n_start if name_toks else j
    # "Chancellor of the Exchequer Gordon Brown": the title goes on through "of the Exchequer"
    of_at = title_of_before(wc, n_start, k) if name_toks else None
    if of_at is not None:
        t_end = of_at
    t_start = t_end
    while t_start - 1 >= k and ((wc.is_title(t_start - 1) and not (
            t_start < t_end and toks[t_start - 1].possessive)) or (
            t_start < t_end and wc.is_modifier(t_start - 1)
            and not toks[t_start - 1].possessive)  # ("the charity's director": "director")
            or (t_start < t_end and toks[t_start - 1].lower == "and"
                and t_start - 2 >= k and wc.is_title(t_start - 2))):  # "peer and minister"
        t_start -= 1
    if t_start - 1 == k and t_start < t_end and toks[k].is_cap and not toks[t_start].is_cap \
            and (k == 0 or toks[k - 1].sentence != toks[k].sentence) \
            and toks[k].key not in lex.affiliation_words and not toks[k].possessive \
            and (toks[k].key in lex.title_first_words or wc.common_word(text, k)):
        t_start = k  # "Public accounts committee chairman", "Home affairs spokesman": a common
        # word capitalised only because it opens the sentence is part of the title (18 BBC
        # corpus quotes had it as their affiliation)
    title_toks = [t for x, t in enumerate(toks[t_start:t_end], t_start)
                  if wc.is_title(x) or wc.is_modifier(x) or x == k]
    if name_toks and of_at is not None and title_toks:
        a = of_at + 2 if toks[of_at + 1].lower == "the" else of_at + 1
        if tail_aff is None and toks[a].is_cap and not any(
                t.is_cap for t in toks[k:t_start]):
            # "head of the Grand Union Tom Marsh": the organisation is the affiliation
            tail_aff = _join(text, toks[a:n_start])
        else:  # "Director of rugby", "UK Chancellor of the Exchequer"
            title_toks += toks[of_at:n_start]
    apposed_name = None
    if not name_toks and not org:
        # "said its chairman, Sir Anthony Greener", "The Lord Chancellor, Lord Falconer,
        # agreed": the name stands in the appositive
        if appositive is None:
            appositive = _name_between_commas(wc, described_end)
        if appositive is not None:
            apposed_name = _appositive_name(wc, appositive)
    first = k
    if name_toks and t_start == t_end and n_start - 1 > k and toks[n_start - 1].lower in \
            lex.member_nouns and (k == 0 or toks[k - 1].sentence != toks[k].sentence) \
            and not wc.named_inside(text, k):
        first = n_start  # "Rock star Ozzy Osbourne", "R&B star X": a word capitalised only
        # where it opens the sentence is a common word, no team ("Barcelona" stands inside one)
    parts = MentionParts(wc=wc, text=text, first=first, title_start=t_start, title_end=t_end,
                         title_tokens=title_toks, named=bool(name_toks or apposed_name),
                         tail=tail_aff,
                         apposed=appositive_fields(wc, text, appositive)
                         if appositive is not None and apposed_name is None else None,
                         postnominal=postnominal)
    title, affiliation = _read_fields(parts)
    # "the CSA, the French broadcasting regulator,": a name described as an organisation is
    # one, and that noun is no title
    described_org = title is not None and " " not in title and title.lower() in lex.org_words \
        and bool(name_toks) and name_toks[0].lower not in lex.first_names
    if described_org:
        title = None
        # (but "Jo Reed from Acme, the mapping organisation,": the appositive is Acme's)
        described_org = tail_aff is None
    # "another member of the public", "two officials": a determiner that tells this source
    # from others stays in its description ("a", "the", "one" do not)
    kept = k if k == i or toks[i].lower not in lex.described_determiners else i
    description = _join(text, toks[kept:j]) if j > k else None
    if described_end > j and not name_toks:  # "people close to X", "those familiar with X"
        description = _join(text, toks[i if j == k else kept:described_end])
    elif description and toks[j - 1].possessive:  # "the ministry's statement that …"
        description = description[: len(description) - (len(toks[j - 1].text)
                                                         - len(toks[j - 1].bare))]
    if apposed_name:
        name_toks = apposed_name
    name = _join(text, name_toks) if name_toks else None
    if name and name_toks[-1].possessive:  # "Elon Musk’s “production hell”": the owner
        name = name[: len(name) - (len(name_toks[-1].text) - len(name_toks[-1].bare))]
    gender = None
    if name_toks:
        gender = lex.first_names.get(name_toks[0].lower)
    for t in title_toks:
        g = lex.titles.get(t.lower) or lex.honorifics.get(t.lower)
        if g:
            gender = g
    if name:
        # "CNN said", "IBM", "FBI": a name that is one acronym is an organisation
        acronym = len(name_toks) == 1 and len(name) >= 2 and name.isalpha() \
            and name.isupper() and name.lower() not in lex.first_names
        # ("UK-based bank Standard Chartered", "chip firm Arm": a name after a lower-case
        # organisation word is that organisation's)
        described_org = described_org or n_start - 1 >= k and not toks[n_start - 1].is_cap \
            and toks[n_start - 1].key in lex.org_words
        # "Turkey said", "North Korea said": a country is a state (63 BBC corpus quotes)
        # ("the Sunday Times said": a name a weekday opens is a newspaper's, see
        # WordClasses._weekday_in_name)
        kind = SpeakerKind.ORGANIZATION if org or acronym or described_org \
            or name_toks[0].key in lex.weekdays or name.lower() in lex.countries or len(name_toks) == 1 \
            and hyphened_firm(lex, name) else SpeakerKind.PERSON
    elif head in lex.org_words or capitalised_head and party_plural(lex, head) and all(
            lex.affiliation_words.get(t.key) == "party" for t in toks[k:j - 1]):
        kind = SpeakerKind.ORGANIZATION  # (and "the Tories", "the Liberal Democrats": a party)
    elif head in lex.group_nouns or head in lex.irregular_plurals or (
            head.endswith("s") and not head.endswith("ss") and head not in lex.titles):
        kind = SpeakerKind.GROUP
    else:
        kind = SpeakerKind.PERSON
    anonymous = name is None and kind != SpeakerKind.ORGANIZATION and (
        definite is False or head in lex.anonymous_heads or (
            # "Blair's spokesman", "the prime minister's official spokesman", "his lawyer":
            # someone's unnamed person is as unnamed as "a spokesman"
            head in lex.representatives and kind == SpeakerKind.PERSON and (
                toks[i].lower in lex.possessive_determiners
                or any(toks[x].possessive for x in range(k, j - 1)))))
    document = name is None and head in lex.documents
    owner = ""
    if affiliation is None and title is not None and not org:
        if k == i + 1 and t_start == k and toks[i].lower == "its":
            owner = "it"  # "its chief executive, Jo Doe": the organisation "it" stands for
        elif t_start == k + 1 and definite and toks[k].possessive and not toks[k].is_cap \
                and toks[k].key in lex.org_words:
            owner = toks[k].key  # "the carmaker's chief executive X", "the charity's director"
    return MentionInfo(start=start, end=end, name=name, description=description, head=head,
                       kind=kind, title=title, affiliation=affiliation, definite=definite,
                       gender=gender, anonymous=anonymous and not document, document=document,
                       capitalised_head=capitalised_head, owned=owned, owner=owner)


def group_head(lex: Lexicon, t: Token) -> bool:
    """``t`` is a lower-case plural that heads a group of speakers ("officials", "experts",
    "attorneys": a group noun or the plural of a title)."""
    if t.is_cap or not t.lower.endswith("s") or t.lower.endswith(lex.singular_endings):
        return False
    low = t.lower
    return low in lex.group_nouns or low[:-1] in lex.titles or low in lex.anonymous_heads \
        or low.endswith("men") and low[:-3] + "man" in lex.titles


def hyphened_firm(lex: Lexicon, word: str) -> bool:
    """``word``, a name alone, is two capitalised words joined by a hyphen ("Merriam-Webster",
    "Wal-Mart", "In-Stat"): a firm's name, as no person is called by such a surname alone before
    their full name is given (then the surname resolves to it). Not a plural ("African-
    Americans"), a particle ("Al-Assad") or a first name ("Jean-Pierre", "Douglas-Home"); a part
    in capitals is a label ("R-Utah", "KING-TV"). (12 BBC corpus quotes had such a firm as a
    person.)"""
    dash = word.find("-")
    if dash < 2 or dash + 2 >= len(word) or not word[dash + 1].isupper() \
            or word.count("-") > 1 or not word.replace("-", "").isalpha() \
            or word[:dash].isupper() or word[dash + 1:].isupper():
        return False  # (not "R-Utah", "R-NY", "KING-TV": a party and state, a station)
    low = word.lower()
    return not low.endswith("s") and not low.startswith(lex.name_particle_prefixes) \
        and low[:dash] not in lex.first_names and low not in lex.first_names


def party_plural(lex: Lexicon, head: str) -> bool:
    """``head`` is the plural of a party word of data/affiliation_words.tsv ("tories",
    "conservatives", "democrats", "dems")."""
    if not head.endswith("s"):
        return False
    singular = head[:-3] + "y" if head.endswith("ies") else head[:-1]
    return lex.affiliation_words.get(singular) == "party"


def _plural_owner_name(wc: WordClasses, x: int, n_end: int) -> bool:
    """Token ``x`` is a plural possessive inside an organisation's name that ends at
    ``n_end``: "the Musicians' Union", "the Bankers' Association" (about a dozen BBC corpus
    mentions; "Oxfam's Barbara Stocking" is an owner and a name)."""
    toks = wc.tokens
    return toks[x].text.endswith("s'") and toks[n_end - 1].key in wc.lex.org_words


def _appositive_name(wc: WordClasses, rng: tuple[int, int]) -> Optional[list[Token]]:
    """The tokens of a person's name that is the whole appositive (", Tom Reed,", ", Sir
    Anthony Greener"), else None: two or three name words, or one after a name title."""
    toks = wc.tokens
    i, j = rng
    lex = wc.lex
    k = i + 1 if toks[i].key in lex.name_titles and j - i > 1 else i
    if not 2 <= j - k <= PERSON_NAME_WORDS and not (k > i and j - k == 1):
        return None
    if any(not wc.is_name_word(x) or wc.is_title(x) or toks[x].possessive
           or toks[x].key in lex.org_words for x in range(k, j)):
        return None
    return list(toks[i:j])


def _participle_clause(wc: WordClasses, k: int, hi: int) -> bool:
    """Token ``k`` is a lower-case "-ing" word that opens a clause (", saying that …",
    ", speaking at the summit"), not an adjective before a noun (", marketing manager", ", a
    visiting fellow"): a function word, determiner, capitalised word or nothing follows it."""
    toks = wc.tokens
    t = toks[k]
    if not t.lower.endswith("ing") or t.is_cap:
        return False
    if k + 1 >= hi:
        return True
    nxt = toks[k + 1]
    return not nxt.is_word or nxt.is_cap or nxt.lower in wc.lex.function_words \
        or wc.is_det(k + 1)


def _name_between_commas(wc: WordClasses, j: int) -> Optional[tuple[int, int]]:
    """The capitalised words between a comma at token ``j`` and the next comma of the same
    sentence (", Lord Falconer,"), at most `PERSON_NAME_WORDS` + 1 of them; else None."""
    toks = wc.tokens
    if j >= len(toks) or toks[j].text != ",":
        return None
    k = j + 1
    while k < len(toks) and k - j <= PERSON_NAME_WORDS + 1 and toks[k].is_cap \
            and toks[k].sentence == toks[j].sentence:
        k += 1
    if k == j + 1 or k >= len(toks) or toks[k].text != "," or toks[k].sentence != toks[j].sentence:
        return None
    return (j + 1, k)


def _named(wc: WordClasses, i: int, j: int) -> bool:
    """A name word that is no title stands in ``tokens[i:j]``."""
    return any(wc.is_name_word(x) and not wc.is_title(x) for x in range(i, j))


def appositive_fields(wc: WordClasses, text: str,
                       rng: tuple[int, int]) -> tuple[Optional[str], Optional[str]]:
    """(title, affiliation) of an appositive such as "a student" or "director of the X at Y"."""
    toks = wc.tokens
    i, j = rng
    if toks[i].text.isdigit():
        # "Mr Mubanga, 32, from Wembley, said", "Jo Reed, 32, a teacher, said": an age (or a
        # share, "A majority, 52%, said") is no title (65 BBC corpus quotes had one); a
        # description after the age still gives one
        if i + 2 >= j or toks[i + 1].text != ",":
            return None, None
        i += 2
    k = i + 1 if wc.is_det(i) else i
    if k == i and _affiliation_opens(wc, k, j):
        # ", from Goldman Sachs,", ", for the Liberal Democrats,": the organisation alone (28
        # BBC corpus appositives), up to a place after it; a single name is more often the
        # town a person lives in (", of Exeter,", ", from Burnley,"), no affiliation
        org = _described_name(wc, k + 1, j)
        if org is None:
            return None, None
        stop = org
        while stop < j and toks[stop].is_word and toks[stop].lower != "in" \
                and not _time_after(wc, stop, j) and toks[stop].lower not in wc.lex.relatives:
            stop += 1
        words = toks[org:stop]
        if len(words) == 1 and not words[0].bare.isupper() and org == k + 1 \
                or words[0].lower in wc.lex.compass_words:  # (", of brokers ING,": a firm)
            return None, None
        return None, text[toks[org].start:toks[stop - 1].end]
    if _participle_clause(wc, k, j):
        return None, None  # ", speaking at the summit,": a clause, no title
    if toks[k].lower in wc.lex.relatives:
        # " - who chairs the committee -", ", who was born in …": a clause, no title; but
        # ", who is UKIP Scotland chairman,": the title after "who is"
        if not (k + 2 < j and toks[k + 1].lower in wc.lex.be_forms and any(
                wc.is_title(x) for x in range(k + 2, min(j, k + 2 + _MAX_MODIFIERS + 1)))):
            return None, None
        k += 2
        if wc.is_det(k) and k + 1 < j:
            k += 1
    for x in range(k + 1, j):
        if toks[x].lower in wc.lex.relatives:
            j = x  # ", a UK investment banker who has held talks with …": the clause is no title
            break
    head_end = k
    preps = wc.lex.appositive_prepositions
    while head_end < j and (toks[head_end].lower not in preps or wc.title_len[head_end] > 1
                            and head_end > k and wc.is_title(head_end - 1)) \
            and toks[head_end].text != ",":
        head_end += 1  # (the "of" of "Secretary of State" is the title's own)
    if head_end == k:
        return None, None
    title_x = [x for x in range(k, head_end) if wc.is_title(x)]
    title: Optional[str]
    t0 = head_end - 1
    if title_x:
        t0 = title_x[0]
        while t0 - 1 >= k and wc.is_modifier(t0 - 1) and not toks[t0 - 1].possessive:
            t0 -= 1
        title = text[toks[t0].start:toks[title_x[-1]].end]
    elif any(toks[x].lower in wc.lex.function_words for x in range(k, head_end)):
        title = None  # " - keen to reassure potential investors -": a phrase, not a role
    elif head_end - k == 1 and wc.is_adverb(k):
        title = None  # "Forbes, however, says": a sentence adverb (37 BBC corpus quotes)
    else:
        title = toks[head_end - 1].text if not toks[head_end - 1].is_cap else None
    aff = None
    # (the capitalised words of the title are no affiliation: "the Prime Minister" gave "Prime")
    in_title = set()
    if title_x:
        x = title_x[0]
        while x < head_end and wc.is_title(x):
            in_title.add(toks[x].start)  # (the title's own run: not "adviser to President X")
            x += 1
    caps_before = [t for t in after_place(wc.lex, toks[k:head_end - 1])
                   if t.is_cap and t.start not in in_title]
    if title_x and caps_before and caps_before[0].start < toks[t0].start:
        # "the former Vermont governor challenged by Sanders": the words before the title,
        # not those after it (but "a senior adviser to Sanders": the one after it)
        caps_before = [t for t in caps_before if t.start < toks[t0].start]
    if title_x and head_end < j and toks[head_end].text != "," \
            and any(t.possessive for t in toks[k:t0]):
        # "EA's vice president of sales in Europe", "the charity's head of policy": the
        # owner is the affiliation, and what follows the title belongs to the title
        stop = head_end
        while stop < j and toks[stop].text != ",":
            stop += 1
        owner = caps_before[-1] if caps_before and caps_before[-1].possessive else None
        return (text[toks[t0].start:toks[stop - 1].end],
                text[caps_before[0].start:owner.start + len(owner.bare)] if owner else None)
    if head_end < j and toks[head_end].text != "," and not (
            toks[head_end].lower == "in" and title_x and caps_before):
        # (but "Tory leader in the Lords", "Acme analyst in London": the words before the
        # title name the body, and "in" gives a place or a chamber)
        a_start = head_end + 1
        stop = a_start
        while stop < j and toks[stop].text != ",":
            stop += 1
        if not toks[a_start].is_cap and not wc.is_det(a_start):
            # "head of research at Capital Economics", "vice president of business development
            # for digital content company THX": the organisation after "at" or "for", not the
            # field the title covers (not "minister of finance at the time")
            for x in range(a_start + 1, stop - 1):
                if toks[x].lower in wc.lex.field_ends:
                    org = _described_name(wc, x + 1, stop)
                    if org is not None:
                        a_start = org
                        break
            else:  # "of video game giant Electronic Arts": the name after its description
                a_start = _described_name(wc, a_start, stop) or a_start
            if not any(_name_start(toks[x]) for x in range(a_start, stop)):  # ("3ami", "4Cast")
                # "Google vice-president of operations", "governor … in 1990": a field or a
                # date after the preposition, no organisation; the field belongs to the
                # title, and the words before the title name the organisation
                if title_x and toks[head_end].lower == "of":
                    f = a_start
                    while f < stop and f - a_start < _MAX_MODIFIERS and toks[f].is_word \
                            and not toks[f].is_cap and toks[f].lower not in preps:
                        f += 1
                    if f > a_start:
                        title = text[toks[t0].start:toks[f - 1].end]
                return title, _caps_affiliation(text, caps_before)
        # "an economist at the California-based Institute for the Future": the name, without
        # its article or a "-based" descriptor
        if a_start + 1 < stop and wc.is_det(a_start) and (
                not toks[a_start].is_cap or toks[a_start].lower in wc.lex.articles):
            a_start += 1
        if a_start + 1 < stop and toks[a_start].lower.endswith(wc.lex.place_modifier_endings):
            a_start += 1
        # the organisation ends where a clause about the person begins ("BSA which
        # commissioned the survey", "Hong Kong studying at Cornell"), without the words that
        # lead to it
        for x in range(a_start + 1, stop):
            if toks[x].lower in wc.lex.relatives or (
                    toks[x].lower.endswith("ing") and toks[x - 1].is_cap and not toks[x].is_cap) \
                    or (toks[x].lower in wc.lex.clause_openers and x + 1 < stop and (
                        toks[x + 1].lower in wc.lex.be_forms
                        or toks[x + 1].lower in wc.lex.auxiliaries)) \
                    or _time_after(wc, x, stop):
                stop = x  # (", … committee and was part of the inquiry", "… Wales in the
                break  # 1970s", "… Germany until last year")
        while stop > a_start + 1 and toks[stop - 1].lower in wc.lex.function_words:
            stop -= 1
        if stop > a_start:
            aff = text[toks[a_start].start:toks[stop - 1].end]
    else:  # "BA's chief executive" -> "BA"
        aff = _caps_affiliation(text, caps_before)
    return title, aff


def _described_name(wc: WordClasses, y: int, stop: int) -> Optional[int]:
    """Where the name starts after an article and at most `_MAX_MODIFIERS` lower-case words that
    describe it, from token ``y`` ("the firm Gartner", "analyst firm Gartner", "Capital
    Economics"); None when no capitalised word follows them."""
    toks = wc.tokens
    if y < stop and wc.is_det(y):
        y += 1
    first = y
    while y < stop and y - first < _MAX_MODIFIERS and not _name_start(toks[y]) \
            and wc.is_modifier(y):
        y += 1
    return y if y < stop and _name_start(toks[y]) else None


def _affiliation_opens(wc: WordClasses, k: int, hi: int) -> bool:
    """Token ``k`` opens an appositive that names an organisation only: "from Goldman Sachs",
    "of the Institute", "for the Lib Dems" (a capitalised word, after an article, follows)."""
    toks = wc.tokens
    if k + 1 >= hi or toks[k].lower not in wc.lex.affiliation_openers:
        return False
    y = k + 2 if wc.is_det(k + 1) else k + 1
    # (or the trade, then the name: ", of brokers ING,")
    return y < hi and (toks[y].is_cap or described_org_at(wc, y, hi) > 0)


def _time_after(wc: WordClasses, x: int, stop: int) -> bool:
    """Token ``x`` opens a phrase of time that ends an organisation's name: "until last year",
    "since 2001", "in the 1970s", "last year"."""
    toks, lex = wc.tokens, wc.lex
    low = toks[x].lower
    y = x + 1
    if low in lex.time_prepositions and y < stop and wc.is_det(y):
        y += 1
    if y >= stop:
        return False
    if low in lex.time_prepositions and toks[y].text[0].isdigit():
        return True
    if low in lex.period_openers and toks[y].lower in lex.periods:
        return True
    return low in lex.time_span_openers and toks[y].lower in lex.period_openers


def _name_start(t: Token) -> bool:
    """A word that may open a name: capitalised, or letters and digits ("20th Century Fox")."""
    return t.is_cap or _alphanumeric(t.bare)


def _alphanumeric(word: str) -> bool:
    """Letters and digits in one word: a name such as "3ami" or "4Cast"."""
    return any(c.isdigit() for c in word) and any(c.isalpha() for c in word)


def _caps_affiliation(text: str, caps: list) -> Optional[str]:
    """The capitalised words of an appositive before its title, as its affiliation, without
    a possessive ending ("BA's chief executive" -> "BA"); None when there are none."""
    if not caps:
        return None
    last = caps[-1]
    return text[caps[0].start:last.start + len(last.bare)] if last.possessive \
        else text[caps[0].start:last.end]
