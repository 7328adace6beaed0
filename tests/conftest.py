"""Shared pytest hooks and fixtures: fuzz case counts at the end of every run; plugins installed per test."""

from __future__ import annotations

import sys
import textwrap
from importlib import metadata

import pytest


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    import fuzzcounts

    if fuzzcounts.CASES:
        terminalreporter.section("fuzz cases tried (tests/test_fuzz.py)")
        for line in fuzzcounts.lines():
            terminalreporter.write_line(line)


@pytest.fixture
def installed(tmp_path, monkeypatch):
    """Install plugins on the entry-point group for one test: ``installed(name=module_source, ...)``.

    A ``*.dist-info`` directory in tmp_path on sys.path (no pip, nothing left behind); plugins
    otherwise installed in the environment are disabled for the test, so only these count.
    """

    def install(**modules: str) -> None:
        dist = tmp_path / "integrules_testfaults-0.1.dist-info"
        dist.mkdir()
        (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: integrules-testfaults\nVersion: 0.1\n")
        (dist / "entry_points.txt").write_text(
            "[integrules]\n" + "".join(f"{name} = integrules_{name}\n" for name in modules))
        for name, source in modules.items():
            (tmp_path / f"integrules_{name}.py").write_text(textwrap.dedent(source))
            monkeypatch.delitem(sys.modules, f"integrules_{name}", raising=False)
        monkeypatch.syspath_prepend(str(tmp_path))
        # Other plugins installed in this environment are left out, so that only these count.
        others = [ep.name for ep in metadata.entry_points(group="integrules") if ep.name not in modules]
        monkeypatch.setenv("INTEGRULES_DISABLE_PLUGINS", ",".join(others))
        monkeypatch.delenv("INTEGRULES_DISABLE_PLUGIN_AUTOLOAD", raising=False)

    return install
