"""The performance fast paths give exactly what the general code gives (docs/performance.md)."""

import datetime as dt

from dateutil.relativedelta import relativedelta
from hypothesis import given, settings, strategies as st

from integrules.dates import add_months, add_years, age_on, parse_date
from integrules.errors import FieldValueError

dates = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))


def outcome(f):
    try:
        return "ok", f()
    except Exception as exc:  # the same error, with the same message
        return "error", type(exc), str(exc)


@settings(max_examples=400, deadline=None)
@given(dates, st.integers(-130_000, 130_000), dates)
def test_date_arithmetic_is_relativedelta(day, n, other):
    assert outcome(lambda: add_months(day, n)) == outcome(lambda: day + relativedelta(months=n))
    assert outcome(lambda: add_years(day, n % 200 - 100)) == outcome(lambda: day + relativedelta(years=n % 200 - 100))
    assert age_on(day, other) == relativedelta(other, day).years


@given(st.text(alphabet="0123456789-.٣２ ", max_size=12))
def test_parse_date_fast_path_is_the_pattern(text):
    import re
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})$", text.strip())
    got = outcome(lambda: parse_date(text))
    if m:
        try:
            want = ("ok", dt.date(*(int(g) for g in m.groups())))
        except ValueError:
            want = got  # an impossible date: the message is checked elsewhere
            assert got[0] == "error" and got[1] is FieldValueError
        assert got == want
