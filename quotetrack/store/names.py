"""Keys that link speakers across documents: normalised names, kept apart by kind.

A person's key is the name folded to lower case, without full stops and without the honorifics
written before it (the lexicon's ``honorifics.tsv``: Mr, Ms, Dr, Sen., ...): "Ms Randa Slim",
"Randa Slim" and "randa slim" share the key ``p:randa slim``. Organisations and groups get keys
of their own kind (``o:``, ``g:``), so a person is never linked to one; an anonymous source gets a
key of its own per document and speaker (``a:``), so anonymous descriptions are never linked at
all; so does a "person" whose name has no capital letter (a description the engine could not
tie to a name, such as "insurer").

A bare surname ("Slim", a one-word person key) is linked to a full name in another document only
with evidence from its own document (`bare_evidence`): the article prints the full name, gives
the speaker the same affiliation or title, or quotes the speaker saying the same statement as
the full name's speaker elsewhere. It is linked when exactly one full name ending in that word
has such evidence (`link_bare`). A bare title ("Justice") is never linked, nor is a bare first
name: two people share a first name far more often than a surname, and "Abdullah" or "Cyrus"
alone says little.
"""

from __future__ import annotations

import functools
import re
from typing import Iterable, Mapping, NamedTuple, Optional

from ..lexicon import default_lexicon

__all__ = ["Evidence", "bare_evidence", "full_names_in", "is_bare", "is_title_word",
           "link_bare", "name_key",
           "names_match", "person_words", "surname_index"]

_WORDS = re.compile(r"[\w'’-]+")


@functools.lru_cache(maxsize=1)
def _honorifics() -> frozenset[str]:
    return frozenset(h.rstrip(".") for h in default_lexicon().honorifics)


def person_words(name: str) -> list[str]:
    """The folded words of a name, without leading honorifics ("Dr. Ann Lee" -> ann, lee)."""
    words = [w.casefold().replace("’", "'") for w in _WORDS.findall(name.replace(".", " "))]
    honorifics = _honorifics()
    while len(words) > 1 and words[0] in honorifics:
        words.pop(0)
    if len(words) == 1 and words[0] in honorifics:
        return []
    return words


def name_key(name: Optional[str], kind: str, anonymous: bool, *, document: int,
             local_id: int) -> str:
    """The cross-document key of one document's speaker (see the module docstring)."""
    if anonymous or not name:
        return f"a:{document}:{local_id}"
    if kind == "person" and not any(w[:1].isupper() for w in _WORDS.findall(name)):
        # "insurer", "the world's second biggest insurer": a description, not a name
        return f"a:{document}:{local_id}"
    if kind == "person":
        words = person_words(name)
        return f"p:{' '.join(words)}" if words else f"a:{document}:{local_id}"
    words = [w.casefold() for w in _WORDS.findall(name)]
    prefix = "o" if kind == "organization" else "g"
    return f"{prefix}:{' '.join(words)}"


def is_bare(key: str) -> bool:
    """True for a one-word person key (a bare surname or first name)."""
    return key.startswith("p:") and " " not in key


@functools.lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    return frozenset(t.casefold() for t in default_lexicon().titles)


def is_title_word(word: str) -> bool:
    """True for a word the lexicon lists as a title ("justice", "president"): a speaker called
    only that is named by office, not by name, and is never linked to a full name."""
    return word in _titles()


def surname_index(keys: Iterable[str]) -> dict[str, list[str]]:
    """The full (multi-word) person keys by their last word, sorted: the candidates of a bare
    surname. A first word is no index entry: a bare first name is never linked."""
    out: dict[str, set[str]] = {}
    for key in keys:
        if key.startswith("p:") and " " in key:
            out.setdefault(key.rsplit(" ", 1)[1], set()).add(key)
    return {word: sorted(full) for word, full in out.items()}


_NAME_WORD = r"[A-Z][\w'’-]*\.?"
_GAP = r"[ \t\u00a0]+"


def full_names_in(text: str, surname: str, *, max_words: int = 4) -> list[str]:
    """The person keys of every full name the text prints that ends in ``surname`` (a folded
    word): runs of up to ``max_words`` - 1 capitalised words before it on one line, each run
    and its shorter tails ("Prime Minister Theresa May" gives "theresa may", "minister theresa
    may" and "prime minister theresa may"), honorifics dropped; a possessive ("Theresa May's")
    counts. Sorted, without duplicates."""
    if not surname:
        return []
    run = rf"((?:{_NAME_WORD}{_GAP}){{1,{max_words - 1}}})"
    pattern = re.compile(run + rf"((?i:{re.escape(surname)}))(?:(?=['’]s\b)|(?![\w'’-]))")
    found: set[str] = set()
    for m in pattern.finditer(text):
        before = re.split(_GAP, m.group(1).strip())
        for i in range(len(before)):
            words = person_words(" ".join(before[i:] + [m.group(2)]))
            if len(words) > 1 and words[-1] == surname:
                found.add("p:" + " ".join(words))
    return sorted(found)


class Evidence(NamedTuple):
    """What one document says about a bare name that a candidate full name shares."""

    full_name_in_article: bool = False
    same_affiliation: bool = False
    same_title: bool = False
    same_statement: bool = False

    def __bool__(self) -> bool:
        return any(self)

    def reasons(self) -> list[str]:
        return [name.replace("_", " ") for name, value in zip(self._fields, self) if value]


def _role(value: Optional[str]) -> Optional[str]:
    """A title or affiliation as compared: folded, without a leading article."""
    if not value:
        return None
    words = value.casefold().replace("’", "'").split()
    while words and words[0] in ("the", "a", "an"):
        words.pop(0)
    return " ".join(words) or None


def bare_evidence(*, text_names: Iterable[str], title: Optional[str],
                  affiliation: Optional[str], clusters: Iterable[int], candidate: str,
                  candidate_titles: Iterable[Optional[str]],
                  candidate_affiliations: Iterable[Optional[str]],
                  candidate_clusters: Iterable[int]) -> Evidence:
    """The evidence, in a bare name's document, that it names the person of full key
    ``candidate``: ``text_names`` are the full names its article prints (`full_names_in`),
    ``title`` and ``affiliation`` the speaker's, ``clusters`` those of its quotes; the
    candidate's titles, affiliations and clusters come from every document that names it."""
    affiliations = {_role(a) for a in candidate_affiliations} - {None}
    titles = {_role(t) for t in candidate_titles} - {None}
    return Evidence(
        full_name_in_article=candidate in set(text_names),
        same_affiliation=_role(affiliation) in affiliations,
        same_title=_role(title) in titles,
        same_statement=bool(set(clusters) & set(candidate_clusters)),
    )


def link_bare(evidence: Mapping[str, Evidence]) -> Optional[str]:
    """The one candidate full key with evidence, or None when none or several have it."""
    found = [key for key, ev in evidence.items() if ev]
    return found[0] if len(found) == 1 else None


def names_match(asked: str, names: Iterable[str]) -> bool:
    """True when a person called ``asked`` is one of ``names``: the same key, or one name is a
    one-word key (surname or first name) of the other's full name."""
    asked_words = person_words(asked)
    if not asked_words:
        return False
    for name in names:
        words = person_words(name)
        if not words:
            continue
        if words == asked_words:
            return True
        short, full = (asked_words, words) if len(asked_words) < len(words) else (
            words, asked_words)
        if len(short) == 1 and len(full) > 1 and short[0] in (full[0], full[-1]):
            return True
    return False
