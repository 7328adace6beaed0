"""This plugin's case files (tests/cases/*.json, docs/tests-as-data.md) in its own pytest suite, one test per file."""

from pathlib import Path

from integrules.testing.cases import case_file_test

test_case_file = case_file_test(Path(__file__).parent / "cases")
