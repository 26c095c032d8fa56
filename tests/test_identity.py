"""Speaker identity across a document: a person's title and affiliation are facts of the
document, taken from the first mention of their full name that carries them."""

from __future__ import annotations

import quotetrack


def speakers(text):
    return [(q.speaker.name, q.speaker.title, q.speaker.affiliation)
            for q in quotetrack.parse(text).quotes if q.speaker is not None]


def test_title_from_an_earlier_mention_reaches_later_quotes():
    """A player introduced with title and team, then quoted by surname, keeps both."""
    text = ("Wales flanker Owen Price has signed a new contract with the club.\n\n"
            '"I never wanted to leave," said Price.')
    assert speakers(text) == [("Owen Price", "flanker", "Wales")]


def test_title_of_another_person_is_not_carried():
    """The title written before one person never goes to another quoted beside them."""
    text = ("Coach Tom Lee praised goalkeeper Ana Ruiz after the match.\n\n"
            '"She was superb," Lee said.')
    assert speakers(text) == [("Tom Lee", "coach", None)]


def test_a_title_given_with_the_quote_wins():
    """A title the quote's own mention carries is kept over an earlier one."""
    text = ("Referee Sam Hale sent off two players.\n\n"
            '"It was the right call," said match official Sam Hale.')
    assert speakers(text)[0][:2] == ("Sam Hale", "match official")


def test_he_said_after_a_new_subject_goes_to_that_subject():
    """After a quote of one person, a person who opens the next sentence is who the next
    "he said" means, though the earlier speaker is the last one quoted."""
    text = ('"We have the votes," said committee chair Tom Hale.\n\n'
            'Shadow minister David Rowe questioned the figures. "They do not add up," he said.')
    assert [s[0] for s in speakers(text)] == ["Tom Hale", "David Rowe"]


def test_he_said_stays_with_the_speaker_when_no_person_opens_a_clause():
    """A name that is not a person's, or stands inside the sentence, does not take "he" from
    the speaker quoted just before."""
    text = ('"We have the votes," said committee chair Tom Hale.\n\n'
            'Whitehall-based officials doubted it. "We will see," he said.')
    assert [s[0] for s in speakers(text)] == ["Tom Hale", "Tom Hale"]
    text = ('"We have the votes," said committee chair Tom Hale.\n\n'
            'The figures were checked by David Rowe. "We will see," he said.')
    assert [s[0] for s in speakers(text)] == ["Tom Hale", "Tom Hale"]


def test_unresolved_pronoun_is_no_speaker():
    """A pronoun with no one to stand for is not a speaker's name: the quote has no speaker,
    its mention is kept as unresolved_mention, and the resolution says so."""
    from quotetrack.serialize import quote_to_dict

    (quote,) = quotetrack.parse('"We will not pay," they said.').quotes
    assert quote.speaker is None
    assert quote.attribution.mention.text == "they"
    assert quote.attribution.resolution.value == "unresolved"
    d = quote_to_dict(quote)
    assert d["speaker"] is None and d["unresolved_mention"]["text"] == "they"
