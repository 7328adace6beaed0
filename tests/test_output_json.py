"""`check --format json` writes each result with output.result_json: the same text as the generic
``dumps(result_to_dict(r))`` (cattrs' unstructure and json.dumps), byte for byte."""

from __future__ import annotations

import datetime as dt
import functools

from hypothesis import HealthCheck, given, settings, strategies as st

from integrules import Engine
from integrules.findings import Finding, LegalRef, Outcome, Text, Unit
from integrules.output import dumps, finding_json, result_json, result_to_dict
from integrules.results import ParticipantResult
from integrules.rules import RegimeDecision
from integrules.testing import strategies as irs

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Any text: quotes, backslashes, control characters, non-Latin letters, lone surrogates.
TEXT = st.text(st.characters(blacklist_categories=()), max_size=12) | st.sampled_from(['"', "\\", "\n\t\x00", "æøå", "\udc80"])
REFS = st.builds(LegalRef, TEXT, st.none() | TEXT, st.none() | st.integers(-3, 99), st.none() | TEXT,
                 st.none() | st.integers(0, 10**20), st.none() | TEXT,
                 st.sampled_from(["lov", "forskrift", "forarbeid", "veileder", "lokal"]))
FINDINGS = st.builds(Finding, TEXT, st.sampled_from(list(Outcome)), st.builds(Text, TEXT, TEXT),
                     st.lists(REFS, max_size=3).map(tuple), st.lists(st.sampled_from(list(Unit)), max_size=3).map(tuple),
                     TEXT, st.none() | st.dates(), st.lists(TEXT, max_size=3).map(tuple))


@functools.lru_cache(maxsize=1)
def engine() -> Engine:
    return Engine()


def same(result: ParticipantResult) -> None:
    assert result_json(result) == dumps(result_to_dict(result))


@SETTINGS
@given(irs.participants(), st.dates(min_value=dt.date(2020, 6, 1), max_value=dt.date(2027, 12, 31)))
def test_results_of_the_installed_plugins(p, as_of):
    same(engine().evaluate(p, as_of, index=7))


@SETTINGS
@given(st.lists(FINDINGS, max_size=4), TEXT, st.integers(0, 10**6), st.dates())
def test_any_text_in_every_field(findings, participant_id, index, as_of):
    decision = RegimeDecision(regime="integreringsloven", reason=Text("x", "y"), plugin="p")
    same(ParticipantResult(index, participant_id, as_of, decision, tuple(findings)))
    for f in findings:
        assert finding_json(f) == dumps(result_to_dict(ParticipantResult(0, "x", as_of, decision, (f,)))["findings"][0])


def test_the_same_tuples_again_and_values_of_other_types():
    """References and units kept by identity are written again as they were; anything of another type
    than the model declares (a plugin's odd message, a str subclass, a number as a ledd text) goes the
    generic way and still gives the same text."""

    class Name(str):
        pass

    refs = (LegalRef("integreringsloven", "§ 12", 1),)
    units = (Unit.FT, Unit.VO)
    decision = RegimeDecision(regime="integreringsloven", reason=Text("x", "y"), plugin="p")
    odd = [
        Finding("a", Outcome.MET, Text("m", "n"), refs, units, "p"),
        Finding("a", Outcome.MET, Text("m", "n"), refs, units, "p", dt.date(2024, 1, 2), ("x",)),
        Finding(Name("a"), Outcome.NOT_MET, Text(Name("m"), "n"), refs, units, Name("p")),
        Finding("a", Outcome.UNKNOWN, Text("m", "n"), (LegalRef(Name("lov"), section=Name("§ 1")),), units, "p"),
        Finding("a", Outcome.PENDING, Text("m", "n"), refs, units, "p", dt.date(2024, 1, 2), (Name("x"),)),
        Finding("a", Outcome.MET, Text("m", "n"), [*refs], [*units], "p"),  # lists, not tuples
        Finding("a", Outcome.MET, Text("m", "n"), refs, units, "p", due=dt.datetime(2024, 1, 2, 3, 4)),
    ]
    for index in range(3):  # the kept tuples are written again
        same(ParticipantResult(index, "X-1", dt.date(2024, 1, 1), decision, tuple(odd)))
    same(ParticipantResult(True, Name("X-1"), dt.date(2024, 1, 1), decision, tuple(odd)))
