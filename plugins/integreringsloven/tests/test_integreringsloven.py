"""The integreringsloven plugin: regime, target groups, requirements, NIR items, versions, conformance."""

import datetime as dt
import json
from importlib import metadata

import attrs
import pytest

import integrules_integreringsloven as il
from integrules import Engine, UsageError
from integrules.convert import converter
from integrules.model import Participant
from integrules.testing import assert_outcome, integrules_conformance

from integrules_integreringsloven import _common

D = dt.date
AS_OF = D(2023, 1, 1)


@pytest.fixture(scope="module")
def engine():
    return Engine(entry_points=False, plugins=[il])


def person(**changes) -> Participant:
    """A participant settled 01.03.2022 and decided/started in time; ``changes`` replace top-level facts,
    and ``prog``/``training`` merge into the programme/training."""
    facts = {
        "id": "IL-1", "birth_date": "1990-01-01",
        "permit": {"granted": "2022-01-10", "basis": "flyktning", "applied_from_abroad": False},
        "settlement_date": "2022-03-01", "settled_by_agreement": True, "registered_date": "2022-03-05",
        "earlier_municipality_months": 0, "started_under_introduksjonsloven": False, "education": "grunnskole",
        "children_under_18": False,
        "kompetansekartlegging": {"done": True, "date": "2022-04-01"},
        "karriereveiledning": {"done": True, "date": "2022-04-20"},
        "introduksjonsprogram": {"participates": True, "decision_date": "2022-05-01", "start_date": "2022-05-15",
                                 "planned_end": "2024-05-14", "sluttmal": "arbeid", "full_time": True, "all_year": True,
                                 "extensions": [], "leaves": [], "absences": []},
        "work": [],
        "integreringsplan": {"created": "2022-05-01", "based_on_kartlegging": True, "revisions": [{"date": "2022-10-01"}],
                             "contents": {k: True for k in ("sluttmal", "norskmal", "omfang_norsk", "omfang_samfunnskunnskap",
                                                            "varighet", "elementer", "klagemuligheter", "begrunnelse_elementer")}},
        "integreringskontrakt": {"done": True, "date": "2022-05-01"},
        "livsmestring": {"done": True, "date": "2022-09-01", "hours": 25},
        "opplaering": {"offer_date": "2022-04-01", "decision_date": "2022-04-10", "start_date": "2022-05-15", "exempt": False,
                       "test_exempt": False, "full_time_upper_secondary": False, "leaves": [],
                       "samfunnskunnskap": {"done": True, "date": "2022-11-01"},
                       "samfunnskunnskapsprove": {"done": True, "date": "2022-12-01"}},
        "norskmal": [], "test_results": [], "nir": [],
    }
    prog, training = changes.pop("prog", {}), changes.pop("training", {})
    facts.update(changes)
    if facts.get("introduksjonsprogram") is not None:
        facts["introduksjonsprogram"] = {**facts["introduksjonsprogram"], **prog}
    if facts.get("opplaering") is not None:
        facts["opplaering"] = {**facts["opplaering"], **training}
    return converter().structure({k: v for k, v in facts.items() if v is not None}, Participant)


def outcome(engine, p, req, as_of=AS_OF):
    return engine.evaluate(p, as_of).finding(req).outcome.value


def check(engine, req, cases):
    for expected, p, as_of in cases:
        assert_outcome(engine.evaluate(p, as_of), req, expected)


# -- loading, registration ----------------------------------------------------------------------------


def test_loads_through_its_entry_point():
    (ep,) = [e for e in metadata.entry_points(group="integrules") if e.name == "integreringsloven"]
    assert ep.load() is il
    assert "integreringsloven" in [p.name for p in Engine(disable=("eksempelkommune", "kapittel6a", "norskmal")).plugins()]


def test_registers_the_agreed_ids(engine):
    ids = {r.id for r in engine.requirements()}
    agreed = {"kompetansekartlegging", "karriereveiledning", "vedtak_og_oppstart", "sluttmal", "varighet", "fulltid",
              "livsmestring", "foreldreveiledning", "integreringsplan", "integreringsplan_innhold",
              "integreringsplan_revisjon", "integreringskontrakt", "avslutning_registrert", "norskopplaering_tilbud",
              "norskplan", "norskopplaering_varighet", "samfunnskunnskap", "samfunnskunnskapsprove", "avsluttende_norskprove"}
    assert {f"integreringsloven.{i}" for i in agreed} <= ids
    assert {f"integreringsloven.nir.{i}" for i in il.NIR_ITEMS} <= ids
    assert all(r.category == "nir" for r in engine.requirements() if ".nir." in r.id)
    assert engine.registry.regimes["introduksjonsloven"].judged is False


def test_validity_starts_2021_01_01(engine):
    assert engine.requirements(D(2020, 12, 31)) == []
    assert len(engine.requirements(D(2021, 1, 1))) == 37


def test_conformance():
    integrules_conformance(il, others=[], max_examples=30)


def test_conformance_with_the_2025_amendment_in_force():
    """Monotone and deterministic with a set in-force date too (the texts then chosen by date, not both)."""
    from integrules.testing.conformance import check_plugin
    assert check_plugin(il, others=[], settings={il.ENDRINGSLOV_2025: "2026-01-01"}, max_examples=30) == []


# -- regime (R18) ------------------------------------------------------------------------------------


def regime(engine, **permit_and_more):
    permit = permit_and_more.pop("permit")
    return engine.decide_regime(person(permit=permit, **permit_and_more), AS_OF)


@pytest.mark.parametrize("granted, expected", [("2020-12-31", "introduksjonsloven"), ("2021-01-01", "integreringsloven")])
def test_regime_boundary(engine, granted, expected):
    d = regime(engine, permit={"granted": granted, "basis": "flyktning", "applied_from_abroad": False})
    assert d.regime == expected and d.plugin == "integreringsloven" and "§ 51" in d.reason.en or "§ 72" in d.reason.en


@pytest.mark.parametrize("arrival, expected", [("2020-12-31", "introduksjonsloven"), ("2021-01-01", "integreringsloven")])
def test_applied_from_abroad_arrival_boundary(engine, arrival, expected):
    d = regime(engine, permit={"granted": "2020-11-01", "basis": "overforingsflyktning", "applied_from_abroad": True,
                               "arrival": arrival})
    assert d.regime == expected


def test_regime_unknowns_and_old_law(engine):
    assert regime(engine, permit=None).missing == ("permit",)
    assert regime(engine, permit={"granted": "2020-11-01", "basis": "flyktning"}).missing == ("permit.applied_from_abroad",)
    assert regime(engine, permit={"granted": "2020-11-01", "applied_from_abroad": True}).missing == ("permit.arrival",)
    assert regime(engine, permit={"granted": "2022-01-01"}, started_under_introduksjonsloven=None).missing == \
        ("started_under_introduksjonsloven",)
    assert regime(engine, permit={"granted": "2022-01-01"}, started_under_introduksjonsloven=True).regime == "introduksjonsloven"
    old = engine.evaluate(person(started_under_introduksjonsloven=True), AS_OF)
    assert {f.outcome.value for f in old.findings} == {"not_applicable"}


def test_nordic_eea_is_outside_every_target_group(engine):
    p = person(permit={"basis": "nordisk_eos"})
    r = engine.evaluate(p, AS_OF)
    assert r.regime.regime == "integreringsloven"
    assert_outcome(r, "integreringsloven.integreringskontrakt", "not_applicable")
    assert_outcome(r, "integreringsloven.norskopplaering_tilbud", "not_applicable")
    assert "EEA" in r.finding("integreringsloven.vedtak_og_oppstart").message.en


# -- target group (R1) -------------------------------------------------------------------------------


def test_programme_target_group(engine):
    ctx = lambda p: engine.evaluate(p, AS_OF)  # noqa: E731
    assert_outcome(ctx(person()), "integreringsloven.integreringsplan", "met")
    too_old = person(birth_date="1966-01-10")  # 56 the day the permit was granted
    # Outside § 8 first paragraph, but taking part on an offer under § 8 third paragraph: § 15 binds every
    # «deltager» (this test pinned not_applicable before); only the § 12 deadline is tied to § 8 first paragraph.
    assert_outcome(ctx(too_old), "integreringsloven.vedtak_og_oppstart", "not_applicable")
    assert_outcome(ctx(too_old), "integreringsloven.integreringsplan", "met")
    assert ctx(too_old).finding("integreringsloven.integreringsplan").due == D(2022, 5, 1)  # the decision itself
    assert_outcome(ctx(person(birth_date="1966-01-10", integreringsplan={"created": "2022-05-02"})),
                   "integreringsloven.integreringsplan", "not_met")  # after the decision
    assert_outcome(ctx(person(integreringsplan={"created": "2022-05-02"})),
                   "integreringsloven.integreringsplan", "not_met")  # «samtidig»: the decision of 01.05.2022 exists
    assert_outcome(ctx(person(birth_date="1966-01-10", prog={"participates": None})),
                   "integreringsloven.integreringsplan", "unknown")
    assert_outcome(ctx(person(birth_date="1966-01-10", prog={"participates": False})),
                   "integreringsloven.integreringsplan", "not_applicable")
    assert_outcome(ctx(person(birth_date="1966-01-11")), "integreringsloven.integreringsplan", "met")  # 55 that day
    assert_outcome(ctx(person(settled_by_agreement=False, claim_date="2022-03-01")),
                   "integreringsloven.integreringsplan", "met")  # § 8 third paragraph: settled without agreement
    assert_outcome(ctx(person(settled_by_agreement=False, claim_date="2022-03-01")),
                   "integreringsloven.vedtak_og_oppstart", "not_applicable")
    reunited = {"granted": "2022-01-10", "basis": "familiegjenforening", "applied_from_abroad": False,
                "reference_settled": "2019-01-01", "reunification_applied": "2021-06-01"}  # § 9 f: under five years
    assert_outcome(ctx(person(permit=reunited, settled_by_agreement=False, claim_date="2022-03-01")),
                   "integreringsloven.integreringsplan", "met")
    assert_outcome(ctx(person(earlier_municipality_months=23)), "integreringsloven.integreringsplan", "not_applicable")
    assert_outcome(ctx(person(earlier_municipality_months=None)), "integreringsloven.integreringsplan", "unknown")
    assert_outcome(ctx(person(permit={"granted": "2022-01-10", "basis": "arbeid", "applied_from_abroad": False})),
                   "integreringsloven.sluttmal", "not_applicable")


# -- programme requirements ----------------------------------------------------------------------------


def test_kompetansekartlegging(engine):
    r = "integreringsloven.kompetansekartlegging"
    check(engine, r, [("met", person(), AS_OF),
                      ("not_met", person(kompetansekartlegging={"done": True, "date": "2022-06-02"}), AS_OF),
                      ("pending", person(kompetansekartlegging={"done": False}), D(2022, 6, 1)),
                      ("not_met", person(kompetansekartlegging={"done": False}), D(2022, 6, 2)),
                      ("unknown", person(kompetansekartlegging=None), AS_OF)])
    assert engine.evaluate(person(), AS_OF).finding(r).due == D(2022, 6, 1)


def test_karriereveiledning_soft_and_strict():
    late = person(karriereveiledning={"done": True, "date": "2022-07-01"})
    soft = Engine(entry_points=False, plugins=[il])
    strict = Engine(entry_points=False, plugins=[il], settings={il.KARRIERE_MYK: "false"})
    r = "integreringsloven.karriereveiledning"
    assert outcome(soft, late, r) == "met" and outcome(strict, late, r) == "not_met"
    # Soft: owed while the programme runs, not met once it ended without guidance (this pinned pending whatever
    # the programme, which left guidance never given pending for ever); unknown with no end date registered.
    running, ended = {"end_date": "2024-05-14"}, {"end_date": "2022-12-01"}
    assert outcome(soft, person(karriereveiledning={"done": False}, prog=running), r) == "pending"
    assert soft.evaluate(person(karriereveiledning={"done": False}, prog=running), AS_OF).finding(r).due == D(2024, 5, 14)
    assert outcome(soft, person(karriereveiledning={"done": False}, prog=ended), r) == "not_met"
    assert outcome(soft, person(karriereveiledning={"done": False}), r) == "unknown"
    assert soft.evaluate(person(karriereveiledning={"done": False}), AS_OF).finding(r).missing == (
        "introduksjonsprogram.end_date",)
    assert outcome(soft, person(karriereveiledning={"done": False}, prog={"participates": False}), r) == "pending"
    assert outcome(strict, person(karriereveiledning={"done": False}), r) == "not_met"
    assert outcome(soft, person(karriereveiledning={"done": None}), r) == "unknown"


def test_vedtak_og_oppstart(engine):
    r = "integreringsloven.vedtak_og_oppstart"
    check(engine, r, [("met", person(), AS_OF),
                      ("not_met", person(prog={"start_date": "2022-06-02"}), AS_OF),
                      ("pending", person(prog={"decision_date": "2022-05-20", "start_date": "2022-05-25"}), D(2022, 5, 10)),
                      ("unknown", person(prog={"decision_date": None}), AS_OF),
                      ("not_applicable", person(prog={"participates": False}), AS_OF)])


def test_sluttmal(engine):
    r = "integreringsloven.sluttmal"
    check(engine, r, [("met", person(), AS_OF),
                      ("not_met", person(prog={"sluttmal": "hoyere_utdanning"}), AS_OF),
                      ("met", person(education="hoyere", prog={"sluttmal": "hoyere_utdanning"}), AS_OF),
                      ("not_met", person(education="hoyere", prog={"sluttmal": "grunnskole"}), AS_OF),
                      ("met", person(birth_date="2000-01-01", prog={"sluttmal": "hoyere_utdanning"}), AS_OF),
                      ("unknown", person(prog={"sluttmal": None}), AS_OF)])


def test_varighet_2021(engine):
    r = "integreringsloven.varighet"
    check(engine, r, [
        ("met", person(), AS_OF),
        ("not_met", person(prog={"planned_end": "2024-06-01"}), AS_OF),  # over 2 years
        ("met", person(prog={"planned_end": "2024-06-01", "leaves": [{"start": "2022-08-01", "end": "2022-08-31"}]}), AS_OF),
        ("met", person(prog={"planned_end": "2025-05-14", "extensions": [{"date": "2022-12-01", "months": 12,
                                                                           "expected_goal_attainment": True}]}), AS_OF),
        ("not_met", person(prog={"extensions": [{"date": "2022-12-01", "months": 6, "expected_goal_attainment": False}]}), AS_OF),
        ("not_met", person(education="videregaende", prog={"planned_end": "2023-05-14"}), AS_OF),  # 3-6 months
        ("unknown", person(prog={"extensions": None}), AS_OF),
        ("not_applicable", person(prog={"start_date": "2023-02-01"}), AS_OF),
        # upper secondary, 6 months from 15.05.2022: the limit 15.11.2022 passed with the end registered ahead
        ("not_met", person(education="videregaende", prog={"planned_end": "2022-11-14", "end_date": "2023-06-01"}), AS_OF),
        ("unknown", person(education="videregaende", prog={"planned_end": "2022-11-14", "end_date": None}), AS_OF),
        ("met", person(education="videregaende", prog={"planned_end": "2022-11-14", "end_date": None}), D(2022, 11, 15))])


@pytest.fixture
def unknown_date():
    """The in-force date of LOV-2025-06-20-35 set to unknown (its default is 01.01.2026, FOR-2025-06-20-1102)."""
    return Engine(entry_points=False, plugins=[il], settings={il.ENDRINGSLOV_2025: "ukjent"})


def test_varighet_at_the_2026_boundary(engine, unknown_date):
    """§ 13 as amended applies to programme starts offered after 01.01.2026 (regulation § 75)."""
    r = "integreringsloven.varighet"
    assert [q.valid_from for q in engine.registry.requirements[r]] == [D(2021, 1, 1)]  # one version, texts chosen inside
    vgs = dict(education="videregaende", prog={"decision_date": "2026-01-02", "start_date": "2026-01-05",
                                               "planned_end": "2027-01-05"})
    assert_outcome(engine.evaluate(person(**vgs), D(2026, 3, 1)), r, "met")  # 12 months allowed
    on_the_day = dict(education="videregaende", prog={"decision_date": "2026-01-01", "start_date": "2026-01-05",
                                                      "planned_end": "2027-01-05"})
    assert_outcome(engine.evaluate(person(**on_the_day), D(2026, 3, 1)), r, "met")  # «etter» read from the day
    day_after = Engine(entry_points=False, plugins=[il], settings={il.OVERGANG_DAGEN: False})
    assert_outcome(day_after.evaluate(person(**on_the_day), D(2026, 3, 1)), r, "not_met")  # the strict reading
    by_start = Engine(entry_points=False, plugins=[il], settings={il.OVERGANG_2025: "oppstart"})
    before = dict(education="videregaende", prog={"decision_date": "2025-12-31", "start_date": "2026-01-05",
                                                  "planned_end": "2027-01-05"})
    assert_outcome(engine.evaluate(person(**before), D(2026, 3, 1)), r, "not_met")  # offered in 2025: 2021 limits
    assert_outcome(by_start.evaluate(person(**before), D(2026, 3, 1)), r, "met")  # the start is the offer
    old = dict(education="videregaende", prog={"planned_end": "2023-05-14"})
    assert_outcome(engine.evaluate(person(**old), D(2026, 3, 1)), r, "not_met")  # decided 2022: 2021 rules
    ext = dict(education="videregaende", prog={"decision_date": "2026-02-01", "start_date": "2026-02-01",
                                               "planned_end": "2026-12-31", "extensions": [{"date": "2026-06-01", "months": 1,
                                                                                            "expected_goal_attainment": True}]})
    assert_outcome(engine.evaluate(person(**ext), D(2026, 7, 1)), r, "not_met")  # no extension under § 13 as amended
    # The in-force date set to unknown: the texts are judged both; where they differ, unknown.
    unknown = unknown_date.evaluate(person(**vgs), D(2026, 3, 1)).finding(r)
    assert unknown.outcome.value == "unknown" and unknown.missing == (il.ENDRINGSLOV_2025,)
    same = dict(prog={"decision_date": "2025-08-01", "start_date": "2025-08-15", "planned_end": "2027-08-14"})
    assert_outcome(unknown_date.evaluate(person(**same), D(2025, 9, 1)), r, "met")  # work offered 2025: 2 years in both
    assert_outcome(engine.evaluate(person(**vgs), D(2026, 3, 1)), "integreringsloven.fulltid", "met")


def test_working_days_follow_regulation_17():
    from integrules_integreringsloven._common import add_virkedager, virkedag
    holidays = [D(2026, 1, 1), D(2026, 4, 2), D(2026, 4, 3), D(2026, 4, 6), D(2026, 5, 1), D(2026, 5, 14),
                D(2026, 5, 25), D(2026, 12, 25)]
    assert not any(virkedag(d) for d in holidays)
    assert not virkedag(D(2026, 5, 17)) and not virkedag(D(2026, 3, 7))  # a Sunday 17 May; a Saturday
    assert virkedag(D(2026, 4, 1)) and virkedag(D(2026, 4, 7)) and virkedag(D(2026, 5, 18))
    assert add_virkedager(D(2026, 4, 1), 1) == D(2026, 4, 7)  # over Easter


def test_2025_setting_is_checked():
    with pytest.raises(UsageError, match="sanctioned"):
        Engine(entry_points=False, plugins=[il], settings={il.ENDRINGSLOV_2025: "2025-06-19"})
    with pytest.raises(UsageError, match="oppstart"):
        Engine(entry_points=False, plugins=[il], settings={il.OVERGANG_2025: "ukjent"})
    eng = Engine(entry_points=False, plugins=[il], settings={il.ENDRINGSLOV_2025: "unknown"})
    assert eng.settings[il.ENDRINGSLOV_2025] == "ukjent"


def malgruppe_person(birth="1990-01-01", granted="2022-01-10", basis="flyktning", agreement=True, months=0,
                     decision="2022-05-01", participates=True):
    return person(birth_date=birth, permit={"granted": granted, "basis": basis, "applied_from_abroad": False},
                  settled_by_agreement=agreement, earlier_municipality_months=months, claim_date="2022-03-01",
                  prog={"decision_date": decision, "participates": participates})


def test_malgruppe_r1(engine):
    r = "integreringsloven.malgruppe"
    check(engine, r, [
        ("met", malgruppe_person(), AS_OF),
        ("met", malgruppe_person(decision=None, participates=False), AS_OF),  # right and duty, no decision
        ("not_applicable", malgruppe_person(basis="arbeid", decision=None, participates=False), AS_OF),
        ("not_met", malgruppe_person(basis="arbeid"), AS_OF),  # a decision without a basis in § 8
        ("met", malgruppe_person(basis="annen_familieinnvandring"), AS_OF),  # § 8 third paragraph
        ("met", malgruppe_person(birth="1960-01-01"), AS_OF),  # over 55: may be offered
        ("met", malgruppe_person(agreement=False), AS_OF),  # settled without agreement: may be offered
        ("not_met", malgruppe_person(agreement=False, months=22), AS_OF),  # offered with 24 months lived
        ("not_met", malgruppe_person(months=23, decision="2022-04-01"), AS_OF),  # 24 months at the decision
        ("met", malgruppe_person(months=23, decision="2022-03-31"), AS_OF),
        ("not_met", malgruppe_person(birth="2005-01-01"), AS_OF),  # 17 at the permit
        ("not_applicable", malgruppe_person(basis="nordisk_eos"), AS_OF),
        ("unknown", malgruppe_person(basis="arbeid", decision=None), AS_OF),  # was a decision made?
        ("unknown", person(permit={"granted": "2022-01-10"}), AS_OF),
    ])
    f = engine.evaluate(malgruppe_person(basis="arbeid", decision=None), AS_OF).finding(r)
    assert f.missing == ("introduksjonsprogram.decision_date",)


def test_malgruppe_ages_under_both_texts(engine, unknown_date):
    """§ 8 first paragraph: 18-55 stays in force; 18-60 (LOV-2025-06-20-35) only from a date the King sets (a setting)."""
    r = "integreringsloven.malgruppe"
    d58 = dict(birth="1967-05-01", granted="2025-08-01", decision=None, participates=False)  # 58 at the permit
    assert outcome(engine, malgruppe_person(**d58), r, D(2025, 6, 19)) == "not_applicable"  # before the sanction
    assert outcome(engine, malgruppe_person(**d58), r, D(2026, 3, 1)) == "not_applicable"  # 18-60 not in force
    age_from = Engine(entry_points=False, plugins=[il], settings={il.ALDER_2025: "2026-06-01"})
    assert outcome(age_from, malgruppe_person(**d58), r, D(2026, 5, 31)) == "not_applicable"
    assert outcome(age_from, malgruppe_person(**d58), r, D(2026, 6, 1)) == "met"
    age_unknown = Engine(entry_points=False, plugins=[il], settings={il.ALDER_2025: "ukjent"})
    f = age_unknown.evaluate(malgruppe_person(**d58), D(2026, 3, 1)).finding(r)
    assert f.outcome.value == "unknown" and f.missing == (il.ALDER_2025,)
    assert outcome(age_unknown, malgruppe_person(**d58), r, D(2025, 12, 31)) == "not_applicable"  # the 2021 text then
    # the derived fact follows: the ordinary requirements are judged for a 58-year-old once 18-60 is in force
    assert outcome(age_from, malgruppe_person(**{**d58, "participates": True, "decision": "2026-06-01"}),
                   "integreringsloven.vedtak_og_oppstart", D(2026, 7, 1)) != "not_applicable"
    assert outcome(unknown_date, malgruppe_person(birth="1990-01-01", granted="2025-08-01", decision=None,
                                                  participates=False), r, D(2025, 9, 1)) == "met"  # 35: the same


def test_work_exception_needs_the_work_facts(engine):
    """§ 8 fourth paragraph (from 01.01.2026): without the work facts, unknown naming them."""
    r = "integreringsloven.malgruppe"
    base = dict(birth="1990-01-01", granted="2025-11-01", decision=None, participates=False)
    no_facts = attrs.evolve(malgruppe_person(**base), work=None, settlement_date=D(2025, 12, 10))
    f = engine.evaluate(no_facts, D(2026, 3, 1)).finding(r)
    assert f.outcome.value == "unknown" and f.missing == ("work",)
    assert outcome(engine, attrs.evolve(no_facts, work=()), r, D(2026, 3, 1)) == "met"
    assert outcome(engine, no_facts, r, D(2025, 12, 31)) == "met"  # the 2021 text asks nothing about work



def test_fulltid(engine):
    r = "integreringsloven.fulltid"
    check(engine, r, [("met", person(), AS_OF), ("not_met", person(prog={"all_year": False}), AS_OF),
                      ("unknown", person(prog={"full_time": None}), AS_OF)])


def test_livsmestring(engine):
    r = "integreringsloven.livsmestring"
    check(engine, r, [("met", person(), AS_OF),
                      ("not_met", person(livsmestring={"done": True, "date": "2022-09-01", "hours": 20}), AS_OF),
                      ("pending", person(livsmestring={"done": False}, prog={"end_date": "2024-05-14"}), AS_OF),
                      ("not_met", person(livsmestring={"done": False}, prog={"end_date": "2022-12-01"}), AS_OF),
                      ("unknown", person(livsmestring={"done": False}), AS_OF)])


def test_foreldreveiledning():
    r = "integreringsloven.foreldreveiledning"
    eng = Engine(entry_points=False, plugins=[il])
    cap = Engine(entry_points=False, plugins=[il], settings={il.KAPASITET: True})
    four = person(children_under_18=True, foreldreveiledning={"done": True, "date": "2022-10-01", "sessions": 4, "group": True})
    assert outcome(eng, four, r) == "not_met" and outcome(cap, four, r) == "met"
    eight = person(children_under_18=True, foreldreveiledning={"done": True, "date": "2022-10-01", "sessions": 8, "group": True})
    assert outcome(eng, eight, r) == "met"
    assert outcome(eng, person(children_under_18=True, foreldreveiledning={"done": True, "date": "2022-10-01", "sessions": 5,
                                                                           "group": False}), r) == "met"
    assert outcome(eng, person(), r) == "not_applicable"
    assert outcome(eng, person(children_under_18=True, foreldreveiledning={"done": False},
                               prog={"end_date": "2024-05-14"}), r) == "pending"
    assert outcome(eng, person(children_under_18=None), r) == "unknown"


def test_integreringsplan_and_contract(engine):
    for r, field, value in (("integreringsloven.integreringsplan", "integreringsplan", {"created": "2022-06-02"}),
                            ("integreringsloven.integreringskontrakt", "integreringskontrakt", {"done": True, "date": "2022-06-02"})):
        check(engine, r, [("met", person(), AS_OF), ("not_met", person(**{field: value}), AS_OF),
                          ("pending", person(**{field: value}), D(2022, 4, 20)),
                          ("unknown", person(**{field: None}), AS_OF)])
        # «samtidig»: due with the decision (plan) of 01.05.2022, not by the § 12 deadline 01.06.2022
        assert engine.evaluate(person(), AS_OF).finding(r).due == D(2022, 5, 1)


def test_integreringsplan_innhold(engine):
    r = "integreringsloven.integreringsplan_innhold"
    base = person().integreringsplan
    import attrs
    lacking = attrs.evolve(base, contents=attrs.evolve(base.contents, klagemuligheter=False))
    unsure = attrs.evolve(base, contents=attrs.evolve(base.contents, norskmal=None))
    check(engine, r, [("met", person(), AS_OF), ("not_met", attrs.evolve(person(), integreringsplan=lacking), AS_OF),
                      ("unknown", attrs.evolve(person(), integreringsplan=unsure), AS_OF),
                      ("not_applicable", person(), D(2022, 4, 30))])


def test_integreringsplan_revisjon():
    r = "integreringsloven.integreringsplan_revisjon"
    eng = Engine(entry_points=False, plugins=[il])
    check(eng, r, [("met", person(), AS_OF),  # last review 01.10.2022, next by 01.04.2023
                   ("unknown", person(), D(2023, 4, 2)),  # overdue unless the programme had ended
                   ("not_met", person(prog={"end_date": "2024-05-14"}), D(2023, 4, 2)),
                   ("met", person(prog={"end_date": "2023-03-01"}), D(2023, 4, 2))])
    yearly = Engine(entry_points=False, plugins=[il], settings={il.REVISJON: 12})
    assert outcome(yearly, person(prog={"end_date": "2024-05-14"}), r, D(2023, 4, 2)) == "met"
    with pytest.raises(UsageError):
        Engine(entry_points=False, plugins=[il], settings={il.REVISJON: 0})


def test_avslutning_registrert(engine):
    r = "integreringsloven.avslutning_registrert"
    check(engine, r, [("met", person(prog={"end_date": "2022-12-01", "end_reason": "Arbeid"}), AS_OF),
                      ("not_met", person(prog={"end_date": "2022-12-01", "end_reason": "Avslutningsårsak ikke registrert"}), AS_OF),
                      ("unknown", person(prog={"end_date": "2022-12-01"}), AS_OF),
                      ("not_applicable", person(prog={"end_date": "2024-05-14"}), AS_OF)])


# -- Norwegian and social studies ----------------------------------------------------------------------


def test_norskopplaering_tilbud(engine):
    r = "integreringsloven.norskopplaering_tilbud"
    check(engine, r, [("met", person(), AS_OF), ("not_met", person(training={"offer_date": "2022-06-06"}), AS_OF),
                      ("pending", person(training={"offer_date": None}), D(2022, 3, 20)) if False else
                      ("unknown", person(training={"offer_date": None}), AS_OF),
                      ("pending", person(training={"offer_date": "2022-06-01"}), D(2022, 5, 1)),
                      ("met", person(permit={"granted": "2022-01-10", "basis": "arbeid", "applied_from_abroad": False}), AS_OF),
                      ("not_applicable", person(birth_date="1950-01-01"), AS_OF)])


def test_norskplan(engine):
    r = "integreringsloven.norskplan"
    outside = dict(prog={"participates": False})
    check(engine, r, [("not_applicable", person(), AS_OF),
                      ("met", person(integreringsplan={"created": "2022-04-10"}, **outside), AS_OF),  # with the § 30 decision
                      ("not_met", person(**outside), AS_OF),  # 01.05.2022: after the decision of 10.04.2022 (§ 34)
                      ("unknown", person(integreringsplan=None, **outside), AS_OF),
                      ("not_applicable", person(training={"full_time_upper_secondary": True}, **outside), AS_OF)])


def test_norskopplaering_varighet(engine):
    r = "integreringsloven.norskopplaering_varighet"
    check(engine, r, [("pending", person(), AS_OF),
                      ("met", person(), D(2025, 1, 11)),  # three years from 10.01.2022 ended 10.01.2025
                      ("pending", person(), D(2025, 1, 10)),
                      ("met", person(education="videregaende"), D(2023, 7, 11)),  # 18 months
                      ("not_met", person(training={"start_date": "2025-02-01"}), D(2025, 3, 1)),
                      ("unknown", person(education=None), AS_OF),
                      ("not_applicable", person(training={"exempt": True}), AS_OF)])


def test_samfunnskunnskap_and_test(engine):
    for r, field in (("integreringsloven.samfunnskunnskap", "samfunnskunnskap"),
                     ("integreringsloven.samfunnskunnskapsprove", "samfunnskunnskapsprove")):
        check(engine, r, [("met", person(), AS_OF),
                          ("not_met", person(training={field: {"done": True, "date": "2023-01-11"}}), D(2023, 2, 1)),
                          ("pending", person(training={field: {"done": False}}), D(2023, 1, 10)),
                          ("not_met", person(training={field: {"done": False}}), D(2023, 1, 11)),
                          ("unknown", person(training={field: None}), AS_OF),
                          ("not_applicable", person(training={"full_time_upper_secondary": True}), AS_OF)])
    assert outcome(engine, person(training={"test_exempt": True}), "integreringsloven.samfunnskunnskapsprove") == "not_applicable"


def test_avsluttende_norskprove(engine):
    r = "integreringsloven.avsluttende_norskprove"
    all_four = [{"date": "2024-05-01", "subtest": s, "level": "B1"} for s in ("lytteforstaelse", "leseforstaelse", "skriftlig")]
    all_four.append({"date": "2024-05-02", "subtest": "muntlig", "level": None})
    check(engine, r, [("met", person(test_results=all_four), D(2024, 6, 1)),
                      ("pending", person(test_results=all_four[:3]), D(2024, 6, 1)),
                      ("not_met", person(test_results=all_four[:3]), D(2025, 1, 11)),
                      ("unknown", person(test_results=None), AS_OF),
                      ("not_applicable", person(training={"test_exempt": True}), AS_OF),
                      ("not_applicable", person(permit={"granted": "2022-01-10", "basis": "arbeid",
                                                        "applied_from_abroad": False}), AS_OF)])


# -- NIR (R16) --------------------------------------------------------------------------------------------


def nir(*items):
    return [{"item": item, "date": day, "unit": "FT"} for item, day in items]


def test_nir_items(engine):
    r = "integreringsloven.nir.integreringskontrakt"
    check(engine, r, [("met", person(nir=nir(("integreringskontrakt", "2022-07-01"))), AS_OF),
                      ("not_met", person(nir=nir(("integreringskontrakt", "2022-07-02"))), AS_OF),
                      ("not_met", person(nir=[]), AS_OF),
                      ("pending", person(nir=[]), D(2022, 6, 1)),
                      ("unknown", person(nir=None), AS_OF),
                      ("not_applicable", person(integreringskontrakt={"done": False}), AS_OF)])
    assert engine.evaluate(person(), AS_OF).finding(r).due == D(2022, 7, 1)


def test_nir_vocabulary_and_units(engine):
    p = person(nir=nir(*((item, "2022-12-15") for item in il.NIR_ITEMS)), children_under_18=True,
               livsmestring={"done": True, "date": "2022-11-01", "hours": 25},
               foreldreveiledning={"done": True, "date": "2022-11-01", "sessions": 8, "group": True},
               norskmal=[{"date": "2022-11-01", "kind": "fastsetting", "levels": {"muntlig": "B1"}}],
               training={"leaves": [{"start": "2022-11-01", "end": "2022-11-10"}],
                         "samfunnskunnskap": {"done": True, "date": "2022-11-01"}})
    r = engine.evaluate(p, AS_OF)
    for item in ("foreldreveiledning", "livsmestring", "norskmal_fastsetting", "permisjoner", "samfunnskunnskap"):
        assert_outcome(r, f"integreringsloven.nir.{item}", "met")
    assert_outcome(r, "integreringsloven.nir.klage", "not_applicable")
    assert_outcome(r, "integreringsloven.nir.norskmal_endring", "not_applicable")
    assert_outcome(r, "integreringsloven.nir.fulltid_videregaende", "not_applicable")
    vgs = person(training={"full_time_upper_secondary": True, "upper_secondary_start": "2022-08-15"})
    assert outcome(engine, vgs, "integreringsloven.nir.fulltid_videregaende") == "not_met"
    units = {r.id.rsplit(".", 1)[1]: {u.value for u in r.responsible} for r in engine.requirements() if ".nir." in r.id}
    assert units["norskmal_endring"] == {"VO"} and units["timer_og_fravaer"] == {"VO"}
    assert units["norskmal_fastsetting"] == {"FT", "VO"} and units["avslutning"] == {"FT"}


def test_overridden_fact_is_used():
    from integrules import DerivedFact, Text, hookimpl

    class Everyone:
        PLUGIN_NAME = "everyone"

        @staticmethod
        @hookimpl
        def integrules_register_derived_facts(register):
            register.override_fact(DerivedFact(name="integreringsloven.rett_og_plikt_program",
                                               description=Text("alle", "all"), compute=lambda p, as_of, ctx: True))

    eng = Engine(entry_points=False, plugins=[il, Everyone()])
    assert outcome(eng, person(birth_date="1950-01-01"), "integreringsloven.integreringsplan") == "met"
    assert il.requirement_by_id("integreringsloven.varighet").id == "integreringsloven.varighet"


def test_the_bundled_example_exercises_the_2026_rules():
    """The example (as of 04.12.2026) has people settled in 2025 and 2026, judged by the amended rules."""
    from integrules import synthetic
    doc = synthetic.case_file()
    assert doc["as_of"] == "2026-12-04" and len(doc["participants"]) == 70
    years = {p["settlement_date"][:4] for p in doc["participants"]}
    assert {"2025", "2026"} <= years
    engine = Engine()
    outcomes: dict[str, set[str]] = {}
    for raw in doc["participants"]:
        result = engine.evaluate(converter().structure(raw, Participant), D(2026, 12, 4))
        for f in result.findings:
            outcomes.setdefault(f.requirement_id, set()).add(f.outcome.value)
    assert {"met", "pending"} <= outcomes["integreringsloven.arbeidsrettede_elementer"]
    assert "met" in outcomes["integreringsloven.varighet"] and "not_applicable" in outcomes["integreringsloven.malgruppe"]
    in_work = [p for p in doc["participants"] if any(j.get("hours_per_week", 0) >= 30 for j in p.get("work", []))]
    assert in_work  # § 8 fourth paragraph is exercised


def test_the_bundled_example_has_the_2026_format_facts():
    """§ 9 f dates, known-none flags, preparatory adult education and mistyped DUF numbers are in the example
    (as of 04.12.2026), and not in a population drawn as of the old default date (benchmarks compare it)."""
    from integrules import synthetic
    from integrules.duf import DufNummer
    people = synthetic.case_file()["participants"]
    reunited = [p for p in people if p["permit"]["basis"] == "familiegjenforening"]
    assert reunited and all("reunification_applied" in p["permit"] for p in reunited)
    assert 1 <= sum(not DufNummer.parse(p["duf"]).check_digits_ok for p in people) <= 3
    assert any(p.get("opplaering", {}).get("offered") is False for p in people)
    assert any(p.get("opplaering", {}).get("preparatory_adult_education") for p in people)
    undecided = [p for p in people if p.get("introduksjonsprogram", {}).get("decision_made") is False]
    engine = Engine()
    late = [engine.evaluate(converter().structure(p, Participant), D(2026, 12, 4)).finding(
        "integreringsloven.vedtak_og_oppstart").outcome.value for p in undecided]
    assert "not_met" in late and "pending" in late  # no decision yet: past the § 12 deadline, and before it
    six = [p for p in people if p["permit"]["basis"] == "kollektiv_beskyttelse"
           and p.get("introduksjonsprogram", {}).get("decision_date", "") >= "2026-01-01"]
    assert six and all("integreringskontrakt" in p and "livsmestring" in p for p in six)
    old = list(synthetic.population(70, seed=2024))
    text = json.dumps(old)
    for key in ("reunification_applied", "decision_made", "offered", "preparatory_adult_education", "made"):
        assert f'"{key}"' not in text
    assert all(DufNummer.parse(p["duf"]).check_digits_ok for p in old)


def test_no_decision_yet_leaves_the_programme_pending(engine):
    """introduksjonsprogram.decision_made false: what the decision sets is pending, the late decision not met."""
    p = person(introduksjonsprogram={"participates": True, "decision_made": False}, integreringsplan={"made": False},
               integreringskontrakt={"done": False}, livsmestring={"done": False})
    for req in ("sluttmal", "varighet", "fulltid", "arbeidsrettede_elementer", "livsmestring"):
        assert outcome(engine, p, f"integreringsloven.{req}") == "pending", req
    assert outcome(engine, p, "integreringsloven.avslutning_registrert") == "not_applicable"
    assert outcome(engine, p, "integreringsloven.vedtak_og_oppstart") == "not_met"
    assert outcome(engine, p, "integreringsloven.nir.vedtak_og_startdato") in ("met", "not_applicable")
    # The day before the § 12 deadline (settled 01.03.2022: due 01.06.2022) it is pending, on the day too.
    assert outcome(engine, p, "integreringsloven.vedtak_og_oppstart", D(2022, 5, 31)) == "pending"
    assert outcome(engine, p, "integreringsloven.vedtak_og_oppstart", D(2022, 6, 1)) == "pending"
    assert outcome(engine, p, "integreringsloven.vedtak_og_oppstart", D(2022, 6, 2)) == "not_met"
