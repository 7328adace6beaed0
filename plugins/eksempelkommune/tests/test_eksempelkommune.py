"""Eksempelkommune's local routines, tested against a stand-in for the national plugin and, when it is
installed, the real integreringsloven plugin."""

import datetime as dt
import importlib.util

import pytest

import integrules_eksempelkommune as ek
from integrules import Engine, LegalRef, Regime, RegimeDecision, Setting, Text, Unit, UsageError, hookimpl, met, requirement
from integrules.model import Participant
from integrules.convert import converter
from integrules.testing import assert_outcome, assert_outcomes, integrules_conformance

pytest_plugins = ["integrules.testing.pytest_plugin"]

D = dt.date
REAL_NATIONAL = importlib.util.find_spec("integrules_integreringsloven") is not None
REF = LegalRef("integreringsloven", "§ 15", ledd=6, url="https://lovdata.no/lov/2020-11-06-127/§15")


@requirement(id=ek.NATIONAL_ID, title=Text("Vurderes jevnlig", "Reviewed regularly"),
             description=Text("Stand-in for the national rule", "Stand-in for the national rule"),
             references=(REF,), valid_from=D(2021, 1, 1), regime="integreringsloven", responsible=(Unit.FT,))
def national_stand_in(ctx):
    return met("nasjonal regel", "national rule")


class National:
    """A stand-in for plugins/integreringsloven: the regime and the requirement the plugin overrides."""

    PLUGIN_NAME = "national"

    @staticmethod
    @hookimpl
    def integrules_register_regimes(register):
        register.regime(Regime(id="integreringsloven", title=Text("Integreringsloven", "The Integration Act"),
                               references=(REF,)))

    @staticmethod
    @hookimpl
    def integrules_register_settings(register):
        register.setting(Setting(name=ek.NATIONAL_INTERVAL, default=6, description=Text("Intervall", "Interval")))

    @staticmethod
    @hookimpl
    def integrules_register_requirements(register):
        register.requirement(national_stand_in)

    @staticmethod
    @hookimpl
    def integrules_decide_regime(participant, as_of, settings):
        return RegimeDecision(regime="integreringsloven", reason=Text("test", "test"), plugin="national")


def national():
    """The real integreringsloven plugin when installed (the plugin depends on it), else the stand-in."""
    if REAL_NATIONAL:
        import integrules_integreringsloven
        return integrules_integreringsloven
    return National()


@pytest.fixture(scope="module")
def engine():
    return Engine(entry_points=False, plugins=[national(), ek])


# A refugee settled by agreement, in the programme under the ordinary rules.
BASE = {"birth_date": "1990-03-01", "permit": {"granted": "2024-06-01", "basis": "flyktning"},
        "settlement_date": "2024-09-01", "settled_by_agreement": True, "started_under_introduksjonsloven": False,
        "earlier_municipality_months": 0}


def person(**facts) -> Participant:
    return converter().structure({"id": "EK-1", **BASE, **facts}, Participant)


def in_programme(*, created="2024-12-02", revisions=(), end=None, end_reason=None, class_changes=None, **more):
    prog = {"participates": True, "start_date": "2024-12-02"}
    if end:
        prog |= {"end_date": end, "end_reason": end_reason}
    facts = {"introduksjonsprogram": prog,
             "integreringsplan": {"created": created, "revisions": [{"date": r, "trigger": "inntak"} for r in revisions]}}
    if class_changes is not None:
        facts["opplaering"] = {"class_changes": list(class_changes)}
    return person(**facts, **more)


def test_intake_dates_come_from_the_recurrence_rule():
    assert ek.intake_dates(D(2024, 11, 27), D(2025, 11, 1)) == [D(2025, 2, 1), D(2025, 5, 1), D(2025, 8, 1), D(2025, 11, 1)]
    assert ek.intake_dates(D(2025, 2, 1), D(2025, 2, 1)) == [D(2025, 2, 1)]
    assert ek.intake_dates(D(2025, 3, 1), D(2025, 2, 1)) == []


def test_the_national_requirement_is_overridden_by_id(engine):
    assert engine.registry.overridden[ek.NATIONAL_ID] == ("integreringsloven" if REAL_NATIONAL else "national")
    (req,) = engine.registry.requirements[ek.NATIONAL_ID]
    assert engine.plugin_of(req) == "eksempelkommune"
    assert any(ref.kind == "lokal" for ref in req.references)


def test_revised_at_every_intake_is_met(engine):
    r = engine.evaluate(in_programme(revisions=["2025-02-03", "2025-05-10"], end="2025-07-31", end_reason="Arbeid"),
                        D(2025, 9, 1))
    assert_outcome(r, ek.NATIONAL_ID, "met")


def test_a_missed_intake_is_not_met(engine):
    r = engine.evaluate(in_programme(revisions=["2025-02-03"], end="2025-12-31", end_reason="Arbeid"), D(2025, 6, 1))
    assert_outcome(r, ek.NATIONAL_ID, "not_met")
    assert "01.05.2025" in r.finding(ek.NATIONAL_ID).message.nb


def test_a_revision_later_than_the_window_does_not_count(engine):
    r = engine.evaluate(in_programme(revisions=["2025-02-20"], end="2025-12-31", end_reason="Arbeid"), D(2025, 3, 1))
    assert_outcome(r, ek.NATIONAL_ID, "not_met")


def test_within_the_window_it_is_pending(engine):
    r = engine.evaluate(in_programme(end="2025-12-31", end_reason="Arbeid"), D(2025, 2, 10))
    assert_outcome(r, ek.NATIONAL_ID, "pending")
    assert r.finding(ek.NATIONAL_ID).due == D(2025, 2, 15)


def test_the_window_is_a_setting():
    eng = Engine(entry_points=False, plugins=[national(), ek], settings={ek.WINDOW: "30"})
    r = eng.evaluate(in_programme(revisions=["2025-02-20"], end="2025-12-31", end_reason="Arbeid"), D(2025, 3, 5))
    assert_outcome(r, ek.NATIONAL_ID, "met")
    with pytest.raises(UsageError):
        Engine(entry_points=False, plugins=[national(), ek], settings={ek.WINDOW: "-1"})


def test_an_ongoing_programme_without_the_revision_is_unknown(engine):
    """Whether the participant was still in the programme at the intake depends on the end date."""
    r = engine.evaluate(in_programme(), D(2025, 3, 1))
    assert_outcome(r, ek.NATIONAL_ID, "unknown")
    assert r.finding(ek.NATIONAL_ID).missing == ("introduksjonsprogram.end_date",)


def test_no_intake_after_the_programme_ended(engine):
    r = engine.evaluate(in_programme(end="2025-01-20", end_reason="Arbeid"), D(2025, 6, 1))
    # the local part does not apply; the national minimum (reviewed within 6 months) still holds
    assert_outcome(r, ek.NATIONAL_ID, "met" if REAL_NATIONAL else "not_applicable")


def test_not_in_the_programme(engine):
    r = engine.evaluate(person(introduksjonsprogram={"participates": False}), D(2025, 6, 1))
    assert_outcome(r, ek.NATIONAL_ID, "not_applicable")


def test_before_the_routine_only_the_national_rule_judges(engine):
    # plan created 2023-01-10, never reviewed: the national rule (at most 6 months between reviews) fails it
    r = engine.evaluate(in_programme(created="2023-01-10", end="2025-12-31", end_reason="Arbeid"), D(2024, 6, 1))
    finding = r.finding(ek.NATIONAL_ID)
    assert finding.plugin == "eksempelkommune"
    if REAL_NATIONAL:
        assert finding.outcome.value == "not_met" and "10.01.2023" in finding.message.nb
    else:
        assert finding.outcome.value == "not_applicable" and "27.11.2024" in finding.message.nb


@pytest.mark.skipif(not REAL_NATIONAL, reason="the integreringsloven plugin is not installed")
def test_after_the_routine_the_national_minimum_still_holds(engine):
    # every intake since the routine is covered, but the plan went unreviewed for almost two years before
    p = in_programme(created="2023-01-10", revisions=["2025-02-03"], end="2025-12-31", end_reason="Arbeid")
    r = engine.evaluate(p, D(2025, 3, 1))
    assert_outcome(r, ek.NATIONAL_ID, "not_met")
    assert "10.01.2023" in r.finding(ek.NATIONAL_ID).message.nb


def test_change_of_class(engine):
    ok = engine.evaluate(in_programme(class_changes=["2025-03-03"], revisions=["2025-03-10"]), D(2025, 4, 1))
    late = engine.evaluate(in_programme(class_changes=["2025-03-03"], revisions=["2025-04-10"]), D(2025, 4, 1))
    none_ = engine.evaluate(in_programme(class_changes=[]), D(2025, 4, 1))
    unknown = engine.evaluate(in_programme(), D(2025, 4, 1))
    future = engine.evaluate(in_programme(class_changes=["2025-05-01"]), D(2025, 4, 1))
    cid = "eksempelkommune.integreringsplan_klassebytte"
    assert_outcome(ok, cid, "met")
    assert_outcome(late, cid, "not_met")
    assert_outcome(none_, cid, "not_applicable")
    assert_outcome(unknown, cid, "unknown")
    assert_outcome(future, cid, "not_applicable")


def test_transition_to_nav(engine):
    nid = "eksempelkommune.integreringsplan_overgang_nav"
    nav = "Arbeidsmarkedstiltak i regi av NAV"
    assert_outcome(engine.evaluate(in_programme(end="2025-06-30", end_reason=nav, revisions=["2025-06-20"]),
                                   D(2025, 8, 1)), nid, "met")
    assert_outcome(engine.evaluate(in_programme(end="2025-06-30", end_reason=nav), D(2025, 8, 1)), nid, "not_met")
    assert_outcome(engine.evaluate(in_programme(end="2025-06-30", end_reason=nav), D(2025, 7, 5)), nid, "pending")
    assert_outcome(engine.evaluate(in_programme(end="2025-06-30", end_reason="Arbeid"), D(2025, 8, 1)), nid,
                   "not_applicable")
    assert_outcome(engine.evaluate(in_programme(end="2025-09-30", end_reason=nav), D(2025, 8, 1)), nid,
                   "not_applicable")
    assert_outcome(engine.evaluate(in_programme(), D(2025, 8, 1)), nid, "unknown")


def test_competence_mapping_documented(engine):
    kid = "eksempelkommune.kompetansekartlegging_dokumentert"
    cases = {
        "met": {"done": True, "date": "2025-01-10", "documented": True},
        "not_met": {"done": True, "date": "2025-01-10", "documented": False},
        "pending": {"done": False},
        "unknown": {"done": True, "date": "2025-01-10"},
    }
    for outcome, mapping in cases.items():
        assert_outcome(engine.evaluate(person(kompetansekartlegging=mapping), D(2025, 2, 1)), kid, outcome)
    # a mapping dated after the as-of date had not been done yet
    assert_outcome(engine.evaluate(person(kompetansekartlegging=cases["met"]), D(2025, 1, 5)), kid, "pending")


def test_local_requirements_start_with_the_routine(engine):
    ids = {r.id for r in engine.requirements(D(2024, 11, 26))}
    assert "eksempelkommune.integreringsplan_klassebytte" not in ids and ek.NATIONAL_ID in ids


def test_assert_outcomes_reports_every_difference(engine):
    r = engine.evaluate(person(integreringsplan=None, kompetansekartlegging=None), D(2025, 2, 1))
    with pytest.raises(AssertionError) as info:
        assert_outcomes(r, {ek.NATIONAL_ID: "met", "eksempelkommune.kompetansekartlegging_dokumentert": "met"})
    assert str(info.value).count("expected met, got unknown") == 2


def test_conformance_with_the_stand_in():
    integrules_conformance(ek, others=[National()], max_examples=25)


def test_the_override_is_refused_without_the_national_requirement():
    from integrules import ConfigurationError
    with pytest.raises(ConfigurationError, match="overrides unknown requirement"):
        Engine(entry_points=False, plugins=[ek])


@pytest.mark.skipif(not REAL_NATIONAL, reason="the integreringsloven plugin is not installed")
def test_conformance_with_the_installed_plugins():
    integrules_conformance(ek, max_examples=25)


def test_registered_fixture_gives_an_engine_with_the_plugin(registered):
    with registered(ek, others=[National()]) as eng:
        assert "eksempelkommune" in [p.name for p in eng.plugins()]
