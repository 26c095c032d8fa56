"""Every attribution can be replayed by running only the rule it names.

A rule that reads only the quote and the text around it (a cue next to the quote, a colon
introduction, "according to", the sentence's cue or subject, a possessive, a lead-in) must make
the same decision when it runs alone: ``Parser(rules={"quotation": [name]})`` gives the quote
the same speaker mention and cue. The rules that follow other quotes (``continuation``,
``quote_part``) are replayed against the decision they continue: the quote they point at has
the same speaker. Run over the shipped seed and patterns, and over the evaluation sets when
``../shared`` is present.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotetrack import Parser, QuoteKind
from quotetrack.parser import RULE_FAMILIES

HERE = Path(__file__).parent
SHARED_EVAL = HERE.parent.parent / "shared" / "eval"
#: the rules whose decision rests on another quote's
FOLLOWERS = frozenset({"continuation", "quote_part"})


def _texts_of(path: Path) -> list[str]:
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def shipped_texts() -> list[str]:
    texts = _texts_of(HERE / "fixtures" / "seed.jsonl")
    for name in ("patterns.json", "boundaries.json"):
        texts += [case["text"] for case in json.loads((HERE / "fixtures" / name).read_text("utf-8"))]
    return texts


def replay(text: str) -> int:
    """Replay every attribution of ``text``; return how many were replayed."""
    full = Parser().parse(text)
    alone: dict[str, object] = {}
    replayed = 0
    for i, quote in enumerate(full.quotes):
        att = quote.attribution
        if att is None or quote.kind == QuoteKind.INDIRECT:
            continue
        assert att.sieve in RULE_FAMILIES["quotation"], att.sieve
        if att.sieve in FOLLOWERS:
            assert att.continues is not None
            followed = full.quotes[att.continues].attribution
            assert followed is not None and followed.speaker == att.speaker, (text, i)
            replayed += 1
            continue
        if att.sieve not in alone:
            alone[att.sieve] = Parser(rules={"quotation": [att.sieve]}).parse(text)
        again = alone[att.sieve].quotes  # type: ignore[attr-defined]
        match = [q for q in again if q.span == quote.span]
        assert match, (text, quote.text)
        redone = match[0].attribution
        assert redone is not None and redone.sieve == att.sieve, (att.sieve, quote.text)
        assert (redone.mention, redone.cue) == (att.mention, att.cue), (att.sieve, quote.text)
        replayed += 1
    return replayed


def test_replay_shipped_texts():
    """Every attribution of the seed and of the pattern fixtures replays by its rule alone."""
    assert sum(replay(text) for text in shipped_texts()) > 50


@pytest.mark.parametrize("name", ["seed", "bbc-dev", "ggt-dev"])
def test_replay_evaluation_sets(name):
    """Every attribution of an evaluation set replays by its rule alone."""
    path = SHARED_EVAL / f"{name}.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} is not present (the evaluation data lies beside the repository)")
    assert sum(replay(text) for text in _texts_of(path)) > 10


def test_rules_by_family():
    """Parser(rules=...) runs only the named rules of a family: without colon_intro a colon
    introduction falls to a later sieve; an empty reported family finds no reported speech;
    the selection survives attrs.evolve and pickling."""
    import pickle

    import attrs

    text = 'Coach Dana Whitfield said: "We did not turn up." Later she said the team was tired.'
    (quote, reported) = Parser().parse(text).quotes
    assert quote.attribution.sieve == "colon_intro" and reported.kind == QuoteKind.INDIRECT
    others = [n for n in RULE_FAMILIES["quotation"] if n != "colon_intro"]
    parser = Parser(rules={"quotation": others, "reported": []})
    (quote,) = parser.parse(text).quotes
    assert quote.attribution.sieve != "colon_intro"
    for again in (attrs.evolve(parser, claims=True), pickle.loads(pickle.dumps(parser))):
        assert [q.attribution.sieve for q in again.parse(text).quotes] == [quote.attribution.sieve]


@pytest.mark.parametrize("rules, message", [
    ({"quotes": []}, "unknown rule family 'quotes'.*quotation"),
    ({"quotation": ["nope"]}, "unknown quotation rule.*cue_after_quote"),
    ({"quotation": "colon_intro"}, "must be a list of rule names"),
    (["colon_intro"], "must be a mapping"),
])
def test_rule_selection_errors(rules, message):
    """An unknown family or rule name, or a selection of the wrong shape, raises ConfigError
    naming the known ones."""
    from quotetrack import ConfigError

    with pytest.raises(ConfigError, match=message):
        Parser(rules=rules)
