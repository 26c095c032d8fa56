"""Length-preserving folding, paragraphs and sentences, all as offsets into the original text."""

from __future__ import annotations

import functools
import re
from typing import Iterable, Optional

import regex

__all__ = ["fold", "hard_wrapped", "letter_runs", "lower_in_place", "paragraph_spans",
           "sentence_bounds", "twin_patterns"]

#: What ``<W>`` and ``<S>`` stand for in the templates of `twin_patterns`: word characters and
#: white space as the `regex` module reads them in any text, and the same sets written out for
#: ASCII text (the stdlib's ``\s`` also takes "\x1c"-"\x1f", which `regex` does not, so no
#: class is left to ``re``).
_UNICODE_CLASSES = {"<W>": r"\w", "<S>": r"\s"}
_ASCII_CLASSES = {"<W>": "A-Za-z0-9_", "<S>": r" \t\n\x0b\x0c\r"}


#: what a twin template must not use: the engines' own classes (\w \s \d \b and their
#: negations, \p{..}), case-insensitive flags, and look-behinds (they read before the window
#: whose characters were checked to be ASCII)
_ENGINE_DEPENDENT = regex.compile(r"\\[wWsSdDbBpPNX]|\(\?[a-zA-Z]*i|\(\?<[=!]")


def twin_patterns(template: str) -> tuple["regex.Pattern[str]", "re.Pattern[str]"]:
    """``template`` compiled for any text with `regex`, and for ASCII-only text with the stdlib
    ``re``; in ASCII text both find the same matches. The classes ``<W>`` and ``<S>`` go inside
    brackets (``[<W>]+``). The stdlib engine runs the tokenizer about twice as fast, per call
    and per character, and 75% of the corpus text is ASCII after folding; `regex` stays for
    everything else. (Not every pattern gains: a leading look-behind makes ``re`` try every
    position, so the sentence splitter stays with `regex`.)"""
    if _ENGINE_DEPENDENT.search(template):
        raise ValueError(f"twin_patterns: {template!r} uses a class, flag or look-behind that "
                         "the two engines read differently; write <W> or <S> instead")
    unicode, ascii_only = template, template
    for name, cls in _UNICODE_CLASSES.items():
        unicode = unicode.replace(name, cls)
        ascii_only = ascii_only.replace(name, _ASCII_CLASSES[name])
    return regex.compile(unicode), re.compile(ascii_only)


# Curly and other quotation marks fold to their straight forms; odd spaces to a space; dashes to
# "-". Every replacement is one character for one character, so offsets never shift.
_FOLD = str.maketrans(
    {
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2039": "'", "\u203a": "'",
        "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ", "\u200a": " ", "\u3000": " ",
        "\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2015": "-", "\u2212": "-",
        "\u2028": "\n", "\u2029": "\n", "\r": "\n", "\x0b": "\n", "\x0c": "\n", "\x85": "\n",
    }
)


#: the characters `_FOLD` replaces, found with one search: ``str.translate`` looks every
#: character up in the table, which made folding 5% of the compiled parse, while most news text
#: has only a few curly quotes and dashes (and 60% of the corpus none at all). A set of literal
#: characters means the same to both engines; the standard library's finds them 3 times faster.
_FOLDED_CHARS = re.compile("[" + re.escape("".join(chr(k) for k in _FOLD)) + "]")
_FOLD_STR = {chr(k): str(v) for k, v in _FOLD.items()}
_FOLDED_ASCII = tuple(c for c in _FOLD_STR if c.isascii())  # "\r", "\x0b", "\x0c"


def _fold_one(m: "re.Match[str]") -> str:
    return _FOLD_STR[m.group()]


def fold(text: str) -> str:
    """A copy of ``text`` of the same length with marks, spaces and dashes made uniform."""
    if text.isascii() and not any(c in text for c in _FOLDED_ASCII):
        return text  # nothing to fold
    return _FOLDED_CHARS.sub(_fold_one, text)


#: the one character that ``str.lower`` turns into two ("\u0130", a dotted capital I, becomes
#: "i" and a combining dot); a test checks that it is the only one in this Python
_LOWERS_TO_TWO = "\u0130"


def lower_in_place(text: str) -> str:
    """``text`` in lower case with every character where it was, so offsets found in the copy
    hold in ``text``: "\u0130", which ``str.lower`` makes "i" and a combining dot, becomes "i"."""
    low = text.lower()
    if len(low) == len(text):
        return low  # (lower-casing never shortens: the same length is the same positions)
    return "i".join(part.lower() for part in text.split(_LOWERS_TO_TWO))


#: every byte but a-z made a space (the bytes of a non-ASCII character too)
_LETTERS_ONLY = bytes(c if 0x61 <= c <= 0x7a else 0x20 for c in range(256))


def letter_runs(lowered: str, start: int, end: int) -> list[bytes]:
    """The runs of a-z in ``lowered[start:end]``, as ASCII bytes: the UTF-8 bytes with every
    byte but a-z made a space by a table in C, split at white space (twice as fast as
    collecting them with a regex; for the tests that a lower-cased stretch holds one of some
    words, whose lexicon sets have a bytes form)."""
    return lowered[start:end].encode("utf-8", "surrogatepass").translate(_LETTERS_ONLY).split()


_PARA_BREAK = regex.compile(r"\n")

#: what a line that ends its sentence ends with, before closing marks and brackets (a
#: hard-wrapped line usually does not)
_LINE_END_STOPS = frozenset(".!?:")
_CLOSERS = "\"')]"
#: the fewest line breaks inside a sentence that can show wrapping
_MIN_WRAP_BREAKS = 2
#: a document is hard-wrapped when at least this share of its single line breaks fall inside a
#: sentence: the line does not end with a stop, and it ends with a lower-case word or a comma or
#: the next line starts in lower case
_MIN_WRAP_SHARE = 0.5
#: wrapped text is wrapped at a fixed width; lines of edited news paragraphs run longer
_MAX_WRAP_WIDTH = 100
_MIN_WRAP_WIDTH = 30
#: in wrapped text without blank lines, a line shorter than this share of the wrap width ends
#: its paragraph (a wrapped line is filled nearly to the width)
_SHORT_LINE_SHARE = 0.7


_LIST_ITEM = regex.compile(r"[-*\u2022]|\d+[.)]?(?:\s|\Z)")


def _title_case(line: str) -> bool:
    """Most words capitalised: a headline, not a wrapped line of prose."""
    words = line.split()
    return len(words) >= 3 and sum(w[:1].isupper() for w in words) * 3 >= len(words) * 2


def _lines(folded: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every line, blank ones included."""
    spans = []
    pos = 0
    for m in _PARA_BREAK.finditer(folded):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(folded)))
    return spans


def hard_wrapped(folded: str, lines: list[tuple[int, int]]) -> int:
    """The wrap width of a hard-wrapped text (single line breaks inside its paragraphs, as in
    wire copy, e-mail and plain-text archives), or 0 when one line is one paragraph.

    A text is wrapped when most of its single line breaks fall inside a sentence; or when it
    has the shape that filling lines to a width leaves, whatever its words: one of its single
    line breaks falls inside a sentence, each stands where the next word would not have fitted
    on the line (the line, a space and that word run past the longest line that meets a
    break), and no line is longer than `_MAX_WRAP_WIDTH` (edited news paragraphs are). The
    second test finds a text with only one or two wrapped paragraphs among lines that fit
    ("… said\nInes Varga", a break at a sentence end), which the share of breaks inside
    sentences misses. Neither test reads the lines that meet no break beyond their length, so
    a paragraph put in front of a text changes nothing."""
    breaks = inside = 0
    widths = []
    longest = 0  # the longest line that meets a single line break
    #: (length of the line, of the first word of the next) at each single line break
    fills = []
    for (s, e), (s2, e2) in zip(lines, lines[1:]):
        line, following = folded[s:e].strip(), folded[s2:e2].strip()
        if not line or not following or _LIST_ITEM.match(following) or _LIST_ITEM.match(line) \
                or _title_case(line):
            continue  # (a list or a run of headlines keeps one item per line)
        breaks += 1
        widths.append(len(line))
        longest = max(longest, len(line), len(following))
        fills.append((len(line), len(following.split(None, 1)[0])))
        end = line.rstrip(_CLOSERS)[-1:]
        if _inside_sentence(line, following) or (
                end not in _LINE_END_STOPS and (end.islower() or end == ",")):
            inside += 1
    if not inside:
        return 0
    if inside >= _MIN_WRAP_BREAKS and inside >= breaks * _MIN_WRAP_SHARE:
        widths.sort()
        width = widths[len(widths) * 9 // 10]
        return width if _MIN_WRAP_WIDTH <= width <= _MAX_WRAP_WIDTH else 0
    if not _MIN_WRAP_WIDTH <= longest <= _MAX_WRAP_WIDTH \
            or any(n + 1 + word <= longest for n, word in fills) \
            or any(e - s > _MAX_WRAP_WIDTH and len(folded[s:e].strip()) > _MAX_WRAP_WIDTH
                   for s, e in lines):
        return 0
    return longest


def _line_paragraphs(folded: str) -> Optional[list[tuple[int, int]]]:
    """``(start, end)`` of each non-blank line, or None when a line break stands between two
    lines that are not blank (``word\n  word``). The line breaks are looked at one by one (a
    news text holds a few dozen), which is faster than a pattern that starts with "not white
    space" (tried at every character)."""
    spans = []
    pos = 0
    n = len(folded)
    brk = folded.find("\n")
    while brk >= 0:
        if brk > 0 and not folded[brk - 1].isspace():
            k = brk + 1
            while k < n and folded[k] in " \t":
                k += 1
            if k < n and not folded[k].isspace():
                return None
        if folded[pos:brk].strip():
            spans.append((pos, brk))
        pos = brk + 1
        brk = folded.find("\n", pos)
    if folded[pos:].strip():
        spans.append((pos, n))
    return spans


def _inside_sentence(line: str, following: str) -> bool:
    """A break between two stripped lines falls inside a sentence: the first does not end with
    a stop and the next starts in lower case (neither a list item nor a headline)."""
    return (line.rstrip(_CLOSERS)[-1:] not in _LINE_END_STOPS and following[:1].islower()
            and not _LIST_ITEM.match(following) and not _title_case(line))


def paragraph_spans(folded: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each paragraph. News text keeps one paragraph per line, so each
    non-blank line is one, save that a line that breaks off inside a sentence goes on into the
    next (``… whatever`` / ``the weather does …``). In hard-wrapped text (`hard_wrapped`) a
    paragraph is a run of lines ended by a blank line or a short line (or before an indented
    line or a list item)."""
    by_line = _line_paragraphs(folded)
    if by_line is not None:
        # every line break is part of a blank line (most edited news): one paragraph per line
        return by_line
    lines = _lines(folded)
    width = hard_wrapped(folded, lines)
    spans: list[tuple[int, int]] = []
    start = previous_end = -1
    previous = ""
    for s, e in lines:
        line = folded[s:e]
        stripped = line.strip()
        if not stripped:
            if start >= 0:
                spans.append((start, previous_end))
                start = -1
            continue
        if start >= 0:
            if width:
                goes_on = not line[:1].isspace() and not _LIST_ITEM.match(stripped)
            else:
                goes_on = _inside_sentence(previous, stripped)
            if not goes_on:
                spans.append((start, previous_end))
                start = -1
        if start < 0:
            start = s
        previous_end, previous = e, stripped
        if width and len(stripped) < width * _SHORT_LINE_SHARE:
            spans.append((start, e))
            start = -1
    if start >= 0:
        spans.append((start, previous_end))
    return spans


# A sentence ends at . ! ? (possibly followed by closing marks, brackets or the mask of a
# quotation that ends there) before white space and a word that is not lower case. A match
# starts only at the first mark of a run (the look-behind after the first mark: a pattern that
# opens with a class lets the engine skip ahead to the next mark), and the quantifiers are
# possessive: otherwise a run of k marks before k spaces and a lower-case word was tried from
# each of its k marks, each try scanning the k spaces (quadratic; the result is the same, as a
# try from inside a run sees what a try from its start saw). The stdlib engine reads ASCII
# text about twice as fast; the classes are written out for it (`regex` reads ``\s`` in ASCII
# as these six characters, and ``\p{Ll}`` as a-z).
_SENT_END = regex.compile(
    r"""[.!?](?<![.!?][.!?])[.!?]*+(?:["')\]\x01]{1,3})?(?=\s++[^\s\p{Ll}]|\s*+\Z)""")
_SENT_END_ASCII = re.compile(
    r"""[.!?](?<![.!?][.!?])[.!?]*+(?:["')\]\x01]{1,3})?"""
    r"""(?=[ \t\n\x0b\x0c\r]++[^ \t\n\x0b\x0c\ra-z]|[ \t\n\x0b\x0c\r]*+\Z)""")
#: the same ends where no "!" or "?" is to be found: a pattern that opens with one literal
#: character is searched for by a tight loop of the engine, not a class test per character (the
#: search 30% faster; 95% of the corpus paragraphs hold neither mark)
_SENT_END_DOT = regex.compile(
    _SENT_END.pattern.replace("[.!?](?<![.!?][.!?])", r"\.(?<![.!?]\.)", 1))
_SENT_END_DOT_ASCII = re.compile(
    _SENT_END_ASCII.pattern.replace("[.!?](?<![.!?][.!?])", r"\.(?<![.!?]\.)", 1))
#: the word that ends at a full stop: matched backwards from it ("(?r)"), so one try finds the
#: longest run of word characters (at most 20); a forward search tried each of the 20 starts
_WORD_BEFORE = regex.compile(r"(?r)[\w.'-]{1,20}\Z")


def sentence_bounds(
    masked: str, start: int, end: int, abbreviations: frozenset[str],
    unmasked: Optional[str] = None, ascii_only: bool = False,
) -> Iterable[tuple[int, int]]:
    """Sentences of ``masked[start:end]``; quoted text must already be masked out. ``start`` is
    not inside a run of . ! ? marks (a paragraph's start never is). ``ascii_only`` says that
    ``masked[start:end]`` is ASCII (the stdlib engine then reads it, with the same ends). With ``unmasked`` (the same text before masking), an abbreviation ends its sentence when a
    quotation that opens with a capital letter follows it (`_capital_quote_after`)."""
    pos = start
    tails: Optional[frozenset[str]] = None
    dots_only = masked.find("!", start, end) < 0 and masked.find("?", start, end) < 0
    if ascii_only:
        ends = _SENT_END_DOT_ASCII if dots_only else _SENT_END_ASCII
    else:
        ends = _SENT_END_DOT if dots_only else _SENT_END
    for m in ends.finditer(masked, start, end):
        if m.group() == ".":
            if tails is None:
                tails = _abbreviation_tails(abbreviations)
            d = m.start()
            tail = masked[d - _TAIL_CHARS:d] if d - _TAIL_CHARS >= start else ""
            # most full stops end a word of letters ("year.") whose last letters end no listed
            # abbreviation: such a stop ends its sentence, and the word is not read back
            if not (tail.isalnum() and tail.isascii() and tail.lower() not in tails):
                w = _WORD_BEFORE.search(masked, max(start, d - 20), m.end())
                word = w.group().lower() if w else ""
                # "U.S.", "Mr.", "J." and other listed abbreviations do not end a sentence
                if (word in abbreviations or (len(word) == 2 and word[0].isalpha())) and not (
                        unmasked is not None
                        and _capital_quote_after(masked, unmasked, m.end())):
                    continue
        stop = m.end()
        yield pos, stop  # (never blank: it ends with the marks just matched)
        pos = stop
    if masked[pos:end].strip():
        yield pos, end


#: letters before a full stop that `sentence_bounds` compares with the abbreviations' (a word
#: of more letters than an abbreviation that ends differently is none)
_TAIL_CHARS = 3


@functools.lru_cache(maxsize=8)
def _abbreviation_tails(abbreviations: frozenset[str]) -> frozenset[str]:
    """The `_TAIL_CHARS` characters before the final full stop of each abbreviation that has
    more ("calif." -> "lif"; not "mr."): a longer word ending in other letters is none of
    them."""
    return frozenset(a[-_TAIL_CHARS - 1:-1] for a in abbreviations if len(a) > _TAIL_CHARS)


def _capital_quote_after(masked: str, unmasked: str, i: int) -> bool:
    """After white space at ``i``, a masked quotation opens with a capital letter: "…, of
    Jacksonville, Fla. “She definitely …”" (the abbreviation ends its sentence), not "the U.S.
    “does not have …”". PolNeAR dev: 17 such abbreviations before a capital, 3 before a small
    letter; BBC corpus: 2, both sentence ends ("the DEC.", "in LA.")."""
    n = len(masked)
    while i < n and masked[i] in " \t\n":
        i += 1
    if i >= n or masked[i] == unmasked[i]:
        return False  # no quotation here: masking changed nothing
    for k in range(i, min(n, i + 4)):
        if unmasked[k].isalnum():
            return unmasked[k].isupper()
    return False
