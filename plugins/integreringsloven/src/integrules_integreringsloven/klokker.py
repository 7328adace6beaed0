"""The law's clocks and its «samtidig» duties, read as the texts say, with no fact assumed.

- The training clocks of §§ 32, 33 and 37 second paragraph count, since LOV-2023-06-09-24 (in force
  01.08.2023), «fra den datoen deltageren har fått tilbud om oppstart av opplæringen, med tillegg av godkjent
  permisjon»; integreringsforskriften § 74 says for whom (permits granted «etter 1. august 2023», and permits
  applied for from abroad and granted before that day when the person arrives after it). Older permits keep the
  old counting: from when the right and duty arose (§ 26 second and fourth paragraphs).
- «samtidig» (§ 15 first paragraph, § 16 first paragraph, § 34): the duty falls due on the day of the other act
  once that act exists, plus a margin that is a setting (default zero days); before it exists, by that act's own
  deadline. Known not to exist («none», ``decision_made``/``made``/``offered`` false): judged by the deadline.
- § 9 first paragraph (f): the reference person's five years, from two registered dates.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from integrules import DerivedFact, Evaluation, LegalRef, Missing, Setting, Text, pending
from integrules.dates import add_months
from integrules.model import PermitBasis

from ._common import by_date, fmt, leave_days, lov, setting

T = Text

FORSKRIFT_URL = "https://lovdata.no/forskrift/2020-12-15-2912/§{}"
LOV_2023_24 = LegalRef("lov 9. juni 2023 nr. 24 (endringer i integreringsloven)", "§§ 32, 33 og 37",
                       url="https://lovdata.no/dokument/LTI/lov/2023-06-09-24")


def forskrift(section: str, ledd: int | None = None) -> LegalRef:
    """integreringsforskriften (FOR-2020-12-15-2912) § ``section`` with its Lovdata address."""
    return LegalRef("integreringsforskriften", f"§ {section}", ledd=ledd, url=FORSKRIFT_URL.format(section.replace(" ", "")),
                    kind="forskrift")


F74 = forskrift("74")
F58_2 = forskrift("58", 2)

# LOV-2023-06-09-24 in force (res. 9. juni 2023 nr. 804); integreringsforskriften § 74 (in force the same day).
TILBUD_FRA = dt.date(2023, 8, 1)

KLOKKE_FRA = "integreringsloven.opplaering_klokke_fra"
OVERGANG_2023 = "integreringsloven.tilbudsklokke_etter_1_august_2023"
FRA_OG_MED, DAGEN_ETTER = "fra_og_med", "dagen_etter"
SAMTIDIG_MARGIN = "integreringsloven.samtidig_margin_dager"
FRIST_ETTER_ARBEID = "integreringsloven.frist_vedtak_etter_arbeid"
ETTER_ARBEID_KRAV, ETTER_ARBEID_OPPHOR, ETTER_ARBEID_BOSETTING = "krav", "opphor", "bosetting"


def parse_etter_arbeid(value: Any) -> str:
    if value not in (ETTER_ARBEID_KRAV, ETTER_ARBEID_OPPHOR, ETTER_ARBEID_BOSETTING):
        raise ValueError(f"expected one of {ETTER_ARBEID_KRAV}, {ETTER_ARBEID_OPPHOR}, {ETTER_ARBEID_BOSETTING}")
    return value


def frist_etter_arbeid(ctx) -> str:
    return ETTER_ARBEID_KRAV if ctx is None else setting(ctx, FRIST_ETTER_ARBEID, ETTER_ARBEID_KRAV)


def veileder_lt_2025() -> LegalRef:
    return LegalRef("lov 20. juni 2025 nr. 35 (endringer i integreringsloven)", "del I (§ 8 fjerde ledd)",
                    url="https://lovdata.no/dokument/LTI/lov/2025-06-20-35")


def parse_overgang_2023(value: Any) -> str:
    if value not in (FRA_OG_MED, DAGEN_ETTER):
        raise ValueError(f"expected one of {FRA_OG_MED}, {DAGEN_ETTER}")
    return value


def parse_margin(value: Any) -> int:
    if isinstance(value, bool):
        raise ValueError(f"expected a whole number of days from 0 to 31, got {value!r}")
    days = int(value)
    if not 0 <= days <= 31:
        raise ValueError(f"expected a whole number of days from 0 to 31, got {value!r}")
    return days


# The argument for reading «etter <date>» in the transitional rules from the date on, shared by the settings
# integreringsloven.tilbudsklokke_etter_1_august_2023 (§ 74) and integreringsloven.varighet_overgang_dagen_med
# (§§ 75-76), so the two read the same words the same way.
ETTER_DATO = T(
    "Én lesning av «etter <dato>» for både forskriften § 74 og §§ 75-76: fra og med datoen. Datoene er "
    "ikrafttredelsesdatoene for endringene (LOV-2023-06-09-24 og forskriften § 74: 01.08.2023; "
    "FOR-2025-06-20-1154 og LOV-2025-06-20-35: 01.01.2026), og lovens § 52 «etter lovens ikrafttredelse» "
    "leses fra og med 01.01.2021 (§ 51, forskriften § 72). § 74 andre punktum stiller «før 1. august "
    "2023» mot «etter 1. august 2023»; leses «etter» som fra 02.08.2023, faller en tillatelse innvilget "
    "selve dagen under ingen av dem. Motargumentet er forskriften § 73, som skriver «etter 31. desember "
    "2021» der den mener fra 01.01.2022: den strenge lesningen er derfor beholdt som innstillingens andre"
    " verdi.",
    "One reading of «etter <date>» (after <date>) for both regulation § 74 and §§ 75-76: from the date "
    "on. The dates are the amendments' in-force dates (LOV-2023-06-09-24 and regulation § 74: 01.08.2023;"
    " FOR-2025-06-20-1154 and LOV-2025-06-20-35: 01.01.2026), and act § 52 «etter lovens ikrafttredelse» "
    "is read from 01.01.2021 inclusive (§ 51, regulation § 72). § 74 second sentence sets «før 1. august "
    "2023» against «etter 1. august 2023»; read «etter» as from 02.08.2023 and a permit granted on the "
    "day itself falls under neither. The counter-argument is regulation § 73, which writes «etter 31. "
    "desember 2021» where it means from 01.01.2022: so the strict reading is kept as the setting's other "
    "value.")

SETTINGS = (
    Setting(
        name=FRIST_ETTER_ARBEID, default=ETTER_ARBEID_KRAV, parse=parse_etter_arbeid,
        references=(lov("8", 4), lov("12", 2), veileder_lt_2025()),
        description=T(
            "Fra når fristen i § 12 andre ledd løper når arbeid (eller tilbud om arbeid) på minst 30 timer i uken "
            "holdt personen utenfor § 8 første ledd ved den ordinære fristen, og arbeidet opphørte innen to år i en "
            "kommune, så retten og plikten gjelder igjen (§ 8 fjerde ledd andre punktum, LOV-2025-06-20-35, i kraft "
            "01.01.2026). § 12 nevner bare «etter bosetting eller etter at det fremsettes krav om program»; ingen "
            "kilde som er lest, sier mer. «krav» (standard): tre måneder fra kravet om program, aldri fra før retten "
            "kom tilbake, slik fristen i § 30 regnes når retten inntrer etter folkeregistreringen; uten kravsdato "
            "(claim_date) er fristen ukjent. «opphor»: tre måneder fra dagen etter at arbeidet opphørte. «bosetting»: "
            "den ordinære fristen, som da oftest er passert før retten kom tilbake.",
            "From when the § 12 second paragraph deadline runs when work (or a job offer) of at least 30 hours a week "
            "kept the person out of § 8 first paragraph on the ordinary deadline and the work ended within two years "
            "in a municipality, so the right and duty apply again (§ 8 fourth paragraph second sentence, "
            "LOV-2025-06-20-35, in force 01.01.2026). § 12 only names «after settlement or after a claim for the "
            "programme is made»; no source read says more. «krav» (claim, the default): three months from the claim "
            "for the programme, never from before the right came back, as the § 30 deadline counts when the right "
            "arises after folkeregistrering; without the claim date (claim_date) the deadline is unknown. «opphor» "
            "(end of work): three months from the day after the work ended. «bosetting» (settlement): the ordinary "
            "deadline, which has then mostly passed before the right came back.")),
    Setting(
        name=OVERGANG_2023, default=FRA_OG_MED, parse=parse_overgang_2023, references=(F74, LOV_2023_24),
        description=T(
            "Hvordan «etter 1. august 2023» i integreringsforskriften § 74 leses: «fra_og_med» (standard: en tillatelse "
            "innvilget, eller en ankomst, 01.08.2023 gir ny telling fra tilbudsdatoen) eller «dagen_etter» (først fra "
            "02.08.2023). " + ETTER_DATO.nb,
            "How «etter 1. august 2023» (after 1 August 2023) in integreringsforskriften § 74 is read: «fra_og_med» "
            "(default: a permit granted, or an arrival, on 01.08.2023 counts from the offer date) or «dagen_etter» "
            "(only from 02.08.2023). " + ETTER_DATO.en)),
    Setting(
        name=SAMTIDIG_MARGIN, default=0, parse=parse_margin, references=(lov("15", 1), lov("16", 1), lov("34")),
        description=T(
            "Antall dager etter den andre handlingen som fortsatt regnes som «samtidig» (§ 15 første ledd: planen med "
            "vedtaket etter § 12; § 16 første ledd: kontrakten med planen; § 34: norskplanen med vedtaket etter § 30). "
            "Loven gir ingen margin: «samtidig» er samme dag, så standard er 0. En kommune som lager planen i samme "
            "saksbehandling, men dagen etter, kan sette en margin; funnet sier hvilken margin som er brukt.",
            "Days after the other act that still count as «samtidig» (at the same time: § 15 first paragraph, the plan "
            "with the § 12 decision; § 16 first paragraph, the contract with the plan; § 34, the Norwegian plan with "
            "the § 30 decision). The law gives no margin: «samtidig» is the same day, so the default is 0. A "
            "municipality that makes the plan in the same case handling but the next day may set a margin; the "
            "finding says which margin was used.")),
)


# -- the training clocks (§§ 32, 33, 37 second paragraph) ------------------------------------------------


def _cutoff(ctx) -> dt.date:
    """The first day «etter 1. august 2023» covers, as the setting reads it."""
    reading = FRA_OG_MED if ctx is None else setting(ctx, OVERGANG_2023, FRA_OG_MED)
    return TILBUD_FRA if reading == FRA_OG_MED else TILBUD_FRA + dt.timedelta(days=1)


def ny_telling(p, ctx=None) -> bool:
    """Integreringsforskriften § 74: True when the clocks count from the offer date (LOV-2023-06-09-24)."""
    permit = p.permit
    if permit is None:
        raise Missing("permit")
    if permit.granted is None:
        raise Missing("permit.granted")
    cutoff = _cutoff(ctx)
    if permit.granted >= cutoff:
        return True
    # Granted before: new counting only for a permit applied for from abroad when the person arrives after.
    if permit.arrival is not None and permit.arrival < cutoff:
        return False
    if permit.applied_from_abroad is None:
        raise Missing("permit.applied_from_abroad")
    if not permit.applied_from_abroad:
        return False
    if permit.arrival is None:
        raise Missing("permit.arrival")
    return True


def klokke_fra(p, as_of, ctx=None) -> dt.date:
    """The day the clocks of §§ 32, 33 and 37 second paragraph start: the offer date under the new counting,
    else the day the right and duty (or the duty) arose (§ 26 second and fourth paragraphs)."""
    if ny_telling(p, ctx):
        training = p.opplaering
        if training is None:
            raise Missing("opplaering")
        if training.offer_date is None:
            raise Missing("opplaering.offer_date")
        return training.offer_date
    from .facts import OPPLAERING_FRA, opplaering_fra  # facts imports this module

    if ctx is not None and ctx.p is p and ctx.has_fact(OPPLAERING_FRA):
        return ctx.fact(OPPLAERING_FRA)
    return opplaering_fra(p, as_of, ctx)


@attrs.frozen
class Klokke:
    """A clock's start, whether it is the offer date, the approved leave added, and its last day."""

    start: dt.date
    from_offer: bool
    leave: int
    end: dt.date

    def why(self, months: int) -> Text:
        span = {12: ("ett år", "one year"), 36: ("tre år", "three years")}.get(months, (f"{months} måneder", f"{months} months"))
        if self.from_offer:
            extra = (f" + {self.leave} dager godkjent permisjon", f" + {self.leave} days of approved leave") \
                if self.leave else (", ingen godkjent permisjon", ", no approved leave")
            return T(f"Fristen er {span[0]} fra tilbudet om oppstart {fmt(self.start)}{extra[0]}: {fmt(self.end)} "
                     "(LOV-2023-06-09-24; tillatelsen faller inn under integreringsforskriften § 74).",
                     f"The deadline is {span[1]} from the offer to start {fmt(self.start)}{extra[1]}: {fmt(self.end)} "
                     "(LOV-2023-06-09-24; the permit falls under integreringsforskriften § 74).")
        extra = (f" + {self.leave} dager godkjent permisjon", f" + {self.leave} days of approved leave") \
            if self.leave else ("", "")
        return T(f"Fristen er {span[0]} fra retten og plikten inntrådte {fmt(self.start)}{extra[0]}: {fmt(self.end)} "
                 "(tillatelsen er ikke blant dem integreringsforskriften § 74 gir ny telling: gammel telling).",
                 f"The deadline is {span[1]} from when the right and duty arose {fmt(self.start)}{extra[1]}: "
                 f"{fmt(self.end)} (the permit is not one integreringsforskriften § 74 gives the new counting: the old "
                 "counting).")


def _leaves(ctx) -> int:
    training = ctx.need(ctx.p.opplaering, "opplaering")
    return leave_days(ctx.need(training.leaves, "opplaering.leaves"))


def klokke(ctx, months: int, *, leave_old: bool) -> Klokke:
    """The clock of ``months`` from its start (the fact integreringsloven.opplaering_klokke_fra). Approved leave is
    added under the new counting («med tillegg av godkjent permisjon», §§ 32, 33, 37); under the old counting only
    where ``leave_old`` (§ 32 first paragraph; the old one-year rule of §§ 33 and 37 named none)."""
    start = ctx.fact(KLOKKE_FRA) if ctx.has_fact(KLOKKE_FRA) else klokke_fra(ctx.p, ctx.as_of, ctx)
    new = ny_telling(ctx.p, ctx)
    leave = _leaves(ctx) if new or leave_old else 0
    return Klokke(start, new, leave, add_months(start, months) + dt.timedelta(days=leave))


def ikke_startet(ctx) -> Evaluation | None:
    """Pending when the clocks count from the offer and no offer has been made (``opplaering.offered`` false):
    the period has not begun, so nothing can be late yet; the missing offer is the § 30 requirement's (R11)."""
    training = ctx.p.opplaering
    if training is None or training.offered is not False or not ny_telling(ctx.p, ctx):
        return None
    return pending("Registrert at tilbud om opplæring ikke er gitt: fristen regnes fra tilbudet om oppstart "
                   "(LOV-2023-06-09-24, integreringsforskriften § 74) og har ikke begynt. Tilbudet selv har fristen i "
                   "§ 30 tredje ledd.",
                   "Registered that no training offer has been given: the deadline counts from the offer to start "
                   "(LOV-2023-06-09-24, integreringsforskriften § 74) and has not begun. The offer itself has the "
                   "§ 30 third paragraph deadline.")


# How the clocks of §§ 32, 33 and 37 are counted, said in each requirement that uses them.
CLOCK = T(
    "Klokken (LOV-2023-06-09-24, i kraft 01.08.2023): for tillatelser innvilget etter 1. august 2023, og for "
    "tillatelser søkt fra utlandet og innvilget før den dagen når personen kom etter den, regnes fristen fra "
    "datoen deltakeren fikk tilbud om oppstart av opplæringen (opplaering.offer_date), med tillegg av godkjent "
    "permisjon (integreringsforskriften § 74); «etter 1. august 2023» er innstillingen "
    "integreringsloven.tilbudsklokke_etter_1_august_2023 (standard fra_og_med). Eldre tillatelser: fra retten og "
    "plikten inntrådte (§ 26 andre og fjerde ledd). Uten tilbudsdato er utfallet ukjent; er det registrert at "
    "tilbud ikke er gitt (opplaering.offered = false), har fristen ikke begynt å løpe (venter).",
    "The clock (LOV-2023-06-09-24, in force 01.08.2023): for permits granted after 1 August 2023, and for permits"
    " applied for from abroad and granted before that day when the person arrived after it, the deadline counts "
    "from the day the participant was offered a start of training (opplaering.offer_date), plus approved leave "
    "(integreringsforskriften § 74); «etter 1. august 2023» is the setting "
    "integreringsloven.tilbudsklokke_etter_1_august_2023 (default fra_og_med). Older permits: from when the right"
    " and duty arose (§ 26 second and fourth paragraphs). Without the offer date the outcome is unknown; when it "
    "is registered that no offer has been given (opplaering.offered = false), the deadline has not begun "
    "(pending).")


def telling(ctx) -> Text | None:
    """Which counting the § 32 period follows and from what day, for the finding; None when not known."""
    try:
        new = ny_telling(ctx.p, ctx)
        start = ctx.fact(KLOKKE_FRA) if ctx.has_fact(KLOKKE_FRA) else klokke_fra(ctx.p, ctx.as_of, ctx)
    except Missing:
        return None
    if new:
        return T(f"Perioden regnes fra tilbudet om oppstart {fmt(start)} (LOV-2023-06-09-24, integreringsforskriften § 74).",
                 f"The period counts from the offer to start {fmt(start)} (LOV-2023-06-09-24, integreringsforskriften § 74).")
    return T(f"Perioden regnes fra retten og plikten inntrådte {fmt(start)} (tillatelsen er ikke blant dem "
             "integreringsforskriften § 74 gir ny telling fra tilbudet).",
             f"The period counts from when the right and duty arose {fmt(start)} (the permit is not one "
             "integreringsforskriften § 74 gives the new counting from the offer).")


def with_telling(ctx, ev: Evaluation) -> Evaluation:
    why = telling(ctx)
    return ev if why is None else with_why(ev, why)


def with_why(ev: Evaluation, why: Text) -> Evaluation:
    return attrs.evolve(ev, message=T(f"{ev.message.nb} {why.nb}", f"{ev.message.en} {why.en}"))


FACTS = (
    DerivedFact(name=KLOKKE_FRA, compute=klokke_fra, references=(lov("32", 1), lov("33", 1), lov("37", 2), F74, lov("26", 2)),
                description=T(
                    "Dagen fristene i §§ 32, 33 og 37 andre ledd regnes fra: datoen deltakeren fikk tilbud om oppstart "
                    "av opplæringen (opplaering.offer_date) for tillatelser innvilget etter 1. august 2023, og for "
                    "tillatelser søkt fra utlandet og innvilget før, når personen kom etter den dagen "
                    "(integreringsforskriften § 74, LOV-2023-06-09-24); ellers dagen retten og plikten inntrådte (§ 26 "
                    "andre ledd). Uten tilbudsdato er den ukjent.",
                    "The day the deadlines of §§ 32, 33 and 37 second paragraph count from: the day the participant was "
                    "offered a start of training (opplaering.offer_date) for permits granted after 1 August 2023, and "
                    "for permits applied for from abroad and granted before it when the person arrived after it "
                    "(integreringsforskriften § 74, LOV-2023-06-09-24); otherwise the day the right and duty arose "
                    "(§ 26 second paragraph). Without the offer date it is unknown.")),
)


# -- «none» and «samtidig» ----------------------------------------------------------------------------------


def ved(ctx, day: dt.date | None, none: bool, path: str, due: dt.date, what: Text) -> Evaluation:
    """A dated act due by ``due``: ``none`` means known not done (pending until ``due``, then not met); no date and
    not known none is unknown, naming ``path``."""
    return by_date(ctx, day, path, due, what, none=none)


def margin(ctx) -> int:
    return int(setting(ctx, SAMTIDIG_MARGIN, 0))


def samtidig(ctx, anchor: dt.date | None, anchor_none: bool, anchor_path: str, deadline, other: Text
             ) -> tuple[dt.date, Text]:
    """The due date of a duty «samtidig» with ``other``: the other act's date (+ the margin setting) once it exists,
    else ``deadline()`` (the other act's own deadline) when it is known not to exist; Missing naming
    ``anchor_path`` when it is unknown whether it exists. With the explanation for the finding."""
    days = margin(ctx)
    plus = (f" + {days} dager (innstillingen {SAMTIDIG_MARGIN}; loven gir ingen margin)",
            f" + {days} days (the setting {SAMTIDIG_MARGIN}; the law gives no margin)") if days else \
        (f" (samme dag: margin 0 dager, innstillingen {SAMTIDIG_MARGIN})",
         f" (the same day: margin 0 days, the setting {SAMTIDIG_MARGIN})")
    if anchor is not None:
        # Dated after as-of: registered ahead, still due with it (a late decision is the § 12 requirement's).
        due = anchor + dt.timedelta(days=days)
        return due, T(f"«Samtidig» med {other.nb} {fmt(anchor)}{plus[0]}: frist {fmt(due)}.",
                      f"«At the same time» as {other.en} {fmt(anchor)}{plus[1]}: due {fmt(due)}.")
    if anchor_none:
        due = deadline()
        return due, T(f"Registrert at {other.nb} ikke foreligger ennå: fristen er da fristen for {other.nb}, {fmt(due)}.",
                      f"Registered that {other.en} does not exist yet: the deadline is then the one for {other.en}, "
                      f"{fmt(due)}.")
    raise Missing(anchor_path)


def judge_samtidig(ctx, day: dt.date | None, none: bool, path: str, due_why: tuple[dt.date, Text], what: Text
                   ) -> Evaluation:
    due, why = due_why
    return with_why(ved(ctx, day, none, path, due, what), why)


# -- § 9 first paragraph (f) --------------------------------------------------------------------------------


def paragraf_9f(permit) -> tuple[bool, Text]:
    """§ 9 first paragraph (f): the reference person had lived in a municipality less than five years before
    family reunification was applied for. Missing naming the dates when they are not registered."""
    settled = permit.reference_settled
    applied = permit.reunification_applied
    if settled is None or applied is None:
        raise Missing(*[path for path, value in (("permit.reference_settled", settled),
                                                 ("permit.reunification_applied", applied)) if value is None])
    five = add_months(settled, 60)
    if applied < five:
        return True, T(f"referansepersonen ble bosatt {fmt(settled)} og hadde bodd under fem år i en kommune da det ble "
                       f"søkt om familiegjenforening {fmt(applied)} (§ 9 første ledd bokstav f)",
                       f"the reference person was settled {fmt(settled)} and had lived less than five years in a "
                       f"municipality when family reunification was applied for {fmt(applied)} (§ 9 first paragraph f)")
    return False, T(f"referansepersonen ble bosatt {fmt(settled)} og hadde bodd fem år eller mer i en kommune da det ble "
                    f"søkt om familiegjenforening {fmt(applied)}; tillatelsen er da ikke en tillatelse etter § 9 første "
                    "ledd bokstav f",
                    f"the reference person was settled {fmt(settled)} and had lived five years or more in a municipality "
                    f"when family reunification was applied for {fmt(applied)}; the permit is then not one under § 9 "
                    "first paragraph f")


def is_9f(permit) -> bool:
    return permit.basis is PermitBasis.FAMILIEGJENFORENING
