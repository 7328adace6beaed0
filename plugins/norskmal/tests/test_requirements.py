"""norskmal.fastsetting(_b2) and norskmal.endring(_ett_niva): each outcome, each not_met reason, and their force."""

from __future__ import annotations

import pytest
from norskmal_testhelpers import D, change, levels, person

import integrules_norskmal as nm
from integrules import Engine, Regime, Text, UsageError, hookimpl
from integrules.testing import assert_outcome, stub_regime
from integrules.testing.helpers import STUB_REF

AS_OF = D(2024, 11, 27)
SET = "2023-01-10"


def goal(*values, date=SET, kind="fastsetting", justification=None):
    return change(date, levels(*values), kind=kind, justification=justification)


def judge(engine, as_of=AS_OF, **facts):
    return engine.evaluate(person(**facts), as_of)


def finding(engine, req_id, as_of=AS_OF, **facts):
    return judge(engine, as_of, **facts).finding(req_id)


# -- fastsetting: met / not_met ------------------------------------------------------------------

@pytest.mark.parametrize("education, needs_b2, goal_levels", [
    ("ingen_grunnskole", False, ("A2", "A2", "A2", "B1")),
    ("grunnskole", False, ("B1",)),
    ("videregaende", False, ("B1", "B1", "B1", "B2")),
    ("hoyere", True, ("B2",)),
    ("ingen_grunnskole", False, ("B2", "B1", "C1", "B2")),  # above the minimum is always fine
])
def test_fastsetting_met_at_or_above_the_minimum(engine, education, needs_b2, goal_levels):
    f = finding(engine, nm.FASTSETTING_ID, education=education, needs_b2=needs_b2, norskmal=[goal(*goal_levels)])
    assert f.outcome.value == "met", f.message.en
    assert "10.01.2023" in f.message.nb


def test_fastsetting_below_the_minimum_names_the_sub_test(engine):
    f = finding(engine, nm.FASTSETTING_ID, education="videregaende", needs_b2=False,
                norskmal=[goal("B1", "B1", "A2", "B1")])
    assert f.outcome.value == "not_met"
    assert "writing A2 (minimum B1)" in f.message.en and "oral B1 (minimum B2)" in f.message.en
    assert "skriftlig fremstilling A2 (minimum B1)" in f.message.nb


def test_fastsetting_under_a1_is_below_any_minimum(engine):
    f = finding(engine, nm.FASTSETTING_ID, education="ingen_grunnskole", norskmal=[goal("under A1", "A2", "A2", "B1")])
    assert f.outcome.value == "not_met" and "under A1" in f.message.en


def test_the_b2_need_is_a_should_of_its_own_never_a_breach_of_fastsetting(engine):
    result = judge(engine, education="hoyere", needs_b2=True, norskmal=[goal("B1", "B1", "B1", "B2")])
    assert_outcome(result, nm.FASTSETTING_ID, "met")  # § 27 first paragraph: the third-paragraph row
    f = result.finding(nm.FASTSETTING_B2_ID)
    assert (f.outcome.value, f.force.value) == ("not_met", "should")
    assert "listening B1 (minimum B2)" in f.message.en and "«should»" in f.message.en
    assert any(r.section == "§ 28" and r.ledd == 4 for r in f.references)


@pytest.mark.parametrize("facts, outcome, missing", [
    (dict(education="hoyere", needs_b2=True, norskmal=[goal("B2")]), "met", ()),
    (dict(education="videregaende", needs_b2=False, norskmal=[goal("B1")]), "not_applicable", ()),
    (dict(education="grunnskole", needs_b2=True, norskmal=[goal("B1")]), "not_applicable", ()),
    (dict(education="videregaende", norskmal=[goal("B1")]), "unknown", ("needs_b2",)),
    (dict(norskmal=[goal("B1")]), "unknown", ("education",)),
    (dict(education="hoyere", needs_b2=True, norskmal=[goal("B2", "B2", None, "B2")]), "unknown",
     ("norskmal[0].levels.skriftlig",)),
    (dict(education="hoyere", needs_b2=True, norskmal=[], opplaering={"exempt": False, "decision_date": "2023-03-01"}),
     "not_met", ()),
])
def test_fastsetting_b2_outcomes(engine, facts, outcome, missing):
    f = finding(engine, nm.FASTSETTING_B2_ID, **facts)
    assert (f.outcome.value, f.missing, f.force.value) == (outcome, missing, "should"), f.message.en


def test_only_the_first_goal_is_judged_against_the_minimum(engine):
    # A later (justified, one-level) lowering below the minimum is the endring rule's business.
    facts = dict(education="grunnskole", norskmal=[goal("B1"), goal("B1", "B1", "A2", "B1", date="2024-01-10",
                                                                     kind="endring", justification="Progresjon")])
    assert_outcome(judge(engine, **facts), nm.FASTSETTING_ID, "met")
    assert_outcome(judge(engine, **facts), nm.ENDRING_ID, "met")


def test_a_goal_dated_after_as_of_has_not_been_set_yet(engine):
    f = finding(engine, nm.FASTSETTING_ID, as_of=D(2023, 1, 9), education="grunnskole", norskmal=[goal("B1")],
                opplaering={"exempt": False, "decision_date": "2023-01-20"})
    assert f.outcome.value == "pending" and f.due == D(2023, 1, 20)
    assert finding(engine, nm.FASTSETTING_ID, as_of=D(2023, 1, 10), education="grunnskole",
                   norskmal=[goal("B1")]).outcome.value == "met"


# -- fastsetting: no goal registered ----------------------------------------------------------

def test_no_goal_after_the_decision_is_not_met(engine):
    f = finding(engine, nm.FASTSETTING_ID, education="grunnskole", norskmal=[],
                opplaering={"exempt": False, "decision_date": "2023-03-01"})
    assert f.outcome.value == "not_met" and "01.03.2023" in f.message.en


def test_no_goal_before_the_decision_is_pending(engine):
    f = finding(engine, nm.FASTSETTING_ID, norskmal=[], opplaering={"exempt": False, "decision_date": "2025-01-15"})
    assert f.outcome.value == "pending" and f.due == D(2025, 1, 15)


def test_no_goal_when_exempt_is_not_applicable(engine):
    f = finding(engine, nm.FASTSETTING_ID, norskmal=[], opplaering={"exempt": True})
    assert f.outcome.value == "not_applicable"
    assert any(r.section == "§ 29" for r in f.references)


@pytest.mark.parametrize("facts, missing", [
    ({}, ("norskmal",)),
    ({"norskmal": []}, ("opplaering",)),
    ({"norskmal": [], "opplaering": {"decision_date": "2023-03-01"}}, ("opplaering.exempt",)),
    ({"norskmal": [], "opplaering": {"exempt": False}}, ("opplaering.decision_date",)),
    ({"norskmal": [goal("B1")]}, ("education",)),
    ({"norskmal": [goal("B1", "B1", None, "B1")], "education": "grunnskole"}, ("norskmal[0].levels.skriftlig",)),
])
def test_fastsetting_unknown_names_the_missing_fact(engine, facts, missing):
    f = finding(engine, nm.FASTSETTING_ID, **facts)
    assert f.outcome.value == "unknown", f.message.en
    assert f.missing == missing


def test_a_known_shortfall_is_not_met_even_with_another_sub_test_unknown(engine):
    f = finding(engine, nm.FASTSETTING_ID, education="grunnskole", norskmal=[goal("A2", "B1", None, "B1")])
    assert f.outcome.value == "not_met"


# -- regimes and validity ----------------------------------------------------------------------

def test_chapter_6a_fastsetting_does_not_apply_but_endring_does(engine_6a):
    facts = dict(education="grunnskole", norskmal=[goal("A2"), goal("A1", date="2024-01-10", kind="endring",
                                                                     justification="x")])
    result = judge(engine_6a, **facts)
    f = result.finding(nm.FASTSETTING_ID)
    assert f.outcome.value == "not_applicable" and any(r.section == "§ 37 d" for r in f.references)
    assert_outcome(result, nm.ENDRING_ID, "met")


class Kapittel6A:
    """A stand-in chapter 6A plugin registering the adaptation this plugin offers."""

    PLUGIN_NAME = "kapittel6a_standin"

    @staticmethod
    @hookimpl
    def integrules_register_regimes(register):
        register.regime(Regime(id="integreringsloven", title=Text("IL", "IL"), references=(STUB_REF,)))
        register.regime(Regime(id="kapittel_6a", title=Text("6A", "6A"), references=(STUB_REF,), base="integreringsloven"))

    @staticmethod
    @hookimpl
    def integrules_register_requirements(register):
        register.adaptation(nm.ADAPTATION_6A)

    @staticmethod
    @hookimpl
    def integrules_decide_regime(participant, as_of, settings):
        from integrules import RegimeDecision
        return RegimeDecision(regime="kapittel_6a", reason=Text("test", "test"), plugin="kapittel6a_standin")


def test_the_offered_adaptation_sets_fastsetting_aside_explicitly():
    engine = Engine(entry_points=False, plugins=[Kapittel6A(), nm])
    f = finding(engine, nm.FASTSETTING_ID, norskmal=[goal("A1")], education="grunnskole")
    assert f.outcome.value == "not_applicable" and f.plugin == "kapittel6a_standin"
    assert "37 d" in f.message.en


class OldLaw:
    """A stand-in deciding the old introduksjonsloven, which integrules does not judge."""

    PLUGIN_NAME = "oldlaw_standin"

    @staticmethod
    @hookimpl
    def integrules_register_regimes(register):
        register.regime(Regime(id="integreringsloven", title=Text("IL", "IL"), references=(STUB_REF,)))
        register.regime(Regime(id="introduksjonsloven", title=Text("Introduksjonsloven", "Introduction Act"),
                               references=(STUB_REF,), judged=False))

    @staticmethod
    @hookimpl
    def integrules_decide_regime(participant, as_of, settings):
        from integrules import RegimeDecision
        return RegimeDecision(regime="introduksjonsloven", reason=Text("Gammel lov.", "Old law."), plugin="oldlaw_standin")


def test_old_law_participants_are_not_judged():
    engine = Engine(entry_points=False, plugins=[OldLaw(), nm])
    result = judge(engine, education="grunnskole", norskmal=[goal("A1")])
    assert_outcome(result, nm.FASTSETTING_ID, "not_applicable")
    assert_outcome(result, nm.ENDRING_ID, "not_applicable")
    verdict = nm.may_lower(person(norskmal=[goal("B1")]), "muntlig", "A2", AS_OF, engine=engine)
    assert verdict.allowed is None and "Old law." in verdict.reason.en


@pytest.mark.parametrize("day, in_force", [(D(2020, 12, 31), False), (D(2021, 1, 1), True), (D(2027, 1, 1), True)])
def test_validity_starts_with_the_law(engine, day, in_force):
    ids = {r.id for r in engine.requirements(day)}
    assert (nm.FASTSETTING_ID in ids) is in_force and (nm.ENDRING_ID in ids) is in_force


# -- endring -------------------------------------------------------------------------------------

BASE = dict(education="grunnskole")


def endring(engine, *changes, as_of=AS_OF):
    return finding(engine, nm.ENDRING_ID, as_of=as_of, norskmal=list(changes), **BASE)


def test_no_change_is_not_applicable(engine):
    assert endring(engine, goal("B1")).outcome.value == "not_applicable"
    assert endring(engine).outcome.value == "not_applicable"


def test_raising_is_always_allowed_even_without_justification(engine):
    f = endring(engine, goal("B1"), goal("B2", "B2", "C1", "B2", date="2024-01-10", kind="endring", justification=None))
    assert f.outcome.value == "met"


def test_one_level_down_with_justification_is_met(engine):
    f = endring(engine, goal("B1"), goal("B1", "B1", "A2", "B1", date="2024-01-10", kind="endring", justification="x"),
                goal("B1", "B1", "A1", "B1", date="2024-06-10", kind="endring", justification="x"))
    assert f.outcome.value == "met" and "2 change(s)" in f.message.en


def one_level(engine, *changes, as_of=AS_OF):
    return finding(engine, nm.ENDRING_ETT_NIVA_ID, as_of=as_of, norskmal=list(changes), **BASE)


def test_two_levels_at_once_is_a_should_not_followed_citing_section_27(engine):
    changes = (goal("B1"), goal("B1", "B1", "A1", "B1", date="2024-01-10", kind="endring", justification="x"))
    assert endring(engine, *changes).outcome.value == "met"  # a justified lowering: valid
    f = one_level(engine, *changes)
    assert (f.outcome.value, f.force.value) == ("not_met", "should")
    assert "lowered 2 levels at once (B1 → A1)" in f.message.en and "10.01.2024" in f.message.en
    assert f.references == (nm.refs.FORSKRIFT_27_3_2,)
    assert (f.references[0].section, f.references[0].ledd, f.references[0].punktum) == ("§ 27", 3, 2)


def test_one_level_at_a_time_is_followed(engine):
    f = one_level(engine, goal("B1"), goal("B1", "B1", "A2", "B1", date="2024-01-10", kind="endring", justification="x"),
                  goal("B1", "B1", "A1", "B1", date="2024-06-10", kind="endring", justification="x"))
    assert f.outcome.value == "met" and "2 sub-test goals lowered one level" in f.message.en


@pytest.mark.parametrize("changes, missing", [
    ((goal("B1"), goal("B1", "B1", None, "B1", date="2024-01-10", kind="endring")), ("norskmal[1].levels.skriftlig",)),
    ((goal("B1", "B1", None, "B1"), goal("B1", "B1", "A1", "B1", date="2024-01-10", kind="endring")),
     ("norskmal[0].levels.skriftlig",)),
])
def test_an_unknown_level_that_may_hide_a_big_step_is_unknown(engine, changes, missing):
    f = one_level(engine, *changes)
    assert f.outcome.value == "unknown" and f.missing == missing


def test_an_unknown_start_cannot_hide_a_big_step_to_the_top_levels(engine):
    f = one_level(engine, goal("B1", "B1", None, "B1"), goal("B1", "B1", "B2", "B1", date="2024-01-10", kind="endring"))
    assert f.outcome.value == "met"


def test_the_one_level_check_is_not_applicable_when_the_setting_is_off(engine_free):
    changes = (goal("B1"), goal("B1", "B1", "A1", "B1", date="2024-01-10", kind="endring", justification="x"))
    assert endring(engine_free, *changes).outcome.value == "met"
    f = one_level(engine_free, *changes)
    assert f.outcome.value == "not_applicable" and "norskmal.ett_niva_om_gangen" in f.message.en


def test_lowering_with_an_empty_justification_is_not_met(engine):
    f = endring(engine, goal("B1"), goal("A2", "B1", "B1", "B1", date="2024-01-10", kind="endring", justification=" "))
    assert f.outcome.value == "not_met" and "without a justification" in f.message.en


def test_lowering_with_an_unregistered_justification_is_unknown(engine):
    f = endring(engine, goal("B1"), goal("A2", "B1", "B1", "B1", date="2024-01-10", kind="endring", justification=None))
    assert f.outcome.value == "unknown" and f.missing == ("norskmal[1].justification",)


def test_a_goal_below_a1_is_not_met(engine_free):
    f = endring(engine_free, goal("A1"), goal("under A1", "A1", "A1", "A1", date="2024-01-10", kind="endring",
                                              justification="x"))
    assert f.outcome.value == "not_met" and "below A1" in f.message.en


def test_an_unknown_new_level_and_the_comparison_after_it_are_unknown(engine):
    f = endring(engine, goal("B1"), goal("B1", "B1", None, "B1", date="2024-01-10", kind="endring"),
                goal("B1", "B1", "A2", "B1", date="2024-06-10", kind="endring"))
    assert f.outcome.value == "unknown"
    assert f.missing == ("norskmal[1].levels.skriftlig",)


def test_an_unknown_starting_level_is_named(engine):
    f = endring(engine, goal("B1", "B1", "B1", None), goal("B1", "B1", "B1", "A2", date="2024-01-10", kind="endring"))
    assert f.outcome.value == "unknown" and f.missing == ("norskmal[0].levels.muntlig",)


def test_not_met_wins_over_unknown(engine):
    f = endring(engine, goal("B1"), goal("A2", "B1", None, "B1", date="2024-01-10", kind="endring", justification=""))
    assert f.outcome.value == "not_met"
    f = one_level(engine, goal("B1"), goal("A1", "B1", None, "B1", date="2024-01-10", kind="endring", justification="x"))
    assert f.outcome.value == "not_met"


def test_changes_after_as_of_are_not_judged_yet(engine):
    bad = goal("A2", date="2025-01-10", kind="endring", justification="")
    assert endring(engine, goal("B1"), bad).outcome.value == "not_applicable"
    assert endring(engine, goal("B1"), bad, as_of=D(2025, 1, 10)).outcome.value == "not_met"
    big = goal("A1", date="2025-01-10", kind="endring", justification="x")
    assert one_level(engine, goal("B1"), big, as_of=D(2025, 1, 9)).outcome.value == "not_applicable"
    assert one_level(engine, goal("B1"), big, as_of=D(2025, 1, 10)).outcome.value == "not_met"


def test_same_day_fastsetting_comes_before_endring_whatever_the_list_order(engine):
    lowered = goal("B1", "B1", "A2", "B1", kind="endring", justification="x")
    assert endring(engine, lowered, goal("B1")).outcome.value == "met"
    assert nm.goal_in_force(person(norskmal=[lowered, goal("B1")]), AS_OF).skriftlig.value == "A2"


@pytest.mark.parametrize("value, expected", [(True, True), (False, False), ("false", False), ("ja", True)])
def test_the_setting_parses(value, expected):
    engine = Engine(entry_points=False, plugins=[stub_regime(), nm], settings={nm.ONE_LEVEL: value})
    assert engine.settings[nm.ONE_LEVEL] is expected


def test_a_bad_setting_value_is_a_usage_error():
    with pytest.raises(UsageError):
        Engine(entry_points=False, plugins=[stub_regime(), nm], settings={nm.ONE_LEVEL: 2})


def test_requirement_metadata(engine):
    for req in (nm.fastsetting, nm.fastsetting_b2, nm.endring, nm.endring_ett_niva):
        assert req.regime == "integreringsloven"
        assert any(ref.instrument == "integreringsforskriften" and ref.section in ("§ 27", "§ 28")
                   for ref in req.references)
        assert all(ref.url for ref in req.references)
        assert req.title.nb and req.title.en and req.description.nb and req.description.en
    assert nm.endring_ett_niva.settings == (nm.ONE_LEVEL,) and nm.endring.settings == ()


def test_force_follows_the_word_of_the_regulation():
    """§ 27 first paragraph «skal», § 27 third paragraph first sentence «kan ... dersom»; § 28 fourth
    paragraph and § 27 third paragraph second sentence «bør»."""
    assert {r.id: r.force.value for r in nm.REQUIREMENTS} == {
        nm.FASTSETTING_ID: "must", nm.ENDRING_ID: "must",
        nm.FASTSETTING_B2_ID: "should", nm.ENDRING_ETT_NIVA_ID: "should"}
    assert "«bør»" in nm.fastsetting_b2.description.nb and "«bør»" in nm.endring.description.nb


def test_the_rule_set_states_its_verified_date(engine):
    assert engine.registry.verifications["norskmal"].verified_to == D(2026, 7, 28)
    assert engine.notices(D(2026, 7, 28)) == [] and engine.notices(D(2026, 7, 29))
