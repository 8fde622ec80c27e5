"""Figures: our extraction and quantulum3 side by side on the reference corpus.

    .venv/bin/python bench/bench_figures.py [--bbc N] [--dump DIR]

Prints, for each extractor, the figures P/R/F1 from ../shared/eval/score.py on the five
reference texts and its speed in characters per second (on the reference texts and on
N BBC articles); "+timexes" is ours given the temporal engine's timexes (its time included).
With --dump, writes the exports (ours.jsonl, ours_with_timexes.jsonl, quantulum3.jsonl) to DIR,
so that `python ../shared/eval/score.py ../shared/eval/karabakh DIR/ours.jsonl` shows all scores.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

from accordwatch.extract.figures import figure_record, find_figures
from accordwatch.model import Document, OffsetMap, Segment, content_hash

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples" / "karabakh"

Extractor = Callable[[str], list[dict]]
EXPORT_NAMES = {"accordwatch": "ours", "+timexes": "ours_with_timexes"}


def as_document(text: str, source: str) -> Document:
    return Document(content_hash(text), source, text, text, OffsetMap((Segment(0, 0, len(text)),)))


def ours(text: str) -> list[dict]:
    return [figure_record(f) for f in find_figures(as_document(text, "bench"))]


def ours_with_timexes() -> Extractor | str:
    """Our extraction given the temporal engine's timexes, as the pipeline runs it."""
    try:
        from accordwatch.extract.timex import find_timexes
    except ImportError as exc:
        return f"temporal engine unavailable: {exc!r}"

    def extract(text: str) -> list[dict]:
        doc = as_document(text, "bench")
        return [figure_record(f) for f in find_figures(doc, find_timexes(doc))]

    return extract


def quantulum() -> Extractor | str:
    """quantulum3's parser as an extractor, or why it cannot run."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser
    except Exception as exc:  # noqa: BLE001 - any failure to import is reported, not raised
        return f"quantulum3 unavailable: {exc!r} (pip install quantulum3)"

    def extract(text: str) -> list[dict]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = parser.parse(text)
        return [{"text": q.surface, "value": q.value, "unit": q.unit.name, "object": "",
                 "start": q.span[0], "end": q.span[1]} for q in found]

    return extract


def load_scorer():
    spec = importlib.util.spec_from_file_location("accordwatch_score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def export(extract: Extractor, texts: dict[str, str], path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for name, text in texts.items():
            out.write(json.dumps({"source": name, "figures": extract(text)}) + "\n")


def chars_per_second(extract: Extractor, texts: list[str], min_seconds: float = 0.5) -> float:
    extract(texts[0])  # load and compile outside the timing
    chars, t0, rounds = 0, time.perf_counter(), 0
    while rounds == 0 or time.perf_counter() - t0 < min_seconds:
        for text in texts:
            extract(text)
            chars += len(text)
        rounds += 1
    return chars / (time.perf_counter() - t0)


def bbc_sample(n: int) -> list[str]:
    files = sorted((SHARED / "corpus" / "bbc").glob("*_*.txt"))
    step = max(1, len(files) // max(n, 1))
    return [f.read_text(encoding="utf-8", errors="replace") for f in files[::step][:n]]


def main(argv: list[str]) -> int:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--bbc", type=int, default=100, help="BBC articles for the speed run (0: none)")
    args.add_argument("--dump", type=Path, help="directory for the two JSONL exports")
    opts = args.parse_args(argv)
    if not (SHARED / "eval" / "karabakh").exists():
        print(f"{SHARED} is absent: nothing to score")
        return 1
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))}
    bbc = bbc_sample(opts.bbc) if opts.bbc else []
    scorer = load_scorer()
    out_dir = opts.dump or Path(tempfile.mkdtemp(prefix="bench_figures_"))
    out_dir.mkdir(parents=True, exist_ok=True)
    extractors: dict[str, Extractor | str] = {
        "accordwatch": ours, "+timexes": ours_with_timexes(), "quantulum3": quantulum()}
    print(f"{'extractor':12} {'P':>6} {'R':>6} {'F1':>6} {'pred':>5} {'gold':>5} {'ref chars/s':>12} {'bbc chars/s':>12}")
    for name, extract in extractors.items():
        if isinstance(extract, str):
            print(f"{name:12} {extract}")
            continue
        path = out_dir / f"{EXPORT_NAMES.get(name, name)}.jsonl"
        export(extract, texts, path)
        s = scorer.score(str(SHARED / "eval" / "karabakh"), str(path))["figures"]
        ref_speed = chars_per_second(extract, list(texts.values()))
        bbc_speed = chars_per_second(extract, bbc, 0.1) if bbc else float("nan")
        print(f"{name:12} {s['p']:6.3f} {s['r']:6.3f} {s['f1']:6.3f} {s['n_pred']:5} {s['n_gold']:5} "
              f"{ref_speed:12,.0f} {bbc_speed:12,.0f}")
    print(f"exports in {out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
