"""TIMEX3 values as date ranges: compare dates of different granularity.

2020-11 and 2020-11-09 are compatible (one contains the other); 2020-11-09 and
2020-11-10 are not; an interval "2023-09-19/2023-09-20" lies inside "2023-09".
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
_MONTH = re.compile(r"(\d{4})-(\d\d)")
_YEAR = re.compile(r"(\d{4})")
_WEEK = re.compile(r"(\d{4})-W(\d\d)")
_QUARTER = re.compile(r"(\d{4})-Q([1-4])")
_HALF = re.compile(r"(\d{4})-H([12])")
_SEASON = re.compile(r"(\d{4})-(SP|SU|FA|WI)")
_DECADE = re.compile(r"(\d{3})X?")
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


@dataclass(frozen=True)
class DateRange:
    start: date
    end: date  # inclusive

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def contains(self, other: DateRange) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: DateRange) -> bool:
        return self.start <= other.end and other.start <= self.end


def _month_end(year: int, month: int) -> date:
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return date(year, month, calendar.monthrange(year, month)[1])


def _months(year: int, first: int, last: int) -> DateRange:
    return DateRange(date(year, first, 1), _month_end(year, last))


def _point(value: str) -> DateRange | None:
    value = value.split("T")[0]
    if m := _DAY.fullmatch(value):
        d = date(int(m[1]), int(m[2]), int(m[3]))
        return DateRange(d, d)
    if m := _MONTH.fullmatch(value):
        return _months(int(m[1]), int(m[2]), int(m[2]))
    if m := _WEEK.fullmatch(value):
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return DateRange(monday, monday + timedelta(days=6))
    if m := _QUARTER.fullmatch(value):
        q = int(m[2])
        return _months(int(m[1]), 3 * q - 2, 3 * q)
    if m := _HALF.fullmatch(value):
        h = int(m[2])
        return _months(int(m[1]), 6 * h - 5, 6 * h)
    if m := _SEASON.fullmatch(value):
        return _months(int(m[1]), *_SEASON_MONTHS[m[2]])
    if m := _YEAR.fullmatch(value):
        return _months(int(m[1]), 1, 12)
    if m := _DECADE.fullmatch(value):
        return DateRange(date(int(m[1]) * 10, 1, 1), date(int(m[1]) * 10 + 9, 12, 31))
    return None


@lru_cache(maxsize=4096)
def parse(value: str) -> DateRange | None:
    """The range of days a TIMEX3 date value covers; None for durations, PRESENT_REF, XXXX-..."""
    if not value:
        return None
    try:
        if "/" in value:
            a, b = (_point(v) for v in value.split("/", 1))
            return DateRange(a.start, b.end) if a and b and a.start <= b.end else None
        return _point(value)
    except ValueError:  # a month 13 or day 31 of a short month
        return None


def compatible(a: str, b: str) -> bool:
    """Could both values name the same time? One must contain the other."""
    ra, rb = parse(a), parse(b)
    return bool(ra and rb and (ra.contains(rb) or rb.contains(ra)))


def more_precise(a: str, b: str) -> str:
    """The narrower of two compatible values (the earlier one on a tie)."""
    ra, rb = parse(a), parse(b)
    if ra is None:
        return b
    if rb is None:
        return a
    return b if rb.days < ra.days else a


def bounds(value: str) -> tuple[str, str]:
    r = parse(value)
    return (r.start.isoformat(), r.end.isoformat()) if r else ("", "")


def is_day(value: str) -> bool:
    r = parse(value)
    return bool(r and r.days == 1)


def before(a: str, b: str) -> bool | None:
    """a ends before b starts; None when either is unknown."""
    ra, rb = parse(a), parse(b)
    if ra is None or rb is None:
        return None
    return ra.end < rb.start


def granularity_rank(value: str) -> int:
    """Days covered (a smaller number is more precise); undated values sort last."""
    r = parse(value)
    return r.days if r else 10**9


_DURATION = re.compile(r"P(\d+)([YM])")


def shift(value: str, duration: str, sign: int = 1) -> str:
    """A date value moved by a duration of years or months, keeping its granularity:
    shift("2025-11-09", "P6M", -1) == "2025-05-09"; "" when either cannot be read."""
    m, d = _DURATION.fullmatch(duration), re.fullmatch(r"(\d{4})(?:-(\d\d))?(?:-(\d\d))?", value)
    if not m or not d:
        return ""
    months = int(m[1]) * (12 if m[2] == "Y" else 1) * sign
    if not d[2]:
        return f"{int(d[1]) + months // 12:04d}" if months % 12 == 0 else ""
    total = int(d[1]) * 12 + int(d[2]) - 1 + months
    year, month = total // 12, total % 12 + 1
    if not d[3]:
        return f"{year:04d}-{month:02d}"
    day = min(int(d[3]), calendar.monthrange(year, month)[1])
    return f"{year:04d}-{month:02d}-{day:02d}"
