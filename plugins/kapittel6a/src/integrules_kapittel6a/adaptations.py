"""The ordinary requirements chapter 6A sets aside, explicitly by id, each with the reason.

The ids are those of the integreringsloven plugin (a dependency of this one). An adaptation of
an id that is not registered is a start-up error, so this list names only that plugin's ids.
``REPLACED`` maps an ordinary id to the ``kapittel_6a.*`` requirement that judges the matter
instead; the others are set aside without a replacement.
"""

from __future__ import annotations

from integrules import Adaptation, LegalRef, Text

from . import refs
from .regime import REGIME_ID

IL = "integreringsloven."

# ordinary id -> (replacement id or None, reason nb, reason en, references)
_TABLE: dict[str, tuple[str | None, str, str, tuple[LegalRef, ...]]] = {
    "kompetansekartlegging": (
        "kapittel_6a.kompetansekartlegging",
        "Etter kapittel 6A er kompetansekartlegging en rett, men ikke en plikt; plikt bare for programdeltakere "
        "(§ 37 b andre ledd, teksten fra 2024). Kartlegging før bosetting gjelder ikke (§ 37 b første ledd).",
        "Under chapter 6A competence mapping is a right, not a duty; a duty only for programme participants "
        "(§ 37 b second paragraph, 2024 text). Mapping before settlement does not apply (§ 37 b first paragraph).",
        (refs.L37B_1, refs.L37B_2)),
    "karriereveiledning": (
        None,
        "Etter kapittel 6A er karriereveiledning en rett, men ikke en plikt, og § 11 fjerde ledd (anbefalingen) gjelder "
        "ikke (§ 37 b tredje ledd).",
        "Under chapter 6A career guidance is a right, not a duty, and § 11 fourth paragraph (the recommendation) does "
        "not apply (§ 37 b third paragraph).",
        (refs.L37B_3,)),
    "vedtak_og_oppstart": (
        "kapittel_6a.vedtak_og_oppstart",
        "Etter kapittel 6A er introduksjonsprogrammet en rett, men ikke en plikt (§ 37 c første ledd); fristen i § 12 "
        "gjelder for dem som deltar.",
        "Under chapter 6A the introduction programme is a right, not a duty (§ 37 c first paragraph); the § 12 deadline "
        "applies to those who take part.",
        (refs.L37C_1,)),
    "sluttmal": (
        "kapittel_6a.sluttmal",
        "Sluttmålet følger § 37 c andre og tredje ledd (med videregående utdanning: arbeid, høyere utdanning eller "
        "høyere yrkesfaglig utdanning).",
        "The end goal follows § 37 c second and third paragraphs (with upper-secondary education: work, higher "
        "education or higher vocational education).",
        (refs.L37C_2, refs.L37C_3)),
    "varighet": (
        "kapittel_6a.varighet",
        "Varigheten følger § 37 c andre og tredje ledd (med videregående utdanning: inntil seks måneder, forlengelse "
        "inntil seks måneder).",
        "The duration follows § 37 c second and third paragraphs (with upper-secondary education: up to six months, "
        "extension up to six months).",
        (refs.L37C_2, refs.L37C_3)),
    "fulltid": (
        "kapittel_6a.helarig",
        "Kravet i § 14 fjerde ledd om at programmet skal være på fulltid, gjelder ikke (§ 37 c fjerde ledd); kravet om "
        "helårig program vurderes for seg.",
        "The § 14 fourth paragraph rule that the programme be full time does not apply (§ 37 c fourth paragraph); the "
        "all-year rule is judged on its own.",
        (refs.L37C_4,)),
    "livsmestring": (
        "kapittel_6a.livsmestring",
        "Kurs i livsmestring er ikke et krav etter kapittel 6A: § 14 første ledd bokstav a, b og c gjelder ikke "
        "(§ 37 c fjerde ledd).",
        "A life-skills course is not required under chapter 6A: § 14 first paragraph letters a, b and c do not apply "
        "(§ 37 c fourth paragraph).",
        (refs.L37C_4, refs.PROP_81_CH6)),
    "foreldreveiledning": (
        "kapittel_6a.foreldreveiledning",
        "Foreldreveiledning er obligatorisk også etter kapittel 6A (§ 37 c fjerde ledd), for dem som deltar; en "
        "forkortet variant kan tilbys ved kapasitetsbehov.",
        "Parental guidance is mandatory under chapter 6A too (§ 37 c fourth paragraph), for those who take part; a "
        "shortened course may be offered when capacity requires.",
        (refs.L37C_4,)),
    "integreringsplan": (
        "kapittel_6a.integreringsplan",
        "§ 15 gjelder ikke etter kapittel 6A; integreringsplanen følger § 37 c (sjette ledd i 2022-teksten, sjuende "
        "ledd i 2024-teksten).",
        "§ 15 does not apply under chapter 6A; the integration plan follows § 37 c (sixth paragraph in the 2022 text, "
        "seventh in the 2024 text).",
        (refs.L37C_PLAN_2022_LAST, refs.L37C_PLAN_2024_LAST)),
    "integreringsplan_innhold": (
        "kapittel_6a.integreringsplan_innhold",
        "§ 15 gjelder ikke etter kapittel 6A; planens minsteinnhold er redusert (ikke norskmål), § 37 c.",
        "§ 15 does not apply under chapter 6A; the plan's minimum content is reduced (no Norwegian goal), § 37 c.",
        (refs.L37C_PLAN_2022_LAST, refs.L37C_PLAN_2024_LAST)),
    "integreringsplan_revisjon": (
        "kapittel_6a.integreringsplan_revisjon",
        "§ 15 gjelder ikke etter kapittel 6A, heller ikke sjette ledd om at planen skal vurderes jevnlig (§ 37 c sjette "
        "ledd siste punktum i 2022-teksten, sjuende ledd i 2024-teksten).",
        "§ 15 does not apply under chapter 6A, nor its sixth paragraph on regular review of the plan (§ 37 c sixth "
        "paragraph last sentence in the 2022 text, seventh in the 2024 text).",
        (refs.L37C_PLAN_2022_LAST, refs.L37C_PLAN_2024_LAST)),
    "integreringskontrakt": (
        "kapittel_6a.integreringskontrakt",
        "Etter § 37 c i 2022- og 2024-teksten gjelder ikke § 16 (sjette ledd siste punktum i 2022-teksten, sjuende ledd "
        "siste punktum i 2024-teksten). § 37 c etter LOV-2025-06-20-35 (fra 01.01.2026) har ikke dette unntaket; "
        "erstatningskravet vurderer hvilken tekst som gjelder programmet.",
        "Under § 37 c of the 2022 and 2024 texts § 16 does not apply (sixth paragraph last sentence in the 2022 text, "
        "seventh paragraph last sentence in the 2024 text). § 37 c as amended by LOV-2025-06-20-35 (from 01.01.2026) "
        "drops that exception; the replacement judges which text governs the programme.",
        (refs.L37C_PLAN_2022_LAST, refs.L37C_PLAN_2024_LAST)),
    "norskplan": (
        "kapittel_6a.norskplan",
        "§ 34 gjelder ikke etter kapittel 6A; norskplanen følger § 37 d tredje ledd.",
        "§ 34 does not apply under chapter 6A; the Norwegian plan follows § 37 d third paragraph.",
        (refs.L37D_3,)),
    "norskopplaering_varighet": (
        "kapittel_6a.norskopplaering_varighet",
        "Retten til opplæring i norsk etter kapittel 6A er en rett, ikke en plikt, og gjelder i ett år fra oppstart "
        "(§ 37 d første og andre ledd).",
        "The right to Norwegian training under chapter 6A is a right, not a duty, and lasts one year from the start "
        "(§ 37 d first and second paragraphs).",
        (refs.L37D_1, refs.L37D_2)),
    "samfunnskunnskap": (
        None,
        "Personer med kollektiv beskyttelse har ikke rett eller plikt til opplæring i samfunnskunnskap (§ 37 d første "
        "ledd).",
        "People with collective protection have no right or duty to social-studies training (§ 37 d first paragraph).",
        (refs.L37D_1,)),
    "samfunnskunnskapsprove": (
        None,
        "Ingen opplæring i samfunnskunnskap og ingen plikt til å avlegge prøver etter § 37 (§ 37 d første og andre ledd).",
        "No social-studies training and no duty to take tests under § 37 (§ 37 d first and second paragraphs).",
        (refs.L37D_1, refs.L37D_2)),
    "avsluttende_norskprove": (
        "kapittel_6a.gratis_avsluttende_norskprove",
        "Plikten til å avlegge prøver etter § 37 gjelder ikke; kommunen skal i stedet sørge for mulighet til gratis "
        "avsluttende prøve i norsk (§ 37 d andre ledd).",
        "The duty to take tests under § 37 does not apply; instead the municipality shall make sure a free final "
        "Norwegian test can be taken (§ 37 d second paragraph).",
        (refs.L37D_2,)),
    "nir.integreringskontrakt": (
        "kapittel_6a.nir.integreringskontrakt",
        "Ingen integreringskontrakt etter kapittel 6A (§ 16 gjelder ikke, § 37 c), og dermed ingenting å registrere.",
        "No integration contract under chapter 6A (§ 16 does not apply, § 37 c), so nothing to register.",
        (refs.L37C_PLAN_2022_LAST, refs.L37C_PLAN_2024_LAST)),
    "nir.livsmestring": (
        "kapittel_6a.nir.livsmestring",
        "Livsmestring er ikke et krav etter kapittel 6A (§ 37 c fjerde ledd), og registreres ikke som gjennomført krav.",
        "Life skills is not required under chapter 6A (§ 37 c fourth paragraph), and is not registered as a completed "
        "requirement.",
        (refs.L37C_4,)),
    "nir.samfunnskunnskap": (
        None,
        "Ingen rett eller plikt til samfunnskunnskap etter kapittel 6A (§ 37 d første ledd); NIR viser ordningen "
        "«Norsk rett/norskmål».",
        "No right or duty to social studies under chapter 6A (§ 37 d first paragraph); NIR shows the scheme «Norsk "
        "rett/norskmål».",
        (refs.L37D_1, refs.NIR_6A)),
    "nir.utdanningsbakgrunn": (
        "kapittel_6a.nir.utdanningsbakgrunn",
        "Etter kapittel 6A registreres utdanningsbakgrunn bare når det er vedtak om utvidet opplæring i norsk "
        "(integreringsforskriften § 47 første ledd nr. 2 om opplysningene og § 58 andre ledd om kommunens registrering, slik IMDi "
        "anvender dem for personer med bare rett etter § 37 d).",
        "Under chapter 6A education background is registered only with a decision on extended Norwegian training "
        "(integreringsforskriften § 47 first paragraph no. 2 on the data and § 58 second paragraph on the municipality's registration, as "
        "IMDi applies them to people with a right under § 37 d only).",
        (refs.L43_2, refs.F58, refs.F47, refs.L37D_2, refs.NIR_6A)),
}

# Set aside by § 37 c before 01.01.2026 only: for programmes decided from then (LOV-2025-06-20-35) the replacement
# judges by the ordinary rule, so the reason says both.
_OLD_37C_ONLY = frozenset((
    "vedtak_og_oppstart", "sluttmal", "varighet", "fulltid", "livsmestring", "foreldreveiledning", "integreringsplan",
    "integreringsplan_innhold", "integreringsplan_revisjon", "integreringskontrakt", "nir.integreringskontrakt",
    "nir.livsmestring"))
_NEW_37C = (" Dette gjelder programmer vedtatt etter § 37 c slik den lød før 01.01.2026; for programmer vedtatt fra "
            "01.01.2026 (LOV-2025-06-20-35) anvender erstatningskravet den ordinære regelen.",
            " This holds for programmes decided under § 37 c as it read before 01.01.2026; for programmes decided from "
            "01.01.2026 (LOV-2025-06-20-35) the replacement applies the ordinary rule.")

ADAPTATIONS = tuple(
    Adaptation(requirement_id=IL + name, regime=REGIME_ID,
               reason=Text(nb + _NEW_37C[0], en + _NEW_37C[1]) if name in _OLD_37C_ONLY else Text(nb, en),
               references=(*references, refs.L37C_2026) if name in _OLD_37C_ONLY else references,
               replaced_by=replaced)
    for name, (replaced, nb, en, references) in sorted(_TABLE.items())
)

# ordinary id -> replacement id
REPLACED = {a.requirement_id: a.replaced_by for a in ADAPTATIONS if a.replaced_by}
ADAPTED_IDS = tuple(a.requirement_id for a in ADAPTATIONS)
