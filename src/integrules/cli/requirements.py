"""integrules requirements: every requirement with its legal reference and validity."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
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
            "force": req.force.value,
            "settings": list(req.settings),
            "category": req.category,
            "checklist": list(req.checklist),
            "plugin": engine.plugin_of(req),
        })
    return out


# -- the checklist table (docs/legal-coverage.md) ----------------------------------------------------

_CONFIDENCE = ("low", "medium", "high")  # lowest first
_SECTION_KINDS = ("lov", "forskrift", "lokal")  # the legal sections; guides and preparatory works give URLs only


def _item_key(item: str) -> tuple:
    """R1, R2, ..., R18 in numeric order; any other tag after them, by name."""
    m = re.fullmatch(r"R(\d+)", item)
    return (0, int(m.group(1)), "") if m else (1, 0, item)


def _natural(text: str) -> tuple:
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text))


def _span(valid_from: dt.date | None, valid_to: dt.date | None) -> str:
    return f"{valid_from.isoformat() if valid_from else ''} – {valid_to.isoformat() if valid_to else ''}".strip()


def _sections(refs) -> str:
    """The cited sections per instrument, e.g. "integreringsloven §§ 10, 12; integreringsforskriften kapittel 9"."""
    by_instrument: dict[tuple[int, str], set[str]] = {}
    for ref in refs:
        if ref.kind in _SECTION_KINDS:
            by_instrument.setdefault((_SECTION_KINDS.index(ref.kind), ref.instrument), set()).update(
                [ref.section] if ref.section else [])
    parts = []
    for (_, instrument), sections in sorted(by_instrument.items()):
        paragraphs = sorted((s[2:] for s in sections if s.startswith("§ ")), key=_natural)
        others = sorted((s for s in sections if not s.startswith("§ ")), key=_natural)
        cited = ([("§§ " if len(paragraphs) > 1 else "§ ") + ", ".join(paragraphs)] if paragraphs else []) + others
        parts.append(" ".join([instrument, ", ".join(cited)]) if cited else instrument)
    return "; ".join(parts)


def _regime_in_force(regime, day: dt.date) -> bool:
    return (regime.valid_from is None or regime.valid_from <= day) and (regime.valid_to is None or day < regime.valid_to)


def checklist_rows(engine, as_of=None) -> list[dict]:
    """One row per checklist item tagged on a requirement (``checklist=``) or a regime, in R1..R18 order.

    Requirements are every version (those in force at ``as_of`` when given); a regime counts as
    ``regime:<id>``. Validity is per id (its versions joined), shown once when every id shares it.
    """
    items: dict[str, dict[str, list]] = {}
    for req in engine.requirements(as_of):
        for item in req.checklist:
            items.setdefault(item, {}).setdefault(req.id, []).append(req)
    for regime_id in sorted(engine.registry.regimes):
        regime = engine.registry.regimes[regime_id]
        if as_of is not None and not _regime_in_force(regime, as_of):
            continue
        for item in regime.checklist:
            items.setdefault(item, {})[f"regime:{regime_id}"] = [regime]
    out = []
    for item in sorted(items, key=_item_key):
        tagged = items[item]
        ids = sorted(tagged)
        things = [thing for key in ids for thing in tagged[key]]
        refs = [ref for thing in things for ref in thing.references]
        spans: dict[str, list[str]] = {}
        for key in ids:
            versions = sorted(tagged[key], key=lambda t: t.valid_from or dt.date.min)
            spans.setdefault(", ".join(_span(t.valid_from, t.valid_to) for t in versions), []).append(key)
        confidences = [t.confidence for t in things if hasattr(t, "confidence")]
        out.append({
            "item": item,
            "ids": ids,
            "sections": _sections(refs),
            "validity": [{"valid": span, "ids": keys} for span, keys in sorted(spans.items())],
            "sources": sorted({ref.url for ref in refs if ref.url}),
            "confidence": min(confidences, key=_CONFIDENCE.index) if confidences else None,
            "settings": sorted({name for t in things for name in getattr(t, "settings", ())}),
        })
    return out


def settings_rows(engine) -> list[dict]:
    return [{"name": s.name, "default": s.default, "value": engine.settings[s.name],
             "description": converter().unstructure(s.description), "plugin": engine.registry.setting_owners[s.name]}
            for _, s in sorted(engine.registry.settings.items())]


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return " ".join(str(text).split()).replace("|", "\\|")


def _ids(ids) -> str:
    return ", ".join(f"`{i}`" for i in ids)


def checklist_table(rows_: list[dict]) -> str:
    lines = ["| punkt / item | krav og regimer / requirements and regimes | hjemmel / sections | gyldig / valid | "
             "kilde / source | sikkerhet / confidence | innstillinger / settings |",
             "|---|---|---|---|---|---|---|"]
    for r in rows_:
        validity = r["validity"]
        valid = validity[0]["valid"] if len(validity) == 1 else "; ".join(
            f"{v['valid']} ({_ids(v['ids'])})" for v in validity)
        lines.append(f"| {r['item']} | {_ids(r['ids'])} | {_cell(r['sections']) or '–'} | {valid} | "
                     f"{' '.join(f'<{u}>' for u in r['sources']) or '–'} | {r['confidence'] or '–'} | "
                     f"{_ids(r['settings']) or '–'} |")
    return "\n".join(lines) + "\n"


def settings_table(rows_: list[dict]) -> str:
    lines = ["| innstilling / setting | standard / default | beskrivelse | description | programtillegg / plugin |",
             "|---|---|---|---|---|"]
    for s in rows_:
        default = json.dumps(s["default"], ensure_ascii=False, default=json_default)
        lines.append(f"| `{s['name']}` | `{default}` | {_cell(s['description']['nb'])} | "
                     f"{_cell(s['description']['en'])} | {s['plugin']} |")
    return "\n".join(lines) + "\n"


def markdown(engine, as_of=None) -> str:
    """The whole ``--format markdown`` document: notices, checklist, requirements, settings, verification dates."""
    notices = [f"{t.nb} / {t.en}\n" for t in engine.notices(as_of)]
    verified = verification_rows(engine)
    return "\n".join([
        *notices,
        "#### Sjekkliste / checklist\n", checklist_table(checklist_rows(engine, as_of)),
        "#### Krav / requirements\n", markdown_table(rows(engine, as_of)),
        "#### Innstillinger / settings\n", settings_table(settings_rows(engine)),
        *(["#### Kontrollert mot lovtekstene / verified against the legal texts\n", verification_table(verified)]
          if verified else []),
    ])


def _force(value: str) -> str:
    return "bør / should" if value == "should" else "skal / must"


def verification_rows(engine) -> list[dict]:
    """Per plugin that states it: the date its texts were checked against, and what was checked."""
    return [{"plugin": name, "verified_to": v.verified_to.isoformat(), "sources": converter().unstructure(v.sources)}
            for name, v in sorted(engine.registry.verifications.items())]


def verification_table(rows_: list[dict]) -> str:
    lines = ["| programtillegg / plugin | kontrollert mot tekstene per / verified up to | kilder | sources |",
             "|---|---|---|---|"]
    for r in rows_:
        lines.append(f"| {r['plugin']} | {r['verified_to']} | {_cell(r['sources']['nb'])} | {_cell(r['sources']['en'])} |")
    return "\n".join(lines) + "\n"


def markdown_table(rows_: list[dict]) -> str:
    lines = ["| id | krav / requirement | hjemmel / reference | gyldig / valid | regime | ansvar | skal/bør / force | "
             "sikkerhet / confidence | kilde / source | sjekkliste / checklist |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows_:
        refs = "; ".join(ref["citation"] for ref in r["references"])
        urls = " ".join(f"<{url}>" for url in dict.fromkeys(ref["url"] for ref in r["references"] if ref.get("url")))
        valid = f"{r['valid_from']} – {r['valid_to'] or ''}"
        lines.append(f"| `{r['id']}` | {_cell(r['title']['nb'])} / {_cell(r['title']['en'])} | {_cell(refs)} | {valid} | "
                     f"{r['regime']} | {', '.join(r['responsible'])} | {_force(r['force'])} | {r['confidence']} | {urls} | "
                     f"{', '.join(r['checklist']) or '–'} |")
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    engine = make_engine(args)
    data = rows(engine, args.as_of)
    notices = engine.notices(args.as_of)
    if args.format == "json":
        json.dump({"requirements": data, "checklist": checklist_rows(engine, args.as_of),
                   "settings": settings_rows(engine), "verification": verification_rows(engine),
                   "notices": [{"nb": t.nb, "en": t.en} for t in notices]}, sys.stdout, ensure_ascii=False, indent=1, sort_keys=True,
                  default=json_default)
        sys.stdout.write("\n")
    elif args.format == "markdown":
        sys.stdout.write(markdown(engine, args.as_of))
    else:
        for t in notices:
            print(f"{t.nb} / {t.en}\n")
        for r in data:
            refs = "; ".join(ref["citation"] for ref in r["references"])
            should = "  (bør / should)" if r["force"] == "should" else ""
            print(f"{r['id']}  [{r['valid_from']} – {r['valid_to'] or ''}]  {refs}{should}")
            print(f"    {r['title']['nb']} / {r['title']['en']}  ({r['plugin']}, {', '.join(r['responsible'])})")
        if engine.registry.settings:
            print("\nInnstillinger / settings:")
            for s in engine.registry.settings.values():
                print(f"  {s.name} = {engine.settings[s.name]!r} (standard/default {s.default!r})")
                print(f"      {s.description.nb}")
    return 0
