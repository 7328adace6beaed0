"""The ``integrules`` command: one module per subcommand, listed in COMMANDS.

Each module defines ``HELP``, ``add_arguments(parser)`` and ``run(args) -> int`` (the exit code).
Exit codes (docs/cli.md): 0 nothing not met, 1 findings not met, 2 usage error,
3 input rejected (a record or a file), 4 plugin fault.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from ..errors import IntegrulesError

COMMANDS = ("check", "requirements", "plugins", "test", "report", "new_plugin", "generate")

EXIT_OK, EXIT_NOT_MET, EXIT_USAGE, EXIT_REJECTED, EXIT_PLUGIN_FAULT = 0, 1, 2, 3, 4
EXIT_NO_RULES = 5  # check/report with no requirement installed (errors.NoRulesError)


def version_text() -> str:
    """``integrules --version``: the core and each installed plugin (entry point), with versions."""
    from importlib import metadata

    from .. import __version__
    from ..engine import ENTRY_POINT_GROUP

    lines = [f"integrules {__version__}"]
    for ep in sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        dist = ep.dist
        lines.append(f"  {ep.name} {dist.version if dist is not None else '?'}"
                     f" ({dist.metadata['Name'] if dist is not None else ep.value})")
    if len(lines) == 1:
        lines.append("  ingen regelsamling installert / no rule set installed")
    return "\n".join(lines)


class _Version(argparse.Action):
    """Prints :func:`version_text` (built only when asked: it reads the installed distributions)."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, help=None):
        super().__init__(option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        print(version_text())
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="integrules",
        description="Sjekk saker mot integreringsloven / Check cases against Norwegian integration law.",
    )
    parser.add_argument("--version", action=_Version,
                        help="vis versjonen av kjernen og hvert programtillegg / show the core's and each plugin's version")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        module = importlib.import_module(f"{__name__}.{name}")
        p = sub.add_parser(name.replace("_", "-"), help=module.HELP, description=module.HELP)
        module.add_arguments(p)
        p.set_defaults(_run=module.run, _parser=p)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args, unknown = parser.parse_known_args(argv)
    if unknown:  # named by the subcommand's own usage, not the top-level one
        getattr(args, "_parser", parser).error(f"unrecognized arguments: {' '.join(unknown)}")
    try:
        return args._run(args)
    except IntegrulesError as exc:
        print(f"integrules: {exc}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
