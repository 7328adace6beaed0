"""References, names and small judgement helpers shared by the rules of this plugin."""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable

import attrs

from integrules import Evaluation, LegalRef, Missing, Outcome, Text, met, not_applicable, not_met, pending, unknown
from integrules.dates import add_months, format_date, parse_date

REGIME = "integreringsloven"
OLD_REGIME = "introduksjonsloven"
IN_FORCE = dt.date(2021, 1, 1)  # § 50 with the King's decision; integreringsforskriften § 71

# LOV-2025-06-20-35 ("økt arbeidsretting og formell opplæring i introduksjonsprogrammet") amends §§ 8, 13-16
# and adds §§ 12 a, 14 a, 18 a, 18 b. The King decides when it comes into force and no source read gives the
# date (docs/legal-notes/integreringsloven.md § 1.1), so it is the setting ENDRINGSLOV_2025 (default
# "ukjent"). No text of it can apply before it was sanctioned.
SANKSJON_2025 = dt.date(2025, 6, 20)
ENDRINGSLOV_2025 = "integreringsloven.endringslov_2025_ikraft"
OVERGANG_2025 = "integreringsloven.endringslov_2025_overgang"
UKJENT = "ukjent"
OVERGANG_CHOICES = ("vedtaksdato", "oppstart")
V2021, V2025 = "2021", "2025"  # the texts of the amended sections: LOV-2020-11-06-127 as enacted, as amended

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


# ``dd.mm.yyyy``, the same text as ``f"{day:%d.%m.%Y}"`` without strftime (messages name dates all the time).
fmt = format_date


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


def parse_ikraft(value: Any) -> dt.date | str:
    """The setting ENDRINGSLOV_2025: a date on or after the sanction, or "ukjent"/"unknown"."""
    if value is None or str(value).strip().lower() in (UKJENT, "unknown"):
        return UKJENT
    day = parse_date(value)
    if day < SANKSJON_2025:
        raise ValueError(f"LOV-2025-06-20-35 was sanctioned on {fmt(SANKSJON_2025)}; it cannot apply from {fmt(day)}")
    return day


def parse_overgang(value: Any) -> str:
    if value not in OVERGANG_CHOICES:
        raise ValueError(f"expected one of {', '.join(OVERGANG_CHOICES)}")
    return value


def ikraft_2025(ctx) -> dt.date | None:
    """The in-force date of LOV-2025-06-20-35 as set, or None while unknown (also with no context)."""
    value = UKJENT if ctx is None else setting(ctx, ENDRINGSLOV_2025, UKJENT)
    return value if isinstance(value, dt.date) else None


def texts_for(ctx, as_of: dt.date, day: dt.date | None, path: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The texts (V2021, V2025) that can govern something done on ``day``, and what must be known to
    narrow them to one. ``day`` None: not known (named by ``path``), on or before ``as_of``."""
    ikraft = ikraft_2025(ctx)
    if day is not None:
        if day < SANKSJON_2025:
            return (V2021,), ()
        if ikraft is None:
            return (V2021, V2025), (ENDRINGSLOV_2025,)
        return ((V2025,) if day >= ikraft else (V2021,)), ()
    if as_of < SANKSJON_2025 or (ikraft is not None and as_of < ikraft):
        return (V2021,), ()
    return (V2021, V2025), ((path,) if ikraft is not None else (path, ENDRINGSLOV_2025))


def _open_text(texts_open: tuple[str, ...]) -> Text:
    names = ", ".join(texts_open)
    return Text(f"Utfallet er ikke det samme (eller ikke kjent) etter både 2021-teksten og teksten etter "
                f"LOV-2025-06-20-35, og hvilken som gjelder er ukjent (innstillingen {ENDRINGSLOV_2025} når "
                f"ikrafttredelsen er kjent). Mangler: {names}.",
                f"The outcome is not the same (or not known) under both the 2021 text and the text as amended by "
                f"LOV-2025-06-20-35, and which applies is unknown (the setting {ENDRINGSLOV_2025} once the in-force "
                f"date is known). Missing: {names}.")


def under_texts(ctx, day: dt.date | None, path: str, judge: Callable[[str], Evaluation]) -> Evaluation:
    """``judge(text)`` under every text that can apply: their common outcome when all are decided and
    agree, else unknown naming what would settle it (never a guess between the texts)."""
    texts, open_ = texts_for(ctx, ctx.as_of, day, path)
    if len(texts) == 1:
        return judge(texts[0])
    results = []
    for text in texts:
        try:
            results.append(judge(text))
        except Missing as exc:
            results.append(unknown(exc.paths))
    first = results[0]
    if first.outcome is not Outcome.UNKNOWN and all(r.outcome is first.outcome for r in results):
        due = first.due if all(r.due == first.due for r in results) else None
        return attrs.evolve(first, due=due, message=Text(
            f"{first.message.nb} Samme utfall etter 2021-teksten og etter LOV-2025-06-20-35.",
            f"{first.message.en} The same outcome under the 2021 text and as amended by LOV-2025-06-20-35."))
    missing = sorted({*open_, *(m for r in results if r.outcome is Outcome.UNKNOWN for m in r.missing)})
    why = _open_text(tuple(missing))
    return unknown(missing, why.nb, why.en)


def value_under_texts(ctx, as_of: dt.date, day: dt.date | None, path: str, compute: Callable[[str], Any]) -> Any:
    """``compute(text)`` under every text that can apply; their common value, else Missing naming what
    would settle it."""
    texts, open_ = texts_for(ctx, as_of, day, path)
    if len(texts) == 1:
        return compute(texts[0])
    values, missing = [], set(open_)
    for text in texts:
        try:
            values.append(compute(text))
        except Missing as exc:
            missing.update(exc.paths)
            values.append(Missing)
    if Missing not in values and all(v == values[0] for v in values):
        return values[0]
    raise Missing(*sorted(missing))


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
