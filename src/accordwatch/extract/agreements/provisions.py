"""Provisions of agreements (ceasefire, deployment for a term, bodies, corridors, exchanges, a treaty to
draft) and the dates a term implies, kept as derived facts with their reasoning."""

from __future__ import annotations

import re
from collections.abc import Sequence

from accordwatch.extract.agreements.lexicon import agreement_rules
from accordwatch.model import Timex

NUMBERS = {w: i for i, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"])}
# A sentence that refers to an agreement without naming it anew.
REFERS = re.compile(r"\b(?:in accordance with|under|according to|pursuant to|provisions? of|as agreed in)\b"
                    r"|\bthe (?:agreement|document|statement|treaty|accord|deal)\b", re.IGNORECASE)


def term_of(text: str, lo: int, hi: int, tx: Sequence[Timex]) -> str:
    """TIMEX3 duration of a term: a DURATION timex after "for", else "for five years" read here."""
    for t in tx:
        if t.label == "DURATION" and lo <= t.start < hi and re.match(r"P\d+[YM]$", t.value) \
                and re.search(r"\bfor\s+(?:a (?:period|term) of\s+)?(?:for\s+)?$", text[max(lo, t.start - 30):t.start]):
            return t.value
    m = agreement_rules().term.search(text, lo, hi)
    if not m:
        return ""
    n = NUMBERS.get(m.group("n").lower()) or (int(m.group("n")) if m.group("n").isdigit() else 0)
    return f"P{n}{'Y' if m.group('unit').lower().startswith('year') else 'M'}" if n else ""


def until_of(text: str, lo: int, hi: int, tx: Sequence[Timex]) -> str:
    """The date after "until"/"through" in the sentence: the end of a term."""
    rx = agreement_rules().until
    for t in tx:
        if lo <= t.start < hi and t.label == "DATE" and rx.search(text[max(lo, t.start - 9):t.start]):
            return t.value
    return ""


def extension_of(text: str, lo: int, hi: int, term: str) -> str:
    m = agreement_rules().extension.search(text, lo, hi)
    if not m:
        return ""
    same = re.search(r"same period|same term", m.group("ext"), re.IGNORECASE)
    out = f"automatic {term}" if same and term else " ".join(m.group("ext").split())
    if m.group("cond"):
        out += " " + " ".join(m.group("cond").split()).rstrip(",")
    return out


def add_duration(value: str, duration: str, times: int = 1) -> str:
    """2020-11-09 + P5Y -> 2025-11-09, keeping the value's granularity."""
    m = re.fullmatch(r"P(\d+)([YM])", duration)
    d = re.match(r"(\d{4})(?:-(\d\d))?(.*)", value)
    if not m or not d:
        return ""
    n = int(m.group(1)) * times
    year, month = int(d.group(1)), int(d.group(2) or 0)
    if m.group(2) == "Y":
        year += n
    elif month:
        total = year * 12 + month - 1 + n
        year, month = total // 12, total % 12 + 1
    else:
        return ""
    return f"{year:04d}" + (f"-{month:02d}{d.group(3)}" if d.group(2) else "")


def derive(start: str, term: str, until: str, extension: str) -> tuple[tuple[str, str, str], ...]:
    """(fact, TIMEX3 value, reasoning) for the start, end and extended end a term implies."""
    out: list[tuple[str, str, str]] = []
    if start:
        out.append(("start", start, "date the agreement was concluded"))
    end = add_duration(start, term) if start and term else ""
    if end:
        out.append(("end", end, f"start {start} + term {term}"))
    elif until:
        out.append(("end", until, "date stated after 'until'"))
        end = until
    if end and term and extension.startswith("automatic"):
        out.append(("extended_end", add_duration(end, term),
                    f"end {end} + one automatic extension of {term} ({extension})"))
    return tuple(out)
