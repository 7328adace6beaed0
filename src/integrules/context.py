"""The view a rule has of one participant at one date."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Callable, Hashable, Mapping, TypeVar

from .dates import format_date
from .findings import Evaluation, Text, met, not_met, pending, unknown
from .rules import RegimeDecision, Requirement

if TYPE_CHECKING:
    from .model import Event, Participant
    from .registry import Registry

T = TypeVar("T")


class Missing(Exception):
    """Raised inside a rule (usually by :meth:`Context.need`) when facts are unknown.

    The engine turns it into an ``unknown`` finding that names the missing facts.
    """

    def __init__(self, *paths: str) -> None:
        super().__init__(", ".join(paths))
        self.paths = paths


_NOT_COMPUTED = object()


class _Unknown:
    """A kept Missing: the paths it named, raised again as a new Missing on every call."""

    __slots__ = ("paths",)

    def __init__(self, paths: tuple[str, ...]) -> None:
        self.paths = paths


class Context:
    """Everything a rule may look at: the participant, the as-of date, the regime and settings.

    There is no clock here: "today" is ``as_of``, always. Facts dated after ``as_of`` had not
    happened yet at ``as_of``, and the helpers treat them so.
    """

    # ``p`` is a plain slot (not a property): rules read it many times per participant.
    __slots__ = ("participant", "p", "as_of", "regime", "_settings", "_registry", "_derived", "_facts")

    def __init__(
        self,
        participant: Participant,
        as_of: dt.date,
        regime: RegimeDecision,
        settings: Mapping[str, Any],
        registry: Registry,
    ) -> None:
        self.participant = participant
        self.p = participant  # short alias for the participant
        self.as_of = as_of
        self.regime = regime
        self._settings = settings
        self._registry = registry
        self._derived = registry.derived_facts
        self._facts: dict[Hashable, Any] = {}

    def setting(self, name: str) -> Any:
        """The value of a declared setting (the user's choice, else its documented default)."""
        return self._settings[name]

    def fact(self, name: str) -> Any:
        """A derived fact by name, computed once per participant; raises Missing if unknown."""
        value = self._facts.get(name, _NOT_COMPUTED)  # the hit inline: rules ask for facts dozens of times
        if value is _NOT_COMPUTED:
            return self._once(name, self._derived[name].compute, self.participant, self.as_of, self)
        if isinstance(value, _Unknown):
            raise Missing(*value.paths)
        return value

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()`` once per participant evaluation, kept under ``key`` beside the derived facts.

        For a plugin's own intermediate results that several rules ask for (the key should start
        with the plugin's name; use a tuple, which no fact name is). Missing is kept and raised
        again on every call, as :meth:`fact` does.
        """
        return self._once(key, compute)

    def _once(self, key: Hashable, compute: Callable[..., T], *args: Any) -> T:
        """``compute(*args)`` the first time ``key`` is asked for; the value (or the Missing) after that."""
        value = self._facts.get(key, _NOT_COMPUTED)
        if value is _NOT_COMPUTED:
            try:
                value = compute(*args)
            except Missing as exc:
                # Keep the paths, not the exception: its traceback holds the frames, which hold this
                # context, a reference cycle per participant that only the garbage collector frees.
                value = _Unknown(exc.paths)
            self._facts[key] = value
        if isinstance(value, _Unknown):
            raise Missing(*value.paths)
        return value

    def has_fact(self, name: str) -> bool:
        return name in self._derived

    def requirement(self, requirement_id: str) -> Requirement | None:
        """The requirement registered under ``requirement_id`` that is in force on the as-of date, as the
        registry resolved it (a municipality's override included), or None when no version is in force
        or no plugin registered the id.

        For a rule that applies another plugin's requirement (chapter 6A judging a participant by an
        ordinary rule it no longer sets aside): plugins reach each other through the registry, never by
        importing each other's modules, so an override of that requirement is honoured there too.
        """
        for req in self._registry.requirements.get(requirement_id, ()):
            if req.in_force(self.as_of):
                return req
        return None

    @staticmethod
    def need(value: T | None, path: str) -> T:
        """Return ``value``, or stop the rule as unknown naming ``path`` when it is None."""
        if value is None:
            raise Missing(path)
        return value

    def happened(self, day: dt.date | None) -> bool:
        """True if a dated fact had happened by the as-of date."""
        return day is not None and day <= self.as_of

    def deadline(self, event: Event | None, path: str, due: dt.date, what: Text) -> Evaluation:
        """The standard "done by the deadline" judgement for an :class:`~integrules.model.Event`.

        Unknown when the event, whether it was done, or its date is not registered; pending
        when not done by the as-of date and the deadline (inclusive) has not passed; not met
        when the deadline passed without it, or it was done late; met otherwise.
        """
        if event is None:
            return unknown([path], due=due)
        if event.done is None:
            return unknown([f"{path}.done"], due=due)
        if event.done:
            if event.date is None:
                return unknown([f"{path}.date"], due=due)
            if event.date <= self.as_of:
                if event.date <= due:
                    done, until = format_date(event.date), format_date(due)
                    return met(f"{what.nb}: utført {done}, frist {until}.",
                               f"{what.en}: done {done}, due {until}.", due=due)
                late = (event.date - due).days
                done, until = format_date(event.date), format_date(due)
                return not_met(f"{what.nb}: utført {done}, {late} dager etter fristen {until}.",
                               f"{what.en}: done {done}, {late} days after the deadline {until}.",
                               due=due)
        if self.as_of <= due:
            until = format_date(due)
            return pending(f"{what.nb}: ikke utført ennå, frist {until}.",
                           f"{what.en}: not done yet, due {until}.", due=due)
        until = format_date(due)
        return not_met(f"{what.nb}: ikke utført, fristen {until} er passert.",
                       f"{what.en}: not done, the deadline {until} has passed.", due=due)
