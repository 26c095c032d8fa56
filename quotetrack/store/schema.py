"""The store's SQLite schema: named migrations, applied in order and recorded in the database.

A quotetrack database says what it is in ``qt_meta`` (``application = quotetrack``) and which
migrations it has in ``qt_migrations``. Opening a file that has tables but no such record, or
one with a migration this version of quotetrack does not know (written by a newer quotetrack),
raises `StoreError` before anything is written. New migrations are appended to `MIGRATIONS`,
never edited once released.
"""

from __future__ import annotations

import datetime
import sqlite3

from ..errors import StoreError

__all__ = ["APPLICATION", "MIGRATIONS", "SCHEMA_VERSION", "migrate"]

APPLICATION = "quotetrack"

_INITIAL = """
CREATE TABLE qt_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL UNIQUE,
    hash TEXT NOT NULL,
    version INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    url TEXT,
    outlet TEXT,
    published_at TEXT,
    meta TEXT NOT NULL,
    text TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE INDEX documents_outlet ON documents(outlet);
CREATE INDEX documents_published ON documents(published_at);
CREATE INDEX documents_seq ON documents(seq);
CREATE TABLE document_versions (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    hash TEXT NOT NULL,
    url TEXT,
    outlet TEXT,
    published_at TEXT,
    meta TEXT NOT NULL,
    quotes INTEGER NOT NULL,
    ingested_at TEXT NOT NULL,
    replaced_at TEXT NOT NULL
);
CREATE INDEX document_versions_doc ON document_versions(doc_id);
CREATE TABLE ingest_errors (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL,
    message TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE TABLE persons (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    anonymous INTEGER NOT NULL
);
CREATE TABLE name_links (name_key TEXT PRIMARY KEY, person_key TEXT NOT NULL);
CREATE TABLE speakers (
    id INTEGER PRIMARY KEY,
    document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    local_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    anonymous INTEGER NOT NULL,
    anonymity_reason TEXT,
    title TEXT,
    affiliation TEXT,
    gender TEXT,
    name_key TEXT NOT NULL,
    person INTEGER REFERENCES persons(id)
);
CREATE INDEX speakers_document ON speakers(document);
CREATE INDEX speakers_name_key ON speakers(name_key);
CREATE INDEX speakers_person ON speakers(person);
CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    content_start INTEGER NOT NULL,
    content_end INTEGER NOT NULL,
    content TEXT NOT NULL,
    norm TEXT NOT NULL,
    norm_hash INTEGER NOT NULL,
    words INTEGER NOT NULL,
    kind TEXT NOT NULL,
    paragraph INTEGER NOT NULL,
    speaker INTEGER REFERENCES speakers(id),
    sieve TEXT,
    resolution TEXT,
    mention_start INTEGER, mention_end INTEGER, mention TEXT,
    cue_start INTEGER, cue_end INTEGER, cue TEXT,
    continues INTEGER,
    cue_class TEXT,
    channel TEXT,
    cluster INTEGER
);
CREATE INDEX quotes_document ON quotes(document);
CREATE INDEX quotes_speaker ON quotes(speaker);
CREATE INDEX quotes_cluster ON quotes(cluster);
CREATE INDEX quotes_norm_hash ON quotes(norm_hash);
CREATE TABLE shingles (
    h INTEGER NOT NULL,
    quote INTEGER NOT NULL,
    PRIMARY KEY (h, quote)
) WITHOUT ROWID;
CREATE INDEX shingles_quote ON shingles(quote);
CREATE TABLE quote_links (
    a INTEGER NOT NULL,
    b INTEGER NOT NULL,
    relation TEXT NOT NULL,
    score REAL NOT NULL,
    PRIMARY KEY (a, b)
) WITHOUT ROWID;
CREATE INDEX quote_links_b ON quote_links(b);
CREATE TABLE claims (
    id INTEGER PRIMARY KEY,
    document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    speaker INTEGER REFERENCES speakers(id),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    sentence TEXT NOT NULL,
    value REAL,
    qualifier TEXT NOT NULL,
    unit TEXT,
    low REAL,
    high REAL,
    source TEXT NOT NULL,
    rule TEXT NOT NULL
);
CREATE INDEX claims_document ON claims(document);
CREATE INDEX claims_speaker ON claims(speaker);
CREATE TABLE corrections (
    id INTEGER PRIMARY KEY,
    action TEXT NOT NULL,
    key_a TEXT NOT NULL,
    key_b TEXT,
    documents TEXT,
    created_at TEXT NOT NULL
);
-- content="quotes" in double quotes: the form Datasette looks for to offer full-text search
CREATE VIRTUAL TABLE quotes_fts USING fts5(content, content="quotes", content_rowid="id");
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, content) VALUES (new.id, new.content);
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, content) VALUES ('delete', old.id, old.content);
END;
"""

# New postings go into a small table of their own, merged into `shingles` in key order when
# it has grown to an eighth of it (`Store._merge_recent`): inserting at random keys into a
# small table changes few pages per transaction, where the large index needs about one page
# per posting once it outgrows a transaction's postings
_RECENT_SHINGLES = """
CREATE TABLE shingles_recent (
    h INTEGER NOT NULL,
    quote INTEGER NOT NULL,
    PRIMARY KEY (h, quote)
) WITHOUT ROWID;
CREATE INDEX shingles_recent_quote ON shingles_recent(quote);
"""

# The full names a bare name's article prints (`names.full_names_in`), as a JSON list of
# person keys: read once per speaker, evidence for linking the bare name; and the evidence a
# bare name's link stands on ("full name in article; same statement")
_TEXT_NAMES = """
ALTER TABLE speakers ADD COLUMN text_names TEXT;
ALTER TABLE speakers ADD COLUMN link_evidence TEXT;
"""

#: (name, SQL) in the order they are applied; a database records the names it has
MIGRATIONS: tuple[tuple[str, str], ...] = (("0001_initial", _INITIAL),
                                           ("0002_recent_shingles", _RECENT_SHINGLES),
                                           ("0003_speaker_text_names", _TEXT_NAMES))
SCHEMA_VERSION = len(MIGRATIONS)


def _now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def migrate(conn: sqlite3.Connection, path: str) -> None:
    """Check that ``conn`` is a quotetrack database this version can read, and bring its schema
    up to date (creating it in an empty file). `StoreError` for any other file."""
    try:
        tables = _tables(conn)
    except sqlite3.DatabaseError as exc:
        raise StoreError(
            f"{path}: expected a quotetrack database (SQLite), got a file SQLite cannot read "
            f"({exc})"
        ) from None
    known = [name for name, _ in MIGRATIONS]
    if tables:
        if "qt_meta" not in tables or "qt_migrations" not in tables:
            raise StoreError(
                f"{path}: expected a quotetrack database, got an SQLite database of another "
                f"application (tables: {', '.join(sorted(tables)[:8])}); use a new file"
            )
        row = conn.execute("SELECT value FROM qt_meta WHERE key = 'application'").fetchone()
        if row is None or row[0] != APPLICATION:
            raise StoreError(f"{path}: expected a quotetrack database, got application {row}")
        applied = [r[0] for r in conn.execute("SELECT name FROM qt_migrations ORDER BY rowid")]
        unknown = [name for name in applied if name not in known]
        if unknown:
            raise StoreError(
                f"{path}: written by a newer quotetrack (schema migrations {unknown} are unknown "
                f"to this version, which knows {known}); upgrade quotetrack to open it"
            )
        if applied == known:
            return
    else:
        applied = []
    conn.execute("BEGIN IMMEDIATE")
    try:
        if not applied:
            # re-read inside the write lock: another process may have created the schema
            if "qt_migrations" in _tables(conn):
                conn.execute("ROLLBACK")
                return migrate(conn, path)
            conn.execute("CREATE TABLE qt_migrations (name TEXT PRIMARY KEY, applied_at TEXT "
                         "NOT NULL)")
        for name, sql in MIGRATIONS:
            if name in applied:
                continue
            for statement in _statements(sql):
                conn.execute(statement)
            conn.execute("INSERT INTO qt_migrations VALUES (?, ?)", (name, _now()))
        conn.execute("INSERT OR REPLACE INTO qt_meta VALUES ('application', ?)", (APPLICATION,))
        conn.execute("INSERT OR REPLACE INTO qt_meta VALUES ('schema_version', ?)",
                     (str(SCHEMA_VERSION),))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _statements(sql: str) -> list[str]:
    """The statements of a migration script (triggers keep their inner semicolons)."""
    out, current = [], []
    for line in sql.strip().splitlines():
        current.append(line)
        joined = "\n".join(current).strip()
        if joined.endswith(";") and sqlite3.complete_statement(joined):
            out.append(joined)
            current = []
    if "\n".join(current).strip():
        out.append("\n".join(current))
    return out
