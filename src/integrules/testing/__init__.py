"""Testing aids for plugin authors.

- ``integrules.testing.strategies``: hypothesis strategies for every domain type, and the ones
  that reach the rules: ``complete_participants``, ``dates_near``, ``as_of_dates``, ``knock_out``;
- :func:`integrules_conformance` / :func:`check_plugin`: the conformance check (what it checks:
  docs/testing.md); ``pytest --hypothesis-profile=integrules-thorough`` runs it longer;
- :func:`assert_outcome`, :func:`assert_outcomes`: assertion helpers with readable differences;
- :func:`stub_regime`: a stand-in regime for unit-testing rules in isolation;
- :func:`assert_case_file`, :func:`run_case_file`: tests as data (docs/tests-as-data.md);
- ``integrules.testing.pytest_plugin``: fixtures, opt in with
  ``pytest_plugins = ["integrules.testing.pytest_plugin"]``.

Importing this package does not import hypothesis or pytest; the functions that need them do.
"""

from .cases import assert_case_file, run_case_file
from .conformance import check_plugin, integrules_conformance
from .helpers import assert_outcome, assert_outcomes, stub_regime

__all__ = ["assert_case_file", "assert_outcome", "assert_outcomes", "check_plugin", "integrules_conformance",
           "run_case_file", "stub_regime"]
