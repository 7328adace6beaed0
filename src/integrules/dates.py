"""Dates as the case files write them, and deadlines computed with dateutil."""

from __future__ import annotations

import datetime as dt
import re

from dateutil.relativedelta import relativedelta

from .errors import FieldValueError

_NORWEGIAN = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def parse_date(value: object) -> dt.date:
    """Parse an ISO date (`2023-03-01`) or a Norwegian one (`01.03.2023`); reject impossible dates."""
    if isinstance(value, dt.datetime):
        raise FieldValueError("expected a date, got a date and time")
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise FieldValueError(f"expected a date as text (YYYY-MM-DD or dd.mm.yyyy), got {type(value).__name__}")
    text = value.strip()
    if m := _ISO.match(text):
        year, month, day = (int(g) for g in m.groups())
    elif m := _NORWEGIAN.match(text):
        day, month, year = (int(g) for g in m.groups())
    else:
        raise FieldValueError(f"{value!r} is not a date (expected YYYY-MM-DD or dd.mm.yyyy)")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise FieldValueError(f"{value!r} is not a date that exists") from None


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` plus whole months, clamped to the month's end (31 Jan + 1 month = 28/29 Feb)."""
    return day + relativedelta(months=months)


def add_years(day: dt.date, years: int) -> dt.date:
    return day + relativedelta(years=years)


def age_on(birth: dt.date, day: dt.date) -> int:
    """Whole years of age on `day`."""
    return relativedelta(day, birth).years
