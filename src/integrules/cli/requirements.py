"""integrules requirements: every requirement with its legal reference and validity."""

from __future__ import annotations

import argparse
import json
import sys

from ..convert import converter
from ..output import json_default
from .common import add_engine_arguments, date_arg, make_engine

HELP = "List kravene med lovhjemmel og gyldighet / list requirements with legal reference and validity"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--as-of", type=date_arg, metavar="DATE", help="bare krav i kraft denne datoen / only those in force then")
    p.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    add_engine_arguments(p)


def _validity(req) -> str:
    return f"{req.valid_from.isoformat()} – {req.valid_to.isoformat() if req.valid_to else ''}".strip()


def rows(engine, as_of=None) -> list[dict]:
    out = []
    for req in engine.requirements(as_of):
        out.append({
            "id": req.id,
            "title": converter().unstructure(req.title),
            "description": converter().unstructure(req.description),
            "references": [converter().unstructure(r) | {"citation": str(r)} for r in req.references],
            "valid_from": req.valid_from.isoformat(),
            "valid_to": req.valid_to.isoformat() if req.valid_to else None,
            "regime": req.regime,
            "responsible": [u.value for u in req.responsible],
            "confidence": req.confidence,
            "settings": list(req.settings),
            "category": req.category,
            "plugin": engine.plugin_of(req),
        })
    return out


def markdown_table(rows_: list[dict]) -> str:
    lines = ["| id | krav / requirement | hjemmel / reference | gyldig / valid | regime | ansvar | sikkerhet / confidence | kilde / source |",
             "|---|---|---|---|---|---|---|---|"]
    for r in rows_:
        refs = "; ".join(ref["citation"] for ref in r["references"])
        urls = " ".join(f"<{ref['url']}>" for ref in r["references"] if ref.get("url"))
        valid = f"{r['valid_from']} – {r['valid_to'] or ''}"
        lines.append(f"| `{r['id']}` | {r['title']['nb']} / {r['title']['en']} | {refs} | {valid} | {r['regime']} | "
                     f"{', '.join(r['responsible'])} | {r['confidence']} | {urls} |")
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    engine = make_engine(args)
    data = rows(engine, args.as_of)
    if args.format == "json":
        json.dump({"requirements": data, "settings": [
            {"name": s.name, "default": s.default, "value": engine.settings[s.name],
             "description": converter().unstructure(s.description), "plugin": engine.registry.setting_owners[s.name]}
            for s in engine.registry.settings.values()]}, sys.stdout, ensure_ascii=False, indent=1, sort_keys=True,
            default=json_default)
        sys.stdout.write("\n")
    elif args.format == "markdown":
        sys.stdout.write(markdown_table(data))
    else:
        for r in data:
            refs = "; ".join(ref["citation"] for ref in r["references"])
            print(f"{r['id']}  [{r['valid_from']} – {r['valid_to'] or ''}]  {refs}")
            print(f"    {r['title']['nb']} / {r['title']['en']}  ({r['plugin']}, {', '.join(r['responsible'])})")
        if engine.registry.settings:
            print("\nInnstillinger / settings:")
            for s in engine.registry.settings.values():
                print(f"  {s.name} = {engine.settings[s.name]!r} (standard/default {s.default!r})")
                print(f"      {s.description.nb}")
    return 0
