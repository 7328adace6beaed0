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

import cattrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError

from .duf import DufNummer
from .errors import FieldValueError
from .levels import Level
from .dates import parse_date
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

    return structure


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
    conv.register_structure_hook(dt.date, lambda v, _: parse_date(v))
    conv.register_unstructure_hook(dt.date, lambda d: d.isoformat())
    conv.register_structure_hook(Level, lambda v, _: Level.parse(v))
    conv.register_unstructure_hook(Level, lambda lv: lv.value)
    conv.register_structure_hook(DufNummer, lambda v, _: DufNummer.parse(v))
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
