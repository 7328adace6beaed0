"""A seeded synthetic population: no real person, any size, the same output for the same seed.

Each participant is drawn from its own random stream (seed and index), so participant 41 is the
same whether 70 or 1 000 000 are generated. Names are plainly synthetic ("Syntetisk Deltaker 041")
and DUF numbers are made up (with SSB-valid check digits), so tests can grep outputs for them.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any, Iterator

from .dates import add_months
from .duf import check_digits_for

DEFAULT_AS_OF = dt.date(2024, 11, 27)  # the date of the seed report
# The bundled example (``case_file()``): late enough that people settled in 2025 and 2026 meet the rules of
# LOV-2025-06-20-35 (in force 01.01.2026) and re-enacted chapter 6A.
EXAMPLE_AS_OF = dt.date(2026, 12, 4)
# Programmes decided from here draw the facts the 2025-2026 rules ask for from a stream of their own, so a
# population as of an earlier date (DEFAULT_AS_OF) is the same as before those facts existed.
NEW_FACTS_FROM = dt.date(2025, 1, 1)
# The facts the data format gained with the 2026 rules (§ 9 first paragraph f's two dates, the known-none flags
# decision_made/made/offered, preparatory adult education, a DUF number mistyped) are written only into populations
# drawn as of this date or later, each from a stream of its own: a population as of an earlier date
# (DEFAULT_AS_OF: benchmarks and tests compare it) is the same as before these facts existed.
FORMAT_2026 = dt.date(2026, 1, 1)
# § 37 c as amended by LOV-2025-06-20-35: chapter 6A programmes decided from this day follow the ordinary rules
# on plan, contract, life skills and duration.
NEW_37C_FROM = dt.date(2026, 1, 1)

# NIR items as the integreringsloven plugin names them (docs/integreringsloven.md).
NIR_PROGRAMME = ("integreringskontrakt", "sluttmal", "vedtak_og_startdato", "tiltak_og_fravaer",
                 "foreldreveiledning", "livsmestring", "avslutning")
NIR_TRAINING = ("utdanningsbakgrunn", "norskmal_fastsetting", "opplaering_vedtak_og_startdato", "timer_og_fravaer")

END_REASONS = (
    "Arbeid",
    "Arbeidsmarkedstiltak i regi av NAV",
    "Videregående opplæring - fag og yrkesopplæring",
    "Arbeid og utdanning - videregående opplæring",
    "Høyere utdanning",
    "Venter på tiltak i regi av NAV",
)
LEVELS = ("A1", "A2", "B1", "B2")
MINIMUM = {  # guiding minimum levels by education (listening, reading, writing, oral)
    "ingen_grunnskole": ("A2", "A2", "A2", "B1"),
    "grunnskole": ("B1", "B1", "B1", "B1"),
    "videregaende": ("B1", "B1", "B1", "B2"),
    "hoyere": ("B1", "B1", "B1", "B2"),
}
SUBTESTS = ("lytteforstaelse", "leseforstaelse", "skriftlig", "muntlig")


def _day(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    span = (end - start).days
    return start + dt.timedelta(days=rng.randint(0, max(span, 0)))


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _duf(rng: random.Random, year: int) -> str:
    first_ten = f"{year}{rng.randint(0, 999999):06d}"
    return first_ten + check_digits_for(first_ten)


def _event(rng: random.Random, due: dt.date, as_of: dt.date, *, p_done=0.82, p_unknown=0.06, late_days=60) -> dict | None:
    """Done on time mostly; sometimes late, not done, or not registered at all (unknown)."""
    r = rng.random()
    if r < p_unknown:
        return None
    if r < p_unknown + p_done:
        when = due - dt.timedelta(days=rng.randint(0, 80)) if rng.random() < 0.85 else due + dt.timedelta(days=rng.randint(1, late_days))
        if when <= as_of:
            return {"done": True, "date": when.isoformat(), "documented": rng.random() < 0.95}
    return {"done": False}


def participant(index: int, *, seed: int = 0, as_of: dt.date = DEFAULT_AS_OF) -> dict[str, Any]:
    """One synthetic participant as a JSON-ready dict (the case-file format)."""
    rng = random.Random(f"integrules-{seed}-{index}")
    kind = rng.choices(("ordinary", "6a", "old", "training"), weights=(58, 22, 8, 12))[0]
    if kind == "6a":
        granted = _day(rng, dt.date(2022, 3, 15), min(as_of, max(dt.date(2024, 9, 1), as_of - dt.timedelta(days=90))))
        basis = "kollektiv_beskyttelse"
    elif kind == "old":
        granted = _day(rng, dt.date(2018, 6, 1), dt.date(2020, 12, 1))
        basis = "flyktning"
    else:
        granted = _day(rng, dt.date(2021, 1, 10),
                       min(as_of - dt.timedelta(days=30), max(dt.date(2024, 10, 1), as_of - dt.timedelta(days=60))))
        basis = rng.choices(("flyktning", "overforingsflyktning", "familiegjenforening", "opphold_etter_beskyttelsessoknad"),
                            weights=(55, 20, 20, 5))[0]
    age = rng.randint(56, 66) if kind == "training" else rng.randint(18, 54)
    birth = granted - dt.timedelta(days=age * 365 + rng.randint(0, 364))
    settlement = min(granted + dt.timedelta(days=rng.randint(5, 150)), as_of)
    education = rng.choices(tuple(MINIMUM), weights=(20, 30, 35, 15))[0]
    children = rng.random() < 0.45
    person: dict[str, Any] = {
        "id": f"EK-{seed:02d}-{index:05d}",
        "duf": _duf(rng, granted.year),
        "name": f"Syntetisk Deltaker {index:03d}",
        "birth_date": birth.isoformat(),
        "permit": {"granted": granted.isoformat(), "basis": basis, "applied_from_abroad": basis == "overforingsflyktning",
                   "arrival": (granted + dt.timedelta(days=rng.randint(10, 60))).isoformat() if basis == "overforingsflyktning" else None},
        "settlement_date": settlement.isoformat(),
        "settled_by_agreement": basis != "familiegjenforening" or rng.random() < 0.3,
        "registered_date": (settlement + dt.timedelta(days=rng.randint(0, 20))).isoformat(),
        "earlier_municipality_months": 0,
        "started_under_introduksjonsloven": kind == "old",
        "education": education if rng.random() > 0.05 else None,
        "needs_b2": education == "hoyere" and rng.random() < 0.3,
        "children_under_18": children,
    }
    if person["education"] is None:
        del person["education"]
    due = add_months(settlement, 3)
    person["kompetansekartlegging"] = _event(rng, due - dt.timedelta(days=20), as_of)
    person["karriereveiledning"] = _event(rng, due, as_of, p_done=0.7)
    in_programme = kind in ("ordinary", "old") or (kind == "6a" and rng.random() < 0.8)
    if in_programme:
        _programme(rng, person, kind, settlement, education, children, as_of)
    else:
        person["introduksjonsprogram"] = {"participates": False}
    _training(rng, person, kind, settlement, education, as_of)
    if settlement >= NEW_FACTS_FROM:
        _work(_new_stream(person, "work"), person, kind, settlement, as_of)
    if as_of >= FORMAT_2026:
        _facts_2026(person, kind, as_of)
    _nir(rng, person, as_of)
    person.pop("_class_changes", None)
    person.pop("_plan_date", None)
    person["permit"] = {k: v for k, v in person["permit"].items() if v is not None}
    return {k: v for k, v in person.items() if v is not None}


def _new_stream(person: dict[str, Any], what: str = "programme") -> random.Random:
    return random.Random(f"integrules-2026-{what}-{person['id']}")


def _work(rng2: random.Random, person: dict[str, Any], kind: str, settlement: dt.date, as_of: dt.date) -> None:
    """Work and job offers (§ 8 fourth paragraph): mostly none; full-time work keeps some out of the programme,
    some take work during it; a few not registered (unknown)."""
    r = rng2.random()
    if r < 0.05:
        return  # not registered: unknown
    prog = person.get("introduksjonsprogram", {})
    decision = prog.get("decision_date")
    jobs = []
    if kind == "ordinary" and r < 0.17:
        # In full-time work from soon after settlement: no right and duty to the programme, which they do not
        # take part in; the training (chapter 6) is not affected.
        start = settlement + dt.timedelta(days=rng2.randint(3, 30))
        if start <= as_of:
            person["work"] = [{"start": start.isoformat(), "hours_per_week": rng2.choice((30, 37.5, 40)), "ended": False}]
            person["introduksjonsprogram"] = {"participates": False}
            for key in ("integreringskontrakt", "livsmestring", "foreldreveiledning"):
                person.pop(key, None)
            return
    if decision is None and r < 0.45:
        # Not decided yet: in (or offered) work from soon after settlement; some jobs ended again.
        start = settlement + dt.timedelta(days=rng2.randint(5, 60))
        if start <= as_of:
            job: dict[str, Any] = {"hours_per_week": rng2.choice((20, 29.5, 30, 37.5, 37.5, 40))}
            if rng2.random() < 0.2:
                job["start"] = start.isoformat()  # the day of an offer not begun yet
                job["ended"] = False
            else:
                job["start"] = start.isoformat()
                end = start + dt.timedelta(days=rng2.randint(30, 200))
                job["ended"] = end <= as_of and rng2.random() < 0.4
                if job["ended"]:
                    job["end"] = end.isoformat()
            jobs.append(job)
    elif decision is not None and r < 0.3:
        # Work found during the programme (after the decision: it does not touch § 8 at the decision).
        start = dt.date.fromisoformat(decision) + dt.timedelta(days=rng2.randint(60, 400))
        if start <= as_of:
            jobs.append({"start": start.isoformat(), "hours_per_week": rng2.choice((10, 20, 37.5)), "ended": False})
    person["work"] = jobs


def _programme_2026(rng2: random.Random, programme: dict[str, Any], upper_secondary: bool, decision: dt.date,
                    start: dt.date, as_of: dt.date) -> dt.date:
    """The end goal, duration and new facts of a programme decided from 2025 (§§ 13-14 as amended with regulation
    §§ 75-76; § 14 a third paragraph; regulation §§ 10 and 19); mostly lawful, a few breaches. The planned end."""
    if upper_secondary:
        goal = "arbeid"
        months = rng2.choice((6, 9, 12, 12)) if decision > dt.date(2026, 1, 1) else rng2.choice((5, 6, 6))
    else:
        goal = rng2.choices(("arbeid", "fullfort_videregaende", "deler_av_videregaende", "fag_og_yrkesopplaering"),
                            weights=(40, 25, 15, 20))[0]
        months = {"arbeid": (12, 18, 24), "fullfort_videregaende": (36, 42, 48), "deler_av_videregaende": (24, 30, 36),
                  "fag_og_yrkesopplaering": (48, 54, 60)}[goal][rng2.randint(0, 2)]
        if goal != "arbeid" and decision <= dt.date(2025, 1, 1):
            months = min(months, 36)  # offered before § 76: the 2021 durations
    if rng2.random() < 0.06:
        months += 1  # occasionally longer than the law allows
    programme["sluttmal"] = goal
    programme["extensions"] = []
    planned_end = add_months(start, months)
    absences, leaves = [], []
    for _ in range(rng2.choice((0, 0, 1, 1, 2))):
        first = _day(rng2, start, min(as_of, planned_end))
        period = {"start": first.isoformat(), "end": (first + dt.timedelta(days=rng2.randint(0, 9))).isoformat()}
        (leaves if rng2.random() < 0.3 else absences).append(period)
    programme["leaves"] = leaves
    programme["absences"] = absences if rng2.random() > 0.05 else None
    if goal == "arbeid" and rng2.random() > 0.1:
        programme["arbeidsrettede_timer_per_uke"] = rng2.choice((10, 14, 15, 15, 18, 20, 22, 25))
    return planned_end


def _programme(rng, person, kind, settlement, education, children, as_of) -> None:
    decision = settlement + dt.timedelta(days=rng.randint(10, 75) if rng.random() < 0.85 else rng.randint(95, 140))
    if decision > as_of:
        person["introduksjonsprogram"] = {"participates": True}
        return
    start = decision + dt.timedelta(days=rng.randint(0, 21))
    upper_secondary = education in ("videregaende", "hoyere")
    # § 13 (2021 text) and § 37 c: 3-6 months with upper secondary, else up to 2-3 years.
    months = rng.choice((5, 6, 6)) if upper_secondary else rng.choice((12, 18, 24))
    extensions = []
    if upper_secondary and rng.random() < 0.3:
        extensions.append({"date": add_months(start, months - 1).isoformat(), "months": 6,
                           "expected_goal_attainment": rng.random() < 0.9})
        months += 6
    elif rng.random() < 0.06:
        months += 12  # occasionally longer than the law allows
    planned_end = add_months(start, months)
    sluttmal = "arbeid" if kind == "6a" or education in ("videregaende", "hoyere") else rng.choice(("arbeid", "fullfort_videregaende", "grunnskole"))
    rng2 = _new_stream(person) if decision >= NEW_FACTS_FROM and kind == "ordinary" else None
    if kind == "6a" and decision >= NEW_37C_FROM:
        rng2 = _new_stream(person, "6a-2026")  # § 37 c as amended: the ordinary durations and goals
    programme: dict[str, Any] = {
        "participates": True,
        "decision_date": decision.isoformat(),
        "start_date": _iso(start if start <= as_of else None),
        "planned_end": planned_end.isoformat(),
        "sluttmal": sluttmal,
        "full_time": kind == "6a" or rng.random() < 0.93,
        "all_year": True,
        "extensions": extensions,
        "leaves": [],
    }
    if rng2 is not None:
        planned_end = _programme_2026(rng2, programme, upper_secondary, decision, start, as_of)
        programme["planned_end"] = planned_end.isoformat()
    # The decision sets the end date; a date after as_of is the decided end of a running programme.
    programme["end_date"] = planned_end.isoformat()
    if planned_end <= as_of:
        programme["end_reason"] = rng.choices(END_REASONS, weights=(35, 25, 12, 8, 8, 2))[0] if rng.random() < 0.92 else None
    person["introduksjonsprogram"] = {k: v for k, v in programme.items() if v is not None}
    plan_date = decision + dt.timedelta(days=rng.choice((0, 0, 0, 3, 30)))
    person["_plan_date"] = plan_date.isoformat()
    if plan_date <= as_of and rng.random() < 0.93:
        contents = {f: rng.random() < 0.95 for f in ("sluttmal", "norskmal", "omfang_norsk", "omfang_samfunnskunnskap",
                                                    "varighet", "elementer", "klagemuligheter", "begrunnelse_elementer")}
        if rng2 is not None and plan_date >= dt.date(2026, 1, 1):
            long_term = rng2.random()  # § 15 third paragraph as amended: long-term goals
            if long_term > 0.05:
                contents["langsiktige_mal"] = long_term > 0.12
        revisions = []
        for intake in _intakes(plan_date, min(as_of, planned_end)):
            if rng.random() < 0.8:
                revisions.append({"date": intake.isoformat(), "trigger": "inntak"})
        class_changes = [add_months(start, m) for m in (5, 11) if add_months(start, m) <= min(as_of, planned_end) and rng.random() < 0.5]
        person["_class_changes"] = [d.isoformat() for d in class_changes]
        for change in class_changes:
            if rng.random() < 0.8:
                revisions.append({"date": (change + dt.timedelta(days=rng.randint(0, 20))).isoformat(), "trigger": "klassebytte"})
        if planned_end <= as_of and "NAV" in (programme.get("end_reason") or "") and rng.random() < 0.85:
            revisions.append({"date": (planned_end - dt.timedelta(days=rng.randint(0, 14))).isoformat(), "trigger": "overgang_nav"})
        revisions.sort(key=lambda r: r["date"])
        person["integreringsplan"] = {"created": plan_date.isoformat(), "contents": contents,
                                      "based_on_kartlegging": rng.random() < 0.95, "revisions": revisions}
    if kind != "6a":
        person["integreringskontrakt"] = _event(rng, plan_date, as_of, p_done=0.85)
    elif decision >= NEW_37C_FROM:
        # § 37 c as amended: §§ 15-16 and § 14 apply; drawn from the 6A stream, the main one untouched.
        six = _new_stream(person, "6a-2026-kontrakt")
        person["integreringskontrakt"] = _event(six, plan_date, as_of, p_done=0.85)
        hours = (15 if upper_secondary else 25) + six.choice((0, 0, 0, 5, -5))
        person["livsmestring"] = {"done": True, "date": _iso(add_months(start, 6)), "hours": hours} \
            if add_months(start, 6) <= as_of and six.random() < 0.85 else {"done": False}
    if kind != "6a":
        hours = rng.choice((25, 25, 25, 25, 30, 30, 20))
        if rng2 is not None and upper_secondary:
            hours = rng2.choice((15, 15, 20, 25, 12))  # regulation § 4 as amended: 15 hours with upper secondary
        person["livsmestring"] = {"done": True, "date": _iso(min(add_months(start, 6), as_of)), "hours": hours} \
            if add_months(start, 6) <= as_of and rng.random() < 0.85 else {"done": False}
    if children:
        group = rng.random() < 0.7
        done = add_months(start, 8) <= as_of and rng.random() < 0.8
        person["foreldreveiledning"] = {"done": done, "date": _iso(add_months(start, 8) if done else None),
                                        "group": group, "sessions": rng.choice((8, 10, 12, 4)) if group else rng.choice((5, 6, 2))}


def _facts_2026(person: dict[str, Any], kind: str, as_of: dt.date) -> None:
    """The facts of the 2026 data format, each from its own stream (see FORMAT_2026)."""
    permit = person["permit"]
    granted = dt.date.fromisoformat(permit["granted"])
    settlement = dt.date.fromisoformat(person["settlement_date"])
    if permit["basis"] == "familiegjenforening":
        # § 9 first paragraph (f): the reference person settled less than five years before the application,
        # mostly; a few five years or more (then not in the target group); a few not registered (unknown).
        r = _new_stream(person, "9f")
        if r.random() > 0.08:
            applied = granted - dt.timedelta(days=r.randint(90, 420))
            years = r.choice((1, 1, 2, 2, 3, 4, 4)) if r.random() > 0.12 else r.choice((5, 6))
            permit["reunification_applied"] = applied.isoformat()
            permit["reference_settled"] = (applied - dt.timedelta(days=years * 365 + r.randint(-150, 150) if years < 5
                                           else years * 365 + r.randint(30, 200))).isoformat()
    r = _new_stream(person, "duf")
    if r.random() < 0.03:
        # A mistyped DUF number (the check digits do not fit): the record is judged, with a warning.
        duf = person["duf"]
        person["duf"] = duf[:-1] + str((int(duf[-1]) + r.randint(1, 9)) % 10)
    programme = person.get("introduksjonsprogram") or {}
    if programme.get("participates") and "decision_date" not in programme:
        programme["decision_made"] = False  # settled lately: no § 12 decision yet, nor a plan (§ 15: with it)
        person.setdefault("integreringsplan", {"made": False})
    elif (kind == "ordinary" and "decision_date" in programme and add_months(settlement, 3) < as_of
          and settlement >= as_of - dt.timedelta(days=330) and _new_stream(person, "ikke-vedtak").random() < 0.65):
        # No decision yet, past the § 12 deadline: the programme facts drawn are not there.
        person["introduksjonsprogram"] = programme = {"participates": True, "decision_made": False}
        person["integreringsplan"] = {"made": False}
        person["integreringskontrakt"] = {"done": False}
        if person.get("work"):
            person["work"] = []  # the jobs drawn were found during the programme that has not begun
        for key in ("livsmestring", "foreldreveiledning"):
            if key in person:
                person[key] = {"done": False}
    if "decision_date" in programme and "integreringsplan" not in person:
        plan_date = dt.date.fromisoformat(person["_plan_date"])
        if plan_date > as_of:
            person["integreringsplan"] = {"made": False}  # decided, the plan not made yet (§ 15: «samtidig»)
        elif (person.get("integreringskontrakt") or {}).get("done"):
            # A contract is signed with the plan (§ 16): the plan is there, on its day.
            person["integreringsplan"] = {"created": plan_date.isoformat(), "based_on_kartlegging": True, "revisions": [],
                                          "contents": {f: True for f in ("sluttmal", "norskmal", "omfang_norsk",
                                                                        "omfang_samfunnskunnskap", "varighet", "elementer",
                                                                        "klagemuligheter", "begrunnelse_elementer")}}
            if plan_date >= NEW_37C_FROM:
                person["integreringsplan"]["contents"]["langsiktige_mal"] = True
        elif _new_stream(person, "plan").random() < 0.5:
            person["integreringsplan"] = {"made": False}
    training = person.get("opplaering")
    if training == {}:
        # Registered but not offered training yet (§ 30): known none, and nothing of the training exists.
        training.update({"offered": False, "decision_made": False, "exempt": False, "leaves": [], "class_changes": [],
                         "test_exempt": False, "full_time_upper_secondary": False})
        person["norskmal"] = []
        person["test_results"] = []
    elif training and settlement >= NEW_FACTS_FROM and kind != "old":
        # § 28 sixth paragraph (from 01.01.2026): a few without upper secondary learn Norwegian in preparatory
        # adult education.
        low = person.get("education") in ("ingen_grunnskole", "grunnskole")
        training["preparatory_adult_education"] = low and _new_stream(person, "fvo").random() < 0.5


def _intakes(start: dt.date, end: dt.date) -> list[dt.date]:
    out, year = [], start.year
    while year <= end.year:
        for month in (2, 5, 8, 11):
            d = dt.date(year, month, 1)
            if start < d <= end:
                out.append(d)
        year += 1
    return out


def _training(rng, person, kind, settlement, education, as_of) -> None:
    registered = dt.date.fromisoformat(person["registered_date"])
    offer = registered + dt.timedelta(days=rng.randint(5, 80) if rng.random() < 0.9 else rng.randint(95, 130))
    if offer > as_of:
        person["opplaering"] = {}
        return
    start = offer + dt.timedelta(days=rng.randint(0, 20))
    training: dict[str, Any] = {"offer_date": offer.isoformat(), "decision_date": offer.isoformat(),
                                "start_date": _iso(start if start <= as_of else None), "exempt": False,
                                "extended_norwegian": kind == "6a" and rng.random() < 0.2, "leaves": [],
                                "test_exempt": rng.random() < 0.05, "full_time_upper_secondary": False,
                                "class_changes": person.pop("_class_changes", [])}
    if kind == "6a":
        free_test = add_months(start, 10)
        training["final_test_offered"] = {"done": True, "date": free_test.isoformat()} \
            if free_test <= as_of and rng.random() < 0.8 else {"done": False}
    if kind not in ("6a", "old"):
        # § 33 and § 37: within a year after the right and duty arose (§ 26: at the permit, or on arrival).
        permit = person["permit"]
        year_after = add_months(dt.date.fromisoformat(permit.get("arrival") or permit["granted"]), 12)
        training["samfunnskunnskap"] = {"done": True, "date": _iso(year_after - dt.timedelta(days=rng.randint(-20, 60)))} \
            if year_after - dt.timedelta(days=60) <= as_of and rng.random() < 0.85 else {"done": False}
        training["samfunnskunnskapsprove"] = {"done": True, "date": _iso(year_after - dt.timedelta(days=rng.randint(-15, 40)))} \
            if year_after <= as_of and rng.random() < 0.8 else {"done": False}
    person["opplaering"] = training
    if "integreringsplan" not in person and person["introduksjonsprogram"].get("participates") is False:
        # Outside the programme the plan for Norwegian and social studies (§ 34) stands alone.
        plan_date = offer + dt.timedelta(days=rng.choice((0, 0, 5, 40)))
        if plan_date <= as_of and rng.random() < 0.9:
            person["integreringsplan"] = {"created": plan_date.isoformat(), "revisions": [], "based_on_kartlegging": True,
                                          "contents": {"norskmal": True, "omfang_norsk": True, "omfang_samfunnskunnskap": True,
                                                       "klagemuligheter": rng.random() < 0.9}}
    if kind == "old" or education is None:
        return
    minimum = MINIMUM[education]
    goal = list(minimum)
    if rng.random() < 0.08:  # set below the minimum by mistake
        goal[0] = LEVELS[max(0, LEVELS.index(goal[0]) - 1)]
    # The goal is set with the decision on training (§ 34 with § 15; § 37 d third paragraph).
    goal_set = offer if rng.random() < 0.85 else offer + dt.timedelta(days=rng.randint(1, 30))
    changes = [{"date": goal_set.isoformat(), "kind": "fastsetting", "levels": dict(zip(SUBTESTS, goal)), "unit": "FT"}]
    if rng.random() < 0.15 and add_months(start, 8) <= as_of:
        steps = 2 if rng.random() < 0.15 else 1
        lowered = dict(zip(SUBTESTS, goal))
        lowered["skriftlig"] = LEVELS[max(0, LEVELS.index(goal[2]) - steps)]
        change = {"date": add_months(start, 8).isoformat(), "kind": "endring", "levels": lowered, "unit": "VO"}
        if rng.random() < 0.85:
            change["justification"] = "Progresjonen tilsier at minimumsnivået ikke nås."
        changes.append(change)
    person["norskmal"] = changes
    results = []
    for months in (10, 20):
        when = add_months(start, months)
        if when <= as_of and rng.random() < 0.7:
            for sub, level in zip(SUBTESTS, goal):
                reached = rng.random() < 0.6
                got = level if reached else LEVELS[max(0, LEVELS.index(level) - 1)]
                results.append({"date": when.isoformat(), "subtest": sub, "level": got})
    person["test_results"] = results


def _nir(rng, person, as_of) -> None:
    """Register in NIR what exists, mostly within two months, sometimes late or not at all."""
    if rng.random() < 0.05:
        return  # NIR status unknown for this person
    registrations = []
    facts = {
        "vedtak_og_startdato": person.get("introduksjonsprogram", {}).get("decision_date"),
        "sluttmal": person.get("introduksjonsprogram", {}).get("decision_date"),
        "avslutning": person.get("introduksjonsprogram", {}).get("end_date"),
        "integreringskontrakt": (person.get("integreringskontrakt") or {}).get("date"),
        "livsmestring": (person.get("livsmestring") or {}).get("date"),
        "foreldreveiledning": (person.get("foreldreveiledning") or {}).get("date"),
        "opplaering_vedtak_og_startdato": (person.get("opplaering") or {}).get("decision_date"),
        "norskmal_fastsetting": (person.get("norskmal") or [{}])[0].get("date"),
        "utdanningsbakgrunn": person.get("settlement_date") if person.get("education") else None,
    }
    for item, when in sorted(facts.items()):
        if not when:
            continue
        r = rng.random()
        if r < 0.12:
            continue  # not registered
        day = dt.date.fromisoformat(when) + dt.timedelta(days=rng.randint(0, 50) if r < 0.9 else rng.randint(70, 150))
        if day <= as_of:
            registrations.append({"item": item, "date": day.isoformat(), "unit": "VO" if item.startswith("norskmal") else "FT"})
    person["nir"] = registrations


def population(n: int, *, seed: int = 0, as_of: dt.date = DEFAULT_AS_OF) -> Iterator[dict[str, Any]]:
    """``n`` synthetic participants as JSON-ready dicts."""
    for i in range(n):
        yield participant(i, seed=seed, as_of=as_of)


def case_file(n: int = 70, *, seed: int = 2024, as_of: dt.date = EXAMPLE_AS_OF, kommune: str = "Eksempel kommune") -> dict[str, Any]:
    """A whole case file (the bundled example is ``case_file()``)."""
    return {"kommune": kommune, "as_of": as_of.isoformat(), "participants": list(population(n, seed=seed, as_of=as_of))}


def main(argv: list[str] | None = None) -> None:
    """``python -m integrules.synthetic [N] [--seed S] [--jsonl]``: print a synthetic case file."""
    import argparse
    import json
    import sys

    p = argparse.ArgumentParser(prog="python -m integrules.synthetic", description=main.__doc__)
    p.add_argument("n", type=int, nargs="?", default=70)
    p.add_argument("--seed", type=int, default=2024)
    p.add_argument("--jsonl", action="store_true", help="one participant per line")
    args = p.parse_args(argv)
    if args.jsonl:
        for person in population(args.n, seed=args.seed):
            sys.stdout.write(json.dumps(person, ensure_ascii=False, sort_keys=True) + "\n")
    else:
        json.dump(case_file(args.n, seed=args.seed), sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)
        sys.stdout.write("\n")


if __name__ == "__main__":
    main()
