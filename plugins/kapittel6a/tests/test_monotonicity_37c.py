"""Which § 37 c text governs does not flip when a decision date is filled in (filling in a fact never changes a
decided finding): a decision registered ahead counts as of the as-of date, and someone settled from 01.01.2026
can only be decided under § 37 c as amended, whatever decision date is registered."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

import integrules_integreringsloven as il
import integrules_kapittel6a as k6
from integrules import Engine
from integrules.model import Course, Event
from k6a_builders import person

D = dt.date
ENGINE = Engine(entry_points=False, plugins=[il, k6])
REQS = ("kapittel_6a.helarig", "kapittel_6a.integreringskontrakt")


def settled(day: dt.date, decision: dt.date | None):
    p = person()
    prog = attrs.evolve(p.introduksjonsprogram, decision_date=decision, start_date=None, end_date=None,
                        planned_end=None)
    return attrs.evolve(p, settlement_date=day, registered_date=day, claim_date=day, introduksjonsprogram=prog, work=(),
                        integreringskontrakt=Event(done=False), livsmestring=Course(done=False))


@pytest.mark.parametrize("req", REQS)
def test_settled_from_2026_any_decision_date_gives_the_outcome_of_none(req):
    as_of = D(2026, 6, 1)
    unknown_date = ENGINE.evaluate(settled(D(2026, 1, 10), None), as_of).finding(req)
    for decision in (D(2025, 12, 1), D(2026, 1, 9), D(2026, 2, 1), D(2026, 9, 1)):
        known = ENGINE.evaluate(settled(D(2026, 1, 10), decision), as_of).finding(req)
        assert unknown_date.outcome.value != "unknown" and known.outcome == unknown_date.outcome, (
            req, decision, known.message.en)


@pytest.mark.parametrize("req", REQS)
def test_a_decision_registered_ahead_is_judged_as_of_the_as_of_date(req):
    """Settled 01.11.2025, judged 31.12.2025 (the old § 37 c's last day): a decision registered for 02.01.2026
    is judged by the text of the as-of date, as an unknown one is."""
    as_of = D(2025, 12, 31)
    none = ENGINE.evaluate(settled(D(2025, 11, 1), None), as_of).finding(req)
    ahead = ENGINE.evaluate(settled(D(2025, 11, 1), D(2026, 1, 2)), as_of).finding(req)
    assert none.outcome.value != "unknown" and ahead.outcome == none.outcome, (req, ahead.message.en)


def test_a_municipality_override_of_the_ordinary_rule_is_honoured_when_6a_delegates_to_it():
    """Programmes decided from 01.01.2026 are judged by the ordinary rule chapter 6A no longer sets aside, reached
    through the registry (Context.requirement): a municipality's override of it is what judges them."""
    from integrules import LegalRef, Text, Unit, hookimpl, met, requirement

    ref = LegalRef("Eksempel kommune, rutine", "punkt 1", kind="lokal")

    @requirement(id="integreringsloven.livsmestring", title=Text("Livsmestring (lokal)", "Life skills (local)"),
                 description=Text("Lokal rutine.", "Local routine."), references=(ref,), valid_from=D(2021, 1, 1),
                 regime="integreringsloven", responsible=(Unit.FT,))
    def local_rule(ctx):
        return met("Lokal rutine fulgt.", "Local routine followed.")

    class Local:
        PLUGIN_NAME = "lokal"

        @staticmethod
        @hookimpl
        def integrules_register_requirements(register):
            register.override(local_rule)

    engine = Engine(entry_points=False, plugins=[il, k6, Local()])
    decided_2026 = settled(D(2026, 1, 10), D(2026, 2, 1))
    finding = engine.evaluate(decided_2026, D(2026, 6, 1)).finding("kapittel_6a.livsmestring")
    assert finding.outcome.value == "met" and "Local routine followed." in finding.message.en
    # Decided before 01.01.2026 (settled 2025): the old § 37 c sets life skills aside, the override is not asked.
    decided_2025 = settled(D(2025, 10, 1), D(2025, 11, 1))
    assert engine.evaluate(decided_2025, D(2026, 6, 1)).finding("kapittel_6a.livsmestring").outcome.value == \
        "not_applicable"
