"""Was this said? Compare a quoted text with the quotes of a source (pure Python, no database).

`check` compares the text with candidate source quotes and answers with the closest relation:

- ``exact``: the source quote's words as written (quotation marks and surrounding space aside);
- ``normalized``: the same words after normalisation (case, quotation marks, dashes, whitespace,
  punctuation between words);
- ``fragment``: the text is a run of at least `MIN_VERIFY_FRAGMENT` words of a longer quote;
- ``edited``: the source's words with editorial marks only (``…``, ``[...]``, ``[they]``);
- ``altered``: words inserted, deleted or substituted (the `Diff` says which);
- ``not_found``.

With a speaker, it also says whether the matching source quotes give the words to that person,
to someone else (who), or to no one. `Store.verify` finds the candidates in the database;
`verify_source` parses an article or a JSON Lines file and uses all its quotes.
"""

from __future__ import annotations

from typing import Iterable, Optional, Sequence

import attrs

from ..batch import DocumentError, read_input
from ..errors import StoreError
from ..parser import Parser
from .names import names_match
from .records import Verdict, VerifyMatch
from .textmatch import (
    Diff,
    Token,
    align_window,
    contains_run,
    relate,
    similarity,
    tokenize,
    word_diff,
    words_of,
)

__all__ = ["Candidate", "MIN_VERIFY_FRAGMENT", "STATUSES", "check", "verify_source"]

#: a checked text counts as a fragment of a source quote from this many words
MIN_VERIFY_FRAGMENT = 3
#: the statuses of a verdict, best first
STATUSES = ("exact", "normalized", "fragment", "edited", "altered", "not_found")
_QUOTE_MARKS = "\"'“”‘’«»„‟‹›「」 \t\r\n"
#: the most matches a verdict lists
MAX_MATCHES = 20


@attrs.frozen(kw_only=True)
class Candidate:
    """A source quote to compare with: its words (``content``) and where they are in the
    source document (``content_start``), who the source gives them to, where it was published."""

    doc_id: Optional[str]
    content: str
    content_start: int
    quote_start: int
    quote_end: int
    speaker: Optional[str] = None
    speaker_kind: Optional[str] = None
    names: tuple[str, ...] = ()  # every name the speaker goes by (the linked person's too)
    url: Optional[str] = None
    published_at: Optional[str] = None


def _strip_marks(text: str) -> str:
    return text.strip(_QUOTE_MARKS)


def _compare(query: str, qtokens: Sequence[Token], cand: Candidate) -> Optional[VerifyMatch]:
    ctokens = tokenize(cand.content, cand.content_start)
    qwords, cwords = words_of(qtokens), words_of(ctokens)
    if not cwords:
        return None
    word_tokens = [t for t in ctokens if t.kind == "word"]

    def match(status: str, first: int, last: int, score: float, diff: Diff) -> VerifyMatch:
        # first / last: word indexes (end exclusive) of the best-matching run of the quote
        start, end = word_tokens[first].start, word_tokens[last - 1].end
        offset = cand.content_start
        return VerifyMatch(
            status=status, doc_id=cand.doc_id, start=start, end=end,
            source_text=cand.content[start - offset:end - offset], similarity=score, diff=diff,
            speaker=cand.speaker, speaker_kind=cand.speaker_kind,
            quote_start=cand.quote_start, quote_end=cand.quote_end,
            url=cand.url, published_at=cand.published_at,
        )

    if query in cand.content and qwords == cwords:  # verbatim, punctuation at the ends aside
        return match("exact", 0, len(cwords), 1.0, Diff())
    if [t.norm for t in qtokens] == [t.norm for t in ctokens]:
        return match("normalized", 0, len(cwords), 1.0, Diff())
    if len(qwords) >= MIN_VERIFY_FRAGMENT and not any(t.kind != "word" for t in qtokens):
        at = contains_run(cwords, qwords)
        if at is not None:
            return match("fragment", at, at + len(qwords), len(qwords) / len(cwords), Diff())
    if len(qwords) < MIN_VERIFY_FRAGMENT and len(cwords) > len(qwords):
        return None  # a word or two is not evidence of a quote
    if len(cwords) > len(qwords):
        first, last = align_window(cwords, qwords)
    else:
        first, last = 0, len(cwords)
    if last <= first:
        return None
    # the tokens of the aligned run, with the marks inside it
    lo, hi = word_tokens[first].start, word_tokens[last - 1].end
    window = [t for t in ctokens if lo <= t.start and t.end <= hi]
    diff = word_diff(window, qtokens)
    score = similarity(words_of(window), qwords)
    if diff.altered:
        if relate(window, qtokens) is None:
            return None
        status = "altered"
    else:  # the source's words, perhaps with editorial marks standing for some of them
        status = "edited" if diff.editorial else "fragment"
    return match(status, first, last, score, diff)


def check(text: str, candidates: Iterable[Candidate], *,
          speaker: Optional[str] = None) -> Verdict:
    """The `Verdict` on ``text`` against ``candidates`` (see the module docstring)."""
    if not isinstance(text, str):
        raise StoreError(f"verify expects the quoted text as str, got {type(text).__name__}")
    query = _strip_marks(text)
    qtokens = tokenize(query)
    if not words_of(qtokens):
        return Verdict(text=text, status="not_found", asked_speaker=speaker,
                       attribution="no_one" if speaker else None)
    found: list[tuple[int, float, VerifyMatch, Candidate]] = []
    for cand in candidates:
        m = _compare(query, qtokens, cand)
        if m is not None:
            found.append((STATUSES.index(m.status), -m.similarity, m, cand))
    if not found:
        return Verdict(text=text, status="not_found", asked_speaker=speaker,
                       attribution="no_one" if speaker else None)
    found.sort(key=lambda f: (f[0], f[1], f[2].published_at or "\uffff", f[2].doc_id or "",
                              f[2].start))
    best = found[0][0]
    top = [f for f in found if f[0] == best][:MAX_MATCHES]
    matches = tuple(f[2] for f in found[:MAX_MATCHES])
    names = tuple(dict.fromkeys(
        n for n in ((f[3].names[0] if f[3].names else f[3].speaker) for f in top) if n))
    attribution = speaker_status = None
    if speaker is not None:
        theirs = [f for f in found
                  if names_match(speaker, f[3].names or ((f[3].speaker,) if f[3].speaker else ()))]
        if theirs and theirs[0][0] == best:
            attribution = "speaker"
        elif names:
            attribution = "someone_else"
        else:
            attribution = "no_one"
        speaker_status = STATUSES[theirs[0][0]] if theirs else None
    return Verdict(text=text, status=STATUSES[best], matches=matches, asked_speaker=speaker,
                   attribution=attribution, attributed_to=names, speaker_status=speaker_status)


def candidates_of(result, *, url: Optional[str] = None,
                  published_at: Optional[str] = None) -> list[Candidate]:
    """Every quote of one `ParseResult` as a `Candidate`."""
    out = []
    for q in result.quotes:
        sp = q.speaker
        out.append(Candidate(
            doc_id=result.id, content=q.content.text, content_start=q.content.start,
            quote_start=q.span.start, quote_end=q.span.end,
            speaker=sp.name if sp and not sp.anonymous else (sp.name if sp else None),
            speaker_kind=sp.kind.value if sp else None,
            names=(sp.name,) if sp else (),
            url=url, published_at=published_at,
        ))
    return out


def verify_source(text: str, path: str, *, speaker: Optional[str] = None,
                  parser: Optional[Parser] = None) -> Verdict:
    """`check` ``text`` against the quotes of an article (``.txt``) or of every document of a
    JSON Lines file (``.jsonl``), parsed now; no database is needed."""
    parser = parser or Parser()
    candidates: list[Candidate] = []
    for item in read_input(path):
        if isinstance(item, DocumentError):
            if item.id == path:
                raise StoreError(f"{path}: {item.message}")
            continue
        candidates.extend(candidates_of(parser.parse(item.text, id=item.id)))
    return check(text, candidates, speaker=speaker)
