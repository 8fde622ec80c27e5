"""Full-text search on real texts, on every backend; user input never breaks the query."""

from __future__ import annotations

import hashlib
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accordwatch.store import Store
from accordwatch.store.search import MARK_CLOSE, MARK_OPEN, fts5_query
from tests.conftest import EXAMPLES, make_doc


@pytest.fixture
def corpus(store):
    docs = [make_doc(p.read_text(encoding="utf-8"), source=str(p)) for p in sorted(EXAMPLES.glob("*.txt"))]
    store.add_batch([(d, []) for d in docs])
    return store, docs


def containing(docs, *words: str) -> set[str]:
    """Ids of documents whose text has every word (whole word, any case)."""
    return {d.id for d in docs
            if all(re.search(rf"\b{re.escape(w)}\b", d.text, re.IGNORECASE) for w in words)}


def test_a_word_finds_exactly_the_documents_containing_it(corpus):
    store, docs = corpus
    for word in ("Putin", "ceasefire", "Washington"):
        expected = containing(docs, word)
        assert expected, f"reference texts lack {word!r}"
        assert {h.id for h in store.search(word, limit=50)} == expected, word


def test_all_words_must_match(corpus):
    store, docs = corpus
    got = {h.id for h in store.search("Putin Aliyev", limit=50)}
    assert got == containing(docs, "Putin", "Aliyev")


def test_or_and_exclusion(corpus):
    store, docs = corpus
    either = containing(docs, "Putin") | containing(docs, "Washington")
    assert {h.id for h in store.search("Putin or Washington", limit=50)} == either
    without = containing(docs, "ceasefire") - containing(docs, "Putin")
    assert {h.id for h in store.search("ceasefire -Putin", limit=50)} == without


def test_phrase_matches_words_in_order(corpus):
    store, docs = corpus
    phrase = "ceasefire agreement"
    expected = {d.id for d in docs if re.search(r"ceasefire\s+agreements?\b", d.text, re.IGNORECASE)}
    assert expected
    assert {h.id for h in store.search(f'"{phrase}"', limit=50)} == expected


def test_hits_carry_a_marked_snippet_and_are_ranked(corpus):
    store, _ = corpus
    hits = store.search("ceasefire", limit=50)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    for h in hits:
        assert re.search(f"{MARK_OPEN}ceasefire{MARK_CLOSE}", h.snippet, re.IGNORECASE), h.snippet
        assert "[" in h.marked() and MARK_OPEN not in h.plain
        assert h.source.endswith(".txt")


def test_stemming_finds_other_forms(corpus):
    store, docs = corpus
    assert {h.id for h in store.search("signing", limit=50)} >= containing(docs, "signed")


def test_paging(corpus):
    store, _ = corpus
    everything = [h.id for h in store.search("Armenia", limit=50)]
    assert len(everything) >= 3
    first, rest = store.search("Armenia", limit=2), store.search("Armenia", limit=50, offset=2)
    assert [h.id for h in first + rest] == everything
    assert store.search("Armenia", limit=0) == []


@pytest.mark.parametrize("query", [
    'NEAR(peace', '"unterminated', "title:ceasefire", "*", "AND", "OR", "NOT", ")", "peace AND OR",
    "-", "--", "^start", "a:b:c", "col : x", "'", "\\", "\x00", "   ", "", "ceasefire*", "NEAR(a b, 3)",
])
def test_query_syntax_in_user_input_never_crashes(corpus, query):
    store, _ = corpus
    assert isinstance(store.search(query), list)


def test_syntax_characters_are_searched_as_text(corpus):
    store, docs = corpus
    assert {h.id for h in store.search("ceasefire:", limit=50)} == containing(docs, "ceasefire")


def test_earlier_versions_are_left_out_by_default(store):
    old = make_doc("Delegations discussed demining near Tavush.", source="s.txt")
    new = make_doc("Delegations discussed delimitation near Tavush.", source="s.txt")
    store.add_document(old, [])
    store.add_document(new, [])
    assert [h.id for h in store.search("Tavush")] == [new.id]
    assert {h.id for h in store.search("Tavush", latest_only=False)} == {old.id, new.id}
    assert store.search("demining") == []


def test_fts5_query_quotes_every_term():
    assert fts5_query('peace "border commission" or corridor -Russia') == (
        '("peace") AND ("border commission" OR "corridor") NOT "Russia"')
    assert fts5_query('say "hi') == '("say") AND ("hi")'
    assert fts5_query('a"b') == '("a""b")'
    assert fts5_query("-only -negative") is None
    assert fts5_query("* ( )") is None


def test_a_very_long_document_is_stored_and_found(store):
    # 40,000 distinct words (1.3 MB): more than one PostgreSQL tsvector can hold whole.
    words = [hashlib.md5(str(i).encode()).hexdigest() for i in range(40_000)]
    doc = make_doc("Opening words about demarcation. " + " ".join(words), source="long-report.txt")
    assert store.add_document(doc, [])
    assert [h.id for h in store.search("demarcation")] == [doc.id]
    assert store.get_document("long-report") == doc


@pytest.fixture(scope="module")
def memory_corpus():
    with Store.open(":memory:") as store:
        text = 'Ceasefire "talks" (NEAR Lachin) -- border: 50% * done.'
        store.add_document(make_doc(text, source="m.txt"), [])
        yield store


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from('ab -"*():^+.,NEAROTD_\'%\\'), max_size=30) | st.text(max_size=30))
def test_any_text_is_a_valid_fts5_query(memory_corpus, query):
    assert isinstance(memory_corpus.search(query), list)
