"""The legal references this plugin cites. Each was checked at the source named in
docs/legal-notes/kapittel-6a.md (the research note) and docs/kapittel-6a.md.

Two texts of chapter 6A have been read: V2022 (LOV-2022-06-10-35 part IX) and V2024
(LOV-2024-06-25-53 part X, which re-enacts the whole chapter). V2024 inserted a new sixth
paragraph in § 37 c, so the integration-plan paragraph (with «§§ 15 og 16 gjelder ikke») is the
sixth paragraph in V2022 and the seventh in V2024; both are cited where it matters.
"""

from __future__ import annotations

from integrules import LegalRef

LOV = "integreringsloven"
LOV_URL = "https://lovdata.no/lov/2020-11-06-127/"
LT_2022_URL = "https://lovdata.no/dokument/LTI/lov/2022-06-10-35"
LT_2024_URL = "https://lovdata.no/dokument/LTI/lov/2024-06-25-53"
IMDI_6A_URL = ("https://imdi.no/kvalifisering/regelverk/"
               "juridisk-veileder-til-integreringslovens-midlertidige-kapittel-6a")
IMDI_6A_INTRO_URL = "https://www.imdi.no/kvalifisering/regelverk/kapittel-6a-midlertidige-regler-for-fordrevne-fra-ukraina/"
NIR_6A_URL = ("https://www.imdi.no/imdinett/nasjonalt-introduksjonsregister-nir/"
              "endringer-i-nir-som-folge-av-fordrevne-fra-ukraina/")
PROP_72_URL = "https://www.regjeringen.no/no/dokumenter/prop.-72-l-20232024/id3031838/?ch=2"
PROP_81_CH6_URL = "https://www.regjeringen.no/no/dokumenter/prop.-81-l-20242025/id3094568/?ch=6"


def lov(section: str, ledd: int | None = None, *, punktum: int | None = None, bokstav: str | None = None) -> LegalRef:
    anchor = section.replace("§ ", "§").replace(" ", "")
    return LegalRef(LOV, section, ledd=ledd, punktum=punktum, bokstav=bokstav, url=LOV_URL + anchor)


# The acts: chapter 6A enacted (in force 15.06.2022, first sunset 01.07.2023) and re-enacted
# (sunset 01.07.2026: «Del II til XII i loven oppheves 1. juli 2026.»).
LT_2022 = LegalRef("lov 10. juni 2022 nr. 35 (midlertidige endringer, fordrevne fra Ukraina)", "del IX og XI",
                   url=LT_2022_URL)
LT_2024 = LegalRef("lov 25. juni 2024 nr. 53 (videreføring av midlertidige regler)", "del X og XIII", url=LT_2024_URL)
# In force 01.07.2024 by res. 25. juni 2024 nr. 1212 (the chapter note in the consolidated act).
RES_2024 = LegalRef("res. 25. juni 2024 nr. 1212 (ikraftsetting av lov 25. juni 2024 nr. 53)",
                    url="https://lovdata.no/dokument/LTI/forskrift/2024-06-25-1212", kind="forskrift")
# Chapter 6A re-added from 01.07.2026 (res. 12. juni 2026 nr. 1076), repealed from 01.07.2028, by the same act:
# «tilføyd ved lov 12 juni 2026 nr. 22 (i kraft 1 juli 2026 ...). Oppheves ved lov 12 juni 2026 nr. 22 (i kraft
# 1 juli 2028)» (the chapter note of integreringsloven kapittel 6A as consolidated on 28.07.2026).
LT_2026_URL = "https://lovdata.no/dokument/LTI/lov/2026-06-12-22"
LT_2026 = LegalRef("lov 12. juni 2026 nr. 22 (videreføring av kapittel 6A til 1. juli 2028)", url=LT_2026_URL)
RES_2026 = LegalRef("res. 12. juni 2026 nr. 1076 (ikraftsetting av lov 12. juni 2026 nr. 22)",
                    url="https://lovdata.no/dokument/LTI/forskrift/2026-06-12-1076", kind="forskrift")
# Named by the chapter note as transitional rules for chapter 6A (in force 01.07.2026); its text was not found.
FOR_2026_1077 = LegalRef("forskrift 12. juni 2026 nr. 1077 (overgangsregler, integreringsloven kapittel 6A)",
                         url="https://lovdata.no/dokument/LTI/forskrift/2026-06-12-1077", kind="forskrift")
CHAPTER_6A = LegalRef(LOV, "kapittel 6A", url=LOV_URL + "KAPITTEL_6A")
PROP_72 = LegalRef("Prop. 72 L (2023–2024)", "punkt 2.1", url=PROP_72_URL, kind="forarbeid")
IMDI_6A = LegalRef("IMDi, juridisk veileder til integreringslovens midlertidige kapittel 6A", url=IMDI_6A_URL,
                   kind="veileder")
IMDI_6A_INTRO = LegalRef("IMDi, Kapittel 6A Midlertidige regler for fordrevne fra Ukraina", url=IMDI_6A_INTRO_URL,
                         kind="veileder")
NIR_6A = LegalRef("IMDi, NIR tilpasset midlertidig regelverk for fordrevne fra Ukraina", url=NIR_6A_URL,
                  kind="veileder")
PROP_81_CH6 = LegalRef("Prop. 81 L (2024–2025)", "punkt 6.1", url=PROP_81_CH6_URL, kind="forarbeid")
LT_2025_URL = "https://lovdata.no/dokument/LTI/lov/2025-06-20-35"
LT_2025 = LegalRef("lov 20. juni 2025 nr. 35 (økt arbeidsretting og formell opplæring)", "del I (§ 37 c) og del IV",
                   url=LT_2025_URL)
# Puts LOV-2025-06-20-35 part I in force on 01.01.2026 (except § 8 first paragraph first sentence and third
# paragraph first sentence), §§ 1, 12, 30 and 48 on 20.06.2025. No transitional rule for § 37 c in it.
RES_2025 = LegalRef("res. 20. juni 2025 nr. 1102 (delt ikraftsetting av lov 20. juni 2025 nr. 35)",
                    url="https://lovdata.no/dokument/LTI/forskrift/2025-06-20-1102", kind="forskrift")
# The regulation amendment of the same reform: life-skills hours for decisions from 01.01.2026 (part II no. 3).
FOR_2025_1909 = LegalRef("forskrift 17. september 2025 nr. 1909 (endringer i integreringsforskriften)", "del II nr. 3",
                         url="https://lovdata.no/dokument/LTI/forskrift/2025-09-17-1909", kind="forskrift")
FORSKRIFT_URL = "https://lovdata.no/forskrift/2020-12-15-2912/"


def forskrift(section: str, ledd: int | None = None) -> LegalRef:
    """integreringsforskriften (FOR-2020-12-15-2912) § ``section``."""
    return LegalRef("integreringsforskriften", section, ledd=ledd,
                    url=FORSKRIFT_URL + section.replace("§ ", "§").replace(" ", ""), kind="forskrift")


F75 = forskrift("§ 75")
F76 = forskrift("§ 76")
F47 = forskrift("§ 47", 1)  # no. 2: «utdanning og realkompetanse»
F58 = forskrift("§ 58", 2)
L43_2 = lov("§ 43", 2)  # the municipality's duty to register in the national register (NIR)

# § 37 b: mapping and career guidance.
L37B_1 = lov("§ 37 b", 1)
L37B_2 = lov("§ 37 b", 2)
L37B_2_2 = lov("§ 37 b", 2, punktum=2)  # V2024: programme participants have a right and a duty
L37B_3 = lov("§ 37 b", 3)
# § 37 c: the introduction programme.
L37C_1 = lov("§ 37 c", 1)
L37C_2 = lov("§ 37 c", 2)
L37C_3 = lov("§ 37 c", 3)
L37C_4 = lov("§ 37 c", 4)
L37C_5 = lov("§ 37 c", 5)
L37C_PLAN_2022 = lov("§ 37 c", 6)  # V2022: the plan, «§§ 15 og 16 gjelder ikke»
L37C_PLAN_2024 = lov("§ 37 c", 7)  # V2024: the same paragraph, moved down by the new sixth
L37C_PLAN_2022_LAST = lov("§ 37 c", 6, punktum=5)
L37C_PLAN_2024_LAST = lov("§ 37 c", 7, punktum=5)
L37C_2026 = lov("§ 37 c")  # as amended by LOV-2025-06-20-35 from 01.01.2026: one paragraph, social studies only
# § 37 d: Norwegian training.
L37D_1 = lov("§ 37 d", 1)
L37D_2 = lov("§ 37 d", 2)
L37D_3 = lov("§ 37 d", 3)
# Ordinary sections the chapter points to.
L13 = lov("§ 13")
L13_5 = lov("§ 13", 5)
L14_4 = lov("§ 14", 4)
L12 = lov("§ 12")
L32 = lov("§ 32")
# How a period of months or years is counted: it ends at the end of the day with the same date.
DOMSTOLLOVEN_148 = LegalRef("domstolloven", "§ 148", ledd=2, url="https://lovdata.no/lov/1915-08-13-5/§148")

# No law is given retroactive effect: what fell while chapter 6A governed is judged by the rules then in force.
GRUNNLOVEN_97 = LegalRef("Grunnloven", "§ 97", url="https://lovdata.no/lov/1814-05-17/§97")
