"""An opt-in pytest plugin for integrules plugin authors.

Turn it on in your ``conftest.py`` (or a test module)::

    pytest_plugins = ["integrules.testing.pytest_plugin"]

Fixtures:

``integrules_engine``
    a fresh :class:`~integrules.Engine` holding the built-ins only (no installed plugin).
``make_engine``
    a factory: ``make_engine(plugin, other, entry_points=False, settings=None)`` builds a fresh
    engine with exactly those plugins.
``registered``
    a context manager: ``with registered(plugin) as engine:`` gives an engine with the installed
    plugins plus ``plugin`` (replacing an installed copy of it). Engines are immutable once built,
    so "unregistering" is leaving the block: nothing outlives it, even when the block fails.

Helpers, importable from ``integrules.testing``: :func:`assert_outcome`,
:func:`assert_outcomes`, :func:`stub_regime`, :func:`integrules_conformance` (the one-line
conformance test) and :func:`assert_case_file` (tests as data).
"""

from __future__ import annotations

import contextlib
from typing import Any, Iterator

import pytest

from ..engine import Engine, plugin_name_of
from .conformance import engine_for, installed_plugins, integrules_conformance
from .cases import assert_case_file
from .helpers import assert_outcome, assert_outcomes, stub_regime

__all__ = ["assert_case_file", "assert_outcome", "assert_outcomes", "integrules_conformance", "stub_regime"]


@pytest.fixture
def integrules_engine() -> Engine:
    """A fresh engine with the built-in plugin only: no installed plugin is loaded."""
    return Engine(entry_points=False)


@pytest.fixture
def make_engine():
    """A factory for fresh engines with exactly the plugins given (no installed ones unless asked)."""

    def make(*plugins: Any, entry_points: bool = False, settings: dict | None = None) -> Engine:
        return Engine(entry_points=entry_points, plugins=plugins, settings=settings)

    return make


@contextlib.contextmanager
def registered_plugin(plugin: Any, *, others: Any = None, settings: dict | None = None) -> Iterator[Engine]:
    """An engine with ``plugin`` registered, for the duration of a ``with`` block.

    ``others`` defaults to every other installed plugin (an installed copy of ``plugin`` itself is
    left out, so the version under test is the one judged).
    """
    engine = engine_for(plugin, others=others, settings=settings)
    try:
        yield engine
    finally:
        engine.pm.unregister(name=plugin_name_of(plugin))


@pytest.fixture
def registered():
    """``with registered(plugin) as engine: ...``: see :func:`registered_plugin`."""
    return registered_plugin


__all__ += ["installed_plugins", "registered_plugin"]
