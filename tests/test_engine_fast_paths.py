"""Engine.evaluate's fast paths (plans with the owners resolved, set-aside findings shared per kind of
decision, findings built by fast_new) give what the step-by-step evaluation gives."""

from __future__ import annotations

import datetime as dt
import functools
import gc

from hypothesis import HealthCheck, given, settings, strategies as st

from integrules import Engine
from integrules.context import Context
from integrules.findings import unknown
from integrules.results import ParticipantResult, participant_warnings
from integrules.rules import RegimeDecision
from integrules.testing import strategies as irs

from fakeplugins import base, make_plugin, variant_plugin

AS_OF = st.dates(min_value=dt.date(2020, 6, 1), max_value=dt.date(2027, 12, 31))
REGIMES = st.sampled_from([None, "integreringsloven", "kapittel_6a", "introduksjonsloven"])


def step_by_step(engine: Engine, participant, as_of: dt.date, index: int = 0) -> ParticipantResult:
    """Engine.evaluate as it was written before the fast paths: one finding at a time, nothing shared."""
    decision = engine.decide_regime(participant, as_of, index=index)
    ctx = Context(participant, as_of, decision, engine.settings, engine.registry)
    findings = []
    for req, mode in engine._plan(decision.regime, as_of).modes:
        plugin = engine.registry.owner(req)
        if mode == "judge":
            findings.append(engine._judge(req, plugin, ctx, index))
        elif mode == "unknown":
            ev = unknown(decision.missing or ("regime",), "Regelverket deltakeren omfattes av er ukjent. " + decision.reason.nb,
                         "The rules governing the participant are unknown. " + decision.reason.en)
            findings.append(engine._finding(req, plugin, ev))
        else:
            kind, what = mode
            findings.append(engine._set_aside(req, plugin, kind, what, decision))
    return ParticipantResult(index, participant.id, as_of, decision, tuple(findings), participant,
                             participant_warnings(participant))


@functools.lru_cache(maxsize=1)
def installed() -> Engine:
    return Engine()


def same(a: ParticipantResult, b: ParticipantResult) -> None:
    assert a == b
    assert [repr(f) for f in a.findings] == [repr(f) for f in b.findings]
    assert [type(f) for f in a.findings] == [type(f) for f in b.findings]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), AS_OF)
def test_installed_plugins_fast_is_step_by_step(data, as_of):
    engine = installed()
    for _ in range(3):  # several participants through the same plan and its shared findings
        p = data.draw(irs.participants(regime=data.draw(REGIMES)))
        same(engine.evaluate(p, as_of), step_by_step(engine, p, as_of))


def test_shared_findings_follow_the_decision():
    """Two participants set aside with different reasons get their own reason; equal ones share."""
    reasons = iter(["first", "second", "first"])

    class Decider:
        PLUGIN_NAME = "decider"

        @staticmethod
        def integrules_decide_regime(participant, as_of, settings):
            from integrules import Text
            reason = next(reasons)
            return RegimeDecision(regime=None, reason=Text(reason, reason), missing=(reason,), plugin="decider")

    from integrules import hookimpl
    Decider.integrules_decide_regime = hookimpl(tryfirst=True)(Decider.integrules_decide_regime)
    engine = Engine(entry_points=False, plugins=[base, Decider()])
    from integrules.model import Participant
    p = Participant(id="a")
    day = dt.date(2024, 1, 1)
    one, two, three = (engine.evaluate(p, day) for _ in range(3))
    assert one.findings and all(f.message.en.endswith("first") and f.missing == ("first",) for f in one.findings)
    assert all(f.message.en.endswith("second") for f in two.findings)
    assert one.findings == three.findings


def test_fake_plugins_fast_is_step_by_step():
    from integrules.model import Participant

    engine = Engine(entry_points=False, plugins=[base, variant_plugin()])
    for day in (dt.date(2020, 12, 31), dt.date(2022, 6, 1), dt.date(2024, 1, 1)):
        for p in (Participant(id="a"), Participant(id="b", birth_date=dt.date(1990, 6, 1),
                                                    settlement_date=dt.date(2023, 1, 10))):
            same(engine.evaluate(p, day), step_by_step(engine, p, day))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), AS_OF)
def test_evaluation_leaves_no_reference_cycles(data, as_of):
    """Everything an evaluation allocates is freed by reference counting: a cycle per participant
    (a kept Missing whose traceback holds the frames that hold the context, say) costs the garbage
    collector time on every large run and memory when it is off."""
    engine = installed()
    people = [data.draw(irs.participants(regime=data.draw(REGIMES))) for _ in range(3)]
    for p in people:
        engine.evaluate(p, as_of)  # plans and caches made before counting
    gc.collect()
    was = gc.isenabled()
    gc.disable()
    try:
        for i, p in enumerate(people):
            engine.evaluate(p, as_of, index=i)
        assert gc.collect() == 0
    finally:
        if was:
            gc.enable()
