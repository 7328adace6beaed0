"""What a rule says about one participant: outcomes, legal references and findings."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any, Callable, Iterable

import attrs


class Outcome(enum.Enum):
    """The answer to one requirement for one participant.

    ``error`` is not a legal answer: the plugin that should have decided failed, and the
    engine reports it instead of crashing the batch.
    """

    MET = "met"
    NOT_MET = "not_met"
    PENDING = "pending"  # not done, deadline not reached
    UNKNOWN = "unknown"  # facts missing; `missing` names them
    NOT_APPLICABLE = "not_applicable"
    ERROR = "error"

    def __str__(self) -> str:
        return self.value


class Force(enum.Enum):
    """How binding a requirement is: «skal» (must) or «bør» (should).

    A «bør» requirement that is not followed is never counted as a breach of the law: reports and
    ``check`` count should-findings apart from must-findings.
    """

    MUST = "must"  # «skal»
    SHOULD = "should"  # «bør»

    def __str__(self) -> str:
        return self.value

    @property
    def label(self) -> tuple[str, str]:
        """(Bokmål, English): the word of the law and its translation."""
        return ("skal", "must") if self is Force.MUST else ("bør", "should")


class Unit(enum.Enum):
    """Who must act: the municipal units and partners named in the seed."""

    FT = "FT"  # Flyktningetjenesten, refugee service
    VO = "VO"  # Voksenopplæringen, adult education
    NAV = "NAV"
    FK = "FK"  # fylkeskommunen, county authority (career guidance, upper secondary)
    KOMMUNE = "kommune"  # the municipality as such, no unit named

    def __str__(self) -> str:
        return self.value


@attrs.frozen
class Text:
    """User-facing text in Bokmål with English beside it."""

    nb: str
    en: str

    def __str__(self) -> str:
        return f"{self.nb} / {self.en}"


_ORDINALS = ("første", "andre", "tredje", "fjerde", "femte", "sjette", "sjuende", "åttende", "niende")


@attrs.frozen
class LegalRef:
    """A Lovdata-style reference: instrument, section, paragraph (ledd), letter, sentence, URL.

    ``kind`` tells how binding the source is: ``lov``, ``forskrift``, ``forarbeid`` (preparatory
    works), ``veileder`` (official guidance) or ``lokal`` (a municipality's own decision).
    """

    instrument: str
    section: str | None = None
    ledd: int | None = None
    bokstav: str | None = None
    punktum: int | None = None
    url: str | None = None
    kind: str = attrs.field(default="lov", validator=attrs.validators.in_(("lov", "forskrift", "forarbeid", "veileder", "lokal")))

    def __str__(self) -> str:
        parts = [self.instrument]
        if self.section:
            parts.append(self.section)
        if self.ledd:
            parts.append(f"{_ORDINALS[self.ledd - 1] if self.ledd <= len(_ORDINALS) else self.ledd} ledd")
        if self.bokstav:
            parts.append(f"bokstav {self.bokstav}")
        if self.punktum:
            parts.append(f"{_ORDINALS[self.punktum - 1]} punktum")
        return " ".join(parts)


@attrs.frozen
class Evaluation:
    """What a rule function returns; the engine adds the requirement's metadata to make a Finding."""

    outcome: Outcome
    message: Text
    due: dt.date | None = None
    missing: tuple[str, ...] = ()
    references: tuple[LegalRef, ...] = ()  # extra references beyond the requirement's own


# The helpers build their Text and Evaluation with fast_new (defined below): the same objects.

def met(nb: str, en: str, *, due: dt.date | None = None) -> Evaluation:
    return _new_evaluation(Outcome.MET, _new_text(nb, en), due)


def not_met(nb: str, en: str, *, due: dt.date | None = None) -> Evaluation:
    return _new_evaluation(Outcome.NOT_MET, _new_text(nb, en), due)


def pending(nb: str, en: str, *, due: dt.date | None = None) -> Evaluation:
    return _new_evaluation(Outcome.PENDING, _new_text(nb, en), due)


def unknown(missing: Iterable[str], nb: str = "", en: str = "", *, due: dt.date | None = None) -> Evaluation:
    missing = tuple(sorted(set(missing)))
    nb = nb or "Mangler opplysninger: " + ", ".join(missing)
    en = en or "Missing facts: " + ", ".join(missing)
    return _new_evaluation(Outcome.UNKNOWN, _new_text(nb, en), due, missing)


def not_applicable(nb: str, en: str, *references: LegalRef) -> Evaluation:
    return _new_evaluation(Outcome.NOT_APPLICABLE, _new_text(nb, en), None, (), tuple(references))


def all_of(*parts: Evaluation) -> Evaluation:
    """Three-valued AND: a failed part decides; else an unknown part makes the whole unknown.

    Parts that do not apply are ignored; if none apply, the whole does not apply. Pending is
    weaker than unknown: a pending part and an unknown part give unknown, since the missing
    fact may still show the requirement failed. The whole's due date is the earliest part's.
    """
    relevant = [p for p in parts if p.outcome is not Outcome.NOT_APPLICABLE]
    if not relevant:
        return parts[0] if parts else not_applicable("Ingen delkrav gjelder", "No part applies")
    if len(relevant) == 1:  # what the steps below give for one part, directly (performance)
        return relevant[0]
    for outcome in (Outcome.ERROR, Outcome.NOT_MET):
        failing = [p for p in relevant if p.outcome is outcome]
        if failing:
            return _merge(outcome, failing)
    unknowns = [p for p in relevant if p.outcome is Outcome.UNKNOWN]
    if unknowns:
        return _merge(Outcome.UNKNOWN, unknowns)
    pendings = [p for p in relevant if p.outcome is Outcome.PENDING]
    if pendings:
        return _merge(Outcome.PENDING, pendings)
    return _merge(Outcome.MET, relevant)


def any_of(*parts: Evaluation) -> Evaluation:
    """Three-valued OR: a met part decides; else unknown beats pending beats not met."""
    relevant = [p for p in parts if p.outcome is not Outcome.NOT_APPLICABLE]
    if not relevant:
        return parts[0] if parts else not_applicable("Ingen delkrav gjelder", "No part applies")
    if len(relevant) == 1:
        return relevant[0]
    for outcome in (Outcome.MET, Outcome.ERROR, Outcome.UNKNOWN, Outcome.PENDING):
        hits = [p for p in relevant if p.outcome is outcome]
        if hits:
            return _merge(outcome, hits)
    return _merge(Outcome.NOT_MET, relevant)


def _merge(outcome: Outcome, parts: list[Evaluation]) -> Evaluation:
    if len(parts) == 1:
        return parts[0]
    dues = [p.due for p in parts if p.due is not None]
    missing = tuple(sorted({m for p in parts for m in p.missing}))
    refs: list[LegalRef] = []
    for p in parts:
        refs.extend(r for r in p.references if r not in refs)
    return Evaluation(
        outcome,
        Text(" ".join(p.message.nb for p in parts), " ".join(p.message.en for p in parts)),
        due=min(dues) if dues else None,
        missing=missing,
        references=tuple(refs),
    )


@attrs.frozen
class Finding:
    """One requirement judged for one participant at one date.

    ``plugin`` is the plugin whose rule decided (or the plugin that set the requirement aside
    for the participant's regime); ``responsible`` the units that must act; ``force`` the
    requirement's force («skal» or «bør»), so a should-finding is never read as a breach.
    """

    requirement_id: str
    outcome: Outcome
    message: Text
    references: tuple[LegalRef, ...]
    responsible: tuple[Unit, ...]
    plugin: str
    due: dt.date | None = None
    missing: tuple[str, ...] = ()
    force: Force = Force.MUST


def fast_new(cls: type) -> Callable[..., Any]:
    """A function ``f(*values)`` giving what ``cls(*values)`` gives, for a slotted attrs class whose
    ``__init__`` only stores the values and runs their validators (no converter, factory or init
    hook); else ``cls``.

    It sets the slots directly, skipping attrs' frozen ``__setattr__`` path: about twice as fast, and
    the engine builds several such objects per requirement and participant (performance; tested
    equal to the class in tests/test_fast_paths.py). Arguments in field order; defaults as declared.
    Validators run as in ``__init__``: after every value is set, in field order, unless disabled.
    """
    fields = attrs.fields(cls)
    if (any(a.converter is not None or not a.init or a.alias != a.name
            or isinstance(a.default, attrs.Factory) for a in fields)  # type: ignore[arg-type]
            or any(hasattr(cls, hook) for hook in ("__attrs_pre_init__", "__attrs_post_init__", "__attrs_init__"))
            or "__slots__" not in cls.__dict__
            or any(type(getattr(cls, a.name, None)).__name__ != "member_descriptor" for a in fields)):
        return cls
    ns: dict[str, Any] = {"_new": object.__new__, "_cls": cls, "_disabled": attrs.validators.get_disabled}
    params, body, checks = [], [], []
    for i, a in enumerate(fields):
        ns[f"_set{i}"] = getattr(cls, a.name).__set__
        if a.default is attrs.NOTHING:
            params.append(a.name)
        else:
            ns[f"_default{i}"] = a.default
            params.append(f"{a.name}=_default{i}")
        body.append(f"    _set{i}(self, {a.name})")
        if a.validator is not None:
            ns[f"_validator{i}"], ns[f"_field{i}"] = a.validator, a
            checks.append(f"        _validator{i}(self, _field{i}, {a.name})")
    if checks:
        body += ["    if not _disabled():", *checks]
    source = f"def new_{cls.__name__}({', '.join(params)}):\n    self = _new(_cls)\n" + "\n".join(body) + "\n    return self\n"
    exec(compile(source, f"<integrules fast constructor for {cls.__name__}>", "exec"), ns)
    return ns[f"new_{cls.__name__}"]


_new_text = fast_new(Text)
_new_evaluation = fast_new(Evaluation)
new_finding = fast_new(Finding)
