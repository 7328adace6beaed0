"""Dates as the case files write them, and deadlines computed with dateutil."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from dateutil.relativedelta import relativedelta

from .errors import FieldValueError
from .privacy import DATE_SHAPE, quoted_or_described

# The dates integrules reads (facts and as-of dates): a technical bound, not a legal one. No case
# holds a date outside it, and any deadline a rule computes from a date inside it (some years of
# add_months at most) stays far within what Python's date holds (years 1 to 9999): a date such as
# 9999-12-31 or 0001-01-01 is a rejected record (or a usage error for --as-of), never a rule failing.
MIN_DATE = dt.date(1900, 1, 1)
MAX_DATE = dt.date(2199, 12, 31)
MIN_ISO, MAX_ISO = MIN_DATE.isoformat(), MAX_DATE.isoformat()  # YYYY-MM-DD text compares as the dates do

_NORWEGIAN = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def parse_date(value: object) -> dt.date:
    """Parse an ISO date (`2023-03-01`) or a Norwegian one (`01.03.2023`); reject impossible dates."""
    # Fast path for the common case, exactly YYYY-MM-DD (the same dates the pattern below accepts);
    # anything else, and every error, takes the full path with its messages (performance).
    if type(value) is str and len(value) == 10 and value[4] == "-" and value[7] == "-":
        y, m, d = value[:4], value[5:7], value[8:]
        if y.isdecimal() and m.isdecimal() and d.isdecimal():
            try:
                day = dt.date(int(y), int(m), int(d))
            except ValueError:
                pass
            else:
                if MIN_DATE <= day <= MAX_DATE:
                    return day
    if isinstance(value, dt.datetime):
        raise FieldValueError("expected a date, got a date and time")
    if isinstance(value, dt.date):
        return _bounded(value, value)
    if not isinstance(value, str):
        raise FieldValueError(f"expected a date as text (YYYY-MM-DD or dd.mm.yyyy), got {type(value).__name__}")
    text = value.strip()
    if m := _ISO.match(text):
        year, month, day = (int(g) for g in m.groups())
    elif m := _NORWEGIAN.match(text):
        day, month, year = (int(g) for g in m.groups())
    else:
        # Quoted only when date-shaped: a name or a DUF number in a date field is never echoed.
        raise FieldValueError(f"{quoted_or_described(value, DATE_SHAPE)} is not a date (expected YYYY-MM-DD or dd.mm.yyyy)")
    try:
        parsed = dt.date(year, month, day)
    except ValueError:
        raise FieldValueError(f"{quoted_or_described(value, DATE_SHAPE)} is not a date that exists") from None
    return _bounded(parsed, value)


def _bounded(day: dt.date, value: object) -> dt.date:
    if MIN_DATE <= day <= MAX_DATE:
        return day
    raise FieldValueError(f"{quoted_or_described(value, DATE_SHAPE)} is outside the dates integrules reads "
                          f"({MIN_DATE:%d.%m.%Y} to {MAX_DATE:%d.%m.%Y})")


def format_date(day: dt.date) -> str:
    """``day`` as ``dd.mm.yyyy``: what ``f"{day:%d.%m.%Y}"`` gives, without strftime (several times
    faster; messages name dates all the time, about fifty per participant). Tested equal to strftime."""
    text = _FORMATTED.get(day) if type(day) is dt.date else None
    if text is not None:
        return text
    if type(day) is dt.date and day.year >= 1000:  # strftime pads years below 1000 differently by platform
        if len(_FORMATTED) >= 100_000:  # a population has a few thousand distinct dates; bounded all the same
            _FORMATTED.clear()
        text = _FORMATTED[day] = f"{day.day:02d}.{day.month:02d}.{day.year}"
        return text
    return f"{day:%d.%m.%Y}"


# Dates already written (a pure cache: the text depends on the date alone).
_FORMATTED: dict[dt.date, str] = {}


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` plus whole months, clamped to the month's end (31 Jan + 1 month = 28/29 Feb).

    The same as ``day + relativedelta(months=months)``, computed directly (the rules call this
    for every deadline; relativedelta costs several times more). Tested against relativedelta.
    """
    if type(months) is not int or type(day) is not dt.date:
        return day + relativedelta(months=months)
    years, month = divmod(day.month - 1 + months, 12)
    d = day.day
    if d > 28:  # clamp to the month's last day
        last = (29 if calendar.isleap(day.year + years) else 28) if month == 1 else _MONTH_DAYS[month]
        if d > last:
            d = last
    return day.replace(year=day.year + years, month=month + 1, day=d)


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def add_years(day: dt.date, years: int) -> dt.date:
    """`day` plus whole years (29 Feb + 1 year = 28 Feb), as ``day + relativedelta(years=years)``."""
    if type(years) is not int or type(day) is not dt.date:
        return day + relativedelta(years=years)
    year = day.year + years
    if day.month == 2 and day.day == 29 and not calendar.isleap(year):
        if not 1 <= year <= 9999:
            raise ValueError(f"year {year} is out of range")
        return day.replace(year=year, day=28)
    return day.replace(year=year)


def age_on(birth: dt.date, day: dt.date) -> int:
    """Whole years of age on `day` (as ``relativedelta(day, birth).years``)."""
    if type(birth) is not dt.date or type(day) is not dt.date:
        return relativedelta(day, birth).years
    years = day.year - birth.year
    if day < birth:
        if (day.month, day.day) > (birth.month, birth.day):
            years += 1
    elif (day.month, day.day) < (birth.month, birth.day):
        years -= 1
    return years


# The clocks due_after started, kept only while a test records them (None otherwise: no cost).
_clock_log: list[tuple[dt.date, dt.date]] | None = None


def due_after(start: dt.date, *, months: int = 0, days: int = 0) -> dt.date:
    """The deadline of a clock that ``start`` starts: ``months`` and then ``days`` after it.

    What ``add_months(start, months) + timedelta(days=days)`` gives; it also tells the testing
    kit where the clock started, so the conformance check can catch a due date before the
    event that starts its clock (a sign or a period got wrong). Rules should write deadlines
    with it.
    """
    due = add_months(start, months) if months else start
    if days:
        due = due + dt.timedelta(days=days)
    if _clock_log is not None:
        _clock_log.append((start, due))
    return due


class recording_clocks:
    """``with recording_clocks() as clocks:``: every (start, due) that :func:`due_after` gives."""

    def __enter__(self) -> list[tuple[dt.date, dt.date]]:
        global _clock_log
        self._outer = _clock_log
        _clock_log = []
        return _clock_log

    def __exit__(self, *exc: object) -> None:
        global _clock_log
        _clock_log = self._outer
