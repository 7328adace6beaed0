"""Tests as data: every case file of the core (tests/cases/) runs in the normal suite, one test per file. Each
plugin's pytest suite runs its own (plugins/*/tests/test_case_files.py, with integrules.testing.cases.case_file_test),
so the full suite runs every file once."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from integrules.cli import main
from integrules.testing.cases import CaseFileError, assert_case_file, load_case_file, parse_case_document

ROOT = Path(__file__).resolve().parent.parent
CASE_FILES = sorted(ROOT.glob("tests/cases/*.json"))


def _needs(path: Path) -> list[str]:
    """Plugins a case file names that are not importable here (a plugin not installed yet)."""
    from integrules.testing.cases import resolve_plugin

    missing = []
    for spec in load_case_file(path).plugins or ():
        try:
            resolve_plugin(spec)
        except (CaseFileError, ImportError):
            missing.append(spec)
    return missing


@pytest.mark.parametrize("path", CASE_FILES, ids=[str(p.relative_to(ROOT)) for p in CASE_FILES])
def test_case_file(path):
    missing = _needs(path)
    if missing:
        pytest.skip(f"plugin(s) not installed: {', '.join(missing)}")
    assert_case_file(path)


def test_core_has_case_files():
    assert any(p.parent == ROOT / "tests" / "cases" for p in CASE_FILES)


def test_each_plugin_suite_runs_its_own_case_files():
    """The plugins' files are not run here a second time: each plugin with case files has the one-line test."""
    for folder in sorted(ROOT.glob("plugins/*/tests/cases")):
        test = folder.parent / "test_case_files.py"
        assert test.is_file() and "case_file_test(" in test.read_text(encoding="utf-8"), f"{folder.parent}: no {test.name}"


def test_cli_reports_each_difference_and_fails(tmp_path, capsys, monkeypatch):
    doc = json.loads((ROOT / "tests/cases/fake-base.json").read_text(encoding="utf-8"))
    doc["cases"][0]["expect"] = {"test.kontrakt": {"outcome": "met", "due": "2024-04-11"}, "test.nosuch": "met"}
    doc["cases"][1]["expect"] = {"test.kontrakt": "met"}
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    code = main(["test", str(bad)])
    out = capsys.readouterr().out
    assert code == 1
    assert "due 2024-04-10, expected 2024-04-11" in out
    assert "test.nosuch: expected met, but no such requirement is in force" in out
    assert "test.kontrakt: expected met, got pending" in out
    assert "7 av/of 9 saker/cases passed" in out


def test_not_in_force_checklist_and_boundary(tmp_path, capsys):
    """``not_in_force`` passes only when the requirement is absent at as_of; checklist and boundary are kept."""
    doc = json.loads((ROOT / "tests/cases/fake-base.json").read_text(encoding="utf-8"))
    doc["checklist"] = ["R7"]
    doc["cases"] = [dict(doc["cases"][0], boundary="2024-05-01", expect={"test.nosuch": "not_in_force"}),
                    dict(doc["cases"][0], expect={"test.kontrakt": "not_in_force"})]
    path = tmp_path / "nif.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    loaded = load_case_file(path)
    assert loaded.checklist == ("R7",)
    assert str(loaded.cases[0].boundary) == "2024-05-01" and loaded.cases[1].boundary is None
    assert main(["test", str(path)]) == 1
    out = capsys.readouterr().out
    assert "test.kontrakt: expected not in force at" in out and "1 av/of 2" in out
    with pytest.raises(CaseFileError, match=r"checklist"):
        parse_case_document({"checklist": "R7", "cases": doc["cases"]}, "x.json")
    with pytest.raises(CaseFileError, match=r"cases\[0\]\.boundary"):
        parse_case_document({"cases": [dict(doc["cases"][0], boundary="31.02.2024")]}, "x.json")


def test_cli_passes_on_the_core_cases(capsys):
    assert main(["test", *map(str, sorted(ROOT.glob("tests/cases/*.json")))]) == 0
    assert "passed" in capsys.readouterr().out


def test_cli_json_output(capsys):
    assert main(["test", "--format", "json", str(ROOT / "tests/cases/fake-settings.json")]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc == {"cases": 1, "passed": 1, "failures": [], "errors": []}


@pytest.mark.parametrize("document, message", [
    ({"cases": []}, "cases: expected a non-empty list"),
    ({"cases": [{"as_of": "2024-01-01", "participant": {"id": "A"}}]}, "cases[0].expect: required"),
    ({"cases": [{"as_of": "31.02.2024", "participant": {"id": "A"}, "expect": {"a.b": "met"}}]}, "cases[0].as_of"),
    ({"cases": [{"as_of": "2024-01-01", "participant": {"id": "A"}, "expect": {"a.b": "done"}}]},
     "cases[0].expect.a.b.outcome: 'done' is not one of"),
    ({"cases": [{"as_of": "2024-01-01", "participant": {"id": "A", "education": "master"}, "expect": {"a.b": "met"}}]},
     "cases[0].participant.education"),
    ({"case": []}, "unknown key(s) case"),
])
def test_broken_case_files_are_refused_with_the_place(document, message):
    with pytest.raises(CaseFileError) as info:
        parse_case_document(document, "x.json")
    assert message in str(info.value)


def test_a_bad_file_does_not_stop_the_others(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    code = main(["test", str(bad), str(ROOT / "tests/cases/fake-settings.json")])
    captured = capsys.readouterr()
    assert code == 3 and "not valid JSON" in captured.err and "1 av/of 1" in captured.out


def test_command_line_entry_point():
    out = subprocess.run([sys.executable, "-m", "integrules", "test", "--help"], capture_output=True, text=True)
    assert out.returncode == 0 and "CASES" in out.stdout


from hypothesis import given, settings as hsettings  # noqa: E402

from integrules.testing import strategies as irs  # noqa: E402


@hsettings(max_examples=30, deadline=None)
@given(irs.test_case_documents())
def test_generated_case_documents_parse(document):
    case_file = parse_case_document(document, "gen.json")
    assert len(case_file.cases) == len(document["cases"])


@hsettings(max_examples=30, deadline=None)
@given(irs.broken_test_case_documents())
def test_broken_case_documents_are_refused_with_a_message(document):
    with pytest.raises(CaseFileError) as info:
        parse_case_document(document, "gen.json")
    assert str(info.value).startswith("gen.json")


def test_the_docs_command_runs_from_a_source_tree(tmp_path, monkeypatch):
    """docs/tests-as-data.md's command: a case file naming a helper plugin kept beside the suite
    (tests/fakeplugins.py) runs without PYTHONPATH, from any folder."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "path", [p for p in sys.path if Path(p).resolve() != ROOT / "tests"])
    monkeypatch.delitem(sys.modules, "fakeplugins", raising=False)
    assert main(["test", *map(str, sorted(ROOT.glob("tests/cases/*.json")))]) == 0
