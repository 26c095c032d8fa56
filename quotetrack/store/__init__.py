"""The quote store: articles parsed once into an SQLite file, then asked across articles.

Who said what (people linked across documents by name), where a quote first appeared and how
its words changed (recurring statements clustered as they are ingested), and whether a quote
that goes around was said at all (`Store.verify`). See docs/store.md.

Only this package imports `sqlite3`; it builds on the engine's own types.
"""

from .records import (
    Appearance,
    IngestReport,
    Person,
    StoredClaim,
    StoredDocument,
    StoredQuote,
    Trace,
    Verdict,
    VerifyMatch,
)
from .store import Store, document_hash, parse_published_at
from .textmatch import BACKEND, Diff
from .verify import verify_source

__all__ = [
    "Appearance",
    "BACKEND",
    "Diff",
    "IngestReport",
    "Person",
    "Store",
    "StoredClaim",
    "StoredDocument",
    "StoredQuote",
    "Trace",
    "Verdict",
    "VerifyMatch",
    "document_hash",
    "parse_published_at",
    "verify_source",
]
