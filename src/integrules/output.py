"""Findings out: stable JSON (documented in docs/output.md) and readable text."""

from __future__ import annotations

import datetime as dt
import json
from json.encoder import encode_basestring as _encode  # what json.dumps(ensure_ascii=False) uses for text
from typing import IO, Any, Callable, Iterable, Iterator

from .convert import converter
from .escaping import terminal
from .findings import Finding, Force, LegalRef, Outcome, Text
from .results import DUF_CHECK_DIGITS, ParticipantResult, Rejection, Summary
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
# A «bør» (should) requirement: never "ikke oppfylt" (a breach), but "ikke fulgt (bør)".
SHOULD_OUTCOME_LABELS = {
    Outcome.MET: ("fulgt (bør)", "followed (should)"),
    Outcome.NOT_MET: ("ikke fulgt (bør)", "not followed (should)"),
    Outcome.PENDING: ("frist ikke nådd (bør)", "pending (should)"),
    Outcome.UNKNOWN: ("ukjent (bør)", "unknown (should)"),
    Outcome.NOT_APPLICABLE: ("gjelder ikke (bør)", "not applicable (should)"),
    Outcome.ERROR: ("feil (bør)", "error (should)"),
}

# The warning texts by code; the DUF number itself is never shown.
WARNINGS = {
    DUF_CHECK_DIGITS: {
        "nb": "DUF-nummeret har feil kontrollsiffer (mod 11, SSBs kontroll); posten er vurdert likevel. Kontroller "
              "nummeret i fagsystemet.",
        "en": "The DUF number's check digits are wrong (mod 11, SSB's check); the record is judged all the same. "
              "Check the number in the case system.",
    },
}


def outcome_label(outcome: Outcome, force: Force = Force.MUST) -> tuple[str, str]:
    """(Bokmål, English) for an outcome; a «bør» requirement's outcomes say so."""
    return (SHOULD_OUTCOME_LABELS if force is Force.SHOULD else OUTCOME_LABELS)[outcome]


def warnings_of(r: ParticipantResult) -> list[dict[str, Any]]:
    """The warnings about one participant's record, each ``{"code", "message": {"nb", "en"}}``."""
    return [{"code": code, "message": WARNINGS.get(code, {"nb": code, "en": code})} for code in r.warnings]


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
        "warnings": warnings_of(r),
    }


def result_from_dict(data: dict[str, Any]) -> ParticipantResult:
    """Inverse of :func:`result_to_dict` (the participant itself is not in the JSON)."""
    data = dict(data)
    data["warnings"] = [w["code"] if isinstance(w, dict) else w for w in data.get("warnings", ())]
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


# -- the same JSON, written faster ---------------------------------------------------------------
#
# `check --format json` wrote about 60 kB a participant through cattrs' unstructure and json.dumps,
# some 540 µs: more than judging the participant. The functions below write the same bytes
# directly. Values of any other type than the model declares (a plugin's odd message, say) go
# the generic way; tests/test_output_json.py compares both on generated and odd results.


def result_json(r: ParticipantResult) -> str:
    """``dumps(result_to_dict(r))``: the same text, faster."""
    if type(r.index) is not int or type(r.participant_id) is not str or type(r.as_of) is not dt.date:
        return dumps(result_to_dict(r))
    return (f'{{"as_of": "{r.as_of.isoformat()}", "findings": [{", ".join(map(finding_json, r.findings))}], '
            f'"index": {r.index}, "participant_id": {_encode(r.participant_id)}, '
            f'"regime": {dumps(regime_to_dict(r.regime))}, "warnings": {dumps(warnings_of(r))}}}')


def finding_json(f: Finding) -> str:
    """``dumps(finding_to_dict(f))``: the same text, faster."""
    if type(f) is not Finding or type(f.message) is not Text:
        return dumps(finding_to_dict(f))
    message, due = f.message, f.due
    if (type(f.requirement_id) is not str or type(f.plugin) is not str or type(message.nb) is not str
            or type(message.en) is not str or type(f.outcome) is not Outcome or type(f.missing) is not tuple
            or type(f.force) is not Force
            or (due is not None and type(due) is not dt.date) or any(type(m) is not str for m in f.missing)):
        return dumps(finding_to_dict(f))
    due_text = "null" if due is None else f'"{due.isoformat()}"'
    return (f'{{"due": {due_text}, "force": "{f.force._value_}", '
            f'"message": {{"en": {_encode(message.en)}, "nb": {_encode(message.nb)}}}, '
            f'"missing": [{", ".join(map(_encode, f.missing))}], "outcome": "{f.outcome._value_}", '
            f'"plugin": {_encode(f.plugin)}, "references": {_kept(f.references, _refs_json)}, '
            f'"requirement_id": {_encode(f.requirement_id)}, "responsible": {_kept(f.responsible, _dumps_plain)}}}')


def _refs_json(refs: Any) -> str:
    if type(refs) is not tuple:
        return _dumps_plain(refs)
    return f"[{', '.join(map(_ref_json, refs))}]"


def _ref_json(ref: LegalRef) -> str:
    values = (ref.bokstav, ref.instrument, ref.kind, ref.ledd, ref.punktum, ref.section, ref.url) \
        if type(ref) is LegalRef else None
    if values is None or any(type(v) not in _PLAIN for v in values):
        return _dumps_plain(ref)
    b, i, k, le, p, s, u = (("null" if v is None else _encode(v) if type(v) is str else str(v)) for v in values)
    return (f'{{"bokstav": {b}, "instrument": {i}, "kind": {k}, "ledd": {le}, "punktum": {p}, "section": {s}, '
            f'"url": {u}}}')


_PLAIN = {str, int, type(None)}


def _dumps_plain(value: Any) -> str:
    """The generic way: the converter's unstructure, then :func:`dumps`."""
    return dumps(converter().unstructure(value))


# Most findings of a requirement share its references and units (the same tuple objects): their
# JSON is kept by identity, the object with it so that its id is not reused while kept.
_KEPT: dict[int, tuple[Any, Callable[[Any], str], str]] = {}
_KEPT_LIMIT = 4096


def _kept(value: Any, write: Callable[[Any], str]) -> str:
    hit = _KEPT.get(id(value))
    if hit is not None and hit[0] is value and hit[1] is write:
        return hit[2]
    text = write(value)
    if len(_KEPT) >= _KEPT_LIMIT:
        _KEPT.clear()
    _KEPT[id(value)] = (value, write, text)
    return text


def write_json(out: IO[str], meta: dict[str, Any], items: Iterable[ParticipantResult | Rejection]) -> Summary:
    """Stream one JSON document: meta, participants one per line, rejections, summary."""
    summary = Summary()
    write_json_pieces(out, meta, json_pieces(items, summary), summary)
    return summary


def json_pieces(items: Iterable[ParticipantResult | Rejection], summary: Summary) -> Iterator[str | Rejection]:
    """Each result as its JSON text and each rejection as itself, in order, counted into ``summary``.

    What :func:`write_json` writes; ``check --jobs N`` makes the pieces in the worker processes."""
    for item in items:
        summary.add(item)
        yield item if isinstance(item, Rejection) else result_json(item)


def write_json_pieces(out: IO[str], meta: dict[str, Any], pieces: Iterable[str | Rejection], summary: Summary) -> None:
    """The JSON document from :func:`json_pieces`; ``summary`` is written after the last piece (it
    may be counted while the pieces are made)."""
    rejected: list[Rejection] = []
    out.write("{\n")
    for key in sorted(meta):
        out.write(f"{json.dumps(key)}: {dumps(meta[key])},\n")
    out.write('"participants": [')
    first = True
    for piece in pieces:
        if isinstance(piece, Rejection):
            rejected.append(piece)
            continue
        out.write("\n" if first else ",\n")
        out.write(piece)
        first = False
    out.write("\n],\n")
    out.write('"rejected": [' + ",".join("\n" + dumps(rejection_to_dict(r)) for r in rejected) + "\n],\n")
    out.write(f'"summary": {dumps(summary.as_dict())}\n}}\n')


def format_finding(f: Finding) -> list[str]:
    nb, en = outcome_label(f.outcome, f.force)
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


def format_unknown(findings: list[Finding]) -> str:
    """A participant's unknown findings in one block: the missing facts once (most needed first), then the requirements."""
    needed: dict[str, int] = {}
    for f in findings:
        for path in dict.fromkeys(f.missing):
            needed[path] = needed.get(path, 0) + 1
    facts = ", ".join(f"{p} ({n})" if n > 1 else p for p, n in sorted(needed.items(), key=lambda kv: (-kv[1], kv[0])))
    lines = [f"  [ukjent / unknown] {len(findings)} krav mangler opplysninger / requirements lack facts"]
    if facts:
        lines.append(f"      mangler/missing: {facts}")
    lines.append("      krav/requirements: " + ", ".join(f.requirement_id for f in findings))
    return "\n".join(lines) + "\n"


def write_text(out: IO[str], meta: dict[str, Any], items: Iterable[ParticipantResult | Rejection],
               *, show_not_applicable: bool = False) -> Summary:
    """Readable text, one block per participant; not-applicable findings are counted, not listed."""
    summary = Summary()
    write_text_pieces(out, meta, text_pieces(items, summary, show_not_applicable=show_not_applicable), summary)
    return summary


def text_pieces(items: Iterable[ParticipantResult | Rejection], summary: Summary, *,
                show_not_applicable: bool = False) -> Iterator[str]:
    """Each result's (or rejection's) block of text, in order, counted into ``summary``."""
    for item in items:
        summary.add(item)
        if isinstance(item, Rejection):
            yield f"AVVIST / REJECTED {terminal(item.describe())}\n\n"
            continue
        regime = item.regime.regime or "ukjent/unknown"
        lines = [f"{terminal(item.participant_id)} [{regime}] {item.regime.reason.nb}\n"]
        for w in warnings_of(item):
            lines.append(f"  advarsel/warning: {w['message']['nb']} / {w['message']['en']}\n")
        hidden = 0
        unknown = []
        for f in item.findings:
            if f.outcome is Outcome.NOT_APPLICABLE and not show_not_applicable:
                hidden += 1
                continue
            if f.outcome is Outcome.UNKNOWN:  # said once per participant, below: the facts, not a paragraph each
                unknown.append(f)
                continue
            lines.append("\n".join(format_finding(f)) + "\n")
        if unknown:
            lines.append(format_unknown(unknown))
        if hidden:
            lines.append(f"  ({hidden} krav gjelder ikke / requirements not applicable)\n")
        lines.append("\n")
        yield terminal("".join(lines), keep_newlines=True)  # a plugin's message may quote the data: no escape sequence


def write_text_pieces(out: IO[str], meta: dict[str, Any], pieces: Iterable[str], summary: Summary) -> None:
    """The text from :func:`text_pieces`, then the counts in ``summary``."""
    out.write(f"integrules: {terminal(meta.get('kommune') or 'ukjent kommune / unknown municipality')}, "
              f"per/as of {meta['as_of']}\n")
    for notice in meta.get("notices", ()):
        out.write(f"{notice['nb']} / {notice['en']}\n")
    out.write("\n")
    for piece in pieces:
        out.write(piece)
    s = summary.as_dict()
    out.write(f"Lest/read {s['read']}, vurdert/evaluated {s['evaluated']}, avvist/rejected {s['rejected']}, "
              f"programfeil/plugin errors {s['plugin_errors']}\n")
    counts = ", ".join(f"{OUTCOME_LABELS[o][1]} {s['findings'][o.value]}" for o in Outcome)
    out.write(f"Funn/findings: {counts}\n")
    if any(s["should_findings"].values()):
        counts = ", ".join(f"{SHOULD_OUTCOME_LABELS[o][1].removesuffix(' (should)')} {s['should_findings'][o.value]}"
                           for o in Outcome)
        out.write(f"Funn etter bør-krav (ikke brudd på loven) / findings of should requirements (not breaches): "
                  f"{counts}\n")
    if s["duf_warnings"]:
        out.write(f"Advarsler/warnings: {s['duf_warnings']} DUF-nummer med feil kontrollsiffer / DUF numbers with "
                  f"wrong check digits\n")
