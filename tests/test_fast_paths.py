"""The performance fast paths give exactly what the general code gives (docs/performance.md)."""

import datetime as dt

from dateutil.relativedelta import relativedelta
from hypothesis import given, settings, strategies as st

from integrules.dates import MAX_DATE, MIN_DATE, add_months, add_years, age_on, parse_date
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
            day = dt.date(*(int(g) for g in m.groups()))
        except ValueError:
            day = None  # an impossible date: the message is checked elsewhere
        if day is None or not MIN_DATE <= day <= MAX_DATE:  # out of the dates read: refused too
            want = got
            assert got[0] == "error" and got[1] is FieldValueError
        else:
            want = ("ok", day)
        assert got == want


@settings(max_examples=400, deadline=None)
@given(dates)
def test_format_date_is_strftime(day):
    from integrules.dates import format_date

    assert format_date(day) == f"{day:%d.%m.%Y}"
    assert format_date(day) == f"{day:%d.%m.%Y}"  # the second time from the cache
    assert format_date(dt.datetime(day.year, day.month, day.day, 1, 2)) == f"{day:%d.%m.%Y}"


def test_format_date_cache_stays_bounded():
    from integrules import dates

    for n in range(100_050):
        day = dt.date(1900, 1, 1) + dt.timedelta(days=n)
        assert dates.format_date(day) == f"{day:%d.%m.%Y}"
        assert len(dates._FORMATTED) <= 100_000


def _reference_combine(parts, order, last):
    """all_of / any_of as written before their one-part shortcut."""
    from integrules.findings import Outcome, _merge, not_applicable

    relevant = [p for p in parts if p.outcome is not Outcome.NOT_APPLICABLE]
    if not relevant:
        return parts[0] if parts else not_applicable("Ingen delkrav gjelder", "No part applies")
    for outcome in order:
        hits = [p for p in relevant if p.outcome is outcome]
        if hits:
            return _merge(outcome, hits)
    return _merge(last, relevant)


def _evaluations():
    from integrules.findings import Evaluation, LegalRef, Outcome, Text

    return st.builds(Evaluation, st.sampled_from(list(Outcome)), st.builds(Text, st.sampled_from("abc"), st.sampled_from("xyz")),
                     st.none() | dates, st.lists(st.sampled_from(["p", "q"]), max_size=2).map(tuple),
                     st.lists(st.builds(LegalRef, st.sampled_from(["lov", "forskrift"])), max_size=2).map(tuple))


@settings(max_examples=300, deadline=None)
@given(st.lists(_evaluations(), max_size=4))
def test_all_of_and_any_of_as_before(parts):
    from integrules.findings import Outcome, all_of, any_of

    O = Outcome
    assert all_of(*parts) == _reference_combine(parts, (O.ERROR, O.NOT_MET, O.UNKNOWN, O.PENDING), O.MET)
    assert any_of(*parts) == _reference_combine(parts, (O.MET, O.ERROR, O.UNKNOWN, O.PENDING), O.NOT_MET)


def test_fast_new_builds_what_the_class_builds():
    """fast_new sets the same slots as the attrs __init__, and refuses classes whose __init__ does more."""
    import pickle

    import attrs

    from integrules import model
    from integrules.findings import Evaluation, Finding, LegalRef, Outcome, Text, Unit, fast_new

    from integrules.reading import Header

    assert fast_new(Header) is Header  # a factory default: the class itself
    day = dt.date(2024, 1, 2)
    samples = [
        (Text, ("a", "b")),
        (Evaluation, (Outcome.MET, Text("a", "b"))),
        (Evaluation, (Outcome.UNKNOWN, Text("a", "b"), day, ("x",), (LegalRef("lov"),))),
        (Finding, ("x.y", Outcome.NOT_MET, Text("a", "b"), (LegalRef("lov"),), (Unit.FT,), "p")),
        (Finding, ("x.y", Outcome.PENDING, Text("a", "b"), (), (Unit.FT, Unit.VO), "p", day, ("m",))),
        (model.Event, (True, day, None)),
        (model.NirRegistration, ("sluttmal", day, Unit.FT)),
        (LegalRef, ("integreringsloven", "§ 12")),  # validators, run as __init__ runs them
        (model.Course, (True, day, 2.5, 3, None)),
        (model.Extension, (day, 6, True)),
        (model.Participant, ("X-1", None, None, day)),
    ]
    for cls, args in samples:
        new = fast_new(cls)
        assert new is not cls
        made, want = new(*args), cls(*args) if not attrs.fields(cls)[0].kw_only else \
            cls(**{a.name: v for a, v in zip(attrs.fields(cls), args)})
        assert type(made) is cls and made == want and hash(made) == hash(want) and repr(made) == repr(want)
        assert attrs.asdict(made, recurse=False) == attrs.asdict(want, recurse=False)
        assert pickle.loads(pickle.dumps(made)) == want
        assert attrs.evolve(made) == want
        with __import__("pytest").raises(attrs.exceptions.FrozenInstanceError):
            made.__setattr__(attrs.fields(cls)[0].name, None)
    # a failing validator raises what __init__ raises; disabled validators are skipped by both
    for cls, args in [(model.Course, (True, day, -1.0)), (model.Extension, (day, 0)), (model.Participant, ("",)),
                      (LegalRef, ("lov", None, None, None, None, None, "no such kind"))]:
        kwargs = {a.name: v for a, v in zip(attrs.fields(cls), args)}
        with __import__("pytest").raises(ValueError) as want:
            cls(**kwargs)
        with __import__("pytest").raises(ValueError) as got:
            fast_new(cls)(*args)
        assert str(got.value) == str(want.value)
        with attrs.validators.disabled():
            assert fast_new(cls)(*args) == cls(**kwargs)
    # defaults are the declared ones
    assert fast_new(Evaluation)(Outcome.MET, Text("a", "b")) == Evaluation(Outcome.MET, Text("a", "b"))


@given(st.text(alphabet=st.characters(blacklist_categories=()), max_size=8) | st.sampled_from(["", " \u2028\x1c", "\udc80a", "æ\udcff"]))
def test_line_checks_as_before(line):
    from integrules.reading import _undecodable

    assert (not line or line.isspace()) == (not line.strip())
    try:
        line.encode("utf-8")
        fails = False
    except UnicodeEncodeError:
        fails = True
    assert _undecodable(line) == fails


@given(st.text(alphabet="0123456789 ٢٣²x", min_size=10, max_size=15) | st.sampled_from(["202109700904", " 202109700904",
                                                                                      "2021 097009 04", "²02109700904"]))
def test_duf_fast_path_is_the_pattern(text):
    """DufNummer.parse takes twelve ASCII digits in one step: what the strip-match-replace steps give."""
    import re

    from integrules.duf import DufNummer

    def by_steps(value):
        stripped = value.strip()
        if not re.match(r"^\d{4} ?\d{6} ?\d{2}$", stripped):
            raise ValueError
        return DufNummer(stripped.replace(" ", ""))

    got, want = outcome(lambda: DufNummer.parse(text)), outcome(lambda: by_steps(text))
    assert got[0] == want[0]
    if got[0] == "ok":
        assert got[1] == want[1]
