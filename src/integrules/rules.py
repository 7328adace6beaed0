"""What plugins contribute: requirements, regimes, adaptations, settings and derived facts.

Each carries its legal references and the dates it is valid (``valid_from`` inclusive,
``valid_to`` exclusive, None = open-ended), like OpenFisca's variables and NAV's rule sets.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Callable

import attrs

from .findings import Evaluation, Force, LegalRef, Text, Unit

if TYPE_CHECKING:
    from .context import Context
    from .model import Participant

_id_validator = attrs.validators.matches_re(r"^[a-z0-9_]+(\.[a-z0-9_]+)+$")


def _in_force(valid_from: dt.date, valid_to: dt.date | None, day: dt.date) -> bool:
    return valid_from <= day and (valid_to is None or day < valid_to)


def _to_tuple(value: Any) -> tuple:
    return tuple(value) if not isinstance(value, tuple) else value


@attrs.frozen(kw_only=True)
class Requirement:
    """A legal (or local) requirement judged per participant.

    ``id`` is stable and dotted, ``<plugin-area>.<name>``, e.g. ``integreringsloven.integreringskontrakt``.
    ``regime`` is the regime whose participants it applies to; participants of a regime that
    builds on it (chapter 6A builds on integreringsloven) are judged by it too unless that
    regime sets it aside with an :class:`Adaptation`. ``evaluate`` receives a
    :class:`~integrules.context.Context` and returns an :class:`~integrules.findings.Evaluation`.
    ``force`` is ``"must"`` («skal», the default) or ``"should"`` («bør»): declare it from the word
    the cited text uses; a «bør» not followed is counted apart, never as a breach of the law.
    """

    id: str = attrs.field(validator=_id_validator)
    title: Text
    description: Text
    references: tuple[LegalRef, ...] = attrs.field(converter=_to_tuple, validator=attrs.validators.min_len(1))
    valid_from: dt.date
    valid_to: dt.date | None = None
    regime: str
    responsible: tuple[Unit, ...] = attrs.field(converter=_to_tuple, validator=attrs.validators.min_len(1))
    evaluate: Callable[[Context], Evaluation] = attrs.field(eq=False, repr=False)
    confidence: str = attrs.field(default="high", validator=attrs.validators.in_(("high", "medium", "low")))
    settings: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple)  # settings it reads
    category: str = "krav"  # "krav" (requirement) or "nir" (a registration item)
    # Items of a legal checklist this requirement implements, e.g. ("R4",) for rule R4 of the
    # checklist in docs/legal-coverage.md; `integrules requirements --format markdown` groups by them.
    checklist: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple)
    force: Force = attrs.field(default=Force.MUST, converter=Force)

    def in_force(self, day: dt.date) -> bool:
        return _in_force(self.valid_from, self.valid_to, day)


def requirement(**metadata: Any) -> Callable[[Callable[[Context], Evaluation]], Requirement]:
    """Decorator turning a rule function into a :class:`Requirement`.

    The function's docstring, if any, is not used as text: Bokmål and English go in
    ``title`` and ``description`` explicitly.
    """

    def wrap(fn: Callable[[Context], Evaluation]) -> Requirement:
        return Requirement(evaluate=fn, **metadata)

    return wrap


@attrs.frozen(kw_only=True)
class Regime:
    """A body of rules a participant can fall under (integreringsloven, chapter 6A, the old law).

    ``base`` names a regime this one builds on: its requirements apply unless adapted.
    ``judged`` False means integrules holds no rules for it (the old introduksjonsloven):
    every requirement is then ``not_applicable`` with the regime's reason.
    """

    id: str = attrs.field(validator=attrs.validators.matches_re(r"^[a-z0-9_]+$"))
    title: Text
    references: tuple[LegalRef, ...] = attrs.field(converter=_to_tuple)
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    base: str | None = None
    judged: bool = True
    checklist: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple)  # as on Requirement


@attrs.frozen(kw_only=True)
class RegimeDecision:
    """Which regime governs a participant at a date, and why. ``regime`` None means unknown."""

    regime: str | None
    reason: Text
    references: tuple[LegalRef, ...] = attrs.field(default=(), converter=_to_tuple)
    missing: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple)
    plugin: str = ""


@attrs.frozen(kw_only=True)
class Adaptation:
    """A regime setting aside a requirement it builds on, explicitly by id, with the reason.

    For participants under ``regime``, requirement ``requirement_id`` is ``not_applicable``
    with ``reason`` and ``references``; ``replaced_by`` names the requirement that judges
    the matter instead, if any.
    """

    requirement_id: str
    regime: str
    reason: Text
    references: tuple[LegalRef, ...] = attrs.field(converter=_to_tuple, validator=attrs.validators.min_len(1))
    replaced_by: str | None = None


@attrs.frozen(kw_only=True)
class Setting:
    """A documented choice where the sources cannot settle a fact; the default is conservative."""

    name: str = attrs.field(validator=_id_validator)
    default: Any
    description: Text
    parse: Callable[[Any], Any] = attrs.field(eq=False, repr=False, default=lambda v: v)
    references: tuple[LegalRef, ...] = attrs.field(default=(), converter=_to_tuple)


@attrs.frozen(kw_only=True)
class DerivedFact:
    """A named value computed from a participant (a minimum level, a deadline), replaceable by id.

    ``compute(participant, as_of, ctx)`` returns the value or raises
    :class:`~integrules.context.Missing` naming the facts it lacks.
    """

    name: str = attrs.field(validator=_id_validator)
    description: Text
    compute: Callable[[Participant, dt.date, Context], Any] = attrs.field(eq=False, repr=False)
    references: tuple[LegalRef, ...] = attrs.field(default=(), converter=_to_tuple)


@attrs.frozen(kw_only=True)
class Verification:
    """The date a rule set's texts were last checked against the legal sources ("verified up to").

    ``verified_to`` is the date of the texts the rules were checked against (e.g. the consolidated
    texts as retrieved from Lovdata); for an as-of date after it, ``check``, ``report`` and
    ``requirements`` say once, in the header, that later amendments are not encoded. ``sources``
    says what was checked, in Bokmål and English.
    """

    verified_to: dt.date
    sources: Text
    references: tuple[LegalRef, ...] = attrs.field(default=(), converter=_to_tuple)
