"""integrules plugins: the installed plugins, their versions and the hooks each implements."""

from __future__ import annotations

import argparse
import json
import sys

from .common import add_engine_arguments, make_engine

HELP = "List programtilleggene og krokene de implementerer / list plugins and the hooks they implement"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=("text", "json"), default="text")
    add_engine_arguments(p)


def run(args: argparse.Namespace) -> int:
    engine = make_engine(args)
    counts: dict[str, int] = {}
    for req in engine.requirements():
        plugin = engine.plugin_of(req)
        counts[plugin] = counts.get(plugin, 0) + 1
    data = [{"name": p.name, "version": p.version, "source": p.source, "module": p.module,
             "hooks": list(p.hooks), "requirements": counts.get(p.name, 0)} for p in engine.plugins()]
    if args.format == "json":
        json.dump(data, sys.stdout, indent=1, sort_keys=True)
        sys.stdout.write("\n")
    else:
        for p in data:
            print(f"{p['name']} {p['version'] or ''} ({p['source']}: {p['module']}), {p['requirements']} krav/requirements")
            for hook in p["hooks"]:
                print(f"    {hook}")
    for message in engine.load_errors:
        print(f"FEIL/ERROR: {message}")
    return 4 if engine.load_errors else 0
