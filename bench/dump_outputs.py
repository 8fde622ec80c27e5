"""Everything the pipeline finds in a corpus, one JSON line a document, to check that a speed-up
changed nothing:

    .venv/bin/python bench/dump_outputs.py CORPUS... -o before.jsonl      # on the old code
    .venv/bin/python bench/dump_outputs.py CORPUS... -o after.jsonl       # on the new code
    cmp before.jsonl after.jsonl

Inputs are read and processed as `accordwatch ingest` does (same corpus context, same order);
each line holds the document's source, id, clean text hash, metadata, removed lines and every
span with its kind, offsets, label, rule, confidence and kind-specific fields.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys

from accordwatch.ingest import IngestError, read_inputs
from accordwatch.parallel import serial
from accordwatch.pipeline import Processed, corpus_context


def record(p: Processed) -> dict:
    doc = p.doc
    return {
        "source": doc.source,
        "id": doc.id,
        "text_sha1": hashlib.sha1(doc.text.encode()).hexdigest(),
        "meta": {k: v.to_dict() for k, v in sorted(doc.meta.items())},
        "removed": [[r.raw_start, r.raw_end, r.reason] for r in doc.removed],
        "spans": [[s.kind, s.start, s.end, s.label, s.rule_id, s.confidence, s.attrs()] for s in p.spans],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="+")
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args()
    raws = [r for r in read_inputs(args.corpus) if not isinstance(r, IngestError)]
    context = corpus_context(raws)
    with open(args.output, "w", encoding="utf-8") as out:
        for raw, outcome in serial(raws, context):
            line = record(outcome) if isinstance(outcome, Processed) else {"source": raw.source, "error": outcome}
            out.write(json.dumps(line, ensure_ascii=False, sort_keys=True, default=repr) + "\n")
    print(f"{len(raws)} inputs -> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
