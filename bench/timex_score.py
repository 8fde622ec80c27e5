"""Score the temporal engine on the reference corpus with ../shared/eval/score.py.

    python bench/timex_score.py [OUT.jsonl]

Each example text becomes a document (raw text, no cleaning); its date is inferred from
the content where no dateline states it, and its timexes are resolved against that date.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from accordwatch.extract.docdate import infer_document_date
from accordwatch.extract.timex import find_timexes
from accordwatch.model import Document, OffsetMap, Segment, content_hash

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "karabakh"
GOLD = ROOT.parent / "shared" / "eval" / "karabakh"


def record(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    doc = Document(content_hash(text), path.name, text, text, OffsetMap((Segment(0, 0, len(text)),)))
    dated = infer_document_date(doc, find_timexes(doc, None))
    dct = dated.value if dated else None
    timexes = find_timexes(doc, dct, dct_inferred=bool(dated and dated.how == "inferred"))
    stated = dated is not None and dated.how != "inferred"
    return {
        "source": path.name,
        "published": dct if stated else None,
        "published_inferred": dct,
        "published_reason": dated.reason if dated else "",
        "timex": [{"text": t.text, "value": t.value, "type": t.label, "start": t.start, "end": t.end}
                  for t in timexes],
    }


def main(out: Path) -> None:
    with out.open("w", encoding="utf-8") as f:
        for path in sorted(EXAMPLES.glob("*.txt")):
            f.write(json.dumps(record(path), ensure_ascii=False) + "\n")
    subprocess.run([sys.executable, str(GOLD.parents[0] / "score.py"), str(GOLD), str(out)], check=True)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/timex-karabakh.jsonl"))
