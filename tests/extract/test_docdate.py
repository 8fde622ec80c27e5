"""Dating documents from their content, checked against the reference gold (never copied)."""

from __future__ import annotations

import json

import pytest

from accordwatch.extract.docdate import infer_document_date
from accordwatch.extract.timex import find_timexes
from tests.conftest import EXAMPLES, make_doc, shared_path


def test_dateline_is_read_as_a_stated_date() -> None:
    doc = make_doc("Statement\n\n7 November 2025 13:52\n1872-07-11-2025\n\nOn November 9, 2020 the war ended.")
    dated = infer_document_date(doc)
    assert (dated.value, dated.how, dated.source) == ("2025-11-07", "read", "dateline")


def test_anniversary_dates_the_text() -> None:
    doc = make_doc("The ministry spoke on Friday. The statement came ahead of the fifth anniversary of "
                   "the November 2020 ceasefire, which ended six weeks of fighting.")
    dated = infer_document_date(doc)
    assert dated.value == "2025-11" and dated.how == "inferred" and dated.source == "content"
    assert "anniversary" in dated.reason and 0 < dated.confidence < 1


def test_yearless_dates_fall_after_the_latest_dated_event() -> None:
    doc = make_doc("Statements of 9 November 2020 and 31 October 2022 were adopted. Leaders met on 25 May, "
                   "and the ministers met on 25 July for the second time this year.")
    dated = infer_document_date(doc)
    assert dated.value == "2023-07"
    timexes = {t.text: t for t in find_timexes(doc, dated.value, dct_inferred=True)}
    assert timexes["this year"].value == "2023" and timexes["this year"].anchor_inferred


def test_a_future_deadline_is_not_the_latest_event() -> None:
    doc = make_doc("The war ended in November 2020. The force will stay until November 2025. "
                   "Troops were withdrawn on March 3.")
    dated = infer_document_date(doc)
    assert dated is not None and "2020-11" < dated.value < "2025-11"


def test_no_dates_no_inference() -> None:
    assert infer_document_date(make_doc("Talks went on. Nothing was agreed.")) is None


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.txt")))
def test_reference_corpus_publication_month(name: str) -> None:
    gold = json.loads((shared_path("eval", "karabakh") / name.replace(".txt", ".gold.json")).read_text())
    want = gold.get("published") or gold.get("published_inferred")
    doc = make_doc((EXAMPLES / name).read_text(encoding="utf-8"), source=name)
    dated = infer_document_date(doc, find_timexes(doc, None))
    assert dated is not None and dated.value[:7] == want[:7]
    assert dated.reason and (dated.how == "inferred") == (gold.get("published") is None)
