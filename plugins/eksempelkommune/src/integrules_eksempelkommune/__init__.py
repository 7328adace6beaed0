"""Eksempelkommune's local routines, as an integrules plugin (the example for municipalities).

The routines come from the municipality's report to its control committee (kontrollutvalg) of
27 November 2024, following up the council's decision on a performance audit
(forvaltningsrevisjon) of refugee integration and settlement:

- the integration plan is a living document, revised (1) at every intake, 1 February, 1 May,
  1 August and 1 November, (2) when the participant changes class, (3) at the transition to NAV
  measures when the programme ends (decision point 2 b);
- competence mapping is done, and documented, for every participant, with fixed weekly time set
  aside for it (FT, NAV, VO) (decision points 2 a and 3 d).

What is checkable from one participant's facts, and what is not:

- The intake dates are computed with :func:`dateutil.rrule.rrule`; the plan must carry a revision
  within ``eksempelkommune.revisjon_frist_dager`` days after each intake the participant was in the
  programme for. This concretises the national "vurderes jevnlig" (integreringsloven § 15 sixth
  paragraph), so the plugin **overrides** ``integreringsloven.integreringsplan_revisjon`` by id.
- A change of class is a fact (``opplaering.class_changes``); the transition to NAV is the
  programme's end date with an end reason naming NAV.
- The fixed weekly time is how the units organise their week, not a fact about a participant:
  it is not encoded. What the council asked to see per participant is the documentation.

The routines are the municipality's own decision (``LegalRef(kind="lokal")``); they apply from
the date the report documents them, 27 November 2024. The override keeps the national rule as the
legal minimum (a local routine adds to the law, it cannot relax it): from that date both must hold,
before it only the national rule judges.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib
from typing import Any

from dateutil.rrule import MONTHLY, rrule

from integrules import (
    Evaluation, LegalRef, Outcome, Requirement, Setting, Text, Unit, all_of, hookimpl, met, not_applicable, not_met, pending,
    requirement, unknown,
)
from integrules.dates import format_date
from integrules.model import RevisionTrigger

PLUGIN_NAME = "eksempelkommune"

NATIONAL_ID = "integreringsloven.integreringsplan_revisjon"
ROUTINE_FROM = dt.date(2024, 11, 27)  # the follow-up report to the control committee documents the routines
INTAKE_MONTHS = (2, 5, 8, 11)  # «Ved hvert nye innslipp 1.feb, 1.mai, 1.aug, 1.nov»
WINDOW = "eksempelkommune.revisjon_frist_dager"
NATIONAL_INTERVAL = "integreringsloven.revisjon_intervall_maneder"  # declared by the integreringsloven plugin

VEDTAK = LegalRef(
    "Eksempelkommune kommunestyre, vedtak om oppfølging av forvaltningsrevisjon – integrering og bosetting av flyktninger",
    section="punkt 2 b", kind="lokal",
)
VEDTAK_KARTLEGGING_2A = LegalRef(VEDTAK.instrument, section="punkt 2 a", kind="lokal")
VEDTAK_KARTLEGGING_3D = LegalRef(VEDTAK.instrument, section="punkt 3 d", kind="lokal")
OPPFOLGING = LegalRef(
    "Oppfølging av kommunestyrets vedtak, framlagt for kontrollutvalget 27.11.2024", section="punkt 2 b", kind="lokal",
)
IL_15_6 = LegalRef("integreringsloven", "§ 15", ledd=6, url="https://lovdata.no/lov/2020-11-06-127/§15")
IL_10 = LegalRef("integreringsloven", "§ 10", url="https://lovdata.no/lov/2020-11-06-127/§10")


def _parse_days(value: Any) -> int:
    days = int(value)
    if isinstance(value, bool) or days < 0 or days > 92:
        raise ValueError(f"expected a whole number of days from 0 to 92, got {value!r}")
    return days


def intake_dates(start: dt.date, end: dt.date) -> list[dt.date]:
    """The intake dates (1 Feb, 1 May, 1 Aug, 1 Nov) from ``start`` to ``end``, both inclusive."""
    return list(_intakes(start, end))


@functools.lru_cache(maxsize=8192)  # many participants share a start and an end: rrule is the costly part
def _intakes(start: dt.date, end: dt.date) -> tuple[dt.date, ...]:
    if end < start:
        return ()
    rule = rrule(MONTHLY, bymonth=INTAKE_MONTHS, bymonthday=1, dtstart=dt.datetime.combine(start, dt.time()),
                 until=dt.datetime.combine(end, dt.time()))
    return tuple(d.date() for d in rule)


_fmt = format_date  # dd.mm.yyyy, as f"{day:%d.%m.%Y}" writes it, without strftime


def _revised(ctx, revisions, trigger_day: dt.date, window: int, before: int = 0):
    """The first revision dated from ``before`` days before to ``window`` days after the trigger, by as-of."""
    for rev in sorted(revisions, key=lambda r: r.date):
        if trigger_day - dt.timedelta(days=before) <= rev.date <= trigger_day + dt.timedelta(days=window) \
                and ctx.happened(rev.date):
            return rev
    return None


def _judge_trigger(ctx, revisions, day: dt.date, window: int, what: Text, before: int = 0) -> Evaluation:
    due = day + dt.timedelta(days=window)
    rev = _revised(ctx, revisions, day, window, before)
    if rev is not None:
        return met(f"{what.nb} {_fmt(day)}: revidert {_fmt(rev.date)}.", f"{what.en} {_fmt(day)}: revised {_fmt(rev.date)}.",
                   due=due)
    if ctx.as_of <= due:
        return pending(f"{what.nb} {_fmt(day)}: ikke revidert ennå, frist {_fmt(due)}.",
                       f"{what.en} {_fmt(day)}: not revised yet, due {_fmt(due)}.", due=due)
    return not_met(f"{what.nb} {_fmt(day)}: ikke revidert innen {_fmt(due)}.",
                   f"{what.en} {_fmt(day)}: not revised by {_fmt(due)}.", due=due)


def _in_programme(ctx) -> Evaluation | None:
    """not_applicable when known not to take part in the programme; None when it does (or may)."""
    prog = ctx.need(ctx.p.introduksjonsprogram, "introduksjonsprogram")
    if ctx.need(prog.participates, "introduksjonsprogram.participates") is False:
        return not_applicable("Deltar ikke i introduksjonsprogram.", "Does not take part in the introduction programme.")
    return None


def _national_rule():
    """The national requirement this plugin overrides, to judge the time before the local routine."""
    try:
        module = importlib.import_module("integrules_integreringsloven")
    except ImportError:
        return None
    for obj in vars(module).values():
        if isinstance(obj, Requirement) and obj.id == NATIONAL_ID:
            return obj
    finder = getattr(module, "requirement_by_id", None)
    return finder(NATIONAL_ID) if finder else None


def _national_part(ctx) -> Evaluation | None:
    """The national rule's judgement (the legal minimum), or None when it is not installed."""
    national = _national_rule()
    if national is None or not national.in_force(ctx.as_of):
        return None
    return national.evaluate(ctx)


_INTAKE = Text("Inntak", "Intake")


@requirement(
    id=NATIONAL_ID,
    checklist=("R6",),  # refines the national § 15 sixth paragraph locally
    title=Text("Integreringsplanen revideres ved hvert inntak", "The integration plan is revised at every intake"),
    description=Text(
        "Integreringsplanen skal vurderes jevnlig (integreringsloven § 15 sjette ledd). Eksempelkommune har "
        "konkretisert dette: planen revideres ved hvert inntak, 1. februar, 1. mai, 1. august og 1. november, "
        "så lenge deltakeren er i introduksjonsprogrammet, senest innen fristen i innstillingen "
        "eksempelkommune.revisjon_frist_dager. Rutinen gjelder fra 27.11.2024 og kommer i tillegg til den nasjonale "
        "regelen (integreringsloven.revisjon_intervall_maneder), som fortsatt må være oppfylt; før 27.11.2024 gjelder "
        "bare den nasjonale regelen. Vesentlige endringer i livssituasjonen vurderes ikke her: det finnes ingen opplysning om dem.",
        "The integration plan must be reviewed regularly (integreringsloven § 15 sixth paragraph). Eksempelkommune "
        "makes this concrete: the plan is revised at every intake, 1 February, 1 May, 1 August and 1 November, "
        "while the participant is in the introduction programme, within the days set by the setting "
        "eksempelkommune.revisjon_frist_dager. The routine applies from 27.11.2024 in addition to the national rule "
        "(integreringsloven.revisjon_intervall_maneder), which must still hold; before 27.11.2024 only the national "
        "rule applies. Significant changes in the participant's life are not judged here: no fact records them.",
    ),
    references=(IL_15_6, VEDTAK, OPPFOLGING),
    valid_from=dt.date(2021, 1, 1),
    regime="integreringsloven",
    responsible=(Unit.FT, Unit.VO),
    confidence="high",
    settings=(WINDOW, NATIONAL_INTERVAL),
)
def integreringsplan_revisjon(ctx) -> Evaluation:
    national = _national_part(ctx)
    if ctx.as_of < ROUTINE_FROM:
        if national is not None:
            return national
        return not_applicable(f"Den lokale rutinen gjelder fra {_fmt(ROUTINE_FROM)}.",
                              f"The local routine applies from {_fmt(ROUTINE_FROM)}.", OPPFOLGING)
    local = _intake_routine(ctx)
    # The local routine adds to the law, it cannot relax it: both must hold.
    return local if national is None else all_of(national, local)


def _intake_routine(ctx) -> Evaluation:
    outside = _in_programme(ctx)
    if outside is not None:
        return outside
    plan = ctx.need(ctx.p.integreringsplan, "integreringsplan")
    created = ctx.need(plan.created, "integreringsplan.created")
    if not ctx.happened(created):
        return not_applicable("Integreringsplanen var ikke laget ennå.", "The integration plan had not been made yet.")
    revisions = ctx.need(plan.revisions, "integreringsplan.revisions")
    window = ctx.setting(WINDOW)
    end = ctx.p.introduksjonsprogram.end_date
    first = max(created + dt.timedelta(days=1), ROUTINE_FROM)
    parts = []
    for day in intake_dates(first, ctx.as_of):
        if end is not None and end <= day:
            break  # the programme had ended: no more intakes for this participant
        part = _judge_trigger(ctx, revisions, day, window, _INTAKE)
        if part.outcome is not Outcome.MET and end is None:
            # Whether the participant was still in the programme at the intake is unknown.
            part = unknown(["introduksjonsprogram.end_date"], due=part.due)
        parts.append(part)
    if not parts:
        return not_applicable("Ingen inntak siden planen ble laget (eller siden rutinen trådte i kraft).",
                              "No intake since the plan was made (or since the routine took effect).")
    return all_of(*parts)


@requirement(
    id="eksempelkommune.integreringsplan_klassebytte",
    checklist=("R6",),
    title=Text("Integreringsplanen revideres ved klassebytte", "The integration plan is revised at a change of class"),
    description=Text(
        "Ved overgang til ny klasse revideres integreringsplanen, innen fristen i innstillingen "
        "eksempelkommune.revisjon_frist_dager (lokal rutine, kommunestyrets vedtak punkt 2 b).",
        "When the participant changes class the integration plan is revised, within the days set by the setting "
        "eksempelkommune.revisjon_frist_dager (local routine, the council's decision point 2 b).",
    ),
    references=(VEDTAK, OPPFOLGING),
    valid_from=ROUTINE_FROM,
    regime="integreringsloven",
    responsible=(Unit.VO, Unit.FT),
    settings=(WINDOW,),
)
def integreringsplan_klassebytte(ctx) -> Evaluation:
    training = ctx.need(ctx.p.opplaering, "opplaering")
    changes = ctx.need(training.class_changes, "opplaering.class_changes")
    changes = sorted(d for d in changes if ROUTINE_FROM <= d and ctx.happened(d))
    if not changes:
        return not_applicable("Ingen klassebytte å vurdere.", "No change of class to judge.")
    plan = ctx.need(ctx.p.integreringsplan, "integreringsplan")
    revisions = ctx.need(plan.revisions, "integreringsplan.revisions")
    window = ctx.setting(WINDOW)
    return all_of(*(_judge_trigger(ctx, revisions, day, window, Text("Klassebytte", "Change of class")) for day in changes))


def _to_nav(reason: str) -> bool:
    return "nav" in reason.lower()


@requirement(
    id="eksempelkommune.integreringsplan_overgang_nav",
    checklist=("R6",),
    title=Text("Integreringsplanen revideres ved overgang til tiltak i NAV",
               "The integration plan is revised at the transition to NAV measures"),
    description=Text(
        "Når introduksjonsprogrammet avsluttes med overgang til tiltak i regi av NAV (NAV tidlig inn), revideres "
        "integreringsplanen ved overgangen: fra like mange dager før til like mange dager etter sluttdatoen som "
        "innstillingen eksempelkommune.revisjon_frist_dager angir. Overgangen leses av avslutningsårsaken i NIR.",
        "When the introduction programme ends with a transition to measures run by NAV (NAV tidlig inn), the "
        "integration plan is revised at the transition: from as many days before to as many days after the end "
        "date as the setting eksempelkommune.revisjon_frist_dager says. The transition is read from the end "
        "reason registered in NIR.",
    ),
    references=(VEDTAK, OPPFOLGING),
    valid_from=ROUTINE_FROM,
    regime="integreringsloven",
    responsible=(Unit.FT, Unit.NAV),
    confidence="medium",
    settings=(WINDOW,),
)
def integreringsplan_overgang_nav(ctx) -> Evaluation:
    outside = _in_programme(ctx)
    if outside is not None:
        return outside
    prog = ctx.p.introduksjonsprogram
    end = ctx.need(prog.end_date, "introduksjonsprogram.end_date")
    if not ctx.happened(end) or end < ROUTINE_FROM:
        return not_applicable("Programmet var ikke avsluttet (etter at rutinen trådte i kraft).",
                              "The programme had not ended (after the routine took effect).")
    reason = ctx.need(prog.end_reason, "introduksjonsprogram.end_reason")
    if not _to_nav(reason):
        return not_applicable("Programmet ble ikke avsluttet med overgang til tiltak i NAV.",
                              "The programme did not end with a transition to NAV measures.")
    plan = ctx.need(ctx.p.integreringsplan, "integreringsplan")
    revisions = ctx.need(plan.revisions, "integreringsplan.revisions")
    window = ctx.setting(WINDOW)
    return _judge_trigger(ctx, revisions, end, window, Text("Overgang til NAV", "Transition to NAV"), before=window)


@requirement(
    id="eksempelkommune.kompetansekartlegging_dokumentert",
    checklist=("R2",),
    title=Text("Kompetansekartleggingen er dokumentert", "The competence mapping is documented"),
    description=Text(
        "Kommunestyret ba om kompetansekartlegging for alle bosatte flyktninger og om dokumentasjon av "
        "kartleggingen for alle deltakere (vedtaket punkt 2 a og 3 d). Kravet er oppfylt når kartleggingen er "
        "gjennomført og dokumentert; fristen for selve kartleggingen vurderes etter integreringsloven § 10. "
        "Den faste ukentlige tiden til kartlegging er en organisering av arbeidet og vurderes ikke per deltaker.",
        "The council asked for competence mapping of every settled refugee and for documentation of the mapping "
        "for every participant (decision points 2 a and 3 d). The requirement is met when the mapping is done "
        "and documented; the deadline for the mapping itself is judged under integreringsloven § 10. The fixed "
        "weekly time for mapping is how the work is organised and is not judged per participant.",
    ),
    references=(VEDTAK_KARTLEGGING_2A, VEDTAK_KARTLEGGING_3D, IL_10),
    valid_from=ROUTINE_FROM,
    regime="integreringsloven",
    responsible=(Unit.FT, Unit.NAV, Unit.VO),
)
def kompetansekartlegging_dokumentert(ctx) -> Evaluation:
    mapping = ctx.need(ctx.p.kompetansekartlegging, "kompetansekartlegging")
    done = ctx.need(mapping.done, "kompetansekartlegging.done")
    if done:
        day = ctx.need(mapping.date, "kompetansekartlegging.date")
        if ctx.happened(day):
            documented = ctx.need(mapping.documented, "kompetansekartlegging.documented")
            if documented:
                return met(f"Kartlagt {_fmt(day)} og dokumentert.", f"Mapped {_fmt(day)} and documented.")
            return not_met(f"Kartlagt {_fmt(day)}, men kartleggingen er ikke dokumentert.",
                           f"Mapped {_fmt(day)}, but the mapping is not documented.")
    return pending("Kartleggingen er ikke gjennomført ennå; fristen vurderes etter integreringsloven § 10.",
                   "The mapping has not been done yet; its deadline is judged under integreringsloven § 10.")


@hookimpl
def integrules_register_settings(register) -> None:
    register.setting(Setting(
        name=WINDOW,
        default=14,
        description=Text(
            "Antall dager etter et inntak, et klassebytte eller en overgang til NAV som planen skal være revidert "
            "innen. Rapporten til kontrollutvalget nevner ingen frist; 14 dager er kommunens eget valg.",
            "Days after an intake, a change of class or a transition to NAV within which the plan must be revised. "
            "The report to the control committee names no deadline; 14 days is the municipality's own choice.",
        ),
        parse=_parse_days,
        references=(OPPFOLGING,),
    ))


@hookimpl
def integrules_register_requirements(register) -> None:
    register.override(integreringsplan_revisjon)
    register.requirement(integreringsplan_klassebytte, integreringsplan_overgang_nav, kompetansekartlegging_dokumentert)


#: The local routines were read from the follow-up report to the control committee of 27.11.2024
#: (ROUTINE_FROM): a later council decision or routine is not encoded. The national rule this plugin
#: builds on (integreringsloven § 15 sixth paragraph) is the integreringsloven plugin's, with its own date.
VERIFIED_TO = ROUTINE_FROM


@hookimpl
def integrules_register_verification(register) -> None:
    from integrules import Verification  # here, not at the top: keeps this addition apart from the imports

    register.verification(Verification(
        verified_to=VERIFIED_TO,
        sources=Text(
            "Kommunestyrets vedtak om oppfølging av forvaltningsrevisjonen og oppfølgingen framlagt for "
            "kontrollutvalget 27.11.2024 (punkt 2 a, 2 b og 3 d); senere lokale vedtak er ikke lagt inn.",
            "The council's decision following up the performance audit and the follow-up report to the "
            "control committee of 27.11.2024 (points 2 a, 2 b and 3 d); later local decisions are not encoded."),
        references=(OPPFOLGING,)))
