"""The cheaper rule code (issue 7) gives what the slower code gave: whole months as relativedelta
counts them, dates as strftime writes them, and § 8 target groups computed once per participant."""

import datetime as dt

from dateutil.relativedelta import relativedelta
from hypothesis import given, settings, strategies as st

import integrules_integreringsloven as il
from integrules import Context, Engine, Missing
from integrules.convert import converter
from integrules.model import Participant
from integrules_integreringsloven import _common, facts as F

D = dt.date
dates = st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 12, 31))


def _settled(settled: D, earlier: int = 0) -> Participant:
    return converter().structure({"id": "F-1", "settlement_date": settled.isoformat(),
                                "earlier_municipality_months": earlier}, Participant)


@settings(max_examples=3000, deadline=None)
@given(dates, dates, st.integers(0, 60))
def test_months_lived_equals_relativedelta(settled, day, earlier):
    delta = relativedelta(day, settled) if day >= settled else relativedelta()
    assert F._months_lived(_settled(settled, earlier), day) == earlier + delta.years * 12 + delta.months


def test_months_lived_month_ends():
    # The clamped month ends, where a naive day comparison would go wrong.
    for settled, day, months in [(D(2022, 1, 31), D(2022, 2, 28), 1), (D(2024, 1, 31), D(2024, 2, 28), 0),
                                 (D(2024, 1, 31), D(2024, 2, 29), 1), (D(2022, 3, 31), D(2022, 4, 30), 1),
                                 (D(2022, 3, 30), D(2022, 4, 29), 0), (D(2020, 2, 29), D(2022, 2, 28), 24)]:
        assert F._months_lived(_settled(settled), day) == months, (settled, day)
        delta = relativedelta(day, settled)
        assert delta.years * 12 + delta.months == months


@settings(max_examples=2000, deadline=None)
@given(st.dates())
def test_fmt_equals_strftime(day):
    assert _common.fmt(day) == f"{day:%d.%m.%Y}"


def _person(**changes) -> Participant:
    facts = {"id": "F-2", "birth_date": "1990-01-01",
             "permit": {"granted": "2022-01-10", "basis": "flyktning", "applied_from_abroad": False},
             "settlement_date": "2022-03-01", "settled_by_agreement": True, "earlier_municipality_months": 0,
             "started_under_introduksjonsloven": False,
             "introduksjonsprogram": {"participates": True, "decision_date": "2022-05-01"}}
    facts.update(changes)
    return converter().structure(facts, Participant)


def _ctx(p: Participant, as_of: D) -> Context:
    engine = Engine(entry_points=False, plugins=[il])
    return Context(p, as_of, engine.decide_regime(p, as_of), engine.settings, engine.registry)


def test_target_once_is_target_and_computed_once(monkeypatch):
    p, as_of = _person(), D(2023, 1, 1)
    ctx = _ctx(p, as_of)
    calls = []
    real = F.target

    def counted(*args, **kwargs):
        calls.append(args[2:] + tuple(kwargs.values()))
        return real(*args, **kwargs)

    monkeypatch.setattr(F, "target", counted)
    for decision in (F._FROM_PROGRAMME, None, D(2022, 5, 1), D(2024, 6, 1)):
        expected = real(p, as_of, _common.V2021, decision)
        assert F.target_once(ctx, _common.V2021, decision) == expected
        assert F.target_once(ctx, _common.V2021, decision) == expected
    assert len(calls) == 4  # one per (text, decision), not one per call
    assert F.program_target(p, as_of, ctx) == F.program_target(p, as_of, None)
    assert F.program_target(p, as_of, ctx) == real(p, as_of, _common.V2021)


def test_memo_keeps_missing_and_ignores_other_participants():
    p, as_of = _person(settled_by_agreement=None), D(2023, 1, 1)
    ctx = _ctx(p, as_of)
    for _ in range(2):
        try:
            F.target_once(ctx, _common.V2021)
        except Missing as exc:
            assert exc.paths == ("settled_by_agreement",)
        else:
            raise AssertionError("expected Missing")
    # Another participant, or another date, with this context is computed afresh, never read from the memo.
    other = _person()
    assert F.program_target(other, as_of, ctx)[0] is True
    assert F.program_target(other, D(2023, 2, 1), ctx)[0] is True
    assert not any(key[1:] == ("program_target",) for key in ctx._facts if isinstance(key, tuple))
