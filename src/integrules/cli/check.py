"""integrules check: judge every participant in a case file at a date."""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import sys
from typing import Any, Iterable, Iterator

from ..errors import UsageError
from ..output import json_pieces, text_pieces, write_json, write_json_pieces, write_text, write_text_pieces
from ..privacy import Pseudonymiser
from ..results import Summary
from ..reading import read_case_file, read_raw
from . import EXIT_NOT_MET, EXIT_OK, EXIT_PLUGIN_FAULT, EXIT_REJECTED
from .common import (add_engine_arguments, add_input_arguments, add_kommune_argument, add_privacy_arguments,
                     example_path, make_engine, parse_settings, pseudonymiser, require_rules)

HELP = "Vurder hver deltaker mot kravene / judge every participant against the requirements"


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_input_arguments(p, file_help="saksfil (.json) eller JSON Lines (.jsonl); - for stdin / case file",
                        date_help="vurderingsdato / date to judge at")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--show-not-applicable", action="store_true", help="list not-applicable findings in text output")
    add_engine_arguments(p)
    add_privacy_arguments(p)
    add_scale_arguments(p)
    add_kommune_argument(p)


def add_scale_arguments(p: argparse.ArgumentParser) -> None:
    """--mapping (CSV/Excel column mapping) and --jobs (worker processes); report uses them too."""
    p.add_argument("--mapping", metavar="FILE",
                   help="kolonnekobling for .csv/.xlsx (JSON eller TOML) / column mapping for .csv/.xlsx files "
                        "(JSON or TOML; default: the NIR report's columns, see docs/imports.md)")
    p.add_argument("--jobs", "-j", type=_jobs_arg, default=1, metavar="N",
                   help="antall prosesser / worker processes (default 1); the output is the same for any N")


def _jobs_arg(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError("--jobs must be at least 1")
    return n


def _render_chunk(fmt: str, show_not_applicable: bool, pseudonyms: Pseudonymiser | None, engine: Any, as_of: dt.date,
                  items: Iterable[Any]) -> tuple[list[Any], Summary]:
    """In a worker (``check --jobs N``): one chunk's results written as the command writes them, and counted."""
    summary = Summary()
    if pseudonyms is not None:
        items = pseudonyms.apply_all(items)
    if fmt == "json":
        return list(json_pieces(items, summary)), summary
    return list(text_pieces(items, summary, show_not_applicable=show_not_applicable)), summary


def _merged(chunks: Iterable[tuple[list[Any], Summary]], summary: Summary) -> Iterator[Any]:
    """The pieces of every chunk in order, their counts added to ``summary`` as they arrive."""
    for pieces, counted in chunks:
        summary.merge(counted)
        yield from pieces


def resolve_input(args: argparse.Namespace) -> str:
    if args.example and args.file:
        raise UsageError("give a FILE or --example, not both")
    if not args.example and not args.file:
        raise UsageError("give a FILE to check, or --example")
    return example_path() if args.example else args.file


def run(args: argparse.Namespace) -> int:
    path = resolve_input(args)
    pseudonyms = pseudonymiser(args)
    jobs = getattr(args, "jobs", 1)
    if jobs > 1:
        header, records = read_raw(path, mapping=args.mapping)
    else:
        header, records = read_case_file(path, mapping=args.mapping)
    engine = make_engine(args, header.settings)
    require_rules(engine)
    # The command line is the one place a clock is read, and only when no date is given.
    as_of = args.as_of or header.as_of or dt.date.today()
    meta = {
        "integrules": {"format": 1},
        "as_of": as_of.isoformat(),
        "kommune": args.kommune or header.kommune,
        "plugins": [{"name": p.name, "version": p.version} for p in engine.plugins()],
        "settings": engine.settings,
    }
    faults_of: Any = engine
    if jobs > 1:
        # The workers judge and also write (JSON or text), so only text and counts come back:
        # sending the findings to this process and writing them here took longer than judging.
        from ..parallel import ParallelRun, engine_kwargs

        settings = parse_settings(args.setting, header.settings)
        render = functools.partial(_render_chunk, args.format, args.show_not_applicable, pseudonyms)
        parallel = faults_of = ParallelRun(records, as_of, engine_kwargs(engine, settings, args.disable), jobs,
                                       map_chunk=render)
        summary = Summary()
        pieces = _merged(parallel, summary)
        if args.format == "json":
            write_json_pieces(sys.stdout, meta, pieces, summary)
        else:
            write_text_pieces(sys.stdout, meta, pieces, summary)
    else:
        results = engine.evaluate_all(records, as_of)
        if pseudonyms is not None:
            results = pseudonyms.apply_all(results)
        if args.format == "json":
            summary = write_json(sys.stdout, meta, results)
        else:
            summary = write_text(sys.stdout, meta, results, show_not_applicable=args.show_not_applicable)
    sys.stdout.flush()
    for fault in faults_of.faults[:20]:
        print(f"integrules: plugin {fault.plugin!r} failed on record {fault.index}"
              f" ({fault.requirement_id or 'regime'}): {fault.error.split(':')[0]}", file=sys.stderr)
    if faults_of.fault_count:
        return EXIT_PLUGIN_FAULT
    if summary.rejected:
        return EXIT_REJECTED
    if summary.outcomes.get("not_met"):
        return EXIT_NOT_MET
    return EXIT_OK
