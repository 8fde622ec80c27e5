"""TimeML in and out, and the TempEval-3 and reference-corpus floors, scored by the shared scorers."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

from accordwatch.extract.docdate import dated_events, infer_document_date
from accordwatch.extract.timex import find_timexes
from accordwatch.timeml import read_timeml, tag_timeml, tag_timeml_dir
from tests.conftest import EXAMPLES, make_doc, shared_path

SAMPLE = """<?xml version="1.0" ?>
<TimeML>
<DOCID>X1</DOCID>
<DCT><TIMEX3 tid="t0" type="TIME" value="1998-02-13T14:26:00" functionInDocument="CREATION_TIME">02/13/1998</TIMEX3></DCT>
<TEXT>
The convention voted Friday &amp; will meet again next week, after 210 years of loyalty.
</TEXT>
</TimeML>
"""


def _load(name: str) -> ModuleType:
    path = shared_path("eval", name)
    spec = importlib.util.spec_from_file_location(f"shared_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_tagging_keeps_the_text_and_adds_timex3() -> None:
    out = tag_timeml(SAMPLE)
    dct, text, _ = read_timeml(out)
    assert dct == "1998-02-13T14:26:00"
    assert text == read_timeml(SAMPLE)[1]
    assert '<TIMEX3 tid="t1" type="DATE" value="1998-02-13">Friday</TIMEX3>' in out
    assert 'value="1998-W08">next week</TIMEX3>' in out
    assert 'value="P210Y">210 years</TIMEX3>' in out
    assert "&amp;" in out and out.startswith(SAMPLE.split("<TEXT>")[0])


def test_tag_timeml_dir(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.tml").write_text(SAMPLE, encoding="utf-8")
    assert tag_timeml_dir(tmp_path / "in", tmp_path / "out") == 1
    assert "<TIMEX3" in (tmp_path / "out" / "a.tml").read_text(encoding="utf-8")


def test_tempeval3_training_floors(tmp_path: Path) -> None:
    scorer = _load("timeml.py")
    gold = shared_path("eval", "tempeval3", "train")
    scorer.strip(str(gold), str(tmp_path / "in"))
    assert tag_timeml_dir(tmp_path / "in", tmp_path / "out") == 256
    res = scorer.score(str(gold), str(tmp_path / "out"))
    assert res["problems"] == []
    # Floors pinned a little under what we measure (94.6 / 88.4 / 82.1).
    assert res["relaxed_f1"] >= 94.3
    assert res["strict_f1"] >= 88.0
    assert res["value_f1"] >= 81.8


def test_reference_corpus_floors(tmp_path: Path) -> None:
    scorer = _load("score.py")
    lines = []
    docs = [make_doc(path.read_text(encoding="utf-8"), source=path.name) for path in sorted(EXAMPLES.glob("*.txt"))]
    events = [dated_events(doc, find_timexes(doc, None)) for doc in docs]
    for i, doc in enumerate(docs):
        # The texts are one collection: the others' event days can date an anniversary.
        known = [e for j, found in enumerate(events) if j != i for e in found]
        dated = infer_document_date(doc, find_timexes(doc, None), known_events=known)
        timexes = find_timexes(doc, dated.value, dct_inferred=dated.how == "inferred")
        lines.append(json.dumps({
            "source": doc.source,
            "published": dated.value if dated.how != "inferred" else None,
            "published_inferred": dated.value,
            "timex": [{"text": t.text, "value": t.value, "type": t.label, "start": t.start, "end": t.end}
                      for t in timexes],
        }))
    pred = tmp_path / "pred.jsonl"
    pred.write_text("\n".join(lines), encoding="utf-8")
    res = scorer.score(str(shared_path("eval", "karabakh")), str(pred))
    assert res["timex_value_f1"] >= 0.975
    assert res["timex_value_accuracy"] == 1.0
    assert res["doc_date_month_accuracy"] == 1.0
