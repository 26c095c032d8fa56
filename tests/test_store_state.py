"""The store agrees with a plain in-memory model under any sequence of ingests and corrections.

Hypothesis drives ingest / re-ingest / changed document / merge / split / query against a
`Store` and a model made of dicts and a union-find, and checks after every step that they hold
the same documents, versions, quotes and the same grouping of quotes into people.
"""

from __future__ import annotations

import os
import shutil
import tempfile

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from quotetrack.store import Store

NAMES = ("Ann Lee", "Bo Chan", "Cy Dee", "Di Fox")
STATEMENTS = (
    "The ferry will run every hour from the first of June",
    "Our hospital needs forty more nurses before the winter",
    "Nobody on the council was told about the new tax",
    "The school roof will be repaired during the summer holidays",
    "We have counted every vote twice and the result stands",
)
DOC_IDS = ("d0", "d1", "d2", "d3")

paragraphs = st.lists(st.tuples(st.sampled_from(STATEMENTS), st.sampled_from(NAMES)),
                      min_size=1, max_size=2, unique_by=lambda p: p[1])


def render(paras):
    return "\n\n".join(f'"{s}," said {name}.' for s, name in paras)


class StoreMachine(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.dir = tempfile.mkdtemp(prefix="qt-state-")
        self.store = Store(os.path.join(self.dir, "news.db"))
        self.docs: dict[str, list[tuple[str, str]]] = {}  # id -> [(statement, name)]
        self.versions: dict[str, int] = {}
        self.parent: dict[str, str] = {}  # merges: name -> name it was merged into
        self.splits: list[tuple[str, frozenset, str]] = []  # (root at split, docs, label)

    def teardown(self):
        self.store.close()
        shutil.rmtree(self.dir, ignore_errors=True)

    # ----------------------------------------------------------------------- model

    def find(self, name):
        while self.parent.get(name, name) != name:
            name = self.parent[name]
        return name

    def person_of(self, doc_id, name):
        person = self.find(name)
        for root, docs, label in self.splits:
            if doc_id in docs and person == self.find(root):
                person = label
        return person

    def unsplit_names(self):
        return sorted({name for d, paras in self.docs.items() for _, name in paras
                       if self.person_of(d, name) == self.find(name)})

    # ----------------------------------------------------------------------- rules

    @rule(doc_id=st.sampled_from(DOC_IDS), paras=paragraphs)
    def ingest(self, doc_id, paras):
        report = self.store.ingest([{"id": doc_id, "text": render(paras)}])
        old = self.docs.get(doc_id)
        if old is None:
            assert report.added == 1
            self.versions[doc_id] = 1
        elif render(old) == render(paras):
            assert report.unchanged == 1
        else:
            assert report.replaced == 1
            self.versions[doc_id] += 1
        self.docs[doc_id] = list(paras)

    @rule()
    def reingest_everything(self):
        report = self.store.ingest([{"id": d, "text": render(p)} for d, p in self.docs.items()])
        assert report.unchanged == len(self.docs) and report.quotes == 0

    @precondition(lambda self: len({self.find(n) for n in self.unsplit_names()}) > 1)
    @rule(data=st.data())
    def merge(self, data):
        names = self.unsplit_names()
        a = data.draw(st.sampled_from(names))
        b = data.draw(st.sampled_from([n for n in names if self.find(n) != self.find(a)]))
        self.store.merge(a, b)
        self.parent[self.find(a)] = self.find(b)

    @precondition(lambda self: bool(self.unsplit_names()))
    @rule(data=st.data())
    def split(self, data):
        name = data.draw(st.sampled_from(self.unsplit_names()))
        docs = sorted(d for d, paras in self.docs.items()
                      if any(n == name for _, n in paras)
                      and self.person_of(d, name) == self.find(name))
        doc_id = data.draw(st.sampled_from(docs))
        self.store.split(name, documents=[doc_id])
        self.splits.append((self.find(name), frozenset([doc_id]), f"split{len(self.splits)}"))

    # ----------------------------------------------------------------------- agreement

    @invariant()
    def same_documents_and_versions(self):
        stored = {d.doc_id: d.version for d in self.store.documents()}
        assert stored == self.versions

    @invariant()
    def same_quotes(self):
        got = sorted((q.doc_id, q.quote.content.text, q.quote.speaker.name)
                     for q in self.store.quotes())
        want = sorted((d, f"{s},", name) for d, paras in self.docs.items() for s, name in paras)
        assert got == want

    @invariant()
    def same_people(self):
        groups: dict[object, set] = {}
        for q in self.store.quotes():
            groups.setdefault(q.person_id, set()).add((q.doc_id, q.quote.speaker.name))
        model: dict[object, set] = {}
        for d, paras in self.docs.items():
            for _, name in paras:
                model.setdefault(self.person_of(d, name), set()).add((d, name))
        assert sorted(map(sorted, groups.values())) == sorted(map(sorted, model.values()))

    @invariant()
    def person_queries_agree(self):
        for name in self.unsplit_names():
            got = {(q.doc_id, q.quote.speaker.name) for q in self.store.quotes(person=name)}
            root = self.find(name)
            want = {(d, n) for d, paras in self.docs.items() for _, n in paras
                    if self.person_of(d, n) == root}
            assert got == want


StoreMachine.TestCase.settings = settings(
    max_examples=60, stateful_step_count=15, deadline=None,
    suppress_health_check=[HealthCheck.too_slow])
TestStoreAgreesWithModel = StoreMachine.TestCase
