"""Small helpers shared by the chapter 6A requirements."""

from __future__ import annotations

import datetime as dt
from typing import Callable

from integrules import Context, Evaluation, Missing, Outcome, Text, met, not_applicable, not_met, pending, unknown
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


# -- «samtidig»: a duty done at the same time as a decision ------------------------------------------

SAMTIDIG_MARGIN = "kapittel_6a.samtidig_margin"  # days after the decision still counted as «samtidig» (default 0)


def at_decision(ctx: Context, done: dt.date | None, decision: dt.date, what: Text) -> Evaluation:
    """Judge something the law says is done «samtidig som» a decision made (or to be made) on ``decision``.

    Due on the decision's date, plus the margin of the setting ``kapittel_6a.samtidig_margin`` (default 0
    days): done by then (also before the decision) is met, later is not met. A decision dated after the
    as-of date has not been made yet: not done by then is pending, due with it. The finding names the margin.
    """
    margin = ctx.setting(SAMTIDIG_MARGIN)
    ev = done_by(ctx, done, decision + dt.timedelta(days=margin), what)
    note = (f" «Samtidig» med vedtaket {fmt(decision)}: margin {margin} dager (innstillingen {SAMTIDIG_MARGIN}).",
            f" «At the same time» as the decision of {fmt(decision)}: a margin of {margin} days (setting "
            f"{SAMTIDIG_MARGIN}).")
    return Evaluation(ev.outcome, Text(ev.message.nb + note[0], ev.message.en + note[1]), ev.due, ev.missing,
                      ev.references)


# -- § 37 c before and after LOV-2025-06-20-35 -------------------------------------------------------

# LOV-2025-06-20-35 part I replaced § 37 c by one rule (social studies in the programme do not apply to § 34
# holders) from 01.01.2026 (res. 20. juni 2025 nr. 1102); LOV-2026-06-12-22 re-added chapter 6A from
# 01.07.2026 with that text. The old § 37 c (right but no duty, six months, no full time, no life skills, «§§ 15
# og 16 gjelder ikke», return after work) governs programmes decided before it, by the setting OVERGANG_37C.
ENDRING_37C = dt.date(2026, 1, 1)
OLD_37C, NEW_37C = "37c-2024", "37c-2026"
OVERGANG_37C = "kapittel_6a.overgang_37c"
OVERGANG_CHOICES = ("vedtaksdato", "ukjent")
DECISION = "introduksjonsprogram.decision_date"


def texts_37c(ctx: Context) -> tuple[tuple[str, ...], tuple[str, ...], Text | None]:
    """The § 37 c texts that can govern the participant's programme, the facts or settings that would narrow
    them to one, and a note for the finding when the choice rests on a reading rather than a registered date.

    The text in force on the programme decision's date governs (from 01.01.2026: the new one). With no
    decision registered: before 01.01.2026 only the old text can have applied; a participant settled from
    01.01.2026 can only get a decision under the new text (§ 12: the decision comes after settlement);
    otherwise both. A programme decided before 01.01.2026 keeps the old text by default (setting
    ``kapittel_6a.overgang_37c`` = ``vedtaksdato``); with ``ukjent`` both texts are weighed from that day.
    """
    prog = ctx.p.introduksjonsprogram
    decision = prog.decision_date if prog is not None else None
    settled = ctx.p.settlement_date
    if decision is not None:
        # Registered ahead: judged as of the as-of date, as an unknown decision is (and as integreringsloven's
        # texts are), so that filling in the date never flips a decided finding.
        decision = min(decision, ctx.as_of)
        if decision >= ENDRING_37C:
            return (NEW_37C,), (), None
        if ctx.as_of < ENDRING_37C:
            return (OLD_37C,), (), None
        if settled is not None and settled >= ENDRING_37C:
            # A § 12 decision comes after settlement: one registered before it cannot have been made under the old
            # text (the same reasoning as without a date, below).
            return (NEW_37C,), (), _settled_note(settled)
        if ctx.setting(OVERGANG_37C) == "ukjent":
            return (OLD_37C, NEW_37C), (OVERGANG_37C,), None
        return (OLD_37C,), (), Text(
            f" (§ 37 c slik den lød ved programvedtaket {fmt(decision)}: ingen overgangsregel er funnet, og innstillingen "
            f"{OVERGANG_37C} = vedtaksdato lar teksten ved vedtaket gjelde.)",
            f" (§ 37 c as it read at the programme decision of {fmt(decision)}: no transitional rule was found, and the "
            f"setting {OVERGANG_37C} = vedtaksdato keeps the text in force at the decision.)")
    if ctx.as_of < ENDRING_37C:
        return (OLD_37C,), (), None
    if settled is not None and settled >= ENDRING_37C:
        return (NEW_37C,), (), Text(
            f" (Ingen vedtaksdato registrert; bosatt {fmt(settled)}, så et vedtak etter § 12 kan bare treffes etter "
            "§ 37 c slik den lyder fra 01.01.2026.)",
            f" (No decision date registered; settled on {fmt(settled)}, so a § 12 decision can only be made under "
            "§ 37 c as it reads from 01.01.2026.)")
    return (OLD_37C, NEW_37C), (DECISION,), None


def _settled_note(settled) -> Text:
    return Text(f" (Bosatt {fmt(settled)}: et vedtak etter § 12 treffes etter bosettingen og kan bare treffes etter § 37 c "
                "slik den lyder fra 01.01.2026; vedtaksdatoen registrert før bosettingen endrer ikke det.)",
                f" (Settled on {fmt(settled)}: a § 12 decision comes after settlement and can only be made under § 37 c "
                "as it reads from 01.01.2026; a decision date registered before the settlement does not change that.)")


def under_37c(ctx: Context, old: Callable[[], Evaluation], new: Callable[[], Evaluation]) -> Evaluation:
    """``old()`` or ``new()`` by the § 37 c text governing the programme; with both possible, their common
    outcome when both are decided and agree, else unknown naming what would settle it (never a guess)."""
    texts, open_, note = texts_37c(ctx)
    judges = {OLD_37C: old, NEW_37C: new}
    if len(texts) == 1:
        ev = judges[texts[0]]()
        if note is None:
            return ev
        return Evaluation(ev.outcome, Text(ev.message.nb + note.nb, ev.message.en + note.en), ev.due, ev.missing,
                          ev.references)
    results = []
    for text in texts:
        try:
            results.append(judges[text]())
        except Missing as exc:
            results.append(unknown(exc.paths))
    first = results[0]
    if first.outcome is not Outcome.UNKNOWN and all(r.outcome is first.outcome for r in results):
        due = first.due if all(r.due == first.due for r in results) else None
        return Evaluation(first.outcome, Text(
            f"{first.message.nb} Samme utfall etter § 37 c før og etter 01.01.2026 (LOV-2025-06-20-35).",
            f"{first.message.en} The same outcome under § 37 c before and after 01.01.2026 (LOV-2025-06-20-35)."),
            due, first.missing, first.references)
    missing = sorted({*open_, *(m for r in results if r.outcome is Outcome.UNKNOWN for m in r.missing)})
    names = ", ".join(missing)
    return unknown(missing,
                   f"Utfallet er ikke det samme (eller ikke kjent) etter § 37 c før og etter 01.01.2026 "
                   f"(LOV-2025-06-20-35), og hvilken tekst som gjelder programmet er ukjent. Mangler: {names}.",
                   f"The outcome is not the same (or not known) under § 37 c before and after 01.01.2026 "
                   f"(LOV-2025-06-20-35), and which text governs the programme is unknown. Missing: {names}.")


def ordinary(ctx: Context, name: str) -> Evaluation:
    """The ordinary requirement ``integreringsloven.<name>`` (the version in force at the as-of date, as the
    registry resolved it: a municipality's override included) judged for this participant: under § 37 c as
    amended from 01.01.2026 chapter 6A no longer sets it aside. Its Missing propagates (unknown). Reached
    through the registry (:meth:`integrules.Context.requirement`), not by importing the ordinary plugin."""
    req = ctx.requirement(f"integreringsloven.{name}")
    if req is None:
        return not_applicable(f"integreringsloven.{name} er ikke registrert eller gjelder ikke på vurderingsdatoen.",
                              f"integreringsloven.{name} is not registered or not in force at the as-of date.")
    ev = req.evaluate(ctx)
    refs_ = tuple(dict.fromkeys((*req.references, *ev.references, refs.L37C_2026, refs.LT_2025)))
    return Evaluation(ev.outcome, Text(
        f"Programmet følger § 37 c slik den lyder fra 01.01.2026 (LOV-2025-06-20-35), som ikke lenger unntar fra "
        f"den ordinære regelen (integreringsloven.{name}): {ev.message.nb}",
        f"The programme follows § 37 c as amended from 01.01.2026 (LOV-2025-06-20-35), which no longer sets aside "
        f"the ordinary rule (integreringsloven.{name}): {ev.message.en}"), ev.due, ev.missing, refs_)
