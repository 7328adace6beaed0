"""The conformance check a plugin author runs against their plugin.

    from integrules.testing import integrules_conformance
    import integrules_minkommune

    def test_conformance():
        integrules_conformance(integrules_minkommune)

It checks what integrules promises its users about every plugin:

- every requirement the plugin registers (or overrides) has a dotted id, Bokmål and English title
  and description, validity dates (``valid_to`` after ``valid_from``), at least one reference that
  either has a URL or is the municipality's own decision (``kind="lokal"``), responsible units, and
  a regime some plugin declares; every setting it reads is declared;
- overrides and adaptations name requirements that exist (the engine refuses them at start-up;
  the check reports that refusal as a problem instead of an exception);
- judging any participant the strategies in :mod:`integrules.testing.strategies` build, at any
  date, never gives an ``error`` finding; ``unknown`` findings name the facts they miss; messages
  never show the participant's name or DUF number;
- judging is deterministic: two fresh engines give equal results for the same participant;
- (``monotonic=True``, the default) filling in a fact that was unknown never changes a finding
  of the plugin that was already decided.

:func:`check_plugin` returns the problems as a list of strings; :func:`integrules_conformance`
raises ``AssertionError`` listing them (or hypothesis' falsifying example).
"""

from __future__ import annotations

import datetime as dt
import json
from importlib import metadata
from types import ModuleType
from typing import Any, Iterable, Sequence

from ..engine import ENTRY_POINT_GROUP, Engine, plugin_name_of
from ..errors import IntegrulesError
from ..findings import Outcome
from ..model import Participant

DEFAULT_REGIMES: tuple[str | None, ...] = (None, "integreringsloven", "kapittel_6a", "introduksjonsloven")


def _module_name(obj: Any) -> str:
    return obj.__name__ if isinstance(obj, ModuleType) else type(obj).__module__


def installed_plugins(*, exclude: Iterable[str] = ()) -> list[tuple[str, Any]]:
    """The plugins installed on the ``integrules`` entry point, as ``(name, object)`` pairs.

    ``exclude`` holds plugin names or module names to leave out (the plugin under test, when it
    is installed too). A plugin that fails to import is left out: the engine reports those.
    """
    skip = set(exclude)
    out = []
    for ep in sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        if ep.name in skip or ep.value.split(":")[0] in skip:
            continue
        try:
            out.append((ep.name, ep.load()))
        except Exception:
            continue
    return out


def engine_for(plugin: Any, *, others: Sequence[Any] | None = None, settings: dict | None = None) -> Engine:
    """A fresh engine with ``plugin`` and ``others`` (default: every other installed plugin)."""
    name = plugin_name_of(plugin)
    if others is None:
        others = installed_plugins(exclude=(name, _module_name(plugin)))
    return Engine(entry_points=False, plugins=[*others, (name, plugin)], settings=settings)


def static_problems(engine: Engine, name: str) -> list[str]:
    """Problems in what plugin ``name`` registered, found without judging anyone."""
    problems: list[str] = []
    reg = engine.registry
    mine = [req for req in reg.all_versions() if reg.owner(req) == name]
    for req in mine:
        where = f"requirement {req.id!r}"
        for label, text in (("title", req.title), ("description", req.description)):
            if not (isinstance(text.nb, str) and text.nb.strip()):
                problems.append(f"{where}: {label} has no Bokmål text")
            if not (isinstance(text.en, str) and text.en.strip()):
                problems.append(f"{where}: {label} has no English text")
        if not isinstance(req.valid_from, dt.date):
            problems.append(f"{where}: valid_from is not a date")
        elif req.valid_to is not None and req.valid_to <= req.valid_from:
            problems.append(f"{where}: valid_to {req.valid_to} is not after valid_from {req.valid_from}")
        if not any(ref.url or ref.kind == "lokal" for ref in req.references):
            problems.append(f"{where}: no reference with a URL, and no local decision (LegalRef kind='lokal')")
        for ref in req.references:
            if not ref.instrument.strip():
                problems.append(f"{where}: a reference without an instrument")
        if req.regime not in reg.regimes:
            problems.append(f"{where}: regime {req.regime!r} is declared by no plugin loaded "
                            f"({', '.join(sorted(reg.regimes)) or 'none'}); install the plugin that declares it")
        if not req.responsible:
            problems.append(f"{where}: no responsible unit")
    for (req_id, regime), owner in reg.adaptation_owners.items():
        if owner == name and not reg.adaptations[(req_id, regime)].reason.en.strip():
            problems.append(f"adaptation of {req_id!r} for {regime!r}: the reason has no English text")
    for setting_name, owner in reg.setting_owners.items():
        setting = reg.settings[setting_name]
        if owner == name and not (setting.description.nb.strip() and setting.description.en.strip()):
            problems.append(f"setting {setting_name!r}: description needs Bokmål and English")
    if not mine and not any(o == name for o in (*reg.adaptation_owners.values(), *reg.regime_owners.values(),
                                                 *reg.setting_owners.values(), *reg.fact_owners.values())):
        problems.append(f"plugin {name!r} registers nothing")
    return problems


def _outcomes_of(result, ids: set[str]) -> dict[str, Outcome]:
    return {f.requirement_id: f.outcome for f in result.findings if f.requirement_id in ids}


def participant_problems(engine: Engine, name: str, participant: Participant, as_of: dt.date,
                         *, fresh: Engine | None = None) -> list[str]:
    """Problems judging one participant: error findings, silent unknowns, names shown, nondeterminism."""
    problems = []
    faults_before = len(engine.faults)
    result = engine.evaluate(participant, as_of)
    mine = {f.requirement_id for f in result.findings if f.plugin == name} | {
        req.id for req in engine.requirements(as_of) if engine.plugin_of(req) == name}
    for f in result.findings:
        if f.outcome is Outcome.ERROR and f.requirement_id in mine:
            tb = engine.faults[faults_before].traceback if len(engine.faults) > faults_before else ""
            problems.append(f"{f.requirement_id}: error finding at {as_of}: {f.message.en}\n{tb}")
        if f.requirement_id not in mine:
            continue
        if f.outcome is Outcome.UNKNOWN and not f.missing:
            problems.append(f"{f.requirement_id}: unknown without naming the missing facts")
        if not (f.message.nb and f.message.en):
            problems.append(f"{f.requirement_id}: a message without Bokmål or English text")
        for secret in (participant.name, participant.duf.digits if participant.duf else None):
            if secret and (secret in f.message.nb or secret in f.message.en):
                problems.append(f"{f.requirement_id}: the message shows the participant's name or DUF number")
    if fresh is not None:
        again = fresh.evaluate(participant, as_of)
        if again != result:
            diff = sorted(i for i in mine if _outcomes_of(again, {i}) != _outcomes_of(result, {i})
                          or [f for f in again.findings if f.requirement_id == i] != [f for f in result.findings if f.requirement_id == i])
            problems.append(f"not deterministic: two engines judged differently ({', '.join(diff) or 'regime'})")
    return problems


def check_plugin(
    plugin: Any,
    *,
    others: Sequence[Any] | None = None,
    settings: dict | None = None,
    max_examples: int = 50,
    regimes: Sequence[str | None] = DEFAULT_REGIMES,
    min_date: dt.date = dt.date(2021, 1, 1),
    max_date: dt.date = dt.date(2027, 12, 31),
    monotonic: bool = True,
) -> list[str]:
    """Every conformance problem of ``plugin`` (a module or plugin object), as readable lines.

    :param others: the plugins it is checked with (default: every other installed plugin).
    :param max_examples: participants per property (hypothesis); keep it small in CI.
    :param regimes: the ``regime`` argument values the participant strategy is drawn with.
    """
    from hypothesis import HealthCheck, Phase, given, settings as hsettings, strategies as st

    from ..convert import converter

    from . import strategies as irs

    name = plugin_name_of(plugin)
    try:
        engine = engine_for(plugin, others=others, settings=settings)
        fresh = engine_for(plugin, others=others, settings=settings)
    except IntegrulesError as exc:
        return [f"the engine refused the plugin at start-up: {exc}"]
    problems = static_problems(engine, name)
    if problems:
        return problems
    found: list[str] = []
    # No shrinking: a participant has many facts and shrinking one is slow; the problem line
    # carries the participant that failed instead, ready to paste into a case file.
    run = hsettings(max_examples=max_examples, deadline=None, database=None, derandomize=True,
                    phases=(Phase.explicit, Phase.generate), suppress_health_check=list(HealthCheck))

    def example(p: Participant, as_of: dt.date) -> str:
        return f"as of {as_of.isoformat()}, participant {json.dumps(converter().unstructure(p), sort_keys=True)}"

    @run
    @given(st.data(), st.dates(min_value=min_date, max_value=max_date))
    def never_raises_and_is_deterministic(data, as_of):
        p = data.draw(irs.participants(regime=data.draw(st.sampled_from(list(regimes)))), label="participant")
        here = participant_problems(engine, name, p, as_of, fresh=fresh)
        if here:
            found.append("\n  ".join([*here, example(p, as_of)]))
            raise AssertionError(found[-1])

    @run
    @given(st.data(), st.dates(min_value=min_date, max_value=max_date))
    def more_facts_never_change_a_decided_finding(data, as_of):
        before = data.draw(irs.participants(regime=data.draw(st.sampled_from(list(regimes)))), label="before")
        after = data.draw(irs.filled(before), label="after")
        old, new = engine.evaluate(before, as_of), engine.evaluate(after, as_of)
        for f in old.findings:
            if f.plugin != name or f.outcome is Outcome.UNKNOWN:
                continue
            g = new.finding(f.requirement_id)
            if g.outcome is not f.outcome:
                line = (f"{f.requirement_id}: {f.outcome.value} became {g.outcome.value} when unknown facts were "
                        f"filled in; a rule must return unknown while a fact it depends on is None\n  before: "
                        f"{example(before, as_of)}\n  after: {example(after, as_of)}")
                found.append(line)
                raise AssertionError(line)

    for prop in (never_raises_and_is_deterministic, *((more_facts_never_change_a_decided_finding,) if monotonic else ())):
        try:
            prop()
        except AssertionError as exc:
            if not found:
                found.append(str(exc))
            problems.append(f"{prop.__name__}: {found[-1]}")
            found.clear()
    return problems


def integrules_conformance(plugin: Any, **kwargs: Any) -> None:
    """Assert that ``plugin`` conforms; the one line a plugin's test suite needs. See :func:`check_plugin`."""
    problems = check_plugin(plugin, **kwargs)
    if problems:
        raise AssertionError(f"plugin {plugin_name_of(plugin)!r} does not conform:\n- " + "\n- ".join(problems))
