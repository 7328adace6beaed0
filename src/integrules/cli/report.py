"""integrules report: the follow-up report (counts per requirement, NIR, outcomes, Norwegian) at a date."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
import tempfile

from ..dates import parse_date
from ..errors import FieldValueError, UsageError
from ..outfiles import atomic_output
from ..progress import count_records
from ..reading import read_case_file, read_raw, stdin_is_json_lines
from ..report import FORMATS, Progress, build_report, build_report_parallel, compare, render
from . import EXIT_OK, EXIT_PLUGIN_FAULT, EXIT_REJECTED
from .check import add_scale_arguments, resolve_input
from .common import (add_engine_arguments, add_input_arguments, add_kommune_argument, add_privacy_arguments, date_arg,
                     make_engine, parse_settings, pseudonymiser, require_rules)

HELP = "Oppfølgingsrapport med tall per krav, NIR, resultater og norsk / follow-up report with counts"


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_input_arguments(p, file_help="saksfil (.json) eller JSON Lines (.jsonl) / case file",
                        date_help="rapportdato / report date")
    p.add_argument("--compare", metavar="DATE_OR_FILE",
                   help="sammenlign med en tidligere dato (samme fil) eller en tidligere fil / compare with an earlier "
                        "date of the same file, or an earlier file (at its own as_of)")
    p.add_argument("--compare-as-of", type=date_arg, metavar="DATE",
                   help="datoen den tidligere filen vurderes per / the date to judge the file given to --compare at "
                        "(needed when it has no as_of, as a CSV or xlsx export)")
    p.add_argument("--since", type=date_arg, metavar="DATE",
                   help="programslutt teller fra denne datoen / count programme ends from this date "
                        "(default: twelve months before the report date)")
    p.add_argument("--format", choices=FORMATS, default="text")
    p.add_argument("--output", "-o", metavar="PATH", help="skriv til fil / write to a file instead of stdout")
    p.add_argument("--with-names", action="store_true",
                   help="legg til saksliste med navn (bare for dem med tjenstlig behov) / add a case list with names")
    add_engine_arguments(p)
    add_privacy_arguments(p)
    add_scale_arguments(p)
    p.add_argument("--lang", choices=("nb", "en", "both"), default="nb",
                   help="språk i HTML-rapporten / language of the HTML report (default nb; both = nb / en)")
    add_kommune_argument(p)
    p.add_argument("--excel", action="store_true",
                   help="CSV for norsk Excel: semikolon og BOM / CSV for Norwegian Excel: semicolons and a byte-order mark")
    p.add_argument("--no-worklists", dest="worklists", action="store_false",
                   help="uten arbeidslistene (HTML) / leave the worklists out of the HTML report (e.g. for the committee)")


def _mapping_for(path: str, mapping: str | None, main: bool) -> str | None:
    """--mapping for the report's own file as given; for a compared file only when it is a table too."""
    if main or mapping is None:
        return mapping
    return mapping if path.lower().endswith((".csv", ".xlsx")) else None


def _one(engine, path: str, as_of: dt.date | None, args, *, label: str, workers: dict | None = None,
         main: bool = True) -> dict:
    mapping = _mapping_for(path, args.mapping, main)
    fmt = args.input_format if main else None
    if args.jobs > 1:
        header, records = read_raw(path, mapping=mapping, input_format=fmt)
    else:
        header, records = read_case_file(path, mapping=mapping, input_format=fmt)
    if not main and as_of is None and header.as_of is None:  # today would be a guess, and later than the report
        raise UsageError(f"--compare {os.path.basename(path)} has no as_of (a CSV or xlsx export has none): "
                         "give the date it was taken with --compare-as-of DATE")
    day = as_of or header.as_of or dt.date.today()  # the one place a clock is read: no date given at all
    period = (args.since, day) if args.since else None
    if period and period[0] > day:
        raise UsageError(f"--since {args.since.isoformat()} is after the report date {day.isoformat()}")
    shown = "eksempel / example" if args.example and path == resolve_input(args) else \
        "stdin" if path == getattr(args, "stdin_copy", None) else os.path.basename(path)
    total = count_records(path) if sys.stderr.isatty() else None  # counted only for a terminal's progress bar
    options = dict(kommune=(args.kommune if main else None) or header.kommune, source=shown, with_names=args.with_names,
                   period=period, progress=Progress(f"{label} {day.isoformat()}", total=total),
                   pseudonymiser=args.pseudonyms)
    if args.jobs > 1:
        return build_report_parallel(engine, records, day, workers, args.jobs, **options)
    return build_report(engine, records, day, **options)


def run(args: argparse.Namespace) -> int:
    path = resolve_input(args)
    if path != "-":
        return _run(args, path)
    # The report reads its input more than once (the header first, again with --compare DATE):
    # standard input is kept in a private temporary file for the run, removed at the end.
    fmt = args.input_format or ("jsonl" if stdin_is_json_lines() else "json")
    with tempfile.NamedTemporaryFile(prefix="integrules-stdin-", suffix=f".{fmt}") as copy:
        shutil.copyfileobj(sys.stdin.buffer, copy)
        copy.flush()
        args.input_format, args.stdin_copy = fmt, copy.name
        return _run(args, copy.name)


def _run(args: argparse.Namespace, path: str) -> int:
    args.pseudonyms = pseudonymiser(args)
    header, _ = read_case_file(path, mapping=args.mapping, input_format=args.input_format)
    engine = make_engine(args, header.settings)
    require_rules(engine)
    workers = None
    if args.jobs > 1:  # each worker builds an engine like this one: same plugins, same settings
        from ..parallel import engine_kwargs

        workers = engine_kwargs(engine, parse_settings(args.setting, header.settings), args.disable)
    report = _one(engine, path, args.as_of, args, label="rapport", workers=workers)
    earlier = None
    if args.compare:
        try:
            other_date = parse_date(args.compare)
        except FieldValueError:
            other_date = None
        if other_date is not None:
            if args.compare_as_of:
                raise UsageError("--compare-as-of is for --compare FILE (with --compare DATE the date is given)")
            earlier = _one(engine, path, other_date, args, label="sammenligning", workers=workers)
        else:
            if not os.path.exists(args.compare):
                raise UsageError(f"--compare: {args.compare!r} is neither a date nor a file")
            earlier = _one(engine, args.compare, args.compare_as_of, args, label="sammenligning", workers=workers,
                           main=False)
            earlier["source"] = os.path.basename(args.compare)
        first, second = sorted((earlier, report), key=lambda r: r["as_of"]) if earlier["as_of"] != report["as_of"] \
            else (earlier, report)
        report["compare"] = compare(first, second)
    if args.excel and args.format != "csv":
        raise UsageError("--excel is for --format csv (xlsx is Excel's own format)")
    text = render(report, args.format, earlier=earlier, lang=args.lang, worklists=args.worklists, excel=args.excel)
    if isinstance(text, bytes):  # xlsx
        if args.output:
            with atomic_output(args.output, binary=True) as fh:
                fh.write(text)
        elif sys.stdout.isatty():
            raise UsageError("--format xlsx writes a binary file: give -o PATH (or redirect the output)")
        else:
            sys.stdout.flush()
            sys.stdout.buffer.write(text)
            sys.stdout.buffer.flush()
    elif args.output:
        with atomic_output(args.output, newline="") as fh:
            fh.write(text)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    for fault in engine.faults[:20]:
        print(f"integrules: plugin {fault.plugin!r} failed on record {fault.index}"
              f" ({fault.requirement_id or 'regime'}): {fault.error.split(':')[0]}", file=sys.stderr)
    if engine.fault_count:
        return EXIT_PLUGIN_FAULT
    if report["totals"]["rejected"] or (earlier and earlier["totals"]["rejected"]):
        return EXIT_REJECTED
    return EXIT_OK
