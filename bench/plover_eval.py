"""Event and agreement figures: PLOVER dev set (type accuracy, source actor found) and the reference
corpus scored with ../shared/eval/score.py (events, agreements). Prints figures; writes nothing.

    .venv/bin/python bench/plover_eval.py [--verbose]
"""

from __future__ import annotations

import importlib.util
import json
import sys
import time
from pathlib import Path

from accordwatch.extract.agreements import find_agreements
from accordwatch.extract.events import classify_sentence, find_events
from accordwatch.model import Document, OffsetMap, Segment, content_hash

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples" / "karabakh"


def make_doc(text: str, source: str = "bench.txt") -> Document:
    return Document(content_hash(text), source, text, text, OffsetMap((Segment(0, 0, len(text)),)))


def actors_of(doc: Document) -> list:
    try:
        from accordwatch.extract.actors import find_actors
    except ImportError:
        return []
    return find_actors(doc)


def timexes_of(doc: Document, dct: str | None) -> list:
    try:
        from accordwatch.extract.timex import find_timexes
    except ImportError:
        return []
    return find_timexes(doc, dct)


def _norm(s: str) -> str:
    return " ".join(s.lower().replace("’", "'").split())


def plover_dev(verbose: bool) -> dict[str, float]:
    records = [json.loads(line) for line in (SHARED / "eval" / "plover" / "dev.jsonl").read_text().splitlines()
               if line.strip()]
    typed = found = 0
    for r in records:
        kind, _ = classify_sentence(r["text"])
        typed += kind == r["event"]
        doc = make_doc(r["text"])
        actors = actors_of(doc)
        events = find_events(doc, actors, [], None)
        names = {_norm(n) for e in events for n in e.source_actors}
        names |= {_norm(a.text) for a in actors for e in events if a.canonical in e.source_actors}
        ok = any(_norm(g) in n or n in _norm(g) for g in r["source"] for n in names if n)
        found += ok
        if verbose and (kind != r["event"] or not ok):
            print(f"  {r['event']:9} {kind:9} src={'ok' if ok else sorted(names)} gold={r['source']} | {r['text'][:110]}")
    n = len(records)
    return {"plover_type_accuracy": round(typed / n, 4), "plover_source_found": round(found / n, 4), "n": n}


def export_reference() -> list[dict]:
    """The reference corpus through the whole pipeline (cleaning, dates, actors), as `accordwatch export`."""
    from accordwatch.export import document_record
    from accordwatch.ingest import read_inputs
    from accordwatch.pipeline import corpus_context, process

    raws = [r for r in read_inputs([str(SHARED / "corpus" / "karabakh")]) if hasattr(r, "raw")]
    context = corpus_context(raws)
    return [document_record(p.doc, p.spans) for p in (process(r, context) for r in raws)]


def reference_scores() -> dict[str, dict]:
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    score = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(score)
    export = Path("/tmp") / f"accordwatch-plover-eval-{time.time_ns()}.jsonl"
    export.write_text("\n".join(json.dumps(r) for r in export_reference()) + "\n")
    try:
        res = score.score(str(SHARED / "eval" / "karabakh"), str(export))
    finally:
        export.unlink()
    return {"events": res["events"], "agreements": res["agreements"]}


def speed() -> float:
    """Documents a CPU second for events and agreements on the reference texts (actors and timexes
    precomputed; CPU time, because the machine is shared)."""
    docs = []
    for path in sorted(EXAMPLES.glob("*.txt")):
        doc = make_doc(path.read_text(encoding="utf-8"))
        docs.append((doc, actors_of(doc), timexes_of(doc, None)))
    for doc, actors, timexes in docs:  # load the rule files first
        find_events(doc, actors, timexes, None)
    t0, n = time.process_time(), 0
    while time.process_time() - t0 < 1.0:
        for doc, actors, timexes in docs:
            # a fresh Document each time, so the agreements cache does not hide the work
            fresh = make_doc(doc.text + " ")
            find_agreements(fresh, actors, timexes)
            find_events(fresh, actors, timexes, None)
            n += 1
    return round(n / (time.process_time() - t0), 1)


def main(argv: list[str]) -> int:
    if not SHARED.exists():
        print(f"{SHARED} is absent")
        return 1
    verbose = "--verbose" in argv
    print(json.dumps(plover_dev(verbose)))
    print(json.dumps(reference_scores()))
    print(json.dumps({"docs_per_second": speed()}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
