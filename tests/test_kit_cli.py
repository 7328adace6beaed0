"""The plugin kit's smaller points (issue 21): fresh-interpreter imports, `integrules test` on a
plugin that fails to import, "did you mean" for unknown ids, monotonicity messages that show only
the facts that differ, and an override of a national requirement in a test environment."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest

from integrules import Engine, Text, Unit, hookimpl, met, not_met, requirement
from integrules.cli import main
from integrules.model import Event, Participant
from integrules.testing import stub_regime
from integrules.testing.conformance import differences

PUBLIC = ["integrules.testing", "integrules.testing.strategies", "integrules.testing.conformance",
          "integrules.testing.cases", "integrules.testing.helpers", "integrules.testing.pytest_plugin"]


@pytest.mark.parametrize("module", PUBLIC)
def test_each_public_module_imports_first_in_a_fresh_interpreter(module):
    out = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr


def test_strategies_registered_for_from_type_when_imported_first():
    code = ("import integrules.testing.strategies\nfrom hypothesis import strategies as st\n"
            "from integrules.model import Participant\nprint(type(st.from_type(Participant).example()).__name__)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and out.stdout.strip() == "Participant", out.stderr


def write_case_file(tmp_path, plugins, expect):
    path = tmp_path / "cases.json"
    path.write_text(json.dumps({"plugins": plugins, "cases": [
        {"as_of": "2025-03-01", "participant": {"id": "T-1"}, "expect": expect}]}), encoding="utf-8")
    return path


def test_a_plugin_that_fails_to_import_is_a_message_and_exit_4(tmp_path, capsys, monkeypatch):
    (tmp_path / "brokenkommune.py").write_text("import datetime as dt\nVEDTAK = dt.date(2025, 2, 30)\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    path = write_case_file(tmp_path, ["brokenkommune"], {"brokenkommune.x": "met"})
    assert main(["test", str(path)]) == 4
    err = capsys.readouterr().err
    assert "plugin 'brokenkommune' failed to import: ValueError: day is out of range for month" in err
    assert "brokenkommune.py, line 2" in err and "Traceback" not in err


def test_a_plugin_that_is_not_there_suggests_the_installed_ones(tmp_path, capsys):
    path = write_case_file(tmp_path, ["integreringslovn"], {"x.y": "met"})
    assert main(["test", str(path)]) == 3
    assert "did you mean 'integreringsloven'?" in capsys.readouterr().err


REQ = requirement(id="kit.kontrakt_dokumentert", title=Text("Kontrakt dokumentert", "Contract documented"),
                  description=Text("Kontrakten er dokumentert.", "The contract is documented."),
                  references=(__import__("integrules").LegalRef("Kommunestyret, sak 1/25", kind="lokal"),),
                  valid_from=dt.date(2025, 1, 1), regime="integreringsloven", responsible=(Unit.FT,))(
    lambda ctx: met("Ja.", "Yes.") if ctx.need(ctx.p.integreringskontrakt, "integreringskontrakt").documented
    else not_met("Nei.", "No."))


class KitPlugin:
    PLUGIN_NAME = "kit"

    @staticmethod
    @hookimpl
    def integrules_register_requirements(register):
        register.requirement(REQ)


def test_did_you_mean_for_an_unknown_id_and_not_in_force():
    from integrules.testing.cases import parse_case_document, run_case

    engine = Engine(entry_points=False, plugins=[stub_regime(), KitPlugin()])
    doc = {"cases": [{"as_of": "2025-03-01", "participant": {"id": "A"},
                      "expect": {"kit.kontrakt_dokumentrt": "met"}},
                     {"as_of": "2024-03-01", "participant": {"id": "A"},
                      "expect": {"kit.kontrakt_dokumentert": "met"}}]}
    cases = parse_case_document(doc).cases
    (typo,) = run_case(engine, cases[0]).failures
    assert typo == ("kit.kontrakt_dokumentrt: expected met, but no such requirement is in force at 2025-03-01; "
                    "did you mean kit.kontrakt_dokumentert?")
    (early,) = run_case(engine, cases[1]).failures
    assert early.endswith("no such requirement is in force at 2024-03-01 (the id is in force 2025-01-01 on)")


def test_differences_show_only_the_facts_that_changed():
    before = Participant(id="A", integreringskontrakt=Event(done=True))
    after = Participant(id="A", integreringskontrakt=Event(done=True, date=dt.date(2025, 1, 2)), needs_b2=False)
    assert differences(before, after) == ['integreringskontrakt.date: null -> "2025-01-02"', "needs_b2: null -> false"]


def test_overriding_a_national_requirement_works_beside_eksempelkommune():
    """The test environment installs eksempelkommune, which overrides integreringsplan_revisjon; a
    municipality's own override of it is checked without eksempelkommune, not refused."""
    pytest.importorskip("integrules_eksempelkommune")
    il = pytest.importorskip("integrules_integreringsloven")
    from integrules.testing import integrules_conformance
    from integrules.testing.conformance import _compatible_installed

    national = next(r for r in Engine(entry_points=False, plugins=[il]).requirements()
                    if r.id == "integreringsloven.integreringsplan_revisjon")

    @requirement(id=national.id, title=Text("Planen revideres hvert kvartal", "The plan is revised every quarter"),
                 description=Text("Lokal rutine: planen revideres hvert kvartal.", "Local routine: the plan is revised every quarter."),
                 references=(__import__("integrules").LegalRef("minkommune kommunestyre, vedtak i sak 7/25", kind="lokal"),),
                 valid_from=dt.date(2025, 1, 1), regime="integreringsloven", responsible=(Unit.FT,))
    def kvartal(ctx):
        plan = ctx.need(ctx.p.integreringsplan, "integreringsplan")
        revisions = ctx.need(plan.revisions, "integreringsplan.revisions")
        return met("Revidert.", "Revised.") if revisions else not_met("Ikke revidert.", "Not revised.")

    class Minkommune:
        PLUGIN_NAME = "minkommune"

        @staticmethod
        @hookimpl
        def integrules_register_requirements(register):
            register.override(kvartal)

    names = [n for n, _ in _compatible_installed(Minkommune(), None)]
    assert "integreringsloven" in names and "eksempelkommune" not in names
    integrules_conformance(Minkommune(), max_examples=10, subprocess=False)
