"""Deadline watch: derived deadlines (term ends, automatic extensions, notice periods, stated
target dates) with the days left or overdue, and whether later events overtook them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from accordwatch.fuse import dates
from accordwatch.fuse.records import FusedRecord, SpanRef, stable_id
from accordwatch.fuse.rules import load


@dataclass(frozen=True)
class Watched:
    id: str
    agreement: str
    track: str  # the provision type, or "plan" for a stated target date of an event
    fact: str
    value: str  # TIMEX3 value
    day: str  # the first day of `value`
    days_left: int  # negative when overdue
    how: str
    overtaken_by: str = ""  # "2024-06-12: <what happened>"
    refs: tuple[SpanRef, ...] = ()

    @property
    def state(self) -> str:
        if self.overtaken_by:
            return "overtaken"
        if self.days_left >= 0:
            return "due"
        return "past" if self.fact == "start" else "overdue"  # a start that has come is no deadline missed


def _days(value: str, as_of: str) -> tuple[str, int]:
    first = dates.bounds(value)[0]
    return first, (date.fromisoformat(first) - date.fromisoformat(as_of)).days


def _overtaking(steps, value: str) -> str:
    """The first step ending or superseding the provision before the deadline."""
    for s in steps:
        if s.status in ("terminated", "superseded") and dates.before(s.date, value):
            return f"{s.date}: {s.reason}"
    return ""


def watch(record: FusedRecord, as_of: str = "") -> list[Watched]:
    as_of = as_of or date.today().isoformat()
    out = []
    for a in record.agreements:
        for p in a.provisions:
            for d in p.deadlines:
                if not dates.parse(d.value):
                    continue
                day, left = _days(d.value, as_of)
                out.append(Watched(stable_id("deadline", a.key, p.label, d.fact, d.value), a.name, p.label, d.fact,
                                   d.value, day, left, d.how, _overtaking(p.steps, d.value), d.refs))
    factual = set(load("fusion")["factual_modalities"])
    for e in record.events:
        if e.modality == "planned" and dates.parse(e.date):
            day, left = _days(e.date, as_of)
            done = next((x for x in record.events if x.modality in factual and x.type == e.type
                         and set(x.actors) & set(e.actors) and dates.before(x.date, e.date)
                         and dates.before(e.mentions[0].ref.said_on or "", x.date)), None)
            out.append(Watched(stable_id("deadline", e.id), "", "plan", "target", e.date, day, left, e.label,
                               f"{done.date}: {done.label}" if done else "", tuple(m.ref for m in e.mentions)))
    return sorted(out, key=lambda w: (w.day, w.agreement, w.track, w.fact))


def _ics_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> list[str]:
    """iCalendar lines are at most 75 octets; longer ones continue on lines starting with a space."""
    out: list[str] = []
    raw = line.encode("utf-8")
    while len(raw) > 75:
        cut = 75 if not out else 74
        while cut > 0 and (raw[cut] & 0xC0) == 0x80:  # not inside a UTF-8 sequence
            cut -= 1
        out.append(raw[:cut].decode("utf-8"))
        raw = raw[cut:]
    out.append(raw.decode("utf-8"))
    return [out[0], *(" " + x for x in out[1:])]


def to_ics(items: list[Watched], stamp: str) -> str:
    """An iCalendar file, one all-day event a deadline; `stamp` is the DTSTAMP (YYYYMMDDTHHMMSSZ)."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//accordwatch//deadlines//EN", "CALSCALE:GREGORIAN"]
    for w in items:
        what = f"{w.track} {w.fact.replace('_', ' ')}" + (f" ({w.agreement})" if w.agreement else "")
        note = f"{w.value}; {w.how}" + (f"; overtaken by {w.overtaken_by}" if w.overtaken_by else "")
        lines += ["BEGIN:VEVENT", f"UID:{w.id.replace(':', '-')}@accordwatch", f"DTSTAMP:{stamp}",
                  f"DTSTART;VALUE=DATE:{w.day.replace('-', '')}", f"SUMMARY:{_ics_text(what)}",
                  f"DESCRIPTION:{_ics_text(note)}", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "\r\n".join(x for line in lines for x in _fold(line)) + "\r\n"
