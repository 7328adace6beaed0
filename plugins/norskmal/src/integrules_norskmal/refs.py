"""The legal references this plugin cites, each checked at the source named in docs/norskmal.md.

Section numbers: integreringsforskriften chapter 6 «Veiledende minimumsnivåer i norsk» holds
§§ 26-28 (IMDi's guide to the regulation: chapter 6 opens with § 26, chapter 7 with § 29). § 26
«Nivåer i norsk» was read. Which of § 27 and § 28 holds the level table and which the adjustment
rule could not be read (the seed cites § 28 for the levels and § 27 for adjustment); so the rules
cite the chapter, not a guessed section. The regulation's FOR number was not found either, so the
URL is IMDi's guide, which reproduces the regulation section by section.
"""

from __future__ import annotations

from integrules import LegalRef

LOV_URL = "https://lovdata.no/lov/2020-11-06-127/"
IMDI_FORSKRIFT_KAP6 = ("https://www.imdi.no/kvalifisering/regelverk/juridisk-veileder-til-integreringsforskriften/"
                       "kapittel-6-veiledende-minimumsnivaer-i-norsk/")
IMDI_VARIGHET = ("https://www.imdi.no/kvalifisering/regelverk/norsk-og-samfunnskunnskap/"
                 "varighet-og-omfang-av-opplaring-i-norsk-og-samfunnskunnskap/")
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
# integreringsforskriften kapittel 6 (§§ 26-28): the guiding minimum levels and their adjustment.
FORSKRIFT_KAP6 = LegalRef("integreringsforskriften", "kapittel 6", url=IMDI_FORSKRIFT_KAP6, kind="forskrift")
# IMDi's topic page, restating the level table and «bør justeres opp» / «kan justeres ned» (20.12.2023).
IMDI_NIVAER = LegalRef("IMDi, Varighet og omfang av opplæring i norsk og samfunnskunnskap", url=IMDI_VARIGHET,
                       kind="veileder")
# The consultation paper on the regulation, point 11.3.3: a low threshold to set a higher goal, a high
# threshold to set a lower one; everyone starts with the guiding level or higher.
HORINGSNOTAT = LegalRef("Kunnskapsdepartementet, høringsnotat: forslag til forskrift til integreringsloven (26.06.2020)",
                        "punkt 11.3.3", url=HORINGSNOTAT_URL, kind="forarbeid")
# The seed municipality's own guidance: «Norsk mål bør kun justeres ned ett nivå om gangen.» No legal source
# for it was found (IMDi, the regulation as far as it could be read, the consultation paper).
LOKAL_ETT_NIVA = LegalRef("Lokal veiledning i kommunens oppfølging av forvaltningsrevisjon (rapport til "
                          "kontrollutvalget, november 2024): «Norsk mål bør kun justeres ned ett nivå om gangen»",
                          kind="lokal")
