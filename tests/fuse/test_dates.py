from __future__ import annotations

import pytest

from accordwatch.fuse import dates


@pytest.mark.parametrize("a,b", [
    ("2020-11", "2020-11-09"),
    ("2023-09", "2023-09-19/2023-09-20"),
    ("2023-09-19", "2023-09-19/2023-09-20"),
    ("2024", "2024-06-12"),
    ("2024-Q2", "2024-06"),
    ("2023-SU", "2023-07-25"),
    ("2020-11-09T13:52", "2020-11-09"),
])
def test_dates_of_different_granularity_are_compatible(a, b):
    assert dates.compatible(a, b) and dates.compatible(b, a)


@pytest.mark.parametrize("a,b", [
    ("2020-11-09", "2020-11-10"),
    ("2020-11", "2020-12-01"),
    ("2020-11/2024-06-12", "2024"),  # overlapping, neither contains the other
    ("P5Y", "2025-11"),
    ("PRESENT_REF", "2025-11-07"),
    ("", "2025-11-07"),
])
def test_different_or_unknown_dates_are_not_compatible(a, b):
    assert not dates.compatible(a, b)


def test_more_precise_picks_the_narrower_date():
    assert dates.more_precise("2020-11", "2020-11-09") == "2020-11-09"
    assert dates.more_precise("2023-09-19/2023-09-20", "2023-09") == "2023-09-19/2023-09-20"


def test_bounds_and_order():
    assert dates.bounds("2024-02") == ("2024-02-01", "2024-02-29")
    assert dates.bounds("2023-W38") == ("2023-09-18", "2023-09-24")
    assert dates.before("2024-06-12", "2025-11") is True
    assert dates.before("2025-11", "2025-11-07") is False
    assert dates.before("XXXX-11", "2025-11") is None
    assert dates.parse("2023-02-30") is None


def test_shift_keeps_granularity():
    assert dates.shift("2025-11-09", "P6M", -1) == "2025-05-09"
    assert dates.shift("2025-11", "P6M", -1) == "2025-05"
    assert dates.shift("2020-11", "P5Y") == "2025-11"
    assert dates.shift("2024-08-31", "P6M") == "2025-02-28"
    assert dates.shift("2025", "P6M") == "" and dates.shift("2025-11", "PT6H") == ""
