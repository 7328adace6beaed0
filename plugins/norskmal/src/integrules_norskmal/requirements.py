"""The requirements: the goal as set (fastsetting) and each change of it (endring).

Ids (stable; the chapter 6A plugin may adapt them by id):

- ``norskmal.fastsetting``: a goal is set once training is decided, at or above the guiding minimum
  level in every sub-test.
- ``norskmal.endring``: every later change is valid: never below A1; lowered only with a
  justification, and (setting ``norskmal.ett_niva_om_gangen``) one level per step; raised always.
"""

from __future__ import annotations

import datetime as dt

from integrules import (
    Context, Evaluation, Level, Outcome, Subtest, Text, Unit, met, not_applicable, not_met, pending, requirement,
    unknown,
)
from integrules.dates import format_date

from .goals import ordered_steps
from .refs import (
    FORSKRIFT_26, FORSKRIFT_KAP6, HORINGSNOTAT, IMDI_NIVAER, LOKAL_ETT_NIVA, LOV_29, LOV_31_1, LOV_31_2, LOV_34, LOV_37D_2,
)

VALID_FROM = dt.date(2021, 1, 1)  # integreringsloven and integreringsforskriften in force (forskrift § 71)
REGIME = "integreringsloven"
KAPITTEL_6A = "kapittel_6a"
MINIMUM_FACT = "norskmal.minimumsniva"
GOAL_FACT = "norskmal.mal_i_kraft"
STATUS_FACT = "norskmal.maloppnaelse"
ONE_LEVEL = "norskmal.ett_niva_om_gangen"
FASTSETTING_ID = "norskmal.fastsetting"
ENDRING_ID = "norskmal.endring"


fmt = format_date  # dd.mm.yyyy, as f"{day:%d.%m.%Y}" writes it, without strftime


def label(sub: Subtest, lang: int) -> str:
    return sub.label[lang]


def is_blank(text: str | None) -> bool:
    """A justification known to be empty ("" or whitespace); None is unknown, not blank."""
    return text is not None and not text.strip()


_6A_REASON = Text(
    "Etter integreringsloven kapittel 6A bør deltakeren oppnå et minimumsnivå (§ 37 d andre ledd); det er ikke et krav "
    "at norskmålet settes på minimumsnivået.",
    "Under chapter 6A of the Integration Act the participant should reach a minimum level (§ 37 d second paragraph); "
    "the goal need not be set at the minimum level.",
)


# -- norskmal.fastsetting -----------------------------------------------------------------------

def _no_goal_yet(ctx: Context) -> Evaluation:
    training = ctx.need(ctx.p.opplaering, "opplaering")
    if ctx.need(training.exempt, "opplaering.exempt"):
        return not_applicable("Fritatt fra opplæringen.", "Exempt from the training.", LOV_29)
    decision = ctx.need(training.decision_date, "opplaering.decision_date")
    if not ctx.happened(decision):
        return pending(f"Ingen norskmål ennå; det settes i planen når opplæringen vedtas ({fmt(decision)}).",
                       f"No Norwegian goal yet; it is set in the plan when training is decided ({fmt(decision)}).",
                       due=decision)
    return not_met(f"Ingen norskmål er registrert, men opplæring ble vedtatt {fmt(decision)}; målet skal settes i "
                   "planen som lages samtidig med vedtaket.",
                   f"No Norwegian goal is registered, though training was decided on {fmt(decision)}; the goal is "
                   "set in the plan made together with the decision.", due=decision)


def judge_fastsetting(ctx: Context) -> Evaluation:
    if ctx.regime.regime == KAPITTEL_6A:
        # A fallback: the chapter 6A plugin may set this requirement aside explicitly (ADAPTATION_6A).
        return Evaluation(Outcome.NOT_APPLICABLE, _6A_REASON, references=(LOV_37D_2,))
    steps = ordered_steps(ctx.p, ctx.as_of)
    if not steps:
        return _no_goal_yet(ctx)
    first = steps[0]
    minimum = ctx.fact(MINIMUM_FACT)
    below_nb, below_en, missing = [], [], []
    for sub in Subtest:
        goal, floor = first.change.levels.get(sub), minimum.get(sub)
        if goal is None:
            missing.append(first.level_path(sub))
        elif floor is None:
            missing.append(f"{MINIMUM_FACT}.{sub.value}")
        elif goal < floor:
            below_nb.append(f"{label(sub, 0)} {goal} (minimum {floor})")
            below_en.append(f"{label(sub, 1)} {goal} (minimum {floor})")
    day = fmt(first.change.date)
    if below_nb:
        return not_met(f"Norskmålet satt {day} er under minimumsnivået: " + ", ".join(below_nb) + ".",
                       f"The Norwegian goal set on {day} is below the minimum level: " + ", ".join(below_en) + ".")
    if missing:
        return unknown(missing)
    return met(f"Norskmålet satt {day} er på eller over minimumsnivået i alle delprøver.",
               f"The Norwegian goal set on {day} is at or above the minimum level in every sub-test.")


fastsetting = requirement(
    id=FASTSETTING_ID,
    checklist=("R12",),
    title=Text("Norskmålet er satt på minst minimumsnivået", "The Norwegian goal is set at the minimum level or above"),
    description=Text(
        "Deltakere i opplæring i norsk skal oppnå et minimumsnivå, og minimumsnivået utgjør norskmålet (integreringsloven "
        "§ 31). Målet settes med utgangspunkt i de veiledende minimumsnivåene etter utdanning fra før "
        "(integreringsforskriften kapittel 6), i norskplanen eller integreringsplanen som lages samtidig med vedtaket om "
        "opplæring (§ 34). Alle skal starte med et mål på det veiledende nivået eller høyere (høringsnotatet punkt "
        "11.3.3). Kravet er oppfylt når det første registrerte målet er på eller over minimumsnivået i hver delprøve "
        "(lytteforståelse, leseforståelse, skriftlig fremstilling, muntlig kommunikasjon). Minimumsnivået er den "
        "avledede verdien norskmal.minimumsniva, som en kommune kan overstyre. Forskriftens paragrafnummer for tabellen "
        "(§ 27 eller § 28) er ikke bekreftet; derfor vises det til kapitlet. Etter kapittel 6A gjelder kravet ikke "
        "(§ 37 d andre ledd: deltakeren «bør» oppnå minimumsnivået).",
        "Participants in Norwegian training shall reach a minimum level, and the minimum level is their Norwegian goal "
        "(Integration Act § 31). The goal is set from the guiding minimum levels by education before arrival "
        "(integreringsforskriften chapter 6), in the Norwegian plan or integration plan made together with the decision "
        "on training (§ 34). Everyone starts with a goal at the guiding level or higher (consultation paper point "
        "11.3.3). The requirement is met when the first registered goal is at or above the minimum level in every "
        "sub-test (listening, reading, writing, oral). The minimum level is the derived fact norskmal.minimumsniva, "
        "which a municipality may override. The regulation's section number for the table (§ 27 or § 28) is not "
        "confirmed, so the chapter is cited. It does not apply under chapter 6A (§ 37 d second paragraph: the "
        "participant «should» reach the minimum level).",
    ),
    references=(LOV_31_1, LOV_31_2, FORSKRIFT_KAP6, IMDI_NIVAER, HORINGSNOTAT, LOV_34),
    valid_from=VALID_FROM,
    regime=REGIME,
    responsible=(Unit.FT, Unit.VO),
    confidence="medium",
)(judge_fastsetting)


# -- norskmal.endring ---------------------------------------------------------------------------

def judge_endring(ctx: Context) -> Evaluation:
    steps = ordered_steps(ctx.p, ctx.as_of)
    if len(steps) < 2:
        return not_applicable("Norskmålet er ikke endret.", "The Norwegian goal has not been changed.")
    one_level = bool(ctx.setting(ONE_LEVEL))
    problems_nb, problems_en, missing, refs = [], [], [], []
    lowered = raised = 0
    current: dict[Subtest, tuple[Level | None, str]] = {
        sub: (steps[0].change.levels.get(sub), steps[0].level_path(sub)) for sub in Subtest}
    for step in steps[1:]:
        day = fmt(step.change.date)
        for sub in Subtest:
            old, old_path = current[sub]
            new = step.change.levels.get(sub)
            current[sub] = (new, step.level_path(sub))
            if new is None:
                missing.append(step.level_path(sub))
                continue
            if new < Level.A1:
                problems_nb.append(f"Endring {day}, {label(sub, 0)}: målet {new} er under A1.")
                problems_en.append(f"Change {day}, {label(sub, 1)}: the goal {new} is below A1.")
                continue
            if old is None:
                missing.append(old_path)
                continue
            steps_down = -old.steps_to(new)
            if steps_down <= 0:
                raised += steps_down < 0
                continue
            lowered += 1
            if steps_down > 1 and one_level:
                problems_nb.append(f"Endring {day}, {label(sub, 0)}: senket {steps_down} nivåer på én gang ({old} → {new}).")
                problems_en.append(f"Change {day}, {label(sub, 1)}: lowered {steps_down} levels at once ({old} → {new}).")
                if LOKAL_ETT_NIVA not in refs:
                    refs.append(LOKAL_ETT_NIVA)
            if step.change.justification is None:
                missing.append(f"{step.path}.justification")
            elif is_blank(step.change.justification):
                problems_nb.append(f"Endring {day}, {label(sub, 0)}: senket ({old} → {new}) uten begrunnelse.")
                problems_en.append(f"Change {day}, {label(sub, 1)}: lowered ({old} → {new}) without a justification.")
    if problems_nb:
        ev = not_met(" ".join(problems_nb), " ".join(problems_en))
        return Evaluation(ev.outcome, ev.message, references=tuple(refs))
    if missing:
        return unknown(missing)
    n = len(steps) - 1
    return met(f"{n} endring(er) av norskmålet vurdert, alle gyldige ({lowered} delprøvemål senket, {raised} hevet).",
               f"{n} change(s) of the Norwegian goal judged, all valid ({lowered} sub-test goals lowered, {raised} raised).")


endring = requirement(
    id=ENDRING_ID,
    checklist=("R12",),
    title=Text("Endringer av norskmålet er gyldige", "Changes of the Norwegian goal are valid"),
    description=Text(
        "Ved raskere progresjon enn forventet bør norskmålet justeres opp; tilsier progresjonen at deltakeren ikke når "
        "minimumsnivået, kan det justeres ned (integreringsforskriften kapittel 6, slik IMDi gjengir den). Terskelen "
        "for å sette målet ned er høy og krever en konkret vurdering (høringsnotatet punkt 11.3.3). Hver registrerte "
        "endring etter at målet ble satt vurderes per delprøve: et mål under A1 er ikke et nivå forskriften bruker "
        "(§ 26) og er ikke oppfylt; en senking krever en registrert begrunnelse (null er ukjent, tom tekst er 'ingen "
        "begrunnelse'); en heving er alltid tillatt. At målet bare senkes ett nivå om gangen er en lokal veiledning "
        "(ingen rettskilde funnet) og styres av innstillingen norskmal.ett_niva_om_gangen (standard: på). Om "
        "progresjonen faktisk tilsier senking kan integrules ikke vurdere; begrunnelsen er dokumentasjonen av det.",
        "With faster progress than expected the goal should be adjusted up; when progress shows the participant will "
        "not reach the minimum level it may be adjusted down (integreringsforskriften chapter 6, as IMDi restates it). "
        "The threshold for lowering the goal is high and needs a concrete assessment (consultation paper point "
        "11.3.3). Each registered change after the goal was set is judged per sub-test: a goal below A1 is not a "
        "level the regulation uses (§ 26) and is not met; a lowering needs a registered justification (null is "
        "unknown, empty text is 'no justification'); raising is always allowed. Lowering only one level at a time is "
        "local guidance (no legal source found) and is controlled by the setting norskmal.ett_niva_om_gangen "
        "(default: on). Whether progress really warrants the lowering integrules cannot judge; the justification "
        "documents it.",
    ),
    references=(FORSKRIFT_KAP6, FORSKRIFT_26, IMDI_NIVAER, HORINGSNOTAT, LOV_31_1),
    valid_from=VALID_FROM,
    regime=REGIME,
    responsible=(Unit.VO,),
    confidence="medium",
    settings=(ONE_LEVEL,),
)(judge_endring)

REQUIREMENTS = (fastsetting, endring)
