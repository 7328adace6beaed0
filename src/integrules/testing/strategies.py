"""Hypothesis strategies for every integrules domain type, for your own property-based tests.

Every function is keyword-only and returns a strategy; facts are ``None`` (unknown) with some
probability unless ``complete=True``. ``filled(participant)`` draws the same participant with
some unknown facts filled in: the basis of the "more facts never change a decided finding" test.

    from hypothesis import given
    from integrules.testing import strategies as irs

    @given(irs.participants(regime="kapittel_6a"))
    def test_never_raises(p): ...
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

# Bound before hypothesis is imported: hypothesis' entry point names this module's hook, and
# loads it while this module is still being imported when it is the first import (issue 21).
from ._hypothesis_hook import _hypothesis_setup_hook  # noqa: F401  (the entry point's target)
from hypothesis import strategies as st  # noqa: E402

from ..duf import DufNummer, check_digits_for
from ..findings import Unit
from ..levels import Level, Subtest
from ..model import (
    Course, Education, Event, Extension, GoalChange, GoalChangeKind, Integreringsplan, LanguageTraining, Leave,
    NirRegistration, Participant, PermitBasis, PlanContents, Programme, ResidencePermit, Revision, RevisionTrigger,
    Sluttmal, SubtestLevels, TestResult, Work,
)

MIN_DATE = dt.date(2018, 1, 1)
MAX_DATE = dt.date(2027, 12, 31)
NIR_ITEMS = ("integreringskontrakt", "sluttmal", "vedtak_og_startdato", "tiltak_og_fravaer", "foreldreveiledning",
             "livsmestring", "permisjoner", "klage", "avslutning", "utdanningsbakgrunn", "norskmal_fastsetting",
             "norskmal_endring", "opplaering_vedtak_og_startdato", "timer_og_fravaer", "fulltid_videregaende",
             "samfunnskunnskap")


def dates(*, min_value: dt.date = MIN_DATE, max_value: dt.date = MAX_DATE) -> st.SearchStrategy[dt.date]:
    return st.dates(min_value=min_value, max_value=max_value)


def _opt(strategy: st.SearchStrategy, complete: bool = False) -> st.SearchStrategy:
    return strategy if complete else st.none() | strategy


def levels() -> st.SearchStrategy[Level]:
    return st.sampled_from(list(Level))


def subtest_levels(*, complete: bool = False, min_level: Level = Level.A1) -> st.SearchStrategy[SubtestLevels]:
    lv = st.sampled_from([lv for lv in Level if lv >= min_level])
    return st.builds(SubtestLevels, **{s.value: _opt(lv, complete) for s in Subtest})


def duf_numbers() -> st.SearchStrategy[DufNummer]:
    def make(year: int, serial: int, valid: bool) -> DufNummer:
        first = f"{year}{serial:06d}"
        check = check_digits_for(first) if valid else f"{(int(check_digits_for(first)) + 1) % 100:02d}"
        return DufNummer(first + check)
    return st.builds(make, st.integers(1990, 2027), st.integers(0, 999_999), st.booleans())


def events(*, complete: bool = False) -> st.SearchStrategy[Event]:
    return st.builds(Event, done=_opt(st.booleans(), complete), date=_opt(dates(), complete),
                     documented=_opt(st.booleans(), complete))


def courses(*, complete: bool = False) -> st.SearchStrategy[Course]:
    return st.builds(Course, done=_opt(st.booleans(), complete), date=_opt(dates(), complete),
                     hours=_opt(st.integers(0, 60).map(float), complete), sessions=_opt(st.integers(0, 15), complete),
                     group=_opt(st.booleans(), complete))


def leaves() -> st.SearchStrategy[Leave]:
    return st.builds(lambda start, days: Leave(start=start, end=start + dt.timedelta(days=days)), dates(), st.integers(0, 120))


# "Known none" flags and the date each one rules out (model._none_means_no): a flag False comes without its
# date, and filling in facts never adds a date that a False flag says does not exist.
KNOWN_NONE = {
    Programme: (("decision_made", "decision_date"), ("decision_made", "start_date")),
    Integreringsplan: (("made", "created"),),
    LanguageTraining: (("offered", "offer_date"), ("offered", "decision_date"), ("offered", "start_date"),
                       ("decision_made", "decision_date"),
                       ("decision_made", "start_date")),
}


def _consistent(cls: type, **strategies: st.SearchStrategy) -> st.SearchStrategy:
    """``st.builds(cls, **strategies)``, with each known-none flag that contradicts its date left unknown (None)."""
    def build(values: dict) -> Any:
        for flag, day in KNOWN_NONE[cls]:
            if values.get(flag) is False and values.get(day) is not None:
                values = {**values, flag: None}
        return cls(**values)
    return st.fixed_dictionaries(strategies).map(build)


def programmes(*, complete: bool = False) -> st.SearchStrategy[Programme]:
    o = lambda s: _opt(s, complete)  # noqa: E731
    return _consistent(
        Programme, participates=o(st.booleans()), decision_date=o(dates()), start_date=o(dates()),
        planned_end=o(dates()), end_date=o(dates()), end_reason=o(st.sampled_from(["Arbeid", "Arbeidsmarkedstiltak i regi av NAV", "Høyere utdanning"])),
        sluttmal=o(st.sampled_from(list(Sluttmal))), full_time=o(st.booleans()), all_year=o(st.booleans()),
        extensions=o(st.lists(st.builds(Extension, date=dates(), months=st.integers(1, 12),
                                        expected_goal_attainment=_opt(st.booleans(), complete)), max_size=2).map(tuple)),
        leaves=o(st.lists(leaves(), max_size=2).map(tuple)), reopened=o(dates()),
        decision_made=_opt(st.booleans(), False),
        absences=o(st.lists(leaves(), max_size=2).map(tuple)),
        arbeidsrettede_timer_per_uke=o(st.sampled_from([0.0, 14.9, 15.0, 15.1, 30.0])),
    )


def works(*, complete: bool = False) -> st.SearchStrategy[Work]:
    """Work or job offers (§ 8 fourth paragraph), with hours around the 30-hour line."""
    o = lambda s: _opt(s, complete)  # noqa: E731
    return st.builds(Work, start=o(dates()), hours_per_week=o(st.sampled_from([10.0, 29.5, 30.0, 30.5, 40.0])),
                     ended=o(st.booleans()), end=o(dates()))


def plan_contents(*, complete: bool = False) -> st.SearchStrategy[PlanContents]:
    return st.builds(PlanContents, **{f.name: _opt(st.booleans(), complete) for f in attrs.fields(PlanContents)})


def integreringsplaner(*, complete: bool = False) -> st.SearchStrategy[Integreringsplan]:
    revision = st.builds(Revision, date=dates(), trigger=_opt(st.sampled_from(list(RevisionTrigger)), complete))
    return _consistent(Integreringsplan, created=_opt(dates(), complete), contents=_opt(plan_contents(complete=complete), complete),
                     based_on_kartlegging=_opt(st.booleans(), complete),
                     revisions=_opt(st.lists(revision, max_size=3).map(tuple), complete),
                     made=_opt(st.booleans(), False))


def goal_changes(*, complete: bool = False) -> st.SearchStrategy[GoalChange]:
    return st.builds(GoalChange, date=dates(), kind=st.sampled_from(list(GoalChangeKind)),
                     levels=subtest_levels(complete=complete), justification=_opt(st.just("Progresjon vurdert"), complete),
                     unit=_opt(st.sampled_from([Unit.FT, Unit.VO]), complete))


def test_results() -> st.SearchStrategy[TestResult]:
    return st.builds(TestResult, date=dates(), subtest=st.sampled_from(list(Subtest)), level=st.none() | levels())


def trainings(*, complete: bool = False) -> st.SearchStrategy[LanguageTraining]:
    o = lambda s: _opt(s, complete)  # noqa: E731
    return _consistent(
        LanguageTraining, offer_date=o(dates()), decision_date=o(dates()), start_date=o(dates()), end_date=o(dates()),
        exempt=o(st.booleans()), extended_norwegian=o(st.booleans()), leaves=o(st.lists(leaves(), max_size=2).map(tuple)),
        samfunnskunnskap=o(events(complete=complete)), samfunnskunnskapsprove=o(events(complete=complete)),
        test_exempt=o(st.booleans()), full_time_upper_secondary=o(st.booleans()),
        class_changes=o(st.lists(dates(), max_size=3).map(tuple)),
        offered=_opt(st.booleans(), False), decision_made=_opt(st.booleans(), False),
        preparatory_adult_education=o(st.booleans()),
    )


def nir_registrations() -> st.SearchStrategy[NirRegistration]:
    return st.builds(NirRegistration, item=st.sampled_from(NIR_ITEMS), date=dates(), unit=st.none() | st.sampled_from([Unit.FT, Unit.VO]))


def permits(*, regime: str | None = None, complete: bool = False) -> st.SearchStrategy[ResidencePermit]:
    if regime == "kapittel_6a":
        granted, basis = dates(min_value=dt.date(2022, 3, 11)), st.just(PermitBasis.KOLLEKTIV_BESKYTTELSE)
    elif regime == "integreringsloven":
        granted = dates(min_value=dt.date(2021, 1, 1))
        basis = st.sampled_from([b for b in PermitBasis if b not in (PermitBasis.KOLLEKTIV_BESKYTTELSE, PermitBasis.NORDISK_EOS)])
        complete = True
    else:
        granted, basis = dates(), st.sampled_from(list(PermitBasis))
    return st.builds(ResidencePermit, granted=_opt(granted, complete), basis=_opt(basis, complete),
                     arrival=_opt(dates(), complete), applied_from_abroad=_opt(st.booleans(), complete),
                     reference_settled=_opt(dates(), complete), reunification_applied=_opt(dates(), complete))


def _field_strategies(complete: bool, regime: str | None) -> dict[str, st.SearchStrategy]:
    o = lambda s: _opt(s, complete)  # noqa: E731
    return {
        "duf": o(duf_numbers()),
        "name": o(st.just("Syntetisk Testperson")),
        "birth_date": o(dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2008, 12, 31))),
        "permit": _opt(permits(regime=regime, complete=complete), complete or regime is not None),
        "settlement_date": o(dates()),
        "settled_by_agreement": o(st.booleans()),
        "registered_date": o(dates()),
        "claim_date": o(dates()),
        "earlier_municipality_months": o(st.integers(0, 40)),
        "started_under_introduksjonsloven": st.just(True) if regime == "introduksjonsloven" else
        (st.just(False) if regime else o(st.booleans())),
        "education": o(st.sampled_from(list(Education))),
        "needs_b2": o(st.booleans()),
        "children_under_18": o(st.booleans()),
        "kompetansekartlegging": o(events(complete=complete)),
        "karriereveiledning": o(events(complete=complete)),
        "introduksjonsprogram": o(programmes(complete=complete)),
        "integreringsplan": o(integreringsplaner(complete=complete)),
        "integreringskontrakt": o(events(complete=complete)),
        "opplaering": o(trainings(complete=complete)),
        "norskmal": o(st.lists(goal_changes(complete=complete), max_size=3).map(tuple)),
        "test_results": o(st.lists(test_results(), max_size=4).map(tuple)),
        "livsmestring": o(courses(complete=complete)),
        "foreldreveiledning": o(courses(complete=complete)),
        "nir": o(st.lists(nir_registrations(), max_size=5).map(tuple)),
        "work": o(st.lists(works(complete=complete), max_size=2).map(tuple)),
    }


def participants(*, regime: str | None = None, complete: bool = False,
                 ids: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Participant]:
    """Participants; ``regime`` steers the regime facts ("integreringsloven", "kapittel_6a",
    "introduksjonsloven"); ``complete`` leaves no fact unknown."""
    ids = ids if ids is not None else st.from_regex(r"[A-Z]{2}-[0-9]{1,5}", fullmatch=True)
    return st.builds(Participant, id=ids, **_field_strategies(complete, regime))


_COMPLETE = {
    Participant: lambda: _field_strategies(True, None),
    Event: lambda: {"done": st.booleans(), "date": dates(), "documented": st.booleans()},
    Course: lambda: {"done": st.booleans(), "date": dates(), "hours": st.integers(0, 60).map(float),
                     "sessions": st.integers(0, 15), "group": st.booleans()},
    ResidencePermit: lambda: {"granted": dates(), "basis": st.sampled_from(list(PermitBasis)), "arrival": dates(),
                              "applied_from_abroad": st.booleans(), "reference_settled": dates(),
                              "reunification_applied": dates()},
}


@st.composite
def filled(draw: st.DrawFn, value: Any) -> Any:
    """The same object with some of its unknown (None) facts filled in, nested objects included.

    Lists are taken as complete as given and are not extended.
    """
    if not attrs.has(type(value)):
        return value
    cls = type(value)
    makers = _COMPLETE.get(cls)
    strategies = _cached(("complete", cls), makers) if makers else {}
    changes = {}
    ruled_out = {day for flag, day in KNOWN_NONE.get(cls, ()) if getattr(value, flag) is False}
    for field in attrs.fields(cls):
        current = getattr(value, field.name)
        if current is None and field.name not in ruled_out:
            if not draw(st.booleans()):
                continue
            strategy = strategies.get(field.name)
            if strategy is None:
                strategy = _strategy_for_field(cls, field.name)
            if strategy is not None:
                changes[field.name] = draw(strategy)
            else:  # a field no strategy above knows (added to the model later): derived from its type
                known = _complete_value(draw, cls, field.name, _type_hints(cls)[field.name],
                                        _Timeline(dt.date(2024, 1, 1), MIN_DATE, MAX_DATE))
                if known is not None:
                    changes[field.name] = known
        elif attrs.has(type(current)):
            changes[field.name] = draw(filled(current))
    for flag, day in KNOWN_NONE.get(type(value), ()):
        # A flag filled in as False where a date is known (or was just filled in) would contradict it: left unknown.
        if changes.get(flag) is False and changes.get(day, getattr(value, day)) is not None:
            del changes[flag]
    return attrs.evolve(value, **changes)


def _strategy_for_field(cls: type, name: str) -> st.SearchStrategy | None:
    full = {Programme: programmes, Integreringsplan: integreringsplaner, LanguageTraining: trainings,
            PlanContents: plan_contents}
    if cls in full:
        sample = _cached(("full", cls), lambda: full[cls](complete=True))
        value_strategy = _cached(("field", cls, name), lambda: sample.map(lambda obj: getattr(obj, name)))
        # A field the class's strategy leaves out (added later) stays None there: derive it instead.
        return value_strategy if name in _built_fields(cls) else None
    return None


def _built_fields(cls: type) -> frozenset[str]:
    """The fields the hand-written strategies above fill in for ``cls`` (the others stay None)."""
    known = {
        Programme: {"participates", "decision_date", "start_date", "planned_end", "end_date", "end_reason", "sluttmal",
                    "full_time", "all_year", "extensions", "leaves", "reopened"},
        Integreringsplan: {"created", "contents", "based_on_kartlegging", "revisions"},
        LanguageTraining: {"offer_date", "decision_date", "start_date", "end_date", "exempt", "extended_norwegian",
                           "leaves", "samfunnskunnskap", "samfunnskunnskapsprove", "test_exempt",
                           "full_time_upper_secondary", "class_changes"},
    }
    return frozenset(known.get(cls, {f.name for f in attrs.fields(cls)}))


def case_files(*, max_participants: int = 5) -> st.SearchStrategy[dict]:
    """Valid case files as raw JSON-ready dicts (through the project converter)."""
    from ..convert import converter

    return st.lists(participants(), max_size=max_participants, unique_by=lambda p: p.id).map(
        lambda ps: {"kommune": "Testkommune", "as_of": "2024-11-27",
                    "participants": [converter().unstructure(p) for p in ps]})


def broken_records() -> st.SearchStrategy[Any]:
    """Records that must be rejected with a message: wrong types, bad dates, bad levels, unknown keys."""
    bad_values = st.sampled_from([
        {"id": "X-1", "birth_date": "31.02.1990"},
        {"id": "X-2", "duf": "2022 08703"},
        {"id": "X-3", "norskmal": [{"date": "2023-01-01", "kind": "fastsetting", "levels": {"muntlig": "B3"}}]},
        {"id": "X-4", "unknown_field": 1},
        {"id": "X-5", "kompetansekartlegging": {"done": "yes"}},
        {"id": "X-6", "education": "master"},
        {"birth_date": "1990-01-01"},
        {"id": 7},
        [1, 2],
        "text",
    ])
    return bad_values


OUTCOME_VALUES = ("met", "not_met", "pending", "unknown", "not_applicable")


def expectations() -> st.SearchStrategy[Any]:
    """An expected outcome as a case file writes it: the outcome as text, or an object with due/missing."""
    outcome = st.sampled_from(OUTCOME_VALUES)
    return outcome | st.builds(lambda o, due, missing: {"outcome": o, **due, **missing}, outcome,
                               st.just({}) | st.builds(lambda d: {"due": d.isoformat()}, dates()),
                               st.just({}) | st.builds(lambda m: {"missing": m}, st.lists(st.sampled_from(
                                   ["settlement_date", "integreringsplan", "introduksjonsprogram.end_date"]),
                                   max_size=2, unique=True)))


def test_case_documents(*, max_cases: int = 3, requirement_ids: st.SearchStrategy[str] | None = None
                        ) -> st.SearchStrategy[dict]:
    """Valid tests-as-data documents (docs/tests-as-data.md) as JSON-ready dicts, without ``plugins``."""
    from ..convert import converter

    ids = requirement_ids if requirement_ids is not None else st.from_regex(r"[a-z]{2,8}\.[a-z_]{2,12}", fullmatch=True)
    case = st.builds(lambda p, as_of, expect, name: {"name": name, "as_of": as_of.isoformat(),
                                                     "participant": converter().unstructure(p), "expect": expect},
                     participants(), dates(), st.dictionaries(ids, expectations(), min_size=1, max_size=3),
                     st.text(max_size=20))
    return st.lists(case, min_size=1, max_size=max_cases).map(lambda cases: {"cases": cases})


test_case_documents.__test__ = False  # not a pytest test, despite the name


@st.composite
def broken_test_case_documents(draw: st.DrawFn) -> Any:
    """Tests-as-data documents with one deliberate mistake: each must be refused with a message."""
    doc = draw(test_case_documents(max_cases=1))
    case = doc["cases"][0]
    mistake = draw(st.sampled_from(["no_expect", "bad_outcome", "bad_date", "bad_participant", "extra_key",
                                    "empty_cases", "not_object", "bad_due", "bad_plugins"]))
    if mistake == "no_expect":
        del case["expect"]
    elif mistake == "bad_outcome":
        case["expect"] = {"a.b": "passed"}
    elif mistake == "bad_date":
        case["as_of"] = "2024-02-30"
    elif mistake == "bad_participant":
        case["participant"] = draw(broken_records())
    elif mistake == "extra_key":
        case["expected"] = case.pop("expect")
    elif mistake == "empty_cases":
        doc["cases"] = []
    elif mistake == "not_object":
        return draw(st.sampled_from([[], "cases", 3, None]))
    elif mistake == "bad_due":
        case["expect"] = {"a.b": {"outcome": "met", "due": "soon"}}
    else:
        doc["plugins"] = "integreringsloven"
    return doc


# -- strategies that reach the rules ------------------------------------------------------------
#
# Independent, uniformly drawn facts rarely reach a rule's decided branches: nested optional facts
# multiply the Nones, and uniform dates almost never fall on or beside a deadline. The strategies
# below draw complete participants (no fact unknown), with every date near the as-of date or near a
# date drawn before it, shifted by a period the law sets, and then knock facts out one at a time.

# Periods integration law counts deadlines in (months): §§ 12, 15, 37 c and the regulation's three
# months, half a year, a year, and the programme's durations of 18 months to four years.
LEGAL_PERIODS_MONTHS: tuple[int, ...] = (1, 2, 3, 6, 12, 18, 24, 36, 48)
# Offsets around a deadline: the day itself, one day before and after, a week before and after.
NEAR_DAYS: tuple[int, ...] = (0, -1, 1, -7, 7)


def _shift(day: dt.date, months: int, days: int, lo: dt.date, hi: dt.date) -> dt.date:
    from ..dates import add_months

    try:
        moved = add_months(day, months) + dt.timedelta(days=days)
    except OverflowError:
        moved = hi if months > 0 else lo
    return min(max(moved, lo), hi)


def dates_near(*anchors: dt.date, periods: tuple[int, ...] = LEGAL_PERIODS_MONTHS,
               days: tuple[int, ...] = NEAR_DAYS, min_value: dt.date = MIN_DATE,
               max_value: dt.date = MAX_DATE) -> st.SearchStrategy[dt.date]:
    """Dates on and beside the deadlines that ``anchors`` start.

    Each date is an anchor, or an anchor plus or minus one of ``periods`` (months), moved by one
    of ``days`` (the same day, a day before or after, a week before or after), kept within
    ``min_value``..``max_value``; now and then any date in that range.
    """
    if not anchors:
        return dates(min_value=min_value, max_value=max_value)
    months = st.sampled_from((0, *periods, *(-m for m in periods)))
    near = st.builds(lambda a, m, d: _shift(a, m, d, min_value, max_value),
                     st.sampled_from(anchors), months, st.sampled_from(days))
    return st.one_of(near, near, near, dates(min_value=min_value, max_value=max_value))


_HINTS: dict[type, dict[str, Any]] = {}


def _type_hints(cls: type) -> dict[str, Any]:
    hints = _HINTS.get(cls)
    if hints is None:
        import typing

        from .. import model

        hints = _HINTS[cls] = typing.get_type_hints(cls, globalns=vars(model))
    return hints


# Strategies built once and reused: building one per draw costs hypothesis more than drawing.
_CACHE: dict[Any, st.SearchStrategy] = {}


def _cached(key: Any, make: Any) -> st.SearchStrategy:
    strategy = _CACHE.get(key)
    if strategy is None:
        strategy = _CACHE[key] = make()
    return strategy


def _pick(draw: st.DrawFn, options: Any) -> Any:
    """One of ``options`` (a tuple or list), through a strategy kept per length."""
    options = tuple(options)
    if len(options) == 1:
        return options[0]
    return options[draw(_cached(("index", len(options)), lambda: st.integers(0, len(options) - 1)))]


# Values for text fields whose values a rule compares with (the NIR's own words); other text is synthetic.
_TEXT_VALUES: dict[tuple[type, str], tuple[str, ...]] = {
    (Programme, "end_reason"): ("Arbeid", "Arbeidsmarkedstiltak i regi av NAV", "Høyere utdanning", "Annet"),
    (NirRegistration, "item"): NIR_ITEMS,
    (GoalChange, "justification"): ("Progresjon vurdert",),
}
_INT_RANGES: dict[tuple[type, str], tuple[int, int]] = {
    (Participant, "earlier_municipality_months"): (0, 40),
    (Extension, "months"): (1, 12),
    (Course, "sessions"): (0, 15),
}


class _Timeline:
    """The dates drawn so far for one participant: later dates are drawn near them."""

    def __init__(self, as_of: dt.date, lo: dt.date, hi: dt.date) -> None:
        self.anchors = [as_of]
        self.lo, self.hi = lo, hi

    def date(self, draw: st.DrawFn) -> dt.date:
        # What dates_near(*self.anchors[-6:]) draws, from strategies built once (speed).
        if draw(_cached("which", lambda: st.integers(0, 3))) == 3:
            span = (self.hi - self.lo).days
            day = self.lo + dt.timedelta(days=draw(_cached(("span", span), lambda: st.integers(0, span))))
        else:
            anchor = _pick(draw, self.anchors[-6:])
            months = _pick(draw, _MONTHS)
            day = _shift(anchor, months, _pick(draw, NEAR_DAYS), self.lo, self.hi)
        if day not in self.anchors:
            self.anchors.append(day)
        return day


_MONTHS = (0, *LEGAL_PERIODS_MONTHS, *(-m for m in LEGAL_PERIODS_MONTHS))


def _complete_value(draw: st.DrawFn, owner: type, name: str, hint: Any, timeline: _Timeline) -> Any:
    """One fact of type ``hint``, never None (derived from the model's annotations)."""
    import enum
    import types
    import typing

    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return _complete_value(draw, owner, name, _pick(draw, options), timeline)
    if origin is tuple:
        item = typing.get_args(hint)[0]
        size = _pick(draw, (0, 1, 2))
        return tuple(_complete_value(draw, owner, name, item, timeline) for _ in range(size))
    if hint is dt.date:
        return timeline.date(draw)
    if hint is bool:
        return draw(st.booleans())
    if hint is int:
        lo, hi = _INT_RANGES.get((owner, name), (0, 60))
        return draw(_cached(("int", lo, hi), lambda: st.integers(lo, hi)))
    if hint is float:
        return float(draw(_cached(("int", 0, 60), lambda: st.integers(0, 60))))
    if hint is str:
        return _pick(draw, _TEXT_VALUES.get((owner, name), ("Syntetisk",)))
    if hint is DufNummer:
        return draw(_cached("duf", duf_numbers))
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return _pick(draw, list(hint))
    if isinstance(hint, type) and attrs.has(hint):
        return _complete_object(draw, hint, timeline)
    return None  # a type the kit does not know (a plugin's own addition): left unknown


def _complete_object(draw: st.DrawFn, cls: type, timeline: _Timeline, fixed: dict[str, Any] | None = None) -> Any:
    hints = _type_hints(cls)
    values = dict(fixed or {})
    for field in attrs.fields(cls):
        if field.name in values or not field.init:
            continue
        values[field.name] = _complete_value(draw, cls, field.name, hints[field.name], timeline)
    if cls is Leave and values["end"] < values["start"]:
        values["start"], values["end"] = values["end"], values["start"]
    for flag in {flag for flag, _ in KNOWN_NONE.get(cls, ())}:  # complete: a known-none flag agrees with its dates
        values[flag] = any(values.get(day) is not None for f, day in KNOWN_NONE[cls] if f == flag)
    return cls(**values)


REGIMES: tuple[str | None, ...] = (None, "integreringsloven", "kapittel_6a", "introduksjonsloven")


def _regime_permit(draw: st.DrawFn, regime: str | None, timeline: _Timeline) -> dict[str, Any]:
    """The facts that put a participant under ``regime`` (as the bundled plugins decide it)."""
    lo = timeline.lo
    if regime == "kapittel_6a":
        start = max(dt.date(2022, 3, 11), lo)
        granted = max(draw(dates_near(*timeline.anchors, periods=(1, 3, 6, 12, 24, 36), min_value=start,
                                      max_value=max(start, timeline.anchors[0]))), start)
        basis = PermitBasis.KOLLEKTIV_BESKYTTELSE
    elif regime in ("integreringsloven", "introduksjonsloven"):
        start = max(dt.date(2021, 1, 1), lo) if regime == "integreringsloven" else min(lo, dt.date(2020, 12, 31))
        end = max(start, timeline.anchors[0]) if regime == "integreringsloven" else dt.date(2020, 12, 31)
        granted = draw(dates_near(*timeline.anchors, periods=(1, 3, 6, 12, 24, 36), min_value=start, max_value=end))
        basis = _pick(draw, [b for b in PermitBasis if b not in (PermitBasis.KOLLEKTIV_BESKYTTELSE,
                                                                  PermitBasis.NORDISK_EOS)])
    else:
        granted = timeline.date(draw)
        basis = _pick(draw, list(PermitBasis))
    timeline.anchors.append(granted)
    arrival = _shift(granted, 0, _pick(draw, (0, -7, -30)), MIN_DATE, MAX_DATE)
    permit = _complete_object(draw, ResidencePermit, timeline,  # the rest (e.g. § 9 f dates) drawn as any fact
                              {"granted": granted, "basis": basis, "arrival": arrival})
    old = {"introduksjonsloven": True, "integreringsloven": False, "kapittel_6a": False}.get(regime)
    return {"permit": permit,
            "started_under_introduksjonsloven": draw(st.booleans()) if old is None else old}


@st.composite
def complete_participants(draw: st.DrawFn, *, as_of: dt.date, regime: str | None = None,
                          min_value: dt.date = MIN_DATE, max_value: dt.date = MAX_DATE) -> Participant:
    """Participants with every fact known, whose dates lie on and beside the deadlines of the law.

    Every field of the model (nested objects included, and fields added after this was written)
    is filled in: booleans and enums drawn, dates drawn with :func:`dates_near` from ``as_of`` and
    the dates drawn before them. ``regime`` ("integreringsloven", "kapittel_6a",
    "introduksjonsloven", or None for any) sets the permit and the old-law facts that decide it.
    Pair it with :func:`knock_out` to see each rule's unknown branches.
    """
    timeline = _Timeline(as_of, min_value, max_value)
    fixed: dict[str, Any] = {
        "id": draw(_cached("id", lambda: st.from_regex(r"[A-Z]{2}-[0-9]{1,5}", fullmatch=True))),
        "name": "Syntetisk Testperson",
        "birth_date": _shift(as_of, -12 * draw(_cached(("int", 18, 66), lambda: st.integers(18, 66))), _pick(draw, NEAR_DAYS),
                             dt.date(1900, 1, 1), max_value),
        **_regime_permit(draw, regime, timeline),
    }
    return _complete_object(draw, Participant, timeline, fixed)


def known_facts(value: Any, prefix: str = "") -> list[str]:
    """The paths of every optional fact that is known (not None) in ``value``, nested ones included.

    A fact inside a list is named with its position (``norskmal[0].unit``); required fields (an
    id, a leave's dates) are not listed, since they cannot be unknown.
    """
    if not attrs.has(type(value)):
        return []
    out = []
    for field in attrs.fields(type(value)):
        current = getattr(value, field.name)
        if current is None or field.default is not None:
            continue
        path = f"{prefix}{field.name}"
        out.append(path)
        if attrs.has(type(current)):
            out.extend(known_facts(current, path + "."))
        elif isinstance(current, tuple):
            for i, item in enumerate(current):
                out.extend(known_facts(item, f"{path}[{i}]."))
    return out


def _parts(path: str) -> list[str | int]:
    parts: list[str | int] = []
    for piece in path.split("."):
        name, _, index = piece.partition("[")
        parts.append(name)
        if index:
            parts.append(int(index.rstrip("]")))
    return parts


def _without(value: Any, parts: list[str | int]) -> Any:
    head, rest = parts[0], parts[1:]
    if isinstance(head, int):
        items = list(value)
        items[head] = _without(items[head], rest)
        return tuple(items)
    if not rest:
        return attrs.evolve(value, **{head: None})
    return attrs.evolve(value, **{head: _without(getattr(value, head), rest)})


def without_fact(value: Any, path: str) -> Any:
    """``value`` with the fact at ``path`` (as :func:`known_facts` names it) made unknown (None)."""
    return _without(value, _parts(path))


@st.composite
def knock_out(draw: st.DrawFn, participant: Participant) -> tuple[str, Participant]:
    """``(path, participant)``: the participant with one known fact made unknown, and its path.

    Drawn over every fact :func:`known_facts` lists, so that across examples each fact of a
    complete participant is knocked out in turn; a rule must then give the outcome it gave for
    the complete participant, or unknown.
    """
    paths = known_facts(participant)
    if not paths:
        return "", participant
    path = draw(st.sampled_from(paths))
    return path, without_fact(participant, path)


def as_of_dates(*requirements: Any, min_value: dt.date = dt.date(2021, 1, 1),
                max_value: dt.date = MAX_DATE) -> st.SearchStrategy[dt.date]:
    """As-of dates inside the validity of one of ``requirements`` (and ``min_value``..``max_value``):
    often its first or its last day, else any day between. Without requirements (or none valid in
    the range), any date in the range."""
    windows = []
    for req in requirements:
        lo = max(req.valid_from, min_value)
        hi = min(req.valid_to - dt.timedelta(days=1), max_value) if req.valid_to else max_value
        if lo <= hi:
            windows.append((lo, hi))
    if not windows:
        return dates(min_value=min_value, max_value=max_value)
    return st.sampled_from(windows).flatmap(
        lambda w: st.sampled_from(w) | st.dates(min_value=w[0], max_value=w[1]))
