"""Helpers shared by the norskmal tests (a unique module name: the tests may run beside other plugins')."""

from __future__ import annotations

import datetime as dt

from integrules.convert import converter
from integrules.model import Participant

SUBS = ("lytteforstaelse", "leseforstaelse", "skriftlig", "muntlig")


def levels(*values) -> dict:
    """levels("B1") for all four sub-tests, or four values in order listening, reading, writing, oral."""
    if len(values) == 1:
        values = values * 4
    return {s: v for s, v in zip(SUBS, values) if v is not None}


def change(date: str, lv: dict, kind: str = "endring", justification: str | None = "Progresjonen tilsier det.") -> dict:
    out = {"date": date, "kind": kind, "levels": lv}
    if justification is not None:
        out["justification"] = justification
    return out


def person(**facts) -> Participant:
    return converter().structure({"id": "NM-1", **facts}, Participant)


D = dt.date
