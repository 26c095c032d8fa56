"""repr(ParseResult) is a short summary; _repr_html_ shows the text with quotes highlighted."""

from __future__ import annotations

import html.parser
import json
from pathlib import Path

import quotetrack
from quotetrack.model import REPR_HTML_CHARS

SEED = json.loads((Path(__file__).parent / "fixtures" / "seed.jsonl").read_text("utf-8"))


class _Collector(html.parser.HTMLParser):
    """Checks that tags nest and collects the text and the title attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.text, self.titles, self.bad = [], [], [], False

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)
        self.titles.extend(v for k, v in attrs if k == "title")

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.bad = True

    def handle_data(self, data):
        self.text.append(data)


def test_repr_is_a_short_summary():
    """The repr of a whole article names its id and counts and shows three quotes, in a few
    hundred characters (it was 25,000)."""
    result = quotetrack.parse(SEED["text"], id=SEED["id"])
    text = repr(result)
    assert len(text) < 400
    assert text.startswith(f"<ParseResult id={SEED['id']!r} {len(SEED['text'])} chars, "
                           f"{len(result.quotes)} quotes, {len(result.speakers)} speakers [")
    assert text.endswith(", ...]>") and text.count(" by ") == 3
    assert repr(quotetrack.parse("", id="e")) == "<ParseResult id='e' 0 chars, 0 quotes, 0 speakers>"


def test_repr_html_highlights_quotes_and_speakers_and_keeps_the_text():
    """The HTML nests properly, holds the whole text unchanged, and says on each quote who
    said it and by which rule."""
    result = quotetrack.parse(SEED["text"], id=SEED["id"])
    collector = _Collector()
    collector.feed(result._repr_html_())
    collector.close()
    assert not collector.bad and collector.stack == []
    body = "".join(collector.text)
    assert body.startswith(repr(result)) and body.endswith(SEED["text"])
    attributed = [q for q in result.quotes if q.speaker is not None]
    for quote in attributed:
        assert any(f"speaker: {quote.speaker.name}" in t and f"sieve: {quote.attribution.sieve}"
                   in t for t in collector.titles)


def test_repr_html_of_a_long_text_is_cut_and_says_so():
    """A text longer than REPR_HTML_CHARS is shown up to there, with how much is left."""
    text = "“We will win,” Jane Roe said. " * (REPR_HTML_CHARS // 10)
    rendered = quotetrack.parse(text)._repr_html_()
    assert f"{len(text) - REPR_HTML_CHARS} more characters not shown" in rendered
    assert len(rendered) < 40 * REPR_HTML_CHARS
