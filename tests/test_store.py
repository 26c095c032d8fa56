"""The quote store: files, ingest, people across documents, recurring quotes, queries, export."""

from __future__ import annotations

import io
import json
import sqlite3

import pytest

from quotetrack import Parser
from quotetrack.batch import DocumentError
from quotetrack.errors import QuotetrackError, StoreError
from quotetrack.serialize import result_to_dict
from quotetrack.store import Store, parse_published_at
from quotetrack.store.schema import MIGRATIONS
from quotetrack.store.store import write_records

TAX = "We will not raise taxes on working families this year or next"


def doc(doc_id, text, **meta):
    return {"id": doc_id, "text": text, **meta}


SLIM_A = doc("a", f'"{TAX}," said Randa Slim, a fellow at the Middle East Institute.\n\n'
             'Ms Slim added: "The plan is simple and it is fair to everyone."',
             published_at="2004-05-01", outlet="Daily Planet", url="https://example.org/a")
SLIM_B = doc("b", f'"{TAX.replace("working ", "")}," Ms Slim told reporters on Monday.',
             published_at="2004-05-03", outlet="Evening Star")
BROWN_C = doc("c", '"We will not raise taxes on working families this year," said John Brown, '
              "the shadow chancellor.", published_at="2004-05-02", outlet="Daily Planet")


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "news.db") as s:
        yield s


# --------------------------------------------------------------------------- the file


def test_new_file_is_a_versioned_wal_database(tmp_path):
    """A new store records its application, migrations by name and runs in WAL mode."""
    path = tmp_path / "news.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert [r[0] for r in conn.execute("SELECT name FROM qt_migrations")] == [
        name for name, _ in MIGRATIONS]
    assert conn.execute("SELECT value FROM qt_meta WHERE key='application'").fetchone()[0] == \
        "quotetrack"
    conn.close()
    Store(path).close()  # opening again migrates nothing and does not fail


def test_a_file_of_the_first_schema_is_migrated_and_keeps_clustering(tmp_path):
    """A store written before the recent-postings table and the speakers' text names existed
    gets both when opened, and its indexed postings still find the quotes they belong to."""
    from quotetrack.store.schema import _statements

    path = tmp_path / "old.db"
    with Store(path) as first:
        first.ingest([SLIM_A])
    conn = sqlite3.connect(path)  # back to the first schema, postings in the index table
    conn.execute("INSERT INTO shingles SELECT h, quote FROM shingles_recent")
    conn.execute("DROP TABLE shingles_recent")
    conn.execute("ALTER TABLE speakers DROP COLUMN text_names")
    conn.execute("ALTER TABLE speakers DROP COLUMN link_evidence")
    conn.execute("DELETE FROM qt_migrations WHERE name != '0001_initial'")
    conn.commit()
    conn.close()
    assert _statements(MIGRATIONS[0][1])  # the first migration is still readable as it was
    with Store(path) as store:
        store.ingest([SLIM_B])
        tax = [q for q in store.quotes() if q.quote.content.text.startswith("We will not")]
        applied = [r[0] for r in store._db.execute("SELECT name FROM qt_migrations")]
    assert applied == [name for name, _ in MIGRATIONS]
    assert [q.doc_id for q in tax] == ["a", "b"] and tax[0].cluster == tax[1].cluster


def test_refuses_a_file_that_is_not_sqlite(tmp_path):
    """A text file is refused with StoreError, not an sqlite3 exception."""
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 200)
    with pytest.raises(StoreError, match="expected a quotetrack database"):
        Store(path)
    assert path.read_text().startswith("these are my notes")


def test_refuses_another_applications_database(tmp_path):
    """An SQLite file of another application is refused and left unchanged."""
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE orders (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="another application"):
        Store(path)
    conn = sqlite3.connect(path)
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["orders"]


def test_refuses_a_database_from_a_newer_quotetrack(tmp_path):
    """A migration this version does not know means a newer quotetrack wrote the file."""
    path = tmp_path / "news.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO qt_migrations VALUES ('0099_from_the_future', 'now')")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer quotetrack"):
        Store(path)


def test_store_error_is_a_quotetrack_error():
    """StoreError belongs to the package's error tree."""
    assert issubclass(StoreError, QuotetrackError)


# --------------------------------------------------------------------------- ingest


def test_ingest_reports_every_document_once(store):
    """Each input document is added, unchanged, replaced or an error, and counted once."""
    docs = [SLIM_A, SLIM_B, BROWN_C, doc("bad-date", "Text.", published_at="last Tuesday"),
            {"text": "no id"}, doc("x", 42)]
    report = store.ingest(docs)
    assert (report.added, report.unchanged, report.replaced) == (3, 0, 0)
    assert report.documents == len(docs)
    assert [e.id for e in report.errors] == ["bad-date", "input:5", "x"]
    assert "ISO 8601" in report.errors[0].message
    assert [d.doc_id for d in store.documents()] == ["a", "b", "c"]
    assert [e.id for e in store.errors()] == ["bad-date", "input:5", "x"]


def test_reingest_is_a_no_op(store):
    """Ingesting the same documents again changes nothing and parses nothing."""
    store.ingest([SLIM_A, SLIM_B])
    before = store.stats()
    report = store.ingest([SLIM_A, SLIM_B, SLIM_A])
    assert (report.added, report.unchanged, report.quotes) == (0, 3, 0)
    after = store.stats()
    assert after == before


def test_changed_document_replaces_quotes_and_keeps_the_old_record(store):
    """The same id with new text replaces its quotes; the earlier version's record stays."""
    store.ingest([SLIM_A])
    old = store.document("a")
    changed = dict(SLIM_A, text='"Nothing to add," said Randa Slim.')
    report = store.ingest([changed])
    assert report.replaced == 1
    now = store.document("a")
    assert now.version == 2 and now.hash != old.hash
    assert [q.quote.content.text for q in store.quotes(doc_id="a")] == ["Nothing to add,"]
    (previous,) = store.versions("a")
    assert (previous.version, previous.hash, previous.quotes) == (1, old.hash, old.quotes)
    assert previous.outlet == "Daily Planet"


def test_metadata_is_kept(store):
    """url, outlet, published_at and other keys are stored; offsets keep the text intact."""
    store.ingest([dict(SLIM_A, section="politics", tags=["tax"])])
    d = store.document("a")
    assert (d.url, d.outlet, d.published_at) == ("https://example.org/a", "Daily Planet",
                                                 "2004-05-01T00:00:00")
    assert d.meta == {"section": "politics", "tags": ["tax"]}
    q = store.quotes(doc_id="a")[0].quote
    assert SLIM_A["text"][q.span.start:q.span.end] == q.span.text


def test_published_at_forms():
    """ISO 8601 dates and date-times are kept (offsets converted to UTC); others raise."""
    assert parse_published_at("2004-05-01") == "2004-05-01T00:00:00"
    assert parse_published_at("2004-05-01T09:30:00+02:00") == "2004-05-01T07:30:00"
    assert parse_published_at("2004-05-01T09:30:00Z") == "2004-05-01T09:30:00"
    assert parse_published_at(None) is None
    for bad in ("May 1, 2004", "2004-13-01", "", 20040501):
        with pytest.raises(ValueError):
            parse_published_at(bad)


def test_ingest_parsed_results(tmp_path):
    """Parse results (result_to_dict, extract --format json) are stored without parsing again,
    and equal what parsing the same document gives."""
    parser = Parser(claims=True)
    results = [parser.parse(d["text"], id=d["id"]) for d in (SLIM_A, BROWN_C)]
    with Store(tmp_path / "parsed.db") as parsed, Store(tmp_path / "raw.db") as raw:
        report = parsed.ingest([result_to_dict(results[0]), results[1]])
        assert report.added == 2
        raw.ingest([{"id": d["id"], "text": d["text"]} for d in (SLIM_A, BROWN_C)])
        assert [q.as_dict() for q in parsed.quotes()] == [q.as_dict() for q in raw.quotes()]
        # the same document again, as a raw document, is a no-op: the hash is of text and meta
        assert raw.ingest([result_to_dict(results[0])]).unchanged == 1


def test_bad_parsed_result_is_an_error_record(store):
    """A parse-result dict whose spans do not match its text is reported, not stored."""
    data = result_to_dict(Parser().parse(SLIM_A["text"], id="a"))
    data["quotes"][0]["start"] += 1
    report = store.ingest([data, BROWN_C])
    assert report.added == 1
    assert report.errors[0].id == "a" and "parse result" in report.errors[0].message


def test_workers_give_the_same_store(tmp_path):
    """Parsing in two worker processes stores exactly what one process stores."""
    docs = [SLIM_A, SLIM_B, BROWN_C] + [
        doc(f"n{i}", f'"Item {i} of the budget is final," said Ann Lee {i}.') for i in range(12)]
    with Store(tmp_path / "one.db") as one, Store(tmp_path / "two.db") as two:
        r1 = one.ingest(docs, batch_size=4)
        r2 = two.ingest(docs, workers=2, batch_size=4)
        assert r1 == r2
        assert [q.as_dict() for q in one.quotes()] == [q.as_dict() for q in two.quotes()]


def test_bad_options_raise(store):
    """workers and batch_size must be positive integers."""
    with pytest.raises(StoreError, match="workers"):
        store.ingest([], workers=0)
    with pytest.raises(StoreError, match="batch_size"):
        store.ingest([], batch_size=0)


def test_document_errors_in_the_input_are_reported(store):
    """DocumentError records in the input stream are reported and recorded."""
    seen = []
    report = store.ingest([DocumentError(id="f.jsonl:3", message="invalid JSON"), SLIM_A],
                          on_error=seen.append)
    assert [e.id for e in seen] == ["f.jsonl:3"] and report.added == 1


# --------------------------------------------------------------------------- people


def test_people_link_by_normalised_name(store):
    """"Randa Slim" and a bare "Ms Slim" in another document are one person."""
    store.ingest([SLIM_A, SLIM_B, BROWN_C])
    by_doc = {q.doc_id: q.person for q in store.quotes()}
    assert by_doc == {"a": "Randa Slim", "b": "Randa Slim", "c": "John Brown"}
    slim = store.person("Slim")
    assert slim.quotes == 3 and slim.documents == 2
    assert ("fellow", "Middle East Institute", "a", "2004-05-01T00:00:00") in slim.roles


def test_bare_surname_is_not_linked_when_ambiguous(store):
    """With two full names sharing a surname, a bare surname stays a person of its own."""
    store.ingest([
        doc("1", '"The bridge will open in June," said Mary Jones.'),
        doc("2", '"The tunnel will open in July," said Peter Jones.'),
        doc("3", '"Nobody asked us about the road," Ms Jones said.'),
    ])
    people = {q.doc_id: q.person for q in store.quotes()}
    assert people["1"] == "Mary Jones" and people["2"] == "Peter Jones"
    assert people["3"] == "Jones"


def test_link_appears_and_goes_as_the_store_grows(store):
    """A bare surname links once a full name ending in it is quoted saying the same thing, and
    unlinks when a second full name with the same surname is quoted saying it too."""
    store.ingest([doc("1", '"Nobody asked us about the new road," Ms Jones said.')])
    assert store.quotes()[0].person == "Jones"
    store.ingest([doc("2", '"Nobody asked us about the new road," said Mary Jones.')])
    assert {q.doc_id: q.person for q in store.quotes()}["1"] == "Mary Jones"
    store.ingest([doc("3", '"Nobody asked us about the new road," said Peter Jones.')])
    assert {q.doc_id: q.person for q in store.quotes()}["1"] == "Jones"


def test_a_bare_surname_needs_evidence_from_its_own_article(store):
    """The only full name with a surname is not enough: a bare surname whose article neither
    prints that full name, nor gives the same title or affiliation, nor quotes the same
    statement stays a person of its own."""
    store.ingest([
        doc("1", '"The harbour wall will be rebuilt by spring," said Lena Ortiz.'),
        doc("2", '"Our shop has lost half its trade," Mr Ortiz said.'),
    ])
    people = {q.doc_id: q.person for q in store.quotes()}
    assert people == {"1": "Lena Ortiz", "2": "Ortiz"}


def test_a_bare_surname_links_when_its_article_prints_the_full_name(store):
    """An article that names Lena Ortiz in full and quotes a bare "Ms Ortiz" elsewhere links
    that speaker to her; a full name in the article also picks between two people."""
    store.ingest([
        doc("1", '"The harbour wall will be rebuilt by spring," said Lena Ortiz.'),
        doc("2", '"The tide gauge is broken again," said Paul Ortiz.'),
        doc("3", "Lena Ortiz chaired the meeting on Tuesday.\n\n"
                 '"The contract goes out to tender in May," Ms Ortiz told the hall.'),
    ])
    people = {q.doc_id: q.person for q in store.quotes()}
    assert people["3"] == "Lena Ortiz"


def test_a_bare_surname_links_by_shared_affiliation(store):
    """A bare surname given the same affiliation as the one full name with that surname is
    that person."""
    store.ingest([
        doc("1", '"Rents rose by a fifth," said Omar Haddad, an economist at the Shore '
                 'Institute.'),
        doc("2", '"Wages have not kept up," said Mr Haddad, an economist at the Shore '
                 'Institute.'),
    ])
    assert {q.doc_id: q.person for q in store.quotes()} == {"1": "Omar Haddad",
                                                              "2": "Omar Haddad"}
    (evidence,) = store._db.execute(
        "SELECT link_evidence FROM speakers WHERE name_key = 'p:haddad'").fetchone()
    assert evidence == "same affiliation; same title"  # kept, so the link can be explained


def test_a_bare_first_name_is_never_linked(store):
    """A one-word name that is the first word of a full name is not linked, even when the
    two are quoted saying the same statement."""
    store.ingest([
        doc("1", '"We will never sell the old lighthouse to anyone," said Abdullah Rahimi.'),
        doc("2", '"We will never sell the old lighthouse to anyone," Abdullah said.'),
    ])
    people = {q.doc_id: q.person for q in store.quotes()}
    assert people["1"] == "Abdullah Rahimi" and people["2"] != "Abdullah Rahimi"


def test_organisations_and_anonymous_sources_are_never_people(store):
    """An organisation is not linked to a person; anonymous descriptions are never linked."""
    store.ingest([
        doc("1", '"We will appeal the ruling," the State Department said in a statement.'),
        doc("2", '"We will appeal the ruling," a senior official said.'),
        doc("3", '"The ruling is wrong," a senior official said.'),
    ])
    everyone = store.people(include_all=True)
    kinds = sorted((p.kind, p.anonymous) for p in everyone)
    assert kinds.count(("person", True)) == 2  # two anonymous officials, not merged
    assert all(not (p.kind == "person" and not p.anonymous) for p in everyone)
    assert store.people() == []


def test_merge_survives_reingest_and_later_ingests(store):
    """A user merge holds after the document is re-ingested changed and after new documents."""
    store.ingest([SLIM_A, BROWN_C])
    merged = store.merge("John Brown", "Randa Slim")
    assert merged.quotes == 3
    store.ingest([dict(BROWN_C, text=BROWN_C["text"] + "\n\nMore text follows here.")])
    store.ingest([doc("d", '"I stand by every word," said John Brown.')])
    assert {q.person for q in store.quotes()} == {"Randa Slim"}
    with pytest.raises(StoreError, match="already the same person"):
        store.merge("John Brown", "Randa Slim")


def test_split_by_documents_survives_reingest(store):
    """A split moves a person's quotes in given documents to a new person, for good."""
    store.ingest([SLIM_A, SLIM_B])
    new = store.split("Randa Slim", documents=["b"])
    assert new.quotes == 1 and new.id != store.person("Randa Slim").id
    store.ingest([dict(SLIM_B, text=SLIM_B["text"] + "\n\nShe left at noon.")])
    people = {q.doc_id: q.person_id for q in store.quotes()}
    assert people["b"] == new.id and people["a"] != new.id


def test_split_by_name_detaches_a_bare_surname(store):
    """Splitting off a name as written stops the automatic link of that name."""
    store.ingest([SLIM_A, SLIM_B])
    detached = store.split("Randa Slim", name="Slim")
    assert detached.name == "Slim"
    store.ingest([doc("e", '"We are ready," Ms Slim said.')])
    people = {q.doc_id: q.person for q in store.quotes()}
    assert people["b"] == people["e"] == "Slim"
    assert store.person("Randa Slim").quotes == 2


def test_unknown_person_is_a_clear_error(store):
    """Asking for a person who is not in the store says so."""
    store.ingest([SLIM_A])
    with pytest.raises(StoreError, match="no person named"):
        store.quotes(person="Nobody Here")
    with pytest.raises(StoreError, match="no person with id"):
        store.person(999)
    with pytest.raises(StoreError, match="either documents or a name"):
        store.split("Randa Slim")


# --------------------------------------------------------------------------- recurrence


def test_recurring_quotes_cluster_with_relations(store):
    """An exact repeat, a fragment and a variant of one statement share a cluster."""
    store.ingest([SLIM_A, SLIM_B, BROWN_C,
                  doc("d", f'"{TAX.upper()}!" Randa Slim said.', published_at="2004-05-04")])
    trace = store.trace(store.quotes(doc_id="a")[0].id)
    relations = {a.quote.doc_id: a.relation for a in trace.appearances}
    assert relations == {"a": "earliest", "b": "variant", "c": "fragment", "d": "exact"}
    b = next(a for a in trace.appearances if a.quote.doc_id == "b")
    assert b.diff.deleted == ("working",) and b.diff.altered
    assert trace.attributed_to == ("Randa Slim", "John Brown")
    assert not trace.dates_missing


def test_trace_order_without_dates_is_ingest_order(store):
    """Undated appearances follow dated ones in ingest order, and the trace says so."""
    text = '"The harbour will be closed for a month from Friday," said Ann Lee.'
    store.ingest([doc("late", text), doc("dated", text, published_at="2001-01-01"),
                  doc("later", text)])
    trace = store.trace(store.quotes(doc_id="late")[0].id)
    assert [a.quote.doc_id for a in trace.appearances] == ["dated", "late", "later"]
    assert trace.dates_missing


def test_unrelated_quotes_do_not_cluster(store):
    """Quotes that share a common phrase but say different things stay apart."""
    store.ingest([doc("1", '"I do not know what the minister will decide about schools," '
                           'said Ann Lee.'),
                  doc("2", '"I do not know why the river flooded twice this winter," '
                           'said Bo Chan.')])
    clusters = {q.cluster for q in store.quotes()}
    assert len(clusters) == 2
    assert store.clusters() == []


def test_clusters_are_the_same_in_one_batch_or_many(tmp_path):
    """Incremental clustering gives the same statements whatever the batches."""
    docs = [SLIM_A, SLIM_B, BROWN_C,
            doc("d", f'"{TAX} … and that is final," said Randa Slim.'),
            doc("e", '"The plan is simple and it is fair," she said.')]

    def groups(s):
        by_cluster = {}
        for q in s.quotes():
            by_cluster.setdefault(q.cluster, set()).add((q.doc_id, q.quote.span.start))
        return sorted(sorted(g) for g in by_cluster.values())

    with Store(tmp_path / "1.db") as one, Store(tmp_path / "2.db") as many:
        one.ingest(docs, batch_size=100)
        for d in docs:
            many.ingest([d])
        assert groups(one) == groups(many)
        assert max(len(g) for g in groups(one)) == 4


STATEMENTS = [
    "The ferry timetable will change on the first day of June this year",
    "Our hospital needs forty more nurses before the winter comes round again",
    "Nobody on the council was ever told about the new parking tax",
    "The school roof will be repaired during the long summer holidays",
]


def _stream():
    """Documents that quote four statements again and again, changed a little each time."""
    docs = []
    for i in range(36):
        words = STATEMENTS[i % 4].split()
        if i % 3 == 1:
            words[i % len(words)] = "really"
        elif i % 3 == 2:
            words = words[1:]
        docs.append(doc(f"s{i}", f'"{" ".join(words)}," said Ann Lee in report {i}.'))
    docs.append(doc("s5", '"The ferry timetable will not change at all," said Bo Chan.'))
    return docs


def _results(s):
    db = s._db
    return (db.execute("SELECT id, cluster FROM quotes ORDER BY id").fetchall(),
            db.execute("SELECT a, b, relation, score FROM quote_links ORDER BY a, b").fetchall(),
            [s.verify(t).as_dict() for t in STATEMENTS])


def test_merging_recent_postings_changes_no_result(tmp_path, monkeypatch):
    """New postings merged into the shingle index after every batch (one replaced document
    among them) give the same clusters, links and verify answers as postings never merged."""
    import quotetrack.store.store as module

    with Store(tmp_path / "kept.db") as kept:
        kept.ingest(_stream(), batch_size=4)
        assert kept._db.execute("SELECT COUNT(*) FROM shingles").fetchone()[0] == 0
        expected = _results(kept)
    monkeypatch.setattr(module, "RECENT_POSTINGS", 0)
    monkeypatch.setattr(module, "RECENT_SHARE", 10 ** 9)
    with Store(tmp_path / "merged.db") as merged:
        merged.ingest(_stream(), batch_size=4)
        assert merged._db.execute("SELECT COUNT(*) FROM shingles_recent").fetchone()[0] == 0
        assert _results(merged) == expected
    assert len({c for _, c in expected[0]}) < len(expected[0])  # some statements recur


def test_postings_read_are_the_latest_over_both_tables(store, monkeypatch):
    """The bound of `POSTINGS_READ` latest quotes per shingle holds across the shingle index
    and the recent postings: with 15 quotes of a phrase merged and 15 recent, the 20 read are
    the 20 newest."""
    import quotetrack.store.store as module
    from quotetrack.store.textmatch import shingles

    phrase = "bright yellow submarine"

    def quotes(start):
        return [doc(f"y{i}", f'"The {phrase} sank near pier {i} at dawn," said Ann Lee.')
                for i in range(start, start + 15)]

    monkeypatch.setattr(module, "RECENT_POSTINGS", 0)
    monkeypatch.setattr(module, "RECENT_SHARE", 10 ** 9)
    store.ingest(quotes(0), batch_size=5)
    monkeypatch.setattr(module, "RECENT_POSTINGS", 1 << 16)
    store.ingest(quotes(15), batch_size=5)
    (h,) = shingles(phrase.split())
    db = store._db
    assert db.execute("SELECT COUNT(*) FROM shingles WHERE h = ?", (h,)).fetchone()[0] == 15
    assert db.execute("SELECT COUNT(*) FROM shingles_recent WHERE h = ?",
                      (h,)).fetchone()[0] == 15
    newest = sorted((q for (q,) in db.execute("SELECT quote FROM shingles WHERE h = ? UNION "
                                               "SELECT quote FROM shingles_recent WHERE h = ?",
                                               (h, h))), reverse=True)[:module.POSTINGS_READ]
    found = store._candidates([h], None, exclude=-1, limit=100)
    assert sorted(q for q, _ in found) == sorted(newest)


def test_changed_document_splits_a_cluster_it_bridged(store):
    """When the quote that joined two wordings goes away, the cluster splits again."""
    long = "the new rail line will carry forty thousand people a day from the coast"
    store.ingest([
        doc("1", f'"{long}," said Ann Lee.'),
        doc("2", '"the new rail line will carry forty thousand people," said Bo Chan.'),
        doc("3", '"forty thousand people a day from the coast," said Cy Dee.'),
    ])
    assert len({q.cluster for q in store.quotes()}) == 1
    store.ingest([doc("1", '"Nothing to see here today," said Ann Lee.')])
    clusters = {q.doc_id: q.cluster for q in store.quotes()}
    assert clusters["2"] != clusters["3"]


def test_claimreview_skeleton(store):
    """The ClaimReview names the claim, its author with title, and every appearance."""
    store.ingest([SLIM_A, SLIM_B])
    review = store.claimreview(store.quotes(doc_id="b")[0].id)
    assert review["@type"] == "ClaimReview"
    assert review["claimReviewed"].startswith(TAX)
    item = review["itemReviewed"]
    assert item["author"] == {"@type": "Person", "name": "Randa Slim", "jobTitle": "fellow",
                              "affiliation": {"@type": "Organization",
                                              "name": "Middle East Institute"}}
    assert item["firstAppearance"]["url"] == "https://example.org/a"
    assert [a["datePublished"] for a in item["appearance"]] == ["2004-05-01T00:00:00",
                                                                "2004-05-03T00:00:00"]
    assert review["reviewRating"]["ratingValue"] is None


# --------------------------------------------------------------------------- queries


def test_quote_filters(store):
    """Quotes by person, outlet, dates, kind, cue class and document."""
    store.ingest([SLIM_A, SLIM_B, BROWN_C])
    assert {q.doc_id for q in store.quotes(person="Randa Slim")} == {"a", "b"}
    assert {q.doc_id for q in store.quotes(outlet="Daily Planet")} == {"a", "c"}
    assert [q.doc_id for q in store.quotes(since="2004-05-02", until="2004-05-02")] == ["c"]
    assert [q.doc_id for q in store.quotes(since="2004-05-03")] == ["b"]
    assert len(store.quotes(kind="direct")) == 4 and store.quotes(kind="indirect") == []
    assert {q.doc_id for q in store.quotes(cue_class="neutral")} <= {"a", "b", "c"}
    assert len(store.quotes(limit=2)) == 2
    with pytest.raises(StoreError, match="unknown quote kind"):
        store.quotes(kind="shouted")
    with pytest.raises(StoreError, match="since"):
        store.quotes(since="last week")


def test_search_is_a_literal_phrase(store):
    """Search finds a phrase as written, ignoring case and punctuation, and nothing else."""
    store.ingest([SLIM_A, SLIM_B, BROWN_C])
    assert {q.doc_id for q in store.search("raise taxes on working")} == {"a", "c"}
    assert {q.doc_id for q in store.search("TAXES, on families")} == {"b"}
    assert store.search("taxes working") == []  # not a phrase in any quote


@pytest.mark.parametrize("hostile, found", [
    ('"', 0), ('""', 0), ("'", 0), ('"raise', 2), ("raise*", 2), ("*", 0),
    ("NEAR(raise taxes)", 0), ("raise OR plan", 0), ("raise AND", 0), ("NOT plan", 0),
    ("'; DROP TABLE quotes; --", 0), ("\x00", 0), ("raise\x00taxes", 2), ("^raise", 2),
    ("content:raise", 0), ("{content} : raise", 0), ("(((", 0), ("-", 0), ("+", 0),
    ("\\", 0), ("%", 0), ("_", 0), ("raise%", 2),
])
def test_hostile_search_strings(store, hostile, found):
    """Search syntax, SQL and control characters are read as literal words, never run."""
    store.ingest([SLIM_A, SLIM_B])
    result = store.search(hostile)
    assert len(result) == found
    assert all("raise" in q.quote.content.text for q in result)
    assert store.stats()["quotes"] == 3  # nothing was dropped or changed
    assert store.integrity_check() == "ok"


def test_hostile_search_finds_literal_words(store):
    """Words that are FTS operators are found as words when a quote has them."""
    store.ingest([doc("1", '"Go NEAR the river OR the lake and do NOT swim," said Ann Lee.')])
    assert len(store.search("near the river or the lake")) == 1
    assert len(store.search('"do not swim"')) == 1


def test_megabyte_search_is_refused_quickly(store):
    """A 1 MB phrase is refused with a clear error (no quote can be that long)."""
    store.ingest([SLIM_A])
    with pytest.raises(StoreError, match="at most"):
        store.search("raise " * 200_000)
    with pytest.raises(StoreError, match="str"):
        store.search(None)


def test_claims_by_person(store):
    """Numeric claims are stored with who asserts them."""
    store.ingest([doc("1", '"More than 500 people lost their homes," said Ann Lee.')])
    (claim,) = store.claims(person="Ann Lee")
    assert claim.claim.quantity.value == 500 and claim.person == "Ann Lee"
    assert claim.claim.quantity.qualifier.value == "more_than"


def test_stats_and_export(store):
    """stats counts what is stored; JSONL and CSV exports hold one record per quote."""
    store.ingest([SLIM_A, SLIM_B, BROWN_C])
    stats = store.stats()
    assert (stats["documents"], stats["quotes"], stats["recurring_statements"]) == (3, 4, 1)
    assert stats["quotes_in_recurring_statements"] == 3
    records = [q.as_dict() for q in store.iter_quotes()]
    out = io.StringIO()
    assert write_records(records, out, "jsonl") == 4
    assert [json.loads(line)["doc_id"] for line in out.getvalue().splitlines()] == \
        ["a", "a", "c", "b"]
    out = io.StringIO()
    write_records(records, out, "csv")
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("quote_id,doc_id,url,outlet,published_at") and len(lines) == 5
    assert store.integrity_check() == "ok"


def test_parquet_export(store, tmp_path):
    """Parquet holds the same quote records as JSON Lines (needs pyarrow, the parquet extra)."""
    pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow is not installed "
                             "(pip install 'quotetrack[parquet]')")
    store.ingest([SLIM_A, SLIM_B, BROWN_C])
    path = tmp_path / "quotes.parquet"
    assert store.export_parquet(str(path)) == 4
    table = pq.read_table(path)
    assert table.column("doc_id").to_pylist() == ["a", "a", "c", "b"]
    assert table.column("text").to_pylist() == [r["text"] for r in store.records()]
    people = store.to_arrow("people")
    assert json.loads(people.column("names").to_pylist()[0]) == ["Randa Slim", "Slim"]
    with pytest.raises(StoreError, match="unknown record kind"):
        store.to_arrow("speeches")


def test_name_keys():
    """Honorifics and case do not matter; kinds, anonymous sources and descriptions stay apart."""
    from quotetrack.store.names import name_key, surname_index

    def key(name, kind="person", anonymous=False, doc=1, local=0):
        return name_key(name, kind, anonymous, document=doc, local_id=local)

    assert key("Ms Randa Slim") == key("RANDA SLIM") == key("Dr. Randa Slim") == "p:randa slim"
    assert key("Mr Slim") == "p:slim"
    assert key("Slim", kind="organization") == "o:slim"
    assert key("a senior official", anonymous=True, doc=3, local=2) == "a:3:2"
    assert key("insurer", doc=4, local=1) == "a:4:1"  # no capital letter: not a name
    index = surname_index(["p:randa slim", "p:slim", "p:randa", "o:slim", "p:jones",
                           "p:mary jones", "p:peter jones"])
    assert index == {"slim": ["p:randa slim"], "jones": ["p:mary jones", "p:peter jones"]}
    assert "randa" not in index  # a first name is no candidate


def test_bare_name_evidence():
    """Each kind of evidence counts alone; a link needs exactly one candidate with some."""
    from quotetrack.store.names import Evidence, bare_evidence, full_names_in, link_bare

    text = "Prime Minister Theresa May spoke first.\n\nLater Mrs May said she was proud."
    assert "p:theresa may" in full_names_in(text, "may")
    assert full_names_in("Ms May said so. The May fair.", "may") == ["p:the may"]
    none = dict(text_names=[], title=None, affiliation=None, clusters=[],
                candidate_titles=[], candidate_affiliations=[], candidate_clusters=[])
    assert not bare_evidence(candidate="p:theresa may", **none)
    assert bare_evidence(candidate="p:theresa may", **dict(
        none, text_names=["p:theresa may"])).full_name_in_article
    assert bare_evidence(candidate="p:x may", **dict(
        none, affiliation="the Treasury", candidate_affiliations=["Treasury"])).same_affiliation
    assert bare_evidence(candidate="p:x may", **dict(
        none, clusters=[4, 9], candidate_clusters=[9])).same_statement
    assert link_bare({"p:a may": Evidence(same_title=True), "p:b may": Evidence()}) == "p:a may"
    assert link_bare({"p:a may": Evidence(same_title=True),
                      "p:b may": Evidence(same_statement=True)}) is None
    assert link_bare({"p:a may": Evidence()}) is None


def test_an_oversized_line_is_an_error_record_and_never_decoded(tmp_path, monkeypatch):
    """The store splits JSON Lines as `quotetrack extract` does: a line over the size limit is
    an error record in its place (never decoded whole), and the lines around it go in."""
    import json

    from quotetrack.store.inputs import read_documents

    monkeypatch.setattr("quotetrack.batch.line_limit", lambda limits=None: 200)
    path = tmp_path / "in.jsonl"
    small = json.dumps({"id": "a", "text": '"Yes," said Ana Ruiz.'})
    path.write_text("\n".join([small, json.dumps({"id": "big", "text": "x" * 500}), small]) + "\n",
                    encoding="utf-8")
    items = list(read_documents([str(path)]))
    assert [getattr(i, "id", None) or i.get("id") for i in items] == ["a", f"{path}:2", "a"]
    assert "at most 200 bytes" in items[1].message
