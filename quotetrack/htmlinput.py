"""HTML input: tell a web page from plain text, and extract a page's article text.

quotetrack reads plain text. Markup parsed as words hides speakers ("<p>“We will win,”</p><p>she
said") and fills the results with tag names, so the parser adds a ``looks-like-html`` diagnostic
to a text that looks like HTML, and ``quotetrack extract`` either extracts the article text with
trafilatura, the standard library for news pages (``pip install 'quotetrack[html]'``), or
refuses the document with a message naming that extra. This module imports nothing from the
package: trafilatura only when a page is extracted.
"""

from __future__ import annotations

import re

__all__ = ["HTML_EXTRA", "extract_text", "looks_like_html", "trafilatura_installed"]

#: how to get the extractor
HTML_EXTRA = "pip install 'quotetrack[html]'"

#: how much of a text is looked at to decide, and how many tags make it HTML
_HEAD_CHARS = 65_536
_MIN_TAGS = 3
_START = re.compile(r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b",
                    re.IGNORECASE | re.DOTALL)
#: block-level tags only: inline ones (<em>, <b>, <a>) also turn up in prose about markup
_TAG = re.compile(
    r"</?(?:html|head|body|p|div|article|section|header|footer|nav|main|br|hr|h[1-6]"
    r"|script|style|meta|link|li|ul|ol|table|tr|td|figure|figcaption|blockquote)"
    r"(?:\s[^<>]*)?/?>",
    re.IGNORECASE,
)


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is a web page or HTML fragment rather than plain text: it starts with a
    doctype or ``<html>``, or its first 64 KB hold at least three block-level HTML tags
    (``<p>``, ``</div>``, ``<br>``...). A lone ``<``, or inline tags such as ``<em>`` in an
    article about markup, are not enough."""
    head = text[:_HEAD_CHARS].lstrip("\ufeff")
    if "<" not in head:
        return False  # (most text: one fast scan instead of the tag pattern)
    if _START.match(head):
        return True
    found = 0
    for _ in _TAG.finditer(head):
        found += 1
        if found >= _MIN_TAGS:
            return True
    return False


def trafilatura_installed() -> bool:
    """Whether the html extra is installed (trafilatura imports)."""
    try:
        import trafilatura  # type: ignore[import-not-found,import-untyped,unused-ignore]  # noqa: F401
    except ImportError:
        return False
    return True


def extract_text(page: str) -> str:
    """The article text of an HTML page, one paragraph per line, as trafilatura extracts it.

    Raises `ImportError` naming the extra when trafilatura is not installed, and `ValueError`
    when the page holds no article text.
    """
    try:
        import trafilatura  # type: ignore[import-not-found,import-untyped,unused-ignore]
    except ImportError:
        raise ImportError(
            f"extracting the text of HTML needs trafilatura, which is not installed: {HTML_EXTRA}"
        ) from None
    text = trafilatura.extract(page, include_comments=False, include_tables=False)
    if not text or not text.strip():
        raise ValueError("the HTML page holds no article text that trafilatura could find")
    return str(text)
