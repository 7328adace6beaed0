"""Each chapter 6A requirement: met, not met, pending or unknown, and not applicable."""

from __future__ import annotations

import datetime as dt

import pytest

from integrules.model import Course, Education, Event, Extension, Leave, NirRegistration, Sluttmal
from integrules.model import TestResult as Result
from integrules.levels import Subtest

from k6a_builders import person

D = dt.date
AS_OF = D(2023, 3, 1)
NO_PROGRAMME = {"introduksjonsprogram.participates": False}
BY_PLAN = {"introduksjonsprogram.end_date": None}  # varighet judges the planned end while no end is registered
LATE_DUTY = {"introduksjonsprogram.decision_date": D(2024, 8, 1), "introduksjonsprogram.start_date": D(2024, 8, 15),
             "introduksjonsprogram.planned_end": D(2025, 2, 15), "integreringsplan.created": D(2024, 8, 1)}

CASES = [
    # (requirement, changes, as_of, expected outcome, missing)
    ("kompetansekartlegging", {}, AS_OF, "not_applicable", ()),  # decided before the 2024 duty
    ("kompetansekartlegging", LATE_DUTY, D(2024, 9, 1), "met", ()),
    ("kompetansekartlegging", {**LATE_DUTY, "kompetansekartlegging": Event(done=False)}, D(2024, 7, 15), "pending", ()),
    ("kompetansekartlegging", {**LATE_DUTY, "kompetansekartlegging": Event(done=False)}, D(2024, 9, 1), "not_met", ()),
    ("kompetansekartlegging", {**LATE_DUTY, "kompetansekartlegging": None}, D(2024, 9, 1), "unknown",
     ("kompetansekartlegging",)),
    ("kompetansekartlegging", NO_PROGRAMME, AS_OF, "not_applicable", ()),
    ("kompetansekartlegging", {"introduksjonsprogram.participates": None}, AS_OF, "unknown",
     ("introduksjonsprogram.participates",)),

    ("vedtak_og_oppstart", {}, AS_OF, "met", ()),
    ("vedtak_og_oppstart", NO_PROGRAMME, AS_OF, "not_applicable", ()),
    ("vedtak_og_oppstart", {"introduksjonsprogram.start_date": D(2022, 9, 1)}, D(2022, 8, 1), "pending", ()),
    # late from settlement, but the claim came later: judged from the claim
    ("vedtak_og_oppstart", {"introduksjonsprogram.start_date": D(2022, 9, 1), "claim_date": D(2022, 7, 1)}, AS_OF,
     "met", ()),
    ("vedtak_og_oppstart", {"introduksjonsprogram.start_date": D(2022, 9, 1)}, AS_OF, "not_met", ()),
    ("vedtak_og_oppstart", {"introduksjonsprogram.start_date": D(2022, 9, 1), "claim_date": None}, AS_OF, "unknown",
     ("claim_date",)),

    ("sluttmal", {}, AS_OF, "met", ()),
    ("sluttmal", {"introduksjonsprogram.sluttmal": Sluttmal.FULLFORT_VIDEREGAENDE}, AS_OF, "not_met", ()),
    ("sluttmal", {"education": Education.GRUNNSKOLE, "introduksjonsprogram.sluttmal": Sluttmal.FULLFORT_VIDEREGAENDE},
     AS_OF, "met", ()),
    ("sluttmal", {"education": Education.GRUNNSKOLE, "introduksjonsprogram.sluttmal": Sluttmal.HOYERE_UTDANNING},
     AS_OF, "not_met", ()),
    ("sluttmal", {"education": None}, AS_OF, "unknown", ("education",)),

    ("varighet", {}, AS_OF, "met", ()),  # 6 months exactly
    ("varighet", {**BY_PLAN, "introduksjonsprogram.planned_end": D(2023, 1, 2)}, AS_OF, "not_met", ()),
    ("varighet", {**BY_PLAN, "introduksjonsprogram.planned_end": D(2023, 7, 1),
                  "introduksjonsprogram.extensions": (Extension(date=D(2022, 12, 1), months=6,
                                                                 expected_goal_attainment=True),)}, AS_OF, "met", ()),
    ("varighet", {**BY_PLAN, "introduksjonsprogram.planned_end": D(2023, 7, 1),
                  "introduksjonsprogram.extensions": (Extension(date=D(2022, 12, 1), months=6,
                                                                 expected_goal_attainment=False),)}, AS_OF, "not_met", ()),
    ("varighet", {**BY_PLAN, "introduksjonsprogram.planned_end": D(2023, 7, 1),
                  "introduksjonsprogram.extensions": (Extension(date=D(2022, 12, 1), months=6),)}, AS_OF, "unknown",
     ("introduksjonsprogram.extensions.expected_goal_attainment",)),
    ("varighet", {**BY_PLAN, "introduksjonsprogram.planned_end": D(2023, 7, 1),
                  "introduksjonsprogram.extensions": (Extension(date=D(2022, 12, 1), months=9,
                                                                 expected_goal_attainment=True),)}, AS_OF, "met", ()),
    ("varighet", {**BY_PLAN, "introduksjonsprogram.planned_end": D(2023, 7, 2),
                  "introduksjonsprogram.extensions": (Extension(date=D(2022, 12, 1), months=9,
                                                                 expected_goal_attainment=True),)}, AS_OF, "not_met", ()),
    ("varighet", {"introduksjonsprogram.planned_end": D(2023, 1, 11), "introduksjonsprogram.end_date": D(2023, 1, 11),
                  "introduksjonsprogram.leaves": (Leave(start=D(2022, 9, 1), end=D(2022, 9, 10)),)}, AS_OF, "met", ()),
    # No end registered: within the limit so far while it has not passed; after it, whether and when the programme
    # ended decides (never the plan: that would change once the end is registered).
    ("varighet", {**BY_PLAN, "introduksjonsprogram.planned_end": D(2023, 1, 11),
                  "introduksjonsprogram.leaves": (Leave(start=D(2022, 9, 1), end=D(2022, 9, 10)),)}, D(2023, 1, 11), "met", ()),
    ("varighet", {**BY_PLAN, "introduksjonsprogram.planned_end": D(2023, 1, 11),
                  "introduksjonsprogram.leaves": (Leave(start=D(2022, 9, 1), end=D(2022, 9, 10)),)}, D(2023, 1, 12),
     "unknown", ("introduksjonsprogram.end_date",)),
    # An end registered after the as-of date, with the limit passed: still running beyond it.
    ("varighet", {"introduksjonsprogram.end_date": D(2023, 6, 1)}, AS_OF, "not_met", ()),
    # The plan is judged too: a programme that ended in time but was planned beyond the limit (as § 13 reads).
    ("varighet", {"introduksjonsprogram.planned_end": D(2023, 1, 2)}, AS_OF, "not_met", ()),
    ("varighet", {"introduksjonsprogram.planned_end": None}, AS_OF, "unknown", ("introduksjonsprogram.planned_end",)),
    ("varighet", {**BY_PLAN, "education": Education.GRUNNSKOLE, "introduksjonsprogram.planned_end": D(2024, 7, 1)}, AS_OF,
     "met", ()),
    ("varighet", {**BY_PLAN, "education": Education.GRUNNSKOLE, "introduksjonsprogram.planned_end": D(2024, 7, 2)}, AS_OF,
     "not_met", ()),
    ("varighet", {"introduksjonsprogram.leaves": None}, AS_OF, "unknown", ("introduksjonsprogram.leaves",)),

    ("helarig", {}, AS_OF, "met", ()),  # part time is allowed (full_time False in the builder)
    ("helarig", {"introduksjonsprogram.all_year": False}, AS_OF, "not_met", ()),
    ("helarig", {"introduksjonsprogram.all_year": None}, AS_OF, "unknown", ("introduksjonsprogram.all_year",)),

    ("foreldreveiledning", {}, AS_OF, "met", ()),  # 4 sessions: the count is not checked under 6A
    ("foreldreveiledning", {"children_under_18": False}, AS_OF, "not_applicable", ()),
    ("foreldreveiledning", {"foreldreveiledning": Course(done=False)}, D(2022, 12, 1), "pending", ()),
    ("foreldreveiledning", {"foreldreveiledning": Course(done=False)}, AS_OF, "not_met", ()),
    ("foreldreveiledning", {"foreldreveiledning": None}, AS_OF, "unknown", ("foreldreveiledning",)),

    ("integreringsplan", {}, AS_OF, "met", ()),
    # «samtidig» with the decision of 20.06.2022: the same day or before, not the day after (margin 0)
    ("integreringsplan", {"integreringsplan.created": D(2022, 6, 19)}, AS_OF, "met", ()),
    ("integreringsplan", {"integreringsplan.created": D(2022, 6, 21)}, AS_OF, "not_met", ()),
    ("integreringsplan", {"integreringsplan.created": D(2022, 8, 1)}, AS_OF, "not_met", ()),  # inside § 12, still late
    # no decision date: a plan made may or may not have come with it; no plan once § 12 has passed is late anyway
    ("integreringsplan", {"integreringsplan.created": D(2022, 7, 1), "introduksjonsprogram.decision_date": None}, AS_OF,
     "unknown", ("introduksjonsprogram.decision_date",)),
    ("integreringsplan", {"integreringsplan.created": D(2023, 6, 1), "introduksjonsprogram.decision_date": None}, AS_OF,
     "not_met", ()),
    ("integreringsplan", {"integreringsplan.created": D(2022, 7, 1)}, D(2022, 6, 20), "pending", ()),
    ("integreringsplan", {"integreringsplan.based_on_kartlegging": False}, AS_OF, "not_met", ()),
    ("integreringsplan", {"integreringsplan": None}, AS_OF, "unknown", ("integreringsplan",)),
    ("integreringsplan", NO_PROGRAMME, AS_OF, "not_applicable", ()),

    ("integreringskontrakt", {}, AS_OF, "not_applicable", ()),  # decided 2022: «§§ 15 og 16 gjelder ikke»
    ("integreringskontrakt", NO_PROGRAMME, AS_OF, "not_applicable", ()),
    # § 37 c as amended from 01.01.2026 (LOV-2025-06-20-35): the day before, no contract; the day itself, § 16
    ("integreringskontrakt", {"introduksjonsprogram.decision_date": D(2025, 12, 31)}, D(2026, 3, 1), "not_applicable", ()),
    ("integreringskontrakt", {"introduksjonsprogram.decision_date": D(2026, 1, 1), "integreringskontrakt": Event(done=False)},
     D(2026, 3, 1), "not_met", ()),

    ("livsmestring", {}, AS_OF, "not_applicable", ()),  # § 37 c fourth paragraph (2024 text)
    ("livsmestring", NO_PROGRAMME, AS_OF, "not_applicable", ()),
    ("livsmestring", {"introduksjonsprogram.decision_date": D(2026, 1, 1), "livsmestring": None}, D(2026, 3, 1), "unknown",
     ("livsmestring",)),
    ("integreringsplan_revisjon", {}, AS_OF, "not_applicable", ()),
    ("integreringsplan_revisjon", {"introduksjonsprogram.decision_date": D(2026, 1, 1), "integreringsplan": None},
     D(2026, 3, 1), "unknown", ("integreringsplan",)),
    ("nir.livsmestring", {}, AS_OF, "not_applicable", ()),
    ("nir.integreringskontrakt", {}, AS_OF, "not_applicable", ()),
    ("nir.integreringskontrakt", {"introduksjonsprogram.decision_date": D(2026, 1, 1), "integreringskontrakt": None},
     D(2026, 3, 1), "unknown", ("integreringskontrakt",)),

    ("integreringsplan_innhold", {}, AS_OF, "met", ()),  # no norskmål needed
    ("integreringsplan_innhold", {"integreringsplan.contents.klagemuligheter": False}, AS_OF, "not_met", ()),
    ("integreringsplan_innhold", {"integreringsplan.contents.varighet": None}, AS_OF, "unknown",
     ("integreringsplan.contents.varighet",)),

    ("norskplan", {}, AS_OF, "met", ()),
    ("norskplan", {"norskmal": ()}, AS_OF, "not_met", ()),
    ("norskplan", {"norskmal": ()}, D(2022, 6, 20), "pending", ()),
    ("norskplan", {"norskmal": None}, AS_OF, "unknown", ("norskmal",)),
    # the training is voluntary: no plan without a decision on it (§ 37 d first and third paragraphs)
    ("norskplan", {"norskmal": (), "opplaering.decision_date": None}, AS_OF, "unknown", ("opplaering.decision_date",)),
    ("norskplan", {"norskmal": (), "opplaering.decision_date": None}, D(2022, 6, 20), "unknown", ("opplaering.decision_date",)),
    ("norskplan", {"opplaering.decision_date": None}, AS_OF, "unknown", ("opplaering.decision_date",)),
    # «samtidig» with the training decision of 20.06.2022: the day itself, not the day after
    ("norskplan", {"opplaering.decision_date": D(2022, 6, 19)}, AS_OF, "not_met", ()),
    # a decision dated after the as-of date: the plan is due with it, not late yet
    ("norskplan", {"norskmal": (), "opplaering.decision_date": D(2023, 4, 1)}, AS_OF, "pending", ()),
    ("norskplan", {"opplaering.exempt": True}, AS_OF, "not_applicable", ()),

    ("norskopplaering_varighet", {}, D(2023, 6, 30), "pending", ()),
    # a year from 01.07.2022 runs through 01.07.2023 (domstolloven § 148), as in gratis_avsluttende_norskprove
    ("norskopplaering_varighet", {}, D(2023, 7, 1), "pending", ()),
    ("norskopplaering_varighet", {}, D(2023, 7, 2), "met", ()),
    ("norskopplaering_varighet", {"opplaering.leaves": (Leave(start=D(2022, 9, 1), end=D(2022, 9, 10)),)},
     D(2023, 7, 10), "pending", ()),
    ("norskopplaering_varighet", {"opplaering.start_date": None}, AS_OF, "unknown", ("opplaering.start_date",)),

    ("gratis_avsluttende_norskprove", {}, D(2023, 5, 1), "met", ()),
    ("gratis_avsluttende_norskprove", {"opplaering.final_test_offered": Event(done=False)}, AS_OF, "pending", ()),
    ("gratis_avsluttende_norskprove", {"opplaering.final_test_offered": Event(done=False)}, D(2023, 7, 1), "pending", ()),
    ("gratis_avsluttende_norskprove", {"opplaering.final_test_offered": Event(done=False)}, D(2023, 7, 2), "not_met", ()),
    ("gratis_avsluttende_norskprove", {"opplaering.final_test_offered": None,
                                       "test_results": (Result(date=D(2023, 2, 1), subtest=Subtest.MUNTLIG),)},
     AS_OF, "met", ()),
    ("gratis_avsluttende_norskprove", {"opplaering.final_test_offered": Event(done=False), "test_results": None},
     D(2023, 7, 2), "unknown", ("test_results",)),

    ("nir.utdanningsbakgrunn", {}, AS_OF, "not_applicable", ()),
    ("nir.utdanningsbakgrunn", {"opplaering.extended_norwegian": True}, AS_OF, "not_met", ()),
    ("nir.utdanningsbakgrunn", {"opplaering.extended_norwegian": True,
                                "nir": (NirRegistration(item="utdanningsbakgrunn", date=D(2023, 2, 1)),)}, AS_OF, "met", ()),
    ("nir.utdanningsbakgrunn", {"opplaering.extended_norwegian": None}, AS_OF, "unknown",
     ("opplaering.extended_norwegian",)),

    ("nir.gjenapning", {"introduksjonsprogram.reopened": None}, AS_OF, "unknown", ("introduksjonsprogram.reopened",)),
    ("nir.gjenapning", {"introduksjonsprogram.reopened": D(2023, 1, 10)}, AS_OF, "pending", ()),
    ("nir.gjenapning", {"introduksjonsprogram.reopened": D(2023, 1, 10)}, D(2023, 3, 11), "not_met", ()),
    ("nir.gjenapning", {"introduksjonsprogram.reopened": D(2023, 1, 10),
                        "nir": (NirRegistration(item="gjenapning", date=D(2023, 2, 1)),)}, AS_OF, "met", ()),
    ("nir.gjenapning", {"introduksjonsprogram.reopened": D(2023, 6, 1)}, AS_OF, "not_applicable", ()),
]


@pytest.mark.parametrize("name, changes, as_of, expected, missing", CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_requirement(engine, real_engine, name, changes, as_of, expected, missing):
    if as_of >= D(2026, 1, 1):  # the ordinary rules judge programmes decided from then (§ 37 c as amended)
        engine, changes = real_engine, {"work": (), **changes}
    result = engine.evaluate(person(**changes), as_of)
    assert result.regime.regime == "kapittel_6a"
    f = result.finding("kapittel_6a." + name)
    assert f.outcome.value == expected, f.message.en
    assert set(missing) <= set(f.missing)


def test_every_requirement_has_cases():
    import integrules_kapittel6a as k
    covered = {c[0] for c in CASES}
    assert {r.id.removeprefix("kapittel_6a.") for r in k.REQUIREMENTS} == covered


def test_one_deadline_per_participant_whatever_the_outcome(engine):
    """Issue 9: the same settlement and claim gave due 01.05.2023 when on time and 05.05.2023 when late."""
    dates = {"settlement_date": D(2023, 2, 1), "claim_date": D(2023, 2, 5), "permit.granted": D(2022, 12, 1),
             "introduksjonsprogram.decision_date": D(2023, 4, 20), "integreringsplan.created": D(2023, 4, 20)}
    found = {}
    for start in (D(2023, 4, 28), D(2023, 5, 3), D(2023, 5, 10)):
        f = engine.evaluate(person(**dates, **{"introduksjonsprogram.start_date": start}), D(2023, 6, 1)).finding(
            "kapittel_6a.vedtak_og_oppstart")
        found[start] = (f.outcome.value, f.due)
    assert found == {D(2023, 4, 28): ("met", D(2023, 5, 5)), D(2023, 5, 3): ("met", D(2023, 5, 5)),
                     D(2023, 5, 10): ("not_met", D(2023, 5, 5))}
    plan = engine.evaluate(person(**dates), D(2023, 6, 1)).finding("kapittel_6a.integreringsplan")
    assert plan.due == D(2023, 4, 20)  # «samtidig»: the decision's date, not the § 12 deadline
    # an unknown claim is asked for only when it could matter; the due shown is then the earliest possible
    on_time = person(**{**dates, "claim_date": None, "introduksjonsprogram.start_date": D(2023, 4, 28)})
    f = engine.evaluate(on_time, D(2023, 6, 1)).finding("kapittel_6a.vedtak_og_oppstart")
    assert (f.outcome.value, f.due) == ("met", D(2023, 5, 1))


def test_contract_from_the_2025_amendment(real_engine):
    """§ 37 c as amended by LOV-2025-06-20-35 (from 01.01.2026) no longer sets § 16 aside: the ordinary rule judges."""
    late = {"settlement_date": D(2025, 10, 1), "claim_date": D(2025, 10, 1), "permit.granted": D(2025, 9, 1),
            "introduksjonsprogram.start_date": D(2026, 1, 15), "integreringsplan.created": D(2026, 1, 1)}
    r = "kapittel_6a.integreringskontrakt"

    def judge(decision, contract, as_of=D(2026, 3, 1)):
        p = person(**late, **{"introduksjonsprogram.decision_date": decision}, integreringskontrakt=contract, work=())
        return real_engine.evaluate(p, as_of).finding(r).outcome.value

    assert judge(D(2025, 12, 31), Event(done=False)) == "not_applicable"  # the day before: § 37 c of 2024
    assert judge(D(2026, 1, 1), Event(done=False)) == "not_met"  # the day itself: § 16 applies
    assert judge(D(2026, 1, 1), Event(done=True, date=D(2026, 1, 1))) == "met"
    assert judge(D(2026, 1, 1), None) == "unknown"


def test_mapping_duty_date_setting(make_engine):
    early = make_engine(**{"kapittel_6a.endringer_2024_fra": "2022-01-01"})
    p = person(kompetansekartlegging=Event(done=False))
    assert early.evaluate(p, AS_OF).finding("kapittel_6a.kompetansekartlegging").outcome.value == "not_met"


def test_messages_hold_no_personal_data(engine):
    p = person(name="Syntetisk Navn")
    for f in engine.evaluate(p, AS_OF).findings:
        assert "Syntetisk" not in f.message.nb + f.message.en
