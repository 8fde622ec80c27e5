"""TimeML files in and out: read a document's DCT and TEXT, write TEXT back with TIMEX3 tags.

As in TempEval-3, the input TEXT carries no tags (or tags we drop) and the output is the
same file with `<TIMEX3 tid type value [mod]>` elements inside TEXT, the text unchanged.
Run as `python -m accordwatch.timeml IN_DIR OUT_DIR` (the CLI's `accordwatch timeml`).
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

from accordwatch.extract.timex import tag_text

_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_DCT = re.compile(r"<DCT>.*?value=\"([^\"]+)\"", re.DOTALL)


def read_timeml(raw: str) -> tuple[str | None, str, tuple[int, int]]:
    """(DCT value, plain TEXT, span of the TEXT body in `raw`)."""
    m = _TEXT.search(raw)
    if not m:
        raise ValueError("no <TEXT> element")
    dct = _DCT.search(raw)
    plain = html.unescape(_TAG.sub("", m.group(1)))
    return (dct.group(1) if dct else None), plain, m.span(1)


def timex_markup(text: str, timexes: list[tuple[int, int, str, str, str]]) -> str:
    """`text` escaped for XML with a TIMEX3 element around each (start, end, type, value, mod)."""
    out, pos = [], 0
    for i, (start, end, typ, value, mod) in enumerate(sorted(timexes), 1):
        if start < pos:
            continue
        mod_attr = f' mod="{mod}"' if mod else ""
        out.append(html.escape(text[pos:start], quote=False))
        out.append(f'<TIMEX3 tid="t{i}" type="{typ}" value="{html.escape(value)}"{mod_attr}>'
                   f"{html.escape(text[start:end], quote=False)}</TIMEX3>")
        pos = end
    out.append(html.escape(text[pos:], quote=False))
    return "".join(out)


def tag_timeml(raw: str) -> str:
    """A TimeML document with the TIMEX3 tags of its TEXT."""
    dct, text, (a, b) = read_timeml(raw)
    return raw[:a] + timex_markup(text, tag_text(text, dct)) + raw[b:]


def tag_timeml_dir(in_dir: Path, out_dir: Path) -> int:
    """Tag every IN_DIR/*.tml into OUT_DIR/<same name>; returns the number of files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    n = 0
    for path in sorted(Path(in_dir).glob("*.tml")):
        (out_dir / path.name).write_text(tag_timeml(path.read_text(encoding="utf-8")), encoding="utf-8")
        n += 1
    return n


if __name__ == "__main__":
    print(tag_timeml_dir(Path(sys.argv[1]), Path(sys.argv[2])), "files written")
