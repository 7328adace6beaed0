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

from . import _common, facts, nir, rules
from ._common import (
    ENDRINGSLOV_2025, IMDI_NY_LOV, IN_FORCE, LT_2025_35, OLD_REGIME, OVERGANG_2025, REGIME, UKJENT, lov, parse_ikraft,
    parse_overgang, veileder,
)
from .facts import decide_regime
from .nir import NIR_ITEMS, NIR_REQUIREMENTS
from .rules import (  # noqa: F401  (module-level Requirement objects, found by id by other plugins)
    KAPASITET, KARRIERE_MYK, PERMISJON_2025, REVISJON, avslutning_registrert, avsluttende_norskprove, foreldreveiledning,
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
        name=ENDRINGSLOV_2025, default=UKJENT, parse=parse_ikraft,
        references=(veileder("LOV-2025-06-20-35 del IV nr. 1", LT_2025_35), lov("8", 1), lov("13"), lov("14")),
        description=Text(
            "Datoen endringsloven LOV-2025-06-20-35 (§ 8 18-60 år og unntak for arbeid, nye §§ 12 a, 13, 14, 14 a, "
            "18 a, 18 b, ny § 37 c) gjelder fra, eller «ukjent» (standard). Loven gjelder «fra den tiden Kongen "
            "bestemmer», og ingen kilde som er lest, gir datoen (docs/legal-notes/integreringsloven.md § 1.1). Før "
            "sanksjonen 20.06.2025 gjelder bare 2021-teksten; med en dato gjelder 2025-teksten for det som skjer fra "
            "den dagen; med «ukjent» vurderes både 2021- og 2025-teksten etter 20.06.2025, og svaret er «ukjent» med "
            "denne innstillingen som manglende opplysning når de gir ulikt svar. Kongen kan sette bestemmelsene i kraft "
            "til ulik tid; én dato for alle er en forenkling.",
            "The date the amending act LOV-2025-06-20-35 (§ 8 ages 18-60 and the work exception, new §§ 12 a, 13, 14, "
            "14 a, 18 a, 18 b, new § 37 c) applies from, or «ukjent» (unknown, the default). The act applies «from the "
            "time the King decides», and no source read gives the date (docs/legal-notes/integreringsloven.md § 1.1). "
            "Before its sanction on 20.06.2025 only the 2021 text applies; with a date the 2025 text governs what "
            "happens from that day; with «ukjent» both the 2021 and the 2025 text are judged after 20.06.2025, and the "
            "answer is «unknown», naming this setting, when they differ. The King may bring provisions into force at "
            "different times; one date for all is a simplification.")))
    register.setting(Setting(
        name=OVERGANG_2025, default="vedtaksdato", parse=parse_overgang,
        references=(veileder("LOV-2025-06-20-35 del IV nr. 2", LT_2025_35),),
        description=Text(
            "Hvilken dato som avgjør om et introduksjonsprogram følger 2021- eller 2025-reglene om sluttmål og varighet: "
            "«vedtaksdato» (standard) eller «oppstart». Loven sier bare «Departementet kan gi nærmere overgangsregler», "
            "og ingen overgangsregler er funnet; vedtaket er det som fastsetter programmet (§ 15), så vedtaksdatoen er "
            "standard.",
            "Which date decides whether an introduction programme follows the 2021 or the 2025 rules on end goal and duration: "
            "«vedtaksdato» (decision date, the default) or «oppstart» (start date). The act only says «Departementet kan "
            "gi nærmere overgangsregler» (the ministry may give transition rules), and none was found; the decision is "
            "what sets the programme (§ 15), so the decision date is the default.")))
    register.setting(Setting(
        name=PERMISJON_2025, default=True, parse=_bool, references=(lov("18 b"),),
        description=Text(
            "Etter LOV-2025-06-20-35 står det ikke lenger i loven at godkjent permisjon legges til programtiden; det "
            "skal avgjøres i forskrift (§ 18 b bokstav d), som ikke er funnet. Standard true beholder 2021-regelen "
            "og melder ikke brudd for program forlenget med permisjon. Brukes bare når 2025-versjonen er i kraft.",
            "After LOV-2025-06-20-35 the law no longer says approved leave is added to the programme; a regulation "
            "decides (§ 18 b letter d), which was not found. The default true keeps the 2021 rule and reports no "
            "breach for a programme extended by leave. Used only when the 2025 version is in force.")))


@hookimpl
def integrules_register_derived_facts(register) -> None:
    for item in facts.FACTS:
        register.derived_fact(item)


@hookimpl
def integrules_register_requirements(register) -> None:
    register.requirement(*all_requirements())


_ = (DerivedFact, nir)


@hookimpl
def integrules_report_areas():
    from .areas import AREAS

    return AREAS
