"""Stage 1: find quotation marks and pair them, in one pass with a stack per paragraph.

No regular expression spans a quotation: marks are found one at a time and paired by their
shape (what stands before and after them) and by the sentence around them, never by counting, so
the work is linear in the size of the text and one stray mark cannot swallow the reporter's words.

- A straight ``"`` is an opening mark only when it stands before a word and after a space, a
  bracket or a dash; with a space after it, it is never one.
- An opening-shaped mark met while a quotation is open, right after a sentence end, starts the
  next *part* of the same quotation: the source lost the paragraph break of a multi-paragraph
  quotation (``… in the world. "We certainly …``).
- A quotation that cannot be closed ends at its most plausible sentence boundary: before the first
  later sentence that attributes speech ("…, a spokesman said"), before the next quotation, or, for
  words quoted inside a sentence, at the end of that sentence. It carries the flag ``unclosed``.
- A quotation that goes on over several paragraphs (news convention: a paragraph that does not
  close its quotation is followed by one that re-opens it) is returned as one candidate per
  paragraph, the later ones linked to the first (`Candidate.chain`).

Every quotation recovered rather than cleanly paired carries flags (`FLAGS`), which reach the
caller on `quotetrack.Quote.flags`.
"""

from __future__ import annotations

from typing import Optional

import attrs
import regex

from ..model import QUOTE_FLAGS, Diagnostic, Severity, Span

__all__ = ["Candidate", "FLAGS", "pair_marks"]

#: every character that may be a quotation mark. `_marks` reads a doubled double mark from a
#: bad conversion (``""``, ``““``), and the two backquotes and two apostrophes of plain-text
#: typesetting, as one mark.
_MARK_CHARS = "`\"'\u201c\u201d\u201e\u201f\u00ab\u00bb\u2018\u2019\u201a\u201b\u2039\u203a"
_DOUBLES = frozenset("`\"'\u201c\u201d")
#: the single quotation marks (a lone one between two letters or digits is an apostrophe)
_SINGLES = frozenset("'\u2018\u2019\u201a\u201b\u2039\u203a")


def _mark_positions(text: str) -> list[int]:
    """The offsets of the characters of `_MARK_CHARS` in ``text``, in order: each character
    looked for with ``str.find`` (a fast scan in C; one not in the text at all, such as a curly
    mark in ASCII text, is ruled out at once), then sorted. 2.5 times faster than a regex
    character class, which the engine tests character by character."""
    found = []
    for c in _MARK_CHARS:
        pos = text.find(c)
        while pos >= 0:
            found.append(pos)
            pos = text.find(c, pos + 1)
    found.sort()
    return found


def _marks(text: str) -> list[tuple[int, str]]:
    """``(offset, mark)`` of every quotation mark of ``text``, in order."""
    out = []
    skip = -1
    for pos in _mark_positions(text):
        if pos < skip:
            continue  # the second character of a doubled mark
        c = text[pos]
        if c == "'" and text[pos + 1:pos + 3] == "''" and text[pos + 3:pos + 4] != "'":
            # three straight apostrophes: a single mark and a doubled one, nested (NYT texts
            # write "''… 'old-school,''' said …": the inner quotation closes, then the outer;
            # "'''Tis …" opens both). PolNeAR dev: 16 in 15 documents, 14 of them closing.
            if pos == 0 or text[pos - 1].isspace() or text[pos - 1] in "([{":
                out += [(pos, "''"), (pos + 2, "'")]
            else:
                out += [(pos, "'"), (pos + 1, "''")]
            skip = pos + 3
        elif c in _DOUBLES and text[pos + 1:pos + 2] == c:
            out.append((pos, c + c))
            skip = pos + 2
        elif c in _SINGLES and text[pos - 1:pos].isalnum() and text[pos + 1:pos + 2].isalnum():
            continue  # an apostrophe inside a word ("Iraq's", "don't"): shaped like neither an
            # opening nor a closing mark, which `_Scanner.paragraph` passes over (a third of
            # the marks of the news corpus)
        elif c != "`":  # a lone backquote is no mark
            out.append((pos, c))
    return out


#: the quotation marks (as `_marks` reads them, a doubled mark as one) by shape: double opening,
#: closing and either (straight), the doubled ones of bad conversions, single opening and closing
DOUBLE_OPEN = frozenset({"\u201c", "\u201e", "\u201f", "\u00ab", "``", "\u201c\u201c"})
DOUBLE_CLOSE = frozenset({"\u201d", "\u00bb", "\u201d\u201d"})
DOUBLE_AMBIG = frozenset({'"', "''", '""'})
DOUBLED = frozenset({'""', "\u201c\u201c", "\u201d\u201d"})
SINGLE_OPEN = frozenset({"\u2018", "\u201a", "\u201b", "\u2039"})
SINGLE_CLOSE = frozenset({"\u2019", "\u203a"})
#: the straight marks, which open or close by what stands around them
_STRAIGHT = frozenset("\"'")
_OPENERS = DOUBLE_OPEN | SINGLE_OPEN | _STRAIGHT
# an opening mark stands after a space, a bracket, a dash or another opening mark
_OPEN_BEFORE = frozenset(" \t\n([{\u2014\u2013-/:;,") | _OPENERS
# '90s, 'em, 'til, 'n': an apostrophe at the start of a word, not a quote
_ELISION = regex.compile(r"(?:\d|(?:em|til|tis|twas|cause|n|bout|round|s)\b)", regex.IGNORECASE)
#: a sentence end inside a quotation (the text is not masked yet): . ! ? … and what may close
#: them, before white space
_SENTENCE_END = regex.compile(r"[.!?\u2026]++[)\]'\u2019]?(?=\s)")
#: the marks that end a sentence, before a mark that re-opens a quotation
_STOPS = frozenset(".!?\u2026")
#: the marks a quotation whose opening mark is missing ends with (``Hello," he said``)
_QUOTE_ENDS = frozenset(",.?!")
_WORD = regex.compile(r"[A-Za-z]+")
#: characters read back for the word before a full stop or an opening mark, at most
_WORD_BEFORE_CHARS = 20
#: the word that ends at a full stop, to tell "Mr." and "U.S." from a sentence end
_WORD_BEFORE = regex.compile(rf"(?r)[\w.'-]{{1,{_WORD_BEFORE_CHARS}}}\Z")
#: how far back from a sentence end its full stop is looked for, to read the word before it
_STOP_GAP = 3
#: characters after an apostrophe read for an elision ("'cause", five letters, and the end of
#: its word)
_ELISION_CHARS = 6
#: how far back a sentence end may stand before a re-opening mark: ``. "``, ``." "``, ``.) "``
_REOPEN_GAP = 4

#: the flags a candidate may carry, and what each means (`quotetrack.model.QUOTE_FLAGS`)
FLAGS = QUOTE_FLAGS


@attrs.define
class Candidate:
    """A top-level quotation, as offsets: ``start``/``end`` include the marks."""

    start: int
    end: int
    open_len: int
    close_len: int
    paragraph: int
    double: bool
    #: index (in `pair_marks`' result) of the first part of the multi-paragraph quotation this
    #: one is a part of, or -1 (the first part has its own index)
    chain: int = -1
    flags: tuple[str, ...] = ()

    @property
    def content(self) -> tuple[int, int]:
        return self.start + self.open_len, self.end - self.close_len


@attrs.define
class _Open:
    pos: int
    mark: str
    double: bool
    flags: list  # of str
    #: double-quoted quotations closed inside this single mark while no double mark was open
    #: (`_Piece.inner`)
    inner: list = attrs.Factory(list)  # of _Piece


@attrs.define
class _Piece:
    """A quotation found in one paragraph, before the paragraphs are linked."""

    start: int
    end: int  # -1 while it is open at the end of its paragraph
    open_len: int
    close_len: int
    double: bool
    flags: list  # of str
    joins: bool = False  # continues the piece before it (a part of the same quotation)
    #: where its paragraph starts (whether it opened inside a sentence, after a word, is read
    #: from there only for the few quotations left open)
    p_start: int = 0
    #: a quotation without its opening mark and without an attribution after it: kept only as
    #: a later part of the quotation left open in the paragraph before
    needs_join: bool = False
    #: of a single-quoted piece left open at its paragraph's end: the double-quoted quotations
    #: closed inside it, which stand on their own when the single mark proves an apostrophe
    #: ("… in 't Veld. “It's a risk,”": the mark is dropped, the quotation kept)
    inner: list = attrs.Factory(list)  # of _Piece


@attrs.define
class _Paragraph:
    pieces: list  # of _Piece, in order; the last may be open (end -1)
    single_pairs: int  # closed top-level single-quoted quotations
    double_pairs: int


class _Diagnostics:
    """Collects diagnostics up to a bound, then one summary: memory stays bounded."""

    def __init__(self, sink: list[Diagnostic], limit: int):
        self.sink, self.limit, self.dropped = sink, limit, 0

    def add(self, text: str, code: str, message: str, pos: int, n: int,
            severity: Severity = Severity.WARNING) -> None:
        if len(self.sink) < self.limit:
            self.sink.append(Diagnostic(code=code, message=message,
                                        span=Span.of(text, pos, pos + n), severity=severity))
        else:
            self.dropped += 1

    def close(self) -> None:
        if self.dropped:
            self.sink.append(Diagnostic(
                code="too-many-diagnostics",
                message=f"{self.dropped} more diagnostics were not recorded (limit {self.limit})"))


def _outermost(stack: list[_Open]) -> _Open:
    """The open mark that a top-level quotation left open at the paragraph's end starts: the
    outermost double mark, if any (a single mark outside it was an apostrophe), else the
    outermost mark. A nested quotation or a stray mark inside flags that one."""
    return next((o for o in stack if o.double), stack[0])


def _flanks(text: str, pos: int, n: int) -> tuple[bool, bool]:
    """(left-flanking, right-flanking): shaped like an opening mark, like a closing mark."""
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + n] if pos + n < len(text) else " "
    left = (before in _OPEN_BEFORE or before.isspace()) and not after.isspace()
    right = not before.isspace() and not after.isalnum()
    return left, right


def _apostrophe(text: str, pos: int) -> bool:
    """A closing-shaped single mark that is an apostrophe: "the patients’ families" (after an
    s, before a lower-case word) or "rock ’n’ roll"."""
    before = text[pos - 1] if pos > 0 else ""
    after = text[pos + 1:pos + 3]
    if before == "s" and len(after) == 2 and after[0] == " " and after[1].islower():
        return True
    return before == "n" and pos >= 2 and text[pos - 2] in "'\u2019" and \
        (pos < 3 or text[pos - 3].isspace())


class _Scanner:
    """What pairing needs besides the text: the words that attribute speech (and the pronouns
    that make them the quoted speaker's own), the abbreviations, and where diagnostics go."""

    def __init__(self, folded: str, text: str, attribution_words: frozenset[str],
                 abbreviations: frozenset[str], diags: _Diagnostics, max_depth: int,
                 dialogue_pronouns: frozenset[str] = frozenset()):
        self.folded, self.text = folded, text
        self.attribution_words, self.abbreviations = attribution_words, abbreviations
        self.dialogue_pronouns = dialogue_pronouns
        self.diags, self.max_depth = diags, max_depth

    # ------------------------------------------------------------------ sentences

    def sentence_end_before(self, p_start: int, pos: int) -> bool:
        """A sentence ends just before ``pos`` (white space between): ``world. "We``."""
        k = pos
        while k > p_start and self.folded[k - 1].isspace():
            k -= 1
        if k == pos or k - p_start < 2:
            return False
        tail = self.folded[max(p_start, k - _REOPEN_GAP):k]
        tail = tail.rstrip(")]'\"")
        return tail[-1:] in _STOPS

    def _inside_sentence(self, p_start: int, pos: int) -> bool:
        """An opening mark at ``pos`` follows a word of its sentence that is not a speech verb:
        the quoted words are part of the reporter's sentence ("called it "a disgrace"")."""
        k = pos
        while k > p_start and self.folded[k - 1].isspace():
            k -= 1
        if k == p_start or not (self.folded[k - 1].isalnum() or self.folded[k - 1] == "'"):
            return False
        w = _WORD_BEFORE.search(self.folded, max(p_start, k - _WORD_BEFORE_CHARS), k)
        return w is None or w.group().lower().strip(".'") not in self.attribution_words

    def _abbreviation(self, p_start: int, k: int) -> bool:
        """The full stop before ``k`` ends "Mr." or "U.S.", not a sentence."""
        stop = self.folded.rfind(".", max(p_start, k - _STOP_GAP), k)
        if stop < 0:
            return False
        w = _WORD_BEFORE.search(self.folded, max(p_start, stop - _WORD_BEFORE_CHARS), stop + 1)
        word = w.group().lower() if w else ""
        return word in self.abbreviations or (len(word) == 2 and word[0].isalpha())

    def sentence_ends(self, start: int, end: int) -> list[int]:
        """Offsets just after each sentence end in ``folded[start:end]``."""
        ends = []
        for m in _SENTENCE_END.finditer(self.folded, start, end):
            if m.group()[0] == "." and self._abbreviation(start, m.start() + 1):
                continue
            ends.append(m.end())
        return ends

    def attributes(self, start: int, end: int) -> bool:
        """``folded[start:end]`` reads as an attribution: a speech verb not said by I or we
        ("Mr Hopkins said that …", "…, a spokesman added")."""
        prev = ""
        attribution_words, pronouns = self.attribution_words, self.dialogue_pronouns
        for m in _WORD.finditer(self.folded, start, end):
            word = m.group().lower()
            if word in attribution_words and prev not in pronouns:
                return True
            prev = word
        return False

    def plausible_end(self, piece: _Piece, limit: int) -> int:
        """Where an unclosed quotation most plausibly ends, at or before ``limit``: the end of
        its sentence for words quoted inside a sentence; else the last sentence end before the
        first later sentence that attributes speech; else ``limit``."""
        start = piece.start + piece.open_len
        ends = self.sentence_ends(start, limit)
        if self._inside_sentence(piece.p_start, piece.start):
            return ends[0] if ends else limit
        for i in range(len(ends) - 1):
            following = ends[i + 1]
            if self.attributes(ends[i], following):
                return ends[i]
        if ends and ends[-1] < limit and self.attributes(ends[-1], limit):
            return ends[-1]
        return limit

    # ------------------------------------------------------------------ one paragraph

    def _trim(self, end: int, floor: int) -> int:
        while end > floor and self.folded[end - 1].isspace():
            end -= 1
        return end

    def paragraph(self, p_start: int, p_end: int, marks: list) -> _Paragraph:
        """The quotations of the paragraph ``text[p_start:p_end]``, whose marks (matches of
        `_marks`, in order) are ``marks``."""
        text, diags = self.text, self.diags
        stack: list[_Open] = []
        pieces: list[_Piece] = []
        single_pairs = double_pairs = 0
        joins_next = False  # the next top-level opening mark starts a part of the last piece

        def top_open(opened: _Open) -> _Piece:
            nonlocal joins_next
            piece = _Piece(opened.pos, -1, len(opened.mark), 0, opened.double,
                           list(opened.flags), joins=joins_next, p_start=p_start)
            joins_next = False
            return piece

        def unclosed(opened: _Open, limit: int) -> None:
            """End the open top-level quotation before ``limit`` (diagnostic, flag)."""
            piece = top_open(opened)
            end = self._trim(self.plausible_end(piece, limit), opened.pos + len(opened.mark))
            piece.end = end
            piece.flags.append("unclosed")
            diags.add(text, "unclosed-quote",
                      "quotation mark never closed; the quote ends at the most plausible "
                      "sentence boundary", opened.pos, len(opened.mark))
            pieces.append(piece)

        for pos, mark in marks:
            n = len(mark)
            left, right = _flanks(text, pos, n)
            if mark in DOUBLED:
                flags_here = ["doubled-mark"]
            else:
                flags_here = []
            if mark in DOUBLE_OPEN or mark in DOUBLE_AMBIG or mark in DOUBLE_CLOSE:
                # the innermost open double mark (a loop, not next() over a generator: this
                # runs for every double mark)
                nearest = None
                for i in range(len(stack) - 1, -1, -1):
                    if stack[i].double:
                        nearest = i
                        break
                action = "open"
                if nearest is None:
                    if mark in DOUBLE_CLOSE:
                        if left and not right:  # ”Hello,” he said: a closing mark used to open
                            flags_here.append("backwards-mark")
                        else:
                            action = "stray"
                    elif mark in DOUBLE_AMBIG and not left:
                        action = "stray"
                else:
                    opened = stack[nearest]
                    if mark in DOUBLE_CLOSE:
                        action = "close"
                    elif mark in DOUBLE_OPEN:
                        if opened.mark == "\u201e" and mark == "\u201c":
                            action = "close"  # German „…“
                        elif right and not left:  # “Hello,“ he said: backwards
                            action = "close"
                            flags_here.append("backwards-mark")
                        else:
                            action = "reopen-or-nest"
                    elif right or not left:  # a straight mark shaped like a closing one, or
                        action = "close"  # with spaces on both sides
                    else:
                        action = "reopen-or-nest"
                    # a straight mark inside a curly quotation (or the other way round) is
                    # nested: only a mark of the open one's own style re-opens it
                    same_style = (mark in DOUBLE_AMBIG) == (stack[0].mark in DOUBLE_AMBIG)
                    if action == "reopen-or-nest" and nearest == 0 and same_style:
                        if self.sentence_end_before(p_start, pos):
                            action = "reopen"
                        elif len(stack) == 1 and (
                                self._inside_sentence(p_start, stack[0].pos)
                                or self.sentence_ends(stack[0].pos + 1, pos)):
                            action = "restart"
                        else:
                            action = "nest"
                    elif action == "reopen-or-nest":
                        action = "nest"
                if action == "stray":
                    start = self._missing_open(p_start, p_end, pos, n, pieces) \
                        if right and not stack else -1
                    if start >= 0:
                        # Hello," he said: the opening mark is missing; the quotation starts
                        # with the sentence, or goes on from the paragraph before
                        pieces.append(_Piece(start, pos + n, 0, n, True,
                                             flags_here + ["missing-open"],
                                             needs_join=start == self._trim_start(p_start, pos)
                                             and not self._attributed_after(pos, n, p_end),
                                             p_start=p_start))
                        double_pairs += 1
                        continue
                    diags.add(text, "stray-closing-mark",
                              f"quotation mark {mark!r} closes nothing and opens nothing",
                              pos, n, Severity.INFO if not right else Severity.WARNING)
                    if stack:
                        _outermost(stack).flags.append("stray-mark")
                    continue
                if action == "close":
                    assert nearest is not None
                    opened = stack[nearest]
                    del stack[nearest:]  # single marks left open inside were apostrophes
                    if stack:
                        _outermost(stack).flags.append("nested")  # a double-quoted one inside
                        if not any(o.double for o in stack):
                            # inside single marks only: nested if the outermost closes, a
                            # quotation of its own if it proves an apostrophe
                            inner = _Piece(opened.pos, pos + n, len(opened.mark), n, True,
                                           opened.flags + flags_here, p_start=p_start)
                            stack[0].inner.append(inner)
                        continue
                    piece = top_open(opened)
                    piece.end, piece.close_len = pos + n, n
                    piece.flags.extend(flags_here)
                    pieces.append(piece)
                    double_pairs += 1
                    continue
                if action == "reopen":
                    # “… in the world. “We certainly …”: the source lost a paragraph break
                    opened = stack[0]
                    piece = top_open(opened)
                    piece.end = self._trim(pos, opened.pos + len(opened.mark))
                    piece.flags.append("reopened")
                    pieces.append(piece)
                    stack.clear()
                    joins_next = True
                    stack.append(_Open(pos, mark, True, flags_here))
                    continue
                if action == "restart":
                    # an opening mark inside a sentence while a quotation is open: the open one
                    # was never closed ("… productivity "retirement … need "significant" …")
                    opened = stack[0]
                    stack.clear()
                    limit = self._sentence_start(p_start, opened.pos, pos)
                    unclosed(opened, limit)
                    stack.append(_Open(pos, mark, True, flags_here))
                    continue
                if len(stack) >= self.max_depth:
                    diags.add(text, "nesting-too-deep",
                              f"quotation marks nested deeper than {self.max_depth}; mark "
                              "ignored", pos, n)
                    continue
                stack.append(_Open(pos, mark, True, flags_here))
                continue
            # single marks: quotes only when shaped like one, otherwise apostrophes
            if right and _apostrophe(text, pos):
                continue
            if right and mark not in SINGLE_OPEN and stack and not stack[-1].double:
                opened = stack.pop()
                if not stack:
                    piece = top_open(opened)
                    piece.end, piece.close_len = pos + n, n
                    pieces.append(piece)
                    single_pairs += 1
                continue
            if mark in SINGLE_CLOSE or not left or (right and mark not in SINGLE_OPEN):
                continue
            if _ELISION.match(text, pos + n, min(pos + n + _ELISION_CHARS, len(text))):
                continue
            if len(stack) < self.max_depth:
                stack.append(_Open(pos, mark, False, []))
        if stack:  # open at the paragraph's end (end -1): the outermost double mark, if any
            opened = _outermost(stack)
            if opened is not stack[0]:  # the single marks outside it were apostrophes
                pieces.extend(stack[0].inner)
            piece = top_open(opened)
            piece.inner = opened.inner
            pieces.append(piece)
        return _Paragraph(pieces, single_pairs, double_pairs)

    def _trim_start(self, p_start: int, pos: int) -> int:
        while p_start < pos and self.folded[p_start].isspace():
            p_start += 1
        return p_start

    def _missing_open(self, p_start: int, p_end: int, pos: int, n: int, pieces: list) -> int:
        """Where the quotation closed by a mark at ``pos`` that closes nothing began, or -1:
        the start of its sentence, when no quotation came before it in the paragraph, the words
        end like a quotation (``, . ? !``) and are more than a couple, and either an
        attribution follows ("…," he said) or the sentence opens the paragraph (a later part
        of a quotation whose paragraph lost its opening mark)."""
        if pieces or self.folded[pos - 1:pos] not in _QUOTE_ENDS:
            return -1
        ends = self.sentence_ends(p_start, pos - 1)
        start = self._trim_start(ends[-1] if ends else p_start, pos)
        if len(self.folded[start:pos].split()) < 3:
            return -1
        if start != self._trim_start(p_start, pos) and not self._attributed_after(pos, n, p_end):
            return -1
        return start

    def _attributed_after(self, mark: int, n: int, p_end: int) -> bool:
        """An attribution follows the closing mark at ``mark`` in its sentence (``," he
        said.``), before any other quotation mark; after ``."`` the sentence has ended."""
        if self.folded[mark - 1:mark] == ".":
            return False
        pos = mark + n
        ends = self.sentence_ends(pos, p_end)
        end = ends[0] if ends else p_end
        other = self.folded.find('"', pos, end)
        return self.attributes(pos, other if other >= 0 else end)

    def _sentence_start(self, p_start: int, opened: int, pos: int) -> int:
        """The start of the sentence holding ``pos`` (no earlier than just after ``opened``):
        the limit of a quotation that a later opening mark showed to be unclosed."""
        ends = self.sentence_ends(opened + 1, pos)
        return ends[-1] if ends else pos


def pair_marks(
    text: str,
    paragraphs: list[tuple[int, int]],
    *,
    max_depth: int,
    max_quote_chars: int,
    max_continued_paragraphs: int,
    max_diagnostics: int,
    diagnostics: list[Diagnostic],
    folded: Optional[str] = None,
    attribution_words: frozenset[str] = frozenset(),
    abbreviations: frozenset[str] = frozenset(),
    dialogue_pronouns: frozenset[str] = frozenset(),
) -> list[Candidate]:
    """Top-level quotations of ``text`` in order (nested quotes stay inside their outer quote);
    a quotation over several paragraphs is one candidate per paragraph, linked by ``chain``.
    ``folded`` is `quotetrack.text.fold` of ``text`` (computed when not given);
    ``attribution_words`` are the lower-case speech-verb forms that end an unclosed quotation's
    last sentence ("said", "added"), except after one of ``dialogue_pronouns`` ("as I said":
    the quoted speaker's own words)."""
    if folded is None:
        from ..text import fold
        folded = fold(text)
    diags = _Diagnostics(diagnostics, max_diagnostics)
    scanner = _Scanner(folded, text, attribution_words, abbreviations, diags, max_depth,
                       dialogue_pronouns)
    # the marks of the whole text in one search, shared out to their paragraphs (most
    # paragraphs hold none and are not scanned at all)
    every_mark = _marks(text)
    scanned = []
    k = 0
    for s, e in paragraphs:
        while k < len(every_mark) and every_mark[k][0] < s:
            k += 1
        lo = k
        while k < len(every_mark) and every_mark[k][0] + len(every_mark[k][1]) <= e:
            k += 1
        scanned.append(scanner.paragraph(s, e, every_mark[lo:k]) if k > lo
                       else _Paragraph([], 0, 0))
    # a document that quotes with single marks: its single quotes left open count too
    single_style = sum(p.single_pairs for p in scanned) > sum(p.double_pairs for p in scanned)
    emitted: list[tuple[_Piece, int]] = []  # (piece, paragraph)
    pending: Optional[tuple[_Piece, int]] = None
    run = 0  # paragraphs the pending quotation has gone on over

    def end_pending(continued: bool) -> None:
        piece, p = pending  # type: ignore[misc]
        p_start, p_end = paragraphs[p]
        if continued:
            piece.end = scanner._trim(p_end, piece.start + piece.open_len)
        else:
            piece.end = scanner._trim(scanner.plausible_end(piece, p_end),
                                      piece.start + piece.open_len)
            piece.flags.append("unclosed")
            diags.add(text, "unclosed-quote",
                      "quotation mark never closed; the quote ends at the most plausible "
                      "sentence boundary", piece.start, piece.open_len)
        emitted.append((piece, p))

    for i, para in enumerate(scanned):
        pieces = para.pieces
        if pieces and pieces[-1].end < 0 and not pieces[-1].double and not single_style:
            # an opening single mark never closed, in a document that quotes with double
            # marks: an apostrophe ('Allo), not a quotation; the double-quoted ones closed
            # inside it are quotations
            pieces = pieces[:-1] + pieces[-1].inner
        if pending is not None:
            first = pieces[0] if pieces else None
            p_start = scanner._trim_start(*paragraphs[i])
            continues = (first is not None and first.start == p_start
                         and run < max_continued_paragraphs
                         and (first.open_len > 0 or "missing-open" in first.flags))
            end_pending(continues)
            if continues:
                assert first is not None
                first.joins = True
                run += 1
            else:
                run = 0
            pending = None
        for piece in pieces:
            if piece.needs_join and not piece.joins:
                diags.add(text, "stray-closing-mark",
                          "closing quotation mark with no opening mark and no attribution",
                          piece.end - piece.close_len, piece.close_len)
                continue
            if not piece.joins:
                run = 0
            if piece.end < 0:
                pending = (piece, i)
            else:
                emitted.append((piece, i))
    if pending is not None:
        end_pending(False)

    kept: list[Candidate] = []
    previous_kept = False  # whether the piece emitted just before was kept
    for piece, p in emitted:
        if piece.end - piece.start > max_quote_chars:
            diags.add(text, "quote-too-long",
                      f"quotation longer than {max_quote_chars} characters; not returned",
                      piece.start, piece.open_len)
            previous_kept = False
            continue
        chain = -1
        if piece.joins and previous_kept:
            before = kept[-1]
            if before.chain < 0:
                before.chain = len(kept) - 1
            chain = before.chain
        kept.append(Candidate(piece.start, piece.end, piece.open_len, piece.close_len, p,
                              piece.double, chain=chain,
                              flags=tuple(dict.fromkeys(piece.flags))))
        previous_kept = True
    diags.close()
    return kept
