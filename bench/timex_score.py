"""Score the temporal engine on the reference corpus with ../shared/eval/score.py.

    python bench/timex_score.py [OUT.jsonl]

Each example text becomes a document (raw text, no cleaning); its date is inferred from
the content where no dateline states it, and its timexes are resolved against that date.
The texts are one collection: the days the others give events (docdate.dated_events) can
date an anniversary a text names only by its month.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from accordwatch.extract.docdate import EventDay, dated_events, infer_document_date
from accordwatch.extract.timex import find_timexes
from accordwatch.model import Document, OffsetMap, Segment, content_hash

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "karabakh"
GOLD = ROOT.parent / "shared" / "eval" / "karabakh"


def document(path: Path) -> Document:
    text = path.read_text(encoding="utf-8")
    return Document(content_hash(text), path.name, text, text, OffsetMap((Segment(0, 0, len(text)),)))


def record(doc: Document, known: list[EventDay]) -> dict:
    dated = infer_document_date(doc, find_timexes(doc, None), known_events=known)
    dct = dated.value if dated else None
    timexes = find_timexes(doc, dct, dct_inferred=bool(dated and dated.how == "inferred"))
    stated = dated is not None and dated.how != "inferred"
    return {
        "source": doc.source,
        "published": dct if stated else None,
        "published_inferred": dct,
        "published_reason": dated.reason if dated else "",
        "timex": [{"text": t.text, "value": t.value, "type": t.label, "start": t.start, "end": t.end}
                  for t in timexes],
    }


def main(out: Path) -> None:
    docs = [document(path) for path in sorted(EXAMPLES.glob("*.txt"))]
    events = {d.id: dated_events(d, find_timexes(d, None)) for d in docs}
    with out.open("w", encoding="utf-8") as f:
        for doc in docs:
            known = [e for other in docs if other.id != doc.id for e in events[other.id]]
            f.write(json.dumps(record(doc, known), ensure_ascii=False) + "\n")
    subprocess.run([sys.executable, str(GOLD.parents[0] / "score.py"), str(GOLD), str(out)], check=True)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/timex-karabakh.jsonl"))
