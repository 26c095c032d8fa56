"""Which mention of the speaker a quotation gets: the words nearest it that name who said it
(PolNeAR scores the mention span). Each rule has a case it fixes and one it must leave alone."""

from __future__ import annotations

import quotetrack


def mentions(text):
    """(quote text, mention text or None) per quote."""
    out = []
    for q in quotetrack.parse(text).quotes:
        a = q.attribution
        out.append((q.span.text, a.mention.text if a is not None and a.mention is not None
                    else None))
    return out


def mention_of(text, start):
    """The mention of the quote whose text starts with ``start``."""
    found = [m for t, m in mentions(text) if t.lstrip("\"“'").startswith(start)]
    assert found, mentions(text)
    return found[0]


# --- a common word that opens the sentence is no subject ------------------------------------

def test_a_time_phrase_before_the_subject_is_skipped():
    text = ("Days later, the mayor thanked the volunteers, telling a radio station, "
            "“They kept this town going.”")
    assert mention_of(text, "They kept") == "the mayor"


def test_a_word_capitalised_only_at_the_sentence_start_is_skipped():
    text = ("The council met for the last time in May. Last spring, she waved the plan away "
            "as “a paper exercise.”")
    assert mention_of(text, "a paper") == "she"


def test_a_place_after_a_town_ends_the_opening_phrase():
    text = ("Speaking at a school fair in Dover, Delaware, Senator Ruth Gale praised the staff, "
            "calling them “the backbone of the town.”")
    assert mention_of(text, "the backbone") == "Senator Ruth Gale"


def test_a_plural_opening_the_sentence_stays_its_subject():
    text = ("Retailers echoed the warning, saying “shoppers are holding back” this winter. "
            "Many retailers had seen it coming.")
    assert mention_of(text, "shoppers") == "Retailers"


# --- NYT three apostrophes: an inner quotation closes, then the outer one ---------------------

def test_three_apostrophes_close_the_inner_and_the_outer_quotation():
    text = ("''People called it 'the long winter,''' said Ann Lowe, a farmer in the valley. "
            "''We lost half the herd.''")
    got = mentions(text)
    assert got[0] == ("''People called it 'the long winter,'''", "Ann Lowe")
    assert got[1][1] == "Ann Lowe"


def test_three_apostrophes_after_a_space_open_both_quotations():
    text = "He only said: '''Tis the season,'' and walked off."
    assert mentions(text)[0][0] == "'''Tis the season,''"


# --- speech verbs: assure, remember, opine, proclaim, mock ------------------------------------

def test_new_speech_verbs_attribute_their_quotation():
    assert mention_of('"You will not regret it," the coach assured the parents.',
                      "You will") == "the coach"
    assert mention_of('"It rained for a month," remembered Tom Hale, a retired ferryman.',
                      "It rained") == "Tom Hale"
    assert mention_of('"Drivers should slow down," opined the Daily Courier.',
                      "Drivers") == "the Daily Courier"
    assert mention_of('"The plan cannot fail," he mocks.', "The plan") == "he"


def test_a_passive_speech_verb_names_no_speaker_before_it():
    text = ('Mr Reed said the summit would be remembered as "the week the debt went".')
    assert mention_of(text, "the week") == "Mr Reed"


def test_quoted_as_saying_keeps_its_subject():
    text = ('"We are ready," the minister is quoted as saying.')
    assert mention_of(text, "We are ready") == "the minister"


# --- a relative clause's cue is not the main clause's -----------------------------------------

def test_the_main_clause_cue_before_the_quote_wins_over_a_relative_clause():
    text = ('Harris, who says the bridge should close, wrote that the repairs "will not hold '
            'another winter."')
    assert mention_of(text, "will not hold") == "Harris"


def test_a_participle_takes_the_subject_not_the_relative_clause():
    text = ("Mr. Vance, who said last month that the vote was rigged, issued a statement on "
            "Friday saying, “I accept the result.”")
    assert mention_of(text, "I accept") == "Mr. Vance"


def test_a_quotation_inside_the_relative_clause_keeps_who():
    text = ('Ms. Doyle, who estimates that the repairs cost "well over a million," '
            'described the year as hard.')
    assert mention_of(text, "well over") == "who"


# --- a report in its own clause ---------------------------------------------------------------

def test_a_later_clause_with_its_own_speaker_takes_the_quote():
    text = ('Rossi said on Monday that he would attend, although he wrote that he "cannot '
            'support the plan."')
    assert mention_of(text, "cannot support") == "he"


def test_a_quote_before_a_coordinated_report_keeps_its_own_cue():
    text = ('Ada Moss accuses the board of "hiding the numbers" and Ben Kerr says the audit '
            'is late.')
    assert mention_of(text, "hiding") == "Ada Moss"


def test_a_plain_report_keeps_its_speaker():
    text = 'She said the coastguard will keep a "presence" on the island.'
    assert mention_of(text, "presence") == "She"


# --- the speaker between the quotation and the cue --------------------------------------------

def test_a_surname_that_is_also_a_function_word():
    text = '"We lost the argument," From said. "It will not happen again."'
    assert [m for _, m in mentions(text)] == ["From", "From"]


def test_an_adverb_or_conjunction_before_the_cue_is_no_surname():
    for word in ("Then", "But"):
        text = f'"We lost the argument," {word} said nothing new.'
        assert mentions(text)[0][1] != word


def test_a_short_phrase_of_place_between_speaker_and_cue():
    text = '"Nobody told us," a nurse in the ward said.'
    assert mention_of(text, "Nobody") == "a nurse"


def test_a_description_after_the_quotation_opens_its_clause():
    text = ('"The team is under pressure," an official, who was not allowed to speak '
            'publicly, told the paper.')
    assert mention_of(text, "The team") == "an official"


def test_a_state_after_a_town_is_no_speaker():
    text = ('Kemp, at a rally in Flint, Michigan, said he was "not going anywhere."')
    assert mention_of(text, "not going") == "Kemp"


def test_a_name_between_commas_is_still_the_speaker():
    text = 'One rural Democrat, Ohio Sen. Jo Bell, said the harvest was "the worst yet".'
    assert mention_of(text, "the worst") == "Ohio Sen. Jo Bell"


def test_a_staffer_is_a_role_noun():
    text = '"Is he the next chairman?" a Republican staffer in the hall wondered.'
    assert mention_of(text, "Is he") == "a Republican staffer"


def test_staffers_are_a_group_speaker():
    text = 'Campaign staffers said the bus was "running late" again.'
    assert mention_of(text, "running late") == "Campaign staffers"
