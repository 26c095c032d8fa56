"""The ``quotetrack`` command: a thin layer over `quotetrack.batch`, `serialize` and `evaluate`.

Exit status: 0 when everything went through, 1 when some document could not be read or parsed
(the others are still written), 2 for a usage error such as a missing file or a bad option, 3
when the run was given up (the output cannot be written, or the worker processes kept dying),
130 after Ctrl-C and 141 when the reader of the output went away (``| head``). See docs/cli.md.
Output is always UTF-8, whatever the locale.
"""

from __future__ import annotations

import argparse
import csv
import difflib
import functools
import io
import json
import os
import re
import stat
import sys
from typing import IO, Any, Callable, Iterable, Iterator, Optional, Sequence, Union

import attrs

from . import COMPILED, __version__
from .batch import (
    INPUT_FORMATS,
    Document,
    DocumentError,
    Line,
    input_format,
    line_limit,
    process,
    progress_bar,
    read_inputs,
)
from .confidence import confidence, span_confidence
from .errors import LexiconError, QuotetrackError
from .evaluate import Scores, evaluate
from .htmlinput import HTML_EXTRA, trafilatura_installed
from .model import Claim, ParseResult, Quote, QuoteKind
from .parser import Parser
from .scale import error_record, output_line
from .lexicon import Lexicon
from .serialize import document_output, result_to_dict, with_parts_joined
from .store.cli import register as register_store_commands

__all__ = ["main"]

FORMATS = ("jsonl", "json", "csv", "text")
#: the columns of ``--format csv``: one row per quote
CSV_COLUMNS = (
    "id",
    "start",
    "end",
    "kind",
    "text",
    "speaker",
    "mention",
    "cue",
    "sieve",
    "title",
    "affiliation",
    "anonymous",
    "content",
    "paragraph",
    "speaker_kind",
    "speaker_id",
    "resolution",
    "cue_class",
    "channel",
    "confidence",
    "part",
    "flags",
    "span_confidence",
)
#: the columns of ``--claims-out FILE``: one row per numeric claim, numbers as numbers
CLAIM_COLUMNS = (
    "id",
    "start",
    "end",
    "text",
    "value",
    "low",
    "high",
    "qualifier",
    "unit",
    "source",
    "speaker",
    "speaker_id",
    "rule",
    "sentence_start",
    "sentence_end",
)

EXIT_OK, EXIT_DOCUMENT_ERRORS, EXIT_USAGE, EXIT_ABORTED = 0, 1, 2, 3
EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 130, 141

EXIT_STATUS_HELP = """exit status:
  0    everything went through
  1    some document could not be read or parsed (an error record was written in its place)
  2    usage error: unknown option, missing or unreadable file, closed stdin or stdout
  3    the run was given up: the output could not be written, or worker processes kept dying
  130  interrupted (Ctrl-C)
  141  the reader of the output went away (| head)"""

DOCS_HELP = "documentation: docs/cli.md and docs/json-format.md in the quotetrack sources"


class UsageError(QuotetrackError):
    """The command line cannot be run as given (exit status 2)."""


class OutputError(QuotetrackError):
    """The output cannot be written (a full disk, say): the run is given up (exit status 3)."""


# --------------------------------------------------------------------------- argument parsing


def _int_at_least(minimum: int) -> Callable[[str], int]:
    """An argparse type: an integer no smaller than ``minimum``."""
    expected = "a positive integer" if minimum == 1 else f"an integer >= {minimum}"

    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected {expected}, got {value!r}") from None
        if number < minimum:
            raise argparse.ArgumentTypeError(f"expected {expected}, got {value!r}")
        return number

    return parse


_positive_int = _int_at_least(1)
_non_negative_int = _int_at_least(0)


_INVALID_CHOICE = re.compile(r"invalid choice: '(?P<value>[^']*)' \(choose from (?P<choices>[^)]*)\)")


class _ArgumentParser(argparse.ArgumentParser):
    """argparse with whole option names only, and "did you mean" for a mistyped option."""

    def __init__(self, *args: Any, **kwargs: Any):
        kwargs.setdefault("allow_abbrev", False)
        kwargs.setdefault("formatter_class", argparse.RawDescriptionHelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> Any:  # type: ignore[override]
        """argparse's error, with "did you mean" for a mistyped command or choice."""
        bad = _INVALID_CHOICE.search(message)
        if bad:
            choices = [c.strip(" '") for c in bad.group("choices").split(",")]
            close = difflib.get_close_matches(bad.group("value"), choices, n=1, cutoff=0.6)
            if close:
                message += f"; did you mean {close[0]!r}?"
        super().error(message)

    def unknown(self, extras: Sequence[str]) -> None:
        """Report ``extras`` (arguments nobody took) with this parser's usage, and exit 2."""
        known = [o for action in self._actions for o in action.option_strings]
        hints = []
        for extra in extras:
            name = extra.split("=", 1)[0]
            close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
            if name.startswith("-") and close:
                hints.append(f"{name} (did you mean {close[0]}?)")
            else:
                hints.append(extra)
        self.error(f"unrecognized arguments: {' '.join(hints)}")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``quotetrack`` command."""
    parser = _ArgumentParser(
        prog="quotetrack",
        description="Find quotations and their speakers in news text.",
        epilog="examples:\n"
        "  quotetrack extract story.txt --format text\n"
        "  quotetrack extract articles.jsonl --workers 2 -o quotes.jsonl\n"
        "  quotetrack evaluate gold.jsonl quotes.jsonl\n\n"
        f"{EXIT_STATUS_HELP}\n\n{DOCS_HELP}",
    )
    parser.add_argument("--version", action="version", version=f"quotetrack {__version__} "
                        f"({'compiled' if COMPILED else 'pure Python'})")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True,
                                     parser_class=_ArgumentParser)

    extract = commands.add_parser(
        "extract",
        help="find the quotes in articles",
        description="Find the quotes in articles: .txt files (one article each, id = the path "
        'as given), .jsonl files (one {"id", "text", ...} document per line) or - for stdin. '
        "Every input document gives exactly one output record, a result or an error.",
        epilog="examples:\n"
        "  quotetrack extract story.txt --format text\n"
        "  quotetrack extract articles.jsonl --workers 2 -o quotes.jsonl\n"
        "  cat articles.jsonl | quotetrack extract --format csv > quotes.csv\n"
        "  quotetrack extract - --input-format text < story.md\n\n"
        f"{EXIT_STATUS_HELP}\n\n{DOCS_HELP}",
    )
    extract.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        default=["-"],
        help="input files; - or nothing reads stdin",
    )
    extract.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write the output to FILE (UTF-8) instead of stdout",
    )
    extract.add_argument(
        "--format",
        choices=FORMATS,
        default="jsonl",
        help='jsonl: one {"id", "quotes"} line per document (default); json: an array of '
        "full results; csv: one row per quote; text: for reading",
    )
    extract.add_argument(
        "--input-format",
        choices=INPUT_FORMATS,
        default="auto",
        help="auto: .jsonl/.ndjson files are JSON Lines, other files one article each, and "
        "stdin is JSON Lines when its first non-blank line starts with { or [ (default); "
        "jsonl or text: read every input so",
    )
    extract.add_argument(
        "--html",
        choices=("auto", "extract", "keep"),
        default="auto",
        help="what to do with a document that looks like HTML: extract its article text with "
        "trafilatura (needs quotetrack[html]), keep the markup and parse it as text, or auto: "
        "extract when trafilatura is installed, else give an error record naming the extra "
        "(default)",
    )
    extract.add_argument(
        "--kinds",
        type=_kinds,
        default=tuple(k.value for k in QuoteKind),
        metavar="KINDS",
        help="comma-separated quote kinds to output, from "
        f"{','.join(k.value for k in QuoteKind)} (default: all)",
    )
    extract.add_argument(
        "--join-parts",
        action="store_true",
        help="write a quotation that goes on over several paragraphs as one quote instead of "
        "one per paragraph (jsonl and csv)",
    )
    extract.add_argument(
        "--lexicon",
        action="append",
        default=[],
        metavar="DIR",
        help="a folder of your own TSV word lists, named like the shipped ones (cue_verbs.tsv, "
        "titles.tsv…), added to the lexicon; may be given more than once",
    )
    extract.add_argument(
        "--claims",
        action="store_true",
        help="also find numeric claims (counts, percentages, money) and who asserts them",
    )
    extract.add_argument(
        "--claims-out",
        metavar="FILE",
        help="write the numeric claims to FILE, one CSV row each with numeric value, low and "
        "high columns (implies --claims; needed for claims with --format csv)",
    )
    _add_workers(extract)
    extract.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress bar on stderr, with the share of the input read and the time "
        "left when the input size is known (needs tqdm; default: when stderr is a terminal "
        "and tqdm is installed)",
    )

    ev = commands.add_parser(
        "evaluate",
        help="score predictions against gold annotations",
        description="Score predicted quotes against gold annotations (the rules of the "
        "evaluation's SCORING.md). Without PRED, quotetrack parses the gold texts itself.",
        epilog="examples:\n"
        "  quotetrack evaluate tests/fixtures/seed.jsonl\n"
        "  quotetrack extract gold.jsonl | quotetrack evaluate gold.jsonl -\n\n"
        f"{EXIT_STATUS_HELP}\n\n{DOCS_HELP}",
    )
    ev.add_argument("gold", metavar="GOLD", help="gold JSON Lines file")
    ev.add_argument(
        "pred",
        metavar="PRED",
        nargs="?",
        help="predictions as written by 'quotetrack extract', - for stdin "
        "(default: run quotetrack)",
    )
    ev.add_argument(
        "--indirect",
        action="store_true",
        help="score indirect speech with speech-verb cues instead of direct and mixed quotes",
    )
    ev.add_argument("--json", action="store_true", help="print the scores as one JSON object")
    ev.add_argument(
        "--misses",
        type=_non_negative_int,
        default=0,
        metavar="N",
        help="also show the first N errors (wrong speaker, missed, spurious)",
    )
    _add_workers(ev)
    register_store_commands(commands)  # db ..., verify: quotetrack/store/cli.py
    return parser


def _add_workers(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--workers",
        type=_positive_int,
        default=1,
        metavar="N",
        help="parse in N worker processes (default 1)",
    )
    command.add_argument(
        "--chunk-size",
        type=_positive_int,
        default=16,
        metavar="N",
        help="documents sent to a worker at a time (default 16)",
    )


def _kinds(value: str) -> tuple[str, ...]:
    known = [k.value for k in QuoteKind]
    kinds = tuple(k.strip() for k in value.split(",") if k.strip())
    unknown = [k for k in kinds if k not in known]
    if unknown or not kinds:
        raise argparse.ArgumentTypeError(
            f"unknown quote kind(s) {unknown or [value]}; expected a comma-separated list of "
            f"{', '.join(known)}"
        )
    return kinds


def _load_lexicon(paths: Sequence[str]) -> Optional[Lexicon]:
    """The lexicon with the user's folders of ``--lexicon``, or None for the default."""
    if not paths:
        return None
    try:
        return Lexicon.load(paths=paths)
    except LexiconError as exc:
        raise UsageError(f"--lexicon: {exc}") from None


def select_kinds(result: ParseResult, kinds: Sequence[str]) -> ParseResult:
    """``result`` with only the quotes of ``kinds`` (``continues`` and ``part_of`` indexes
    renumbered)."""
    wanted = set(kinds)
    kept = [i for i, q in enumerate(result.quotes) if q.kind.value in wanted]
    if len(kept) == len(result.quotes):
        return result
    new_index = {old: new for new, old in enumerate(kept)}
    quotes = []
    for i in kept:
        q = result.quotes[i]
        att = q.attribution
        if att is not None and att.continues is not None:
            att = attrs.evolve(att, continues=new_index.get(att.continues))
            q = attrs.evolve(q, attribution=att)
        if q.part_of is not None:  # the first part left out: the part stands alone
            first = new_index.get(q.part_of)
            q = attrs.evolve(q, part_of=first, part=q.part if first is not None else None)
        quotes.append(q)
    return attrs.evolve(result, quotes=tuple(quotes))


def _check_input_paths(paths: Sequence[str], fmt: str = "auto") -> None:
    if sum(p == "-" for p in paths) > 1:
        raise UsageError("stdin ('-') can be read only once")
    for path in paths:
        if path == "-":
            if _stdin_bytes() is None:
                raise UsageError("stdin is closed; give the input as FILE arguments")
            continue
        if not os.path.exists(path):
            raise UsageError(f"{path}: no such file")
        if not os.path.isfile(path):
            raise UsageError(f"{path}: expected a file, got a directory or special file")
        if not os.access(path, os.R_OK):
            raise UsageError(f"{path}: permission denied")
        if fmt == "auto":
            try:
                input_format(path)
            except QuotetrackError as exc:
                raise UsageError(str(exc)) from None


def _stdin_bytes() -> Optional[IO[bytes]]:
    """The binary stdin, or None when it is closed (``<&-``)."""
    return getattr(sys.stdin, "buffer", None)


class _Utf8Output:
    """A text stream that writes UTF-8 bytes, whatever the locale's encoding (cp1252 on
    Windows, latin-1...), and turns a failed write into `OutputError` (exit 3), or lets
    `BrokenPipeError` through when the reader went away."""

    def __init__(self, binary: IO[bytes], name: str):
        self.binary, self.name = binary, name

    def write(self, text: str) -> int:
        try:
            return self.binary.write(text.encode("utf-8"))
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(f"cannot write {self.name}: {exc.strerror or exc}") from None

    def flush(self) -> None:
        try:
            self.binary.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(f"cannot write {self.name}: {exc.strerror or exc}") from None


class _Output:
    """Where ``extract`` writes: ``-o FILE`` or stdout, as UTF-8 (see `_Utf8Output`)."""

    def __init__(self, path: Optional[str]):
        self.path, self.file = path, None
        if path is not None and path != "-":
            try:
                self.file = open(path, "wb")
            except OSError as exc:
                raise UsageError(f"{path}: cannot write: {exc.strerror or exc}") from None
            self.stream: Any = _Utf8Output(self.file, path)
            return
        stdout = sys.stdout
        if stdout is None:
            raise UsageError("stdout is closed; give an output file with -o FILE")
        binary = getattr(stdout, "buffer", None)
        if binary is None:  # a text stream put in place by a program that runs main()
            self.stream = stdout
            return
        try:
            stdout.flush()
        except (OSError, ValueError):
            raise UsageError("stdout is closed; give an output file with -o FILE") from None
        self.stream = _Utf8Output(binary, "the output")

    def close(self) -> None:
        if self.file is not None:
            try:
                self.file.close()
            except OSError as exc:
                raise OutputError(f"cannot write {self.path}: {exc.strerror or exc}") from None


def _silence_stdout() -> None:
    """After the reader went away or a write failed: send what is left to the null device, so
    that Python's own flush at exit does not fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
        pass


def _error_stream() -> IO[str]:
    """stderr, writing what its encoding cannot hold as backslash escapes (never failing on
    an id in another script), or a sink when stderr is closed."""
    err = sys.stderr
    if err is None:
        return io.StringIO()
    try:
        err.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    except (AttributeError, ValueError, io.UnsupportedOperation):
        pass
    return err


# --------------------------------------------------------------------------- extract


class _Writer:
    """Writes results in one output format; `error` reports a document that failed."""

    def __init__(self, out: IO[str]):
        self.out = out

    def begin(self) -> None:
        pass

    def result(self, result: ParseResult) -> None:
        raise NotImplementedError

    def error(self, error: DocumentError) -> None:
        pass

    def line(self, line: str) -> None:
        raise NotImplementedError

    def end(self) -> None:
        pass


def _dumps(value: Any) -> str:
    return output_line(value)


class _JsonLinesWriter(_Writer):
    def result(self, result: ParseResult) -> None:
        self.out.write(_dumps(document_output(result)) + "\n")

    def line(self, line: str) -> None:
        """Write a line that `jsonl_line` made, in a worker process."""
        self.out.write(line + "\n")

    def error(self, error: DocumentError) -> None:
        self.out.write(_dumps(error_record(error)) + "\n")


def jsonl_line(result: ParseResult, kinds: Sequence[str], join_parts: bool = False) -> str:
    """The line ``extract --format jsonl`` writes for one result (made where it was parsed)."""
    if join_parts:
        result = with_parts_joined(result)
    return _dumps(document_output(select_kinds(result, kinds)))


class _JsonArrayWriter(_Writer):
    def begin(self) -> None:
        self.out.write("[")
        self.first = True

    def result(self, result: ParseResult) -> None:
        data = _dumps(result_to_dict(result))  # may raise FormatError: then nothing is written
        self.out.write(("\n" if self.first else ",\n") + data)
        self.first = False

    def end(self) -> None:
        self.out.write("]\n" if self.first else "\n]\n")


class _CsvWriter(_Writer):
    def begin(self) -> None:
        self.csv = csv.writer(self.out, lineterminator="\n")
        self.csv.writerow(CSV_COLUMNS)

    def result(self, result: ParseResult) -> None:
        self.csv.writerows([_csv_row(result.id, q) for q in result.quotes])


def _csv_row(doc_id: Optional[str], quote: Quote) -> list[Any]:
    att = quote.attribution
    speaker = quote.speaker
    score = confidence(att)
    span = span_confidence(quote.flags)
    return [
        doc_id,
        quote.span.start,
        quote.span.end,
        quote.kind.value,
        quote.span.text,
        speaker.name if speaker else "",
        att.mention.text if att and att.mention else "",
        att.cue.text if att and att.cue else "",
        att.sieve if att else "",
        (speaker.title or "") if speaker else "",
        (speaker.affiliation or "") if speaker else "",
        ("true" if speaker.anonymous else "false") if speaker else "",
        quote.content.text,
        quote.paragraph,
        speaker.kind.value if speaker else "",
        speaker.id if speaker else "",
        att.resolution.value if att else "",
        (att.cue_class or "") if att else "",
        (att.channel or "") if att else "",
        "" if score is None else f"{score:.3f}",
        quote.part.value if quote.part else "",
        " ".join(quote.flags),
        "" if span is None else f"{span:.3f}",
    ]


def _number(value: Optional[float]) -> Any:
    """A number for a CSV cell: whole numbers without a fraction, none as an empty cell."""
    if value is None:
        return ""
    return int(value) if float(value).is_integer() else value


def _claim_row(doc_id: Optional[str], claim: Claim) -> list[Any]:
    """A numeric claim as a row of ``--claims-out``: its words, its quantity in numeric
    columns (a range in ``low`` and ``high``), who asserts it (empty: the article)."""
    q = claim.quantity
    speaker = claim.asserted_by
    return [doc_id, claim.span.start, claim.span.end, claim.span.text, _number(q.value),
            _number(q.low), _number(q.high), q.qualifier.value, q.unit or "",
            claim.source.value, speaker.name if speaker else "",
            speaker.id if speaker else "", claim.rule, claim.sentence.start, claim.sentence.end]


class _ClaimsOutput:
    """``--claims-out FILE``: every numeric claim as a CSV row, in a file of its own."""

    def __init__(self, path: str):
        self.output = _Output(path)
        self.csv = csv.writer(self.output.stream, lineterminator="\n")
        self.csv.writerow(CLAIM_COLUMNS)

    def result(self, result: ParseResult) -> None:
        self.csv.writerows([_claim_row(result.id, c) for c in result.claims])

    def close(self) -> None:
        self.output.stream.flush()
        self.output.close()


class _TextWriter(_Writer):
    def result(self, result: ParseResult) -> None:
        self.out.write(format_text(result))


def _one_line(text: str) -> str:
    return " ".join(text.split())


def format_text(result: ParseResult) -> str:
    """A readable report of one result: its id, then each quote with speaker, cue and sieve."""
    n = len(result.quotes)
    lines = [f"== {result.id} ({n} quote{'' if n == 1 else 's'})"]
    for quote in result.quotes:
        lines.append(
            f"  [{quote.span.start}:{quote.span.end}] {quote.kind.value}: {_one_line(quote.text)}"
        )
        if quote.part is not None or quote.flags:
            marks = ([f"part {quote.part.value}"] if quote.part is not None else []) + (
                [f"recovered: {', '.join(quote.flags)}"] if quote.flags else [])
            lines.append("      " + "; ".join(marks))
        att = quote.attribution
        if att is None:
            lines.append("      speaker: none")
            continue
        speaker = att.speaker
        if speaker is None:
            who = "unresolved"
        else:
            extras = [x for x in (speaker.title, speaker.affiliation) if x]
            if speaker.anonymous:
                extras.append("anonymous")
            if speaker.kind.value != "person":
                extras.append(speaker.kind.value)
            who = speaker.name + (f" ({', '.join(extras)})" if extras else "")
        details = [f"speaker: {who}"]
        if att.mention is not None:
            details.append(f"as {_one_line(att.mention.text)!r}")
        if att.cue is not None:
            details.append(f"cue {_one_line(att.cue.text)!r}")
        if att.cue_class and att.cue_class != "neutral":
            details.append(att.cue_class)
        if att.channel:
            details.append(f"via {att.channel}")
        details.append(f"sieve {att.sieve}")
        score = confidence(att)
        if score is not None:
            details.append(f"confidence {score:.2f}")
        lines.append("      " + "; ".join(details))
    for silent in result.non_statements:
        who = silent.speaker.name if silent.speaker else (
            silent.mention.text if silent.mention else "someone")
        lines.append(f"  - no statement: {who} {_one_line(silent.span.text)}")
    for claim in result.claims:
        q = claim.quantity
        amount = f"{q.low:g}-{q.high:g}" if q.low is not None and q.high is not None else (
            f"{q.value:g}" if q.value is not None else "a vague quantity of")
        qualifier = "" if q.qualifier.value in ("exact", "vague") else \
            q.qualifier.value.replace("_", " ") + " "
        who = claim.asserted_by.name if claim.asserted_by is not None else "the article"
        lines.append(f"  # claim [{claim.span.start}:{claim.span.end}] "
                     f"{_one_line(claim.span.text)!r}: {qualifier}{amount} {q.unit or ''}"
                     f" (asserted by {who})")
    for diagnostic in result.diagnostics:
        where = f" at {diagnostic.span.start}" if diagnostic.span is not None else ""
        lines.append(f"  ! {diagnostic.code}{where}: {diagnostic.message}")
    return "\n".join(lines) + "\n\n"


_WRITERS: dict[str, Callable[[IO[str]], _Writer]] = {
    "jsonl": _JsonLinesWriter,
    "json": _JsonArrayWriter,
    "csv": _CsvWriter,
    "text": _TextWriter,
}


def _report(error: DocumentError, stderr: IO[str]) -> None:
    stderr.write(f"{error.id}: {error.message}\n")


class _Progress:
    """The progress bar of a run, or nothing. When the size of every input is known (files,
    or stdin redirected from a file) it counts the bytes read against that size, so it shows
    the share done and the time left; otherwise it counts the documents written."""

    def __init__(self, wanted: Optional[bool], err: IO[str], total: Optional[int]):
        self.bar: Any = None
        self.read, self.done, self.failed, self.total = 0, 0, 0, total
        if wanted is False or (wanted is None and not _isatty(err)):
            return
        try:
            if total is None:
                self.bar = progress_bar(None, stream=err)
            else:
                self.bar = progress_bar(None, stream=err, unit="B", total=total)
        except ImportError as exc:
            if wanted:  # asked for explicitly: say why there is none, then go on without it
                err.write(f"quotetrack extract: no progress bar: {exc}\n")

    def count_read(self, items: Iterable[Any]) -> Iterator[Any]:
        """``items`` unchanged, counting the bytes they were read from."""
        for item in items:
            if isinstance(item, Line):
                self.read += len(item.raw)
            elif isinstance(item, Document):
                self.read += len(item.text)  # characters: near enough to bytes for a bar
            yield item

    def written(self, failed: bool) -> None:
        self.done += 1
        self.failed += failed
        if self.bar is None:
            return
        if self.total is None:
            self.bar.update(1)
        else:
            self.bar.update(max(0, min(self.read, self.total) - self.bar.n))
        postfix = {"docs": self.done} if self.total is not None else {}
        if self.failed:
            postfix["failed"] = self.failed
        if postfix:
            self.bar.set_postfix(**postfix, refresh=False)

    def message(self, line: str, err: IO[str]) -> None:
        if self.bar is not None:  # above the bar, which is redrawn below it
            self.bar.write(line, file=err)
        else:
            err.write(line + "\n")

    def close(self) -> None:
        if self.bar is not None:
            if self.total is not None:
                self.bar.update(max(0, self.total - self.bar.n))
            self.bar.close()


def _input_size(paths: Sequence[str]) -> Optional[int]:
    """The bytes in all inputs, or None when one is not a regular file (a pipe on stdin)."""
    total = 0
    for path in paths:
        try:
            info = os.fstat(_stdin_bytes().fileno()) if path == "-" else os.stat(path)  # type: ignore[union-attr]
        except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
            return None
        if not stat.S_ISREG(info.st_mode):
            return None
        total += info.st_size
    return total


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def _html_policy(choice: str) -> str:
    """``--html``: auto extracts when the extractor is installed and refuses otherwise (the
    workers find out, and only when a page comes: importing trafilatura takes a while)."""
    if choice == "extract" and not trafilatura_installed():
        raise UsageError(f"--html extract needs trafilatura, which is not installed: {HTML_EXTRA}")
    return choice


def _extract(args: argparse.Namespace) -> int:
    _check_input_paths(args.files, args.input_format)
    html = _html_policy(args.html)
    err = _error_stream()
    stdin = _stdin_bytes()
    if "-" in args.files and _isatty(sys.stdin):
        err.write("quotetrack extract: reading articles from the terminal; end with Ctrl-D "
                  "(quotetrack extract --help for more)\n")
    if args.format == "csv" and args.claims and not args.claims_out:
        raise UsageError("--format csv writes one table, of quotes: give --claims-out FILE "
                         "for the numeric claims")
    output = _Output(args.output)
    claims_out = _ClaimsOutput(args.claims_out) if args.claims_out else None
    writer = _WRITERS[args.format](output.stream)
    lexicon = _load_lexicon(args.lexicon)
    parser = Parser(claims=args.claims or claims_out is not None)
    if lexicon is not None:
        parser = attrs.evolve(parser, lexicon=lexicon)
    # lines are read (JSON decoded and checked) where they are parsed: in the workers, with
    # --workers, so the parent process only splits the input into lines
    docs = read_inputs(args.files, stdin=stdin, lines=True, format=args.input_format,
                       max_line_bytes=line_limit(parser.limits))
    progress = _Progress(args.progress, err, _input_size(args.files))
    # JSON Lines are made in the worker processes: only the finished lines travel back
    # (not when the claims go to a file of their own: that needs the results themselves)
    jsonl = (functools.partial(jsonl_line, kinds=args.kinds, join_parts=args.join_parts)
             if args.format == "jsonl" and claims_out is None else None)
    items = process(
        progress.count_read(docs), parser, workers=args.workers, chunk_size=args.chunk_size,
        transform=jsonl, on_restart=lambda message: progress.message(
            f"quotetrack extract: {message}", err), html=html,
    )
    failed = aborted = 0
    try:
        writer.begin()
        for item in items:
            if isinstance(item, str):
                writer.line(item)
            elif isinstance(item, ParseResult):
                try:
                    shown = with_parts_joined(item) if args.join_parts else item
                    writer.result(select_kinds(shown, args.kinds))
                    if claims_out is not None:
                        claims_out.result(item)
                except (QuotetrackError, UnicodeEncodeError) as exc:
                    if isinstance(exc, OutputError):
                        raise
                    item = DocumentError(id=str(item.id),
                                         message=f"{type(exc).__name__}: {exc}")
            if isinstance(item, DocumentError):
                failed += 1
                aborted += item.aborted
                progress.message(f"{item.id}: {item.message}", err)
                writer.error(item)
            output.stream.flush()  # a document at a time, so a reader downstream keeps up
            progress.written(isinstance(item, DocumentError))
        writer.end()
        output.stream.flush()
    finally:
        getattr(items, "close", lambda: None)()  # stops the workers, also when writing failed
        progress.close()
        output.close()
        if claims_out is not None:
            claims_out.close()
    if progress.done == 0 and "-" in args.files:
        err.write("quotetrack extract: no documents: stdin is empty\n")
    if aborted:
        err.write(f"quotetrack extract: error: the run was given up; {aborted} document(s) "
                  "were not parsed (each has an error record)\n")
        return EXIT_ABORTED
    return EXIT_DOCUMENT_ERRORS if failed else EXIT_OK


# --------------------------------------------------------------------------- evaluate


def _read_json_lines(path: str, what: str) -> Iterator[dict[str, Any]]:
    """The objects of a JSON Lines file (``-``: stdin); `UsageError` at the first bad line."""
    name = "<stdin>" if path == "-" else path
    try:
        fh: IO[bytes] = _stdin_bytes() if path == "-" else open(path, "rb")  # type: ignore[assignment]
    except OSError as exc:
        raise UsageError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        for lineno, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            try:
                value = json.loads(raw)
            except (ValueError, UnicodeDecodeError, RecursionError) as exc:
                raise UsageError(
                    f"{name}:{lineno}: expected a JSON {what} document, got: {exc}"
                ) from None
            if not isinstance(value, dict) or "id" not in value:
                raise UsageError(
                    f"{name}:{lineno}: expected a JSON object with an 'id', "
                    f"got {type(value).__name__} {str(value)[:60]}"
                )
            yield value
    except OSError as exc:
        raise UsageError(f"{path}: cannot read: {exc.strerror or exc}") from None
    finally:
        if path != "-":
            fh.close()


def _predict(args: argparse.Namespace) -> tuple[list[dict[str, Any]], int]:
    """Run quotetrack on the gold texts: the prediction lines and the number of failures."""
    docs: Iterator[Union[Document, DocumentError]] = (
        Document(id=d["id"], text=d["text"])
        if isinstance(d.get("text"), str)
        else DocumentError(id=str(d["id"]), message="expected a string 'text'")
        for d in _read_json_lines(args.gold, "gold")
    )
    predictions, failed = [], 0
    for item in process(docs, Parser(), workers=args.workers, chunk_size=args.chunk_size):
        if isinstance(item, DocumentError):
            failed += 1
            _report(item, sys.stderr)
        else:
            predictions.append(document_output(item))
    return predictions, failed


def _format_miss_line(miss: Any) -> str:
    return (
        f"  {miss.reason:<8} {miss.doc_id}  gold: {miss.gold_speaker!r}  "
        f"predicted: {miss.pred_speaker!r}  {miss.excerpt!r}"
    )


def _print_scores(scores: Scores, args: argparse.Namespace) -> None:
    """Write the scores on stdout, as UTF-8; a failed write is `OutputError` (exit 3)."""
    misses = scores.misses[: args.misses]
    lines = []
    if args.json:
        data = scores.as_dict()
        if args.misses:
            data["misses"] = [
                {
                    "doc_id": m.doc_id,
                    "reason": m.reason,
                    "gold_speaker": m.gold_speaker,
                    "pred_speaker": m.pred_speaker,
                    "excerpt": m.excerpt,
                }
                for m in misses
            ]
        lines.append(json.dumps(data, ensure_ascii=False))
    else:
        lines.extend(_format_miss_line(miss) for miss in misses)
        lines.append(scores.summary())
    out = _Output(None)
    out.stream.write("".join(line + "\n" for line in lines))
    out.stream.flush()


def _evaluate(args: argparse.Namespace) -> int:
    if args.gold == "-":
        raise UsageError("GOLD must be a file; give the predictions on stdin instead "
                         "(quotetrack evaluate GOLD -)")
    _check_input_paths([args.gold] + ([args.pred] if args.pred else []))
    failed = 0
    if args.pred:
        predictions: Iterable[dict[str, Any]] = list(_read_json_lines(args.pred, "prediction"))
    else:
        predictions, failed = _predict(args)
    scores = evaluate(_read_json_lines(args.gold, "gold"), predictions, indirect=args.indirect)
    _print_scores(scores, args)
    return EXIT_DOCUMENT_ERRORS if failed else EXIT_OK


# --------------------------------------------------------------------------- main


_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "extract": _extract,
    "evaluate": _evaluate,
}


def _subparser(parser: argparse.ArgumentParser, command: str) -> _ArgumentParser:
    (sub,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return sub.choices[command]


def _no_command(args: argparse.Namespace) -> int:
    raise UsageError(f"unknown command {args.command!r}")


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the ``quotetrack`` command with ``argv`` (default: ``sys.argv[1:]``); return its status."""
    parser = build_parser()
    try:
        args, extras = parser.parse_known_args(argv)
        if extras:  # shown with the usage of the command they were given to
            _subparser(parser, args.command).unknown(extras)
    except SystemExit as exc:  # --help, --version or a usage error already reported by argparse
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    err = _error_stream()
    try:
        return _COMMANDS.get(args.command, getattr(args, "run", _no_command))(args)
    except UsageError as exc:
        err.write(f"quotetrack {args.command}: error: {exc}\n")
        return EXIT_USAGE
    except OutputError as exc:
        _silence_stdout()
        err.write(f"quotetrack {args.command}: error: {exc}; the run was given up\n")
        return EXIT_ABORTED
    except QuotetrackError as exc:
        err.write(f"quotetrack {args.command}: error: {type(exc).__name__}: {exc}\n")
        return EXIT_USAGE
    except BrokenPipeError:
        # the reader went away (e.g. `| head`): stop quietly, as a command killed by SIGPIPE
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
