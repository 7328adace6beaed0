"""The clocks from the offer date (§§ 32, 33, 37; forskrift § 74), «samtidig» (§§ 15, 16, 34), the explicit
«none» for a decision, a plan and an offer, and § 9 f's five years (issue 20). Case files hold the boundary
days; these tests pin the pieces and the properties."""

import datetime as dt

import attrs
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from integrules import Engine, Missing, Outcome
from integrules.convert import converter
from integrules.model import Integreringsplan, LanguageTraining, Participant, PermitBasis, Programme, ResidencePermit
from integrules.reading import structure_participant
from integrules.results import Rejection
from integrules.testing import strategies as irs
from integrules_integreringsloven import klokker as K

D = dt.date


@pytest.fixture(scope="module")
def engine():
    return Engine()


def permit(granted, *, abroad=False, arrival=None, **more):
    return ResidencePermit(granted=granted, basis=PermitBasis.FLYKTNING, applied_from_abroad=abroad, arrival=arrival, **more)


def p_with(permit_):
    return Participant(id="K-1", permit=permit_)


@pytest.mark.parametrize("granted, new", [(D(2023, 7, 31), False), (D(2023, 8, 1), True), (D(2023, 8, 2), True)])
def test_permits_around_the_change_default_reading(granted, new):
    assert K.ny_telling(p_with(permit(granted))) is new


def test_granted_before_applied_from_abroad_arrival_decides():
    before = D(2023, 6, 1)
    assert K.ny_telling(p_with(permit(before, abroad=True, arrival=D(2023, 7, 31)))) is False
    assert K.ny_telling(p_with(permit(before, abroad=True, arrival=D(2023, 8, 1)))) is True
    assert K.ny_telling(p_with(permit(before, abroad=False))) is False
    with pytest.raises(Missing) as exc:
        K.ny_telling(p_with(permit(before, abroad=True)))
    assert exc.value.paths == ("permit.arrival",)
    with pytest.raises(Missing) as exc:
        K.ny_telling(p_with(attrs.evolve(permit(before), applied_from_abroad=None)))
    assert exc.value.paths == ("permit.applied_from_abroad",)


def test_the_day_after_reading_moves_the_first_day():
    class Ctx:  # the one thing ny_telling asks a context for
        def __init__(self, value):
            self._value = value

        def setting(self, name):
            assert name == K.OVERGANG_2023
            return self._value

    strict = Ctx(K.DAGEN_ETTER)
    assert K.ny_telling(p_with(permit(D(2023, 8, 1))), strict) is False
    assert K.ny_telling(p_with(permit(D(2023, 8, 2))), strict) is True
    with pytest.raises(ValueError):
        K.parse_overgang_2023("etter")


def test_offer_date_is_asked_for_under_the_new_counting():
    p = Participant(id="K-2", permit=permit(D(2023, 10, 1)), opplaering=LanguageTraining())
    with pytest.raises(Missing) as exc:
        K.klokke_fra(p, D(2025, 1, 1))
    assert exc.value.paths == ("opplaering.offer_date",)
    offered = attrs.evolve(p, opplaering=LanguageTraining(offer_date=D(2024, 3, 1)))
    assert K.klokke_fra(offered, D(2025, 1, 1)) == D(2024, 3, 1)


def test_the_issue_example_year_end_with_and_without_leave(engine):
    base = {"id": "K-3", "birth_date": "1990-03-01", "started_under_introduksjonsloven": False,
            "permit": {"granted": "2023-10-01", "basis": "flyktning", "applied_from_abroad": False},
            "settlement_date": "2023-11-15",
            "opplaering": {"offer_date": "2024-03-01", "exempt": False, "full_time_upper_secondary": False, "leaves": [],
                           "samfunnskunnskap": {"done": False}}}
    p = converter().structure(base, Participant)
    finding = engine.evaluate(p, D(2024, 12, 1)).finding("integreringsloven.samfunnskunnskap")
    assert finding.outcome is Outcome.PENDING and finding.due == D(2025, 3, 1)
    assert "01.03.2024" in finding.message.nb and "§ 74" in finding.message.en
    with_leave = converter().structure({**base, "opplaering": {**base["opplaering"], "leaves": [
        {"start": "2024-05-01", "end": "2024-05-14"}]}}, Participant)
    assert engine.evaluate(with_leave, D(2024, 12, 1)).finding("integreringsloven.samfunnskunnskap").due == D(2025, 3, 15)


@pytest.mark.parametrize("applied, in_9f", [(D(2024, 2, 29), True), (D(2024, 3, 1), False), (D(2024, 3, 2), False)])
def test_paragraph_9f_five_years(applied, in_9f):
    assert K.paragraf_9f(ResidencePermit(reference_settled=D(2019, 3, 1), reunification_applied=applied))[0] is in_9f


def test_paragraph_9f_is_never_assumed():
    with pytest.raises(Missing) as exc:
        K.paragraf_9f(ResidencePermit())
    assert exc.value.paths == ("permit.reference_settled", "permit.reunification_applied")


# -- «samtidig» and «none» --------------------------------------------------------------------------


def programme_person(**prog):
    return converter().structure({
        "id": "K-4", "birth_date": "1990-03-01", "permit": {"granted": "2024-01-10", "basis": "flyktning"},
        "settlement_date": "2024-02-01", "settled_by_agreement": True, "started_under_introduksjonsloven": False,
        "earlier_municipality_months": 0, "introduksjonsprogram": {"participates": True, **prog},
        "integreringsplan": {"created": "2024-03-02"}}, Participant)


@pytest.mark.parametrize("margin, outcome", [(0, Outcome.NOT_MET), (1, Outcome.MET)])
def test_the_margin_setting(margin, outcome):
    eng = Engine(settings={K.SAMTIDIG_MARGIN: margin})
    finding = eng.evaluate(programme_person(decision_date="2024-03-01"), D(2024, 6, 1)).finding(
        "integreringsloven.integreringsplan")
    assert finding.outcome is outcome and finding.due == D(2024, 3, 1) + dt.timedelta(days=margin)
    assert "«Samtidig»" in finding.message.nb


def test_margin_is_checked():
    for bad in (-1, 32, True, "x"):
        with pytest.raises((ValueError, TypeError)):
            K.parse_margin(bad)
    assert K.parse_margin("3") == 3


def test_the_issue_example_plan_inside_three_months_is_late(engine):
    p = attrs.evolve(programme_person(decision_date="2024-03-01"),
                     integreringsplan=Integreringsplan(created=D(2024, 5, 15)))
    assert engine.evaluate(p, D(2024, 6, 1)).finding("integreringsloven.integreringsplan").outcome is Outcome.NOT_MET


def test_a_missed_section_12_deadline_can_now_be_not_met(engine):
    p = attrs.evolve(programme_person(decision_made=False), integreringsplan=Integreringsplan(made=False))
    for day, outcome in ((D(2024, 5, 1), Outcome.PENDING), (D(2024, 5, 2), Outcome.NOT_MET)):
        assert engine.evaluate(p, day).finding("integreringsloven.integreringsplan").outcome is outcome
    assert engine.evaluate(p, D(2024, 5, 2)).finding("integreringsloven.vedtak_og_oppstart").outcome is Outcome.NOT_MET
    unknown = attrs.evolve(p, introduksjonsprogram=attrs.evolve(p.introduksjonsprogram, decision_made=None))
    finding = engine.evaluate(unknown, D(2024, 5, 2)).finding("integreringsloven.integreringsplan")
    assert finding.outcome is Outcome.UNKNOWN and finding.missing == ("introduksjonsprogram.decision_date",)


@pytest.mark.parametrize("cls, flag, day", [(Programme, "decision_made", "decision_date"), (Programme, "decision_made", "start_date"),
                                            (Integreringsplan, "made", "created"),
                                            (LanguageTraining, "offered", "offer_date"),
                                            (LanguageTraining, "offered", "decision_date"),
                                            (LanguageTraining, "offered", "start_date"),
                                            (LanguageTraining, "decision_made", "decision_date"),
                                            (LanguageTraining, "decision_made", "start_date")])
def test_none_with_a_date_is_rejected(cls, flag, day):
    with pytest.raises(ValueError, match=f"{flag} is false"):
        cls(**{flag: False, day: D(2024, 1, 1)})
    assert getattr(cls(**{flag: True, day: D(2024, 1, 1)}), flag) is True
    assert getattr(cls(**{flag: False}), flag) is False


def test_a_contradictory_record_is_rejected_with_its_field():
    got = structure_participant({"id": "X-1", "integreringsplan": {"made": False, "created": "2024-01-01"}}, 4)
    assert isinstance(got, Rejection)
    assert got.errors == ("participants[4].integreringsplan: made is false (known none), but created is given",)
    ok = structure_participant({"id": "X-2", "introduksjonsprogram": {"decision_made": False}}, 5)
    assert ok.introduksjonsprogram.decision_made is False
    assert converter().unstructure(ok)["introduksjonsprogram"]["decision_made"] is False


# -- properties ------------------------------------------------------------------------------------

PROPS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CLOCK_IDS = ("integreringsloven.samfunnskunnskap", "integreringsloven.samfunnskunnskapsprove",
             "integreringsloven.norskopplaering_varighet", "integreringsloven.avsluttende_norskprove",
             "integreringsloven.integreringsplan", "integreringsloven.integreringskontrakt", "integreringsloven.norskplan",
             "integreringsloven.vedtak_og_oppstart", "integreringsloven.norskopplaering_tilbud", "integreringsloven.malgruppe")


@PROPS
@given(st.data(), st.dates(min_value=D(2023, 1, 1), max_value=D(2027, 12, 31)))
def test_filling_in_facts_never_flips_these_findings(engine, data, as_of):
    before = data.draw(irs.participants(regime="integreringsloven"))
    after = data.draw(irs.filled(before))
    old, new = engine.evaluate(before, as_of).outcomes(), engine.evaluate(after, as_of).outcomes()
    for req_id in CLOCK_IDS:
        if old[req_id] is not Outcome.UNKNOWN:
            assert new[req_id] is old[req_id], f"{req_id}: {old[req_id].value} became {new[req_id].value}"


@PROPS
@given(irs.participants())
def test_generated_flags_never_contradict_their_dates(p):
    for obj, pairs in ((p.introduksjonsprogram, irs.KNOWN_NONE[Programme]), (p.integreringsplan, irs.KNOWN_NONE[Integreringsplan]),
                       (p.opplaering, irs.KNOWN_NONE[LanguageTraining])):
        for flag, day in pairs if obj is not None else ():
            assert not (getattr(obj, flag) is False and getattr(obj, day) is not None)


# -- NIR: the two months are integreringsforskriften § 58 second paragraph ------------------------------------


def test_every_nir_item_cites_section_58_and_says_so(engine):
    from integrules_integreringsloven.nir import NIR_REQUIREMENTS

    for req in NIR_REQUIREMENTS:
        assert any(r.instrument == "integreringsforskriften" and r.section == "§ 58" and r.ledd == 2 and
                   r.url == "https://lovdata.no/forskrift/2020-12-15-2912/§58" for r in req.references), req.id
        assert "§ 58" in req.description.nb and "§ 58" in req.description.en, req.id
    p = converter().structure({"id": "N-1", "permit": {"granted": "2024-01-10", "basis": "flyktning"},
                               "started_under_introduksjonsloven": False,
                               "introduksjonsprogram": {"participates": True, "start_date": "2024-03-01"}, "nir": []},
                              Participant)
    finding = engine.evaluate(p, D(2024, 6, 1)).finding("integreringsloven.nir.vedtak_og_startdato")
    assert finding.outcome is Outcome.NOT_MET and "§ 58" in finding.message.nb


def test_education_background_under_chapter_6a_cites_the_law_not_only_the_guide():
    from integrules_kapittel6a.adaptations import ADAPTATIONS

    (adaptation,) = [a for a in ADAPTATIONS if a.requirement_id == "integreringsloven.nir.utdanningsbakgrunn"]
    kinds = {(r.instrument, r.section) for r in adaptation.references}
    assert {("integreringsforskriften", "§ 58"), ("integreringsloven", "§ 43")} <= kinds
