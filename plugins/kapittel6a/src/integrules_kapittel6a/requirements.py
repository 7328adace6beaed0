"""The requirements chapter 6A sets in place of the ordinary ones, and those it adds.

Every id starts with ``kapittel_6a.`` and every requirement has ``regime="kapittel_6a"``: the
engine judges them only for participants under chapter 6A. Each states its source; facts the
sources leave open are settings (see :mod:`.regime`) and say so in the description.
"""

from __future__ import annotations

import datetime as dt

from integrules import Context, Evaluation, Missing, Outcome, Text, Unit, all_of, met, not_applicable, not_met, pending, requirement, unknown
from integrules.dates import add_months
from integrules.model import Event, GoalChangeKind, Sluttmal

from . import refs
from .common import (
    OVERGANG_37C, SAMTIDIG_MARGIN, at_decision, by_decision_deadline, done_by, fmt, leave_days, norwegian_right_end,
    ordinary, participating, under_37c,
)
from .regime import IN_FORCE, REGIME_ID, V2024_SETTING


ID = REGIME_ID  # ids are "kapittel_6a.<name>"
FT, VO = Unit.FT, Unit.VO

UPPER_SECONDARY_GOALS = (Sluttmal.ARBEID, Sluttmal.HOYERE_UTDANNING, Sluttmal.FAGSKOLE)
OTHER_GOALS = (Sluttmal.ARBEID, Sluttmal.GRUNNSKOLE, Sluttmal.DELER_AV_VIDEREGAENDE, Sluttmal.FULLFORT_VIDEREGAENDE)
NIR_REOPENING_ITEM = "gjenapning"


def _meta(name: str, nb_title: str, en_title: str, nb: str, en: str, references, responsible, confidence="high",
          settings=(), category="krav", new_37c: str | None = None):
    if new_37c is not None:  # § 37 c as amended from 01.01.2026 no longer sets the ordinary rule aside
        nb += (f" For programmer vedtatt fra 01.01.2026 gjelder § 37 c slik LOV-2025-06-20-35 lyder (bare "
               f"samfunnskunnskap i programmet er unntatt; res. 20. juni 2025 nr. 1102): da vurderes {new_37c}. "
               "Programmer vedtatt før følger teksten som gjaldt ved vedtaket (innstillingen kapittel_6a.overgang_37c); "
               "uten registrert vedtaksdato, og bosatt før 01.01.2026, avgjør teksten bare når begge gir samme svar.")
        en += (f" For programmes decided from 01.01.2026, § 37 c as amended by LOV-2025-06-20-35 applies (only social "
               f"studies in the programme are set aside; royal resolution 20 June 2025 no. 1102): {new_37c} judges "
               "then. Programmes decided earlier follow the text in force at the decision (setting "
               "kapittel_6a.overgang_37c); with no decision date registered, settled before 01.01.2026, a text decides "
               "only where both give the same answer.")
        references = (*references, refs.L37C_2026, refs.LT_2025, refs.RES_2025)
        settings = (*settings, OVERGANG_37C)
    return dict(id=f"{ID}.{name}", title=Text(nb_title, en_title), description=Text(nb, en),
                references=references, valid_from=IN_FORCE, valid_to=None, regime=REGIME_ID,
                responsible=responsible, confidence=confidence, settings=settings, category=category)


# -- § 37 b: competence mapping ------------------------------------------------------------------

def judge_kartlegging(ctx: Context) -> Evaluation:
    prog = participating(ctx)
    if isinstance(prog, Evaluation):
        return Evaluation(Outcome.NOT_APPLICABLE, Text(
            "Deltar ikke i introduksjonsprogram: rett, men ikke plikt, til kompetansekartlegging (§ 37 b andre ledd).",
            "Not in the introduction programme: a right, not a duty, to competence mapping (§ 37 b second paragraph)."),
            references=(refs.L37B_2,))
    decision = ctx.need(prog.decision_date, "introduksjonsprogram.decision_date")
    duty_from = ctx.setting(V2024_SETTING)
    if decision < duty_from:
        return not_applicable(
            f"Programvedtaket ({fmt(decision)}) er truffet før plikten til kartlegging for programdeltakere gjaldt "
            f"({fmt(duty_from)}); før det var kartlegging en rett, ikke en plikt.",
            f"The programme decision ({fmt(decision)}) predates the duty of mapping for programme participants "
            f"({fmt(duty_from)}); before it, mapping was a right, not a duty.", refs.L37B_2)
    return ctx.deadline(ctx.p.kompetansekartlegging, "kompetansekartlegging", decision,
                        Text("Kompetansekartlegging før programvedtaket", "Competence mapping before the programme decision"))


kompetansekartlegging = requirement(checklist=("R2", "R17"), **_meta(
    "kompetansekartlegging",
    "Kompetansekartlegging for programdeltakere (kapittel 6A)", "Competence mapping for programme participants (chapter 6A)",
    "Etter § 37 b andre ledd har personer med kollektiv beskyttelse rett, men ikke plikt, til kompetansekartlegging "
    "etter § 10; etter teksten fra 2024 har de som deltar i introduksjonsprogram, rett og plikt til den. Kartleggingen "
    "før bosetting (§ 6) gjelder ikke (§ 37 b første ledd). Loven setter ingen egen frist; integreringsplanen skal "
    "utformes på bakgrunn av gjennomført kartlegging samtidig med programvedtaket (§ 37 c), så fristen her er "
    "vedtaksdatoen (utledet). Fra når plikten gjelder, er innstillingen kapittel_6a.endringer_2024_fra (standard "
    "01.07.2024 etter res. 25. juni 2024 nr. 1212); vedtak før den datoen gir ingen plikt.",
    "Under § 37 b second paragraph people with collective protection have a right, not a duty, to competence mapping "
    "under § 10; under the 2024 text those who take part in the introduction programme have a right and a duty to it. "
    "Mapping before settlement (§ 6) does not apply (§ 37 b first paragraph). The law sets no deadline of its own; the "
    "integration plan is based on completed mapping and drawn up with the programme decision (§ 37 c), so the deadline "
    "here is the decision date (derived). When the duty starts is the setting kapittel_6a.endringer_2024_fra (default "
    "01.07.2024 by royal resolution 25 June 2024 no. 1212); decisions before that date carry no duty.",
    (refs.L37B_2_2, refs.L37B_1, refs.L37C_PLAN_2024, refs.LT_2024), (FT,), confidence="medium",
    settings=(V2024_SETTING,)))(judge_kartlegging)


# -- § 37 c with § 12: decision and start ----------------------------------------------------------

def _vedtak_2024(ctx: Context) -> Evaluation:
    prog = participating(ctx)
    if isinstance(prog, Evaluation):
        return prog
    decision = ctx.need(prog.decision_date, "introduksjonsprogram.decision_date")
    start = ctx.need(prog.start_date, "introduksjonsprogram.start_date")
    return by_decision_deadline(ctx, max(decision, start), Text("Vedtak og oppstart i introduksjonsprogram",
                                                                "Decision and start of the introduction programme"))


def judge_vedtak(ctx: Context) -> Evaluation:
    return under_37c(ctx, lambda: _vedtak_2024(ctx), lambda: ordinary(ctx, "vedtak_og_oppstart"))


vedtak_og_oppstart = requirement(checklist=("R4", "R17"), **_meta(
    "vedtak_og_oppstart",
    "Vedtak og oppstart innen tre måneder (kapittel 6A)", "Decision and start within three months (chapter 6A)",
    "Deltakelse er frivillig (§ 37 c første ledd), og §§ 8 og 9 gjelder (målgruppen); for den som deltar, gjelder § 12 om vedtak og oppstart senest tre "
    "måneder etter bosetting eller etter at krav om program fremsettes, fordi § 37 c gir rett til program «etter "
    "kapittel 4» og § 37 e bokstav c forutsetter fristene i § 12. Fristen regnes fra bosettingen, eller fra kravet "
    "når det kom senere. En forskrift etter § 37 e (integreringsforskriften kapittel 8A, ikke lest) kan ha utsatt "
    "fristen; derfor middels/lav sikkerhet.",
    "Taking part is voluntary (§ 37 c first paragraph), and §§ 8 and 9 apply (the target group); for those who take part, § 12 applies: decision and start at "
    "the latest three months after settlement or after the claim for a programme, since § 37 c gives a right to a "
    "programme «under chapter 4» and § 37 e letter c presupposes the § 12 deadlines. The deadline runs from "
    "settlement, or from the claim when it came later. A regulation under § 37 e (integreringsforskriften chapter 8A, "
    "not read) may have postponed it; hence low confidence.",
    (refs.L37C_1, refs.L12, refs.lov("§ 37 e", 1, bokstav="c")), (FT,), confidence="low", new_37c="integreringsloven.vedtak_og_oppstart"))(judge_vedtak)


# -- § 37 c second and third paragraphs: end goal and duration -------------------------------------

def _sluttmal_2024(ctx: Context) -> Evaluation:
    prog = participating(ctx)
    if isinstance(prog, Evaluation):
        return prog
    upper = ctx.need(ctx.p.education, "education").upper_secondary_or_higher
    goal = ctx.need(prog.sluttmal, "introduksjonsprogram.sluttmal")
    allowed = UPPER_SECONDARY_GOALS if upper else OTHER_GOALS
    group = (("utdanning på videregående nivå eller høyere", "upper-secondary education or higher") if upper
             else ("uten utdanning på videregående nivå", "without upper-secondary education"))
    if goal in allowed:
        return met(f"Sluttmålet «{goal.value}» er tillatt for deltakere med {group[0]}.",
                   f"The end goal «{goal.value}» is allowed for participants with {group[1]}.")
    return not_met(f"Sluttmålet «{goal.value}» er ikke tillatt for deltakere med {group[0]} "
                   f"(tillatt: {', '.join(g.value for g in allowed)}).",
                   f"The end goal «{goal.value}» is not allowed for participants with {group[1]} "
                   f"(allowed: {', '.join(g.value for g in allowed)}).")


def judge_sluttmal(ctx: Context) -> Evaluation:
    return under_37c(ctx, lambda: _sluttmal_2024(ctx), lambda: ordinary(ctx, "sluttmal"))


sluttmal = requirement(checklist=("R5", "R17"), **_meta(
    "sluttmal",
    "Sluttmål etter kapittel 6A", "End goal under chapter 6A",
    "Med utdanning på videregående nivå eller høyere skal sluttmålet være overgang til lønnet arbeid, høyere utdanning "
    "eller høyere yrkesfaglig utdanning (§ 37 c andre ledd). Uten slik utdanning gjelder § 13 tredje eller fjerde "
    "ledd (2021-teksten): arbeid, hele eller deler av grunnskolen eller videregående opplæring (§ 37 c tredje ledd). "
    "Gjelder bare dem som deltar (frivillig, § 37 c første ledd).",
    "With upper-secondary education or higher the end goal shall be paid work, higher education or higher vocational "
    "education (§ 37 c second paragraph). Without it, § 13 third or fourth paragraph (2021 text) applies: work, all or "
    "part of primary school or upper-secondary education (§ 37 c third paragraph). Only for those who take part "
    "(voluntary, § 37 c first paragraph).",
    (refs.L37C_2, refs.L37C_3, refs.L13), (FT,), new_37c="integreringsloven.sluttmal"))(judge_sluttmal)


def _varighet_2024(ctx: Context) -> Evaluation:
    prog = participating(ctx)
    if isinstance(prog, Evaluation):
        return prog
    upper = ctx.need(ctx.p.education, "education").upper_secondary_or_higher
    start = ctx.need(prog.start_date, "introduksjonsprogram.start_date")
    planned = ctx.need(prog.planned_end, "introduksjonsprogram.planned_end")
    leaves = ctx.need(prog.leaves, "introduksjonsprogram.leaves")
    extensions = ctx.need(prog.extensions, "introduksjonsprogram.extensions")
    if upper:
        base, ext_max = 6, 6
    else:
        goal = ctx.need(prog.sluttmal, "introduksjonsprogram.sluttmal")
        base, ext_max = (36 if goal is Sluttmal.FULLFORT_VIDEREGAENDE else 24), 12
    granted = sum(e.months for e in extensions if e.expected_goal_attainment is True)
    open_ext = [e for e in extensions if e.expected_goal_attainment is None]
    limit = add_months(start, base + min(granted, ext_max)) + dt.timedelta(days=leave_days(leaves))
    frame = (f"{base} måneder, og forlengelse med inntil {ext_max} måneder bare når deltakeren ventes å nå sluttmålet",
             f"{base} months, and an extension of up to {ext_max} months only when the participant is expected to "
             "reach the goal")
    # Both the planned end and the programme as it ran (the registered end, or running on past the limit at the
    # as-of date) must be within the limit; with no end registered after the limit, whether and when it ended
    # decides, so it is unknown rather than judged by the plan (which would change once the end is registered).
    over = []
    if planned > limit:
        over.append((f"planlagt slutt {fmt(planned)}", f"the planned end {fmt(planned)}"))
    end = prog.end_date
    if end is not None and end > limit:
        if ctx.happened(end):
            over.append((f"programmet varte til {fmt(end)}", f"the programme ran until {fmt(end)}"))
        elif ctx.as_of > limit:
            over.append((f"programmet varer fortsatt ({fmt(ctx.as_of)})", f"the programme still runs ({fmt(ctx.as_of)})"))
    if over:
        if open_ext and granted < ext_max:
            return unknown(["introduksjonsprogram.extensions.expected_goal_attainment"], due=limit)
        return not_met(f"Programmet ({fmt(start)}–): {' og '.join(o[0] for o in over)} er etter rammen {fmt(limit)}: "
                       f"{frame[0]}.",
                       f"The programme ({fmt(start)}–): {' and '.join(o[1] for o in over)} is after the limit of "
                       f"{fmt(limit)}: {frame[1]}.", due=limit)
    if end is None and ctx.as_of > limit:
        return unknown(["introduksjonsprogram.end_date"], due=limit)
    until = fmt(end) if end is not None else f"{fmt(planned)} (planlagt)"
    until_en = fmt(end) if end is not None else f"{fmt(planned)} (planned)"
    return met(f"Programmet ({fmt(start)}–{until}) er innenfor rammen til {fmt(limit)} ({base} måneder, "
               f"forlengelser og permisjon medregnet).",
               f"The programme ({fmt(start)}–{until_en}) is within the limit of {fmt(limit)} ({base} months, "
               f"extensions and leave included).", due=limit)


def judge_varighet(ctx: Context) -> Evaluation:
    return under_37c(ctx, lambda: _varighet_2024(ctx), lambda: ordinary(ctx, "varighet"))


varighet = requirement(checklist=("R5", "R17"), **_meta(
    "varighet",
    "Programmets varighet etter kapittel 6A", "Programme duration under chapter 6A",
    "Med utdanning på videregående nivå eller høyere varer programmet inntil seks måneder og kan forlenges med inntil "
    "seks måneder (§ 37 c andre ledd); uten slik utdanning gjelder § 13 tredje og fjerde ledd (2021-teksten: inntil to "
    "år, tre år med sluttmål fullført videregående, forlengelse inntil ett år) (§ 37 c tredje ledd). Forlengelse bare "
    "når det er grunn til å forvente at deltakeren når sluttmålet (§ 13 femte ledd). Godkjent permisjon legges til. "
    "Planlagt og faktisk sluttdato må ligge innen rammen; er rammen passert uten registrert sluttdato, er svaret ukjent. "
    "Kontrollen gjelder øvre ramme; at programmet etter 2024-teksten avsluttes ved jobb på tilnærmet fulltid, er ikke "
    "registrert som opplysning og kontrolleres ikke.",
    "With upper-secondary education or higher the programme lasts up to six months and may be extended by up to six "
    "months (§ 37 c second paragraph); without it, § 13 third and fourth paragraphs apply (2021 text: up to two years, "
    "three with the goal of completed upper secondary, extension up to one year) (§ 37 c third paragraph). An extension "
    "only when the participant is expected to reach the goal (§ 13 fifth paragraph). Approved leave is added. The "
    "planned and the actual end must be within the limit; past the limit with no end registered, the answer is unknown. "
    "The check is the upper bound; the 2024 rule that the programme ends on a near full-time job is not a registered fact and is "
    "not checked.",
    (refs.L37C_2, refs.L37C_3, refs.L13_5), (FT,), new_37c="integreringsloven.varighet"))(judge_varighet)


# -- § 37 c fourth paragraph: all-year (full-time does not apply), foreldreveiledning -------------

def _helarig_2024(ctx: Context) -> Evaluation:
    prog = participating(ctx)
    if isinstance(prog, Evaluation):
        return prog
    if ctx.need(prog.all_year, "introduksjonsprogram.all_year"):
        return met("Programmet er helårig.", "The programme runs all year.")
    return not_met("Programmet er ikke helårig; etter § 37 c fjerde ledd er bare kravet om fulltid unntatt.",
                   "The programme does not run all year; § 37 c fourth paragraph sets aside only the full-time rule.")


def judge_helarig(ctx: Context) -> Evaluation:
    return under_37c(ctx, lambda: _helarig_2024(ctx), lambda: ordinary(ctx, "fulltid"))


helarig = requirement(checklist=("R10", "R17"), **_meta(
    "helarig",
    "Helårig program (fulltid bare etter § 37 c fra 01.01.2026)", "All-year programme (full time only under § 37 c from 01.01.2026)",
    "§ 37 c fjerde ledd fjerde punktum unntar bare kravet i § 14 fjerde ledd om at programmet skal være på fulltid; "
    "kravet om at det er helårig gjelder fortsatt (lest ut fra ordlyden). Er programmet på deltid av grunner på "
    "kommunens side, skal stønaden likevel svare til fulltid (femte punktum); det kontrolleres ikke her.",
    "§ 37 c fourth paragraph fourth sentence sets aside only the § 14 fourth paragraph rule that the programme be full "
    "time; the rule that it runs all year still applies (read from the wording). If the programme is part time for "
    "reasons on the municipality's side, the benefit still matches full time (fifth sentence); not checked here.",
    (refs.L37C_4, refs.L14_4), (FT,), confidence="medium", new_37c="integreringsloven.fulltid"))(judge_helarig)


def _foreldreveiledning_2024(ctx: Context) -> Evaluation:
    prog = participating(ctx)
    if isinstance(prog, Evaluation):
        return prog
    if not ctx.need(ctx.p.children_under_18, "children_under_18"):
        return not_applicable("Har ikke barn under 18 år.", "Has no children under 18.", refs.L37C_4)
    course = ctx.need(ctx.p.foreldreveiledning, "foreldreveiledning")
    done = ctx.need(course.done, "foreldreveiledning.done")
    # The end date, not planned_end: a programme may end earlier or later than planned, and a finding
    # judged against the plan would flip once the real end is registered. A running programme carries
    # its decided end as end_date (a date after as-of), as in the ordinary rules.
    end = ctx.need(prog.end_date, "introduksjonsprogram.end_date")
    what = Text("Kurs i foreldreveiledning i programmet", "Parental guidance course in the programme")
    if done:
        return done_by(ctx, ctx.need(course.date, "foreldreveiledning.date"), end, what)
    return done_by(ctx, None, end, what)


def judge_foreldreveiledning(ctx: Context) -> Evaluation:
    return under_37c(ctx, lambda: _foreldreveiledning_2024(ctx), lambda: ordinary(ctx, "foreldreveiledning"))


foreldreveiledning = requirement(checklist=("R9", "R17"), **_meta(
    "foreldreveiledning",
    "Foreldreveiledning for deltakere med barn (kapittel 6A)", "Parental guidance for participants with children (chapter 6A)",
    "For deltakere som har eller får barn under 18 år skal kurs i foreldreveiledning inngå i programmet (§ 37 c fjerde "
    "ledd). Fristen er programmets slutt (registrert sluttdato; planlagt slutt alene gir «ukjent», fordi programmet kan "
    "ende tidligere eller senere). Antall samlinger kontrolleres ikke: Prop. 81 L (2024–2025) punkt 6.1 sier at "
    "kommunen kan tilby forkortet foreldreveiledning når kapasiteten krever det, og forskriftsbestemmelsen "
    "(integreringsforskriften kapittel 8A) er ikke lest.",
    "For participants who have or get children under 18, a parental guidance course is part of the programme (§ 37 c "
    "fourth paragraph). The deadline is the programme's end (the registered end date; a planned end alone gives "
    "«unknown», as the programme may end earlier or later). The number of sessions is not checked: Prop. 81 L "
    "(2024–2025) point 6.1 says the municipality may offer shortened parental guidance when capacity requires it, and "
    "the regulation (integreringsforskriften chapter 8A) has not been read.",
    (refs.L37C_4, refs.PROP_81_CH6), (FT,), confidence="medium", new_37c="integreringsloven.foreldreveiledning"))(judge_foreldreveiledning)


# -- § 37 c: the integration plan ------------------------------------------------------------------

def _plan_2024(ctx: Context) -> Evaluation:
    prog = participating(ctx)
    if isinstance(prog, Evaluation):
        return prog
    plan = ctx.need(ctx.p.integreringsplan, "integreringsplan")
    created = ctx.need(plan.created, "integreringsplan.created")
    done = created if ctx.happened(created) else None
    what = Text("Integreringsplan samtidig med programvedtaket", "Integration plan at the programme decision")
    decision = prog.decision_date
    if decision is not None:
        timing = at_decision(ctx, done, decision, what)
    else:
        # Due with the decision, else by the § 12 deadline: no plan once that deadline passed is late whenever
        # the decision came; otherwise the decision's date decides (a plan after it is late).
        if done is None:
            late = by_decision_deadline(ctx, None, what)
            if late.outcome is Outcome.NOT_MET:
                return late
        raise Missing("introduksjonsprogram.decision_date")
    if timing.outcome is not Outcome.MET:
        return timing
    based = ctx.need(plan.based_on_kartlegging, "integreringsplan.based_on_kartlegging")
    basis = met("Planen bygger på kompetansekartleggingen.", "The plan is based on the competence mapping.") if based else \
        not_met("Planen bygger ikke på gjennomført kompetansekartlegging.", "The plan is not based on completed competence mapping.")
    return all_of(timing, basis)


def judge_plan(ctx: Context) -> Evaluation:
    return under_37c(ctx, lambda: _plan_2024(ctx), lambda: ordinary(ctx, "integreringsplan"))


integreringsplan = requirement(checklist=("R6", "R17"), **_meta(
    "integreringsplan",
    "Integreringsplan etter § 37 c", "Integration plan under § 37 c",
    "Kommunen skal, samtidig som det treffes vedtak om introduksjonsprogram, utarbeide en integreringsplan sammen med "
    "deltakeren, på bakgrunn av gjennomført kompetansekartlegging (§ 37 c sjette ledd i 2022-teksten, sjuende ledd i "
    "2024-teksten); § 15 gjelder ikke. «Samtidig» leses strengt: fristen er vedtaksdatoen når vedtaket finnes "
    "(planen samme dag eller før er oppfylt, dagen etter er ikke oppfylt; margin etter innstillingen "
    "kapittel_6a.samtidig_margin, standard 0 dager), ellers vedtaksfristen i § 12 (tre måneder etter bosetting, eller "
    "etter kravet om program når det kom senere). Uten registrert vedtaksdato er en plan ukjent (vedtaksdatoen avgjør), "
    "og ingen plan når § 12-fristen er passert er ikke oppfylt.",
    "The municipality shall, at the same time as the programme decision, draw up an integration plan together with the "
    "participant, based on completed competence mapping (§ 37 c sixth paragraph in the 2022 text, seventh in the 2024 "
    "text); § 15 does not apply. «Samtidig» is read strictly: the due date is the decision's date when the decision "
    "exists (a plan on that day or before is met, the day after is not; a margin by the setting "
    "kapittel_6a.samtidig_margin, default 0 days), else the § 12 deadline (three months after settlement, or after the "
    "claim for a programme when that came later). With no decision date registered a plan is unknown (the decision's "
    "date decides), and no plan once the § 12 deadline has passed is not met.",
    (refs.L37C_PLAN_2024, refs.L37C_PLAN_2022, refs.L12), (FT,), settings=(SAMTIDIG_MARGIN,), new_37c="integreringsloven.integreringsplan"))(judge_plan)


def _kontrakt_2024(ctx: Context) -> Evaluation:
    prog = participating(ctx)
    if isinstance(prog, Evaluation):
        return prog
    return not_applicable(
        "Ingen integreringskontrakt etter kapittel 6A: «§§ 15 og 16 gjelder ikke» (§ 37 c sjette ledd i 2022-teksten, "
        "sjuende ledd i 2024-teksten).",
        "No integration contract under chapter 6A: «§§ 15 og 16 gjelder ikke» (§ 37 c sixth paragraph in the 2022 "
        "text, seventh in the 2024 text).", refs.L37C_PLAN_2022_LAST, refs.L37C_PLAN_2024_LAST)


def judge_kontrakt(ctx: Context) -> Evaluation:
    return under_37c(ctx, lambda: _kontrakt_2024(ctx), lambda: ordinary(ctx, "integreringskontrakt"))


integreringskontrakt = requirement(checklist=("R7", "R17"), **_meta(
    "integreringskontrakt",
    "Integreringskontrakt når § 37 c ikke lenger unntar § 16", "Integration contract once § 37 c no longer sets aside § 16",
    "Etter § 37 c i 2022- og 2024-teksten gjelder §§ 15 og 16 ikke, så deltakere etter kapittel 6A med program vedtatt "
    "etter den teksten har ingen integreringskontrakt (ikke aktuelt, aldri «ikke oppfylt»). LOV-2025-06-20-35 erstattet "
    "hele § 37 c fra 01.01.2026 med én regel (samfunnskunnskap i programmet gjelder ikke for personer med tillatelse "
    "etter utlendingsloven § 34), og unntaket fra § 16 falt bort; LOV-2026-06-12-22 videreførte den teksten.",
    "Under § 37 c in the 2022 and 2024 texts §§ 15 and 16 do not apply, so chapter 6A participants whose programme was "
    "decided under that text have no integration contract (not applicable, never «not met»). LOV-2025-06-20-35 replaced "
    "all of § 37 c from 01.01.2026 with one rule (social studies in the programme do not apply to people with a permit "
    "under utlendingsloven § 34), and the exception from § 16 went; LOV-2026-06-12-22 kept that text.",
    (refs.L37C_PLAN_2022_LAST, refs.L37C_PLAN_2024_LAST, refs.lov("§ 16", 1)), (FT,),
    new_37c="integreringsloven.integreringskontrakt"))(judge_kontrakt)


PLAN_FIELDS = (("sluttmal", "sluttmål", "end goal"), ("varighet", "varighet", "duration"),
               ("elementer", "elementer", "elements"), ("klagemuligheter", "klagemuligheter", "how to complain"))


def _plan_innhold(ctx: Context, fields, section: tuple[str, str]) -> Evaluation:
    plan = ctx.need(ctx.p.integreringsplan, "integreringsplan")
    created = ctx.need(plan.created, "integreringsplan.created")
    if not ctx.happened(created):
        return pending("Planen er ikke laget ennå.", "The plan has not been drawn up yet.")
    contents = ctx.need(plan.contents, "integreringsplan.contents")
    lacking = [(nb, en) for field, nb, en in fields if getattr(contents, field) is False]
    if lacking:
        return not_met(f"Planen mangler minsteinnhold etter {section[0]}: " + ", ".join(nb for nb, _ in lacking) + ".",
                       f"The plan lacks the minimum content under {section[1]}: " + ", ".join(en for _, en in lacking)
                       + ".")
    missing = [f"integreringsplan.contents.{field}" for field, _, _ in fields if getattr(contents, field) is None]
    if missing:
        return unknown(missing)
    return met(f"Planen har minsteinnholdet etter {section[0]}: " + ", ".join(nb for _, nb, _ in fields) + ".",
               f"The plan has the minimum content under {section[1]}: " + ", ".join(en for _, _, en in fields) + ".")


# § 15 third and fourth paragraphs for a programme under § 37 c as amended: the extent of social studies is left
# out, as § 37 c sets social studies aside and § 37 d first paragraph gives no right to them. The long-term goals
# (§ 15 third paragraph from 01.01.2026) are not a registered fact and are not checked.
PLAN_FIELDS_2026 = (("sluttmal", "sluttmål", "end goal"), ("norskmal", "norskmål", "Norwegian goal"),
                    ("omfang_norsk", "omfanget av opplæringen i norsk", "the extent of Norwegian training"),
                    ("varighet", "varighet", "duration"), ("elementer", "elementer", "elements"),
                    ("klagemuligheter", "klagemuligheter", "how to complain"),
                    ("begrunnelse_elementer", "begrunnelse for elementene", "why these elements"))


def judge_plan_innhold(ctx: Context) -> Evaluation:
    def old() -> Evaluation:
        prog = participating(ctx)
        if isinstance(prog, Evaluation):
            return prog
        return _plan_innhold(ctx, PLAN_FIELDS, ("§ 37 c", "§ 37 c"))

    def new() -> Evaluation:
        applies = ordinary(ctx, "integreringsplan_innhold")  # whom § 15 applies to is the ordinary rule's business
        if applies.outcome is Outcome.NOT_APPLICABLE:
            return applies
        ev = _plan_innhold(ctx, PLAN_FIELDS_2026, ("§ 15 tredje og fjerde ledd (uten samfunnskunnskap, § 37 c)",
                                                   "§ 15 third and fourth paragraphs (without social studies, § 37 c)"))
        return Evaluation(ev.outcome, ev.message, ev.due, ev.missing, (refs.lov("§ 15", 3), refs.lov("§ 15", 4),
                                                                         refs.L37C_2026))

    return under_37c(ctx, old, new)


integreringsplan_innhold = requirement(checklist=("R6", "R17"), **_meta(
    "integreringsplan_innhold",
    "Integreringsplanens minsteinnhold etter § 37 c", "Minimum content of the integration plan under § 37 c",
    "Planen skal minst inneholde deltakerens sluttmål, programmets varighet, elementene i programmet og "
    "klagemuligheter (§ 37 c sjette/sjuende ledd tredje punktum). Norskmål, omfanget av opplæringen og begrunnelsen "
    "for elementene (§ 15 tredje og fjerde ledd) kreves ikke.",
    "The plan shall at least state the participant's end goal, the programme's duration, its elements and how to "
    "complain (§ 37 c sixth/seventh paragraph third sentence). A Norwegian goal, the extent of training and the "
    "reasons for the elements (§ 15 third and fourth paragraphs) are not required.",
    (refs.L37C_PLAN_2024, refs.L37C_PLAN_2022), (FT,),
    new_37c="§ 15 tredje og fjerde ledd / § 15 third and fourth paragraphs (uten omfanget av samfunnskunnskap / without "
            "the extent of social studies; langsiktige mål ikke registrert / long-term goals not registered)"))(judge_plan_innhold)


# -- § 37 d: Norwegian training ---------------------------------------------------------------------

def judge_norskplan(ctx: Context) -> Evaluation:
    training = ctx.need(ctx.p.opplaering, "opplaering")
    if ctx.need(training.exempt, "opplaering.exempt"):
        return not_applicable("Fritatt fra opplæringen.", "Exempt from the training.", refs.L37D_1)
    goals = ctx.need(ctx.p.norskmal, "norskmal")
    set_on = sorted(g.date for g in goals if g.kind is GoalChangeKind.FASTSETTING)
    what = Text("Norskplan med norskmål samtidig med vedtaket om opplæring",
                "Norwegian plan with a Norwegian goal at the decision on training")
    # Training is voluntary (§ 37 d first paragraph): with no decision registered, whether a plan is due at all,
    # and by when, is not known (a goal set after an earlier decision is late).
    decision = ctx.need(training.decision_date, "opplaering.decision_date")
    return at_decision(ctx, set_on[0] if set_on else None, decision, what)


norskplan = requirement(checklist=("R11", "R17"), **_meta(
    "norskplan",
    "Norskplan etter § 37 d tredje ledd", "Norwegian plan under § 37 d third paragraph",
    "Kommunen skal, samtidig som det treffes vedtak om opplæring i norsk, utarbeide en norskplan med deltakerens "
    "norskmål, omfanget av opplæringen og klagemuligheter; § 34 gjelder ikke (§ 37 d tredje ledd). Registrert er "
    "fastsettingen av norskmålet med dato. «Samtidig» leses strengt: fristen er vedtaksdatoen (samme dag eller før er "
    "oppfylt, dagen etter er ikke oppfylt; margin etter innstillingen kapittel_6a.samtidig_margin, standard 0 dager). "
    "Et vedtak datert etter vurderingsdatoen er ikke truffet ennå: planen venter. Opplæringen er frivillig (§ 37 d "
    "første ledd): uten registrert vedtak om opplæring (opplaering.decision_date) er det ukjent om og når en plan "
    "skulle lages, aldri «ikke oppfylt». Omfang og klagemuligheter er ikke registrerte opplysninger og kontrolleres "
    "ikke.",
    "The municipality shall, at the same time as the decision on Norwegian training, draw up a Norwegian plan with the "
    "participant's Norwegian goal, the extent of the training and how to complain; § 34 does not apply (§ 37 d third "
    "paragraph). What is registered is the setting of the Norwegian goal with its date. «Samtidig» is read strictly: "
    "the due date is the decision's date (that day or before is met, the day after is not; a margin by the setting "
    "kapittel_6a.samtidig_margin, default 0 days). A decision dated after the as-of date has not been made yet: the "
    "plan is pending. The training is voluntary (§ 37 d first paragraph): with no decision on training registered "
    "(opplaering.decision_date) whether and when a plan was due is unknown, never «not met». Extent and complaint "
    "information are not registered and not checked.",
    (refs.L37D_3, refs.L37D_1), (FT, VO), confidence="medium", settings=(SAMTIDIG_MARGIN,)))(judge_norskplan)


def judge_norsk_varighet(ctx: Context) -> Evaluation:
    training = ctx.need(ctx.p.opplaering, "opplaering")
    right_end = norwegian_right_end(ctx)
    extended = training.extended_norwegian
    tail = (" Det er vedtatt utvidet opplæring i norsk (integreringsforskriften § 43 g).",
            " Extended Norwegian training has been decided (integreringsforskriften § 43 g).") if extended else ("", "")
    if ctx.as_of <= right_end:  # the last day is inside the right (domstolloven § 148 second paragraph)
        return pending(f"Retten til opplæring i norsk varer til og med {fmt(right_end)} (ett år fra oppstart, pluss "
                       "permisjon)." + tail[0],
                       f"The right to Norwegian training lasts through {fmt(right_end)} (one year from the start, plus "
                       "leave)." + tail[1], due=right_end)
    return met(f"Retten til opplæring i norsk (ett år fra oppstart, pluss permisjon) varte til og med {fmt(right_end)}."
               + tail[0],
               f"The right to Norwegian training (one year from the start, plus leave) lasted through {fmt(right_end)}."
               + tail[1], due=right_end)


norskopplaering_varighet = requirement(checklist=("R13", "R17"), **_meta(
    "norskopplaering_varighet",
    "Retten til opplæring i norsk: ett år fra oppstart", "The right to Norwegian training: one year from the start",
    "Personer med kollektiv beskyttelse har rett, men ikke plikt, til opplæring i norsk (§ 37 d første ledd). Retten "
    "gjelder i ett år fra oppstartstidspunktet; for øvrig gjelder §§ 30 og 32 (§ 37 d andre ledd). IMDi regner fristen "
    "fra startdato i første vedtak og utvider den med permisjoner. Funnet viser når retten løper ut (ventende til da, "
    "oppfylt etterpå); det gir aldri «ikke oppfylt», fordi deltakelsen er frivillig. Utvidet opplæring etter "
    "integreringsforskriften § 43 g (fra 01.07.2023) nevnes når den er vedtatt. Året regnes som i domstolloven § 148 "
    "andre ledd: det slutter ved utgangen av dagen med samme dato (oppstart 01.03.2023 gir rett til og med "
    "01.03.2024), så den dagen er retten ennå ikke løpt ut; loven sier ikke noe annet (middels sikkerhet).",
    "People with collective protection have a right, not a duty, to Norwegian training (§ 37 d first paragraph). The "
    "right lasts one year from the start; §§ 30 and 32 otherwise apply (§ 37 d second paragraph). IMDi counts the "
    "period from the start date of the first decision and extends it by leave. The finding shows when the right runs "
    "out (pending until then, met after); it never says «not met», because taking part is voluntary. Extended training "
    "under integreringsforskriften § 43 g (from 01.07.2023) is mentioned when decided. The year counts as in "
    "domstolloven § 148 second paragraph: it ends at the end of the day with the same date (a start on 01.03.2023 "
    "gives a right through 01.03.2024), so on that day the right has not yet run out; the Act says nothing else "
    "(medium confidence).",
    (refs.L37D_1, refs.L37D_2, refs.NIR_6A, refs.DOMSTOLLOVEN_148), (VO,), confidence="medium"))(judge_norsk_varighet)


def judge_gratis_prove(ctx: Context) -> Evaluation:
    training = ctx.need(ctx.p.opplaering, "opplaering")
    start = ctx.need(training.start_date, "opplaering.start_date")
    results = ctx.p.test_results
    taken = None if results is None else [r.date for r in results if start <= r.date and ctx.happened(r.date)]
    if taken:
        return met(f"Deltakeren har avlagt avsluttende prøve i norsk ({fmt(min(taken))}).",
                   f"The participant has taken a final Norwegian test ({fmt(min(taken))}).")
    offer = ctx.deadline(training.final_test_offered, "opplaering.final_test_offered", norwegian_right_end(ctx),
                         Text("Tilbud om gratis avsluttende prøve i norsk", "Offer of a free final Norwegian test"))
    if offer.outcome is Outcome.MET or taken is not None:
        return offer
    return unknown(("test_results", *offer.missing), due=offer.due)


gratis_avsluttende_norskprove = requirement(checklist=("R15", "R17"), **_meta(
    "gratis_avsluttende_norskprove",
    "Mulighet til gratis avsluttende prøve i norsk", "Opportunity to take a free final Norwegian test",
    "Plikten til å avlegge prøver etter § 37 gjelder ikke, men kommunen skal sørge for at deltakerne får mulighet til å "
    "avlegge gratis avsluttende prøve i norsk (§ 37 d andre ledd). Oppfylt når en prøve er avlagt etter oppstart, eller "
    "når tilbudet er registrert (opplaering.final_test_offered) innen retten løper ut (ett år fra oppstart pluss "
    "permisjon, til og med dagen med samme dato, domstolloven § 148 andre ledd). Loven setter ingen frist; slutten "
    "av retten er en utledet frist (middels sikkerhet).",
    "The duty to take tests under § 37 does not apply, but the municipality shall make sure participants can take a "
    "free final Norwegian test (§ 37 d second paragraph). Met when a test was taken after the start, or when the offer "
    "is registered (opplaering.final_test_offered) before the right runs out (one year from the start plus leave, "
    "through the day with the same date, domstolloven § 148 second paragraph). The law sets no deadline; the end of "
    "the right is a derived one (medium confidence).",
    (refs.L37D_2, refs.DOMSTOLLOVEN_148), (VO,), confidence="medium"))(judge_gratis_prove)


# -- NIR --------------------------------------------------------------------------------------------

def judge_nir_utdanning(ctx: Context) -> Evaluation:
    training = ctx.need(ctx.p.opplaering, "opplaering")
    if not ctx.need(training.extended_norwegian, "opplaering.extended_norwegian"):
        return not_applicable("Ikke vedtak om utvidet opplæring i norsk; for personer med bare rett etter kapittel 6A "
                              "registreres ikke utdanningsbakgrunn.",
                              "No decision on extended Norwegian training; education background is not registered for "
                              "people with rights under chapter 6A only.", refs.NIR_6A)
    nir = ctx.need(ctx.p.nir, "nir")
    dates = sorted(r.date for r in nir if r.item == "utdanningsbakgrunn" and ctx.happened(r.date))
    if dates:
        return met(f"Utdanningsbakgrunn registrert i NIR {fmt(dates[0])}.",
                   f"Education background registered in NIR on {fmt(dates[0])}.")
    return not_met("Vedtak om utvidet opplæring i norsk er truffet, men utdanningsbakgrunn er ikke registrert i NIR; "
                   "den må registreres før vedtaket kan registreres.",
                   "Extended Norwegian training is decided, but the education background is not registered in NIR; it "
                   "must be registered before the decision can be.")


nir_utdanningsbakgrunn = requirement(checklist=("R16", "R17"), **_meta(
    "nir.utdanningsbakgrunn",
    "NIR: utdanningsbakgrunn ved vedtak om utvidet opplæring i norsk",
    "NIR: education background with a decision on extended Norwegian training",
    "For personer med bare rett til opplæring etter kapittel 6A registreres ikke utdanningsbakgrunn; er det truffet "
    "vedtak om utvidet opplæring i norsk (integreringsforskriften § 43 g), må kommunen først registrere om personen "
    "har utdanning på videregående nivå (IMDi, NIR tilpasset midlertidig regelverk).",
    "For people with a right to training under chapter 6A only, education background is not registered; when "
    "extended Norwegian training is decided (integreringsforskriften § 43 g), the municipality must first register "
    "whether the person has upper-secondary education (IMDi, NIR adapted to the temporary rules).",
    (refs.NIR_6A, refs.L37D_2, refs.F47, refs.F58), (FT,), confidence="medium", category="nir"))(judge_nir_utdanning)


def _nir_gjenapning_2024(ctx: Context) -> Evaluation:
    prog = participating(ctx)
    if isinstance(prog, Evaluation):
        return prog
    reopened = ctx.need(prog.reopened, "introduksjonsprogram.reopened")
    if not ctx.happened(reopened):
        return not_applicable(f"Programmet gjenåpnes {fmt(reopened)}, etter vurderingsdatoen.",
                              f"The programme reopens on {fmt(reopened)}, after the as-of date.")
    nir = ctx.need(ctx.p.nir, "nir")
    regs = sorted(r.date for r in nir if r.item == NIR_REOPENING_ITEM and r.date >= reopened)
    event = Event(done=True, date=regs[0]) if regs else Event(done=False)
    ev = ctx.deadline(event, "nir", add_months(reopened, 2),
                      Text("Gjenåpning av programmet registrert i NIR", "Reopening of the programme registered in NIR"))
    # The item name and the two months are the municipality's overview and the general NIR deadline, not an IMDi
    # source on reopening: the finding says so.
    return Evaluation(ev.outcome, Text(
        ev.message.nb + " (Fristen er to måneder etter integreringsforskriften § 58 andre ledd; NIR-elementet «gjenapning» "
        "er tatt fra kommunens oversikt, ingen IMDi-kilde beskriver funksjonen.)",
        ev.message.en + " (The deadline is two months under integreringsforskriften § 58 second paragraph; the NIR item "
        "«gjenapning» is taken from the municipality's overview, no IMDi source describes the function.)"), ev.due, ev.missing,
        (refs.F58,))


def judge_nir_gjenapning(ctx: Context) -> Evaluation:
    def new() -> Evaluation:
        return not_applicable(
            "Programmet følger § 37 c slik den lyder fra 01.01.2026 (LOV-2025-06-20-35), som ikke lenger har "
            "femte ledd om rett til program etter å ha gått ut i arbeid; § 3 tredje ledd gjelder.",
            "The programme follows § 37 c as amended from 01.01.2026 (LOV-2025-06-20-35), which no longer has "
            "the fifth paragraph on the right to a programme after leaving for work; § 3 third paragraph applies.",
            refs.L37C_2026, refs.lov("§ 3", 3))

    return under_37c(ctx, lambda: _nir_gjenapning_2024(ctx), new)


nir_gjenapning = requirement(checklist=("R16", "R17"), **_meta(
    "nir.gjenapning",
    "NIR: gjenåpning av programmet etter avbrudd for arbeid", "NIR: reopening of the programme after leaving for work",
    "Retten til program gjelder også for den som har gått ut i arbeid og derfor avbrutt programmet; § 3 tredje ledd "
    "gjelder ikke (§ 37 c femte ledd). En gjenåpning (introduksjonsprogram.reopened) skal registreres i NIR (element "
    "«gjenapning») innen to måneder, som andre NIR-opplysninger. Ingen IMDi-kilde som beskriver NIR-funksjonen er "
    "funnet; elementet kommer fra kommunens oversikt (lav sikkerhet).",
    "The right to the programme also covers someone who went into work and therefore left the programme; § 3 third "
    "paragraph does not apply (§ 37 c fifth paragraph). A reopening (introduksjonsprogram.reopened) is registered in "
    "NIR (item «gjenapning») within two months, like other NIR facts. No IMDi source describing the NIR function was "
    "found; the item comes from the municipality's overview (low confidence).",
    (refs.L37C_5, refs.NIR_6A), (FT,), confidence="low", category="nir",
    new_37c="ingenting: femte ledd finnes ikke lenger / nothing: the fifth paragraph is gone"))(judge_nir_gjenapning)


# -- What the old § 37 c set aside without a replacement, and the new § 37 c no longer does -----------------

def _set_aside_2024(ordinary_name: str, nb: str, en: str, *references):
    """A requirement judged by the ordinary rule ``ordinary_name`` for programmes under § 37 c as amended from
    01.01.2026, and not applicable (with the old text's reason) for programmes under the old § 37 c."""
    def judge(ctx: Context) -> Evaluation:
        def old() -> Evaluation:
            prog = participating(ctx)
            if isinstance(prog, Evaluation):
                return prog
            return not_applicable(nb, en, *references)

        return under_37c(ctx, old, lambda: ordinary(ctx, ordinary_name))
    return judge


_LIVSMESTRING_2024 = (
    "Kurs i livsmestring er ikke et krav for programmer etter § 37 c i teksten før 01.01.2026: § 14 første ledd "
    "bokstav a, b og c gjelder ikke (§ 37 c fjerde ledd).",
    "A life-skills course is not required for programmes under § 37 c as it read before 01.01.2026: § 14 first "
    "paragraph letters a, b and c do not apply (§ 37 c fourth paragraph).")
_PLAN_15_2024 = (
    "«§§ 15 og 16 gjelder ikke» for programmer etter § 37 c i teksten før 01.01.2026 (sjette ledd i 2022-teksten, "
    "sjuende ledd i 2024-teksten).",
    "«§§ 15 og 16 gjelder ikke» for programmes under § 37 c as it read before 01.01.2026 (sixth paragraph in the 2022 "
    "text, seventh in the 2024 text).")

livsmestring = requirement(checklist=("R8", "R17"), **_meta(
    "livsmestring",
    "Kurs i livsmestring (kapittel 6A)", "Life-skills course (chapter 6A)",
    "Etter § 37 c fjerde ledd i 2022- og 2024-teksten gjelder ikke § 14 første ledd bokstav a–c, så kurs i livsmestring "
    "kreves ikke (ikke aktuelt).",
    "Under § 37 c fourth paragraph of the 2022 and 2024 texts § 14 first paragraph letters a–c do not apply, so a "
    "life-skills course is not required (not applicable).",
    (refs.L37C_4, refs.PROP_81_CH6, refs.FOR_2025_1909), (FT,),
    new_37c="integreringsloven.livsmestring (§ 14 a første ledd bokstav d; forskriften § 4)"))(
    _set_aside_2024("livsmestring", *_LIVSMESTRING_2024, refs.L37C_4))

integreringsplan_revisjon = requirement(checklist=("R6", "R17"), **_meta(
    "integreringsplan_revisjon",
    "Jevnlig vurdering av integreringsplanen (kapittel 6A)", "Regular review of the integration plan (chapter 6A)",
    "Etter § 37 c i 2022- og 2024-teksten gjelder ikke § 15, heller ikke sjette ledd om at planen skal vurderes "
    "jevnlig (ikke aktuelt).",
    "Under § 37 c of the 2022 and 2024 texts § 15 does not apply, nor its sixth paragraph on regular review of the "
    "plan (not applicable).",
    (refs.L37C_PLAN_2022_LAST, refs.L37C_PLAN_2024_LAST, refs.lov("§ 15", 6)), (FT,),
    new_37c="integreringsloven.integreringsplan_revisjon (§ 15 sjette ledd)"))(
    _set_aside_2024("integreringsplan_revisjon", *_PLAN_15_2024, refs.L37C_PLAN_2022_LAST, refs.L37C_PLAN_2024_LAST))

nir_livsmestring = requirement(checklist=("R16", "R17"), **_meta(
    "nir.livsmestring",
    "NIR: livsmestring (kapittel 6A)", "NIR: life skills (chapter 6A)",
    "Når livsmestring ikke er et krav (§ 37 c fjerde ledd i 2022- og 2024-teksten), er det ikke noe gjennomført krav å "
    "registrere (ikke aktuelt).",
    "When life skills is not required (§ 37 c fourth paragraph of the 2022 and 2024 texts), there is no completed "
    "requirement to register (not applicable).",
    (refs.L37C_4, refs.F58), (FT,), category="nir",
    new_37c="integreringsloven.nir.livsmestring"))(
    _set_aside_2024("nir.livsmestring", *_LIVSMESTRING_2024, refs.L37C_4))

nir_integreringskontrakt = requirement(checklist=("R16", "R17"), **_meta(
    "nir.integreringskontrakt",
    "NIR: integreringskontrakt (kapittel 6A)", "NIR: integration contract (chapter 6A)",
    "Uten integreringskontrakt (§ 16 gjelder ikke etter § 37 c i 2022- og 2024-teksten) er det ingenting å registrere "
    "(ikke aktuelt).",
    "With no integration contract (§ 16 does not apply under § 37 c of the 2022 and 2024 texts) there is nothing to "
    "register (not applicable).",
    (refs.L37C_PLAN_2022_LAST, refs.L37C_PLAN_2024_LAST, refs.F58), (FT,), category="nir",
    new_37c="integreringsloven.nir.integreringskontrakt"))(
    _set_aside_2024("nir.integreringskontrakt", *_PLAN_15_2024, refs.L37C_PLAN_2022_LAST, refs.L37C_PLAN_2024_LAST))


REQUIREMENTS = (
    kompetansekartlegging, vedtak_og_oppstart, sluttmal, varighet, helarig, livsmestring, foreldreveiledning,
    integreringsplan, integreringsplan_innhold, integreringsplan_revisjon, integreringskontrakt, norskplan,
    norskopplaering_varighet, gratis_avsluttende_norskprove, nir_utdanningsbakgrunn, nir_gjenapning, nir_livsmestring,
    nir_integreringskontrakt,
)
