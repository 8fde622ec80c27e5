"""Figures: the rule files' own examples, the reference corpus against its gold, real BBC
sentences, timex interplay, relations and speed."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from accordwatch.extract.figures import figure_record, find_figures
from accordwatch.extract.figures.lexicon import RULE_FILES, load_rules
from accordwatch.model import Figure, Timex, make_span
from tests.conftest import EXAMPLES, make_doc, shared_path

EXAMPLE_FILES = (*RULE_FILES, "relations")


def _rule_cases(kind: str) -> list:
    return [pytest.param(case, id=f"{name}:{i}")
            for name in EXAMPLE_FILES for i, case in enumerate(load_rules(name).get(kind, []))]


def figures_of(text: str, timexes=()) -> list[Figure]:
    doc = make_doc(text)
    found = find_figures(doc, timexes)
    for fig in found:
        fig.check(doc)
    return found


def one_with_value(figs: list[Figure], value: float) -> Figure:
    matches = [f for f in figs if f.value is not None and abs(f.value - value) < 1e-6]
    assert matches, f"no figure of value {value} in {[(f.text, f.value) for f in figs]}"
    return matches[0]


@pytest.mark.parametrize("case", _rule_cases("examples"))
def test_rule_examples(case):
    figs = figures_of(case["text"])
    if "part" in case:
        whole = one_with_value(figs, case["whole"])
        part = one_with_value(figs, case["part"])
        assert ("part_of", f"{whole.start}:{whole.end}") in part.relations
        return
    fig = one_with_value(figs, case["value"])
    for attr in ("unit", "object", "qualifier"):
        if attr in case:
            assert getattr(fig, attr) == case[attr], (attr, fig)


@pytest.mark.parametrize("text", _rule_cases("counter_examples"))
def test_rule_counter_examples(text):
    assert [(f.text, f.value) for f in figures_of(text)] == []


def test_reference_junk_lines_give_nothing():
    for junk in ("1872-07-11-2025", "7 November 2025 13:52", "Florida Panthers Triumph 4-3 Over Rangers"):
        assert figures_of(junk) == []


def _score_module():
    spec = importlib.util.spec_from_file_location("score", shared_path("eval", "score.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_reference_corpus_f1_floor(tmp_path: Path):
    """Figures F1 on the five reference texts, scored by ../shared/eval/score.py itself."""
    gold_dir = shared_path("eval", "karabakh")
    export = tmp_path / "figures.jsonl"
    with export.open("w", encoding="utf-8") as out:
        for path in sorted(EXAMPLES.glob("*.txt")):
            doc = make_doc(path.read_text(encoding="utf-8"), source=path.name)
            out.write(json.dumps({"source": path.name,
                                  "figures": [figure_record(f) for f in find_figures(doc)]}) + "\n")
    result = _score_module().score(str(gold_dir), str(export))
    assert result["missing_docs"] == []
    assert result["figures"]["f1"] >= 0.95, result["figures"]


def test_reference_statement_figures_in_detail():
    text = (EXAMPLES / "000_c05b379aa9dd4fa4.txt").read_text(encoding="utf-8")
    figs = {f.text: f for f in figures_of(text)}
    roads = figs["over 689 kilometres of roads"]
    assert (roads.value, roads.unit, roads.qualifier, roads.label) == (689, "km", "over", "measure")
    assert figs["20 kilometres of gas pipelines"].object == "gas pipelines"
    assert figs["2,550.2 hectares of land"].value == 2550.2
    assert figs["31 socially significant facilities"].object == "socially significant facilities"
    assert not any("2025" in t or "13:52" in t or "3+3" in t for t in figs)


def test_sum_relation_and_inherited_object():
    text = "The exchange resulted in the repatriation of 213 individuals - 189 to Armenia and 24 to Azerbaijan."
    figs = figures_of(text)
    whole, a, b = (one_with_value(figs, v) for v in (213, 189, 24))
    key = f"{whole.start}:{whole.end}"
    assert ("part_of", key) in a.relations and ("part_of", key) in b.relations
    assert ("sum_of", f"{a.start}:{a.end}") in whole.relations
    assert a.object == b.object == "individuals"


def test_numbers_that_do_not_add_up_are_not_parts():
    figs = figures_of("They freed 213 prisoners, 100 soldiers and 24 civilians.")
    assert all(f.relations == () for f in figs)


def test_out_of_relation():
    text = "By October 1, 100,514 ethnic Armenians out of 120,000 nominally declared had left."
    figs = figures_of(text)
    part, whole = one_with_value(figs, 100514), one_with_value(figs, 120000)
    assert ("part_of", f"{whole.start}:{whole.end}") in part.relations
    assert ("has_part", f"{part.start}:{part.end}") in whole.relations
    assert whole.object == "ethnic Armenians"
    assert all(f.value != 1 for f in figs)  # "October 1" is a date


def test_numbers_inside_date_timexes_are_not_figures_but_durations_are():
    text = "Talks resumed on 12 May after 12 weeks, and 40 observers arrived."
    doc = make_doc(text)
    date = make_span(doc, text.index("12 May"), text.index("12 May") + 6, "DATE", "test")
    dur = make_span(doc, text.index("12 weeks"), text.index("12 weeks") + 8, "DURATION", "test")
    timexes = [Timex(**{**date.__dict__, "value": "2024-05-12"}), Timex(**{**dur.__dict__, "value": "P12W"})]
    figs = find_figures(doc, timexes)
    assert [(f.text, f.label) for f in figs] == [("12 weeks", "duration"), ("40 observers", "count")]
    assert figs[1].time == "2024-05-12"


def test_time_is_taken_from_the_same_sentence_only():
    text = "Fighting stopped in March. Then 300 prisoners were freed."
    doc = make_doc(text)
    span = make_span(doc, text.index("March"), text.index("March") + 5, "DATE", "test")
    figs = find_figures(doc, [Timex(**{**span.__dict__, "value": "2021-03"})])
    assert one_with_value(figs, 300).time == ""


@pytest.mark.parametrize(("sentence", "expected"), [
    # Real sentences from the BBC corpus (../shared/corpus/bbc).
    (("Even without Van Nistelrooy, United made it 13 wins in 15 league games with a 2-0 derby victory at "
     "Manchester City on Sunday."), [(13, "wins"), (15, "league games")]),
    (("The demand for $280bn (£155bn) - filed by the Clinton administration in 1999 - was rejected in a 2-1 "
     "decision."), [(280e9, ""), (155e9, "")]),
    (("Since 2002, at least 9,000 under-18s have arrived in the UK to seek asylum without other family "
     "members."), [(9000, "")]),
    ("At least a dozen Albanian-born teenagers are thought to have been identified for return.",
     [(12, "Albanian-born teenagers")]),
    (("Claxton will see if her new training regime pays dividends at the European Indoors which take place "
     "on 5-6 March."), []),
    ("In the women's 60m final, Ailis McSweeney broke Michelle Carroll's long-standing Irish record.",
     [(60, "")]),
])
def test_bbc_sentences(sentence, expected):
    assert [(f.value, f.object) for f in figures_of(sentence)] == expected


def test_money_and_percent_labels():
    figs = figures_of("DaimlerChrysler's shares fell 1.5% after a 475m euro hit and a $1.2bn charge.")
    assert [(f.label, f.unit, f.value) for f in figs] == [
        ("percent", "%", 1.5), ("money", "EUR", 475e6), ("money", "USD", 1.2e9)]


def test_spans_hold_on_bbc_sample():
    files = sorted(shared_path("corpus", "bbc").glob("*_*.txt"))[::50]
    for path in files:
        doc = make_doc(path.read_text(encoding="utf-8", errors="replace"))
        for fig in find_figures(doc):
            fig.check(doc)
            assert fig.value is not None and fig.start < fig.end


def test_a_draft_has_the_fields_of_a_figure_in_its_order_less_the_document():
    # find_figures makes each Figure as Figure(doc_id, *draft): a field added to one must be added to both.
    from dataclasses import fields

    from accordwatch.extract.figures.draft import Draft
    from accordwatch.model import Figure

    assert tuple(f.name for f in fields(Figure)) == ("doc_id", *Draft._fields)
