"""integrules-norskmal: the Norwegian goal (norskmål) as integrules rules and plain functions.

What it registers (plugin name ``norskmal``):

- requirements ``norskmal.fastsetting`` and ``norskmal.endring`` («skal»), ``norskmal.fastsetting_b2`` and
  ``norskmal.endring_ett_niva`` («bør»: counted apart, never as breaches) (regime ``integreringsloven``);
- setting ``norskmal.ett_niva_om_gangen`` (judge «bør kun justeres ned ett nivå om gangen»; default on);
- its verified-up-to date: integreringsforskriften §§ 26-28 as in force 28.07.2026;
- derived facts ``norskmal.minimumsniva`` (the guiding minimum level per sub-test),
  ``norskmal.mal_i_kraft`` (the goal in force at the as-of date) and ``norskmal.maloppnaelse``
  (test results against the goal, per sub-test). A municipality replaces one explicitly with
  ``register.override_fact(DerivedFact(name="norskmal.minimumsniva", ...))``.

Plain functions for tools and reports (no engine needed): :func:`minimum_level`,
:func:`minimum_for`, :func:`may_lower`, :func:`goal_in_force`, :func:`results_against_goal`,
:func:`goal_status`. See docs/norskmal.md.
"""

from __future__ import annotations

from typing import Any

import datetime as dt

from integrules import Adaptation, DerivedFact, Setting, Text, Verification, hookimpl

from .caseworker import Verdict, may_lower
from .goals import ResultCheck, Status, Step, goal_in_force, goal_status, ordered_steps, results_against_goal, step_in_force
from .minimum import B2_ALL, PREPARATORY, TABLE, compute_minimum, guiding_minimum, minimum_for, minimum_level
from .goals import compute_goal_in_force, compute_goal_status
from .refs import FORSKRIFT_27_1, FORSKRIFT_27_3_2, FORSKRIFT_28, FORSKRIFT_28_6, LOV_31_2, LOV_37D_2, LOV_37D_3
from .requirements import (
    ENDRING_ETT_NIVA_ID, ENDRING_ID, FASTSETTING_B2_ID, FASTSETTING_ID, GOAL_FACT, KAPITTEL_6A, MINIMUM_FACT, ONE_LEVEL,
    REQUIREMENTS, STATUS_FACT, endring, endring_ett_niva, fastsetting, fastsetting_b2,
)

PLUGIN_NAME = "norskmal"

__all__ = [
    "ADAPTATION_6A", "B2_ALL", "ENDRING_ETT_NIVA_ID", "ENDRING_ID", "FASTSETTING_B2_ID", "FASTSETTING_ID", "GOAL_FACT",
    "MINIMUM_FACT", "ONE_LEVEL", "PREPARATORY", "ResultCheck", "STATUS_FACT", "Status", "Step", "TABLE", "VERIFIED_TO",
    "Verdict", "endring", "endring_ett_niva", "fastsetting", "fastsetting_b2", "goal_in_force", "goal_status",
    "guiding_minimum", "may_lower", "minimum_for", "minimum_level", "ordered_steps", "results_against_goal",
    "step_in_force",
]

#: The date integreringsforskriften §§ 26-28 (and integreringsloven §§ 31, 34 and 37 d) were checked against:
#: the consolidated Lovdata texts retrieved 28.07.2026 (/work/shared/law).
VERIFIED_TO = dt.date(2026, 7, 28)

_TRUE = {"true", "ja", "on", "1", "yes"}
_FALSE = {"false", "nei", "off", "0", "no"}


def _parse_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE
    raise ValueError(f"expected true or false, got {type(value).__name__}")


ONE_LEVEL_SETTING = Setting(
    name=ONE_LEVEL,
    default=True,
    parse=_parse_bool,
    description=Text(
        "Vurder om norskmålet senkes bare ett nivå om gangen (standard: på). Integreringsforskriften § 27 tredje ledd "
        "andre punktum sier «Norskmål bør kun justeres ned ett nivå om gangen»: en «bør», så kravet "
        "norskmal.endring_ett_niva telles for seg og aldri som brudd på loven. Sett false for ikke å vurdere det "
        "(kommunen dokumenterer i så fall avvikene selv).",
        "Judge whether the Norwegian goal is lowered only one level at a time (default: on). "
        "Integreringsforskriften § 27 third paragraph second sentence says «Norskmål bør kun justeres ned ett nivå om "
        "gangen»: a «bør» (should), so the requirement norskmal.endring_ett_niva is counted apart and never as a "
        "breach of the law. Set false not to judge it (the municipality then documents its departures itself).",
    ),
    references=(FORSKRIFT_27_3_2,),
)

MINIMUM = DerivedFact(
    name=MINIMUM_FACT,
    description=Text(
        "Nivået per delprøve som norskmålet settes på etter integreringsforskriften § 27 første ledd: § 28 første til "
        "tredje ledd etter utdanning fra før (education), og fra 01.01.2026 § 28 sjette ledd for norskopplæring i "
        "forberedende opplæring for voksne (opplaering.preparatory_adult_education), etter § 28 slik den gjaldt da "
        "det første målet ble satt. B2 i alle (§ 28 fjerde ledd, «bør») er ikke med; se norskmal.fastsetting_b2. "
        "Ukjent utdanning gir ukjent nivå, med education som manglende opplysning.",
        "The level per sub-test the goal is set at by integreringsforskriften § 27 first paragraph: § 28 first to "
        "third paragraphs by education before arrival (education), and from 01.01.2026 § 28 sixth paragraph for "
        "training in preparatory adult education (opplaering.preparatory_adult_education), by § 28 as in force when "
        "the first goal was set. B2 in all (§ 28 fourth paragraph, «bør») is not part of it; see "
        "norskmal.fastsetting_b2. Unknown education gives an unknown level, naming education as missing.",
    ),
    compute=compute_minimum,
    references=(FORSKRIFT_27_1, FORSKRIFT_28, FORSKRIFT_28_6, LOV_31_2),
)

GOAL = DerivedFact(
    name=GOAL_FACT,
    description=Text("Norskmålet som gjelder på datoen: nivåene i siste fastsetting eller endring på eller før den.",
                     "The Norwegian goal in force on the date: the levels of the last setting or change on or before it."),
    compute=compute_goal_in_force,
)

STATUS = DerivedFact(
    name=STATUS_FACT,
    description=Text("Per delprøve: nådd, ikke nådd ennå, ikke testet, mål ukjent eller resultater ukjent; hvert "
                     "resultat sammenlignes med målet som gjaldt på resultatets dato.",
                     "Per sub-test: reached, not yet, no result, goal unknown or results unknown; each result is "
                     "compared with the goal in force on the result's date."),
    compute=compute_goal_status,
)

#: For the chapter 6A plugin to register (``register.adaptation(integrules_norskmal.ADAPTATION_6A)``):
#: under chapter 6A the goal need not be set at the minimum level. Until it does, the rule itself
#: returns not_applicable with the same reason for participants the engine places under ``kapittel_6a``.
ADAPTATION_6A = Adaptation(
    requirement_id=FASTSETTING_ID,
    regime=KAPITTEL_6A,
    reason=Text(
        "Etter integreringsloven kapittel 6A bør deltakeren oppnå et minimumsnivå (§ 37 d andre ledd); norskplanen "
        "skal inneholde et norskmål (§ 37 d tredje ledd), men det er ikke et krav at målet settes på minimumsnivået.",
        "Under chapter 6A of the Integration Act the participant should reach a minimum level (§ 37 d second "
        "paragraph); the Norwegian plan states a goal (§ 37 d third paragraph), but it need not be set at the minimum "
        "level.",
    ),
    references=(LOV_37D_2, LOV_37D_3),
)


@hookimpl
def integrules_register_settings(register):
    register.setting(ONE_LEVEL_SETTING)


@hookimpl
def integrules_register_derived_facts(register):
    register.derived_fact(MINIMUM)
    register.derived_fact(GOAL)
    register.derived_fact(STATUS)


@hookimpl
def integrules_register_requirements(register):
    register.requirement(*REQUIREMENTS)


@hookimpl
def integrules_register_verification(register):
    register.verification(Verification(
        verified_to=VERIFIED_TO,
        sources=Text(
            "Integreringsforskriften (FOR-2020-12-15-2912) §§ 26-28 og integreringsloven §§ 31, 34 og 37 d, konsoliderte "
            "tekster fra Lovdatas åpne data hentet 28.07.2026 (§ 28 sist endret ved FOR-2025-09-17-1909, i kraft "
            "01.01.2026).",
            "Integreringsforskriften (FOR-2020-12-15-2912) §§ 26-28 and the Integration Act §§ 31, 34 and 37 d, "
            "consolidated texts from Lovdata's open data retrieved 28.07.2026 (§ 28 last amended by "
            "FOR-2025-09-17-1909, in force 01.01.2026).")))
