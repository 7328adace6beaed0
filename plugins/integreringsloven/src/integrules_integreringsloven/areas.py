"""The areas of the law a report groups requirements by, from the checklist items (docs/legal-coverage.md).

The committee's follow-up reads per area (kartlegging, plan, kontrakt, norskmål, opplæring, NIR):
each area claims the checklist items of its sections, so the requirements of chapter 6A, norskmal
and a municipality's own plugin land in the same area as the rule they follow.
"""

from __future__ import annotations

from integrules import Area, Text

AREAS = (
    Area(id="vedtak", order=10, checklist=("R1", "R4"),
         title=Text("Målgruppe, vedtak og oppstart", "Eligibility, decision and start")),
    Area(id="kartlegging", order=20, checklist=("R2", "R3"),
         title=Text("Kompetansekartlegging og karriereveiledning", "Competence mapping and career guidance")),
    Area(id="plan", order=30, checklist=("R6",), title=Text("Integreringsplan", "Integration plan")),
    Area(id="kontrakt", order=40, checklist=("R7",), title=Text("Integreringskontrakt", "Integration contract")),
    Area(id="program", order=50, checklist=("R5", "R8", "R9", "R10"),
         title=Text("Programmets innhold og varighet", "Programme content and duration")),
    Area(id="opplaering", order=60, checklist=("R11", "R13", "R14"),
         title=Text("Opplæring i norsk og samfunnskunnskap", "Training in Norwegian and social studies")),
    Area(id="norskmal", order=70, checklist=("R12", "R15"),
         title=Text("Norskmål og avsluttende prøver", "Norwegian goal and final tests")),
    # NIR items by category; R16 also holds the end registration, a registration duty like the items.
    Area(id="nir", order=80, categories=("nir",), checklist=("R16",),
         title=Text("Registrering i NIR", "Registration in NIR")),
)
