"""What is missing, ranked: the facts whose absence leaves most findings unknown.

Every ``unknown`` finding names the fact paths it lacks (``missing``, in the data format's field
names, docs/data-format.md). Counted per field (list positions folded: ``norskmal[1].justification``
counts as ``norskmal[].justification``): the unknown findings that name it (``findings``), those
that name it alone (``alone``: filling in that one field lets the rule decide, at least on that
fact), the participants and the requirements concerned. Ranked by findings, then by name, so an
analyst knows which columns to add to the export first.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

_INDEX = re.compile(r"\[\d+\]")


class MissingTally:
    """Streaming counts of missing fact paths over the unknown findings."""

    def __init__(self) -> None:
        self.fields: dict[str, list[int]] = {}  # field -> [findings, alone, participants]
        self.requirements: dict[str, set[str]] = {}
        self._norm: dict[tuple[str, ...], tuple[str, ...]] = {}

    def _fields(self, paths: tuple[str, ...]) -> tuple[str, ...]:
        got = self._norm.get(paths)
        if got is None:
            got = self._norm[paths] = tuple(dict.fromkeys(_INDEX.sub("[]", p) for p in paths))
        return got

    def add(self, findings: Iterable[Any]) -> None:
        """One participant's findings; only unknown ones naming a missing fact count."""
        seen: set[str] = set()
        for f in findings:
            if f.outcome._value_ != "unknown" or not f.missing:
                continue
            fields = self._fields(tuple(f.missing))
            alone = len(fields) == 1
            for field in fields:
                counts = self.fields.get(field)
                if counts is None:
                    counts = self.fields[field] = [0, 0, 0]
                    self.requirements[field] = set()
                counts[0] += 1
                counts[1] += alone
                if field not in seen:
                    seen.add(field)
                    counts[2] += 1
                self.requirements[field].add(f.requirement_id)

    def partial(self) -> dict[str, Any]:
        return {"fields": self.fields, "requirements": self.requirements}

    def merge(self, part: dict[str, Any]) -> None:
        for field, counts in part["fields"].items():
            mine = self.fields.setdefault(field, [0, 0, 0])
            for i, n in enumerate(counts):
                mine[i] += n
            self.requirements.setdefault(field, set()).update(part["requirements"][field])

    def as_list(self) -> list[dict[str, Any]]:
        rows = [{"field": field, "findings": c[0], "alone": c[1], "participants": c[2],
                 "requirements": len(self.requirements[field])} for field, c in self.fields.items()]
        return sorted(rows, key=lambda r: (-r["findings"], r["field"]))
