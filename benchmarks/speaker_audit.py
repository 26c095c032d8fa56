"""Count the kinds of speaker a fact-checker would reject, over a corpus of unannotated news.

usage: python benchmarks/speaker_audit.py [CORPUS.jsonl]   (default: ../shared/corpus/bbc.jsonl)

Reads every direct and mixed quote quotetrack attributes and counts, among those with a speaker:

- a bare pronoun as the speaker's name ("they", "He");
- a name that opens with a sentence adverb, conjunction or determiner ("Nonetheless", "Although
  Smith", "Both Jones", "Any");
- an organisation typed person: a one-word acronym ("CNN") or a name whose last word is an
  organisation word ("Acme Bank") or a party ("Labour"), with kind `person`;
- a noun phrase that is no speaker: an unnamed description whose head noun is no title, group,
  organisation or document noun ("research", "latest speculation", "popularity").

The word classes are quotetrack's own lexicon; each count is printed with its share of the
attributed quotes and a few examples, so a reader can check them by hand.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import quotetrack
from quotetrack import Lexicon, SpeakerKind
from quotetrack.lexicon import default_lexicon

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = 12


def categories(speaker, lex: Lexicon) -> list[str]:
    """The audit categories one speaker falls in (usually none)."""
    found = []
    name = speaker.name or ""
    words = name.split()
    if not words:
        return found
    first, last = words[0].lower(), words[-1].lower().rstrip("'s")
    head = last
    for k, w in enumerate(words[1:], 1):  # "spokesman for the Home Office": "spokesman"
        if w in ("for", "of", "at", "from", "with"):
            head = words[k - 1].lower()
            break
    if len(words) == 1 and first in lex.pronouns:
        found.append("pronoun as name")
    named = words[0][:1].isupper()
    if len(words) > 1 and named and first not in lex.first_names and (
            first in lex.adverbs or first in lex.subordinators or first in lex.name_stopwords):
        found.append("name opening with an adverb, conjunction or determiner")
    if speaker.kind == SpeakerKind.PERSON and named and first not in lex.first_names and (
            (len(words) == 1 and len(name) > 1 and name.isalpha() and name.isupper()
             and first not in lex.titles)
            or last in lex.org_words):
        found.append("organisation typed person")
    if not named and head not in lex.titles and head not in lex.group_nouns \
            and head not in lex.org_words and head not in lex.documents \
            and head not in lex.anonymous_heads and head not in lex.pronouns \
            and not head.endswith("-old") and not (head.endswith("s") and head[:-1] in lex.titles):
        found.append("noun phrase that is no speaker")  # ("the 30-year-old" is a person)
    return found


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else ROOT.parent / "shared" / "corpus" / "bbc.jsonl"
    if not path.is_file():
        print(f"no corpus at {path}; pass a JSON Lines file of {{'id', 'text'}} records")
        return 1
    lex = default_lexicon()
    parser = quotetrack.Parser()
    counts: Counter = Counter()
    examples: dict[str, Counter] = {}
    attributed = 0
    for line in path.open(encoding="utf-8"):
        if not line.strip():
            continue
        doc = json.loads(line)
        for quote in parser.parse(doc["text"]).quotes:
            if quote.kind.value not in ("direct", "mixed") or quote.speaker is None:
                continue
            attributed += 1
            for cat in categories(quote.speaker, lex):
                counts[cat] += 1
                examples.setdefault(cat, Counter())[quote.speaker.name] += 1
    print(f"{attributed} attributed direct and mixed quotes in {path.name}")
    for cat in ("pronoun as name", "name opening with an adverb, conjunction or determiner",
                "organisation typed person", "noun phrase that is no speaker"):
        n = counts[cat]
        shown = ", ".join(f"{name} ({k})" for name, k in examples.get(cat, Counter()).most_common(
            EXAMPLES))
        print(f"- {cat}: {n} ({n / max(attributed, 1):.1%}){': ' + shown if shown else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
