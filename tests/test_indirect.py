"""Reported speech (kind indirect), cue classes, channels, non-statements and beliefs."""

import json
from pathlib import Path

import pytest

import quotetrack
from quotetrack import Parser, QuoteKind
from quotetrack.parser import RULE_FAMILIES

FIXTURES = Path(__file__).parent / "fixtures"
SEED = json.loads((FIXTURES / "seed.jsonl").read_text(encoding="utf-8").splitlines()[0])


def indirect(text, **options):
    parser = Parser(**options) if options else None
    result = parser.parse(text) if parser else quotetrack.parse(text)
    return [q for q in result.quotes if q.kind == QuoteKind.INDIRECT]


def test_seed_indirect_attributions_are_found_with_their_speakers():
    """The five speech-verb indirect records of the seed are found, each with its gold speaker,
    title and affiliation, and nothing else is reported as indirect."""
    found = indirect(SEED["text"])
    gold = [q for q in SEED["quotes"] if q["kind"] == "indirect"]
    assert len(found) == len(gold) == 5
    for g, q in zip(gold, found):
        assert (q.content.start, q.content.end) == (g["start"], g["end"])
        names = {g["speaker_name"], *g.get("speaker_aliases", [])}
        assert q.speaker.name in names or q.speaker.name.lower().removeprefix("the ") in {
            n.lower().removeprefix("the ").removeprefix("some ") for n in names}
        assert q.attribution.mention.text == g["speaker"]
        if g["speaker_title"]:
            assert g["speaker_title"].lower() in q.speaker.title.lower()
        if g["speaker_affiliation"]:
            assert q.speaker.affiliation == g["speaker_affiliation"]


def test_participle_clause_ends_the_report_and_keeps_the_subject():
    """'X announced A, citing “B”': the report stops before ', citing' and the quote is X's."""
    text = ("On Monday, the airline announced it had cancelled all flights to the island, "
            "citing “severe weather over the next two days.”")
    result = quotetrack.parse(text)
    (ind,) = [q for q in result.quotes if q.kind == QuoteKind.INDIRECT]
    (mixed,) = [q for q in result.quotes if q.kind == QuoteKind.MIXED]
    assert ind.text == "it had cancelled all flights to the island"
    assert ind.speaker is mixed.speaker
    assert mixed.attribution.cue.text == "citing"


def test_pronoun_speaker_of_indirect_resolves_like_a_quote():
    """A pronoun subject of reported speech resolves to the person named before."""
    text = ("Maria Lopez runs the shelter on Elm Street.\n\n"
            "She said the city had cut its funding by half.")
    (q,) = indirect(text)
    assert q.speaker.name == "Maria Lopez"
    assert q.attribution.resolution.value == "pronoun"


@pytest.mark.parametrize("verb, cue_class", [
    ("said", "neutral"), ("claimed", "assertive"), ("insisted", "assertive"),
    ("denied", "denial"), ("suggested", "hedging"),
])
def test_cue_class_is_recorded(verb, cue_class):
    """Each attribution records the class of its cue verb."""
    (q,) = indirect(f"The senator {verb} that the report was incomplete.")
    assert q.attribution.cue.text == verb
    assert q.attribution.cue_class == cue_class


@pytest.mark.parametrize("text, channel", [
    ("The company said in a statement that its profits had fallen.", "statement"),
    ("The coach told Reuters that the team would appeal.", "Reuters"),
    ("The actor said on Twitter that the show was cancelled.", "twitter"),
    ("The minister said in an interview that taxes would rise.", "interview"),
])
def test_channel_is_recorded(text, channel):
    """Where it was said, when the text says so, is on the attribution."""
    (q,) = indirect(text)
    assert q.attribution.channel == channel


def test_declined_to_comment_is_a_non_statement_not_a_quote():
    """'X declined to comment' is recorded as X's non-statement and gives no quote."""
    text = "Janet Ellis, a lawyer for the family, declined to comment on the ruling."
    result = quotetrack.parse(text)
    assert result.quotes == ()
    (silent,) = result.non_statements
    assert silent.span.text == "declined to comment"
    assert silent.mention.text.endswith("Janet Ellis")


def test_non_statement_after_a_letter_that_lowers_to_two():
    """"\u0130" (a Turkish dotted capital I) lower-cases to two characters; the phrase found in
    the lower-cased sentence must still be placed on the original text (it once raised)."""
    text = "\u0130lker Demir, the club's chairman, declined to comment on the vote."
    (silent,) = quotetrack.parse(text).non_statements
    assert silent.span.text == "declined to comment"
    assert silent.mention.text == "\u0130lker Demir"


@pytest.mark.parametrize("text", [
    "Ana Lopez declined to commentMr. Ruiz left early.",
    "Ahmet Yilmaz declined to comment\u0130 on the vote.",
])
def test_a_phrase_glued_to_the_next_word_is_no_non_statement(text):
    """The phrase must end its word: "commentMr." (a missing space) and "comment\u0130" are
    not "comment"."""
    assert quotetrack.parse(text).non_statements == ()


def test_beliefs_are_excluded_unless_asked_for():
    """'X believes that ...' is not reported speech by default; beliefs=True includes it."""
    text = "The governor believes that the new tax will pass easily."
    assert indirect(text) == []
    (q,) = indirect(text, beliefs=True)
    assert q.text == "the new tax will pass easily"
    assert q.attribution.cue_class == "belief"


def test_a_clause_holding_a_quotation_is_left_to_the_quote_rules():
    """'X said the plan was “dead”' gives a mixed quote, not also an indirect one."""
    result = quotetrack.parse("The mayor said the plan was “dead on arrival” in the council.")
    kinds = [q.kind for q in result.quotes]
    assert kinds == [QuoteKind.MIXED]


def test_indirect_rules_can_be_disabled_by_name():
    """Leaving the reported-speech rules out of Parser.sieves turns indirect speech off."""
    from quotetrack.rules.attribution import SIEVE_NAMES
    text = "The mayor said that the bridge would reopen next spring."
    assert indirect(text, sieves=SIEVE_NAMES) == []
    assert len(indirect(text)) == 1


def test_seed_claims_through_the_parser():
    """parse(claims=True) finds the seed's claims with who asserts them: the article, or the
    speaker of the quote a claim stands in ("hundreds of martyrs" is Hassan Al-Rubaie's)."""
    result = quotetrack.parse(SEED["text"], claims=True)
    by_text = {c.span.text: c for c in result.claims}
    troops = by_text["more than 5,000 U.S. troops"]
    assert (troops.quantity.value, troops.quantity.qualifier.value, troops.quantity.unit) == (
        5000, "more_than", "troops")
    assert troops.asserted_by is None and troops.source.value == "article"
    assert by_text["81-country coalition"].quantity.unit == "countries"
    killed = by_text["More than 500 people have been killed"]
    assert (killed.quantity.value, killed.quantity.unit) == (500, "people killed")
    martyrs = by_text["hundreds of martyrs"]
    assert martyrs.quantity.value is None and martyrs.quantity.qualifier.value == "vague"
    assert martyrs.asserted_by.name == "Hassan Al-Rubaie"
    for not_a_claim in ("21", "last week", "five days earlier", "two months"):
        assert not any(not_a_claim in c.span.text for c in result.claims), not_a_claim
    assert quotetrack.parse(SEED["text"]).claims == ()  # claims are found only on request



# --------------------------------------------------------------------------- per-rule fixtures
#
# fixtures/reported.json holds one case per sentence, in our own words. A positive case names
# the reported-speech rule that decides it (`rule`, recorded as attribution.sieve) and the
# report's `content` (a list: the parts of one report split by its attribution, which share a
# speaker), with its `mention`, `speaker`, `cue_class` or `anonymous` where they matter. A
# negative case has `"rule": null` and names in `not_rule` the rule it keeps from firing. Every
# case lists in `others` the other reports its text gives (none when absent), and says `why`.

REPORTED = json.loads((FIXTURES / "reported.json").read_text(encoding="utf-8"))
POSITIVE = [case for case in REPORTED if case["rule"]]
RULES = RULE_FAMILIES["reported"]
#: what a case may say, beyond rule, text and why
POSITIVE_KEYS = {"content", "mention", "speaker", "cue_class", "anonymous", "others"}
NEGATIVE_KEYS = {"not_rule", "others"}


def case_id(case: dict) -> str:
    return f"{case['rule'] or 'not-' + case['not_rule']}:{case['text'][:32]}"


def parts(case: dict) -> list:
    """The texts of the case's own report: its content, or the parts of a split one."""
    content = case.get("content", [])
    return content if isinstance(content, list) else [content]


def test_reported_fixture_file_is_well_formed():
    """Every case has a text, a known rule (or null with a known not_rule), a why, only the
    documented keys, and expected texts written in its text; no text is there twice."""
    texts = [case["text"] for case in REPORTED]
    assert len(texts) == len(set(texts))
    for case in REPORTED:
        assert {"rule", "text", "why"} <= set(case), case
        assert case["why"].strip(), case
        if case["rule"] is None:
            assert set(case) - {"rule", "text", "why"} <= NEGATIVE_KEYS, case
            assert case["not_rule"] in RULES, case
        else:
            assert set(case) - {"rule", "text", "why"} <= POSITIVE_KEYS, case
            assert case["rule"] in RULES, case
            assert parts(case), case
        for expected in parts(case) + case.get("others", []):
            assert expected in case["text"], (case["text"], expected)


@pytest.mark.parametrize("case", REPORTED, ids=case_id)
def test_reported_fixtures(case):
    """Each case of fixtures/reported.json: the text gives exactly the expected reports; a
    positive case's report is decided by its rule, with the expected mention, speaker, cue class
    and anonymity, and the parts of a split report share one speaker; a negative case's text
    gives no report by the rule it names."""
    found = indirect(case["text"])
    assert sorted(q.text for q in found) == sorted(parts(case) + case.get("others", []))
    if case["rule"] is None:
        assert all(q.attribution.sieve != case["not_rule"] for q in found)
        return
    mine = [q for q in found if q.text in parts(case)]
    assert [q.text for q in mine] == parts(case)
    for q in mine:
        assert q.attribution.sieve == case["rule"]
        assert q.speaker is mine[0].speaker
        if "mention" in case:
            assert q.attribution.mention.text == case["mention"]
        if "speaker" in case:
            assert (q.speaker.name if q.speaker else None) == case["speaker"]
        if "cue_class" in case:
            assert q.attribution.cue_class == case["cue_class"]
        if "anonymous" in case:
            assert q.speaker.anonymous == case["anonymous"]


@pytest.mark.parametrize("case", POSITIVE, ids=case_id)
def test_a_disabled_reported_rule_decides_nothing(case):
    """With its rule switched off (every other reported rule on), a positive case is no longer
    decided by that rule: its report is found by another rule, or not at all."""
    others = [name for name in RULES if name != case["rule"]]
    found = indirect(case["text"], rules={"reported": others})
    assert all(q.attribution.sieve != case["rule"] for q in found)


@pytest.mark.parametrize("case", POSITIVE, ids=case_id)
def test_a_reported_rule_alone_makes_its_decision(case):
    """Run as the only reported rule, a positive case's rule finds the same report (the
    decision replays by its rule alone, as tests/test_replay.py does for quotations)."""
    found = indirect(case["text"], rules={"reported": [case["rule"]]})
    assert [q.text for q in found if q.text in parts(case)] == parts(case)
    assert all(q.attribution.sieve == case["rule"] for q in found)


def test_every_reported_rule_has_a_positive_fixture():
    """Every rule of the reported family decides at least one positive case."""
    assert {case["rule"] for case in POSITIVE} == set(RULES)
