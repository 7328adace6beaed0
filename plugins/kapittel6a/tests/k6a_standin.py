"""A tiny stand-in for the integreringsloven plugin, for testing chapter 6A in isolation.

It declares the regime ``integreringsloven``, registers a requirement under every id chapter 6A
adapts (and a few it leaves alone), each simply ``met``, declares the real plugin's setting of the 2025
amendment's in-force date (which chapter 6A reads) and the derived fact chapter 6A overrides, and decides ``integreringsloven`` for everyone with a
permit (unknown without one). The real plugin is tested in test_real_plugin.py.
"""

from __future__ import annotations

import datetime as dt

from integrules import DerivedFact, LegalRef, Regime, RegimeDecision, Setting, Text, Unit, hookimpl, met, requirement
from integrules_integreringsloven._common import ENDRINGSLOV_2025, UKJENT, parse_ikraft
from integrules_integreringsloven.facts import ANNET_REGELVERK
from integrules_kapittel6a import ADAPTED_IDS

PLUGIN_NAME = "standin_integreringsloven"
REF = LegalRef("integreringsloven", "§ 1", url="https://lovdata.no/lov/2020-11-06-127/§1")
UNTOUCHED = ("integreringsloven.avslutning_registrert", "integreringsloven.norskopplaering_tilbud",
             "integreringsloven.nir.sluttmal", "integreringsloven.nir.norskmal_fastsetting")
IDS = tuple(sorted((*ADAPTED_IDS, *UNTOUCHED)))


def _make(req_id: str):
    return requirement(
        id=req_id, title=Text(f"Stand-in {req_id}", f"Stand-in {req_id}"),
        description=Text("Stedfortreder for testing.", "Stand-in for testing."), references=(REF,),
        valid_from=dt.date(2021, 1, 1), regime="integreringsloven", responsible=(Unit.FT,),
        category="nir" if ".nir." in req_id else "krav",
    )(lambda ctx: met("Vurdert etter de ordinære reglene.", "Judged by the ordinary rules."))


@hookimpl
def integrules_register_regimes(register):
    register.regime(Regime(id="integreringsloven", title=Text("integreringsloven", "the Integration Act"),
                           references=(REF,), valid_from=dt.date(2021, 1, 1)))


@hookimpl
def integrules_register_settings(register):
    register.setting(Setting(name=ENDRINGSLOV_2025, default=UKJENT, parse=parse_ikraft,
                             description=Text("Som i integreringsloven-tillegget.", "As in the integreringsloven plugin.")))


@hookimpl
def integrules_register_derived_facts(register):
    # the real plugin's extension point, which chapter 6A overrides after its sunset
    register.derived_fact(DerivedFact(name=ANNET_REGELVERK, compute=lambda p, as_of, ctx: None,
                                      description=Text("Som i integreringsloven-tillegget.", "As in the integreringsloven plugin.")))


@hookimpl
def integrules_register_requirements(register):
    register.requirement(*(_make(i) for i in IDS))


@hookimpl
def integrules_decide_regime(participant, as_of, settings):
    if participant.permit is None:
        return RegimeDecision(regime=None, reason=Text("Ukjent.", "Unknown."), missing=("permit",), plugin=PLUGIN_NAME)
    return RegimeDecision(regime="integreringsloven", reason=Text("Ordinære regler.", "Ordinary rules."),
                          plugin=PLUGIN_NAME)
