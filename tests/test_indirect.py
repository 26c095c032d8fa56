"""Reported speech (kind indirect), cue classes, channels, non-statements and beliefs."""

import json
from pathlib import Path

import pytest

import quotetrack
from quotetrack import Parser, QuoteKind

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


def test_reported_clause_with_that_and_without():
    """'X said (that) CONTENT' gives the clause after the cue, to the sentence end."""
    for text in ("The mayor said that the bridge would reopen next spring.",
                 "The mayor said the bridge would reopen next spring."):
        (q,) = indirect(text)
        assert q.text == "the bridge would reopen next spring"
        assert q.attribution.mention.text == "The mayor"
        assert q.attribution.sieve == "reported_clause"


def test_inverted_and_parenthetical_reports():
    """'CONTENT, X said.' and '..., officials say, CONTENT.' find the reported part."""
    (q,) = indirect("The bridge will reopen next spring, the mayor said.")
    assert q.text == "The bridge will reopen next spring"
    assert q.attribution.sieve == "reported_inverted"
    (q,) = indirect("In private talks with the mayor last week, some council members say, "
                    "the budget is already spent.")
    assert q.text == "the budget is already spent"
    assert q.attribution.mention.text == "some council members"
    assert q.attribution.sieve == "reported_parenthetical"
    assert q.speaker.anonymous
    # a short adverbial is a fragment of the report, as with a quote split by its attribution
    first, second = indirect("In any case, the mayor said, the budget is already spent.")
    assert (first.text, second.text) == ("In any case", "the budget is already spent")
    assert first.speaker is second.speaker


def test_according_to_before_and_after():
    """'According to X, CONTENT.' and 'CONTENT, according to X.' both attribute to X."""
    (q,) = indirect("According to the ministry, fuel prices rose sharply in March.")
    assert q.text == "fuel prices rose sharply in March"
    assert q.attribution.mention.text == "the ministry"
    (q,) = indirect("Fuel prices rose sharply in March, according to the ministry.")
    assert q.text == "Fuel prices rose sharply in March"
    assert q.attribution.sieve == "according_to_clause"


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


@pytest.mark.parametrize("text", [
    "Lee saysthe Senate will vote.",
    "Mr. Lee warnedthat Congress would act.",
])
def test_a_cue_glued_to_the_next_word_reports_nothing(text):
    """A cue word run together with the next word ("saysthe") is no cue: no reported speech
    is made of the pieces."""
    assert quotetrack.parse(text).quotes == ()


def test_beliefs_are_excluded_unless_asked_for():
    """'X believes that ...' is not reported speech by default; beliefs=True includes it."""
    text = "The governor believes that the new tax will pass easily."
    assert indirect(text) == []
    (q,) = indirect(text, beliefs=True)
    assert q.text == "the new tax will pass easily"
    assert q.attribution.cue_class == "belief"


def test_requests_and_questions():
    """'asked whether' reports a question; 'asked X to' is a request, not reported speech."""
    (q,) = indirect("The judge asked whether the witness had been paid.")
    assert q.text == "whether the witness had been paid"
    assert indirect("The council asked residents to save water this summer.") == []


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


def test_coordinated_that_clauses_are_one_report():
    """'X said A, and that B': the second that-clause goes on the same report."""
    (q,) = indirect("The bakery said its ovens were old, and that it would close for repairs.")
    assert q.text == "its ovens were old, and that it would close for repairs"


def test_a_comparison_after_the_report_is_the_reporters():
    """'X say A, compared with B': the comparison is the reporter's, not part of the report."""
    (q,) = indirect("Most tenants say the rent is too high, compared with a third of owners.")
    assert q.text == "the rent is too high"


@pytest.mark.parametrize("text, content, mention", [
    ("The club signed a letter that its lawyer said was drafted by the league.",
     "was drafted by the league", "its lawyer"),
    ("Exports slowed, showing what many economists said was a sign of weaker demand.",
     "was a sign of weaker demand", "many economists"),
    ("She finished third, a result that her aides said defied expectations.",
     "defied expectations", "her aides"),
])
def test_relative_clause_reports(text, content, mention):
    """'a letter that he said was drafted …': the relative pronoun is the subject of the
    reported clause, which opens with its verb."""
    (q,) = indirect(text)
    assert (q.text, q.attribution.mention.text) == (content, mention)


def test_a_pseudo_cleft_is_not_a_relative_report():
    """'What she would say is that …' does not report 'is that …' as a relative clause."""
    assert all(not q.text.startswith("is ") for q in indirect(
        "What the mayor would say is that the budget is already spent."))


def test_called_on_and_called_for_report_the_request():
    """'X called on Y to Z' / 'X called for Z': the report is the request, without 'on'/'for'."""
    (q,) = indirect("The union called on the city council to freeze bus fares.")
    assert q.text == "the city council to freeze bus fares"
    (q,) = indirect("The senator called for an inquiry into the failed contract.")
    assert q.text == "an inquiry into the failed contract"


def test_part_of_a_day_after_the_cue_is_not_reported():
    """'X said Monday night that …': 'night' is when it was said, not part of the report."""
    (q,) = indirect("The governor said Monday night that schools would stay closed.")
    assert q.text == "schools would stay closed"


def test_a_second_subject_with_its_own_cue_ends_the_report():
    """'Half said A and a third say B': B is another report, not part of A."""
    found = indirect("Half of the tenants said the heating had failed and a third say "
                     "the landlord ignored them.")
    assert found[0].text == "the heating had failed"


@pytest.mark.parametrize("text", [
    "The ferry will not run on Sundays, the operator said in a letter to residents.",
    "The ferry will not run on Sundays, the captain told the council during the hearing.",
    "The ferry will not run on Sundays, the captain told the local paper earlier this week.",
])
def test_inverted_report_with_a_trailing_phrase(text):
    """'CONTENT, X said in a letter.': a short phrase after the cue still ends the sentence."""
    (q,) = indirect(text)
    assert q.text == "The ferry will not run on Sundays"
    assert q.attribution.sieve == "reported_inverted"


def test_trailing_phrase_is_not_an_object_or_an_infinitive():
    """'CONTENT, X pledged to oppose …' and 'A, X will insist on being …' are no inverted
    reports; nor is a comma inside a number ('50,000')."""
    assert indirect("After a long night of talks, the mayor pledged to oppose the new tax.") == []
    assert indirect("Whatever the result, the coach will insist on being heard by the board.") == []
    assert indirect("The crowds fell short of the 50,000 per day officials estimated in May.") == []


@pytest.mark.parametrize("text", [
    "The museum drew the estimated 40,000 visitors who came in the first month.",
    "The mayor's tweet came as the council was still meeting on the budget.",
    "Some states remained too close to call late on the night of the vote.",
    "Swing states like Ohio and Florida could decide the outcome this year.",
])
def test_cue_words_used_as_nouns_are_no_reports(text):
    """After an article, a possessive or a plural quantifier, a cue form is a noun or an
    adjective ('the estimated', "the mayor's tweet", 'some states'); 'states' is the verb only
    before 'that'."""
    assert indirect(text) == []


def test_quantifier_subjects_with_a_plural_verb_still_report():
    """'Some claim …', 'many say …' keep their reports: the plural verb is no noun."""
    (q,) = indirect("Some claim the new bridge will never carry heavy trucks.")
    assert q.text == "the new bridge will never carry heavy trucks"
    (q,) = indirect("The bylaw states that dogs must be kept on a leash in the park.")
    assert q.text == "dogs must be kept on a leash in the park"


def test_a_subject_with_an_auxiliary_is_no_speaker():
    """'Many may contain added sugar, …, he said': 'added' is an adjective, not a cue with the
    subject 'Many may contain'; the report is the doctor's."""
    (q,) = indirect("Many drinks may contain added sugar, and buyers should check the label, "
                    "the doctor said.")
    assert q.text == "Many drinks may contain added sugar, and buyers should check the label"
    assert q.attribution.mention.text == "the doctor"


@pytest.mark.parametrize("text", [
    "Bus fares rose by a third, according to Ann Lee, an economist at the city college.",
    "Bus fares rose by a third, according to the transit board, which sets the prices.",
])
def test_a_description_after_according_to_is_not_reported(text):
    """'A, according to X, a DESCRIPTION.': the part after X describes X and is not a second
    piece of the report."""
    (q,) = indirect(text)
    assert q.text == "Bus fares rose by a third"


def test_a_clause_after_according_to_is_still_reported():
    """'A, according to X, and B.': a clause after X goes on the report."""
    found = indirect("Bus fares rose by a third, according to the transit board, and the "
                     "number of riders fell.")
    assert [q.text for q in found] == ["Bus fares rose by a third",
                                       "and the number of riders fell"]


@pytest.mark.parametrize("text", [
    "The incumbent maintains a comfortable lead among older voters in the north.",
    "The golf club charged a large joining fee to every new member last year.",
    "The mayor pledged her support to the new housing plan for the east side.",
])
def test_object_cues_take_a_thing_unless_that_follows(text):
    """'maintains a lead', 'charged a fee', 'pledged her support': objects, not reports."""
    assert indirect(text) == []


def test_object_cues_still_report_a_that_clause():
    """'maintained that …' is a report."""
    (q,) = indirect("The company maintained that the spill was caused by the storm.")
    assert q.text == "the spill was caused by the storm"


@pytest.mark.parametrize("text, mention", [
    ("Mayor Lena Ortiz’s campaign says it raised more than $2 million in the spring.",
     "Mayor Lena Ortiz’s campaign"),
    ("Her office says the bridge will reopen before the end of the month.", "Her office"),
    ("The province's largest utility says crews restored power to most homes overnight.",
     "The province's largest utility"),
])
def test_a_possessive_subject_reports_with_a_verb_only_cue(text, mention):
    """'X's campaign says …': 'says' is never a noun, so the possessive subject speaks."""
    (q,) = indirect(text)
    assert q.attribution.mention.text == mention


@pytest.mark.parametrize("text", [
    "Mr. Ortiz's remarks drew loud applause from the crowd at the rally.",
    "His comments came a day after the vote was postponed.",
    "The senator's claims have been disputed by several independent fact-checkers.",
])
def test_a_possessive_before_a_cue_noun_is_no_report(text):
    """'his comments', 'the senator's claims': plural nouns after a possessive, not verbs."""
    assert indirect(text) == []


@pytest.mark.parametrize("text, speaker", [
    ("Few buses ran on time, and some commuters said they had waited for an hour.",
     "some commuters"),
    ("The plant closed in May, but the workers said they would fight the decision.",
     "the workers"),
])
def test_a_determiner_subject_after_a_conjunction_speaks(text, speaker):
    """', and some commuters said …': the conjunction opens a clause whose subject speaks."""
    (q,) = indirect(text)
    assert q.attribution.mention.text == speaker


def test_a_longer_phrase_of_place_or_time_before_that():
    """'said in an interview with a news agency last week that …': the clause after 'that'."""
    (q,) = indirect("The judge said in an interview with a news agency last week that she had "
                    "no plans to retire.")
    assert q.text == "she had no plans to retire"


@pytest.mark.parametrize("text, content, source", [
    ("Most shoppers in the region spent less this winter, according to early figures.",
     "Most shoppers in the region spent less this winter", "early figures"),
    ("According to county rules, no stall may open before six in the morning.",
     "no stall may open before six in the morning", "county rules"),
    ("According to first results of surveys carried out for two broadcasters, turnout fell "
     "in every district.", "turnout fell in every district", "first results of surveys"),
])
def test_according_to_a_common_noun_source(text, content, source):
    """'according to early figures', 'According to county rules, …': a source with no name,
    title or organisation word is still the source of the report."""
    (q,) = indirect(text)
    assert q.text == content
    assert q.attribution.mention.text == source


@pytest.mark.parametrize("text, mention, name", [
    ("The deal is close, sources familiar with the talks said.",
     "sources familiar with the talks", "sources familiar with the talks"),
    ("The real question is whether she can win, people close to Governor Ana Ruiz say.",
     "people close to Governor Ana Ruiz", "people close to Governor Ana Ruiz"),
    ("A source close to the family said the singer was resting at home.",
     "A source close to the family", "source close to the family"),
    ("Those close to him say he is tired of the job.", "Those close to him",
     "Those close to him"),
])
def test_a_speaker_with_a_postmodifier(text, mention, name):
    """'sources familiar with the talks said': the phrase after the noun is part of the speaker,
    and a name inside it ('people close to Governor Ana Ruiz') is not who speaks."""
    (q,) = indirect(text)
    assert (q.attribution.mention.text, q.speaker.name) == (mention, name)


def test_a_noun_ending_in_ly_after_a_determiner_is_the_subject():
    """'The family said …': not an adverb between a speaker and the cue."""
    (q,) = indirect("The family said it was grateful for the support of the town.")
    assert q.attribution.mention.text == "The family"


@pytest.mark.parametrize("text, mention", [
    ("They lean left on social issues: 42% say they would back a higher minimum wage.", "42%"),
    ("The heart of the dispute, union members and leaders say, is the new shift pattern.",
     "union members and leaders"),
])
def test_percent_and_coordinated_group_subjects(text, mention):
    """'42% say', 'union members and leaders say': the whole quantity or group speaks."""
    found = indirect(text)
    assert found
    assert {q.attribution.mention.text for q in found} == {mention}


@pytest.mark.parametrize("text, content", [
    ("The bridge will stay shut until spring, the mayor told reporters on Tuesday.",
     "The bridge will stay shut until spring"),
    ("The mayor told reporters the bridge would stay shut until spring.",
     "the bridge would stay shut until spring"),
    ("The mayor told a local radio station that the bridge would stay shut.",
     "the bridge would stay shut"),
    ("The minister told reporters more than 90 per cent of the claims were settled.",
     "more than 90 per cent of the claims were settled"),
])
def test_told_a_common_noun_recipient(text, content):
    """'told reporters': the recipient is skipped, not read as the reported clause."""
    (q,) = indirect(text)
    assert q.text == content


@pytest.mark.parametrize("text, content, speaker", [
    ("The mayor calmed the crowd by saying the plant would stay open through the winter.",
     "the plant would stay open through the winter", "mayor"),
    ("She praised the judge while saying that the ruling was a blow to the city.",
     "the ruling was a blow to the city", "She"),
])
def test_a_participle_after_by_or_while_reports_for_the_clause_subject(text, content, speaker):
    """'by saying …', 'while saying that …': the subject of the clause is the speaker."""
    (q,) = indirect(text)
    assert q.text == content
    assert q.attribution.mention.text.endswith(speaker)


def test_a_request_participle_after_by_is_no_report():
    """'by urging him to quit': a request, not reported speech."""
    assert indirect("The party tried to end the race by urging him to quit before the vote.") == []


def test_a_question_after_a_long_object():
    """'asked former Attorney General Eric Holder whether …': the object may be a long name."""
    (q,) = indirect("The host asked former Attorney General Eric Holder whether he had any "
                    "thoughts on the case.")
    assert q.text == "whether he had any thoughts on the case"


@pytest.mark.parametrize("text, content, mention", [
    ("As the paper noted, the stadium was only half full for the rally.",
     "the stadium was only half full for the rally", "the paper"),
    ("But as a local reporter noted, the crowd left before the last speech.",
     "the crowd left before the last speech", "a local reporter"),
    ("As the mayor said last week, the city cannot afford another strike.",
     "the city cannot afford another strike", "the mayor"),
])
def test_as_x_noted_reports_the_clause_after_the_comma(text, content, mention):
    """'As X noted, CONTENT': X's word for the main clause (recurs some 40 times in the BBC,
    PolNeAR and GGT texts)."""
    (q,) = indirect(text)
    assert (q.text, q.attribution.mention.text, q.attribution.sieve) == (
        content, mention, "reported_as")


@pytest.mark.parametrize("text", [
    "As expected, the vote failed by a wide margin in the upper house.",
    "As the rain fell, the crowd stayed to hear the last speech of the night.",
])
def test_as_without_a_speaker_and_cue_is_no_report(text):
    assert indirect(text) == []


def test_add_with_an_object_is_no_report():
    """'has added another link': 'add' with an object, so the ', she noted.' report stands."""
    (q,) = indirect("Social media has added another link to the rumour chain, she noted.")
    assert q.text == "Social media has added another link to the rumour chain"


@pytest.mark.parametrize("text, content", [
    ("He maintains he did nothing wrong during the campaign.",
     "he did nothing wrong during the campaign"),
    ("He's said that the plan would cost far more than the council expected.",
     "the plan would cost far more than the council expected"),
    ("The union said night shifts would end at the plant next year.",
     "night shifts would end at the plant next year"),
    ("The shifts would end at the plant next year, the union said last night.",
     "The shifts would end at the plant next year"),
    ("The minister told reporters prices would fall sharply next year.",
     "prices would fall sharply next year"),
    ("In the end the plan failed, the mayor said.", "In the end the plan failed"),
])
def test_review_cases_keep_their_reports(text, content):
    """A subject pronoun after 'maintains'; "He's" is 'he has'; 'night' alone is no time; a
    plural ends the recipient of 'told'; an opening phrase with a subject is a clause."""
    (q,) = indirect(text)
    assert q.text == content


@pytest.mark.parametrize("text", [
    "The launch went ahead according to plan on the coast of the island.",
    "After months of silence, the singer wrote on Instagram.",
    "In a brief statement, the company said on its website.",
    "Lopez's estimated costs were far above the budget of the station.",
])
def test_review_cases_are_no_reports(text):
    """'according to plan' is a manner; a lone opening phrase is a setting, not a report; an
    -ed form after a possessive is an adjective."""
    assert indirect(text) == []


@pytest.mark.parametrize("text", [
    "Edmonton responded a couple of minutes later when Jones scored his first goal.",
    "The visitors replied with two late goals in the second half of the match.",
])
def test_respond_and_reply_without_that_are_no_reports(text):
    """'responded … when Jones scored': 'respond' and 'reply' report only after 'that' (or a
    subject pronoun), and 'when' opens a clause of time after a cue that asks no question."""
    assert indirect(text) == []


def test_reply_that_is_a_report():
    (q,) = indirect("The minister replied that the budget would not change this year.")
    assert q.text == "the budget would not change this year"


@pytest.mark.parametrize("text, content, mention", [
    ("Ruiz has voiced concerns but has said she wants the bill to pass this year.",
     "she wants the bill to pass this year", "Ruiz"),
    ("The campaign has said for months that it sees no reason to change course.",
     "it sees no reason to change course", "The campaign"),
])
def test_has_said_after_a_conjunction_or_with_a_duration(text, content, mention):
    """'… but has said …': the clause subject speaks; 'said for months that …'."""
    (q,) = indirect(text)
    assert (q.text, q.attribution.mention.text) == (content, mention)


@pytest.mark.parametrize("text, cited, mention", [
    ("“People are angry,” Lopez said, citing slow growth, unemployment and rising rents.",
     "slow growth, unemployment and rising rents", "Lopez"),
    ("The newspaper, citing internal documents, reported that the fund had run dry.",
     "internal documents", "The newspaper"),
])
def test_citing_reports_what_is_cited(text, cited, mention):
    """'X said, citing Y': Y is reported as X's (rule reported_citing; PolNeAR annotates it)."""
    found = {q.text: q for q in indirect(text)}
    q = found[cited]
    assert (q.attribution.sieve, q.attribution.mention.text) == ("reported_citing", mention)


@pytest.mark.parametrize("text, content, speaker, cue_class", [
    ("Traders were surprised by the ministry's statement that the border would reopen soon.",
     "the border would reopen soon", "ministry", "neutral"),
    ("The ad recalled the campaign's earlier claim that the rival wanted to cut pensions.",
     "the rival wanted to cut pensions", "campaign", "assertive"),
    ("Ana Ruiz spoke last. Few believed her denial that the fund had been misused.",
     "the fund had been misused", "Ana Ruiz", "denial"),
])
def test_speech_noun_reports(text, content, speaker, cue_class):
    """'X's statement that …', 'his claim that …': a speech noun owned by its speaker reports
    the clause after 'that' (rule speech_noun_clause, nouns and classes in speech_nouns.tsv)."""
    found = {q.text: q for q in indirect(text)}
    q = found[content]
    assert (q.attribution.sieve, q.speaker.name, q.attribution.cue_class) == (
        "speech_noun_clause", speaker, cue_class)


def test_a_speech_noun_without_an_owner_is_no_report():
    assert indirect("The statement that the border would reopen soon was never made.") == []


@pytest.mark.parametrize("text, content", [
    ("The trader said that if the firm were a stock, he would advise buying it.",
     "if the firm were a stock, he would advise buying it"),
    ("She said the plan was sound, although the timing was poor.",
     "the plan was sound, although the timing was poor"),
])
def test_a_report_keeps_its_subordinate_and_concessive_clauses(text, content):
    """'that if X, he would …': the comma closes the 'if' clause, not the report; a concessive
    'although …' stays in the report."""
    (q,) = indirect(text)
    assert q.text == content
