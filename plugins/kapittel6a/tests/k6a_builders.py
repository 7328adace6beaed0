"""A complete, compliant chapter 6A participant to vary in tests (no real person: synthetic)."""

from __future__ import annotations

import datetime as dt

import attrs

from integrules.model import (
    Course, Education, Event, GoalChange, GoalChangeKind, Integreringsplan, LanguageTraining, NirRegistration,
    Participant, PermitBasis, PlanContents, Programme, ResidencePermit, Sluttmal, SubtestLevels,
)
from integrules.levels import Level

D = dt.date
B1 = Level.parse("B1")


def person(**changes) -> Participant:
    """Collective protection granted 01.04.2022, settled 01.05.2022; programme 6 months from 01.07.2022."""
    base = Participant(
        id="T-1",
        birth_date=D(1990, 1, 1),
        permit=ResidencePermit(granted=D(2022, 4, 1), basis=PermitBasis.KOLLEKTIV_BESKYTTELSE, arrival=D(2022, 3, 20),
                               applied_from_abroad=False),
        settlement_date=D(2022, 5, 1), settled_by_agreement=True, registered_date=D(2022, 5, 2),
        claim_date=D(2022, 5, 1), earlier_municipality_months=0, started_under_introduksjonsloven=False,
        education=Education.VIDEREGAENDE, needs_b2=False, children_under_18=True,
        kompetansekartlegging=Event(done=True, date=D(2022, 6, 1), documented=True),
        karriereveiledning=Event(done=False),
        introduksjonsprogram=Programme(participates=True, decision_date=D(2022, 6, 20), start_date=D(2022, 7, 1),
                                       planned_end=D(2023, 1, 1), end_date=D(2023, 1, 1), sluttmal=Sluttmal.ARBEID,
                                       full_time=False,
                                       all_year=True, extensions=(), leaves=()),
        integreringsplan=Integreringsplan(created=D(2022, 6, 20), based_on_kartlegging=True, revisions=(),
                                          contents=PlanContents(sluttmal=True, varighet=True, elementer=True,
                                                                klagemuligheter=True, norskmal=False)),
        integreringskontrakt=None,
        opplaering=LanguageTraining(offer_date=D(2022, 6, 1), decision_date=D(2022, 6, 20), start_date=D(2022, 7, 1),
                                    exempt=False, extended_norwegian=False, leaves=(),
                                    final_test_offered=Event(done=True, date=D(2023, 5, 1))),
        norskmal=(GoalChange(date=D(2022, 6, 20), kind=GoalChangeKind.FASTSETTING,
                             levels=SubtestLevels(lytteforstaelse=B1, leseforstaelse=B1, skriftlig=B1, muntlig=B1)),),
        test_results=(),
        foreldreveiledning=Course(done=True, date=D(2022, 11, 1), sessions=4, group=True),
        nir=(NirRegistration(item="sluttmal", date=D(2022, 7, 10)),),
    )
    return evolve(base, **changes)


def evolve(obj, **changes):
    """attrs.evolve with dotted keys: evolve(p, **{"introduksjonsprogram.participates": False})."""
    nested: dict[str, dict] = {}
    flat = {}
    for key, value in changes.items():
        head, _, rest = key.partition(".")
        if rest:
            nested.setdefault(head, {})[rest] = value
        else:
            flat[head] = value
    for head, sub in nested.items():
        flat[head] = evolve(getattr(obj, head), **sub)
    return attrs.evolve(obj, **flat)


def ordinary(p: Participant) -> Participant:
    """The same participant with a refugee permit (§ 9 a): the ordinary rules."""
    return evolve(p, **{"permit.basis": PermitBasis.FLYKTNING})
