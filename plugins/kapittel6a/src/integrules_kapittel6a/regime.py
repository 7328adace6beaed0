"""Who falls under chapter 6A, at which date: the regime, its settings and the decision.

Verified (docs/legal-notes/kapittel-6a.md):

- in force 15.06.2022 (Prop. 72 L (2023–2024) punkt 2.1; IMDi's 6A guide);
- for people granted a permit under utlendingsloven § 34 **from and including 11.03.2022**, and
  only them: a family member reunited with such a person, or a Ukrainian with asylum (§ 28) or a
  work or study permit, follows the ordinary rules (IMDi's 6A guide; IMDi guide to the law ch. 8);
- sunset 01.07.2023 (LOV-2022-06-10-35 part XI), extended to 01.07.2024 (Prop. 90 L (2022–2023)),
  re-enacted with changes from 01.07.2024 (LOV-2024-06-25-53 part X; res. 25. juni 2024 nr. 1212) until
  01.07.2026 (part XIII), re-added from 01.07.2026 by LOV-2026-06-12-22 (res. 12. juni 2026 nr. 1076) and
  repealed from 01.07.2028 by the same act (the chapter note of the act as consolidated on 28.07.2026). The
  re-enactments followed one another without a gap, so the chapter governs from 15.06.2022 to 01.07.2028.

After 01.07.2028 the chapter is repealed. What then holds for the people it covered (transition rules, a
further extension) no source read settles; FOR-2026-06-12-1077 (transitional rules for chapter 6A from
01.07.2026) is named by the chapter note but its text was not found. Hence the two settings, with the
conservative default "unknown" on and after the repeal (see ``AFTER_SUNSET``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Mapping

from integrules import LegalRef, Regime, RegimeDecision, Setting, Text
from integrules.dates import parse_date
from integrules.model import Participant, PermitBasis


from . import refs
from .common import OVERGANG_37C, OVERGANG_CHOICES, SAMTIDIG_MARGIN

REGIME_ID = "kapittel_6a"
BASE_REGIME = "integreringsloven"
PLUGIN_NAME = "kapittel6a"

IN_FORCE = dt.date(2022, 6, 15)  # chapter 6A in force
SCHEME_START = dt.date(2022, 3, 11)  # collective protection for people displaced from Ukraine decided
# Each date the chapter was due to lapse, as enacted, then extended or re-enacted without a gap; the last is the
# repeal by LOV-2026-06-12-22 (i kraft 1. juli 2028).
SUNSETS = (dt.date(2023, 7, 1), dt.date(2024, 7, 1), dt.date(2026, 7, 1), dt.date(2028, 7, 1))
SUNSET = SUNSETS[-1]
V2024_DEFAULT = dt.date(2024, 7, 1)  # LOV-2024-06-25-53 in force 01.07.2024 (res. 25. juni 2024 nr. 1212)

SUNSET_SETTING = "kapittel_6a.opphorsdato"
AFTER_SUNSET = "kapittel_6a.etter_opphor"
V2024_SETTING = "kapittel_6a.endringer_2024_fra"

AFTER_CHOICES = ("ukjent", "ordinaere", "vedtaksdato")


def _fmt(day: dt.date) -> str:
    return f"{day:%d.%m.%Y}"


def _parse_date_setting(value: Any) -> dt.date:
    return parse_date(value)


def _parse_margin(value: Any) -> int:
    days = None if isinstance(value, bool) else int(str(value).strip())  # "1.5" and True are refused
    if days is None or not 0 <= days <= 31:
        raise ValueError(f"expected a whole number of days from 0 to 31, got {value!r}")
    return days


def _parse_overgang(value: Any) -> str:
    if value not in OVERGANG_CHOICES:
        raise ValueError(f"expected one of {', '.join(OVERGANG_CHOICES)}")
    return value


def _parse_after(value: Any) -> str:
    if value not in AFTER_CHOICES:
        raise ValueError(f"expected one of {', '.join(AFTER_CHOICES)}")
    return value


REGIME = Regime(
    id=REGIME_ID,
    title=Text("integreringsloven kapittel 6A (midlertidige regler, kollektiv beskyttelse)",
               "Integration Act chapter 6A (temporary rules, collective protection)"),
    references=(refs.LT_2022, refs.LT_2024, refs.LT_2026, refs.PROP_72, refs.IMDI_6A),
    valid_from=IN_FORCE,
    valid_to=SUNSET,  # as last enacted; the setting kapittel_6a.opphorsdato moves it if the chapter is extended
    base=BASE_REGIME,
    checklist=("R17", "R18"),  # its own rules (R17) and who falls under it (R18)
)

SETTINGS = (
    Setting(
        name=SUNSET_SETTING,
        default=SUNSET,
        parse=_parse_date_setting,
        description=Text(
            "Datoen kapittel 6A opphører (første dag uten kapitlet). Lov 12. juni 2026 nr. 22 tilføyde kapitlet på nytt "
            "fra 1. juli 2026 (uten opphold etter lov 25. juni 2024 nr. 53) og opphever det fra 1. juli 2028. Sett en "
            "senere dato hvis kapitlet blir forlenget igjen.",
            "The date chapter 6A ceases (the first day without it). The Act of 12 June 2026 no. 22 re-added the "
            "chapter from 1 July 2026 (with no gap after the Act of 25 June 2024 no. 53) and repeals it from 1 July "
            "2028. Set a later date if the chapter is extended again."),
        references=(refs.LT_2026, refs.RES_2026),
    ),
    Setting(
        name=AFTER_SUNSET,
        default="ukjent",
        parse=_parse_after,
        description=Text(
            "Hva som gjelder for personer med kollektiv beskyttelse (innvilget fra 11.03.2022) på og etter "
            "opphørsdatoen (01.07.2028, da lov 12. juni 2026 nr. 22 opphever kapitlet). Kildene avgjør det ikke: "
            "overgangsregler for opphevelsen er ikke funnet (teksten i forskrift 12. juni 2026 nr. 1077 er ikke lest). "
            "«ukjent» (standard, det forsiktige valget): regelverket er ukjent, og alle krav blir «ukjent» med "
            "denne innstillingen som manglende opplysning. «ordinaere»: de ordinære reglene gjelder (programtillegget "
            "integreringsloven avgjør). «vedtaksdato»: den som fikk vedtak om introduksjonsprogram eller opplæring i "
            "norsk før opphørsdatoen, vurderes fortsatt etter kapittel 6A; andre etter de ordinære reglene. Når de "
            "ordinære reglene overtar en som var omfattet av kapitlet dagen før opphøret, vurderer de ordinære kravene "
            "kapitlet satte til side, ikke frister (eller planens innhold) som falt før opphøret: de blir «ikke "
            "aktuelt» med henvisning til en vurderingsdato før opphøret, der kapittel 6A vurderer dem (Grunnloven § 97; "
            "integreringsloven.annet_regelverk). Løpende plikter (fulltid, varighet, retten og plikten til opplæring, "
            "samfunnskunnskap) og frister fra opphøret vurderes etter de ordinære reglene. Unntak: NIR-registreringene "
            "(integreringsloven.nir.*) vurderes fortsatt etter de ordinære reglene også for frister før opphøret.",
            "What holds for people with collective protection (granted from 11.03.2022) on and after the sunset "
            "date (01.07.2028, when the Act of 12 June 2026 no. 22 repeals the chapter). The sources do not settle it: "
            "no transition rules for the repeal were found (the text of regulation 12 June 2026 no. 1077 was not "
            "read). «ukjent» "
            "(default, the conservative choice): the regime is unknown, and every requirement is «unknown» naming "
            "this setting. «ordinaere»: the ordinary rules apply (the integreringsloven plugin decides). "
            "«vedtaksdato»: whoever had a decision on the introduction programme or on Norwegian training before "
            "the sunset date is still judged by chapter 6A; others by the ordinary rules. When the ordinary rules take "
            "over someone who was under the chapter the day before the sunset, the ordinary requirements the chapter "
            "set aside do not judge deadlines (or the plan's contents) that fell before the sunset: they are «not "
            "applicable», pointing to an as-of date before the sunset, where chapter 6A judges them (Grunnloven § 97; "
            "integreringsloven.annet_regelverk). Continuing duties (full time, duration, the right and duty to "
            "training, social studies) and deadlines from the sunset on are judged by the ordinary rules. Exception: "
            "the NIR registrations (integreringsloven.nir.*) are still judged by the ordinary rules, also for "
            "deadlines before the sunset."),
        references=(refs.LT_2026, refs.FOR_2026_1077, refs.GRUNNLOVEN_97),
    ),
    Setting(
        name=V2024_SETTING,
        default=V2024_DEFAULT,
        parse=_parse_date_setting,
        description=Text(
            "Datoen teksten fra lov 25. juni 2024 nr. 53 gjelder fra (blant annet plikt til kompetansekartlegging "
            "for programdeltakere, § 37 b andre ledd andre punktum): 1. juli 2024 etter res. 25. juni 2024 nr. 1212. "
            "Om endringen kom allerede med lov 2. juni 2023 nr. 17 (Prop. 90 L (2022–2023)), er ikke lest; den senere "
            "datoen er det forsiktige valget.",
            "The date the text of the Act of 25 June 2024 no. 53 applies from (among other things the duty of "
            "competence mapping for programme participants, § 37 b second paragraph second sentence): 1 July 2024 by "
            "royal resolution of 25 June 2024 no. 1212. Whether the change already came with the Act of 2 June 2023 "
            "no. 17 (Prop. 90 L (2022–2023)) was not read; the later date is the conservative choice."),
        references=(refs.LT_2024, refs.RES_2024),
    ),
    Setting(
        name=SAMTIDIG_MARGIN,
        default=0,
        parse=_parse_margin,
        description=Text(
            "Antall dager etter vedtaket som fortsatt regnes som «samtidig» når integreringsplanen (§ 37 c i teksten "
            "før 01.01.2026) og norskplanen (§ 37 d tredje ledd) skal utarbeides «samtidig som det treffes vedtak». "
            "Loven gir ingen margin, så standard er 0: samme dag som vedtaket er oppfylt, dagen etter er ikke "
            "oppfylt. En kommune som mener at samme saksbehandling kan strekke seg over noen dager, kan sette et "
            "tall; funnet oppgir alltid marginen.",
            "The number of days after the decision still counted as «at the same time» when the integration plan "
            "(§ 37 c in the text before 01.01.2026) and the Norwegian plan (§ 37 d third paragraph) are to be drawn "
            "up «samtidig som det treffes vedtak». The Act gives no margin, so the default is 0: the day of the "
            "decision is met, the day after is not. A municipality holding that the same case handling may span a "
            "few days can set a number; the finding always states the margin."),
        references=(refs.L37D_3, refs.L37C_PLAN_2024),
    ),
    Setting(
        name=OVERGANG_37C,
        default="vedtaksdato",
        parse=_parse_overgang,
        description=Text(
            "Hvilken § 37 c som gjelder et program vedtatt før 01.01.2026, da LOV-2025-06-20-35 snevret § 37 c inn til "
            "at samfunnskunnskap i programmet ikke gjelder (res. 20. juni 2025 nr. 1102). Endringsloven og "
            "ikraftsettingen har ingen overgangsregel for § 37 c (departementet kan gi dem, del IV nr. 2; ingen er "
            "funnet). «vedtaksdato» (standard): teksten som gjaldt da programvedtaket ble truffet, gjelder hele "
            "programmet, slik forskriften §§ 75–76 gjør for varigheten og forskrift 17. september 2025 nr. 1909 del "
            "II nr. 3 for livsmestring, og slik § 43h andre ledd lar påbegynte program etter § 37 c fullføres; det "
            "pålegger ingen plikt som ikke gjaldt da vedtaket ble truffet. «ukjent»: for programmer vedtatt før "
            "01.01.2026 vurderes begge tekstene fra den dagen, og svaret er «ukjent» med denne innstillingen som "
            "manglende opplysning når de gir ulikt svar.",
            "Which § 37 c governs a programme decided before 01.01.2026, when LOV-2025-06-20-35 narrowed § 37 c to "
            "social studies not being part of the programme (royal resolution 20 June 2025 no. 1102). Neither the act "
            "nor the resolution has a transitional rule for § 37 c (the ministry may give them, part IV no. 2; none "
            "was found). «vedtaksdato» (default): the text in force when the programme decision was made governs "
            "the whole programme, as regulation §§ 75–76 do for the duration and regulation 17 September 2025 no. "
            "1909 part II no. 3 for life skills, and as § 43h second paragraph lets programmes begun under § 37 c "
            "be completed; it imposes no duty that did not exist when the decision was made. «ukjent»: for "
            "programmes decided before 01.01.2026 both texts are weighed from that day, and the answer is «unknown» "
            "naming this setting when they differ."),
        references=(refs.LT_2025, refs.RES_2025, refs.F75, refs.F76, refs.FOR_2025_1909),
    ),
)


def _decision(regime: str | None, nb: str, en: str, *references: LegalRef, missing: tuple[str, ...] = ()) -> RegimeDecision:
    return RegimeDecision(regime=regime, reason=Text(nb, en), references=references, missing=missing,
                          plugin=PLUGIN_NAME)


def _decision_dates(p: Participant) -> tuple[dt.date | None, dt.date | None]:
    """The programme and the training decision dates (None: not registered, so unknown)."""
    prog, training = p.introduksjonsprogram, p.opplaering
    return (prog.decision_date if prog is not None else None,
            training.decision_date if training is not None else None)


def decide(participant: Participant, as_of: dt.date, settings: Mapping[str, Any]) -> RegimeDecision | None:
    """Chapter 6A's answer for ``participant`` at ``as_of``; None lets the ordinary rules decide.

    The decision depends only on the permit's basis and grant date, whether a programme or training
    began under the old law (integreringsforskriften § 72, as the ordinary plugin reads it), the
    as-of date and the settings (and, after the sunset with ``vedtaksdato``, on the decision
    dates); a fact it needs that is unknown makes the regime unknown, so that filling it in never
    turns one decided regime into another.
    """
    permit = participant.permit
    basis = permit.basis if permit is not None else None
    granted = permit.granted if permit is not None else None
    if basis is not None and basis is not PermitBasis.KOLLEKTIV_BESKYTTELSE:
        return None  # other permits (family reunification, asylum, work ...): the ordinary rules
    if granted is not None and granted < SCHEME_START:
        return None  # chapter 6A covers § 34 permits granted from 11.03.2022 only
    if as_of < IN_FORCE:
        return None  # before 15.06.2022 the ordinary rules governed everyone
    if participant.started_under_introduksjonsloven is True:
        return None  # the old law continues (integreringsforskriften § 72): the ordinary plugin says so
    if permit is None or basis is None or granted is None or participant.started_under_introduksjonsloven is None:
        missing = (("permit",) if permit is None else tuple(
            path for path, value in (("permit.basis", basis), ("permit.granted", granted)) if value is None))
        if participant.started_under_introduksjonsloven is None:
            missing += ("started_under_introduksjonsloven",)
        return _decision(
            None,
            "Det er ukjent om deltakeren omfattes av integreringsloven kapittel 6A: det avhenger av om "
            "oppholdstillatelsen er gitt etter utlendingsloven § 34 (kollektiv beskyttelse) fra og med 11.03.2022, "
            "og om program eller opplæring ble påbegynt etter introduksjonsloven (integreringsforskriften § 72).",
            "Whether the participant falls under chapter 6A of the Integration Act is unknown: it depends on whether "
            "the residence permit was granted under utlendingsloven § 34 (collective protection) from 11.03.2022, "
            "and whether a programme or training began under introduksjonsloven (integreringsforskriften § 72).",
            refs.IMDI_6A, missing=missing)
    sunset: dt.date = settings.get(SUNSET_SETTING, SUNSET)
    why_nb = (f"Oppholdstillatelse etter utlendingsloven § 34 (kollektiv beskyttelse) innvilget {_fmt(granted)}, "
              f"fra og med 11.03.2022; kapittel 6A gjelder fra 15.06.2022")
    why_en = (f"Residence permit under utlendingsloven § 34 (collective protection) granted {_fmt(granted)}, "
              f"from 11.03.2022 on; chapter 6A applies from 15.06.2022")
    if as_of < sunset:
        return _decision(REGIME_ID, f"{why_nb} til {_fmt(sunset)}.", f"{why_en} until {_fmt(sunset)}.",
                         refs.IMDI_6A, refs.LT_2022, refs.LT_2024, refs.LT_2026)
    after = settings.get(AFTER_SUNSET, "ukjent")
    if after == "ordinaere":
        return None
    if after == "vedtaksdato":
        decisions = _decision_dates(participant)
        before = [d for d in decisions if isinstance(d, dt.date) and d < sunset]
        if before:
            return _decision(
                REGIME_ID,
                f"{why_nb}. Kapitlet opphørte {_fmt(sunset)}, men deltakeren fikk vedtak {_fmt(min(before))}, før "
                f"opphøret (innstillingen {AFTER_SUNSET} = vedtaksdato).",
                f"{why_en}. The chapter ceased on {_fmt(sunset)}, but the participant had a decision on "
                f"{_fmt(min(before))}, before it ceased (setting {AFTER_SUNSET} = vedtaksdato).",
                refs.IMDI_6A, refs.LT_2026)
        if any(d is None for d in decisions):
            missing = tuple(path for path, d in (("introduksjonsprogram.decision_date", decisions[0]),
                                                 ("opplaering.decision_date", decisions[1])) if d is None)
            return _decision(
                None,
                f"Kapittel 6A opphørte {_fmt(sunset)}; om deltakeren fortsatt omfattes, avhenger av om et vedtak ble "
                "truffet før opphøret.",
                f"Chapter 6A ceased on {_fmt(sunset)}; whether the participant is still covered depends on whether a "
                "decision was made before it ceased.", refs.LT_2026, missing=missing)
        return None
    return _decision(
        None,
        f"{why_nb}. Kapittel 6A er opphevet fra {_fmt(sunset)} (lov 12. juni 2026 nr. 22); kildene sier ikke hvilke "
        f"overgangsregler som gjelder for dem kapitlet omfattet. Sett innstillingen {AFTER_SUNSET} (eller "
        f"{SUNSET_SETTING} hvis kapitlet er forlenget).",
        f"{why_en}. Chapter 6A is repealed from {_fmt(sunset)} (Act of 12 June 2026 no. 22); the sources do not say "
        f"which transition rules apply to those it covered. Set the setting {AFTER_SUNSET} (or {SUNSET_SETTING} if "
        f"the chapter has been extended).",
        refs.LT_2026, missing=(AFTER_SUNSET,))
