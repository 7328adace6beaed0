"""For a caseworker's tool: "what is this person's minimum level, and may the goal be lowered to X today?"

    >>> from integrules_norskmal import minimum_level, may_lower
    >>> minimum_level("grunnskole")
    SubtestLevels(lytteforstaelse=<Level.B1: 'B1'>, ...)
    >>> may_lower(participant, "skriftlig", "A2", on=dt.date(2024, 11, 27)).allowed
    True

Without an engine the national derivation and the settings' defaults are used. With an
:class:`~integrules.Engine`, its regime decision, its settings and its derived fact
``norskmal.minimumsniva`` (a municipality's override, if installed) are used.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import attrs

from integrules import Context, LegalRef, Level, Missing, Subtest, Text
from integrules.model import Participant

from .goals import step_in_force
from .minimum import compute_minimum
from .refs import FORSKRIFT_26, FORSKRIFT_27_2, FORSKRIFT_27_3_1, FORSKRIFT_27_3_2, HORINGSNOTAT
from .requirements import MINIMUM_FACT, ONE_LEVEL, REGIME, fmt

if TYPE_CHECKING:
    from integrules import Engine

ONE_LEVEL_DEFAULT = True


@attrs.frozen
class Verdict:
    """The answer to "may the goal be lowered?": ``allowed`` True, False or None (unknown).

    ``missing`` names the facts an unknown answer lacks; ``current`` is the goal in force for the
    sub-test, ``minimum`` the guiding minimum level (None when unknown).
    """

    allowed: bool | None
    reason: Text
    current: Level | None = None
    minimum: Level | None = None
    missing: tuple[str, ...] = ()
    references: tuple[LegalRef, ...] = ()


def _engine_view(participant: Participant, on: dt.date, engine: Engine | None):
    """(context or None, one-level setting, a Verdict when the regime rules the question out)."""
    if engine is None:
        return None, ONE_LEVEL_DEFAULT, None
    decision = engine.decide_regime(participant, on)
    one_level = bool(engine.settings.get(ONE_LEVEL, ONE_LEVEL_DEFAULT))
    if decision.regime is None:
        return None, one_level, Verdict(None, decision.reason, missing=tuple(decision.missing) or ("regime",))
    lineage = engine.registry.lineage(decision.regime)
    regime = engine.registry.regimes.get(decision.regime)
    if REGIME not in lineage or (regime is not None and not regime.judged):
        return None, one_level, Verdict(None, Text(
            "Deltakeren omfattes ikke av integreringslovens regler om norskmål. " + decision.reason.nb,
            "The participant is not under the Integration Act's rules on the Norwegian goal. " + decision.reason.en))
    return Context(participant, on, decision, engine.settings, engine.registry), one_level, None


def _minimum(participant: Participant, ctx: Context | None, subtest: Subtest, on: dt.date) -> Level | None:
    try:
        if ctx is not None and ctx.has_fact(MINIMUM_FACT):
            return ctx.fact(MINIMUM_FACT).get(subtest)
        return compute_minimum(participant, on).get(subtest)
    except Missing:
        return None


def may_lower(participant: Participant, subtest: Subtest | str, to_level: Level | str, on: dt.date,
              engine: Engine | None = None) -> Verdict:
    """May the goal for ``subtest`` be lowered to ``to_level`` on ``on``, by the rules of ``norskmal.endring``?

    True also when ``to_level`` is not lower (raising is always allowed); False below A1, or more
    than one level down while the setting ``norskmal.ett_niva_om_gangen`` is on, or when no goal has
    been set; None when the goal in force is unknown. A True answer to a lowering still needs a
    justification: progress showing the goal will not be reached, recorded with the change's date.
    """
    subtest = Subtest(subtest)
    to_level = Level.parse(to_level)
    name = subtest.label
    ctx, one_level, ruled_out = _engine_view(participant, on, engine)
    if ruled_out is not None:
        return ruled_out
    minimum = _minimum(participant, ctx, subtest, on)
    floor = (f" Minimumsnivået er {minimum}.", f" The minimum level is {minimum}.") if minimum else ("", "")
    if to_level < Level.A1:
        return Verdict(False, Text(f"{to_level} er ikke et nivå et norskmål kan ha; laveste mål er A1.",
                                   f"{to_level} is not a level a goal can have; the lowest goal is A1."),
                       minimum=minimum, references=(FORSKRIFT_26,))
    try:
        step = step_in_force(participant, on)
    except Missing as exc:
        return Verdict(None, Text("Det er ukjent hvilket norskmål som gjelder.", "The goal in force is unknown."),
                       minimum=minimum, missing=tuple(exc.paths))
    if step is None:
        return Verdict(False, Text(f"Ingen norskmål var satt {fmt(on)}; målet settes først, på minst minimumsnivået."
                                   + floor[0],
                                   f"No Norwegian goal had been set on {fmt(on)}; the goal is first set, at the minimum "
                                   "level or above." + floor[1]), minimum=minimum)
    current = step.change.levels.get(subtest)
    if current is None:
        return Verdict(None, Text(f"Målet for {name[0]} er ukjent.", f"The goal for {name[1]} is unknown."),
                       minimum=minimum, missing=(step.level_path(subtest),))
    down = -current.steps_to(to_level)
    if down <= 0:
        return Verdict(True, Text(f"{name[0]}: {current} → {to_level} er ingen senking; å heve målet er alltid tillatt.",
                                  f"{name[1]}: {current} → {to_level} is not a lowering; raising the goal is always "
                                  "allowed."), current=current, minimum=minimum, references=(FORSKRIFT_27_2,))
    if down > 1 and one_level:
        return Verdict(False, Text(f"{name[0]}: {current} → {to_level} er {down} nivåer ned; norskmål bør kun justeres "
                                   "ned ett nivå om gangen (integreringsforskriften § 27 tredje ledd; innstillingen "
                                   "norskmal.ett_niva_om_gangen).",
                                   f"{name[1]}: {current} → {to_level} is {down} levels down; the goal should be "
                                   "lowered only one level at a time (integreringsforskriften § 27 third paragraph; "
                                   "setting norskmal.ett_niva_om_gangen)."),
                       current=current, minimum=minimum, references=(FORSKRIFT_27_3_2,))
    return Verdict(True, Text(f"{name[0]}: {current} → {to_level} kan tillates dersom progresjonen tilsier at målet ikke "
                              "nås. Registrer begrunnelsen og datoen for endringen." + floor[0],
                              f"{name[1]}: {current} → {to_level} may be allowed if progress shows the goal will not be "
                              "reached. Record the justification and the date of the change." + floor[1]),
                   current=current, minimum=minimum, references=(FORSKRIFT_27_3_1, HORINGSNOTAT))
