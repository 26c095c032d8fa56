"""HTML input: detected, then extracted with the html extra or refused naming it."""

from __future__ import annotations

import importlib.util
import json
import sys

import pytest

import quotetrack
from quotetrack.batch import Document, DocumentError, process
from quotetrack.cli import main
from quotetrack.htmlinput import extract_text, looks_like_html
from quotetrack.workers import HTML_REFUSED

needs_trafilatura = pytest.mark.skipif(
    importlib.util.find_spec("trafilatura") is None,
    reason="trafilatura is not installed (pip install 'quotetrack[html]')")

PAGE = ("<!DOCTYPE html><html><head><title>Vote</title></head><body><nav>Home | World</nav>"
        "<article><h1>Mayor speaks</h1><p>“We will not back down,” Mayor Ana Ruiz said on "
        "Monday, as the council met for the third time this week.</p><p>“The vote is close,” "
        "she added, before the session was closed to the public.</p></article>"
        "<footer>Contact us</footer></body></html>")
FRAGMENT = "<p>“We will win,”</p>\n<p>Senator Jane Roe said.</p>\n<div>More</div>"


def hide_trafilatura(monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # "import trafilatura" now fails


@pytest.mark.parametrize("text", [PAGE, FRAGMENT, "  \ufeff<html lang='en'><body>Hi</body></html>",
                                  "<!-- saved page --><!doctype html><p>x"])
def test_html_is_recognised(text):
    assert looks_like_html(text)


@pytest.mark.parametrize("text", [
    "“We will win,” Senator Jane Roe said.",
    "Prices rose 3% (x < y) and <3 of them, as a <b> tag in prose.",
    "Use <em>one</em> tag, or <strong>two</strong>: still an article about HTML.",
    "",
])
def test_plain_text_is_not_html(text):
    """Articles with a stray '<', a heart or a couple of tags in them stay plain text."""
    assert not looks_like_html(text)


def test_the_parser_warns_about_html():
    """Parsing HTML as text works but leaves a looks-like-html diagnostic; text does not."""
    codes = [d.code for d in quotetrack.parse(PAGE).diagnostics]
    assert "looks-like-html" in codes
    assert "looks-like-html" not in [d.code for d in quotetrack.parse("“Hi,” she said.").diagnostics]


@pytest.mark.parametrize("workers", [1, 2])
def test_process_refuses_or_keeps_html(workers):
    """refuse gives an error record naming the extra; keep parses the markup; plain text is
    parsed either way."""
    docs = [Document(id="page", text=PAGE, meta={"url": "u"}), Document(id="t", text="“Hi,” she said.")]
    refused, text = process(docs, workers=workers, html="refuse")
    assert refused == DocumentError(id="page", message=HTML_REFUSED, meta={"url": "u"})
    assert "pip install 'quotetrack[html]'" in refused.message and text.quotes
    kept, _ = process(docs, workers=workers, html="keep")
    assert kept.text == PAGE


def test_process_checks_the_html_policy():
    with pytest.raises(quotetrack.ConfigError, match="html must be one of keep, extract, refuse, auto"):
        process([], html="strip")


def test_extract_without_trafilatura_names_the_extra(monkeypatch):
    """Without the extra, extracting raises ImportError saying what to install, and process
    gives that as the document's error."""
    hide_trafilatura(monkeypatch)
    with pytest.raises(ImportError, match=r"pip install 'quotetrack\[html\]'"):
        extract_text(PAGE)
    (error,) = process([Document(id="page", text=PAGE)], html="extract")
    assert isinstance(error, DocumentError) and "quotetrack[html]" in error.message
    (refused,) = process([Document(id="page", text=PAGE)], html="auto")
    assert refused == DocumentError(id="page", message=HTML_REFUSED)


@needs_trafilatura
@pytest.mark.parametrize("workers", [1, 2])
def test_extract_parses_the_article_text(workers):
    """With the extra, a page's article text is parsed: no markup, and the speaker is found."""
    (result,) = process([Document(id="page", text=PAGE)], workers=workers, html="extract")
    assert "<" not in result.text and "Mayor Ana Ruiz said" in result.text
    assert [q.speaker.name for q in result.by_kind("direct")] == ["Ana Ruiz", "Ana Ruiz"]
    assert "looks-like-html" not in [d.code for d in result.diagnostics]


def test_the_command_refuses_html_without_the_extra(capsys, tmp_path, monkeypatch):
    """quotetrack extract page.html without trafilatura: an error record naming the extra and
    status 1; --html keep parses it as text; --html extract is a usage error (status 2)."""
    hide_trafilatura(monkeypatch)
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    assert main(["extract", str(page)]) == 1
    out, err = capsys.readouterr()
    assert json.loads(out) == {"id": str(page), "error": HTML_REFUSED}
    assert "quotetrack[html]" in err
    assert main(["extract", str(page), "--html", "keep"]) == 0
    assert "quotes" in json.loads(capsys.readouterr().out)
    assert main(["extract", str(page), "--html", "extract"]) == 2
    assert "--html extract needs trafilatura" in capsys.readouterr().err


@needs_trafilatura
def test_the_command_extracts_html_with_the_extra(capsys, tmp_path):
    """With the extra installed, the default extracts the article text of a page."""
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    assert main(["extract", str(page), "--format", "json"]) == 0
    (result,) = json.loads(capsys.readouterr().out)
    assert result["text"].startswith("Mayor speaks") or "Mayor Ana Ruiz" in result["text"]
    assert {q["speaker"]["name"] for q in result["quotes"] if q["speaker"]} == {"Ana Ruiz"}
