"""Dating documents from their content, checked against the reference gold (never copied)."""

from __future__ import annotations

import json

import pytest

from accordwatch.extract.docdate import dated_events, infer_document_date
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


def test_a_weekday_told_ahead_of_an_anniversary_dates_the_text_to_the_day() -> None:
    doc = make_doc("The ministry said on Friday that the agreements stand. The statement came ahead of the fifth "
                   "anniversary of the November 2020 ceasefire. The ceasefire, signed on November 9, 2020, "
                   "ended six weeks of war.")
    dated = infer_document_date(doc)
    assert dated.value == "2025-11-07" and dated.how == "inferred"  # the Friday before Sunday 9 November 2025
    assert 0 < dated.confidence < 0.7 and "2025-11-09" in dated.reason
    friday = next(t for t in find_timexes(doc, dated.value, dct_inferred=True) if t.text == "Friday")
    assert friday.value == "2025-11-07" and friday.anchor_inferred


def test_another_text_of_the_collection_can_give_the_event_day() -> None:
    other = make_doc("Voters went to the polls in the referendum held on March 16, 2014, under heavy guard.")
    known = dated_events(other, find_timexes(other, None))
    assert [e.day.isoformat() for e in known] == ["2014-03-16"] and "referendum" in known[0].nouns
    doc = make_doc("Officials said on Tuesday that the region would hold celebrations ahead of the tenth "
                   "anniversary of the March 2014 referendum.")
    assert infer_document_date(doc).value == "2024-03"  # alone, the text only knows the month
    assert infer_document_date(doc, known_events=known).value == "2024-03-12"  # Tuesday before Saturday 16th


@pytest.mark.parametrize(("text", "value"), [
    # "on the anniversary" dates the text to the anniversary itself
    ("Crowds gathered on the first anniversary of the 12 June 2023 truce.", "2024-06-12"),
    # two ceasefires in that month: the day stays unknown
    (("Leaders spoke on Friday ahead of the fifth anniversary of the May 2019 ceasefire. A first ceasefire "
      "of May 2, 2019 failed; the ceasefire of May 20, 2019 held."), "2024-05"),
    # a weekday still to come does not date the text
    ("Leaders will meet on Monday ahead of the fifth anniversary of the ceasefire signed on 9 November 2020.",
     "2025-11"),
])
def test_anniversary_day_only_when_known(text: str, value: str) -> None:
    assert infer_document_date(make_doc(text)).value == value


def test_head_end_is_where_the_first_lines_end() -> None:
    from accordwatch.extract.docdate import _DATELINE_LINES, _head_end

    for text in ("", "a", "a\n", "\n" * 11, "\n" * 12, "\n" * 13, "ab\ncd\n" * 10, "x\n" * 5 + "y"):
        assert _head_end(text) == sum(len(line) + 1 for line in text.split("\n")[:_DATELINE_LINES])
