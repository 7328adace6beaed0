"""The requirements: the goal as set (fastsetting) and each change of it (endring), with their force.

Ids (stable; the chapter 6A plugin may adapt them by id):

- ``norskmal.fastsetting`` («skal», integreringsforskriften § 27 first paragraph): a goal is set once
  training is decided, at or above the § 28 level (first to third paragraphs; from 01.01.2026 the
  sixth for preparatory adult education) in every sub-test.
- ``norskmal.fastsetting_b2`` («bør», § 28 fourth paragraph): with upper secondary or higher and a
  need to document B2 in all skills, the goal should be B2 in all four sub-tests.
- ``norskmal.endring`` («skal»/«kan», § 27 third paragraph first sentence, § 26): every later change
  is valid: never below A1; lowered only with a justification; raised always.
- ``norskmal.endring_ett_niva`` («bør», § 27 third paragraph second sentence): the goal is lowered
  only one level at a time (setting ``norskmal.ett_niva_om_gangen``, default on).
"""

from __future__ import annotations

import datetime as dt

from integrules import (
    Context, Evaluation, Level, Missing, Outcome, Subtest, Text, Unit, met, not_applicable, not_met, pending,
    requirement, unknown,
)
from integrules.dates import format_date

from .goals import ordered_steps
from .minimum import B2_ALL, PREPARATORY_PATH, candidates
from .refs import (
    FORSKRIFT_26, FORSKRIFT_27_1, FORSKRIFT_27_2, FORSKRIFT_27_3_1, FORSKRIFT_27_3_2, FORSKRIFT_28, FORSKRIFT_28_4,
    FORSKRIFT_28_6, HORINGSNOTAT, LOV_29, LOV_31_1, LOV_31_2, LOV_34, LOV_37D_2,
)

VALID_FROM = dt.date(2021, 1, 1)  # integreringsloven and integreringsforskriften in force (forskrift § 71)
REGIME = "integreringsloven"
KAPITTEL_6A = "kapittel_6a"
MINIMUM_FACT = "norskmal.minimumsniva"
GOAL_FACT = "norskmal.mal_i_kraft"
STATUS_FACT = "norskmal.maloppnaelse"
ONE_LEVEL = "norskmal.ett_niva_om_gangen"
FASTSETTING_ID = "norskmal.fastsetting"
FASTSETTING_B2_ID = "norskmal.fastsetting_b2"
ENDRING_ID = "norskmal.endring"
ENDRING_ETT_NIVA_ID = "norskmal.endring_ett_niva"


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


def _floor(ctx: Context, first) -> dict:
    """The § 27 first paragraph floor as candidates (see :func:`.minimum.candidates`): the derived fact when it
    answers; when it lacks only whether the training is preparatory adult education, both national floors, so
    a goal at or above both (or below both) is decided anyway."""
    try:
        return {None: ctx.fact(MINIMUM_FACT)}
    except Missing as exc:
        if tuple(exc.paths) != (PREPARATORY_PATH,):
            raise
        return candidates(ctx.p, first.change.date)


def _below(first, floor) -> tuple[list[str], list[str], list[str]]:
    """Sub-tests of the first goal below ``floor`` (Bokmål, English) and the level paths it lacks."""
    below_nb, below_en, missing = [], [], []
    for sub in Subtest:
        goal, level = first.change.levels.get(sub), floor.get(sub)
        if goal is None:
            missing.append(first.level_path(sub))
        elif level is None:
            missing.append(f"{MINIMUM_FACT}.{sub.value}")
        elif goal < level:
            below_nb.append(f"{label(sub, 0)} {goal} (minimum {level})")
            below_en.append(f"{label(sub, 1)} {goal} (minimum {level})")
    return below_nb, below_en, missing


def judge_fastsetting(ctx: Context) -> Evaluation:
    if ctx.regime.regime == KAPITTEL_6A:
        # A fallback: the chapter 6A plugin may set this requirement aside explicitly (ADAPTATION_6A).
        return Evaluation(Outcome.NOT_APPLICABLE, _6A_REASON, references=(LOV_37D_2,))
    steps = ordered_steps(ctx.p, ctx.as_of)
    if not steps:
        return _no_goal_yet(ctx)
    first = steps[0]
    day = fmt(first.change.date)
    judged = {key: _below(first, floor) for key, floor in _floor(ctx, first).items()}
    if all(below_nb for below_nb, _, _ in judged.values()):  # below every floor it may have: decided
        below_nb, below_en, _ = min(judged.values(), key=lambda j: len(j[0]))
        return not_met(f"Norskmålet satt {day} er under minimumsnivået: " + ", ".join(below_nb) + ".",
                       f"The Norwegian goal set on {day} is below the minimum level: " + ", ".join(below_en) + ".")
    missing = {m for _, _, miss in judged.values() for m in miss}
    if any(below_nb for below_nb, _, _ in judged.values()):  # at or above one floor, below the other
        missing.add(PREPARATORY_PATH)
    if missing:
        return unknown(missing)
    preparatory = judged.keys() == {True}
    return met(f"Norskmålet satt {day} er på eller over minimumsnivået i alle delprøver"
               + (" (forberedende opplæring for voksne, § 28 sjette ledd)." if preparatory else "."),
               f"The Norwegian goal set on {day} is at or above the minimum level in every sub-test"
               + (" (preparatory adult education, § 28 sixth paragraph)." if preparatory else "."))


fastsetting = requirement(
    id=FASTSETTING_ID,
    checklist=("R12",),
    title=Text("Norskmålet er satt på minst minimumsnivået", "The Norwegian goal is set at the minimum level or above"),
    description=Text(
        "Ved oppstart av opplæringen «skal» det settes et norskmål i tråd med eller høyere enn det som følger av "
        "integreringsforskriften § 28 (§ 27 første ledd); minimumsnivået utgjør norskmålet (integreringsloven § 31), og "
        "målet står i planen som lages samtidig med vedtaket om opplæring (§ 34). § 28 første til tredje ledd gir "
        "nivået etter utdanning fra før: uten fullført grunnskole A2/A2/A2/B1, med grunnskole B1 i alle, med "
        "videregående eller høyere B1/B1/B1/B2. Fra 01.01.2026 (FOR-2025-09-17-1909) gir § 28 sjette ledd deltakere "
        "med norskopplæring i forberedende opplæring for voksne A2/A2/A2/B1 (eller standpunktkarakter 2, som ikke er et "
        "nivå); den særlige regelen går foran, og § 28 som gjaldt da det første målet ble satt, avgjør. Kravet er "
        "oppfylt når det første registrerte målet er på eller over nivået i hver delprøve. Nivået er den avledede "
        "verdien norskmal.minimumsniva, som en kommune kan overstyre. § 28 fjerde ledd (B2 i alle for dem som trenger "
        "det) er en «bør» og vurderes i norskmal.fastsetting_b2. Etter kapittel 6A gjelder kravet ikke (§ 37 d andre "
        "ledd: deltakeren «bør» oppnå et minimumsnivå).",
        "At the start of training a Norwegian goal «shall» be set in line with or above what integreringsforskriften "
        "§ 28 gives (§ 27 first paragraph); the minimum level is the goal (Integration Act § 31), stated in the plan "
        "made together with the decision on training (§ 34). § 28 first to third paragraphs give the level by "
        "education before arrival: without completed primary school A2/A2/A2/B1, with primary school B1 in all, with "
        "upper secondary or higher B1/B1/B1/B2. From 01.01.2026 (FOR-2025-09-17-1909) § 28 sixth paragraph gives "
        "participants trained in preparatory adult education A2/A2/A2/B1 (or grade 2, which is not a level); the "
        "specific rule comes first, and § 28 as in force when the first goal was set decides. Met when the first "
        "registered goal is at or above the level in every sub-test. The level is the derived fact "
        "norskmal.minimumsniva, which a municipality may override. § 28 fourth paragraph (B2 in all for those who "
        "need it) is a «bør» judged by norskmal.fastsetting_b2. It does not apply under chapter 6A (§ 37 d second "
        "paragraph: the participant «should» reach a minimum level).",
    ),
    references=(FORSKRIFT_27_1, FORSKRIFT_28, LOV_31_1, LOV_31_2, LOV_34, FORSKRIFT_28_6, HORINGSNOTAT),
    valid_from=VALID_FROM,
    regime=REGIME,
    responsible=(Unit.FT, Unit.VO),
    confidence="medium",
    force="must",  # § 27 første ledd: «skal det settes et norskmål»
)(judge_fastsetting)


# -- norskmal.fastsetting_b2 --------------------------------------------------------------------

def judge_fastsetting_b2(ctx: Context) -> Evaluation:
    if ctx.regime.regime == KAPITTEL_6A:
        return Evaluation(Outcome.NOT_APPLICABLE, _6A_REASON, references=(LOV_37D_2,))
    education = ctx.need(ctx.p.education, "education")
    if not education.upper_secondary_or_higher:
        return not_applicable("Gjelder deltakere med videregående opplæring eller høyere fra før.",
                              "Applies to participants with upper secondary education or higher.", FORSKRIFT_28_4)
    if not ctx.need(ctx.p.needs_b2, "needs_b2"):
        return not_applicable("Deltakeren har ikke behov for å dokumentere B2 i alle delferdigheter.",
                              "The participant does not need to document B2 in all skills.", FORSKRIFT_28_4)
    steps = ordered_steps(ctx.p, ctx.as_of)
    if not steps:
        return _no_goal_yet(ctx)
    first = steps[0]
    below_nb, below_en, missing = _below(first, B2_ALL)
    day = fmt(first.change.date)
    if below_nb:
        return not_met(f"Norskmålet satt {day} er ikke B2 i alle delprøver, som deltakeren trenger: "
                       + ", ".join(below_nb) + " (§ 28 fjerde ledd: «bør»).",
                       f"The Norwegian goal set on {day} is not B2 in every sub-test, which the participant needs: "
                       + ", ".join(below_en) + " (§ 28 fourth paragraph: «should»).")
    if missing:
        return unknown(missing)
    return met(f"Norskmålet satt {day} er B2 i alle delprøver.", f"The Norwegian goal set on {day} is B2 in every sub-test.")


fastsetting_b2 = requirement(
    id=FASTSETTING_B2_ID,
    checklist=("R12",),
    title=Text("Norskmålet er B2 for den som trenger B2", "The Norwegian goal is B2 for those who need B2"),
    description=Text(
        "Deltakere som fra før har utdanning på videregående nivå eller høyere, og som har behov for å dokumentere "
        "nivå B2 i alle delferdigheter, «bør» ha dette som norskmål (integreringsforskriften § 28 fjerde ledd). Et "
        "første mål under B2 i en delprøve er ikke fulgt (bør), ikke et brudd på loven. Ukjent behov (needs_b2) gir "
        "ukjent.",
        "Participants with upper secondary education or higher who need to document B2 in all skills «should» have "
        "that as their goal (integreringsforskriften § 28 fourth paragraph). A first goal below B2 in a sub-test is "
        "not followed (should), not a breach of the law. An unknown need (needs_b2) gives unknown.",
    ),
    references=(FORSKRIFT_28_4, FORSKRIFT_27_1),
    valid_from=VALID_FROM,
    regime=REGIME,
    responsible=(Unit.FT, Unit.VO),
    force="should",  # § 28 fjerde ledd: «bør ha dette som norskmål»
)(judge_fastsetting_b2)


# -- norskmal.endring and norskmal.endring_ett_niva ---------------------------------------------

def _changes(ctx: Context):
    """Per later change and sub-test: (step, sub-test, old level, its path, new level), in order."""
    steps = ordered_steps(ctx.p, ctx.as_of)
    current: dict[Subtest, tuple[Level | None, str]] = {
        sub: (steps[0].change.levels.get(sub), steps[0].level_path(sub)) for sub in Subtest} if steps else {}
    out = []
    for step in steps[1:]:
        for sub in Subtest:
            old, old_path = current[sub]
            new = step.change.levels.get(sub)
            current[sub] = (new, step.level_path(sub))
            out.append((step, sub, old, old_path, new))
    return steps, out


def judge_endring(ctx: Context) -> Evaluation:
    steps, changes = _changes(ctx)
    if len(steps) < 2:
        return not_applicable("Norskmålet er ikke endret.", "The Norwegian goal has not been changed.")
    problems_nb, problems_en, missing = [], [], []
    lowered = raised = 0
    for step, sub, old, old_path, new in changes:
        day = fmt(step.change.date)
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
        if step.change.justification is None:
            missing.append(f"{step.path}.justification")
        elif is_blank(step.change.justification):
            problems_nb.append(f"Endring {day}, {label(sub, 0)}: senket ({old} → {new}) uten begrunnelse.")
            problems_en.append(f"Change {day}, {label(sub, 1)}: lowered ({old} → {new}) without a justification.")
    if problems_nb:
        return not_met(" ".join(problems_nb), " ".join(problems_en))
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
        "Ved raskere progresjon enn forventet bør minimumsnivået justeres opp (integreringsforskriften § 27 andre "
        "ledd); tilsier progresjonen at deltakeren ikke vil nå minimumsnivået, «kan» nivået justeres ned (§ 27 tredje "
        "ledd første punktum), og bare da. Terskelen for å sette målet ned er høy og krever en konkret vurdering "
        "(høringsnotatet punkt 11.3.3). Hver registrert endring etter at målet ble satt vurderes per delprøve: et mål "
        "under A1 er ikke et nivå forskriften bruker (§ 26) og er ikke oppfylt; en senking krever en registrert "
        "begrunnelse (null er ukjent, tom tekst er 'ingen begrunnelse'); en heving er alltid tillatt. At målet bare "
        "senkes ett nivå om gangen er en «bør» (§ 27 tredje ledd andre punktum) og vurderes i "
        "norskmal.endring_ett_niva. Om progresjonen faktisk tilsier senking kan integrules ikke vurdere; begrunnelsen "
        "er dokumentasjonen av det, og at målet ikke ble hevet ved rask progresjon (§ 27 andre ledd, «bør») vurderes "
        "ikke: progresjonen er ikke en registrert opplysning.",
        "With faster progress than expected the minimum level should be adjusted up (integreringsforskriften § 27 "
        "second paragraph); when progress shows the participant will not reach it, the level «may» be adjusted down "
        "(§ 27 third paragraph first sentence), and only then. The threshold for lowering is high and needs a concrete "
        "assessment (consultation paper point 11.3.3). Each registered change after the goal was set is judged per "
        "sub-test: a goal below A1 is not a level the regulation uses (§ 26) and is not met; a lowering needs a "
        "registered justification (null is unknown, empty text is 'no justification'); raising is always allowed. "
        "Lowering only one level at a time is a «bør» (§ 27 third paragraph second sentence), judged by "
        "norskmal.endring_ett_niva. Whether progress really warrants the lowering integrules cannot judge; the "
        "justification documents it, and a goal not raised at fast progress (§ 27 second paragraph, «bør») is not "
        "judged: progress is not a registered fact.",
    ),
    references=(FORSKRIFT_27_3_1, FORSKRIFT_26, FORSKRIFT_27_2, HORINGSNOTAT, LOV_31_1),
    valid_from=VALID_FROM,
    regime=REGIME,
    responsible=(Unit.VO,),
    confidence="medium",
    force="must",  # § 27 tredje ledd første punktum: lowered only when progress warrants it («kan ... dersom»)
)(judge_endring)


def judge_endring_ett_niva(ctx: Context) -> Evaluation:
    steps, changes = _changes(ctx)
    if len(steps) < 2:
        return not_applicable("Norskmålet er ikke endret.", "The Norwegian goal has not been changed.")
    if not ctx.setting(ONE_LEVEL):
        return not_applicable("Vurderes ikke: innstillingen norskmal.ett_niva_om_gangen er slått av.",
                              "Not judged: the setting norskmal.ett_niva_om_gangen is off.")
    problems_nb, problems_en, missing = [], [], []
    lowered = 0
    for step, sub, old, old_path, new in changes:
        if new is None or old is None:
            if new is None or new < Level.B2:  # an unknown level could be a lowering of two or more
                missing.append(step.level_path(sub) if new is None else old_path)
            continue
        steps_down = -old.steps_to(new)
        if steps_down > 0:
            lowered += 1
        if steps_down > 1:
            day = fmt(step.change.date)
            problems_nb.append(f"Endring {day}, {label(sub, 0)}: senket {steps_down} nivåer på én gang ({old} → {new}).")
            problems_en.append(f"Change {day}, {label(sub, 1)}: lowered {steps_down} levels at once ({old} → {new}).")
    if problems_nb:
        return not_met(" ".join(problems_nb) + " Norskmål bør kun justeres ned ett nivå om gangen (§ 27 tredje ledd).",
                       " ".join(problems_en) + " The goal should be lowered only one level at a time (§ 27 third "
                       "paragraph).")
    if missing:
        return unknown(missing)
    return met(f"Ingen senking av mer enn ett nivå om gangen ({lowered} delprøvemål senket ett nivå).",
               f"No lowering by more than one level at a time ({lowered} sub-test goals lowered one level).")


endring_ett_niva = requirement(
    id=ENDRING_ETT_NIVA_ID,
    checklist=("R12",),
    title=Text("Norskmålet senkes bare ett nivå om gangen", "The Norwegian goal is lowered one level at a time"),
    description=Text(
        "«Norskmål bør kun justeres ned ett nivå om gangen» (integreringsforskriften § 27 tredje ledd andre punktum). "
        "Hver registrert endring vurderes per delprøve; en senking med to eller flere nivåer i ett steg er ikke fulgt "
        "(bør), ikke et brudd på loven. Innstillingen norskmal.ett_niva_om_gangen (standard: på) kan slå vurderingen "
        "av.",
        "«The Norwegian goal should only be adjusted down one level at a time» (integreringsforskriften § 27 third "
        "paragraph second sentence). Each registered change is judged per sub-test; lowering by two or more levels in "
        "one step is not followed (should), not a breach of the law. The setting norskmal.ett_niva_om_gangen "
        "(default: on) can switch the check off.",
    ),
    references=(FORSKRIFT_27_3_2,),
    valid_from=VALID_FROM,
    regime=REGIME,
    responsible=(Unit.VO,),
    settings=(ONE_LEVEL,),
    force="should",  # § 27 tredje ledd andre punktum: «bør kun justeres ned ett nivå om gangen»
)(judge_endring_ett_niva)

REQUIREMENTS = (fastsetting, fastsetting_b2, endring, endring_ett_niva)
