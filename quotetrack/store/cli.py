"""``quotetrack db ...`` and ``quotetrack verify``: the command line of the quote store.

`register` adds the subcommands to the ``quotetrack`` argument parser and returns their
handlers; `quotetrack.cli` calls it. Every handler returns the exit status.

``quotetrack verify`` exits with `VERIFY_FOUND` (0) when the text was found (exactly, after
normalisation, as a fragment, or with editorial marks only) and, with ``--speaker``, is given to
that person; `VERIFY_ALTERED` (3) when only an altered wording was found; `VERIFY_NOT_FOUND` (4)
when nothing matched; `VERIFY_MISATTRIBUTED` (5) when the words were found (or altered) but the
source gives them to someone else or to no one. Usage errors exit with 2, as everywhere.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import IO, Any, Callable, Iterable, Mapping, Optional, Sequence

from ..batch import DocumentError, progress_bar
from ..errors import StoreError
from .records import Verdict
from .inputs import read_documents
from .store import Store, write_records
from .verify import verify_source

__all__ = ["register", "VERIFY_FOUND", "VERIFY_ALTERED", "VERIFY_NOT_FOUND",
           "VERIFY_MISATTRIBUTED"]

VERIFY_FOUND, VERIFY_ALTERED, VERIFY_NOT_FOUND, VERIFY_MISATTRIBUTED = 0, 3, 4, 5
EXIT_OK, EXIT_DOCUMENT_ERRORS = 0, 1
OUTPUT_FORMATS = ("table", "jsonl", "csv")


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {value!r}")
    return number


def _format_option(command: argparse.ArgumentParser) -> None:
    command.add_argument("--format", choices=OUTPUT_FORMATS, default=None,
                         help="table (default on a terminal), jsonl (default otherwise) or csv")


def register(commands: Any) -> dict[str, Callable[[argparse.Namespace], int]]:
    """Add ``db`` and ``verify`` to the subcommands ``commands``; return their handlers."""
    db = commands.add_parser("db", help="the quote store: ingest articles, ask across them",
                             description="A quote store in one SQLite file (see docs/store.md).")
    sub = db.add_subparsers(dest="db_command", metavar="DBCOMMAND", required=True)

    ingest = sub.add_parser("ingest", help="parse documents into the store")
    ingest.add_argument("db", metavar="DB", help="the database file (created when missing)")
    ingest.add_argument("files", metavar="FILE", nargs="+",
                        help=".jsonl documents or parse results, .json arrays, .txt articles, -")
    ingest.add_argument("--workers", type=_positive, default=1, metavar="N",
                        help="parse in N worker processes (default 1)")
    ingest.add_argument("--batch-size", type=_positive, default=64, metavar="N",
                        help="documents per transaction (default 64)")
    ingest.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                        help="a progress bar on stderr (default: on a terminal, with tqdm)")

    search = sub.add_parser("search", help="quotes that contain a phrase (literal)")
    search.add_argument("db", metavar="DB")
    search.add_argument("phrase", metavar="PHRASE")
    search.add_argument("--limit", type=_positive, default=100, metavar="N")
    _format_option(search)

    quotes = sub.add_parser("quotes", help="quotes by person, outlet, date, kind, cue class")
    quotes.add_argument("db", metavar="DB")
    quotes.add_argument("--person", metavar="NAME_OR_ID")
    quotes.add_argument("--outlet", metavar="OUTLET")
    quotes.add_argument("--since", metavar="DATE")
    quotes.add_argument("--until", metavar="DATE")
    quotes.add_argument("--kind", metavar="KIND")
    quotes.add_argument("--cue-class", metavar="CLASS")
    quotes.add_argument("--doc", metavar="DOC_ID")
    quotes.add_argument("--limit", type=_positive, default=None, metavar="N")
    _format_option(quotes)

    people = sub.add_parser("people", help="people with counts, titles and affiliations")
    people.add_argument("db", metavar="DB")
    people.add_argument("--name", metavar="NAME_OR_ID")
    people.add_argument("--all", action="store_true",
                        help="also organisations, groups and anonymous sources")
    people.add_argument("--limit", type=_positive, default=None, metavar="N")
    _format_option(people)

    claims = sub.add_parser("claims", help="numeric claims, by person")
    claims.add_argument("db", metavar="DB")
    claims.add_argument("--person", metavar="NAME_OR_ID")
    claims.add_argument("--limit", type=_positive, default=None, metavar="N")
    _format_option(claims)

    trace = sub.add_parser("trace", help="every appearance of a quote, earliest first")
    trace.add_argument("db", metavar="DB")
    trace.add_argument("quote", metavar="QUOTE", help="a quote id or the quote's words")
    _format_option(trace)

    merge = sub.add_parser("merge", help="link person A to person B")
    merge.add_argument("db", metavar="DB")
    merge.add_argument("a", metavar="A")
    merge.add_argument("b", metavar="B")

    split = sub.add_parser("split", help="undo a link: documents or a name become apart")
    split.add_argument("db", metavar="DB")
    split.add_argument("person", metavar="PERSON")
    split.add_argument("--docs", nargs="+", metavar="DOC_ID")
    split.add_argument("--name", metavar="NAME")

    stats = sub.add_parser("stats", help="what the store holds")
    stats.add_argument("db", metavar="DB")
    stats.add_argument("--clusters", type=_positive, default=10, metavar="N",
                       help="also list the N most widespread statements (default 10)")

    review = sub.add_parser("claimreview", help="a schema.org ClaimReview skeleton for a quote")
    review.add_argument("db", metavar="DB")
    review.add_argument("quote", metavar="QUOTE")

    export = sub.add_parser("export", help="write quotes, people or claims as JSONL or CSV")
    export.add_argument("db", metavar="DB")
    export.add_argument("--what", choices=("quotes", "people", "claims"), default="quotes")
    export.add_argument("--format", choices=("jsonl", "csv", "parquet"), default="jsonl")
    export.add_argument("--output", metavar="FILE",
                        help="write to FILE instead of stdout (needed for parquet)")

    verify = commands.add_parser(
        "verify", help="was this quote said, and by whom?",
        description="Check a quote against a store (--db) or an article (--source). Exit "
        "status: 0 found, 3 altered, 4 not found, 5 found but given to someone else or no one.")
    verify.add_argument("text", metavar="TEXT")
    where = verify.add_mutually_exclusive_group(required=True)
    where.add_argument("--db", metavar="DB")
    where.add_argument("--source", metavar="FILE", help="a .txt article or a .jsonl file")
    verify.add_argument("--speaker", metavar="NAME")
    verify.add_argument("--json", action="store_true", help="print the verdict as JSON")
    db.set_defaults(run=_db)
    verify.set_defaults(run=_verify)
    return {"db": _db, "verify": _verify}


# --------------------------------------------------------------------------- helpers


def _open(path: str) -> Store:
    if not os.path.exists(path):
        raise StoreError(f"{path}: no such database (create one with 'quotetrack db ingest')")
    return Store(path)


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _one_line(text: Any, width: int) -> str:
    if isinstance(text, str) and text.endswith("T00:00:00"):
        text = text[:10]  # a date without a time
    s = " ".join(str("" if text is None else text).split())
    return s if len(s) <= width else s[: width - 1] + "…"


def _table(records: Sequence[Mapping[str, Any]], columns: Sequence[tuple[str, int]],
           out: IO[str]) -> None:
    out.write("  ".join(f"{name:<{w}}" for name, w in columns).rstrip() + "\n")
    for r in records:
        out.write("  ".join(f"{_one_line(r.get(name), w):<{w}}" for name, w in columns).rstrip()
                  + "\n")
    out.write(f"({len(records)} row{'' if len(records) == 1 else 's'})\n")


def _emit(records: Iterable[Mapping[str, Any]], fmt: Optional[str],
          columns: Sequence[tuple[str, int]]) -> None:
    out = sys.stdout
    fmt = fmt or ("table" if _isatty(out) else "jsonl")
    if fmt == "table":
        _table(list(records), columns, out)
    else:
        write_records(records, out, fmt)


_QUOTE_COLUMNS = (("quote_id", 8), ("published_at", 19), ("doc_id", 18), ("person", 20),
                  ("kind", 8), ("text", 60))


# --------------------------------------------------------------------------- db


def _db(args: argparse.Namespace) -> int:
    handler = {
        "ingest": _ingest, "search": _search, "quotes": _quotes, "people": _people,
        "claims": _claims, "trace": _trace, "merge": _merge, "split": _split, "stats": _stats,
        "claimreview": _claimreview, "export": _export,
    }[args.db_command]
    return handler(args)


def _ingest(args: argparse.Namespace) -> int:
    for path in args.files:
        if path != "-" and not os.path.isfile(path):
            raise StoreError(f"{path}: no such file")
    err = sys.stderr
    docs: Iterable[Any] = read_documents(args.files, stdin=sys.stdin.buffer)
    bar = None
    if args.progress or (args.progress is None and _isatty(err)):
        try:
            bar = progress_bar(docs, stream=err)
            docs = bar
        except ImportError as exc:
            if args.progress:
                err.write(f"quotetrack db ingest: no progress bar: {exc}\n")

    def report(error: DocumentError) -> None:
        line = f"{error.id}: {error.message}"
        if bar is not None:
            bar.write(line, file=err)
        else:
            err.write(line + "\n")

    try:
        with Store(args.db) as store:
            result = store.ingest(docs, workers=args.workers, batch_size=args.batch_size,
                                  on_error=report)
    finally:
        if bar is not None:
            bar.close()
    err.write(f"{result.documents} documents: {result.added} added, {result.replaced} replaced, "
              f"{result.unchanged} unchanged, {len(result.errors)} failed; "
              f"{result.quotes} quotes stored\n")
    return EXIT_DOCUMENT_ERRORS if result.errors else EXIT_OK


def _search(args: argparse.Namespace) -> int:
    with _open(args.db) as store:
        _emit([q.as_dict() for q in store.search(args.phrase, limit=args.limit)], args.format,
              _QUOTE_COLUMNS)
    return EXIT_OK


def _quotes(args: argparse.Namespace) -> int:
    with _open(args.db) as store:
        records = (q.as_dict() for q in store.iter_quotes(
            person=args.person, outlet=args.outlet, since=args.since, until=args.until,
            kind=args.kind, cue_class=args.cue_class, doc_id=args.doc, limit=args.limit))
        _emit(records, args.format, _QUOTE_COLUMNS)
    return EXIT_OK


def _person_row(p: Any) -> dict[str, Any]:
    data = p.as_dict()
    roles = {" ".join(x for x in (r["title"], r["affiliation"]) if x) for r in data["roles"]}
    data["titles"] = "; ".join(sorted(roles))
    return data


def _people(args: argparse.Namespace) -> int:
    with _open(args.db) as store:
        people = store.people(name=args.name, include_all=args.all, limit=args.limit)
        _emit([_person_row(p) for p in people], args.format,
              (("person_id", 9), ("name", 24), ("kind", 12), ("quotes", 6), ("documents", 9),
               ("titles", 50)))
    return EXIT_OK


def _claims(args: argparse.Namespace) -> int:
    with _open(args.db) as store:
        _emit([c.as_dict() for c in store.claims(person=args.person, limit=args.limit)],
              args.format, (("doc_id", 18), ("person", 20), ("qualifier", 9), ("value", 12),
                            ("unit", 12), ("text", 40)))
    return EXIT_OK


def _trace(args: argparse.Namespace) -> int:
    with _open(args.db) as store:
        trace = store.trace(args.quote)
    fmt = args.format or ("table" if _isatty(sys.stdout) else "jsonl")
    if fmt == "jsonl":
        sys.stdout.write(json.dumps(trace.as_dict(), ensure_ascii=False) + "\n")
        return EXIT_OK
    records = []
    for a in trace.appearances:
        data = a.as_dict()
        data["changes"] = a.diff.summary() if a.relation != "earliest" else ""
        records.append(data)
    if fmt == "csv":
        write_records(records, sys.stdout, "csv")
        return EXIT_OK
    out = sys.stdout
    if trace.dates_missing:
        out.write("some appearances have no date: they follow the dated ones in ingest order\n")
    if len(trace.attributed_to) > 1:
        out.write(f"attributed to {len(trace.attributed_to)} different speakers: "
                  f"{', '.join(trace.attributed_to)}\n")
    _table(records, (("published_at", 19), ("doc_id", 18), ("person", 20), ("relation", 9),
                     ("changes", 40), ("text", 50)), out)
    return EXIT_OK


def _merge(args: argparse.Namespace) -> int:
    with _open(args.db) as store:
        person = store.merge(_id_or_name(args.a), _id_or_name(args.b))
    sys.stdout.write(json.dumps(person.as_dict(), ensure_ascii=False) + "\n")
    return EXIT_OK


def _id_or_name(value: str) -> Any:
    return int(value) if value.strip().isdigit() else value


def _split(args: argparse.Namespace) -> int:
    if bool(args.docs) == (args.name is not None):
        raise StoreError("split needs --docs DOC_ID ... or --name NAME (one of them)")
    with _open(args.db) as store:
        person = store.split(_id_or_name(args.person), documents=args.docs or (),
                             name=args.name)
    sys.stdout.write(json.dumps(person.as_dict(), ensure_ascii=False) + "\n")
    return EXIT_OK


def _stats(args: argparse.Namespace) -> int:
    with _open(args.db) as store:
        data = store.stats()
        data["largest_clusters"] = store.clusters(limit=args.clusters)
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK


def _claimreview(args: argparse.Namespace) -> int:
    with _open(args.db) as store:
        review = store.claimreview(_id_or_name(args.quote))
    sys.stdout.write(json.dumps(review, ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    if args.format == "parquet" and not args.output:
        raise StoreError("--format parquet writes a file: give --output FILE")
    with _open(args.db) as store:
        if args.format == "parquet":
            n = store.export_parquet(args.output, args.what)
            sys.stderr.write(f"{n} {args.what} rows written to {args.output}\n")
            return EXIT_OK
        if args.output:
            with open(args.output, "w", encoding="utf-8", newline="") as fh:
                write_records(store.records(args.what), fh, args.format)
        else:
            write_records(store.records(args.what), sys.stdout, args.format)
    return EXIT_OK


# --------------------------------------------------------------------------- verify


def verify_status(verdict: Verdict) -> int:
    """The exit status of ``quotetrack verify`` for a verdict (see the module docstring)."""
    if not verdict.found:
        return VERIFY_NOT_FOUND
    if verdict.attribution is not None and verdict.attribution != "speaker":
        return VERIFY_MISATTRIBUTED
    return VERIFY_ALTERED if verdict.status == "altered" else VERIFY_FOUND


def _verify(args: argparse.Namespace) -> int:
    if args.db is not None:
        with _open(args.db) as store:
            verdict = store.verify(args.text, speaker=args.speaker)
    else:
        if not os.path.isfile(args.source):
            raise StoreError(f"{args.source}: no such file")
        verdict = verify_source(args.text, args.source, speaker=args.speaker)
    out = sys.stdout
    if args.json:
        out.write(json.dumps(verdict.as_dict(), ensure_ascii=False) + "\n")
        return verify_status(verdict)
    out.write(f"{verdict.status.replace('_', ' ')}")
    if verdict.matches:
        n = sum(m.status == verdict.status for m in verdict.matches)
        out.write(f" in {n} place{'' if n == 1 else 's'}")
    out.write("\n")
    if verdict.attribution == "speaker":
        out.write(f"attributed to {verdict.asked_speaker}\n")
    elif verdict.attribution == "someone_else":
        out.write(f"NOT attributed to {verdict.asked_speaker}: the source gives it to "
                  f"{', '.join(verdict.attributed_to)}\n")
    elif verdict.attribution == "no_one":
        out.write(f"NOT attributed to {verdict.asked_speaker}: the source gives it to no one\n")
    if verdict.attribution not in (None, "speaker") and verdict.speaker_status is not None:
        out.write(f"{verdict.asked_speaker} is quoted with a wording that is "
                  f"{verdict.speaker_status.replace('_', ' ')}\n")
    for m in verdict.matches[:5]:
        where = m.doc_id or ""
        who = m.speaker or "no speaker"
        out.write(f"  {m.status}: {where} [{m.start}:{m.end}] {who}: "
                  f"{_one_line(m.source_text, 100)}\n")
        if m.diff.altered or m.diff.editorial:
            out.write(f"      changes: {m.diff.summary()}\n")
    return verify_status(verdict)
