"""Options and helpers shared by the subcommands."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from importlib import resources
from typing import Any

from ..dates import parse_date
from ..engine import Engine
from ..errors import FieldValueError, NoRulesError, PluginLoadError, UsageError
from ..reading import INPUT_FORMATS
from ..privacy import ENV_KEY, KEY_ADVICE, Pseudonymiser, weak_key

EXAMPLE = "eksempelkommune.json"


def example_path() -> str:
    return str(resources.files("integrules") / "examples" / EXAMPLE)


def date_arg(value: str) -> dt.date:
    try:
        return parse_date(value)
    except FieldValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_input_arguments(p: argparse.ArgumentParser, *, file_help: str, date_help: str) -> None:
    """FILE, --example and --as-of, shared by the commands that read a case file."""
    p.add_argument("file", nargs="?", help=file_help)
    p.add_argument("--example", action="store_true", help="bruk det innebygde eksempelet / use the bundled example")
    p.add_argument("--input-format", choices=INPUT_FORMATS, metavar="FORMAT",
                   help=f"filens format / the file's format ({', '.join(INPUT_FORMATS)}); default: by its suffix, "
                        "and on standard input JSON Lines when the first line is a participant, else JSON")
    p.add_argument("--as-of", type=date_arg, metavar="DATE",
                   help=f"{date_help} (YYYY-MM-DD or dd.mm.yyyy); default: the file's as_of, else today")


def add_engine_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--disable", action="append", default=[], metavar="PLUGIN",
                   help="ikke last dette programtillegget / do not load this plugin (repeatable; "
                        "also INTEGRULES_DISABLE_PLUGINS=a,b)")
    p.add_argument("--setting", action="append", default=[], metavar="NAME=VALUE",
                   help="verdi for en innstilling / value for a setting (repeatable; see `integrules requirements`)")
    p.add_argument("--strict", action="store_true",
                   help="avslutt med kode 4 også når et programtillegg ikke kan lastes / exit 4 also when a plugin "
                        "fails to load (without it that is a warning; a plugin failing on a record always exits 4)")


def add_privacy_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--pseudonymise", "--pseudonymize", action="store_true",
                   help="erstatt deltaker-id med nøkkelbaserte pseudonymer / replace participant ids with keyed "
                        f"hashes (HMAC-SHA-256), stable for the same key; key from --key or {ENV_KEY}")
    p.add_argument("--key", metavar="KEY",
                   help=f"nøkkel for --pseudonymise / key for --pseudonymise (prefer {ENV_KEY}: a command line is visible to other users)")


def pseudonymiser(args: argparse.Namespace) -> Pseudonymiser | None:
    """The Pseudonymiser that --pseudonymise asks for, or None; a missing key is a usage error."""
    if not getattr(args, "pseudonymise", False):
        if getattr(args, "key", None):
            raise UsageError("--key is only used with --pseudonymise")
        return None
    key = args.key if args.key is not None else os.environ.get(ENV_KEY)
    if not key:
        raise UsageError(f"--pseudonymise needs a key: --key KEY or the environment variable {ENV_KEY}")
    weak = weak_key(key)
    if weak:
        raise UsageError(f"--pseudonymise: {weak}; make a strong key with: {KEY_ADVICE}")
    return Pseudonymiser(key)


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
    if engine.load_errors and getattr(args, "strict", False):
        raise PluginLoadError("--strict: " + "; ".join(engine.load_errors))
    for message in engine.load_errors:
        print(f"integrules: advarsel/warning: {message}", file=sys.stderr)
    return engine


class DuplicateIds:
    """Participant ids seen more than once in one input, for a warning at the end of the run.

    Each record is judged and counted on its own (reports count records, not people), so an id
    given twice is counted twice: the warning says so, naming records by their index (never the
    id, which --pseudonymise may be hiding). Keeps the hash of each id: some 60 bytes an id."""

    SHOWN = 5

    def __init__(self) -> None:
        self._seen: set[int] = set()
        self.count = 0
        self.records: list[int] = []

    def see(self, participant_id: object, index: int) -> None:
        if not isinstance(participant_id, str):
            return
        h = hash(participant_id)
        if h in self._seen:
            self.count += 1
            if len(self.records) < self.SHOWN:
                self.records.append(index)
        else:
            self._seen.add(h)

    def track(self, items: Any) -> Any:
        """Pass a stream of results and rejections through, seeing their ids."""
        for item in items:
            self.see(getattr(item, "participant_id", None) or getattr(item, "record_id", None), item.index)
            yield item

    def warn(self) -> None:
        if self.count:
            more = " ..." if self.count > len(self.records) else ""
            print(f"integrules: advarsel/warning: {self.count} record(s) repeat the id of an earlier record "
                  f"(records {', '.join(map(str, self.records))}{more}); each record is judged and counted "
                  "on its own", file=sys.stderr)


INSTALL_HINT = ("pip install -e plugins/integreringsloven -e plugins/kapittel6a -e plugins/norskmal "
                "(or: pip install -r requirements.txt)")


def require_rules(engine: Engine) -> None:
    """``check`` and ``report`` judge nothing without a requirement: say so (exit 6) instead of "all is well"."""
    if not engine.requirements():
        loaded = ", ".join(p.name for p in engine.plugins() if p.source != "builtin") or "ingen / none"
        raise NoRulesError(
            "ingen krav er installert, så ingenting kan vurderes / no requirement is installed, so nothing can be "
            f"judged (plugins loaded: {loaded}). Regelsamlingene er egne distribusjoner / the rule sets are separate "
            f"distributions: {INSTALL_HINT}. See docs/cli.md (exit code 6).")


def add_kommune_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument("--kommune", metavar="NAME",
                   help="kommunens navn i utdata (f.eks. for en CSV/xlsx-import) / the municipality's name in the output "
                        "(e.g. for a CSV or xlsx import, which has none); overrides the case file's kommune")
