"""The guiding minimum levels: every row of the table, unknowns named, the derived fact and its override."""

from __future__ import annotations

import datetime as dt

import pytest
from norskmal_testhelpers import person
from hypothesis import given, strategies as st

import integrules_norskmal as nm
from integrules import DerivedFact, Engine, Level, Missing, Subtest, Text, hookimpl
from integrules.convert import converter
from integrules.model import Education, Participant, SubtestLevels
from integrules_norskmal.minimum import PREPARATORY_FROM, PREPARATORY_PATH, compute_minimum, goal_day
from integrules.testing import assert_outcome, stub_regime

A2, B1, B2 = Level.A2, Level.B1, Level.B2

ROWS = [
    # education, needs_b2, listening, reading, writing, oral
    ("ingen_grunnskole", False, A2, A2, A2, B1),
    ("ingen_grunnskole", True, A2, A2, A2, B1),  # the B2 row requires upper secondary
    ("ingen_grunnskole", None, A2, A2, A2, B1),  # needs_b2 does not matter: not asked for
    ("grunnskole", False, B1, B1, B1, B1),
    ("grunnskole", None, B1, B1, B1, B1),
    ("videregaende", False, B1, B1, B1, B2),
    ("hoyere", False, B1, B1, B1, B2),
    ("videregaende", True, B2, B2, B2, B2),
    ("hoyere", True, B2, B2, B2, B2),
]


@pytest.mark.parametrize("education, needs_b2, listening, reading, writing, oral", ROWS)
def test_every_row_of_the_table(education, needs_b2, listening, reading, writing, oral):
    expected = SubtestLevels(lytteforstaelse=listening, leseforstaelse=reading, skriftlig=writing, muntlig=oral)
    assert nm.minimum_level(education, needs_b2) == expected
    assert nm.minimum_level(Education(education), needs_b2) == expected
    assert nm.minimum_for(person(education=education, needs_b2=needs_b2)) == expected


def test_unknown_education_names_education():
    with pytest.raises(Missing) as exc:
        nm.minimum_level(None)
    assert exc.value.paths == ("education",)


@pytest.mark.parametrize("education", ["videregaende", "hoyere"])
def test_unknown_need_for_b2_is_named_when_it_matters(education):
    with pytest.raises(Missing) as exc:
        nm.minimum_level(education, None)
    assert exc.value.paths == ("needs_b2",)


def test_a_bad_education_value_is_refused():
    with pytest.raises(ValueError):
        nm.minimum_level("doktorgrad")


@given(st.sampled_from(list(Education)), st.sampled_from(list(Education)), st.booleans(), st.booleans())
def test_the_minimum_never_falls_as_education_rises(low, high, b2_low, b2_high):
    if low.rank > high.rank:
        low, high = high, low
    # With the same need for B2, and with the B2 need only added as education rises.
    for b2_a, b2_b in ((b2_low, b2_low), (False, b2_high)):
        lo, hi = nm.minimum_level(low, b2_a), nm.minimum_level(high, b2_b)
        for sub in Subtest:
            assert hi.get(sub) >= lo.get(sub), (low, high, sub)


def test_every_minimum_is_at_least_a2_and_at_most_b2():
    for education in Education:
        for b2 in (False, True):
            for _, lv in nm.minimum_level(education, b2).items():
                assert Level.A2 <= lv <= Level.B2


def test_the_derived_fact_is_registered_and_unknown_education_makes_fastsetting_unknown(engine):
    assert engine.registry.fact_owners[nm.MINIMUM_FACT] == "norskmal"
    p = person(norskmal=[{"date": "2023-01-01", "kind": "fastsetting", "levels": {s.value: "B1" for s in Subtest}}])
    result = engine.evaluate(p, dt.date(2024, 1, 1))
    assert_outcome(result, nm.FASTSETTING_ID, "unknown")
    assert result.finding(nm.FASTSETTING_ID).missing == ("education",)


class Kommune:
    """A municipality that explicitly overrides the minimum: B1 in everything, whatever the education."""

    PLUGIN_NAME = "kommune"

    @staticmethod
    @hookimpl
    def integrules_register_derived_facts(register):
        register.override_fact(DerivedFact(
            name=nm.MINIMUM_FACT, description=Text("Lokalt minimum", "Local minimum"),
            compute=lambda p, as_of, ctx: SubtestLevels(**{s.value: Level.B1 for s in Subtest})))


def test_a_municipality_overrides_the_derived_fact_by_name():
    engine = Engine(entry_points=False, plugins=[stub_regime(), nm, Kommune()])
    assert engine.registry.overridden[nm.MINIMUM_FACT] == "norskmal"
    assert engine.registry.fact_owners[nm.MINIMUM_FACT] == "kommune"
    goal = {"lytteforstaelse": "A2", "leseforstaelse": "B1", "skriftlig": "B1", "muntlig": "B1"}
    p = person(education="ingen_grunnskole", norskmal=[{"date": "2023-01-01", "kind": "fastsetting", "levels": goal}])
    # Nationally A2 listening is enough for no primary school; the override asks for B1.
    assert_outcome(engine.evaluate(p, dt.date(2024, 1, 1)), nm.FASTSETTING_ID, "not_met")
    national = Engine(entry_points=False, plugins=[stub_regime(), nm])
    assert_outcome(national.evaluate(p, dt.date(2024, 1, 1)), nm.FASTSETTING_ID, "met")
    # The caseworker function uses the engine's (overridden) fact.
    assert nm.may_lower(p, "muntlig", "B1", dt.date(2024, 1, 1), engine=engine).minimum == Level.B1
    assert nm.may_lower(p, "muntlig", "B1", dt.date(2024, 1, 1)).minimum == Level.B1
    assert nm.may_lower(p, "skriftlig", "A2", dt.date(2024, 1, 1), engine=engine).minimum == Level.B1
    assert nm.may_lower(p, "skriftlig", "A2", dt.date(2024, 1, 1)).minimum == Level.A2


# -- § 28 sixth paragraph (preparatory adult education), from 01.01.2026 -----------------------------


def _p(prep, *, goal_on=None, education="grunnskole"):
    data = {"id": "M", "education": education, "opplaering": {"preparatory_adult_education": prep}}
    if goal_on:
        data["norskmal"] = [{"date": goal_on, "kind": "fastsetting",
                             "levels": {"lytteforstaelse": "B1", "leseforstaelse": "B1", "skriftlig": "B1", "muntlig": "B1"}}]
    return converter().structure(data, Participant)


@pytest.mark.parametrize("day, expected", [
    (dt.date(2025, 12, 31), nm.TABLE[Education.GRUNNSKOLE]),
    (dt.date(2026, 1, 1), nm.PREPARATORY),
    (dt.date(2026, 1, 2), nm.PREPARATORY),
])
def test_the_sixth_paragraph_applies_from_its_day(day, expected):
    assert PREPARATORY_FROM == dt.date(2026, 1, 1)
    assert nm.guiding_minimum(_p(True), day) == expected
    assert nm.guiding_minimum(_p(False), day) == nm.TABLE[Education.GRUNNSKOLE]


def test_the_first_goals_date_decides_not_the_as_of_date():
    p = _p(True, goal_on="2025-12-31")
    assert goal_day(p, dt.date(2027, 1, 1)) == dt.date(2025, 12, 31)
    assert compute_minimum(p, dt.date(2027, 1, 1)) == nm.TABLE[Education.GRUNNSKOLE]
    assert compute_minimum(_p(True, goal_on="2026-01-01"), dt.date(2027, 1, 1)) == nm.PREPARATORY
    assert goal_day(_p(True, goal_on="2026-02-01"), dt.date(2026, 1, 15)) == dt.date(2026, 1, 15)  # not set yet


def test_an_unknown_preparatory_fact_is_named_only_when_it_decides():
    with pytest.raises(Missing) as exc:
        nm.guiding_minimum(_p(None), dt.date(2026, 1, 1))
    assert exc.value.paths == (PREPARATORY_PATH,)
    assert nm.guiding_minimum(_p(None), dt.date(2025, 12, 31)) == nm.TABLE[Education.GRUNNSKOLE]
    assert nm.guiding_minimum(_p(None, education="ingen_grunnskole"), dt.date(2026, 1, 1)) == nm.PREPARATORY


def test_the_table_rows_are_section_28():
    """§ 28 first to fourth and sixth paragraphs, as read in the text of 28.07.2026."""
    rows = {e.value: tuple(str(nm.TABLE[e].get(s)) for s in Subtest) for e in Education}
    assert rows == {"ingen_grunnskole": ("A2", "A2", "A2", "B1"), "grunnskole": ("B1",) * 4,
                    "videregaende": ("B1", "B1", "B1", "B2"), "hoyere": ("B1", "B1", "B1", "B2")}
    assert tuple(str(nm.B2_ALL.get(s)) for s in Subtest) == ("B2",) * 4
    assert tuple(str(nm.PREPARATORY.get(s)) for s in Subtest) == ("A2", "A2", "A2", "B1")
