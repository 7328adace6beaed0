"""NIR registrations (R16): each item of the seed's two tables, registered within two months after the
information exists (integreringsloven § 43 second paragraph, integreringsforskriften § 58 second paragraph; the
items as IMDi's NIR guides name them).

A registration is a :class:`~integrules.model.NirRegistration` in ``Participant.nir`` whose ``item`` is one
of :data:`NIR_ITEMS` (the requirement id without ``integreringsloven.nir.``). A registration counts for a
piece of information when it is dated on or after the day the information came to exist.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable

from integrules import Evaluation, Missing, Requirement, Text, Unit, all_of, met, not_applicable, not_met, pending
from integrules.dates import add_months
from integrules.model import GoalChangeKind

from .rules import _in_time
from ._common import IMDI_NIR_OPPLAERING, IMDI_NIR_PROGRAM, IN_FORCE, REGIME, fmt, lov, veileder
from .klokker import F58_2, forskrift

T = Text
PROGRAM, OPPLAERING = "program", "opplaering"

NIR_ITEMS = (
    "integreringskontrakt", "sluttmal", "vedtak_og_startdato", "tiltak_og_fravaer", "foreldreveiledning",
    "livsmestring", "permisjoner", "klage", "avslutning", "utdanningsbakgrunn", "norskmal_fastsetting",
    "norskmal_endring", "opplaering_vedtak_og_startdato", "timer_og_fravaer", "fulltid_videregaende", "samfunnskunnskap",
)

FRIST = T("innen to måneder etter at opplysningene foreligger (integreringsforskriften § 58 andre ledd)",
          "within two months after the information exists (integreringsforskriften § 58 second paragraph)")
_58 = ("(integreringsforskriften § 58 andre ledd)", "(integreringsforskriften § 58 second paragraph)")

# § 43 second paragraph: the duty to register; regulation § 58 second paragraph: the information of §§ 46-55, within
# two months after it exists; § 52 (programme) and § 53 (training) name what is registered.
REFS = (lov("43", 2), F58_2)
TABLE_REFS = {"program": forskrift("52"), "opplaering": forskrift("53")}


def _programme(ctx, fact: Callable[[Any], Any] = lambda prog: None):
    """The programme whose information an item registers; None when there is none to register: not taking part, or
    registered as not decided yet while the item's own ``fact`` is not registered either (a registered fact is to be
    registered in NIR whatever else is registered, so that filling in a flag never turns a finding around)."""
    prog = ctx.need(ctx.p.introduksjonsprogram, "introduksjonsprogram")
    if not ctx.need(prog.participates, "introduksjonsprogram.participates"):
        return None
    if prog.decision_made is False and fact(prog) is None:
        return None  # registered as not decided yet: nothing of the programme exists to register
    return prog


def _training(ctx):
    return ctx.need(ctx.p.opplaering, "opplaering")


def _done(ctx, event, path) -> list[dt.date]:
    event = ctx.need(event, path)
    if not ctx.need(event.done, f"{path}.done"):
        return []
    day = ctx.need(event.date, f"{path}.date")
    return [day] if ctx.happened(day) else []


def _dated(ctx, day, path) -> list[dt.date]:
    day = ctx.need(day, path)
    return [day] if ctx.happened(day) else []


# Each trigger returns the days the information came to exist (one registration is due per day),
# [] when there is nothing to register, or raises Missing.

def t_kontrakt(ctx):
    known = ctx.p.integreringskontrakt
    return _done(ctx, known, "integreringskontrakt") if _programme(ctx, lambda _: known) else []


def t_sluttmal(ctx):
    prog = _programme(ctx, lambda prog: prog.decision_date)
    return _dated(ctx, prog.decision_date, "introduksjonsprogram.decision_date") if prog else []


def t_program_start(ctx):
    prog = _programme(ctx, lambda prog: prog.start_date)
    return _dated(ctx, prog.start_date, "introduksjonsprogram.start_date") if prog else []


def t_foreldre(ctx):
    known = ctx.p.foreldreveiledning
    if not _programme(ctx, lambda _: known) or not ctx.need(ctx.p.children_under_18, "children_under_18"):
        return []
    return _done(ctx, ctx.p.foreldreveiledning, "foreldreveiledning")


def t_livsmestring(ctx):
    known = ctx.p.livsmestring
    return _done(ctx, known, "livsmestring") if _programme(ctx, lambda _: known) else []


def t_permisjoner(ctx):
    prog, training = _programme(ctx, lambda prog: prog.leaves or None), _training(ctx)
    leaves = list(ctx.need(prog.leaves, "introduksjonsprogram.leaves")) if prog else []
    leaves += ctx.need(training.leaves, "opplaering.leaves")
    return sorted({lv.start for lv in leaves if ctx.happened(lv.start)})


def t_avslutning(ctx):
    prog = _programme(ctx, lambda prog: prog.end_date)
    return _dated(ctx, prog.end_date, "introduksjonsprogram.end_date") if prog else []


def t_utdanning(ctx):
    training = _training(ctx)
    if training.decision_date is None and _not_offered(training):
        return []
    return _dated(ctx, training.decision_date, "opplaering.decision_date")


def _goals(ctx, kind):
    goals = ctx.need(ctx.p.norskmal, "norskmal")
    days = sorted(g.date for g in goals if g.kind is kind and ctx.happened(g.date))
    return days[:1] if kind is GoalChangeKind.FASTSETTING else days


def t_norskmal_fastsetting(ctx):
    return _goals(ctx, GoalChangeKind.FASTSETTING)


def t_norskmal_endring(ctx):
    return _goals(ctx, GoalChangeKind.ENDRING)


def _not_offered(training) -> bool:
    """Registered that no training has been offered or decided (known none): nothing of it exists to register."""
    return training.offered is False or training.decision_made is False


def t_opplaering_start(ctx):
    training = _training(ctx)
    # A registered start is registered in NIR whatever else is registered: "not offered" only stands for a missing one.
    if training.start_date is None and _not_offered(training):
        return []
    return _dated(ctx, training.start_date, "opplaering.start_date")


def t_vgs(ctx):
    training = _training(ctx)
    if not ctx.need(training.full_time_upper_secondary, "opplaering.full_time_upper_secondary"):
        return []
    return _dated(ctx, training.upper_secondary_start, "opplaering.upper_secondary_start")


def t_samfunnskunnskap(ctx):
    training = _training(ctx)
    if training.samfunnskunnskap is None and _not_offered(training):
        return []
    return _done(ctx, training.samfunnskunnskap, "opplaering.samfunnskunnskap")


_REGISTERED = ("integreringsloven", "nir registered")


def _registered(ctx) -> dict[str, list[dt.date]]:
    """The participant's NIR registrations made by the as-of date, sorted, per item (once per participant:
    sixteen items ask)."""
    by_item: dict[str, list[dt.date]] = {}
    for r in ctx.need(ctx.p.nir, "nir"):
        if ctx.happened(r.date):
            by_item.setdefault(r.item, []).append(r.date)
    for days in by_item.values():
        days.sort()
    return by_item


def judge(ctx, item: str, days: list[dt.date], label: Text) -> Evaluation:
    if not days:
        return not_applicable(f"{label.nb}: ingen opplysning å registrere ennå.", f"{label.en}: nothing to register yet.")
    registered = ctx.memo(_REGISTERED, lambda: _registered(ctx)).get(item, ())
    parts = []
    for day in days:
        due = add_months(day, 2)
        reg = next((d for d in registered if d >= day), None)
        if reg is not None and reg <= due:
            parts.append(met(f"{label.nb} ({fmt(day)}) registrert i NIR {fmt(reg)}.",
                             f"{label.en} ({fmt(day)}) registered in NIR {fmt(reg)}.", due=due))
        elif reg is not None:
            parts.append(not_met(f"{label.nb} ({fmt(day)}) registrert i NIR {fmt(reg)}, etter fristen {fmt(due)} {_58[0]}.",
                                 f"{label.en} ({fmt(day)}) registered in NIR {fmt(reg)}, after the deadline {fmt(due)} {_58[1]}.",
                                 due=due))
        elif ctx.as_of <= due:
            parts.append(pending(f"{label.nb} ({fmt(day)}) ikke registrert i NIR ennå; frist {fmt(due)} {_58[0]}.",
                                 f"{label.en} ({fmt(day)}) not registered in NIR yet; due {fmt(due)} {_58[1]}.", due=due))
        else:
            parts.append(not_met(f"{label.nb} ({fmt(day)}) ikke registrert i NIR; fristen {fmt(due)} er passert {_58[0]}.",
                                 f"{label.en} ({fmt(day)}) not registered in NIR; the deadline {fmt(due)} has passed {_58[1]}.",
                                 due=due))
    return all_of(*parts)


def _make(item: str, table: str, nb: str, en: str, trigger: Callable | None, when: Text,
          responsible: tuple[Unit, ...], extra_refs=()) -> Requirement:
    label = T(nb, en)
    imdi = veileder("Registrering i NIR etter integreringsloven",
                    IMDI_NIR_PROGRAM if table == PROGRAM else IMDI_NIR_OPPLAERING)

    def evaluate(ctx) -> Evaluation:
        if trigger is None:
            return not_applicable(
                f"{nb}: modellen har ingen opplysninger om klager, så registreringen kan ikke kontrolleres "
                "(seedens tabeller har heller ingen status for punktet).",
                f"{en}: the model holds no facts about complaints, so the registration cannot be checked (the "
                "seed's tables give no status for the item either).")
        return judge(ctx, item, trigger(ctx), label)

    table_text = ("introduksjonsprogrammet", "the introduction programme") if table == PROGRAM else \
        ("opplæring i norsk og samfunnskunnskap", "Norwegian and social-studies training")
    return Requirement(
        id=f"integreringsloven.nir.{item}",
        title=T(f"NIR: {nb}", f"NIR: {en}"),
        description=T(
            f"Registrering i NIR for {table_text[0]}: «{nb}» (NIR-punkt {item}), {FRIST.nb}. Opplysningen foreligger "
            f"{when.nb}.",
            f"NIR registration for {table_text[1]}: «{en}» (NIR item {item}), {FRIST.en}. The information exists "
            f"{when.en}."),
        references=REFS + (TABLE_REFS[table], imdi) + tuple(extra_refs),
        # _in_time: a registration due while chapter 6A set the item aside is not judged after the sunset.
        valid_from=IN_FORCE, regime=REGIME, responsible=responsible, confidence="medium",
        evaluate=_in_time(f"integreringsloven.nir.{item}", evaluate),
        category="nir",
        checklist=("R16",),
    )


FT, VO = (Unit.FT,), (Unit.VO,)
FT_VO = (Unit.FT, Unit.VO)

NIR_REQUIREMENTS = (
    _make("integreringskontrakt", PROGRAM, "Integreringskontrakt", "Integration contract", t_kontrakt,
          T("når kontrakten er inngått", "when the contract is signed"), FT, (lov("16"),)),
    _make("sluttmal", PROGRAM, "Sluttmål", "End goal", t_sluttmal,
          T("ved vedtaket om program (sluttmålet settes i planen samtidig)",
            "at the programme decision (the goal is set in the plan at the same time)"), FT, (lov("13", 1),)),
    _make("vedtak_og_startdato", PROGRAM, "Vedtak og startdato", "Decision and start date", t_program_start,
          T("når programmet har startet", "when the programme has started"), FT, (lov("12"),)),
    _make("tiltak_og_fravaer", PROGRAM, "Tiltak og fravær", "Measures and absence", t_program_start,
          T("ved oppstart (første registrering; løpende registrering etterpå kontrolleres ikke)",
            "at the start (the first registration; later continuous registration is not checked)"), FT),
    _make("foreldreveiledning", PROGRAM, "Foreldreveiledning gjennomført", "Parenting guidance completed", t_foreldre,
          T("når kurset er gjennomført", "when the course is completed"), FT, (lov("14", 2),)),
    _make("livsmestring", PROGRAM, "Livsmestring gjennomført", "Life skills completed", t_livsmestring,
          T("når kurset er gjennomført", "when the course is completed"), FT, (lov("14", 1, "c"),)),
    _make("permisjoner", PROGRAM, "Permisjoner", "Leave", t_permisjoner,
          T("når en permisjon (fra program eller opplæring) begynner", "when a leave (from programme or training) begins"),
          FT, (lov("17"), lov("35"))),
    _make("klage", PROGRAM, "Klage og utfall av klage", "Complaint and its outcome", None,
          T("når en klage er mottatt eller avgjort", "when a complaint is received or decided"), FT, (lov("47"),)),
    _make("avslutning", PROGRAM, "Avslutningsdato og årsak", "End date and reason", t_avslutning,
          T("når programmet er avsluttet", "when the programme has ended"), FT, (lov("13", 6),)),
    _make("utdanningsbakgrunn", OPPLAERING, "Utdanningsbakgrunn fra før", "Education before arrival", t_utdanning,
          T("ved vedtaket om opplæring (avgjør fristen på 18 måneder eller tre år, § 32 første ledd; utdanning på "
            "videregående nivå etter integreringsforskriften § 65a)",
            "at the training decision (it decides the 18-month or three-year limit, § 32 first paragraph; upper-secondary "
            "education as integreringsforskriften § 65a defines it)"), FT_VO,
          (lov("32", 1), forskrift("65a"), forskrift("47", 1))),  # § 47 first paragraph no. 2: «utdanning og realkompetanse»
    _make("norskmal_fastsetting", OPPLAERING, "Norskmål – fastsetting", "Norwegian goal – set", t_norskmal_fastsetting,
          T("når norskmålet først er fastsatt", "when the Norwegian goal is first set"), FT_VO, (lov("31"),)),
    _make("norskmal_endring", OPPLAERING, "Norskmål – endring", "Norwegian goal – changed", t_norskmal_endring,
          T("ved hver endring av norskmålet", "at each change of the Norwegian goal"), VO, (lov("31"),)),
    _make("opplaering_vedtak_og_startdato", OPPLAERING, "Vedtak og startdato (opplæring)", "Decision and start date (training)",
          t_opplaering_start, T("når opplæringen har startet", "when the training has started"), FT_VO, (lov("30"),)),
    _make("timer_og_fravaer", OPPLAERING, "Timer og fravær", "Hours and absence", t_opplaering_start,
          T("ved oppstart (første registrering; løpende registrering etterpå kontrolleres ikke)",
            "at the start (the first registration; later continuous registration is not checked)"), VO),
    _make("fulltid_videregaende", OPPLAERING, "Fulltid videregående opplæring", "Full-time upper secondary", t_vgs,
          T("når fulltid videregående opplæring begynner", "when full-time upper secondary begins"), FT, (lov("30", 2),)),
    _make("samfunnskunnskap", OPPLAERING, "Samfunnskunnskap", "Social studies", t_samfunnskunnskap,
          T("når opplæringen i samfunnskunnskap er gjennomført", "when the social-studies training is completed"), VO,
          (lov("33"),)),
)

assert tuple(r.id.rsplit(".", 1)[1] for r in NIR_REQUIREMENTS) == NIR_ITEMS
_ = Missing
