"""The strategies that reach the rules (issue 21): dates on and beside deadlines, complete
participants per regime, knock-outs, due_after and the longer-run profile."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from integrules import Engine
from integrules.dates import add_months, due_after, recording_clocks
from integrules.model import Participant
from integrules.testing import strategies as irs

FAST = settings(max_examples=40, deadline=None, database=None, suppress_health_check=list(HealthCheck))
ANCHOR = dt.date(2025, 1, 31)
# Every date dates_near may give from ANCHOR: anchor +/- a legal period, moved 0, +/-1 or +/-7 days.
NEAR = {add_months(ANCHOR, sign * m) + dt.timedelta(days=d)
        for m in (0, *irs.LEGAL_PERIODS_MONTHS) for sign in (1, -1) for d in irs.NEAR_DAYS}


@FAST
@given(irs.dates_near(ANCHOR, min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 12, 31)))
def test_dates_near_lie_on_or_beside_a_deadline_or_anywhere_in_range(day):
    assert dt.date(2020, 1, 1) <= day <= dt.date(2030, 12, 31)


def test_dates_near_reach_the_day_before_the_day_and_the_day_after_each_deadline():
    seen = set()

    @settings(max_examples=600, deadline=None, database=None, derandomize=True)
    @given(irs.dates_near(ANCHOR, periods=(12,)))
    def collect(day):
        seen.add(day)

    collect()
    due = add_months(ANCHOR, 12)
    for offset in (-7, -1, 0, 1, 7):
        assert due + dt.timedelta(days=offset) in seen, offset
    assert ANCHOR in seen and ANCHOR - dt.timedelta(days=1) in seen and ANCHOR + dt.timedelta(days=1) in seen


def test_dates_near_are_clamped_to_the_range():
    @settings(max_examples=60, deadline=None, database=None, derandomize=True)
    @given(irs.dates_near(dt.date(2021, 1, 1), min_value=dt.date(2021, 1, 1), max_value=dt.date(2021, 1, 31)))
    def inside(day):
        assert dt.date(2021, 1, 1) <= day <= dt.date(2021, 1, 31)

    inside()


def all_known(value, path=""):
    """Paths of optional facts that are None (unknown), nested ones included."""
    if not attrs.has(type(value)):
        return []
    out = []
    for field in attrs.fields(type(value)):
        current = getattr(value, field.name)
        if current is None and field.default is None:
            out.append(f"{path}{field.name}")
        elif attrs.has(type(current)):
            out.extend(all_known(current, f"{path}{field.name}."))
        elif isinstance(current, tuple):
            for i, item in enumerate(current):
                out.extend(all_known(item, f"{path}{field.name}[{i}]."))
    return out


@FAST
@given(st.data())
def test_complete_participants_leave_no_fact_unknown(data):
    as_of = data.draw(st.dates(dt.date(2022, 1, 1), dt.date(2027, 12, 31)))
    p = data.draw(irs.complete_participants(as_of=as_of, regime=data.draw(st.sampled_from(irs.REGIMES))))
    assert all_known(p) == []


@pytest.mark.parametrize("regime", ["integreringsloven", "kapittel_6a", "introduksjonsloven"])
def test_complete_participants_fall_under_the_regime_asked_for(regime):
    il = pytest.importorskip("integrules_integreringsloven")
    plugins = [il]
    if regime == "kapittel_6a":
        plugins.append(pytest.importorskip("integrules_kapittel6a"))
    engine = Engine(entry_points=False, plugins=plugins)
    as_of = dt.date(2025, 3, 1)  # before chapter 6A's sunset (01.07.2026)
    got = []

    @settings(max_examples=20, deadline=None, database=None, derandomize=True)
    @given(irs.complete_participants(as_of=as_of, regime=regime))
    def judge(p):
        got.append(engine.decide_regime(p, as_of).regime)

    judge()
    assert got.count(regime) == len(got), got


@FAST
@given(st.data())
def test_knock_out_makes_exactly_one_known_fact_unknown(data):
    p = data.draw(irs.complete_participants(as_of=dt.date(2025, 6, 1)))
    path, knocked = data.draw(irs.knock_out(p))
    before, after = irs.known_facts(p), irs.known_facts(knocked)
    assert path in before and path not in after
    assert set(after) == {q for q in before if q != path and not q.startswith(path + ".") and not q.startswith(path + "[")}


def test_without_fact_reaches_into_lists():
    p = Participant(id="A", norskmal=None, nir=())
    assert irs.known_facts(p) == ["nir"]
    assert irs.without_fact(p, "nir").nir is None


@pytest.mark.parametrize("start, months, days, due", [
    (dt.date(2025, 1, 31), 1, 0, dt.date(2025, 2, 28)),   # the month's end
    (dt.date(2024, 1, 31), 1, 0, dt.date(2024, 2, 29)),   # a leap year
    (dt.date(2025, 3, 1), 3, -1, dt.date(2025, 5, 31)),   # the day before three months
    (dt.date(2025, 3, 1), 3, 0, dt.date(2025, 6, 1)),     # three months
    (dt.date(2025, 3, 1), 3, 1, dt.date(2025, 6, 2)),     # the day after
    (dt.date(2025, 3, 1), 0, 14, dt.date(2025, 3, 15)),   # days only
])
def test_due_after(start, months, days, due):
    with recording_clocks() as clocks:
        assert due_after(start, months=months, days=days) == due
    assert clocks == [(start, due)]
    assert due_after(start, months=months, days=days) == due  # outside: nothing recorded, same answer


def test_recording_clocks_nests():
    with recording_clocks() as outer:
        due_after(dt.date(2025, 1, 1), months=1)
        with recording_clocks() as inner:
            due_after(dt.date(2025, 1, 1), months=2)
        due_after(dt.date(2025, 1, 1), months=3)
    assert [d.month for _, d in outer] == [2, 4] and [d.month for _, d in inner] == [3]


def test_the_thorough_profile_raises_the_examples():
    from hypothesis import settings as hsettings

    from integrules.testing._hypothesis_hook import THOROUGH_EXAMPLES, THOROUGH_PROFILE
    from integrules.testing.conformance import DEFAULT_EXAMPLES, _examples_setting

    assert _examples_setting(None) == DEFAULT_EXAMPLES and _examples_setting(10) == 10
    previous = hsettings._current_profile
    hsettings.load_profile(THOROUGH_PROFILE)
    try:
        assert _examples_setting(None) == _examples_setting(25) == THOROUGH_EXAMPLES // 4
    finally:
        hsettings.load_profile(previous)


def test_as_of_dates_lie_inside_the_validity():
    from integrules import LegalRef, Text, Unit, met, requirement

    meta = dict(title=Text("K", "R"), description=Text("K.", "R."), references=(LegalRef("x", kind="lokal"),),
                regime="integreringsloven", responsible=(Unit.FT,))
    old = requirement(id="a.b", valid_from=dt.date(2021, 1, 1), valid_to=dt.date(2023, 7, 1), **meta)(lambda ctx: met("j", "y"))
    seen = set()

    @settings(max_examples=80, deadline=None, database=None, derandomize=True)
    @given(irs.as_of_dates(old))
    def inside(day):
        assert dt.date(2021, 1, 1) <= day <= dt.date(2023, 6, 30)  # valid_to is exclusive
        seen.add(day)

    inside()
    assert {dt.date(2021, 1, 1), dt.date(2023, 6, 30)} <= seen  # the first day and the last
