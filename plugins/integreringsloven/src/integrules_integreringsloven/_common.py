"""References, names and small judgement helpers shared by the rules of this plugin."""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable

from integrules import Evaluation, LegalRef, Missing, Text, met, not_applicable, not_met, pending, unknown
from integrules.dates import add_months

REGIME = "integreringsloven"
OLD_REGIME = "introduksjonsloven"
IN_FORCE = dt.date(2021, 1, 1)  # § 50 with the King's decision; integreringsforskriften § 71

# LOV-2025-06-20-35 ("økt arbeidsretting og formell opplæring i introduksjonsprogrammet") restructures
# chapter 4 (§§ 12 a, 13, 14, 14 a, 18 a, 18 b). The King decides when it comes into force and no source
# read for this plugin gives the date (docs/legal-notes/integreringsloven.md § 1.1). While this is None
# only the 2021 versions are registered; set it (and release) when the commencement decree is found, and
# the 2021 versions end the day before while the 2025 versions start on it.
ENDRINGSLOV_2025_IKRAFT: dt.date | None = None

LOV_URL = "https://lovdata.no/lov/2020-11-06-127/§{}"
IMDI_F2 = ("https://www.imdi.no/kvalifisering/regelverk/juridisk-veileder-til-integreringsforskriften/"
           "kapittel-2-obligatoriske-elementer-i-introduksjonsprogrammet/")
IMDI_F12 = ("https://www.imdi.no/kvalifisering/regelverk/juridisk-veileder-til-integreringsforskriften/"
            "kapittel-12.-sluttbestemmelser/")
IMDI_NIR_PROGRAM = ("https://www.imdi.no/kvalifisering/regelverk/introduksjonsprogrammet/"
                    "registrering-i-nir-etter-integreringsloven---introduksjonsprogrammet/")
IMDI_NIR_OPPLAERING = ("https://www.imdi.no/kvalifisering/regelverk/norsk-og-samfunnskunnskap/"
                       "registrering-i-nir-etter-integreringsloven---norsk-og-samfunnskunnskap/")
IMDI_KARTLEGGING = ("https://www.imdi.no/kvalifisering/regelverk/introduksjonsprogrammet/"
                    "kompetansekartlegging-etter-integreringsloven/")
IMDI_MALGRUPPE = ("https://www.imdi.no/kvalifisering/regelverk/introduksjonsprogrammet/"
                  "malgruppe-for-introduksjonsprogram-etter-integreringsloven/")
IMDI_NY_LOV = "https://www.imdi.no/kvalifisering/regelverk/ny-integreringslov/"
LT_2025_35 = "https://lovdata.no/dokument/LTI/lov/2025-06-20-35"


def lov(section: str, ledd: int | None = None, bokstav: str | None = None, punktum: int | None = None) -> LegalRef:
    """integreringsloven § ``section`` (LOV-2020-11-06-127), with its Lovdata address."""
    return LegalRef("integreringsloven", f"§ {section}", ledd=ledd, bokstav=bokstav, punktum=punktum,
                    url=LOV_URL.format(section.replace(" ", "")))


def forskrift(section: str, ledd: int | None = None, url: str = IMDI_F2) -> LegalRef:
    """integreringsforskriften § ``section``; the FOR number is not verified, so the URL is IMDi's
    guide, which quotes the regulation word for word."""
    return LegalRef("integreringsforskriften", f"§ {section}", ledd=ledd, url=url, kind="forskrift")


def veileder(title: str, url: str) -> LegalRef:
    return LegalRef(f"IMDi, {title}", url=url, kind="veileder")


def fmt(day: dt.date) -> str:
    return f"{day:%d.%m.%Y}"


def fact(ctx, name: str, fallback: Callable[[Any, dt.date, Any], Any]) -> Any:
    """A derived fact by name (another plugin may have overridden it), else this plugin's own
    computation (when the rule is called from an engine where this plugin is not registered)."""
    if ctx.has_fact(name):
        return ctx.fact(name)
    return fallback(ctx.p, ctx.as_of, ctx)


def setting(ctx, name: str, default: Any) -> Any:
    try:
        return ctx.setting(name)
    except KeyError:
        return default


def by_date(ctx, day: dt.date | None, path: str, due: dt.date, what: Text) -> Evaluation:
    """A dated fact that must have happened by ``due``: None is unknown; a date after as-of is not yet."""
    if day is None:
        return unknown([path], due=due)
    if ctx.happened(day):
        if day <= due:
            return met(f"{what.nb}: {fmt(day)}, frist {fmt(due)}.", f"{what.en}: {fmt(day)}, due {fmt(due)}.", due=due)
        late = (day - due).days
        return not_met(f"{what.nb}: {fmt(day)}, {late} dager etter fristen {fmt(due)}.",
                       f"{what.en}: {fmt(day)}, {late} days after the deadline {fmt(due)}.", due=due)
    if ctx.as_of <= due:
        return pending(f"{what.nb}: ikke ennå, frist {fmt(due)}.", f"{what.en}: not yet, due {fmt(due)}.", due=due)
    return not_met(f"{what.nb}: ikke innen fristen {fmt(due)}.", f"{what.en}: not by the deadline {fmt(due)}.", due=due)


def leave_days(leaves) -> int:
    """Days of approved leave (both ends inclusive)."""
    return sum((leave.end - leave.start).days + 1 for leave in leaves if leave.end >= leave.start)


def months_after(day: dt.date, months: int) -> dt.date:
    return add_months(day, months)


__all__ = ["Missing", "not_applicable"]
