"""Integreringsloven chapter 6A as an integrules plugin: the temporary rules for people granted
collective protection under utlendingsloven § 34 (in practice people displaced from Ukraine).

- :mod:`.regime`: the regime ``kapittel_6a`` (built on ``integreringsloven``), its settings, and
  the decision, asked before the ordinary plugin (``tryfirst``). It answers only for § 34
  permits granted from 11.03.2022, from 15.06.2022; for everyone else it returns None and the
  ordinary rules decide.
- :mod:`.adaptations`: the ordinary requirements the chapter sets aside, by id, with reasons.
- :mod:`.requirements`: the ``kapittel_6a.*`` requirements judging instead, and what it adds.
- :mod:`.transition`: after the repeal (01.07.2028), deadlines that fell under the chapter are left to it.
- :mod:`.common`: the text of § 37 c governing a programme (narrowed from 01.01.2026; the replacements then
  apply the ordinary rules) and «samtidig» with a decision.

The municipality's own practice for this group (the seed's "3 months Norwegian only, then 3
months at 2/5, end goal work") is a local choice, not law, and is not here.
"""

from __future__ import annotations

import datetime as dt

from integrules import Text, Verification, hookimpl

from .adaptations import ADAPTATIONS, ADAPTED_IDS, REPLACED
from .regime import PLUGIN_NAME, REGIME, REGIME_ID, SETTINGS, decide
from .requirements import REQUIREMENTS
from .transition import FACT as EARLIER_REGIME_FACT

__all__ = ["ADAPTATIONS", "ADAPTED_IDS", "PLUGIN_NAME", "REGIME", "REGIME_ID", "REPLACED", "REQUIREMENTS", "SETTINGS",
           "decide"]


@hookimpl
def integrules_register_regimes(register):
    register.regime(REGIME)


@hookimpl
def integrules_register_settings(register):
    for setting in SETTINGS:
        register.setting(setting)


@hookimpl
def integrules_register_requirements(register):
    register.requirement(*REQUIREMENTS)
    for adaptation in ADAPTATIONS:
        register.adaptation(adaptation)


@hookimpl
def integrules_register_derived_facts(register):
    register.override_fact(EARLIER_REGIME_FACT)  # deadlines that fell under chapter 6A stay with it (.transition)


@hookimpl(tryfirst=True)
def integrules_decide_regime(participant, as_of, settings):
    """Chapter 6A carves its participants out of the ordinary rules; None for everyone else."""
    return decide(participant, as_of, settings)


@hookimpl
def integrules_register_verification(register) -> None:
    """The date chapter 6A's texts were checked against: the consolidated Lovdata texts retrieved 28.07.2026."""
    register.verification(Verification(
        verified_to=dt.date(2026, 7, 28),
        sources=Text(
            "Integreringsloven kapittel 6A (§§ 37 a–37 f) og integreringsforskriften kapittel 8A, "
            "konsoliderte tekster fra Lovdatas åpne data hentet 28.07.2026 (siste endring i kraft "
            "01.07.2026).",
            "The Integration Act chapter 6A (§§ 37 a–37 f) and the regulation's chapter 8A, consolidated "
            "texts from Lovdata's open data retrieved 28.07.2026 (last amendment in force 01.07.2026).")))
