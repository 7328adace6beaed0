"""Properties over every participant the strategies can build, at any date.

- exactly one finding per requirement id in force;
- for every ordinary requirement chapter 6A adapts, and its replacement, at most one of the two is
  judged (anything but not_applicable); under chapter 6A never the ordinary one;
- the regime decision is monotone: filling in unknown facts never turns one decided regime into
  another.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, Phase, given, settings, strategies as st

from integrules import Outcome
from integrules.testing import strategies as irs

import integrules_kapittel6a as k

REGIMES = st.sampled_from([None, "integreringsloven", "kapittel_6a", "introduksjonsloven"])
DATES = st.dates(min_value=dt.date(2021, 1, 1), max_value=dt.date(2027, 12, 31))
FAST = settings(max_examples=100, deadline=None, derandomize=True, database=None,
                phases=(Phase.explicit, Phase.generate, Phase.shrink), suppress_health_check=list(HealthCheck))


def participants():
    return REGIMES.flatmap(lambda r: irs.participants(regime=r))


@FAST
@given(participants(), DATES)
def test_one_finding_per_requirement_and_no_pair_judged_twice(engine, p, as_of):
    result = engine.evaluate(p, as_of)
    ids = [f.requirement_id for f in result.findings]
    assert len(ids) == len(set(ids))
    assert set(ids) == {r.id for r in engine.requirements(as_of)}
    if result.regime.regime is None:
        # no regime governs: nothing is judged, every finding is unknown and names what is missing
        assert all(f.outcome is Outcome.UNKNOWN and f.missing for f in result.findings)
        return
    judged = {f.requirement_id for f in result.findings if f.outcome is not Outcome.NOT_APPLICABLE}
    for adapted in k.ADAPTED_IDS:
        replacement = k.REPLACED.get(adapted)
        assert not (adapted in judged and replacement in judged)
        if result.regime.regime == "kapittel_6a":
            assert result.finding(adapted).outcome is Outcome.NOT_APPLICABLE
    if result.regime.regime != "kapittel_6a":
        for req in k.REQUIREMENTS:
            if req.id in ids:
                assert result.finding(req.id).outcome in (Outcome.NOT_APPLICABLE, Outcome.UNKNOWN)
    assert not any(f.outcome is Outcome.ERROR for f in result.findings)


@settings(FAST, max_examples=50)
@given(st.data(), DATES)
def test_regime_decision_is_monotone(engine, data, as_of):
    before = data.draw(participants())
    after = data.draw(irs.filled(before))
    old = k.decide(before, as_of, engine.settings)
    new = k.decide(after, as_of, engine.settings)
    if old is not None and old.regime is not None:
        assert new is not None and new.regime == old.regime
    if old is None:
        assert new is None


@settings(FAST, max_examples=50)
@given(st.data(), DATES)
def test_chapter_6a_findings_are_monotone(engine, data, as_of):
    before = data.draw(irs.participants(regime="kapittel_6a"))
    after = data.draw(irs.filled(before))
    old, new = engine.evaluate(before, as_of), engine.evaluate(after, as_of)
    for f in old.findings:
        if f.outcome is not Outcome.UNKNOWN:
            assert new.finding(f.requirement_id).outcome is f.outcome, (f.requirement_id, f.message.en)
