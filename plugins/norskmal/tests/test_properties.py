"""Hypothesis properties: accepted chains, the goal in force, monotonicity, and integrules' conformance check."""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import HealthCheck, given, settings, strategies as st
from norskmal_testhelpers import person

import integrules_norskmal as nm
from integrules import Level, Subtest
from integrules.model import Education, GoalChange, GoalChangeKind, Participant, SubtestLevels
from integrules.testing import integrules_conformance, stub_regime

AS_OF = dt.date(2027, 1, 1)
ORDER = list(Level)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _shift(level: Level, delta: int) -> Level:
    return ORDER[max(0, min(len(ORDER) - 1, level.rank + delta))]


@st.composite
def chains(draw, *, unknown_levels: bool = False):
    """An education and a chain of goal changes: a fastsetting near the minimum, then small moves."""
    education = draw(st.sampled_from(list(Education)))
    needs_b2 = draw(st.booleans())
    minimum = nm.minimum_level(education, needs_b2)  # the whole table, B2 row included: near both floors
    day = dt.date(2021, 1, 1) + dt.timedelta(days=draw(st.integers(0, 400)))
    first = {s.value: _shift(minimum.get(s), draw(st.integers(-1, 1))) for s in Subtest}
    changes = [GoalChange(date=day, kind=GoalChangeKind.FASTSETTING, levels=SubtestLevels(**first))]
    current = dict(first)
    for _ in range(draw(st.integers(0, 4))):
        day += dt.timedelta(days=draw(st.integers(0, 200)))
        for s in Subtest:
            current[s.value] = _shift(current[s.value], draw(st.sampled_from([-2, -1, -1, 0, 0, 1])))
        lv = dict(current)
        if unknown_levels and draw(st.booleans()):
            lv[draw(st.sampled_from(list(Subtest))).value] = None
        justification = draw(st.sampled_from([None, "", "Progresjonen tilsier at målet ikke nås."]))
        changes.append(GoalChange(date=day, kind=GoalChangeKind.ENDRING, levels=SubtestLevels(**lv),
                                  justification=justification))
    order = draw(st.permutations(changes))  # list order must not matter (distinct dates or kinds decide)
    return Participant(id="NM-P", education=education, needs_b2=needs_b2, norskmal=tuple(order))


@FAST
@given(chains())
def test_accepted_chains_move_at_most_one_level_down_per_step_and_never_below_a1(engine, p):
    result = engine.evaluate(p, AS_OF)
    if any(result.finding(rid).outcome.value != "met" for rid in (nm.ENDRING_ID, nm.FASTSETTING_ID, nm.ENDRING_ETT_NIVA_ID)):
        return
    steps = nm.ordered_steps(p, AS_OF)
    for before, after in zip(steps, steps[1:]):
        for s in Subtest:
            old, new = before.change.levels.get(s), after.change.levels.get(s)
            assert new >= Level.A1 and old >= Level.A1
            assert old.rank - new.rank <= 1
            if new < old:
                assert after.change.justification and after.change.justification.strip()


@FAST
@given(chains())
def test_without_the_one_level_setting_accepted_chains_still_never_go_below_a1(engine_free, p):
    if engine_free.evaluate(p, AS_OF).finding(nm.ENDRING_ID).outcome.value == "met":
        assert all(lv >= Level.A1 for step in nm.ordered_steps(p, AS_OF) for _, lv in step.change.levels.items())


def test_some_chains_are_accepted(engine):
    """The property above is not vacuous: a typical accepted chain."""
    p = person(education="grunnskole", norskmal=[
        {"date": "2022-01-01", "kind": "fastsetting", "levels": {s.value: "B1" for s in Subtest}},
        {"date": "2022-09-01", "kind": "endring", "levels": {s.value: "A2" for s in Subtest}, "justification": "x"},
        {"date": "2023-03-01", "kind": "endring", "levels": {s.value: "A1" for s in Subtest}, "justification": "x"}])
    result = engine.evaluate(p, AS_OF)
    assert result.finding(nm.ENDRING_ID).outcome.value == "met"
    assert result.finding(nm.FASTSETTING_ID).outcome.value == "met"


@FAST
@given(chains(unknown_levels=True), st.dates(min_value=dt.date(2020, 6, 1), max_value=dt.date(2025, 12, 31)))
def test_the_goal_in_force_on_any_date_is_the_last_change_on_or_before_it(p, day):
    # Reference: walk the list, keeping the latest change by (date, endring after fastsetting, list position).
    best = None
    for i, c in enumerate(p.norskmal):
        if c.date <= day:
            key = (c.date, c.kind is GoalChangeKind.ENDRING, i)
            if best is None or key > best[0]:
                best = (key, c)
    assert nm.goal_in_force(p, day) == (best[1].levels if best else None)
    # And it only changes on the date of a change.
    if best is not None:
        assert nm.goal_in_force(p, day) == nm.goal_in_force(p, best[1].date)


@FAST
@given(chains(unknown_levels=True), st.data())
def test_filling_in_justifications_and_levels_never_changes_a_decided_finding(engine, p, data):
    before = engine.evaluate(p, AS_OF)
    filled = []
    for c in p.norskmal:
        lv = {s.value: c.levels.get(s) or data.draw(st.sampled_from(ORDER)) for s in Subtest}
        just = c.justification if c.justification is not None else data.draw(st.sampled_from(["", "x"]))
        filled.append(attrs.evolve(c, levels=SubtestLevels(**lv), justification=just))
    after = engine.evaluate(attrs.evolve(p, norskmal=tuple(filled)), AS_OF)
    for f in before.findings:
        if f.outcome.value != "unknown":
            assert after.finding(f.requirement_id).outcome is f.outcome, f.requirement_id


def test_conformance():
    integrules_conformance(nm, others=[stub_regime()], max_examples=40)
