"""Judging examples again in a fresh interpreter: another PYTHONHASHSEED and a shifted clock.

The conformance check (:mod:`integrules.testing.conformance`) runs this module's :data:`CHILD`
in a subprocess. The child moves the system clock (``time.time``, which ``date.today()`` reads,
and ``datetime.now()``) before integrules or any plugin is imported, rebuilds the engine from
the plugins' recipes, judges the same participants at the same dates and prints the findings
as JSON. A rule that reads the clock, or whose output depends on hashing (set order), judges
differently there.
"""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.util
import json
import sys
from types import ModuleType
from typing import Any

# Run with ``python -c CHILD``; the clock is moved first, so nothing imported later sees the real one.
CHILD = r"""
import datetime, json, os, sys, time
_shift = float(os.environ.get("INTEGRULES_KIT_CLOCK_SHIFT_DAYS", "0")) * 86400.0
if _shift:
    _time, _time_ns = time.time, time.time_ns
    time.time = lambda: _time() + _shift
    time.time_ns = lambda: _time_ns() + int(_shift * 1e9)
    for _name in ("localtime", "gmtime", "ctime"):
        _real = getattr(time, _name)
        setattr(time, _name, lambda secs=None, _real=_real: _real(time.time() if secs is None else secs))
    _Real = datetime.datetime
    class _Shifted(_Real):
        @classmethod
        def now(cls, tz=None):
            return _Real.fromtimestamp(time.time(), tz)
        @classmethod
        def utcnow(cls):
            return _Real.fromtimestamp(time.time(), datetime.timezone.utc).replace(tzinfo=None)
        @classmethod
        def today(cls):
            return _Real.fromtimestamp(time.time())
    datetime.datetime = _Shifted
payload = json.load(sys.stdin)
sys.path[:0] = payload["path"]
from integrules.testing._replay import child_main
child_main(payload)
"""


def rebuild_recipe(obj: Any) -> dict[str, Any] | None:
    """How a fresh interpreter gets ``obj`` (a plugin module or object) again; None if it cannot."""
    recipe = getattr(obj, "__integrules_rebuild__", None)
    if recipe is not None:  # (``module:function``, args, kwargs), e.g. stub_regime's
        target, args, kwargs = recipe
        return {"call": target, "args": list(args), "kwargs": dict(kwargs)}
    if isinstance(obj, ModuleType):
        origin = getattr(obj, "__file__", None)
        # Found by name on the path (not from sys.modules, which holds modules loaded from files too)?
        from importlib.machinery import PathFinder

        parent = obj.__name__.rpartition(".")[0]
        search = getattr(sys.modules.get(parent), "__path__", None) if parent else sys.path
        try:
            found = PathFinder.find_spec(obj.__name__, search) if search is not None else None
        except (ImportError, ValueError):
            found = None
        if found is not None and found.origin == origin:
            return {"module": obj.__name__}
        if origin:
            return {"file": origin, "module": obj.__name__,
                    "package": list(getattr(obj, "__path__", None) or []) or None}
        return None
    module = sys.modules.get(type(obj).__module__)
    if module is None:
        return None
    holder = rebuild_recipe(module)
    if holder is None:
        return None
    for attr, value in vars(module).items():
        if value is obj:
            return {**holder, "attr": attr}
    return None


def _load(recipe: dict[str, Any]) -> Any:
    if "call" in recipe:
        module_name, _, function = recipe["call"].partition(":")
        return getattr(importlib.import_module(module_name), function)(*recipe["args"], **recipe["kwargs"])
    if "file" in recipe:
        name = recipe["module"]
        spec = importlib.util.spec_from_file_location(name, recipe["file"],
                                                      submodule_search_locations=recipe.get("package"))
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    else:
        module = importlib.import_module(recipe["module"])
    return getattr(module, recipe["attr"]) if recipe.get("attr") else module


def judgements(engine: Any, examples: list[tuple[Any, dt.date]], name: str) -> list[list[Any]]:
    """The findings of plugin ``name`` for each example, as JSON-ready lists."""
    from ..output import finding_to_dict

    out = []
    for participant, as_of in examples:
        result = engine.evaluate(participant, as_of)
        out.append([json.loads(json.dumps(finding_to_dict(f), default=str, sort_keys=True))
                    for f in result.findings if f.plugin == name])
    return out


def child_main(payload: dict[str, Any]) -> None:
    from ..convert import converter
    from ..engine import Engine
    from ..model import Participant

    plugins = [(name, _load(recipe)) for name, recipe in payload["plugins"]]
    engine = Engine(entry_points=False, plugins=plugins, settings=payload["settings"])
    examples = [(converter().structure(p, Participant), dt.date.fromisoformat(day)) for p, day in payload["examples"]]
    json.dump(judgements(engine, examples, payload["name"]), sys.stdout, sort_keys=True)
