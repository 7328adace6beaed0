"""Norwegian test results per sub-test against the Norwegian goal in force.

The goal in force comes from the norskmal plugin (package ``integrules_norskmal``) when it is
installed: its public function ``goal_in_force(participant, as_of)`` returning a
:class:`~integrules.model.SubtestLevels` (or None when unknown). When the plugin is not
installed, the report says so and falls back to the goal as registered (the latest
fastsetting/endring dated on or before the report date), which is not checked against the
guiding minimum levels.

Per sub-test each participant in Norwegian training counts once, as one of ``reached``,
``not_yet``, ``no_result``, ``goal_unknown`` or ``results_unknown``; they add up to
``participants``. With the plugin installed its ``goal_status`` decides: each result is compared
with the goal in force on the result's own date (issue 4), and a goal once reached stays reached.
Without it, the latest result on or before the report date is compared with the registered goal.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections import Counter
from importlib import metadata
from typing import Any, Callable

from ..levels import Level, Subtest
from ..model import Participant, SubtestLevels

STATUSES = ("reached", "not_yet", "no_result", "goal_unknown", "results_unknown")
STATUS_LABELS = {
    "reached": ("nådd", "reached"),
    "not_yet": ("ikke nådd ennå", "not yet"),
    "no_result": ("ikke testet", "no result"),
    "goal_unknown": ("mål ukjent", "goal unknown"),
    "results_unknown": ("resultater ukjent", "results unknown"),
}


def registered_goal(p: Participant, as_of: dt.date) -> SubtestLevels | None:
    """The latest norskmål set or changed on or before ``as_of``, as registered."""
    changes = [c for c in (p.norskmal or ()) if c.date <= as_of]
    if not changes:
        return None
    return max(changes, key=lambda c: (c.date, c.kind.value != "fastsetting")).levels


class NorskmalSource:
    """Where the goal in force comes from: the plugin's public API, or the registered goal."""

    def __init__(self, goal: Callable[[Participant, dt.date], SubtestLevels | None], plugin: str | None,
                 version: str | None, status: Callable[[Participant, dt.date], dict] | None = None) -> None:
        self.goal = goal
        self.status = status  # the plugin's goal_status: each result against the goal in force on its date
        self.plugin = plugin
        self.version = version

    @property
    def installed(self) -> bool:
        return self.plugin is not None

    def describe(self) -> dict[str, Any]:
        if self.installed:
            return {"plugin": self.plugin, "version": self.version, "installed": True,
                    "goal_source": "integrules_norskmal.goal_in_force"}
        return {"plugin": None, "version": None, "installed": False,
                "goal_source": "registered norskmål (latest fastsetting/endring on or before the date); "
                               "norskmal plugin not installed"}


def load_source(disabled: bool = False) -> NorskmalSource:
    """The norskmal plugin's ``goal_in_force`` when installed (and not disabled), else the fallback."""
    if not disabled:
        try:
            module = importlib.import_module("integrules_norskmal")
        except ImportError:
            module = None
        fn = getattr(module, "goal_in_force", None) if module is not None else None
        if callable(fn):
            try:
                version = metadata.version("integrules-norskmal")
            except metadata.PackageNotFoundError:
                version = None
            status = getattr(module, "goal_status", None)
            return NorskmalSource(_safe(fn), "norskmal", version, status if callable(status) else None)
    return NorskmalSource(registered_goal, None, None)


def _safe(fn: Callable) -> Callable[[Participant, dt.date], SubtestLevels | None]:
    from ..context import Missing

    def goal(p: Participant, as_of: dt.date) -> SubtestLevels | None:
        try:
            value = fn(p, as_of)
        except Missing:
            return None
        return value if isinstance(value, SubtestLevels) else None
    return goal


class NorwegianTally:
    def __init__(self, as_of: dt.date, source: NorskmalSource | None) -> None:
        self.as_of = as_of
        self.source = source or load_source()
        self.participants = 0
        self.by_subtest: dict[str, Counter] = {s.value: Counter() for s in Subtest}
        self.levels: dict[str, Counter] = {s.value: Counter() for s in Subtest}  # latest result levels

    def add(self, p: Participant, regime: str) -> None:
        if p.opplaering is None and not p.norskmal and not p.test_results:
            return  # not in Norwegian training as far as the file says
        self.participants += 1
        plugin_status = self.source.status(p, self.as_of) if self.source.status else None
        # With the plugin's status the goal is not read (the status compares each result with it).
        goal = self.source.goal(p, self.as_of) if plugin_status is None else None
        latest: dict[Subtest, Any] = {}
        for r in sorted(p.test_results or (), key=lambda r: r.date):
            if r.date <= self.as_of:
                latest[r.subtest] = r
        for sub in Subtest:
            target: Level | None = goal.get(sub) if goal is not None else None
            result = latest.get(sub)
            if result is not None:
                self.levels[sub.value][result.level.value if result.level else "ikke nok grunnlag"] += 1
            if plugin_status is not None:
                status = str(getattr(plugin_status.get(sub), "value", plugin_status.get(sub)))
            elif target is None:
                status = "goal_unknown"
            elif result is None:
                status = "no_result"
            elif result.level is not None and result.level >= target:
                status = "reached"
            else:
                status = "not_yet"
            self.by_subtest[sub.value][status] += 1

    def partial(self) -> dict[str, Any]:
        """The counts as plain data, for :meth:`merge` (see Accumulator.partial)."""
        return {"participants": self.participants, "by_subtest": self.by_subtest, "levels": self.levels}

    def merge(self, part: dict[str, Any]) -> None:
        self.participants += part["participants"]
        for sub, counts in part["by_subtest"].items():
            self.by_subtest.setdefault(sub, Counter()).update(counts)
        for sub, counts in part["levels"].items():
            self.levels.setdefault(sub, Counter()).update(counts)

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source.describe(),
            "participants": self.participants,
            "subtests": [{"subtest": s.value, "label": {"nb": s.label[0], "en": s.label[1]},
                          **{k: self.by_subtest[s.value].get(k, 0) for k in STATUSES},
                          "latest_levels": dict(sorted(self.levels[s.value].items()))} for s in Subtest],
        }
