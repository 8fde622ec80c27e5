"""Lineage: a report quoting an earlier statement re-reports it; what it repeats counts once."""

from __future__ import annotations

from accordwatch.fuse import Corpus, fuse_events
from accordwatch.fuse.corpus import said_on
from accordwatch.fuse.lineage import document_lineage
from tests.fuse.helpers import doc, event

STATEMENT = ("The Russian peacekeeping contingent made an indispensable contribution to stabilising the situation "
             "and ensuring security in the region, at the cost of our soldiers' lives. The agreements remain valid "
             "and relevant. The contingent completed its withdrawal on June 12, 2024.")
REPORT = ("The ministry recalled that the peacekeeping mission, \u201cmaking an indispensable contribution to "
          "stabilizing the situation and ensuring security in the region, at the cost of our soldiers\u2019 "
          "lives,\u201d ended with its withdrawal in June 2024. Separately, Azerbaijan regained control of the "
          "region in September 2023, local residents told reporters.")
OTHER = "Peacekeepers left Nagorno-Karabakh in June 2024, officials in Yerevan told our correspondent."


def _docs(report_date: str = "2025-11"):
    return doc(STATEMENT, "ministry", "2025-11-07"), doc(REPORT, "news", report_date), doc(OTHER, "other", "2024-06-20")


def test_a_quote_in_another_spelling_makes_a_report_derived_even_when_dates_overlap():
    docs = _docs()
    lineage = document_lineage(docs, {d.id: said_on(d) for d in docs})
    ministry, news, other = docs
    assert lineage[news.id].derived_from == ministry.id and lineage[news.id].origin == ministry.id
    assert any("indispensable contribution" in s for s in lineage[news.id].shared)
    assert lineage[ministry.id].derived_from == "" and lineage[other.id].derived_from == ""


def test_roles_set_by_the_user_win():
    docs = _docs()
    lineage = document_lineage(docs, {d.id: said_on(d) for d in docs}, {docs[2].id: "official_statement"})
    assert (lineage[docs[2].id].role, lineage[docs[2].id].role_how) == ("official_statement", "given")


def test_what_a_derived_report_repeats_counts_once_and_its_own_reporting_counts_apart():
    ministry, news, other = _docs()
    corpus = Corpus.of([
        (ministry, [event(ministry, "completed its withdrawal on June 12, 2024", "RETREAT", "2024-06-12")]),
        (news, [event(news, "ended with its withdrawal in June 2024", "RETREAT", "2024-06"),
                event(news, "Azerbaijan regained control of the region", "ASSAULT", "2023-09")]),
        (other, [event(other, "Peacekeepers left Nagorno-Karabakh in June 2024", "RETREAT", "2024-06")]),
    ])
    (withdrawal,) = [e for e in fuse_events(corpus) if e.type == "RETREAT"]
    assert len(withdrawal.sources) == 3 and withdrawal.corroboration == 2  # the ministry (twice) and Yerevan
    regained = next(e for e in fuse_events(corpus) if e.type == "ASSAULT")
    assert regained.mentions[0].ref.origin == corpus.publishers[news.id]  # the newsroom's own reporting
