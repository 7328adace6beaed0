"""Findings out: stable JSON (documented in docs/output.md) and readable text."""

from __future__ import annotations

import json
from typing import IO, Any, Iterable

from .convert import converter
from .findings import Finding, LegalRef, Outcome
from .results import ParticipantResult, Rejection, Summary
from .rules import RegimeDecision

FORMAT_VERSION = 1

OUTCOME_LABELS = {
    Outcome.MET: ("oppfylt", "met"),
    Outcome.NOT_MET: ("ikke oppfylt", "not met"),
    Outcome.PENDING: ("frist ikke nådd", "pending"),
    Outcome.UNKNOWN: ("ukjent", "unknown"),
    Outcome.NOT_APPLICABLE: ("gjelder ikke", "not applicable"),
    Outcome.ERROR: ("feil", "error"),
}


def ref_to_dict(ref: LegalRef) -> dict[str, Any]:
    return converter().unstructure(ref)


def finding_to_dict(f: Finding) -> dict[str, Any]:
    return converter().unstructure(f)


def regime_to_dict(d: RegimeDecision) -> dict[str, Any]:
    return converter().unstructure(d)


def result_to_dict(r: ParticipantResult) -> dict[str, Any]:
    """The JSON form of one participant's result (the participant's own facts are left out)."""
    return {
        "index": r.index,
        "participant_id": r.participant_id,
        "as_of": r.as_of.isoformat(),
        "regime": regime_to_dict(r.regime),
        "findings": [finding_to_dict(f) for f in r.findings],
    }


def result_from_dict(data: dict[str, Any]) -> ParticipantResult:
    """Inverse of :func:`result_to_dict` (the participant itself is not in the JSON)."""
    return converter().structure(data, ParticipantResult)


def rejection_to_dict(r: Rejection) -> dict[str, Any]:
    return {"index": r.index, "record_id": r.record_id, "source": r.source, "errors": list(r.errors)}


def json_default(value: Any) -> Any:
    """Dates, enums and attrs objects (e.g. a setting's value) as the project converter writes them."""
    unstructured = converter().unstructure(value)
    if unstructured is value:
        raise TypeError(f"{type(value).__name__} is not JSON serialisable")
    return unstructured


def dumps(obj: Any) -> str:
    """Canonical JSON: sorted keys, UTF-8 kept readable, so equal input gives equal bytes."""
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, default=json_default)


def write_json(out: IO[str], meta: dict[str, Any], items: Iterable[ParticipantResult | Rejection]) -> Summary:
    """Stream one JSON document: meta, participants one per line, rejections, summary."""
    summary = Summary()
    rejected: list[Rejection] = []
    out.write("{\n")
    for key in sorted(meta):
        out.write(f"{json.dumps(key)}: {dumps(meta[key])},\n")
    out.write('"participants": [')
    first = True
    for item in items:
        summary.add(item)
        if isinstance(item, Rejection):
            rejected.append(item)
            continue
        out.write("\n" if first else ",\n")
        out.write(dumps(result_to_dict(item)))
        first = False
    out.write("\n],\n")
    out.write('"rejected": [' + ",".join("\n" + dumps(rejection_to_dict(r)) for r in rejected) + "\n],\n")
    out.write(f'"summary": {dumps(summary.as_dict())}\n}}\n')
    return summary


def format_finding(f: Finding) -> list[str]:
    nb, en = OUTCOME_LABELS[f.outcome]
    ref = "; ".join(str(r) for r in f.references[:2])
    head = f"  [{nb} / {en}] {f.requirement_id} ({ref})"
    extra = []
    if f.due:
        extra.append(f"frist/due {f.due:%d.%m.%Y}")
    extra.append("ansvar/responsible " + ", ".join(u.value for u in f.responsible))
    lines = [head, "      " + "; ".join(extra), f"      {f.message.nb}", f"      {f.message.en}"]
    if f.missing:
        lines.append("      mangler/missing: " + ", ".join(f.missing))
    return lines


def write_text(out: IO[str], meta: dict[str, Any], items: Iterable[ParticipantResult | Rejection],
               *, show_not_applicable: bool = False) -> Summary:
    """Readable text, one block per participant; not-applicable findings are counted, not listed."""
    summary = Summary()
    out.write(f"integrules: {meta.get('kommune') or 'ukjent kommune / unknown municipality'}, "
              f"per/as of {meta['as_of']}\n\n")
    for item in items:
        summary.add(item)
        if isinstance(item, Rejection):
            out.write(f"AVVIST / REJECTED {item.describe()}\n\n")
            continue
        regime = item.regime.regime or "ukjent/unknown"
        out.write(f"{item.participant_id} [{regime}] {item.regime.reason.nb}\n")
        hidden = 0
        for f in item.findings:
            if f.outcome is Outcome.NOT_APPLICABLE and not show_not_applicable:
                hidden += 1
                continue
            out.write("\n".join(format_finding(f)) + "\n")
        if hidden:
            out.write(f"  ({hidden} krav gjelder ikke / requirements not applicable)\n")
        out.write("\n")
    s = summary.as_dict()
    out.write(f"Lest/read {s['read']}, vurdert/evaluated {s['evaluated']}, avvist/rejected {s['rejected']}, "
              f"programfeil/plugin errors {s['plugin_errors']}\n")
    counts = ", ".join(f"{OUTCOME_LABELS[o][1]} {s['findings'][o.value]}" for o in Outcome)
    out.write(f"Funn/findings: {counts}\n")
    return summary
