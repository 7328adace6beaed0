"""The legal references this plugin cites, each checked at the source named in docs/norskmal.md.

Integreringsforskriften (FOR-2020-12-15-2912) chapter 6 «Veiledende minimumsnivåer i norsk» is
§ 26 «Nivåer i norsk», § 27 «Individuell fastsettelse av norskmålet» and § 28 «Veiledende
minimumsnivåer», read in the consolidated text as in force 28.07.2026 (Lovdata's open data,
/work/shared/law/integreringsforskriften.md). § 28 was amended by FOR-2023-06-26-1105 (in force
01.08.2023) and FOR-2025-09-17-1909 (in force 01.01.2026: the sixth paragraph, preparatory adult
education).
"""

from __future__ import annotations

from integrules import LegalRef

LOV_URL = "https://lovdata.no/lov/2020-11-06-127/"
IMDI_FORSKRIFT_KAP6 = ("https://www.imdi.no/kvalifisering/regelverk/juridisk-veileder-til-integreringsforskriften/"
                       "kapittel-6-veiledende-minimumsnivaer-i-norsk/")
IMDI_VARIGHET = ("https://www.imdi.no/kvalifisering/regelverk/norsk-og-samfunnskunnskap/"
                 "varighet-og-omfang-av-opplaring-i-norsk-og-samfunnskunnskap/")
FORSKRIFT_URL = "https://lovdata.no/forskrift/2020-12-15-2912/"
HORINGSNOTAT_URL = "https://9pdf.net/article/fravike-de-veiledende-minimumsniv%C3%A5ene-departementets-forslag.zpnvdk47"

# integreringsloven § 31 første ledd: «Deltagere i opplæring i norsk skal oppnå et minimumsnivå i norsk. [...]
# Minimumsnivået utgjør deltagerens norskmål.» Andre ledd: forskrift om veiledende minimumsnivåer.
LOV_31_1 = LegalRef("integreringsloven", "§ 31", ledd=1, url=LOV_URL + "§31")
LOV_31_2 = LegalRef("integreringsloven", "§ 31", ledd=2, url=LOV_URL + "§31")
# § 34: the Norwegian plan is drawn up at the decision on training (§ 15 applies correspondingly).
LOV_34 = LegalRef("integreringsloven", "§ 34", url=LOV_URL + "§34")
# § 29: exemption from the duty to take part in training.
LOV_29 = LegalRef("integreringsloven", "§ 29", url=LOV_URL + "§29")
# § 37 d andre ledd (chapter 6A): «Deltagere i opplæringen bør oppnå et minimums-nivå i norsk.»
LOV_37D_2 = LegalRef("integreringsloven", "§ 37 d", ledd=2, url=LOV_URL + "§37d")
# § 37 d tredje ledd: the norskplan under chapter 6A «skal inneholde deltagerens norskmål».
LOV_37D_3 = LegalRef("integreringsloven", "§ 37 d", ledd=3, url=LOV_URL + "§37d")

# integreringsforskriften § 26 første ledd: levels are CEFR levels; paragraphs 2-6 describe A1, A2, B1, B2, C1.
FORSKRIFT_26 = LegalRef("integreringsforskriften", "§ 26", ledd=1, url=IMDI_FORSKRIFT_KAP6, kind="forskrift")
# integreringsforskriften kapittel 6 (§§ 26-28): the guiding minimum levels and their adjustment (IMDi's guide).
FORSKRIFT_KAP6 = LegalRef("integreringsforskriften", "kapittel 6", url=IMDI_FORSKRIFT_KAP6, kind="forskrift")
# § 27 første ledd: «Ved oppstart av opplæring etter integreringsloven kapittel 6 skal det settes et norskmål i
# tråd med eller høyere enn det som følger av § 28.»
FORSKRIFT_27_1 = LegalRef("integreringsforskriften", "§ 27", ledd=1, url=FORSKRIFT_URL + "§27", kind="forskrift")
# § 27 andre ledd: «Ved raskere progresjon enn forventet bør minimumsnivået justeres opp.»
FORSKRIFT_27_2 = LegalRef("integreringsforskriften", "§ 27", ledd=2, url=FORSKRIFT_URL + "§27", kind="forskrift")
# § 27 tredje ledd første punktum: «Dersom deltagerens progresjon tilsier at vedkommende ikke vil kunne nå
# minimumsnivået, kan nivået justeres ned.»
FORSKRIFT_27_3_1 = LegalRef("integreringsforskriften", "§ 27", ledd=3, punktum=1, url=FORSKRIFT_URL + "§27",
                            kind="forskrift")
# § 27 tredje ledd andre punktum: «Norskmål bør kun justeres ned ett nivå om gangen.»
FORSKRIFT_27_3_2 = LegalRef("integreringsforskriften", "§ 27", ledd=3, punktum=2, url=FORSKRIFT_URL + "§27",
                            kind="forskrift")
# § 28 «Veiledende minimumsnivåer»: first to third paragraph the levels by education before arrival («bør
# oppnå»); fourth paragraph B2 in all for those who need to document it («bør ha dette som norskmål»).
FORSKRIFT_28 = LegalRef("integreringsforskriften", "§ 28", url=FORSKRIFT_URL + "§28", kind="forskrift")
FORSKRIFT_28_4 = LegalRef("integreringsforskriften", "§ 28", ledd=4, url=FORSKRIFT_URL + "§28", kind="forskrift")
# § 28 sjette ledd (FOR-2025-09-17-1909, in force 01.01.2026): «Deltagere som får sin norskopplæring i
# forberedende opplæring for voksne, bør enten oppnå standpunktkarakter 2 eller høyere i norsk eller oppnå
# minimum nivå A2 [...] og nivå B1 i delprøve i muntlig kommunikasjon.»
FORSKRIFT_28_6 = LegalRef("integreringsforskriften", "§ 28", ledd=6, url=FORSKRIFT_URL + "§28", kind="forskrift")
# IMDi's topic page, restating the level table and «bør justeres opp» / «kan justeres ned» (20.12.2023).
IMDI_NIVAER = LegalRef("IMDi, Varighet og omfang av opplæring i norsk og samfunnskunnskap", url=IMDI_VARIGHET,
                       kind="veileder")
# The consultation paper on the regulation, point 11.3.3: a low threshold to set a higher goal, a high
# threshold to set a lower one; everyone starts with the guiding level or higher.
HORINGSNOTAT = LegalRef("Kunnskapsdepartementet, høringsnotat: forslag til forskrift til integreringsloven (26.06.2020)",
                        "punkt 11.3.3", url=HORINGSNOTAT_URL, kind="forarbeid")
