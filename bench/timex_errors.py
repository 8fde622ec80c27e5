"""Value errors of a TempEval-3 run, aligned with the gold by offsets and grouped by pattern.

    python bench/timex_errors.py GOLD_DIR SYSTEM_DIR [--show PATTERN]

Gold and system TIMEX3 are paired as ../shared/eval/timeml.py pairs them (the same span,
else the first overlapping one). Each value mismatch is grouped by the kind of the gold and
system values (day, week, quarter, duration, ...) and by the expression's pattern ("last
week", "WD" for a weekday, "MON N" for a month and day); --show prints the cases of the
patterns matching a regex, with their context and document date.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
from collections import Counter
from pathlib import Path

SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "timeml.py"
_DCT = re.compile(r'<DCT>.*?value="([^"]+)"', re.DOTALL)
_KINDS = ((r"P", "duration"), (r".*_REF$", "ref"), (r"\d{4}-W", "week"), (r"\d{4}-Q", "quarter"),
          (r"\d{4}-\d\d-\d\dT", "time"), (r"\d{4}-\d\d-\d\d$", "day"), (r"\d{4}-\d\d$", "month"),
          (r"\d{4}$", "year"), (r"\d{3}$", "decade"), (r".*X", "underspecified"))
_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december"
           "|jan|feb|aug|sept?|oct|nov|dec")
_WORDS = ((r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", "WD"), (rf"\b(?:{_MONTHS})\b\.?", "MON"),
          (r"\b\d{4}\b", "YYYY"), (r"\d+", "N"),
          (r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|a|an|several|few|some)\b", "n"))


def kind(value: str) -> str:
    return next((name for pattern, name in _KINDS if re.match(pattern, value)), "other")


def pattern(text: str) -> str:
    out = text.lower()
    for regex, name in _WORDS:
        out = re.sub(regex, name, out)
    return out


def pairs(gold_dir: Path, sys_dir: Path, scorer) -> list[dict]:
    """(gold, system) pairs over all documents, as the scorer pairs them."""
    out = []
    for path in sorted(gold_dir.glob("*.tml")):
        raw, _, (text, gold) = scorer.read(path)
        _, _, (_, pred) = scorer.read(sys_dir / path.name)
        used: set[int] = set()
        for g in gold:
            overlapping = [i for i, p in enumerate(pred)
                           if i not in used and p["start"] < g["end"] and p["end"] > g["start"]]
            same = [i for i in overlapping if (pred[i]["start"], pred[i]["end"]) == (g["start"], g["end"])]
            if not overlapping:
                continue
            best = (same or overlapping)[0]
            used.add(best)
            out.append({"doc": path.name, "dct": _DCT.search(raw).group(1), "gold": g, "sys": pred[best],
                        "context": text[max(0, g["start"] - 60):g["end"] + 40].replace("\n", " ")})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("system", type=Path)
    parser.add_argument("--show", help="print the errors of the patterns matching this regex")
    args = parser.parse_args()
    spec = importlib.util.spec_from_file_location("timeml_scorer", SCORER)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    errors = [p for p in pairs(args.gold, args.system, scorer)
              if p["gold"]["value"].upper() != p["sys"]["value"].upper()]
    print(f"{len(errors)} value errors")
    for (g, s), n in Counter((kind(e["gold"]["value"]), kind(e["sys"]["value"])) for e in errors).most_common():
        print(f"{n:5}  {g} -> {s}")
    print()
    for name, n in Counter(pattern(e["gold"]["text"]) for e in errors).most_common(30):
        print(f"{n:5}  {name}")
    for e in errors:
        if args.show and re.search(args.show, pattern(e["gold"]["text"])):
            print(f"{e['doc'][:22]:22} dct={e['dct'][:10]} [{e['gold']['text']}|{e['sys']['text']}] "
                  f"gold={e['gold']['value']} sys={e['sys']['value']} :: {e['context']}")


if __name__ == "__main__":
    main()
