"""The regime decision: who falls under chapter 6A, and at the boundaries of its dates."""

from __future__ import annotations

import datetime as dt

import pytest

from integrules import UsageError
from integrules.model import PermitBasis

from k6a_builders import person

D = dt.date
K = PermitBasis.KOLLEKTIV_BESKYTTELSE


def regime_of(engine, p, as_of):
    return engine.decide_regime(p, as_of)


@pytest.mark.parametrize("granted, as_of, expected", [
    # in force 15.06.2022: the day before, the ordinary rules; the day of, chapter 6A
    (D(2022, 4, 1), D(2022, 6, 14), "integreringsloven"),
    (D(2022, 4, 1), D(2022, 6, 15), "kapittel_6a"),
    # permits from and including 11.03.2022
    (D(2022, 3, 10), D(2023, 1, 1), "integreringsloven"),
    (D(2022, 3, 11), D(2023, 1, 1), "kapittel_6a"),
    # the first two sunsets were extended without a gap
    (D(2022, 4, 1), D(2023, 6, 30), "kapittel_6a"),
    (D(2022, 4, 1), D(2023, 7, 1), "kapittel_6a"),
    (D(2022, 4, 1), D(2024, 6, 30), "kapittel_6a"),
    (D(2022, 4, 1), D(2024, 7, 1), "kapittel_6a"),
    # 01.07.2026: re-added by LOV-2026-06-12-22 without a gap (not unknown because a date passed)
    (D(2022, 4, 1), D(2026, 6, 30), "kapittel_6a"),
    (D(2022, 4, 1), D(2026, 7, 1), "kapittel_6a"),
    (D(2022, 4, 1), D(2026, 12, 4), "kapittel_6a"),
    (D(2025, 1, 1), D(2026, 6, 30), "kapittel_6a"),
    (D(2026, 7, 1), D(2026, 7, 1), "kapittel_6a"),
    # repealed from 01.07.2028: after it the sources cannot say (default: unknown)
    (D(2022, 4, 1), D(2028, 6, 30), "kapittel_6a"),
    (D(2022, 4, 1), D(2028, 7, 1), None),
    (D(2022, 4, 1), D(2028, 11, 28), None),
])
def test_boundaries(engine, granted, as_of, expected):
    decision = regime_of(engine, person(**{"permit.granted": granted}), as_of)
    assert decision.regime == expected
    if expected == "kapittel_6a":
        assert decision.plugin == "kapittel6a"
        assert "11.03.2022" in decision.reason.nb and "§ 34" in decision.reason.en
        assert decision.references


def test_after_sunset_names_the_setting(engine):
    decision = regime_of(engine, person(), D(2028, 7, 1))
    assert decision.missing == ("kapittel_6a.etter_opphor",)
    result = engine.evaluate(person(), D(2028, 7, 1))
    assert {f.outcome.value for f in result.findings} == {"unknown"}
    assert all("kapittel_6a.etter_opphor" in f.missing for f in result.findings)


@pytest.mark.parametrize("basis", [b for b in PermitBasis if b is not K])
def test_other_permits_follow_the_ordinary_rules(engine, basis):
    # family reunification with a § 34 holder, asylum, work: not chapter 6A (IMDi's 6A guide)
    assert regime_of(engine, person(**{"permit.basis": basis}), D(2023, 1, 1)).regime == "integreringsloven"


@pytest.mark.parametrize("changes, missing", [
    ({"permit": None}, ("permit", )),
    ({"permit.basis": None}, ("permit.basis",)),
    ({"permit.granted": None}, ("permit.granted",)),
    ({"permit.basis": None, "permit.granted": None}, ("permit.basis", "permit.granted")),
    ({"started_under_introduksjonsloven": None}, ("started_under_introduksjonsloven",)),
])
def test_missing_facts_make_the_regime_unknown(engine, changes, missing):
    decision = regime_of(engine, person(**changes), D(2023, 1, 1))
    assert decision.regime is None
    assert set(missing) <= set(decision.missing)


def test_unknown_basis_with_an_early_permit_is_not_chapter_6a(engine):
    # granted before 11.03.2022: chapter 6A cannot apply whatever the basis; the ordinary plugin decides
    p = person(**{"permit.basis": None, "permit.granted": D(2021, 5, 1)})
    assert regime_of(engine, p, D(2023, 1, 1)).regime == "integreringsloven"


def test_old_law_is_left_to_the_ordinary_plugin(engine):
    p = person(started_under_introduksjonsloven=True)
    assert regime_of(engine, p, D(2023, 1, 1)).plugin == "standin_integreringsloven"


def test_before_in_force_even_unknown_basis_is_ordinary(engine):
    assert regime_of(engine, person(**{"permit.basis": None}), D(2022, 6, 14)).regime == "integreringsloven"


def test_extended_sunset(make_engine):
    engine = make_engine(**{"kapittel_6a.opphorsdato": "2029-07-01"})
    assert regime_of(engine, person(), D(2028, 11, 28)).regime == "kapittel_6a"
    assert regime_of(engine, person(), D(2029, 7, 1)).regime is None


def test_after_sunset_ordinary(make_engine):
    engine = make_engine(**{"kapittel_6a.etter_opphor": "ordinaere"})
    assert regime_of(engine, person(), D(2028, 7, 1)).regime == "integreringsloven"
    assert regime_of(engine, person(), D(2028, 6, 30)).regime == "kapittel_6a"


@pytest.mark.parametrize("programme, training, expected", [
    (D(2028, 6, 30), D(2028, 8, 1), "kapittel_6a"),  # a decision the day before the sunset
    (D(2028, 7, 1), D(2028, 7, 1), "integreringsloven"),  # decisions on the day of the sunset
    (None, D(2028, 8, 1), None),  # the programme decision is unknown
    (None, D(2028, 1, 1), "kapittel_6a"),  # the training decision alone settles it
])
def test_after_sunset_by_decision_date(make_engine, programme, training, expected):
    engine = make_engine(**{"kapittel_6a.etter_opphor": "vedtaksdato"})
    p = person(**{"introduksjonsprogram.decision_date": programme, "opplaering.decision_date": training})
    assert regime_of(engine, p, D(2028, 11, 28)).regime == expected


@pytest.mark.parametrize("name, value", [
    ("kapittel_6a.etter_opphor", "forlenget"),
    ("kapittel_6a.opphorsdato", "1. juli"),
    ("kapittel_6a.endringer_2024_fra", "2024-02-30"),
    ("kapittel_6a.samtidig_margin", "-1"),
    ("kapittel_6a.samtidig_margin", "1.5"),
    ("kapittel_6a.samtidig_margin", True),
    ("kapittel_6a.samtidig_margin", 32),
    ("kapittel_6a.overgang_37c", "ny"),
])
def test_bad_settings_are_refused(name, value):
    import integrules_kapittel6a
    import k6a_standin as standin
    from integrules import Engine
    with pytest.raises(UsageError):
        Engine(entry_points=False, plugins=[standin, integrules_kapittel6a], settings={name: value})


def test_regime_metadata(engine):
    regime = engine.registry.regimes["kapittel_6a"]
    assert regime.base == "integreringsloven"
    assert (regime.valid_from, regime.valid_to) == (D(2022, 6, 15), D(2028, 7, 1))
    assert engine.settings["kapittel_6a.opphorsdato"] == D(2028, 7, 1)
    assert engine.settings["kapittel_6a.etter_opphor"] == "ukjent"
    assert engine.settings["kapittel_6a.samtidig_margin"] == 0
    assert engine.settings["kapittel_6a.overgang_37c"] == "vedtaksdato"


@pytest.mark.parametrize("after, changes, as_of, expected", [
    ("ordinaere", {}, D(2028, 6, 30), None),  # chapter 6A still governs
    ("ordinaere", {}, D(2028, 7, 1), (D(2022, 6, 15), D(2028, 7, 1))),
    ("vedtaksdato", {}, D(2028, 7, 1), None),  # decided before the sunset: still chapter 6A
    ("vedtaksdato", {"introduksjonsprogram.decision_date": D(2028, 7, 1), "opplaering.decision_date": D(2028, 7, 1)},
     D(2028, 8, 1), (D(2022, 6, 15), D(2028, 7, 1))),
    ("ukjent", {}, D(2028, 7, 1), None),  # the regime is unknown: nothing ordinary is judged
    ("ordinaere", {"permit.granted": D(2028, 7, 1)}, D(2028, 8, 1), None),  # granted from the sunset
    ("ordinaere", {"permit.basis": PermitBasis.FLYKTNING}, D(2028, 7, 1), None),  # never under chapter 6A
])
def test_deadlines_under_chapter_6a_stay_with_it(make_engine, after, changes, as_of, expected):
    """After the sunset the ordinary rules are told which period chapter 6A governed (Grunnloven § 97)."""
    from integrules import Context
    from integrules_integreringsloven.facts import ANNET_REGELVERK
    engine = make_engine(**{"kapittel_6a.etter_opphor": after})
    p = person(**changes)
    ctx = Context(p, as_of, engine.decide_regime(p, as_of), engine.settings, engine.registry)
    other = ctx.fact(ANNET_REGELVERK)
    assert (None if other is None else (other.start, other.end)) == expected
    if other is not None:
        assert "integreringsloven.integreringskontrakt" in other.set_aside
        assert "integreringsloven.norskopplaering_tilbud" not in other.set_aside
