"""Outcomes after the introduction programme: end reasons and the shares SSB and IMDi report.

Sources (docs/legal-notes/integreringsloven.md section 6):

* SSB's standard measure counts former participants as «Sysselsatt og / eller under utdanning»
  (work and/or education), «Registrert arbeidsledig og/eller på tiltak» (unemployed or on NAV
  measures) or «Annen eller ukjent status». Only the first counts as work or education; people
  on NAV measures do not. SSB measures status in November one year after the programme, from
  register data a municipality does not have (https://ssb.no/introinnv).
* IMDi's "direct transition to work or education" is computed from the end reason
  (avslutningsårsak) registered in NIR, and persons whose end reason is not registered are in
  the denominator (https://www.imdi.no/arkiv/arkiverte-nyheter/registrering-av-avslutningsarsak-i-nir/).

So integrules reports, for participants whose programme ended in the period:

* ``work_or_education``: (arbeid + utdanning + arbeid og utdanning) / all who ended, with
  "ikke registrert" in the denominator: the SSB category applied to the registered end reason,
  as IMDi does for direct transition. This is the standard measure.
* ``work_education_or_nav``: the seed's local "98 %" figure, which counts NAV measures in as well.
  It is shown beside the standard measure and labelled as local, never instead of it.

The NIR code list of end reasons was not found (legal notes, section 6), so end reasons are
mapped by :data:`KNOWN_END_REASONS` (values seen in the seed's NIR report and IMDi's pages) and
then by keywords (:func:`categorize`). The mapping is part of the report's output.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from ..model import Participant

ARBEID, UTDANNING, ARBEID_OG_UTDANNING = "arbeid", "utdanning", "arbeid_og_utdanning"
NAV_TILTAK, ANNET, IKKE_REGISTRERT = "nav_tiltak", "annet", "ikke_registrert"
CATEGORIES = (ARBEID, UTDANNING, ARBEID_OG_UTDANNING, NAV_TILTAK, ANNET, IKKE_REGISTRERT)
CATEGORY_LABELS = {
    ARBEID: ("Arbeid", "Work"),
    UTDANNING: ("Utdanning", "Education"),
    ARBEID_OG_UTDANNING: ("Arbeid og utdanning", "Work and education"),
    NAV_TILTAK: ("Tiltak i regi av NAV", "NAV measures"),
    ANNET: ("Annet (også venter på tiltak)", "Other (incl. waiting for a measure)"),
    IKKE_REGISTRERT: ("Avslutningsårsak ikke registrert", "End reason not registered"),
}
# Counted as "i arbeid eller utdanning" (SSB: «Sysselsatt og / eller under utdanning»).
WORK_OR_EDUCATION = (ARBEID, UTDANNING, ARBEID_OG_UTDANNING)
# The seed's local measure also counts NAV measures.
WORK_EDUCATION_OR_NAV = WORK_OR_EDUCATION + (NAV_TILTAK,)

KNOWN_END_REASONS = {  # normalized (lower case, single spaces) -> category
    "arbeid": ARBEID,
    "arbeidsmarkedstiltak i regi av nav": NAV_TILTAK,
    "arbeidsmarkeds tiltak i regi av nav": NAV_TILTAK,  # as the seed's NIR screenshot spells it
    "videregående opplæring - fag og yrkesopplæring": UTDANNING,
    "arbeid og utdanning - videregående opplæring": ARBEID_OG_UTDANNING,
    "høyere utdanning": UTDANNING,
    "venter på tiltak i regi av nav": ANNET,  # not (yet) on a measure
    "avslutningsårsak ikke registrert": IKKE_REGISTRERT,
}
_EDUCATION_WORDS = ("utdanning", "opplæring", "videregående", "grunnskole", "fagskole", "studier", "skole")


def normalize(reason: str) -> str:
    return " ".join(reason.lower().replace("–", "-").split())


def categorize(reason: str | None) -> str:
    """An end reason (as NIR writes it) to one of :data:`CATEGORIES`.

    Known values first; else keywords: "venter" -> annet; "tiltak" -> nav_tiltak; "arbeid" with
    an education word -> arbeid_og_utdanning; "arbeid" -> arbeid; an education word -> utdanning;
    anything else -> annet. None or empty -> ikke_registrert.
    """
    if reason is None or not reason.strip():
        return IKKE_REGISTRERT
    key = normalize(reason)
    if key in KNOWN_END_REASONS:
        return KNOWN_END_REASONS[key]
    if "ikke registrert" in key:
        return IKKE_REGISTRERT
    if "venter" in key:
        return ANNET
    if "tiltak" in key:
        return NAV_TILTAK
    education = any(w in key for w in _EDUCATION_WORDS)
    if "arbeid" in key:
        return ARBEID_OG_UTDANNING if education else ARBEID
    return UTDANNING if education else ANNET


def _category_of_label(label: str) -> str:
    if label.startswith("(annen tekst: "):
        return label.removeprefix("(annen tekst: ").split(" ")[0]
    return categorize(None if label.startswith("(") else label)


class OutcomeTally:
    """Participants whose programme ended in ``period`` (inclusive), by end reason and category."""

    def __init__(self, period: tuple[dt.date, dt.date]) -> None:
        self.period = period
        self.ended = 0
        self.by_reason: Counter = Counter()
        self.by_category: Counter = Counter()
        self.by_regime: dict[str, Counter] = {}
        self.end_unknown = 0  # in a programme, but whether or when it ended is unknown

    def add(self, p: Participant, regime: str) -> None:
        prog = p.introduksjonsprogram
        if prog is None or prog.participates is False:
            return
        end = prog.end_date
        if end is None:
            return
        start, stop = self.period
        if not (start <= end <= stop):
            return
        self.ended += 1
        reason = prog.end_reason.strip() if prog.end_reason and prog.end_reason.strip() else None
        category = categorize(reason)
        # Only values NIR itself uses are shown word for word: free text may hold a name.
        if reason is None:
            label = "(ikke registrert / not registered)"
        elif normalize(reason) in KNOWN_END_REASONS:
            label = reason
        else:
            label = f"(annen tekst: {category} / other text: {category})"
        self.by_reason[label] += 1
        self.by_category[category] += 1
        self.by_regime.setdefault(regime, Counter())[category] += 1

    def partial(self) -> dict[str, Any]:
        """The counts as plain data, for :meth:`merge` (see Accumulator.partial)."""
        return {"ended": self.ended, "by_reason": self.by_reason, "by_category": self.by_category,
                "by_regime": self.by_regime, "end_unknown": self.end_unknown}

    def merge(self, part: dict[str, Any]) -> None:
        self.ended += part["ended"]
        self.end_unknown += part["end_unknown"]
        self.by_reason.update(part["by_reason"])
        self.by_category.update(part["by_category"])
        for regime, counts in part["by_regime"].items():
            self.by_regime.setdefault(regime, Counter()).update(counts)

    def as_dict(self) -> dict[str, Any]:
        def share(cats: tuple[str, ...]) -> dict[str, Any]:
            n = sum(self.by_category.get(c, 0) for c in cats)
            return {"count": n, "of": self.ended, "share": round(n / self.ended, 4) if self.ended else None,
                    "categories": list(cats)}

        return {
            "period": {"from": self.period[0].isoformat(), "to": self.period[1].isoformat()},
            "ended": self.ended,
            "by_category": {c: self.by_category.get(c, 0) for c in CATEGORIES},
            "by_reason": [{"reason": r, "category": _category_of_label(r), "count": n}
                          for r, n in sorted(self.by_reason.items(), key=lambda kv: (-kv[1], kv[0]))],
            "by_regime": {reg: {c: cnt.get(c, 0) for c in CATEGORIES} for reg, cnt in sorted(self.by_regime.items())},
            "work_or_education": share(WORK_OR_EDUCATION),
            "work_education_or_nav": share(WORK_EDUCATION_OR_NAV),
            "definition": {
                "standard": "work_or_education: SSB's «Sysselsatt og / eller under utdanning» applied to the end reason "
                            "registered in NIR, as IMDi computes direct transition; 'ikke registrert' is in the denominator; "
                            "NAV measures are not counted.",
                "local": "work_education_or_nav: the seed report's local measure (work, education or NAV measures).",
                "sources": ["https://ssb.no/introinnv",
                            "https://www.imdi.no/arkiv/arkiverte-nyheter/registrering-av-avslutningsarsak-i-nir/"],
                "mapping": {k: v for k, v in sorted(KNOWN_END_REASONS.items())},
            },
        }
