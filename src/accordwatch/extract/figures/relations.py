"""Relations between figures and the time a figure refers to.

Two kinds of part-whole relations are read: a figure that is the sum of the figures right
after (or before) it ("213 individuals - 189 to Armenia and 24 to Azerbaijan"), and
figures joined by a part-whole phrase ("100,514 ... out of 120,000", "5,000 civilians
(including over 2,000 children)"). A figure without an object of its own takes its partner's.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Sequence
from functools import cache
from typing import NamedTuple

from accordwatch.extract.figures.draft import Draft
from accordwatch.extract.figures.lexicon import load_rules
from accordwatch.extract.figures.numbers import scaled
from accordwatch.extract.lookup import lookup
from accordwatch.model import Timex

_TIME_LABELS = ("DATE",)


class _Rules(NamedTuple):
    part_then_whole: frozenset[str]
    whole_then_part: frozenset[str]
    range_joints: frozenset[str]
    max_gap: int
    scales: dict[str, int]
    clause_endings: tuple[str, ...]  # " of which", ",of which" ...: what ends a gap before a part
    longest_gap: int  # no longer gap can relate two figures


@cache
def _rules() -> _Rules:
    """relations.yaml as sets, built once (not once a document)."""
    rules = load_rules("relations")
    part_first = frozenset(p.lower() for p in rules["part_then_whole"])
    whole_first = frozenset(p.lower() for p in rules["whole_then_part"])
    endings = tuple(sorted({f"{sep}{c}" for c in whole_first for sep in (" ", ",")}))
    longest = max(_CLAUSE_GAP, *(len(p) for p in part_first | whole_first))
    return _Rules(part_first, whole_first, frozenset(rules["range_joints"]), int(rules["max_gap"]),
                  dict(load_rules("numbers")["scales"]), endings, longest)


def key(fig: Draft) -> str:
    return f"{fig.start}:{fig.end}"


def _sum_pairs(figs: Sequence[Draft], max_gap: int) -> list[tuple[int, int]]:
    """(part index, whole index) where consecutive figures add up to the figure before or after them."""
    pairs: list[tuple[int, int]] = []
    kinds = [(fig.label, fig.unit) for fig in figs]  # figures of one kind are comparable
    for i, whole in enumerate(figs):
        for step in (1, -1):
            # A sum has two parts or more, comparable figures next to each other: most figures have none.
            if not 0 <= i + 2 * step < len(figs) or not kinds[i + step] == kinds[i] == kinds[i + 2 * step]:
                continue
            total, parts, j = 0.0, [], i + step
            while 0 <= j < len(figs) and kinds[j] == kinds[i]:
                near = figs[j - step] if step == 1 else figs[j + 1]
                if abs((figs[j].start - near.end) if step == 1 else (near.start - figs[j].end)) > max_gap:
                    break
                total += figs[j].value or 0.0
                parts.append(j)
                if total >= (whole.value or 0.0):
                    break
                j += step
            if len(parts) >= 2 and abs(total - (whole.value or 0.0)) < 1e-9:
                pairs.extend((p, i) for p in parts)
    return pairs


def _phrase_pairs(figs: Sequence[Draft], text: str) -> list[tuple[int, int]]:
    """(part index, whole index) for neighbours joined by "out of", "(including" ..."""
    rules = _rules()
    part_first, whole_first = rules.part_then_whole, rules.whole_then_part
    pairs: list[tuple[int, int]] = []
    for i in range(len(figs) - 1):
        gap = _short_gap(text, figs[i].end, figs[i + 1].start, rules.longest_gap)
        if gap is None:
            continue
        if gap in part_first:
            pairs.append((i, i + 1))
        elif gap in whole_first or _ends_clause_with(gap, rules.clause_endings):
            pairs.append((i + 1, i))
    return pairs


def _short_gap(text: str, start: int, end: int, longest: int) -> str | None:
    """The text between two figures, lower-cased and with blanks collapsed; None where that is longer
    than `longest`, told from its first characters: collapsing the first 2 * `longest` characters gives
    a prefix of the whole (the gap is not lower-cased and collapsed whole, often a paragraph, for nothing)."""
    if end - start > 2 * longest and len(" ".join(text[start:start + 2 * longest].split())) > longest:
        return None  # lower-casing never shortens a text
    return " ".join(text[start:end].lower().split())


def _ends_clause_with(gap: str, endings: tuple[str, ...]) -> bool:
    """"8,000 interviews with businesses, of which 2,700": a short gap in one clause that
    ends with a connector introducing the part (`endings`: each connector after a blank or a comma)."""
    if len(gap) > _CLAUSE_GAP or any(c in gap for c in ".;:"):
        return False
    return gap.endswith(endings)


_CLAUSE_GAP = 40


_SCALE_WORD = re.compile(r"\b(thousand|million|billion|trillion)\b", re.IGNORECASE)


def _shared_scale(low: Draft, high: Draft) -> float | None:
    """"between 200 and 250 million": the lower end shares the scale word of the upper end."""
    m = _SCALE_WORD.search(high.text)
    if low.value is None or high.value is None or m is None or _SCALE_WORD.search(low.text):
        return low.value
    value = scaled(low.value, float(lookup(_rules().scales, m.group(1))))
    return value if value <= high.value else low.value


def complete_ranges(figs: list[Draft], text: str) -> list[Draft]:
    """"six and 12 months", "700,000 and one million boxes": a bare count before a range
    joint takes the unit or object of the figure after it, and a ("range_to", ...) relation."""
    joints = _rules().range_joints
    out = list(figs)
    for i in range(len(figs) - 1):
        low, high = figs[i], figs[i + 1]
        if low.label != "count" or low.object or text[low.end:high.start].strip() not in joints:
            continue
        value = _shared_scale(low, high)
        if high.label == "count" and not high.object and value == low.value:
            continue
        out[i] = low._replace(label=high.label, unit=high.unit, object=high.object, value=value,
                              relations=(*low.relations, ("range_to", key(high))))
    return out


def relate(figs: list[Draft], text: str) -> list[Draft]:
    """Figures (sorted by start) with part_of / sum_of / has_part relations and inherited objects."""
    max_gap = _rules().max_gap
    relations: dict[int, list[tuple[str, str]]] = {}
    sums = _sum_pairs(figs, max_gap)
    for part, whole in [*sums, *_phrase_pairs(figs, text)]:
        relations.setdefault(part, []).append(("part_of", key(figs[whole])))
        kind = "sum_of" if (part, whole) in sums else "has_part"
        relations.setdefault(whole, []).append((kind, key(figs[part])))
    if not relations:
        return figs
    by_key = {key(f): f for f in figs}
    out = list(figs)
    for i, rels in relations.items():
        # A part or whole that names nothing counts what its partner counts: "189 to Armenia".
        partners = [by_key[k].object for _, k in rels if by_key[k].object]
        obj = out[i].object or (partners[0] if partners else "")
        out[i] = out[i]._replace(relations=tuple(dict.fromkeys(rels)), object=obj)
    return out


def attach_times(figs: list[Draft], timexes: Sequence[Timex],
                 sentences: Sequence[tuple[int, int]]) -> list[Draft]:
    """Each figure takes the value of the nearest DATE timex in its sentence, where there is one."""
    # (start, place in `timexes`, timex), sorted: a sentence's dates are one slice, found by bisection;
    # the place breaks ties in distance as a pass over `timexes` in their order would.
    dates = sorted((t.start, n, t) for n, t in enumerate(timexes) if t.label.upper() in _TIME_LABELS and t.value)
    if not dates:
        return figs
    date_starts = [start for start, _, _ in dates]
    out = []
    for fig in figs:
        i = bisect.bisect_right(sentences, (fig.start, math.inf)) - 1  # the last sentence starting at or before it
        lo, hi = sentences[i] if i >= 0 else (0, 0)
        near = [(min(abs(t.start - fig.end), abs(fig.start - t.end)), n, t)
                for _, n, t in dates[bisect.bisect_left(date_starts, lo):bisect.bisect_left(date_starts, hi)]
                if not (t.start < fig.end and fig.start < t.end)]
        if near:
            fig = fig._replace(time=min(near)[2].value)
        out.append(fig)
    return out
