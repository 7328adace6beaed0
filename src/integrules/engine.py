"""The engine: a plugin manager of its own, the resolved registry, and evaluation.

Nothing happens at import time. Each :class:`Engine` holds an isolated pluggy manager, so a
test or a host application can keep several side by side.
"""

from __future__ import annotations

import datetime as dt
import importlib
import os
import sys
import traceback
from importlib import metadata
from types import ModuleType
from typing import Any, Iterable, Iterator, Mapping

import attrs
import pluggy

from . import hookspecs
from .builtins import BUILTIN_PLUGINS
from .context import Context, Missing
from .errors import ConfigurationError, PluginLoadError
from .findings import Evaluation, Finding, Outcome, Text, fast_new, new_finding, unknown
from .model import Participant
from .registry import Registrar, Registry
from .results import ParticipantResult, Rejection, participant_warnings
from .rules import Regime, RegimeDecision, Requirement

_new_result = fast_new(ParticipantResult)  # ParticipantResult(...), the slots set directly (performance)

ENTRY_POINT_GROUP = "integrules"
ENV_DISABLE = "INTEGRULES_DISABLE_PLUGINS"  # comma-separated plugin names
ENV_NO_AUTOLOAD = "INTEGRULES_DISABLE_PLUGIN_AUTOLOAD"  # any non-empty value
ENV_TRACE = "INTEGRULES_TRACE_PLUGINS"  # any non-empty value: hook calls to stderr

REGISTER_HOOKS = (
    "integrules_register_regimes",
    "integrules_register_settings",
    "integrules_register_derived_facts",
    "integrules_register_requirements",
    "integrules_register_verification",
)


@attrs.frozen
class PluginInfo:
    """An installed or registered plugin as ``integrules plugins`` lists it."""

    name: str
    version: str | None
    source: str  # "builtin", "entry point" or "registered"
    hooks: tuple[str, ...]
    module: str


@attrs.frozen
class Fault:
    """A plugin's failure while judging one participant; the batch goes on."""

    plugin: str
    requirement_id: str | None
    index: int
    error: str  # exception type and message
    traceback: str = attrs.field(repr=False)


class _Plan:
    """How each requirement in force applies to a regime at a date (see :meth:`Engine._plan`)."""

    __slots__ = ("modes", "judge", "aside", "by_reason", "size", "cache")

    def __init__(self) -> None:
        self.modes: list[tuple[Requirement, Any]] = []
        self.judge: list[tuple] = []  # (position, rule function, requirement, plugin, id, references, responsible, force)
        self.aside: list[tuple] = []  # (position, requirement, plugin, mode)
        self.by_reason = False
        self.size = 0
        self.cache: dict[tuple, list[Finding | None]] = {}


def plugin_name_of(obj: Any) -> str:
    """A plugin's name: its ``PLUGIN_NAME``, else its module name less the ``integrules_`` prefix."""
    name = getattr(obj, "PLUGIN_NAME", None)
    if name:
        return name
    module = obj.__name__ if isinstance(obj, ModuleType) else type(obj).__module__
    return module.removeprefix("integrules_")


class Engine:
    """Loads plugins, resolves what they register, and judges participants.

    :param plugins: plugin objects (modules or instances) to register besides the installed
        ones, asked before them; a ``(name, plugin)`` pair names one explicitly.
    :param entry_points: load plugins installed on the ``integrules`` entry-point group.
    :param disable: plugin names not to load or register.
    :param settings: values for declared settings (name to value).
    :param trace: write every hook call to stderr.
    """

    def __init__(
        self,
        *,
        plugins: Iterable[Any] = (),
        entry_points: bool = True,
        disable: Iterable[str] = (),
        settings: Mapping[str, Any] | None = None,
        trace: bool = False,
    ) -> None:
        self.disabled = frozenset(disable)
        self.pm = pluggy.PluginManager("integrules")
        self.pm.add_hookspecs(hookspecs)
        self.load_errors: list[str] = []
        self.faults: list[Fault] = []
        self.fault_count = 0
        self._info: dict[str, PluginInfo] = {}
        for module_name in BUILTIN_PLUGINS:
            self._register(importlib.import_module(module_name), "integrules", "builtin", None)
        if entry_points:
            self._load_entry_points()
        # Registered in name order, so that the order of the list never changes a result
        # (pluggy asks the last registered first).
        named = [item if isinstance(item, tuple) else (plugin_name_of(item), item) for item in plugins]
        for name, obj in sorted(named, key=lambda pair: pair[0]):
            if name not in self.disabled:
                self._register(obj, name, "registered", None)
        self._check_pending()
        if trace:
            self.pm.trace.root.setwriter(sys.stderr.write)
            self.pm.enable_tracing()
        self.registry = self._collect()
        self.settings = self.registry.resolve_settings(settings)
        self._plans: dict[tuple[str | None, dt.date], _Plan] = {}
        # The unknown evaluation for the paths a Missing names (immutable, so shared): a few hundred
        # distinct path sets recur across participants, about 4 of them per participant.
        self._unknowns: dict[tuple[str, ...], Evaluation] = {}

    @classmethod
    def from_environment(cls, *, disable: Iterable[str] = (), **kwargs: Any) -> Engine:
        """An engine honouring INTEGRULES_DISABLE_PLUGINS, _DISABLE_PLUGIN_AUTOLOAD and _TRACE_PLUGINS."""
        env_disabled = [n.strip() for n in os.environ.get(ENV_DISABLE, "").split(",") if n.strip()]
        kwargs.setdefault("entry_points", not os.environ.get(ENV_NO_AUTOLOAD))
        kwargs.setdefault("trace", bool(os.environ.get(ENV_TRACE)))
        return cls(disable=[*disable, *env_disabled], **kwargs)

    # -- loading ---------------------------------------------------------------------------

    def _register(self, obj: Any, name: str, source: str, version: str | None) -> None:
        if self.pm.has_plugin(name) or name in self._info:
            raise PluginLoadError(f"two plugins are named {name!r}; plugin names must be unique")
        try:
            self.pm.register(obj, name=name)
        except pluggy.PluginValidationError as exc:  # a hook implementation with wrong arguments
            raise PluginLoadError(f"plugin {name!r} is not a valid integrules plugin: {exc}") from None
        hooks = tuple(sorted(h.name for h in self.pm.get_hookcallers(obj) or ()))
        module = obj.__name__ if isinstance(obj, ModuleType) else type(obj).__module__
        self._info[name] = PluginInfo(name, version, source, hooks, module)

    def _load_entry_points(self) -> None:
        for ep in sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
            if ep.name in self.disabled or self.pm.has_plugin(ep.name):
                continue
            try:
                obj = ep.load()
            except KeyboardInterrupt:
                raise
            except BaseException as exc:  # a broken plugin (even one calling sys.exit) is reported by name
                # By type only: the message may quote personal data.
                self.load_errors.append(f"plugin {ep.name!r} ({ep.value}) failed to load: {type(exc).__name__}")
                continue
            version = ep.dist.version if ep.dist is not None else None
            try:
                self._register(obj, ep.name, "entry point", version)
            except PluginLoadError as exc:  # an installed plugin that is broken is a warning, like one that fails to import
                self.load_errors.append(str(exc))

    def _check_pending(self) -> None:
        """A hook implementation whose name matches no hook (a misspelling) is refused by plugin name."""
        try:
            self.pm.check_pending()
        except pluggy.PluginValidationError as exc:
            name = self.pm.get_name(exc.plugin) or plugin_name_of(exc.plugin)
            raise PluginLoadError(f"plugin {name!r} is not a valid integrules plugin: {exc}") from None

    def _collect(self) -> Registry:
        entries: dict[str, list] = {"requirement": [], "adaptation": [], "regime": [], "setting": [], "fact": [],
                                    "verification": []}
        for name in sorted(self._info):
            plugin = self.pm.get_plugin(name)
            others = [p for p in self.pm.get_plugins() if p is not plugin]
            own: dict[str, list] = {kind: [] for kind in entries}
            hook_name = ""
            try:
                for hook_name in REGISTER_HOOKS:
                    # One call per plugin, through pluggy (tracing and wrappers apply), so each
                    # registration is attributed to the plugin that made it.
                    caller = self.pm.subset_hook_caller(hook_name, remove_plugins=others)
                    caller(register=Registrar(name, own))
            except (ConfigurationError, KeyboardInterrupt):
                raise
            except BaseException as exc:
                message = f"plugin {name!r} failed in {hook_name}: {type(exc).__name__}"  # the message may quote personal data
                if self._info[name].source != "entry point":  # the caller's own plugin: fail now
                    raise PluginLoadError(message) from exc
                # An installed plugin, like one that fails to import: reported by name, left out
                # whole (none of its registrations, none of its hooks); the others go on.
                self.load_errors.append(message)
                self.pm.unregister(plugin)
                del self._info[name]
                continue
            for kind, items in own.items():
                entries[kind].extend(items)
        return Registry.build(entries)

    def plugins(self) -> list[PluginInfo]:
        """The registered plugins, sorted by name."""
        return [self._info[n] for n in sorted(self._info)]

    def notices(self, as_of: dt.date | None) -> list[Text]:
        """What the header of ``check``, ``report`` and ``requirements`` says about ``as_of``: one notice
        naming every rule set whose texts were verified only up to an earlier date (none when ``as_of`` is None)."""
        if as_of is None:
            return []
        stale = [(name, v.verified_to) for name, v in sorted(self.registry.verifications.items())
                 if v.verified_to < as_of]
        if not stale:
            return []
        listed = ", ".join(f"{name} ({day.day:02d}.{day.month:02d}.{day.year})" for name, day in stale)
        return [Text(f"Merk: regelsamlingene er kontrollert mot lovtekstene bare fram til datoen i parentes: {listed}. "
                     "Endringer i regelverket (lov, forskrift eller lokale vedtak) etter den datoen er ikke lagt inn.",
                     f"Note: the rule sets were checked against the legal texts only up to the date in brackets: "
                     f"{listed}. Amendments to the rules (act, regulation or local decisions) after that date are not encoded.")]

    # -- evaluation ------------------------------------------------------------------------

    def requirements(self, as_of: dt.date | None = None) -> list[Requirement]:
        """Every requirement in force at ``as_of`` (all versions when None), sorted by id."""
        return self.registry.all_versions() if as_of is None else self.registry.in_force(as_of)

    def plugin_of(self, requirement: Requirement) -> str:
        return self.registry.owner(requirement)

    def decide_regime(self, participant: Participant, as_of: dt.date, *, index: int = -1) -> RegimeDecision:
        try:
            decision = self.pm.hook.integrules_decide_regime(
                participant=participant, as_of=as_of, settings=self.settings
            )
        except KeyboardInterrupt:
            raise
        except BaseException as exc:  # SystemExit or any other from a plugin is a fault like the rest
            plugin = self._failing_regime_plugin(participant, as_of)
            self._fault(plugin, None, index, exc)
            return RegimeDecision(
                regime=None,
                reason=Text(f"Feil i programtillegget {plugin!r} da regelverket skulle avgjøres.",
                            f"Plugin {plugin!r} failed while deciding the regime."),
                plugin=plugin,
            )
        if not isinstance(decision, RegimeDecision):
            plugin = self._answering_regime_plugin(participant, as_of)
            kind = type(decision).__name__
            self._fault(plugin, None, index, TypeError(f"returned {kind}, not a RegimeDecision"))
            return RegimeDecision(regime=None, reason=Text(
                f"Programtillegget {plugin!r} returnerte {kind}, ikke en RegimeDecision.",
                f"Plugin {plugin!r} returned {kind}, not a RegimeDecision."), plugin=plugin)
        if decision.regime is not None and decision.regime not in self.registry.regimes:
            plugin = self._answering_regime_plugin(participant, as_of)
            self._fault(plugin, None, index, ValueError(f"chose unknown regime {decision.regime!r}"))
            return attrs.evolve(decision, regime=None, reason=Text(
                f"Programtillegget {decision.plugin!r} valgte et ukjent regelverk {decision.regime!r}.",
                f"Plugin {decision.plugin!r} chose an unknown regime {decision.regime!r}."))
        return decision

    def _plan(self, regime_id: str | None, as_of: dt.date) -> _Plan:
        """Per regime and date: each requirement in force, with how it applies (cached)."""
        key = (regime_id, as_of)
        plan = self._plans.get(key)
        if plan is None:
            plan = _Plan()
            lineage = self.registry.lineage(regime_id) if regime_id else ()
            regime = self.registry.regimes.get(regime_id) if regime_id else None
            for position, req in enumerate(self.registry.in_force(as_of)):
                plugin = self.registry.owner(req)
                if regime_id is None:
                    mode: Any = "unknown"
                elif regime is not None and not regime.judged:
                    mode = ("other", regime)
                elif req.regime not in lineage:
                    mode = ("outside", self.registry.regimes.get(req.regime))
                elif (req.id, regime_id) in self.registry.adaptations:
                    mode = ("adapted", self.registry.adaptations[(req.id, regime_id)])
                else:
                    mode = "judge"
                plan.modes.append((req, mode))
                if mode == "judge":
                    plan.judge.append((position, req.evaluate, req, plugin, req.id, req.references, req.responsible,
                                       req.force))
                else:
                    plan.aside.append((position, req, plugin, mode))
                    # The finding of a requirement set aside depends on the decision's reason only
                    # when the regime is unknown or not judged.
                    plan.by_reason = plan.by_reason or mode == "unknown" or mode[0] == "other"
            plan.size = len(plan.modes)
            if len(self._plans) > 64:
                self._plans.clear()
            self._plans[key] = plan
        return plan

    def evaluate(self, participant: Participant, as_of: dt.date, *, index: int = 0) -> ParticipantResult:
        """Judge one participant at ``as_of``: one finding per requirement in force."""
        decision = self.decide_regime(participant, as_of, index=index)
        plan = self._plan(decision.regime, as_of)
        ctx = Context(participant, as_of, decision, self.settings, self.registry)
        # The findings of requirements set aside depend on the decision only: built once per
        # kind of decision and shared (findings are immutable); None where a rule judges.
        findings = self._set_aside_all(plan, decision) if plan.aside else [None] * plan.size
        for position, rule, req, plugin, rid, refs, responsible, force in plan.judge:
            try:
                ev = rule(ctx)
            except Missing as exc:
                ev = self._unknown(exc.paths)
            except KeyboardInterrupt:
                raise
            except BaseException as exc:  # SystemExit or any other from a plugin is a fault like the rest
                ev = self._failed(req, plugin, index, exc)
            if type(ev) is not Evaluation and not isinstance(ev, Evaluation):
                ev = self._not_evaluation(req, plugin, index, ev)
            if ev.references:
                refs = refs + tuple(r for r in ev.references if r not in refs)
            findings[position] = new_finding(rid, ev.outcome, ev.message, refs, responsible, plugin, ev.due, ev.missing,
                                             force)
        return _new_result(index, participant.id, as_of, decision, tuple(findings), participant,
                           participant_warnings(participant))

    def evaluate_all(
        self, items: Iterable[Participant | Rejection], as_of: dt.date
    ) -> Iterator[ParticipantResult | Rejection]:
        """Judge a stream; rejections pass through so that read = evaluated + rejected."""
        for i, item in enumerate(items):
            if isinstance(item, Rejection):
                yield item
            else:
                yield self.evaluate(item, as_of, index=i)

    def _judge(self, req: Requirement, plugin: str, ctx: Context, index: int) -> Finding:
        """One requirement judged (what :meth:`evaluate` does for each, inline)."""
        try:
            ev = req.evaluate(ctx)
        except Missing as exc:
            ev = unknown(exc.paths)
        except KeyboardInterrupt:
            raise
        except BaseException as exc:
            ev = self._failed(req, plugin, index, exc)
        else:
            if not isinstance(ev, Evaluation):
                ev = self._not_evaluation(req, plugin, index, ev)
        return self._finding(req, plugin, ev)

    def _unknown(self, paths: tuple[str, ...]) -> Evaluation:
        """``unknown(paths)``, the same object for the same paths."""
        try:
            ev = self._unknowns.get(paths)
        except TypeError:  # a plugin's Missing with something unhashable in its paths
            return unknown(paths)
        if ev is None:
            ev = unknown(paths)
            if len(self._unknowns) >= 4096:
                self._unknowns.clear()
            self._unknowns[paths] = ev
        return ev

    def _failed(self, req: Requirement, plugin: str, index: int, exc: BaseException) -> Evaluation:
        self._fault(plugin, req.id, index, exc)
        return Evaluation(Outcome.ERROR, Text(
            f"Feil i programtillegget {plugin!r}: {type(exc).__name__}. Kravet ble ikke vurdert.",
            f"Plugin {plugin!r} failed: {type(exc).__name__}. The requirement was not judged."))

    def _not_evaluation(self, req: Requirement, plugin: str, index: int, ev: Any) -> Evaluation:
        self._fault(plugin, req.id, index, TypeError(f"returned {type(ev).__name__}, not an Evaluation"))
        return Evaluation(Outcome.ERROR, Text(
            f"Programtillegget {plugin!r} returnerte {type(ev).__name__}, ikke en Evaluation.",
            f"Plugin {plugin!r} returned {type(ev).__name__}, not an Evaluation."))

    @staticmethod
    def _finding(req: Requirement, plugin: str, ev: Evaluation) -> Finding:
        refs = req.references + tuple(r for r in ev.references if r not in req.references)
        return Finding(req.id, ev.outcome, ev.message, refs, req.responsible, plugin, ev.due, ev.missing, req.force)

    def _set_aside_all(self, plan: _Plan, decision: RegimeDecision) -> list[Finding | None]:
        """A new list of the plan's findings with the set-aside ones filled in (cached per decision content)."""
        key = (decision.reason, decision.references, decision.plugin, decision.missing) if plan.by_reason \
            else (decision.references, decision.plugin)
        try:
            template = plan.cache.get(key)
        except TypeError:  # a decision holding something unhashable: built for this participant alone
            template, key = None, None
        if template is None:
            template = [None] * plan.size
            for position, req, plugin, mode in plan.aside:
                if mode == "unknown":
                    ev = unknown(decision.missing or ("regime",),
                                 "Regelverket deltakeren omfattes av er ukjent. " + decision.reason.nb,
                                 "The rules governing the participant are unknown. " + decision.reason.en)
                    template[position] = self._finding(req, plugin, ev)
                else:
                    kind, what = mode
                    template[position] = self._set_aside(req, plugin, kind, what, decision)
            if key is not None:
                if len(plan.cache) >= 256:  # reasons that name a date or a number can vary per participant
                    plan.cache.clear()
                plan.cache[key] = template
        return template.copy()

    def _set_aside(self, req: Requirement, plugin: str, kind: str, what: Any, decision: RegimeDecision) -> Finding:
        if kind == "adapted":
            replaced = (f" Vurderes i stedet etter {what.replaced_by}.", f" Judged instead by {what.replaced_by}.") \
                if what.replaced_by else ("", "")
            return Finding(req.id, Outcome.NOT_APPLICABLE,
                           Text(what.reason.nb + replaced[0], what.reason.en + replaced[1]),
                           what.references, req.responsible,
                           self.registry.adaptation_owners[(req.id, what.regime)], force=req.force)
        regime: Regime | None = what
        title = regime.title if regime else Text(req.regime, req.regime)
        if kind == "other":
            msg = Text(f"Deltakeren omfattes av {title.nb}; integrules vurderer ikke dette regelverket. {decision.reason.nb}",
                       f"The participant falls under {title.en}; integrules does not judge those rules. {decision.reason.en}")
        else:
            msg = Text(f"Gjelder bare for deltakere etter {title.nb}.", f"Applies only to participants under {title.en}.")
        return Finding(req.id, Outcome.NOT_APPLICABLE, msg, decision.references, req.responsible, decision.plugin or plugin,
                       force=req.force)

    def _fault(self, plugin: str, requirement_id: str | None, index: int, exc: BaseException) -> None:
        self.fault_count += 1
        if len(self.faults) < 1000:
            tb = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
            self.faults.append(Fault(plugin, requirement_id, index, f"{type(exc).__name__}: {exc}", tb))

    def _answering_regime_plugin(self, participant: Participant, as_of: dt.date) -> str:
        """On the rare error path, the plugin whose answer pluggy took (the first not None)."""
        for impl in reversed(self.pm.hook.integrules_decide_regime.get_hookimpls()):  # pluggy's call order
            if impl.hookwrapper or getattr(impl, "wrapper", False):
                continue
            others = [p for p in self.pm.get_plugins() if p is not impl.plugin]
            caller = self.pm.subset_hook_caller("integrules_decide_regime", remove_plugins=others)
            try:
                if caller(participant=participant, as_of=as_of, settings=self.settings) is not None:
                    return impl.plugin_name
            except KeyboardInterrupt:
                raise
            except BaseException:
                return impl.plugin_name
        return "?"

    def _failing_regime_plugin(self, participant: Participant, as_of: dt.date) -> str:
        """On the rare error path, ask each implementation alone to find the one that raises."""
        hook_impls = self.pm.hook.integrules_decide_regime.get_hookimpls()
        for impl in reversed(hook_impls):  # pluggy's call order
            others = [p for p in self.pm.get_plugins() if p is not impl.plugin]
            caller = self.pm.subset_hook_caller("integrules_decide_regime", remove_plugins=others)
            try:
                caller(participant=participant, as_of=as_of, settings=self.settings)
            except KeyboardInterrupt:
                raise
            except BaseException:
                return impl.plugin_name
        return "?"
