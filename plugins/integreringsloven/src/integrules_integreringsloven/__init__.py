"""integreringsloven (LOV-2020-11-06-127) and integreringsforskriften, the ordinary rules, as an integrules plugin.

What it registers (docs/integreringsloven.md has one row per requirement, with its source):

- regimes ``integreringsloven`` (judged, from 2021-01-01) and ``introduksjonsloven`` (the old law, not
  judged); the regime decision of § 51 with forskrift § 72 (R18), not ``tryfirst``: the chapter 6A
  plugin answers first for its people;
- derived facts (``integreringsloven.rett_og_plikt_program``, ``.rett_og_plikt_opplaering``,
  ``.plikt_opplaering``, ``.frist_vedtak``, ``.frist_opplaering``, ``.rett_og_plikt_opplaering_fra``,
  ``.rett_og_plikt_opplaering_til``), which other plugins may read and override;
- the requirements R1-R15 (``integreringsloven.*``) and the NIR items (``integreringsloven.nir.*``,
  category ``nir``);
- settings where the sources cannot settle a fact, each with a conservative default.

Persons outside every target group (Nordic and EEA citizens) fall under ``integreringsloven``: the law
governs them, and every requirement is ``not_applicable`` with the reason (§ 8 fourth paragraph, § 26).
The Norwegian goal and the minimum levels belong to the ``norskmal`` plugin (``norskmal.*``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from integrules import DerivedFact, Regime, Requirement, Setting, Text, hookimpl
from integrules.dates import parse_date

from . import _common, facts, klokker, nir, rules
from ._common import (
    ALDER_2025, ENDRINGSLOV_2025, FORSKRIFT_URL, IKKE_I_KRAFT, IKRAFT_2025, IMDI_NY_LOV, IN_FORCE, LOVDATA_RES_2025, LT_2025_35,
    OLD_REGIME, OVERGANG_2025, REGIME, UKJENT, forskrift, lov, parse_alder, parse_ikraft, parse_overgang, veileder,
)
from .facts import decide_regime
from .klokker import ETTER_DATO
from .nir import NIR_ITEMS, NIR_REQUIREMENTS
from .rules import (  # noqa: F401  (module-level Requirement objects, found by id by other plugins)
    KAPASITET, KARRIERE_MYK, LIVSMESTRING_FRA, LIVSMESTRING_FRA_DEFAULT, OVERGANG_DAGEN, REVISJON, arbeidsrettede_elementer,
    avslutning_registrert, avsluttende_norskprove, foreldreveiledning,
    fulltid, integreringskontrakt, integreringsplan, integreringsplan_innhold, integreringsplan_revisjon, karriereveiledning,
    kompetansekartlegging, livsmestring, malgruppe, norskopplaering_tilbud, norskopplaering_varighet, norskplan,
    samfunnskunnskap, samfunnskunnskapsprove, sluttmal, varighet, vedtak_og_oppstart,
)

PLUGIN_NAME = "integreringsloven"

__all__ = ["NIR_ITEMS", "PLUGIN_NAME", "all_requirements", "decide_regime", "requirement_by_id"]


def all_requirements() -> tuple[Requirement, ...]:
    """Every requirement version this plugin registers (one each: the texts of LOV-2025-06-20-35 are chosen
    at evaluation by the setting integreringsloven.endringslov_2025_ikraft, not at registration)."""
    return (*rules.REQUIREMENTS, *NIR_REQUIREMENTS)


def requirement_by_id(requirement_id: str, day: dt.date | None = None) -> Requirement | None:
    """The requirement with this id (the version in force on ``day``, else the latest version), or None."""
    versions = [r for r in all_requirements() if r.id == requirement_id]
    if day is not None:
        versions = [r for r in versions if r.in_force(day)]
    return versions[-1] if versions else None


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "1", "ja", "yes"):
        return True
    if text in ("false", "0", "nei", "no"):
        return False
    raise ValueError(f"expected true or false, got {value!r}")


def _date(value: Any) -> str:
    """A date setting, kept as ISO text (the rules read it with parse_date)."""
    return parse_date(value).isoformat()


def _months(value: Any) -> int:
    if isinstance(value, bool):
        raise ValueError(f"expected a whole number of months from 1 to 24, got {value!r}")
    months = int(value)
    if not 1 <= months <= 24:
        raise ValueError(f"expected a whole number of months from 1 to 24, got {value!r}")
    return months


@hookimpl
def integrules_register_regimes(register) -> None:
    register.regime(Regime(
        id=REGIME, title=Text("integreringsloven", "the Integration Act (integreringsloven)"),
        references=(lov("51"),), valid_from=IN_FORCE, checklist=("R18",)))
    register.regime(Regime(
        id=OLD_REGIME, title=Text("introduksjonsloven (2003)", "the Introduction Act of 2003 (introduksjonsloven)"),
        references=(lov("51"), lov("50"), veileder("Ny lov om integrering", IMDI_NY_LOV)), valid_to=None, judged=False,
        checklist=("R18",)))


@hookimpl
def integrules_decide_regime(participant, as_of, settings):
    return decide_regime(participant, as_of)


@hookimpl
def integrules_register_settings(register) -> None:
    register.setting(Setting(
        name=REVISJON, default=6, parse=_months, references=(lov("15", 6),),
        description=Text(
            "Lengste tid i måneder mellom to vurderinger av integreringsplanen mens programmet varer. Loven sier bare "
            "«vurderes jevnlig» (§ 15 sjette ledd) og ingen kilde gir et tall; 6 måneder (minst to ganger i året) er et "
            "varsomt valg som fanger planer som ikke følges opp. Kommunens egen rutine kan være strengere (se "
            "eksempelkommune).",
            "Longest time in months between two reviews of the integration plan while the programme runs. The law "
            "only says «reviewed regularly» (§ 15 sixth paragraph) and no source gives a number; 6 months (at least "
            "twice a year) is a cautious choice that catches plans not followed up. A municipality's own routine may "
            "be stricter (see eksempelkommune).")))
    register.setting(Setting(
        name=KARRIERE_MYK, default=True, parse=_bool, references=(lov("11", 1),),
        description=Text(
            "Om «bør gjennomføres før vedtak» i § 11 er en myk regel (true): veiledning etter vedtaksfristen er "
            "oppfylt, og manglende veiledning venter mens programmet varer (frist: programmets sluttdato) og er ikke "
            "oppfylt når programmet er avsluttet uten veiledning (§ 11 andre ledd, § 15 andre ledd). Med false er "
            "vedtaksfristen en frist. «Bør» er ikke en rettslig frist, så standard er ikke å melde brudd på fristen.",
            "Whether «should be given before the decision» in § 11 is a soft rule (true): guidance after the "
            "decision deadline is met, and missing guidance is pending while the programme runs (due: its end date) "
            "and not met once the programme ended without it (§ 11 second paragraph, § 15 second paragraph). With "
            "false the decision deadline is a deadline. «Bør» sets no legal deadline, so by default missing it is "
            "not reported as a breach.")))
    register.setting(Setting(
        name=KAPASITET, default=False, parse=_bool, references=(rules.forskrift("3", 4),),
        description=Text(
            "Om kommunen har gjort unntak av kapasitetshensyn fra antall møter i foreldreveiledning (minst 4 i gruppe, "
            "2 individuelt, i stedet for 8-12 og 5-8). Unntaket står hos IMDi etter sitatet av forskriften § 3, og "
            "paragrafen er ikke bekreftet; det er kommunens eget vedtak, så standard er false (hovedregelen).",
            "Whether the municipality uses the capacity exception for parenting guidance (at least 4 group meetings or "
            "2 individual sessions, instead of 8-12 and 5-8). IMDi prints the exception after its quote of regulation "
            "§ 3 and its section is not confirmed; it is the municipality's own decision, so the default is false "
            "(the main rule).")))
    register.setting(Setting(
        name=ENDRINGSLOV_2025, default=IKRAFT_2025.isoformat(), parse=parse_ikraft,
        references=(veileder("FOR-2025-06-20-1102 (ikrafttredelse av LOV-2025-06-20-35)", LOVDATA_RES_2025),
                    veileder("LOV-2025-06-20-35", LT_2025_35), lov("8", 4), lov("13"), lov("14"), lov("14 a"), lov("15", 3)),
        description=Text(
            "Datoen endringsloven LOV-2025-06-20-35 (§ 8 fjerde ledd om arbeid, nye §§ 12 a, 13, 14, 14 a, 15, 18 a, 18 b, "
            "ny § 37 c) gjelder fra. Standard 2026-01-01: FOR-2025-06-20-1102, slik notene i den konsoliderte lovteksten "
            "(hentet 28.07.2026) oppgir; endringene i §§ 2, 12, 30, 40 og 48 gjaldt fra 20.06.2025, men berører ikke "
            "det reglene vurderer. Aldersgrensen 18-60 år i § 8 er ikke i kraft og har egen innstilling "
            "(integreringsloven.endringslov_2025_aldersgrense_ikraft). Før sanksjonen 20.06.2025 gjelder bare "
            "2021-teksten; med en dato gjelder 2025-teksten for det som skjer fra den dagen; med «ukjent» vurderes "
            "begge tekstene, og svaret er «ukjent» med denne innstillingen som manglende opplysning når de gir ulikt svar.",
            "The date the amending act LOV-2025-06-20-35 (§ 8 fourth paragraph on work, new §§ 12 a, 13, 14, 14 a, 15, "
            "18 a, 18 b, new § 37 c) applies from. Default 2026-01-01: FOR-2025-06-20-1102, as the notes of the "
            "consolidated text (retrieved 28.07.2026) give it; the changes to §§ 2, 12, 30, 40 and 48 applied from "
            "20.06.2025 but touch nothing the rules judge. The 18-60 age limit of § 8 is not in force and has its own "
            "setting (integreringsloven.endringslov_2025_aldersgrense_ikraft). Before the sanction on 20.06.2025 only the "
            "2021 text applies; with a date the 2025 text governs what happens from that day; with «ukjent» (unknown) "
            "both texts are judged, and the answer is «unknown», naming this setting, when they differ.")))
    register.setting(Setting(
        name=ALDER_2025, default=IKKE_I_KRAFT, parse=parse_alder,
        references=(lov("8", 1, punktum=1), lov("8", 3, punktum=1), veileder("LOV-2025-06-20-35", LT_2025_35)),
        description=Text(
            "Når aldersgrensen «fra og med 18 til og med 60 år» i § 8 første ledd første punktum (og «over 60 år» i "
            "tredje ledd første punktum) etter LOV-2025-06-20-35 gjelder fra. Standard «ikke_i_kraft»: notene i den "
            "konsoliderte lovteksten (28.07.2026) sier «i kraft fra den tid Kongen bestemmer», så 18-55 år gjelder. "
            "Sett en dato når Kongen har bestemt den, eller «ukjent» for å vurdere begge aldersgrensene.",
            "When the age limit «from 18 up to and including 60» of § 8 first paragraph first sentence (and «over 60» in "
            "the third paragraph first sentence) as amended by LOV-2025-06-20-35 applies. Default «ikke_i_kraft» (not in "
            "force): the notes of the consolidated text (28.07.2026) say «in force from the time the King decides», so "
            "18-55 applies. Set a date once the King has decided it, or «ukjent» to judge both age limits.")))
    register.setting(Setting(
        name=OVERGANG_2025, default="vedtaksdato", parse=parse_overgang,
        references=(forskrift("75", url=FORSKRIFT_URL.format("75")), forskrift("76", url=FORSKRIFT_URL.format("76")),
                    veileder("LOV-2025-06-20-35 del IV nr. 2", LT_2025_35)),
        description=Text(
            "Hvilken dato som er «tilbud om oppstart» (forskriften §§ 75-76) og avgjør om et introduksjonsprogram følger "
            "2021- eller 2025-reglene om varighet, sluttmål og arbeidsrettede elementer: «vedtaksdato» (standard) eller "
            "«oppstart». Tilbudet om program gis i vedtaket etter § 12, som også fastsetter programmet (§ 15), så "
            "vedtaksdatoen er standard.",
            "Which date is the «offer of a programme start» (regulation §§ 75-76) that decides whether an introduction "
            "programme follows the 2021 or the 2025 rules on duration, end goal and work-oriented elements: "
            "«vedtaksdato» (decision date, the default) or «oppstart» (start date). The programme is offered in the § 12 "
            "decision, which also sets it (§ 15), so the decision date is the default.")))
    register.setting(Setting(
        name=OVERGANG_DAGEN, default=True, parse=_bool,
        references=(forskrift("75", url=FORSKRIFT_URL.format("75")), forskrift("76", url=FORSKRIFT_URL.format("76"))),
        description=Text(
            "Om et tilbud om oppstart gitt selve dagen 01.01.2025 eller 01.01.2026 er «etter» datoen i forskriften "
            "§§ 75-76 (true, standard) eller ikke (false: først fra dagen etter). " + ETTER_DATO.nb,
            "Whether a programme start offered on the day itself, 01.01.2025 or 01.01.2026, is «after» the date of "
            "regulation §§ 75-76 (true, the default) or not (false: only from the day after). " + ETTER_DATO.en)))
    register.setting(Setting(
        name=LIVSMESTRING_FRA, default=LIVSMESTRING_FRA_DEFAULT, parse=_date,
        references=(forskrift("4", 3, url=FORSKRIFT_URL.format("4")), forskrift("4", 4, url=FORSKRIFT_URL.format("4"))),
        description=Text(
            "Vedtaksdatoen fra og med som deltakere med videregående eller høyere skal tilbys minst 15 timer livsmestring "
            "(5 + 10) i stedet for 25 (forskriften § 4 etter FOR-2025-09-17-1909, i kraft 01.01.2026). Lovdata viser til "
            "en overgangsregel i endringsforskriften, som ikke er funnet; standard 2026-01-01 lar programmer vedtatt fra "
            "ikrafttredelsen følge den nye regelen.",
            "The decision date from which participants with upper secondary or higher must be offered at least 15 hours of "
            "life skills (5 + 10) instead of 25 (regulation § 4 as amended by FOR-2025-09-17-1909, in force 01.01.2026). "
            "Lovdata points to a transition rule in the amending regulation, which was not found; the default 2026-01-01 "
            "lets programmes decided from the in-force date follow the new rule.")))
    for item in klokker.SETTINGS:  # the training clocks and «samtidig» (klokker.py)
        register.setting(item)


@hookimpl
def integrules_register_derived_facts(register) -> None:
    for item in (*facts.FACTS, *klokker.FACTS):
        register.derived_fact(item)


@hookimpl
def integrules_register_requirements(register) -> None:
    register.requirement(*all_requirements())


_ = (DerivedFact, nir)


@hookimpl
def integrules_register_verification(register) -> None:
    """The date this rule set's texts were checked against: the consolidated Lovdata texts retrieved 28.07.2026."""
    from integrules import Verification  # here, not at the top: keeps this addition apart from the imports

    register.verification(Verification(
        verified_to=dt.date(2026, 7, 28),
        sources=Text(
            "Integreringsloven (LOV-2020-11-06-127) og integreringsforskriften (FOR-2020-12-15-2912), "
            "konsoliderte tekster fra Lovdatas åpne data hentet 28.07.2026 (siste endring i kraft "
            "01.07.2026).",
            "The Integration Act (LOV-2020-11-06-127) and regulation (FOR-2020-12-15-2912), consolidated "
            "texts from Lovdata's open data retrieved 28.07.2026 (last amendment in force 01.07.2026).")))


@hookimpl
def integrules_report_areas():
    from .areas import AREAS

    return AREAS
