"""The documented exit codes (docs/cli.md, docs/reliability.md): 0 all met (nothing not met),
1 findings not met, 2 usage error, 3 input rejected, 4 plugin fault; the highest applicable wins
in the order 4 > 3 > 1."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from integrules.cli import EXIT_NOT_MET, EXIT_OK, EXIT_PLUGIN_FAULT, EXIT_REJECTED, EXIT_USAGE, main

from test_faults import BROKEN_IMPORT, FAULTY

# One requirement: met when the participant has a settlement date, not met when it has none.
SIMPLE = """
import datetime as dt
from integrules import LegalRef, Regime, RegimeDecision, Text, Unit, hookimpl, met, not_met, requirement

REF = LegalRef("testloven", "§ 1", url="https://example.org/testloven")

@requirement(id="simple.bosatt", title=Text("Bosatt", "Settled"), description=Text("Bosatt", "Settled"),
             references=(REF,), valid_from=dt.date(2000, 1, 1), regime="simple", responsible=(Unit.FT,))
def bosatt(ctx):
    return met("ja", "yes") if ctx.p.settlement_date else not_met("nei", "no")

@hookimpl
def integrules_register_regimes(register):
    register.regime(Regime(id="simple", title=Text("Enkel", "Simple"), references=(REF,)))

@hookimpl
def integrules_register_requirements(register):
    register.requirement(bosatt)

@hookimpl
def integrules_decide_regime(participant, as_of, settings):
    return RegimeDecision(regime="simple", reason=Text("enkel", "simple"), plugin="simple")
"""

# A second plugin registering the same requirement id: a start-up conflict.
CONFLICT = SIMPLE.replace("register.regime(Regime(id=\"simple\"", "pass  # register.regime(Regime(id=\"simple\"")


def case(tmp_path, *participants) -> str:
    f = tmp_path / "case.json"
    f.write_text(json.dumps({"as_of": "2024-06-01", "participants": list(participants)}))
    return str(f)


MET = {"id": "A", "settlement_date": "2023-01-01"}
NOT_MET = {"id": "B"}
BAD = {"id": "C", "birth_date": "not a date"}


@pytest.fixture
def simple(installed):
    installed(simple=SIMPLE)


def code_of(capsys, *argv) -> int:
    code = main(list(argv))
    capsys.readouterr()
    return code


def test_0_when_nothing_is_not_met(simple, tmp_path, capsys):
    assert code_of(capsys, "check", case(tmp_path, MET)) == EXIT_OK == 0


def test_1_when_a_finding_is_not_met(simple, tmp_path, capsys):
    assert code_of(capsys, "check", case(tmp_path, MET, NOT_MET)) == EXIT_NOT_MET == 1


@pytest.mark.parametrize("argv", [
    ["check"],
    ["check", "--example", "x.json"],
    ["check", "--example", "--setting", "novalue"],
    ["check", "--example", "--setting", "no.such.setting=1"],
    ["check", "--example", "--pseudonymise"],
])
def test_2_on_a_usage_error(simple, capsys, monkeypatch, argv):
    monkeypatch.delenv("INTEGRULES_PSEUDONYM_KEY", raising=False)
    assert code_of(capsys, *argv) == EXIT_USAGE == 2


def test_2_on_an_argparse_error():
    proc = subprocess.run([sys.executable, "-m", "integrules.cli", "check", "--as-of", "31.02.2024", "--example"],
                          capture_output=True, text=True)
    assert proc.returncode == 2 and "is not a date that exists" in proc.stderr and "Traceback" not in proc.stderr


def test_3_when_a_record_or_the_file_is_rejected(simple, tmp_path, capsys):
    assert code_of(capsys, "check", case(tmp_path, MET, BAD)) == EXIT_REJECTED == 3
    assert code_of(capsys, "check", case(tmp_path, NOT_MET, BAD)) == 3  # a rejection outranks not met
    bad = tmp_path / "bad.json"
    bad.write_text('{"participants": [')
    assert code_of(capsys, "check", str(bad)) == 3
    assert code_of(capsys, "check", str(tmp_path / "missing.json")) == 3
    bad.write_bytes('{"participants": []}'.encode("utf-16"))
    assert code_of(capsys, "check", str(bad)) == 3


def test_4_on_a_plugin_fault(installed, tmp_path, capsys):
    installed(simple=SIMPLE, faultyplug=FAULTY.replace('regime="faulty"', 'regime="simple"')
              .replace("register.regime(Regime(id=\"faulty\"", "pass  # "))
    # A fault outranks a rejection and a not-met finding.
    assert code_of(capsys, "check", case(tmp_path, NOT_MET, BAD)) == EXIT_PLUGIN_FAULT == 4


def test_4_on_a_start_up_conflict(installed, tmp_path, capsys):
    installed(simple=SIMPLE, conflict=CONFLICT)
    code = main(["check", case(tmp_path, MET)])
    err = capsys.readouterr().err
    assert code == 4 and "'simple.bosatt' is registered twice" in err


def test_4_with_strict_on_a_plugin_that_fails_to_load(installed, tmp_path, capsys):
    installed(simple=SIMPLE, brokenimport=BROKEN_IMPORT)
    assert code_of(capsys, "check", case(tmp_path, MET)) == 0  # a warning only
    assert code_of(capsys, "check", case(tmp_path, MET), "--strict") == 4
    assert code_of(capsys, "report", case(tmp_path, MET), "--strict") == 4
    assert code_of(capsys, "plugins") == 4
