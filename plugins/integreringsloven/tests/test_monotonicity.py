"""Filling in a fact never flips a decided finding (the property the kit's knock-outs check), also with the
in-force date of LOV-2025-06-20-35 set to «ukjent», where both texts are weighed."""

from __future__ import annotations

import datetime as dt

import attrs

from hypothesis import HealthCheck, given, settings, strategies as st

import integrules_integreringsloven as il
import integrules_kapittel6a as k6
from integrules import Engine
from integrules.convert import converter
from integrules.model import Participant
from integrules.testing import strategies as irs

D = dt.date
UKJENT = Engine(entry_points=False, plugins=[il, k6], settings={il.ENDRINGSLOV_2025: "ukjent"})
DEFAULT = Engine(entry_points=False, plugins=[il, k6])
# Around the sanction (20.06.2025) and the in-force dates of the 2025 act and the new § 37 c (01.01.2026).
AS_OF = (D(2024, 5, 1), D(2025, 3, 1), D(2025, 6, 19), D(2025, 6, 20), D(2025, 12, 31), D(2026, 1, 1), D(2026, 3, 1))


def person(**prog) -> Participant:
    raw = {"id": "MONO", "birth_date": "1990-01-01",
           "permit": {"granted": "2024-10-01", "basis": "flyktning", "applied_from_abroad": False},
           "settlement_date": "2024-11-01", "settled_by_agreement": True, "registered_date": "2024-11-01",
           "earlier_municipality_months": 0, "started_under_introduksjonsloven": False, "education": "videregaende",
           "children_under_18": False, "work": [],
           "introduksjonsprogram": {"participates": True, "start_date": "2025-07-05", "planned_end": "2026-07-05",
                                    "end_date": "2026-07-05", "sluttmal": "fagskole", "full_time": True, "all_year": True,
                                    "extensions": [], "leaves": [], "absences": [], **prog}}
    return converter().structure(raw, Participant)


def test_a_decision_registered_ahead_is_judged_by_the_texts_of_the_as_of_date():
    """Fagskole is an end goal for upper secondary only under the 2025 text. As of 01.03.2025 (before the sanction)
    only the 2021 text can govern, whether the decision date is unknown or registered ahead (01.07.2025): not met
    both ways, never «unknown» once the date is filled in."""
    r = "integreringsloven.sluttmal"
    assert UKJENT.evaluate(person(), D(2025, 3, 1)).finding(r).outcome.value == "not_met"
    assert UKJENT.evaluate(person(decision_date="2025-07-01"), D(2025, 3, 1)).finding(r).outcome.value == "not_met"
    # The decision has happened by 01.08.2025: both texts can govern and they differ, so «unknown».
    late = UKJENT.evaluate(person(decision_date="2025-07-01"), D(2025, 8, 1)).finding(r)
    assert late.outcome.value == "unknown" and il.ENDRINGSLOV_2025 in late.missing


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_filling_in_a_fact_never_flips_a_decided_finding(data):
    engine = data.draw(st.sampled_from([UKJENT, DEFAULT]))
    as_of = data.draw(st.sampled_from(AS_OF))
    p = data.draw(irs.complete_participants(as_of=as_of, regime=data.draw(st.sampled_from(["integreringsloven",
                                                                                            "kapittel_6a"]))))
    whole = {f.requirement_id: f.outcome.value for f in engine.evaluate(p, as_of).findings}
    path, fewer = data.draw(irs.knock_out(p))
    for f in engine.evaluate(fewer, as_of).findings:
        if f.outcome.value not in ("unknown", "error"):
            assert whole[f.requirement_id] == f.outcome.value, (f.requirement_id, path, as_of)


def test_malgruppe_with_participation_unknown_is_met_only_when_both_answers_are():
    """22 months in other municipalities: under two years at a decision a month after settlement (in the group),
    two years or more at the § 12 deadline (not, when no decision is made). With participates unknown the answer is
    «met» only if it is «met» both with and without the programme; here it is unknown, never «met» that turns into
    «not applicable» once participates = false is filled in."""
    r = "integreringsloven.malgruppe"
    prog = dict(decision_date="2024-12-01", start_date="2024-12-05")

    def outcome(participates):
        p = person(**prog, participates=participates)
        p = attrs.evolve(p, earlier_municipality_months=22)
        return DEFAULT.evaluate(p, D(2025, 3, 1)).finding(r).outcome.value

    assert outcome(True) == "met" and outcome(False) == "not_applicable"
    assert outcome(None) == "unknown"
