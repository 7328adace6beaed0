"""The benchmark's comparison workload: five requirements written twice, on identical logic.

Once as an integrules plugin (``PLUGIN``: a regime, five requirements through the rules API, with
ctx.need and ctx.deadline) and once as a plain-Python function over the decoded JSON (``baseline``).
They are *not* legal rules (the bundled plugins are); they are modelled on the kinds of check the rule
sets make (deadlines after settlement, a NIR registration within two months, a Norwegian goal at or
above a minimum) so that the engine's cost per requirement can be compared honestly with hand-written
code. run.py checks that both give the same counts per requirement and outcome.
"""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta

from integrules import hookimpl
from integrules.findings import LegalRef, Text, Unit, met, not_met, pending, unknown
from integrules.rules import Regime, RegimeDecision, requirement

REF = LegalRef("Benchmark (ikke lov / not law)", url="https://example.invalid/benchmark")
FROM = dt.date(2021, 1, 1)
LEVELS = ("under A1", "A1", "A2", "B1", "B2", "C1")
MINIMUM = {"ingen_grunnskole": "A2", "grunnskole": "B1", "videregaende": "B1", "hoyere": "B1"}
IDS = ("bench.kartlegging", "bench.karriereveiledning", "bench.kontrakt", "bench.nir_avslutning", "bench.norskmal")


def _meta(rid: str) -> dict:
    return dict(id=rid, title=Text(rid, rid), description=Text("Benchmark.", "Benchmark."), references=(REF,),
                valid_from=FROM, regime="bench", responsible=(Unit.FT,), confidence="low")


@requirement(**_meta("bench.kartlegging"))
def kartlegging(ctx):
    settled = ctx.need(ctx.p.settlement_date, "settlement_date")
    due = settled + relativedelta(months=3) - dt.timedelta(days=20)
    return ctx.deadline(ctx.p.kompetansekartlegging, "kompetansekartlegging", due, Text("Kartlegging", "Mapping"))


@requirement(**_meta("bench.karriereveiledning"))
def karriereveiledning(ctx):
    settled = ctx.need(ctx.p.settlement_date, "settlement_date")
    due = settled + relativedelta(months=3)
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
    due = programme.end_date + relativedelta(months=2)
    nir = ctx.need(ctx.p.nir, "nir")
    dates = [r.date for r in nir if r.item == "avslutning" and r.date is not None and r.date <= ctx.as_of]
    if dates:
        first = min(dates)
        if first <= due:
            return met(f"Registrert {first:%d.%m.%Y}.", f"Registered {first:%d.%m.%Y}.", due=due)
        return not_met(f"Registrert for sent {first:%d.%m.%Y}.", f"Registered late {first:%d.%m.%Y}.", due=due)
    if ctx.as_of <= due:
        return pending(f"Frist {due:%d.%m.%Y}.", f"Due {due:%d.%m.%Y}.", due=due)
    return not_met(f"Ikke registrert, frist {due:%d.%m.%Y}.", f"Not registered, due {due:%d.%m.%Y}.", due=due)


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


class _Plugin:
    PLUGIN_NAME = "bench"

    @hookimpl
    def integrules_register_regimes(self, register):
        register.regime(Regime(id="bench", title=Text("Benchmark", "Benchmark"), references=(REF,)))

    @hookimpl
    def integrules_register_requirements(self, register):
        for req in (kartlegging, karriereveiledning, kontrakt, nir_avslutning, norskmal):
            register.requirement(req)

    @hookimpl(tryfirst=True)
    def integrules_decide_regime(self, participant, as_of, settings):
        return RegimeDecision(regime="bench", reason=Text("Benchmark.", "Benchmark."), plugin="bench")


PLUGIN = _Plugin()


# -- the same five checks, by hand, on the decoded JSON -------------------------------------------

def _date(text):
    return dt.date.fromisoformat(text) if text else None


def _deadline(event, due, as_of):
    if event is None or event.get("done") is None:
        return "unknown"
    if event["done"]:
        when = _date(event.get("date"))
        if when is None:
            return "unknown"
        if when <= as_of:
            return "met" if when <= due else "not_met"
    return "pending" if as_of <= due else "not_met"


def baseline(p: dict, as_of: dt.date) -> tuple[str, ...]:
    """The outcome of each of IDS for one participant, as plain code would compute it."""
    settled = _date(p.get("settlement_date"))
    if settled is None:
        a = b = "unknown"
    else:
        three = settled + relativedelta(months=3)
        a = _deadline(p.get("kompetansekartlegging"), three - dt.timedelta(days=20), as_of)
        b = _deadline(p.get("karriereveiledning"), three, as_of)
    plan = p.get("integreringsplan")
    created = _date(plan.get("created")) if plan else None
    c = "unknown" if created is None else _deadline(p.get("integreringskontrakt"), created, as_of)
    prog = p.get("introduksjonsprogram")
    if prog is None:
        d = "unknown"
    else:
        end = _date(prog.get("end_date"))
        if end is None or end > as_of:
            d = "met"
        else:
            due = end + relativedelta(months=2)
            nir = p.get("nir")
            if nir is None:
                d = "unknown"
            else:
                dates = [_date(r["date"]) for r in nir if r.get("item") == "avslutning" and r.get("date")]
                dates = [x for x in dates if x <= as_of]
                if dates:
                    d = "met" if min(dates) <= due else "not_met"
                else:
                    d = "pending" if as_of <= due else "not_met"
    education, goals = p.get("education"), p.get("norskmal")
    if education is None or not goals:
        e = "unknown"
    else:
        level = (goals[0].get("levels") or {}).get("lytteforstaelse")
        if level is None:
            e = "unknown"
        else:
            minimum = MINIMUM[education]
            e = "met" if LEVELS.index(level) >= LEVELS.index(minimum) else "not_met"
    return a, b, c, d, e
