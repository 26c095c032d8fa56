"""The store's file opens in Datasette as it is, full-text search included (skipped without
Datasette: pip install 'quotetrack[datasette]')."""

from __future__ import annotations

import asyncio

import pytest

datasette_app = pytest.importorskip(
    "datasette.app", reason="Datasette is not installed (pip install 'quotetrack[datasette]')")

from quotetrack.store import Store  # noqa: E402

DOCS = [
    {"id": "1", "text": "“The ferry will run every hour from June,” said Ann Lee.",
     "outlet": "Gazette", "published_at": "2024-04-12"},
    {"id": "2", "text": "“Our hospital needs forty more nurses,” said Bo Chan.",
     "outlet": "Courier"},
]


def test_datasette_reads_tables_and_searches(tmp_path):
    """Datasette lists the store's tables, reads quotes and finds one by full-text search."""
    path = tmp_path / "news.db"
    with Store(path) as store:
        store.ingest(DOCS)

    async def ask():
        ds = datasette_app.Datasette([str(path)])
        tables = await ds.client.get("/news.json")
        search = await ds.client.get("/news/quotes.json?_search=hospital&_shape=array")
        sql = await ds.client.get("/news.json?sql=select+count(*)+as+n+from+quotes&_shape=array")
        return tables, search, sql

    tables, search, sql = asyncio.run(ask())
    assert tables.status_code == 200
    names = {t["name"] for t in tables.json()["tables"]}
    assert {"documents", "quotes", "persons", "speakers", "quotes_fts"} <= names
    assert search.status_code == 200
    assert [row["content"] for row in search.json()] == ["Our hospital needs forty more nurses,"]
    assert sql.json() == [{"n": 2}]
