"""Each difference from the ordinary rules: the same participant judged under both regimes.

Only the permit basis is flipped (collective protection, utl. § 34, against refugee, utl. § 28).
Under the ordinary rules the ordinary requirement is judged and the chapter 6A one is not
applicable; under chapter 6A the ordinary one is set aside with the section that says so, and
the replacement (if any) judges instead.
"""

from __future__ import annotations

import datetime as dt

import pytest

from integrules import Outcome

from k6a_builders import ordinary, person

AS_OF = dt.date(2023, 3, 1)
NA = Outcome.NOT_APPLICABLE

# ordinary id, replacement, section cited in the reason, expected outcome of the replacement for person()
DIFFERENCES = [
    ("kompetansekartlegging", "kapittel_6a.kompetansekartlegging", "§ 37 b", NA),  # decision before the 2024 duty
    ("karriereveiledning", None, "§ 37 b", None),
    ("vedtak_og_oppstart", "kapittel_6a.vedtak_og_oppstart", "§ 37 c", Outcome.MET),
    ("sluttmal", "kapittel_6a.sluttmal", "§ 37 c", Outcome.MET),
    ("varighet", "kapittel_6a.varighet", "§ 37 c", Outcome.MET),
    ("fulltid", "kapittel_6a.helarig", "§ 37 c", Outcome.MET),
    ("livsmestring", "kapittel_6a.livsmestring", "§ 37 c", NA),  # decided 2022: § 37 c fourth paragraph
    ("foreldreveiledning", "kapittel_6a.foreldreveiledning", "§ 37 c", Outcome.MET),
    ("integreringsplan", "kapittel_6a.integreringsplan", "§ 37 c", Outcome.MET),
    ("integreringsplan_innhold", "kapittel_6a.integreringsplan_innhold", "§ 37 c", Outcome.MET),
    ("integreringsplan_revisjon", "kapittel_6a.integreringsplan_revisjon", "§ 37 c", NA),
    ("integreringskontrakt", "kapittel_6a.integreringskontrakt", "§ 37 c", NA),  # 2022/2024 text: no contract
    ("norskplan", "kapittel_6a.norskplan", "§ 37 d", Outcome.MET),
    ("norskopplaering_varighet", "kapittel_6a.norskopplaering_varighet", "§ 37 d", Outcome.PENDING),
    ("samfunnskunnskap", None, "§ 37 d", None),
    ("samfunnskunnskapsprove", None, "§ 37 d", None),
    ("avsluttende_norskprove", "kapittel_6a.gratis_avsluttende_norskprove", "§ 37 d", Outcome.PENDING),  # offer dated 01.05.2023
    ("nir.integreringskontrakt", "kapittel_6a.nir.integreringskontrakt", "§ 37 c", NA),
    ("nir.livsmestring", "kapittel_6a.nir.livsmestring", "§ 37 c", NA),
    ("nir.samfunnskunnskap", None, "§ 37 d", None),
    ("nir.utdanningsbakgrunn", "kapittel_6a.nir.utdanningsbakgrunn", "utvidet", NA),
]


def test_the_table_covers_every_adaptation():
    import integrules_kapittel6a as k
    assert sorted("integreringsloven." + row[0] for row in DIFFERENCES) == sorted(k.ADAPTED_IDS)
    assert {("integreringsloven." + o, r) for o, r, _, _ in DIFFERENCES if r} == set(k.REPLACED.items())


@pytest.mark.parametrize("name, replacement, section, expected", DIFFERENCES, ids=[d[0] for d in DIFFERENCES])
def test_side_by_side(engine, name, replacement, section, expected):
    ordinary_id = "integreringsloven." + name
    as_6a = engine.evaluate(person(), AS_OF)
    as_ordinary = engine.evaluate(ordinary(person()), AS_OF)
    assert as_6a.regime.regime == "kapittel_6a" and as_ordinary.regime.regime == "integreringsloven"

    # ordinary rules: the ordinary requirement is judged (the stand-in says met), 6A's is not applicable
    assert as_ordinary.finding(ordinary_id).outcome is Outcome.MET
    # chapter 6A: the ordinary requirement is set aside with the section, never judged
    set_aside = as_6a.finding(ordinary_id)
    assert set_aside.outcome is NA
    assert set_aside.plugin == "kapittel6a"
    assert section in set_aside.message.nb + " ".join(str(r) for r in set_aside.references)
    if replacement:
        assert replacement in set_aside.message.en  # "Judged instead by ..."
        assert as_ordinary.finding(replacement).outcome is NA
        assert as_6a.finding(replacement).outcome is expected


def test_no_contract_is_not_applicable_never_not_met(engine):
    # a chapter 6A participant without a contract, even one known not signed
    for contract in (None,):
        from integrules.model import Event
        for value in (contract, Event(done=False)):
            f = engine.evaluate(person(integreringskontrakt=value), AS_OF).finding("integreringsloven.integreringskontrakt")
            assert f.outcome is NA
            assert "§ 16" in f.message.nb
            refs = [str(r) for r in f.references]
            assert "integreringsloven § 37 c sjette ledd femte punktum" in refs  # 2022 text
            assert "integreringsloven § 37 c sjuende ledd femte punktum" in refs  # 2024 text


def test_untouched_requirements_are_judged_under_both(engine):
    for req_id in ("integreringsloven.avslutning_registrert", "integreringsloven.norskopplaering_tilbud",
                   "integreringsloven.nir.sluttmal", "integreringsloven.nir.norskmal_fastsetting"):
        assert engine.evaluate(person(), AS_OF).finding(req_id).outcome is Outcome.MET
        assert engine.evaluate(ordinary(person()), AS_OF).finding(req_id).outcome is Outcome.MET


def test_additions_apply_only_under_chapter_6a(engine):
    for req_id in ("kapittel_6a.nir.gjenapning",):
        assert engine.evaluate(ordinary(person()), AS_OF).finding(req_id).outcome is NA
