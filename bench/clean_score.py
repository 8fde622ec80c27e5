"""Clean the reference texts and score the removed lines with ../shared/eval/score.py.

    .venv/bin/python bench/clean_score.py [EXAMPLES_DIR] [OUT.jsonl]
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from accordwatch.clean import CorpusContext, clean_document
from accordwatch.model import RawInput, content_hash

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def main(argv: list[str]) -> int:
    examples = Path(argv[1]) if len(argv) > 1 else ROOT / "examples" / "karabakh"
    out = Path(argv[2]) if len(argv) > 2 else Path("/tmp/clean_score.jsonl")
    raws = [RawInput(p.name, p.read_text(encoding="utf-8"), content_hash(p.read_text(encoding="utf-8")))
            for p in sorted(examples.glob("*.txt"))]
    context = CorpusContext.from_inputs(raws)
    with out.open("w", encoding="utf-8") as fh:
        for raw in raws:
            doc = clean_document(raw, context)
            fh.write(json.dumps({"source": raw.source, "removed_lines": [r.text.strip() for r in doc.removed],
                                 "published": doc.get("published")}, ensure_ascii=False) + "\n")
    scorer = SHARED / "eval" / "score.py"
    return subprocess.call([sys.executable, str(scorer), str(SHARED / "eval" / "karabakh"), str(out)])


if __name__ == "__main__":
    sys.exit(main(sys.argv))
