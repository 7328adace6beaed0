import datetime as dt

import pytest
from hypothesis import given, strategies as st

from integrules.dates import add_months, parse_date
from integrules.duf import DufNummer
from integrules.errors import FieldValueError
from integrules.findings import Outcome, all_of, any_of, met, not_applicable, not_met, pending, unknown
from integrules.levels import Level


def test_level_order_and_one_down():
    assert Level.UNDER_A1 < Level.A1 < Level.A2 < Level.B1 < Level.B2 < Level.C1
    assert Level.B1.down() is Level.A2 and Level.A1.down() is Level.UNDER_A1 and Level.UNDER_A1.down() is None
    assert Level.C1.up() is None and Level.B1.steps_to(Level.A1) == -2


@pytest.mark.parametrize("text,level", [("A2", Level.A2), ("b1", Level.B1), ("Under A1", Level.UNDER_A1), ("UNDER_A1", Level.UNDER_A1)])
def test_level_parse(text, level):
    assert Level.parse(text) is level


@pytest.mark.parametrize("bad", ["B3", "C2", "", 3])
def test_level_parse_rejects(bad):
    with pytest.raises(FieldValueError):
        Level.parse(bad)


def test_duf_forms_and_check_digits():
    a, b = DufNummer.parse("2022 087032 08"), DufNummer.parse("202208703208")
    assert a == b and a.formatted == "2022 087032 08" and a.check_digits_ok
    assert DufNummer.parse("200205705502").check_digits_ok and DufNummer.parse("200900595509").check_digits_ok
    assert not DufNummer.parse("201258697561").check_digits_ok  # UDI's illustration fails SSB's check


@pytest.mark.parametrize("bad", ["2022 08703 08", "20220870320", "2022-087032-08", "abcdabcdabcd", 202208703208])
def test_duf_malformed_is_rejected_without_echoing_it(bad):
    with pytest.raises(FieldValueError) as info:
        DufNummer.parse(bad)
    assert "087032" not in str(info.value)


@pytest.mark.parametrize("text,day", [("2023-03-01", dt.date(2023, 3, 1)), ("01.03.2023", dt.date(2023, 3, 1)), ("1.3.2023", dt.date(2023, 3, 1))])
def test_dates_iso_and_norwegian(text, day):
    assert parse_date(text) == day


@pytest.mark.parametrize("bad", ["31.02.2023", "2023-13-01", "2023/01/01", "", "2023-02-29"])
def test_impossible_dates_rejected(bad):
    with pytest.raises(FieldValueError):
        parse_date(bad)


def test_add_months_clamps_to_month_end():
    assert add_months(dt.date(2023, 11, 30), 3) == dt.date(2024, 2, 29)
    assert add_months(dt.date(2023, 1, 31), 1) == dt.date(2023, 2, 28)


evaluations = st.sampled_from([met("m", "m"), not_met("n", "n"), pending("p", "p"), unknown(["x"]), not_applicable("a", "a")])


@given(st.lists(evaluations, min_size=1, max_size=5))
def test_three_valued_and(parts):
    outcome = all_of(*parts).outcome
    kinds = {p.outcome for p in parts} - {Outcome.NOT_APPLICABLE}
    if not kinds:
        assert outcome is Outcome.NOT_APPLICABLE
    elif Outcome.NOT_MET in kinds:
        assert outcome is Outcome.NOT_MET  # a failed part decides even when others are unknown
    elif Outcome.UNKNOWN in kinds:
        assert outcome is Outcome.UNKNOWN
    elif Outcome.PENDING in kinds:
        assert outcome is Outcome.PENDING
    else:
        assert outcome is Outcome.MET


@given(st.lists(evaluations, min_size=1, max_size=5))
def test_three_valued_or(parts):
    outcome = any_of(*parts).outcome
    kinds = {p.outcome for p in parts} - {Outcome.NOT_APPLICABLE}
    if Outcome.MET in kinds:
        assert outcome is Outcome.MET
    elif Outcome.UNKNOWN in kinds:
        assert outcome is Outcome.UNKNOWN


def test_unknown_names_missing_facts_sorted():
    ev = unknown(["b", "a", "b"])
    assert ev.missing == ("a", "b") and "a, b" in ev.message.en


def test_education_rank_is_the_order():
    from integrules.model import Education

    order = list(Education)
    assert [e.rank for e in order] == list(range(len(order)))
    assert [e.upper_secondary_or_higher for e in order] == [e.rank >= order.index(Education.VIDEREGAENDE) for e in order]
