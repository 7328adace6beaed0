"""Who the ordinary rules apply to, and the dates they run from: the regime (§ 51, forskrift § 72),
the target groups (§§ 8-9, 26-28) and the deadlines (§§ 12, 26, 30, 32) as derived facts.

Every function takes ``(participant, as_of, ctx)`` like :class:`~integrules.DerivedFact.compute`
and raises :class:`~integrules.Missing` naming the facts it lacks; none of them guesses.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable

import attrs

from integrules import DerivedFact, LegalRef, Missing, RegimeDecision, Text
from integrules.dates import add_months, age_on
from integrules.model import Education, PermitBasis

from . import klokker
from ._common import (
    ENDRINGSLOV_2025, IMDI_F12, IMDI_MALGRUPPE, IMDI_NY_LOV, IN_FORCE, OLD_REGIME, REGIME, SANKSJON_2025, V2021,
    V2025_ALDER, fmt, forskrift, ikraft_2025, lov, value_under_texts, veileder,
)

PLUGIN_NAME = "integreringsloven"

RETT_PROGRAM = "integreringsloven.rett_og_plikt_program"
RETT_OPPLAERING = "integreringsloven.rett_og_plikt_opplaering"
PLIKT_OPPLAERING = "integreringsloven.plikt_opplaering"
FRIST_VEDTAK = "integreringsloven.frist_vedtak"
FRIST_OPPLAERING = "integreringsloven.frist_opplaering"
OPPLAERING_FRA = "integreringsloven.rett_og_plikt_opplaering_fra"
OPPLAERING_TIL = "integreringsloven.rett_og_plikt_opplaering_til"
ANNET_REGELVERK = "integreringsloven.annet_regelverk"

# How a period of months or years is counted (the general rule): through the day with the same date.
DOMSTOLLOVEN_148 = LegalRef("domstolloven", "§ 148", ledd=2, url="https://lovdata.no/lov/1915-08-13-5/§148")
# No law is given retroactive effect: a deadline is judged by the rules in force when it fell due.
GRUNNLOVEN_97 = LegalRef("Grunnloven", "§ 97", url="https://lovdata.no/lov/1814-05-17/§97")

# § 9 first paragraph letters a-g, as the model names the permit bases.
PARAGRAF_9 = {
    PermitBasis.FLYKTNING: "a", PermitBasis.OVERFORINGSFLYKTNING: "b",
    PermitBasis.OPPHOLD_ETTER_BESKYTTELSESSOKNAD: "c", PermitBasis.BARNEFAMILIE: "d",
    PermitBasis.KOLLEKTIV_BESKYTTELSE: "e", PermitBasis.FAMILIEGJENFORENING: "f",
    PermitBasis.MENNESKEHANDEL_ELLER_VOLD: "g",
}
NO_AGREEMENT_NEEDED = (PermitBasis.FAMILIEGJENFORENING, PermitBasis.MENNESKEHANDEL_ELLER_VOLD)  # § 8 second para
PLIKT_ONLY = (PermitBasis.ARBEID, PermitBasis.STUDIER_ELLER_ANNET)  # § 28: utl. §§ 23 and 25

need = lambda value, path: _need(value, path)  # noqa: E731


def _need(value, path):
    if value is None:
        raise Missing(path)
    return value


# -- regime (R18) --------------------------------------------------------------------------------

R51 = lov("51")
F72 = forskrift("72", url=IMDI_F12)
NY_LOV = veileder("Ny lov om integrering", IMDI_NY_LOV)


def decide_regime(p, as_of: dt.date) -> RegimeDecision:
    """§ 51 first sentence with integreringsforskriften § 72 (R18)."""
    refs = (R51, F72)

    def decision(regime, nb, en, *extra_refs):
        return RegimeDecision(regime=regime, reason=Text(nb, en), references=refs + extra_refs, plugin=PLUGIN_NAME)

    def missing(*paths):
        return RegimeDecision(regime=None, missing=tuple(sorted(paths)), references=refs, plugin=PLUGIN_NAME,
                              reason=Text("Mangler opplysninger for å avgjøre regelverket (integreringsloven § 51, "
                                          "integreringsforskriften § 72): " + ", ".join(sorted(paths)) + ".",
                                          "Facts missing to decide the rules (integreringsloven § 51, "
                                          "integreringsforskriften § 72): " + ", ".join(sorted(paths)) + "."))

    if p.started_under_introduksjonsloven is True:
        return decision(OLD_REGIME,
                        "Programmet eller opplæringen ble påbegynt etter introduksjonsloven, som fortsatt gjelder "
                        "(integreringsforskriften § 72 andre ledd).",
                        "The programme or training began under introduksjonsloven, which still applies "
                        "(integreringsforskriften § 72 second paragraph).", NY_LOV)
    if p.permit is None:
        return missing("permit")
    permit = p.permit
    if permit.basis is PermitBasis.NORDISK_EOS:
        if p.started_under_introduksjonsloven is None:
            # Known, the old law's continuation would win (§ 72): without it, nothing is decided.
            return missing("started_under_introduksjonsloven")
        return decision(REGIME,
                        "Nordisk borger eller omfattet av EØS-avtalen: integreringsloven gjelder, men personen er "
                        "utenfor målgruppene for introduksjonsprogram og opplæring (§ 8 fjerde ledd, §§ 26-28).",
                        "A Nordic citizen or covered by the EEA Agreement: integreringsloven applies, but the person "
                        "is outside the target groups of the programme and the training (§ 8 fourth paragraph, "
                        "§§ 26-28).", lov("8", 4))
    if permit.granted is None:
        return missing("permit.granted")
    if permit.granted >= IN_FORCE or (permit.applied_from_abroad is True and permit.arrival is not None
                                      and permit.arrival >= IN_FORCE):
        if p.started_under_introduksjonsloven is None:
            return missing("started_under_introduksjonsloven")
        if permit.granted >= IN_FORCE:
            return decision(REGIME, f"Oppholdstillatelsen ble innvilget {fmt(permit.granted)}, etter at "
                                    "integreringsloven trådte i kraft 01.01.2021 (§ 51).",
                            f"The residence permit was granted {fmt(permit.granted)}, after integreringsloven came "
                            "into force on 01.01.2021 (§ 51).")
        return decision(REGIME, f"Tillatelsen ble innvilget {fmt(permit.granted)} etter søknad fra utlandet, og "
                                f"personen kom til Norge {fmt(permit.arrival)}, etter 01.01.2021 "
                                "(integreringsforskriften § 72 første ledd).",
                        f"The permit was granted {fmt(permit.granted)} on an application from abroad, and the person "
                        f"arrived in Norway {fmt(permit.arrival)}, after 01.01.2021 (integreringsforskriften § 72 "
                        "first paragraph).")
    # Granted before 2021: the old law, unless applied from abroad and arrived from 2021.
    if permit.arrival is not None and permit.arrival < IN_FORCE:
        pass  # arrived before 2021: the old law whatever the application route
    elif permit.applied_from_abroad is None:
        return missing("permit.applied_from_abroad")
    elif permit.applied_from_abroad and permit.arrival is None:
        return missing("permit.arrival")
    if permit.basis is None:
        # A Nordic or EEA citizen (who has no permit) is under integreringsloven whatever the date above:
        # the old law only for a known other basis.
        return missing("permit.basis")
    return decision(OLD_REGIME, f"Oppholdstillatelsen ble innvilget {fmt(permit.granted)}, før 01.01.2021, og "
                                "personen kom ikke til Norge etter søknad fra utlandet etter den datoen: "
                                "introduksjonsloven gjelder (§ 51, integreringsforskriften § 72).",
                    f"The residence permit was granted {fmt(permit.granted)}, before 01.01.2021, and the person did "
                    "not arrive after that date on an application from abroad: introduksjonsloven applies (§ 51, "
                    "integreringsforskriften § 72).")


# -- the programme's target group (R1) and the § 12 deadline ------------------------------------------


def frist_vedtak(p, as_of, ctx=None) -> dt.date:
    """§ 12 second paragraph: three months after settlement, or after the claim for those not settled
    by agreement (§ 8 second paragraph: letters f and g; § 8 third paragraph). When work of at least 30 hours a
    week kept the person out of § 8 first paragraph on that deadline and ended within the two years, the right
    comes back (§ 8 fourth paragraph second sentence) and the deadline runs as the setting
    integreringsloven.frist_vedtak_etter_arbeid says (:func:`etter_arbeid`)."""
    return _frist_vedtak(p, as_of, ctx)[0]


def _ordinary_deadline(p) -> dt.date:
    settled = need(p.settlement_date, "settlement_date")
    agreement = need(p.settled_by_agreement, "settled_by_agreement")
    if agreement:
        return add_months(settled, 3)
    claim = need(p.claim_date, "claim_date")
    return add_months(max(settled, claim), 3)


def _frist_vedtak(p, as_of, ctx) -> tuple[dt.date, Text | None]:
    ordinary = _ordinary_deadline(p)
    returned = etter_arbeid(p, ordinary, ctx)
    if returned is None:
        return ordinary, None
    back, job = returned
    reading = klokker.frist_etter_arbeid(ctx)
    lead = (f"Arbeid på {job.hours_per_week:g} timer i uken holdt personen utenfor § 8 første ledd ved fristen "
            f"{fmt(ordinary)} og opphørte {fmt(job.end)}, innen to år i en kommune: retten og plikten gjelder igjen fra "
            f"{fmt(back)} (§ 8 fjerde ledd andre punktum).",
            f"Work of {job.hours_per_week:g} hours a week kept the person out of § 8 first paragraph on the deadline "
            f"{fmt(ordinary)} and ended {fmt(job.end)}, within two years in a municipality: the right and duty apply "
            f"again from {fmt(back)} (§ 8 fourth paragraph second sentence).")
    setting_note = (f"innstillingen {klokker.FRIST_ETTER_ARBEID} = {reading}",
                    f"the setting {klokker.FRIST_ETTER_ARBEID} = {reading}")
    if reading == klokker.ETTER_ARBEID_OPPHOR:
        due = add_months(back, 3)
        return due, Text(f"{lead[0]} Fristen i § 12 regnes fra da, tre måneder: {fmt(due)} ({setting_note[0]}).",
                         f"{lead[1]} The § 12 deadline counts from then, three months: {fmt(due)} ({setting_note[1]}).")
    if reading == klokker.ETTER_ARBEID_BOSETTING:
        return ordinary, Text(f"{lead[0]} Fristen i § 12 er likevel den opprinnelige, {fmt(ordinary)} ({setting_note[0]}).",
                              f"{lead[1]} The § 12 deadline is still the original one, {fmt(ordinary)} "
                              f"({setting_note[1]}).")
    claim = need(p.claim_date, "claim_date")
    due = add_months(max(claim, back), 3)
    return due, Text(f"{lead[0]} Fristen i § 12 regnes da fra kravet om program ({fmt(claim)}), aldri fra før retten kom "
                     f"tilbake: {fmt(due)} ({setting_note[0]}).",
                     f"{lead[1]} The § 12 deadline then counts from the claim for the programme ({fmt(claim)}), never "
                     f"from before the right came back: {fmt(due)} ({setting_note[1]}).")


def frist_vedtak_grunn(p, as_of, ctx=None) -> Text | None:
    """Why the § 12 deadline is not the ordinary one (work that ended, § 8 fourth paragraph), for the finding."""
    return _frist_vedtak(p, as_of, ctx)[1]


def etter_arbeid(p, ordinary: dt.date, ctx) -> tuple[dt.date, Any] | None:
    """(the day the right came back, the job) when work or a job offer of at least 30 hours a week kept the person
    out of § 8 first paragraph on the ordinary § 12 deadline and ended within the two years of the first paragraph
    third sentence; None otherwise. Only from the day § 8 fourth paragraph is in force (LOV-2025-06-20-35); with
    its in-force date «ukjent», Missing naming that setting when it matters."""
    ikraft = ikraft_2025(ctx)
    if (ikraft is None and ordinary < SANKSJON_2025) or (ikraft is not None and ordinary < ikraft):
        return None  # § 8 fourth paragraph did not exist on that deadline
    for job in need(p.work, WORK_PATH):
        if (job.start is not None and job.start > ordinary) or (
                job.hours_per_week is not None and job.hours_per_week < ARBEID_TIMER) or job.ended is False:
            continue  # began after the deadline, under 30 hours, or still on (outside the group: judged there)
        missing = [path for path, value in (("work.start", job.start), ("work.hours_per_week", job.hours_per_week),
                                            ("work.ended", job.ended), ("work.end", job.end)) if value is None]
        if missing:
            raise Missing(*missing)
        if job.end < ordinary or _months_lived(p, job.end) >= 24:
            continue  # ended before the deadline (the right was there), or too late to bring it back
        if ikraft is None:
            raise Missing(ENDRINGSLOV_2025)
        return job.end + dt.timedelta(days=1), job
    return None


def _months_lived(p, day: dt.date) -> int:
    earlier = need(p.earlier_municipality_months, "earlier_municipality_months")
    settled = need(p.settlement_date, "settlement_date")
    if day < settled:
        return earlier
    # Whole months as relativedelta counts them (the most m with settled + m months <= day), without it:
    # it cost a tenth of the run time. Tested equal to relativedelta.
    months = (day.year - settled.year) * 12 + day.month - settled.month
    if add_months(settled, months) > day:
        months -= 1
    return earlier + months


DECISION_PATH = "introduksjonsprogram.decision_date"
_FROM_PROGRAMME = object()


# § 8 first paragraph: «mellom 18 og 55 år» (2021; still in force, see _common.ALDER_2025); «fra og med 18 til og
# med 60 år» as amended by LOV-2025-06-20-35 once that sentence is in force. Both read inclusively.
ALDER_MAKS_2021 = 55
ALDER_MAKS_2025 = 60
# § 8 fourth paragraph (LOV-2025-06-20-35, in force 01.01.2026): «minst 30 timer i uken».
ARBEID_TIMER = 30
WORK_PATH = "work"


def age_limit(text: str) -> int:
    """The upper age of § 8 first paragraph under ``text``: 55 (56 is out), or 60 once the amended first sentence
    is in force (the text V2025_ALDER)."""
    return ALDER_MAKS_2025 if text == V2025_ALDER else ALDER_MAKS_2021


def _work_on(p, day: dt.date) -> tuple[bool, Text | None]:
    """§ 8 fourth paragraph on ``day``: (True, why) when in work or offered work of at least 30 hours a week on that
    day; (False, None) when known not; Missing naming the facts that would settle it. A job that ended (or an offer
    that lapsed) before ``day`` does not count: «Første ledd gjelder likevel dersom arbeidsforholdet opphører»."""
    jobs = need(p.work, WORK_PATH)
    missing: set[str] = set()
    for job in jobs:
        if job.start is None:
            missing.add("work.start")
            continue
        since = job.start
        if since > day:
            continue
        if job.ended is None:
            missing.add("work.ended")
            continue
        if job.ended:
            if job.end is None:
                missing.add("work.end")
                continue
            if job.end < day:
                continue
        if job.hours_per_week is None:
            missing.add("work.hours_per_week")
            continue
        if job.hours_per_week >= ARBEID_TIMER:
            kind = ("i arbeid eller med tilbud om arbeid", "in work or offered work")
            return True, Text(f"{kind[0]} på {job.hours_per_week:g} timer i uken {fmt(day)} (fra {fmt(since)}); første "
                              f"ledd gjelder ikke ved minst {ARBEID_TIMER} timer i uken (§ 8 fjerde ledd, LOV-2025-06-20-35)",
                              f"{kind[1]} of {job.hours_per_week:g} hours a week on {fmt(day)} (from {fmt(since)}); the "
                              f"first paragraph does not apply at {ARBEID_TIMER} hours a week or more (§ 8 fourth "
                              "paragraph, LOV-2025-06-20-35)")
    if missing:
        raise Missing(*sorted(missing))
    # Work of 30 hours or more that ended before ``day``: the right comes back only when it ended within the two
    # years of the first paragraph third sentence («innen fristen satt i første ledd tredje punktum»).
    for job in jobs:
        since = job.start
        if not (job.ended and job.end is not None and since <= job.end < day) or _months_lived(p, job.end) < 24:
            continue
        if need(job.hours_per_week, "work.hours_per_week") >= ARBEID_TIMER:
            return True, Text(f"arbeid på {job.hours_per_week:g} timer i uken fra {fmt(since)} opphørte først {fmt(job.end)}, "
                              "etter at personen hadde bodd to år i en kommune; første ledd gjelder da ikke igjen (§ 8 "
                              "fjerde ledd andre punktum, LOV-2025-06-20-35)",
                              f"work of {job.hours_per_week:g} hours a week from {fmt(since)} ended only {fmt(job.end)}, "
                              "after the person had lived two years in a municipality; the first paragraph does not apply "
                              "again (§ 8 fourth paragraph second sentence, LOV-2025-06-20-35)")
    return False, None


def text_day(p, as_of) -> dt.date | None:
    """The day that decides which text of § 8 governs: the § 12 decision if made by ``as_of``; ``as_of``
    when none is made yet (a later or no decision: the right as it stands); None when unknown."""
    prog = p.introduksjonsprogram
    decision = prog.decision_date if prog is not None else None
    if decision is not None:
        return min(decision, as_of)
    if prog is not None and (prog.participates is False or prog.decision_made is False):
        return as_of
    return None


def target(p, as_of, text: str, decision=_FROM_PROGRAMME) -> tuple[bool, Text]:
    """§§ 8-9 under ``text``: rett og plikt to the introduction programme, with the reason in words.

    ``decision`` is the § 12 decision to judge the two years at: by default the registered one (None =
    unknown, asked for only when it matters); passed as None it means no decision (yet)."""
    amended = text != V2021
    permit = need(p.permit, "permit")
    basis = need(permit.basis, "permit.basis")
    if basis is PermitBasis.NORDISK_EOS:
        ledd = ("femte", "fifth") if amended else ("fjerde", "fourth")  # the 2025 act inserts a new fourth
        return False, Text(f"nordisk borger eller omfattet av EØS-avtalen (§ 8 {ledd[0]} ledd)",
                           f"a Nordic citizen or covered by the EEA Agreement (§ 8 {ledd[1]} paragraph)")
    if basis not in PARAGRAF_9:
        return False, Text("oppholdstillatelsen er ikke nevnt i § 9 første ledd",
                           "the residence permit is not one listed in § 9 first paragraph")
    if basis is PermitBasis.FAMILIEGJENFORENING:
        in_9f, why_9f = klokker.paragraf_9f(permit)  # the reference person's five years: asked, never assumed
        if not in_9f:
            return False, why_9f
    granted = need(permit.granted, "permit.granted")
    age = age_on(need(p.birth_date, "birth_date"), granted)
    top = age_limit(text)
    if not 18 <= age <= top:
        which = ("LOV-2025-06-20-35", "LOV-2025-06-20-35") if amended else ("2021-teksten", "2021 text")
        return False, Text(f"{age} år da tillatelsen ble innvilget; målgruppen er 18-{top} år (§ 8 første ledd, {which[0]})",
                           f"aged {age} when the permit was granted; the target group is 18-{top} (§ 8 first paragraph, "
                           f"{which[1]})")
    if basis not in NO_AGREEMENT_NEEDED and not need(p.settled_by_agreement, "settled_by_agreement"):
        return False, Text("ikke bosatt etter avtale med integreringsmyndighetene (§ 8 første og andre ledd)",
                           "not settled by agreement with the integration authorities (§ 8 first and second paragraphs)")
    # Fewer than two years lived in a municipality when the § 12 decision is made. Judged at the
    # decision, or at the § 12 deadline when that comes first: a late decision does not take the duty away.
    unknown_decision = decision is _FROM_PROGRAMME
    if unknown_decision:
        decision = p.introduksjonsprogram.decision_date if p.introduksjonsprogram else None
        if decision is None and p.introduksjonsprogram is not None and p.introduksjonsprogram.decision_made is False:
            unknown_decision = False  # registered: no decision yet
    try:
        deadline = _ordinary_deadline(p)  # the two years at the ordinary § 12 deadline (work aside)
    except Missing:
        deadline = None
    if deadline is not None and _months_lived(p, deadline) < 24:
        return _not_working(p, as_of, amended, decision, unknown_decision)
    if deadline is None:
        _ordinary_deadline(p)  # raises Missing naming what the deadline needs
    if decision is None and not unknown_decision:
        return False, Text(f"hadde bodd i en kommune i to år eller mer ved fristen {fmt(deadline)} (§ 8 første ledd "
                           "tredje punktum)",
                           f"had lived in a municipality for two years or more by the deadline {fmt(deadline)} (§ 8 first "
                           "paragraph, third sentence)")
    check = min(need(decision, DECISION_PATH), deadline)
    if _months_lived(p, check) >= 24:
        return False, Text(f"hadde bodd i en kommune i to år eller mer {fmt(check)} (§ 8 første ledd tredje punktum)",
                           f"had lived in a municipality for two years or more by {fmt(check)} (§ 8 first paragraph, "
                           "third sentence)")
    return _not_working(p, as_of, amended, decision, unknown_decision)


def _not_working(p, as_of, amended: bool, decision, unknown_decision: bool) -> tuple[bool, Text]:
    """In the target group so far; as amended, § 8 fourth paragraph is judged on the day of the § 12 decision (made by
    ``as_of``), else on ``as_of``: the right as it stands. Work that ends within the two years gives it back."""
    inside = Text("i målgruppen (§§ 8-9)", "in the target group (§§ 8-9)")
    if not amended:
        return True, inside
    jobs = need(p.work, WORK_PATH)
    if not jobs:
        return True, inside
    prog = p.introduksjonsprogram
    if decision is None and unknown_decision and (prog is None or prog.participates is not False):
        raise Missing(DECISION_PATH)  # the day to judge the work on is not known
    day = decision if decision is not None and decision <= as_of else as_of
    working, why = _work_on(p, day)
    if working:
        return False, why
    return True, inside


def _memo(ctx, p, as_of, key: tuple, compute: Callable[[], Any]) -> Any:
    """``compute()`` once per participant evaluation (:meth:`integrules.Context.memo`); without a
    context of this participant and date (a direct call), computed every time."""
    if ctx is None or ctx.p is not p or ctx.as_of != as_of:
        return compute()
    return ctx.memo(key, compute)


def target_once(ctx, text: str, decision=_FROM_PROGRAMME) -> tuple[bool, Text]:
    """:func:`target` for the context's participant, computed once per (text, decision): the rules ask for
    it several times per participant."""
    return _memo(ctx, ctx.p, ctx.as_of, (PLUGIN_NAME, "target", text, decision),
                 lambda: target(ctx.p, ctx.as_of, text, decision))


def program_target(p, as_of, ctx=None) -> tuple[bool, Text]:
    """§§ 8-9 under the text that governs (the 2021 text, or as amended by LOV-2025-06-20-35 once in
    force): unknown (Missing) while the texts disagree and which one governs is not known."""
    return _memo(ctx, p, as_of, (PLUGIN_NAME, "program_target"), lambda: _program_target(p, as_of, ctx))


def _program_target(p, as_of, ctx) -> tuple[bool, Text]:
    seen: dict[bool, Text] = {}

    def one(text: str) -> bool:
        value, why = _memo(ctx, p, as_of, (PLUGIN_NAME, "target", text, _FROM_PROGRAMME), lambda: target(p, as_of, text))
        seen.setdefault(value, why)
        return value

    value = value_under_texts(ctx, as_of, text_day(p, as_of), DECISION_PATH, one, section8=True)
    return value, seen[value]


def rett_og_plikt_program(p, as_of, ctx=None) -> bool:
    return program_target(p, as_of, ctx)[0]


# -- Norwegian and social studies (§§ 26-28, 30, 32) --------------------------------------------------


def opplaering_target(p, as_of, ctx=None) -> tuple[str, Text]:
    """§§ 26-28: "rett_og_plikt" (§ 27), "plikt" (§ 28) or "ingen", with the reason in words."""
    permit = need(p.permit, "permit")
    basis = need(permit.basis, "permit.basis")
    if basis is PermitBasis.NORDISK_EOS:
        return "ingen", Text("nordisk borger eller omfattet av EØS-avtalen", "a Nordic citizen or covered by the EEA Agreement")
    granted = need(permit.granted, "permit.granted")
    age = age_on(need(p.birth_date, "birth_date"), granted)
    if not 18 <= age < 67:
        return "ingen", Text(f"{age} år da tillatelsen ble innvilget; målgruppen er 18-67 år (§ 26)",
                             f"aged {age} when the permit was granted; the target group is 18-67 (§ 26)")
    if basis in PLIKT_ONLY:
        return "plikt", Text("plikt, men ikke rett, til opplæring (§ 28)", "a duty but no right to training (§ 28)")
    return "rett_og_plikt", Text("rett og plikt til opplæring (§ 27)", "right and duty to training (§ 27)")


def rett_og_plikt_opplaering(p, as_of, ctx=None) -> bool:
    return opplaering_target(p, as_of)[0] == "rett_og_plikt"


def plikt_opplaering(p, as_of, ctx=None) -> bool:
    return opplaering_target(p, as_of)[0] == "plikt"


def frist_opplaering(p, as_of, ctx=None) -> dt.date:
    """§ 30 third paragraph: the offer «senest innen tre måneder etter folkeregistrering i kommunen eller at krav
    om deltagelse blir fremsatt».

    Read like § 12 (``frist_vedtak``): from folkeregistrering when the right or duty (§ 26 second and fourth
    paragraphs, ``opplaering_fra``) had arisen by then; when it arose later (§ 9 d at the first renewal, a permit
    granted after folkeregistrering), folkeregistrering cannot start a duty to offer, so the deadline runs from the
    claim, and never from before the right arose. ``claim_date`` is the one claim the model records, for the
    programme or the training.
    """
    registered = need(p.registered_date, "registered_date")
    permit = need(p.permit, "permit")
    basis = need(permit.basis, "permit.basis")
    if basis is PermitBasis.BARNEFAMILIE or basis is PermitBasis.KOLLEKTIV_BESKYTTELSE:
        arose = opplaering_fra(p, as_of)  # § 9 d: raises Missing("permit.first_renewal"); § 9 e: settlement
    else:
        arose = need(permit.granted, "permit.granted")  # or arrival, which precedes folkeregistrering anyway
    if arose <= registered:
        return add_months(registered, 3)
    claim = need(p.claim_date, "claim_date")
    return add_months(max(claim, opplaering_fra(p, as_of)), 3)


def opplaering_fra(p, as_of, ctx=None) -> dt.date:
    """§ 26 second paragraph: when the right and duty (or the duty) to training arose."""
    permit = need(p.permit, "permit")
    basis = need(permit.basis, "permit.basis")
    if basis is PermitBasis.BARNEFAMILIE:
        raise Missing("permit.first_renewal")  # § 9 d: at the first renewal, which the model does not record
    if basis is PermitBasis.KOLLEKTIV_BESKYTTELSE:
        return need(p.settlement_date, "settlement_date")  # § 9 e: when settled by agreement
    granted = need(permit.granted, "permit.granted")
    if need(permit.applied_from_abroad, "permit.applied_from_abroad"):
        return max(granted, need(permit.arrival, "permit.arrival"))  # granted before entry: on arrival
    return granted


def opplaering_til(p, as_of, ctx=None) -> dt.date:
    """§ 32 first paragraph: three years, or 18 months with upper-secondary education, plus approved leave, from the
    offer date (LOV-2023-06-09-24, for the permits of integreringsforskriften § 74) or else from when the right
    arose (``klokker.klokke_fra``)."""
    start = klokker.klokke_fra(p, as_of, ctx)
    education = need(p.education, "education")
    training = need(p.opplaering, "opplaering")
    leaves = need(training.leaves, "opplaering.leaves")
    months = 18 if education.upper_secondary_or_higher else 36
    extra = sum((lv.end - lv.start).days + 1 for lv in leaves if lv.end >= lv.start)
    return add_months(start, months) + dt.timedelta(days=extra)


@attrs.frozen
class AnnetRegelverk:
    """Another regime that governed the participant before these rules, from ``start`` until the day before
    ``end`` (the first day of these rules), and the ids of these rules' requirements it set aside. The fact
    integreringsloven.annet_regelverk is read by these fields only: a plugin overriding it returns any object
    with them (chapter 6A has its own class and does not import this module)."""

    start: dt.date
    end: dt.date
    title: Text
    set_aside: frozenset[str]
    references: tuple[LegalRef, ...] = ()


def annet_regelverk(p, as_of, ctx=None) -> AnnetRegelverk | None:
    """None: this plugin knows of no other regime before its own. A regime that hands its participants over
    to the ordinary rules (chapter 6A after its sunset) overrides this fact, so that the ordinary requirements
    it set aside do not judge deadlines that fell while it governed (Grunnloven § 97)."""
    return None


FACTS = (
    DerivedFact(name=RETT_PROGRAM, compute=rett_og_plikt_program, references=(lov("8"), lov("9"),
                                                                                veileder("Målgruppe for introduksjonsprogram", IMDI_MALGRUPPE)),
                description=Text("Rett og plikt til introduksjonsprogram (§§ 8-9): 18-55 år (18-60 etter LOV-2025-06-20-35 "
                                 "når det er satt i kraft: innstillingen "
                                 "integreringsloven.endringslov_2025_aldersgrense_ikraft) "
                                 "da tillatelsen ble innvilget, tillatelse etter § 9 a-g, bosatt etter avtale (unntatt f og "
                                 "g), under to år i en kommune ved vedtaket (eller ved fristen i § 12 om den kommer først), "
                                 "og fra 01.01.2026 ikke i arbeid eller med tilbud om arbeid på minst 30 timer i uken (§ 8 "
                                 "fjerde ledd). Teksten som gjaldt ved vedtaket (uten vedtak: ved vurderingsdatoen) avgjør; "
                                 "er den ukjent og tekstene gir ulikt svar, er faktumet ukjent (innstillingen "
                                 "integreringsloven.endringslov_2025_ikraft).",
                                 "Right and duty to the introduction programme (§§ 8-9): aged 18-55 (18-60 as amended by "
                                 "LOV-2025-06-20-35 once in force: the setting "
                                 "integreringsloven.endringslov_2025_aldersgrense_ikraft) "
                                 "when the permit was granted, a § 9 a-g permit, settled by agreement (except f and g), under "
                                 "two years in a municipality at the decision (or at the § 12 deadline if that comes first), "
                                 "and from 01.01.2026 not in work or offered work of at least 30 hours a week (§ 8 fourth "
                                 "paragraph). The text in force at the decision (with none: at the as-of date) governs; when "
                                 "that is unknown and the texts differ, the fact is unknown (the setting "
                                 "integreringsloven.endringslov_2025_ikraft).")),
    DerivedFact(name=FRIST_VEDTAK, compute=frist_vedtak, references=(lov("12", 2),),
                description=Text("Frist for vedtak om og oppstart av introduksjonsprogram: tre måneder etter bosetting "
                                 "(bosatt etter avtale) eller etter krav om program (ellers).",
                                 "Deadline for the programme decision and start: three months after settlement (settled "
                                 "by agreement) or after the claim for the programme (otherwise).")),
    DerivedFact(name=RETT_OPPLAERING, compute=rett_og_plikt_opplaering, references=(lov("26"), lov("27")),
                description=Text("Rett og plikt til opplæring i norsk og samfunnskunnskap (§§ 26-27): 18-67 år da "
                                 "tillatelsen ble innvilget og en tillatelse etter § 27.",
                                 "Right and duty to Norwegian and social-studies training (§§ 26-27): aged 18-67 when "
                                 "the permit was granted and a § 27 permit.")),
    DerivedFact(name=PLIKT_OPPLAERING, compute=plikt_opplaering, references=(lov("26", 3), lov("28")),
                description=Text("Plikt (ikke rett) til opplæring (§ 28: utlendingsloven §§ 23 og 25).",
                                 "A duty (no right) to training (§ 28: utlendingsloven §§ 23 and 25).")),
    DerivedFact(name=FRIST_OPPLAERING, compute=frist_opplaering, references=(lov("30", 3), lov("26", 2)),
                description=Text("Frist for tilbud om opplæring: tre måneder etter folkeregistrering i kommunen, eller "
                                 "etter kravet om deltakelse når retten eller plikten inntrådte etter "
                                 "folkeregistreringen (§ 26 andre ledd; § 9 d: ved første fornyelse, som ikke er "
                                 "registrert), og aldri før retten inntrådte.",
                                 "Deadline for the training offer: three months after folkeregistrering in the "
                                 "municipality, or after the claim when the right or duty arose after folkeregistrering "
                                 "(§ 26 second paragraph; § 9 d: at the first renewal, not registered), and never before "
                                 "the right arose.")),
    DerivedFact(name=OPPLAERING_FRA, compute=opplaering_fra, references=(lov("26", 2),),
                description=Text("Dagen retten og plikten til opplæring inntrådte (§ 26 andre ledd).",
                                 "The day the right and duty to training arose (§ 26 second paragraph).")),
    DerivedFact(name=OPPLAERING_TIL, compute=opplaering_til, references=(lov("32", 1), klokker.F74),
                description=Text("Siste dag med rett og plikt til opplæring: tre år (18 måneder med videregående) med "
                                 "tillegg av godkjent permisjon (§ 32 første ledd), regnet fra tilbudet om oppstart "
                                 "(opplaering.offer_date) for tillatelsene i integreringsforskriften § 74 "
                                 "(LOV-2023-06-09-24), ellers fra retten og plikten inntrådte.",
                                 "The end of the right and duty to training: three years (18 months with upper "
                                 "secondary) plus approved leave (§ 32 first paragraph), counted from the offer to start "
                                 "(opplaering.offer_date) for the permits of integreringsforskriften § 74 "
                                 "(LOV-2023-06-09-24), else from when the right and duty arose.")),
    DerivedFact(name=ANNET_REGELVERK, compute=annet_regelverk, references=(GRUNNLOVEN_97,),
                description=Text("Et annet regelverk som gjaldt for deltakeren før de ordinære reglene (periode og "
                                 "kravene det satte til side), eller ingen. De satt til side vurderer ikke frister som "
                                 "falt i perioden: de vurderes etter reglene som gjaldt da (Grunnloven § 97). Kapittel 6A "
                                 "overstyrer faktumet etter opphøret.",
                                 "Another regime that governed the participant before the ordinary rules (its period and "
                                 "the requirements it set aside), or none. Those set aside do not judge deadlines that "
                                 "fell in the period: they are judged by the rules then in force (Grunnloven § 97). "
                                 "Chapter 6A overrides the fact after its sunset.")),
)
