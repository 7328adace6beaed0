"""Areas of the law that reports group requirements by: mapping, plan, contract, NIR ...

The core names no area: plugins declare them with the hook ``integrules_report_areas`` (an
:class:`Area` claims requirements by id or id prefix, by category, or by checklist item), so the
plugin holding the law can group the requirements of every plugin. A requirement no area claims
is grouped under its plugin's name (``plugin:<name>``), so a report never leaves one out.
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping

import attrs

from .findings import Text


def _to_tuple(value: Any) -> tuple:
    return tuple(value) if not isinstance(value, tuple) else value


@attrs.frozen(kw_only=True)
class Area:
    """One area of the law: a title and the requirements it claims.

    ``requirements`` holds requirement ids, or id prefixes ending in ``"."``; ``categories``
    requirement categories (``"nir"``); ``checklist`` checklist items (``"R6"``). A claim by id
    beats a prefix (the longest wins), a prefix beats a category, a category beats a checklist
    item; among checklist items the requirement's own order decides. ``order`` sorts areas.
    """

    id: str = attrs.field(validator=attrs.validators.matches_re(r"^[a-z0-9_]+$"))
    title: Text
    order: int = 100
    requirements: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple)
    categories: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple)
    checklist: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple)


FALLBACK_ORDER = 1000  # areas made for unclaimed requirements come after the declared ones


def collect_areas(engine: Any) -> tuple[list[Area], list[str]]:
    """The areas every plugin declares, merged by id, sorted by (order, id); and the problems met.

    Each plugin is asked on its own (through pluggy), so one failing plugin costs only its areas;
    the failure is returned as a message, never raised: areas only group a report.
    """
    if engine is None:
        return [], []
    merged: dict[str, Area] = {}
    problems: list[str] = []
    for info in engine.plugins():
        plugin = engine.pm.get_plugin(info.name)
        if plugin is None:
            continue
        others = [p for p in engine.pm.get_plugins() if p is not plugin]
        caller = engine.pm.subset_hook_caller("integrules_report_areas", remove_plugins=others)
        try:
            answers = caller()
        except Exception as exc:  # a plugin's bug: its areas are left out, its requirements still reported
            problems.append(f"plugin {info.name!r} failed in integrules_report_areas: {type(exc).__name__}: {exc}")
            continue
        for answer in answers:
            for area in answer or ():
                if not isinstance(area, Area):
                    problems.append(f"plugin {info.name!r} gave {type(area).__name__} as an area, not an Area")
                    continue
                known = merged.get(area.id)
                if known is None:
                    merged[area.id] = area
                else:  # one area declared by several plugins: the first keeps its title, claims add up
                    merged[area.id] = attrs.evolve(
                        known, requirements=known.requirements + area.requirements,
                        categories=known.categories + area.categories, checklist=known.checklist + area.checklist)
    return sorted(merged.values(), key=lambda a: (a.order, a.id)), problems


def area_of(requirement_id: str, category: str, checklist: Iterable[str], plugin: str | None,
            areas: Iterable[Area]) -> str:
    """The id of the area that claims a requirement, else ``plugin:<plugin>``."""
    areas = list(areas)
    for area in areas:
        if requirement_id in area.requirements:
            return area.id
    best, best_len = None, -1
    for area in areas:
        for prefix in area.requirements:
            if prefix.endswith(".") and requirement_id.startswith(prefix) and len(prefix) > best_len:
                best, best_len = area.id, len(prefix)
    if best is not None:
        return best
    for area in areas:
        if category in area.categories:
            return area.id
    for item in checklist:
        for area in areas:
            if item in area.checklist:
                return area.id
    return f"plugin:{plugin or 'ukjent'}"


def fallback_title(area_id: str) -> Text:
    """The title of an area made for unclaimed requirements: ``plugin:eksempelkommune`` -> "Andre krav (eksempelkommune)"."""
    name = area_id.removeprefix("plugin:")
    return Text(f"Andre krav ({name})", f"Other requirements ({name})")


def report_areas(requirements: list[Mapping[str, Any]], areas: Iterable[Area]) -> list[dict[str, Any]]:
    """The report's ``areas``: each area with a requirement in the report, in order, with its requirement ids.

    ``requirements`` are the report's requirement dicts, each with its ``area`` set.
    """
    declared = {a.id: a for a in areas}
    members: dict[str, list[str]] = {}
    for r in requirements:
        members.setdefault(r["area"], []).append(r["id"])
    out = []
    for area_id, ids in members.items():
        area = declared.get(area_id)
        title = area.title if area is not None else fallback_title(area_id)
        order = area.order if area is not None else FALLBACK_ORDER
        out.append({"id": area_id, "title": {"nb": title.nb, "en": title.en}, "order": order, "requirements": sorted(ids)})
    return sorted(out, key=lambda a: (a["order"], a["id"]))
