"""Quote wording: normalised words, shingles for finding candidates, relations and word diffs.

Everything here is pure Python over strings (no database). A quote is read as a sequence of
`Token`: words, elisions (``…``, ``...``, ``[...]``) and bracketed insertions (``[they]``), each
with its character offsets in the string it came from, so a match can be shown as a span of the
source. Normalisation folds case, curly and straight quotation marks, dashes, whitespace and all
punctuation between words: two quotes are "the same after normalisation" when their words are.

Similarity is checked with rapidfuzz when it is installed (``pip install 'quotetrack[store]'``)
and with the standard library's difflib otherwise: both compute the same Indel-based ratio over
words, rapidfuzz much faster. `BACKEND` says which one runs.
"""

from __future__ import annotations

import collections
import difflib
import hashlib
import re
from typing import Any, Iterable, NamedTuple, Optional, Sequence

import attrs

__all__ = [
    "BACKEND",
    "Diff",
    "MIN_FRAGMENT_WORDS",
    "Relation",
    "SHINGLE_WORDS",
    "Token",
    "VARIANT_SIMILARITY",
    "align_window",
    "contains_run",
    "norm_hash",
    "normalize",
    "relate",
    "relate_words",
    "shingles",
    "tokens_of_norm",
    "words_of_norm",
    "similarity",
    "tokenize",
    "word_diff",
    "words_of",
]

#: words per shingle (the candidate index keys on runs of this many words)
SHINGLE_WORDS = 3
#: a quote counts as a fragment of a longer one (or an altered excerpt of it) from this many
#: words: shorter runs such as "on the radio this morning" recur in unrelated quotes
MIN_FRAGMENT_WORDS = 8
#: word-level similarity (0-1) from which two quotes are variants of one statement
VARIANT_SIMILARITY = 0.7
#: the similarity needed when the shorter quote has fewer than `MIN_FRAGMENT_WORDS` words
SHORT_SIMILARITY = 0.85

_Indel: Any
try:  # the optional extra: the same ratio as difflib's, in C
    from rapidfuzz.distance import Indel as _Indel

    BACKEND = "rapidfuzz"
except ImportError:  # pragma: no cover - exercised when the extra is absent
    _Indel = None
    BACKEND = "difflib"

_ELISION = r"\[\s*(?:…|\.\s*\.\s*\.)\s*\]|…|\.\s?\.\s?\."
_INSERTION = r"\[[^\[\]\n]{1,80}\]"
_WORD = r"\w+(?:['’‘]\w+)*"
_TOKEN = re.compile(f"(?P<elision>{_ELISION})|(?P<insertion>{_INSERTION})|(?P<word>{_WORD})")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})


class Token(NamedTuple):
    """One word or editorial mark of a quote: ``norm`` is the folded form, offsets are in the
    string that was tokenised (plus the ``offset`` given to `tokenize`)."""

    norm: str
    kind: str  # "word", "elision" or "insertion"
    start: int
    end: int
    text: str


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """The words and editorial marks of ``text``, in order, with offsets (shifted by ``offset``)."""
    tokens = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "word"
        raw = m.group()
        if kind == "elision":
            norm = "…"
        elif kind == "insertion":
            norm = "[" + "_".join(w.casefold() for w in re.findall(_WORD, raw)) + "]"
        else:
            norm = raw.translate(_APOSTROPHES).casefold()
        tokens.append(Token(norm, kind, m.start() + offset, m.end() + offset, raw))
    return tokens


def tokens_of_norm(norm: str) -> list[Token]:
    """The tokens of a normalised quote (as `normalize` writes it), without offsets: enough to
    relate two quotes, and much cheaper than `tokenize` on the text again."""
    out = []
    for part in norm.split():
        kind = "elision" if part == "…" else "insertion" if part.startswith("[") else "word"
        out.append(Token(part, kind, 0, 0, part))
    return out


def normalize(text: str) -> str:
    """The normalised form of a quote: folded words and editorial marks, one space apart."""
    return " ".join(t.norm for t in tokenize(text))


def words_of(tokens: Iterable[Token]) -> list[str]:
    """The folded words of ``tokens``, without the editorial marks."""
    return [t.norm for t in tokens if t.kind == "word"]


def _hash64(value: str) -> int:
    digest = hashlib.blake2b(value.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def norm_hash(norm: str) -> int:
    """A 64-bit key of a normalised quote (blake2b: the same in every process and run)."""
    return _hash64(norm)


def shingles(words: Sequence[str]) -> list[int]:
    """64-bit keys of every run of `SHINGLE_WORDS` words (one key for a shorter quote)."""
    if not words:
        return []
    k = SHINGLE_WORDS
    if len(words) < k:
        return [_hash64(" ".join(words))]
    return sorted({_hash64(" ".join(words[i:i + k])) for i in range(len(words) - k + 1)})


def similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """Word-level similarity in [0, 1]: 1 - (words inserted + deleted) / (len(a) + len(b))."""
    if not a and not b:
        return 1.0
    if _Indel is not None:
        return float(_Indel.normalized_similarity(list(a), list(b)))
    return difflib.SequenceMatcher(None, list(a), list(b), autojunk=False).ratio()


def contains_run(longer: Sequence[str], shorter: Sequence[str]) -> Optional[int]:
    """The index where ``shorter`` stands as a contiguous run in ``longer``, or None."""
    n, m = len(longer), len(shorter)
    if m == 0 or m > n:
        return None
    first = shorter[0]
    for i in range(n - m + 1):
        if longer[i] == first and list(longer[i:i + m]) == list(shorter):
            return i
    return None


def align_window(longer: Sequence[str], shorter: Sequence[str]) -> tuple[int, int]:
    """The run of ``longer`` (start, end word indexes) that ``shorter`` best lines up with."""
    blocks = [
        b for b in difflib.SequenceMatcher(None, list(longer), list(shorter),
                                           autojunk=False).get_matching_blocks() if b.size
    ]
    if not blocks:
        return 0, 0
    return blocks[0].a, blocks[-1].a + blocks[-1].size


@attrs.frozen
class Relation:
    """How quote ``b`` relates to quote ``a``: ``exact`` (same words), ``fragment`` (one is a
    run of words in the other), ``variant`` (altered words), with the word similarity."""

    kind: str
    score: float


def relate(a: Sequence[Token], b: Sequence[Token], *,
           min_fragment: int = MIN_FRAGMENT_WORDS,
           threshold: float = VARIANT_SIMILARITY) -> Optional[Relation]:
    """The relation between two quotes' tokens, or None when they are different statements."""
    if [t.norm for t in a] == [t.norm for t in b]:
        return Relation("exact", 1.0) if a else None
    return relate_words(words_of(a), words_of(b), min_fragment=min_fragment,
                        threshold=threshold)


def relate_words(wa: Sequence[str], wb: Sequence[str], *,
                 min_fragment: int = MIN_FRAGMENT_WORDS,
                 threshold: float = VARIANT_SIMILARITY) -> Optional[Relation]:
    """`relate` on the words alone, for two quotes whose tokens are not the same."""
    if not wa or not wb:
        return None
    if wa == wb:
        return Relation("variant", 1.0)  # the same words with different editorial marks
    longer, shorter = (wa, wb) if len(wa) >= len(wb) else (wb, wa)
    if len(shorter) >= min_fragment and contains_run(longer, shorter) is not None:
        return Relation("fragment", len(shorter) / len(longer))
    # the words in common bound every similarity below: most pairs stop here, cheaply
    common = sum((collections.Counter(shorter) & collections.Counter(longer)).values())
    if common < max(threshold, 0.8) * len(shorter) and \
            2 * common < threshold * (len(wa) + len(wb)):
        return None
    score = similarity(wa, wb)
    # in a short quote one changed word is another statement ("an absolute epidemic" is not
    # "an absolute necessity"): short pairs must be closer
    needed = threshold if len(shorter) >= min_fragment else max(threshold, SHORT_SIMILARITY)
    if score >= needed and len(shorter) >= 2:
        return Relation("variant", score)
    if len(shorter) >= min_fragment:  # an altered excerpt of a longer quote
        i, j = align_window(longer, shorter)
        window = longer[i:j]
        if window and similarity(window, shorter) >= max(threshold, 0.8):
            return Relation("variant", similarity(window, shorter) * len(shorter) / len(longer))
    return None


def words_of_norm(norm: str) -> list[str]:
    """The words of a normalised quote, without its editorial marks."""
    return [p for p in norm.split() if p != "…" and not p.startswith("[")]


@attrs.frozen(kw_only=True)
class Diff:
    """The word-level changes that turn quote ``a`` into quote ``b``.

    ``inserted`` and ``deleted`` are runs of words; ``substituted`` pairs ``(old, new)`` runs.
    Editorial marks in ``b`` are not alterations: ``elisions`` lists the words of ``a`` each
    ``…`` / ``[...]`` stands for (empty when it stands for nothing), ``insertions`` pairs each
    bracketed insertion with the words of ``a`` it replaces.
    """

    inserted: tuple[str, ...] = ()
    deleted: tuple[str, ...] = ()
    substituted: tuple[tuple[str, str], ...] = ()
    elisions: tuple[str, ...] = ()
    insertions: tuple[tuple[str, str], ...] = ()

    @property
    def altered(self) -> bool:
        """True when words were inserted, deleted or substituted (editorial marks aside)."""
        return bool(self.inserted or self.deleted or self.substituted)

    @property
    def editorial(self) -> bool:
        return bool(self.elisions or self.insertions)

    def as_dict(self) -> dict:
        return {
            "inserted": list(self.inserted),
            "deleted": list(self.deleted),
            "substituted": [list(p) for p in self.substituted],
            "elisions": list(self.elisions),
            "insertions": [list(p) for p in self.insertions],
            "altered": self.altered,
        }

    def summary(self) -> str:
        parts = [f"+{w!r}" for w in self.inserted] + [f"-{w!r}" for w in self.deleted]
        parts += [f"{o!r}->{n!r}" for o, n in self.substituted]
        parts += [f"elision of {w!r}" if w else "elision" for w in self.elisions]
        parts += [f"[{n}] for {o!r}" if o else f"[{n}] added" for o, n in self.insertions]
        return "; ".join(parts) if parts else "no changes"


def word_diff(a: Sequence[Token], b: Sequence[Token]) -> Diff:
    """The word-level diff of ``b`` against ``a`` (`Diff`); editorial marks of ``b`` are kept apart.

    Words compare by their folded form. An elision or a bracketed insertion never equals a word,
    so the aligner puts each one of ``b`` that ``a`` does not share in a changed region; a region
    whose side in ``b`` is only editorial marks is reported as elisions / insertions, not as an
    alteration. The same mark in both quotes is no change.
    """
    keys_a = [t.norm if t.kind == "word" else "\0" + t.norm for t in a]
    keys_b = [t.norm if t.kind == "word" else "\0" + t.norm for t in b]
    inserted, deleted, substituted, elisions, insertions = [], [], [], [], []
    matcher = difflib.SequenceMatcher(None, keys_a, keys_b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        old = [t for t in a[i1:i2] if t.kind == "word"]
        new_tokens = b[j1:j2]
        marks = [t for t in new_tokens if t.kind != "word"]
        new = [t for t in new_tokens if t.kind == "word"]
        old_text = " ".join(t.norm for t in old)
        if marks and not new:
            # the region of b is editorial only: the marks stand for the words of a
            for k, mark in enumerate(marks):
                covered = old_text if k == 0 else ""
                if mark.kind == "elision":
                    elisions.append(covered)
                else:
                    insertions.append((covered, mark.norm[1:-1].replace("_", " ")))
            continue
        for mark in marks:  # marks among altered words: still editorial, covering nothing
            if mark.kind == "elision":
                elisions.append("")
            else:
                insertions.append(("", mark.norm[1:-1].replace("_", " ")))
        new_text = " ".join(t.norm for t in new)
        if old and new:
            substituted.append((old_text, new_text))
        elif new:
            inserted.append(new_text)
        elif old:
            deleted.append(old_text)
    return Diff(
        inserted=tuple(inserted),
        deleted=tuple(deleted),
        substituted=tuple(substituted),
        elisions=tuple(elisions),
        insertions=tuple(insertions),
    )
