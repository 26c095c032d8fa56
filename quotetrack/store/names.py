"""Keys that link speakers across documents: normalised names, kept apart by kind.

A person's key is the name folded to lower case, without full stops and without the honorifics
written before it (the lexicon's ``honorifics.tsv``: Mr, Ms, Dr, Sen., ...): "Ms Randa Slim",
"Randa Slim" and "randa slim" share the key ``p:randa slim``. Organisations and groups get keys
of their own kind (``o:``, ``g:``), so a person is never linked to one; an anonymous source gets a
key of its own per document and speaker (``a:``), so anonymous descriptions are never linked at
all; so does a "person" whose name has no capital letter (a description the engine could not
tie to a name, such as "insurer"). `link_keys` then links a one-word person key ("slim") to the one full name in the store
whose last or first word it is, when there is exactly one.
"""

from __future__ import annotations

import functools
import re
from typing import Iterable, Optional

from ..lexicon import default_lexicon

__all__ = ["link_keys", "name_key", "person_words", "names_match"]

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


def link_keys(keys: Iterable[str], *, detached: frozenset[str] = frozenset()) -> dict[str, str]:
    """Each key's person key: a one-word person key goes to the one multi-word person key whose
    last (or first) word it is, when exactly one such key exists; every other key to itself.
    Keys in ``detached`` (a user's split) are never linked to another."""
    keys = list(dict.fromkeys(keys))
    by_word: dict[str, set[str]] = {}
    for key in keys:
        if key.startswith("p:"):
            words = key[2:].split(" ")
            if len(words) > 1:
                by_word.setdefault(words[-1], set()).add(key)
                by_word.setdefault(words[0], set()).add(key)
    linked = {}
    for key in keys:
        target = key
        if key.startswith("p:") and " " not in key and key not in detached:
            full = by_word.get(key[2:], set())
            if len(full) == 1:
                target = next(iter(full))
        linked[key] = target
    return linked


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
