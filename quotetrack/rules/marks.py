"""Stage 1: find quotation marks and pair them, in one pass with a stack per paragraph.

No regular expression spans a quotation: marks are found one at a time and paired by their
context (what stands before and after them), so the work is linear in the size of the text.
Then one more linear pass joins quotes that go on over several paragraphs (news convention: a
paragraph that does not close its quote is followed by one that re-opens it).
"""

from __future__ import annotations

from typing import Optional

import attrs
import regex

from ..model import Diagnostic, Severity, Span

__all__ = ["Candidate", "pair_marks"]

_MARK = regex.compile(
    r"``|''|[\"\u201c\u201d\u201e\u201f\u00ab\u00bb'\u2018\u2019\u201a\u201b\u2039\u203a]"
)

DOUBLE_OPEN = frozenset({"\u201c", "\u201e", "\u201f", "\u00ab", "``"})
DOUBLE_CLOSE = frozenset({"\u201d", "\u00bb"})
DOUBLE_AMBIG = frozenset({'"', "''"})
SINGLE_OPEN = frozenset({"\u2018", "\u201a", "\u201b", "\u2039"})
SINGLE_CLOSE = frozenset({"\u2019", "\u203a"})
_OPENERS = DOUBLE_OPEN | SINGLE_OPEN | {'"', "'"}
# an opening mark stands after a space, a bracket, a dash or another opening mark
_OPEN_BEFORE = frozenset(" \t\n([{\u2014\u2013-/:;,") | _OPENERS
# '90s, 'em, 'til, 'n': an apostrophe at the start of a word, not a quote
_ELISION = regex.compile(r"(?:\d|(?:em|til|tis|twas|cause|n|bout|round|s)\b)", regex.IGNORECASE)


@attrs.define
class Candidate:
    """A top-level quotation, as offsets: ``start``/``end`` include the marks."""

    start: int
    end: int
    open_len: int
    close_len: int
    paragraph: int
    double: bool
    closed: bool = True
    last_paragraph: int = -1

    def __attrs_post_init__(self):
        if self.last_paragraph < 0:
            self.last_paragraph = self.paragraph

    @property
    def content(self) -> tuple[int, int]:
        return self.start + self.open_len, self.end - self.close_len


@attrs.define
class _Open:
    pos: int
    mark: str
    double: bool


@attrs.define
class _Paragraph:
    quotes: list  # closed top-level (start, end, open_len, close_len, double)
    trailing: Optional[_Open]  # the outermost double quote still open at the end
    starts_with_opener: bool


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


def _scan_paragraph(text: str, p_start: int, p_end: int, max_depth: int,
                    diags: _Diagnostics) -> _Paragraph:
    stack: list[_Open] = []
    quotes: list = []
    first = True
    starts_with_opener = False
    for m in _MARK.finditer(text, p_start, p_end):
        mark, pos = m.group(), m.start()
        n = len(mark)
        left, right = _flanks(text, pos, n)
        if first:
            first = False
            starts_with_opener = (
                not text[p_start:pos].strip()
                and (mark in DOUBLE_OPEN or (mark in DOUBLE_AMBIG and left))
            )
        if mark in DOUBLE_OPEN or mark in DOUBLE_AMBIG or mark in DOUBLE_CLOSE:
            nearest = next((i for i in range(len(stack) - 1, -1, -1) if stack[i].double), None)
            if mark in DOUBLE_CLOSE:
                closes = True
            elif mark == "\u201c":  # closes only German-style „…“
                closes = nearest is not None and stack[nearest].mark == "\u201e"
                if not closes and len(stack) == 1 and stack[0].mark == "\u201c" and left \
                        and text[max(p_start, pos - 3):pos].rstrip()[-1:] in ".?!":
                    # “A. “B.” — a curly quote re-opened after a full stop: the first one lost
                    # its closing mark; end it at the full stop
                    end = pos
                    while end > stack[0].pos and text[end - 1].isspace():
                        end -= 1
                    diags.add(text, "missing-closing-mark",
                              "a quotation was re-opened before it closed; closed it at the "
                              "end of its sentence", stack[0].pos, 1)
                    quotes.append((stack[0].pos, end, len(stack[0].mark), 0, True))
                    stack.clear()
            elif mark in DOUBLE_AMBIG:
                closes = nearest is not None and (right or not left)
            else:
                closes = False
            if closes:
                if nearest is None:
                    diags.add(text, "stray-closing-mark",
                              f"closing quotation mark {mark!r} with no opening mark before it",
                              pos, n)
                    continue
                opened = stack[nearest]
                del stack[nearest:]  # single marks left open inside were apostrophes
                if not stack:
                    quotes.append((opened.pos, pos + n, len(opened.mark), n, True))
                continue
            if mark in DOUBLE_AMBIG and right and not left:
                diags.add(text, "stray-closing-mark",
                          f"quotation mark {mark!r} is shaped like a closing mark but closes "
                          "nothing",
                          pos, n, Severity.INFO)
                continue
            if len(stack) >= max_depth:
                diags.add(text, "nesting-too-deep",
                          f"quotation marks nested deeper than {max_depth}; mark ignored", pos, n)
                continue
            stack.append(_Open(pos, mark, True))
            continue
        # single marks: quotes only when shaped like one, otherwise apostrophes
        if right and _apostrophe(text, pos):
            continue
        if right and mark not in SINGLE_OPEN and stack and not stack[-1].double:
            opened = stack.pop()
            if not stack:
                quotes.append((opened.pos, pos + n, len(opened.mark), n, False))
            continue
        if mark in SINGLE_CLOSE or not left or (right and mark not in SINGLE_OPEN):
            continue
        if _ELISION.match(text, pos + n, min(pos + n + 6, len(text))):
            continue
        if len(stack) < max_depth:
            stack.append(_Open(pos, mark, False))
    trailing = next((o for o in stack if o.double), None)
    return _Paragraph(quotes, trailing, starts_with_opener)


def pair_marks(
    text: str,
    paragraphs: list[tuple[int, int]],
    *,
    max_depth: int,
    max_quote_chars: int,
    max_continued_paragraphs: int,
    max_diagnostics: int,
    diagnostics: list[Diagnostic],
) -> list[Candidate]:
    """Top-level quotations of ``text`` in order (nested quotes stay inside their outer quote)."""
    diags = _Diagnostics(diagnostics, max_diagnostics)
    scanned = [_scan_paragraph(text, s, e, max_depth, diags) for s, e in paragraphs]
    found: list[Candidate] = []
    chain: Optional[Candidate] = None  # a quote that goes on past the end of its paragraph

    def unclosed(cand: Candidate) -> None:
        diags.add(text, "unclosed-quote",
                  "quotation mark never closed; the quote is taken to the end of its paragraph",
                  cand.start, cand.open_len)
        found.append(cand)

    for i, para in enumerate(scanned):
        quotes = para.quotes
        if chain is not None:
            if not para.starts_with_opener or i - chain.paragraph > max_continued_paragraphs:
                unclosed(chain)
                chain = None
            elif quotes:  # the re-opened quote closes in this paragraph: the chain ends
                chain.end, chain.close_len, chain.closed = quotes[0][1], quotes[0][3], True
                chain.last_paragraph = i
                found.append(chain)
                chain = None
                quotes = quotes[1:]
            else:  # re-opened and still open: the quote goes on
                chain.end, chain.last_paragraph = paragraphs[i][1], i
                continue
        found.extend(Candidate(s, e, ol, cl, i, d) for s, e, ol, cl, d in quotes)
        if para.trailing is not None:
            chain = Candidate(para.trailing.pos, paragraphs[i][1], len(para.trailing.mark), 0, i,
                              True, closed=False)
    if chain is not None:
        unclosed(chain)
    kept = []
    for cand in sorted(found, key=lambda c: c.start):
        if cand.end - cand.start > max_quote_chars:
            diags.add(text, "quote-too-long",
                      f"quotation longer than {max_quote_chars} characters; not returned",
                      cand.start, cand.open_len)
            continue
        kept.append(cand)
    diags.close()
    return kept
