"""The ``quotetrack`` command: a thin layer over `quotetrack.batch`, `serialize` and `evaluate`.

Exit status: 0 when everything went through, 1 when some document could not be read or parsed
(the others are still written), 2 for a usage error such as a missing file or a bad option.
See docs/cli.md.
"""

from __future__ import annotations

import argparse
import csv
import functools
import json
import os
import sys
from typing import IO, Any, Callable, Iterable, Iterator, Optional, Sequence, Union

import attrs

from . import COMPILED, __version__
from .batch import (
    Document,
    DocumentError,
    input_format,
    process,
    progress_bar,
    read_inputs,
)
from .errors import QuotetrackError
from .evaluate import Scores, evaluate
from .model import ParseResult, Quote, QuoteKind
from .parser import Parser
from .serialize import document_output, result_to_dict
from .store.cli import register as register_store_commands

__all__ = ["main"]

FORMATS = ("jsonl", "json", "csv", "text")
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
    "value",
    "qualifier",
    "unit",
)

EXIT_OK, EXIT_DOCUMENT_ERRORS, EXIT_USAGE = 0, 1, 2


class UsageError(QuotetrackError):
    """The command line cannot be run as given (exit status 2)."""


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


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``quotetrack`` command."""
    parser = argparse.ArgumentParser(
        prog="quotetrack",
        description="Find quotations and their speakers in news text.",
    )
    parser.add_argument("--version", action="version", version=f"quotetrack {__version__} "
                        f"({'compiled' if COMPILED else 'pure Python'})")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    extract = commands.add_parser(
        "extract",
        help="find the quotes in articles",
        description="Find the quotes in articles: .txt files (one article each, id = the path "
        'as given), .jsonl files (one {"id", "text"} document per line) or - for stdin.',
    )
    extract.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        default=["-"],
        help="input files; - or nothing reads stdin",
    )
    extract.add_argument(
        "--format",
        choices=FORMATS,
        default="jsonl",
        help='jsonl: one {"id", "quotes"} line per document (default); json: an array of '
        "full results; csv: one row per quote; text: for reading",
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
        "--claims",
        action="store_true",
        help="also find numeric claims (counts, percentages, money) and who asserts them",
    )
    _add_workers(extract)
    extract.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="count the documents done on a progress bar on stderr (needs tqdm; default: "
        "when stderr is a terminal and tqdm is installed)",
    )

    ev = commands.add_parser(
        "evaluate",
        help="score predictions against gold annotations",
        description="Score predicted quotes against gold annotations (the rules of the "
        "evaluation's SCORING.md). Without PRED, quotetrack parses the gold texts itself.",
    )
    ev.add_argument("gold", metavar="GOLD", help="gold JSON Lines file")
    ev.add_argument(
        "pred",
        metavar="PRED",
        nargs="?",
        help="predictions as written by 'quotetrack extract' (default: run quotetrack)",
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


def select_kinds(result: ParseResult, kinds: Sequence[str]) -> ParseResult:
    """``result`` with only the quotes of ``kinds`` (``continues`` indexes renumbered)."""
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
        quotes.append(q)
    return attrs.evolve(result, quotes=tuple(quotes))


def _check_input_paths(paths: Sequence[str]) -> None:
    if sum(p == "-" for p in paths) > 1:
        raise UsageError("stdin ('-') can be read only once")
    for path in paths:
        if path == "-":
            continue
        if not os.path.exists(path):
            raise UsageError(f"{path}: no such file")
        if not os.path.isfile(path):
            raise UsageError(f"{path}: expected a file, got a directory or special file")
        if not os.access(path, os.R_OK):
            raise UsageError(f"{path}: permission denied")
        try:
            input_format(path)
        except QuotetrackError as exc:
            raise UsageError(str(exc)) from None


def _stdin_bytes() -> IO[bytes]:
    return sys.stdin.buffer


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
    return json.dumps(value, ensure_ascii=False)


class _JsonLinesWriter(_Writer):
    def result(self, result: ParseResult) -> None:
        self.out.write(_dumps(document_output(result)) + "\n")

    def line(self, line: str) -> None:
        """Write a line that `jsonl_line` made, in a worker process."""
        self.out.write(line + "\n")

    def error(self, error: DocumentError) -> None:
        self.out.write(_dumps({"id": error.id, "error": error.message}) + "\n")


def jsonl_line(result: ParseResult, kinds: Sequence[str]) -> str:
    """The line ``extract --format jsonl`` writes for one result (made where it was parsed)."""
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
        self.csv.writerows([_csv_claim_row(result.id, c) for c in result.claims])


def _csv_row(doc_id: Optional[str], quote: Quote) -> list[Any]:
    att = quote.attribution
    speaker = quote.speaker
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
        "",
        "",
        "",
    ]


def _csv_claim_row(doc_id: Optional[str], claim: Any) -> list[Any]:
    """A numeric claim as a row of kind "claim": its words, who asserts it and its quantity."""
    q = claim.quantity
    value = f"{q.low:g}-{q.high:g}" if q.low is not None and q.high is not None else (
        "" if q.value is None else f"{q.value:g}")
    speaker = claim.asserted_by
    return [doc_id, claim.span.start, claim.span.end, "claim", claim.span.text,
            speaker.name if speaker else "", "", "", claim.rule, "", "", "",
            value, q.qualifier.value, q.unit or ""]


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


def _progress(items: Iterator[Any], wanted: Optional[bool], err: IO[str]) -> Optional[Any]:
    """A progress bar over ``items`` on ``err``, or None: ``wanted`` None means "if a terminal"."""
    if wanted is False or (wanted is None and not _isatty(err)):
        return None
    try:
        return progress_bar(items, stream=err)
    except ImportError as exc:
        if wanted:  # asked for explicitly: say why there is none, then go on without it
            err.write(f"quotetrack extract: no progress bar: {exc}\n")
        return None


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _extract(args: argparse.Namespace) -> int:
    _check_input_paths(args.files)
    out, err = sys.stdout, sys.stderr
    writer = _WRITERS[args.format](out)
    # lines are read (JSON decoded and checked) where they are parsed: in the workers, with
    # --workers, so the parent process only splits the input into lines
    docs = read_inputs(args.files, stdin=_stdin_bytes(), lines=True)
    failed = 0
    writer.begin()
    parser = Parser(claims=args.claims)
    # JSON Lines are made in the worker processes: only the finished lines travel back
    jsonl = functools.partial(jsonl_line, kinds=args.kinds) if args.format == "jsonl" else None
    items = process(
        docs, parser, workers=args.workers, chunk_size=args.chunk_size, transform=jsonl
    )
    bar = _progress(items, args.progress, err)
    try:
        for item in bar if bar is not None else items:
            if isinstance(item, str):
                writer.line(item)
                continue
            if isinstance(item, ParseResult):
                try:
                    writer.result(select_kinds(item, args.kinds))
                    continue
                except QuotetrackError as exc:
                    item = DocumentError(id=str(item.id), message=f"{type(exc).__name__}: {exc}")
            failed += 1
            if bar is not None:  # above the bar, which is redrawn below it
                bar.write(f"{item.id}: {item.message}", file=err)
                bar.set_postfix(failed=failed, refresh=False)
            else:
                _report(item, err)
            writer.error(item)
    finally:
        if bar is not None:
            bar.close()
    writer.end()
    return EXIT_DOCUMENT_ERRORS if failed else EXIT_OK


# --------------------------------------------------------------------------- evaluate


def _read_json_lines(path: str, what: str) -> Iterator[dict[str, Any]]:
    with open(path, "rb") as fh:
        for lineno, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            try:
                value = json.loads(raw)
            except (ValueError, UnicodeDecodeError) as exc:
                raise UsageError(
                    f"{path}:{lineno}: expected a JSON {what} document, got: {exc}"
                ) from None
            if not isinstance(value, dict) or "id" not in value:
                raise UsageError(
                    f"{path}:{lineno}: expected a JSON object with an 'id', "
                    f"got {type(value).__name__} {str(value)[:60]}"
                )
            yield value


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
    misses = scores.misses[: args.misses]
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
        print(json.dumps(data, ensure_ascii=False))
    else:
        for miss in misses:
            print(_format_miss_line(miss))
        print(scores.summary())


def _evaluate(args: argparse.Namespace) -> int:
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


def _no_command(args: argparse.Namespace) -> int:
    raise UsageError(f"unknown command {args.command!r}")


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the ``quotetrack`` command with ``argv`` (default: ``sys.argv[1:]``); return its status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version or a usage error already reported by argparse
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    try:
        return _COMMANDS.get(args.command, getattr(args, "run", _no_command))(args)
    except UsageError as exc:
        print(f"quotetrack {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except QuotetrackError as exc:
        print(f"quotetrack {args.command}: error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # the reader went away (e.g. `| head`): stop quietly, without a second error at exit
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_DOCUMENT_ERRORS
    except KeyboardInterrupt:
        return 130
