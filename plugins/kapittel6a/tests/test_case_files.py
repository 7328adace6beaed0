"""This plugin's case files (tests/cases/*.json, docs/tests-as-data.md) in its own pytest suite, one test per file;
every finding must also cite what its requirement declares in citations.json."""

from pathlib import Path

from integrules.testing.cases import case_file_test

HERE = Path(__file__).parent
test_case_file = case_file_test(HERE / "cases", citations=HERE / "citations.json")
