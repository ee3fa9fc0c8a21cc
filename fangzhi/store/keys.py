"""Article row ids that sort by date.

The full-text index hands back matches in row-id order and can start at any row id. When an
article's row id follows its printed date, "newest first" and a date range are read straight off
the index, without looking at the articles: the way a search engine sorts its index by the field
it is most often sorted by. The id is the date's Julian day number (as SQLite's ``julianday()``
gives it) shifted left by DAY_BITS, plus the article's place among that day's articles in ingest
order, from 1. Undated articles take day 0, before every date.
"""

from __future__ import annotations

import calendar
from datetime import date

DAY_BITS = 20  # room for a million articles a day
_JDN_OF_ORDINAL = 1721424  # date.toordinal() + this = CAST(julianday(date) AS INTEGER)


def day_number(iso: str | None) -> int:
    """The Julian day number of an ISO date (0 when there is none or it is not a date)."""
    if not iso:
        return 0
    try:
        return date.fromisoformat(iso[:10]).toordinal() + _JDN_OF_ORDINAL
    except ValueError:
        return 0


def day_range(day: int) -> tuple[int, int]:
    """The first and last row id an article of that day may take."""
    return (day << DAY_BITS) + 1, ((day + 1) << DAY_BITS) - 1


def rowid_range(date_from: str | None, date_to: str | None) -> tuple[int, int]:
    """Row ids from the first day of `date_from` to the last of `date_to`, each given as a year,
    a month or a day (2023, 2023-05, 2023-05-12), both ends included; no bound, no limit.
    Raises ValueError for a bound that is not such a date."""
    if not date_from and not date_to:
        return 0, 1 << 62
    # any bound leaves out the undated articles (day 0), as a date comparison with NULL would
    lo = day_range(_day(_first_day(date_from)) if date_from else 1)[0]
    hi = day_range(_day(last_day(date_to)))[1] if date_to else (1 << 62)
    return lo, hi


def month_of_day(day: int) -> str | None:
    """2023-05 for a day number of May 2023; None for day 0 (undated)."""
    if day <= 0:
        return None
    return date.fromordinal(day - _JDN_OF_ORDINAL).isoformat()[:7]


def _day(iso: str) -> int:
    try:
        return date.fromisoformat(iso).toordinal() + _JDN_OF_ORDINAL
    except ValueError:
        raise ValueError(
            f"not a date: {iso!r} (give a year, a month or a day: 2023, 2023-05, 2023-05-12)"
        ) from None


def _first_day(bound: str) -> str:
    return bound + ("-01-01" if len(bound) == 4 else "-01" if len(bound) == 7 else "")


def last_day(bound: str) -> str:
    """The last day a bound names: 2023 → 2023-12-31, 2024-02 → 2024-02-29, a day itself."""
    if len(bound) == 4:
        return bound + "-12-31"
    if len(bound) == 7 and bound[:4].isdigit() and bound[4] == "-" and bound[5:].isdigit():
        y, m = int(bound[:4]), int(bound[5:7])
        if y >= 1 and 1 <= m <= 12:
            return f"{bound}-{calendar.monthrange(y, m)[1]:02d}"
    return bound
