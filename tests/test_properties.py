"""Properties over every installed plugin: never raise, JSON round-trip, more facts never flip a decision."""

import datetime as dt
import functools
import json

from hypothesis import HealthCheck, given, settings, strategies as st

from integrules import Engine, Outcome
from integrules.output import dumps, result_from_dict, result_to_dict
from integrules.testing import strategies as irs

AS_OF = st.dates(min_value=dt.date(2021, 1, 1), max_value=dt.date(2027, 12, 31))
REGIMES = st.sampled_from([None, "integreringsloven", "kapittel_6a", "introduksjonsloven"])
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@functools.lru_cache(maxsize=1)
def installed() -> Engine:
    return Engine()


@SETTINGS
@given(st.data(), AS_OF)
def test_every_participant_evaluates_without_error(data, as_of):
    engine = installed()
    p = data.draw(irs.participants(regime=data.draw(REGIMES)))
    result = engine.evaluate(p, as_of)
    ids = [f.requirement_id for f in result.findings]
    assert ids == sorted(set(ids)), "one finding per requirement, sorted"
    errors = [f for f in result.findings if f.outcome is Outcome.ERROR]
    assert not errors, [f.message.en for f in errors] + [x.traceback for x in engine.faults[-1:]]
    for f in result.findings:
        assert f.message.nb and f.message.en and f.references
        if f.outcome is Outcome.UNKNOWN:
            assert f.missing, f"{f.requirement_id} is unknown without naming the missing facts"


@SETTINGS
@given(st.data(), AS_OF)
def test_output_round_trips_through_json(data, as_of):
    result = installed().evaluate(data.draw(irs.participants()), as_of)
    text = dumps(result_to_dict(result))
    back = result_from_dict(json.loads(text))
    assert back == result and dumps(result_to_dict(back)) == text


@SETTINGS
@given(st.data(), AS_OF)
def test_filling_a_missing_fact_never_changes_a_decided_finding(data, as_of):
    engine = installed()
    before = data.draw(irs.participants(regime=data.draw(REGIMES)))
    after = data.draw(irs.filled(before))
    old, new = engine.evaluate(before, as_of).outcomes(), engine.evaluate(after, as_of).outcomes()
    for req_id, outcome in old.items():
        if outcome is not Outcome.UNKNOWN:
            assert new[req_id] is outcome, f"{req_id}: {outcome.value} became {new[req_id].value} when facts were added"


@SETTINGS
@given(st.data(), AS_OF)
def test_same_input_gives_identical_bytes(data, as_of):
    p = data.draw(irs.participants())
    a = dumps(result_to_dict(installed().evaluate(p, as_of)))
    b = dumps(result_to_dict(Engine().evaluate(p, as_of)))
    assert a == b
