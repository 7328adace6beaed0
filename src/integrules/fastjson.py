"""JSON text straight into the typed model with msgspec, for records the converter takes as they are.

Reading a JSON Lines record was two steps in Python: ``json.loads`` builds dicts and lists, then
the fast structurer (:func:`integrules.convert.fast_structurer`) checks them and builds the model.
With msgspec (the optional extra ``integrules[fast]``, in the README's install) the JSON text is
decoded and type-checked in C into plain structs mirroring the model, and generated Python code
builds the model's attrs objects from them: about half the time of the two steps (docs/performance.md).

The mirror follows the project converter's hooks field by field, as the fast structurer does, and
refuses whatever the converter might read differently: an unknown key (each struct forbids them),
a date not written ``YYYY-MM-DD``, a level or choice not written exactly, a number of the wrong kind.
Then the caller reads the line the ordinary way (``json.loads`` and the converter), which gives
the same participant or words the errors. tests/test_fast_structurer.py checks that both ways
give identical results for generated valid and broken lines.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import typing
from typing import Any, Callable

import attrs

from .convert import _GeneratedCode, _structure_date, _structure_duf, _structure_enum, _structure_level, converter
from .dates import MAX_DATE, MIN_DATE
from .duf import DufNummer
from .findings import fast_new

try:  # an optional extra: without it every line takes the ordinary way
    import msgspec
except ImportError:  # pragma: no cover - exercised by tests that hide the module
    msgspec = None  # type: ignore[assignment]


class _Refused(Exception):
    """A value the mirror decoded but the converter might read differently (a float that is not finite)."""


def _refuse() -> Any:
    raise _Refused


def _finite(value: float) -> float:
    if math.isfinite(value):
        return value
    raise _Refused


class _Mirror(_GeneratedCode):
    """msgspec structs mirroring the attrs classes, and the code building the attrs objects from them
    (the same hook look-ups as the fast structurer, so that both follow the same hooks)."""

    def __init__(self) -> None:
        super().__init__(converter(), {"_finite": _finite, "_parse_duf": DufNummer.parse, "_tuple": tuple,
                                       "_min_date": MIN_DATE, "_max_date": MAX_DATE, "_refuse": _refuse})
        self.structs: dict[type, Any] = {}

    def field(self, t: Any, x: str) -> tuple[Any, str]:
        """The msgspec type decoding a value of type ``t``, and an expression building it from ``x``.

        Raises TypeError for a type the mirror does not follow (then no mirror is used at all).
        """
        other = self.optional(t)
        if other is not None:
            inner, expr = self.field(other, x)
            return inner | None, (x if expr == x else f"(None if {x} is None else {expr})")
        hook = self.conv._structure_func.dispatch(t)
        args = getattr(t, "__args__", None)
        if typing.get_origin(t) is tuple and args is not None and len(args) == 2 and args[1] is Ellipsis:
            inner, expr = self.field(args[0], "e")
            return tuple[inner, ...], (x if expr == "e" else f"_tuple([{expr} for e in {x}])")
        if isinstance(t, type) and attrs.has(t) and getattr(hook, "__name__", None) == f"structure_{t.__name__}":
            return self.struct(t), f"{self.function(t)}({x})"
        if hook is _structure_date:
            # msgspec reads YYYY-MM-DD only; dd.mm.yyyy, and a date out of range, go the ordinary way
            return dt.date, f"({x} if _min_date <= {x} <= _max_date else _refuse())"
        if hook is _structure_duf:
            return str, f"_parse_duf({x})"
        if hook is _structure_level or hook is _structure_enum:
            return t, x  # by value, written exactly, as the fast structurer's look-up
        kind = getattr(hook, "kind", None)
        if kind is float:
            return float, f"_finite({x})"  # msgspec gives an int as a float, as the converter does
        if kind in (bool, int, str):
            return kind, x  # exact JSON types: msgspec refuses true for an int, as the converter does
        raise TypeError(f"no mirror for {t!r}")

    def struct(self, cls: type) -> Any:
        found = self.structs.get(cls)
        if found is None:
            self.function(cls)
            found = self.structs[cls]
        return found

    def function(self, cls: type) -> str:
        found = self.functions.get(cls)
        if found:
            return found
        name = self.functions[cls] = self.name(f"build_{cls.__name__}_")
        attrs.resolve_types(cls)
        fields = attrs.fields(cls)
        if any(not a.init or a.alias != a.name for a in fields):
            raise TypeError(f"no mirror for {cls.__name__}: a field not set by its own name")
        spec, values, keywords = [], [], []
        for a in fields:
            kind, expr = self.field(a.type, f"s.{a.name}")
            if a.default is attrs.NOTHING:
                spec.append((a.name, kind))
            elif a.default is None and a.converter is None and self.optional(a.type) is not None:
                spec.append((a.name, kind, None))  # absent and null are the same, as in the converter
            else:
                raise TypeError(f"no mirror for {cls.__name__}.{a.name}: a default other than None")
            values.append(expr)
            keywords.append(f"{a.alias}={expr}")
        # Not tracked by the garbage collector: the structs hold only decoded values, never a cycle.
        self.structs[cls] = msgspec.defstruct(f"Json{cls.__name__}", spec, forbid_unknown_fields=True, gc=False)
        new = fast_new(cls)
        if new is not cls:  # nothing to check: the slots set directly
            body = f"{self.name('new', new)}({', '.join(values)})"
        else:  # validators: the class called as the converter calls it
            body = f"{self.name('cls', cls)}({', '.join(keywords)})"
        self.source.append(f"def {name}(s):\n    return {body}")
        return name


@functools.lru_cache(maxsize=None)
def json_structurer(cls: type) -> Callable[[str | bytes], Any] | None:
    """A function reading one JSON text as ``cls`` exactly as ``json.loads`` and the converter do, or
    None when msgspec is not installed (or ``cls`` has a field the mirror does not follow).

    It raises an exception on any text it does not take as it is; the caller then reads the text
    the ordinary way. Built from the shared converter's hooks on first use.
    """
    if msgspec is None:
        return None
    mirror = _Mirror()
    try:
        top_struct = mirror.struct(cls)
    except TypeError:
        return None
    exec(compile("\n\n".join(mirror.source), f"<integrules json structurer for {cls.__name__}>", "exec"), mirror.ns)
    decode = msgspec.json.Decoder(top_struct).decode
    build = mirror.ns[mirror.functions[cls]]

    def structure(text: str | bytes) -> Any:
        return build(decode(text))

    return structure
