"""Force of a requirement («skal» must / «bør» should), verified-up-to notices and DUF check-digit warnings."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import attrs
import pytest

from integrules import (Adaptation, ConfigurationError, Engine, Force, LegalRef, Regime, RegimeDecision, Text, Unit,
                        Verification, hookimpl, met, not_met, requirement)
from integrules.cli import EXIT_OK, main
from integrules.duf import check_digits_for
from integrules.model import Participant
from integrules.output import result_from_dict, result_to_dict
from integrules.report import build_report, render

REF = LegalRef("testloven", "§ 2", ledd=1, url="https://example.org/testloven")
DAY = dt.date(2026, 1, 1)

# A test plugin for the CLI, installed on the entry-point group (conftest's ``installed``): one «skal»
# requirement met, one «bør» requirement not followed, a verified-up-to date of 28.07.2026.
PLUGIN = '''
import datetime as dt
from integrules import LegalRef, Regime, RegimeDecision, Text, Unit, Verification, hookimpl, met, not_met, requirement

REF = LegalRef("testloven", "§ 2", ledd=1, url="https://example.org/testloven")

@requirement(id="kraft.skal", title=Text("Skal", "Must"), description=Text("Skal.", "Must."), references=(REF,),
             valid_from=dt.date(2021, 1, 1), regime="kraft", responsible=(Unit.FT,))
def skal(ctx):
    return met("Gjort.", "Done.")

@requirement(id="kraft.bor", title=Text("Bør", "Should"), description=Text("Bør.", "Should."), references=(REF,),
             valid_from=dt.date(2021, 1, 1), regime="kraft", responsible=(Unit.VO,), force="should")
def bor(ctx):
    return not_met("Ikke gjort.", "Not done.")

@hookimpl
def integrules_register_regimes(register):
    register.regime(Regime(id="kraft", title=Text("Kraft", "Force"), references=(REF,)))

@hookimpl
def integrules_register_requirements(register):
    register.requirement(skal, bor)

@hookimpl
def integrules_decide_regime(participant, as_of, settings):
    return RegimeDecision(regime="kraft", reason=Text("Test.", "Test."), plugin="kraftplug")

@hookimpl
def integrules_register_verification(register):
    register.verification(Verification(verified_to=dt.date(2026, 7, 28), sources=Text("Testloven.", "The test act.")))
'''


def _req(rid: str, outcome, **kw):
    @requirement(id=rid, title=Text(rid, rid), description=Text("d", "d"), references=(REF,),
                 valid_from=dt.date(2021, 1, 1), regime="kraft", responsible=(Unit.FT,), **kw)
    def rule(ctx):
        return outcome("m", "m")
    return rule


class Plug:
    PLUGIN_NAME = "kraftplug"

    def __init__(self, *requirements, verified=None, adapt=False):
        self.reqs, self.verified, self.adapt = requirements, verified, adapt

    @hookimpl
    def integrules_register_regimes(self, register):
        register.regime(Regime(id="kraft", title=Text("Kraft", "Force"), references=(REF,)))
        register.regime(Regime(id="annen", title=Text("Annen", "Other"), references=(REF,), base="kraft"))

    @hookimpl
    def integrules_register_requirements(self, register):
        register.requirement(*self.reqs)
        if self.adapt:
            register.adaptation(Adaptation(requirement_id=self.reqs[0].id, regime="annen", reason=Text("a", "a"),
                                           references=(REF,)))

    @hookimpl
    def integrules_decide_regime(self, participant, as_of, settings):
        regime = {"A": "kraft", "B": "annen"}.get(participant.id)
        return RegimeDecision(regime=regime, reason=Text("r", "r"), missing=() if regime else ("permit",),
                              plugin="kraftplug")

    @hookimpl
    def integrules_register_verification(self, register):
        for v in self.verified or ():
            register.verification(v)


def _engine(*reqs, **kw):
    return Engine(entry_points=False, plugins=[Plug(*reqs, **kw)])


# -- force on requirements and findings -----------------------------------------------------------

def test_force_defaults_to_must_and_takes_should_and_refuses_anything_else():
    assert _req("kraft.a", met).force is Force.MUST
    assert _req("kraft.b", met, force="should").force is Force.SHOULD
    assert _req("kraft.c", met, force=Force.SHOULD).force is Force.SHOULD
    with pytest.raises(ValueError):
        _req("kraft.d", met, force="kanskje")


def test_every_finding_carries_its_requirements_force_judged_adapted_or_unknown_regime():
    engine = _engine(_req("kraft.bor", not_met, force="should"), _req("kraft.skal", not_met), adapt=True)
    for pid in ("A", "B", "C"):  # judged; set aside by the adaptation; regime unknown
        result = engine.evaluate(Participant(id=pid), DAY)
        assert {f.requirement_id: f.force for f in result.findings} == {"kraft.bor": Force.SHOULD,
                                                                        "kraft.skal": Force.MUST}
    finding = engine.evaluate(Participant(id="A"), DAY).finding("kraft.bor")
    assert result_to_dict(engine.evaluate(Participant(id="A"), DAY))["findings"][0]["force"] == "should"
    assert result_from_dict(result_to_dict(engine.evaluate(Participant(id="A"), DAY))).finding("kraft.bor") == finding


def test_check_counts_should_findings_apart_and_a_should_not_followed_alone_exits_ok(installed, capsys):
    installed(kraftplug=PLUGIN)
    code = main(["check", "--example", "--as-of", "2026-07-28", "--format", "json"])
    doc = json.loads(capsys.readouterr().out)
    s = doc["summary"]
    assert code == EXIT_OK  # only a «bør» is not followed: no breach of the law
    assert s["findings"]["not_met"] == 0 and s["findings"]["met"] == s["evaluated"]
    assert s["should_findings"]["not_met"] == s["evaluated"] and s["should_findings"]["met"] == 0
    assert sum(s["findings"].values()) + sum(s["should_findings"].values()) == sum(
        len(p["findings"]) for p in doc["participants"])
    forces = {f["requirement_id"]: f["force"] for f in doc["participants"][0]["findings"]}
    assert forces == {"kraft.bor": "should", "kraft.skal": "must"}
    code = main(["check", "--example", "--as-of", "2026-07-28"])
    out = capsys.readouterr().out
    assert "[ikke fulgt (bør) / not followed (should)] kraft.bor" in out
    assert "[oppfylt / met] kraft.skal" in out and "ikke oppfylt" not in out
    assert "findings of should requirements (not breaches): followed 0, not followed 70" in out


def test_a_must_not_met_still_exits_not_met():
    from integrules.results import Summary
    engine = _engine(_req("kraft.skal", not_met), _req("kraft.bor", met, force="should"))
    summary = Summary()
    summary.add(engine.evaluate(Participant(id="A"), DAY))
    assert summary.outcomes["not_met"] == 1 and summary.should["met"] == 1  # check exits EXIT_NOT_MET on outcomes


def test_report_puts_should_requirements_in_their_own_section_never_in_the_breach_counts():
    engine = _engine(_req("kraft.skal", not_met), _req("kraft.bor", not_met, force="should"))
    participants = [Participant(id="A"), Participant(id="A")]
    report = build_report(engine, participants, DAY, with_names=True)
    by_id = {r["id"]: r for r in report["requirements"]}
    assert by_id["kraft.bor"]["force"] == "should" and by_id["kraft.skal"]["force"] == "must"
    assert report["totals"]["requirements_should"] == 1
    assert report["by_unit"] == {"FT": {**report["by_unit"]["FT"], "not_met": 2}}  # the «skal» only
    assert report["by_unit_should"]["FT"]["not_met"] == 2
    assert report["cases"][0]["not_met"] == ["kraft.skal"] and report["cases"][0]["should_not_followed"] == ["kraft.bor"]
    text = render(report, "text")
    must_part, should_part = text.split("Bør-krav / should requirements")
    assert "kraft.bor" not in must_part.split("Krav / requirements")[1]
    assert "ikke fulgt (bør) / not followed (should)" in should_part and "kraft.bor" in should_part
    assert "herav bør / of which should: 1" in text
    assert "Bør-krav / should requirements" in render(report, "markdown")
    html = render(report, "html")  # the committee's report, in Bokmål by default: «bør» in a table of its own
    assert "Bør-krav" in html and "kraft.bor" in html.split('id="should-requirements"')[1]
    assert "kraft.bor" not in html.split('id="requirements"')[1].split("</table>")[0]
    rows = list(csv.reader(io.StringIO(render(report, "csv"))))
    sections = {(r[2], r[3]) for r in rows[1:] if r[3].startswith("kraft.")}
    assert sections == {("requirement", "kraft.skal"), ("requirement_should", "kraft.bor")}
    assert json.loads(render(report, "json"))["requirements"][0]["force"] == "should"


def test_requirements_lists_the_force_in_every_format(installed, capsys):
    installed(kraftplug=PLUGIN)
    main(["requirements", "--format", "json"])
    doc = json.loads(capsys.readouterr().out)
    assert {r["id"]: r["force"] for r in doc["requirements"]} == {"kraft.bor": "should", "kraft.skal": "must"}
    assert doc["verification"] == [{"plugin": "kraftplug", "verified_to": "2026-07-28",
                                    "sources": {"nb": "Testloven.", "en": "The test act."}}]
    main(["requirements", "--format", "markdown"])
    out = capsys.readouterr().out
    assert "| skal/bør / force |" in out and "| bør / should |" in out and "| skal / must |" in out
    assert "| kraftplug | 2026-07-28 | Testloven. | The test act. |" in out
    main(["requirements"])
    out = capsys.readouterr().out
    assert [line.endswith("(bør / should)") for line in out.splitlines() if line.startswith("kraft.")] == [True, False]


# -- verified up to a date ------------------------------------------------------------------------

VERIFIED = Verification(verified_to=dt.date(2026, 7, 28), sources=Text("t", "t"))


def test_notice_only_after_the_verified_date():
    engine = _engine(_req("kraft.skal", met), verified=[VERIFIED])
    assert engine.notices(dt.date(2026, 7, 27)) == []
    assert engine.notices(dt.date(2026, 7, 28)) == []
    [notice] = engine.notices(dt.date(2026, 7, 29))
    assert "kraftplug (28.07.2026)" in notice.nb and "kraftplug (28.07.2026)" in notice.en
    assert "ikke lagt inn" in notice.nb and "not encoded" in notice.en
    assert engine.notices(None) == []
    assert _engine(_req("kraft.skal", met)).notices(dt.date(2030, 1, 1)) == []  # no statement, no notice


def test_a_plugin_registers_its_verification_once():
    with pytest.raises(ConfigurationError, match="verification date more than once"):
        _engine(_req("kraft.skal", met), verified=[VERIFIED, VERIFIED])


def test_registering_something_else_as_a_verification_is_refused():
    with pytest.raises(Exception, match="not a Verification"):
        _engine(_req("kraft.skal", met), verified=[dt.date(2026, 7, 28)])


def test_check_report_and_requirements_say_it_once_in_the_header(installed, capsys):
    installed(kraftplug=PLUGIN)
    for day, shown in (("2026-07-28", False), ("2026-07-29", True)):
        main(["check", "--example", "--as-of", day])
        out = capsys.readouterr().out
        assert out.count("not encoded") == int(shown)
        if shown:
            assert out.splitlines()[1].startswith("Merk: regelsamlingene er kontrollert")
        main(["check", "--example", "--as-of", day, "--format", "json"])
        assert len(json.loads(capsys.readouterr().out)["notices"]) == int(shown)
        for fmt in ("text", "markdown"):
            main(["report", "--example", "--as-of", day, "--format", fmt])
            assert capsys.readouterr().out.count("not encoded") == int(shown), fmt
        main(["report", "--example", "--as-of", day, "--format", "html"])  # the committee's report: Bokmål by default
        assert capsys.readouterr().out.count("er ikke lagt inn") == int(shown), "html"
        main(["report", "--example", "--as-of", day, "--format", "json"])
        assert len(json.loads(capsys.readouterr().out)["notices"]) == int(shown)
        main(["requirements", "--as-of", day])
        assert capsys.readouterr().out.count("not encoded") == int(shown)
        main(["requirements", "--as-of", day, "--format", "json"])
        assert len(json.loads(capsys.readouterr().out)["notices"]) == int(shown)


# -- DUF check digits ------------------------------------------------------------------------------

GOOD = "2019000123" + check_digits_for("2019000123")
BAD = "2019000123" + f"{(int(check_digits_for('2019000123')) + 1) % 100:02d}"


def _case_file(tmp_path):
    people = [{"id": "A", "duf": GOOD}, {"id": "B", "duf": BAD}, {"id": "C"}]
    path = tmp_path / "duf.json"
    path.write_text(json.dumps({"kommune": "Test", "as_of": "2024-11-27", "participants": people}), encoding="utf-8")
    return str(path)


def test_check_warns_per_participant_whose_duf_fails_and_still_judges_it(tmp_path, capsys):
    path = _case_file(tmp_path)
    assert GOOD != BAD
    main(["check", path, "--format", "json"])
    out = capsys.readouterr().out
    doc = json.loads(out)
    warnings = {p["participant_id"]: [w["code"] for w in p["warnings"]] for p in doc["participants"]}
    assert warnings == {"A": [], "B": ["duf_check_digits"], "C": []}
    assert doc["summary"]["duf_warnings"] == 1 and doc["summary"]["evaluated"] == 3
    assert len(doc["participants"][1]["findings"]) == len(doc["participants"][0]["findings"]) > 0
    assert BAD not in out and GOOD not in out
    main(["check", path])
    out = capsys.readouterr().out
    block_b = out.split("\nB [")[1].split("\n\n")[0]
    assert "advarsel/warning: DUF-nummeret har feil kontrollsiffer" in block_b
    assert out.count("advarsel/warning: DUF") == 1 and "1 DUF-nummer med feil kontrollsiffer" in out
    assert BAD not in out


def test_check_with_workers_gives_the_same_warnings(tmp_path, capsys):
    path = _case_file(tmp_path)
    main(["check", path, "--format", "json"])
    one = capsys.readouterr().out
    main(["check", path, "--format", "json", "--jobs", "2"])
    assert capsys.readouterr().out == one


def test_reports_count_duf_warnings_and_never_print_the_number(tmp_path, capsys):
    path = _case_file(tmp_path)
    for fmt in ("text", "markdown", "json", "csv"):
        main(["report", path, "--format", fmt, "--with-names"])
        out = capsys.readouterr().out
        assert BAD not in out and GOOD not in out, fmt
        if fmt == "json":
            assert json.loads(out)["totals"]["duf_warnings"] == 1
        elif fmt == "csv":
            assert "current,2024-11-27,totals,,,,duf_warnings,1" in out
        else:
            assert "1 deltakere har DUF-nummer med feil kontrollsiffer" in out
    main(["report", path, "--format", "json", "--jobs", "2"])
    assert json.loads(capsys.readouterr().out)["totals"]["duf_warnings"] == 1


def test_the_warning_is_part_of_the_result_and_survives_without_the_participant():
    from integrules.duf import DufNummer
    from integrules.results import duf_warning
    engine = _engine(_req("kraft.skal", met))
    result = engine.evaluate(Participant(id="A", duf=DufNummer.parse(BAD)), DAY)
    assert result.warnings == ("duf_check_digits",) and duf_warning(attrs.evolve(result, participant=None))
    assert result_from_dict(result_to_dict(result)) == result
    assert engine.evaluate(Participant(id="A", duf=DufNummer.parse(GOOD)), DAY).warnings == ()
    assert engine.evaluate(Participant(id="A"), DAY).warnings == ()  # no DUF number: nothing to check
