"""Stage 3: words of the text outside quotations, with the word classes the later stages read.

The text is tokenised with quotations masked: a whole quotation is one ``QUOTE`` token, so the
attribution rules see "QUOTE , she said ." whatever the quotation holds.
"""

from __future__ import annotations

from ..lexicon import Lexicon
from ..text import twin_patterns

__all__ = ["Token", "tokenize", "MASK"]

MASK = "\x01"

#: pieces joined to a word's first by ' - & . ("al-Muhandis", "Iraq's"), at most: a longer
#: chain goes on as a new token, so no word's match is unbounded
_MAX_WORD_JOINS = 8

#: the white space before a token, and the token. Every character that is not white space
#: starts a token (the mark branch takes any other character), so the text is exactly tokens
#: and the space between them: ``findall`` gives both as strings, and the offsets follow from
#: their lengths without a match object per token (the tokenizer is the hottest loop of the
#: parser). White space at the end matches once, with the empty end-of-text "token" ``\Z``:
#: without that branch a run of k trailing spaces failed and was retried from each of its k
#: positions (quadratic); the possessive ``*+`` never gives back space it took. The branches
#: start with different characters, except the abbreviation, tried before the word it would
#: otherwise begin; the commonest (words) comes first, which makes ``findall`` 10% faster
#: than the rarest first.
_TOKEN, _TOKEN_ASCII = twin_patterns(
    r"([<S>]*+)("
    r"[A-Za-z]\.(?:[A-Za-z]\.)++"  # U.S., D.C.
    r"|[$\u00a3\u20ac]?[<W>]+(?:['\-&.][<W>]+){0," + str(_MAX_WORD_JOINS) + r"}'?"
    # (words, Iraq's, al-Muhandis, 5,000)
    r"|\x01+"  # a masked quotation
    r"|[^<W><S>]"  # any other mark
    r"|\Z)"
)


_CURRENCY = "$\u00a3\u20ac"


class Token:
    """One word or punctuation mark of the masked text (or one masked quotation), made by
    `tokenize`. (It has no ``__init__``: the tokenizer sets the fields itself, which spares a
    call of Python code per token in the hottest loop of the parser.)"""

    __slots__ = ("start", "end", "text", "lower", "quote", "sentence", "key", "is_word",
                 "is_cap", "possessive", "bare")
    start: int
    end: int
    text: str
    lower: str
    quote: int  # index of the quotation this token masks, or -1
    sentence: int
    key: str  # the lexicon form ("iraq's" -> "iraq")
    is_word: bool
    is_cap: bool
    possessive: bool
    bare: str  # the word without a possessive ending

    def __repr__(self) -> str:
        return f"Token({self.start}, {self.end}, {self.text!r})"



def tokenize(masked: str, start: int, end: int, lex: Lexicon, sentence: int = -1,
             ascii_only: bool = False) -> list[Token]:
    """Tokens of ``masked[start:end]``, of sentence number ``sentence``; "Mr" "." and other
    listed abbreviations become one token. ``ascii_only`` says that ``masked[start:end]`` is
    ASCII (a faster engine then reads it, with the same tokens).

    No token spans white space, so the text is read a space-separated chunk at a time: a chunk
    of letters only (most words) is one token, made without the pattern; any other chunk is
    read by `_TOKEN` (a third of the tokenizer's time saved)."""
    out: list[Token] = []
    append = out.append
    pos = start
    for chunk in masked[start:end].split(" "):
        n = len(chunk)
        if not n:
            pos += 1  # (one of several spaces)
            continue
        if chunk.isalpha():
            # (the token made here, not by a call: this runs for most words of the text)
            lower = chunk.lower()
            tok = Token()
            tok.start = pos
            tok.end = pos + n
            tok.text = chunk
            tok.lower = lower
            tok.quote = -1
            tok.sentence = sentence
            tok.is_word = True
            tok.is_cap = chunk[0].isupper()
            tok.key = lower
            tok.possessive = False
            tok.bare = chunk
            append(tok)
        elif chunk[-1] in ",." and chunk[:-1].isalpha() and not (
                chunk[-1] == "." and (chunk[:-1].lower() + "." in lex.abbreviations
                                      or n == 2 and chunk[0].isupper())):
            # "said,", "year." (a fifth of the other chunks), but not "Mr." or "J.": one token
            append(_plain_token(chunk[:-1], pos, sentence))
            append(_plain_token(chunk[-1], pos + n - 1, sentence))
        else:
            _read_chunk(out, masked, pos, pos + n, lex, sentence, ascii_only)
        pos += n + 1
    return out


def _plain_token(text: str, start: int, sentence: int) -> Token:
    """The token of ``text``, a word of letters only or a comma or full stop, at ``start``."""
    lower = text.lower()
    tok = Token()
    tok.start = start
    tok.end = start + len(text)
    tok.text = text
    tok.lower = lower
    tok.quote = -1
    tok.sentence = sentence
    tok.is_word = text[0].isalnum()  # (as the pattern's tokens: "\u0130x" lowers to a combining dot)
    tok.is_cap = text[0].isupper()
    tok.key = lower
    tok.possessive = False
    tok.bare = text
    return tok


def _read_chunk(out: list[Token], masked: str, start: int, end: int, lex: Lexicon,
                sentence: int, ascii_only: bool) -> None:
    """The tokens of ``masked[start:end]`` by `_TOKEN`, added to ``out``."""
    abbreviations = lex.abbreviations
    append = out.append
    e = start
    pattern = _TOKEN_ASCII if ascii_only else _TOKEN
    for space, text in pattern.findall(masked, start, end):
        if not text:
            break  # the white space at the end
        s = e + len(space)
        e = s + len(text)
        lower = text.lower()
        if text == "." and out and out[-1].end == s and out[-1].quote < 0:
            prev = out[-1]
            if (prev.lower + ".") in abbreviations or (len(prev.text) == 1 and prev.is_cap):
                out.pop()  # "Mr" "." -> one token "Mr."
                s, text, lower = prev.start, prev.text + ".", prev.lower + "."
        # (one assignment a line: cheaper, once per token, than several names at once)
        tok = Token()
        tok.start = s
        tok.end = e
        tok.text = text
        tok.lower = lower
        tok.quote = -1
        tok.sentence = sentence
        first = text[0]
        tok.is_word = first.isalnum() or first in _CURRENCY
        tok.is_cap = first.isupper()
        if "'" not in lower:
            tok.key = lower
            tok.possessive = False
            tok.bare = text
        elif lower.endswith("'s"):
            tok.key, tok.possessive, tok.bare = lower[:-2], True, text[:-2]
        elif lower.endswith("'"):
            tok.key, tok.bare = lower[:-1], text[:-1]
            tok.possessive = lower.endswith("s'") and len(lower) > 2
        else:
            tok.key, tok.possessive, tok.bare = lower, False, text
        append(tok)
