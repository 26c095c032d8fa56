"""Long runs of one kind of character parse in linear time, also inside the regular expressions.

The line counts of ``test_bounds.py`` cannot see the work a regular expression does in C. Two
patterns were quadratic there: the tokenizer retried a failing match from every position of
trailing white space, and the sentence splitter retried from every mark of a run of full stops
before white space. Each shape below is a million characters; parsing it takes well under a
second, and a quadratic pass would take hours, so a safety timeout of 60 seconds tells them
apart without depending on how fast the machine is.
"""

from __future__ import annotations

import signal
import sys

import pytest

from quotetrack import Parser
from spancheck import assert_spans_valid

pytestmark = pytest.mark.slow  # long runs against a safety timeout

N = 1_000_000

SHAPES = {
    "spaces": " " * N,
    "tabs": "\t" * N,
    "no-break-spaces": "\u00a0" * N,
    "word-then-spaces": "x" + " " * N,
    "quote-then-spaces": "She said \u201chi\u201d" + " " * N,
    "stops-then-spaces": "a" + "." * (N // 2) + " " * (N // 2) + "b",
    "marks-then-spaces": "a" + "?!" * (N // 4) + "\n" * (N // 2) + "b",
    "stops": "." * N,
    "apostrophes": "'" * N,
    "right-single-marks": "\u2019" * N,
    "hyphens": "-" * N,
    "dollars": "$" * N,
    "underscores": "_" * N,
    "hyphenated": "a-" * (N // 2),
    "initials": "A." * (N // 2),
    "digit-groups": "1," * (N // 2),
    "digits": "7" * N,
    "masks": "\x01" * N,
}


@pytest.fixture
def timeout():
    """Fail the test instead of hanging when it runs longer than ``seconds``."""
    if not hasattr(signal, "SIGALRM"):
        pytest.skip("no SIGALRM on this platform")

    def expire(signum, frame):
        raise TimeoutError("parsing took longer than the safety timeout: not linear")

    previous = signal.signal(signal.SIGALRM, expire)
    yield lambda seconds: signal.alarm(seconds)
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.mark.skipif(sys.platform == "win32", reason="uses SIGALRM")
@pytest.mark.parametrize("name", sorted(SHAPES))
def test_long_run_parses_within_the_safety_timeout(name, timeout):
    text = SHAPES[name]
    timeout(60)
    result = Parser(claims=True).parse(text)
    assert_spans_valid(text, result)
