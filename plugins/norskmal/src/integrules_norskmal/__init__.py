"""integrules-norskmal: the Norwegian goal (norskmål) as integrules rules and plain functions.

What it registers (plugin name ``norskmal``):

- requirements ``norskmal.fastsetting`` and ``norskmal.endring`` (regime ``integreringsloven``);
- setting ``norskmal.ett_niva_om_gangen`` (lower the goal one level per step; default on);
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

from integrules import Adaptation, DerivedFact, Setting, Text, hookimpl

from .caseworker import Verdict, may_lower
from .goals import ResultCheck, Status, Step, goal_in_force, goal_status, ordered_steps, results_against_goal, step_in_force
from .minimum import B2_ALL, TABLE, compute_minimum, minimum_for, minimum_level
from .goals import compute_goal_in_force, compute_goal_status
from .refs import FORSKRIFT_KAP6, IMDI_NIVAER, LOKAL_ETT_NIVA, LOV_31_2, LOV_37D_2, LOV_37D_3
from .requirements import (
    ENDRING_ID, FASTSETTING_ID, GOAL_FACT, KAPITTEL_6A, MINIMUM_FACT, ONE_LEVEL, REQUIREMENTS, STATUS_FACT, endring,
    fastsetting,
)

PLUGIN_NAME = "norskmal"

__all__ = [
    "ADAPTATION_6A", "B2_ALL", "ENDRING_ID", "FASTSETTING_ID", "GOAL_FACT", "MINIMUM_FACT", "ONE_LEVEL", "ResultCheck",
    "STATUS_FACT", "Status", "Step", "TABLE", "Verdict", "endring", "fastsetting", "goal_in_force", "goal_status",
    "may_lower", "minimum_for", "minimum_level", "ordered_steps", "results_against_goal", "step_in_force",
]

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
        "Norskmålet senkes bare ett nivå om gangen (standard: på). Regelen står i den lokale veiledningen prosjektet "
        "bygger på («Norsk mål bør kun justeres ned ett nivå om gangen»), men er ikke funnet i loven, forskriften "
        "(så langt den kunne leses), IMDis veiledning eller høringsnotatet: forskriften sier bare at målet «kan» "
        "justeres ned. Derfor er det en innstilling. Standardverdien er den strenge lesningen; sett false for å "
        "tillate flere nivåer i ett steg (med begrunnelse).",
        "The Norwegian goal is lowered one level at a time (default: on). The rule is in the local guidance the project "
        "grew from («Norsk mål bør kun justeres ned ett nivå om gangen») but was not found in the law, the regulation "
        "(as far as it could be read), IMDi's guidance or the consultation paper: the regulation only says the goal "
        "«may» be adjusted down. Hence a setting. The default is the strict reading; set false to allow several "
        "levels in one step (with a justification).",
    ),
    references=(LOKAL_ETT_NIVA, FORSKRIFT_KAP6),
)

MINIMUM = DerivedFact(
    name=MINIMUM_FACT,
    description=Text(
        "Det veiledende minimumsnivået per delprøve etter utdanning fra før (education) og behov for B2 (needs_b2). "
        "Ukjent utdanning gir ukjent minimumsnivå, med education som manglende opplysning.",
        "The guiding minimum level per sub-test by education before arrival (education) and the need for B2 "
        "(needs_b2). Unknown education gives an unknown minimum, naming education as missing.",
    ),
    compute=compute_minimum,
    references=(FORSKRIFT_KAP6, LOV_31_2, IMDI_NIVAER),
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
