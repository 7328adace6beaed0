from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # the stand-in plugin and the shared builders

from integrules import Engine  # noqa: E402
import integrules_kapittel6a  # noqa: E402
import k6a_standin as standin  # noqa: E402


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine(entry_points=False, plugins=[standin, integrules_kapittel6a])


@pytest.fixture(scope="session")
def real_engine() -> Engine:
    """With the real ordinary plugin: from 01.01.2026 (§ 37 c as amended) the replacements run its rules, which read
    its settings and facts (the stand-in registers neither)."""
    import integrules_integreringsloven

    return Engine(entry_points=False, plugins=[integrules_integreringsloven, integrules_kapittel6a])


@pytest.fixture(scope="session")
def make_engine():
    cache: dict = {}

    def make(**settings) -> Engine:
        key = tuple(sorted(settings.items()))
        if key not in cache:
            cache[key] = Engine(entry_points=False, plugins=[standin, integrules_kapittel6a], settings=settings)
        return cache[key]
    return make
