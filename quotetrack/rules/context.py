"""The internal, mutable state of one parse: what each stage has found so far.

Only the parser and the rule modules see it; the result handed to the caller is frozen.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Optional, Sequence

import attrs

from ..config import Limits
from ..lexicon import Lexicon
from ..model import Diagnostic, QuoteKind
from ..text import letter_runs, lower_in_place, sentence_bounds, twin_patterns
from .marks import Candidate
from .mentions import WordClasses
from .tokens import MASK, Token, tokenize

__all__ = ["Context", "Decision", "build_context"]


@attrs.define
class Decision:
    """An attribution before speaker resolution: token ranges into ``Context.tokens``."""

    #: the rule that made it: stamped by the runner of the rule's family
    sieve: str = ""
    mention: Optional[tuple[int, int]] = None
    cue: Optional[tuple[int, int]] = None
    appositive: Optional[tuple[int, int]] = None
    continues: Optional[int] = None  # quote index whose speaker this quote continues


@attrs.define
class SentenceIndex:
    """Positions inside one sentence, so each quote's sieves look up instead of scanning."""

    first_word: int  # token index of the first word (the sentence end if none)
    quotes: list[int]  # quote indexes, in order
    cues: list[int]  # token indexes of cue words
    according: list[int]  # token indexes of "according" followed by "to"
    #: token indexes of a two-word cue of data/cue_phrases.tsv that names no channel, followed
    #: by "that": "Foster points out that …"
    phrases: list[int] = attrs.Factory(list)

    @classmethod
    def build(cls, ctx: "Context", s: int) -> "SentenceIndex":
        lo, hi = ctx.sentences[s]
        toks, wc = ctx.tokens, ctx.wc
        first_word = hi
        quotes: list[int] = []
        cues: list[int] = []
        according: list[int] = []
        phrases: list[int] = []
        reporting = ctx.lex.reporting_phrases
        cue_forms = ctx.lex.cue_forms  # (the first test of `WordClasses.is_cue`, without a call)
        for k in range(lo, hi):
            t = toks[k]
            if t.quote >= 0:
                if not quotes or quotes[-1] != t.quote:
                    quotes.append(t.quote)
                continue
            if t.is_word and first_word == hi:
                first_word = k
            if t.lower in cue_forms and wc.is_cue(k):
                cues.append(k)
            if t.lower == "according" and k + 1 < hi and toks[k + 1].lower == "to":
                according.append(k)
            elif t.lower in reporting and k + 2 < hi and toks[k + 2].lower == "that" \
                    and (t.lower, toks[k + 1].lower) in reporting[t.lower]:
                phrases.append(k)
        return cls(first_word, quotes, cues, according, phrases)


@attrs.define
class Context:
    text: str
    folded: str
    #: the masked text (quotations masked, see `build_context`) in lower case, for the quick
    #: word tests that decide whether a sentence is worth reading token by token
    lowered: str
    lex: Lexicon
    limits: Limits
    paragraphs: list[tuple[int, int]]
    quotes: list[Candidate]
    tokens: list[Token]
    wc: WordClasses
    sentences: list[tuple[int, int]]  # token ranges
    sentence_paragraph: list[int]
    #: whether each sentence was tokenised in full: one without a quotation or a trigger word
    #: (`Lexicon.triggers`) has only its names and their neighbours, and no rule of reported
    #: speech or non-statements can apply to it
    sentence_full: list[bool]
    quote_first: list[int]  # token index of each quote's first (masked) token
    quote_last: list[int]
    kinds: list[QuoteKind]
    decisions: list[Optional[Decision]]
    diagnostics: list[Diagnostic]
    headlines: set = attrs.Factory(set)  # paragraph indexes of headlines, captions, labels
    #: sentences written in title case ("Clinton Says Russians Hacked DNC"), where a capitalised
    #: cue form is a verb (filled by `indirect.find_indirect`)
    title_sentences: set = attrs.Factory(set)
    starts: list = attrs.Factory(list)  # character start of each token, for bisection
    #: the last words of the names that show a person (`attribution._person_surnames`)
    person_surnames: Optional[frozenset] = None
    _sentence_index: dict = attrs.Factory(dict)
    #: (cue token, sentence start) -> (mention, cue, appositive) of the speaker before the cue,
    #: or None (`cues.subject_before_cue`)
    subjects: dict[tuple[int, int], Optional[tuple[Optional[tuple[int, int]],
                                                   Optional[tuple[int, int]],
                                                   Optional[tuple[int, int]]]]] = \
        attrs.Factory(dict)
    _folded_lower: Optional[str] = None
    #: word -> whether ``folded_lower`` holds it (`phrases_held`)
    _held_words: dict[str, bool] = attrs.Factory(dict)

    def folded_lower(self) -> str:
        """``folded`` in lower case, every character where it was (`lower_in_place`); made
        once per document, when first asked for."""
        if self._folded_lower is None:
            self._folded_lower = lower_in_place(self.folded)
        return self._folded_lower

    def phrases_held(self, phrases: Sequence[str]) -> list[str]:
        """The lower-case ``phrases`` that the document holds (`folded_lower`), in their order.
        Each phrase's last word is looked for first, once per document: most documents hold
        none of the phrases, and one word shared by several phrases ("comment") is cheaper to
        look for than each of them."""
        held = self._held_words
        words = _last_words(phrases)
        for word in words:
            if word not in held:
                held[word] = word in self.folded_lower()
        return [phrase for phrase, word in zip(phrases, words)
                if held[word] and phrase in self.folded_lower()]

    def sentence_index(self, s: int) -> "SentenceIndex":
        """What one sentence holds, computed once: its first word, quotes, cues, "according"."""
        index = self._sentence_index.get(s)
        if index is None:
            index = self._sentence_index[s] = SentenceIndex.build(self, s)
        return index

    def token_at_or_after(self, char: int) -> int:
        """Index of the first token starting at or after character ``char``."""
        return bisect_left(self.starts, char)

    def sentence_of(self, q: int) -> int:
        return self.tokens[self.quote_first[q]].sentence

    def paragraph_of_token(self, i: int) -> int:
        return self.sentence_paragraph[self.tokens[i].sentence]


#: a capitalised word and the ones after it, one space or line break apart: "Hassan
#: Al-Rubaie, also 21", a name across a wrapped line
_CAP_RUN, _CAP_RUN_ASCII = twin_patterns(r"[A-Z][<W>'.&-]*(?:[ \n][A-Z][<W>'.&-]*)*")
#: the last word of each phrase of a phrase list, by the list (`Context.phrases_held`)
_LAST_WORDS: dict[tuple[str, ...], tuple[str, ...]] = {}


def _last_words(phrases: Sequence[str]) -> tuple[str, ...]:
    """The last word of each of ``phrases`` (found once per list of phrases)."""
    key = tuple(phrases)
    words = _LAST_WORDS.get(key)
    if words is None:
        words = _LAST_WORDS[key] = tuple(p[p.rfind(" ") + 1:] for p in key)
    return words


_RUN_GAP = re.compile(r"[ \n]")
#: characters read back from a capitalised word for the word before it (white space, then the
#: word): a longer "word" is cut, so a run of spaces or letters costs no more than this
_WORD_BEFORE_CHARS = 40
#: the rest of a word a window ends inside
_WORD_REST = re.compile(r"\S*+")
#: characters read after a capitalised run, for the mark or ending after it ("Smith,", "Smith's")
_AFTER_NAME_CHARS = 5
#: characters read after the comma behind a full name, for its appositive, at most
_APPOSITIVE_CHARS = 100


def _name_tokens(masked: str, start: int, end: int, lex: Lexicon, sentence: int,
                 ascii_only: bool) -> list[Token]:
    """Tokens around the capitalised runs of ``masked[start:end]``: the word before each run,
    the run, and the mark after it."""
    out: list[Token] = []
    covered = start
    cap_run = _CAP_RUN_ASCII if ascii_only else _CAP_RUN
    for m in cap_run.finditer(masked, start, end):
        w_start, w_end = m.span()
        if w_start < covered:
            if w_end <= covered:
                continue
            # the last window ended inside the run: it goes on from its first word after that
            gap = _RUN_GAP.search(masked, covered - 1, w_end)
            if gap is None:
                continue
            w_start = gap.end()
        # the word before: white space read back, then the word (C string methods, not a loop
        # per character)
        k = max(covered, w_start - _WORD_BEFORE_CHARS)
        before = masked[k:w_start].rstrip()
        if before:
            k += len(before) - len(before.rsplit(None, 1)[-1])
        if masked[w_end:w_end + 1] == "," and " " in masked[w_start:w_end]:
            # "… by Graham Cluley, senior technology consultant from Sophos.": the appositive
            # after a full name gives a document profile its title, so it is read whole
            stop = w_end + 1 + _APPOSITIVE_CHARS
            ends = [x for x in (masked.find(c, w_end + 1, min(end, stop)) for c in ",.;")
                    if x >= 0]
            w_end = min(ends) + 1 if ends else min(end, w_end + _AFTER_NAME_CHARS)
        else:
            w_end = min(end, w_end + _AFTER_NAME_CHARS)
        # never cut the word after the run in two ("Tory lead|er Michael Howard" would leave
        # "er" as the word before the next run, and its title unread)
        if w_end < end and not masked[w_end - 1].isspace():
            rest = _WORD_REST.match(masked, w_end, min(end, w_end + _WORD_BEFORE_CHARS))
            if rest is not None:
                w_end = rest.end()
        out.extend(tokenize(masked, k, w_end, lex, sentence, ascii_only))
        covered = w_end
    return out


def build_context(text: str, folded: str, lex: Lexicon, limits: Limits,
                  paragraphs: list[tuple[int, int]], quotes: list[Candidate],
                  diagnostics: list[Diagnostic],
                  readers: Optional[frozenset[str]] = None) -> Context:
    """Mask the quotations, split sentences and tokenise every paragraph (one linear pass);
    ``readers`` names the title readers to run (all when None)."""
    pieces = []
    pos = 0
    for c in quotes:
        pieces.append(folded[pos:c.start])
        inner = folded[c.start:c.end]
        # keep line breaks (paragraphs) and a final . ! ? (a sentence may end with the quote)
        masked = "".join("\n" if ch == "\n" else MASK for ch in inner) if "\n" in inner \
            else MASK * len(inner)
        content_end = c.end - c.close_len - 1
        if content_end >= c.start + c.open_len and folded[content_end] in ".!?":
            rel = content_end - c.start
            masked = masked[:rel] + folded[content_end] + masked[rel + 1:]
        pieces.append(masked)
        pos = c.end
    pieces.append(folded[pos:])
    masked_text = "".join(pieces)
    # the trigger test reads lower-case words: lowering the text once is cheaper than once per
    # sentence
    lowered = lower_in_place(masked_text)
    starts = [c.start for c in quotes]
    tokens: list[Token] = []
    sentences: list[tuple[int, int]] = []
    sentence_paragraph: list[int] = []
    sentence_full: list[bool] = []
    quote_first = [-1] * len(quotes)
    quote_last = [-1] * len(quotes)
    triggers = lex.trigger_bytes
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        plain = masked_text[p_start:p_end].isascii()  # then the faster engine reads it
        for s_start, s_end in sentence_bounds(masked_text, p_start, p_end, lex.abbreviations,
                                              folded, plain):
            first = len(tokens)
            s = len(sentences)
            # a quotation in the sentence, or one just before or after it (a kept stop)
            has_mask = masked_text.find(MASK, max(0, s_start - 1), s_end + 1) >= 0
            if has_mask and masked_text.find(MASK, s_start, s_end) >= 0 or not triggers.isdisjoint(
                    letter_runs(lowered, s_start, s_end)):
                sentence_tokens = tokenize(masked_text, s_start, s_end, lex, s, plain)
                full = True
            else:
                # no quotation and no cue: only the names matter (pronoun antecedents, full
                # names), so only capitalised words and their neighbours are tokenised
                sentence_tokens = _name_tokens(masked_text, s_start, s_end, lex, s, plain)
                full = False
            if not has_mask:
                tokens.extend(sentence_tokens)
            for tok in sentence_tokens if has_mask else ():
                # a masked quotation, or a kept stop between masks
                if tok.text[0] == MASK or (tok.text in ".!?"
                                           and masked_text[tok.start - 1:tok.start] == MASK
                                           and masked_text[tok.end:tok.end + 1] == MASK):
                    q = tok.quote = bisect_right(starts, tok.start) - 1
                    if tokens and tokens[-1].quote == q and tokens[-1].end == tok.start:
                        tokens[-1].end = tok.end  # one token per quotation and paragraph
                        continue
                    if q >= 0:  # (a raw "\x01" in the input before any quotation has -1)
                        if quote_first[q] < 0:
                            quote_first[q] = len(tokens)
                        quote_last[q] = len(tokens)
                tokens.append(tok)
            if len(tokens) > first:
                sentences.append((first, len(tokens)))
                sentence_paragraph.append(p_index)
                sentence_full.append(full)
    return Context(
        starts=[t.start for t in tokens],
        text=text, folded=folded, lowered=lowered, lex=lex, limits=limits,
        paragraphs=paragraphs, quotes=quotes, tokens=tokens, wc=WordClasses(lex, tokens, readers),
        sentences=sentences, sentence_paragraph=sentence_paragraph, sentence_full=sentence_full,
        quote_first=quote_first, quote_last=quote_last,
        kinds=[QuoteKind.DIRECT] * len(quotes), decisions=[None] * len(quotes),
        diagnostics=diagnostics,
    )
