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
from quotetrack.rules.resolve import RESOLVERS

HERE = Path(__file__).parent
SHARED_EVAL = HERE.parent.parent / "shared" / "eval"
#: the rules whose decision rests on another quote's
FOLLOWERS = frozenset({"continuation", "quote_part"})


def _texts_of(path: Path) -> list[str]:
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def eval_texts(name: str) -> list[str]:
    """The texts of evaluation set ``name``; the test is skipped when ../shared is absent."""
    path = SHARED_EVAL / f"{name}.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} is not present (the evaluation data lies beside the repository)")
    return _texts_of(path)


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


def replay_reported(text: str) -> int:
    """Replay every reported-speech quote of ``text`` by running only its rule (with every
    quotation sieve, so that the clauses holding quotations are left to them as before): the
    same span is found, by the same rule, with the same mention and cue."""
    full = Parser().parse(text)
    alone: dict[str, object] = {}
    replayed = 0
    for quote in full.quotes:
        att = quote.attribution
        if quote.kind != QuoteKind.INDIRECT or att is None:
            continue
        assert att.sieve in RULE_FAMILIES["reported"], att.sieve
        if att.sieve not in alone:
            alone[att.sieve] = Parser(rules={"reported": [att.sieve]}).parse(text)
        match = [q for q in alone[att.sieve].quotes  # type: ignore[attr-defined]
                 if q.span == quote.span and q.kind == QuoteKind.INDIRECT]
        assert match, (att.sieve, quote.text)
        redone = match[0].attribution
        assert redone is not None and redone.sieve == att.sieve, (att.sieve, quote.text)
        assert (redone.mention, redone.cue) == (att.mention, att.cue), (att.sieve, quote.text)
        replayed += 1
    return replayed


@pytest.mark.parametrize("name", ["seed", "bbc-dev", "ggt-dev"])
def test_replay_reported_evaluation_sets(name):
    """Every reported-speech quote of an evaluation set replays by its rule alone."""
    texts = eval_texts(name)
    assert sum(replay_reported(text) for text in texts) >= 5


def test_replay_shipped_texts():
    """Every attribution of the seed and of the pattern fixtures replays by its rule alone."""
    assert sum(replay(text) for text in shipped_texts()) > 50


@pytest.mark.parametrize("name", ["seed", "bbc-dev", "ggt-dev"])
def test_replay_evaluation_sets(name):
    """Every attribution of an evaluation set replays by its rule alone."""
    texts = eval_texts(name)
    assert sum(replay(text) for text in texts) > 10


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
    ({"speaker": ["pronoun"]}, "unknown speaker rule.*pronoun_person"),
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


# --------------------------------------------------------------------------- speaker resolvers

RESOLVER_CASES = json.loads((HERE / "fixtures" / "resolvers.json").read_text(encoding="utf-8"))


def _quote(result, text: str):
    (quote,) = [q for q in result.quotes if q.text == text]
    return quote


@pytest.mark.parametrize("case", RESOLVER_CASES, ids=lambda c: f"{c['rule']}:{c['quote'][:24]}")
def test_resolver_fixtures(case):
    """Each speaker resolver, on a pattern of its own (fixtures/resolvers.json, in our own
    words): the quote is tied to the expected speaker by the expected resolver, or (rule null)
    by no resolver at all."""
    att = _quote(Parser().parse(case["text"]), case["quote"]).attribution
    assert att is not None
    assert att.resolver == case["rule"]
    assert att.resolution.value == case["resolution"]
    assert (att.speaker.name if att.speaker else None) == case["speaker"]


@pytest.mark.parametrize("case", [c for c in RESOLVER_CASES if c["rule"]],
                         ids=lambda c: f"{c['rule']}:{c['quote'][:24]}")
def test_a_disabled_resolver_decides_nothing(case):
    """With its resolver switched off, a fixture's quote is decided otherwise (by a later
    resolver of its mention class, or by none)."""
    others = [n for n in RULE_FAMILIES["speaker"] if n != case["rule"]]
    att = _quote(Parser(rules={"speaker": others}).parse(case["text"]), case["quote"]).attribution
    assert att is not None and att.resolver != case["rule"]


def test_every_resolver_has_fixtures():
    """Every resolver of the speaker family has at least one fixture, and reads only known
    mention class."""
    from quotetrack.rules.resolve import Mention

    assert {c["rule"] for c in RESOLVER_CASES} - {None} == set(RULE_FAMILIES["speaker"])
    assert {m for _, _, classes in RESOLVERS for m in classes} == set(Mention)


def _rivals(name: str) -> set[str]:
    """The resolvers tried before ``name`` on a mention class it reads: the only ones that
    could have decided in its place (those after it never see a mention it decides)."""
    order = [n for n, _, _ in RESOLVERS]
    classes = {n: c for n, _, c in RESOLVERS}
    return {n for n in order[:order.index(name)] if classes[n] & classes[name]}


def _who(att) -> object:
    return (att.speaker.name, att.speaker.kind) if att.speaker else None


def replay_speakers(text: str) -> int:
    """Replay the resolver of every attributed quote of ``text`` as the only one of its mention
    class that may decide: the resolvers tried before it on that class are switched off (the
    others still run: a pronoun needs the people named and quoted before it, a role noun the
    sources described before it); return how many were replayed."""
    full = Parser().parse(text)
    alone: dict[str, object] = {}
    replayed = 0
    for quote in full.quotes:
        att = quote.attribution
        if att is None or att.resolver is None:
            continue
        if att.resolver not in alone:
            keep = [n for n in RULE_FAMILIES["speaker"] if n not in _rivals(att.resolver)]
            alone[att.resolver] = Parser(rules={"speaker": keep}).parse(text)
        match = [q for q in alone[att.resolver].quotes  # type: ignore[attr-defined]
                 if q.span == quote.span and q.kind == quote.kind]
        assert match, (text, quote.text)
        redone = match[0].attribution
        assert redone is not None and redone.resolver == att.resolver, (att.resolver, quote.text)
        assert _who(redone) == _who(att), (att.resolver, quote.text)
        replayed += 1
    return replayed


def test_replay_speakers_shipped_texts():
    """Every speaker of the seed, the pattern fixtures and the resolver fixtures replays by its
    resolver alone."""
    texts = shipped_texts() + [c["text"] for c in RESOLVER_CASES]
    assert sum(replay_speakers(text) for text in texts) > 50


@pytest.mark.parametrize("name", ["seed", "bbc-dev", "ggt-dev"])
def test_replay_speakers_evaluation_sets(name):
    """Every speaker of an evaluation set replays by its resolver alone."""
    texts = eval_texts(name)
    assert sum(replay_speakers(text) for text in texts) > 10


# --------------------------------------------------------------------------- title readers

TITLE_CASES = json.loads((HERE / "fixtures" / "titles.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", TITLE_CASES, ids=lambda c: f"{c['rule']}:{c['field']}")
def test_title_reader_fixtures(case):
    """Each title and affiliation reader, on a pattern of its own (fixtures/titles.json): the
    speaker's field has the expected value (none for the negative cases) ..."""
    speaker = _quote(Parser().parse(case["text"]), case["quote"]).speaker
    assert speaker is not None and getattr(speaker, case["field"]) == case["value"]


@pytest.mark.parametrize("case", [c for c in TITLE_CASES if c["rule"]],
                         ids=lambda c: f"{c['rule']}:{c['field']}")
def test_a_disabled_title_reader_reads_nothing(case):
    """... and that value comes from the named reader: without it the field differs."""
    others = [n for n in RULE_FAMILIES["title"] if n != case["rule"]]
    speaker = _quote(Parser(rules={"title": others}).parse(case["text"]), case["quote"]).speaker
    assert speaker is not None and getattr(speaker, case["field"]) != case["value"]


def test_every_title_reader_has_fixtures():
    assert {c["rule"] for c in TITLE_CASES} - {None} == set(RULE_FAMILIES["title"])


def test_no_title_reader_no_title():
    """With the title family empty no speaker has a title or an affiliation."""
    text = TITLE_CASES[0]["text"] + " " + TITLE_CASES[-3]["text"]
    speakers = Parser(rules={"title": []}).parse(text).speakers
    assert speakers and all(s.title is None and s.affiliation is None for s in speakers)


# --------------------------------------------------------------------------- claim rules

CLAIM_CASES = json.loads((HERE / "fixtures" / "claims_golden.json").read_text("utf-8"))["cases"]


def replay_claims(text: str) -> tuple[int, set[str]]:
    """Replay every claim of ``text`` by running one claim rule alone: a claim that records a
    rule's name (``ratio``, ``fraction``, ``vague``) is found by that rule alone and not without
    it; one that records the kind of number it read (``count``, ``money``…) is found by one rule
    alone (``number``, or ``fraction`` for "half a million"). (how many, the rules that replayed
    them)."""
    full = Parser(claims=True).parse(text)
    rules = RULE_FAMILIES["claims"]
    alone = {r: Parser(claims=True, rules={"claims": [r]}).parse(text).claims for r in rules}
    seen = set()
    for claim in full.claims:
        key = (claim.span, claim.quantity, claim.rule)
        by = {r for r in rules if any((c.span, c.quantity, c.rule) == key for c in alone[r])}
        assert by, claim.span.text
        if claim.rule in rules:
            assert claim.rule in by, (claim.rule, claim.span.text)
            others = [n for n in rules if n != claim.rule]
            without = Parser(claims=True, rules={"claims": others}).parse(text).claims
            assert not any((c.span, c.rule) == (claim.span, claim.rule) for c in without)
        seen |= by
    return len(full.claims), seen


def test_replay_claims():
    """Every claim of the golden claim cases is found again by one claim rule alone; every
    claim rule is seen."""
    total, seen = 0, set()
    for case in CLAIM_CASES:
        n, rules = replay_claims(case["text"])
        total, seen = total + n, seen | rules
    assert total > 50 and seen == set(RULE_FAMILIES["claims"])


def test_unknown_claim_rule():
    from quotetrack import ConfigError
    from quotetrack.rules.claims import find_claims

    with pytest.raises(ConfigError, match="unknown claim rule.*ratio"):
        find_claims("About 40 people came.", rules=["digits"])
    with pytest.raises(ConfigError, match="unknown claims rule.*number"):
        Parser(rules={"claims": ["digits"]})


def test_replay_claims_evaluation_set():
    """Every claim of bbc-dev's articles is found again by one claim rule alone."""
    texts = eval_texts("bbc-dev")
    total, seen = 0, set()
    for text in texts:
        n, rules = replay_claims(text)
        total, seen = total + n, seen | rules
    assert total > 100 and {"number", "fraction"} <= seen
