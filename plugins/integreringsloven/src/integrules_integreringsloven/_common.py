"""References, names and small judgement helpers shared by the rules of this plugin."""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable

import attrs
from dateutil.easter import easter

from integrules import Evaluation, LegalRef, Missing, Outcome, Text, met, not_applicable, not_met, pending, unknown
from integrules.dates import add_months, format_date, parse_date

REGIME = "integreringsloven"
OLD_REGIME = "introduksjonsloven"
IN_FORCE = dt.date(2021, 1, 1)  # § 50 with the King's decision; integreringsforskriften § 71

# LOV-2025-06-20-35 ("økt arbeidsretting og formell opplæring i introduksjonsprogrammet") amends §§ 8, 10-17
# and adds §§ 12 a, 14 a, 18 a, 18 b. By FOR-2025-06-20-1102 (the notes under each section of the consolidated
# text, retrieved 28.07.2026) it is in force from 01.01.2026; the changes to §§ 2, 12, 30, 40 and 48 from
# 20.06.2025 touch nothing these rules judge. Not in force (as of 28.07.2026): § 8 first paragraph first
# sentence and third paragraph first sentence (ages 18-60), «i kraft fra den tid Kongen bestemmer». Both are
# settings, so a later decision of the King (or an older assumption) can be entered without code.
SANKSJON_2025 = dt.date(2025, 6, 20)
IKRAFT_2025 = dt.date(2026, 1, 1)  # FOR-2025-06-20-1102: LOV-2025-06-20-35 in force 01.01.2026
ENDRINGSLOV_2025 = "integreringsloven.endringslov_2025_ikraft"
ALDER_2025 = "integreringsloven.endringslov_2025_aldersgrense_ikraft"
OVERGANG_2025 = "integreringsloven.endringslov_2025_overgang"
UKJENT = "ukjent"
IKKE_I_KRAFT = "ikke_i_kraft"
OVERGANG_CHOICES = ("vedtaksdato", "oppstart")
# The texts of the amended sections: LOV-2020-11-06-127 as enacted; as amended by LOV-2025-06-20-35 without the
# new age limit of § 8 (18-55 still); as amended with it (18-60). Only § 8 tells the last two apart.
V2021, V2025, V2025_ALDER = "2021", "2025", "2025-alder"
LOVDATA_RES_2025 = "https://lovdata.no/forskrift/2025-06-20-1102"

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
# integreringsforskriften (FOR-2020-12-15-2912) on Lovdata, as the consolidated text cites it (docs: /work/shared/law).
FORSKRIFT_URL = "https://lovdata.no/forskrift/2020-12-15-2912/§{}"


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


def parse_alder(value: Any) -> dt.date | str:
    """The setting ALDER_2025: "ikke_i_kraft"/"not_in_force", "ukjent"/"unknown", or a date on or after the sanction."""
    if value is not None and str(value).strip().lower().replace(" ", "_") in (IKKE_I_KRAFT, "not_in_force"):
        return IKKE_I_KRAFT
    return parse_ikraft(value)


def parse_overgang(value: Any) -> str:
    if value not in OVERGANG_CHOICES:
        raise ValueError(f"expected one of {', '.join(OVERGANG_CHOICES)}")
    return value


def _as_date(value: Any) -> Any:
    """A setting's value, with a default written as text (``"2026-01-01"``) read as the date."""
    if isinstance(value, str) and value not in (UKJENT, IKKE_I_KRAFT):
        return parse_date(value)
    return value


def ikraft_2025(ctx) -> dt.date | None:
    """The in-force date of LOV-2025-06-20-35 as set, or None while unknown (with no context: the date of
    FOR-2025-06-20-1102)."""
    value = IKRAFT_2025 if ctx is None else _as_date(setting(ctx, ENDRINGSLOV_2025, IKRAFT_2025))
    return value if isinstance(value, dt.date) else None


def _age_texts(ctx, day: dt.date | None, path: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The amended texts of § 8 (without and with the 18-60 age limit) that can govern ``day``."""
    value = IKKE_I_KRAFT if ctx is None else _as_date(setting(ctx, ALDER_2025, IKKE_I_KRAFT))
    if value == IKKE_I_KRAFT:
        return (V2025,), ()
    if value == UKJENT:
        return (V2025, V2025_ALDER), (ALDER_2025,)
    if day is None:
        return (V2025, V2025_ALDER), (path,)
    return ((V2025_ALDER,) if day >= value else (V2025,)), ()


def texts_for(ctx, as_of: dt.date, day: dt.date | None, path: str, *, section8: bool = False
              ) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The texts (V2021, V2025; with ``section8`` also V2025_ALDER) that can govern something done on ``day``,
    and what must be known to narrow them to one. ``day`` None: not known (named by ``path``), on or before
    ``as_of``."""
    texts, open_ = _texts_for(ctx, as_of, day, path)
    if not section8 or V2025 not in texts:
        return texts, open_
    amended, more = _age_texts(ctx, day if day is not None else None, path)
    return (*(t for t in texts if t != V2025), *amended), tuple(sorted({*open_, *more}))


def _texts_for(ctx, as_of: dt.date, day: dt.date | None, path: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    ikraft = ikraft_2025(ctx)
    if day is not None and day > as_of:
        # Registered ahead: judged as of ``as_of`` by the texts that can govern then, as an unknown day is (on or
        # before ``as_of``) and as facts.text_day does; otherwise filling in the date could turn a decided finding
        # into unknown (under «ukjent») or into another text's answer.
        day = as_of
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


def under_texts(ctx, day: dt.date | None, path: str, judge: Callable[[str], Evaluation], *,
                section8: bool = False) -> Evaluation:
    """``judge(text)`` under every text that can apply: their common outcome when all are decided and
    agree, else unknown naming what would settle it (never a guess between the texts)."""
    texts, open_ = texts_for(ctx, ctx.as_of, day, path, section8=section8)
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
        same = (("etter 2021-teksten og etter LOV-2025-06-20-35", "under the 2021 text and as amended by LOV-2025-06-20-35")
                if V2021 in texts else ("med og uten aldersgrensen 18-60 år i § 8 (LOV-2025-06-20-35)",
                                        "with and without the 18-60 age limit of § 8 (LOV-2025-06-20-35)"))
        return attrs.evolve(first, due=due, message=Text(f"{first.message.nb} Samme utfall {same[0]}.",
                                                         f"{first.message.en} The same outcome {same[1]}."))
    missing = sorted({*open_, *(m for r in results if r.outcome is Outcome.UNKNOWN for m in r.missing)})
    why = _open_text(tuple(missing))
    return unknown(missing, why.nb, why.en)


def value_under_texts(ctx, as_of: dt.date, day: dt.date | None, path: str, compute: Callable[[str], Any], *,
                      section8: bool = False) -> Any:
    """``compute(text)`` under every text that can apply; their common value, else Missing naming what
    would settle it."""
    texts, open_ = texts_for(ctx, as_of, day, path, section8=section8)
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


def by_date(ctx, day: dt.date | None, path: str, due: dt.date, what: Text, *, none: bool = False) -> Evaluation:
    """A dated fact that must have happened by ``due``: None is unknown (naming ``path``), unless ``none`` says it is
    known not done (pending until ``due``, then not met); a date after as-of is not yet."""
    if day is None and not none:
        return unknown([path], due=due)
    if day is not None and ctx.happened(day):
        if day <= due:
            return met(f"{what.nb}: {fmt(day)}, frist {fmt(due)}.", f"{what.en}: {fmt(day)}, due {fmt(due)}.", due=due)
        late = (day - due).days
        return not_met(f"{what.nb}: {fmt(day)}, {late} dager etter fristen {fmt(due)}.",
                       f"{what.en}: {fmt(day)}, {late} days after the deadline {fmt(due)}.", due=due)
    if ctx.as_of <= due:
        return pending(f"{what.nb}: ikke ennå, frist {fmt(due)}.", f"{what.en}: not yet, due {fmt(due)}.", due=due)
    if day is None:
        return not_met(f"{what.nb}: registrert som ikke gjort, og fristen {fmt(due)} er passert.",
                       f"{what.en}: registered as not done, and the deadline {fmt(due)} has passed.", due=due)
    return not_met(f"{what.nb}: ikke innen fristen {fmt(due)}.", f"{what.en}: not by the deadline {fmt(due)}.", due=due)


def leave_days(leaves) -> int:
    """Days of approved leave (both ends inclusive)."""
    return sum((leave.end - leave.start).days + 1 for leave in leaves if leave.end >= leave.start)


def _fridager(year: int) -> frozenset[dt.date]:
    """The public holidays of integreringsforskriften § 17 first paragraph in ``year`` (besides weekends)."""
    påske = easter(year)
    moving = (-3, -2, 1, 39, 50)  # skjærtorsdag, langfredag, 2. påskedag, Kristi himmelfartsdag, 2. pinsedag
    fixed = ((1, 1), (5, 1), (5, 17), (12, 25), (12, 26))
    return frozenset({*(påske + dt.timedelta(days=d) for d in moving), *(dt.date(year, m, d) for m, d in fixed)})


_FRIDAGER: dict[int, frozenset[dt.date]] = {}


def virkedag(day: dt.date) -> bool:
    """A working day: not a Saturday, Sunday or public holiday (integreringsforskriften § 17 first paragraph)."""
    if day.weekday() >= 5:
        return False
    holidays = _FRIDAGER.get(day.year)
    if holidays is None:
        holidays = _FRIDAGER[day.year] = _fridager(day.year)
    return day not in holidays


def virkedager(periods, since: dt.date) -> int:
    """Working days in the periods (both ends inclusive, from ``since``), each day counted once."""
    days = set()
    for period in periods:
        day = max(period.start, since)
        while day <= period.end:
            if virkedag(day):
                days.add(day)
            day += dt.timedelta(days=1)
    return len(days)


def add_virkedager(day: dt.date, count: int) -> dt.date:
    """The day ``count`` working days after ``day``."""
    while count > 0:
        day += dt.timedelta(days=1)
        if virkedag(day):
            count -= 1
    return day


def months_after(day: dt.date, months: int) -> dt.date:
    return add_months(day, months)


__all__ = ["Missing", "not_applicable"]
