"""Tiny plugins for testing the engine itself (no real legal content)."""

from __future__ import annotations

import datetime as dt

from integrules import (Adaptation, DerivedFact, LegalRef, Regime, RegimeDecision, Setting, Text, Unit, hookimpl, met,
                        not_met, requirement)
from integrules.dates import add_months

REF = LegalRef("testloven", "§ 1", ledd=1, url="https://example.org/testloven")


@requirement(id="test.kontrakt", title=Text("Kontrakt", "Contract"), description=Text("Kontrakt innen 3 mnd.", "Contract within 3 months"),
             references=(REF,), valid_from=dt.date(2021, 1, 1), regime="base", responsible=(Unit.FT,))
def kontrakt(ctx):
    settled = ctx.need(ctx.p.settlement_date, "settlement_date")
    return ctx.deadline(ctx.p.integreringskontrakt, "integreringskontrakt", add_months(settled, 3), Text("Kontrakt", "Contract"))


@requirement(id="test.gammel", title=Text("Gammel", "Old"), description=Text("Gammel versjon", "Old version"),
             references=(REF,), valid_from=dt.date(2021, 1, 1), valid_to=dt.date(2023, 1, 1), regime="base", responsible=(Unit.VO,))
def gammel_v1(ctx):
    return met("versjon 1", "version 1")


@requirement(id="test.gammel", title=Text("Gammel", "Old"), description=Text("Ny versjon", "New version"),
             references=(REF,), valid_from=dt.date(2023, 1, 1), regime="base", responsible=(Unit.VO,))
def gammel_v2(ctx):
    return not_met("versjon 2", "version 2")


@requirement(id="test.setting", title=Text("Innstilling", "Setting"), description=Text("Leser en innstilling", "Reads a setting"),
             references=(REF,), valid_from=dt.date(2021, 1, 1), regime="base", responsible=(Unit.FT,), settings=("test.streng",))
def med_innstilling(ctx):
    return met("på", "on") if ctx.setting("test.streng") else not_met("av", "off")


@requirement(id="test.fakta", title=Text("Fakta", "Fact"), description=Text("Leser avledet faktum", "Reads a derived fact"),
             references=(REF,), valid_from=dt.date(2021, 1, 1), regime="base", responsible=(Unit.FT,))
def med_fakta(ctx):
    return met(f"alder {ctx.fact('test.alder')}", f"age {ctx.fact('test.alder')}")


def _age(p, as_of, ctx):
    from integrules import Missing
    from integrules.dates import age_on
    if p.birth_date is None:
        raise Missing("birth_date")
    return age_on(p.birth_date, as_of)


def _parse_bool(v):
    if isinstance(v, bool):
        return v
    if str(v).lower() in ("true", "1", "ja", "yes"):
        return True
    if str(v).lower() in ("false", "0", "nei", "no"):
        return False
    raise ValueError(f"expected true or false, got {v!r}")




def _regimes(register):
    register.regime(Regime(id="base", title=Text("Grunnregler", "Base rules"), references=(REF,)))
    register.regime(Regime(id="old", title=Text("Gamle regler", "Old rules"), references=(REF,), judged=False))


def _requirements(register):
    register.requirement(kontrakt, gammel_v1, gammel_v2, med_innstilling, med_fakta)


def _settings(register):
    register.setting(Setting(name="test.streng", default=True, description=Text("Streng", "Strict"), parse=_parse_bool))


def _facts(register):
    register.derived_fact(DerivedFact(name="test.alder", description=Text("Alder", "Age"), compute=_age))


def _decide(participant, as_of, settings):
    if participant.started_under_introduksjonsloven:
        return RegimeDecision(regime="old", reason=Text("gammel", "old"), references=(REF,), plugin="base")
    return RegimeDecision(regime="base", reason=Text("grunn", "base"), references=(REF,), plugin="base")



def make_plugin(name: str, **hooks):
    """A plugin object named ``name`` implementing the given hooks (plain functions are marked with hookimpl)."""
    attrs_ = {"PLUGIN_NAME": name}
    for hook, fn in hooks.items():
        attrs_[hook] = staticmethod(fn if hasattr(fn, "integrules_impl") else hookimpl(fn))
    return type(f"Plugin_{name}", (), attrs_)()


base = make_plugin("base", integrules_register_regimes=_regimes, integrules_register_requirements=_requirements,
                   integrules_register_settings=_settings, integrules_register_derived_facts=_facts,
                   integrules_decide_regime=_decide)



def variant_plugin():
    """A regime built on `base` that sets aside test.kontrakt (like chapter 6A does for § 16)."""
    def regimes(register):
        register.regime(Regime(id="variant", title=Text("Variant", "Variant"), references=(REF,), base="base"))

    def reqs(register):
        register.adaptation(Adaptation(requirement_id="test.kontrakt", regime="variant",
                                       reason=Text("Gjelder ikke", "Does not apply"), references=(REF,)))

    def decide(participant, as_of, settings):
        if participant.permit and participant.permit.basis and participant.permit.basis.value == "kollektiv_beskyttelse":
            return RegimeDecision(regime="variant", reason=Text("variant", "variant"), plugin="variant")
        return None

    return make_plugin("variant", integrules_register_regimes=regimes, integrules_register_requirements=reqs,
                       integrules_decide_regime=hookimpl(tryfirst=True)(decide))
