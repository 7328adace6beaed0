"""Small helpers shared by the chapter 6A requirements."""

from __future__ import annotations

import datetime as dt

from integrules import Context, Evaluation, Missing, Outcome, Text, met, not_applicable, not_met, pending
from integrules.dates import add_months, format_date
from integrules.model import Leave, Programme

from . import refs


fmt = format_date  # dd.mm.yyyy, as f"{day:%d.%m.%Y}" writes it, without strftime


def leave_days(leaves: tuple[Leave, ...]) -> int:
    return sum((leave.end - leave.start).days + 1 for leave in leaves if leave.end >= leave.start)


TARGET_FACT = "integreringsloven.rett_og_plikt_program"  # the ordinary plugin's §§ 8-9 target group


def participating(ctx: Context) -> Programme | Evaluation:
    """The programme if the participant takes part in it; else why the requirement does not apply.

    Under chapter 6A the programme is a right, not a duty (§ 37 c first paragraph): whoever does
    not take part is not failed for it. «For øvrig gjelder §§ 8 og 9»: outside the target group
    (the ordinary plugin's derived fact, when installed) the requirement does not apply either.
    Unknown (raises Missing) when participation or the target group cannot be decided.
    """
    prog = ctx.p.introduksjonsprogram
    if prog is not None and prog.participates is False:
        return not_applicable(
            "Deltar ikke i introduksjonsprogram: etter integreringsloven § 37 c første ledd har personer med kollektiv "
            "beskyttelse rett, men ikke plikt, til å delta.",
            "Does not take part in the introduction programme: under Integration Act § 37 c first paragraph people with "
            "collective protection have a right, not a duty, to take part.", refs.L37C_1)
    if ctx.has_fact(TARGET_FACT) and not ctx.fact(TARGET_FACT):
        return not_applicable(
            "Utenfor målgruppen for introduksjonsprogram (§§ 8 og 9 gjelder også etter § 37 c første ledd).",
            "Outside the target group of the introduction programme (§§ 8 and 9 apply under § 37 c first paragraph too).",
            refs.L37C_1)
    prog = ctx.need(prog, "introduksjonsprogram")
    ctx.need(prog.participates, "introduksjonsprogram.participates")
    return prog


def by_decision_deadline(ctx: Context, done: dt.date | None, what: Text) -> Evaluation:
    """Judge ``done`` against the § 12 deadline: three months after settlement, or after the claim for
    a programme when that came later (a voluntary participant may claim it later, § 37 c fifth paragraph).

    One deadline per participant: with the claim registered it is always counted from the later of the
    two, whatever the outcome (it once depended on it: met by the settlement deadline reported that
    date, late reported the claim's, for the same dates; issue 9). Only an unknown claim is asked for
    when it could matter: done within three months of settlement is met, and not yet done within them is
    pending, whatever the claim (the due date shown is then the earliest possible).
    """
    settled = ctx.need(ctx.p.settlement_date, "settlement_date")
    claim = ctx.p.claim_date
    if claim is not None:
        return done_by(ctx, done, add_months(max(settled, claim), 3), what)
    first = done_by(ctx, done, add_months(settled, 3), what)
    if first.outcome in (Outcome.MET, Outcome.PENDING):
        return first
    raise Missing("claim_date")


def norwegian_right_end(ctx: Context) -> dt.date:
    """Last day of the right to Norwegian training: one year from the start (§ 37 d second paragraph),
    extended by approved leave (IMDi, NIR for chapter 6A). Raises Missing when unknown.

    A year counts as in domstolloven § 148 second paragraph (the general Norwegian rule, also in
    foreldelsesloven § 29 and straffeloven § 13): it ends at the end of the day with the same date,
    so a start on 01.03.2023 gives a right through 01.03.2024 (31.01 + 1 month: the month's last
    day). The day itself is inside the right, as in the ordinary § 32 rule."""
    training = ctx.need(ctx.p.opplaering, "opplaering")
    start = ctx.need(training.start_date, "opplaering.start_date")
    leaves = ctx.need(training.leaves, "opplaering.leaves")
    return add_months(start, 12) + dt.timedelta(days=leave_days(leaves))


def done_by(ctx: Context, done: dt.date | None, due: dt.date, what: Text) -> Evaluation:
    """Judge something that is done on date ``done`` (a known date; after as_of = not yet) by ``due``."""
    if done is not None and ctx.happened(done):
        if done <= due:
            return met(f"{what.nb}: {fmt(done)}, frist {fmt(due)}.", f"{what.en}: {fmt(done)}, due {fmt(due)}.", due=due)
        return not_met(f"{what.nb}: {fmt(done)}, {(done - due).days} dager etter fristen {fmt(due)}.",
                       f"{what.en}: {fmt(done)}, {(done - due).days} days after the deadline {fmt(due)}.", due=due)
    if ctx.as_of <= due:
        return pending(f"{what.nb}: ikke ennå, frist {fmt(due)}.", f"{what.en}: not yet, due {fmt(due)}.", due=due)
    return not_met(f"{what.nb}: ikke gjort, fristen {fmt(due)} er passert.",
                   f"{what.en}: not done, the deadline {fmt(due)} has passed.", due=due)
