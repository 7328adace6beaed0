"""Shared fixtures: engines with a stand-in regime (the integreringsloven plugin is built elsewhere)."""

from __future__ import annotations

import os
import sys

import pytest

import integrules_norskmal as nm
from integrules import Engine, Regime, Text, hookimpl
from integrules.testing import stub_regime
from integrules.testing.helpers import STUB_REF

sys.path.insert(0, os.path.dirname(__file__))  # for norskmal_testhelpers


class OtherRegimes:
    """Declares the regimes the stand-in 6A and old-law engines need besides the one they decide."""

    PLUGIN_NAME = "other_regimes"

    def __init__(self, *ids: str) -> None:
        self.ids = ids

    @hookimpl
    def integrules_register_regimes(self, register):
        for regime_id in self.ids:
            register.regime(Regime(id=regime_id, title=Text(regime_id, regime_id), references=(STUB_REF,)))


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine(entry_points=False, plugins=[stub_regime("integreringsloven"), nm])


@pytest.fixture(scope="session")
def engine_free() -> Engine:
    """The one-level rule switched off."""
    return Engine(entry_points=False, plugins=[stub_regime("integreringsloven"), nm],
                  settings={nm.ONE_LEVEL: False})


@pytest.fixture(scope="session")
def engine_6a() -> Engine:
    return Engine(entry_points=False, plugins=[OtherRegimes("integreringsloven"),
                                               stub_regime("kapittel_6a", base="integreringsloven"), nm])
