"""Against the real integreringsloven plugin (and norskmal when installed): the adaptations resolve,
the differences show side by side, and the plugin passes integrules' conformance check."""

from __future__ import annotations

import datetime as dt

import pytest

from integrules import Engine, Outcome
from integrules.model import Event

from k6a_builders import ordinary, person

il = pytest.importorskip("integrules_integreringsloven")
import integrules_kapittel6a as k  # noqa: E402

AS_OF = dt.date(2023, 3, 1)
NA = Outcome.NOT_APPLICABLE


def _others():
    others = [il]
    try:
        import integrules_norskmal
        others.append(integrules_norskmal)
    except ImportError:
        pass
    return others


@pytest.fixture(scope="module")
def real():
    return Engine(entry_points=False, plugins=[*_others(), k])


def test_every_adapted_id_exists_in_the_real_plugin(real):
    for req_id in k.ADAPTED_IDS:
        assert req_id in real.registry.requirements
        assert real.registry.owner(real.registry.requirements[req_id][0]) == "integreringsloven"


# ordinary id, outcome under the ordinary rules, replacement, outcome under chapter 6A (for person())
SIDE_BY_SIDE = [
    ("integreringsloven.integreringskontrakt", Outcome.NOT_MET, None, None),  # contract known not signed
    ("integreringsloven.fulltid", Outcome.NOT_MET, "kapittel_6a.helarig", Outcome.MET),  # part time
    ("integreringsloven.integreringsplan_innhold", Outcome.NOT_MET, "kapittel_6a.integreringsplan_innhold",
     Outcome.MET),  # no Norwegian goal in the plan
    ("integreringsloven.foreldreveiledning", Outcome.NOT_MET, "kapittel_6a.foreldreveiledning", Outcome.MET),  # 4 meetings
    ("integreringsloven.sluttmal", Outcome.MET, "kapittel_6a.sluttmal", Outcome.MET),
    ("integreringsloven.vedtak_og_oppstart", Outcome.MET, "kapittel_6a.vedtak_og_oppstart", Outcome.MET),
    ("integreringsloven.kompetansekartlegging", Outcome.MET, "kapittel_6a.kompetansekartlegging", NA),
]


@pytest.mark.parametrize("ordinary_id, under_ordinary, replacement, under_6a", SIDE_BY_SIDE,
                         ids=[row[0] for row in SIDE_BY_SIDE])
def test_side_by_side_with_the_real_plugin(real, ordinary_id, under_ordinary, replacement, under_6a):
    p = person(integreringskontrakt=Event(done=False))
    a, b = real.evaluate(p, AS_OF), real.evaluate(ordinary(p), AS_OF)
    assert (a.regime.regime, b.regime.regime) == ("kapittel_6a", "integreringsloven")
    assert b.finding(ordinary_id).outcome is under_ordinary
    assert a.finding(ordinary_id).outcome is NA and a.finding(ordinary_id).plugin == "kapittel6a"
    if replacement:
        assert a.finding(replacement).outcome is under_6a
        assert b.finding(replacement).outcome is NA


def test_social_studies_only_under_the_ordinary_rules(real):
    for req_id in ("integreringsloven.samfunnskunnskap", "integreringsloven.samfunnskunnskapsprove",
                   "integreringsloven.nir.samfunnskunnskap"):
        assert real.evaluate(person(), AS_OF).finding(req_id).outcome is NA
        assert "§ 37 d" in real.evaluate(person(), AS_OF).finding(req_id).message.nb


def test_target_group_applies_under_chapter_6a(real):
    # §§ 8 and 9 apply under § 37 c: 60 years old when the permit was granted is outside the programme's target group
    p = person(birth_date=dt.date(1962, 1, 1))
    assert real.evaluate(p, AS_OF).finding("kapittel_6a.sluttmal").outcome is NA


def test_norskmal_goal_level_is_not_a_duty_under_chapter_6a(real):
    pytest.importorskip("integrules_norskmal")
    a = real.evaluate(person(), AS_OF)
    assert a.finding("norskmal.fastsetting").outcome is NA
    assert "37 d" in a.finding("norskmal.fastsetting").message.nb


def test_before_in_force_the_ordinary_plugin_decides(real):
    assert real.decide_regime(person(), dt.date(2022, 6, 14)).plugin == "integreringsloven"
    assert real.decide_regime(person(), dt.date(2022, 6, 15)).plugin == "kapittel6a"


def test_conformance():
    from integrules.testing.conformance import check_plugin
    problems = check_plugin(k, others=_others(), max_examples=25, min_date=dt.date(2022, 1, 1))
    assert not problems, "\n".join(problems)


def test_pairs_are_never_judged_twice_with_the_real_plugin(real):
    from hypothesis import HealthCheck, given, settings, strategies as st
    from integrules.testing import strategies as irs

    @settings(max_examples=60, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
    @given(st.sampled_from([None, "integreringsloven", "kapittel_6a"]).flatmap(lambda r: irs.participants(regime=r)),
           st.dates(min_value=dt.date(2021, 1, 1), max_value=dt.date(2027, 12, 31)))
    def check(p, as_of):
        result = real.evaluate(p, as_of)
        ids = [f.requirement_id for f in result.findings]
        assert len(ids) == len(set(ids))
        if result.regime.regime is None:
            return
        judged = {f.requirement_id for f in result.findings if f.outcome is not Outcome.NOT_APPLICABLE}
        for adapted in k.ADAPTED_IDS:
            assert not (adapted in judged and k.REPLACED.get(adapted) in judged)
            if result.regime.regime == "kapittel_6a":
                assert adapted not in judged

    check()


@pytest.mark.parametrize("as_of", [dt.date(2026, 6, 30), dt.date(2026, 7, 1), dt.date(2026, 12, 4), dt.date(2028, 6, 30)])
def test_the_example_has_nobody_with_collective_protection_in_an_unknown_regime(real, as_of):
    """Issue 15: chapter 6A was re-added from 01.07.2026 with no gap and runs to 01.07.2028, so no § 34 holder of
    the bundled example is in an unknown regime because a sunset passed."""
    from importlib import resources

    from integrules.model import Participant, PermitBasis
    from integrules.reading import read_case_file

    _, items = read_case_file(str(resources.files("integrules") / "examples" / "eksempelkommune.json"))
    collective = [p for p in items if isinstance(p, Participant) and p.permit is not None
                  and p.permit.basis is PermitBasis.KOLLEKTIV_BESKYTTELSE]
    assert collective
    for p in collective:
        decision = real.decide_regime(p, as_of)
        assert "kapittel_6a.etter_opphor" not in decision.missing, p.id
        assert decision.regime == real.decide_regime(p, dt.date(2026, 6, 1)).regime, p.id  # as under LOV-2024-06-25-53
    assert sum(real.decide_regime(p, as_of).regime == "kapittel_6a" for p in collective) >= 1
    after = [real.decide_regime(p, dt.date(2028, 7, 1)) for p in collective]
    assert any(d.regime is None and d.missing == ("kapittel_6a.etter_opphor",) for d in after)  # repealed, default
