"""`Store`: an SQLite file of parsed articles, people across articles and recurring quotes.

One file, WAL mode, through the standard library's `sqlite3`. Documents are keyed by a blake2b
hash of their text and metadata: ingesting the same document again does nothing, the same id
with a changed text replaces its quotes and keeps the previous version's record. Each batch of
documents is written in one transaction, with its people linked and its quotes clustered, so a
crash loses at most the batch being written and resuming the ingest completes it.
"""

from __future__ import annotations

import collections
import concurrent.futures
import csv
import datetime
import functools
import hashlib
import json
import os
import sqlite3
import time
from typing import IO, Any, Iterable, Iterator, Mapping, NamedTuple, Optional, Sequence, Union

import attrs

from ..batch import Document, DocumentError, document_from_json
from ..claims_model import Claim, ClaimSource, Qualifier, Quantity
from ..errors import FormatError, StoreError
from ..model import Attribution, ParseResult, Quote, QuoteKind, Resolution, Span, Speaker, \
    SpeakerKind
from ..parser import Parser
from ..serialize import result_from_dict
from .names import (
    bare_evidence,
    full_names_in,
    is_bare,
    is_title_word,
    link_bare,
    name_key,
    person_words,
    surname_index,
)
from .textmatch import (
    Relation,
    align_window,
    norm_hash,
    relate,
    relate_words,
    shingles,
    tokenize,
    word_diff,
    words_of,
    words_of_norm,
)
from .records import (
    Appearance,
    IngestReport,
    Person,
    StoredClaim,
    StoredDocument,
    StoredQuote,
    Trace,
    Verdict,
)
from .schema import migrate
from .verify import Candidate, check

__all__ = ["Store", "document_hash", "parse_published_at"]

#: the latest quotes read per shingle when looking for candidates: a common phrase ("we'll
#: see") costs no more than a rare one, so the work per quote stays bounded however large the
#: archive grows
POSTINGS_READ = 20
#: new postings go into a small table, merged into the shingle index when it holds more than
#: this many postings and more than 1/RECENT_SHARE of the index's (`Store._merge_recent`)
RECENT_POSTINGS = 1 << 16
RECENT_SHARE = 8
#: candidates (most shared shingles first) compared word by word with each new quote
MAX_CANDIDATES = 30
#: a candidate must share this many shingles (runs of three words) with the new quote
MIN_SHARED_SHINGLES = 2
#: ... and at least this share of the shorter quote's shingles (a variant with a word changed
#: in every five keeps more; two quotes that share one common phrase do not)
MIN_SHARED_SHARE = 0.2
#: links stored from a new quote to one cluster: enough to join it and to keep it joined if
#: one linked quote is later replaced, without checking every member
LINKS_PER_CLUSTER = 2
#: quotes shorter than this many words are not clustered (scare quotes, single phrases)
MIN_CLUSTER_WORDS = 4
#: the longest search phrase accepted (no quote is longer: `Limits.max_quote_chars`)
MAX_SEARCH_CHARS = 20_000
_RESULT_KEYS = {"id", "text", "quotes", "speakers", "diagnostics", "non_statements", "claims"}
_DOC_KEYS = {"id", "text", "url", "outlet", "published_at"}


def _now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")


def parse_published_at(value: object) -> Optional[str]:
    """An ISO 8601 date or date-time as the store keeps it (UTC when it has an offset), or
    None for None; `ValueError` saying what was expected for anything else."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"expected 'published_at' as an ISO 8601 string, got "
                         f"{type(value).__name__} {value!r:.40}")
    try:
        when = datetime.datetime.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"expected 'published_at' in ISO 8601 form (such as 2004-05-01 or "
                         f"2004-05-01T09:30:00Z), got {value!r:.60}") from None
    if when.tzinfo is not None:
        when = when.astimezone(datetime.timezone.utc).replace(tzinfo=None)
    return when.isoformat()


def document_hash(text: str, meta: Mapping[str, Any]) -> str:
    """The blake2b key of a document's text and metadata (the same in every run and process)."""
    data = json.dumps({"text": text, "meta": meta}, sort_keys=True, ensure_ascii=False)
    return hashlib.blake2b(data.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


@attrs.frozen
class _Prepared:
    doc_id: str
    text: str
    url: Optional[str]
    outlet: Optional[str]
    published_at: Optional[str]
    meta: dict
    hash: str
    result: Optional[ParseResult] = None


def _prepare(item: object, where: str) -> Union[_Prepared, DocumentError]:
    """A checked input document (with its parse result when it came parsed), or its error."""
    if isinstance(item, DocumentError):
        return item
    result: Optional[ParseResult] = None
    data: Mapping[str, Any]
    if isinstance(item, ParseResult):
        if not isinstance(item.id, str) or not item.id:
            return DocumentError(id=where, message="expected a parse result with a string id")
        result, data = item, {"id": item.id, "text": item.text}
    elif isinstance(item, Document):
        data = {"id": item.id, "text": item.text}
    elif isinstance(item, Mapping):
        data = item
        if isinstance(item.get("speakers"), list) and isinstance(item.get("quotes"), list) \
                and "diagnostics" in item:
            try:
                result = result_from_dict({k: v for k, v in item.items() if k in _RESULT_KEYS})
            except FormatError as exc:
                doc_id = item["id"] if isinstance(item.get("id"), str) else where
                return DocumentError(id=doc_id, message=f"not a readable parse result: {exc}")
            if not result.id:
                return DocumentError(id=where, message="expected a parse result with a string id")
    else:
        return DocumentError(id=where, message=f"expected a {{'id', 'text'}} document, got "
                                               f"{type(item).__name__}")
    doc = document_from_json(data if result is None else {"id": result.id, "text": result.text},
                             where=where)
    if isinstance(doc, DocumentError):
        return doc
    try:
        published = parse_published_at(data.get("published_at"))
    except ValueError as exc:
        return DocumentError(id=doc.id, message=str(exc))
    fields = {}
    for key in ("url", "outlet"):
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            return DocumentError(id=doc.id, message=f"expected {key!r} as a string, got "
                                                    f"{type(value).__name__}")
        fields[key] = value
    skip = _DOC_KEYS | (_RESULT_KEYS if result is not None else set())
    meta = {k: v for k, v in data.items() if k not in skip}
    identity = {"url": fields["url"], "outlet": fields["outlet"], "published_at": published,
                "meta": meta}
    try:
        digest = document_hash(doc.text, identity)
    except (TypeError, ValueError) as exc:
        return DocumentError(id=doc.id, message=f"metadata is not JSON: {exc}")
    return _Prepared(doc.id, doc.text, fields["url"], fields["outlet"], published, meta, digest,
                     result)


# --------------------------------------------------------------------------- worker processes

_WORKER: list[Parser] = []


def _init_worker(parser: Parser) -> None:
    _WORKER[:] = [parser]


#: a quote's fingerprint: its normalised words and its shingles
Prints = list[tuple[str, list[int]]]


def fingerprints(result: ParseResult) -> Prints:
    """The normalised words and shingles of each quote of ``result`` (made where it was parsed:
    in the worker processes with ``workers`` > 1, so the writing process does less)."""
    out = []
    for q in result.quotes:
        tokens = tokenize(q.content.text)
        out.append((" ".join(t.norm for t in tokens), shingles(words_of(tokens))))
    return out


def _parse_one(parser: Parser, doc_id: str,
               text: str) -> Union[tuple[ParseResult, Prints], DocumentError]:
    try:
        result = parser.parse(text, id=doc_id)
        return result, fingerprints(result)
    except Exception as exc:  # one bad document must not stop the others
        return DocumentError(id=doc_id, message=f"{type(exc).__name__}: {exc}")


def _parse_many(items: list[tuple[str, str]]) -> list[Any]:
    return [_parse_one(_WORKER[0], doc_id, text) for doc_id, text in items]


class _BareLink(NamedTuple):
    """What `Store._bare_targets` decided for one speaker with a bare name."""

    key: str  # its one-word person key
    target: Optional[str]  # the full key it is linked to, or None
    person: Optional[int]  # its person now
    evidence: Optional[str]  # what the link stands on ("full name in article; ...")
    stored: Optional[str]  # the evidence stored with the row


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[Any, Any] = {}

    def find(self, x: Any) -> Any:
        root = x
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while self.parent.get(x, x) != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: Any, b: Any) -> None:
        """Join a's set into b's (b's root stays the root)."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[ra] = rb


_QUOTE_SELECT = """
SELECT q.id, q.start, q."end", q.text, q.content_start, q.content_end, q.content, q.kind,
       q.paragraph, q.sieve, q.resolution, q.mention_start, q.mention_end, q.mention,
       q.cue_start, q.cue_end, q.cue, q.continues, q.cue_class, q.channel, q.cluster,
       d.doc_id, d.url, d.outlet, d.published_at, d.seq,
       s.local_id, s.name, s.kind, s.anonymous, s.anonymity_reason, s.title, s.affiliation,
       s.gender, p.id, p.name
FROM quotes q JOIN documents d ON d.id = q.document
LEFT JOIN speakers s ON s.id = q.speaker LEFT JOIN persons p ON p.id = s.person
"""


@functools.lru_cache(maxsize=128)
def _postings_sql(n: int) -> str:
    """One statement that reads, for each of ``n`` shingles (parameters ``?1`` to ``?n``), the
    `POSTINGS_READ` latest postings of the recent table and of the index: ``(shingle, quote)``
    rows, of which the caller keeps the `POSTINGS_READ` latest per shingle."""
    return " UNION ALL ".join(
        f"SELECT h, quote FROM (SELECT h, quote FROM {table} WHERE h = ?{k} ORDER BY quote "
        f"DESC LIMIT {POSTINGS_READ})" for k in range(1, n + 1)
        for table in ("shingles_recent", "shingles"))


def _span(start: Optional[int], end: Optional[int], text: Optional[str]) -> Optional[Span]:
    return None if start is None or end is None or text is None else Span(start, end, text)


def _stored_quote(row: Sequence[Any]) -> tuple[StoredQuote, int]:
    (qid, start, end, text, cstart, cend, content, kind, paragraph, sieve, resolution, mstart,
     mend, mention, custart, cuend, cue, continues, cue_class, channel, cluster, doc_id, url,
     outlet, published, seq, local_id, sname, skind, sanon, sreason, stitle, saff, sgender,
     pid, pname) = row
    speaker = None
    if sname is not None:
        speaker = Speaker(id=local_id, name=sname, kind=SpeakerKind(skind), anonymous=bool(sanon),
                          anonymity_reason=sreason, title=stitle, affiliation=saff,
                          gender=sgender)
    attribution = None
    if sieve is not None:
        attribution = Attribution(
            speaker=speaker, mention=_span(mstart, mend, mention), cue=_span(custart, cuend, cue),
            sieve=sieve, resolution=Resolution(resolution), continues=continues,
            cue_class=cue_class, channel=channel)
    quote = Quote(span=Span(start, end, text), content=Span(cstart, cend, content),
                  kind=QuoteKind(kind), paragraph=paragraph, attribution=attribution)
    return StoredQuote(id=qid, quote=quote, doc_id=doc_id, url=url, outlet=outlet,
                       published_at=published, person_id=pid, person=pname,
                       cluster=cluster), seq


#: the pause before opening a database again that another process is creating
_OPEN_RETRY_SECONDS = 0.05


class Store:
    """A quote store in one SQLite file (created when missing).

    ``parser``: the `Parser` that reads ingested documents (default: one that also finds
    numeric claims). ``timeout``: seconds to wait for another process's write lock.
    Use it as a context manager, or call `close`.
    """

    def __init__(self, path: Union[str, os.PathLike], *, parser: Optional[Parser] = None,
                 timeout: float = 60.0):
        self.path = os.fspath(path)
        self.parser = parser if parser is not None else Parser(claims=True)
        # postings in the shingle index, as last counted or merged (only the timing of merges
        # depends on it, never a result, so it may be stale when another process writes too)
        self._indexed: Optional[int] = None
        if os.path.isdir(self.path):
            raise StoreError(f"{self.path}: expected a database file, got a directory")
        try:
            self._db = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot open the database: {exc}") from None
        # Two processes opening a new file at once: SQLite answers "database is locked" at once,
        # without waiting, while the other switches the file to WAL or creates the schema (its
        # busy timeout does not cover a journal-mode change); the opening is tried again until
        # ``timeout``.
        deadline = time.monotonic() + timeout
        while True:
            try:
                self._db.execute("PRAGMA foreign_keys = ON")
                migrate(self._db, self.path)
                self._db.execute("PRAGMA journal_mode = WAL")
                self._db.execute("PRAGMA synchronous = NORMAL")
                # the shingle index is read at random: keep its pages in memory (64 MB at most)
                self._db.execute("PRAGMA cache_size = -65536")
                break
            except sqlite3.DatabaseError as exc:
                if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc) \
                        and time.monotonic() < deadline:
                    if self._db.in_transaction:
                        self._db.execute("ROLLBACK")
                    time.sleep(_OPEN_RETRY_SECONDS)
                    continue
                self._db.close()
                raise StoreError(f"{self.path}: expected a quotetrack database, got a file "
                                 f"SQLite cannot read ({exc})") from None
            except BaseException:
                self._db.close()
                raise

    # ----------------------------------------------------------------------- lifecycle

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _begin(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    # ----------------------------------------------------------------------- ingest

    def ingest(self, docs: Iterable[Any], *, workers: int = 1, batch_size: int = 64,
               on_error: Optional[Any] = None) -> IngestReport:
        """Parse and store documents; return what happened to each (`IngestReport`).

        ``docs`` holds ``{"id", "text", url?, outlet?, published_at?, ...}`` mappings (other
        keys are kept as metadata), `batch.Document` objects, `ParseResult` objects or their
        `serialize.result_to_dict` dicts (stored as they are, not parsed again), and
        `DocumentError` records (reported). ``workers`` > 1 parses in a process pool while this
        process writes. ``on_error(DocumentError)`` is called for each document that fails.
        """
        if not isinstance(workers, int) or isinstance(workers, bool) or workers < 1:
            raise StoreError(f"workers must be a positive integer, got {workers!r}")
        if not isinstance(batch_size, int) or isinstance(batch_size, bool) or batch_size < 1:
            raise StoreError(f"batch_size must be a positive integer, got {batch_size!r}")
        counts: collections.Counter[str] = collections.Counter()
        errors: list[DocumentError] = []

        def fail(error: DocumentError) -> None:
            errors.append(error)
            if on_error is not None:
                on_error(error)

        pool = None
        if workers > 1:
            pool = concurrent.futures.ProcessPoolExecutor(
                max_workers=workers, initializer=_init_worker, initargs=(self.parser,))
        try:
            pending: Optional[tuple[list, Any]] = None
            for batch in _batches(docs, batch_size):
                submitted = self._submit(batch, pool, workers)
                if pending is not None:
                    self._write_batch(*pending, counts, fail)
                pending = (batch, submitted)
            if pending is not None:
                self._write_batch(*pending, counts, fail)
        finally:
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)
        return IngestReport(added=counts["added"], replaced=counts["replaced"],
                            unchanged=counts["unchanged"], quotes=counts["quotes"],
                            errors=tuple(errors))

    def _submit(self, batch: list, pool: Any, workers: int) -> Any:
        """Start parsing the documents of ``batch`` that need it (not stored with this hash)."""
        ids = [p.doc_id for p in batch if isinstance(p, _Prepared)]
        known = dict(self._db.execute(
            f"SELECT doc_id, hash FROM documents WHERE doc_id IN ({','.join('?' * len(ids))})",
            ids).fetchall()) if ids else {}
        todo = [(p.doc_id, p.text) for p in batch if isinstance(p, _Prepared)
                and p.result is None and known.get(p.doc_id) != p.hash]
        if pool is None:
            return {doc_id: _parse_one(self.parser, doc_id, text) for doc_id, text in todo}
        size = max(1, -(-len(todo) // (2 * workers)))
        return [pool.submit(_parse_many, todo[i:i + size]) for i in range(0, len(todo), size)]

    def _write_batch(self, batch: list, submitted: Any, counts: collections.Counter,
                     fail: Any) -> None:
        if isinstance(submitted, dict):
            parsed = submitted
        else:
            parsed = {}
            for future in submitted:
                for r in future.result():
                    parsed[r.id if isinstance(r, DocumentError) else r[0].id] = r
        self._begin()
        try:
            for item in batch:
                if isinstance(item, DocumentError):
                    self._record_error(item)
                    fail(item)
                    continue
                result = (item.result, fingerprints(item.result)) if item.result is not None \
                    else parsed.get(item.doc_id)
                row = self._db.execute("SELECT id, hash, version FROM documents WHERE doc_id = ?",
                                       (item.doc_id,)).fetchone()
                if row is not None and row[1] == item.hash:
                    counts["unchanged"] += 1
                    continue
                if result is None:  # stored by another process meanwhile, then changed: parse
                    result = _parse_one(self.parser, item.doc_id, item.text)
                if isinstance(result, DocumentError):
                    self._record_error(result)
                    fail(result)
                    continue
                counts["replaced" if row is not None else "added"] += 1
                parse_result, prints = result
                counts["quotes"] += self._write_document(item, parse_result, prints, row)
            self._merge_recent()
            self._relink()
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise

    def _record_error(self, error: DocumentError) -> None:
        self._db.execute("INSERT INTO ingest_errors (doc_id, message, at) VALUES (?, ?, ?)",
                         (error.id, error.message, _now()))

    def _write_document(self, prep: _Prepared, result: ParseResult, prints: Prints,
                        row: Optional[tuple]) -> int:
        db = self._db
        seq = db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM documents").fetchone()[0]
        meta = json.dumps(prep.meta, ensure_ascii=False)
        if row is not None:
            doc, _, version = row
            db.execute(
                "INSERT INTO document_versions (doc_id, version, hash, url, outlet, "
                "published_at, meta, quotes, ingested_at, replaced_at) SELECT doc_id, version, "
                "hash, url, outlet, published_at, meta, (SELECT COUNT(*) FROM quotes WHERE "
                "document = ?), ingested_at, ? FROM documents WHERE id = ?", (doc, _now(), doc))
            self._delete_content(doc)
            db.execute("UPDATE documents SET hash = ?, version = ?, seq = ?, url = ?, outlet = ?, "
                       "published_at = ?, meta = ?, text = ?, ingested_at = ? WHERE id = ?",
                       (prep.hash, version + 1, seq, prep.url, prep.outlet, prep.published_at,
                        meta, prep.text, _now(), doc))
        else:
            doc = db.execute(
                "INSERT INTO documents (doc_id, hash, version, seq, url, outlet, published_at, "
                "meta, text, ingested_at) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?)",
                (prep.doc_id, prep.hash, seq, prep.url, prep.outlet, prep.published_at, meta,
                 prep.text, _now())).lastrowid or 0
        speaker_rows: dict[int, int] = {}
        for s in result.speakers:
            key = name_key(s.name, s.kind.value, s.anonymous, document=doc,
                                  local_id=s.id)
            speaker_rows[s.id] = db.execute(
                "INSERT INTO speakers (document, local_id, name, kind, anonymous, "
                "anonymity_reason, title, affiliation, gender, name_key) VALUES "
                "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (doc, s.id, s.name, s.kind.value, int(s.anonymous), s.anonymity_reason, s.title,
                 s.affiliation, s.gender, key)).lastrowid or 0
        for i, q in enumerate(result.quotes):
            self._write_quote(doc, i, q, speaker_rows, *prints[i])
        for c in result.claims:
            db.execute(
                "INSERT INTO claims (document, speaker, start, \"end\", text, sentence_start, "
                "sentence_end, sentence, value, qualifier, unit, low, high, source, rule) VALUES "
                "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (doc, speaker_rows.get(c.asserted_by.id) if c.asserted_by is not None else None,
                 c.span.start, c.span.end, c.span.text, c.sentence.start, c.sentence.end,
                 c.sentence.text, c.quantity.value, c.quantity.qualifier.value, c.quantity.unit,
                 c.quantity.low, c.quantity.high, c.source.value, c.rule))
        return len(result.quotes)

    def _write_quote(self, doc: int, index: int, q: Quote, speaker_rows: Mapping[int, int],
                     norm: str, keys: list[int]) -> None:
        words = words_of_norm(norm)
        att = q.attribution
        sp = att.speaker if att else None
        mention, cue = (att.mention, att.cue) if att else (None, None)
        qid = self._db.execute(
            "INSERT INTO quotes (document, idx, start, \"end\", text, content_start, content_end, "
            "content, norm, norm_hash, words, kind, paragraph, speaker, sieve, resolution, "
            "mention_start, mention_end, mention, cue_start, cue_end, cue, continues, cue_class, "
            "channel) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, ?, ?)",
            (doc, index, q.span.start, q.span.end, q.span.text, q.content.start, q.content.end,
             q.content.text, norm, norm_hash(norm), len(words), q.kind.value, q.paragraph,
             speaker_rows.get(sp.id) if sp is not None else None,
             att.sieve if att else None, att.resolution.value if att else None,
             mention.start if mention else None, mention.end if mention else None,
             mention.text if mention else None, cue.start if cue else None,
             cue.end if cue else None, cue.text if cue else None,
             att.continues if att else None, att.cue_class if att else None,
             att.channel if att else None)).lastrowid or 0
        self._cluster_quote(qid, q.kind, words, norm, keys)

    # ----------------------------------------------------------------------- clustering

    def _candidates(self, keys: Sequence[int], norm: Optional[str], exclude: int,
                    limit: int = MAX_CANDIDATES) -> list[tuple[int, int]]:
        """``(quote id, shingles shared)`` for quotes that share shingles with ``keys`` (most
        shared first), then earlier quotes with the same words.

        Per shingle only the `POSTINGS_READ` latest quotes are read: finding one member of a
        cluster is enough to join it, and a phrase in thousands of quotes ("we'll see") costs
        no more than a rare one, so the work per quote does not grow with the archive.
        """
        shared: collections.Counter[int] = collections.Counter()
        db = self._db
        own = not db.in_transaction  # both tables in one snapshot (a merge may run meanwhile)
        if own:
            db.execute("BEGIN")
        try:
            for start in range(0, len(keys), 100):  # one statement for up to 100 shingles
                part = keys[start:start + 100]
                rows = db.execute(_postings_sql(len(part)), part).fetchall()
                if max(collections.Counter(h for h, _ in rows).values(),
                       default=0) <= POSTINGS_READ:
                    shared.update(q for _, q in rows)
                    continue
                per_key: dict[int, list[int]] = {}
                for h, q in rows:
                    per_key.setdefault(h, []).append(q)
                for quotes in per_key.values():  # the latest over both tables
                    shared.update(sorted(quotes, reverse=True)[:POSTINGS_READ])
        finally:
            if own:
                db.execute("COMMIT")
        shared.pop(exclude, None)
        least = min(MIN_SHARED_SHINGLES, len(keys))
        found = [(q, n) for q, n in sorted(shared.items(), key=lambda kv: (-kv[1], -kv[0]))
                 if n >= least][:limit]
        if norm is not None:
            found += [(q, len(keys)) for (q,) in self._db.execute(
                "SELECT id FROM quotes WHERE norm_hash = ? AND id != ? ORDER BY id DESC LIMIT ?",
                (norm_hash(norm), exclude, limit))]
        first: dict[int, int] = {}
        for q, n in found:
            first.setdefault(q, n)
        return list(first.items())

    def _cluster_quote(self, qid: int, kind: QuoteKind, words: list[str], norm: str,
                       keys: list[int]) -> None:
        db = self._db
        if len(words) < MIN_CLUSTER_WORDS or kind is QuoteKind.OTHER:
            db.execute("UPDATE quotes SET cluster = ? WHERE id = ?", (qid, qid))
            return
        found = self._candidates(keys, norm, qid)
        ids = [q for q, _ in found]
        rows = {r[0]: r for r in (db.execute(
            f"SELECT id, norm, cluster, kind, words FROM quotes WHERE id IN "
            f"({','.join('?' * len(ids))})", ids) if ids else ())}
        links = []
        per_cluster: collections.Counter[int] = collections.Counter()
        for cid, n_shared in found:  # most shared shingles first
            _, cnorm, cluster, ckind, cwords = rows[cid]
            if ckind == QuoteKind.OTHER.value or cwords < MIN_CLUSTER_WORDS:
                continue
            if per_cluster[cluster] >= LINKS_PER_CLUSTER:
                continue  # linked to this statement already: one more check would add nothing
            if cnorm != norm and n_shared < MIN_SHARED_SHARE * (min(cwords, len(words)) - 2):
                continue  # too few runs in common for any relation below
            rel = Relation("exact", 1.0) if cnorm == norm else relate_words(
                words_of_norm(cnorm), words)
            if rel is not None:
                links.append((cid, cluster, rel))
                per_cluster[cluster] += 1
        db.executemany("INSERT INTO shingles_recent (h, quote) VALUES (?, ?)",
                       [(h, qid) for h in keys])
        db.executemany("INSERT OR REPLACE INTO quote_links (a, b, relation, score) VALUES "
                       "(?, ?, ?, ?)", [(cid, qid, rel.kind, rel.score) for cid, _, rel in links])
        clusters = sorted({c for _, c, _ in links})
        target = clusters[0] if clusters else qid
        db.execute("UPDATE quotes SET cluster = ? WHERE id = ?", (target, qid))
        for other in clusters[1:]:  # the new quote joins clusters: merge them into the oldest
            db.execute("UPDATE quotes SET cluster = ? WHERE cluster = ?", (target, other))

    def _merge_recent(self) -> None:
        """Move the recent postings into the shingle index, in key order, once they are more
        than `RECENT_POSTINGS` and more than 1/`RECENT_SHARE` of the index's.

        New postings have random keys. Inserted one by one into a large index, each changes a
        page of its own once the index has more pages than a transaction has postings, and
        every changed page is written at commit: the work per quote would grow with the
        archive. Inserted into the small recent table, they change a few hundred pages per
        transaction; a merge writes each page of the index once for an eighth of its size in
        new postings, so each posting costs the same whatever the archive's size. Every recent
        posting is newer than the index's (a merge moves them all), so reading the latest of
        each table finds the same postings as one index would.
        """
        db = self._db
        (recent,) = db.execute("SELECT COUNT(*) FROM shingles_recent").fetchone()
        if recent <= RECENT_POSTINGS:
            return
        if self._indexed is None:  # counted once per Store; merges keep it up to date
            (self._indexed,) = db.execute("SELECT COUNT(*) FROM shingles").fetchone()
        if recent * RECENT_SHARE <= self._indexed:
            return
        db.execute("INSERT INTO shingles (h, quote) SELECT h, quote FROM shingles_recent "
                   "ORDER BY h, quote")
        db.execute("DELETE FROM shingles_recent")
        self._indexed += recent

    def _delete_content(self, doc: int) -> None:
        """Remove a document's quotes, speakers and claims; re-split the clusters they were in."""
        db = self._db
        rows = db.execute("SELECT id, cluster, norm FROM quotes WHERE document = ?",
                          (doc,)).fetchall()
        affected = {cluster for _, cluster, _ in rows}
        for qid, _, _ in rows:
            db.execute("DELETE FROM shingles WHERE quote = ?", (qid,))
            db.execute("DELETE FROM shingles_recent WHERE quote = ?", (qid,))
            db.execute("DELETE FROM quote_links WHERE a = ? OR b = ?", (qid, qid))
        db.execute("DELETE FROM quotes WHERE document = ?", (doc,))
        db.execute("DELETE FROM claims WHERE document = ?", (doc,))
        db.execute("DELETE FROM speakers WHERE document = ?", (doc,))
        for cluster in affected:
            self._recluster(cluster)

    def _recluster(self, cluster: int) -> None:
        """Recompute the connected parts of one cluster from its stored links."""
        db = self._db
        members = [q for (q,) in db.execute("SELECT id FROM quotes WHERE cluster = ?", (cluster,))]
        if not members:
            return
        uf = _UnionFind()
        member_set = set(members)
        for start in range(0, len(members), 500):
            part = members[start:start + 500]
            for a, b in db.execute(
                    f"SELECT a, b FROM quote_links WHERE a IN ({','.join('?' * len(part))})",
                    part):
                if b in member_set:
                    uf.union(max(a, b), min(a, b))
        roots: dict[int, int] = {}
        for q in members:
            root = uf.find(q)
            roots[root] = min(roots.get(root, q), q)
        db.executemany("UPDATE quotes SET cluster = ? WHERE id = ?",
                       [(roots[uf.find(q)], q) for q in members])

    # ----------------------------------------------------------------------- people

    def _corrections(self) -> list[tuple]:
        return self._db.execute(
            "SELECT id, action, key_a, key_b, documents FROM corrections ORDER BY id").fetchall()

    def _relink(self) -> None:
        """Bring each speaker's person up to date: automatic links, then the user's corrections.

        A full name, an organisation or a group is its own key's person; a bare name is
        decided per speaker (`_bare_targets`). Merges join keys, detached bare names are never
        linked, and splits move a person's rows in given documents to a person of their own.
        """
        db = self._db
        corrections = self._corrections()
        detached = frozenset(a for _, action, a, _, _ in corrections if action == "detach")
        keys = [k for (k,) in db.execute("SELECT DISTINCT name_key FROM speakers")]
        uf = _UnionFind()
        for _, action, a, b, _ in corrections:
            if action == "merge":
                uf.union(a, b)
        final = {k: (k if k in detached else uf.find(k)) for k in keys}
        old = dict(db.execute("SELECT name_key, person_key FROM name_links"))
        fresh = {k for (k,) in db.execute(
            "SELECT DISTINCT name_key FROM speakers WHERE person IS NULL")}
        for key, person_key in final.items():
            if not is_bare(key) and (old.get(key) != person_key or key in fresh):
                db.execute("UPDATE speakers SET person = ? WHERE name_key = ?",
                           (self._person_id(person_key), key))
        db.executemany("INSERT OR REPLACE INTO name_links (name_key, person_key) VALUES (?, ?)",
                       [(k, v) for k, v in final.items() if old.get(k) != v])
        gone = [k for k in old if k not in final]
        db.executemany("DELETE FROM name_links WHERE name_key = ?", [(k,) for k in gone])
        bare = self._bare_targets(keys, detached)
        for sid, link in bare.items():
            pid = self._person_id(final.get(link.key, link.key) if link.target is None else
                                  uf.find(link.target))
            if pid != link.person or link.evidence != link.stored:
                db.execute("UPDATE speakers SET person = ?, link_evidence = ? WHERE id = ?",
                           (pid, link.evidence, sid))
        # a split moves a person's rows in given documents to a person of its own; the rows of
        # every document named in a split are recomputed from their names and all corrections,
        # in order, so the result never depends on the order of earlier ingests
        splits = [(a, frozenset(json.loads(documents)), b)
                  for _, action, a, b, documents in corrections if action == "split"]
        split_docs = sorted(set().union(*(d for _, d, _ in splits))) if splits else []
        for start in range(0, len(split_docs), 500):
            part = split_docs[start:start + 500]
            rows = db.execute(
                f"SELECT s.id, s.name_key, d.doc_id, s.person FROM speakers s JOIN documents d "
                f"ON d.id = s.document WHERE d.doc_id IN ({','.join('?' * len(part))})",
                part).fetchall()
            for sid, key, doc_id, current in rows:
                target = bare[sid].target if sid in bare else None
                person_key = final.get(key, key) if target is None else uf.find(target)
                for a, docs, b in splits:
                    if doc_id in docs and person_key == uf.find(a):
                        person_key = uf.find(b)
                pid = self._person_id(person_key)
                if pid != current:
                    db.execute("UPDATE speakers SET person = ? WHERE id = ?", (pid, sid))

    def _bare_targets(self, keys: Sequence[str], detached: frozenset[str]
                      ) -> dict[int, _BareLink]:
        """The link of each speaker row with a bare name, by row id. A bare name links to the
        one full name ending in it that has evidence in the bare name's own document
        (`names.bare_evidence`); the evidence is kept in ``speakers.link_evidence`` ("full name
        in article; same statement"), so a link can be explained."""
        db = self._db
        candidates = surname_index(keys)
        rows = db.execute(
            "SELECT id, name_key, document, title, affiliation, text_names, person, "
            "link_evidence FROM speakers WHERE name_key GLOB 'p:*' AND name_key NOT GLOB "
            "'* *'").fetchall()
        out = {sid: _BareLink(key, None, person, None, was)
               for sid, key, _, _, _, _, person, was in rows}
        todo = [r for r in rows if r[1] not in detached and r[1][2:] in candidates
                and not is_title_word(r[1][2:])]
        if not todo:
            return out
        # the full names each bare name's article prints: read once per speaker row
        for sid, key, doc, _, _, names, _, _ in todo:
            if names is None:
                (text,) = db.execute("SELECT text FROM documents WHERE id = ?",
                                     (doc,)).fetchone()
                names = json.dumps(full_names_in(text, key[2:]))
                db.execute("UPDATE speakers SET text_names = ? WHERE id = ?", (names, sid))
        text_names = dict(db.execute(
            "SELECT id, text_names FROM speakers WHERE name_key GLOB 'p:*' AND name_key NOT "
            "GLOB '* *' AND text_names IS NOT NULL"))
        wanted = sorted({c for r in todo for c in candidates[r[1][2:]]})
        roles: dict[str, tuple[list, list]] = {c: ([], []) for c in wanted}
        clusters: dict[Any, set[int]] = collections.defaultdict(set)
        for start in range(0, len(wanted), 500):
            part = wanted[start:start + 500]
            marks = ",".join("?" * len(part))
            for key, title, affiliation in db.execute(
                    f"SELECT name_key, title, affiliation FROM speakers WHERE name_key IN "
                    f"({marks})", part):
                roles[key][0].append(title)
                roles[key][1].append(affiliation)
            for key, cluster in db.execute(
                    f"SELECT s.name_key, q.cluster FROM quotes q JOIN speakers s ON s.id = "
                    f"q.speaker WHERE s.name_key IN ({marks})", part):
                clusters[key].add(cluster)
        ids = [r[0] for r in todo]
        for start in range(0, len(ids), 500):
            part = ids[start:start + 500]
            for sid, cluster in db.execute(
                    f"SELECT speaker, cluster FROM quotes WHERE speaker IN "
                    f"({','.join('?' * len(part))})", part):
                clusters[sid].add(cluster)
        for sid, key, _, title, affiliation, _, person, was in todo:
            evidence = {c: bare_evidence(
                text_names=json.loads(text_names.get(sid) or "[]"), title=title,
                affiliation=affiliation, clusters=clusters.get(sid, ()), candidate=c,
                candidate_titles=roles[c][0], candidate_affiliations=roles[c][1],
                candidate_clusters=clusters.get(c, ())) for c in candidates[key[2:]]}
            target = link_bare(evidence)
            why = "; ".join(evidence[target].reasons()) if target is not None else None
            out[sid] = _BareLink(key, target, person, why, was)
        return out

    def _person_id(self, key: str) -> int:
        row = self._db.execute("SELECT id FROM persons WHERE key = ?", (key,)).fetchone()
        if row is not None:
            return row[0]
        base = key.split("#", 1)[0]
        sample = self._db.execute(
            "SELECT name, kind, anonymous FROM speakers WHERE name_key = ? "
            "ORDER BY length(name) DESC LIMIT 1", (base,)).fetchone()
        if sample is None:
            sample = (base.split(":", 1)[-1], "person", int(base.startswith("a:")))
        return self._db.execute("INSERT INTO persons (key, name, kind, anonymous) VALUES "
                                "(?, ?, ?, ?)", (key, *sample)).lastrowid or 0

    def _person_key(self, who: Union[int, str]) -> tuple[int, str]:
        """The person id and key for a person id or a name (`StoreError` when none or several)."""
        db = self._db
        if isinstance(who, int) and not isinstance(who, bool):
            row = db.execute("SELECT id, key FROM persons WHERE id = ?", (who,)).fetchone()
            if row is None:
                raise StoreError(f"no person with id {who} in the store")
            return row
        if not isinstance(who, str) or not who.strip():
            raise StoreError(f"expected a person id or name, got {who!r}")
        if who.strip().isdigit():
            return self._person_key(int(who))
        words = person_words(who)
        rows = []
        if words:
            key = f"p:{' '.join(words)}"
            rows = db.execute(
                "SELECT DISTINCT p.id, p.key FROM name_links l JOIN persons p ON p.key = "
                "l.person_key JOIN speakers s ON s.person = p.id WHERE l.name_key = ?",
                (key,)).fetchall()
            if is_bare(key):  # linked per document: the people its speakers are linked to
                rows = sorted(set(rows) | set(db.execute(
                    "SELECT DISTINCT p.id, p.key FROM speakers s JOIN persons p ON p.id = "
                    "s.person WHERE s.name_key = ?", (key,)).fetchall()))
        if not rows:
            rows = db.execute("SELECT id, key FROM persons WHERE name = ? COLLATE NOCASE",
                              (who.strip(),)).fetchall()
        if len(rows) == 1:
            return rows[0]
        if not rows:
            raise StoreError(f"no person named {who!r} in the store; `quotetrack db people` "
                             "lists them")
        raise StoreError(f"{who!r} names {len(rows)} people (ids "
                         f"{', '.join(str(r[0]) for r in rows)}); give the id instead")

    def _person_ids(self, who: Union[int, str]) -> list[int]:
        return [self._person_key(who)[0]]

    def merge(self, a: Union[int, str], b: Union[int, str]) -> Person:
        """Link person ``a`` to person ``b`` (ids or names): from now on, and after any
        re-ingest, their quotes are ``b``'s. Returns ``b`` as it now is."""
        (ida, key_a), (idb, key_b) = self._person_key(a), self._person_key(b)
        if ida == idb:
            raise StoreError(f"{a!r} and {b!r} are already the same person (id {ida})")
        self._begin()
        try:
            self._db.execute("INSERT INTO corrections (action, key_a, key_b, created_at) VALUES "
                             "('merge', ?, ?, ?)", (key_a, key_b, _now()))
            self._relink()
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        return self.person(idb)

    def split(self, who: Union[int, str], *, documents: Sequence[str] = (),
              name: Optional[str] = None) -> Person:
        """Undo a wrong link. With ``documents``: the person's quotes in those documents become
        a person of their own (returned). With ``name``: that name as written (such as a bare
        surname) is no longer linked to anyone else (its person is returned). The correction is
        kept and applied again after every ingest."""
        pid, key = self._person_key(who)
        if bool(documents) == (name is not None):
            raise StoreError("split needs either documents or a name (not both)")
        self._begin()
        try:
            if name is not None:
                words = person_words(name)
                detach_key = f"p:{' '.join(words)}"
                if not words or not self._db.execute(
                        "SELECT 1 FROM speakers WHERE name_key = ? AND person = ?",
                        (detach_key, pid)).fetchone():
                    raise StoreError(f"{name!r} is not a name of person {pid} ({who!r})")
                self._db.execute("INSERT INTO corrections (action, key_a, created_at) VALUES "
                                 "('detach', ?, ?)", (detach_key, _now()))
                new_key = detach_key
            else:
                docs = [str(d) for d in documents]
                cid = self._db.execute(
                    "INSERT INTO corrections (action, key_a, documents, created_at) VALUES "
                    "('split', ?, ?, ?)", (key, json.dumps(docs), _now())).lastrowid or 0
                new_key = f"{key}#split{cid}"
                self._db.execute("UPDATE corrections SET key_b = ? WHERE id = ?", (new_key, cid))
            self._relink()
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        return self.person(self._person_id(new_key))

    def people(self, *, name: Optional[str] = None, include_all: bool = False,
               limit: Optional[int] = None) -> list[Person]:
        """People with their quote counts, names, titles and affiliations, most quoted first.
        Organisations, groups and anonymous sources only with ``include_all``."""
        where, args = [], []
        if not include_all:
            where.append("p.kind = 'person' AND p.anonymous = 0")
        if name is not None:
            where.append("p.id = ?")
            args.append(self._person_key(name)[0])
        sql = ("SELECT p.id, p.name, p.kind, p.anonymous, COUNT(q.id), COUNT(DISTINCT s.document) "
               "FROM persons p JOIN speakers s ON s.person = p.id LEFT JOIN quotes q ON "
               "q.speaker = s.id" + (" WHERE " + " AND ".join(where) if where else "") +
               " GROUP BY p.id ORDER BY COUNT(q.id) DESC, p.name, p.id")
        if limit is not None:
            sql += " LIMIT ?"
            args.append(int(limit))
        return [self._person_record(row) for row in self._db.execute(sql, args).fetchall()]

    def _person_record(self, row: Sequence[Any]) -> Person:
        pid, pname, kind, anonymous, quotes, documents = row
        names = tuple(n for (n,) in self._db.execute(
            "SELECT DISTINCT name FROM speakers WHERE person = ? ORDER BY name", (pid,)))
        roles = tuple(self._db.execute(
            "SELECT DISTINCT s.title, s.affiliation, d.doc_id, d.published_at FROM speakers s "
            "JOIN documents d ON d.id = s.document WHERE s.person = ? AND (s.title IS NOT NULL "
            "OR s.affiliation IS NOT NULL) ORDER BY d.published_at IS NULL, d.published_at, "
            "d.seq", (pid,)).fetchall())
        return Person(id=pid, name=pname, kind=kind, anonymous=bool(anonymous), quotes=quotes,
                      documents=documents, names=names, roles=roles)

    def person(self, who: Union[int, str]) -> Person:
        """One person (id or name) with counts, names and roles."""
        pid = self._person_key(who)[0]
        row = self._db.execute(
            "SELECT p.id, p.name, p.kind, p.anonymous, COUNT(q.id), COUNT(DISTINCT s.document) "
            "FROM persons p LEFT JOIN speakers s ON s.person = p.id LEFT JOIN quotes q ON "
            "q.speaker = s.id WHERE p.id = ? GROUP BY p.id", (pid,)).fetchone()
        return self._person_record(row)

    # ----------------------------------------------------------------------- queries

    def quotes(self, *, person: Union[int, str, None] = None, outlet: Optional[str] = None,
               since: Optional[str] = None, until: Optional[str] = None,
               kind: Optional[str] = None, cue_class: Optional[str] = None,
               doc_id: Optional[str] = None, limit: Optional[int] = None) -> list[StoredQuote]:
        """Quotes that match every filter given, by date (undated last), then ingest order."""
        return list(self.iter_quotes(person=person, outlet=outlet, since=since, until=until,
                                     kind=kind, cue_class=cue_class, doc_id=doc_id, limit=limit))

    def iter_quotes(self, *, person: Union[int, str, None] = None, outlet: Optional[str] = None,
                    since: Optional[str] = None, until: Optional[str] = None,
                    kind: Optional[str] = None, cue_class: Optional[str] = None,
                    doc_id: Optional[str] = None,
                    limit: Optional[int] = None) -> Iterator[StoredQuote]:
        """`quotes`, one at a time (for exports of the whole store)."""
        where: list[str] = []
        args: list[Any] = []
        if person is not None:
            where.append("p.id = ?")
            args.append(self._person_key(person)[0])
        if outlet is not None:
            where.append("d.outlet = ?")
            args.append(outlet)
        for op, value, label in ((">=", since, "since"), ("<=", until, "until")):
            if value is not None:
                try:
                    when = parse_published_at(value)
                except ValueError as exc:
                    raise StoreError(f"{label}: {exc}") from None
                if when is not None and label == "until" and len(value.strip()) == 10:
                    when = when[:10] + "T23:59:59.999999"  # a whole day
                where.append(f"d.published_at {op} ?")
                args.append(when)
        if kind is not None:
            known = [k.value for k in QuoteKind]
            if kind not in known:
                raise StoreError(f"unknown quote kind {kind!r}; expected one of {known}")
            where.append("q.kind = ?")
            args.append(kind)
        if cue_class is not None:
            where.append("q.cue_class = ?")
            args.append(cue_class)
        if doc_id is not None:
            where.append("d.doc_id = ?")
            args.append(doc_id)
        sql = _QUOTE_SELECT + (" WHERE " + " AND ".join(where) if where else "") + \
            " ORDER BY d.published_at IS NULL, d.published_at, d.seq, q.idx"
        if limit is not None:
            sql += " LIMIT ?"
            args.append(int(limit))
        for row in self._db.execute(sql, args):
            yield _stored_quote(row)[0]

    def search(self, phrase: str, *, limit: int = 100) -> list[StoredQuote]:
        """Quotes whose words contain ``phrase``, always read as a literal phrase (full-text
        index; no search syntax and no SQL is taken from it)."""
        if not isinstance(phrase, str):
            raise StoreError(f"search expects a str phrase, got {type(phrase).__name__}")
        if len(phrase) > MAX_SEARCH_CHARS:
            raise StoreError(f"search phrase has {len(phrase)} characters; expected at most "
                             f"{MAX_SEARCH_CHARS} (no quote is longer)")
        words = words_of(tokenize(phrase.replace("\x00", " ")))
        if not words:
            return []
        literal = '"' + " ".join(words).replace('"', '""') + '"'
        sql = _QUOTE_SELECT + (" WHERE q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts "
                               "MATCH ?) ORDER BY d.published_at IS NULL, d.published_at, "
                               "d.seq, q.idx LIMIT ?")
        return [_stored_quote(r)[0] for r in self._db.execute(sql, (literal, int(limit)))]

    def claims(self, *, person: Union[int, str, None] = None,
               limit: Optional[int] = None) -> list[StoredClaim]:
        """Numeric claims, those asserted by ``person`` when given."""
        where, args = "", []
        if person is not None:
            where = " WHERE p.id = ?"
            args.append(self._person_key(person)[0])
        sql = ("SELECT c.start, c.\"end\", c.text, c.sentence_start, c.sentence_end, c.sentence, "
               "c.value, c.qualifier, c.unit, c.low, c.high, c.source, c.rule, d.doc_id, "
               "d.published_at, s.local_id, s.name, s.kind, s.anonymous, p.id, p.name FROM "
               "claims c JOIN documents d ON d.id = c.document LEFT JOIN speakers s ON s.id = "
               "c.speaker LEFT JOIN persons p ON p.id = s.person" + where +
               " ORDER BY d.published_at IS NULL, d.published_at, d.seq, c.start")
        if limit is not None:
            sql += " LIMIT ?"
            args.append(int(limit))
        out = []
        for (start, end, text, ss, se, sentence, value, qualifier, unit, low, high, source, rule,
             doc_id, published, local_id, sname, skind, sanon, pid, pname) in \
                self._db.execute(sql, args):
            speaker = None if sname is None else Speaker(
                id=local_id, name=sname, kind=SpeakerKind(skind), anonymous=bool(sanon))
            claim = Claim(span=Span(start, end, text), sentence=Span(ss, se, sentence),
                          quantity=Quantity(value=value, qualifier=Qualifier(qualifier),
                                            unit=unit, low=low, high=high),
                          source=ClaimSource(source), asserted_by=speaker, rule=rule)
            out.append(StoredClaim(claim=claim, doc_id=doc_id, person_id=pid, person=pname,
                                   published_at=published))
        return out

    def document(self, doc_id: str) -> StoredDocument:
        """The current version of a document (`StoreError` when it is not in the store)."""
        row = self._db.execute(
            "SELECT d.doc_id, d.hash, d.version, d.url, d.outlet, d.published_at, d.meta, "
            "d.ingested_at, (SELECT COUNT(*) FROM quotes WHERE document = d.id) FROM documents d "
            "WHERE d.doc_id = ?", (doc_id,)).fetchone()
        if row is None:
            raise StoreError(f"no document with id {doc_id!r} in the store")
        return StoredDocument(doc_id=row[0], hash=row[1], version=row[2], url=row[3],
                              outlet=row[4], published_at=row[5], meta=json.loads(row[6]),
                              ingested_at=row[7], quotes=row[8])

    def documents(self) -> list[StoredDocument]:
        """Every document's current version, in ingest order."""
        return [self.document(d) for (d,) in self._db.execute(
            "SELECT doc_id FROM documents ORDER BY seq")]

    def versions(self, doc_id: str) -> list[StoredDocument]:
        """The records of a document's earlier versions, oldest first."""
        return [StoredDocument(doc_id=r[0], hash=r[1], version=r[2], url=r[3], outlet=r[4],
                               published_at=r[5], meta=json.loads(r[6]), ingested_at=r[7],
                               quotes=r[8])
                for r in self._db.execute(
                    "SELECT doc_id, hash, version, url, outlet, published_at, meta, ingested_at, "
                    "quotes FROM document_versions WHERE doc_id = ? ORDER BY version", (doc_id,))]

    def errors(self) -> list[DocumentError]:
        """Every document that failed in any ingest, oldest first."""
        return [DocumentError(id=i, message=m) for i, m in self._db.execute(
            "SELECT doc_id, message FROM ingest_errors ORDER BY id")]

    # ----------------------------------------------------------------------- recurrence

    def _find_quote(self, quote: Union[int, str]) -> int:
        if isinstance(quote, int) and not isinstance(quote, bool):
            if not self._db.execute("SELECT 1 FROM quotes WHERE id = ?", (quote,)).fetchone():
                raise StoreError(f"no quote with id {quote} in the store")
            return quote
        if not isinstance(quote, str):
            raise StoreError(f"expected a quote id or the quote's words, got {quote!r:.40}")
        if quote.strip().isdigit():
            return self._find_quote(int(quote.strip()))
        verdict = self.verify(quote)
        if not verdict.found:
            found = self.search(quote, limit=50)  # a few words: the quotes that contain them
            clusters = {q.cluster for q in found}
            if len(clusters) == 1:
                return found[0].id
            if not found:
                raise StoreError(f"no quote in the store matches {quote!r:.80}")
            raise StoreError(f"{quote!r:.80} is in {len(clusters)} different quotes (ids "
                             f"{', '.join(str(q.id) for q in found[:10])}); give more words "
                             "or a quote id")
        m = verdict.matches[0]
        row = self._db.execute(
            "SELECT q.id FROM quotes q JOIN documents d ON d.id = q.document WHERE d.doc_id = ? "
            "AND q.start = ? AND q.\"end\" = ?", (m.doc_id, m.quote_start, m.quote_end)).fetchone()
        return row[0]

    def trace(self, quote: Union[int, str]) -> Trace:
        """Every appearance of the statement of ``quote`` (a quote id, or its words), earliest
        first, with each one's attribution and its word diff against the earliest."""
        qid = self._find_quote(quote)
        (cluster,) = self._db.execute("SELECT cluster FROM quotes WHERE id = ?",
                                      (qid,)).fetchone()
        rows = [_stored_quote(r) for r in self._db.execute(
            _QUOTE_SELECT + " WHERE q.cluster = ?", (cluster,))]
        rows.sort(key=lambda r: (r[0].published_at is None, r[0].published_at or "", r[1],
                                 r[0].quote.span.start))
        first = rows[0][0]
        first_tokens = tokenize(first.quote.content.text)
        appearances = []
        for stored, seq in rows:
            if stored is first:
                appearances.append(Appearance(quote=stored, relation="earliest", seq=seq))
                continue
            tokens = tokenize(stored.quote.content.text)
            base = first_tokens
            wa, wb = words_of(first_tokens), words_of(tokens)
            if len(wb) < len(wa):  # compare with the part of the earliest it lines up with
                i, j = align_window(wa, wb)
                word_tokens = [t for t in first_tokens if t.kind == "word"]
                if j > i:
                    lo, hi = word_tokens[i].start, word_tokens[j - 1].end
                    base = [t for t in first_tokens if lo <= t.start and t.end <= hi]
            rel = relate(first_tokens, tokens)
            diff = word_diff(base, tokens)
            relation = rel.kind if rel is not None else "linked"
            if relation == "variant" and not diff.altered:
                relation = "edited"
            appearances.append(Appearance(quote=stored, relation=relation, diff=diff, seq=seq))
        return Trace(cluster=cluster, appearances=tuple(appearances),
                     dates_missing=any(a.quote.published_at is None for a in appearances))

    def clusters(self, *, min_documents: int = 2, limit: Optional[int] = 20) -> list[dict]:
        """Statements that appear in at least ``min_documents`` documents, most widespread first:
        ``{"cluster", "quotes", "documents", "variants", "text"}`` (the earliest wording)."""
        sql = ("SELECT q.cluster, COUNT(*), COUNT(DISTINCT q.document) FROM quotes q GROUP BY "
               "q.cluster HAVING COUNT(DISTINCT q.document) >= ? ORDER BY 3 DESC, 2 DESC, 1")
        args: list[Any] = [min_documents]
        if limit is not None:
            sql += " LIMIT ?"
            args.append(int(limit))
        out = []
        for cluster, n, docs in self._db.execute(sql, args).fetchall():
            variants = self._db.execute(
                "SELECT COUNT(*) FROM quote_links l JOIN quotes q ON q.id = l.b WHERE "
                "q.cluster = ? AND l.relation = 'variant'", (cluster,)).fetchone()[0]
            (text,) = self._db.execute(
                "SELECT q.content FROM quotes q JOIN documents d ON d.id = q.document WHERE "
                "q.cluster = ? ORDER BY d.published_at IS NULL, d.published_at, d.seq LIMIT 1",
                (cluster,)).fetchone()
            out.append({"cluster": cluster, "quotes": n, "documents": docs,
                        "variants": variants, "text": text})
        return out

    # ----------------------------------------------------------------------- verify

    def verify(self, text: str, *, speaker: Optional[str] = None) -> Verdict:
        """Was ``text`` said, and by ``speaker``? See `quotetrack.store.verify`: ``exact``,
        ``normalized``, ``fragment``, ``edited``, ``altered`` or ``not_found``, with the
        best-matching spans as character offsets into the source documents."""
        if not isinstance(text, str):
            raise StoreError(f"verify expects the quoted text as str, got {type(text).__name__}")
        if len(text) > MAX_SEARCH_CHARS:
            raise StoreError(f"the text to verify has {len(text)} characters; expected at most "
                             f"{MAX_SEARCH_CHARS} (no quote is longer)")
        tokens = tokenize(text.replace("\x00", " "))
        words = words_of(tokens)
        norm = " ".join(t.norm for t in tokens)
        ids = [q for q, _ in self._candidates(shingles(words), norm, exclude=-1, limit=50)
               ] if words else []
        # runs of words between editorial marks, searched as literal phrases (fragments)
        runs, current = [], []
        for t in tokens:
            if t.kind == "word":
                current.append(t.norm)
            elif current:
                runs.append(current)
                current = []
        if current:
            runs.append(current)
        if runs:
            longest = max(runs, key=len)
            literal = '"' + " ".join(longest).replace('"', '""') + '"'
            ids += [r for (r,) in self._db.execute(
                "SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? LIMIT 200", (literal,))]
        ids = list(dict.fromkeys(ids))
        candidates = []
        for start in range(0, len(ids), 500):
            part = ids[start:start + 500]
            for row in self._db.execute(
                    _QUOTE_SELECT + f" WHERE q.id IN ({','.join('?' * len(part))})", part):
                stored = _stored_quote(row)[0]
                q = stored.quote
                sp = q.speaker
                names = tuple(n for n in (stored.person, sp.name if sp else None) if n)
                candidates.append(Candidate(
                    doc_id=stored.doc_id, content=q.content.text, content_start=q.content.start,
                    quote_start=q.span.start, quote_end=q.span.end,
                    speaker=sp.name if sp else None, speaker_kind=sp.kind.value if sp else None,
                    names=names, url=stored.url, published_at=stored.published_at))
        return check(text.replace("\x00", " "), candidates, speaker=speaker)

    # ----------------------------------------------------------------------- stats, export

    def stats(self) -> dict[str, Any]:
        """Counts of what the store holds."""
        one = lambda sql: self._db.execute(sql).fetchone()[0]  # noqa: E731
        kinds = dict(self._db.execute("SELECT kind, COUNT(*) FROM quotes GROUP BY kind"))
        recurring = self._db.execute(
            "SELECT COUNT(*), COALESCE(SUM(n), 0) FROM (SELECT COUNT(*) AS n FROM quotes "
            "GROUP BY cluster HAVING COUNT(DISTINCT document) > 1)").fetchone()
        return {
            "documents": one("SELECT COUNT(*) FROM documents"),
            "earlier_versions": one("SELECT COUNT(*) FROM document_versions"),
            "errors": one("SELECT COUNT(*) FROM ingest_errors"),
            "quotes": one("SELECT COUNT(*) FROM quotes"),
            "quotes_by_kind": kinds,
            "speakers": one("SELECT COUNT(*) FROM speakers"),
            "people": one("SELECT COUNT(*) FROM persons p WHERE kind = 'person' AND anonymous = 0 "
                          "AND EXISTS (SELECT 1 FROM speakers s WHERE s.person = p.id)"),
            "claims": one("SELECT COUNT(*) FROM claims"),
            "recurring_statements": recurring[0],
            "quotes_in_recurring_statements": recurring[1],
            "links": dict(self._db.execute(
                "SELECT relation, COUNT(*) FROM quote_links GROUP BY relation")),
            "corrections": one("SELECT COUNT(*) FROM corrections"),
        }

    def records(self, what: str = "quotes") -> Iterator[dict[str, Any]]:
        """Every quote, person (organisations and anonymous sources too) or claim as a plain
        dict, as the exports write them."""
        if what == "quotes":
            return (q.as_dict() for q in self.iter_quotes())
        if what == "people":
            return (p.as_dict() for p in self.people(include_all=True))
        if what == "claims":
            return (c.as_dict() for c in self.claims())
        raise StoreError(f"unknown record kind {what!r}; expected quotes, people or claims")

    def to_arrow(self, what: str = "quotes") -> Any:
        """The `records` as a pyarrow Table (``pip install 'quotetrack[parquet]'``)."""
        try:
            import pyarrow  # type: ignore[import-untyped]
        except ImportError:
            raise StoreError("Arrow and Parquet output need pyarrow, which is not installed: "
                             "pip install 'quotetrack[parquet]'") from None
        rows = list(self.records(what))
        for row in rows:  # nested lists of mixed shape become JSON text
            for key, value in row.items():
                if isinstance(value, (list, dict)):
                    row[key] = json.dumps(value, ensure_ascii=False)
        return pyarrow.Table.from_pylist(rows)

    def to_pandas(self, what: str = "quotes") -> Any:
        """The `records` as a pandas DataFrame (needs pyarrow and pandas)."""
        table = self.to_arrow(what)
        try:
            return table.to_pandas()
        except ImportError:
            raise StoreError("a DataFrame needs pandas, which is not installed: "
                             "pip install pandas") from None

    def export_parquet(self, path: str, what: str = "quotes") -> int:
        """Write the `records` to a Parquet file; the number of rows."""
        table = self.to_arrow(what)
        import pyarrow.parquet  # type: ignore[import-untyped]

        pyarrow.parquet.write_table(table, path)
        return int(table.num_rows)

    def integrity_check(self) -> str:
        """SQLite's ``PRAGMA integrity_check`` answer (``ok`` for a sound file)."""
        return self._db.execute("PRAGMA integrity_check").fetchone()[0]

    def claimreview(self, quote: Union[int, str]) -> dict[str, Any]:
        """A schema.org ClaimReview JSON-LD skeleton for a traced quote; the rating, the
        reviewing organisation and the review date are left for the fact-checker."""
        trace = self.trace(quote)
        first = trace.earliest.quote
        speaker = first.quote.speaker
        author: dict[str, Any] = {"@type": "Person" if not speaker or speaker.kind.value ==
                                  "person" else "Organization",
                                  "name": first.person or (speaker.name if speaker else None)}
        if speaker is not None and speaker.title:
            author["jobTitle"] = speaker.title
        if speaker is not None and speaker.affiliation:
            author["affiliation"] = {"@type": "Organization", "name": speaker.affiliation}

        def work(a: Appearance) -> dict[str, Any]:
            w: dict[str, Any] = {"@type": "CreativeWork", "url": a.quote.url,
                                 "datePublished": a.quote.published_at}
            if a.quote.outlet:
                w["publisher"] = {"@type": "Organization", "name": a.quote.outlet}
            w["identifier"] = a.quote.doc_id
            return w

        return {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "claimReviewed": first.quote.content.text,
            "itemReviewed": {
                "@type": "Claim",
                "author": author,
                "datePublished": first.published_at,
                "firstAppearance": work(trace.earliest),
                "appearance": [work(a) for a in trace.appearances],
            },
            "author": {"@type": "Organization", "name": None},
            "datePublished": None,
            "url": None,
            "reviewRating": {"@type": "Rating", "ratingValue": None, "bestRating": None,
                             "worstRating": None, "alternateName": None},
        }


def _batches(docs: Iterable[Any], size: int) -> Iterator[list]:
    batch: list = []
    for position, item in enumerate(docs, 1):
        batch.append(_prepare(item, f"input:{position}"))
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def write_records(records: Iterable[Mapping[str, Any]], out: IO[str], fmt: str) -> int:
    """Write dict records as JSON Lines (``jsonl``) or CSV (``csv``, nested values as JSON)."""
    n = 0
    writer = None
    for record in records:
        if fmt == "jsonl":
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            if writer is None:
                writer = csv.DictWriter(out, fieldnames=list(record), lineterminator="\n",
                                        extrasaction="ignore")
                writer.writeheader()
            writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict))
                             else v for k, v in record.items()})
        n += 1
    return n
