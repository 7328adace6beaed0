"""A tiny rule set for report tests: two regimes, one requirement, one NIR item (no real law)."""

from __future__ import annotations

import datetime as dt

from integrules import Adaptation, LegalRef, Regime, RegimeDecision, Text, Unit, hookimpl, met, not_met, pending, requirement, unknown
from integrules.dates import add_months

REF = LegalRef("testloven", "§ 1", url="https://example.org/testloven")


@requirement(id="il.kontrakt", title=Text("Kontrakt", "Contract"), description=Text("Innen 3 mnd.", "Within 3 months"),
             references=(REF,), valid_from=dt.date(2021, 1, 1), regime="integreringsloven", responsible=(Unit.FT,))
def kontrakt(ctx):
    settled = ctx.need(ctx.p.settlement_date, "settlement_date")
    return ctx.deadline(ctx.p.integreringskontrakt, "integreringskontrakt", add_months(settled, 3), Text("Kontrakt", "Contract"))


@requirement(id="il.nir_sluttmal", title=Text("Sluttmål", "End goal"), description=Text("Registrert i NIR", "In NIR"),
             references=(REF,), valid_from=dt.date(2021, 1, 1), regime="integreringsloven", responsible=(Unit.FT,),
             category="nir")
def nir_sluttmal(ctx):
    settled = ctx.need(ctx.p.settlement_date, "settlement_date")
    due = add_months(settled, 2)
    if ctx.p.nir is None:
        return unknown(["nir"], due=due)
    if any(r.item == "sluttmal" and r.date <= ctx.as_of for r in ctx.p.nir):
        return met("registrert", "registered", due=due)
    if ctx.as_of <= due:
        return pending("ikke ennå", "not yet", due=due)
    return not_met("mangler", "missing", due=due)


@requirement(id="il.nir_norskmal", title=Text("Norskmål", "Norwegian goal"), description=Text("Registrert i NIR", "In NIR"),
             references=(REF,), valid_from=dt.date(2021, 1, 1), regime="integreringsloven", responsible=(Unit.VO,),
             category="nir")
def nir_norskmal(ctx):
    return met("ok", "ok")


class Plugin:
    PLUGIN_NAME = "reporttest"

    @staticmethod
    @hookimpl
    def integrules_register_regimes(register):
        register.regime(Regime(id="integreringsloven", title=Text("Integreringsloven", "Integration Act"), references=(REF,)))
        register.regime(Regime(id="kapittel_6a", title=Text("Kap. 6A", "Chapter 6A"), references=(REF,), base="integreringsloven"))
        register.regime(Regime(id="introduksjonsloven", title=Text("Introduksjonsloven", "Old act"), references=(REF,), judged=False))

    @staticmethod
    @hookimpl
    def integrules_register_requirements(register):
        register.requirement(kontrakt, nir_sluttmal, nir_norskmal)
        register.adaptation(Adaptation(requirement_id="il.kontrakt", regime="kapittel_6a",
                                       reason=Text("Gjelder ikke", "Does not apply"), references=(REF,)))

    @staticmethod
    @hookimpl
    def integrules_decide_regime(participant, as_of, settings):
        if participant.permit is None:
            return None
        if participant.started_under_introduksjonsloven:
            return RegimeDecision(regime="introduksjonsloven", reason=Text("gammel", "old"), plugin="reporttest")
        if participant.permit.basis is not None and participant.permit.basis.value == "kollektiv_beskyttelse":
            return RegimeDecision(regime="kapittel_6a", reason=Text("6A", "6A"), plugin="reporttest")
        return RegimeDecision(regime="integreringsloven", reason=Text("il", "il"), plugin="reporttest")


plugin = Plugin()

# Hand-worked case file (as of 2024-06-01); expected counts are in tests/test_report_counts.py.
PERMIT = {"granted": "2023-12-01", "basis": "flyktning"}
CASES = {
    "kommune": "Testkommune",
    "as_of": "2024-06-01",
    "participants": [
        {"id": "A", "name": "Navn Alfa", "duf": "202012345601", "permit": PERMIT, "settlement_date": "2024-01-01",
         "integreringskontrakt": {"done": True, "date": "2024-02-01"}, "nir": [{"item": "sluttmal", "date": "2024-02-10"}],
         "introduksjonsprogram": {"participates": True, "end_date": "2024-05-01", "end_reason": "Arbeid"},
         "norskmal": [{"date": "2024-01-10", "kind": "fastsetting",
                       "levels": {"lytteforstaelse": "B1", "leseforstaelse": "B1", "skriftlig": "B1", "muntlig": "B1"}}],
         "test_results": [{"date": "2024-05-01", "subtest": "lytteforstaelse", "level": "B1"},
                          {"date": "2024-05-01", "subtest": "leseforstaelse", "level": "A2"},
                          {"date": "2024-05-01", "subtest": "skriftlig"}]},
        {"id": "B", "name": "Navn Beta", "permit": PERMIT, "settlement_date": "2024-01-01",
         "integreringskontrakt": {"done": False}, "nir": [],
         "introduksjonsprogram": {"participates": True, "end_date": "2024-04-01"}},
        {"id": "C", "name": "Navn Gamma", "permit": PERMIT, "settlement_date": "2024-05-01",
         "integreringskontrakt": {"done": False}},
        {"id": "D", "name": "Navn Delta", "permit": {"granted": "2023-12-01", "basis": "kollektiv_beskyttelse"},
         "settlement_date": "2024-01-01", "nir": [],
         "introduksjonsprogram": {"participates": True, "end_date": "2023-01-01", "end_reason": "Arbeid"}},
        {"id": "E", "name": "Navn Epsilon"},
        {"id": "F", "name": "Navn Fi", "education": "master"},
    ],
}
