"""Collects what plugins register and resolves it, refusing conflicts at start-up."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any, Iterable, Mapping

import attrs

from .errors import ConfigurationError, UsageError
from .rules import Adaptation, DerivedFact, Regime, Requirement, Setting, Verification


@attrs.frozen
class Entry:
    """Something registered, and the plugin that registered it."""

    plugin: str
    item: Any
    override: bool = False


class Registrar:
    """Handed to the ``integrules_register_*`` hooks; everything registered is attributed to ``plugin``."""

    def __init__(self, plugin: str, entries: dict[str, list[Entry]]) -> None:
        self.plugin = plugin
        self._entries = entries

    def _add(self, kind: str, item: Any, override: bool = False) -> None:
        self._entries[kind].append(Entry(self.plugin, item, override))

    def requirement(self, *requirements: Requirement) -> None:
        """Add one or more requirements."""
        for req in requirements:
            if not isinstance(req, Requirement):
                raise ConfigurationError(f"plugin {self.plugin!r} registered {type(req).__name__}, not a Requirement")
            self._add("requirement", req)

    __call__ = requirement

    def override(self, requirement: Requirement) -> None:
        """Replace another plugin's requirement with the same id (all its versions)."""
        self._add("requirement", requirement, override=True)

    def adaptation(self, adaptation: Adaptation) -> None:
        """Set a requirement aside for one regime's participants, with the legal reason."""
        self._add("adaptation", adaptation)

    def regime(self, regime: Regime) -> None:
        self._add("regime", regime)

    def setting(self, setting: Setting) -> None:
        self._add("setting", setting)

    def derived_fact(self, fact: DerivedFact) -> None:
        self._add("fact", fact)

    def verification(self, verification: Verification) -> None:
        """The date this plugin's rules were checked against the legal texts (at most once per plugin)."""
        if not isinstance(verification, Verification):
            raise ConfigurationError(f"plugin {self.plugin!r} registered {type(verification).__name__}, "
                                     "not a Verification")
        self._add("verification", verification)

    def override_fact(self, fact: DerivedFact) -> None:
        """Replace another plugin's derived fact with the same name."""
        self._add("fact", fact, override=True)


def _overlap(a: Requirement, b: Requirement) -> bool:
    far = dt.date.max
    return a.valid_from < (b.valid_to or far) and b.valid_from < (a.valid_to or far)


@attrs.define
class Registry:
    """The resolved registrations: what the engine evaluates with."""

    requirements: dict[str, list[Requirement]]  # id -> versions, oldest first
    owners: dict[int, str]  # id(requirement) -> plugin
    overridden: dict[str, str]  # requirement id or fact name -> plugin whose entry was replaced
    regimes: dict[str, Regime]
    regime_owners: dict[str, str]
    adaptations: dict[tuple[str, str], Adaptation]  # (requirement id, regime) -> adaptation
    adaptation_owners: dict[tuple[str, str], str]
    settings: dict[str, Setting]
    setting_owners: dict[str, str]
    derived_facts: dict[str, DerivedFact]
    fact_owners: dict[str, str]
    verifications: dict[str, Verification] = attrs.field(factory=dict)  # plugin -> its verified-up-to date

    @classmethod
    def build(cls, entries: Mapping[str, list[Entry]]) -> Registry:
        problems: list[str] = []
        requirements, owners, overridden = _resolve_requirements(entries.get("requirement", []), problems)
        regimes, regime_owners = _unique(entries.get("regime", []), lambda r: r.id, "regime", problems)
        for regime in regimes.values():
            if regime.base is not None and regime.base not in regimes:
                problems.append(f"regime {regime.id!r} builds on unknown regime {regime.base!r}")
        adaptations, adaptation_owners = _unique(
            entries.get("adaptation", []), lambda a: (a.requirement_id, a.regime), "adaptation", problems
        )
        for (req_id, regime), owner in adaptation_owners.items():
            ad = adaptations[(req_id, regime)]
            if req_id not in requirements:
                problems.append(f"plugin {owner!r} adapts unknown requirement {req_id!r}")
            if regime not in regimes:
                problems.append(f"plugin {owner!r} adapts {req_id!r} for unknown regime {regime!r}")
            if ad.replaced_by is not None and ad.replaced_by not in requirements:
                problems.append(f"plugin {owner!r} replaces {req_id!r} by unknown requirement {ad.replaced_by!r}")
        settings, setting_owners = _unique(entries.get("setting", []), lambda s: s.name, "setting", problems)
        facts, fact_owners = {}, {}
        base_facts = [e for e in entries.get("fact", []) if not e.override]
        facts, fact_owners = _unique(base_facts, lambda f: f.name, "derived fact", problems)
        for name, group in _group(e for e in entries.get("fact", []) if e.override).items():
            if len(group) > 1:
                problems.append(f"derived fact {name!r} is overridden by more than one plugin: {_names(group)}")
            elif name not in facts:
                problems.append(f"plugin {group[0].plugin!r} overrides unknown derived fact {name!r}")
            else:
                overridden[name] = fact_owners[name]
                facts[name], fact_owners[name] = group[0].item, group[0].plugin
        for req_list in requirements.values():
            for req in req_list:
                for name in req.settings:
                    if name not in settings:
                        problems.append(f"requirement {req.id!r} reads undeclared setting {name!r}")
        verifications = {}
        for plugin, group in sorted(_group(entries.get("verification", []), key=lambda e: e.plugin).items()):
            if len(group) > 1:
                problems.append(f"plugin {plugin!r} registered its verification date more than once")
            verifications[plugin] = group[0].item
        if problems:
            raise ConfigurationError("plugin configuration errors:\n  " + "\n  ".join(problems))
        return cls(requirements, owners, overridden, regimes, regime_owners, adaptations, adaptation_owners,
                   settings, setting_owners, facts, fact_owners, verifications)

    def resolve_settings(self, values: Mapping[str, Any] | None) -> dict[str, Any]:
        """Defaults updated with the user's values; an unknown name or bad value is a usage error."""
        resolved = {name: s.default for name, s in self.settings.items()}
        for name, value in (values or {}).items():
            if name not in self.settings:
                known = ", ".join(sorted(self.settings)) or "none"
                raise UsageError(f"unknown setting {name!r} (known settings: {known})")
            try:
                resolved[name] = self.settings[name].parse(value)
            except (TypeError, ValueError) as exc:
                raise UsageError(f"setting {name!r}: {exc}") from None
        return dict(sorted(resolved.items()))

    def in_force(self, day: dt.date) -> list[Requirement]:
        """The version of each requirement in force on ``day``, sorted by id."""
        out = []
        for req_id in sorted(self.requirements):
            for req in self.requirements[req_id]:
                if req.in_force(day):
                    out.append(req)
                    break
        return out

    def all_versions(self) -> list[Requirement]:
        return [req for req_id in sorted(self.requirements) for req in self.requirements[req_id]]

    def owner(self, req: Requirement) -> str:
        return self.owners[id(req)]

    def lineage(self, regime_id: str) -> tuple[str, ...]:
        """The regime and the regimes it builds on, nearest first."""
        chain = []
        current: str | None = regime_id
        while current is not None and current not in chain:
            chain.append(current)
            current = self.regimes[current].base if current in self.regimes else None
        return tuple(chain)


def _group(entries: Iterable[Entry], key=lambda e: e.item.name) -> dict[Any, list[Entry]]:
    groups: dict[Any, list[Entry]] = defaultdict(list)
    for e in entries:
        groups[key(e)].append(e)
    return groups


def _names(group: list[Entry]) -> str:
    return ", ".join(sorted({repr(e.plugin) for e in group}))


def _unique(entries: list[Entry], key, what: str, problems: list[str]) -> tuple[dict, dict]:
    items, owners = {}, {}
    for k, group in _group(entries, key=lambda e: key(e.item)).items():
        if len(group) > 1:
            problems.append(f"{what} {k!r} is registered more than once, by {_names(group)}")
        items[k], owners[k] = group[0].item, group[0].plugin
    return dict(sorted(items.items(), key=lambda kv: str(kv[0]))), owners


def _resolve_requirements(entries: list[Entry], problems: list[str]):
    base = _group((e for e in entries if not e.override), key=lambda e: e.item.id)
    overrides = _group((e for e in entries if e.override), key=lambda e: e.item.id)
    requirements: dict[str, list[Requirement]] = {}
    owners: dict[int, str] = {}
    overridden: dict[str, str] = {}
    for req_id, group in base.items():
        group = sorted(group, key=lambda e: e.item.valid_from)
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if _overlap(a.item, b.item):
                    who = f"by {a.plugin!r}" if a.plugin == b.plugin else f"by {a.plugin!r} and {b.plugin!r}"
                    problems.append(f"requirement {req_id!r} is registered twice for overlapping dates, {who}")
        requirements[req_id] = [e.item for e in group]
        owners.update((id(e.item), e.plugin) for e in group)
    for req_id, group in overrides.items():
        if len(group) > 1:
            problems.append(f"requirement {req_id!r} is overridden by more than one plugin: {_names(group)}")
            continue
        if req_id not in requirements:
            problems.append(f"plugin {group[0].plugin!r} overrides unknown requirement {req_id!r}")
            continue
        overridden[req_id] = ", ".join(sorted({owners[id(r)] for r in requirements[req_id]}))
        requirements[req_id] = [group[0].item]
        owners[id(group[0].item)] = group[0].plugin
    return dict(sorted(requirements.items())), owners, overridden
