"""JSON: the report dict itself, canonical (sorted keys), documented in docs/reports.md."""

from __future__ import annotations

import json
from typing import Any

from ..output import json_default


def render(report: dict[str, Any]) -> str:
    return json.dumps(report, ensure_ascii=False, sort_keys=True, indent=1, default=json_default) + "\n"
