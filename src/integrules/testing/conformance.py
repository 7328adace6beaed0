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
- judging is deterministic: two fresh engines give equal results for the same participant, and
  (``subprocess=True``) so does a fresh interpreter with another ``PYTHONHASHSEED`` and the system
  clock moved ten years back (a rule reading ``date.today()`` or depending on set order differs);
- (``monotonic=True``, the default) filling in a fact that was unknown never changes a finding
  of the plugin that was already decided, and making one fact of a complete participant unknown
  never gives met or not met where the complete participant gives another outcome;
- judging leaves the participant as it was (compared unstructured, so ``object.__setattr__`` on
  a frozen object is caught); messages have Bokmål and English text that differ; no citation is a
  placeholder (``TODO``, ``sak 00/00``); a due date made with :func:`integrules.dates.due_after`
  is never before the date that starts its clock;
- (``coverage=True``) every requirement gives a decided outcome (met, not met or pending)
  somewhere in the examples, and each of ``met``/``not_met``/``pending`` its code returns.

The examples are complete participants (:func:`~integrules.testing.strategies.complete_participants`)
judged at dates inside each requirement's validity, each with one fact knocked out
(:func:`~integrules.testing.strategies.knock_out`), and participants with facts missing at random.

:func:`check_plugin` returns the problems as a list of strings; :func:`integrules_conformance`
raises ``AssertionError`` listing them (or hypothesis' falsifying example).
"""

from __future__ import annotations

import ast
import collections
import datetime as dt
import inspect
import json
import os
import re
import subprocess as _subprocess
import sys
import textwrap
import warnings
from importlib import metadata
from types import ModuleType
from typing import Any, Iterable, Sequence

from ..dates import recording_clocks
from ..engine import ENTRY_POINT_GROUP, Engine, plugin_name_of
from ..errors import IntegrulesError
from ..findings import Outcome
from ..model import Participant

DEFAULT_REGIMES: tuple[str | None, ...] = (None, "integreringsloven", "kapittel_6a", "introduksjonsloven")
DEFAULT_EXAMPLES = 25
DECIDED = (Outcome.MET, Outcome.NOT_MET, Outcome.PENDING)
# Text left in a citation to be filled in later: TODO/FIXME/TBD/XXX, a case number of zeros or
# placeholders (the template's own "sak 00/00", "NN/ÅÅ"), template braces.
PLACEHOLDER = re.compile(r"\b(TODO|FIXME|TBD|XXX)\b|\b0+/0+\b|\bNN/(ÅÅ|AA)\b|\{\{|\}\}|<[a-zæøå ]+>", re.IGNORECASE)
CLOCK_SHIFT_DAYS = -3650  # the subprocess's clock: ten years back


class KitWarning(UserWarning):
    """A conformance check that could not run (and why); the others still ran."""


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
    """A fresh engine with ``plugin`` and ``others`` (default: every other installed plugin, less
    those overriding the same requirement as ``plugin``: see :func:`_compatible_installed`)."""
    name = plugin_name_of(plugin)
    if others is None:
        others = _compatible_installed(plugin, settings)
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
            elif isinstance(text.nb, str) and text.nb.strip() == text.en.strip():
                problems.append(f"{where}: {label} has the same Bokmål and English text ({text.en.strip()!r}); "
                                "translate it")
        if not isinstance(req.valid_from, dt.date):
            problems.append(f"{where}: valid_from is not a date")
        elif req.valid_to is not None and req.valid_to <= req.valid_from:
            problems.append(f"{where}: valid_to {req.valid_to} is not after valid_from {req.valid_from}")
        if not any(ref.url or ref.kind == "lokal" for ref in req.references):
            problems.append(f"{where}: no reference with a URL, and no local decision (LegalRef kind='lokal')")
        for ref in req.references:
            if not ref.instrument.strip():
                problems.append(f"{where}: a reference without an instrument")
            for part in (ref.instrument, ref.section, ref.url):
                if isinstance(part, str) and PLACEHOLDER.search(part):
                    problems.append(f"{where}: the reference {str(ref)!r} is a placeholder "
                                    f"({PLACEHOLDER.search(part).group(0)!r}); cite the real decision or law")
                    break
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


def _unstructured(value: Any) -> Any:
    from ..convert import converter

    return converter().unstructure(value)


def _known(value: Any) -> Any:
    """An unstructured participant without its unknown facts: the facts a case file needs."""
    if isinstance(value, dict):
        return {k: _known(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_known(v) for v in value]
    return value


def _flat(value: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for k, v in value.items():
            out.update(_flat(v, f"{prefix}.{k}" if prefix else k))
        return out or {prefix: {}}
    if isinstance(value, list) and value:
        out = {}
        for i, v in enumerate(value):
            out.update(_flat(v, f"{prefix}[{i}]"))
        return out
    return {prefix: value}


def differences(before: Any, after: Any) -> list[str]:
    """The fact paths that differ between two participants (or their unstructured forms), as
    ``path: before -> after`` lines; nested objects are compared fact by fact."""
    a = _flat(_unstructured(before) if not isinstance(before, dict) else before)
    b = _flat(_unstructured(after) if not isinstance(after, dict) else after)
    lines = []
    for path in sorted(set(a) | set(b)):
        old, new = a.get(path), b.get(path)
        if old != new:
            lines.append(f"{path}: {json.dumps(old, ensure_ascii=False)} -> {json.dumps(new, ensure_ascii=False)}")
    return lines


def example_line(p: Participant, as_of: dt.date) -> str:
    """The participant and date that showed a problem, as JSON ready for a case file (known facts only)."""
    return f"as of {as_of.isoformat()}, participant {json.dumps(_known(_unstructured(p)), ensure_ascii=False, sort_keys=True)}"


def participant_problems(engine: Engine, name: str, participant: Participant, as_of: dt.date,
                         *, fresh: Engine | None = None) -> list[str]:
    """Problems judging one participant: error findings, silent unknowns, messages (two languages,
    no name shown), a changed participant, a due date before its clock's start, nondeterminism."""
    problems = []
    faults_before = len(engine.faults)
    snapshot = _unstructured(participant)
    with recording_clocks() as clocks:
        result = engine.evaluate(participant, as_of)
    changed = differences(snapshot, participant)
    if changed:
        problems.append("judging changed the participant (rules must not change their input, not even with "
                        "object.__setattr__): " + "; ".join(changed[:5]))
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
        nb, en = (f.message.nb or "").strip(), (f.message.en or "").strip()
        if not (nb and en):
            problems.append(f"{f.requirement_id}: a message without Bokmål or English text "
                            f"(nb {f.message.nb!r}, en {f.message.en!r})")
        elif nb == en:
            problems.append(f"{f.requirement_id}: the message has the same Bokmål and English text ({en!r}); "
                            "translate it")
        for secret in (participant.name, participant.duf.digits if participant.duf else None):
            if secret and (secret in f.message.nb or secret in f.message.en):
                problems.append(f"{f.requirement_id}: the message shows the participant's name or DUF number")
        if f.due is not None:
            for start, due in clocks:
                if due == f.due and start > due:
                    problems.append(f"{f.requirement_id}: due {due.isoformat()} is before {start.isoformat()}, the "
                                    "date that starts its clock (due_after with a negative period?)")
                    break
    if fresh is not None:
        again = fresh.evaluate(participant, as_of)
        if again != result:
            diff = sorted(i for i in mine if _outcomes_of(again, {i}) != _outcomes_of(result, {i})
                          or [f for f in again.findings if f.requirement_id == i] != [f for f in result.findings if f.requirement_id == i])
            problems.append(f"not deterministic: two engines judged differently ({', '.join(diff) or 'regime'})")
    return problems


def judged_ids(engine: Engine, regime_id: str | None, as_of: dt.date) -> set[str]:
    """The requirements in force at ``as_of`` whose rule judges a participant under ``regime_id``
    (not set aside: the regime is known and judged, builds on the requirement's, and does not adapt it)."""
    reg = engine.registry
    regime = reg.regimes.get(regime_id) if regime_id else None
    if regime is None or not regime.judged:
        return set()
    lineage = reg.lineage(regime_id)
    return {r.id for r in reg.in_force(as_of) if r.regime in lineage and (r.id, regime_id) not in reg.adaptations}


def outcomes_in_code(fn: Any) -> set[Outcome]:
    """The decided outcomes a rule function's own code returns: calls of ``met``, ``not_met`` and
    ``pending``, and ``ctx.deadline`` (all three). Helpers it calls are not read (fewer, never more)."""
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(fn)))
    except (OSError, TypeError, SyntaxError):
        return set()
    names = {"met": {Outcome.MET}, "not_met": {Outcome.NOT_MET}, "pending": {Outcome.PENDING},
             "deadline": set(DECIDED)}
    found: set[Outcome] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            called = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            found |= names.get(called, set())
    return found


def coverage_problems(engine: Engine, name: str, seen: dict[str, collections.Counter], *, strict: bool = True) -> list[str]:
    """Requirements of ``name`` whose judged findings were only ever unknown; with ``strict``, also
    those that never reached a decided outcome (met, not met, pending) their own code returns."""
    problems = []
    for req in sorted(engine.registry.all_versions(), key=lambda r: (r.id, r.valid_from)):
        if engine.registry.owner(req) != name:
            continue
        key = f"{req.id}@{req.valid_from.isoformat()}"
        counts = seen.get(key, collections.Counter())
        tally = ", ".join(f"{o.value} {n}" for o, n in sorted(counts.items(), key=lambda kv: kv[0].value)) or "never judged"
        if counts and set(counts) <= {Outcome.UNKNOWN}:
            problems.append(f"{req.id} (from {req.valid_from.isoformat()}): only ever unknown where it was judged "
                            f"({tally}); a rule that is only ever unknown never judges anything (does it ask for a "
                            "fact the model does not have, or stop on a fact it does not need?)")
            continue
        if not strict:
            continue
        named = outcomes_in_code(req.evaluate)
        if not any(counts[o] for o in DECIDED) and named:
            problems.append(f"{req.id} (from {req.valid_from.isoformat()}): never met, not met or pending where it was "
                            f"judged ({tally}); check its conditions, or write a case for each branch")
            continue
        never = sorted(o.value for o in named if not counts[o])
        if never:
            problems.append(f"{req.id} (from {req.valid_from.isoformat()}): its code returns {', '.join(never)}, but no "
                            f"example reached it where it was judged ({tally}); check the branch, or write a case for it")
    return problems


def _plugin_recipes(plugins: list[tuple[str, Any]]) -> list[tuple[str, dict]] | str:
    from ._replay import rebuild_recipe

    recipes = []
    for plugin_name, obj in plugins:
        recipe = rebuild_recipe(obj)
        if recipe is None:
            return (f"plugin {plugin_name!r} cannot be rebuilt in a fresh interpreter (make it a module, a "
                    "module-level object, or give it __integrules_rebuild__)")
        recipes.append((plugin_name, recipe))
    return recipes


def replay_problems(engine: Engine, name: str, plugins: list[tuple[str, Any]], settings: dict | None,
                    examples: list[tuple[Participant, dt.date]], *, timeout: float = 120.0) -> list[str]:
    """Judge ``examples`` again in two fresh interpreters, PYTHONHASHSEED 1 and 2, the second with the
    clock ten years back, and report findings of ``name`` that differ from each other or from here.

    Raises :class:`KitWarning` (as a warning) and returns no problem when the check cannot run.
    """
    from ._replay import CHILD, judgements

    recipes = _plugin_recipes(plugins)
    if isinstance(recipes, str):
        warnings.warn(f"the subprocess check did not run: {recipes}", KitWarning, stacklevel=3)
        return []
    payload = {"path": [p for p in sys.path if p], "plugins": recipes, "settings": settings or {}, "name": name,
               "examples": [(_unstructured(p), d.isoformat()) for p, d in examples]}
    try:
        text = json.dumps(payload, sort_keys=True)
    except TypeError as exc:
        warnings.warn(f"the subprocess check did not run: settings are not JSON ({exc})", KitWarning, stacklevel=3)
        return []
    runs = {}
    children = []
    for seed, shift in (("1", 0), ("2", CLOCK_SHIFT_DAYS)):
        env = {**os.environ, "PYTHONHASHSEED": seed, "INTEGRULES_KIT_CLOCK_SHIFT_DAYS": str(shift)}
        label = f"PYTHONHASHSEED={seed}" + (f", clock {-shift} days back" if shift else "")
        children.append((label, _subprocess.Popen([sys.executable, "-c", CHILD], stdin=_subprocess.PIPE,
                                                  stdout=_subprocess.PIPE, stderr=_subprocess.PIPE, env=env,
                                                  text=True, encoding="utf-8")))
    for label, child in children:
        try:
            out, err = child.communicate(text, timeout=timeout)
        except _subprocess.TimeoutExpired:
            child.kill()
            child.communicate()
            return [f"judging again in a fresh interpreter ({label}) took more than {timeout:.0f} s"]
        if child.returncode != 0:
            return [f"judging again in a fresh interpreter ({label}) failed:\n{err.strip()[-2000:]}"]
        runs[label] = json.loads(out)
    here = judgements(engine, examples, name)
    labels = list(runs)
    pairs = [("this interpreter", here, labels[0], runs[labels[0]]), (labels[0], runs[labels[0]], labels[1], runs[labels[1]])]
    for a_label, a, b_label, b in pairs:
        for (p, as_of), left, right in zip(examples, a, b):
            if left == right:
                continue
            l_by, r_by = {f["requirement_id"]: f for f in left}, {f["requirement_id"]: f for f in right}
            for req_id in sorted(set(l_by) | set(r_by)):
                fl, fr = l_by.get(req_id), r_by.get(req_id)
                if fl == fr:
                    continue
                what = sorted(k for k in set(fl or {}) | set(fr or {}) if (fl or {}).get(k) != (fr or {}).get(k))
                shown = "; ".join(f"{k}: {json.dumps((fl or {}).get(k), ensure_ascii=False)} -> "
                                  f"{json.dumps((fr or {}).get(k), ensure_ascii=False)}" for k in what)
                return [f"{req_id}: judged differently in {a_label} and in {b_label} ({shown}); a rule must not "
                        "read the system clock (use ctx.as_of, never date.today()) nor depend on set order or "
                        f"hashing (sort before joining)\n  {example_line(p, as_of)}"]
    return []


def _examples_setting(max_examples: int | None) -> int:
    """``max_examples``, raised to a quarter of the active hypothesis profile's when that profile asks
    for more than hypothesis' default 100 (``--hypothesis-profile=integrules-thorough``: 250)."""
    from hypothesis import settings as hsettings

    wanted = max_examples if max_examples is not None else DEFAULT_EXAMPLES
    profile = hsettings.default.max_examples
    return max(wanted, profile // 4) if profile > 100 else wanted  # 100: hypothesis' own default


def check_plugin(
    plugin: Any,
    *,
    others: Sequence[Any] | None = None,
    settings: dict | None = None,
    max_examples: int | None = None,
    regimes: Sequence[str | None] = DEFAULT_REGIMES,
    min_date: dt.date = dt.date(2021, 1, 1),
    max_date: dt.date = dt.date(2027, 12, 31),
    monotonic: bool = True,
    coverage: bool | str = "unknown",
    subprocess: bool = True,
) -> list[str]:
    """Every conformance problem of ``plugin`` (a module or plugin object), as readable lines.

    :param others: the plugins it is checked with (default: every other installed plugin, except
        those that override or adapt the same requirements: another municipality's routine).
    :param max_examples: examples per property (default 25; hypothesis profile
        ``integrules-thorough`` raises it to 250).
    :param regimes: the ``regime`` argument values the participant strategies are drawn with.
    :param monotonic: check that more facts never change a decided finding (and knock-outs).
    :param coverage: ``"unknown"`` (the default): fail on a requirement only ever unknown where it was
        judged; ``"all"``: also on each of met/not_met/pending its code returns that no example
        reached (what a municipality's plugin should pass; the template's test asks for it);
        ``False``: neither.
    :param subprocess: judge some examples again in fresh interpreters (hash seed, clock).
    """
    from hypothesis import HealthCheck, Phase, given, settings as hsettings, strategies as st

    from . import strategies as irs

    name = plugin_name_of(plugin)
    try:
        if others is None:
            others = _compatible_installed(plugin, settings)
        engine = engine_for(plugin, others=others, settings=settings)
        fresh = engine_for(plugin, others=others, settings=settings)
    except IntegrulesError as exc:
        return [f"the engine refused the plugin at start-up: {exc}"]
    problems = static_problems(engine, name)
    if problems:
        return problems
    n = _examples_setting(max_examples)
    found: list[str] = []
    seen: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    kept: list[tuple[Participant, dt.date]] = []
    kept_outcomes: set[tuple[str, Outcome]] = set()
    mine = sorted((r for r in engine.registry.all_versions() if engine.registry.owner(r) == name),
                  key=lambda r: (r.id, r.valid_from))
    windows = [(r, max(r.valid_from, min_date), min(r.valid_to - dt.timedelta(days=1), max_date) if r.valid_to else max_date)
               for r in mine]
    windows = [(r, lo, hi) for r, lo, hi in windows if lo <= hi]
    # No shrinking: a participant has many facts and shrinking one is slow; the problem line
    # carries the participant that failed instead, ready to paste into a case file.
    run = hsettings(max_examples=n, deadline=None, database=None, derandomize=True,
                    phases=(Phase.explicit, Phase.generate), suppress_health_check=list(HealthCheck))

    def judged(p: Participant, as_of: dt.date):
        result = engine.evaluate(p, as_of)
        # Counted only where the rule itself judged (not set aside for the participant's regime).
        ruled = judged_ids(engine, result.regime.regime, as_of)
        for f in result.findings:
            if f.plugin == name and f.requirement_id in ruled:
                seen[f"{f.requirement_id}@{_version_from(mine, f.requirement_id, as_of)}"][f.outcome] += 1
        return result

    def fail(line: str) -> None:
        found.append(line)
        raise AssertionError(line)

    partials: dict = {}

    def partial(regime):  # built once per regime: building a strategy costs more than drawing from it
        if regime not in partials:
            partials[regime] = irs.participants(regime=regime)
        return partials[regime]

    def as_of_date(data, among=None) -> tuple[dt.date, str | None]:
        among = among if among is not None else windows
        if not among:
            return data.draw(st.dates(min_value=min_date, max_value=max_date), label="as_of"), None
        req, lo, hi = data.draw(st.sampled_from(among), label="requirement")
        # Inside the requirement's validity, often on its first or last day.
        return data.draw(st.sampled_from([lo, hi]) | st.dates(min_value=lo, max_value=hi), label="as_of"), req.regime

    def reach(among, examples=n, own_regime=False):
        @hsettings(run, max_examples=examples)
        @given(st.data())
        def complete_participants_and_knock_outs(data):
            as_of, home = as_of_date(data, among)
            # Mostly the requirement's own regime; now and then any other.
            choices = list(regimes) + [home] * (2 * len(regimes)) if home in regimes else list(regimes)
            if own_regime and home in regimes:
                choices = [home]
            regime = data.draw(st.sampled_from(choices), label="regime")
            p = data.draw(irs.complete_participants(as_of=as_of, regime=regime), label="participant")
            here = participant_problems(engine, name, p, as_of, fresh=fresh)
            if here:
                fail("\n  ".join([*here, example_line(p, as_of)]))
            whole = judged(p, as_of)
            # Kept for the fresh-interpreter run: the first few, and each that gives a requirement
            # an outcome not kept yet (so every branch reached is judged there too).
            new = {(f.requirement_id, f.outcome) for f in whole.findings if f.plugin == name} - kept_outcomes
            if len(kept) < 40 and (len(kept) < 5 or new):
                kept.append((p, as_of))
                kept_outcomes.update(new)
            drawn = {data.draw(irs.knock_out(p), label="knocked out")[0] for _ in range(2)}
            # Every known fact knocked out in turn (cheap: one judgement each); the full checks
            # on two of them.
            for path in irs.known_facts(p):
                k = irs.without_fact(p, path)
                if path in drawn:
                    here = participant_problems(engine, name, k, as_of)
                    part = judged(k, as_of)
                else:
                    part = engine.evaluate(k, as_of)
                    here = [f"{f.requirement_id}: error finding at {as_of}: {f.message.en}\n"
                            f"{engine.faults[-1].traceback if engine.faults else ''}"
                            for f in part.findings if f.plugin == name and f.outcome is Outcome.ERROR]
                if here:
                    fail("\n  ".join([*here, f"with {path} unknown", example_line(p, as_of)]))
                if not monotonic:
                    continue
                for f in part.findings:
                    # A missing fact never gives a decided outcome where the complete participant gives
                    # another decided one (met where it is not met, ...). Decided-to-unknown as facts
                    # are added is the filling-in property's business (below).
                    if f.plugin != name or f.outcome not in DECIDED:
                        continue
                    g = whole.finding(f.requirement_id)
                    if g.outcome is not f.outcome and g.outcome in DECIDED:
                        fail(f"{f.requirement_id}: {f.outcome.value} with {path} unknown, but {g.outcome.value} with "
                             f"it known; a rule must return unknown while a fact it depends on is None "
                             f"(ctx.need(value, \"{path}\"))\n  {example_line(p, as_of)}")
        return complete_participants_and_knock_outs

    complete_participants_and_knock_outs = reach(windows)

    @run
    @given(st.data())
    def never_raises_and_is_deterministic(data):
        as_of, _ = as_of_date(data)
        p = data.draw(partial(data.draw(st.sampled_from(list(regimes)))), label="participant")
        here = participant_problems(engine, name, p, as_of, fresh=fresh)
        if here:
            fail("\n  ".join([*here, example_line(p, as_of)]))
        judged(p, as_of)

    @run
    @given(st.data())
    def more_facts_never_change_a_decided_finding(data):
        as_of, _ = as_of_date(data)
        before = data.draw(partial(data.draw(st.sampled_from(list(regimes)))), label="before")
        after = data.draw(irs.filled(before), label="after")
        old, new = judged(before, as_of), judged(after, as_of)
        for f in old.findings:
            if f.plugin != name or f.outcome is Outcome.UNKNOWN:
                continue
            g = new.finding(f.requirement_id)
            if g.outcome is not f.outcome:
                changed = differences(before, after)
                fail(f"{f.requirement_id}: {f.outcome.value} became {g.outcome.value} when unknown facts were "
                     f"filled in; a rule must return unknown while a fact it depends on is None\n  as of "
                     f"{as_of.isoformat()}, filled in: " + "; ".join(changed))

    props = [complete_participants_and_knock_outs, never_raises_and_is_deterministic]
    if monotonic:
        props.append(more_facts_never_change_a_decided_finding)
    for prop in props:
        try:
            prop()
        except AssertionError as exc:
            if not found:
                found.append(str(exc))
            problems.append(f"{prop.__name__}: {found[-1]}")
            found.clear()
    if problems:
        return problems
    if coverage:
        # Before saying a requirement is never decided, search again, only at its dates.
        strict = coverage in (True, "all")
        short = {line.split(" ", 1)[0] for line in coverage_problems(engine, name, seen, strict=strict)}
        again = [w for w in windows if w[0].id in short]
        if again:
            try:
                reach(again, 4 * n, own_regime=True)()
            except AssertionError as exc:
                problems.append(f"complete_participants_and_knock_outs: {found[-1] if found else exc}")
                return problems
        problems.extend(coverage_problems(engine, name, seen, strict=strict))
    if subprocess and kept:
        plugins = [*[o if isinstance(o, tuple) else (plugin_name_of(o), o) for o in others], (name, plugin)] \
            if others is not None else [(name, plugin)]
        problems.extend(replay_problems(engine, name, plugins, settings, kept))
    return problems


def _version_from(mine: list, req_id: str, as_of: dt.date) -> str:
    for req in mine:
        if req.id == req_id and req.in_force(as_of):
            return req.valid_from.isoformat()
    return "?"


def _compatible_installed(plugin: Any, settings: dict | None) -> list[tuple[str, Any]]:
    """The installed plugins to check ``plugin`` with: all others, less those that override or adapt
    a requirement ``plugin`` overrides or adapts too (two municipalities' routines for the same
    national requirement: in a test environment holding both, each is checked without the other)."""
    name = plugin_name_of(plugin)
    candidates = installed_plugins(exclude=(name, _module_name(plugin)))
    claims = _claims(plugin)
    if not claims:
        return candidates
    return [(n, obj) for n, obj in candidates if not (_claims(obj) & claims)]


def _claims(plugin: Any) -> set[tuple[str, str]]:
    """What ``plugin`` claims that only one plugin may: overridden requirement ids, adaptations, facts."""
    import pluggy

    from .. import hookspecs
    from ..registry import Registrar

    own: dict[str, list] = {kind: [] for kind in ("requirement", "adaptation", "regime", "setting", "fact")}
    name = plugin_name_of(plugin)
    pm = pluggy.PluginManager("integrules")  # a throwaway manager: hooks are called through pluggy
    pm.add_hookspecs(hookspecs)
    try:
        pm.register(plugin, name=name)
        pm.hook.integrules_register_requirements(register=Registrar(name, own))
        pm.hook.integrules_register_derived_facts(register=Registrar(name, own))
    except Exception:  # a broken plugin claims nothing here; the engine reports it
        return set()
    out = set()
    for kind, entries in own.items():
        for entry in entries:
            if getattr(entry, "override", False):
                out.add((kind, getattr(entry.item, "id", None) or getattr(entry.item, "name", "")))
    return out


def integrules_conformance(plugin: Any, **kwargs: Any) -> None:
    """Assert that ``plugin`` conforms; the one line a plugin's test suite needs. See :func:`check_plugin`."""
    problems = check_plugin(plugin, **kwargs)
    if problems:
        raise AssertionError(f"plugin {plugin_name_of(plugin)!r} does not conform:\n- " + "\n- ".join(problems))
