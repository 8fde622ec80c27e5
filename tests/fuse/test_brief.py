"""The extractive brief: short, deterministic, and every sentence cites stored spans."""

from __future__ import annotations

from accordwatch.fuse import brief, fuse_corpus
from accordwatch.fuse.brief import to_html, to_markdown
from tests.fuse.test_tracker import _corpus


def _record():
    return fuse_corpus(_corpus(), as_of="2026-01-01")


def test_every_sentence_is_copied_from_a_document_and_cites_its_spans():
    corpus = _corpus()
    texts = {d.id: d.text for d, _ in corpus}
    stored = {(s.doc_id, s.kind, s.start, s.end) for _, spans in corpus for s in spans}
    b = brief(_record())
    assert b.sentences and b.words < 250
    for s in b.sentences:
        assert any(s.text in " ".join(t.split()) for t in texts.values())
        assert s.refs and all((r.doc_id, r.kind, r.start, r.end) in stored for r in s.refs)
        assert any(r.sentence == s.text for r in s.refs)  # one citation is the sentence's own
        assert s.text.split()[0].lower() not in ("they", "it", "this", "these")  # stands alone


def test_the_best_attested_fact_comes_first_in_date_order():
    b = brief(_record())
    dates = [s.date for s in b.sentences]
    assert dates == sorted(dates)
    withdrawal = [s for s in b.sentences if "withdrawal" in s.text]
    assert withdrawal and len({r.doc_id for r in withdrawal[0].refs}) == 2


def test_brief_is_deterministic_and_renders():
    md = to_markdown(brief(_record()))
    assert md == to_markdown(brief(_record()))
    assert md.startswith("# Brief") and "[1] " in md
    assert len(md.split()) < 250
    assert "<h1>Brief</h1>" in to_html(brief(_record()))


def test_topic_keeps_only_what_concerns_it():
    b = brief(_record(), topic="withdrawal")
    assert b.sentences and all("withdrawal" in s.text or any("withdrawal" in r.sentence for r in s.refs)
                               for s in b.sentences)
    assert brief(_record(), topic="nuclear submarines").sentences == ()
