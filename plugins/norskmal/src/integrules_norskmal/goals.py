"""The goal in force on a date, and test results against it. No requirement here: plain functions.

Order of the registered goal changes: by date; on the same date a ``fastsetting`` comes before an
``endring``, and otherwise the order of the list. The first change is the goal as set; every later
one changes it. A sub-test level left ``null`` in a change is *unknown* (not "unchanged"): write all
four levels in every change, repeating those that stay the same.
"""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from integrules import Level, Missing, Subtest
from integrules.model import GoalChange, GoalChangeKind, Participant, SubtestLevels


@attrs.frozen
class Step:
    """One registered goal change and its position in ``participant.norskmal`` (for fact paths)."""

    index: int
    change: GoalChange

    @property
    def path(self) -> str:
        return f"norskmal[{self.index}]"

    def level_path(self, subtest: Subtest) -> str:
        return f"{self.path}.levels.{subtest.value}"


def ordered_steps(participant: Participant, until: dt.date | None = None) -> list[Step]:
    """The registered goal changes in order, those dated on or before ``until`` if given.

    :raises Missing: naming ``norskmal`` when the list is unknown (None); ``()`` is known empty.
    """
    if participant.norskmal is None:
        raise Missing("norskmal")
    steps = [Step(i, c) for i, c in enumerate(participant.norskmal)]
    steps.sort(key=lambda s: (s.change.date, s.change.kind is not GoalChangeKind.FASTSETTING, s.index))
    if until is not None:
        steps = [s for s in steps if s.change.date <= until]
    return steps


def step_in_force(participant: Participant, on: dt.date) -> Step | None:
    """The last goal change on or before ``on`` (None when no goal had been set by then)."""
    steps = ordered_steps(participant, on)
    return steps[-1] if steps else None


def goal_in_force(participant: Participant, as_of: dt.date) -> SubtestLevels | None:
    """The Norwegian goal in force on ``as_of``: the levels of the last change on or before it.

    None when no goal had been set by ``as_of``; a sub-test whose level the change left ``null`` is
    None (unknown). Raises :class:`~integrules.Missing` (``norskmal``) when the list is unknown.
    This is the function integrules' report calls for its Norwegian section.
    """
    step = step_in_force(participant, as_of)
    return step.change.levels if step is not None else None


class Status(enum.Enum):
    """A sub-test's test results against the goal (the values the report counts)."""

    REACHED = "reached"  # a result reached the goal in force on its date
    NOT_YET = "not_yet"  # results, none reaching the goal in force on its date
    NO_RESULT = "no_result"  # no result by the date
    GOAL_UNKNOWN = "goal_unknown"  # results, but the goal to compare some of them with is unknown or not set
    RESULTS_UNKNOWN = "results_unknown"  # test results not registered (None): unknown, not "none"

    def __str__(self) -> str:
        return self.value


@attrs.frozen
class ResultCheck:
    """One test result compared with the goal in force on the result's date."""

    index: int  # position in participant.test_results
    date: dt.date
    subtest: Subtest
    level: Level | None  # None: «ikke nok grunnlag for vurdering»
    goal: Level | None  # the goal in force for the sub-test on the result's date; None unknown or not set
    goal_set: bool  # whether any goal had been set by the result's date
    status: Status  # REACHED, NOT_YET or GOAL_UNKNOWN


def _status(level: Level | None, goal: Level | None) -> Status:
    """One result against the goal in force on its date: «ikke nok grunnlag» (level None) does not reach it."""
    if goal is None:
        return Status.GOAL_UNKNOWN
    return Status.REACHED if level is not None and level >= goal else Status.NOT_YET


def results_against_goal(participant: Participant, as_of: dt.date) -> list[ResultCheck]:
    """Every test result dated on or before ``as_of``, compared with the goal in force on its date.

    A result reaches the goal when its level is at or above it; «ikke nok grunnlag for vurdering»
    (level None) does not. Sorted by date, then sub-test order, then list position.
    :raises Missing: naming ``test_results`` when the results are unknown (None).
    """
    if participant.test_results is None:
        raise Missing("test_results")
    steps = ordered_steps(participant, as_of) if participant.norskmal is not None else None
    out = []
    for i, r in enumerate(participant.test_results):
        if r.date > as_of:
            continue  # not taken yet at as_of
        in_force = None
        if steps is not None:
            earlier = [s for s in steps if s.change.date <= r.date]
            in_force = earlier[-1] if earlier else None
        goal = in_force.change.levels.get(r.subtest) if in_force is not None else None
        status = _status(r.level, goal)
        out.append(ResultCheck(i, r.date, r.subtest, r.level, goal, in_force is not None, status))
    order = list(Subtest)
    out.sort(key=lambda c: (c.date, order.index(c.subtest), c.index))
    return out


def goal_status(participant: Participant, as_of: dt.date) -> dict[Subtest, Status]:
    """Per sub-test: reached, not yet reached, no result, goal unknown, or results unknown.

    ``reached`` when any result by ``as_of`` reached the goal in force on that result's date (a goal
    once reached stays reached, as the certificate shows the best result); else ``goal_unknown`` when
    some result could not be compared (no goal set by its date, or its level unknown); else
    ``not_yet`` when there are results; else ``no_result``. ``results_unknown`` for every sub-test
    when ``test_results`` is None. Never raises: meant for reports.

    The statuses of :func:`results_against_goal`, summed up per sub-test, without building its
    checks: the report calls this for every participant (tests/test_goals.py compares the two).
    """
    results = participant.test_results
    if results is None:
        return dict.fromkeys(Subtest, Status.RESULTS_UNKNOWN)
    changes = participant.norskmal
    # The changes in force by as_of, in the order of ordered_steps (the index breaks every tie).
    steps = [] if changes is None else sorted(
        (c.date, c.kind is not GoalChangeKind.FASTSETTING, i, c.levels) for i, c in enumerate(changes) if c.date <= as_of)
    best: dict[Subtest, Status] = {}
    for r in results:
        if r.date > as_of:
            continue  # not taken yet at as_of
        levels = None
        for step in steps:  # the last change on or before the result's date
            if step[0] > r.date:
                break
            levels = step[3]
        status = _status(r.level, levels.get(r.subtest) if levels is not None else None)
        if _WEIGHT[status] > _WEIGHT.get(best.get(r.subtest), 0):
            best[r.subtest] = status
    return {sub: best.get(sub, Status.NO_RESULT) for sub in Subtest}


_WEIGHT = {Status.NOT_YET: 1, Status.GOAL_UNKNOWN: 2, Status.REACHED: 3}  # which status of a sub-test's results wins


def compute_goal_in_force(participant: Participant, as_of: dt.date, ctx=None) -> SubtestLevels | None:
    """The default ``compute`` of the derived fact ``norskmal.mal_i_kraft``."""
    return goal_in_force(participant, as_of)


def compute_goal_status(participant: Participant, as_of: dt.date, ctx=None) -> dict[Subtest, Status]:
    """The default ``compute`` of the derived fact ``norskmal.maloppnaelse``."""
    return goal_status(participant, as_of)
