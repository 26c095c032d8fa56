"""Stage 3: words of the text outside quotations, with the word classes the later stages read.

The text is tokenised with quotations masked: a whole quotation is one ``QUOTE`` token, so the
attribution rules see "QUOTE , she said ." whatever the quotation holds.
"""

from __future__ import annotations

import attrs
import regex

from ..lexicon import Lexicon

__all__ = ["Token", "tokenize", "MASK"]

MASK = "\x01"

_TOKEN = regex.compile(
    r"\x01+"  # a masked quotation
    r"|(?:[A-Za-z]\.){2,}"  # U.S., D.C.
    r"|[$\u00a3\u20ac]?\w+(?:['\-&.]\w+){0,8}'?"  # words, Iraq's, al-Muhandis, 81-country, 5,000
    r"|[^\w\s]"
)


@attrs.define(slots=True)
class Token:
    start: int
    end: int
    text: str  # folded text
    lower: str
    quote: int = -1  # index of the quotation this token masks, or -1
    sentence: int = -1
    key: str = ""  # lower case without a possessive ending: the form looked up in lexicons

    def __attrs_post_init__(self):
        if not self.key:
            low = self.lower
            self.key = low[:-2] if low.endswith("'s") else low[:-1] if low.endswith("'") else low

    @property
    def is_word(self) -> bool:
        return self.quote < 0 and (self.text[0].isalnum() or self.text[0] in "$\u00a3\u20ac")

    @property
    def is_cap(self) -> bool:
        return self.quote < 0 and self.text[0].isupper()

    @property
    def possessive(self) -> bool:
        return self.lower.endswith("'s") or (self.lower.endswith("s'") and len(self.lower) > 2)

    @property
    def bare(self) -> str:
        """The word without a possessive ending."""
        if self.lower.endswith("'s"):
            return self.text[:-2]
        if self.lower.endswith("'"):
            return self.text[:-1]
        return self.text


def tokenize(masked: str, start: int, end: int, lex: Lexicon) -> list[Token]:
    """Tokens of ``masked[start:end]``; "Mr" "." and other listed abbreviations become one token."""
    out: list[Token] = []
    for m in _TOKEN.finditer(masked, start, end):
        text = m.group()
        if text == "." and out and out[-1].end == m.start() and out[-1].quote < 0:
            prev = out[-1]
            if (prev.lower + ".") in lex.abbreviations or (len(prev.text) == 1 and prev.is_cap):
                out[-1] = Token(prev.start, m.end(), prev.text + ".", prev.lower + ".")
                continue
        out.append(Token(m.start(), m.end(), text, text.lower()))
    return out
