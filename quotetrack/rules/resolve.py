"""Stage 6: tie each mention to a speaker: full names, surnames, pronouns, role nouns.

People named in the text (outside quotations) are collected once, in order; a pronoun looks
back over them, and over earlier speakers, no further than ``antecedent_window_chars``.
"""

from __future__ import annotations

import enum
import functools
from bisect import bisect_left
from operator import attrgetter, itemgetter
from typing import Any, NamedTuple, Optional, Sequence, cast

import attrs
import regex

from ..model import (Attribution, CueClass, Gender, NonStatement, Resolution, Span, Speaker,
                     SpeakerKind, make_attribution, make_speaker)
from ..lexicon import Lexicon
from ..text import letter_runs
from .context import Context, Decision
from .cues import preposed_description, unclosed_before_verb
from .mentions import (PERSON_NAME_WORDS, MentionInfo, WordClasses, after_place, analyse,
                       appositive_after, appositive_fields, glued_start, hyphened_firm,
                       last_name_words, np_after, np_before, occurs, party_plural,
                       title_of_before)
from .tokens import MASK, tokenize

__all__ = ["RESOLVERS", "RESOLVER_NAMES", "Resolved", "resolve"]


@attrs.define
class _Entity:
    id: int
    name: str
    kind: SpeakerKind
    anonymous: bool = False
    reason: Optional[str] = None
    title: Optional[str] = None
    affiliation: Optional[str] = None
    gender: Optional[str] = None
    head: str = ""
    mentions: list = attrs.Factory(list)
    unresolved: bool = False  # named only by a mention no one could be tied to ("they")
    personal: bool = False  # "he", "she" or "who" has stood for it


#: capitalised words read as one name, at most (a longer run that ends in a person's name keeps
#: only its last `PERSON_NAME_WORDS`: "The Canadian Press Anne Marie Cerato")
_MAX_NAME_WORDS = 6
#: adverbs skipped between a name and a cue after it ("Smith later said"), at most
_ADVERBS_BEFORE_CUE = 2
#: capitalised words that qualify a title read back before it ("Shadow home secretary X")
_TITLE_QUALIFIERS = 3
#: lower-case words between a title and the capitalised word opening the sentence, at most
_MAX_TITLE_QUALIFIER_WORDS = 2
#: a pronoun weighs at most this many names, and this many names and earlier speakers together
_PRONOUN_NAMES = 12
_PRONOUN_CANDIDATES = 24
#: the words of a phrase that opens a sentence before its subject ("On Monday, a spokesman …")
_FRONTED_TOKENS = 4
#: ", who said": the name it stands for is among the last few named this close before it
_WHO_WINDOW_CHARS = 300
_WHO_NAMES = 6
#: "The prime minister said": a person named this close before a role noun is who it means
_ROLE_NOUN_WINDOW_CHARS = 600
#: marks stripped from a word read from the text
_WORD_PUNCTUATION = ".,;:!?\"'()[]-"
#: capitalised words after "told" read as the channel ("told CBC News"), at most
_CHANNEL_WORDS = 4
#: the marks of a possessive ("Google's", "Google’s")
_APOSTROPHES = frozenset("'\u2019")


class _Name:
    """A run of capitalised words outside quotations, with what shows whom it names. (Made by
    `_person_names` only, which sets every field: no ``__init__``, as one is made per
    capitalised run of the text and a Python ``__init__`` is a call of Python code each.)"""

    __slots__ = ("pos", "name", "words", "possessive", "gender", "person", "registry", "subject",
                 "acronym", "title", "org", "strong", "initial", "last_token", "preposed",
                 "affiliation", "no_one", "shown")
    pos: int
    name: str
    words: int
    possessive: bool
    gender: Optional[str]
    person: bool  # shows it names a person: a first name, a title, a cue verb after it
    registry: bool  # a full name others may be short for
    subject: bool  # opens its clause: "Hassan Al-Rubaie, also 21, saw ..."
    acronym: bool  # "RCMP", "FBI": not a person a pronoun stands for
    title: str  # lower-case title written just before: "prime minister" ("" if none)
    org: bool  # an organisation's name: "State Department", "the Diocese of Covington"
    strong: bool  # person evidence other than opening a clause
    initial: bool  # the first word of its sentence
    last_token: int  # index of the name's last token
    #: the title above was read from a description set before the name ("Oxfam's director,
    #: Jane Doe, said"), with this affiliation ("" if none)
    preposed: bool
    affiliation: str
    #: found once, when a pronoun first weighs the name (None: not yet): it names no one a
    #: pronoun can stand for (`_Resolver._no_one`), and the speaker key and the gender of its
    #: full name (`_Resolver._known_gender`)
    no_one: Optional[bool]
    shown: Optional[tuple[str, Optional[str]]]


#: "Oxfam's director, Jane Doe, said": the title words before the comma, and the capitalised
#: words of the affiliation before them, read back at most
_PREPOSED_TITLE_TOKENS = 4
_PREPOSED_AFFILIATION_WORDS = 3


def _preposed_title(ctx: Context, comma: int, sent: int) -> Optional[tuple[str, str]]:
    """(title, affiliation) of a description that opens its clause and is set before a name
    between commas: "The Lord Chancellor, Lord Falconer, agreed", "Oxfam's director, Jane
    Doe, said"; None when the words before the comma are no such description."""
    toks, title_len = ctx.tokens, ctx.wc.title_len
    t_start = comma
    while t_start - 1 >= 0 and toks[t_start - 1].sentence == sent and title_len[t_start - 1] \
            and comma - t_start < _PREPOSED_TITLE_TOKENS:
        t_start -= 1
    if t_start == comma:
        return None
    k = t_start
    caps: list[Any] = []  # (tokens)
    determiners = ctx.lex.determiners
    while k - 1 >= 0 and toks[k - 1].sentence == sent and toks[k - 1].is_cap \
            and not title_len[k - 1] and toks[k - 1].lower not in determiners \
            and len(caps) < _PREPOSED_AFFILIATION_WORDS:
        k -= 1
        caps.insert(0, toks[k])
    if not caps:  # "The new President, Viktor Yushchenko, said": modifiers before the title
        m = k
        while m - 1 >= 0 and toks[m - 1].sentence == sent and k - m < _MAX_TITLE_QUALIFIER_WORDS \
                and not toks[m - 1].is_cap and ctx.wc.is_modifier(m - 1) \
                and toks[m - 1].lower not in ctx.lex.cue_forms:
            m -= 1
        if m < k and m - 1 >= 0 and toks[m - 1].sentence == sent \
                and toks[m - 1].lower in determiners:
            k = m
        elif m - 2 >= 0 and toks[m - 1].possessive and not toks[m - 1].is_cap \
                and toks[m - 2].sentence == sent and toks[m - 2].lower in determiners:
            k = m - 1  # "the athletes' controversial coach, X": a common noun owns the title
    opens = k == 0 or toks[k - 1].sentence != sent or toks[k - 1].text == "," \
        or toks[k - 1].lower in determiners
    if not opens:
        return None
    title = " ".join(t.key for t in toks[t_start:comma])
    affiliation = ""
    caps = list(after_place(ctx.lex, caps))
    if caps:
        affiliation = ctx.text[caps[0].start:caps[-1].start + len(caps[-1].bare)]
    return title, affiliation


def _person_names(ctx: Context) -> list[_Name]:
    """Runs of capitalised words outside quotations, in text order, with person evidence."""
    wc, toks, lex = ctx.wc, ctx.tokens, ctx.lex
    names: list[_Name] = []
    n = len(toks)
    headline_sentences = {s for s, p in enumerate(ctx.sentence_paragraph)
                          if p in ctx.headlines} if ctx.headlines else set()
    max_chars = ctx.limits.max_name_chars
    # (the word classes read as lists: this loop visits every capitalised word of the text)
    name_word, title_len = wc.name_word, wc.title_len
    org_words, first_names = lex.org_words, lex.first_names
    not_verbs = lex.not_verbs  # words after a run that show it is no verb's subject
    covered = 0
    for i in wc.name_indexes:
        if i < covered or title_len[i]:
            continue
        sent = toks[i].sentence
        if sent in headline_sentences:
            continue
        j = i
        while j < n and j - i < _MAX_NAME_WORDS and name_word[j] and not title_len[j] \
                and toks[j].sentence == sent:
            j += 1
            if toks[j - 1].possessive:
                break
        if j - i > 1 and toks[i].lower in lex.determiners:
            i += 1  # "Another Clinton aide", "Several Cruz backers": a determiner opens the run
        if j - i > 1 and toks[j - 1].key not in org_words:
            i = glued_start(wc, ctx.text, i, j)  # "DJ Mike Read", "Tory Liam Fox"
        run = toks[i:j]
        if len(run) > PERSON_NAME_WORDS and run[-1].key not in org_words:
            cut = last_name_words(toks, i, j)
            if cut > i and any(t.lower in first_names for t in toks[cut:j]):
                run = toks[cut:j]  # "The Canadian Press Anne Marie Cerato"
                i = cut
        # the neighbours read below count only inside the run's sentence
        before = toks[i - 1] if i > 0 and toks[i - 1].sentence == sent else None
        head = run[0]
        last = run[-1].key
        # "the Middle East Institute" is an organisation; "the Larry Ellison appraisal" a person
        org = last in org_words or (before is not None and before.lower == "the"
                                    and head.lower not in first_names)
        first_name = head.lower in first_names
        titled = before is not None and title_len[i - 1] > 0
        # person evidence: a first name, a title, a cue after the name, an age ("X, 21,") or
        # a titled appositive; the later ones, dearer, read only for a name without the first
        person = not org and (
            first_name or titled
            or not run[-1].possessive and _cue_follows(wc, j, sent)
            or j + 1 < n and toks[j].text == "," and toks[j + 1].sentence == sent
            and toks[j + 1].text.isdigit()
            or len(run) >= 2 and (before is None or before.lower not in lex.function_words)
            and _titled_appositive(ctx, j, sent))  # (not "In Port Vale, a presenter …")
        # a lone capitalised first word is kept too: it may be a known surname ("Trudeau said")
        words = len(run)
        gender = first_names.get(head.lower) if words > 1 else None
        if words > 1 and head.key in lex.name_titles:  # "Baroness Scotland", "Sir Alex Ferguson"
            gender = lex.name_titles[head.key] or first_names.get(run[1].lower) or None
            person = not org
        if titled and before is not None:
            gender = lex.honorifics.get(before.lower) or lex.titles.get(before.lower) or gender
        text = ctx.text[head.start:run[-1].start + len(run[-1].bare)]
        if org and titled and before is not None and before.possessive and before.is_cap:
            # "the Prime Minister's Office", "the Information Commissioner's Office": the
            # title's possessive is part of the organisation's name, no one's title
            head = toks[i - title_len[i - 1]]
            text = ctx.text[head.start:run[-1].start + len(run[-1].bare)]
            titled = False
        if len(text) > max_chars:
            covered = j
            continue
        after = toks[j] if j < n and toks[j].sentence == sent else None
        # the subject of its clause: a comma or a word that may be a verb follows (tested first,
        # the cheaper test), and the name opens the clause
        subject = after is not None and (
            after.text == "," or (after.is_word and not after.is_cap
                                  and after.lower not in not_verbs))
        if subject:
            # "Prime Minister Justin Trudeau holds ...": a title before the name is part of it
            opens = before is None or before.text == "," or (
                # "His wife Sharon, who …, agreed": a relative named by an owned noun opening
                # the sentence
                i >= 2 and before.is_word and not before.is_cap and not titled
                and toks[i - 2].sentence == sent
                and toks[i - 2].lower in lex.possessive_determiners
                and (i == 2 or toks[i - 3].sentence != sent))
            if not opens and titled:
                k = i - title_len[i - 1] - 1  # the token before the title
                steps = 0  # and before the words that qualify it: "Shadow home secretary X"
                while k >= 0 and steps < _TITLE_QUALIFIERS and toks[k].sentence == sent and (
                        toks[k].is_cap or title_len[k]) and not toks[k].possessive:
                    k -= 1
                    steps += 1
                opens = k < 0 or toks[k].sentence != sent or toks[k].text == "," \
                    or _qualified_title_opens(ctx, k, sent)
            subject = opens
        title = affiliation = ""
        # ("executive director of One Wisconsin Now": an organisation, no one's title)
        of_at = None if titled or before is None or not first_name else title_of_before(
            wc, i, ctx.sentences[sent][0])
        if titled:
            n_title = title_len[i - 1]
            title = " ".join(t.key for t in toks[max(0, i - n_title):i])
        elif of_at is not None:  # "Director of rugby Warren Gatland": "director"
            title = " ".join(t.key for t in toks[of_at - title_len[of_at - 1]:of_at])
        elif before is not None and before.text == "," and after is not None \
                and after.text in ",." and words >= 2:
            # (and a name that ends its sentence: "The ban also covers the runners' coach,
            # Jan Dorn." gives the title his later quotes keep)
            preposed = _preposed_title(ctx, i - 1, sent)
            if preposed is None:
                # "The head of the state-owned Acme company, Jo Reed, arrived": the longer
                # description the quotation sieves read before a name between commas
                desc = preposed_description(ctx, i - 1, ctx.sentences[sent][0])
                if desc is not None:
                    fields = appositive_fields(wc, ctx.text, desc)
                    # (the appositive readers' fields, as far as they run)
                    aff = (fields[1] or "") if "appositive_affiliation" in wc.readers else ""
                    if fields[0] is not None and "appositive_title" in wc.readers:
                        # ("The director of the film": no organisation)
                        preposed = fields[0].lower(), aff if aff.lower() != aff else ""
            if preposed is not None:
                title, affiliation = preposed
                person = person or not org
        nm = _Name()
        nm.pos = head.start
        nm.name = text
        nm.words = words
        nm.possessive = run[-1].possessive
        nm.gender = gender or None
        nm.person = person or (subject and words >= 2)
        nm.registry = words >= 2 and not org
        nm.subject = subject and not org
        nm.acronym = words == 1 and len(text) > 1 and text.isupper()
        nm.title = title
        nm.org = org
        nm.strong = person
        nm.initial = before is None
        nm.last_token = i + words - 1
        nm.preposed = bool(affiliation or title) and not titled
        nm.affiliation = affiliation
        nm.no_one = None
        nm.shown = None
        names.append(nm)
        covered = j
    return names


def _cue_follows(wc: WordClasses, j: int, sent: int) -> bool:
    """A cue stands at token ``j`` of sentence ``sent``, after adverbs at most ("Blair said",
    "Smith angrily denied"): person evidence for the name before it."""
    toks, lex = wc.tokens, wc.lex
    n = len(toks)
    k = j
    # (the first tests of `WordClasses.is_adverb` and `is_cue` written out: most words after a
    # name are neither)
    while k < n and k - j < _ADVERBS_BEFORE_CUE and toks[k].sentence == sent \
            and (toks[k].lower in lex.adverbs or toks[k].lower.endswith("ly")) \
            and wc.is_adverb(k):
        k += 1
    return k < n and toks[k].sentence == sent and toks[k].lower in lex.cue_forms \
        and wc.is_cue(k)


def _titled_appositive(ctx: Context, j: int, sent: int) -> bool:
    """An appositive with a title follows the name ending before token ``j``: ", a presenter
    on …", ", chief executive of …" (person evidence for a name no first name shows: "G
    Money, a presenter on 1Xtra, thinks …")."""
    toks, title_len = ctx.tokens, ctx.wc.title_len
    if j + 1 >= len(toks) or toks[j].text != "," or toks[j + 1].sentence != sent:
        return False
    k = j + 1
    if ctx.wc.is_det(k):
        k += 1
    for x in range(k, min(len(toks), k + _APPOSED_TITLE_WITHIN)):
        if toks[x].sentence != sent or not toks[x].is_word:
            return False
        if title_len[x]:
            return True
        if toks[x].is_cap and x > k:
            return False
    return False


def _qualified_title_opens(ctx: Context, k: int, sent: int) -> bool:
    """Lower-case words at token ``k`` (and before it) qualify a title after a capitalised word
    that opens the sentence: "Public accounts committee chairman Edward Leigh was …" (no verb,
    no pronoun, at most `_MAX_TITLE_QUALIFIER_WORDS` of them)."""
    toks, wc, lex = ctx.tokens, ctx.wc, ctx.lex
    x = k
    while x >= 0 and k - x < _MAX_TITLE_QUALIFIER_WORDS and toks[x].sentence == sent \
            and not toks[x].is_cap and wc.is_modifier(x) and toks[x].lower not in lex.cue_forms \
            and not toks[x].lower.endswith(lex.past_endings):
        x -= 1
    return x < k and x >= 0 and toks[x].is_cap and toks[x].sentence == sent \
        and (x == 0 or toks[x - 1].sentence != sent) and toks[x].lower not in lex.pronouns \
        and toks[x].key not in lex.group_nouns and not toks[x].possessive


#: "…, he told reporters on Monday.": tokens from the pronoun to the sentence end, at most
_REPORTING_TAIL_TOKENS = 7
_RECENT_ENTITIES = 50  # speakers a role noun may return to, the latest first
#: names read after a description in the lede for the person it introduces, at most (a lede
#: and the paragraph after it name a few; a sentence may list any number)
_LEDE_NAMES = 24


_POS = attrgetter("pos")  # a name's position, the key `_nearest_before` bisects by
_END = attrgetter("end")  # a token's end, the key its sentence's tokens are bisected by


def _nearest_before(names: list, pos: int):
    """The last of ``names`` (in text order) before ``pos``, else the first."""
    k = bisect_left(names, pos, key=_POS)  # (in C: asked for every name read back)
    return names[k - 1] if k > 0 else names[0]


@functools.lru_cache(maxsize=1024)
def _intro_pattern(head: str) -> regex.Pattern:
    """The indefinite description with the head noun ``head`` ("a senior diplomat"), compiled
    once per head noun (a title of the lexicon), not once per document."""
    return regex.compile(
        r"\b(?:[Aa]n?|[Oo]ne)\s+(?:[\w'-]+\s+){0,3}?" + regex.escape(head) + r"\b")


class _Resolver:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.names = _person_names(ctx)
        self.name_pos = [n.pos for n in self.names]
        self.full: dict[str, list[_Name]] = {}  # by last word
        self.first: dict[str, list[_Name]] = {}  # by first word
        #: the last word of each name, lower case (parallel to ``names``)
        self.last_words: list[str] = []
        lasts = self.last_words
        for nm in self.names:
            words = nm.name.lower().split()
            lasts.append(words[-1])
            if nm.registry:
                self.full.setdefault(words[-1], []).append(nm)
                self.first.setdefault(words[0], []).append(nm)
        # a surname seen with person evidence makes its full name a person too
        persons = {last for nm, last in zip(self.names, lasts) if nm.person}
        for nm, last in zip(self.names, lasts):
            if not nm.person and last in persons and (nm.registry or nm.words == 1):
                nm.person = True  # "Trudeau reminded ..." after "Prime Minister Justin Trudeau"
        self.paragraph_starts = [p[0] for p in ctx.paragraphs]
        #: the lede: the first paragraph that is no headline, caption or label
        self.lede = next((x for x in range(len(ctx.paragraphs)) if x not in ctx.headlines), -1)
        self._longer: dict[str, list[_Name]] = {}
        self._spelled: dict[str, str] = {}  # acronym -> the name it abbreviates ("" if none)
        self._full_names: dict[tuple[str, int], tuple[str, bool]] = {}
        self.genders: dict[str, str] = {}  # the first gender shown for each name
        for nm in self.names:
            if nm.gender:
                self.genders.setdefault(nm.name, nm.gender)
        self.entities: list[_Entity] = []
        self.by_key: dict[str, _Entity] = {}
        self.spoken: list[tuple[int, _Entity]] = []  # (mention position, entity) in order
        #: positions of the spoken mentions that are possessives ("he hit back at Mr Mallon's
        #: claim that …"): the owner of a claim, not the subject of the clause
        self.aside: set[int] = set()
        self._lower_words: dict[str, bool] = {}  # word -> written in lower case in the text
        self._unmarked: dict[int, bool] = {}  # entity id -> its name shows no person
        self.closed = False  # the speakers are built: no entity changes any more
        #: title head -> the full names given it, and the reverse (`_titled_as`)
        self._titled: Optional[dict[str, set[str]]] = None
        self._holders: Optional[dict[str, set[str]]] = None
        self.converted = False  # `_unmarked_speaker` has made a person-kind speaker an organisation
        #: the sentences without a quotation or cue tokenised whole by `_sentence_words`
        self.sentence_words: dict[int, tuple[WordClasses, int, int]] = {}

    def full_name(self, name: str, pos: int) -> tuple[str, bool]:
        """The fullest form of ``name`` in the document, the nearest before ``pos`` first (else
        the first after); True when ``name`` was a part of it. (Asked again and again of the
        same names by the pronoun resolver: kept once found.)"""
        key = (name, pos)
        found = self._full_names.get(key)
        if found is None:
            found = self._full_names[key] = self._find_full_name(name, pos)
        return found

    def _find_full_name(self, name: str, pos: int) -> tuple[str, bool]:
        parts = name.split()
        if len(parts) >= 2:
            # "Paz Akin" after "Lorena Paz Akin": a longer name ending the same way
            longer = self._longer.get(name)
            if longer is None:
                suffix = " " + name.lower()
                longer = self._longer[name] = [
                    c for c in self.full.get(parts[-1].lower(), ())
                    if c.words > len(parts) and c.name.lower().endswith(suffix)]
            if longer:
                return _nearest_before(longer, pos).name, True
            if len(parts) == 2 and parts[0].lower() in self.ctx.lex.first_name_titles:
                # "Sir John" after "Sir John Bourn": a knight is called by the first name
                prefix = name.lower() + " "
                knights = {c.name for c in self.first.get(parts[0].lower(), ())
                           if c.name.lower().startswith(prefix)}
                if len(knights) == 1:
                    return knights.pop(), True
            return name, False
        cands = self.full.get(name.lower())
        if not cands:
            # "Jordan said" after "Jordan Stewart": a first name standing for the full name
            firsts = self.first.get(name.lower())
            if firsts and all(c.name == firsts[0].name for c in firsts):
                return firsts[0].name, True
            spelled = self.spelled_out(name)
            if spelled:
                return spelled, True
            return name, False
        return _nearest_before(cands, pos).name, True

    def spelled_out(self, name: str) -> str:
        """The name an acronym stands for, written out in the document with the acronym's
        letters as its words' initials ("IRCC" -> "Immigration, Refugees and Citizenship
        Canada", "OECD" -> "Organisation for Economic Co-operation and Development"), small
        words and commas between them; "" when there is none, or more than one. (Found once
        per acronym, from the names that start with its first letter.)"""
        if not (_ACRONYM_LETTERS[0] <= len(name) <= _ACRONYM_LETTERS[1]) \
                or not name.isalpha() or not name.isupper():
            return ""
        found = self._spelled.get(name)
        if found is None:
            found = ""
            for nm in self.names:
                if nm.name[0] != name[0] or nm.acronym or nm.person:
                    continue
                spelled = _spell(self.ctx.text, nm.pos, name, self.ctx.lex.title_small_words)
                if spelled and found and spelled != found:
                    found = ""  # two names with these initials: neither is sure
                    break
                found = spelled or found
            self._spelled[name] = found
        return found

    def entity(self, key: str, make) -> _Entity:
        ent = self.by_key.get(key)
        if ent is None:
            ent = make(len(self.entities))
            self.entities.append(ent)
            self.by_key[key] = ent
        return ent

    def named(self, info: MentionInfo) -> tuple[_Entity, Resolution]:
        name, was_surname = self.full_name(info.name or "", info.start)
        kind = info.kind
        if kind == SpeakerKind.ORGANIZATION and was_surname and info.name \
                and name.lower().endswith(" " + info.name.lower()) and (
                    info.name.lower() in self.ctx.lex.countries
                    or hyphened_firm(self.ctx.lex, info.name)):
            # "Israel" for "Steve Israel", "Haji-Ioannou" for "Stelios Haji-Ioannou": the
            # last word of a longer name is a surname, no state or firm
            kind = SpeakerKind.PERSON
        if kind == SpeakerKind.ORGANIZATION:
            key = "org:" + name.lower()
        else:
            key = "person:" + name.lower()
            if key not in self.by_key and info.gender is None and not info.title:
                # "Dutch firm Heineken said …" then "Heineken said": the organisation named
                # so before, when nothing shows a person
                org = self.by_key.get("org:" + name.lower())
                if org is not None:
                    return org, Resolution.ORGANIZATION
        ent = self.entity(key, lambda i: _Entity(i, name, kind))
        if ent.gender is None:
            gender = info.gender
            if was_surname and gender and " " not in (info.name or " ") \
                    and self.ctx.lex.first_names.get((info.name or "").lower()) == gender:
                # "Clinton" for "Hillary Clinton": a surname that is also a first name shows
                # the gender of that first name, not the person's
                gender = None
            ent.gender = gender or self._gender_of(name)
        return ent, (Resolution.SURNAME if was_surname else
                     Resolution.ORGANIZATION if kind == SpeakerKind.ORGANIZATION
                     else Resolution.NAME)

    def _gender_of(self, name: str) -> Optional[str]:
        gender = self.genders.get(name)
        if gender:
            return gender
        return self.ctx.lex.first_names.get(name.split()[0].lower()) if " " in name else None

    def pronoun(self, info: MentionInfo) -> tuple[Optional[_Entity], Resolution]:
        """Who a pronoun stands for, by the pronoun resolvers' rules."""
        lex = self.ctx.lex
        if info.pronoun in lex.gendered_pronouns:
            ent = self.personal_pronoun(info)
        elif info.pronoun == "who":
            ent = self.relative_pronoun(info)
        elif info.pronoun in lex.group_pronouns:
            ent = self.group_pronoun(info)
        else:
            ent = None
        return (ent, Resolution.PRONOUN) if ent is not None else (None, Resolution.UNRESOLVED)

    def personal_pronoun(self, info: MentionInfo) -> Optional[_Entity]:
        """"he", "she": people named before the pronoun and earlier speakers, nearest first;
        a speaker quoted in this paragraph or the one before, else the nearest sentence subject,
        else the nearest one."""
        ctx = self.ctx
        window = ctx.limits.antecedent_window_chars
        pos = info.start
        ent: Optional[_Entity]
        cands: list[tuple[int, bool, Any]] = []
        # "his claim that …" may stand for the owner of an earlier claim; "he said" for no one
        # who only owned one ("he hit back at Mr Mallon's claim that …")
        owner = ctx.folded[info.start:info.end].lower() in ctx.lex.possessive_pronouns
        names = self.names
        # "Tony Blair would lead the campaign, he said.": a name in the clause the pronoun
        # reports is someone it speaks about, not the pronoun (but "When Hewitt shook his
        # hand, he said": a subordinate clause may name him)
        reported_from = self._reported_clause_start(info)
        k = bisect_left(self.name_pos, pos) - 1
        while k >= 0 and len(cands) < _PRONOUN_NAMES:
            nm = names[k]
            if pos - nm.pos > window:
                break
            k -= 1
            if nm.pos >= reported_from:
                continue
            # (the verdict kept on the name read without a call: this loop visits every name
            # of the window before each pronoun)
            # "Tony Blair's big speech will be …": a person's possessive that opens the
            # sentence (a title before it at most) names whom the sentence is about, as its
            # subject would (a full name with a gender shown); any other possessive owns a
            # thing, no clause ("he hit back at Mr Mallon's claim")
            # ("Tony Blair's official spokesman said": the owner of a person speaks not)
            topic = nm.possessive and nm.words >= 2 and (
                nm.initial or self._titled_opening(nm)) and not self._owns_person(nm)
            if nm.possessive and not topic or nm.acronym or (
                    nm.no_one if nm.no_one is not None else self._no_one(nm)):
                continue  # "The Tory leader was asked": a party or nationality, no one
            g = nm.gender or self._known_gender(nm)
            if g and g != info.gender or topic and not g:
                continue
            # a lone capitalised subject counts after a leading clause ("When asked,
            # Mulder didn't hesitate"), not as the first word of a sentence ("Three ...")
            weak = nm.subject and (nm.words >= 2 or not nm.initial)
            if (not nm.person and not weak) or self.converted:
                known = self.by_key.get((nm.shown or self._shown(nm))[0])  # (its full name's)
                if known is not None and (known.kind == SpeakerKind.ORGANIZATION
                                          or self._acronym_name(known)):
                    continue  # a name "it" has shown to be an organisation, or no person
                if known is None and not nm.person and not weak:
                    continue
            cands.append((nm.pos, nm.subject or topic, nm))
        for spos, ent in reversed(self.spoken):
            if pos - spos > window or len(cands) >= _PRONOUN_CANDIDATES:
                break
            if ent.kind != SpeakerKind.PERSON or ent.unresolved or (
                    ent.gender and ent.gender != info.gender) or self._common_name(ent) \
                    or (ent.head and not self._person_noun(ent.head)) \
                    or self._acronym_name(ent):
                continue
            cands.append((spos, owner or spos not in self.aside, ent))
        if not cands:
            return self._described_subject(info)
        # a speaker quoted in this paragraph or the one before is who "she said" means,
        # before anyone merely named since ("Sarah Buckley ... said Covington Catholic has")
        para = self._paragraph(pos)
        recent = [c for c in cands if isinstance(c[2], _Entity) and c[1]
                  and para - self._paragraph(c[0]) <= 1]
        # nearest first (a reversed sort keeps ties in their order, as a key of -position did;
        # the C key makes no Python call per candidate)
        cands.sort(key=itemgetter(0), reverse=True)
        subject = next((c for c in cands if c[1]), None)
        if recent:
            latest = max(recent, key=lambda c: c[0])
            # ... unless a person (a name with a first name, title, cue or age, or the
            # surname of one) who opens a clause was named since, in this paragraph or the
            # one before: 'Shadow home secretary David Davis questioned the plans. "…," he
            # said.'
            if subject is None or isinstance(subject[2], _Entity) \
                    or not subject[2].person \
                    or subject[0] <= latest[0] or para - self._paragraph(subject[0]) > 1 \
                    or self._named_since(latest[2], subject[0], cands):
                return latest[2]
            pick = subject[2]
            # (unless a description the role-noun resolver ties to that speaker opens a clause
            # since: "Mr Brown set aside £1bn. But the Lib Dem spokesman questioned …. He
            # urged …")
            if self._described_since(subject[2], info) is latest[2]:
                return latest[2]
        else:
            pick = (self._lone_person(cands, info) or subject or cands[0])[2]
        if isinstance(pick, _Entity):
            return pick
        name, _ = self.full_name(pick.name, pick.pos)
        return self.entity("person:" + name.lower(),
                           lambda i: _Entity(i, name, SpeakerKind.PERSON))

    def _titled_opening(self, nm: _Name) -> bool:
        """A title opens the sentence of ``nm`` right before it ("Senator Ada Lowe's …")."""
        toks = self.ctx.tokens
        first = nm.last_token - nm.words + 1
        n = self.ctx.wc.title_len[first - 1] if first > 0 else 0
        return n > 0 and (first - n == 0 or toks[first - n - 1].sentence != toks[first].sentence)

    def _owns_person(self, nm: _Name) -> bool:
        """The possessive ``nm`` owns a person: a title or a noun of people within the next
        few words ("Tony Blair's official spokesman", "Mr Smith's lawyers")."""
        toks, wc = self.ctx.tokens, self.ctx.wc
        sent = toks[nm.last_token].sentence
        x = nm.last_token + 1
        while x < len(toks) and x - nm.last_token <= _TITLE_QUALIFIERS \
                and toks[x].sentence == sent and toks[x].is_word:
            if wc.title_len[x] or toks[x].key in self.ctx.lex.group_nouns:
                return True
            x += 1
        return False

    def _described_since(self, nm: _Name, info: MentionInfo) -> Optional[_Entity]:
        """The person a definite description stands for ("the Lib Dem spokesman", "the
        48-year-old actor"), as the role-noun resolver ties it, when it opens a sentence after
        the one of ``nm`` as the subject of a verb: the sentence before the pronoun's, or the
        pronoun's own when the pronoun does not open it; None when there is none, or it is
        tied to no one of the pronoun's gender. (At most two noun phrases read.)"""
        ctx = self.ctx
        toks = ctx.tokens
        at = ctx.token_at_or_after(info.start)
        if at >= len(toks):
            return None
        sent = toks[at].sentence
        named_in = toks[nm.last_token].sentence
        for x in (sent, sent - 1):
            if x <= named_in:
                break
            lo, hi = ctx.sentences[x]
            while lo < hi and toks[lo].lower in ctx.lex.clause_openers:
                lo += 1  # ("But the 25-year-old winger underlined …")
            if x == sent and lo >= at:
                continue  # the pronoun opens its own sentence
            np = np_after(ctx.wc, lo, hi, ctx.limits.max_mention_tokens)
            if np is None or np[1] >= hi or not toks[np[1]].is_word or toks[np[1]].is_cap:
                continue
            found = analyse(ctx.wc, ctx.text, np)
            if not found.definite or found.pronoun or found.name is not None \
                    or found.kind != SpeakerKind.PERSON or found.owned or found.anonymous \
                    or not (found.head in ctx.lex.titles or found.capitalised_head):
                continue
            ent = self.role_noun(found)
            if ent is None or ent.kind != SpeakerKind.PERSON or (
                    ent.gender and ent.gender != info.gender):
                return None
            return ent
        return None

    def _reported_clause_start(self, info: MentionInfo) -> int:
        """Where the clause starts that a pronoun after a comma reports ("CONTENT, he said.":
        the sentence start), when the pronoun and its cue end a sentence that opens with no
        subordinator; else past the pronoun (no name is left out; "… since, he said, the …"
        and "When Hewitt shook his hand, he said" may name him)."""
        ctx = self.ctx
        toks = ctx.tokens
        at = ctx.token_at_or_after(info.start)
        if at <= 0 or at >= len(toks) or toks[at - 1].text != ",":
            return info.end
        lo, hi = ctx.sentences[toks[at].sentence]
        end = next((x for x in range(at, min(hi, at + _REPORTING_TAIL_TOKENS))
                    if not toks[x].is_word), hi)
        if end >= hi - 1 and hi - at > _REPORTING_TAIL_TOKENS or end < hi - 1 and not (
                toks[end].text == "," and end + 1 < hi and toks[end + 1].lower.endswith("ing")):
            return info.end  # (", he claimed, saying …": a participle may follow)
        x = lo
        while x < at and toks[x].lower in ctx.lex.clause_openers:
            x += 1  # ("And Tony Blair would …")
        if toks[x].lower in ctx.lex.subordinators or toks[x].quote >= 0:
            return info.end
        # only while someone speaks on from the sentence before ("…, Alan Milburn told Radio
        # 4. Mr Blair has the same passion, he said."); after narration the person named is
        # often the speaker ("Ms. Olivieri found skating a salve, she said.")
        sent = toks[at].sentence
        before = toks[ctx.sentences[sent - 1][0]].start if sent > 0 else toks[lo].start
        if not self.spoken or self.spoken[-1][0] < before:
            return info.end
        return toks[lo].start

    def _described_subject(self, info: MentionInfo) -> Optional[_Entity]:
        """With no one named or quoted before it, "he said" stands for an unnamed person who
        opens the sentence before it, in the same paragraph: "A spokesman for the Acme
        Association said the fees were fair. He said …" (the spokesman, as described)."""
        ctx = self.ctx
        toks = ctx.tokens
        at = ctx.token_at_or_after(info.start)
        sent = toks[at].sentence
        if sent == 0 or self._paragraph(ctx.tokens[ctx.sentences[sent - 1][0]].start) \
                != self._paragraph(info.start):
            return None
        lo, hi = ctx.sentences[sent - 1]
        found = self._subject_description(lo, hi, info)
        if found is None:
            # "On Monday, a Downing Street spokesman declined …", "Later, the minister's
            # spokesman …": the subject after a short phrase that opens the sentence (as a
            # named subject is found there; about 2 such sentences before a lone "He said" in
            # the BBC corpus)
            k = lo
            while k < hi and k - lo < _FRONTED_TOKENS and toks[k].text != ",":
                k += 1
            if lo < k < hi - 1 and toks[k].text == ",":
                found = self._subject_description(k + 1, hi, info)
            if found is None:
                return None
        desc = found.description or ""  # (never empty: `_subject_description` checks it)
        head = found.head
        ent = self.entity("described:" + desc.lower(), lambda i: _Entity(
            i, desc, SpeakerKind.PERSON, head=head))
        ent.title = ent.title or found.title
        ent.affiliation = ent.affiliation or found.affiliation
        ent.anonymous = ent.anonymous or found.anonymous
        return ent

    def _subject_description(self, lo: int, hi: int,
                             info: MentionInfo) -> Optional[MentionInfo]:
        """The unnamed person (of the pronoun's gender) that opens tokens ``lo:hi`` as the
        subject of a verb, or None."""
        ctx = self.ctx
        np = np_after(ctx.wc, lo, hi, ctx.limits.max_mention_tokens)
        if np is None or np[1] >= hi or ctx.tokens[np[1]].is_cap:
            return None
        found = analyse(ctx.wc, ctx.text, np)
        if found.name is not None or found.kind != SpeakerKind.PERSON or found.pronoun \
                or found.head not in ctx.lex.titles or not found.description \
                or (found.gender and found.gender != info.gender):
            return None
        return found

    def _lone_person(self, cands: list, info: MentionInfo) -> Optional[tuple]:
        """The candidate named last before the pronoun's sentence when nothing else in its
        sentence competes for the pronoun: no other candidate, and no pronoun of the same gender
        before it (that would be the person of the sentences before: "He met Jones"). The
        person the sentence is about, though not its subject: "It is a comment that Scheer
        found troubling. '…,' he said." / "With veteran Tom Reed, little will change."."""
        top = cands[0]
        if top[1] or not isinstance(top[2], _Name):
            return None
        ctx = self.ctx
        toks = ctx.tokens
        sent = toks[top[2].last_token].sentence
        lo = ctx.sentences[sent][0]
        if toks[lo].start <= info.start < toks[ctx.sentences[sent][1] - 1].end:
            return None  # the pronoun's own sentence: "After meeting Jones, he said"
        if len(cands) > 1 and cands[1][0] >= toks[lo].start:
            return None
        first = top[2].last_token - top[2].words + 1
        if first > lo and toks[first - 1].lower in ctx.lex.determiners:
            return None  # "an Alan Shearer strike": a name that modifies a noun acts in nothing
        pronouns, possessive = ctx.lex.pronouns, ctx.lex.possessive_pronouns
        # (a sentence with no cue is tokenised only around its capitalised words: its words
        # are read from the text)
        for word in ctx.folded[toks[lo].start:top[0]].lower().split():
            word = word.strip(_WORD_PUNCTUATION)
            word = possessive.get(word, word)
            if word in pronouns and pronouns[word][0] == info.gender:
                return None
        return top

    def relative_pronoun(self, info: MentionInfo) -> Optional[_Entity]:
        """", who said": the name right before ("Sen. Dianne Feinstein, ..., who said")."""
        pos = info.start
        k = bisect_left(self.name_pos, pos) - 1
        near: list[Any] = []
        while k >= 0 and pos - self.names[k].pos <= _WHO_WINDOW_CHARS and len(near) < _WHO_NAMES:
            near.append(self.names[k])
            k -= 1
        if near:
            nm = next((n for n in near if n.person and not n.possessive),
                      next((n for n in near if n.words >= 2 and not n.possessive), near[0]))
            name, _ = self.full_name(nm.name, nm.pos)
            kind = SpeakerKind.ORGANIZATION if nm.org else SpeakerKind.PERSON
            key = ("org:" if nm.org else "person:") + name.lower()
            return self.entity(key, lambda i: _Entity(i, name, kind))
        return None

    def group_pronoun(self, info: MentionInfo) -> Optional[_Entity]:
        """"they", "it": the group or organisation quoted last; for "it", else the organisation
        named last, else the last speaker whose name shows no person."""
        pos = info.start
        window = self.ctx.limits.antecedent_window_chars
        for spos, ent in reversed(self.spoken):
            if pos - spos > window:
                break
            if ent.kind == SpeakerKind.PERSON:
                continue  # "they" and "it" speak for groups and organisations
            if info.pronoun == "it":
                # an organisation that opens a clause since, in this paragraph or the one
                # before, is what "it" means, before the one quoted last ("…, said the Beijing
                # News. … The Acme Corp could now face a fine. Last week, it denied …")
                since = self._subject_organization(spos, pos)
                if since and since.lower() != ent.name.lower():
                    return self._organization(since)
            return ent
        if info.pronoun == "it":
            return self.recent_organization(pos) or self._unmarked_speaker(pos, window)
        return None

    def _subject_organization(self, since: int, pos: int) -> str:
        """The name of the last organisation named between ``since`` and ``pos`` that opens
        its sentence as the subject of a verb, in the paragraph of ``pos`` or the one before: a
        name ending in an organisation word or an acronym ("The Acme Project Corp could now
        face …"), at most "The" before it and a lower-case word after it. (Only the names since
        the speaker are read; "" when there is none.)"""
        toks = self.ctx.tokens
        para = self._paragraph(pos)
        k = bisect_left(self.name_pos, pos) - 1
        while k >= 0 and self.names[k].pos > since:
            nm = self.names[k]
            k -= 1
            if para - self._paragraph(nm.pos) > 1:
                return ""
            if nm.person or nm.possessive or nm.last_token < 0:
                continue
            last = nm.last_token
            first = last - nm.words + 1
            sent = toks[last].sentence
            lo = self.ctx.sentences[sent][0]
            if first - lo > 1 or first > lo and toks[lo].lower != "the":
                continue
            x = last + 1  # the verb, after an "of" phrase ("The Muslim Council of Britain has")
            if x < len(toks) and toks[x].lower == "of":
                x += 1
                while x < len(toks) and x - last <= _OF_NAME_WORDS and toks[x].is_cap:
                    x += 1
            if x >= len(toks) or toks[x].sentence != sent or not toks[x].is_word \
                    or toks[x].is_cap or toks[x].lower in self.ctx.lex.not_verbs \
                    or self.ctx.wc.title_len[x]:
                continue  # (not "The GOP candidate proposes": a name that modifies a noun)
            words = nm.name.lower().split()
            if not (words[-1] in self.ctx.lex.org_words
                    or nm.acronym and len(nm.name) >= 3 and "." not in nm.name):
                continue
            return self._name_with_of(nm).removeprefix("The ").removeprefix("the ")
        return ""

    def _named_since(self, ent: _Entity, since: int, cands: list) -> bool:
        """``ent`` is named again after ``since`` among the candidate names (in any role: "It is
        a comment Scheer found concerning")."""
        return any(isinstance(c[2], _Name) and c[0] > since
                   and self.full_name(c[2].name, c[0])[0] == ent.name for c in cands)

    def _unmarked_speaker(self, pos: int, window: int) -> Optional[_Entity]:
        """The last speaker before ``pos`` known only by a name that shows no person, when
        "it" has no organisation to stand for ("Ryanair said ... '…,' it said"): from then on
        it is an organisation."""
        if self.closed:
            return None  # the speakers are final (non-statements are resolved after them)
        for spos, ent in reversed(self.spoken):
            if pos - spos > window:
                break
            if spos < pos and ent.kind == SpeakerKind.PERSON and self._unmarked_name(ent):
                ent.kind = SpeakerKind.ORGANIZATION
                self.converted = True
                return ent
        return None

    def _acronym_name(self, ent: _Entity) -> bool:
        """A speaker named by words with an acronym among them and nothing that shows a person
        ("According to PC Pro, …", "BC Hydro said"): no one "he" or "she" stands for."""
        return " " in ent.name and self._unmarked_name(ent)

    def _unmarked_name(self, ent: _Entity) -> bool:
        """A speaker known only by a name that shows no person: one word that is no first name
        ("BA", "Ryanair", "Nestle", "T-Mobile"), or words with an acronym among them ("BC
        Hydro"), with no title, gender or "he"/"she" for it. News text names companies and
        agencies this way as often as with an organisation word; two plain capitalised words
        are more often a person with a first name the lexicon lacks, and stay one."""
        if ent.head or ent.unresolved or ent.anonymous or ent.gender or ent.title or ent.personal:
            return False
        verdict = self._unmarked.get(ent.id)
        if verdict is None:  # the name's test, once per entity (a name may be long)
            verdict = self._unmarked[ent.id] = self._name_shows_no_person(ent.name)
        return verdict

    def _name_shows_no_person(self, name: str) -> bool:
        words = [w.removesuffix("'s") for w in name.split()]
        if not words or not words[0][:1].isupper() or any(
                w.lower() in self.ctx.lex.first_names for w in words):
            return False
        if len(words) > 1:
            return any(len(w) >= 2 and w.isupper() for w in words)
        # "Analysts", "Profits": a word capitalised to open a sentence
        return not self._common_word(words[0].lower())

    def _no_one(self, nm: _Name) -> bool:
        """``nm`` names no one a pronoun can stand for: a word capitalised only because it opens
        its sentence, or a party or nationality named alone ("Tory"). (Found once per name.)"""
        found = nm.no_one
        if found is None:
            found = nm.no_one = self._capitalised_common_word(nm) or (
                nm.words == 1 and nm.name.lower() in self.ctx.lex.affiliation_words)
        return found

    def _capitalised_common_word(self, nm: _Name) -> bool:
        """``nm`` is one word capitalised only because it opens its sentence: a plural noun of
        people ("Prosecutors have not charged him") or a word the text writes in lower case
        too; no one "he" or "she" can stand for."""
        return nm.words == 1 and nm.initial and self._plain_word(nm.name.lower())

    def _plain_word(self, word: str) -> bool:
        """``word`` (lower case) is a plural noun of people or is written in lower case in the
        text."""
        return word in self.ctx.lex.group_nouns or self._common_word(word)

    def _person_noun(self, head: str) -> bool:
        """``head``, the head noun of a description, names people: a title or role ("the
        spokesman"), a plural of people ("officials") or an anonymous source ("a source")."""
        lex = self.ctx.lex
        return head in lex.titles or head in lex.group_nouns or head in lex.anonymous_heads

    def _common_name(self, ent: _Entity) -> bool:
        """A speaker named by one capitalised word the text also writes in lower case ("Any
        exit strategy must \"…\"" made "Any" a speaker): not a person a pronoun stands for."""
        return not ent.head and " " not in ent.name and ent.name[:1].isupper() \
            and self._plain_word(ent.name.lower())

    def _common_word(self, word: str) -> bool:
        """``word`` (lower case) is also written in lower case in the text (found with
        ``str.find``, each word once per document: cheaper than collecting every word)."""
        known = self._lower_words.get(word)
        if known is None:
            known = self._lower_words[word] = occurs(self.ctx.folded, word, False)
        return known

    def _recent_person(self, pos: int, window: int, *,
                       subject: str = "") -> Optional[_Entity]:
        """The person `_recent_person_name` finds, as a speaker."""
        name = self._recent_person_name(pos, window, subject=subject)
        if name is None:
            return None
        return self.entity("person:" + name.lower(), lambda i: _Entity(i, name, SpeakerKind.PERSON))

    def _recent_person_name(self, pos: int, window: int, *, subject: str = "") -> Optional[str]:
        """The person named last before ``pos``, preferring one who opens a clause ("Trudeau
        made the comments at a Milton high school. The prime minister said ..."), then one
        already quoted ("Owen ... linked Owen with a move, with Newcastle expressing interest,
        but the striker said": not the club named since). With ``subject``, the head noun of
        the role noun, only a person who opens a clause, shows it (a first name, a title, a cue,
        or quoted already) and is named in full somewhere ("Bat told the BBC": a company named
        alone), with no other title ("FBI Director James Comey" is not "the candidate")."""
        k = bisect_left(self.name_pos, pos) - 1
        nearest = speaker = None
        while k >= 0 and pos - self.names[k].pos <= window:
            nm = self.names[k]
            k -= 1
            full, _ = self.full_name(nm.name, nm.pos)
            known = self._known_person(full)
            # (an acronym spelled out elsewhere names an organisation: "NIESR claims")
            if nm.possessive or (nm.acronym and full != nm.name) or not (
                    nm.strong or known or (nm.subject and full != nm.name)):
                continue
            if subject and not (nm.subject and (nm.strong or known) and " " in full
                                and (not nm.title or nm.title.split()[-1] == subject
                                     or nm.title in self.ctx.lex.courtesy_titles)):
                continue
            if nm.subject:
                nearest = nm
                break
            nearest = nearest or nm
            if known and speaker is None:
                speaker = nm
        # a person quoted since, in this paragraph or the one before, is who the role noun
        # means, before a clause subject named earlier ("Oxfam says ..." then "..., Oxfam's
        # Barbara Stocking said" then "..., the charity's director added")
        if speaker is not None and (nearest is None or not nearest.subject
                                    or self._paragraph(pos) - self._paragraph(speaker.pos) <= 1):
            nearest = speaker
        if nearest is None:
            return None
        return self.full_name(nearest.name, nearest.pos)[0]

    def _introduced(self, info: MentionInfo) -> Optional[tuple[_Entity, int]]:
        """The indefinite description ("a senior diplomat") that first brought in the head noun
        of a definite role noun, searched back within the antecedent window, and where it
        stands."""
        found = self._introduction(info)
        if found is None:
            return None
        name, at = found
        ent = self.entity("intro:" + name.lower(), lambda i: _Entity(
            i, name, SpeakerKind.PERSON, head=info.head, anonymous=True))
        return ent, at

    def _introduction(self, info: MentionInfo) -> Optional[tuple[str, int]]:
        """The description `_introduced` finds (without its determiner), and where it stands."""
        if info.kind != SpeakerKind.PERSON or info.head not in self.ctx.lex.titles:
            return None
        pattern = _intro_pattern(info.head)
        start = max(0, info.start - self.ctx.limits.antecedent_window_chars)
        found = None
        masked = self.ctx.lowered
        for m in pattern.finditer(self.ctx.folded, start, info.start):
            # (not inside a quotation: "For a fourth-choice striker, I'm happy" are the
            # speaker's words, no source the reporter brought in)
            if masked[m.start()] != MASK:
                found = m
        if found is None:
            return None
        desc = self.ctx.text[found.start():found.end()]
        words = desc.split(None, 1)
        return (words[1] if len(words) > 1 else desc), found.start()

    def _paragraph(self, pos: int) -> int:
        return bisect_left(self.paragraph_starts, pos + 1) - 1

    def recent_organization(self, pos: int, head: str = "",
                            any_name: bool = True) -> Optional[_Entity]:
        """The organisation named last before ``pos``: one whose name holds ``head`` ("the
        diocese" -> "the Roman Catholic Diocese of Covington"), else one with an organisation
        word or an acronym ("the commission" -> "SEC")."""
        k = bisect_left(self.name_pos, pos) - 1
        window = self.ctx.limits.antecedent_window_chars
        fallback = None
        while k >= 0 and pos - self.names[k].pos <= window:
            nm = self.names[k]
            k -= 1
            # (for a role noun, an acronym: "IRCC said" shows no person, whatever the cue)
            if nm.person and not (head and nm.acronym):
                continue
            if head and (head in nm.name.lower().split() or self._headed_by(nm, head)):
                # "the diocese" -> "the Roman Catholic Diocese of Covington"; "the company" ->
                # "media buying company GroupM"
                return self._organization(self._name_with_of(nm))
            if head and nm.acronym:
                # "The AFI also questioned …" then "the institute concluded": the name the
                # acronym stands for holds the head
                spelled = self.spelled_out(nm.name)
                if spelled and head in spelled.lower().split():
                    return self._organization(spelled)
            last = nm.name.split()[-1].lower()
            if fallback is None and any_name and not nm.possessive and (
                    last in self.ctx.lex.org_words
                    or (nm.acronym and len(nm.name) >= 3 and "." not in nm.name)):
                fallback = nm
        return self._organization(fallback.name) if fallback is not None else None

    def owner_organization(self, info: MentionInfo) -> Optional[str]:
        """The organisation a title's owner stands for, when the text leaves no doubt: "the
        agency's former chief executive" -> the last name before it that is no person's, if it
        holds the noun ("Child Support Agency") or is an acronym ("The SEC found ... The
        watchdog's chief accountant"); "its co-chairman" -> the first such name of its own
        sentence, which may also end in an organisation word ("The Conservative Party would ...
        rejoin its ranks, its co-chairman has said"). Any other name there leaves it unknown
        ("Kraft Foods ... Winn-Dixie's slide ... the company's new chief executive"). (BBC
        corpus: 40 "the <noun>'s <title>" and 26 "its <title>" in all; 6 speakers of 20 quotes
        gain an affiliation, all right.)"""
        toks = self.ctx.tokens
        sent = toks[self.ctx.token_at_or_after(info.start)].sentence \
            if info.owner == "it" else -1
        k = bisect_left(self.name_pos, info.start) - 1
        found = None
        while k >= 0 and info.start - self.names[k].pos <= _ROLE_NOUN_WINDOW_CHARS:
            nm = self.names[k]
            k -= 1
            # ("Deutsche Boerse bosses have held talks ..., its chief has said": a name that
            # opens the sentence shows no person by that alone)
            weak = sent >= 0 and nm.subject and not nm.strong \
                and not self._short_or_known(nm)
            if nm.last_token < 0 or nm.person and not weak or nm.possessive or (
                    nm.words == 1 and nm.name.lower() in self.ctx.lex.affiliation_words):
                continue  # (not "Tory" of "Theresa May, Tory shadow ... secretary,")
            if sent >= 0:  # "its": the first name of the sentence
                if toks[nm.last_token].sentence != sent:
                    break
                found = nm
                continue
            found = nm
            break
        if found is None or found.last_token + 2 < len(toks) \
                and toks[found.last_token + 1].lower == "and" and toks[found.last_token + 2].is_cap:
            return None  # ("group Victims and Citizens Against Crime": a name cut at "and")
        words = found.name.lower().split()
        # (a name ending in an organisation word stands for "its" only: "the show's creator"
        # is no more The Office's than the show named before it)
        if not (info.owner in words or self._headed_by(found, info.owner)
                or sent >= 0 and (words[-1] in self.ctx.lex.org_words or found.subject)
                or found.acronym and len(found.name) >= 3):
            return None
        return self._organization(self._name_with_of(found)).name

    def _short_or_known(self, nm: _Name) -> bool:
        """``nm`` is part of a fuller name written in the document ("Hale" of "Lord Hale"), or
        a speaker already: a person's."""
        full, part = self.full_name(nm.name, nm.pos)
        return part or self._known_person(full)

    def speaking_organization(self, info: MentionInfo) -> Optional[str]:
        """The organisation a titled person with none of their own speaks for, where the
        text sets them next to it: "The Fire Brigades Union said …. Pensions officer Jo Doe
        said:" (it opens the sentence before and speaks there; the person opens the next) and
        "Labour hit back …, with election coordinator Jo Doe accusing …" (it opens the
        sentence the person is brought in by "with"). The organisation must show it is one: an
        organisation word, an acronym or a party ("The Liberal Democrats")."""
        toks = self.ctx.tokens
        first = self.ctx.token_at_or_after(info.start)
        sent = toks[first].sentence
        opens = first == 0 or toks[first - 1].sentence != sent
        if opens:
            if sent == 0:
                return None
            sent -= 1
        elif toks[first - 1].lower != "with":
            return None
        k = bisect_left(self.name_pos, info.start) - 1
        found = None
        while k >= 0 and toks[self.names[k].last_token].sentence == sent:
            found = self.names[k]
            k -= 1
        if found is None or found.person or found.possessive or found.last_token - found.words \
                + 1 > self.ctx.sentences[sent][0] + 1:
            return None  # (only a name that opens the sentence, after "The" at most)
        x = found.last_token + 1
        if opens and (x >= len(toks) or not self.ctx.wc.is_cue(x)
                      or toks[x].key in self.ctx.lex.documents):
            return None  # (not "The NAO report said": a document, no speaker of the body)
        words = found.name.lower().split()
        if not (words[-1] in self.ctx.lex.org_words or found.acronym and len(found.name) >= 3
                or party_plural(self.ctx.lex, words[-1])):
            return None
        return self._organization(self._name_with_of(found)).name

    def represented_body(self, info: MentionInfo) -> Optional[str]:
        """The organisation a spokesperson with none of their own speaks for: the nearest
        name before them that is a clause's subject, in their sentence or the
        `_BODY_SENTENCES` before, of their paragraph or the one before, when it is an
        organisation ("Bookmaker Ladbrokes said it would … . "…," spokesman Jo Doe said.";
        "The Justice Department refused to comment. A spokeswoman said …"). A person there
        is whom the spokesperson may speak for: then none."""
        ctx = self.ctx
        toks, lex = ctx.tokens, ctx.lex
        first = ctx.token_at_or_after(info.start)
        if first >= len(toks):
            return None
        sent = toks[first].sentence
        para = ctx.sentence_paragraph[sent]
        k = bisect_left(self.name_pos, info.start) - 1
        stop = k - _BODY_NAMES
        while k >= 0 and k > stop:
            nm = self.names[k]
            k -= 1
            if nm.last_token < 0:
                continue
            s = toks[nm.last_token].sentence
            if sent - s > _BODY_SENTENCES or para - ctx.sentence_paragraph[s] > 1:
                return None
            x = nm.last_token + 1
            if nm.possessive or x >= len(toks) or toks[x].sentence != s \
                    or not toks[x].text[:1].islower() or toks[x].key in lex.org_words \
                    or ctx.wc.is_title(x):
                continue  # (not "Environmental group …": a word before a noun)
            name = self._subject_name(nm)
            if name is None:
                continue
            if name == nm.name:
                name = self._name_with_of(nm)
            if toks[x].lower in lex.function_words and name == nm.name:
                return None  # ("The Rock and Roll Hall", "The Votes at 16 alliance": a
                # name the name model cut)
            if not self._shows_body(nm, name):
                return None
            name = name[4:] if name.lower().startswith("the ") else name
            return self.spelled_out(name) or name
        return None

    def _subject_name(self, nm: _Name) -> Optional[str]:
        """The name ``nm`` as the subject of its clause, or None when it is none: as it is
        when it opens a clause; when it opens its sentence, without a word capitalised only
        for that ("Bookmaker Ladbrokes said" -> "Ladbrokes") or with the capitalised words
        before it after a determiner ("The Justice Department said": "Justice" is a title)."""
        toks = self.ctx.tokens
        words = nm.name.split()
        if nm.initial and len(words) > 1 and self._common_word(words[0].lower()):
            return " ".join(words[1:])
        if nm.subject:
            return nm.name
        x = nm.last_token - nm.words + 1  # the name's first token
        d = x - 1  # the determiner before it and the capitalised words between
        while d >= 0 and x - d <= _BODY_OPENING_WORDS and toks[d].is_cap \
                and not self.ctx.wc.is_det(d):
            d -= 1
        if d < 0 or not self.ctx.wc.is_det(d) or toks[d].sentence != toks[x].sentence \
                or d > self.ctx.sentences[toks[x].sentence][0] and toks[d - 1].text != ",":
            return None  # ("the Conservatives insisted", after a comma, opens a clause too)
        return self.ctx.text[toks[d + 1].start:toks[nm.last_token].end] if d + 1 < x \
            else nm.name

    def _shows_body(self, nm: _Name, name: str) -> bool:
        """``name`` (of ``nm``) names an organisation: its last word is an organisation word
        or a party's plural, it is an acronym, or it is one word that shows no person
        ("Ladbrokes")."""
        lex = self.ctx.lex
        words = name.lower().split()
        if nm.org or words[-1] in lex.org_words or party_plural(lex, words[-1]) \
                or nm.acronym and len(name) >= 3:
            return True
        if len(words) > 1 or nm.title or nm.gender is not None \
                or not self._name_shows_no_person(name):
            return False
        if name == nm.name and nm.initial and not self.ctx.wc.named_inside(self.ctx.text,
                                                                           nm.last_token):
            return False  # ("Further analysis …", "Rival search engine …": written
            # capitalised only where it opens a sentence, a common word)
        full, longer = self.full_name(name, nm.pos)
        known = self.by_key.get("person:" + full.lower())
        if known is not None and (known.gender or known.personal or known.title):
            return False  # ("Levine said", with "he" for him elsewhere: a person)
        # (a part of a person's name is no body: "Reid" of "Ann Reid"; "Ladbrokes" of
        # "Bookmaker Ladbrokes" is)
        return not longer or all(self._common_word(w.lower()) for w in full.split()[:-1])

    def _named_with(self, head: str, since: int, pos: int) -> Optional[str]:
        """The last organisation named between ``since`` and ``pos`` whose name ends in the
        noun ``head``, or None."""
        k = bisect_left(self.name_pos, pos) - 1
        while k >= 0 and self.names[k].pos > since:
            nm = self.names[k]
            k -= 1
            words = nm.name.lower().split()
            if not nm.person and len(words) > 1 and words[-1] == head:
                # (its head noun: "… Office", not "Campaign Legal Center" or "Campaign" alone)
                return nm.name
        return None

    def _name_with_of(self, nm: _Name) -> str:
        """An organisation's name with the "of" phrase written after it ("Bank" of "the Bank
        of England", "Roman Catholic Diocese" of "… Diocese of Covington"): the capitalised
        words after "of", when the name ends in an organisation word."""
        toks = self.ctx.tokens
        k = nm.last_token + 1
        if nm.last_token < 0 or nm.possessive \
                or nm.name.split()[-1].lower() not in self.ctx.lex.org_words \
                or k + 1 >= len(toks) or toks[k].lower != "of":
            return nm.name
        sent = toks[nm.last_token].sentence
        j = k + 1
        while j < len(toks) and j - k <= _OF_NAME_WORDS and toks[j].sentence == sent \
                and self.ctx.wc.name_word[j] and not self.ctx.wc.title_len[j]:
            j += 1
            if toks[j - 1].possessive:
                return nm.name  # ("the Bank of England's governor": read as it stands)
        if j == k + 1:
            return nm.name
        return nm.name + self.ctx.text[toks[nm.last_token].end:toks[j - 1].end]

    def _headed_by(self, nm: _Name, head: str) -> bool:
        """``head`` is the noun written right before the name ``nm`` ("media buying company
        GroupM", "the firm Ratehub"): the text says what the name is."""
        first = nm.last_token - nm.words + 1
        toks = self.ctx.tokens
        # (not "the company's American business": a possessive owns what follows)
        return first > 0 and toks[first - 1].key == head and not toks[first - 1].possessive \
            and toks[first - 1].sentence == toks[first].sentence

    def _organization(self, name: str) -> _Entity:
        if name.lower().startswith("the "):
            name = name[4:]
        name = self.spelled_out(name) or name  # "the commission" -> "SEC" -> its full name
        return self.entity("org:" + name.lower(),
                           lambda i: _Entity(i, name, SpeakerKind.ORGANIZATION))

    def _known_gender(self, nm: _Name) -> Optional[str]:
        """The gender of the person ``nm`` stands for: as a speaker, else shown by their full
        name ("Trump" after "Donald Trump"), else by a first name written alone ("His wife
        Sharon, who ...")."""
        # (asked of the same names again and again: the speaker key and the gender the name
        # shows are found once; only the speaker's gender can change)
        known = nm.shown or self._shown(nm)
        ent = self.by_key.get(known[0])
        if ent is not None and ent.gender:
            return ent.gender
        return known[1]

    def _shown(self, nm: _Name) -> tuple[str, Optional[str]]:
        """The key of the speaker the full name of ``nm`` makes, and the gender it shows
        (kept in ``nm.shown``: a pronoun weighs the same names again and again)."""
        full, _ = self.full_name(nm.name, nm.pos)
        shown = self.ctx.lex.first_names.get(full.lower()) if " " not in full \
            else self._gender_of(full)
        known = nm.shown = ("person:" + full.lower(), shown)
        return known

    def _known_person(self, name: str) -> bool:
        ent = self.by_key.get("person:" + name.lower())
        return ent is not None and ent.kind != SpeakerKind.ORGANIZATION

    def role_noun(self, info: MentionInfo) -> Optional[_Entity]:
        """Who a definite description refers back to, or None ("his agent": someone new)."""
        if info.definite and not (info.owned and info.kind == SpeakerKind.PERSON):
            # "the western diplomat" -> an earlier "one western diplomat"; "the judge" -> Judge X
            ent: Optional[_Entity]
            for ent in reversed(self.entities[-_RECENT_ENTITIES:]):
                if ent.head == info.head or (
                        ent.title and ent.title.lower().split()[-1] == info.head):
                    if info.owned and info.kind == SpeakerKind.ORGANIZATION and ent.mentions:
                        # "said his office": an organisation named with that noun since the
                        # other one was quoted ("… the Prime Minister's Office") is his
                        since = max(m[0] for m in ent.mentions if m is not None)
                        named = self._named_with(info.head, since, info.start)
                        if named is not None:
                            return self._organization(named)
                    return ent
            # "the prime minister said" -> "Prime Minister Justin Trudeau" named earlier
            titled = self._titled_name_before(info)
            if titled is not None:
                name, _ = self.full_name(titled.name, titled.pos)
                return self.entity("person:" + name.lower(), lambda i: _Entity(
                    i, name, SpeakerKind.PERSON))
            # "A senior diplomat toured the port. ... the diplomat said": the description
            # that introduced the role noun, even if it said nothing then
            intro = self._introduced(info)
            if intro is not None:
                # (an introduction further back than a person who opens a clause since is
                # stale: "Set up by an engineering professor …" then, pages later, "Schuh is
                # aware …. '…,' the lanky, bespectacled professor said")
                if info.start - intro[1] > _ROLE_NOUN_WINDOW_CHARS:
                    ent = self._recent_person(info.start, _ROLE_NOUN_WINDOW_CHARS,
                                              subject=info.head)
                    if ent is not None:
                        return ent
                return intro[0]
            # "the rookie defenceman said": a person named just before, described anew (not
            # someone's unnamed representative: "the prime minister's official spokesman")
            if info.kind == SpeakerKind.PERSON and not info.anonymous and (
                    info.head in self.ctx.lex.titles or info.capitalised_head):
                ent = self._recent_person(info.start, _ROLE_NOUN_WINDOW_CHARS)
                if ent is not None:
                    return ent
            # "the company said" -> "Facebook", named just before
            # ("the Treasury", "the Bundesbank": a name, only the organisation of that name)
            if info.kind == SpeakerKind.ORGANIZATION and info.description \
                    and len(info.description.split()) == 1:
                return self.recent_organization(info.start, info.head,
                                                any_name=not info.description[0].isupper())
        return None

    def _titled_name_before(self, info: MentionInfo) -> Optional[_Name]:
        """The nearest name before the mention, in the antecedent window, written with a title
        whose head is the mention's ("Prime Minister Justin Trudeau" for "the prime
        minister")."""
        k = bisect_left(self.name_pos, info.start) - 1
        window = self.ctx.limits.antecedent_window_chars
        while k >= 0 and info.start - self.names[k].pos <= window:
            nm = self.names[k]
            k -= 1
            if nm.title and nm.title.split()[-1] == info.head:
                return nm
        return None

    def role_person_name(self, info: MentionInfo) -> Optional[str]:
        """The full name of the person a definite description of a person refers back to, by
        `role_noun`'s steps, read without making a speaker, and surer: None when a speaker
        has that role noun as head or title, when a person named before with a title of that
        head is someone else, when an indefinite description brought the role noun in, or
        when someone else who might hold the role is named in the window."""
        if not info.definite or info.owned or info.kind != SpeakerKind.PERSON \
                or info.anonymous or info.name is not None:
            return None
        for ent in self.entities:
            if ent.kind != SpeakerKind.ORGANIZATION and (ent.head == info.head or (
                    ent.title and ent.title.lower().split()[-1] == info.head)):
                return ent.name
        titled = self._titled_name_before(info)
        if titled is not None:
            return self.full_name(titled.name, titled.pos)[0]
        if self._introduction(info) is not None:
            return None
        full = self._recent_person_name(info.start, _ROLE_NOUN_WINDOW_CHARS, subject=info.head)
        if full is None or full in self._titled_as(info.head):
            return None  # ("the chancellor" after "Chancellor Gordon Brown", whoever is named)
        # that person is the one named last before it (possessives aside: "… in Tony Blair's
        # government. That suggests the Lib Dem leader believes …"), in an earlier sentence;
        # and no one else who might hold the role (a person with no title in the document, or
        # one of that title) is named in the window before it ("But Mr Crosby said … . Mr
        # Howard later added … . The strategist helped …": Crosby; "Tony Blair's feud with
        # Gordon Brown … . Mr Blair dismissed …, he said. The chancellor is …": Brown)
        toks = self.ctx.tokens
        here = toks[self.ctx.token_at_or_after(info.start)].sentence
        k = bisect_left(self.name_pos, info.start) - 1
        window = self.ctx.limits.antecedent_window_chars
        since: Optional[int] = None
        while k >= 0 and info.start - self.names[k].pos <= window:
            nm = self.names[k]
            k -= 1
            if nm.possessive or nm.org or nm.acronym or not (nm.person or nm.strong):
                continue
            sent = toks[nm.last_token].sentence
            name = self.full_name(nm.name, nm.pos)[0]
            if name == full:
                if since is None:
                    if sent >= here:
                        return None  # ("Mr Brown refused to deny claims the prime minister …")
                    since = sent
                continue
            if " " not in name and not self._known_person(name):
                continue  # ("Oxfam says …": a one-word name no person's shown to bear)
            if since is None:
                return None
            # (someone with another title in the document holds another role: "Home
            # Secretary Charles Clarke", "Tory leader Michael Howard" later "Mr Howard")
            held = self._titles_of(name)
            if not held or info.head in held:
                return None
        return full if since is not None else None

    def _titles_of(self, name: str) -> set[str]:
        """The head nouns of the titles the document gives the person of full name
        ``name``: with their name, or as a speaker."""
        held = set(self._title_index()[1].get(name, ()))
        ent = self.by_key.get("person:" + name.lower())
        if ent is not None and ent.title:
            held.add(ent.title.lower().split()[-1])
        return held

    def _titled_as(self, head: str) -> set[str]:
        """The full names of the people the document names with a title of head noun
        ``head`` ("Chancellor Gordon Brown" for "chancellor")."""
        return self._title_index()[0].get(head, set())

    def _title_index(self) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
        """Title head noun -> the full names the document gives it, and full name -> the
        head nouns of its titles; made on the first asking."""
        if self._titled is None or self._holders is None:
            self._titled, self._holders = {}, {}
            for nm in self.names:
                if nm.title and nm.title not in self.ctx.lex.courtesy_titles:
                    name, head = self.full_name(nm.name, nm.pos)[0], nm.title.split()[-1]
                    self._titled.setdefault(head, set()).add(name)
                    self._holders.setdefault(name, set()).add(head)
        return self._titled, self._holders

    def lede_person(self, info: MentionInfo) -> Optional[_Entity]:
        """The person `lede_person_name` finds, as a speaker."""
        full = self.lede_person_name(info)
        if full is None:
            return None
        return self.entity("person:" + full.lower(), lambda i: _Entity(i, full, SpeakerKind.PERSON))

    def lede_person_name(self, info: MentionInfo) -> Optional[str]:
        """The person a description in the lede introduces before naming them: "…, a Home
        Office minister has said." then "Hazel Blears said …" — the first person named in full
        after it, in the lede or the next paragraph, who opens a clause and was not named
        before. After the lede, a definite description and the speaker of the very next
        sentence only. None when that first person is named as an object, or has another
        gender."""
        ctx = self.ctx
        if info.name is not None or info.kind != SpeakerKind.PERSON or info.owned \
                or info.head not in ctx.lex.titles or info.head in ctx.lex.anonymous_heads:
            return None  # ("a source", "the party person": no one named later)
        para = self._paragraph(info.start)
        lede = para == self.lede
        toks = ctx.tokens
        sentence = toks[ctx.token_at_or_after(info.start)].sentence
        k = bisect_left(self.name_pos, info.end)
        stop = min(len(self.names), k + _LEDE_NAMES)
        while k < stop:
            nm = self.names[k]
            k += 1
            if self._paragraph(nm.pos) > para + 1:
                return None
            named_in = toks[nm.last_token].sentence
            if named_in == sentence:
                continue  # ("… has told the Michael Jackson trial": an object of the lede)
            if not lede and (named_in != sentence + 1 or not nm.strong
                             or info.definite is False):
                # after the lede, only a unique role ("France's finance minister has said …")
                # and a person named as the next sentence's speaker ("Herve Gaymard said …"),
                # not an unnamed source ("one analyst said … . However, Matt Williams …")
                return None
            if nm.words < 2 or nm.org or not (nm.person or nm.strong):
                continue
            full, _ = self.full_name(nm.name, nm.pos)
            if not nm.subject or nm.possessive or any(
                    c.pos < info.start for c in self.full.get(full.lower().split()[-1], ())
                    if c.name == full):
                return None
            gender = self._gender_of(full)
            if info.gender and gender and gender != info.gender:
                return None
            return full
        return None

    def new_description(self, info: MentionInfo) -> tuple[_Entity, Resolution]:
        """A new unnamed source, as described."""
        desc = info.description or info.head
        key = f"desc:{len(self.entities)}"
        ent = self.entity(key, lambda i: _Entity(i, desc, info.kind, head=info.head))
        res = {SpeakerKind.ORGANIZATION: Resolution.ORGANIZATION,
               SpeakerKind.GROUP: Resolution.GROUP}.get(info.kind, Resolution.DESCRIPTION)
        return ent, res

    def document_author(self, d: Decision) -> Optional[tuple[_Entity, Resolution]]:
        """The author named right after a document that speaks ("said a statement released by
        the Prime Minister's Office", "according to a report by Acme Research"), or None."""
        ctx = self.ctx
        toks, lex = ctx.tokens, ctx.lex
        if d.mention is None:
            return None
        j = d.mention[1]
        hi = ctx.sentences[toks[j - 1].sentence][1]
        if j < hi and toks[j].lower in lex.issued_participles:
            j += 1
        if j >= hi or toks[j].lower not in lex.author_prepositions:
            return None
        np = np_after(ctx.wc, j + 1, hi, ctx.limits.max_mention_tokens)
        if np is None:
            return None
        info = analyse(ctx.wc, ctx.text, np)
        if info.name is None or info.pronoun:
            return None
        return self.named(info)

    def document_owner(self, info: MentionInfo) -> Optional[tuple[_Entity, Resolution]]:
        """The owner the mention of a document names ("the ADB report said", "Chelsea's
        statement said", "a Home Office report"), whose words the document's are: a person or
        organisation already known by that name, else a person when a courtesy title opens it
        or a first name its full name ("Mr Smith's statement", "Blair's statement"), else an
        organisation. None when the mention names no owner, or only a nationality ("a French
        report")."""
        owner = info.affiliation
        lex = self.ctx.lex
        if not info.document or not owner or owner.lower() in lex.affiliation_words \
                and lex.affiliation_words[owner.lower()] != "party":
            return None
        words = owner.split()
        titled = [x for x, w in enumerate(words) if w.lower().rstrip(".") in lex.honorifics]
        courtesy = bool(titled)
        if courtesy:  # "Mr Smith's statement": Smith's ("Following Mr Straw's announcement":
            words = words[titled[0] + 1:]  # the words before the courtesy title are none of it)
            if not words:
                return None
        name, was_surname = self.full_name(" ".join(words), info.start)
        person = self.by_key.get("person:" + name.lower())
        if person is not None and person.kind == SpeakerKind.PERSON:
            return person, Resolution.SURNAME if was_surname else Resolution.NAME
        # a person: a courtesy title or a peer's, or a first name before a surname ("Blair's
        # statement" after "Tony Blair"; but "Chelsea's statement": a first name alone)
        first = name.split()[0].lower()
        if courtesy or first in lex.name_titles or " " in name and first in lex.first_names:
            return self.entity("person:" + name.lower(), lambda i: _Entity(
                i, name, SpeakerKind.PERSON)), Resolution.SURNAME if was_surname \
                else Resolution.NAME
        return self._organization(name), Resolution.ORGANIZATION

    def recent_author(self, info: MentionInfo) -> Optional[_Entity]:
        """"the statement said", "it read": the author of the text, the speaker just before."""
        window = self.ctx.limits.antecedent_window_chars
        if self.spoken and info.start - self.spoken[-1][0] <= window:
            return self.spoken[-1][1]
        return None


def _anonymity_reason(ctx: Context, d: Decision, phrases: Sequence[str]) -> Optional[str]:
    """The phrase that says why a source is unnamed, from the attribution's sentence;
    ``phrases``: those of the lexicon that the document holds, in its order."""
    if d.mention is None or not phrases:
        return None
    lo, hi = ctx.sentences[ctx.tokens[d.mention[0]].sentence]
    w = ctx.limits.cue_window_chars  # around the mention, within its sentence
    s_start = max(ctx.tokens[lo].start, ctx.tokens[d.mention[0]].start - w)
    s_end = min(ctx.tokens[hi - 1].end, ctx.tokens[d.mention[1] - 1].end + w)
    low = ctx.folded[s_start:s_end].lower()
    for phrase in phrases:
        at = low.find(phrase)
        if at >= 0:
            # the clause: from the comma before the phrase to the next comma or the end
            c0 = low.rfind(",", 0, at)
            c1 = low.find(",", at)
            start = s_start + (c0 + 1 if c0 >= 0 else 0)
            end = s_start + (c1 if c1 >= 0 else len(low))
            return ctx.text[start:end].strip().rstrip(".")
    return None


def _cue_class(ctx: Context, d: Decision) -> Optional[str]:
    if d.cue is None:
        return None
    word = ctx.tokens[d.cue[0]].lower
    if word in ctx.lex.belief_forms:
        return "belief"
    cue = ctx.lex.cue_forms.get(word)
    if cue is None and word in ctx.lex.speech_nouns:
        return ctx.lex.speech_nouns[word]  # "his denial that …"
    return cue.cue_class if cue else "neutral"  # "according to"


def _channel(ctx: Context, d: Decision) -> Optional[str]:
    """Where it was said: "in a statement", "on Twitter", "told Reuters", "in an interview"."""
    if d.cue is None:
        return None
    toks = ctx.tokens
    lo, hi = ctx.sentences[toks[d.cue[0]].sentence]
    w = ctx.limits.cue_window_chars  # around the cue, within its sentence
    low = ctx.folded[max(toks[lo].start, toks[d.cue[0]].start - w):
                     min(toks[hi - 1].end, toks[d.cue[0]].end + w)].lower()
    for phrase, channel in ctx.lex.channel_phrases:
        if phrase in low:
            return channel
    k = d.cue[0]
    if toks[k].lower in ctx.lex.channel_cues and k + 1 < hi and toks[k + 1].is_cap:
        j = k + 1
        while j < hi and j - k <= _CHANNEL_WORDS and toks[j].is_cap:
            j += 1
        return ctx.text[toks[k + 1].start:toks[j - 1].end]  # "told Reuters", "told CBC News"
    return None


def _document_profiles(r: "_Resolver") -> None:
    """A person's title and affiliation are facts of the document: a speaker quoted only as
    "Owen" or "he" takes them from the first mention of their full name that carries a title
    ("England forward Michael Owen has told …"), wherever it stands."""
    ctx = r.ctx
    named, described = "document_profile" in ctx.wc.readers, "described_profile" in ctx.wc.readers
    predicated = "predicate_profile" in ctx.wc.readers
    if not (named or described or predicated):
        return
    # the speakers still without a title or an affiliation, and the first mention of each
    # one's full name that carries a title (read only for those: an appositive costs a look)
    needed = {ent.name.lower(): ent for ent in r.entities
              if ent.kind == SpeakerKind.PERSON and not ent.unresolved and not ent.anonymous
              and not (ent.title and ent.affiliation)}
    if not needed:
        return
    # a name stands for one of them only if its last word is the last word of that full name
    # (the name itself, or part of it: "Owen", "Paz Akin") or, written alone, its first word
    # ("Jordan" for "Jordan Stewart"): the other names need no full-name search
    ends: set[str] = set()
    for full in needed:
        words = full.split()
        if words:
            ends.update((words[0], words[-1]))
    # full name -> (its first mention with a title, the appositive that gives it, if any)
    titled: dict[str, tuple[_Name, Optional[tuple[int, int]]]] = {}
    # full name -> the mentions of it that open a clause, the first few (for `_described` and
    # `_role_predicated`)
    subjects: dict[str, list[_Name]] = {}
    for nm, last in zip(r.names, r.last_words):
        if nm.last_token < 0 or nm.possessive or nm.org or last not in ends:
            continue
        full = r.full_name(nm.name, nm.pos)[0].lower()
        if full not in needed:
            continue
        if nm.subject:
            seen = subjects.setdefault(full, [])
            if len(seen) < _DESCRIBED_MENTIONS:
                seen.append(nm)
        if not named or full in titled:
            continue
        if nm.title:
            titled[full] = (nm, None)
        elif nm.registry:
            apposed = _apposed(ctx, nm)
            if apposed is not None:
                titled[full] = (nm, apposed)
    for full, (first, apposed) in titled.items():
        ent = needed[full]
        lo = ctx.sentences[ctx.tokens[first.last_token].sentence][0]
        np = np_before(ctx.wc, first.last_token, lo, ctx.limits.max_mention_tokens)
        if np is None:
            continue
        info = analyse(ctx.wc, ctx.text, np, apposed)
        title, affiliation = info.title, info.affiliation
        if affiliation is None and info.owner:
            affiliation = r.owner_organization(info)
        if title is None and first.preposed and info.name is not None:
            # "Oxfam's director, Jane Doe, said": the description set before the name
            title, affiliation = first.title, first.affiliation or None
        if info.name is None or title is None:
            continue
        if ent.title is None:
            ent.title = title
            ent.affiliation = ent.affiliation or affiliation
        elif ent.affiliation is None and title.lower() == ent.title.lower():
            ent.affiliation = affiliation
    # (each reader below skips a person an earlier one gave a title)
    untitled = {full: ent for full, ent in needed.items() if ent.title is None}
    if described:
        _described(r, untitled, subjects)
    if predicated:
        _role_predicated(r, untitled, subjects)


#: words read after a person who opens a clause for the "as" of a role verb ("Matt Williams
#: says he will not quit as Scotland coach"), at most
_ROLE_VERB_WORDS = 8
#: and the characters searched for that " as " first (a string search: most sentences have
#: none, and are not tokenised again)
_ROLE_VERB_CHARS = 80


def _role_predicated(r: "_Resolver", untitled: dict[str, _Entity],
                     subjects: dict[str, list[_Name]]) -> None:
    """A person quoted with no title anywhere takes the one a role verb of their clause gives
    them with "as": "Matt Williams says he will not quit as Scotland coach" (coach,
    Scotland), "Jo Reed, who took over as chief executive in May," (`Lexicon.role_verbs`:
    the verb stands right before "as"; nothing but lower-case words, and no other name,
    between the person and it). Read only in the sentences where such a person opens a
    clause and " as " stands."""
    if not untitled:
        return
    ctx = r.ctx
    lex = ctx.lex
    limit = ctx.limits.max_mention_tokens
    for full, names in subjects.items():
        ent = untitled.get(full)
        if ent is None or ent.title is not None:
            continue
        for nm in names:
            sent = ctx.tokens[nm.last_token].sentence
            after = ctx.tokens[nm.last_token].end
            end = min(_sentence_chars(ctx, sent)[1], after + _ROLE_VERB_CHARS)
            if ctx.lowered.find(" as ", after, end) < 0:
                continue
            swc, lo, hi = _sentence_words(r, sent)
            stoks = swc.tokens
            # the name's last token among the sentence's words (the same text position)
            end_at = ctx.tokens[nm.last_token].end
            k = bisect_left(stoks, end_at, lo, hi, key=_END)
            if k >= hi or stoks[k].end != end_at:
                continue
            found = _role_verb_as(swc, k, hi, ent.gender)
            if found is None:
                continue
            np = np_after(swc, found + 1, hi, limit)
            if np is None:
                continue
            info = analyse(swc, ctx.text, np)
            if info.title is None or info.name is not None or info.owned \
                    or not info.title[0].isalpha() or info.head not in lex.titles:
                continue  # ("as Mr Ghosn's deputy", "as a result")
            if info.gender and ent.gender and info.gender != ent.gender:
                continue
            ent.title = info.title
            ent.affiliation = ent.affiliation or info.affiliation
            break


def _role_verb_as(wc: WordClasses, k: int, hi: int, gender: Optional[str]) -> Optional[int]:
    """The "as" of a role verb of the clause whose subject ends at token ``k`` ("Jo Reed says
    she will not quit as …", "Jo Reed, who took over as …"), or None. Only the words that
    keep the person the verb's subject may stand between: auxiliaries, adverbs, cue verbs, a
    `Lexicon.role_links` word, a pronoun of the person's gender ("Jo Reed said his son would
    serve as captain": the son serves)."""
    toks, lex = wc.tokens, wc.lex
    x = k + 1
    if x + 1 < hi and toks[x].text == ",":
        if toks[x + 1].lower not in lex.relatives or toks[x + 1].lower not in lex.pronouns:
            return None  # (", who": the person's relative clause)
        x += 2
    while x < hi and x - k <= _ROLE_VERB_WORDS:
        low = toks[x].lower
        if low == "as":
            return x if x - 1 > k and toks[x - 1].lower in lex.role_verbs else None
        if not (low in lex.role_links or low in lex.role_verbs or low in lex.auxiliaries
                or low in lex.be_forms or low in lex.cue_forms or low in lex.belief_forms
                or wc.is_adverb(x) or low in lex.gendered_pronouns and (
                    gender is None or lex.pronouns[low][0] == gender)):
            return None
        x += 1
    return None


#: a quoted person's mentions that open a clause, and their mentions as a speaker, read for a
#: description of them in the sentences after (`_described`), at most (each), and those
#: sentences, at most
_DESCRIBED_MENTIONS = 6
_DESCRIBED_SENTENCES = 2
#: marks before "the" that leave the description to open a clause ("…, the Tory leader said";
#: the words are `Lexicon.description_openers`)
_CLAUSE_MARKS = ",;:"


def _described(r: "_Resolver", untitled: dict[str, _Entity],
               subjects: dict[str, list[_Name]]) -> None:
    """A person quoted with no title anywhere takes the one a description of them gives (the
    BBC's annotation treats it as a fact of the document): an indefinite description that
    opens the lede, when the person is named first as the subject of the next sentence ("An
    artist critical of … has denied …" / "Shani Rhys James is worried …": artist), by
    `lede_person`'s rule; or a definite description that opens a clause in the sentences
    after one that the person opens or speaks in ("…," he said.), when `role_noun`'s steps
    tie it to that person and no one else ("Mr Blair said … . The prime minister ridiculed
    …": prime minister; "That suggests the Lib Dem leader believes …": leader, Lib Dem).
    Bounded: one sentence of the lede, and two sentences after each of the first few
    sentences each untitled person opens or speaks in."""
    if not untitled:
        return
    ctx = r.ctx
    toks, wc, lex = ctx.tokens, ctx.wc, ctx.lex
    limit = ctx.limits.max_mention_tokens

    def give(full: str, info: MentionInfo) -> bool:
        """Give the person ``full`` names the title of ``info``; whether it was given."""
        ent = untitled.get(full.lower())
        if ent is None or ent.title is not None or not info.title or not info.title[0].isalpha():
            return False  # (not "6ft 6in player")
        if info.gender and ent.gender and info.gender != ent.gender:
            return False
        ent.title = info.title
        ent.affiliation = ent.affiliation or info.affiliation
        return True

    if 0 <= r.lede < len(ctx.paragraphs):
        i = ctx.token_at_or_after(ctx.paragraphs[r.lede][0])
        if i < len(toks) and ctx.sentence_paragraph[toks[i].sentence] == r.lede:
            _lede_described(r, toks[i].sentence, subjects, give)
    # the sentences each untitled person opens, or speaks in as a mention ("…," he said.):
    # the first few of them
    spoke: dict[int, list[int]] = {}
    for pos, speaker in r.spoken:
        if speaker.title is None:
            seen = spoke.setdefault(speaker.id, [])
            if len(seen) < _DESCRIBED_MENTIONS:
                seen.append(pos)
    for full, names in subjects.items():
        ent = untitled.get(full)
        if ent is None or ent.title is not None:
            continue
        anchors = sorted({toks[nm.last_token].sentence for nm in names} | {
            toks[ctx.token_at_or_after(pos)].sentence for pos in spoke.get(ent.id, ())
            if ctx.token_at_or_after(pos) < len(toks)})
        read: set[int] = set()
        # (whether a title was given is kept in a flag, not read back from ``ent.title``:
        # after the test above the compiled build takes that field to be None for good)
        given = False
        for sent in anchors:
            for s in range(sent + 1, min(sent + 1 + _DESCRIBED_SENTENCES, len(ctx.sentences))):
                if s in read:
                    continue
                read.add(s)
                if not _may_describe(ctx, s):
                    continue
                swc, lo, hi = _sentence_words(r, s)
                stoks = swc.tokens
                for k in range(lo, hi):
                    if stoks[k].lower != "the" or k > lo and not _clause_opens(swc, k - 1, lo):
                        continue
                    np = np_after(swc, k, hi, limit)
                    # (a title ends the description, in lower case: not "the general
                    # election's …", nor "The Scottish Executive has …", a name)
                    if np is None or np[1] >= hi or not swc.is_title(np[1] - 1) \
                            or stoks[np[1] - 1].possessive or stoks[np[1] - 1].is_cap \
                            or not _verb_at(swc, np[1]):
                        continue
                    info = analyse(swc, ctx.text, np)
                    if info.title is None or info.head not in lex.titles \
                            or info.head in lex.anonymous_heads:
                        continue
                    named = r.role_person_name(info)
                    if named is not None and named.lower() == full:
                        given = give(named, info)
                        break
                if given:
                    break
            if given:
                break


def _lede_described(r: "_Resolver", sent: int, subjects: dict[str, list[_Name]],
                    give: Any) -> None:
    """The description that is a subject in the lede's first sentence ``sent``, opening it
    ("An artist critical of … has denied …") or a clause of it ("…, the shadow chancellor
    said as …"), and the person `lede_person` ties it to, when that person is named first
    as the subject of the next sentence ("Oliver Letwin said …"; not "… . Sir Alan Budd's
    inquiry …"): ``give`` hands them its title."""
    ctx = r.ctx
    toks, lex = ctx.tokens, ctx.lex
    if not any(toks[names[0].last_token].sentence == sent + 1 and names[0].initial
               for names in subjects.values()):
        return  # (no untitled person opens the next sentence: the lede is not read)
    if lex.title_run_bytes.isdisjoint(letter_runs(ctx.lowered, *_sentence_chars(ctx, sent))):
        return  # (no title word in it: no description with a title)
    swc, lo, hi = _sentence_words(r, sent)
    stoks = swc.tokens
    for k in range(lo, hi):
        low = stoks[k].lower
        if low not in lex.indefinite_articles and low not in lex.articles or (
                k > lo and not _clause_opens(swc, k - 1, lo)):
            continue
        np = np_after(swc, k, hi, ctx.limits.max_mention_tokens)
        # (inside the sentence, a lower-case title ends it and a verb follows; the one that
        # opens the sentence may have a modifier after it: "An artist critical of …")
        if np is None or k > lo and (np[1] >= hi or not swc.is_title(np[1] - 1)
                                     or stoks[np[1] - 1].is_cap or not _verb_at(swc, np[1])):
            continue
        info = analyse(swc, ctx.text, np)
        if info.title is None or info.kind != SpeakerKind.PERSON:
            continue  # ("A major change of direction is needed …, the shadow chancellor said")
        full = r.lede_person_name(info) if info.definite is not None else None
        first = subjects.get(full.lower()) if full else None
        if full and first and toks[first[0].last_token].sentence == sent + 1 \
                and first[0].initial and not any(
                    c.pos < first[0].pos for c in r.full.get(full.lower().split()[-1], ())
                    if c.name == full):
            give(full, info)
        return  # (the first description that opens a clause only)


def _may_describe(ctx: Context, s: int) -> bool:
    """Sentence ``s`` may hold a definite description that opens a clause: it has a title
    word in lower case, and it holds a quotation or a cue (it is tokenised whole), or its text opens with
    "the" or has "the" after a clause mark or a `Lexicon.description_openers` word (looked up
    with string searches: most sentences tokenised only around names are not tokenised
    again)."""
    start, end = _sentence_chars(ctx, s)
    low = ctx.lowered
    if ctx.lex.title_run_bytes.isdisjoint(letter_runs(ctx.folded, start, end)):
        return False  # (no title word in lower case: the description's head is one, "the
        # prime minister", not "Prime Minister X"; the runs of a-z of the text as written,
        # a test in C)
    if ctx.sentence_full[s] or low.startswith("the ", start):
        return True
    return any(low.find(f"{mark} the ", start, end) >= 0 for mark in _CLAUSE_MARKS) or any(
        low.find(f" {word} the ", start, end) >= 0 for word in ctx.lex.description_openers)


def _sentence_chars(ctx: Context, s: int) -> tuple[int, int]:
    """The characters of sentence ``s``: from its first token to the next sentence's (or its
    paragraph's end)."""
    start = ctx.tokens[ctx.sentences[s][0]].start
    end = ctx.paragraphs[ctx.sentence_paragraph[s]][1]
    if s + 1 < len(ctx.sentences):
        end = min(end, ctx.tokens[ctx.sentences[s + 1][0]].start)
    return start, end


def _sentence_words(r: "_Resolver", s: int) -> tuple[WordClasses, int, int]:
    """The word classes that read sentence ``s`` whole, and its token range there: the
    document's, or, for a sentence with no quotation or cue (of which only the names and
    their neighbours are tokens), the sentence's own, tokenised now."""
    ctx = r.ctx
    lo, hi = ctx.sentences[s]
    if ctx.sentence_full[s]:
        return ctx.wc, lo, hi
    # (kept once made: the profile readers may ask for one sentence for many people, and
    # tokenising it for each would make a long sentence of them quadratic)
    found = r.sentence_words.get(s)
    if found is None:
        start, end = _sentence_chars(ctx, s)
        words = tokenize(ctx.folded, start, end, ctx.lex, s, ctx.folded[start:end].isascii())
        found = r.sentence_words[s] = (WordClasses(ctx.lex, words, ctx.wc.readers), 0,
                                       len(words))
    return found


def _clause_opens(wc: WordClasses, k: int, lo: int) -> bool:
    """A clause may open after token ``k`` (of a sentence from token ``lo``): a comma, a
    conjunction, or a speech or belief verb after a sentence-opening "That", "This" or "It"
    ("That suggests the Lib Dem leader believes …"; not "the candidate implied the judge
    handling the lawsuits was biased", where the clause's subject is someone else)."""
    toks, lex = wc.tokens, wc.lex
    low = toks[k].lower
    return low in _CLAUSE_MARKS or low in lex.description_openers or (
        k == lo + 1 and toks[lo].lower in lex.demonstrative_subjects
        and (low in lex.cue_forms or low in lex.belief_forms))


def _verb_at(wc: WordClasses, k: int) -> bool:
    """Token ``k`` reads as the finite verb of a clause: an auxiliary, a speech or belief
    verb, or a lower-case word with a verb's ending ("ridiculed", "believes")."""
    t = wc.tokens[k]
    if t.is_cap or not t.is_word:
        return False
    low = t.lower
    lex = wc.lex
    return low in lex.auxiliaries or low in lex.cue_forms or low in lex.belief_forms or (
        low.endswith(lex.verb_endings) and low not in lex.function_words and not wc.is_title(k))


#: the letters of an acronym that may be spelled out in the text, at least and at most
_ACRONYM_LETTERS = (3, 6)
#: characters read from a capitalised word for the name an acronym abbreviates
_SPELLED_CHARS = 160
#: capitalised words read after "of" for an organisation's name ("Bank of England"), at most
_OF_NAME_WORDS = 4
#: a spokesperson with no organisation takes one that opens a clause in their sentence or in
#: this many sentences before (`_Resolver.represented_body`)
_BODY_SENTENCES = 2
#: the determiner and capitalised words before such an organisation's name, at most ("The
#: Justice Department": "Justice" is a title word)
_BODY_OPENING_WORDS = 3
#: the names read back for that organisation, at most (a sentence may list any number)
_BODY_NAMES = 12
#: marks that may follow the words of a spelled-out name ("… Canada (IRCC)", "… Canada.")
_SPELLED_END = ",.;:)'\""


def _spell(text: str, pos: int, acronym: str, small: frozenset) -> str:
    """The words from ``pos`` on whose initials are the letters of ``acronym``, with small
    words ("and", "of", "the") and commas between them ("Immigration, Refugees and
    Citizenship Canada" for "IRCC"); "" when the words there are no such name."""
    at = 0
    end = pos
    for word in text[pos:pos + _SPELLED_CHARS].split():
        bare = word.rstrip(_SPELLED_END)
        if at and bare.lower() in small and bare == word:
            continue
        if not bare[:1].isupper() or bare[0] != acronym[at] or not bare.replace("-", "").isalpha():
            return ""
        at += 1
        end = text.index(bare, end) + len(bare)
        if at == len(acronym):
            return text[pos:end]
        if bare != word and word[len(bare):] != ",":
            return ""  # a sentence or a bracket ends before the name does
    return ""


def _apposed(ctx: Context, nm: _Name) -> Optional[tuple[int, int]]:
    """The appositive after a full name, when it holds a title: set between commas ("Ann Lee,
    marketing manager at Acme, said …"), ending its sentence, or left unclosed before a speech
    or belief verb ("Ann Simpson, marketing manager at Snappy Snaps believes …"): its token
    range, else None."""
    toks, wc = ctx.tokens, ctx.wc
    j = nm.last_token + 1
    if j >= len(toks) or toks[j].text != ",":
        return None
    hi = ctx.sentences[toks[nm.last_token].sentence][1]
    app = appositive_after(wc, j, hi, ctx.limits.max_appositive_tokens)
    if app is None or app[1] >= hi or toks[app[1]].text != ",":
        # "Ann Simpson, marketing manager at Snappy Snaps believes …": the closing comma left
        # out before the verb; else one that ends with its sentence
        app = unclosed_before_verb(ctx, j, hi) or (
            app if app is not None and app[1] < hi and toks[app[1]].text in _APPOSITIVE_ENDS
            else None)
    if app is None or not any(
            wc.is_title(x) for x in range(app[0], min(app[1], app[0] + _APPOSED_TITLE_WITHIN))):
        return None
    first = toks[app[0]]
    if not first.is_cap and first.lower.endswith(ctx.lex.past_endings) \
            and not wc.is_title(app[0]):
        return None  # ", endorsed Republican presidential candidate Ted Cruz": a verb phrase
    return app


#: an appositive read for a document profile ends at a comma, or with its sentence ("…, said
#: Kevin Hogan, senior manager in Symantec's security response group.")
_APPOSITIVE_ENDS = frozenset(",.;")
#: the title of an appositive read for a document profile stands among its first words
_APPOSED_TITLE_WITHIN = 4


def _one_line(words: str) -> str:
    """Words as one line: a name written over a line break of hard-wrapped text is one name."""
    if " " not in words and "\n" not in words and "\t" not in words:
        return words
    return " ".join(words.split())


# --------------------------------------------------------------------------- the resolvers
#
# Speaker resolution is a family of named rules (``RESOLVERS``), tried in order on each mention;
# the first that ties it to someone decides, and the runner stamps its name on the attribution
# (`quotetrack.Attribution.resolver`). Each resolver looks only at the mentions of its class
# (`_mention_class`) and returns None when it finds no one, so the next one is tried.
# ``Parser(rules={"speaker": [...]})`` runs only the named ones.


class Resolved(NamedTuple):
    """A resolver's answer: the speaker (None: the mention names nobody) and how it was tied.
    (Records made once per quote are named tuples: cheaper to build than frozen attrs.)"""

    entity: Optional[_Entity]
    resolution: Resolution


class Mention(enum.Enum):
    """The class of a mention, which decides the resolvers that read it."""

    CONTINUATION = enum.auto()  # a quote that continues another, with no mention of its own
    WRITTEN = enum.auto()  # "…," it read: the message last quoted
    PRONOUN = enum.auto()
    DOCUMENT = enum.auto()  # "the statement said"
    NAME = enum.auto()
    DESCRIPTION = enum.auto()  # any other description


class _Query(NamedTuple):
    """What a resolver reads: the mention, its class, the decision and the quote's earlier
    part's answer (for a continuation)."""

    info: Optional[MentionInfo]
    kind: Mention
    decision: Decision
    #: for a continuation: the speaker of the quote it continues (None: that quote names no one)
    earlier: Optional[_Entity] = None


Resolver = Any  # Callable[[_Resolver, _Query], Optional[Resolved]]

def _mention_class(ctx: Context, info: MentionInfo, d: Decision) -> Mention:
    written = d.cue is not None and ctx.tokens[d.cue[0]].lower in ctx.lex.written_cues
    if info.pronoun == "it" and written:
        return Mention.WRITTEN
    if info.pronoun:
        return Mention.PRONOUN
    if info.document:
        return Mention.DOCUMENT
    if info.name:
        return Mention.NAME
    return Mention.DESCRIPTION


def _continuation(r: "_Resolver", q: _Query) -> Optional[Resolved]:
    """A quote with no attribution of its own: the speaker of the quote it continues."""
    return Resolved(q.earlier, Resolution.CONTINUATION)


def _tied(found: Optional[_Entity], resolution: Resolution) -> Optional[Resolved]:
    """The answer of a resolver that found ``found`` (None: it found no one)."""
    return Resolved(found, resolution) if found is not None else None


def _recent_author(r: "_Resolver", q: _Query) -> Optional[Resolved]:
    """"the statement said", "…," it read: the speaker quoted just before wrote it; "a
    statement released by the Prime Minister's Office": the author named after it; "the ADB
    report said": the owner named in it."""
    assert q.info is not None
    if q.kind == Mention.DOCUMENT:
        named = r.document_author(q.decision) or r.document_owner(q.info)
        if named is not None:
            return Resolved(*named)
    return _tied(r.recent_author(q.info), Resolution.ROLE_NOUN)


def _pronoun_person(r: "_Resolver", q: _Query) -> Optional[Resolved]:
    """"he", "she": the person named or quoted before, the sentence subject first."""
    assert q.info is not None
    if q.info.pronoun not in r.ctx.lex.gendered_pronouns:
        return None
    return _tied(r.personal_pronoun(q.info), Resolution.PRONOUN)


def _pronoun_who(r: "_Resolver", q: _Query) -> Optional[Resolved]:
    """", who said": the name right before."""
    assert q.info is not None
    if q.info.pronoun != "who":
        return None
    return _tied(r.relative_pronoun(q.info), Resolution.PRONOUN)


def _pronoun_group(r: "_Resolver", q: _Query) -> Optional[Resolved]:
    """"they", "it": the group or organisation quoted or named before."""
    assert q.info is not None
    if q.info.pronoun not in r.ctx.lex.group_pronouns:
        return None
    return _tied(r.group_pronoun(q.info), Resolution.PRONOUN)


def _name(r: "_Resolver", q: _Query) -> Optional[Resolved]:
    """A name: its fullest form in the document ("Slim" -> "Randa Slim")."""
    assert q.info is not None
    ent, res = r.named(q.info)
    return Resolved(ent, res)


def _lede_description(r: "_Resolver", q: _Query) -> Optional[Resolved]:
    """A description in the lede that introduces a person named just after ("…, a Home
    Office minister has said." / "Hazel Blears said …"): that person."""
    assert q.info is not None
    return _tied(r.lede_person(q.info), Resolution.ROLE_NOUN)


def _role_noun(r: "_Resolver", q: _Query) -> Optional[Resolved]:
    """A definite description ("the diplomat", "the prime minister", "the company"): the
    speaker, named person or organisation it refers back to."""
    assert q.info is not None
    return _tied(r.role_noun(q.info), Resolution.ROLE_NOUN)


def _description(r: "_Resolver", q: _Query) -> Optional[Resolved]:
    """Any other description: a new, unnamed source as described ("one western diplomat")."""
    assert q.info is not None
    return Resolved(*r.new_description(q.info))


_AUTHORED = frozenset({Mention.WRITTEN, Mention.DOCUMENT})
_DESCRIBED = _AUTHORED | {Mention.DESCRIPTION}

#: the speaker resolvers, in the order they are tried, with the mention classes each reads
RESOLVERS: tuple[tuple[str, Resolver, frozenset[Mention]], ...] = (
    ("continued_quote", _continuation, frozenset({Mention.CONTINUATION})),
    ("recent_author", _recent_author, _AUTHORED),
    ("pronoun_person", _pronoun_person, frozenset({Mention.PRONOUN})),
    ("pronoun_who", _pronoun_who, frozenset({Mention.PRONOUN})),
    ("pronoun_group", _pronoun_group, frozenset({Mention.PRONOUN})),
    ("name", _name, frozenset({Mention.NAME})),
    ("role_noun", _role_noun, _DESCRIBED),
    ("lede_description", _lede_description, frozenset({Mention.DESCRIPTION})),
    ("description", _description, _DESCRIBED),
)
RESOLVER_NAMES = tuple(name for name, _, _ in RESOLVERS)


class _Result(NamedTuple):
    """What resolution decided for one quote: character ranges, end-exclusive."""

    entity: Optional[_Entity]
    resolution: Resolution
    mention: Optional[tuple[int, int]]
    cue: Optional[tuple[int, int]]
    decision: Decision
    resolver: Optional[str]


_DISPATCH: dict[frozenset[str], dict[Mention, list[tuple[str, Resolver]]]] = {}


def _dispatch(enabled: frozenset[str]) -> dict[Mention, list[tuple[str, Resolver]]]:
    """For each mention class, the enabled resolvers that read it, in order (made once per
    selection of resolvers)."""
    table = _DISPATCH.get(enabled)
    if table is None:
        table = _DISPATCH[enabled] = {
            kind: [(name, rule) for name, rule, classes in RESOLVERS
                   if kind in classes and name in enabled] for kind in Mention}
    return table


def _resolve_one(r: "_Resolver", q: _Query,
                 table: dict[Mention, list[tuple[str, Resolver]]]) -> Optional[
                     tuple[Resolved, str]]:
    """(answer, resolver name) of the first enabled resolver of the mention's class that ties
    it to someone, or None."""
    for name, rule in table[q.kind]:
        found = rule(r, q)
        if found is not None:
            return found, name
    return None


def _for_a_body(lex: Lexicon, words: list[str]) -> bool:
    """A spokesperson's mention (its lower-case ``words``) leaves whom they speak for to an
    organisation named before: it says no one ("a spokesman") or a body by a common noun ("a
    spokesman for the firm"), not a person ("a spokesman for the minister")."""
    return lex.np_prepositions.isdisjoint(words) or words[-1] in lex.org_words


def _owned_by(name: str, owner: str) -> bool:
    """``name`` is a description of something ``owner`` has: "Google's security team"."""
    return name.startswith(owner) and name[len(owner):len(owner) + 1] in _APOSTROPHES


def resolve(ctx: Context, silent: Sequence[Any] = (),
            enabled: Sequence[str] = RESOLVER_NAMES) -> tuple[
                list[Optional[Attribution]], tuple[Speaker, ...], tuple]:
    """Attributions (one per quote, None where undecided), the speakers, the non-statements;
    ``enabled`` names the resolvers to run (`RESOLVERS`)."""
    if not silent and all(d is None for d in ctx.decisions):
        # nothing to resolve (7 % of BBC corpus articles): no name registry is built
        return [None] * len(ctx.quotes), (), ()
    r = _Resolver(ctx)
    on = frozenset(enabled)
    table = _dispatch(on)
    toks = ctx.tokens
    results: list[Optional[_Result]] = [None] * len(ctx.quotes)
    # in text order, so pronouns see the speakers before them
    order = sorted(range(len(ctx.quotes)), key=lambda i: ctx.quotes[i].start)
    # a part of a multi-paragraph quotation may continue a later part (the one whose cue
    # follows it): it is resolved once that part is
    waiting: list[int] = []
    # the phrases that say why a source is unnamed that the document holds, found when an
    # unnamed source first asks (most documents hold none, and then no attribution's sentence
    # is read for one)
    anonymity: Optional[list[str]] = None
    for q in order:
        d = ctx.decisions[q]
        if d is None:
            continue
        if d.continues is not None and results[d.continues] is None \
                and ctx.quotes[d.continues].start > ctx.quotes[q].start and "continued_quote" in on:
            waiting.append(q)
            continue
        cue_span = None
        if d.cue is not None:
            cue_span = (toks[d.cue[0]].start, toks[d.cue[1] - 1].end)
        mention_span = None
        if d.mention is not None:
            mention_span = (toks[d.mention[0]].start, toks[d.mention[1] - 1].end)
        earlier = results[d.continues] if d.continues is not None else None
        if earlier is not None:
            answer = _resolve_one(r, _Query(None, Mention.CONTINUATION, d, earlier.entity),
                                  table)
            if answer is not None:
                results[q] = _Result(answer[0].entity, answer[0].resolution, mention_span,
                                     cue_span, d, answer[1])
                continue
        if d.mention is None:  # "was asked whether …": a cue with no speaker in the text
            results[q] = _Result(None, Resolution.UNRESOLVED, None, cue_span, d, None)
            continue
        info = analyse(ctx.wc, ctx.text, d.mention, d.appositive)
        answer = _resolve_one(r, _Query(info, _mention_class(ctx, info, d), d), table)
        ent, res, resolver = (answer[0].entity, answer[0].resolution, answer[1]) if answer \
            else (None, Resolution.UNRESOLVED, None)
        if ent is None and info.pronoun:
            # a pronoun no one could be tied to ("they" with no group before it) names nobody:
            # no speaker, the mention kept as written (``unresolved_mention`` in the output)
            results[q] = _Result(None, Resolution.UNRESOLVED, mention_span, cue_span, d, None)
            continue
        if ent is None:
            # a description no resolver could tie to anyone still names who spoke as written;
            # the resolution says it is unresolved
            as_written = ctx.text[info.start:info.end]
            ent = r.entity(f"unresolved:{len(r.entities)}", lambda i: _Entity(
                i, as_written, info.kind, head=info.head, unresolved=True))
            res = Resolution.UNRESOLVED
        ent.title = ent.title or info.title
        if not info.document:  # (the owner of "the ADB report" is its author, no affiliation)
            ent.affiliation = ent.affiliation or info.affiliation
        if ent.affiliation is None and info.owner and ent.kind == SpeakerKind.PERSON:
            ent.affiliation = r.owner_organization(info)  # "the carmaker's chief executive X"
        elif ent.affiliation is None and info.title and info.name \
                and ent.kind == SpeakerKind.PERSON:
            ent.affiliation = r.speaking_organization(info)  # "X Union said …. Officer Y said"
        if ent.affiliation is None and info.title and ent.kind == SpeakerKind.PERSON \
                and info.title.lower() in ctx.lex.voice_nouns \
                and "spokesperson_body" in ctx.wc.readers and _for_a_body(
                    ctx.lex, ctx.folded[info.start:info.end].lower().split()):
            # (not "company spokesman", "pensions spokesman", "a spokesman for the minister":
            # a title that says whom for, or that it is a party's)
            ent.affiliation = r.represented_body(info)  # "Acme said …. "…," a spokesman said"
        if info.anonymous and not ent.anonymous and res in (Resolution.DESCRIPTION,
                                                            Resolution.GROUP):
            ent.anonymous = True
        if ent.reason is None and not info.name and not info.pronoun:
            if anonymity is None:
                anonymity = ctx.phrases_held(ctx.lex.anonymity)
            reason = _anonymity_reason(ctx, d, anonymity)
            if reason:
                ent.anonymous, ent.reason = True, reason
        ent.mentions.append(mention_span)
        ent.personal = ent.personal or info.pronoun in ctx.lex.person_pronouns
        if toks[d.mention[1] - 1].possessive and not info.pronoun:
            r.aside.add(info.start)  # "Mr Mallon's claim that …": not the clause's subject
        r.spoken.append((info.start, ent))
        results[q] = _Result(ent, res, mention_span, cue_span, d, resolver)
    _document_profiles(r)
    for q in waiting:
        d = ctx.decisions[q]
        assert d is not None and d.continues is not None
        later = results[d.continues]
        mention_span = None
        if d.mention is not None and later is not None:  # the speaker named nearest it
            mention_span = (toks[d.mention[0]].start, toks[d.mention[1] - 1].end)
        results[q] = _Result(later.entity if later is not None else None,
                             Resolution.CONTINUATION, mention_span, None, d,
                             "continued_quote" if later is not None else None)
    r.closed = True
    speakers = {
        e.id: make_speaker(
            id=e.id, name=_one_line(e.name), kind=e.kind, anonymous=e.anonymous,
            anonymity_reason=e.reason,
            title=_one_line(e.title).lower() if e.title else e.title,  # "Prime Minister" too
            # an organisation speaks for itself: no affiliation ("Civil rights group Liberty",
            # "Dutch firm Heineken", "the US government"; 236 BBC corpus quotes had one), unless
            # it is another's ("Google's security team" speaks for Google)
            affiliation=_one_line(e.affiliation) if e.affiliation and (
                e.kind != SpeakerKind.ORGANIZATION or _owned_by(e.name, e.affiliation)) else None,
            gender=cast("Optional[Gender]", e.gender or None),  # the lexicon's genders
            mentions=tuple(Span.of(ctx.text, s, t) for s, t in sorted(set(e.mentions))),
        )
        for e in r.entities
    }
    attributions: list[Optional[Attribution]] = []
    for item in results:
        if item is None:
            attributions.append(None)
            continue
        d = item.decision
        attributions.append(make_attribution(
            speaker=speakers[item.entity.id] if item.entity is not None else None,
            mention=Span.of(ctx.text, *item.mention) if item.mention else None,
            cue=Span.of(ctx.text, *item.cue) if item.cue else None,
            sieve=d.sieve, resolution=item.resolution, resolver=item.resolver,
            continues=d.continues,
            cue_class=cast("Optional[CueClass]", _cue_class(ctx, d)),  # checked by the lexicon
            channel=_channel(ctx, d),
        ))
    non_statements = []
    for start, end, np in silent:
        speaker, mention = None, None
        if np is not None:
            info = analyse(ctx.wc, ctx.text, np)
            mention = Span.of(ctx.text, info.start, info.end)
            ent = None
            if info.name:
                prefix = "org:" if info.kind == SpeakerKind.ORGANIZATION else "person:"
                ent = r.by_key.get(prefix + r.full_name(info.name, info.start)[0].lower())
            if ent is None and info.pronoun:
                ent, _ = r.pronoun(info)
            speaker = speakers.get(ent.id) if ent is not None else None
        non_statements.append(NonStatement(span=Span.of(ctx.text, start, end), mention=mention,
                                           speaker=speaker))
    return attributions, tuple(speakers[i] for i in sorted(speakers)), tuple(non_statements)
