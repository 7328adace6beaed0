"""Options and helpers shared by the subcommands."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from importlib import resources
from typing import Any

from ..dates import parse_date
from ..engine import Engine
from ..errors import FieldValueError, UsageError

EXAMPLE = "eksempelkommune.json"


def example_path() -> str:
    return str(resources.files("integrules") / "examples" / EXAMPLE)


def date_arg(value: str) -> dt.date:
    try:
        return parse_date(value)
    except FieldValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_engine_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--disable", action="append", default=[], metavar="PLUGIN",
                   help="ikke last dette programtillegget / do not load this plugin (repeatable; "
                        "also INTEGRULES_DISABLE_PLUGINS=a,b)")
    p.add_argument("--setting", action="append", default=[], metavar="NAME=VALUE",
                   help="verdi for en innstilling / value for a setting (repeatable; see `integrules requirements`)")


def parse_settings(pairs: list[str], base: dict[str, Any] | None = None) -> dict[str, Any]:
    settings = dict(base or {})
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise UsageError(f"--setting expects NAME=VALUE, got {pair!r}")
        settings[name.strip()] = value.strip()
    return settings


def make_engine(args: argparse.Namespace, file_settings: dict[str, Any] | None = None) -> Engine:
    engine = Engine.from_environment(disable=args.disable, settings=parse_settings(args.setting, file_settings))
    for message in engine.load_errors:
        print(f"integrules: advarsel/warning: {message}", file=sys.stderr)
    return engine
