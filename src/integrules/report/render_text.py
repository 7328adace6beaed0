"""Plain text: headings underlined, tables with aligned columns."""

from __future__ import annotations

import textwrap
from typing import Any

from ..escaping import terminal
from .blocks import all_blocks


def _table(headers: list[str], rows: list[list[str]]) -> str:
    if not rows:
        return "  (ingen / none)\n\n"
    widths = [max(len(str(x)) for x in col) for col in zip(headers, *rows)]
    line = lambda cells: "  " + "  ".join(str(c).ljust(w) for c, w in zip(cells, widths)).rstrip()  # noqa: E731
    return "\n".join([line(headers), "  " + "  ".join("-" * w for w in widths), *(line(r) for r in rows)]) + "\n\n"


def render(report: dict[str, Any]) -> str:
    out = []
    for block in all_blocks(report):
        if block[0] == "h":
            text = block[2]
            out.append(f"\n{text}\n{('=' if block[1] == 1 else '-') * min(len(text), 100)}\n" if block[1] < 3 else f"\n{text}\n")
        elif block[0] == "p":
            out.append(textwrap.fill(block[1], width=100) + "\n\n")
        else:
            out.append(_table(block[1], block[2]))
    return terminal("".join(out).lstrip("\n"), keep_newlines=True)  # no escape sequence from the data reaches a terminal
