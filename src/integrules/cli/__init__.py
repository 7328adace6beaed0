"""The ``integrules`` command: one module per subcommand, listed in COMMANDS.

Each module defines ``HELP``, ``add_arguments(parser)`` and ``run(args) -> int`` (the exit code).
Exit codes (docs/cli.md): 0 nothing not met, 1 findings not met, 2 usage error (or the output
could not be written), 3 input rejected (a record or a file), 4 plugin fault, 5 unexpected error
(a bug: one line on standard error; ``--debug`` or INTEGRULES_DEBUG=1 shows the traceback),
130 interrupted (Ctrl-C), 141 standard output closed before the output was complete.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback
import warnings

from ..errors import InputWarning, IntegrulesError

COMMANDS = ("check", "requirements", "plugins", "test", "report", "new_plugin", "generate")

EXIT_OK, EXIT_NOT_MET, EXIT_USAGE, EXIT_REJECTED, EXIT_PLUGIN_FAULT = 0, 1, 2, 3, 4
EXIT_UNEXPECTED, EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 5, 130, 141
ENV_DEBUG = "INTEGRULES_DEBUG"
EXIT_NO_RULES = 6  # check/report with no requirement installed (errors.NoRulesError)


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
    parser.add_argument("--debug", action="store_true",
                        help=f"vis hele sporingen ved uventede feil / show the traceback of an unexpected error "
                             f"(also {ENV_DEBUG}=1; it may quote personal data)")
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
    """Run a command; whatever happens, one line on standard error and an exit code, never a traceback."""
    parser = build_parser()
    args, unknown = parser.parse_known_args(argv)
    if unknown:  # named by the subcommand's own usage, not the top-level one
        getattr(args, "_parser", parser).error(f"unrecognized arguments: {' '.join(unknown)}")
    debug = args.debug or bool(os.environ.get(ENV_DEBUG))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("default", InputWarning)  # each warning once per run, however often a file is read
            warnings.showwarning = _show_warning
            code = args._run(args)
        sys.stdout.flush()  # a write that fails here (a closed pipe, a full disk) is still this run's failure
        return code
    except IntegrulesError as exc:
        _say(str(exc))
        return exc.exit_code
    except BrokenPipeError:
        _silence_stdout()
        _say("standard output was closed before the output was complete (broken pipe)")
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        _say("avbrutt / interrupted")
        return EXIT_INTERRUPTED
    except OSError as exc:  # opening files is wrapped in InputError/OutputError: mostly stdout on a full disk
        _silence_stdout()
        if debug:
            traceback.print_exc()
        problem = exc.strerror or type(exc).__name__
        _say(f"{exc.filename}: {problem}" if exc.filename else f"cannot write the output: {problem}")
        return EXIT_USAGE
    except BaseException as exc:  # a bug, or SystemExit from code that should not exit: never a silent 0
        if debug:
            traceback.print_exc()
        # The message is not printed: it may quote a participant.
        _say(f"unexpected error ({type(exc).__name__}); nothing more was written. "
             f"Run with --debug or {ENV_DEBUG}=1 to see the traceback")
        return EXIT_UNEXPECTED


def _show_warning(message, category, *args, **kwargs) -> None:
    if issubclass(category, InputWarning):
        _say(f"advarsel/warning: {message}")
    else:  # a library's own warning: as Python shows it
        sys.stderr.write(warnings.formatwarning(message, category, *args, **kwargs))


def _say(message: str) -> None:
    try:
        print(f"integrules: {message}", file=sys.stderr, flush=True)
    except (OSError, ValueError):
        pass


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass
