"""The one project converter (cattrs) and structure errors turned into readable field paths."""

from __future__ import annotations

import datetime as dt
import enum
import difflib
import functools
import math
import re
import types
import typing
from typing import Any

import attrs
import cattrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError

from .duf import DufNummer
from .errors import FieldValueError
from .findings import fast_new
from .levels import Level
from .dates import MAX_ISO, MIN_ISO, parse_date
from .privacy import describe, safe_keys


def _strict(kind: type, label: str):
    def structure(value: Any, _type: Any) -> Any:
        # bool is an int in Python; a count given as true is still a mistake.
        if isinstance(value, bool) and kind is not bool:
            raise FieldValueError(f"expected {label}, got true/false")
        if kind is float and isinstance(value, int):
            return float(value)
        if not isinstance(value, kind):
            raise FieldValueError(f"expected {label}, got {_json_type(value)}")
        if kind is float and not math.isfinite(value):  # NaN, Infinity, or 1e400 in the JSON
            raise FieldValueError(f"expected {label}, got a number that is not finite")
        return value

    structure.kind = kind  # type: ignore[attr-defined]  # read by the fast structurer
    return structure


def _structure_date(value: Any, _type: Any) -> dt.date:
    return parse_date(value)


def _structure_level(value: Any, _type: Any) -> Level:
    return Level.parse(value)


def _structure_duf(value: Any, _type: Any) -> DufNummer:
    return DufNummer.parse(value)


def _json_type(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "text", bool: "true/false", int: "a number",
            float: "a number", type(None): "null"}.get(type(value), type(value).__name__)


def _structure_enum(value: Any, enum_type: type[enum.Enum]) -> enum.Enum:
    if type(value) is str:  # the common case, a value written exactly: one dict look-up (performance)
        member = enum_type._value2member_map_.get(value)
        if member is not None:
            return member
    choices = [m.value for m in enum_type]
    if isinstance(value, str):
        try:
            return enum_type(value)
        except ValueError:
            pass
        # The value is never echoed (it may be a name typed into the wrong field); a close
        # choice is suggested instead.
        close = difflib.get_close_matches(value.strip().lower(), [str(c) for c in choices], n=1, cutoff=0.75)
        hint = f"; did you mean {close[0]}?" if close else ""
        raise FieldValueError(f"{describe(value)} is not one of: {', '.join(map(str, choices))}{hint}")
    raise FieldValueError(f"expected one of: {', '.join(map(str, choices))}; got {_json_type(value)}")


def make_converter() -> cattrs.Converter:
    """Build a fresh converter: strict simple types, unknown keys forbidden, dates ISO or dd.mm.yyyy."""
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    conv.register_structure_hook(dt.date, _structure_date)
    conv.register_unstructure_hook(dt.date, lambda d: d.isoformat())
    conv.register_structure_hook(Level, _structure_level)
    conv.register_unstructure_hook(Level, lambda lv: lv.value)
    conv.register_structure_hook(DufNummer, _structure_duf)
    conv.register_unstructure_hook(DufNummer, lambda d: d.digits)
    conv.register_structure_hook(bool, _strict(bool, "true or false"))
    conv.register_structure_hook(int, _strict(int, "a whole number"))
    conv.register_structure_hook(float, _strict(float, "a number"))
    conv.register_structure_hook(str, _strict(str, "text"))
    conv.register_structure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum) and t is not Level, _structure_enum
    )
    conv.register_structure_hook_factory(_is_optional, functools.partial(_optional_hook, conv))
    return conv


def _is_optional(t: Any) -> bool:
    args = getattr(t, "__args__", None)
    return (typing.get_origin(t) in (typing.Union, types.UnionType) and args is not None and len(args) == 2
            and type(None) in args)


def _optional_hook(conv: cattrs.Converter, t: Any):
    """``X | None``: the same as cattrs' own handling, with X's hook looked up once, not per value
    (performance: this is the most frequent hook, every field is optional)."""
    other = t.__args__[0] if t.__args__[1] is type(None) else t.__args__[1]
    inner = conv._structure_func.dispatch(other)

    def structure(value: Any, _type: Any) -> Any:
        if value is None:
            return None
        return inner(value, other)

    return structure


@functools.lru_cache(maxsize=1)
def converter() -> cattrs.Converter:
    """The shared project converter (built once, on first use, never at import)."""
    return make_converter()


_VALIDATOR_MESSAGE = re.compile(r"^((?:Length of )?'[A-Za-z_][A-Za-z0-9_]*' must be [^:]*): ")


def _format_exception(exc: BaseException, _type: Any) -> str:
    if isinstance(exc, FieldValueError):
        return str(exc)
    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, ForbiddenExtraKeysError):
        fields = safe_keys(exc.extra_fields)
        known = ", ".join(a.name for a in getattr(exc.cl, "__attrs_attrs__", ()))
        return f"unknown field(s) {fields} (expected: {known})"
    if isinstance(exc, TypeError) and "positional" in str(exc):
        return "wrong kind of value"
    if isinstance(exc, (TypeError, ValueError, AttributeError)):
        name = getattr(_type, "__name__", None) or str(_type)
        # attrs validators end their messages with ": <the value>"; the value is left out.
        if m := _VALIDATOR_MESSAGE.match(str(exc)):
            return m.group(1)
        return f"invalid value ({type(exc).__name__}); expected {name}"
    return f"invalid value ({type(exc).__name__})"


def error_messages(exc: BaseException, path: str) -> list[str]:
    """Flatten a cattrs structure error into ``"path.to.field: message"`` lines."""
    if isinstance(exc, (ClassValidationError, IterableValidationError)):
        lines = cattrs.transform_error(exc, path=path, format_exception=_format_exception)
    else:
        lines = [f"{_format_exception(exc, None)} @ {path}"]
    out = []
    for line in lines:
        message, _, where = line.rpartition(" @ ")
        out.append(f"{where}: {message}" if message else line)
    return out


# -- the fast structurer ---------------------------------------------------------------------
#
# Structuring with cattrs was about half the cost of judging a participant against a few
# requirements. For valid records the converter's generated code does more than needed (it
# collects errors field by field, looks hooks up, builds a dict of arguments), so for the model
# classes the same code is generated again, lean: exact type checks and direct calls to the
# same hooks, and the class called with the same arguments (so attrs validators still run).
# Anything it does not expect (a wrong type, a missing or unknown key, a failing validator, a
# non-canonical level like "b1") makes it give up, and the converter structures the record
# instead: it gives the same value or the same errors. tests/test_fast_paths.py checks that
# both give identical results, typed, for generated valid and broken records.


class _SlowPath(Exception):
    """The fast structurer gives up; the converter decides."""


def _slow() -> Any:
    raise _SlowPath


def _finite_float(value: Any) -> float:
    """As the converter's float hook on a valid value (an int becomes a float)."""
    kind = type(value)
    if kind is float and math.isfinite(value):
        return value
    if kind is int:
        return float(value)
    raise _SlowPath


class _GeneratedCode:
    """Python source generated per attrs class from the converter's hooks, and the names it uses
    (shared by the fast structurer here and the msgspec mirror in :mod:`integrules.fastjson`)."""

    def __init__(self, conv: cattrs.Converter, ns: dict[str, Any]) -> None:
        self.conv = conv
        self.ns = ns
        self.functions: dict[type, str] = {}
        self.source: list[str] = []
        self.counter = 0

    def name(self, prefix: str, value: Any = None) -> str:
        self.counter += 1
        name = f"_{prefix}{self.counter}"
        if value is not None:
            self.ns[name] = value
        return name

    def optional(self, t: Any) -> Any:
        """X for ``X | None`` structured by :func:`_optional_hook` (None to None, else as X), else None."""
        if not _is_optional(t):
            return None
        hook = self.conv._structure_func.dispatch(t)
        if not getattr(hook, "__qualname__", "").startswith("_optional_hook."):
            return None
        return t.__args__[0] if t.__args__[1] is type(None) else t.__args__[1]


class _FastCode(_GeneratedCode):
    """Source code of one structuring function per attrs class, following the converter's hooks."""

    def __init__(self, conv: cattrs.Converter) -> None:
        super().__init__(conv, {"_slow": _slow, "_float": _finite_float, "_parse_date": parse_date,
                                "_fromiso": dt.date.fromisoformat, "_parse_duf": DufNummer.parse,
                                "_bool": bool, "_int": int, "_str": str, "_list": list, "_dict": dict})

    def expr(self, t: Any, x: str) -> str:
        """A Python expression structuring the value in variable ``x`` as type ``t``."""
        other = self.optional(t)
        if other is not None:
            return f"(None if {x} is None else {self.expr(other, x)})"
        hook = self.conv._structure_func.dispatch(t)
        args = getattr(t, "__args__", None)
        if (typing.get_origin(t) is tuple and args is not None and len(args) == 2 and args[1] is Ellipsis
                and getattr(hook, "__func__", None) is cattrs.BaseConverter._structure_tuple
                and args[0] not in (Any, object)):
            e = self.name("e")
            return f"tuple([{self.expr(args[0], e)} for {e} in ({x} if type({x}) is _list else _slow())])"
        if isinstance(t, type) and attrs.has(t) and getattr(hook, "__name__", None) == f"structure_{t.__name__}":
            return f"{self.function(t)}({x})"
        if hook is _structure_date:
            # YYYY-MM-DD by the C parser (the dashes rule out its week dates); the rest by parse_date.
            return f"(_fromiso({x}) if type({x}) is _str and len({x}) == 10 and {x}[4] == '-' and {x}[7] == '-' " \
                   f"and {MIN_ISO!r} <= {x} <= {MAX_ISO!r} else _parse_date({x}))"  # out of range: parse_date refuses
        if hook is _structure_duf:
            return f"_parse_duf({x})"
        if hook is _structure_level or hook is _structure_enum:
            values = self.name("values", t._value2member_map_)
            return f"({values}[{x}] if type({x}) is _str else _slow())"
        kind = getattr(hook, "kind", None)
        if kind is float:
            return f"_float({x})"
        if kind in (bool, int, str):
            return f"({x} if type({x}) is _{kind.__name__} else _slow())"
        # Any other type: the converter's own hook, called as the converter would call it.
        return f"{self.name('hook', hook)}({x}, {self.name('type', t)})"

    def function(self, cls: type) -> str:
        found = self.functions.get(cls)
        if found:
            return found
        name = self.functions[cls] = self.name(f"structure_{cls.__name__}_")
        attrs.resolve_types(cls)
        fields = attrs.fields(cls)
        if any(not a.init or a.alias != a.name for a in fields):  # not generated: the converter's hook
            hook, t = self.conv._structure_func.dispatch(cls), cls
            self.ns[name] = lambda value: hook(value, t)
            return name
        keys = self.name("keys", frozenset(a.name for a in fields))
        lines = [f"def {name}(d):",
                 f"    if type(d) is not _dict or not {keys}.issuperset(d): _slow()"]
        args: list[str] = []
        optional: list[tuple[attrs.Attribute, str]] = []
        for i, a in enumerate(fields):
            v = f"v{i}"
            if a.default is attrs.NOTHING:
                lines.append(f"    {v} = d[{a.name!r}]")
                lines.append(f"    {v} = {self.expr(a.type, v)}")
                args.append(f"{a.alias}={v}")
            elif a.default is None and a.converter is None and self.optional(a.type) is not None:
                # Absent and null are the same here: the default is None, and null structures to None.
                lines.append(f"    {v} = d.get({a.name!r})")
                lines.append(f"    {v} = {self.expr(a.type, v)}")
                args.append(f"{a.alias}={v}")
            else:  # passed only when present, as the converter does
                optional.append((a, v))
        if optional:
            lines.append("    kw = {}")
            for a, v in optional:
                lines.append(f"    if {a.name!r} in d:")
                lines.append(f"        {v} = d[{a.name!r}]")
                lines.append(f"        kw[{a.alias!r}] = {self.expr(a.type, v)}")
            args.append("**kw")
        new = fast_new(cls)
        if new is not cls and not optional:  # every value in hand and nothing to check: the slots set directly
            lines.append(f"    return {self.name('new', new)}({', '.join(f'v{i}' for i in range(len(fields)))})")
        else:
            lines.append(f"    return {self.name('cls', cls)}({', '.join(args)})")
        self.source.append("\n".join(lines))
        return name


@functools.lru_cache(maxsize=None)
def fast_structurer(cls: type) -> typing.Callable[[Any], Any]:
    """A function structuring a valid record into ``cls`` exactly as :func:`converter` does, faster.

    It raises an exception on any record it does not take as it is; the caller then structures
    the record with the converter, which gives the value or the error messages (see
    :func:`integrules.reading.structure_participant`). Built from the shared converter's hooks on
    first use: hooks registered on it later are not seen.
    """
    code = _FastCode(converter())
    top = code.function(cls)
    exec(compile("\n\n".join(code.source), f"<integrules fast structurer for {cls.__name__}>", "exec"), code.ns)
    return code.ns[top]
