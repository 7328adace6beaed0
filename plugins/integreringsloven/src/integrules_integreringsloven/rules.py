"""The ordinary requirements of integreringsloven chapters 4 and 6 (rule checklist R1-R15)."""

from __future__ import annotations

import datetime as dt

import attrs

from integrules import Evaluation, Requirement, Missing, Outcome, Text, Unit, all_of, met, not_applicable, not_met, pending, unknown
from integrules import requirement as _requirement
from integrules.dates import add_months, age_on, parse_date
from integrules.model import PermitBasis, Sluttmal
from integrules.levels import Subtest

from . import facts as F
from . import klokker as K
from ._common import (
    ALDER_2025, ENDRINGSLOV_2025, FORSKRIFT_URL, IMDI_KARTLEGGING, IMDI_MALGRUPPE, IN_FORCE, LT_2025_35, OVERGANG_2025,
    REGIME, V2021, add_virkedager, by_date, fact, fmt, forskrift, leave_days, lov, setting, texts_for, under_texts,
    value_under_texts,
    veileder, virkedager,
)

KARRIERE_MYK = "integreringsloven.karriereveiledning_myk"
REVISJON = "integreringsloven.revisjon_intervall_maneder"
KAPASITET = "integreringsloven.foreldreveiledning_kapasitetsunntak"

T = Text


# -- gates -----------------------------------------------------------------------------------------


def _program_target(ctx) -> tuple[bool, Text]:
    value = fact(ctx, F.RETT_PROGRAM, F.rett_og_plikt_program)
    try:
        own, why = F.program_target(ctx.p, ctx.as_of, ctx)
    except Missing:
        own, why = None, None
    if own == value and why is not None:
        return value, why
    return value, T("vurdert av en annen regel for målgruppen", "as judged by another rule for the target group")


def _offer_group(ctx) -> Text | None:
    """The § 8 third paragraph group the person is in (one the municipality «kan» offer the programme to), under
    the text that governs; None when in none; Missing when the texts differ and which governs is not known."""
    basis = ctx.p.permit.basis
    if basis not in F.PARAGRAF_9 and basis is not PermitBasis.ANNEN_FAMILIEINNVANDRING:
        return None  # no group of § 8 third paragraph, whatever the dates
    seen: dict[bool, Text | None] = {}

    def one(text: str) -> bool:
        offer = _lawful_offer(ctx, text)
        seen.setdefault(offer is not None, offer)
        return offer is not None

    return seen[True] if value_under_texts(ctx, ctx.as_of, F.text_day(ctx.p, ctx.as_of), F.DECISION_PATH, one,
                                          section8=True) else None


def target_gate(ctx, *, participation: bool, offered: bool = False, decided: bool = False) -> Evaluation | None:
    """not_applicable outside the programme's target group (or, with ``participation``, when known not to take
    part); None when the requirement applies; Missing when that cannot be decided.

    ``offered``: the requirement binds the programme for every «deltager», so it also applies to someone outside
    § 8 first paragraph who takes part on an offer under § 8 third paragraph (§§ 13-16 say «deltagere»; only
    §§ 10-12 name § 8 first paragraph). Whether that offer had a lawful basis is integreringsloven.malgruppe."""
    prog = ctx.p.introduksjonsprogram
    if participation and prog is not None and prog.participates is False:
        return not_applicable("Deltar ikke i introduksjonsprogram.", "Does not take part in the introduction programme.")
    eligible, why = _program_target(ctx)
    if not eligible:
        if offered and _offer_group(ctx) is not None:
            prog = ctx.need(prog, "introduksjonsprogram")
            ctx.need(prog.participates, "introduksjonsprogram.participates")
            return None
        return not_applicable(f"Utenfor målgruppen for rett og plikt til introduksjonsprogram: {why.nb}.",
                              f"Outside the target group of the introduction programme: {why.en}.", lov("8"))
    if participation:
        prog = ctx.need(prog, "introduksjonsprogram")
        ctx.need(prog.participates, "introduksjonsprogram.participates")
    if decided:
        return undecided(ctx)
    return None


def undecided(ctx) -> Evaluation | None:
    """Pending when it is registered that no § 12 decision has been made (introduksjonsprogram.decision_made
    false): the programme is set in the decision (§§ 12-15), so what it must hold has nothing to be judged on
    yet; the late decision itself is integreringsloven.vedtak_og_oppstart's."""
    prog = ctx.p.introduksjonsprogram
    if prog is None or prog.decision_made is not False:
        return None
    return pending("Registrert at vedtak etter § 12 ikke er truffet ennå (introduksjonsprogram.decision_made = false): "
                   "programmet fastsettes i vedtaket, så det er ikke noe å vurdere ennå. Fristen for vedtaket vurderes "
                   "i integreringsloven.vedtak_og_oppstart.",
                   "Registered that no § 12 decision has been made yet (introduksjonsprogram.decision_made = false): the "
                   "programme is set in the decision, so there is nothing to judge yet. The decision's deadline is "
                   "judged in integreringsloven.vedtak_og_oppstart.")


def frist(ctx) -> dt.date:
    return fact(ctx, F.FRIST_VEDTAK, F.frist_vedtak)


def frist_plan(ctx) -> tuple[dt.date, Text]:
    """§ 15 first paragraph: the plan «samtidig som det treffes vedtak etter § 12»: due on the decision's day (plus
    the setting integreringsloven.samtidig_margin_dager) once the decision exists, else (known none) by the § 12
    deadline; unknown while it is not known whether the decision exists. On an offer under § 8 third paragraph,
    which has no § 12 deadline, only the decision can set it."""
    prog = ctx.p.introduksjonsprogram
    rett = fact(ctx, F.RETT_PROGRAM, F.rett_og_plikt_program)
    deadline = (lambda: frist(ctx)) if rett else (lambda: ctx.need(None, F.DECISION_PATH))
    return K.samtidig(ctx, prog.decision_date, prog.decision_made is False and rett, F.DECISION_PATH, deadline,
                      T("vedtaket etter § 12", "the § 12 decision"))


def _no_decision_on_offer(ctx) -> Evaluation | None:
    """On an offer under § 8 third paragraph (no § 12 deadline) with no decision made (registered as none): the plan
    and the contract come with the decision, so nothing is due yet."""
    prog = ctx.p.introduksjonsprogram
    if prog.decision_made is not False or fact(ctx, F.RETT_PROGRAM, F.rett_og_plikt_program):
        return None
    return pending("Tilbud etter § 8 tredje ledd uten vedtak ennå: planen og kontrakten skal lages samtidig med vedtaket "
                   "(§§ 15-16), og fristen i § 12 gjelder ikke.",
                   "An offer under § 8 third paragraph with no decision yet: the plan and the contract come with the "
                   "decision (§§ 15-16), and the § 12 deadline does not apply.")


def _plan_none(plan) -> bool:
    return plan is not None and plan.made is False


def opplaering_gate(ctx, *, plikt_too: bool) -> Evaluation | None:
    """not_applicable outside the target group of chapter 6 (rett og plikt, and with ``plikt_too`` the duty only)."""
    rett = fact(ctx, F.RETT_OPPLAERING, F.rett_og_plikt_opplaering)
    if rett:
        return None
    plikt = fact(ctx, F.PLIKT_OPPLAERING, F.plikt_opplaering)
    if plikt and plikt_too:
        return None
    try:
        why = F.opplaering_target(ctx.p, ctx.as_of)[1]
    except Missing:
        why = T("vurdert av en annen regel for målgruppen", "as judged by another rule for the target group")
    if plikt:
        return not_applicable(f"Gjelder bare personer med rett og plikt (§ 26 første ledd); {why.nb}.",
                              f"Applies only to people with the right and duty (§ 26 first paragraph); {why.en}.", lov("28"))
    return not_applicable(f"Utenfor målgruppen for opplæring i norsk og samfunnskunnskap: {why.nb}.",
                          f"Outside the target group of Norwegian and social-studies training: {why.en}.", lov("26"))


def _not_exempt(ctx, training, *, tests: bool = False) -> Evaluation | None:
    if ctx.need(training.exempt, "opplaering.exempt"):
        return not_applicable("Fritatt fra plikten til opplæring (§ 29).", "Exempt from the duty to training (§ 29).", lov("29"))
    if tests and ctx.need(training.test_exempt, "opplaering.test_exempt"):
        return not_applicable("Fritatt fra plikten til å avlegge prøver (§ 37 tredje ledd).",
                              "Exempt from the duty to take the tests (§ 37 third paragraph).", lov("37", 3))
    return None


def _county(ctx, training) -> Evaluation | None:
    if ctx.need(training.full_time_upper_secondary, "opplaering.full_time_upper_secondary"):
        return not_applicable("Fylkeskommunen har ansvaret for opplæringen (fulltid videregående, § 30 andre ledd).",
                              "The county authority is responsible for the training (full-time upper secondary, "
                              "§ 30 second paragraph).", lov("30", 2))
    return None


def _by_programme_end(ctx, what: Text) -> Evaluation:
    """Something due during the programme that is not done: pending while it runs, not met once it ended."""
    prog = ctx.p.introduksjonsprogram
    end = prog.end_date
    if end is None:
        # planned_end is no substitute: a programme may end early (at the goal, § 13 sixth paragraph), and then
        # «pending» would turn into «not met» once the end is registered. A running programme carries its decided
        # end as end_date (a date after as-of).
        planned = (f" (planlagt slutt {fmt(prog.planned_end)})", f" (planned end {fmt(prog.planned_end)})") \
            if prog.planned_end is not None else ("", "")
        return unknown(["introduksjonsprogram.end_date"],
                       f"{what.nb}: ikke gjennomført. Sluttdatoen er ikke registrert{planned[0]}: venter hvis programmet "
                       "varer, ikke oppfylt hvis det er avsluttet.",
                       f"{what.en}: not completed. The end date is not registered{planned[1]}: pending if the programme "
                       "still runs, not met if it has ended.")
    if ctx.happened(end):
        return not_met(f"{what.nb}: ikke gjennomført, programmet ble avsluttet {fmt(end)}.",
                       f"{what.en}: not completed; the programme ended {fmt(end)}.", due=end)
    return pending(f"{what.nb}: ikke gjennomført ennå; programmet varer til {fmt(end)}.",
                   f"{what.en}: not completed yet; the programme runs until {fmt(end)}.", due=end)


def _in_time(req_id: str, rule, when=None):
    """``rule``, except for a deadline that fell while another regime governed the participant and set this
    requirement aside (the fact integreringsloven.annet_regelverk, e.g. chapter 6A before its sunset): these
    rules were not in force for it then, so they do not judge it (Grunnloven § 97). ``when(ctx)`` gives the
    date for a requirement whose finding has no deadline (the plan's contents: the day it was made)."""
    def judge(ctx) -> Evaluation:
        ev = rule(ctx)
        due = ev.due if ev.due is not None or when is None else when(ctx)
        if due is None or not ctx.has_fact(F.ANNET_REGELVERK):
            return ev
        other = ctx.fact(F.ANNET_REGELVERK)
        if other is None or req_id not in other.set_aside or not other.start <= due < other.end:
            return ev
        last = other.end - dt.timedelta(days=1)
        return Evaluation(Outcome.NOT_APPLICABLE, T(
            f"Fristen (eller datoen) {fmt(due)} falt mens {other.title.nb} gjaldt for deltakeren ({fmt(other.start)}–"
            f"{fmt(last)}), som satte dette kravet til side. De ordinære reglene gjelder fra {fmt(other.end)} og "
            f"vurderer ikke det som falt før (Grunnloven § 97): det vurderes etter reglene som gjaldt da, med en "
            f"vurderingsdato før {fmt(other.end)}.",
            f"The deadline (or date) {fmt(due)} fell while {other.title.en} governed the participant "
            f"({fmt(other.start)}–{fmt(last)}), which set this requirement aside. The ordinary rules apply from "
            f"{fmt(other.end)} and do not judge what fell before (Grunnloven § 97): it is judged by the rules then in "
            f"force, with an as-of date before {fmt(other.end)}."), due=ev.due,
            references=(F.GRUNNLOVEN_97, *other.references))
    return judge


def requirement(*, when=None, **metadata):
    """The core decorator, with deadlines under an earlier regime left to it (:func:`_in_time`)."""
    def wrap(rule) -> Requirement:
        return _requirement(**metadata)(_in_time(metadata["id"], rule, when))
    return wrap


def _plan_made(ctx) -> dt.date | None:
    plan = ctx.p.integreringsplan
    return plan.created if plan is not None else None


COMMON = dict(regime=REGIME, valid_from=IN_FORCE)


# -- R1: the target group (§§ 8-9) -------------------------------------------------------------------

def _lawful_offer(ctx, text: str) -> Text | None:
    """The § 8 third paragraph group the municipality «kan» offer the programme to, or None."""
    permit = ctx.p.permit
    basis = permit.basis
    age = age_on(ctx.need(ctx.p.birth_date, "birth_date"), ctx.need(permit.granted, "permit.granted"))
    if age < 18:
        return None
    top = F.age_limit(text)
    if basis is PermitBasis.ANNEN_FAMILIEINNVANDRING:
        return T("familiegjenforent med andre enn personer med tillatelse etter § 9 første ledd bokstav f",
                 "reunited with family other than people with a permit under § 9 first paragraph letter f")
    if basis is PermitBasis.FAMILIEGJENFORENING and not K.paragraf_9f(permit)[0]:
        # The reference person had lived five years or more in a municipality: family of «andre enn» § 9 f's.
        return T("familiegjenforent med en referanseperson som hadde bodd fem år eller mer i en kommune (ikke § 9 første "
                 "ledd bokstav f)", "reunited with a reference person who had lived five years or more in a municipality "
                 "(not § 9 first paragraph letter f)")
    if basis not in F.PARAGRAF_9:
        return None
    if age > top:
        return T(f"over {top} år med tillatelse etter § 9", f"over {top} with a § 9 permit")
    if basis not in F.NO_AGREEMENT_NEEDED and ctx.need(ctx.p.settled_by_agreement, "settled_by_agreement") is False:
        return T("i målgruppen, men bosatt uten avtale med integreringsmyndighetene",
                 "in the target group but settled without an agreement with the integration authorities")
    return None


def _judge_decision(ctx, text: str, decision: dt.date) -> Evaluation:
    eligible, why = F.target_once(ctx, text, decision)
    day = fmt(decision)
    if eligible:
        return met(f"Vedtak {day}: personen har rett og plikt til programmet (§§ 8-9).",
                   f"Decision {day}: the person has the right and duty to the programme (§§ 8-9).")
    offer = _lawful_offer(ctx, text)
    if offer is None:
        return not_met(f"Vedtak om introduksjonsprogram {day} uten grunnlag i § 8: {why.nb}.",
                       f"Programme decision {day} with no basis in § 8: {why.en}.")
    months = F._months_lived(ctx.p, decision)
    if months < 24:
        return met(f"Vedtak {day}: tilbud etter § 8 tredje ledd ({offer.nb}); {months} måneder i en kommune ved vedtaket.",
                   f"Decision {day}: an offer under § 8 third paragraph ({offer.en}); {months} months in a municipality at "
                   "the decision.")
    return not_met(f"Vedtak {day}: tilbud etter § 8 tredje ledd ({offer.nb}), men personen hadde bodd i en kommune i "
                   f"{months} måneder; den som tilbys program, må ha bodd der i mindre enn to år (§ 8 tredje ledd).",
                   f"Decision {day}: an offer under § 8 third paragraph ({offer.en}), but the person had lived in a "
                   f"municipality for {months} months; whoever is offered the programme must have lived there less than "
                   "two years (§ 8 third paragraph).")


def _judge_malgruppe(ctx, text: str) -> Evaluation:
    prog = ctx.p.introduksjonsprogram
    if prog is None or prog.participates is None:
        # Whether there is a programme is unknown: only «in the group» settles it, whatever the programme: at the
        # registered decision (taking part) and with no decision under the texts of the as-of date (not taking
        # part, the branch below), so that filling in participates never turns «met» into another outcome.
        eligible, _ = F.target_once(ctx, text)
        if eligible:
            try:
                texts = texts_for(ctx, ctx.as_of, ctx.as_of, F.DECISION_PATH, section8=True)[0]
                eligible = all(F.target_once(ctx, t, None)[0] for t in texts)
            except Missing:
                eligible = False
        if eligible:
            return (met("Personen har rett og plikt til programmet (§§ 8-9), når vedtaket enn treffes.",
                                        "The person has the right and duty to the programme (§§ 8-9), whenever the "
                                        "decision is made."))
        raise Missing("introduksjonsprogram" if prog is None else "introduksjonsprogram.participates")
    decision = prog.decision_date
    if prog.participates:
        if decision is not None and ctx.happened(decision):
            return _judge_decision(ctx, text, decision)
        if decision is None and prog.decision_made is not False:  # a participant whose decision date is unknown
            eligible, _ = F.target_once(ctx, text)
            if eligible:
                return met("Personen har rett og plikt til programmet (§§ 8-9), når vedtaket enn treffes.",
                           "The person has the right and duty to the programme (§§ 8-9), whenever the decision is made.")
            raise Missing(F.DECISION_PATH)
    # Not taking part (a registered decision date does not matter then: nobody is in a programme without a
    # basis), or the decision lies after the as-of date.
    eligible, why = F.target_once(ctx, text, None)
    if eligible:
        return (met("Ikke i program ennå; personen har rett og plikt til programmet (§§ 8-9), så vedtak "
                                    "skal treffes innen fristen i § 12.",
                                    "Not in the programme yet; the person has the right and duty to the programme "
                                    "(§§ 8-9), so a decision is due by the § 12 deadline."))
    return (not_applicable(f"Ikke i program, og utenfor målgruppen for rett og plikt: {why.nb}.",
                                           f"Not in the programme, and outside the target group: {why.en}."))


@requirement(
    id="integreringsloven.malgruppe",
    title=T("Vedtak om program bare for målgruppen eller med lovlig tilbud", "Programme decisions only for the target group "
            "or on a lawful offer"),
    description=T(
        "Kommunen skal gi program til alle med rett og plikt (§ 8 første ledd, § 12; fristen er R4), og kan etter § 8 "
        "tredje ledd tilby det til innvandrere over 55 år med tillatelse etter § 9, til familiegjenforente med andre "
        "enn personer i § 9 første ledd bokstav f og til personer i målgruppen som er bosatt uten avtale. Rett og plikt: "
        "18-55 år da tillatelsen ble innvilget, tillatelse etter § 9 første ledd bokstav a-g, bosatt etter avtale "
        "(ikke for bokstav f og g, § 8 andre ledd), og under to år i en kommune når vedtaket treffes (§ 8 første ledd "
        "tredje punktum; vurdert ved fristen i § 12 når vedtaket kommer senere, fordi kommunens forsinkelse ikke tar "
        "bort retten). Den som tilbys program, må ha bodd i en kommune i mindre enn to år ved vedtaket (§ 8 tredje "
        "ledd). Oppfylt: vedtaket har grunnlag, eller personen har rett og plikt. Ikke oppfylt: vedtak uten grunnlag "
        "(tillatelse utenfor § 9 og tredje ledd, under 18 år, eller to år eller mer i en kommune). Gjelder ikke: intet "
        "vedtak og utenfor målgruppen, eller nordisk/EØS-borger. Teksten som gjaldt da vedtaket ble truffet (uten "
        "vedtak: på vurderingsdatoen) avgjør. Fra 01.01.2026 (LOV-2025-06-20-35, FOR-2025-06-20-1102; innstillingen "
        "integreringsloven.endringslov_2025_ikraft) gjelder § 8 fjerde ledd: første ledd gjelder ikke den som er i "
        "arbeid eller har tilbud om arbeid på minst 30 timer i uken (opplysningen work, vurdert på vedtaksdagen, uten "
        "vedtak på vurderingsdatoen; uten opplysningen «ukjent»), men gjelder likevel om arbeidet opphører innen to år "
        "i en kommune (første ledd tredje punktum). Aldersgrensen 18-60 år («fra og med 18 til og med 60 år», tredje "
        "ledd «over 60 år») er ikke i kraft (innstillingen integreringsloven.endringslov_2025_aldersgrense_ikraft, "
        "standard ikke_i_kraft): 18-55 gjelder. Familiegjenforening etter § 9 f forutsetter at "
        "referansepersonen hadde bodd i en kommune i mindre enn fem år før det ble søkt om familiegjenforening: det "
        "vurderes fra permit.reference_settled og permit.reunification_applied, og er ukjent uten dem (aldri lagt til "
        "grunn); fem år eller mer gir ikke rett og plikt, men kommunen kan tilby program etter § 8 tredje ledd.",
        "The municipality must give the programme to everyone with the right and duty (§ 8 first paragraph, § 12; the "
        "deadline is R4), and may under § 8 third paragraph offer it to immigrants over 55 with a § 9 permit, to people "
        "reunited with family other than people under § 9 first paragraph letter f, and to people in the target group "
        "settled without an agreement. Right and duty: aged 18-55 when the permit was granted, a permit under § 9 first "
        "paragraph letters a-g, settled by agreement (not for letters f and g, § 8 second paragraph), and under two "
        "years in a municipality when the decision is made (§ 8 first paragraph third sentence; judged at the § 12 "
        "deadline when the decision comes later, since the municipality's delay does not take the right away). Whoever "
        "is offered the programme must have lived in a municipality less than two years at the decision (§ 8 third "
        "paragraph). Met: the decision has a basis, or the person has the right and duty. Not met: a decision without a "
        "basis (a permit outside § 9 and the third paragraph, under 18, or two years or more in a municipality). Not "
        "applicable: no decision and outside the target group, or a Nordic/EEA citizen. The text in force when the "
        "decision was made (with none: on the as-of date) governs. From 01.01.2026 (LOV-2025-06-20-35, "
        "FOR-2025-06-20-1102; the setting integreringsloven.endringslov_2025_ikraft) § 8 fourth paragraph applies: the "
        "first paragraph does not apply to someone in work or offered work of at least 30 hours a week (the fact work, "
        "judged on the decision day, with no decision on the as-of date; without it «unknown»), but applies again if "
        "the work ends within two years in a municipality (first paragraph third sentence). The 18-60 age limit («fra og "
        "med 18 til og med 60 år», third paragraph «over 60 år») is not in force (the setting "
        "integreringsloven.endringslov_2025_aldersgrense_ikraft, default ikke_i_kraft): 18-55 applies. Family "
        "reunification under § 9 f requires the reference person to have lived in a municipality less than five years "
        "before family reunification was applied for: judged from permit.reference_settled and "
        "permit.reunification_applied, unknown without them (never assumed); five years or more gives no right and "
        "duty, but the municipality may offer the programme under § 8 third paragraph."),
    references=(lov("8", 1), lov("8", 2), lov("8", 3), lov("8", 4), lov("9", 1), lov("12", 2),
                veileder("Målgruppe for introduksjonsprogram etter integreringsloven", IMDI_MALGRUPPE),
                veileder("LOV-2025-06-20-35", LT_2025_35)),
    responsible=(Unit.FT,), settings=(ENDRINGSLOV_2025, ALDER_2025), checklist=("R1",), **COMMON)
def malgruppe(ctx) -> Evaluation:
    permit = ctx.need(ctx.p.permit, "permit")
    if ctx.need(permit.basis, "permit.basis") is PermitBasis.NORDISK_EOS:
        return not_applicable("Nordisk borger eller omfattet av EØS-avtalen: utenfor målgruppen (§ 8).",
                              "A Nordic citizen or covered by the EEA Agreement: outside the target group (§ 8).", lov("8", 4))
    return under_texts(ctx, F.text_day(ctx.p, ctx.as_of), F.DECISION_PATH, lambda text: _judge_malgruppe(ctx, text),
                       section8=True)


# -- R2, R3, R4 ------------------------------------------------------------------------------------


@requirement(
    id="integreringsloven.kompetansekartlegging",
    checklist=("R2",),
    title=T("Kompetansekartlegging etter bosetting", "Competence mapping after settlement"),
    description=T(
        "Personer i målgruppen for introduksjonsprogram har rett og plikt til kompetansekartlegging (§ 10), med mindre "
        "de ble kartlagt før bosetting (§ 6; registrer den kartleggingen her). Loven har ingen egen frist; IMDi sier at "
        "kartleggingen skal være gjort før vedtaket om program, så fristen er vedtaksfristen i § 12 (avledet frist, "
        "middels sikkerhet).",
        "People in the programme's target group have the right and duty to competence mapping (§ 10) unless mapped "
        "before settlement (§ 6; register that mapping here). The law sets no deadline of its own; IMDi says the "
        "mapping is done before the programme decision, so the deadline is the § 12 decision deadline (a derived "
        "deadline, medium confidence)."),
    references=(lov("10"), lov("12", 2), veileder("Kompetansekartlegging etter integreringsloven", IMDI_KARTLEGGING)),
    responsible=(Unit.FT,), confidence="medium", **COMMON)
def kompetansekartlegging(ctx) -> Evaluation:
    return target_gate(ctx, participation=False) or ctx.deadline(
        ctx.p.kompetansekartlegging, "kompetansekartlegging", frist(ctx), T("Kompetansekartlegging", "Competence mapping"))


@requirement(
    id="integreringsloven.karriereveiledning",
    checklist=("R3",),
    title=T("Karriereveiledning", "Career guidance"),
    description=T(
        "Personer som omfattes av § 8 første ledd, har rett og plikt til karriereveiledning, som bygger på "
        "kartleggingen og «bør» gjennomføres før vedtaket etter § 12 (§ 11 første ledd). «Bør» er ingen frist: med "
        "innstillingen integreringsloven.karriereveiledning_myk = true (standard) er veiledning etter vedtaksfristen "
        "oppfylt, og manglende veiledning venter så lenge programmet varer (frist: programmets sluttdato). Veiledningen "
        "skal tilpasse programmet (§ 11 andre ledd) og planen bygger på den (§ 15 andre ledd), så retten må oppfylles "
        "i programmet: er programmet avsluttet uten veiledning, er kravet ikke oppfylt (lest ut fra formålet, middels "
        "sikkerhet). Uten registrert sluttdato er utfallet ukjent; for den som ikke deltar i programmet, setter loven "
        "ingen frist, og kravet venter. Med false vurderes vedtaksfristen som en frist.",
        "People covered by § 8 first paragraph have the right and duty to career guidance, built on the mapping, which "
        "«bør» (should) be given before the § 12 decision (§ 11 first paragraph). «Bør» is no deadline: with the "
        "setting integreringsloven.karriereveiledning_myk = true (default) guidance after the decision deadline is met, "
        "and missing guidance is pending while the programme runs (due: the programme's end date). The guidance adapts "
        "the programme (§ 11 second paragraph) and the plan builds on it (§ 15 second paragraph), so the right is "
        "fulfilled within the programme: a programme that ended without guidance is not met (read from the purpose, "
        "medium confidence). With no end date registered the outcome is unknown; for someone not taking part the law "
        "sets no deadline and it stays pending. With false the decision deadline is judged as a deadline."),
    references=(lov("11", 1), lov("11", 2), lov("15", 2), lov("4", 3)), responsible=(Unit.FK, Unit.FT), settings=(KARRIERE_MYK,), **COMMON)
def karriereveiledning(ctx) -> Evaluation:
    gate = target_gate(ctx, participation=False)
    if gate:
        return gate
    due = frist(ctx)
    ev = ctx.deadline(ctx.p.karriereveiledning, "karriereveiledning", due, T("Karriereveiledning", "Career guidance"))
    if ev.outcome is Outcome.NOT_MET and setting(ctx, KARRIERE_MYK, True):
        event = ctx.p.karriereveiledning
        if event.done and ctx.happened(event.date):
            return met(f"Karriereveiledning gitt {fmt(event.date)}, etter vedtaksfristen {fmt(due)} (§ 11: «bør»).",
                       f"Career guidance given {fmt(event.date)}, after the decision deadline {fmt(due)} (§ 11: "
                       "«should»).", due=due)
        return _guidance_by_programme_end(ctx, due)
    return ev


def _guidance_by_programme_end(ctx, due: dt.date) -> Evaluation:
    """Guidance not given after the decision deadline (soft reading): owed while the programme runs, not met once
    it ended without it (§ 11 second paragraph: it adapts the programme; § 15 second paragraph: the plan builds on it)."""
    late = (f"Karriereveiledning ikke gitt; den burde vært gitt før vedtaksfristen {fmt(due)} (§ 11: «bør»)",
            f"Career guidance not given; it should have been given before the decision deadline {fmt(due)} "
            "(§ 11: «should»)")
    prog = ctx.need(ctx.p.introduksjonsprogram, "introduksjonsprogram")
    if not ctx.need(prog.participates, "introduksjonsprogram.participates"):
        return pending(f"{late[0]}. Deltar ikke i programmet, og loven setter ingen annen frist.",
                       f"{late[1]}. Does not take part in the programme, and the law sets no other deadline.")
    end = prog.end_date
    if end is None:
        return unknown(["introduksjonsprogram.end_date"],
                       f"{late[0]}. Programmets sluttdato er ikke registrert: venter hvis det varer, ikke oppfylt hvis "
                       "det er avsluttet.",
                       f"{late[1]}. The programme's end date is not registered: pending if it still runs, not met if it "
                       "has ended.")
    if ctx.happened(end):
        return not_met(f"{late[0]}, og programmet ble avsluttet {fmt(end)} uten den.",
                       f"{late[1]}, and the programme ended {fmt(end)} without it.", due=end)
    return pending(f"{late[0]}; retten gjelder i programmet, som varer til {fmt(end)}.",
                   f"{late[1]}; the right holds within the programme, which runs until {fmt(end)}.", due=end)


@requirement(
    id="integreringsloven.vedtak_og_oppstart",
    checklist=("R4",),
    title=T("Vedtak om og oppstart av introduksjonsprogram innen tre måneder",
            "Programme decision and start within three months"),
    description=T(
        "Kommunen skal treffe vedtak om og sørge for oppstart av programmet så snart som mulig og senest tre måneder "
        "etter bosetting eller krav om program (§ 12 andre ledd). Begge datoene må ligge innen fristen. Er det "
        "registrert at vedtak ikke er truffet (introduksjonsprogram.decision_made = false), er kravet ikke oppfylt når "
        "fristen er passert; uten dato og uten den opplysningen er det ukjent. Den som er registrert som ikke deltaker "
        "(f.eks. har avslått, § 3 tredje ledd), vurderes ikke.",
        "The municipality must decide on and start the programme as soon as possible and at the latest three months "
        "after settlement or the claim for the programme (§ 12 second paragraph). Both dates must be within the "
        "deadline. When it is registered that no decision has been made (introduksjonsprogram.decision_made = false), "
        "it is not met once the deadline has passed; with no date and no such fact it is unknown. Someone registered as "
        "not taking part (e.g. who refused, § 3 third paragraph) is not judged."),
    references=(lov("12", 2), lov("3", 3)), responsible=(Unit.FT,), **COMMON)
def vedtak_og_oppstart(ctx) -> Evaluation:
    gate = target_gate(ctx, participation=True)
    if gate:
        return gate
    due, prog = frist(ctx), ctx.p.introduksjonsprogram
    # decision_made false: known no decision, so past the deadline it is not met.
    none = prog.decision_made is False
    ev = all_of(K.ved(ctx, prog.decision_date, none, "introduksjonsprogram.decision_date", due, T("Vedtak", "Decision")),
                K.ved(ctx, prog.start_date, none, "introduksjonsprogram.start_date", due, T("Oppstart", "Start")))
    # Work that ended (§ 8 fourth paragraph): say from when the deadline ran, unless another rule set the date.
    try:
        why = F.frist_vedtak_grunn(ctx.p, ctx.as_of, ctx) if due == F.frist_vedtak(ctx.p, ctx.as_of, ctx) else None
    except Missing:
        why = None
    return ev if why is None else K.with_why(ev, why)


# -- R5: sluttmål and durations (§ 13) -----------------------------------------------------------------

_VGS_GOALS = (Sluttmal.ARBEID, Sluttmal.HOYERE_UTDANNING)
# A trade (fag- og yrkesopplæring) is a way to complete upper secondary.
_OTHER_GOALS = (Sluttmal.ARBEID, Sluttmal.GRUNNSKOLE, Sluttmal.DELER_AV_VIDEREGAENDE, Sluttmal.FULLFORT_VIDEREGAENDE,
                Sluttmal.FAG_OG_YRKESOPPLAERING)


def _age_at_goal(ctx, prog) -> int:
    birth = ctx.need(ctx.p.birth_date, "birth_date")
    return age_on(birth, ctx.need(prog.decision_date, "introduksjonsprogram.decision_date"))


_VGS_GOALS_2025 = (Sluttmal.ARBEID, Sluttmal.HOYERE_UTDANNING, Sluttmal.FAGSKOLE)
_OTHER_GOALS_2025 = (Sluttmal.ARBEID, Sluttmal.DELER_AV_VIDEREGAENDE, Sluttmal.FULLFORT_VIDEREGAENDE,
                     Sluttmal.FAG_OG_YRKESOPPLAERING)


def _judge_goal(goal: Sluttmal, allowed, group: Text) -> Evaluation:
    if goal in allowed:
        return met(f"Sluttmål «{goal.value}» passer for gruppen {group.nb}.",
                   f"End goal «{goal.value}» fits the group {group.en}.")
    return not_met(f"Sluttmål «{goal.value}» passer ikke for gruppen {group.nb}.",
                   f"End goal «{goal.value}» does not fit the group {group.en}.")


def _goal_2021(ctx, prog, goal: Sluttmal) -> Evaluation:
    education = ctx.need(ctx.p.education, "education")
    if education.upper_secondary_or_higher:
        allowed, group = _VGS_GOALS, T("videregående eller høyere utdanning (§ 13 andre ledd)",
                                       "upper secondary or higher education (§ 13 second paragraph)")
    elif _age_at_goal(ctx, prog) < 25:
        allowed, group = tuple(Sluttmal), T("under 25 år uten videregående (§ 13 tredje ledd)",
                                            "under 25 without upper secondary (§ 13 third paragraph)")
    else:
        allowed, group = _OTHER_GOALS, T("25 år eller eldre uten videregående (§ 13 fjerde ledd)",
                                         "25 or older without upper secondary (§ 13 fourth paragraph)")
    return _judge_goal(goal, allowed, group)


def _goal_2025(ctx, prog, goal: Sluttmal) -> Evaluation:
    """§ 13 first paragraph and § 14 first and third paragraphs as amended by LOV-2025-06-20-35."""
    education = ctx.need(ctx.p.education, "education")
    if _age_at_goal(ctx, prog) > 55:
        return _judge_goal(goal, (Sluttmal.ARBEID,), T(
            "over 55 år: programmet skal kvalifisere for arbeid (§ 13 første ledd / § 14 første ledd, LOV-2025-06-20-35)",
            "over 55: the programme shall qualify for work (§ 13 first paragraph / § 14 first paragraph, "
            "LOV-2025-06-20-35)"))
    if education.upper_secondary_or_higher:
        if goal in _FORMELL:
            # «yrkesfaglig rekvalifisering etter opplæringslova § 18-4» is allowed, but is no value of the model.
            return unknown(["introduksjonsprogram.sluttmal"], (
                f"Sluttmål «{goal.value}» med videregående fra før: § 13 første ledd (LOV-2025-06-20-35) tillater "
                "å forberede for yrkesfaglig rekvalifisering etter opplæringslova § 18-4, men modellen skiller ikke "
                "det fra andre mål i videregående opplæring. Vurderes manuelt."), (
                f"End goal «{goal.value}» with upper secondary already: § 13 first paragraph (LOV-2025-06-20-35) "
                "allows preparing for vocational requalification under opplæringslova § 18-4, but the model does not "
                "tell that apart from other upper-secondary goals. To be judged by hand."))
        return _judge_goal(goal, _VGS_GOALS_2025, T(
            "videregående eller høyere: arbeid eller utdanning over videregående nivå (§ 13 første ledd, "
            "LOV-2025-06-20-35)",
            "upper secondary or higher: work or education above upper secondary (§ 13 first paragraph, "
            "LOV-2025-06-20-35)"))
    return _judge_goal(goal, _OTHER_GOALS_2025, T(
        "uten videregående: formell opplæring på videregående nivå eller arbeid; under 25 år som hovedregel "
        "fullført videregående (§ 14 første og tredje ledd, LOV-2025-06-20-35)",
        "without upper secondary: formal upper-secondary education or work; under 25 as a rule completed upper "
        "secondary (§ 14 first and third paragraphs, LOV-2025-06-20-35)"))


@requirement(
    id="integreringsloven.sluttmal",
    checklist=("R5",),
    title=T("Sluttmål satt og i samsvar med utdanning og alder", "End goal set and consistent with education and age"),
    description=T(
        "Kommunen skal sette et sluttmål (§ 13 første ledd, 2021-teksten). Med videregående eller høyere utdanning: "
        "arbeid eller kvalifisere til høyere utdanning. Under 25 år uten videregående: som hovedregel fullført "
        "videregående, andre mål er tillatt. Øvrige: arbeid, (deler av) grunnskole eller videregående. Alder regnes "
        "ved vedtaket. Fagskole godtas ikke for gruppen med videregående (loven nevner «høyere utdanning»; kapittel 6A "
        "nevner høyere yrkesfaglig utdanning særskilt). Etter LOV-2025-06-20-35 (§ 13 første ledd, § 14 første og "
        "tredje ledd): med videregående eller høyere arbeid eller utdanning over videregående nivå (høyere utdanning "
        "og fagskole), eller yrkesfaglig rekvalifisering etter opplæringslova § 18-4, som modellen ikke har som verdi "
        "(et mål i videregående opplæring blir derfor «ukjent»); uten videregående arbeid, deler av eller fullført "
        "videregående (grunnskole er ikke lenger et sluttmål); over 55 år ved vedtaket bare arbeid. Gjelder også den "
        "som deltar etter tilbud etter § 8 tredje ledd. Programmet følger teksten som gjaldt på vedtaksdatoen (som "
        "varigheten: innstillingen integreringsloven.endringslov_2025_overgang = oppstart gir oppstartsdatoen). "
        "Ikrafttredelsen er innstillingen integreringsloven.endringslov_2025_ikraft (standard 2026-01-01, "
        "FOR-2025-06-20-1102); med «ukjent» vurderes begge tekstene etter 20.06.2025, og ulikt svar gir «ukjent». "
        "Fag- og yrkesopplæring er et mål i videregående opplæring (§ 14 femte ledd etter endringen; i 2021-teksten "
        "regnet som fullført videregående).",
        "The municipality must set an end goal (§ 13 first paragraph, 2021 text). With upper secondary or higher: "
        "work or qualifying for higher education. Under 25 without upper secondary: as a rule completed upper "
        "secondary, other goals allowed. Others: work, (part of) primary or upper secondary school. Age counts at the "
        "decision. Fagskole is not accepted for the upper-secondary group (the law says «høyere utdanning»; chapter "
        "6A names higher vocational education separately). As amended by LOV-2025-06-20-35 (§ 13 first paragraph, "
        "§ 14 first and third paragraphs): with upper secondary or higher, work or education above upper secondary "
        "(higher education and fagskole), or vocational requalification under opplæringslova § 18-4, which the model "
        "has no value for (an upper-secondary goal is therefore «unknown»); without upper secondary, work, part of or "
        "completed upper secondary (primary school is no longer an end goal); over 55 at the decision, work only. "
        "Applies also to whoever takes part on an offer under § 8 third paragraph. A programme follows the text in "
        "force on its decision date (as for the duration: the setting integreringsloven.endringslov_2025_overgang = "
        "oppstart gives its start date). The in-force date is the setting integreringsloven.endringslov_2025_ikraft "
        "(default 2026-01-01, FOR-2025-06-20-1102); with «ukjent» both texts are judged after 20.06.2025 and differing "
        "answers give «unknown». Vocational training (fag- og yrkesopplæring) is an upper-secondary goal (§ 14 fifth "
        "paragraph as amended; under the 2021 text counted as completed upper secondary)."),
    references=(lov("13", 1), lov("13", 2), lov("13", 3), lov("13", 4), lov("14", 1), lov("14", 3),
                veileder("LOV-2025-06-20-35", LT_2025_35)),
    responsible=(Unit.FT,), settings=(ENDRINGSLOV_2025, OVERGANG_2025), **COMMON)
def sluttmal(ctx) -> Evaluation:
    gate = target_gate(ctx, participation=True, offered=True, decided=True)
    if gate:
        return gate
    prog = ctx.p.introduksjonsprogram
    goal = ctx.need(prog.sluttmal, "introduksjonsprogram.sluttmal")
    day, path = _text_day(ctx, prog)

    def judge(text: str) -> Evaluation:
        return _goal_2021(ctx, prog, goal) if text == V2021 else _goal_2025(ctx, prog, goal)

    return under_texts(ctx, day, path, judge)


def _text_day(ctx, prog) -> tuple[dt.date | None, str]:
    """The day that decides which text of §§ 13-14 a programme follows: its decision (the setting
    integreringsloven.endringslov_2025_overgang = oppstart: its start); no transition rule was found."""
    if setting(ctx, OVERGANG_2025, "vedtaksdato") == "oppstart":
        return prog.start_date, "introduksjonsprogram.start_date"
    return prog.decision_date, "introduksjonsprogram.decision_date"


def _limits_2021(ctx, prog) -> tuple[int, int, int, Text]:
    """(minimum months, maximum months, maximum extension months, group) under § 13 (2021 text)."""
    education = ctx.need(ctx.p.education, "education")
    if education.upper_secondary_or_higher:
        return 3, 6, 6, T("videregående eller høyere: 3-6 måneder, forlengelse inntil 6",
                          "upper secondary or higher: 3-6 months, extension up to 6")
    goal = ctx.need(prog.sluttmal, "introduksjonsprogram.sluttmal")
    young = _age_at_goal(ctx, prog) < 25
    label = ("under 25 år", "under 25") if young else ("25 år eller eldre", "25 or older")
    if goal in (Sluttmal.FULLFORT_VIDEREGAENDE, Sluttmal.FAG_OG_YRKESOPPLAERING):  # a trade is completed upper secondary
        return 3, 36, 12, T(f"{label[0]}, mål fullført videregående: 3 måneder-3 år, forlengelse inntil 1 år",
                            f"{label[1]}, goal completed upper secondary: 3 months-3 years, extension up to 1 year")
    return 3, 24, 12, T(f"{label[0]}, andre mål: 3 måneder-2 år, forlengelse inntil 1 år",
                        f"{label[1]}, other goals: 3 months-2 years, extension up to 1 year")


# integreringsforskriften §§ 75-76 (FOR-2025-06-20-1154, in force 01.01.2026): the durations of §§ 13-14 as
# amended apply to participants offered the programme start «etter» these dates.
VARIGHET_13_FRA = dt.date(2026, 1, 1)  # § 75: § 13, upper secondary or higher
VARIGHET_14_FORMELL_FRA = dt.date(2025, 1, 1)  # § 76 first paragraph: § 14, formal upper-secondary education
VARIGHET_14_ARBEID_FRA = dt.date(2026, 1, 1)  # § 76 second paragraph: § 14, work-qualifying
OVERGANG_DAGEN = "integreringsloven.varighet_overgang_dagen_med"
# §§ 13-14 as amended: «inntil tolv måneder», «inntil tre år», «inntil fire år», «inntil fem år», «inntil to år».
MND_13 = 12
MND_14_DELER, MND_14_FULLFORT, MND_14_FAG, MND_14_ARBEID, MND_14_FORLENGELSE = 36, 48, 60, 24, 12
# Regulation §§ 10 and 19 (FOR-2025-09-17-1909, from 01.01.2026): absence, time off and leave «til sammen ... over
# ti virkedager» come in addition to the programme's duration.
FRAVAER_VIRKEDAGER = 10
_FORMELL = (Sluttmal.DELER_AV_VIDEREGAENDE, Sluttmal.FULLFORT_VIDEREGAENDE, Sluttmal.FAG_OG_YRKESOPPLAERING)


def _offered_after(ctx, prog, since: dt.date) -> bool:
    """Whether the programme start was offered «etter» ``since`` (regulation §§ 75-76): the offer is the decision
    (the setting integreringsloven.endringslov_2025_overgang = oppstart: the start); the day itself counts only with
    the setting integreringsloven.varighet_overgang_dagen_med."""
    day, path = _text_day(ctx, prog)
    day = ctx.need(day, path)
    return day >= since if setting(ctx, OVERGANG_DAGEN, True) else day > since


def _limits_2025(ctx, prog) -> tuple[int, int, int, Text]:
    """§§ 13-14 as amended by LOV-2025-06-20-35 for the programmes regulation §§ 75-76 bring under them; the 2021
    durations for the rest. No minimum; «inntil» only."""
    education = ctx.need(ctx.p.education, "education")
    if education.upper_secondary_or_higher:
        if not _offered_after(ctx, prog, VARIGHET_13_FRA):
            return _transitional(ctx, prog, "75", VARIGHET_13_FRA)
        return 0, MND_13, 0, T(f"videregående eller høyere: inntil {MND_13} måneder, ingen forlengelse (§ 13 tredje ledd, "
                               "forskriften § 75)",
                               f"upper secondary or higher: up to {MND_13} months, no extension (§ 13 third paragraph, "
                               "regulation § 75)")
    goal = ctx.need(prog.sluttmal, "introduksjonsprogram.sluttmal")
    if goal in _FORMELL and not _offered_after(ctx, prog, VARIGHET_14_FORMELL_FRA):
        return _transitional(ctx, prog, "76 første ledd", VARIGHET_14_FORMELL_FRA)
    if goal is Sluttmal.DELER_AV_VIDEREGAENDE:
        return 0, MND_14_DELER, MND_14_FORLENGELSE, T(
            "deler av videregående: inntil 3 år, forlengelse inntil 1 år (§ 14 fjerde ledd, forskriften § 76)",
            "part of upper secondary: up to 3 years, extension up to 1 year (§ 14 fourth paragraph, regulation § 76)")
    if goal is Sluttmal.FULLFORT_VIDEREGAENDE:
        return 0, MND_14_FULLFORT, MND_14_FORLENGELSE, T(
            "fullført videregående: inntil 4 år, forlengelse inntil 1 år (§ 14 fjerde ledd, forskriften § 76)",
            "completed upper secondary: up to 4 years, extension up to 1 year (§ 14 fourth paragraph, regulation § 76)")
    if goal is Sluttmal.FAG_OG_YRKESOPPLAERING:
        return 0, MND_14_FAG, 0, T(
            "fag- og yrkesopplæring: inntil 5 år, ingen forlengelse (§ 14 femte ledd, forskriften § 76)",
            "vocational training: up to 5 years, no extension (§ 14 fifth paragraph, regulation § 76)")
    if goal is Sluttmal.ARBEID:
        if not _offered_after(ctx, prog, VARIGHET_14_ARBEID_FRA):
            return _transitional(ctx, prog, "76 andre ledd", VARIGHET_14_ARBEID_FRA)
        return 0, MND_14_ARBEID, 0, T(
            "kvalifisere for arbeid: inntil 2 år, ingen forlengelse (§ 14 sjette ledd, forskriften § 76)",
            "qualify for work: up to 2 years, no extension (§ 14 sixth paragraph, regulation § 76)")
    # Primary school, higher education or fagskole without upper secondary: no group of § 14 as amended and no
    # transition rule: the durations the programme was decided with (2021).
    return _transitional(ctx, prog, None, None)


def _transitional(ctx, prog, section: str | None, since: dt.date | None) -> tuple[int, int, int, Text]:
    minimum, maximum, max_ext, group = _limits_2021(ctx, prog)
    if section is None:
        why = T("sluttmålet er ingen gruppe i § 14 etter LOV-2025-06-20-35: varigheten etter 2021-teksten",
                "the end goal is no group of § 14 as amended by LOV-2025-06-20-35: the duration of the 2021 text")
    else:
        why = T(f"tilbud om oppstart senest {fmt(since)}: varigheten etter 2021-teksten (forskriften § {section})",
                f"programme start offered by {fmt(since)}: the duration of the 2021 text (regulation § {section})")
    return minimum, maximum, max_ext, T(f"{group.nb}; {why.nb}", f"{group.en}; {why.en}")


def _judge_duration(ctx, limits, leave_rule: str) -> Evaluation:
    """The programme's planned and actual end against its limits. ``leave_rule`` "2021": approved leave is added
    in calendar days (§ 13 sixth paragraph as enacted); "2026": absence, time off and leave of more than ten
    working days in all are added in working days (regulation §§ 10 and 19 from 01.01.2026), asked for only
    when the end lies beyond the limit without them."""
    prog = ctx.p.introduksjonsprogram
    start = ctx.need(prog.start_date, "introduksjonsprogram.start_date")
    if not ctx.happened(start):
        return not_applicable(f"Programmet starter {fmt(start)}.", f"The programme starts {fmt(start)}.")
    minimum, maximum, max_ext, group = limits(ctx, prog)
    planned = ctx.need(prog.planned_end, "introduksjonsprogram.planned_end")
    extensions = [e for e in ctx.need(prog.extensions, "introduksjonsprogram.extensions") if ctx.happened(e.date)]
    ext = sum(e.months for e in extensions)
    base = add_months(start, maximum + min(ext, max_ext))
    end = prog.end_date
    added = ("", "")
    if leave_rule == "2021":
        limit = base + dt.timedelta(days=leave_days(ctx.need(prog.leaves, "introduksjonsprogram.leaves")))
    else:
        later = [planned] + ([end] if end is not None else [])
        if max(later) <= base and (end is not None or ctx.as_of <= base):
            limit = base  # within the limit whatever the absence: more would only extend it
        else:
            periods = (*ctx.need(prog.leaves, "introduksjonsprogram.leaves"),
                       *ctx.need(prog.absences, "introduksjonsprogram.absences"))
            days = virkedager(periods, start)
            limit = add_virkedager(base, days) if days > FRAVAER_VIRKEDAGER else base
            added = ((f"; fravær og permisjon {days} virkedager" + (" lagt til (forskriften §§ 10 og 19)"
                                                                   if days > FRAVAER_VIRKEDAGER else
                                                                   f", ikke over {FRAVAER_VIRKEDAGER}: ikke lagt til")),
                     (f"; absence and leave {days} working days" + (" added (regulation §§ 10 and 19)"
                                                                   if days > FRAVAER_VIRKEDAGER else
                                                                   f", not over {FRAVAER_VIRKEDAGER}: not added")))
    parts = []
    if ext > max_ext:
        parts.append(not_met(f"Forlenget med {ext} måneder; høyst {max_ext} ({group.nb}).",
                             f"Extended by {ext} months; at most {max_ext} ({group.en})."))
    for e in extensions:
        if e.expected_goal_attainment is None:
            parts.append(unknown(["introduksjonsprogram.extensions.expected_goal_attainment"]))
        elif not e.expected_goal_attainment:
            parts.append(not_met(f"Forlengelsen {fmt(e.date)} er ikke begrunnet med forventet måloppnåelse.",
                                 f"The extension of {fmt(e.date)} is not justified by expected goal attainment."))
    if planned > limit:
        parts.append(not_met(f"Planlagt slutt {fmt(planned)} er etter siste tillatte dag {fmt(limit)} ({group.nb}{added[0]}).",
                             f"Planned end {fmt(planned)} is after the last allowed day {fmt(limit)} ({group.en}{added[1]}).",
                             due=limit))
    if minimum and planned < add_months(start, minimum):
        parts.append(not_met(f"Planlagt varighet er kortere enn {minimum} måneder ({group.nb}).",
                             f"Planned duration is shorter than {minimum} months ({group.en})."))
    if end is not None and ctx.happened(end) and end > limit:
        parts.append(not_met(f"Programmet varte til {fmt(end)}, etter siste tillatte dag {fmt(limit)}.",
                             f"The programme ran until {fmt(end)}, after the last allowed day {fmt(limit)}.", due=limit))
    elif end is not None and end > limit and ctx.as_of > limit:  # an end registered ahead: still running past it
        parts.append(not_met(f"Programmet varer fortsatt ({fmt(ctx.as_of)}), etter siste tillatte dag {fmt(limit)}.",
                             f"The programme still runs ({fmt(ctx.as_of)}), after the last allowed day {fmt(limit)}.",
                             due=limit))
    elif end is None and ctx.as_of > limit:
        parts.append(unknown(["introduksjonsprogram.end_date"], due=limit))
    parts.append(met(f"Varighet innenfor rammen ({group.nb}{added[0]}); siste tillatte dag {fmt(limit)}.",
                     f"Duration within the limits ({group.en}{added[1]}); last allowed day {fmt(limit)}.", due=limit))
    return all_of(*parts)


_VARIGHET_2021 = dict(
    id="integreringsloven.varighet",
    checklist=("R5",),
    title=T("Programmets varighet og forlengelse", "The programme's duration and extensions"),
    description=T(
        "Varighet etter § 13 (2021-teksten): videregående eller høyere 3-6 måneder (+ inntil 6); under 25 uten "
        "videregående 3 måneder-3 år med mål fullført videregående, ellers 3 måneder-2 år (+ inntil 1 år); øvrige "
        "3 måneder-2 år, eller 3 år med mål fullført videregående (+ inntil 1 år). Forlengelse bare når deltakeren "
        "forventes å nå sluttmålet (§ 13 femte ledd). Godkjent permisjon legges til (§ 13 sjette ledd). Planlagt og "
        "faktisk sluttdato må ligge innen rammen.",
        "Duration under § 13 (2021 text): upper secondary or higher 3-6 months (+ up to 6); under 25 without upper "
        "secondary 3 months-3 years with the goal completed upper secondary, else 3 months-2 years (+ up to 1 year); "
        "others 3 months-2 years, or 3 years with the goal completed upper secondary (+ up to 1 year). Extension only "
        "when the participant is expected to reach the goal (§ 13 fifth paragraph). Approved leave is added (§ 13 "
        "sixth paragraph). The planned and actual end must be within the limits."),
    references=(lov("13", 2), lov("13", 3), lov("13", 4), lov("13", 5), lov("13", 6), lov("46", 2, "f")),
    responsible=(Unit.FT,), regime=REGIME, valid_from=IN_FORCE,
)


def _varighet(ctx) -> Evaluation:
    gate = target_gate(ctx, participation=True, offered=True, decided=True)
    if gate:
        return gate
    # The durations in force when judged (as_of): the 2021 text before LOV-2025-06-20-35, the amended §§ 13-14 with
    # the transitions of regulation §§ 75-76 after it (which reach back to offers made in 2025, § 76 first
    # paragraph), with absence and leave counted by regulation §§ 10 and 19.
    def judge(text: str) -> Evaluation:
        if text == V2021:
            return _judge_duration(ctx, _limits_2021, "2021")
        return _judge_duration(ctx, _limits_2025, "2026")

    return under_texts(ctx, ctx.as_of, "as_of", judge)


varighet = Requirement(
    evaluate=_in_time("integreringsloven.varighet", _varighet), settings=(ENDRINGSLOV_2025, OVERGANG_2025, OVERGANG_DAGEN),
    **{**_VARIGHET_2021, "description": T(
        "Varighet etter § 13 (2021-teksten): videregående eller høyere 3-6 måneder (+ inntil 6); under 25 uten "
        "videregående 3 måneder-3 år med mål fullført videregående, ellers 3 måneder-2 år (+ inntil 1 år); øvrige "
        "3 måneder-2 år, eller 3 år med mål fullført videregående (+ inntil 1 år). Forlengelse bare når deltakeren "
        "forventes å nå sluttmålet (§ 13 femte ledd). Godkjent permisjon legges til (§ 13 sjette ledd). Planlagt og "
        "faktisk sluttdato må ligge innen rammen. Fra 01.01.2026 (LOV-2025-06-20-35, FOR-2025-06-20-1102) gjelder "
        "§§ 13-14 slik de er endret, for programmer der tilbudet om oppstart (vedtaket) kom etter datoene i "
        "forskriften §§ 75-76: videregående eller høyere inntil 12 måneder uten forlengelse (tilbud etter 01.01.2026); "
        "uten videregående deler av videregående inntil 3 år (+ inntil 1), fullført videregående inntil 4 år (+ inntil "
        "1), fag- og yrkesopplæring inntil 5 år uten forlengelse (tilbud etter 01.01.2025), kvalifisere for arbeid "
        "inntil 2 år uten forlengelse (tilbud etter 01.01.2026); ingen minstevarighet. Andre programmer beholder "
        "2021-varigheten. Fravær, fri og permisjon som til sammen er over ti virkedager (lørdag, søndag og "
        "helligdager etter forskriften § 17 første ledd regnes ikke), kommer i tillegg (forskriften §§ 10 og 19 fra "
        "01.01.2026), i virkedager; de spørres etter bare når sluttdatoen ligger etter rammen uten dem. Teksten som "
        "gjelder på vurderingsdatoen avgjør. Innstillinger: integreringsloven.endringslov_2025_ikraft (standard "
        "2026-01-01), integreringsloven.endringslov_2025_overgang (tilbudet er vedtaket, standard; eller oppstarten) og "
        "integreringsloven.varighet_overgang_dagen_med (om et tilbud gitt selve dagen 01.01.2025/01.01.2026 er «etter»; "
        "standard nei).",
        "Duration under § 13 (2021 text): upper secondary or higher 3-6 months (+ up to 6); under 25 without upper "
        "secondary 3 months-3 years with the goal completed upper secondary, else 3 months-2 years (+ up to 1 year); "
        "others 3 months-2 years, or 3 years with the goal completed upper secondary (+ up to 1 year). Extension only "
        "when the participant is expected to reach the goal (§ 13 fifth paragraph). Approved leave is added (§ 13 "
        "sixth paragraph). The planned and actual end must be within the limits. From 01.01.2026 (LOV-2025-06-20-35, "
        "FOR-2025-06-20-1102) §§ 13-14 as amended apply to programmes whose start was offered (the decision) after "
        "the dates of regulation §§ 75-76: upper secondary or higher up to 12 months, no extension (offered after "
        "01.01.2026); without upper secondary, part of upper secondary up to 3 years (+ up to 1), completed upper "
        "secondary up to 4 years (+ up to 1), vocational training up to 5 years, no extension (offered after "
        "01.01.2025), qualifying for work up to 2 years, no extension (offered after 01.01.2026); no minimum. Other "
        "programmes keep the 2021 durations. Absence, time off and leave of more than ten working days in all "
        "(Saturdays, Sundays and the holidays of regulation § 17 first paragraph do not count) come in addition "
        "(regulation §§ 10 and 19 from 01.01.2026), in working days; they are asked for only when the end lies beyond "
        "the limit without them. The text in force on the as-of date governs. Settings: "
        "integreringsloven.endringslov_2025_ikraft (default 2026-01-01), integreringsloven.endringslov_2025_overgang "
        "(the offer is the decision, default; or the start) and integreringsloven.varighet_overgang_dagen_med (whether "
        "an offer made on the day itself, 01.01.2025/01.01.2026, is «after»; default no)."),
        "references": (*_VARIGHET_2021["references"], lov("14", 4), lov("14", 5), lov("14", 6), lov("18 a", 2),
                       forskrift("75", url=FORSKRIFT_URL.format("75")), forskrift("76", url=FORSKRIFT_URL.format("76")),
                       forskrift("10", url=FORSKRIFT_URL.format("10")), forskrift("19", url=FORSKRIFT_URL.format("19")),
                       forskrift("17", 1, url=FORSKRIFT_URL.format("17")), veileder("LOV-2025-06-20-35", LT_2025_35))})


# -- R8-R10: content (§ 14) ------------------------------------------------------------------------


@requirement(
    id="integreringsloven.fulltid",
    checklist=("R10",),
    title=T("Programmet er helårig og på fulltid", "The programme is full-time and all year"),
    description=T("Introduksjonsprogrammet skal være helårig og på fulltid (§ 14 fjerde ledd, 2021-teksten).",
                  "The introduction programme must be full-time and all year (§ 14 fourth paragraph, 2021 text)."),
    references=(lov("14", 4),), responsible=(Unit.FT,), **COMMON)
def fulltid(ctx) -> Evaluation:
    gate = target_gate(ctx, participation=True, offered=True, decided=True)
    if gate:
        return gate
    prog = ctx.p.introduksjonsprogram
    full, year = ctx.need(prog.full_time, "introduksjonsprogram.full_time"), ctx.need(prog.all_year, "introduksjonsprogram.all_year")
    if full and year:
        return met("Programmet er på fulltid og helårig.", "The programme is full-time and all year.")
    lacking = [w for w, ok in ((("fulltid", "full-time"), full), (("helårig", "all year"), year)) if not ok]
    return not_met("Programmet er ikke " + " og ".join(w[0] for w in lacking) + ".",
                   "The programme is not " + " and ".join(w[1] for w in lacking) + ".")


# integreringsforskriften § 4 third and fourth paragraphs: at least 10 hours of migration, health and diversity and 15
# of career competence; as amended by FOR-2025-09-17-1909 (in force 01.01.2026) 5 and 10 for participants with upper
# secondary or higher. The amending regulation's transition rule was not found: the setting LIVSMESTRING_FRA.
LIVSMESTRING_TIMER = 25  # 10 + 15
LIVSMESTRING_TIMER_VGS = 15  # 5 + 10, FOR-2025-09-17-1909
LIVSMESTRING_FRA = "integreringsloven.livsmestring_vgs_fra"
LIVSMESTRING_FRA_DEFAULT = "2026-01-01"


def _livsmestring_minimum(ctx) -> tuple[int, Text]:
    """The hours regulation § 4 requires for this participant, with why; Missing naming what decides it."""
    prog = ctx.p.introduksjonsprogram
    fra = parse_date(setting(ctx, LIVSMESTRING_FRA, LIVSMESTRING_FRA_DEFAULT))
    decision = ctx.need(prog.decision_date, "introduksjonsprogram.decision_date")
    if decision < fra:
        return LIVSMESTRING_TIMER, T(f"vedtak {fmt(decision)}, før {fmt(fra)}: minst 10 + 15 timer (forskriften § 4)",
                                     f"decision {fmt(decision)}, before {fmt(fra)}: at least 10 + 15 hours (regulation § 4)")
    if ctx.need(ctx.p.education, "education").upper_secondary_or_higher:
        return LIVSMESTRING_TIMER_VGS, T(
            "videregående eller høyere: minst 5 + 10 timer (forskriften § 4, FOR-2025-09-17-1909)",
            "upper secondary or higher: at least 5 + 10 hours (regulation § 4, FOR-2025-09-17-1909)")
    return LIVSMESTRING_TIMER, T("uten videregående: minst 10 + 15 timer (forskriften § 4)",
                                 "without upper secondary: at least 10 + 15 hours (regulation § 4)")


# § 14 a third paragraph (LOV-2025-06-20-35, in force 01.01.2026): in a programme that shall qualify for work,
# work-oriented elements «gjennomsnittlig minst utgjøre 15 timer i uken av programtiden etter tre måneder» (with upper
# secondary or higher), «etter seks måneder» (without).
ARBEIDSRETTET_TIMER = 15
ARBEIDSRETTET_ETTER_VGS, ARBEIDSRETTET_ETTER = 3, 6  # months in the programme


@requirement(
    id="integreringsloven.arbeidsrettede_elementer",
    checklist=("R10",),
    title=T("Arbeidsrettede elementer minst 15 timer i uken", "Work-oriented elements at least 15 hours a week"),
    description=T(
        "I et program som skal kvalifisere for arbeid (sluttmål arbeid), skal arbeidsrettede elementer i gjennomsnitt "
        "utgjøre minst 15 timer i uken av programtiden etter tre måneder i programmet for deltakere med utdanning på "
        "videregående nivå eller høyere, og etter seks måneder for andre (§ 14 a tredje ledd, LOV-2025-06-20-35 i "
        "kraft 01.01.2026). Praksis, deltidsarbeid, korte yrkes- eller bransjekurs og arbeidsmarkedstiltak i regi av "
        "Nav teller (fjerde ledd). Opplysningen er gjennomsnittlige timer i uken etter de første tre (seks) månedene "
        "(introduksjonsprogram.arbeidsrettede_timer_per_uke). Venter før tre (seks) måneder er gått. Gjelder "
        "programmer vedtatt fra ikrafttredelsen (innstillingene integreringsloven.endringslov_2025_ikraft og "
        "integreringsloven.endringslov_2025_overgang; ingen overgangsregel er funnet for § 14 a).",
        "In a programme that shall qualify for work (end goal work), work-oriented elements must average at least 15 "
        "hours a week of the programme time after three months in the programme for participants with "
        "upper-secondary education or higher, and after six months for others (§ 14 a third paragraph, "
        "LOV-2025-06-20-35 in force 01.01.2026). Work placement, part-time work, short vocational courses and NAV "
        "labour-market measures count (fourth paragraph). The fact is the average hours a week after the first three "
        "(six) months (introduksjonsprogram.arbeidsrettede_timer_per_uke). Pending before the three (six) months have "
        "passed. Applies to programmes decided from the in-force date (the settings "
        "integreringsloven.endringslov_2025_ikraft and integreringsloven.endringslov_2025_overgang; no transition rule "
        "was found for § 14 a)."),
    references=(lov("14 a", 3), lov("14 a", 4), lov("14", 6), veileder("LOV-2025-06-20-35", LT_2025_35)),
    responsible=(Unit.FT,), settings=(ENDRINGSLOV_2025, OVERGANG_2025), confidence="medium", **COMMON)
def arbeidsrettede_elementer(ctx) -> Evaluation:
    gate = target_gate(ctx, participation=True, offered=True, decided=True)
    if gate:
        return gate
    prog = ctx.p.introduksjonsprogram
    day, path = _text_day(ctx, prog)

    def judge(text: str) -> Evaluation:
        if text == V2021:
            return not_applicable("Programmet er vedtatt før § 14 a trådte i kraft (01.01.2026, LOV-2025-06-20-35).",
                                  "The programme was decided before § 14 a came into force (01.01.2026, "
                                  "LOV-2025-06-20-35).")
        goal = ctx.need(prog.sluttmal, "introduksjonsprogram.sluttmal")
        if goal is not Sluttmal.ARBEID:
            return not_applicable(f"Programmet skal ikke kvalifisere for arbeid (sluttmål «{goal.value}»).",
                                  f"The programme does not qualify for work (end goal «{goal.value}»).")
        start = ctx.need(prog.start_date, "introduksjonsprogram.start_date")
        if not ctx.happened(start):
            return not_applicable(f"Programmet starter {fmt(start)}.", f"The programme starts {fmt(start)}.")
        vgs = ctx.need(ctx.p.education, "education").upper_secondary_or_higher
        months = ARBEIDSRETTET_ETTER_VGS if vgs else ARBEIDSRETTET_ETTER
        since = add_months(start, months)
        group = ("med videregående eller høyere", "with upper secondary or higher") if vgs else \
            ("uten videregående", "without upper secondary")
        end = ctx.need(prog.end_date, "introduksjonsprogram.end_date")  # a running programme carries its decided end
        if end <= since and ctx.happened(end):
            return not_applicable(f"Programmet sluttet {fmt(end)}, før {months} måneder var gått.",
                                  f"The programme ended {fmt(end)}, before {months} months had passed.")
        if ctx.as_of <= since:
            return pending(f"Kravet gjelder etter {months} måneder i programmet ({group[0]}), fra {fmt(since)}.",
                           f"The requirement applies after {months} months in the programme ({group[1]}), from "
                           f"{fmt(since)}.", due=since)
        hours = ctx.need(prog.arbeidsrettede_timer_per_uke, "introduksjonsprogram.arbeidsrettede_timer_per_uke")
        if hours >= ARBEIDSRETTET_TIMER:
            return met(f"Arbeidsrettede elementer {hours:g} timer i uken i snitt etter {months} måneder ({group[0]}).",
                       f"Work-oriented elements {hours:g} hours a week on average after {months} months ({group[1]}).",
                       due=since)
        return not_met(f"Arbeidsrettede elementer {hours:g} timer i uken i snitt etter {months} måneder; minst "
                       f"{ARBEIDSRETTET_TIMER} ({group[0]}, § 14 a tredje ledd).",
                       f"Work-oriented elements {hours:g} hours a week on average after {months} months; at least "
                       f"{ARBEIDSRETTET_TIMER} ({group[1]}, § 14 a third paragraph).", due=since)

    return under_texts(ctx, day, path, judge)


@requirement(
    id="integreringsloven.livsmestring",
    checklist=("R8",),
    title=T("Kurs i livsmestring", "Course in life skills (livsmestring)"),
    description=T(
        "Programmet skal inneholde kurs i livsmestring (§ 14 første ledd bokstav c; § 14 a første ledd bokstav d fra "
        "01.01.2026). Forskriften § 4: minst 10 timer migrasjon, helse og mangfold og minst 15 timer karrierekompetanse "
        "skal tilbys, til sammen 25; etter FOR-2025-09-17-1909 (i kraft 01.01.2026) 5 + 10 = 15 for deltakere med "
        "utdanning på videregående nivå eller høyere. Endringsforskriftens overgangsregel er ikke funnet: 15 timer "
        "gjelder vedtak om program fra innstillingen integreringsloven.livsmestring_vgs_fra (standard 2026-01-01). "
        "Modellen har bare samlede timer: oppfylt når kurset er gjennomført med minst minstetimene. Ikke gjennomført: "
        "venter til programmets sluttdato, deretter ikke oppfylt; uten registrert sluttdato ukjent (et løpende "
        "program har sin vedtatte sluttdato; planlagt slutt er ingen erstatning, for programmet kan avsluttes "
        "tidligere). Gjelder alle deltakere, også etter tilbud etter § 8 tredje ledd.",
        "The programme must contain a course in life skills (§ 14 first paragraph letter c; § 14 a first paragraph "
        "letter d from 01.01.2026). Regulation § 4: at least 10 hours of migration, health and diversity and 15 hours "
        "of career competence are offered, 25 in all; as amended by FOR-2025-09-17-1909 (in force 01.01.2026) 5 + 10 = "
        "15 for participants with upper-secondary education or higher. The amending regulation's transition rule was "
        "not found: 15 hours apply to programme decisions from the setting integreringsloven.livsmestring_vgs_fra "
        "(default 2026-01-01). The model holds total hours only: met when the course was completed with at least the "
        "minimum. Not completed: pending until the programme's end date, then not met; with no end date registered, "
        "unknown (a running programme carries its decided end date; the planned end is no substitute, since the "
        "programme may end earlier). Applies to every participant, also on an offer under § 8 third paragraph."),
    references=(lov("14", 1, "c"), lov("14 a", 1, "d"), forskrift("4", 3, url=FORSKRIFT_URL.format("4")),
                forskrift("4", 4, url=FORSKRIFT_URL.format("4"))),
    responsible=(Unit.FT,), settings=(LIVSMESTRING_FRA,), **COMMON)
def livsmestring(ctx) -> Evaluation:
    gate = target_gate(ctx, participation=True, offered=True, decided=True)
    if gate:
        return gate
    course = ctx.need(ctx.p.livsmestring, "livsmestring")
    if ctx.need(course.done, "livsmestring.done"):
        day = ctx.need(course.date, "livsmestring.date")
        if ctx.happened(day):
            hours = ctx.need(course.hours, "livsmestring.hours")
            if hours >= LIVSMESTRING_TIMER:  # enough under every version
                return met(f"Livsmestring gjennomført {fmt(day)}, {hours:g} timer.", f"Life skills completed {fmt(day)}, {hours:g} hours.")
            try:
                minimum, why = _livsmestring_minimum(ctx)
            except Missing:
                if hours < LIVSMESTRING_TIMER_VGS:  # too few under every version
                    minimum, why = LIVSMESTRING_TIMER_VGS, T("minst 15 timer i alle tilfeller (forskriften § 4)",
                                                             "at least 15 hours in any case (regulation § 4)")
                else:
                    raise
            if hours >= minimum:
                return met(f"Livsmestring gjennomført {fmt(day)}, {hours:g} timer ({why.nb}).",
                           f"Life skills completed {fmt(day)}, {hours:g} hours ({why.en}).")
            return not_met(f"Livsmestring gjennomført {fmt(day)} med {hours:g} timer; {why.nb}.",
                           f"Life skills completed {fmt(day)} with {hours:g} hours; {why.en}.")
    return _by_programme_end(ctx, T("Livsmestring", "Life skills"))


@requirement(
    id="integreringsloven.foreldreveiledning",
    checklist=("R9",),
    title=T("Kurs i foreldreveiledning", "Parenting guidance course"),
    description=T(
        "Deltakere med barn under 18 år, eller som får barn i programmet, skal delta på foreldreveiledning (§ 14 andre "
        "ledd). Forskriften § 3 fjerde ledd: 8-12 gruppemøter eller 5-8 individuelle samtaler. Med innstillingen "
        "integreringsloven.foreldreveiledning_kapasitetsunntak = true (kommunen har vedtatt unntak av "
        "kapasitetshensyn) godtas ned til 4 gruppemøter eller 2 samtaler; standard er false. Ikke gjennomført: venter "
        "til programmets sluttdato, deretter ikke oppfylt; uten registrert sluttdato ukjent. Gjelder alle deltakere, "
        "også etter tilbud etter § 8 tredje ledd.",
        "Participants with children under 18, or who get a child during the programme, must take parenting guidance "
        "(§ 14 second paragraph). Regulation § 3 fourth paragraph: 8-12 group meetings or 5-8 individual sessions. "
        "With the setting integreringsloven.foreldreveiledning_kapasitetsunntak = true (the municipality has decided "
        "the capacity exception) down to 4 group meetings or 2 sessions are accepted; the default is false. Not "
        "completed: pending until the programme's end date, then not met; with no end date registered, unknown. "
        "Applies to every participant, also on an offer under § 8 third paragraph."),
    references=(lov("14", 2), forskrift("3", 4)), responsible=(Unit.FT,), settings=(KAPASITET,), **COMMON)
def foreldreveiledning(ctx) -> Evaluation:
    gate = target_gate(ctx, participation=True, offered=True, decided=True)
    if gate:
        return gate
    if not ctx.need(ctx.p.children_under_18, "children_under_18"):
        return not_applicable("Har ikke barn under 18 år.", "Has no children under 18.")
    course = ctx.need(ctx.p.foreldreveiledning, "foreldreveiledning")
    if ctx.need(course.done, "foreldreveiledning.done"):
        day = ctx.need(course.date, "foreldreveiledning.date")
        if ctx.happened(day):
            group = ctx.need(course.group, "foreldreveiledning.group")
            sessions = ctx.need(course.sessions, "foreldreveiledning.sessions")
            low, high = (8, 12) if group else (5, 8)
            if setting(ctx, KAPASITET, False):
                low = 4 if group else 2
            form = ("gruppemøter", "group meetings") if group else ("samtaler", "sessions")
            if low <= sessions <= high:
                return met(f"Foreldreveiledning gjennomført {fmt(day)}: {sessions} {form[0]}.",
                           f"Parenting guidance completed {fmt(day)}: {sessions} {form[1]}.")
            return not_met(f"Foreldreveiledning med {sessions} {form[0]}; forskriften § 3 krever {low}-{high}.",
                           f"Parenting guidance with {sessions} {form[1]}; regulation § 3 requires {low}-{high}.")
    return _by_programme_end(ctx, T("Foreldreveiledning", "Parenting guidance"))


# -- R6, R7: plan and contract (§§ 15-16) -------------------------------------------------------------


@requirement(
    id="integreringsloven.integreringsplan",
    checklist=("R6",),
    title=T("Integreringsplan samtidig med vedtaket", "Integration plan at the same time as the decision"),
    description=T(
        "Kommunen skal utarbeide integreringsplanen «samtidig som det treffes vedtak etter § 12» (§ 15 første ledd). "
        "Når vedtaket er truffet, er fristen vedtaksdagen (pluss innstillingen integreringsloven.samtidig_margin_dager, "
        "standard 0): en plan laget senere er for sen, også innenfor de tre månedene i § 12; en plan laget før vedtaket "
        "forelå da vedtaket ble truffet. Er det registrert at vedtak ikke er truffet (decision_made = false), er "
        "fristen vedtaksfristen i § 12 andre ledd; er det ukjent om vedtak er truffet, er utfallet ukjent. Et vedtak "
        "truffet for sent vurderes av kravet om vedtak og oppstart (R4), ikke her. For den som deltar etter tilbud "
        "etter § 8 tredje ledd, gjelder ikke fristen i § 12 andre ledd: bare vedtaket gir fristen. En plan registrert "
        "som ikke laget (integreringsplan.made = false) er ikke oppfylt når fristen er passert.",
        "The municipality draws up the integration plan «samtidig som det treffes vedtak etter § 12» (at the same time "
        "as the § 12 decision, § 15 first paragraph). Once the decision is made the plan is due that day (plus the "
        "setting integreringsloven.samtidig_margin_dager, default 0): a plan made later is late, even inside the three "
        "months of § 12; a plan made before the decision was there when it was made. When it is registered that no "
        "decision has been made (decision_made = false) the plan is due by the § 12 second paragraph deadline; when "
        "whether a decision is made is unknown, so is the outcome. A late decision is judged by the decision and start "
        "requirement (R4), not here. For someone taking part on an offer under § 8 third paragraph the § 12 deadline "
        "does not apply: only the decision sets the due date. A plan registered as not made (integreringsplan.made = "
        "false) is not met once it is due."),
    references=(lov("15", 1), lov("12", 2), lov("8", 3), lov("46", 2, "c")), responsible=(Unit.FT,),
    settings=(K.SAMTIDIG_MARGIN,), **COMMON)
def integreringsplan(ctx) -> Evaluation:
    gate = target_gate(ctx, participation=True, offered=True)
    if gate:
        return gate
    plan = ctx.p.integreringsplan
    not_due = _no_decision_on_offer(ctx)
    if not_due:
        return not_due
    due = frist_plan(ctx)
    if plan is None:
        return unknown(["integreringsplan"], due=due[0])
    return K.judge_samtidig(ctx, plan.created, plan.made is False, "integreringsplan.created", due,
                            T("Integreringsplan", "Integration plan"))


_CONTENTS = (
    ("sluttmal", "sluttmål", "end goal"), ("norskmal", "norskmål", "Norwegian goal"),
    ("omfang_norsk", "omfanget av norskopplæringen", "extent of Norwegian training"),
    ("omfang_samfunnskunnskap", "omfanget av samfunnskunnskap", "extent of social studies"),
    ("varighet", "varighet", "duration"), ("elementer", "elementene", "elements"),
    ("klagemuligheter", "klagemuligheter", "how to complain"),
    ("begrunnelse_elementer", "begrunnelse for elementene", "why these elements"),
)
# § 15 third paragraph as amended by LOV-2025-06-20-35 (in force 01.01.2026): «deltagerens langsiktige mål».
_LANGSIKTIGE_MAL = ("langsiktige_mal", "langsiktige mål", "long-term goals")


@requirement(
    id="integreringsloven.integreringsplan_innhold",
    checklist=("R6",),
    title=T("Integreringsplanens innhold", "The integration plan's contents"),
    description=T(
        "Planen skal minst inneholde sluttmål og norskmål, omfanget av opplæringen i norsk og samfunnskunnskap, "
        "varighet, elementene og klagemuligheter (§ 15 tredje ledd), begrunne de arbeids- eller utdanningsrettede "
        "elementene (fjerde ledd) og bygge på kompetansekartleggingen (andre ledd). Planer laget fra 01.01.2026 skal "
        "også inneholde deltakerens langsiktige mål (§ 15 tredje ledd etter LOV-2025-06-20-35; innstillingen "
        "integreringsloven.endringslov_2025_ikraft). Om norskmålet er riktig, vurderer norskmal-kravene.",
        "The plan must at least state the end goal and the Norwegian goal, the extent of Norwegian and social-studies "
        "training, the duration, the elements and how to complain (§ 15 third paragraph), justify the work- or "
        "education-oriented elements (fourth paragraph) and build on the competence mapping (second paragraph). "
        "Plans made from 01.01.2026 must also state the participant's long-term goals (§ 15 third paragraph as "
        "amended by LOV-2025-06-20-35; the setting integreringsloven.endringslov_2025_ikraft). Whether the Norwegian "
        "goal is right is for the norskmal requirements."),
    references=(lov("15", 2), lov("15", 3), lov("15", 4), veileder("LOV-2025-06-20-35", LT_2025_35)),
    responsible=(Unit.FT, Unit.VO), when=_plan_made, settings=(ENDRINGSLOV_2025,), **COMMON)
def integreringsplan_innhold(ctx) -> Evaluation:
    gate = target_gate(ctx, participation=True, offered=True)
    if gate:
        return gate
    plan = ctx.need(ctx.p.integreringsplan, "integreringsplan")
    if _plan_none(plan):
        return not_applicable("Registrert at integreringsplanen ikke er laget.", "Registered that the integration plan "
                              "has not been made.")
    created = ctx.need(plan.created, "integreringsplan.created")
    if not ctx.happened(created):
        return not_applicable("Integreringsplanen er ikke laget ennå.", "The integration plan has not been made yet.")
    contents = ctx.need(plan.contents, "integreringsplan.contents")

    def judge(text: str) -> Evaluation:
        items = _CONTENTS if text == V2021 else (*_CONTENTS, _LANGSIKTIGE_MAL)
        values = [(getattr(contents, name), nb, en, f"integreringsplan.contents.{name}") for name, nb, en in items]
        values.append((plan.based_on_kartlegging, "bygger på kartleggingen", "built on the mapping",
                       "integreringsplan.based_on_kartlegging"))
        lacking = [(nb, en) for value, nb, en, _ in values if value is False]
        if lacking:
            return not_met("Planen mangler: " + ", ".join(nb for nb, _ in lacking) + ".",
                           "The plan lacks: " + ", ".join(en for _, en in lacking) + ".")
        missing = [path for value, _, _, path in values if value is None]
        if missing:
            return unknown(missing)
        if text == V2021:
            return met("Planen har minsteinnholdet i § 15.", "The plan has the minimum contents of § 15.")
        return met("Planen har minsteinnholdet i § 15, også langsiktige mål (LOV-2025-06-20-35).",
                   "The plan has the minimum contents of § 15, long-term goals included (LOV-2025-06-20-35).")

    # The plan's contents follow the text in force when it was made: long-term goals from 01.01.2026.
    return under_texts(ctx, created, "integreringsplan.created", judge)


@requirement(
    id="integreringsloven.integreringsplan_revisjon",
    checklist=("R6",),
    title=T("Integreringsplanen vurderes jevnlig", "The integration plan is reviewed regularly"),
    description=T(
        "Planen skal vurderes jevnlig og ved vesentlig endring i livssituasjonen (§ 15 sjette ledd). Loven sier ikke "
        "hvor ofte: innstillingen integreringsloven.revisjon_intervall_maneder (standard 6) er lengste tillatte tid "
        "mellom to vurderinger mens programmet varer. Vesentlige endringer er ikke opplysninger i modellen.",
        "The plan must be reviewed regularly and at a significant change in the participant's life (§ 15 sixth "
        "paragraph). The law does not say how often: the setting integreringsloven.revisjon_intervall_maneder "
        "(default 6) is the longest time allowed between two reviews while the programme runs. Significant changes "
        "are not facts in the model."),
    references=(lov("15", 6),), responsible=(Unit.FT, Unit.VO), settings=(REVISJON,), confidence="low", **COMMON)
def integreringsplan_revisjon(ctx) -> Evaluation:
    gate = target_gate(ctx, participation=True, offered=True)
    if gate:
        return gate
    plan = ctx.need(ctx.p.integreringsplan, "integreringsplan")
    if _plan_none(plan):
        return not_applicable("Registrert at integreringsplanen ikke er laget.", "Registered that the integration plan "
                              "has not been made.")
    created = ctx.need(plan.created, "integreringsplan.created")
    if not ctx.happened(created):
        return not_applicable("Integreringsplanen er ikke laget ennå.", "The integration plan has not been made yet.")
    revisions = ctx.need(plan.revisions, "integreringsplan.revisions")
    months = int(setting(ctx, REVISJON, 6))
    end = ctx.p.introduksjonsprogram.end_date
    reviews = sorted({created, *(r.date for r in revisions if created < r.date and ctx.happened(r.date))})
    parts = []
    for last, following in zip(reviews, reviews[1:] + [None]):
        due = add_months(last, months)
        if following is not None:
            if following > due:
                parts.append(not_met(f"Vurdert {fmt(following)}, mer enn {months} måneder etter {fmt(last)}.",
                                     f"Reviewed {fmt(following)}, more than {months} months after {fmt(last)}.", due=due))
            continue
        if ctx.as_of <= due:
            parts.append(met(f"Sist vurdert {fmt(last)}; neste senest {fmt(due)}.",
                             f"Last reviewed {fmt(last)}; next at the latest {fmt(due)}.", due=due))
        elif end is None:
            parts.append(unknown(["introduksjonsprogram.end_date"], due=due))
        elif end <= due:
            parts.append(met(f"Sist vurdert {fmt(last)}; programmet sluttet {fmt(end)}.",
                             f"Last reviewed {fmt(last)}; the programme ended {fmt(end)}.", due=due))
        else:
            parts.append(not_met(f"Ikke vurdert siden {fmt(last)}; fristen {fmt(due)} er passert.",
                                 f"Not reviewed since {fmt(last)}; the deadline {fmt(due)} has passed.", due=due))
    return all_of(*parts)


@requirement(
    id="integreringsloven.integreringskontrakt",
    checklist=("R7",),
    title=T("Integreringskontrakt samtidig med planen", "Integration contract at the same time as the plan"),
    description=T(
        "Kommunen og deltakeren skal inngå en integreringskontrakt «samtidig som det utarbeides en integreringsplan» "
        "(§ 16 første ledd): når planen er laget, er fristen plandagen (pluss innstillingen "
        "integreringsloven.samtidig_margin_dager, standard 0). Er det registrert at planen ikke er laget "
        "(integreringsplan.made = false), er fristen planens egen frist (§ 15 første ledd: vedtaksdagen, eller "
        "vedtaksfristen i § 12 når vedtak ikke er truffet); uten plandato er utfallet ukjent.",
        "The municipality and the participant enter into an integration contract «samtidig som det utarbeides en "
        "integreringsplan» (at the same time as the plan is drawn up, § 16 first paragraph): once the plan is made, "
        "the contract is due that day (plus the setting integreringsloven.samtidig_margin_dager, default 0). When it is "
        "registered that the plan is not made (integreringsplan.made = false), it is due by the plan's own due date "
        "(§ 15 first paragraph: the decision's day, or the § 12 deadline when no decision is made); without the plan's "
        "date the outcome is unknown."),
    references=(lov("16", 1), lov("15", 1), lov("12", 2), lov("8", 3)), responsible=(Unit.FT,),
    settings=(K.SAMTIDIG_MARGIN,), **COMMON)
def integreringskontrakt(ctx) -> Evaluation:
    gate = target_gate(ctx, participation=True, offered=True)
    if gate:
        return gate
    not_due = _no_decision_on_offer(ctx)
    if not_due:
        return not_due
    plan = ctx.need(ctx.p.integreringsplan, "integreringsplan")
    # «samtidig som det utarbeides en integreringsplan»: the plan's day once it exists; with the plan known not made,
    # by the plan's own due date (§ 15 first paragraph).
    due = K.samtidig(ctx, plan.created, plan.made is False, "integreringsplan.created", lambda: frist_plan(ctx)[0],
                     T("integreringsplanen", "the integration plan"))
    contract = ctx.p.integreringskontrakt
    if contract is None:
        return unknown(["integreringskontrakt"], due=due[0])
    if contract.done is None:
        return unknown(["integreringskontrakt.done"], due=due[0])
    if contract.done and contract.date is None:
        return unknown(["integreringskontrakt.date"], due=due[0])
    return K.judge_samtidig(ctx, contract.date if contract.done else None, not contract.done, "integreringskontrakt",
                            due, T("Integreringskontrakt", "Integration contract"))


@requirement(
    id="integreringsloven.avslutning_registrert",
    checklist=("R16",),
    title=T("Sluttdato og avslutningsårsak registrert", "End date and end reason registered"),
    description=T(
        "Når programmet er avsluttet, skal sluttdato og avslutningsårsak være registrert (programmet avsluttes ved "
        "oppnådd sluttmål eller varighet, § 13 sjette ledd / § 18 a; registreringsplikt § 43). IMDi regner «ikke "
        "registrert» med i nevneren for direkte overgang. En tom årsak eller «Avslutningsårsak ikke registrert» er "
        "ikke oppfylt.",
        "When the programme has ended, the end date and the end reason must be registered (the programme ends at the "
        "goal or the duration, § 13 sixth paragraph / § 18 a; registration duty § 43). IMDi counts «not registered» "
        "in the denominator of direct transition. An empty reason or «Avslutningsårsak ikke registrert» is not met."),
    references=(lov("13", 6), lov("43", 2), veileder("Registrering i NIR – introduksjonsprogrammet",
                                                      "https://www.imdi.no/arkiv/arkiverte-nyheter/registrering-av-avslutningsarsak-i-nir/")),
    responsible=(Unit.FT,), confidence="medium", **COMMON)
def avslutning_registrert(ctx) -> Evaluation:
    prog = ctx.need(ctx.p.introduksjonsprogram, "introduksjonsprogram")
    if ctx.need(prog.participates, "introduksjonsprogram.participates") is False:
        return not_applicable("Deltar ikke i introduksjonsprogram.", "Does not take part in the introduction programme.")
    if prog.decision_made is False:
        return not_applicable("Registrert at vedtak etter § 12 ikke er truffet: programmet har ikke begynt og kan ikke "
                              "være avsluttet.", "Registered that no § 12 decision has been made: the programme has "
                              "not begun and cannot have ended.")
    end = ctx.need(prog.end_date, "introduksjonsprogram.end_date")
    if not ctx.happened(end):
        return not_applicable(f"Programmet er ikke avsluttet (planlagt slutt {fmt(end)}).",
                              f"The programme has not ended (planned end {fmt(end)}).")
    reason = ctx.need(prog.end_reason, "introduksjonsprogram.end_reason").strip()
    if not reason or reason.lower() == "avslutningsårsak ikke registrert":
        return not_met(f"Avsluttet {fmt(end)} uten registrert avslutningsårsak.", f"Ended {fmt(end)} with no end reason registered.")
    return met(f"Avsluttet {fmt(end)}, årsak registrert.", f"Ended {fmt(end)}, reason registered.")


# -- R11-R15: Norwegian and social studies (chapter 6) ----------------------------------------------------


@requirement(
    id="integreringsloven.norskopplaering_tilbud",
    checklist=("R11",),
    title=T("Tilbud om opplæring innen tre måneder", "Training offered within three months"),
    description=T(
        "Tilbud om opplæring i norsk og samfunnskunnskap skal gis så snart som mulig og senest tre måneder etter "
        "folkeregistrering i kommunen eller krav om deltakelse (§ 30 tredje ledd), til personer med rett og plikt "
        "eller plikt (§ 26 første og tredje ledd). Fritak etter § 29 gjelder plikten til å delta, ikke retten, og "
        "endrer ikke fristen. Fristen regnes fra folkeregistreringen når retten eller plikten hadde inntrådt da (§ 26 "
        "andre og fjerde ledd); inntrådte den senere, regnes den fra kravet, men aldri fra før retten inntrådte, som "
        "fristen i § 12. For § 9 d inntrer retten ved første fornyelse, som ikke er registrert: da er fristen ukjent. Er "
        "det registrert at tilbud ikke er gitt (opplaering.offered = false), er kravet ikke oppfylt når fristen er "
        "passert; uten dato og uten den opplysningen er det ukjent.",
        "The offer of Norwegian and social-studies training must be given as soon as possible and at the latest three "
        "months after folkeregistrering in the municipality or the claim (§ 30 third paragraph), to people with the "
        "right and duty or the duty (§ 26 first and third paragraphs). An exemption under § 29 concerns the duty to "
        "take part, not the right, and does not change the deadline. The deadline runs from folkeregistrering when "
        "the right or duty had arisen by then (§ 26 second and fourth paragraphs); when it arose later, from the "
        "claim, but never from before the right arose, like the § 12 deadline. Under § 9 d the right arises at the "
        "first renewal, which is not registered: the deadline is then unknown. When it is registered that no offer has "
        "been given (opplaering.offered = false), it is not met once the deadline has passed; with no date and no such "
        "fact it is unknown."),
    references=(lov("30", 3), lov("30", 1), lov("26", 2)), responsible=(Unit.VO, Unit.FT), **COMMON)
def norskopplaering_tilbud(ctx) -> Evaluation:
    gate = opplaering_gate(ctx, plikt_too=True)
    if gate:
        return gate
    due = fact(ctx, F.FRIST_OPPLAERING, F.frist_opplaering)
    training = ctx.p.opplaering
    if training is None:
        return unknown(["opplaering"], due=due)
    return K.ved(ctx, training.offer_date, training.offered is False, "opplaering.offer_date", due,
                 T("Tilbud om opplæring", "Training offer"))


@requirement(
    id="integreringsloven.norskplan",
    checklist=("R11",),
    title=T("Plan for opplæring i norsk og samfunnskunnskap", "Plan for Norwegian and social-studies training"),
    description=T(
        "For dem som ikke deltar i introduksjonsprogram skal kommunen lage en plan for opplæringen «samtidig som det "
        "treffes vedtak etter § 30» (§ 34; § 15 gjelder tilsvarende): når vedtaket er truffet, er fristen vedtaksdagen "
        "(pluss innstillingen integreringsloven.samtidig_margin_dager, standard 0); er det registrert at vedtak ikke "
        "er truffet (opplaering.decision_made = false), er fristen fristen for tilbud (§ 30 tredje ledd); ellers er "
        "utfallet ukjent uten vedtaksdato. Programdeltakere har "
        "planen i integreringsplanen (§ 15 sjuende ledd). Planen registreres i feltet integreringsplan. Gjelder ikke "
        "når fylkeskommunen har ansvaret (§ 34 tredje punktum).",
        "For those not in the introduction programme the municipality draws up a training plan «samtidig som det "
        "treffes vedtak etter § 30» (at the same time as the § 30 decision; § 34; § 15 applies correspondingly): once "
        "the decision is made, the plan is due that day (plus the setting integreringsloven.samtidig_margin_dager, "
        "default 0); when it is registered that no decision has been made (opplaering.decision_made = false), by the "
        "offer deadline (§ 30 third paragraph); otherwise unknown without the decision date. Programme "
        "participants have it in the integration plan (§ 15 seventh paragraph). The plan is registered in the "
        "integreringsplan field. Not when the county authority is responsible (§ 34 third sentence)."),
    references=(lov("34"), lov("15", 7), lov("30", 3)), responsible=(Unit.VO, Unit.FT), confidence="medium",
    settings=(K.SAMTIDIG_MARGIN,), **COMMON)
def norskplan(ctx) -> Evaluation:
    gate = opplaering_gate(ctx, plikt_too=True)
    if gate:
        return gate
    prog = ctx.need(ctx.p.introduksjonsprogram, "introduksjonsprogram")
    if ctx.need(prog.participates, "introduksjonsprogram.participates"):
        return not_applicable("Deltar i introduksjonsprogram: planen er en del av integreringsplanen (§ 15 sjuende ledd).",
                              "Takes part in the programme: the plan is part of the integration plan (§ 15 seventh paragraph).",
                              lov("15", 7))
    training = ctx.need(ctx.p.opplaering, "opplaering")
    county = _county(ctx, training)
    if county:
        return county
    # «samtidig som det treffes vedtak etter § 30»: the decision's day once it exists; known none: the § 30
    # deadline for the offer (the decision comes with it).
    due = K.samtidig(ctx, training.decision_date, training.decision_made is False, "opplaering.decision_date",
                     lambda: fact(ctx, F.FRIST_OPPLAERING, F.frist_opplaering), T("vedtaket etter § 30", "the § 30 decision"))
    plan = ctx.p.integreringsplan
    if plan is None:
        return unknown(["integreringsplan"], due=due[0])
    return K.judge_samtidig(ctx, plan.created, plan.made is False, "integreringsplan.created", due,
                            T("Norskplan", "Norwegian plan"))


@requirement(
    id="integreringsloven.norskopplaering_varighet",
    checklist=("R13",),
    title=T("Opplæring innenfor perioden med rett og plikt", "Training within the period of right and duty"),
    description=T(
        "Retten og plikten varer til minimumsnivået er nådd, men ikke lenger enn tre år (18 måneder med videregående "
        "fra før) med tillegg av godkjent permisjon (§ 32 første ledd). " + K.CLOCK.nb + " "
        "Venter: perioden varer fortsatt. Oppfylt: opplæringen startet innenfor perioden og perioden er over (om "
        "norskmålet ble nådd vurderer norskmal-kravene). Ikke oppfylt: perioden gikk ut uten "
        "at opplæringen startet. Plikten etter § 28 (§ 32 andre ledd, timetall) kan ikke vurderes: modellen har ikke "
        "timetall. "
        "Perioden varer til og med dagen med samme dato (domstolloven § 148 andre ledd).",
        "The right and duty lasts until the minimum level is reached, but no longer than three years (18 months with "
        "upper secondary) plus approved leave (§ 32 first paragraph). " + K.CLOCK.en + " Pending: the period still runs. Met: training started within the period and the period is over "
        "(whether the goal was reached is for the norskmal requirements). Not met: the "
        "period ran out without training starting. The § 28 duty (§ 32 second paragraph, hours) cannot be judged: the "
        "model holds no hours. The period lasts through the day with the same date (domstolloven § 148 second paragraph)."),
    references=(lov("32", 1), lov("26", 2), K.F74, K.LOV_2023_24, F.DOMSTOLLOVEN_148), responsible=(Unit.VO,),
    confidence="medium", settings=(K.OVERGANG_2023,), **COMMON)
def norskopplaering_varighet(ctx) -> Evaluation:
    gate = opplaering_gate(ctx, plikt_too=False)
    if gate:
        return gate
    training = ctx.need(ctx.p.opplaering, "opplaering")
    exempt = _not_exempt(ctx, training) or K.ikke_startet(ctx)
    if exempt:
        return exempt
    return K.with_telling(ctx, _judge_period(ctx, training))


def _judge_period(ctx, training) -> Evaluation:
    until = fact(ctx, F.OPPLAERING_TIL, F.opplaering_til)
    start = ctx.need(training.start_date, "opplaering.start_date")
    if not ctx.happened(start) or start > until:
        if ctx.as_of <= until:
            return pending(f"Opplæringen har ikke startet; retten og plikten varer til {fmt(until)}.",
                           f"Training has not started; the right and duty lasts until {fmt(until)}.", due=until)
        return not_met(f"Perioden med rett og plikt gikk ut {fmt(until)} uten at opplæringen startet innen den.",
                       f"The period of right and duty ended {fmt(until)} without training starting within it.", due=until)
    if ctx.as_of > until:
        return met(f"Opplæring startet {fmt(start)}, innenfor perioden som varer til {fmt(until)}.",
                   f"Training started {fmt(start)}, within the period lasting until {fmt(until)}.", due=until)
    return pending(f"Opplæring pågår innenfor perioden med rett og plikt, som varer til {fmt(until)}.",
                   f"Training is under way within the period of right and duty, lasting until {fmt(until)}.", due=until)


def _training_year(ctx) -> K.Klokke:
    """§ 33 first paragraph third sentence, § 37 second paragraph: one year from the offer to start, plus approved
    leave (LOV-2023-06-09-24, for the permits of integreringsforskriften § 74); else one year from when the right and
    duty arose, as the old text said (no leave named)."""
    return K.klokke(ctx, 12, leave_old=False)


@requirement(
    id="integreringsloven.samfunnskunnskap",
    checklist=("R14",),
    title=T("Samfunnskunnskap innen ett år", "Social studies within one year"),
    description=T(
        "Opplæringen i samfunnskunnskap (75 timer, på et språk deltakeren forstår) skal være gjennomført «innen ett år "
        "fra den datoen deltageren har fått tilbud om oppstart av opplæringen, med tillegg av godkjent permisjon» "
        "(§ 33 første ledd). " + K.CLOCK.nb + " Etter den gamle tellingen: ett år fra retten og plikten (eller plikten) "
        "inntrådte, uten permisjon. Gjelder ikke ved fritak (§ 29) eller når fylkeskommunen har ansvaret (§ 33 andre "
        "ledd). Året slutter dagen med samme dato (domstolloven § 148 andre ledd).",
        "Social-studies training (75 hours, in a language the participant understands) must be completed «innen ett år "
        "fra den datoen deltageren har fått tilbud om oppstart av opplæringen, med tillegg av godkjent permisjon» "
        "(within one year of the offer to start, plus approved leave; § 33 first paragraph). " + K.CLOCK.en + " Under "
        "the old counting: one year from when the right and duty (or the duty) arose, no leave. Not with an exemption "
        "(§ 29) or when the county authority is responsible (§ 33 second paragraph). The year ends on the day with the "
        "same date (domstolloven § 148 second paragraph)."),
    references=(lov("33", 1), lov("33", 2), lov("26", 2), K.F74, K.LOV_2023_24, F.DOMSTOLLOVEN_148), responsible=(Unit.VO,),
    settings=(K.OVERGANG_2023,), **COMMON)
def samfunnskunnskap(ctx) -> Evaluation:
    gate = opplaering_gate(ctx, plikt_too=True)
    if gate:
        return gate
    training = ctx.need(ctx.p.opplaering, "opplaering")
    skip = _not_exempt(ctx, training) or _county(ctx, training) or K.ikke_startet(ctx)
    if skip:
        return skip
    year = _training_year(ctx)
    return K.with_why(ctx.deadline(training.samfunnskunnskap, "opplaering.samfunnskunnskap", year.end,
                                   T("Samfunnskunnskap", "Social studies")), year.why(12))


@requirement(
    id="integreringsloven.samfunnskunnskapsprove",
    checklist=("R14",),
    title=T("Avsluttende prøve i samfunnskunnskap innen ett år", "Final social-studies test within one year"),
    description=T(
        "Personer med rett og plikt skal avlegge avsluttende prøve i samfunnskunnskap «innen ett år fra den datoen "
        "deltageren har fått tilbud om oppstart av opplæringen, med tillegg av godkjent permisjon» (§ 37 første og "
        "andre ledd), med mindre de er fritatt (§ 29, § 37 tredje ledd) eller fylkeskommunen har ansvaret. "
        + K.CLOCK.nb + " Etter den gamle tellingen: ett år fra retten og plikten inntrådte, uten permisjon.",
        "People with the right and duty must take the final social-studies test «innen ett år fra den datoen deltageren "
        "har fått tilbud om oppstart av opplæringen, med tillegg av godkjent permisjon» (within one year of the offer "
        "to start, plus approved leave; § 37 first and second paragraphs), unless exempt (§ 29, § 37 third paragraph) "
        "or the county authority is responsible. " + K.CLOCK.en + " Under the old counting: one year from when the "
        "right and duty arose, no leave."),
    references=(lov("37", 1), lov("37", 2), lov("37", 4), K.F74, K.LOV_2023_24), responsible=(Unit.VO,),
    settings=(K.OVERGANG_2023,), **COMMON)
def samfunnskunnskapsprove(ctx) -> Evaluation:
    gate = opplaering_gate(ctx, plikt_too=False)
    if gate:
        return gate
    training = ctx.need(ctx.p.opplaering, "opplaering")
    skip = _not_exempt(ctx, training, tests=True) or _county(ctx, training) or K.ikke_startet(ctx)
    if skip:
        return skip
    year = _training_year(ctx)
    return K.with_why(ctx.deadline(training.samfunnskunnskapsprove, "opplaering.samfunnskunnskapsprove", year.end,
                                   T("Prøve i samfunnskunnskap", "Social-studies test")), year.why(12))


@requirement(
    id="integreringsloven.avsluttende_norskprove",
    checklist=("R15",),
    title=T("Avsluttende prøve i norsk", "Final Norwegian test"),
    description=T(
        "Personer med rett og plikt skal gå opp til avsluttende prøve i norsk, og kommunen skal sørge for at prøven "
        "blir gjennomført (§ 37 første og fjerde ledd), med mindre de er fritatt. Loven har ingen frist; her regnes "
        "slutten av perioden med rett og plikt (§ 32, regnet fra tilbudsdatoen for tillatelsene i "
        "integreringsforskriften § 74) som frist. Gjennomført = et resultat (også «ikke nok grunnlag») "
        "i alle fire delprøver. Resultatet mot norskmålet vurderer norskmal-kravene.",
        "People with the right and duty must take the final Norwegian test and the municipality must see that they "
        "do (§ 37 first and fourth paragraphs), unless exempt. The law sets no deadline; here the end of the period "
        "of right and duty (§ 32, counted from the offer date for the permits of integreringsforskriften § 74) is the "
        "deadline. Taken = a result (including «not enough basis») in all four "
        "sub-tests. The result against the Norwegian goal is for the norskmal requirements."),
    references=(lov("37", 1), lov("37", 4), lov("32", 1), K.F74), responsible=(Unit.VO,), confidence="medium",
    settings=(K.OVERGANG_2023,), **COMMON)
def avsluttende_norskprove(ctx) -> Evaluation:
    gate = opplaering_gate(ctx, plikt_too=False)
    if gate:
        return gate
    training = ctx.need(ctx.p.opplaering, "opplaering")
    skip = _not_exempt(ctx, training, tests=True) or K.ikke_startet(ctx)
    if skip:
        return skip
    due = fact(ctx, F.OPPLAERING_TIL, F.opplaering_til)
    results = ctx.need(ctx.p.test_results, "test_results")
    taken = {r.subtest: r.date for r in sorted(results, key=lambda r: r.date, reverse=True) if ctx.happened(r.date)}
    if all(s in taken for s in Subtest):
        day = max(taken.values())
        if day <= due:
            return met(f"Alle delprøver avlagt, sist {fmt(day)}.", f"All sub-tests taken, the last {fmt(day)}.", due=due)
        return not_met(f"Delprøvene ble avlagt {fmt(day)}, etter perioden med rett og plikt ({fmt(due)}).",
                       f"The sub-tests were taken {fmt(day)}, after the period of right and duty ({fmt(due)}).", due=due)
    if ctx.as_of <= due:
        return pending(f"Ikke alle delprøver avlagt ennå; frist {fmt(due)}.", f"Not all sub-tests taken yet; due {fmt(due)}.", due=due)
    return not_met(f"Ikke alle delprøver avlagt innen {fmt(due)}.", f"Not all sub-tests taken by {fmt(due)}.", due=due)


REQUIREMENTS = (
    malgruppe, kompetansekartlegging, karriereveiledning, vedtak_og_oppstart, sluttmal, varighet, fulltid,
    arbeidsrettede_elementer, livsmestring,
    foreldreveiledning, integreringsplan, integreringsplan_innhold, integreringsplan_revisjon, integreringskontrakt,
    avslutning_registrert, norskopplaering_tilbud, norskplan, norskopplaering_varighet, samfunnskunnskap,
    samfunnskunnskapsprove, avsluttende_norskprove,
)
