"""The benchmark's comparison workload: fifteen requirements written twice, on identical logic.

Once as an integrules plugin (``PLUGIN``: a regime, a setting, a derived fact and fifteen requirements
through the rules API: ctx.need, ctx.deadline, ctx.fact, ctx.setting, add_months, age_on, bilingual
messages) and once as plain Python over the decoded JSON (``baseline``: one small function per
requirement, no validation, no messages). They are *not* legal rules (the bundled plugins are); they
are modelled on the kinds of check the rule sets make: deadlines after settlement, a target-group gate
(permit basis, age when the permit was granted), decisions and starts by a date, a plan revised within
an interval, courses, NIR registrations within two weeks of the event, a Norwegian goal at or above a
minimum, the programme's duration with extensions. run.py checks that both give the same counts per
requirement and outcome.

``IDS[:5]`` are the five of the earlier benchmark (``PLUGIN5`` registers only those; date arithmetic
is now integrules.dates.add_months on both sides instead of dateutil's relativedelta).
"""

from __future__ import annotations

import datetime as dt

from integrules import hookimpl
from integrules.dates import add_months, age_on, format_date
from integrules.findings import LegalRef, Text, Unit, met, not_applicable, not_met, pending, unknown
from integrules.rules import DerivedFact, Regime, RegimeDecision, Setting, requirement

REF = LegalRef("Benchmark (ikke lov / not law)", url="https://example.invalid/benchmark")
FROM = dt.date(2021, 1, 1)
LEVELS = ("under A1", "A1", "A2", "B1", "B2", "C1")
MINIMUM = {"ingen_grunnskole": "A2", "grunnskole": "B1", "videregaende": "B1", "hoyere": "B1"}
TARGET = ("flyktning", "overforingsflyktning", "opphold_etter_beskyttelsessoknad", "kollektiv_beskyttelse",
          "familiegjenforening")
NIR_DAYS = 14
IDS = ("bench.kartlegging", "bench.karriereveiledning", "bench.kontrakt", "bench.nir_avslutning", "bench.norskmal",
       "bench.vedtak", "bench.oppstart", "bench.plan_revisjon", "bench.livsmestring", "bench.foreldreveiledning",
       "bench.nir_sluttmal", "bench.nir_kontrakt", "bench.nir_utdanningsbakgrunn", "bench.varighet",
       "bench.malgruppe")
REVISION = "bench.revisjon_maneder"
TARGET_FACT = "bench.i_malgruppen"


def _meta(rid: str) -> dict:
    return dict(id=rid, title=Text(rid, rid), description=Text("Benchmark.", "Benchmark."), references=(REF,),
                valid_from=FROM, regime="bench", responsible=(Unit.FT,), confidence="low")


def _by_date(ctx, day, due, what):
    """A dated fact due by ``due`` (as the rule sets' own helper): unknown, met, late, pending or missed."""
    if day is None:
        return unknown([what], due=due)
    if day <= ctx.as_of:
        if day <= due:
            return met(f"{what}: {format_date(day)}, frist {format_date(due)}.",
                       f"{what}: {format_date(day)}, due {format_date(due)}.", due=due)
        return not_met(f"{what}: {format_date(day)}, etter fristen {format_date(due)}.",
                       f"{what}: {format_date(day)}, after the deadline {format_date(due)}.", due=due)
    if ctx.as_of <= due:
        return pending(f"{what}: ikke ennå, frist {format_date(due)}.", f"{what}: not yet, due {format_date(due)}.", due=due)
    return not_met(f"{what}: ikke innen {format_date(due)}.", f"{what}: not by {format_date(due)}.", due=due)


def _target(p, as_of, ctx):
    """The derived fact: in the target group (permit basis, aged 18-55 when the permit was granted)."""
    permit = ctx.need(p.permit, "permit")
    basis = ctx.need(permit.basis, "permit.basis")
    if basis.value not in TARGET:
        return False
    age = age_on(ctx.need(p.birth_date, "birth_date"), ctx.need(permit.granted, "permit.granted"))
    return 18 <= age <= 55


def _gate(ctx):
    if not ctx.fact(TARGET_FACT):
        return not_applicable("Utenfor målgruppen.", "Outside the target group.")
    return None


def _course_after(ctx, course, path):
    """A course that must be done during the programme: met when done, else pending until the programme ends."""
    done = ctx.need(course.done, f"{path}.done")
    if done:
        return met("Gjennomført.", "Done.")
    prog = ctx.need(ctx.p.introduksjonsprogram, "introduksjonsprogram")
    if prog.end_date is not None and prog.end_date <= ctx.as_of:
        return not_met(f"Ikke gjennomført før programslutt {format_date(prog.end_date)}.",
                       f"Not done before the programme ended {format_date(prog.end_date)}.")
    return pending("Ikke gjennomført ennå.", "Not done yet.")


def _nir_item(ctx, item, event_day):
    """A NIR registration due two weeks after the event."""
    nir = ctx.need(ctx.p.nir, "nir")
    due = event_day + dt.timedelta(days=NIR_DAYS)
    dates = [r.date for r in nir if r.item == item and r.date <= ctx.as_of]
    if dates:
        return _by_date(ctx, min(dates), due, f"NIR {item}")
    return _missing(ctx, due, f"NIR {item}")


def _missing(ctx, due, what):
    """Not done by the as-of date: pending until ``due``, then not met."""
    if ctx.as_of <= due:
        return pending(f"{what}: ikke ennå, frist {format_date(due)}.", f"{what}: not yet, due {format_date(due)}.", due=due)
    return not_met(f"{what}: ikke gjort, frist {format_date(due)}.", f"{what}: not done, due {format_date(due)}.", due=due)


@requirement(**_meta("bench.kartlegging"))
def kartlegging(ctx):
    settled = ctx.need(ctx.p.settlement_date, "settlement_date")
    due = add_months(settled, 3) - dt.timedelta(days=20)
    return ctx.deadline(ctx.p.kompetansekartlegging, "kompetansekartlegging", due, Text("Kartlegging", "Mapping"))


@requirement(**_meta("bench.karriereveiledning"))
def karriereveiledning(ctx):
    settled = ctx.need(ctx.p.settlement_date, "settlement_date")
    due = add_months(settled, 3)
    return ctx.deadline(ctx.p.karriereveiledning, "karriereveiledning", due, Text("Karriereveiledning", "Career guidance"))


@requirement(**_meta("bench.kontrakt"))
def kontrakt(ctx):
    plan = ctx.need(ctx.p.integreringsplan, "integreringsplan")
    created = ctx.need(plan.created, "integreringsplan.created")
    return ctx.deadline(ctx.p.integreringskontrakt, "integreringskontrakt", created, Text("Kontrakt", "Contract"))


@requirement(**_meta("bench.nir_avslutning"))
def nir_avslutning(ctx):
    programme = ctx.need(ctx.p.introduksjonsprogram, "introduksjonsprogram")
    if programme.end_date is None or programme.end_date > ctx.as_of:
        return met("Ikke avsluttet.", "Not ended.")
    due = add_months(programme.end_date, 2)
    nir = ctx.need(ctx.p.nir, "nir")
    dates = [r.date for r in nir if r.item == "avslutning" and r.date is not None and r.date <= ctx.as_of]
    if dates:
        first = min(dates)
        if first <= due:
            return met(f"Registrert {format_date(first)}.", f"Registered {format_date(first)}.", due=due)
        return not_met(f"Registrert for sent {format_date(first)}.", f"Registered late {format_date(first)}.", due=due)
    if ctx.as_of <= due:
        return pending(f"Frist {format_date(due)}.", f"Due {format_date(due)}.", due=due)
    return not_met(f"Ikke registrert, frist {format_date(due)}.", f"Not registered, due {format_date(due)}.", due=due)


@requirement(**_meta("bench.norskmal"))
def norskmal(ctx):
    education = ctx.need(ctx.p.education, "education")
    goals = ctx.need(ctx.p.norskmal, "norskmal")
    if not goals:
        return unknown(["norskmal"])
    first = goals[0]
    level = ctx.need(first.levels and first.levels.lytteforstaelse, "norskmal[0].levels.lytteforstaelse")
    minimum = MINIMUM[education.value]
    if LEVELS.index(level.value) >= LEVELS.index(minimum):
        return met(f"Mål {level.value}, minimum {minimum}.", f"Goal {level.value}, minimum {minimum}.")
    return not_met(f"Mål {level.value} under minimum {minimum}.", f"Goal {level.value} below minimum {minimum}.")


@requirement(**_meta("bench.vedtak"))
def vedtak(ctx):
    gate = _gate(ctx)
    if gate:
        return gate
    settled = ctx.need(ctx.p.settlement_date, "settlement_date")
    prog = ctx.need(ctx.p.introduksjonsprogram, "introduksjonsprogram")
    return _by_date(ctx, prog.decision_date, add_months(settled, 3), "introduksjonsprogram.decision_date")


@requirement(**_meta("bench.oppstart"))
def oppstart(ctx):
    gate = _gate(ctx)
    if gate:
        return gate
    prog = ctx.need(ctx.p.introduksjonsprogram, "introduksjonsprogram")
    decided = ctx.need(prog.decision_date, "introduksjonsprogram.decision_date")
    return _by_date(ctx, prog.start_date, add_months(decided, 3), "introduksjonsprogram.start_date")


@requirement(**_meta("bench.plan_revisjon"), settings=(REVISION,))
def plan_revisjon(ctx):
    plan = ctx.need(ctx.p.integreringsplan, "integreringsplan")
    created = ctx.need(plan.created, "integreringsplan.created")
    revisions = ctx.need(plan.revisions, "integreringsplan.revisions")
    due = add_months(created, ctx.setting(REVISION))
    dates = [r.date for r in revisions if r.date <= ctx.as_of]
    if dates:
        return _by_date(ctx, min(dates), due, "Revisjon")
    return _missing(ctx, due, "Revisjon")


@requirement(**_meta("bench.livsmestring"))
def livsmestring(ctx):
    gate = _gate(ctx)
    if gate:
        return gate
    course = ctx.need(ctx.p.livsmestring, "livsmestring")
    if course.done:
        hours = ctx.need(course.hours, "livsmestring.hours")
        if hours >= 10:
            return met(f"{hours:g} timer.", f"{hours:g} hours.")
        return not_met(f"Bare {hours:g} timer.", f"Only {hours:g} hours.")
    return _course_after(ctx, course, "livsmestring")


@requirement(**_meta("bench.foreldreveiledning"))
def foreldreveiledning(ctx):
    if not ctx.need(ctx.p.children_under_18, "children_under_18"):
        return not_applicable("Ingen barn under 18.", "No children under 18.")
    course = ctx.need(ctx.p.foreldreveiledning, "foreldreveiledning")
    return _course_after(ctx, course, "foreldreveiledning")


@requirement(**_meta("bench.nir_sluttmal"))
def nir_sluttmal(ctx):
    plan = ctx.need(ctx.p.integreringsplan, "integreringsplan")
    return _nir_item(ctx, "sluttmal", ctx.need(plan.created, "integreringsplan.created"))


@requirement(**_meta("bench.nir_kontrakt"))
def nir_kontrakt(ctx):
    contract = ctx.need(ctx.p.integreringskontrakt, "integreringskontrakt")
    if contract.done is False:
        return not_applicable("Ingen kontrakt.", "No contract.")
    return _nir_item(ctx, "integreringskontrakt", ctx.need(contract.date, "integreringskontrakt.date"))


@requirement(**_meta("bench.nir_utdanningsbakgrunn"))
def nir_utdanningsbakgrunn(ctx):
    mapping = ctx.need(ctx.p.kompetansekartlegging, "kompetansekartlegging")
    if mapping.done is False:
        return not_applicable("Ikke kartlagt.", "Not mapped.")
    return _nir_item(ctx, "utdanningsbakgrunn", ctx.need(mapping.date, "kompetansekartlegging.date"))


@requirement(**_meta("bench.varighet"))
def varighet(ctx):
    gate = _gate(ctx)
    if gate:
        return gate
    prog = ctx.need(ctx.p.introduksjonsprogram, "introduksjonsprogram")
    start = ctx.need(prog.start_date, "introduksjonsprogram.start_date")
    extensions = ctx.need(prog.extensions, "introduksjonsprogram.extensions")
    limit = add_months(start, 24 + sum(e.months for e in extensions))
    end = prog.end_date if prog.end_date is not None and prog.end_date <= ctx.as_of else ctx.as_of
    if end <= limit:
        return met(f"Innenfor {format_date(limit)}.", f"Within {format_date(limit)}.", due=limit)
    return not_met(f"Over grensen {format_date(limit)}.", f"Beyond the limit {format_date(limit)}.", due=limit)


@requirement(**_meta("bench.malgruppe"))
def malgruppe(ctx):
    if ctx.fact(TARGET_FACT):
        return met("I målgruppen.", "In the target group.")
    return not_met("Utenfor målgruppen.", "Outside the target group.")


REQUIREMENTS = (kartlegging, karriereveiledning, kontrakt, nir_avslutning, norskmal, vedtak, oppstart, plan_revisjon,
                livsmestring, foreldreveiledning, nir_sluttmal, nir_kontrakt, nir_utdanningsbakgrunn, varighet, malgruppe)
assert tuple(r.id for r in REQUIREMENTS) == IDS


class _Plugin:
    def __init__(self, name: str, requirements: tuple) -> None:
        self.PLUGIN_NAME = name
        self.requirements = requirements

    @hookimpl
    def integrules_register_regimes(self, register):
        register.regime(Regime(id="bench", title=Text("Benchmark", "Benchmark"), references=(REF,)))

    @hookimpl
    def integrules_register_settings(self, register):
        register.setting(Setting(name=REVISION, default=12, parse=int,
                                 description=Text("Måneder mellom revisjoner.", "Months between revisions.")))

    @hookimpl
    def integrules_register_derived_facts(self, register):
        register.derived_fact(DerivedFact(name=TARGET_FACT, compute=_target,
                                  description=Text("I målgruppen.", "In the target group.")))

    @hookimpl
    def integrules_register_requirements(self, register):
        register.requirement(*self.requirements)

    @hookimpl(tryfirst=True)
    def integrules_decide_regime(self, participant, as_of, settings):
        return RegimeDecision(regime="bench", reason=Text("Benchmark.", "Benchmark."), plugin="bench")


PLUGIN = _Plugin("bench", REQUIREMENTS)
PLUGIN5 = _Plugin("bench", REQUIREMENTS[:5])


# -- the same checks, by hand, on the decoded JSON ----------------------------------------------------

_date = dt.date.fromisoformat


def _d(text):
    return _date(text) if text else None


def _deadline(event, due, as_of):
    if event is None or event.get("done") is None:
        return "unknown"
    if event["done"]:
        when = _d(event.get("date"))
        if when is None:
            return "unknown"
        if when <= as_of:
            return "met" if when <= due else "not_met"
    return "pending" if as_of <= due else "not_met"


def _plain_by_date(day, due, as_of):
    if day is None:
        return "unknown"
    if day <= as_of:
        return "met" if day <= due else "not_met"
    return "pending" if as_of <= due else "not_met"


def _plain_target(p):
    """True, False, or None when unknown."""
    permit = p.get("permit")
    if permit is None or permit.get("basis") is None:
        return None
    if permit["basis"] not in TARGET:
        return False
    birth, granted = _d(p.get("birth_date")), _d(permit.get("granted"))
    if birth is None or granted is None:
        return None
    return 18 <= age_on(birth, granted) <= 55


def _plain_course(p, course, as_of):
    if course.get("done") is None:
        return "unknown"
    if course["done"]:
        return "met"
    prog = p.get("introduksjonsprogram")
    if prog is None:
        return "unknown"
    end = _d(prog.get("end_date"))
    return "not_met" if end is not None and end <= as_of else "pending"


def _plain_nir(p, item, event_day, as_of):
    nir = p.get("nir")
    if nir is None:
        return "unknown"
    due = event_day + dt.timedelta(days=NIR_DAYS)
    dates = [d for d in (_date(r["date"]) for r in nir if r.get("item") == item) if d <= as_of]
    if dates:
        return "met" if min(dates) <= due else "not_met"
    return "pending" if as_of <= due else "not_met"


def p_kartlegging(p, as_of, target):
    settled = _d(p.get("settlement_date"))
    if settled is None:
        return "unknown"
    return _deadline(p.get("kompetansekartlegging"), add_months(settled, 3) - dt.timedelta(days=20), as_of)


def p_karriereveiledning(p, as_of, target):
    settled = _d(p.get("settlement_date"))
    if settled is None:
        return "unknown"
    return _deadline(p.get("karriereveiledning"), add_months(settled, 3), as_of)


def p_kontrakt(p, as_of, target):
    plan = p.get("integreringsplan")
    created = _d(plan.get("created")) if plan else None
    return "unknown" if created is None else _deadline(p.get("integreringskontrakt"), created, as_of)


def p_nir_avslutning(p, as_of, target):
    prog = p.get("introduksjonsprogram")
    if prog is None:
        return "unknown"
    end = _d(prog.get("end_date"))
    if end is None or end > as_of:
        return "met"
    due = add_months(end, 2)
    nir = p.get("nir")
    if nir is None:
        return "unknown"
    dates = [x for x in (_d(r.get("date")) for r in nir if r.get("item") == "avslutning") if x is not None and x <= as_of]
    if dates:
        return "met" if min(dates) <= due else "not_met"
    return "pending" if as_of <= due else "not_met"


def p_norskmal(p, as_of, target):
    education, goals = p.get("education"), p.get("norskmal")
    if education is None or not goals:
        return "unknown"
    level = (goals[0].get("levels") or {}).get("lytteforstaelse")
    if level is None:
        return "unknown"
    minimum = MINIMUM[education]
    return "met" if LEVELS.index(level) >= LEVELS.index(minimum) else "not_met"


def p_vedtak(p, as_of, target):
    if target is None:
        return "unknown"
    if not target:
        return "not_applicable"
    settled, prog = _d(p.get("settlement_date")), p.get("introduksjonsprogram")
    if settled is None or prog is None:
        return "unknown"
    return _plain_by_date(_d(prog.get("decision_date")), add_months(settled, 3), as_of)


def p_oppstart(p, as_of, target):
    if target is None:
        return "unknown"
    if not target:
        return "not_applicable"
    prog = p.get("introduksjonsprogram")
    decided = _d(prog.get("decision_date")) if prog else None
    if decided is None:
        return "unknown"
    return _plain_by_date(_d(prog.get("start_date")), add_months(decided, 3), as_of)


def p_plan_revisjon(p, as_of, target):
    plan = p.get("integreringsplan")
    created = _d(plan.get("created")) if plan else None
    if created is None or plan.get("revisions") is None:
        return "unknown"
    due = add_months(created, 12)
    dates = [d for d in (_date(r["date"]) for r in plan["revisions"]) if d <= as_of]
    if dates:
        return "met" if min(dates) <= due else "not_met"
    return "pending" if as_of <= due else "not_met"


def p_livsmestring(p, as_of, target):
    if target is None:
        return "unknown"
    if not target:
        return "not_applicable"
    course = p.get("livsmestring")
    if course is None:
        return "unknown"
    if course.get("done"):
        hours = course.get("hours")
        return "unknown" if hours is None else "met" if hours >= 10 else "not_met"
    return _plain_course(p, course, as_of)


def p_foreldreveiledning(p, as_of, target):
    children = p.get("children_under_18")
    if children is None:
        return "unknown"
    if not children:
        return "not_applicable"
    course = p.get("foreldreveiledning")
    return "unknown" if course is None else _plain_course(p, course, as_of)


def p_nir_sluttmal(p, as_of, target):
    plan = p.get("integreringsplan")
    created = _d(plan.get("created")) if plan else None
    return "unknown" if created is None else _plain_nir(p, "sluttmal", created, as_of)


def p_nir_kontrakt(p, as_of, target):
    contract = p.get("integreringskontrakt")
    if contract is None:
        return "unknown"
    if contract.get("done") is False:
        return "not_applicable"
    day = _d(contract.get("date"))
    return "unknown" if day is None else _plain_nir(p, "integreringskontrakt", day, as_of)


def p_nir_utdanningsbakgrunn(p, as_of, target):
    mapping = p.get("kompetansekartlegging")
    if mapping is None:
        return "unknown"
    if mapping.get("done") is False:
        return "not_applicable"
    day = _d(mapping.get("date"))
    return "unknown" if day is None else _plain_nir(p, "utdanningsbakgrunn", day, as_of)


def p_varighet(p, as_of, target):
    if target is None:
        return "unknown"
    if not target:
        return "not_applicable"
    prog = p.get("introduksjonsprogram")
    start = _d(prog.get("start_date")) if prog else None
    if start is None or prog.get("extensions") is None:
        return "unknown"
    limit = add_months(start, 24 + sum(e["months"] for e in prog["extensions"]))
    end = _d(prog.get("end_date"))
    end = end if end is not None and end <= as_of else as_of
    return "met" if end <= limit else "not_met"


def p_malgruppe(p, as_of, target):
    return "unknown" if target is None else "met" if target else "not_met"


CHECKS = (p_kartlegging, p_karriereveiledning, p_kontrakt, p_nir_avslutning, p_norskmal, p_vedtak, p_oppstart,
          p_plan_revisjon, p_livsmestring, p_foreldreveiledning, p_nir_sluttmal, p_nir_kontrakt,
          p_nir_utdanningsbakgrunn, p_varighet, p_malgruppe)


def baseline(p: dict, as_of: dt.date, n: int = len(IDS)) -> tuple[str, ...]:
    """The outcome of each of IDS[:n] for one participant, as plain code would compute it."""
    target = _plain_target(p) if n > 5 else None  # computed once per participant, as the engine's derived fact
    return tuple(check(p, as_of, target) for check in CHECKS[:n])
