"""Hook specifications: what a plugin may implement.

Every hook is called with keyword arguments. The ``integrules_register_*`` hooks receive a
:class:`~integrules.registry.Registrar`; whatever a plugin registers through it is attributed
to that plugin, and conflicts between plugins are start-up errors naming both, never
"last one wins". Implement them with ``from integrules import hookimpl``.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Mapping, Sequence

import pluggy

if TYPE_CHECKING:
    from .areas import Area
    from .model import Participant
    from .registry import Registrar
    from .rules import RegimeDecision

hookspec = pluggy.HookspecMarker("integrules")


@hookspec
def integrules_register_regimes(register: Registrar) -> None:
    """Declare the regimes (bodies of rules) a participant can fall under.

    :param register: call ``register.regime(Regime(...))`` once per regime. A regime may name a
        ``base`` regime it builds on; the base's requirements then apply to it unless adapted.

    The return value is ignored.
    """


@hookspec
def integrules_register_requirements(register: Registrar) -> None:
    """Contribute requirements, override other plugins' requirements, adapt them to a regime.

    :param register: ``register.requirement(req, ...)`` adds requirements;
        ``register.override(req)`` replaces the requirement with the same id from another
        plugin (the id must exist; two overrides of one id are a start-up error);
        ``register.adaptation(Adaptation(...))`` sets a requirement aside, by id, for the
        participants of one regime, with the legal reason.

    Several versions of one id may be registered by one plugin if their validity periods do
    not overlap (a law amended on a date). The return value is ignored.
    """


@hookspec
def integrules_register_settings(register: Registrar) -> None:
    """Declare settings: explicit, documented choices where the sources cannot settle a fact.

    :param register: ``register.setting(Setting(...))``; the default must be the conservative
        reading and its description must say why it is a setting.

    The return value is ignored.
    """


@hookspec
def integrules_register_derived_facts(register: Registrar) -> None:
    """Contribute named derived facts (a minimum Norwegian level, a deadline) rules can ask for.

    :param register: ``register.derived_fact(DerivedFact(...))`` adds one;
        ``register.override_fact(DerivedFact(...))`` replaces another plugin's fact with the
        same name, explicitly (a municipality's own derivation).

    Rules read them with ``ctx.fact(name)``. The return value is ignored.
    """


@hookspec
def integrules_register_verification(register: Registrar) -> None:
    """State the date this plugin's rules were checked against the legal texts ("verified up to").

    :param register: ``register.verification(Verification(verified_to=..., sources=Text(...)))``,
        at most once per plugin. For an as-of date after ``verified_to``, ``check``, ``report`` and
        ``requirements`` say once, in their header, that later amendments are not encoded.

    A plugin that registers none makes no such statement. The return value is ignored.
    """


@hookspec(firstresult=True)
def integrules_decide_regime(participant: Participant, as_of: dt.date, settings: Mapping[str, Any]) -> RegimeDecision | None:
    """Decide which regime governs ``participant`` at ``as_of``, and why.

    :param participant: the participant.
    :param as_of: the date the case is judged at.
    :param settings: the resolved settings (name to value).
    :return: a :class:`~integrules.rules.RegimeDecision` (its ``regime`` None when the facts
        needed are missing, naming them in ``missing``), or None when this plugin has no
        opinion. The first non-None result wins, so a regime that carves an exception out of
        another (chapter 6A) implements this with ``tryfirst=True``.
    """


@hookspec
def integrules_report_areas() -> Sequence[Area]:
    """Name the areas of the law that reports group requirements by (kartlegging, plan, NIR ...).

    :return: a sequence of :class:`~integrules.areas.Area`. Each area claims requirements by
        id or id prefix, by category (``"nir"``), or by checklist item (``"R6"``), so one plugin
        may group the requirements of others. Areas of the same id from several plugins are one
        area (the first plugin by name gives its title). A requirement no area claims is grouped
        under its plugin's name; nothing is left out of a report.
    """
